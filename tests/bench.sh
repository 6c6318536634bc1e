#!/bin/sh
# tests/bench.sh, run by `make bench`: coachplan against the programs a user
# would otherwise reach for, on the shared benchmark data, in one run on
# this machine.  Compare the ratios, not the times: those vary by machine.
#   CP_BIN (default build), SHARED (default ../shared), BENCH_DIR, RUNS
set -eu
cd "$(dirname "$0")/.."
bin=$(cd "${CP_BIN:-build}" && pwd)
peers=$(cd "${SHARED:-../shared}/bench" && pwd)
dir=${BENCH_DIR:-/tmp/coachplan-bench}
export BENCH_DIR=$dir RUNS=${RUNS:-5}
date "+%Y-%m-%d, $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"

echo
echo "== 1,000,000 hour lines: cp-hours --by plan,month -o csv, beside its peers"
"$peers/run-baselines" "$bin/cp-hours --by plan,month -o csv"
if "$bin/cp-hours" --by plan,month -o csv "$dir/sheet-1m.csv" | cmp -s - "$dir/expected.csv"
then echo "cp-hours gives the same totals as the libcsv baseline"
else echo "cp-hours's totals DIFFER from the libcsv baseline" >&2; exit 1
fi

echo
echo "== what joining the funders of 3,600 plans adds (--by half, then --by funder,half -p)"
python3 - "$RUNS" "$bin/cp-hours --by half -o csv $dir/sheet-1m.csv" \
	"$bin/cp-hours --by funder,half -p $dir/plans -o csv $dir/sheet-1m.csv" <<'PY'
import statistics, subprocess, sys, time
runs, cmds = int(sys.argv[1]), sys.argv[2:]
t = {c: [] for c in cmds}
for c in cmds:
    subprocess.run(c, shell=True, stdout=subprocess.DEVNULL)
for _ in range(runs):
    for c in cmds:
        s = time.perf_counter(); subprocess.run(c, shell=True, stdout=subprocess.DEVNULL)
        t[c].append(time.perf_counter() - s)
a, b = (statistics.median(t[c]) * 1000 for c in cmds)
print(f"--by half {a:.0f} ms, --by funder,half -p {b:.0f} ms: the join adds {b - a:.0f} ms")
PY

if [ -x "$bin/cp-evaluate" ]; then
	echo
	echo "== 3,600 plans: cp-evaluate --due, beside its peers"
	"$peers/run-baselines" --plans "$bin/cp-evaluate --due --on 2026-11-23"
fi
if [ -x "$bin/cp-report" ]; then
	echo
	echo "== 3,600 plans and 1,000,000 lines: cp-report --declaration --period 2026H1"
	out=$(mktemp -d)
	/usr/bin/time -f "%e s, peak %M KB" "$bin/cp-report" --declaration --funder uwv \
		--period 2026H1 -o "$out" "$dir/plans" "$dir/sheet-1m.csv"
	echo "$(($(wc -l <"$out/summary.csv") - 1)) declarations and summary.csv (goal: 1.5 s, 50 MB)"
	rm -rf "$out"
fi
if [ -x "$bin/cp-check" ]; then
	echo
	echo "== 3,600 plans and 1,000,000 lines: cp-check, as the pre-commit hook runs it"
	/usr/bin/time -f "%e s, peak %M KB" "$bin/cp-check" -v -p "$dir/plans" "$dir/plans" \
		"$dir/sheet-1m.csv"
	echo "(goal: 2 s)"
fi
