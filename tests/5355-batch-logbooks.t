#!/bin/sh
# cp-report --declaration --logbook -o DIR: beside each declaration of a
# batch, the logbook of the same hours to sign, the same document that
# cp-report --logbook --plan writes for one plan, in every format; the
# batch refuses to replace a logbook as it refuses a declaration.
. "$(dirname "$0")/lib.sh"
cp -R "$TOP/tests/data/logbook" lb && chmod 700 lb/plans lb/hours && chmod 600 lb/plans/* lb/hours/* &&
	cd lb || exit 1

for f in text html markdown; do
	run cp-report --declaration --logbook --funder uwv --period 2026H1 -o out.$f -o $f
	status_is 0 "a batch of declarations with their logbooks as $f"
	ext=$(ls out.$f | sed -n 's/^P-40\.//p')
	check "... the declaration is there" test -s "out.$f/P-40.$ext"
	cp-report --logbook --plan P-40 --period 2026H1 -o $f >want.$f
	same "out.$f/P-40_logbook.$ext" want.$f "... and its logbook, as cp-report --logbook --plan writes it"
done

run cp-report --declaration --logbook --funder uwv --period 2026 --per-grant -o grants -o text
status_is 0 "per grant: exit status 0"
cp-report --logbook --plan P-40 --grant 2026-000111 -o text >want
same grants/P-40_2026-01-05_logbook.txt want "per grant: the logbook of the grant, as --grant writes it"
check "... beside its declaration" test -s grants/P-40_2026-01-05.txt
check "... and the summary has no line for the logbook" \
	test "$(sed 1d grants/summary.csv | wc -l)" = 1

rm out.text/P-40.txt
refuses 73 "P-40_logbook.txt and 1 more file exist; use --force" "a logbook in the way" \
	cp-report --declaration --logbook --funder uwv --period 2026H1 -o out.text -o text
run cp-report --declaration --logbook --funder uwv --period 2026H1 -o out.text -o text --force
status_is 0 "--force replaces it"

run cp-report --declaration --funder uwv --period 2026H1 -o plain -o text
check "without --logbook, no logbooks" sh -c '! ls plain | grep -q logbook'

refuses 64 "--logbook needs --plan ID, or --declaration with -o DIR" \
	"--declaration --logbook for one plan to standard output" \
	cp-report --declaration --logbook --plan P-40 --period 2026H1
refuses 64 "--grant goes with --logbook" "--grant in a batch" \
	cp-report --declaration --logbook --funder uwv --period 2026H1 --grant 2026-000111 -o x

run cp-report --declaration --logbook --funder uwv --period 2026H1 --pseudonymize -o pseudo -o text
check "pseudonymized, the logbook names no one" sh -c \
	'! grep -q "$(sed -n "s/^  name: //p" plans/P-40.yaml)" pseudo/P-40_logbook.txt'

if cp-report --logbook --plan P-40 -o pdf 2>&1 | grep -q 'without cairo and pango'; then
	ok "PDF # skip this cp-report was built without cairo and pango"
elif ! command -v pdftotext >/dev/null 2>&1; then
	ok "PDF # skip pdftotext is not installed (Debian: poppler-utils)"
else
	run cp-report --declaration --logbook --funder uwv --period 2026H1 -o pdfs -o pdf
	status_is 0 "the batch in PDF"
	pdftotext -layout pdfs/P-40_logbook.pdf lb.txt
	check "... the logbook reads back with its signature blocks" grep -q 'Signatures' lb.txt
fi

# The sample's P-2025-019: UWV paid until 1 June 2026, the municipality
# since.  The logbook beside each declaration names whom that one goes
# to and the reference it carries, not the funder at the period's end.
cd .. && cp -R "$TOP/examples/caseload" sample && chmod 700 sample/plans sample/hours &&
	chmod 600 sample/plans/* sample/hours/* && cd sample || exit 1
for f in uwv gemeente; do
	CP_TODAY=2026-11-23 cp-report --declaration --logbook --funder $f --period 2026H1 -o $f -o text \
		>/dev/null 2>&1
done
check "a plan that changed funder: the logbook beside UWV's declaration is UWV's" \
	grep -Eq '^Funder: +UWV$' uwv/P-2025-019_logbook.txt
check "... with UWV's reference alone" grep -Eq '^Funder reference: +2025-021406$' uwv/P-2025-019_logbook.txt
check "... and the one beside the municipality's is the municipality's" \
	grep -Eq '^Funder: +municipality$' gemeente/P-2025-019_logbook.txt
check "... with its reference" \
	grep -Eq '^Funder reference: +WMO/PW-2025-3391$' gemeente/P-2025-019_logbook.txt
done_testing
