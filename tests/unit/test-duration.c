/* test-duration: every way a coach may type a stretch of time, every way
 * that is refused, and the h:mm the tools print. */
#include <string.h>

#include "coachplan.h"
#include "tap.h"

/* A line's words, split at spaces as the shell would pass them, and the
 * duration duration_words reads from them. */
struct said {
	char buf[128], *w[16];
	size_t n, k; /* words, and of them the duration's */
	long m;
	const char *why;
};

static void say(const char *line, struct said *s)
{
	s->n = 0;
	s->m = -1;
	s->why = NULL;
	snprintf(s->buf, sizeof s->buf, "%s", line);
	for (char *t = strtok(s->buf, " "); t && s->n < 16; t = strtok(NULL, " "))
		s->w[s->n++] = t;
	s->k = duration_words(s->w, s->n, &s->m, &s->why);
}

static void accepted(void)
{
	static const struct {
		const char *in;
		long minutes;
	} cases[] = {
		{"90", 90},           {"90m", 90},          {"90 min", 90},
		{"90 minuten", 90},   {"90 minutes", 90},   {"90min.", 90},
		{"1 minuut", 1},      {"1h30", 90},         {"1h30m", 90},
		{"1h 30m", 90},       {"1h 30", 90},        {"1 h 30 min", 90},
		{"1u30", 90},         {"2u15", 135},        {"1:30", 90},
		{"0:45", 45},         {"01:30", 90},        {"24:00", 1440},
		{"1.5h", 90},         {"1,5u", 90},         {"1,5 uur", 90},
		{"2 uur", 120},       {"2 uren", 120},      {"2 hours", 120},
		{"1H30", 90},         {"1U30M", 90},        {"90 MIN", 90},
		{" 90", 90},          {"90 ", 90},          {"\t1h30\t", 90},
		{"  1:30  ", 90},     {"0,25u", 15},        {"0.75h", 45},
		{"1440", 1440},       {"24h", 1440},        {"23h59", 1439},
		{"1", 1},             {"0h1", 1},           {"1.999h", 120},
		{"0,01u", 1},         {"2hrs", 120},        {"1hr", 60},
		{"3 kwartier", 45},   {"een kwartier", 15}, {"1 kwart", 15},
		{"anderhalf uur", 90}, {"een half uur", 30}, {"half uur", 30},
		{"een uur", 60},      {"twee uur", 120},    {"Twee Uur", 120},
		{"\xc3\xa9\xc3\xa9n uur", 60}, {"1 uur 30", 90}, {"1 uur en 30 minuten", 90},
		{"1h and 30m", 90},   {"an hour", 60},      {"two hours", 120},
		/* quarters and halves after the hours, as coaches say them */
		{"1 uur en een kwartier", 75}, {"een uur en een kwartier", 75},
		{"2 uur en 3 kwartier", 165},  {"2 uur 3 kwartier", 165},
		{"1u 1 kwartier", 75},         {"anderhalf uur en 10 minuten", 100},
		{"1,5 uur en 10 min", 100},    {"2 en een half uur", 150},
		{"twee en een half uur", 150}, {"2 and a half hours", 150},
		{"1 en half uur", 90},         {"half an hour", 30},
		{"1:30 uur", 90},              {"1:30u", 90},
		{"2 uur.", 120},               {"20 minuten.", 20},
		{"3 kwartier.", 45},
		/* the diminutives Dutch uses for an hour or so, and a unit alone */
		{"een uurtje", 60},            {"2 uurtjes", 120},
		{"half uurtje", 30},           {"een half uurtje", 30},
		{"anderhalf uurtje", 90},      {"kwartiertje", 15},
		{"een kwartiertje", 15},       {"3 kwartiertjes", 45},
		{"kwartier", 15},              {"uurtje", 60},
		{"Kwartiertje.", 15},          {"10 minuutjes", 10},
		{"uurtje en een kwartier", 75},
		/* the fractions a phone or a Dutch keyboard types as one sign */
		{"1\xc2\xbd uur", 90},        {"1\xc2\xbdu", 90},
		{"\xc2\xbd uur", 30},         {"\xc2\xbe uur", 45},
		{"2\xc2\xbc uur", 135},       {"1\xc2\xbd uurtje", 90},
		{"1 \xc2\xbd uur", 90},
		/* decimals that are no time of day, or read the same either way */
		{"1,50 uur", 90},       {"1.25h", 75},         {"0,75u", 45},
		{"1,3u", 78},           {"1,333u", 80},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		long m = -1;
		const char *why = duration_parse(cases[i].in, strlen(cases[i].in), &m);
		ok(why == NULL, "\"%s\" is accepted%s%s", cases[i].in, why ? ": " : "", why ? why : "");
		is_int(m, cases[i].minutes, "\"%s\" is %ld minutes", cases[i].in, cases[i].minutes);
	}
}

static void refused(void)
{
	static const struct {
		const char *in;
		const char *why; /* a word the reason holds */
	} cases[] = {
		{"1.5", "fraction"},  {"1,5", "fraction"}, {"0", "zero"},        {"0m", "zero"},
		{"0:00", "zero"},     {"0h", "zero"},      {"0,001u", "zero"},   {"25h", "24 hours"},
		{"1441", "24 hours"}, {"24:01", "24 hours"}, {"1h75", "below 60"}, {"1:5", "not a"},
		{"1:75", "below 60"}, {"1:", "not a"},     {":30", "not a"},     {"abc", "not a"},
		{"", "not a"},        {"   ", "not a"},    {"-30", "not a"},     {"+30", "not a"},
		{"1h30x", "not a"},   {"1.5.5h", "not a"}, {"1h30h", "not a"},   {"1h1.5", "not a"},
		{"1.5h30", "not a"},  {"90 sec", "not a"}, {"1:30:00", "not a"}, {"1:3O", "not a"},
		{"h30", "not a"},     {"1 30", "not a"},   {"1h 30m x", "not a"}, {"9999999999", "not a"},
		{"1m30", "not a"},    {"1:30m", "not a"},  {"1. 5h", "not a"},   {"1.h", "not a"},
		{"1 uur 30 uur", "not a"}, {"1 uur 5 kwartier", "below 60"},
		{"1,5 uur 30", "not a"}, {"een uur 30", "not a"}, {"1 uur 1,5 kwartier", "not a"},
		{"2 en een half", "fraction"}, {"1 uur en een half", "not a"}, {"1:30 min", "not a"},
		{"uur.", "not a"},          {"uur", "not a"},          {"minuutje", "not a"},
		{"uurtje 30", "not a"},     {"kwartiertje 2", "not a"}, {"kwartiertjes", "not a"},
		{"1\xc2\xbd", "fraction"},    {"1,5\xc2\xbd uur", "not a"}, {"\xc2\xbd\xc2\xbd uur", "not a"},
		{"1\xc2\xbd:30", "not a"},
		/* hours and minutes as Dutch writes a time, or a decimal? */
		{"1.30 uur", "ambiguous"}, {"1,30u", "ambiguous"}, {"0,45u", "ambiguous"},
		{"2.15h", "ambiguous"},  {"1,10 uur", "ambiguous"}, {"1.05 uur", "ambiguous"},
		{"1.30 uur en 10 min", "ambiguous"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		long m = -7;
		const char *why = duration_parse(cases[i].in, strlen(cases[i].in), &m);
		ok(why != NULL && strstr(why, cases[i].why), "\"%s\" is refused (%s)", cases[i].in,
		   why ? why : "accepted");
		is_int(m, -7, "\"%s\" leaves the result alone", cases[i].in);
	}
	/* the length counts, not a NUL: "90" followed by more text is not 90 */
	long m = 0;
	ok(duration_parse("90xyz", 2, &m) == NULL && m == 90, "only n bytes are read");
	ok(duration_parse("1h30", 3, &m) == NULL && m == 63, "1h3 of 1h30 is 63 minutes");
}

static void formatting(void)
{
	static const struct {
		long minutes;
		const char *out;
	} cases[] = {
		{0, "0:00"},       {1, "0:01"},     {59, "0:59"},     {60, "1:00"},
		{90, "1:30"},      {135, "2:15"},   {1440, "24:00"},  {6000, "100:00"},
		{-90, "-1:30"},    {-5, "-0:05"},   {100000, "1666:40"},
	};
	char out[24];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		duration_format(cases[i].minutes, out);
		is_str(out, cases[i].out, "duration_format(%ld)", cases[i].minutes);
	}
	for (long mins = 1; mins <= DURATION_MAX; mins++) {
		long back = -1;
		duration_format(mins, out);
		if (duration_parse(out, strlen(out), &back) || back != mins) {
			ok(0, "duration_format(%ld) = %s reads back as %ld", mins, out, back);
			return;
		}
	}
	ok(1, "every duration from 0:01 to 24:00 reads back from its h:mm");
}

/* The words of cp-log's command line: the longest run at the start that
 * reads as one duration, the rest the note. */
static void words(void)
{
	static const struct {
		const char *line;
		size_t taken;   /* words of the duration; 0: none */
		long minutes;   /* -1: refused */
	} cases[] = {
		{"1h 30m x", 2, 90},           {"3 kwartier", 2, 45},
		{"30 uur opbouw", 2, -1},      {"1 uur 30 Gesprek", 3, 90},
		{"anderhalf uur met Jan", 2, 90}, {"1 uur en 30 minuten overleg", 5, 90},
		{"90 Verslag naar UWV", 1, 90}, {"2 uur Gesprek", 2, 120},
		{"een gesprek", 0, -1},        {"15 een kwartier later", 1, 15},
		{"1h30", 1, 90},               {"0 uur", 2, -1},
		{"1:75 pauze", 1, -1},         {"1 uur 30 minuten 2", 4, 90},
		/* issue 14: a number followed by a unit word is never minutes */
		{"2 uur en 3 kwartier overleg", 5, 165}, {"1 uur en een kwartier x", 5, 75},
		{"1 uur 30 uur", 4, -1},       {"1h30 uur opbouw", 2, -1},
		{"2 en een half uur Gesprek", 5, 150}, {"90 m2 geveegd", 1, 90},
		{"1\xc2\xbd uur Gesprek", 2, 90},     {"1 \xc2\xbd uur Gesprek", 3, 90},
		/* the punctuation that ends the duration is not the note's */
		{"1 uur, kassa", 2, 60},       {"1 uur. Kassa", 2, 60},
		{"30 uur, opbouw", 2, -1},     {"45 min, gesprek", 2, 45},
		{"1:30, overleg", 1, 90},      {"1:30 uur overleg", 2, 90},
		{"1 uur en koffie", 2, 60},
		{"kwartiertje gebeld", 1, 15}, {"half uurtje met Jan", 2, 30},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct said s;
		say(cases[i].line, &s);
		is_int(s.k, cases[i].taken, "\"%s\": the duration is %zu words", cases[i].line,
		       cases[i].taken);
		if (cases[i].minutes < 0)
			ok(s.why != NULL, "\"%s\": refused", cases[i].line);
		else
			ok(!s.why && s.m == cases[i].minutes, "\"%s\": %ld minutes", cases[i].line,
			   cases[i].minutes);
	}
}

/* The words after a duration that still read as a part of one: cp-log
 * refuses them rather than log a wrong figure with them as the note. */
static void goes_on(void)
{
	static const struct {
		const char *line;
		int goes_on;
	} cases[] = {
		{"1 1/2 uur overleg", 1},     {"1 uur en tien minuten", 1},
		{"2 uur en twintig minuten", 1}, {"30 sec", 1},
		{"30 seconden", 1},           {"2 uur 30 sec", 1},
		{"1 uur anderhalf", 1},       {"1 uur en een half", 1},
		{"1 uur and ten minutes", 1}, {"1 1/2u", 1},
		{"1 uur half", 1},            {"45 min 30 seconds", 1},
		/* a number after a bare one is the note's, unless a fraction
		 * and a unit (bug: "30 2 collega's ingewerkt" was refused) */
		{"90 twee collega's", 0},     {"45 vijfentwintig", 0},
		{"20 10:30 afspraak", 0},     {"30 1,5", 0},
		{"30 2 collega's ingewerkt", 0}, {"20 twee vragen", 0},
		{"45 4 kandidaten gesproken", 0}, {"30 1/2 dag vrij", 0},
		{"30 2026 planning", 0},      {"30 tien tips", 0},
		{"30 en 2 mails", 0},         {"45 elf uur afspraak", 0},
		{"60 10 minuten te laat", 0},
		/* a note that starts with a word that is no part of a duration */
		{"1 uur en koffie", 0},       {"15 een kwartier later", 0},
		{"90 m2 geveegd", 0},         {"1 uur, 2 collega's", 0},
		{"1 uur 30 Gesprek", 0},      {"30 12/11 gesprek", 0},
		{"1 uur 2e gesprek", 0},      {"30 een gesprek", 0},
		{"1 uur", 0},                 {"45 min, 10 minuten", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct said s;
		say(cases[i].line, &s);
		ok(s.why == NULL && duration_goes_on(s.w, s.n, s.k) == cases[i].goes_on,
		   "\"%s\": the words after the duration %s", cases[i].line,
		   cases[i].goes_on ? "go on with it" : "are the note");
	}
	/* a word the shell got quoted is the note, as a quoted duration ends */
	char *quoted_note[] = {"1", "uur", "2 collega's ingewerkt"};
	ok(!duration_goes_on(quoted_note, 3, 2), "a quoted note that starts with a number");
	char *quoted[] = {"1 uur", "en", "tien", "minuten", "later"};
	ok(!duration_goes_on(quoted, 5, 1), "a quoted duration and a note that starts with en");
	char *empty[] = {"90", "", "sec"};
	ok(duration_goes_on(empty, 3, 2) == 1, "an empty word, as a shell passes '', is no end");
	ok(!duration_goes_on(empty, 3, 0) && !duration_goes_on(empty, 3, 3), "nothing before or after");
}

int main(void)
{
	accepted();
	words();
	goes_on();
	refused();
	formatting();
	return tap_done();
}
