#!/bin/sh
# cp-log holds an entry against its grant with the hours of every sheet of
# the plan's caseload counted once: whatever the sheet written to is
# called, wherever cp-log runs, and with two coaches logging at once;
# and its hint for a day no grant holds names a grant that fits.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1
export CP_TODAY=2026-12-04 USER=robin
cp-new -i P-5 -n Vijf -F uwv -s 2026-01-01 -g een --grant 2026-07-01/6m:10 >/dev/null
cp-log -q -P P-5 -m tel -d 2026-11-02 5h a

# the sheet written to, spelt another way, is counted once
run env CP_SHEET="$PWD/hours/robin.csv" cp-log -P P-5 -m tel -d 2026-11-03 1h b
status_is 0 "an absolute CP_SHEET: the sheet is counted once"
err_has '4:00 of 10:00 left' "... and what is left says so"
run cp-log -f ./hours/robin.csv -P P-5 -m tel -d 2026-11-03 1h c
status_is 0 "-f ./hours/robin.csv: counted once"
run cp-log -f hours//robin.csv -P P-5 -m tel -d 2026-11-03 1h d
status_is 0 "-f hours//robin.csv: counted once"
err_has '2:00 of 10:00 left' "... eight hours used"

# another coach's sheet counts, also from outside the caseload
printf 'date,coach,plan,goal,mode,minutes,note\n2026-11-02,ahmed,P-5,,phone,60,x\n' >hours/ahmed.csv
top=$PWD
(cd / && CP_PLANS=$top/plans CP_SHEET=$top/hours/robin.csv cp-log -P P-5 -m tel -d 2026-11-10 2h e) \
	>out 2>err; status=$?
status_is 65 "run from elsewhere: the caseload's other sheets count"
err_has '11:00 would be used of 10:00 granted' "... all of them"
(cd hours && CP_PLANS=../plans cp-log -f robin.csv -P P-5 -m tel -d 2026-11-10 2h e) >out 2>err
status=$?
status_is 65 "... from hours/ with -f too"
check "nothing was written" test "$(grep -c ',P-5,' hours/robin.csv)" = 4

# a line that cannot be read is not counted, and cp-log says so
printf '2026-11-05,ahmed,P-5,,phone,540\n' >>hours/ahmed.csv
run cp-log -P P-5 -m tel -d 2026-11-10 30m f
status_is 0 "a line of another sheet that cannot be read"
err_has "warning: a line of the caseload's sheets cannot be read, so its hours are not counted" \
	"... is said not to be counted"
sed -i '$d' hours/ahmed.csv

# two entries logged at once to one sheet cannot both fit: the check
# and the append happen under the sheet's lock
cp-new -i P-6 -n Zes -F uwv -s 2026-01-01 -g een --grant 2026-07-01/6m:10 >/dev/null
for i in 1 2 3 4 5 6 7 8; do
	cp-log -q -P P-6 -m tel -d 2026-11-10 2h "tegelijk $i" 2>/dev/null &
done
wait
check "eight coaches at once: no more than the grant gets in" \
	test "$(grep -c ',P-6,' hours/robin.csv)" = 5
run cp-hours --budget --plan P-6
status_is 0 "... and the grant is not over"

# an hour in a gap between two grants: the hint's grant fits the gap
cp-new -i P-7 -n Zeven -F uwv -s 2026-01-01 --grant 2026-01-01/3m:20 >/dev/null
cp-plan P-7 --grant 2026-06-01/6m:20
run cp-log -P P-7 -m tel -d 2026-04-15 30 gat
err_has 'hint: record the grant first \(cp-plan P-7 --grant 2026-04-01\.\.2026-05-31:HOURS\)' \
	"a gap shorter than a grant: the hint's grant ends where the next begins"
run cp-plan P-7 --grant 2026-04-01..2026-05-31:10
status_is 0 "... and the command it gives is taken"
run cp-log -P P-7 -m tel -d 2026-04-15 30 gat
status_is 0 "... and then the hour is"

# a batch refused for a grant names the line of the entry that is over
printf 'date,coach,plan,goal,mode,minutes,note\n2026-11-17,robin,P-7,,tel,1h,a\n2026-11-18,robin,P-7,,tel,12h,b\n2026-11-19,robin,P-7,,tel,12h,c\n' >batch.csv
refuses 65 'standard input:4:1: P-7: 25:00 would be used of 20:00 granted' \
	"a batch over a grant: the line of the entry that takes it over" sh -c 'cp-log - <batch.csv'
printf 'date,coach,plan,goal,mode,minutes,note\n2026-11-17,robin,P-7,,tel,1h,a\n2026-12-01,robin,P-7,,tel,1h,b\n' >batch.csv
refuses 65 'standard input:3:1: P-7: no grant holds 2026-12-01' \
	"... or that falls in no grant" sh -c 'cp-log - <batch.csv'

done_testing
