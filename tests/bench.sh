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
date "+%Y-%m-%d, $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg)"

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
if [ -x "$bin/cp-report" ]; then
	echo
	echo "== 3,600 plans: batch declarations, and with their logbooks, in PDF against the same in HTML"
	tests/bench-pdf.sh "$bin" "$dir/plans" "$dir/sheet-1m.csv"
fi
if [ -x "$bin/cp-check" ]; then
	echo
	echo "== 3,600 plans and 1,000,000 lines: cp-check, as the pre-commit hook runs it"
	/usr/bin/time -f "%e s, peak %M KB" "$bin/cp-check" -v -p "$dir/plans" "$dir/plans" \
		"$dir/sheet-1m.csv" 2>"$dir/check.err" || true
	tail -n 2 "$dir/check.err" # its summary and the time; the warnings are not the point here
	echo "(goal: 2 s)"
fi

# The targets of the speed work, each a ratio from this one run (times are
# medians of RUNS interleaved runs).  The 10,000,000-line sheet is made
# here, not kept: 700 MB.
echo
echo "== the targets, as ratios from one run"
# Issue 16 set the goal of --by grant and --budget against "today's"
# cp-hours --by plan,month: the one of 1dc3847, the day grants came.
# Speed work has since made --by plan,month more than twice as fast, so
# both are shown: against this build's and against that day's, built
# here from git (left out outside a git checkout).
ref=1dc3847 refbin=-
if git rev-parse -q --verify "$ref^{commit}" >/dev/null 2>&1; then
	refdir=$dir/ref-$ref
	if [ ! -x "$refdir/build/cp-hours" ]; then
		rm -rf "$refdir" && mkdir -p "$refdir"
		git archive "$ref" | tar -x -C "$refdir"
		make -C "$refdir" -j"$(nproc)" all >"$refdir/make.log" 2>&1 || true
	fi
	[ ! -x "$refdir/build/cp-hours" ] || refbin=$refdir/build/cp-hours
fi
[ -s "$dir/sheet-10m.csv" ] || "$dir/gen" sheet 10000000 3600 >"$dir/sheet-10m.csv"
help_ms=-
if command -v hyperfine >/dev/null 2>&1; then
	hyperfine -N -w 20 -r 300 --export-json "$dir/help.json" "$bin/cp-hours --help" >/dev/null 2>&1 &&
		help_ms=$(python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$dir/help.json")
fi
python3 - "$RUNS" "$help_ms" "$bin" "$dir" "$refbin" <<'PY'
import os, resource, statistics, subprocess, sys, tempfile, time
runs, help_ms, bin, d, refbin = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
# the batch's files go to memory (tmpfs) where there is some: on ext4
# without a journal, files made within a minute of an rm -rf of thousands
# (the runs above clean up after themselves) cost their inode search 0.3
# to 0.5 s of system time, which is the file system's, not cp-report's
out = tempfile.mkdtemp(dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else None)
cmds = {
    "hours 1M": f"{bin}/cp-hours --by plan,month -o csv {d}/sheet-1m.csv",
    "hours 10M": f"{bin}/cp-hours --by plan,month -o csv {d}/sheet-10m.csv",
    "libcsv 1M": f"{d}/baseline-libcsv {d}/sheet-1m.csv",
    "grant": f"{bin}/cp-hours --by grant -p {d}/plans -o csv {d}/sheet-1m.csv",
    "budget": f"{bin}/cp-hours --budget -p {d}/plans -o csv {d}/sheet-1m.csv",
    "due": f"{bin}/cp-evaluate --due --on 2026-11-23 {d}/plans",
    "libyaml": f"{d}/baseline-yaml {d}/plans/*.yaml",
    # each run into a directory of its own, as a user's batch goes
    "report": f"{bin}/cp-report --declaration --funder uwv --period 2026H1 -o $(mktemp -d -p {out})/r {d}/plans {d}/sheet-1m.csv",
}
if refbin != "-":
    cmds["hours 1M at 1dc3847"] = f"{refbin} --by plan,month -o csv {d}/sheet-1m.csv"
t = {k: [] for k in cmds}
for c in cmds.values():
    subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(runs):
    for k, c in cmds.items():
        s = time.perf_counter()
        subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t[k].append(time.perf_counter() - s)
rss = {}
for k in ("hours 1M", "hours 10M"):
    r = subprocess.run(["/usr/bin/time", "-f", "%M", "sh", "-c", cmds[k] + " >/dev/null 2>&1"],
                       capture_output=True, text=True)
    rss[k] = int(r.stderr.strip().splitlines()[-1]) / 1024
m = {k: statistics.median(v) * 1000 for k, v in t.items()}
rows = [
    ("cp-hours --by plan,month, 1M lines / libcsv pass", m["hours 1M"] / m["libcsv 1M"], "<= 0.25"),
    ("peak RSS, 1M lines (MB)", rss["hours 1M"], "< 20"),
    ("10M lines / 1M lines", m["hours 10M"] / m["hours 1M"], "<= 10.5"),
    ("peak RSS, 10M / 1M", rss["hours 10M"] / rss["hours 1M"], "<= 1.10"),
    ("cp-hours --by grant (3,600 plans) / --by plan,month", m["grant"] / m["hours 1M"], "<= 1.1"),
    ("cp-hours --budget (3,600 plans) / --by plan,month", m["budget"] / m["hours 1M"], "<= 1.1"),
    ("cp-evaluate --due, 3,600 plans / libyaml floor", m["due"] / m["libyaml"], "<= 1.2"),
    ("cp-report --declaration / (libcsv + libyaml)", m["report"] / (m["libcsv 1M"] + m["libyaml"]), "<= 1.0"),
]
if refbin != "-":
    for k, flag in (("grant", "--by grant"), ("budget", "--budget")):
        rows.append((f"cp-hours {flag} / --by plan,month at 1dc3847",
                     m[k] / m["hours 1M at 1dc3847"], "<= 1.1"))
if help_ms != "-":
    rows.append(("cp-hours --help start-up (ms)", float(help_ms), "<= 1.5"))
print(f"{'measure':<54}{'value':>8}  goal")
for name, v, goal in rows:
    print(f"{name:<54}{v:>8.2f}  {goal}")
print("medians (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in m.items()))
print(f"load average after the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
subprocess.run(["rm", "-rf", out])
PY
