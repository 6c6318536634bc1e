#!/bin/sh
# Privacy: with --pseudonymize no name of a plan's people (participant,
# employer, supervisor, contacts) reaches any export of any tool, each plan
# standing as its id; the sheet's internal column reaches none at all; and
# cp-check warns of words that point to medical information and of plans
# and sheets others can read.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1
cat >plans/P-7.yaml <<'YAML'
version: 1
id: P-7
participant:
  name: Bartholomeus de Wit-Vermeulen
employer:
  name: Restaurant Keukenprins
  contact: Anneloes Hoogendijk
coach: robin
funder: uwv
start: 2026-01-05
budget:
  hours: 60
  per: 6m
goals:
  - id: G1
    text: Bartholomeus bedient zelfstandig de vaatwasser, Anneloes controleert
    status: open
agreements:
  - Elke week een gesprek met Anneloes en Gerrit Dijkstra
contacts:
  - name: Gerrit Dijkstra
    role: leidinggevende
  - name: Fatima Ouali
    role: arbeidsdeskundige
evaluations:
  - date: 2026-07-01
    summary: Bartholomeus en Gerrit tevreden; Restaurant Keukenprins wil verlengen.
    goals: {G1: open}
YAML
chmod 600 plans/P-7.yaml
cp-log --plan P-7 --goal G1 --mode werkvloer -d 2026-11-16 1u Inwerken met Gerrit, Bartholomeus lacht \
	--internal 'GEHEIMNOTITIE: moeilijke thuissituatie'
cp-log --plan P-7 --mode telefoon -d 2026-11-17 20m Gebeld met Fatima Ouali over Bartholomeus
NAMES='Bartholomeus|Vermeulen|Anneloes|Hoogendijk|Gerrit|Dijkstra|Fatima|Ouali|Keukenprins'

# leaks DESC FILE...: none of the names in the files
leaks() {
	d=$1
	shift
	if grep -Eiq "$NAMES" "$@"; then
		not_ok "$d" "$(grep -Eio "$NAMES" "$@" | sort | uniq -c)"
	else
		ok "$d"
	fi
}

for f in text markdown html csv json; do
	cp-report --pseudonymize --plan P-7 -o $f >report.$f
	leaks "cp-report --plan --pseudonymize -o $f: no name of the plan's people" report.$f
	cp-report --pseudonymize --caseload -o $f >caseload.$f
	leaks "cp-report --caseload --pseudonymize -o $f" caseload.$f
	cp-report --satisfaction --period 2026 -o $f >satisfaction.$f
	leaks "cp-report --satisfaction -o $f: coaches alone, even without --pseudonymize" satisfaction.$f
done
check "the participant stands as the plan's id" grep -Eq '^Participant: +P-7$' report.text
check "... in texts too" grep -q 'P-7 bedient zelfstandig' report.text
check "a contact in a text stands as their role" grep -q 'leidinggevende tevreden' report.text
cp-report --pseudonymize --declaration --funder uwv --period 2026H2 -o decl
leaks "batch declarations --pseudonymize, summary.csv included" decl/*
for f in text markdown html csv json; do
	cp-report --pseudonymize --declaration --funder uwv --period grant -o grants$f -o $f
	case $f in # a grant a file, but for the texts that read on one after another
	text | markdown) cp-report --pseudonymize --declaration --plan P-7 --period grant -o $f >grant.$f ;;
	*) cp-report --pseudonymize --declaration --plan P-7 --period grant -o $f -o grant$f.d ;;
	esac
done
check "declarations per grant: the first with the evaluation that closes it" \
	grep -q 'P-7 en leidinggevende tevreden' grant.text
leaks "declarations per grant --pseudonymize, the closing evaluation included" grants*/* grant.* grant*.d/*
check "... nor the internal note" sh -c '! grep -rq GEHEIMNOTITIE grants* grant.* grant*.d'
cp-hours --budget --pseudonymize -o csv >budget.csv
leaks "cp-hours --budget --pseudonymize" budget.csv
# Bug: --pseudonymize was taken with --by employer, and the employer named.
refuses 64 'which --pseudonymize leaves out' "cp-hours --by plan,employer --pseudonymize" \
	cp-hours --by plan,employer --pseudonymize -o csv
leaks "... nothing written" out
cp-evaluate --due --pseudonymize --within 1y -o csv >due.csv
leaks "cp-evaluate --due --pseudonymize" due.csv
check "... lists the plan by its id" grep -q ',P-7,P-7,' due.csv
cp-evaluate --ics --pseudonymize >feed.ics
leaks "cp-evaluate --ics --pseudonymize" feed.ics
cp-evaluate --due --within 1y -o csv >due-named.csv
check "without --pseudonymize the coach's own list names the participant" \
	grep -q 'Bartholomeus de Wit-Vermeulen' due-named.csv

# ---- the internal column ----
check "the internal note is in the sheet" grep -q GEHEIMNOTITIE hours/robin.csv
for f in text markdown html csv json excel; do
	cp-hours --by plan,goal,mode,coach -o $f >h.out
	cp-report --plan P-7 -o $f >r.out
	cp-report --caseload -o $f >c.out
	cp-report --declaration --plan P-7 --period 2026H2 -o $f >d.out
	check "-o $f: no report or table shows the internal note" sh -c '! grep -q GEHEIMNOTITIE h.out r.out c.out d.out'
done
cp-report --declaration --funder uwv --period 2026H2 -o html -o decl2
cp-evaluate --due -o json >due.json
cp-evaluate --ics >cal.ics
check "... nor declarations, summary.csv, --due or --ics" sh -c '! grep -rq GEHEIMNOTITIE decl2 due.json cal.ics'
printf 'date,coach,plan,goal,mode,minutes,note\n' >hours/kim.csv && chmod 600 hours/kim.csv
refuses 65 'has no internal column, so what goes in it would be lost' \
	"an internal note for a sheet without the column" \
	cp-log -f hours/kim.csv --plan P-7 --mode phone 20m x --internal y

# ---- cp-check: medical words, and who can read the files ----
run cp-log --plan P-7 --mode phone -d 2026-11-18 20m Gesprek over zijn medicatie en de Diagnose
status_is 0 "cp-log logs a note with a medical word"
err_has '^cp-log: warning: "medicatie" points to medical information' \
	"... and warns of it then, while the coach can still change the note"
err_has '^cp-log: warning: "Diagnose" points to medical' "... of every such word"
mkdir -p .coachplan && echo 'slapeloosheid' >.coachplan/medical-words
run cp-log --plan P-7 --mode phone -d 2026-11-19 20m Klaagt over slapeloosheid
err_has '"slapeloosheid" points to medical' "... the caseload's own words too"
run cp-log --plan P-7 --mode phone -d 2026-11-20 20m Gebeld --internal 'zit in therapie'
err_has '"therapie" points to medical' "... and in an internal note"
printf 'date,plan,goal,mode,minutes,note\n2026-11-20,P-7,,phone,5,Over de huisarts\n' >med.csv
run cp-log -n - <med.csv
err_has '^cp-log: standard input:2:[0-9]+: warning: "huisarts" points to medical' \
	"... of a batch, at the line of standard input"
# Bug: an Internal column (as any column, named in any case) was written
# into the sheet's internal column, and cp-check warned of it, unread here
printf 'date,plan,goal,mode,minutes,note,Internal\n2026-11-20,P-7,,phone,5,Gebeld,Over de huisarts\n' >med.csv
run cp-log -n - <med.csv
err_has '^cp-log: standard input:2:[0-9]+: warning: "huisarts" points to medical' \
	"... in an internal note whose column is named in capitals"
run cp-check
status_is 0 "medical words are warnings, not errors"
err_has 'hours/robin.csv:4:[0-9]+: warning: "medicatie" points to medical information' \
	"cp-check names the line and column of a medical word in a note"
err_has '"Diagnose" points to medical' "... in any case"
err_has '"slapeloosheid" points to medical' "... and the caseload's own words"
err_has 'robin.csv:6:[0-9]+: warning: "therapie"' "... internal notes too"
sed 's/^  - Elke week een gesprek met Anneloes en Gerrit Dijkstra$/&\n  - Bij een psychose belt Anneloes de huisarts/' plans/P-7.yaml >p.yaml && cat p.yaml >plans/P-7.yaml
run cp-check
err_has 'plans/P-7.yaml:[0-9]+:13: warning: "psychose"' "... and in a plan"
err_has '"huisarts" points to medical' "... every word of the list"
check "no warning about who can read 0600 files" sh -c '! grep -q "readable by others" err'
chmod 644 plans/P-7.yaml hours/robin.csv
run cp-check
err_has 'plans/P-7.yaml: readable by others \(mode 0644\)' "a plan others can read is reported"
err_has 'warning: 1 more file is readable by others; -v names it' \
	"... the next file counted, not named: a clone makes every file 0644"
check "... once" test "$(grep -c 'readable by others' err)" = 2
run cp-check -v
err_has 'plans/P-7.yaml: readable by others \(mode 0644\)' "-v names every file others can read"
err_has 'hours/robin.csv: readable by others \(mode 0644\)' "... a sheet too"
check "... and counts none" sh -c '! grep -q "more file" err'

done_testing
