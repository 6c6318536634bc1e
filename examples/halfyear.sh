#!/bin/sh
# halfyear.sh [CASELOAD]: an administrator's July in a script.  Writes the
# UWV declarations of the last half year for every coach's plans at once,
# with the summary for the portal, and an accountability report per
# declared plan for the follow-up application, all as HTML to print or
# open in a browser.  Run it inside a caseload, or give its directory.
# Nothing is overwritten: a half year already done stops the script.
set -eu
cd "${1:-.}"
# The sample caseload lives in November 2026; drop this line in your own.
: "${CP_TODAY:=2026-11-23}" && export CP_TODAY
# The half year before today's: 2026H1 in the second half of 2026.
today=${CP_TODAY:-$(date +%F)}
year=${today%%-*} month=${today#*-} month=${month%%-*}
if [ "${month#0}" -le 6 ]; then last=$((year - 1))H2; else last=${year}H1; fi
period=${PERIOD:-$last}
out=${OUT:-declaraties/uwv-$period}

# One declaration per UWV plan with hours in the period, and summary.csv;
# --all lists the plans without hours in the summary too.
cp-report --declaration --funder uwv --period "$period" --all -o "$out" plans hours
echo "Declarations in $out:"
ls "$out"

# The summary as the portal or a spreadsheet takes it.
echo
echo "Summary (minutes):"
column -s, -t <"$out/summary.csv" 2>/dev/null || cat "$out/summary.csv"

# An accountability report for each plan declared, beside its declaration.
for decl in "$out"/*.html; do
	id=$(basename "$decl" .html)
	cp-report --plan "$id" --period "$period" -o html >"$out/$id-verantwoording.html"
done
echo
echo "Accountability reports: $(ls "$out"/*-verantwoording.html | wc -l)"
