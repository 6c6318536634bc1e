/* agg.c: hours summed per group, a group being the values of the chosen
 * keys (plan, month, ...).  Memory grows with the number of groups, never
 * with the number of entries.
 *
 * A group's key is encoded in a few bytes per part so that comparing two
 * keys byte by byte orders them as the output wants: strings end in a NUL
 * (no key string holds one), a mode is its number, a time bucket a
 * big-endian number (labels are made only for output).  The funder, the
 * grant, the employer and the scheme are the plan's, and reading plans is
 * the slow part, so groups are kept per plan (and era: which grant held
 * the entry's day, for the funder follows the dates) while the sheets are
 * read, and named once at the end (agg_finish). */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain.h"

struct group {
	struct totals t;
	uint32_t hash;
	uint16_t keylen;
	unsigned char key[];
};

#define DAYS_CACHED 8 /* sheets run in date order, give or take a few days */
/* The groups of the last entries, by hash: a sheet runs in date order, so
 * the groups of this month are the ones asked for again and again, and
 * this small table finds them without the miss in the large one. */
#define RECENT 16384u
#define PART_MAX 255 /* bytes of a string part; longer ones are cut */
#define KEY_MAX (KEY_COUNT * (PART_MAX + 1) + 8)
#define WAITING 2
#define TAG(h) ((unsigned char)(0x80u | (h) >> 25))
#define AHEAD 8 /* groups asked of the memory ahead of their turn, where all are visited */
#define NAMES_SEEN 64     /* coaches' names remembered, folded (see coach_name) */
#define NAME_SEEN_MAX 32  /* bytes of a name remembered; longer ones are folded each time */

struct agg {
	struct {
		int day, bucket[KEY_COUNT];
	} days[DAYS_CACHED];
	enum key keys[KEY_COUNT + 1]; /* as stored: plan key slots hold the plan and era */
	size_t nkeys;                 /* what the caller asked for */
	size_t nparts;                /* plus a hidden plan, where one is needed */
	int finished;
	struct arena arena;
	unsigned char *room; /* the free end of the groups' current piece of arena */
	size_t roomlen;
	struct group **slots;
	/* Beside each slot a byte of its group's hash (TAG, never 0), 0 for an
	 * empty slot: a probe reads these, not the groups all over memory, and
	 * looks at a group only where its byte matches. */
	unsigned char *tags;
	size_t cap, used;
	struct group **recent; /* RECENT of them, or NULL */
	struct group **sorted;
	/* The entries added last, not yet counted: each waits two more
	 * entries, so that its slot in recent and then its group are asked of
	 * the memory early and have arrived when it is counted (see
	 * agg_add_era).  A ring; wait[held % WAITING] is the oldest. */
	struct waiting {
		struct group *g; /* what recent held for the key: a guess */
		uint32_t hash;
		int mode, date;
		long minutes;
		size_t len;
		unsigned char key[KEY_MAX];
	} wait[WAITING];
	unsigned held, waiting; /* entries added so far, of which waiting uncounted */
	/* A coach is grouped by the name folded (Robin and robin are one); it
	 * is shown as typed: of its spellings with capitals, the first in byte
	 * order, whichever half of a sheet came first.  Folded name to it. */
	struct strmap spelling;
	/* The names of a sheet are a few, on line after line: each is folded,
	 * and its spelling looked up, once, not on every line. */
	struct seen_name {
		unsigned char n; /* its bytes + 1; 0: an empty slot */
		char typed[NAME_SEEN_MAX], folded[NAME_SEEN_MAX];
	} seen[NAMES_SEEN];
};

static const char *const key_names[KEY_COUNT] = {
	"plan",     "goal",   "mode", "coach", "funder", "activity", "grant",
	"employer", "scheme", "day",  "week",  "month",  "quarter",  "half", "year"};

long totals_remote(const struct totals *t)
{
	long remote = 0;
	for (int m = 0; m < MODE_COUNT; m++)
		if (mode_remote(m))
			remote += t->mode[m];
	return remote;
}

const char *key_name(enum key k)
{
	return key_names[k];
}

/* The keys in the words Dutch coaches use (--by doel,wijze,maand) and the
 * Dutch tables print (vorm), and the half year as English writes it too */
static const struct word key_words[] = {
	{"doel", KEY_GOAL},
	{"wijze|modus|vorm|contactvorm", KEY_MODE},
	{"jobcoach", KEY_COACH},
	{"financier|opdrachtgever", KEY_FUNDER},
	{"dag", KEY_DAY},
	{"maand", KEY_MONTH},
	{"kwartaal", KEY_QUARTER},
	{"halfjaar|half-year|halfyear", KEY_HALF},
	{"jaar", KEY_YEAR},
	{"activiteit", KEY_ACTIVITY},
	{"beschikking|toekenning", KEY_GRANT},
	{"werkgever", KEY_EMPLOYER},
	{"regeling", KEY_SCHEME},
	{NULL, 0},
};

static int key_of(const char *s, size_t len)
{
	for (int k = 0; k < KEY_COUNT; k++)
		if (strlen(key_names[k]) == len && !strncasecmp(s, key_names[k], len))
			return k;
	return word_lookup(key_words, s, len);
}

int keys_parse(const char *s, enum key *keys, size_t *n)
{
	*n = 0;
	while (*s) {
		size_t len = strcspn(s, ",");
		int found = key_of(s, len);
		if (found < 0 || *n == KEY_COUNT)
			return -1;
		for (size_t i = 0; i < *n; i++)
			if (keys[i] == (enum key)found)
				return -1;
		keys[(*n)++] = (enum key)found;
		s += len;
		if (*s == ',')
			s++;
	}
	return *n ? 0 : -1;
}

static int is_time(enum key k)
{
	return k >= KEY_DAY;
}

int key_of_plan(enum key k)
{
	return k == KEY_FUNDER || k == KEY_GRANT || k == KEY_EMPLOYER || k == KEY_SCHEME;
}

struct agg *agg_new(const enum key *keys, size_t n, int hidden_plan)
{
	struct agg *a = xcalloc(1, sizeof *a);
	memcpy(a->keys, keys, n * sizeof *keys);
	a->nkeys = a->nparts = n;
	if (hidden_plan)
		a->keys[a->nparts++] = KEY_FUNDER; /* holds the plan, like every plan key slot */
	a->cap = 1024;
	a->slots = xcalloc(a->cap, sizeof *a->slots);
	a->tags = xcalloc(a->cap, 1);
	for (int i = 0; i < DAYS_CACHED; i++)
		a->days[i].day = DATE_NONE;
	return a;
}

static void grow(struct agg *a)
{
	size_t cap = a->cap * 2;
	struct group **slots = xcalloc(cap, sizeof *slots);
	unsigned char *tags = xcalloc(cap, 1);
	for (size_t i = 0; i < a->cap; i++)
		if (a->slots[i]) {
			if (i + AHEAD < a->cap && a->slots[i + AHEAD])
				__builtin_prefetch(&a->slots[i + AHEAD]->hash);
			uint32_t h = a->slots[i]->hash;
			size_t j = h & (cap - 1);
			while (tags[j])
				j = (j + 1) & (cap - 1);
			slots[j] = a->slots[i];
			tags[j] = TAG(h);
		}
	free(a->slots);
	free(a->tags);
	a->slots = slots;
	a->tags = tags;
	a->cap = cap;
}

/* Keys are short (a plan id and a month: sixteen bytes), and compared and
 * hashed on every line: two overlapping words, not a call. */
static int key_equal(const unsigned char *x, const unsigned char *y, size_t n)
{
	if (n < 8 || n > 16)
		return !memcmp(x, y, n);
	uint64_t a, b, c, d;
	memcpy(&a, x, 8);
	memcpy(&b, y, 8);
	memcpy(&c, x + n - 8, 8);
	memcpy(&d, y + n - 8, 8);
	return !((a ^ b) | (c ^ d));
}

/* A key's hash, eight bytes at a time: the key lies in a buffer of
 * KEY_MAX, which has room for the zeros that pad its last word. */
static uint32_t key_hash(unsigned char *key, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ len, v;
	memset(key + len, 0, 8);
	for (size_t i = 0; i < len; i += 8) {
		memcpy(&v, key + i, 8);
		h = (h ^ v) * 0xbf58476d1ce4e5b9u;
		h ^= h >> 31;
	}
	h *= 0x94d049bb133111ebu;
	h ^= h >> 29;
	return (uint32_t)(h ^ h >> 32);
}

/* The slot that holds the group with this key, or the empty one where it
 * would go, with room for it (put the group there with put_slot). */
static size_t slot_of(struct agg *a, uint32_t h, const unsigned char *key, size_t len)
{
	size_t i = h & (a->cap - 1);
	for (unsigned char tag = TAG(h); a->tags[i]; i = (i + 1) & (a->cap - 1)) {
		const struct group *g = a->slots[i];
		if (a->tags[i] == tag && g->hash == h && g->keylen == len && key_equal(g->key, key, len))
			return i;
	}
	if (2 * (a->used + 1) > a->cap) {
		grow(a);
		for (i = h & (a->cap - 1); a->tags[i]; i = (i + 1) & (a->cap - 1))
			;
	}
	return i;
}

static void put_slot(struct agg *a, size_t i, struct group *g)
{
	a->slots[i] = g;
	a->tags[i] = TAG(g->hash);
	a->used++;
}

/* Groups are cut from pieces of GROUP_PIECE bytes of the arena, each on
 * a multiple of 8 (what a group needs), not of 16 (what arena_alloc gives
 * anything): 72 bytes for a plan-month group, not 80. */
#define GROUP_PIECE 4096
#define GROUP_ALIGN _Alignof(struct group)

static struct group *new_group(struct agg *a, size_t len)
{
	size_t n = (offsetof(struct group, key) + len + GROUP_ALIGN - 1) / GROUP_ALIGN * GROUP_ALIGN;
	if (a->roomlen < n) {
		size_t piece = n > GROUP_PIECE ? n : GROUP_PIECE;
		a->room = arena_alloc(&a->arena, piece);
		a->roomlen = piece;
	}
	struct group *g = (struct group *)(void *)a->room;
	a->room += n;
	a->roomlen -= n;
	return g;
}

static struct group *lookup_hashed(struct agg *a, uint32_t h, const unsigned char *key,
				  size_t len)
{
	struct group **recent = a->recent ? &a->recent[h & (RECENT - 1)] : NULL, *r;
	if (recent && (r = *recent) && r->hash == h && r->keylen == len && key_equal(r->key, key, len))
		return r;
	size_t slot = slot_of(a, h, key, len);
	struct group *g = a->slots[slot];
	if (g) {
		if (recent)
			*recent = g;
		return g;
	}
	g = new_group(a, len);
	memset(&g->t, 0, sizeof g->t);
	g->t.first = PERIOD_OPEN_TO;
	g->t.last = PERIOD_OPEN_FROM;
	g->hash = h;
	g->keylen = (uint16_t)len;
	memcpy(g->key, key, len);
	put_slot(a, slot, g);
	if (recent)
		*recent = g;
	return g;
}

static struct group *lookup(struct agg *a, unsigned char *key, size_t len)
{
	return lookup_hashed(a, key_hash(key, len), key, len);
}

#define BIAS (1u << 31) /* makes every day number positive, so bytes sort as numbers */

static size_t put_str(unsigned char *p, struct str s)
{
	size_t n = s.n > PART_MAX ? PART_MAX : s.n;
	if (n >= 8 && n <= 16) { /* a plan id: two overlapping words, not a call */
		memcpy(p, s.s, 8);
		memcpy(p + n - 8, s.s + n - 8, 8);
	} else
		memcpy(p, s.s, n);
	p[n] = '\0';
	return n + 1;
}

static size_t put_int(unsigned char *p, int v)
{
	uint32_t u = (uint32_t)v + BIAS;
	p[0] = (unsigned char)(u >> 24);
	p[1] = (unsigned char)(u >> 16);
	p[2] = (unsigned char)(u >> 8);
	p[3] = (unsigned char)u;
	return 4;
}

static int get_int(const unsigned char *p)
{
	uint32_t u = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return (int)(u - BIAS);
}

static int bucket(enum key k, int day)
{
	int y, m, d;
	if (k == KEY_DAY)
		return day;
	if (k == KEY_WEEK) {
		date_isoweek(day, &y, &d);
		return y * 100 + d;
	}
	date_to_ymd(day, &y, &m, &d);
	switch (k) {
	case KEY_MONTH:
		return y * 100 + m;
	case KEY_QUARTER:
		return y * 10 + (m + 2) / 3;
	case KEY_HALF:
		return y * 10 + (m <= 6 ? 1 : 2);
	default:
		return y;
	}
}

static int day_bucket(struct agg *a, enum key k, int day)
{
	unsigned slot = (unsigned)day % DAYS_CACHED;
	if (a->days[slot].day != day) {
		a->days[slot].day = day;
		for (size_t i = 0; i < a->nparts; i++)
			if (is_time(a->keys[i]))
				a->days[slot].bucket[a->keys[i]] = bucket(a->keys[i], day);
	}
	return a->days[slot].bucket[k];
}

static void add_totals(struct totals *t, const struct totals *more)
{
	for (int m = 0; m < MODE_COUNT; m++)
		t->mode[m] += more->mode[m];
	t->minutes += more->minutes;
	t->entries += more->entries;
	if (more->first < t->first)
		t->first = more->first;
	if (more->last > t->last)
		t->last = more->last;
}

/* The oldest waiting entry, counted in its group: the one recent held
 * for its key when it was the newest but one, if that is still its group,
 * else found as ever. */
static void count_oldest(struct agg *a)
{
	struct waiting *w = &a->wait[a->held % WAITING];
	struct group *g = w->g;
	if (!g || g->hash != w->hash || g->keylen != w->len || !key_equal(g->key, w->key, w->len))
		g = lookup_hashed(a, w->hash, w->key, w->len);
	struct totals *t = &g->t; /* add_totals for one entry, without its loop */
	t->minutes += w->minutes;
	t->mode[w->mode] += (int32_t)w->minutes;
	t->entries++;
	if (w->date < t->first)
		t->first = w->date;
	if (w->date > t->last)
		t->last = w->date;
	a->held++;
	a->waiting--;
}

/* Every entry added so far, counted: before anything reads the groups. */
static void count_waiting(struct agg *a)
{
	while (a->waiting)
		count_oldest(a);
}

/* Keeps the spelling of folded name (n bytes) that comes first. */
static void spell(struct strmap *m, const char *name, const char *as, size_t n)
{
	int added;
	void **v = strmap_put(m, name, n, &added);
	if (!added && memcmp(as, *v, n) >= 0)
		return;
	free(*v);
	*v = xstrndup(as, n);
}

/* The coach's name s (n bytes) folded, in name or a name seen before;
 * its spelling kept where it has capitals.  A name seen since the last
 * agg_clear has been spelled already: spell keeps the least, so again
 * changes nothing. */
static const char *coach_name(struct agg *a, const char *s, size_t n, char *name)
{
	struct seen_name *c = NULL;
	if (n && n <= NAME_SEEN_MAX) {
		c = &a->seen[(n + (unsigned char)s[0] * 7u + (unsigned char)s[n - 1] * 31u) %
			     NAMES_SEEN];
		if (c->n == n + 1 && !memcmp(c->typed, s, n))
			return c->folded;
	}
	utf8_fold_name(name, s, n);
	if (memcmp(name, s, n))
		spell(&a->spelling, name, s, n);
	if (c) {
		c->n = (unsigned char)(n + 1);
		memcpy(c->typed, s, n);
		memcpy(c->folded, name, n);
	}
	return name;
}

void agg_add(struct agg *a, const struct entry *e)
{
	agg_add_era(a, e, 0);
}

/* A group is counted two entries after it came (count_oldest): the groups
 * are many and all over memory, and a sheet's next line is read meanwhile,
 * so the memory has time to bring what the count needs. */
void agg_add_era(struct agg *a, const struct entry *e, int era)
{
	if (!a->recent)
		a->recent = xcalloc(RECENT, sizeof *a->recent);
	if (a->waiting == WAITING)
		count_oldest(a);
	struct waiting *w = &a->wait[(a->held + a->waiting) % WAITING];
	unsigned char *key = w->key;
	size_t len = 0;
	for (size_t i = 0; i < a->nparts; i++) {
		switch (a->keys[i]) {
		case KEY_PLAN:
			len += put_str(key + len, e->plan);
			break;
		case KEY_FUNDER: /* the plan and era, until agg_finish */
		case KEY_GRANT:
		case KEY_EMPLOYER:
		case KEY_SCHEME:
			len += put_str(key + len, e->plan);
			len += put_int(key + len, era);
			break;
		case KEY_GOAL:
			len += put_str(key + len, e->goal);
			break;
		case KEY_COACH: { /* one group a coach, whatever the case typed */
			char name[PART_MAX];
			size_t n = e->coach.n > PART_MAX ? PART_MAX : e->coach.n;
			len += put_str(key + len, (struct str){coach_name(a, e->coach.s, n, name), n});
			break;
		}
		case KEY_ACTIVITY: { /* the English key, whichever word the sheet has */
			int act = vocab_parse(&vocab_activity, e->activity.s, e->activity.n);
			const char *name = act >= 0 ? vocab_name(&vocab_activity, act) : NULL;
			len += put_str(key + len, name ? (struct str){name, strlen(name)} : e->activity);
			break;
		}
		case KEY_MODE:
			key[len++] = (unsigned char)e->mode;
			break;
		default:
			len += put_int(key + len, day_bucket(a, a->keys[i], e->date));
		}
	}
	w->len = len;
	w->hash = key_hash(key, len);
	w->g = NULL;
	w->mode = e->mode;
	w->date = e->date;
	w->minutes = e->minutes;
	__builtin_prefetch(&a->recent[w->hash & (RECENT - 1)]);
	if (++a->waiting == WAITING) { /* the one before: its slot in recent has come */
		struct waiting *prev = &a->wait[a->held % WAITING];
		struct group *g = prev->g = a->recent[prev->hash & (RECENT - 1)];
		if (g) {
			__builtin_prefetch(g);
			__builtin_prefetch(g->key + prev->len - 1);
		}
	}
}

/* The halves of a sheet share few groups (it runs in date order): those
 * from does not share move over as they are, not copied, so that memory
 * holds each group once. */
void agg_merge(struct agg *a, struct agg *from)
{
	count_waiting(a);
	count_waiting(from);
	while (2 * (a->used + from->used) > a->cap)
		grow(a); /* once, not while the groups come */
	for (size_t i = 0; i < from->cap; i++) {
		struct group *g = from->slots[i], *next;
		if (i + 2 * AHEAD < from->cap && (next = from->slots[i + 2 * AHEAD]))
			__builtin_prefetch(&next->hash);
		if (i + AHEAD < from->cap && (next = from->slots[i + AHEAD]))
			__builtin_prefetch(&a->tags[next->hash & (a->cap - 1)]);
		if (!g)
			continue;
		size_t slot = slot_of(a, g->hash, g->key, g->keylen);
		if (a->slots[slot])
			add_totals(&a->slots[slot]->t, &g->t);
		else
			put_slot(a, slot, g);
	}
	for (size_t i = 0; i < from->spelling.cap; i++) {
		const struct strmap_slot *s = &from->spelling.v[i];
		if (s->key)
			spell(&a->spelling, s->key, s->value, s->len);
	}
	arena_adopt(&a->arena, &from->arena);
	agg_clear(from);
}

void agg_clear(struct agg *a)
{
	a->waiting = 0;
	if (a->recent)
		memset(a->recent, 0, RECENT * sizeof *a->recent);
	arena_free(&a->arena);
	a->room = NULL;
	a->roomlen = 0;
	memset(a->slots, 0, a->cap * sizeof *a->slots);
	memset(a->tags, 0, a->cap);
	a->used = 0;
	strmap_free(&a->spelling, free);
	memset(a->seen, 0, sizeof a->seen); /* their spellings went with the map */
}

/* The bytes of part i of a key, and where the next part starts. */
static const unsigned char *part(const struct agg *a, const unsigned char *key, size_t i,
				 size_t *len)
{
	for (size_t k = 0;; k++) {
		enum key kind = a->keys[k];
		size_t n = kind == KEY_MODE ? 1 : is_time(kind) ? 4 : strlen((const char *)key) + 1;
		if (key_of_plan(kind) && !a->finished)
			n += 4; /* the era */
		if (k == i) {
			*len = n;
			return key;
		}
		key += n;
	}
}

void agg_finish(struct agg *a,
		const char *(*name)(enum key k, struct str plan, int era, const struct totals *t,
				    void *arg),
		void *arg)
{
	count_waiting(a);
	int has_plan_key = 0;
	for (size_t i = 0; i < a->nparts; i++)
		has_plan_key |= key_of_plan(a->keys[i]);
	if (!has_plan_key) {
		a->finished = 1;
		return;
	}
	struct agg *out = agg_new(a->keys, a->nkeys, 0);
	/* The groups in the order of their keys, a plan's side by side: the
	 * plan is looked up and read once for all its groups, not once for
	 * each with a miss at every step; and name is asked about plans in a
	 * known order (which a broken plan's messages follow), not by hash. */
	size_t ng;
	struct group **gs = agg_groups(a, &ng);
	for (size_t s = 0; s < ng; s++) {
		struct group *g = gs[s];
		if (s + AHEAD < ng) {
			__builtin_prefetch(gs[s + AHEAD]);
			__builtin_prefetch(gs[s + AHEAD]->key + 15);
		}
		unsigned char key[KEY_MAX];
		size_t len = 0, n;
		int dropped = 0;
		for (size_t i = 0; i < a->nparts && !dropped; i++) {
			const unsigned char *p = part(a, g->key, i, &n);
			if (key_of_plan(a->keys[i])) {
				struct str plan = {(const char *)p, n - 5};
				const char *v = name(a->keys[i], plan, get_int(p + n - 4), &g->t, arg);
				if (!v)
					dropped = 1; /* filtered out */
				else if (i < a->nkeys)
					len += put_str(key + len, (struct str){v, strlen(v)});
			} else {
				memcpy(key + len, p, n);
				len += n;
			}
		}
		if (!dropped)
			add_totals(&lookup(out, key, len)->t, &g->t);
	}
	a->finished = 1;
	/* the result takes over from the per-plan groups */
	free(a->sorted);
	a->sorted = NULL;
	free(a->recent);
	a->recent = NULL;
	arena_free(&a->arena);
	free(a->slots);
	free(a->tags);
	a->arena = out->arena;
	a->room = out->room;
	a->roomlen = out->roomlen;
	a->slots = out->slots;
	a->tags = out->tags;
	a->cap = out->cap;
	a->used = out->used;
	a->nparts = a->nkeys; /* plan key slots now hold their names, strings like the plan */
	free(out);
}

/* Sorting a hundred thousand groups through their pointers costs two cache
 * misses a comparison; the first 16 bytes of each key, loaded once into the
 * array being sorted, settle nearly every comparison without them. */
struct sortkey {
	uint64_t hi, lo;
	struct group *g;
};

static uint64_t load_be(const unsigned char *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < 8; i++)
		v = v << 8 | (i < n ? p[i] : 0);
	return v;
}

static int cmp_sortkeys(const void *x, const void *y)
{
	const struct sortkey *a = x, *b = y;
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	const struct group *g = a->g, *h = b->g;
	size_t n = g->keylen < h->keylen ? g->keylen : h->keylen;
	int c = n > 16 ? memcmp(g->key + 16, h->key + 16, n - 16) : 0;
	return c ? c : cmp_num(g->keylen, h->keylen);
}

static void swap_keys(struct sortkey *x, struct sortkey *y)
{
	struct sortkey t = *x;
	*x = *y;
	*y = t;
}

/* A quicksort in place: the C library's qsort sorts through a copy as
 * large as the array, which with a hundred thousand groups is most of the
 * memory cp-hours needs beyond the groups themselves. */
/* Hoare's partition of k around the median of its first, middle and last
 * key: k[0, at) holds none greater and k[at, n) none less, where at is
 * returned, 0 < at < n (n > 2). */
static size_t partition(struct sortkey *k, size_t n)
{
	size_t mid = n / 2, last = n - 1;
	if (cmp_sortkeys(&k[mid], &k[0]) < 0)
		swap_keys(&k[mid], &k[0]);
	if (cmp_sortkeys(&k[last], &k[mid]) < 0) {
		swap_keys(&k[last], &k[mid]);
		if (cmp_sortkeys(&k[mid], &k[0]) < 0)
			swap_keys(&k[mid], &k[0]);
	}
	struct sortkey pivot = k[mid];
	size_t i = 0, j = last;
	for (;;) { /* equal keys split evenly */
		while (cmp_sortkeys(&k[i], &pivot) < 0)
			i++;
		while (cmp_sortkeys(&pivot, &k[j]) < 0)
			j--;
		if (i >= j)
			return j + 1;
		swap_keys(&k[i++], &k[j--]);
	}
}

static void sort_keys(struct sortkey *k, size_t n)
{
	while (n > 16) {
		size_t at = partition(k, n);
		/* the smaller side by recursion, the larger by the loop: the
		 * stack stays logarithmic */
		if (at < n - at) {
			sort_keys(k, at);
			k += at;
			n -= at;
		} else {
			sort_keys(k + at, n - at);
			n = at;
		}
	}
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && cmp_sortkeys(&k[j], &k[j - 1]) < 0; j--)
			swap_keys(&k[j], &k[j - 1]);
}

/* The first sixteen bytes of each group's key, from groups all over
 * memory: each asked for ahead. */
static void load_keys(struct sortkey *k, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i + AHEAD < n) {
			__builtin_prefetch(k[i + AHEAD].g->key);
			__builtin_prefetch(k[i + AHEAD].g->key + 15);
		}
		const struct group *g = k[i].g;
		k[i].hi = load_be(g->key, g->keylen);
		k[i].lo = load_be(g->key + 8, g->keylen > 8 ? g->keylen - 8u : 0);
	}
}

struct sort_job {
	struct sortkey *k;
	size_t n;
	int sort; /* else load */
};

static void *run_sort_job(void *p)
{
	struct sort_job *j = p;
	if (j->sort)
		sort_keys(j->k, j->n);
	else
		load_keys(j->k, j->n);
	return NULL;
}

/* Loads or sorts k[0, at) here and k[at, n) on a thread of its own, if
 * one can be had. */
static void two_ways(struct sortkey *k, size_t at, size_t n, int sort)
{
	struct sort_job theirs = {k + at, n - at, sort}, mine = {k, at, sort};
	pthread_t t;
	int shared = pthread_create(&t, NULL, run_sort_job, &theirs) == 0;
	if (!shared)
		run_sort_job(&theirs);
	run_sort_job(&mine);
	if (shared)
		pthread_join(t, NULL);
}

/* From this many groups on, the keys are loaded and sorted on two cores:
 * it is the end of cp-hours, where the other reading thread has stopped. */
#define SORT_SHARED 32768

struct group **agg_groups(struct agg *a, size_t *n)
{
	count_waiting(a);
	struct sortkey *k = xreallocarray(NULL, a->used ? a->used : 1, sizeof *k);
	*n = 0;
	for (size_t i = 0; i < a->cap; i++)
		if (a->slots[i])
			k[(*n)++].g = a->slots[i];
	if (*n >= SORT_SHARED) {
		two_ways(k, *n / 2, *n, 0);
		two_ways(k, partition(k, *n), *n, 1);
	} else {
		load_keys(k, *n);
		sort_keys(k, *n);
	}
	/* the pointers in order, over the keys they came from: pointer i is
	 * written below key i, which is read first */
	struct group **sorted = (struct group **)(void *)k;
	for (size_t i = 0; i < *n; i++)
		sorted[i] = k[i].g;
	free(a->sorted);
	a->sorted = xreallocarray(sorted, a->used ? a->used : 1, sizeof *a->sorted);
	return a->sorted;
}

void group_prefetch(const struct group *g)
{
	__builtin_prefetch(g);
	__builtin_prefetch(g->key);
}

const struct totals *group_totals(const struct group *g)
{
	return &g->t;
}

static char *put_digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + width;
}

/* Labels are written by hand: with a hundred thousand groups, printf's
 * generality is most of the cost of the output. */
size_t group_label(const struct agg *a, const struct group *g, size_t i, char *out, size_t size)
{
	size_t n;
	const unsigned char *p = part(a, g->key, i, &n);
	enum key k = a->keys[i];
	char label[16], *e = label;
	const char *text = label;
	size_t len;
	if (k == KEY_MODE)
		len = strlen(text = vocab_name(&vocab_mode, *p));
	else if (k == KEY_COACH && (text = strmap_get(&a->spelling, (const char *)p, n - 1)))
		len = n - 1;
	else if (!is_time(k))
		text = (const char *)p, len = n - 1; /* n counts its NUL */
	else {
		int v = get_int(p);
		switch (k) {
		case KEY_DAY:
			date_format(v, label);
			e = label + 10;
			break;
		case KEY_WEEK:
		case KEY_MONTH:
			e = put_digits(e, v / 100 % 10000, 4);
			*e++ = '-';
			if (k == KEY_WEEK)
				*e++ = 'W';
			e = put_digits(e, v % 100, 2);
			break;
		case KEY_QUARTER:
		case KEY_HALF:
			e = put_digits(e, v / 10 % 10000, 4);
			*e++ = k == KEY_QUARTER ? 'Q' : 'H';
			e = put_digits(e, v % 10, 1);
			break;
		default:
			e = put_digits(e, v % 10000, 4);
		}
		*e = '\0';
		len = (size_t)(e - label);
	}
	if (size) {
		size_t copy = len < size ? len : size - 1;
		memcpy(out, text, copy);
		out[copy] = '\0';
	}
	return len;
}

size_t agg_count(struct agg *a)
{
	count_waiting(a);
	return a->used;
}

void agg_free(struct agg *a)
{
	if (!a)
		return;
	arena_free(&a->arena);
	free(a->slots);
	free(a->tags);
	free(a->sorted);
	free(a->recent);
	strmap_free(&a->spelling, free);
	free(a);
}
