/* strmap.c: a table from short strings (plan ids, mostly) to pointers.
 * Open addressing, doubled at half full; keys are copied. */
#include <stdlib.h>
#include <string.h>

#include "base.h"

uint32_t hash_bytes(const void *data, size_t n)
{
	/* eight bytes at a time, mixed so that the low bits (a table's index)
	 * depend on every byte: ids often differ only in their last digit */
	const unsigned char *p = data;
	uint64_t h = 0x9e3779b97f4a7c15u ^ n, v;
	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&v, p, 8);
		h = (h ^ v) * 0xbf58476d1ce4e5b9u;
		h ^= h >> 31;
	}
	v = 0;
	memcpy(&v, p, n);
	h = (h ^ v) * 0x94d049bb133111ebu;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9u;
	return (uint32_t)(h ^ h >> 32);
}

static struct strmap_slot *slot(const struct strmap *m, const char *key, size_t n)
{
	size_t i = hash_bytes(key, n) & (m->cap - 1);
	while (m->v[i].key && (m->v[i].len != n || memcmp(m->v[i].key, key, n)))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

void **strmap_put(struct strmap *m, const char *key, size_t n, int *added)
{
	if (2 * (m->used + 1) > m->cap) {
		struct strmap_slot *old = m->v;
		size_t oldcap = m->cap;
		m->cap = m->cap ? 2 * m->cap : 64;
		m->v = xcalloc(m->cap, sizeof *m->v);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				*slot(m, old[i].key, old[i].len) = old[i];
		free(old);
	}
	struct strmap_slot *s = slot(m, key, n);
	*added = !s->key;
	if (!s->key) {
		s->key = xstrndup(key, n);
		s->len = n;
		s->value = NULL;
		m->used++;
	}
	return &s->value;
}

void *strmap_get(const struct strmap *m, const char *key, size_t n)
{
	if (!m->cap)
		return NULL;
	struct strmap_slot *s = slot(m, key, n);
	return s->key ? s->value : NULL;
}

void strmap_free(struct strmap *m, void (*free_value)(void *))
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->v[i].key) {
			free(m->v[i].key);
			if (free_value)
				free_value(m->v[i].value);
		}
	free(m->v);
	memset(m, 0, sizeof *m);
}
