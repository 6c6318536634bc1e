#!/bin/sh
# Tables on a terminal: a last column of text too wide for the terminal
# wraps under its own start, so that every row keeps its columns; a table
# too wide for it even so shows each row as a record; in a file or a pipe
# every line stays whole.  The terminal is script(1)'s.
. "$(dirname "$0")/lib.sh"
if ! command -v script >/dev/null 2>&1 || ! script -qec true /dev/null >/dev/null 2>&1; then
	ok "script(1) not installed or no terminal to be had: skipped"
	done_testing
	exit
fi
caseload || exit 1
export CP_TODAY=2026-12-06
cp-new --id P-3 --name "Kim Ok" --funder uwv --start 2026-06-22 --goal x \
	--grant 2026-06-22..2026-12-20:40 >/dev/null

# on_terminal COLS CMD: CMD's standard output on a terminal COLS wide, in out
on_terminal() {
	cols=$1; shift
	script -qec "stty cols $cols; $*" /dev/null </dev/null | tr -d '\r' >out
}

on_terminal 90 cp-evaluate --within 1m
check "a due list on a terminal of 90 columns" grep -q '^2026-10-25  P-3 .*follow-up  *-42  apply for a follow-up grant$' out
check "... fits it" sh -c "! awk 'length > 90' out | grep -q ."
check "... its notes go on under the note column" \
	grep -q '^ \{59\}now: the grant ends on$' out
check "... to their last word" grep -q '^ \{59\}2026-12-20$' out
check "... a note that fits is one line" grep -q 'P-3 .*evaluation  *16  due in 16 days$' out
run cp-evaluate --within 1m -o table
check "in a pipe the note is whole" \
	grep -q 'follow-up  *-42  apply for a follow-up grant now: the grant ends on 2026-12-20$' out

on_terminal 70 cp-evaluate --within 1m
check "no room for the note on a terminal of 70 columns: a record a row" \
	grep -q '^2026-10-25$' out
check "... a line a column, the title first" grep -q '^  what         follow-up$' out
check "... a long value wraps under its start" \
	grep -q '^               2026-12-20$' out
check "... and every line fits" sh -c "! awk 'length > 70' out | grep -q ."
check "... a blank line between records" grep -q '^2026-12-22$' out

on_terminal 60 cp-report --caseload
check "the caseload overview on a terminal of 60 columns: records too" \
	grep -q '^  next evaluation  2026-12-22$' out
check "... the totals last, under their own heading" sh -c "tail -3 out | head -1 | grep -q '^total$'"
check "... and every line of them fits" sh -c "! sed '1,/^Active plans$/d' out | awk 'length > 60' | grep -q ."
run cp-report --caseload
check "in a pipe the overview is a table" grep -q '^P-3  *Kim Ok ' out
cp-evaluate -r P-3 -d 2026-12-01 -s "goed" --employee-mark 8 --employer-mark 7 2>/dev/null
on_terminal 40 cp-report --satisfaction
check "a row below the first of its group (no funder: the coach's) has no heading" \
	sh -c "grep -A1 '^\$' out | grep -q '^  coach  *[a-z]*\$'"
check "... nor an empty line for one" sh -c "! awk 'p == \"\" && \$0 == \"\" && NR > 1 { e = 1 } { p = \$0 } END { exit !e }' out"

on_terminal 80 cp-report --plan P-3
check "a report on a terminal" grep -q '^Accountability report' out

done_testing
