#!/bin/sh
# tests/valgrind.sh BUILD RUN: make RUN a CP_BIN for the test suite in
# which every tool, unit test and fuzz replay of BUILD runs under valgrind
# (memcheck, leaks included), for make check-valgrind.  Each wrapper execs
# valgrind (so a signal still reaches the program), keeps valgrind's
# report out of the tool's stderr (RUN/logs/PID.log), and turns any error
# into exit status 125, which no test expects.  The helpers that only
# drive or check the tools (killat, failwrite.so, csvtotals) are linked
# as they are.
set -eu
build=$(cd "$1" && pwd)
mkdir -p "$2"
run=$(cd "$2" && pwd)
supp=$(cd "$(dirname "$0")" && pwd)/valgrind.supp
rm -rf "$run/tests" "$run/logs"
mkdir -p "$run/tests" "$run/logs"
wrap() { # wrap PROGRAM WRAPPER
	cat >"$2" <<WRAP
#!/bin/sh
exec valgrind --quiet --error-exitcode=125 --leak-check=full \\
	--show-leak-kinds=definite,possible --errors-for-leak-kinds=definite,possible \\
	--suppressions="$supp" \\
	--log-file="$run/logs/%p.log" "$1" "\$@"
WRAP
	chmod +x "$2"
}
for t in "$build"/cp-*; do
	wrap "$t" "$run/${t##*/}"
done
for t in "$build"/tests/test-* "$build"/tests/replay-*; do
	case $t in *.o | *.d) continue ;; esac
	wrap "$t" "$run/tests/${t##*/}"
done
for t in "$build"/tests/*; do # the helpers of tests/helpers, as they are
	case ${t##*/} in test-* | replay-* | *.o | *.d) continue ;; esac
	[ -f "$t" ] && ln -sf "$t" "$run/tests/${t##*/}"
done
# the message catalogues, where tests/lib.sh points COACHPLAN_LOCALEDIR
[ -d "$build/locale" ] && ln -sfn "$build/locale" "$run/locale"
exit 0
