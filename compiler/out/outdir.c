#include "outdir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "staged.h"
#include "xalloc.h"

/* Output files hold BGP passwords. */
#define OUT_MODE 0640
#define DIR_MODE 0750

void
outset_init(struct outset *o, const char *dir)
{
	memset(o, 0, sizeof(*o));
	o->dir = xstrdup(dir);
}

void
outset_add(struct outset *o, const char *name, char *data, size_t len)
{
	o->v = xrealloc(o->v, (o->n + 1) * sizeof(*o->v));
	o->v[o->n].name = xstrdup(name);
	o->v[o->n].data = data;
	o->v[o->n].len = len;
	o->v[o->n].tmp = NULL;
	o->v[o->n].keep = false;
	o->n++;
}

void
outset_add_buf(struct outset *o, const char *name, struct buf *b)
{
	size_t len = b->len;

	outset_add(o, name, buf_steal(b), len);
}

void
outset_take(struct outset *o, struct outset *from)
{
	if (from->n > 0) {
		o->v = xrealloc(o->v, (o->n + from->n) * sizeof(*o->v));
		memcpy(o->v + o->n, from->v, from->n * sizeof(*o->v));
		o->n += from->n;
	}
	from->n = 0;
	outset_free(from);
}

static int
mkdir_p(const char *dir, char *err, size_t errlen)
{
	char *p = xstrdup(dir), *s;
	int r = 0;

	for (s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;
			*s = '\0';
			if (mkdir(p, DIR_MODE) != 0 && errno != EEXIST) {
				snprintf(err, errlen, "%s: cannot create directory: %s", p, strerror(errno));
				r = -1;
				break;
			}
			*s = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return r;
}

int
outset_stage(struct outset *o, char *err, size_t errlen)
{
	struct stat st;

	if (stat(o->dir, &st) != 0) {
		if (mkdir_p(o->dir, err, errlen) != 0)
			return -1;
	} else if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: not a directory", o->dir);
		return -1;
	}
	for (size_t i = 0; i < o->n; i++) {
		struct outfile *f = &o->v[i];

		if (f->keep)
			continue;
		f->tmp = staged_write(o->dir, f->name, f->data, f->len, OUT_MODE, err, errlen);
		if (f->tmp == NULL) {
			outset_abort(o);
			return -1;
		}
	}
	return 0;
}

int
outset_commit_one(struct outset *o, size_t i, char *err, size_t errlen)
{
	struct outfile *f = &o->v[i];
	char *tmp = f->tmp;

	if (tmp == NULL)
		return 0;	/* installed already */
	f->tmp = NULL;
	if (staged_install(tmp, o->dir, f->name, err, errlen) != 0)
		return -1;
	staged_sync_dir(o->dir);
	return 0;
}

int
outset_commit(struct outset *o, char *err, size_t errlen)
{
	for (size_t i = 0; i < o->n; i++) {
		struct outfile *f = &o->v[i];
		char *tmp = f->tmp;

		if (tmp == NULL)
			continue;	/* installed already (outset_commit_one) */
		f->tmp = NULL;
		if (staged_install(tmp, o->dir, f->name, err, errlen) != 0) {
			outset_abort(o);
			return -1;
		}
	}
	staged_sync_dir(o->dir);
	return 0;
}

int
outdir_lock(const char *dir, char *err, size_t errlen)
{
	struct stat st;
	int fd;

	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: not a directory", dir);
		return -1;
	}
	if (mkdir_p(dir, err, errlen) != 0)
		return -1;
	/* The directory itself: no lock file to leave behind or to plant. */
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno == EWOULDBLOCK)
			snprintf(err, errlen, "%s is in use by another ixp-rsc compile or deploy",
			    dir);
		else
			snprintf(err, errlen, "%s: cannot lock: %s", dir, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

void
outset_keep(struct outset *o, size_t i)
{
	staged_discard(o->v[i].tmp);
	o->v[i].tmp = NULL;
	o->v[i].keep = true;
}

size_t
outset_written(const struct outset *o)
{
	size_t n = 0;

	for (size_t i = 0; i < o->n; i++)
		n += !o->v[i].keep;
	return n;
}

void
outset_abort(struct outset *o)
{
	for (size_t i = 0; i < o->n; i++) {
		staged_discard(o->v[i].tmp);
		o->v[i].tmp = NULL;
	}
}

/* The next line of p[0, n) from *off that does not start with `ignore`,
 * in *line and *ll; false at the end. */
static bool
next_line(const char *p, size_t n, size_t *off, const char *ignore, const char **line,
    size_t *ll)
{
	size_t il = strlen(ignore);

	while (*off < n) {
		const char *s = p + *off, *nl = memchr(s, '\n', n - *off);
		size_t l = nl ? (size_t)(nl - s) + 1 : n - *off;

		*off += l;
		if (l >= il && memcmp(s, ignore, il) == 0)
			continue;
		*line = s;
		*ll = l;
		return true;
	}
	return false;
}

/* Compared in place, line by line (configs are 100 MB at the largest
 * IXPs: copies of both cost more than the comparison). */
bool
outset_differs(const struct outset *o, size_t i, const char *ignore)
{
	struct buf path = BUF_INIT;
	size_t len, ao = 0, bo = 0, al, bl;
	const char *ap, *bp;
	long age;
	char *old;
	bool differs = true;

	buf_printf(&path, "%s/%s", o->dir, o->v[i].name);
	old = file_read(path.p, o->v[i].len + 4096, true, &len, &age);
	if (old != NULL) {
		for (;;) {
			bool ha = next_line(old, len, &ao, ignore, &ap, &al);
			bool hb = next_line(o->v[i].data, o->v[i].len, &bo, ignore, &bp, &bl);

			if (ha != hb || (ha && (al != bl || memcmp(ap, bp, al) != 0)))
				break;
			if (!ha) {
				differs = false;
				break;
			}
		}
	}
	free(old);
	buf_free(&path);
	return differs;
}

void
outset_free(struct outset *o)
{
	outset_abort(o);
	for (size_t i = 0; i < o->n; i++) {
		free(o->v[i].name);
		free(o->v[i].data);
	}
	free(o->v);
	free(o->dir);
	memset(o, 0, sizeof(*o));
}
