/* test-buf: growable buffers, arenas and the allocation that cannot fail. */
#include <stdalign.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "coachplan.h"
#include "tap.h"

static void buffers(void)
{
	struct buf b = {0};
	is_str(buf_str(&b), "", "an empty buffer is the empty string");
	buf_putc(&b, 'a');
	buf_puts(&b, "bc");
	buf_add(&b, "d\0e", 3);
	buf_printf(&b, "%d-%s", 42, "x");
	ok(b.len == 10 && !memcmp(b.s, "abcd\0e42-x", 10), "putc, puts, add with a NUL, printf");
	ok(b.s[b.len] == '\0', "always NUL-terminated");
	buf_add(&b, NULL, 0);
	is_int(b.len, 10, "adding nothing adds nothing");
	b.len = 0;
	buf_printf(&b, "%s", "");
	is_str(buf_str(&b), "", "an empty printf");

	struct buf big = {0};
	for (int i = 0; i < 100000; i++)
		buf_printf(&big, "%05d,", i);
	ok(big.len == 600000 && big.cap > big.len && !memcmp(big.s + 599994, "99999,", 6),
	   "600000 bytes, printf after printf");
	int good = 1;
	for (int i = 0; i < 100000 && good; i += 997) {
		char want[8];
		snprintf(want, sizeof want, "%05d,", i);
		good = !memcmp(big.s + 6 * i, want, 6);
	}
	ok(good, "every piece in its place");
	buf_free(&big);
	ok(big.s == NULL && big.len == 0 && big.cap == 0, "buf_free empties");
	buf_free(&big);
	ok(1, "buf_free twice is harmless");

	char longtext[5000];
	memset(longtext, 'y', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = '\0';
	b.len = 0;
	buf_printf(&b, "<%s>", longtext);
	ok(b.len == 5001 && b.s[0] == '<' && b.s[5000] == '>' && b.s[5001] == '\0',
	   "a printf longer than the buffer grows it");
	buf_free(&b);

	buf_grow(&b, 0);
	ok(b.s != NULL && b.cap > 0, "buf_grow(0) on an empty buffer allocates");
	buf_free(&b);
}

static void strings(void)
{
	char *s = xstrndup("abcdef", 3);
	is_str(s, "abc", "xstrndup takes n bytes");
	free(s);
	s = xstrndup("a\0b", 3);
	ok(s[0] == 'a' && s[1] == '\0' && s[2] == 'b' && s[3] == '\0', "and copies NULs");
	free(s);
	s = xstrdup("");
	is_str(s, "", "xstrdup of the empty string");
	free(s);
	struct str a = {"plan", 4}, b = {"planx", 4}, c = {"pla", 3};
	ok(str_eq(a, "plan") && str_eq(b, "plan"), "str_eq compares the n bytes");
	ok(!str_eq(c, "plan") && !str_eq(a, "pla") && !str_eq(a, "plans"), "and the length");
	struct str empty = {"", 0};
	ok(str_eq(empty, ""), "the empty slice is the empty string");
	void *p = xmalloc(0);
	ok(p != NULL, "xmalloc(0) gives a pointer");
	free(p);
	p = xcalloc(0, 0);
	ok(p != NULL, "xcalloc(0, 0) too");
	free(p);
	int *v = xreallocarray(NULL, 1000, sizeof *v);
	v[999] = 7;
	v = xreallocarray(v, 2000, sizeof *v);
	ok(v[999] == 7, "xreallocarray keeps what was there");
	free(v);
}

static void arenas(void)
{
	struct arena a = {0};
	int aligned = 1, distinct = 1;
	char *prev = NULL;
	for (size_t n = 1; n < 3000; n += 7) {
		char *p = arena_alloc(&a, n);
		aligned &= (uintptr_t)p % alignof(max_align_t) == 0;
		memset(p, (int)(n & 0xff), n);
		if (prev && p == prev)
			distinct = 0;
		prev = p;
	}
	ok(aligned, "every piece is aligned for any type");
	ok(distinct, "every piece is new");
	arena_free(&a);
	/* big pieces get blocks of their own; the block in use keeps its room */
	char *small1 = arena_alloc(&a, 16);
	char *big = arena_alloc(&a, 100000);
	char *small2 = arena_alloc(&a, 16);
	memset(big, 'b', 100000);
	ok(small2 > small1 && small2 <= small1 + sizeof(max_align_t), "a big piece does not use up the current block");
	ok(big[0] == 'b' && big[99999] == 'b', "and is whole");
	char *s = arena_strndup(&a, "Zo\xc3\xab en meer", 4);
	is_str(s, "Zo\xc3\xab", "arena_strndup");
	arena_free(&a);
	ok(a.head == NULL, "arena_free empties");
	arena_free(&a);
	ok(1, "arena_free twice is harmless");
}

/* Asking for more than memory can hold ends the process with EX_OSERR. */
static void out_of_memory(void)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr)) /* checked: _FORTIFY_SOURCE warns otherwise */
			_exit(2);
		void *p = xreallocarray(NULL, SIZE_MAX / 2, 4);
		_exit(p ? 0 : 1);
	}
	int status;
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == EX_OSERR,
	   "an impossible allocation exits with EX_OSERR");
}

int main(void)
{
	buffers();
	strings();
	arenas();
	out_of_memory();
	return tap_done();
}
