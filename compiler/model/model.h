/*
 * The policy model: everything the emitters need, resolved from the
 * configuration and the IRR/RPKI data, read-only once built. The order of
 * the import checks (SPEC section 5) is defined here, once, by
 * model_checks(); the BIRD emitter and `ixp-rsc explain` both follow it.
 */
#ifndef IXP_MODEL_H
#define IXP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "diag.h"
#include "expand.h"
#include "irrdb.h"
#include "peeringdb.h"
#include "pfxset.h"
#include "reasons.h"
#include "vrp.h"

enum check_kind {
	CHK_PATH_LEN,
	CHK_BOGON_PREFIX,
	CHK_BLACKLIST,
	CHK_AFI,
	CHK_NEXT_HOP,
	CHK_FIRST_AS,
	CHK_BOGON_ASN,
	CHK_TRANSIT_FREE,
	CHK_IRR_ORIGIN,
	CHK_V6_GLOBAL,
	CHK_MEMBER_BLACKLIST,
	CHK_IRR_PREFIX,		/* blackholes: covered by a registered prefix,
				 * also when irr.enforce_prefix is off */
	CHK_PREFIX_LEN,		/* blackholes: down to /32 and /128 */
	CHK_RPKI,		/* blackholes: not checked */
	CHK_NEVER_VIA_RS,
	CHK_ASPA,
	CHK_NUM,
};

struct check {
	enum check_kind	 kind;
	int		 code;		/* reject code (reasons.h) */
	bool		 blackholes_only;	/* CHK_IRR_PREFIX without enforce_prefix */
	bool		 warn_only;	/* tagged (RS, 65521, code), accepted */
};

enum mp_source {
	MPS_YAML,
	MPS_PEERINGDB,
	MPS_DEFAULT,
};

enum as_set_source {
	ASS_YAML,
	ASS_PEERINGDB,
	ASS_ASN,		/* none known: the member's ASN alone */
};

struct mmember {
	const struct member *m;
	char		**as_sets;	/* what was expanded (owned) */
	size_t		  n_as_sets;
	enum as_set_source as_set_source;
	struct expansion exp;
	size_t		  n_prefixes[2];	/* distinct IRR prefixes of the cone */
	struct pfxset	  irr[2];	/* reject code 12 (sets representation) */
	struct pfxset	  bh[2];	/* blackhole: covered by a registered prefix */
	uint32_t	  max_prefix[2];
	enum mp_source	  mp_source[2];
	/* Next hops the member may use besides the session's own LAN address
	 * (struct msession.nh): its other LAN addresses with next_hop: same_as,
	 * and policy.next_hop_addresses. Empty: that address only. */
	struct ipaddr	 *next_hops[2];
	size_t		  n_next_hops[2];
	bool		  has_family[2];
	size_t		  rpki_covered[2];	/* IRR prefixes with a covering VRP */
	size_t		  rpki_invalid;		/* route objects that are RPKI invalid */
	char		**rpki_invalid_examples;
	size_t		  n_rpki_invalid_examples;
	char		**warnings;	/* for report.json */
	size_t		  n_warnings;
	char		**advice;	/* readiness: problems with the member's own
					 * data (AS-SET, PeeringDB) and what to do */
	size_t		  n_advice;
	uint64_t	  prev_prefixes[2];	/* previous run; shrunk: dropped by half */
	bool		  shrunk[2];
	struct rangelist  blacklist[2];	/* the member's own blacklist, per family */
	/* members[].whitelist, per family: prefixes that pass check 12, and
	 * routes (prefix and origin) that pass 9 and 12; the ASNs (check 9)
	 * are the member's own list. wl_origin / wl_prefix: the checks that
	 * consult it. */
	struct rangelist  wl_prefixes[2];
	struct wl_route	 *wl_routes[2];
	size_t		  n_wl_routes[2];
	bool		  wl_origin[2], wl_prefix[2];
};

/* Where BIRD's ROA tables get their data. */
enum rpki_mode {
	RPKI_NONE,		/* no RPKI source: routes tagged "not checked" */
	RPKI_RTR,		/* protocol rpki, live */
	RPKI_STATIC,		/* the VRP file compiled into static ROA tables */
};

/* Whether a config declares the ASPA table, and what fills it. */
enum aspa_fill {
	ASPA_NONE,		/* no session checks ASPA */
	ASPA_FROM_RTR,		/* an aspa channel of the caches that serve ASPA */
	ASPA_FROM_VRPS,		/* the VRP file's ASPA records, statically (also
				 * when the ROAs come over RTR) */
};

/* The looking glass's control socket (ixp.bird.lg_socket). */
enum lg_socket {
	LG_SOCKET_NONE,		/* none asked for */
	LG_SOCKET_RESTRICTED,	/* a `cli ... { restrict; }` (BIRD 2.16 or later) */
	LG_SOCKET_TOO_OLD,	/* asked for, but this BIRD has no restricted cli */
};

/* An RTR cache as BIRD's `remote` takes it: an address or a DNS name. */
struct rtr_endpoint {
	struct ipaddr	 ip;		/* af 0: a name */
	const char	*host;		/* the name (config's string) */
	uint16_t	 port;
	bool		 aspa;		/* fills the ASPA table (ASPA_FROM_RTR) */
};

struct msession {
	const struct mmember	*mm;
	const struct connection	*conn;
	int			 fam;
	char			 name[24];	/* AS<asn>_<n>: the BIRD protocol */
	char			 fname[28];	/* its filters: rs_import_<fname> */
	bool			 over6;		/* RFC 8950: the IPv4 channel of the IPv6
						 * session `name` (session.extended_next_hop) */
	struct ipaddr		 peer;		/* the BGP neighbour */
	struct ipaddr		 nh;		/* its LAN address: the routes' next hop
						 * (the peer unless multihop) */
};

/* A collector's session of one family (collectors[]): every accepted
 * route out, nothing in. */
struct mcollector {
	const struct collector	*co;
	int			 fam;
	char			 name[48];	/* COLLECTOR_<name>_<4|6> */
};

/* Where a data source's data came from, for report.json. */
struct source_info {
	char		 kind[16];	/* irr, vrps, peeringdb, ... */
	char		 where[256];	/* file, server or URL */
	char		 from[8];	/* live, dump, file, cache */
	long		 age_s;		/* cache age; -1: fresh */
	double		 seconds;
	uint64_t	 bytes;
	size_t		 items;
};

/* What the model is built from; every pointer may be NULL. */
struct model_inputs {
	const struct irrdb	*irr;
	const struct vrpset	*vrps;
	const struct pdb	*pdb;
	const struct previous	*prev;		/* the previous run's report */
	const struct source_info *info;		/* per source, for report.json */
	size_t			 n_info;
	bool			 maintenance;	/* --maintenance, beside ixp.maintenance */
};

struct model {
	const struct config	*c;
	const struct irrdb	*irr;		/* NULL: no IRR data */
	const struct vrpset	*vrps;		/* NULL: no VRP file */
	bool			 irr_table;	/* shared IRR tables, not per-member sets */
	uint8_t			*in_table;	/* per irr route: origin in some cone */
	bool			 irr_tables[2];	/* shared tables needed: exact, or-longer */
	bool			 irr_rtr;	/* those tables filled over RTR (irr_filter:
					 * rtr), from the irr-rtr-*.json files */
	struct rtr_endpoint	 irr_caches[2];	/* the caches serving them: exact, or-longer */
	bool			 vrps_rtr;	/* the VRP file goes to BIRD over RTR
					 * (rpki-rtr.json), not into the config */
	uint8_t			*ol_redundant;	/* per irr route: adds nothing or-longer */
	enum rpki_mode		 rpki;
	enum aspa_fill		 aspa;
	enum lg_socket		 lg_socket;
	bool			 euroix_reject;	/* filtered routes also carry (RS, 1101, x) */
	bool			 tag_rejected;	/* reject_policy: tag: failed routes are kept
					 * accepted, tagged, never sent to members */
	bool			 maintenance;	/* every exported route carries GRACEFUL_SHUTDOWN */
	bool			 path_hiding;	/* sorted tables, `secondary` exports */
	bool			 enh;		/* some session carries IPv4 over IPv6: IPv4
					 * sessions get only IPv4 next hops */
	bool			 warn_tags;	/* some policy warns: (RS, 65521, code) */
	bool			 irr_tags;	/* some policy has irr.tag */
	/* A table of the peering LANs' own routes, which multihop sessions
	 * resolve next hops in (BIRD's recursive mode); per family. */
	bool			 lan_table[2];
	struct rtr_endpoint	*rtr;
	size_t			 n_rtr;
	struct mmember		*members;	/* same order as c->members */
	size_t			 n_members;
	struct msession		*sessions;	/* by member ASN, then number */
	size_t			 n_sessions;
	struct mcollector	*collectors;	/* in YAML order; IPv4, IPv6 of each */
	size_t			 n_collectors;
	bool			 collector_fam[2];	/* a collector session of the family */
	/* IXP-wide sets per family, as the emitters need them */
	struct rangelist	 global_blacklist[2];	/* LANs (or-longer) and blacklist */
	struct asnlist		 never_via_rs;	/* YAML and PeeringDB */
	const struct source_info *srcinfo;
	size_t			 n_srcinfo;
	size_t			 n_shrunk;	/* members flagged against `prev` */
};

/*
 * Build; warnings about members go through `d` and into the model. Every
 * decision an emitter needs is made here: after model_build the model is
 * read-only, and the emitters only print it. Members whose IRR prefixes
 * fell below half of the previous run's (from at least SHRINK_MIN) are
 * flagged.
 */
#define SHRINK_MIN 4
void	model_build(struct model *mo, const struct config *c, const struct model_inputs *in,
	    struct diag *d);
void	model_free(struct model *mo);

/* The ordered import checks that apply to a session. Returns the count. */
size_t	model_checks(const struct model *mo, const struct msession *s,
	    struct check out[CHK_NUM]);
/* The same for a policy and family: the IXP-wide checks (the published
 * policy page), or a member's. */
size_t	model_checks_for(const struct model *mo, const struct policy *p, int fam, uint32_t asn,
	    bool member_blacklist, struct check out[CHK_NUM]);

/* The communities a member can put on its routes, as the policy enables them. */
#define MAX_CONTROL_COMMS 32
struct control_comm {
	const char	*type;		/* "large", "standard" */
	char		 value[40];	/* "64500:0:{peer}" */
	char		 meaning[120];
};
size_t	model_control_communities(const struct model *mo,
	    struct control_comm out[MAX_CONTROL_COMMS]);
/* The informational communities the route servers add to accepted routes
 * (RPKI state aside): irr.tag, warn actions. Returns the count. */
#define MAX_RS_TAGS 8
size_t	model_rs_tags(const struct model *mo, struct control_comm out[MAX_RS_TAGS]);

/* What a member's policy sets otherwise than the IXP-wide one. */
#define MAX_OVERRIDES 40
struct policy_override {
	const char	*key;		/* the YAML key under policy: */
	char		 value[48];
};
size_t	model_policy_overrides(const struct policy *ixp, const struct policy *m,
	    struct policy_override out[MAX_OVERRIDES]);

/* The member of a session name the model gives (AS<asn>_<n>); 0 for any
 * other name. */
uint32_t model_session_asn(const char *name);
/* The member session of that BIRD protocol name and family, or NULL. */
const struct msession *model_session_of(const struct model *mo, const char *name, int fam);
/* The collector session of that BIRD protocol name, or NULL. */
const struct mcollector *model_collector(const struct model *mo, const char *name);

/* Transit-free ASNs that apply to this member (its own ASN excluded). */
size_t	model_transit_free(const struct model *mo, const struct mmember *mm,
	    uint32_t *out, size_t max);
/*
 * Check 12 as the shared tables decide it (ixp.bird.irr_filter: table): a
 * route object covering `pf`, no longer than max(its length, upto), whose
 * origin is the route's origin, and that origin in the member's cone.
 */
bool	model_irr_table_match(const struct model *mo, const struct mmember *mm,
	    const struct prefix *pf, uint32_t origin, unsigned upto);
/* The data files compile writes for RTR caches. */
enum rtr_set { RTR_IRR_EXACT = 0, RTR_IRR_OR_LONGER, RTR_VRPS, RTR_NUM };
bool	model_publishes(const struct model *mo, enum rtr_set s);

/*
 * Route object `i` in shared table `ol` (0 exact, 1 or-longer): false when
 * the table leaves it out (its origin in no cone; or-longer: covered by one
 * of the same origin); else its max length there.
 */
bool	model_irr_entry(const struct model *mo, uint32_t i, int ol, unsigned *maxlen);
/*
 * The sentinel entries of each IRR data set over RTR: present once loaded
 * (BIRD checks the first of a family). Together they cover every prefix,
 * so that BIRD 3, which re-evaluates only the routes a ROA change touches,
 * re-evaluates them all when they come or go (two halves: StayRTR refuses
 * a /0 with a longer max length); their ASN is reserved, so they validate
 * no route.
 */
#define IRR_SENTINEL_ASN	4294967295u
#define IRR_SENTINEL4		"0.0.0.0/1"
#define IRR_SENTINEL4_2		"128.0.0.0/1"
#define IRR_SENTINEL6		"::/1"
#define IRR_SENTINEL6_2		"8000::/1"
const struct mmember *model_member(const struct model *mo, uint32_t asn);
const char *mp_source_name(enum mp_source s);
const char *as_set_source_name(enum as_set_source s);
const char *fam_name(int fam);

#endif
