/* duration.c: the ways coaches write a stretch of time.
 *   90  90m  90 min  1h30  1h 30m  1u30  2u15  1:30  1.5h  1,5u  1,5 uur  2 uur
 * A bare whole number is minutes; a bare fraction is refused as ambiguous. */
#include <ctype.h>
#include <string.h>

#include "base.h"

struct cursor {
	const char *s, *end;
};

static void skip_space(struct cursor *c)
{
	while (c->s < c->end && (*c->s == ' ' || *c->s == '\t'))
		c->s++;
}

/* A number with an optional fraction after '.' or ','; value in millionths. */
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
		*had_fraction = 1;
		while (c->s < c->end && isdigit((unsigned char)*c->s)) {
			if (scale > 1) {
				scale /= 10;
				frac += (*c->s - '0') * scale;
			}
			c->s++;
		}
	}
	if (c->s == start || (c->s < c->end && isdigit((unsigned char)*c->s)))
		return -1;
	*millionths = whole * 1000000 + frac;
	return 0;
}

enum unit { U_NONE, U_HOURS, U_MINUTES, U_BAD };

static enum unit unit(struct cursor *c)
{
	static const char *const hours[] = {"h", "u", "uur", "uren", "hour", "hours", "hr", "hrs",
					     "hrs.", "u.", NULL};
	static const char *const minutes[] = {"m", "min", "mins", "min.", "minute", "minutes",
					       "minuut", "minuten", "mn", NULL};
	const char *start = c->s;
	while (c->s < c->end && (isalpha((unsigned char)*c->s) || *c->s == '.'))
		c->s++;
	size_t n = (size_t)(c->s - start);
	if (!n)
		return U_NONE;
	for (int i = 0; hours[i]; i++)
		if (strlen(hours[i]) == n && !strncasecmp(start, hours[i], n))
			return U_HOURS;
	for (int i = 0; minutes[i]; i++)
		if (strlen(minutes[i]) == n && !strncasecmp(start, minutes[i], n))
			return U_MINUTES;
	return U_BAD;
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

const char *duration_parse(const char *s, size_t n, long *minutes)
{
	static const char *const bad =
		N_("not a duration; write minutes (90) or hours and minutes (1h30, 1:30, 1,5u)");
	struct cursor c = {s, s + n};
	long long first, second;
	int frac, frac2;
	skip_space(&c);
	if (number(&c, &first, &frac) < 0)
		return _(bad);
	if (c.s < c.end && *c.s == ':') { /* h:mm */
		c.s++;
		const char *mm = c.s;
		if (number(&c, &second, &frac2) < 0 || frac || frac2 || c.s - mm != 2)
			return _(bad);
		skip_space(&c);
		if (c.s != c.end)
			return _(bad);
		if (second >= 60 * 1000000LL)
			return _("minutes after the hours must be below 60");
		return check(first * 60 + second, minutes);
	}
	skip_space(&c);
	switch (unit(&c)) {
	case U_NONE:
		if (c.s != c.end)
			return _(bad);
		if (frac)
			return _("a bare fraction is ambiguous; add a unit: 1,5u or 90m");
		return check(first, minutes);
	case U_MINUTES:
		skip_space(&c);
		return c.s == c.end ? check(first, minutes) : _(bad);
	case U_BAD:
		return _(bad);
	case U_HOURS:
		break;
	}
	skip_space(&c);
	if (c.s == c.end)
		return check(first * 60, minutes);
	if (frac || number(&c, &second, &frac2) < 0 || frac2)
		return _(bad);
	skip_space(&c);
	enum unit u = unit(&c);
	skip_space(&c);
	if ((u != U_NONE && u != U_MINUTES) || c.s != c.end)
		return _(bad);
	if (second >= 60 * 1000000LL)
		return _("minutes after the hours must be below 60");
	return check(first * 60 + second, minutes);
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
