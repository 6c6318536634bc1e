#!/bin/sh
# What a Dutch coach types, read as such: goal states (behaald, vervallen),
# the mode overig, --by keys and sheet headers in Dutch, dates as
# dd-mm-jjjj, dd-mm, 20 nov and as words (eergisteren, maandag, vorige week
# maandag); and
# the Dutch words of the tables: resterend, the modes, peildatum.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
# CP_TODAY is Monday 23 November 2026
cp-log --plan P-1 --goal G1 --mode werkvloer -d 2026-11-16 1u Inwerken

# ---- goal states ----
run cp-evaluate --record P-1 --summary 'Kassa lukt' -d 2026-11-20 --goal G1=behaald --goal G2=vervallen
status_is 0 "cp-evaluate --record takes behaald and vervallen"
check "... and writes achieved" grep -q 'G1: achieved' plans/P-1.yaml
check "... and dropped" grep -q 'G2: dropped' plans/P-1.yaml
sed 's/status: achieved/status: behaald/' plans/P-1.yaml >P-1.yml
run cp-check P-1.yml
status_is 0 "a plan with a goal status: behaald reads"

# ---- mode overig ----
run cp-log --plan P-1 --mode overig -d 2026-11-17 30m Overleg met UWV
status_is 0 "cp-log takes the mode overig"
check "... and writes other" grep -q '^2026-11-17,robin,P-1,,other,30,Overleg met UWV$' hours/robin.csv
run cp-hours -o csv --by mode --remote
out_is 'mode,minutes,onsite,remote,remote_share
onsite,60,60,0,0.0
other,30,0,0,0.0' "other counts neither on site nor remote"

# ---- --by keys ----
run cp-hours -o csv --by doel,wijze,maand
status_is 0 "--by doel,wijze,maand"
check "... is goal, mode, month" test "$(head -n 1 out)" = "goal,mode,month,minutes"
for k in halfjaar half-year halfyear; do
	run cp-hours -o csv --by coach,$k
	check "--by coach,$k is coach, half" test "$(head -n 1 out)" = "coach,half,minutes"
done
for k in vorm contactvorm; do
	run cp-hours -o csv --by $k
	check "--by $k, the word of the Dutch tables, is mode" test "$(head -n 1 out)" = "mode,minutes"
done
refuses 64 'bad --by "doelen"' "an unknown key is still refused" cp-hours --by doelen

# ---- a sheet with a Dutch header ----
printf 'datum,coach,plan,doel,wijze,minuten,notitie\n2026-11-16,robin,P-1,G1,telefoon,45,Gebeld\n' >hours/kim.csv
run cp-hours -o csv --by coach,mode hours/kim.csv
out_is 'coach,mode,minutes
robin,phone,45' "a sheet with a Dutch header reads"
run cp-log -f hours/kim.csv --plan P-1 --mode mail -d 2026-11-18 15m Verslag
status_is 0 "cp-log appends to it"
check "... under its Dutch header, in its columns" \
	test "$(tail -n 1 hours/kim.csv)" = "2026-11-18,robin,P-1,,email,15,Verslag"
check "... and keeps the header" test "$(head -n 1 hours/kim.csv)" = "datum,coach,plan,doel,wijze,minuten,notitie"
run cp-check -p plans hours/kim.csv
status_is 0 "cp-check reads it too"
printf 'datum,plan,vorm,duur,werkzaamheden\n2026-11-19,P-1,app,"1,5u",Appje\n' >in.csv
run cp-log -f hours/kim.csv - <in.csv
status_is 0 "a header in the Dutch logbook's words (vorm, duur, werkzaamheden)"
check "... reads as mode, minutes and note" \
	test "$(tail -n 1 hours/kim.csv)" = "2026-11-19,robin,P-1,,chat,90,Appje"

# ---- dates ----
for c in "16-11-2026|2026-11-16" "1-11-2026|2026-11-01" "eergisteren|2026-11-21" \
	"maandag|2026-11-23" "vrijdag|2026-11-20" "vorige week maandag|2026-11-16" \
	"vorige-week-woensdag|2026-11-18" "20-11|2026-11-20" "20/11|2026-11-20" "20 nov|2026-11-20" \
	"16 november 2026|2026-11-16" "17-Nov|2026-11-17" \
	"gister|2026-11-22" "Eergister|2026-11-21"; do
	run cp-log -n --plan P-1 --mode phone -d "${c%%|*}" 20m x
	check "--date '${c%%|*}' is ${c#*|}" test "$(tail -n 1 out)" = "${c#*|},robin,P-1,,phone,20,x"
done
# days ahead, for a start, a hand-over or the next evaluation (cp-log needs --force)
# (a day without its year is the nearest: 30-11 is this month's, not last year's)
for c in "morgen|2026-11-24" "Overmorgen|2026-11-25" "tomorrow|2026-11-24" "30-11|2026-11-30"; do
	run cp-log -n --force --plan P-1 --mode phone -d "${c%%|*}" 20m x
	check "--date '${c%%|*}' is ${c#*|}" test "$(tail -n 1 out)" = "${c#*|},robin,P-1,,phone,20,x"
done
refuses 65 'is in the future' "... and cp-log refuses one without --force" \
	cp-log -n --plan P-1 --mode phone -d morgen 20m x
refuses 65 '2027-05-20 is in the future' "a day without its year half a year off is the nearest" \
	cp-log -n --plan P-1 --mode phone -d 20-5 20m x
err_has 'hint: a day typed without its year is the nearest such day; write the year for the one before' \
	"... and the hint says so, not that --force logs it"
# the hint goes by how the day was typed, not by how far ahead it lies
refuses 65 '2026-12-03 is in the future' "a day without its year ten days off" \
	cp-log -n --plan P-1 --mode phone -d 3-12 20m x
err_has 'hint: a day typed without its year is the nearest such day' "... has the year's hint too"
# ... but a day this week is meant as one: tomorrow is not last year's
refuses 65 '2026-11-24 is in the future' "a day without its year tomorrow" \
	cp-log -n --plan P-1 --mode phone -d 24-11 20m x
err_has 'hint: hours are logged after the work; --force logs them anyway' \
	"... has --force's hint, not the year's"
refuses 65 '2027-01-20 is in the future' "a day ahead with its year" \
	cp-log -n --plan P-1 --mode phone -d 2027-01-20 20m x
err_has 'hint: hours are logged after the work; --force logs them anyway' \
	"... has no hint at a year it was typed with"
printf 'date,plan,mode,minutes\n3-12,P-1,tel,20\n2027-01-20,P-1,tel,20\n' >ahead.csv
refuses 65 'standard input:2:1: 2026-12-03 is in the future' "a line of cp-log - dated ahead" \
	cp-log -n - <ahead.csv
err_has 'hint: a day typed without its year is the nearest such day' "... without its year has that hint"
err_has 'hint: hours are logged after the work' "... and the one with its year the other"
rm ahead.csv
refuses 64 '"31-11-2026": no such day' "a date that is no day" cp-log -n --plan P-1 --mode phone -d 31-11-2026 20m x
check "... with no hint at other ways to write it" sh -c '! grep -q "hint:" err'
refuses 64 '"31 nov": no such day in that month' "... also without its year" cp-log -n --plan P-1 --mode phone -d '31 nov' 20m x
check "... with no hint either" sh -c '! grep -q "hint:" err'
refuses 64 '"2026-1-5": not a date' "a date written no way the tools know" cp-log -n --plan P-1 --mode phone -d 2026-1-5 20m x
err_has 'hint: or day first: 20-11-2026, 20-11, 20 nov 2026' "... names the ways they know"
printf 'date,coach,plan,goal,mode,minutes,note\n5-1-2026,robin,P-1,,phone,20,x\n' >day-first.csv
refuses 65 'day-first.csv:2:1: not a date' "a sheet's date typed day first" cp-hours day-first.csv
err_has 'hint: a sheet writes the year first: 2026-01-05' "... and the hint writes it as the sheet does"
rm day-first.csv
run cp-hours -o csv --period 'week 47' --by week
status_is 0 "--period 'week 47', as a Dutch agenda writes it"
check "... is ISO week 47 of this year" grep -q '^2026-W47,' out
run cp-hours -o csv --from 16-11-2026 --to 17-11-2026 --by day
status_is 0 "--from and --to take dd-mm-jjjj"
# Bug: --period refused the same days, though its message offers "a date"
run cp-hours -o csv --period 16-11-2026 --by day
status_is 0 "--period 16-11-2026"
out_is 'day,minutes
2026-11-16,105' "... is that day (robin's hour and kim's 45 minutes)"
run cp-hours -o csv --period 1-11-2026..17-11-2026 --by day
status_is 0 "--period 1-11-2026..17-11-2026"
check "... is those days" test "$(tail -n 1 out)" = "2026-11-17,30"
run cp-report --declaration --plan P-1 --period '16/11/2026..20 nov' -o csv
status_is 0 "cp-report --period '16/11/2026..20 nov'"
refuses 64 '"31-11-2026": no such day' "--period 31-11-2026: the day's reason" \
	cp-hours -o csv --period 31-11-2026
# Bug: --period took no weekday, though cp-log -d and --from do
run env CP_TODAY=2026-11-18 cp-hours -o csv --period maandag --by day
out_is 'day,minutes
2026-11-16,105' "--period maandag: the Monday just gone"
run env CP_TODAY=2026-11-18 cp-hours -o csv --period 'last week monday..ma' --by day
check "--period 'last week monday..ma': from a week ago Monday to this Monday" \
	test "$(tail -n 1 out)" = "2026-11-16,105"

# ---- modes as phrases: op de werkvloer, and op locatie as the tables say ----
# Bug: "op de werkvloer" and "op locatie" were unknown modes
for m in 'op de werkvloer' 'Op locatie' 'op-locatie'; do
	run cp-log --plan P-1 --mode "$m" -d 2026-11-18 15m "$m"
	status_is 0 "cp-log --mode '$m'"
	check "... is onsite" grep -q "^2026-11-18,robin,P-1,,onsite,15,$m\$" hours/robin.csv
done
# Bug: the words a Flemish coach uses, gsm and videocall, were unknown modes
for m in 'gsm|phone' 'telefoneren|phone' 'videocall|video' 'zoom|video'; do
	run cp-log -n --plan P-1 --mode "${m%|*}" -d 2026-11-18 15m x
	check "cp-log --mode ${m%|*} is ${m#*|}" test "$(tail -n 1 out)" = "2026-11-18,robin,P-1,,${m#*|},15,x"
done
printf 'date,coach,plan,goal,mode,minutes,note\n2026-11-18,robin,P-1,,op de werkvloer,20,x\n' |
	cp-log -
check "a sheet read by cp-log - takes op de werkvloer" \
	grep -q '^2026-11-18,robin,P-1,,onsite,20,x$' hours/robin.csv

# ---- hours with their unit, as cp-log takes 1,5u ----
# Bug: --hours 16u, --work-hours '18 uur' and a grant of 60u were refused
run cp-new --id P-3 --name X --funder uwv --start 2026-01-05 --hours 16u --budget '60 uur/6m'
status_is 0 "cp-new --hours 16u --budget '60 uur/6m'"
check "... writes the hours as a number" grep -q '^work_hours_per_week: 16$' plans/P-3.yaml
check "... and the budget" grep -q '^  hours: 60$' plans/P-3.yaml
run cp-plan P-3 --migrate
run cp-plan P-3 --work-hours '18,5 uur' --from 2026-03-02
status_is 0 "cp-plan --work-hours '18,5 uur'"
check "... as 18.5" grep -q '{from: 2026-03-02, hours: 18.5}' plans/P-3.yaml
run cp-plan P-3 --drop-grant 2026-07-05 --force --grant 2026-07-05/6m:40u
status_is 0 "cp-plan --grant 2026-07-05/6m:40u"
check "... a grant of 40 hours" grep -q '{from: 2026-07-05, length: 6m, hours: 40}' plans/P-3.yaml
run cp-plan P-3 --drop-grant 2026-07-05 --force --grant 2026-07-05/6m --hours 30h
status_is 0 "cp-plan --grant ... --hours 30h"
refuses 64 'not a number of hours' "hours with a word that is no unit" \
	cp-plan P-3 --work-hours '18 dagen' --from 2026-04-01

# ---- intervals with their unit in Dutch, as the hours take theirs ----
# Bug: --every '3 maanden', --budget 60/6mnd and --within '2 weken' were refused
run cp-new --id P-4 --name X --funder gemeente --start 2026-01-05 --every '3 maanden' --budget '40/6 mnd'
status_is 0 "cp-new --every '3 maanden' --budget '40/6 mnd'"
check "... evaluates every 3m" grep -q '^  every: 3m$' plans/P-4.yaml
check "... grants 40 hours per 6m" grep -q '^  per: 6m$' plans/P-4.yaml
# Bug: blanks after an interval were cut, blanks before it refused
for w in '2 weken|2w' '14 dagen|14d' '1 maand|1m' '1j|1y' '1 jaar|1y' '2wk|2w' ' 3m|3m' \
	' 3 maanden |3m'; do
	cp-evaluate --due --within "${w#*|}" >want 2>&1
	run cp-evaluate --due --within "${w%|*}"
	same out want "cp-evaluate --within '${w%|*}' is --within ${w#*|}"
done
cp-evaluate --due --quiet-since 3w -o csv >want 2>&1
run cp-evaluate --due --quiet-since '3 weken' -o csv
same out want "--quiet-since '3 weken' is --quiet-since 3w"
refuses 64 'not an interval' "an interval in a word that is no unit" \
	cp-evaluate --due --within '2 uur'

# ---- a funder as the tables name it ----
# Bug: --funder employer was refused while the budget table names werkgever so
run cp-new --id P-5 --name Y --funder Employer --start 2026-01-05
status_is 0 "cp-new --funder Employer"
check "... writes the code werkgever" grep -q '^funder: werkgever$' plans/P-5.yaml
# an hour for a plan of each funder, or every table compared is empty and
# a label read as another funder would pass
cp-new --id P-6 --name Z --funder overig --start 2026-01-05 >/dev/null 2>&1
for p in P-2 P-5 P-6; do cp-log --plan $p -m phone -d 2026-11-16 20m Gebeld >/dev/null 2>&1; done
for f in employer overig municipality; do
	case $f in overig) c=other p=P-6 ;; municipality) c=gemeente p=P-2 ;; *) c=werkgever p=P-5 ;; esac
	cp-hours --by plan --funder $c -o csv >want 2>&1
	run cp-hours --by plan --funder $f -o csv
	same out want "cp-hours --funder $f is --funder $c"
	check "... which has $p's hour and no other plan's" test "$(tail -n +2 out)" = "$p,20"
done
run cp-plan P-5 --migrate --grant 2026-01-05..2026-06-30:20,employer
status_is 0 "cp-plan --grant ...,employer"
check "... writes the code" grep -q 'funder: werkgever' plans/P-5.yaml
sed 's/^funder: werkgever$/funder: employer/' plans/P-5.yaml >P-5.yml
refuses 65 'unknown funder' "a plan file holds the code, not the label" cp-check P-5.yml

# ---- the Dutch words of the tables ----
if locale -a 2>/dev/null | grep -qix 'nl_NL\.utf-\{0,1\}8'; then
	run env LANGUAGE=nl cp-hours --budget -o text
	check "the budget's remaining hours: resterend" grep -q 'resterend' out
	check "... not over" sh -c '! grep -qw over out'
	run env LANGUAGE=nl cp-hours --by mode -o text
	check "modes in a Dutch table: op locatie" grep -q '^op locatie' out
	check "... and overig" grep -q '^overig' out
	run env LANGUAGE=nl cp-hours --by mode -o csv
	check "... CSV keeps the codes" grep -q '^onsite,' out
	run env LANGUAGE=nl cp-evaluate --help
	check "--on is the peildatum" grep -q 'peildatum' out
	run env LANGUAGE=nl cp-hours --help
	check "the exit status is the afsluitstatus" grep -q 'afsluitstatus' out
	# Bug: the entry logged twice was named with the sheet's code: 1:00 onsite
	run env LANGUAGE=nl cp-log --plan P-1 --goal G1 --mode werkvloer -d 2026-11-16 1u Inwerken
	err_has 'de urenstaten hebben deze registratie al: 2026-11-16, robin, 1:00 op locatie;' \
		"an entry logged twice is named in Dutch"
	# Bug: the status a later evaluation found was its code: vaststelde: achieved
	run env LANGUAGE=nl cp-evaluate -n --record P-1 --summary Eerder -d 2026-11-10 --goal G1=open
	err_has 'doel G1 houdt de status die de evaluatie van 2026-11-20 vaststelde: behaald$' \
		"the status a later evaluation found is named in Dutch"
	# Bug: funders were named by their codes: een plan van gemeente, niet van other
	run env LANGUAGE=nl cp-report --declaration --plan P-2 --funder other --period 2026
	err_has 'P-2 is een plan van gemeente, niet van overig$' "funders in a message are named in Dutch"
	# Bug: the message named the column minutes, its hint minuten
	printf 'datum;plan;wijze\n9-3-2026;P-1;tel\n' >nominutes.csv
	run env LANGUAGE=nl sh -c 'cp-log - <nominutes.csv'
	err_has 'de kopregel heeft geen kolom minutes$' "a list without a minutes column, in Dutch"
	err_has 'date,plan,mode,minutes' "... its hint names the columns as the message does"
	check "... not in other words" sh -c '! grep -q minuten err'
	# Bug: the due list showed 2026-12-31 where cp-report's tables show 31-12-2026
	run env LANGUAGE=nl cp-evaluate --due -o text
	check "the dates of the due list as in the other Dutch tables" grep -q '^31-12-2026  P-2 ' out
	run env LANGUAGE=nl cp-evaluate --due -o csv
	check "... CSV keeps ISO dates" grep -q '^2026-12-31,P-2,' out
else
	ok "Dutch tables # skip the nl_NL.UTF-8 locale is not installed"
fi

done_testing
