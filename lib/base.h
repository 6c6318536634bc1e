/* base.h: the bottom layer: memory, text and diagnostics, dates, durations and
 * periods, the words of the formats, files written whole, and what the
 * command line gave (cli.c parses it).  It includes no other header of
 * the library; the layers and which may include which: lib/README. */

#ifndef CP_BASE_H
#define CP_BASE_H

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

/* -1, 0 or 1 as a is below, equal to or above b, without a - b's overflow. */
static inline int cmp_num(long long a, long long b)
{
	return (a > b) - (a < b);
}

/* Limits: input beyond these is refused, so no file grows a tool's memory without bound. */
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
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) CP_PRINTF(2, 0);
const char *buf_str(struct buf *b); /* NUL-terminated view, valid until the next change */
void buf_free(struct buf *b);
int buf_read_file(struct buf *b, const char *path); /* appended whole; -1 (errno) if not */

struct arena { struct arena_block *head; };

void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);
void arena_adopt(struct arena *a, struct arena *from); /* from's memory now lives as long as a's */

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
	size_t len, off, span; /* span: bytes to underline; 0 for one character */
};

extern const char *cp_prog;

void err_init(const char *argv0);
int cp_err(int status, const char *fmt, ...) CP_PRINTF(2, 3);
int cp_errno(int status, const char *fmt, ...) CP_PRINTF(2, 3);
/* at NULL: a problem of the command line, with a hint all the same */
int cp_err_at(int status, const struct srcpos *at, const char *hint, const char *fmt, ...)
	CP_PRINTF(4, 5);
void cp_warn(const char *fmt, ...) CP_PRINTF(1, 2);
void cp_warn_hint(const char *hint, const char *fmt, ...) CP_PRINTF(2, 3); /* hint may be NULL */
void cp_warn_at(const struct srcpos *at, const char *fmt, ...) CP_PRINTF(2, 3);
int cp_status(void);           /* the first status an error recorded, 0 if none */
unsigned long cp_errors(void); /* errors reported so far */
void cp_errors_quiet(int quiet); /* count, but do not print (trial parses) */
void cp_errors_quiet_thread(int quiet); /* neither count nor print, on this thread */
int cp_errors_silent(void); /* nothing is printed now: skip work done only for messages */
void cp_errors_hold(int on); /* 1: keep messages at a file; 0: print them in line order */
/* A worker process that does part of a batch on a second core, its
 * problems told and its status kept as if the caller's own: start returns
 * 1 in the worker, 0 in the caller, -1 if there is no second core (the
 * caller does it all).  Start it before anything starts a thread or
 * registers an exit handler.  The worker ends with cp_worker_exit(rc); the
 * caller's cp_worker_wait returns -1, the worker's status recorded, if the
 * worker's rc was -1 or it told an error. */
int cp_worker_start(void);
_Noreturn void cp_worker_exit(int rc);
int cp_worker_wait(void);
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
void lang_day(int day, char out[LANG_DATE_MAX]);  /* "2026-01-05", "05-01-2026" */

/* ---- utf8.c ---- */

size_t utf8_invalid(const char *s, size_t n); /* offset of the first bad byte, or n */
size_t utf8_chars(const char *s, size_t n);   /* code points */
int utf8_width(const char *s, size_t n);      /* terminal columns */
int utf8_same_name(const char *a, size_t an, const char *b, size_t bn); /* Robin is robin */
int utf8_same_names(const char *a, const char *b); /* the same; NULL is only NULL */
void utf8_fold_name(char *out, const char *s, size_t n); /* robin of Robin, émile of Émile */
/* A line of words: the bytes of s[0..n) that fill at most room columns,
 * ending at a word's end where one ends in them (the spaces after it left
 * out); a first word longer than room is cut there if cut, else kept
 * whole.  *next: where the next line starts, past the spaces. */
size_t utf8_fill(const char *s, size_t n, int room, int cut, size_t *next);
unsigned utf8_next_lower(const char **s); /* the code point at *s in lower case; moves on */
int utf8_case_holds(const char *s, const char *t, int whole); /* s holds t (is t), case aside */

/* ---- words.c: the enumerations of the formats, with the Dutch words ---- */

/* A closed word list, a row a value: the value whose words (text, the
 * words between '|') hold s (n bytes, any case), or -1. */
struct word {
	const char *text; /* "phone|telefoon|bellen" */
	int value;
};
int word_lookup(const struct word *w, const char *s, size_t n);

/* A vocabulary of the formats: the words input takes (English and the
 * Dutch words coaches type), the word files hold for each value, and what
 * a message says of it, all untranslated (N_()). */
struct vocab {
	const char *what;         /* "funder" */
	const char *unknown;      /* "unknown funder %s; use %s" */
	const char *choices;      /* "uwv, gemeente, werkgever or other", for hints */
	const struct word *words; /* what input takes */
	const char *const *names; /* what files hold, by value */
	int count;
	int phrases; /* words of more than one (deels behaald) with spaces, '-' or '_' between */
};
int vocab_parse(const struct vocab *v, const char *s, size_t n); /* -1 if unknown */
const char *vocab_name(const struct vocab *v, int value);         /* "?" if out of range */
const char *vocab_choices(const struct vocab *v);                 /* translated */
int vocab_unknown(const struct vocab *v, const char *s);          /* EX_USAGE, reported */

/* What an hour was spent on, as UWV asks it (a sheet's activity column). */
enum activity { ACT_INTRODUCTION, ACT_STRUCTURING, ACT_TRAINING, ACT_DISRUPTIONS, ACT_SUPPORT,
		ACT_HOME, ACT_SUPERVISOR, ACT_EVALUATION, ACT_OTHER, ACT_COUNT };
/* UWV's outcome when coaching ends (an evaluation's outcome). */
enum coaching_outcome { OUT_WITHOUT_SUPPORT, OUT_LIGHTER, OUT_SAME, OUT_HEAVIER, OUT_EMPLOYER,
	       OUT_NOT_WORKING, OUT_COUNT };
enum mode { MODE_ONSITE, MODE_PHONE, MODE_EMAIL, MODE_VIDEO, MODE_CHAT, MODE_OTHER, MODE_COUNT };
enum funder { FUNDER_UWV, FUNDER_GEMEENTE, FUNDER_WERKGEVER, FUNDER_OTHER, FUNDER_COUNT };
enum scheme { SCHEME_NONE, SCHEME_WAJONG, SCHEME_WIA, SCHEME_IRO, SCHEME_PARTICIPATIEWET,
	      SCHEME_OTHER, SCHEME_COUNT };
enum status { STATUS_ACTIVE, STATUS_PAUSED, STATUS_CLOSED, STATUS_COUNT };
/* A goal's status, and its result at an evaluation: open, achieved, dropped, and
 * UWV's partly, not achieved, permanent support.  Only achieved and dropped are done with. */
enum goal_status { GOAL_OPEN, GOAL_ACHIEVED, GOAL_DROPPED, GOAL_PARTLY, GOAL_NOT_ACHIEVED,
		   GOAL_PERMANENT, GOAL_STATUS_COUNT };
extern const struct vocab vocab_activity, vocab_outcome, vocab_mode, vocab_funder, vocab_scheme,
	vocab_status, vocab_goal_status, vocab_funder_typed /* also as tables label them */;

int mode_parse(const char *s, size_t n); /* vocab_parse(&vocab_mode), fast: every sheet line */
int mode_remote(int mode);
const char *mode_label(int mode); /* for people, translated: on site, phone */
const char *funder_label(int f); /* for people, translated: UWV, municipality */
int goal_status_done(int status); /* achieved or dropped: nothing left to work on */
const char *goal_status_label(int status); /* for people, translated: achieved */
int id_valid(const char *s, size_t n); /* [A-Za-z0-9._-]+, not . or .. */

/* ---- atomic.c: files that are whole or untouched ---- */

struct locked {
	int fd;
	char *path; /* the file, symbolic links resolved */
	off_t size;
	mode_t mode;
};

/* 0, 1 if path exists (nothing written, nothing said), -1 */
int atomic_create(const char *path, const void *data, size_t len, mode_t mode);
/* A new file at path, whatever path named: a link there is replaced, not
 * followed, as locked_* do for the files a user keeps elsewhere; 0, -1. */
int atomic_replace(const char *path, const void *data, size_t len, mode_t mode);
int locked_open(struct locked *lf, const char *path);          /* 0, 1 if absent, -1 */
int locked_read(struct locked *lf, struct buf *out);           /* the whole file */
int locked_replace(struct locked *lf, const void *data, size_t len);
int locked_append(struct locked *lf, const void *data, size_t len);
void locked_close(struct locked *lf);
/* The temporary files in dir that writers killed halfway left (a writer
 * removes them from the directories it writes to; cp-check reports them):
 * their paths, 0; or -1 if dir cannot be read. */
int atomic_leftovers(const char *dir, char ***paths, size_t *n);

/* With on, atomic_create and locked_* leave syncing to atomic_sync(path),
 * which makes everything written to path's file system durable at once:
 * for batches of many files.  Each file is still whole or absent. */
void atomic_defer_sync(int on);
int atomic_sync(const char *path);

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

/* ---- diff.c ---- */

/* A unified diff of a into b, the file named name, as git shows it
 * (--- a/name, name from the caseload's top: ../plans/P-1.yaml and
 * /srv/cl/plans/P-1.yaml as plans/P-1.yaml): nothing where they are the same. */
void diff_unified(struct buf *out, const char *name, const char *a, size_t alen, const char *b,
		  size_t blen);
/* Where the first line git leaves in a merge it could not finish
 * (<<<<<<<, =======, >>>>>>>, |||||||) starts in s, or -1: a file to resolve. */
long conflict_marker(const char *s, size_t n);
/* Reports the conflict whose first marker is at at, with how to resolve
 * it: EX_DATAERR, as cp_err_at. */
int conflict_err(const struct srcpos *at);

/* ---- cli.c: what the command line gave (the argp parsers are the tools'
 * layer's, coachplan.h) ---- */

struct cli {
	const char *plansdir;
	const char *sheet;
	enum outfmt out;
};
extern struct cli cli;

#endif
