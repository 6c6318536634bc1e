#!/bin/sh
# examples/: every script runs in a scratch copy of the sample caseload,
# every sample plan reads, and every sample sheet still fits its plans.
. "$(dirname "$0")/lib.sh"
EX=$TOP/examples

for script in "$EX"/*.sh; do
	name=${script##*/}
	rm -rf cl && cp -R "$EX/caseload" cl
	run sh "$script" cl
	status_is 0 "examples/$name runs in a copy of the sample caseload"
	case $name in
	gen-hours.sh) # the generator is deterministic: it makes the committed sheets
		for s in robin ahmed; do
			same cl/hours/$s.csv "$EX/caseload/hours/$s.csv" "gen-hours.sh makes hours/$s.csv as committed"
		done ;;
	weekly.sh)
		check "weekly.sh appended to robin's sheet" \
			test "$(wc -l <cl/hours/robin.csv)" -gt "$(wc -l <"$EX/caseload/hours/robin.csv")" ;;
	esac
done

CL=$EX/caseload
for plan in "$CL"/plans/*.yaml; do
	id=$(basename "$plan" .yaml)
	run cp-log -n --force -p "$CL/plans" -P "$id" -m phone 15
	status_is 0 "plan $id reads"
done

# The plans as they were when the hours were logged: closed and paused
# plans were active then, and their grants not yet declared.  Without
# --force, every line must fit its plan's dates and goals.
mkdir then
for plan in "$CL"/plans/*.yaml; do
	sed -e 's/^status: .*/status: active/' -e 's/, declared: [0-9-]*//' -e '/^ *declared: /d' \
		"$plan" >"then/${plan##*/}"
done
for sheet in "$CL"/hours/*.csv; do
	name=hours/${sheet##*/}
	run cp-log -n --force -p "$CL/plans" - <"$sheet"
	status_is 0 "$name reads"
	same out "$sheet" "$name is as cp-log writes it"
	run cp-log -n -p then - <"$sheet"
	status_is 0 "$name: every line within its plan's dates and goals"
	check "$name has a few hundred entries" test "$(wc -l <"$sheet")" -gt 200
done

# What the sample caseload is there to show (examples/caseload/README.md):
# the dated history of version 2 beside plans of version 1, and what UWV
# asks of an evaluation.  Each must stay in it.
has() { check "the sample caseload has $1" sh -c "grep -Eq '$2' $CL/plans/*.yaml"; }
has "a plan of version 1" '^version: 1$'
has "a follow-up grant" 'kind: (extension|vervolg)'
has "a grant by level" 'level: (zeer-licht|licht|midden|intensief|intern)'
has "contract hours over time" '^work_hours:$'
has "a strippenkaart" 'kind: strippenkaart'
has "marks" 'marks: \{employee: '
has "absence" 'absence_days: '
has "signatures" 'signed_by: '
has "an outcome" 'outcome: '
check "... a hand-over between coaches" test "$(grep -c '^  - {from: .*, coach: ' "$CL/plans/P-2026-009.yaml")" -ge 2
check "... a plan that moved from UWV to the municipality" \
	sh -c "grep -q 'funder: uwv' '$CL/plans/P-2025-019.yaml' && grep -q 'funder: gemeente, ref' '$CL/plans/P-2025-019.yaml'"
for sheet in "$CL"/hours/*.csv; do
	check "hours/${sheet##*/} has the activity column" sh -c "head -n 1 '$sheet' | grep -q ',activity\$'"
done
# the mean marks per coach of the day of each evaluation (coaches:, else coach:)
marks=$(awk '
	FNR == 1 { coach = ""; n = 0 }
	/^coach: / { coach = $2 }
	/^  - \{from: .*, coach: / { s = $0; sub(/.*from: /, "", s); from[++n] = substr(s, 1, 10)
		c = $0; sub(/.*coach: /, "", c); sub(/\}.*/, "", c); who[n] = c }
	/^ *-? *date: / { d = $0; sub(/.*date: /, "", d); day = substr(d, 1, 10) }
	/marks: \{employee: / { m = $0; sub(/.*employee: /, "", m); e = m + 0
		c = coach; for (i = 1; i <= n; i++) if (from[i] <= day) c = who[i]
		sum[c] += e; cnt[c]++ }
	END { for (c in sum) printf "%s %.2f\n", c, sum[c] / cnt[c] }' "$CL"/plans/*.yaml | sort)
check "a coach whose mean employee mark is under 6.5: $(echo $marks)" \
	sh -c "echo '$marks' | awk '\$2 < 6.5 { low = 1 } END { exit !low }'"
check "... and a coach whose mean is not" sh -c "echo '$marks' | awk '\$2 >= 6.5 { ok = 1 } END { exit !ok }'"
# cp-evaluate(1)'s examples are the sample caseload's, as it prints them
# (lib.sh's CP_TODAY and USER): the Monday list, and the diff of the
# evaluation recorded after it.  Bug: they showed rows made up for it.
man_block() { # the lines of man/$1 after the line $2, up to one matching $3
	awk -v from="$2" -v to="$3" '$0 == from { on = 1; next } on && $0 ~ to { exit } on' \
		"$TOP/man/$1" | sed -e 's/\\(:e/ë/g' -e 's/\\e/\\/g'
}
rm -rf cl && cp -R "$CL" cl
# The list is shown as an 80-column terminal shows it: records, so that
# the page fits one (the table is 132 columns wide).  script(1) gives
# the tool a terminal of that width.
man_block cp-evaluate.1 '$ cp-evaluate --coach robin' '^(\$ echo|\.Ed)' >want
if command -v script >/dev/null 2>&1 &&
	(cd cl && script -qec 'stty cols 80 rows 50 && cp-evaluate --coach robin' /dev/null </dev/null |
		tr -d '\r' >../out) && [ -s out ]; then
	same out want "cp-evaluate(1): the Monday list as the sample caseload's, on a terminal"
else
	ok "cp-evaluate(1): the Monday list # skip script(1) or a terminal is not at hand"
fi
if command -v git >/dev/null 2>&1; then
	(cd cl && git init -q . && git add -A && git -c user.name=t -c user.email=t@t commit -qm sample &&
		cp-evaluate --record P-2024-011 --date 2026-11-20 \
			--summary 'Post gaat zelfstandig; werkdruk op tijd besproken.' --goal G3=achieved &&
		git diff -U0 >../out)
	man_block cp-evaluate.1 '$ git diff -U0' '^\.Ed' >want
	same out want "cp-evaluate(1): the diff of the evaluation recorded, as git shows it"
else
	ok "git not installed: skipped"
fi
done_testing
