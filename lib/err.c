/* err.c: every message a tool prints about a problem, in one shape:
 *   prog: file:line:column: message
 * followed, where the source is at hand, by the line with the fault marked
 * and a hint how to mend it.  Functions return -1 so that library code can
 * say `return cp_err(...)`; the first status recorded becomes the exit status. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base.h"

const char *cp_prog = "coachplan";
static int first_status;
static unsigned long nerrors;
static int quiet;
static _Thread_local int thread_quiet; /* a helper thread's trial reads */

void err_init(const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
	if (argv0)
		cp_prog = slash ? slash + 1 : argv0;
}

int cp_status(void)
{
	return first_status;
}

unsigned long cp_errors(void)
{
	return nerrors;
}

void cp_errors_quiet(int q)
{
	quiet = q;
}

void cp_errors_quiet_thread(int q)
{
	thread_quiet = q;
}

static void record(int status)
{
	if (thread_quiet)
		return;
	nerrors++;
	if (!first_status)
		first_status = status;
}

/* ---- a worker for half of a batch: its status comes home as its exit code ---- */

static pid_t worker;

int cp_worker_start(void)
{
	cpu_set_t cpus; /* the cores it may run on (taskset), not those there are */
	if (sched_getaffinity(0, sizeof cpus, &cpus) == 0 ? CPU_COUNT(&cpus) < 2
							 : sysconf(_SC_NPROCESSORS_ONLN) < 2)
		return -1;
	fflush(stdout); /* or what is buffered is written twice */
	fflush(stderr);
	pid_t parent = getpid(), pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0) {
		worker = pid;
		return 0;
	}
	/* killed with the caller, not left writing on its own */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
		_exit(EX_SOFTWARE);
	return 1;
}

void cp_worker_exit(int rc)
{
	/* as a tool ends: its exit handlers are its own (it started them after
	 * the fork), and free what a leak checker would find */
	exit(first_status ? first_status : rc < 0 ? EX_SOFTWARE : 0);
}

int cp_worker_wait(void)
{
	int st = 0;
	pid_t pid = worker;
	worker = 0;
	if (!pid)
		return 0;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return cp_errno(EX_OSERR, _("cannot wait for the worker process"));
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st)) { /* it told its problems itself */
		record(WEXITSTATUS(st));
		return -1;
	}
	return cp_err(EX_SOFTWARE, _("the worker process was killed by signal %d"), WTERMSIG(st));
}

static void vreport(const char *kind, const char *fmt, va_list ap, const char *suffix)
{
	fprintf(stderr, "%s: ", cp_prog);
	if (kind)
		fprintf(stderr, "%s: ", kind);
	vfprintf(stderr, fmt, ap);
	if (suffix)
		fprintf(stderr, ": %s", suffix);
	fputc('\n', stderr);
}

static int verr(int status, const char *why, const char *fmt, va_list ap)
{
	record(status);
	if (!quiet && !thread_quiet)
		vreport(NULL, fmt, ap, why);
	return -1;
}

int cp_err(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verr(status, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int cp_errno(int status, const char *fmt, ...)
{
	const char *why = strerror(errno); /* before anything can change errno */
	va_list ap;
	va_start(ap, fmt);
	verr(status, why, fmt, ap);
	va_end(ap);
	return -1;
}

void cp_warn(const char *fmt, ...)
{
	if (quiet || thread_quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	vreport(_("warning"), fmt, ap, NULL);
	va_end(ap);
}

static size_t line_start(const struct srcpos *at)
{
	size_t i = at->off > at->len ? at->len : at->off;
	while (i > 0 && at->text[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct srcpos *at, size_t from)
{
	const char *nl = memchr(at->text + from, '\n', at->len - from);
	size_t end = nl ? (size_t)(nl - at->text) : at->len;
	if (end > from && at->text[end - 1] == '\r')
		end--;
	return end;
}

int cp_errors_silent(void)
{
	return quiet || thread_quiet;
}

/* The line starts of the last whole text (a plan) a message pointed into,
 * so that a hostile plan with tens of thousands of faults costs a binary
 * search per message, not a scan from its start: that made a 250 kB file
 * of duplicate keys take 12 seconds.  Kept per thread; only threads that
 * print build one (the plan loader's are silent).  A table is used only
 * for the same text and length, and only if it agrees with the line start
 * found by looking back from the fault, so a text freed and replaced by
 * another at the same address is counted afresh. */
static _Thread_local struct {
	const char *text;
	size_t len, n, cap;
	size_t *start;
} lines;

static void index_lines(const struct srcpos *at)
{
	lines.text = at->text;
	lines.len = at->len;
	lines.n = 0;
	for (const char *p = at->text, *end = at->text + at->len; p;) {
		if (lines.n == lines.cap) {
			lines.cap = lines.cap ? 2 * lines.cap : 256;
			lines.start = xreallocarray(lines.start, lines.cap, sizeof *lines.start);
		}
		lines.start[lines.n++] = (size_t)(p - at->text);
		p = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		if (p)
			p++;
	}
}

/* The line (from 1) that starts at ls, or 0 if the table does not know it. */
static unsigned long indexed_line(const struct srcpos *at, size_t ls)
{
	if (lines.text != at->text || lines.len != at->len)
		return 0;
	size_t lo = 0, hi = lines.n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (lines.start[mid] <= ls)
			lo = mid;
		else
			hi = mid;
	}
	return lines.n && lines.start[lo] == ls ? lo + 1 : 0;
}

void srcpos_linecol(const struct srcpos *at, unsigned long *line, unsigned long *col)
{
	size_t ls = line_start(at);
	size_t off = at->off > at->len ? at->len : at->off;
	unsigned long l = at->line;
	if (!l && !cp_errors_silent() && !(l = indexed_line(at, ls))) {
		index_lines(at);
		l = indexed_line(at, ls);
	}
	if (!l) {
		l = 1;
		for (const char *p = at->text; (p = memchr(p, '\n', (size_t)(at->text + ls - p)));
		     p++)
			l++;
	}
	*line = l;
	*col = 1 + utf8_chars(at->text + ls, off - ls);
}

/* Bytes of an invisible or controlling character at s (n bytes left):
 * C1 controls (U+0080-U+009F, which some terminals obey as escapes), the
 * line and paragraph separators, and the byte order mark; 0 for others. */
static size_t unshowable(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 2 && u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f)
		return 2;
	if (n >= 3 && ((u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9)) ||
		       (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)))
		return 3;
	return 0;
}

/* Copies text into out for the terminal: control bytes and broken UTF-8
 * become '?', so a hostile file cannot drive the user's terminal; so do
 * the characters above, which would show as nothing at the fault. */
static void put_clean(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t ok = utf8_invalid(s + i, n - i);
		for (size_t j = 0; j < ok; j++) {
			unsigned char c = (unsigned char)s[i + j];
			size_t skip = c >= 0xc2 ? unshowable(s + i + j, ok - j) : 0;
			if (skip) {
				buf_putc(out, '?');
				j += skip - 1;
				continue;
			}
			buf_putc(out, c < 0x20 || c == 0x7f ? (c == '\t' ? ' ' : '?') : (char)c);
		}
		i += ok;
		if (i < n) {
			buf_putc(out, '?');
			i++;
		}
	}
}

#define EXCERPT_WIDE 100 /* bytes of a long line shown around the fault */

static void excerpt(struct buf *out, const struct srcpos *at, unsigned long line)
{
	size_t ls = line_start(at), le = line_end(at, ls);
	size_t off = at->off > le ? le : at->off;
	size_t from = ls, to = le;
	if (le - ls > EXCERPT_WIDE) { /* a window on a long line, on character bounds */
		from = off > ls + EXCERPT_WIDE / 3 ? off - EXCERPT_WIDE / 3 : ls;
		while (from > ls && ((unsigned char)at->text[from] & 0xc0) == 0x80)
			from--;
		to = from + EXCERPT_WIDE < le ? from + EXCERPT_WIDE : le;
		while (to < le && ((unsigned char)at->text[to] & 0xc0) == 0x80)
			to++;
	}
	struct buf b = {0}, pre = {0};
	char num[24];
	int w = snprintf(num, sizeof num, "%lu", line);
	buf_printf(&b, " %s | %s", num, from > ls ? "..." : "");
	put_clean(&b, at->text + from, to - from);
	if (to < le)
		buf_puts(&b, "...");
	buf_printf(&b, "\n %*s | %s", w, "", from > ls ? "   " : "");
	put_clean(&pre, at->text + from, off - from);
	for (int i = utf8_width(pre.s ? pre.s : "", pre.len); i > 0; i--)
		buf_putc(&b, ' ');
	size_t span = at->span ? at->span : 1;
	if (off + span > to)
		span = to > off ? to - off : 1;
	pre.len = 0;
	put_clean(&pre, at->text + off, off < to ? span : 0);
	int carets = pre.len ? utf8_width(pre.s, pre.len) : 1;
	for (int i = 0; i < (carets > 0 ? carets : 1); i++)
		buf_putc(&b, '^');
	buf_putc(&b, '\n');
	buf_add(out, b.s, b.len);
	buf_free(&b);
	buf_free(&pre);
}

/* From cp_errors_hold(1) to cp_errors_hold(0), the messages are kept, to
 * come out in line order: a plan is checked key by key, and a status on
 * line 3 was told after a start on line 5. */
struct held {
	unsigned long line, col;
	size_t seq;
	char *text;
};
static _Thread_local struct {
	int on;
	size_t n, cap;
	struct held *v;
} hold;

static int by_position(const void *a, const void *b)
{
	const struct held *x = a, *y = b;
	int c = cmp_num((long long)x->line, (long long)y->line);
	if (!c)
		c = cmp_num((long long)x->col, (long long)y->col);
	return c ? c : cmp_num((long long)x->seq, (long long)y->seq);
}

void cp_errors_hold(int on)
{
	hold.on = on;
	if (on || !hold.n)
		return;
	qsort(hold.v, hold.n, sizeof *hold.v, by_position);
	for (size_t i = 0; i < hold.n; i++) {
		fputs(hold.v[i].text, stderr);
		free(hold.v[i].text);
	}
	free(hold.v);
	hold.v = NULL;
	hold.n = hold.cap = 0;
}

/* A message, printed or held; b is spent. */
static void emit(struct buf *b, unsigned long line, unsigned long col)
{
	if (!hold.on) {
		fputs(buf_str(b), stderr);
		buf_free(b);
		return;
	}
	if (hold.n == hold.cap) {
		hold.cap = hold.cap ? 2 * hold.cap : 16;
		hold.v = xreallocarray(hold.v, hold.cap, sizeof *hold.v);
	}
	buf_str(b); /* ends it */
	hold.v[hold.n] = (struct held){line, col, hold.n, b->s};
	hold.n++;
}

static void vreport_at(const char *kind, const struct srcpos *at, const char *hint,
		       const char *fmt, va_list ap)
{
	unsigned long line = 0, col = 0;
	struct buf b = {0};
	if (at) {
		srcpos_linecol(at, &line, &col);
		buf_printf(&b, "%s: %s:%lu:%lu: ", cp_prog, at->file, line, col);
	} else /* the command line's */
		buf_printf(&b, "%s: ", cp_prog);
	if (kind)
		buf_printf(&b, "%s: ", kind);
	buf_vprintf(&b, fmt, ap);
	buf_putc(&b, '\n');
	if (at && at->text)
		excerpt(&b, at, line);
	if (hint)
		buf_printf(&b, " %s: %s\n", _("hint"), hint);
	emit(&b, line, col);
}

int cp_err_at(int status, const struct srcpos *at, const char *hint, const char *fmt, ...)
{
	record(status);
	if (quiet || thread_quiet)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vreport_at(NULL, at, hint, fmt, ap);
	va_end(ap);
	return -1;
}

static void vwarn_at(const struct srcpos *at, const char *hint, const char *fmt, va_list ap)
{
	if (!quiet && !thread_quiet)
		vreport_at(_("warning"), at, hint, fmt, ap);
}

void cp_warn_hint(const char *hint, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn_at(NULL, hint, fmt, ap);
	va_end(ap);
}

void cp_warn_at(const struct srcpos *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vwarn_at(at, NULL, fmt, ap);
	va_end(ap);
}

#define QUOTE_MAX 60

const char *quote(const char *s, size_t n)
{
	static _Thread_local char bufs[2][QUOTE_MAX * 4 + 16];
	static _Thread_local int turn;
	char *out = bufs[turn ^= 1], *o = out;
	*o++ = '"';
	size_t i = 0;
	while (i < n && o - out < QUOTE_MAX) {
		unsigned char c = (unsigned char)s[i];
		size_t ok = c >= 0x80 ? utf8_invalid(s + i, n - i < 4 ? n - i : 4) : 0;
		if (c >= 0x80 && ok > 0) { /* copy one whole UTF-8 character */
			size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
			if (unshowable(s + i, n - i)) { /* or name it, if it would not show */
				uint32_t cp = len == 2 ? (uint32_t)(c & 0x1f) << 6 | (s[i + 1] & 0x3f)
						       : (uint32_t)(c & 0x0f) << 12 |
							 (uint32_t)(s[i + 1] & 0x3f) << 6 |
							 (s[i + 2] & 0x3f);
				o += sprintf(o, "\\u%04X", (unsigned)cp);
				i += len;
				continue;
			}
			memcpy(o, s + i, len);
			o += len;
			i += len;
			continue;
		}
		if (c == '"' || c == '\\')
			o += sprintf(o, "\\%c", c);
		else if (c == '\n')
			o += sprintf(o, "\\n");
		else if (c == '\t')
			o += sprintf(o, "\\t");
		else if (c < 0x20 || c >= 0x7f)
			o += sprintf(o, "\\x%02x", c);
		else
			*o++ = (char)c;
		i++;
	}
	*o++ = '"';
	if (i < n)
		o += sprintf(o, "...");
	*o = '\0';
	return out;
}

const char *quotes(const char *s)
{
	return quote(s, s ? strlen(s) : 0);
}
