#!/bin/sh
# One output model: every tool that prints takes the same -o names, and
# each format comes out as what it says it is, for every tool.
. "$(dirname "$0")/lib.sh"

caseload
cp-log --plan P-1 --goal G1 --mode werkvloer -d 2026-11-16 1,5u Inwerken
cp-log --plan P-2 --mode telefoon -d 2026-11-17 20m Rooster

# What each format must look like: the first bytes or a parse.
looks_right() {
	case $1 in
	text | table | txt) test -s out && ! grep -q '<' out ;;
	markdown | md) grep -q '^| ' out && grep -q '^# ' out ;;
	html) head -n 1 out | grep -q '^<!DOCTYPE html>' && grep -q '<table' out && grep -q '</html>' out ;;
	csv) head -n 1 out | grep -q ',' ;;
	excel) head -c 3 out | od -An -tx1 | grep -q 'ef bb bf' ;;
	json) python3 -c 'import json, sys; json.load(open("out"))' ;;
	esac
}

for tool in "cp-hours --by plan,mode" "cp-hours --budget --period 2026" \
	"cp-evaluate --due" "cp-report --plan P-1" "cp-report --caseload" \
	"cp-report --declaration --plan P-1 --period 2026H2"; do
	for f in text table txt markdown md html csv excel json; do
		# shellcheck disable=SC2086
		run $tool -o $f
		case $status in
		0 | 1) looks_right $f && ok "$tool -o $f" ||
			not_ok "$tool -o $f" "$(head -c 600 out)" "$(cat err)" ;;
		*) not_ok "$tool -o $f" "status $status" "$(cat err)" ;;
		esac
	done
done

# A wrong name: each tool says the same, with the same list.
for tool in cp-hours cp-evaluate "cp-report --plan P-1"; do
	# shellcheck disable=SC2086
	run $tool -o bogus
	status_is 64 "$tool -o bogus is a usage error"
	err_has 'unknown output format "bogus"; use text \(or table\), markdown, html, csv, excel(, json or pdf| or json)' \
		"... naming every format"
done

# --help names the formats, the same for each tool that prints (and PDF,
# for cp-report's documents, where it was built with cairo and pango).
for tool in cp-hours cp-evaluate cp-report; do
	run $tool --help
	tr -s '\n ' '  ' <out >joined # argp wraps the list where it likes
	check "$tool --help names every format" grep -Eq 'text \(or table\), markdown, html, csv, excel(, json or pdf| or json)' joined
done

done_testing
