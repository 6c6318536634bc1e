#!/bin/sh
# cp-hours: totals per key and period, budgets, and the sheets it reads.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
G=$TOP/tests/golden/hours
cp "$TOP/tests/data/hours-a.csv" "$TOP/tests/data/hours-b.csv" "$TOP/tests/data/empty.csv" hours/
cp-new --id P-3 --name "Noël" --funder werkgever --start 2026-03-01 --budget 2/3m >/dev/null

# golden: one file per key, with the plans read (-p) so funder works
for key in plan goal mode coach funder day week month quarter half year; do
	run cp-hours --by $key -p plans
	same out "$G/by-$key.csv" "--by $key"
done
err_like 'warning: P-OLD: no such plan in plans' "a plan without a file is reported"
check "... once" test "$(grep -c P-OLD err)" -eq 1

run cp-hours --by goal,mode --remote
same out "$G/goal-mode-remote.csv" "--by goal,mode --remote"
run cp-hours --by goal -o text
check "for people, hours without a goal are 'no goal', as the reports say" \
	grep -q '^no goal  *[0-9]' out
run cp-hours --by goal -o csv
check "... for programs an empty field" grep -q '^,[0-9]' out
run cp-hours --by funder -p plans -o text
check "funders for people as the reports name them: municipality" grep -q '^municipality  ' out
check "... and UWV" grep -q '^UWV  ' out
run cp-hours --by funder,half
same out "$G/funder-half.csv" "--by funder,half reads the plans by itself"
run cp-hours --by plan,month -o table --remote
same out "$G/plan-month.table" "a table for people, with totals"
run cp-hours --by mode -o json --remote
same out "$G/mode.json" "JSON"

# periods: each form selects what it should
while read -r period want; do
	run cp-hours --by year --period "$period" -o csv
	got=$(tail -n +2 out | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "$want" ]; then ok "--period $period"; else not_ok "--period $period" "got '$got', wanted '$want'" "$(cat err)"; fi
done <<'PERIODS'
2026 2026,705 
2026H1 2026,495 
2026H2 2026,210 
2026Q1 2026,405 
2026Q2 2026,90 
2026-03 2026,180 
maart-2026 2026,180 
March_2026 2026,180 
mrt-2026..mei-2026 2026,240 
2026-03..2026-05 2026,240 
2026W14 2026,180 
2026-W27 2026,210 
2020W53 2020,60 2021,30 
2025W01 
2026W01 2025,20 
2024-02-29 2024,45 
2026-03-31..2026-04-01 2026,180 
..2021-01-03 2020,60 2021,30 
2026-07-01.. 2026,210 
this-month 2026,30 
last-half 2026,495 
vorig-jaar 2025,20 
PERIODS
run cp-hours --by month --period 'maart 2026' -o csv
check "--period 'maart 2026': a month by its Dutch name" grep -qx '2026-03,180' out
# Bug: a day without its year was the nearest such day, so in December
# 5-1 was next January, a period without hours
run env CP_TODAY=2026-12-07 cp-hours --by year --period 5-1 -o csv
out_is "year,minutes
2026,90" "--period 5-1 in December: the January gone"
run env CP_TODAY=2026-12-07 cp-hours --by year --period 20-12..5-1 -o csv
out_is "year,minutes
2025,20
2026,90" "--period 20-12..5-1 in December: the turn of the year gone"
run env CP_TODAY=2026-12-07 cp-hours --by year --period 1-12..31-12 -o csv
status_is 0 "--period 1-12..31-12 in December: this December, to its end"
# ..31-12 in December was the last 31-12 that had come, a year ago
CP_TODAY=2026-12-07 cp-hours --by year --period ..2026-12-31 -o csv >want
run env CP_TODAY=2026-12-07 cp-hours --by year --period ..31-12 -o csv
same out want "--period ..31-12 in December: up to this year's end"
# Bug: in December november..januari ended in the January gone, before
# its start; a month without its year at the end is the first on or after it
CP_TODAY=2026-12-07 cp-hours --by month --period 2026-11-01..2027-01-31 -o csv >want
run env CP_TODAY=2026-12-07 cp-hours --by month --period november..januari -o csv
same out want "--period november..januari in December: over the coming turn of the year"
# Bug: a day no year near has was "not a period"
refuses 64 '"29-2": no such day' "--period 29-2 in 2026: no such day" \
	env CP_TODAY=2026-12-07 cp-hours -o csv --period 29-2
refuses 64 '"31-4": no such day' "--period 31-4: no such day" \
	env CP_TODAY=2026-12-07 cp-hours -o csv --period 31-4
# Bug: week 53 without its year, before this year's has begun, was refused
# as no week of last year, a year not typed: it names the year to type
refuses 64 '"week 53": no such week: week 53 was last in 2020; write week 53 2020' \
	"--period 'week 53' in 2026 before its week 53: the last one, to type" \
	env CP_TODAY=2026-12-07 cp-hours -o csv --period 'week 53'
CP_TODAY=2027-01-20 cp-hours --by year --period 2026W53 -o csv >want
run env CP_TODAY=2027-01-20 cp-hours --by year --period 'week 53' -o csv
same out want "--period 'week 53' in January 2027: 2026's"
# Bug: the end of a range without its year was read near today: 29-2
# after a start in 2028 was no such day, 3-1 after one in 2020 ended in 2023
CP_TODAY=2026-12-07 cp-hours --by year --period 2028-02-01..2028-02-29 -o csv >want
run env CP_TODAY=2026-12-07 cp-hours --by year --period 1-2-2028..29-2 -o csv
same out want "--period 1-2-2028..29-2 in 2026: to 29 February 2028"
run env CP_TODAY=2026-12-07 cp-hours --by year --period 28-12-2020..3-1 -o csv
out_is "year,minutes
2020,60
2021,30" "--period 28-12-2020..3-1: to the first 3 January after the start"
# ... and --to 29-2 after --from 1-2-2028 was refused, read near today first
run env CP_TODAY=2026-12-07 cp-hours --by year --from 1-2-2028 --to 29-2 -o csv
same out want "--from 1-2-2028 --to 29-2 in 2026: as --period 1-2-2028..29-2"
refuses 64 '"29-2": no such day' "--to 29-2 after --from 1-2 in 2026: no such day" \
	env CP_TODAY=2026-12-07 cp-hours -o csv --from 1-2 --to 29-2
# Bug: --from and --to read a day without its year as the nearest, unlike
# --period: in December --from 5-1 was next January
run env CP_TODAY=2026-12-07 cp-hours --by year --from 5-1 --to 5-1 -o csv
out_is "year,minutes
2026,90" "--from 5-1 --to 5-1 in December: as --period 5-1"
run env CP_TODAY=2026-12-07 cp-hours --by year --from 20-12 --to 5-1 -o csv
out_is "year,minutes
2025,20
2026,90" "--from 20-12 --to 5-1 in December: as --period 20-12..5-1"
# Bug: --from maandag --to vrijdag on a Wednesday was refused as --from
# after --to, though --period maandag..vrijdag runs to this Friday
CP_TODAY=2026-11-18 cp-hours --by day --period maandag..vrijdag -o csv >want
run env CP_TODAY=2026-11-18 cp-hours --by day --from maandag --to vrijdag -o csv
same out want "--from maandag --to vrijdag on a Wednesday: as --period maandag..vrijdag"
CP_TODAY=2026-11-18 cp-hours --by day --period 'vorige week maandag..maandag' -o csv >want
run env CP_TODAY=2026-11-18 cp-hours --by day --from 'vorige week maandag' --to maandag -o csv
same out want "--to maandag after last week's Monday: this Monday, as in --period"
# Bug: in December 2027 --from 29-2 was 29 February 2024, though --period
# 29-2 is no such day: a day without its year is this year's or last year's
refuses 64 '"29-2": no such day' "--from 29-2 in 2027: no such day, as --period 29-2" \
	env CP_TODAY=2027-12-07 cp-hours -o csv --from 29-2
# Bug: --from after --period widened the period to its own day
cp-hours --by year --period 2026Q2 -o csv >want
run cp-hours --by year --period 2026Q2 --from 2026-01-15 -o csv
same out want "--from before a --period leaves the period"
run cp-hours --by year --from 2026-03-01 --to 2026-06-30
out_is "year,minutes
2026,270" "--from and --to"

# filters
run cp-hours --by plan --coach ahmed
out_is "plan,minutes
P-1,30
P-2,105" "--coach"
check "--coach of a line: no warning" test ! -s err
run cp-hours --by plan --coach ahmed --period 2025
check "--coach with no hours in the period: no warning, the name is right" test ! -s err
run cp-hours --by plan --coach ahmd --coach robin
err_has "^cp-hours: warning: --coach ahmd: no line of the sheets read is this coach's" \
	"--coach no line has (mistyped): said, not only hours that read as none of ahmd's"
check "... once, of that coach alone" test "$(wc -l <err)" -eq 1
run cp-hours --by plan --mode telefoon --mode email
out_is "plan,minutes
P-1,45
P-2,45
P-OLD,45" "--mode, twice, in Dutch"
run cp-hours --by goal --plan P-1 --goal G2
out_is "goal,minutes
G2,195" "--plan and --goal"
check "... a plan there: no warning" test ! -s err
run cp-hours --by goal --plan P-1 --goal G2 --plan P-3 --plan P-3 --plan P-3 --plan P-3 \
	--plan P-3 --plan P-3 --plan P-3 --plan P-3
out_is "goal,minutes
G2,195" "--plan many times: looked up in a table, the same hours"
run cp-hours --by grant --plan P-1 --plan P-3 --plan P-3 --plan P-3 --plan P-3 --plan P-3 \
	--plan P-3 --plan P-3 --plan P-3
check "... by grant too" test "$(tail -n +2 out)" = "$(cp-hours --by grant --plan P-1 | tail -n +2)"
# a mistyped --plan gave an empty table and no word of why
run cp-hours --by plan --plan p-1
out_is "plan,minutes" "--plan with no such plan: no hours"
status_is 0 "... which is no error (a plan file may be gone, its hours not)"
err_like '^cp-hours: warning: --plan p-1: no such plan in plans$' "... but a warning"
err_has " hint: did you mean P-1?" "... naming the plan it may have meant"
run cp-hours --by plan --plan P-OLD
out_is "plan,minutes
P-OLD,170" "a plan file gone: its hours all the same"
err_like 'warning: --plan P-OLD: no such plan in plans' "... with the warning"
run cp-hours --by plan --funder gemeente
out_is "plan,minutes
P-2,180" "--funder reads the plans"

# sheets: files, directories, standard input, dialects
run cp-hours --by coach hours/hours-a.csv hours/hours-b.csv
out_is "coach,minutes
ahmed,135
robin,740" "several sheets"
run sh -c 'cat hours/hours-a.csv hours/empty.csv hours/hours-b.csv | cp-hours --by coach -'
out_is "coach,minutes
ahmed,135
robin,740" "cat of sheets with different headers on standard input"
run cp-hours --by plan hours/hours-b.csv
out_is "plan,minutes
P-1,30
P-2,105" "BOM, CRLF and ; in one sheet"
run cp-hours hours/empty.csv
out_is "plan,minutes" "a sheet with only a header"
: >hours/zero.csv
run cp-hours hours/zero.csv
status_is 0 "an empty file is an empty sheet"
rm hours/zero.csv
run cp-hours --by plan -o table hours/empty.csv
out_is "plan   hours
------------
------------
total   0:00" "an empty table"

# budgets: 60 hours per 6 months for P-1, 2 per 3 months for P-3
run cp-hours --budget
status_is 0 "--budget: nobody over in the current period"
same out "$G/budget-now.csv" "--budget: each active plan's current period"
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,P-3,,onsite,150,\n2026-11-02,robin,P-3,,onsite,60,\n' >hours/noel.csv
run cp-hours --budget --period 2026 -o table
status_is 1 "--budget: exit 1 when a plan is over"
same out "$G/budget-2026.table" "--budget over a year: every period, used and left"
rm hours/noel.csv

# hours outside a plan's dates
printf 'date,coach,plan,goal,mode,minutes,note\n2025-12-01,robin,P-1,,phone,30,\n' >hours/early.csv
run cp-hours -p plans
err_has 'warning: P-1 has hours outside its dates 2026-01-05\.\.2029-01-04' "hours before a plan starts are warned about"
rm hours/early.csv

# bad lines
printf 'date,coach,plan,goal,mode,minutes,note\n2026-02-30,robin,P-1,,phone,30,\n2026-03-01,robin,P-1,,walk,30,\n2026-03-02,robin,P-1,,phone,30,\n' >bad.csv
run cp-hours bad.csv
status_is 65 "a bad line stops the run"
err_like '^cp-hours: bad.csv:2:1: no such day' "with its position"
check "and nothing is printed" test ! -s out
run cp-hours --keep-going --by plan bad.csv
status_is 65 "--keep-going still fails"
check "--keep-going reports every bad line" test "$(grep -c '^cp-hours: bad.csv:' err)" -eq 2
out_is "plan,minutes
P-1,30" "--keep-going totals the good lines"
refuses 66 'nothere.csv: cannot open' "a missing sheet" cp-hours nothere.csv
refuses 64 'bad --by "plan,plan"' "a key twice" cp-hours --by plan,plan
refuses 64 'bad --by "client"' "an unknown key" cp-hours --by client
refuses 64 '"2026H3": no such half' "a bad period" cp-hours --period 2026H3
refuses 64 'unknown mode "walk"' "a bad mode" cp-hours --mode walk
# a plans directory that is not there is one error, not a warning per plan
for k in grant funder employer; do
	refuses 66 'nothere: no such plans directory$' "--by $k -p with no such directory" \
		cp-hours --by $k -p nothere
	check "... said once, with how to mend it" sh -c 'test "$(wc -l <err)" -eq 2 && grep -q "^ hint: run in a caseload" err'
done
refuses 64 'unknown funder "uvw"' "a bad funder" cp-hours --funder uvw
refuses 64 '--from 2026-02-01 is after --to 2026-01-01' "from after to, the dates named" cp-hours --from 2026-02-01 --to 2026-01-01
refuses 64 '--from 2026-12-09 is after --to 2026-12-04' "... as read from a yearless day" \
	env CP_TODAY=2026-12-10 cp-hours --from 9-12 --to 4-12-2026
# A sheet's dates are ISO; cp-log - takes a day-first date as typed, a sheet
# that holds one is refused.
printf 'date,coach,plan,goal,mode,minutes,note\n02-03-2026,robin,P-1,,phone,30,\n' >hours/dmy.csv
refuses 65 'hours/dmy.csv:2:1: not a date; dates are written YYYY-MM-DD' \
	"a sheet with a date day first" cp-hours hours/dmy.csv
refuses 65 'hours/dmy.csv:2:1: not a date' "cp-check says the same" cp-check -p plans hours/dmy.csv
rm hours/dmy.csv
# A sheet saved with old Mac line ends (CR alone) is one long line: read
# as it is, a header and no entries, a total of nothing.  Refused instead.
printf 'date,coach,plan,goal,mode,minutes,note\r2026-03-02,robin,P-1,G1,onsite,90,Inwerken\r2026-03-03,robin,P-1,,phone,30,Bellen\r' >hours/mac.csv
refuses 65 'hours/mac.csv:1:39: the lines of this sheet end in a carriage return alone' \
	"a sheet with CR-only line ends" cp-hours hours/mac.csv
check "... prints no table of nothing" test ! -s out
err_has "hint: save it with LF or CRLF line ends" "... and says how to mend it"
refuses 65 'hours/mac.csv:1:39: the lines of this sheet end in a carriage return alone' \
	"cp-check says the same" cp-check -p plans hours/mac.csv
printf 'date,coach,plan,goal,mode,minutes,note\r\n2026-03-02,robin,P-1,G1,onsite,90,Inwerken\r\n' >hours/crlf.csv
run cp-hours -o csv hours/crlf.csv
status_is 0 "CRLF line ends still read"
out_is 'plan,minutes
P-1,90' "... with their hours"
rm hours/mac.csv hours/crlf.csv

# a caseload directory stands for its sheets and its plans (coachplan(7))
run cp-hours --by funder,half
cp out want
here=${PWD##*/}
(cd .. && cp-hours "$here" --by funder,half) >out 2>err
same out want "a caseload directory names its sheets and its plans"
run cp-hours . --by funder,half
same out want "... . too"
refuses 64 'name one plans directory' "a plan file is no sheet" cp-hours hours plans/P-3.yaml
mkdir -p ../bare/plans
refuses 64 'bare/plans holds no hour sheets' "a caseload without hours/" cp-hours ../bare

cd hours
run cp-hours --by funder,half
same out ../want "in hours/: the sheets and plans of the caseload it lies in"
outside=$(mktemp -d "${TMPDIR:-/tmp}/coachplan-outside.XXXXXX")
cd "$outside"
refuses 64 'no hour sheets named' "outside any caseload: no sheets and no ./hours" cp-hours
cd "$WORK" && rm -rf "$outside"
# ---- --pseudonymize without --budget: a promise the --by tables keep ----
# They name no participant, so it changes nothing there but refuses --by
# employer; --help and cp-hours(1) said it was for --budget alone.
caseload >/dev/null 2>&1
cp-log --plan P-1 -d 2026-11-16 1h Gesprek >/dev/null 2>&1
cp-hours --by plan,month -o csv >plain.csv 2>/dev/null
run cp-hours --pseudonymize --by plan,month -o csv
status_is 0 "--pseudonymize with --by plan,month: taken"
check "... the same table, which names no participant" sh -c "test -s plain.csv && cmp out plain.csv"
COLUMNS=80 cp-hours --help >help.txt
awk '/^      --pseudonymize/ { on = 1; print; next } on && /^  +-/ { on = 0 } on' help.txt >pline
check "--help: --pseudonymize is not for --budget alone" sh -c '! grep -q "^ *--pseudonymize *with --budget:" pline'
check "--help: --pseudonymize names --by employer" grep -q 'employer' pline
done_testing
