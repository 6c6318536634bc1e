# bash completion for coachplan: cp-new, cp-log, cp-hours, cp-evaluate,
# cp-report, cp-check, cp-merge and cp-plan.  Installed once as .../bash-completion/completions/
# cp-new, with the other names linked to it, as bash-completion's loader
# looks a command up by its name.  Self-contained: it needs no function of
# the bash-completion package, so `source cp.bash` works anywhere.
#
# Options are read from each tool's --help (once per shell), so they
# cannot drift from the tools; plan ids are the plans directory's files
# (-p, -d for cp-new, $CP_PLANS or plans/ of the caseload here); goal ids come from the plan
# named on the line, read by cp-check --list-goals (comments and flow style
# included), or by awk if cp-check is not there.

_cp_modes="onsite phone email video chat other werkvloer telefoon mail beeldbellen app overig"
_cp_funders="uwv gemeente werkgever other"
_cp_formats="text markdown html csv excel json"
_cp_schemes="wajong wia iro participatiewet other"
_cp_days="today yesterday vandaag gisteren eergisteren maandag dinsdag woensdag donderdag vrijdag
zaterdag zondag"
_cp_periods="today yesterday this-week last-week this-month last-month this-quarter
last-quarter this-half last-half this-year last-year vandaag gisteren deze-week vorige-week
deze-maand vorige-maand dit-kwartaal vorig-kwartaal dit-halfjaar vorig-halfjaar dit-jaar
vorig-jaar januari februari maart april mei juni juli augustus september oktober november
december"
_cp_keys="plan goal mode coach funder activity grant employer scheme day week month quarter half year"
_cp_activities="introduction structuring training disruptions support home supervisor evaluation other"
_cp_statuses="achieved partly-achieved not-achieved permanent-support open dropped"
_cp_kinds="standard extension vervolg strippenkaart internal intern"
_cp_levels="zeer-licht licht midden intensief intern very-light light medium intensive internal"

# _cp_add WORD...: the words that start with $cur, into COMPREPLY
_cp_add() {
	local w
	for w in "$@"; do
		[[ $w == "$cur"* ]] && COMPREPLY+=("$w")
	done
}

# _cp_files [-d] [GLOB]: file names (directories only with -d)
_cp_files() {
	local IFS=$'\n' f
	if [[ $1 == -d ]]; then
		COMPREPLY+=($(compgen -d -- "$cur"))
		return
	fi
	for f in $(compgen -f -- "$cur"); do
		if [[ -d $f ]]; then
			COMPREPLY+=("$f/")
		elif [[ -z $1 || $f == $1 ]]; then
			COMPREPLY+=("$f")
		fi
	done
	compopt -o nospace -o filenames 2>/dev/null
}

# _cp_value OPTION...: the value the line gives the last of these options, or ""
_cp_value() {
	local i o
	for ((i = 1; i < cword; i++)); do
		for o in "$@"; do
			if [[ ${words[i]} == "$o" && $((i + 1)) -lt $cword ]]; then
				if [[ ${words[i + 1]} == "=" ]]; then
					_cp_val=${words[i + 2]}
				else
					_cp_val=${words[i + 1]}
				fi
			elif [[ ${words[i]} == "$o="* ]]; then
				_cp_val=${words[i]#*=}
			elif [[ $o != --* && ${words[i]} == "$o"?* ]]; then
				_cp_val=${words[i]#"$o"}
			fi
		done
	done
}

# _cp_caseload: the caseload here, as the tools find it: the current
# directory; $CP_PLANS's, where it holds hours/; or the nearest one above
# that holds plans/
_cp_caseload() {
	local up=.. i
	if [[ -d plans || -d hours ]]; then
		echo .
		return
	fi
	if [[ -n $CP_PLANS ]]; then
		up=$(dirname -- "${CP_PLANS/#\~/$HOME}")
		[[ -d $up/hours ]] && echo "$up" || echo .
		return
	fi
	for ((i = 0; i < 32; i++)); do
		if [[ -d $up/plans ]]; then
			echo "$up"
			return
		fi
		[[ $(cd "$up" 2>/dev/null && pwd -P) == / ]] && break
		up=$up/..
	done
	echo .
}

_cp_plansdir() {
	local _cp_val=
	_cp_value -p --plans "$@"
	_cp_val=${_cp_val:-${CP_PLANS:-$(_cp_caseload)/plans}}
	printf '%s\n' "${_cp_val/#\~/$HOME}"
}

# _cp_plans [DIROPTIONS...]: plan ids of the plans directory
_cp_plans() {
	local dir f
	dir=$(_cp_plansdir "$@")
	for f in "$dir"/*.yaml; do
		[[ -e $f ]] || continue
		f=${f##*/}
		_cp_add "${f%.yaml}"
	done
}

# _cp_goals PLAN [DIROPTIONS...]: the goal ids of the plan
_cp_goals() {
	local plan=$1 dir ids
	shift
	[[ -n $plan ]] || return
	dir=$(_cp_plansdir "$@")
	if command -v cp-check >/dev/null 2>&1; then
		ids=$(cp-check -p "$dir" --list-goals "$plan" 2>/dev/null)
	elif [[ -f $dir/$plan.yaml ]]; then
		ids=$(awk '/^goals:/ { g = 1; next } /^[^ #-]/ { g = 0 }
			g && /^[ -]*id:/ { sub(/^[ -]*id:[ ]*/, ""); sub(/[ ]*#.*/, ""); gsub(/["\047]/, ""); print }' \
			"$dir/$plan.yaml")
	fi
	_cp_add $ids
}

# _cp_coaches: coaches, as the hour sheets in hours/ name them
_cp_coaches() {
	local f
	for f in "$(_cp_caseload)"/hours/*.csv; do
		[[ -e $f ]] || continue
		f=${f##*/}
		_cp_add "${f%.csv}"
	done
}

# _cp_options TOOL: the tool's options, from its --help
_cp_options() {
	local var=_cp_opts_${1//-/_}
	if [[ -z ${!var} ]]; then
		printf -v "$var" '%s' "$("$1" --help 2>/dev/null |
			grep -oE -- '(^|[ ,])--?[A-Za-z][A-Za-z-]*' | tr -d ' ,' | sort -u | tr '\n' ' ')"
	fi
	local o
	for o in ${!var}; do
		[[ $o == "$cur"* ]] || continue
		COMPREPLY+=("$o")
	done
}

# _cp_by: a comma list of keys, the last one completed, each key once
_cp_by() {
	local head= last=$cur k
	if [[ $cur == *,* ]]; then
		head=${cur%,*},
		last=${cur##*,}
	fi
	for k in $_cp_keys; do
		[[ ,$head == *,$k,* ]] && continue
		[[ $k == "$last"* ]] && COMPREPLY+=("$head$k")
	done
	compopt -o nospace 2>/dev/null
}

_cp_complete() {
	local cur prev words cword tool=$1
	COMPREPLY=()
	words=("${COMP_WORDS[@]}")
	cword=$COMP_CWORD
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --opt=value arrives as --opt, =, value
	if [[ $cur == "=" ]]; then
		cur=
	elif [[ $prev == "=" && $cword -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
	fi
	[[ $cur == "=" ]] && cur=
	local plandirs=() _cp_val=
	[[ $tool == cp-new ]] && plandirs=(-d --dir)

	case $tool:$prev in
	*:-p | *:--plans | cp-new:-d | cp-new:--dir | cp-new:--init)
		_cp_files -d; return ;;
	*:-f | *:--file)
		_cp_files '*.csv'; return ;;
	*:-m | *:--mode)
		[[ $tool == cp-check ]] && return
		_cp_add $_cp_modes; return ;;
	*:-F | *:--funder)
		_cp_add $_cp_funders; return ;;
	*:--scheme)
		_cp_add $_cp_schemes; return ;;
	cp-report:-o | cp-report:--output)
		_cp_add $_cp_formats
		_cp_files -d; return ;;
	*:-o | *:--output)
		_cp_add $_cp_formats; return ;;
	cp-report:--period) # and each grant whole, for declarations per grant
		_cp_add $_cp_periods grant; return ;;
	*:--period)
		_cp_add $_cp_periods; return ;;
	cp-log:-d | cp-log:--date | cp-evaluate:-d | cp-evaluate:--date | *:--from | *:--to | \
		*:--on | *:--start | *:-s | *:--end | *:--next)
		[[ $tool == cp-evaluate && $prev == -s ]] && return
		_cp_add $_cp_days; return ;;
	*:-b | *:--by)
		_cp_by; return ;;
	cp-log:-P | cp-log:--plan | cp-hours:-P | cp-hours:--plan | cp-report:-P | cp-report:--plan | cp-evaluate:-r | cp-evaluate:--record | cp-check:--list-goals)
		_cp_plans "${plandirs[@]}"; return ;;
	cp-log:-g | cp-log:--goal | cp-hours:-g | cp-hours:--goal)
		_cp_value -P --plan
		_cp_goals "$_cp_val"; return ;;
	cp-evaluate:-g | cp-evaluate:--goal)
		_cp_value -r --record
		if [[ $cur == *=* ]]; then
			local g=${cur%%=*}
			cur=${cur#*=}
			local s
			for s in $_cp_statuses; do [[ $s == "$cur"* ]] && COMPREPLY+=("$g=$s"); done
		else
			_cp_goals "$_cp_val"
			local i
			for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]+="="; done
			compopt -o nospace 2>/dev/null
		fi
		return ;;
	cp-evaluate:--outcome)
		_cp_add works-without-support follow-up-lighter follow-up-same follow-up-heavier \
			employer-takes-over not-working; return ;;
	cp-log:-a | cp-log:--activity | cp-hours:-a | cp-hours:--activity)
		_cp_add $_cp_activities; return ;;
	cp-plan:--kind)
		_cp_add $_cp_kinds; return ;;
	cp-plan:--level)
		_cp_add $_cp_levels; return ;;
	cp-plan:--declared)
		_cp_add ended afgelopen; return ;;
	cp-plan:-g | cp-plan:--goal | *:--agreement | *:--condition | *:--grant | \
		cp-plan:--work-hours | cp-plan:--length | cp-plan:--drop-grant | cp-plan:--amend-grant)
		return ;;
	*:-c | *:--coach)
		_cp_coaches; return ;;
	cp-new:-i | cp-new:--id | cp-new:-n | cp-new:--name | cp-new:-g | cp-new:--goal | \
		*:--employer | *:--contact | *:--ref | *:--hours | *:--every | *:--budget | \
		*:-w | *:--within | *:-q | *:--quiet-since | *:-s | *:--summary | *:-m | \
		*:--max-errors)
		return ;;
	esac
	if [[ $cur == -* ]]; then
		_cp_options "$tool"
		return
	fi
	case $tool in
	cp-hours | cp-report | cp-check | cp-evaluate) _cp_files ;;
	cp-merge) mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur") ;;
	cp-plan) _cp_plans ;;
	esac
}

_cp_new() { _cp_complete cp-new; }
_cp_log() { _cp_complete cp-log; }
_cp_hours() { _cp_complete cp-hours; }
_cp_evaluate() { _cp_complete cp-evaluate; }
_cp_report() { _cp_complete cp-report; }
_cp_check() { _cp_complete cp-check; }
_cp_merge() { _cp_complete cp-merge; }
_cp_plan() { _cp_complete cp-plan; }
complete -F _cp_new cp-new
complete -F _cp_log cp-log
complete -F _cp_hours cp-hours
complete -F _cp_evaluate cp-evaluate
complete -F _cp_report cp-report
complete -F _cp_check cp-check
complete -F _cp_merge cp-merge
complete -F _cp_plan cp-plan
