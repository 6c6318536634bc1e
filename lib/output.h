/* output.h: output: one table and one report model, and a renderer per format
 * (text, Markdown, HTML, CSV, JSON, PDF).  It knows no plan or sheet.
 * The layers and which may include which: lib/README. */

#ifndef CP_OUTPUT_H
#define CP_OUTPUT_H

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

enum cell_kind { CELL_EMPTY, CELL_TEXT, CELL_WORD, CELL_DATE, CELL_MINUTES, CELL_PERCENT,
		 CELL_COUNT, CELL_BLANK, CELL_HOURS, CELL_TENTHS };

struct cell {
	enum cell_kind kind;
	const char *text; /* TEXT; WORD: the word for people (on site) */
	const char *code; /* WORD: the word for programs (onsite) */
	long v;           /* DATE: a day; MINUTES, HOURS: minutes; COUNT; PERCENT: tenths of a
			   * percent; TENTHS: tenths */
};

struct cell cell_empty(void);
struct cell cell_text(const char *s); /* NULL or "" is empty */
struct cell cell_word(const char *code, const char *label);
struct cell cell_date(int day); /* DATE_NONE is empty */
struct cell cell_minutes(long minutes); /* a duration: h:mm for people */
struct cell cell_hours(long minutes);   /* an amount of hours, as 18.5: not a time of day */
struct cell cell_percent(long part, long whole); /* empty when whole <= 0 */
struct cell cell_count(long n);
struct cell cell_tenths(long tenths); /* a number with one decimal, 7.5 (a mark); < 0 empty */
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
const struct cell *rtable_cell(const struct rtable *t, size_t row, size_t col);

enum block_kind { BLOCK_FIELDS, BLOCK_TABLE, BLOCK_TEXT, BLOCK_LIST };

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
void rtable_add(struct rtable *t, struct cell c); /* fills rows left to right */
void rtable_total(struct rtable *t);              /* the next row starts the totals */

/* ---- render.c: one renderer per format, behind one interface ---- */

struct renderer {
	const char *name; /* as -o names it */
	const char *ext;  /* of the files it writes */
	void (*render)(const struct report *r, struct buf *out);
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
};
void render_document(const struct report *r, const struct doc_format *f, struct buf *out);
const struct renderer *renderer_find(const char *name); /* NULL if there is no such format */
const char *renderer_choices(void);                     /* "text, markdown, ..." for hints */
int report_print(const struct report *r, const struct renderer *f, FILE *out);
void report_render(const struct report *r, const struct renderer *f, struct buf *out);
/* Writes path whole or not at all (mode 0600); an existing file is
 * replaced with force, else refused (EX_CANTCREAT). */
int report_write(const struct report *r, const struct renderer *f, const char *path, int force);
/* s for the renderers, in b (emptied first): control bytes other than the
 * line feed as spaces, a line break as one line feed, bad UTF-8 as U+FFFD. */
const char *render_clean(struct buf *b, const char *s);
/* The cell for people or programs, cleaned as render_clean does. */
const char *render_cell(struct buf *b, const struct cell *c, int flags);

#endif
