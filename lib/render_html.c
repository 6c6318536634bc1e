/* render_html.c: a report as one self-contained HTML file: inline CSS for
 * the screen and for A4 paper, no script, no fonts or images from
 * elsewhere.  Every text is escaped (& < > " ') wherever it goes, in the
 * title as much as in a table cell. */
#include <string.h>

#include "output.h"

static const char style[] =
	"@page { size: A4; margin: 18mm 16mm 20mm; }\n"
	"body { font: 10.5pt/1.4 \"DejaVu Sans\", Arial, Helvetica, sans-serif; color: #111;"
	" max-width: 178mm; margin: 2em auto; padding: 0 1em; }\n"
	"h1 { font-size: 17pt; margin: 0 0 2pt; }\n"
	"h2 { font-size: 12.5pt; margin: 18pt 0 6pt; padding-bottom: 2pt;"
	" border-bottom: 1px solid #555; break-after: avoid; page-break-after: avoid; }\n"
	"h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }\n"
	".subtitle { margin: 0 0 12pt; color: #333; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }\n"
	"th, td { border: 1px solid #999; padding: 2pt 5pt; text-align: left;"
	" vertical-align: top; }\n"
	"thead th { background: #e8e8e8; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"tfoot { display: table-row-group; }\n" /* the total once, at the end, not on every page */
	"tfoot td { font-weight: bold; border-top: 2px solid #555; }\n"
	".num { text-align: right; white-space: nowrap; }\n"
	"table.wide { font-size: 8.5pt; }\n"
	"table.short { break-inside: avoid; page-break-inside: avoid; }\n"
	"table.fields { width: auto; min-width: 60%; }\n"
	"table.fields th, table.fields td { border: none; padding: 1pt 12pt 1pt 0; }\n"
	"table.fields th { font-weight: normal; color: #444; white-space: nowrap; }\n"
	".blank { display: inline-block; width: 110mm; height: 1.6em;"
	" border-bottom: 1px solid #111; }\n"
	/* a block to sign whole on a page, and the sentence before it with it */
	"table.fields:has(.blank) { break-inside: avoid; page-break-inside: avoid; }\n"
	"p:has(+ table.fields .blank), p:has(+ h3 + table.fields .blank) { break-inside: avoid;"
	" page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }\n"
	"p, ul { margin: 4pt 0 8pt; }\n"
	"footer { margin-top: 18pt; font-size: 9pt; color: #444; }\n"
	"@media print { body { max-width: none; margin: 0; padding: 0; } }\n";

/* Only in a report with charts, so that the others stay as they were. */
static const char chart_style[] =
	"figure.chart { margin: 6pt 0 10pt; }\n"
	"figure.chart svg { display: block; width: 100%; height: auto; max-height: 80mm;"
	" break-inside: avoid; page-break-inside: avoid; }\n"
	"figure.chart figcaption { font-size: 9pt; color: #444; margin: 2pt 0 4pt; }\n"
	"table.chart-data { font-size: 8.5pt; }\n";

/* s with & < > " ' as entities, and line breaks as <br> where they may be. */
static void put(struct buf *out, const char *s, int breaks)
{
	render_escape_xml(out, s, breaks ? "<br>\n" : " ");
}

/* <tag>s</tag> on a line; tag may carry attributes */
static void element(struct buf *out, const char *tag, const char *s, int breaks)
{
	buf_printf(out, "<%s>", tag);
	put(out, s, breaks);
	buf_printf(out, "</%.*s>\n", (int)strcspn(tag, " "), tag);
}

static void cell(struct buf *out, const struct cell *c)
{
	char tmp[32];
	if (c->kind == CELL_BLANK)
		buf_puts(out, "<span class=\"blank\"></span>");
	else
		put(out, cell_format(c, CELL_HUMAN, tmp), 1);
}

static void fields(struct buf *out, const struct block *b)
{
	buf_puts(out, "<table class=\"fields\">\n");
	for (size_t i = 0; i < b->nfields; i++) {
		buf_puts(out, "<tr><th scope=\"row\">");
		put(out, b->fields[i].label, 0);
		buf_puts(out, "</th><td>");
		cell(out, &b->fields[i].value);
		buf_puts(out, "</td></tr>\n");
	}
	buf_puts(out, "</table>\n");
}

static void row(struct buf *out, const struct rtable *t, size_t r)
{
	buf_puts(out, "<tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		buf_puts(out, t->cols[c].flags & RCOL_NUMBER ? "<td class=\"num\">" : "<td>");
		cell(out, rtable_cell(t, r, c));
		buf_puts(out, "</td>");
	}
	buf_puts(out, "</tr>\n");
}

static void table(struct buf *out, const struct rtable *t)
{
	size_t rows = rtable_rows(t), body = t->total < rows ? t->total : rows;
	/* many columns fit A4 upright in a smaller type; a short table is
	 * kept on one printed page */
	int shrt = rows <= RTABLE_SHORT_ROWS;
	const char *class = t->ncols > 7 ? shrt ? "wide short" : "wide" : shrt ? "short" : NULL;
	buf_puts(out, "<table");
	if (class)
		buf_printf(out, " class=\"%s\"", class);
	buf_puts(out, ">\n<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		buf_puts(out, t->cols[c].flags & RCOL_NUMBER ? "<th class=\"num\">" : "<th>");
		put(out, t->cols[c].title, 0);
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < body; r++)
		row(out, t, r);
	buf_puts(out, "</tbody>\n");
	if (body < rows) {
		buf_puts(out, "<tfoot>\n");
		for (size_t r = body; r < rows; r++)
			row(out, t, r);
		buf_puts(out, "</tfoot>\n");
	}
	buf_puts(out, "</table>\n");
}

static void block(struct buf *out, const struct block *b, size_t i)
{
	(void)i;
	if (b->title)
		element(out, "h3", b->title, 0);
}

static void paragraph(struct buf *out, const char *text, size_t i, size_t n)
{
	(void)i, (void)n;
	element(out, "p", text, 1);
}

static void item(struct buf *out, const char *text, size_t i, size_t n)
{
	if (i == 0)
		buf_puts(out, "<ul>\n");
	element(out, "li", text, 1);
	if (i + 1 == n)
		buf_puts(out, "</ul>\n");
}

static void minutes(struct buf *out, long v)
{
	struct cell c = cell_minutes(v);
	buf_puts(out, "<td class=\"num\">");
	if (v != CHART_NONE)
		cell(out, &c);
	buf_puts(out, "</td>");
}

/* The chart as SVG (chart.c), what it shows in words, and its numbers in
 * a table: for a screen reader, and for whoever wants the figures. */
static void chart(struct buf *out, const struct block *b)
{
	const struct rchart *c = &b->chart;
	int total = c->nseries > 1;
	buf_puts(out, "<figure class=\"chart\">\n");
	chart_svg(c, b->title ? b->title : c->desc, out);
	if (c->desc)
		element(out, "figcaption", c->desc, 0);
	buf_puts(out, "<table class=\"chart-data\">\n<thead><tr><th>");
	put(out, c->axis ? c->axis : "", 0);
	buf_puts(out, "</th>");
	for (size_t s = 0; s < c->nseries; s++) {
		buf_puts(out, "<th class=\"num\">");
		put(out, c->series[s].label, 0);
		buf_puts(out, "</th>");
	}
	if (total) {
		buf_puts(out, "<th class=\"num\">");
		put(out, _("total"), 0);
		buf_puts(out, "</th>");
	}
	if (c->line_key) {
		buf_puts(out, "<th class=\"num\">");
		put(out, c->line_label, 0);
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < c->nbars; i++) {
		const struct rbar *bar = &c->bars[i];
		buf_puts(out, "<tr data-bar=\"");
		put(out, bar->key, 0);
		buf_puts(out, "\"><td>");
		put(out, bar->label, 0);
		buf_puts(out, "</td>");
		for (size_t s = 0; s < c->nseries; s++)
			minutes(out, bar->v ? bar->v[s] : CHART_NONE);
		if (total)
			minutes(out, bar->v ? rchart_sum(c, i) : CHART_NONE);
		if (c->line_key)
			minutes(out, bar->line);
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</tbody>\n</table>\n</figure>\n");
}

static void head(struct buf *out, const struct report *r)
{
	buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
		   lang_current());
	buf_puts(out, "<title>");
	put(out, r->title, 0);
	if (r->subtitle) {
		buf_puts(out, " \xe2\x80\x94 "); /* an em dash */
		put(out, r->subtitle, 0);
	}
	buf_printf(out, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n<h1>", style,
		   r->ncharts ? chart_style : "");
	put(out, r->title, 0);
	buf_puts(out, "</h1>\n");
	if (r->subtitle)
		element(out, "p class=\"subtitle\"", r->subtitle, 1);
}

static void section(struct buf *out, const struct section *sec, size_t i)
{
	(void)i;
	buf_puts(out, "<section>\n");
	if (sec->title) /* a tool's one table has none */
		element(out, "h2", sec->title, 0);
}

static void section_end(struct buf *out, const struct section *sec)
{
	(void)sec;
	buf_puts(out, "</section>\n");
}

static void tail(struct buf *out, const struct report *r)
{
	if (r->stamp)
		element(out, "footer", r->stamp, 0);
	buf_puts(out, "</body>\n</html>\n");
}

static const struct doc_format html = {head,   section, section_end, block, NULL,  fields,
				       table,  paragraph, item,      tail,  chart};

const struct renderer render_html = {"html", "html", NULL, &html};
