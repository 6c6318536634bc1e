#!/bin/sh
# A coach's name typed in another case is the same coach in every tool:
# --coach Robin keeps robin's hours, plans and evaluations, and a hand-over
# to Robin of a plan robin has is none.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1
export CP_TODAY=2026-12-07

cat >plans/P-41.yaml <<'YAML'
version: 2
id: P-41
participant:
  name: Ans Bos
coach: robin
coaches:
  - {from: 2026-01-05, coach: Émile}
  - {from: 2026-03-18, coach: robin}
funder: gemeente
start: 2026-01-05
work_hours_per_week: 24
evaluation: {every: 3m, next: 2026-12-01}
goals:
  - {id: G1, text: Orderpicken}
grants:
  - {from: 2026-01-05, to: 2026-12-31, funder: gemeente, hours: 40}
evaluations:
  - {date: 2026-09-01, summary: Goed, marks: {employee: 8, employer: 7}}
YAML
cat >hours/robin.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-03-16,émile,P-41,G1,onsite,60,Voor de overdracht
2026-03-18,Robin,P-41,G1,onsite,45,Overdracht
2026-03-19,robin,P-41,G1,phone,30,Bellen
CSV
chmod 600 plans/*.yaml hours/*.csv

run cp-hours --coach robin -o csv hours/robin.csv
check "cp-hours --coach robin: Robin's line too" grep -qx 'P-41,75' out
run cp-hours --coach ROBIN -o csv hours/robin.csv
check "cp-hours --coach ROBIN: robin's lines" grep -qx 'P-41,75' out
run cp-hours --coach Émile -o csv hours/robin.csv
check "cp-hours --coach Émile: émile's line" grep -qx 'P-41,60' out
run cp-hours --budget --coach Robin -o csv
status_is 0 "cp-hours --budget --coach Robin: robin's plan"
check "... its grant listed" grep -q '^P-41,Ans Bos,' out
check "... and no warning of a coach no plan has" test ! -s err
run cp-evaluate --coach Robin
check "cp-evaluate --coach Robin: robin's evaluation due" grep -q '^2026-12-01,P-41,' out
check "... and no warning" test ! -s err
run cp-report --satisfaction --period 2026 --coach Robin -o csv
check "cp-report --satisfaction --coach Robin: robin's evaluation" \
	grep -qx 'total,,,1,1,100.0,1,8.0,1,7.0,' out
check "... and no warning" test ! -s err

cp plans/P-41.yaml before.yaml
run cp-plan P-41 --coach Robin --from 2026-05-04
status_is 65 "cp-plan --coach Robin of robin's plan: no hand-over"
err_has "robin coaches the plan on 2026-05-04 already" "... said in the plan's spelling"
check "... the plan untouched" cmp -s before.yaml plans/P-41.yaml

# grouped by coach: one line a coach whatever the case typed, shown as one
# typed it: of the spellings, the first in byte order (capitals first)
run cp-hours --by coach -o csv hours/robin.csv
out_is "coach,minutes
Robin,75
émile,60" "cp-hours --by coach: Robin and robin one line, Émile's émile's"
run cp-hours --by coach,funder -o csv hours/robin.csv
out_is "coach,funder,minutes
Robin,gemeente,75
émile,gemeente,60" "cp-hours --by coach,funder (the plans read): the same"

# names alike in length and first and last letter, line after line: each
# its own group, shown in its own first spelling in byte order
cat >alike.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-03-18,robin,P-41,G1,onsite,1,
2026-03-18,Rabin,P-41,G1,onsite,2,
2026-03-18,Robin,P-41,G1,onsite,4,
2026-03-18,rabin,P-41,G1,onsite,8,
2026-03-18,robin,P-41,G1,onsite,16,
2026-03-18,RABIN,P-41,G1,onsite,32,
2026-03-18,Rabin,P-41,G1,onsite,64,
CSV
run cp-hours --by coach -o csv alike.csv
out_is "coach,minutes
RABIN,106
Robin,21" "cp-hours --by coach: Rabin and Robin apart, each in its first spelling"

# a plan handed from robin to Robin before that was refused: one coach
cat >plans/P-42.yaml <<'YAML'
version: 2
id: P-42
participant:
  name: Bea Smit
coach: Robin
coaches:
  - {from: 2026-01-05, coach: robin}
  - {from: 2026-05-04, coach: Robin}
funder: gemeente
start: 2026-01-05
work_hours_per_week: 24
goals:
  - {id: G1, text: Orderpicken}
evaluations:
  - {date: 2026-10-01, summary: Goed, marks: {employee: 6, employer: 9}}
YAML
chmod 600 plans/P-42.yaml
run cp-report --plan P-42 -o text
check "cp-report --plan: robin named once as its coach" grep -Eq '^Coach: +robin$' out
run cp-report --satisfaction --period 2026 -o csv
check "cp-report --satisfaction: one line for robin and Robin" \
	grep -qx 'coach,,Robin,2,2,100.0,2,7.0,2,8.0,' out
check "... and none for robin alone" sh -c '! grep -q "^coach,,robin," out'

# blanks around a typed name (pasted, quoted) are no part of it
run cp-log -f hours/kim.csv --coach "kim " --plan P-41 --mode phone --date 2026-05-05 10m Bellen
status_is 0 "cp-log --coach 'kim ': logged"
check "... as kim" grep -qx '2026-05-05,kim,P-41,,phone,10,Bellen' hours/kim.csv
run cp-hours --coach " kim" -o csv hours/kim.csv
check "cp-hours --coach ' kim': kim's lines" grep -qx 'P-41,10' out
run cp-plan P-41 --coach "robin " --from 2026-05-04
status_is 65 "cp-plan --coach 'robin ' of robin's plan: no hand-over"
check "... the plan untouched" cmp -s before.yaml plans/P-41.yaml
run cp-log -f hours/kim.csv --coach "  " --plan P-41 --mode phone 10m
status_is 64 "cp-log --coach of blanks alone: refused as empty"
for tool in cp-hours cp-evaluate "cp-report --satisfaction --period 2026" \
	"cp-plan P-41 --from 2026-06-01" "cp-new --id P-49 --name X --funder uwv --start 2026-06-01"; do
	run $tool --coach " "
	status_is 64 "$tool --coach of a blank alone: refused as empty, not a warning"
	err_has '--coach is empty' "... saying so"
done
# an entry logged again with the name in another case is the same entry:
# cp-hours counts both as robin's, so cp-log refuses it and cp-check warns
run cp-log -f hours/kim.csv --coach Robin --plan P-41 --mode phone --date 2026-05-06 20m Bellen
status_is 0 "cp-log --coach Robin: logged"
run cp-log -f hours/kim.csv --coach robin --plan P-41 --mode phone --date 2026-05-06 20m Bellen
status_is 65 "cp-log --coach robin of the same entry: refused as logged already"
err_has "the sheets hold this entry already" "... said so"
printf '2026-05-06,ROBIN,P-41,,phone,20,Bellen\n' >>hours/kim.csv
run cp-check hours/kim.csv
err_has "twice" "cp-check: ROBIN's line of robin's entry warned of as twice"
done_testing
