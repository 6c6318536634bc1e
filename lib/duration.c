/* duration.c: the ways coaches write a stretch of time.
 *   90  90m  90 min  1h30  1h 30m  1u30  2u15  1:30  1.5h  1,5u  1,5 uur  2 uur
 *   1 uur 30  1 uur en 30 minuten  3 kwartier  een kwartier  anderhalf uur
 *   een half uur  twee uur  1 uur en een kwartier  2 uur 3 kwartier
 *   een uurtje  half uurtje  kwartiertje  2 uurtjes  1½ uur  ¾ uur
 * A bare whole number is minutes; a bare fraction is refused as ambiguous,
 * and a number written as a word needs its unit.  A unit alone is one of
 * it only where Dutch says it so: kwartier, kwartiertje, uurtje. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "calendar.h"

struct cursor {
	const char *s, *end;
};

static void skip_space(struct cursor *c)
{
	while (c->s < c->end && (*c->s == ' ' || *c->s == '\t'))
		c->s++;
}

/* Whether the next word is w (exactly), and if so past it and the space
 * after it. */
static int take_word(struct cursor *c, const char *w)
{
	struct cursor at = *c;
	skip_space(&at);
	const char *start = at.s;
	while (at.s < at.end && isalpha((unsigned char)*at.s))
		at.s++;
	size_t n = (size_t)(at.s - start);
	if (n != strlen(w) || strncasecmp(start, w, n))
		return 0;
	skip_space(&at);
	*c = at;
	return 1;
}

/* A word of the words for numbers, its value in millionths, or -1. */
static long long number_word(const char *s, size_t n)
{
	static const struct {
		const char *word;
		long long millionths;
	} words[] = {
		{"een", 1000000},   {"\xc3\xa9\xc3\xa9n", 1000000}, {"one", 1000000},
		{"an", 1000000},    {"a", 1000000},          {"twee", 2000000},
		{"two", 2000000},   {"drie", 3000000},       {"three", 3000000},
		{"vier", 4000000},  {"four", 4000000},       {"vijf", 5000000},
		{"five", 5000000},  {"zes", 6000000},        {"six", 6000000},
		{"half", 500000},   {"anderhalf", 1500000},
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i].word) == n && !strncasecmp(s, words[i].word, n))
			return words[i].millionths;
	return -1;
}

/* A number written as a word (een, twee, anderhalf, een half), in
 * millionths; -1, the cursor as it was, if there is none. */
static int number_in_words(struct cursor *c, long long *millionths)
{
	const char *start = c->s;
	while (c->s < c->end && !isspace((unsigned char)*c->s) && !isdigit((unsigned char)*c->s))
		c->s++;
	long long v = number_word(start, (size_t)(c->s - start));
	if (v < 0) {
		c->s = start;
		return -1;
	}
	if (v == 1000000 && take_word(c, "half")) /* een half uur */
		v = 500000;
	else if (v == 500000 && !take_word(c, "an")) /* half an hour, half a day */
		take_word(c, "a");
	*millionths = v;
	return 0;
}

/* A fraction typed as one sign, as a phone or a Dutch keyboard offers it
 * (1½ uur); its value in millionths, the cursor past it, or 0. */
static long long vulgar_fraction(struct cursor *c)
{
	static const struct {
		const char *sign;
		long long millionths;
	} signs[] = {{"\xc2\xbd", 500000}, {"\xc2\xbc", 250000}, {"\xc2\xbe", 750000}};
	for (size_t i = 0; i < sizeof signs / sizeof *signs; i++)
		if (c->end - c->s >= 2 && !memcmp(c->s, signs[i].sign, 2)) {
			c->s += 2;
			return signs[i].millionths;
		}
	return 0;
}

/* A number with an optional fraction after '.' or ',', or a fraction
 * sign; value in millionths.  *had_fraction is how many digits the
 * fraction has (1 for a sign), 0 for none. */
static int number(struct cursor *c, long long *millionths, int *had_fraction)
{
	const char *start = c->s;
	long long whole = 0, frac = 0, scale = 1000000;
	while (c->s < c->end && isdigit((unsigned char)*c->s) && whole < 1000000)
		whole = whole * 10 + (*c->s++ - '0');
	*had_fraction = 0;
	if (c->s < c->end && (*c->s == '.' || *c->s == ',') && c->s + 1 < c->end &&
	    isdigit((unsigned char)c->s[1])) {
		c->s++;
		while (c->s < c->end && isdigit((unsigned char)*c->s)) {
			++*had_fraction;
			if (scale > 1) {
				scale /= 10;
				frac += (*c->s - '0') * scale;
			}
			c->s++;
		}
	} else {
		struct cursor sign = *c; /* 1½ or 1 ½ */
		skip_space(&sign);
		if ((frac = vulgar_fraction(&sign))) {
			*c = sign;
			*had_fraction = 1;
		}
	}
	if (c->s == start || (c->s < c->end && isdigit((unsigned char)*c->s)))
		return -1;
	*millionths = whole * 1000000 + frac;
	return 0;
}
enum unit { U_NONE, U_HOURS, U_MINUTES, U_QUARTERS, U_BAD };

/* The unit word s names (exactly n bytes), or U_BAD. */
static enum unit unit_named(const char *s, size_t n)
{
	static const char *const hours[] = {"h", "u", "uur", "uren", "hour", "hours", "hr", "hrs",
					     "hrs.", "u.", "uurtje", "uurtjes", NULL};
	static const char *const minutes[] = {"m", "min", "mins", "min.", "minute", "minutes",
					       "minuut", "minuten", "mn", "minuutje", "minuutjes", NULL};
	static const char *const quarters[] = {"kwartier", "kwartieren", "kwart", "quarter",
						"quarters", "kwartiertje", "kwartiertjes", NULL};
	for (int i = 0; hours[i]; i++)
		if (strlen(hours[i]) == n && !strncasecmp(s, hours[i], n))
			return U_HOURS;
	for (int i = 0; minutes[i]; i++)
		if (strlen(minutes[i]) == n && !strncasecmp(s, minutes[i], n))
			return U_MINUTES;
	for (int i = 0; quarters[i]; i++)
		if (strlen(quarters[i]) == n && !strncasecmp(s, quarters[i], n))
			return U_QUARTERS;
	return U_BAD;
}

static enum unit unit(struct cursor *c)
{
	const char *start = c->s;
	while (c->s < c->end && (isalpha((unsigned char)*c->s) || *c->s == '.'))
		c->s++;
	size_t n = (size_t)(c->s - start);
	if (!n)
		return U_NONE;
	enum unit u = unit_named(start, n);
	if (u == U_BAD && n > 1 && start[n - 1] == '.') /* uur. kwartier. minuten. */
		u = unit_named(start, n - 1);
	return u;
}

static const char *check(long long millionths, long *minutes)
{
	long long m = (millionths + 500000) / 1000000;
	if (m <= 0)
		return _("a duration must be more than zero minutes");
	if (m > DURATION_MAX)
		return _("a duration may be at most 24 hours");
	*minutes = (long)m;
	return NULL;
}

/* 1.30 uur: Dutch writes a time of day so (13.30 uur), and many a coach
 * an hour and a half the same way; as decimal hours it is 78 minutes.
 * Two decimals below .60 are refused where the two readings differ, but
 * for .25 and .50, the quarter and the half a decimal is typed for. */
static const char *clock_like(long long millionths)
{
	static _Thread_local char why[160]; /* readers run on two threads */
	long hours = (long)(millionths / 1000000);
	long after = (long)(millionths % 1000000 / 10000);
	long clock = hours * 60 + after, decimal = (long)((millionths * 60 + 500000) / 1000000);
	if (after >= 60 || after == 25 || after == 50 || clock == decimal)
		return NULL;
	snprintf(why, sizeof why,
		 _("ambiguous: hours and minutes (%ldu%02ld, %ld minutes) or decimal hours "
		   "(%ld minutes)? write %ldu%02ld or %ldm"),
		 hours, after, clock, decimal, hours, after, decimal);
	return why;
}

static const char *const not_a_duration =
	N_("not a duration; write minutes (90) or hours and minutes (1h30, 1:30, 1,5u)");

/* "en" or "and" between the hours and the minutes: 1 uur en 30 minuten */
static void skip_and(struct cursor *c)
{
	if (!take_word(c, "en"))
		take_word(c, "and");
}

/* "en een half" after a whole number: twee en een half uur, 2 and a half
 * hours; past it if it is there. */
static int and_a_half(struct cursor *c)
{
	struct cursor at = *c;
	if (!(take_word(&at, "en") || take_word(&at, "and")))
		return 0;
	if (!take_word(&at, "een") && !take_word(&at, "a"))
		take_word(&at, "\xc3\xa9\xc3\xa9n");
	if (!take_word(&at, "half"))
		return 0;
	*c = at;
	return 1;
}

/* A unit that Dutch says alone for one of it: kwartier, kwartiertje,
 * uurtje; the cursor stays where it is, before the unit. */
static int unit_alone(const struct cursor *c)
{
	static const char *const words[] = {"kwartier", "kwartiertje", "uurtje", NULL};
	for (int i = 0; words[i]; i++) {
		struct cursor at = *c;
		if (take_word(&at, words[i]))
			return 1;
	}
	return 0;
}

/* duration_parse's work; *syntax is 0 where s is no duration at all, 1
 * where it is one that cannot be (zero, over a day, 1:75). */
static const char *parse(const char *s, size_t n, long *minutes, int *syntax)
{
	struct cursor c = {s, s + n};
	long long first, second;
	int frac = 0, frac2, word = 0;
	*syntax = 0;
	skip_space(&c);
	if (number_in_words(&c, &first) == 0)
		word = 1;
	else if (unit_alone(&c))
		first = 1000000, word = 1;
	else if (number(&c, &first, &frac) < 0)
		return _(not_a_duration);
	if (!frac && first >= 1000000 && and_a_half(&c)) {
		first += 500000; /* then only a unit, as after 2,5 */
		frac = 1;
	}
	if (!word && c.s < c.end && *c.s == ':') { /* h:mm, and 1:30 uur */
		c.s++;
		const char *mm = c.s;
		if (number(&c, &second, &frac2) < 0 || frac || frac2 || c.s - mm != 2)
			return _(not_a_duration);
		skip_space(&c);
		enum unit u = unit(&c);
		skip_space(&c);
		if (c.s != c.end || (u != U_NONE && u != U_HOURS))
			return _(not_a_duration);
		*syntax = 1;
		if (second >= 60 * 1000000LL)
			return _("minutes after the hours must be below 60");
		return check(first * 60 + second, minutes);
	}
	skip_space(&c);
	enum unit u = unit(&c);
	skip_space(&c);
	if (u == U_BAD || (u == U_NONE && word) || (u != U_HOURS && c.s != c.end))
		return _(not_a_duration);
	*syntax = 1;
	switch (u) {
	case U_NONE:
		if (frac)
			return _("a bare fraction is ambiguous; add a unit: 1,5u or 90m");
		return check(first, minutes);
	case U_MINUTES:
		return check(first, minutes);
	case U_QUARTERS:
		return check(first * 15, minutes);
	default:
		break;
	}
	if (frac == 2 && clock_like(first)) /* also with minutes after it: 1.30 uur en 10 */
		return clock_like(first);
	if (c.s == c.end)
		return check(first * 60, minutes);
	/* minutes or quarters after the hours: 1 uur 30, 1 uur en 30 minuten,
	 * 2 uur en 3 kwartier, een uur en een kwartier; a bare number only
	 * after whole hours written in digits */
	skip_and(&c);
	int word2 = number_in_words(&c, &second) == 0;
	frac2 = 0;
	if (!word2 && number(&c, &second, &frac2) < 0) {
		*syntax = 0;
		return _(not_a_duration);
	}
	skip_space(&c);
	u = unit(&c);
	skip_space(&c);
	if (c.s != c.end || frac2 || u == U_HOURS || u == U_BAD ||
	    (u == U_NONE && (frac || word || word2))) {
		*syntax = 0;
		return _(not_a_duration);
	}
	if (u == U_QUARTERS)
		second *= 15;
	if (second >= 60 * 1000000LL)
		return _("minutes after the hours must be below 60");
	return check(first * 60 + second, minutes);
}

const char *duration_parse(const char *s, size_t n, long *minutes)
{
	int syntax;
	return parse(s, n, minutes, &syntax);
}

/* The first k words as one text, the last without the punctuation that
 * ends it where strip is set (1 uur, Gesprek: the comma is the note's). */
static void join(struct buf *b, char *const *words, size_t k, int strip)
{
	b->len = 0;
	for (size_t i = 0; i < k; i++)
		buf_printf(b, "%s%s", i ? " " : "", words[i]);
	while (strip && b->len > 1 && strchr(",;:.!?", b->s[b->len - 1]))
		b->s[--b->len] = '\0';
}

/* Whether word is a unit word on its own (uur, min., kwartier,): what
 * follows a number that is then never a bare number of minutes. */
static int unit_word(const char *word)
{
	size_t n = strlen(word);
	while (n > 1 && strchr(",;:!?", word[n - 1]))
		n--;
	struct cursor c = {word, word + n};
	return unit(&c) != U_BAD && c.s == c.end && n > 0 && isalpha((unsigned char)*word);
}

size_t duration_words(char *const *words, size_t n, long *minutes, const char **why)
{
	struct buf b = {0};
	size_t most = n < DURATION_WORDS ? n : DURATION_WORDS;
	for (size_t k = most; k > 0; k--) {
		int syntax;
		join(&b, words, k, 0);
		*why = parse(b.s, b.len, minutes, &syntax);
		if (*why && !syntax) {
			size_t len = b.len;
			join(&b, words, k, 1);
			if (b.len != len)
				*why = parse(b.s, b.len, minutes, &syntax);
		}
		if (!*why && k < most && b.len &&
		    isdigit((unsigned char)b.s[b.len - 1]) && unit_word(words[k])) {
			/* 1 uur 30 uur: the 30 is not minutes with a note "uur" */
			*why = _(not_a_duration);
			buf_free(&b);
			return k + 1;
		}
		if (!*why || syntax || k == 1) {
			buf_free(&b);
			return *why && !syntax ? 0 : k;
		}
	}
	buf_free(&b);
	*why = _(not_a_duration);
	return 0;
}

/* A number as it would go on a duration: 30, 1,5, 10:30, 1/2 (a fraction,
 * not 12/11, a day), 1½, ½. */
static int number_like(const char *s, size_t n)
{
	struct cursor c = {s, s + n};
	long long v, num = 0;
	int frac;
	const char *start = c.s;
	while (c.s < c.end && isdigit((unsigned char)*c.s) && num < 1000)
		num = num * 10 + (*c.s++ - '0');
	if (c.s > start && c.s + 1 < c.end && *c.s == '/') {
		c.s++;
		if (number(&c, &v, &frac) < 0 || frac || num * 1000000 >= v)
			return 0;
		return unit(&c) != U_BAD && c.s == c.end; /* 1/2, 1/2u */
	}
	c.s = start;
	if (c.s < c.end && *c.s != '.' && *c.s != ',' && number(&c, &v, &frac) < 0)
		return 0;
	if (c.s < c.end && *c.s == ':' && c.s + 1 < c.end) /* 10:30 */
		c.s++, number(&c, &v, &frac);
	return c.s == c.end;
}

/* The words for numbers a duration is said in that the grammar does not
 * take, and those it takes but for een, a and an, which a note starts
 * with as often (15 een kwartier later). */
static int spoken_number(const char *s, size_t n)
{
	static const char *const words[] = {
		"zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien",
		"vijftien", "twintig", "dertig", "veertig", "vijftig", "zestig", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty",
		"fifty", "sixty", NULL};
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !strncasecmp(s, words[i], n))
			return 1;
	/* vijfentwintig, vijfenveertig */
	for (size_t i = 1; i + 2 < n; i++)
		if (!strncasecmp(s + i, "en", 2) && number_word(s, i) > 0 &&
		    spoken_number(s + i + 2, n - i - 2))
			return 1;
	static const char *const articles[] = {"een", "an", "a", NULL};
	for (int i = 0; articles[i]; i++)
		if (strlen(articles[i]) == n && !strncasecmp(s, articles[i], n))
			return 0;
	return number_word(s, n) > 0;
}

/* Units a duration is not written in but typed in all the same. */
static int seconds_word(const char *s, size_t n)
{
	static const char *const words[] = {"s", "sec", "sec.", "secs", "seconde", "seconden",
					    "second", "seconds", NULL};
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !strncasecmp(s, words[i], n))
			return 1;
	return 0;
}

/* A word's length without the punctuation that ends it (uur. min,); 0 for
 * a word the shell got quoted, with a space in it: a note's. */
static size_t bare(const char *word)
{
	size_t n = strlen(word);
	while (n > 1 && strchr(",;:.!?", word[n - 1]))
		n--;
	return strpbrk(word, " \t") ? 0 : n;
}

/* A number as a duration would go on with it: 30, 1,5, 1/2, tien. */
static int number_said(const char *word)
{
	size_t n = bare(word);
	return n && (number_like(word, n) || spoken_number(word, n));
}

/* A part of a number that is no whole one: 1/2, ½, half. */
static int fraction_said(const char *word)
{
	size_t n = bare(word);
	return n && (memchr(word, '/', n) || strstr(word, "\xc2\xbd") || strstr(word, "\xc2\xbc") ||
		     strstr(word, "\xc2\xbe") || (n == 4 && !strncasecmp(word, "half", 4)));
}

/* A word that says a unit: uur, min, sec, kwartier, half, or a number
 * with its unit in it (30min, 1/2u). */
static int unit_said(const char *word)
{
	size_t n = bare(word);
	long m;
	int syntax;
	if (!n)
		return 0;
	if (unit_word(word) || seconds_word(word, n) || (n == 4 && !strncasecmp(word, "half", 4)) ||
	    (n == 9 && !strncasecmp(word, "anderhalf", 9)))
		return 1;
	return isalpha((unsigned char)word[n - 1]) && !spoken_number(word, n) &&
	       (number_like(word, n) || !parse(word, n, &m, &syntax));
}

static int article(const char *word)
{
	return !strcasecmp(word, "een") || !strcasecmp(word, "a") || !strcasecmp(word, "an");
}

/* After a duration, words that go on with it: a unit (30 sec, 1 uur half),
 * a number and a unit after one (45 min 30 sec) or a fraction and a
 * unit after a bare number (1 1/2 uur), en or and before those (en tien
 * minuten, en een half).  A number and a unit after a bare number is the
 * note's: 45 elf uur afspraak, 60 10 minuten te laat. */
int duration_goes_on(char *const *words, size_t n, size_t k)
{
	if (k == 0 || k >= n)
		return 0;
	const char *last = words[k - 1], *w = words[k];
	size_t len = strlen(last);
	/* a duration in quotes, or one its punctuation ends, ends there */
	if (strpbrk(last, " \t") || (len && strchr(",;:!?", last[len - 1])))
		return 0;
	const char *next = k + 1 < n ? words[k + 1] : NULL, *third = k + 2 < n ? words[k + 2] : NULL;
	if (unit_said(w))
		return 1;
	if (next && unit_said(next) && (unit_said(last) ? number_said(w) : fraction_said(w)))
		return 1;
	if ((strcasecmp(w, "en") && strcasecmp(w, "and")) || !next)
		return 0;
	if (unit_said(next))
		return 1;
	if (third && number_said(next) && unit_said(third))
		return 1;
	return third && article(next) &&
	       (unit_said(third) || (number_said(third) && k + 3 < n && unit_said(words[k + 3])));
}

void duration_format(long minutes, char out[24])
{
	const char *sign = minutes < 0 ? "-" : "";
	if (minutes < 0)
		minutes = -minutes;
	snprintf(out, 24, "%s%ld:%02ld", sign, minutes / 60, minutes % 60);
}

/* A number of hours, as in 16, 18.5 or 18,5 (at most two decimals and a
 * million hours); whether the number fits is for the caller to say. */
const char *hours_parse(const char *s, size_t n, long *minutes)
{
	long whole = 0, hundredths = 0;
	size_t i = 0, digits = 0, decimals = 0;
	for (; i < n && isdigit((unsigned char)s[i]) && digits < 7; i++, digits++)
		whole = whole * 10 + (s[i] - '0');
	if (digits && i + 1 < n && (s[i] == '.' || s[i] == ','))
		for (i++; i < n && isdigit((unsigned char)s[i]) && decimals < 2; i++, decimals++)
			hundredths = hundredths * 10 + (s[i] - '0');
	if (!digits || i != n || (i > 0 && !isdigit((unsigned char)s[i - 1])))
		return _("not a number of hours; write it as 16 or 18,5");
	if (decimals == 1)
		hundredths *= 10;
	*minutes = whole * 60 + (hundredths * 60 + 50) / 100;
	return NULL;
}
