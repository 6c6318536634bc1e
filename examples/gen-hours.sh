#!/bin/sh
# gen-hours.sh [CASELOAD]: writes the sample hour sheets hours/robin.csv and
# hours/ahmed.csv anew: 2026 up to 20 November, made up but always the same
# (a fixed pseudo-random sequence), and fed through "cp-log -" so that
# every line is checked against its plan.
set -eu
cd "${1:-$(dirname "$0")/caseload}"
export CP_TODAY=2026-11-23
# Hours are logged while a plan is active and before its grants are
# declared: check against copies of the plans as they were then.
then=$(mktemp -d) && trap 'rm -rf "$then"' EXIT
for f in plans/*.yaml; do
	sed -e 's/^status: .*/status: active/' -e 's/, declared: [0-9-]*//' -e '/^ *declared: /d' \
		"$f" >"$then/${f#plans/}"
done
# plan, coach (robin>ahmed@DAY: ahmed from DAY on, as in the plan's
# coaches:), first and last day, entries a week, a topic per goal (_ is a
# space), the funder's contact, evaluation days
plans='P-2024-003 robin 2026-01-01 2026-11-20 1.5 sorteren,uren,zaterdag,overdracht arbeidsdeskundige_UWV 2026-01-13,2026-07-13
P-2024-011 robin 2026-01-01 2026-11-20 1.5 opbouw,werkdruk,post arbeidsdeskundige_UWV 2026-03-02
P-2025-019 robin 2026-01-01 2026-11-20 1.0 afwas,koude_keuken,uren klantmanager_gemeente 2026-03-02,2026-06-01,2026-09-01
P-2026-002 robin 2026-01-12 2026-06-30 2.0 inpakken,begintijd arbeidsdeskundige_UWV 2026-06-26
P-2026-005 robin 2026-02-02 2026-08-14 1.5 klanten,kassa re-integratieadviseur_UWV -
P-2026-013 robin 2026-05-04 2026-11-20 2.0 zuivel,uren,hulp_vragen arbeidsdeskundige_UWV 2026-11-02
P-2025-007 ahmed 2026-01-01 2026-11-20 2.0 stand-up,tickets,uren,klantcontact arbeidsdeskundige_UWV 2026-03-04,2026-09-02
P-2025-022 ahmed 2026-01-01 2026-11-20 2.5 scanner,vroege_dienst,reachtruck HR 2026-03-02,2026-06-01,2026-09-01
P-2026-009 robin>ahmed@2026-07-01 2026-03-16 2026-11-20 2.0 veiligheid,op_tijd,loods klantmanager_gemeente 2026-06-15,2026-09-14
P-2026-018 ahmed 2026-09-07 2026-11-20 3.0 checklist,planning HR -'
prog=$(cat <<'AWK'
function rnd() { seed = seed * 16807 % 2147483647; return seed / 2147483647 }
function pick(list,  a, n) { n = split(list, a, "|"); picked = int(rnd() * n) + 1; return a[picked] }
function what(list,  a) { split(list, a, " "); return a[picked] }
function ymd(y, m, d) { return sprintf("%04d-%02d-%02d", y, m, d) }
BEGIN {
	seed = 20261123
	split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
	note["onsite"] = "Werkplekbezoek, %s besproken met leidinggevende|Meegelopen: %s|" \
		"Op de werkvloer geobserveerd (%s), feedback gegeven|Driegesprek over %s|" \
		"Werkplekbezoek: %s gaat \"steeds beter\""
	note["phone"] = "Gebeld over %s|Telefonisch contact met leidinggevende, %s|Kort gebeld: %s"
	note["email"] = "Mail aan werkgever over %s|Afspraken %s gemaild, met weekschema"
	note["video"] = "Beeldbellen over %s|Teams-gesprek met deelnemer: %s"
	note["chat"] = "App-contact: %s|Appje over %s, \"komt goed\""
	plain = "Overleg met %s|Voortgangsverslag geschreven voor %s|" \
		"Gesprek met %s, vervolg besproken|Dossier bijgewerkt, rapportage aan %s"
	# what each note is, as UWV counts an activity (cp-log -a)
	act["onsite"] = "supervisor training support evaluation support"
	act["phone"] = "support supervisor support"
	act["email"] = "supervisor structuring"
	act["video"] = "support home"
	act["chat"] = "support disruptions"
	act["plain"] = "evaluation evaluation evaluation other"
	print "date,coach,plan,goal,mode,minutes,note,activity"
}
{ id[NR] = $1; coach[NR] = $2; from[NR] = $3; handover[NR] = ""
  if (split($2, h, /[>@]/) == 3) { coach[NR] = h[1]; next_coach[NR] = h[2]; handover[NR] = h[3] }
  to[NR] = $4; rate[NR] = $5
  ngoals[NR] = split($6, t, ","); for (g in t) { gsub(/_/, " ", t[g]); topic[NR, g] = t[g] }
  funder[NR] = $7; gsub(/_/, " ", funder[NR]); evals[NR] = $8 }
END {
	wd = 3 # the day before 2026-01-01, a Thursday
	for (m = 1; m <= 11; m++) for (d = 1; d <= mdays[m]; d++) {
		day = ymd(2026, m, d); wd = wd % 7 + 1
		if (wd > 5 || day > "2026-11-20" || day == "2026-01-01") continue
		for (p = 1; p <= NR; p++) {
			if (day < from[p] || day > to[p]) continue
			c = handover[p] != "" && day >= handover[p] ? next_coach[p] : coach[p]
			away = c == "robin" ? day >= "2026-07-20" && day <= "2026-08-07" \
			                    : day >= "2026-08-10" && day <= "2026-08-28"
			if (index(evals[p], day)) {
				line(day, c, id[p], "", "onsite", 60, "Evaluatiegesprek met deelnemer en werkgever", "evaluation")
				continue
			}
			if (rnd() >= rate[p] / 5 / (away ? 4 : 1)) continue
			if (away) c = c == "robin" ? "ahmed" : "robin" # a colleague stands in
			r = rnd()
			mode = r < .6 ? "onsite" : r < .8 ? "phone" : r < .88 ? "email" : r < .96 ? "video" : "chat"
			min = mode == "onsite" ? 45 + 15 * int(rnd() * rnd() * 10) \
			    : mode == "video" ? 30 + 15 * int(rnd() * 3) \
			    : mode == "phone" ? 15 + 15 * int(rnd() * 2) : 15
			if (rnd() < .1) { # work for the plan as a whole: no goal
				line(day, c, id[p], "", mode, min, sprintf(pick(plain), funder[p]), what(act["plain"]))
				continue
			}
			g = int(rnd() * ngoals[p]) + 1
			text = sprintf(pick(note[mode]), topic[p, g])
			line(day, c, id[p], "G" g, mode, min, text, day == from[p] ? "introduction" : what(act[mode]))
		}
	}
}
function line(day, c, plan, goal, mode, min, text, activity) {
	if (c != who) return
	gsub(/"/, "\"\"", text)
	printf "%s,%s,%s,%s,%s,%d,\"%s\",%s\n", day, c, plan, goal, mode, min, text, activity
}
AWK
)
rm -f hours/robin.csv hours/ahmed.csv # every hour is held against its grant: none twice
for coach in robin ahmed; do
	echo "$plans" | awk -v who="$coach" "$prog" | cp-log -p "$then" -f "hours/$coach.csv" -
done
