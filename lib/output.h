/* output.h: output: one table and one report model, and a renderer per format
 * (text, Markdown, HTML, CSV, JSON, PDF).  It knows no plan or sheet.
 * The layers and which may include which: lib/README. */

#ifndef CP_OUTPUT_H
#define CP_OUTPUT_H

#include <limits.h>

#include "calendar.h"

/* ---- table.c: output for people (aligned) and programs (CSV, JSON) ---- */


struct table;

#define COL_RIGHT 1  /* align right in tables */
#define COL_NUMBER 2 /* a number in JSON */
#define COL_HOURS 4  /* minutes (table_cell_minutes): decimal hours for spreadsheets */

struct table *table_new(void); /* rows kept until table_print */
/* CSV and JSON rows go to out as soon as they are complete, so memory does
 * not grow with the rows; a text table is kept (its widths need every row).
 * table_print then ends it. */
struct table *table_stream(enum outfmt f, FILE *out);
void table_col(struct table *t, const char *key, const char *title, int flags);
void table_cell(struct table *t, const char *s); /* fills rows left to right */
void table_cellf(struct table *t, const char *fmt, ...) CP_PRINTF(2, 3);
void table_cell_long(struct table *t, long v);
void table_cell_minutes(struct table *t, enum outfmt f, long minutes); /* h:mm for people */
void table_cell_share(struct table *t, enum outfmt f, long part, long whole); /* percent */
void table_total(struct table *t); /* the next row is a total: ruled off, left out of CSV/JSON */
int table_print(struct table *t, enum outfmt f, FILE *out);
/* Text tables rendered from now on go to out: on a terminal their last
 * column wraps at its width; NULL (or a file or pipe): lines stay whole. */
void table_fit(FILE *out);
void table_free(struct table *t);
void table_title(struct table *t, const char *title); /* Markdown's and HTML's heading */
int outfmt_parse(const char *s); /* a renderer's name (render.c), or -1 */

/* ---- table.c ---- */

/* A kept table (table_new) rendered into b instead of a stream. */
void table_format(struct table *t, enum outfmt f, struct buf *b);
void json_put(struct buf *b, const char *s); /* a JSON string, quoted and escaped */

/* ---- report.c: a report as data, for the renderers of render*.c ----
 * A report is a title and sections; a section is a list of blocks: fields
 * (label and value), a table, paragraphs or a list.  Values are typed
 * cells, so that each renderer writes a date, minutes or a share in its
 * own way; the model knows nothing of formats. */

enum cell_kind { CELL_EMPTY, CELL_TEXT, CELL_WORD, CELL_DATE, CELL_DAY, CELL_MINUTES,
		 CELL_PERCENT, CELL_COUNT, CELL_BLANK, CELL_HOURS, CELL_TENTHS, CELL_MARK };

struct cell {
	enum cell_kind kind;
	const char *text; /* TEXT; WORD: the word for people (on site) */
	const char *code; /* WORD: the word for programs (onsite) */
	long v;           /* DATE, DAY: a day; MINUTES, HOURS: minutes; COUNT; PERCENT: tenths of a
			   * percent; TENTHS, MARK: tenths */
};

struct cell cell_empty(void);
struct cell cell_text(const char *s); /* NULL or "" is empty */
struct cell cell_word(const char *code, const char *label);
struct cell cell_date(int day); /* DATE_NONE and an open end of a period are empty */
/* A date in a table's rows, in digits for people too (2026-01-05,
 * 05-01-2026 in Dutch): a column of "12 September 2026" wraps on paper. */
struct cell cell_day(int day);
struct cell cell_minutes(long minutes); /* a duration: h:mm for people */
struct cell cell_hours(long minutes);   /* an amount of hours, as 18.5: not a time of day */
struct cell cell_percent(long part, long whole); /* empty when whole <= 0 */
struct cell cell_count(long n);
struct cell cell_tenths(long tenths); /* a number with one decimal, 7.0 (a mean); < 0 empty */
struct cell cell_mark(long tenths);   /* a mark as given, 7 or 7.5, a number; < 0 empty */
struct cell cell_blank(void); /* a space to write in by hand, on paper */

#define CELL_HUMAN 1 /* for people: h:mm, 12.5%, 5 January 2026, labels; else minutes,
			 12.5, 2026-01-05, codes */
/* The text of a cell, "" for empty and blank ones; dates are written here
 * and nowhere else.  For people, in the language of the messages (lang.c):
 * month names and the decimal separator.  buf holds what needs formatting. */
const char *cell_format(const struct cell *c, int flags, char buf[32]);

#define RCOL_NUMBER 1 /* aligned right; a number in JSON */

struct rcol {
	const char *key, *title; /* key for programs, title for people */
	int flags;
};

struct report;

struct rtable {
	struct report *report;
	struct rcol *cols;
	size_t ncols;
	struct cell *cells; /* row after row */
	size_t ncells, cap;
	size_t total; /* rows from here on are totals, for people only; SIZE_MAX if none */
};

size_t rtable_rows(const struct rtable *t);
/* A table that a printed page keeps whole if it can: a short one, not
 * broken over two pages for its last rows (render_html.c, render_pdf.c). */
#define RTABLE_SHORT_ROWS 12
const struct cell *rtable_cell(const struct rtable *t, size_t row, size_t col);

/* A chart: bars along an axis, each a stack of the chart's series (hours
 * per week, on site below phone ...), and a line over them that may step
 * from bar to bar (what was granted).  Values are minutes, drawn as hours.
 * It is for the eye: its numbers are also in the report's tables (HTML
 * lists them beside the chart), and formats that cannot draw leave it out. */
#define CHART_NONE LONG_MIN /* a bar without values (a week to come), or no line there */

struct rseries {
	const char *key, *label;
};

struct rbar {
	const char *key;   /* for programs: 2026-W03 */
	const char *label; /* for people: in the chart's table and the bar's tooltip */
	const char *tick;  /* under the axis, short: 3 */
	long *v;           /* a value per series; NULL: no bar here */
	long line;         /* the line's value over this bar, or CHART_NONE */
};

struct rchart {
	struct report *report;
	int id;                 /* its number in the report, for ids that must be unique */
	const char *desc;       /* what it shows, in a sentence or two: its caption */
	const char *axis;       /* what the bars stand for: "week" */
	struct rseries *series; /* stacked in this order, the first at the bottom */
	size_t nseries;
	const char *line_key, *line_label; /* NULL: no line */
	struct rbar *bars;
	size_t nbars;
};

enum block_kind { BLOCK_FIELDS, BLOCK_TABLE, BLOCK_TEXT, BLOCK_LIST, BLOCK_CHART };

struct rfield {
	const char *key, *label;
	struct cell value;
};

struct block {
	enum block_kind kind;
	const char *key, *title; /* title: a heading of its own, or NULL */
	struct rfield *fields;   /* FIELDS */
	size_t nfields;
	struct rtable table;     /* TABLE */
	const char **items;      /* TEXT: paragraphs; LIST: items */
	size_t nitems;
	struct rchart chart;     /* CHART */
};

struct section {
	const char *key, *title;
	struct block **blocks;
	size_t nblocks;
};

struct report {
	struct arena arena;
	const char *kind;     /* accountability, declaration, caseload, summary */
	const char *title, *subtitle;
	const char *stamp;    /* "generated on ..." with --stamp, else NULL */
	const char *lang;     /* the language it was built in, and is rendered in */
	struct section **sections;
	size_t nsections;
	const struct block *main; /* the table a one-table format (CSV) writes */
	int ncharts;
};

/* A report is in the language of the messages when it is made (see
 * lang_push); its renderers write it in that language. */
struct report *report_new(const char *kind, const char *title);
void report_free(struct report *r);
const char *report_str(struct report *r, const char *s); /* a copy that lives with r */
void report_subtitle(struct report *r, const char *s);
void report_stamp(struct report *r, const char *s);
void report_section(struct report *r, const char *key, const char *title);
/* The rest add to the last section.  A field joins the fields block the
 * section ends with, or starts one; report_fields starts one of its own,
 * with a heading (title NULL: none), such as a block to sign. */
void report_field(struct report *r, const char *key, const char *label, struct cell v);
void report_fields(struct report *r, const char *key, const char *title);
struct rtable *report_table(struct report *r, const char *key, const char *title);
void report_main(struct report *r); /* the last table added is the main one */
void report_text(struct report *r, const char *key, const char *title, const char *text);
void report_item(struct report *r, const char *key, const char *title, const char *item);
void rtable_col(struct rtable *t, const char *key, const char *title, int flags);
/* A table's columns as one list, titles marked N_() and translated here */
struct rcol_def {
	const char *key, *title;
	int flags;
};
void rtable_cols(struct rtable *t, const struct rcol_def *cols, size_t n);
#define RTABLE_COLS(t, cols) rtable_cols((t), (cols), sizeof(cols) / sizeof *(cols))
void rtable_add(struct rtable *t, struct cell c); /* fills rows left to right */
void rtable_total(struct rtable *t);              /* the next row starts the totals */
/* A chart (title: its heading and the SVG's title); then its series, its
 * line if it has one, and its bars left to right. */
struct rchart *report_chart(struct report *r, const char *key, const char *title,
			    const char *desc, const char *axis);
void rchart_series(struct rchart *c, const char *key, const char *label);
void rchart_line(struct rchart *c, const char *key, const char *label);
/* values: one per series, copied; NULL for a bar still to come */
void rchart_bar(struct rchart *c, const char *key, const char *label, const char *tick,
		const long *values, long line);
long rchart_sum(const struct rchart *c, size_t bar); /* of its stack; 0 without values */

/* ---- chart.c: a chart's geometry, and a chart as SVG ----
 * One layout for every format that draws, so that the HTML's SVG and the
 * PDF show the same chart: the plot's frame, the scale of hours (a round
 * step between grid lines), where each bar goes, the legend.  Coordinates
 * in points from the top left of the chart. */
struct chart_geom {
	double w, h;                  /* the whole chart */
	double left, top, right, bottom; /* the plot area */
	double slot, barw;            /* per bar: its room, the bar's width */
	long max, step;               /* minutes at the top of the scale, between grid lines */
	size_t tick_every;            /* a tick label under every so many bars */
	double legend_y;              /* the legend's baseline */
	double font;                  /* the size of its text */
};
void chart_layout(const struct rchart *c, double w, double h, struct chart_geom *g);
double chart_x(const struct chart_geom *g, size_t bar); /* the bar's left edge */
double chart_y(const struct chart_geom *g, long minutes);
/* Each piece of each stacked bar, bottom up, with its top y1 and bottom
 * y0 on the chart's scale; pieces of no minutes are skipped. */
void chart_pieces(const struct rchart *c, const struct chart_geom *g,
		  void (*piece)(const struct rchart *c, size_t bar, size_t series, double y0,
				double y1, void *arg),
		  void *arg);
/* A series' fill and the line's colour, as "#0072b2" and as 0..1 rgb:
 * colours told apart by the colour-blind too (Okabe and Ito). */
const char *chart_color(size_t series, double rgb[3]);
const char *chart_line_color(double rgb[3]);
/* The legend's items left to right: x of item i (series, then the line). */
double chart_legend_x(const struct chart_geom *g, const struct rchart *c, size_t i);
/* The chart as an <svg> element, to go inline into HTML: a <title> and
 * <desc>, every bar a <rect> with its minutes in data-minutes and a
 * tooltip; no script, nothing fetched. */
void chart_svg(const struct rchart *c, const char *title, struct buf *out);

/* ---- render.c: one renderer per format, behind one interface ---- */

struct doc_format;
struct renderer {
	const char *name; /* as -o names it */
	const char *ext;  /* of the files it writes */
	void (*render)(const struct report *r, struct buf *out); /* NULL: doc's walk */
	const struct doc_format *doc; /* a document format (text, Markdown, HTML) */
};

extern const struct renderer render_text, render_markdown, render_html, render_csv, render_json,
	render_excel, /* render_csv's spreadsheet dialect, as -o excel */
	render_pdf;   /* cp-report's alone (render_pdf.c); elsewhere renderer_find has no pdf */

/* What a document format (text, Markdown, HTML) draws of each part of a
 * report; the walk through the report is render_document's, the same for
 * all of them.  i counts the sections of a report, the blocks of a
 * section, the paragraphs or items of a block (of n). */
struct doc_format {
	void (*head)(struct buf *out, const struct report *r); /* title and subtitle */
	void (*section)(struct buf *out, const struct section *s, size_t i);
	void (*section_end)(struct buf *out, const struct section *s);
	void (*block)(struct buf *out, const struct block *b, size_t i); /* its title */
	void (*block_end)(struct buf *out, const struct block *b);
	void (*fields)(struct buf *out, const struct block *b);
	void (*table)(struct buf *out, const struct rtable *t);
	void (*paragraph)(struct buf *out, const char *text, size_t i, size_t n);
	void (*item)(struct buf *out, const char *text, size_t i, size_t n);
	void (*tail)(struct buf *out, const struct report *r); /* the stamp, the end */
	/* NULL: the format leaves charts out (text, Markdown: their numbers are
	 * in the tables); the block's title and i skip it too */
	void (*chart)(struct buf *out, const struct block *b);
};
void render_document(const struct report *r, const struct doc_format *f, struct buf *out);
const struct renderer *renderer_find(const char *name); /* NULL if there is no such format */
const char *renderer_choices(void);                     /* "text, markdown, ..." for hints */
int report_print(const struct report *r, const struct renderer *f, FILE *out);
void report_render(const struct report *r, const struct renderer *f, struct buf *out);
/* Writes path whole or not at all (mode 0600); an existing file is
 * replaced with force (a link itself, not its target), else refused. */
int report_write(const struct report *r, const struct renderer *f, const char *path, int force);
/* s for the renderers, in b (emptied first): control bytes other than the
 * line feed as spaces, a line break as one line feed, bad UTF-8 as U+FFFD. */
const char *render_clean(struct buf *b, const char *s);
/* s cleaned, with & < > " ' as entities for HTML and SVG, and each line
 * break as newline ("<br>\n" in HTML text, " " in an attribute). */
void render_escape_xml(struct buf *out, const char *s, const char *newline);
/* The cell for people or programs, cleaned as render_clean does. */
const char *render_cell(struct buf *b, const struct cell *c, int flags);

#endif
