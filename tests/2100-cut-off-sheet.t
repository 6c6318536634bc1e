#!/bin/sh
# An hour sheet whose last entry was cut off inside a quoted note (an
# editor's or another tool's crash) takes no append: the new entry would
# become part of that note.  cp-log refuses, one entry or a batch, with
# the line where the quote opens and a hint, exit 65, and the sheet stays
# byte for byte; cp-check names the same line (issue 14, defect 1).  The
# cases tests/2000-cp-log.t holds are the plain ones; these are the ones a
# glance at the last line does not see.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
export CP_TODAY=2026-03-10
H='date,coach,plan,goal,mode,minutes,note'
printf '%s\n' "$H" '2026-03-04,robin,P-1,,phone,20,Nieuw' >batch.csv

# cut_off NAME DESC LINE:COL: a sheet refused by a single and a batch
# append and by cp-check, all naming LINE:COL
cut_off() {
	refuses 65 "hours/$1:$3: the sheet ends inside this quoted field" "$2" \
		cp-log -f "hours/$1" --plan P-1 --mode phone -d 2026-03-04 20m Nieuw
	err_has '^ hint: close the quote' "... with a hint how to mend it"
	refuses 65 "hours/$1:$3: the sheet ends inside" "... and a batch append" \
		sh -c "cp-log -f hours/$1 - <batch.csv"
	run cp-check -p plans "hours/$1"
	status_is 65 "... and cp-check refuses it"
	err_has "^cp-check: hours/$1:$3: quote opened here is never closed" "... naming the line"
}

# The note was cut off after its first line break: the last line holds
# no quote at all.
printf '%s\n' "$H" '2026-03-02,robin,P-1,G1,onsite,90,Inwerken' \
	'2026-03-03,robin,P-1,,phone,30,"Gesprek met Anja' 'over de roosters' >hours/lines.csv
cut_off lines.csv "a note cut off on its second line" 3:32

# ... or on its third, with a blank line and a comma in it
printf '%s\n' "$H" '2026-03-03,robin,P-1,,phone,30,"Gesprek,' '' 'en verder' >hours/blank.csv
cut_off blank.csv "a note cut off after a blank line" 2:32

# The last line ends in "", a quote in the note's text, not its end; the
# position is the quote that opens the note, not one of those.
printf '%s\n' "$H" '2026-03-03,robin,P-1,,phone,30,"Mail ""aan"" werkgever ""' >hours/escaped.csv
cut_off escaped.csv 'a note cut off after an escaped quote' 2:32

# A stray quote on an earlier line (a bad record of its own) does not hide
# the open end
printf '%s\n' "$H" '2026-03-02,robin,P-1,G1,onsite,90,5" scherm' \
	'2026-03-03,robin,P-1,,phone,30,"Gesprek' 'verder' >hours/stray.csv
cut_off stray.csv "a cut-off note after a line with a stray quote" 3:32

# Semicolons (Dutch Excel) and CRLF line ends
printf 'date;coach;plan;goal;mode;minutes;note\r\n2026-03-03;robin;P-1;;phone;30;"Gesprek\r\nverder\r\n' >hours/excel.csv
cut_off excel.csv "a cut-off note in a sheet from Dutch Excel" 2:32

# Sound sheets still take an append: notes over several lines, closed,
# and quotes in pairs.
printf '%s\n' "$H" '2026-03-03,robin,P-1,,phone,30,"twee' 'regels, ""netjes"""' \
	'2026-03-03,robin,P-1,,phone,30,"en ""nog"" een' 'notitie"' >hours/sound.csv
run cp-log -f hours/sound.csv --plan P-1 --mode phone -d 2026-03-04 20m Nieuw
status_is 0 "notes over several lines, each closed, take an append"
check "... on a line of its own" test "$(tail -n 1 hours/sound.csv)" = "2026-03-04,robin,P-1,,phone,20,Nieuw"

# A note closed on a line of its own, and one after a stray quote
printf '%s\n' "$H" '2026-03-03,robin,P-1,,phone,30,"een' 'twee' 'drie"' >hours/closed.csv
run cp-log -f hours/closed.csv --plan P-1 --mode phone -d 2026-03-04 20m Nieuw na drie
status_is 0 "a note closed on a line of its own takes an append"
printf '%s\n' "$H" '2026-03-02,robin,P-1,G1,onsite,90,5" scherm' >hours/odd.csv
run cp-log -f hours/odd.csv --plan P-1 --mode phone -d 2026-03-04 20m Nieuw na scherm
status_is 0 "a stray quote in the last line is no open note"
check "... and the append goes on a line of its own" \
	test "$(tail -n 1 hours/odd.csv)" = "2026-03-04,robin,P-1,,phone,20,Nieuw na scherm"

# A last line too long for the reader (over a megabyte, no quote in it) is
# a fault of another kind: it was read as an open quote, from memory that
# was freed.  The append goes on a line of its own; cp-check names the rest.
{ printf '%s\n' "$H"; head -c 2100000 /dev/zero | tr '\0' x; echo; } >hours/long.csv
run cp-log -f hours/long.csv --plan P-1 --mode phone -d 2026-03-04 20m Nieuw na lang
status_is 0 "a sheet whose last line is over a megabyte takes an append"
check "... with no sanitizer report" sh -c '! grep -Eq "Sanitizer|runtime error" err'
check "... on a line of its own" test "$(tail -n 1 hours/long.csv)" = "2026-03-04,robin,P-1,,phone,20,Nieuw na lang"

done_testing
