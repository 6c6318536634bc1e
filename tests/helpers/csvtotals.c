/* csvtotals: minutes per plan and month of one hour sheet, read by libcsv
 * alone with the rules lib/records.c follows (strict, blanks around fields,
 * a line feed ends a record): the reference tests/3101-two-cores.t holds
 * cp-hours to.  Prints plan,month,minutes sorted, as cp-hours --by
 * plan,month -o csv does; at a CSV error, the line where libcsv stopped
 * (a quote never closed: the line its record began on).  csvtotals -d ';'
 * reads a sheet separated by semicolons; -s FILE leaves out the records on
 * the lines FILE lists (those cp-hours refuses for what CSV does not say:
 * a date, a mode, a count of fields). */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	if (row == 0) { /* as the sheet reader names columns: any case, after a BOM */
		if (col == 0 && n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
			s = (char *)s + 3, n -= 3;
		if (n == 4 && !strncasecmp(s, "date", 4))
			col_date = col;
		else if (n == 4 && !strncasecmp(s, "plan", 4))
			col_plan = col;
		else if (n == 7 && !strncasecmp(s, "minutes", 7))
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

static unsigned long line, record_line = 1; /* the line being read; where a record began */
static unsigned long *skip; /* -s FILE: records on these lines are left out */
static size_t nskip;

static void record_at(int c, void *data)
{
	int skipped = 0;
	for (size_t i = 0; i < nskip; i++)
		skipped |= skip[i] >= record_line && skip[i] <= line;
	if (skipped && row > 0) {
		col = 0;
		row++;
	} else
		record(c, data);
	record_line = line + 1;
}

static void read_skip(const char *path)
{
	FILE *f = fopen(path, "r");
	unsigned long l;
	while (f && fscanf(f, "%lu", &l) == 1) {
		skip = realloc(skip, (nskip + 1) * sizeof *skip);
		if (!skip)
			exit(70);
		skip[nskip++] = l;
	}
	if (f)
		fclose(f);
}

int main(int argc, char **argv)
{
	struct csv_parser p;
	char *text = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned char sep = ',';
	for (; argc > 2 && argv[1][0] == '-' && argv[1][1]; argv += 2, argc -= 2)
		if (!strcmp(argv[1], "-d"))
			sep = (unsigned char)argv[2][0];
		else if (!strcmp(argv[1], "-s"))
			read_skip(argv[2]);
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
	if (!f || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		perror(argc > 1 ? argv[1] : "usage: csvtotals [-d SEP] [-s LINES] SHEET");
		return 66;
	}
	csv_set_delim(&p, sep);
	csv_set_space_func(&p, is_blank);
	csv_set_term_func(&p, is_lf);
	/* a line at a time, so that a record knows the line it began on */
	while ((n = getline(&text, &cap, f)) > 0) {
		line++;
		if (csv_parse(&p, text, (size_t)n, field, record_at, NULL) != (size_t)n) {
			printf("csvtotals: line %lu\n", line);
			free(text);
			csv_free(&p);
			fclose(f);
			return 65;
		}
	}
	free(text);
	int unclosed = csv_fini(&p, field, record, NULL);
	csv_free(&p);
	fclose(f);
	if (unclosed) {
		printf("csvtotals: line %lu\n", record_line);
		return 65;
	}
	if (ngroups) /* groups is NULL without any: qsort must not get it */
		qsort(groups, ngroups, sizeof *groups, by_key);
	puts("plan,month,minutes");
	for (size_t i = 0; i < ngroups; i++)
		printf("%s,%ld\n", groups[i].key, groups[i].minutes);
	return 0;
}
