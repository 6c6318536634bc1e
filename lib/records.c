/* records.c: a sheet's bytes cut into lines and records.
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
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "sheetread.h"

static int is_lf(unsigned char c)
{
	return c == '\n';
}

int rec_blank_line(const char *line, size_t len)
{
	size_t i = 0;
	while (i < len && rec_blank_byte((unsigned char)line[i]))
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
int rec_next_line(struct sheet *sh, const char **line, size_t *len, int *terminated)
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

/* rec_blank_byte in two operations: space, tab and carriage return as bits */
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
 * leaves it to rec_next_line and the splitters, blank lines too. */
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
		while (fs < fe && rec_blank_byte((unsigned char)*fs))
			fs++;
		while (fe > fs && rec_blank_byte((unsigned char)fe[-1]))
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
		while (p < end && rec_blank_byte((unsigned char)*p))
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
			while (p < end && rec_blank_byte((unsigned char)*p))
				p++;
			if (p < end && *p != sh->sep)
				return 0; /* text after the closing quote */
		} else {
			const char *q = memchr(p, sh->sep, (size_t)(end - p));
			const char *fe = q ? q : end;
			if (memchr(p, '"', (size_t)(fe - p)))
				return 0; /* a quote inside a field that is not quoted */
			while (fe > p && rec_blank_byte((unsigned char)fe[-1]))
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

int rec_csv_setup(struct sheet *sh)
{
	if (sh->csv_ready)
		csv_free(&sh->csv);
	if (csv_init(&sh->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return cp_err(EX_OSERR, _("out of memory"));
	csv_set_delim(&sh->csv, (unsigned char)sh->sep);
	csv_set_space_func(&sh->csv, rec_blank_byte);
	csv_set_term_func(&sh->csv, is_lf);
	sh->csv_ready = 1;
	return 0;
}

/* Where byte off of the current record's text is. */
void rec_pos(const struct sheet *sh, size_t off, struct srcpos *at)
{
	*at = (struct srcpos){sh->name, sh->line, sh->raw, sh->rawlen, off, 0};
	for (size_t i = 0; i < off && i < sh->rawlen; i++)
		at->line += sh->raw[i] == '\n';
}

static int csv_error_at(struct sheet *sh, size_t off, const char *msg, const char *hint)
{
	struct srcpos at;
	rec_pos(sh, off, &at);
	sh->nfields = 0; /* a bad record has no fields (libcsv's may be half made) */
	rec_csv_setup(sh); /* libcsv keeps its error state; start afresh */
	return cp_err_at(EX_DATAERR, &at, hint, "%s", msg);
}

/* Offset of the quote that opens the field still open at the end ("" in
 * a quoted field is a quote in its text, not its end). */
size_t rec_open_quote(const struct sheet *sh)
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
			rec_csv_setup(sh);
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
				return csv_error_at(sh, rec_open_quote(sh), _("quote opened here is never closed"),
						    _("add the closing quote"));
			}
			break;
		}
		if (sh->rawbuf.len > SHEET_MAX_RECORD) {
			sh->fatal = 1;
			return csv_error_at(sh, rec_open_quote(sh),
					    _("quoted field runs on for more than a megabyte"),
					    _("is the closing quote missing?"));
		}
		int r = rec_next_line(sh, &line, &len, &terminated);
		if (r < 0)
			return -1;
		if (r == 0) {
			terminated = 0;
			line = "";
			len = 0;
			if (csv_fini(&sh->csv, on_field, on_record, sh) != 0) {
				sh->fatal = sh->open_at_end = 1;
				return csv_error_at(sh, rec_open_quote(sh), _("quote opened here is never closed"),
						    _("add the closing quote"));
			}
			break;
		}
	}
	settle_fields(sh);
	return 0;
}

/* The next record's fields; 1, 0 at the end, -1 on a bad record. */
int rec_next(struct sheet *sh)
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
		int r = rec_next_line(sh, &line, &len, &terminated);
		if (r <= 0 || !line) /* rec_next_line sets line when it returns 1 */
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

/* ---- the header line (sheet.c makes it the columns) ---- */

/* Whether the header line separates by semicolons (Dutch Excel) or commas. */
char rec_detect_sep(const char *line, size_t len)
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

/* The header line as the current record, with its separator. */
int rec_split_header(struct sheet *sh, const char *line, size_t len, int terminated)
{
	if (len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3)) {
		line += 3;
		len -= 3;
	}
	sh->sep = rec_detect_sep(line, len);
	if (rec_csv_setup(sh) < 0)
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
int rec_cr_only(const struct sheet *sh, const char *line, size_t len)
{
	const char *cr = bare_cr(line, len);
	return cr ? cr_alone(sh->name, sh->line, line, len, cr) : 0;
}
