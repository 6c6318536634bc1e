#!/bin/sh
# Hour sheets changed on two branches.  Bug: merge=union kept a line one
# branch corrected or removed beside what the other appended after it (git
# sees those changes touch, and union keeps both sides): an hour corrected
# from 30 to 45 minutes was declared as 75, unseen by cp-check.  And a
# sheet that Excel saved again (a byte order mark, CRLF) beside an append
# on the other branch came back with every entry twice.  cp-merge merges
# a sheet as its lines: what one side removed goes, what either added
# stays, once.
. "$(dirname "$0")/lib.sh"
command -v git >/dev/null || { echo "1..0 # skip git is not installed"; exit 0; }
export GIT_AUTHOR_NAME=robin GIT_AUTHOR_EMAIL=robin@example.org GIT_COMMITTER_NAME=robin \
	GIT_COMMITTER_EMAIL=robin@example.org GIT_CONFIG_NOSYSTEM=1 HOME=$WORK
git config --global init.defaultBranch main
umask 022

cp-new --init cl --git >/dev/null 2>&1 || exit 1
cd cl || exit 1
check "cp-new --init merges sheets with cp-merge" grep -q '^hours/\*.csv merge=coachplan' .gitattributes
cp-new --id P-1 --name 'Bart de Wit' --funder uwv --start 2026-01-05 --goal 'Kassa' >/dev/null
cp-log -P P-1 -m phone -d 2026-03-02 30 Gebeld >/dev/null 2>&1
cp-log -P P-1 -m onsite -d 2026-03-03 60 Kassa >/dev/null 2>&1
git add -A && git commit -qm 'week 10' || exit 1

# robin corrects her last line; on her laptop she had logged another hour
git checkout -qb laptop
cp-log -P P-1 -m phone -d 2026-03-04 20 Rooster >/dev/null 2>&1 && git commit -qam laptop
git checkout -q main
sed -i 's/,60,Kassa$/,45,Kassa/' hours/robin.csv && git commit -qam 'minutes corrected'
run git merge --no-edit laptop
status_is 0 "a corrected line beside a line appended on another branch: merged"
same_lines() {
	printf '%s\n' "$@" >expected.csv
	cmp -s expected.csv hours/robin.csv || { diff expected.csv hours/robin.csv; return 1; }
}
check "... the correction stands, once, and the new line is in" same_lines \
	'date,coach,plan,goal,mode,minutes,note' \
	'2026-03-02,robin,P-1,,phone,30,Gebeld' \
	'2026-03-03,robin,P-1,,onsite,45,Kassa' \
	'2026-03-04,robin,P-1,,phone,20,Rooster'
check "... and the sheet git wrote is private" test "$(stat -c %a hours/robin.csv)" = 600
# Bug: merged the other way round, the line corrected on the other branch
# went to the end of the sheet, after the hour appended here
git checkout -q -b laptop2 laptop
run git merge --no-edit main^1
status_is 0 "the correction merged into the branch that appended"
check "... in the place of the line it corrects" same_lines \
	'date,coach,plan,goal,mode,minutes,note' \
	'2026-03-02,robin,P-1,,phone,30,Gebeld' \
	'2026-03-03,robin,P-1,,onsite,45,Kassa' \
	'2026-03-04,robin,P-1,,phone,20,Rooster'
git checkout -q main

# the other way round, by a rebase: the line removed stays removed
git checkout -qb wrong main
cp-log -P P-1 -m phone -d 2026-03-05 15 Verkeerd >/dev/null 2>&1 && git commit -qam wrong
git checkout -qb removed
sed -i '/Verkeerd$/d' hours/robin.csv && git commit -qam 'wrong line removed'
git checkout -qb appended wrong
cp-log -P P-1 -m phone -d 2026-03-06 10 Gemaild >/dev/null 2>&1 && git commit -qam appended
run git rebase -q removed
status_is 0 "a line removed on one branch, one appended on another: rebased"
check "... the removed line stays away" sh -c '! grep -q Verkeerd hours/robin.csv'
check "... and the new one is in" test "$(grep -c Gemaild hours/robin.csv)" = 1
# Bug: the rebase above failed now and then: "your local changes would be
# overwritten".  The post-checkout hook's chmod changed the sheet's ctime;
# in a later second than git's checkout, the rebase's index (kept in
# memory) took the sheet for changed.  A hook slowed down makes it sure.
check "cp-new --init tells git not to trust ctime" test "$(git config core.trustCtime)" = false
git checkout -q -b slow-appended appended@{1} && git checkout -q removed
sed 's/^chmod/sleep 1.1; chmod/' .git/hooks/post-checkout >slow && cat slow >.git/hooks/post-checkout
git checkout -q slow-appended
run git rebase -q removed
status_is 0 "... so a hook that chmods a second later stops no rebase"
check "... which rebased" test "$(grep -c -e Gemaild -e Verkeerd hours/robin.csv)" = 1
git checkout -q removed && cp slow .git/hooks/post-checkout
sed -i 's/^sleep 1.1; //' .git/hooks/post-checkout && rm slow

# both logged the same hour on two machines: once, as merge=union kept it
git checkout -qb twice-a main
cp-log -P P-1 -m phone -d 2026-03-09 10 Bellen >/dev/null 2>&1 && git commit -qam a
git checkout -qb twice-b main
cp-log -P P-1 -m phone -d 2026-03-09 10 Bellen >/dev/null 2>&1
cp-log -P P-1 -m onsite -d 2026-03-09 60 Werkplek >/dev/null 2>&1 && git commit -qam b
run git merge --no-edit twice-a
status_is 0 "the same line appended on both branches: merged"
check "... it stands once" test "$(grep -c ',10,Bellen$' hours/robin.csv)" = 1
check "... beside the other's" test "$(grep -c 'Werkplek' hours/robin.csv)" = 1

# a colleague's Excel saved the sheet again: a byte order mark and CRLF
git checkout -qb excel main
{ printf '\357\273\277'; sed 's/$/\r/' hours/robin.csv; } >x.csv && cat x.csv >hours/robin.csv && rm x.csv
cp-log -P P-1 -m phone -d 2026-03-10 25 Excel >/dev/null 2>&1 && git commit -qam excel
git checkout -qb lf main
cp-log -P P-1 -m phone -d 2026-03-11 35 Linux >/dev/null 2>&1 && git commit -qam lf
run git merge --no-edit excel
status_is 0 "a sheet saved again with CRLF and a BOM on one branch: merged"
check "... no entry twice" test "$(grep -c ',Kassa' hours/robin.csv)" = 1
check "... both new lines in" sh -c 'grep -q ",Excel" hours/robin.csv && grep -q ",Linux" hours/robin.csv'
run cp-check
status_is 0 "... and cp-check is content"
check "... with no warning" test ! -s err

# a note over two lines: left to union, as before (cp-check warns of it)
git checkout -qb note-a main
printf '2026-03-12,robin,P-1,,phone,5,"twee\nregels"\n' >>hours/robin.csv && git commit -qam note 2>/dev/null
git checkout -qb note-b main
cp-log -P P-1 -m phone -d 2026-03-13 5 Kort >/dev/null 2>&1 && git commit -qam kort
run git merge --no-edit note-a
status_is 0 "a note over two lines: merged line by line, as union does"
check "... both entries in" sh -c 'grep -q "^regels\"" hours/robin.csv && grep -q ",Kort" hours/robin.csv'

# Bug: a sheet emptied on one branch (its lines wrong, all of them),
# an hour appended on the other: the merge kept the new line and lost the
# header above it, and the sheet read no more
git checkout -qb emptied main
: >hours/robin.csv && git commit -qam emptied
git checkout -qb appended-too main
cp-log -P P-1 -m phone -d 2026-03-16 30 Nieuw >/dev/null 2>&1 && git commit -qam nieuw
run git merge --no-edit emptied
status_is 0 "a sheet emptied on one branch, appended on the other: merged"
check "... the header first, then the new line alone" same_lines \
	'date,coach,plan,goal,mode,minutes,note' \
	'2026-03-16,robin,P-1,,phone,30,Nieuw'
git checkout -q -b emptied2 emptied
run git merge --no-edit appended-too
status_is 0 "... and merged into the branch that emptied it"
check "... the header first there too" same_lines \
	'date,coach,plan,goal,mode,minutes,note' \
	'2026-03-16,robin,P-1,,phone,30,Nieuw'
run cp-check
status_is 0 "... and cp-check is content"
done_testing
