/* table.c: one table, every rendering.  People get aligned columns with
 * a rule under the header and above totals, or the table as Markdown or
 * HTML (drawn by the report renderers, render_md.c and render_html.c);
 * programs get CSV with a header of stable keys, or JSON; spreadsheets get
 * their dialect of CSV.  None but people get the total row: a program can
 * add up for itself, and a total in the data would be counted twice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "output.h"

/* The width of the terminal the text tables being written go to; 0 when
 * they go to a file or a pipe, which get every line whole. */
static int fit_columns;

struct column {
	char *key, *title;
	int flags;
};

struct table {
	char *title;
	struct column *cols;
	size_t ncols;
	struct buf cells;  /* every cell, NUL-terminated, row after row */
	size_t *offs;      /* where each cell starts */
	size_t ncells, cap;
	size_t total_row;  /* first row of totals, or (size_t)-1 */
	/* streaming: rows for programs go out as they are complete */
	FILE *out;
	enum outfmt fmt;
	size_t written;    /* rows written */
	struct buf pending; /* rows not yet handed to stdio */
	int error;
};

struct table *table_new(void)
{
	struct table *t = xcalloc(1, sizeof *t);
	t->total_row = (size_t)-1;
	return t;
}

struct table *table_stream(enum outfmt f, FILE *out)
{
	struct table *t = table_new();
	if (f == OUT_CSV || f == OUT_JSON || f == OUT_EXCEL) {
		t->out = out;
		t->fmt = f;
	}
	return t;
}

static void stream_row(struct table *t);

void table_col(struct table *t, const char *key, const char *title, int flags)
{
	t->cols = xreallocarray(t->cols, t->ncols + 1, sizeof *t->cols);
	t->cols[t->ncols++] = (struct column){xstrdup(key), xstrdup(title), flags};
}

void table_cell(struct table *t, const char *s)
{
	if (t->ncells == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		t->offs = xreallocarray(t->offs, t->cap, sizeof *t->offs);
	}
	t->offs[t->ncells++] = t->cells.len;
	buf_add(&t->cells, s, strlen(s) + 1);
	if (t->out && t->ncells == t->ncols)
		stream_row(t);
}

void table_cell_long(struct table *t, long v)
{
	char digits[24], *p = digits + sizeof digits;
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	table_cell(t, p);
}

void table_cell_minutes(struct table *t, enum outfmt f, long minutes)
{
	char hm[24];
	if (!OUTFMT_PEOPLE(f)) {
		table_cell_long(t, minutes);
		return;
	}
	duration_format(minutes, hm);
	table_cell(t, hm);
}

/* People get the decimal separator of their language (12,5% in Dutch);
 * programs always get a point. */
void table_cell_share(struct table *t, enum outfmt f, long part, long whole)
{
	char s[64];
	if (whole <= 0) {
		table_cell(t, "");
		return;
	}
	snprintf(s, sizeof s, OUTFMT_PEOPLE(f) ? "%.1f%%" : "%.1f", 100.0 * (double)part / (double)whole);
	table_cell(t, OUTFMT_PEOPLE(f) ? lang_number(s) : s);
}

void table_cellf(struct table *t, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof small) {
		table_cell(t, small);
		return;
	}
	char *big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	table_cell(t, big);
	free(big);
}

void table_total(struct table *t)
{
	if (t->total_row == (size_t)-1)
		t->total_row = t->out || !t->ncols ? 0 : t->ncells / t->ncols;
}

static const char *cell(const struct table *t, size_t row, size_t col)
{
	size_t i = row * t->ncols + col;
	return i < t->ncells ? t->cells.s + t->offs[i] : "";
}

static size_t nrows(const struct table *t)
{
	return t->ncols ? (t->ncells + t->ncols - 1) / t->ncols : 0;
}

static void pad(struct buf *b, int n)
{
	for (; n > 0; n--)
		buf_putc(b, ' ');
}

/* Cells for the terminal: no line breaks or control bytes inside a row. */
static void put_cell(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

static int width(const char *s)
{
	return utf8_width(s, strlen(s));
}

/* The width of a row of columns w[0..ncols), two spaces apart. */
static int line_width(const int *w, size_t ncols)
{
	int total = 0;
	for (size_t c = 0; c < ncols; c++)
		total += w[c] + (c ? 2 : 0);
	return total;
}

static void rule(struct buf *b, const int *w, size_t ncols)
{
	for (int i = 0, total = line_width(w, ncols); i < total; i++)
		buf_putc(b, '-');
	buf_putc(b, '\n');
}

static void end_line(struct buf *b, size_t start)
{
	while (b->len > start && b->s[b->len - 1] == ' ')
		b->len--;
	buf_putc(b, '\n');
}

/* The last column's text wrapped at width w under its start, indent; a
 * word too long for a line is cut, as a cell never runs past its column. */
static void put_wrapped(struct buf *b, const char *s, int w, int indent)
{
	for (size_t left = strlen(s);;) {
		size_t next, start = b->len, n = utf8_fill(s, left, w, 1, &next);
		struct buf part = {0};
		buf_add(&part, s, n);
		put_cell(b, buf_str(&part));
		buf_free(&part);
		if (next == left)
			return;
		end_line(b, start);
		pad(b, indent);
		s += next;
		left -= next;
	}
}

static void text_row(const struct table *t, struct buf *b, const int *w, size_t row, int wrap)
{
	size_t start = b->len;
	int at = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = row == (size_t)-1 ? t->cols[c].title : cell(t, row, c);
		int gap = w[c] - width(s);
		if (c)
			pad(b, 2);
		at += c ? 2 : 0;
		if (wrap && c + 1 == t->ncols && gap < 0) {
			put_wrapped(b, s, w[c], at);
			break;
		}
		if (t->cols[c].flags & COL_RIGHT)
			pad(b, gap);
		put_cell(b, s);
		if (!(t->cols[c].flags & COL_RIGHT))
			pad(b, gap);
		at += w[c];
	}
	end_line(b, start);
}

/* On a terminal, a last column of text too wide for it wraps under its
 * start, so that each row keeps its columns: the notes of a due list or a
 * logbook.  Only when some room is left for it; the title stays whole. */
static int wrap_last(const struct table *t, int *w)
{
	size_t last = t->ncols - 1;
	if (!fit_columns || !t->ncols || t->cols[last].flags & COL_RIGHT)
		return 0;
	int at = 0;
	for (size_t c = 0; c < last; c++)
		at += w[c] + 2;
	int room = fit_columns - 1 - at, title = width(t->cols[last].title);
	if (room < 20 || w[last] <= room)
		return 0;
	w[last] = room > title ? room : title;
	return 1;
}

void table_fit(FILE *out)
{
	struct winsize ws;
	fit_columns = out && isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0
			      ? ws.ws_col
			      : 0;
}

/* A table wider than the terminal even with its last column wrapped: each
 * row as a record, its first cell a heading over "title  value" lines, so
 * that no row breaks across the terminal's lines into a jumble.  Empty
 * cells are left out (a row of a group below its first has no heading); a
 * long value wraps under its start. */
static void print_records(const struct table *t, struct buf *b)
{
	int tw = 0;
	for (size_t c = 1; c < t->ncols; c++)
		if (width(t->cols[c].title) > tw)
			tw = width(t->cols[c].title);
	int at = 2 + tw + 2, room = fit_columns - 1 - at;
	for (size_t r = 0, rows = nrows(t); r < rows; r++) {
		if (r)
			buf_putc(b, '\n');
		if (*cell(t, r, 0)) {
			put_cell(b, cell(t, r, 0));
			buf_putc(b, '\n');
		}
		for (size_t c = 1; c < t->ncols; c++) {
			const char *s = cell(t, r, c);
			if (!*s)
				continue;
			size_t start = b->len;
			pad(b, 2);
			put_cell(b, t->cols[c].title);
			pad(b, at - 2 - width(t->cols[c].title));
			if (room >= 20 && width(s) > room)
				put_wrapped(b, s, room, at);
			else
				put_cell(b, s);
			end_line(b, start);
		}
	}
}

static void print_text(const struct table *t, struct buf *b)
{
	int *w = xcalloc(t->ncols ? t->ncols : 1, sizeof *w);
	size_t rows = nrows(t);
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = width(t->cols[c].title);
		for (size_t r = 0; r < rows; r++)
			if (width(cell(t, r, c)) > w[c])
				w[c] = width(cell(t, r, c));
	}
	int wrap = wrap_last(t, w);
	if (t->ncols > 1 && fit_columns && line_width(w, t->ncols) > fit_columns - 1) {
		free(w);
		print_records(t, b);
		return;
	}
	text_row(t, b, w, (size_t)-1, wrap);
	rule(b, w, t->ncols);
	for (size_t r = 0; r < rows; r++) {
		if (r == t->total_row)
			rule(b, w, t->ncols);
		text_row(t, b, w, r, wrap);
	}
	free(w);
}

/* CSV for programs (RFC 4180: ',' and line feeds), or with excel the
 * dialect spreadsheets open as they are: a byte order mark, ';', CRLF,
 * hours in decimal hours and numbers with a decimal comma, and text cells
 * a spreadsheet would run as formulas made plain text. */
static int number_text(const char *s);

static void csv_header(const struct table *t, struct buf *b, int excel)
{
	char sep = excel ? EXCEL_SEP : ',';
	if (excel)
		buf_puts(b, EXCEL_BOM);
	for (size_t c = 0; c < t->ncols; c++) {
		struct buf key = {0};
		if (excel && (t->cols[c].flags & COL_HOURS))
			excel_hours_key(&key, t->cols[c].key);
		else
			buf_puts(&key, t->cols[c].key);
		if (c)
			buf_putc(b, sep);
		csv_put(b, key.s, key.len, sep);
		buf_free(&key);
	}
	buf_puts(b, excel ? EXCEL_EOL : "\n");
}

static void excel_cell(const struct table *t, struct buf *b, size_t col, const char *s)
{
	int flags = t->cols[col].flags;
	size_t sign = *s == '-', digits = strspn(s + sign, "0123456789");
	if ((flags & COL_HOURS) && digits && !s[sign + digits]) { /* whole minutes */
		char hours[32];
		excel_hours(hours, strtol(s, NULL, 10));
		buf_puts(b, hours);
	} else if ((flags & (COL_NUMBER | COL_HOURS)) && number_text(s))
		excel_number(b, s);
	else
		csv_put_safe(b, s, strlen(s), EXCEL_SEP);
}

static void csv_row(const struct table *t, struct buf *b, size_t r, int excel)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = cell(t, r, c);
		if (c)
			buf_putc(b, excel ? EXCEL_SEP : ',');
		if (excel)
			excel_cell(t, b, c, s);
		else
			csv_put(b, s, strlen(s), ',');
	}
	buf_puts(b, excel ? EXCEL_EOL : "\n");
}

static void print_csv(const struct table *t, struct buf *b, int excel)
{
	size_t rows = t->total_row < nrows(t) ? t->total_row : nrows(t);
	csv_header(t, b, excel);
	for (size_t r = 0; r < rows; r++)
		csv_row(t, b, r, excel);
}

void json_put(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

/* Only what JSON's grammar calls a number goes out bare (or, for a
 * spreadsheet, with a decimal comma): -?(0|[1-9][0-9]*)
 * with an optional fraction.  Anything else (1., .5, 01) is a string. */
static int number_text(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		if (!(*++s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return !*s;
}

static void json_row(const struct table *t, struct buf *b, size_t r, int first)
{
	buf_puts(b, first ? "\n  {" : ",\n  {");
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = cell(t, r, c);
		if (c)
			buf_puts(b, ", ");
		json_put(b, t->cols[c].key);
		buf_puts(b, ": ");
		if ((t->cols[c].flags & COL_NUMBER) && number_text(s))
			buf_puts(b, s);
		else if ((t->cols[c].flags & COL_NUMBER) && !*s)
			buf_puts(b, "null");
		else
			json_put(b, s);
	}
	buf_putc(b, '}');
}

static void print_json(const struct table *t, struct buf *b)
{
	size_t rows = t->total_row < nrows(t) ? t->total_row : nrows(t);
	buf_putc(b, '[');
	for (size_t r = 0; r < rows; r++)
		json_row(t, b, r, r == 0);
	buf_puts(b, rows ? "\n]\n" : "]\n");
}

static void flush_pending(struct table *t)
{
	if (t->pending.len && fwrite(t->pending.s, 1, t->pending.len, t->out) != t->pending.len)
		t->error = 1;
	t->pending.len = 0;
}

/* A streaming table keeps one row at a time: write it and forget it. */
static void stream_row(struct table *t)
{
	struct buf *b = &t->pending;
	if (t->written == 0 && t->total_row == (size_t)-1) {
		if (t->fmt != OUT_JSON)
			csv_header(t, b, t->fmt == OUT_EXCEL);
		else
			buf_putc(b, '[');
	}
	if (t->total_row == (size_t)-1) { /* totals are for people only */
		if (t->fmt != OUT_JSON)
			csv_row(t, b, 0, t->fmt == OUT_EXCEL);
		else
			json_row(t, b, 0, t->written == 0);
		t->written++;
	}
	if (b->len > 65536)
		flush_pending(t);
	t->ncells = 0;
	t->cells.len = 0;
}

void table_title(struct table *t, const char *title)
{
	free(t->title);
	t->title = xstrdup(title);
}

/* Markdown and HTML: the table as a report of one table, so that each of
 * these formats is written in one place (render_md.c, render_html.c). */
static void print_report(const struct table *t, const struct renderer *f, struct buf *b)
{
	struct report *r = report_new("table", t->title ? t->title : cp_prog);
	report_section(r, "table", NULL);
	struct rtable *rt = report_table(r, "table", NULL);
	for (size_t c = 0; c < t->ncols; c++)
		rtable_col(rt, t->cols[c].key, t->cols[c].title,
			   t->cols[c].flags & COL_RIGHT ? RCOL_NUMBER : 0);
	for (size_t row = 0, rows = nrows(t); row < rows; row++) {
		if (row == t->total_row)
			rtable_total(rt);
		for (size_t c = 0; c < t->ncols; c++)
			rtable_add(rt, cell_text(cell(t, row, c)));
	}
	report_main(r);
	report_render(r, f, b);
	report_free(r);
}

void table_format(struct table *t, enum outfmt f, struct buf *b)
{
	if (f == OUT_JSON)
		print_json(t, b);
	else if (f == OUT_CSV || f == OUT_EXCEL)
		print_csv(t, b, f == OUT_EXCEL);
	else if (f == OUT_MARKDOWN || f == OUT_HTML)
		print_report(t, f == OUT_HTML ? &render_html : &render_markdown, b);
	else
		print_text(t, b);
}

int table_print(struct table *t, enum outfmt f, FILE *out)
{
	struct buf b = {0};
	if (t->out) { /* what is left of a streaming table: its header or its end */
		if (t->written == 0 && t->fmt != OUT_JSON)
			csv_header(t, &t->pending, t->fmt == OUT_EXCEL);
		else if (t->fmt == OUT_JSON)
			buf_puts(&t->pending, t->written ? "\n]\n" : "[]\n");
		flush_pending(t);
		return t->error ? -1 : 0;
	}
	table_fit(out);
	table_format(t, f, &b);
	table_fit(NULL);
	size_t len = b.len, n = len ? fwrite(b.s, 1, len, out) : 0;
	buf_free(&b);
	return n == len ? 0 : -1;
}

void table_free(struct table *t)
{
	if (!t)
		return;
	free(t->title);
	for (size_t c = 0; c < t->ncols; c++) {
		free(t->cols[c].key);
		free(t->cols[c].title);
	}
	free(t->cols);
	free(t->offs);
	buf_free(&t->cells);
	buf_free(&t->pending);
	free(t);
}

int outfmt_parse(const char *s)
{
	static const struct {
		const struct renderer *r;
		enum outfmt f;
	} formats[] = {{&render_text, OUT_TABLE},    {&render_markdown, OUT_MARKDOWN},
		       {&render_html, OUT_HTML},     {&render_csv, OUT_CSV},
		       {&render_excel, OUT_EXCEL},   {&render_json, OUT_JSON}};
	const struct renderer *r = renderer_find(s);
	for (size_t i = 0; r && i < sizeof formats / sizeof *formats; i++)
		if (formats[i].r == r)
			return (int)formats[i].f;
	return -1;
}
