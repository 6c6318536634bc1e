/* render_pdf.c: a report as a PDF document on A4, to file and to sign.
 * Pango lays the text out (it wraps long notes, shapes every script the
 * fonts hold, Dutch diacritics included) and cairo draws it.  Every page
 * has a header with the report's title and subtitle (the plan and the
 * period) and a footer "page 2 of 5"; a table row that does not fit goes
 * to the next page, under the table's header row again, a heading
 * never stands alone at the foot of a page, and a block to sign is never
 * split.  The document is laid out
 * twice, the same way: once to count the pages, once to draw them.
 *
 * Tables are laid out in render_pdftable.c, charts drawn in
 * render_pdfchart.c; renderpdf.h is the three files' own header.  Only
 * cp-report links them (with cairo and pango), so the other tools start
 * without loading them; render.c finds this one through a weak symbol. */
#include <stdlib.h>
#include <string.h>

#include "renderpdf.h"


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

static double page_w(const struct pdf *p)
{
	return p->landscape ? A4_H : A4_W;
}

static double page_h(const struct pdf *p)
{
	return p->landscape ? A4_W : A4_H;
}

double pdf_text_w(const struct pdf *p)
{
	return page_w(p) - 2 * MARGIN;
}

double pdf_bottom(const struct pdf *p) /* above the page footer */
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
double pdf_text(struct pdf *p, const char *s, double size, int bold, double x, double y,
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

/* s laid out as pdf_text() lays it out, in a layout of its own, not
 * shared (unref it): for a text drawn line by line. */
PangoLayout *pdf_layout(struct pdf *p, const char *s, double size, int bold, double width,
			int align)
{
	PangoLayout *lay = layout_new();
	set_layout(p, lay, s, size, bold, width, align);
	return lay;
}

void pdf_show_line(struct pdf *p, PangoLayoutIter *it, double x, double y)
{
	if (!p->drawing)
		return;
	int y0, y1;
	PangoRectangle line;
	pango_layout_iter_get_line_yrange(it, &y0, &y1);
	pango_layout_iter_get_line_extents(it, NULL, &line);
	cairo_move_to(p->cr, x + (double)line.x / PANGO_SCALE,
		      y + (double)(pango_layout_iter_get_baseline(it) - y0) / PANGO_SCALE);
	pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
}

/* The height s will take, drawn at the left. */
double pdf_height(struct pdf *p, const char *s, double size, int bold, double width)
{
	return (double)measure(p, s, size, bold, width, LEFT).h / PANGO_SCALE;
}

/* The width of s on one line, measured only. */
double pdf_text_width(struct pdf *p, const char *s, double size, int bold)
{
	return (double)measure(p, s, size, bold, 0, -1).w / PANGO_SCALE;
}

void pdf_rule(struct pdf *p, double x0, double x1, double y, double width)
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

void pdf_gray(struct pdf *p, double level)
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
	pdf_gray(p, 0.35);
	if (p->drawing) { /* not cached: ellipsized, and one per document */
		pango_layout_set_ellipsize(p->lay, PANGO_ELLIPSIZE_END);
		layout(p, head.s, 8, 0, pdf_text_w(p), LEFT);
		cairo_move_to(p->cr, MARGIN, MARGIN);
		pango_cairo_show_layout(p->cr, p->lay);
		pango_layout_set_ellipsize(p->lay, PANGO_ELLIPSIZE_NONE);
	}
	pdf_rule(p, MARGIN, page_w(p) - MARGIN, MARGIN + 13, 0.4);
	head.len = 0;
	if (p->pages)
		buf_printf(&head, _("page %d of %d"), p->page, p->pages);
	else
		buf_printf(&head, _("page %d of %d"), p->page, 999);
	pdf_text(p, head.s, 8, 0, MARGIN, page_h(p) - MARGIN, pdf_text_w(p), RIGHT);
	pdf_gray(p, 0);
	buf_free(&head);
}

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
		pdf_table_head(p);
}

/* Room for h points more on this page, or a new one. */
void pdf_need(struct pdf *p, double h)
{
	if (p->y + h > pdf_bottom(p) && p->y > TOP)
		new_page(p);
}

struct pdf *pdf_the; /* the document being drawn: doc_format's calls carry only a buf */

static void head(struct buf *out, const struct report *r)
{
	(void)out;
	struct pdf *p = pdf_the;
	p->y += pdf_text(p, r->title, 17, 1, MARGIN, p->y, pdf_text_w(p), LEFT) + 2;
	if (r->subtitle)
		p->y += pdf_text(p, r->subtitle, 10.5, 0, MARGIN, p->y, pdf_text_w(p), LEFT);
	p->y += 6;
}

/* Whether a text of height h is taller than a page holds. */
static int taller_than_page(const struct pdf *p, double h)
{
	return h > pdf_bottom(p) - TOP;
}

/* Whether b is a block to sign: fields with a line to write on.  A
 * signer's name at the foot of one page and the lines to sign on the next
 * would be a signature that vouches for nothing on its page; so such a
 * block goes on one page whole, with its heading. */
static int to_sign(const struct block *b)
{
	for (size_t i = 0; b->kind == BLOCK_FIELDS && i < b->nfields; i++)
		if (b->fields[i].value.kind == CELL_BLANK)
			return 1;
	return 0;
}

static double fields_height(struct pdf *p, const struct block *b);

/* The room b's start takes, its heading (if any) with what follows it: its
 * table's head and first row, the chart, a block to sign whole, or a line
 * or two. */
static double block_start(struct pdf *p, const struct block *b)
{
	double next = b->kind == BLOCK_CHART   ? CHART_H + 4
		      : b->kind == BLOCK_TABLE ? pdf_table_start(p, &b->table)
					       : 30;
	double title = b->title ? pdf_height(p, b->title, 11, 1, pdf_text_w(p)) + 4 : 0;
	if (to_sign(b) && !taller_than_page(p, title + fields_height(p, b)))
		next = fields_height(p, b);
	return title + next;
}

/* The room a text block takes, its paragraphs as paragraph() puts them. */
static double text_height(struct pdf *p, const struct block *b)
{
	double h = b->title ? pdf_height(p, b->title, 11, 1, pdf_text_w(p)) + 4 : 0;
	for (size_t i = 0; i < b->nitems; i++)
		h += pdf_height(p, b->items[i], 10, 0, pdf_text_w(p)) + (i + 1 < b->nitems ? 6 : 2);
	return h;
}

/* The room a section's start takes after its heading: its first block's
 * start, and where a text leads to a block to sign (the sentence that says
 * who signs for what), the text with that block whole. */
static double section_start(struct pdf *p, const struct section *sec)
{
	if (!sec->nblocks)
		return 30;
	const struct block *b = sec->blocks[0];
	if (b->kind == BLOCK_TEXT && sec->nblocks > 1 && to_sign(sec->blocks[1])) {
		double h = text_height(p, b) + 6 + block_start(p, sec->blocks[1]);
		if (!taller_than_page(p, h + 30))
			return h;
	}
	return block_start(p, b);
}

static void section(struct buf *out, const struct section *sec, size_t i)
{
	(void)out, (void)i;
	struct pdf *p = pdf_the;
	if (!sec->title)
		return;
	p->y += 12;
	/* not alone at the foot of a page: with the start of its first block */
	pdf_need(p, pdf_height(p, sec->title, 12.5, 1, pdf_text_w(p)) + 8 + section_start(p, sec));
	p->y += pdf_text(p, sec->title, 12.5, 1, MARGIN, p->y, pdf_text_w(p), LEFT) + 2;
	pdf_rule(p, MARGIN, page_w(p) - MARGIN, p->y, 0.6);
	p->y += 6;
}

static void block(struct buf *out, const struct block *b, size_t i)
{
	(void)out;
	struct pdf *p = pdf_the;
	if (i)
		p->y += 6;
	if (!b->title)
		return;
	pdf_need(p, block_start(p, b)); /* not alone at the foot of a page */
	p->y += pdf_text(p, b->title, 11, 1, MARGIN, p->y, pdf_text_w(p), LEFT) + 4;
}

/* The values of fields from, to, in black, each at its y: after their
 * labels, in gray, so that each color's text is one text object. */
static void values(struct pdf *p, const struct block *b, size_t from, size_t to, const double *ys,
		   double lw)
{
	struct buf v = {0};
	pdf_gray(p, 0);
	for (size_t i = from; i < to; i++) {
		const struct rfield *f = &b->fields[i];
		if (f->value.kind == CELL_BLANK)
			continue;
		const char *s = render_cell(&v, &f->value, CELL_HUMAN);
		pdf_text(p, *s ? s : "-", 10, 0, MARGIN + lw, ys[i], pdf_text_w(p) - lw, LEFT);
	}
	buf_free(&v);
}

/* Whether field f is a line to write on whose label the column of labels
 * (at most max wide) would break: "Date and signature, NAME (DAYS)" over
 * a hand-over. */
static int long_blank(struct pdf *p, const struct rfield *f, double max)
{
	return f->value.kind == CELL_BLANK && pdf_text_width(p, f->label, 10, 0) + 12 > max;
}

/* The height of field f, a line to write on after the column of labels
 * (lw wide): its label beside it in the column, or where the column would
 * break the label, on a line of its own above it, whole as in HTML.
 * label_w: the width the label takes. */
static double blank_height(struct pdf *p, const struct rfield *f, double lw, double *label_w)
{
	double h;
	if (long_blank(p, f, pdf_text_w(p) * 0.4)) {
		*label_w = pdf_text_w(p);
		return 8 + pdf_height(p, f->label, 10, 0, *label_w) + 22;
	}
	*label_w = lw - 12;
	h = pdf_height(p, f->label, 10, 0, *label_w);
	return h > 22 ? h : 22;
}

/* The width of b's column of labels, with the gap after it. */
static double labels_w(struct pdf *p, const struct block *b)
{
	double lw = 0, most = pdf_text_w(p) * 0.4;
	for (size_t i = 0; i < b->nfields; i++) {
		double w = pdf_text_width(p, b->fields[i].label, 10, 0);
		lw = w > lw && !long_blank(p, &b->fields[i], most) ? w : lw;
	}
	return lw + 12 < most ? lw + 12 : most;
}

/* The height of field f after a column of labels lw wide; label_w: the
 * width its label takes. */
static double field_height(struct pdf *p, const struct rfield *f, double lw, double *label_w,
			   struct buf *v)
{
	*label_w = lw - 12;
	if (f->value.kind == CELL_BLANK)
		return blank_height(p, f, lw, label_w);
	const char *s = render_cell(v, &f->value, CELL_HUMAN);
	double hl = pdf_height(p, f->label, 10, 0, *label_w);
	double hv = pdf_height(p, *s ? s : "-", 10, 0, pdf_text_w(p) - lw);
	return hl > hv ? hl : hv;
}

/* The height b's fields take, all on one page. */
static double fields_height(struct pdf *p, const struct block *b)
{
	struct buf v = {0};
	double lw = labels_w(p, b), h = 0, label_w;
	for (size_t i = 0; i < b->nfields; i++)
		h += field_height(p, &b->fields[i], lw, &label_w, &v) + 2;
	buf_free(&v);
	return h;
}

static void fields(struct buf *out, const struct block *b)
{
	(void)out;
	struct pdf *p = pdf_the;
	struct buf v = {0};
	double lw = labels_w(p, b), *ys = xcalloc(b->nfields + 1, sizeof *ys);
	if (to_sign(b) && !taller_than_page(p, fields_height(p, b)))
		pdf_need(p, fields_height(p, b)); /* whole, as block_start() has it */
	size_t page = 0; /* the first field on this page */
	for (size_t i = 0; i < b->nfields; i++) {
		const struct rfield *f = &b->fields[i];
		int blank = f->value.kind == CELL_BLANK;
		double label_w, h = field_height(p, f, lw, &label_w, &v);
		int pages = p->page;
		if (p->y + h > pdf_bottom(p) && p->y > TOP) /* pdf_need() turns the page: this one's first */
			values(p, b, page, i, ys, lw);
		pdf_need(p, h);
		if (p->page != pages)
			page = i;
		pdf_gray(p, 0.3);
		pdf_text(p, f->label, 10, 0, MARGIN, p->y + (blank ? 8 : 0), label_w,
			 LEFT);
		if (blank) { /* a line to write on, in black (drawn at the page's end) */
			pdf_gray(p, 0);
			pdf_rule(p, MARGIN + lw, MARGIN + lw + pdf_text_w(p) * 0.5, p->y + h - 2, 0.6);
		}
		ys[i] = p->y;
		p->y += h + 2;
	}
	values(p, b, page, b->nfields, ys, lw);
	free(ys);
	buf_free(&v);
}

/* s at x, wrapped at width, line by line from p->y down, the page turned
 * where a line would pass its foot: a text taller than a page (a long
 * evaluation summary) runs on, where drawn whole its end was cut off.
 * A layout of its own: turning the page lays the header out on p->lay. */
static void flow(struct pdf *p, const char *s, double x, double width)
{
	PangoLayout *lay = pdf_layout(p, s, 10, 0, width, LEFT);
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pdf_need(p, (double)(y1 - y0) / PANGO_SCALE);
		pdf_show_line(p, it, x, p->y);
		p->y += (double)(y1 - y0) / PANGO_SCALE;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(lay);
}

static void paragraph(struct buf *out, const char *s, size_t i, size_t n)
{
	(void)out, (void)n;
	struct pdf *p = pdf_the;
	double h = pdf_height(p, s, 10, 0, pdf_text_w(p));
	if (taller_than_page(p, h))
		flow(p, s, MARGIN, pdf_text_w(p));
	else {
		pdf_need(p, h);
		p->y += pdf_text(p, s, 10, 0, MARGIN, p->y, pdf_text_w(p), LEFT);
	}
	p->y += i + 1 < n ? 6 : 2;
}

static void item(struct buf *out, const char *s, size_t i, size_t n)
{
	(void)out, (void)i, (void)n;
	struct pdf *p = pdf_the;
	double h = pdf_height(p, s, 10, 0, pdf_text_w(p) - 12);
	int tall = taller_than_page(p, h);
	pdf_need(p, tall ? 30 : h); /* the bullet with a line or two of its text */
	pdf_text(p, "\xe2\x80\xa2", 10, 0, MARGIN, p->y, 0, LEFT); /* a bullet */
	if (tall)
		flow(p, s, MARGIN + 12, pdf_text_w(p) - 12);
	else
		p->y += pdf_text(p, s, 10, 0, MARGIN + 12, p->y, pdf_text_w(p) - 12, LEFT);
	p->y += 2;
}

static void tail(struct buf *out, const struct report *r)
{
	(void)out;
	struct pdf *p = pdf_the;
	if (!r->stamp)
		return;
	p->y += 12;
	pdf_need(p, pdf_height(p, r->stamp, 9, 0, pdf_text_w(p)));
	pdf_gray(p, 0.3);
	p->y += pdf_text(p, r->stamp, 9, 0, MARGIN, p->y, pdf_text_w(p), LEFT);
	pdf_gray(p, 0);
}

static const struct doc_format pdf_format = {head,      section,   NULL, block, NULL, fields,
					     pdf_table, paragraph, item, tail,  pdf_chart};

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
	pdf_the = p;
	render_document(p->r, &pdf_format, out);
	pdf_the = NULL;
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
