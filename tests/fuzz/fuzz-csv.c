/* fuzz-csv: lib/records.c against libcsv alone.  The sheet reader splits the
 * common lines itself and hands the rest to libcsv; whatever it does, the
 * records must be the ones libcsv makes of the same bytes with the same
 * options (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL, blanks are
 * space, tab and CR, records end at LF), and where libcsv finds an error,
 * the sheet reader must report one too.
 *
 * The first byte picks the separator; the rest follows a pinned header. */
#include <csv.h>

#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_init();
	return 0;
}

struct csvrec {
	struct buf *fields;
	size_t n, cap;
};

struct csvrecs {
	struct csvrec *v;
	size_t n, cap;
	struct csvrec cur;
};

static void on_field(void *s, size_t n, void *data)
{
	struct csvrecs *r = data;
	if (r->cur.n == r->cur.cap) { /* doubling: a line of 8,000 commas is no n^2 */
		r->cur.cap = r->cur.cap ? 2 * r->cur.cap : 8;
		r->cur.fields = xreallocarray(r->cur.fields, r->cur.cap, sizeof *r->cur.fields);
	}
	struct buf *f = &r->cur.fields[r->cur.n++];
	memset(f, 0, sizeof *f);
	buf_add(f, s ? s : "", n);
}

/* The sheet reader's one leniency past libcsv: a spreadsheet's empty row
 * (no more fields than the header, each empty) is no record. */
static int empty_row(const struct csvrecs *r)
{
	if (!r->n || r->cur.n > r->v[0].n)
		return 0;
	for (size_t k = 0; k < r->cur.n; k++)
		if (r->cur.fields[k].len)
			return 0;
	return 1;
}

static void on_record(int c, void *data)
{
	struct csvrecs *r = data;
	(void)c;
	if (empty_row(r)) {
		for (size_t k = 0; k < r->cur.n; k++)
			buf_free(&r->cur.fields[k]);
		r->cur.n = 0;
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	r->v[r->n++] = r->cur;
	memset(&r->cur, 0, sizeof r->cur);
}

static void records_free(struct csvrecs *r)
{
	for (size_t i = 0; i < r->n; i++) {
		for (size_t k = 0; k < r->v[i].n; k++)
			buf_free(&r->v[i].fields[k]);
		free(r->v[i].fields);
	}
	for (size_t k = 0; k < r->cur.n; k++)
		buf_free(&r->cur.fields[k]);
	free(r->cur.fields);
	free(r->v);
}

static int is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int is_lf(unsigned char c)
{
	return c == '\n';
}

/* libcsv's records of text; 0, or -1 where libcsv reports an error. */
static int libcsv(const char *text, size_t len, char sep, struct csvrecs *out)
{
	struct csv_parser p;
	FUZZ_ASSERT(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) == 0);
	csv_set_delim(&p, (unsigned char)sep);
	csv_set_space_func(&p, is_blank);
	csv_set_term_func(&p, is_lf);
	int rc = 0;
	if (csv_parse(&p, text, len, on_field, on_record, out) != len ||
	    csv_fini(&p, on_field, on_record, out) != 0)
		rc = -1;
	csv_free(&p);
	return rc;
}

static int same_record(struct sheet *sh, const struct csvrec *r)
{
	if (sheet_nfields(sh) != r->n)
		return 0;
	for (size_t k = 0; k < r->n; k++) {
		struct str f = sheet_field(sh, k);
		if (f.n != r->fields[k].len || (f.n && memcmp(f.s, r->fields[k].s, f.n)))
			return 0;
	}
	return 1;
}

static void show(const char *what, const char *s, size_t n)
{
	fprintf(fuzz_stderr, "%s: %s\n", what, quote(s, n));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > SHEET_MAX_RECORD / 2)
		return 0;
	char sep = data[0] & 1 ? ';' : ',';
	struct buf text = {0};
	static const char *const cols[] = {"date", "coach", "plan", "goal", "mode", "minutes", "note"};
	for (size_t i = 0; i < 7; i++) {
		buf_puts(&text, cols[i]);
		buf_putc(&text, i < 6 ? sep : '\n');
	}
	buf_add(&text, data + 1, size - 1);

	struct csvrecs want = {0};
	int csv_rc = libcsv(text.s, text.len, sep, &want);

	int fd = fuzz_memfd(NULL, 0, text.s, text.len);
	struct sheet *sh = sheet_open_fd(fd, "fuzz.csv", 0);
	FUZZ_ASSERT(sh && sheet_sep(sh) == sep && sheet_ncols(sh) == 7);
	FUZZ_ASSERT(want.n >= 1 && want.v[0].n == 7);
	size_t got = 1;
	int errors = 0, r;
	while ((r = sheet_record(sh)) != 0) {
		if (r < 0) {
			errors++;
			continue;
		}
		if (csv_rc == 0) {
			if (got >= want.n || !same_record(sh, &want.v[got])) {
				show("input", text.s, text.len);
				fprintf(fuzz_stderr, "record %zu differs from libcsv's\n", got);
				for (size_t k = 0; k < sheet_nfields(sh); k++)
					show(" sheet", sheet_field(sh, k).s, sheet_field(sh, k).n);
				for (size_t k = 0; got < want.n && k < want.v[got].n; k++)
					show(" libcsv", want.v[got].fields[k].s, want.v[got].fields[k].len);
			}
			FUZZ_ASSERT(got < want.n && same_record(sh, &want.v[got]));
		}
		got++;
	}
	if (csv_rc == 0) {
		if (errors || got != want.n)
			show("input", text.s, text.len);
		FUZZ_ASSERT(errors == 0);
		FUZZ_ASSERT(got == want.n);
	} else {
		if (!errors)
			show("input", text.s, text.len);
		FUZZ_ASSERT(errors > 0); /* libcsv refused it: so must we */
	}
	sheet_close(sh);
	close(fd);
	records_free(&want);
	buf_free(&text);
	return 0;
}
