/* failwrite.so: an LD_PRELOAD shim that makes a file system misbehave, for
 * the tests of full disks and read-only directories where the test cannot
 * mount a small tmpfs.  $CP_FAIL says how:
 *   ENOSPC  writes to regular files (not fds 0-2) and copy_file_range fail
 *   EIO     fsync fails
 *   EROFS   creating, opening for writing, renaming and linking fail
 *   KILL    the program is killed (SIGKILL) in the fsync of a regular file:
 *           a writer stopped after writing its new file, before naming it
 *   KILLRENAME  the program is killed in rename: a writer stopped after
 *           giving its new file a temporary name, before the final one
 *   NOTMPFILE  open with O_TMPFILE fails (EOPNOTSUPP), as on a file system
 *           without unnamed files
 *   APPEND  in the fsync of a regular file (a writer's new file, written,
 *           not yet named), once: the line $CP_APPEND is appended to the
 *           file $CP_APPEND_TO, as a program that takes no lock (a shell's
 *           >>) would; with RENAME, a copy of that file with the line is
 *           renamed over it, as an editor saves
 * Several at once are separated by commas (NOTMPFILE,KILL).
 * Programs built with ASan need ASAN_OPTIONS=verify_asan_link_order=0. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failing(const char *how)
{
	const char *f = getenv("CP_FAIL");
	size_t n = strlen(how);
	for (; f && *f; f += strcspn(f, ","), f += *f == ',')
		if (strcspn(f, ",") == n && !strncmp(f, how, n))
			return 1;
	return 0;
}

static int regular(int fd)
{
	struct stat st;
	return fd > 2 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

/* The next definition of name (libc's, or a sanitizer's wrapper of it) in
 * var; memcpy because ISO C has no cast from an object pointer to a
 * function pointer. */
#define NEXT(var, name)                                   \
	__typeof__(&name) var;                            \
	do {                                              \
		void *next_ = dlsym(RTLD_NEXT, #name);    \
		memcpy(&var, &next_, sizeof var);         \
	} while (0)

ssize_t write(int fd, const void *p, size_t n)
{
	if (failing("ENOSPC") && regular(fd)) {
		errno = ENOSPC;
		return -1;
	}
	NEXT(real, write);
	return real(fd, p, n);
}

ssize_t copy_file_range(int in, off_t *inoff, int out, off_t *outoff, size_t n, unsigned flags)
{
	if (failing("ENOSPC")) {
		errno = ENOSPC;
		return -1;
	}
	NEXT(real, copy_file_range);
	return real(in, inoff, out, outoff, n, flags);
}

/* APPEND: another program changes $CP_APPEND_TO, once. */
static void change_meanwhile(void)
{
	static int done;
	const char *to = getenv("CP_APPEND_TO"), *line = getenv("CP_APPEND");
	if (done++ || !to || !line)
		return;
	int editor = failing("RENAME");
	char copy[4096];
	snprintf(copy, sizeof copy, "%s.editor", to);
	FILE *in = fopen(to, "r"), *out = fopen(editor ? copy : to, editor ? "w" : "a");
	if (!out)
		abort();
	for (int c; editor && in && (c = getc(in)) != EOF;)
		putc(c, out);
	fprintf(out, "%s\n", line);
	if (in)
		fclose(in);
	if (fclose(out) != 0 || (editor && rename(copy, to) != 0))
		abort();
}

int fsync(int fd)
{
	if (failing("APPEND") && regular(fd))
		change_meanwhile();
	if (failing("KILL") && regular(fd))
		raise(SIGKILL);
	if (failing("EIO") && regular(fd)) {
		errno = EIO;
		return -1;
	}
	NEXT(real, fsync);
	return real(fd);
}

static int rofs(void)
{
	errno = EROFS;
	return -1;
}

int mkostemp(char *tmpl, int flags)
{
	if (failing("EROFS"))
		return rofs();
	NEXT(real, mkostemp);
	return real(tmpl, flags);
}

int mkstemp(char *tmpl)
{
	if (failing("EROFS"))
		return rofs();
	NEXT(real, mkstemp);
	return real(tmpl);
}

#define WRITES (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)

int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, mode_t) : 0;
	va_end(ap);
	if (failing("EROFS") && (flags & WRITES))
		return rofs();
	if (failing("NOTMPFILE") && (flags & O_TMPFILE) == O_TMPFILE) {
		errno = EOPNOTSUPP;
		return -1;
	}
	NEXT(real, open);
	return real(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, mode_t) : 0;
	va_end(ap);
	if (failing("EROFS") && (flags & WRITES))
		return rofs();
	if (failing("NOTMPFILE") && (flags & O_TMPFILE) == O_TMPFILE) {
		errno = EOPNOTSUPP;
		return -1;
	}
	NEXT(real, open64);
	return real(path, flags, mode);
}

int rename(const char *from, const char *to)
{
	if (failing("KILLRENAME"))
		raise(SIGKILL);
	if (failing("EROFS"))
		return rofs();
	NEXT(real, rename);
	return real(from, to);
}

int renameat2(int fd1, const char *from, int fd2, const char *to, unsigned flags)
{
	if (failing("KILLRENAME"))
		raise(SIGKILL);
	if (failing("EROFS"))
		return rofs();
	NEXT(real, renameat2);
	return real(fd1, from, fd2, to, flags);
}

int link(const char *from, const char *to)
{
	if (failing("EROFS"))
		return rofs();
	NEXT(real, link);
	return real(from, to);
}

int mkdir(const char *path, mode_t mode)
{
	if (failing("EROFS"))
		return rofs();
	NEXT(real, mkdir);
	return real(path, mode);
}
