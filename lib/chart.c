/* chart.c: a chart of the report model (report.c) laid out once, and
 * written as SVG.  The layout is the same for every format that draws
 * (render_html.c inlines the SVG, render_pdf.c draws it with cairo), so a
 * chart on paper is the chart on the screen: a scale of hours in round
 * steps, a bar per week (or whatever the chart counts), its stack of
 * series from the bottom, a line over the bars that may step, and a
 * legend above.  The SVG is plain: no script, no style sheet or font from
 * elsewhere, a <title> and <desc> for screen readers, and each bar's
 * minutes in data-minutes, for a test or a program to read back. */
#include <string.h>

#include "output.h"

#define GAP 0.3   /* of a bar's slot, left empty */
#define BARW 28.0 /* the widest a bar gets */

/* Okabe and Ito's colours, which the colour-blind tell apart too: blue,
 * orange, bluish green, reddish purple, sky blue, yellow; then grey. */
static const char *const colors[] = {"#0072b2", "#e69f00", "#009e73", "#cc79a7",
				     "#56b4e9", "#f0e442", "#999999"};
#define NCOLORS (sizeof colors / sizeof *colors)
static const char line_color[] = "#d55e00"; /* vermillion */

static const char *rgb_of(const char *hex, double rgb[3])
{
	if (rgb) {
		unsigned v = 0;
		for (const char *p = hex + 1; *p; p++)
			v = v * 16 + (unsigned)(*p <= '9' ? *p - '0' : *p - 'a' + 10);
		rgb[0] = (double)(v >> 16 & 0xff) / 255;
		rgb[1] = (double)(v >> 8 & 0xff) / 255;
		rgb[2] = (double)(v & 0xff) / 255;
	}
	return hex;
}

const char *chart_color(size_t series, double rgb[3])
{
	return rgb_of(colors[series < NCOLORS ? series : NCOLORS - 1], rgb);
}

const char *chart_line_color(double rgb[3])
{
	return rgb_of(line_color, rgb);
}

/* How wide text is about to be, in a font of size points: no font is at
 * hand, so a generous average; what is laid out by it leaves room. */
static double est_width(const char *s, double size)
{
	return (double)utf8_width(s, strlen(s)) * size * 0.6;
}

/* A round step between grid lines: at most five of them up to max. */
static long round_step(long max)
{
	static const long steps[] = {15, 30, 60, 120, 300, 600, 1200, 3000, 6000, 12000, 30000};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
		if (max <= 5 * steps[i])
			return steps[i];
	return (max / 5 / 60000 + 1) * 60000;
}

void chart_layout(const struct rchart *c, double w, double h, struct chart_geom *g)
{
	memset(g, 0, sizeof *g);
	g->w = w;
	g->h = h;
	g->font = 8;
	long max = 0;
	for (size_t i = 0; i < c->nbars; i++) {
		long sum = rchart_sum(c, i), line = c->bars[i].line;
		max = sum > max ? sum : max;
		max = line != CHART_NONE && line > max ? line : max;
	}
	g->step = round_step(max > 60 ? max : 60);
	g->max = (max + g->step - 1) / g->step * g->step;
	g->max = g->max ? g->max : g->step;
	char label[24];
	lang_hours(g->max, label);
	g->legend_y = g->font + 1;
	double lw = est_width(label, g->font), uw = est_width(_("hours"), g->font);
	double aw = c->axis ? est_width(c->axis, g->font) : 0;
	lw = lw > uw ? lw : uw;
	g->left = 2 + (lw > aw ? lw : aw) + 6; /* the scale's labels, its unit, the axis' */
	g->right = w - 6;
	g->top = g->legend_y + g->font + 4;
	g->bottom = h - g->font - 6;
	size_t n = c->nbars ? c->nbars : 1;
	g->slot = (g->right - g->left) / (double)n;
	g->barw = g->slot * (1 - GAP) < BARW ? g->slot * (1 - GAP) : BARW;
	double tick = 0;
	for (size_t i = 0; i < c->nbars; i++) {
		double tw = c->bars[i].tick ? est_width(c->bars[i].tick, g->font) : 0;
		tick = tw > tick ? tw : tick;
	}
	g->tick_every = 1;
	while ((double)g->tick_every * g->slot < tick + 6)
		g->tick_every++;
}

double chart_x(const struct chart_geom *g, size_t bar)
{
	return g->left + (double)bar * g->slot + (g->slot - g->barw) / 2;
}

double chart_y(const struct chart_geom *g, long minutes)
{
	return g->bottom - (g->bottom - g->top) * (double)minutes / (double)g->max;
}

double chart_legend_x(const struct chart_geom *g, const struct rchart *c, size_t i)
{
	double x = g->left;
	for (size_t k = 0; k < i && k < c->nseries + 1; k++) {
		const char *label = k < c->nseries ? c->series[k].label : c->line_label;
		x += (k < c->nseries ? 12 : 18) + est_width(label ? label : "", g->font) + 12;
	}
	return x;
}

/* ---- SVG ---- */

static void put(struct buf *out, const char *s)
{
	render_escape_xml(out, s ? s : "", " ");
}

static void text(struct buf *out, double x, double y, const char *anchor, const char *cls,
		 const char *s)
{
	buf_printf(out, "<text class=\"%s\" x=\"%.2f\" y=\"%.2f\"%s%s%s>", cls, x, y,
		   anchor ? " text-anchor=\"" : "", anchor ? anchor : "", anchor ? "\"" : "");
	put(out, s);
	buf_puts(out, "</text>\n");
}

static void grid(struct buf *out, const struct chart_geom *g, const char *axis)
{
	char label[24];
	buf_puts(out, "<g class=\"grid\" stroke=\"#cccccc\" stroke-width=\"0.5\">\n");
	for (long v = g->step; v <= g->max; v += g->step)
		buf_printf(out, "<line class=\"grid\" data-minutes=\"%ld\" x1=\"%.2f\" y1=\"%.2f\" "
				"x2=\"%.2f\" y2=\"%.2f\"/>\n",
			   v, g->left, chart_y(g, v), g->right, chart_y(g, v));
	buf_puts(out, "</g>\n<g class=\"scale\" fill=\"#333333\">\n");
	for (long v = 0; v <= g->max; v += g->step) {
		lang_hours(v, label);
		text(out, g->left - 4, chart_y(g, v) + g->font * 0.35, "end", "hours", label);
	}
	text(out, g->left - 4, g->legend_y, "end", "unit", _("hours"));
	if (axis)
		text(out, g->left - 4, g->h - 2, "end", "unit", axis);
	buf_puts(out, "</g>\n");
}

void chart_pieces(const struct rchart *c, const struct chart_geom *g,
		  void (*piece)(const struct rchart *c, size_t bar, size_t series, double y0,
				double y1, void *arg),
		  void *arg)
{
	for (size_t i = 0; i < c->nbars; i++) {
		const struct rbar *b = &c->bars[i];
		long below = 0;
		for (size_t s = 0; b->v && s < c->nseries; s++) {
			if (b->v[s] <= 0)
				continue;
			piece(c, i, s, chart_y(g, below), chart_y(g, below + b->v[s]), arg);
			below += b->v[s];
		}
	}
}

struct svg {
	struct buf *out;
	const struct chart_geom *g;
};

static void rect(const struct rchart *c, size_t bar, size_t s, double y0, double y1, void *arg)
{
	const struct svg *v = arg;
	const struct rbar *b = &c->bars[bar];
	char hm[32];
	struct cell m = cell_minutes(b->v[s]);
	buf_printf(v->out, "<rect class=\"bar\" data-bar=\"");
	put(v->out, b->key);
	buf_printf(v->out, "\" data-series=\"");
	put(v->out, c->series[s].key);
	buf_printf(v->out, "\" data-minutes=\"%ld\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
			   "height=\"%.2f\" fill=\"%s\"><title>",
		   b->v[s], chart_x(v->g, bar), y1, v->g->barw, y0 - y1, chart_color(s, NULL));
	put(v->out, b->label);
	buf_puts(v->out, ", ");
	put(v->out, c->series[s].label);
	buf_puts(v->out, ": ");
	put(v->out, cell_format(&m, CELL_HUMAN, hm));
	buf_puts(v->out, "</title></rect>\n");
}

static void bars(struct buf *out, const struct rchart *c, const struct chart_geom *g)
{
	struct svg v = {out, g};
	buf_puts(out, "<g class=\"bars\">\n");
	chart_pieces(c, g, rect, &v);
	buf_puts(out, "</g>\n");
}

/* The line as steps: level over each bar, up or down between them. */
static void line(struct buf *out, const struct rchart *c, const struct chart_geom *g)
{
	int open = 0;
	for (size_t i = 0; i < c->nbars; i++) {
		const struct rbar *b = &c->bars[i];
		double x0 = g->left + (double)i * g->slot, x1 = x0 + g->slot;
		if (b->line == CHART_NONE) {
			if (open)
				buf_puts(out, "\"/>\n");
			open = 0;
			continue;
		}
		if (!open) {
			buf_puts(out, "<path class=\"line\" data-key=\"");
			put(out, c->line_key);
			buf_printf(out, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" "
					"stroke-dasharray=\"5 3\" d=\"M%.2f %.2f",
				   line_color, x0, chart_y(g, b->line));
			open = 1;
		} else
			buf_printf(out, " V%.2f", chart_y(g, b->line));
		buf_printf(out, " H%.2f", x1);
	}
	if (open)
		buf_puts(out, "\"/>\n");
}

static void legend(struct buf *out, const struct rchart *c, const struct chart_geom *g)
{
	buf_puts(out, "<g class=\"legend\" fill=\"#333333\">\n");
	for (size_t s = 0; s < c->nseries; s++) {
		double x = chart_legend_x(g, c, s);
		buf_printf(out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"8\" height=\"8\" fill=\"%s\"/>\n",
			   x, g->legend_y - 7, chart_color(s, NULL));
		text(out, x + 11, g->legend_y, NULL, "legend", c->series[s].label);
	}
	if (c->line_key) {
		double x = chart_legend_x(g, c, c->nseries);
		buf_printf(out, "<path d=\"M%.2f %.2f h14\" stroke=\"%s\" stroke-width=\"1.5\" "
				"stroke-dasharray=\"5 3\"/>\n",
			   x, g->legend_y - 3, line_color);
		text(out, x + 17, g->legend_y, NULL, "legend", c->line_label);
	}
	buf_puts(out, "</g>\n");
}

void chart_svg(const struct rchart *c, const char *title, struct buf *out)
{
	struct chart_geom g;
	chart_layout(c, 640, 220, &g);
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
			"viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
			"aria-labelledby=\"chart%d-title chart%d-desc\" "
			"font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"%.0f\">\n",
		   g.w, g.h, g.w, g.h, c->id, c->id, g.font);
	buf_printf(out, "<title id=\"chart%d-title\">", c->id);
	put(out, title);
	buf_printf(out, "</title>\n<desc id=\"chart%d-desc\">", c->id);
	put(out, c->desc);
	buf_puts(out, "</desc>\n");
	grid(out, &g, c->axis);
	bars(out, c, &g);
	if (c->line_key)
		line(out, c, &g);
	buf_printf(out, "<line class=\"axis\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" "
			"stroke=\"#333333\" stroke-width=\"0.8\"/>\n",
		   g.left, g.bottom, g.right, g.bottom);
	buf_puts(out, "<g class=\"ticks\" fill=\"#333333\">\n");
	for (size_t i = 0; i < c->nbars; i += g.tick_every)
		if (c->bars[i].tick)
			text(out, chart_x(&g, i) + g.barw / 2, g.bottom + g.font + 3, "middle", "tick",
			     c->bars[i].tick);
	buf_puts(out, "</g>\n");
	legend(out, c, &g);
	buf_puts(out, "</svg>\n");
}
