#!/bin/sh
# The spreadsheet dialect (--excel, -o excel) of every tool that writes
# CSV: a BOM, ';', CRLF, hours as decimal hours with a comma, formulas
# neutralised.  Read back by LibreOffice (headless, with the Dutch locale)
# where it is installed, else by Python's csv module with ';'.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
cp-new --id -5 --name "Min" --funder werkgever --start 2026-01-05 >/dev/null
# coaches and plans a spreadsheet would take for formulas
cat >hours/robin.csv <<'EOF'
date,coach,plan,goal,mode,minutes,note
2026-03-02,robin,P-1,G1,onsite,90,Inwerken kassa
2026-03-03,=SUM(A1),P-1,G1,phone,20,"=HYPERLINK(""http://x"")"
2026-03-04,+31612345678,P-1,,email,15,+31 6
2026-03-05,@x,P-2,,video,5,@x
2026-03-06,robin,-5,,chat,30,-5
2026-03-07,"	tab",P-2,,chat,1,tab
EOF

run cp-hours --by coach,plan --excel
status_is 0 "cp-hours --excel"
cp out hours.csv
check "starts with a byte order mark" sh -c 'head -c 3 hours.csv | od -An -tx1 | grep -q "ef bb bf"'
check "every line ends in CRLF" sh -c '[ "$(grep -c "$(printf "\r")\$" hours.csv)" = "$(wc -l <hours.csv)" ]'
check "the separator is ;" grep -q '^.*plan;coach;\|coach;plan;hours' hours.csv
check "the minutes column says hours" grep -q ';hours.$' hours.csv
check "90 minutes is 1,5" grep -q '^robin;P-1;1,5.$' hours.csv
check "20 minutes is 0,333333" grep -q "^'=SUM(A1);P-1;0,333333.\$" hours.csv
run cp-hours --by coach,plan -o excel
same out hours.csv "-o excel is --excel"
run cp-hours --by coach,plan -o csv
check "-o csv stays RFC 4180: a comma, line feeds, minutes" \
	sh -c 'head -n 1 out | grep -qx "coach,plan,minutes" && ! grep -q "$(printf "\r")" out && grep -qx "robin,P-1,90" out'

# hours left in a budget can be negative: a number, not a formula
cp-new --id P-9 --name "Over" --funder uwv --start 2026-01-05 --budget 1/6m >/dev/null
printf '2026-11-02,robin,P-9,,onsite,90,over\n' >>hours/robin.csv
run cp-hours --budget --plan P-9 --excel
status_is 1 "cp-hours --budget --excel: over budget"
cp out budget.csv
check "... left is -0,5 hours" grep -q ';1;1,5;-0,5;' budget.csv
check "... the headers say hours" grep -q 'granted_hours;used_hours;left_hours' budget.csv

run cp-evaluate --due --excel
status_is 1 "cp-evaluate --due --excel (an evaluation is overdue)"
cp out due.csv
check "... in the dialect" sh -c 'head -c 3 due.csv | od -An -tx1 | grep -q "ef bb bf" && grep -q "date;plan;participant;coach;what;days" due.csv'

cp -R "$TOP/examples/caseload" cl && chmod 600 cl/plans/* cl/hours/*
(cd cl && cp-report --plan P-2024-003 --period 2026H1 --excel) >report.csv
check "cp-report --excel: the report in the dialect" grep -q '^.*goal;onsite_hours;' report.csv
(cd cl && cp-report --declaration --funder uwv --period 2026H1 --excel -o html -o ../decl) 2>err
check "cp-report --excel -o html DIR: declarations in HTML" test -f decl/P-2024-003.html
check "... and summary.csv in the dialect" grep -q 'plan;funder_ref;participant;hours;onsite_hours' decl/summary.csv
run cp-report --declaration --plan P-1 --period 2026 -o excel
status_is 0 "cp-report -o excel: a declaration"
cp out decl.csv

# ---- read back as a spreadsheet would ----
readback() {
	python3 - "$@" <<'PY'
import csv, glob, os, re, subprocess, sys, shutil

def lo_cells(path):
    """The cells of a CSV as LibreOffice Calc opens it (Dutch locale):
    (type, text) per cell, type float or string, and any formula."""
    out = os.path.join(os.getcwd(), "lo")
    subprocess.run([shutil.which("soffice"), "-env:UserInstallation=file://" + os.getcwd() + "/lo-profile",
                    "--headless", "--infilter=CSV:59,34,76,1,,1043", "--convert-to", "fods",
                    "--outdir", out, path], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    x = open(os.path.join(out, os.path.basename(path)[:-4] + ".fods"), encoding="utf-8").read()
    rows = []
    for row in re.findall(r"<table:table-row[^>]*>(.*?)</table:table-row>", x, re.S):
        cells = []
        for attrs, body in re.findall(r"<table:table-cell([^>]*?)(?:/>|>(.*?)</table:table-cell>)", row, re.S):
            rep = int((re.findall(r'number-columns-repeated="(\d+)"', attrs) or [1])[0])
            if "formula" in attrs:
                cells.append(("formula", attrs))
                continue
            t = (re.findall(r'office:value-type="(\w+)"', attrs) or ["empty"])[0]
            v = (re.findall(r'office:value="([^"]*)"', attrs) or [None])[0]
            text = re.sub(r"<[^>]+>", "", body or "").strip()
            text = text.replace("&apos;", "'").replace("&amp;", "&").replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
            cells += [(t, v if t == "float" else text)] * (rep if rep < 50 else 0)
        rows.append(cells)
    return [r for r in rows if r]

def py_cells(path):
    raw = open(path, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    assert b"\n" not in raw.replace(b"\r\n", b""), "a line end that is not CRLF"
    rows = list(csv.reader(raw[3:].decode("utf-8").splitlines(), delimiter=";"))
    out = []
    for r in rows:
        cells = []
        for c in r:
            if re.fullmatch(r"-?\d+(,\d+)?", c):
                cells.append(("float", str(float(c.replace(",", ".")))))
            else:
                cells.append(("string" if c else "empty", c))
        out.append(cells)
    return out

engine = lo_cells if shutil.which("soffice") and not os.environ.get("CP_READBACK_PYTHON") else py_cells
bad = 0
for spec in sys.argv[1:]:
    path, col, want = spec.split(":", 2)
    rows = engine(path)
    head = [t for _, t in rows[0]]
    assert head[0] in ("coach", "plan", "date", "goal", "key"), f"{path}: BOM read as text? {head[0]!r}"
    i = head.index(col)
    got = [r[i] if i < len(r) else ("empty", "") for r in rows[1:]]
    for r in rows:
        for t, v in r:
            if t == "formula":
                print(f"{path}: a cell became a formula: {v}"); bad = 1
            if t == "string" and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
                print(f"{path}: a text cell starts with {v[:1]!r}: {v!r}"); bad = 1
    for w in want.split(","):
        kind, _, val = w.partition("=")
        if not any(t == kind and (not val or (float(v) == float(val) if kind == "float" else v == val))
                   for t, v in got):
            print(f"{path}: column {col} has no {kind} {val!r}: {got}"); bad = 1
print("engine:", "LibreOffice" if engine is lo_cells else "Python csv")
sys.exit(bad)
PY
}
check "read back: cp-hours hours are numbers, formulas are text ($([ -z "${CP_READBACK_PYTHON:-}" ] && command -v soffice >/dev/null && echo LibreOffice || echo Python csv))" \
	readback "hours.csv:hours:float=1.5,float=0.333333" "hours.csv:coach:string='=SUM(A1),string='+31612345678,string='@x" \
	"hours.csv:plan:string='-5"
check "read back: a negative budget left is a number" readback "budget.csv:left_hours:float=-0.5" "budget.csv:granted_hours:float=1"
check "read back: days of cp-evaluate are numbers" readback "due.csv:days:float"
check "read back: the declaration's durations and notes" \
	readback "decl.csv:hours:float=1.5,float=0.333333" 'decl.csv:note:string=Inwerken kassa,string='"'"'=HYPERLINK("http://x"),string='"'"'+31 6'
check "read back: the summary" readback "decl/summary.csv:hours:float"

# a sheet Excel saved with the empty columns right of the last one filled
# (formatted once): unnamed columns, kept.  Bug: 'column "" appears twice
# in the header', and no tool would read the sheet.
printf 'datum;coach;plan;doel;wijze;minuten;notitie;;;\r\n2026-03-02;robin;P-1;G1;werkvloer;90;a;;;\r\n;;;;;;;;;\r\n' >wide.csv
chmod 600 wide.csv
run cp-hours --by plan -o csv wide.csv
status_is 0 "a sheet with empty columns right of the last: cp-hours reads it"
out_is "plan,minutes
P-1,90" "... and counts its entries"
run cp-log -f wide.csv --plan P-1 --mode phone -d 2026-03-03 15 Gebeld
status_is 0 "... cp-log appends to it"
check "... in its own columns" sh -c "tail -n 1 wide.csv | grep -q '^2026-03-03;[^;]*;P-1;;phone;15;Gebeld;;;.\$'"
run cp-check wide.csv
status_is 0 "... and cp-check finds nothing wrong"
printf 'datum;plan;wijze;minuten;notitie;;\n2026-03-04;P-1;mail;5;Mail;X1;X2\n' >unnamed.csv
run sh -c 'cp-log -f wide.csv - <unnamed.csv'
status_is 0 "cp-log - with values in columns without a name"
check "... each into the sheet's column in its place, none twice" \
	sh -c "tail -n 1 wide.csv | grep -q '^2026-03-04;[^;]*;P-1;;email;5;Mail;X1;X2;.\$'"
# Bug: the warning of values in unnamed columns the sheet has no room
# for came once per such column
printf 'datum;plan;wijze;minuten;notitie;;;;;\n2026-03-05;P-1;mail;5;Mail;Y1;Y2;Y3;Y4;Y5\n' >more.csv
run sh -c 'cp-log -f wide.csv - <more.csv'
status_is 0 "cp-log - with more columns without a name than the sheet"
check "... says once that the others are not written" \
	sh -c '[ "$(grep -c "fewer columns without a name" err)" = 1 ]'
# Bug: a workbook (.xlsx is a zip, .xls OLE2) or a sheet saved as Unicode
# text (UTF-16) given for a sheet got "the header has no column date";
# it is said as what it is, with how to save it as CSV
printf 'PK\003\004\024\000\006\000\010\000\000\000!\000[Content_Types].xml\n' >uren.xlsx
printf '\320\317\021\340\241\261\032\341\000\000' >uren.xls
printf '\377\376d\000a\000t\000e\000,\000' >unicode.csv
printf 'datum;co\353ch;plan\n' >latin1.csv
save='hint: save it as CSV \(UTF-8\) first: in Excel Save As "CSV UTF-8 \(Comma delimited\)"'
refuses 65 'uren.xlsx: a spreadsheet workbook \(.xlsx, .xls or .ods\), not a CSV hour sheet$' \
	"an .xlsx for a sheet: cp-check" cp-check uren.xlsx
err_has "$save" "... how to save it as CSV"
refuses 65 'uren.xlsx: a spreadsheet workbook' "... cp-log -f" \
	cp-log -f uren.xlsx --plan P-1 --mode phone 15
refuses 65 'standard input: a spreadsheet workbook' "... cp-hours -" sh -c 'cp-hours - <uren.xlsx'
refuses 65 'uren.xls: a spreadsheet workbook' "an .xls: cp-check" cp-check uren.xls
refuses 65 'unicode.csv: text in UTF-16 \(saved as "Unicode text"\), not UTF-8$' \
	"a sheet in UTF-16" cp-check unicode.csv
err_has "$save" "... how to save it as CSV"
refuses 65 'latin1.csv: the header is not UTF-8 text; is this a CSV hour sheet\?$' \
	"a header not in UTF-8" cp-check latin1.csv
done_testing
