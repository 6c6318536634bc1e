#!/bin/sh
# make demo: the sample caseload the README's session runs in.  It says
# that after an evaluation is recorded `git diff` shows just that, so the
# demo is a git repository with the caseload, robin's week included,
# committed; the README's diff is what comes out.
. "$(dirname "$0")/lib.sh"

git init -q . # o/demo inside a repository, as build/demo is in a clone
env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -j2 -C "$TOP" demo O="$WORK/o" >make.out 2>&1
status=$?
status_is 0 "make demo builds the sample caseload"
run git -C o/demo status --porcelain
status_is 0 "build/demo is a git repository"
check "... with the caseload and robin's week committed" test ! -s out

# the README's command that records Ilse's evaluation, and the diff it shows
awk '/^\$ cp-evaluate --record P-2024-011/ { on = 1 } on { print } on && !/\\$/ { exit }' \
	"$TOP/README.md" | sed 's/^\$ //' >record.sh
awk '/^\$ git diff$/ { on = 1; next } on && /^\$ / { exit } on' "$TOP/README.md" >want.diff
check "the README records an evaluation" test -s record.sh
run sh -c "cd o/demo && . ../../record.sh"
status_is 0 "the README's cp-evaluate --record runs in build/demo"
run git -C o/demo diff
status_is 0 "git diff runs in build/demo"
same want.diff out "git diff shows what the README says"

done_testing
