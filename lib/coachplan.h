/* coachplan.h: the shared library of the coachplan tools, one section per
 * source file in lib/.  Library functions report problems (on stderr, with
 * position) and return -1; only the tools in cmd/ decide how to exit. */
#ifndef COACHPLAN_H
#define COACHPLAN_H

#include <libintl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <sysexits.h>

#define _(s) gettext(s)
#define N_(s) (s)

#define CP_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Limits: input beyond these is refused with an error, so no file can make a
 * tool's memory grow without bound. */
#define PLAN_MAX_BYTES (1L << 20)   /* one plan file */
#define PLAN_MAX_DEPTH 64           /* nesting of YAML collections */
#define PLAN_MAX_NODES 100000       /* YAML nodes in one plan */
#define SHEET_MAX_RECORD (1L << 20) /* one sheet record, quoted newlines included */
#define SHEET_MAX_COLUMNS 1000      /* columns in a sheet's header */

/* How tables are written: for people, or for programs.  Every tool takes
 * the same names for them (render.c's list): text (or table), markdown,
 * html, csv, excel and json. */
enum outfmt { OUT_AUTO, OUT_TABLE, OUT_CSV, OUT_JSON,
	      OUT_EXCEL, /* CSV for spreadsheets: BOM, ';', CRLF, decimal comma, hours */
	      OUT_MARKDOWN, OUT_HTML };
#define OUTFMT_PEOPLE(f) ((f) == OUT_TABLE || (f) == OUT_MARKDOWN || (f) == OUT_HTML)

/* ---- buf.c: growable buffers, arenas, allocation that cannot fail ---- */

struct buf {
	char *s;
	size_t len, cap;
};

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

void buf_grow(struct buf *b, size_t more);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) CP_PRINTF(2, 3);
const char *buf_str(struct buf *b); /* NUL-terminated view, valid until the next change */
void buf_free(struct buf *b);

struct arena {
	struct arena_block *head;
};

void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* A slice of someone else's bytes. */
struct str {
	const char *s;
	size_t n;
};

int str_eq(struct str a, const char *b);

/* ---- strmap.c: a table from short strings to pointers ---- */

struct strmap {
	struct strmap_slot {
		char *key;
		size_t len;
		void *value;
	} *v;
	size_t cap, used;
};

uint32_t hash_bytes(const void *data, size_t n);
/* The value slot for key, added (NULL, *added set) if the key is new. */
void **strmap_put(struct strmap *m, const char *key, size_t n, int *added);
void *strmap_get(const struct strmap *m, const char *key, size_t n);
void strmap_free(struct strmap *m, void (*free_value)(void *));

/* ---- err.c: diagnostics and exit status ---- */

/* Where a problem is.  text holds at least the line with off in it: the whole
 * source (line 0: counted from text), or one line (line given). */
struct srcpos {
	const char *file;
	unsigned long line;
	const char *text;
	size_t len, off;
	size_t span; /* bytes to underline; 0 for one character */
};

extern const char *cp_prog;

void err_init(const char *argv0);
int cp_err(int status, const char *fmt, ...) CP_PRINTF(2, 3);
int cp_errno(int status, const char *fmt, ...) CP_PRINTF(2, 3);
int cp_err_at(int status, const struct srcpos *at, const char *hint, const char *fmt, ...)
	CP_PRINTF(4, 5);
void cp_warn(const char *fmt, ...) CP_PRINTF(1, 2);
void cp_warn_at(const struct srcpos *at, const char *fmt, ...) CP_PRINTF(2, 3);
int cp_status(void);           /* the first status an error recorded, 0 if none */
unsigned long cp_errors(void); /* errors reported so far */
void cp_errors_quiet(int quiet); /* count, but do not print (trial parses) */
void cp_errors_quiet_thread(int quiet); /* neither count nor print, on this thread */
int cp_errors_silent(void); /* nothing is printed now: skip work done only for messages */
void srcpos_linecol(const struct srcpos *at, unsigned long *line, unsigned long *col);
/* User text made safe to print inside a message: quoted, control bytes
 * escaped, long text shortened.  Returns a static buffer (two in turn). */
const char *quote(const char *s, size_t n);
const char *quotes(const char *s);

/* ---- lang.c: the language people read, and numbers and dates in it ---- */

#define LANG_DATE_MAX 32

const char *lang_current(void);      /* "en", "nl": the catalogue the messages come from */
int lang_is(const char *code);
const char *lang_parse(const char *s); /* "nl", "nl_BE", "EN" ... as "nl" or "en"; NULL */
/* Messages in language code (NULL: as they are) until the matching
 * lang_pop; -1 if there is no catalogue for it (they stay English).
 * Not while another thread translates. */
int lang_push(const char *code);
void lang_pop(void);
char lang_decimal(void);                     /* '.' or ',' */
char *lang_number(char *s);                  /* "12.5" with the language's decimal separator */
void lang_hours(long minutes, char out[24]); /* 1110 as "18.5", 1200 as "20" */
const char *lang_month(int m);               /* 1..12: "January", "januari" */
void lang_date(int day, char out[LANG_DATE_MAX]); /* "5 January 2026", "5 januari 2026" */

/* ---- utf8.c ---- */

size_t utf8_invalid(const char *s, size_t n); /* offset of the first bad byte, or n */
size_t utf8_chars(const char *s, size_t n);   /* code points */
int utf8_width(const char *s, size_t n);      /* terminal columns */

/* ---- date.c: calendar dates as days since 1970-01-01 ---- */

#define DATE_NONE INT32_MIN

struct interval {
	int n;
	char unit; /* 'd', 'w', 'm', 'y' */
};

int date_from_ymd(int y, int m, int d);
void date_to_ymd(int day, int *y, int *m, int *d);
int date_days_in_month(int y, int m);
const char *date_parse(const char *s, size_t n, int *day); /* NULL or why not */
void date_format(int day, char out[11]);
int date_add_months(int day, int months); /* the day clamped to the month's end */
int date_add_interval(int day, struct interval iv, int times);
int date_weekday(int day); /* 1 Monday .. 7 Sunday */
void date_isoweek(int day, int *year, int *week);
int date_today(void); /* $CP_TODAY if set, else the local date */
const char *interval_parse(const char *s, size_t n, struct interval *iv);
void interval_format(struct interval iv, char out[16]);
int interval_days_approx(struct interval iv);

/* ---- duration.c: hours and minutes as people type them ---- */

#define DURATION_MAX (24 * 60) /* one entry covers at most a day */

const char *duration_parse(const char *s, size_t n, long *minutes);
void duration_format(long minutes, char out[24]); /* h:mm */
const char *hours_parse(const char *s, size_t n, long *minutes); /* 16, 18.5, 18,5 */

/* ---- period.c: named stretches of time and grouping buckets ---- */

struct period {
	int from, to; /* inclusive days */
};

#define PERIOD_OPEN_FROM (-(1 << 29)) /* no start: before any date */
#define PERIOD_OPEN_TO (1 << 29)      /* no end */

const char *period_parse(const char *s, int today, struct period *p);
void period_format(const struct period *p, char out[32]);
int period_contains(const struct period *p, int day);

enum bucket { BUCKET_DAY, BUCKET_WEEK, BUCKET_MONTH, BUCKET_QUARTER, BUCKET_HALF, BUCKET_YEAR };
int bucket_label(enum bucket b, int day, char out[16]); /* returns the length */

/* ---- words.c: the enumerations of the formats, with the Dutch words ---- */

enum mode { MODE_ONSITE, MODE_PHONE, MODE_EMAIL, MODE_VIDEO, MODE_CHAT, MODE_COUNT };
enum funder { FUNDER_UWV, FUNDER_GEMEENTE, FUNDER_WERKGEVER, FUNDER_OTHER, FUNDER_COUNT };
enum scheme { SCHEME_NONE, SCHEME_WAJONG, SCHEME_WIA, SCHEME_IRO, SCHEME_PARTICIPATIEWET,
	      SCHEME_OTHER, SCHEME_COUNT };
enum status { STATUS_ACTIVE, STATUS_PAUSED, STATUS_CLOSED, STATUS_COUNT };
enum goal_status { GOAL_OPEN, GOAL_ACHIEVED, GOAL_DROPPED, GOAL_STATUS_COUNT };

int mode_parse(const char *s, size_t n); /* English or Dutch; -1 if unknown */
const char *mode_name(int mode);
int mode_remote(int mode);
int funder_parse(const char *s, size_t n);
const char *funder_name(int funder);
int scheme_parse(const char *s, size_t n);
const char *scheme_name(int scheme);
int status_parse(const char *s, size_t n);
const char *status_name(int status);
int goal_status_parse(const char *s, size_t n);
const char *goal_status_name(int status);
/* "a, b or c" of a word list, for hints */
const char *mode_choices(void);
const char *funder_choices(void);
const char *scheme_choices(void);
const char *status_choices(void);
const char *goal_status_choices(void);
int id_valid(const char *s, size_t n); /* [A-Za-z0-9._-]+, not . or .. */

/* ---- yaml.c: a YAML document as a tree that remembers where it came from ---- */

enum ykind { Y_SCALAR, Y_MAP, Y_SEQ, Y_ALIAS };
enum ystyle { Y_PLAIN, Y_SQUOTED, Y_DQUOTED, Y_LITERAL, Y_FOLDED, Y_BLOCK, Y_FLOW };

#define YF_ANCHORED 1 /* an alias refers to it: editing it would change more than one place */
#define YF_TAGGED 2

struct ynode {
	uint8_t kind, style;
	uint16_t flags;
	uint32_t start, end; /* byte range in the source, end exclusive */
	uint32_t n;          /* scalar: bytes of value; map: pairs; seq: items */
	union {
		const char *str;      /* scalar value, NUL-terminated */
		struct ynode **kids;  /* map: key, value, key, value ...; seq: items */
		struct ynode *target; /* alias */
	} u;
};

struct ydoc {
	const char *file;
	const char *src; /* the bytes parsed, BOM included */
	size_t len;
	struct ynode *root;
};

/* 0, or -1 with every problem reported.  After -1, doc->root is NULL if the
 * text could not be read, and the whole tree if only its keys are wrong
 * (a key twice, a list as a key), so that a reader can report more. */
int ydoc_parse(struct ydoc *doc, struct arena *a, const char *file, const char *src, size_t len);
struct ynode *yderef(struct ynode *n);
struct ynode *ymap_get(struct ynode *map, const char *key);
struct ynode *ymap_key(struct ynode *map, const char *key); /* the key node itself */
int yscalar_null(const struct ynode *n);                     /* plain empty, ~ or null */
void ynode_pos(const struct ydoc *doc, const struct ynode *n, struct srcpos *at);

/* ---- plan.c: a coaching plan ---- */

struct goal {
	const char *id, *text;
	int status;
	struct ynode *node, *status_node;
};

struct contact {
	const char *name, *role;
};

struct goal_result {
	const char *goal;
	int status;
};

struct evaluation {
	int date;
	const char *summary;
	struct goal_result *goals;
	size_t ngoals;
};

struct plan {
	struct ydoc doc;
	char *src;
	struct arena arena;

	const char *id;
	const char *name;
	int scheme;
	const char *employer, *employer_contact;
	const char *coach;
	int funder;
	const char *funder_ref;
	int start, end; /* end DATE_NONE if open */
	long work_minutes; /* per week; -1 if not given */
	struct interval every;
	int next; /* DATE_NONE if it cannot be known */
	long budget_minutes; /* -1 if no budget */
	struct interval budget_per;
	struct goal *goals;
	size_t ngoals;
	const char **agreements, **conditions;
	size_t nagreements, nconditions;
	struct contact *contacts;
	size_t ncontacts;
	struct evaluation *evals;
	size_t nevals;
	int status;
	unsigned defaulted; /* PLAN_DEFAULT_* bits: values the file does not hold */
};

#define PLAN_DEFAULT_END 1
#define PLAN_DEFAULT_EVERY 2
#define PLAN_DEFAULT_NEXT 4
#define PLAN_DEFAULT_STATUS 8

/* Reads and checks a plan; every problem is reported.  NULL on failure, with
 * *status the exit status that fits (EX_NOINPUT, EX_DATAERR, EX_IOERR). */
struct plan *plan_load(const char *path, int *status);
struct plan *plan_parse(const char *file, char *src, size_t len, int *status); /* takes src */
void plan_free(struct plan *p);
void plan_slim(struct plan *p);
const struct goal *plan_goal(const struct plan *p, const char *id, size_t n);
struct interval plan_default_every(int funder);
int plan_default_end(int funder, int start); /* DATE_NONE where there is none */

/* ---- planfmt.c: writing YAML for people and for every YAML reader ---- */

struct plan_spec {
	const char *id, *name;
	int scheme; /* SCHEME_NONE: not written */
	const char *employer, *employer_contact, *coach;
	int funder;
	const char *funder_ref;
	int start, end;
	long work_minutes; /* -1: not written */
	struct interval every;
	int next;
	long budget_minutes; /* -1: not written */
	struct interval budget_per;
	const char **goals;
	size_t ngoals;
};

int yaml_needs_quotes(const char *s, size_t n);
void yaml_put_scalar(struct buf *b, const char *s, size_t n); /* plain or double quoted */
void plan_format(struct buf *b, const struct plan_spec *spec);

/* ---- edit.c: changing a YAML text in place ---- */

struct edit {
	size_t off, del;
	char *ins;
	size_t inslen;
	int lines; /* whole new lines: after any other edit at the same offset */
};

struct edits {
	struct edit *v;
	size_t n, cap;
};

void edits_add(struct edits *e, size_t off, size_t del, const char *ins, size_t inslen);
int edits_apply(const struct edits *e, const char *src, size_t len, struct buf *out);
void edits_free(struct edits *e);
const char *yaml_newline(const struct ydoc *doc); /* "\r\n" if the file uses it */
int yedit_set_scalar(struct edits *e, const struct ydoc *doc, const struct ynode *n,
		     const char *value);
int yedit_map_append(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key, const char *value_yaml);
int yedit_seq_append(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
		     const char *item_yaml);

/* ---- csvout.c: writing CSV fields ---- */

int csv_needs_quotes(const char *s, size_t n, char sep);
void csv_put(struct buf *b, const char *s, size_t n, char sep);
void csv_put_safe(struct buf *b, const char *s, size_t n, char sep); /* for spreadsheets */

/* The spreadsheet dialect, -o excel: what Dutch Excel and LibreOffice open
 * without an import dialog.  Hours as decimal hours (1,5), numbers with a
 * decimal comma, text cells through csv_put_safe. */
#define EXCEL_BOM "\xef\xbb\xbf"
#define EXCEL_SEP ';'
#define EXCEL_EOL "\r\n"
void excel_hours(char out[32], long minutes);        /* 90 -> 1,5; -30 -> -0,5 */
void excel_number(struct buf *b, const char *s);     /* 12.5 -> 12,5 */
void excel_hours_key(struct buf *b, const char *key); /* minutes -> hours, onsite -> onsite_hours */

/* ---- sheet.c: reading hour sheets ---- */

enum sheet_col { COL_DATE, COL_COACH, COL_PLAN, COL_GOAL, COL_MODE, COL_MINUTES, COL_NOTE,
		 COL_KNOWN };

struct entry {
	int date;
	int mode;
	long minutes;
	struct str coach, plan, goal, note;
	unsigned long line; /* where the record starts */
};

#define SHEET_LENIENT 1 /* typed input: durations like 1h30 in the minutes column */

struct sheet;

struct sheet *sheet_open(const char *path, int flags);
struct sheet *sheet_open_fd(int fd, const char *name, int flags);
int sheet_next(struct sheet *sh, struct entry *e); /* 1, 0 at the end, -1 bad record */
int sheet_record(struct sheet *sh); /* the next record's fields, unchecked: 1, 0, -1 */
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

/* ---- check.c: an hour entry against its plan ---- */

struct plancache;

#define CHECK_FORCE 1 /* allow closed plans, dates outside the plan and in the future */
#define CHECK_HISTORY 2 /* an entry already logged: allow closed plans and the future */

/* Reports (at the entry's field when pos is given) why an entry does not fit
 * its plan; 0 if it does. */
int entry_check(struct plancache *plans, const struct entry *e, int flags, int today,
		void (*pos)(void *arg, enum sheet_col c, struct srcpos *at), void *arg);
/* Reports a coach or note that would not make one clean line of a sheet. */
int entry_check_text(const struct entry *e,
		     void (*pos)(void *arg, enum sheet_col c, struct srcpos *at), void *arg);

/* ---- sheetw.c: appending to hour sheets ---- */

struct row {
	char *v[COL_KNOWN]; /* canonical text of the pinned columns */
	char **extra;       /* values of other columns, as named in rows.extra_names */
};

struct rows {
	struct row *v;
	size_t n, cap;
	char **extra_names;
	size_t nextra;
};

struct row *rows_add(struct rows *r);
void rows_free(struct rows *r);
/* Appends all rows or none, in the sheet's own column order and separator;
 * creates the sheet (mode 0600) with the pinned header if it is missing. */
int sheet_append(const char *path, const struct rows *rows);
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
	struct strlist plans, coaches, goals; /* empty for all */
};

#define SCAN_KEEP_GOING 1 /* report bad lines and read on */

void filter_init(struct filter *f);
int filter_pass(const struct filter *f, const struct entry *e);
void strlist_add(struct strlist *l, const char *s);
/* Directories become their *.csv files in name order; - stays standard input. */
int sheets_expand(char *const *args, size_t nargs, char ***paths, size_t *n);
int scan_sheets(char *const *paths, size_t n, const struct filter *f, int flags,
		int (*fn)(const struct entry *, void *), void *arg);

/* ---- agg.c: hours summed per group of keys ---- */

enum key { KEY_PLAN, KEY_GOAL, KEY_MODE, KEY_COACH, KEY_FUNDER, KEY_DAY, KEY_WEEK, KEY_MONTH,
	   KEY_QUARTER, KEY_HALF, KEY_YEAR, KEY_COUNT };

struct totals {
	long minutes;
	int32_t mode[MODE_COUNT]; /* minutes per mode */
	int32_t entries;
	int32_t first, last;      /* days of the first and the last entry */
};

struct agg;
struct group;

int keys_parse(const char *s, enum key *keys, size_t *n); /* "plan,month" */
const char *key_name(enum key k);
/* hidden_plan: keep groups per plan for a funder filter without a funder key */
struct agg *agg_new(const enum key *keys, size_t n, int hidden_plan);
void agg_add(struct agg *a, const struct entry *e);
/* After the last agg_add, where plans matter: funder_of is called for the
 * plan of every group (with its totals) and names the plan's funder; NULL
 * leaves the group out. */
void agg_finish(struct agg *a,
		const char *(*funder_of)(struct str plan, const struct totals *t, void *arg),
		void *arg);
struct group **agg_groups(struct agg *a, size_t *n); /* sorted by the keys, in order */
/* Asks the cache for group g ahead of its use, where groups are visited in key order. */
void group_prefetch(const struct group *g);
const struct totals *group_totals(const struct group *g);
size_t group_label(const struct agg *a, const struct group *g, size_t part, char *out,
		   size_t size);
size_t agg_count(const struct agg *a);
void agg_free(struct agg *a);

/* ---- budget.c: hours logged against hours granted ---- */

struct budget_line {
	const struct plan *plan;
	int from, to;       /* the budget period */
	long granted, used; /* minutes */
	long work;          /* contract minutes in the period; -1 if unknown */
};

struct budget;
struct budget *budget_new(struct plancache *plans);
void budget_add(struct budget *b, const struct entry *e);
/* One line per budget period of each plan that overlaps range (a range
 * without an end, of a plan without one, up to the period holding today);
 * with no range, the period holding today of each active plan. */
size_t budget_lines(struct budget *b, const struct plan *const *plans, size_t nplans,
		    const struct period *range, int today, struct budget_line **out);
void budget_free(struct budget *b);

/* Which plans of a directory a budget check shows: empty lists pass all. */
struct plan_select {
	const struct strlist *ids, *coaches, *funders;
};

/* The budget lines of the selected plans as a table; 1 if a plan is over,
 * 0 if none is, -1 if the plans or the output failed. */
int budget_print(struct budget *b, struct plancache *cache, const char *plansdir,
		 const struct plan_select *sel, const struct period *range, int today,
		 enum outfmt f, FILE *out);

/* ---- atomic.c: files that are whole or untouched ---- */

struct locked {
	int fd;
	char *path; /* the file, symbolic links resolved */
	off_t size;
	mode_t mode;
};

/* 0, 1 if path exists (nothing written, nothing said), -1 */
int atomic_create(const char *path, const void *data, size_t len, mode_t mode);
int locked_open(struct locked *lf, const char *path);          /* 0, 1 if absent, -1 */
int locked_read(struct locked *lf, struct buf *out);           /* the whole file */
int locked_replace(struct locked *lf, const void *data, size_t len);
int locked_append(struct locked *lf, const void *data, size_t len);
void locked_close(struct locked *lf);

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

/* ---- cli.c: what every tool does alike ---- */

struct argp;
extern const struct argp cli_plans_argp;  /* -p PLANSDIR */
extern const struct argp cli_sheet_argp;  /* -f SHEET */
extern const struct argp cli_output_argp; /* -o FORMAT */

struct cli {
	const char *plansdir;
	const char *sheet;
	enum outfmt out;
};
extern struct cli cli;

void cli_init(int argc, char **argv);
enum outfmt cli_outfmt(void);
int cli_exit(int status); /* checks that standard output was written */
/* An argp help_filter's work: --help shows post after the options, in the
 * messages' language.  The text before the options is argp's doc, which
 * holds no \v: a translator gets two plain strings. */
char *cli_help_filter(int key, const char *text, const char *post);
int cli_date(const char *arg, int *day); /* dates on the command line: ISO, today, gisteren ... */

/* ---- caseload.c: plans and sheets as they lie on disk ---- */

/* Which files an invocation means, the same in every tool (coachplan(7),
 * FILES): the plans directory is -p, $CP_PLANS or ./plans; the coach's
 * sheet -f, $CP_SHEET or ./hours/$USER.csv. */
const char *cli_plans(void);
const char *cli_sheetpath(void);
int cli_sheet_named(void); /* whether -f or $CP_SHEET named the sheet */
int caseload_is_plan_file(const char *path); /* *.yaml or *.yml */
int is_dir(const char *path); /* a directory (- never is one: it is standard input) */
/* The sheets named, directories expanded to their *.csv files, or without
 * any, those of ./hours; -1 (reported) if there is nothing to read. */
int caseload_sheets(char *const *args, size_t n, char ***paths, size_t *count);
/* A plan argument: a path as given (with a slash, or *.yaml or *.yml), or
 * the id of a plan in the plans directory; NULL for a bad id. */
char *caseload_plan_file(const char *arg);

/* The arguments of a tool sorted into plans and sheets: a caseload
 * directory (one with plans/ or hours/) gives both; a directory with a
 * plan file (or no sheet either) is a plans directory, else one of sheets;
 * a *.yaml or *.yml file is a plan, a *.csv file a sheet, and anything
 * else (- among them) what the tool takes it for (other). */
enum { CASELOAD_SHEET, CASELOAD_PLAN };
struct caseload_args {
	char **plans, **sheets; /* plan files and plans directories; sheets and their directories */
	size_t nplans, nsheets;
};
void caseload_args_add(struct caseload_args *a, const char *arg, int other);
void caseload_args_free(struct caseload_args *a);

char *plan_path(const char *dir, const char *id); /* NULL (reported) for a bad id */
int plans_list(const char *dir, char ***paths, size_t *n); /* sorted *.yaml */
void paths_free(char **paths, size_t n);

struct plancache;
struct plancache *plancache_new(const char *dir);
/* The plan with this id, read once.  NULL with *status 0 if there is no
 * such plan file; NULL with an exit status if it cannot be read (reported). */
struct plan *plancache_get(struct plancache *c, const char *id, size_t n, int *status);
void plancache_free(struct plancache *c);
void plancache_slim(struct plancache *c); /* keep only what plan_slim keeps */
/* Adds a plan read elsewhere (a file named on the command line, whatever
 * its name), found by its id from then on; the cache owns it. */
void plancache_put(struct plancache *c, struct plan *p);
/* Reads every plan of the directory on a thread of its own, while the
 * caller reads sheets; nothing else may use the cache until plancache_wait.
 * Problems are not reported by the loader: plancache_get reports them again
 * for the plans the caller asks for. */
int plancache_preload(struct plancache *c);
void plancache_wait(struct plancache *c);
/* A new caseload: DIR/plans, DIR/hours, .gitattributes, .gitignore, README.md */
int caseload_init(const char *dir);

/* ---- hook.c: a caseload as a git repository ---- */

#define CASELOAD_GIT_INIT 1 /* git init DIR if it is no repository yet */
#define CASELOAD_NO_HOOK 2  /* no pre-commit hook */

/* In a caseload that is a git repository: the diff drivers' settings in
 * its config, and (unless CASELOAD_NO_HOOK) a pre-commit hook running
 * cp-check; a hook the user has is never replaced. */
int caseload_git(const char *dir, int flags);

/* ---- edit.c, continued: values that may be missing, empty or in flow style ---- */

/* One pair of a mapping to write: value is a text to quote as needed, or
 * (raw) YAML already, like a date or a flow mapping {G1: achieved}. */
struct ykv {
	const char *key, *value;
	int raw;
};

void yaml_put_flow_scalar(struct buf *b, const char *s, size_t n); /* quoted for [ ] { } too */
int yedit_set_date(struct edits *e, const struct ydoc *doc, const struct ynode *n, int day);
/* map[key] = value: the value changed in place, or the pair added */
int yedit_map_set(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		  const char *key, const char *value, int raw);
/* map[key][subkey] = value, with map[key] made a mapping if missing or empty */
int yedit_map_set_in(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key, const char *subkey, const char *value, int raw);
/* A mapping appended to a list, block or flow */
int yedit_seq_append_map(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
			 const struct ykv *kv, size_t n);
/* ... to the list map[key], made a list if missing or empty */
int yedit_map_list_append(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			  const char *key, const struct ykv *kv, size_t n);

/* ---- record.c: an evaluation recorded in a plan ---- */

struct record {
	int date;
	const char *summary;
	struct goal_result *goals; /* new statuses, in this order in the evaluation */
	size_t ngoals;
	int next;  /* DATE_NONE: the date plus the plan's interval */
	int close; /* status: closed, with end: */
	int end;   /* with close; DATE_NONE: the date */
};

/* Whether r fits the plan (reported if not); fills in next and end. */
int record_check(const struct plan *p, struct record *r, int today);
/* The edits of the plan's text that record r, and nothing else. */
int record_edits(struct edits *e, const struct plan *p, const struct record *r);
/* Whether the plan read back after the edits holds r and the rest as before. */
int record_holds(const struct plan *before, const struct plan *after, const struct record *r);
/* All of it, under the plan's lock; the new plan goes to dry, if given,
 * instead of replacing the file. */
int plan_record(const char *path, struct record *r, int today, struct buf *dry);

/* ---- due.c: what needs a coach's attention, and when ---- */

enum due_what { DUE_EVALUATION, DUE_END, DUE_QUIET, DUE_PHASEOUT, DUE_COUNT };

#define DUE_UWV_LIMIT 1 /* an end that is UWV's 3-year limit */

struct due_item {
	int what;
	int date;  /* the evaluation, the end, the day it went quiet, the last evaluation */
	int since; /* quiet: the last contact logged, DATE_NONE if none */
	int flags;
	const char *plan, *name, *coach;
};

struct duelist {
	struct due_item *v;
	size_t n, cap;
	struct arena arena;
};

struct due_opts {
	int on;              /* the day it is */
	int until;           /* evaluations due up to this day */
	int end_until;       /* plan ends up to this day */
	struct interval quiet; /* quiet after this long without contact; n 0: not asked */
};

const char *due_what_name(int what);  /* for programs: evaluation, phase-out ... */
const char *due_what_label(int what); /* for people, in their language */
/* What an item asks of the coach on day on ("3 days overdue"), in b. */
const char *due_note(struct buf *b, const struct due_item *d, int on);
/* Adds the plan's signals; contact is the last logged, DATE_NONE if none. */
void due_plan(struct duelist *l, const struct plan *p, const struct due_opts *o, int contact);
void due_sort(struct duelist *l); /* by date, plan, what */
void due_free(struct duelist *l);

struct contacts;
struct contacts *contacts_new(void);
/* Reads a sheet's entries up to a day; -1 if it had bad ones (reported). */
int contacts_read(struct contacts *c, const char *sheet, int until);
int contacts_last(struct contacts *c, const char *plan); /* DATE_NONE if none */
void contacts_free(struct contacts *c);

/* ---- ics.c: an iCalendar feed (RFC 5545) ---- */

struct ics_event {
	const char *kind; /* evaluation, end: in the UID and CATEGORIES */
	const char *plan;
	int day;
	const char *summary, *description;
};

void ics_begin(struct buf *b, const char *name);
void ics_event(struct buf *b, const struct ics_event *ev, int stamp); /* stamp: DTSTAMP's day */
void ics_end(struct buf *b);
/* A whole feed: the list's next evaluations and plan ends (due.c) */
void ics_feed(struct buf *b, const char *name, const struct duelist *l, int stamp);

/* ---- lint.c: every problem of a caseload's files at once, for cp-check ---- */

struct lint {
	struct plancache *cache;  /* the plans the sheets' entries are held against; NULL: none */
	int today;
	unsigned long max_errors; /* errors printed per sheet (the rest counted); 0: all */
	unsigned long plans, sheets, lines;  /* read */
	unsigned long bad_plans, bad_sheets; /* with errors */
	unsigned long plan_errors; /* of plans first read for a sheet's entries */
};

/* Each reports every problem of its file; -1 if there was one.  cached:
 * the plan is one of l->cache's directory, read there once. */
int lint_plan(struct lint *l, const char *path, int cached);
int lint_sheet(struct lint *l, const char *path);

/* ==== Added for cp-report ==== */

/* ---- table.c (continued) ---- */

/* A kept table (table_new) rendered into b instead of a stream. */
void table_format(struct table *t, enum outfmt f, struct buf *b);
void json_put(struct buf *b, const char *s); /* a JSON string, quoted and escaped */

/* ---- atomic.c (continued) ---- */

/* With on, atomic_create and locked_* leave syncing to atomic_sync(path),
 * which makes everything written to path's file system durable at once:
 * for batches of many files.  Each file is still whole or absent. */
void atomic_defer_sync(int on);
int atomic_sync(const char *path);

/* ---- report.c: a report as data, for the renderers of render*.c ----
 * A report is a title and sections; a section is a list of blocks: fields
 * (label and value), a table, paragraphs or a list.  Values are typed
 * cells, so that each renderer writes a date, minutes or a share in its
 * own way; the model knows nothing of formats. */

enum cell_kind { CELL_EMPTY, CELL_TEXT, CELL_WORD, CELL_DATE, CELL_MINUTES, CELL_PERCENT,
		 CELL_COUNT, CELL_BLANK, CELL_HOURS };

struct cell {
	enum cell_kind kind;
	const char *text; /* TEXT; WORD: the word for people (on site) */
	const char *code; /* WORD: the word for programs (onsite) */
	long v;           /* DATE: a day; MINUTES, HOURS: minutes; COUNT; PERCENT: tenths of a percent */
};

struct cell cell_empty(void);
struct cell cell_text(const char *s); /* NULL or "" is empty */
struct cell cell_word(const char *code, const char *label);
struct cell cell_date(int day); /* DATE_NONE is empty */
struct cell cell_minutes(long minutes); /* a duration: h:mm for people */
struct cell cell_hours(long minutes);   /* an amount of hours, as 18.5: not a time of day */
struct cell cell_percent(long part, long whole); /* empty when whole <= 0 */
struct cell cell_count(long n);
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
 * section ends with, or starts one. */
void report_field(struct report *r, const char *key, const char *label, struct cell v);
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

/* ---- planset.c: the plans a report is about, from directories and files ---- */

struct planset {
	struct plan **plans; /* by id; NULL where a plan could not be read (reported) */
	char **paths;
	size_t n;
	int named;           /* plan files were named one by one, not as directories */
};

#define PLANSET_SLIM 1  /* keep only what plan_slim keeps */
#define PLANSET_QUIET 2 /* report nothing: a helper thread's read; read again to report */

/* Directories become their *.yaml files; only: just the plan with this id.
 * -1 if any plan could not be read (reported; the others are there). */
int planset_load(struct planset *s, char *const *args, size_t n, int flags, const char *only);
/* planset_load in two steps: the paths (no plan read yet), then the plans
 * not read yet, which may run on a thread of its own. */
int planset_list(struct planset *s, char *const *args, size_t n, const char *only);
int planset_read(struct planset *s, int flags);
ssize_t planset_find(const struct planset *s, const char *id, size_t n); /* index, or -1 */
void planset_free(struct planset *s);
/* The path of plan id among args (directories and plan files), or NULL. */
char *plan_locate(char *const *args, size_t n, const char *id);

/* ---- account.c, declare.c, overview.c: the reports of cp-report ---- */

struct report_opts {
	struct period period;
	int period_given; /* else each report's own default */
	int today;
	int pseudonymize; /* participants named by their plan id, in all text */
	const char *stamp;
	int keep_going;   /* bad lines and plans are left out, not fatal */
	const char *lang; /* the language of the report (lang.c); NULL: the messages' */
	int for_people;   /* text, Markdown, HTML: dates in sentences as "5 January 2026" */
};

/* A day in a report's sentences: for people as "5 January 2026", for
 * programs ISO. */
const char *report_day(const struct report_opts *o, int day, char out[LANG_DATE_MAX]);

/* The name the report may use for the participant, and text with the
 * participant's name taken out when pseudonymizing. */
const char *report_participant(const struct plan *p, const struct report_opts *o);
const char *report_scrub(struct report *r, const struct plan *p, const struct report_opts *o,
			 const char *text);
const char *report_mode_label(int mode);
const char *report_goal_status_label(int status);
const char *report_funder_label(int funder);
const char *report_status_label(int status);
const char *report_scheme_label(int scheme);
/* An interval for people, "6 months", as a word cell: programs get "6m". */
struct cell report_interval(struct report *r, struct interval iv);

/* The accountability report (verantwoordingsrapportage) of one plan;
 * NULL on failure (reported). */
struct report *account_report(const char *plan_path, char *const *sheets, size_t nsheets,
			      const struct report_opts *o);
/* The caseload overview: one row per active plan. */
struct report *overview_report(char *const *plans, size_t nplans, char *const *sheets,
			       size_t nsheets, const struct report_opts *o);

struct declare_opts {
	struct report_opts ro;
	int funder;        /* -1: any */
	const char *only;  /* one plan's declaration, or NULL for every plan of the funder */
	const char *dir;   /* NULL: the one declaration to standard output */
	const struct renderer *fmt;
	int all;           /* plans without hours are in the summary too */
	int force;         /* replace report files that exist */
	int excel;         /* summary.csv in the spreadsheet dialect too */
};

/* Declarations per plan for a funder and period, and DIR/summary.csv: all
 * or none unless keep_going.  0, or -1 (reported). */
int declare(char *const *plans, size_t nplans, char *const *sheets, size_t nsheets,
	    const struct declare_opts *o);

#endif
