/*
 * What the looking glass knows besides BIRD: the reject reasons (the
 * compiler's reasons.json, or the built-in table) and the member directory
 * (the compiler's members.json). Both are the compiler's published output:
 * the looking glass links none of the compiler's code. A member's page also
 * reads the member's entry of readiness.json (lg_ready_load).
 */
#ifndef IXP_LG_DATA_H
#define IXP_LG_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "announce.h"
#include "bparse.h"
#include "community.h"
#include "ready.h"

struct lg_reason_text {
	int	 code;
	char	*text;
	char	*hint;
};

/* A community the route server or the IXP gives a meaning (reasons.json). */
struct lg_comm_name {
	struct community_pat p;
	char	*meaning;
};

struct lg_reasons {
	uint32_t rs_asn;		/* 0: not known from a file (taken from BIRD) */
	uint32_t reject_lc;		/* second field of (RS, x, code); 65520 */
	uint32_t rpki_lc;		/* second field of (RS, x, state); 1000 */
	bool	 tagged;		/* reject_policy: tag (failed routes are accepted, tagged) */
	struct lg_reason_text *v;
	size_t	 n;
	struct lg_comm_name *names;	/* control and informational communities */
	size_t	 n_names;
};

void	lg_reasons_builtin(struct lg_reasons *r);
bool	lg_reasons_load(struct lg_reasons *r, const char *path, char *err, size_t errlen);
void	lg_reasons_free(struct lg_reasons *r);
/* Text and hint of a code; "unknown reason" for codes the table lacks. */
const char *lg_reason_text(const struct lg_reasons *r, int code, const char **hint);

/* How a route relates to the prefix a lookup asked for (set by the page). */
enum lg_relation { REL_NONE = 0, REL_COVERING, REL_EXACT, REL_MORE_SPECIFIC };

#define LG_WITHHELD_MAX 16

/* What the route server's communities say about a route; and, set by the
 * page, its relation to the prefix looked up and whom it is not sent to. */
struct lg_route_flags {
	int	 reject;		/* reject code, 0: not tagged */
	int	 rpki;			/* RPKI tag 1..4, 0: not tagged */
	bool	 blackhole;		/* 65535:666 */
	enum lg_relation relation;
	/* An accepted route: sent to no member (ANN_RPKI_INVALID), or the
	 * members its communities keep it from. */
	enum announce_why sent_to_none;
	uint32_t withheld[LG_WITHHELD_MAX];
	enum announce_why withheld_why[LG_WITHHELD_MAX];
	size_t	 n_withheld, more_withheld;
	/* A route the export filter of this neighbour rejected: why. */
	enum announce_why not_sent;
};

void	lg_route_flags(const struct lg_reasons *r, uint32_t rs_asn,
	    const struct bird_route *rt, struct lg_route_flags *f);

/* The member directory: members.json as `ixp-rsc compile` writes it. */
struct lg_conn {
	char	*addr[2];		/* IPv4, IPv6 text; NULL: none */
};

struct lg_member {
	uint32_t	 asn;
	char		*name;
	char		*email;		/* NULL: none */
	char		*phone;
	bool		 manrs;
	struct lg_conn	*conns;
	size_t		 n_conns;
};

struct lg_directory {
	char		*ixp_name;
	uint32_t	 rs_asn;
	struct lg_member *v;		/* as in the file (the compiler sorts by ASN) */
	size_t		 n;
};

/* Load members.json; NULL *out and false with `err` on failure. */
bool	lg_members_load(struct lg_directory **out, const char *path, char *err,
	    size_t errlen);
void	lg_members_free(struct lg_directory *dir);
const struct lg_member *lg_member_find(const struct lg_directory *dir, uint32_t asn);
/* The member a session belongs to: sessions are named AS<asn>_<n>. */
uint32_t lg_session_asn(const char *proto);

/*
 * A member's readiness facts, from the readiness.json that ixp-rsc compile
 * writes (the looking glass adds the member's routes on BIRD).
 */
struct lg_ready {
	struct ready_facts f;		/* points into the fields below */
	char		**advice;
	size_t		  n_advice;
	char		 *stale_example;
	char		 *as_set;	/* NULL: the ASN alone */
};

enum lg_ready_status { LG_READY_OK, LG_READY_NONE, LG_READY_BAD };

/*
 * The entry of `asn` in readiness.json at `path`: LG_READY_NONE when there
 * is no such file or entry, LG_READY_BAD (with `err`) when the file is not
 * one ixp-rsc wrote. At most 64 MiB; never follows a symbolic link.
 */
enum lg_ready_status lg_ready_load(const char *path, uint32_t asn, struct lg_ready *out,
	    char *err, size_t errlen);
void	lg_ready_free(struct lg_ready *r);

struct lg_directory;
struct buf;
/*
 * The meaning of a community on a route (standard: v[0], v[1]), into `out`:
 * a reject reason or RPKI state the route server tagged, a control or
 * informational community of reasons.json (the most specific pattern; a
 * {peer} field named with the member's name from `dir`, which may be NULL),
 * or a well-known one. False, and nothing written, when it has none.
 */
bool	lg_community_meaning(const struct lg_reasons *r, const struct lg_directory *dir,
	    uint32_t rs_asn, bool large, const uint32_t *v, struct buf *out);

#endif
