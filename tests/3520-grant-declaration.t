#!/bin/sh
# cp-report --declaration per grant (issue 16): --per-grant declares each
# grant of the funder that ends in --period, whole, from its first day to
# its last, with the evaluation that closes it; --period grant declares
# every grant.  summary.csv holds granted, used and over per grant.  A
# declaration of a past grant stays the same, byte for byte, after a
# follow-up grant, a hand-over and a move to another funder are added.
# A version 1 plan's grants are its budget periods.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null || exit 1

# history LINES: Sanne's plan with her first grant and an evaluation, and LINES after it
history() {
	{
		cat <<'YAML'
version: 2
id: P-30
participant:
  name: Sanne de Jong
coach: robin
funder: uwv
start: 2026-01-05
work_hours_per_week: 16
goals:
  - {id: G1, text: Zelfstandig de kassa bedienen}
evaluations:
  - date: 2026-07-08
    summary: Sanne de Jong bedient de kassa bijna zelfstandig
    goals: {G1: open}
    marks: {employee: 8}
    signed_by: Sanne de Jong, robin
    outcome: follow-up-same
grants:
  - from: 2026-01-05
    to: 2026-07-04
    ref: "2026-000111"
    hours: 4
YAML
		printf '%s\n' "$@"
	} >plans/P-30.yaml
	chmod 600 plans/P-30.yaml
}
history
cat >hours/robin.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-01-12,robin,P-30,G1,onsite,120,Kennismaking
2026-03-02,robin,P-30,G1,phone,45,Bellen
2026-07-04,robin,P-30,G1,onsite,60,Laatste dag van de beschikking
2026-07-05,robin,P-30,G1,onsite,30,Eerste dag van de vervolgbeschikking
CSV
cat >hours/kim.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-05-20,kim,P-30,G1,onsite,90,Invallen voor robin
CSV
chmod 600 hours/*.csv

# ---- which grants: those that end in the period ----
run cp-report --declaration --plan P-30 --period 2026H1 --per-grant
status_is 0 "--per-grant: no grant of P-30 ends in 2026H1"
check "... so no declaration" test ! -s out
err_has 'warning: P-30: no grant of the plan ends in the period' "... and a warning says so"

run cp-report --declaration --plan P-30 --period 2026H2 --per-grant -o csv
status_is 0 "--per-grant 2026H2: the grant that ends on 2026-07-04"
out_is "date,goal,note,mode,minutes
2026-01-12,G1,Kennismaking,onsite,120
2026-03-02,G1,Bellen,phone,45
2026-05-20,G1,Invallen voor robin,onsite,90
2026-07-04,G1,Laatste dag van de beschikking,onsite,60" \
	"... every hour of it, kim's too, from before the period, up to its last day"
err_has 'P-30: 1 entry \(0:30\) lies on a day no grant of the plan holds; it is in no' \
	"... the hour after it, on no grant's day, is named in a warning, not dropped"

run cp-report --declaration --plan P-30 --period 2026H2 --per-grant
check "... its subtitle names the grant" grep -q 'Plan P-30, Sanne de Jong, grant 2026-01-05..2026-07-04' out
check "... granted, used and over" sh -c 'grep -q "^Granted: *4:00" out && grep -q "^Used: *5:15" out &&
	grep -q "^Over: *1:15" out'
check "... the coaches of its days" grep -q '^Coach: *robin$' out
# Bug: the declaration said "Employee's mark", the logbook "Mark of the employee"
check "... and the evaluation that closes it, a few days after its end" \
	sh -c 'grep -q "^Date: *8 July 2026" out && grep -q "kassa bijna zelfstandig" out &&
	grep -q "^- G1: open" out && grep -q "^Mark of the employee: *8" out'
# Bug: the outcome UWV asks for at the end of a grant was left out.
check "... with its outcome" grep -q '^Outcome: *follow-up needed, the same$' out
# Bug: a Dutch declaration wrote a mark with a point (7.5), its logbook 7,5.
sed -i 's/marks: {employee: 8}/marks: {employee: 7.5}/' plans/P-30.yaml
run cp-report --declaration --plan P-30 --period 2026H2 --per-grant --lang nl
check "... in Dutch, a mark with a decimal comma, as in the logbook" \
	grep -q '^Cijfer van de werknemer: *7,5$' out
history

# ---- the past stays as it was ----
past() { # the declaration of the first grant and the batch, into $1.*
	cp-report --declaration --plan P-30 --period 2026H2 --per-grant -o json >"$1.json" 2>/dev/null
	rm -rf "$1.dir"
	cp-report --declaration --funder uwv --period 2026-07 --per-grant -o "$1.dir" 2>/dev/null
}
past first
follow='  - from: 2026-07-05
    length: 6m
    kind: vervolg
    ref: "2026-000222"
    hours: 40'
coaches='coaches:
  - {from: 2026-01-05, coach: robin}
  - {from: 2026-09-01, coach: kim}'
gemeente='  - from: 2027-01-05
    to: 2027-06-30
    funder: gemeente
    ref: G-77
    hours: 20'
for later in "a follow-up grant" "a hand-over to kim" "a move to the municipality"; do
	case $later in
	a\ f*) history "$follow" ;;
	a\ h*) history "$follow" "$coaches" ;;
	*) history "$follow" "$gemeente" "$coaches" ;;
	esac
	past now
	same now.json first.json "after $later: the first grant's declaration is as it was"
	same now.dir/summary.csv first.dir/summary.csv "... and the batch's summary.csv"
	same now.dir/P-30_2026-01-05.html first.dir/P-30_2026-01-05.html "... and its file"
done
check "a declaration per grant is named after the plan and the grant's first day" \
	test "$(ls first.dir)" = "$(printf 'P-30_2026-01-05.html\nsummary.csv')"
same first.dir/summary.csv /dev/stdin "summary.csv: granted, used and over per grant" <<'CSV'
plan,ref,participant,kind,funder,from,to,granted_minutes,used_minutes,over_minutes,onsite_minutes,remote_minutes,entries
P-30,2026-000111,Sanne de Jong,standard,uwv,2026-01-05,2026-07-04,240,315,75,270,45,4
CSV

# ---- every grant, each for its own funder ----
export CP_TODAY=2027-07-15
cat >>hours/kim.csv <<'CSV'
2026-09-07,kim,P-30,G1,onsite,60,Eerste bezoek na overdracht
2027-01-05,kim,P-30,G1,onsite,45,Eerste uur van de gemeente
CSV
run cp-report --declaration --funder uwv --period grant -o all
status_is 0 "--period grant: every grant of the funder"
check "... the two UWV grants, not the municipality's" \
	test "$(ls all)" = "$(printf 'P-30_2026-01-05.html\nP-30_2026-07-05.html\nsummary.csv')"
same all/summary.csv /dev/stdin "... each with what was granted, used and over" <<'CSV'
plan,ref,participant,kind,funder,from,to,granted_minutes,used_minutes,over_minutes,onsite_minutes,remote_minutes,entries
P-30,2026-000111,Sanne de Jong,standard,uwv,2026-01-05,2026-07-04,240,315,75,270,45,4
P-30,2026-000222,Sanne de Jong,extension,uwv,2026-07-05,2027-01-04,2400,90,0,90,0,2
CSV
check "... the follow-up's coaches: robin, then kim" grep -q 'robin, kim' all/P-30_2026-07-05.html
check "... with no closing evaluation recorded, it says so (the one of 2026-07-08 closes the first)" \
	grep -q 'No evaluation that closes this grant was recorded' all/P-30_2026-07-05.html
cp-evaluate --record P-30 --date 2027-01-11 --summary 'Vervolg afgerond' --goal G1=achieved \
	>/dev/null 2>&1
run cp-report --declaration --funder uwv --period grant -o all2
check "an evaluation recorded after the follow-up's end closes the follow-up" \
	grep -q 'Vervolg afgerond' all2/P-30_2026-07-05.html
same all2/P-30_2026-01-05.html all/P-30_2026-01-05.html "... and the first grant's declaration is as it was"
run cp-report --declaration --funder gemeente --period 2027H1 --per-grant -o g -o csv --excel
status_is 0 "the municipality's grant, for the municipality"
check "... in the spreadsheet dialect, its figures in hours" \
	sh -c 'head -n 1 g/summary.csv | grep -q "granted_hours;used_hours;over_hours" &&
	grep -q "^P-30;G-77;Sanne de Jong;standard;gemeente;2027-01-05;2027-06-30;20;0,75;0;" g/summary.csv'
run cp-report --declaration --funder uwv --period 2027H1 --per-grant -o none
check "a grant still running is not declared yet (2026-07-05..2027-01-04 ends in 2027H1)" \
	test "$(ls none)" = "$(printf 'P-30_2026-07-05.html\nsummary.csv')"

# ---- a strippenkaart used up mid-period: an entry cut where it runs out ----
cat >plans/P-40.yaml <<'YAML'
version: 2
id: P-40
participant: {name: Bram Vos}
coach: robin
funder: werkgever
start: 2026-03-01
grants:
  - {from: 2026-03-01, kind: strippenkaart, hours: 2, ref: S-1}
YAML
cat >hours/bram.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-03-02,robin,P-40,,onsite,90,Eerste bezoek
2026-04-01,robin,P-40,,onsite,60,Tweede bezoek
CSV
chmod 600 plans/P-40.yaml hours/bram.csv
run cp-report --declaration --plan P-40 --period 2026 --per-grant -o csv
status_is 0 "a strippenkaart used up ends on the day of its last hour"
out_is "date,goal,note,mode,minutes
2026-03-02,,Eerste bezoek,onsite,90
2026-04-01,,Tweede bezoek,onsite,30" "... its hours in date order, the last entry up to what was left"
# Bug: the rest was said to lie on a day no grant holds, where the card did.
err_has 'P-40: 1 entry \(0:30\) found its strippenkaart used up; it is in no declaration' \
	"... the rest is named as what the card could not take"
run cp-report --declaration --plan P-40 --period 2026-03 --per-grant
check "... not declared in a period before it ran out" test ! -s out
# Bug: with --funder uwv, the employer's ungranted half hour was warned of
# as missing from the UWV declarations, where it never belonged.
run cp-report --declaration --funder uwv --period 2026 --per-grant -o uwv
status_is 0 "UWV's declarations per grant"
check "... say nothing of the employer's ungranted hours" sh -c '! grep P-40 err'

# Bug: a period over a strippenkaart and a dated grant was declared under
# the last one's reference without a word: a card is no grant of a day
# by date, so its hours were not counted as falling under its reference.
cat >plans/P-42.yaml <<'YAML'
version: 2
id: P-42
participant: {name: Ruud Bakker}
coach: robin
funder: uwv
start: 2026-01-01
grants:
  - {from: 2026-01-01, to: 2026-06-30, kind: strippenkaart, hours: 10, ref: S-42}
  - {from: 2026-07-01, to: 2026-12-31, hours: 20, ref: U-42}
YAML
cat >hours/ruud.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-03-02,robin,P-42,,onsite,90,Op de kaart
2026-08-03,robin,P-42,,onsite,60,Onder de vervolgbeschikking
CSV
chmod 600 plans/P-42.yaml hours/ruud.csv
run cp-report --declaration --plan P-42 --period 2026 -o csv
status_is 0 "a period over a strippenkaart and a grant after it: declared"
err_has 'P-42: its hours in the period fall under 2 grants \(S-42, U-42\)' \
	"... with the warning that they fall under two references"
rm plans/P-42.yaml hours/ruud.csv

# Bug: a period over two strippenkaarten was declared under the second's
# reference without a word: every hour counted as the first card's.
cat >plans/P-44.yaml <<'YAML'
version: 2
id: P-44
participant: {name: Ruud Bakker}
coach: robin
funder: werkgever
start: 2026-01-01
grants:
  - {from: 2026-01-01, kind: strippenkaart, hours: 1, ref: K-1}
  - {from: 2026-02-01, kind: strippenkaart, hours: 10, ref: K-2}
YAML
cat >hours/ruud.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-01-12,robin,P-44,,onsite,60,De eerste kaart op
2026-03-02,robin,P-44,,onsite,90,Op de tweede kaart
CSV
chmod 600 plans/P-44.yaml hours/ruud.csv
run cp-report --declaration --plan P-44 --period 2026 -o text
check "a period over two strippenkaarten: declared under the second's reference" \
	grep -q '^Funder reference: *K-2$' out
err_has 'P-44: its hours in the period fall under 2 grants \(K-1, K-2\)' \
	"... with the warning that they fall under two references"
run cp-report --declaration --plan P-44 --period 2026-03 -o text
check "... a period of the second card's hours alone: quietly" sh -c '! grep -q "fall under" err'
rm plans/P-44.yaml hours/ruud.csv

# Bug: a declaration by period took every hour of two strippenkaarten for
# the first card's, since which card took an hour depends on the hours
# before the period, which it did not read: it said nothing where the
# first card ran out in the period, and where it ran out before, it named
# the first card and carried a later card's reference.
cat >plans/P-45.yaml <<'YAML'
version: 2
id: P-45
participant: {name: Ruud Bakker}
coach: robin
funder: werkgever
start: 2026-01-01
grants:
  - {from: 2026-01-01, kind: strippenkaart, hours: 2, ref: K-1}
  - {from: 2026-02-01, kind: strippenkaart, hours: 10, ref: K-2}
YAML
cat >hours/ruud.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-03-02,robin,P-45,,onsite,90,Op de eerste kaart
2026-08-03,robin,P-45,,onsite,60,De eerste kaart op
2026-09-01,robin,P-45,,onsite,60,Op de tweede kaart
CSV
chmod 600 plans/P-45.yaml hours/ruud.csv
run cp-report --declaration --plan P-45 --period 2026H2 -o text
status_is 0 "two strippenkaarten, the first used up in the period: declared"
err_has 'P-45: its hours in the period fall under 2 grants \(K-1, K-2\)' \
	"... with the warning that they fall under both cards"
check "... under the second's reference" grep -q '^Funder reference: *K-2$' out
check "... every hour of the period, whole" grep -q '^Total: *2:00$' out
# the first card used up before the period (and an hour before the plan)
cat >>plans/P-45.yaml <<'YAML'
  - {from: 2026-10-01, kind: strippenkaart, hours: 10, ref: K-3}
YAML
cat >hours/ruud.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2025-12-01,robin,P-45,,onsite,30,Voor het plan
2026-03-02,robin,P-45,,onsite,150,De eerste kaart op
2026-08-03,robin,P-45,,onsite,60,Op de tweede kaart
2026-11-02,robin,P-45,,onsite,60,Nog op de tweede kaart
CSV
run cp-report --declaration --plan P-45 --period 2026H2 -o text
status_is 0 "the first strippenkaart used up before the period: declared"
check "... quietly, its hours all the second card's" sh -c '! grep -q "fall under" err'
check "... under the second card's reference, not the third's" \
	grep -q '^Funder reference: *K-2$' out
check "... its hours in the period only" grep -q '^Total: *2:00$' out
check "... the hour before the plan not told" sh -c '! grep -q "outside" err'
run cp-report --declaration --funder werkgever --period 2026H2 -o cards
same cards/summary.csv /dev/stdin "... so says the batch's summary" <<'CSV'
plan,funder_ref,participant,minutes,onsite_minutes,remote_minutes,entries
P-45,K-2,Ruud Bakker,120,120,0,2
CSV
rm -r plans/P-45.yaml hours/ruud.csv cards

# Bug: a municipality that took over from UWV, with a new coach, got a
# declaration of the half year, and its logbook, naming UWV's coach too,
# who coached none of the days declared.
cat >plans/P-43.yaml <<'YAML'
version: 2
id: P-43
participant: {name: Ilse de Boer}
coach: kim
coaches:
  - {from: 2026-01-05, coach: robin}
  - {from: 2026-04-01, coach: kim}
funder: uwv
start: 2026-01-05
grants:
  - {from: 2026-01-05, to: 2026-03-31, hours: 20, ref: U-43}
  - {from: 2026-04-01, to: 2026-09-30, funder: gemeente, hours: 20, ref: G-43}
YAML
cat >hours/ilse.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-02-02,robin,P-43,,onsite,60,Bij UWV
2026-04-06,kim,P-43,,onsite,60,Bij de gemeente
CSV
chmod 600 plans/P-43.yaml hours/ilse.csv
run cp-report --declaration --plan P-43 --funder gemeente --period 2026H1
check "a municipality's declaration after a hand-over names its days' coach" \
	grep -q '^Coach: *kim$' out
run cp-report --logbook --declaration --funder gemeente --period 2026H1 -o ilse -o text
check "... so does the logbook beside it" grep -q '^Coach: *kim$' ilse/P-43_logbook.txt
run cp-report --declaration --plan P-43 --funder uwv --period 2026H1
check "... and UWV's its own" grep -q '^Coach: *robin$' out
rm -r plans/P-43.yaml hours/ilse.csv ilse

# ---- two strippenkaarten: each its own hours, the first ended when used up ----
# P-40's card and a second one from the same day; P-40's hours and a third.
sed 's/P-40/P-44/' plans/P-40.yaml >plans/P-44.yaml
echo '  - {from: 2026-03-01, kind: strippenkaart, hours: 10, ref: S-2}' >>plans/P-44.yaml
sed 's/P-40/P-44/' hours/bram.csv >hours/vos.csv
echo '2026-05-01,robin,P-44,,phone,45,Derde contact' >>hours/vos.csv
chmod 600 plans/P-44.yaml hours/vos.csv
# Bug: a strippenkaart used up was declared with "Grant: 2026-03-01.." and
# "To: -", not the day its last hour was used, as cp-report(1) says.
CP_TODAY=2026-06-01 run cp-report --declaration --plan P-44 --period grant
status_is 0 "the declarations of two strippenkaarten"
check "... the first ends on the day its last hour was used" \
	grep -q '^Plan P-44, Bram Vos, grant 2026-03-01\.\.2026-04-01$' out
check "... also as its To" grep -q '^To: *1 April 2026$' out
check "... the second, running, has no end yet" grep -q '^To: *-$' out
# Bug: two grants as CSV (or JSON, HTML, PDF) went to standard output as
# two documents one after the other, a header each and nothing to tell the
# grants apart; as for the declarations of many plans, that takes -o DIR.
for f in csv excel json html pdf; do
	refuses 64 'declarations of 2 grants .*-o DIR' "two grants as $f to standard output" \
		env CP_TODAY=2026-06-01 cp-report --declaration --plan P-44 --period grant -o $f
	check "... nothing written" test ! -s out
done
CP_TODAY=2026-06-01 run cp-report --declaration --plan P-44 --period grant -o json -o p44
status_is 0 "two grants as JSON into a directory"
check "... the end in JSON too" grep -q '"period_to": "2026-04-01"' p44/P-44_2026-03-01.json
check "... with its summary" grep -q '^P-44,S-1,' p44/summary.csv
rm -r p44
CP_TODAY=2026-06-01 run cp-report --declaration --plan P-44 --period grant -o md
status_is 0 "two grants as Markdown, one after the other"
# The end is the declaration's, not the text renderer's: every format has
# it (the month it ran out in declares the first card alone).
card() { CP_TODAY=2026-06-01 cp-report --declaration --plan P-44 --period 2026-04 --per-grant "$@"; }
card -o md >card.md 2>/dev/null
check "... in Markdown" grep -q '^- \*\*To:\*\* 1 April 2026$' card.md
card -o html >card.html 2>/dev/null
check "... in HTML" grep -q '<th scope="row">Grant</th><td>2026-03-01\.\.2026-04-01</td>' card.html
if card -o pdf >card.pdf 2>pdf.err && command -v pdftotext >/dev/null; then
	pdftotext -layout card.pdf card.txt
	check "... in PDF" sh -c 'grep -Eq "^ *Grant +2026-03-01\.\.2026-04-01$" card.txt &&
		grep -Eq "^ *To +1 April 2026$" card.txt'
else
	ok "... in PDF # skip no cairo and pango, or no pdftotext"
fi
mkdir -p cards && CP_TODAY=2026-06-01 run cp-report --declaration --funder werkgever \
	--period grant -o cards
check "... and in summary.csv" grep -q '^P-44,S-1,.*,2026-03-01,2026-04-01,' cards/summary.csv
# Bug: the logbook of one strippenkaart took every hour on its days, so the
# first card's logbook showed the hours the second card paid for.
CP_TODAY=2026-06-01 run cp-report --logbook --plan P-44 --grant S-1 -o csv
status_is 0 "the logbook of the first strippenkaart"
check "... holds the hours it paid for, the last entry up to what was left" \
	sh -c 'grep -q "^2026-03-02,.*,90," out && grep -q "^2026-04-01,.*,30," out'
check "... and none of the second card's" sh -c '! grep -q "^2026-05-01" out'
CP_TODAY=2026-06-01 run cp-report --logbook --plan P-44 --grant S-1
check "... its period ends on the day it was used up" grep -q '^To: *1 April 2026$' out
CP_TODAY=2026-06-01 cp-report --declaration --funder werkgever --period grant --logbook \
	-o cards -o text --force 2>/dev/null
check "... the same logbook as the one beside its declaration" \
	cmp -s out cards/P-44_2026-03-01_logbook.txt
CP_TODAY=2026-06-01 run cp-report --logbook --plan P-44 --grant S-2 -o csv
check "the second card's logbook starts where the first ran out" \
	sh -c 'grep -q "^2026-04-01,.*,30," out && grep -q "^2026-05-01,.*,45," out &&
	! grep -q "^2026-03-02" out'
rm -r cards plans/P-44.yaml hours/vos.csv

# ---- a plan closed before its grants ended: they end with it ----
# Bug: a plan closed on 15 May with a grant to 1 August was declared per
# grant only in the half year of 1 August, and a strippenkaart of a closed
# plan not used up never: the hours of coaching that had ended waited for
# a grant that would not run out.
cat >plans/P-50.yaml <<'YAML'
version: 2
id: P-50
participant: {name: Kees Smit}
coach: robin
funder: uwv
start: 2026-02-02
end: 2026-05-15
grants:
  - {from: 2026-02-02, to: 2026-08-01, ref: B-50, hours: 20}
status: closed
YAML
cat >plans/P-51.yaml <<'YAML'
version: 2
id: P-51
participant: {name: Ilse Kok}
coach: robin
funder: werkgever
start: 2026-03-02
end: 2026-04-30
grants:
  - {from: 2026-03-02, kind: strippenkaart, hours: 10, ref: S-51}
status: closed
YAML
cat >hours/kees.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-02-10,robin,P-50,,onsite,120,Kennismaking
2026-05-12,robin,P-50,,phone,60,Afronding
2026-03-03,robin,P-51,,onsite,90,Eerste bezoek
CSV
chmod 600 plans/P-50.yaml plans/P-51.yaml hours/kees.csv
run cp-report --declaration --plan P-50 --period 2026H1 --per-grant
status_is 0 "a grant of a plan closed before the grant's end"
check "... is declared in the period the plan closed in" \
	grep -q '^Plan P-50, Kees Smit, grant 2026-02-02\.\.2026-05-15$' out
check "... up to the plan's last day" grep -q '^To: *15 May 2026$' out
run cp-report --declaration --plan P-50 --period 2026H2 --per-grant
check "... and not again when the grant would have ended" test ! -s out
run cp-report --declaration --plan P-51 --period 2026-04 --per-grant -o csv
out_is "date,goal,note,mode,minutes
2026-03-03,,Eerste bezoek,onsite,90" "a strippenkaart of a closed plan is declared when the plan closed"
# Bug: cp-hours --budget and the report's budget table gave such a grant
# its own last day, where its declaration gives the plan's.
cp-hours --budget --period 2026 -o csv >closed.csv
check "--budget: a closed plan's grant ends with the plan, as its declaration says" \
	grep -q '^P-50,Kees Smit,B-50,standard,uwv,2026-02-02,2026-05-15,' closed.csv
check "... a strippenkaart of a closed plan too" \
	grep -q '^P-51,Ilse Kok,S-51,strippenkaart,werkgever,2026-03-02,2026-04-30,' closed.csv
run cp-report --plan P-50 --period 2026H1
check "... and in the accountability report" grep -Eq '^B-50 .* 2026-02-02  2026-05-15 ' out
run cp-report --logbook --plan P-50 --grant B-50
check "... and its logbook ends with the plan too" grep -q '^To: *15 May 2026$' out
rm plans/P-50.yaml plans/P-51.yaml hours/kees.csv

# ---- a version 1 plan: its budget periods are its grants ----
cat >plans/P-10.yaml <<'YAML'
id: P-10
participant: {name: Anna Bos}
coach: robin
funder: uwv
funder_ref: "2025-000999"
start: 2026-01-05
budget: {hours: 10, per: 3m}
YAML
cat >hours/anna.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-01-06,robin,P-10,,onsite,60,Start
2026-04-04,robin,P-10,,onsite,30,Laatste dag van de periode
2026-04-05,robin,P-10,,phone,15,Eerste dag van de volgende
CSV
chmod 600 plans/P-10.yaml hours/anna.csv
run cp-report --declaration --plan P-10 --period 2026H1 --per-grant -o v1 -o csv
status_is 0 "a version 1 plan, per grant"
same v1/summary.csv /dev/stdin "... one declaration per budget period that ends in the period" <<'CSV'
plan,ref,participant,kind,funder,from,to,granted_minutes,used_minutes,over_minutes,onsite_minutes,remote_minutes,entries
P-10,2025-000999,Anna Bos,standard,uwv,2026-01-05,2026-04-04,600,90,0,90,0,2
CSV
run cp-report --declaration --plan P-10 --period 2026H1 -o csv
out_is "date,goal,note,mode,minutes
2026-01-06,,Start,onsite,60
2026-04-04,,Laatste dag van de periode,onsite,30
2026-04-05,,Eerste dag van de volgende,phone,15" "... and without --per-grant, by the period as before"

# ---- privacy and refusals ----
run cp-report --declaration --plan P-30 --period 2026H2 --per-grant --pseudonymize -o text
check "--pseudonymize: the participant's name nowhere, the closing evaluation's text included" \
	sh -c '! grep -q "Sanne\|Jong" out'
refuses 64 '--per-grant and --period grant go with --declaration' "--per-grant alone" \
	cp-report --plan P-30 --per-grant
refuses 64 '--per-grant and --period grant go with --declaration' "--period grant alone" \
	cp-report --plan P-30 --period grant

# ---- a period's declaration: the funder of each hour's grant ----
# UWV's grant, then the municipality's; an hour forced past the last.
cat >plans/P-60.yaml <<'YAML'
version: 2
id: P-60
participant:
  name: Mila Kaya
coach: robin
funder: uwv
start: 2026-01-05
goals:
  - {id: G1, text: Zelfstandig plannen}
grants:
  - {from: 2026-01-05, to: 2026-03-31, ref: U-1, hours: 10}
  - {from: 2026-04-01, to: 2026-06-30, funder: gemeente, ref: G-1, hours: 10}
YAML
cat >hours/mila.csv <<'CSV'
date,coach,plan,goal,mode,minutes,note
2026-03-02,robin,P-60,G1,onsite,60,Onder UWV
2026-05-04,robin,P-60,G1,onsite,45,Onder de gemeente
2026-07-06,robin,P-60,G1,phone,30,Na de laatste beschikking
CSV
chmod 600 plans/P-60.yaml hours/mila.csv
refuses 64 'P-60: its hours in the period fall under the grants of more than one funder \(UWV, municipality\)' \
	"--plan without --funder, hours under two funders' grants: refused, not one mixed declaration" \
	cp-report --declaration --plan P-60 --period 2026H1 -o csv
run cp-report --declaration --plan P-60 --period 2026-05 -o text
check "... one funder's hours: the declaration is to that funder" grep -q 'Funder: *municipality' out
check "... with its grant's reference" grep -q 'reference: *G-1' out
run cp-report --declaration --plan P-60 --funder gemeente --period 2026H1 -o csv
out_is "date,goal,note,mode,minutes
2026-05-04,G1,Onder de gemeente,onsite,45" "--funder names whose hours are declared"
run cp-report --declaration --plan P-60 --period 2026-07 -o csv
out_is "date,goal,note,mode,minutes" "--plan alone, only ungranted hours in the period: none declared"
err_has 'P-60: 1 entry \(0:30\) lies on a day no grant of the plan holds' "... and said"
run cp-report --declaration --funder uwv --period 2026 -o y2026
status_is 0 "a batch over a year with an hour no grant holds"
same y2026/summary.csv /dev/stdin "... declares UWV's hour only, not the ungranted one under U-1" <<'CSV'
plan,funder_ref,participant,minutes,onsite_minutes,remote_minutes,entries
P-10,2025-000999,Anna Bos,105,90,15,3
P-30,2026-000222,Sanne de Jong,405,360,45,6
P-60,U-1,Mila Kaya,60,60,0,1
CSV
err_has 'P-60: 1 entry \(0:30\) lies on a day no grant of the plan holds; it is in no declaration' \
	"... and says the ungranted hour is in no declaration"
# A grant that ends in the period but after today has hours to come.
CP_TODAY=2026-06-15 run cp-report --declaration --plan P-60 --funder gemeente --period 2026H1 \
	--per-grant -o csv
check "--per-grant: a grant that has not ended yet is not declared" test ! -s out
err_has 'P-60: the grant of 2026-04-01..2026-06-30 has not ended yet: it is declared once it has' \
	"... and says when it will be"
CP_TODAY=2026-06-30 run cp-report --declaration --plan P-60 --funder gemeente --period 2026H1 \
	--per-grant -o csv
check "... nor on its last day, whose hours may still come" test ! -s out
CP_TODAY=2026-06-15 run cp-report --declaration --plan P-60 --funder gemeente --period 2026-04.. \
	--per-grant -o csv
check "... nor in a period open at its end" test ! -s out
CP_TODAY=2026-07-01 run cp-report --declaration --plan P-60 --funder gemeente --period 2026H1 \
	--per-grant -o csv
check "... once it has ended, it is" grep -q 'Onder de gemeente' out

done_testing
