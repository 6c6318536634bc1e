#!/bin/sh
# Temporary files of writers that were killed (issue 14, defect 3).  A
# writer's new file has no name until it is whole (O_TMPFILE and linkat);
# one killed between the temporary name and the final one leaves
# .NAME.cptmp.PID.XXXXXX, which the next writer in that directory removes
# and cp-check reports.  A writer holds a lock on its temporary file, so a
# live writer's file is never removed, even where its PID means nothing
# here (another machine on a shared directory, another PID namespace).
# Where the file system has no O_TMPFILE the temporary file is named from
# the start, and the same holds.  tests/6100-kill.t kills the writers at
# random moments; tests/6120-leftovers.t has the plain cases.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
cp-log --plan P-1 --mode phone -d 2026-03-02 30 Eerste
SHIM=$CP_BIN/tests/failwrite.so
[ -f "$SHIM" ] || { not_ok "tests/helpers/failwrite.so is built"; done_testing; exit; }

# failing HOW CMD...: CMD run with the shim misbehaving as HOW says
failing() {
	how=$1
	shift
	CP_FAIL=$how LD_PRELOAD=$SHIM ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
		"$@" >out 2>err
	status=$?
}
temps() { find plans hours reports -name '.*cptmp*' 2>/dev/null | wc -l; }

# ---- killed between the temporary name and the final one ----
cp plans/P-1.yaml plan.before
failing KILLRENAME cp-evaluate --record P-1 --summary 'Gesprek' -d 2026-11-20
status_is 137 "cp-evaluate --record killed in its rename"
same plans/P-1.yaml plan.before "... leaves the plan as it was"
check "... and one temporary file beside it" test "$(temps)" -eq 1
run cp-check
err_has '^cp-check: warning: plans/\.P-1\.yaml\.cptmp\.[0-9]+\.[A-Za-z0-9]{6}: a temporary file left' \
	"cp-check reports it"
run cp-evaluate --record P-1 --summary 'Gesprek' -d 2026-11-20
status_is 0 "the next cp-evaluate --record"
check "... removes it" test "$(temps)" -eq 0

failing KILLRENAME cp-log --plan P-1 --mode phone -d 2026-03-03 20m Tweede
status_is 137 "cp-log killed in its rename"
check "... leaves one temporary file beside the sheet" test "$(find hours -name '.*cptmp*' | wc -l)" -eq 1
run cp-log --plan P-1 --mode phone -d 2026-03-03 20m Tweede
check "... which the next cp-log removes" test "$(temps)" -eq 0

# ---- a file system without O_TMPFILE: the temporary file has a name
# from the start ----
failing NOTMPFILE cp-evaluate --record P-1 --summary 'Zonder' -d 2026-11-21
status_is 0 "cp-evaluate --record without O_TMPFILE"
check "... records" grep -q 'Zonder' plans/P-1.yaml
check "... and leaves no temporary file" test "$(temps)" -eq 0
cp plans/P-1.yaml plan.before
failing NOTMPFILE,KILL cp-evaluate --record P-1 --summary 'Weg' -d 2026-11-22
status_is 137 "killed while it writes its named temporary file"
same plans/P-1.yaml plan.before "... leaves the plan as it was"
check "... and a temporary file" test "$(temps)" -eq 1
failing NOTMPFILE cp-new --id P-8 --name 'Nieuw' --funder uwv --start 2026-11-02
status_is 0 "the next writer there, itself without O_TMPFILE (cp-new)"
check "... removes it" test "$(temps)" -eq 0
failing NOTMPFILE,KILL cp-new --id P-9 --name 'Nieuw' --funder uwv --start 2026-11-02
status_is 137 "cp-new killed while it writes its named temporary file"
check "... leaves no plan" test ! -e plans/P-9.yaml
run cp-new --id P-9 --name 'Nieuw' --funder uwv --start 2026-11-02
status_is 0 "cp-new again"
check "... and no temporary file" test "$(temps)" -eq 0

# ---- cp-report's files ----
mkdir reports
failing NOTMPFILE,KILLRENAME cp-report --declaration --funder uwv --period 2026 -o reports
status_is 137 "cp-report --declaration killed while it names a file"
check "... leaves a temporary file" test "$(temps)" -eq 1
run cp-report --declaration --funder uwv --period 2026 -o reports
status_is 0 "cp-report --declaration again"
check "... leaves no temporary file" test "$(temps)" -eq 0

# ---- 40 kills at random moments, without O_TMPFILE ----
# Named from the start, a temporary file is there for the whole write, so
# many kills leave one; the plan is whole after each, and the next writer
# leaves none.  (tests/6100-kill.t does the same with O_TMPFILE.)
KILLAT=$CP_BIN/tests/killat
if [ -x "$KILLAT" ]; then
	cp plans/P-1.yaml orig.yaml
	mkdir ref && cp orig.yaml ref/P-1.yaml
	cp-evaluate -p ref --record P-1 --summary 'Na de kills' -d 2026-11-23 >/dev/null
	t0=$(date +%s%N)
	cp-evaluate -p ref --record P-1 --summary 'Nog eens' -d 2026-11-23 >/dev/null
	us=$((($(date +%s%N) - t0) / 1000 * 11 / 10))
	cp orig.yaml ref/P-1.yaml
	cp-evaluate -p ref --record P-1 --summary 'Na de kills' -d 2026-11-23 >/dev/null
	broken=0 left=0 killed=0 k=0
	while [ "$k" -lt 40 ]; do
		k=$((k + 1))
		cp orig.yaml plans/P-1.yaml
		r=$(CP_FAIL=NOTMPFILE LD_PRELOAD=$SHIM \
			ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
			"$KILLAT" "$us" cp-evaluate --record P-1 --summary 'Na de kills' -d 2026-11-23 2>/dev/null)
		case $r in killed*) killed=$((killed + 1)) ;; esac
		cmp -s plans/P-1.yaml orig.yaml || cmp -s plans/P-1.yaml ref/P-1.yaml || broken=$((broken + 1))
		[ "$(temps)" -gt 0 ] && left=$((left + 1))
	done
	echo "# 40 runs without O_TMPFILE, $killed killed: $left left a temporary file (each removed by the next)"
	check "40 kills without O_TMPFILE: every plan whole ($broken broken)" test "$broken" -eq 0
	run cp-log --plan P-1 --mode phone -d 2026-03-04 15 Na
	run cp-evaluate --record P-1 --summary 'Daarna' -d 2026-11-23
	check "... and no temporary file once a writer has run again ($(temps))" test "$(temps)" -eq 0
fi

# ---- a live writer whose PID means nothing here ----
# A temporary file named with the PID of a process that is gone, locked
# the way a writer locks its own (flock): a writer on another machine, or
# in another PID namespace.  Neither cp-check nor a writer may take it for
# a stale one; once the lock goes, it is stale.
if command -v flock >/dev/null 2>&1; then
	sh -c 'exit 0' &
	gone=$!
	wait $gone
	live=plans/.P-2.yaml.cptmp.$gone.ReMoTe
	: >"$live"
	(exec 9<"$live" && flock 9 && exec sleep 60) &
	holder=$!
	n=0
	while [ "$n" -lt 50 ] && flock -n "$live" true; do n=$((n + 1)); sleep 0.1; done
	run cp-check
	check "cp-check does not report a locked temporary file" sh -c '! grep -q ReMoTe err'
	run cp-evaluate --record P-1 --summary 'Ander' -d 2026-11-23
	status_is 0 "a writer in the same directory"
	check "... leaves the locked temporary file alone" test -e "$live"
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
	run cp-check
	err_has "$live: a temporary file left" "once the lock is gone, cp-check reports it"
	run cp-new --id P-7 --name 'Nieuw' --funder uwv --start 2026-11-02
	check "... and the next writer removes it" test ! -e "$live"
else
	ok "a locked temporary file is left alone # skip no flock(1)"
fi

done_testing
