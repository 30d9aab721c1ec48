/*
 * bench/churn: the routes and the routine data change of the RTR benchmark
 * (bench/rtr.sh), from the synthetic IXP of bench/gen and the config that
 * ixp-rsc compiled from it. Deterministic for a given seed.
 *
 *   churn DATA CONF MEMBERS ROUTES FEEDERS SEED OUT
 *
 * DATA holds irr.db and vrps.json (bench/gen's); CONF is a route-server
 * config compiled from DATA (it gives each member's sessions and ASN cone).
 * The first MEMBERS members announce about ROUTES routes in all, through
 * FEEDERS BIRDs (several sessions each): route objects of their cone with
 * the registered origin (accepted, or 14 where a VRP of another origin
 * covers them) and, for one in four, an unregistered more-specific (12).
 * Each is tagged (0, RS): announced to nobody, so that the route server
 * does not send 400 sessions every accepted route (a verdict change costs
 * the same export work on either path; the re-evaluation is what differs).
 *
 * The change: 1% of the route objects (half of them removed, uniformly
 * over the whole dump; up to as many added, half of them for announced
 * more-specifics that had none) and 0.5% of the VRPs (the origin of each
 * moved by one: a valid route becomes invalid, an invalid one valid).
 *
 * Then the AS-SET change: the second member's set gains an ASN whose route
 * objects it announces (filtered with 9 until then).
 *
 * OUT gets feedK.conf and feedK.addrs (K < FEEDERS), irr.db and vrps.json
 * (the changed data), expect.pre, expect.post and expect.asset ("PROTOCOL
 * imported filtered" for every fed channel of the route server: now, after
 * the change, after the AS-SET change), flips ("PROTOCOL PREFIX
 * accepted|filtered": every route whose verdict the change turns), routes
 * (every announced route, "PROTOCOL PREFIX ORIGIN" and its three verdicts,
 * for a run that does not converge) and summary (shell assignments).
 *
 * A route is accepted when a route object of its prefix and origin exists
 * and no VRP makes it invalid (the bench IXP's other checks pass for every
 * announced route); bench/rtr.sh compares the route server's counters with
 * expect.post, so a disagreement shows as a run that never converges.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"
#include "rng.h"

struct obj {			/* a route object, or a VRP (len..maxlen, asn) */
	u128		 a;
	uint32_t	 asn;
	uint8_t		 af, len, maxlen, gone;
};

struct vec {
	struct obj	*v;
	size_t		 n, cap;
};

struct session {
	char		 proto[64];
	char		 addr[ADDR_STRLEN];
	uint32_t	 asn;
	int		 af;
	size_t		 cone;	/* index into cones */
	long		 pre_acc, pre_flt, post_acc, post_flt, asset_acc, asset_flt;
};

struct cone {
	uint32_t	 asn;
	char		 set[64];	/* the AS-SET it expands */
	uint32_t	*lo, *hi;	/* ranges */
	size_t		 n;
};

struct route {
	struct prefix	 p;
	uint32_t	 origin;
	size_t		 sess;
	uint8_t		 pre, post, asset;	/* 1 accepted: now, after the change,
					 * after the AS-SET change */
	uint8_t		 outside;	/* origin outside the cone until the
					 * AS-SET change */
};

static uint64_t rng_state;

static uint64_t
rng(void)
{
	return xorshift64s(&rng_state);
}

static void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (q == NULL) {
		fprintf(stderr, "churn: out of memory\n");
		exit(1);
	}
	return q;
}

static struct obj *
vec_add(struct vec *v)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 1024;
		v->v = xrealloc(v->v, v->cap * sizeof(*v->v));
	}
	memset(&v->v[v->n], 0, sizeof(v->v[0]));
	return &v->v[v->n++];
}

static FILE *
open_at(const char *dir, const char *name, const char *mode)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, mode)) == NULL) {
		fprintf(stderr, "churn: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	return f;
}

static struct prefix
pfx(const char *s)
{
	struct prefix p;

	if (prefix_parse(s, strlen(s), &p) != ADDR_OK) {
		fprintf(stderr, "churn: bad prefix %s\n", s);
		exit(1);
	}
	return p;
}

/* Order: family, address, length, origin. */
static int
obj_cmp(const void *x, const void *y)
{
	const struct obj *a = x, *b = y;
	int c = prefix_cmp_fields(a->af, a->a, a->len, b->af, b->a, b->len);

	if (c != 0)
		return c;
	return a->asn < b->asn ? -1 : a->asn > b->asn;
}

static int
obj_origin_cmp(const void *x, const void *y)
{
	const struct obj *a = x, *b = y;

	if (a->asn != b->asn)
		return a->asn < b->asn ? -1 : 1;
	return obj_cmp(x, y);
}

/* The first element of sorted v not below key (obj_cmp, asn ignored when
 * any_asn). */
static size_t
lower(const struct vec *v, const struct obj *key, int any_asn)
{
	size_t lo = 0, hi = v->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		struct obj k = *key;

		if (any_asn)
			k.asn = 0;
		if (obj_cmp(&v->v[mid], &k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
route_cmp(const void *x, const void *y)
{
	return prefix_cmp(&((const struct route *)x)->p, &((const struct route *)y)->p);
}

static int
has_object(const struct vec *objs, const struct prefix *p, uint32_t origin)
{
	struct obj k = { .a = p->a, .af = p->af, .len = p->len, .asn = origin };
	size_t i = lower(objs, &k, 0);

	for (; i < objs->n && obj_cmp(&objs->v[i], &k) == 0; i++)
		if (!objs->v[i].gone)
			return 1;
	return 0;
}

/* RFC 6811 over the VRPs: 1 when some VRP covers p and none matches. */
static int
rpki_invalid(const struct vec *vrps, const struct prefix *p, uint32_t origin)
{
	int covered = 0;

	for (unsigned l = 0; l <= p->len; l++) {
		struct obj k = { .a = p->a & mask128(l), .af = p->af, .len = (uint8_t)l };

		for (size_t i = lower(vrps, &k, 1); i < vrps->n; i++) {
			const struct obj *v = &vrps->v[i];

			if (v->af != k.af || v->a != k.a || v->len != k.len)
				break;
			covered = 1;
			if (v->asn == origin && v->asn != 0 && v->maxlen >= p->len)
				return 0;
		}
	}
	return covered;
}

static void
load_irr(const char *dir, struct vec *objs)
{
	FILE *f = open_at(dir, "irr.db", "r");
	char line[4096];
	struct obj *cur = NULL;

	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "route: ", 7) == 0 || strncmp(line, "route6: ", 8) == 0) {
			struct prefix p = pfx(strchr(line, ' ') + 1);

			cur = vec_add(objs);
			cur->a = p.a;
			cur->af = p.af;
			cur->len = cur->maxlen = p.len;
		} else if (cur != NULL && strncmp(line, "origin: AS", 10) == 0) {
			cur->asn = (uint32_t)strtoul(line + 10, NULL, 10);
			cur = NULL;
		}
	}
	fclose(f);
}

static void
load_vrps(const char *dir, struct vec *vrps)
{
	FILE *f = open_at(dir, "vrps.json", "r");
	char line[4096], p[ADDR_STRLEN];
	unsigned long asn;
	unsigned ml;

	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "{\"asn\":%lu,\"prefix\":\"%63[^\"]\",\"maxLength\":%u", &asn, p,
		    &ml) == 3) {
			struct prefix x = pfx(p);
			struct obj *v = vec_add(vrps);

			v->a = x.a;
			v->af = x.af;
			v->len = x.len;
			v->maxlen = (uint8_t)ml;
			v->asn = (uint32_t)asn;
		}
	}
	fclose(f);
}

/* Sessions and cones from the compiled config. */
static void
load_conf(const char *path, struct session **ss, size_t *nss, struct cone **cs, size_t *ncs)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	struct cone *c = NULL;
	struct session *s = NULL;
	char set[64] = "";

	if (f == NULL) {
		fprintf(stderr, "churn: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	while (fgets(line, sizeof(line), f)) {
		unsigned long a, b;
		char name[64], via[16], addr[ADDR_STRLEN];

		if (sscanf(line, "# AS-SET: %63[^;];", name) == 1) {
			snprintf(set, sizeof(set), "%s", name);
		} else if (sscanf(line, "define AS%lu_ASNS = [", &a) == 1) {
			*cs = xrealloc(*cs, (*ncs + 1) * sizeof(**cs));
			c = &(*cs)[(*ncs)++];
			memset(c, 0, sizeof(*c));
			c->asn = (uint32_t)a;
			snprintf(c->set, sizeof(c->set), "%s", set);
		} else if (c != NULL && line[0] == ']') {
			c = NULL;
		} else if (c != NULL) {
			int k = sscanf(line, " %lu..%lu", &a, &b);

			if (k < 1)
				continue;
			c->lo = xrealloc(c->lo, (c->n + 1) * sizeof(*c->lo));
			c->hi = xrealloc(c->hi, (c->n + 1) * sizeof(*c->hi));
			c->lo[c->n] = (uint32_t)a;
			c->hi[c->n++] = (uint32_t)(k == 2 ? b : a);
		} else if (sscanf(line, "protocol bgp %63s from rs_client%15s {", name, via) == 2) {
			*ss = xrealloc(*ss, (*nss + 1) * sizeof(**ss));
			s = &(*ss)[(*nss)++];
			memset(s, 0, sizeof(*s));
			snprintf(s->proto, sizeof(s->proto), "%s", name);
			s->af = via[0] == '6' ? AF6 : AF4;
		} else if (s != NULL && sscanf(line, " neighbor %63s as %lu;", addr, &a) == 2) {
			snprintf(s->addr, sizeof(s->addr), "%s", addr);
			s->asn = (uint32_t)a;
			s->cone = SIZE_MAX;
			for (size_t i = 0; i < *ncs; i++)
				if ((*cs)[i].asn == s->asn)
					s->cone = i;
			s = NULL;
		}
	}
	fclose(f);
}

/*
 * No IPv4 /31: BIRD 3 (3.1.8, 3.3.2) finds a /31 VALID in a ROA table
 * that holds only the /32 of its first address, for the same origin (and
 * a /127 for a /128); BIRD 2 finds it UNKNOWN, as RFC 6811 says. The
 * route server's prefix-length check keeps such routes out by default.
 */
static int
announceable(int af, unsigned len)
{
	return af != AF4 || len != 31;
}

/* Route objects of family af whose origin lies in cone c (objs sorted by
 * origin), at most cap of them, into out. */
static size_t
cone_objects(const struct vec *by_origin, const struct cone *c, int af, size_t cap,
    size_t *out)
{
	size_t n = 0;

	for (size_t r = 0; r < c->n && n < cap; r++) {
		size_t lo = 0, hi = by_origin->n;

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (by_origin->v[mid].asn < c->lo[r])
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < by_origin->n && by_origin->v[lo].asn <= c->hi[r] && n < cap; lo++)
			if (by_origin->v[lo].af == af && announceable(af, by_origin->v[lo].len))
				out[n++] = lo;
	}
	return n;
}

static int
in_cone(const struct cone *c, uint32_t asn)
{
	for (size_t r = 0; r < c->n; r++)
		if (asn >= c->lo[r] && asn <= c->hi[r])
			return 1;
	return 0;
}

static int
inside_changed(const struct vec *changed, const struct prefix *p)
{
	for (unsigned l = 0; l <= p->len; l++) {
		struct obj k = { .a = p->a & mask128(l), .af = p->af, .len = (uint8_t)l };
		size_t i = lower(changed, &k, 1);

		if (i < changed->n && changed->v[i].af == k.af && changed->v[i].a == k.a &&
		    changed->v[i].len == k.len)
			return 1;
	}
	return 0;
}

static void
put_obj(FILE *f, const struct obj *o)
{
	struct prefix p = { .a = o->a, .af = o->af, .len = o->len };
	char b[ADDR_STRLEN];

	fprintf(f, "%s: %s\norigin: AS%u\nsource: BENCH\n\n", o->af == AF6 ? "route6" : "route",
	    prefix_format(&p, b), o->asn);
}

int
main(int argc, char **argv)
{
	struct vec objs = { 0 }, by_origin = { 0 }, vrps = { 0 }, added = { 0 }, changed = { 0 };
	struct session *ss = NULL;
	struct cone *cs = NULL;
	struct route *rt = NULL;
	size_t nss = 0, ncs = 0, nrt = 0, members, target, feeders, *idx, nvrp_changed = 0;
	size_t nremoved = 0, cap, lo, hi;
	const char *out;
	FILE *f;

	if (argc != 8) {
		fprintf(stderr, "usage: churn DATA CONF MEMBERS ROUTES FEEDERS SEED OUT\n");
		return 2;
	}
	members = strtoul(argv[3], NULL, 10);
	target = strtoul(argv[4], NULL, 10);
	feeders = strtoul(argv[5], NULL, 10);
	rng_state = strtoull(argv[6], NULL, 10) * 0x9e3779b97f4a7c15ull + 7;
	out = argv[7];
	if (members == 0 || feeders == 0) {
		fprintf(stderr, "churn: MEMBERS and FEEDERS must be positive\n");
		return 2;
	}

	load_irr(argv[1], &objs);
	load_vrps(argv[1], &vrps);
	load_conf(argv[2], &ss, &nss, &cs, &ncs);
	by_origin.n = by_origin.cap = objs.n;
	by_origin.v = xrealloc(NULL, objs.n * sizeof(*objs.v));
	memcpy(by_origin.v, objs.v, objs.n * sizeof(*objs.v));
	qsort(by_origin.v, by_origin.n, sizeof(*by_origin.v), obj_origin_cmp);
	qsort(objs.v, objs.n, sizeof(*objs.v), obj_cmp);
	qsort(vrps.v, vrps.n, sizeof(*vrps.v), obj_cmp);

	/* The fed sessions: those of the first MEMBERS member ASNs. */
	size_t nfed = 0, nasn = 0;
	uint32_t last = 0;
	for (size_t i = 0; i < nss; i++) {
		if (ss[i].cone == SIZE_MAX)
			continue;
		if (ss[i].asn != last) {
			if (nasn == members)
				break;
			nasn++;
			last = ss[i].asn;
		}
		ss[nfed++] = ss[i];
	}
	nss = nfed;

	/* The per-session cap that makes ROUTES routes from route objects
	 * (the more-specifics come on top). */
	idx = xrealloc(NULL, objs.n * sizeof(*idx));
	lo = 1, hi = objs.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2, total = 0;

		for (size_t i = 0; i < nss; i++)
			total += cone_objects(&by_origin, &cs[ss[i].cone], ss[i].af, mid, idx);
		if (total >= target)
			hi = mid;
		else
			lo = mid + 1;
	}
	cap = lo;

	/* The routes, and the feeder configs. */
	FILE **fc = xrealloc(NULL, feeders * sizeof(*fc)), **fa = xrealloc(NULL, feeders * sizeof(*fa));
	for (size_t k = 0; k < feeders; k++) {
		char name[32];

		snprintf(name, sizeof(name), "feed%zu.conf", k);
		fc[k] = open_at(out, name, "w");
		snprintf(name, sizeof(name), "feed%zu.addrs", k);
		fa[k] = open_at(out, name, "w");
		fprintf(fc[k], "# bench/churn: feeder %zu of %zu\n"
		    "protocol device { }\n"
		    "template bgp feed {\n\tconnect delay time 1;\n\tconnect retry time 2;\n"
		    "\terror wait time 1, 10;\n}\n", k, feeders);
	}
	/*
	 * The AS-SET change: the second fed member's set gains an ASN whose
	 * route objects that member already announces (filtered, 9, until
	 * then): up to 100 of them per family.
	 */
	size_t asset_sess = SIZE_MAX;
	uint32_t asset_asn = 0;
	for (size_t i = 1; i < nss && asset_sess == SIZE_MAX; i++)
		if (ss[i].asn != ss[0].asn)
			asset_sess = i;
	if (asset_sess == SIZE_MAX) {
		fprintf(stderr, "churn: MEMBERS must be 2 or more\n");
		return 2;
	}
	while (asset_asn == 0) {
		uint32_t a = by_origin.v[rng() % by_origin.n].asn;

		if (!in_cone(&cs[ss[asset_sess].cone], a))
			asset_asn = a;
	}

	struct vec extra = { 0 };	/* announced more-specifics with no object */
	for (size_t i = 0, m = 0; i < nss; i++) {
		struct session *s = &ss[i];
		size_t n = cone_objects(&by_origin, &cs[s->cone], s->af, cap, idx), first = nrt;
		const char *fam = s->af == AF6 ? "ipv6" : "ipv4";
		FILE *c;

		if (i > 0 && ss[i - 1].asn != s->asn)
			m++;
		c = fc[m % feeders];
		for (size_t j = 0; j < n; j++) {
			const struct obj *o = &by_origin.v[idx[j]];
			struct prefix p = { .a = o->a, .af = o->af, .len = o->len };
			int more = j % 4 == 3 && p.len < (p.af == AF6 ? 56 : 32) &&
			    announceable(p.af, p.len + 1);


			for (int pass = 0; pass <= more; pass++) {
				if (pass) {	/* the upper half: not registered, mostly */
					p.len++;
					p.a |= (u128)1 << (128 - p.len);
					if (has_object(&objs, &p, o->asn))
						break;
					struct obj *e = vec_add(&extra);
					e->a = p.a, e->af = p.af, e->len = e->maxlen = p.len;
					e->asn = o->asn;
				}
				if (nrt % 4096 == 0)
					rt = xrealloc(rt, (nrt + 4096) * sizeof(*rt));
				rt[nrt].p = p;
				rt[nrt].origin = o->asn;
				rt[nrt].sess = i;
				rt[nrt].outside = 0;
				nrt++;
			}
		}
		if (s->asn == ss[asset_sess].asn) {
			struct cone one = { .asn = asset_asn, .lo = &asset_asn, .hi = &asset_asn, .n = 1 };

			n = cone_objects(&by_origin, &one, s->af, 100, idx);
			for (size_t j = 0; j < n; j++) {
				const struct obj *o = &by_origin.v[idx[j]];

				if (nrt % 4096 == 0)
					rt = xrealloc(rt, (nrt + 4096) * sizeof(*rt));
				rt[nrt].p = (struct prefix){ .a = o->a, .af = o->af, .len = o->len };
				rt[nrt].origin = o->asn;
				rt[nrt].sess = i;
				rt[nrt].outside = 1;
				nrt++;
			}
		}
		/* One route per prefix and session (a static protocol's rule). */
		qsort(rt + first, nrt - first, sizeof(*rt), route_cmp);
		size_t w = first;
		for (size_t j = first; j < nrt; j++)
			if (j == first || prefix_cmp(&rt[j].p, &rt[w - 1].p) != 0)
				rt[w++] = rt[j];
		nrt = w;
		fprintf(fa[m % feeders], "%s/%s\n", s->addr, s->af == AF6 ? "64" : "16");
		fprintf(c, "\n%s table t_%s;\nprotocol static s_%s {\n\t%s { table t_%s; };\n",
		    fam, s->proto, s->proto, fam, s->proto);
		for (size_t j = first; j < nrt; j++) {
			char b[ADDR_STRLEN];

			if (rt[j].origin == s->asn)
				fprintf(c, "\troute %s blackhole;\n", prefix_format(&rt[j].p, b));
			else
				fprintf(c, "\troute %s blackhole { bgp_path.prepend(%u); };\n",
				    prefix_format(&rt[j].p, b), rt[j].origin);
		}
		fprintf(c, "}\nprotocol bgp f_%s from feed {\n\tlocal %s as %u;\n"
		    "\tneighbor %s as 64500;\n\t%s { table t_%s; import none; export filter {\n"
		    "\t\tbgp_community.add((0, 64500));\n\t\taccept;\n\t}; };\n}\n",
		    s->proto, s->addr, s->asn, s->af == AF6 ? "2001:db8:ffff::1" : "100.64.0.1", fam,
		    s->proto);
	}
	for (size_t k = 0; k < feeders; k++) {
		fclose(fc[k]);
		fclose(fa[k]);
	}
	for (size_t i = 0; i < nrt; i++)
		rt[i].pre = !rt[i].outside && has_object(&objs, &rt[i].p, rt[i].origin) &&
		    !rpki_invalid(&vrps, &rt[i].p, rt[i].origin);

	/* The change. Removed: uniformly over the dump. Added: half for the
	 * announced more-specifics, half more-specifics nobody announces. */
	size_t nchange = objs.n / 200;
	for (size_t i = 0; i < nchange; i++) {
		size_t j = rng() % objs.n;

		if (objs.v[j].gone)
			continue;
		/* Every copy of it: the object is gone from the dump. */
		while (j > 0 && obj_cmp(&objs.v[j - 1], &objs.v[j]) == 0)
			j--;
		*vec_add(&changed) = objs.v[j];
		for (size_t k = j; k < objs.n && obj_cmp(&objs.v[k], &objs.v[j]) == 0; k++)
			objs.v[k].gone = 1;
		nremoved++;
	}
	for (size_t i = 0; i < nchange; i++) {
		struct obj a;

		if (i % 2 == 0 && extra.n > 0) {
			a = extra.v[rng() % extra.n];
		} else {
			a = objs.v[rng() % objs.n];
			if (a.len >= (a.af == AF6 ? 56 : 32))
				continue;
			a.len++;
		}
		struct prefix p = { .a = a.a, .af = a.af, .len = a.len };
		if (has_object(&objs, &p, a.asn))
			continue;
		a.gone = 0;
		*vec_add(&added) = a;
	}
	qsort(added.v, added.n, sizeof(*added.v), obj_cmp);
	size_t w = 0;
	for (size_t i = 0; i < added.n; i++) {
		if (w > 0 && obj_cmp(&added.v[i], &added.v[w - 1]) == 0)
			continue;
		added.v[w++] = added.v[i];
		*vec_add(&changed) = added.v[i];
	}
	added.n = w;
	for (size_t i = 0; i < vrps.n / 200; i++) {
		struct obj *v = &vrps.v[rng() % vrps.n];
		struct prefix p = { .a = v->a, .af = v->af, .len = v->len };

		*vec_add(&changed) = *v;
		/* gen's invalid VRPs carry the object's origin + 1. */
		v->asn = has_object(&objs, &p, v->asn) ? v->asn + 1 : v->asn - 1;
		nvrp_changed++;
	}
	qsort(changed.v, changed.n, sizeof(*changed.v), obj_cmp);
	qsort(vrps.v, vrps.n, sizeof(*vrps.v), obj_cmp);

	/* The changed data. */
	FILE *in = open_at(argv[1], "irr.db", "r"), *o = open_at(out, "irr.db", "w");
	char line[4096];
	int skip = 0;
	while (fgets(line, sizeof(line), in)) {
		if (strncmp(line, "route: ", 7) == 0 || strncmp(line, "route6: ", 8) == 0) {
			char l2[4096];
			struct prefix p;

			if (fgets(l2, sizeof(l2), in) == NULL)
				break;
			line[strcspn(line, "\n")] = '\0';
			p = pfx(strchr(line, ' ') + 1);
			struct obj k = { .a = p.a, .af = p.af, .len = p.len,
			    .asn = (uint32_t)strtoul(l2 + 10, NULL, 10) };
			size_t i = lower(&objs, &k, 0);

			skip = i < objs.n && obj_cmp(&objs.v[i], &k) == 0 && objs.v[i].gone;
			if (!skip)
				fprintf(o, "%s\n%s", line, l2);
			continue;
		}
		if (!skip)
			fputs(line, o);
		if (line[0] == '\n')
			skip = 0;
	}
	fclose(in);
	for (size_t i = 0; i < added.n; i++)
		put_obj(o, &added.v[i]);
	fclose(o);
	o = open_at(out, "vrps.json", "w");
	fprintf(o, "{\"roas\":[\n");
	for (size_t i = 0; i < vrps.n; i++) {
		struct prefix p = { .a = vrps.v[i].a, .af = vrps.v[i].af, .len = vrps.v[i].len };
		char b[ADDR_STRLEN];

		fprintf(o, "%s{\"asn\":%u,\"prefix\":\"%s\",\"maxLength\":%u,\"ta\":\"b\"}",
		    i ? ",\n" : "", vrps.v[i].asn, prefix_format(&p, b), vrps.v[i].maxlen);
	}
	fprintf(o, "\n]}\n");
	fclose(o);

	/* Verdicts after the change, and what it touched. */
	size_t touched = 0, nflips = 0, acc_pre = 0, acc_post = 0, nasset = 0, asset_routes = 0;
	FILE *fl = open_at(out, "flips", "w"), *all = open_at(out, "routes", "w");
	for (size_t i = 0; i < nrt; i++) {
		struct route *r = &rt[i];
		struct session *s = &ss[r->sess];
		char b[ADDR_STRLEN];

		r->asset = (has_object(&objs, &r->p, r->origin) ||
		    has_object(&added, &r->p, r->origin)) && !rpki_invalid(&vrps, &r->p, r->origin);
		r->post = r->asset && !r->outside;
		if (r->asset && r->outside)
			nasset++;
		touched += inside_changed(&changed, &r->p);
		if (r->pre)
			s->pre_acc++, acc_pre++;
		else
			s->pre_flt++;
		if (r->post)
			s->post_acc++, acc_post++;
		else
			s->post_flt++;
		if (r->asset)
			s->asset_acc++;
		else
			s->asset_flt++;
		if (s->asn == ss[asset_sess].asn)
			asset_routes++;
		fprintf(all, "%s %s %u %d %d %d\n", s->proto, prefix_format(&r->p, b), r->origin,
		    r->pre, r->post, r->asset);
		if (r->pre != r->post) {
			nflips++;
			fprintf(fl, "%s %s %s\n", s->proto, prefix_format(&r->p, b),
			    r->post ? "accepted" : "filtered");
		}
	}
	fclose(fl);
	fclose(all);
	FILE *pre = open_at(out, "expect.pre", "w"), *post = open_at(out, "expect.post", "w");
	FILE *as = open_at(out, "expect.asset", "w");
	for (size_t i = 0; i < nss; i++) {
		fprintf(pre, "%s %ld %ld\n", ss[i].proto, ss[i].pre_acc, ss[i].pre_flt);
		fprintf(post, "%s %ld %ld\n", ss[i].proto, ss[i].post_acc, ss[i].post_flt);
		fprintf(as, "%s %ld %ld\n", ss[i].proto, ss[i].asset_acc, ss[i].asset_flt);
	}
	fclose(pre);
	fclose(post);
	fclose(as);
	f = open_at(out, "summary", "w");
	fprintf(f, "sessions=%zu\nfed_members=%zu\nroutes=%zu\naccepted_pre=%zu\n"
	    "accepted_post=%zu\nflips=%zu\ntouched=%zu\nobjects=%zu\nremoved=%zu\nadded=%zu\n"
	    "vrps=%zu\nvrps_changed=%zu\ncap=%zu\nasset_set=%s\nasset_asn=%u\n"
	    "asset_member=%u\nasset_routes=%zu\nasset_flips=%zu\n", nss, nasn, nrt, acc_pre,
	    acc_post, nflips, touched, objs.n, nremoved, added.n, vrps.n, nvrp_changed, cap,
	    cs[ss[asset_sess].cone].set, asset_asn, ss[asset_sess].asn, asset_routes, nasset);
	fclose(f);
	return 0;
}
