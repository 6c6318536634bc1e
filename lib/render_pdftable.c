/* render_pdftable.c: a report's table in the PDF: its columns as wide as
 * the page allows (the headers wrap first, then the long texts, each down
 * to its widest word; past that the pages turn, the letters shrink, and
 * the longest words break), its rows split over pages under the header
 * row again, and a row taller than a page line by line. */
#include <stdlib.h>
#include <string.h>

#include "renderpdf.h"

/* The width of s's widest word: where a wrapped column can go no narrower. */
static double word_width(struct pdf *p, const char *s, double size, int bold)
{
	struct buf w = {0};
	double max = 0;
	for (const char *a = s; *a;) {
		size_t n = strcspn(a, " \t\n");
		if (n) {
			w.len = 0;
			buf_add(&w, a, n);
			double ww = pdf_text_width(p, w.s, size, bold);
			max = ww > max ? ww : max;
		}
		a += n;
		a += strspn(a, " \t\n");
	}
	buf_free(&w);
	return max;
}

/* How narrow column c can wrap: to its widest word, header or cell. */
static double narrowest(struct pdf *p, const struct rtable *t, size_t c, double size)
{
	double least = word_width(p, t->cols[c].title, size, 1);
	for (size_t r = 0, rows = rtable_rows(t); r < rows; r++) {
		double ww = word_width(p, p->cells[r * t->ncols + c], size, r >= t->total);
		least = ww > least ? ww : least;
	}
	return least + 2 * PAD + 1;
}

/* Column widths.  Each column's natural width is its widest cell on one
 * line, header included.  When they all fit, that is what they get.  When
 * not, the headers wrap first (at their widest word); when that is not
 * enough either, the columns of short content (numbers, dates, keys: no
 * wider than SHORT) keep their cells' width, unwrapped, and the columns of
 * long text share what is left in proportion to their natural widths,
 * none narrower than its widest word, wrapping there.  Should the short
 * ones leave too little, the widest of them join the long ones. */
#define SHORT (pdf_text_w(p) * 0.2)
static double *widths(struct pdf *p, const struct rtable *t, double size)
{
	size_t n = t->ncols ? t->ncols : 1, rows = rtable_rows(t);
	double *w = xcalloc(n, sizeof *w), *nat = xcalloc(n, sizeof *nat),
	       *cell = xcalloc(n, sizeof *cell), *least = xcalloc(n, sizeof *least);
	char *longc = xcalloc(n, 1);
	double sum_nat = 0, sum_cell = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		double head = pdf_text_width(p, t->cols[c].title, size, 1);
		cell[c] = word_width(p, t->cols[c].title, size, 1);
		for (size_t r = 0; r < rows; r++) {
			double cw = pdf_text_width(p, p->cells[r * t->ncols + c], size, r >= t->total);
			cell[c] = cw > cell[c] ? cw : cell[c];
		}
		cell[c] += 2 * PAD + 1;
		nat[c] = head + 2 * PAD + 1 > cell[c] ? head + 2 * PAD + 1 : cell[c];
		sum_nat += nat[c];
		sum_cell += cell[c];
	}
	if (sum_nat <= pdf_text_w(p)) { /* all on one line */
		memcpy(w, nat, n * sizeof *w);
	} else if (sum_cell <= pdf_text_w(p)) { /* the headers wrap, as little as can be */
		double extra = pdf_text_w(p) - sum_cell, want = sum_nat - sum_cell;
		for (size_t c = 0; c < t->ncols; c++)
			w[c] = cell[c] + (nat[c] - cell[c]) * extra / want;
	} else {
		double fixed = 0, room, sum_long = 0, sum_least = 0;
		size_t nlong = 0;
		for (size_t c = 0; c < t->ncols; c++) {
			longc[c] = !(t->cols[c].flags & RCOL_NUMBER) && cell[c] > SHORT;
			if (!longc[c])
				fixed += cell[c];
		}
		for (size_t c = 0; c < t->ncols; c++)
			if (longc[c]) {
				nlong++;
				sum_least += least[c] = narrowest(p, t, c, size);
			}
		/* too little left for the long ones: the widest short text wraps too */
		for (;;) {
			double want = nlong ? (sum_least > SHORT ? sum_least : SHORT) : 0;
			size_t widest = SIZE_MAX;
			if (pdf_text_w(p) - fixed >= want)
				break;
			for (size_t c = 0; c < t->ncols; c++)
				if (!longc[c] && !(t->cols[c].flags & RCOL_NUMBER) &&
				    (widest == SIZE_MAX || cell[c] > cell[widest]))
					widest = c;
			if (widest == SIZE_MAX)
				break;
			longc[widest] = 1;
			fixed -= cell[widest];
			sum_least += least[widest] = narrowest(p, t, widest, size);
			nlong++;
		}
		room = pdf_text_w(p) - fixed;
		for (size_t c = 0; c < t->ncols; c++) {
			w[c] = cell[c];
			if (longc[c])
				sum_long += cell[c];
		}
		/* in proportion, but none below its widest word: those that would
		 * be get it, and the others share the rest again */
		for (int settled = 1; settled && nlong;) {
			settled = 0;
			for (size_t c = 0; c < t->ncols; c++)
				if (longc[c] && room * cell[c] / sum_long < least[c]) {
					w[c] = least[c];
					room -= least[c], sum_long -= cell[c];
					longc[c] = 0, nlong--, settled = 1;
				}
		}
		for (size_t c = 0; c < t->ncols; c++)
			if (longc[c])
				w[c] = room * cell[c] / sum_long;
	}
	free(nat), free(cell), free(least), free(longc);
	return w;
}

/* One row (the header when r is SIZE_MAX): its height, drawn if it fits. */
static double row(struct pdf *p, const struct rtable *t, size_t r, double size, int draw)
{
	double h = 0, x = MARGIN;
	int bold = r == SIZE_MAX || r >= t->total, was = p->drawing;
	p->drawing = was && draw;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = r == SIZE_MAX ? t->cols[c].title : p->cells[r * t->ncols + c];
		int align = t->cols[c].flags & RCOL_NUMBER ? RIGHT : LEFT;
		double ch = pdf_text(p, s, size, bold, x + PAD, p->y + PAD, p->colw[c] - 2 * PAD, align);
		h = ch > h ? ch : h;
		x += p->colw[c];
	}
	p->drawing = was;
	return h + 2 * PAD;
}

/* The lines of a cell from *it on that fit in room, drawn at x, y; their
 * height.  With force (at the top of a page) its next line at least, fit
 * or not: a line taller than a page goes there, where waiting for a page
 * it fits on would turn pages for ever.  *it is freed, NULL, at the end. */
static double cell_lines(struct pdf *p, PangoLayoutIter **it, double x, double y, double room,
			 int force)
{
	double used = 0;
	while (*it) {
		int y0, y1;
		pango_layout_iter_get_line_yrange(*it, &y0, &y1);
		double h = (double)(y1 - y0) / PANGO_SCALE;
		if (used + h > room && !(force && used == 0))
			break;
		pdf_show_line(p, *it, x, y + used);
		used += h;
		if (!pango_layout_iter_next_line(*it)) {
			pango_layout_iter_free(*it);
			*it = NULL;
		}
	}
	return used;
}

/* Row r, taller than a page holds under the header row (a note of 600
 * words): drawn whole, its end ran past the page's foot and was lost.
 * Its cells' lines are drawn as far as the page goes, and run on onto
 * the next, under the header row again. */
static void tall_row(struct pdf *p, const struct rtable *t, size_t r)
{
	size_t n = t->ncols ? t->ncols : 1, left = 0;
	PangoLayout **lay = xcalloc(n, sizeof *lay);
	PangoLayoutIter **it = xcalloc(n, sizeof *it);
	for (size_t c = 0; c < t->ncols; c++, left++) {
		lay[c] = pdf_layout(p, p->cells[r * t->ncols + c], p->size, r >= t->total,
				    p->colw[c] - 2 * PAD,
				    t->cols[c].flags & RCOL_NUMBER ? RIGHT : LEFT);
		it[c] = pango_layout_get_iter(lay[c]);
	}
	for (int fresh = 0; left; fresh = 1) {
		double room = pdf_bottom(p) - p->y - 2 * PAD, h = 0, x = MARGIN;
		for (size_t c = 0; c < t->ncols; x += p->colw[c++]) {
			if (!it[c])
				continue;
			double ch = cell_lines(p, &it[c], x + PAD, p->y + PAD, room, fresh);
			h = ch > h ? ch : h;
			left -= !it[c];
		}
		p->y += h + 2 * PAD;
		if (left) {
			pdf_rule(p, MARGIN, p->right, p->y, 0.2);
			pdf_need(p, pdf_bottom(p)); /* the page turns */
		}
	}
	for (size_t c = 0; c < t->ncols; c++)
		g_object_unref(lay[c]);
	free(lay), free(it);
}

static double table_size(const struct rtable *t)
{
	return t->ncols > 6 ? 8 : 9;
}

static double sum(const double *v, size_t n)
{
	double s = 0;
	for (size_t i = 0; i < n; i++)
		s += v[i];
	return s;
}

/* The last resort of a table wider than the page: the widest columns
 * give way, all to the same width, and their long words break there;
 * the narrow ones keep theirs. */
static void cap_widths(double *w, size_t n, double room)
{
	char *kept = xcalloc(n ? n : 1, 1);
	size_t left = n;
	for (int changed = 1; changed && left;) {
		changed = 0;
		for (size_t c = 0; c < n; c++)
			if (!kept[c] && w[c] <= room / (double)left) {
				kept[c] = 1, changed = 1;
				room -= w[c], left--;
			}
	}
	for (size_t c = 0; c < n; c++)
		if (!kept[c])
			w[c] = room / (double)left;
	free(kept);
}

void pdf_table_head(struct pdf *p)
{
	const struct rtable *t = p->table;
	double size = p->size, h = row(p, t, SIZE_MAX, size, 0);
	if (p->drawing) {
		cairo_set_source_rgb(p->cr, 0.91, 0.91, 0.91);
		cairo_rectangle(p->cr, MARGIN, p->y, p->right - MARGIN, h);
		cairo_fill(p->cr);
		pdf_gray(p, 0);
	}
	row(p, t, SIZE_MAX, size, 1);
	p->y += h;
	pdf_rule(p, MARGIN, p->right, p->y, 0.6);
}

/* The text of every cell of t, for people, formatted once for the table's
 * measuring and drawing (a date is dear to write: month names come from
 * the catalogue); free the array and its texts in store. */
static const char **cell_texts(const struct rtable *t, struct buf *store)
{
	size_t n = rtable_rows(t) * t->ncols;
	const char **cells = xcalloc(n ? n : 1, sizeof *cells);
	size_t *at = xcalloc(n ? n : 1, sizeof *at);
	struct buf v = {0};
	store->len = 0;
	for (size_t i = 0; i < n; i++) {
		at[i] = store->len;
		buf_puts(store, render_cell(&v, rtable_cell(t, i / t->ncols, i % t->ncols), CELL_HUMAN));
		buf_putc(store, '\0');
	}
	for (size_t i = 0; i < n; i++)
		cells[i] = store->s + at[i];
	buf_free(&v);
	free(at);
	return cells;
}

/* Lays t out for drawing (once per document) and returns the height that
 * must go on a page together: its head and a row; a short table whole, so
 * that the last rows of the totals per mode do not start a page alone. */
double pdf_table_start(struct pdf *p, const struct rtable *t)
{
	struct laid *l = p->laid;
	while (l < p->laid + p->nlaid && l->t != t)
		l++;
	if (l == p->laid + p->nlaid) {
		p->laid = xreallocarray(p->laid, ++p->nlaid, sizeof *p->laid);
		l = &p->laid[p->nlaid - 1];
		*l = (struct laid){.t = t};
		l->cells = p->cells = cell_texts(t, &l->store);
		l->size = table_size(t);
		l->w = widths(p, t, l->size);
		double all;
		while ((all = sum(l->w, t->ncols)) > pdf_text_w(p) + 0.5) {
			if (!p->landscape) {
				p->too_wide = 1;
				break;
			}
			if (l->size <= 6) {
				cap_widths(l->w, t->ncols, pdf_text_w(p));
				break;
			}
			free(l->w);
			l->w = widths(p, t, l->size -= 0.5);
		}
	}
	const double *w = l->w;
	double size = p->size = l->size;
	p->cells = l->cells;
	p->colw = w;
	p->right = MARGIN + sum(w, t->ncols);
	double head = row(p, t, SIZE_MAX, size, 0), all = head;
	size_t rows = rtable_rows(t);
	for (size_t r = 0; r < rows && rows <= RTABLE_SHORT_ROWS; r++)
		all += row(p, t, r, size, 0);
	return rows <= RTABLE_SHORT_ROWS && all <= (pdf_bottom(p) - TOP) / 3 ? all : 2 * head;
}

/* The room row r of t must have on its page: the last row before the
 * totals takes them along, lest a total start a page alone under the
 * table's head, a table of no rows to the reader. */
static double row_room(struct pdf *p, const struct rtable *t, size_t r, double h, double page)
{
	size_t rows = rtable_rows(t);
	if (r + 1 != t->total || t->total >= rows)
		return h;
	double with = h;
	for (size_t k = t->total; k < rows; k++)
		with += row(p, t, k, p->size, 0);
	return with <= page ? with : h;
}

void pdf_table(struct buf *out, const struct rtable *t)
{
	(void)out;
	struct pdf *p = pdf_the;
	pdf_need(p, pdf_table_start(p, t));
	double size = p->size;
	p->table = t;
	pdf_table_head(p);
	double page = pdf_bottom(p) - TOP - row(p, t, SIZE_MAX, size, 0); /* under the header */
	for (size_t r = 0, rows = rtable_rows(t); r < rows; r++) {
		double h = row(p, t, r, size, 0);
		int tall = h > page;
		pdf_need(p, tall ? 30 : row_room(p, t, r, h, page)); /* a tall row: a line or two */
		if (r == t->total)
			pdf_rule(p, MARGIN, p->right, p->y, 1.0);
		if (tall) {
			tall_row(p, t, r);
		} else {
			row(p, t, r, size, 1);
			p->y += h;
		}
		pdf_rule(p, MARGIN, p->right, p->y, 0.2);
	}
	p->table = NULL;
	p->colw = NULL;
	p->cells = NULL;
	p->y += 4;
}
