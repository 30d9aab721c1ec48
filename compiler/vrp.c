#include "vrp.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "asn.h"
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

static json_t *
load_json(const char *data, size_t len, const char *name, struct diag *d)
{
	json_error_t e;
	json_t *root = json_loadb(data, len, JSON_DISABLE_EOF_CHECK * 0, &e);
	struct srcpos pos = { name, 0, 0 };

	if (root == NULL) {
		pos.line = e.line > 0 ? (unsigned)e.line : 0;
		pos.col = e.column > 0 ? (unsigned)e.column : 0;
		diag_error(d, &pos, "check that the file is complete (not truncated) JSON",
		    "invalid JSON: %s", e.text);
	}
	return root;
}

static char *
slurp(const char *path, size_t *len, struct diag *d)
{
	struct srcpos pos = { path, 0, 0 };
	struct stat st;
	FILE *f = fopen(path, "rb");
	char *data;

	if (f == NULL) {
		diag_error(d, &pos, NULL, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size > VRP_MAX_FILE) {
		diag_error(d, &pos, NULL, "not a regular file of at most %u MB",
		    VRP_MAX_FILE >> 20);
		fclose(f);
		return NULL;
	}
	data = xmalloc((size_t)st.st_size + 1);
	*len = fread(data, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		diag_error(d, &pos, NULL, "read error: %s", strerror(errno));
		free(data);
		fclose(f);
		return NULL;
	}
	fclose(f);
	return data;
}

/* ---- VRP exports --------------------------------------------------------- */

static void
load_aspas(struct vrpset *s, const json_t *aspas)
{
	size_t i, j;
	json_t *e, *p;

	json_array_foreach(aspas, i, e) {
		json_t *cust = json_object_get(e, "customer_asid");
		json_t *provs = json_object_get(e, "providers");
		struct vap vap = { 0, NULL, 0 };

		if (cust == NULL)
			cust = json_object_get(e, "customer");
		if (!json_asn(cust, &vap.customer) || !json_is_array(provs)) {
			s->n_bad++;
			continue;
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
}

int
vrp_load_mem(struct vrpset *s, const char *data, size_t len, const char *name,
    time_t now, unsigned max_age, struct diag *d)
{
	struct srcpos pos = { name, 0, 0 };
	json_t *root, *roas, *meta, *t, *e;
	size_t i, bad0 = s->n_bad;

	root = load_json(data, len, name, d);
	if (root == NULL)
		return -1;
	roas = json_object_get(root, "roas");
	if (!json_is_array(roas)) {
		diag_error(d, &pos, "expected rpki-client, Routinator or rpki.json "
		    "output with a \"roas\" list", "not a VRP export: no \"roas\" array");
		json_decref(root);
		return -1;
	}
	meta = json_object_get(root, "metadata");
	if ((t = json_object_get(meta, "buildtime")) != NULL && json_is_string(t))
		s->buildtime = parse_iso_time(json_string_value(t));
	else if ((t = json_object_get(meta, "generated")) != NULL && json_is_integer(t))
		s->buildtime = json_integer_value(t);
	else if ((t = json_object_get(meta, "generatedTime")) != NULL && json_is_string(t))
		s->buildtime = parse_iso_time(json_string_value(t));

	if (max_age > 0 && s->buildtime > 0 && now - s->buildtime > (int64_t)max_age) {
		diag_error(d, &pos, "check that the validator is running, or raise "
		    "sources.rpki.max_age", "VRP export is %lld hours old (limit %u hours)",
		    (long long)((now - s->buildtime) / 3600), max_age / 3600);
		json_decref(root);
		return -1;
	}
	if (max_age > 0 && s->buildtime == 0)
		diag_warn(d, &pos, NULL, "the VRP export has no build time; its age "
		    "cannot be checked");

	json_array_foreach(roas, i, e) {
		struct prefix p;
		uint32_t asn;
		json_t *ml = json_object_get(e, "maxLength");
		json_t *exp = json_object_get(e, "expires");
		json_int_t maxlen;

		s->n_read++;
		if (!json_asn(json_object_get(e, "asn"), &asn) ||
		    !json_prefix(json_object_get(e, "prefix"), &p)) {
			s->n_bad++;
			continue;
		}
		maxlen = ml == NULL ? p.len : json_is_integer(ml) ? json_integer_value(ml) : -1;
		if (maxlen < p.len || maxlen > (json_int_t)af_maxlen(p.af)) {
			s->n_bad++;
			continue;
		}
		if (exp != NULL && json_is_integer(exp) && json_integer_value(exp) < now) {
			s->n_expired++;
			continue;
		}
		add_vrp(s, &p, asn, (unsigned)maxlen);
	}
	if ((t = json_object_get(root, "aspas")) != NULL && json_is_array(t))
		load_aspas(s, t);
	/* Mostly broken entries mean a broken export, not a few bad ROAs. */
	if (s->n_bad - bad0 > json_array_size(roas) / 2) {
		diag_error(d, &pos, "check the validator's output", "not a usable VRP "
		    "export: %zu of %zu entries are malformed", s->n_bad - bad0,
		    json_array_size(roas));
		json_decref(root);
		return -1;
	}
	if (s->n_bad > bad0)
		diag_warn(d, &pos, NULL, "%zu malformed VRP or ASPA entries skipped "
		    "(bad ASN, prefix or maxLength)", s->n_bad - bad0);
	json_decref(root);
	return 0;
}

int
vrp_load_file(struct vrpset *s, const char *path, time_t now, unsigned max_age,
    struct diag *d)
{
	size_t len;
	char *data = slurp(path, &len, d);
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

int
vrp_apply_slurm_mem(struct vrpset *s, const char *data, size_t len,
    const char *name, struct diag *d)
{
	static const char *const top_keys[] = { "slurmVersion",
	    "validationOutputFilters", "locallyAddedAssertions", NULL };
	static const char *const filt_keys[] = { "prefixFilters", "bgpsecFilters",
	    "aspaFilters", NULL };
	static const char *const asrt_keys[] = { "prefixAssertions",
	    "bgpsecAssertions", "aspaAssertions", NULL };
	static const char *const pf_keys[] = { "prefix", "asn", "comment", NULL };
	static const char *const pa_keys[] = { "prefix", "asn", "maxPrefixLength",
	    "comment", NULL };
	struct srcpos pos = { name, 0, 0 };
	json_t *root, *ver, *filters, *asserts, *pf, *pa, *e;
	struct pfilter *fv = NULL;
	size_t nf = 0, i, j, k;
	unsigned errors0 = d->errors;

	root = load_json(data, len, name, d);
	if (root == NULL)
		return -1;
	ver = json_object_get(root, "slurmVersion");
	filters = json_object_get(root, "validationOutputFilters");
	asserts = json_object_get(root, "locallyAddedAssertions");
	if (!json_is_object(root) || !json_is_integer(ver) ||
	    (json_integer_value(ver) != 1 && json_integer_value(ver) != 2) ||
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
	/* Filters first, then assertions (RFC 8416 section 4). */
	for (i = 0, j = 0; i < s->n; i++) {
		struct prefix vp = { s->v[i].a, s->v[i].len, s->v[i].af };
		bool drop = false;
		for (k = 0; k < nf && !drop; k++)
			drop = (!fv[k].has_prefix || prefix_contains(&fv[k].p, &vp)) &&
			    (!fv[k].has_asn || fv[k].asn == s->v[i].asn);
		if (drop)
			s->n_slurm_filtered++;
		else
			s->v[j++] = s->v[i];
	}
	s->n = j;
	free(fv);

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
	char *data = slurp(path, &len, d);
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

	if (x->af != y->af)
		return x->af < y->af ? -1 : 1;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
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

void
vrp_free(struct vrpset *s)
{
	for (size_t i = 0; i < s->n_aspa; i++)
		free(s->aspa[i].providers);
	free(s->aspa);
	free(s->v);
	memset(s, 0, sizeof(*s));
}
