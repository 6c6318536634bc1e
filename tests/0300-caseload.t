#!/bin/sh
# Which plans and sheets a run means: the same rules in every tool
# (lib/caseload.c, coachplan(7) FILES).  A caseload directory gives its
# plans/ and hours/; *.yml is a plan file as much as *.yaml; a plan is named
# by its id or by its path.
. "$(dirname "$0")/lib.sh"

mkdir cl && cd cl && caseload && cd ..
cp-log -f cl/hours/robin.csv -p cl/plans --plan P-1 --mode phone -d 2026-11-16 1u Bellen
cp-log -f cl/hours/robin.csv -p cl/plans --plan P-2 --mode onsite -d 2026-11-17 30m Werkvloer

(cd cl && cp-report --plan P-1 >../here.txt)
run cp-report --plan P-1 cl
status_is 0 "cp-report takes a caseload directory"
same out here.txt "... and reads its plans/ and hours/ as in the caseload itself"

(cd cl && cp-evaluate --due --on 2026-11-23 >../due-here.txt)
run cp-evaluate --due --on 2026-11-23 cl
same out due-here.txt "cp-evaluate --due takes a caseload directory too"

(cd cl && cp-check) >check-here.txt 2>&1
run cp-check cl
status_is 0 "cp-check takes a caseload directory"

# Bug: --plan took an id only in cp-log, cp-report and cp-hours, while
# cp-plan and cp-evaluate take a plan's file as well, as the shell
# completes it; its caseload is the one meant, as a caseload named is
run cp-report --plan cl/plans/P-1.yaml
status_is 0 "cp-report --plan takes the plan's file"
same out here.txt "... and reads its caseload's plans and sheets"
(cd cl && cp-hours -P P-1 >../hours-here.txt)
run cp-hours -P cl/plans/P-1.yaml
same out hours-here.txt "cp-hours -P too"
run sh -c 'cd cl/plans && cp-hours -P ./P-1.yaml'
same out hours-here.txt "... also in plans/, where it is the plans directory found"
run cp-log -n --plan cl/plans/P-2.yaml --mode phone -d 2026-11-17 10 Gebeld
check "cp-log --plan: the entry is for the file's plan" grep -q '^2026-11-17,[^,]*,P-2,,phone,10,Gebeld$' out
refuses 64 'bad plan id "cl/plans/P-9.yaml"' "... a file not there is no plan" \
	cp-log -n --plan cl/plans/P-9.yaml --mode phone 10

# in a directory of the caseload, as git finds its repository: the
# nearest directory above that holds plans/
(cd cl/plans && cp-log --plan P-1 --mode phone -d 2026-11-18 15 Vanuit plans/) 2>err
check "cp-log in plans/ logs to the caseload's sheet" \
	test "$(tail -n 1 cl/hours/robin.csv)" = "2026-11-18,robin,P-1,,phone,15,Vanuit plans/"
(cd cl/plans && cp-report --plan P-1) >report-in-plans.txt
(cd cl && cp-report --plan P-1) >here-now.txt
same report-in-plans.txt here-now.txt "cp-report in plans/ reads the caseload's plans and sheets"
mkdir -p cl/hours/archief
run sh -c 'cd cl/hours/archief && cp-check -v'
status_is 0 "cp-check two levels down checks the caseload"
check "... naming its files from there" grep -q '^cp-check: 2 plans, 1 sheet of 3 lines: no errors$' err
run sh -c 'cd cl/hours/archief && cp-plan -n P-2 --goal "Op tijd komen"'
check "cp-plan -n there: the diff names the plan as git does, from the caseload's top" \
	sh -c 'head -n 2 out | tr "\n" " " | grep -qx -- "--- a/plans/P-2.yaml +++ b/plans/P-2.yaml "'
run cp-plan -n "$PWD/cl/plans/P-2.yaml" --goal "Op tijd komen"
check "... and a plan named by its whole path as well" \
	sh -c 'head -n 2 out | tr "\n" " " | grep -qx -- "--- a/plans/P-2.yaml +++ b/plans/P-2.yaml "'
# Bug: a plan named by its file in plans/ was named without plans/
for f in P-2.yaml ./P-2.yaml; do
	run sh -c "cd cl/plans && cp-plan -n $f --goal 'Op tijd komen'"
	check "... and $f named in plans/" \
		sh -c 'head -n 2 out | tr "\n" " " | grep -qx -- "--- a/plans/P-2.yaml +++ b/plans/P-2.yaml "'
done
run sh -c "cd cl/plans && cp-evaluate -n -r ./P-2.yaml -s x"
check "... by cp-evaluate -n too" grep -qx -- '--- a/plans/P-2.yaml' out
run cp-plan -n cl/plans/P-2.yaml --goal "Op tijd komen"
check "... and cl/plans/P-2.yaml from above the caseload" \
	sh -c 'head -n 2 out | tr "\n" " " | grep -qx -- "--- a/plans/P-2.yaml +++ b/plans/P-2.yaml "'
run sh -c 'cd cl/hours/archief && cp-plan P-2 --goal "Op tijd komen"'
check "cp-plan there changes the caseload's plan" grep -q 'Op tijd komen' cl/plans/P-2.yaml
run sh -c 'cd cl/hours && cp-log -p ../plans --plan P-1 --mode phone -d 2026-11-19 10 x'
status_is 0 "a plans directory named (-p) from a directory of no caseload: the plans' caseload"
check "... whose sheet it logs to" test "$(tail -n 1 cl/hours/robin.csv)" = "2026-11-19,robin,P-1,,phone,10,x"
rm -rf cl/hours/archief
sed -i '$d' cl/hours/robin.csv && sed -i '$d' cl/hours/robin.csv # the two logged above
outside=$(mktemp -d "${TMPDIR:-/tmp}/coachplan-outside.XXXXXX")
(cd cl && cp-hours --by plan) >hours-here.txt
run sh -c "cd '$outside' && cp-hours -p '$PWD/cl/plans' --by plan"
status_is 0 "cp-hours -p from outside: the sheets of the plans' caseload"
same out hours-here.txt "... as in the caseload"
(cd cl && cp-report --plan P-1) >report-now.txt
run sh -c "cd '$outside' && CP_PLANS='$PWD/cl/plans' cp-report --plan P-1"
same out report-now.txt "cp-report with \$CP_PLANS from outside: the same report"
mkdir "$outside/hours"
run sh -c "cd '$outside' && cp-hours -p '$PWD/cl/plans' --by plan"
check "... but a caseload here (./hours) is still the one meant" sh -c '! grep -q P-1 out' 
rmdir "$outside/hours"
run sh -c "cd '$outside' && cp-log --plan P-1 --mode phone 10"
status_is 65 "outside any caseload: no plan to log on"
err_has 'hint: plans: no such directory; run in a caseload \(cp-new --init makes one\) or below it, or name the plans directory with -p' \
	"... and the hint says where the plans are looked for"
# Bug: cp-evaluate and cp-check said only "plans: cannot open: No such
# file or directory" outside a caseload, with nothing of where to run
for tool in cp-evaluate cp-check "cp-hours --by funder"; do
	run sh -c "cd '$outside' && $tool"
	status_is 66 "$tool outside any caseload: exit status 66"
	check "... says there is no plans directory, and where to run" sh -c \
		'grep -qx "${0%% *}: plans: no such plans directory" err &&
		grep -qx " hint: run in a caseload (cp-new --init makes one) or below it, or name the plans directory with -p" err' "$tool"
done
run sh -c "cd '$outside' && cp-report --caseload"
check "cp-report outside any caseload: the same hint" grep -q "^ hint: run in a caseload" err
rm -rf "$outside"

cp cl/plans/P-1.yaml P-1.yml
run cp-report --plan P-1 P-1.yml cl/hours
status_is 0 "cp-report reads a *.yml plan file"
same out here.txt "... as the same plan in *.yaml"
run cp-evaluate --due --on 2026-11-23 P-1.yml cl/hours
status_is 1 "cp-evaluate --due reads a *.yml plan file"
check "... and lists it" grep -q '^2026-07-05,P-1,' out
run cp-check P-1.yml
status_is 0 "cp-check reads a *.yml plan file"

run cp-evaluate --due --on 2026-11-23 cl/plans cl/hours
same out due-here.txt "a plans directory and a sheets directory mean what the caseload means"

cp P-1.yml copy.yml
run cp-evaluate --record copy.yml --summary 'Goed gesprek' -d 2026-11-20 -n
status_is 0 "cp-evaluate --record names a plan by its *.yml path"
(cd cl && run cp-evaluate --record P-1 --summary 'Goed gesprek' -d 2026-11-20 -n)
status_is 0 "... or by its id in the plans directory"

(cd cl && CP_PLANS=plans cp-check --list-goals P-1 >../g1)
cp-check --list-goals P-1.yml >g2
same g2 g1 "cp-check --list-goals takes an id or a *.yml path"

# each file once, however often it is meant: a sheet named twice, or
# named and in a directory named, is not twice its hours (coachplan(7))
cp-hours --period 2026-11 cl/hours/robin.csv >once.txt
run cp-hours --period 2026-11 cl/hours/robin.csv cl/hours/robin.csv
same out once.txt "cp-hours: a sheet named twice counts once"
run cp-hours --period 2026-11 cl/hours ./cl/hours/../hours/robin.csv cl/hours/robin.csv
same out once.txt "... and a sheet in a directory named, however spelt, too"
ln -s cl/hours/robin.csv link.csv
run cp-hours --period 2026-11 link.csv cl/hours
same out once.txt "... and a link to it"
ln -s robin.csv cl/hours/me.csv # hours/$USER.csv, for a login not the coach's name
run cp-hours --period 2026-11 cl/hours
same out once.txt "... and a link beside it in the directory named"
(cd cl && cp-hours --period 2026-11) >out
same out once.txt "... also in the caseload's hours/"
(cd cl && cp-check) 2>err
check "... where cp-check finds no entry logged twice" test ! -s err
rm cl/hours/me.csv
mkdir linked && cp -R cl/plans linked/plans && mkdir linked/hours &&
	cp cl/hours/robin.csv linked/hours/robin-2026.csv && ln -s robin-2026.csv linked/hours/robin.csv
(cd cl && cp-hours --period 2026-11) >here-once.txt
run sh -c 'cd linked && cp-hours --period 2026-11'
same out here-once.txt "... and a sheet under two names in hours/ (a link), unnamed"
run cp-hours --period 2026-11 linked/hours
same out once.txt "... or its directory named alone"
(cd cl && cp-report --declaration --funder uwv --period 2026-11 -o ../decl-here/)
(cd linked && cp-report --declaration --funder uwv --period 2026-11 -o ../decl-linked/)
same decl-linked/summary.csv decl-here/summary.csv "... declares its minutes once"
run cp-check linked
check "cp-check: a sheet under two names is one sheet, no entry logged twice" \
	sh -c '! grep -q "the same entry" err'
run cp-hours --period 2026-11 - cl/hours/robin.csv <cl/hours/robin.csv
check "... but - is standard input, not a file: read as well" \
	test "$(grep -c . out)" -gt 1 -a "$(cat out)" != "$(cat once.txt)"
run cp-hours --period 2026-11 - - <cl/hours/robin.csv
same out once.txt "... read to its end, as from a pipe: - twice from a file counts it once"
run sh -c 'cat cl/hours/robin.csv | cp-hours --period 2026-11 - -'
same out once.txt "... as it does from a pipe"
run sh -c '{ cp-hours --period 2026-11 - >/dev/null; cp-hours --period 2026-11 -; } <cl/hours/robin.csv'
check "... and leaves the file read, as cat would" sh -c '! grep -q P-1 out'
cp-report --caseload cl/plans cl/hours >caseload-once.txt
run cp-report --caseload cl/plans ./cl/plans/P-1.yaml cl/hours cl/hours/robin.csv
status_is 0 "cp-report: a plan named and in its directory named is no error"
same out caseload-once.txt "... and both it and the sheet count once"
cp-report --plan P-1 cl >plan-once.txt
run cp-report --plan P-1 cl cl/hours/robin.csv cl/hours/robin.csv
same out plan-once.txt "cp-report --plan: a sheet named twice counts once"
cp-report --declaration --funder uwv --period 2026-11 -o decl-once/ cl
run cp-report --declaration --funder uwv --period 2026-11 -o decl-twice/ cl cl/hours/robin.csv
status_is 0 "cp-report --declaration: a sheet named and in its directory named"
same decl-twice/summary.csv decl-once/summary.csv "... declares its minutes once"
cp-evaluate --due --on 2026-11-23 cl >due-once.txt
run cp-evaluate --due --on 2026-11-23 cl cl/plans/P-1.yaml cl/hours/robin.csv
same out due-once.txt "cp-evaluate --due: each plan and sheet once"
cp-check -v cl 2>check-once.txt
run cp-check -v cl cl/plans/P-1.yaml cl/hours/robin.csv
status_is 0 "cp-check: files named twice"
same err check-once.txt "... are checked once"
check "... as the count says" grep -q '^cp-check: 2 plans, 1 sheet of' err

mkdir empty
run cp-hours empty
status_is 0 "an empty directory of sheets is no error"
cd empty
run cp-hours
status_is 64 "no sheet named and no ./hours: a usage error"
err_like 'no hour sheets named, and no ./hours directory here' "... that says so"
err_has '^ hint: run in a caseload \(cp-new --init makes one\) or below it, or name the hour sheets or their directory$' \
	"... and a hint about sheets, not about the plans directory"
run cp-report --caseload
status_is 64 "cp-report says the same"
err_like 'no hour sheets named, and no ./hours directory here' "... in the same words"

done_testing
