#!/bin/sh
# Concurrent writers: 8 cp-log processes append 1,000 entries each to one
# sheet, single entries and batches mixed so that both paths race.  The
# sheet must end with exactly 8,000 whole lines and the header once, each
# writer's lines in its own order, none lost, none doubled, none mixed.
#
# The sheet lives on a tmpfs (/dev/shm) where there is one: the lines are
# the same, but 8,000 fsyncs to a disk take minutes.  CP_SINGLES (default
# 100) of each writer's entries are single invocations, the rest batches
# of CP_BATCH (default 50); make check-long runs every entry as a single
# invocation (CP_SINGLES=1000).
. "$(dirname "$0")/lib.sh"
caseload || exit 1
export CP_TODAY=2026-11-23
WRITERS=${CP_WRITERS:-8} ENTRIES=${CP_ENTRIES:-1000}
SINGLES=${CP_SINGLES:-100} BATCH=${CP_BATCH:-50}

DIR=$WORK
if [ -d /dev/shm ] && [ -w /dev/shm ] && SHM=$(mktemp -d /dev/shm/coachplan-test.XXXXXX); then
	DIR=$SHM
	trap 'cd /; rm -rf "$WORK" "$SHM"' EXIT
fi
SHEET=$DIR/shared.csv
echo "# sheet in ${DIR%/*}; $WRITERS writers x $ENTRIES entries, $SINGLES single each, batches of $BATCH"

# writer I: entries I-1 .. I-ENTRIES, rounds of one batch and a few singles
writer() {
	i=$1 j=0 fails=0 singles=$SINGLES batched=$((ENTRIES - SINGLES))
	rounds=$(((batched + BATCH - 1) / BATCH))
	[ "$rounds" -lt 1 ] && rounds=1
	per=$(((singles + rounds - 1) / rounds))
	while [ "$j" -lt "$ENTRIES" ]; do
		n=$BATCH
		[ "$n" -gt "$batched" ] && n=$batched
		if [ "$n" -gt 0 ]; then
			awk -v i="$i" -v from="$((j + 1))" -v n="$n" 'BEGIN {
				print "date,coach,plan,goal,mode,minutes,note"
				for (k = from; k < from + n; k++)
					printf "2026-03-02,robin,P-1,,phone,15,w%d-%d\n", i, k
			}' >"batch.$i"
			cp-log -f "$SHEET" - <"batch.$i" 2>>"err.$i" || fails=$((fails + 1))
			batched=$((batched - n)) j=$((j + n))
		fi
		k=0
		while [ "$k" -lt "$per" ] && [ "$singles" -gt 0 ]; do
			j=$((j + 1)) k=$((k + 1)) singles=$((singles - 1))
			cp-log -f "$SHEET" --plan P-1 --mode phone -d 2026-03-02 15 "w$i-$j" 2>>"err.$i" ||
				fails=$((fails + 1))
		done
	done
	echo "$fails" >"fails.$i"
}

start=$(date +%s)
i=1
while [ "$i" -le "$WRITERS" ]; do
	writer "$i" &
	i=$((i + 1))
done
wait
secs=$(($(date +%s) - start))

fails=$(cat fails.* | awk '{ s += $1 } END { print s + 0 }')
check "no writer failed ($fails failures)" test "$fails" -eq 0
[ "$fails" -eq 0 ] || cat err.* | head -5 | sed 's/^/# /'
total=$((WRITERS * ENTRIES))
lines=$(($(wc -l <"$SHEET") - 1))
check "$total entries, $lines lines after the header" test "$lines" -eq "$total"
check "the header once, on the first line" \
	test "$(grep -c '^date,' "$SHEET")" -eq 1 -a "$(head -n 1 "$SHEET")" = "date,coach,plan,goal,mode,minutes,note"
check "every line whole" test "$(grep -Ec '^2026-03-02,robin,P-1,,phone,15,w[0-9]+-[0-9]+$' "$SHEET")" -eq "$total"
tail -n +2 "$SHEET" | cut -d, -f7 | sort >got
i=1
while [ "$i" -le "$WRITERS" ]; do seq -f "w$i-%g" 1 "$ENTRIES"; i=$((i + 1)); done | sort >want
lost=$(comm -13 got want | wc -l) doubled=$(uniq -d got | wc -l)
check "none lost ($lost), none doubled ($doubled)" test "$lost" -eq 0 -a "$doubled" -eq 0
check "each writer's lines in its own order" awk -F, 'NR > 1 {
	split($7, w, "-"); if (w[2] <= last[w[1]]) exit 1; last[w[1]] = w[2] }' "$SHEET"
check "a sheet that reads" cp-hours "$SHEET"
check "no temporary file left behind" test -z "$(find "$DIR" -name '.*cptmp*')"
echo "# $WRITERS x $ENTRIES concurrent appends in $secs s: $lines lines, $lost lost, $doubled doubled, $fails failed"

# Eight cp-new at once for one id: one plan, written once, seven refusals.
i=1
while [ "$i" -le 8 ]; do
	(cp-new -d "$DIR" --id P-9 --name "Writer $i" --funder uwv --start 2026-01-05 >"new.$i" 2>&1
		echo $? >"newst.$i") &
	i=$((i + 1))
done
wait
won=$(cat newst.* | grep -c '^0$') lost=$(cat newst.* | grep -c '^73$')
check "8 cp-new at once: one writes the plan ($won), seven are refused ($lost)" \
	test "$won" -eq 1 -a "$lost" -eq 7
check "... and the plan is one writer's, whole" \
	sh -c "grep -c '^  name: Writer [1-8]\$' '$DIR/P-9.yaml' | grep -qx 1 && cp-log -n -p '$DIR' -P P-9 -m phone 15 >/dev/null"
# Eight cp-evaluate --record at once on one plan: each lands, one after
# the other under the plan's lock, and the plan reads with all eight.
if [ -x "$CP_BIN/cp-evaluate" ]; then
	i=1
	while [ "$i" -le 8 ]; do
		(cp-evaluate -p "$DIR" --record P-9 --date 2026-11-20 --summary "Evaluatie $i" \
			>"ev.$i" 2>&1; echo $? >"evst.$i") &
		i=$((i + 1))
	done
	wait
	okays=$(cat evst.* | grep -c '^0$')
	check "8 cp-evaluate --record at once: all 8 recorded ($okays)" test "$okays" -eq 8
	check "... the plan holds the 8 evaluations, each once" \
		test "$(grep -c '^    summary: Evaluatie [1-8]$' "$DIR/P-9.yaml")" -eq 8 -a \
		"$(grep '^    summary: Evaluatie' "$DIR/P-9.yaml" | sort -u | wc -l)" -eq 8
	check "... and reads" sh -c "cp-log -n -p '$DIR' -P P-9 -m phone 15 >/dev/null"
	echo "# 8 concurrent cp-evaluate --record on one plan: $okays recorded"
else
	ok "8 cp-evaluate --record at once # skip no cp-evaluate in this build"
fi
# A program that takes no lock changes the file while a writer works: a
# shell's >> appends to the sheet, an editor saves the plan (a new file
# renamed over it).  Bug: the writer renamed its new file over theirs,
# and the line appended or the plan saved was gone.  Now the writer sees
# the file changed, writes nothing and says to try again.
SHIM=$CP_BIN/tests/failwrite.so
meanwhile() {
	how=$1 to=$2 line=$3
	shift 3
	CP_FAIL=$how CP_APPEND_TO=$to CP_APPEND=$line LD_PRELOAD=$SHIM \
		ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 "$@" >out 2>err
	status=$?
}
temps() { find plans hours -name '.*cptmp*' | wc -l; }
cp-log --plan P-1 --mode phone -d 2026-03-02 30 Eerste || exit 1
line='2026-03-09,robin,P-1,,phone,45,met >> erbij'
meanwhile APPEND hours/robin.csv "$line" cp-log --plan P-1 --mode phone -d 2026-03-10 30 Eigen
status_is 75 "cp-log while a shell appends to the sheet: exit status 75"
err_like '^cp-log: .*hours/robin.csv: changed by another program while it was being written; nothing written' \
	"... says why"
check "... the line appended stays" grep -qxF "$line" hours/robin.csv
check "... the entry is not written" sh -c '! grep -q Eigen hours/robin.csv'
check "... no temporary file left" test "$(temps)" -eq 0
run cp-log --plan P-1 --mode phone -d 2026-03-10 30 Eigen
status_is 0 "... logged again, it lands"
cp plans/P-1.yaml plan.before
meanwhile APPEND,RENAME plans/P-1.yaml '# bewaard in de editor' \
	cp-evaluate --record P-1 --summary Gesprek -d 2026-11-20
status_is 75 "cp-evaluate --record while an editor saves the plan: exit status 75"
check "... the editor's save stays" grep -qx '# bewaard in de editor' plans/P-1.yaml
check "... the evaluation is not written" sh -c '! grep -q Gesprek plans/P-1.yaml'
check "... no temporary file left" test "$(temps)" -eq 0
meanwhile APPEND,RENAME plans/P-1.yaml '# nog eens bewaard' cp-plan P-1 --agreement 'Maandag bellen'
status_is 75 "cp-plan while an editor saves the plan: exit status 75"
check "... the editor's save stays, the agreement is not written" \
	sh -c "grep -qx '# nog eens bewaard' plans/P-1.yaml && ! grep -q 'Maandag bellen' plans/P-1.yaml"
check "... the plan reads" cp-check plans/P-1.yaml
done_testing
