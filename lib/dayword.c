/* dayword.c: a day as a coach says it, counted from today: gisteren, a
 * weekday, vorige week maandag, afgelopen vrijdag, 3 dagen geleden, and a
 * date as an agenda writes it, its weekday first (vr 20-11). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendar.h"

/* and as an agenda shortens them: ma, di, ...; mon, tue, ... */
static const char *const weekdays[7][4] = {
	{"maandag", "monday", "ma", "mon"},     {"dinsdag", "tuesday", "di", "tue"},
	{"woensdag", "wednesday", "wo", "wed"}, {"donderdag", "thursday", "do", "thu"},
	{"vrijdag", "friday", "vr", "fri"},     {"zaterdag", "saturday", "za", "sat"},
	{"zondag", "sunday", "zo", "sun"},
};

static const char *const weekday_names[7] = {
	N_("Monday"), N_("Tuesday"),  N_("Wednesday"), N_("Thursday"),
	N_("Friday"), N_("Saturday"), N_("Sunday"),
};

int date_weekday_named(const char *s, size_t n)
{
	for (int d = 0; d < 7; d++)
		for (int i = 0; i < 4; i++)
			if (strlen(weekdays[d][i]) == n && !strncasecmp(s, weekdays[d][i], n))
				return d;
	return -1;
}

/* Days back from today to the weekday d: the last one, today included. */
static int back_to(int today, int d)
{
	return (date_weekday(today) - 1 - d + 7) % 7;
}

/* 3 dagen geleden, 1 dag geleden, 10 days ago (w lower case, hyphens for
 * spaces, as date_parse_word hands it on): the days, or -1. */
static int days_ago(const char *w)
{
	char *end;
	if (*w < '0' || *w > '9')
		return -1;
	long n = strtol(w, &end, 10);
	static const char *const tails[] = {"-dagen-geleden", "-dag-geleden", "-days-ago",
					    "-day-ago", NULL};
	for (int i = 0; tails[i]; i++)
		if (!strcmp(end, tails[i]))
			return n <= 3660 ? (int)n : -1; /* ten years back at the most */
	return -1;
}

/* One word or a few of them, lower case, spaces as hyphens (vorige week
 * maandag, Vorige-Week-Maandag). */
static int day_word(const char *w, int today, int *day)
{
	static const struct word near[] = {
		{"vandaag", 0},      {"today", 0},
		{"gisteren", -1},    {"yesterday", -1},
		{"eergisteren", -2}, {"day-before-yesterday", -2},
		{"gister", -1},      {"eergister", -2}, /* as said and texted */
		{"morgen", 1},       {"tomorrow", 1},
		{"overmorgen", 2},   {"day-after-tomorrow", 2},
		{NULL, 0},
	};
	for (const struct word *x = near; x->text; x++)
		if (!strcmp(w, x->text)) {
			*day = today + x->value;
			return 0;
		}
	int ago = days_ago(w);
	if (ago >= 0) {
		*day = today - ago;
		return 0;
	}
	static const char *const before[][2] = {{"vorige-week-", "last-week-"},
						{"afgelopen-", "last-"}};
	int which = -1;
	for (int k = 0; k < 2 && which < 0; k++)
		for (int i = 0; i < 2 && which < 0; i++)
			if (!strncmp(w, before[k][i], strlen(before[k][i]))) {
				w += strlen(before[k][i]);
				which = k;
			}
	int d = date_weekday_named(w, strlen(w));
	if (d < 0)
		return -2;
	int back = back_to(today, d);
	if (which == 0) /* that day of the week before this one */
		back = date_weekday(today) - 1 + 7 - d;
	else if (which == 1 && !back) /* afgelopen maandag, on a Monday */
		back = 7;
	*day = today - back;
	return 0;
}

/* vr 20-11, vrijdag 20 november, Fri, 20 November 2026, di 2026-11-17:
 * the date after the weekday, which must be its own. */
static int dated(const char *s, int today, int *day, const char **why)
{
	size_t n = strcspn(s, " ,");
	int d = date_weekday_named(s, n);
	if (d < 0 || !s[n])
		return -2;
	const char *date = s + n + strspn(s + n, " ,");
	int r = date_parse_typed(date, strlen(date), today, day, why);
	if (r == -2 && !(*why = date_parse(date, strlen(date), day)))
		r = 0;
	if (r == -2)
		*why = NULL;
	if (r)
		return r;
	if (date_weekday(*day) - 1 != d) {
		static char says[96];
		char iso[11];
		date_format(*day, iso);
		/* TRANSLATORS: a date and its weekday: 2026-03-06 is a Friday */
		snprintf(says, sizeof says, _("%s is a %s"), iso,
			 _(weekday_names[date_weekday(*day) - 1]));
		*why = says;
		return -1;
	}
	return 0;
}

int date_parse_word(const char *s, int today, int *day, const char **why)
{
	char w[64];
	size_t n = 0;
	for (const char *p = s; *p && n + 1 < sizeof w; p++)
		w[n++] = *p == ' ' ? '-' : (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
	w[n] = '\0';
	*why = NULL;
	if (!s[n] && day_word(w, today, day) == 0)
		return 0;
	return dated(s, today, day, why);
}
