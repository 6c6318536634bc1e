/* test-csvout: CSV fields quoted exactly where a reader needs it, cells a
 * spreadsheet would run as formulas made harmless, and whatever csv_put
 * writes read back by the sheet reader field for field. */
#include <fcntl.h>
#include <limits.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static void quoting(void)
{
	static const struct {
		const char *in;
		char sep;
		int needs;
		const char *out;
	} cases[] = {
		{"", ',', 0, ""},
		{"plain", ',', 0, "plain"},
		{"Bart de Wit", ',', 0, "Bart de Wit"},
		{"Zo\xc3\xab", ',', 0, "Zo\xc3\xab"},
		{"a,b", ',', 1, "\"a,b\""},
		{"a,b", ';', 0, "a,b"},
		{"a;b", ';', 1, "\"a;b\""},
		{"a;b", ',', 0, "a;b"},
		{",", ',', 1, "\",\""},
		{"say \"hi\"", ',', 1, "\"say \"\"hi\"\"\""},
		{"\"", ',', 1, "\"\"\"\""},
		{"\"\"", ';', 1, "\"\"\"\"\"\""},
		{"a\"", ',', 1, "\"a\"\"\""},
		{"line\nbreak", ',', 1, "\"line\nbreak\""},
		{"cr\rhere", ',', 1, "\"cr\rhere\""},
		{"\r\n", ',', 1, "\"\r\n\""},
		{" lead", ',', 1, "\" lead\""},
		{"trail ", ',', 1, "\"trail \""},
		{"\tlead", ',', 1, "\"\tlead\""},
		{"trail\t", ';', 1, "\"trail\t\""},
		{" ", ',', 1, "\" \""},
		{"in side", ',', 0, "in side"},
		{"in\tside", ',', 0, "in\tside"},
		{"'quote'", ',', 0, "'quote'"},
		{"=1+2", ',', 0, "=1+2"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf b = {0};
		size_t n = strlen(cases[i].in);
		is_int(csv_needs_quotes(cases[i].in, n, cases[i].sep), cases[i].needs,
		       "%s with '%c' %s quotes", quotes(cases[i].in), cases[i].sep,
		       cases[i].needs ? "needs" : "needs no");
		csv_put(&b, cases[i].in, n, cases[i].sep);
		is_str(buf_str(&b), cases[i].out, "csv_put %s", quotes(cases[i].in));
		buf_free(&b);
	}
	struct buf b = {0};
	csv_put(&b, "a,b\0c", 5, ',');
	ok(b.len == 7 && !memcmp(b.s, "\"a,b\0c\"", 7), "csv_put writes the n bytes, NUL and all");
	buf_free(&b);
}

static void safe(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"=SUM(A1:A9)", "'=SUM(A1:A9)"},
		{"+31 6 1234", "'+31 6 1234"},
		{"-5", "'-5"},
		{"@cmd", "'@cmd"},
		{"\tx", "'\tx"},
		{"\rx", "\"'\rx\""},
		{"=a,b", "\"'=a,b\""},
		{"=\"x\"", "\"'=\"\"x\"\"\""},
		{"a=b", "a=b"},
		{"a-b", "a-b"},
		{"5", "5"},
		{"", ""},
		{"'=x", "'=x"},
		{" =x", "\" =x\""},
		{"plain text", "plain text"},
		{"\xc3\xa9=", "\xc3\xa9="},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf b = {0};
		csv_put_safe(&b, cases[i].in, strlen(cases[i].in), ',');
		is_str(buf_str(&b), cases[i].out, "csv_put_safe %s", quotes(cases[i].in));
		buf_free(&b);
	}
	struct buf b = {0};
	csv_put_safe(&b, "=1;2", 4, ';');
	is_str(buf_str(&b), "\"'=1;2\"", "csv_put_safe quotes for the separator it is given");
	buf_free(&b);
}

/* A random field over the characters that make CSV hard. */
static void random_field(struct buf *b)
{
	static const char *const alphabet[] = {"a", "b", " ", "\t", ",", ";", "\"", "\n", "\r",
					       "\xc3\xa9", "=", "'", "-"};
	size_t n = rnd(4) ? rnd(8) : 0;
	b->len = 0;
	buf_str(b);
	for (size_t i = 0; i < n; i++)
		buf_puts(b, alphabet[rnd(sizeof alphabet / sizeof *alphabet)]);
}

/* Sheets written with csv_put, read with the sheet reader. */
static void round_trip(char sep)
{
	enum { ROWS = 3000, COLS = 7 };
	static const char *const keys[COLS] = {"date", "coach", "plan", "goal", "mode", "minutes",
					       "note"};
	struct buf file = {0}, field = {0};
	char **want = xcalloc(ROWS * COLS, sizeof *want);
	for (int c = 0; c < COLS; c++)
		buf_printf(&file, "%s%s", c ? (sep == ',' ? "," : ";") : "", keys[c]);
	buf_putc(&file, '\n');
	for (int r = 0; r < ROWS;) {
		size_t filled = 0;
		for (int c = 0; c < COLS; c++) {
			random_field(&field);
			filled += field.len;
			want[r * COLS + c] = xstrndup(field.s, field.len);
			if (c)
				buf_putc(&file, sep);
			csv_put(&file, field.s, field.len, sep);
		}
		buf_putc(&file, '\n');
		if (filled)
			r++;
		else /* a spreadsheet's empty row, which the reader passes over */
			for (int c = 0; c < COLS; c++)
				free(want[r * COLS + c]);
	}
	const char *path = scratch_path(sep == ',' ? "comma.csv" : "semicolon.csv");
	write_file(path, file.s, file.len);
	struct sheet *sh = sheet_open(path, 0);
	int r = 0, bad = 0;
	if (!ok(sh != NULL, "a sheet of %d random rows with '%c' opens", ROWS, sep))
		goto out;
	is_int(sheet_sep(sh), sep, "its separator is detected");
	for (; r < ROWS && !bad; r++) {
		if (sheet_record(sh) != 1 || sheet_nfields(sh) != COLS) {
			bad = ok(0, "row %d has %d fields", r + 1, COLS) + 1;
			break;
		}
		for (int c = 0; c < COLS && !bad; c++) {
			struct str got = sheet_field(sh, (size_t)c);
			const char *w = want[r * COLS + c];
			if (got.n != strlen(w) || memcmp(got.s, w, got.n)) {
				bad = 1;
				ok(0, "row %d field %d reads back: got %s, wanted %s", r + 1, c + 1,
				   quote(got.s, got.n), quotes(w));
			}
		}
	}
	ok(!bad, "every field of every row reads back as written ('%c')", sep);
	is_int(sheet_record(sh), 0, "and then the sheet ends");
	sheet_close(sh);
out:
	for (int i = 0; i < ROWS * COLS; i++)
		free(want[i]);
	free(want);
	buf_free(&file);
	buf_free(&field);
}

/* The spreadsheet dialect: decimal hours exact to the minute, numbers
 * with a comma, and headers that name the unit. */
static void excel(void)
{
	static const struct {
		long minutes;
		const char *hours;
	} cases[] = {
		{0, "0"}, {1, "0,016667"}, {15, "0,25"}, {20, "0,333333"}, {40, "0,666667"},
		{60, "1"}, {90, "1,5"}, {-30, "-0,5"}, {-90, "-1,5"}, {1440, "24"},
		{6000000, "100000"}, {LONG_MIN / 2000000, NULL},
	};
	char out[32];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		excel_hours(out, cases[i].minutes);
		if (cases[i].hours)
			is_str(out, cases[i].hours, "%ld minutes are %s hours", cases[i].minutes,
			       cases[i].hours);
		else
			ok(out[0] == '-' && strlen(out) < 32, "a huge negative still fits: %s", out);
	}
	struct buf b = {0};
	excel_number(&b, "-12.5");
	is_str(buf_str(&b), "-12,5", "a share gets a decimal comma");
	const char *keys[][2] = {{"minutes", "hours"}, {"onsite_minutes", "onsite_hours"},
				 {"onsite", "onsite_hours"}, {"left", "left_hours"}};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		b.len = 0;
		excel_hours_key(&b, keys[i][0]);
		is_str(buf_str(&b), keys[i][1], "column %s becomes %s", keys[i][0], keys[i][1]);
	}
	buf_free(&b);
}

int main(void)
{
	err_init("test-csvout");
	rnd_seed(20260302);
	quoting();
	safe();
	round_trip(',');
	round_trip(';');
	excel();
	return tap_done();
}
