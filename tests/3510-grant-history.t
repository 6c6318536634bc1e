#!/bin/sh
# Every figure follows the dates (issue 16): what cp-hours computes for a
# past period stays the same, byte for byte, after each kind of later
# edit of the plan: a follow-up grant, a hand-over to another coach, a
# move to another funder, a change of contract hours.  An hour belongs to
# the grant whose period holds its day (the last day of one, the first of
# the next), and to that grant's funder; a strippenkaart is used in date
# order; what no grant holds is ungranted, never dropped.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1

# history LINES: the plan of Sanne with its first grant, and LINES after it
history() {
	{
		cat <<'YAML'
# Sanne: a history of grants
version: 2
id: P-30
participant:
  name: Sanne de Jong
  scheme: wajong
employer:
  name: De Keuken
coach: robin
funder: uwv
start: 2026-01-05
work_hours_per_week: 16
goals:
  - {id: G1, text: Zelfstandig de kassa bedienen}
grants:
  - from: 2026-01-05
    to: 2026-07-04
    ref: "2026-000111"
    hours: 60
YAML
		printf '%s\n' "$@"
	} >plans/P-30.yaml
	chmod 600 plans/P-30.yaml
}

history
cat >hours/robin.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-01-12,robin,P-30,G1,onsite,120,Kennismaking
2026-03-02,robin,P-30,G1,phone,45,Bellen
2026-07-04,robin,P-30,G1,onsite,60,Laatste dag van de beschikking
CSV
cat >hours/kim.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-05-20,kim,P-30,G1,onsite,90,Invallen voor robin
CSV
chmod 600 hours/*.csv

past() { # the past as cp-hours shows it, into $1.*
	cp-hours --budget --period 2026H1 -o csv >"$1.budget" 2>&1
	cp-hours --by funder,coach,month --period 2026H1 -o csv >"$1.funder" 2>&1
	cp-hours --by plan,grant,employer,scheme --period 2026H1 -o csv >"$1.grant" 2>&1
}
unchanged_past() { # DESC: the past as first seen
	past now
	same now.budget first.budget "$1: the budget of the past grant"
	same now.funder first.funder "$1: hours by funder, coach and month"
	same now.grant first.grant "$1: hours by grant"
}
past first
check "the first grant: 5:15 used of 60:00, the last day's hour in it" \
	grep -q '^P-30,Sanne de Jong,2026-000111,standard,uwv,2026-01-05,2026-07-04,3600,315,3285,' \
	first.budget
check "hours by grant name the grant, the employer and the scheme" \
	grep -qx 'P-30,2026-01-05..2026-07-04 2026-000111,De Keuken,wajong,255' first.grant

# 1. a follow-up grant by level
later1='  - from: 2026-07-05
    length: 6m
    kind: vervolg
    ref: "2026-000222"
    level: midden'
history "$later1"
cat >>hours/robin.csv <<'CSV'
2026-07-05,robin,P-30,G1,onsite,30,Eerste dag van de vervolgbeschikking
CSV
unchanged_past "after a follow-up grant"
cp-hours --by grant --period 2026-07 -o csv >july.csv
check "the last day of a grant counts in it, the first day of the next in the next" \
	test "$(cat july.csv)" = "$(printf 'grant,minutes\n2026-01-05..2026-07-04 2026-000111,60\n2026-07-05..2027-01-04 2026-000222,30')"

# 2. a hand-over to kim from 2026-09-01
coaches='coaches:
  - {from: 2026-01-05, coach: robin}
  - {from: 2026-09-01, coach: kim}'
history "$later1" "$coaches"
cat >>hours/kim.csv <<'CSV'
2026-09-07,kim,P-30,G1,onsite,60,Eerste bezoek na overdracht
CSV
unchanged_past "after a hand-over"
cp-hours --budget --coach kim --period 2026H1 -o csv >kim.csv
check "--budget --coach kim: not the grant robin was responsible for" \
	sh -c '! grep -q 2026-000111 kim.csv'
cp-hours --budget --coach robin --period 2026H1 -o csv >robin.csv
check "--budget --coach robin: that grant, with every hour of it (kim's too)" \
	grep -q ',2026-000111,standard,uwv,2026-01-05,2026-07-04,3600,315,' robin.csv
cp-hours --budget --coach kim --period 2026H2 -o csv >kim2.csv
check "--budget --coach kim: the grant she took over" grep -q ',2026-000222,' kim2.csv
cp-hours --by coach --plan P-30 --period 2026-01-05..2026-07-04 -o csv >coach.csv
check "an hour is the coach's who logged it" \
	test "$(cat coach.csv)" = "$(printf 'coach,minutes\nkim,90\nrobin,225')"

# 3. the municipality takes over from 2027-01-05
later3='  - from: 2027-01-05
    to: 2027-07-04
    funder: gemeente
    hours: 20'
history "$later1" "$later3" "$coaches"
cat >>hours/kim.csv <<'CSV'
2027-01-05,kim,P-30,G1,onsite,45,Eerste uur van de gemeente
CSV
export CP_TODAY=2027-02-01
unchanged_past "after a move to another funder"
cp-hours --by funder --plan P-30 -o csv >funder.csv
check "each hour for the funder of its grant: UWV's days UWV's, the municipality's its own" \
	test "$(cat funder.csv)" = "$(printf 'funder,minutes\ngemeente,45\nuwv,405')"
cp-hours --funder gemeente -o csv >gemeente.csv
check "--funder gemeente: only the hours of its grant" \
	test "$(cat gemeente.csv)" = "$(printf 'plan,minutes\nP-30,45')"
cp-report --caseload -o csv >caseload.csv
check "the caseload overview: the funder of today's grant, not the plan's first" \
	grep -q '^P-30,Sanne de Jong,[a-z]*,De Keuken,gemeente,' caseload.csv
CP_TODAY=2026-12-01 cp-report --caseload -o csv >caseload.csv
check "... and of a day before the move, UWV" grep -q '^P-30,Sanne de Jong,[a-z]*,De Keuken,uwv,' caseload.csv
cp-report --logbook --plan P-30 --period 2027-01-05..2027-01-31 >logbook.txt
check "the logbook of the days after the move: the municipality's" grep -Eq '^Funder: +municipality$' logbook.txt
cp-report --logbook --plan P-30 --period 2027-01 >logbook.txt
check "... of the month of the move: both, not only the one paying at its end" \
	grep -Eq '^Funder: +UWV, municipality$' logbook.txt
cp-report --logbook --plan P-30 --period 2027-01 -o json >logbook.json
check "... in JSON, each by its name" grep -q '"funder": "uwv,gemeente",' logbook.json
cp-report --logbook --plan P-30 --period 2026-12 >logbook.txt
check "... of a month before it: UWV's" grep -Eq '^Funder: +UWV$' logbook.txt
cp-report --plan P-30 --period 2026H2..2027-01 >account.txt
check "the accountability report over the move: both funders (was the last day's only)" \
	grep -Eq '^Funder: +UWV, municipality$' account.txt
check "... every reference of its grants" grep -Eq '^Funder reference: +2026-000111, 2026-000222$' account.txt
check "... and both coaches, over the hand-over (was the last day's only)" \
	grep -Eq '^Coach: +robin, kim$' account.txt
cp-report --logbook --plan P-30 --period 2026-08-01..2026-09-30 >logbook.txt
check "the logbook over the hand-over: both coaches" grep -Eq '^Coach: +robin, kim$' logbook.txt
cp-report --plan P-30 --period 2025 >account.txt
check "a period before the plan's start: its first coach" grep -Eq '^Coach: +robin$' account.txt

# 4. more contract hours from 2026-10-01
work='work_hours:
  - {from: 2026-01-05, hours: 16}
  - {from: 2026-10-01, hours: 24}'
cp-hours --budget --period 2026-07 -o csv >level.before
history "$later1" "$later3" "$coaches" "$work"
unchanged_past "after a change of contract hours"
cp-hours --budget --period 2026-07 -o csv >level.after
check "... which the level grant of those days follows" \
	sh -c '! cmp -s level.before level.after'
# midden, year 1: 10 % of 16 h for 2026-07-05..2026-09-30 (88 days), of 24 h for 96 days
check "... day by day: 88 days of 16 hours, 96 of 24 (53:02)" \
	grep -q ',2026-000222,extension,uwv,2026-07-05,2027-01-04,3182,' level.after

# a strippenkaart used up mid-period: the rest is ungranted, never dropped
card='  - from: 2027-07-05
    kind: strippenkaart
    funder: werkgever
    hours: 3'
history "$later1" "$later3" "$card" "$coaches" "$work"
export CP_TODAY=2027-08-01
cp-log -f hours/kim.csv --plan P-30 --mode phone -d 2027-07-20 90m Strip 2 2>/dev/null
cp-log -f hours/kim.csv --plan P-30 --mode phone -d 2027-07-10 1u Strip 1 2>/dev/null
run cp-log -f hours/kim.csv --plan P-30 --mode phone -d 2027-07-25 1u Strip 3
status_is 65 "the hour past a used-up strippenkaart is refused"
err_like 'P-30: 3:30 would be used of 3:00 granted, grant 2027-07-05.. \(employer\)' \
	"... counting the hours in date order, whatever order they were logged in"
run cp-log -f hours/kim.csv --force --plan P-30 --mode phone -d 2027-07-25 1u Strip 3
status_is 0 "--force logs it"
err_has 'warning: P-30: 0:30 over the 3:00 granted, grant 2027-07-05.. \(employer\)' \
	"... and says by how much it went over"
cp-hours --budget --period 2027-07 -o csv >card.csv
check "--budget: the strippenkaart used up (3:00 of 3:00) on the 25th" \
	grep -q ',strippenkaart,werkgever,2027-07-05,2027-07-25,180,180,0,' card.csv
check "... and what it could not take ungranted (0:30)" \
	grep -q '^P-30,Sanne de Jong,,ungranted,,,,0,30,-30,' card.csv
cp-hours --by grant --period 2027-07 -o csv >cardgrant.csv
check "--by grant cuts the hours the same way" \
	test "$(cat cardgrant.csv)" = "$(printf 'grant,minutes\n2027-07-05..2027-07-25,180\nungranted,30')"

# a batch that takes a grant over is refused whole: the sheet byte for byte
cp hours/kim.csv kim.before
printf 'date,coach,plan,goal,mode,minutes,note\n2027-02-01,kim,P-30,G1,onsite,60,ok\n2027-02-02,kim,P-30,G1,onsite,1200,te veel\n' >batch.csv
run cp-log -f hours/kim.csv - <batch.csv
status_is 65 "a batch with an entry over its grant is refused"
err_has 'P-30: 21:45 would be used of 20:00 granted' "... saying which"
same hours/kim.csv kim.before "... and nothing of it is written"

# a version 1 plan: cp-check -v says how to move it
cp-new --id P-1 --name Bart --funder uwv --start 2026-01-05 --budget 60/6m >/dev/null
run cp-check -v plans/P-1.yaml
check "cp-check -v names cp-plan --migrate for a version 1 plan" \
	grep -q 'plans/P-1.yaml: a version 1 plan .*cp-plan --migrate P-1' err
run cp-check plans/P-1.yaml
check "... and cp-check alone stays quiet" test ! -s err
mkdir elsewhere && cp plans/P-1.yaml elsewhere/
run cp-check -v elsewhere/P-1.yaml
check "... a plan outside the plans directory: by its path, which cp-plan finds" \
	grep -q 'cp-plan --migrate elsewhere/P-1.yaml writes' err
run sh -c 'cd elsewhere && cp-check -v -p ../plans ../plans/P-1.yaml'
check "... and one checked with -p, with that -p" \
	grep -q 'cp-plan -p ../plans --migrate P-1 writes' err
rm -r elsewhere

# a period that ends after the one grant in it: that grant's funder, not
# the plan's funder: key (the funder of the days no grant holds)
cat >plans/P-32.yaml <<'YAML'
version: 2
id: P-32
participant: {name: Ruud}
funder: gemeente
start: 2026-01-05
grants:
  - {from: 2026-01-05, to: 2026-07-04, funder: uwv, ref: "2026-000333", hours: 40}
YAML
chmod 600 plans/P-32.yaml
cp-report --plan P-32 --period 2026-06-01..2026-08-31 >account.txt
check "the funder of the period's one grant, though its last day has none" \
	grep -Eq '^Funder: +UWV$' account.txt

# a declaration of the days before a hand-over: their coach, though the
# plan's coach: key (as cp-plan --coach keeps it) names the newest
cat >plans/P-33.yaml <<'YAML'
version: 2
id: P-33
participant: {name: Joost}
coach: kim
coaches:
  - {from: 2026-01-05, coach: robin}
  - {from: 2026-09-01, coach: kim}
funder: uwv
start: 2026-01-05
grants:
  - {from: 2026-01-05, to: 2026-07-04, ref: "2026-000444", hours: 40}
  - {from: 2026-07-05, to: 2027-01-04, ref: "2026-000555", hours: 40}
YAML
chmod 600 plans/P-33.yaml
cp-report --declaration --funder uwv --period 2026H1 --plan P-33 >declaration.txt
check "a declaration of the days before a hand-over: their coach (was the newest)" \
	grep -Eq '^Coach: +robin$' declaration.txt

done_testing
