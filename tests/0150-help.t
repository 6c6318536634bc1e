#!/bin/sh
# --help on an 80-column terminal, in English and in Dutch: the examples
# after the options are commands a coach can copy, so none is wrapped in
# the middle (a continued line starts indented, after a backslash).
# And a wrong option is said in the tool's name, not in its path; and
# --help, --usage and --version that cannot be written fail (EX_IOERR),
# as every other output does.
. "$(dirname "$0")/lib.sh"

for src in "$TOP"/cmd/*.c; do
	tool=$(basename "$src" .c)
	for lang in en nl; do
		if [ $lang = nl ]; then
			LANGUAGE=nl LC_ALL=nl_NL.UTF-8 COLUMNS=80 "$tool" --help >help.txt 2>&1
		else
			COLUMNS=80 "$tool" --help >help.txt 2>&1
		fi
		# the lines after "Examples:" up to the next blank line
		awk '/^(Examples|Voorbeelden):$/ { on = 1; next } on && /^$/ { on = 0 } on' help.txt >examples.txt
		bad=$(awk 'prev !~ /\\$/ && $0 !~ /^  cp-/ { print } { prev = $0 }' examples.txt)
		check "$tool --help ($lang): every example a whole command" test -z "$bad"
		check "$tool --help ($lang): fits 80 columns" test "$(wc -L <help.txt)" -le 80
		# glibc's argp reads uninitialised memory (valgrind) when it
		# wraps a group header: each must fit on its line, ending in ":"
		bad=$(grep '^ [^ -]' help.txt | grep -v ':$' || :)
		check "$tool --help ($lang): every group header on one line" test -z "$bad"
	done
	# Bug: -o took table (as the man pages say) but --help left it out
	COLUMNS=80 "$tool" --help >help.txt 2>&1
	if grep -q -- '--output=FORMAT' help.txt; then
		awk '/--output=FORMAT/ { on = 1 } on && /^ *-/ && !/--output/ { on = 0 } on' help.txt >o.txt
		check "$tool --help: -o names every format it takes, table too" \
			sh -c 'for f in text table markdown html csv excel json; do grep -qw $f o.txt || exit 1; done'
	fi
	# run by its path, as make check and cron do: getopt's words too
	# begin with the tool's name, as every other message does
	"$CP_BIN/$tool" --no-such-option 2>err >/dev/null
	check "$tool: an unknown option is said as $tool: ..." \
		sh -c "head -n 1 err | grep -q '^$tool: unrecognized option'"
	for opt in --help --usage --version; do
		run sh -c "$tool $opt >/dev/full"
		status_is 74 "$tool $opt >/dev/full: exit status 74"
		check "$tool $opt >/dev/full: says so, once" \
			test "$(cat err)" = "$tool: cannot write standard output: No space left on device"
	done
done

done_testing
