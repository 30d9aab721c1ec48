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
	CMD_NUM
};

/* Does the command list routes the import filters rejected? */
static inline bool
lg_cmd_filtered(enum lg_cmd c)
{
	return c == CMD_ROUTES_FILTERED || c == CMD_ROUTES_FOR_FILTERED ||
	    c == CMD_ROUTES_ORIGIN_FILTERED || c == CMD_ROUTES_TABLE_FILTERED;
}

#endif
