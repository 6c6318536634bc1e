#!/bin/sh
# What UWV asks of an evaluation: the employee's and the employer's mark,
# days of absence, who signed, and when coaching ends the outcome;
# recorded by cp-evaluate --record as an edit that keeps the plan's
# comments, and read back by every tool.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
sed -i 's/^coach: robin$/coach: robin   # vaste coach/' plans/P-1.yaml
run cp-evaluate --record P-1 --summary 'Kassa lukt' -d 2026-07-01 --goal G1=behaald \
	--employee-mark 7,5 --employer-mark 8 --absence 2 --signed-by 'Bart de Wit, Anja de Vries'
status_is 0 "an evaluation with marks, absence and signatures"
check "... the marks, a decimal point in the file" grep -q '^    marks: {employee: 7.5, employer: 8}$' plans/P-1.yaml
check "... the absence" grep -q '^    absence_days: 2$' plans/P-1.yaml
check "... who signed" grep -q '^    signed_by: Bart de Wit, Anja de Vries$' plans/P-1.yaml
check "... the comments kept" grep -q '# vaste coach' plans/P-1.yaml
run cp-check plans/P-1.yaml
status_is 0 "... and the plan reads"
run cp-evaluate --record P-1 --summary 'Afgerond' -d 2026-11-20 --close --outcome werkgever-neemt-over
status_is 0 "closing with an outcome, in Dutch"
check "... written as UWV's code" grep -q '^    outcome: employer-takes-over$' plans/P-1.yaml
refuses 64 '"0,5" is no mark' "a mark below 1" cp-evaluate --record P-2 --summary x --employee-mark 0,5
refuses 64 '"10,5" is no mark' "a mark above 10" cp-evaluate --record P-2 --summary x --employer-mark 10,5
run cp-evaluate --record P-2 --summary x --close --outcome 'werkt zonder ondersteuning' -n
status_is 0 "an outcome as a coach says it, in words: werkt zonder ondersteuning"
check "... is UWV's works-without-support" grep -q '^+    outcome: works-without-support$' out
refuses 64 'unknown outcome "klaar"' "an unknown outcome" cp-evaluate --record P-2 --summary x --close --outcome klaar
refuses 64 'go with --record' "an outcome without --record" cp-evaluate --outcome not-working
refuses 64 'absence takes a number of days' "absence that is no number" cp-evaluate --record P-2 --summary x --absence veel
sed -i 's/^evaluations: .*/evaluations:\n  - date: 2026-05-01\n    summary: x\n    marks: {employee: 12}/' plans/P-2.yaml
run cp-check plans/P-2.yaml
status_is 65 "a plan with a mark out of range is refused"
err_has 'the employee.s mark is no mark' "... saying which"
# a Dutch comma typed by hand in a flow mapping parts two keys: 7,5 read
# as the mark 7 and a key 5, and UWV's report got 7.0 without a word
sed -i 's/^    marks: .*/    marks: {employee: 7,5, employer: 8}/' plans/P-2.yaml
run cp-check plans/P-2.yaml
status_is 65 "a mark with a decimal comma in { } is refused"
err_has 'plans/P-2.yaml:[0-9]+:[0-9]+: .*7,5.*' "... naming what was typed"
sed -i 's/^    marks: .*/    marks: {employee: 7.5, employer: 8}/' plans/P-2.yaml
run cp-check plans/P-2.yaml
status_is 0 "... and read with a decimal point"
cp-new --id P-4 --name "Jan Smit" --funder uwv --start 2026-01-05 --hours 16 \
	--grant 2026-01-05..2026-07-04:60 >/dev/null
sed -i 's/^  - from: 2026-01-05$/  - {from: 2026-01-05, to: 2026-07-04, hours: 59,5}/; /^    to: 2026-07-04$/d; /^    hours: 60$/d' plans/P-4.yaml
run cp-check plans/P-4.yaml
status_is 65 "hours with a decimal comma in a grant's { } are refused too"
err_has 'plans/P-4.yaml:[0-9]+:[0-9]+: "59,5" reads as 59 and a key 5' "... for the comma, not another fault"

# UWV's results per goal, and the end of a grant: an outcome, the plan open
cp-new --id P-3 --name "Kees Bos" --funder uwv --start 2026-01-05 --goal Kassa >/dev/null
run cp-evaluate --record P-3 --summary 'Einde beschikking' -d 2026-11-20 --outcome vervolg-gelijk \
	--goal 'G1=deels behaald'
status_is 0 "the end of a grant: an outcome without closing the plan"
check "... the outcome written" grep -q '^    outcome: follow-up-same$' plans/P-3.yaml
check "... the result as its English key" grep -q '^    goals: {G1: partly-achieved}$' plans/P-3.yaml
check "... and the plan still active" grep -q '^status: active' plans/P-3.yaml
for r in 'niet behaald:not-achieved' 'blijvend ondersteuning nodig:permanent-support' \
	'partly achieved:partly-achieved' 'Permanent support needed:permanent-support' \
	'behaald:achieved'; do
	run cp-evaluate --record P-3 --summary x -d 2026-11-21 --goal "G1=${r%%:*}" -n
	check "--goal G1=${r%%:*} is written ${r#*:}" grep -q "^+    goals: {G1: ${r#*:}}$" out
done
refuses 64 'unknown goal status "half"' "an unknown result" cp-evaluate --record P-3 --summary x --goal G1=half
sed -i 's/^    goals: {G1: partly-achieved}$/    goals: {G1: deels behaald}/' plans/P-3.yaml
run cp-check plans/P-3.yaml
status_is 0 "a result in Dutch words, written by hand, reads"
run cp-evaluate --record P-3 --summary y -d 2026-11-22 --goal G1=achieved
check "... and stays as written when the plan is changed again" grep -q '{G1: deels behaald}' plans/P-3.yaml
done_testing
