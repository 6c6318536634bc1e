/* calendar.h: the base layer's days: calendar dates, durations as people
 * type them, periods and their buckets, and each funder's rules in time.
 * The layers and which may include which: lib/README. */

#ifndef CP_CALENDAR_H
#define CP_CALENDAR_H

#include "base.h"

/* ---- date.c: calendar dates as days since 1970-01-01 ---- */

#define DATE_NONE INT32_MIN

struct interval {
	int n;
	char unit; /* 'd', 'w', 'm', 'y' */
};

int date_from_ymd(int y, int m, int d);
void date_to_ymd(int day, int *y, int *m, int *d);
int date_days_in_month(int y, int m);
const char *date_parse(const char *s, size_t n, int *day); /* NULL or why not */
/* 5-3-2026, 05-03-2026, 5/3/2026: day first, as a Dutch coach types a
 * date; -1 (and *why) for that shape but no date, -2 for another shape. */
int date_parse_dmy(const char *s, size_t n, int *day, const char **why);
/* 20-11, 20/11, 20 nov, 20 november 2026: day first without the year, or
 * with the month's name.  Without a year, the day of this year, the last
 * or the next that lies nearest to today: 30-12 in January is the
 * December just gone.  Returns as date_parse_dmy. */
int date_parse_dm(const char *s, size_t n, int today, int *day, const char **why);
/* As date_parse_dm, but without a year the first such day on or after
 * the day after, less than a year on: 29-2 may be none. */
int date_parse_dm_after(const char *s, size_t n, int after, int *day, const char **why);
/* Every way but ISO's a coach types a date: date_parse_dmy's,
 * 2026/11/20 as some agendas write it, then date_parse_dm's.  Returns as
 * date_parse_dmy. */
int date_parse_typed(const char *s, size_t n, int today, int *day, const char **why);
/* The day of a date typed with its year as date_parse_typed takes it
 * (1-6-2026, 01/06/2026, 1 juni 2026), for the hint that shows how a
 * file writes it; DATE_NONE if s is none. */
int date_typed_with_year(const char *s, size_t n);
/* A month by its name, Dutch or English, whole or as an agenda shortens
 * it (maart, mrt, march, mar; any case): 1..12, or 0. */
int date_month_named(const char *s, size_t n);
/* Whether a day as typed names its day of the month without the year, the
 * nearest such day (20-11, 20 nov, vr 20-11): digits, but no year of
 * four; not a word alone (morgen) nor a date with its year. */
int date_typed_yearless(const char *s, size_t n);
void date_format(int day, char out[11]);
int date_add_months(int day, int months); /* the day clamped to the month's end */
int date_add_interval(int day, struct interval iv, int times);
int date_weekday(int day); /* 1 Monday .. 7 Sunday */
void date_isoweek(int day, int *year, int *week);
int date_today(void); /* $CP_TODAY if set, else the local date */
const char *interval_parse(const char *s, size_t n, struct interval *iv);
/* and as a coach types one on the command line: 3 maanden, 2 weken, 1j */
const char *interval_parse_typed(const char *s, size_t n, struct interval *iv);
void interval_format(struct interval iv, char out[16]);
int interval_days_approx(struct interval iv);

/* ---- dayword.c: a day as a coach says it ---- */

/* Counted from today: vandaag, gisteren, eergisteren, morgen, overmorgen;
 * a weekday (the last one, today included: never one ahead); vorige week
 * maandag (that day of last week); afgelopen maandag (the last one before
 * today); 3 dagen geleden; in English too (last week friday, last friday,
 * 3 days ago), any case, hyphens for spaces.  And a date after its
 * weekday, as an agenda writes it (vr 20-11, vrijdag 20 november), which
 * must be that weekday's.  Returns as date_parse_dmy. */
int date_parse_word(const char *s, int today, int *day, const char **why);
/* The weekday (0 Monday .. 6 Sunday) the n bytes at s name, whole or as an
 * agenda shortens it (maandag, ma, monday, mon; any case), or -1. */
int date_weekday_named(const char *s, size_t n);

/* ---- duration.c: hours and minutes as people type them ---- */

#define DURATION_MAX (24 * 60) /* one entry covers at most a day */

const char *duration_parse(const char *s, size_t n, long *minutes);
/* The longest run of words at the start of words that reads as one
 * duration (1h 30m, 1 uur 30, 3 kwartier, anderhalf uur): how many words
 * it takes, with *why NULL, or with *why saying why it cannot be one (30
 * uur is more than a day: never 30 minutes and a note "uur"); 0, with
 * *why, if not even the first word is a duration. */
#define DURATION_WORDS 6
size_t duration_words(char *const *words, size_t n, long *minutes, const char **why);
/* Whether the words after the k of a duration still read as a part of one
 * (1 1/2 uur, 1 uur en tien minuten, 30 sec): a number, a fraction, a
 * unit, a number said as a word, en or and before one.  Not where the
 * duration's last word was quoted or ends with a comma. */
int duration_goes_on(char *const *words, size_t n, size_t k);
void duration_format(long minutes, char out[24]); /* h:mm */
const char *hours_parse(const char *s, size_t n, long *minutes); /* 16, 18.5, 18,5 */

/* ---- period.c: named stretches of time and grouping buckets ---- */

struct period {
	int from, to; /* inclusive days */
};

#define PERIOD_OPEN_FROM (-(1 << 29)) /* no start: before any date */
#define PERIOD_OPEN_TO (1 << 29)      /* no end */

const char *period_parse(const char *s, int today, struct period *p);
/* Whether cp-hours --to as typed is a day without its year that --from
 * (typed too) decides: read by period_typed_ends, not near today, where
 * 29-2 may be no day though the --from year has one. */
int period_to_after_from(const char *from_typed, const char *to_typed);
/* cp-hours --from and --to as typed, and the days cli_date read (the
 * nearest such day; --to not, if period_to_after_from): a day without
 * its year as FROM..TO reads it.  NULL, or why the one *typed is no day
 * (29-2 in a year far from a leap year). */
const char *period_typed_ends(int *from, const char *from_typed, int *to,
			      const char *to_typed, int today, const char **typed);
void period_format(const struct period *p, char out[32]);
int period_contains(const struct period *p, int day);
/* The days both a and b hold, either open at an end or not; from after
 * to where they share none. */
struct period period_intersect(struct period a, struct period b);

enum bucket { BUCKET_DAY, BUCKET_WEEK, BUCKET_MONTH, BUCKET_QUARTER, BUCKET_HALF, BUCKET_YEAR };
int bucket_label(enum bucket b, int day, char out[16]); /* returns the length */

/* ---- funder.c: each funder's rules, in one table ---- */

struct funder_rules {
	struct interval every; /* the evaluation interval a plan has by default */
	int max_months;        /* the longest a trajectory may last; 0: no limit */
	int grant_months;      /* how long a grant usually runs; 0: no usual length */
	int followup_weeks;    /* apply for a follow-up this long before a grant ends; 0: none */
	int grant_required;    /* an hour counts only within a grant */
	/* the support levels (zeer licht .. intern): tenths of a percent of the
	 * contract hours in years 1, 2 and 3 on of a trajectory; NULL: this
	 * funder grants no hours by level */
	const int (*levels)[3];
	const char *limit_label; /* the maximum length as people know it (N_), or NULL */
};

#define FUNDER_LEVELS 5 /* zeer licht, licht, midden, intensief, intern */

const struct funder_rules *funder_rules(int funder);
/* The last day a trajectory from start may last (DATE_NONE: no limit). */
int funder_limit(int funder, int start);

#endif
