#!/bin/sh
# cp-check: every problem of every plan and sheet at once; and the
# pre-commit hook of cp-new --init, which refuses a broken plan.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
cp-log -P P-1 -g G1 -m werkvloer -d 2026-03-02 1h30 Kassa
cp-log -P P-2 -m telefoon -d 2026-03-03 20 Gebeld

run cp-check
status_is 0 "a good caseload passes"
check "... quietly" test ! -s err -a ! -s out

# a note a spreadsheet wrote over two lines: the readers take it, and
# coachplan-sheet(5) says so; cp-check (the pre-commit hook) warns
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-04,robin,P-1,G1,onsite,60,"Inwerken\nkassa"\n' \
	>hours/excel.csv
chmod 600 hours/excel.csv
run cp-check
status_is 0 "a line break in a note logged already is no error"
err_has 'hours/excel.csv:2:[0-9]+: warning: note holds a line break: keep it on one line' \
	"... but a warning at the note"
printf '2026-03-05,robin,P-1,G1,onsite,60,"a\tb"\n' >>hours/excel.csv
run cp-check
status_is 65 "another control character still is"
rm hours/excel.csv

run cp-check -v
check "-v says what was checked" grep -q '2 plans, 1 sheet of 2 lines: no errors' err

# hours logged twice are declared twice: cp-log refuses them, and a
# line pasted twice, or logged twice before cp-log did, is warned of
cp hours/robin.csv robin.before
{ cat robin.before; sed -n 2p robin.before; sed -n 2p robin.before | sed 's/,Kassa$/,Kassa (2)/'; } >hours/robin.csv
run cp-check
status_is 0 "an entry in a sheet twice: no error, two like entries may be two"
err_has '^cp-check: hours/robin.csv:4:1: warning: the same entry as line 2: hours logged twice are declared twice' \
	"... but a warning, at the second, naming the first"
check "... and only there, not at an entry that differs in its note" test "$(grep -c 'the same entry' err)" = 1
{ sed -n 1,2p robin.before; sed -n 2p robin.before | sed 's/,werkvloer,\|,onsite,/,werkvloer,/'; } >hours/robin.csv
run cp-check
err_has 'hours/robin.csv:3:1: warning: the same entry as line 2' "... also with the mode in Dutch"
cp robin.before hours/robin.csv
# a sheet imported twice, under another name, is declared twice as well
{ sed -n 1p robin.before; sed -n 2p robin.before; } >hours/robin-agenda.csv
chmod 600 hours/robin-agenda.csv
run cp-check
status_is 0 "an entry in two sheets: no error"
err_has '^cp-check: hours/robin.csv:2:1: warning: the same entry as hours/robin-agenda.csv:2: hours logged twice' \
	"... but a warning at the second, naming the first sheet and line"
rm hours/robin-agenda.csv
# Bug: standard input was named "-" there, as in "the same entry as -:2"
{ sed -n 1p robin.before; sed -n 2p robin.before; } >agenda.csv
run sh -c 'cp-check - hours/robin.csv <agenda.csv'
status_is 0 "an entry on standard input and in a sheet: no error"
err_has '^cp-check: hours/robin.csv:2:1: warning: the same entry as standard input:2: hours logged twice' \
	"... standard input named as everywhere"
rm agenda.csv

# Bug: an hour on a day the plan was paused (logged before a pause from an
# earlier day was written, or with --force) passed without a word
cp plans/P-2.yaml p2.before
printf 'pauses:\n  - {from: 2026-03-02, to: 2026-03-04}\n' >>plans/P-2.yaml
run cp-check
status_is 0 "an hour on a day of a pause: no error, it may have been forced"
err_has '^cp-check: hours/robin.csv:3:1: warning: a day plan P-2 was paused \(2026-03-02\.\.2026-03-04\)' \
	"... but a warning at it"
cp p2.before plans/P-2.yaml
# An hour on a goal before the day it was set, which cp-log refuses
# unforced, passed without a word
cp hours/robin.csv robin.before
cp-plan P-2 --goal 'Zelf de bus nemen' --from 2026-03-10 >/dev/null
printf '2026-03-03,robin,P-2,G2,phone,20,Busroute\n' >>hours/robin.csv
run cp-check
status_is 0 "an hour on a goal before it was set: no error, it may have been forced"
err_has '^cp-check: hours/robin.csv:4:22: warning: goal G2 of plan P-2 was set on 2026-03-10, after this day' \
	"... but a warning at its goal"
cp p2.before plans/P-2.yaml
cp robin.before hours/robin.csv
# Bug (fuzz-edit): a paused: day before the plan's start passed, and closing
# the plan then made it a pause under pauses: that no longer read
printf 'status: paused\npaused: 2026-02-01\n' >>plans/P-2.yaml
sed -i '0,/^status: active$/{/^status: active$/d}' plans/P-2.yaml
run cp-check plans/P-2.yaml
status_is 65 "a pause from a day before the plan's start is an error"
err_has '^cp-check: plans/P-2.yaml:[0-9]+:9: a day before the plan starts$' "... at its day"
cp p2.before plans/P-2.yaml

# Bug: an evaluation.next before the start passed, and cp-evaluate then
# counted the plan overdue before its coaching began
sed -i 's/^  next: .*/  next: 2026-02-01/' plans/P-2.yaml
run cp-check
status_is 65 "a next evaluation before the plan's start is an error"
err_has '^cp-check: plans/P-2.yaml:[0-9]+:9: the evaluation is before the plan starts on 2026-03-01$' \
	"... at its day"
sed -i 's/^  next: .*/  next: 2026-03-01/' plans/P-2.yaml
run cp-check
status_is 0 "... on the start itself it is none"
cp p2.before plans/P-2.yaml

# Bug: a plan file name that is a directory was an empty directory of
# plans, and passed; every other tool says it is none
mkdir plans/X.yaml plans/Y.yml
refuses 66 'plans/X.yaml: cannot read: Is a directory$' "a plans/X.yaml that is a directory" \
	cp-check plans/X.yaml
refuses 66 'plans/Y.yml: cannot read: Is a directory$' "... or plans/Y.yml" cp-check plans/Y.yml
refuses 66 'plans/X.yaml: cannot read: Is a directory$' "... or the caseload here" cp-check
refuses 66 'plans/X.yaml: cannot read: Is a directory$' "... cp-evaluate as cp-check" \
	cp-evaluate plans/X.yaml
refuses 64 'name one plans directory' "... cp-hours takes it for no directory" cp-hours plans/X.yaml
rmdir plans/X.yaml plans/Y.yml

cp -R "$TOP/examples/caseload" sample && chmod 600 sample/plans/* sample/hours/*
run cp-check sample
status_is 0 "the sample caseload passes, named as a directory"

# two broken plans and a broken sheet: every error, each at its place
cp plans/P-1.yaml keep.yaml
cp-new --id P-3 --name Drie --funder uwv --start 2026-01-05 >/dev/null
printf 'id: P-3\n' >>plans/P-3.yaml
sed -i 's/^funder: gemeente/funder: gemeeente/; s/^start: 2026-03-01/start: 2026-02-30/' plans/P-2.yaml
cat >>hours/robin.csv <<'EOF'
2026-03-04,robin,P-1,G9,phone,15,no such goal
2026-03-05,robin,P-7,,phone,15,no such plan
2026-13-01,robin,P-1,,phone,15,bad date
2026-03-06,robin,P-1,,fax,15,bad mode
2029-03-07,robin,P-1,,phone,15,after the end
2026-03-08,robin,P-2,,phone,15,plan that cannot be read
2026-03-09,robin,P-3,,phone,15,plan that cannot be read
EOF
snapshot .
run cp-check
status_is 65 "a broken caseload: exit 65"
err_has '^cp-check: plans/P-3.yaml:[0-9]+:1: duplicate key "id"' "a duplicate key, with its position"
err_has '^cp-check: plans/P-2.yaml:[0-9]+:[0-9]+: .*gemeeente' "an unknown funder in the second plan"
err_has '^cp-check: plans/P-2.yaml:8:8: start: no such day' "... and its bad date too"
err_has '^cp-check: hours/robin.csv:4:[0-9]+: plan P-1 has no goal "G9"' "an unknown goal"
err_has '^cp-check: hours/robin.csv:5:[0-9]+: unknown plan "P-7"' "an unknown plan"
err_has '^cp-check: hours/robin.csv:6:1: ' "a bad date in the sheet"
err_has '^cp-check: hours/robin.csv:7:[0-9]+: unknown mode "fax"' "a bad mode"
err_has '^cp-check: hours/robin.csv:8:1: 2029-03-07 lies outside plan P-1' "an entry after the plan's end"
check "entries of plans that cannot be read are not reported again" sh -c '! grep -q "robin.csv:9:\|robin.csv:10:" err'
check "the excerpt is shown" grep -q '^ *[0-9]* | id: P-3$' err
check "the summary comes last" sh -c 'tail -n 1 err | grep -qx "cp-check: 2 plans and 1 sheet with errors (8 errors)"'
unchanged "cp-check changes nothing"
# A date typed as a coach types it: the hint says how the file writes it.
mkdir dmy && cp plans/P-1.yaml dmy/ && sed -i 's/^start: .*/start: 1 maart 2026/' dmy/P-1.yaml
run cp-check dmy/P-1.yaml
err_has '^cp-check: dmy/P-1.yaml:[0-9]+:8: start: not a date' "a plan's date day first"
err_has '^ hint: a plan writes the year first: 2026-03-01$' "... the hint shows it year first"
printf 'date,coach,plan,goal,mode,minutes,note\n4-3-2026,robin,P-1,,phone,15,\n' >dmy/a.csv
run cp-check -p plans dmy/a.csv
err_has '^ hint: a sheet writes the year first: 2026-03-04$' "... as for a sheet's"
rm -r dmy
run cp-check plans/P-3.yaml
status_is 65 "one plan named"
check "... only that plan" sh -c '! grep -q "P-2.yaml\|robin.csv" err'
run cp-check plans/P-1.yaml
status_is 0 "a good plan named"
run cp-check -m 2 hours/robin.csv
check "-m 2 shows two errors of a sheet" test "$(grep -c '^cp-check: hours/robin.csv:' err)" = 2
err_has 'hours/robin.csv: 3 more errors not shown' "... and counts the rest"
run cp-check -m 4 hours/robin.csv
err_has 'hours/robin.csv: 1 more error not shown$' "... one in the singular"
refuses 64 'max-errors' "a bad --max-errors" cp-check -m lots
run cp-check nowhere.csv
status_is 66 "a sheet that is not there"
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-04,robin,p-01,,phone,15,\n' >haste.csv
run cp-check haste.csv
err_has '^cp-check: haste.csv:2:[0-9]+: unknown plan "p-01"' "a plan id typed in haste"
err_has '^ hint: did you mean P-1\?' "... and the plan it meant named"
rm haste.csv

# a closed plan's old entries are fine; its entries after the end are not
cat >closed.yaml <<'EOF'
version: 1
id: C-1
participant:
  name: Closed
funder: gemeente
start: 2026-01-01
end: 2026-06-30
status: closed
goals:
  - id: G1
    text: Klaar
    status: achieved
EOF
mkdir c c/plans c/hours && cp closed.yaml c/plans/C-1.yaml
printf 'date,coach,plan,goal,mode,minutes,note\n2026-06-01,robin,C-1,G1,onsite,60,\n' >c/hours/robin.csv
run cp-check c
status_is 0 "a closed plan's old entries pass"
printf '2026-07-01,robin,C-1,,onsite,60,\n' >>c/hours/robin.csv
run cp-check c
status_is 65 "an entry after a closed plan's end does not"

# ---- the whole path: --init, git, a good commit, a broken plan refused ----
if ! command -v git >/dev/null; then
	ok "the pre-commit hook # skip git is not installed"
	done_testing
	exit
fi
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t \
	GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME=$WORK
# a test directory inside a repository must not count as one
export GIT_CEILING_DIRECTORIES=$WORK
run cp-new --init nogit
check "--init outside git says no hook was installed" grep -q 'no git repository yet' err
check "... and does not make one" test ! -e nogit/.git
run cp-new --init repo --git
status_is 0 "--init --git"
out_is repo "... prints the directory"
check "... makes a git repository" test -d repo/.git
check "... with the hook, executable" test -x repo/.git/hooks/pre-commit
check "... and the diff drivers set" sh -c 'git -C repo config diff.coachplan-csv.wordRegex >/dev/null'
check ".gitattributes names the drivers" grep -q 'hours/\*.csv merge=coachplan diff=coachplan-csv' repo/.gitattributes
cd repo
cp-new --id P-2026-014 --name 'Bart de Wit' --funder uwv --start 2026-01-05 --goal Kassa >/dev/null
cp-log -P P-2026-014 -g G1 -m werkvloer -d 2026-03-02 1h30 Kassa
git add -A && run git commit -q -m 'a good plan'
status_is 0 "a good plan is committed"
printf 'id: P-2026-014\n' >>plans/P-2026-014.yaml
git add plans
run git commit -q -m 'a broken plan'
check "a broken plan is refused" test "$status" -ne 0
err_has '^cp-check: plans/P-2026-014.yaml:[0-9]+:1: duplicate key "id"' "... with the error's position"
err_has 'commit refused' "... and says the commit was refused"
check "... nothing was committed" test "$(git rev-list --count HEAD)" = 1
# Bug: the hooks' closing lines were English shell text in every language;
# cp-check says them now, in the user's language like its other messages.
check "... the closing line is cp-check's, not the hook's text" \
	sh -c '! grep -q "commit refused" .git/hooks/pre-commit'
refused='coachplan pre-commit: commit refused; mend the files above and git add them'
check "... and it comes last" test "$(tail -n 1 err)" = "$refused"
run sh .git/hooks/pre-commit
status_is 1 "the pre-commit hook itself: exit status 1"
run env LANGUAGE=nl git commit -q -m 'a broken plan'
check "in Dutch: refused" test "$status" -ne 0
err_has '^cp-check: 1 plan met fouten \(1 fout\)' "... with cp-check's errors in Dutch"
err_has '^coachplan pre-commit: ' "... and the closing line from cp-check, after them"
run cp-check --hook pre-commit
status_is 65 "cp-check --hook pre-commit: cp-check's status"
check "... and its errors" grep -q 'duplicate key "id"' err
check "... then the hook's closing line, as the hook said it" \
	test "$(tail -n 1 err)" = "$refused"
run cp-check --hook pre-merge-commit
err_has '^coachplan pre-merge-commit: merge not committed' \
	"cp-check --hook pre-merge-commit: its own line"
refuses 64 "--hook takes pre-commit, pre-merge-commit, post-rewrite or post-commit, not" \
	"cp-check --hook of no hook of coachplan's" cp-check --hook post-checkout
git checkout -q HEAD -- plans
sed -i 's/,90,/,75,/' hours/robin.csv
run git diff --word-diff hours/robin.csv
check "git diff --word-diff shows the changed field" grep -q ',\[-90-\]{+75+},' out
# the hook checks the index, not the work tree
printf 'id: again\n' >>plans/P-2026-014.yaml
git add hours
run git commit -q -m 'a good sheet, a broken plan not staged'
status_is 0 "what is staged is what is checked"
git checkout -q plans
printf '#!/bin/sh\nexit 0\n' >.git/hooks/pre-commit
run cp-new --init .
check "an existing hook of the user's is not overwritten" grep -qx 'exit 0' .git/hooks/pre-commit
err_has "pre-commit exists and is not coachplan's; not overwritten: add the line 'cp-check \|\| exit 1'" \
	"... and cp-new says which line to add"
rm .git/hooks/pre-commit
run cp-new --init . --no-hook
check "--no-hook installs no hook" test ! -e .git/hooks/pre-commit
refuses 64 'go with --init' "--git without --init" cp-new --git --id X-1 --name X --funder uwv --start 2026-01-05
# a caseload below the top of a repository: no hooks, and no repository inside it
mkdir -p team && printf 'x\n' >team/x.yaml && chmod 644 team/x.yaml
run cp-new --init team --git
status_is 0 "--init --git in a subdirectory of a repository"
check "... makes no repository inside the repository" test ! -e team/.git
err_has "team is inside the git repository .*/repo already; --git makes no repository inside it" \
	"... and says so"
err_has "team is not at the top of the git repository .*/repo: no hooks installed" \
	"... says it installs no hooks"
check "... and installs none" test ! -e .git/hooks/pre-commit
check "... makes the new caseload's directories private" test "$(stat -c %a team/plans)" = 700
check "... and leaves the rest of the repository alone" test "$(stat -c %a team/x.yaml)" = 644
check "... and its .gitattributes gives plans their merge driver" \
	grep -q 'plans/\*.yaml merge=coachplan' team/.gitattributes
run cp-new --init team --no-hook
check "--no-hook there: no warning about hooks" test ! -s err
rm -r team

# ---- git writes what it checks out readable by all; the hooks take that back ----
mode() { stat -c %a "$1"; }
umask 022
cp-new --init . >/dev/null 2>&1
cd .. && git clone -q repo clone && cd clone
check "git clones a plan readable by others (umask 022)" test "$(mode plans/P-2026-014.yaml)" = 644
run cp-new --init .
status_is 0 "cp-new --init in a clone"
check "... makes its plans private" test "$(mode plans/P-2026-014.yaml)" = 600
check "... and its sheets" test "$(mode hours/robin.csv)" = 600
check "... and their directories" test "$(mode plans)$(mode hours)" = 700700
check "... and installs the hooks that keep them so" \
	test -x .git/hooks/post-checkout -a -x .git/hooks/post-merge -a -x .git/hooks/post-rewrite \
		-a -x .git/hooks/post-commit
run cp-new --init .
check "... and again, quietly: the hooks are coachplan's" test ! -s err
(cd ../repo && cp-log -P P-2026-014 -m phone -d 2026-03-09 20 Gebeld && git commit -q -am more)
git pull -q --no-rebase 2>/dev/null
check "a sheet git pull changed stays private" test "$(mode hours/robin.csv)" = 600
git checkout -q HEAD~1 2>/dev/null
check "... and one git checkout changed" test "$(mode hours/robin.csv)" = 600
git checkout -q - 2>/dev/null
(cd ../repo && cp-log -P P-2026-014 -m phone -d 2026-03-10 20 Gebeld && git commit -q -am again)
git pull -q --rebase 2>/dev/null
check "... and one git pull --rebase changed" test "$(mode hours/robin.csv)" = 600
printf '#!/bin/sh\nexit 0\n' >.git/hooks/post-merge
run cp-new --init .
check "a post-merge hook of the user's is not overwritten" grep -qx 'exit 0' .git/hooks/post-merge
err_has "post-merge exists and is not coachplan's; not overwritten: add the line 'chmod go= -- plans hours plans/\\* hours/\\* 2>/dev/null'" \
	"... and cp-new says which line to add"
# A merge git commits by itself skips pre-commit: one coach ends the plan,
# another logs an hour after that end, and each branch alone is sound.
# Bug: the merge was committed, and cp-check refused the caseload after.
rm .git/hooks/post-merge && cp-new --init . >/dev/null 2>&1
check "cp-new --init installs pre-merge-commit" test -x .git/hooks/pre-merge-commit
git checkout -q -b closes
cp-plan P-2026-014 --close --end 2026-03-12 >/dev/null && git commit -q -am 'closed'
git checkout -q - && git checkout -q -b logs
cp-log -P P-2026-014 -m phone -d 2026-03-13 20 'Na het einde' && git commit -q -am 'logged'
git checkout -q closes
run git merge --no-edit logs
check "a merge that makes a broken caseload is refused" test "$status" -ne 0
err_has 'lies outside plan P-2026-014' "... by cp-check"
check "... and not committed" test "$(git log -1 --format=%s)" = closed
err_has '^coachplan pre-merge-commit: merge not committed' "... which says what to do"
check "... and the merge waits for git commit, as it says" test -f .git/MERGE_HEAD
# Bug: the sheet git had merged into the work tree stayed readable by all
# until the merge was mended and committed; no post-merge runs then.
check "... and the sheet git merged is private even so" test "$(mode hours/robin.csv)" = 600
git merge --abort
# Bug: git rebase runs no pre-commit, and a git pull --rebase committed
# the same broken caseload without a word.  It cannot be refused there;
# post-rewrite says so, while it is not yet pushed.
git checkout -q logs
run git rebase -q closes
err_has 'hours/robin.csv:[0-9]+:1: 2026-03-13 lies outside plan P-2026-014' \
	"a rebase that makes a broken caseload: cp-check's errors are shown"
err_has '^coachplan post-rewrite: .*mend' "... with what to do"
check "... said by cp-check" sh -c '! grep -q "committed what" .git/hooks/post-rewrite'
run sh .git/hooks/post-rewrite rebase </dev/null
status_is 0 "... the hook itself never fails what git did"
err_has '^coachplan post-rewrite: the rebase committed what cp-check refuses' "... and says so"
run env LANGUAGE=nl sh .git/hooks/post-rewrite rebase </dev/null
err_has 'buiten plan P-2026-014' "... in Dutch: cp-check's errors in Dutch"
err_has '^coachplan post-rewrite: ' "... and the closing line from cp-check"
git checkout -q -b fine closes~1
cp-log -P P-2026-014 -m phone -d 2026-03-11 20 'Voor het einde' && git commit -q -am 'fine'
run git rebase -q closes
check "a rebase that breaks nothing says nothing" test ! -s err
# Bug: git cherry-pick commits without pre-commit too: the hour after the
# plan's end was committed without a word
git checkout -q closes
run git cherry-pick logs
err_has 'hours/robin.csv:[0-9]+:1: 2026-03-13 lies outside plan P-2026-014' \
	"a cherry-pick that makes a broken caseload: cp-check's errors are shown"
err_has '^coachplan post-commit: the cherry-pick or revert .*mend' "... with what to do"
check "... said by cp-check" sh -c '! grep -q "committed what" .git/hooks/post-commit'
run sh .git/hooks/post-commit
status_is 0 "... the hook itself never fails what git did"
git reset -q --hard HEAD^
run git cherry-pick fine
check "a cherry-pick that breaks nothing says nothing" test ! -s err
git reset -q --hard HEAD^
# A merge that stops in a conflict runs no post-merge: git wrote the plan
# readable by all, and the commit that resolves it left it so.
git checkout -q closes && git checkout -q -b ends-later
cp-plan P-2026-014 --resume --end 2026-03-20 >/dev/null 2>&1 && git commit -q -am 'ends later'
git checkout -q closes && git checkout -q -b ends-sooner
cp-plan P-2026-014 --resume --end 2026-03-11 >/dev/null 2>&1 && git commit -q -am 'ends sooner'
git merge -q --no-edit ends-later >/dev/null 2>&1
check "a merge of two ends stops in a conflict" grep -q '^<<<<<<<' plans/P-2026-014.yaml
git checkout -q --theirs plans/P-2026-014.yaml && chmod 644 plans/P-2026-014.yaml
git add plans && git commit -q --no-edit
check "... and the commit that resolves it makes the plan private" \
	test "$(mode plans/P-2026-014.yaml)" = 600
# hooks shared by many repositories (core.hooksPath) leave the others alone
hooks=$PWD/.git/hooks
cd .. && mkdir other && cd other && git init -q && git config core.hooksPath "$hooks"
mkdir plans && echo public >plans/list && chmod 644 plans/list
git add -A && git commit -q -m list && git checkout -q -b other
check "a repository that is no caseload keeps its modes" test "$(mode plans/list)" = 644
echo 'id: [' >plans/broken.yaml && git add plans
run git commit -q -m 'not a plan'
status_is 0 "... and commits what cp-check would refuse"
# Bug: a plan's errors came in the order the reader checks keys (start
# before status), line 5 before line 3; a file's problems come in line
# order, as a compiler's do.
mkdir order && cat >order/P-9.yaml <<'YAML'
id: P-9
version: 2
status: bogus
participant: {name: Test}
start: 2026-13-01
work_hours_per_week: 16,5
coach: robin
funder: nobody
YAML
chmod 600 order/P-9.yaml
run cp-check order/P-9.yaml
status_is 65 "a plan with errors on lines 3, 5, 6 and 8"
grep -o '^cp-check: order/P-9.yaml:[0-9]*' err | cut -d: -f3 >lines
check "... in line order" sh -c 'test "$(cat lines | tr "\n" " ")" = "3 5 6 8 "'
check "... each with its excerpt under it" sh -c 'grep -A1 "P-9.yaml:3:" err | grep -q "^ 3 | status: bogus"'
rm -r order
# work_hours_per_week: says today's hours (coachplan-plan(5)); new hours
# whose day has come leave it behind: a warning, in the caseload too
cat >plans/P-8.yaml <<'YAML'
version: 2
id: P-8
participant: {name: Test}
coach: robin
funder: uwv
start: 2026-01-05
work_hours_per_week: 16
work_hours:
  - {from: 2026-01-05, hours: 16}
  - {from: 2026-10-01, hours: 18.5}
YAML
chmod 600 plans/P-8.yaml
run cp-check plans/P-8.yaml
status_is 0 "work_hours_per_week: behind work_hours: passes"
err_has '^cp-check: plans/P-8.yaml:7:22: warning: work_hours_per_week: says 16, but the contract hours are 18.5 a week today' \
	"... but a warning at it"
run cp-check
err_has '^cp-check: plans/P-8.yaml:7:22: warning: work_hours_per_week: says 16' "... in the caseload too"
sed -i 's/^work_hours_per_week: 16$/work_hours_per_week: 18.5/' plans/P-8.yaml
run cp-check
check "... and none once it says today's" sh -c '! grep -q work_hours_per_week err'
rm plans/P-8.yaml
# Bug: an --end moved before a hand-over, new contract hours or a pause,
# or a merge of two branches, left them after the end, for no day of the
# plan, and cp-check said nothing: a warning at the item's from:
cat >plans/P-8.yaml <<'YAML'
version: 2
id: P-8
participant: {name: Test}
coach: kim
coaches:
  - {from: 2026-01-05, coach: robin}
  - {from: 2026-08-01, coach: kim}
funder: uwv
start: 2026-01-05
end: 2026-06-30
work_hours_per_week: 20
work_hours:
  - {from: 2026-01-05, hours: 16}
  - from: 2026-09-01
    hours: 20
pauses:
  - {from: 2026-03-02, to: 2026-03-06}
  - {from: 2026-07-01, to: 2026-07-10}
grants:
  - {from: 2026-01-05, to: 2026-07-31, hours: 40}
  - {from: 2026-09-01, length: 6m, hours: 20}
YAML
chmod 600 plans/P-8.yaml
run cp-check plans/P-8.yaml
status_is 0 "a hand-over, hours, a pause and a grant after the end: no error"
err_has '^cp-check: plans/P-8.yaml:7:12: warning: the hand-over is after the plan ends on 2026-06-30: it holds for no day of the plan; move the end after it, or remove the item$' \
	"... but a warning at the hand-over's from:"
err_has '^cp-check: plans/P-8.yaml:14:11: warning: the change of hours is after the plan ends on 2026-06-30' \
	"... at the new hours' from:"
err_has '^cp-check: plans/P-8.yaml:18:12: warning: the pause is after the plan ends on 2026-06-30' \
	"... and at the pause's from:"
# Bug: a grant from after the end was accepted without a word; one the
# end cuts (from before it) is left alone
err_has '^cp-check: plans/P-8.yaml:21:12: warning: the grant is after the plan ends on 2026-06-30: it holds for no day of the plan; move the end after it, or remove the item$' \
	"... and at the grant's from:"
check "... and at none before the end" test "$(grep -c 'after the plan ends' err)" = 4
run cp-check
err_has '^cp-check: plans/P-8.yaml:7:12: warning: the hand-over is after the plan ends' "... in the caseload too"
sed -i 's/^end: 2026-06-30$/end: 2026-12-31/' plans/P-8.yaml
run cp-check plans/P-8.yaml
check "... and none once the end is after them" sh -c '! grep -q "after the plan ends" err'
rm plans/P-8.yaml
# Bug: after the end, coach: and work_hours_per_week: were held against a
# hand-over and new hours from after it, which hold for no day: they say
# what held on the end day, and the items after it are warned of alone
cat >plans/P-9.yaml <<'YAML'
version: 2
id: P-9
participant: {name: Test}
coach: robin
coaches:
  - {from: 2026-01-05, coach: robin}
  - {from: 2026-08-01, coach: kim}
funder: uwv
start: 2026-01-05
end: 2026-06-30
work_hours_per_week: 16
work_hours:
  - {from: 2026-01-05, hours: 16}
  - {from: 2026-09-01, hours: 20}
YAML
chmod 600 plans/P-9.yaml
run cp-check plans/P-9.yaml
status_is 0 "coach: and work_hours_per_week: of the end day, items after it: no error"
check "... no warning that coach: is behind" sh -c '! grep -q "coach: says" err'
check "... nor work_hours_per_week:" sh -c '! grep -q "work_hours_per_week: says" err'
check "... the items after the end warned of" test "$(grep -c 'after the plan ends' err)" = 2
sed -i 's/^coach: robin$/coach: kim/; s/^work_hours_per_week: 16$/work_hours_per_week: 20/' \
	plans/P-9.yaml
run cp-check plans/P-9.yaml
err_has '^cp-check: plans/P-9.yaml:4:8: warning: coach: says kim, but robin coached the plan on its last day, 2026-06-30 .coaches:.; set coach: robin$' \
	"coach: of a hand-over after the end: behind, said of the last day"
err_has '^cp-check: plans/P-9.yaml:11:22: warning: work_hours_per_week: says 20, but the contract hours were 16 a week on the plan.s last day, 2026-06-30 .work_hours:.; set work_hours_per_week: 16$' \
	"... and work_hours_per_week: of hours after the end"
rm plans/P-9.yaml
# Bug: a pause from before the end whose to: runs past it was taken
# without a word: a warning at its to:; one ending on the end day is fine
cat >plans/P-9.yaml <<'YAML'
version: 2
id: P-9
participant: {name: Test}
funder: uwv
start: 2026-01-05
end: 2026-06-30
pauses:
  - {from: 2026-03-02, to: 2026-03-06}
  - {from: 2026-06-20, to: 2026-07-10}
YAML
chmod 600 plans/P-9.yaml
run cp-check plans/P-9.yaml
status_is 0 "a pause that runs past the end: no error"
err_has '^cp-check: plans/P-9.yaml:9:28: warning: the plan ends on 2026-06-30, before the pause does: its days after the end are no days of the plan; end the pause on that day, or move the end after it$' \
	"... but a warning at its to:"
check "... and at that pause alone" test "$(grep -c 'before the pause does' err)" = 1
sed -i 's/to: 2026-07-10/to: 2026-06-30/' plans/P-9.yaml
run cp-check plans/P-9.yaml
check "... none for a pause that ends with the plan" sh -c '! grep -q "before the pause" err'
rm plans/P-9.yaml
# a caseload of hundreds of large plans: each is held, once checked, only
# in what its sheets' entries need, not in its text and YAML tree (15 MB
# of plans, checked in 30 MB of address space; an ASan build reserves
# far more, and skips it)
cd .. && mkdir many && cd many && mkdir plans hours
awk 'BEGIN {
	for (i = 1; i <= 600; i++) {
		f = sprintf("plans/P-%d.yaml", i)
		printf "version: 2\nid: P-%d\nparticipant:\n  name: Ans Bos\ncoach: robin\nfunder: uwv\n" \
			"start: 2026-01-05\nwork_hours_per_week: 24\n" \
			"evaluation: {every: 6m, next: 2026-07-01}\ngoals:\n  - {id: G1, text: Orderpicken}\n" \
			"agreements:\n", i >f
		for (k = 0; k < 400; k++)
			printf "  - Afspraak %d over het werk en de pauzes op de werkvloer\n", k >f
		close(f)
	}
	print "date,coach,plan,goal,mode,minutes,note" >"hours/robin.csv"
	for (i = 1; i <= 600; i++)
		printf "2026-03-02,robin,P-%d,G1,onsite,60,Kassa\n", i >"hours/robin.csv"
}'
chmod 600 plans/*.yaml hours/robin.csv
if ! bare cp-check; then
	ok "600 plans of 25 KB in 30 MB # skip an ASan or valgrind build"
else
	run sh -c 'ulimit -v 30000 && exec cp-check -v -p plans plans hours'
	status_is 0 "600 plans of 25 KB and a sheet: checked in 30 MB of address space"
	check "... every one" grep -q '600 plans, 1 sheet of 600 lines: no errors' err
fi
done_testing
