#!/bin/sh
# Shell completion: bash's COMPREPLY for the words a coach types, from
# completions/cp.bash sourced on its own; zsh's file parses.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
cp-new --id P-2026-014 --name Bart --funder uwv --start 2026-01-05 --goal Kassa \
	--goal Uren --goal Pauzes >/dev/null
# a hand-written plan: goals in flow style, behind comments
cat >plans/P-2026-020.yaml <<'EOF'
version: 1
id: P-2026-020
participant: {name: Sanne}
funder: gemeente
start: 2026-01-05
# goals:
#   - id: G9
goals: [{id: K1, text: Kassa}, {id: "K2", text: Uren}]  # two
EOF
: >hours/ahmed.csv
: >hours/robin.csv

if ! command -v bash >/dev/null; then
	ok "bash completion # skip bash is not installed"
	done_testing
	exit
fi

# comp LINE: COMPREPLY for LINE with the cursor at its end (a trailing
# space starts a new word), one reply a line, sorted
comp() {
	bash -c '
		source "$1" || exit 1
		line=$2
		read -ra COMP_WORDS <<<"$line"
		[[ $line == *" " ]] && COMP_WORDS+=("")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE=$line COMP_POINT=${#line}
		fn=$(complete -p "${COMP_WORDS[0]}" | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
		"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}" | sort
	' bash "$TOP/completions/cp.bash" "$1" >out 2>err
}

# replies LINE WANT DESC: the replies, joined by spaces, are WANT
replies() {
	comp "$1"
	got=$(grep -v '^$' out | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "$2" ]; then ok "$3"; else not_ok "$3" "got '$got'" "wanted '$2'" "$(cat err)"; fi
}

# has LINE WORD DESC: WORD is among the replies
has() {
	comp "$1"
	if grep -qx -- "$2" out; then ok "$3"; else not_ok "$3" "no '$2' in: $(tr '\n' ' ' <out)" "$(cat err)"; fi
}

check "cp.bash defines a completion for every tool" bash -c "
	source '$TOP/completions/cp.bash' &&
	for t in cp-new cp-log cp-hours cp-evaluate cp-report cp-check cp-merge cp-plan; do complete -p \$t >/dev/null || exit 1; done"
has "cp-log --" --plan "cp-log --<TAB> offers --plan"
has "cp-log --" --mode "... and --mode"
has "cp-log --" --dry-run "... and --dry-run"
has "cp-log -" -P "... and the short -P"
replies "cp-log --pl" "--plan --plans" "cp-log --pl<TAB>"
replies "cp-log --plan " "P-1 P-2 P-2026-014 P-2026-020" "cp-log --plan <TAB> offers the plan ids"
replies "cp-log --plan P-2026-0" "P-2026-014 P-2026-020" "... that start with what is typed"
replies "cp-log -P P-2026-014 --goal " "G1 G2 G3" "--goal <TAB> after --plan offers that plan's goals"
replies "cp-log --plan=P-2026-014 -g G" "G1 G2 G3" "... also after --plan=ID, for -g"
replies "cp-log --plan P-2026-020 --goal " "K1 K2" "... of a plan in flow style, not the commented-out G9"
replies "cp-log --goal " "" "no goals without a plan"
mkdir other && cp plans/P-1.yaml other/Q-7.yaml && sed -i 's/^id: P-1$/id: Q-7/' other/Q-7.yaml
replies "cp-log -p other --plan " "Q-7" "plan ids from the -p directory on the line"
replies "cp-log --plan Q-7 -p other -g " "G1 G2" "... and goals from there too"
replies "cp-new -d other --id X --plan " "" "cp-new has no --plan"
CP_PLANS=other replies "cp-hours --plan " "Q-7" "plan ids from \$CP_PLANS"
replies "cp-report -P P-2026-0" "P-2026-014 P-2026-020" "cp-report -P <TAB>: the plan ids, as --plan"
mkdir -p hours/archief && cd hours/archief
replies "cp-log --plan P-2026-0" "P-2026-014 P-2026-020" "in a directory below the caseload: its plan ids, as the tools find them"
replies "cp-log -P P-2026-014 -g " "G1 G2 G3" "... and the plan's goals"
replies "cp-hours --coach " "ahmed robin" "... and its coaches"
cd ../.. && rm -r hours/archief # and the out and err the replies left there
top=$PWD outside=$(mktemp -d "${TMPDIR:-/tmp}/coachplan-outside.XXXXXX")
cd "$outside"
CP_PLANS=$top/plans replies "cp-hours --coach " "ahmed robin" \
	"outside any caseload, \$CP_PLANS naming its plans: its coaches"
cd "$top" && rm -r "$outside"
replies "cp-hours -P P-2026-014 -g " "G1 G2 G3" "cp-hours -g after -P: that plan's goals"
has "cp-hours -a " supervisor "cp-hours -a <TAB>: the activities"
replies "cp-log --mode " "app beeldbellen chat email mail onsite other overig phone telefoon video werkvloer" \
	"--mode <TAB> offers the English and Dutch words"
replies "cp-log --mode tel" "telefoon" "--mode tel<TAB>"
replies "cp-hours --by plan," "plan,activity plan,coach plan,day plan,employer plan,funder plan,goal plan,grant plan,half plan,mode plan,month plan,quarter plan,scheme plan,week plan,year" \
	"cp-hours --by plan,<TAB> offers the other keys"
replies "cp-hours --by plan,goal,mo" "plan,goal,mode plan,goal,month" "--by plan,goal,mo<TAB>"
replies "cp-hours -b " "activity coach day employer funder goal grant half mode month plan quarter scheme week year" "-b <TAB>"
has "cp-hours --period " this-month "--period offers this-month"
has "cp-hours --period " vorig-halfjaar "... and vorig-halfjaar"
has "cp-hours --period " deze-week "... and deze-week"
has "cp-hours --period " maart "... and the months by name"
replies "cp-hours -o " "csv excel html json markdown text" "-o <TAB> offers the formats"
has "cp-report -o " markdown "cp-report -o offers its formats"
has "cp-report --" --per-grant "cp-report --<TAB> offers --per-grant"
has "cp-report --period " grant "cp-report --period offers grant, each grant whole"
has "cp-report --period " last-half "... beside the other periods"
comp "cp-hours --period "
check "cp-hours --period does not offer grant" sh -c '! grep -qx grant out'
has "cp-report --" --satisfaction "cp-report offers --satisfaction"
replies "cp-report --satisfaction --coach " "ahmed robin" "... and its --coach the coaches"
replies "cp-new --funder " "gemeente other uwv werkgever" "--funder <TAB>"
replies "cp-new --scheme w" "wajong wia" "--scheme w<TAB>"
replies "cp-log -d g" "gisteren" "cp-log -d is a date"
replies "cp-evaluate --record P-2026-014 --goal " "G1= G2= G3=" "cp-evaluate --goal offers G=..."
replies "cp-evaluate --record P-2026-014 --goal G2=a" "G2=achieved" "... then the statuses"
replies "cp-hours --coach " "ahmed robin" "--coach offers the coaches of hours/"
has "cp-check --" --max-errors "cp-check's options"
has "cp-hours --" --excel "cp-hours offers --excel"
has "cp-report --" --logbook "cp-report offers --logbook"
has "cp-report --logbook --" --grant "... and --grant"
replies "cp-report --logbook --plan P-1 --grant " "" "... whose reference is typed, not guessed"
has "cp-evaluate --record P-2026-014 --goal G2=" "G2=partly-achieved" "cp-evaluate --goal offers UWV's results"
has "cp-hours " hours/ "arguments are files and directories"
has "cp-plan " P-2026-014 "cp-plan <TAB> offers the plan ids"
has "cp-plan P-2026-014 --" --grant "cp-plan --<TAB> offers --grant"
has "cp-plan P-2026-014 --" --migrate "cp-plan --<TAB> offers --migrate"
has "cp-plan P-2026-014 --grant 2027-05-02/6m --level " midden "cp-plan --level offers the levels"
has "cp-plan P-2026-014 --grant 2027-05-02/6m --kind " vervolg "cp-plan --kind offers the kinds"
has "cp-plan P-2026-014 --coach " ahmed "cp-plan --coach offers the coaches"
replies "cp-plan P-2026-014 --grant " "" "cp-plan --grant is typed, not completed"
has "cp-new --" --agreement "cp-new offers --agreement"

if command -v zsh >/dev/null; then
	check "the zsh completion parses" zsh -n "$TOP/completions/_coachplan"
else
	ok "the zsh completion parses # skip zsh is not installed"
fi
check "the zsh completion names every tool" \
	grep -qx '#compdef cp-new cp-log cp-hours cp-evaluate cp-report cp-check cp-merge cp-plan' "$TOP/completions/_coachplan"
done_testing
