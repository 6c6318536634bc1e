#!/bin/sh
# weekly.sh [CASELOAD]: a coach's Monday morning in a script.  Shows what
# is due, logs what is still in the notebook from last week and this
# morning's contacts with cp-log(1), then the week's hours and the budgets.
# Run it inside a caseload, or give the caseload's directory.  Every line
# is checked against its plan; a mistake stops the script before anything
# is written.
set -eu
cd "${1:-.}"
# The sample caseload lives in November 2026; drop this line in your own.
: "${CP_TODAY:=2026-11-23}" && export CP_TODAY
me=${USER:-$(id -un)}
sheet=${CP_SHEET:-hours/$me.csv}
before=$(cat "$sheet" 2>/dev/null | wc -l)

# First: what is due or overdue in the next two weeks, and which plans near
# their end.  The exit status is 1 when an evaluation is overdue.
echo "Due in the next two weeks:"
if ! cp-evaluate --due --within 2w --coach "$me" -o table; then
	echo "An evaluation is overdue: plan it this week." >&2
fi
echo

# Last week, from the notebook: one line per contact, in the sheet's CSV,
# with what it was as UWV counts it (the activity).  Dutch words and
# durations as you write them are fine; the sheet gets the English word
# and minutes.
lastweek() {
	cat <<EOF
date,coach,plan,goal,mode,minutes,note,activity
2026-11-16,$me,P-2024-003,G4,werkvloer,1u30,Driegesprek: Marieke voert de weekgesprekken nu zelf,leidinggevende
2026-11-17,$me,P-2026-013,G1,werkvloer,2u,"Zuivel aangevuld, René tevreden",training
2026-11-18,$me,P-2024-011,G2,beeldbellen,45m,"Weekoverzicht besproken; ""nee"" zeggen geoefend",ondersteuning
2026-11-19,$me,P-2025-019,,mail,15,Voorstel afbouw naar klantmanager gemeente,afstemming
2026-11-20,$me,P-2026-013,G3,app,0:15,Vroeg zelf om hulp bij de koeling,verstoringen
EOF
}
echo "Would add (cp-log -n, a dry run):"
lastweek | cp-log -n - # checks every line and prints it, but writes nothing
lastweek | cp-log -    # now for real: all lines or none

# This morning, one contact at a time (the date defaults to today).  Each
# says on stderr what is left of the grant it falls in, and refuses an
# entry that would take a grant over its hours.
cp-log --plan P-2024-003 --goal G3 --mode telefoon -a ondersteuning 20m Maandagbelletje, rooster zaterdag
cp-log -P P-2026-013 -g G2 -m werkvloer -a leidinggevende 1,5u 'Uitbreiding naar 16 uur besproken met René'
cp-log -P P-2024-011 -m bellen -d vandaag -a evaluatie 0,5u 'Nieuwe evaluatiedatum gepland met Sébastien'

echo "Added to $sheet:"
tail -n +"$((before + 1))" "$sheet"

# Last week and this week, per plan, with the share not on the work floor.
echo
echo "My hours last week and this week:"
cp-hours -o table --by plan,week --remote --coach "$me" --period last-week..this-week
# Grants and budgets, of the days I had each plan: the exit status says
# whether one is over.
echo
if cp-hours -o table --budget --coach "$me"; then
	echo "Every plan is within its budget."
else
	echo "A plan is over its budget: see above." >&2
fi
