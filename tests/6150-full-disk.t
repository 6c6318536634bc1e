#!/bin/sh
# A full disk, a failing disk and a read-only directory: every writer
# fails with a clear message and a sysexits status, and leaves every file
# as it was, with no temporary file behind.  Where the test may mount a
# small tmpfs (as root, outside a restricted container) it fills a real
# one and remounts it read-only; everywhere it also runs the tools with
# tests/helpers/failwrite.so preloaded, which makes writes fail (ENOSPC),
# fsync fail (EIO), or creating and opening for writing fail (EROFS).
. "$(dirname "$0")/lib.sh"
export CP_TODAY=2026-03-10
runs=0

# fails STATUS REGEX DESC CMD...: like refuses, and no temporary file is
# left in the caseload $CL.  The harness's own files (out, err) stay in
# the work directory, on a disk that works.
fails() {
	runs=$((runs + 1))
	refuses "$@"
	check "$3: no temporary file left" test -z "$(find "$CL" -name '.*cptmp*')"
}

# The same faults everywhere: a sheet and a plan that exist, a new sheet
# and a new plan, in the caseload $CL.
faults() {
	how=$1 st_write=$2 st_open=$3 st_create=$4 why=$5
	fails "$st_open" "robin.csv: cannot (write|open for writing): $why" "$how: cp-log on a sheet" \
		cp-log -p "$CL/plans" -f "$CL/hours/robin.csv" --plan P-1 --mode phone 30
	printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,P-1,,phone,30,a\n' >batch.csv
	fails "$st_open" "robin.csv: cannot (write|open for writing): $why" "$how: cp-log - on a sheet" \
		sh -c 'cp-log -p "$CL/plans" -f "$CL/hours/robin.csv" - <batch.csv'
	fails "$st_write" "new.csv: cannot (write|create a file in [^ ]*hours): $why" "$how: cp-log on a new sheet" \
		cp-log -p "$CL/plans" -f "$CL/hours/new.csv" --plan P-1 --mode phone 30
	fails "$st_create" "plans/P-9.yaml: cannot (write|create a file in [^ ]*plans): $why" "$how: cp-new" \
		cp-new -d "$CL/plans" --id P-9 --name X --funder uwv --start 2026-01-05
}

# ---- a real tmpfs, filled up, then read-only ----
MNT=$WORK/mnt
mkdir "$MNT"
if mount -t tmpfs -o size=256k,mode=0700 tmpfs "$MNT" 2>/dev/null; then
	trap 'cd /; umount "$MNT" 2>/dev/null; rm -rf "$WORK"' EXIT
	CL=$MNT
	export CL
	(cd "$CL" && caseload && cp-log --plan P-1 --mode phone -d 2026-03-02 30 Eerste) || exit 1
	dd if=/dev/zero of="$MNT/.fill" bs=4k 2>/dev/null # until the disk is full
	faults "tmpfs full" 74 74 74 "No space left on device"
	run sh -c 'cp-hours -o csv "$CL/hours" >"$CL/out.csv"'
	status_is 74 "tmpfs full: cp-hours > file: exit status 74"
	err_like '^cp-hours: cannot write standard output: No space left on device' \
		"tmpfs full: cp-hours > file: says why"
	rm -f "$MNT/.fill" "$MNT/out.csv"
	if mount -o remount,ro "$MNT" 2>/dev/null; then
		faults "read-only tmpfs" 73 77 73 "Read-only file system"
		mount -o remount,rw "$MNT"
	else
		ok "read-only tmpfs # skip cannot remount read-only here"
	fi
	umount "$MNT"
else
	ok "a full tmpfs # skip cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)"
fi

# ---- a shim that makes the file system fail, in any environment ----
SHIM=$CP_BIN/tests/failwrite.so
CL=$WORK/shim
export CL
mkdir "$CL" && (cd "$CL" && caseload && cp-log --plan P-1 --mode phone -d 2026-03-02 30 Eerste) || exit 1
# The shim is preloaded into the tools only, not into the shell and the
# commands of the test: wrappers first in PATH.
mkdir faulty
for t in cp-log cp-new cp-plan cp-merge; do
	cat >faulty/$t <<WRAP
#!/bin/sh
CP_FAIL=\$FAULT LD_PRELOAD=$SHIM ASAN_OPTIONS=\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}verify_asan_link_order=0 \\
	exec "$CP_BIN/$t" "\$@"
WRAP
	chmod +x faulty/$t
done
PATH=$WORK/faulty:$PATH
export FAULT
FAULT=ENOSPC
faults "write fails (ENOSPC)" 74 74 74 "No space left on device"
FAULT=EIO
faults "fsync fails (EIO)" 74 74 74 "Input/output error"
FAULT=EROFS
faults "read-only (EROFS)" 73 77 73 "Read-only file system"

# the status a plan writer exits with on a plan it may not write is one
# its manual page lists
man_lists() {
	check "$1(1) lists exit status $2" sh -c \
		"sed -n '/^\.Sh EXIT STATUS/,/^\.Sh/p' '$TOP/man/$1.1' | grep -qx '\.It $2'"
}
fails 77 "P-1.yaml: cannot open for writing: Read-only file system" "read-only: cp-plan" \
	cp-plan -p "$CL/plans" P-1 --goal "Zelfstandig reizen"
man_lists cp-plan 77
cp "$CL/plans/P-1.yaml" base.yaml && cp base.yaml theirs.yaml && echo 'extra: 1' >>theirs.yaml
fails 77 "P-1.yaml: cannot open for writing: Read-only file system" "read-only: cp-merge" \
	cp-merge base.yaml "$CL/plans/P-1.yaml" theirs.yaml plans/P-1.yaml
man_lists cp-merge 77
# Bug: versions that are no plans went to git merge-file, which wrote ours
# itself; when it could not, cp-merge said 1, conflict markers left, with
# nothing written.  The write error's status, as for a plan
printf 'a: 1\n' >nb.yaml && printf 'a: [\n' >"$CL/ours.yaml" && printf 'b: 2\n' >nt.yaml
FAULT=ENOSPC
snapshot .
run cp-merge nb.yaml "$CL/ours.yaml" nt.yaml ours.yaml
status_is 74 "no plans, a full disk: cp-merge exits 74"
err_has '^cp-merge: .*ours.yaml: cannot write: No space left on device$' "... says why"
unchanged "... ours as it was"
FAULT=
run cp-merge nb.yaml "$CL/ours.yaml" nt.yaml ours.yaml
status_is 1 "... on a disk that works: conflict markers left"
check "... in ours" grep -qx '>>>>>>> theirs' "$CL/ours.yaml"
rm "$CL/ours.yaml"
PATH=${PATH#"$WORK/faulty:"}
echo "# $runs writes on a full, failing or read-only disk: $failures failed checks (refused, said why, no file changed, no temporary file)"
# a report larger than stdio's buffer fails as it is written, and again
# as the tool ends: said once
run sh -c 'cd "$CL" && cp-report --plan P-1 -o html >/dev/full'
status_is 74 "cp-report -o html >/dev/full: exit status 74"
check "cp-report -o html >/dev/full: says so, once" \
	test "$(cat err)" = "cp-report: cannot write standard output: No space left on device"
# a plan written whose path cannot be printed: the message says it is there
run sh -c 'cd "$CL" && cp-new --id P-8 --name X --funder uwv --start 2026-01-05 >/dev/full'
status_is 74 "cp-new >/dev/full: exit status 74"
check "... the plan is written" test -s "$CL/plans/P-8.yaml"
check "... and the message says so, once" test "$(cat err)" = \
	"cp-new: plans/P-8.yaml is written, but its path could not be printed: cannot write standard output: No space left on device"
run cp-log -p "$CL/plans" -f "$CL/hours/robin.csv" --plan P-1 --mode phone -d 2026-03-03 30 Tweede
status_is 0 "without the shim the same sheet takes the entry"
check "... as its second line" test "$(wc -l <"$CL/hours/robin.csv")" -eq 3
done_testing
