/* sheetw.c: appending entries to an hour sheet.  Lines are written in the
 * sheet's own column order, separator and line ends, with fields quoted
 * only where needed; existing lines are never touched or reordered, so git
 * can merge sheets line by line (cp-merge, or merge=union). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sheet.h"

struct row *rows_add(struct rows *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	struct row *row = &r->v[r->n++];
	memset(row, 0, sizeof *row);
	if (r->nextra)
		row->extra = xcalloc(r->nextra, sizeof *row->extra);
	return row;
}

struct row *rows_add_entry(struct rows *r, const struct entry *e)
{
	struct row *row = rows_add(r);
	char day[11], minutes[24];
	date_format(e->date, day);
	snprintf(minutes, sizeof minutes, "%ld", e->minutes);
	row->v[COL_DATE] = xstrdup(day);
	row->v[COL_COACH] = xstrndup(e->coach.s, e->coach.n);
	row->v[COL_PLAN] = xstrndup(e->plan.s, e->plan.n);
	row->v[COL_GOAL] = xstrndup(e->goal.s, e->goal.n);
	row->v[COL_MODE] = xstrdup(vocab_name(&vocab_mode, e->mode));
	row->v[COL_MINUTES] = xstrdup(minutes);
	row->v[COL_NOTE] = xstrndup(e->note.s, e->note.n);
	row->line = e->line;
	return row;
}

void rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		for (int c = 0; c < COL_KNOWN; c++)
			free(r->v[i].v[c]);
		for (size_t k = 0; k < r->nextra; k++)
			free(r->v[i].extra[k]);
		free(r->v[i].extra);
	}
	for (size_t k = 0; k < r->nextra; k++)
		free(r->extra_names[k]);
	free(r->extra_names);
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* The value of the column named name; columns without a name (those a
 * spreadsheet saves right of the last one filled) by their place among
 * them: the sheet's nth unnamed one takes the input's nth. */
static const char *value(const struct rows *rows, const struct row *row, struct str name,
			 size_t nth)
{
	int c = sheet_col_named(name.s, name.n);
	if (c >= 0)
		return row->v[c] ? row->v[c] : "";
	for (size_t k = 0; k < rows->nextra; k++) {
		if (strlen(rows->extra_names[k]) != name.n ||
		    strncasecmp(rows->extra_names[k], name.s, name.n))
			continue;
		if (!name.n && nth--)
			continue;
		return row->extra[k] ? row->extra[k] : "";
	}
	return "";
}

void sheet_format_rows(struct buf *b, const struct rows *rows, const struct sheet *target,
		       const char *newline)
{
	char sep = target ? sheet_sep(target) : ',';
	for (size_t i = 0; i < rows->n; i++) {
		if (target)
			for (size_t c = 0, unnamed = 0; c < sheet_ncols(target); c++) {
				struct str name = sheet_colname(target, c);
				const char *v = value(rows, &rows->v[i], name, unnamed);
				unnamed += !name.n;
				if (c)
					buf_putc(b, sep);
				csv_put(b, v, strlen(v), sep);
			}
		else {
			for (int c = 0; c < COL_KNOWN; c++) {
				const char *v = rows->v[i].v[c] ? rows->v[i].v[c] : "";
				if (c)
					buf_putc(b, sep);
				csv_put(b, v, strlen(v), sep);
			}
			for (size_t k = 0; k < rows->nextra; k++) {
				const char *v = rows->v[i].extra[k] ? rows->v[i].extra[k] : "";
				buf_putc(b, sep);
				csv_put(b, v, strlen(v), sep);
			}
		}
		buf_puts(b, newline);
	}
}

void sheet_format_header(struct buf *b, const struct rows *rows)
{
	for (int c = 0; c < COL_KNOWN; c++)
		buf_printf(b, "%s%s", c ? "," : "", sheet_colkey(c));
	for (size_t k = 0; k < rows->nextra; k++) {
		buf_putc(b, ',');
		csv_put(b, rows->extra_names[k], strlen(rows->extra_names[k]), ',');
	}
	buf_putc(b, '\n');
}

static int create(const char *path, const struct rows *rows)
{
	struct buf b = {0};
	sheet_format_header(&b, rows);
	sheet_format_rows(&b, rows, NULL, "\n");
	int rc = atomic_create(path, b.s, b.len, 0600);
	buf_free(&b);
	return rc;
}

/* The line end the sheet already uses, so a sheet saved by Excel with CRLF
 * does not get a mix of both. */
static const char *newline_of(struct locked *lf)
{
	char head[4096];
	ssize_t n = pread(lf->fd, head, sizeof head, 0);
	const char *nl = n > 0 ? memchr(head, '\n', (size_t)n) : NULL;
	return nl && nl > head && nl[-1] == '\r' ? "\r\n" : "\n";
}

static int ends_in_newline(struct locked *lf)
{
	char last;
	return lf->size == 0 || (pread(lf->fd, &last, 1, lf->size - 1) == 1 && last == '\n');
}

/* Whether the sheet, read by the reader's rules, ends inside a quoted
 * field: a quote opens a field only at its start, "" inside one is a
 * quote, and a record with a quote anywhere else is a bad one that the
 * reader skips up to the end of the line.  So a note cut off over several
 * lines counts, whose last line need not hold a quote, and a stray quote
 * on an earlier line does not.  A pass over the bytes costs far less than
 * reading the records (the append copies the whole file anyway); only
 * where it finds the end open does the reader decide, and say where. */
static int ends_in_quotes(struct locked *lf, char sep)
{
	enum { START, PLAIN, QUOTED, QUOTE, CLOSED, BAD } st = START;
	char chunk[65536];
	for (off_t at = 0; at < lf->size;) {
		ssize_t n = pread(lf->fd, chunk, sizeof chunk, at);
		if (n <= 0)
			return n < 0; /* the reader will say what is wrong */
		for (ssize_t i = 0; i < n; i++) {
			char c = chunk[i];
			if (st == QUOTE && c == '"') { /* "" in a quoted field */
				st = QUOTED;
				continue;
			}
			if (st == QUOTE) /* the quote before c closed the field */
				st = CLOSED;
			if (st == QUOTED) {
				if (c == '"')
					st = QUOTE;
			} else if (c == '\n')
				st = START; /* NOLINT(bugprone-branch-clone): BAD stays BAD at a separator */
			else if (st == BAD || (st == START &&
			    (c == ' ' || c == '\t' || c == '\r')))
				; /* nothing changes until the line ends */
			else if (c == sep)
				st = START;
			else if (st == START && c == '"')
				st = QUOTED;
			else if (c == '"' || (st == CLOSED && c != ' ' && c != '\t' && c != '\r'))
				st = BAD;
			else if (st == START)
				st = PLAIN;
		}
		at += n;
	}
	return st == QUOTED;
}

/* A sheet whose last line was cut off inside a quoted note would swallow
 * whatever is appended into that note: refuse, and name the line. */
static int refuse_open_end(struct locked *lf, struct sheet *target)
{
	struct srcpos at;
	if (!ends_in_quotes(lf, sheet_sep(target)) || !sheet_ends_open(target, &at))
		return 0;
	return cp_err_at(EX_DATAERR, &at,
			 _("close the quote, or finish or remove the line by hand (cp-check names "
			   "it), then log again"),
			 _("the sheet ends inside this quoted field, so a new line would become part "
			   "of it; nothing was appended"));
}

int sheet_has_columns(const char *path, const struct rows *rows)
{
	struct stat st;
	if (!rows->nextra || stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return 0; /* a new sheet is made with the columns */
	struct sheet *sh = sheet_open(path, 0);
	int rc = sh ? 0 : -1;
	for (size_t k = 0; sh && k < rows->nextra && rc == 0; k++)
		if (sheet_ncols(sh) && sheet_column(sh, rows->extra_names[k]) < 0)
			rc = cp_err(EX_DATAERR,
				    _("%s has no %s column, so what goes in it would be lost; nothing "
				      "was written (add ,%s to its header and a comma to the end of "
				      "each entry below it, or log to a new sheet with -f)"),
				    path, rows->extra_names[k], rows->extra_names[k]);
	sheet_close(sh);
	return rc;
}

static int holds_values(const struct rows *rows, size_t k)
{
	for (size_t i = 0; i < rows->n; i++)
		if (rows->v[i].extra[k] && *rows->v[i].extra[k])
			return 1;
	return 0;
}

/* Values the sheet has no column for are not written: say so. */
static void warn_dropped(const struct sheet *target, const char *path, const struct rows *rows)
{
	int notes = 0;
	for (size_t i = 0; i < rows->n; i++)
		notes |= rows->v[i].v[COL_NOTE] && *rows->v[i].v[COL_NOTE];
	if (notes && sheet_colof(target, COL_NOTE) < 0)
		cp_warn(_("%s has no note column; the notes are not written"), path);
	size_t room = 0, nth = 0; /* the sheet's columns without a name, the input's */
	int lost = 0;            /* said once, however many of them are dropped */
	for (size_t c = 0; c < sheet_ncols(target); c++)
		room += !sheet_colname(target, c).n;
	for (size_t k = 0; k < rows->nextra; k++)
		if (!*rows->extra_names[k]) {
			if (nth++ >= room && !lost && holds_values(rows, k)) {
				cp_warn(_("%s has fewer columns without a name than the input; the "
					  "values of the others are not written"), path);
				lost = 1;
			}
		} else if (sheet_column(target, rows->extra_names[k]) < 0)
			cp_warn(_("%s has no column %s; its values are not written"), path,
				quotes(rows->extra_names[k]));
}

/* A sheet without a header holds nothing but blank lines, and perhaps a
 * BOM (an empty sheet saved by Excel): it is made anew, keeping its BOM
 * and line ends, with the header first as a new sheet gets it, rather
 * than below a blank line. */
static void start_headless(struct locked *lf, struct buf *b, const struct rows *rows,
			   const char *nl)
{
	static const char bom[] = "\xef\xbb\xbf";
	char head[3];
	if (pread(lf->fd, head, sizeof head, 0) == sizeof head && !memcmp(head, bom, sizeof head))
		buf_add(b, bom, sizeof head);
	sheet_format_header(b, rows);
	if (strcmp(nl, "\n")) {
		b->len--; /* the header's \n */
		buf_puts(b, nl);
	}
}

static int append(struct locked *lf, const char *path, const struct rows *rows)
{
	int fd = dup(lf->fd);
	if (fd < 0)
		return cp_errno(EX_OSERR, "%s", path);
	struct sheet *target = sheet_open_fd(fd, path, 0);
	if (!target) {
		close(fd);
		return -1;
	}
	if (refuse_open_end(lf, target) < 0) {
		sheet_close(target);
		close(fd);
		return -1;
	}
	const char *nl = newline_of(lf);
	struct buf b = {0};
	int headless = sheet_ncols(target) == 0;
	if (headless)
		start_headless(lf, &b, rows, nl);
	else {
		if (!ends_in_newline(lf))
			buf_puts(&b, nl); /* a hand-edited last line without its line break */
		warn_dropped(target, path, rows);
	}
	sheet_format_rows(&b, rows, headless ? NULL : target, nl);
	sheet_close(target);
	close(fd);
	int rc = headless ? locked_replace(lf, b.s, b.len) : locked_append(lf, b.s, b.len);
	buf_free(&b);
	return rc;
}

/* Whether path can take entries: "-" would otherwise become a file of
 * that name that no tool reads, and what is no file (a pipe behind
 * /dev/stdout, which realpath cannot name) has no lock to append under.
 * A directory is left to locked_open, whose "Is a directory" says more. */
static int appendable(const char *path)
{
	struct stat st;
	if (!strcmp(path, "-"))
		return cp_err(EX_USAGE, _("a sheet to append to is a file, not - (-n prints the "
					  "entries instead)"));
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		return cp_err(EX_NOINPUT, _("%s: not a regular file"), path);
	return 0;
}

int sheet_append(const char *path, const struct rows *rows, int (*guard)(void *), void *arg)
{
	if (appendable(path) < 0)
		return -1;
	for (int tries = 0; tries < 100; tries++) {
		struct locked lf;
		int r = locked_open(&lf, path);
		if (r < 0)
			return -1;
		if (guard && guard(arg) < 0) {
			if (r == 0)
				locked_close(&lf);
			return -1;
		}
		if (r == 1) {
			/* no file, no lock: a sheet another made meanwhile makes
			 * create fail, and the guard runs again under its lock */
			r = create(path, rows);
			if (r != 1)
				return r;
			struct stat st;
			if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && stat(path, &st) < 0)
				/* a link to nowhere: creating its target is how a planted
				 * link makes a writer put a file where it should not */
				return cp_err(EX_CANTCREAT,
					      _("%s: a symbolic link to a file that does not exist; not "
						"followed"), path);
			continue; /* someone else created it just now: append to theirs */
		}
		r = append(&lf, path, rows);
		locked_close(&lf);
		return r;
	}
	return cp_err(EX_TEMPFAIL, _("%s: keeps changing; try again"), path);
}
