/*
 * Prefix sets as BIRD writes them: entries "prefix{lo,hi}" meaning every
 * prefix inside `prefix` whose length is lo..hi. Built from exact IRR
 * prefixes, optionally widened to more-specifics, then reduced without
 * changing which prefixes match (covered entries dropped, sibling entries
 * with the same range merged upwards).
 */
#ifndef IXP_PFXSET_H
#define IXP_PFXSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"

struct pfx_range {
	u128		 a;
	uint8_t		 len;
	uint8_t		 lo, hi;	/* len <= lo <= hi <= max */
	uint8_t		 af;
};

struct pfxset {
	struct pfx_range *v;		/* sorted by address, then length */
	size_t		  n;
};

/*
 * Each prefix p of `in` (all of one family) allows the lengths
 * p.len .. max(p.len, upto). upto == 0: exact prefixes only.
 */
void	pfxset_build(const struct prefix *in, size_t n, unsigned upto,
	    struct pfxset *out);
bool	pfxset_match(const struct pfxset *s, const struct prefix *p);
bool	pfxset_equal(const struct pfxset *x, const struct pfxset *y);
uint64_t pfxset_hash(const struct pfxset *s);
/* BIRD text of one entry: "192.0.2.0/24", "192.0.2.0/24+", "p{lo,hi}". */
char	*pfx_range_format(const struct pfx_range *r, char *dst, size_t len);
void	pfxset_free(struct pfxset *s);

#endif
