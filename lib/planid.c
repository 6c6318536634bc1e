/* planid.c: the next free plan id of a plans directory, for the hint of
 * cp-new without --id.  Ids are the caseload's own to choose; most follow
 * one scheme, PREFIX-YEAR-NUMBER (P-2026-014), and the next one goes on
 * with the highest number of the year, in the same prefix and width. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload.h"

struct idform {
	char prefix[16];
	int year;
	long number;
	int width;
};

/* name as PREFIX-YEAR-NUMBER.yaml, or -1 */
static int idform_of(const char *name, struct idform *s)
{
	size_t p = strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
	if (!p || p >= sizeof s->prefix || name[p] != '-' || strspn(name + p + 1, "0123456789") != 4 ||
	    name[p + 5] != '-')
		return -1;
	const char *num = name + p + 6;
	size_t w = strspn(num, "0123456789");
	if (!w || w > 9 || strcmp(num + w, ".yaml"))
		return -1;
	memcpy(s->prefix, name, p);
	s->prefix[p] = '\0';
	s->year = (int)strtol(name + p + 1, NULL, 10); /* four digits, then '-' */
	s->number = strtol(num, NULL, 10);
	s->width = (int)w;
	return 0;
}

int plans_next_id(const char *dir, int day, char *out, size_t size)
{
	int year, month, mday;
	date_to_ymd(day, &year, &month, &mday);
	struct idform best = {"P", year, 0, 3}, s;
	int seen = 0; /* 1: an id of another year, 2: of this year */
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		if (idform_of(de->d_name, &s) < 0)
			continue;
		if (s.year == year && (seen < 2 || s.number > best.number)) {
			best = s;
			seen = 2;
		} else if (seen < 2 && (!seen || s.year > best.year)) {
			best = s; /* the newest year's prefix and width, numbered from 1 */
			seen = 1;
		}
	}
	if (d)
		closedir(d);
	long next = seen == 2 ? best.number + 1 : 1;
	int n = snprintf(out, size, "%s-%04d-%0*ld", best.prefix, year, best.width, next);
	return n > 0 && (size_t)n < size ? 0 : -1;
}
