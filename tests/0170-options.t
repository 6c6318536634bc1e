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

# Bug: a bad value found after the options were read (cp-evaluate
# --within x, cp-plan --end x, cp-new --every x) ended without the Try
# line every other usage error ends with, and cp-hours --from x with a
# line of its own: each usage error reads "prog: why", then Try, 64
try_line() {
	run "$@"
	status_is 64 "$*: a usage error"
	err_like "^$1: " "$*: says why, named by the tool"
	check "$*: then the Try line" sh -c "tail -n 1 err |
		grep -qx \"Try \\\`$1 --help' or \\\`$1 --usage' for more information.\""
}
try_line cp-evaluate --within x
try_line cp-evaluate --on x
try_line cp-evaluate --record P-2024-003 --summary s --date x
try_line cp-evaluate --record P-2024-003 --summary s --next x
try_line cp-hours --from x
try_line cp-hours --to x
try_line cp-hours --period x
try_line cp-hours --by x
try_line cp-hours -o x
try_line cp-report --plan P-2024-003 --period x
try_line cp-report --plan P-2024-003 -o x
try_line cp-log -P P-2024-003 -m phone --date x 1h
try_line cp-log -P P-2024-003 -m phone x
try_line cp-plan P-2024-003 --end x
try_line cp-plan P-2024-003 --pause --from x
try_line cp-plan P-2024-003 --grant x
try_line cp-new -i A -n b -F uwv -s x
try_line cp-new -i A -n b -F uwv -s 2026-01-01 --every x
try_line cp-new -i A -n b -F uwv -s 2026-01-01 --hours 0

done_testing
