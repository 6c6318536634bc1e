#!/bin/sh
# Grants as a dated history (coachplan-plan(5), version 2): an hour counts
# in the grant whose period holds its day, on a day no grant holds as
# ungranted; a level gives hours from the contract hours of each day and
# the trajectory year; what was computed for the past stays when history
# is added; cp-log holds an entry against its grant and says what is left.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1
export CP_TODAY=2027-06-15

plan() { # the plan of Sanne, with the lines given after the first grant
	{
		cat <<'YAML'
# Sanne: UWV, then a follow-up
version: 2
id: P-20
participant:
  name: Sanne de Jong
coach: robin
funder: uwv
start: 2026-11-02
work_hours_per_week: 16
grants:
  - from: 2026-11-02
    to: 2027-05-01
    ref: "2026-004417"
    hours: 60
YAML
		cat
	} >plans/P-20.yaml
	chmod 600 plans/P-20.yaml
}

plan </dev/null
run cp-check plans/P-20.yaml
status_is 0 "a version 2 plan with a grant reads"
cp-log --plan P-20 --mode phone -d 2026-11-20 2u Kennismaking 2>log.err
check "cp-log says what is left of the grant" \
	grep -qx 'cp-log: P-20: 58:00 of 60:00 left, grant 2026-11-02..2027-05-01 (UWV 2026-004417)' log.err
cp-log -q --plan P-20 --mode werkvloer -d 2027-05-01 1u Laatste dag 2>log.err
check "... and with -q nothing" test ! -s log.err
run cp-log --plan P-20 --mode werkvloer -d 2027-05-02 1u Eerste dag daarna
status_is 65 "an hour on a day no grant holds, for UWV: refused"
err_like 'P-20: no grant holds 2027-05-02, and UWV pays no hour outside a grant' "... saying why"
err_has 'hint: record the grant first \(cp-plan P-20 --grant 2027-05-02/6m:HOURS\)' \
	"... and how to record the follow-up, from the day after the grant before"
cp-log --plan P-20 --mode werkvloer -d 2027-05-02 1u Eerste dag daarna --force 2>/dev/null
cp-hours --budget --period 2026..2027 -o csv >before.csv
check "... with --force it counts as ungranted, never dropped" grep -q '^P-20,Sanne de Jong,,ungranted,,,,0,60,-60,,$' before.csv
check "the last day of a grant counts in it" grep -q '^P-20,Sanne de Jong,2026-004417,standard,uwv,2026-11-02,2027-05-01,3600,180,3420,' before.csv

# later history: a follow-up by level, a hand-over, more contract hours
plan <<'YAML'
  - from: 2027-05-02
    length: 6m
    kind: vervolg
    level: midden
coaches:
  - {from: 2026-11-02, coach: robin}
  - {from: 2027-03-01, coach: kim}
work_hours:
  - {from: 2027-05-02, hours: 24}
YAML
run cp-check plans/P-20.yaml
status_is 0 "the plan with its history reads"
cp-hours --budget --period 2026..2027 -o csv >after.csv
check "the first grant's figures are as before the history was added" \
	test "$(grep ',2026-004417,' after.csv)" = "$(grep ',2026-004417,' before.csv)"
check "the hour on the first day of the follow-up is the follow-up's" \
	grep -q '^P-20,Sanne de Jong,,extension,uwv,2027-05-02,2027-11-01,[0-9]*,60,' after.csv
# midden: 10 % in year 1 (to 2027-11-01) of 24 hours a week
check "a level grant: 10 % of 24 hours a week over 184 days (63:05)" \
	grep -q ',2027-05-02,2027-11-01,3785,' after.csv
check "... and no hour is ungranted any more" sh -c '! grep -q ungranted after.csv'

# a level grant crossing into the trajectory's second year: 10 %, then 5 %
plan <<'YAML'
  - from: 2027-05-02
    to: 2028-05-01
    level: midden
YAML
cp-hours --budget --period 2027-06 -o csv >cross.csv
# 2027-05-02..2027-11-01: 184 days at 10 % of 16 h; 2027-11-02..2028-05-01: 182 days at 5 %
check "a level grant into year 2: 184 days at 10 %, 182 at 5 % of 16 hours a week (62:51)" \
	grep -q ',2027-05-02,2028-05-01,3771,' cross.csv

# a strippenkaart: used in date order until empty (the hour of 2027-05-02
# above is its first)
plan <<'YAML'
  - from: 2027-05-02
    kind: strippenkaart
    funder: werkgever
    hours: 3
YAML
cp-log --plan P-20 --mode phone -d 2027-05-10 90m Eerste strip 2>/dev/null
cp hours/robin.csv sheet.before
run cp-log --plan P-20 --mode phone -d 2027-05-20 1u Tweede strip
status_is 65 "a strippenkaart used up mid-period: the hour past it is refused"
err_like 'P-20: 3:30 would be used of 3:00 granted, grant 2027-05-02.. \(employer\)' "... saying so"
same hours/robin.csv sheet.before "... and the sheet is byte for byte as it was"
run cp-log -n --plan P-20 --mode phone -d 2027-05-20 1u Tweede strip
status_is 65 "--dry-run says the same"
run cp-log -n --plan P-20 --mode phone -d 2027-05-20 20m Tweede strip
err_has 'P-20: 0:10 of 3:00 would be left' "--dry-run says what would be left, not what is"
err_has 'warning: P-20: 94% of the hours granted would be used' "... and so does its warning"
run cp-log --plan P-20 --mode phone -d 2027-05-20 20m Tweede strip
status_is 0 "what fits on the card is logged"
err_has 'P-20: 0:10 of 3:00 left' "... with what is left"
err_has 'warning: P-20: 94% of the hours granted are used; apply for a follow-up' "... and a warning from 90 %"
plan <<'YAML'
  - from: 2027-05-02
    kind: strippenkaart
    funder: werkgever
    hours: 3
  - from: 2027-06-01
    kind: strippenkaart
    funder: werkgever
    hours: 3
YAML
run cp-log --plan P-20 --mode phone -d 2027-05-21 5m Derde strip
err_has 'warning: P-20: 97% of the hours granted are used$' \
	"... with the next card in the plan already, no advice to apply for one"
run cp-log --plan P-20 --mode phone -d 2027-05-21 10m Vierde strip
status_is 65 "the card over its hours: refused"
err_like '3:05 would be used of 3:00 granted, .*; nothing written \(log it with --force\)$' \
	"... and with the next card in the plan already, no advice to add one"
cp-log --plan P-20 --mode phone -d 2027-05-22 5m Laatste strip 2>/dev/null
cp-hours --budget -o csv >cards.csv
check "a used-up strippenkaart ends on the day its last minute was used" \
	grep -q '^P-20,.*,strippenkaart,werkgever,2027-05-02,2027-05-22,180,180,0,' cards.csv
check "... the next one is open" \
	grep -q '^P-20,.*,strippenkaart,werkgever,2027-06-01,,180,0,180,' cards.csv
CP_TODAY=2027-05-23 cp-hours --budget -o table >cards.txt
check "... and undeclared the day after, as an ended grant is" \
	grep -q '2027-05-02  2027-05-22.*not yet$' cards.txt
cp-hours --by grant -o csv >bygrant.csv
check "cp-hours --by grant names a used-up strippenkaart by its days, as --budget" \
	grep -q '^2027-05-02\.\.2027-05-22,' bygrant.csv
run cp-plan -n P-20 --declared 2027-05-02..2027-05-22
status_is 0 "... and cp-plan --declared takes that name"
run cp-plan -n P-20 --declared ended
check "... and --declared ended counts it ended, with the UWV grant before it" \
	test "$(grep -c '^+    declared: 2027-06-15$' out)" = 2
run cp-report --logbook --plan P-20 --grant 2026-11-02..2027-05-01 -o csv
status_is 0 "cp-report --grant takes a grant as cp-hours names it, FROM..TO"
run cp-report --logbook --plan P-20 --grant '2026-11-02..2027-05-01 2026-004417' -o csv
status_is 0 "... with its reference"
run cp-report --logbook --plan P-20 --grant '2026-11-02..2027-05-02' -o csv
status_is 65 "... and days no grant has name none (a data error about the plan)"
cp-log -q --plan P-20 --mode phone -d 2027-06-02 30m Tweede kaart 2>/dev/null
cp-hours --by grant --from 2027-06-01 -o csv >june.csv
check "cp-hours --by grant --from: an hour is on the card the hours before it left it" \
	grep -qx '2027-06-01\.\.,30' june.csv
cp-hours --by funder --coach robin --mode phone --from 2027-06-01 -o csv >june.csv
check "... whatever else is asked" grep -qx 'werkgever,30' june.csv

# a version 1 plan keeps working as it did: no ceiling, nothing said
cp-new --id P-1 --name 'Bart' --funder uwv --start 2026-01-05 --budget 1/6m >/dev/null
run cp-log --plan P-1 --mode phone -d 2026-02-02 2u Gesprek
status_is 0 "a version 1 plan: the budget is no ceiling"
check "... and cp-log says nothing" test ! -s err
refuses 65 'grants in a version 1 plan' "grants in a version 1 plan" \
	sh -c 'printf "grants:\n  - {from: 2026-01-05, length: 6m, hours: 60}\n" >>plans/P-1.yaml && cp-check plans/P-1.yaml; s=$?; sed -i "/^grants:/,\$d" plans/P-1.yaml; exit $s'

done_testing
