/* renderpdf.h: the PDF renderer's own header, shared by render_pdf.c
 * (pages, text, the document), render_pdftable.c (tables) and
 * render_pdfchart.c (charts); no other module includes it, and only
 * cp-report links them, with cairo and pango. */
#ifndef CP_RENDERPDF_H
#define CP_RENDERPDF_H

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "output.h"

#define A4_W 595.276 /* A4 upright, in points */
#define A4_H 841.89
#define MARGIN 51.0 /* 18 mm */
#define TOP (MARGIN + 22.0) /* below the page header */
#define PAD 3.0                      /* around a table cell's text */
#define FONT "DejaVu Sans, sans-serif"

enum { LEFT, RIGHT, CENTER };

#define CHART_H 180.0 /* a chart's height; it is as wide as the text */

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

/* A table's cells' texts and its columns' widths, worked out when the
 * first pass meets it, and kept for the second. */
struct laid {
	const struct rtable *t;
	const char **cells;
	struct buf store; /* their texts */
	double *w;
	double size; /* of the letters */
};

extern struct pdf *pdf_the; /* the document being drawn */

/* ---- render_pdf.c: the page and its text ---- */

double pdf_text_w(const struct pdf *p);  /* the width text may take */
double pdf_bottom(const struct pdf *p); /* above the page footer */
/* s laid out (wrapped at width, 0: not), its height; drawn at x, y in the
 * second pass.  align: LEFT, RIGHT or CENTER. */
double pdf_text(struct pdf *p, const char *s, double size, int bold, double x, double y,
		double width, int align);
double pdf_height(struct pdf *p, const char *s, double size, int bold, double width);
/* s laid out as pdf_text() lays it out, in a new layout: unref it */
PangoLayout *pdf_layout(struct pdf *p, const char *s, double size, int bold, double width,
			int align);
/* The line at it of such a layout drawn with its top at x, y (when drawing):
 * a text taller than a page goes on paper line by line, the page turned
 * between two. */
void pdf_show_line(struct pdf *p, PangoLayoutIter *it, double x, double y);
double pdf_text_width(struct pdf *p, const char *s, double size, int bold); /* on one line */
void pdf_rule(struct pdf *p, double x0, double x1, double y, double width); /* a line across */
void pdf_gray(struct pdf *p, double level); /* the gray drawn in: 0 black */
void pdf_need(struct pdf *p, double h);     /* room for h points more, or a new page */

/* ---- render_pdftable.c ---- */

/* t laid out for drawing (once per document): the height that must go on
 * a page together; the header row again on a new page; the table drawn. */
double pdf_table_start(struct pdf *p, const struct rtable *t);
void pdf_table_head(struct pdf *p);
void pdf_table(struct buf *out, const struct rtable *t);

/* ---- render_pdfchart.c ---- */

void pdf_chart(struct buf *out, const struct block *b);

#endif
