#!/bin/sh
# Plans merged as plans: two coaches change one plan on two branches and
# git merge, with the driver cp-new --init sets up (cp-merge), merges
# them: both evaluations in date order, the later next evaluation, both
# sides' new goals and agreements, every comment; conflict markers only
# where both changed one value differently.
. "$(dirname "$0")/lib.sh"
command -v git >/dev/null || { echo "1..0 # skip git is not installed"; exit 0; }
export GIT_AUTHOR_NAME=robin GIT_AUTHOR_EMAIL=robin@example.org GIT_COMMITTER_NAME=robin \
	GIT_COMMITTER_EMAIL=robin@example.org GIT_CONFIG_NOSYSTEM=1 HOME=$WORK
git config --global init.defaultBranch main

cp-new --init cl --git >/dev/null 2>&1 || exit 1
cd cl || exit 1
check "cp-new --init names the merge driver in .gitattributes" grep -q 'plans/\*.yaml merge=coachplan' .gitattributes
check "... and sets it up in git's config" test "$(git config merge.coachplan.driver)" = 'cp-merge %O %A %B %P'
cp-new --id P-1 --name 'Bart de Wit' --funder uwv --start 2026-01-05 --goal 'Zelfstandig de kassa bedienen' >/dev/null
sed -i 's/^coach: robin$/coach: robin  # vaste coach/' plans/P-1.yaml
git add -A && git commit -qm 'plan P-1' || exit 1

# robin records an evaluation and adds a goal; kim, on her branch, another
git checkout -qb kim
cp-evaluate --record P-1 --summary 'Kim: kassa gaat goed' -d 2026-07-10 --goal G1=behaald >/dev/null
printf '  - id: G3\n    text: Op zaterdag werken\n    status: open\n' >kim-goal
awk '/^goals:/ { print; g = 1; next } g && /^[a-z]/ { while ((getline l < "kim-goal") > 0) print l; g = 0 } { print }' \
	plans/P-1.yaml >p && cat p >plans/P-1.yaml && rm p kim-goal
git commit -qam 'kim: evaluation, goal G3'
git checkout -q main
cp-evaluate --record P-1 --summary 'Robin: uren naar 20' -d 2026-07-01 >/dev/null
sed -i 's/^agreements: .*/# robin: afspraak met de werkgever\nagreements:\n  - Elke maandag kort bellen/' plans/P-1.yaml
git commit -qam 'robin: evaluation, agreement'

run git merge --no-edit kim
status_is 0 "git merge of two evaluations on two branches: no conflict"
check "... no conflict markers" sh -c '! grep -q "^<<<<<<<\|^>>>>>>>" plans/P-1.yaml'
run cp-check plans/P-1.yaml
status_is 0 "... the merged plan reads"
check "... both evaluations" test "$(grep -c '^  - date: 2026-07-' plans/P-1.yaml)" = 2
check "... in date order" test "$(grep -n '2026-07-01\|2026-07-10' plans/P-1.yaml | head -n 1 | grep -c 2026-07-01)" = 1
next=$(sed -n 's/^  next: //p' plans/P-1.yaml)
check "... the later next evaluation ($next)" test "$next" = 2027-01-10
check "... kim's goal G3" grep -q 'id: G3' plans/P-1.yaml
check "... and her goal status" grep -q 'status: achieved' plans/P-1.yaml
check "... robin's agreement" grep -q 'Elke maandag kort bellen' plans/P-1.yaml
check "... every comment" sh -c 'grep -q "# vaste coach" plans/P-1.yaml && grep -q "# robin: afspraak" plans/P-1.yaml'
run cp-evaluate --due --on 2026-11-23 plans/P-1.yaml
check "... and the tools read it" test "$status" -le 1

# both change one value differently: a conflict, with markers there only
git checkout -qb kim2
sed -i 's/^  name: Bart de Wit$/  name: Bart de Wit-Jansen/' plans/P-1.yaml
sed -i 's/Elke maandag kort bellen/Elke dinsdag kort bellen/' plans/P-1.yaml
git commit -qam 'kim: name'
git checkout -q main
sed -i 's/^  name: Bart de Wit$/  name: Bart van de Wit/' plans/P-1.yaml
cp-evaluate --record P-1 --summary 'Robin: januari' -d 2026-08-01 >/dev/null
git commit -qam 'robin: name, evaluation'
run git merge --no-edit kim2
check "both changed the name differently: git merge reports a conflict" test "$status" -ne 0
check "... with markers around the name" sh -c 'grep -A4 "^<<<<<<< ours" plans/P-1.yaml | grep -q "Bart van de Wit" &&
	grep -A4 "^=======" plans/P-1.yaml | grep -q "Bart de Wit-Jansen"'
check "... only there: one conflict" test "$(grep -c '^<<<<<<<' plans/P-1.yaml)" = 1
check "... kim's other change is in" grep -q 'Elke dinsdag kort bellen' plans/P-1.yaml
check "... and robin's evaluation" grep -q 'Robin: januari' plans/P-1.yaml
line=$(grep -n '^<<<<<<< ours' plans/P-1.yaml | cut -d: -f1)
run cp-check plans/P-1.yaml
status_is 65 "cp-check (the pre-commit hook) refuses a plan with the conflict in it"
err_has "^cp-check: plans/P-1.yaml:$line:1: git left a merge conflict here to resolve\$" \
	"... and says so, at its first marker"
err_has "delete the lines <<<<<<<, ======= and >>>>>>>" "... and how to resolve it"
git merge --abort
# Bug: with merge.conflictStyle diff3 git also writes ||||||| and the
# base's lines; a coach who deleted the three lines the hint names got
# libyaml's "while scanning a block scalar" at the fourth.
git config merge.conflictStyle diff3
sed 's/^id: P-1$/id: P-1  # ons/' plans/P-1.yaml >ours.yaml
printf 'version: 1\nid: [\n' >bad.yaml
cp-merge plans/P-1.yaml ours.yaml bad.yaml plans/P-1.yaml 2>/dev/null
check "with conflictStyle diff3, git's text merge writes ||||||| too" grep -q '^||||||| base' ours.yaml
sed -i '/^<<<<<<<\|^=======\|^>>>>>>>/d' ours.yaml
line=$(grep -n '^|||||||' ours.yaml | cut -d: -f1)
run cp-check ours.yaml
status_is 65 "cp-check refuses a plan with ||||||| left in it"
err_has "^cp-check: ours.yaml:$line:1: git left a merge conflict here to resolve\$" "... as a conflict, at the marker"
err_has "hint: .*the lines from [|]{7} to ={7}" "... and says that the base's lines go too"
printf 'date,coach,plan,goal,mode,minutes,note\n2026-08-03,robin,P-1,,phone,30,a\n||||||| base\n2026-08-04,kim,P-1,,phone,30,b\n' >conflict.csv
run cp-check conflict.csv
err_has '^cp-check: conflict.csv:3:1: git left a merge conflict here to resolve$' "... a sheet too"
git config --unset merge.conflictStyle
rm ours.yaml bad.yaml conflict.csv
# a sheet merged without merge=union: git's markers in it
printf 'date,coach,plan,goal,mode,minutes,note\n<<<<<<< HEAD\n2026-08-03,robin,P-1,,phone,30,a\n=======\n2026-08-04,kim,P-1,,phone,30,b\n>>>>>>> kim\n' >conflict.csv
run cp-hours conflict.csv
status_is 65 "cp-hours refuses a sheet with a merge conflict left in it"
err_has '^cp-hours: conflict.csv:2:1: git left a merge conflict here to resolve$' "... and says so, at the marker"

# a version that is no plan: git's own text merge decides
printf 'version: 1\nid: [\n' >bad.yaml
sed 's/^id: P-1$/id: P-1  # ons/' plans/P-1.yaml >ours.yaml
run cp-merge plans/P-1.yaml ours.yaml bad.yaml plans/P-1.yaml
check "a side that is no plan: left to git merge-file (a conflict)" test "$status" = 1
err_has '^cp-merge: warning: plans/P-1.yaml: theirs is no plan; git merges its lines instead$' \
	"... saying so"
run cp-merge
status_is 64 "cp-merge without files: a usage error"

done_testing
