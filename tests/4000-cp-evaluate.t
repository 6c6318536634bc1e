#!/bin/sh
# cp-evaluate: what is due, evaluations recorded in hand-written plans
# without touching anything else, refusals, and the calendar feed.
. "$(dirname "$0")/lib.sh"
G=$TOP/tests/golden/evaluate

# ---- --record on every layout in tests/golden/evaluate ----
# NAME.yaml is the plan before, NAME.expected after; NAME.args holds the
# arguments one a line (default: one evaluation with G1 achieved).

# A file's lines, the last one ended even where the file does not end it.
terminated() { cat "$1"; [ -z "$(tail -c 1 "$1")" ] || echo; }
# Only lines that hold a value the evaluation changes are replaced; every
# other line of the plan stays (new lines may be added between them).
only_intended() {
	terminated "$1" >before.tmp
	terminated "$2" >after.tmp
	! diff before.tmp after.tmp | grep '^<' | grep -Ev "(next|status|end|evaluations?)[\"']?:"
}

mkdir plans
for before in "$G"/*.yaml; do
	name=$(basename "$before" .yaml)
	cp "$before" plans/
	if [ -f "$G/$name.args" ]; then
		set --
		while IFS= read -r a; do set -- "$@" "$a"; done <"$G/$name.args"
	else
		set -- --date 2026-11-20 --summary "Kassa gaat zelfstandig; uren naar 20." --goal G1=achieved
	fi
	run cp-evaluate --record "$name" "$@"
	status_is 0 "$name: recorded"
	check "$name: quiet on success" test ! -s out -a ! -s err
	same "plans/$name.yaml" "$G/$name.expected" "$name: the plan as expected"
	check "$name: only the lines with changed values are replaced" only_intended "$before" "plans/$name.yaml"
done
check "at least 15 layouts" test "$(ls "$G"/*.yaml | wc -l)" -ge 15
rm -rf plans

# ---- a caseload to work in ----
mkdir plans
# plan ID FUNDER START NEXT [MORE YAML LINES...]
plan() {
	id=$1 funder=$2 start=$3 next=$4
	shift 4
	{
		printf 'version: 1\nid: %s\nparticipant:\n  name: Naam %s\ncoach: robin\n' "$id" "$id"
		printf 'funder: %s\nstart: %s\nevaluation:\n  every: 6m\n  next: %s\n' "$funder" "$start" "$next"
		printf 'goals:\n  - id: G1\n    text: Kassa\n    status: open\n'
		for line in "$@"; do printf '%s\n' "$line"; done
	} >"plans/$id.yaml"
}

plan A-today uwv 2026-01-05 2026-11-23
run cp-evaluate
status_is 0 "due today is not overdue: exit 0"
out_is "date,plan,participant,coach,what,days,note
2026-11-23,A-today,Naam A-today,robin,evaluation,0,due today" "CSV in a pipe, days 0"

plan B-late uwv 2026-01-05 2026-11-22
plan C-soon gemeente 2026-03-01 2026-12-07
plan D-later gemeente 2026-03-01 2026-12-08
plan E-closed uwv 2026-01-05 2026-01-01 "status: closed"
plan F-paused uwv 2024-02-01 2026-01-01 "status: paused"
plan H-ended gemeente 2025-01-01 2027-06-01 "end: 2026-11-01"
plan I-done werkgever 2026-01-05 2027-03-01 "evaluations:" "  - date: 2026-10-01" \
	"    summary: Klaar" "status: active"
sed -i 's/status: open/status: achieved/' plans/I-done.yaml
run cp-evaluate --due
status_is 1 "one day overdue: exit 1"
out_is "date,plan,participant,coach,what,days,note
2026-10-01,I-done,Naam I-done,robin,phase-out,-53,all goals reached: phase out the coaching (afbouwen)
2026-11-01,H-ended,Naam H-ended,robin,end,-22,plan end passed 22 days ago: close or extend the plan
2026-11-22,B-late,Naam B-late,robin,evaluation,-1,1 day overdue
2026-11-23,A-today,Naam A-today,robin,evaluation,0,due today
2026-12-07,C-soon,Naam C-soon,robin,evaluation,14,due in 14 days
2027-01-31,F-paused,Naam F-paused,robin,end,69,UWV 3-year limit in 69 days" \
	"sorted by date; window 2w inclusive; closed never, paused only its end; UWV limit; phase-out"

run cp-evaluate --within 0d
check "--within 0d: only today and before" test "$(grep -c ',evaluation,' out)" -eq 2
run cp-evaluate --within 15
check "--within 15 (days): the 15th day is in" grep -q '^2026-12-08,D-later,' out
run cp-evaluate --within 0 --on 2026-11-21
status_is 0 "--on: seen from an earlier day nothing is overdue"
run cp-evaluate -o json --within 0d plans/B-late.yaml
out_is '[
  {"date": "2026-11-22", "plan": "B-late", "participant": "Naam B-late", "coach": "robin", "what": "evaluation", "days": -1, "note": "1 day overdue"}
]' "-o json, days a number; a plan file named"
run cp-evaluate -o table --within 0d plans/A-today.yaml
out_is "date        plan     participant   coach  what        days  note
---------------------------------------------------------------------
2026-11-23  A-today  Naam A-today  robin  evaluation     0  due today" "-o table"
run cp-evaluate -o table plans/D-later.yaml --within 0
status_is 0 "nothing due: exit 0"
check "nothing due: a table prints nothing" test ! -s out
run cp-evaluate --coach ahmed
out_is "date,plan,participant,coach,what,days,note" "--coach: only that coach's plans"
run cp-evaluate --coach robni
err_has "^cp-evaluate: warning: --coach robni: no plan has this coach" \
	"--coach of no plan: said, not only an empty list that reads as nothing due"
run cp-evaluate --coach robin --within 0
check "--coach of a plan: no warning" test ! -s err

# leap day and month ends
plan L-leap uwv 2027-09-01 2028-02-29
run cp-evaluate --on 2028-02-29 --within 0 plans/L-leap.yaml
status_is 0 "leap day: due on 2028-02-29"
check "leap day: days 0" grep -q '^2028-02-29,L-leap,.*,0,due today$' out
run cp-evaluate --on 2028-03-01 --within 0 plans/L-leap.yaml
status_is 1 "leap day: overdue on 2028-03-01"
run cp-evaluate --on 2028-02-28 --within 1 plans/L-leap.yaml
check "leap day: due in 1 day from the 28th" grep -q ',1,due in 1 day$' out
run env CP_TODAY=2028-03-01 cp-evaluate --record L-leap --date 2028-02-29 --summary Schrikkeldag
check "recorded on a leap day, next 6 months on" grep -q '^  next: 2028-08-29$' plans/L-leap.yaml
sed -i 's/every: 6m/every: 1y/' plans/L-leap.yaml
run env CP_TODAY=2028-03-01 cp-evaluate --record L-leap --date 2028-02-29 --summary Nogmaals
check "a year after a leap day is the 28th" grep -q '^  next: 2029-02-28$' plans/L-leap.yaml
plan M-month gemeente 2026-01-01 2026-01-31
sed -i 's/every: 6m/every: 1m/' plans/M-month.yaml
run cp-evaluate --record M-month --date 2026-01-31 --summary Januari
check "a month after the 31st is the month's last day" grep -q '^  next: 2026-02-28$' plans/M-month.yaml
run cp-evaluate --on 2026-01-31 --within 1m plans/M-month.yaml -o csv
check "--within 1m from the 31st reaches the 28th" grep -q '^2026-02-28,M-month,' out

# quiet plans, from the hour sheets
mkdir hours
cp-log --plan A-today --mode phone -d 2026-11-20 30 >/dev/null
cp-log --plan B-late --mode phone -d 2026-11-09 30 >/dev/null
run cp-evaluate --quiet-since 14d --within 0 plans/A-today.yaml plans/B-late.yaml plans/C-soon.yaml
check "quiet: 14 days after the last contact" grep -q '^2026-11-23,B-late,.*,quiet,0,no contact logged since 2026-11-09$' out
check "quiet: a recent contact is not quiet" test "$(grep -c 'A-today,.*quiet' out)" -eq 0
check "quiet: never a contact, counted from the start" grep -q '^2026-03-15,C-soon,.*,quiet,-253,no contact logged since the start$' out
run cp-evaluate -f hours/robin.csv --quiet-since 2w --within 0 plans/B-late.yaml
check "quiet: -f SHEET and weeks" grep -q 'B-late,.*,quiet,' out
run cp-evaluate --quiet-since 3w --within 0 plans/B-late.yaml hours/robin.csv
check "quiet: a sheet as an argument" test "$(grep -c quiet out)" -eq 0
printf 'pauses:\n  - {from: 2026-11-10, to: 2026-11-16}\n' >>plans/B-late.yaml
run cp-evaluate --quiet-since 14d --within 0 plans/B-late.yaml
check "quiet: the days of a pause are not quiet" test "$(grep -c quiet out)" -eq 0
run cp-evaluate --quiet-since 7d --within 0 plans/B-late.yaml
check "... the days after it count, from its last" \
	grep -q '^2026-11-23,B-late,.*,quiet,0,no contact logged since the pause that ended on 2026-11-16$' out
sed -i '/^pauses:/,$d' plans/B-late.yaml
# a sheet that cannot be read holds contacts nobody knows: a plan listed
# as quiet for it would send the coach after a participant seen last week
run cp-evaluate --quiet-since 14d --within 0 -o csv plans/A-today.yaml hours/robbin.csv
status_is 66 "quiet: a sheet that cannot be opened is an error"
check "... and no plan is called quiet without it" test "$(grep -c quiet out)" -eq 0
check "... while the rest is still listed" grep -q '^[0-9-]*,A-today,.*,evaluation,' out

# exit statuses
refuses 64 '--within "2x"' "a bad window" cp-evaluate --within 2x
refuses 64 '--quiet-since "0"' "a zero quiet period" cp-evaluate --quiet-since 0
refuses 64 'no such day' "a bad --on" cp-evaluate --on 2026-02-30
refuses 64 'one at a time' "two modes" cp-evaluate --due --ics
refuses 66 'nowhere' "no plans directory" cp-evaluate -p nowhere
printf 'id: X-broken\nid: X-broken\n' >plans/X-broken.yaml
run cp-evaluate --within 0d
status_is 65 "a broken plan: exit 65"
check "a broken plan is reported with its position" grep -q '^cp-evaluate: plans/X-broken.yaml:2:1: duplicate key "id"' err
check "a broken plan: the others are still listed" grep -q '^2026-11-22,B-late,' out
rm plans/X-broken.yaml

# ---- --record: what is checked first, and refusals that change nothing ----
# Bug: -f and -o with --record were taken and left unused, so a user
# who meant them for something got nothing and no word why
refuses 64 '--record and -f/--file clash' "-f with --record" \
	cp-evaluate --record A-today --summary x -f hours/robin.csv
refuses 64 '--record and -o/--output \(or --excel\) clash' "-o with --record" \
	cp-evaluate --record A-today --summary x -n -o json
refuses 64 '--record and -o/--output \(or --excel\) clash' "--excel with --record" \
	cp-evaluate --record A-today --summary x --excel
refuses 64 '--ics and -o/--output \(or --excel\) clash: --ics has no list' "-o with --ics" \
	cp-evaluate --ics -o json
refuses 64 '--ics and -f/--file clash' "-f with --ics" cp-evaluate --ics -f hours/robin.csv
# Bug: --within, --quiet-since and a sheet named with --ics were taken and
# left unused: the feed holds every date to come and reads no sheet
refuses 64 '--ics takes no --within, --quiet-since or hour sheet' "--within with --ics" \
	cp-evaluate --ics --within 3w
refuses 64 '--ics takes no --within, --quiet-since or hour sheet' "--quiet-since with --ics" \
	cp-evaluate --ics -q 14
refuses 64 '--ics takes no --within, --quiet-since or hour sheet' "a sheet with --ics" \
	cp-evaluate --ics hours/robin.csv
refuses 64 '--ics takes no --within, --quiet-since or hour sheet' "a sheets directory with --ics" \
	cp-evaluate --ics hours
run cp-evaluate --ics .
status_is 0 "... but a caseload named with --ics: its hours/ is no sheet named"
refuses 65 'the plan has no goal "G9"' "an unknown goal" \
	cp-evaluate --record A-today --summary x --goal G9=achieved
err_has 'hint: the goals of A-today are G1$' "... and the hint names the goals there are"
# Bug: a goal was judged at an evaluation held before the day it was set
# (cp-log refuses its hours then): the date typed wrong, most likely
plan G-late uwv 2026-01-05 2026-07-05 '  - id: G2' '    text: Later' '    status: open' \
	'    from: 2026-09-01'
refuses 65 'goal G2 was set on 2026-09-01, after the evaluation of 2026-08-01' \
	"a goal judged before it was set" \
	cp-evaluate --record G-late --summary x --date 2026-08-01 --goal G2=achieved
err_has 'hint: check the date of the evaluation, or leave G2 out' "... and what to do"
run cp-evaluate --record G-late --summary x --date 2026-09-01 --goal G2=achieved
status_is 0 "... judged on the day it was set, it is recorded"
rm plans/G-late.yaml
run cp-evaluate -n --record A-today --summary x --date 2026-11-20 --close --end 2029-03-01
status_is 0 "--close --end past UWV's 3-year limit"
err_has "warning: A-today: the plan ends after 2029-01-04, its funder's limit" \
	"... warns of it, as cp-plan --close does"
refuses 64 'unknown goal status "done"' "an unknown goal status" \
	cp-evaluate --record A-today --summary x --goal G1=done
refuses 64 'G1=achieved' "a goal without status" cp-evaluate --record A-today --summary x --goal G1
refuses 64 'given twice' "a goal twice" \
	cp-evaluate --record A-today --summary x --goal G1=open --goal G1=achieved
refuses 64 'no such day' "a date that does not exist" \
	cp-evaluate --record A-today --summary x --date 2026-02-29
refuses 65 'in the future' "a date in the future" \
	cp-evaluate --record A-today --summary x --date 2026-11-24
refuses 65 'before the plan starts' "a date before the start" \
	cp-evaluate --record A-today --summary x --date 2025-12-31
refuses 65 'last evaluation is later, on 2026-10-01' "a closing evaluation before the last one" \
	cp-evaluate --record I-done --summary x --date 2026-09-30 --close
err_has 'hint: a closing evaluation is the plan.s last' "... says why"
refuses 65 'last evaluation is later, on 2026-10-01' "--next with an evaluation before the last" \
	cp-evaluate --record I-done --summary x --date 2026-09-30 --next 2027-01-01
# An evaluation recorded late goes in its place; the goals the later one
# found, and its next date, stand.
cat >plans/L-late.yaml <<'YAML'
id: L-late
participant: {name: Naam L-late}
funder: uwv
start: 2026-01-05
evaluation: {every: 3m, next: 2027-01-01}
goals:
  - {id: G1, text: Kassa, status: achieved}
  - {id: G2, text: Rooster, status: open}
evaluations:
  - date: 2026-04-01
    summary: Eerste
  # the one at the shop
  - date: 2026-10-01
    summary: Tweede
    goals: {G1: achieved}
YAML
cp plans/L-late.yaml want
run cp-evaluate --record L-late --date 2026-07-01 --summary Vergeten --goal G1=open --goal G2=achieved
status_is 0 "an evaluation held before the last one, recorded late"
err_has 'warning: plans/L-late.yaml: goal G1 keeps the status the evaluation of 2026-10-01 found: achieved$' \
	"... names the goal a later evaluation found something of"
sed -i -e 's/G2, text: Rooster, status: open/G2, text: Rooster, status: achieved/' \
	-e 's/^  # the one at the shop/  - date: 2026-07-01\n    summary: Vergeten\n    goals: {G1: open, G2: achieved}\n&/' want
same plans/L-late.yaml want "... goes in its place, above the comment over the next; G2 set, G1 and next as they were"
refuses 64 'after the evaluation' "--next before --date" \
	cp-evaluate --record A-today --summary x --date 2026-11-20 --next 2026-11-20
# Bug: a day typed without its year is the nearest such day, which for
# the next evaluation, half a year ahead, may be the one just gone: refused
run env CP_TODAY=2026-11-23 cp-evaluate -n --record A-today --summary x --date 2026-11-20 --next 25-5
status_is 0 "--next 25-5, half a year ahead"
check "... is next year's 25 May" grep -qx '+  next: 2027-05-25' out
run env CP_TODAY=2026-11-23 cp-evaluate -n --record A-today --summary x --date 2026-11-20 \
	--next '25 mei'
check "... and so is 25 mei" grep -qx '+  next: 2027-05-25' out
refuses 64 'after the evaluation' "a yearless --next ahead stays as typed, refused if on the date" \
	env CP_TODAY=2026-11-23 cp-evaluate --record A-today --summary x --date 2026-11-20 --next 20-11-2026
refuses 65 'plan E-closed is closed' "a closed plan" cp-evaluate --record E-closed --summary x
err_has 'hint: cp-plan E-closed --resume --end DATE opens it again' "... and the way to open it"
refuses 66 'no such plan' "a plan that does not exist" cp-evaluate --record P-9 --summary x
refuses 66 'e-closed.yaml: no such plan' "a plan id in lower case" cp-evaluate --record e-closed --summary x
err_has 'hint: did you mean E-closed\?' "... and the plan it meant named"
refuses 64 'evaluation as --date, not --on' "--on for the day of an evaluation" \
	cp-evaluate --record A-today --summary x --on 2026-11-30
refuses 64 'takes no plans, --on' "--on beside --date" \
	cp-evaluate --record A-today --summary x --date 2026-11-30 --on 2026-11-30
refuses 64 'bad plan id' "a bad plan id" cp-evaluate --record 'a b' --summary x
refuses 64 'needs --summary' "no summary" cp-evaluate --record A-today
refuses 64 'control characters' "a summary with a line break" \
	cp-evaluate --record A-today --summary "$(printf 'a\nb')"
refuses 64 'go with --record' "--goal without --record" cp-evaluate --goal G1=achieved
refuses 64 '--next or --close' "--next with --close" \
	cp-evaluate --record A-today --summary x --close --next 2027-01-01

# constructs that cannot be edited safely: refused, the file unchanged
base='version: 1
participant: {name: X}
start: 2026-01-05
goals:
  - id: G1
    text: Kassa'
printf '%s\nid: R-alias\nold: &evs []\nevaluations: *evs\n' "$base" >plans/R-alias.yaml
refuses 65 'R-alias.yaml:9:14: cannot change this value safely: it is an alias' "evaluations: *alias" \
	cp-evaluate --record R-alias --summary x
printf '%s\nid: R-anchor\nevaluation: &ev {every: 6m, next: 2026-07-05}\nx-copy: *ev\n' "$base" >plans/R-anchor.yaml
refuses 65 'cannot change this value safely: .*anchor' "evaluation: anchored and aliased" \
	cp-evaluate --record R-anchor --summary x
printf '%s\nid: R-tag\nevaluations: !!seq []\n' "$base" >plans/R-tag.yaml
refuses 65 'cannot change this value safely: it has a YAML tag' "a tagged list" \
	cp-evaluate --record R-tag --summary x
printf 'version: 1\nid: R-goal\nparticipant: {name: X}\nstart: 2026-01-05\ngoals:\n  - &g1 {id: G1, text: Kassa}\nx-first: *g1\n' >plans/R-goal.yaml
refuses 65 'cannot change this value safely' "a goal other values refer to" \
	cp-evaluate --record R-goal --summary x --goal G1=achieved
printf '%s\nid: R-docs\n---\nid: R-docs\n' "$base" >plans/R-docs.yaml
refuses 65 'a second document is not allowed' "two documents in one file" \
	cp-evaluate --record R-docs --summary x
printf '%s\nid: R-text\nevaluations: none yet\n' "$base" >plans/R-text.yaml
refuses 65 'evaluations must be a list' "evaluations: a text" cp-evaluate --record R-text --summary x
rm plans/R-*.yaml

# --dry-run, a plan named by its path, mode kept, concurrent coaches
cp plans/A-today.yaml a.bak
run cp-evaluate --record plans/A-today.yaml --summary "Proef" -n
status_is 0 "--dry-run"
same plans/A-today.yaml a.bak "--dry-run writes nothing"
check "--dry-run shows the change as a diff" grep -q '^+    summary: Proef$' out
check "... of the plan, as git names it" grep -q '^--- a/plans/A-today.yaml$' out
check "... that patch(1) applies" sh -c 'patch -s -o patched plans/A-today.yaml <out &&
	cp-evaluate --record A-today --summary Proef &&
	cmp patched plans/A-today.yaml && cp a.bak plans/A-today.yaml'
chmod 640 plans/A-today.yaml
run cp-evaluate --record A-today --summary "Eerste"
check "the plan's mode is kept" test "$(stat -c %a plans/A-today.yaml)" = 640
check "no temporary file left" test -z "$(ls -A plans | grep cptmp)"
for i in 1 2 3 4 5 6; do
	cp-evaluate --record A-today --summary "Tegelijk $i" 2>>concurrent.err &
done
wait
check "six coaches at once: six evaluations land" test "$(grep -c 'summary: Tegelijk' plans/A-today.yaml)" -eq 6
check "six coaches at once: no errors" test ! -s concurrent.err
run cp-evaluate --within 0d plans/A-today.yaml
status_is 0 "six coaches at once: the plan reads back"
refuses 65 'the plan has this evaluation of .* already' "the same evaluation recorded twice" \
	cp-evaluate --record A-today --summary "Tegelijk 3"
err_has '^ hint: to change it, edit the plan' "... and how to change it"
run cp-evaluate --record A-today --summary Afsluiten --close --date 2026-11-23
check "--close: status closed" grep -q '^status: closed$' plans/A-today.yaml
check "--close: the UWV plan gets its end" grep -q '^end: 2026-11-23$' plans/A-today.yaml
run cp-evaluate plans/A-today.yaml
out_is "date,plan,participant,coach,what,days,note" "--close: a closed plan is not listed"

# ---- a plan whose last line is an empty "end:" with no line break ----
# fuzz-edit found the closing value written after the new lines there
printf 'id: R-eof\nparticipant:\n  name: X\ncoach: robin\nfunder: gemeente\nstart: 2026-01-05\nevaluation:\n  every: 3m\n  next: 2026-04-05\nend:' >plans/R-eof.yaml
run cp-evaluate --record R-eof --date 2026-11-20 --summary klaar --close
status_is 0 "--close on a plan ending in an empty end: without a line break"
check "the end date is the value of end:" grep -qx 'end: 2026-11-20' plans/R-eof.yaml
check "status: closed on a line of its own" grep -qx 'status: closed' plans/R-eof.yaml
rm -f plans/R-eof.yaml

# ---- a paused plan closed: its pause stays, so that its days take no hours ----
plan P-rust gemeente 2026-01-05 2026-12-01
printf 'status: paused\npaused: 2026-11-02\n' >>plans/P-rust.yaml
run cp-evaluate --record P-rust --date 2026-11-20 --summary "Gestopt" --close
status_is 0 "--close of a paused plan"
check "... its pause is kept, up to the end" grep -qx '  - {from: 2026-11-02, to: 2026-11-20}' plans/P-rust.yaml
check "... the day it began goes" sh -c '! grep -q "^paused:" plans/P-rust.yaml'
refuses 65 "plan P-rust was paused from 2026-11-02 to 2026-11-20" "... cp-log takes no hours on its days" \
	cp-log -n --plan P-rust --mode phone -d 2026-11-10 30
run cp-log -n --plan P-rust --mode phone -d 2026-10-30 30
status_is 0 "... but those before it"
rm -f plans/P-rust.yaml

# Bug: --close with the evaluation's day as the end, before hours logged
# after it, wrote an end that left those hours out of every report.
plan P-laat gemeente 2026-01-05 2026-12-01
mkdir aside && mv hours/*.csv aside/ 2>/dev/null
printf 'date,coach,plan,goal,mode,minutes,note\n2026-11-18,robin,P-laat,,phone,45,Bellen\n' >hours/robin.csv
refuses 65 "hours/robin.csv:2:1: 0:45 logged on 2026-11-18, after the day plan P-laat would end \\(2026-11-16\\)" \
	"--close on a day before an hour logged" \
	cp-evaluate --record P-laat --date 2026-11-16 --summary Gestopt --close
err_has "P-laat: 1 entry \\(0:45\\) would lie after the plan's end; end it on 2026-11-18 or later" \
	"... and what to do"
run cp-evaluate --record P-laat --date 2026-11-16 --summary Gestopt --close --end 2026-11-18
status_is 0 "... --end on the day of that hour: closed"
rm -f plans/P-laat.yaml hours/robin.csv && mv aside/* hours/ 2>/dev/null; rmdir aside

# ---- --ics ----
rm -f plans/*.yaml
plan K-cal uwv 2024-01-05 2026-12-01
cat >plans/K-long.yaml <<'EOF'
version: 1
id: K-long
participant:
  name: "Zoë van 't Hek-Yılmaz; Çelik, de \\ Groot-Ünal-Brouwer van den Berg-Ærø"
funder: gemeente
start: 2026-03-01
end: 2027-02-28
evaluation: {every: 3m, next: 2026-12-15}
status: paused
EOF
run cp-evaluate --ics
status_is 0 "--ics"
same out "$TOP/tests/golden/evaluate.ics" "--ics: the feed as expected, byte for byte"
check "--ics: every line ends in CRLF" test "$(grep -c "$(printf '\r')\$" out)" -eq "$(wc -l <out)"
check "--ics: no line longer than 75 octets" test -z "$(LC_ALL=C awk 'length($0) > 76' out)"
check "--ics: folded on character boundaries" test -z "$(LC_ALL=C.UTF-8 grep -axv '.*' out)"
run cp-evaluate --ics --coach nobody
check "--ics --coach: an empty calendar" test "$(grep -c VEVENT out)" -eq 0
# no plans read at all: no header, and no empty feed to empty a calendar with
for mode in --due --ics; do
	run cp-evaluate $mode -p nowhere
	status_is 66 "$mode without a plans directory"
	check "... writes nothing on standard output" test ! -s out
done
# plans were read, though none is this coach's and one is broken: the table
# and the feed are written, and the broken plan is reported
printf 'id: [\n' >plans/Z-broken.yaml
for mode in --due --ics; do
	run cp-evaluate $mode --coach nobody
	status_is 65 "$mode --coach nobody with a broken plan"
	check "... still writes the table or feed" test -s out
done
rm plans/Z-broken.yaml

# ---- the Monday morning of the issue, with git ----
if command -v git >/dev/null 2>&1; then
	rm -f plans/*.yaml
	cp "$G/comments.yaml" plans/P-2026-014.yaml
	sed -i 's/^id: comments /id: P-2026-014 /' plans/P-2026-014.yaml
	git init -q . 2>/dev/null && git add plans && git -c user.name=t -c user.email=t@t commit -qm plan
	run cp-evaluate -o table
	check "Monday: the overdue evaluation is shown" grep -q 'P-2026-014.*evaluation.*days overdue' out
	run cp-evaluate --record P-2026-014 --summary "Kassa gaat zelfstandig; uren naar 20." --goal G1=achieved
	git diff --numstat >numstat
	check "git diff: one file, 5 lines in, 2 out" grep -q '^5	2	plans/P-2026-014.yaml$' numstat
else
	ok "git not installed: skipped"
fi
# ---- --help: -f is read only with -q, whose default is every sheet ----
COLUMNS=80 cp-evaluate --help >help.txt
awk '/^  -f, --file/ { on = 1 } on && /^  -[^f]/ { on = 0 } on' help.txt >fline
check "--help: -f does not claim hours/\$USER.csv as default" sh -c '! grep -q USER fline'
check "--help: -f names every hours/*.csv as default" grep -q 'hours/\*\.csv' fline
done_testing
