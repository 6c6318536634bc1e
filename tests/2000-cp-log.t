#!/bin/sh
# cp-log: checked entries appended to an hour sheet, all or none.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
export CP_TODAY=2026-03-10

run cp-log --plan P-1 --goal G1 --mode werkvloer -d 2026-03-02 1h30 Inwerken kassa, met leidinggevende
status_is 0 "an entry with a Dutch mode word and a note"
check "quiet on success" test ! -s out -a ! -s err
check "creates the sheet 0600" test "$(stat -c %a hours/robin.csv)" = 600
for d in 90 90m "90 min" 1h30 "1h 30m" 1u30 1:30 1.5h 1,5u "1,5 uur"; do
	run cp-log --plan P-1 --mode phone -d 2026-03-03 "$d" "as $d"
	status_is 0 "duration $d"
done
run cp-log --plan P-1 --mode telefoon 2u15
run cp-log --plan P-1 --mode mail -d yesterday 45 'Mail "aan" werkgever'
run cp-log --plan P-1 --mode beeldbellen -d 2026-03-05 1u
run cp-log --plan P-1 --mode app -d 2026-03-05 --goal G2 15m
run cp-log --plan P-1 --mode onsite -d 2026-03-05 --coach ahmed 60
cat >expected.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-03-02,robin,P-1,G1,onsite,90,"Inwerken kassa, met leidinggevende"
2026-03-03,robin,P-1,,phone,90,as 90
2026-03-03,robin,P-1,,phone,90,as 90m
2026-03-03,robin,P-1,,phone,90,as 90 min
2026-03-03,robin,P-1,,phone,90,as 1h30
2026-03-03,robin,P-1,,phone,90,as 1h 30m
2026-03-03,robin,P-1,,phone,90,as 1u30
2026-03-03,robin,P-1,,phone,90,as 1:30
2026-03-03,robin,P-1,,phone,90,as 1.5h
2026-03-03,robin,P-1,,phone,90,"as 1,5u"
2026-03-03,robin,P-1,,phone,90,"as 1,5 uur"
2026-03-10,robin,P-1,,phone,135,
2026-03-09,robin,P-1,,email,45,"Mail ""aan"" werkgever"
2026-03-05,robin,P-1,,video,60,
2026-03-05,robin,P-1,G2,chat,15,
2026-03-05,ahmed,P-1,,onsite,60,
CSV
same hours/robin.csv expected.csv "every form written canonically, quoted only where needed"

run cp-log -n --plan P-2 --mode phone -d 2026-03-02 30
status_is 0 "--dry-run"
out_is "date,coach,plan,goal,mode,minutes,note
2026-03-02,robin,P-2,,phone,30," "--dry-run prints the line as a sheet"
same hours/robin.csv expected.csv "--dry-run writes nothing"

# every way to be wrong leaves the sheet as it was
refuses 65 'unknown plan "P-9"' "an unknown plan" cp-log --plan P-9 --mode phone 30
err_has 'hint: cp-new creates a plan' "... and how to make one"
refuses 65 'unknown plan "p-01"' "a plan id as typed in haste" cp-log --plan p-01 --mode phone 30
err_has 'hint: did you mean P-1\?' "... and the plan it meant named"
refuses 65 'plan P-1 has no goal "G9"' "an unknown goal" cp-log --plan P-1 --goal G9 --mode phone 30
refuses 65 'plan P-1 has no goal "g1"' "a goal in lower case" cp-log --plan P-1 --goal g1 --mode phone 30
err_has 'hint: did you mean G1\?' "... and the goal it meant named"
refuses 64 'unknown mode "walk"' "an unknown mode" cp-log --plan P-1 --mode walk 30
refuses 64 '--plan is required' "no --plan" cp-log --mode phone 30
refuses 64 '--plan is required: .*; -p P-1 names the plans directory, -P P-1 the plan' \
	"-p for -P: the two told apart" cp-log -p P-1 --mode phone 30
refuses 64 '--plan is required: the plan the hours are for; -P P-1 names it, the first word is the duration' \
	"the plan typed first, as a word: -P named" cp-log P-1 --mode phone 30
refuses 64 '--plan is required: the plan the hours are for$' \
	"... but not a word that names no plan" cp-log P-99 --mode phone 30
refuses 64 '--mode is required: onsite \(werkvloer\), phone' "no --mode: the modes named" cp-log --plan P-1 30
refuses 64 'a DURATION is required: 90, 1h30' "no duration: its forms named" cp-log --plan P-1 --mode phone
refuses 64 '"1.5": a bare fraction' "an ambiguous duration" cp-log --plan P-1 --mode phone 1.5
refuses 64 '"abc": not a duration' "a bad duration" cp-log --plan P-1 --mode phone abc
# Bug: 1.30 uur, as Dutch writes a time (13.30 uur), was 78 minutes, not 1:30
for d in '1.30 uur' '0,45u' '2.15u'; do
	refuses 64 "\"$d\": .*ambiguous" "'$d' is hours and minutes or a decimal: refused" \
		cp-log --plan P-1 --mode phone "$d"
done
err_has 'write 2u15 or 129m' "... and says both ways to write it"
run cp-log -n --plan P-1 --mode phone -d 2026-03-04 '1,25u' x
check "... but 1,25u is a decimal, 75 minutes" test "$(tail -n 1 out)" = "2026-03-04,robin,P-1,,phone,75,x"
refuses 64 '"0": a duration must be more' "a zero duration" cp-log --plan P-1 --mode phone 0
refuses 64 '"25h": a duration may be at most' "a duration over a day" cp-log --plan P-1 --mode phone 25h
refuses 64 '"1h75"' "minutes over 59" cp-log --plan P-1 --mode phone 1h75
refuses 65 'is in the future' "a day in the future" cp-log --plan P-1 --mode phone -d 2026-03-11 30
refuses 65 'lies outside plan P-2' "a day before the plan" cp-log --plan P-2 --mode phone -d 2026-02-28 30
refuses 64 'no such day' "a day that does not exist" cp-log --plan P-1 --mode phone -d 2026-02-29 30
refuses 64 '"do 6-3": 2026-03-06 is a Friday' "a date after another day's weekday, as copied wrong from an agenda" \
	cp-log --plan P-1 --mode phone -d 'do 6-3' 30
run cp-log -n --plan P-1 --mode phone -d 'vr 6-3' 30
check "... and after its own weekday, that day" test "$(tail -n 1 out)" = "2026-03-06,robin,P-1,,phone,30,"
run cp-log -n --plan P-1 --mode phone -d '3 dagen geleden' 30
check "3 dagen geleden" test "$(tail -n 1 out)" = "2026-03-07,robin,P-1,,phone,30,"
refuses 64 'bad plan id "\.\./x"' "a path-like plan id" cp-log --plan ../x --mode phone 30
refuses 64 'required' "no duration" cp-log --plan P-1 --mode phone

sed -i 's/^status: active$/status: closed/' plans/P-2.yaml
refuses 65 'plan P-2 is closed' "a closed plan" cp-log --plan P-2 --mode phone -d 2026-03-02 30
run cp-log --plan P-2 --mode phone -d 2026-03-02 --force 30
status_is 0 "--force logs on a closed plan"
sed -i 's/^status: closed$/status: active/' plans/P-2.yaml

# a plan closed on its end day still takes the hours of the days before,
# which a coach logs at the end of the week (was refused without --force)
cp plans/P-2.yaml p2.yaml
run cp-plan P-2 --close --end 2026-03-06
status_is 0 "closed on 2026-03-06"
run cp-log -n --plan P-2 --mode phone -d 2026-03-05 30
status_is 0 "a day before a closed plan's end is logged"
refuses 65 'plan P-2 closed on 2026-03-06' "a day after a closed plan's end" \
	cp-log -n --plan P-2 --mode phone -d 2026-03-09 30
err_has '--force logs hours on it anyway' "the way out named"
err_has '^ hint: cp-plan P-2 --resume --end DATE opens it again' "... and the way back"
cp p2.yaml plans/P-2.yaml

# bugs found while documenting, each with its test
run cp-log -n --plan P-1 --mode phone -d 2026-03-02 2 uur Gesprek met Anja
out_is "date,coach,plan,goal,mode,minutes,note
2026-03-02,robin,P-1,,phone,120,Gesprek met Anja" "2 uur split by the shell is two hours, not 2 minutes and a note"
refuses 64 'note holds a line break' "a note with a line break" cp-log --plan P-1 --mode phone 30 "$(printf 'a\nb')"
refuses 64 'note holds a line break' "a note with an escape character" cp-log --plan P-1 --mode phone 30 "$(printf 'a\033[31mb')"
refuses 64 'coach is empty' "an empty --coach (was logged as coach)" cp-log --plan P-1 --mode phone -c "" 30
printf 'date,coach,plan,goal,mode,minutes\n2026-03-02,robin,P-1,,phone,30\n' >coach.csv
refuses 64 'standard input:1:6: the input names the coach of each entry; --coach is for input without a coach column' \
	"--coach with - and a coach column (was ignored)" sh -c 'cp-log -c ahmed - <coach.csv'
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,P-1,,phone,30,"two\nlines"\n' >nl.csv
refuses 65 'standard input:2:[0-9]+: note holds a line break' "a batch note with a line break" sh -c 'cp-log - <nl.csv'
mkdir plans/D-1.yaml
refuses 66 'plans/D-1.yaml: cannot read' "a plan that is a directory is not an unknown plan" cp-log --plan D-1 --mode phone 30
check "... and gets no cp-new hint" sh -c '! grep -q "unknown plan" err'
rmdir plans/D-1.yaml
printf 'date,coach,plan,goal,mode,minutes\n' >hours/nonote.csv
run cp-log -f hours/nonote.csv --plan P-1 --mode phone -d 2026-03-02 30 Belangrijk
status_is 0 "a sheet without a note column still takes the entry"
err_like 'warning: hours/nonote.csv has no note column' "... and says the note is not written (was silent)"

# the same entry again, the same command run twice: it would be declared
# twice.  Refused, all of a batch with it; another note, or --force, logs it.
refuses 65 'P-1: the sheets hold this entry already: 2026-03-02, robin, 1:30 on site; nothing written' \
	"the same entry twice" \
	cp-log --plan P-1 --goal G1 --mode werkvloer -d 2026-03-02 1h30 Inwerken kassa, met leidinggevende
err_has '^ hint: if it is another one, tell the two apart in its note; or log it with --force' \
	"... and how to log another like it"
refuses 65 'the sheets hold this entry already' "... also when another coach's sheet holds it" \
	cp-log -f hours/kim.csv --coach robin --plan P-1 --mode phone -d 2026-03-03 90 as 90
printf 'date,plan,goal,mode,minutes,note\n2026-03-04,P-1,,phone,10,Nieuw\n2026-03-02,P-1,G1,onsite,90,"Inwerken kassa, met leidinggevende"\n' >again.csv
refuses 65 'standard input:3:1: P-1: the sheets hold this entry already' "... in a batch, at its line, all or none" \
	sh -c 'cp-log - <again.csv'
# a batch of more rows than a few: the sheets are read for the rows' plans
# through a table, not the list of them (which made a batch take rows x lines)
{ printf 'date,plan,goal,mode,minutes,note\n'
  for i in 1 2 3 4 5 6 7 8 9; do printf '2026-03-04,P-1,,phone,10,Nieuw %s\n' $i; done
  sed -n 3p again.csv; } >many.csv
refuses 65 'standard input:11:1: P-1: the sheets hold this entry already' \
	"... in a batch of ten rows too" sh -c 'cp-log - <many.csv'
printf 'date,plan,goal,mode,minutes,note\n2026-03-04,P-1,,phone,10,Nieuw\n2026-03-04,P-1,,phone,10,Ander\n2026-03-04,P-1,,phone,10,Nieuw\n' >twice.csv
refuses 65 'standard input:4:1: P-1: the same entry as line 2; nothing written' \
	"... a batch that holds an entry twice" sh -c 'cp-log - <twice.csv'
run sh -c 'cp-log -n --force - <twice.csv'
status_is 0 "... which --force logs"
run cp-log -n --plan P-1 --goal G1 --mode onsite -d 2026-03-02 1h30 Inwerken kassa, tweede keer
status_is 0 "... another note is another entry"
run cp-log -n --force --plan P-1 --goal G1 --mode onsite -d 2026-03-02 1h30 Inwerken kassa, met leidinggevende
status_is 0 "... and --force logs it again"

# the plan itself is broken: its error is shown, with position
cp plans/P-1.yaml p1.bak
printf 'funder: uwv\n' >>plans/P-1.yaml
refuses 65 'plans/P-1.yaml:[0-9]+:1: duplicate key "funder"' "a broken plan" cp-log --plan P-1 --mode phone 30
cp p1.bak plans/P-1.yaml

# many entries on standard input: all or none
cp hours/robin.csv before.csv
cat >in.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-03-06,robin,P-1,G1,werkvloer,1h,"Kassa, samen"
2026-03-06;bad
2026-03-07,robin,P-1,G7,app,15,
2026-02-30,robin,P-1,G1,app,15,
2026-03-07,robin,P-1,G1,walk,15,
2026-03-07,robin,P-1,G1,app,1.5,
2026-03-07,robin,P-9,G1,app,15,
30-02-2026,robin,P-1,G1,app,15,
CSV
run cp-log - <in.csv
status_is 65 "a bad batch fails"
check "every bad line is reported" test "$(grep -c '^cp-log: standard input:[0-9]*:[0-9]*: ' err)" -eq 7
check "wrong field count, with position" grep -q '^cp-log: standard input:3:15: 1 field where the header has 7' err
check "unknown goal at its column" grep -q '^cp-log: standard input:4:22: plan P-1 has no goal "G7"' err
check "bad date at its column" grep -q '^cp-log: standard input:5:1: no such day' err
check "... and one typed day first, too" grep -q '^cp-log: standard input:9:1: no such day: 2026-02 has 28 days' err
check "unknown mode at its column" grep -q '^cp-log: standard input:6:25: unknown mode "walk"' err
check "unknown plan at its column" grep -q '^cp-log: standard input:8:18: unknown plan "P-9"' err
same hours/robin.csv before.csv "a bad batch writes nothing"

printf '2026-03-06,robin,P-1,G1,app,15,"open\n' >>in2.csv
(echo 'date,coach,plan,goal,mode,minutes,note'; cat in2.csv) >in3.csv
refuses 65 'standard input:2:[0-9]+: quote opened here is never closed' "an unclosed quote" sh -c 'cp-log - <in3.csv'

cat >good.csv <<'CSV'
mode;minutes;date;plan;coach;goal;note;km
werkvloer;1h;2026-03-06;P-1;robin;G1;Kassa, samen;12
"beeldbellen";"0:45";6-3-2026;P-2;robin;;"Rooster ""nieuw""";0
CSV
run cp-log - <good.csv
status_is 0 "a good batch, in another column order and separator, a date typed day first"
cat before.csv >expected.csv
cat >>expected.csv <<'CSV'
2026-03-06,robin,P-1,G1,onsite,60,"Kassa, samen"
2026-03-06,robin,P-2,,video,45,"Rooster ""nieuw"""
CSV
same hours/robin.csv expected.csv "appended in the sheet's column order"
printf 'date;coach;plan;goal;mode;minutes;note\n2026-03-06;robin;P-1;G1;phone;15;Kassa; samen\n' >semi.csv
refuses 65 'standard input:2:[0-9]+: 8 fields where the header has 7' "a ; in a note of a ; separated batch" \
	sh -c 'cp-log - <semi.csv'
err_has 'hint: a field with a semicolon in it needs double quotes' "... the hint names the semicolon"
printf 'date;coach;plan;goal;mode;minutes;note\n2026-03-06;robin;P-1;G1;phone;15\n' >semi.csv
refuses 65 '6 fields where the header has 7' "a ; separated line short of a field" sh -c 'cp-log - <semi.csv'
err_has 'an empty one too \(;;\)' "... the hint shows the empty field with ;"
same hours/robin.csv expected.csv "nothing appended"

# a coach's own list of the week: no coach column, no goal column
cat >own.csv <<'CSV'
datum;plan;wijze;minuten;notitie
9-3-2026;P-1;telefoon;20;Gebeld
10-3-2026;P-2;werkvloer;1,5u;Rooster
9 mrt;P-1;mail;10;Verslag
CSV
run cp-log -n - <own.csv
out_is "date,coach,plan,goal,mode,minutes,note
2026-03-09,robin,P-1,,phone,20,Gebeld
2026-03-10,robin,P-2,,onsite,90,Rooster
2026-03-09,robin,P-1,,email,10,Verslag" "a list without coach and goal columns: the entries are \$USER's, with no goal; a day without its year"
run cp-log -n -c ahmed - <own.csv
check "... or --coach's" grep -q '^2026-03-09,ahmed,P-1,,phone,20,Gebeld$' out
cat >week.csv <<'CSV'
datum;plan;wijze;duur;notitie
ma;P-1;telefoon;20m;Gebeld
dinsdag;P-2;werkvloer;1½ uur;Rooster
vr 6-3;P-1;mail;10;Verslag
gisteren;P-1;mail;5;Nagekomen
2026/03/05;P-1;mail;15;Uit de agenda
CSV
run cp-log -n - <week.csv
out_is "date,coach,plan,goal,mode,minutes,note
2026-03-09,robin,P-1,,phone,20,Gebeld
2026-03-10,robin,P-2,,onsite,90,Rooster
2026-03-06,robin,P-1,,email,10,Verslag
2026-03-09,robin,P-1,,email,5,Nagekomen
2026-03-05,robin,P-1,,email,15,Uit de agenda" "a week typed as a coach says its days: ma, dinsdag, vr 6-3, gisteren, 2026/03/05"
printf 'datum;plan;wijze;duur
do 6-3;P-1;mail;10
' >wrongday.csv
refuses 65 'standard input:2:1: 2026-03-06 is a Friday' "... and a weekday that is not the date's is refused at its line" \
	sh -c 'cp-log - <wrongday.csv'
printf 'datum;plan;minuten\n9-3-2026;P-1;20\n' >nomode.csv
refuses 65 'standard input:1:1: the header has no column mode' "a list without a mode column" \
	sh -c 'cp-log - <nomode.csv'
err_has 'hint: the first line names the columns: date,plan,mode,minutes and, if there are any, coach,goal,note' \
	"... the hint says which columns may be left out"
printf 'date,coach,plan,mode,minutes\n2026-03-09,,P-1,phone,20\n' >nocoach.csv
refuses 65 'standard input:2:12: missing coach' "a coach column with an empty field" sh -c 'cp-log - <nocoach.csv'
same hours/robin.csv expected.csv "nothing appended"

# the sheet's own dialect is kept: ; separator, CRLF, an extra column, no final newline
printf 'date;coach;plan;goal;mode;minutes;note;km\r\n2026-03-02;robin;P-1;G1;onsite;60;x;5' >hours/excel.csv
run cp-log -f hours/excel.csv --plan P-1 --mode phone -d 2026-03-03 30 "a;b"
status_is 0 "append to a ; and CRLF sheet"
printf 'date;coach;plan;goal;mode;minutes;note;km\r\n2026-03-02;robin;P-1;G1;onsite;60;x;5\r\n2026-03-03;robin;P-1;;phone;30;"a;b";\r\n' >expected.csv
same hours/excel.csv expected.csv "separator, line ends and extra column kept"

# a sheet that holds only a BOM, or only a CRLF (an empty one saved by
# Excel): the header comes first, without a blank line, in its line ends
printf '\357\273\277' >hours/bom.csv
run cp-log -f hours/bom.csv --plan P-1 --mode phone -d 2026-03-03 30 x
status_is 0 "append to a sheet holding only a BOM"
printf '\357\273\277date,coach,plan,goal,mode,minutes,note\n2026-03-03,robin,P-1,,phone,30,x\n' >expected.csv
same hours/bom.csv expected.csv "... the header right after the BOM"
printf '\r\n' >hours/crlf.csv
run cp-log -f hours/crlf.csv --plan P-1 --mode phone -d 2026-03-04 30 x
status_is 0 "append to a sheet holding only a CRLF"
printf 'date,coach,plan,goal,mode,minutes,note\r\n2026-03-04,robin,P-1,,phone,30,x\r\n' >expected.csv
same hours/crlf.csv expected.csv "... the header first, all lines ending in CRLF"

printf 'date,plan,minutes\n' >hours/short.csv
refuses 65 'hours/short.csv:1:1: the header has no column coach' "a sheet without required columns" \
	cp-log -f hours/short.csv --plan P-1 --mode phone 30
refuses 73 'nowhere/x.csv: cannot create' "a sheet in a missing directory" cp-log -f nowhere/x.csv --plan P-1 --mode phone 30

# A last line cut off inside a quoted note (an editor's or another tool's
# crash): an append would be swallowed into that note.  Refused, with the
# line, for one entry and for many; the sheet stays byte for byte.
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,P-1,G1,onsite,90,Inwerken\n2026-03-03,robin,P-1,,phone,30,"afgebroken notitie\n' >hours/cut.csv
refuses 65 'hours/cut.csv:3:32: the sheet ends inside this quoted field' "an append after a cut-off quoted note" \
	cp-log -f hours/cut.csv --plan P-1 --mode phone -d 2026-03-04 20m Nieuw
err_has 'hint: close the quote' "... with a hint how to mend it"
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-04,robin,P-1,,phone,20,Nieuw\n' >batch.csv
refuses 65 'hours/cut.csv:3:32: the sheet ends inside' "... and a batch append" \
	sh -c 'cp-log -f hours/cut.csv - <batch.csv'
printf 'date,coach,plan,goal,mode,minutes,note\r\n2026-03-03,robin,P-1,,phone,30,"afgebroken\r\n' >hours/cutcrlf.csv
refuses 65 'hours/cutcrlf.csv:2:32: the sheet ends inside' "... in a sheet with CRLF line ends too" \
	cp-log -f hours/cutcrlf.csv --plan P-1 --mode phone -d 2026-03-04 20m Nieuw
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-03,robin,P-1,,phone,30,"afgebroken' >hours/cutnoeol.csv
refuses 65 'hours/cutnoeol.csv:2:32: the sheet ends inside' "... and one without a last line break" \
	cp-log -f hours/cutnoeol.csv --plan P-1 --mode phone -d 2026-03-04 20m Nieuw
run cp-check -p plans hours/cut.csv
status_is 65 "cp-check refuses the sheet too"
err_like 'hours/cut.csv:3:32: quote opened here is never closed' "... naming the line"
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-03,robin,P-1,,phone,30,"twee\nregels, ""netjes"""\n' >hours/multi.csv
run cp-log -f hours/multi.csv --plan P-1 --mode phone -d 2026-03-04 20m Nieuw
status_is 0 "a last note over two lines, quoted whole, takes an append"
check "... after it, on a line of its own" test "$(tail -n 1 hours/multi.csv)" = "2026-03-04,robin,P-1,,phone,20,Nieuw"

# The duration is the longest run of words that reads as one; the rest is
# the note.  A number and a unit word are never minutes and a note.
for c in "1h 30m x|90|x" "3 kwartier|45|" "1 uur 30 Inwerken|90|Inwerken" \
	"anderhalf uur met Jan|90|met Jan" "1 uur en 30 minuten overleg|90|overleg" \
	"een half uur|30|" "90 Verslag naar UWV|90|Verslag naar UWV"; do
	words=${c%%|*} rest=${c#*|} minutes=${rest%%|*} note=${rest#*|}
	# shellcheck disable=SC2086
	run cp-log -n --plan P-1 --mode phone -d 2026-03-04 $words
	check "cp-log ... $words: $minutes minutes, note '$note'" \
		test "$(tail -n 1 out)" = "2026-03-04,robin,P-1,,phone,$minutes,$note"
done
refuses 64 '"30 uur": a duration may be at most 24 hours' "30 uur opbouw is thirty hours, not thirty minutes" \
	cp-log -f hours/words.csv --plan P-1 --mode phone -d 2026-03-04 30 uur opbouw
refuses 64 '"een": not a duration' "a note without a duration" \
	cp-log -f hours/words.csv --plan P-1 --mode phone -d 2026-03-04 een gesprek

# concurrent writers never lose or mix a line
for i in 1 2 3 4; do
	(for j in 1 2 3 4 5 6 7 8 9 10; do cp-log -f hours/many.csv --plan P-1 --mode phone -d 2026-03-0$((j % 9 + 1)) "$i$j" || echo fail; done) &
done
wait
check "40 concurrent appends, 40 lines" test "$(wc -l <hours/many.csv)" -eq 41
check "every line whole" test "$(grep -c '^2026-03-0[1-9],robin,P-1,,phone,[0-9]*,$' hours/many.csv)" -eq 40

# cron sets LOGNAME, not USER; a container often neither (was coach "coach")
run env -u USER LOGNAME=kim cp-log --plan P-1 --mode phone -d 2026-03-04 20m
status_is 0 "no \$USER: the coach is \$LOGNAME"
check "... in hours/\$LOGNAME.csv" test "$(tail -n 1 hours/kim.csv)" = "2026-03-04,kim,P-1,,phone,20,"
me=$(id -un)
if printf '%s' "$me" | grep -qx '[A-Za-z0-9][A-Za-z0-9._-]*'; then
	run env -u USER -u LOGNAME cp-log --plan P-1 --mode phone -d 2026-03-04 25m
	status_is 0 "neither: the coach is the login name in the password file"
	check "... in hours/$me.csv" test "$(tail -n 1 "hours/$me.csv")" = "2026-03-04,$me,P-1,,phone,25,"
fi

# A goal set later takes no hours from before it was set.  Bug: they were
# logged, and the report listed the goal's hours but not the goal.
export CP_TODAY=2026-11-23
cp-plan P-2 --goal 'Zelf de bus nemen' --from 2026-11-02 >/dev/null
refuses 65 'goal G2 of plan P-2 was set on 2026-11-02, after 2026-10-26' \
	"an hour on a goal before it was set" cp-log --plan P-2 --goal G2 --mode phone -d 2026-10-26 30
err_has 'hint: name the goal worked on then; --force logs it anyway' "... and the ways out"
run cp-log --plan P-2 --goal G2 --mode phone -d 2026-11-02 30 'Busroute geoefend'
status_is 0 "... from the day it was set, it takes hours"
run cp-log --plan P-2 --goal G2 --mode phone -d 2026-10-26 30 --force 'Eerder al geoefend'
status_is 0 "... and before it with --force"

# -f - is no sheet.  Bug: the entry went into a new file named "-" in the
# current directory, never counted, with exit status 0.
refuses 64 'a sheet to append to is a file, not -' "cp-log -f -" \
	cp-log -f - --plan P-1 --mode phone -d 2026-11-02 30 Gebeld
check "... and makes no file named -" test ! -e ./-
printf 'date,coach,plan,goal,mode,minutes,note\n2026-11-03,robin,P-1,,phone,30,a\n' >batch.csv
run sh -c 'CP_SHEET=- cp-log - <batch.csv'
status_is 64 "CP_SHEET=- cp-log -: refused as well"
check "... and makes no file named -" test ! -e ./-
run cp-log -n -f - --plan P-1 --mode phone -d 2026-11-02 30 Gebeld
status_is 0 "cp-log -n -f -: prints the entry"
# a sheet that is no file: a pipe behind /dev/stdout.  Bug: "keeps
# changing; try again" (75), as if retrying could help
run sh -c '(cp-log -f /dev/stdout --plan P-1 --mode phone -d 2026-11-02 30 Gebeld; echo $? >st) | cat'
check "cp-log -f /dev/stdout into a pipe: exit status 66" test "$(cat st)" = 66
err_like '^cp-log: /dev/stdout: not a regular file$' "... says the sheet is no file"
done_testing
