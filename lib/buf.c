/* buf.c: growable byte buffers and arenas.  Running out of memory is the one
 * failure the tools do not try to survive: it ends the process at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

static _Noreturn void oom(void)
{
	fprintf(stderr, "%s: %s\n", cp_prog, _("out of memory"));
	exit(EX_OSERR);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		oom();
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void buf_grow(struct buf *b, size_t more)
{
	if (more < b->cap - b->len && b->s)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap - b->len <= more) {
		if (cap > SIZE_MAX / 2)
			oom();
		cap *= 2;
	}
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	if (!b->s || n >= b->cap - b->len) /* buf_grow's test, without the call */
		buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	if (!b->s || b->cap - b->len <= 1) /* no room for c and the NUL: seldom */
		buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n >= 0) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

const char *buf_str(struct buf *b)
{
	buf_grow(b, 0);
	b->s[b->len] = '\0';
	return b->s;
}

void buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int buf_read_file(struct buf *b, const char *path)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t got;
	while (f && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, got);
	int rc = f && !ferror(f) ? 0 : -1;
	if (f)
		fclose(f);
	return rc;
}

int str_eq(struct str a, const char *b)
{
	size_t n = strlen(b);
	return a.n == n && memcmp(a.s, b, n) == 0;
}

/* Arenas hand out memory that is freed all at once: a plan's nodes and
 * strings live exactly as long as the plan. */
struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

/* Blocks grow from small to large, so that a small plan costs little and
 * a large one does not cost many allocations. */
#define ARENA_FIRST 2048
#define ARENA_BLOCK 32768

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	struct arena_block *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t size = b ? (b->size < ARENA_BLOCK ? 2 * b->size : ARENA_BLOCK) : ARENA_FIRST;
		if (n > size / 2)
			size = n;
		b = xmalloc(sizeof *b + size);
		b->used = 0;
		b->size = size;
		if (size == n && a->head) {
			/* a big piece gets a block of its own behind the current one,
			 * so the current block's free space is not wasted */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void arena_adopt(struct arena *a, struct arena *from)
{
	struct arena_block *last = from->head;
	if (!last)
		return;
	while (last->next)
		last = last->next;
	if (a->head) { /* behind a's current block, which stays the one handing out */
		last->next = a->head->next;
		a->head->next = from->head;
	} else
		a->head = from->head;
	from->head = NULL;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}
