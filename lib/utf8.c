/* utf8.c: just enough UTF-8 to validate input, line up table columns and
 * find a text in any case. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base.h"

/* Length of the valid sequence at s, or 0 if it is broken or overlong. */
static size_t seqlen(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
		   : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
	if (!len || len > n)
		return 0;
	uint32_t v = c & (0x7f >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10ffff)) ||
	    (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

size_t utf8_invalid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	const uint64_t highs = 0x8080808080808080u;
	size_t i = 0;
	uint64_t w;
	while (i < n) {
		/* notes are mostly ASCII: sixteen bytes at a time (SSE2, every
		 * x86-64 has it), then eight, then the last eight, overlapping
		 * what was seen, so that an ASCII note never goes byte by byte */
#ifdef __SSE2__
		while (i + 16 <= n &&
		       !_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(u + i))))
			i += 16;
#endif
		for (; i + 8 <= n; i += 8) {
			memcpy(&w, u + i, 8);
			if (w & highs)
				break;
		}
		if (i + 8 > n && n >= 8) {
			memcpy(&w, u + n - 8, 8);
			if (!(w & highs))
				return n;
		}
		while (i < n && u[i] < 0x80)
			i++;
		if (i == n)
			break;
		size_t len = seqlen(u + i, n - i, &(uint32_t){0});
		if (!len)
			return i;
		i += len;
	}
	return n;
}

size_t utf8_chars(const char *s, size_t n)
{
	size_t chars = 0;
	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xc0) != 0x80;
	return chars;
}

/* Lower case, for the letters of Dutch, Flemish and most European
 * names: ASCII, Latin-1 and Latin Extended-A (Ş ş, Ł ł, Č č ...). */
static unsigned lower_char(unsigned c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 0x20;
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		return c + 0x20;
	if (c == 0x178)
		return 0xff;
	if (c < 0x100 || c > 0x17e || c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149)
		return c;
	int odd_upper = (c >= 0x139 && c <= 0x148) || c >= 0x179;
	return odd_upper ? c + (c & 1) : c | 1;
}

/* The character at s (of n bytes) in lower case into out, as many bytes
 * as it takes (lower_char keeps a letter's length); that length.  A byte
 * that starts no character stays itself. */
static size_t lower_at(const unsigned char *s, size_t n, unsigned char *out)
{
	uint32_t c;
	size_t len = seqlen(s, n, &c);
	if (len == 2) {
		c = lower_char(c);
		out[0] = (unsigned char)(0xc0 | c >> 6);
		out[1] = (unsigned char)(0x80 | (c & 0x3f));
		return 2;
	}
	out[0] = (unsigned char)(len == 1 ? lower_char(c) : s[0]);
	if (len > 2)
		memcpy(out + 1, s + 1, len - 1);
	return len ? len : 1;
}

/* A name is typed by hand in every tool (--coach Robin, coach: robin in a
 * plan, kim's sheet): one coach's however the case came out. */
int utf8_same_names(const char *a, const char *b)
{
	return a && b ? utf8_same_name(a, strlen(a), b, strlen(b)) : a == b;
}

int utf8_same_name(const char *a, size_t an, const char *b, size_t bn)
{
	const unsigned char *u = (const unsigned char *)a, *v = (const unsigned char *)b;
	unsigned char x[4], y[4];
	if (an != bn)
		return 0;
	if (!memcmp(a, b, an)) /* as nearly every line of a sheet has it */
		return 1;
	for (size_t i = 0, k; i < an; i += k)
		if ((k = lower_at(u + i, an - i, x)) != lower_at(v + i, an - i, y) || memcmp(x, y, k))
			return 0;
	return 1;
}

/* The name all its spellings share, to group by: as many bytes as s. */
void utf8_fold_name(char *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;)
		i += lower_at((const unsigned char *)s + i, n - i, (unsigned char *)out + i);
}

/* Columns a code point takes: combining marks none, East Asian wide two. */
static int cpwidth(uint32_t c)
{
	if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c == 0xfeff ||
	    (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1ab0 && c <= 0x1aff) ||
	    (c >= 0x20d0 && c <= 0x20ff))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) ||
	    (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

int utf8_width(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	int w = 0;
	size_t i = 0;
	uint32_t cp;
	while (i < n) {
		size_t len = seqlen(u + i, n - i, &cp);
		if (!len) { /* a broken byte shows as one replacement character */
			w++;
			i++;
			continue;
		}
		w += cpwidth(cp);
		i += len;
	}
	return w;
}

size_t utf8_fill(const char *s, size_t n, int room, int cut, size_t *next)
{
	size_t fit = 0, word = 0;
	int used = 0;
	while (fit < n) {
		size_t k = 1; /* one character: its lead byte and what continues it */
		while (fit + k < n && ((unsigned char)s[fit + k] & 0xc0) == 0x80)
			k++;
		int cw = utf8_width(s + fit, k);
		if (fit && used + cw > room)
			break;
		used += cw;
		fit += k;
		if (fit < n && s[fit] == ' ' && s[fit - 1] != ' ')
			word = fit;
	}
	if (fit < n && s[fit] != ' ') {
		if (word)
			fit = word;
		else
			while (!cut && fit < n && s[fit] != ' ')
				fit++;
	}
	*next = fit;
	while (*next < n && s[*next] == ' ')
		++*next;
	while (fit && s[fit - 1] == ' ')
		fit--;
	return fit;
}

/* The code point at *s, which moves past it; a byte that starts none
 * stands for itself (texts are checked UTF-8, this is for safety). */
static unsigned next_char(const char **s)
{
	uint32_t c;
	size_t n = seqlen((const unsigned char *)*s, strnlen(*s, 4), &c);
	c = n ? c : (unsigned char)**s;
	*s += n ? n : 1;
	return c;
}

unsigned utf8_next_lower(const char **s)
{
	return lower_char(next_char(s));
}

/* Whether a reads as b from its start to b's end, case aside; *end: past
 * what of a was read. */
static int starts_case_aside(const char *a, const char *b, const char **end)
{
	while (*b)
		if (!*a || utf8_next_lower(&a) != utf8_next_lower(&b))
			return 0;
	*end = a;
	return 1;
}

int utf8_case_holds(const char *s, const char *t, int whole)
{
	const char *end;
	if (whole)
		return starts_case_aside(s, t, &end) && !*end;
	for (; *s; next_char(&s))
		if (starts_case_aside(s, t, &end))
			return 1;
	return !*t;
}
