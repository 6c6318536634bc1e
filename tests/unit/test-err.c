/* test-err: every message in one shape: "prog: file:line:column: message",
 * the line with the fault underlined, a hint; control bytes never reach the
 * terminal; the first status is the exit status; quote() makes user text
 * safe inside a message. */
#include <errno.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static void at(void)
{
	static const char text[] = "id: P-1\nfunder: uvw\r\nname: Zo\xc3\xab \xe6\x97\xa5X\n";
	static const struct {
		const char *what;
		size_t off, span;
		const char *hint, *want;
	} cases[] = {
		{"a value", 16, 3, "choose one",
		 "test-err: f.yaml:2:9: bad\n 2 | funder: uvw\n   |         ^^^\n hint: choose one\n"},
		{"the start of the file", 0, 0, NULL, "test-err: f.yaml:1:1: bad\n 1 | id: P-1\n   | ^\n"},
		{"after accents and a wide character", 35, 1, NULL,
		 "test-err: f.yaml:3:12: bad\n 3 | name: Zo\xc3\xab \xe6\x97\xa5X\n"
		 "   |             ^\n"},
		{"a wide character", 32, 3, NULL,
		 "test-err: f.yaml:3:11: bad\n 3 | name: Zo\xc3\xab \xe6\x97\xa5X\n"
		 "   |           ^^\n"},
		{"the line end of a CRLF line", 19, 0, NULL,
		 "test-err: f.yaml:2:12: bad\n 2 | funder: uvw\n   |            ^\n"},
		{"past the end", 500, 0, NULL, "test-err: f.yaml:4:1: bad\n 4 | \n   | ^\n"},
		{"a span past the line end", 16, 50, NULL,
		 "test-err: f.yaml:2:9: bad\n 2 | funder: uvw\n   |         ^^^\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct srcpos pos = {"f.yaml", 0, text, strlen(text), cases[i].off, cases[i].span};
		capture_start();
		int rc = cp_err_at(EX_DATAERR, &pos, cases[i].hint, "%s", "bad");
		char *err = capture_end();
		is_int(rc, -1, "cp_err_at returns -1");
		is_str(err, cases[i].want, "cp_err_at at %s", cases[i].what);
		free(err);
	}

	/* a line number given: text is that one line (as the sheet reader does) */
	struct srcpos pos = {"s.csv", 1234, "2026-03-02,robin,P-1,G1,fax,90,x", 32, 24, 3};
	capture_start();
	cp_err_at(EX_DATAERR, &pos, NULL, "unknown mode %s", quotes("fax"));
	char *err = capture_end();
	is_str(err, "test-err: s.csv:1234:25: unknown mode \"fax\"\n"
		    " 1234 | 2026-03-02,robin,P-1,G1,fax,90,x\n"
		    "      |                         ^^^\n",
	       "a given line number, and the gutter as wide as it");
	free(err);
	unsigned long line, col;
	srcpos_linecol(&pos, &line, &col);
	ok(line == 1234 && col == 25, "srcpos_linecol with a given line");

	/* no text: the position alone */
	struct srcpos bare = {"x.csv", 7, NULL, 0, 0, 0};
	capture_start();
	cp_err_at(EX_DATAERR, &bare, "a hint", "no text");
	err = capture_end();
	is_str(err, "test-err: x.csv:7:1: no text\n hint: a hint\n", "a position without text");
	free(err);
}

static void hostile(void)
{
	/* control bytes and broken UTF-8 in the shown line are made harmless */
	static const char text[] = "name: \x1b[31mred\x1b[0m\t\x07\xff\xc3 end\n";
	struct srcpos pos = {"h.yaml", 0, text, strlen(text), 23, 3};
	capture_start();
	cp_err_at(EX_DATAERR, &pos, NULL, "bad");
	char *err = capture_end();
	is_str(err, "test-err: h.yaml:1:24: bad\n 1 | name: ?[31mred?[0m ??? end\n"
		    "   |                        ^^^\n",
	       "escape sequences, bells and broken bytes show as ?, a tab as a blank");
	ok(!strchr(err, '\x1b') && !strchr(err, '\x07'), "nothing reaches the terminal raw");
	free(err);

	/* a long line is shown as a window around the fault, on character bounds */
	struct buf b = {0};
	for (int i = 0; i < 150; i++)
		buf_puts(&b, "\xc3\xa9");
	buf_puts(&b, "FAULT");
	for (int i = 0; i < 150; i++)
		buf_puts(&b, "\xe6\x97\xa5");
	size_t off = 300;
	struct srcpos longpos = {"l.yaml", 0, b.s, b.len, off, 5};
	capture_start();
	cp_err_at(EX_DATAERR, &longpos, NULL, "bad");
	err = capture_end();
	ok(!strncmp(err, "test-err: l.yaml:1:151: bad\n 1 | ...", 35), "a long line starts with ...");
	char *l1 = strchr(err, '\n') + 1, *l2 = strchr(l1, '\n') + 1, *end1 = l2 - 1;
	ok(utf8_invalid(l1, (size_t)(end1 - l1)) == (size_t)(end1 - l1), "the window is valid UTF-8");
	ok(end1 - l1 < 200 && !strncmp(end1 - 3, "...", 3), "is short and ends with ...");
	char *fault = strstr(l1, "FAULT"), *caret = strchr(l2, '^');
	ok(fault && caret && utf8_width(l1, (size_t)(fault - l1)) == caret - l2 &&
		   !strncmp(caret, "^^^^^\n", 6),
	   "the carets stand under the fault");
	free(err);
	buf_free(&b);
}

static void plain(void)
{
	capture_start();
	int rc = cp_err(EX_USAGE, "first %d", 1);
	errno = ENOENT;
	int rc2 = cp_errno(EX_IOERR, "%s: cannot open", "x.csv");
	cp_warn("careful %s", "now");
	struct srcpos pos = {"w.yaml", 0, "a: b\n", 5, 3, 1};
	cp_warn_at(&pos, "odd value");
	char *err = capture_end();
	ok(rc == -1 && rc2 == -1, "cp_err and cp_errno return -1");
	is_str(err,
	       "test-err: first 1\n"
	       "test-err: x.csv: cannot open: No such file or directory\n"
	       "test-err: warning: careful now\n"
	       "test-err: w.yaml:1:4: warning: odd value\n 1 | a: b\n   |    ^\n",
	       "cp_err, cp_errno with strerror, cp_warn and cp_warn_at");
	free(err);
}

static void counting(void)
{
	unsigned long before = cp_errors();
	capture_start();
	cp_err(EX_DATAERR, "x");
	cp_warn("warnings do not count");
	cp_errors_quiet(1);
	cp_err(EX_NOINPUT, "quiet");
	cp_warn("quiet too");
	struct srcpos pos = {"q.yaml", 0, "a\n", 2, 0, 0};
	cp_err_at(EX_DATAERR, &pos, NULL, "quiet");
	cp_errors_quiet(0);
	char *err = capture_end();
	is_int(cp_errors() - before, 3, "errors are counted, quiet or not, warnings not");
	is_str(err, "test-err: x\ntest-err: warning: warnings do not count\n",
	       "quiet errors and warnings print nothing");
	free(err);
	is_int(cp_status(), EX_USAGE, "the first status recorded stays the status");
}

static void quoting(void)
{
	static const struct {
		const char *in;
		size_t n; /* 0: strlen */
		const char *out;
	} cases[] = {
		{"fax", 0, "\"fax\""},
		{"", 0, "\"\""},
		{"say \"hi\" \\o/", 0, "\"say \\\"hi\\\" \\\\o/\""},
		{"a\nb\tc\x01\x7f", 0, "\"a\\nb\\tc\\x01\\x7f\""},
		{"Zo\xc3\xab \xe6\x97\xa5\xf0\x9f\x98\x80", 0, "\"Zo\xc3\xab \xe6\x97\xa5\xf0\x9f\x98\x80\""},
		{"caf\xe9", 0, "\"caf\\xe9\""},
		{"\xc3", 0, "\"\\xc3\""},
		{"\xe6\x97", 0, "\"\\xe6\\x97\""},
		{"a\0b", 3, "\"a\\x00b\""},
		{"\x1b[31m", 0, "\"\\x1b[31m\""},
		{"0123456789012345678901234567890123456789012345678901234567890123456789", 0,
		 "\"01234567890123456789012345678901234567890123456789012345678\"..."},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = cases[i].n ? cases[i].n : strlen(cases[i].in);
		const char *q = quote(cases[i].in, n);
		ok(!strcmp(q, cases[i].out), "quote case %zu", i + 1);
		if (strcmp(q, cases[i].out))
			printf("#   got %s\n", q);
	}
	const char *a = quote("one", 3), *b = quote("two", 3);
	ok(!strcmp(a, "\"one\"") && !strcmp(b, "\"two\""), "two quotes at once in one message");
	is_str(quotes(NULL), "\"\"", "quotes(NULL)");
	struct buf big = {0};
	for (int i = 0; i < 100; i++)
		buf_puts(&big, "\xf0\x9f\x98\x80\x01");
	const char *q = quote(big.s, big.len);
	ok(strlen(q) < 60 * 4 + 16 && utf8_invalid(q, strlen(q)) == strlen(q) &&
		   !strcmp(q + strlen(q) - 3, "..."),
	   "a long text of wide characters and escapes is cut short, on character bounds");
	buf_free(&big);
}

static void names(void)
{
	err_init("/usr/local/bin/cp-hours");
	is_str(cp_prog, "cp-hours", "err_init keeps the base name");
	err_init("cp-log");
	is_str(cp_prog, "cp-log", "or the name as it is");
	err_init(NULL);
	is_str(cp_prog, "cp-log", "and NULL changes nothing");
	err_init("test-err");
}

int main(void)
{
	err_init("test-err");
	capture_start();
	cp_err(EX_USAGE, "the first error: its status is the exit status");
	free(capture_end());
	at();
	hostile();
	plain();
	counting();
	quoting();
	names();
	return tap_done();
}
