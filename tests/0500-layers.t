#!/bin/sh
# The library's layers (lib/README): each module includes the header of
# its own layer, and each header only the headers of the layers below it.
. "$(dirname "$0")/lib.sh"

# the layer header of each module, as lib/README lists them
layer_of() {
	case $1 in
	cli) echo coachplan.h ;;
	declare | declaredoc | declarefiles | declaregrants) echo declare.h ;;
	account | accountchart | overview | logbook | reportwords | budgettable | hoursrun | hourstable | hoursplans | duetable | ics | satisfactionreport) echo reports.h ;;
	render_pdf | render_pdftable | render_pdfchart) echo renderpdf.h ;;
	table | report | chart | render | render_*) echo output.h ;;
	record | merge | sheetmerge | hook | logged) echo changes.h ;;
	planedit | planlists | planhistory | plangrants | plangrantcheck | plangrantamend | planmigrate) echo amend.h ;;
	eras | budget) echo planmemo.h ;;
	entrycheck | agg | due | lint | medical | ceiling | satisfaction) echo domain.h ;;
	caseload | planid | planset) echo caseload.h ;;
	yaml | yamlfast) echo yamlread.h ;;
	yamlquote) echo ytree.h ;;
	planfmt) echo plan.h ;;
	edit | editwhere | editremove) echo yedit.h ;;
	plan | grant) echo planread.h ;;
	sheet | records) echo sheetread.h ;;
	sheetw | scan | twice) echo sheet.h ;;
	date | dayword | duration | period | funder | lang) echo calendar.h ;;
	*) echo base.h ;;
	esac
}

for src in "$TOP"/lib/*.c; do
	m=$(basename "$src" .c)
	want=$(layer_of "$m")
	got=$(sed -n 's/^#include "\(.*\)"$/\1/p' "$src" | tr '\n' ' ')
	check "lib/$m.c includes $want alone of the library's headers" test "$got" = "$want "
done

# headers: which each may include
allowed() {
	case $1 in
	coachplan.h) echo "reports.h changes.h" ;;
	changes.h) echo "domain.h" ;;
	reports.h) echo "domain.h output.h" ;;
	domain.h) echo "caseload.h" ;;
	caseload.h) echo "plan.h sheet.h" ;;
	planread.h | yedit.h) echo "plan.h" ;;
	renderpdf.h) echo "output.h" ;;
	sheetread.h) echo "sheet.h" ;;
	amend.h) echo "changes.h" ;;
	declare.h) echo "reports.h" ;;
	planmemo.h) echo "domain.h" ;;
	plan.h) echo "calendar.h ytree.h" ;;
	sheet.h | output.h) echo "calendar.h" ;;
	ytree.h) echo "base.h" ;;
	yamlread.h) echo "ytree.h" ;;
	calendar.h) echo "base.h" ;;
	base.h) echo "" ;;
	esac
}
for h in "$TOP"/lib/*.h; do
	n=$(basename "$h")
	got=$(sed -n 's/^#include "\(.*\)"$/\1/p' "$h" | tr '\n' ' ' | sed 's/ $//')
	check "lib/$n includes only the layers below it" test "$got" = "$(allowed "$n")"
	check "lib/$n stays under 300 lines" test "$(wc -l <"$h")" -le 300
done

for src in "$TOP"/cmd/*.c; do
	check "$(basename "$src") is thin: at most 300 lines" test "$(wc -l <"$src")" -le 300
done

dups=$(ls "$TOP"/tests/*.t | sed 's|.*/||' | cut -c1-4 | sort | uniq -d | tr '\n' ' ')
check "no two test files share a number${dups:+: $dups}" test -z "$dups"

done_testing
