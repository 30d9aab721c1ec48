#include "expand.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hmap.h"
#include "irrname.h"
#include "xalloc.h"

enum { VISITING = 1, DONE = 2 };

struct walk {
	const struct irrdb	*db;
	const struct expand_opts *o;
	struct expansion	*out;
	struct hmap		 state;		/* set key -> VISITING / DONE */
	char			**keys;		/* owned keys of `state` */
	size_t			 n_keys, cap_keys;
	const char		*path[128];	/* sets on the current DFS path */
	unsigned		 depth;
	uint32_t		*asns;		/* discovery order, unique */
	size_t			 n_asns, cap_asns;
	struct hmap		 seen_asn;	/* ASN text -> (void *)1 */
};

static void
note(char ***v, size_t *n, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return;
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = xstrdup(s);
}

static void
add_asn(struct walk *w, uint32_t asn)
{
	struct expand_notes *nt = &w->out->notes;
	char key[16];

	if (asn_in_ranges(asn, w->o->bogons, w->o->n_bogons)) {
		for (size_t i = 0; i < nt->n_bogons; i++)
			if (nt->bogons[i] == asn)
				return;
		nt->bogons = xrealloc(nt->bogons, (nt->n_bogons + 1) * sizeof(*nt->bogons));
		nt->bogons[nt->n_bogons++] = asn;
		return;
	}
	snprintf(key, sizeof(key), "%u", asn);
	if (hmap_get(&w->seen_asn, key) != NULL)
		return;
	if (w->n_asns >= w->o->max_asns) {
		nt->asns_truncated = true;
		return;
	}
	w->keys = xgrow(w->keys, &w->cap_keys, w->n_keys + 1, sizeof(*w->keys));
	w->keys[w->n_keys] = xstrdup(key);
	hmap_put(&w->seen_asn, w->keys[w->n_keys++], (void *)1);
	w->asns = xgrow(w->asns, &w->cap_asns, w->n_asns + 1, sizeof(*w->asns));
	w->asns[w->n_asns++] = asn;
}

static void expand_set(struct walk *w, const char *name, const char *source);

/* One member token of a set (or a top-level name). */
static void
expand_token(struct walk *w, const char *tok)
{
	struct irrname in;
	const char *why;

	if (strcmp(tok, "ANY") == 0)
		return;
	if (!irrname_parse(tok, strlen(tok), &in, &why)) {
		w->out->notes.n_bad_tokens++;
		return;
	}
	if (in.kind == IRRNAME_ASN)
		add_asn(w, in.asn);
	else
		expand_set(w, in.name, in.source);
}

static bool
ref_allowed(const struct irr_set *s, const struct irr_claim *c)
{
	for (size_t i = 0; i < s->n_refs; i++) {
		if (strcmp(s->refs[i], "ANY") == 0)
			return true;
		for (size_t j = 0; j < c->n_mnt_by; j++)
			if (strcmp(s->refs[i], c->mnt_by[j]) == 0)
				return true;
	}
	return false;
}

static void
expand_set(struct walk *w, const char *name, const char *source)
{
	struct expand_notes *nt = &w->out->notes;
	const struct irr_set *s;
	const struct irr_claims *cl;
	char key[IRRNAME_MAX + 40];
	uintptr_t st;

	snprintf(key, sizeof(key), "%s%s%s", source[0] ? source : "",
	    source[0] ? "::" : "", name);
	st = (uintptr_t)hmap_get(&w->state, key);
	if (st == DONE)
		return;
	if (st == VISITING) {
		struct buf b = BUF_INIT;
		unsigned i = 0;
		while (i < w->depth && strcmp(w->path[i], key) != 0)
			i++;
		for (; i < w->depth; i++)
			buf_printf(&b, "%s -> ", w->path[i]);
		buf_puts(&b, key);
		note(&nt->loops, &nt->n_loops, buf_str(&b));
		buf_free(&b);
		return;
	}
	if (w->depth >= w->o->max_depth || w->depth >= sizeof(w->path) / sizeof(*w->path)) {
		note(&nt->too_deep, &nt->n_too_deep, key);
		return;
	}
	s = irrdb_set(w->db, name, source);
	if (s == NULL) {
		note(&nt->missing, &nt->n_missing, key);
		return;
	}
	w->keys = xgrow(w->keys, &w->cap_keys, w->n_keys + 1, sizeof(*w->keys));
	w->keys[w->n_keys] = xstrdup(key);
	hmap_put(&w->state, w->keys[w->n_keys], (void *)(uintptr_t)VISITING);
	w->path[w->depth++] = w->keys[w->n_keys++];

	for (size_t i = 0; i < s->n_members; i++)
		expand_token(w, s->members[i]);
	if (s->n_refs > 0 && (cl = irrdb_claims(w->db, name)) != NULL)
		for (size_t i = 0; i < cl->n; i++)
			if (ref_allowed(s, &cl->v[i]))
				add_asn(w, cl->v[i].asn);

	w->depth--;
	hmap_put(&w->state, w->path[w->depth], (void *)(uintptr_t)DONE);
}

static int
cmp_prefix(const void *a, const void *b)
{
	return prefix_cmp(a, b);
}

static void
collect_prefixes(const struct irrdb *db, struct expansion *e, uint32_t max)
{
	for (int fam = 0; fam < 2; fam++) {
		int af = fam == 0 ? AF4 : AF6;
		struct prefix *v = NULL;
		size_t n = 0, cap = 0, i, j;

		for (i = 0; i < e->n_asns; i++) {
			size_t nr;
			const struct irr_route *r = irrdb_routes_of(db, e->asns[i], af, &nr);
			v = xgrow(v, &cap, n + nr, sizeof(*v));
			for (j = 0; j < nr; j++)
				v[n++] = (struct prefix){ r[j].a, r[j].len, r[j].af };
		}
		if (n > 1)
			qsort(v, n, sizeof(*v), cmp_prefix);
		for (i = 1, j = n ? 1 : 0; i < n; i++)
			if (prefix_cmp(&v[i], &v[j - 1]) != 0)
				v[j++] = v[i];
		n = j;
		if (n > max) {
			/* Fail closed: fewer prefixes means routes rejected,
			 * never routes let through. */
			e->notes.prefixes_truncated[fam] = true;
			n = max;
		}
		e->prefixes[fam] = v;
		e->n_prefixes[fam] = n;
	}
}

void
expand_names(const struct irrdb *db, const char *const *names, size_t n,
    uint32_t self_asn, const struct expand_opts *o, struct expansion *out)
{
	struct walk w;

	memset(out, 0, sizeof(*out));
	memset(&w, 0, sizeof(w));
	w.db = db;
	w.o = o;
	w.out = out;
	if (self_asn != 0)
		add_asn(&w, self_asn);
	for (size_t i = 0; i < n; i++)
		expand_token(&w, names[i]);

	out->asns = w.asns;
	out->n_asns = asn_sort_unique(w.asns, w.n_asns);
	if (o->collect_prefixes)
		collect_prefixes(db, out, o->max_prefixes);

	for (size_t i = 0; i < w.n_keys; i++)
		free(w.keys[i]);
	free(w.keys);
	hmap_free(&w.state);
	hmap_free(&w.seen_asn);
}

static void
free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
expansion_free(struct expansion *e)
{
	free(e->asns);
	free(e->prefixes[0]);
	free(e->prefixes[1]);
	free_strv(e->notes.missing, e->notes.n_missing);
	free_strv(e->notes.loops, e->notes.n_loops);
	free_strv(e->notes.too_deep, e->notes.n_too_deep);
	free(e->notes.bogons);
	memset(e, 0, sizeof(*e));
}
