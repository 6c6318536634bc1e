#!/bin/sh
# One letter for one concept: every tool that has --plan gives it -P,
# every one with --coach -c, and so on, so that what a coach learnt in
# cp-log works in cp-hours and cp-report.  The exceptions are older than
# the rule and kept for the scripts that use them (see each tool's page):
# cp-new -n is --name and -d --dir, cp-plan -f is --force, cp-evaluate
# -q is --quiet-since (coachplan(7), CONVENTIONS).
. "$(dirname "$0")/lib.sh"

letters='plan:P coach:c funder:F goal:g mode:m activity:a plans:p output:o
keep-going:k dry-run:n date:d file:f'
for src in "$TOP"/cmd/*.c; do
	tool=$(basename "$src" .c)
	COLUMNS=200 "$tool" --help >help.txt
	for pair in $letters; do
		long=${pair%:*} letter=${pair#*:}
		grep -Eq -- "^ +(-., )?--$long([= ]|\$)" help.txt || continue
		case $tool:$long in cp-new:dry-run) continue ;; esac
		check "$tool: --$long is -$letter" grep -Eq -- "^ +-$letter, --$long([= ]|\$)" help.txt
	done
done

# the short options select what the long ones do
cp -R "$TOP/examples/caseload/plans" "$TOP/examples/caseload/hours" .
cp-hours --plan P-2024-003 --coach robin --goal G1 --mode onsite -o csv >long.csv
cp-hours -P P-2024-003 -c robin -g G1 -m werkvloer -o csv >short.csv
check "cp-hours -P -c -g -m select as --plan --coach --goal --mode" cmp long.csv short.csv
check "... and select something" test "$(wc -l <short.csv)" -gt 1
cp-hours --funder gemeente --activity support --by plan -o csv >long.csv
cp-hours -F gemeente -a support --by plan -o csv >short.csv
check "cp-hours -F -a select as --funder --activity" cmp long.csv short.csv
cp-report --plan P-2024-003 -o text >long.txt
cp-report -P P-2024-003 -o text >short.txt
check "cp-report -P is --plan" cmp long.txt short.txt

done_testing
