/*
 * `ixp-rsc impact`: what a new policy would do to the routes the running
 * route servers hold. Each live route (accepted, or filtered with its
 * reason) is evaluated with the new model's import checks, the same ones
 * the filters and `explain` use, and the changes are counted per member
 * and route server.
 */
#ifndef IXP_IMPACT_H
#define IXP_IMPACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bparse.h"
#include "model.h"

#define IMPACT_MAX_LISTED 1000	/* changed routes listed per member; all are counted */

/* A route whose verdict changes: 0 accepted, else the reason code. */
struct impact_change {
	char	 network[64];
	char	 session[24];
	int	 before, after;
};

struct impact_member {
	uint32_t	 asn;
	const char	*name;		/* the YAML's; NULL: no longer a member */
	size_t		 accepted, filtered;	/* now, in BIRD */
	size_t		 to_filtered, to_accepted, reason_changed;
	struct impact_change *changes;		/* the first IMPACT_MAX_LISTED */
	size_t		 n_changes;
};

struct impact_index;

struct impact_rs {
	const char	*name;
	char		 version[32];
	size_t		 routes;
	struct impact_member *members;		/* by ASN */
	size_t		 n_members;
	char		**added, **removed;	/* sessions the new config adds or drops */
	size_t		 n_added, n_removed;
	size_t		 lost;			/* accepted routes of dropped sessions */
	struct impact_index *index;		/* session name -> member */
};

/* impact_change.after of a route whose session the new config drops. */
#define IMPACT_GONE	(-1)
/* impact_change.before of a filtered route that carries no reason. */
#define IMPACT_NO_REASON (-2)

/* When a change is too big to apply without a human (exit 5). */
struct impact_limits {
	unsigned	 member_pct;	/* of one member's accepted routes newly filtered */
	size_t		 member_min;	/* ... counted for members with at least this many */
	size_t		 total;		/* routes newly filtered, all route servers */
};
#define IMPACT_MEMBER_PCT 10
#define IMPACT_MEMBER_MIN 10
#define IMPACT_TOTAL 1000

struct impact {
	const struct model *mo;
	struct impact_rs *rs;
	size_t		  n_rs;
	size_t		  to_filtered, to_accepted, reason_changed;
	bool		  over;		/* a limit is exceeded */
	char		  why[256];	/* which, when over */
};

void	impact_init(struct impact *im, const struct model *mo);
/* The route server `name` (of the YAML), BIRD `version` and its BGP sessions. */
struct impact_rs *impact_rs_add(struct impact *im, const char *name, const char *version,
	    char **sessions, size_t n_sessions);
/* One live route of that route server. */
void	impact_route(struct impact *im, struct impact_rs *irs, const struct bird_route *r,
	    bool filtered);
/* Totals, and whether a limit is exceeded; after the last route. */
void	impact_finish(struct impact *im, const struct impact_limits *lim);
void	impact_free(struct impact *im);

#endif
