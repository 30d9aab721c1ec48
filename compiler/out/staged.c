#include "staged.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

/* The staged files on disk, for the signal handler. */
static char *volatile slots[STAGED_MAX];
static volatile pid_t child_pgid;

static void
block(sigset_t *old)
{
	sigset_t all;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, old);
}

static void
unblock(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

static int
slot_add(char *path)
{
	sigset_t old;
	int r = -1;

	block(&old);
	for (int i = 0; i < STAGED_MAX; i++)
		if (slots[i] == NULL) {
			slots[i] = path;
			r = 0;
			break;
		}
	unblock(&old);
	return r;
}

static void
slot_del(const char *path)
{
	sigset_t old;

	block(&old);
	for (int i = 0; i < STAGED_MAX; i++)
		if (slots[i] == path)
			slots[i] = NULL;
	unblock(&old);
}

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

char *
staged_write(const char *dir, const char *name, const char *data, size_t len, mode_t mode,
    char *err, size_t errlen)
{
	struct buf b = BUF_INIT;
	char *path;
	int fd, e;

	buf_printf(&b, "%s/.%s.XXXXXX", dir, name);
	path = buf_steal(&b);
	if (slot_add(path) != 0) {
		snprintf(err, errlen, "%s/%s: too many files at once", dir, name);
		free(path);
		return NULL;
	}
	fd = mkostemp(path, O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s/%s: cannot create a temporary file: %s", dir, name,
		    strerror(errno));
		slot_del(path);
		free(path);
		return NULL;
	}
	if (fchmod(fd, mode) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		e = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) != 0) {
		e = errno;
		goto fail;
	}
	return path;
fail:
	snprintf(err, errlen, "%s/%s: cannot write%s: %s", dir, name,
	    e == ENOSPC || e == EDQUOT || e == EFBIG ? " (disk full or file size limit)" : "",
	    strerror(e));
	staged_discard(path);
	return NULL;
}

int
staged_install(char *path, const char *dir, const char *name, char *err, size_t errlen)
{
	struct buf b = BUF_INIT;
	int r = 0;

	buf_printf(&b, "%s/%s", dir, name);
	if (rename(path, b.p) != 0) {
		snprintf(err, errlen, "%s: cannot rename into place: %s", b.p, strerror(errno));
		staged_discard(path);
		r = -1;
	} else {
		slot_del(path);
		free(path);
	}
	buf_free(&b);
	return r;
}

void
staged_discard(char *path)
{
	if (path == NULL)
		return;
	unlink(path);
	slot_del(path);
	free(path);
}

void
staged_child(pid_t pgid)
{
	child_pgid = pgid;
}

static void
on_signal(int sig)
{
	int e = errno;

	if (child_pgid > 0)
		kill(-child_pgid, SIGKILL);
	for (int i = 0; i < STAGED_MAX; i++)
		if (slots[i] != NULL)
			unlink(slots[i]);
	errno = e;
	raise(sig);	/* SA_RESETHAND: the default action, as if not caught */
}

/* exit() anywhere (out of memory included) leaves no staged file. */
static void
on_exit_cleanup(void)
{
	for (int i = 0; i < STAGED_MAX; i++)
		if (slots[i] != NULL)
			unlink(slots[i]);
}

void
staged_on_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(*sigs); i++)
		sigaction(sigs[i], &sa, NULL);
	atexit(on_exit_cleanup);
}

void
staged_sync_dir(const char *dir)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
}
