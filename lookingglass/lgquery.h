/*
 * Requests: a fixed table of paths, and typed query parameters. Nothing a
 * client sends is used as text: every value is parsed into a number, an
 * address, a prefix or a name from a fixed alphabet, and printed back in
 * canonical form where a BIRD command needs it.
 */
#ifndef IXP_LG_QUERY_H
#define IXP_LG_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"
#include "lgcmd.h"

#define LG_NAME_MAX 64		/* route server and protocol names */
#define LG_FIND_MAX 64		/* a member search */

/*
 * What a page does; the route table pairs each path with one, with the
 * format it answers in and the BIRD commands it runs.
 */
enum lg_page {
	PG_NONE = 0,
	PG_STATUS,		/* route servers (all, or the one of the path) */
	PG_PROTOCOLS,		/* the sessions of a route server */
	PG_NEIGHBOR,		/* one session */
	PG_ROUTES,		/* routes of a session, a table or a prefix */
	PG_SEARCH,		/* accepted and filtered routes on every route server */
	PG_MEMBERS,		/* the member directory */
	PG_CSS,
	PG_HEALTH,
	PG_METRICS,		/* Prometheus text, for the IXP's monitoring hosts */
	PG_PUBLISHED,		/* a page ixp-rsc published (the policies), from --pages */
	PG_MANRS,		/* where the evidence for each MANRS action is */
	PG_MEMBER,		/* one member: its sessions everywhere, filtered routes
				 * by reason, readiness and fixes */
	PG_SYMBOLS,		/* tables and protocols (birdseye) */
	PG_NUM
};

enum lg_view { VIEW_ACCEPTED = 0, VIEW_FILTERED, VIEW_EXPORTED, VIEW_NOEXPORT, VIEW_NUM };

/* How a path answers, errors included: a page, /api/v1 JSON, birdwatcher
 * (Alice-LG), birdseye (IXP Manager). */
enum lg_format { LGF_HTML = 0, LGF_JSON, LGF_BW, LGF_BE, LGF_NUM };

/* What a request asks for, every field typed and checked. */
struct lg_request {
	enum lg_page	 page;
	enum lg_format	 fmt;
	enum lg_cmd	 cmds[LG_MAX_CMDS];		/* what it asks BIRD; CMD_NONE: no more */
	bool		 brief;				/* every protocol, a few fields each */
	const char	*file;				/* PG_PUBLISHED: its name in --pages */
	char		 rs[LG_NAME_MAX + 1];		/* "" when the path has none */
	char		 proto[LG_NAME_MAX + 1];	/* "" when the path has none */
	char		 table[LG_NAME_MAX + 1];	/* "" when the path has none */
	/* query parameters */
	bool		 has_q;
	bool		 q_is_ip;
	struct ipaddr	 q_ip;
	struct prefix	 q_prefix;			/* prefix=ADDRESS: its host route */
	bool		 has_asn;
	uint32_t	 asn;
	enum lg_view	 view;
	uint32_t	 page_no;			/* 1-based */
	bool		 uncached;
	uint8_t		 afi;				/* birdseye's daemon: AF4, AF6 */
	bool		 has_comm;			/* c=A:B or A:B:C */
	bool		 comm_large;
	uint32_t	 comm[3];
	char		 find[LG_FIND_MAX + 1];		/* members?find=: name or ASN */
	bool		 has_lc;			/* routes with the large community */
	uint32_t	 lc[2];				/* (lc[0], lc[1], *) */
};

struct lg_reqerr {
	int	 status;		/* 400, 404, 405 */
	char	 param[24];
	char	 msg[160];
};

/*
 * Parse METHOD, PATH (without the query) and the raw QUERY string. Path
 * segments and parameter values are percent-decoded once, strictly;
 * unknown, duplicate, empty or malformed parameters are errors.
 */
bool	lg_parse_request(const char *method, const char *path, const char *query,
	    struct lg_request *rq, struct lg_reqerr *err);

/*
 * The format of a path that may not parse (or is answered before it is
 * parsed: rate limits, overload, its length): from its first segment, as
 * the route table has it.
 */
enum lg_format lg_path_format(const char *path);
/* Paths a client may always ask for, past the rate limit and the cap on
 * requests in flight: the stylesheet and the health check (no BIRD). */
bool	lg_path_unmetered(const char *path);

/* The page of a path (PG_NONE if none), and its name in metrics. */
enum lg_page lg_path_page(const char *path);
const char *lg_page_name(enum lg_page p);

/* A name as BIRD and our compiler write them: [A-Za-z0-9_-], 1..64. */
bool	lg_name_ok(const char *s);

#endif
