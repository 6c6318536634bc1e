#!/bin/sh
# A grant declared (coachplan-plan(5) declared:, cp-plan --declared): an
# ended grant stays in cp-hours --budget until it is declared, whether or
# not it ran over; --declared is a surgical edit that keeps comments, names
# a grant by its ref or a day it holds, and refuses what does not fit.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1
export CP_TODAY=2027-06-15

cat >plans/P-30.yaml <<'YAML'
# Sanne: UWV, then a follow-up
version: 2
id: P-30
participant:
  name: Sanne de Jong
coach: robin
funder: uwv
start: 2026-05-04
work_hours_per_week: 16
grants:
  - from: 2026-05-04    # the first beschikking
    to: 2026-11-01
    ref: "2026-001111"
    hours: 30
  - {from: 2026-11-02, to: 2027-05-01, ref: "2026-004417", hours: 60}
  - {from: 2027-05-02, length: 6m, ref: "2027-000999", hours: 40}
YAML
chmod 600 plans/P-30.yaml
cat >hours/robin.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-06-10,robin,P-30,,onsite,120,Kennismaking
2027-01-10,robin,P-30,,onsite,90,Werkplek
2027-06-01,robin,P-30,,phone,30,Bellen
CSV
chmod 600 hours/robin.csv

grants() { cp-hours --budget -o csv | cut -d, -f3,6,7,12 | sed 1d; }

grants >out
cat >want <<'CSV'
2026-001111,2026-05-04,2026-11-01,
2026-004417,2026-11-02,2027-05-01,
2027-000999,2027-05-02,2027-11-01,
CSV
same out want "ended grants not declared stay in --budget, with the one of today"
run cp-hours --budget -o text
check "for people the ended ones say: not yet" sh -c 'test "$(grep -c "not yet$" out)" = 2'

cp plans/P-30.yaml before.yaml
cp-hours --by grant,month -o csv >figures.before
run cp-plan P-30 --declared 2026-001111 --on 2026-11-20 -n
status_is 0 "--declared -n: exit status 0"
same plans/P-30.yaml before.yaml "--declared -n writes nothing"
check "--declared -n shows the line it adds" grep -qx '+    declared: 2026-11-20' out

run cp-plan P-30 --declared 2026-001111 --on 2026-11-20
status_is 0 "--declared by reference: exit status 0"
check "... adds declared: to the grant's block, keeping its comment" \
	sh -c "sed -n '/first beschikking/,/^  - {/p' plans/P-30.yaml | grep -qx '    declared: 2026-11-20'"
check "... and nothing else changed" sh -c \
	'diff before.yaml plans/P-30.yaml | grep "^[<>]" | grep -vqx "> *declared: 2026-11-20" && exit 1 || exit 0'
check "... the plan keeps mode 0600" test "$(stat -c %a plans/P-30.yaml)" = 600
check "... and passes cp-check" cp-check plans/P-30.yaml

cp plans/P-30.yaml before.yaml
run cp-plan P-30 --declared 2027-03-31 --on 2027-06-16
status_is 65 "--declared --on a day to come: refused, as cp-log refuses one"
err_has '2027-06-16 is in the future; record a declaration once it is sent' "... saying why"
same plans/P-30.yaml before.yaml "... and the plan is as it was"
run cp-plan P-30 --declared 2027-03-31 --on 2027-05-12
status_is 0 "--declared by a day the grant holds, in a flow mapping"
check "... adds declared: inside the braces" \
	grep -qx '  - {from: 2026-11-02, to: 2027-05-01, ref: "2026-004417", hours: 60, declared: 2027-05-12}' plans/P-30.yaml

grants >out
cat >want <<'CSV'
2027-000999,2027-05-02,2027-11-01,
CSV
same out want "declared ended grants leave --budget"
cp-hours --by grant,month -o csv >figures.after
same figures.after figures.before "declaring changes no figure of any grant or month"
cp-hours --budget --period 2026 -o csv | cut -d, -f3,12 | sed 1d >out
printf '%s\n' 2026-001111,2026-11-20 2026-004417,2027-05-12 >want
same out want "a period asked for still shows them, with the day they were declared"

# an ended grant that ran over stays, declared or not
cat >>hours/robin.csv <<'CSV'
2026-10-01,robin,P-30,,onsite,900,Te veel
2026-10-02,robin,P-30,,onsite,900,Te veel
CSV
cp-hours --budget -o csv | cut -d, -f3,10,12 | sed 1d >out
printf '%s\n' 2026-001111,-120,2026-11-20 2027-000999,2370, >want
same out want "one that ran over stays although declared"

# an hour logged to a declared grant would be in no declaration
cp hours/robin.csv sheet.before
refuses 65 'P-30: the grant 2026-05-04..2026-11-01 \(UWV 2026-001111\) was declared on 2026-11-20; an hour logged to it now would be in no declaration' \
	"an hour logged to a grant declared already" cp-log --plan P-30 --mode phone -d 2026-10-30 30 Laat
err_has 'hint: log it with --force, and declare it as a correction' "... and the way on"
same hours/robin.csv sheet.before "... nothing written"
run cp-log --force --plan P-30 --mode phone -d 2026-10-30 30 Laat
status_is 0 "with --force it is logged"
err_has 'warning: P-30: the grant 2026-05-04..2026-11-01 \(UWV 2026-001111\) was declared on 2026-11-20; these hours are in no declaration yet' \
	"... and said all the same"
cp sheet.before hours/robin.csv
run cp-log --plan P-30 --mode phone -d 2027-06-02 30 Bellen
status_is 0 "an hour of the grant of today, not declared, is logged as ever"

refuses 65 "declared on 2026-11-20 already" "declared twice" \
	cp-plan P-30 --declared 2026-001111 --on 2026-12-01
run cp-plan P-30 --declared 2026-001111 --on 2026-11-20
status_is 0 "declared again on the same day: nothing to do"
refuses 65 "no grant with reference \"9999\"" "an unknown grant" cp-plan P-30 --declared 9999
err_has "^ hint: its grants: 20" "... naming the grants it has, as cp-report --logbook --grant does"
refuses 65 "no grant with reference \"2028-01-01\" or holding that day" "a day no grant holds" \
	cp-plan P-30 --declared 2028-01-01
refuses 65 "would be declared before it starts" "declared before the grant starts" \
	cp-plan P-30 --declared 2027-000999 --on 2027-05-01
err_has '^ *[0-9]+ \| .*2027-000999' "... shown at that grant, not at the first"
run cp-plan P-30 --declared 2027-000999 --on 2027-06-10 -n
status_is 0 "a grant declared before its end (coaching ended early): allowed"
err_has 'warning: P-30: the grant from 2027-05-02 runs until 2027-11-01; cp-log refuses hours for it from now on' \
	"... with a word of what it means for the hours still to come"
refuses 64 "--on goes with --declared" "--on alone" cp-plan P-30 --goal x --on 2027-01-01
refuses 64 "not a date|bad date|date" "a bad --on" cp-plan P-30 --declared 2027-000999 --on ooit

# the same reference on two grants: name one by a day
cat >>plans/P-30.yaml <<'YAML'
YAML
sed -i 's/ref: "2027-000999"/ref: "2026-004417"/' plans/P-30.yaml
refuses 65 "more than one grant has reference \"2026-004417\"" "a reference two grants share" \
	cp-plan P-30 --declared 2026-004417

# ended: all that ended before the day
cp-new --id P-31 --name 'Noor Bakker' --funder uwv --start 2025-03-03 --hours 24 \
	--budget 50/6m --ref 2025-000777 --goal Kassa >/dev/null
refuses 65 "version 2" "a version 1 plan has no grants to declare" \
	cp-plan P-31 --declared ended
cp-plan P-31 --migrate || exit 1
run cp-plan P-31 --declared ended --on 2026-09-10
status_is 0 "--declared ended: exit status 0"
check "... declares the three grants that ended before that day" \
	test "$(grep -c 'declared: 2026-09-10' plans/P-31.yaml)" = 3
# Bug: once all were declared, "ended" was an error (65), so cp-plan(1)'s
# example, --declared REF then --declared ended, failed when REF was the
# last; like a grant declared again on its day, nothing to do is done.
cp plans/P-31.yaml P-31.before
run cp-plan P-31 --declared ended --on 2026-09-10
status_is 0 "--declared ended twice: nothing left to declare is no error"
err_like 'warning: .*no grant ended before 2026-09-10 without being declared' "... but a warning"
check "... and the plan as it was" cmp P-31.before plans/P-31.yaml
run cp-plan P-31 --declared afgelopen --on 2027-06-01
status_is 0 "--declared afgelopen, in Dutch"
check "... declares the next" test "$(grep -c 'declared: 2027-06-01' plans/P-31.yaml)" = 1

# Bug: a plan closed or paused left cp-hours --budget, with its grants
# still to declare: closed on 1 June, the grant to 31 August (ended with
# the plan) was no longer listed as "not yet" declared; paused, the grant
# of today was not listed at all.
cat >plans/P-32.yaml <<'YAML'
version: 2
id: P-32
participant: {name: Kees Smit}
coach: robin
funder: uwv
start: 2026-09-01
end: 2027-06-01
grants:
  - {from: 2026-09-01, to: 2027-02-28, ref: B-32a, hours: 20, declared: 2027-03-05}
  - {from: 2027-03-01, to: 2027-08-31, ref: B-32b, hours: 20}
status: closed
YAML
sed -e 's/P-32/P-33/; s/B-32/B-33/; s/^end: .*/paused: 2027-06-01/; s/closed/paused/' \
	plans/P-32.yaml >plans/P-33.yaml
chmod 600 plans/P-32.yaml plans/P-33.yaml
plan_grants() { cp-hours --budget -o csv | grep "^$1," | cut -d, -f3,6,7,12; }
plan_grants P-32 >out
same out /dev/stdin "a closed plan's grant not declared stays in --budget, ended with it" <<'CSV'
B-32b,2027-03-01,2027-06-01,
CSV
run cp-hours --budget -o text
check "... and says: not yet (it ended with the plan)" grep -q "^P-32 .*B-32b .*not yet$" out
CP_TODAY=2027-06-01 plan_grants P-32 >out
same out /dev/stdin "... and on the day it closed, as the grant of today" <<'CSV'
B-32b,2027-03-01,2027-06-01,
CSV
plan_grants P-33 >out
same out /dev/stdin "a paused plan's grant of today is in --budget" <<'CSV'
B-33b,2027-03-01,2027-08-31,
CSV
run cp-plan P-32 --declared ended --on 2027-06-10
status_is 0 "--declared ended: the grant that ended with the closed plan"
plan_grants P-32 >out
check "... and it is gone from --budget" test ! -s out
rm plans/P-32.yaml plans/P-33.yaml

# a date in declared: is read like every date
sed -i 's/declared: 2027-06-01/declared: 2027-13-01/' plans/P-31.yaml
run cp-check plans/P-31.yaml
status_is 65 "a bad declared: date is an error"
err_has 'P-31.yaml:[0-9]+:[0-9]+: .*declared' "... at its line and column"

done_testing
