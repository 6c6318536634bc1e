/* sheet.c: reading hour sheets (coachplan-sheet(5)) as a stream of entries:
 * the header that names the columns, each record checked as an entry, the
 * reader opened on a file (mapped) or a pipe (read), and split in two to
 * read on two cores.  records.c cuts the bytes into records. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sheetread.h"

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

/* ---- the header ---- */

static const char *const save_as_csv =
	N_("save it as CSV (UTF-8) first: in Excel Save As \"CSV UTF-8 (Comma delimited)\", in "
	   "LibreOffice \"Text CSV\" with the character set \"Unicode (UTF-8)\"");

/* A file that is no CSV text, given for a sheet: a workbook (.xlsx and
 * .ods are zip files, .xls an OLE2 file), or a sheet saved as "Unicode
 * text" (UTF-16).  Said as what it is, rather than as a header that lacks
 * the columns; -1 (reported) if so. */
static int not_csv(const struct sheet *sh, const char *line, size_t len)
{
	const char *what = NULL;
	if (len >= 4 && (!memcmp(line, "PK\3\4", 4) || !memcmp(line, "\xd0\xcf\x11\xe0", 4)))
		what = _("a spreadsheet workbook (.xlsx, .xls or .ods), not a CSV hour sheet");
	else if ((len >= 2 && (!memcmp(line, "\xff\xfe", 2) || !memcmp(line, "\xfe\xff", 2))) ||
		 memchr(line, '\0', len))
		what = _("text in UTF-16 (saved as \"Unicode text\"), not UTF-8");
	return what ? cp_err_at(EX_DATAERR, NULL, _(save_as_csv), "%s: %s", sh->name, what) : 0;
}

/* A required column c is missing: said with the names the file writes
 * (minutes), in the message and its hint alike, whatever the language. */
static void missing_column(struct sheet *sh, int c)
{
	struct srcpos at;
	char own[160];
	const char *hint = _("the first line names the columns: "
			     "date,coach,plan,goal,mode,minutes,note");
	if (sh->flags & SHEET_OWN_LIST) {
		/* TRANSLATORS: the %s are lists of column names as the file writes them */
		snprintf(own, sizeof own,
			 _("the first line names the columns: %s and, if there are any, %s"),
			 "date,plan,mode,minutes", "coach,goal,note");
		hint = own;
	}
	sheet_pos(sh, (size_t)-1, &at);
	cp_err_at(EX_DATAERR, &at, hint, _("the header has no column %s"), colkeys[c]);
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
		/* columns without a name (notitie;;; as a spreadsheet saves the
		 * columns right of the last one filled) name no column twice */
		for (size_t j = 0; j < i && f.n; j++)
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
			if (report && utf8_invalid(sh->raw, sh->rawlen) != sh->rawlen)
				cp_err_at(EX_DATAERR, NULL, _(save_as_csv), "%s: %s", sh->name,
					  _("the header is not UTF-8 text; is this a CSV hour sheet?"));
			else if (report)
				missing_column(sh, c);
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

static int header(struct sheet *sh)
{
	const char *line;
	size_t len;
	int terminated;
	for (;;) { /* blank lines before the header are no record, as everywhere */
		int r = rec_next_line(sh, &line, &len, &terminated);
		if (r <= 0)
			return r; /* an empty file is a sheet without entries */
		size_t bom = sh->lineno == 1 && len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3) ? 3 : 0;
		if (!rec_blank_line(line + bom, len - bom))
			break;
	}
	sh->line = sh->lineno;
	if (not_csv(sh, line, len) < 0 || rec_cr_only(sh, line, len) < 0 ||
	    rec_split_header(sh, line, len, terminated) < 0 || adopt_header(sh, 1) < 0) {
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
	char sep = rec_detect_sep(line, len);
	unsigned seen = 0;
	for (const char *p = line, *end = line + len; p <= end;) {
		const char *q = memchr(p, sep, (size_t)(end - p));
		const char *fs = p, *fe = q ? q : end;
		while (fs < fe && (rec_blank_byte((unsigned char)*fs) || *fs == '"'))
			fs++;
		while (fe > fs && (rec_blank_byte((unsigned char)fe[-1]) || fe[-1] == '"'))
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
	int ok = rec_split_header(sh, sh->again.s, len, 0) == 0 && adopt_header(sh, 1) == 0;
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
	/* valid UTF-8, but what follows it every C string would lose: a
	 * signed logbook with half a note */
	if (memchr(e->note.s, '\0', e->note.n))
		return bad_field(sh, COL_NOTE, _("save the sheet as text: UTF-8"),
				 _("note holds a NUL byte"));
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
	return sh->fatal ? 0 : rec_next(sh);
}

int sheet_ends_open(struct sheet *sh, struct srcpos *at)
{
	cp_errors_quiet_thread(1); /* the other faults are not this question's */
	while (sheet_record(sh) != 0)
		;
	cp_errors_quiet_thread(0);
	if (!sh->open_at_end) /* a sound end, or a fault of another kind */
		return 0;
	rec_pos(sh, rec_open_quote(sh), at);
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
			/* read to its end, as read(2) would leave it: standard
			 * input named twice (- -) is then read once, as a pipe */
			lseek(fd, st.st_size, SEEK_SET);
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
	if (rec_csv_setup(part) < 0) {
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
