#include "lgdata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "fileio.h"
#include "reasons.h"
#include "strutil.h"
#include "xalloc.h"

void
lg_reasons_builtin(struct lg_reasons *r)
{
	memset(r, 0, sizeof(*r));
	r->reject_lc = LC_REJECT;
	r->rpki_lc = LC_RPKI_STATE;
	r->v = xcalloc(REJ_MAX, sizeof(*r->v));
	for (int code = 1; code <= REJ_MAX; code++) {
		r->v[r->n].code = code;
		r->v[r->n].text = xstrdup(reasons[code].text);
		r->v[r->n].hint = xstrdup(reasons[code].hint);
		r->n++;
	}
}

void
lg_reasons_free(struct lg_reasons *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].text);
		free(r->v[i].hint);
	}
	free(r->v);
	for (size_t i = 0; i < r->n_names; i++)
		free(r->names[i].meaning);
	free(r->names);
	memset(r, 0, sizeof(*r));
}

/* "64500:65520:{code}" -> 64500, 65520: a large pattern, its last field named `what`. */
static bool
community_pattern(const char *s, const char *what, uint32_t *asn, uint32_t *mid)
{
	struct community_pat p;
	size_t n = s ? strlen(s) : 0, w = strlen(what);

	if (s == NULL || !community_pat_parse(s, &p) || !p.large || p.any != 4 || n <= w ||
	    strcmp(s + n - w, what) || s[n - w - 1] != ':')
		return false;
	*asn = p.v[0];
	*mid = p.v[1];
	return true;
}

/* [{"type", "community", "meaning"}, ...]; entries that are not are skipped. */
static void
names_load(struct lg_reasons *r, json_t *list)
{
	json_t *v;
	size_t i;

	if (!json_is_array(list))
		return;
	r->names = xrealloc(r->names, (r->n_names + json_array_size(list) + 1) * sizeof(*r->names));
	json_array_foreach(list, i, v) {
		struct lg_comm_name *n = &r->names[r->n_names];
		const char *c = json_string_value(json_object_get(v, "community"));
		json_t *m = json_object_get(v, "meaning");
		if (c == NULL || !community_pat_parse(c, &n->p) || !json_is_string(m) ||
		    json_string_length(m) > 300 ||
		    !str_is_printable_utf8(json_string_value(m), json_string_length(m)))
			continue;
		n->meaning = xstrdup(json_string_value(m));
		r->n_names++;
	}
}

bool
lg_reasons_load(struct lg_reasons *r, const char *path, char *err, size_t errlen)
{
	json_error_t e;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &e), *rs, *v;
	const char *key;
	uint32_t asn2;

	memset(r, 0, sizeof(*r));
	if (root == NULL) {
		snprintf(err, errlen, "%s:%d:%d: %s", path, e.line, e.column, e.text);
		return false;
	}
	if (!community_pattern(json_string_value(json_object_get(root, "reject_community")),
	    "{code}", &r->rs_asn, &r->reject_lc) ||
	    !community_pattern(json_string_value(json_object_get(root, "rpki_community")),
	    "{state}", &asn2, &r->rpki_lc) || asn2 != r->rs_asn ||
	    !json_is_object(rs = json_object_get(root, "reasons"))) {
		snprintf(err, errlen, "%s: not a reasons.json written by ixp-rsc "
		    "(reject_community, rpki_community and reasons expected)", path);
		json_decref(root);
		return false;
	}
	v = json_object_get(root, "reject_policy");	/* absent before reject_policy */
	if (v != NULL && (!json_is_string(v) || (strcmp(json_string_value(v), "reject") &&
	    strcmp(json_string_value(v), "tag")))) {
		snprintf(err, errlen, "%s: reject_policy is \"reject\" or \"tag\"", path);
		json_decref(root);
		return false;
	}
	r->tagged = v != NULL && !strcmp(json_string_value(v), "tag");
	r->v = xcalloc(json_object_size(rs) + 1, sizeof(*r->v));
	json_object_foreach(rs, key, v) {
		char *end;
		long code = strtol(key, &end, 10);
		const char *text = json_string_value(json_object_get(v, "text"));
		const char *hint = json_string_value(json_object_get(v, "hint"));
		if (*end != '\0' || code < 0 || code > 65535 || text == NULL)
			continue;
		r->v[r->n].code = (int)code;
		r->v[r->n].text = xstrdup(text);
		r->v[r->n].hint = xstrdup(hint ? hint : "");
		r->n++;
	}
	names_load(r, json_object_get(root, "control_communities"));
	names_load(r, json_object_get(root, "informational_communities"));
	json_decref(root);
	return true;
}

const char *
lg_reason_text(const struct lg_reasons *r, int code, const char **hint)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].code == code) {
			if (hint)
				*hint = r->v[i].hint;
			return r->v[i].text;
		}
	if (hint)
		*hint = "";
	return "unknown reason";
}

void
lg_route_flags(const struct lg_reasons *r, uint32_t rs_asn, const struct bird_route *rt,
    struct lg_route_flags *f)
{
	memset(f, 0, sizeof(*f));
	if (r->rs_asn != 0)
		rs_asn = r->rs_asn;
	for (size_t i = 0; i < rt->n_large_communities; i++) {
		const uint32_t *c = rt->large_communities[i];
		if (c[0] != rs_asn)
			continue;
		if (c[1] == r->reject_lc && c[2] <= 65535)
			f->reject = (int)c[2];
		else if (c[1] == r->rpki_lc && c[2] >= 1 && c[2] <= 4)
			f->rpki = (int)c[2];
	}
	for (size_t i = 0; i < rt->n_communities; i++)
		if (rt->communities[i][0] == 65535 && rt->communities[i][1] == 666)
			f->blackhole = true;
	/* Rejected by the RPKI check: the filter stops before tagging. */
	if (f->reject == REJ_RPKI_INVALID && f->rpki == 0)
		f->rpki = RPKI_TAG_INVALID;
}

/* Text a page may show: a string of printable UTF-8, at most `max` bytes. */
static bool
dir_text(json_t *v, size_t max, bool optional, char **out)
{
	*out = NULL;
	if (optional && (v == NULL || json_is_null(v)))
		return true;
	if (!json_is_string(v) || json_string_length(v) > max ||
	    !str_is_printable_utf8(json_string_value(v), json_string_length(v)))
		return false;
	*out = xstrdup(json_string_value(v));
	return true;
}

static bool
dir_member(json_t *o, struct lg_member *m)
{
	json_t *asn = json_object_get(o, "asn"), *conns = json_object_get(o, "connections"), *c;
	size_t i;

	if (!json_is_integer(asn) || json_integer_value(asn) < 1 ||
	    json_integer_value(asn) > (json_int_t)UINT32_MAX || !json_is_array(conns))
		return false;
	m->asn = (uint32_t)json_integer_value(asn);
	m->manrs = json_is_true(json_object_get(o, "manrs"));
	if (!dir_text(json_object_get(o, "name"), 200, false, &m->name) ||
	    !dir_text(json_object_get(o, "email"), 200, true, &m->email) ||
	    !dir_text(json_object_get(o, "phone"), 200, true, &m->phone))
		return false;
	m->conns = xcalloc(json_array_size(conns) + 1, sizeof(*m->conns));
	json_array_foreach(conns, i, c) {
		struct lg_conn *cn = &m->conns[m->n_conns++];
		if (!dir_text(json_object_get(c, "ipv4"), 64, true, &cn->addr[0]) ||
		    !dir_text(json_object_get(c, "ipv6"), 64, true, &cn->addr[1]))
			return false;
	}
	return true;
}

bool
lg_members_load(struct lg_directory **out, const char *path, char *err, size_t errlen)
{
	struct lg_directory *dir;
	json_error_t e;
	json_t *root, *members, *m;
	size_t n = strlen(path), i;

	*out = NULL;
	if ((n > 5 && !strcmp(path + n - 5, ".yaml")) || (n > 4 && !strcmp(path + n - 4, ".yml"))) {
		snprintf(err, errlen, "%s: ixp-lg reads the member directory from members.json, "
		    "which ixp-rsc compile writes into its OUTDIR (the YAML itself is not read)", path);
		return false;
	}
	root = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	members = json_object_get(root, "members");
	if (root == NULL || !json_is_array(members) ||
	    json_integer_value(json_object_get(root, "schema")) != 1) {
		snprintf(err, errlen, "%s: %s", path, root == NULL ? e.text :
		    "not a members.json of schema 1 (written by ixp-rsc compile)");
		json_decref(root);
		return false;
	}
	dir = xcalloc(1, sizeof(*dir));
	dir->v = xcalloc(json_array_size(members) + 1, sizeof(*dir->v));
	dir_text(json_object_get(json_object_get(root, "ixp"), "name"), 200, true, &dir->ixp_name);
	json_array_foreach(members, i, m) {
		if (!dir_member(m, &dir->v[dir->n++])) {
			snprintf(err, errlen, "%s: members[%zu] is not a directory entry", path, i);
			json_decref(root);
			lg_members_free(dir);
			return false;
		}
	}
	json_decref(root);
	*out = dir;
	return true;
}

void
lg_members_free(struct lg_directory *dir)
{
	if (dir == NULL)
		return;
	for (size_t i = 0; i < dir->n; i++) {
		struct lg_member *m = &dir->v[i];
		free(m->name);
		free(m->email);
		free(m->phone);
		for (size_t k = 0; k < m->n_conns; k++) {
			free(m->conns[k].addr[0]);
			free(m->conns[k].addr[1]);
		}
		free(m->conns);
	}
	free(dir->v);
	free(dir->ixp_name);
	free(dir);
}

const struct lg_member *
lg_member_find(const struct lg_directory *dir, uint32_t asn)
{
	for (size_t i = 0; dir != NULL && asn != 0 && i < dir->n; i++)
		if (dir->v[i].asn == asn)
			return &dir->v[i];
	return NULL;
}

uint32_t
lg_session_asn(const char *proto)
{
	unsigned long v;
	char *end;

	if (strncmp(proto, "AS", 2) != 0 || proto[2] < '0' || proto[2] > '9')
		return 0;
	v = strtoul(proto + 2, &end, 10);
	if (*end != '_' || v == 0 || v > UINT32_MAX)
		return 0;
	return (uint32_t)v;
}

/* {"ipv4": n, "ipv6": n} */
static bool
ready_pair(json_t *o, size_t *v)
{
	json_t *a = json_object_get(o, "ipv4"), *b = json_object_get(o, "ipv6");

	if (!json_is_integer(a) || !json_is_integer(b) || json_integer_value(a) < 0 ||
	    json_integer_value(b) < 0)
		return false;
	v[0] = (size_t)json_integer_value(a);
	v[1] = (size_t)json_integer_value(b);
	return true;
}

static bool
ready_member(json_t *o, struct lg_ready *r)
{
	json_t *advice = json_object_get(o, "advice"), *stale =
	    json_object_get(o, "route_objects_rpki_invalid"), *v;
	size_t i;

	if (!ready_pair(json_object_get(o, "route_objects"), r->f.route_objects) ||
	    !ready_pair(json_object_get(o, "route_objects_with_roa"), r->f.with_roa) ||
	    !json_is_integer(stale) || json_integer_value(stale) < 0 || !json_is_array(advice) ||
	    !dir_text(json_object_get(o, "rpki_invalid_example"), 100, true, &r->stale_example) ||
	    !dir_text(json_object_get(o, "as_set"), 200, true, &r->as_set))
		return false;
	r->f.stale = (size_t)json_integer_value(stale);
	r->f.stale_example = r->stale_example;
	r->f.connected = json_is_true(json_object_get(o, "connected"));
	r->advice = xcalloc(json_array_size(advice) + 1, sizeof(char *));
	json_array_foreach(advice, i, v)
		if (!dir_text(v, 1000, false, &r->advice[r->n_advice++]))
			return false;
	r->f.advice = (const char *const *)r->advice;
	r->f.n_advice = r->n_advice;
	return true;
}

enum lg_ready_status
lg_ready_load(const char *path, uint32_t asn, struct lg_ready *out, char *err, size_t errlen)
{
	json_error_t e;
	json_t *root, *members, *m;
	size_t len, i;
	long age;
	char *data;
	enum lg_ready_status st = LG_READY_NONE;

	memset(out, 0, sizeof(*out));
	if ((data = file_read(path, 64u << 20, true, &len, &age)) == NULL)
		return LG_READY_NONE;
	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &e);
	free(data);
	members = json_object_get(root, "members");
	if (root == NULL || !json_is_array(members)) {
		snprintf(err, errlen, "%s: %s", path, root == NULL ? e.text :
		    "not a readiness.json (written by ixp-rsc compile)");
		json_decref(root);
		return LG_READY_BAD;
	}
	json_array_foreach(members, i, m) {
		json_t *a = json_object_get(m, "asn");
		if (!json_is_integer(a) || json_integer_value(a) != (json_int_t)asn)
			continue;
		st = LG_READY_OK;
		if (!ready_member(m, out)) {
			snprintf(err, errlen, "%s: members[%zu] is not a readiness entry", path, i);
			lg_ready_free(out);
			st = LG_READY_BAD;
		}
		break;
	}
	json_decref(root);
	return st;
}

void
lg_ready_free(struct lg_ready *r)
{
	for (size_t i = 0; i < r->n_advice; i++)
		free(r->advice[i]);
	free(r->advice);
	free(r->stale_example);
	free(r->as_set);
	memset(r, 0, sizeof(*r));
}

static int
wildcards(uint8_t any)
{
	return (any & 1) + ((any >> 1) & 1) + ((any >> 2) & 1);
}

bool
lg_community_meaning(const struct lg_reasons *r, const struct lg_directory *dir,
    uint32_t rs_asn, bool large, const uint32_t *v, struct buf *out)
{
	const struct lg_comm_name *best = NULL;
	const char *wk;

	if (r->rs_asn != 0)
		rs_asn = r->rs_asn;
	if (large && v[0] == rs_asn && v[1] == r->reject_lc) {
		buf_printf(out, "filtered, reason %u: %s", v[2],
		    lg_reason_text(r, v[2] <= 65535 ? (int)v[2] : -1, NULL));
		return true;
	}
	if (large && v[0] == rs_asn && v[1] == LC_WARN) {
		buf_printf(out, "accepted by policy despite reason %u: %s", v[2],
		    lg_reason_text(r, v[2] <= 65535 ? (int)v[2] : -1, NULL));
		return true;
	}
	if (large && v[0] == rs_asn && v[1] == LC_EUROIX_REJECT) {
		buf_printf(out, "filtered, Euro-IX reason %u", v[2]);
		return true;
	}
	if (large && v[0] == rs_asn && v[1] == r->rpki_lc && v[2] >= 1 && v[2] <= 4) {
		buf_printf(out, "RPKI %s", rpki_tag_name((int)v[2]));
		return true;
	}
	/* The most specific pattern: RS:0:0 is "announce to nobody", not
	 * RS:0:{peer} for a peer 0. */
	for (size_t i = 0; i < r->n_names; i++)
		if (community_pat_match(&r->names[i].p, large, v) &&
		    (best == NULL || wildcards(r->names[i].p.any) < wildcards(best->p.any)))
			best = &r->names[i];
	if (best != NULL) {
		buf_puts(out, best->meaning);
		if (best->p.peer >= 0) {
			uint32_t peer = v[best->p.peer];
			const struct lg_member *m = lg_member_find(dir, peer);
			buf_printf(out, ": AS%u%s%s", peer, m ? " " : "", m ? m->name : "");
		}
		return true;
	}
	if (!large && (wk = community_well_known(v[0], v[1])) != NULL) {
		buf_puts(out, wk);
		return true;
	}
	return false;
}
