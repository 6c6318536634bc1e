#!/bin/sh
# cp-new: plans from the funder's defaults, and every way to get it wrong.
. "$(dirname "$0")/lib.sh"

run cp-new --init cl
status_is 0 "--init creates a caseload"
check "--init makes plans/ and hours/" test -d cl/plans -a -d cl/hours
check "--init has cp-merge merge sheets" grep -q 'hours/\*.csv merge=coachplan' cl/.gitattributes
check "--init ignores our temporary files" grep -q 'cptmp' cl/.gitignore
echo "mine" >cl/README.md
run cp-new --init cl
status_is 0 "--init again is harmless"
check "--init keeps files the user has" grep -qx mine cl/README.md
cd cl

run cp-new --id P-2026-014 --name "Bart de Wit" --funder uwv --start 2026-01-05 \
	--goal "Zelfstandig de kassa bedienen" --goal "Structureel 16 uur per week werken" \
	--scheme wajong --employer "Restaurant De Keuken" --contact "Anja de Vries" \
	--coach robin --ref 2026-000123 --hours 16 --budget 60/6m
status_is 0 "a UWV plan"
out_is "plans/P-2026-014.yaml" "prints the path"
same plans/P-2026-014.yaml "$TOP/tests/golden/new-uwv.yaml" "the plan as pinned, with UWV defaults"
check "mode 0600" test "$(stat -c %a plans/P-2026-014.yaml)" = 600

umask 000
run cp-new --id G-1 --name "Zoë van 't Hek" --funder gemeente --start 2026-01-31 \
	--employer "'s-Hertogenbosch" --goal yes --goal "no" --goal "12" --goal "2026-03-01" \
	--goal "#1: eerst" --goal "Let op: pauzes" --goal "'t Hek"
status_is 0 "a gemeente plan with hostile texts"
check "0600 whatever the umask" test "$(stat -c %a plans/G-1.yaml)" = 600
same plans/G-1.yaml "$TOP/tests/golden/new-gemeente.yaml" "every misreadable text quoted; 3m, no end"
umask 022

run cp-new --id W-1 --name "Ahmed" --funder werkgever --start 2026-01-31 --every 2w \
	--end 2026-12-31 --next 2026-02-10 --dry-run
status_is 0 "--dry-run"
check "--dry-run writes nothing" test ! -e plans/W-1.yaml
check "--dry-run prints the plan" grep -q '^  every: 2w$' out
check "--next is kept" grep -q '^  next: 2026-02-10$' out

run cp-new --id M-1 --name "Eva" --funder uwv --start 2024-02-29
check "UWV end of a leap-day start" grep -q '^end: 2027-02-27$' plans/M-1.yaml
check "first evaluation 6 months on, clamped" grep -q '^  next: 2024-08-29$' plans/M-1.yaml

refuses 73 "exists; not overwritten" "an existing plan" \
	cp-new --id P-2026-014 --name X --funder uwv --start 2026-01-05
refuses 64 'plan id "\.\./x"' "a path-like id" cp-new --id ../x --name X --funder uwv --start 2026-01-05
refuses 64 'plan id "/etc/passwd"' "an absolute id" cp-new --id /etc/passwd --name X --funder uwv --start 2026-01-05
refuses 64 'plan id "a b"' "an id with a space" cp-new --id "a b" --name X --funder uwv --start 2026-01-05
refuses 64 'unknown funder "uvw"' "an unknown funder" cp-new --id X-1 --name X --funder uvw --start 2026-01-05
refuses 64 'a plan needs --id, --name, --funder and --start; missing: --funder --start$' \
	"what is missing, named" cp-new --id X-1 --name X
refuses 64 'hours "0": must be more than 0 and at most 80 hours' "no contract hours" \
	cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --hours 0
refuses 64 'hours "0": must be more than 0 and at most 100000 hours' "a grant of no hours" \
	cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --grant 2026-01-05/6m:0
# cp-new(1) said 65 for a level a funder does not grant; it is a bad
# grant on the command line, 64, as cp-plan says of it
refuses 64 'employer grants hours, not a support level' "a level from the employer" \
	cp-new --id X-1 --name X --funder werkgever --start 2026-01-05 --hours 20 \
	--grant 2026-01-05/6m:midden
refuses 65 '--grant "2026-01-05/6m:midden": a grant by level needs the contract hours' \
	"a level without contract hours" \
	cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --grant 2026-01-05/6m:midden
# Bug: a grant that did not fit was said of plans/X-1.yaml:14:5, a file
# cp-new never wrote, with cp-plan's --drop-grant for a way out
refuses 65 '--grant "2026-03-01..2026-09-30:40": it overlaps --grant "2026-01-05..2026-06-30:60"$' \
	"two --grant that overlap" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 \
	--grant 2026-01-05..2026-06-30:60 --grant 2026-03-01..2026-09-30:40
err_has "hint: one day belongs to one grant: start this one on 2026-07-01, the day after that one ends" \
	"the way out is cp-new's"
check "no line of an unwritten file, no --drop-grant" sh -c "! grep -q 'yaml\\|drop-grant' err"
refuses 65 '--grant "2025-12-01..2026-06-30:60": the grant starts before the plan, on 2026-01-05 \(--start\)$' \
	"a --grant before --start" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 \
	--grant 2025-12-01..2026-06-30:60
# Bug: a --grant from after --end was written, for no day of the plan
refuses 65 '--grant "2026-07-01/6m:20": the grant starts after the plan ends on 2026-05-31 \(--end\)$' \
	"a --grant after --end" cp-new --id X-1 --name X --funder gemeente --start 2026-01-05 \
	--end 2026-05-31 --grant 2026-07-01/6m:20
refuses 65 '--agreement "X": the plan has this agreement already$' \
	"an --agreement twice" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 \
	--agreement X --agreement X
refuses 64 'unknown scheme "wajonk"' "an unknown scheme" cp-new --id X-1 --name X --funder uwv --scheme wajonk --start 2026-01-05
refuses 64 '"2026-02-30": no such day' "a date that does not exist" cp-new --id X-1 --name X --funder uwv --start 2026-02-30
refuses 64 '"2026/1/5": not a date' "a date in the wrong form" cp-new --id X-1 --name X --funder uwv --start 2026/1/5
# Bug: a --next outside the plan was written, and cp-evaluate took it for
# overdue (before the start) or refused to record it
refuses 64 '--next "2025-12-01": the evaluation is before the plan starts on 2026-01-05$' \
	"a --next before the start" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --next 2025-12-01
refuses 64 '--next "2026-06-01": the evaluation is after the plan ends on 2026-05-31$' \
	"a --next after the end" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --end 2026-05-31 --next 2026-06-01
run cp-new --dry-run --id X-1 --name X --funder uwv --start 2026-01-05 --end 2026-05-31 --next 2026-05-31
check "a --next on the last day is the plan's" grep -q '^  next: 2026-05-31$' out
# Bug: without --next, a plan shorter than the interval got its first
# evaluation after its end, which cp-check passed and --next refuses
run cp-new --dry-run --id X-1 --name X --funder gemeente --start 2026-12-01 --end 2027-02-28
check "a plan shorter than its interval is evaluated on its last day" \
	grep -q '^  next: 2027-02-28$' out
refuses 64 'ends before it starts' "an end before the start" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --end 2025-01-01
# an end past UWV's three years: written, with a warning (the exception clause)
run cp-new --id L-1 --name X --funder uwv --start 2026-01-05 --end 2029-06-30
status_is 0 "an end past UWV's 3-year limit: written"
err_has "^cp-new: warning: L-1: the plan ends after 2029-01-04, its funder's limit \(UWV's 3-year limit\)" \
	"... with a warning"
run cp-new --id L-2 --name X --funder uwv --start 2026-01-05
check "... and none at the limit UWV's plans get by default" test ! -s err
refuses 64 'interval "6x"' "a bad interval" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --every 6x
refuses 64 'budget "lots"' "a bad budget" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --budget lots
refuses 64 'name is empty' "an empty name" cp-new --id X-1 --name "" --funder uwv --start 2026-01-05
refuses 64 'control characters' "a name with a line break" cp-new --id X-1 --name "$(printf 'a\nb')" --funder uwv --start 2026-01-05
refuses 64 'not valid UTF-8' "a name that is not UTF-8" cp-new --id X-1 --name "$(printf 'B\351rt')" --funder uwv --start 2026-01-05
refuses 64 'missing: --start$' "a missing --start" cp-new --id X-1 --name X --funder uwv
refuses 64 'missing: --id \(the next free one: P-2026-015\)$' "a missing --id: the next free one" \
	cp-new --name X --funder uwv --start 2026-01-05
refuses 64 'missing: --id --start \(the next free one: P-2026-015\)$' "... also with more missing" \
	cp-new --name X --funder uwv
refuses 73 'no plans directory' "no plans directory" cp-new -d nowhere --id X-1 --name X --funder uwv --start 2026-01-05

# bugs found while documenting, each with its test
refuses 64 'hours "nan"' "--hours nan (was written as nothing, status 0)" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --hours nan
refuses 64 'budget "0x10"' "--budget in hex" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --budget 0x10
refuses 64 'hours "1e1"' "--hours with an exponent" cp-new --id X-1 --name X --funder uwv --start 2026-01-05 --hours 1e1
run cp-new --id C-1 --name X --funder uwv --start 2026-01-05 --hours 18,5 --budget 40,25/3m --dry-run
check "--hours takes a decimal comma" grep -qx 'work_hours_per_week: 18.5' out
check "--budget takes a decimal comma" grep -qx '  hours: 40.25' out
run env USER="$(printf 'a\tb')" cp-new --id U-1 --name X --funder uwv --start 2026-01-05
status_is 0 "a \$USER that is no name is left out, quietly (was an error with status 0)"
check "... with no coach: key" sh -c '! grep -q "^coach:" plans/U-1.yaml'
check "... and nothing on stderr" test ! -s err
run env -u USER LOGNAME=kim cp-new --id U-2 --name X --funder uwv --start 2026-01-05
check "no \$USER: the coach is \$LOGNAME, as cron sets it" grep -qx 'coach: kim' plans/U-2.yaml

run cp-new --version
status_is 0 "--version"
check "--version names coachplan" grep -q '^coachplan ' out
run cp-new --help
check "--help lists --funder" grep -q -- '--funder=FUNDER' out
run cp-new --bogus
status_is 64 "an unknown option is a usage error"
done_testing
