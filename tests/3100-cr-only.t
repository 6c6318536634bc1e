#!/bin/sh
# Sheets saved with old Mac line ends (CR alone), beyond the short case
# tests/3000-cp-hours.t pins: a large one, one read from a pipe, and one whose
# entries were pasted in with CR line ends under a header that has LF.  Each is
# refused with the carriage return named; none prints a total of nothing.
. "$(dirname "$0")/lib.sh"
mkdir hours plans
line='2026-03-02,robin,P-1,G1,onsite,90,"Inwerken kassa, met leidinggevende"'

# 20,000 entries, 1.4 MB: longer than a line may be, but the reason is the CR
awk -v l="$line" 'BEGIN { printf "date,coach,plan,goal,mode,minutes,note\r"
	for (i = 0; i < 20000; i++) printf "%s\r", l }' >hours/bigmac.csv
refuses 65 'hours/bigmac.csv:1:39: the lines of this sheet end in a carriage return alone' \
	"a large sheet with CR-only line ends" cp-hours hours/bigmac.csv
check "... prints no table of nothing" test ! -s out
err_has "hint: save it with LF or CRLF line ends" "... and says how to mend it"

run sh -c 'cat hours/bigmac.csv | cp-hours -'
status_is 65 "... read from a pipe: refused too"
err_like 'standard input:1:39: the lines of this sheet end in a carriage return alone' \
	"... with the same reason"
check "... and no table" test ! -s out

# a header with LF, the entries pasted in with CR alone, notes quoted
printf 'date,coach,plan,goal,mode,minutes,note\n%s\r%s\r%s\r' "$line" "$line" "$line" \
	>hours/pasted.csv
refuses 65 'hours/pasted.csv:2:71: the lines of this sheet end in a carriage return alone' \
	"entries with CR-only line ends under an LF header" cp-hours hours/pasted.csv
err_has "hint: save it with LF or CRLF line ends" "... and says how to mend it"
refuses 65 'hours/pasted.csv:2:71: the lines of this sheet end in a carriage return alone' \
	"cp-check says the same" cp-check -p plans hours/pasted.csv

# one entry with CR alone, then LF ones: the CR is a line end, not a blank
printf 'date,coach,plan,goal,mode,minutes,note\n%s\r%s\n' "$line" "$line" >hours/onecr.csv
refuses 65 'hours/onecr.csv:2:71: the lines of this sheet end in a carriage return alone' \
	"one CR-only line end among LF ones" cp-hours hours/onecr.csv

# CRLF and a last CR before the end of the file still read
printf 'date,coach,plan,goal,mode,minutes,note\r\n%s\r\n%s\r' "$line" "$line" >hours/crlf.csv
run cp-hours -o csv hours/crlf.csv
status_is 0 "CRLF line ends, the last line ending in CR alone, still read"
out_is 'plan,minutes
P-1,180' "... with their hours"
done_testing
