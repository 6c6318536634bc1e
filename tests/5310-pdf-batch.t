#!/bin/sh
# Batch declarations as PDF are drawn on two cores: a worker process draws
# every other declaration.  The files must be those of one declaration
# drawn at a time, and a file the worker cannot write must fail the batch
# as one the tool itself cannot write does: told once, with its status.
. "$(dirname "$0")/lib.sh"

if cp-report --plan P -o pdf 2>&1 | grep -q 'without cairo and pango'; then
	ok "PDF # skip this cp-report was built without cairo and pango"
	done_testing
	exit 0
fi
if ! command -v qpdf >/dev/null; then
	ok "PDF # skip qpdf is not installed (Debian: qpdf)"
	done_testing
	exit 0
fi

cp-new --init . --no-hook >/dev/null
i=1
while [ $i -le 12 ]; do
	id=$(printf 'P-%02d' $i)
	cp-new --id $id --name "Deelnemer $i" --funder uwv --start 2026-01-05 \
		--goal "Zelfstandig de kassa bedienen" >/dev/null
	cp-log --plan $id --goal G1 --mode werkvloer -d 2026-02-0$((i % 9 + 1)) 1,5u Inwerken kassa
	cp-log --plan $id --mode telefoon -d 2026-03-1$((i % 9)) ${i}0m "Rooster besproken, plan $i"
	i=$((i + 1))
done

# The PDF without its date of making: the rest is the same every time.
undated() { grep -av CreationDate "$1"; }

run cp-report --declaration --funder uwv --period 2026H1 -o pdf -o decl
status_is 0 "12 declarations as PDF"
check "... quietly" test ! -s err
check "... a file each, and the summary" test "$(ls decl | wc -l)" = 13
check "... with a row each" test "$(tail -n +2 decl/summary.csv | wc -l)" = 12
bad=0
for f in decl/P-*.pdf; do
	id=$(basename "$f" .pdf)
	qpdf --check "$f" >/dev/null 2>&1 || bad=$((bad + 1))
	cp-report --declaration --plan "$id" --period 2026H1 -o pdf >alone.pdf
	undated "$f" >a
	undated alone.pdf >b
	cmp -s a b || bad=$((bad + 1))
done
check "... each a whole PDF, the same as the plan's declaration alone" test $bad = 0

# P-02 is the worker's (the second of the batch); a directory in its place
rm decl/P-02.pdf decl/P-05.pdf
mkdir decl/P-02.pdf decl/P-05.pdf
run cp-report --declaration --funder uwv --period 2026H1 -o pdf -o decl --force
status_is 73 "a file neither process can write: the batch fails"
err_has 'P-02.pdf' "... the worker's told"
err_has 'P-05.pdf' "... and the tool's"
check "... each once" test "$(grep -c 'P-0[25].pdf' err)" = 2
check "... the others written" test "$(find decl -type f -name '*.pdf' | wc -l)" = 10
check "... the summary too" test -f decl/summary.csv

done_testing
