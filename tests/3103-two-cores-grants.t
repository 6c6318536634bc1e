#!/bin/sh
# When the grant of each day matters (--by grant, --by funder, --funder,
# --budget), a large sheet is read on two cores too: every plan is read
# first, then shared by both halves, and a strippenkaart's days wait for
# the whole sheet.  The answers, the messages and the exit status must be
# those of the same sheet read from a pipe (one core, the plans read as
# the entries come).
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1
export CP_TODAY=2027-12-01

# P-1: UWV, then the municipality; P-2: a dated grant, then two
# strippenkaarts (the first used up mid-way); P-3: a version 1 budget;
# P-4: broken; P-9: no plan file
cat >plans/P-1.yaml <<'YAML'
version: 2
id: P-1
participant:
  name: Sanne de Jong
coach: robin
funder: uwv
start: 2026-01-05
work_hours_per_week: 16
grants:
  - from: 2026-01-05
    to: 2026-07-04
    ref: "2026-000111"
    hours: 60
  - from: 2026-07-05
    to: 2027-07-04
    funder: gemeente
    hours: 900
YAML
cat >plans/P-2.yaml <<'YAML'
version: 2
id: P-2
participant:
  name: Ahmed el Amrani
coach: kim
funder: uwv
start: 2026-01-05
work_hours_per_week: 24
grants:
  - from: 2026-01-05
    to: 2026-06-30
    ref: "2026-000222"
    hours: 40
  - from: 2026-07-01
    kind: strippenkaart
    funder: werkgever
    ref: W-1
    hours: 300
  - from: 2026-09-01
    kind: strippenkaart
    funder: werkgever
    ref: W-2
    hours: 5000
YAML
cat >plans/P-3.yaml <<'YAML'
version: 1
id: P-3
participant:
  name: Bart de Wit
coach: robin
funder: uwv
start: 2026-02-01
end: 2027-06-30
budget:
  hours: 40
  per: 6m
YAML
printf 'version: 2\nid: P-4\nstatus: unknown\n' >plans/P-4.yaml
chmod 600 plans/*.yaml

# 140,000 entries over 2026 and 2027 in date order (9 MB: two cores need 8)
awk 'BEGIN {
	print "date,coach,plan,goal,mode,minutes,note"
	split("P-1 P-2 P-3 P-2 P-1 P-2 P-4 P-9 P-2 P-3", plan, " ")
	split("onsite phone email video werkvloer", mode, " ")
	for (i = 0; i < 140000; i++) {
		day = int(i / 200)
		y = 2026 + int(day / 336); m = int(day % 336 / 28) + 1; d = day % 28 + 1
		printf "%04d-%02d-%02d,%s,%s,G%d,%s,%d,\"Werkplek, rooster en \"\"pauzes\"\" besproken\"\n",
			y, m, d, i % 3 ? "robin" : "kim", plan[i % 10 + 1], i % 3 + 1, mode[i % 5 + 1], i % 90 + 5
	}
}' >big.csv
check "the sheet is large enough to be read on two cores" test "$(wc -c <big.csv)" -gt 8500000

# same_reading DESC OPTIONS...: the file and the pipe agree
same_reading() {
	d=$1; shift
	cp-hours "$@" -o csv big.csv >file.out 2>file.err; fst=$?
	cp-hours "$@" -o csv - <big.csv >pipe.out 2>pipe.err; pst=$?
	sed 's|standard input|big.csv|' pipe.err >pipe.err2
	if [ "$fst" = "$pst" ] && cmp -s file.out pipe.out && cmp -s file.err pipe.err2; then
		ok "$d: the same read whole and in two"
	else
		not_ok "$d: the same read whole and in two" "status $fst and $pst" \
			"$(diff file.out pipe.out | head -5)" "$(diff file.err pipe.err2 | head -10)"
	fi
}

same_reading "--by grant" --by grant
check "... the strippenkaarts take hours, each named by the day it ran out" \
	grep -q '^2026-09-01\.\.2026-11-21 W-2,300000$' file.out
check "... the first one is used up" grep -q '^2026-07-01\.\.2026-07-05 W-1,18000$' file.out
check "... a broken plan is named" grep -q 'P-4' file.err
same_reading "--by plan,funder,month" --by plan,funder,month
check "... the hours of a strippenkaart are the employer's" grep -q '^P-2,werkgever,2026-09,' file.out
same_reading "--by grant,coach --remote" --by grant,coach -r
same_reading "--funder werkgever" --funder werkgever --by plan,half
same_reading "--budget" --budget
same_reading "--budget --period 2026" --budget --period 2026
same_reading "--budget --coach kim" --budget --coach kim
same_reading "--by grant --keep-going" --by grant -k

done_testing
