#!/bin/sh
# cp-evaluate --due over many plans reads them on two cores (a helper loads
# every other plan, silently, and a plan it could not load is loaded again
# in order).  The answer and the messages, and their order, must be those
# of the plans read one at a time.
. "$(dirname "$0")/lib.sh"
cp-new --init . --no-hook >/dev/null
cp-new --id P-000 --name "Bart de Wit" --funder uwv --start 2026-01-05 --goal Kassa >/dev/null
# 300 plans, their next evaluation spread over a year
i=1
while [ $i -lt 300 ]; do
	id=$(printf 'P-%03d' $i)
	sed -e "s/P-000/$id/g" -e "s/next: 2026-07-05/next: 2026-$(printf %02d $((i % 12 + 1)))-$(printf %02d $((i % 28 + 1)))/" \
		plans/P-000.yaml >plans/$id.yaml
	i=$((i + 1))
done
# broken plans, loaded by either thread: early, in the middle, at the end
for id in P-001 P-002 P-150 P-151 P-298 P-299; do
	printf 'status: unknown\n' >>plans/$id.yaml
done

run cp-evaluate --due --within 8w plans
status_is 65 "broken plans among 300: the data error"
for id in P-001 P-002 P-150 P-151 P-298 P-299; do
	err_has "plans/$id.yaml:[0-9]+:[0-9]+: " "$id is named"
done
grep -o 'plans/P-[0-9]*.yaml' err >named
sort named >sorted
same named sorted "... in the order of the files"
check "... each once" test "$(wc -l <named)" -eq 6
mv out together

# the same plans one at a time
: >apart
: >apart.err
for f in plans/*.yaml; do
	cp-evaluate --due --within 8w "$f" 2>>apart.err | tail -n +2 >>apart
done
tail -n +2 together | sort >together.sorted
sort apart >apart.sorted
same together.sorted apart.sorted "the due list is that of the plans one at a time"
check "... and holds plans from all over the list" \
	sh -c 'grep -q P-003 together && grep -q P-152 together && grep -q P-297 together'
grep -v '^ ' err | grep -v hint >err.lines
grep -v '^ ' apart.err | grep -v hint >apart.lines
same err.lines apart.lines "the messages are those of the plans one at a time"
done_testing
