/* twice.c: an entry the sheets hold twice, logged again by mistake (a
 * line pasted twice, a batch or a sheet imported again), for cp-check to
 * warn of: hours in the sheets twice are declared twice.  The memory stays
 * the same however long the sheets: two generations of a table of the
 * entries' keys, so an entry is compared with at least the TWICE_LINES
 * entries before it.  What makes two entries the same is said once, here,
 * for cp-log's refusal too. */
#include <stdlib.h>
#include <string.h>

#include "sheet.h"

#define CAP (2 * TWICE_LINES) /* a generation's table, at most half full */

struct seen {
	uint64_t a, b;      /* the key: two hashes of what makes entries the same */
	unsigned long line; /* 0: an empty slot */
	const char *file;
};

struct twice {
	struct seen *now, *before; /* the two halves of table, in turn */
	size_t n;                  /* in now */
	struct seen table[];
};

struct twice *twice_new(void)
{
	struct twice *t = xcalloc(1, sizeof *t + 2 * CAP * sizeof *t->table);
	t->now = t->table;
	t->before = t->table + CAP;
	return t;
}

void twice_free(struct twice *t)
{
	free(t);
}

/* FNV-1a, from two starting points */
static void mix(uint64_t *h, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++) {
		h[0] = (h[0] ^ p[i]) * 0x100000001b3u;
		h[1] = (h[1] ^ p[i]) * 0x100000001b3u;
	}
}

static void mix_str(uint64_t *h, struct str s)
{
	mix(h, &s.n, sizeof s.n); /* "ab","c" is not "a","bc" */
	mix(h, s.s, s.n);
}

/* What makes two entries the same, for cp-log's refusal and cp-check's
 * warning alike: the day, mode and minutes (the mode as read, so werkvloer
 * is onsite), and the coach (in any case: every tool counts Robin's hours
 * as robin's), plan, goal and note. */
struct sameness {
	long num[3];
	struct str text[4];
};

static struct sameness sameness(const struct entry *e)
{
	return (struct sameness){{e->date, e->mode, e->minutes},
				 {e->coach, e->plan, e->goal, e->note}};
}

int entry_same(const struct entry *a, const struct entry *b)
{
	struct sameness x = sameness(a), y = sameness(b);
	if (memcmp(x.num, y.num, sizeof x.num))
		return 0;
	if (!utf8_same_name(x.text[0].s, x.text[0].n, y.text[0].s, y.text[0].n))
		return 0;
	for (size_t i = 1; i < sizeof x.text / sizeof *x.text; i++)
		if (x.text[i].n != y.text[i].n ||
		    (x.text[i].n && memcmp(x.text[i].s, y.text[i].s, x.text[i].n)))
			return 0;
	return 1;
}

/* The coach in the key as utf8_same_name compares it: folded. */
static void mix_name(uint64_t *h, struct str s)
{
	char small[256], *name = s.n <= sizeof small ? small : xmalloc(s.n);
	utf8_fold_name(name, s.s, s.n);
	mix_str(h, (struct str){name, s.n});
	if (name != small)
		free(name);
}

static void key(const struct entry *e, uint64_t *h)
{
	struct sameness x = sameness(e);
	h[0] = 0xcbf29ce484222325u;
	h[1] = 0x84222325cbf29ce4u;
	mix(h, x.num, sizeof x.num);
	mix_name(h, x.text[0]);
	for (size_t i = 1; i < sizeof x.text / sizeof *x.text; i++)
		mix_str(h, x.text[i]);
}

static struct seen *find(struct seen *table, const uint64_t *h)
{
	size_t i = h[0] & (CAP - 1);
	while (table[i].line && (table[i].a != h[0] || table[i].b != h[1]))
		i = (i + 1) & (CAP - 1);
	return &table[i];
}

unsigned long twice_seen(struct twice *t, const struct entry *e, const char *file,
			 const char **first)
{
	uint64_t h[2];
	key(e, h);
	struct seen *s = find(t->now, h), *old = find(t->before, h);
	if (s->line || old->line) {
		s = s->line ? s : old;
		*first = s->file;
		return s->line;
	}
	if (t->n == TWICE_LINES) { /* the older generation goes */
		struct seen *oldest = t->before;
		t->before = t->now;
		t->now = memset(oldest, 0, CAP * sizeof *oldest);
		t->n = 0;
		s = find(t->now, h);
	}
	*s = (struct seen){h[0], h[1], e->line, file};
	t->n++;
	return 0;
}
