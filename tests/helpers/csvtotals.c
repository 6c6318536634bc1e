/* csvtotals: minutes per plan and month of one hour sheet, read by libcsv
 * alone with the rules lib/sheet.c follows (strict, blanks around fields,
 * a line feed ends a record): the reference tests/3101-two-cores.t holds
 * cp-hours to.  Prints plan,month,minutes sorted, as cp-hours --by
 * plan,month -o csv does; at a CSV error, the line where libcsv stopped. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct group {
	char key[80];
	long minutes;
};

static struct group *groups;
static size_t ngroups, capgroups;
static int col, row, col_date = -1, col_plan = -1, col_minutes = -1;
static char date[16], plan[65];
static long minutes;

static int is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int is_lf(unsigned char c)
{
	return c == '\n';
}

static void field(void *s, size_t n, void *data)
{
	(void)data;
	if (row == 0) {
		if (n == 4 && !memcmp(s, "date", 4))
			col_date = col;
		else if (n == 4 && !memcmp(s, "plan", 4))
			col_plan = col;
		else if (n == 7 && !memcmp(s, "minutes", 7))
			col_minutes = col;
	} else if (col == col_date)
		snprintf(date, sizeof date, "%.*s", (int)n, (char *)s);
	else if (col == col_plan)
		snprintf(plan, sizeof plan, "%.*s", (int)n, (char *)s);
	else if (col == col_minutes)
		minutes = atol(s);
	col++;
}

static void record(int c, void *data)
{
	char key[80];
	(void)c, (void)data;
	col = 0;
	if (row++ == 0)
		return;
	snprintf(key, sizeof key, "%s,%.7s", plan, date);
	for (size_t i = 0; i < ngroups; i++) /* a few hundred groups: a list will do */
		if (!strcmp(groups[i].key, key)) {
			groups[i].minutes += minutes;
			return;
		}
	if (ngroups == capgroups) {
		capgroups = capgroups ? 2 * capgroups : 64;
		groups = realloc(groups, capgroups * sizeof *groups);
		if (!groups)
			exit(70);
	}
	snprintf(groups[ngroups].key, sizeof groups[ngroups].key, "%s", key);
	groups[ngroups++].minutes = minutes;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct group *)a)->key, ((const struct group *)b)->key);
}

int main(int argc, char **argv)
{
	struct csv_parser p;
	static char buf[1 << 16];
	size_t n;
	unsigned long line = 1;
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
	if (!f || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		perror(argc > 1 ? argv[1] : "usage: csvtotals SHEET");
		return 66;
	}
	csv_set_space_func(&p, is_blank);
	csv_set_term_func(&p, is_lf);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		size_t got = csv_parse(&p, buf, n, field, record, NULL);
		for (size_t i = 0; i < got; i++)
			line += buf[i] == '\n';
		if (got != n) {
			printf("csvtotals: line %lu\n", line);
			return 65;
		}
	}
	if (csv_fini(&p, field, record, NULL)) {
		printf("csvtotals: quote not closed\n");
		return 65;
	}
	qsort(groups, ngroups, sizeof *groups, by_key);
	puts("plan,month,minutes");
	for (size_t i = 0; i < ngroups; i++)
		printf("%s,%ld\n", groups[i].key, groups[i].minutes);
	return 0;
}
