/*
 * `ixp-rsc explain`: evaluate the import checks of model_checks() for one
 * route, in C, and say which rule accepts or rejects it and why.
 */
#ifndef IXP_EXPLAIN_H
#define IXP_EXPLAIN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "model.h"

#define EXPLAIN_MAX_PATH 255
#define EXPLAIN_MAX_COMMS 64

struct route_query {
	uint32_t	 member;
	struct prefix	 prefix;
	uint32_t	 path[EXPLAIN_MAX_PATH];
	size_t		 path_len;
	struct ipaddr	 next_hop;	/* af == 0: the session's own address */
	uint32_t	 comms[EXPLAIN_MAX_COMMS][3];	/* [2] unused for standard */
	bool		 comm_large[EXPLAIN_MAX_COMMS];
	size_t		 n_comms;
	const char	*rs;		/* NULL: first route server */
	const char	*session;	/* NULL: the member's first of the family */
	const struct msession *msession; /* the session itself, when known */
	int		 rpki_live;	/* RPKI tag BIRD gave the route (RTR: no local
					 * VRPs to validate with); 0: none */
};

struct explain_result {
	bool		 accepted;
	int		 code;		/* first failing check; 0 if accepted */
	int		 rpki_tag;	/* tag the route would carry */
};

/*
 * Returns 0 and fills `res`, or -1 after printing why the question cannot
 * be answered (unknown member, no session of that family, ...). With `out`
 * NULL nothing is printed (the verdict alone, as `impact` wants it).
 */
int	explain_route(FILE *out, const struct model *mo, const struct route_query *q,
	    struct explain_result *res);

#endif
