#include "publish_rtr.h"

#include <assert.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit_rtr.h"
#include "xalloc.h"

#define MARK "\n\"roas\": [\n"	/* where a data file's header ends */
#define CHUNK ((size_t)1 << 20)

/* A header without its "buildtime": what two files of the same data share. */
static void
strip_buildtime(char *h)
{
	char *s = strstr(h, "\"buildtime\": \""), *e;

	if (s != NULL && (e = strstr(s + 13, "\", ")) != NULL)
		memmove(s, e + 3, strlen(e + 3) + 1);
}

/*
 * The previous data file at `path`, read in pieces (it has tens of
 * megabytes): its serial (false when it has none, or is no data file of
 * ours), whether its entries are `roas` byte for byte, and its header.
 */
static bool
read_previous(const char *path, const char *roas, size_t len, unsigned *serial, bool *same,
    char hdr[RTR_HEADER_MAX])
{
	char *chunk = xmalloc(CHUNK + 1), *m, *sp;
	size_t have = 0, off = 0;
	ssize_t r = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	bool ok = false;

	*same = false;
	if (fd < 0)
		goto out;
	while (have < RTR_HEADER_MAX && (r = read(fd, chunk + have, RTR_HEADER_MAX - have)) > 0)
		have += (size_t)r;
	chunk[have] = '\0';
	if ((m = strstr(chunk, MARK)) == NULL || (sp = strstr(chunk, "\"serial\": ")) == NULL ||
	    sp > m || sscanf(sp + strlen("\"serial\": "), "%u", serial) != 1)
		goto out;
	ok = true;
	memcpy(hdr, chunk, (size_t)(m - chunk) + 1);
	hdr[m - chunk + 1] = '\0';
	/* The entries, from the array on, against `roas` (which starts there). */
	for (size_t at = (size_t)(m + 1 - chunk); ; at = 0) {
		size_t n = have - at;

		if (off + n > len || memcmp(chunk + at, roas + off, n) != 0)
			goto out;
		off += n;
		if ((r = read(fd, chunk, CHUNK)) <= 0)
			break;
		have = (size_t)r;
	}
	*same = r == 0 && off == len;
out:
	if (fd >= 0)
		close(fd);
	free(chunk);
	return ok;
}

static void *
run(void *arg)
{
	struct rtr_publish *p = arg;

	for (enum rtr_set set = 0; set < RTR_NUM; set++) {
		struct buf *b = &p->text[set], path = BUF_INIT;
		bool same;

		if (!p->on[set])
			continue;
		/* The entries go in once, after room for the header; the
		 * header goes in front of them at the end. */
		buf_reserve(b, RTR_HEADER_MAX + emit_rtr_size(p->mo, set));
		b->len = RTR_HEADER_MAX;
		p->n[set] = emit_rtr_roas(b, p->mo, set);
		buf_printf(&path, "%s/%s", p->outdir, rtr_file(set));
		p->have_prev[set] = read_previous(path.p, b->p + RTR_HEADER_MAX,
		    b->len - RTR_HEADER_MAX, &p->prev_serial[set], &same, p->prev_header[set]);
		p->changed[set] = !p->have_prev[set] || !same;
		buf_free(&path);
	}
	return NULL;
}

void
rtr_publish_start(struct rtr_publish *p, const struct model *mo, const char *outdir)
{
	bool any = false;

	memset(p, 0, sizeof(*p));
	p->mo = mo;
	p->outdir = outdir;
	for (enum rtr_set set = 0; set < RTR_NUM; set++)
		any |= p->on[set] = model_publishes(mo, set);
	if (any)
		job_start(&p->job, run, p);
}

void
rtr_publish_finish(struct rtr_publish *p, const struct emit_opts *o, struct outset *out)
{
	if (p->job.fn != NULL)
		job_finish(&p->job);
	for (enum rtr_set set = 0; set < RTR_NUM; set++) {
		struct buf *b = &p->text[set], h = BUF_INIT;
		size_t len;

		if (!p->on[set])
			continue;
		p->serial[set] = p->have_prev[set] ? p->prev_serial[set] + p->changed[set] : 1;
		if (p->have_prev[set] && !p->changed[set]) {
			emit_rtr_header(&h, set, p->n[set], p->serial[set], o->version, NULL);
			strip_buildtime(p->prev_header[set]);
			p->kept[set] = strcmp(p->prev_header[set], h.p) == 0;
			buf_reset(&h);
		}
		emit_rtr_header(&h, set, p->n[set], p->serial[set], o->version, o->timestamp);
		assert(h.len <= RTR_HEADER_MAX);	/* a time, a version, numbers */
		len = b->len - RTR_HEADER_MAX;
		memcpy(b->p + RTR_HEADER_MAX - h.len, h.p, h.len);
		memmove(b->p, b->p + RTR_HEADER_MAX - h.len, h.len + len + 1);
		b->len = len + h.len;
		outset_add_buf(out, rtr_file(set), b);
		if (p->kept[set])
			outset_keep(out, out->n - 1);
		buf_free(&h);
	}
}
