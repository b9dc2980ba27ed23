#!/usr/bin/env bash
# Seeds fuzz/corpus/TARGET from the real documents in tests/corpus: whole texts for the
# document, citation, date and decode targets, single non-empty lines for all of them
# (short inputs mutate faster). The corpus directories are git-ignored.
set -euo pipefail
cd "$(dirname "$0")"
src=../tests/corpus
for t in number citations document date decode; do
    mkdir -p "corpus/$t"
done
n=0
for f in "$src"/*.txt; do
    base=$(basename "$f" .txt)
    for t in citations document date decode; do
        cp "$f" "corpus/$t/$base.txt"
    done
    i=0
    while IFS= read -r line || [ -n "$line" ]; do
        [ -z "${line// /}" ] && continue
        i=$((i + 1))
        for t in number citations date; do
            printf '%s' "$line" > "corpus/$t/$base-$i.txt"
        done
        n=$((n + 1))
    done < "$f"
done
# Number-like tokens for the number target (`701/QĐ-UBND`, `08-NQ/TU`).
grep -ohE '[0-9]+[/-][^ ;,)]+' "$src"/*.txt | sort -u | head -2000 | nl -ba | while read -r i tok; do
    printf '%s' "$tok" > "corpus/number/tok-$i.txt"
done
echo "seeded $n lines from $(ls "$src"/*.txt | wc -l) documents"
