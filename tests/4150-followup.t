#!/bin/sh
# cp-evaluate --due and --ics: "grant ends, apply for a follow-up" (issue
# 16), the funder's lead time before the last grant's end (UWV: 8 weeks),
# gone once a later grant is recorded, never for a closed plan; and
# --coach by the plan's coaches: each item is the coach's who coaches the
# plan on its day, or today when that day has passed.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1
export CP_TODAY=2026-05-01
cat >plans/P-30.yaml <<'YAML'
version: 2
id: P-30
participant:
  name: Sanne de Jong
coach: robin
funder: uwv
start: 2026-01-05
evaluation: {next: 2026-05-25}
goals:
  - {id: G1, text: Zelfstandig de kassa bedienen}
grants:
  - from: 2026-01-05
    to: 2026-07-04
    ref: "2026-000111"
    hours: 60
YAML
cat >plans/P-10.yaml <<'YAML'
id: P-10
participant: {name: Anna Bos}
coach: robin
funder: uwv
start: 2026-01-05
budget: {hours: 60}
YAML
chmod 600 plans/*.yaml

run cp-evaluate --due -o csv
status_is 0 "--due: nothing overdue"
out_is "date,plan,participant,coach,what,days,note
2026-05-09,P-30,Sanne de Jong,robin,follow-up,8,apply for a follow-up grant within 8 days: the grant ends on 2026-07-04" \
	"8 weeks before UWV's grant ends: apply for a follow-up (and no such line for a version 1 plan)"
run cp-evaluate --due --on 2026-04-24 -o csv
out_is "date,plan,participant,coach,what,days,note" "... not yet when that is more than 2 weeks away"
run cp-evaluate --due --on 2026-07-20 -w 0 -o csv
check "... after the end it says the grant ended without a follow-up" \
	grep -q '^2026-05-09,P-30,Sanne de Jong,robin,follow-up,-72,the grant ended on 2026-07-04; no follow-up grant is recorded$' out
run cp-evaluate --ics
check "--ics: an event on the day to apply by" \
	sh -c 'grep -q "^UID:follow-up-P-30-20260509@coachplan" out &&
	grep -q "^SUMMARY:Apply for a follow-up grant P-30: Sanne de Jong" out &&
	grep -q "^CATEGORIES:follow-up" out'
check "... and none for the version 1 plan" sh -c '! grep -q "follow-up-P-10" out'

cp-plan P-30 --grant 2026-07-05/6m:40,vervolg,ref=2026-000222 >/dev/null 2>&1
run cp-evaluate --due -o csv
out_is "date,plan,participant,coach,what,days,note" \
	"a follow-up grant recorded: the reminder is gone"
run cp-evaluate --ics
check "... from the feed too" sh -c '! grep -q "UID:follow-up-P-30-20260509" out'
check "... and the follow-up's own follow-up is 8 weeks before its end" \
	grep -q "UID:follow-up-P-30-20261109@coachplan" out

# ---- --coach by the plan's coaches ----
cp-plan P-30 --coach kim --from 2026-06-01 >/dev/null 2>&1
check "a hand-over to kim from 2026-06-01 (coach: says kim already)" \
	grep -q '{from: 2026-06-01, coach: kim}' plans/P-30.yaml
run cp-evaluate --due --on 2026-05-20 --coach robin -o csv
check "--coach robin: the evaluation of 2026-05-25, before the hand-over, is robin's" \
	grep -q '^2026-05-25,P-30,Sanne de Jong,robin,evaluation,5,' out
run cp-evaluate --due --on 2026-05-20 --coach kim -o csv
out_is "date,plan,participant,coach,what,days,note" "--coach kim: not yet hers"
run cp-evaluate --due --on 2026-06-05 --coach kim -o csv
check "once it is overdue after the hand-over, it is kim's: she must do it now" \
	grep -q '^2026-05-25,P-30,Sanne de Jong,kim,evaluation,-11,' out
run cp-evaluate --due --on 2026-06-05 --coach robin -o csv
check "... and no longer robin's" sh -c '! grep -q P-30 out'
run cp-evaluate --ics --coach robin
check "--ics --coach robin: the evaluation before the hand-over, nothing after it" \
	sh -c 'grep -q "UID:evaluation-P-30-20260525" out && ! grep -q "UID:follow-up-P-30" out'
run cp-evaluate --ics --coach kim
check "--ics --coach kim: the follow-up of the grant she coaches in" \
	sh -c 'grep -q "UID:follow-up-P-30-20261109" out && ! grep -q "P-10\|20260525" out'

run cp-report --caseload -o csv
check "the caseload overview names the coach of today by coaches: (robin until 2026-06-01)" \
	grep -q '^P-30,Sanne de Jong,robin,' out
CP_TODAY=2026-06-01 cp-report --caseload -o csv >out
check "... and kim from the hand-over" grep -q '^P-30,Sanne de Jong,kim,' out

# ---- a closed plan asks for nothing ----
cp-plan P-30 --close --end 2026-09-30 >/dev/null 2>&1
run cp-evaluate --due --on 2026-11-20 -o csv
check "a closed plan: no follow-up" sh -c '! grep -q P-30 out'
run cp-evaluate --ics
check "... in the feed neither" sh -c '! grep -q "P-30" out'

done_testing
