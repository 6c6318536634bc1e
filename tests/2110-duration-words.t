#!/bin/sh
# cp-log's duration among the words of an unquoted note: the longest run
# of words at the start that reads as one duration, the note the rest; a
# number followed by a unit word is never a bare number of minutes
# (issue 14, defect 4).  The cases tests/2000-cp-log.t holds are the ones
# the issue names; these are the ones coaches type besides.
. "$(dirname "$0")/lib.sh"
caseload || exit 1
export CP_TODAY=2026-03-10

# logs "WORDS|MINUTES|NOTE": cp-log -n with WORDS split by the shell
logs() {
	words=${1%%|*} rest=${1#*|} minutes=${rest%%|*} note=${rest#*|}
	# shellcheck disable=SC2086
	run cp-log -n --plan P-1 --mode phone -d 2026-03-04 $words
	check "cp-log ... $words: $minutes minutes, note '$note'" \
		test "$(tail -n 1 out)" = "2026-03-04,robin,P-1,,phone,$minutes,$note"
}

# The issue's three, once more, and how they went wrong
logs "1h 30m x|90|x"                         # was 60 minutes, note "30m x"
logs "3 kwartier|45|"                        # was 3 minutes
refuses 64 '"30 uur": a duration may be at most 24 hours' "30 uur opbouw (was 30 minutes)" \
	cp-log --plan P-1 --mode phone -d 2026-03-04 30 uur opbouw

# Quarters and halves after the hours
logs "2 uur en 3 kwartier overleg|165|overleg" # was 123 minutes, note "kwartier overleg"
logs "1 uur en een kwartier Gesprek|75|Gesprek" # was 60 minutes, note "en een kwartier Gesprek"
logs "een uur en een kwartier|75|"
logs "2 en een half uur met Anja|150|met Anja" # was 2 minutes
logs "twee en een half uur|150|"
logs "anderhalf uur en 10 minuten|100|"       # was 90 minutes, note "en 10 minuten"
logs "half an hour|30|"                      # was refused
logs "1:30 uur overleg|90|overleg"            # was the note "uur overleg"
logs "1½ uur met Anja|90|met Anja"            # the sign a phone offers; was refused
logs "¾ uur|45|"

# The punctuation that ends the duration is not the note's
logs "1 uur, kassa|60|kassa"                 # was 1 minute, note "uur, kassa"
logs "1 uur. Kassa|60|Kassa"                 # was 1 minute, note "uur. Kassa"
logs "3 kwartier, daarna verslag|45|daarna verslag" # was 3 minutes
logs "45 min, gesprek|45|gesprek"           # was the note "min, gesprek"

# A number followed by a unit word is never minutes and a note
refuses 64 '"1 uur 30 uur": not a duration' "1 uur 30 uur (was 90 minutes, note 'uur')" \
	cp-log --plan P-1 --mode phone -d 2026-03-04 1 uur 30 uur
refuses 64 '"30 uur,": a duration may be at most 24 hours' "30 uur, opbouw (was 30 minutes)" \
	cp-log --plan P-1 --mode phone -d 2026-03-04 30 uur, opbouw
refuses 64 '"1 uur 5 kwartier": minutes after the hours must be below 60' "1 uur 5 kwartier (was 65 minutes)" \
	cp-log --plan P-1 --mode phone -d 2026-03-04 1 uur 5 kwartier

# Words after the duration that still read as a part of one are refused,
# not made the note of a wrong figure (the tester's four)
refuses 64 'read as the duration "1" \(0:01\) and the note "1/2 uur overleg"' \
	"1 1/2 uur overleg (was 1 minute)" cp-log --plan P-1 --mode phone -d 2026-03-04 1 1/2 uur overleg
err_has "hint: quote the duration .* or write the duration as one word: 1,5u, 90m" \
	"... and the hint says how to write it"
refuses 64 'read as the duration "1 uur" \(1:00\)' "1 uur en tien minuten (was 60 minutes)" \
	cp-log --plan P-1 --mode phone -d 2026-03-04 1 uur en tien minuten
refuses 64 'the note "en twintig minuten"' "2 uur en twintig minuten (was 120 minutes)" \
	cp-log --plan P-1 --mode phone -d 2026-03-04 2 uur en twintig minuten
refuses 64 'read as the duration "30" \(0:30\) and the note "sec"' "30 sec (was 30 minutes)" \
	cp-log --plan P-1 --mode phone -d 2026-03-04 30 sec
refuses 64 'the note "1/2 uur overleg"' "1 1/2 uur overleg (was one minute)" \
	cp-log --plan P-1 --mode phone -d 2026-03-04 1 1/2 uur overleg
# ... and quoting the duration or the note says where the note starts
run cp-log -n --plan P-1 --mode phone -d 2026-03-04 '1 uur' en tien minuten later
check "a quoted duration, and a note that starts with en" \
	test "$(tail -n 1 out)" = "2026-03-04,robin,P-1,,phone,60,en tien minuten later"
run cp-log -n --plan P-1 --mode phone -d 2026-03-04 90 "twee collega's ingewerkt"
check "a quoted note that starts with a number in words" \
	test "$(tail -n 1 out)" = "2026-03-04,robin,P-1,,phone,90,twee collega's ingewerkt"

# ... while a note may still start with a word that is no unit
logs "1 uur en koffie|60|en koffie"
logs "90 m2 geveegd|90|m2 geveegd"
logs "15 een kwartier later|15|een kwartier later"
# ... or with a number that no unit follows, or a whole one after a bare
# number (bug: these were refused as more of the duration)
logs "30 2 collega's ingewerkt|30|2 collega's ingewerkt"
logs "90 twee collega's|90|twee collega's"
logs "45 elf uur afspraak|45|elf uur afspraak"
logs "60 10 minuten te laat|60|10 minuten te laat"

# The same words quoted as one argument read the same
run cp-log -n --plan P-1 --mode phone -d 2026-03-04 '2 uur en 3 kwartier' overleg
check "a quoted duration reads the same" \
	test "$(tail -n 1 out)" = "2026-03-04,robin,P-1,,phone,165,overleg"

# A note that starts with a number, quoted as the manual says
run cp-log -n --plan P-1 --mode phone -d 2026-03-04 1 uur "2 collega's ingewerkt"
check "a quoted note that starts with a number is the note" \
	test "$(tail -n 1 out)" = "2026-03-04,robin,P-1,,phone,60,2 collega's ingewerkt"

# The Dutch diminutives, unquoted, and a unit said alone
run cp-log -n --plan P-1 --mode phone -d 2026-03-04 half uurtje gebeld met Jan
check "half uurtje is thirty minutes" \
	test "$(tail -n 1 out)" = "2026-03-04,robin,P-1,,phone,30,gebeld met Jan"
run cp-log -n --plan P-1 --mode phone -d 2026-03-04 kwartiertje bijgepraat
check "kwartiertje is a quarter of an hour" \
	test "$(tail -n 1 out)" = "2026-03-04,robin,P-1,,phone,15,bijgepraat"

# The manual says how the duration is found among the words
check "cp-log(1) says the duration is the longest run of words" \
	grep -q 'longest run of words' "$TOP/man/cp-log.1"
check "cp-log(1) says a number and a unit word are never minutes" \
	grep -q 'never a bare number of minutes' "$TOP/man/cp-log.1"

done_testing
