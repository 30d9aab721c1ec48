#include "yaml_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

#include "buf.h"
#include "irrname.h"
#include "strutil.h"
#include "xalloc.h"

/* Aliases let a small document name the same subtree many times; cap the
 * total number of nodes we are willing to walk. */
#define MAX_NODE_VISITS 2000000u

#define NAME_MAX_LEN	100
#define TEXT_MAX_LEN	200

struct yctx {
	yaml_document_t	 doc;
	const char	*file;
	const char	*basedir;
	struct diag	*d;
	struct config	*c;
	unsigned	 visits;
	bool		 too_many;
};

/* ---- node access and positions ------------------------------------- */

static struct srcpos
pos_of(const struct yctx *y, const yaml_node_t *n)
{
	struct srcpos p = { y->file, 0, 0 };

	if (n != NULL) {
		p.line = (unsigned)n->start_mark.line + 1;
		p.col = (unsigned)n->start_mark.column + 1;
	}
	return p;
}

/* Only the core schema's tags: anything else (!!python/object, !custom)
 * has no meaning here and is refused rather than ignored. */
static bool
tag_ok(const yaml_node_t *n)
{
	static const char *const core[] = { "str", "int", "bool", "null", "float",
	    "seq", "map" };
	const char *t = (const char *)n->tag, *pfx = "tag:yaml.org,2002:";

	if (t == NULL)
		return true;
	if (strncmp(t, pfx, strlen(pfx)) != 0)
		return false;
	for (size_t i = 0; i < sizeof(core) / sizeof(*core); i++)
		if (strcmp(t + strlen(pfx), core[i]) == 0)
			return true;
	return false;
}

static yaml_node_t *
node(struct yctx *y, int id)
{
	yaml_node_t *n;

	if (++y->visits > MAX_NODE_VISITS) {
		if (!y->too_many) {
			struct srcpos p = { y->file, 0, 0 };
			diag_error(y->d, &p, "avoid deeply nested YAML aliases",
			    "document expands to more than %u nodes", MAX_NODE_VISITS);
			y->too_many = true;
		}
		return NULL;
	}
	n = yaml_document_get_node(&y->doc, id);
	if (n != NULL && !tag_ok(n)) {
		struct srcpos p = pos_of(y, n);
		struct buf b = BUF_INIT;
		str_quote_diag(&b, (const char *)n->tag, strlen((const char *)n->tag), 60);
		diag_error(y->d, &p, "remove the tag; values are typed by the schema",
		    "YAML tag %s is not supported", buf_str(&b));
		buf_free(&b);
		return NULL;
	}
	return n;
}

static const char *
kind_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE:
		return "a scalar";
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_MAPPING_NODE:
		return "a mapping";
	default:
		return "nothing";
	}
}

static void
err(struct yctx *y, const yaml_node_t *n, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
err(struct yctx *y, const yaml_node_t *n, const char *hint, const char *fmt, ...)
{
	struct srcpos p = pos_of(y, n);
	va_list ap;

	va_start(ap, fmt);
	diag_verror(y->d, &p, hint, fmt, ap);
	va_end(ap);
}

/* The scalar's text quoted for a message (bounded, escaped). */
static const char *
q(const yaml_node_t *n, struct buf *b)
{
	buf_reset(b);
	if (n->type != YAML_SCALAR_NODE)
		buf_puts(b, kind_name(n));
	else
		str_quote_diag(b, (const char *)n->data.scalar.value,
		    n->data.scalar.length, 60);
	return buf_str(b);
}

static bool
is_null(const yaml_node_t *n)
{
	const char *s;

	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	s = (const char *)n->data.scalar.value;
	return n->data.scalar.length == 0 || strcmp(s, "~") == 0 ||
	    strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

static bool
want_scalar(struct yctx *y, const yaml_node_t *n, const char *what)
{
	if (n->type == YAML_SCALAR_NODE && !is_null(n))
		return true;
	err(y, n, NULL, "%s: expected a value, found %s", what,
	    is_null(n) ? "an empty value" : kind_name(n));
	return false;
}

static const char *
sval(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static size_t
slen(const yaml_node_t *n)
{
	return n->data.scalar.length;
}

/* ---- mappings with a fixed key set ---------------------------------- */

struct ymap {
	struct yctx		*y;
	yaml_node_t		*n;
	const char		*what;
	const char *const	*keys;
	size_t			 nkeys;
	uint64_t		 seen;
	yaml_node_pair_t	*pair;
};

static bool
ymap_begin(struct yctx *y, yaml_node_t *n, const char *what,
    const char *const *keys, struct ymap *m)
{
	memset(m, 0, sizeof(*m));
	if (n == NULL)
		return false;
	if (n->type != YAML_MAPPING_NODE) {
		if (is_null(n))
			err(y, n, NULL, "%s: expected a mapping, found an empty value", what);
		else
			err(y, n, NULL, "%s: expected a mapping (key: value), found %s",
			    what, kind_name(n));
		return false;
	}
	m->y = y;
	m->n = n;
	m->what = what;
	m->keys = keys;
	while (keys[m->nkeys] != NULL)
		m->nkeys++;
	m->pair = n->data.mapping.pairs.start;
	return true;
}

/* Next known key; unknown and duplicate keys are reported and skipped. */
static bool
ymap_next(struct ymap *m, const char **key, yaml_node_t **val, yaml_node_t **keynode)
{
	struct yctx *y = m->y;

	while (m->pair < m->n->data.mapping.pairs.top) {
		yaml_node_pair_t *pr = m->pair++;
		yaml_node_t *k = node(y, pr->key), *v = node(y, pr->value);
		size_t i;

		if (k == NULL || v == NULL)
			return false;
		if (k->type != YAML_SCALAR_NODE) {
			err(y, k, NULL, "%s: keys must be plain names, found %s",
			    m->what, kind_name(k));
			continue;
		}
		for (i = 0; i < m->nkeys; i++)
			if (strcmp(sval(k), m->keys[i]) == 0)
				break;
		if (i == m->nkeys) {
			const char *s = str_suggest(sval(k), m->keys, m->nkeys);
			struct buf hint = BUF_INIT, b = BUF_INIT;
			if (s != NULL)
				buf_printf(&hint, "did you mean '%s'?", s);
			else {
				buf_puts(&hint, "valid keys here: ");
				for (size_t j = 0; j < m->nkeys; j++)
					buf_printf(&hint, "%s%s", j ? ", " : "", m->keys[j]);
			}
			err(y, k, buf_str(&hint), "%s: unknown key %s", m->what, q(k, &b));
			buf_free(&hint);
			buf_free(&b);
			continue;
		}
		if (m->seen & ((uint64_t)1 << i)) {
			err(y, k, "remove one of them; YAML keys must be unique",
			    "%s: duplicate key '%s'", m->what, m->keys[i]);
			continue;
		}
		m->seen |= (uint64_t)1 << i;
		*key = m->keys[i];
		*val = v;
		if (keynode)
			*keynode = k;
		return true;
	}
	return false;
}

static bool
ymap_has(const struct ymap *m, const char *key)
{
	for (size_t i = 0; i < m->nkeys; i++)
		if (strcmp(m->keys[i], key) == 0)
			return (m->seen & ((uint64_t)1 << i)) != 0;
	return false;
}

static void
ymap_require(struct ymap *m, const char *key, const char *hint)
{
	if (m->n != NULL && !ymap_has(m, key))
		err(m->y, m->n, hint, "%s: missing required key '%s'", m->what, key);
}

/* Iterate a sequence; a single scalar counts as a one-item list when
 * `allow_scalar` is set. Returns the number of items (0 on type error). */
static size_t
seq_items(struct yctx *y, yaml_node_t *n, const char *what, bool allow_scalar,
    yaml_node_t ***out)
{
	yaml_node_t **items;
	size_t count, i;

	*out = NULL;
	if (n->type == YAML_SCALAR_NODE && allow_scalar && !is_null(n)) {
		*out = xmalloc(sizeof(**out));
		(*out)[0] = n;
		return 1;
	}
	if (n->type != YAML_SEQUENCE_NODE) {
		if (is_null(n))
			return 0;
		err(y, n, "write a list as [a, b] or one '- item' per line",
		    "%s: expected a list, found %s", what, kind_name(n));
		return 0;
	}
	count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	items = xcalloc(count ? count : 1, sizeof(*items));
	for (i = 0; i < count; i++) {
		items[i] = node(y, n->data.sequence.items.start[i]);
		if (items[i] == NULL) {
			free(items);
			return 0;
		}
	}
	*out = items;
	return count;
}

/* ---- typed scalars --------------------------------------------------- */

static bool
get_text(struct yctx *y, yaml_node_t *n, const char *what, size_t maxlen, char **out)
{
	struct buf b = BUF_INIT;

	if (!want_scalar(y, n, what))
		return false;
	if (slen(n) > maxlen) {
		err(y, n, NULL, "%s: value is too long (%zu bytes, at most %zu)",
		    what, slen(n), maxlen);
		return false;
	}
	if (!str_is_printable_utf8(sval(n), slen(n))) {
		err(y, n, "use printable text on one line, without control characters",
		    "%s: %s contains control characters or invalid UTF-8", what, q(n, &b));
		buf_free(&b);
		return false;
	}
	free(*out);
	*out = xstrndup(sval(n), slen(n));
	return true;
}

static bool
get_u32(struct yctx *y, yaml_node_t *n, const char *what, uint32_t min,
    uint32_t max, uint32_t *out)
{
	struct buf b = BUF_INIT;
	uint64_t v = 0;
	size_t i;

	if (!want_scalar(y, n, what))
		return false;
	if (slen(n) == 0 || slen(n) > 10)
		goto bad;
	for (i = 0; i < slen(n); i++) {
		char c = sval(n)[i];
		if (c < '0' || c > '9')
			goto bad;
		v = v * 10 + (uint64_t)(c - '0');
	}
	if (v < min || v > max) {
		err(y, n, NULL, "%s: %s is out of range (%u..%u)", what, q(n, &b), min, max);
		buf_free(&b);
		return false;
	}
	*out = (uint32_t)v;
	return true;
bad:
	if (slen(n) > 10 && strspn(sval(n), "0123456789") == slen(n))
		err(y, n, NULL, "%s: %s is out of range (%u..%u)", what, q(n, &b), min, max);
	else
		err(y, n, NULL, "%s: expected a whole number, found %s", what, q(n, &b));
	buf_free(&b);
	return false;
}

static bool
get_bool(struct yctx *y, yaml_node_t *n, const char *what, bool *out)
{
	struct buf b = BUF_INIT;
	const char *s;

	if (!want_scalar(y, n, what))
		return false;
	s = sval(n);
	if (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 || strcmp(s, "TRUE") == 0) {
		*out = true;
		return true;
	}
	if (strcmp(s, "false") == 0 || strcmp(s, "False") == 0 || strcmp(s, "FALSE") == 0) {
		*out = false;
		return true;
	}
	err(y, n, "write true or false", "%s: expected true or false, found %s",
	    what, q(n, &b));
	buf_free(&b);
	return false;
}

static bool
get_asn(struct yctx *y, yaml_node_t *n, const char *what, uint32_t *out)
{
	struct buf b = BUF_INIT;

	if (!want_scalar(y, n, what))
		return false;
	if (asn_parse(sval(n), slen(n), ASN_PLAIN | ASN_PREFIXED, out))
		return true;
	err(y, n, "an ASN is a number from 0 to 4294967295, optionally written AS64500",
	    "%s: %s is not a valid AS number", what, q(n, &b));
	buf_free(&b);
	return false;
}

static bool
get_ip(struct yctx *y, yaml_node_t *n, const char *what, int want_af,
    struct ipaddr *out)
{
	struct buf b = BUF_INIT;

	if (!want_scalar(y, n, what))
		return false;
	if (ip_parse(sval(n), slen(n), out) != ADDR_OK) {
		err(y, n, want_af == AF6 ? "IPv6 addresses need quotes in YAML lists: \"2001:db8::1\"" : NULL,
		    "%s: %s is not a valid IP address", what, q(n, &b));
		buf_free(&b);
		return false;
	}
	if (want_af && out->af != want_af) {
		err(y, n, NULL, "%s: %s is not an IPv%d address", what, q(n, &b), want_af);
		buf_free(&b);
		return false;
	}
	return true;
}

static bool
get_prefix(struct yctx *y, yaml_node_t *n, const char *what, struct prefix *out)
{
	struct buf b = BUF_INIT, hint = BUF_INIT;
	enum addr_err e;
	char tmp[ADDR_STRLEN];

	if (!want_scalar(y, n, what))
		return false;
	e = prefix_parse(sval(n), slen(n), out);
	if (e == ADDR_OK)
		return true;
	if (e == ADDR_HOSTBITS)
		buf_printf(&hint, "did you mean %s?", prefix_format(out, tmp));
	else if (e == ADDR_LENGTH)
		buf_puts(&hint, "IPv4 prefix lengths are 0-32, IPv6 0-128");
	else
		buf_puts(&hint, "write a prefix as 192.0.2.0/24 or \"2001:db8::/32\"");
	err(y, n, buf_str(&hint), "%s: %s: %s", what, q(n, &b), addr_strerror(e));
	buf_free(&b);
	buf_free(&hint);
	return false;
}

static int
cmp_prefix(const void *a, const void *b)
{
	return prefix_cmp(a, b);
}

/* A list of prefixes; duplicates are reported. */
static void
get_prefix_list(struct yctx *y, yaml_node_t *n, const char *what,
    struct pfxlist *out, int only_af)
{
	yaml_node_t **items;
	size_t count = seq_items(y, n, what, false, &items), i, j;

	free(out->v);
	out->v = xcalloc(count ? count : 1, sizeof(*out->v));
	out->n = 0;
	for (i = 0; i < count; i++) {
		struct prefix p;
		if (!get_prefix(y, items[i], what, &p))
			continue;
		if (only_af && p.af != only_af) {
			err(y, items[i], NULL, "%s: expected an IPv%d prefix", what, only_af);
			continue;
		}
		for (j = 0; j < out->n; j++)
			if (prefix_cmp(&out->v[j], &p) == 0)
				break;
		if (j < out->n) {
			char tmp[ADDR_STRLEN];
			err(y, items[i], "remove the duplicate", "%s: %s is listed twice",
			    what, prefix_format(&p, tmp));
			continue;
		}
		out->v[out->n++] = p;
	}
	qsort(out->v, out->n, sizeof(*out->v), cmp_prefix);
	free(items);
}

/* Is the scalar the word "default"? */
static bool
is_word(const yaml_node_t *n, const char *w)
{
	return n->type == YAML_SCALAR_NODE && strcmp(sval(n), w) == 0;
}

static bool
get_path(struct yctx *y, yaml_node_t *n, const char *what, struct srcfile *out)
{
	char *s = NULL;
	struct buf b = BUF_INIT;

	if (!get_text(y, n, what, 4096, &s))
		return false;
	free(out->path);
	if (s[0] == '/' || strstr(s, "://") != NULL || y->basedir == NULL) {
		out->path = s;
	} else {
		buf_printf(&b, "%s/%s", y->basedir, s);
		out->path = buf_steal(&b);
		free(s);
	}
	out->pos = pos_of(y, n);
	return true;
}

/* Strings that end up inside BIRD string literals or file names. */
static bool
safe_chars(const char *s, size_t n, const char *extra)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr(extra, c) != NULL) || c == '\0')
			return false;
	}
	return true;
}

/* ---- sections --------------------------------------------------------- */

static const char *const policy_keys[] = {
	"prefix_length", "max_as_path_length", "next_hop", "bogon_prefixes",
	"bogon_asns", "transit_free_asns", "never_via_route_servers_asns",
	"blacklist", "irr", "rpki", "aspa", "max_prefix", "blackhole",
	"graceful_shutdown", "announcement_control", NULL
};

static void
load_len_pair(struct yctx *y, yaml_node_t *n, const char *what, int fam,
    struct policy *p)
{
	yaml_node_t **items;
	size_t count = seq_items(y, n, what, false, &items);
	uint32_t lo, hi, max = fam == FAM4 ? 32 : 128;

	if (count != 2) {
		if (count != 0 || n->type == YAML_SEQUENCE_NODE)
			err(y, n, "write [min, max], e.g. [8, 24]",
			    "%s: expected two lengths [min, max]", what);
		free(items);
		return;
	}
	if (get_u32(y, items[0], what, 0, max, &lo) &&
	    get_u32(y, items[1], what, 0, max, &hi)) {
		if (lo > hi)
			err(y, n, NULL, "%s: minimum %u is larger than maximum %u", what, lo, hi);
		else {
			p->len_min[fam] = (uint8_t)lo;
			p->len_max[fam] = (uint8_t)hi;
		}
	}
	free(items);
}

static void
load_asn_list(struct yctx *y, yaml_node_t *n, const char *what, struct asnlist *out)
{
	yaml_node_t **items;
	size_t count = seq_items(y, n, what, false, &items);

	free(out->v);
	out->v = xcalloc(count ? count : 1, sizeof(*out->v));
	out->n = 0;
	for (size_t i = 0; i < count; i++)
		if (get_asn(y, items[i], what, &out->v[out->n]))
			out->n++;
	out->n = asn_sort_unique(out->v, out->n);
	free(items);
}

static void
load_bogon_asns(struct yctx *y, yaml_node_t *n, const char *what, struct config *c)
{
	yaml_node_t **items;
	size_t count;
	struct buf b = BUF_INIT;

	if (is_word(n, "default"))
		return;
	count = seq_items(y, n, what, false, &items);
	free(c->bogon_asns);
	c->bogon_asns = xcalloc(count ? count : 1, sizeof(*c->bogon_asns));
	c->n_bogon_asns = 0;
	for (size_t i = 0; i < count; i++) {
		if (!want_scalar(y, items[i], what))
			continue;
		if (!asn_range_parse(sval(items[i]), slen(items[i]),
		    &c->bogon_asns[c->n_bogon_asns])) {
			err(y, items[i], "write an ASN (64496) or a range in quotes (\"64496-131071\")",
			    "%s: %s is not an ASN or ASN range", what, q(items[i], &b));
			continue;
		}
		c->n_bogon_asns++;
	}
	buf_free(&b);
	free(items);
}

static void
load_bogon_prefixes(struct yctx *y, yaml_node_t *n, const char *what, struct config *c)
{
	struct pfxlist all = { NULL, 0 };
	size_t i;

	if (is_word(n, "default"))
		return;
	get_prefix_list(y, n, what, &all, 0);
	for (int fam = 0; fam < 2; fam++) {
		free(c->bogon_prefixes[fam].v);
		c->bogon_prefixes[fam].v = xcalloc(all.n ? all.n : 1, sizeof(struct prefix));
		c->bogon_prefixes[fam].n = 0;
	}
	for (i = 0; i < all.n; i++) {
		int fam = fam_of_af(all.v[i].af);
		c->bogon_prefixes[fam].v[c->bogon_prefixes[fam].n++] = all.v[i];
	}
	free(all.v);
}

static void
load_policy_irr(struct yctx *y, yaml_node_t *n, struct policy *p)
{
	static const char *const keys[] = { "enforce_origin", "enforce_prefix",
	    "allow_more_specifics", "max_depth", "max_asns", "max_prefixes", NULL };
	struct ymap m;
	const char *k;
	yaml_node_t *v;

	if (!ymap_begin(y, n, "policy.irr", keys, &m))
		return;
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "enforce_origin"))
			get_bool(y, v, "policy.irr.enforce_origin", &p->irr_enforce_origin);
		else if (!strcmp(k, "enforce_prefix"))
			get_bool(y, v, "policy.irr.enforce_prefix", &p->irr_enforce_prefix);
		else if (!strcmp(k, "allow_more_specifics"))
			get_bool(y, v, "policy.irr.allow_more_specifics", &p->irr_allow_more_specifics);
		else if (!strcmp(k, "max_depth"))
			get_u32(y, v, "policy.irr.max_depth", 1, 100, &p->irr_max_depth);
		else if (!strcmp(k, "max_asns"))
			get_u32(y, v, "policy.irr.max_asns", 1, 10000000, &p->irr_max_asns);
		else if (!strcmp(k, "max_prefixes"))
			get_u32(y, v, "policy.irr.max_prefixes", 1, 10000000, &p->irr_max_prefixes);
	}
}

static void
load_policy_bool_map(struct yctx *y, yaml_node_t *n, const char *what,
    const char *key, bool *dst)
{
	const char *const keys[] = { key, NULL };
	struct ymap m;
	const char *k;
	yaml_node_t *v;

	if (!ymap_begin(y, n, what, keys, &m))
		return;
	while (ymap_next(&m, &k, &v, NULL))
		get_bool(y, v, what, dst);
}

/*
 * One word out of a fixed list; the hint names them all and suggests the
 * nearest when the value looks like a typo.
 */
static bool
get_choice(struct yctx *y, yaml_node_t *v, const char *what, const char *const *words,
    size_t n, unsigned *out)
{
	struct buf h = BUF_INIT, b = BUF_INIT;
	const char *s;

	if (!want_scalar(y, v, what))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(sval(v), words[i])) {
			*out = (unsigned)i;
			return true;
		}
	if ((s = str_suggest(sval(v), words, n)) != NULL)
		buf_printf(&h, "did you mean '%s'? ", s);
	buf_printf(&h, "use one of:");
	for (size_t i = 0; i < n; i++)
		buf_printf(&h, " %s", words[i]);
	err(y, v, buf_str(&h), "%s: unknown value %s", what, q(v, &b));
	buf_free(&h);
	buf_free(&b);
	return false;
}

static void
load_policy_max_prefix(struct yctx *y, yaml_node_t *n, struct policy *p)
{
	static const char *const keys[] = { "action", "default", "from_peeringdb", NULL };
	static const char *const actions[] = { "warn", "block", "restart", "disable" };
	struct ymap m;
	const char *k;
	yaml_node_t *v;
	struct buf b = BUF_INIT;

	if (!ymap_begin(y, n, "policy.max_prefix", keys, &m))
		return;
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "action")) {
			unsigned i;
			if (get_choice(y, v, "policy.max_prefix.action", actions, 4, &i))
				p->mp_action = (enum mp_action)i;
		} else if (!strcmp(k, "default")) {
			static const char *const fk[] = { "ipv4", "ipv6", NULL };
			struct ymap fm;
			const char *fkey;
			yaml_node_t *fv;
			if (!ymap_begin(y, v, "policy.max_prefix.default", fk, &fm))
				continue;
			while (ymap_next(&fm, &fkey, &fv, NULL))
				get_u32(y, fv, "policy.max_prefix.default", 1, 10000000,
				    &p->mp_default[strcmp(fkey, "ipv4") ? FAM6 : FAM4]);
		} else if (!strcmp(k, "from_peeringdb")) {
			get_bool(y, v, "policy.max_prefix.from_peeringdb", &p->mp_from_peeringdb);
		}
	}
	buf_free(&b);
}

static const struct prefix *lan_of(const struct config *c, const struct ipaddr *ip);

static void
load_policy_blackhole(struct yctx *y, yaml_node_t *n, struct policy *p, bool member)
{
	static const char *const keys[] = { "enabled", "next_hop_ipv4", "next_hop_ipv6", NULL };
	struct ymap m;
	const char *k;
	yaml_node_t *v, *kn;
	char tmp[ADDR_STRLEN];

	if (!ymap_begin(y, n, "policy.blackhole", keys, &m))
		return;
	while (ymap_next(&m, &k, &v, &kn)) {
		int fam = strcmp(k, "next_hop_ipv4") ? FAM6 : FAM4;
		if (!strcmp(k, "enabled")) {
			get_bool(y, v, "policy.blackhole.enabled", &p->blackhole_enabled);
			continue;
		}
		if (member) {
			err(y, kn, "move it to the top-level policy section",
			    "member policy: 'blackhole.%s' can only be set IXP-wide", k);
			continue;
		}
		if (!get_ip(y, v, fam == FAM4 ? "policy.blackhole.next_hop_ipv4" :
		    "policy.blackhole.next_hop_ipv6", af_of_fam(fam), &p->blackhole_next_hop[fam]))
			continue;
		/* The peering LANs are loaded before the policy (see load_root). */
		if (lan_of(y->c, &p->blackhole_next_hop[fam]) == NULL)
			err(y, v, "the blackhole next hop is an address on the peering LAN",
			    "policy.blackhole: next hop %s is not inside a peering LAN",
			    ip_format(&p->blackhole_next_hop[fam], tmp));
	}
}

/*
 * Policy section; `member` is NULL for the IXP-wide policy. Member overrides
 * start from a copy of the global policy.
 */
static void
load_policy(struct yctx *y, yaml_node_t *n, struct policy *p, struct member *member)
{
	struct config *c = y->c;
	struct ymap m;
	const char *k;
	yaml_node_t *v, *kn;
	struct buf b = BUF_INIT;

	if (!ymap_begin(y, n, member ? "member policy" : "policy", policy_keys, &m))
		return;
	while (ymap_next(&m, &k, &v, &kn)) {
		if (member != NULL && (!strcmp(k, "bogon_prefixes") || !strcmp(k, "bogon_asns") ||
		    !strcmp(k, "transit_free_asns") || !strcmp(k, "never_via_route_servers_asns"))) {
			err(y, kn, "move it to the top-level policy section",
			    "member policy: '%s' can only be set IXP-wide", k);
			continue;
		}
		if (!strcmp(k, "prefix_length")) {
			static const char *const fk[] = { "ipv4", "ipv6", NULL };
			struct ymap fm;
			const char *fkey;
			yaml_node_t *fv;
			if (!ymap_begin(y, v, "policy.prefix_length", fk, &fm))
				continue;
			while (ymap_next(&fm, &fkey, &fv, NULL))
				load_len_pair(y, fv, !strcmp(fkey, "ipv4") ?
				    "policy.prefix_length.ipv4" : "policy.prefix_length.ipv6",
				    strcmp(fkey, "ipv4") ? FAM6 : FAM4, p);
		} else if (!strcmp(k, "max_as_path_length")) {
			uint32_t v32;
			if (get_u32(y, v, "policy.max_as_path_length", 1, 255, &v32))
				p->max_path_len = v32;
		} else if (!strcmp(k, "next_hop")) {
			if (!want_scalar(y, v, "policy.next_hop"))
				continue;
			if (!strcmp(sval(v), "strict"))
				p->next_hop = NH_STRICT;
			else if (!strcmp(sval(v), "same_as"))
				p->next_hop = NH_SAME_AS;
			else
				err(y, v, "use strict (the session's own address) or same_as "
				    "(any LAN address of the same member)",
				    "policy.next_hop: unknown value %s", q(v, &b));
		} else if (!strcmp(k, "bogon_prefixes")) {
			load_bogon_prefixes(y, v, "policy.bogon_prefixes", c);
		} else if (!strcmp(k, "bogon_asns")) {
			load_bogon_asns(y, v, "policy.bogon_asns", c);
		} else if (!strcmp(k, "transit_free_asns")) {
			load_asn_list(y, v, "policy.transit_free_asns", &c->transit_free);
		} else if (!strcmp(k, "never_via_route_servers_asns")) {
			load_asn_list(y, v, "policy.never_via_route_servers_asns", &c->never_via_rs);
		} else if (!strcmp(k, "blacklist")) {
			get_prefix_list(y, v, "policy.blacklist",
			    member ? &member->blacklist : &c->blacklist, 0);
		} else if (!strcmp(k, "irr")) {
			load_policy_irr(y, v, p);
		} else if (!strcmp(k, "rpki")) {
			load_policy_bool_map(y, v, "policy.rpki", "reject_invalid", &p->rpki_reject_invalid);
		} else if (!strcmp(k, "aspa")) {
			load_policy_bool_map(y, v, "policy.aspa", "reject_invalid", &p->aspa_reject_invalid);
			if (p->aspa_reject_invalid && !config_bird_at_least(c, 2, 16))
				err(y, v, "set ixp.bird.version to \"2.16\" or later, "
				    "or leave ASPA off", "policy.aspa: ASPA needs BIRD 2.16 or later "
				    "(ixp.bird.version is %u.%u)", c->bird_major, c->bird_minor);
		} else if (!strcmp(k, "max_prefix")) {
			load_policy_max_prefix(y, v, p);
		} else if (!strcmp(k, "blackhole")) {
			load_policy_blackhole(y, v, p, member != NULL);
		} else if (!strcmp(k, "graceful_shutdown")) {
			get_bool(y, v, "policy.graceful_shutdown", &p->graceful_shutdown);
		} else if (!strcmp(k, "announcement_control")) {
			get_bool(y, v, "policy.announcement_control", &p->announcement_control);
		}
	}
	buf_free(&b);
}

static void
load_bird(struct yctx *y, yaml_node_t *n, struct config *c)
{
	static const char *const keys[] = { "version", "lg_socket", "irr_filter", NULL };
	static const char *const repr[] = { "table", "prefix_sets" };
	struct ymap m;
	const char *k;
	yaml_node_t *v;
	struct buf b = BUF_INIT;

	if (!ymap_begin(y, n, "ixp.bird", keys, &m))
		return;
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "version")) {
			unsigned maj, min;
			char tail;
			if (!want_scalar(y, v, "ixp.bird.version"))
				continue;
			if (sscanf(sval(v), "%u.%u%c", &maj, &min, &tail) != 2 ||
			    (maj != 2 && maj != 3) || min > 99 || slen(v) > 6) {
				err(y, v, "write the oldest BIRD release the config must load in, "
				    "e.g. \"2.0\" or \"2.16\"", "ixp.bird.version: %s is not a "
				    "supported BIRD version (2.x or 3.x)", q(v, &b));
				continue;
			}
			c->bird_major = maj;
			c->bird_minor = min;
		} else if (!strcmp(k, "irr_filter")) {
			unsigned i;
			if (get_choice(y, v, "ixp.bird.irr_filter", repr, 2, &i))
				c->irr_table = i == 0;
		} else {
			if (!get_text(y, v, "ixp.bird.lg_socket", 200, &c->lg_socket))
				continue;
			if (c->lg_socket[0] != '/' || !safe_chars(c->lg_socket,
			    strlen(c->lg_socket), "/._-") || strstr(c->lg_socket, "..")) {
				err(y, v, "use an absolute path of letters, digits, '/', '.', '_', '-'",
				    "ixp.bird.lg_socket: %s is not a safe socket path", q(v, &b));
				free(c->lg_socket);
				c->lg_socket = NULL;
			}
		}
	}
	buf_free(&b);
}

static void
load_route_servers(struct yctx *y, yaml_node_t *n, struct config *c)
{
	static const char *const keys[] = { "name", "router_id", "ipv4", "ipv6", NULL };
	yaml_node_t **items;
	size_t count = seq_items(y, n, "ixp.route_servers", false, &items);
	struct buf b = BUF_INIT;

	if (count == 0 && n->type == YAML_SEQUENCE_NODE)
		err(y, n, NULL, "ixp.route_servers: at least one route server is needed");
	c->rs = xcalloc(count ? count : 1, sizeof(*c->rs));
	for (size_t i = 0; i < count; i++) {
		struct route_server *rs = &c->rs[c->n_rs];
		struct ymap m;
		const char *k;
		yaml_node_t *v;

		if (!ymap_begin(y, items[i], "ixp.route_servers[]", keys, &m))
			continue;
		rs->pos = pos_of(y, items[i]);
		while (ymap_next(&m, &k, &v, NULL)) {
			if (!strcmp(k, "name")) {
				if (!get_text(y, v, "route server name", 32, &rs->name))
					continue;
				if (!safe_chars(rs->name, strlen(rs->name), "_-")) {
					err(y, v, "use letters, digits, '_' and '-' (it becomes a file name)",
					    "route server name %s contains invalid characters", q(v, &b));
					free(rs->name);
					rs->name = NULL;
				}
			} else if (!strcmp(k, "router_id")) {
				get_ip(y, v, "route server router_id", AF4, &rs->router_id);
			} else if (!strcmp(k, "ipv4")) {
				get_ip(y, v, "route server ipv4", AF4, &rs->addr[FAM4]);
			} else {
				get_ip(y, v, "route server ipv6", AF6, &rs->addr[FAM6]);
			}
		}
		ymap_require(&m, "name", NULL);
		ymap_require(&m, "router_id", "the router ID is an IPv4 address, usually the RS's own");
		if (!ymap_has(&m, "ipv4") && !ymap_has(&m, "ipv6"))
			err(y, items[i], NULL, "route server needs an ipv4 or ipv6 address (or both)");
		if (rs->name == NULL)
			continue;
		for (size_t j = 0; j < c->n_rs; j++)
			if (!strcmp(c->rs[j].name, rs->name))
				err(y, items[i], "route server names must be unique",
				    "route server \"%s\" is defined twice", rs->name);
		c->n_rs++;
	}
	free(items);
	buf_free(&b);
}

static void
load_ixp(struct yctx *y, yaml_node_t *n, struct config *c)
{
	static const char *const keys[] = { "name", "rs_asn", "peering_lans",
	    "route_servers", "bird", NULL };
	struct ymap m;
	const char *k;
	yaml_node_t *v;
	yaml_node_t *rs_node = NULL, *lans_node = NULL;

	if (!ymap_begin(y, n, "ixp", keys, &m))
		return;
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "name"))
			get_text(y, v, "ixp.name", NAME_MAX_LEN, &c->ixp_name);
		else if (!strcmp(k, "rs_asn")) {
			if (get_asn(y, v, "ixp.rs_asn", &c->rs_asn) && c->rs_asn == 0) {
				err(y, v, NULL, "ixp.rs_asn: AS0 is reserved");
			}
		} else if (!strcmp(k, "peering_lans")) {
			get_prefix_list(y, v, "ixp.peering_lans", &c->peering_lans, 0);
			lans_node = v;
		}
		else if (!strcmp(k, "route_servers"))
			rs_node = v;
		else
			load_bird(y, v, c);
	}
	/* The BIRD version gates features checked later, so read it first. */
	if (rs_node)
		load_route_servers(y, rs_node, c);
	ymap_require(&m, "name", NULL);
	ymap_require(&m, "rs_asn", NULL);
	ymap_require(&m, "peering_lans", "list the peering LAN prefixes, e.g. [192.0.2.0/24]");
	ymap_require(&m, "route_servers", NULL);
	if (lans_node != NULL && c->peering_lans.n == 0 && y->d->errors == 0)
		err(y, lans_node, NULL, "ixp.peering_lans: at least one peering LAN is needed");
}

static bool
valid_hostname(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 253 && safe_chars(s, n, ".-:") && s[0] != '-';
}

/* A list of file paths (resolved against the YAML's directory) or, with
 * `hosts`, of host:port server names. */
static void
load_srcfile_list(struct yctx *y, yaml_node_t *n, const char *what, bool hosts,
    struct srcfile **out, size_t *nout)
{
	yaml_node_t **items;
	size_t count = seq_items(y, n, what, true, &items);
	struct buf b = BUF_INIT;

	*out = xcalloc(count ? count : 1, sizeof(**out));
	*nout = 0;
	for (size_t i = 0; i < count; i++) {
		struct srcfile *f = &(*out)[*nout];
		if (!hosts) {
			if (get_path(y, items[i], what, f))
				(*nout)++;
			continue;
		}
		if (!get_text(y, items[i], what, 260, &f->path))
			continue;
		if (!valid_hostname(f->path) || strchr(f->path, ':') == NULL) {
			err(y, items[i], "write host:port, e.g. rr.ntt.net:43",
			    "%s: %s is not a valid server", what, q(items[i], &b));
			free(f->path);
			f->path = NULL;
			continue;
		}
		f->pos = pos_of(y, items[i]);
		(*nout)++;
	}
	buf_free(&b);
	free(items);
}

static void
get_cache_dir(struct yctx *y, yaml_node_t *v, const char *what, struct sources *s)
{
	struct srcfile f = { NULL, { NULL, 0, 0 } };

	if (get_path(y, v, what, &f)) {
		free(s->cache_dir);
		s->cache_dir = f.path;
	}
}

static void
load_sources_irr(struct yctx *y, yaml_node_t *n, struct sources *s)
{
	static const char *const keys[] = { "sources", "servers", "dumps", "cache_dir",
	    "timeout", "deadline", NULL };
	struct ymap m;
	const char *k;
	yaml_node_t *v;
	struct buf b = BUF_INIT;

	if (!ymap_begin(y, n, "sources.irr", keys, &m))
		return;
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "sources")) {
			yaml_node_t **items;
			size_t count = seq_items(y, v, "sources.irr.sources", false, &items);
			s->irr_sources = xcalloc(count ? count : 1, sizeof(char *));
			for (size_t i = 0; i < count; i++) {
				char *name;
				if (!want_scalar(y, items[i], "sources.irr.sources"))
					continue;
				if (!irrname_valid_source(sval(items[i]), slen(items[i]))) {
					err(y, items[i], "IRR source names are like RIPE, ARIN, RADB",
					    "sources.irr.sources: %s is not a valid source name",
					    q(items[i], &b));
					continue;
				}
				name = xstrdup(sval(items[i]));
				str_upper(name);
				for (size_t j = 0; j < s->n_irr_sources; j++)
					if (!strcmp(s->irr_sources[j], name)) {
						err(y, items[i], "remove the duplicate",
						    "sources.irr.sources: %s is listed twice", name);
						free(name);
						name = NULL;
						break;
					}
				if (name)
					s->irr_sources[s->n_irr_sources++] = name;
			}
			free(items);
		} else if (!strcmp(k, "servers")) {
			load_srcfile_list(y, v, "sources.irr.servers", true,
			    &s->irr_servers, &s->n_irr_servers);
		} else if (!strcmp(k, "dumps")) {
			load_srcfile_list(y, v, "sources.irr.dumps", false,
			    &s->irr_dumps, &s->n_irr_dumps);
		} else if (!strcmp(k, "timeout")) {
			get_u32(y, v, "sources.irr.timeout", 1, 3600, &s->irr_timeout);
		} else if (!strcmp(k, "deadline")) {
			get_u32(y, v, "sources.irr.deadline", 1, 86400, &s->irr_deadline);
		} else {
			get_cache_dir(y, v, "sources.irr.cache_dir", s);
		}
	}
	if (s->n_irr_servers > 0 && s->n_irr_dumps > 0)
		err(y, n, "live servers and dumps would disagree; keep one of them",
		    "sources.irr: give servers or dumps, not both");
	buf_free(&b);
}

static void
load_sources_rpki(struct yctx *y, yaml_node_t *n, struct sources *s)
{
	static const char *const keys[] = { "rtr", "vrps", "slurm", "max_age", "max_drop", NULL };
	static const char *const rtr_keys[] = { "host", "port", NULL };
	struct ymap m;
	const char *k;
	yaml_node_t *v;
	struct buf b = BUF_INIT;

	if (!ymap_begin(y, n, "sources.rpki", keys, &m))
		return;
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "rtr")) {
			yaml_node_t **items;
			size_t count = seq_items(y, v, "sources.rpki.rtr", false, &items);
			s->rtr = xcalloc(count ? count : 1, sizeof(*s->rtr));
			for (size_t i = 0; i < count; i++) {
				struct rtr_server *r = &s->rtr[s->n_rtr];
				struct ymap rm;
				const char *rk;
				yaml_node_t *rv;
				uint32_t port = 0;
				if (!ymap_begin(y, items[i], "sources.rpki.rtr[]", rtr_keys, &rm))
					continue;
				r->pos = pos_of(y, items[i]);
				while (ymap_next(&rm, &rk, &rv, NULL)) {
					if (!strcmp(rk, "host")) {
						if (get_text(y, rv, "sources.rpki.rtr.host", 253, &r->host) &&
						    !valid_hostname(r->host)) {
							err(y, rv, "use an IP address or a DNS name",
							    "sources.rpki.rtr.host: %s is not a valid host", q(rv, &b));
							free(r->host);
							r->host = NULL;
						}
					} else if (get_u32(y, rv, "sources.rpki.rtr.port", 1, 65535, &port)) {
						r->port = (uint16_t)port;
					}
				}
				ymap_require(&rm, "host", NULL);
				ymap_require(&rm, "port", "StayRTR listens on 8282, Routinator on 3323");
				if (r->host != NULL && r->port != 0)
					s->n_rtr++;
				else
					free(r->host);
			}
			free(items);
		} else if (!strcmp(k, "vrps")) {
			get_path(y, v, "sources.rpki.vrps", &s->vrps);
		} else if (!strcmp(k, "slurm")) {
			get_path(y, v, "sources.rpki.slurm", &s->slurm);
		} else if (!strcmp(k, "max_drop")) {
			uint32_t pct;
			if (get_u32(y, v, "sources.rpki.max_drop", 0, 100, &pct))
				s->vrps_max_drop = pct;
		} else {
			uint32_t age;
			if (get_u32(y, v, "sources.rpki.max_age", 0, 30 * 86400, &age))
				s->vrps_max_age = age;
		}
	}
	buf_free(&b);
}

static void
load_sources(struct yctx *y, yaml_node_t *n, struct config *c)
{
	static const char *const keys[] = { "irr", "rpki", "peeringdb", "cache_dir",
	    "cache_max_age", "http_deadline", NULL };
	struct ymap m;
	const char *k;
	yaml_node_t *v;

	if (!ymap_begin(y, n, "sources", keys, &m))
		return;
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "irr"))
			load_sources_irr(y, v, &c->src);
		else if (!strcmp(k, "rpki"))
			load_sources_rpki(y, v, &c->src);
		else if (!strcmp(k, "peeringdb"))
			get_path(y, v, "sources.peeringdb", &c->src.peeringdb);
		else if (!strcmp(k, "cache_dir"))
			get_cache_dir(y, v, "sources.cache_dir", &c->src);
		else if (!strcmp(k, "http_deadline"))
			get_u32(y, v, "sources.http_deadline", 1, 3600, &c->src.http_deadline);
		else
			get_u32(y, v, "sources.cache_max_age", 0, 30 * 86400, &c->src.cache_max_age);
	}
}

static const struct {
	const char	*name;
	uint16_t	 type;
} ethertype_names[] = {
	{ "ipv4", 0x0800 }, { "arp", 0x0806 }, { "ipv6", 0x86dd },
	{ "lacp", 0x8809 },
};

/* A list of ethertypes: names (ipv4, arp, ipv6, lacp) or hex >= 0x0600. */
static void
get_ethertypes(struct yctx *y, yaml_node_t *n, const char *what, uint16_t **out, size_t *nout)
{
	yaml_node_t **items;
	size_t count = seq_items(y, n, what, false, &items);
	struct buf b = BUF_INIT;

	free(*out);
	*out = xcalloc(count ? count : 1, sizeof(uint16_t));
	*nout = 0;
	for (size_t i = 0; i < count; i++) {
		size_t j;
		unsigned long t;
		char *end;
		if (!want_scalar(y, items[i], what))
			continue;
		for (j = 0; j < sizeof(ethertype_names) / sizeof(*ethertype_names); j++)
			if (str_ieq(sval(items[i]), ethertype_names[j].name))
				break;
		if (j < sizeof(ethertype_names) / sizeof(*ethertype_names)) {
			t = ethertype_names[j].type;
		} else {
			errno = 0;
			t = strtoul(sval(items[i]), &end, 0);
			if (errno || *end || !str_has_prefix_ci(sval(items[i]), "0x") ||
			    t < 0x0600 || t > 0xffff) {
				err(y, items[i], "use ipv4, arp, ipv6, lacp or a hex "
				    "ethertype >= 0x0600 such as 0x88cc",
				    "%s: %s is not an ethertype", what, q(items[i], &b));
				continue;
			}
		}
		for (j = 0; j < *nout && (*out)[j] != t; j++)
			;
		if (j == *nout)
			(*out)[(*nout)++] = (uint16_t)t;
	}
	buf_free(&b);
	free(items);
}

static void
load_traffic(struct yctx *y, yaml_node_t *n, struct config *c)
{
	static const char *const keys[] = { "allowed_ethertypes", "macs_per_port",
	    "arp_nd_rate_pps", "rules", NULL };
	struct ymap m;
	const char *k;
	yaml_node_t *v;

	if (!ymap_begin(y, n, "forbidden_traffic", keys, &m))
		return;
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "allowed_ethertypes"))
			get_ethertypes(y, v, "forbidden_traffic.allowed_ethertypes",
			    &c->traffic.ethertypes, &c->traffic.n_ethertypes);
		else if (!strcmp(k, "macs_per_port"))
			get_u32(y, v, "forbidden_traffic.macs_per_port", 1, 64,
			    &c->traffic.macs_per_port);
		else if (!strcmp(k, "arp_nd_rate_pps"))
			get_u32(y, v, "forbidden_traffic.arp_nd_rate_pps", 1, 100000,
			    &c->traffic.arp_nd_rate_pps);
		else
			get_path(y, v, "forbidden_traffic.rules", &c->traffic.rules);
	}
}

static bool
parse_mac(const char *s, size_t n, uint8_t out[6])
{
	/* 02:00:00:00:01:01, 02-00-00-00-01-01 or 0200.0000.0101 */
	char hex[12];
	size_t k = 0;

	if (n == 17) {
		for (size_t i = 0; i < 17; i++) {
			if (i % 3 == 2) {
				if (s[i] != s[2] || (s[i] != ':' && s[i] != '-'))
					return false;
			} else
				hex[k++] = s[i];
		}
	} else if (n == 14) {
		for (size_t i = 0; i < 14; i++) {
			if (i % 5 == 4) {
				if (s[i] != '.')
					return false;
			} else
				hex[k++] = s[i];
		}
	} else {
		return false;
	}
	for (size_t i = 0; i < 6; i++) {
		unsigned v = 0;
		for (size_t j = 0; j < 2; j++) {
			char c = hex[2 * i + j];
			v <<= 4;
			if (c >= '0' && c <= '9')
				v |= (unsigned)(c - '0');
			else if (c >= 'a' && c <= 'f')
				v |= (unsigned)(c - 'a' + 10);
			else if (c >= 'A' && c <= 'F')
				v |= (unsigned)(c - 'A' + 10);
			else
				return false;
		}
		out[i] = (uint8_t)v;
	}
	return true;
}

static bool
valid_ifname(const char *s)
{
	size_t n = strlen(s);

	/* Linux IFNAMSIZ is 16 including the NUL. */
	return n >= 1 && n <= 15 && safe_chars(s, n, "_.-") && strcmp(s, ".") && strcmp(s, "..");
}

static void
load_connection(struct yctx *y, yaml_node_t *n, struct member *mb, const char *what)
{
	static const char *const keys[] = { "port", "interface", "macs", "ipv4",
	    "ipv6", "md5", "lacp", "extra_ethertypes", NULL };
	struct connection *cn = &mb->conns[mb->n_conns];
	struct ymap m;
	const char *k;
	yaml_node_t *v, *iface_node = NULL;
	struct buf b = BUF_INIT;

	if (!ymap_begin(y, n, what, keys, &m))
		return;
	memset(cn, 0, sizeof(*cn));
	cn->pos = pos_of(y, n);
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "port")) {
			get_text(y, v, "connection port", 64, &cn->port);
		} else if (!strcmp(k, "interface")) {
			iface_node = v;
			if (get_text(y, v, "connection interface", 64, &cn->iface) &&
			    !valid_ifname(cn->iface)) {
				err(y, v, "a Linux interface name is 1-15 letters, digits, '_', '.', '-'",
				    "connection interface %s is not a valid interface name", q(v, &b));
				free(cn->iface);
				cn->iface = NULL;
			}
		} else if (!strcmp(k, "macs")) {
			yaml_node_t **items;
			size_t count = seq_items(y, v, "connection macs", true, &items);
			cn->macs = xcalloc(count ? count : 1, 6);
			for (size_t i = 0; i < count; i++) {
				if (!want_scalar(y, items[i], "connection macs"))
					continue;
				if (!parse_mac(sval(items[i]), slen(items[i]), cn->macs[cn->n_macs])) {
					err(y, items[i], "write a MAC as \"02:00:00:00:01:01\" (quoted)",
					    "connection macs: %s is not a MAC address", q(items[i], &b));
					continue;
				}
				if (cn->macs[cn->n_macs][0] & 1) {
					err(y, items[i], "a router's MAC is a unicast address",
					    "connection macs: %s is a multicast MAC", q(items[i], &b));
					continue;
				}
				if (!memcmp(cn->macs[cn->n_macs], "\0\0\0\0\0\0", 6)) {
					err(y, items[i], NULL, "connection macs: the all-zero MAC is not valid");
					continue;
				}
				cn->n_macs++;
			}
			free(items);
		} else if (!strcmp(k, "ipv4")) {
			get_ip(y, v, "connection ipv4", AF4, &cn->addr[FAM4]);
		} else if (!strcmp(k, "ipv6")) {
			get_ip(y, v, "connection ipv6", AF6, &cn->addr[FAM6]);
		} else if (!strcmp(k, "lacp")) {
			get_bool(y, v, "connection lacp", &cn->lacp);
		} else if (!strcmp(k, "extra_ethertypes")) {
			get_ethertypes(y, v, "connection extra_ethertypes", &cn->extra_ethertypes,
			    &cn->n_extra_ethertypes);
		} else if (!strcmp(k, "md5")) {
			if (!get_text(y, v, "connection md5", 80, &cn->md5))
				continue;
			/* BIRD strings have no escapes: refuse what cannot be written. */
			for (const char *p = cn->md5; *p; p++)
				if (*p == '"' || *p == '\\' || (unsigned char)*p >= 0x7f) {
					err(y, v, "use printable ASCII without '\"' and '\\'",
					    "connection md5: the password contains a character "
					    "BIRD cannot read");
					free(cn->md5);
					cn->md5 = NULL;
					break;
				}
		}
	}
	ymap_require(&m, "port", "name the switch port, e.g. sw1:ge-0/0/1");
	if (!ymap_has(&m, "ipv4") && !ymap_has(&m, "ipv6"))
		err(y, n, NULL, "%s: a connection needs an ipv4 or ipv6 address", what);
	if (cn->iface == NULL && iface_node == NULL && cn->port != NULL && valid_ifname(cn->port))
		cn->iface = xstrdup(cn->port);
	mb->n_conns++;
	buf_free(&b);
}

static void
load_member(struct yctx *y, yaml_node_t *n, struct config *c)
{
	static const char *const keys[] = { "asn", "name", "as_set", "max_prefix",
	    "contact", "manrs", "connections", "policy", NULL };
	struct member *mb = &c->members[c->n_members];
	struct ymap m;
	const char *k;
	yaml_node_t *v, *policy_node = NULL;
	struct buf b = BUF_INIT;
	char what[64];

	if (!ymap_begin(y, n, "members[]", keys, &m))
		return;
	memset(mb, 0, sizeof(*mb));
	mb->pos = pos_of(y, n);
	mb->policy = c->policy;
	snprintf(what, sizeof(what), "members[%zu]", c->n_members);
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "asn")) {
			get_asn(y, v, "member asn", &mb->asn);
		} else if (!strcmp(k, "name")) {
			get_text(y, v, "member name", NAME_MAX_LEN, &mb->name);
		} else if (!strcmp(k, "as_set")) {
			yaml_node_t **items;
			size_t count = seq_items(y, v, "member as_set", true, &items);
			mb->as_sets = xcalloc(count ? count : 1, sizeof(char *));
			mb->as_set_pos = xcalloc(count ? count : 1, sizeof(struct srcpos));
			for (size_t i = 0; i < count; i++) {
				struct irrname in;
				const char *why;
				char txt[IRRNAME_MAX + 40];
				if (!want_scalar(y, items[i], "member as_set"))
					continue;
				if (!irrname_parse(sval(items[i]), slen(items[i]), &in, &why)) {
					err(y, items[i], why, "member as_set: %s is not a valid AS-SET "
					    "or ASN", q(items[i], &b));
					continue;
				}
				irrname_format(&in, txt, sizeof(txt));
				mb->as_set_pos[mb->n_as_sets] = pos_of(y, items[i]);
				mb->as_sets[mb->n_as_sets++] = xstrdup(txt);
			}
			if (count == 0 && !is_null(v) && v->type == YAML_SEQUENCE_NODE)
				err(y, v, "remove the key to use PeeringDB's AS-SET or the ASN alone",
				    "member as_set: empty list");
			free(items);
		} else if (!strcmp(k, "max_prefix")) {
			static const char *const fk[] = { "ipv4", "ipv6", NULL };
			struct ymap fm;
			const char *fkey;
			yaml_node_t *fv;
			if (!ymap_begin(y, v, "member max_prefix", fk, &fm))
				continue;
			while (ymap_next(&fm, &fkey, &fv, NULL))
				get_u32(y, fv, "member max_prefix", 1, 10000000,
				    &mb->max_prefix[strcmp(fkey, "ipv4") ? FAM6 : FAM4]);
		} else if (!strcmp(k, "contact")) {
			static const char *const ck[] = { "email", "phone", NULL };
			struct ymap cm;
			const char *ckey;
			yaml_node_t *cv;
			if (!ymap_begin(y, v, "member contact", ck, &cm))
				continue;
			while (ymap_next(&cm, &ckey, &cv, NULL)) {
				if (!strcmp(ckey, "email")) {
					const char *at;
					if (!get_text(y, cv, "contact email", 254, &mb->email))
						continue;
					at = strchr(mb->email, '@');
					if (at == NULL || at == mb->email || strchr(at + 1, '.') == NULL ||
					    strchr(at + 1, '@') || strpbrk(mb->email, " <>\"(),;:[]\\")) {
						err(y, cv, "write a plain address, e.g. noc@example.net",
						    "contact email %s is not an e-mail address", q(cv, &b));
						free(mb->email);
						mb->email = NULL;
					}
				} else {
					if (get_text(y, cv, "contact phone", 40, &mb->phone) &&
					    !safe_chars(mb->phone, strlen(mb->phone), "+ ()-./")) {
						err(y, cv, "use digits, spaces and + ( ) - . /",
						    "contact phone %s is not a phone number", q(cv, &b));
						free(mb->phone);
						mb->phone = NULL;
					}
				}
			}
		} else if (!strcmp(k, "manrs")) {
			get_bool(y, v, "member manrs", &mb->manrs);
		} else if (!strcmp(k, "connections")) {
			yaml_node_t **items;
			size_t count = seq_items(y, v, "member connections", false, &items);
			mb->conns = xcalloc(count ? count : 1, sizeof(*mb->conns));
			for (size_t i = 0; i < count; i++)
				load_connection(y, items[i], mb, "member connection");
			free(items);
		} else {
			policy_node = v;
		}
	}
	ymap_require(&m, "asn", NULL);
	ymap_require(&m, "name", NULL);
	ymap_require(&m, "connections", "list at least one connection with its port and address");
	if (ymap_has(&m, "connections") && mb->n_conns == 0 && y->d->errors == 0)
		err(y, n, NULL, "member has no connections");
	if (policy_node != NULL)
		load_policy(y, policy_node, &mb->policy, mb);
	c->n_members++;
	buf_free(&b);
}

static void
load_members(struct yctx *y, yaml_node_t *n, struct config *c)
{
	yaml_node_t **items;
	size_t count = seq_items(y, n, "members", false, &items);

	c->members = xcalloc(count ? count : 1, sizeof(*c->members));
	for (size_t i = 0; i < count; i++)
		load_member(y, items[i], c);
	free(items);
}

/* ---- cross checks ------------------------------------------------------ */

static const struct prefix *
lan_of(const struct config *c, const struct ipaddr *ip)
{
	for (size_t i = 0; i < c->peering_lans.n; i++)
		if (prefix_contains_ip(&c->peering_lans.v[i], ip))
			return &c->peering_lans.v[i];
	return NULL;
}

static void
check_lan_addr(struct yctx *y, const struct srcpos *pos, const char *who,
    const struct ipaddr *ip)
{
	const struct prefix *lan;
	char tmp[ADDR_STRLEN], tmp2[ADDR_STRLEN];

	if (ip->af == 0)
		return;
	lan = lan_of(y->c, ip);
	if (lan == NULL) {
		diag_error(y->d, pos, "peering addresses must lie inside ixp.peering_lans",
		    "%s: %s is not inside any peering LAN", who, ip_format(ip, tmp));
		return;
	}
	/* IPv4 addresses sit in the top 32 bits; see addr.h. */
	if ((lan->len < af_maxlen(ip->af) - 1 && ip->a == lan->a) ||
	    (ip->af == AF4 && lan->len < 31 &&
	    ip->a == (lan->a | (mask128(32) & ~mask128(lan->len)))))
		diag_error(y->d, pos, NULL, "%s: %s is the network or broadcast address of %s",
		    who, ip_format(ip, tmp), prefix_format(lan, tmp2));
}

struct addr_owner {
	struct ipaddr	 ip;
	char		 who[48];
	struct srcpos	 pos;
};

static int
cmp_owner(const void *a, const void *b)
{
	const struct addr_owner *x = a, *y = b;
	int r = ip_cmp(&x->ip, &y->ip);

	if (r)
		return r;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	return 0;
}

static int
cmp_member(const void *a, const void *b)
{
	const struct member *x = a, *y = b;

	return x->asn < y->asn ? -1 : x->asn > y->asn;
}

struct mac_owner {
	const uint8_t		*mac;
	const struct srcpos	*pos;
};

static int
cmp_mac_owner(const void *a, const void *b)
{
	const struct mac_owner *x = a, *y = b;
	int r = memcmp(x->mac, y->mac, 6);

	if (r)
		return r;
	return x->pos->line < y->pos->line ? -1 : x->pos->line > y->pos->line;
}

/* A MAC registered on two ports would defeat the MAC lock. */
static void
check_unique_macs(struct yctx *y, const struct config *c)
{
	struct mac_owner *v = NULL;
	size_t n = 0, cap = 0, i, j, k;

	for (i = 0; i < c->n_members; i++)
		for (j = 0; j < c->members[i].n_conns; j++) {
			const struct connection *cn = &c->members[i].conns[j];
			for (k = 0; k < cn->n_macs; k++) {
				v = xgrow(v, &cap, n + 1, sizeof(*v));
				v[n++] = (struct mac_owner){ cn->macs[k], &cn->pos };
			}
		}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_mac_owner);
	for (i = 1; i < n; i++)
		if (!memcmp(v[i].mac, v[i - 1].mac, 6))
			diag_error(y->d, v[i].pos, "every router port has its own MAC",
			    "MAC %02x:%02x:%02x:%02x:%02x:%02x is registered twice "
			    "(also at line %u)", v[i].mac[0], v[i].mac[1], v[i].mac[2],
			    v[i].mac[3], v[i].mac[4], v[i].mac[5], v[i - 1].pos->line);
	free(v);
}

static void
cross_check(struct yctx *y, struct config *c)
{
	struct addr_owner *own;
	size_t nown = 0, cap = 2 * c->n_rs + 1, i, j;
	char tmp[ADDR_STRLEN];
	bool fam_rs[2] = { false, false };
	struct srcpos first_use[2] = { { NULL, 0, 0 }, { NULL, 0, 0 } };
	bool need_irr = false;

	for (i = 0; i < c->n_members; i++)
		cap += 2 * c->members[i].n_conns;
	own = xcalloc(cap, sizeof(*own));

	for (i = 0; i < c->n_rs; i++) {
		for (int fam = 0; fam < 2; fam++) {
			if (c->rs[i].addr[fam].af == 0)
				continue;
			fam_rs[fam] = true;
			check_lan_addr(y, &c->rs[i].pos, c->rs[i].name, &c->rs[i].addr[fam]);
			own[nown] = (struct addr_owner){ c->rs[i].addr[fam], "", c->rs[i].pos };
			snprintf(own[nown++].who, sizeof(own[0].who), "route server %s", c->rs[i].name);
		}
	}
	for (i = 0; i < c->n_members; i++) {
		struct member *m = &c->members[i];
		char who[64];
		snprintf(who, sizeof(who), "AS%u", m->asn);
		if (config_asn_is_bogon(c, m->asn))
			diag_error(y->d, &m->pos, "test setups with documentation ASNs set "
			    "policy.bogon_asns to their own list",
			    "member AS%u is a bogon ASN (private, reserved or documentation range)",
			    m->asn);
		if (m->asn == c->rs_asn)
			diag_error(y->d, &m->pos, NULL, "member AS%u is the route server's own ASN", m->asn);
		if (m->policy.irr_enforce_origin || m->policy.irr_enforce_prefix)
			need_irr = true;
		for (j = 0; j < m->n_conns; j++) {
			struct connection *cn = &m->conns[j];
			for (int fam = 0; fam < 2; fam++) {
				if (cn->addr[fam].af == 0)
					continue;
				check_lan_addr(y, &cn->pos, who, &cn->addr[fam]);
				own[nown] = (struct addr_owner){ cn->addr[fam], "", cn->pos };
				snprintf(own[nown++].who, sizeof(own[0].who), "AS%u", m->asn);
				if (!first_use[fam].file)
					first_use[fam] = cn->pos;
			}
			if (cn->n_macs > c->traffic.macs_per_port)
				diag_error(y->d, &cn->pos, "register fewer MACs or raise "
				    "forbidden_traffic.macs_per_port",
				    "AS%u: %zu MACs on port %s, at most %u allowed", m->asn,
				    cn->n_macs, cn->port ? cn->port : "?", c->traffic.macs_per_port);
		}
	}
	qsort(own, nown, sizeof(*own), cmp_owner);
	for (i = 1; i < nown; i++)
		if (ip_eq(&own[i].ip, &own[i - 1].ip))
			diag_error(y->d, &own[i].pos, "every router needs its own address",
			    "address %s is also used by %s at line %u", ip_format(&own[i].ip, tmp),
			    own[i - 1].who, own[i - 1].pos.line);
	free(own);

	for (int fam = 0; fam < 2; fam++)
		if (first_use[fam].file && !fam_rs[fam]) {
			diag_error(y->d, &first_use[fam], "add an address of that family to a route server",
			    "members have IPv%d connections but no route server has an IPv%d address",
			    fam == FAM4 ? 4 : 6, fam == FAM4 ? 4 : 6);
		}

	qsort(c->members, c->n_members, sizeof(*c->members), cmp_member);
	for (i = 1; i < c->n_members; i++)
		if (c->members[i].asn == c->members[i - 1].asn)
			diag_error(y->d, &c->members[i].pos, "merge the connections into one "
			    "member entry", "member AS%u is defined twice (also at line %u)",
			    c->members[i].asn, c->members[i - 1].pos.line);

	check_unique_macs(y, c);

	if (need_irr && c->src.n_irr_dumps == 0 && c->src.n_irr_servers == 0 && c->n_members) {
		struct srcpos p = { y->file, 0, 0 };
		diag_error(y->d, &p, "add sources.irr.dumps or sources.irr.servers, or set "
		    "policy.irr.enforce_origin and enforce_prefix to false",
		    "IRR filtering is enabled but no IRR source is configured");
	}
}

/* ---- top level -------------------------------------------------------- */

static void
set_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->bird_major = 2;
	c->bird_minor = 0;
	c->irr_table = true;
	config_default_policy(&c->policy);
	config_default_bogon_prefixes(c->bogon_prefixes);
	config_default_bogon_asns(&c->bogon_asns, &c->n_bogon_asns);
	config_default_transit_free(&c->transit_free);
	c->src.vrps_max_age = 86400;
	c->src.vrps_max_drop = 50;
	c->src.irr_timeout = 60;
	c->src.irr_deadline = 1800;
	c->src.cache_max_age = 86400;
	c->src.http_deadline = 300;
	c->traffic.n_ethertypes = 3;
	c->traffic.ethertypes = xcalloc(3, sizeof(uint16_t));
	c->traffic.ethertypes[0] = 0x0800;
	c->traffic.ethertypes[1] = 0x0806;
	c->traffic.ethertypes[2] = 0x86dd;
	c->traffic.macs_per_port = 1;
	c->traffic.arp_nd_rate_pps = 20;
}

static void
load_root(struct yctx *y, yaml_node_t *root, struct config *c)
{
	static const char *const keys[] = { "version", "ixp", "sources", "policy",
	    "forbidden_traffic", "members", NULL };
	yaml_node_t *sect[6] = { NULL };
	struct ymap m;
	const char *k;
	yaml_node_t *v;
	uint32_t version = 0;

	if (!ymap_begin(y, root, "top level", keys, &m))
		return;
	while (ymap_next(&m, &k, &v, NULL))
		for (int i = 0; i < 6; i++)
			if (!strcmp(k, keys[i]))
				sect[i] = v;
	ymap_require(&m, "version", "start the file with: version: 1");
	if (sect[0] && get_u32(y, sect[0], "version", 0, 0xffffffffu, &version) && version != 1)
		err(y, sect[0], "this ixp-rsc reads schema version 1", "unsupported schema "
		    "version %u", version);
	ymap_require(&m, "ixp", NULL);
	ymap_require(&m, "members", NULL);
	/* Fixed order: member overrides inherit the global policy, and the
	 * BIRD version gates policy features. */
	if (sect[1])
		load_ixp(y, sect[1], c);
	if (sect[2])
		load_sources(y, sect[2], c);
	if (sect[3])
		load_policy(y, sect[3], &c->policy, NULL);
	if (sect[4])
		load_traffic(y, sect[4], c);
	if (sect[5])
		load_members(y, sect[5], c);
	if (y->d->errors == 0)
		cross_check(y, c);
}

/* ---- composing the document from events ---------------------------- */

/*
 * libyaml's own loader (yaml_parser_load) builds the whole document before
 * anyone can look at it. This composer builds the same document from the
 * parser's events and checks depth, node count and scalar length as each
 * event arrives, so a hostile file stops within a few events of the limit.
 * Anchors are registered when their node is complete: an alias of a node
 * that contains it (a cycle) is refused rather than built.
 */
struct anchor {
	char	*name;
	int	 id;
};

struct frame {
	int	 id;		/* sequence or mapping under construction */
	int	 key;		/* mapping: the key waiting for its value */
	char	*anchor;	/* registered when the node is complete */
};

struct composer {
	yaml_document_t	*doc;
	const char	*file;
	struct diag	*d;
	struct frame	 stack[YAML_MAX_DEPTH];
	unsigned	 depth;
	unsigned	 nodes;
	struct anchor	*anchors;
	size_t		 n_anchors, cap_anchors;
	int		 root;
};

static void
compose_error(struct composer *cp, const yaml_event_t *ev, const char *hint,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
compose_error(struct composer *cp, const yaml_event_t *ev, const char *hint,
    const char *fmt, ...)
{
	struct srcpos p = { cp->file, (unsigned)ev->start_mark.line + 1,
	    (unsigned)ev->start_mark.column + 1 };
	va_list ap;

	va_start(ap, fmt);
	diag_verror(cp->d, &p, hint, fmt, ap);
	va_end(ap);
}

static void
anchor_add(struct composer *cp, char *name, int id)
{
	cp->anchors = xgrow(cp->anchors, &cp->cap_anchors, cp->n_anchors + 1,
	    sizeof(*cp->anchors));
	cp->anchors[cp->n_anchors++] = (struct anchor){ name, id };
}

static int
anchor_find(const struct composer *cp, const char *name)
{
	/* Newest first: YAML lets a later anchor reuse a name. */
	for (size_t i = cp->n_anchors; i-- > 0;)
		if (strcmp(cp->anchors[i].name, name) == 0)
			return cp->anchors[i].id;
	return 0;
}

/* A finished node goes into its parent (or becomes the root). */
static bool
compose_attach(struct composer *cp, int id)
{
	struct frame *f;

	if (cp->depth == 0) {
		cp->root = id;
		return true;
	}
	f = &cp->stack[cp->depth - 1];
	if (cp->doc->nodes.start[f->id - 1].type == YAML_SEQUENCE_NODE)
		return yaml_document_append_sequence_item(cp->doc, f->id, id) != 0;
	if (f->key == 0) {
		f->key = id;
		return true;
	}
	if (!yaml_document_append_mapping_pair(cp->doc, f->id, f->key, id))
		return false;
	f->key = 0;
	return true;
}

/* A new node: count it, give it the event's position. 0 on a limit. */
static int
compose_node(struct composer *cp, const yaml_event_t *ev, int id)
{
	if (id == 0) {
		compose_error(cp, ev, NULL, "out of memory while reading the YAML");
		return 0;
	}
	cp->doc->nodes.start[id - 1].start_mark = ev->start_mark;
	cp->doc->nodes.start[id - 1].end_mark = ev->end_mark;
	return id;
}

static const yaml_char_t *
event_tag(const yaml_char_t *tag)
{
	/* The non-specific tag "!" and no tag both mean the default. */
	return tag == NULL || strcmp((const char *)tag, "!") == 0 ? NULL : tag;
}

/* One event of the document's body. 1: go on, 0: document done, -1: error. */
static int
compose_event(struct composer *cp, yaml_event_t *ev)
{
	yaml_char_t *anchor = NULL;
	int id;

	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		id = anchor_find(cp, (const char *)ev->data.alias.anchor);
		if (id == 0) {
			compose_error(cp, ev, "define the anchor (&name) before using it, "
			    "and not around its own alias", "unknown or recursive alias *%.60s",
			    (const char *)ev->data.alias.anchor);
			return -1;
		}
		return compose_attach(cp, id) ? 1 : -1;
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.length > YAML_MAX_SCALAR) {
			compose_error(cp, ev, "no value of the schema is that long; check "
			    "the quoting", "value is too long (%zu bytes, at most %u)",
			    ev->data.scalar.length, YAML_MAX_SCALAR);
			return -1;
		}
		id = yaml_document_add_scalar(cp->doc, event_tag(ev->data.scalar.tag),
		    ev->data.scalar.value, (int)ev->data.scalar.length, ev->data.scalar.style);
		anchor = ev->data.scalar.anchor;
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (cp->depth >= YAML_MAX_DEPTH) {
			compose_error(cp, ev, "the schema needs a few levels; check the "
			    "brackets and the indentation", "YAML nested more than %u levels "
			    "deep", YAML_MAX_DEPTH);
			return -1;
		}
		if (ev->type == YAML_SEQUENCE_START_EVENT) {
			id = yaml_document_add_sequence(cp->doc,
			    event_tag(ev->data.sequence_start.tag), ev->data.sequence_start.style);
			anchor = ev->data.sequence_start.anchor;
		} else {
			id = yaml_document_add_mapping(cp->doc,
			    event_tag(ev->data.mapping_start.tag), ev->data.mapping_start.style);
			anchor = ev->data.mapping_start.anchor;
		}
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT: {
		struct frame f = cp->stack[--cp->depth];
		if (f.anchor != NULL)
			anchor_add(cp, f.anchor, f.id);
		return compose_attach(cp, f.id) ? 1 : -1;
	}
	case YAML_DOCUMENT_END_EVENT:
		return 0;
	default:
		return 1;
	}
	if (++cp->nodes > YAML_MAX_NODES) {
		compose_error(cp, ev, "split the file or check that it is the member list",
		    "more than %u YAML nodes", YAML_MAX_NODES);
		return -1;
	}
	if (compose_node(cp, ev, id) == 0)
		return -1;
	if (ev->type == YAML_SCALAR_EVENT) {
		if (anchor != NULL)
			anchor_add(cp, xstrdup((const char *)anchor), id);
		return compose_attach(cp, id) ? 1 : -1;
	}
	cp->stack[cp->depth++] = (struct frame){ id, 0,
	    anchor != NULL ? xstrdup((const char *)anchor) : NULL };
	return 1;
}

static void
syntax_error(const yaml_parser_t *parser, const char *file, struct diag *d)
{
	struct srcpos p = { file, (unsigned)parser->problem_mark.line + 1,
	    (unsigned)parser->problem_mark.column + 1 };

	diag_error(d, &p, "check indentation, quoting and ':' after keys",
	    "YAML syntax error: %s%s%s", parser->problem ? parser->problem : "unknown",
	    parser->context ? " " : "", parser->context ? parser->context : "");
}

/*
 * Parse the one document of the stream into `doc` (initialised here, the
 * caller deletes it). Returns 0, or -1 with the error reported. The root is
 * 0 for an empty stream. A second document is refused: it would be ignored.
 */
static int
compose(yaml_parser_t *parser, const char *file, yaml_document_t *doc, int *root,
    struct diag *d)
{
	struct composer cp;
	yaml_event_t ev;
	yaml_mark_t second = { 0, 0, 0 };	/* where a second document starts */
	int state = 0;		/* 0: before the document, 1: in it, 2: after */
	int ret = -1;

	memset(&cp, 0, sizeof(cp));
	cp.doc = doc;
	cp.file = file;
	cp.d = d;
	yaml_document_initialize(doc, NULL, NULL, NULL, 1, 1);
	for (;;) {
		int r = 1;
		if (!yaml_parser_parse(parser, &ev)) {
			syntax_error(parser, file, d);
			break;
		}
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			ret = 0;
			break;
		}
		if (state == 0 && ev.type == YAML_DOCUMENT_START_EVENT)
			state = 1;
		else if (state == 1)
			r = compose_event(&cp, &ev);
		else if (state == 2 && ev.type == YAML_DOCUMENT_START_EVENT)
			second = ev.start_mark;
		else if (state == 2 && ev.type != YAML_DOCUMENT_END_EVENT) {
			struct srcpos p = { file, (unsigned)second.line + 1, 1 };
			diag_error(d, &p, "remove the '---' separator and what follows",
			    "only one YAML document is allowed");
			r = -1;
		}
		yaml_event_delete(&ev);
		if (r < 0)
			break;
		if (r == 0)
			state = 2;
	}
	*root = cp.root;
	while (cp.depth > 0)
		free(cp.stack[--cp.depth].anchor);
	for (size_t i = 0; i < cp.n_anchors; i++)
		free(cp.anchors[i].name);
	free(cp.anchors);
	return ret;
}

int
yaml_load_config_mem(const char *data, size_t len, const char *name,
    const char *basedir, struct config *c, struct diag *d)
{
	yaml_parser_t parser;
	struct yctx y;
	yaml_node_t *root;
	int root_id;
	unsigned errors0 = d->errors;

	set_defaults(c);
	c->file = xstrdup(name);
	memset(&y, 0, sizeof(y));
	y.file = c->file;
	y.basedir = basedir;
	y.d = d;
	y.c = c;

	if (!yaml_parser_initialize(&parser)) {
		diag_error(d, NULL, NULL, "out of memory");
		config_free(c);
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (compose(&parser, c->file, &y.doc, &root_id, d) != 0) {
		yaml_document_delete(&y.doc);
		yaml_parser_delete(&parser);
		config_free(c);
		return -1;
	}
	root = root_id ? yaml_document_get_node(&y.doc, root_id) : NULL;
	if (root == NULL) {
		struct srcpos p = { c->file, 0, 0 };
		diag_error(d, &p, "start the file with: version: 1", "the file is empty");
	} else {
		load_root(&y, root, c);
	}
	yaml_document_delete(&y.doc);
	yaml_parser_delete(&parser);
	if (d->errors != errors0) {
		config_free(c);
		return -1;
	}
	return 0;
}

int
yaml_load_config(const char *path, struct config *c, struct diag *d)
{
	struct srcpos p = { path, 0, 0 };
	struct stat st;
	FILE *f;
	char *data, *basedir, *slash;
	size_t n;
	int r;

	memset(c, 0, sizeof(*c));
	f = fopen(path, "rb");
	if (f == NULL) {
		diag_error(d, &p, NULL, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_error(d, &p, NULL, "not a regular file");
		fclose(f);
		return -1;
	}
	if ((uint64_t)st.st_size > YAML_MAX_FILE) {
		diag_error(d, &p, "split the data or check that this is the right file",
		    "file is too large (%lld bytes, at most %u)", (long long)st.st_size,
		    YAML_MAX_FILE);
		fclose(f);
		return -1;
	}
	data = xmalloc((size_t)st.st_size + 1);
	n = fread(data, 1, (size_t)st.st_size, f);
	fclose(f);
	data[n] = '\0';

	basedir = xstrdup(path);
	slash = strrchr(basedir, '/');
	if (slash == NULL) {
		free(basedir);
		basedir = xstrdup(".");
	} else if (slash == basedir) {
		slash[1] = '\0';
	} else {
		*slash = '\0';
	}
	r = yaml_load_config_mem(data, n, path, basedir, c, d);
	free(basedir);
	free(data);
	return r;
}
