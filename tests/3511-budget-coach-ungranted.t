#!/bin/sh
# cp-hours --budget --coach: the ungranted line of a plan handed over is
# the coach's who was responsible on the days of its hours, not every
# coach the plan ever had.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1
export CP_TODAY=2026-12-07

cat >plans/P-31.yaml <<'YAML'
version: 2
id: P-31
participant:
  name: Ans Bos
coach: robin
coaches:
  - {from: 2026-01-05, coach: kim}
  - {from: 2026-03-16, coach: robin}
funder: gemeente
start: 2026-01-05
work_hours_per_week: 24
goals:
  - {id: G1, text: Orderpicken}
grants:
  - {from: 2026-01-12, to: 2026-07-04, funder: gemeente, hours: 40}
YAML
cat >hours/kim.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-02-02,kim,P-31,G1,onsite,60,Kennismaking
CSV
cat >hours/robin.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-04-06,robin,P-31,G1,onsite,60,Overdracht
2026-08-03,robin,P-31,G1,onsite,90,Na de beschikking
2026-09-07,robin,P-31,G1,phone,30,Bellen
CSV
chmod 600 plans/*.yaml hours/*.csv

run cp-hours --budget --coach kim -o csv
status_is 0 "--budget --coach kim: not over on robin's days"
check "--budget --coach kim: the grant she was responsible in" \
	grep -q '^P-31,Ans Bos,,standard,gemeente,2026-01-12,2026-07-04,2400,120,' out
check "--budget --coach kim: no ungranted line of robin's days" sh -c '! grep -q ungranted out'
run cp-hours --budget --coach robin -o csv
status_is 1 "--budget --coach robin: over with the hours no grant holds"
check "--budget --coach robin: the ungranted line of his days" \
	grep -q '^P-31,Ans Bos,,ungranted,,,,0,120,-120,' out

# ungranted hours before the hand-over are the old coach's: before the grant
cat >>hours/kim.csv <<'CSV'
2026-01-06,kim,P-31,G1,phone,15,Voor de beschikking
CSV
run cp-hours --budget --coach kim -o csv
check "--budget --coach kim: the ungranted line once she logged on her own days" \
	grep -q '^P-31,Ans Bos,,ungranted,,,,0,135,-135,' out
check "--budget --coach of a plan: no warning" test ! -s err

# a coach no plan has (mistyped) lists nothing: said, not an exit 0 alone
run cp-hours --budget --coach kym -o csv
err_has "^cp-hours: warning: --coach kym: no plan has this coach" "--budget --coach kym: warned"
done_testing
