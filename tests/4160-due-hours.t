#!/bin/sh
# cp-evaluate --due: a grant whose hours are 90 % logged or more, with no
# later grant recorded, is an item "hours", as cp-log warns; a
# strippenkaart, which has no end to be reminded by, above all.  The hours
# are those logged up to --on in every sheet of the caseload (or those
# named); a line that cannot be read is not counted, with a warning.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1
export CP_TODAY=2026-12-06 USER=sanne
cp-new --id P-1 --name 'Piet Jansen' --funder gemeente --start 2026-10-01 \
	--grant 2026-10-01:20,strippenkaart >/dev/null || exit 1
cp-new --id P-2 --name 'Anna Bos' --funder uwv --start 2026-09-01 \
	--grant 2026-09-01..2027-02-28:10,ref=2026-000111 >/dev/null || exit 1
cp-log -q --plan P-1 --mode werkvloer -d 2026-10-05 10u
cp-log -q --plan P-1 --mode tel -d 2026-10-06 -c kim 7u
cp-log -q --plan P-2 --mode tel -d 2026-10-06 6u
cp-new --id P-3 --name 'Noor Vos' --funder gemeente --start 2026-10-01 --budget 2/3m >/dev/null
cp-log -q --plan P-3 --mode tel -d 2026-11-06 2u 2>/dev/null

run cp-evaluate --due -o csv
out_is "date,plan,participant,coach,what,days,note" \
	"17 of 20 hours logged (85 %): nothing yet; a version 1 plan's budget used up: its periods run on"

cp-log -q --plan P-1 --mode werkvloer -d 2026-10-12 1u 2>/dev/null
run cp-evaluate --due -o csv
status_is 0 "--due: an hours item is no overdue evaluation"
out_is "date,plan,participant,coach,what,days,note
2026-12-06,P-1,Piet Jansen,sanne,hours,0,18:00 of the 20:00 hours granted are logged: apply for a follow-up grant in time" \
	"18 of 20 (90 %), in two coaches' sheets: apply for a follow-up"

cp-log -q --force --plan P-1 --mode werkvloer -d 2026-10-13 3u 2>/dev/null
run cp-evaluate --due -o csv
check "over the grant (logged with --force): used up, and what was logged" \
	grep -q '^2026-12-06,P-1,Piet Jansen,sanne,hours,0,the 20:00 hours granted are used up (21:00 logged): apply for a follow-up grant$' out

run cp-evaluate --due --on 2026-10-12 -o csv
check "--on: the hours logged up to that day (what the past said stays)" \
	grep -q '^2026-10-12,P-1,.*,hours,0,18:00 of the 20:00 hours granted are logged' out
run cp-evaluate --due --on 2026-10-06 -o csv
check "... and on a day when less was logged, nothing" sh -c '! grep -q hours out'

cp-log -q --plan P-2 --mode tel -d 2026-10-07 3u 2>/dev/null
run cp-evaluate --due -o csv
check "a dated grant 90 % used long before its end too" \
	grep -q '^2026-12-06,P-2,Anna Bos,sanne,hours,0,9:00 of the 10:00 hours granted are logged' out
run cp-evaluate --due --pseudonymize -o csv
check "--pseudonymize: the plan's id for the name" grep -q '^2026-12-06,P-2,P-2,sanne,hours,' out
run cp-evaluate --due --coach kim -o csv
check "--coach kim: not hers, though she logged on it" sh -c '! grep -q hours out'
run cp-evaluate --due hours/kim.csv -o csv
check "sheets named: theirs count (kim's 7 hours of P-1: nothing)" sh -c '! grep -q P-1 out'
run cp-evaluate --due hours/sanne.csv hours/kim.csv -o csv
check "... both sheets: the item" grep -q '^2026-12-06,P-1,.*,hours,' out
run cp-evaluate --due -f hours/kim.csv -o csv
check "-f is one coach's sheet, for --quiet-since: the hours are every coach's" \
	grep -q '^2026-12-06,P-1,.*,hours,' out
CP_SHEET=hours/nobody.csv cp-evaluate --due -o csv >out 2>err
status=$?
status_is 0 "\$CP_SHEET naming a sheet not there yet (a new coach): no matter"
check "... not a word of it" test ! -s err
check "... and the hours all the same" grep -q '^2026-12-06,P-1,.*,hours,' out
cp-evaluate --due -o csv - <plans/P-2.yaml >out 2>err
status=$?
status_is 0 "a plan from standard input: no error"
check "... nothing said" test ! -s err
# Bug: the plans with a grant of hours were read twice, and one from
# standard input, which cannot be, had its hours left uncounted
check "... and its hours counted, as of a plan file (it is read once)" \
	grep -q '^2026-12-06,P-2,Anna Bos,sanne,hours,0,9:00 of the 10:00 hours granted are logged' out
run cp-evaluate --ics
check "--ics: no event for it (it is no day to plan)" sh -c '! grep -q "CATEGORIES:hours" out'

cp-plan P-1 --grant 2026-12-07:20,strippenkaart >/dev/null 2>&1
run cp-evaluate --due -o csv
check "a new strippenkaart from tomorrow: used up still, with nothing to apply for" \
	grep -q '^2026-12-06,P-1,Piet Jansen,sanne,hours,0,the 20:00 hours granted are used up (21:00 logged)$' out
run cp-evaluate --due --on 2026-12-07 -o csv
check "... and from its first day, the new one counts: none" sh -c '! grep -q ",P-1,.*,hours," out'
cp-plan P-2 --close --end 2026-12-06 >/dev/null 2>&1
run cp-evaluate --due -o csv
check "a closed plan: none" sh -c '! grep -q P-2 out'

cp-plan P-2 --resume --end 2027-02-28 >/dev/null 2>&1
run cp-evaluate --due -o csv
check "resumed to end with its grant: the hours, and no follow-up to apply for" \
	grep -q '^2026-12-06,P-2,Anna Bos,sanne,hours,0,9:00 of the 10:00 hours granted are logged$' out
echo '2026-10-08,sanne,P-2,,phone,"60' >>hours/sanne.csv
run cp-evaluate --due -o csv
status_is 0 "a sheet with a bad line: the list all the same"
err_has "a sheet, or a line of one, cannot be read, so not every hour is counted" \
	"... with a warning"
check "... and the hours that read" grep -q '^2026-12-06,P-2,.*,hours,' out
run cp-evaluate --due hours/sanne.csv hours/gone.csv -o csv
err_has "a sheet, or a line of one, cannot be read" "a sheet named that is not there: the same warning"

run env LANGUAGE=nl LANG=nl_NL.UTF-8 cp-evaluate --due -o text
check "in Dutch: uren, and what is logged" \
	grep -q 'uren .*9:00 van de 10:00 toegekende uren' out
done_testing
