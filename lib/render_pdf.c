/* render_pdf.c: a report as a PDF document on A4, to file and to sign.
 * Pango lays the text out (it wraps long notes, shapes every script the
 * fonts hold, Dutch diacritics included) and cairo draws it.  Every page
 * has a header with the report's title and subtitle (the plan and the
 * period) and a footer "page 2 of 5"; a table row that does not fit goes
 * to the next page, under the table's header row again, and a heading
 * never stands alone at the foot of a page.  The document is laid out
 * twice, the same way: once to count the pages, once to draw them.
 *
 * Only cp-report links this file (with cairo and pango), so the other
 * tools start without loading them; render.c finds it through a weak
 * symbol. */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

#define A4_W 595.276 /* A4 upright, in points */
#define A4_H 841.89
#define MARGIN 51.0 /* 18 mm */
#define TOP (MARGIN + 22.0) /* below the page header */
#define PAD 3.0                      /* around a table cell's text */
#define FONT "DejaVu Sans, sans-serif"

enum { LEFT, RIGHT, CENTER };

#define CHART_H 180.0 /* a chart's height; it is as wide as the text */

/* What every document of the run shares: the font map, a context on it
 * (fonts looked up once), a layout to measure with, and the font
 * description; made at the first document and freed at exit. */
static PangoFontMap *fonts;
static PangoContext *context;
static PangoLayout *scratch;
static PangoFontDescription *font;
/* Ligatures off: "fl" drawn as one glyph is U+FB02 to a reader's search
 * and copy, and it costs each document a third font subset of its own. */
static PangoAttrList *plain;

struct pdf {
	const struct report *r;
	cairo_t *cr;
	PangoLayout *lay; /* scratch */
	int drawing;     /* the second pass */
	int page, pages; /* this page, from 1; all of them (known in the second pass) */
	double y;        /* where the next thing goes */
	/* the table being drawn, whose header a new page repeats */
	const struct rtable *table;
	const char **cells; /* its cells' texts, row after row: each formatted once */
	const double *colw;
	double right; /* where the table ends */
	struct buf tmp, key;
	struct laid *laid; /* the tables met, laid out in the first pass */
	size_t nlaid;
	double level;     /* the gray drawn in */
	struct rule *rules; /* this page's, drawn at its end */
	size_t nrules, rulecap;
	int now;            /* rules drawn at once (a chart's, under its bars) */
	/* A table too wide for an upright page even with its text wrapped
	 * (the caseload's eleven columns) turns the document's pages: a
	 * column past the edge would be lost on paper.  Should it not fit
	 * across either, its letters shrink, down to 6 points, and then its
	 * longest words break. */
	int landscape, too_wide;
	double size; /* the letters of the table being drawn */
};

static double page_w(const struct pdf *p)
{
	return p->landscape ? A4_H : A4_W;
}

static double page_h(const struct pdf *p)
{
	return p->landscape ? A4_W : A4_H;
}

static double text_w(const struct pdf *p)
{
	return page_w(p) - 2 * MARGIN;
}

static double bottom(const struct pdf *p) /* above the page footer */
{
	return page_h(p) - MARGIN - 8;
}

/* A horizontal line.  Cairo writes each drawing of a page in its own
 * text object, and the text between two lines in a text object of its
 * own, every one with the whole matrix and font again.  So a page's rules
 * are kept and stroked at its end, those of one width and gray as one
 * path: its text runs on in one text object, from line to line.  They
 * cross no text, so the page looks the same. */
struct rule {
	double x0, x1, y, width, level;
};

/* A table's cells' texts and its columns' widths, worked out when the
 * first pass meets it, and kept for the second. */
struct laid {
	const struct rtable *t;
	const char **cells;
	struct buf store; /* their texts */
	double *w;
	double size; /* of the letters */
};

/* A layout on the run's context: long words broken where they must be,
 * no ligatures. */
static PangoLayout *layout_new(void)
{
	PangoLayout *lay = pango_layout_new(context);
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_attributes(lay, plain);
	return lay;
}

/* Lays s out in the font size (points) and weight given, wrapped at width
 * (0: not wrapped). */
static void set_layout(struct pdf *p, PangoLayout *lay, const char *s, double size, int bold,
		       double width, int align)
{
	pango_font_description_set_size(font, (gint)(size * PANGO_SCALE));
	pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(lay, font);
	pango_layout_set_width(lay, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_alignment(lay, align == RIGHT    ? PANGO_ALIGN_RIGHT
					: align == CENTER ? PANGO_ALIGN_CENTER
							  : PANGO_ALIGN_LEFT);
	pango_layout_set_text(lay, render_clean(&p->tmp, s), -1);
}

static void layout(struct pdf *p, const char *s, double size, int bold, double width, int align)
{
	set_layout(p, p->lay, s, size, bold, width, align);
}

/* What laying a text out measured, kept for the run: a document is laid
 * out twice (to count its pages, then to draw them), a table cell is
 * measured for its column's width and for its row's height, and the
 * documents of a batch share their dates, hours and headings.  Shaping
 * text is most of a PDF's time; a look-up is not. */
struct extent {
	int w, h; /* Pango units */
};
static struct strmap measured;

/* The key of a text laid out: its size, weight, width and alignment as
 * bytes (printing them is dearer than the look-up), then the text. */
static void key_of(struct pdf *p, const char *s, double size, int bold, double width, int align)
{
	int k[4] = {(int)(size * PANGO_SCALE), bold, width > 0 ? (int)(width * PANGO_SCALE) : -1, align};
	p->key.len = 0;
	buf_add(&p->key, (const char *)k, sizeof k);
	buf_puts(&p->key, s);
}
#define MEASURED_MAX 200000 /* strings kept before the table starts afresh */

static void measured_free(void)
{
	strmap_free(&measured, free);
	memset(&measured, 0, sizeof measured);
}

/* And the layouts drawn, shaped once for the run: the dates, hours,
 * headings and labels that the documents of a batch share. */
static struct strmap drawn;
#define DRAWN_MAX 20000

static void unref(void *lay)
{
	g_object_unref(lay);
}

static void drawn_free(void)
{
	strmap_free(&drawn, unref);
	memset(&drawn, 0, sizeof drawn);
}

static PangoLayout *drawn_layout(struct pdf *p, const char *s, double size, int bold, double width,
				 int align)
{
	key_of(p, s, size, bold, width, align);
	if (drawn.used >= DRAWN_MAX)
		drawn_free();
	int added;
	void **slot = strmap_put(&drawn, p->key.s, p->key.len, &added);
	if (added) {
		PangoLayout *lay = layout_new();
		set_layout(p, lay, s, size, bold, width, align);
		*slot = lay;
	}
	return *slot;
}

/* A text's extent, the same in any alignment.  A text to be drawn
 * (align LEFT, RIGHT or CENTER) is laid out as it will be drawn, so that
 * drawing it shapes it no more; one only measured (align -1), such as a
 * word of a column, on the scratch layout. */
static struct extent measure(struct pdf *p, const char *s, double size, int bold, double width,
			     int align)
{
	key_of(p, s, size, bold, width, -1);
	if (measured.used >= MEASURED_MAX)
		measured_free();
	int added;
	void **slot = strmap_put(&measured, p->key.s, p->key.len, &added);
	if (!added)
		return *(struct extent *)*slot;
	struct extent *e = xmalloc(sizeof *e);
	*slot = e;
	if (align >= 0) {
		pango_layout_get_size(drawn_layout(p, s, size, bold, width, align), &e->w, &e->h);
	} else {
		layout(p, s, size, bold, width, LEFT);
		pango_layout_get_size(p->lay, &e->w, &e->h);
	}
	return *e;
}

/* s laid out as layout() does; its height, and drawn at x, y when drawing. */
static double text(struct pdf *p, const char *s, double size, int bold, double x, double y,
		   double width, int align)
{
	if (!p->drawing)
		return (double)measure(p, s, size, bold, width, align).h / PANGO_SCALE;
	PangoLayout *lay = drawn_layout(p, s, size, bold, width, align);
	int w, h;
	pango_layout_get_size(lay, &w, &h);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, lay);
	return (double)h / PANGO_SCALE;
}

/* The height s will take, drawn at the left. */
static double height(struct pdf *p, const char *s, double size, int bold, double width)
{
	return (double)measure(p, s, size, bold, width, LEFT).h / PANGO_SCALE;
}

/* The width of s on one line, measured only. */
static double text_width(struct pdf *p, const char *s, double size, int bold)
{
	return (double)measure(p, s, size, bold, 0, -1).w / PANGO_SCALE;
}

static void rule(struct pdf *p, double x0, double x1, double y, double width)
{
	if (!p->drawing)
		return;
	if (p->now) {
		cairo_set_line_width(p->cr, width);
		cairo_move_to(p->cr, x0, y);
		cairo_line_to(p->cr, x1, y);
		cairo_stroke(p->cr);
		return;
	}
	if (p->nrules == p->rulecap) {
		p->rulecap = p->rulecap ? 2 * p->rulecap : 64;
		p->rules = xrealloc(p->rules, p->rulecap * sizeof *p->rules);
	}
	p->rules[p->nrules++] = (struct rule){x0, x1, y, width, p->level};
}

static void gray(struct pdf *p, double level)
{
	if (p->drawing) {
		cairo_set_source_rgb(p->cr, level, level, level);
		p->level = level;
	}
}

/* The page's rules, a path for each width and gray, in the order first
 * drawn. */
static void rules_stroke(struct pdf *p)
{
	for (size_t i = 0; i < p->nrules; i++) {
		struct rule *a = &p->rules[i];
		if (a->width < 0)
			continue; /* stroked with an earlier one */
		cairo_set_source_rgb(p->cr, a->level, a->level, a->level);
		cairo_set_line_width(p->cr, a->width);
		double width = a->width, level = a->level;
		for (size_t j = i; j < p->nrules; j++) {
			struct rule *b = &p->rules[j];
			if (b->width != width || b->level != level)
				continue;
			cairo_move_to(p->cr, b->x0, b->y);
			cairo_line_to(p->cr, b->x1, b->y);
			b->width = -1;
		}
		cairo_stroke(p->cr);
	}
	p->nrules = 0;
	cairo_set_source_rgb(p->cr, p->level, p->level, p->level);
}

/* The header and footer every page has. */
static void furniture(struct pdf *p)
{
	struct buf head = {0};
	buf_puts(&head, p->r->title);
	if (p->r->subtitle)
		buf_printf(&head, " \xe2\x80\x94 %s", p->r->subtitle); /* an em dash */
	gray(p, 0.35);
	if (p->drawing) { /* not cached: ellipsized, and one per document */
		pango_layout_set_ellipsize(p->lay, PANGO_ELLIPSIZE_END);
		layout(p, head.s, 8, 0, text_w(p), LEFT);
		cairo_move_to(p->cr, MARGIN, MARGIN);
		pango_cairo_show_layout(p->cr, p->lay);
		pango_layout_set_ellipsize(p->lay, PANGO_ELLIPSIZE_NONE);
	}
	rule(p, MARGIN, page_w(p) - MARGIN, MARGIN + 13, 0.4);
	head.len = 0;
	if (p->pages)
		buf_printf(&head, _("page %d of %d"), p->page, p->pages);
	else
		buf_printf(&head, _("page %d of %d"), p->page, 999);
	text(p, head.s, 8, 0, MARGIN, page_h(p) - MARGIN, text_w(p), RIGHT);
	gray(p, 0);
	buf_free(&head);
}

static void table_head(struct pdf *p);
static double table_start(struct pdf *p, const struct rtable *t);

/* A page starts white all over, as the paper is.  It looks no different,
 * but cairo's PDF surface keeps the union of what every drawing covers,
 * as a region of rectangles: of a page of table cells, a region of
 * hundreds, dearer with every cell.  Under one rectangle the size of the
 * page, each cell is inside what is there already, and adds nothing. */
static void paper(struct pdf *p)
{
	cairo_set_source_rgb(p->cr, 1, 1, 1);
	cairo_paint(p->cr);
}

static void new_page(struct pdf *p)
{
	if (p->page && p->drawing) {
		rules_stroke(p);
		cairo_show_page(p->cr);
	}
	p->page++;
	p->y = TOP;
	if (p->drawing)
		paper(p);
	furniture(p);
	if (p->table)
		table_head(p);
}

/* Room for h points more on this page, or a new one. */
static void need(struct pdf *p, double h)
{
	if (p->y + h > bottom(p) && p->y > TOP)
		new_page(p);
}

static struct pdf *the; /* the document being drawn: doc_format's calls carry only a buf */

static void head(struct buf *out, const struct report *r)
{
	(void)out;
	struct pdf *p = the;
	p->y += text(p, r->title, 17, 1, MARGIN, p->y, text_w(p), LEFT) + 2;
	if (r->subtitle)
		p->y += text(p, r->subtitle, 10.5, 0, MARGIN, p->y, text_w(p), LEFT);
	p->y += 6;
}

/* The room b's start takes, its heading (if any) with what follows it: its
 * table's head and first row, the chart, or a line or two. */
static double block_start(struct pdf *p, const struct block *b)
{
	double next = b->kind == BLOCK_CHART   ? CHART_H + 4
		      : b->kind == BLOCK_TABLE ? table_start(p, &b->table)
					       : 30;
	return (b->title ? height(p, b->title, 11, 1, text_w(p)) + 4 : 0) + next;
}

static void section(struct buf *out, const struct section *sec, size_t i)
{
	(void)out, (void)i;
	struct pdf *p = the;
	if (!sec->title)
		return;
	p->y += 12;
	/* not alone at the foot of a page: with the start of its first block */
	need(p, height(p, sec->title, 12.5, 1, text_w(p)) + 8 +
			(sec->nblocks ? block_start(p, sec->blocks[0]) : 30));
	p->y += text(p, sec->title, 12.5, 1, MARGIN, p->y, text_w(p), LEFT) + 2;
	rule(p, MARGIN, page_w(p) - MARGIN, p->y, 0.6);
	p->y += 6;
}

static void block(struct buf *out, const struct block *b, size_t i)
{
	(void)out;
	struct pdf *p = the;
	if (i)
		p->y += 6;
	if (!b->title)
		return;
	need(p, block_start(p, b)); /* not alone at the foot of a page */
	p->y += text(p, b->title, 11, 1, MARGIN, p->y, text_w(p), LEFT) + 4;
}

/* The values of fields from, to, in black, each at its y: after their
 * labels, in gray, so that each color's text is one text object. */
static void values(struct pdf *p, const struct block *b, size_t from, size_t to, const double *ys,
		   double lw)
{
	struct buf v = {0};
	gray(p, 0);
	for (size_t i = from; i < to; i++) {
		const struct rfield *f = &b->fields[i];
		if (f->value.kind == CELL_BLANK)
			continue;
		const char *s = render_cell(&v, &f->value, CELL_HUMAN);
		text(p, *s ? s : "-", 10, 0, MARGIN + lw, ys[i], text_w(p) - lw, LEFT);
	}
	buf_free(&v);
}

static void fields(struct buf *out, const struct block *b)
{
	(void)out;
	struct pdf *p = the;
	struct buf v = {0};
	double lw = 0, *ys = xcalloc(b->nfields + 1, sizeof *ys);
	for (size_t i = 0; i < b->nfields; i++) {
		double w = text_width(p, b->fields[i].label, 10, 0);
		lw = w > lw ? w : lw;
	}
	lw = lw + 12 < text_w(p) * 0.4 ? lw + 12 : text_w(p) * 0.4;
	size_t page = 0; /* the first field on this page */
	for (size_t i = 0; i < b->nfields; i++) {
		const struct rfield *f = &b->fields[i];
		int blank = f->value.kind == CELL_BLANK;
		const char *s = blank ? "" : render_cell(&v, &f->value, CELL_HUMAN);
		double hl = height(p, f->label, 10, 0, lw - 12);
		double hv = blank ? 22 : height(p, *s ? s : "-", 10, 0, text_w(p) - lw);
		double h = hl > hv ? hl : hv;
		int pages = p->page;
		if (p->y + h > bottom(p) && p->y > TOP) /* need() turns the page: this one's first */
			values(p, b, page, i, ys, lw);
		need(p, h);
		if (p->page != pages)
			page = i;
		gray(p, 0.3);
		text(p, f->label, 10, 0, MARGIN, p->y + (blank ? 8 : 0), lw - 12, LEFT);
		if (blank) { /* a line to write on, in black (drawn at the page's end) */
			gray(p, 0);
			rule(p, MARGIN + lw, MARGIN + lw + text_w(p) * 0.5, p->y + h - 2, 0.6);
		}
		ys[i] = p->y;
		p->y += h + 2;
	}
	values(p, b, page, b->nfields, ys, lw);
	free(ys);
	buf_free(&v);
}

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
			double ww = text_width(p, w.s, size, bold);
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
#define SHORT (text_w(p) * 0.2)
static double *widths(struct pdf *p, const struct rtable *t, double size)
{
	size_t n = t->ncols ? t->ncols : 1, rows = rtable_rows(t);
	double *w = xcalloc(n, sizeof *w), *nat = xcalloc(n, sizeof *nat),
	       *cell = xcalloc(n, sizeof *cell), *least = xcalloc(n, sizeof *least);
	char *longc = xcalloc(n, 1);
	double sum_nat = 0, sum_cell = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		double head = text_width(p, t->cols[c].title, size, 1);
		cell[c] = word_width(p, t->cols[c].title, size, 1);
		for (size_t r = 0; r < rows; r++) {
			double cw = text_width(p, p->cells[r * t->ncols + c], size, r >= t->total);
			cell[c] = cw > cell[c] ? cw : cell[c];
		}
		cell[c] += 2 * PAD + 1;
		nat[c] = head + 2 * PAD + 1 > cell[c] ? head + 2 * PAD + 1 : cell[c];
		sum_nat += nat[c];
		sum_cell += cell[c];
	}
	if (sum_nat <= text_w(p)) { /* all on one line */
		memcpy(w, nat, n * sizeof *w);
	} else if (sum_cell <= text_w(p)) { /* the headers wrap, as little as can be */
		double extra = text_w(p) - sum_cell, want = sum_nat - sum_cell;
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
			if (text_w(p) - fixed >= want)
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
		room = text_w(p) - fixed;
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
		double ch = text(p, s, size, bold, x + PAD, p->y + PAD, p->colw[c] - 2 * PAD, align);
		h = ch > h ? ch : h;
		x += p->colw[c];
	}
	p->drawing = was;
	return h + 2 * PAD;
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

static void table_head(struct pdf *p)
{
	const struct rtable *t = p->table;
	double size = p->size, h = row(p, t, SIZE_MAX, size, 0);
	if (p->drawing) {
		cairo_set_source_rgb(p->cr, 0.91, 0.91, 0.91);
		cairo_rectangle(p->cr, MARGIN, p->y, p->right - MARGIN, h);
		cairo_fill(p->cr);
		gray(p, 0);
	}
	row(p, t, SIZE_MAX, size, 1);
	p->y += h;
	rule(p, MARGIN, p->right, p->y, 0.6);
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
static double table_start(struct pdf *p, const struct rtable *t)
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
		while ((all = sum(l->w, t->ncols)) > text_w(p) + 0.5) {
			if (!p->landscape) {
				p->too_wide = 1;
				break;
			}
			if (l->size <= 6) {
				cap_widths(l->w, t->ncols, text_w(p));
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
	return rows <= RTABLE_SHORT_ROWS && all <= (bottom(p) - TOP) / 3 ? all : 2 * head;
}

static void table(struct buf *out, const struct rtable *t)
{
	(void)out;
	struct pdf *p = the;
	need(p, table_start(p, t));
	double size = p->size;
	p->table = t;
	table_head(p);
	for (size_t r = 0, rows = rtable_rows(t); r < rows; r++) {
		double h = row(p, t, r, size, 0);
		need(p, h);
		if (r == t->total)
			rule(p, MARGIN, p->right, p->y, 1.0);
		row(p, t, r, size, 1);
		p->y += h;
		rule(p, MARGIN, p->right, p->y, 0.2);
	}
	p->table = NULL;
	p->colw = NULL;
	p->cells = NULL;
	p->y += 4;
}

static void paragraph(struct buf *out, const char *s, size_t i, size_t n)
{
	(void)out, (void)n;
	struct pdf *p = the;
	need(p, height(p, s, 10, 0, text_w(p)));
	p->y += text(p, s, 10, 0, MARGIN, p->y, text_w(p), LEFT) + (i + 1 < n ? 6 : 2);
}

static void item(struct buf *out, const char *s, size_t i, size_t n)
{
	(void)out, (void)i, (void)n;
	struct pdf *p = the;
	need(p, height(p, s, 10, 0, text_w(p) - 12));
	text(p, "\xe2\x80\xa2", 10, 0, MARGIN, p->y, 0, LEFT); /* a bullet */
	p->y += text(p, s, 10, 0, MARGIN + 12, p->y, text_w(p) - 12, LEFT) + 2;
}

/* ---- a chart, laid out by chart.c as the HTML's SVG is ---- */

static void fill(struct pdf *p, const double rgb[3])
{
	cairo_set_source_rgb(p->cr, rgb[0], rgb[1], rgb[2]);
}

/* Text whose baseline is at y (as SVG places it), of the chart's size. */
static void label(struct pdf *p, const struct chart_geom *g, const char *s, double x, double y,
		  int align)
{
	double top = y - g->font * 0.93; /* DejaVu's ascent */
	if (align == LEFT)
		text(p, s, g->font, 0, x, top, 0, LEFT);
	else
		text(p, s, g->font, 0, align == RIGHT ? x - 80 : x - 40, top, 80, align);
}

static void chart_scale(struct pdf *p, const struct rchart *c, const struct chart_geom *g)
{
	char hours[24];
	gray(p, 0.8);
	for (long v = g->step; v <= g->max; v += g->step)
		rule(p, g->left, g->right, chart_y(g, v), 0.5);
	gray(p, 0.2);
	for (long v = 0; v <= g->max; v += g->step) {
		lang_hours(v, hours);
		label(p, g, hours, g->left - 4, chart_y(g, v) + g->font * 0.35, RIGHT);
	}
	label(p, g, _("hours"), g->left - 4, g->legend_y, RIGHT);
	if (c->axis)
		label(p, g, c->axis, g->left - 4, g->h - 2, RIGHT);
	for (size_t i = 0; i < c->nbars; i += g->tick_every)
		if (c->bars[i].tick)
			label(p, g, c->bars[i].tick, chart_x(g, i) + g->barw / 2,
			      g->bottom + g->font + 3, CENTER);
}

struct bar_draw {
	struct pdf *p;
	const struct chart_geom *g;
};

static void piece(const struct rchart *c, size_t bar, size_t s, double y0, double y1, void *arg)
{
	(void)c;
	const struct bar_draw *d = arg;
	double rgb[3];
	chart_color(s, rgb);
	fill(d->p, rgb);
	cairo_rectangle(d->p->cr, chart_x(d->g, bar), y1, d->g->barw, y0 - y1);
	cairo_fill(d->p->cr);
}

static void chart_bars(struct pdf *p, const struct rchart *c, const struct chart_geom *g)
{
	double rgb[3];
	struct bar_draw d = {p, g};
	chart_pieces(c, g, piece, &d);
	static const double dash[] = {5, 3};
	chart_line_color(rgb);
	fill(p, rgb);
	cairo_set_line_width(p->cr, 1.5);
	cairo_set_dash(p->cr, dash, 2, 0);
	int open = 0;
	for (size_t i = 0; i < c->nbars && c->line_key; i++) {
		double x0 = g->left + (double)i * g->slot;
		if (c->bars[i].line == CHART_NONE) {
			open = 0;
			continue;
		}
		double y = chart_y(g, c->bars[i].line);
		if (open)
			cairo_line_to(p->cr, x0, y);
		else
			cairo_move_to(p->cr, x0, y);
		cairo_line_to(p->cr, x0 + g->slot, y);
		open = 1;
	}
	cairo_stroke(p->cr);
	cairo_set_dash(p->cr, NULL, 0, 0);
	gray(p, 0.2);
	rule(p, g->left, g->right, g->bottom, 0.8);
}

static void chart_legend(struct pdf *p, const struct rchart *c, const struct chart_geom *g)
{
	static const double dash[] = {5, 3};
	double rgb[3];
	for (size_t s = 0; s < c->nseries; s++) {
		double x = chart_legend_x(g, c, s);
		chart_color(s, rgb);
		fill(p, rgb);
		cairo_rectangle(p->cr, x, g->legend_y - 7, 8, 8);
		cairo_fill(p->cr);
		gray(p, 0.2);
		label(p, g, c->series[s].label, x + 11, g->legend_y, LEFT);
	}
	if (c->line_key) {
		double x = chart_legend_x(g, c, c->nseries);
		chart_line_color(rgb);
		fill(p, rgb);
		cairo_set_line_width(p->cr, 1.5);
		cairo_set_dash(p->cr, dash, 2, 0);
		cairo_move_to(p->cr, x, g->legend_y - 3);
		cairo_line_to(p->cr, x + 14, g->legend_y - 3);
		cairo_stroke(p->cr);
		cairo_set_dash(p->cr, NULL, 0, 0);
		gray(p, 0.2);
		label(p, g, c->line_label, x + 17, g->legend_y, LEFT);
	}
}

static void chart(struct buf *out, const struct block *b)
{
	(void)out;
	struct pdf *p = the;
	const struct rchart *c = &b->chart;
	struct chart_geom g;
	chart_layout(c, text_w(p), CHART_H, &g);
	need(p, CHART_H + 4);
	if (p->drawing) {
		cairo_save(p->cr);
		cairo_translate(p->cr, MARGIN, p->y);
		p->now = 1;
		chart_scale(p, c, &g);
		chart_bars(p, c, &g);
		chart_legend(p, c, &g);
		p->now = 0;
		cairo_restore(p->cr);
		gray(p, 0);
	}
	p->y += CHART_H + 4;
	if (c->desc) {
		need(p, height(p, c->desc, 8.5, 0, text_w(p)));
		gray(p, 0.3);
		p->y += text(p, c->desc, 8.5, 0, MARGIN, p->y, text_w(p), LEFT) + 2;
		gray(p, 0);
	}
}

static void tail(struct buf *out, const struct report *r)
{
	(void)out;
	struct pdf *p = the;
	if (!r->stamp)
		return;
	p->y += 12;
	need(p, height(p, r->stamp, 9, 0, text_w(p)));
	gray(p, 0.3);
	p->y += text(p, r->stamp, 9, 0, MARGIN, p->y, text_w(p), LEFT);
	gray(p, 0);
}

static const struct doc_format pdf_format = {head,  section,   NULL, block, NULL, fields,
					     table, paragraph, item, tail,  chart};

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int n);

/* Freed at exit, so that a leak checker sees nothing of ours left.  Not
 * fontconfig's tables (FcFini): pango sorts fonts on a thread of its own,
 * which may hold fontconfig's caches still, and FcFini then aborts the
 * finished run on an assertion (FcCacheFini), one run in twenty. */
static void fonts_free(void)
{
	measured_free();
	drawn_free();
	g_object_unref(scratch);
	g_object_unref(context);
	g_object_unref(fonts);
	pango_font_description_free(font);
	pango_attr_list_unref(plain);
	scratch = NULL, context = NULL, fonts = NULL, font = NULL, plain = NULL;
}

/* The context takes the font options of a PDF surface, the same for every
 * document, with metrics unhinted: the same on any screen. */
static void fonts_new(void)
{
	if (fonts)
		return;
	fonts = pango_cairo_font_map_new();
	context = pango_font_map_create_context(fonts);
	/* glyphs where the font puts them, not rounded to whole points: the
	 * same look on paper, and cairo writes a run of text as one string
	 * instead of a number between every two glyphs */
	pango_context_set_round_glyph_positions(context, FALSE);
	cairo_font_options_t *o = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(context, o);
	cairo_font_options_destroy(o);
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, NULL, A4_W, A4_H);
	cairo_t *cr = cairo_create(s);
	pango_cairo_update_context(cr, context);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	font = pango_font_description_from_string(FONT);
	plain = pango_attr_list_new();
	pango_attr_list_insert(plain, pango_attr_font_features_new("liga 0, clig 0"));
	scratch = layout_new();
	atexit(fonts_free);
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int n)
{
	if (closure)
		buf_add(closure, (const char *)data, n);
	return CAIRO_STATUS_SUCCESS;
}

/* One pass over the document: to count pages (out NULL), measuring only,
 * or to draw them. */
static int pass(struct pdf *p, struct buf *out)
{
	p->lay = scratch;
	p->drawing = out != NULL;
	p->page = 0;
	p->cr = NULL;
	cairo_surface_t *s = NULL;
	if (p->drawing) {
		s = cairo_pdf_surface_create_for_stream(to_buf, out, page_w(p), page_h(p));
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, p->r->title);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "coachplan " VERSION);
		/* the day, not cairo's clock: two runs on the same files, the
		 * same bytes (--stamp prints the time, on the page) */
		char day[11], when[24];
		date_format(date_today(), day);
		snprintf(when, sizeof when, "%sT00:00:00Z", day);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, when);
		p->cr = cairo_create(s);
	}
	new_page(p);
	the = p;
	render_document(p->r, &pdf_format, out);
	the = NULL;
	if (!p->drawing)
		return 0;
	rules_stroke(p);
	cairo_show_page(p->cr);
	cairo_destroy(p->cr);
	p->cr = NULL;
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

static void laid_free(struct pdf *p)
{
	for (size_t i = 0; i < p->nlaid; i++) {
		free(p->laid[i].cells);
		buf_free(&p->laid[i].store);
		free(p->laid[i].w);
	}
	free(p->laid);
	p->laid = NULL, p->nlaid = 0;
}

static void render(const struct report *r, struct buf *out)
{
	struct pdf p = {.r = r};
	fonts_new();
	int rc = pass(&p, NULL);
	if (rc == 0 && p.too_wide) { /* laid out again, across */
		laid_free(&p);
		p.landscape = 1;
		rc = pass(&p, NULL);
	}
	if (rc == 0) {
		p.pages = p.page;
		if (pass(&p, out) < 0)
			cp_err(EX_SOFTWARE, _("cannot make the PDF document"));
	} else
		cp_err(EX_SOFTWARE, _("cannot make the PDF document"));
	buf_free(&p.tmp);
	buf_free(&p.key);
	free(p.rules);
	laid_free(&p);
}

const struct renderer render_pdf = {"pdf", "pdf", render, NULL};
