#include "irr_fetch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "hmap.h"
#include "irrname.h"
#include "xalloc.h"

struct fetch {
	struct irrdb		*db;
	const struct config	*c;
	struct irrd_client	*cl;
	unsigned		 max_depth;
	struct hmap		 asked;		/* "SRC::SET" / "AS<n>" -> (void *)1 */
	char			**keys;		/* owned keys of `asked` */
	size_t			 n_keys, cap_keys;
	struct fetch_stats	*st;
	struct arena		 mem;		/* query contexts, freed at the end */
	const struct progress	*prog;		/* NULL: no progress */
	const char		*host;
	double			 start, last_progress;
	size_t			 n_asked, n_answered;	/* queries, for the progress line */
	size_t			 n_sets;		/* distinct AS-SETs asked */
	bool			 too_many;	/* a limit was hit: fail the fetch */
};

/* A set query's context: which set, at which nesting depth. */
struct setq {
	struct fetch	*f;
	char		 source[33];
	char		 name[IRRNAME_MAX + 1];
	unsigned	 depth;
};

struct asq {
	struct fetch	*f;
	uint32_t	 asn;
	int		 af;
};

static void
show_progress(struct fetch *f, bool final)
{
	double t = clock_s();
	char text[512];

	if (f->prog == NULL || (!final && t - f->last_progress < 0.5))
		return;
	f->last_progress = t;
	snprintf(text, sizeof(text), "IRR %s: %zu/%zu queries, %zu AS-SETs, %zu ASNs, "
	    "%zu prefixes, %.0f s", f->host, f->n_answered, f->n_asked, f->st->sets,
	    f->st->asns, f->st->prefixes, t - f->start);
	f->prog->fn(f->prog->ctx, text, final);
}

/* First time this key is seen? */
static bool
first_time(struct fetch *f, const char *key)
{
	if (hmap_get(&f->asked, key) != NULL)
		return false;
	f->keys = xgrow(f->keys, &f->cap_keys, f->n_keys + 1, sizeof(*f->keys));
	f->keys[f->n_keys] = xstrdup(key);
	hmap_put(&f->asked, f->keys[f->n_keys++], (void *)1);
	return true;
}

static void on_prefixes(const struct irrd_answer *a, void *ctx);
static void on_set(const struct irrd_answer *a, void *ctx);

static void
ask_asn(struct fetch *f, uint32_t asn)
{
	char key[16], q[20];

	snprintf(key, sizeof(key), "AS%u", asn);
	if (f->too_many || config_asn_is_bogon(f->c, asn) || !first_time(f, key))
		return;
	if (++f->st->asns > IRR_FETCH_MAX_ASNS) {
		f->too_many = true;
		irrd_abort(f->cl);
		return;
	}
	for (int k = 0; k < 2; k++) {
		struct asq *aq = arena_alloc(&f->mem, sizeof(*aq));
		*aq = (struct asq){ f, asn, k == 0 ? AF4 : AF6 };
		snprintf(q, sizeof(q), "%cAS%u", k == 0 ? 'g' : '6', asn);
		irrd_query(f->cl, NULL, q, on_prefixes, aq);
		f->n_asked++;
	}
}

static void
ask_set(struct fetch *f, const char *source, const char *name, unsigned depth)
{
	char key[IRRNAME_MAX + 40], q[IRRNAME_MAX + 8];
	struct setq *sq;

	snprintf(key, sizeof(key), "%s%s%s", source, *source ? "::" : "", name);
	if (f->too_many || depth > f->max_depth || !first_time(f, key))
		return;
	if (++f->n_sets > IRR_FETCH_MAX_SETS) {
		f->too_many = true;
		irrd_abort(f->cl);
		return;
	}
	sq = arena_alloc(&f->mem, sizeof(*sq));
	memset(sq, 0, sizeof(*sq));
	sq->f = f;
	snprintf(sq->source, sizeof(sq->source), "%s", source);
	snprintf(sq->name, sizeof(sq->name), "%s", name);
	sq->depth = depth;
	snprintf(q, sizeof(q), "i%s", name);
	irrd_query(f->cl, source, q, on_set, sq);
	f->n_asked++;
}

/* A name a member or a set refers to: an ASN or a set. */
static void
ask_name(struct fetch *f, const char *tok, size_t len, unsigned depth)
{
	struct irrname in;
	const char *why;

	if (!irrname_parse(tok, len, &in, &why))
		return;		/* counted when the set is expanded */
	if (in.kind == IRRNAME_ASN)
		ask_asn(f, in.asn);
	else
		ask_set(f, in.source, in.name, depth);
}

static void
on_set(const struct irrd_answer *a, void *ctx)
{
	struct setq *sq = ctx;
	struct fetch *f = sq->f;
	size_t i = 0;

	if (a->st == IRRD_A) {
		int src = sq->source[0] ? irrdb_source_add(f->db, sq->source) : 0;
		irrdb_put_set(f->db, sq->name, src < 0 ? 0 : src, a->data, a->len);
		f->st->sets++;
		/* Follow the members (the answer is one line of tokens). */
		while (i < a->len) {
			size_t s;
			while (i < a->len && (a->data[i] == ' ' || a->data[i] == ',' || a->data[i] == '\n'))
				i++;
			s = i;
			while (i < a->len && a->data[i] != ' ' && a->data[i] != ',' && a->data[i] != '\n')
				i++;
			if (i > s)
				ask_name(f, a->data + s, i - s, sq->depth + 1);
		}
	} else {
		f->st->missing++;	/* expand.c reports it, with the member */
	}
	f->n_answered++;
	show_progress(f, false);
}

static void
on_prefixes(const struct irrd_answer *a, void *ctx)
{
	struct asq *aq = ctx;
	struct fetch *f = aq->f;
	size_t i = 0;

	if (a->st == IRRD_A) {
		while (i < a->len) {
			size_t s;
			struct prefix p;
			while (i < a->len && (a->data[i] == ' ' || a->data[i] == '\n'))
				i++;
			s = i;
			while (i < a->len && a->data[i] != ' ' && a->data[i] != '\n')
				i++;
			/* A server answering junk for one ASN loses that ASN's
			 * prefixes only, which fails closed. */
			if (i > s && prefix_parse(a->data + s, i - s, &p) == ADDR_OK && p.af == aq->af) {
				irrdb_put_route(f->db, &p, aq->asn, 0);
				f->st->prefixes++;
			}
		}
	}
	f->n_answered++;
	show_progress(f, false);
}

int
irr_fetch(struct irrdb *db, const char *const *names, size_t n_names,
    const uint32_t *asns, size_t n_asns, const struct config *c,
    const struct irrd_opts *io, const struct progress *prog, struct fetch_stats *st,
    char *err, size_t errlen)
{
	struct fetch f;
	int r;

	memset(&f, 0, sizeof(f));
	memset(st, 0, sizeof(*st));
	f.db = db;
	f.c = c;
	f.st = st;
	f.prog = prog;
	f.host = io->host;
	f.start = clock_s();
	f.cl = irrd_new(io);
	for (size_t i = 0; i < c->n_members; i++)
		if (c->members[i].policy.irr_max_depth > f.max_depth)
			f.max_depth = c->members[i].policy.irr_max_depth;
	if (f.max_depth == 0)
		f.max_depth = c->policy.irr_max_depth;
	for (size_t i = 0; i < n_asns; i++)
		ask_asn(&f, asns[i]);
	for (size_t i = 0; i < n_names; i++)
		ask_name(&f, names[i], strlen(names[i]), 1);
	r = irrd_run(f.cl, err, errlen);
	if (f.too_many) {
		snprintf(err, errlen, "%s: the AS-SETs name more than %u sets or %u ASNs in all "
		    "(a server generating names, or an AS-SET loop it resolves)", io->host,
		    IRR_FETCH_MAX_SETS, IRR_FETCH_MAX_ASNS);
		r = -1;
	}
	st->client = *irrd_stats(f.cl);
	st->seconds = clock_s() - f.start;
	show_progress(&f, true);
	irrd_free(f.cl);
	for (size_t i = 0; i < f.n_keys; i++)
		free(f.keys[i]);
	free(f.keys);
	hmap_free(&f.asked);
	arena_free(&f.mem);
	return r;
}
