#!/bin/sh
# cp-report: the accountability report, declarations and the caseload
# overview in every format on the sample caseload (golden files; write them
# anew with CP_UPDATE_GOLDEN=1), escaping of hostile text, privacy,
# determinism, and every refusal.
. "$(dirname "$0")/lib.sh"
G=$TOP/tests/golden/report
cp -R "$TOP/examples/caseload" cl && chmod 600 cl/plans/* cl/hours/* && cd cl || exit 1
FORMATS="text markdown html csv json"

# ---- golden files: each format of each report ----
for f in $FORMATS; do
	run cp-report --plan P-2024-003 --period 2026H1 -o $f
	status_is 0 "accountability report as $f"
	golden out "$G/account.$f" "accountability report as $f is as kept"
	run cp-report --declaration --plan P-2025-007 --period 2026H1 -o $f
	status_is 0 "one declaration as $f"
	golden out "$G/declaration.$f" "one declaration as $f is as kept"
	run cp-report --caseload -o $f
	status_is 0 "caseload overview as $f"
	golden out "$G/caseload.$f" "caseload overview as $f is as kept"
done
run cp-report --plan P-2025-019
golden out "$G/account-whole.text" "accountability over the whole plan, goals achieved: phase out"
check "... the default period is the plan from its start to today" \
	grep -q 'period 2025-06-02\.\.2026-11-23' out
check "... and it says to phase out" grep -q 'plan the phase-out (afbouw)' out
run cp-report --plan P-2024-003
check "a UWV plan near its 3-year limit says so" grep -q "3-year limit on 14 January 2027" out
check "the accountability report holds no contacts" sh -c '! grep -q "Karin Smit\|Jolanda" out'
# Bug: an accountability report over a hand-over had one line to sign,
# for one coach; each coach who held the plan in the period signs, as in
# the logbook
cp plans/P-2024-003.yaml P-2024-003.kept
sed -i 's/^  - {from: 2024-01-15, coach: robin}$/&\n  - {from: 2026-04-01, coach: kim}/' plans/P-2024-003.yaml
run cp-report --plan P-2024-003 --period 2026H1
check "a hand-over in the period: a line to sign for robin, for the days robin coached" \
	grep -Eq '^Date and signature, robin \(2026Q1\): +_+$' out
check "... and one for kim" grep -Eq '^Date and signature, kim \(2026Q2\): +_+$' out
check "... and no line for one coach" sh -c '! grep -Eq "^Date and signature: " out'
run cp-report --plan P-2024-003 --period 2026H1 -o json
check "... in JSON, a field per coach" sh -c "grep -q '\"signed_2\"' out"
run cp-report --plan P-2024-003 --period 2026-01-01..2026-03-31
check "a period before the hand-over: one line to sign, as before" \
	grep -Eq '^Date and signature: +_+$' out
mv P-2024-003.kept plans/P-2024-003.yaml

# ---- the administrator's batch ----
run cp-report --declaration --funder uwv --period 2026H1 -o decl/
status_is 0 "a batch of UWV declarations"
check "... writes nothing on standard output" test ! -s out
ls decl >list
golden list "$G/batch.list" "... one HTML file per UWV plan with hours, and summary.csv"
golden decl/summary.csv "$G/batch-summary.csv" "... summary.csv"
cp-report --declaration --plan P-2025-007 --period 2026H1 -o html >one.html
same decl/P-2025-007.html one.html "... a plan's file is its declaration on its own"
check "... no plan of another funder" sh -c '! ls decl | grep -q "P-2026-009\|P-2026-018"'
# Fenna (P-2025-019) moved from UWV to the municipality on 2026-06-02: an
# hour's funder is that of its day's grant, so each declares its own days.
cp-report --declaration --plan P-2025-019 --funder gemeente --period 2026H1 -o csv >gemeente.csv
check "... a plan that moved from UWV: UWV declares the days of its grants" \
	sh -c '! grep -q "<td>2026-06-0[2-9]\|<td>2026-06-[1-3]" decl/P-2025-019.html &&
		grep -q "2025-021406" decl/P-2025-019.html && grep -q "<td>2026-06-01</td>" decl/P-2025-019.html'
check "... and the municipality the days of its own, none of UWV's" \
	sh -c 'grep -q "2026-06-" gemeente.csv && ! grep -q "2026-0[1-5]-\|2026-06-01" gemeente.csv'
check "... files are private (0600)" test "$(stat -c %a decl/P-2024-003.html decl/summary.csv | sort -u)" = 600
check "... no contacts, agreements or evaluations in a declaration" \
	sh -c '! grep -q "Marieke van Dijk\|Karin Smit\|maandagochtend\|Zaterdag erbij" decl/*'
run cp-report --declaration --funder uwv --period 2026H1 -o out2 -o markdown --all plans hours/robin.csv hours/ahmed.csv
status_is 0 "markdown, --all, plans and sheets named in any order"
check "... .md files" test -f out2/P-2024-003.md
golden out2/summary.csv "$G/batch-all-summary.csv" "... --all lists plans without hours with 0"
run sh -c 'cat hours/*.csv | cp-report --declaration --funder uwv --period 2026H1 -o out3 -'
same out3/summary.csv decl/summary.csv "sheets on standard input"
rm -rf out2 out3
# Bug: a declaration that could not be written was still in summary.csv,
# which an administrator sends with the declarations
mkdir -p broken/P-2024-003.html
run cp-report --declaration --funder uwv --period 2026H1 --force -o broken/
status_is 73 "a declaration that cannot be written (a directory in its place): exit 73"
check "... the others are written" test -f broken/P-2025-007.html
check "... but no summary.csv that would name it" test ! -e broken/summary.csv
err_has 'broken/summary.csv: not written, since not every declaration was' "... which is said"
rm -rf broken
for f in $FORMATS; do
	cp-report --declaration --funder gemeente --period 2026 -o g/$f -o $f >/dev/null 2>&1
	check "a gemeente batch as $f" test -f g/$f/P-2025-019.$(case $f in text) echo txt;; markdown) echo md;; *) echo $f;; esac)
done
rm -rf g

# ---- deterministic: the same bytes every run, a time only with --stamp ----
run cp-report --declaration --funder uwv --period 2026H1 -o again/
check "two batches are byte-identical" diff -r decl again
rm -rf again
for f in $FORMATS; do
	cp-report --plan P-2026-013 -o $f >a1
	cp-report --plan P-2026-013 -o $f >a2
	same a1 a2 "two accountability reports as $f are byte-identical"
done
check "no time in a report without --stamp" sh -c '! grep -qi "generated" decl/*'
run cp-report --plan P-2026-013 --stamp -o html
check "--stamp: when it was made" grep -q 'Generated on 23 November 2026 at [0-2][0-9]:[0-5][0-9]' out

# ---- refusing to overwrite ----
refuses 73 'decl/P-2024-003.html and 7 more files exist; use --force' "a batch over an existing one" \
	cp-report --declaration --funder uwv --period 2026H1 -o decl
chmod 644 decl/P-2024-003.html
run cp-report --declaration --funder uwv --period 2026H1 -o decl --force
status_is 0 "--force replaces them"
same decl/P-2025-007.html one.html "... with the same declarations"
check "... each mode 0600, also where the file it replaced was not" \
	test "$(stat -c %a decl/P-2024-003.html)" = 600
# a link in the directory is a name in it, replaced, not a way out of it:
# a declaration written through it would land, personal data, elsewhere
echo keep >linked.txt && chmod 644 linked.txt
rm decl/P-2024-003.html && ln -s ../linked.txt decl/P-2024-003.html
rm decl/summary.csv && ln -s ../nowhere.txt decl/summary.csv
run cp-report --declaration --funder uwv --period 2026H1 -o decl --force
status_is 0 "--force over links in the directory"
check "... the link's target untouched, its mode too" \
	test "$(cat linked.txt)" = keep -a "$(stat -c %a linked.txt)" = 644
check "... the link replaced by the declaration, 0600" \
	test ! -L decl/P-2024-003.html -a "$(stat -c %a decl/P-2024-003.html)" = 600
check "... a link to nowhere too: no file made where it points" \
	test ! -e nowhere.txt -a -f decl/summary.csv -a ! -L decl/summary.csv
check "... and no temporary file left" test "$(find decl -name '.*cptmp*' | wc -l)" -eq 0

# --all lists the funder's plans of the period: P-2025-019 was UWV's in
# 2025 and the municipality's from 2026 (its grants say so)
cp-report --declaration --funder gemeente --period 2025H2 --all -o all25 2>/dev/null
check "--all: a plan another funder paid in the period is not the funder's" \
	sh -c '! grep -q P-2025-019 all25/summary.csv'
cp-report --declaration --funder uwv --period 2026H2 --all -o all26 2>/dev/null
check "... nor once it has gone to another" sh -c '! grep -q P-2025-019 all26/summary.csv'
cp-report --declaration --funder gemeente --period 2026H2 --all -o gem26 2>/dev/null
check "... and it is the funder's that pays then" grep -q '^P-2025-019,' gem26/summary.csv

# --period grant declares every grant, a strippenkaart still running too
run cp-report --declaration --plan P-2026-018 --period grant -o text
check "--period grant: the card used up" grep -q 'offerte 2026-41' out
check "... and the card still running" grep -q 'offerte 2026-58' out
# a used-up card is named by its days, as the declaration and the logbook
# name it, or as cp-hours --by grant does, without its last day
for name in '2026-09-07..2026-11-03 offerte 2026-41' '2026-09-07.. offerte 2026-41' 'offerte 2026-41'; do
	run cp-report --logbook --plan P-2026-018 --grant "$name" -o text
	status_is 0 "--grant '$name' names the used-up card"
	check "... its logbook" grep -q 'period 2026-09-07..2026-11-03' out
done

# ---- privacy: --pseudonymize leaves no participant's name in any file ----
names=$(for p in plans/*.yaml; do
	awk '/^participant:/ { f = 1 } f && /name:/ { sub(/.*name: */, ""); sub(/[,}].*/, ""); print; exit }' "$p"
done)
for f in $FORMATS; do
	cp-report --declaration --funder uwv --period 2026 --all --pseudonymize -o ps/$f -o $f 2>/dev/null
	cp-report --declaration --funder gemeente --period 2026 --pseudonymize -o ps/g$f -o $f 2>/dev/null
	cp-report --caseload --pseudonymize -o $f >ps/caseload.$f
	for p in plans/*.yaml; do
		id=$(basename "$p" .yaml)
		cp-report --plan "$id" --pseudonymize -o $f >"ps/$id.$f"
	done
done
leaks=$(echo "$names" | while read -r n; do grep -rlF "$n" ps; done)
check "--pseudonymize: no participant's name in any of $(find ps -type f | wc -l) files${leaks:+: $leaks}" \
	test -z "$leaks"
check "--pseudonymize: summary.csv names plans by id" grep -q '^P-2024-003,2026-011873,P-2024-003,' ps/csv/summary.csv
check "--pseudonymize: the report's subtitle names the plan once" \
	grep -qx 'Plan P-2025-007, period .*' ps/P-2025-007.text
check "... the declaration's too" sh -c 'grep -qx "Plan P-2025-007, period 2026" ps/text/P-2025-007*'
check "... and the logbook's" sh -c 'cp-report --logbook --plan P-2025-007 --pseudonymize -o text | grep -qx "Plan P-2025-007, period .*"'
# a declaration by period carries the reference of the last grant in it,
# not the plan's first (the extension has a decision number of its own)
run cp-report --declaration --plan P-2026-013 --period 2026-11-04..2026-12-04 -o json
check "a declaration by period: the reference of the grant running in it" \
	grep -q '"funder_ref": *"2026-019350"' out
check "... quietly, the period's hours being that grant's alone" sh -c '! grep -q "fall under" err'
# a period open at either end (coachplan(7)): the open end has no date,
# in every report and format, not the day a million years off that
# stands for it in comparisons
for r in "" --declaration --logbook; do
	for per in 2026-11.. ..2026-05; do
		for f in $FORMATS; do
			run cp-report $r --plan P-2026-013 --period $per -o $f
			check "cp-report ${r:-(accountability)} --period $per -o $f: no year but ours" \
				sh -c '! grep -Eq "(^|[^0-9-])(1[0-9]{3}|0000)-[01][0-9]-[0-3][0-9]|[a-z] -?[0-9]{5,}" out'
		done
		run cp-report $r --plan P-2026-013 --period $per -o json
		if [ "$per" = 2026-11.. ]; then
			check "... as json: period_to null, period_from the first" \
				sh -c 'grep -q "\"period_to\": null" out && grep -q "\"period_from\": \"2026-11-01\"" out'
		else
			check "... as json: period_from null, period_to the last" \
				sh -c 'grep -q "\"period_from\": null" out && grep -q "\"period_to\": \"2026-05-31\"" out'
		fi
	done
done
run cp-report --declaration --plan P-2026-013 --period 2026-11.. -o text
check "... as text the open end is a dash, as any field without a value" grep -qx 'To: *-' out
run cp-report --logbook --plan P-2026-013 --period ..2026-05 -o text
check "... an open start too" grep -qx 'From: *-' out
run cp-report --declaration --plan P-2026-013 --period 2026H2 -o json
status_is 0 "a period over a grant and its follow-up: declared"
err_has '^cp-report: warning: P-2026-013: its hours in the period fall under 2 grants \(2026-002210, 2026-019350\); the declaration carries the last one.s reference; --per-grant declares each grant apart$' \
	"... with a warning: the funder books hours by grant"
printf 'date,coach,plan,goal,mode,minutes,note\n2026-06-03,robin,P-2026-013,G1,phone,10,Lotte gebeld; Hendriks-Lotte en Lottes rooster\n' >hours/lotte.csv
run cp-report --declaration --plan P-2026-013 --period 2026-06-03 --pseudonymize -o csv
check "--pseudonymize: the name in a note, as whole words only" \
	grep -q 'P-2026-013 gebeld; P-2026-013-P-2026-013 en Lottes rooster' out
printf '2026-06-04,robin,P-2026-013,G1,phone,10,LOTTE en lotte hendriks; Lottes\n' >>hours/lotte.csv
run cp-report --declaration --plan P-2026-013 --period 2026-06-04 --pseudonymize -o csv
check "... in any case, as a hurried note writes it" grep -q 'P-2026-013 en P-2026-013; Lottes' out
printf '2026-06-04,robin,P-2024-003,,phone,10,NOËL en noël JANSSENS\n' >>hours/lotte.csv
run cp-report --declaration --plan P-2024-003 --period 2026-06-04 --pseudonymize -o csv
check "... a letter with a diaeresis too" grep -q ',P-2024-003 en P-2024-003,' out
# Bug: a name written with a diaeresis or the ĳ in the plan leaked where
# a note wrote it plainly, as a hurried coach does: Noel, IJssel, ijssel.
printf '2026-06-05,robin,P-2024-003,,phone,10,Noel en NOEL Janssens\n' >>hours/lotte.csv
run cp-report --declaration --plan P-2024-003 --period 2026-06-05 --pseudonymize -o csv
check "... and without it, the whole name too" grep -q ',P-2024-003 en P-2024-003,' out
cp-new -i P-2026-090 -n 'Ĳsbrand Ĳssel' -F uwv -s 2026-01-05 -g x >/dev/null
printf '2026-06-05,robin,P-2026-090,,phone,10,IJsbrand en ijssel; ĳssel\n' >>hours/lotte.csv
run cp-report --declaration --plan P-2026-090 --period 2026-06-05 --pseudonymize -o csv
check "... a name with the letter ĳ, written as two" grep -q ',P-2026-090 en P-2026-090; P-2026-090,' out
rm plans/P-2026-090.yaml
rm -rf ps hours/lotte.csv

# ---- empty period, a plan without goals, hours outside a plan's dates ----
run cp-report --declaration --funder uwv --period 2020 -o empty
status_is 0 "an empty period"
check "... says nothing" test ! -s out
check "... writes only the summary, with its header" test "$(ls empty)" = summary.csv
check "... which is the header alone" test "$(cat empty/summary.csv)" = "plan,funder_ref,participant,minutes,onsite_minutes,remote_minutes,entries"
run cp-report --plan P-2024-003 --period 2020H1 -o csv
out_is "goal,onsite,phone,email,video,chat,minutes,remote_share" "an accountability report of a period without hours"
cat >plans/P-NOGOAL.yaml <<'EOF'
version: 1
id: P-NOGOAL
participant:
  name: Kees Zonderdoel
coach: robin
funder: uwv
start: 2026-02-01
end: 2026-03-31
EOF
cat >hours/extra.csv <<'EOF'
date,coach,plan,goal,mode,minutes,note
2026-01-20,robin,P-NOGOAL,,phone,20,Voor de start gebeld
2026-02-02,robin,P-NOGOAL,,onsite,60,Kennismaking op de werkvloer
2026-04-02,robin,P-NOGOAL,,video,30,Na het einde nog gesproken
EOF
run cp-report --plan P-NOGOAL --period 2026
status_is 0 "a plan without goals"
check "... says it has none" grep -q 'The plan has no goals\.' out
check "... counts the hour within its dates" grep -q '^Total: *1:00$' out
check "... notes the hours outside them" grep -q '2 entries (0:50 hours) in the period lie outside' out
err_like "warning: P-NOGOAL: 2 entries \(0:50\) in the period lie outside the plan's dates" "... and warns"
run cp-report --declaration --plan P-NOGOAL --period 2026 -o csv
out_is "date,goal,note,mode,minutes
2026-02-02,,Kennismaking op de werkvloer,onsite,60" "a declaration leaves out hours outside the plan's dates"
err_like "P-NOGOAL: 2 entries \(0:50\) in the period lie outside the plan's dates 2026-02-01\.\.2026-03-31" "... and says so"
run cp-report --declaration --plan P-NOGOAL --period 2026
check "... in the declaration too" grep -q 'Left out: 2 entries (0:50 hours)' out
printf 'date,coach,plan,goal,mode,minutes,note\n2026-02-03,robin,P-GONE,,phone,15,Wie?\n' >hours/gone.csv
run cp-report --declaration --funder uwv --period 2026H1 -o gone
err_has 'warning: P-GONE: no such plan; its 1 entry \(0:15\) in the period is in no declaration' \
	"hours of a plan without a file are named"
# Bug: per grant, the sheets are read from before the period, and a line
# of a plan without a file from a year before was counted "in the period"
printf '2025-03-03,robin,P-GONE,,phone,20,Eerder\n' >>hours/gone.csv
rm -rf gone
run cp-report --declaration --per-grant --funder uwv --period 2026H1 -o gone
err_has 'warning: P-GONE: no such plan; its 1 entry \(0:15\) in the period is in no declaration' \
	"... per grant, only those in the period"
rm -rf gone hours/gone.csv hours/extra.csv plans/P-NOGOAL.yaml

# ---- hostile text: every format escapes it ----
mkdir hostile && cd hostile && mkdir plans hours
cat >plans/P-X.yaml <<'EOF'
version: 1
id: P-X
participant:
  name: "<script>alert('x')</script> \"Jan\", =SUM(A1)"
employer: "@Evil & Co | *vet* _schuin_ [link](http://x) # kop"
coach: robin
funder: uwv
funder_ref: "+31 6 12345678"
start: 2026-01-05
goals:
  - id: G1
    text: "-5 <b>kassa</b> & 'quotes'"
agreements:
  - "1. Jan belt op maandag"
EOF
cat >hours/robin.csv <<'EOF'
date,coach,plan,goal,mode,minutes,note
2026-02-02,robin,P-X,G1,onsite,60,"=SUM(A1) <script>x</script>, ""q"" | *x*
tweede regel"
2026-02-03,robin,P-X,,phone,15,@x
2026-02-04,robin,P-X,G1,email,15,-5
2026-02-05,robin,P-X,G1,chat,15,+31 6 1234
EOF
run cp-report --declaration --funder uwv --period 2026H1 -o decl -o csv
status_is 0 "hostile names and notes"
golden decl/P-X.csv "$G/hostile.csv" "CSV: quoted, a newline kept in quotes, formulas neutralised"
check "summary.csv: formulas neutralised" grep -q "^P-X,'+31 6 12345678,\"<script>alert('x')</script> \"\"Jan\"\", =SUM(A1)\",105,60,45,4$" decl/summary.csv
for f in html markdown json text; do
	cp-report --declaration --plan P-X --period 2026H1 -o $f >d.$f
	cp-report --plan P-X --period 2026H1 -o $f >a.$f
	golden d.$f "$G/hostile-declaration.$f" "a hostile declaration as $f"
	golden a.$f "$G/hostile-account.$f" "a hostile accountability report as $f"
done
check "HTML: no tag from the data" sh -c '! grep -q "<script\|<b>" d.html a.html'
check "HTML: & < > \" ' as entities" grep -q '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;Jan&quot;' d.html
check "HTML: no script, no outside fonts, images or links" sh -c '! grep -qi "<script\|<link\|<img\|src=\|url(\|@import" d.html a.html'
check "HTML: A4 for print" grep -q '@page { size: A4' d.html
check "Markdown: tags, pipes and emphasis escaped" grep -q '=SUM(A1) \\<script\\>x\\</script\\>, "q" \\| \\\*x\\\* tweede regel' d.markdown
check "Markdown: a list number at a line start escaped" grep -q '^- 1\\. Jan' a.markdown
check "text: a note's line break does not break the table" grep -q '^2026-02-02  G1 .*tweede regel' d.text
if command -v python3 >/dev/null; then
	check "JSON: valid" python3 -c 'import json, sys; [json.load(open(f)) for f in sys.argv[1:]]' d.json a.json
	check "JSON: the note's line break escaped" grep -q '"=SUM(A1) <script>x</script>, \\"q\\" | \*x\*\\ntweede regel"' d.json
fi
cd ..

# ---- refusals: message, status, and nothing written ----
refuses 64 'name one report' "no report named" cp-report
refuses 64 'name one report' "two reports" cp-report --caseload --plan P-2024-003
refuses 64 'name one report: .*; -p P-2024-003 names the plans directory, -P P-2024-003 the plan' \
	"-p for --plan: the two told apart" cp-report -p P-2024-003
refuses 64 'P-2024-003 is no file or directory; --plan P-2024-003 names the plan' \
	"a plan's id typed as a file: --plan named" cp-report P-2024-003 --logbook
refuses 64 'P-2024-003 is no file or directory; --plan P-2024-003 names the plan' \
	"a plan's id typed as a file, no report named" cp-report P-2024-003
refuses 64 '--declaration needs --period' "a declaration without a period" \
	cp-report --declaration --funder uwv -o x
refuses 64 '--declaration needs --funder' "a batch without a funder" \
	cp-report --declaration --period 2026H1 -o x
refuses 64 'need -o DIR' "a batch without a directory" \
	cp-report --declaration --funder uwv --period 2026H1
refuses 64 'unknown output format "odt"' "an unknown format" cp-report --plan P-2024-003 -o odt
refuses 64 'one format and one directory' "two directories" \
	cp-report --declaration --funder uwv --period 2026H1 -o x -o y
refuses 64 'unknown funder "uvw"' "an unknown funder" \
	cp-report --declaration --funder uvw --period 2026H1 -o x
refuses 64 '"2026H3": no such half' "a bad period" cp-report --plan P-2024-003 --period 2026H3
refuses 64 '--funder and --all go with --declaration' "--all alone" cp-report --caseload --all
refuses 64 'P-2026-009 is a plan of municipality, not of UWV' "one plan of another funder" \
	cp-report --declaration --plan P-2026-009 --funder uwv --period 2026
refuses 66 'P-9: no such plan' "an unknown plan" cp-report --plan P-9
refuses 66 'P-9: no such plan' "an unknown plan's declaration" \
	cp-report --declaration --plan P-9 --period 2026H1
refuses 66 '2026-9: no such plan in plans' "a plan named by its last parts" cp-report --plan 2026-9
err_has 'hint: did you mean P-2026-009\?' "... and the plan it meant named"
refuses 66 '2026-9: no such plan in plans' "... for its declaration" \
	cp-report --declaration --plan 2026-9 --period 2026H1
err_has 'hint: did you mean P-2026-009\?' "... the plan named there too"
refuses 66 'nothere.csv: cannot open' "a missing sheet" \
	cp-report --declaration --funder uwv --period 2026H1 -o x nothere.csv
refuses 66 'noplans: no such plans directory' "a missing plans directory" \
	cp-report --caseload -p noplans
err_has '^ hint: run in a caseload \(cp-new --init makes one\) or below it' "... and where to run"
sed 's/^funder: uwv/funder: uvw/' plans/P-2026-013.yaml >bad.yaml && mv bad.yaml plans/P-2026-013.yaml
refuses 65 'plans/P-2026-013.yaml:[0-9]+:[0-9]+: unknown funder "uvw"' "a broken plan stops the batch" \
	cp-report --declaration --funder uwv --period 2026H1 -o x
run cp-report --declaration --funder uwv --period 2026H1 -o x -k
status_is 65 "-k: the batch is written but still fails"
check "... with the other plans' declarations" test -f x/P-2024-003.html
check "... and not the broken one" test ! -f x/P-2026-013.html
rm -rf x
cp "$TOP/examples/caseload/plans/P-2026-013.yaml" plans/
printf 'date,coach,plan,goal,mode,minutes,note\n2026-02-30,robin,P-2024-003,,phone,30,\n2026-03-01,robin,P-2024-003,,walk,30,\n' >hours/bad.csv
refuses 65 'hours/bad.csv:2:1: no such day' "a bad line stops the batch" \
	cp-report --declaration --funder uwv --period 2026H1 -o x
check "... and every bad line is reported" test "$(grep -c '^cp-report: hours/bad.csv:' err)" -eq 2
refuses 65 'hours/bad.csv:2:1' "a bad line stops the accountability report" cp-report --plan P-2024-003
run cp-report --plan P-2024-003 -k -o csv
status_is 65 "-k: the report is written but the status says it is not whole"
check "... with the good lines" test -s out
rm hours/bad.csv
: >file
refuses 73 'file: cannot create directory' "a directory that cannot be made" \
	cp-report --declaration --funder uwv --period 2026H1 -o file/sub
cd hours
mkdir -p ../lone/plans && cp ../plans/*.yaml ../lone/plans/
refuses 64 'no hour sheets named' "no sheets, no ./hours, and none beside the plans named" \
	cp-report --caseload -p ../lone/plans
run cp-report --caseload -p ../plans
status_is 0 "the plans named have hours/ beside them: their caseload's sheets"

# a municipality's plan over its budget: its report goes to the municipality
mkdir ../gem && cd ../gem && cp-new --init . --no-hook >/dev/null
cp-new -i P-1 -n 'Eva de Jong' -F gemeente -s 2026-07-01 --budget 1/3m -g x >/dev/null
cp-log -q --force -P P-1 -g G1 -m onsite -d 2026-07-02 90 bezoek 2>/dev/null
run cp-report --plan P-1 --period 2026H2
check "over a budget: the report says so" grep -q 'More hours were logged than granted' out
check "... and names no funder that is not the plan's" sh -c '! grep -q UWV out'
cp-new -i P-2 -n 'Ali' -F gemeente -s 2026-07-01 -g x --grant 2026-07-01..2026-07-31:10 >/dev/null
cp-log -q --force -P P-2 -g G1 -m onsite -d 2026-08-03 30 buiten 2>/dev/null
run cp-report --plan P-2 --period 2026H2
check "hours on days no grant holds: said as that" grep -q 'Hours were logged on days no grant holds' out
check "... not as a grant overspent" sh -c '! grep -q "More hours were logged" out'
# Bug: the hours a used-up strippenkaart could not take were said to lie
# on days no grant holds, though the card held them: it was overspent.
cp-new -i P-3 -n 'Noor' -F gemeente -s 2026-07-01 -g x \
	--grant 2026-07-01..2026-12-31:1,strippenkaart >/dev/null
cp-log -q --force -P P-3 -g G1 -m onsite -d 2026-08-03 90 bezoek 2>/dev/null
run cp-report --plan P-3 --period 2026H2
check "a strippenkaart overspent: said as a grant overspent" grep -q 'More hours were logged' out
check "... not as hours on days no grant holds" sh -c '! grep -q "days no grant holds" out'

# a plan that stood still: its pauses in the report's and the logbook's details
cp-plan P-2 --pause --from 2026-07-10 && CP_TODAY=2026-11-23 cp-plan P-2 --resume --from 2026-07-20
CP_TODAY=2026-11-23 cp-plan P-2 --pause --from 2026-11-02
run cp-report --plan P-2 --period 2026H2
check "a plan paused twice: both pauses in its details" grep -qx 'Paused: *2026-07-10..2026-07-19, 2026-11-02..' out
run cp-report --logbook --plan P-2 --period 2026H2 -o json
check "... in the logbook's too, as paused" grep -q '"paused": *"2026-07-10..2026-07-19, 2026-11-02.."' out
run cp-report --plan P-2 --period 2026-11
check "... only those of the period" grep -qx 'Paused: *2026-11-02..' out
run cp-report --plan P-2 --period 2026-08
check "... none in a month it ran" sh -c '! grep -q "^Paused:" out'

# A report of a past period reads the same when a later evaluation is
# recorded: the goals' status, the last and next evaluation as on its
# last day, not as the plan holds them now.
cp -R "$TOP/examples/caseload" ../later && chmod 600 ../later/plans/* ../later/hours/* && cd ../later
cp-report --plan P-2026-013 --period 2026-10 -o json >before.json
cp-evaluate --record P-2026-013 --date 2026-11-20 --summary "Kassa zelfstandig" \
	--goal G1=achieved --goal G2=partly-achieved >/dev/null
cp-plan P-2026-013 --goal "Zelfstandig de weekplanning maken"
check "a goal set later says from which day" grep -qx '    from: 2026-11-23' plans/P-2026-013.yaml
cp-report --plan P-2026-013 --period 2026-10 -o json >after.json
check "an October report, after an evaluation and a new goal in November: the same" \
	cmp -s before.json after.json
check "... whose goals are as in October: open" grep -q "\"open\"" after.json
run cp-report --plan P-2026-013 --period 2026-11
check "... while November's has the evaluation's results" grep -Eq '^G1 +.* achieved$' out
check "... and names it the last" grep -q '^Last evaluation: *20 November 2026$' out
check "... and the new goal" grep -q '^G4 *Zelfstandig de weekplanning maken' out
run cp-report --logbook --plan P-2026-013 --period 2026-10
check "October's logbook has no total for the goal set in November" sh -c '! grep -q "^G4 " out'
cp-plan P-2026-013 --close --end 2026-11-21
run cp-report --plan P-2026-013 --period 2026-10
check "... after the plan closed, October's report says it was active" grep -q '^Status: *active$' out
run cp-report --plan P-2026-013 --period 2026-11
check "... November's says closed" grep -q '^Status: *closed$' out
# one plan's declaration keeps that plan's entries, not every entry of the
# caseload's sheets: 400,000 lines of another plan on standard input (not
# mapped) in 60 MB of address space (an ASan build reserves far more)
mkdir one && cd one && caseload || exit 1
awk 'BEGIN { print "date,coach,plan,goal,mode,minutes,note"
	for (i = 0; i < 400000; i++)
		printf "2026-%02d-%02d,robin,P-%d,G1,onsite,60,Gesprek met de leidinggevende %d\n",
			i % 6 + 1, i % 24 + 5, i % 100 ? 2 : 1, i }' >many.csv
if ! bare cp-report; then
	ok "--declaration --plan of 400,000 lines in 60 MB # skip an ASan or valgrind build"
else
	run sh -c 'ulimit -v 60000 && exec cp-report --declaration --plan P-1 --funder uwv \
		--period 2026H1 -o csv plans - <many.csv'
	status_is 0 "--declaration --plan: 400,000 lines of another plan read in 60 MB"
	check "... and its 4,000 entries declared" test "$(grep -c ',G1,' out)" = 4000
fi
# a batch keeps the entries of the funder's plans only: 400,000 lines of
# a plan of another funder and of one with no file, in the period, in the
# same 60 MB; those of no plan still counted for the warning
mkdir batch && cd batch && caseload || exit 1
awk 'BEGIN { print "date,coach,plan,goal,mode,minutes,note"
	for (i = 0; i < 400000; i++)
		printf "2026-%02d-%02d,robin,P-%d,G1,onsite,30,Gesprek met de leidinggevende %d\n",
			i % 3 + 3, i % 24 + 5, i % 100 ? 2 + i % 2 * 7 : 1, i }' >many.csv
awk 'BEGIN { print "date,coach,plan,goal,mode,minutes,note"
	for (i = 0; i < 400000; i++)
		printf "2026-01-0%d,robin,P-1,G1,onsite,15,Gesprek met de leidinggevende %d\n",
			i % 4 + 1, i }' >before.csv
cp-new --id P-3 --name "Kees Smit" --funder uwv --start 2025-01-06 \
	--goal "Zelfstandig de kassa bedienen" --budget 40/6m >/dev/null
awk 'BEGIN { print "date,coach,plan,goal,mode,minutes,note"
	for (i = 0; i < 400100; i++)
		printf "2025-%02d-%02d,robin,P-3,G1,onsite,15,Gesprek met de leidinggevende %d\n",
			i < 400000 ? i % 5 + 2 : 8, i % 24 + 5, i }' >history.csv
if ! bare cp-report; then
	ok "--declaration --funder of 400,000 lines in 60 MB # skip an ASan or valgrind build"
else
	run sh -c 'ulimit -v 60000 && exec cp-report --declaration --funder uwv --period 2026H1 \
		-o decl -o csv plans - <many.csv'
	status_is 0 "--declaration --funder: 400,000 lines of other plans read in 60 MB"
	check "... and the funder's plan's 4,000 entries declared" \
		test "$(grep -c ',G1,' decl/P-1.csv)" = 4000
	err_has 'P-9: no such plan; its 200000 entries \(100000:00\) in the period are in no declaration' \
		"... the lines of no plan counted"
	run sh -c 'ulimit -v 60000 && exec cp-report --declaration --per-grant --funder uwv \
		--period 2026H1 -o grants -o csv plans - <many.csv'
	status_is 0 "... and per grant, every hour before the period too"
	# and lines of the funder's plan that are in no declaration: counted
	run sh -c 'ulimit -v 60000 && exec cp-report --declaration --funder uwv --period 2026H1 \
		-o outside -o csv plans - <before.csv'
	status_is 0 "400,000 lines before the plan's start, read in 60 MB"
	err_has "P-1: 400000 entries \\(100000:00\\) in the period lie outside the plan's dates" \
		"... counted"
	# per grant, of the hours before the period only what the grants used
	# is kept, not the lines of a grant that ended before it
	run sh -c 'ulimit -v 60000 && exec cp-report --declaration --per-grant --funder uwv \
		--period 2026H1 -o history -o csv plans - <history.csv'
	status_is 0 "--per-grant: 400,000 lines of a grant that ended before the period, in 60 MB"
fi
run cp-report --declaration --per-grant --funder uwv --period 2026H1 -o grants2 -o csv plans history.csv
status_is 0 "per grant, a sheet of a grant that ended before the period and one that ended in it"
check "... the one that ended in it declared, its 100 entries" \
	test "$(grep -c ',G1,' grants2/P-3_2025-07-06.csv)" = 100
check "... and no other" test "$(ls grants2)" = "$(printf 'P-3_2025-07-06.csv\nsummary.csv')"
# the same counts from a file (mapped, read on two cores) as from a pipe
for f in many before; do
	cp-report --declaration --funder uwv --period 2026H1 -o pipe-$f -o csv plans - <$f.csv 2>pipe.err
	cp-report --declaration --funder uwv --period 2026H1 -o file-$f -o csv plans $f.csv 2>file.err
	check "$f.csv read on two cores: the same declarations" diff -r pipe-$f file-$f
	same file.err pipe.err "... and the same warnings"
done
# by period, a strippenkaart plan's hours before the period are read for
# which card took the period's, and kept as what each card used, not as
# lines: 400,000 of them use up the first card, the second takes the
# period's hours, a third is not reached
cat >plans/P-4.yaml <<'YAML'
version: 2
id: P-4
participant: {name: Lotte Visser}
coach: robin
funder: uwv
start: 2025-01-06
grants:
  - {from: 2025-01-06, kind: strippenkaart, hours: 99990, ref: C-1}
  - {from: 2025-06-01, kind: strippenkaart, hours: 100, ref: C-2}
  - {from: 2026-03-01, kind: strippenkaart, hours: 100, ref: C-3}
YAML
chmod 600 plans/P-4.yaml
awk 'BEGIN { print "date,coach,plan,goal,mode,minutes,note"
	for (i = 0; i < 400100; i++)
		printf "%s-%02d-%02d,robin,P-4,,onsite,15,Gesprek met de leidinggevende %d\n",
			i < 400000 ? 2025 : 2026, i % 5 + 2, i % 24 + 5, i }' >cards.csv
if ! bare cp-report; then
	ok "--declaration of a strippenkaart plan in 60 MB # skip an ASan or valgrind build"
else
	run sh -c 'ulimit -v 60000 && exec cp-report --declaration --plan P-4 --period 2026H1 \
		-o csv plans - <cards.csv'
	status_is 0 "by period, 400,000 lines on strippenkaarten before it, in 60 MB"
fi
for how in pipe file; do
	if [ $how = pipe ]; then src=-; else src=cards.csv; fi
	cp-report --declaration --funder uwv --period 2026H1 -o $how-cards -o csv plans $src \
		<cards.csv 2>$how.err
	check "... read from a $how: the second card's reference" \
		grep -q '^P-4,C-2,Lotte Visser,1500,' $how-cards/summary.csv
	check "... the period's 100 entries declared" test "$(grep -c ',onsite,' $how-cards/P-4.csv)" = 100
done
same file.err pipe.err "... the same warnings from a file as from a pipe"
check "... none of the cards" sh -c '! grep -q P-4 file.err'
rm plans/P-4.yaml
cd .. && rm -r batch
done_testing
