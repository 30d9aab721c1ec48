/*
 * Applying a new config to a running route server with BIRD's own undo:
 * `configure "FILE" timeout N`, then watch until the sessions that were up
 * are up again and each member's accepted routes are where `impact` said,
 * then `configure confirm`; else `configure undo`. If ixp-rsc dies half-way
 * BIRD's timer undoes the change by itself.
 */
#ifndef IXP_APPLY_H
#define IXP_APPLY_H

#include <stddef.h>
#include <stdint.h>

#define APPLY_CONFIRM_TIMEOUT	120	/* s: BIRD's config timer */
#define APPLY_SETTLE		60	/* s: for sessions and routes to come back */

struct apply_member {
	uint32_t	 asn;
	size_t		 accepted;	/* predicted by impact */
};

/* What the new config should give on this route server. */
struct apply_expect {
	char		**sessions;	/* the new config's sessions there */
	size_t		  n_sessions;
	struct apply_member *members;
	size_t		  n_members;
};

enum apply_result {
	APPLY_OK,		/* applied, verified, confirmed */
	APPLY_REFUSED,		/* BIRD did not take the config: nothing changed */
	APPLY_UNDONE,		/* it did, but did not verify: undone */
	APPLY_UNSURE,		/* BIRD stopped answering: its timer undoes the change */
};

/*
 * `why` says what failed, or for APPLY_OK what was seen. confirm_s: BIRD's
 * timer; settle_s: how long the sessions and routes get to come back.
 */
enum apply_result apply_config(const char *socket, const char *conf, const struct apply_expect *ex,
	    unsigned confirm_s, unsigned settle_s, char *why, size_t whylen);

#endif
