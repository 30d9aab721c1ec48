#include "rpsl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "xalloc.h"

struct attr_off {
	size_t		 name;
	size_t		 value;
	size_t		 value_len;
	unsigned	 line;
};

struct rpsl_reader {
	rpsl_cb		 cb;
	void		*ctx;
	struct buf	 partial;	/* a line split across feeds */
	bool		 long_line;	/* over RPSL_MAX_LINE: skipping to its end */
	unsigned	 lineno;

	/* The object being read: names and values, NUL-separated. */
	char		*arena;
	size_t		 alen, acap;
	struct attr_off	*attrs;
	size_t		 nattrs, attrcap;
	struct rpsl_attr *out;
	size_t		 outcap;
	bool		 in_obj;
	bool		 bad;
	enum rpsl_skip	 bad_kind;
	unsigned	 obj_line;
	bool		 stopped;

	struct rpsl_stats st;
};

struct rpsl_reader *
rpsl_new(rpsl_cb cb, void *ctx)
{
	struct rpsl_reader *r = xcalloc(1, sizeof(*r));

	r->cb = cb;
	r->ctx = ctx;
	return r;
}

void
rpsl_free(struct rpsl_reader *r)
{
	if (r == NULL)
		return;
	buf_free(&r->partial);
	free(r->arena);
	free(r->attrs);
	free(r->out);
	free(r);
}

const struct rpsl_stats *
rpsl_stats(const struct rpsl_reader *r)
{
	return &r->st;
}

static void
mark_bad(struct rpsl_reader *r, enum rpsl_skip why)
{
	if (!r->bad) {
		r->bad = true;
		r->bad_kind = why;
		if (r->st.first_bad_line == 0)
			r->st.first_bad_line = r->lineno;
	}
}

static void
arena_add(struct rpsl_reader *r, const char *s, size_t n)
{
	if (r->alen + n + 1 > RPSL_MAX_OBJECT) {
		mark_bad(r, RPSL_SKIP_TOO_BIG);
		return;
	}
	r->arena = xgrow(r->arena, &r->acap, r->alen + n + 1, 1);
	memcpy(r->arena + r->alen, s, n);
	r->alen += n;
	r->arena[r->alen] = '\0';
}

static void
end_object(struct rpsl_reader *r)
{
	if (!r->in_obj)
		return;
	if (r->bad) {
		r->st.skipped[r->bad_kind]++;
	} else if (r->nattrs > 0 && !r->stopped) {
		struct rpsl_obj obj;
		r->out = xgrow(r->out, &r->outcap, r->nattrs, sizeof(*r->out));
		for (size_t i = 0; i < r->nattrs; i++) {
			r->out[i].name = r->arena + r->attrs[i].name;
			r->out[i].value = r->arena + r->attrs[i].value;
			r->out[i].value_len = r->attrs[i].value_len;
			r->out[i].line = r->attrs[i].line;
		}
		obj.attrs = r->out;
		obj.n = r->nattrs;
		obj.line = r->obj_line;
		r->st.objects++;
		if (r->cb(&obj, r->ctx) != 0)
			r->stopped = true;
	}
	r->in_obj = false;
	r->bad = false;
	r->alen = 0;
	r->nattrs = 0;
}

/* Strip an end-of-line comment and surrounding blanks. */
static void
clean_value(const char **s, size_t *n)
{
	const char *p = *s, *hash = memchr(p, '#', *n);
	size_t len = hash ? (size_t)(hash - p) : *n;

	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\r'))
		len--;
	*s = p;
	*n = len;
}

static bool
is_attr_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static void
do_line(struct rpsl_reader *r, const char *s, size_t n)
{
	const char *colon, *v;
	size_t vn;

	r->lineno++;
	r->st.lines++;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n == 0) {
		end_object(r);
		return;
	}
	if (s[0] == '%' || s[0] == '#')
		return;
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '+') {
		v = s + 1;
		vn = n - 1;
		clean_value(&v, &vn);
		if (!r->in_obj) {
			/* Blank-looking lines between objects are noise; text
			 * that continues nothing makes a broken object. */
			if (vn == 0)
				return;
			r->in_obj = true;
			r->obj_line = r->lineno;
			mark_bad(r, RPSL_SKIP_SYNTAX);
			return;
		}
		if (r->bad || vn == 0)
			return;
		if (r->attrs[r->nattrs - 1].value_len > 0) {
			/* Replace the value's NUL with the separator. */
			r->alen--;
			arena_add(r, "\n", 1);
			r->attrs[r->nattrs - 1].value_len++;
		} else {
			r->alen--;	/* drop the NUL, value starts here */
		}
		arena_add(r, v, vn);
		r->attrs[r->nattrs - 1].value_len += vn;
		r->alen++;	/* keep the NUL written by arena_add */
		return;
	}

	if (!r->in_obj) {
		r->in_obj = true;
		r->obj_line = r->lineno;
	}
	if (r->bad)
		return;
	colon = memchr(s, ':', n);
	if (colon == NULL || colon == s) {
		mark_bad(r, RPSL_SKIP_SYNTAX);
		return;
	}
	for (const char *p = s; p < colon; p++)
		if (!is_attr_char(*p)) {
			mark_bad(r, RPSL_SKIP_SYNTAX);
			return;
		}
	if (r->nattrs >= RPSL_MAX_ATTRS) {
		mark_bad(r, RPSL_SKIP_TOO_BIG);
		return;
	}
	r->attrs = xgrow(r->attrs, &r->attrcap, r->nattrs + 1, sizeof(*r->attrs));
	r->attrs[r->nattrs].name = r->alen;
	arena_add(r, s, (size_t)(colon - s));
	for (size_t i = r->attrs[r->nattrs].name; i < r->alen; i++)
		if (r->arena[i] >= 'A' && r->arena[i] <= 'Z')
			r->arena[i] = (char)(r->arena[i] + 32);
	r->alen++;	/* keep the name's NUL */
	v = colon + 1;
	vn = n - (size_t)(colon - s) - 1;
	clean_value(&v, &vn);
	r->attrs[r->nattrs].value = r->alen;
	r->attrs[r->nattrs].value_len = vn;
	r->attrs[r->nattrs].line = r->lineno;
	arena_add(r, v, vn);
	r->alen++;
	if (r->bad)
		return;
	r->nattrs++;
}

/* A line too long to hold: its object is skipped, the line not kept. */
static void
line_too_long(struct rpsl_reader *r)
{
	buf_reset(&r->partial);
	r->long_line = true;
	if (!r->in_obj) {
		r->in_obj = true;
		r->obj_line = r->lineno + 1;
	}
	mark_bad(r, RPSL_SKIP_TOO_BIG);
}

int
rpsl_feed(struct rpsl_reader *r, const char *data, size_t len)
{
	const char *p = data, *end = data + len, *nl;

	r->st.bytes += len;
	if (r->long_line) {
		if ((nl = memchr(p, '\n', len)) == NULL)
			return r->stopped ? -1 : 0;
		r->long_line = false;
		r->lineno++;
		r->st.lines++;
		p = nl + 1;
	} else if (r->partial.len > 0) {
		nl = memchr(p, '\n', len);
		if (nl == NULL) {
			if (r->partial.len + len > RPSL_MAX_LINE)
				line_too_long(r);
			else
				buf_add(&r->partial, p, len);
			return r->stopped ? -1 : 0;
		}
		if (r->partial.len + (size_t)(nl - p) > RPSL_MAX_LINE) {
			line_too_long(r);
			r->long_line = false;
			r->lineno++;
			r->st.lines++;
		} else {
			buf_add(&r->partial, p, (size_t)(nl - p));
			do_line(r, r->partial.p, r->partial.len);
		}
		buf_reset(&r->partial);
		p = nl + 1;
	}
	while (p < end && !r->stopped && !r->long_line) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL) {
			if ((size_t)(end - p) > RPSL_MAX_LINE)
				line_too_long(r);
			else
				buf_add(&r->partial, p, (size_t)(end - p));
			break;
		}
		if ((size_t)(nl - p) > RPSL_MAX_LINE) {
			line_too_long(r);
			r->long_line = false;
			r->lineno++;
			r->st.lines++;
		} else {
			do_line(r, p, (size_t)(nl - p));
		}
		p = nl + 1;
	}
	return r->stopped ? -1 : 0;
}

int
rpsl_finish(struct rpsl_reader *r)
{
	if (r->partial.len > 0) {
		do_line(r, r->partial.p, r->partial.len);
		buf_reset(&r->partial);
	}
	end_object(r);
	return r->stopped ? -1 : 0;
}

const struct rpsl_limits rpsl_limits_default = {
	(uint64_t)64 << 30, 100, (uint64_t)64 << 20, (uint64_t)64 << 20,
};

int
rpsl_read_file(const char *path, const struct rpsl_limits *lim, rpsl_cb cb, void *ctx,
    rpsl_progress_cb progress, struct rpsl_stats *stats, char *err, size_t errlen)
{
	enum { CHUNK = 1 << 20 };
	struct rpsl_reader *r;
	gzFile gz;
	char *chunk;
	int n, zerr, ret = 0;
	uint64_t next_progress = 16u << 20;
	const char *msg;

	if (lim == NULL)
		lim = &rpsl_limits_default;
	gz = gzopen(path, "rb");
	if (gz == NULL) {
		snprintf(err, errlen, "cannot open: %s", errno ? strerror(errno) : "out of memory");
		return -1;
	}
	gzbuffer(gz, 256 * 1024);
	r = rpsl_new(cb, ctx);
	chunk = xmalloc(CHUNK);
	while ((n = gzread(gz, chunk, CHUNK)) > 0) {
		uint64_t in = (uint64_t)gzoffset(gz);
		if (rpsl_feed(r, chunk, (size_t)n) != 0)
			break;
		if (r->st.bytes > lim->max_bytes) {
			snprintf(err, errlen, "more than %llu bytes of RPSL: not one dump",
			    (unsigned long long)lim->max_bytes);
			ret = -1;
			break;
		}
		if (r->st.bytes > lim->ratio_after && r->st.bytes / lim->max_ratio > in) {
			snprintf(err, errlen, "gzip expands it more than %u-fold: not an RPSL dump",
			    lim->max_ratio);
			ret = -1;
			break;
		}
		if (r->st.bytes > lim->max_empty && r->st.objects +
		    r->st.skipped[RPSL_SKIP_SYNTAX] + r->st.skipped[RPSL_SKIP_TOO_BIG] == 0) {
			snprintf(err, errlen, "no RPSL object in its first %llu bytes: not an RPSL "
			    "dump", (unsigned long long)lim->max_empty);
			ret = -1;
			break;
		}
		if (progress && r->st.bytes >= next_progress) {
			progress(r->st.bytes, ctx);
			next_progress = r->st.bytes + (16u << 20);
		}
	}
	msg = gzerror(gz, &zerr);
	if (ret == 0 && (n < 0 || (zerr != Z_OK && zerr != Z_STREAM_END))) {
		/* A truncated dump silently misses objects: refuse it. */
		snprintf(err, errlen, "read error: %s",
		    zerr == Z_ERRNO ? strerror(errno) : msg);
		ret = -1;
	} else if (ret == 0 && rpsl_finish(r) != 0) {
		snprintf(err, errlen, "stopped");
		ret = -1;
	}
	if (stats)
		*stats = r->st;
	free(chunk);
	rpsl_free(r);
	gzclose(gz);
	return ret;
}

void
rpsl_tokens(const char *value, size_t len,
    void (*tok)(const char *s, size_t n, void *ctx), void *ctx)
{
	size_t i = 0;

	while (i < len) {
		size_t start;
		while (i < len && (value[i] == ',' || value[i] == ' ' ||
		    value[i] == '\t' || value[i] == '\n'))
			i++;
		start = i;
		while (i < len && value[i] != ',' && value[i] != ' ' &&
		    value[i] != '\t' && value[i] != '\n')
			i++;
		if (i > start)
			tok(value + start, i - start, ctx);
	}
}

size_t
rpsl_first_token(const char *value, size_t len, const char **start)
{
	size_t i = 0, s;

	while (i < len && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n' || value[i] == ','))
		i++;
	s = i;
	while (i < len && value[i] != ' ' && value[i] != '\t' && value[i] != '\n' && value[i] != ',')
		i++;
	*start = value + s;
	return i - s;
}
