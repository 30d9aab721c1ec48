#include "pfxset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct vec {
	struct pfx_range *v;
	size_t		  n, cap;
};

static void
push(struct vec *v, struct pfx_range r)
{
	v->v = xgrow(v->v, &v->cap, v->n + 1, sizeof(*v->v));
	v->v[v->n++] = r;
}

static int
cmp_range(const void *a, const void *b)
{
	const struct pfx_range *x = a, *y = b;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return x->hi < y->hi ? -1 : x->hi > y->hi;
}

static bool
range_covers(const struct pfx_range *outer, const struct pfx_range *inner)
{
	return outer->len <= inner->len &&
	    (inner->a & mask128(outer->len)) == outer->a &&
	    outer->lo <= inner->lo && outer->hi >= inner->hi;
}

static bool
contains_prefix(const struct pfx_range *outer, const struct pfx_range *inner)
{
	return outer->len <= inner->len && (inner->a & mask128(outer->len)) == outer->a;
}

/* Merge overlapping or adjacent length ranges of the same node. */
static void
merge_same_node(struct vec *v)
{
	size_t i, j;

	if (v->n < 2)
		return;
	qsort(v->v, v->n, sizeof(*v->v), cmp_range);
	for (i = 1, j = 1; i < v->n; i++) {
		struct pfx_range *p = &v->v[j - 1], *r = &v->v[i];
		if (r->a == p->a && r->len == p->len && r->lo <= p->hi + 1) {
			if (r->hi > p->hi)
				p->hi = r->hi;
			continue;
		}
		v->v[j++] = *r;
	}
	v->n = j;
}

/* Drop entries entirely matched by another entry. The input is sorted by
 * address then length, so every containing entry precedes what it contains;
 * `stack` holds the chain of entries containing the current one. */
static void
drop_covered(struct vec *v)
{
	size_t stack[130], depth = 0, i, j;

	for (i = 0, j = 0; i < v->n; i++) {
		struct pfx_range *r = &v->v[i];
		bool covered = false;

		while (depth > 0 && !contains_prefix(&v->v[stack[depth - 1]], r))
			depth--;
		for (size_t k = 0; k < depth; k++)
			if (range_covers(&v->v[stack[k]], r)) {
				covered = true;
				break;
			}
		if (covered)
			continue;
		v->v[j] = *r;
		/* Equal prefixes (different ranges) stack too; cap the depth. */
		if (depth < sizeof(stack) / sizeof(*stack))
			stack[depth++] = j;
		j++;
	}
	v->n = j;
}

void
pfxset_build(const struct prefix *in, size_t n, unsigned upto, struct pfxset *out)
{
	struct vec level[129], result = { NULL, 0, 0 }, all = { NULL, 0, 0 };
	unsigned maxlen = 0;
	int af = n ? in[0].af : AF4;
	size_t i;

	memset(level, 0, sizeof(level));
	maxlen = af_maxlen(af);
	for (i = 0; i < n; i++) {
		unsigned hi = upto > in[i].len ? upto : in[i].len;
		if (hi > maxlen)
			hi = maxlen;
		push(&all, (struct pfx_range){ in[i].a, in[i].len, in[i].len, (uint8_t)hi, (uint8_t)af });
	}
	merge_same_node(&all);
	drop_covered(&all);
	for (i = 0; i < all.n; i++)
		push(&level[all.v[i].len], all.v[i]);
	free(all.v);

	/* Bottom-up: two siblings with one identical range become their
	 * parent with that range (lossless: the parent's range starts below
	 * the parent's own length). */
	for (unsigned L = maxlen; L > 0; L--) {
		struct vec *lv = &level[L];
		u128 bit = (u128)1 << (128 - L);

		merge_same_node(lv);
		for (i = 0; i < lv->n; i++) {
			struct pfx_range *r = &lv->v[i];
			bool single = (i + 1 >= lv->n || lv->v[i + 1].a != r->a) &&
			    (i == 0 || lv->v[i - 1].a != r->a);
			if (single && !(r->a & bit) && i + 1 < lv->n) {
				struct pfx_range *s = &lv->v[i + 1];
				bool s_single = i + 2 >= lv->n || lv->v[i + 2].a != s->a;
				if (s->a == (r->a | bit) && s_single && s->lo == r->lo && s->hi == r->hi) {
					push(&level[L - 1], (struct pfx_range){ r->a,
					    (uint8_t)(L - 1), r->lo, r->hi, (uint8_t)af });
					i++;
					continue;
				}
			}
			push(&result, *r);
		}
		free(lv->v);
	}
	merge_same_node(&level[0]);
	for (i = 0; i < level[0].n; i++)
		push(&result, level[0].v[i]);
	free(level[0].v);

	merge_same_node(&result);
	drop_covered(&result);
	out->v = result.v;
	out->n = result.n;
}

bool
pfxset_match(const struct pfxset *s, const struct prefix *p)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct pfx_range *r = &s->v[i];
		if (r->af == p->af && r->len <= p->len &&
		    (p->a & mask128(r->len)) == r->a && p->len >= r->lo && p->len <= r->hi)
			return true;
	}
	return false;
}

bool
pfxset_equal(const struct pfxset *x, const struct pfxset *y)
{
	if (x->n != y->n)
		return false;
	for (size_t i = 0; i < x->n; i++)
		if (cmp_range(&x->v[i], &y->v[i]) != 0)
			return false;
	return true;
}

uint64_t
pfxset_hash(const struct pfxset *s)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < s->n; i++) {
		const struct pfx_range *r = &s->v[i];
		uint64_t parts[3] = { (uint64_t)(r->a >> 64), (uint64_t)r->a,
		    (uint64_t)r->len << 16 | (uint64_t)r->lo << 8 | r->hi };
		for (int k = 0; k < 3; k++) {
			h ^= parts[k];
			h *= 1099511628211ull;
		}
	}
	return h;
}

char *
pfx_range_format(const struct pfx_range *r, char *dst, size_t len)
{
	struct prefix p = { r->a, r->len, r->af };
	char tmp[ADDR_STRLEN];

	prefix_format(&p, tmp);
	if (r->lo == r->len && r->hi == r->len)
		snprintf(dst, len, "%s", tmp);
	else if (r->lo == r->len && r->hi == af_maxlen(r->af))
		snprintf(dst, len, "%s+", tmp);
	else
		snprintf(dst, len, "%s{%u,%u}", tmp, r->lo, r->hi);
	return dst;
}

void
pfxset_free(struct pfxset *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}
