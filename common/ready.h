/*
 * Member readiness (MANRS Action 2), the part the compiler and the looking
 * glass share: what the compile found of a member's IRR and RPKI data (its
 * facts, which readiness.json carries to the looking glass), what a route
 * server holds of the member, and the fixes both imply, most urgent first.
 * One implementation, so `ixp-rsc readiness` and the looking glass's member
 * page give a member the same advice for the same data.
 */
#ifndef IXP_READY_H
#define IXP_READY_H

#include <stdbool.h>
#include <stddef.h>

#include "reasons.h"

#define READY_MAX_FIXES 10
#define READY_EXAMPLE 64

/* What the compile found; nothing owned. */
struct ready_facts {
	size_t		 route_objects[2];	/* IPv4, IPv6 prefixes registered */
	size_t		 with_roa[2];		/* of those, covered by a ROA */
	size_t		 stale;			/* route objects that are RPKI invalid */
	const char	*stale_example;		/* NULL: none */
	bool		 connected;		/* has a session: routes need objects */
	const char *const *advice;		/* AS-SET and PeeringDB problems, each
						 * with what to do */
	size_t		 n_advice;
};

/* What a route server holds of the member. */
struct ready_live {
	size_t	 announced, accepted, filtered;
	size_t	 by_reason[REJ_MAX + 1];	/* [0]: filtered without a reason tag */
	size_t	 rpki[RPKI_TAG_INVALID + 1];	/* by tag; [0]: untagged */
	char	 example[REJ_MAX + 1][READY_EXAMPLE];	/* a filtered route per reason */
};

/* A route: its reject code and RPKI tag as the route server tagged them
 * (out-of-range values count as untagged). */
void	ready_live_add(struct ready_live *l, bool filtered, unsigned reject, unsigned rpki,
	    const char *network);

/* Add the counts of `from` to `to` (examples: the first of each). */
void	ready_live_sum(struct ready_live *to, const struct ready_live *from);

/* A reject code's text and hint, from whichever table the caller has. */
typedef const char *(*ready_reason_fn)(const void *ctx, int code, const char **hint);

/*
 * The fixes, most urgent first (what makes routes invalid or filtered, then
 * what would, then what would make them safer), into fixes[READY_MAX_FIXES]
 * (malloc'ed strings the caller frees). live may be NULL (compile data only).
 * Returns how many.
 */
size_t	ready_fixes(const struct ready_facts *f, const struct ready_live *live,
	    ready_reason_fn reason, const void *ctx, char **fixes);
/* Route objects, and no route of the member filtered for lacking one. */
bool	ready_irr_complete(const struct ready_facts *f, const struct ready_live *live);
/* Every route object covered by a ROA, none invalid. */
bool	ready_roa_complete(const struct ready_facts *f);

#endif
