/* render_csv.c: a report's main table as CSV (RFC 4180, a comma, line
 * feeds), one table per file: a header of the columns' keys, then the rows
 * without totals (a program adds up for itself).  Minutes are whole
 * numbers, dates ISO, words the English codes.  CSV from a report goes to
 * spreadsheets, so a text cell that a spreadsheet would run as a formula
 * (= + - @ at its start) gets a leading apostrophe (csv_put_safe).
 *
 * render_excel writes the same table in the dialect that Dutch Excel and
 * LibreOffice open without asking (a byte order mark, ';', CRLF): minutes
 * as decimal hours with a decimal comma (1,5), whose column keys say so
 * (minutes becomes hours, onsite onsite_hours), and shares and tenths
 * (a mean mark) as 12,5. */
#include <string.h>

#include "output.h"

struct dialect {
	char sep;
	const char *eol;
	int excel;
};

static const struct dialect plain = {',', "\n", 0}, excel = {EXCEL_SEP, EXCEL_EOL, 1};

static void put(struct buf *out, const struct cell *c, const struct dialect *d)
{
	struct buf tmp = {0};
	char hours[32];
	const char *s = render_cell(&tmp, c, 0);
	if (c->kind == CELL_TEXT || c->kind == CELL_WORD)
		csv_put_safe(out, s, strlen(s), d->sep);
	else if (d->excel && c->kind == CELL_MINUTES) {
		excel_hours(hours, c->v);
		buf_puts(out, hours);
	} else if (d->excel && (c->kind == CELL_PERCENT || c->kind == CELL_TENTHS ||
				c->kind == CELL_MARK))
		excel_number(out, s);
	else
		csv_put(out, s, strlen(s), d->sep);
	buf_free(&tmp);
}

/* A column holds hours if any of its cells, totals included, is minutes:
 * known even when the table has no rows but its total. */
static int hours_column(const struct rtable *t, size_t col)
{
	for (size_t r = 0, rows = rtable_rows(t); r < rows; r++)
		if (rtable_cell(t, r, col)->kind == CELL_MINUTES)
			return 1;
	return 0;
}

static void key(struct buf *out, const char *k, int hours, const struct dialect *d)
{
	struct buf tmp = {0};
	if (d->excel && hours)
		excel_hours_key(&tmp, k);
	else
		buf_puts(&tmp, k);
	csv_put(out, tmp.s, tmp.len, d->sep);
	buf_free(&tmp);
}

static void table(struct buf *out, const struct rtable *t, const struct dialect *d)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			buf_putc(out, d->sep);
		key(out, t->cols[c].key, hours_column(t, c), d);
	}
	buf_puts(out, d->eol);
	size_t rows = rtable_rows(t), body = t->total < rows ? t->total : rows;
	for (size_t r = 0; r < body; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				buf_putc(out, d->sep);
			put(out, rtable_cell(t, r, c), d);
		}
		buf_puts(out, d->eol);
	}
}

/* A report without a main table: its fields, as key and value. */
static void fields(struct buf *out, const struct report *r, const struct dialect *d)
{
	buf_printf(out, "key%cvalue%s", d->sep, d->eol);
	for (size_t s = 0; s < r->nsections; s++)
		for (size_t i = 0; i < r->sections[s]->nblocks; i++) {
			const struct block *b = r->sections[s]->blocks[i];
			for (size_t f = 0; b->kind == BLOCK_FIELDS && f < b->nfields; f++) {
				const struct cell *v = &b->fields[f].value;
				key(out, b->fields[f].key, v->kind == CELL_MINUTES, d);
				buf_putc(out, d->sep);
				put(out, v, d);
				buf_puts(out, d->eol);
			}
		}
}

static void render(const struct report *r, struct buf *out, const struct dialect *d)
{
	if (d->excel)
		buf_puts(out, EXCEL_BOM);
	if (r->main)
		table(out, &r->main->table, d);
	else
		fields(out, r, d);
}

static void render_plain(const struct report *r, struct buf *out)
{
	render(r, out, &plain);
}

static void render_spreadsheet(const struct report *r, struct buf *out)
{
	render(r, out, &excel);
}

const struct renderer render_csv = {"csv", "csv", render_plain, NULL};
const struct renderer render_excel = {"excel", "csv", render_spreadsheet, NULL};
