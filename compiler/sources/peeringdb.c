#include "peeringdb.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "asn.h"
#include "buf.h"
#include "config.h"
#include "irrname.h"
#include "jstream.h"
#include "strutil.h"
#include "xalloc.h"

/* Source names that "NAME:AS-FOO" and "AS-FOO@NAME" may carry. */
static const char *const known_sources[] = {
	"RIPE", "RIPE-NONAUTH", "ARIN", "ARIN-NONAUTH", "APNIC", "AFRINIC", "LACNIC",
	"RADB", "ALTDB", "NTTCOM", "LEVEL3", "BBOI", "BELL", "JPIRR", "TC", "IDNIC",
	"REACH", "WCGDB", "CANARIE", "BCNET", "NESTEGG", "PANIX", "RPKI",
};

static bool
known_source(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(known_sources) / sizeof(*known_sources); i++)
		if (strlen(known_sources[i]) == n && strncasecmp(known_sources[i], s, n) == 0)
			return true;
	return false;
}

static int
cmp_net(const void *a, const void *b)
{
	const struct pdb_net *x = a, *y = b;

	return x->asn < y->asn ? -1 : x->asn > y->asn;
}

struct pdb_load {
	struct pdb	*p;
	size_t		 cap, cap_never;
};

static void
add_never(struct pdb_load *l, uint32_t asn)
{
	struct pdb *p = l->p;

	p->never_via_rs = xgrow(p->never_via_rs, &l->cap_never, p->n_never + 1, sizeof(uint32_t));
	p->never_via_rs[p->n_never++] = asn;
}

static uint32_t
prefix_count(const json_t *v)
{
	json_int_t n = json_is_integer(v) ? json_integer_value(v) : 0;

	return n <= 0 ? 0 : n < 100000000 ? (uint32_t)n : 100000000;
}

static void
on_net(json_t *v, void *ctx)
{
	struct pdb_load *l = ctx;
	struct pdb *p = l->p;
	struct pdb_net n;
	json_t *a = json_object_get(v, "asn"), *s = json_object_get(v, "irr_as_set");

	memset(&n, 0, sizeof(n));
	if (!json_is_integer(a) || json_integer_value(a) < 1 ||
	    json_integer_value(a) > (json_int_t)ASN_MAX) {
		p->n_skipped++;
		return;
	}
	n.asn = (uint32_t)json_integer_value(a);
	if (json_is_string(s) && json_string_length(s) > 0 && json_string_length(s) < 512)
		n.irr_as_set = xstrdup(json_string_value(s));
	n.prefixes[0] = prefix_count(json_object_get(v, "info_prefixes4"));
	n.prefixes[1] = prefix_count(json_object_get(v, "info_prefixes6"));
	n.never_via_rs = json_is_true(json_object_get(v, "info_never_via_route_servers"));
	p->v = xgrow(p->v, &l->cap, p->n + 1, sizeof(*p->v));
	p->v[p->n++] = n;
	if (n.never_via_rs)
		add_never(l, n.asn);
}

static void
on_never(json_t *v, void *ctx)
{
	if (json_is_integer(v) && json_integer_value(v) > 0 &&
	    json_integer_value(v) <= (json_int_t)ASN_MAX)
		add_never(ctx, (uint32_t)json_integer_value(v));
}

int
pdb_parse(struct pdb *p, const char *json, size_t len, const char *name, struct diag *d)
{
	struct jstream_array arrays[] = { { "data", on_net, 0 },
	    { "never_via_route_servers", on_never, 0 }, { NULL, NULL, 0 } };
	struct srcpos pos = { name, 0, 0 };
	struct pdb_load l = { p, p->n, p->n_never };
	size_t skipped0 = p->n_skipped;
	json_t *rest;

	rest = jstream_object(json, len, name, arrays, &l, d);
	if (rest == NULL)
		return -1;
	if (arrays[0].count == (size_t)-1) {
		json_t *err = json_object_get(json_object_get(rest, "meta"), "error");
		struct buf b = BUF_INIT;
		if (json_is_string(err))
			str_quote_diag(&b, json_string_value(err), json_string_length(err), 200);
		diag_error(d, &pos, "expected a PeeringDB API answer ({\"data\": [...]})",
		    "not a PeeringDB answer%s%s", b.len ? ": " : "", buf_str(&b));
		buf_free(&b);
		json_decref(rest);
		return -1;
	}
	if (p->n_skipped > skipped0)
		diag_warn(d, &pos, NULL, "%zu PeeringDB records without a valid asn skipped",
		    p->n_skipped - skipped0);
	json_decref(rest);
	return 0;
}

void
pdb_finalize(struct pdb *p)
{
	if (p->n > 1)
		qsort(p->v, p->n, sizeof(*p->v), cmp_net);
	p->n_never = asn_sort_unique(p->never_via_rs, p->n_never);
}

const struct pdb_net *
pdb_find(const struct pdb *p, uint32_t asn)
{
	struct pdb_net key = { .asn = asn };

	return p->n ? bsearch(&key, p->v, p->n, sizeof(*p->v), cmp_net) : NULL;
}

void
pdb_free(struct pdb *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].irr_as_set);
	free(p->v);
	free(p->never_via_rs);
	memset(p, 0, sizeof(*p));
}

char **
pdb_as_sets(const char *text, size_t *n, size_t *n_bad)
{
	char **out = NULL;
	const char *p = text;

	*n = 0;
	*n_bad = 0;
	while (*p) {
		size_t len;
		struct irrname in;
		const char *why, *colon, *at;
		struct buf tok = BUF_INIT;
		char txt[IRRNAME_MAX + 40];

		while (*p && strchr(" \t\r\n,/&;", *p))
			p++;
		len = strcspn(p, " \t\r\n,/&;");
		if (len == 0)
			break;
		buf_add(&tok, p, len);
		p += len;
		/* "ipv4:" / "ipv6:" labels, alone or glued to the name. */
		if (!strncasecmp(tok.p, "ipv4:", 5) || !strncasecmp(tok.p, "ipv6:", 5)) {
			memmove(tok.p, tok.p + 5, tok.len - 4);
			tok.len -= 5;
			if (tok.len == 0) {
				buf_free(&tok);
				continue;
			}
		}
		/* "AS-FOO@RIPE" and "RIPE:AS-FOO" mean RIPE::AS-FOO. */
		at = strchr(tok.p, '@');
		colon = strchr(tok.p, ':');
		if (at != NULL && known_source(at + 1, strlen(at + 1))) {
			struct buf t2 = BUF_INIT;
			buf_printf(&t2, "%s::%.*s", at + 1, (int)(at - tok.p), tok.p);
			buf_free(&tok);
			tok = t2;
		} else if (colon != NULL && colon[1] != ':' && known_source(tok.p, (size_t)(colon - tok.p))) {
			struct buf t2 = BUF_INIT;
			buf_printf(&t2, "%.*s::%s", (int)(colon - tok.p), tok.p, colon + 1);
			buf_free(&tok);
			tok = t2;
		}
		if (!irrname_parse(tok.p, tok.len, &in, &why)) {
			(*n_bad)++;
			buf_free(&tok);
			continue;
		}
		irrname_format(&in, txt, sizeof(txt));
		out = xrealloc(out, (*n + 1) * sizeof(*out));
		out[(*n)++] = xstrdup(txt);
		buf_free(&tok);
	}
	return out;
}

uint32_t
pdb_limit(uint32_t v, uint32_t absolute, uint32_t percent)
{
	uint64_t l = ((uint64_t)v + absolute) * (100 + (uint64_t)percent);

	l = (l + 99) / 100;
	return l > 10000000 ? 10000000 : (uint32_t)l;
}

void
pdb_to_json(const struct pdb *p, struct buf *out)
{
	json_t *root = json_object(), *data = json_array(), *never = json_array();
	char *s;

	for (size_t i = 0; i < p->n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "asn", json_integer(p->v[i].asn));
		json_object_set_new(o, "irr_as_set", p->v[i].irr_as_set ?
		    json_string(p->v[i].irr_as_set) : json_null());
		json_object_set_new(o, "info_prefixes4", json_integer(p->v[i].prefixes[0]));
		json_object_set_new(o, "info_prefixes6", json_integer(p->v[i].prefixes[1]));
		json_object_set_new(o, "info_never_via_route_servers",
		    json_boolean(p->v[i].never_via_rs));
		json_array_append_new(data, o);
	}
	for (size_t i = 0; i < p->n_never; i++)
		json_array_append_new(never, json_integer(p->never_via_rs[i]));
	json_object_set_new(root, "data", data);
	json_object_set_new(root, "never_via_route_servers", never);
	s = json_dumps(root, JSON_COMPACT);
	buf_reset(out);
	buf_puts(out, s ? s : "{}");
	free(s);
	json_decref(root);
}

char **
pdb_member_as_sets(const struct member *m, const struct pdb *p, size_t *n, size_t *n_bad,
    bool *from_pdb)
{
	const struct pdb_net *net = p ? pdb_find(p, m->asn) : NULL;
	char **v;

	*n_bad = 0;
	if (from_pdb)
		*from_pdb = false;
	if (m->n_as_sets > 0) {
		v = xcalloc(m->n_as_sets, sizeof(*v));
		for (size_t i = 0; i < m->n_as_sets; i++)
			v[i] = xstrdup(m->as_sets[i]);
		*n = m->n_as_sets;
		return v;
	}
	if (net != NULL && net->irr_as_set != NULL) {
		v = pdb_as_sets(net->irr_as_set, n, n_bad);
		if (*n > 0) {
			if (from_pdb)
				*from_pdb = true;
			return v;
		}
		free(v);
	}
	*n = 0;
	return NULL;
}
