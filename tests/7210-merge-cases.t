#!/bin/sh
# Plans merged as plans, the cases 7200 leaves out: the first evaluation
# of a fresh plan (evaluations: empty) on one branch and any other change
# on the other; grants, coaches and contract hours of a version 2 plan
# added on both; one removing a goal the other changed (markers against
# nothing); and a caseload made before cp-merge, whose .gitattributes
# gains the driver when cp-new --init runs again.
. "$(dirname "$0")/lib.sh"
command -v git >/dev/null || { echo "1..0 # skip git is not installed"; exit 0; }
export GIT_AUTHOR_NAME=robin GIT_AUTHOR_EMAIL=robin@example.org GIT_COMMITTER_NAME=robin \
	GIT_COMMITTER_EMAIL=robin@example.org GIT_CONFIG_NOSYSTEM=1 HOME=$WORK
git config --global init.defaultBranch main

cp-new --init cl --git >/dev/null 2>&1 || exit 1
cd cl || exit 1
cp-new --id P-1 --name 'Bart de Wit' --funder uwv --start 2026-01-05 --goal 'Zelfstandig de kassa bedienen' >/dev/null
git add -A && git commit -qm 'plan P-1' || exit 1

# kim records the first evaluation; robin, on main, corrects the name
git checkout -qb kim
cp-evaluate --record P-1 --summary 'Kim: kassa gaat goed' -d 2026-07-10 >/dev/null
git commit -qam 'kim: first evaluation'
git checkout -q main
sed -i 's/^  name: Bart de Wit$/  name: Bart de Wit-Jansen/' plans/P-1.yaml
git commit -qam 'robin: name'
run git merge --no-edit kim
status_is 0 "the first evaluation on one branch, a name on the other: no conflict"
check "... kim's evaluation" grep -q 'Kim: kassa gaat goed' plans/P-1.yaml
check "... robin's name" grep -q 'name: Bart de Wit-Jansen' plans/P-1.yaml
check "... the comment on evaluations:" grep -q '^evaluations: .*# added by cp-evaluate' plans/P-1.yaml
run cp-check plans/P-1.yaml
status_is 0 "... and the plan reads"

# one removes a goal, the other marks it achieved: markers against nothing
cp-new --id P-2 --name 'Eva Smit' --funder uwv --start 2026-01-05 --goal 'Kassa' --goal 'Magazijn' >/dev/null
git add -A && git commit -qm 'plan P-2'
git checkout -qb kim2
sed -i '/^  - id: G2$/,/^    status: open$/d' plans/P-2.yaml
git commit -qam 'kim: G2 is gone'
git checkout -q main
cp-evaluate --record P-2 --summary 'Magazijn lukt' -d 2026-07-01 --goal G2=achieved >/dev/null
git commit -qam 'robin: G2 achieved'
run git merge --no-edit kim2
check "one removed a goal the other changed: git merge reports a conflict" test "$status" -ne 0
check "... with markers around robin's G2, kim's side empty" sh -c \
	'grep -A4 "^<<<<<<< ours" plans/P-2.yaml | grep -q "id: G2" && grep -A1 "^=======" plans/P-2.yaml | grep -q "^>>>>>>> theirs"'
check "... robin's evaluation merged all the same" grep -q 'Magazijn lukt' plans/P-2.yaml
git merge --abort

# a version 2 plan: grants, coaches and contract hours added on both
cat >plans/P-3.yaml <<'YAML'
version: 2
id: P-3
participant:
  name: Sanne Bakker
funder: uwv
start: 2026-11-02
grants:
  - from: 2026-11-02
    to: 2027-05-01
    hours: 60
coaches:
  - {from: 2026-11-02, coach: robin}
work_hours:
  - {from: 2026-11-02, hours: 16}
status: active
YAML
chmod 600 plans/P-3.yaml
git add -A && git commit -qm 'plan P-3'
git checkout -qb kim3
sed -i 's/^  - {from: 2026-11-02, coach: robin}$/&\n  - {from: 2027-03-01, coach: kim}/' plans/P-3.yaml
sed -i 's/^    hours: 60$/&\n  - from: 2027-05-02\n    length: 6m\n    kind: extension\n    hours: 40/' plans/P-3.yaml
git commit -qam 'kim: hand-over, follow-up grant'
git checkout -q main
sed -i 's/^  - {from: 2026-11-02, hours: 16}$/&\n  - {from: 2027-02-01, hours: 24}/' plans/P-3.yaml
git commit -qam 'robin: more contract hours'
run git merge --no-edit kim3
status_is 0 "grants, coaches and contract hours added on two branches: no conflict"
check "... the follow-up grant" grep -q 'kind: extension' plans/P-3.yaml
check "... the hand-over" grep -q '{from: 2027-03-01, coach: kim}' plans/P-3.yaml
check "... the new contract hours" grep -q '{from: 2027-02-01, hours: 24}' plans/P-3.yaml
run cp-check plans/P-3.yaml
status_is 0 "... and the plan reads"
# Bug: a hand-over on each branch set coach: on both, a conflict on that
# line, and theirs' earlier hand-over went after ours' later one; coach:
# is today's coach by both lists
cat >plans/P-7.yaml <<'YAML'
version: 2
id: P-7
participant:
  name: Noor Bakker
coach: robin
funder: uwv
start: 2026-01-05
coaches:
  - {from: 2026-01-05, coach: robin}
status: active
YAML
chmod 600 plans/P-7.yaml
git add -A && git commit -qm 'plan P-7'
git checkout -qb kimh
cp-plan P-7 --coach kim --from 2026-11-10 >/dev/null
git commit -qam 'kim: hand-over to kim'
git checkout -q main
cp-plan P-7 --coach sam --from 2026-11-16 >/dev/null
git commit -qam 'robin: hand-over to sam'
run git merge --no-edit kimh
status_is 0 "a hand-over on each branch: no conflict"
cat >want <<'YAML'
coach: sam
funder: uwv
start: 2026-01-05
coaches:
  - {from: 2026-01-05, coach: robin}
  - {from: 2026-11-10, coach: kim}
  - {from: 2026-11-16, coach: sam}
YAML
sed -n '/^coach:/,/^status:/p' plans/P-7.yaml | sed '$d' >got
same got want "... both hand-overs oldest first; coach: who coaches today"
run cp-check plans/P-7.yaml
status_is 0 "... and the plan reads"
git checkout -qb samh main~1
git checkout -q kimh
run git merge --no-edit samh
status_is 0 "... merged the other way: no conflict"
check "... coach: theirs', who coaches today" grep -qx 'coach: sam' plans/P-7.yaml
git checkout -q main
# hand-overs agreed ahead on each branch leave coach: as it is: no line to
# conflict on
git checkout -qb kimf
cp-plan P-7 --coach kim --from 2027-03-01 >/dev/null
git commit -qam 'kim: hand-over in March'
git checkout -q main
cp-plan P-7 --coach robin --from 2027-02-01 >/dev/null
git commit -qam 'robin: hand-over in February'
run git merge --no-edit kimf
status_is 0 "hand-overs agreed ahead on each branch: no conflict"
check "... coach: today's still" grep -qx 'coach: sam' plans/P-7.yaml
check "... the hand-overs oldest first" sh -c \
	"grep -A1 'from: 2027-02-01, coach: robin' plans/P-7.yaml | grep -q 'from: 2027-03-01, coach: kim'"
# Bug: new contract hours on each branch set work_hours_per_week: on both,
# a conflict on that line; it is today's hours by both lists, as coach:
cat >plans/P-8.yaml <<'YAML'
version: 2
id: P-8
participant:
  name: Ivo Dekker
coach: robin
funder: uwv
start: 2026-01-05
work_hours_per_week: 16
status: active
YAML
chmod 600 plans/P-8.yaml
git add -A && git commit -qm 'plan P-8'
git checkout -qb kimw
cp-plan P-8 --work-hours 24 --from 2026-11-10 >/dev/null
git commit -qam 'kim: 24 hours'
git checkout -q main
cp-plan P-8 --work-hours 20 --from 2026-11-16 >/dev/null
git commit -qam 'robin: 20 hours'
run git merge --no-edit kimw
status_is 0 "new contract hours on each branch: no conflict"
cat >want <<'YAML'
work_hours_per_week: 20
work_hours:
  - {from: 2026-01-05, hours: 16}
  - {from: 2026-11-10, hours: 24}
  - {from: 2026-11-16, hours: 20}
YAML
sed -n '/^work_hours_per_week:/,/^status:/p' plans/P-8.yaml | sed '$d' >got
same got want "... both changes oldest first; work_hours_per_week: today's hours"
run cp-check plans/P-8.yaml
status_is 0 "... and the plan reads"
git checkout -qb robinw main~1
git checkout -q kimw
run git merge --no-edit robinw
status_is 0 "... merged the other way: no conflict"
check "... work_hours_per_week: theirs', today's" grep -qx 'work_hours_per_week: 20' plans/P-8.yaml
git checkout -q main
# Bug: coach: of a merge was the coach of today by both lists, though a
# hand-over from after the merged end holds for no day: the coach of the
# end day, as cp-check has it
cat >plans/P-9.yaml <<'YAML'
version: 2
id: P-9
participant:
  name: Eva Smit
coach: robin
funder: uwv
start: 2026-01-05
end: 2026-12-31
coaches:
  - {from: 2026-01-05, coach: robin}
status: active
YAML
chmod 600 plans/P-9.yaml
git add -A && git commit -qm 'plan P-9'
git checkout -qb kime
cp-plan P-9 --coach kim --from 2026-11-16 >/dev/null
git commit -qam 'kim: hand-over to kim'
git checkout -q main
cp-plan P-9 --coach sam --from 2026-09-01 >/dev/null && cp-plan P-9 --end 2026-10-31 >/dev/null
git commit -qam 'robin: hand-over to sam, an earlier end'
git merge --no-edit kime >/dev/null 2>"$WORK/merge.err"
check "a hand-over on each branch, one after the end the other moved: merged" \
	grep -q 'from: 2026-11-16, coach: kim' plans/P-9.yaml
check "... coach: who coached on the last day" grep -qx 'coach: sam' plans/P-9.yaml
check "... and the hand-over after the end warned of" \
	grep -q 'warning: the hand-over is after the plan ends on 2026-10-31' "$WORK/merge.err"
git rm -q plans/P-9.yaml && git commit -qm 'P-9: out, its warning with it' # the hook's cp-check
# two follow-up grants, one on each branch, that overlap: no plan merged
git checkout -qb kim4
cp-plan P-3 --grant 2027-11-02:30,ref=A >/dev/null
git commit -qam 'kim: grant A'
git checkout -q main
cp-plan P-3 --grant 2027-11-15:30,ref=B >/dev/null
git commit -qam 'robin: grant B'
git merge --no-edit kim4 >"$WORK/merge.out" 2>"$WORK/merge.err" # out and err are tracked here
check "grants on two branches that overlap: a conflict" test "$?" = 1
# Bug: cp-merge left the plan to git's line merge without a word of why.
check "... and cp-merge says why it did not merge the plan as a plan" grep -q \
	'^cp-merge: warning: plans/P-3.yaml: the changes of both sides together make no plan' \
	"$WORK/merge.err"
git merge --abort

# Comments theirs added come along.  Bug: the merge as a plan carried
# theirs' values into ours' text and left theirs' comments behind.
cp-new --id P-5 --name 'Ali Yilmaz' --funder uwv --start 2026-01-05 --hours 28 \
	--goal 'Kassa' >/dev/null
git add plans && git commit -qm 'plan P-5'
# two_sides BRANCH THEIRS OURS: sed THEIRS on P-5 on a new BRANCH, OURS on main
two_sides() {
	git checkout -qb "$1" && sed -i "$2" plans/P-5.yaml && git commit -qm "kim: $1" plans &&
		git checkout -q main && sed -i "$3" plans/P-5.yaml && git commit -qm "robin: $1" plans
}
two_sides kim5 's/^coach: robin$/coach: robin  # tot januari/' \
	's/^goals:/# Wim belt terug over de kassa\ngoals:/'
run git merge --no-edit kim5
status_is 0 "a comment on each branch"
check "... theirs' comment after a value" grep -q '^coach: robin  # tot januari$' plans/P-5.yaml
check "... ours' comment line" grep -q '^# Wim belt terug over de kassa$' plans/P-5.yaml
git checkout -qb kim6
cp-evaluate --record P-5 --summary 'Kim: kassa gaat goed' -d 2026-07-10 >/dev/null
sed -i 's/^work_hours_per_week: 28$/work_hours_per_week: 28  # sinds juni/' plans/P-5.yaml
sed -i 's/^goals:/# Kim: vervoer geregeld\ngoals:/' plans/P-5.yaml
git commit -qm 'kim: an evaluation and comments' plans
git checkout -q main
cp-evaluate --record P-5 --summary 'Robin: kassa zelfstandig' -d 2026-07-11 >/dev/null
git commit -qm 'robin: an evaluation' plans
run git merge --no-edit kim6
status_is 0 "an evaluation on each branch, comments on theirs"
check "... both evaluations" sh -c 'grep -q "Kim: kassa gaat goed" plans/P-5.yaml &&
	grep -q "Robin: kassa zelfstandig" plans/P-5.yaml'
check "... theirs' comment line" grep -q '^# Kim: vervoer geregeld$' plans/P-5.yaml
check "... theirs' comment after a value ours left alone" \
	grep -q '^work_hours_per_week: 28  # sinds juni$' plans/P-5.yaml
run cp-check plans/P-5.yaml
status_is 0 "... and the plan reads"
two_sides kim7 's/^work_hours_per_week: 28  # sinds juni$/work_hours_per_week: 28  # tot juli/' \
	's/^work_hours_per_week: 28  # sinds juni$/work_hours_per_week: 32  # sinds juni/'
git merge --no-edit kim7 >/dev/null 2>"$WORK/merge.err"
check "a comment theirs changed on a line ours changed: ours' line" \
	grep -q '^work_hours_per_week: 32  # sinds juni$' plans/P-5.yaml
check "... and theirs' comment is said, not lost unseen" grep -q \
	"warning: plans/P-5.yaml: theirs' comment # tot juli has no place in the merge; add it by hand" \
	"$WORK/merge.err"
# Bug: one branch moved the end, the other added a pause after it; the
# merge said nothing, and cp-check only later: cp-merge warns of it, at
# the item in the plan's path as git gives it
two_sides kim8 's/^end: 2029-01-04$/end: 2026-12-31/' \
	'$a pauses:\n  - {from: 2026-12-20, to: 2027-01-05}\n  - {from: 2027-03-01, to: 2027-03-05}'
git merge --no-edit kim8 >/dev/null 2>"$WORK/merge.err"
check "an end moved on one branch, pauses after it on the other: merged" \
	grep -q '^end: 2026-12-31$' plans/P-5.yaml
check "... and cp-merge warns of the pause after the end" grep -q \
	"^cp-merge: plans/P-5.yaml:[0-9]*:[0-9]*: warning: the pause is after the plan ends on 2026-12-31" \
	"$WORK/merge.err"
check "... and of the one the end cuts short" grep -q \
	"^cp-merge: plans/P-5.yaml:[0-9]*:[0-9]*: warning: the plan ends on 2026-12-31, before the pause does" \
	"$WORK/merge.err"
cd "$WORK" || exit 1

# a caseload made before cp-merge: cp-new --init adds the driver, once
mkdir -p old/plans old/hours
printf '# ours\nhours/*.csv merge=union diff=coachplan-csv\nplans/*.yaml diff=coachplan-yaml' >old/.gitattributes
git -C old init -q
run cp-new --init old
status_is 0 "cp-new --init on a caseload made before cp-merge"
check "... adds the merge driver to .gitattributes" test "$(git -C old check-attr merge plans/P-1.yaml)" = 'plans/P-1.yaml: merge: coachplan'
check "... keeps what was there" sh -c 'head -n 3 old/.gitattributes | grep -q "^plans/\*.yaml diff=coachplan-yaml$"'
check "... and sets it up in git's config" test "$(git -C old config merge.coachplan.driver)" = 'cp-merge %O %A %B %P'
err_has "old/.gitattributes:2:.* would write 'hours/\*\.csv merge=coachplan'" \
	"... and says what it would write for the sheets, whose merge=union is the user's"
cp-new --init old >/dev/null 2>&1
check "... once" test "$(grep -c 'merge=coachplan' old/.gitattributes)" = 1
mkdir -p own/plans own/hours
printf 'plans/*.yaml -merge\n' >own/.gitattributes
git -C own init -q
cp-new --init own >/dev/null 2>&1
check "a caseload whose plans have a merge of their own keeps it" \
	test "$(git -C own check-attr merge plans/P-1.yaml)" = 'plans/P-1.yaml: merge: unset'
check "... and gains none of cp-merge for them" test "$(grep -c 'plans/.*merge=coachplan' own/.gitattributes)" = 0

# a repository with a .gitattributes of its own: cp-new --init adds each
# merge it lacks, sheets' too, once, after the user's lines
mkdir mine && printf '*.pdf binary' >mine/.gitattributes
git -C mine init -q
cp-new --init mine >/dev/null 2>&1
cp-new --init mine >/dev/null 2>&1
check "cp-new --init in a repository with a .gitattributes: sheets merge by cp-merge" \
	test "$(git -C mine check-attr merge hours/robin.csv)" = 'hours/robin.csv: merge: coachplan'
check "... plans by cp-merge" \
	test "$(git -C mine check-attr merge plans/P-1.yaml)" = 'plans/P-1.yaml: merge: coachplan'
check "... the user's line kept" test "$(head -n 1 mine/.gitattributes)" = '*.pdf binary'
check "... each once" test "$(grep -c 'merge=' mine/.gitattributes)" = 2
check "a caseload whose own line gave the sheets a merge keeps it, and gains none" \
	test "$(grep -c 'merge=union' old/.gitattributes)" = 1

done_testing
