#!/bin/sh
# Writers killed (SIGKILL) at random moments: cp-log appending a batch or
# one entry, cp-new creating a plan, and cp-evaluate --record rewriting
# a plan.  After every kill
# the sheet is byte for byte the old sheet or the old one with all the new
# lines, and the plan is the old plan or the new one, and reads.  The
# delays are random (tests/helpers/killat) over the whole run of a writer,
# start-up included, so some kills land before the rename and some after.
#
# CP_KILLS (default 200) kills of each writer; make check-long runs 2,000.
# cp-evaluate is tested when the build has it; its arguments can be set in
# CP_EVALUATE_ARGS if they differ from the ones below.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
export CP_TODAY=2026-11-23
KILLS=${CP_KILLS:-200}
KILLAT=$CP_BIN/tests/killat
[ -x "$KILLAT" ] || { not_ok "tests/helpers/killat is built"; done_testing; exit; }

# On the disk, not a tmpfs: there the fsyncs make the moments between the
# temporary file and the rename long enough for kills to land in them.
DIR=$WORK/hours
SHEET=$DIR/robin.csv
now_us() { echo $(($(date +%s%N) / 1000)); }

# microseconds a command takes, the fastest of three runs (on a copy)
time_of() {
	fastest=
	for k in 1 2 3; do
		t0=$(now_us)
		"$@" >/dev/null 2>&1
		t=$(($(now_us) - t0))
		[ -z "$fastest" ] || [ "$t" -lt "$fastest" ] && fastest=$t
	done
	echo "$fastest"
}

# ---- cp-log: batches of 20 and single entries, appended to a growing sheet ----
cp-log -f "$SHEET" --plan P-1 --mode phone -d 2026-03-02 15 start
awk 'BEGIN { print "date,coach,plan,goal,mode,minutes,note"
	for (k = 1; k <= 20; k++) printf "2026-03-03,robin,P-1,G1,onsite,30,batch line %d\n", k }' >batch.csv
cp-log -n - <batch.csv | tail -n +2 >batch.lines
cp-log -n --plan P-1 --mode phone -d 2026-03-04 45 "one line" | tail -n +2 >single.lines
cp "$SHEET" scratch.csv
t_batch=$(time_of sh -c 'cp-log -f scratch.csv - <batch.csv')
t_single=$(time_of cp-log -f scratch.csv --plan P-1 --mode phone -d 2026-03-04 45 "one line")
echo "# cp-log takes about $t_batch us for a batch, $t_single us for one entry; kills fall in 0..1.1 times that"

old=0 new=0 broken=0 finished=0 unreadable=0 k=0
while [ "$k" -lt "$KILLS" ]; do
	k=$((k + 1))
	cp "$SHEET" before.csv
	if [ $((k % 2)) -eq 0 ]; then
		cat before.csv batch.lines >after.csv
		r=$("$KILLAT" $((t_batch * 11 / 10)) sh -c "exec cp-log -f '$SHEET' - <batch.csv" 2>&1)
	else
		cat before.csv single.lines >after.csv
		r=$("$KILLAT" $((t_single * 11 / 10)) cp-log -f "$SHEET" --plan P-1 --mode phone -d 2026-03-04 45 "one line" 2>&1)
	fi
	case $r in done*) finished=$((finished + 1)) ;; esac
	if cmp -s "$SHEET" before.csv; then
		old=$((old + 1))
		case $r in done*) broken=$((broken + 1)); echo "# kill $k: finished ($r) but the sheet is the old one" ;; esac
	elif cmp -s "$SHEET" after.csv; then
		new=$((new + 1))
	else
		broken=$((broken + 1))
		echo "# kill $k ($r): the sheet is neither the old nor the new one"
		cp after.csv "$SHEET" # go on from a whole sheet
	fi
	cp-hours "$SHEET" >/dev/null 2>&1 || unreadable=$((unreadable + 1))
done
check "cp-log: $KILLS kills, 0 broken sheets ($broken)" test "$broken" -eq 0
check "cp-log: the sheet read after every kill ($unreadable did not)" test "$unreadable" -eq 0
if [ "$KILLS" -ge 100 ]; then # fewer (as under valgrind) may all land on one side
	check "cp-log: some kills left the old sheet ($old)" test "$old" -gt 0
	check "cp-log: some runs got their lines in ($new)" test "$new" -gt 0
fi
check "every line whole" test "$(tail -n +2 "$SHEET" | grep -Evc '^2026-03-0[234],robin,P-1,(G1)?,(onsite|phone),(15|30|45),(start|batch line [0-9]+|one line)$')" -eq 0
temps=$(find "$DIR" -name '.*cptmp*' | wc -l)
echo "# cp-log: $KILLS kills, $broken broken files: $old old, $new new ($finished had finished), $temps killed between temporary file and rename"
find "$DIR" -name '.*cptmp*' -exec rm -f {} +

# ---- cp-new: a plan created, killed before, during or after ----
mkdir newplans
cp-new -d newplans --id N-0 --name "Bart de Wit" --funder uwv --start 2026-01-05 --goal Kassa --dry-run >new.yaml
t_new=$(time_of cp-new -d newplans --id N-x --name "Bart de Wit" --funder uwv --start 2026-01-05 --goal Kassa)
rm -f newplans/N-x.yaml
absent=0 whole=0 broken=0 k=0
while [ "$k" -lt $((KILLS / 2)) ]; do
	k=$((k + 1))
	"$KILLAT" $((t_new * 11 / 10)) cp-new -d newplans --id "N-$k" --name "Bart de Wit" --funder uwv \
		--start 2026-01-05 --goal Kassa >/dev/null 2>&1
	if ! [ -e "newplans/N-$k.yaml" ]; then
		absent=$((absent + 1))
	elif sed "s/N-0/N-$k/g" new.yaml | cmp -s - "newplans/N-$k.yaml"; then
		whole=$((whole + 1))
	else
		broken=$((broken + 1))
		echo "# kill $k: plans/N-$k.yaml is there but not whole"
	fi
done
check "cp-new: $((KILLS / 2)) kills, 0 half-written plans ($broken)" test "$broken" -eq 0
temps=$(find newplans -name '.*cptmp*' | wc -l)
echo "# cp-new: $((KILLS / 2)) kills, $broken broken files: $absent not made, $whole whole, $temps killed between temporary file and rename"

# ---- cp-evaluate --record: a plan rewritten in place ----
if ! [ -x "$CP_BIN/cp-evaluate" ]; then
	ok "cp-evaluate --record killed $KILLS times # skip no cp-evaluate in this build"
	done_testing
	exit
fi
eval "set -- ${CP_EVALUATE_ARGS:---record P-1 --date 2026-11-20 --summary 'Kassa gaat zelfstandig' --goal G1=achieved}"
cp plans/P-1.yaml orig.yaml
mkdir ref && cp orig.yaml ref/P-1.yaml
run cp-evaluate -p ref "$@"
if [ "$status" -ne 0 ]; then
	ok "cp-evaluate --record killed $KILLS times # skip cp-evaluate $* fails ($status): set CP_EVALUATE_ARGS"
	done_testing
	exit
fi
cp ref/P-1.yaml new.yaml
check "cp-evaluate --record changes the plan" sh -c '! cmp -s orig.yaml new.yaml'
cp orig.yaml ref/P-1.yaml
t_eval=$(time_of cp-evaluate -p ref "$@")
old=0 new=0 broken=0 unreadable=0 finished=0 k=0
while [ "$k" -lt "$KILLS" ]; do
	k=$((k + 1))
	cp orig.yaml plans/P-1.yaml
	r=$("$KILLAT" $((t_eval * 11 / 10)) cp-evaluate "$@" 2>&1)
	case $r in done*) finished=$((finished + 1)) ;; esac
	if cmp -s plans/P-1.yaml orig.yaml; then
		old=$((old + 1))
	elif cmp -s plans/P-1.yaml new.yaml; then
		new=$((new + 1))
	else
		broken=$((broken + 1))
		echo "# kill $k ($r): the plan is neither the old nor the new one"
	fi
	cp-log -n -P P-1 -m phone 15 >/dev/null 2>&1 || unreadable=$((unreadable + 1))
done
check "cp-evaluate: $KILLS kills, 0 broken plans ($broken)" test "$broken" -eq 0
check "cp-evaluate: the plan read after every kill ($unreadable did not)" test "$unreadable" -eq 0
temps=$(find plans -name '.*cptmp*' | wc -l)
echo "# cp-evaluate --record: $KILLS kills, $broken broken files: $old old, $new new ($finished had finished), $temps killed between temporary file and rename"
# A writer killed between naming its file and the rename leaves a temporary
# file; the next writer in the directory removes it.
cp-log -n -P P-1 -m phone 15 >/dev/null 2>&1
cp-evaluate --record P-1 --summary 'Na de kills' -d 2026-11-23 >/dev/null 2>&1
check "cp-evaluate: no temporary file left once a writer has run again" \
	test "$(find plans -name '.*cptmp*' | wc -l)" -eq 0
check "cp-evaluate: no temporary file of the kills was ever more than $((KILLS / 20)) ($temps)" \
	test "$temps" -le $((KILLS / 20))
done_testing
