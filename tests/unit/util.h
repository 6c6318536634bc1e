/* util.h: what several unit tests need besides TAP: catching what the
 * library prints on stderr, scratch directories, and a pseudo-random
 * generator with a fixed seed, so that a failure can be reproduced. */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coachplan.h"

/* ---- stderr, caught in a temporary file ---- */

static int capture_saved = -1;
static FILE *capture_file;

static inline void capture_start(void)
{
	fflush(stderr);
	capture_file = tmpfile();
	if (!capture_file) {
		perror("tmpfile");
		exit(99);
	}
	capture_saved = dup(STDERR_FILENO);
	dup2(fileno(capture_file), STDERR_FILENO);
}

/* Everything written to stderr since capture_start, NUL-terminated; free it. */
static inline char *capture_end(void)
{
	fflush(stderr);
	dup2(capture_saved, STDERR_FILENO);
	close(capture_saved);
	capture_saved = -1;
	long n = ftell(capture_file);
	char *s = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	rewind(capture_file);
	size_t got = n > 0 ? fread(s, 1, (size_t)n, capture_file) : 0;
	s[got] = '\0';
	fclose(capture_file);
	capture_file = NULL;
	return s;
}

/* The first line of a message, without "prog: " in front: "file:1:2: text". */
static inline const char *first_line(const char *s)
{
	static char line[1024];
	const char *colon = strstr(s, ": ");
	if (colon && !strncmp(s, cp_prog, strlen(cp_prog)))
		s = colon + 2;
	size_t n = strcspn(s, "\n");
	if (n >= sizeof line)
		n = sizeof line - 1;
	memcpy(line, s, n);
	line[n] = '\0';
	return line;
}

/* Lines of s that start with "prog: ", i.e. messages (not excerpts or hints). */
static inline int count_messages(const char *s)
{
	int n = 0;
	size_t len = strlen(cp_prog);
	for (const char *p = s; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p))
		n += !strncmp(p, cp_prog, len) && p[len] == ':';
	return n;
}

/* ---- scratch directories and files ---- */

static char scratch_dir[256];

static inline void scratch_remove(void)
{
	char cmd[2 * sizeof scratch_dir + 64];
	if (!scratch_dir[0])
		return;
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", scratch_dir,
		 scratch_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", scratch_dir);
	scratch_dir[0] = '\0';
}

static inline const char *scratch(void)
{
	if (!scratch_dir[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(scratch_dir, sizeof scratch_dir, "%s/cp-unit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(scratch_dir)) {
			perror("mkdtemp");
			exit(99);
		}
		atexit(scratch_remove);
	}
	return scratch_dir;
}

/* A path in the scratch directory; returns a static buffer (four in turn). */
static inline const char *scratch_path(const char *name)
{
	static char paths[4][512];
	static int turn;
	turn = (turn + 1) % 4;
	snprintf(paths[turn], sizeof paths[turn], "%s/%s", scratch(), name);
	return paths[turn];
}

/* Written mode 0600, as the tools write plans and sheets: cp-check warns of
 * one that others can read. */
static inline void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0 || chmod(path, 0600) != 0) {
		perror(path);
		exit(99);
	}
}

/* The whole file, NUL-terminated; NULL if it cannot be read. */
static inline char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	if (len)
		*len = b.len;
	return b.s ? b.s : xstrdup("");
}

/* ---- pseudo-random numbers: xorshift64*, seeded, the same on every run ---- */

static uint64_t rnd_state = 0x9e3779b97f4a7c15u;

static inline void rnd_seed(uint64_t seed)
{
	rnd_state = seed ? seed : 1;
}

static inline uint32_t rnd(uint32_t below)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return (uint32_t)((rnd_state * 2685821657736338717u) >> 32) % below;
}

#endif
