#!/bin/sh
# examples/: every script runs in a scratch copy of the sample caseload,
# every sample plan reads, and every sample sheet still fits its plans.
. "$(dirname "$0")/lib.sh"
EX=$TOP/examples

for script in "$EX"/*.sh; do
	name=${script##*/}
	rm -rf cl && cp -R "$EX/caseload" cl
	run sh "$script" cl
	status_is 0 "examples/$name runs in a copy of the sample caseload"
	case $name in
	gen-hours.sh) # the generator is deterministic: it makes the committed sheets
		for s in robin ahmed; do
			same cl/hours/$s.csv "$EX/caseload/hours/$s.csv" "gen-hours.sh makes hours/$s.csv as committed"
		done ;;
	weekly.sh)
		check "weekly.sh appended to robin's sheet" \
			test "$(wc -l <cl/hours/robin.csv)" -gt "$(wc -l <"$EX/caseload/hours/robin.csv")" ;;
	esac
done

CL=$EX/caseload
for plan in "$CL"/plans/*.yaml; do
	id=$(basename "$plan" .yaml)
	run cp-log -n --force -p "$CL/plans" -P "$id" -m phone 15
	status_is 0 "plan $id reads"
done

# The plans with the status they had when the hours were logged: closed
# and paused plans were active then.  Without --force, every line must
# fit its plan's dates and goals.
mkdir then
for plan in "$CL"/plans/*.yaml; do
	sed 's/^status: .*/status: active/' "$plan" >"then/${plan##*/}"
done
for sheet in "$CL"/hours/*.csv; do
	name=hours/${sheet##*/}
	run cp-log -n --force -p "$CL/plans" - <"$sheet"
	status_is 0 "$name reads"
	same out "$sheet" "$name is as cp-log writes it"
	run cp-log -n -p then - <"$sheet"
	status_is 0 "$name: every line within its plan's dates and goals"
	check "$name has a few hundred entries" test "$(wc -l <"$sheet")" -gt 200
done
done_testing
