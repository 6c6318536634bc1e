/* test-table: one table, three renderings: aligned text for people (by
 * display width, with the total ruled off), and CSV and JSON for programs
 * (keys as names, no total, numbers as numbers). */
#include <stdlib.h>

#include "coachplan.h"
#include "tap.h"

static char *render(struct table *t, enum outfmt f)
{
	char *s = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&s, &n);
	int rc = table_print(t, f, out);
	fclose(out);
	if (rc != 0) {
		free(s);
		return NULL;
	}
	return s;
}

static void cells(struct table *t, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		table_cell(t, v[i]);
}

/* plan, minutes right-aligned and a number, note */
static struct table *hours_table(void)
{
	static const char *const rows[] = {
		"Jos\xc3\xa9", "90", "kassa, inwerken",
		"\xe6\x97\xa5\xe6\x9c\xac", "1200", "",
		"Rene\xcc\x81", "5", "say \"hi\"",
	};
	struct table *t = table_new();
	table_col(t, "plan", "Plan", 0);
	table_col(t, "minutes", "Min", COL_RIGHT | COL_NUMBER);
	table_col(t, "note", "Note", 0);
	cells(t, rows, sizeof rows / sizeof *rows);
	table_total(t);
	table_cell(t, "Total");
	table_cellf(t, "%d", 1295);
	table_cell(t, "");
	return t;
}

static void text(void)
{
	struct table *t = hours_table();
	char *s = render(t, OUT_TABLE);
	is_str(s,
	       "Plan    Min  Note\n"
	       "----------------------------\n"
	       "Jos\xc3\xa9     90  kassa, inwerken\n"
	       "\xe6\x97\xa5\xe6\x9c\xac   1200\n"
	       "Rene\xcc\x81      5  say \"hi\"\n"
	       "----------------------------\n"
	       "Total  1295\n",
	       "text: columns line up by display width, numbers on the right, the total ruled off");
	free(s);
	char *auto_ = render(t, OUT_AUTO);
	s = render(t, OUT_TABLE);
	is_str(auto_, s,
	       "OUT_AUTO prints text (the tool decides what auto means)");
	free(auto_);
	free(s);
	table_free(t);

	t = table_new();
	table_col(t, "a", "A", 0);
	table_col(t, "b", "Bee", COL_RIGHT);
	table_cell(t, "line\nbreak\tand\x01" "control");
	table_cell(t, "7");
	table_cell(t, "\xf0\x9f\x98\x80");
	table_cell(t, "");
	is_str((s = render(t, OUT_TABLE)),
	       "A                       Bee\n"
	       "---------------------------\n"
	       "line break and control    7\n"
	       "\xf0\x9f\x98\x80\n",
	       "text: line breaks and control bytes become blanks; an emoji is two columns wide");
	free(s);
	table_free(t);

	t = table_new();
	table_col(t, "a", "A", 0);
	table_col(t, "b", "B", 0);
	table_cell(t, "1");
	table_cell(t, "2");
	table_cell(t, "3"); /* a row left short: the rest is empty */
	is_str((s = render(t, OUT_TABLE)), "A  B\n----\n1  2\n3\n", "text: a short last row");
	free(s);
	is_str((s = render(t, OUT_CSV)), "a,b\n1,2\n3,\n", "csv: a short last row");
	free(s);
	table_free(t);

	t = table_new();
	table_col(t, "n", "N", COL_RIGHT);
	is_str((s = render(t, OUT_TABLE)), "N\n-\n", "text: no rows, the header alone");
	free(s);
	table_total(t);
	table_cell(t, "0");
	is_str((s = render(t, OUT_TABLE)), "N\n-\n-\n0\n", "text: a total and nothing else");
	free(s);
	is_str((s = render(t, OUT_CSV)), "n\n", "csv: no total");
	free(s);
	is_str((s = render(t, OUT_JSON)), "[]\n", "json: no total");
	free(s);
	table_free(t);
}

static void csv(void)
{
	struct table *t = hours_table();
	char *s = render(t, OUT_CSV);
	is_str(s,
	       "plan,minutes,note\n"
	       "Jos\xc3\xa9,90,\"kassa, inwerken\"\n"
	       "\xe6\x97\xa5\xe6\x9c\xac,1200,\n"
	       "Rene\xcc\x81,5,\"say \"\"hi\"\"\"\n",
	       "csv: the keys as header, quotes where needed, no total row");
	free(s);
	table_free(t);

	t = table_new();
	table_col(t, "a,b", "A", 0);
	table_col(t, "c", "C", 0);
	table_cell(t, "two\nlines");
	table_cell(t, " edge ");
	is_str((s = render(t, OUT_CSV)), "\"a,b\",c\n\"two\nlines\",\" edge \"\n",
	       "csv: keys and cells quoted alike");
	free(s);
	table_free(t);
}

/* The JSON grammar for a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int json_number_ok(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (i < n && s[i] >= '1' && s[i] <= '9')
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return 0;
	if (i < n && s[i] == '.') {
		size_t d = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d)
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		size_t d = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d)
			return 0;
	}
	return i == n;
}

static void json(void)
{
	struct table *t = hours_table();
	char *s = render(t, OUT_JSON);
	is_str(s,
	       "[\n"
	       "  {\"plan\": \"Jos\xc3\xa9\", \"minutes\": 90, \"note\": \"kassa, inwerken\"},\n"
	       "  {\"plan\": \"\xe6\x97\xa5\xe6\x9c\xac\", \"minutes\": 1200, \"note\": \"\"},\n"
	       "  {\"plan\": \"Rene\xcc\x81\", \"minutes\": 5, \"note\": \"say \\\"hi\\\"\"}\n"
	       "]\n",
	       "json: one object a row, numbers bare, no total row");
	free(s);
	table_free(t);

	t = table_new();
	table_col(t, "text", "T", 0);
	table_col(t, "n", "N", COL_NUMBER);
	table_col(t, "k\"ey", "K", 0);
	table_cell(t, "q\"b\\s\nn\tt\rr\x01" "c\x1f" "d\x7f" "e/\xc3\xa9");
	table_cell(t, "");
	table_cell(t, "x");
	table_cell(t, "plain");
	table_cell(t, "-1.5");
	table_cell(t, "");
	is_str((s = render(t, OUT_JSON)),
	       "[\n"
	       "  {\"text\": \"q\\\"b\\\\s\\nn\\tt\\rr\\u0001c\\u001fd\\u007fe/\xc3\xa9\", \"n\": null, "
	       "\"k\\\"ey\": \"x\"},\n"
	       "  {\"text\": \"plain\", \"n\": -1.5, \"k\\\"ey\": \"\"}\n"
	       "]\n",
	       "json: quotes, backslashes, line breaks and control bytes escaped; an empty number is null");
	free(s);
	table_free(t);

	/* whatever a number column holds, the output is JSON */
	static const char *const numbers[] = {"0", "7", "-3", "1.50", "1200", "0.5", "-0.25",
					      "1.", ".5", ".", "-", "1.2.3", "01", "007", "-.5",
					      "1:30", "n/a", "1e3", "+1", "--1", "1-", "0x1f", " 1",
					      "12345678901234567890"};
	for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
		t = table_new();
		table_col(t, "n", "N", COL_NUMBER);
		table_cell(t, numbers[i]);
		s = render(t, OUT_JSON);
		const char *v = s ? strstr(s, "\"n\": ") : NULL;
		int valid = 0, bare = 0;
		if (v) {
			v += 5;
			size_t n = strcspn(v, "}");
			bare = *v != '"';
			valid = bare ? json_number_ok(v, n) : n == strlen(numbers[i]) + 2 &&
									!strncmp(v + 1, numbers[i], n - 2);
		}
		ok(valid, "json: %s in a number column is %s", quotes(numbers[i]),
		   bare ? "a valid JSON number" : "a string");
		free(s);
		table_free(t);
	}
}

static void formats(void)
{
	static const struct {
		const char *name;
		int f;
	} cases[] = {
		{"table", OUT_TABLE}, {"text", OUT_TABLE}, {"csv", OUT_CSV}, {"json", OUT_JSON},
		{"JSON", OUT_JSON},   {"Csv", OUT_CSV},    {"TABLE", OUT_TABLE}, {"xml", -1},
		{"", -1},             {"csv ", -1},        {"auto", -1},      {"jso", -1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(outfmt_parse(cases[i].name), cases[i].f, "outfmt_parse(%s)", quotes(cases[i].name));

	struct table *t = table_new();
	table_col(t, "k", "K", 0);
	char big[1000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	table_cellf(t, "%s-%d", big, 42);
	char *s = render(t, OUT_CSV);
	ok(s && strlen(s) == 2 + sizeof big - 1 + 3 + 1 && strstr(s, "x-42\n"),
	   "table_cellf takes text longer than its small buffer");
	free(s);

	FILE *full = fopen("/dev/full", "w");
	if (full) {
		setvbuf(full, NULL, _IONBF, 0);
		is_int(table_print(t, OUT_TABLE, full), -1, "a failed write is reported");
		fclose(full);
	} else
		ok(1, "# SKIP no /dev/full");
	table_free(t);
	table_free(NULL);
	ok(1, "table_free(NULL) is harmless");
}

int main(void)
{
	text();
	csv();
	json();
	formats();
	return tap_done();
}
