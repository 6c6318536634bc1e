#!/bin/sh
# The sheet reader (lib/sheet.c and records.c: mapped, split by hand, on
# two cores for a large sheet) against libcsv alone (tests/helpers/csvtotals), over the
# fuzz corpus and generated sheets: the same totals, an error where libcsv
# finds one, on the same line.  cp-hours checks more than the CSV (dates,
# modes, minutes): the lines it refuses for that are left out of libcsv's
# totals, and the rest must agree.
. "$(dirname "$0")/lib.sh"
TOTALS=$CP_BIN/tests/csvtotals
[ -x "$TOTALS" ] || { not_ok "tests/helpers/csvtotals is built"; done_testing; exit; }
CORPUS=$TOP/tests/fuzz/corpus/csv

# totals [-s LINES] SHEET: libcsv's, a second sheet's header (cat a.csv
# b.csv) starting a part of its own, with its own separator
totals() {
	skipopt=""
	[ "$1" = -s ] && { skipopt="-s $2"; shift 2; }
	awk -v base=part 'NR == 1 || (tolower($0) ~ /date/ && tolower($0) ~ /plan/ &&
		tolower($0) ~ /minutes/ && $0 !~ /[0-9][0-9][0-9][0-9]-/) {
		n++; first[n] = NR - 1 }
		{ print > (base n) }
		END { for (i = 1; i <= n; i++) print i, first[i] > "parts" }' "$1"
	: >sums
	while read -r i before; do
		sep=,
		head -n 1 "part$i" | grep -q ';' && ! head -n 1 "part$i" | grep -q ',' && sep=';'
		[ -n "$skipopt" ] && awk -v b="$before" '{ print $1 - b }' "${skipopt#-s }" >skip.part
		"$TOTALS" -d "$sep" ${skipopt:+-s skip.part} "part$i" >part.out || {
			awk -v b="$before" '{ sub(/[0-9]+$/, $NF + b); print }' part.out; rm -f part*; return 65; }
		tail -n +2 part.out >>sums
		rm -f "part$i"
	done <parts
	echo plan,month,minutes
	awk -F, '{ k = $1 "," $2; if (!(k in s)) o[++n] = k; s[k] += $3 }
		END { for (i = 1; i <= n; i++) print o[i] "," s[o[i]] }' sums | LC_ALL=C sort
}

# differ NAME SHEET: both readers over SHEET
differ() {
	name=$1 f=$2
	totals "$f" >ref.out; rst=$?
	cp-hours --by plan,month -o csv -k "$f" >got.out 2>got.err; cst=$?
	if [ "$rst" != 0 ]; then
		line=$(sed -n 's/^csvtotals: line //p' ref.out)
		check "$name: libcsv stops at line $line, cp-hours names it" \
			sh -c "test $cst = 65 && grep -q '^cp-hours: $f:$line:' got.err"
	elif [ "$cst" = 0 ]; then
		same got.out ref.out "$name: the same totals"
	else
		# the records cp-hours refused left out, the same totals
		sed -n "s|^cp-hours: $f:\([0-9]*\):.*|\1|p" got.err | sort -un >refused
		totals -s refused "$f" >ref2.out
		if [ "$cst" = 65 ] && [ -s refused ] && cmp -s got.out ref2.out; then
			ok "$name: the same totals, less the records cp-hours refused ($(wc -l <refused | tr -d " "))"
		else
			not_ok "$name: the same totals, less the records cp-hours refused" "status $cst" \
				"$(diff got.out ref2.out | head -5)" "$(head -5 got.err)"
		fi
	fi
}

# the corpus of fuzz-csv: the first byte picks the separator, the rest
# follows the header the harness pins
for c in "$CORPUS"/*; do
	[ -f "$c" ] || continue
	first=$(od -An -tu1 -N1 "$c" | tr -d ' ')
	[ $((first % 2)) = 1 ] && sep=';' || sep=','
	f=corpus-$(basename "$c").csv
	{ printf 'date%scoach%splan%sgoal%smode%sminutes%snote\n' "$sep" "$sep" "$sep" "$sep" "$sep" "$sep"
	  tail -c +2 "$c"; } >"$f"
	differ "corpus $(basename "$c")" "$f"
done

# generated: quoted notes with "" and line feeds, CRLF, blank fields; large
# enough for two cores, and small
gen() { # N FIRST
	awk -v n="$1" -v first="$2" 'BEGIN {
		split("onsite phone email video chat", mode, " ")
		for (i = first; i < first + n; i++) {
			note = i % 5 == 0 ? "\"Kassa, met \"\"Anja\"\"\"" : i % 5 == 1 ? "\"twee\nregels\"" : \
				i % 5 == 2 ? "" : "Rooster besproken"
			printf "2026-%02d-%02d,robin,P-%d,G%d,%s,%d,%s%s\n", i % 12 + 1, i % 28 + 1, i % 61,
				i % 4 + 1, mode[i % 5 + 1], i % 240 + 1, note, i % 7 == 0 ? "\r" : ""
		}
	}'
}
header='date,coach,plan,goal,mode,minutes,note'
{ echo "$header"; gen 2000 0; } >small.csv
differ "2,000 generated entries" small.csv
{ echo "$header"; gen 130000 0; } >large.csv
differ "130,000 generated entries (two cores)" large.csv
{ echo "$header"; gen 70000 0; echo '2026-01-01,robin,P-1,G1,onsite,30,"a"b"'; gen 70000 70000; } >stray.csv
differ "a stray quote in the middle of a large sheet" stray.csv
{ echo "$header"; gen 1000 0; echo '2026-13-01,robin,P-1,G1,onsite,30,x'
  echo '2026-01-01,robin,P-1,G1,walk,30,x'; gen 1000 1000; } >domain.csv
differ "a bad month and a bad mode" domain.csv
{ echo "$header"; gen 500 0; printf '2026-01-01,robin,P-1,G1,onsite,30,"never closed\nx\n'; } >open.csv
differ "a quote never closed" open.csv

done_testing
