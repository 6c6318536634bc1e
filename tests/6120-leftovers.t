#!/bin/sh
# Temporary files: a writer killed after writing its new file but before
# naming it leaves nothing behind (the file has no name until it is whole);
# one killed in the instant between naming and renaming leaves
# .NAME.cptmp.PID.XXXXXX, which the next writer in that directory removes
# once PID is gone, and which cp-check reports.  A live writer's file is
# never touched.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
cp-log --plan P-1 --mode phone -d 2026-03-02 30 Eerste
SHIM=$CP_BIN/tests/failwrite.so
[ -f "$SHIM" ] || { not_ok "tests/helpers/failwrite.so is built"; done_testing; exit; }

# killed: the tool run with the shim that kills it in its first fsync
killed() {
	CP_FAIL=KILL LD_PRELOAD=$SHIM ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
		"$@" >out 2>err
	status=$?
}

leftovers() { find plans hours -name '.*cptmp*' | wc -l; }

cp plans/P-1.yaml plan.before
killed cp-evaluate --record P-1 --summary 'Gesprek' -d 2026-11-20
status_is 137 "cp-evaluate --record killed before its new plan has a name"
check "... leaves no temporary file" test "$(leftovers)" -eq 0
same plans/P-1.yaml plan.before "... and the plan as it was"

cp hours/robin.csv sheet.before
killed cp-log --plan P-1 --mode phone -d 2026-03-03 20m Tweede
status_is 137 "cp-log killed before its new sheet has a name"
check "... leaves no temporary file" test "$(leftovers)" -eq 0
same hours/robin.csv sheet.before "... and the sheet as it was"

killed cp-new --id P-9 --name 'Nieuw' --funder uwv --start 2026-11-02
status_is 137 "cp-new killed before its plan has a name"
check "... leaves neither a plan nor a temporary file" test ! -e plans/P-9.yaml -a "$(leftovers)" -eq 0

# Files as killed writers leave them between naming and renaming: one of a
# process that is gone, one from before PIDs were in the name (old), and
# one of a writer that is still running.
sh -c 'exit 0' &
gone=$!
wait $gone
sleep 60 &
alive=$!
touch "plans/.P-1.yaml.cptmp.$gone.aBc123" "hours/.robin.csv.cptmp.$gone.xYz789" \
	"plans/.P-2.yaml.cptmp.$alive.LiVe00" plans/.P-2.yaml.cptmp.Ab12Cd
touch -d '1 hour ago' plans/.P-2.yaml.cptmp.Ab12Cd
run cp-check
status_is 0 "cp-check: temporary files are no error"
err_has "plans/.P-1.yaml.cptmp.$gone.aBc123: a temporary file left by a writer that was stopped" \
	"... but it names the one of a writer that is gone"
err_has "hours/.robin.csv.cptmp.$gone.xYz789: a temporary file left" "... in the hours too"
err_has 'plans/.P-2.yaml.cptmp.Ab12Cd: a temporary file left' "... and the old one"
check "... not the one of a running writer" sh -c "! grep -q LiVe00 err"

cp-evaluate --record P-1 --summary 'Gesprek' -d 2026-11-20 >/dev/null
check "a writer in plans/ removes the stale files there" \
	test ! -e "plans/.P-1.yaml.cptmp.$gone.aBc123" -a ! -e plans/.P-2.yaml.cptmp.Ab12Cd
check "... but not the file of a writer that still runs" test -e "plans/.P-2.yaml.cptmp.$alive.LiVe00"
check "... nor those of another directory" test -e "hours/.robin.csv.cptmp.$gone.xYz789"
cp-log --plan P-1 --mode phone -d 2026-03-03 20m Tweede
check "a writer in hours/ removes the stale file there" test ! -e "hours/.robin.csv.cptmp.$gone.xYz789"
kill $alive 2>/dev/null
wait $alive 2>/dev/null

done_testing
