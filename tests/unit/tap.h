/* tap.h: the little a C unit test needs to speak TAP to prove(1). */
#ifndef TAP_H
#define TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_tests, tap_failures;

static void tap_report(int pass, const char *file, int line, const char *fmt, va_list ap)
{
	tap_tests++;
	printf("%sok %d - ", pass ? "" : "not ", tap_tests);
	vprintf(fmt, ap);
	putchar('\n');
	if (!pass) {
		tap_failures++;
		printf("#   at %s line %d\n", file, line);
	}
}

static inline int tap_ok(int pass, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static inline int tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_report(pass, file, line, fmt, ap);
	va_end(ap);
	return pass;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

#define is_int(got, want, ...)                                                          \
	do {                                                                            \
		long long g_ = (got), w_ = (want);                                      \
		if (!ok(g_ == w_, __VA_ARGS__))                                         \
			printf("#   got %lld, wanted %lld\n", g_, w_);                    \
	} while (0)

#define is_str(got, want, ...)                                                          \
	do {                                                                            \
		const char *g_ = (got), *w_ = (want);                                   \
		if (!ok(g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_, __VA_ARGS__))        \
			printf("#   got \"%s\", wanted \"%s\"\n", g_ ? g_ : "(null)",     \
			       w_ ? w_ : "(null)");                                     \
	} while (0)

static inline int tap_done(void)
{
	printf("1..%d\n", tap_tests);
	return tap_failures != 0;
}

#endif
