/* sheet.c: reading hour sheets (coachplan-sheet(5)) as a stream of entries.
 *
 * Records are parsed by libcsv's rules, and by libcsv wherever they are
 * hard.  Two common cases are split here directly, because libcsv's
 * byte-at-a-time state machine and callbacks cost more than everything
 * else a reader does: a line without a quote character, and a line that
 * is one whole record whose quoted fields open and close on it.  Under
 * libcsv's rules such fields end at the separator and lose the blanks
 * (space, tab, carriage return) at both ends, a quoted field keeps its
 * blanks and reads "" as one quote, and a line of blanks is no record.
 * Anything else (a quoted line break, a stray quote, text after a closing
 * quote) goes to libcsv, which then decides.  tests/unit/test-sheet.c
 * checks this reader against libcsv alone on many thousands of inputs.
 * Memory is one buffer, bounded by the longest record; it does not grow
 * with the number of lines. */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "sheet.h"

#define CHUNK (64 * 1024)

struct sheet {
	char *name;
	int fd, own_fd;
	int flags;
	char sep;
	int fatal, at_eof;
	int open_at_end; /* the fatal fault: a quote never closed before the end */

	char *buf; /* unread input is buf[start, end) */
	size_t cap, start, end;
	unsigned long lineno; /* lines consumed so far */
	int mapped;           /* buf is the whole file, mapped; cap is its length */
	int borrowed;         /* ... and another reader's (sheet_split) */
	unsigned headers;     /* headers met again so far */
	size_t dropped;       /* bytes of the mapping handed back below start */
	size_t stop;          /* no record starts at or after this offset */
	struct {              /* dates read lately and their days: sheets run in date order */
		char text[10];
		int day;
	} dates[16];

	int cols[COL_KNOWN];
	int activity; /* the optional activity column, or -1 */
	size_t ncols;
	struct buf header;   /* the header's field texts, NUL-separated */
	struct str *names;

	/* the current record */
	struct str *fields;
	size_t nfields, capfields;
	const char *raw; /* its text, for messages */
	size_t rawlen;
	unsigned long line;

	/* libcsv's path */
	struct csv_parser csv;
	int csv_ready, record_done;
	struct buf rawbuf, fieldbuf;
	size_t *fieldoffs;
	struct buf again; /* a header met again: the record's text while it is current */
};

static const char *const colkeys[COL_KNOWN] = {"date", "coach", "plan", "goal",
					       "mode", "minutes", "note"};

const char *sheet_colkey(enum sheet_col c)
{
	return colkeys[c];
}

int sheet_activity_column(const struct sheet *sh)
{
	return sh->activity;
}

int sheet_column(const struct sheet *sh, const char *name)
{
	for (size_t c = 0; c < sh->ncols; c++)
		if (sh->names[c].n == strlen(name) && !strncasecmp(sh->names[c].s, name, sh->names[c].n))
			return (int)c;
	return -1;
}

int sheet_col_named(const char *s, size_t n)
{
	/* a Dutch header reads like an English one, also in the words of the
	 * Dutch logbook (vorm, duur, werkzaamheden); appends keep its words */
	static const struct word dutch[] = {
		{"datum", COL_DATE},
		{"jobcoach", COL_COACH},
		{"doel", COL_GOAL},
		{"wijze|modus|vorm|contactvorm", COL_MODE},
		{"minuten|duur", COL_MINUTES},
		{"notitie|omschrijving|werkzaamheden", COL_NOTE},
		{NULL, 0},
	};
	for (int c = 0; c < COL_KNOWN; c++)
		if (n == strlen(colkeys[c]) && !strncasecmp(s, colkeys[c], n))
			return c;
	return word_lookup(dutch, s, n);
}

static int is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int is_lf(unsigned char c)
{
	return c == '\n';
}

static int blank_line(const char *line, size_t len)
{
	size_t i = 0;
	while (i < len && is_blank((unsigned char)line[i]))
		i++;
	return i == len;
}

static void add_field(struct sheet *sh, const char *s, size_t n)
{
	if (sh->nfields == sh->capfields) {
		sh->capfields = sh->capfields ? 2 * sh->capfields : 16;
		sh->fields = xreallocarray(sh->fields, sh->capfields, sizeof *sh->fields);
		sh->fieldoffs = xreallocarray(sh->fieldoffs, sh->capfields, sizeof *sh->fieldoffs);
	}
	sh->fields[sh->nfields++] = (struct str){s, n};
}

/* ---- input lines ---- */

/* The first carriage return in s that ends a line by itself (old Mac line
 * ends): not before a line feed, and not the last byte of s. */
static const char *bare_cr(const char *s, size_t n)
{
	for (const char *cr = s, *end = s + n; (cr = memchr(cr, '\r', (size_t)(end - cr))); cr++)
		if (cr + 1 < end && cr[1] != '\n')
			return cr;
	return NULL;
}

/* Text read with CR alone as its line end is one long line: its entries
 * would be one record, a header and nothing, or a quote error that does
 * not say why.  Reported at the carriage return, which is what to mend. */
static int cr_alone(const char *name, unsigned long line, const char *text, size_t len,
		    const char *cr)
{
	for (const char *p = text; p < cr; p++)
		line += *p == '\n';
	struct srcpos at = {name, line, text, len, (size_t)(cr - text), 0};
	return cp_err_at(EX_DATAERR, &at,
			 _("save it with LF or CRLF line ends, for example: tr '\\r' '\\n' < old.csv > "
			   "new.csv"),
			 _("the lines of this sheet end in a carriage return alone (old Mac line ends)"));
}

/* A line (the n bytes at text, without its line feed) longer than a record
 * may be: whether it is read or mapped, and however it was read. */
static int too_long(struct sheet *sh, const char *text, size_t n)
{
	struct srcpos at = {sh->name, sh->lineno + 1, text, n, 0, 0};
	const char *cr = bare_cr(text, n);
	sh->fatal = 1;
	if (cr)
		return cr_alone(sh->name, sh->lineno + 1, text, n, cr);
	return cp_err_at(EX_DATAERR, &at, _("is this a CSV hour sheet?"),
			 _("line is longer than %ld bytes"), SHEET_MAX_RECORD);
}

static int fill(struct sheet *sh)
{
	if (sh->start > 0) {
		memmove(sh->buf, sh->buf + sh->start, sh->end - sh->start);
		sh->end -= sh->start;
		sh->start = 0;
	}
	if (sh->end > SHEET_MAX_RECORD)
		return too_long(sh, sh->buf, sh->end);
	if (sh->end == sh->cap) {
		sh->cap *= 2;
		sh->buf = xrealloc(sh->buf, sh->cap);
	}
	for (;;) {
		ssize_t n = read(sh->fd, sh->buf + sh->end, sh->cap - sh->end);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			sh->fatal = 1;
			return cp_errno(EX_IOERR, _("%s: cannot read"), sh->name);
		}
		if (n == 0)
			sh->at_eof = 1;
		sh->end += (size_t)n;
		return 0;
	}
}

/* The next line without its line feed; 1, 0 at the end, -1 on error.
 * *terminated is 0 for a last line that has no line feed. */
static int next_line(struct sheet *sh, const char **line, size_t *len, int *terminated)
{
	for (;;) {
		size_t rest = sh->end - sh->start;
		char *nl = memchr(sh->buf + sh->start, '\n',
				  rest > SHEET_MAX_RECORD ? SHEET_MAX_RECORD + 1 : rest);
		if (!nl && rest > SHEET_MAX_RECORD) {
			too_long(sh, sh->buf + sh->start, SHEET_MAX_RECORD + 1);
			return -1;
		}
		if (nl) {
			*line = sh->buf + sh->start;
			*len = (size_t)(nl - *line);
			*terminated = 1;
			sh->start += *len + 1;
			sh->lineno++;
			return 1;
		}
		if (sh->at_eof) {
			if (sh->start >= sh->end)
				return 0;
			*line = sh->buf + sh->start;
			*len = sh->end - sh->start;
			*terminated = 0;
			sh->start = sh->end;
			sh->lineno++;
			return 1;
		}
		if (fill(sh) < 0)
			return -1;
	}
}

/* ---- the common line, in one pass ---- */

#define SEPS_MAX 64 /* separators a line may have for the one pass */
#define DROP_EVERY (256u << 10)

/* The mapped pages below the current line are not read again: handed back,
 * so that memory stays bounded by the longest record, mapped or read.  The
 * entries handed out before point there, but live only until this read. */
static void drop_read(struct sheet *sh)
{
	if (!sh->mapped || sh->start - sh->dropped < DROP_EVERY)
		return;
	size_t page = (size_t)sysconf(_SC_PAGESIZE), upto = sh->start / page * page;
	if (upto > sh->dropped)
		madvise(sh->buf + sh->dropped, upto - sh->dropped, MADV_DONTNEED);
	sh->dropped = upto;
}

/* The bytes in [p, p + 16) that are a separator, a quote or a line feed,
 * as a bit set; sixteen at a time with SSE2 (every x86-64 has it), one at
 * a time near the end. */
static unsigned specials(const char *p, const char *limit, char sep)
{
	unsigned m = 0;
#ifdef __SSE2__
	if (limit - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(sep)),
					   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
							_mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
		return (unsigned)_mm_movemask_epi8(hit);
	}
#endif
	for (int i = 0; i < 16 && p + i < limit; i++)
		m |= (unsigned)(p[i] == sep || p[i] == '"' || p[i] == '\n') << i;
	return m;
}

/* The closing quote of a field whose text starts at p, if it comes before
 * any line feed and holds no doubled quote; else NULL. */
static const char *closing_quote(const char *p, const char *limit)
{
#ifdef __SSE2__
	for (; limit - p >= 16; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
		if (m) {
			p += __builtin_ctz(m);
			return *p == '"' && (p + 1 >= limit || p[1] != '"') ? p : NULL;
		}
	}
#endif
	for (; p < limit; p++)
		if (*p == '"' || *p == '\n')
			return *p == '"' && (p + 1 >= limit || p[1] != '"') ? p : NULL;
	return NULL;
}

/* is_blank in two operations: space, tab and carriage return as bits */
#define BLANK(c) ((unsigned char)(c) <= ' ' && (0x100002200u >> (unsigned char)(c) & 1))

static struct str trimmed(const char *s, const char *e)
{
	while (s < e && BLANK(*s))
		s++;
	while (e > s && BLANK(e[-1]))
		e--;
	return (struct str){s, (size_t)(e - s)};
}

/* The line at p split into fields in one pass, and where it ends (its line
 * feed).  Quoted fields are taken when they are simple: the quote first in
 * the field, no doubled quote or line feed inside, the separator or the
 * line end (CRLF too) right after.  NULL for any other line, which the
 * other ways then split as before: one with more than SEPS_MAX fields, a
 * line longer than a record may be, or one without a line feed before end. */
static const char *scan_line(const char *line, const char *end, char sep, struct str *f,
			     size_t *nf)
{
	const char *limit = end - line > SHEET_MAX_RECORD ? line + SHEET_MAX_RECORD : end;
	const char *p = line, *fs = line;
	size_t n = 0;
	while (p < limit) {
		unsigned m = specials(p, limit, sep);
		const char *next = p + 16;
		for (; m; m &= m - 1) {
			const char *c = p + __builtin_ctz(m);
			if (n == SEPS_MAX)
				return NULL;
			if (*c != '"') {
				f[n++] = trimmed(fs, c);
				if (*c == '\n') {
					*nf = n;
					return c;
				}
				fs = c + 1;
				continue;
			}
			const char *close = c == fs ? closing_quote(c + 1, limit) : NULL;
			if (!close)
				return NULL;
			const char *after = close + 1;
			if (after + 1 < limit && after[0] == '\r' && after[1] == '\n')
				after++;
			if (after >= limit || (*after != sep && *after != '\n'))
				return NULL;
			f[n++] = (struct str){c + 1, (size_t)(close - c - 1)};
			if (*after == '\n') {
				*nf = n;
				return after;
			}
			fs = after + 1;
			next = fs;
			break;
		}
		p = next;
	}
	return NULL;
}

/* Whether a record is a spreadsheet's empty row: no more fields than the
 * header, and each of them empty (a blank line is one). */
static int all_empty(const struct sheet *sh, size_t n)
{
	if (n > sh->ncols)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (sh->fields[i].n)
			return 0;
	return 1;
}

/* The next line as a record, if it is the common kind (scan_line).  0
 * leaves it to next_line and the splitters, blank lines too. */
static int plain_record(struct sheet *sh)
{
	size_t n;
	const char *line = sh->buf + sh->start;
	/* split straight into the record's fields: when this is no record
	 * after all, the other ways fill them afresh */
	while (sh->capfields < SEPS_MAX)
		add_field(sh, NULL, 0);
	sh->nfields = 0;
	const char *nl = scan_line(line, sh->buf + sh->end, sh->sep, sh->fields, &n);
	if (!nl || all_empty(sh, n))
		return 0;
	sh->nfields = n;
	sh->raw = line;
	sh->rawlen = (size_t)(nl - line);
	sh->start += sh->rawlen + 1;
	sh->line = ++sh->lineno;
	return 1;
}

/* ---- the two ways to split a record ---- */

static void split_plain(struct sheet *sh, const char *line, size_t len)
{
	const char *p = line, *end = line + len;
	/* room for the common case up front, so the loop need not check */
	if (sh->capfields < sh->ncols + 1)
		add_field(sh, NULL, 0), sh->nfields = 0;
	for (;;) {
		const char *q = memchr(p, sh->sep, (size_t)(end - p));
		const char *fe = q ? q : end, *fs = p;
		while (fs < fe && is_blank((unsigned char)*fs))
			fs++;
		while (fe > fs && is_blank((unsigned char)fe[-1]))
			fe--;
		if (sh->nfields < sh->capfields)
			sh->fields[sh->nfields++] = (struct str){fs, (size_t)(fe - fs)};
		else
			add_field(sh, fs, (size_t)(fe - fs));
		if (!q)
			break;
		p = q + 1;
	}
}

/* Fields written as offsets into fieldbuf (which may move while a record
 * is read) become pointers once the record is complete. */
static void settle_fields(struct sheet *sh)
{
	for (size_t i = 0; i < sh->nfields; i++)
		if (!sh->fields[i].s)
			sh->fields[i].s = sh->fieldbuf.s + sh->fieldoffs[i];
}

/* A line holding quotes, split here if it is one well-formed record;
 * 0 leaves it, untouched, to libcsv. */
static int split_simple_quoted(struct sheet *sh, const char *line, size_t len)
{
	const char *p = line, *end = line + len;
	sh->fieldbuf.len = 0;
	for (;;) {
		while (p < end && is_blank((unsigned char)*p))
			p++;
		if (p < end && *p == '"') {
			const char *text = ++p;
			size_t off = sh->fieldbuf.len;
			int escaped = 0;
			for (;;) {
				const char *q = memchr(p, '"', (size_t)(end - p));
				if (!q)
					return 0; /* the field runs on past the line */
				if (q + 1 < end && q[1] == '"') { /* "" is one quote */
					buf_add(&sh->fieldbuf, p, (size_t)(q + 1 - p));
					escaped = 1;
					p = q + 2;
					continue;
				}
				if (escaped) {
					buf_add(&sh->fieldbuf, p, (size_t)(q - p));
					add_field(sh, NULL, sh->fieldbuf.len - off);
					sh->fieldoffs[sh->nfields - 1] = off;
				} else
					add_field(sh, text, (size_t)(q - text));
				p = q + 1;
				break;
			}
			while (p < end && is_blank((unsigned char)*p))
				p++;
			if (p < end && *p != sh->sep)
				return 0; /* text after the closing quote */
		} else {
			const char *q = memchr(p, sh->sep, (size_t)(end - p));
			const char *fe = q ? q : end;
			if (memchr(p, '"', (size_t)(fe - p)))
				return 0; /* a quote inside a field that is not quoted */
			while (fe > p && is_blank((unsigned char)fe[-1]))
				fe--;
			add_field(sh, p, (size_t)(fe - p));
			p = q ? q : end;
		}
		if (p >= end)
			break;
		p++; /* past the separator */
	}
	settle_fields(sh);
	return 1;
}

static void on_field(void *s, size_t n, void *data)
{
	struct sheet *sh = data;
	size_t off = sh->fieldbuf.len;
	buf_add(&sh->fieldbuf, s, n);
	buf_putc(&sh->fieldbuf, '\0');
	add_field(sh, NULL, n);
	sh->fieldoffs[sh->nfields - 1] = off;
}

static void on_record(int c, void *data)
{
	(void)c;
	((struct sheet *)data)->record_done = 1;
}

static int csv_setup(struct sheet *sh)
{
	if (sh->csv_ready)
		csv_free(&sh->csv);
	if (csv_init(&sh->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return cp_err(EX_OSERR, _("out of memory"));
	csv_set_delim(&sh->csv, (unsigned char)sh->sep);
	csv_set_space_func(&sh->csv, is_blank);
	csv_set_term_func(&sh->csv, is_lf);
	sh->csv_ready = 1;
	return 0;
}

/* Where, in the raw record, field k starts: for messages only. */
static size_t field_offset(const struct sheet *sh, size_t k)
{
	int quoted = 0;
	size_t field = 0;
	for (size_t i = 0; i < sh->rawlen; i++) {
		if (field == k)
			return i;
		if (sh->raw[i] == '"')
			quoted = !quoted;
		else if (sh->raw[i] == sh->sep && !quoted)
			field++;
	}
	return sh->rawlen;
}

void sheet_pos(const struct sheet *sh, size_t col, struct srcpos *at)
{
	size_t off = col == (size_t)-1 ? 0 : field_offset(sh, col);
	unsigned long line = sh->line;
	for (size_t i = 0; i < off; i++)
		line += sh->raw[i] == '\n';
	*at = (struct srcpos){sh->name, line, sh->raw, sh->rawlen, off, 0};
	if (col != (size_t)-1 && col < sh->nfields)
		at->span = sh->fields[col].n ? sh->fields[col].n : 0;
}

/* Where byte off of the current record's text is. */
static void record_pos(const struct sheet *sh, size_t off, struct srcpos *at)
{
	*at = (struct srcpos){sh->name, sh->line, sh->raw, sh->rawlen, off, 0};
	for (size_t i = 0; i < off && i < sh->rawlen; i++)
		at->line += sh->raw[i] == '\n';
}

static int csv_error_at(struct sheet *sh, size_t off, const char *msg, const char *hint)
{
	struct srcpos at;
	record_pos(sh, off, &at);
	sh->nfields = 0; /* a bad record has no fields (libcsv's may be half made) */
	csv_setup(sh); /* libcsv keeps its error state; start afresh */
	return cp_err_at(EX_DATAERR, &at, hint, "%s", msg);
}

/* Offset of the quote that opens the field still open at the end ("" in
 * a quoted field is a quote in its text, not its end). */
static size_t open_quote(const struct sheet *sh)
{
	int quoted = 0;
	size_t at = 0;
	for (size_t i = 0; i < sh->rawlen; i++)
		if (sh->raw[i] == '"') {
			if (quoted && i + 1 < sh->rawlen && sh->raw[i + 1] == '"')
				i++;
			else if (!quoted)
				at = i, quoted = 1;
			else
				quoted = 0;
		}
	return at;
}

static int split_quoted(struct sheet *sh, const char *line, size_t len, int terminated)
{
	sh->rawbuf.len = 0;
	sh->fieldbuf.len = 0;
	sh->record_done = 0;
	for (;;) {
		size_t before = sh->rawbuf.len;
		buf_add(&sh->rawbuf, line, len);
		if (terminated)
			buf_putc(&sh->rawbuf, '\n');
		sh->raw = sh->rawbuf.s;
		sh->rawlen = sh->rawbuf.len;
		size_t fed = sh->rawbuf.len - before;
		size_t got = csv_parse(&sh->csv, sh->rawbuf.s + before, fed, on_field, on_record, sh);
		const char *cr = got != fed ? bare_cr(sh->raw, before + got + 1) : NULL;
		if (cr) {
			sh->nfields = 0;
			csv_setup(sh);
			return cr_alone(sh->name, sh->line, sh->raw, sh->rawlen, cr);
		}
		if (got != fed)
			return csv_error_at(sh, before + got,
					    _("a quote inside a field that is not quoted, or text after "
					      "a closing quote"),
					    _("a field with a quote in it is written \"like \"\"this\"\"\""));
		if (sh->record_done)
			break;
		if (!terminated) {
			if (csv_fini(&sh->csv, on_field, on_record, sh) != 0) {
				sh->fatal = sh->open_at_end = 1;
				return csv_error_at(sh, open_quote(sh), _("quote opened here is never closed"),
						    _("add the closing quote"));
			}
			break;
		}
		if (sh->rawbuf.len > SHEET_MAX_RECORD) {
			sh->fatal = 1;
			return csv_error_at(sh, open_quote(sh),
					    _("quoted field runs on for more than a megabyte"),
					    _("is the closing quote missing?"));
		}
		int r = next_line(sh, &line, &len, &terminated);
		if (r < 0)
			return -1;
		if (r == 0) {
			terminated = 0;
			line = "";
			len = 0;
			if (csv_fini(&sh->csv, on_field, on_record, sh) != 0) {
				sh->fatal = sh->open_at_end = 1;
				return csv_error_at(sh, open_quote(sh), _("quote opened here is never closed"),
						    _("add the closing quote"));
			}
			break;
		}
	}
	settle_fields(sh);
	return 0;
}

/* The next record's fields; 1, 0 at the end, -1 on a bad record. */
static int next_record(struct sheet *sh)
{
	const char *line = NULL;
	size_t len = 0;
	int terminated = 0;
	for (;;) {
		sh->nfields = 0;
		if (sh->start >= sh->stop)
			return 0;
		drop_read(sh);
		if (plain_record(sh))
			return 1;
		int r = next_line(sh, &line, &len, &terminated);
		if (r <= 0 || !line) /* next_line sets line when it returns 1 */
			return r <= 0 ? r : -1;
		sh->line = sh->lineno;
		sh->raw = line;
		sh->rawlen = len;
		if (!memchr(line, '"', len)) {
			split_plain(sh, line, len);
			if (all_empty(sh, sh->nfields))
				continue; /* a blank line is no record */
			return 1;
		}
		if (split_simple_quoted(sh, line, len)) {
			if (all_empty(sh, sh->nfields))
				continue;
			return 1;
		}
		sh->nfields = 0;
		if (split_quoted(sh, line, len, terminated) < 0)
			return -1;
		if (sh->nfields && !all_empty(sh, sh->nfields))
			return 1;
	}
}

/* ---- the header ---- */

static char detect_sep(const char *line, size_t len)
{
	size_t commas = 0, semis = 0;
	int quoted = 0;
	for (size_t i = 0; i < len; i++) {
		if (line[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			commas += line[i] == ',', semis += line[i] == ';';
	}
	return semis > commas ? ';' : ',';
}

/* The record in sh->fields as the sheet's column names.  -1 if it lacks a
 * required column or names one twice; reported if report is set. */
static int adopt_header(struct sheet *sh, int report)
{
	struct srcpos at;
	int cols[COL_KNOWN], bad = 0;
	for (int c = 0; c < COL_KNOWN; c++)
		cols[c] = -1;
	if (sh->nfields > SHEET_MAX_COLUMNS) { /* names are compared pairwise below */
		if (report) {
			sheet_pos(sh, SHEET_MAX_COLUMNS, &at);
			cp_err_at(EX_DATAERR, &at, _("is this a CSV hour sheet?"),
				  _("the header has more than %d columns"), SHEET_MAX_COLUMNS);
		}
		return -1;
	}
	for (size_t i = 0; i < sh->nfields; i++) {
		struct str f = sh->fields[i];
		for (size_t j = 0; j < i; j++)
			if (sh->fields[j].n == f.n && !strncasecmp(sh->fields[j].s, f.s, f.n)) {
				if (report) {
					sheet_pos(sh, i, &at);
					cp_err_at(EX_DATAERR, &at, _("give every column its own name"),
						  _("column %s appears twice in the header"), quote(f.s, f.n));
				}
				bad = 1;
				break; /* once per column: a line of commas is not n^2 messages */
			}
		int c = sheet_col_named(f.s, f.n);
		if (c >= 0)
			cols[c] = (int)i;
	}
	for (int c = 0; c < COL_KNOWN && !bad; c++)
		if (cols[c] < 0 && c != COL_NOTE &&
		    !((c == COL_COACH || c == COL_GOAL) && (sh->flags & SHEET_OWN_LIST))) {
			if (report) {
				sheet_pos(sh, (size_t)-1, &at);
				cp_err_at(EX_DATAERR, &at,
					  sh->flags & SHEET_OWN_LIST
						  ? _("the first line names the columns: date,plan,mode,"
						      "minutes and, if there are any, coach,goal,note")
						  : _("the first line names the columns: "
						      "date,coach,plan,goal,mode,minutes,note"),
					  _("the header has no column %s"), colkeys[c]);
			}
			bad = 1;
		}
	if (bad)
		return -1;
	memcpy(sh->cols, cols, sizeof cols);
	sh->ncols = sh->nfields;
	sh->header.len = 0;
	for (size_t i = 0; i < sh->nfields; i++) {
		buf_add(&sh->header, sh->fields[i].s, sh->fields[i].n);
		buf_putc(&sh->header, '\0');
	}
	sh->names = xreallocarray(sh->names, sh->ncols ? sh->ncols : 1, sizeof *sh->names);
	for (size_t i = 0, off = 0; i < sh->ncols; off += sh->fields[i++].n + 1)
		sh->names[i] = (struct str){sh->header.s + off, sh->fields[i].n};
	sh->activity = sheet_column(sh, "activity");
	if (sh->activity < 0)
		sh->activity = sheet_column(sh, "activiteit");
	return 0;
}

static int split_header(struct sheet *sh, const char *line, size_t len, int terminated)
{
	if (len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3)) {
		line += 3;
		len -= 3;
	}
	sh->sep = detect_sep(line, len);
	if (csv_setup(sh) < 0)
		return -1;
	sh->raw = line;
	sh->rawlen = len;
	sh->nfields = 0;
	if (!memchr(line, '"', len))
		split_plain(sh, line, len);
	else if (!split_simple_quoted(sh, line, len)) {
		sh->nfields = 0;
		if (split_quoted(sh, line, len, terminated) < 0)
			return -1;
	}
	return 0;
}

/* A carriage return inside the header line, not before its line feed: the
 * sheet was saved with old Mac line ends (CR alone), so the whole file
 * reads as one line.  Read as it is, it would be a header and no entries,
 * hours that silently count as none: refuse it. */
static int cr_only(const struct sheet *sh, const char *line, size_t len)
{
	const char *cr = bare_cr(line, len);
	return cr ? cr_alone(sh->name, sh->line, line, len, cr) : 0;
}

static int header(struct sheet *sh)
{
	const char *line;
	size_t len;
	int terminated;
	for (;;) { /* blank lines before the header are no record, as everywhere */
		int r = next_line(sh, &line, &len, &terminated);
		if (r <= 0)
			return r; /* an empty file is a sheet without entries */
		size_t bom = sh->lineno == 1 && len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3) ? 3 : 0;
		if (!blank_line(line + bom, len - bom))
			break;
	}
	sh->line = sh->lineno;
	if (cr_only(sh, line, len) < 0 || split_header(sh, line, len, terminated) < 0 ||
	    adopt_header(sh, 1) < 0) {
		sh->fatal = 1;
		return -1;
	}
	return 1;
}

/* Whether a line names the required columns, judged without touching the
 * current record (which is reported if this is no header). */
static int looks_like_header(const char *line, size_t len)
{
	if (len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3)) {
		line += 3;
		len -= 3;
	}
	char sep = detect_sep(line, len);
	unsigned seen = 0;
	for (const char *p = line, *end = line + len; p <= end;) {
		const char *q = memchr(p, sep, (size_t)(end - p));
		const char *fs = p, *fe = q ? q : end;
		while (fs < fe && (is_blank((unsigned char)*fs) || *fs == '"'))
			fs++;
		while (fe > fs && (is_blank((unsigned char)fe[-1]) || fe[-1] == '"'))
			fe--;
		int c = sheet_col_named(fs, (size_t)(fe - fs));
		if (c >= 0)
			seen |= 1u << c;
		p = fe < end && q ? q + 1 : end + 1;
	}
	return (seen | 1u << COL_NOTE) == (1u << COL_KNOWN) - 1;
}

/* A record that fails may be the header of a second sheet, as in
 * `cat hours/a.csv hours/b.csv | cp-hours -`: then it names the columns from
 * here on. */
static int header_again(struct sheet *sh)
{
	size_t len = sh->rawlen;
	while (len && (sh->raw[len - 1] == '\n' || sh->raw[len - 1] == '\r'))
		len--;
	if (memchr(sh->raw, '\n', len) || !looks_like_header(sh->raw, len))
		return 0;
	/* a copy (raw may lie in rawbuf, which splitting reuses) that lives on:
	 * the fields and messages of a bad header point into it */
	sh->again.len = 0;
	buf_add(&sh->again, sh->raw, len);
	int ok = split_header(sh, sh->again.s, len, 0) == 0 && adopt_header(sh, 1) == 0;
	if (!ok)
		sh->fatal = 1;
	sh->headers++;
	return ok ? 1 : -1;
}

/* ---- entries ---- */

static int bad_field(struct sheet *sh, enum sheet_col c, const char *hint, const char *msg)
{
	struct srcpos at;
	sheet_pos(sh, (size_t)sh->cols[c], &at);
	return cp_err_at(EX_DATAERR, &at, hint, "%s", msg);
}

static struct str field(const struct sheet *sh, enum sheet_col c)
{
	return sh->cols[c] < 0 ? (struct str){"", 0} : sh->fields[sh->cols[c]];
}

static long whole_minutes(struct str s)
{
	long v = 0;
	if (s.n == 0 || s.n > 5)
		return -1;
	for (size_t i = 0; i < s.n; i++) {
		if (s.s[i] < '0' || s.s[i] > '9')
			return -1;
		v = v * 10 + (s.s[i] - '0');
	}
	return v;
}

/* Whether any of the eight bytes in w is below 0x20 or above 0x7e
 * (exact, as a yes or no: the classic tests for a byte less than n and
 * more than n, per byte in parallel). */
static int unprintable8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	return (((w - ones * 0x20) & ~w) | ((w + ones * (127 - 0x7e)) | w)) & highs ? 1 : 0;
}

/* Printable ASCII: valid UTF-8 without a control character, as most names
 * are; eight bytes at a time. */
static int printable_ascii(struct str s)
{
	size_t i = 0;
	uint64_t w;
	for (; i + 8 <= s.n; i += 8) {
		memcpy(&w, s.s + i, 8);
		if (unprintable8(w))
			return 0;
	}
	for (; i < s.n; i++)
		if ((unsigned char)(s.s[i] - 0x20) >= 0x5f)
			return 0;
	return 1;
}

/* A date as typed (SHEET_LENIENT), day first as well: 20-11-2026, 20-11,
 * 20 nov, or as a coach says it: ma, gisteren, vr 20-11; -1 if not, with
 * why it is none where it has that shape. */
static int typed_date(struct str s, int *day, const char **why)
{
	const char *dmy;
	char word[64];
	int r = -2;
	if (s.n < sizeof word) {
		memcpy(word, s.s, s.n);
		word[s.n] = '\0';
		r = date_parse_word(word, date_today(), day, &dmy);
	}
	if (r == -2)
		r = date_parse_typed(s.s, s.n, date_today(), day, &dmy);
	if (r == -1)
		*why = dmy;
	return r == 0 ? 0 : -1;
}

/* For 01-12-2026 in a sheet: the same day as the sheet writes it. */
static const char *day_first_hint(struct str s)
{
	static char hint[96];
	char iso[11];
	int day = date_typed_with_year(s.s, s.n);
	if (day == DATE_NONE)
		return NULL;
	date_format(day, iso);
	snprintf(hint, sizeof hint, _("a sheet writes the year first: %s"), iso);
	return hint;
}

/* 0 for a good entry, 1 for a header again, -1 (reported) for a bad one */
static int to_entry(struct sheet *sh, struct entry *e)
{
	char msg[256];
	const char *why;
	/* every column but the note is there (adopt_header), and so is a
	 * field for each (sheet_next) */
	const struct str *f = sh->fields;
	struct str date = f[sh->cols[COL_DATE]], minutes = f[sh->cols[COL_MINUTES]];
	struct str mode = f[sh->cols[COL_MODE]];
	e->line = sh->line;
	e->coach = field(sh, COL_COACH);
	e->plan = f[sh->cols[COL_PLAN]];
	e->goal = field(sh, COL_GOAL);
	e->note = field(sh, COL_NOTE);
	e->activity = sh->activity >= 0 && (size_t)sh->activity < sh->nfields
			      ? sh->fields[sh->activity]
			      : (struct str){"", 0};
	unsigned slot = date.n == 10 ? ((unsigned char)date.s[9] + 3u * (unsigned char)date.s[8] +
					(unsigned char)date.s[6]) % 16 : 0;
	if (date.n == 10 && !memcmp(date.s, sh->dates[slot].text, 10))
		e->date = sh->dates[slot].day;
	else if (!(why = date_parse(date.s, date.n, &e->date))) {
		memcpy(sh->dates[slot].text, date.s, 10); /* a good date is 10 bytes */
		sh->dates[slot].day = e->date;
	} else if (!(sh->flags & SHEET_LENIENT) || typed_date(date, &e->date, &why) < 0) {
		int again = header_again(sh);
		if (again)
			return again;
		if (date.n > 3 && !memcmp(date.s, "\xef\xbb\xbf", 3)) /* from cat a.csv b.csv */
			return bad_field(sh, COL_DATE, _("a sheet may start with one, nowhere else"),
					 _("an invisible byte order mark (U+FEFF) before the date"));
		return bad_field(sh, COL_DATE, day_first_hint(date), why);
	}
	if (!e->coach.n && sh->cols[COL_COACH] >= 0)
		return bad_field(sh, COL_COACH, _("name the coach who spent the time"),
				 _("missing coach"));
	/* a sheet is UTF-8, and a coach's name goes into every tool's output;
	 * printable ASCII, as most names are, needs neither check */
	if (!printable_ascii(e->coach)) {
		if (utf8_invalid(e->coach.s, e->coach.n) != e->coach.n)
			return bad_field(sh, COL_COACH, _("save the sheet as UTF-8"),
					 _("coach is not valid UTF-8"));
		for (size_t i = 0; i < e->coach.n; i++) /* a tab is harmless; an escape is not */
			if (((unsigned char)e->coach.s[i] < 0x20 && e->coach.s[i] != '\t') ||
			    e->coach.s[i] == 0x7f)
				return bad_field(sh, COL_COACH, NULL, _("coach holds a control character"));
	}
	if (utf8_invalid(e->note.s, e->note.n) != e->note.n)
		return bad_field(sh, COL_NOTE, _("save the sheet as UTF-8"),
				 _("note is not valid UTF-8"));
	if (!id_valid(e->plan.s, e->plan.n)) {
		snprintf(msg, sizeof msg, e->plan.n ? _("bad plan id %s") : _("missing plan id"),
			 quote(e->plan.s, e->plan.n));
		return bad_field(sh, COL_PLAN, _("a plan id is letters, digits, '.', '_' and '-'"), msg);
	}
	if (e->goal.n && !id_valid(e->goal.s, e->goal.n)) {
		snprintf(msg, sizeof msg, _("bad goal id %s"), quote(e->goal.s, e->goal.n));
		return bad_field(sh, COL_GOAL, _("a goal id is letters, digits, '.', '_' and '-'"), msg);
	}
	if ((e->mode = mode_parse(mode.s, mode.n)) < 0) {
		snprintf(msg, sizeof msg, mode.n ? _("unknown mode %s") : _("missing mode"),
			 quote(mode.s, mode.n));
		char hint[256];
		snprintf(hint, sizeof hint, _("mode is one of %s"), vocab_choices(&vocab_mode));
		return bad_field(sh, COL_MODE, hint, msg);
	}
	e->minutes = whole_minutes(minutes);
	if (e->minutes > 0 && e->minutes <= DURATION_MAX)
		return 0;
	if (sh->flags & SHEET_LENIENT) {
		why = duration_parse(minutes.s, minutes.n, &e->minutes);
		return why ? bad_field(sh, COL_MINUTES, NULL, why) : 0;
	}
	if (e->minutes == 0 || e->minutes > DURATION_MAX)
		return bad_field(sh, COL_MINUTES, _("an entry is 1 to 1440 minutes"),
				 _("minutes out of range"));
	return bad_field(sh, COL_MINUTES, _("the file holds whole minutes, as in 90"),
			 minutes.n ? _("minutes must be a whole number") : _("missing minutes"));
}

int sheet_record(struct sheet *sh)
{
	return sh->fatal ? 0 : next_record(sh);
}

int sheet_ends_open(struct sheet *sh, struct srcpos *at)
{
	cp_errors_quiet_thread(1); /* the other faults are not this question's */
	while (sheet_record(sh) != 0)
		;
	cp_errors_quiet_thread(0);
	if (!sh->open_at_end) /* a sound end, or a fault of another kind */
		return 0;
	record_pos(sh, open_quote(sh), at);
	return 1;
}

size_t sheet_nfields(const struct sheet *sh)
{
	return sh->nfields;
}

/* Why a record may have the wrong number of fields. */
static const char *count_hint(const struct sheet *sh)
{
	const char *cr = memchr(sh->raw, '\r', sh->rawlen);
	if (cr && cr + 1 < sh->raw + sh->rawlen && cr[1] != '\n')
		return _("a carriage return without a line feed joins two lines here; save the "
			 "sheet with LF or CRLF line ends");
	char other = sh->sep == ';' ? ',' : ';';
	size_t others = 0;
	for (size_t i = 0; i < sh->rawlen; i++)
		others += sh->raw[i] == other;
	if (sh->nfields < sh->ncols && others + 1 >= sh->ncols)
		return sh->sep == ';' ? _("the header is separated by ; and this line by ,")
				      : _("the header is separated by , and this line by ;");
	if (sh->nfields < sh->ncols)
		return sh->sep == ';' ? _("every line has a field for each column, an empty one too (;;)")
				      : _("every line has a field for each column, an empty one too (,,)");
	return sh->sep == ';' ? _("a field with a semicolon in it needs double quotes")
			      : _("a field with a comma in it needs double quotes");
}

int sheet_next(struct sheet *sh, struct entry *e)
{
	int r;
again:
	if ((r = sheet_record(sh)) <= 0)
		return r;
	if (sh->nfields != sh->ncols) {
		if ((r = header_again(sh)) > 0)
			goto again;
		if (r < 0)
			return -1;
		struct srcpos at;
		size_t col = sh->nfields > sh->ncols ? sh->ncols : (size_t)-1;
		sheet_pos(sh, col, &at);
		if (conflict_marker(sh->raw, sh->rawlen) == 0) {
			at.off = 0;
			return conflict_err(&at);
		}
		if (col == (size_t)-1) {
			at.off = sh->rawlen;
			while (at.off > 0 && (sh->raw[at.off - 1] == '\n' || sh->raw[at.off - 1] == '\r'))
				at.off--;
		}
		return cp_err_at(EX_DATAERR, &at, count_hint(sh),
				 ngettext("%zu field where the header has %zu",
					  "%zu fields where the header has %zu", sh->nfields),
				 sh->nfields, sh->ncols);
	}
	if ((r = to_entry(sh, e)) > 0)
		goto again;
	return r < 0 ? -1 : 1;
}

/* ---- opening and closing ---- */

struct sheet *sheet_open_fd(int fd, const char *name, int flags)
{
	struct sheet *sh = xcalloc(1, sizeof *sh);
	sh->name = xstrdup(name);
	sh->fd = fd;
	sh->flags = flags;
	sh->sep = ',';
	sh->stop = (size_t)-1;
	struct stat st;
	off_t at;
	/* a file is mapped, not copied; a pipe is read */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (at = lseek(fd, 0, SEEK_CUR)) >= 0 && at < st.st_size && (uintmax_t)st.st_size <= SIZE_MAX) {
		void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (map != MAP_FAILED) {
			madvise(map, (size_t)st.st_size, MADV_SEQUENTIAL);
			sh->buf = map;
			sh->mapped = 1;
			sh->cap = sh->end = (size_t)st.st_size;
			sh->start = sh->dropped = (size_t)at;
			sh->at_eof = 1;
		}
	}
	if (!sh->mapped) {
		sh->cap = CHUNK;
		sh->buf = xmalloc(sh->cap);
	}
	for (int c = 0; c < COL_KNOWN; c++)
		sh->cols[c] = -1;
	sh->activity = -1;
	if (header(sh) < 0) {
		sh->fd = -1;
		sheet_close(sh);
		return NULL;
	}
	return sh;
}

struct sheet *sheet_open(const char *path, int flags)
{
	if (!strcmp(path, "-"))
		return sheet_open_fd(STDIN_FILENO, _("standard input"), flags);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		cp_errno(EX_NOINPUT, _("%s: cannot open"), path);
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		cp_errno(EX_NOINPUT, _("%s: cannot read"), path);
		return NULL;
	}
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	struct sheet *sh = sheet_open_fd(fd, path, flags);
	if (!sh)
		close(fd);
	else
		sh->own_fd = 1;
	return sh;
}

void sheet_close(struct sheet *sh)
{
	if (!sh)
		return;
	if (sh->own_fd)
		close(sh->fd);
	if (sh->csv_ready)
		csv_free(&sh->csv);
	free(sh->name);
	if (sh->mapped && !sh->borrowed)
		munmap(sh->buf, sh->cap);
	else if (!sh->mapped)
		free(sh->buf);
	free(sh->fields);
	free(sh->fieldoffs);
	free(sh->names);
	buf_free(&sh->header);
	buf_free(&sh->rawbuf);
	buf_free(&sh->fieldbuf);
	buf_free(&sh->again);
	free(sh);
}

/* ---- reading one sheet on two cores ---- */

struct sheet *sheet_split(struct sheet *sh, size_t least)
{
	if (!sh->mapped || sh->fatal || sh->end - sh->start < least || sh->stop != (size_t)-1)
		return NULL;
	size_t mid = sh->start + (sh->end - sh->start) / 2;
	const char *nl = memchr(sh->buf + mid, '\n', sh->end - mid);
	if (!nl || (size_t)(nl + 1 - sh->buf) >= sh->end)
		return NULL;
	struct sheet *part = xcalloc(1, sizeof *part);
	part->name = xstrdup(sh->name);
	part->fd = -1;
	part->flags = sh->flags;
	part->sep = sh->sep;
	part->buf = sh->buf;
	part->mapped = part->borrowed = part->at_eof = 1;
	part->cap = sh->cap;
	part->end = sh->end;
	part->start = part->dropped = sh->stop = (size_t)(nl + 1 - sh->buf);
	part->stop = (size_t)-1;
	memcpy(part->cols, sh->cols, sizeof sh->cols);
	part->activity = sh->activity;
	part->ncols = sh->ncols;
	buf_add(&part->header, sh->header.s, sh->header.len);
	part->names = xreallocarray(NULL, sh->ncols ? sh->ncols : 1, sizeof *part->names);
	for (size_t i = 0; i < sh->ncols; i++)
		part->names[i] = (struct str){part->header.s + (sh->names[i].s - sh->header.s),
					      sh->names[i].n};
	if (csv_setup(part) < 0) {
		sheet_close(part);
		return NULL;
	}
	part->headers = sh->headers;
	return part;
}

int sheet_rejoin(struct sheet *sh, unsigned headers)
{
	int exact = !sh->fatal && sh->start == sh->stop && sh->headers == headers;
	sh->stop = (size_t)-1;
	return exact;
}

unsigned sheet_headers(const struct sheet *sh)
{
	return sh->headers;
}

const char *sheet_name(const struct sheet *sh)
{
	return sh->name;
}

char sheet_sep(const struct sheet *sh)
{
	return sh->sep;
}

size_t sheet_ncols(const struct sheet *sh)
{
	return sh->ncols;
}

struct str sheet_colname(const struct sheet *sh, size_t col)
{
	return sh->names[col];
}

int sheet_colof(const struct sheet *sh, enum sheet_col c)
{
	return sh->cols[c];
}

struct str sheet_field(const struct sheet *sh, size_t col)
{
	return col < sh->nfields ? sh->fields[col] : (struct str){"", 0};
}
