#!/bin/sh
# The manual: every page lints clean, every tool has its page, every
# option a tool's --help shows is in that page, and the example files in
# the format pages are files the tools accept.
. "$(dirname "$0")/lib.sh"

# example PAGE N: the Nth literal display (.Bd -literal) of a page, as text
example() {
	awk -v n="$2" '/^\.Bd -literal/ { on = ++b == n; next } /^\.Ed/ { on = 0 } on' "$TOP/man/$1" |
		sed 's/\\e/\\/g; s/\\&//g'
}

for page in "$TOP"/man/*.[1-9]; do
	name=${page##*/}
	if ! command -v mandoc >/dev/null; then
		ok "$name lints clean # skip mandoc is not installed"
		continue
	fi
	check "$name lints clean" mandoc -Tlint -Wwarning "$page"
	# .Dt CP-NEW 1 in man/cp-new.1
	dt=$(sed -n 's/^\.Dt //p' "$page" | tr 'A-Z' 'a-z')
	check "$name: .Dt names the file" test "$dt" = "${name%.*} ${name##*.}"
	# '.Ql a , Ql b' on one line nests the second quote in the first,
	# and '.Ql [ x ]' takes the brackets for punctuation: a coach reads
	# "'6 maanden, '6 mnd''" and cannot tell what to type
	mandoc -Tutf8 "$page" >page.txt
	nested=$(perl -Mutf8 -CSD -0777 -ne 's/.\x08//g; print "$1\n" while /(\x{2018}[^\x{2019}]*\x{2018}|\(\[\x{2018})/g' page.txt | tr '\n' ' ')
	check "$name: no quote nested in another when rendered${nested:+ ($nested)}" test -z "$nested"
	# '.Op a Ns Op : Ns b ...' nests the repeat in the inner brackets,
	# '[--contact name[:role ...]]', as if a contact took many roles
	nested=$(sed 's/.\x08//g' page.txt | awk '/^SYNOPSIS/ { on = 1; next } /^[A-Z]/ { on = 0 } on' |
		tr -s ' \t\n' ' ' | grep -o '[^[]*\.\.\.\]\]' | tr '\n' ' ')
	check "$name: no repeat inside an option's optional part in the SYNOPSIS${nested:+ ($nested)}" test -z "$nested"
done

# a command shown with .Dl wraps where it is longer than an 80-column
# terminal holds, and the part copied from its first line breaks in the
# shell ('> ' then a newline); a long one goes in a display with '\'
long=$(awk 'FNR == 1 { f = FILENAME; sub(/.*\//, "", f) } /^\.Dl \$ / && length($0) - 4 > 66 { print f ":" FNR }' \
	"$TOP"/man/*.[1-9] | tr '\n' ' ')
check "no command of an example wraps at 80 columns${long:+ ($long)}" test -z "$long"

# Bug: cp-evaluate(1)'s Monday list was a table 132 columns wide; what a
# display shows fits an 80-column terminal, as a coach reads the page
wide=
for page in "$TOP"/man/*.[1-9]; do
	w=$(awk '/^\.Bd -literal/ { on = 1; next } /^\.Ed/ { on = 0 } on' "$page" |
		sed -e 's/\\(:e/e/g' -e 's/\\e/\\/g' -e 's/\\&//g' | wc -L)
	[ "$w" -le 80 ] || wide="$wide ${page##*/}:$w"
done
check "every display of an example fits 80 columns${wide:+ (not:$wide)}" test -z "$wide"

# the temporary file of lib/atomic.c is .NAME.cptmp.PID.XXXXXX: every
# page names it so, since cp-check and a coach go by the pid in it
stale=$(grep -l 'cptmp\. Ns Ar XXXXXX' "$TOP"/man/*.[1-9] | sed 's,.*/,,' | tr '\n' ' ')
check "every page names a temporary file with its pid${stale:+ (not: $stale)}" test -z "$stale"

for src in "$TOP"/cmd/*.c; do
	tool=$(basename "$src" .c)
	page=$TOP/man/$tool.1
	check "$tool has man/$tool.1" test -f "$page"
	[ -f "$page" ] || continue
	run "$tool" --help
	missing=
	for opt in $(grep -oE -- '--[a-z][a-z-]*' out | sort -u) \
		$(sed -n 's/^ *-\([A-Za-z]\),.*/-\1/p' out); do
		grep -Eq -- "Fl ${opt#-}( |$)" "$page" || missing="$missing $opt"
	done
	check "$tool.1 documents every option of --help${missing:+ (missing:$missing)}" \
		test -z "$missing"
	# and its SYNOPSIS shows each, short or long (not an alias: "same as")
	awk '/^\.Sh SYNOPSIS/ { on = 1; next } /^\.Sh/ { on = 0 } on' "$page" >synopsis
	missing= seen=
	for pair in $(grep -v 'same as' out | sed -nE 's/^  -([A-Za-z]), --([a-z-]+).*/\1:\2/p; s/^      --([a-z-]+).*/:\1/p'); do
		short=${pair%%:*} long=${pair#*:}
		case " $seen " in *" $long "*) continue ;; esac # an example in the help
		seen="$seen $long"
		case $long in help | usage | version) continue ;; esac
		grep -Eq -- "Fl -$long( |\$)" synopsis && continue
		[ -n "$short" ] && grep -Eq "Fl [A-Za-z]*$short[A-Za-z]*( |\$)" synopsis && continue
		missing="$missing --$long"
	done
	check "$tool.1: the SYNOPSIS shows every option of --help${missing:+ (missing:$missing)}" \
		test -z "$missing"
done

# cp-log(1)'s -m list holds every mode of coachplan-sheet(5) and every
# word the sheet's page says the tools read for one
between() { awk -v a="$2" -v b="$3" 'index($0, a) == 1 { on = 1; next } on && index($0, b) == 1 { exit } on' "$TOP/man/$1"; }
between coachplan-sheet.5 '.It Ic mode' '.It Ic minutes' >sheet-modes
between cp-log.1 '.It Fl m Ar mode' '.It Fl a Ar activity' >log-modes
missing=
for word in $(sed -n 's/^\.It Cm \([a-z]*\).*/\1/p' sheet-modes); do
	grep -q "^\.It Cm $word\$" log-modes || missing="$missing $word"
done
for word in $(sed -n 's/^\.Ql \([^ ]*\).*/\1/p' sheet-modes); do
	grep -q "^\.Ql $word\( \|\$\)" log-modes || missing="$missing $word"
done
check "cp-log(1) -m lists every mode of coachplan-sheet(5)${missing:+ (missing:$missing)}" \
	test -z "$missing"

# cp-log(1)'s example that checks a whole sheet, run as printed in a copy
# of the sample caseload: every line of its sheets fits its plan
awk '/whole sheet still fits the plans/ { want = 1 } want && /^\.Bd -literal/ { on = 1; next }
	on && /^\.Ed/ { exit } on' "$TOP/man/cp-log.1" | sed -n 's/^\$ //p' >whole-sheet.sh
cp -R "$TOP/examples/caseload" cl
check "cp-log(1) has the example that checks a whole sheet" test -s whole-sheet.sh
run sh -c "cd cl && . ../whole-sheet.sh"
status_is 0 "cp-log(1): the example that checks a whole sheet passes on the sample caseload"

# cp-report(1)'s batch of declarations, run as printed in the copy of
# the sample caseload: it lists the files the batch writes
awk '/^\$ cp-report --declaration --funder uwv --period 2026H1 -o out\/ && ls out\/$/ { on = 1; next }
	on && /^\.Ed/ { exit } on' "$TOP/man/cp-report.1" | tr -s ' ' '\n' | sort >batch.page
run sh -c 'cd cl && cp-report --declaration --funder uwv --period 2026H1 -o out/ && ls out/'
status_is 0 "cp-report(1): the example batch of declarations runs on the sample caseload"
sort out >batch.ls
same batch.ls batch.page "cp-report(1): ... and writes the files the page lists"

# commands PAGE WORDS: the commands of the display after the line that
# starts with WORDS, as a shell script (their output lines left out)
commands() {
	awk -v w="$2" 'index($0, w) == 1 { want = 1 } want && /^\.Bd -literal/ { on = 1; next }
		on && /^\.Ed/ { exit } on' "$TOP/man/$1" | sed 's/\\e/\\/g; s/\\&//g' |
		awk '/^\$ / || more { more = /\\$/; sub(/^\$ /, ""); print }'
}
# the plan cp-new(1) makes of version 2, changed as cp-plan(1) shows: a
# coach who types one after the other gets what the pages say
mkdir v2 && (cd v2 && cp-new --init . --no-hook >/dev/null)
commands cp-new.1 'A UWV plan of version 2' >v2/new.sh
commands cp-plan.1 'A goal, an agreement and a contact at once' >v2/plan.sh
check "cp-plan(1) has the example that adds a goal, an agreement and a contact" grep -q 'cp-plan P-2026-020' v2/plan.sh
run sh -c 'cd v2 && sh -e new.sh && sh -e plan.sh'
status_is 0 "cp-plan(1)'s example adds to the plan of cp-new(1)'s example"

mkdir plans
example coachplan-plan.5 2 >plans/P-2026-014.yaml
example coachplan-plan.5 3 >plans/P-2026-015.yaml
for id in P-2026-014 P-2026-015; do
	run cp-log -n -P $id -m phone 15
	status_is 0 "coachplan-plan(5): the example plan $id reads"
done
example coachplan-sheet.5 1 >sheet.csv
example coachplan-sheet.5 3 >excel.csv
for s in sheet excel; do
	run cp-log -n - <$s.csv
	status_is 0 "coachplan-sheet(5): the example $s.csv reads"
	check "coachplan-sheet(5): $s.csv holds entries" test -s out
done
done_testing
