/* lang.c: the language people read.  It is the one gettext picks for the
 * messages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them),
 * asked of the catalogue itself, so that labels, month names and the
 * decimal separator can never disagree with the messages around them: a
 * Dutch locale without the Dutch catalogue gets English throughout.
 *
 * A report in another language than the messages (cp-report --lang, or
 * English for the machine formats) switches inside the process: LANGUAGE
 * is set, and textdomain() called again, which is gettext's documented way
 * to drop the translations it has cached.  gettext ignores LANGUAGE in the
 * "C" locale, so LC_MESSAGES goes to C.UTF-8 (C in all but its name and
 * character set) meanwhile.  The environment is the process's: switch only
 * while no other thread translates. */
#include <locale.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendar.h"

#define DOMAIN "coachplan"
#define LANG_DEPTH 4

const char *lang_current(void)
{
	/* TRANSLATORS: the language of this translation as a code (ISO 639-1),
	   "nl" for Dutch; it also goes into HTML's lang attribute. */
	return _("en");
}

int lang_is(const char *code)
{
	return !strcmp(lang_current(), code);
}

const char *lang_parse(const char *s)
{
	static const char *const known[] = {"en", "nl"};
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (!strncasecmp(s, known[i], 2) && (!s[2] || strchr("_-.@", s[2])))
			return known[i];
	return NULL;
}

static struct {
	char *language, *messages;
	int changed;
} saved[LANG_DEPTH];
static int depth;

/* Counts the switches of language: what words() keeps is for one. */
static atomic_uint switches;

int lang_push(const char *code)
{
	int d = depth++;
	if (d >= LANG_DEPTH || !code)
		return 0;
	saved[d].changed = !lang_is(code);
	if (!saved[d].changed)
		return 0;
	const char *env = getenv("LANGUAGE"), *cur = setlocale(LC_MESSAGES, NULL);
	saved[d].language = env ? xstrdup(env) : NULL;
	saved[d].messages = xstrdup(cur ? cur : "C");
	if (!strcmp(saved[d].messages, "C") || !strcmp(saved[d].messages, "POSIX"))
		if (!setlocale(LC_MESSAGES, "C.UTF-8"))
			setlocale(LC_MESSAGES, "C.utf8");
	setenv("LANGUAGE", code, 1);
	textdomain(DOMAIN);
	atomic_fetch_add(&switches, 1);
	return lang_is(code) ? 0 : -1;
}

void lang_pop(void)
{
	int d = --depth;
	if (d < 0) {
		depth = 0;
		return;
	}
	if (d >= LANG_DEPTH || !saved[d].changed)
		return;
	if (saved[d].language)
		setenv("LANGUAGE", saved[d].language, 1);
	else
		unsetenv("LANGUAGE");
	setlocale(LC_MESSAGES, saved[d].messages);
	textdomain(DOMAIN);
	atomic_fetch_add(&switches, 1);
	free(saved[d].language);
	free(saved[d].messages);
	saved[d].language = saved[d].messages = NULL;
	saved[d].changed = 0;
}

static const char *const months[12] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December"),
};

/* The words of dates and numbers in the language of the moment, asked of
 * the catalogue once per language and thread, not once per date: a batch
 * of declarations shows tens of thousands. */
struct words {
	unsigned switches; /* the count they are for, plus one (0: none yet) */
	const char *month[12], *date, *day;
	char decimal;
};

static const struct words *words(void)
{
	static _Thread_local struct words w;
	unsigned now = atomic_load(&switches) + 1;
	if (w.switches == now)
		return &w;
	for (int m = 0; m < 12; m++)
		w.month[m] = _(months[m]);
	/* TRANSLATORS: a date for people, as in "5 January 2026": the day, the
	   month's name and the year, in this order. */
	w.date = _("%d %s %d");
	/* TRANSLATORS: a date in a table's rows, in digits: %1$02d is the
	   day, %2$02d the month, %3$04d the year; "2026-01-05" keeps a
	   column narrow.  Dutch writes "%1$02d-%2$02d-%3$04d". */
	w.day = _("%3$04d-%2$02d-%1$02d");
	/* TRANSLATORS: the decimal separator in numbers for people, as in
	   "18.5" hours and "12.5%": one character, "," in Dutch. */
	const char *s = _(".");
	w.decimal = *s ? *s : '.';
	w.switches = now;
	return &w;
}

char lang_decimal(void)
{
	return words()->decimal;
}

char *lang_number(char *s)
{
	char *dot = strchr(s, '.');
	if (dot)
		*dot = lang_decimal();
	return s;
}

void lang_hours(long minutes, char out[24])
{
	long hundredths = (labs(minutes) * 100 + 30) / 60;
	int n = snprintf(out, 24, "%s%ld.%02ld", minutes < 0 ? "-" : "", hundredths / 100,
			 hundredths % 100);
	while (n > 0 && out[n - 1] == '0') /* 18.50 is 18.5, 20.00 is 20 */
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
	lang_number(out);
}

const char *lang_month(int m)
{
	return m >= 1 && m <= 12 ? words()->month[m - 1] : "?";
}

void lang_date(int day, char out[LANG_DATE_MAX])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	snprintf(out, LANG_DATE_MAX, words()->date, d, lang_month(m), y);
}

void lang_day(int day, char out[LANG_DATE_MAX])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	snprintf(out, LANG_DATE_MAX, words()->day, d, m, y);
}
