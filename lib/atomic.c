/* atomic.c: changing files so that they are, at every moment and after any
 * crash, either the old file or the new one.  New content goes to a
 * temporary file beside the target (created with O_EXCL, so a planted
 * symbolic link is never followed), is synced, and is renamed over it.
 *
 * A writer locks the file it replaces (flock).  A rename swaps the inode
 * under waiting writers, so after taking the lock a writer checks that its
 * inode is still the one the path names, and starts over if not.  Appends
 * work the same way: the old bytes and the new lines go into the new file,
 * which makes even a batch of lines all-or-nothing, where an O_APPEND write
 * killed halfway would leave half a line. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
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

/* A new temporary file beside path, mode 0600 until the caller says else. */
static int temp_beside(const char *path, char **tmp)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	struct buf b = {0};
	buf_add(&b, path, dirlen);
	buf_printf(&b, ".%s.cptmp.XXXXXX", base);
	int fd = mkostemp(b.s, O_CLOEXEC);
	if (fd < 0) {
		char *dir = dir_of(path);
		cp_errno(errno == ENOSPC ? EX_IOERR : EX_CANTCREAT,
			 _("%s: cannot create a file in %s"), path, dir);
		free(dir);
		buf_free(&b);
		return -1;
	}
	*tmp = b.s;
	return fd;
}

/* Writes parts into a new temporary file and syncs it; -1 (reported) with
 * nothing left behind on failure. */
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
	if (close(fd) < 0 && rc == 0)
		rc = -1;
	if (rc < 0) {
		cp_errno(EX_IOERR, _("%s: cannot write"), path);
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
	}
	return rc;
}

int atomic_create(const char *path, const void *data, size_t len, mode_t mode)
{
	char *tmp;
	if (prepare(path, mode, -1, 0, data, len, &tmp) < 0)
		return -1;
	int rc = renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE);
	if (rc < 0 && (errno == EINVAL || errno == ENOSYS)) {
		/* a file system without RENAME_NOREPLACE: link() refuses to overwrite too */
		rc = link(tmp, path);
		unlink(tmp);
	}
	int saved = errno;
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	if (rc < 0 && saved == EEXIST)
		return 1;
	if (rc < 0) {
		errno = saved;
		return cp_errno(EX_CANTCREAT, _("%s: cannot create"), path);
	}
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

static int commit(struct locked *lf, int copy, const void *data, size_t len)
{
	char *tmp;
	if (prepare(lf->path, lf->mode, copy ? lf->fd : -1, copy ? lf->size : 0, data, len, &tmp) < 0)
		return -1;
	if (rename(tmp, lf->path) < 0) {
		cp_errno(EX_IOERR, _("%s: cannot replace"), lf->path);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return sync_dir(lf->path);
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
