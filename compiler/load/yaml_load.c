#include "yaml_load.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "buf.h"
#include "community.h"
#include "config_check.h"
#include "irrname.h"
#include "reasons.h"
#include "strutil.h"
#include "validate.h"
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
	struct member	*member;	/* the member being read; NULL: IXP-wide */
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


static void
get_asn_list(struct yctx *y, yaml_node_t *n, const char *what, struct asnlist *out)
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

/*
 * One word out of a fixed list; the hint names them all and suggests the
 * nearest when the value looks like a typo.
 */
static bool
get_choice(struct yctx *y, yaml_node_t *v, const char *what, const char *const *words,
    unsigned *out)
{
	struct buf h = BUF_INIT, b = BUF_INIT;
	const char *s;
	size_t n = 0;

	if (!want_scalar(y, v, what))
		return false;
	for (n = 0; words[n] != NULL; n++)
		if (!strcmp(sval(v), words[n])) {
			*out = (unsigned)n;
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

/* ---- the schema ------------------------------------------------------- */

/*
 * Every section of the YAML is a table of keys: the name, the type, where
 * the value goes (an offset into the section's struct), its range, its
 * scope and its default as the documentation states it. One walker reads
 * every section through its table and builds the path of each value for
 * the messages (members[3].policy.irr.max_depth). A key a table lacks is
 * an unknown key, with a "did you mean".
 */
enum ytype {
	YT_BOOL,	/* bool */
	YT_U32,		/* uint32_t or unsigned, min..max */
	YT_ASN,		/* uint32_t; min 1: AS0 is refused */
	YT_TEXT,	/* char *, at most `max` bytes, then `check` */
	YT_PATH,	/* struct srcfile, relative to the YAML's directory */
	YT_CHOICE,	/* an enum, the index of one of `words` */
	YT_IP,		/* struct ipaddr of family `min` (AF4, AF6) */
	YT_PREFIXES,	/* struct pfxlist */
	YT_ASNS,	/* struct asnlist */
	YT_MAP,		/* a mapping read with `sub`, into the same struct */
	YT_FAMILIES,	/* {ipv4, ipv6}: two values of type `item`, `stride` apart */
	YT_CUSTOM,	/* `fn` reads it */
};

enum {
	YK_REQUIRED	= 1 << 0,
	YK_IXP_ONLY	= 1 << 1,	/* not in a member's policy */
	YK_CONFIG	= 1 << 2,	/* the value goes into struct config itself */
	YK_LATE		= 1 << 3,	/* read after the section's other keys */
	YK_LIST		= 1 << 4,	/* a list of `sub` mappings (for yaml_schema_keys) */
};

struct ysection;

struct ykey {
	const char		*name;
	enum ytype		 type;
	size_t			 off;
	unsigned		 flags;
	uint32_t		 min, max;
	const struct ysection	*sub;		/* YT_MAP; a custom list's items */
	const char *const	*words;		/* YT_CHOICE, NULL-terminated */
	enum ytype		 item;		/* YT_FAMILIES */
	size_t			 stride;
	bool			(*check)(const char *s);	/* YT_TEXT */
	const char		*bad;		/* YT_TEXT: "%s is not ..." when check fails */
	const char		*hint;		/* for `bad`, or when the key is missing */
	void			(*fn)(struct yctx *y, yaml_node_t *n, const char *path, void *dst);
	const char		*dflt;		/* as docs/configuration.md states it */
};

struct ysection {
	const struct ykey	*keys;
	/* Checks across the section's keys, once they are read. */
	void			(*after)(struct yctx *y, yaml_node_t *n, const char *path,
				    void *base, const struct ymap *m);
};

#define YMAX_KEYS 64

static void walk(struct yctx *y, yaml_node_t *n, const struct ysection *sec, const char *path,
    void *base);

/* path + "." + key, or path + "[i]" */
static void
subpath(char *out, size_t len, const char *path, const char *key, size_t idx)
{
	if (key != NULL)
		snprintf(out, len, "%s%s%s", path, *path ? "." : "", key);
	else
		snprintf(out, len, "%s[%zu]", path, idx);
}

static void
read_value(struct yctx *y, yaml_node_t *v, const struct ykey *k, const char *path, void *dst)
{
	struct buf b = BUF_INIT;
	unsigned u;

	switch (k->type) {
	case YT_BOOL:
		get_bool(y, v, path, dst);
		break;
	case YT_U32:
		get_u32(y, v, path, k->min, k->max, dst);
		break;
	case YT_ASN:
		if (get_asn(y, v, path, dst) && k->min > 0 && *(uint32_t *)dst == 0)
			err(y, v, NULL, "%s: AS0 is reserved", path);
		break;
	case YT_TEXT:
		if (!get_text(y, v, path, k->max, dst) || k->check == NULL ||
		    k->check(*(char **)dst))
			break;
		err(y, v, k->hint, "%s: %s %s", path, q(v, &b), k->bad);
		free(*(char **)dst);
		*(char **)dst = NULL;
		break;
	case YT_PATH:
		get_path(y, v, path, dst);
		break;
	case YT_CHOICE:
		if (get_choice(y, v, path, k->words, &u))
			*(int *)dst = (int)u;
		break;
	case YT_IP:
		get_ip(y, v, path, (int)k->min, dst);
		break;
	case YT_PREFIXES:
		get_prefix_list(y, v, path, dst, 0);
		break;
	case YT_ASNS:
		get_asn_list(y, v, path, dst);
		break;
	case YT_MAP:
		walk(y, v, k->sub, path, dst);
		break;
	case YT_FAMILIES: {
		static const char *const fams[] = { "ipv4", "ipv6", NULL };
		struct ykey item = *k;
		struct ymap m;
		const char *fk;
		yaml_node_t *fv;
		char p2[256];

		item.type = k->item;
		if (!ymap_begin(y, v, path, fams, &m))
			break;
		while (ymap_next(&m, &fk, &fv, NULL)) {
			int fam = strcmp(fk, "ipv4") ? FAM6 : FAM4;
			subpath(p2, sizeof(p2), path, fk, 0);
			read_value(y, fv, &item, p2, (char *)dst + (size_t)fam * k->stride);
		}
		break;
	}
	case YT_CUSTOM:
		k->fn(y, v, path, dst);
		break;
	}
	buf_free(&b);
}

/*
 * A mapping through its section's table, in table order (so a key can rely
 * on those before it, e.g. the BIRD version before the features it gates).
 */
static void
walk(struct yctx *y, yaml_node_t *n, const struct ysection *sec, const char *path, void *base)
{
	const char *names[YMAX_KEYS + 1];
	yaml_node_t *vals[YMAX_KEYS] = { NULL }, *keyn[YMAX_KEYS] = { NULL }, *v, *kn;
	struct ymap m;
	const char *k;
	size_t nk = 0;

	while (sec->keys[nk].name != NULL && nk < YMAX_KEYS) {
		names[nk] = sec->keys[nk].name;
		nk++;
	}
	names[nk] = NULL;
	if (!ymap_begin(y, n, *path ? path : "top level", names, &m))
		return;
	while (ymap_next(&m, &k, &v, &kn))
		for (size_t i = 0; i < nk; i++)
			if (names[i] == k) {
				vals[i] = v;
				keyn[i] = kn;
			}
	for (int late = 0; late < 2; late++)
		for (size_t i = 0; i < nk; i++) {
			const struct ykey *key = &sec->keys[i];
			char p2[256];
			if (vals[i] == NULL || (late != 0) != ((key->flags & YK_LATE) != 0))
				continue;
			if (y->member != NULL && (key->flags & YK_IXP_ONLY)) {
				err(y, keyn[i], "move it to the top-level policy section",
				    "%s: '%s' can only be set IXP-wide", path, key->name);
				continue;
			}
			subpath(p2, sizeof(p2), path, key->name, 0);
			read_value(y, vals[i], key, p2, (char *)((key->flags & YK_CONFIG) ?
			    (void *)y->c : base) + key->off);
		}
	for (size_t i = 0; i < nk; i++)
		if (sec->keys[i].flags & YK_REQUIRED)
			ymap_require(&m, sec->keys[i].name, sec->keys[i].hint);
	if (sec->after != NULL)
		sec->after(y, n, path, base, &m);
}

/*
 * A list whose items are mappings of one section, into an array of `size`
 * byte structs. `init` prepares an item (position, inherited values);
 * `keep` says whether it is added.
 */
static void
walk_list(struct yctx *y, yaml_node_t *n, const char *path, const struct ysection *sec,
    void **arr, size_t *count, size_t size,
    void (*init)(struct yctx *y, void *item, yaml_node_t *n),
    bool (*keep)(struct yctx *y, void *item, yaml_node_t *n))
{
	yaml_node_t **items;
	size_t total = seq_items(y, n, path, false, &items);
	char p2[256];

	*arr = xcalloc(total ? total : 1, size);
	*count = 0;
	for (size_t i = 0; i < total; i++) {
		void *item = (char *)*arr + *count * size;
		subpath(p2, sizeof(p2), path, NULL, i);
		memset(item, 0, size);
		if (init != NULL)
			init(y, item, items[i]);
		walk(y, items[i], sec, p2, item);
		if (keep == NULL || keep(y, item, items[i]))
			(*count)++;
	}
	free(items);
}

/* ---- value readers the tables name ---------------------------------- */

#define OFF(type, field) offsetof(type, field)


/* prefix_length.ipv4 / .ipv6: [min, max] */
static void
len_pair(struct yctx *y, yaml_node_t *n, const char *what, int fam, struct policy *p)
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
	if (get_u32(y, items[0], what, 0, max, &lo) && get_u32(y, items[1], what, 0, max, &hi)) {
		if (lo > hi) {
			err(y, n, NULL, "%s: minimum %u is larger than maximum %u", what, lo, hi);
		} else {
			p->len_min[fam] = (uint8_t)lo;
			p->len_max[fam] = (uint8_t)hi;
		}
	}
	free(items);
}

static void
r_len_v4(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	len_pair(y, n, path, FAM4, dst);
}

static void
r_len_v6(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	len_pair(y, n, path, FAM6, dst);
}

static void
r_bogon_asns(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct config *c = dst;
	yaml_node_t **items;
	size_t count;
	struct buf b = BUF_INIT;

	if (is_word(n, "default"))
		return;
	count = seq_items(y, n, path, false, &items);
	free(c->bogon_asns);
	c->bogon_asns = xcalloc(count ? count : 1, sizeof(*c->bogon_asns));
	c->n_bogon_asns = 0;
	for (size_t i = 0; i < count; i++) {
		if (!want_scalar(y, items[i], path))
			continue;
		if (!asn_range_parse(sval(items[i]), slen(items[i]),
		    &c->bogon_asns[c->n_bogon_asns])) {
			err(y, items[i], "write an ASN (64496) or a range in quotes (\"64496-131071\")",
			    "%s: %s is not an ASN or ASN range", path, q(items[i], &b));
			continue;
		}
		c->n_bogon_asns++;
	}
	buf_free(&b);
	free(items);
}

static void
r_bogon_prefixes(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct config *c = dst;
	struct pfxlist all = { NULL, 0 };

	if (is_word(n, "default"))
		return;
	get_prefix_list(y, n, path, &all, 0);
	for (int fam = 0; fam < 2; fam++) {
		free(c->bogon_prefixes[fam].v);
		c->bogon_prefixes[fam].v = xcalloc(all.n ? all.n : 1, sizeof(struct prefix));
		c->bogon_prefixes[fam].n = 0;
	}
	for (size_t i = 0; i < all.n; i++) {
		int fam = fam_of_af(all.v[i].af);
		c->bogon_prefixes[fam].v[c->bogon_prefixes[fam].n++] = all.v[i];
	}
	free(all.v);
}

/*
 * One blacklist or whitelist entry: a prefix, or {prefix: P, exact: true}
 * for P alone, or {prefix: P, ge: N, le: M} for the lengths N..M inside P
 * (arouteserver's global_black_list_pref). A prefix alone covers its
 * more-specifics in a blacklist; in a whitelist (`narrow`) only itself:
 * an override should let through no more than it names. With `origin`,
 * the entry is a mapping that names its origin ASN too.
 */
static bool
get_range(struct yctx *y, yaml_node_t *n, const char *what, struct pfxrange *out,
    uint32_t *origin, bool narrow)
{
	static const char *const keys[] = { "prefix", "exact", "ge", "le", NULL };
	static const char *const keys_origin[] = { "prefix", "exact", "ge", "le", "origin", NULL };
	struct ymap m;
	const char *k;
	yaml_node_t *v;
	bool exact = false, ok = true;
	uint32_t ge = 0, le = 0;

	if (n->type == YAML_SCALAR_NODE && origin == NULL) {
		if (!get_prefix(y, n, what, &out->p))
			return false;
		*out = pfxrange_orlonger(&out->p);
		if (narrow)
			out->le = out->p.len;
		return true;
	}
	if (!ymap_begin(y, n, what, origin ? keys_origin : keys, &m))
		return false;
	memset(out, 0, sizeof(*out));
	while (ymap_next(&m, &k, &v, NULL)) {
		if (!strcmp(k, "prefix"))
			ok &= get_prefix(y, v, what, &out->p);
		else if (!strcmp(k, "exact"))
			ok &= get_bool(y, v, what, &exact);
		else if (!strcmp(k, "ge"))
			ok &= get_u32(y, v, what, 0, 128, &ge);
		else if (!strcmp(k, "le"))
			ok &= get_u32(y, v, what, 0, 128, &le);
		else
			ok &= get_asn(y, v, what, origin);
	}
	ymap_require(&m, "prefix", "name the prefix: {prefix: 192.0.2.0/24, le: 28}");
	if (origin != NULL)
		ymap_require(&m, "origin", "a whitelisted route names its origin ASN");
	if (!ok || !ymap_has(&m, "prefix") || (origin != NULL && !ymap_has(&m, "origin")))
		return false;
	if (exact && (ymap_has(&m, "ge") || ymap_has(&m, "le"))) {
		err(y, n, "use exact: true alone, or ge/le", "%s: exact with ge or le", what);
		return false;
	}
	*out = pfxrange_orlonger(&out->p);
	if (exact || (narrow && !ymap_has(&m, "le") && !ymap_has(&m, "ge")))
		out->le = out->p.len;
	if (ymap_has(&m, "ge"))
		out->ge = (uint8_t)ge;
	if (ymap_has(&m, "le"))
		out->le = (uint8_t)le;
	if (out->ge < out->p.len || out->ge > out->le || out->le > prefix_max_len(&out->p)) {
		char tmp[ADDR_STRLEN];
		err(y, n, "the lengths must satisfy prefix length <= ge <= le <= 32 (128 for IPv6)",
		    "%s: %s{%u,%u} is not a valid range", what, prefix_format(&out->p, tmp),
		    out->ge, out->le);
		return false;
	}
	return true;
}

static int
cmp_range(const void *a, const void *b)
{
	const struct pfxrange *x = a, *y = b;
	int r = prefix_cmp(&x->p, &y->p);

	return r ? r : x->ge != y->ge ? (x->ge < y->ge ? -1 : 1) : (x->le > y->le) - (x->le < y->le);
}

/* A list of blacklist-style entries; duplicates are reported. */
static void
get_range_list(struct yctx *y, yaml_node_t *n, const char *path, struct rangelist *out,
    bool narrow)
{
	yaml_node_t **items;
	size_t count = seq_items(y, n, path, false, &items);

	free(out->v);
	out->v = xcalloc(count ? count : 1, sizeof(*out->v));
	out->n = 0;
	for (size_t i = 0; i < count; i++) {
		struct pfxrange r;
		size_t j;
		char tmp[PFXRANGE_STRLEN];
		if (!get_range(y, items[i], path, &r, NULL, narrow))
			continue;
		for (j = 0; j < out->n && cmp_range(&out->v[j], &r) != 0; j++)
			;
		if (j < out->n)
			err(y, items[i], "remove the duplicate", "%s: %s is listed twice", path,
			    pfxrange_format(&r, tmp));
		else
			out->v[out->n++] = r;
	}
	qsort(out->v, out->n, sizeof(*out->v), cmp_range);
	free(items);
}

/* The IXP's blacklist (code 3), or a member's own (code 11). */
static void
r_blacklist(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	(void)dst;
	get_range_list(y, n, path, y->member ? &y->member->blacklist : &y->c->blacklist, false);
}

static void
r_wl_prefixes(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	get_range_list(y, n, path, dst, true);
}

static void
r_wl_routes(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct whitelist *wl = dst;
	yaml_node_t **items;
	size_t count = seq_items(y, n, path, false, &items);

	wl->routes = xcalloc(count ? count : 1, sizeof(*wl->routes));
	for (size_t i = 0; i < count; i++) {
		struct wl_route *w = &wl->routes[wl->n_routes];
		if (get_range(y, items[i], path, &w->r, &w->origin, true))
			wl->n_routes++;
	}
	free(items);
}

/* A member's extra next hops: LAN addresses (config_check says whose). */
static void
r_next_hops(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	yaml_node_t **items;
	size_t count;
	struct member *mb = y->member;

	(void)dst;
	if (mb == NULL) {
		err(y, n, "list them in the member's own policy",
		    "%s: extra next hops are set per member", path);
		return;
	}
	count = seq_items(y, n, path, true, &items);
	mb->next_hops = xcalloc(count ? count : 1, sizeof(*mb->next_hops));
	mb->next_hops_pos = xcalloc(count ? count : 1, sizeof(*mb->next_hops_pos));
	for (size_t i = 0; i < count; i++)
		if (get_ip(y, items[i], path, 0, &mb->next_hops[mb->n_next_hops])) {
			mb->next_hops_pos[mb->n_next_hops] = pos_of(y, items[i]);
			mb->n_next_hops++;
		}
	free(items);
}

static void
r_blackhole_nh(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct ipaddr *ip = dst;
	char tmp[ADDR_STRLEN];
	int af = strstr(path, "ipv6") ? AF6 : AF4;

	if (!get_ip(y, n, path, af, ip))
		return;
	/* The peering LANs are read before the policy (the root's table order). */
	if (config_lan_of(y->c, ip) == NULL)
		err(y, n, "the blackhole next hop is an address on the peering LAN",
		    "%s: next hop %s is not inside a peering LAN", path, ip_format(ip, tmp));
}

static void
after_aspa(struct yctx *y, yaml_node_t *n, const char *path, void *base, const struct ymap *m)
{
	const struct policy *p = base;

	(void)m;
	if (p->aspa_reject_invalid && !y->c->bird.aspa)
		err(y, n, "set ixp.bird.version to \"2.16\" or later, or leave ASPA off",
		    "%s: ASPA needs BIRD %s (ixp.bird.version is %u.%u)", path,
		    bird_dialect_since(BIRD_FEATURE(aspa)), y->c->bird_major, y->c->bird_minor);
}

static void
r_bird_version(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct config *c = dst;
	unsigned maj, min;
	char tail;
	struct buf b = BUF_INIT;

	if (!want_scalar(y, n, path))
		return;
	if (sscanf(sval(n), "%u.%u%c", &maj, &min, &tail) != 2 || (maj != 2 && maj != 3) ||
	    min > 99 || slen(n) > 6) {
		err(y, n, "write the oldest BIRD release the config must load in, e.g. \"2.0\" or "
		    "\"2.16\"", "%s: %s is not a supported BIRD version (2.x or 3.x)", path, q(n, &b));
		buf_free(&b);
		return;
	}
	c->bird_major = maj;
	c->bird_minor = min;
	bird_dialect_of(maj, min, &c->bird);
}

/*
 * A local BIRD file (ixp.bird.include, members[].bird_include): an
 * existing readable regular file, kept as its canonical absolute path
 * (BIRD resolves a relative `include` against its own working directory),
 * in characters a BIRD string takes as they are.
 */
static void
r_include(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct srcfile *f = dst, tmp = { NULL, { NULL, 0, 0 } };
	char *real;
	struct stat st;

	if (!get_path(y, n, path, &tmp))
		return;
	real = realpath(tmp.path, NULL);
	if (real == NULL || stat(real, &st) != 0 || access(real, R_OK) != 0) {
		err(y, n, "name an existing file that BIRD can read", "%s: %s: %s", path,
		    tmp.path, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		err(y, n, "name an existing file that BIRD can read",
		    "%s: %s: not a regular file", path, tmp.path);
	} else if (!valid_socket_path(real)) {
		err(y, n, "use a path of letters, digits, '/', '.', '_' and '-'",
		    "%s: %s: the path has characters a BIRD include cannot take", path, real);
	} else {
		free(f->path);
		f->path = real;
		f->pos = tmp.pos;
		real = NULL;
	}
	free(real);
	free(tmp.path);
}

static const struct ykey include_keys[] = {
	{ .name = "header", .type = YT_CUSTOM, .fn = r_include,
	  .off = OFF(struct config, bird_include[INC_HEADER]) },
	{ .name = "ipv4", .type = YT_CUSTOM, .fn = r_include,
	  .off = OFF(struct config, bird_include[INC_IPV4]) },
	{ .name = "ipv6", .type = YT_CUSTOM, .fn = r_include,
	  .off = OFF(struct config, bird_include[INC_IPV6]) },
	{ .name = "session", .type = YT_CUSTOM, .fn = r_include,
	  .off = OFF(struct config, bird_include[INC_SESSION]) },
	{ .name = "footer", .type = YT_CUSTOM, .fn = r_include,
	  .off = OFF(struct config, bird_include[INC_FOOTER]) },
	{ NULL },
};
static const struct ysection include_section = { include_keys, NULL };

static void
r_irr_filter(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	static const char *const repr[] = { "table", "prefix_sets", "rtr", NULL };
	unsigned i;

	if (get_choice(y, n, path, repr, &i)) {
		((struct config *)dst)->irr_table = i != 1;
		((struct config *)dst)->irr_rtr = i == 2;
	}
}

static void r_port16(struct yctx *, yaml_node_t *, const char *, void *);

/* ixp.bird.irr_rtr: where BIRD reaches the RTR caches of irr_filter: rtr. */
static const struct ykey irr_rtr_keys[] = {
	{ .name = "host", .type = YT_TEXT, .off = OFF(struct config, irr_rtr_cache.host),
	  .max = 253, .check = valid_hostname, .bad = "is not a valid host",
	  .hint = "use an IP address or a DNS name", .dflt = "127.0.0.1" },
	{ .name = "exact_port", .type = YT_CUSTOM, .off = OFF(struct config, irr_rtr_cache.exact_port),
	  .fn = r_port16, .dflt = "8330" },
	{ .name = "or_longer_port", .type = YT_CUSTOM,
	  .off = OFF(struct config, irr_rtr_cache.or_longer_port), .fn = r_port16, .dflt = "8331" },
	{ NULL },
};
static const struct ysection irr_rtr_section = { irr_rtr_keys, NULL };

/* ixp.bird.vrps_rtr: the cache that serves sources.rpki.vrps to BIRD. */
static const struct ykey vrps_rtr_keys[] = {
	{ .name = "host", .type = YT_TEXT, .off = OFF(struct config, vrps_rtr.host),
	  .max = 253, .check = valid_hostname, .bad = "is not a valid host",
	  .hint = "use an IP address or a DNS name" },
	{ .name = "port", .type = YT_CUSTOM, .off = OFF(struct config, vrps_rtr.port),
	  .fn = r_port16, .flags = YK_REQUIRED, .hint = "the port of the StayRTR that reads rpki-rtr.json" },
	{ NULL },
};
static const struct ysection vrps_rtr_section = { vrps_rtr_keys, NULL };

/* The RTR maps of ixp.bird, with where they are for config_check. */
static void
r_irr_rtr(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	((struct config *)dst)->irr_rtr_cache.pos = pos_of(y, n);
	walk(y, n, &irr_rtr_section, path, dst);
}

static void
r_vrps_rtr(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	((struct config *)dst)->vrps_rtr.pos = pos_of(y, n);
	walk(y, n, &vrps_rtr_section, path, dst);
}

static void
r_cache_dir(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct srcfile f = { NULL, { NULL, 0, 0 } };
	char **dir = dst;

	if (get_path(y, n, path, &f)) {
		free(*dir);
		*dir = f.path;
	}
}

static void
r_irr_sources(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct sources *s = dst;
	yaml_node_t **items;
	size_t count = seq_items(y, n, path, false, &items);
	struct buf b = BUF_INIT;

	s->irr_sources = xcalloc(count ? count : 1, sizeof(char *));
	for (size_t i = 0; i < count; i++) {
		char *name;
		if (!want_scalar(y, items[i], path))
			continue;
		if (!irrname_valid_source(sval(items[i]), slen(items[i]))) {
			err(y, items[i], "IRR source names are like RIPE, ARIN, RADB",
			    "%s: %s is not a valid source name", path, q(items[i], &b));
			continue;
		}
		name = xstrdup(sval(items[i]));
		str_upper(name);
		for (size_t j = 0; j < s->n_irr_sources && name != NULL; j++)
			if (!strcmp(s->irr_sources[j], name)) {
				err(y, items[i], "remove the duplicate", "%s: %s is listed twice",
				    path, name);
				free(name);
				name = NULL;
			}
		if (name != NULL)
			s->irr_sources[s->n_irr_sources++] = name;
	}
	free(items);
	buf_free(&b);
}

/* Files (relative to the YAML), or with `hosts` host:port servers. */
static void
srcfile_list(struct yctx *y, yaml_node_t *n, const char *path, bool hosts,
    struct srcfile **out, size_t *nout)
{
	yaml_node_t **items;
	size_t count = seq_items(y, n, path, true, &items);
	struct buf b = BUF_INIT;

	*out = xcalloc(count ? count : 1, sizeof(**out));
	*nout = 0;
	for (size_t i = 0; i < count; i++) {
		struct srcfile *f = &(*out)[*nout];
		if (!hosts) {
			if (get_path(y, items[i], path, f))
				(*nout)++;
			continue;
		}
		if (!get_text(y, items[i], path, 260, &f->path))
			continue;
		if (!valid_hostname(f->path) || strchr(f->path, ':') == NULL) {
			err(y, items[i], "write host:port, e.g. rr.ntt.net:43",
			    "%s: %s is not a valid server", path, q(items[i], &b));
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
r_irr_servers(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct sources *s = dst;

	srcfile_list(y, n, path, true, &s->irr_servers, &s->n_irr_servers);
}

static void
r_irr_dumps(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct sources *s = dst;

	srcfile_list(y, n, path, false, &s->irr_dumps, &s->n_irr_dumps);
}

static void
after_irr(struct yctx *y, yaml_node_t *n, const char *path, void *base, const struct ymap *m)
{
	const struct sources *s = base;

	(void)m;
	if (s->n_irr_servers > 0 && s->n_irr_dumps > 0)
		err(y, n, "live servers and dumps would disagree; keep one of them",
		    "%s: give servers or dumps, not both", path);
}

static void
r_port16(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	uint32_t port;

	if (get_u32(y, n, path, 1, 65535, &port))
		*(uint16_t *)dst = (uint16_t)port;
}

static const struct ykey rtr_keys[] = {
	{ .name = "host", .type = YT_TEXT, .off = OFF(struct rtr_server, host),
	  .flags = YK_REQUIRED, .max = 253, .check = valid_hostname,
	  .bad = "is not a valid host", .hint = "use an IP address or a DNS name" },
	{ .name = "port", .type = YT_CUSTOM, .off = OFF(struct rtr_server, port),
	  .flags = YK_REQUIRED, .fn = r_port16,
	  .hint = "StayRTR listens on 8282, Routinator on 3323" },
	{ .name = "aspa", .type = YT_BOOL, .off = OFF(struct rtr_server, aspa), .dflt = "false" },
	{ NULL },
};
static const struct ysection rtr_section = { rtr_keys, NULL };

static void
init_rtr(struct yctx *y, void *item, yaml_node_t *n)
{
	((struct rtr_server *)item)->pos = pos_of(y, n);
}

static bool
keep_rtr(struct yctx *y, void *item, yaml_node_t *n)
{
	struct rtr_server *r = item;

	(void)y;
	(void)n;
	if (r->host != NULL && r->port != 0)
		return true;
	free(r->host);
	return false;
}

static void
r_rtr(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct sources *s = dst;

	walk_list(y, n, path, &rtr_section, (void **)&s->rtr, &s->n_rtr, sizeof(*s->rtr),
	    init_rtr, keep_rtr);
}

static const struct ethertype_name {
	const char	*name;
	uint16_t	 type;
} ethertype_names[] = {
	{ "ipv4", 0x0800 }, { "arp", 0x0806 }, { "ipv6", 0x86dd }, { "lacp", 0x8809 },
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
r_traffic_ethertypes(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct traffic *t = dst;

	get_ethertypes(y, n, path, &t->ethertypes, &t->n_ethertypes);
}

static void
r_conn_ethertypes(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct connection *cn = dst;

	get_ethertypes(y, n, path, &cn->extra_ethertypes, &cn->n_extra_ethertypes);
}

static void
r_macs(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct connection *cn = dst;
	yaml_node_t **items;
	size_t count = seq_items(y, n, path, true, &items);
	struct buf b = BUF_INIT;

	cn->macs = xcalloc(count ? count : 1, 6);
	for (size_t i = 0; i < count; i++) {
		uint8_t *mac = cn->macs[cn->n_macs];
		if (!want_scalar(y, items[i], path))
			continue;
		if (!valid_mac(sval(items[i]), slen(items[i]), mac))
			err(y, items[i], "write a MAC as \"02:00:00:00:01:01\" (quoted)",
			    "%s: %s is not a MAC address", path, q(items[i], &b));
		else if (mac[0] & 1)
			err(y, items[i], "a router's MAC is a unicast address",
			    "%s: %s is a multicast MAC", path, q(items[i], &b));
		else if (!memcmp(mac, "\0\0\0\0\0\0", 6))
			err(y, items[i], NULL, "%s: the all-zero MAC is not valid", path);
		else
			cn->n_macs++;
	}
	free(items);
	buf_free(&b);
}

static const struct ykey connection_keys[] = {
	{ .name = "port", .type = YT_TEXT, .off = OFF(struct connection, port),
	  .flags = YK_REQUIRED, .max = 64, .hint = "name the switch port, e.g. sw1:ge-0/0/1" },
	{ .name = "interface", .type = YT_TEXT, .off = OFF(struct connection, iface), .max = 64,
	  .check = valid_ifname, .bad = "is not a valid interface name",
	  .hint = "a Linux interface name is 1-15 letters, digits, '_', '.', '-'" },
	{ .name = "macs", .type = YT_CUSTOM, .fn = r_macs },
	{ .name = "ipv4", .type = YT_IP, .off = OFF(struct connection, addr[FAM4]), .min = AF4 },
	{ .name = "ipv6", .type = YT_IP, .off = OFF(struct connection, addr[FAM6]), .min = AF6 },
	{ .name = "session_ipv4", .type = YT_IP, .off = OFF(struct connection, session[FAM4]),
	  .min = AF4 },
	{ .name = "session_ipv6", .type = YT_IP, .off = OFF(struct connection, session[FAM6]),
	  .min = AF6 },
	{ .name = "md5", .type = YT_TEXT, .off = OFF(struct connection, md5), .max = 80,
	  .check = valid_md5, .bad = "contains a character BIRD cannot read",
	  .hint = "use printable ASCII without '\"' and '\\'" },
	{ .name = "lacp", .type = YT_BOOL, .off = OFF(struct connection, lacp), .dflt = "false" },
	{ .name = "extra_ethertypes", .type = YT_CUSTOM, .fn = r_conn_ethertypes },
	{ NULL },
};

static void
after_connection(struct yctx *y, yaml_node_t *n, const char *path, void *base,
    const struct ymap *m)
{
	struct connection *cn = base;

	if (!ymap_has(m, "ipv4") && !ymap_has(m, "ipv6"))
		err(y, n, NULL, "%s: a connection needs an ipv4 or ipv6 address", path);
	/* The port names the bridge port unless `interface` says otherwise. */
	if (cn->iface == NULL && !ymap_has(m, "interface") && cn->port != NULL &&
	    valid_ifname(cn->port))
		cn->iface = xstrdup(cn->port);
}

static const struct ysection connection_section = { connection_keys, after_connection };

static void
init_connection(struct yctx *y, void *item, yaml_node_t *n)
{
	((struct connection *)item)->pos = pos_of(y, n);
}

static void
r_connections(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct member *mb = dst;

	walk_list(y, n, path, &connection_section, (void **)&mb->conns, &mb->n_conns,
	    sizeof(*mb->conns), init_connection, NULL);
}

static void
r_as_set(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct member *mb = dst;
	yaml_node_t **items;
	size_t count = seq_items(y, n, path, true, &items);
	struct buf b = BUF_INIT;

	mb->as_sets = xcalloc(count ? count : 1, sizeof(char *));
	mb->as_set_pos = xcalloc(count ? count : 1, sizeof(struct srcpos));
	for (size_t i = 0; i < count; i++) {
		struct irrname in;
		const char *why;
		char txt[IRRNAME_MAX + 40];
		if (!want_scalar(y, items[i], path))
			continue;
		if (!irrname_parse(sval(items[i]), slen(items[i]), &in, &why)) {
			err(y, items[i], why, "%s: %s is not a valid AS-SET or ASN", path,
			    q(items[i], &b));
			continue;
		}
		irrname_format(&in, txt, sizeof(txt));
		mb->as_set_pos[mb->n_as_sets] = pos_of(y, items[i]);
		mb->as_sets[mb->n_as_sets++] = xstrdup(txt);
	}
	if (count == 0 && !is_null(n) && n->type == YAML_SEQUENCE_NODE)
		err(y, n, "remove the key to use PeeringDB's AS-SET or the ASN alone",
		    "%s: empty list", path);
	free(items);
	buf_free(&b);
}

static const struct ysection policy_section;

/* A member's overrides, read over its copy of the IXP-wide policy. */
static void
r_member_policy(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	walk(y, n, &policy_section, path, &((struct member *)dst)->policy);
}

static const struct ykey contact_keys[] = {
	{ .name = "email", .type = YT_TEXT, .off = OFF(struct member, email), .max = 254,
	  .check = valid_email, .bad = "is not an e-mail address",
	  .hint = "write a plain address, e.g. noc@example.net" },
	{ .name = "phone", .type = YT_TEXT, .off = OFF(struct member, phone), .max = 40,
	  .check = valid_phone, .bad = "is not a phone number",
	  .hint = "use digits, spaces and + ( ) - . /" },
	{ NULL },
};
static const struct ysection contact_section = { contact_keys, NULL };

static const struct ykey whitelist_keys[] = {
	{ .name = "prefixes", .type = YT_CUSTOM, .fn = r_wl_prefixes,
	  .off = OFF(struct whitelist, prefixes) },
	{ .name = "asns", .type = YT_ASNS, .off = OFF(struct whitelist, asns) },
	{ .name = "routes", .type = YT_CUSTOM, .fn = r_wl_routes },
	{ NULL },
};
static const struct ysection whitelist_section = { whitelist_keys, NULL };

static const struct ykey member_keys[] = {
	{ .name = "asn", .type = YT_ASN, .off = OFF(struct member, asn), .flags = YK_REQUIRED },
	{ .name = "name", .type = YT_TEXT, .off = OFF(struct member, name),
	  .flags = YK_REQUIRED, .max = NAME_MAX_LEN },
	{ .name = "as_set", .type = YT_CUSTOM, .fn = r_as_set },
	{ .name = "max_prefix", .type = YT_FAMILIES, .off = OFF(struct member, max_prefix),
	  .item = YT_U32, .stride = sizeof(uint32_t), .min = 1, .max = 10000000 },
	{ .name = "contact", .type = YT_MAP, .sub = &contact_section },
	{ .name = "manrs", .type = YT_BOOL, .off = OFF(struct member, manrs), .dflt = "false" },
	{ .name = "connections", .type = YT_CUSTOM, .fn = r_connections,
	  .flags = YK_REQUIRED | YK_LIST, .sub = &connection_section,
	  .hint = "list at least one connection with its port and address" },
	{ .name = "policy", .type = YT_CUSTOM, .fn = r_member_policy, .flags = YK_LATE,
	  .sub = &policy_section },
	{ .name = "whitelist", .type = YT_MAP, .sub = &whitelist_section,
	  .off = OFF(struct member, whitelist) },
	{ .name = "bird_include", .type = YT_CUSTOM, .fn = r_include,
	  .off = OFF(struct member, bird_include) },
	{ NULL },
};

static void
after_member(struct yctx *y, yaml_node_t *n, const char *path, void *base, const struct ymap *m)
{
	const struct member *mb = base;

	if (ymap_has(m, "connections") && mb->n_conns == 0 && y->d->errors == 0)
		err(y, n, NULL, "%s: the member has no connections", path);
	/* A BGP speaker off the LAN is reached through the member's router. */
	for (size_t i = 0; i < mb->n_conns; i++)
		for (int fam = 0; fam < 2; fam++) {
			const struct connection *cn = &mb->conns[i];
			if (cn->session[fam].af == 0)
				continue;
			if (cn->addr[fam].af == 0)
				diag_error(y->d, &cn->pos, "the LAN address is the routes' next hop",
				    "%s.connections[%zu]: session_ipv%d without ipv%d", path, i,
				    fam == FAM4 ? 4 : 6, fam == FAM4 ? 4 : 6);
			else if (mb->policy.session.multihop == 0)
				diag_error(y->d, &cn->pos, "set policy.session.multihop in the "
				    "member's policy (the hops to that address)",
				    "%s.connections[%zu]: a session with an address off the LAN "
				    "needs multihop", path, i);
		}
}

static const struct ysection member_section = { member_keys, after_member };

static void
init_member(struct yctx *y, void *item, yaml_node_t *n)
{
	struct member *mb = item;

	mb->pos = pos_of(y, n);
	mb->policy = y->c->policy;
	y->member = mb;
}

static bool
keep_member(struct yctx *y, void *item, yaml_node_t *n)
{
	(void)item;
	(void)n;
	y->member = NULL;
	return true;
}

static int
cmp_member(const void *a, const void *b)
{
	const struct member *x = a, *y = b;

	return x->asn < y->asn ? -1 : x->asn > y->asn;
}

static void
r_members(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct config *c = dst;

	walk_list(y, n, path, &member_section, (void **)&c->members, &c->n_members,
	    sizeof(*c->members), init_member, keep_member);
	/* Everything after the loader sees them in ASN order. */
	qsort(c->members, c->n_members, sizeof(*c->members), cmp_member);
}

static const struct ykey rs_keys[] = {
	{ .name = "name", .type = YT_TEXT, .off = OFF(struct route_server, name),
	  .flags = YK_REQUIRED, .max = 32, .check = valid_rs_name, .bad = "contains invalid "
	  "characters", .hint = "use letters, digits, '_' and '-' (it becomes a file name)" },
	{ .name = "router_id", .type = YT_IP, .off = OFF(struct route_server, router_id),
	  .flags = YK_REQUIRED, .min = AF4,
	  .hint = "the router ID is an IPv4 address, usually the RS's own" },
	{ .name = "ipv4", .type = YT_IP, .off = OFF(struct route_server, addr[FAM4]), .min = AF4 },
	{ .name = "ipv6", .type = YT_IP, .off = OFF(struct route_server, addr[FAM6]), .min = AF6 },
	{ NULL },
};

static void
after_rs(struct yctx *y, yaml_node_t *n, const char *path, void *base, const struct ymap *m)
{
	(void)base;
	if (!ymap_has(m, "ipv4") && !ymap_has(m, "ipv6"))
		err(y, n, NULL, "%s: a route server needs an ipv4 or ipv6 address (or both)", path);
}

static const struct ysection rs_section = { rs_keys, after_rs };

static void
init_rs(struct yctx *y, void *item, yaml_node_t *n)
{
	((struct route_server *)item)->pos = pos_of(y, n);
}

static bool
keep_rs(struct yctx *y, void *item, yaml_node_t *n)
{
	struct route_server *rs = item;
	const struct config *c = y->c;

	if (rs->name == NULL)
		return false;
	for (size_t j = 0; j < c->n_rs; j++)
		if (!strcmp(c->rs[j].name, rs->name))
			err(y, n, "route server names must be unique",
			    "route server \"%s\" is defined twice", rs->name);
	return true;
}

static void
r_route_servers(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct config *c = dst;

	if (n->type == YAML_SEQUENCE_NODE && n->data.sequence.items.top ==
	    n->data.sequence.items.start)
		err(y, n, NULL, "%s: at least one route server is needed", path);
	walk_list(y, n, path, &rs_section, (void **)&c->rs, &c->n_rs, sizeof(*c->rs), init_rs,
	    keep_rs);
}

static const struct ykey collector_keys[] = {
	{ .name = "name", .type = YT_TEXT, .off = OFF(struct collector, name),
	  .flags = YK_REQUIRED, .max = 32, .check = valid_symbol_part, .bad = "contains invalid "
	  "characters", .hint = "use letters, digits and '_' (it becomes part of a BIRD name)" },
	{ .name = "asn", .type = YT_ASN, .off = OFF(struct collector, asn), .flags = YK_REQUIRED },
	{ .name = "ipv4", .type = YT_IP, .off = OFF(struct collector, addr[FAM4]), .min = AF4 },
	{ .name = "ipv6", .type = YT_IP, .off = OFF(struct collector, addr[FAM6]), .min = AF6 },
	{ .name = "md5", .type = YT_TEXT, .off = OFF(struct collector, md5), .max = 80,
	  .check = valid_md5, .bad = "contains a character BIRD cannot read",
	  .hint = "use printable ASCII without '\"' and '\\'" },
	{ .name = "add_path", .type = YT_BOOL, .off = OFF(struct collector, add_path),
	  .dflt = "false" },
	{ NULL },
};

static void
after_collector(struct yctx *y, yaml_node_t *n, const char *path, void *base,
    const struct ymap *m)
{
	const struct collector *co = base;

	if (!ymap_has(m, "ipv4") && !ymap_has(m, "ipv6"))
		err(y, n, NULL, "%s: a collector needs an ipv4 or ipv6 address (or both)", path);
	if (ymap_has(m, "asn") && co->asn == y->c->rs_asn)
		err(y, n, "a collector peers with eBGP from its own ASN",
		    "%s: AS%u is the route server's own ASN", path, co->asn);
}
static const struct ysection collector_section = { collector_keys, after_collector };

static void
init_collector(struct yctx *y, void *item, yaml_node_t *n)
{
	((struct collector *)item)->pos = pos_of(y, n);
}

static bool
keep_collector(struct yctx *y, void *item, yaml_node_t *n)
{
	struct collector *co = item;
	const struct config *c = y->c;

	if (co->name == NULL) {		/* refused: what was read of it goes too */
		free(co->md5);
		co->md5 = NULL;
		return false;
	}
	for (size_t j = 0; j < c->n_collectors; j++)
		if (!strcmp(c->collectors[j].name, co->name))
			err(y, n, "collector names must be unique", "collector \"%s\" is defined twice",
			    co->name);
	return true;
}

static void
r_collectors(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct config *c = dst;

	walk_list(y, n, path, &collector_section, (void **)&c->collectors, &c->n_collectors,
	    sizeof(*c->collectors), init_collector, keep_collector);
}

/* ---- the tables ------------------------------------------------------- */

static const struct ykey irr_policy_keys[] = {
	{ .name = "enforce_origin", .type = YT_BOOL, .off = OFF(struct policy, irr_enforce_origin),
	  .dflt = "true" },
	{ .name = "enforce_prefix", .type = YT_BOOL, .off = OFF(struct policy, irr_enforce_prefix),
	  .dflt = "true" },
	{ .name = "allow_more_specifics", .type = YT_BOOL,
	  .off = OFF(struct policy, irr_allow_more_specifics), .dflt = "false" },
	{ .name = "rpki_as_route_object", .type = YT_BOOL,
	  .off = OFF(struct policy, irr_rpki_as_route_object), .dflt = "false" },
	{ .name = "tag", .type = YT_BOOL, .off = OFF(struct policy, irr_tag), .dflt = "false" },
	{ .name = "max_depth", .type = YT_U32, .off = OFF(struct policy, irr_max_depth),
	  .min = 1, .max = 100, .dflt = "20" },
	{ .name = "max_asns", .type = YT_U32, .off = OFF(struct policy, irr_max_asns),
	  .min = 1, .max = 10000000, .dflt = "100000" },
	{ .name = "max_prefixes", .type = YT_U32, .off = OFF(struct policy, irr_max_prefixes),
	  .min = 1, .max = 10000000, .dflt = "1000000" },
	{ NULL },
};
static const struct ysection irr_policy_section = { irr_policy_keys, NULL };

static const struct ykey rpki_policy_keys[] = {
	{ .name = "reject_invalid", .type = YT_BOOL, .off = OFF(struct policy, rpki_reject_invalid),
	  .dflt = "true" },
	{ NULL },
};
static const struct ysection rpki_policy_section = { rpki_policy_keys, NULL };

static const struct ykey aspa_policy_keys[] = {
	{ .name = "reject_invalid", .type = YT_BOOL, .off = OFF(struct policy, aspa_reject_invalid),
	  .dflt = "false" },
	{ NULL },
};
static const struct ysection aspa_policy_section = { aspa_policy_keys, after_aspa };

static const char *const mp_actions[] = { "warn", "block", "restart", "disable", NULL };

static const struct ykey mp_headroom_keys[] = {
	{ .name = "absolute", .type = YT_U32, .off = OFF(struct policy, mp_headroom_abs),
	  .min = 0, .max = 1000000, .dflt = "100" },
	{ .name = "percent", .type = YT_U32, .off = OFF(struct policy, mp_headroom_pct),
	  .min = 0, .max = 1000, .dflt = "15" },
	{ NULL },
};
static const struct ysection mp_headroom_section = { mp_headroom_keys, NULL };

static const struct ykey mp_policy_keys[] = {
	{ .name = "action", .type = YT_CHOICE, .off = OFF(struct policy, mp_action),
	  .words = mp_actions, .dflt = "restart" },
	{ .name = "default", .type = YT_FAMILIES, .off = OFF(struct policy, mp_default),
	  .item = YT_U32, .stride = sizeof(uint32_t), .min = 1, .max = 10000000,
	  .dflt = "{ipv4: 100, ipv6: 50}" },
	{ .name = "from_peeringdb", .type = YT_BOOL, .off = OFF(struct policy, mp_from_peeringdb),
	  .dflt = "true" },
	{ .name = "headroom", .type = YT_MAP, .sub = &mp_headroom_section },
	{ .name = "count_rejected", .type = YT_BOOL, .off = OFF(struct policy, mp_count_rejected),
	  .dflt = "true" },
	{ NULL },
};
static const struct ysection mp_policy_section = { mp_policy_keys, NULL };

static const struct ykey bh_policy_keys[] = {
	{ .name = "enabled", .type = YT_BOOL, .off = OFF(struct policy, blackhole_enabled),
	  .dflt = "true" },
	{ .name = "receive", .type = YT_BOOL, .off = OFF(struct policy, blackhole_receive),
	  .dflt = "true" },
	{ .name = "next_hop_ipv4", .type = YT_CUSTOM, .fn = r_blackhole_nh, .flags = YK_IXP_ONLY,
	  .off = OFF(struct policy, blackhole_next_hop[FAM4]) },
	{ .name = "next_hop_ipv6", .type = YT_CUSTOM, .fn = r_blackhole_nh, .flags = YK_IXP_ONLY,
	  .off = OFF(struct policy, blackhole_next_hop[FAM6]) },
	{ NULL },
};
static const struct ysection bh_policy_section = { bh_policy_keys, NULL };

static const struct ykey roles_keys[] = {
	{ .name = "enabled", .type = YT_BOOL, .off = OFF(struct policy, session.roles),
	  .dflt = "false" },
	{ .name = "strict", .type = YT_BOOL, .off = OFF(struct policy, session.roles_strict),
	  .dflt = "false" },
	{ NULL },
};

static void
after_roles(struct yctx *y, yaml_node_t *n, const char *path, void *base, const struct ymap *m)
{
	const struct policy *p = base;

	(void)m;
	if (p->session.roles_strict && !p->session.roles)
		err(y, n, "set enabled: true as well, or remove strict",
		    "%s: strict needs the roles enabled", path);
}
static const struct ysection roles_section = { roles_keys, after_roles };

static void
r_multihop(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	uint32_t ttl;

	if (!get_u32(y, n, path, 0, 255, &ttl))
		return;
	*(unsigned *)dst = ttl;
	if (ttl == 1)
		err(y, n, "use 0 for a router on the peering LAN, or the number of hops (2-255)",
		    "%s: a TTL of 1 is not multihop", path);
	/* ixp.bird comes before the policy (the root's table order). */
	else if (ttl > 1 && y->c->path_hiding)
		err(y, n, "set ixp.bird.path_hiding: false (every session then gets only the best "
		    "path), or peer with the router on the LAN",
		    "%s: BIRD refuses multihop sessions on the sorted tables that path-hiding "
		    "mitigation needs", path);
}

static const struct ykey session_keys[] = {
	{ .name = "passive", .type = YT_BOOL, .off = OFF(struct policy, session.passive),
	  .dflt = "true" },
	{ .name = "multihop", .type = YT_CUSTOM, .fn = r_multihop,
	  .off = OFF(struct policy, session.multihop), .dflt = "0" },
	{ .name = "gtsm", .type = YT_BOOL, .off = OFF(struct policy, session.gtsm),
	  .dflt = "false" },
	{ .name = "add_path", .type = YT_BOOL, .off = OFF(struct policy, session.add_path),
	  .dflt = "false" },
	{ .name = "prepend_rs_as", .type = YT_BOOL, .off = OFF(struct policy, session.prepend_rs_as),
	  .dflt = "false" },
	{ .name = "extended_next_hop", .type = YT_BOOL,
	  .off = OFF(struct policy, session.extended_next_hop), .dflt = "false" },
	{ .name = "roles", .type = YT_MAP, .sub = &roles_section },
	{ NULL },
};

/* The IPv4 channel of an IPv6 session resolves no next hops in the LAN
 * tables, which multihop needs. */
static void
after_session(struct yctx *y, yaml_node_t *n, const char *path, void *base,
    const struct ymap *m)
{
	const struct policy *p = base;

	(void)m;
	if (p->session.extended_next_hop && p->session.multihop)
		err(y, n, "use extended_next_hop on a session with the router on the LAN",
		    "%s: extended_next_hop and multihop together are not supported", path);
}
static const struct ysection session_section = { session_keys, after_session };

static const struct ykey prefix_length_keys[] = {
	{ .name = "ipv4", .type = YT_CUSTOM, .fn = r_len_v4, .dflt = "[8, 24]" },
	{ .name = "ipv6", .type = YT_CUSTOM, .fn = r_len_v6, .dflt = "[16, 48]" },
	{ NULL },
};
static const struct ysection prefix_length_section = { prefix_length_keys, NULL };

static const char *const nh_words[] = { "strict", "same_as", NULL };
static const char *const action_words[] = { "reject", "warn", NULL };
static const char *const reject_comm_words[] = { "ixp-rs", "euro-ix", NULL };
static const char *const reject_policy_words[] = { "reject", "tag", NULL };

static const struct ykey policy_keys[] = {
	{ .name = "prefix_length", .type = YT_MAP, .sub = &prefix_length_section },
	{ .name = "max_as_path_length", .type = YT_U32, .off = OFF(struct policy, max_path_len),
	  .min = 1, .max = 255, .dflt = "64" },
	{ .name = "next_hop", .type = YT_CHOICE, .off = OFF(struct policy, next_hop),
	  .words = nh_words, .dflt = "strict" },
	{ .name = "bogon_prefixes", .type = YT_CUSTOM, .fn = r_bogon_prefixes,
	  .flags = YK_IXP_ONLY | YK_CONFIG, .dflt = "default" },
	{ .name = "bogon_asns", .type = YT_CUSTOM, .fn = r_bogon_asns,
	  .flags = YK_IXP_ONLY | YK_CONFIG, .dflt = "default" },
	{ .name = "transit_free_asns", .type = YT_ASNS, .off = OFF(struct config, transit_free),
	  .flags = YK_IXP_ONLY | YK_CONFIG },
	{ .name = "never_via_route_servers_asns", .type = YT_ASNS,
	  .off = OFF(struct config, never_via_rs), .flags = YK_IXP_ONLY | YK_CONFIG, .dflt = "[]" },
	{ .name = "blacklist", .type = YT_CUSTOM, .fn = r_blacklist, .dflt = "[]" },
	{ .name = "reject_communities", .type = YT_CHOICE,
	  .off = OFF(struct config, reject_communities), .words = reject_comm_words,
	  .flags = YK_IXP_ONLY | YK_CONFIG, .dflt = "ixp-rs" },
	{ .name = "reject_policy", .type = YT_CHOICE,
	  .off = OFF(struct config, reject_policy), .words = reject_policy_words,
	  .flags = YK_IXP_ONLY | YK_CONFIG, .dflt = "reject" },
	{ .name = "irr", .type = YT_MAP, .sub = &irr_policy_section },
	{ .name = "rpki", .type = YT_MAP, .sub = &rpki_policy_section },
	{ .name = "aspa", .type = YT_MAP, .sub = &aspa_policy_section },
	{ .name = "max_prefix", .type = YT_MAP, .sub = &mp_policy_section },
	{ .name = "blackhole", .type = YT_MAP, .sub = &bh_policy_section },
	{ .name = "graceful_shutdown", .type = YT_BOOL, .off = OFF(struct policy, graceful_shutdown),
	  .dflt = "true" },
	{ .name = "graceful_shutdown_local_pref", .type = YT_U32,
	  .off = OFF(struct config, gshut_local_pref), .flags = YK_IXP_ONLY | YK_CONFIG,
	  .min = 0, .max = 4294967295u, .dflt = "0" },
	{ .name = "announcement_control", .type = YT_BOOL,
	  .off = OFF(struct policy, announcement_control), .dflt = "true" },
	{ .name = "transit_free_action", .type = YT_CHOICE,
	  .off = OFF(struct policy, transit_free_action), .words = action_words, .dflt = "reject" },
	{ .name = "bogon_asn_action", .type = YT_CHOICE, .off = OFF(struct policy, bogon_asn_action),
	  .words = action_words, .dflt = "reject" },
	{ .name = "session", .type = YT_MAP, .sub = &session_section },
	{ .name = "next_hop_addresses", .type = YT_CUSTOM, .fn = r_next_hops },
	{ NULL },
};
static const struct ysection policy_section = { policy_keys, NULL };

static const struct ykey bird_keys[] = {
	{ .name = "version", .type = YT_CUSTOM, .fn = r_bird_version, .dflt = "\"2.0\"" },
	{ .name = "lg_socket", .type = YT_TEXT, .off = OFF(struct config, lg_socket), .max = 200,
	  .check = valid_socket_path, .bad = "is not a safe socket path",
	  .hint = "use an absolute path of letters, digits, '/', '.', '_', '-'" },
	{ .name = "irr_filter", .type = YT_CUSTOM, .fn = r_irr_filter, .dflt = "table" },
	{ .name = "irr_rtr", .type = YT_CUSTOM, .fn = r_irr_rtr, .sub = &irr_rtr_section },
	{ .name = "vrps_rtr", .type = YT_CUSTOM, .fn = r_vrps_rtr, .sub = &vrps_rtr_section },
	{ .name = "path_hiding", .type = YT_BOOL, .off = OFF(struct config, path_hiding),
	  .dflt = "true" },
	{ .name = "include", .type = YT_MAP, .sub = &include_section },
	{ NULL },
};
static const struct ysection bird_section = { bird_keys, NULL };

static const struct ykey ixf_keys[] = {
	{ .name = "id", .type = YT_U32, .off = OFF(struct config, ixf.id), .min = 1,
	  .max = 1000000, .hint = "the IXP's ID in the IX-F database (https://db.ix-f.net)" },
	{ .name = "peeringdb_id", .type = YT_U32, .off = OFF(struct config, ixf.peeringdb_id),
	  .min = 1, .max = 100000000 },
	{ .name = "vlan_id", .type = YT_U32, .off = OFF(struct config, ixf.vlan_id), .min = 0,
	  .max = 4095, .dflt = "0" },
	{ .name = "country", .type = YT_TEXT, .off = OFF(struct config, ixf.country), .max = 2,
	  .check = valid_country, .bad = "is not an ISO 3166 country code",
	  .hint = "two capital letters, e.g. DE" },
	{ .name = "url", .type = YT_TEXT, .off = OFF(struct config, ixf.url), .max = 200,
	  .check = valid_url, .bad = "is not an http(s) URL", .hint = "e.g. https://www.example-ix.net/" },
	{ .name = "support_email", .type = YT_TEXT, .off = OFF(struct config, ixf.support_email),
	  .max = 254, .check = valid_email, .bad = "is not an e-mail address",
	  .hint = "write a plain address, e.g. noc@example-ix.net" },
	{ .name = "looking_glass", .type = YT_TEXT, .off = OFF(struct config, ixf.looking_glass),
	  .max = 200, .check = valid_url, .bad = "is not an http(s) URL",
	  .hint = "e.g. https://lg.example-ix.net/" },
	{ .name = "export_macs", .type = YT_BOOL, .off = OFF(struct config, ixf.export_macs),
	  .dflt = "false" },
	{ NULL },
};
static const struct ysection ixf_section = { ixf_keys, NULL };

static const struct ykey comm_keys[] = {
	{ .name = "community", .type = YT_TEXT, .off = OFF(struct ixp_community, community),
	  .flags = YK_REQUIRED, .max = 40, .check = valid_community,
	  .bad = "is not a community", .hint = "write A:B or A:B:C; a field may be {name} "
	  "(any value), e.g. \"64500:200:{city}\"" },
	{ .name = "meaning", .type = YT_TEXT, .off = OFF(struct ixp_community, meaning),
	  .flags = YK_REQUIRED, .max = TEXT_MAX_LEN },
	{ NULL },
};
static const struct ysection comm_section = { comm_keys, NULL };

static void
init_comm(struct yctx *y, void *item, yaml_node_t *n)
{
	((struct ixp_community *)item)->pos = pos_of(y, n);
}

/*
 * The route server's own communities (SPEC section 5) mean what
 * reasons.json says; an operator's name for one would contradict it.
 */
static bool
own_community(const struct community_pat *p, uint32_t rs)
{
	static const uint32_t own_large[] = { LC_NO_ANNOUNCE, LC_ANNOUNCE, LC_PREPEND1,
	    LC_PREPEND1 + 1, LC_PREPEND1 + 2, LC_RPKI_STATE, LC_REJECT };

	if (p->large) {
		if ((p->any & 1) == 0 && p->v[0] != rs)
			return false;
		for (size_t i = 0; i < sizeof(own_large) / sizeof(own_large[0]); i++)
			if ((p->any & 2) || p->v[1] == own_large[i])
				return true;
		return false;
	}
	if (p->any & 1)
		return true;
	return p->v[0] == 0 || p->v[0] == 65535 || (rs <= 65535 && p->v[0] == rs) ||
	    (p->v[0] >= 65501 && p->v[0] <= 65503);
}

static bool
keep_comm(struct yctx *y, void *item, yaml_node_t *n)
{
	struct ixp_community *c = item;
	struct community_pat p;

	if (c->community != NULL && c->meaning != NULL && community_pat_parse(c->community, &p)) {
		c->large = p.large;
		if (!own_community(&p, y->c->rs_asn))
			return true;
		err(y, n, "pick a value outside the route server's own (listed in reasons.json "
		    "and the route-server policy)", "ixp.communities: %s is one of the route "
		    "server's own communities", c->community);
	}
	free(c->community);
	free(c->meaning);
	return false;
}

static void
r_communities(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct config *c = dst;

	walk_list(y, n, path, &comm_section, (void **)&c->communities, &c->n_communities,
	    sizeof(*c->communities), init_comm, keep_comm);
}

static void
r_peering_lans(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	unsigned errors0 = y->d->errors;

	get_prefix_list(y, n, path, dst, 0);
	if (((struct pfxlist *)dst)->n == 0 && y->d->errors == errors0)
		err(y, n, NULL, "%s: at least one peering LAN is needed", path);
}

static const struct ykey ixp_keys[] = {
	{ .name = "name", .type = YT_TEXT, .off = OFF(struct config, ixp_name),
	  .flags = YK_REQUIRED, .max = NAME_MAX_LEN },
	{ .name = "rs_asn", .type = YT_ASN, .off = OFF(struct config, rs_asn),
	  .flags = YK_REQUIRED, .min = 1 },
	{ .name = "peering_lans", .type = YT_CUSTOM, .fn = r_peering_lans,
	  .off = OFF(struct config, peering_lans), .flags = YK_REQUIRED,
	  .hint = "list the peering LAN prefixes, e.g. [192.0.2.0/24]" },
	/* The BIRD version gates features checked later, so it comes first. */
	{ .name = "bird", .type = YT_MAP, .sub = &bird_section },
	{ .name = "route_servers", .type = YT_CUSTOM, .fn = r_route_servers,
	  .flags = YK_REQUIRED | YK_LIST, .sub = &rs_section },
	{ .name = "ixf", .type = YT_MAP, .sub = &ixf_section },
	{ .name = "communities", .type = YT_CUSTOM, .fn = r_communities, .flags = YK_LIST,
	  .sub = &comm_section },
	{ .name = "maintenance", .type = YT_BOOL, .off = OFF(struct config, maintenance),
	  .dflt = "false" },
	{ NULL },
};
static const struct ysection ixp_section = { ixp_keys, NULL };

static const struct ykey irr_source_keys[] = {
	{ .name = "sources", .type = YT_CUSTOM, .fn = r_irr_sources },
	{ .name = "servers", .type = YT_CUSTOM, .fn = r_irr_servers },
	{ .name = "dumps", .type = YT_CUSTOM, .fn = r_irr_dumps },
	{ .name = "cache_dir", .type = YT_CUSTOM, .fn = r_cache_dir,
	  .off = OFF(struct sources, cache_dir) },
	{ .name = "timeout", .type = YT_U32, .off = OFF(struct sources, irr_timeout),
	  .min = 1, .max = 3600, .dflt = "60" },
	{ .name = "deadline", .type = YT_U32, .off = OFF(struct sources, irr_deadline),
	  .min = 1, .max = 86400, .dflt = "1800" },
	{ NULL },
};
static const struct ysection irr_source_section = { irr_source_keys, after_irr };

/* sources.rpki.vrps: a file or URL, or a list of URLs tried in order (the
 * first that answers with a good export wins; then the cache). */
static void
r_vrps(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct sources *src = dst;
	yaml_node_t **items;
	size_t count = seq_items(y, n, path, true, &items);

	src->vrps = xcalloc(count ? count : 1, sizeof(*src->vrps));
	for (size_t i = 0; i < count; i++) {
		struct srcfile *f = &src->vrps[src->n_vrps];
		if (!get_path(y, items[i], path, f))
			continue;
		src->n_vrps++;
		if (count > 1 && strncmp(f->path, "http://", 7) != 0 &&
		    strncmp(f->path, "https://", 8) != 0)
			err(y, items[i], "give one file, or a list of http(s) URLs",
			    "%s: %s: a list of VRP sources is tried over HTTP, one after the other",
			    path, f->path);
	}
	if (count == 0 && n->type == YAML_SEQUENCE_NODE)
		err(y, n, "remove the key for no static VRPs", "%s: empty list", path);
	free(items);
}

/* sources.rpki.trust_anchors: the RIRs' (and others') names as validators
 * write them in "ta" ("ripe", "arin", ...), compared without case. */
static void
r_trust_anchors(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	struct sources *src = dst;
	yaml_node_t **items;
	size_t count = seq_items(y, n, path, true, &items);
	struct buf b = BUF_INIT;

	src->trust_anchors = xcalloc(count ? count : 1, sizeof(char *));
	for (size_t i = 0; i < count; i++) {
		char *ta = NULL;
		if (!get_text(y, items[i], path, 32, &ta))
			continue;
		if (!valid_chars(ta, strlen(ta), "-_.")) {
			err(y, items[i], "a trust anchor is named like ripe, arin, apnic, afrinic, "
			    "lacnic", "%s: %s is not a trust anchor name", path, q(items[i], &b));
			free(ta);
			continue;
		}
		for (char *p = ta; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		src->trust_anchors[src->n_trust_anchors++] = ta;
	}
	if (count == 0)
		err(y, n, "remove the key to accept every trust anchor", "%s: empty list", path);
	free(items);
	buf_free(&b);
}

static const struct ykey rpki_source_keys[] = {
	{ .name = "rtr", .type = YT_CUSTOM, .fn = r_rtr, .sub = &rtr_section, .flags = YK_LIST },
	{ .name = "vrps", .type = YT_CUSTOM, .fn = r_vrps },
	{ .name = "trust_anchors", .type = YT_CUSTOM, .fn = r_trust_anchors },
	{ .name = "slurm", .type = YT_PATH, .off = OFF(struct sources, slurm) },
	{ .name = "max_age", .type = YT_U32, .off = OFF(struct sources, vrps_max_age),
	  .min = 0, .max = 30 * 86400, .dflt = "86400" },
	{ .name = "max_drop", .type = YT_U32, .off = OFF(struct sources, vrps_max_drop),
	  .min = 0, .max = 100, .dflt = "50" },
	{ NULL },
};
static const struct ysection rpki_source_section = { rpki_source_keys, NULL };

static const struct ykey source_keys[] = {
	{ .name = "irr", .type = YT_MAP, .sub = &irr_source_section },
	{ .name = "rpki", .type = YT_MAP, .sub = &rpki_source_section },
	{ .name = "peeringdb", .type = YT_PATH, .off = OFF(struct sources, peeringdb) },
	{ .name = "cache_dir", .type = YT_CUSTOM, .fn = r_cache_dir,
	  .off = OFF(struct sources, cache_dir) },
	{ .name = "cache_max_age", .type = YT_U32, .off = OFF(struct sources, cache_max_age),
	  .min = 0, .max = 30 * 86400, .dflt = "86400" },
	{ .name = "http_deadline", .type = YT_U32, .off = OFF(struct sources, http_deadline),
	  .min = 1, .max = 3600, .dflt = "300" },
	{ NULL },
};
static const struct ysection source_section = { source_keys, NULL };

static const struct ykey traffic_keys[] = {
	{ .name = "allowed_ethertypes", .type = YT_CUSTOM, .fn = r_traffic_ethertypes,
	  .dflt = "[ipv4, arp, ipv6]" },
	{ .name = "macs_per_port", .type = YT_U32, .off = OFF(struct traffic, macs_per_port),
	  .min = 1, .max = 64, .dflt = "1" },
	{ .name = "arp_nd_rate_pps", .type = YT_U32, .off = OFF(struct traffic, arp_nd_rate_pps),
	  .min = 1, .max = 100000, .dflt = "20" },
	{ .name = "rules", .type = YT_PATH, .off = OFF(struct traffic, rules) },
	{ NULL },
};
static const struct ysection traffic_section = { traffic_keys, NULL };

static void
r_version(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	uint32_t version;

	(void)dst;
	if (get_u32(y, n, path, 0, 0xffffffffu, &version) && version != 1)
		err(y, n, "this ixp-rsc reads schema version 1", "unsupported schema version %u",
		    version);
}

static void
r_policy(struct yctx *y, yaml_node_t *n, const char *path, void *dst)
{
	walk(y, n, &policy_section, path, &((struct config *)dst)->policy);
}

/* Fixed order: member overrides inherit the global policy, and the BIRD
 * version and peering LANs gate what the policy may say. */
static const struct ykey root_keys[] = {
	{ .name = "version", .type = YT_CUSTOM, .fn = r_version, .flags = YK_REQUIRED,
	  .hint = "start the file with: version: 1" },
	{ .name = "ixp", .type = YT_MAP, .sub = &ixp_section, .flags = YK_REQUIRED },
	{ .name = "sources", .type = YT_MAP, .sub = &source_section, .off = OFF(struct config, src) },
	{ .name = "policy", .type = YT_CUSTOM, .fn = r_policy, .sub = &policy_section },
	{ .name = "forbidden_traffic", .type = YT_MAP, .sub = &traffic_section,
	  .off = OFF(struct config, traffic) },
	{ .name = "members", .type = YT_CUSTOM, .fn = r_members, .flags = YK_REQUIRED | YK_LIST,
	  .sub = &member_section },
	{ .name = "collectors", .type = YT_CUSTOM, .fn = r_collectors, .flags = YK_LIST,
	  .sub = &collector_section },
	{ NULL },
};
static const struct ysection root_section = { root_keys, NULL };

static void
schema_keys(const struct ysection *sec, const char *path, bool member,
    void (*fn)(const struct yaml_key_info *k, void *ctx), void *ctx)
{
	for (const struct ykey *k = sec->keys; k->name != NULL; k++) {
		struct yaml_key_info ki;
		char p2[256];
		subpath(p2, sizeof(p2), path, k->name, 0);
		if (k->flags & YK_LIST)
			strncat(p2, "[]", sizeof(p2) - strlen(p2) - 1);
		ki.path = p2;
		ki.dflt = k->dflt;
		ki.ixp_only = (k->flags & YK_IXP_ONLY) != 0;
		ki.required = (k->flags & YK_REQUIRED) != 0;
		ki.member = member;
		fn(&ki, ctx);
		if (k->sub != NULL)
			schema_keys(k->sub, p2, member || k->sub == &member_section, fn, ctx);
	}
}

void
yaml_schema_keys(void (*fn)(const struct yaml_key_info *k, void *ctx), void *ctx)
{
	schema_keys(&root_section, "", false, fn, ctx);
}

static void
load_root(struct yctx *y, yaml_node_t *root, struct config *c)
{
	walk(y, root, &root_section, "", c);
	if (y->d->errors == 0)
		config_check(c, y->d);
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

	config_defaults(c);
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
