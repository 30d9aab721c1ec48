/*
 * Member readiness (MANRS Action 2: help members get their IRR and RPKI
 * data right): per member, what the compile found (route objects, ROAs
 * covering them, stale objects, AS-SET problems) and, when a route server
 * is read, what it holds of the member (announced, accepted, filtered by
 * reason, RPKI state), with the fixes in priority order; and the IXP-wide
 * summary in the style of the MANRS Observatory. Decided here; emitted by
 * emit_readiness_text (a report staff can mail) and emit_readiness_json.
 */
#ifndef IXP_READINESS_H
#define IXP_READINESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bparse.h"
#include "model.h"

#define READY_MAX_FIXES 8

struct ready_member {
	const struct mmember *mm;
	size_t	 announced, accepted, filtered;
	size_t	 by_reason[REJ_MAX + 1];	/* [0]: filtered without a reason tag */
	size_t	 rpki[RPKI_TAG_INVALID + 1];	/* by tag; [0]: untagged */
	char	 example[REJ_MAX + 1][64];	/* a filtered route per reason */
	bool	 irr_complete;	/* route objects, and no announced route lacks one */
	bool	 roa_complete;	/* every route object covered by a ROA */
	char	*fixes[READY_MAX_FIXES];	/* owned, most urgent first */
	size_t	 n_fixes;
};

struct readiness {
	const struct model *mo;
	const char	*rs;		/* the route server read; NULL: compile data only */
	struct ready_member *members;	/* the model's order */
	size_t		 n_members;
	/* IXP-wide */
	size_t		 n_manrs, n_irr_complete, n_roa_complete;
	size_t		 routes, accepted, filtered, by_reason[REJ_MAX + 1];
	size_t		 rpki[RPKI_TAG_INVALID + 1];
};

void	readiness_init(struct readiness *rd, const struct model *mo);
/* A route the route server `rs` holds (one route server: each holds the same). */
void	readiness_route(struct readiness *rd, const struct bird_route *r, bool filtered);
void	readiness_finish(struct readiness *rd);
void	readiness_free(struct readiness *rd);

#endif
