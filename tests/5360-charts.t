#!/bin/sh
# The accountability report's charts (issue 17): hours per week by mode and
# each grant's burn, as SVG in the HTML and drawn in the PDF.  The SVG is
# read back here: its bars add up to the hours in the report's tables, each
# bar is as tall as its minutes on the chart's own scale, and the ceiling
# line stands at the hours granted.  Then headless Chromium (Debian's
# chromium) renders every HTML report to PDF without errors; without
# chromium that part is skipped.
. "$(dirname "$0")/lib.sh"
cp -R "$TOP/examples/caseload" cl && chmod 600 cl/plans/* cl/hours/* && cd cl || exit 1

# charts.py WHAT HTML: one fact about the charts of an HTML report, or why not
cat >../charts.py <<'PY'
import re, sys

what, html = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()

def minutes(s):  # 1:30, -0:15 as minutes; "" as None
    s = re.sub(r"<[^>]*>", "", s).strip()
    if not s:
        return None
    neg = s.startswith("-")
    h, m = s.lstrip("-").split(":")
    return (-1 if neg else 1) * (int(h) * 60 + int(m))

def table_after(heading):  # the rows of the first <table> after the heading
    i = re.compile(r"<table( class=\"[a-z ]*\")?>\n<thead>").search(html, html.index(heading)).start()
    t = html[i:html.index("</table>", i)]
    head = [re.sub(r"<[^>]*>", "", c) for c in re.findall(r"<th[^>]*>(.*?)</th>", t.split("</thead>")[0])]
    rows = [re.findall(r"<td[^>]*>(.*?)</td>", r) for r in re.findall(r"<tr[^>]*>(.*?)</tr>", t.split("</thead>")[1])]
    return head, rows

def charts():  # (title, svg, figure) of each chart
    for m in re.finditer(r"<figure class=\"chart\">(.*?)</figure>", html, re.S):
        fig = m.group(1)
        title = re.search(r"<title id=\"chart\d+-title\">(.*?)</title>", fig).group(1)
        yield title, fig[:fig.index("</svg>")], fig

def bars(svg):  # [(bar, series, minutes, y, height)]
    return [(b, s, int(v), float(y), float(h)) for b, s, v, y, h in re.findall(
        r"<rect class=\"bar\" data-bar=\"([^\"]*)\" data-series=\"([^\"]*)\" data-minutes=\"(-?\d+)\""
        r" x=\"[^\"]*\" y=\"([^\"]*)\" width=\"[^\"]*\" height=\"([^\"]*)\"", svg)]

def scale(svg):  # (y of 0 hours, points per minute), from the axis and a grid line
    base = float(re.search(r"<line class=\"axis\" x1=\"[^\"]*\" y1=\"([^\"]*)\"", svg).group(1))
    m, y = re.search(r"<line class=\"grid\" data-minutes=\"(\d+)\" x1=\"[^\"]*\" y1=\"([^\"]*)\"", svg).groups()
    return base, (base - float(y)) / int(m)

def fail(why):
    print(why)
    sys.exit(1)

weeks = [c for c in charts() if c[0].startswith("Hours per")]
burns = [c for c in charts() if c[0].startswith("Hours used against granted")]
if what == "weeks":  # the week chart's bars add up to the hours table, mode by mode
    if len(weeks) != 1:
        fail(f"{len(weeks)} charts of hours per week")
    head, rows = table_after("Per goal and mode")
    total = rows[-1]  # the total row, in <tfoot>
    b = bars(weeks[0][1])
    for col, label in enumerate(head):
        key = {"on site": "onsite", "total": None}.get(label, label)
        if col == 0 or label == "remote %":
            continue
        got = sum(v for _, s, v, _, _ in b if key is None or s == key)
        if got != minutes(total[col]):
            fail(f"{label}: the bars add up to {got} minutes, the table says {total[col]}")
elif what == "geometry":  # each bar as tall as its minutes, stacked without gaps
    for title, svg, _ in charts():
        base, k = scale(svg)
        top = {}
        for bar, s, v, y, h in bars(svg):
            if abs(h - v * k) > 0.02:
                fail(f"{title}, {bar} {s}: {h} points tall for {v} minutes")
            if abs(y + h - top.get(bar, base)) > 0.02:
                fail(f"{title}, {bar} {s}: not on the bar below it")
            top[bar] = y
elif what == "data":  # the figure's table holds the numbers the bars show
    for title, svg, fig in charts():
        t = fig[fig.index("<table"):]
        for bar, cells in re.findall(r"<tr data-bar=\"([^\"]*)\">(.*?)</tr>", t):
            cells = re.findall(r"<td[^>]*>(.*?)</td>", cells)
            want = sum(v for b, _, v, _, _ in bars(svg) if b == bar)
            shown = minutes(cells[1]) if len(cells) == 2 + ("granted" in t) else minutes(cells[-1 - ("granted" in t)])
            if (shown or 0) != want:
                fail(f"{title}, {bar}: the table says {cells}, the bars {want}")
elif what == "burn":  # a grant that ended in the period: its last bar is its hours used
    head, rows = table_after("Hours against the budget</h2>")
    rows = [r for r in rows if "ungranted" not in r[0]]
    if len(burns) != len(rows):
        fail(f"{len(burns)} burn charts for {len(rows)} grants")
    checked = 0
    for (title, svg, fig), row in zip(burns, rows):
        granted, used = minutes(row[head.index("granted")]), minutes(row[head.index("used")])
        base, k = scale(svg)
        d = re.search(r"<path class=\"line\" data-key=\"granted\"[^>]* d=\"M[0-9.]+ ([0-9.]+)", svg)
        if not d or abs(float(d.group(1)) - (base - granted * k)) > 0.02:
            fail(f"{title}: the ceiling is not at {granted} minutes")
        last = re.findall(r"<tr data-bar=\"[^\"]*\">(.*?)</tr>", fig)[-1]
        cum = minutes(re.findall(r"<td[^>]*>(.*?)</td>", last)[1])
        if cum is None:
            continue  # the grant goes on after the period
        b = [v for _, _, v, _, _ in bars(svg)]
        if cum != used or (b and b[-1] != used):
            fail(f"{title}: the last week shows {cum}, its last bar {b[-1:]}, the table {used} used")
        checked += 1
    print(f"{checked} grants checked to the minute")
else:
    fail("what?")
PY
charts() { python3 ../charts.py "$@" >why 2>&1 || { cat why >&2; return 1; }; }

# ---- the SVG read back ----
run cp-report --plan P-2024-003 --period 2026H1 -o html
status_is 0 "the accountability report as HTML"
mv out account.html
check "the hours per week: the bars add up to the table of hours, mode by mode" \
	charts weeks account.html
check "... each bar as tall as its minutes on the chart's scale" charts geometry account.html
check "... and the chart's own table says what the bars show" charts data account.html
check "a grant's burn: the last week is the hours used, the ceiling the hours granted" \
	charts burn account.html
check "... the SVG has a title and a description for screen readers" \
	grep -q '<svg [^>]*role="img" aria-labelledby="chart1-title chart1-desc"' account.html
check "... no script, and nothing fetched" sh -c \
	'! grep -Eiq "<script|src=|href=|url\\(|@import" account.html'
check "... the ids are unique" sh -c \
	'test -z "$(grep -o " id=\"[^\"]*\"" account.html | sort | uniq -d)"'

run cp-report --plan P-2024-003 -o html
mv out whole.html
check "over more than a year: a bar per month" grep -q '<h3>Hours per month by mode</h3>' whole.html
check "... adding up to the table all the same" charts weeks whole.html
check "... drawn to scale" charts geometry whole.html
check "... a burn chart per budget period of the plan, each to the minute" \
	charts burn whole.html

for f in text markdown csv json; do
	run cp-report --plan P-2024-003 --period 2026H1 -o $f
	check "-o $f leaves the charts out (their numbers are in the tables)" \
		sh -c '! grep -qi "per week by mode\|against granted\|<svg" out'
done

# A version 2 plan: its grants, a follow-up and a strippenkaart, each burnt
cat >plans/P-2026-900.yaml <<'YAML'
version: 2
id: P-2026-900
participant:
  name: Sanne de Jong
employer:
  name: De Keuken
coach: robin
funder: uwv
start: 2026-01-05
goals:
  - {id: G1, text: Zelfstandig de kassa bedienen}
grants:
  - from: 2026-01-05
    to: 2026-03-31
    hours: 10
  - from: 2026-04-01
    to: 2026-06-30
    hours: 12
  - from: 2026-07-01
    kind: strippenkaart
    funder: werkgever
    hours: 3
YAML
chmod 600 plans/P-2026-900.yaml
{
	echo date,coach,plan,goal,mode,minutes,note
	for d in 01-12 01-20 02-03 03-30 04-02 05-11 06-29 07-06 07-15; do
		echo "2026-$d,robin,P-2026-900,G1,onsite,90,Werkvloer"
	done
	echo "2026-02-10,robin,P-2026-900,G1,phone,30,Belrondje"
} >hours/sanne.csv
chmod 600 hours/sanne.csv
run cp-report --plan P-2026-900 --period 2026 -o html
status_is 0 "a version 2 plan's report"
mv out v2.html
check "... sets the hours against its grants, not 'no budget'" sh -c \
	'! grep -q "has no budget" v2.html && grep -q "<td>ungranted</td>\|<td>1 January 2026</td>\|<td>5 January 2026</td>" v2.html'
check "... a burn chart per grant, the strippenkaart's too" \
	test "$(grep -c '<h3>Hours used against granted' v2.html)" = 3
check "... each grant to the minute" charts burn v2.html
check "... the weeks add up" charts weeks v2.html
check "... drawn to scale" charts geometry v2.html

# ---- the PDF draws them too ----
if cp-report --plan P-2024-003 -o pdf 2>&1 | grep -q 'without cairo and pango'; then
	ok "PDF charts # skip this cp-report was built without cairo and pango"
elif ! command -v pdftotext >/dev/null; then
	ok "PDF charts # skip pdftotext is not installed (Debian: poppler-utils)"
else
	run cp-report --plan P-2024-003 --period 2026H1 -o pdf
	status_is 0 "the report as PDF, with its charts"
	pdftotext out out.txt
	check "... the chart of weeks, with its legend" sh -c \
		'grep -q "Hours per week by mode" out.txt && grep -q "on site" out.txt'
	check "... and the burn charts" \
		test "$(grep -c 'Hours used against granted' out.txt)" = 2
fi

# ---- headless Chromium renders every HTML report without errors ----
run cp-report --declaration --plan P-2025-007 --period 2026H1 -o html
mv out declaration.html
run cp-report --caseload -o html
mv out caseload.html
if ! command -v chromium >/dev/null; then
	ok "Chromium # skip chromium is not installed (Debian: chromium)"
else
	mkdir profile
	for f in account whole v2 declaration caseload; do
		HOME=$PWD/profile timeout 120 chromium --headless --no-sandbox --disable-gpu \
			--no-first-run --disable-extensions --disable-background-networking \
			--user-data-dir="$PWD/profile" --enable-logging=stderr --v=0 \
			--no-pdf-header-footer --print-to-pdf="$PWD/$f.pdf" "file://$PWD/$f.html" \
			>chromium.out 2>chromium.err
		status=$?
		status_is 0 "Chromium prints $f.html to PDF"
		check "... a PDF" sh -c "head -c 5 '$f.pdf' | grep -q '%PDF-'"
		check "... with no error in the page (console, network, layout)" sh -c \
			'! grep -Ei "CONSOLE|Uncaught|net::ERR_|Failed to load resource" chromium.err'
		if command -v pdftotext >/dev/null; then
			check "... the text of the report in it" sh -c \
				"pdftotext '$f.pdf' - | grep -q 'Accountability report\|Declaration\|Caseload'"
		fi
	done
fi

done_testing
