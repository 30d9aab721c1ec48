#include "jstream.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define JFLAGS (JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK)

struct jreader {
	const char	*base, *p, *end;
	const char	*name;
	struct diag	*d;
	bool		 failed;
};

static void
jr_ws(struct jreader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

/* Report at the reader's position (+ off), with line and column. */
static void
jr_error(struct jreader *r, size_t off, const char *msg)
{
	struct srcpos pos = { r->name, 1, 1 };
	const char *at = r->p + off > r->end ? r->end : r->p + off;

	for (const char *q = r->base; q < at; q++) {
		if (*q == '\n') {
			pos.line++;
			pos.col = 1;
		} else {
			pos.col++;
		}
	}
	if (!r->failed)
		diag_error(r->d, &pos, "check that the file is complete (not truncated), "
		    "valid JSON", "invalid JSON: %s", msg);
	r->failed = true;
}

static bool
jr_expect(struct jreader *r, char c)
{
	char msg[48];

	jr_ws(r);
	if (r->p < r->end && *r->p == c) {
		r->p++;
		return true;
	}
	snprintf(msg, sizeof(msg), "'%c' expected", c);
	jr_error(r, 0, r->p < r->end ? msg : "unexpected end of input");
	return false;
}

static json_t *
jr_value(struct jreader *r)
{
	json_error_t e;
	json_t *v;

	jr_ws(r);
	v = json_loadb(r->p, (size_t)(r->end - r->p), JFLAGS, &e);
	if (v == NULL) {
		jr_error(r, e.position > 0 ? (size_t)e.position : 0, e.text);
		return NULL;
	}
	r->p += e.position;
	return v;
}

/* An array, each element handed to `cb` and freed; returns the count. */
static size_t
jr_array(struct jreader *r, jstream_cb cb, void *ctx)
{
	size_t n = 0;

	if (!jr_expect(r, '['))
		return 0;
	jr_ws(r);
	if (r->p < r->end && *r->p == ']') {
		r->p++;
		return 0;
	}
	for (;;) {
		json_t *v = jr_value(r);
		if (v == NULL)
			return n;
		cb(v, ctx);
		json_decref(v);
		n++;
		jr_ws(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		jr_expect(r, ']');
		return n;
	}
}

json_t *
jstream_object(const char *data, size_t len, const char *name, struct jstream_array *arrays,
    void *ctx, struct diag *d)
{
	struct jreader rd = { data, data, data + len, name, d, false }, *r = &rd;
	json_t *rest = json_object();

	for (size_t i = 0; arrays[i].name != NULL; i++)
		arrays[i].count = (size_t)-1;
	if (!jr_expect(r, '{'))
		goto fail;
	jr_ws(r);
	if (r->p < r->end && *r->p == '}') {
		r->p++;
		goto done;
	}
	for (;;) {
		json_t *key = jr_value(r);
		struct jstream_array *a = arrays;

		if (key == NULL)
			goto fail;
		if (!json_is_string(key)) {
			json_decref(key);
			jr_error(r, 0, "object key expected");
			goto fail;
		}
		if (!jr_expect(r, ':')) {
			json_decref(key);
			goto fail;
		}
		while (a->name != NULL && strcmp(json_string_value(key), a->name) != 0)
			a++;
		jr_ws(r);
		if (json_object_get(rest, json_string_value(key)) != NULL) {
			jr_error(r, 0, "duplicate object key");
			json_decref(key);
			goto fail;
		}
		if (a->name != NULL && r->p < r->end && *r->p == '[') {
			a->count = jr_array(r, a->cb, ctx);
			/* Keep a marker so the caller sees the member was there. */
			json_object_set_new(rest, json_string_value(key), json_true());
		} else {
			json_t *v = jr_value(r);
			if (v == NULL) {
				json_decref(key);
				goto fail;
			}
			json_object_set_new(rest, json_string_value(key), v);
		}
		json_decref(key);
		if (r->failed)
			goto fail;
		jr_ws(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (!jr_expect(r, '}'))
			goto fail;
		break;
	}
done:
	jr_ws(r);
	if (r->p < r->end) {
		jr_error(r, 0, "end of text expected");
		goto fail;
	}
	return rest;
fail:
	json_decref(rest);
	return NULL;
}

json_t *
jstream_load(const char *data, size_t len, const char *name, struct diag *d)
{
	struct jreader rd = { data, data, data + len, name, d, false };
	json_t *v = jr_value(&rd);

	if (v != NULL) {
		jr_ws(&rd);
		if (rd.p < rd.end) {
			jr_error(&rd, 0, "end of text expected");
			json_decref(v);
			v = NULL;
		}
	}
	return v;
}
