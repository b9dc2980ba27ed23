#!/usr/bin/env bash
# Runs the fuzz targets one after another, one process each (the build machine is shared):
#   fuzz/run.sh [SECONDS] [TARGET...]     default: 600 s for every target
# FUZZ_ARGS adds libFuzzer flags (e.g. FUZZ_ARGS=-max_len=4096 for the slow document target).
# libFuzzer's log of each run is kept in $LOGDIR (default fuzz/logs, git-ignored) as
# TARGET.log; a crash stops that target and is left in fuzz/artifacts/TARGET/.
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(number date citations document decode)
logdir=${LOGDIR:-logs}
mkdir -p "$logdir"
[ -d corpus/number ] || ./seed.sh
for t in "${targets[@]}"; do
    echo "== $t $(date -u +%H:%M:%S)"
    # shellcheck disable=SC2086
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" -- -max_total_time="$secs" -jobs=1 -workers=1 \
        ${FUZZ_ARGS:-} > "$logdir/$t.out" 2>&1
    echo "   rc=$? $(date -u +%H:%M:%S)"
    # With -jobs, libFuzzer writes the worker's log to fuzz-0.log in the working directory.
    [ -f fuzz-0.log ] && mv fuzz-0.log "$logdir/$t.log"
    grep -h 'DONE\|stat::number_of_executed_units\|SUMMARY\|Test unit written' \
        "$logdir/$t.log" "$logdir/$t.out" 2>/dev/null | sed 's/^/   /'
done
