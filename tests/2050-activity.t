#!/bin/sh
# What an hour was spent on, as UWV counts it: cp-log -a writes the
# sheet's optional activity column (English keys, Dutch words taken),
# cp-hours groups by it, old sheets stay as they are.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
run cp-log --plan P-1 --mode werkvloer -d 2026-11-16 1u Kennismaken -a kennismaking
status_is 0 "cp-log -a kennismaking"
check "a new sheet gets the activity column" test "$(head -n 1 hours/robin.csv)" = "date,coach,plan,goal,mode,minutes,note,activity"
check "... and the English key" test "$(tail -n 1 hours/robin.csv)" = "2026-11-16,robin,P-1,,onsite,60,Kennismaken,introduction"
# An empty sheet gets the header a new one gets.  Bug: it got the seven
# columns, and the line the activity as an eighth field, which no tool read.
: >hours/empty.csv
run cp-log -f hours/empty.csv --plan P-1 --mode phone -d 2026-11-16 10m Gebeld -a training
status_is 0 "cp-log -a to an empty sheet"
check "... gives it the activity column" test "$(head -n 1 hours/empty.csv)" = "date,coach,plan,goal,mode,minutes,note,activity"
run cp-check hours/empty.csv
status_is 0 "... and the sheet reads"
rm hours/empty.csv
cp-log --plan P-1 --mode telefoon -d 2026-11-17 30m Gesprek --activity leidinggevende
cp-log --plan P-1 --mode telefoon -d 2026-11-18 15m Zonder
printf '2026-11-19,robin,P-1,,phone,45,Met de hand,verstoringen\n' >>hours/robin.csv
run cp-hours --by activity -o csv
out_is 'activity,minutes
,15
disruptions,45
introduction,60
supervisor,30' "cp-hours --by activity, Dutch words in the sheet counted with their key"
run cp-hours --by activity -o text
out_is 'activity                 hours
------------------------------
no activity               0:15
resolving disruptions     0:45
introduction              1:00
coaching the supervisor   0:30
------------------------------
total                     2:30' "... for people in UWV's words, as the logbook says them, and hours of none as such"
run cp-hours --by activiteit,mode -o csv
check "... also as --by activiteit" grep -q '^supervisor,phone,30$' out
run cp-hours --activity leidinggevende --activity home -o csv
out_is 'plan,minutes
P-1,30' "cp-hours --activity: only those entries, a Dutch word understood"
refuses 64 'unknown activity "koffie"' "cp-hours --activity of a word no list holds" cp-hours --activity koffie
for phrase in 'coaching the supervisor' 'coaching van de leidinggevende' 'coachen van de leidinggevende'; do
	run cp-log -n --plan P-1 --mode phone -d 2026-11-20 10m x -a "$phrase"
	check "UWV's phrase as the logbook prints it: -a '$phrase' is supervisor" \
		sh -c 'tail -n 1 out | grep -q ",supervisor\$"'
done
run cp-log -n --plan P-1 --mode werkvloer -d 2026-11-20 1u x -a 'werkplek en taken inrichten'
check "... 'werkplek en taken inrichten' is structuring" sh -c 'tail -n 1 out | grep -q ",structuring\$"'
run cp-log -n --plan P-1 --mode werkvloer -d 2026-11-20 1u x -a 'training on the job'
check "... 'training on the job' is training" sh -c 'tail -n 1 out | grep -q ",training\$"'
refuses 64 'takes no --by, --remote, --goal, --mode or --activity' "--budget with --activity" \
	cp-hours --budget --activity training
refuses 64 'unknown activity "koffie"' "an unknown activity" cp-log --plan P-1 --mode phone 10m x -a koffie
printf 'date,coach,plan,goal,mode,minutes,note,activity\n2026-11-19,robin,P-1,,phone,10,x,koffie\n' >batch.csv
refuses 65 'standard input:2:[0-9]+: unknown activity "koffie"' "a batch with an unknown activity: refused" \
	sh -c 'cp-log - <batch.csv'
printf 'date,coach,plan,goal,mode,minutes,note,activity\n2026-11-19,robin,P-1,,phone,10,x,thuissituatie\n2026-11-19,robin,P-1,,phone,5,y,\n' | cp-log -
check "a batch's Dutch activity is written as its English key, an empty one stays empty" \
	sh -c 'tail -n 2 hours/robin.csv | cut -d, -f8 | tr "\n" / | grep -qx "home//"'
printf 'date,coach,plan,goal,mode,minutes,note\n' >hours/old.csv
chmod 600 hours/old.csv
refuses 65 'hours/old.csv has no activity column' "a sheet without the column: nothing written, nothing lost" \
	cp-log -f hours/old.csv --plan P-1 --mode phone 10m x -a support
run cp-log -f hours/old.csv --plan P-1 --mode phone -d 2026-11-20 10m x
status_is 0 "an old sheet without activities takes entries as before"
printf '2026-11-21,robin,P-1,,phone,10,x,koffie\n' >>hours/robin.csv
run cp-check
status_is 65 "cp-check: an unknown activity already in a sheet is an error"
err_has 'hours/robin.csv:[0-9]+:[0-9]+: unknown activity "koffie"' "... named at its line and column"
run cp-hours -o csv hours/old.csv
out_is 'plan,minutes
P-1,10' "... and reads as before"
# the hint, done as it says, gives a sheet that reads (it told to add the
# column to the header alone, and every line above was then one field short)
refuses 65 'add ,activity to its header and a comma to the end of each entry below it' \
	"the hint says how to give an old sheet the column" \
	cp-log -f hours/old.csv --plan P-1 --mode phone 10m x -a support
sed -i '1s/$/,activity/; 2,$s/$/,/' hours/old.csv
run cp-log -f hours/old.csv --plan P-1 --mode phone -d 2026-11-20 10m y -a support
status_is 0 "... and once done, cp-log writes to it"
run cp-hours -o csv --by activity hours/old.csv
status_is 0 "... and the sheet reads"
done_testing
