#!/usr/bin/env bash
# Side by side, on the same bytes: ripgrep counting lines with the citation pattern that
# `citations` starts from, and vanban extracting and parsing every citation.
#
#   bash benches/compare_rg.sh [REPEAT]     (needs `rg` and `hyperfine`: apt-get install ripgrep hyperfine)
#
# The input is the test corpus repeated REPEAT times (default 8, about 3.4 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${1:-8}
input=$(mktemp --suffix=.txt)
trap 'rm -f "$input"' EXIT
for _ in $(seq "$repeat"); do cat tests/corpus/*.txt; done > "$input"
echo "input: $(wc -c < "$input") bytes"

# The candidate pattern of src/citation.rs without its Unicode dash and space variants.
pat='[0-9]{1,5}(\.[0-9]{1,3})?([ \t]*/[ \t]*((19|20)[0-9]{2}[ \t]*[/-][ \t]*)?|[ \t]*-[ \t]*[A-ZĐ][A-Za-zĐđ]{0,4}[ \t]*/[ \t]*|-(19|20)[0-9]{2}-|[ \t]*-[ \t]*)[A-ZĐ][A-Za-zĐđ0-9]{0,24}([ \t]*-[ \t]*[A-ZĐ][A-Za-zĐđ0-9]{0,24})*'

cargo build -q --release --example vanban
hyperfine -N --warmup 3 --runs 20 \
    "rg -c '$pat' $input" \
    "target/release/examples/vanban cite $input"
# The library alone (no JSON, no Document::parse), with criterion's median:
cargo bench -q --bench citation -- --warm-up-time 1 --measurement-time 5 'citations/corpus' 2>/dev/null | grep -E 'time:|thrpt:'
