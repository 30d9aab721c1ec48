/*
 * Whether the route servers send a route to a member, from the route's
 * communities: the same rules as rs_export_ok and rs_may_announce in
 * policies/rs_functions.bird (BIRD itself passes RFC 1997's NO_EXPORT and
 * NO_ADVERTISE on: the sessions have `interpret communities off`), for the
 * looking glass to say why a route is not exported to someone. A route that passes is still sent only when it is
 * the best one for its prefix.
 */
#ifndef IXP_ANNOUNCE_H
#define IXP_ANNOUNCE_H

#include <stddef.h>
#include <stdint.h>

enum announce_why {
	ANN_SENT = 0,		/* nothing withholds it */
	ANN_OWN,		/* it came from that session: never sent back */
	ANN_RPKI_INVALID,	/* kept RPKI-invalid routes are sent to no one */
	ANN_DENIED,		/* (RS, 0, peer), (0, peer) or (rt, 0, peer) */
	ANN_NOT_LISTED,		/* (RS, 0, 0), (0, RS) or (rt, 0, RS) without (RS, 1, peer),
				 * (RS, peer) or (rt, RS, peer) */
	ANN_NUM
};

struct announce_route {
	const uint32_t	(*comm)[2];	/* standard communities */
	size_t		  n_comm;
	const uint32_t	(*lcomm)[3];	/* large communities */
	size_t		  n_lcomm;
	const char	(*ecomm)[3][24];	/* extended, as BIRD prints them: "rt", "0", "64502" */
	size_t		  n_ecomm;
};

/* To member `peer` (rs: the route servers' ASN); the caller decides ANN_OWN. */
enum announce_why announce_to(const struct announce_route *r, uint32_t rs, uint32_t peer);
/* What a member reads: "the announcer asked not to send it to this member". */
const char *announce_why_text(enum announce_why w);
/* A stable machine name: "denied", "rpki_invalid", ... */
const char *announce_why_key(enum announce_why w);

#endif
