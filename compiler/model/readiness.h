/*
 * Member readiness (MANRS Action 2: help members get their IRR and RPKI
 * data right): per member, what the compile found (route objects, ROAs
 * covering them, stale objects, AS-SET problems) and, when a route server
 * is read, what it holds of the member (announced, accepted, filtered by
 * reason, RPKI state), with the fixes in priority order; and the IXP-wide
 * summary in the style of the MANRS Observatory. The facts and fixes are
 * common/ready.c's (the looking glass gives the same advice); emitted by
 * emit_readiness_text (a report staff can mail) and emit_readiness_json
 * (also compile's readiness.json, which the looking glass reads).
 */
#ifndef IXP_READINESS_H
#define IXP_READINESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bparse.h"
#include "model.h"
#include "ready.h"

struct ready_member {
	const struct mmember *mm;
	struct ready_facts f;		/* from mm */
	struct ready_live live;
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
	struct ready_live live;		/* every member's routes */
};

void	readiness_init(struct readiness *rd, const struct model *mo);
/* A route the route server `rs` holds (one route server: each holds the same). */
void	readiness_route(struct readiness *rd, const struct bird_route *r, bool filtered);
void	readiness_finish(struct readiness *rd);
void	readiness_free(struct readiness *rd);

#endif
