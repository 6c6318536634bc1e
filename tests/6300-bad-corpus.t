#!/bin/sh
# The held corpus of bad input (tests/bad/plans, tests/bad/sheets) and a
# few generated giants (10 MB fields, 100,000 levels of nesting, 49,000
# duplicate keys, a megabyte of commas): every tool that reads them must
# refuse each with exit status 65 and a first line of stderr that names the
# file, line and column, must not crash (no signal, no sanitizer report),
# must stay under the memory and time bounds below, and must write nothing.
#   plans:  cp-log -n --plan B (the plan read for an entry), cp-hours -p --budget,
#           cp-evaluate --record B (a writer: it must refuse and write nothing),
#           cp-evaluate --due, cp-report --plan B, cp-check
#   sheets: cp-hours SHEET, cp-log -n - < SHEET, cp-check SHEET,
#           cp-report --plan P-1 SHEET
# CP_BAD_MEM_KB bounds the peak resident memory of one run (default 131072
# KB, for the sanitizer build make check uses; a plain build peaks at about
# 20 MB, on a record of a million empty fields, and holds under 32 MB),
# CP_BAD_SECONDS the time of one run (default 60, for valgrind).
. "$(dirname "$0")/lib.sh"
caseload || exit 1
export CP_TODAY=2026-11-23
MEM_KB=${CP_BAD_MEM_KB:-131072}
SECONDS_MAX=${CP_BAD_SECONDS:-60}
POS='^cp-[a-z]+: [^:]+:[0-9]+:[0-9]+: '
TIME=
[ -x /usr/bin/time ] && /usr/bin/time -f %M true 2>/dev/null && TIME=/usr/bin/time
[ -n "$TIME" ] || echo "# no /usr/bin/time: memory is not measured"
printf 'date,coach,plan,goal,mode,minutes,note\n' >empty.csv
mkdir -p gen p/plans

inputs=0 crashes=0 changed=0 badstatus=0 noposition=0 bigmem=0 slow=0 peak=0

# judge DESC CMD...: one run of a tool on one bad input
judge() {
	d=$1
	shift
	snapshot .
	if [ -n "$TIME" ]; then
		timeout "$SECONDS_MAX" "$TIME" -f %M -o mem.out "$@" >out 2>err
	else
		timeout "$SECONDS_MAX" "$@" >out 2>err
	fi
	status=$?
	why=
	if [ "$status" -eq 124 ]; then
		slow=$((slow + 1)) why="$why, took more than $SECONDS_MAX s"
	elif [ "$status" -ge 128 ] || grep -Eq 'Sanitizer|runtime error|^==[0-9]+==' err; then
		crashes=$((crashes + 1)) why="$why, crashed (status $status)"
	elif [ "$status" -ne 65 ]; then
		badstatus=$((badstatus + 1)) why="$why, status $status"
	fi
	if ! head -n 1 err | grep -Eq "$POS"; then
		noposition=$((noposition + 1)) why="$why, no file:line:column on the first line"
	fi
	if [ -n "$TIME" ] && [ -s mem.out ]; then
		kb=$(tail -n 1 mem.out)
		[ "$kb" -gt "$peak" ] && peak=$kb
		[ "$kb" -gt "$MEM_KB" ] && bigmem=$((bigmem + 1)) why="$why, $kb KB of memory"
	fi
	rm -f mem.out
	files . >"$WORK/.snapnow"
	cmp -s "$WORK/.snapshot" "$WORK/.snapnow" || { changed=$((changed + 1)) why="$why, changed a file"; }
	if [ -z "$why" ]; then ok "$d"
	else not_ok "$d" "${why#, }" "$(head -n 3 err | cut -c1-200)"; fi
}

plan_input() {
	name=$1 src=$2
	inputs=$((inputs + 1))
	rm -f p/plans/*
	cp "$src" p/plans/B.yaml
	judge "plan $name: cp-log" cp-log -n -p p/plans --plan B --mode phone 15
	judge "plan $name: cp-hours" cp-hours -p p/plans --budget empty.csv
	judge "plan $name: cp-evaluate --record" cp-evaluate -p p/plans --record B --summary x
	judge "plan $name: cp-evaluate --due" cp-evaluate -p p/plans --due
	judge "plan $name: cp-report" cp-report -p p/plans --plan B empty.csv
	judge "plan $name: cp-check" cp-check -p p/plans p/plans
}

sheet_input() {
	name=$1 src=$2
	inputs=$((inputs + 1))
	judge "sheet $name: cp-hours" cp-hours "$src"
	# a coach's own list may leave out the coach and write 2026/03/02 as an
	# agenda does: cp-log - takes them, what reads files does not
	case $name in
	header-no-coach | bad-date-format) ;;
	*) judge "sheet $name: cp-log -" sh -c 'exec cp-log -n - <"$1"' sh "$src" ;;
	esac
	judge "sheet $name: cp-check" cp-check -p plans "$src"
	judge "sheet $name: cp-report" cp-report -p plans --plan P-1 "$src"
}

for f in "$TOP"/tests/bad/plans/*.yaml; do
	plan_input "$(basename "$f" .yaml)" "$f"
done
for f in "$TOP"/tests/bad/sheets/*.csv; do
	sheet_input "$(basename "$f" .csv)" "$f"
done

# ---- generated: too big to keep in the repository ----
head -c 10485760 /dev/zero | tr '\0' x >gen/10mb
{ printf 'id: B\nparticipant:\n  name: '; cat gen/10mb; echo; } >gen/plan-10mb-field.yaml
{ printf 'id: B\nx: '; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }'; } >gen/plan-deep-100000.yaml
{ printf 'id: B\nx: '; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{a: "; print "" }'; } >gen/plan-deep-maps.yaml
awk 'BEGIN { print "id: B"; for (i = 0; i < 49000; i++) print "a: 1" }' >gen/plan-49000-duplicate-keys.yaml
awk 'BEGIN { print "id: B"; for (i = 0; i < 24000; i++) printf "k%d: 1\nk%d: 2\n", i, i }' >gen/plan-24000-keys-twice.yaml
awk 'BEGIN { print "id: B"; for (i = 0; i < 2000; i++) printf "a%d: &a%d x\n", i, i }' >gen/plan-2000-anchors.yaml
awk 'BEGIN { printf "id: B\nx: ["; for (i = 0; i < 150000; i++) printf "1,"; print "]" }' >gen/plan-150000-values.yaml
awk 'BEGIN { print "id: B\ngoals:"; for (i = 0; i < 12000; i++) print "  - {id: G" i ", status: bad}" }' >gen/plan-12000-bad-goals.yaml
awk 'BEGIN { printf "id: B\nx: &a [1,1,1,1,1,1,1,1,1,1]\n"
	for (i = 1; i < 60; i++) printf "x%d: &a [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n", i
	print "participant: *a" }' >gen/plan-alias-bomb-60.yaml
for f in gen/plan-*.yaml; do
	plan_input "$(basename "$f" .yaml)" "$f"
done
{ printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,P-1,,phone,30,"'; cat gen/10mb; echo '"'; } >gen/sheet-10mb-quoted-field.csv
{ printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,P-1,,phone,30,'; cat gen/10mb; echo; } >gen/sheet-10mb-line.csv
{ printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,P-1,,phone,30,"'; cat gen/10mb; } >gen/sheet-10mb-unclosed.csv
head -c 1048576 /dev/zero | tr '\0' , >gen/sheet-commas-1mb.csv
{ printf 'date,coach,plan,goal,mode,minutes,note\n'; head -c 1000000 /dev/zero | tr '\0' ,; echo; } >gen/sheet-1000000-fields.csv
awk 'BEGIN { print "date,coach,plan,goal,mode,minutes,note"
	for (i = 0; i < 100000; i++) print "2026-02-30,robin,P-1,,phone,30," }' >gen/sheet-100000-bad-lines.csv
for f in gen/sheet-*.csv; do
	sheet_input "$(basename "$f" .csv)" "$f"
done
rm -rf gen

echo "# $inputs bad inputs, $crashes crashes, $changed files changed, $badstatus other statuses, $noposition without position, $slow too slow, $bigmem over $MEM_KB KB (peak ${peak} KB)"
done_testing
