#!/bin/sh
# cp-hours reads a large sheet on two cores, cut near the middle; these
# sheets put what could go wrong at the cut (a quoted line feed across it,
# a second header before it, bad lines on both sides).  The answers, the
# messages and their line numbers must be those of the same sheet read
# from a pipe (one core, no mapping), and the totals those of libcsv alone
# (tests/helpers/csvtotals).
. "$(dirname "$0")/lib.sh"
TOTALS=$CP_BIN/tests/csvtotals
[ -x "$TOTALS" ] || { not_ok "tests/helpers/csvtotals is built"; done_testing; exit; }

# N entries (9 MB for 130,000: two cores need 8 MB), notes quoted or not,
# with "" and commas, some lines CRLF, from line FIRST on
entries() {
	awk -v n="$1" -v first="${2:-0}" 'BEGIN {
		split("robin anja ahmed", coach, " "); split("onsite phone email video chat", mode, " ")
		for (i = first; i < first + n; i++) {
			d = sprintf("2026-%02d-%02d", i % 12 + 1, i % 28 + 1)
			note = i % 3 == 0 ? "\"Kassa, met \"\"Anja\"\"\"" : i % 3 == 1 ? "Rooster besproken" : "\"Bus 12, daarna lunch\""
			printf "%s,%s,P-%d,G%d,%s,%d,%s%s\n", d, coach[i % 3 + 1], i % 97, i % 4 + 1,
				mode[i % 5 + 1], i % 240 + 1, note, i % 7 == 0 ? "\r" : ""
		}
	}'
}
header='date,coach,plan,goal,mode,minutes,note'

# same_reading DESC SHEET [OPTIONS]: the file and the pipe agree on output,
# messages and status; and libcsv's totals are cp-hours's
same_reading() {
	d=$1 f=$2; shift 2
	cp-hours --by plan,month -o csv "$@" "$f" >file.out 2>file.err; fst=$?
	cp-hours --by plan,month -o csv "$@" - <"$f" >pipe.out 2>pipe.err; pst=$?
	sed "s|standard input|$f|" pipe.err >pipe.err2
	if [ "$fst" = "$pst" ] && cmp -s file.out pipe.out && cmp -s file.err pipe.err2; then
		ok "$d: the same read whole and in two"
	else
		not_ok "$d: the same read whole and in two" "status $fst and $pst" \
			"$(diff file.out pipe.out | head -5)" "$(diff file.err pipe.err2 | head -10)"
	fi
}

{ echo "$header"; entries 130000; } >big.csv
same_reading "130,000 entries" big.csv
"$TOTALS" big.csv >libcsv.out
same file.out libcsv.out "... and libcsv alone gives the same totals"

# a note of 60,000 quoted lines across the middle of the sheet
{ echo "$header"; entries 60000
  printf '2026-06-01,robin,P-1,G1,onsite,30,"begin\n'
  awk 'BEGIN { for (i = 0; i < 60000; i++) print "regel " i }'
  printf 'eind"\n'; entries 60000 60000; } >across.csv
same_reading "a quoted line feed across the cut" across.csv
"$TOTALS" across.csv >libcsv.out
same file.out libcsv.out "... and libcsv alone gives the same totals"
check "... which lies across the middle" sh -c \
	"head -c $(($(wc -c <across.csv) / 2)) across.csv | tail -n 1 | grep -q '^regel'"

# a second sheet's header (other column order) before the cut: cat a b
{ echo "$header"; entries 30000; } >a.csv
{ echo 'minutes,mode,goal,plan,coach,date,note'
  entries 100000 30000 | awk -F, -v OFS=, '{ n = $7; for (i = 8; i <= NF; i++) n = n "," $i
	print $6, $5, $4, $3, $2, $1, n }'; } >b.csv
cat a.csv b.csv >twice.csv
same_reading "a second header before the cut" twice.csv
cp-hours --by plan,month -o csv a.csv b.csv >apart.out
same file.out apart.out "... which names the columns after it, as two sheets do"

# bad lines on both sides: the first one stops; with -k, all in order
{ echo "$header"; entries 20000; echo '2026-13-01,robin,P-1,G1,onsite,30,x'
  entries 100000 20000; echo '2026-01-01,robin,P-1,G1,onsite,30,"a"b"'
  entries 5000 120000; echo '2026-01-01,robin,P-1,G1,walk,30,x'; } >bad.csv
same_reading "bad lines on both sides" bad.csv
check "... the first one stops it" grep -q 'bad.csv:20002:1: no such month' file.err
check "... exit 65" test "$fst" = 65
same_reading "... with --keep-going" bad.csv -k
check "... all three named, in order" sh -c \
	"grep -o 'bad.csv:[0-9]*' file.err | tr '\n' ' ' | grep -qx 'bad.csv:20002 bad.csv:120003 bad.csv:125004 '"

# only after the cut
{ echo "$header"; entries 120000; echo '2026-01-01,robin,P-1,G1,onsite,30,"a"b"'; entries 10 120000; } >late.csv
same_reading "a bad line after the cut" late.csv
"$TOTALS" late.csv >libcsv.out
check "... at the line libcsv stops at" sh -c \
	"grep -q 'late.csv:120002:' file.err && grep -qx 'csvtotals: line 120002' libcsv.out"
# cp-report --declaration keeps every entry of the period: the same,
# in the same order, read in two or from a pipe
cp-new --init . --no-hook >/dev/null
for id in P-1 P-2 P-96; do
	cp-new --id $id --name "Deelnemer $id" --funder uwv --start 2025-06-01 --goal Kassa >/dev/null
done
cp-report --declaration --funder uwv --period 2026 -o two plans big.csv >/dev/null 2>two.err
cp-report --declaration --funder uwv --period 2026 -o one plans - <big.csv >/dev/null 2>one.err
check "declarations: the same read in two and from a pipe" diff -r one two
check "... three of them, and a summary" test "$(ls two | wc -l)" -ge 4
done_testing
