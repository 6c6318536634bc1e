/* render_csv.c: a report's main table as CSV (RFC 4180, a comma, line
 * feeds), one table per file: a header of the columns' keys, then the rows
 * without totals (a program adds up for itself).  Minutes are whole
 * numbers, dates ISO, words the English codes.  CSV from a report goes to
 * spreadsheets, so a text cell that a spreadsheet would run as a formula
 * (= + - @ at its start) gets a leading apostrophe (csv_put_safe). */
#include <string.h>

#include "coachplan.h"

static void put(struct buf *out, const struct cell *c)
{
	struct buf tmp = {0};
	const char *s = render_cell(&tmp, c, 0);
	if (c->kind == CELL_TEXT || c->kind == CELL_WORD)
		csv_put_safe(out, s, strlen(s), ',');
	else
		csv_put(out, s, strlen(s), ',');
	buf_free(&tmp);
}

static void table(struct buf *out, const struct rtable *t)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			buf_putc(out, ',');
		csv_put(out, t->cols[c].key, strlen(t->cols[c].key), ',');
	}
	buf_putc(out, '\n');
	size_t rows = rtable_rows(t), body = t->total < rows ? t->total : rows;
	for (size_t r = 0; r < body; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				buf_putc(out, ',');
			put(out, rtable_cell(t, r, c));
		}
		buf_putc(out, '\n');
	}
}

/* A report without a main table: its fields, as key and value. */
static void fields(struct buf *out, const struct report *r)
{
	buf_puts(out, "key,value\n");
	for (size_t s = 0; s < r->nsections; s++)
		for (size_t i = 0; i < r->sections[s]->nblocks; i++) {
			const struct block *b = r->sections[s]->blocks[i];
			for (size_t f = 0; b->kind == BLOCK_FIELDS && f < b->nfields; f++) {
				csv_put(out, b->fields[f].key, strlen(b->fields[f].key), ',');
				buf_putc(out, ',');
				put(out, &b->fields[f].value);
				buf_putc(out, '\n');
			}
		}
}

static void render(const struct report *r, struct buf *out)
{
	if (r->main)
		table(out, &r->main->table);
	else
		fields(out, r);
}

const struct renderer render_csv = {"csv", "csv", render};
