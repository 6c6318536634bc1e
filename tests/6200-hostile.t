#!/bin/sh
# Hostile input: ids that are paths, links planted where files will be
# written, modes that do not depend on the umask, and text that would
# drive the terminal.  Nothing may be written outside the caseload, and a
# refusal says why on its first line.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
export CP_TODAY=2026-03-10
mkdir outside
OUT=$WORK/outside

# ---- ids that are paths (shown in the test names with ? for odd bytes) ----
for id in ../x ../../outside/x /etc/passwd "$OUT/x" a/b .. . "P-1/../P-2" "$(printf 'x\ny')" \
	"$(printf 'x\033[2J')" "$(head -c 65 /dev/zero | tr '\0' x)"; do
	shown=$(printf '%s' "$id" | tr -c 'A-Za-z0-9./_-' '?' | cut -c1-24)
	refuses 64 'plan id' "cp-new --id '$shown'" cp-new --id "$id" --name X --funder uwv --start 2026-01-05
	refuses 64 'bad plan id' "cp-log --plan '$shown'" cp-log --plan "$id" --mode phone 30
done
# cp-evaluate --record takes a path to a plan file on purpose (its manual
# says so); an id without a slash must still be an id
for id in .. . "x y" "$(printf 'x\033[2J')" "$(head -c 65 /dev/zero | tr '\0' x)"; do
	shown=$(printf '%s' "$id" | tr -c 'A-Za-z0-9./_-' '?' | cut -c1-24)
	refuses 64 'bad plan id' "cp-evaluate --record '$shown'" cp-evaluate --record "$id" --summary x
done
for id in ../x /etc/passwd a/b .. "P-1/../P-2"; do
	refuses 64 'bad plan id' "cp-report --plan '$id'" cp-report --plan "$id"
done
check "nothing was written outside the caseload" test -z "$(ls -A outside)"

# plan ids in a batch and in sheets: refused at their field, with position
for id in ../x /etc/passwd "P-1/../P-2" .. "$(printf 'P-1\001')"; do
	printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,%s,,phone,30,\n' "$id" >in.csv
	refuses 65 'standard input:2:18: bad plan id' "a batch with plan id $(printf '%s' "$id" | tr -c 'A-Za-z0-9./_-' '?')" \
		sh -c 'cp-log - <in.csv'
	cp in.csv hours/bad.csv
	refuses 65 'hours/bad.csv:2:18: bad plan id' "cp-hours on a sheet with that plan id" \
		cp-hours --budget hours/bad.csv
	rm hours/bad.csv in.csv
done
# a NUL byte in a plan id in a sheet, and in a plan file
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,P-1\000x,,phone,30,\n' >hours/nul.csv
refuses 65 'hours/nul.csv:2:18: bad plan id "P-1\\x00x"' "a NUL byte in a sheet's plan id" cp-hours hours/nul.csv
rm hours/nul.csv
cp plans/P-2.yaml p2.bak
printf 'id: P-2\000\n' | cat - p2.bak | grep -av '^id: P-2$' >plans/P-2.yaml
refuses 65 'plans/P-2.yaml:1:8: control characters are not allowed' "a NUL byte in a plan file" \
	cp-log --plan P-2 --mode phone -d 2026-03-02 30
sed 's/^id: P-2$/id: "..\/..\/P-2"/' p2.bak >plans/P-2.yaml
refuses 65 'plans/P-2.yaml:[0-9]+:5: plan id "../../P-2" has characters' "a plan whose id is a path" \
	cp-log --plan P-2 --mode phone -d 2026-03-02 30
cp p2.bak plans/P-2.yaml

# ---- links planted where a file will be written ----
echo precious >outside/target
ln -s ../outside/target plans/P-5.yaml
refuses 73 'exists; not overwritten' "cp-new and a link planted at the plan's path" \
	cp-new --id P-5 --name X --funder uwv --start 2026-01-05
check "... the link's target untouched" test "$(cat outside/target)" = precious
ln -s ../outside/new-plan plans/P-6.yaml
refuses 73 'exists; not overwritten' "cp-new and a link to nowhere at the plan's path" \
	cp-new --id P-6 --name X --funder uwv --start 2026-01-05
check "... no file made where it points" test ! -e outside/new-plan
ln -s ../outside/new-sheet.csv hours/robin.csv
refuses 73 'hours/robin.csv: a symbolic link to a file that does not exist; not followed' \
	"cp-log and a link to nowhere at the sheet's path" cp-log --plan P-1 --mode phone 30
check "... no file made where it points" test ! -e outside/new-sheet.csv
rm plans/P-5.yaml plans/P-6.yaml hours/robin.csv

# A link at a temporary file's name is never followed: the names are
# random and the files are created with O_EXCL in the target directory.
cp-log --plan P-1 --mode phone -d 2026-03-02 30 Eerste
for n in AAAAAA aaaaaa 000000 XXXXXX; do
	ln -s ../outside/target "hours/.robin.csv.cptmp.$n"
	ln -s ../outside/target "plans/.P-7.yaml.cptmp.$n"
done
run cp-log --plan P-1 --mode phone -d 2026-03-03 30 Tweede
status_is 0 "cp-log with links planted at temporary names"
run cp-new --id P-7 --name X --funder uwv --start 2026-01-05
status_is 0 "cp-new with links planted at temporary names"
check "... the links' target untouched" test "$(cat outside/target)" = precious
check "... the sheet and plan are files, not links" test -f hours/robin.csv -a ! -L hours/robin.csv -a ! -L plans/P-7.yaml
check "... no temporary file of ours left" test "$(find . -name '.*cptmp*' ! -type l | wc -l)" -eq 0
find . -name '.*cptmp*' -type l -exec rm {} +

# A link to a sheet elsewhere is followed on purpose (a coach may keep
# hours/robin.csv in another repository): the link stays, the file grows.
mv hours/robin.csv outside/robin.csv
ln -s ../outside/robin.csv hours/robin.csv
run cp-log --plan P-1 --mode phone -d 2026-03-04 30 Derde
status_is 0 "cp-log through a link to an existing sheet"
check "... the link stays a link" test -L hours/robin.csv
check "... the sheet it points to got the line" grep -q Derde outside/robin.csv
rm hours/robin.csv && mv outside/robin.csv hours/robin.csv

# Special files are not sheets.
mkfifo fifo.csv
refuses 66 'fifo.csv: not a regular file' "a FIFO as the sheet" cp-log -f fifo.csv --plan P-1 --mode phone 30
refuses 66 '/dev/null: not a regular file' "a device as the sheet" cp-log -f /dev/null --plan P-1 --mode phone 30
refuses 66 'hours: cannot open for writing' "a directory as the sheet" cp-log -f hours --plan P-1 --mode phone 30
rm fifo.csv

# ---- modes: plans and sheets hold personal data ----
umask 000
run cp-new --id P-8 --name X --funder uwv --start 2026-01-05
check "a new plan is 0600 under umask 000" test "$(stat -c %a plans/P-8.yaml)" = 600
run cp-log -f hours/new.csv --plan P-1 --mode phone -d 2026-03-02 30
check "a new sheet is 0600 under umask 000" test "$(stat -c %a hours/new.csv)" = 600
run cp-new --init cl2
check "a new caseload's directories are 0700 under umask 000" \
	test "$(stat -c %a cl2 cl2/plans cl2/hours | sort -u)" = 700
run cp-report --declaration --funder uwv --period 2026 -o decl
check "declarations are 0600 in a 0700 directory under umask 000" \
	test "$(stat -c %a decl $(find decl -type f) | sort -u | tr '\n' ' ')" = "600 700 "
umask 022
chmod 0640 hours/new.csv
run cp-log -f hours/new.csv --plan P-1 --mode phone -d 2026-03-03 30
check "an append keeps the sheet's own mode (0640)" test "$(stat -c %a hours/new.csv)" = 640

# ---- a note that would make a line the readers refuse ----
big=$(head -c 120000 /dev/zero | tr '\0' x)
refuses 64 'note is too long' "a note longer than a sheet's line may be" \
	cp-log --plan P-1 --mode phone 30 $big $big $big $big $big
{ echo 'date,coach,plan,goal,mode,minutes,note'; printf '2026-03-02,robin,P-1,,phone,30,'
	head -c 600000 /dev/zero | tr '\0' x; echo; } >long.csv
refuses 65 'standard input:2:[0-9]+: note is too long' "... in a batch" sh -c 'cp-log - <long.csv'
rm long.csv

# ---- a plan near the size a plan may have (1 MiB) ----
# Bug: a change that took the plan past it was written, and from then on
# no tool read the plan, cp-check neither.
cp plans/P-2.yaml p2.bak
pad=$((1048576 - $(wc -c <p2.bak) - 200))
{ cat p2.bak; printf '# '; head -c "$pad" /dev/zero | tr '\0' z; echo; } >plans/P-2.yaml
long=$(head -c 2000 /dev/zero | tr '\0' a)
refuses 65 'plans/P-2.yaml: the plan would grow to [0-9]+ bytes, past the 1048576 a plan may have' \
	"cp-plan: a change past the size a plan may have" cp-plan P-2 --agreement "$long"
refuses 65 'plans/P-2.yaml: the plan would grow to [0-9]+ bytes, past the 1048576 a plan may have' \
	"cp-evaluate --record: a change past the size a plan may have" \
	cp-evaluate --record P-2 --summary "$long" -d 2026-03-09
run cp-plan P-2 --agreement 'Kort'
status_is 0 "... a change that stays within it is written"
check "... and the plan passes cp-check" cp-check plans/P-2.yaml
# two branches each add a little to the plan: merged, it is past the size
pad=$((1048576 - $(wc -c <p2.bak) - 3000))
{ cat p2.bak; printf '# '; head -c "$pad" /dev/zero | tr '\0' z; echo; } >base.yaml
cp base.yaml plans/P-2.yaml && cp-plan P-2 --agreement "$long" && cp plans/P-2.yaml ours.yaml
cp base.yaml plans/P-2.yaml && cp-plan P-2 --condition "$long" && cp plans/P-2.yaml theirs.yaml
cp ours.yaml ours.bak
run cp-merge base.yaml ours.yaml theirs.yaml plans/P-2.yaml
status_is 65 "cp-merge: a merge past the size a plan may have is refused"
err_has "plans/P-2.yaml: the plan would grow to" "... says why"
check "... ours is left as it was" cmp -s ours.yaml ours.bak
rm base.yaml ours.yaml ours.bak theirs.yaml
cp p2.bak plans/P-2.yaml

# ---- text that would drive the terminal ----
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,\033[2J,P-\033]0;pwned\007,,phone,30,\n' >esc.csv
run sh -c 'cp-log - <esc.csv'
status_is 65 "a batch with escape sequences"
check "... none reaches the terminal" sh -c '! LC_ALL=C grep -q "$(printf "[\001-\011\013-\037]")" err'
sed 's/^  name: .*/  name: "\\e[2J\\x07"/' p2.bak >plans/P-2.yaml
printf 'funder: "\\e]0;x\\x07"\n' >>plans/P-2.yaml
run cp-log --plan P-2 --mode phone -d 2026-03-02 30
status_is 65 "a plan with escape sequences in its values"
check "... none reaches the terminal" sh -c '! LC_ALL=C grep -q "$(printf "[\001-\011\013-\037]")" err'
cp p2.bak plans/P-2.yaml

# A NUL byte in a note: every tool refuses the line.  Bug: cp-report and
# cp-hours read it, and the logbook to sign showed the note cut at it.
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,P-1,G1,onsite,60,ge\000woon\n' \
	>nul.csv
for tool in "cp-hours nul.csv" "cp-report --logbook --plan P-1 nul.csv" "cp-check nul.csv" \
	"cp-log -n -"; do
	refuses 65 'nul.csv:2:[0-9]+: note holds a NUL byte|standard input:2:[0-9]+: note holds a NUL byte' \
		"${tool%% *}: a NUL byte in a note" sh -c "$tool <nul.csv"
done
rm nul.csv
done_testing
