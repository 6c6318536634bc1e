/* fuzz-parsers: every small parser of the library on the same bytes, and
 * wherever a value is written back (durations, dates, intervals, periods,
 * hours, word lists, YAML and CSV quoting), the written text must read
 * back to the same value. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_init();
	return 0;
}

static int today;

/* cp-log's words: the duration taken is a prefix, and a whole duration
 * when it reads. */
static void duration_run(const char *s, size_t n)
{
	char *copy = fuzz_strdup((const uint8_t *)s, n), *w[16];
	size_t nw = 0;
	for (char *t = strtok(copy, " "); t && nw < 16; t = strtok(NULL, " "))
		w[nw++] = t;
	long m = -1;
	const char *why = NULL;
	size_t k = duration_words(w, nw, &m, &why);
	FUZZ_ASSERT(k <= nw && k <= DURATION_WORDS);
	FUZZ_ASSERT(k || why);
	if (!why) {
		FUZZ_ASSERT(k > 0 && m > 0 && m <= DURATION_MAX);
		FUZZ_ASSERT(!duration_goes_on(w, nw, k) || k < nw);
	}
	free(copy);
}

static void durations(const char *s, size_t n)
{
	long m, again;
	char out[24];
	if (n < 256)
		duration_run(s, n);
	if (duration_parse(s, n, &m))
		return;
	FUZZ_ASSERT(m > 0 && m <= DURATION_MAX);
	duration_format(m, out);
	FUZZ_ASSERT(!duration_parse(out, strlen(out), &again) && again == m);
}

static void dates(const char *s, size_t n)
{
	int day, again;
	char out[11];
	if (date_parse(s, n, &day))
		return;
	date_format(day, out);
	FUZZ_ASSERT(n == 10 && !memcmp(out, s, 10));
	FUZZ_ASSERT(!date_parse(out, 10, &again) && again == day);
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	FUZZ_ASSERT(date_from_ymd(y, m, d) == day);
	FUZZ_ASSERT(date_weekday(day) >= 1 && date_weekday(day) <= 7);
	int wy, w;
	date_isoweek(day, &wy, &w);
	FUZZ_ASSERT(w >= 1 && w <= 53 && (wy == y || wy == y - 1 || wy == y + 1));
	static const enum bucket kinds[] = {BUCKET_DAY, BUCKET_WEEK, BUCKET_MONTH,
					    BUCKET_QUARTER, BUCKET_HALF, BUCKET_YEAR};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		char label[16];
		struct period p;
		bucket_label(kinds[i], day, label);
		if (kinds[i] == BUCKET_WEEK && (wy < 1900 || wy > 2999))
			continue; /* 2999-12-31 lies in week 3000-W01, past the years periods name */
		FUZZ_ASSERT(!period_parse(label, today, &p) && period_contains(&p, day));
	}
}

/* Day first (20-11-2026): a day it reads is the one its parts name, and
 * what it refuses with a reason has that shape. */
static void dates_dmy(const char *s, size_t n)
{
	int day, y, m, d;
	const char *why = NULL;
	int r = date_parse_dmy(s, n, &day, &why);
	FUZZ_ASSERT(r == 0 || r == -1 || r == -2);
	FUZZ_ASSERT((r == -1) == (why != NULL));
	if (r != 0)
		return;
	date_to_ymd(day, &y, &m, &d);
	char iso[11], *end;
	date_format(day, iso);
	long dd = strtol(s, &end, 10), mm = strtol(end + 1, &end, 10);
	FUZZ_ASSERT(dd == d && mm == m && !memcmp(end + 1, iso, 4) && (size_t)(end + 5 - s) == n);
}

/* 20-11, 20 nov 2026: a day near today unless a year is written, and
 * always the day of the month written first. */
static void dates_dm(const char *s, size_t n)
{
	int day = DATE_NONE, y, m, d;
	const char *why = NULL;
	int r = date_parse_dm(s, n, today, &day, &why);
	FUZZ_ASSERT(r == 0 || r == -1 || r == -2);
	FUZZ_ASSERT((r == -1) == (why != NULL));
	if (r != 0)
		return;
	date_to_ymd(day, &y, &m, &d);
	FUZZ_ASSERT(strtol(s, NULL, 10) == d && m >= 1 && m <= 12);
	FUZZ_ASSERT(n > 8 || (day > today - 366 && day < today + 366));
}

/* gisteren, afgelopen vrijdag, 3 dagen geleden, vr 20-11: a day, or a
 * reason where the shape was one it knows. */
static void day_words(const char *s)
{
	int day = DATE_NONE;
	const char *why = NULL;
	int r = date_parse_word(s, today, &day, &why);
	FUZZ_ASSERT(r == 0 || r == -1 || r == -2);
	FUZZ_ASSERT((r == -1) == (why != NULL));
	FUZZ_ASSERT(r != 0 || day != DATE_NONE);
}

static void intervals(const char *s, size_t n)
{
	struct interval iv, again;
	char out[16];
	if (interval_parse(s, n, &iv))
		return;
	interval_format(iv, out);
	FUZZ_ASSERT(!interval_parse(out, strlen(out), &again));
	FUZZ_ASSERT(again.n == iv.n && again.unit == iv.unit);
	FUZZ_ASSERT(date_add_interval(today, iv, 1) > today);
	FUZZ_ASSERT(interval_days_approx(iv) > 0);
}

static void periods(const char *s)
{
	struct period p, again;
	char out[32];
	if (period_parse(s, today, &p))
		return;
	FUZZ_ASSERT(p.from <= p.to);
	period_format(&p, out);
	FUZZ_ASSERT(!period_parse(out, today, &again));
	FUZZ_ASSERT(again.from == p.from && again.to == p.to);
}

static void hours(const char *s, size_t n)
{
	long m;
	if (!hours_parse(s, n, &m))
		FUZZ_ASSERT(m >= 0 && m <= 10000000L * 60);
}

static void words(const char *s, size_t n)
{
	static const struct vocab *const vocabs[] = {
		&vocab_mode,     &vocab_funder,  &vocab_scheme,     &vocab_status,
		&vocab_goal_status, &vocab_activity, &vocab_outcome, &vocab_grant_kind,
		&vocab_grant_level};
	int v;
	if ((v = mode_parse(s, n)) >= 0)
		FUZZ_ASSERT(v == vocab_parse(&vocab_mode, s, n));
	for (size_t i = 0; i < sizeof vocabs / sizeof *vocabs; i++)
		if ((v = vocab_parse(vocabs[i], s, n)) >= 0) { /* its value's name reads back */
			const char *name = vocab_name(vocabs[i], v);
			FUZZ_ASSERT(vocab_parse(vocabs[i], name, strlen(name)) == v);
		}
	if (id_valid(s, n)) { /* an id names a file: never a path */
		FUZZ_ASSERT(n <= 64 && !memchr(s, '/', n) && !memchr(s, '\0', n));
		FUZZ_ASSERT(!(n == 1 && s[0] == '.') && !(n == 2 && !memcmp(s, "..", 2)));
		char *path = plan_path("plans", s);
		FUZZ_ASSERT(path && !strncmp(path, "plans/", 6) && !strchr(path + 6, '/'));
		free(path);
	}
}

/* Text shown to the user: quoted, with no control byte and valid UTF-8. */
static void texts(const char *s, size_t n)
{
	const char *q = quote(s, n);
	size_t len = strlen(q);
	FUZZ_ASSERT(len < 60 * 4 + 16);
	FUZZ_ASSERT(utf8_invalid(q, len) == len);
	for (size_t i = 0; i < len; i++) {
		const unsigned char *u = (const unsigned char *)q + i;
		FUZZ_ASSERT(u[0] >= 0x20 && u[0] != 0x7f);
		FUZZ_ASSERT(!(u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f)); /* C1 controls */
		FUZZ_ASSERT(!(u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9)));
		FUZZ_ASSERT(!(u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf));
	}
	size_t bad = utf8_invalid(s, n);
	FUZZ_ASSERT(bad <= n);
	FUZZ_ASSERT(utf8_chars(s, n) <= n);
	FUZZ_ASSERT(utf8_width(s, n) >= 0 && (size_t)utf8_width(s, n) <= 2 * n);
}

/* A text written into YAML by yamlquote.c reads back as the same text. */
static void yaml_text(const char *s, size_t n)
{
	if (utf8_invalid(s, n) != n || memchr(s, '\0', n))
		return; /* cp-new and cp-evaluate take only valid UTF-8 without NUL */
	struct buf b = {0};
	buf_puts(&b, "k: ");
	yaml_put_scalar(&b, s, n);
	buf_putc(&b, '\n');
	struct ydoc doc;
	struct arena a = {0};
	int rc = ydoc_parse(&doc, &a, "fuzz", b.s, b.len);
	if (rc < 0)
		fprintf(fuzz_stderr, "written: %s", b.s);
	FUZZ_ASSERT(rc == 0);
	struct ynode *v = yderef(ymap_get(doc.root, "k"));
	FUZZ_ASSERT(v && v->kind == Y_SCALAR);
	FUZZ_ASSERT(v->n == n && !memcmp(v->u.str, s, n));
	arena_free(&a);
	buf_free(&b);
}

/* A field written by csv_put reads back as the same field. */
static void csv_text(const char *s, size_t n, char sep)
{
	struct buf b = {0};
	static const char *const cols[] = {"date", "coach", "plan", "goal", "mode", "minutes", "note"};
	for (size_t i = 0; i < 7; i++) {
		buf_puts(&b, cols[i]);
		buf_putc(&b, i < 6 ? sep : '\n');
	}
	for (size_t i = 0; i < 6; i++) {
		buf_putc(&b, 'x');
		buf_putc(&b, sep);
	}
	csv_put(&b, s, n, sep);
	buf_putc(&b, '\n');
	int fd = fuzz_memfd(NULL, 0, b.s, b.len);
	struct sheet *sh = sheet_open_fd(fd, "fuzz.csv", 0);
	FUZZ_ASSERT(sh && sheet_sep(sh) == sep);
	FUZZ_ASSERT(sheet_record(sh) == 1 && sheet_nfields(sh) == 7);
	struct str f = sheet_field(sh, 6);
	FUZZ_ASSERT(f.n == n && !memcmp(f.s, s, n));
	FUZZ_ASSERT(sheet_record(sh) == 0);
	sheet_close(sh);
	close(fd);
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_strdup(data, size);
	today = date_from_ymd(2026, 11, 23);
	durations(s, size);
	dates(s, size);
	dates_dmy(s, size);
	dates_dm(s, size);
	day_words(s);
	intervals(s, size);
	periods(s);
	hours(s, size);
	words(s, size);
	texts(s, size);
	yaml_text(s, size);
	if (size <= SHEET_MAX_RECORD / 2) {
		csv_text(s, size, ',');
		csv_text(s, size, ';');
	}
	free(s);
	return 0;
}
