#!/bin/sh
# tests/bench-pdf.sh BIN PLANS SHEET, run by tests/bench.sh: batch
# declarations (cp-report --declaration --funder uwv --period 2026H1, one
# file per plan), then the same with each one's logbook (--logbook), in
# PDF against the same batch in HTML, interleaved, and the ratio of their
# medians (issue 17's goal: PDF within 3x of HTML); then the floor: the
# same text drawn by tests/pdf-floor.c, a line a layout, in as many
# processes as cp-report uses (two), which is what pango and cairo take.
# Alone, on fewer plans, it checks itself:
#   gen plans 300 /tmp/p && gen sheet 80000 300 >/tmp/s.csv &&
#   PDF_RUNS=1 tests/bench-pdf.sh build /tmp/p /tmp/s.csv
#   PDF_RUNS (default 3)
set -eu
bin=$(cd "$1" && pwd)
if "$bin/cp-report" --plan P -o pdf 2>&1 | grep -q 'without cairo and pango'; then
	echo "cp-report was built without cairo and pango: no PDF to time"
	exit 0
fi
floor=-
if command -v pdftotext >/dev/null 2>&1 && pkg-config --exists pangocairo 2>/dev/null; then
	floor=$(mktemp)
	# shellcheck disable=SC2046 # pkg-config's flags are words
	${CC:-cc} -O2 -o "$floor" "$(dirname "$0")/pdf-floor.c" $(pkg-config --cflags --libs pangocairo) ||
		{ rm -f "$floor"; floor=-; }
fi
python3 - "${PDF_RUNS:-3}" "$bin/cp-report" "$2" "$3" "$floor" <<'PY'
import os, resource, shutil, statistics, subprocess, sys, tempfile, time
runs, report, plans, sheet, floor = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
out = tempfile.mkdtemp(dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else None)  # as bench.sh
def used():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
for what, extra in (("declarations", []), ("declarations and their logbooks", ["--logbook"])):
    t = {"html": [], "pdf": []}
    cpu = {"html": [], "pdf": []}  # user + system: what a loaded machine does not stretch
    files = {}
    for _ in range(runs):
        for f in t:
            d = os.path.join(out, f)
            shutil.rmtree(d, ignore_errors=True)
            s, c = time.perf_counter(), used()
            subprocess.run([report, "--declaration", "--funder", "uwv", "--period", "2026H1",
                            "-o", d, "-o", f, *extra, plans, sheet], check=True)
            t[f].append(time.perf_counter() - s)
            cpu[f].append(used() - c)
            files[f] = len([n for n in os.listdir(d) if n.endswith("." + f)])
    m = {f: statistics.median(v) for f, v in t.items()}
    u = {f: statistics.median(v) for f, v in cpu.items()}
    print(f"{what}, {files['pdf']} files: HTML {m['html']:.2f} s, PDF {m['pdf']:.2f} s "
          f"(medians of {runs}); PDF / HTML {m['pdf'] / m['html']:.2f} (goal: <= 3)")
    print(f"  CPU time: HTML {u['html']:.2f} s, PDF {u['pdf']:.2f} s; "
          f"PDF / HTML {u['pdf'] / max(u['html'], 0.001):.2f}")
    if floor == "-":
        continue
    txt = os.path.join(out, "txt")
    shutil.rmtree(txt, ignore_errors=True)
    os.mkdir(txt)
    pdfs = sorted(n for n in os.listdir(os.path.join(out, "pdf")) if n.endswith(".pdf"))
    for n in pdfs:
        subprocess.run(["pdftotext", "-raw", os.path.join(out, "pdf", n),
                        os.path.join(txt, n[:-4] + ".txt")], check=True)
    texts = [os.path.join(txt, n[:-4] + ".txt") for n in pdfs]
    ft, fc = [], []
    for _ in range(runs):
        d = os.path.join(out, "floor")
        shutil.rmtree(d, ignore_errors=True)
        os.mkdir(d)
        s, c = time.perf_counter(), used()
        halves = [subprocess.Popen([floor, d, *texts[k::2]]) for k in (0, 1)]
        if any(h.wait() for h in halves):
            sys.exit("pdf-floor failed")
        ft.append(time.perf_counter() - s)
        fc.append(used() - c)
    f, fu = statistics.median(ft), statistics.median(fc)
    print(f"  floor (the same text, a line a layout, in two processes): {f:.2f} s, CPU {fu:.2f} s; "
          f"floor / HTML {f / m['html']:.2f}, PDF / floor {m['pdf'] / f:.2f}")
shutil.rmtree(out)
if floor != "-":
    os.remove(floor)
PY
