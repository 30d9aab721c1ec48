#include "vrp.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <jansson.h>

#include "asn.h"
#include "fileio.h"
#include "jstream.h"
#include "xalloc.h"

/* ---- helpers ----------------------------------------------------------- */

static bool
json_asn(const json_t *j, uint32_t *out)
{
	if (json_is_integer(j)) {
		json_int_t v = json_integer_value(j);
		if (v < 0 || v > (json_int_t)ASN_MAX)
			return false;
		*out = (uint32_t)v;
		return true;
	}
	if (json_is_string(j))
		return asn_parse(json_string_value(j), json_string_length(j),
		    ASN_PLAIN | ASN_PREFIXED, out);
	return false;
}

static bool
json_prefix(const json_t *j, struct prefix *out)
{
	return json_is_string(j) &&
	    prefix_parse(json_string_value(j), json_string_length(j), out) == ADDR_OK;
}

/* "2026-01-15T10:00:00Z" (rpki-client buildtime, Routinator generatedTime). */
static int64_t
parse_iso_time(const char *s)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
	if (end == NULL)
		return 0;
	if (*end == '.')
		while (*++end >= '0' && *end <= '9')
			;
	if (*end != 'Z' && strcmp(end, "+00:00") != 0)
		return 0;
	return (int64_t)timegm(&tm);
}

static void
add_vrp(struct vrpset *s, const struct prefix *p, uint32_t asn, unsigned maxlen)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = (struct vrp){ p->a, asn, p->len, (uint8_t)maxlen, p->af };
}

/*
 * Space no ROA can be for: a /0 (it would make every other route of the
 * family invalid), IPv6 outside global unicast (2000::/3), and IPv4 "this
 * network", loopback, multicast and class E. No RIR delegates any of it.
 */
static bool
vrp_usable(const struct prefix *p)
{
	static const struct { u128 a; uint8_t len; } v4[] = {
		{ (u128)0x00000000u << 96, 8 },
		{ (u128)0x7f000000u << 96, 8 },
		{ (u128)0xe0000000u << 96, 3 },
	};
	struct prefix q;

	if (p->len == 0)
		return false;
	if (p->af == AF6)
		return (p->a >> 125) == 1;
	for (size_t i = 0; i < sizeof(v4) / sizeof(*v4); i++) {
		q = (struct prefix){ v4[i].a, v4[i].len, AF4 };
		if (prefix_contains(&q, p))
			return false;
	}
	return true;
}

/* A file of at most `max` bytes, errors through `d`. */
static char *
slurp(const char *path, size_t max, size_t *len, struct diag *d)
{
	struct srcpos pos = { path, 0, 0 };
	long age;
	char *data = file_read(path, max, false, len, &age);

	if (data != NULL)
		return data;
	if (errno == EFBIG)
		diag_error(d, &pos, "check that this is the right file", "larger than %zu MB",
		    max >> 20);
	else if (errno == EISDIR)
		diag_error(d, &pos, NULL, "not a regular file");
	else
		diag_error(d, &pos, NULL, "cannot open: %s", strerror(errno));
	return NULL;
}

/* ---- VRP exports --------------------------------------------------------- */

struct vrp_load {
	struct vrpset	*s;
	time_t		 now;
};

static void
on_aspa(json_t *e, void *ctx)
{
	struct vrpset *s = ((struct vrp_load *)ctx)->s;
	json_t *cust = json_object_get(e, "customer_asid");
	json_t *provs = json_object_get(e, "providers"), *p;
	struct vap vap = { 0, NULL, 0 };
	size_t j;

	if (cust == NULL)
		cust = json_object_get(e, "customer");
	if (!json_asn(cust, &vap.customer) || !json_is_array(provs)) {
		s->n_bad++;
		return;
	}
	vap.providers = xcalloc(json_array_size(provs) + 1, sizeof(uint32_t));
	json_array_foreach(provs, j, p) {
		if (json_asn(p, &vap.providers[vap.n_providers]))
			vap.n_providers++;
	}
	vap.n_providers = asn_sort_unique(vap.providers, vap.n_providers);
	s->aspa = xrealloc(s->aspa, (s->n_aspa + 1) * sizeof(*s->aspa));
	s->aspa[s->n_aspa++] = vap;
}

/* Is the ROA's "ta" (rpki-client, Routinator, rpki.json) an allowed one? */
static bool
ta_allowed(const struct vrpset *s, const json_t *ta)
{
	if (!json_is_string(ta))
		return false;
	for (size_t i = 0; i < s->n_allowed_ta; i++)
		if (!strcasecmp(json_string_value(ta), s->allowed_ta[i]))
			return true;
	return false;
}

static void
on_roa(json_t *e, void *ctx)
{
	struct vrp_load *l = ctx;
	struct vrpset *s = l->s;
	struct prefix p;
	uint32_t asn;
	json_t *ml = json_object_get(e, "maxLength");
	json_t *exp = json_object_get(e, "expires");
	json_int_t maxlen;

	s->n_read++;
	if (!json_asn(json_object_get(e, "asn"), &asn) ||
	    !json_prefix(json_object_get(e, "prefix"), &p)) {
		s->n_bad++;
		return;
	}
	maxlen = ml == NULL ? p.len : json_is_integer(ml) ? json_integer_value(ml) : -1;
	if (maxlen < p.len || maxlen > (json_int_t)af_maxlen(p.af)) {
		s->n_bad++;
		return;
	}
	if (exp != NULL && json_is_integer(exp) && json_integer_value(exp) < l->now) {
		s->n_expired++;
		return;
	}
	if (!vrp_usable(&p)) {
		s->n_unusable++;
		return;
	}
	if (s->n_allowed_ta > 0 && !ta_allowed(s, json_object_get(e, "ta"))) {
		s->n_other_ta++;
		return;
	}
	add_vrp(s, &p, asn, (unsigned)maxlen);
}

int
vrp_load_mem(struct vrpset *s, const char *data, size_t len, const char *name,
    time_t now, unsigned max_age, struct diag *d)
{
	struct jstream_array arrays[] = { { "roas", on_roa, 0 }, { "aspas", on_aspa, 0 },
	    { NULL, NULL, 0 } };
	struct srcpos pos = { name, 0, 0 };
	struct vrp_load l = { s, now };
	size_t bad0 = s->n_bad, unusable0 = s->n_unusable, n0 = s->n, aspa0 = s->n_aspa;
	size_t n_roas;
	json_t *root, *meta, *t;

	root = jstream_object(data, len, name, arrays, &l, d);
	if (root == NULL)
		goto fail;
	n_roas = arrays[0].count;
	if (n_roas == (size_t)-1) {
		diag_error(d, &pos, "expected rpki-client, Routinator or rpki.json "
		    "output with a \"roas\" list", "not a VRP export: no \"roas\" array");
		goto fail;
	}
	meta = json_object_get(root, "metadata");
	if ((t = json_object_get(meta, "buildtime")) != NULL && json_is_string(t))
		s->buildtime = parse_iso_time(json_string_value(t));
	else if ((t = json_object_get(meta, "generated")) != NULL && json_is_integer(t))
		s->buildtime = json_integer_value(t);
	else if ((t = json_object_get(meta, "generatedTime")) != NULL && json_is_string(t))
		s->buildtime = parse_iso_time(json_string_value(t));

	/* A time from the future would never become stale: a validator with a
	 * broken clock, or a replayed file someone edited. */
	if (s->buildtime < 0 || s->buildtime > (int64_t)now + VRP_CLOCK_SKEW) {
		diag_error(d, &pos, "check the validator's clock and output", "the VRP export's "
		    "build time (%lld) is %s", (long long)s->buildtime, s->buildtime < 0 ?
		    "before 1970" : "in the future");
		goto fail;
	}
	if (max_age > 0 && s->buildtime > 0 && now - s->buildtime > (int64_t)max_age) {
		diag_error(d, &pos, "check that the validator is running, or raise "
		    "sources.rpki.max_age", "VRP export is %lld hours old (limit %u hours)",
		    (long long)((now - s->buildtime) / 3600), max_age / 3600);
		goto fail;
	}
	if (max_age > 0 && s->buildtime == 0)
		diag_warn(d, &pos, NULL, "the VRP export has no build time; its age "
		    "cannot be checked");
	/* Mostly broken entries mean a broken export, not a few bad ROAs. */
	if (s->n_bad - bad0 > n_roas / 2) {
		diag_error(d, &pos, "check the validator's output", "not a usable VRP "
		    "export: %zu of %zu entries are malformed", s->n_bad - bad0, n_roas);
		goto fail;
	}
	if (s->n_bad > bad0)
		diag_warn(d, &pos, NULL, "%zu malformed VRP or ASPA entries skipped "
		    "(bad ASN, prefix or maxLength)", s->n_bad - bad0);
	if (s->n_unusable > unusable0)
		diag_warn(d, &pos, "check the validator's trust anchors and SLURM", "%zu VRPs "
		    "for a /0 or for non-unicast space skipped", s->n_unusable - unusable0);
	s->n_export += s->n - n0;
	json_decref(root);
	return 0;
fail:
	/* Nothing of a rejected file stays in the set. */
	s->n = n0;
	while (s->n_aspa > aspa0)
		free(s->aspa[--s->n_aspa].providers);
	json_decref(root);
	return -1;
}

int
vrp_load_file(struct vrpset *s, const char *path, time_t now, unsigned max_age,
    struct diag *d)
{
	size_t len;
	char *data = slurp(path, VRP_MAX_FILE, &len, d);
	int r;

	if (data == NULL)
		return -1;
	r = vrp_load_mem(s, data, len, path, now, max_age, d);
	free(data);
	return r;
}

/* ---- SLURM (RFC 8416) ---------------------------------------------------- */

struct pfilter {
	bool		 has_prefix, has_asn;
	struct prefix	 p;
	uint32_t	 asn;
};

static bool
slurm_member_ok(const json_t *obj, const char *const *allowed, const char *what,
    const char *name, struct diag *d)
{
	const char *key;
	json_t *v;
	struct srcpos pos = { name, 0, 0 };

	json_object_foreach((json_t *)obj, key, v) {
		size_t i;
		for (i = 0; allowed[i] != NULL; i++)
			if (!strcmp(key, allowed[i]))
				break;
		if (allowed[i] == NULL) {
			diag_error(d, &pos, "RFC 8416 allows only the documented members",
			    "SLURM %s: unknown member \"%s\"", what, key);
			return false;
		}
	}
	return true;
}

/* ASN-only filters first (by ASN), then prefix filters (by prefix, ASN). */
static int
cmp_pfilter(const void *a, const void *b)
{
	const struct pfilter *x = a, *y = b;
	int c;

	if (x->has_prefix != y->has_prefix)
		return x->has_prefix ? 1 : -1;
	if (x->has_prefix && (c = prefix_cmp(&x->p, &y->p)) != 0)
		return c;
	if (x->has_asn != y->has_asn)
		return x->has_asn ? 1 : -1;
	return x->asn < y->asn ? -1 : x->asn > y->asn;
}

/* First filter >= key in the sort order, or n. */
static size_t
pfilter_lower(const struct pfilter *fv, size_t n, const struct pfilter *key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_pfilter(&fv[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Does a filter match the VRP: its ASN alone, or a prefix containing the
 * VRP's (with no ASN, or the VRP's)? One lookup per covering length.
 */
static bool
slurm_drops(const struct pfilter *fv, size_t n, const struct vrp *v)
{
	struct pfilter key = { false, true, { 0, 0, 0 }, v->asn };
	size_t k = pfilter_lower(fv, n, &key);

	if (k < n && !fv[k].has_prefix && fv[k].asn == v->asn)
		return true;
	for (unsigned len = 0; len <= v->len; len++) {
		/* The prefix alone, then the prefix with the VRP's ASN. */
		key = (struct pfilter){ true, false, { v->a & mask128(len), (uint8_t)len, v->af }, 0 };
		k = pfilter_lower(fv, n, &key);
		if (k < n && cmp_pfilter(&fv[k], &key) == 0)
			return true;
		key.has_asn = true;
		key.asn = v->asn;
		k = pfilter_lower(fv, n, &key);
		if (k < n && cmp_pfilter(&fv[k], &key) == 0)
			return true;
	}
	return false;
}

int
vrp_apply_slurm_mem(struct vrpset *s, const char *data, size_t len,
    const char *name, struct diag *d)
{
	static const char *const top_keys[] = { "slurmVersion",
	    "validationOutputFilters", "locallyAddedAssertions", NULL };
	static const char *const filt_keys[] = { "prefixFilters", "bgpsecFilters", NULL };
	static const char *const asrt_keys[] = { "prefixAssertions", "bgpsecAssertions",
	    NULL };
	static const char *const pf_keys[] = { "prefix", "asn", "comment", NULL };
	static const char *const pa_keys[] = { "prefix", "asn", "maxPrefixLength",
	    "comment", NULL };
	struct srcpos pos = { name, 0, 0 };
	json_t *root, *ver, *filters, *asserts, *pf, *pa, *e;
	struct pfilter *fv = NULL;
	size_t nf = 0, i, j, n_before = s->n;
	unsigned errors0 = d->errors;

	root = jstream_load(data, len, name, d);
	if (root == NULL)
		return -1;
	ver = json_object_get(root, "slurmVersion");
	filters = json_object_get(root, "validationOutputFilters");
	asserts = json_object_get(root, "locallyAddedAssertions");
	if (json_is_integer(ver) && json_integer_value(ver) == 2) {
		diag_error(d, &pos, "ixp-rsc applies RFC 8416 (slurmVersion 1); keep ASPA "
		    "exceptions in the RPKI validator", "SLURM version 2 (ASPA) is not "
		    "supported");
		json_decref(root);
		return -1;
	}
	if (!json_is_object(root) || !json_is_integer(ver) || json_integer_value(ver) != 1 ||
	    !json_is_object(filters) || !json_is_object(asserts)) {
		diag_error(d, &pos, "a SLURM file has slurmVersion 1, "
		    "validationOutputFilters and locallyAddedAssertions",
		    "not an RFC 8416 SLURM file");
		json_decref(root);
		return -1;
	}
	if (!slurm_member_ok(root, top_keys, "file", name, d) ||
	    !slurm_member_ok(filters, filt_keys, "validationOutputFilters", name, d) ||
	    !slurm_member_ok(asserts, asrt_keys, "locallyAddedAssertions", name, d)) {
		json_decref(root);
		return -1;
	}

	pf = json_object_get(filters, "prefixFilters");
	json_array_foreach(pf, i, e) {
		struct pfilter f = { false, false, { 0, 0, 0 }, 0 };
		json_t *jp = json_object_get(e, "prefix"), *ja = json_object_get(e, "asn");
		if (!json_is_object(e) || !slurm_member_ok(e, pf_keys, "prefixFilter", name, d))
			continue;
		if (jp != NULL && !(f.has_prefix = json_prefix(jp, &f.p)))
			diag_error(d, &pos, NULL, "SLURM prefixFilters[%zu]: invalid prefix", i);
		if (ja != NULL && !(f.has_asn = json_is_integer(ja) && json_asn(ja, &f.asn)))
			diag_error(d, &pos, NULL, "SLURM prefixFilters[%zu]: invalid asn", i);
		if (jp == NULL && ja == NULL)
			diag_error(d, &pos, NULL, "SLURM prefixFilters[%zu]: needs a prefix, "
			    "an asn or both", i);
		if (f.has_prefix || f.has_asn) {
			fv = xrealloc(fv, (nf + 1) * sizeof(*fv));
			fv[nf++] = f;
		}
	}
	if (d->errors != errors0) {
		free(fv);
		json_decref(root);
		return -1;
	}
	/* Filters first, then assertions (RFC 8416 section 4). Sorted, so a
	 * VRP is matched by lookups, not against every filter in turn. */
	if (nf > 1)
		qsort(fv, nf, sizeof(*fv), cmp_pfilter);
	for (i = 0, j = 0; i < s->n; i++) {
		if (slurm_drops(fv, nf, &s->v[i]))
			s->n_slurm_filtered++;
		else
			s->v[j++] = s->v[i];
	}
	s->n = j;
	free(fv);
	if (n_before > 0 && s->n == 0)
		diag_warn(d, &pos, "check the prefixFilters: a 0.0.0.0/0 or ::/0 entry "
		    "removes a whole family", "SLURM filters removed every one of the "
		    "%zu VRPs", n_before);

	pa = json_object_get(asserts, "prefixAssertions");
	json_array_foreach(pa, i, e) {
		struct prefix p;
		uint32_t asn;
		json_t *ml = json_object_get(e, "maxPrefixLength");
		json_int_t maxlen;
		if (!json_is_object(e) || !slurm_member_ok(e, pa_keys, "prefixAssertion", name, d))
			continue;
		if (!json_prefix(json_object_get(e, "prefix"), &p) ||
		    !json_is_integer(json_object_get(e, "asn")) ||
		    !json_asn(json_object_get(e, "asn"), &asn)) {
			diag_error(d, &pos, NULL, "SLURM prefixAssertions[%zu]: needs a valid "
			    "prefix and asn", i);
			continue;
		}
		maxlen = ml == NULL ? p.len : json_is_integer(ml) ? json_integer_value(ml) : -1;
		if (maxlen < p.len || maxlen > (json_int_t)af_maxlen(p.af)) {
			diag_error(d, &pos, NULL, "SLURM prefixAssertions[%zu]: maxPrefixLength "
			    "out of range", i);
			continue;
		}
		add_vrp(s, &p, asn, (unsigned)maxlen);
		s->n_slurm_added++;
	}
	json_decref(root);
	return d->errors != errors0 ? -1 : 0;
}

int
vrp_apply_slurm_file(struct vrpset *s, const char *path, struct diag *d)
{
	size_t len;
	char *data = slurp(path, SLURM_MAX_FILE, &len, d);
	int r;

	if (data == NULL)
		return -1;
	r = vrp_apply_slurm_mem(s, data, len, path, d);
	free(data);
	return r;
}

/* ---- finalize and validate ---------------------------------------------- */

static int
cmp_vrp(const void *a, const void *b)
{
	const struct vrp *x = a, *y = b;
	int c;

	if ((c = prefix_cmp_fields(x->af, x->a, x->len, y->af, y->a, y->len)) != 0)
		return c;
	if (x->asn != y->asn)
		return x->asn < y->asn ? -1 : 1;
	return x->maxlen < y->maxlen ? -1 : x->maxlen > y->maxlen;
}

static int
cmp_vap(const void *a, const void *b)
{
	const struct vap *x = a, *y = b;

	return x->customer < y->customer ? -1 : x->customer > y->customer;
}

void
vrp_finalize(struct vrpset *s)
{
	size_t i, j;

	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), cmp_vrp);
	for (i = 1, j = s->n ? 1 : 0; i < s->n; i++) {
		if (cmp_vrp(&s->v[i], &s->v[j - 1]) == 0) {
			s->n_dup++;
			continue;
		}
		s->v[j++] = s->v[i];
	}
	s->n = j;
	memset(s->lengths, 0, sizeof(s->lengths));
	for (i = 0; i < s->n; i++) {
		int fam = s->v[i].af == AF4 ? 0 : 1;
		s->lengths[fam][s->v[i].len / 32] |= 1u << (s->v[i].len % 32);
	}
	if (s->n_aspa > 1)
		qsort(s->aspa, s->n_aspa, sizeof(*s->aspa), cmp_vap);
}

/* First VRP with exactly (af, a, len), or s->n. */
static size_t
lower_bound(const struct vrpset *s, int af, u128 a, unsigned len)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct vrp *v = &s->v[mid];
		if (v->af < af || (v->af == af && (v->a < a || (v->a == a && v->len < len))))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static enum rov_state
validate(const struct vrpset *s, const struct prefix *p, uint32_t origin, bool any)
{
	int fam = p->af == AF4 ? 0 : 1;
	bool covered = false;

	for (unsigned l = 0; l <= p->len; l++) {
		u128 a;
		size_t i;
		if (!(s->lengths[fam][l / 32] & (1u << (l % 32))))
			continue;
		a = p->a & mask128(l);
		for (i = lower_bound(s, p->af, a, l); i < s->n; i++) {
			const struct vrp *v = &s->v[i];
			if (v->af != p->af || v->a != a || v->len != l)
				break;
			covered = true;
			if (any)
				return ROV_INVALID;
			/* AS0 VRPs never match (RFC 6483 section 4). */
			if (v->asn == origin && origin != 0 && p->len <= v->maxlen)
				return ROV_VALID;
		}
	}
	return covered ? ROV_INVALID : ROV_NOTFOUND;
}

enum rov_state
vrp_validate(const struct vrpset *s, const struct prefix *p, uint32_t origin)
{
	return validate(s, p, origin, false);
}

bool
vrp_covered(const struct vrpset *s, const struct prefix *p)
{
	return validate(s, p, 0, true) != ROV_NOTFOUND;
}

static bool
vrp_contains(const struct vrp *v, int af, u128 a, unsigned len)
{
	return v->af == af && v->len <= len && (a & mask128(v->len)) == v->a;
}

/* -1, 0, 1: VRP prefix before, equal to, after the prefix (sort order). */
static int
vrp_vs_prefix(const struct vrp *v, const struct prefix *p)
{
	if (v->af != p->af)
		return v->af < p->af ? -1 : 1;
	if (v->a != p->a)
		return v->a < p->a ? -1 : 1;
	return v->len < p->len ? -1 : v->len > p->len;
}

void
vrp_sweep(const struct vrpset *s, const struct prefix *pfx, size_t n, vrp_cover_cb cb,
    void *ctx)
{
	/* Every VRP containing a prefix sorts before (or with) it; the stack
	 * holds the chain of VRPs containing the current position. */
	const struct vrp **stack = xcalloc(s->n + 1, sizeof(*stack));
	size_t depth = 0, k = 0;

	for (size_t i = 0; i < n; i++) {
		const struct prefix *p = &pfx[i];
		while (k < s->n && vrp_vs_prefix(&s->v[k], p) <= 0) {
			const struct vrp *v = &s->v[k++];
			while (depth > 0 && !vrp_contains(stack[depth - 1], v->af, v->a, v->len))
				depth--;
			stack[depth++] = v;
		}
		while (depth > 0 && !vrp_contains(stack[depth - 1], p->af, p->a, p->len))
			depth--;
		cb(i, stack, depth, ctx);
	}
	free(stack);
}

enum rov_state
vrp_state(const struct vrp *const *cover, size_t n, const struct prefix *p, uint32_t origin)
{
	for (size_t i = 0; i < n; i++)
		if (cover[i]->asn == origin && origin != 0 && p->len <= cover[i]->maxlen)
			return ROV_VALID;
	return n > 0 ? ROV_INVALID : ROV_NOTFOUND;
}

void
vrp_free(struct vrpset *s)
{
	for (size_t i = 0; i < s->n_aspa; i++)
		free(s->aspa[i].providers);
	free(s->aspa);
	free(s->v);
	memset(s, 0, sizeof(*s));
}
