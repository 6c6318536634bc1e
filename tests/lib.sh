# tests/lib.sh: sourced by every tests/NNNN-*.t.  Each script runs in a
# scratch directory of its own (removed on exit), with a fixed "today" and
# the C locale, against the binaries in $CP_BIN, and prints TAP.  The
# message catalogues are the ones built with those binaries, so that a
# test can switch to Dutch with LANG or LANGUAGE (tests/7001-nederlands.t).
set -u
: "${CP_BIN:?CP_BIN names the directory with the built tools; use make check}"
TOP=$(cd "$(dirname "$0")/.." && pwd)
PATH=$CP_BIN:$PATH
WORK=$(mktemp -d "${TMPDIR:-/tmp}/coachplan-test.XXXXXX")
trap 'cd /; rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export CP_TODAY=2026-11-23 USER=robin LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
unset CP_PLANS CP_SHEET LANGUAGE
export COACHPLAN_LOCALEDIR=$CP_BIN/locale COACHPLAN_DATADIR=$TOP/data
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$TOP/tests/lsan.supp:print_suppressions=0}
tests=0 failures=0

ok() { tests=$((tests + 1)); echo "ok $tests - $1"; }
not_ok() {
	tests=$((tests + 1)) failures=$((failures + 1))
	echo "not ok $tests - $1"
	shift
	[ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/#   /'
	return 0
}

# run CMD...: runs it, keeping stdout in ./out, stderr in ./err, status in $status
run() { "$@" >out 2>err; status=$?; }

# check DESC CMD...: passes when CMD succeeds
check() {
	d=$1; shift
	if "$@" >check.out 2>&1; then ok "$d"; else not_ok "$d" "$(cat check.out)"; fi
}

# status_is N DESC
status_is() {
	if [ "$status" = "$1" ]; then ok "$2"; else not_ok "$2" "status $status, wanted $1" "$(cat err)"; fi
}

# err_like REGEX DESC: the first line of stderr matches
err_like() {
	if head -n 1 err | grep -Eq -- "$1"; then ok "$2"; else not_ok "$2" "wanted /$1/" "$(cat err)"; fi
}

# err_has REGEX DESC: some line of stderr matches
err_has() {
	if grep -Eq -- "$1" err; then ok "$2"; else not_ok "$2" "wanted /$1/" "$(cat err)"; fi
}

# out_is TEXT DESC: stdout is exactly TEXT and a line break
out_is() {
	printf '%s\n' "$1" >"$WORK/.snapexpected"
	if cmp -s out "$WORK/.snapexpected"; then ok "$2"
	else not_ok "$2" "$(diff -u "$WORK/.snapexpected" out | head -40)"; fi
}

# same FILE EXPECTED DESC
same() {
	if cmp -s "$1" "$2"; then ok "$3"; else not_ok "$3" "$(diff -u "$2" "$1" | head -40)"; fi
}

# snapshot [DIR]: remember every file below DIR (default .); unchanged DESC
# compares.  The harness's own files (out, err, .snap*) do not count.
files() {
	find "$1" -type f ! -name out ! -name err ! -name check.out ! -name '.snap*' \
		-exec sha1sum {} + 2>/dev/null | sort
}
snapshot() { snapdir=${1:-.}; files "$snapdir" >"$WORK/.snapshot"; }
unchanged() {
	files "$snapdir" >"$WORK/.snapnow"
	if cmp -s "$WORK/.snapshot" "$WORK/.snapnow"; then ok "$1"
	else not_ok "$1" "$(diff "$WORK/.snapshot" "$WORK/.snapnow")"; fi
}

# refuses STATUS REGEX DESC CMD...: fails with STATUS, says REGEX on its
# first line (as "prog: ..."), and changes no file in the directory.
refuses() {
	st=$1 re=$2 d=$3; shift 3
	snapshot .
	run "$@"
	status_is "$st" "$d: exit status $st"
	err_like "^[a-z-]+: .*$re" "$d: says why"
	unchanged "$d: no file changed"
}

# A caseload with a couple of plans, for tests that need one.
caseload() {
	cp-new --init . --no-hook >/dev/null &&
	cp-new --id P-1 --name "Bart de Wit" --funder uwv --start 2026-01-05 \
		--goal "Zelfstandig de kassa bedienen" --goal "16 uur per week" --budget 60/6m >/dev/null &&
	cp-new --id P-2 --name "Zoë van 't Hek" --funder gemeente --start 2026-03-01 \
		--goal "Vaste pauzes nemen" --end 2026-12-31 >/dev/null
}

# bare TOOL: the tool runs as itself, a plain build: not under valgrind (a
# wrapper script) nor ASan, which both reserve far more address space than
# a memory bound of ulimit -v allows
bare() { ! grep -q __asan_init "$CP_BIN/$1" && [ "$(head -c 2 "$CP_BIN/$1")" != '#!' ]; }

done_testing() {
	echo "1..$tests"
	[ "$failures" -eq 0 ]
}

# golden FILE GOLDEN DESC: FILE is the golden file GOLDEN; with
# CP_UPDATE_GOLDEN=1 in the environment, GOLDEN is written from FILE.
golden() {
	if [ -n "${CP_UPDATE_GOLDEN:-}" ]; then
		mkdir -p "$(dirname "$2")" && cp "$1" "$2" && ok "$3 (golden written)"
	else
		same "$1" "$2" "$3"
	fi
}
