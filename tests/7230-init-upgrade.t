#!/bin/sh
# cp-new --init run again on a caseload an older cp-new --init set up.
# Bug: what coachplan had written itself was kept as it was: the sheets'
# merge=union of its .gitattributes (cp-merge's fix never reached the
# team) and its older hooks.  What coachplan wrote is brought up to date,
# surgically; what the user wrote is left, with a word of what cp-new
# would write.  tests/data/hooks/ holds hooks older versions wrote.
. "$(dirname "$0")/lib.sh"
command -v git >/dev/null || { echo "1..0 # skip git is not installed"; exit 0; }
export GIT_CONFIG_NOSYSTEM=1 HOME=$WORK
git config --global init.defaultBranch main

cp-new --init new --git >/dev/null 2>&1 || exit 1

# cp-new --init of 2026-12-04, with a line of the user's above and below
mkdir -p old/plans old/hours && git -C old init -q
{
	printf '*.pdf binary\n'
	printf '# coachplan: appends to one sheet on two branches both survive a merge;\n'
	printf '# the diff drivers (set up by cp-new --init in .git/config) show a\n'
	printf "# sheet's changed fields with git diff --word-diff, and a plan's\n"
	printf '# changes under the goal or key they are in; plans changed on two\n'
	printf '# branches are merged as plans (cp-merge)\n'
	printf 'hours/*.csv merge=union diff=coachplan-csv\n'
	printf 'plans/*.yaml merge=coachplan diff=coachplan-yaml\n'
	printf '*.docx binary\n'
} >old/.gitattributes
run cp-new --init old
status_is 0 "cp-new --init on a caseload of an older cp-new --init"
check "... the sheets merge by cp-merge" \
	test "$(git -C old check-attr merge hours/robin.csv)" = 'hours/robin.csv: merge: coachplan'
{ printf '*.pdf binary\n'; cat new/.gitattributes; printf '*.docx binary\n'; } >want
same old/.gitattributes want "... coachplan's lines are today's, the user's kept as they were"
err_has "old/.gitattributes: .*commit it" "... and it says so"
snapshot old
run cp-new --init old
check "... once: a second run is silent" test ! -s err
unchanged "... and changes nothing"

# the first cp-new --init's, and the line it appended to a .gitattributes
mkdir -p first && git -C first init -q
printf '# coachplan: appends to one sheet on two branches both survive a merge\nhours/*.csv merge=union\n' \
	>first/.gitattributes
run cp-new --init first
check "the first cp-new --init's line: cp-merge's now" test "$(grep -c 'merge=union' first/.gitattributes)" = 0
check "... as today's cp-new --init writes it" sh -c 'head -n 8 first/.gitattributes | cmp -s - new/.gitattributes'
# Bug: one a later cp-new --init gave the plans' merge line came out with
# that line twice
mkdir -p twice && git -C twice init -q
{
	printf '# coachplan: appends to one sheet on two branches both survive a merge\n'
	printf 'hours/*.csv merge=union\n'
	printf '# plans changed on two branches are merged as plans (cp-merge)\n'
	printf 'plans/*.yaml merge=coachplan\n*.pdf binary\n'
} >twice/.gitattributes
{ cat new/.gitattributes; printf '*.pdf binary\n'; } >want
cp-new --init twice >/dev/null 2>&1
same twice/.gitattributes want "the first cp-new --init's block and a later one's plans line: each once"
mkdir -p appended && git -C appended init -q
printf '*.pdf binary\n# appends to one sheet on two branches both survive a merge\nhours/*.csv merge=union\n' \
	>appended/.gitattributes
run cp-new --init appended
check "the sheets' line cp-new --init appended: cp-merge's now" \
	test "$(git -C appended check-attr merge hours/robin.csv)" = 'hours/robin.csv: merge: coachplan'
check "... in its place" test "$(sed -n 3p appended/.gitattributes)" = 'hours/*.csv merge=coachplan'

# a line of the user's for the sheets is the user's
mkdir -p own && git -C own init -q
printf '# ours\nhours/*.csv merge=union\n' >own/.gitattributes
cp own/.gitattributes want
run cp-new --init own
head -n 2 own/.gitattributes >now
same now want "the user's own merge for the sheets is kept"
err_has "own/.gitattributes:2:.*'hours/\*\.csv merge=coachplan'" "... and it says what cp-new would write"

# Today's hooks are kept in tests/data/hooks-now/: a hook text changed in
# lib/hook.c without keeping the old one's hash would leave every caseload
# set up before with the old hook, taken for the user's.
for now in "$TOP"/tests/data/hooks-now/*; do
	name=$(basename "$now")
	cmp -s "$now" new/.git/hooks/"$name" && { ok "$name is as tests/data/hooks-now/ has it"; continue; }
	not_ok "$name is as tests/data/hooks-now/ has it" "the hook changed: move tests/data/hooks-now/$name to tests/data/hooks/$name.COMMIT, add its FNV-1a hash to old_hooks in lib/hook.c (unless another of today's hooks has its text), and copy today's into tests/data/hooks-now/"
done

# hooks an older cp-new --init installed are coachplan's: today's replace them
for old in "$TOP"/tests/data/hooks/*; do
	name=$(basename "$old" | cut -d. -f1)
	rm -rf up && mkdir up && git -C up init -q && cp-new --init up >/dev/null 2>&1
	cp "$old" up/.git/hooks/"$name"
	run cp-new --init up
	same up/.git/hooks/"$name" new/.git/hooks/"$name" "$(basename "$old"): today's hook replaces it"
	check "... silently" test ! -s err
done
# one the user changed is the user's
printf 'make lint\n' >>up/.git/hooks/pre-commit
cp up/.git/hooks/pre-commit want
cp-new --init up >/dev/null 2>&1
same up/.git/hooks/pre-commit want "a hook of coachplan's the user changed is kept"

done_testing
