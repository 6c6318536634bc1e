/* test-ics: the iCalendar feed of cp-evaluate --ics (ics.c), held to RFC 5545. */
#include "coachplan.h"
#include "tap.h"

static int day(const char *s)
{
	int d = DATE_NONE;
	return date_parse(s, strlen(s), &d) ? DATE_NONE : d;
}

/* Why the output is not CRLF-ended lines of at most 75 octets, each valid
 * UTF-8 on its own, or NULL; then unfolds it in place for prop(). */
static const char *malformed(struct buf *b)
{
	const char *why = NULL;
	buf_str(b);
	for (size_t at = 0; at < b->len && !why;) {
		const char *s = b->s + at, *crlf = strstr(s, "\r\n");
		size_t n = crlf ? (size_t)(crlf - s) : strlen(s);
		if (!crlf)
			why = "a line without CRLF";
		else if (memchr(s, '\n', n) || memchr(s, '\r', n))
			why = "a bare CR or LF";
		else if (n > 75)
			why = "a line over 75 octets";
		else if (utf8_invalid(s, n) != n)
			why = "a UTF-8 sequence split between lines";
		at += n + 2;
	}
	size_t w = 0;
	for (size_t r = 0; r < b->len; r++) {
		if (r + 2 < b->len && !memcmp(b->s + r, "\r\n ", 3))
			r += 2;
		else
			b->s[w++] = b->s[r];
	}
	b->len = w;
	buf_str(b);
	return why;
}

static int well_formed(struct buf *b, const char *what)
{
	const char *why = malformed(b);
	if (!ok(!why, "%s: CRLF lines of at most 75 octets, each valid UTF-8", what))
		printf("#   %s\n", why);
	return !why;
}

/* The unfolded value of the first property named so, or NULL. */
static const char *prop(struct buf *b, const char *name)
{
	static char value[4096];
	size_t n = strlen(name);
	for (const char *s = b->s; s && *s; s = strstr(s, "\r\n") ? strstr(s, "\r\n") + 2 : NULL)
		if (!strncmp(s, name, n) && (s[n] == ':' || s[n] == ';')) {
			const char *v = s + n + strcspn(s + n, ":") + 1;
			snprintf(value, sizeof value, "%.*s", (int)strcspn(v, "\r"), v);
			return value;
		}
	return NULL;
}

static const char empty_feed[] = "BEGIN:VCALENDAR\r\n"
				 "VERSION:2.0\r\n"
				 "PRODID:-//coachplan//cp-evaluate//EN\r\n"
				 "CALSCALE:GREGORIAN\r\n"
				 "METHOD:PUBLISH\r\n"
				 "X-WR-CALNAME:coachplan\r\n"
				 "END:VCALENDAR\r\n";

static void empty(void)
{
	struct buf b = {0};
	struct duelist l = {0};
	ics_feed(&b, "coachplan", &l, day("2026-03-04"));
	is_str(buf_str(&b), empty_feed, "no events: a calendar without VEVENTs");
	buf_free(&b);
}

/* What cp-evaluate --ics writes for a caseload, byte for byte. */
static void feed(void)
{
	static const struct due_item items[] = {
		{DUE_EVALUATION, 0, DATE_NONE, 0, "P-1", "Bart de Wit", "robin", 0, 0, 0},
		{DUE_END, 0, DATE_NONE, DUE_UWV_LIMIT, "P-1", "Bart de Wit", "robin", 0, 0, 0},
		{DUE_QUIET, 0, DATE_NONE, 0, "P-2", "Noël", "robin", 0, 0, 0},
		{DUE_PHASEOUT, 0, DATE_NONE, 0, "P-2", "Noël", "robin", 0, 0, 0},
		{DUE_END, 0, DATE_NONE, 0, "P-2", "Noël", "robin", 0, 0, 0},
	};
	static const char *const dates[] = {"2026-07-05", "2029-01-04", "2026-03-01", "2026-03-01",
					    "2026-12-31"};
	struct due_item v[5];
	struct duelist l = {.v = v, .n = 5, .cap = 5};
	for (size_t i = 0; i < 5; i++)
		v[i] = items[i], v[i].date = day(dates[i]);
	struct buf b = {0};
	ics_feed(&b, "coachplan: robin", &l, day("2026-03-04"));
	is_str(buf_str(&b),
	       "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//coachplan//cp-evaluate//EN\r\n"
	       "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:coachplan: robin\r\n"
	       "BEGIN:VEVENT\r\n"
	       "UID:evaluation-P-1-20260705@coachplan\r\n"
	       "DTSTAMP:20260304T000000Z\r\n"
	       "DTSTART;VALUE=DATE:20260705\r\n"
	       "DTEND;VALUE=DATE:20260706\r\n"
	       "SUMMARY:Evaluation P-1: Bart de Wit\r\n"
	       "DESCRIPTION:Record it with: cp-evaluate --record P-1\r\n"
	       "CATEGORIES:evaluation\r\n"
	       "TRANSP:TRANSPARENT\r\n"
	       "END:VEVENT\r\n"
	       "BEGIN:VEVENT\r\n"
	       "UID:end-P-1-20290104@coachplan\r\n"
	       "DTSTAMP:20260304T000000Z\r\n"
	       "DTSTART;VALUE=DATE:20290104\r\n"
	       "DTEND;VALUE=DATE:20290105\r\n"
	       "SUMMARY:End of coaching P-1: Bart de Wit\r\n"
	       "DESCRIPTION:UWV pays coaching for at most 3 years\\; close the plan or agree\r\n"
	       "  an extension.\r\n"
	       "CATEGORIES:end\r\n"
	       "TRANSP:TRANSPARENT\r\n"
	       "END:VEVENT\r\n"
	       "BEGIN:VEVENT\r\n"
	       "UID:end-P-2-20261231@coachplan\r\n"
	       "DTSTAMP:20260304T000000Z\r\n"
	       "DTSTART;VALUE=DATE:20261231\r\n"
	       "DTEND;VALUE=DATE:20270101\r\n"
	       "SUMMARY:End of coaching P-2: No\xc3\xabl\r\n"
	       "DESCRIPTION:Close the plan or agree an extension.\r\n"
	       "CATEGORIES:end\r\n"
	       "TRANSP:TRANSPARENT\r\n"
	       "END:VEVENT\r\n"
	       "END:VCALENDAR\r\n",
	       "evaluations and ends only, folded and escaped");
	struct buf again = {0};
	ics_feed(&again, "coachplan: robin", &l, day("2026-03-04"));
	ok(again.len == b.len && !memcmp(again.s, b.s, b.len), "the same list, the same bytes");
	buf_free(&again);
	buf_free(&b);

	/* a follow-up to apply for: on the day to apply by, with the grant's end */
	struct due_item f = {DUE_FOLLOWUP, day("2026-05-09"), day("2026-07-04"), 0, "P-3", "Sanne",
			     "kim", FUNDER_UWV, 0, 0};
	struct duelist one = {.v = &f, .n = 1, .cap = 1};
	ics_feed(&b, "coachplan", &one, day("2026-03-04"));
	const char *ev = strstr(buf_str(&b), "BEGIN:VEVENT");
	is_str(ev,
	       "BEGIN:VEVENT\r\n"
	       "UID:follow-up-P-3-20260509@coachplan\r\n"
	       "DTSTAMP:20260304T000000Z\r\n"
	       "DTSTART;VALUE=DATE:20260509\r\n"
	       "DTEND;VALUE=DATE:20260510\r\n"
	       "SUMMARY:Apply for a follow-up grant P-3: Sanne\r\n"
	       "DESCRIPTION:The grant ends on 2026-07-04\\; UWV wants the follow-up applied \r\n"
	       " for 8 weeks before. Record the new grant with: cp-plan P-3 --grant\r\n"
	       "CATEGORIES:follow-up\r\n"
	       "TRANSP:TRANSPARENT\r\n"
	       "END:VEVENT\r\n"
	       "END:VCALENDAR\r\n",
	       "a follow-up to apply for is an event on the day to apply by");
	buf_free(&b);
}

static void dates(void)
{
	static const struct {
		const char *day, *start, *end;
	} cases[] = {
		{"2026-07-05", "20260705", "20260706"}, {"2026-12-31", "20261231", "20270101"},
		{"2028-02-28", "20280228", "20280229"}, {"2028-02-29", "20280229", "20280301"},
		{"2027-02-28", "20270228", "20270301"}, {"2026-04-30", "20260430", "20260501"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf b = {0};
		struct ics_event ev = {"evaluation", "P-1", day(cases[i].day), "s", NULL};
		ics_event(&b, &ev, day("2025-01-01"));
		buf_str(&b);
		is_str(prop(&b, "DTSTART"), cases[i].start, "DTSTART of %s", cases[i].day);
		is_str(prop(&b, "DTEND"), cases[i].end, "DTEND the day after %s", cases[i].day);
		is_str(prop(&b, "DTSTAMP"), "20250101T000000Z",
		       "DTSTAMP from the stamp, not the day");
		ok(!prop(&b, "DESCRIPTION"), "no description, no DESCRIPTION");
		buf_free(&b);
	}
}

/* A calendar program keeps one event per UID: two events may share none,
 * not even of plan ids as long as id_valid allows (64). */
static void uids(void)
{
	char longa[65], longb[65];
	memset(longa, 'A', 64), longa[64] = '\0';
	memcpy(longb, longa, sizeof longb), longb[63] = 'B';
	static const char *const kinds[] = {"evaluation", "end"};
	const char *plans[] = {"P-1", "P-10", "P-1.a", longa, longb};
	char seen[10][512];
	int n = 0, dup = 0, bad = 0;
	for (size_t k = 0; k < 2; k++)
		for (size_t p = 0; p < sizeof plans / sizeof *plans; p++) {
			struct buf b = {0};
			struct ics_event ev = {kinds[k], plans[p], day("2026-07-05"), "s", NULL};
			ics_event(&b, &ev, day("2026-03-04"));
			bad |= malformed(&b) != NULL;
			snprintf(seen[n], sizeof seen[n], "%s", prop(&b, "UID"));
			for (int j = 0; j < n; j++)
				dup |= !strcmp(seen[j], seen[n]);
			n++;
			buf_free(&b);
		}
	ok(!bad, "the events are well formed");
	ok(!dup, "%d events of different plans or kinds have %d UIDs", n, n);
	is_str(seen[0], "evaluation-P-1-20260705@coachplan", "a UID from kind, plan and day");
	is_str(seen[5], "end-P-1-20260705@coachplan", "the kind keeps a plan's two events apart");
	ok(id_valid(longb, 64) && strstr(seen[9], "B-20260705@coachplan"),
	   "a long id's UID is whole");
}

static void escaping(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"Wit, Bart de", "Wit\\, Bart de"},     {"a;b", "a\\;b"},
		{"C:\\plans\\x", "C:\\\\plans\\\\x"},   {"line 1\nline 2", "line 1\\nline 2"},
		{"crlf\r\nend", "crlf\\nend"},          {"bell\a del\x7f", "bell del"},
		{"\\n is not a newline", "\\\\n is not a newline"},
		{",;\\\n", "\\,\\;\\\\\\n"},             {"", ""},
		{"Noël: één", "Noël: één"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf b = {0};
		struct ics_event ev = {"end", "P-1", day("2026-07-05"), cases[i].in, cases[i].in};
		ics_begin(&b, cases[i].in);
		ics_event(&b, &ev, day("2026-03-04"));
		ics_end(&b);
		well_formed(&b, "escaped text");
		is_str(prop(&b, "SUMMARY"), cases[i].out, "SUMMARY escapes case %zu", i);
		is_str(prop(&b, "DESCRIPTION"), cases[i].out, "so does DESCRIPTION");
		is_str(prop(&b, "X-WR-CALNAME"), cases[i].out, "and X-WR-CALNAME");
		buf_free(&b);
	}
}

/* Folds at 75 octets, before a character rather than inside it. */
static void folding(void)
{
	static const char *const chars[] = {"x", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
	int bad = 0;
	for (size_t c = 0; c < 4 && !bad; c++)
		for (int pad = 0; pad < 8 && !bad; pad++)
			for (int reps = 60; reps < 130 && !bad; reps += 23) {
				struct buf s = {0}, b = {0};
				for (int i = 0; i < pad; i++)
					buf_putc(&s, 'a');
				for (int i = 0; i < reps; i++)
					buf_puts(&s, chars[c]);
				struct ics_event ev = {"end", "P-1", day("2026-07-05"), buf_str(&s),
						       NULL};
				ics_event(&b, &ev, day("2026-03-04"));
				const char *why = malformed(&b);
				if ((bad = why || strcmp(prop(&b, "SUMMARY"), s.s)))
					ok(0, "%zu-octet characters after %d: %s", strlen(chars[c]),
					   pad, why ? why : "does not unfold to itself");
				buf_free(&s);
				buf_free(&b);
			}
	ok(!bad, "long summaries of 1- to 4-octet characters at every offset fold well and unfold "
		 "to themselves");

	static const struct {
		const char *summary, *lines;
	} exact[] = {
		/* "SUMMARY:" and 67 octets: exactly 75, no fold */
		{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		 "SUMMARY:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"},
		{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy",
		 "SUMMARY:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"
		 " y\r\n"},
		/* é on octets 75 and 76: it goes to the next line whole */
		{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\xc3\xa9",
		 "SUMMARY:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"
		 " \xc3\xa9\r\n"},
	};
	/* bytes that start no character (the tools check plans for UTF-8, but
	 * the library must not loop on what it is given): cut at 75 anyway */
	struct buf junk = {0}, out = {0};
	for (int i = 0; i < 200; i++)
		buf_putc(&junk, (char)0x80);
	struct ics_event bad_ev = {"end", "P-1", day("2026-07-05"), buf_str(&junk), NULL};
	ics_event(&out, &bad_ev, day("2026-03-04"));
	ok(strstr(buf_str(&out), "END:VEVENT\r\n") != NULL, "200 continuation bytes fold and end");
	buf_free(&junk);
	buf_free(&out);

	for (size_t i = 0; i < sizeof exact / sizeof *exact; i++) {
		struct buf b = {0};
		struct ics_event ev = {"end", "P-1", day("2026-07-05"), exact[i].summary, NULL};
		ics_event(&b, &ev, day("2026-03-04"));
		ok(strstr(buf_str(&b), exact[i].lines) != NULL, "folded exactly: case %zu", i);
		buf_free(&b);
	}
}

int main(void)
{
	empty();
	feed();
	dates();
	uids();
	escaping();
	folding();
	return tap_done();
}
