#include "irrdb.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "asn.h"
#include "buf.h"
#include "irrname.h"
#include "strutil.h"
#include "xalloc.h"

void
irrdb_init(struct irrdb *db, char *const *sources, size_t n)
{
	memset(db, 0, sizeof(*db));
	if (n > IRR_MAX_SOURCES)
		n = IRR_MAX_SOURCES;
	for (size_t i = 0; i < n; i++)
		db->sources[i] = xstrdup(sources[i]);
	db->n_sources = n;
	db->any_source = n == 0;
}

int
irrdb_source_index(const struct irrdb *db, const char *name)
{
	for (size_t i = 0; i < db->n_sources; i++)
		if (strcasecmp(db->sources[i], name) == 0)
			return (int)i;
	return -1;
}

/* Source of an object: its index, or -1 when not configured. */
static int
source_of(struct irrdb *db, const char *val, size_t len)
{
	const char *tok;
	size_t n = rpsl_first_token(val, len, &tok);
	char name[33];
	int idx;

	if (n == 0 || n >= sizeof(name))
		return -2;
	memcpy(name, tok, n);
	name[n] = '\0';
	str_upper(name);
	idx = irrdb_source_index(db, name);
	if (idx < 0 && db->any_source && db->n_sources < IRR_MAX_SOURCES) {
		db->sources[db->n_sources] = xstrdup(name);
		idx = (int)db->n_sources++;
	}
	return idx;
}

struct tokvec {
	struct arena	*mem;
	const char	**v;
	size_t		 n, cap;
};

static void
tok_collect(const char *s, size_t n, void *ctx)
{
	struct tokvec *tv = ctx;
	char *t;

	if (n > IRRNAME_MAX + 40)
		return;		/* no valid name is that long */
	t = arena_strndup(tv->mem, s, n);
	str_upper(t);
	tv->v = xgrow(tv->v, &tv->cap, tv->n + 1, sizeof(*tv->v));
	tv->v[tv->n++] = t;
}

/* Copy a token vector into the arena. */
static const char **
tok_freeze(struct tokvec *tv, size_t *n)
{
	const char **out = arena_alloc(tv->mem, (tv->n ? tv->n : 1) * sizeof(*out));

	if (tv->n > 0)
		memcpy(out, tv->v, tv->n * sizeof(*out));
	*n = tv->n;
	free(tv->v);
	tv->v = NULL;
	tv->n = tv->cap = 0;
	return out;
}

static const struct rpsl_attr *
attr(const struct rpsl_obj *o, const char *name, size_t *count)
{
	const struct rpsl_attr *first = NULL;
	size_t c = 0;

	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->attrs[i].name, name) == 0) {
			if (first == NULL)
				first = &o->attrs[i];
			c++;
		}
	if (count)
		*count = c;
	return first;
}

static void
collect_all(const struct rpsl_obj *o, const char *name, struct tokvec *tv)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->attrs[i].name, name) == 0)
			rpsl_tokens(o->attrs[i].value, o->attrs[i].value_len, tok_collect, tv);
}

struct load_ctx {
	struct irrdb		*db;
	struct irr_dump_stats	*st;
	const struct progress	*prog;
};

static void
bad_value(struct load_ctx *lc, const struct rpsl_obj *o)
{
	lc->st->bad_value++;
	if (lc->st->first_bad_value_line == 0)
		lc->st->first_bad_value_line = o->line;
}

/*
 * The one token of a single-valued attribute, or 0 when there are more:
 * "198.51.100.0/28,198.51.100.16/28" or "AS64501 AS64502" are not a route
 * object IRRd would accept, and taking the first would be a guess.
 */
static size_t
only_token(const struct rpsl_attr *a, const char **tok)
{
	size_t n = rpsl_first_token(a->value, a->value_len, tok);
	const char *rest = *tok + n, *end = a->value + a->value_len;

	while (rest < end && (*rest == ' ' || *rest == '\t' || *rest == '\n'))
		rest++;
	return rest == end ? n : 0;
}

static void
add_route(struct load_ctx *lc, const struct rpsl_obj *o, int af, int src)
{
	struct irrdb *db = lc->db;
	const struct rpsl_attr *ora;
	const char *tok;
	size_t n, norigin;
	struct prefix p;
	uint32_t origin;

	n = only_token(&o->attrs[0], &tok);
	ora = attr(o, "origin", &norigin);
	if (n == 0 || prefix_parse(tok, n, &p) != ADDR_OK || p.af != af || ora == NULL ||
	    norigin != 1) {
		bad_value(lc, o);
		return;
	}
	n = only_token(ora, &tok);
	if (n == 0 || !asn_parse(tok, n, ASN_PREFIXED | ASN_ASDOT, &origin)) {
		bad_value(lc, o);
		return;
	}
	db->routes = xgrow(db->routes, &db->cap_routes, db->n_routes + 1, sizeof(*db->routes));
	db->routes[db->n_routes++] = (struct irr_route){ p.a, origin, 0, p.len, p.af, (uint16_t)src };
	lc->st->routes[af == AF4 ? 0 : 1]++;
}

/* Insert a set object, keeping same-name objects in source order. */
static void
chain_set(struct irrdb *db, struct irr_set *s)
{
	struct irr_set *head = hmap_get(&db->sets, s->name), **pp;

	for (pp = &head; *pp != NULL && (*pp)->src <= s->src; pp = &(*pp)->next)
		if ((*pp)->src == s->src)
			return;
	s->next = *pp;
	*pp = s;
	hmap_put(&db->sets, head->name, head);
}

static void
add_set(struct load_ctx *lc, const struct rpsl_obj *o, int src)
{
	struct irrdb *db = lc->db;
	struct irrname in;
	const char *why, *tok;
	size_t n = rpsl_first_token(o->attrs[0].value, o->attrs[0].value_len, &tok);
	struct irr_set *s;
	struct tokvec tv = { &db->mem, NULL, 0, 0 };

	if (!irrname_parse(tok, n, &in, &why) || in.kind != IRRNAME_ASSET || in.source[0]) {
		bad_value(lc, o);
		return;
	}
	s = arena_alloc(&db->mem, sizeof(*s));
	memset(s, 0, sizeof(*s));
	s->name = arena_strndup(&db->mem, in.name, strlen(in.name));
	s->src = (uint16_t)src;
	collect_all(o, "members", &tv);
	s->members = tok_freeze(&tv, &s->n_members);
	collect_all(o, "mbrs-by-ref", &tv);
	s->refs = tok_freeze(&tv, &s->n_refs);

	/* Same name in several sources: priority order; a duplicate from the
	 * same source (two dumps of one database) keeps the first. */
	chain_set(db, s);
	lc->st->sets++;
}

static void
add_autnum(struct load_ctx *lc, const struct rpsl_obj *o, int src)
{
	struct irrdb *db = lc->db;
	struct tokvec sets = { &db->mem, NULL, 0, 0 }, mnt = { &db->mem, NULL, 0, 0 };
	const char *tok;
	size_t n = rpsl_first_token(o->attrs[0].value, o->attrs[0].value_len, &tok);
	const char **mnt_by;
	size_t n_mnt;
	uint32_t asn;

	if (!asn_parse(tok, n, ASN_PREFIXED | ASN_ASDOT, &asn)) {
		bad_value(lc, o);
		return;
	}
	lc->st->autnums++;
	collect_all(o, "member-of", &sets);
	if (sets.n == 0) {
		free(sets.v);
		return;
	}
	collect_all(o, "mnt-by", &mnt);
	mnt_by = tok_freeze(&mnt, &n_mnt);
	for (size_t i = 0; i < sets.n; i++) {
		struct irr_claims *cl = hmap_get(&db->claims, sets.v[i]);
		if (cl == NULL) {
			cl = arena_alloc(&db->mem, sizeof(*cl));
			memset(cl, 0, sizeof(*cl));
			hmap_put(&db->claims, sets.v[i], cl);
		}
		cl->v = xgrow(cl->v, &cl->cap, cl->n + 1, sizeof(*cl->v));
		cl->v[cl->n++] = (struct irr_claim){ asn, (uint16_t)src, mnt_by, n_mnt };
	}
	free(sets.v);
}

static int
on_object(const struct rpsl_obj *o, void *ctx)
{
	struct load_ctx *lc = ctx;
	const char *cls = o->attrs[0].name;
	const struct rpsl_attr *sa;
	size_t nsrc;
	int src;

	if (strcmp(cls, "route") && strcmp(cls, "route6") && strcmp(cls, "as-set") &&
	    strcmp(cls, "aut-num")) {
		lc->st->other_class++;
		return 0;
	}
	sa = attr(o, "source", &nsrc);
	if (sa == NULL || nsrc != 1) {
		bad_value(lc, o);
		return 0;
	}
	src = source_of(lc->db, sa->value, sa->value_len);
	if (src == -2) {
		bad_value(lc, o);
		return 0;
	}
	if (src < 0) {
		lc->st->other_source++;
		return 0;
	}
	if (!strcmp(cls, "route"))
		add_route(lc, o, AF4, src);
	else if (!strcmp(cls, "route6"))
		add_route(lc, o, AF6, src);
	else if (!strcmp(cls, "as-set"))
		add_set(lc, o, src);
	else
		add_autnum(lc, o, src);
	return 0;
}

static void
on_progress(uint64_t bytes, void *ctx)
{
	struct load_ctx *lc = ctx;
	char text[512];

	snprintf(text, sizeof(text), "reading %s: %llu MB, %llu routes", lc->st->path,
	    (unsigned long long)(bytes >> 20),
	    (unsigned long long)(lc->st->routes[0] + lc->st->routes[1]));
	lc->prog->fn(lc->prog->ctx, text, false);
}

static struct irr_dump_stats *
new_dump(struct irrdb *db, const char *path)
{
	struct irr_dump_stats *st;

	db->dumps = xrealloc(db->dumps, (db->n_dumps + 1) * sizeof(*db->dumps));
	st = &db->dumps[db->n_dumps++];
	memset(st, 0, sizeof(*st));
	st->path = xstrdup(path);
	return st;
}

int
irrdb_load_dump(struct irrdb *db, const char *path, struct diag *d, const struct progress *prog)
{
	struct load_ctx lc = { db, new_dump(db, path), prog };
	struct srcpos pos = { path, 0, 0 };
	char err[256];
	uint64_t skipped, good;
	int r;

	r = rpsl_read_file(path, NULL, on_object, &lc, prog ? on_progress : NULL,
	    &lc.st->rpsl, err, sizeof(err));
	if (prog != NULL && lc.st->rpsl.bytes >= (16u << 20))
		prog->fn(prog->ctx, NULL, true);
	if (r != 0) {
		diag_error(d, &pos, "check the file, or download the dump again", "%s", err);
		return -1;
	}
	skipped = lc.st->rpsl.skipped[RPSL_SKIP_SYNTAX] + lc.st->rpsl.skipped[RPSL_SKIP_TOO_BIG];
	good = lc.st->routes[0] + lc.st->routes[1] + lc.st->sets + lc.st->autnums +
	    lc.st->other_class + lc.st->other_source;
	/* A garbage, mangled or empty file would make every member's routes
	 * look unregistered: refuse it rather than emit a config that drops
	 * them. */
	if (skipped + lc.st->bad_value + good == 0) {
		diag_error(d, &pos, "check that the download completed", "no RPSL objects in "
		    "%llu bytes: not a usable RPSL dump", (unsigned long long)lc.st->rpsl.bytes);
		return -1;
	}
	if (skipped + lc.st->bad_value > good) {
		diag_error(d, &pos, "check that this is an RPSL dump and that it was "
		    "downloaded completely", "not a usable RPSL dump: %llu of %llu objects "
		    "are malformed", (unsigned long long)(skipped + lc.st->bad_value),
		    (unsigned long long)(skipped + lc.st->bad_value + good));
		return -1;
	}
	if (skipped > 0) {
		pos.line = lc.st->rpsl.first_bad_line;
		diag_warn(d, &pos, NULL, "%llu malformed RPSL objects skipped "
		    "(%llu syntax, %llu too large)", (unsigned long long)skipped,
		    (unsigned long long)lc.st->rpsl.skipped[RPSL_SKIP_SYNTAX],
		    (unsigned long long)lc.st->rpsl.skipped[RPSL_SKIP_TOO_BIG]);
	}
	if (lc.st->bad_value > 0) {
		pos.line = lc.st->first_bad_value_line;
		diag_warn(d, &pos, NULL, "%llu objects with an invalid prefix, origin, "
		    "name or source skipped", (unsigned long long)lc.st->bad_value);
	}
	return 0;
}

void
irrdb_load_mem(struct irrdb *db, const char *data, size_t len)
{
	struct load_ctx lc = { db, new_dump(db, "(memory)"), NULL };
	struct rpsl_reader *r = rpsl_new(on_object, &lc);

	rpsl_feed(r, data, len);
	rpsl_finish(r);
	lc.st->rpsl = *rpsl_stats(r);
	rpsl_free(r);
}

int
irrdb_source_add(struct irrdb *db, const char *name)
{
	int idx = irrdb_source_index(db, name);

	if (idx >= 0 || db->n_sources >= IRR_MAX_SOURCES)
		return idx;
	db->sources[db->n_sources] = xstrdup(name);
	str_upper(db->sources[db->n_sources]);
	return (int)db->n_sources++;
}

void
irrdb_put_set(struct irrdb *db, const char *name, int src, const char *members, size_t len)
{
	struct irr_set *s = arena_alloc(&db->mem, sizeof(*s));
	struct tokvec tv = { &db->mem, NULL, 0, 0 };

	memset(s, 0, sizeof(*s));
	s->name = arena_strndup(&db->mem, name, strlen(name));
	s->src = (uint16_t)src;
	rpsl_tokens(members, len, tok_collect, &tv);
	s->members = tok_freeze(&tv, &s->n_members);
	s->refs = tok_freeze(&tv, &s->n_refs);
	chain_set(db, s);
}

void
irrdb_put_route(struct irrdb *db, const struct prefix *p, uint32_t origin, int src)
{
	db->routes = xgrow(db->routes, &db->cap_routes, db->n_routes + 1, sizeof(*db->routes));
	db->routes[db->n_routes++] = (struct irr_route){ p->a, origin, 0, p->len, p->af, (uint16_t)src };
}

char *
irrdb_to_rpsl(const struct irrdb *db, size_t *len)
{
	struct buf b = BUF_INIT;
	char tmp[ADDR_STRLEN];

	buf_puts(&b, "# ixp-rsc cache of a live IRR source; RPSL, read like a dump.\n\n");
	/* Sources in index order, so reading the file back keeps them. */
	for (size_t src = 0; src < db->n_sources; src++) {
		for (size_t i = 0; i < db->sets.cap; i++) {
			const struct irr_set *s = db->sets.slots[i].key ? db->sets.slots[i].val : NULL;
			for (; s != NULL; s = s->next) {
				if (s->src != src)
					continue;
				buf_printf(&b, "as-set: %s\nmembers:", s->name);
				for (size_t k = 0; k < s->n_members; k++)
					buf_printf(&b, "%s %s", k ? "," : "", s->members[k]);
				buf_printf(&b, "\nsource: %s\n\n", db->sources[src]);
			}
		}
		for (size_t i = 0; i < db->n_routes; i++) {
			const struct irr_route *r = &db->routes[i];
			struct prefix p = { r->a, r->len, r->af };
			if (r->src != src)
				continue;
			buf_printf(&b, "%s: %s\norigin: AS%u\nsource: %s\n\n",
			    r->af == AF4 ? "route" : "route6", prefix_format(&p, tmp), r->origin,
			    db->sources[src]);
		}
	}
	*len = b.len;
	return buf_steal(&b);
}

/* Prefix order, then origin, then source (the best first). */
static int
cmp_route_by_prefix(const void *a, const void *b)
{
	const struct irr_route *x = a, *y = b;
	int c = prefix_cmp_fields(x->af, x->a, x->len, y->af, y->a, y->len);

	if (c != 0)
		return c;
	if (x->origin != y->origin)
		return x->origin < y->origin ? -1 : 1;
	return x->src < y->src ? -1 : x->src > y->src;
}

/*
 * One comparison sort, by prefix; the origin order that irrdb_routes_of
 * searches is then a stable radix sort of that by origin (two passes of
 * 16 bits), so it keeps prefix order within an origin. (Two comparison
 * sorts of 1.5 million route objects were a sixth of a compile.)
 *
 * Prefixes are numbered in prefix order, so that per-prefix facts (RPKI
 * coverage, "already counted for this member") are arrays, not sorts; and
 * by_pfx keeps the routes in that order for emitters that want it.
 */
void
irrdb_finalize(struct irrdb *db)
{
	size_t n = db->n_routes, i, j;
	struct irr_route *v = db->routes, *out;
	uint32_t *ord, *tmp, *cnt;

	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_route_by_prefix);
	/* The same route object in several sources counts once (best source). */
	for (i = 1, j = n ? 1 : 0; i < n; i++) {
		if (v[i].origin == v[j - 1].origin && v[i].af == v[j - 1].af &&
		    v[i].a == v[j - 1].a && v[i].len == v[j - 1].len)
			continue;
		v[j++] = v[i];
	}
	db->n_routes = n = j;

	ord = xcalloc(n + 1, sizeof(*ord));
	tmp = xcalloc(n + 1, sizeof(*tmp));
	cnt = xcalloc(65537, sizeof(*cnt));
	for (i = 0; i < n; i++)
		ord[i] = (uint32_t)i;
	for (int shift = 0; shift < 32; shift += 16) {
		memset(cnt, 0, 65537 * sizeof(*cnt));
		for (i = 0; i < n; i++)
			cnt[((v[ord[i]].origin >> shift) & 0xffff) + 1]++;
		for (i = 1; i < 65537; i++)
			cnt[i] += cnt[i - 1];
		for (i = 0; i < n; i++)
			tmp[cnt[(v[ord[i]].origin >> shift) & 0xffff]++] = ord[i];
		memcpy(ord, tmp, n * sizeof(*ord));
	}
	free(cnt);

	free(db->pfx);
	free(db->by_pfx);
	free(db->pfx_first);
	db->pfx = xcalloc(n + 1, sizeof(*db->pfx));
	db->by_pfx = xcalloc(n + 1, sizeof(*db->by_pfx));
	db->pfx_first = xcalloc(n + 2, sizeof(*db->pfx_first));
	db->n_pfx = 0;
	out = xcalloc(n + 1, sizeof(*out));
	/* tmp: prefix-order index -> origin-order index. */
	for (i = 0; i < n; i++) {
		out[i] = v[ord[i]];
		tmp[ord[i]] = (uint32_t)i;
	}
	for (i = 0; i < n; i++) {
		if (i == 0 || v[i].af != v[i - 1].af || v[i].a != v[i - 1].a ||
		    v[i].len != v[i - 1].len) {
			db->pfx_first[db->n_pfx] = (uint32_t)i;
			db->pfx[db->n_pfx++] = (struct prefix){ v[i].a, v[i].len, v[i].af };
		}
		out[tmp[i]].pid = (uint32_t)(db->n_pfx - 1);
		db->by_pfx[i] = tmp[i];
	}
	db->pfx_first[db->n_pfx] = (uint32_t)n;
	free(ord);
	free(tmp);
	free(db->routes);
	db->routes = out;
	db->cap_routes = n + 1;
	db->finalized = true;
}

const struct irr_route *
irrdb_routes_of(const struct irrdb *db, uint32_t asn, int af, size_t *n)
{
	size_t lo = 0, hi = db->n_routes, first, last;

	*n = 0;
	if (db->n_routes == 0)
		return NULL;
	/* Lower bound of (asn, af). */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct irr_route *r = &db->routes[mid];
		if (r->origin < asn || (r->origin == asn && af && r->af < af))
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	for (last = first; last < db->n_routes && db->routes[last].origin == asn &&
	    (af == 0 || db->routes[last].af == af); last++)
		;
	*n = last - first;
	return db->routes + first;
}

const struct irr_set *
irrdb_set(const struct irrdb *db, const char *name, const char *source)
{
	const struct irr_set *s = hmap_get(&db->sets, name);
	int idx;

	if (source == NULL || source[0] == '\0')
		return s;
	idx = irrdb_source_index(db, source);
	for (; s != NULL; s = s->next)
		if ((int)s->src == idx)
			return s;
	return NULL;
}

const struct irr_claims *
irrdb_claims(const struct irrdb *db, const char *set)
{
	return hmap_get(&db->claims, set);
}

void
irrdb_free(struct irrdb *db)
{
	for (size_t i = 0; i < db->n_sources; i++)
		free(db->sources[i]);
	free(db->routes);
	free(db->pfx);
	free(db->by_pfx);
	free(db->pfx_first);
	for (size_t i = 0; i < db->claims.cap; i++)
		if (db->claims.slots[i].key != NULL)
			free(((struct irr_claims *)db->claims.slots[i].val)->v);
	hmap_free(&db->sets);
	hmap_free(&db->claims);
	arena_free(&db->mem);
	for (size_t i = 0; i < db->n_dumps; i++)
		free(db->dumps[i].path);
	free(db->dumps);
	memset(db, 0, sizeof(*db));
}
