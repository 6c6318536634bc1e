#!/bin/sh
# The fuzz harnesses of tests/fuzz/, built without libFuzzer, replay their
# seed corpora, every input that ever crashed one (tests/fuzz/regress/) and
# the bad input corpus (tests/bad/): a bug the fuzzer found stays found.
# The fuzzing itself is make fuzz.
. "$(dirname "$0")/lib.sh"
F=$TOP/tests/fuzz

for src in "$F"/fuzz-*.c; do
	name=$(basename "$src" .c) short=${name#fuzz-}
	bin=$CP_BIN/tests/replay-$name
	if ! [ -x "$bin" ]; then
		not_ok "$name is built" "no $bin; make check builds it"
		continue
	fi
	set -- "$F/corpus/$short"
	[ -d "$F/regress/$short" ] && set -- "$@" "$F/regress/$short"
	case $short in # the bad input corpus, through the readers' own checks
	plan) set -- "$@" "$TOP/tests/bad/plans" ;;
	sheet) set -- "$@" "$TOP/tests/bad/sheets" ;;
	esac
	run "$bin" "$@"
	status_is 0 "$name: corpus and regressions replay clean ($(cat out))"
	check "$name: no sanitizer report" sh -c '! grep -Eq "runtime error|ERROR: AddressSanitizer|assertion failed" err'
done
done_testing
