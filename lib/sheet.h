/* sheet.h: the sheet format: hour sheets read as a stream of entries, written
 * a line at a time, and many of them read through one filter.
 * The layers and which may include which: lib/README. */

#ifndef CP_SHEET_H
#define CP_SHEET_H

#include "calendar.h"

/* ---- sheet.c, records.c: reading hour sheets ---- */

enum sheet_col { COL_DATE, COL_COACH, COL_PLAN, COL_GOAL, COL_MODE, COL_MINUTES, COL_NOTE,
		 COL_KNOWN };

struct entry {
	int date;
	int mode;
	long minutes;
	struct str coach, plan, goal, note;
	unsigned long line; /* where the record starts */
	struct str activity; /* the optional activity column, as written; empty if none */
};

#define SHEET_LENIENT 1 /* typed input: durations like 1h30, dates like 20-11-2026 */
/* the header may lack the coach and goal columns (a coach's own list of
 * the week): its entries then have no goal, and an empty coach for the
 * caller to fill in */
#define SHEET_OWN_LIST 2

struct sheet;

struct sheet *sheet_open(const char *path, int flags);
struct sheet *sheet_open_fd(int fd, const char *name, int flags);
int sheet_next(struct sheet *sh, struct entry *e); /* 1, 0 at the end, -1 bad record */
int sheet_record(struct sheet *sh); /* the next record's fields, unchecked: 1, 0, -1 */
/* Reads the rest of the sheet, saying nothing, to learn whether it ends
 * inside a quoted field (a last line cut off): 1 with where that field's
 * quote opens in at (its text lives with sh until the next read), else 0. */
int sheet_ends_open(struct sheet *sh, struct srcpos *at);
size_t sheet_nfields(const struct sheet *sh);
void sheet_close(struct sheet *sh);
const char *sheet_name(const struct sheet *sh);
char sheet_sep(const struct sheet *sh);
size_t sheet_ncols(const struct sheet *sh);
struct str sheet_colname(const struct sheet *sh, size_t col);
int sheet_colof(const struct sheet *sh, enum sheet_col c); /* -1 if absent */
struct str sheet_field(const struct sheet *sh, size_t col); /* of the current record */
void sheet_pos(const struct sheet *sh, size_t col, struct srcpos *at);
const char *sheet_colkey(enum sheet_col c);
/* The column a header's name stands for, English or Dutch (datum, doel,
 * wijze, minuten, notitie), or -1. */
int sheet_col_named(const char *s, size_t n);
int sheet_column(const struct sheet *sh, const char *name); /* by its name in the header, or -1 */
int sheet_activity_column(const struct sheet *sh); /* activity or activiteit, or -1 */

/* Reading one large sheet on two cores.  sheet_split cuts the rest of a
 * mapped sheet at the line feed nearest its middle, if at least `least`
 * bytes are left: sh then stops there, and the reader returned, with sh's
 * header, reads the part after it (on another thread; its messages should
 * be silenced, for the part may need reading again).  Whether that part
 * starts at a record is known only once sh has read up to the cut: a
 * quoted line feed may lie across it.  sheet_rejoin then lets sh read on
 * past the cut, and says whether the part's records are the ones sh would
 * have read: sh stopped exactly at the cut, with no error, and met no new
 * header since sheet_headers said `headers` at the split. */
struct sheet *sheet_split(struct sheet *sh, size_t least);
int sheet_rejoin(struct sheet *sh, unsigned headers);
unsigned sheet_headers(const struct sheet *sh);

/* ---- sheetw.c: appending to hour sheets ---- */

struct row {
	char *v[COL_KNOWN]; /* canonical text of the pinned columns */
	char **extra;       /* values of other columns, as named in rows.extra_names */
	unsigned long line; /* of standard input, where the row was read; 0: none */
};

struct rows {
	struct row *v;
	size_t n, cap;
	char **extra_names;
	size_t nextra;
};

struct row *rows_add(struct rows *r);
/* A row added with the entry's fields in their canonical text (the date as
 * YYYY-MM-DD, the mode's English word, the minutes), its extras empty. */
struct row *rows_add_entry(struct rows *r, const struct entry *e);
void rows_free(struct rows *r);
/* Appends all rows or none, in the sheet's own column order and separator;
 * creates the sheet (mode 0600) with the pinned header if it is missing.
 * guard (if any) runs with the sheet locked, or before it is created, and
 * may refuse the rows (-1): what it reads cannot change before they go in. */
int sheet_append(const char *path, const struct rows *rows, int (*guard)(void *), void *arg);
/* Whether the sheet at path (if it is there) has a column for each of the
 * rows' extra columns; -1 (reported) if one is missing, so that cp-log
 * writes nothing rather than lose what goes in it. */
int sheet_has_columns(const char *path, const struct rows *rows);
void sheet_format_rows(struct buf *b, const struct rows *rows, const struct sheet *target,
		       const char *newline);
void sheet_format_header(struct buf *b, const struct rows *rows); /* the pinned one, + extras */

/* ---- scan.c: the entries of many sheets that pass a filter ---- */

struct strlist {
	const char **v;
	size_t n;
};

struct filter {
	int from, to;        /* inclusive days */
	unsigned modes;      /* 1 << mode; 0 for all */
	unsigned activities; /* 1 << activity; 0 for all */
	struct strlist plans, coaches, goals; /* empty for all */
	/* NULL, or a byte per coach set when a line of that coach is read,
	 * whatever else the filter asks: a name no sheet has is told apart */
	unsigned char *coach_seen;
	/* NULL, or plans as a table: see filter_index */
	const struct strmap *plan_set;
};

#define SCAN_KEEP_GOING 1 /* report bad lines and read on */

void filter_init(struct filter *f);
int filter_pass(const struct filter *f, const struct entry *e);
/* f's plans put in set, if they are more than a few, for filter_pass to
 * look up; free set with strmap_free(set, NULL) when f is done with. */
void filter_index(struct filter *f, struct strmap *set);
void strlist_add(struct strlist *l, const char *s);
int scan_sheets(char *const *paths, size_t n, const struct filter *f, int flags,
		int (*fn)(const struct entry *, void *), void *arg);
/* Every entry of one plan, whatever its day, read on and past bad lines. */
int scan_plan_entries(char *const *paths, size_t n, const char *id,
		      int (*fn)(const struct entry *, void *), void *arg);
/* The same, a large sheet read on two cores: fn gets the entries of its
 * second half with two->arg, which two->merge then adds to arg (and
 * empties), or two->clear empties when that half must be read again. */
struct scan_split {
	void *arg;
	void (*merge)(void *into, void *from);
	void (*clear)(void *from);
};
int scan_sheets_split(char *const *paths, size_t n, const struct filter *f, int flags,
		      int (*fn)(const struct entry *, void *), void *arg,
		      const struct scan_split *two);
/* Whether scan_sheets_split would read one of these sheets on two cores. */
int scan_splits(char *const *paths, size_t n);

/* ---- twice.c: an entry the sheets hold twice ---- */

#define TWICE_LINES 16384 /* entries looked back at, at the least */
struct twice;
struct twice *twice_new(void);
/* The line of an entry seen before that is the same as e (entry_same),
 * and in *first the file it stood in, as named then; or 0.  Then e is
 * remembered, at e->line of file, which must live as long as t. */
unsigned long twice_seen(struct twice *t, const struct entry *e, const char *file,
			 const char **first);
void twice_free(struct twice *t);
/* Whether a and b are one entry logged twice: the same day, coach, plan,
 * goal, mode, minutes and note (not the line, activity or other columns). */
int entry_same(const struct entry *a, const struct entry *b);

#endif
