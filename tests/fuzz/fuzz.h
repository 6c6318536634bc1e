/* fuzz.h: what the harnesses share.  Each harness defines
 * LLVMFuzzerTestOneInput; built with clang -fsanitize=fuzzer it is a
 * libFuzzer target (make fuzz), built with replay.c it replays files
 * (make check runs the corpora and the regressions that way). */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "coachplan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken promise of the library: abort, so that libFuzzer keeps the input. */
#define FUZZ_ASSERT(cond)                                                                  \
	do {                                                                               \
		if (!(cond)) {                                                             \
			fprintf(fuzz_stderr, "%s:%d: assertion failed: %s\n", __FILE__,     \
				__LINE__, #cond);                                          \
			abort();                                                           \
		}                                                                          \
	} while (0)

static FILE *fuzz_stderr;

/* The library's messages are formatted in full (their excerpt code reads
 * hostile input too) but go nowhere: stderr becomes /dev/null, fully
 * buffered.  Sanitizer reports write to file descriptor 2 and still show;
 * fuzz_stderr is the real stderr for the harness's own words. */
static inline void fuzz_init(void)
{
	FILE *null = fopen("/dev/null", "w");
	fuzz_stderr = stderr;
	if (null) {
		setvbuf(null, NULL, _IOFBF, 1 << 16);
		stderr = null;
	}
	setenv("CP_TODAY", "2026-11-23", 1);
}

/* The input as a NUL-terminated string of its own, as plan_load hands it on. */
static inline char *fuzz_strdup(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* A file holding pre then data, read from its start: what a sheet reader
 * gets from open(2). */
static inline int fuzz_memfd(const void *pre, size_t npre, const void *data, size_t size)
{
	int fd = memfd_create("fuzz", MFD_CLOEXEC);
	FUZZ_ASSERT(fd >= 0);
	FUZZ_ASSERT(npre == 0 || write(fd, pre, npre) == (ssize_t)npre);
	FUZZ_ASSERT(size == 0 || write(fd, data, size) == (ssize_t)size);
	FUZZ_ASSERT(lseek(fd, 0, SEEK_SET) == 0);
	return fd;
}

#endif
