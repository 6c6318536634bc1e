#!/bin/sh
# The Dutch interface: every tool's --help and its errors in Dutch, under
# LANG=nl_NL.UTF-8 and under LANGUAGE=nl with LANG=C.UTF-8; the Dutch
# accountability report and declaration (golden files; write them anew
# with CP_UPDATE_GOLDEN=1); cp-report --lang; a new plan with Dutch
# comments that still reads; and CSV and JSON that are the same bytes in
# Dutch and in English.
. "$(dirname "$0")/lib.sh"
G=$TOP/tests/golden/nl

if ! locale -a 2>/dev/null | grep -qix 'nl_NL\.utf-\{0,1\}8'; then
	echo "1..0 # skip the nl_NL.UTF-8 locale is not installed (see .ci/run: locale-gen)"
	exit 0
fi

cp -R "$TOP/examples/caseload" cl && chmod 600 cl/plans/* cl/hours/* && cd cl || exit 1

# dutch CMD...: CMD in Dutch, the way $how says: LANG (the locale; LC_ALL
# from lib.sh would override it) or LANGUAGE (in the C.UTF-8 locale).
dutch() {
	if [ "$how" = LANG ]; then
		env -u LC_ALL -u LANGUAGE LANG=nl_NL.UTF-8 "$@"
	else
		env LANGUAGE=nl "$@"
	fi
}

# out_has REGEX DESC: some line of stdout matches
out_has() {
	if grep -Eq -- "$1" out; then ok "$2"; else not_ok "$2" "wanted /$1/" "$(head -20 out)"; fi
}

# A plan with a key twice, and a sheet with a line that does not read.
mkdir -p bad/plans
printf 'version: 1\nid: P-1\nparticipant:\n  name: Bart de Wit\nfunder: uwv\nfunder: gemeente\nstart: 2026-01-05\n' \
	>bad/plans/P-1.yaml
printf 'date,coach,plan,goal,mode,minutes,note\n2026-03-02,robin,P-2024-003,G1,lopen,90,Kassa\n' \
	>bad/sheet.csv

for how in LANG LANGUAGE; do
	# ---- --help: argp's words, the options and the text after them ----
	for tool in cp-new cp-log cp-hours cp-evaluate cp-report; do
		run dutch $tool --help
		status_is 0 "$how: $tool --help"
		out_has "^Gebruik: $tool \[OPTIE\.\.\.\]" "$how: $tool --help: Gebruik:"
		out_has '^ +-\?, --help +toon deze hulptekst$' "$how: $tool --help: argp's own options in Dutch"
		out_has '^Meld fouten op <' "$how: $tool --help: where to report bugs"
		case $tool in
		cp-new) out_has 'coachingsplan PLANMAP/ID\.yaml' "$how: cp-new --help: what it does"
			out_has '--funder=OPDRACHTGEVER +uwv, gemeente, werkgever of other' \
				"$how: cp-new --help: an option, its argument named in Dutch" ;;
		cp-log) out_has '^Registreer uren in een urenstaat' "$how: cp-log --help: what it does"
			out_has '^DUUR is minuten \(90\) of uren en minuten' "$how: cp-log --help: after the options" ;;
		cp-hours) out_has '^Tel de uren van urenstaten op' "$how: cp-hours --help: what it does"
			out_has '--period deze-week' "$how: cp-hours --help: examples with the Dutch words" ;;
		cp-evaluate) out_has '^Toon de evaluaties die eraan komen' "$how: cp-evaluate --help: what it does"
			out_has '^ Bij --record:$' "$how: cp-evaluate --help: option groups" ;;
		cp-report) out_has '^Maak de verantwoordingsrapportage van een plan' \
				"$how: cp-report --help: what it does"
			out_has '--lang=TAAL +de taal van de rapportage' "$how: cp-report --help: --lang" ;;
		esac
		out_has '^Voorbeelden:$' "$how: $tool --help: examples"
	done

	# ---- errors ----
	run dutch cp-log --plan P-2024-003 --mode werkvloer -d 2026-02-30 1u
	status_is 64 "$how: cp-log, a date that does not exist"
	err_like '^cp-log: "2026-02-30": die dag bestaat niet: 2026-02 heeft 28 dagen$' "$how: ... says so in Dutch"
	run dutch cp-hours --from 2026-13-01
	status_is 64 "$how: cp-hours, a bad date"
	err_like 'die maand bestaat niet; de maanden zijn 01 tot en met 12' "$how: ... says so in Dutch"
	err_has "^Typ 'cp-hours --help' of 'cp-hours --usage' voor meer informatie\.$" "$how: ... and where to look"
	run dutch cp-new --id P-3 --name 'Bart de Wit' --funder uwv --start 2026-02-30
	status_is 64 "$how: cp-new, a bad start date"
	err_like 'die dag bestaat niet' "$how: ... says so in Dutch"
	run dutch cp-evaluate --on ooit
	status_is 64 "$how: cp-evaluate, a bad date"
	err_like '"ooit": geen datum; een datum schrijf je als JJJJ-MM-DD' "$how: ... says so in Dutch"

	run dutch cp-log --plan P-2024-003 --mode wandelen 1u
	status_is 64 "$how: cp-log, an unknown mode"
	err_like '^cp-log: onbekende contactvorm "wandelen"; gebruik onsite \(werkvloer\), phone \(telefoon\)' \
		"$how: ... names the modes in Dutch"
	run dutch cp-hours --mode wandelen
	status_is 64 "$how: cp-hours, an unknown mode"
	err_like 'onbekende contactvorm "wandelen"' "$how: ... says so in Dutch"
	err_has "^Typ 'cp-hours --help' of 'cp-hours --usage' voor meer informatie\.$" "$how: ... and where to look"

	run dutch cp-log --plan P-9 --mode telefoon 20m
	status_is 65 "$how: cp-log, an unknown plan"
	err_like '^cp-log: onbekend plan "P-9"$' "$how: ... says so in Dutch"
	err_has '^ tip: cp-new maakt een plan aan; -p noemt de map met plannen$' "$how: ... with a tip"
	run dutch cp-log --plan P-2024-003 --goal G9 --mode telefoon 20m
	err_like '^cp-log: plan P-2024-003 heeft geen doel "G9"$' "$how: cp-log, a goal the plan lacks"
	err_has '^ tip: de doelen van P-2024-003 zijn G1, G2, G3, G4$' "$how: ... with the plan's goals"
	run dutch cp-report --plan P-9
	status_is 66 "$how: cp-report, an unknown plan"
	err_like '^cp-report: P-9: dat plan staat niet in plans$' "$how: ... says so in Dutch"
	run dutch cp-evaluate --record P-9 --summary 'Kassa gaat goed'
	status_is 66 "$how: cp-evaluate --record, an unknown plan"
	err_like 'P-9\.yaml: dat plan bestaat niet$' "$how: ... says so in Dutch"

	run dutch cp-evaluate --due bad/plans
	status_is 65 "$how: a plan with a key twice"
	err_like '^cp-evaluate: bad/plans/P-1\.yaml:6:1: dubbele sleutel "funder"$' "$how: ... where, in Dutch"
	err_has '^ 6 \| funder: gemeente$' "$how: ... the line"
	err_has '^   \| \^\^\^\^\^\^$' "$how: ... the key marked"
	err_has '^ tip: de eerste "funder" staat op regel 5; houd er één van over$' "$how: ... and a tip"

	run dutch cp-hours bad/sheet.csv
	status_is 65 "$how: a bad line in a sheet"
	err_like '^cp-hours: bad/sheet\.csv:2:32: onbekende contactvorm "lopen"$' "$how: ... where, in Dutch"
	err_has '^ 2 \| 2026-03-02,robin,P-2024-003,G1,lopen,90,Kassa$' "$how: ... the line"
	err_has '^ tip: contactvorm is een van: onsite \(werkvloer\)' "$how: ... and a tip"
	run dutch cp-log -n - <bad/sheet.csv
	err_like '^cp-log: standaardinvoer:2:32: onbekende contactvorm' "$how: cp-log -: standard input named in Dutch"

	run dutch cp-report --plan P-2024-003 --lang de
	status_is 64 "$how: cp-report --lang, an unknown language"
	err_like 'onbekende taal "de"; gebruik nl of en' "$how: ... says so in Dutch"

	# ---- what is due: an evaluation overdue ----
	run dutch cp-evaluate --due -o table
	status_is 1 "$how: cp-evaluate --due, an evaluation overdue: exit 1"
	out_has '^datum +plan +deelnemer +coach +wat +dagen +notitie$' "$how: ... the header in Dutch"
	out_has '^01-09-2026 +P-2024-011 +Ilse Meijer +robin +evaluatie +-83 +83 dagen te laat$' \
		"$how: ... the overdue evaluation in Dutch, its date as in cp-report's tables"
	out_has 'vervolgaanvraag +-34 +vraag nu .*: de beschikking eindigt op 01-12-2026$' \
		"$how: ... a date in a note written as in the date column"
	out_has 'afbouw +-83 +alle doelen behaald: bouw de begeleiding af$' "$how: ... the phase-out"
	out_has '3-jaarstermijn UWV over 52 dagen$' "$how: ... the 3-year limit"

	# ---- tables for people: Dutch headers and a decimal comma ----
	run dutch cp-hours --by mode --remote -o table --plan P-2024-003
	out_has '^vorm +uren +op locatie +op afstand +% op afstand$' "$how: cp-hours: the header in Dutch"
	out_has '^totaal .* [0-9]+,[0-9]%$' "$how: cp-hours: a decimal comma in the remote share"
	run dutch cp-hours --budget -o table
	out_has '^plan +deelnemer +kenmerk +soort +opdrachtgever +van +t/m +toegekend +gebruikt +resterend +van werkuren +gedeclareerd$' \
		"$how: cp-hours --budget: the header in Dutch"
	out_has '^P-2024-003 .* vervolg +UWV ' "$how: cp-hours --budget: the kind of grant in Dutch"
	check "$how: cp-hours --budget: no English kind" sh -c '! grep -E " (extension|standard) " out'
done

# ---- the Dutch reports ----
how=LANG
for f in text markdown html; do
	run dutch cp-report --plan P-2024-003 --period 2026H1 -o $f
	status_is 0 "Dutch accountability report as $f"
	golden out "$G/account.$f" "... is as kept"
done
run dutch cp-report --declaration --plan P-2025-007 --period 2026H1 -o html
status_is 0 "a Dutch declaration"
golden out "$G/declaration.html" "... is as kept"
run dutch cp-report --plan P-2024-003 --period 2026H1
for want in '^Verantwoordingsrapportage$' '^Gegevens$' '^Doelen en voortgang$' \
	'^Afspraken en voorwaarden$' '^Uren in de periode$' '^Urenbudget$' '^Evaluatie$' \
	'^Conclusie en afbouw$'; do
	out_has "$want" "the accountability report has section $want"
done
out_has '^Startdatum: +15 januari 2024$' "... dates as 15 januari 2024"
out_has '^Werkuren per week: +16$' "... work hours as hours, not as a time of day"
out_has '^Aandeel op afstand: +12,2%$' "... a decimal comma"
out_has '^Evaluatie-interval: +6 maanden$' "... the interval in words"
run dutch cp-report --plan P-2025-019 --period 2026
out_has '^Werkuren per week: +18$' "work hours per week of another plan"

# --lang: the report's language, whatever the locale
how=LANGUAGE
run env LC_ALL=C.UTF-8 cp-report --lang nl --plan P-2024-003 --period 2026H1 -o html
golden out "$G/account.html" "--lang nl in the C locale: the same Dutch report"
run env -u LC_ALL LANG=C cp-report --lang nl --plan P-2024-003 --period 2026H1 -o text
golden out "$G/account.text" "--lang nl in the plain C locale too"
run dutch cp-report --lang en --plan P-2024-003 --period 2026H1 -o text
golden out "$TOP/tests/golden/report/account.text" "--lang en in Dutch: the English report"
run dutch cp-report --lang nl --plan P-9
err_like 'dat plan staat niet in plans' "--lang changes the report only, not the messages"
run env LANGUAGE=en cp-report --lang nl --plan P-2024-003 -o text
out_has '^Verantwoordingsrapportage$' "--lang nl under LANGUAGE=en"

# ---- machine output: the same bytes in Dutch and in English ----
machine() { # NAME CMD...: CMD's output in English, then in both Dutch ways
	name=$1
	shift
	"$@" >"$name.en" 2>/dev/null
	for how in LANG LANGUAGE; do
		dutch "$@" >"$name.nl" 2>/dev/null
		same "$name.nl" "$name.en" "$how: $name is the same bytes as in English"
	done
}
for f in csv json; do
	machine "cp-hours-$f" cp-hours --by goal,mode,month --remote -o $f
	machine "cp-hours-funder-$f" cp-hours --by funder,half -p plans -o $f
	machine "cp-hours-budget-$f" cp-hours --budget -o $f
	machine "cp-evaluate-$f" cp-evaluate --due --within 1m --quiet-since 3w -o $f
	machine "account-$f" cp-report --plan P-2024-003 --period 2026H1 -o $f
	machine "declaration-$f" cp-report --declaration --plan P-2025-007 --period 2026H1 -o $f
	machine "caseload-$f" cp-report --caseload -o $f
done
cp-report --declaration --funder uwv --period 2026H1 -o batch-en/ 2>/dev/null
how=LANG
dutch cp-report --declaration --funder uwv --period 2026H1 -o batch-nl/ 2>/dev/null
same batch-nl/summary.csv batch-en/summary.csv "a Dutch batch's summary.csv is the same bytes"
check "... beside Dutch declarations" grep -q '<html lang="nl">' batch-nl/P-2025-007.html
check "... where the English batch has English ones" grep -q '<html lang="en">' batch-en/P-2025-007.html

# ---- a new plan in Dutch ----
cd "$WORK" || exit 1
how=LANG
run dutch cp-new --init nieuw
status_is 0 "cp-new --init in Dutch"
check "... the caseload's README in Dutch" grep -q '^Coachingsplannen en uren, bijgehouden met coachplan(7)\.$' nieuw/README.md
cd nieuw || exit 1
run dutch cp-new --id P-2026-020 --name 'Sanne de Jong' --funder uwv --start 2026-11-02 --budget 60/6m \
	--hours 18,5
status_is 0 "cp-new in Dutch"
p=plans/P-2026-020.yaml
check "... the plan's comments in Dutch" grep -q '^# Coachingsplan P-2026-020$' $p
check "... the goals hint in Dutch" grep -q '^goals: .*# - id: G1, text: \.\.\., status: open$' $p
check "... what agreements are, in Dutch" \
	grep -q '^agreements: .*# wat jobcoach, deelnemer en werkgever hebben afgesproken$' $p
check "... its keys stay English" grep -q '^participant:$' $p
check "... and its words" grep -q '^funder: uwv$' $p
run cp-log -n --plan P-2026-020 --mode werkvloer -d 2026-11-16 1u Kennismaking
status_is 0 "... and it reads back"
LC_ALL=C.UTF-8 cp-new --dry-run --id P-2026-020 --name 'Sanne de Jong' --funder uwv \
	--start 2026-11-02 --budget 60/6m --hours 18,5 | sed 's/ *#.*//' >en.yaml
sed 's/ *#.*//' $p >nl.yaml
same nl.yaml en.yaml "... the same plan as in English, but for its comments"
check "... its hours a week as YAML writes a number" grep -q '^work_hours_per_week: 18\.5$' $p
run dutch cp-report --plan P-2026-020
out_has '^Werkuren per week: +18,5$' "... and in a Dutch report with a decimal comma"
run cp-report --plan P-2026-020
out_has '^Work hours per week: +18\.5$' "... and in an English one with a point"
# Bug: the warning of a work_hours_per_week: behind said the hours of today
# as YAML writes them, 18.5, in a Dutch sentence too
cp-plan P-2026-020 --migrate 2>/dev/null && cp-plan P-2026-020 --work-hours 20,5 --from 2026-11-30
CP_TODAY=2026-12-01
run dutch cp-check $p
CP_TODAY=2026-11-23
err_has 'contracturen zijn vandaag 20,5 per week .*zet work_hours_per_week: 20\.5,' \
	"a work_hours_per_week: behind: today's hours in the sentence with a comma, in the key as YAML"
run dutch cp-plan P-2026-020 --work-hours 20,5 --from 2026-12-07
err_has 'de contracturen zijn op 2026-12-07 al 20,5 per week' \
	"... and cp-plan's refusal of the same hours, the day named"

done_testing
