/* Helpers the printers of more than one format share. */
#include "lgout.h"

#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reasons.h"
#include "xalloc.h"

json_t *
lg_jstr(const char *s)
{
	json_t *j;
	char *copy;

	if (s == NULL)
		return json_null();
	if ((j = json_string(s)) != NULL)
		return j;
	copy = xstrdup(s);
	for (char *p = copy; *p; p++)
		if ((unsigned char)*p >= 0x80 || (unsigned char)*p < 0x20)
			*p = '?';
	j = json_string(copy);
	free(copy);
	return j;
}

void
lg_jset(json_t *o, const char *k, json_t *v)
{
	json_object_set_new(o, k, v ? v : json_null());
}

static int
to_buf(const char *p, size_t n, void *ctx)
{
	buf_add(ctx, p, n);
	return 0;
}

void
lg_jlist_begin(struct lg_out *o, json_t *root, const char *key)
{
	struct buf *b = &o->resp->body;

	o->resp->ctype = "application/json";
	buf_reset(b);
	json_dump_callback(root, to_buf, b, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(root);
	/* "{...\n}" reopened: drop the closing brace (one: the root's last
	 * member may be an object), add the list. */
	while (b->len > 0 && (b->p[b->len - 1] == '\n' || b->p[b->len - 1] == ' '))
		b->p[--b->len] = '\0';
	if (b->len > 0 && b->p[b->len - 1] == '}')
		b->p[--b->len] = '\0';
	while (b->len > 0 && (b->p[b->len - 1] == '\n' || b->p[b->len - 1] == ' '))
		b->p[--b->len] = '\0';
	if (b->len == 0)
		buf_putc(b, '{');
	buf_printf(b, "%s\n \"%s\": [\n", b->p[b->len - 1] == '{' ? "" : ",", key);
	o->n_rows = 0;
}

void
lg_jlist_row(struct lg_out *o, json_t *row)
{
	struct buf *b = &o->resp->body;

	if (o->n_rows++ > 0)
		buf_puts(b, ",\n");
	json_dump_callback(row, to_buf, b, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(row);
}

void
lg_jlist_end(struct lg_out *o)
{
	buf_puts(&o->resp->body, "\n ]\n}\n");
}

void
lg_json_body(struct lg_response *resp, json_t *root)
{
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);

	resp->ctype = "application/json";
	buf_reset(&resp->body);
	if (s != NULL) {
		buf_puts(&resp->body, s);
		buf_putc(&resp->body, '\n');
		free(s);
	}
	json_decref(root);
}

void
lg_jset_strings(json_t *o, const void *base, const struct lg_jfield *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lg_jset(o, f[i].key, lg_jstr((const char *)base + f[i].off));
}

json_t *
lg_jcommunities(const struct bird_route *r)
{
	json_t *a = json_array();

	for (size_t i = 0; i < r->n_communities; i++)
		json_array_append_new(a, json_pack("[II]", (json_int_t)r->communities[i][0],
		    (json_int_t)r->communities[i][1]));
	return a;
}

json_t *
lg_jlarge_communities(const struct bird_route *r)
{
	json_t *a = json_array();

	for (size_t i = 0; i < r->n_large_communities; i++)
		json_array_append_new(a, json_pack("[III]", (json_int_t)r->large_communities[i][0],
		    (json_int_t)r->large_communities[i][1], (json_int_t)r->large_communities[i][2]));
	return a;
}

json_t *
lg_jext_communities(const struct bird_route *r)
{
	json_t *a = json_array();

	for (size_t i = 0; i < r->n_ext_communities; i++)
		json_array_append_new(a, json_pack("[sss]", r->ext_communities[i][0],
		    r->ext_communities[i][1], r->ext_communities[i][2]));
	return a;
}

void
lg_iso_time(int64_t t, char *out, size_t cap)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
lg_bird_time(const char *s, char *out, size_t cap)
{
	snprintf(out, cap, "%.19s", s ? s : "");
}

const char *
lg_rpki_name(int tag)
{
	return tag ? rpki_tag_name(tag) : "not evaluated";
}

const char *
lg_relation_name(enum lg_relation r)
{
	static const char *const names[] = { NULL, "covering", "exact", "more_specific" };

	return names[r];
}

const char *
lg_view_name(enum lg_view v)
{
	static const char *const names[VIEW_NUM] = { "accepted", "filtered", "exported",
	    "noexport" };

	return names[v < VIEW_NUM ? v : VIEW_ACCEPTED];
}

uint32_t
lg_proto_asn(const struct bird_proto *p)
{
	return p->neighbor_as ? p->neighbor_as : lg_session_asn(p->name);
}

void
lg_out_no_mark(struct lg_out *o, const struct lg_routes *l)
{
	(void)o;
	(void)l;
}

json_t *
lg_jcommunity_meanings(const struct lg_out *o, const struct lg_routes *l,
    const struct bird_route *r)
{
	json_t *j = json_object();
	struct buf m = BUF_INIT;
	char key[40];

	for (size_t i = 0; i < r->n_communities; i++) {
		buf_reset(&m);
		if (!lg_community_meaning(&o->app->reasons, o->app->members, l->rs_asn, false,
		    r->communities[i], &m))
			continue;
		snprintf(key, sizeof(key), "%u:%u", r->communities[i][0], r->communities[i][1]);
		lg_jset(j, key, lg_jstr(buf_str(&m)));
	}
	for (size_t i = 0; i < r->n_large_communities; i++) {
		buf_reset(&m);
		if (!lg_community_meaning(&o->app->reasons, o->app->members, l->rs_asn, true,
		    r->large_communities[i], &m))
			continue;
		snprintf(key, sizeof(key), "%u:%u:%u", r->large_communities[i][0],
		    r->large_communities[i][1], r->large_communities[i][2]);
		lg_jset(j, key, lg_jstr(buf_str(&m)));
	}
	buf_free(&m);
	return j;
}
