/* planid.c: plan ids for hints: the next free one of a plans directory,
 * for cp-new without --id, and the one a mistyped id meant.  Ids are the
 * caseload's own to choose; most follow one scheme, PREFIX-YEAR-NUMBER
 * (P-2026-014), and the next one goes on with the highest number of the
 * year, in the same prefix and width. */
#include <ctype.h>
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

/* An id as the eye reads it: case folded, the leading zeros of a number
 * dropped, so that p-2024-3 reads as P-2024-003. */
static void id_folded(const char *s, size_t n, char *out, size_t size)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < size; i++) {
		int starts_number = (i == 0 || !isdigit((unsigned char)s[i - 1]));
		if (starts_number)
			while (s[i] == '0' && i + 1 < n && isdigit((unsigned char)s[i + 1]))
				i++;
		out[k++] = (char)tolower((unsigned char)s[i]);
	}
	out[k] = '\0';
}

/* Does the plan file name hold the id typed, whole or as its last parts
 * (2024-003, 3)? */
static int id_like(const char *name, const char *typed)
{
	const char *dot = strrchr(name, '.');
	if (!dot || (strcmp(dot, ".yaml") && strcmp(dot, ".yml")))
		return 0;
	char have[128], want[128];
	if ((size_t)(dot - name) >= sizeof have || strlen(typed) >= sizeof want)
		return 0; /* no plan id is that long: cut, two could look alike */
	id_folded(name, (size_t)(dot - name), have, sizeof have);
	id_folded(typed, strlen(typed), want, sizeof want);
	size_t h = strlen(have), w = strlen(want);
	if (!w || w > h)
		return 0;
	return !strcmp(have + h - w, want) && (h == w || have[h - w - 1] == '-');
}

int plans_like(const char *dir, const char *typed, char *out, size_t size)
{
	int found = 0;
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d)))
		if (id_like(de->d_name, typed) && found++ == 0)
			snprintf(out, size, "%.*s", (int)(strrchr(de->d_name, '.') - de->d_name),
				 de->d_name);
	if (d)
		closedir(d);
	return found;
}

const char *plans_like_hint(const char *dir, const char *typed, char *buf, size_t size)
{
	char id[128];
	if (!is_dir(dir)) { /* run outside a caseload, most likely */
		snprintf(buf, size, _("%s: no such directory; %s"), dir, caseload_outside_hint());
		return buf;
	}
	if (plans_like(dir, typed, id, sizeof id) != 1 || !strcmp(id, typed))
		return NULL;
	snprintf(buf, size, _("did you mean %s?"), id);
	return buf;
}

int plan_unknown(const char *dir, const char *typed)
{
	char hint[160];
	return cp_err_at(EX_NOINPUT, NULL, plans_like_hint(dir, typed, hint, sizeof hint),
			 _("%s: no such plan in %s"), typed, dir);
}

int plan_file_unknown(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;
	char dir[4096], id[128], hint[160];
	base = base ? base + 1 : path;
	snprintf(dir, sizeof dir, "%.*s", base > path ? (int)(base - path - 1) : 1,
		 base > path ? path : ".");
	dot = strrchr(base, '.');
	snprintf(id, sizeof id, "%.*s", dot ? (int)(dot - base) : (int)strlen(base), base);
	return cp_err_at(EX_NOINPUT, NULL, plans_like_hint(dir, id, hint, sizeof hint),
			 _("%s: no such plan"), path);
}
