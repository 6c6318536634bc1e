/* test-report: typed cells, and each renderer's escaping of hostile text
 * in titles, fields, table cells, paragraphs and lists. */
#include <stdlib.h>

#include "coachplan.h"
#include "tap.h"

static const char *fmt(struct cell c, int flags)
{
	static char buf[4][32];
	static int turn;
	turn = (turn + 1) % 4;
	const char *s = cell_format(&c, flags, buf[turn]);
	if (s != buf[turn])
		snprintf(buf[turn], 32, "%s", s);
	return buf[turn];
}

static void cells(void)
{
	is_str(fmt(cell_minutes(90), CELL_HUMAN), "1:30", "minutes for people");
	is_str(fmt(cell_minutes(90), 0), "90", "minutes for programs");
	is_str(fmt(cell_minutes(-75), CELL_HUMAN), "-1:15", "negative minutes (over budget)");
	is_str(fmt(cell_percent(1, 3), CELL_HUMAN), "33.3%", "a share, rounded");
	is_str(fmt(cell_percent(2, 3), 0), "66.7", "a share for programs");
	is_str(fmt(cell_percent(1, 2000), 0), "0.1", "half a tenth rounds up");
	is_str(fmt(cell_percent(-1, 3), 0), "-33.3", "a negative share");
	is_str(fmt(cell_percent(-1, 2000), 0), "-0.1", "... rounded away from zero");
	is_int(cell_percent(5, 0).kind, CELL_EMPTY, "no share of nothing");
	is_str(fmt(cell_date(date_from_ymd(2026, 3, 2)), 0), "2026-03-02", "a date");
	is_int(cell_date(DATE_NONE).kind, CELL_EMPTY, "no date is empty");
	is_int(cell_date(PERIOD_OPEN_TO).kind, CELL_EMPTY, "a period's open end is no date");
	is_int(cell_date(PERIOD_OPEN_FROM).kind, CELL_EMPTY, "... nor its open start");
	is_int(cell_day(PERIOD_OPEN_TO).kind, CELL_EMPTY, "... in a table's rows either");
	is_int(cell_text("").kind, CELL_EMPTY, "no text is empty");
	is_str(fmt(cell_word("onsite", "on site"), CELL_HUMAN), "on site", "a word for people");
	is_str(fmt(cell_word("onsite", "on site"), 0), "onsite", "a word for programs");
	is_str(fmt(cell_blank(), CELL_HUMAN), "", "a blank has no text");
}

static const char hostile[] = "<b>\"Jan\" & 'Piet'</b>, =SUM(A1) | *x* _y_ [z]\nline 2";

static struct report *sample(void)
{
	struct report *r = report_new("test", "Title <i>");
	report_subtitle(r, "# not a heading");
	report_section(r, "s", "Section & co");
	report_field(r, "name", "Name", cell_text(hostile));
	report_field(r, "bad", "Bad UTF-8", cell_text("a\xff" "b\x01" "c"));
	struct rtable *t = report_table(r, "t", "Table");
	report_main(r);
	rtable_col(t, "note", "note", 0);
	rtable_col(t, "minutes", "minutes", RCOL_NUMBER);
	rtable_add(t, cell_text(hostile));
	rtable_add(t, cell_minutes(61));
	rtable_add(t, cell_text("-5"));
	rtable_add(t, cell_minutes(5));
	rtable_total(t);
	rtable_add(t, cell_text("total"));
	rtable_add(t, cell_minutes(66));
	report_text(r, "p", NULL, "1. not a list\n- nor this");
	report_item(r, "l", "List", "+ item");
	return r;
}

static char *rendered(const struct renderer *f)
{
	struct report *r = sample();
	struct buf b = {0};
	report_render(r, f, &b);
	report_free(r);
	return (char *)buf_str(&b);
}

static void html(void)
{
	char *s = rendered(&render_html);
	ok(strstr(s, "<title>Title &lt;i&gt;") != NULL, "HTML: the title escaped");
	ok(strstr(s, "&lt;b&gt;&quot;Jan&quot; &amp; &#39;Piet&#39;&lt;/b&gt;") != NULL,
	   "HTML: & < > \" ' as entities");
	ok(strstr(s, "<b>") == NULL && strstr(s, "<i>") == NULL, "HTML: no tag from the text");
	ok(strstr(s, "line 2") != NULL && strstr(s, "<br>\nline 2") != NULL,
	   "HTML: a line break as <br>");
	ok(strstr(s, "a\xef\xbf\xbd" "b c") != NULL, "HTML: bad UTF-8 replaced, control bytes spaced");
	ok(strstr(s, "<tfoot>\n<tr><td>total</td><td class=\"num\">1:06</td>") != NULL,
	   "HTML: the total in tfoot");
	free(s);
}

static void markdown(void)
{
	char *s = rendered(&render_markdown);
	ok(strstr(s, "# Title \\<i\\>\n") != NULL, "Markdown: the title escaped");
	ok(strstr(s, "\\# not a heading") != NULL, "Markdown: # at a line start");
	ok(strstr(s, "\\<b\\>\"Jan\" \\& 'Piet'\\</b\\>, =SUM(A1) \\| \\*x\\* \\_y\\_ \\[z\\] line 2") != NULL,
	   "Markdown: a cell escaped, its line break a space");
	ok(strstr(s, "1\\. not a list\\\n\\- nor this") != NULL,
	   "Markdown: list markers at line starts escaped, line break kept");
	ok(strstr(s, "- \\+ item") != NULL, "Markdown: a list item's own marker escaped");
	ok(strstr(s, "| **total** | **1:06** |") != NULL, "Markdown: the total in bold");
	free(s);
}

static void csv(void)
{
	char *s = rendered(&render_csv);
	is_str(s,
	       "note,minutes\n"
	       "\"<b>\"\"Jan\"\" & 'Piet'</b>, =SUM(A1) | *x* _y_ [z]\nline 2\",61\n"
	       "'-5,5\n",
	       "CSV: the main table, quoted, formulas neutralised, no total");
	free(s);
}

static void json(void)
{
	char *s = rendered(&render_json);
	ok(strstr(s, "\"name\": \"<b>\\\"Jan\\\" & 'Piet'</b>, =SUM(A1) | *x* _y_ [z]\\nline 2\"") !=
		   NULL,
	   "JSON: quotes and line breaks escaped");
	ok(strstr(s, "\"total\": {\"note\": \"total\", \"minutes\": 66}") != NULL,
	   "JSON: minutes as numbers, the total apart");
	ok(strstr(s, "a\xef\xbf\xbd" "b c") != NULL, "JSON: bad UTF-8 replaced");
	free(s);
}

static void text(void)
{
	char *s = rendered(&render_text);
	ok(strstr(s, "Title <i>\n=========\n") != NULL, "text: the title underlined");
	ok(strstr(s, "[z] line 2") != NULL, "text: a field's line break a space");
	ok(strstr(s, "\ntotal ") != NULL && strstr(s, " 1:06\n") != NULL, "text: a total row");
	free(s);
}

static void finding(void)
{
	ok(renderer_find("md") == &render_markdown, "md is markdown");
	ok(renderer_find("HTML") == &render_html, "HTML is html");
	ok(renderer_find("txt") == &render_text, "txt is text");
	ok(renderer_find("pdf") == NULL, "no pdf yet");
	is_str(renderer_choices(), "text (or table), markdown, html, csv, excel or json",
	       "the choices, table among them");
}

/* report_fields: a fields block of its own, with a heading, that the
 * fields after it join; a field after a table starts one without. */
static void field_blocks(void)
{
	struct report *r = report_new("logbook", "Logbook");
	report_section(r, "signatures", "Signatures");
	report_field(r, "a", "A", cell_text("1"));
	report_fields(r, "coach", "Coach");
	report_field(r, "coach_name", "Name", cell_text("robin"));
	report_field(r, "coach_date", "Date", cell_blank());
	report_fields(r, "employee", "Employee");
	report_field(r, "employee_name", "Name", cell_text("Bart"));
	struct rtable *t = report_table(r, "t", NULL);
	rtable_col(t, "x", "x", 0);
	rtable_add(t, cell_text("y"));
	report_field(r, "b", "B", cell_text("2"));
	const struct section *sec = r->sections[0];
	is_int((int)sec->nblocks, 5, "report_fields: a block each, and one after the table");
	ok(sec->blocks[1]->kind == BLOCK_FIELDS && !strcmp(sec->blocks[1]->title, "Coach") &&
		   sec->blocks[1]->nfields == 2 && !strcmp(sec->blocks[1]->key, "coach"),
	   "report_fields: its title and key, the fields after it in it");
	ok(sec->blocks[0]->nfields == 1 && !sec->blocks[0]->title,
	   "report_fields: the fields before it stay in theirs");
	ok(sec->blocks[4]->kind == BLOCK_FIELDS && !sec->blocks[4]->title &&
		   sec->blocks[4]->nfields == 1,
	   "report_field after a table: a fields block without a heading");
	struct buf b = {0};
	report_render(r, &render_text, &b);
	ok(strstr(buf_str(&b), "\nCoach\nName:  robin\nDate:  ____") != NULL,
	   "text: the heading above its fields, a line to write on");
	buf_free(&b);
	report_free(r);
}

/* A report of a paragraph, a chart (when with) and a list. */
static struct report *with_chart(int with)
{
	struct report *r = report_new("test", "Charts");
	report_section(r, "s", "Section");
	report_text(r, "p", NULL, "Before.");
	if (with) {
		struct rchart *c = report_chart(r, "c", "Chart <b>", hostile, "week");
		rchart_series(c, "onsite", "on site");
		rchart_series(c, "x", hostile);
		rchart_line(c, "granted", "granted");
		long v1[] = {90, 35}, v2[] = {0, 0};
		rchart_bar(c, "2026-W02", "week 2", "2", v1, 150);
		rchart_bar(c, "2026-W03", "week <3>", "3", v2, 150);
		rchart_bar(c, "2026-W04", "week 4", "4", NULL, 150);
		is_int(rchart_sum(c, 0), 125, "a bar's stack adds up");
		is_int(rchart_sum(c, 2), 0, "a bar to come has no sum");
		struct chart_geom g;
		chart_layout(c, 600, 200, &g);
		is_int(g.step, 30, "a round step: half an hour up to 2:30");
		is_int(g.max, 150, "... the line included");
		ok(chart_y(&g, 0) == g.bottom && chart_y(&g, 150) == g.top, "the scale fills the plot");
		ok(chart_x(&g, 1) > chart_x(&g, 0) + g.barw, "bars side by side, apart");
	}
	report_item(r, "l", "List", "an item");
	return r;
}

static void charts(void)
{
	struct report *a = with_chart(1), *b = with_chart(0);
	const struct renderer *skip[] = {&render_text, &render_markdown, &render_json, &render_csv};
	for (size_t i = 0; i < sizeof skip / sizeof *skip; i++) {
		struct buf x = {0}, y = {0};
		report_render(a, skip[i], &x);
		report_render(b, skip[i], &y);
		is_str(buf_str(&x), buf_str(&y), "%s leaves a chart out, as if it were not there",
		       skip[i]->name);
		buf_free(&x);
		buf_free(&y);
	}
	struct buf h = {0};
	report_render(a, &render_html, &h);
	const char *s = buf_str(&h);
	ok(strstr(s, "<svg ") && strstr(s, "<title id=\"chart1-title\">Chart &lt;b&gt;</title>"),
	   "HTML: the chart as SVG, its title escaped");
	ok(strstr(s, "<b>") == NULL, "HTML: no tag from the chart's text");
	ok(strstr(s, "data-bar=\"2026-W02\" data-series=\"onsite\" data-minutes=\"90\"") != NULL,
	   "HTML: a bar with its minutes");
	ok(strstr(s, "data-bar=\"2026-W03\" data-series") == NULL, "HTML: no rect for 0:00");
	ok(strstr(s, "<path class=\"line\" data-key=\"granted\"") != NULL, "HTML: the line");
	ok(strstr(s, "<tr data-bar=\"2026-W04\"><td>week 4</td><td class=\"num\"></td>") != NULL,
	   "HTML: the chart's table, a bar to come empty");
	ok(strstr(s, "figure.chart") != NULL, "HTML: the charts' style only where there are charts");
	buf_free(&h);
	report_render(b, &render_html, &h);
	ok(strstr(buf_str(&h), "figure.chart") == NULL, "... and not elsewhere");
	buf_free(&h);
	report_free(a);
	report_free(b);
}

/* A list of columns stands as the calls for each column would have. */
static void columns(void)
{
	static const struct rcol_def cols[] = {
		{"date", "date", 0}, {"minutes", "hours", RCOL_NUMBER}, {"note", "what was done", 0},
	};
	struct report *r = report_new("test", "t");
	report_section(r, "s", NULL);
	struct rtable *t = report_table(r, "t", NULL);
	rtable_col(t, "plan", "plan", 0);
	RTABLE_COLS(t, cols);
	is_int((long)t->ncols, 4, "the list adds each of its columns");
	is_str(t->cols[0].key, "plan", "after the column added before it");
	is_str(t->cols[2].key, "minutes", "in its order");
	is_str(t->cols[2].title, "hours", "with its title");
	is_int(t->cols[2].flags, RCOL_NUMBER, "and its flags");
	is_int(t->cols[3].flags, 0, "each its own");
	report_free(r);
}

int main(void)
{
	cells();
	columns();
	field_blocks();
	html();
	markdown();
	csv();
	json();
	text();
	finding();
	charts();
	return tap_done();
}
