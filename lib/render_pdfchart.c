/* render_pdfchart.c: a report's chart in the PDF, laid out by chart.c as
 * the HTML's SVG is: the scale, the bars, the dashed line and the legend,
 * drawn at once (not kept to the page's end, as its rules are). */
#include "renderpdf.h"

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
		pdf_text(p, s, g->font, 0, x, top, 0, LEFT);
	else
		pdf_text(p, s, g->font, 0, align == RIGHT ? x - 80 : x - 40, top, 80, align);
}

static void chart_scale(struct pdf *p, const struct rchart *c, const struct chart_geom *g)
{
	char hours[24];
	pdf_gray(p, 0.8);
	for (long v = g->step; v <= g->max; v += g->step)
		pdf_rule(p, g->left, g->right, chart_y(g, v), 0.5);
	pdf_gray(p, 0.2);
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
	pdf_gray(p, 0.2);
	pdf_rule(p, g->left, g->right, g->bottom, 0.8);
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
		pdf_gray(p, 0.2);
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
		pdf_gray(p, 0.2);
		label(p, g, c->line_label, x + 17, g->legend_y, LEFT);
	}
}

void pdf_chart(struct buf *out, const struct block *b)
{
	(void)out;
	struct pdf *p = pdf_the;
	const struct rchart *c = &b->chart;
	struct chart_geom g;
	chart_layout(c, pdf_text_w(p), CHART_H, &g);
	pdf_need(p, CHART_H + 4);
	if (p->drawing) {
		cairo_save(p->cr);
		cairo_translate(p->cr, MARGIN, p->y);
		p->now = 1;
		chart_scale(p, c, &g);
		chart_bars(p, c, &g);
		chart_legend(p, c, &g);
		p->now = 0;
		cairo_restore(p->cr);
		pdf_gray(p, 0);
	}
	p->y += CHART_H + 4;
	if (c->desc) {
		pdf_need(p, pdf_height(p, c->desc, 8.5, 0, pdf_text_w(p)));
		pdf_gray(p, 0.3);
		p->y += pdf_text(p, c->desc, 8.5, 0, MARGIN, p->y, pdf_text_w(p), LEFT) + 2;
		pdf_gray(p, 0);
	}
}
