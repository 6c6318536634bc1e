#!/bin/sh
# tests/fuzz/run.sh [HARNESS...]: runs each libFuzzer harness built in
# $FUZZ_BIN (make fuzz-build) for $FUZZ_SECONDS, $FUZZ_JOBS at a time, on
# a copy of its seed corpus (tests/fuzz/corpus/SHORT for fuzz-SHORT, kept
# as committed; what libFuzzer finds collects in $FUZZ_BIN/corpus/NAME).
# The regressions in tests/fuzz/regress/SHORT are read as seeds, so an old
# crash that comes back stops the run at once.  A crash lands in
# $FUZZ_BIN/crashes/NAME/ and makes the run fail.  One summary line per
# harness goes to standard output and to $FUZZ_BIN/summary.txt.
cd "$(dirname "$0")/../.." || exit 1
B=${FUZZ_BIN:-build/fuzz}
S=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-1}
NICE=${FUZZ_NICE:-19}

if [ "${1:-}" = --one ]; then
	name=$2 short=${2#fuzz-}
	mkdir -p "$B/corpus/$name" "$B/crashes/$name" "tests/fuzz/regress/$short"
	cp -n tests/fuzz/corpus/"$short"/* "$B/corpus/$name/" 2>/dev/null
	set -- -max_total_time="$S" -print_final_stats=1 -timeout=10 -max_len=8192 \
		-artifact_prefix="$B/crashes/$name/"
	[ -f "tests/fuzz/$short.dict" ] && set -- "$@" -dict="tests/fuzz/$short.dict"
	case $short in # the bad input corpus seeds the readers too
	plan | edit) seeds=tests/bad/plans ;;
	sheet | csv) seeds=tests/bad/sheets ;;
	*) seeds= ;;
	esac
	start=$(date +%s)
	nice -n "$NICE" "$B/$name" "$@" "$B/corpus/$name" "tests/fuzz/regress/$short" $seeds \
		>"$B/$name.log" 2>&1
	rc=$?
	secs=$(($(date +%s) - start))
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$B/$name.log" | tail -n 1)
	last=$(grep -E '^#[0-9]+' "$B/$name.log" | grep 'cov:' | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
	# a slow unit (over 10 s, as when the machine is busy) is kept but is no crash
	crashes=$(find "$B/crashes/$name" -type f ! -name 'slow-unit-*' | wc -l)
	slow=$(find "$B/crashes/$name" -type f -name 'slow-unit-*' | wc -l)
	line="$(date -u +%Y-%m-%d) $name: ${runs:-?} runs in ${secs} s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}, $crashes crashes, $slow slow units (exit $rc)"
	echo "$line"
	echo "$line" >>"$B/summary.txt"
	if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
		grep -E -A30 '^==[0-9]+==ERROR|assertion failed|^SUMMARY|deadly signal|timeout' "$B/$name.log" | head -n 60
		exit 1
	fi
	exit 0
fi

if ! [ -d "$B" ]; then
	echo "run.sh: no harnesses in $B; make fuzz builds them" >&2
	exit 66
fi
[ $# -gt 0 ] || set -- $(cd tests/fuzz && ls fuzz-*.c | sed 's/\.c$//')
printf '%s\n' "$@" | xargs -P "$JOBS" -I{} sh "$0" --one {}
