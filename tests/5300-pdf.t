#!/bin/sh
# cp-report -o pdf: documents read back as a reader would, by a real PDF
# parser (qpdf checks the file, pdftotext reads its text), page by page.
. "$(dirname "$0")/lib.sh"

if cp-report --plan P -o pdf 2>&1 | grep -q 'without cairo and pango'; then
	ok "PDF # skip this cp-report was built without cairo and pango"
	done_testing
	exit 0
fi
for t in qpdf pdftotext; do
	if ! command -v $t >/dev/null; then
		ok "PDF # skip $t is not installed (Debian: qpdf, poppler-utils)"
		done_testing
		exit 0
	fi
done

caseload
cp-log --plan P-1 --goal G1 --mode werkvloer -d 2026-11-16 1,5u Inwerken kassa
cp-log --plan P-2 --mode telefoon -d 2026-11-17 20m Rooster besproken

# pdf FILE DESC: a whole PDF, and its text in FILE.txt, a page per form feed
pdf() {
	if qpdf --check "$1" >qpdf.out 2>&1; then ok "$2: qpdf finds no fault"
	else not_ok "$2: qpdf finds no fault" "$(tail -5 qpdf.out)"; fi
	pdftotext -layout "$1" "$1.txt"
}

run cp-report --plan P-1 -o pdf
status_is 0 "the accountability report as PDF"
mv out report.pdf
pdf report.pdf "the report"
check "... names the participant" grep -q 'Bart de Wit' report.pdf.txt
check "... has the hours" grep -Eq 'Total +1:30' report.pdf.txt
check "... has lines to sign on" grep -q 'Date and signature' report.pdf.txt
check "... numbers its pages" grep -Eq 'page 1 of [0-9]+' report.pdf.txt
check "... with the plan and the period on every page" \
	test "$(grep -c 'Accountability report — Plan P-1, Bart de Wit, period' report.pdf.txt)" = \
	"$(grep -c 'page [0-9]* of' report.pdf.txt)"
check "... is A4" sh -c 'qpdf --show-pages --with-images report.pdf >/dev/null &&
	qpdf --json report.pdf | grep -q "595.27"'
CP_TODAY=2026-11-30 cp-report --plan P-1 -o pdf >again.pdf 2>/dev/null
sleep 1
CP_TODAY=2026-11-30 cp-report --plan P-1 -o pdf >again2.pdf 2>/dev/null
check "two runs on the same files: the same bytes (no clock in the PDF)" cmp -s again.pdf again2.pdf
check "... its date of making is the day" grep -aEq 'CreationDate \((D:)?20261130000000' again.pdf

run cp-report --plan P-2 -o pdf
mv out zoe.pdf
pdf zoe.pdf "a name with a diaeresis"
check "... keeps it" grep -q "Zoë van 't Hek" zoe.pdf.txt

# No ligatures: "fl" drawn as one glyph is a character of its own (U+FB02),
# in a third font subset, and a search for "conflict" misses it.
cp-log --plan P-1 --mode mail -d 2026-11-18 15m Conflict officieel
run cp-report --declaration --plan P-1 --period 2026-11 -o pdf
mv out liga.pdf
pdf liga.pdf "words with fl and ffi"
check "... are there letter by letter" grep -q 'Conflict officieel' liga.pdf.txt
if command -v pdffonts >/dev/null; then
	check "... in the two fonts of Latin text, none for ligatures" \
		sh -c 'pdffonts liga.pdf >fonts.out && ! grep -q Identity-H fonts.out'
fi

LANGUAGE=nl run cp-report --plan P-1 --lang nl -o pdf
mv out nl.pdf
pdf nl.pdf "a Dutch report"
check "... in Dutch, pages too" grep -Eq 'pagina 1 van [0-9]+' nl.pdf.txt

# A declaration of 400 entries: its table breaks over pages, and every page
# the table goes on to starts with its header row again.
{
	echo date,coach,plan,goal,mode,minutes,note
	i=0
	while [ $i -lt 400 ]; do
		d=$((1 + i % 28))
		printf '2026-%02d-%02d,robin,P-1,G1,onsite,30,Werkvloer week %d met een wat langere notitie die moet afbreken in de kolom\n' \
			$((7 + i / 120)) $d $i
		i=$((i + 1))
	done
} >long.csv
cp-log -f hours/long.csv - <long.csv
run cp-report --declaration --plan P-1 --period 2026H2 -o pdf hours/long.csv
status_is 0 "a declaration of 400 entries as PDF"
mv out long.pdf
pdf long.pdf "the long declaration"
pages=$(grep -c 'page [0-9]* of' long.pdf.txt)
check "... takes many pages ($pages)" test "$pages" -gt 5
# pages 2 .. n-1 are all entries: each starts (after its page header) with the header row
awk 'BEGIN { RS = "\f" } NR > 1 && /Werkvloer week/ && !/date +goal +what was done +mode +duration/ { bad++ }
	END { exit bad > 0 }' long.pdf.txt
status=$?
status_is 0 "... the table's header row on every page it runs over"
check "... every entry there" test "$(grep -c 'Werkvloer week' long.pdf.txt)" = 400
check "... and the total" grep -Eq 'total +200:00' long.pdf.txt

# Batch declarations: one PDF per plan, beside summary.csv.
run cp-report --declaration --funder uwv --period 2026H2 -o pdf -o decl
status_is 0 "batch declarations as PDF"
check "... one file per plan" test -f decl/P-1.pdf
pdf decl/P-1.pdf "... that is a whole PDF"
check "... and the summary beside them" test -f decl/summary.csv
check "... mode 0600, like every report" test "$(stat -c %a decl/P-1.pdf)" = 600

# The caseload overview has eleven columns, more than an upright page
# holds: its columns ran past the right edge, lost on paper.
cp -R "$TOP/examples/caseload" ex && chmod 600 ex/plans/* ex/hours/*
(cd ex && cp-report --caseload -o pdf) >wide.pdf 2>err
status_is 0 "the examples' caseload overview as PDF"
pdf wide.pdf "... is a whole PDF"
check "... on pages turned across" sh -c 'pdftotext -bbox wide.pdf - | grep -q "<page width=\"841.89"'
pdftotext -bbox wide.pdf wide.bbox
check "... every word inside the page" awk -F'"' '
	/<page width=/ { w = $2 }
	/<word / { if ($6 + 0 > w - 40) bad++ }
	END { exit !(w > 0 && !bad) }' wide.bbox
check "... every column there, the last one too" grep -Eq 'P-2026-018 .* 2026-11-20' wide.pdf.txt
# words too long for even a page across: the letters shrink, then the
# widest columns break their words
cp-new -p ex/plans --id P-2026-014.gemeente-den-bosch.wmo-maatwerk.dossier-00004417 \
	--name Bart --funder uwv --start 2026-01-05 \
	--employer Kringloopwinkel.De.Cirkel.Noord.Vestiging.Rosmalen >/dev/null
(cd ex && cp-report --caseload -o pdf) >wider.pdf 2>err
pdftotext -bbox wider.pdf wider.bbox
check "a plan id of 52 letters: every word still inside the page" awk -F'"' '
	/<page width=/ { w = $2 }
	/<word / { if ($6 + 0 > w - 40) bad++ }
	END { exit !(w > 0 && !bad) }' wider.bbox
run cp-report --plan P-1 -o pdf
check "... while a report whose tables fit stays upright" sh -c 'pdftotext -bbox out - | grep -q "<page width=\"595.27"'

# A text taller than a page: a long evaluation summary, a long agreement.
# Bug: drawn in one piece from where it began, its lines past the foot of
# the page were cut off, lost from the report that is signed and sent.
long=$(awk 'BEGIN { for (i = 0; i < 900; i++) printf "zin%d ", i }')
cp-evaluate --record P-1 --summary "${long}slot" -d 2026-11-18 >/dev/null
cp-plan P-1 --agreement "$(echo "$long" | sed 's/zin/afspraak/g')einde" >/dev/null
run cp-report --plan P-1 -o pdf
status_is 0 "a report with texts taller than a page"
mv out tall.pdf
pdf tall.pdf "... is a whole PDF"
check "... the summary to its last word" grep -q 'zin899 slot' tall.pdf.txt
check "... and the agreement" grep -q 'afspraak899 einde' tall.pdf.txt
check "... every word of both" test "$(grep -o 'zin[0-9]*' tall.pdf.txt | sort -u | wc -l)" -eq 900 \
	-a "$(grep -o 'afspraak[0-9]*' tall.pdf.txt | sort -u | wc -l)" -eq 900
pdftotext -bbox tall.pdf tall.bbox
check "... every word above the page's footer" awk -F'"' '
	/<page width=/ { h = $4 }
	/<word / && />(zin|afspraak)[0-9]/ { if ($8 + 0 > h - 55) bad++ }
	END { exit !(h > 0 && !bad) }' tall.bbox

# A table row taller than a page: a logbook entry whose note is 600 words.
# Bug: the row was drawn whole from where it began, its note's lines past
# the foot of the page cut off: some 200 words of it were all there was.
note=$(awk 'BEGIN { for (i = 0; i < 600; i++) printf "notitie%d ", i }')
cp-log --plan P-2 --mode telefoon -d 2026-11-18 1u "${note}einde"
cp-log --plan P-2 --mode telefoon -d 2026-11-19 15m Daarna kort
run cp-report --logbook --plan P-2 -o pdf
status_is 0 "a logbook with a row taller than a page"
mv out row.pdf
pdf row.pdf "... is a whole PDF"
check "... the note to its last word" grep -Eq 'notitie599 einde|^ +einde$' row.pdf.txt
check "... every word of it" test "$(grep -o 'notitie[0-9]*' row.pdf.txt | sort -u | wc -l)" -eq 600
check "... and the entry after it" grep -q 'Daarna kort' row.pdf.txt
pdftotext -bbox row.pdf row.bbox
check "... every word above the page's footer" awk -F'"' '
	/<page width=/ { h = $4 }
	/<word / && />notitie[0-9]/ { if ($8 + 0 > h - 55) bad++ }
	END { exit !(h > 0 && !bad) }' row.bbox
awk 'BEGIN { RS = "\f" } /notitie[0-9]/ { n++ } /notitie[0-9]/ && !/date .* what was done/ { bad++ }
	END { exit !(n > 1 && !bad) }' row.pdf.txt
status=$?
status_is 0 "... on pages of its own, each under the table's header row"
run cp-report --declaration --plan P-2 --period 2026-11 -o pdf
mv out rowdecl.pdf
pdf rowdecl.pdf "... in the declaration too"
check "... every word of it" \
	test "$(grep -o 'notitie[0-9]*' rowdecl.pdf.txt | sort -u | wc -l)" -eq 600
# A word of 6,000 letters breaks at the column's edge into more lines
# than a page holds: the pages turn, and the document ends.
word=$(awk 'BEGIN { for (i = 0; i < 6000; i++) printf "x" }')
cp-log --plan P-2 --mode telefoon -d 2026-11-20 1u "$word"
if command -v timeout >/dev/null; then t="timeout 60"; else t=; fi
$t cp-report --logbook --plan P-2 -o pdf >word.pdf 2>err
status_is 0 "a note of one word longer than a page"
pdf word.pdf "... is a whole PDF"
pdftotext -bbox word.pdf word.bbox
check "... every letter of it above the page's footer" awk -F'"' '
	/<page width=/ { h = $4 }
	/<word / && />xxx/ { s = $0; sub(/.*">/, "", s); sub(/<.*/, "", s); n += length(s)
		if ($8 + 0 > h - 55) bad++ }
	END { exit !(h > 0 && !bad && n == 6000) }' word.bbox

# Bug: when a table's last row filled a page, its total went on the next
# page alone, under the table's head again: a table of no rows, "total".
awk 'BEGIN { # 55 entries, 28 of February and 27 of March: two pages full
	print "date,coach,plan,goal,mode,minutes,note"
	for (i = 0; i < 55; i++)
		printf "2026-%02d-%02d,robin,P-1,G1,onsite,30,Werkplekbezoek\n", 2 + int(i / 28), 1 + i % 28
}' >many.csv
cp-report --declaration --plan P-1 --period 2026 -o pdf many.csv >many.pdf 2>err
pdf many.pdf "a declaration whose last entry fills a page"
check "... has its total with that entry, not alone under the table's head" awk '
	/^ *date +goal/ { head = 1; next }
	head && NF { if ($1 == "total") bad = 1; head = 0 }
	/^ *total +27:30$/ { total = 1 }
	END { exit bad || !total }' many.pdf.txt

# Bug: over a hand-over, each line to sign was labelled "Date and signature,
# NAME (DAYS)" within the column of labels, two fifths of the page wide: an
# ordinary name broke the label over three lines, the days apart from it
cp-plan P-1 --migrate >/dev/null 2>&1
cp-plan P-1 --coach "Kim de Vries-Bakker" --from 2026-10-01 >/dev/null 2>&1
run cp-report --plan P-1 --period 2026 -o pdf
status_is 0 "an accountability report over a hand-over as PDF"
mv out handover.pdf
pdf handover.pdf "... is a whole PDF"
check "... a line to sign for each coach, its label on one line, the name with the days" \
	grep -Eq 'Date and signature, Kim de Vries-Bakker \(2026Q4\)' handover.pdf.txt
check "... robin's too" \
	grep -Eq 'Date and signature, robin \(2026-01-05\.\.2026-09-30\)' handover.pdf.txt
check "... the other labels there as before" \
	grep -Eq '^ *Conclusion of the coach *$' handover.pdf.txt

done_testing
