/*
 * The BIRD commands the looking glass may send, by name. The route table
 * (lgquery) says which a page runs; lgcore holds their text templates.
 */
#ifndef IXP_LG_CMD_H
#define IXP_LG_CMD_H

#include <stdbool.h>

enum lg_cmd {
	CMD_NONE = 0,
	CMD_STATUS,
	CMD_PROTOCOLS,			/* show protocols all */
	CMD_ROUTES_ACCEPTED,		/* proto */
	CMD_ROUTES_FILTERED,		/* proto */
	CMD_ROUTES_EXPORTED,		/* proto */
	CMD_ROUTES_NOEXPORT,		/* proto */
	CMD_ROUTES_FOR,			/* ip or prefix: longest match */
	CMD_ROUTES_FOR_FILTERED,	/* prefix: exact; ip: all covering */
	CMD_ROUTES_NET,			/* prefix: exact */
	CMD_ROUTES_ORIGIN,		/* asn */
	CMD_ROUTES_ORIGIN_FILTERED,
	CMD_ROUTES_TABLE,		/* table: the whole table (Alice-LG's store) */
	CMD_ROUTES_TABLE_FILTERED,
	CMD_ROUTES_COVERING,		/* prefix: every less specific route */
	CMD_ROUTES_COVERING_FILTERED,
	CMD_ROUTES_IN,			/* prefix: it and every more specific */
	CMD_ROUTES_IN_FILTERED,
	CMD_ROUTES_NET_PROTO,		/* prefix from proto: exact (birdseye) */
	CMD_ROUTES_NET_TABLE,		/* prefix in table: exact */
	CMD_ROUTES_NET_EXPORT,		/* prefix exported to proto: exact */
	CMD_ROUTES_COMMUNITY,		/* community: every route carrying it */
	CMD_ROUTES_COMMUNITY_FILTERED,
	CMD_NUM
};

#define LG_MAX_CMDS 4			/* commands a page runs per route server */

/* How a list's routes relate to the prefix looked up. */
enum lg_scope {
	LGS_NONE = 0,			/* not a prefix lookup */
	LGS_COVERING,			/* less specific than the prefix */
	LGS_IN,				/* the prefix and its more specifics */
};

static inline enum lg_scope
lg_cmd_scope(enum lg_cmd c)
{
	return c == CMD_ROUTES_COVERING || c == CMD_ROUTES_COVERING_FILTERED ? LGS_COVERING :
	    c == CMD_ROUTES_IN || c == CMD_ROUTES_IN_FILTERED ? LGS_IN : LGS_NONE;
}

/* Does the command list routes the import filters rejected? */
static inline bool
lg_cmd_filtered(enum lg_cmd c)
{
	return c == CMD_ROUTES_FILTERED || c == CMD_ROUTES_FOR_FILTERED ||
	    c == CMD_ROUTES_ORIGIN_FILTERED || c == CMD_ROUTES_TABLE_FILTERED ||
	    c == CMD_ROUTES_COVERING_FILTERED || c == CMD_ROUTES_IN_FILTERED ||
	    c == CMD_ROUTES_COMMUNITY_FILTERED;
}

#endif
