/* atomic.c: changing files so that they are, at every moment and after any
 * crash, either the old file or the new one.  New content goes to a file
 * without a name in the target's directory (O_TMPFILE), is synced, and
 * only then gets a name: the target's own for a new file (linkat refuses
 * to overwrite), or a temporary one that is at once renamed over the
 * target.  A writer killed while writing leaves nothing behind; one killed
 * in the instant between link and rename leaves .NAME.cptmp.PID.XXXXXX,
 * which the next writer in that directory removes once PID is gone (and
 * cp-check reports).  Where the file system has no O_TMPFILE, the
 * temporary file is named from the start (O_EXCL, so a planted symbolic
 * link is never followed).  A writer holds a lock on its new file until it
 * has its final name, so that no other writer takes a live file for a
 * stale one, not even one whose PID means nothing here (another machine
 * on a shared directory, another PID namespace).
 *
 * A writer locks the file it replaces (flock).  A rename swaps the inode
 * under waiting writers, so after taking the lock a writer checks that its
 * inode is still the one the path names, and starts over if not.  Appends
 * work the same way: the old bytes and the new lines go into the new file,
 * which makes even a batch of lines all-or-nothing, where an O_APPEND write
 * killed halfway would leave half a line. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base.h"

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* A batch of many files is synced once at its end (atomic_sync), not file
 * by file: a sync each costs a journal commit each. */
static int deferred;

void atomic_defer_sync(int on)
{
	deferred = on;
}

int atomic_sync(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc = 0;
	if (fd < 0 || syncfs(fd) < 0)
		rc = cp_errno(EX_IOERR, _("%s: cannot sync"), path);
	if (fd >= 0)
		close(fd);
	return rc;
}

static int sync_dir(const char *path)
{
	if (deferred)
		return 0;
	char *dir = dir_of(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc = 0;
	if (fd < 0 || (fsync(fd) < 0 && errno != EINVAL))
		rc = cp_errno(EX_IOERR, _("%s: cannot sync directory"), dir);
	if (fd >= 0)
		close(fd);
	free(dir);
	return rc;
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

#define TEMP_TAG ".cptmp."

/* .BASE.cptmp.PID.XXXXXX beside path, for mkostemp: PID tells a later
 * writer whether the one that made it is gone. */
static char *temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	struct buf b = {0};
	buf_add(&b, path, dirlen);
	buf_printf(&b, ".%s" TEMP_TAG "%ld.XXXXXX", base, (long)getpid());
	return b.s;
}

static int cannot_create(const char *path)
{
	char *dir = dir_of(path);
	cp_errno(errno == ENOSPC ? EX_IOERR : EX_CANTCREAT, _("%s: cannot create a file in %s"),
		 path, dir);
	free(dir);
	return -1;
}

/* Whether the name of a temporary file says its writer is gone: its PID
 * is no process, or (a name from before PIDs were in it) it is over ten
 * minutes old; no writer keeps one that long. */
static int gone_by_name(const char *name, const struct stat *st)
{
	const char *tag = strstr(name, TEMP_TAG);
	char *end;
	long pid = strtol(tag + strlen(TEMP_TAG), &end, 10);
	if (pid > 0 && *end == '.')
		return kill((pid_t)pid, 0) < 0 && errno == ESRCH;
	return time(NULL) - st->st_mtime > 600;
}

/* Whether a temporary file was left by a writer that is gone.  A writer
 * holds a lock on its file from its making to its rename, so a locked file
 * is live whatever its name says: a writer on another machine that shares
 * the directory, or in another PID namespace, has a PID that means nothing
 * here.  A file that is not locked is judged by its name (a file system
 * without locks, or a file another user's mode keeps us from opening, is
 * judged by its name alone).  Only regular files are ever ours. */
static int stale(int dirfd, const char *name)
{
	struct stat st;
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return errno == EACCES && fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		       S_ISREG(st.st_mode) && gone_by_name(name, &st);
	int gone = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	if (gone && flock(fd, LOCK_SH | LOCK_NB) < 0 && errno == EWOULDBLOCK)
		gone = 0; /* its writer is still at work */
	gone = gone && gone_by_name(name, &st);
	close(fd);
	return gone;
}

int atomic_leftovers(const char *dir, char ***paths, size_t *n)
{
	*paths = NULL;
	*n = 0;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	struct dirent *de;
	while ((de = readdir(d)))
		if (de->d_name[0] == '.' && strstr(de->d_name, TEMP_TAG) && stale(fd, de->d_name)) {
			struct buf b = {0};
			buf_printf(&b, "%s/%s", dir, de->d_name);
			*paths = xreallocarray(*paths, *n + 1, sizeof **paths);
			(*paths)[(*n)++] = b.s;
		}
	closedir(d);
	return 0;
}

/* Removes the temporary files of writers that were killed, once per
 * directory and run (a batch writes thousands of files into one). */
static void sweep(const char *path)
{
	static char *swept[8];
	static size_t nswept;
	char *dir = dir_of(path);
	for (size_t i = 0; i < nswept; i++)
		if (!strcmp(swept[i], dir)) {
			free(dir);
			return;
		}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;
	while (d && (de = readdir(d)))
		if (de->d_name[0] == '.' && strstr(de->d_name, TEMP_TAG) && stale(fd, de->d_name))
			unlinkat(fd, de->d_name, 0);
	if (d)
		closedir(d);
	else if (fd >= 0)
		close(fd);
	if (nswept < sizeof swept / sizeof *swept)
		swept[nswept++] = dir;
	else
		free(dir);
}

/* A file without a name in path's directory, if the system has them and
 * can name them later (through /proc/self/fd); -1 with errno if not. */
static int unnamed_beside(const char *path)
{
	static int usable = -1;
	if (usable < 0)
		usable = access("/proc/self/fd", X_OK) == 0;
	if (!usable) {
		errno = EOPNOTSUPP;
		return -1;
	}
	char *dir = dir_of(path);
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	free(dir);
	return fd;
}

/* Gives the unnamed file fd the name to; -1 with errno (EEXIST if taken). */
static int name_it(int fd, const char *to)
{
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	return linkat(AT_FDCWD, proc, AT_FDCWD, to, AT_SYMLINK_FOLLOW);
}

/* A new file for path's next content: unnamed where possible (*tmp NULL),
 * else a named temporary file (*tmp its name); mode 0600 until the caller
 * says else.  -1 (reported) if neither can be made. */
static int temp_beside(const char *path, char **tmp)
{
	sweep(path);
	*tmp = NULL;
	int fd = unnamed_beside(path);
	if (fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
		return cannot_create(path);
	if (fd < 0) {
		*tmp = temp_name(path);
		fd = mkostemp(*tmp, O_CLOEXEC);
		if (fd < 0) {
			cannot_create(path);
			free(*tmp);
			*tmp = NULL;
			return -1;
		}
	}
	/* held until the file has its final name (see stale); a file system
	 * without locks leaves the PID in the name to speak for it */
	while (flock(fd, LOCK_EX) < 0 && errno == EINTR)
		;
	return fd;
}

/* Whether the file fd was written can be closed without error, checked
 * while fd stays open, and so the lock on it held: some file systems
 * (NFS) report write errors only on close, and a close of a copy of the
 * descriptor reports them too. */
static int closes(int fd)
{
	int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	return copy < 0 ? -1 : close(copy);
}

/* Writes parts into a new file for path and syncs it: its descriptor, or
 * -1 (reported) with nothing left behind. */
static int prepare(const char *path, mode_t mode, int copy_fd, off_t copy_len, const void *data,
		   size_t len, char **tmp)
{
	int fd = temp_beside(path, tmp);
	if (fd < 0)
		return -1;
	int rc = fchmod(fd, mode);
	off_t done = 0;
	while (rc == 0 && done < copy_len) { /* the kernel copies, and may share extents */
		ssize_t n = copy_file_range(copy_fd, &done, fd, NULL, (size_t)(copy_len - done), 0);
		if (n > 0)
			continue;
		if (n == 0)
			errno = EIO; /* the file shrank under the lock */
		if (n == 0 || !(errno == EXDEV || errno == ENOSYS || errno == EINVAL ||
				errno == EOPNOTSUPP)) {
			rc = -1;
			break;
		}
		char chunk[65536]; /* no copy_file_range here: copy by hand */
		ssize_t r = pread(copy_fd, chunk, sizeof chunk, done);
		if (r <= 0 || write_all(fd, chunk, (size_t)r) < 0) {
			if (r == 0)
				errno = EIO; /* the file shrank under the lock */
			rc = -1;
			break;
		}
		done += r;
	}
	if (rc == 0)
		rc = write_all(fd, data, len);
	if (rc == 0 && !deferred)
		rc = fsync(fd);
	if (rc < 0) {
		cp_errno(EX_IOERR, _("%s: cannot write"), path);
		close(fd);
		if (*tmp)
			unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	return fd;
}

/* The file prepare made, named tmp (a fresh temporary name if it had none)
 * and checked, ready to be renamed, still open and locked; -1 (reported,
 * fd closed) if it cannot be. */
static int finish_temp(const char *path, int fd, char **tmp)
{
	for (int tries = 0; !*tmp && tries < 100; tries++) {
		*tmp = temp_name(path);
		/* XXXXXX made unique by hand: mkostemp would create the file */
		static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
		char *x = *tmp + strlen(*tmp) - 6;
		unsigned long r = 0;
		if (getrandom(&r, sizeof r, GRND_NONBLOCK) != sizeof r)
			r = (unsigned long)time(NULL) * 2654435761u + (unsigned long)tries;
		for (int i = 0; i < 6; i++, r /= 36)
			x[i] = letters[r % 36];
		if (name_it(fd, *tmp) == 0)
			break;
		int saved = errno;
		free(*tmp);
		*tmp = NULL;
		if (saved != EEXIST) {
			errno = saved;
			break;
		}
	}
	int rc = *tmp ? 0 : cp_errno(EX_CANTCREAT, _("%s: cannot create"), path);
	if (rc == 0 && closes(fd) < 0) {
		rc = cp_errno(EX_IOERR, _("%s: cannot write"), path);
		unlink(*tmp);
	}
	if (rc < 0)
		close(fd);
	return rc;
}

int atomic_create(const char *path, const void *data, size_t len, mode_t mode)
{
	char *tmp;
	int fd = prepare(path, mode, -1, 0, data, len, &tmp);
	if (fd < 0)
		return -1;
	int rc;
	if (!tmp) { /* the unnamed file takes the name, unless it is taken */
		rc = name_it(fd, path);
		int saved = errno;
		if (close(fd) < 0 && rc == 0) {
			unlink(path);
			return cp_errno(EX_IOERR, _("%s: cannot write"), path);
		}
		errno = saved;
	} else {
		rc = closes(fd) < 0 ? -1 : renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE);
		if (rc < 0 && (errno == EINVAL || errno == ENOSYS)) {
			/* a file system without RENAME_NOREPLACE: link() refuses to overwrite too */
			rc = link(tmp, path);
		}
		int saved = errno;
		unlink(tmp);
		close(fd); /* checked by closes: now only the lock goes */
		free(tmp);
		errno = saved;
	}
	if (rc < 0 && errno == EEXIST)
		return 1;
	if (rc < 0)
		return cp_errno(EX_CANTCREAT, _("%s: cannot create"), path);
	return sync_dir(path);
}

int locked_open(struct locked *lf, const char *path)
{
	memset(lf, 0, sizeof *lf);
	lf->fd = -1;
	for (int tries = 0; tries < 100; tries++) {
		char *real = realpath(path, NULL);
		if (!real && errno == ENOENT)
			return 1;
		if (!real)
			return cp_errno(EX_NOINPUT, _("%s: cannot open"), path);
		int fd = open(real, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
		if (fd < 0) {
			free(real);
			if (errno == ENOENT)
				continue; /* replaced between realpath and open */
			return cp_errno(errno == EACCES || errno == EROFS ? EX_NOPERM : EX_NOINPUT,
					_("%s: cannot open for writing"), path);
		}
		while (flock(fd, LOCK_EX) < 0) {
			if (errno != EINTR) {
				cp_errno(EX_IOERR, _("%s: cannot lock"), path);
				close(fd);
				free(real);
				return -1;
			}
		}
		struct stat held, now;
		if (fstat(fd, &held) == 0 && stat(real, &now) == 0 && held.st_ino == now.st_ino &&
		    held.st_dev == now.st_dev) {
			if (!S_ISREG(held.st_mode)) {
				close(fd);
				free(real);
				return cp_err(EX_NOINPUT, _("%s: not a regular file"), path);
			}
			lf->fd = fd;
			lf->path = real;
			lf->size = held.st_size;
			lf->mode = held.st_mode & 07777;
			return 0;
		}
		close(fd); /* another writer replaced it while we waited: lock the new one */
		free(real);
	}
	return cp_err(EX_TEMPFAIL, _("%s: keeps changing; try again"), path);
}

int locked_read(struct locked *lf, struct buf *out)
{
	off_t at = 0;
	for (;;) {
		buf_grow(out, 65536);
		ssize_t n = pread(lf->fd, out->s + out->len, out->cap - out->len - 1, at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return cp_errno(EX_IOERR, _("%s: cannot read"), lf->path);
		if (n == 0)
			break;
		out->len += (size_t)n;
		at += n;
	}
	out->s[out->len] = '\0';
	return 0;
}

/* 0 if the file lf locked is still the one its path names, as long as it
 * was when read; else -1 (reported).  A program that takes no lock may
 * have changed it while the new file was written: a shell's >> appended a
 * line, an editor saved a file of its own over it.  A rename now would
 * lose that. */
static int unchanged(const struct locked *lf)
{
	struct stat held, now;
	if (!lf || (fstat(lf->fd, &held) == 0 && stat(lf->path, &now) == 0 &&
		    held.st_ino == now.st_ino && held.st_dev == now.st_dev &&
		    held.st_size == lf->size))
		return 0;
	return cp_err(EX_TEMPFAIL, _("%s: changed by another program while it was being written; "
				     "nothing written: try again"),
		      lf->path);
}

/* A new file of copy_len bytes of copy_fd and data, renamed over path:
 * over the name itself, whatever it is (a symbolic link too), unless the
 * file lf locked (if any) changed meanwhile; a rename refused exits with
 * status. */
static int rename_over(const char *path, mode_t mode, const struct locked *lf, int copy,
		       const void *data, size_t len, int status)
{
	char *tmp;
	int fd = prepare(path, mode, copy ? lf->fd : -1, copy ? lf->size : 0, data, len, &tmp);
	if (fd < 0 || finish_temp(path, fd, &tmp) < 0) {
		free(tmp);
		return -1;
	}
	int rc = unchanged(lf);
	if (rc == 0 && rename(tmp, path) < 0)
		rc = cp_errno(status, _("%s: cannot replace"), path);
	if (rc < 0) {
		unlink(tmp);
		close(fd);
		free(tmp);
		return -1;
	}
	close(fd); /* checked by closes: now only the lock goes */
	free(tmp);
	return sync_dir(path);
}

static int commit(struct locked *lf, int copy, const void *data, size_t len)
{
	/* lf->path is the file a link led to: a link to a sheet is kept */
	return rename_over(lf->path, lf->mode, lf, copy, data, len, EX_IOERR);
}

int atomic_replace(const char *path, const void *data, size_t len, mode_t mode)
{
	/* a directory at the name, say: an output file not made, as atomic_create's */
	return rename_over(path, mode, NULL, 0, data, len, EX_CANTCREAT);
}

int locked_replace(struct locked *lf, const void *data, size_t len)
{
	return commit(lf, 0, data, len);
}

int locked_append(struct locked *lf, const void *data, size_t len)
{
	return commit(lf, 1, data, len);
}

void locked_close(struct locked *lf)
{
	if (lf->fd >= 0)
		close(lf->fd);
	free(lf->path);
	lf->fd = -1;
	lf->path = NULL;
}
