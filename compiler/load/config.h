/*
 * The IXP configuration as written in the member YAML (SPEC section 4),
 * validated and with defaults applied. Produced by yaml_load, read-only
 * afterwards. Every string and array is owned by the config and released
 * by config_free().
 */
#ifndef IXP_CONFIG_H
#define IXP_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"
#include "asn.h"
#include "bird_dialect.h"
#include "diag.h"

/* Index for per-family arrays. */
#define FAM4 0
#define FAM6 1
static inline int fam_of_af(int af) { return af == AF4 ? FAM4 : FAM6; }
static inline int af_of_fam(int fam) { return fam == FAM4 ? AF4 : AF6; }

struct pfxlist {
	struct prefix	*v;
	size_t		 n;
};

/* Prefixes with the lengths they match (blacklists). */
struct rangelist {
	struct pfxrange	*v;
	size_t		 n;
};

struct asnlist {
	uint32_t	*v;	/* sorted, unique */
	size_t		 n;
};

enum nh_policy {
	NH_STRICT,	/* the session's own neighbour address only */
	NH_SAME_AS,	/* any peering LAN address of the same member */
};

/* What a failed check does: reject the route, or let it through tagged
 * (RS, 65521, code) so that it shows in the looking glass. */
enum check_action {
	ACT_REJECT = 0,
	ACT_WARN,
};

enum mp_action {
	MPA_WARN,
	MPA_BLOCK,
	MPA_RESTART,
	MPA_DISABLE,
};

/* How the route server's BGP session with a member is set up
 * (policy.session). */
struct session_opts {
	bool		 passive;	/* wait for the member to connect */
	unsigned	 multihop;	/* TTL; 0: the member's router is on the LAN */
	bool		 gtsm;		/* RFC 5082 TTL security */
	bool		 add_path;	/* ADD-PATH tx: every path, not the best only */
	bool		 extended_next_hop;	/* RFC 8950: IPv4 routes over IPv6 sessions */
	bool		 prepend_rs_as;	/* the RS's ASN in the paths it sends */
	bool		 roles;		/* RFC 9234: local role rs_server, OTC */
	bool		 roles_strict;	/* a member announcing no role is refused */
};

/*
 * Policy knobs a member may override. The global lists that only make sense
 * IXP-wide (bogons, transit-free, never-via-RS) live in struct config.
 */
struct policy {
	uint8_t		 len_min[2], len_max[2];
	unsigned	 max_path_len;
	enum nh_policy	 next_hop;
	bool		 irr_enforce_origin;
	bool		 irr_enforce_prefix;
	bool		 irr_allow_more_specifics;
	bool		 irr_rpki_as_route_object;	/* RPKI valid stands for a route object */
	bool		 irr_tag;	/* accepted routes say what the IRR has of them */
	unsigned	 irr_max_depth;
	uint32_t	 irr_max_asns;
	uint32_t	 irr_max_prefixes;	/* per family */
	bool		 rpki_reject_invalid;
	bool		 aspa_reject_invalid;
	enum mp_action	 mp_action;
	uint32_t	 mp_default[2];
	bool		 mp_from_peeringdb;
	uint32_t	 mp_headroom_abs;	/* PeeringDB limit: (n + abs) ... */
	uint32_t	 mp_headroom_pct;	/* ... * (1 + pct / 100) */
	bool		 mp_count_rejected;	/* receive limit, else import limit */
	bool		 blackhole_enabled;
	bool		 blackhole_receive;	/* the member is sent others' blackholes */
	struct ipaddr	 blackhole_next_hop[2];	/* af == 0: keep the member's */
	bool		 graceful_shutdown;
	bool		 announcement_control;
	enum check_action transit_free_action;	/* a transit-free ASN in the path */
	enum check_action bogon_asn_action;	/* a bogon ASN in the path */
	struct session_opts session;
};

/* How filtered routes are tagged: (RS, 65520, code), and with euro-ix also
 * the Euro-IX (RS, 1101, x) where one exists (IXP Manager reads it). */
enum reject_comms { REJECT_COMMS_IXPRS = 0, REJECT_COMMS_EUROIX };

/* What a route that fails a check becomes (policy.reject_policy): filtered
 * by BIRD, or accepted with its reason tag, least preferred and never
 * exported to a member (collectors receive it). */
enum reject_policy { REJECT_POLICY_REJECT = 0, REJECT_POLICY_TAG };

struct route_server {
	char		*name;
	struct ipaddr	 router_id;
	struct ipaddr	 addr[2];		/* af == 0: no session of that family */
	struct srcpos	 pos;
};

struct rtr_server {
	char		*host;		/* IP literal or DNS name, checked */
	uint16_t	 port;
	bool		 aspa;		/* the cache serves ASPA (RTR version 2) */
	struct srcpos	 pos;
};

struct srcfile {
	char		*path;		/* resolved against the YAML's directory */
	struct srcpos	 pos;		/* where the YAML names it */
};

/* ixp.bird.include: local BIRD files at fixed points of the config. */
enum bird_include {
	INC_HEADER,		/* after the globals */
	INC_IPV4,		/* after the IPv4 member template */
	INC_IPV6,
	INC_SESSION,		/* inside every member session */
	INC_FOOTER,		/* at the end */
	INC_NUM,
};

struct sources {
	char		**irr_sources;	/* upper case, priority order; n=0: all */
	size_t		  n_irr_sources;
	struct srcfile	 *irr_servers;	/* "host:port" (live IRRd; issue 4) */
	size_t		  n_irr_servers;
	struct srcfile	 *irr_dumps;
	size_t		  n_irr_dumps;
	unsigned	  irr_timeout;	/* seconds without an answer */
	unsigned	  irr_deadline;	/* seconds for a whole fetch */
	char		 *cache_dir;	/* NULL: no cache, no fallback */
	unsigned	  cache_max_age;	/* seconds a cached copy may stand in */
	unsigned	  http_deadline;	/* seconds for all requests of one source */
	struct rtr_server *rtr;
	size_t		  n_rtr;
	struct srcfile	 *vrps;		/* a file, or URLs tried in order */
	size_t		  n_vrps;
	char		**trust_anchors;	/* lower case; n = 0: every one */
	size_t		  n_trust_anchors;
	struct srcfile	  slurm;
	unsigned	  vrps_max_age;	/* seconds; 0 = do not check */
	unsigned	  vrps_max_drop;	/* percent fewer VRPs than last run; 100 = any */
	struct srcfile	  peeringdb;
};

struct traffic {
	uint16_t	*ethertypes;		/* allowed on every port */
	size_t		 n_ethertypes;
	unsigned	 macs_per_port;
	unsigned	 arp_nd_rate_pps;
	struct srcfile	 rules;			/* path == NULL: the built-in rule set */
};

struct connection {
	char		*port;
	char		*iface;		/* Linux bridge port; NULL: not enforceable */
	uint8_t		(*macs)[6];
	size_t		 n_macs;
	struct ipaddr	 addr[2];	/* af == 0: none */
	struct ipaddr	 session[2];	/* the BGP speaker's own address when it is
					 * not the LAN address (multihop); af == 0:
					 * the session is with addr */
	char		*md5;		/* NULL: no TCP-MD5 */
	bool		 lacp;		/* LAG member port: may send LACP */
	uint16_t	*extra_ethertypes;	/* allowed on this port too */
	size_t		 n_extra_ethertypes;
	struct srcpos	 pos;
};

/* A prefix range that passes the IRR checks with one origin. */
struct wl_route {
	struct pfxrange	 r;
	uint32_t	 origin;
};

/*
 * members[].whitelist: the operator's documented override when a member's
 * IRR data is broken. RPKI and every other check still apply.
 */
struct whitelist {
	struct rangelist prefixes;	/* pass check 12, any origin of the AS-SET */
	struct asnlist	 asns;		/* pass check 9 as origins */
	struct wl_route	*routes;	/* prefix and origin: pass 9 and 12 */
	size_t		 n_routes;
};

struct member {
	uint32_t	 asn;
	char		*name;
	char		**as_sets;	/* as written (normalised upper case) */
	struct srcpos	 *as_set_pos;
	size_t		 n_as_sets;
	uint32_t	 max_prefix[2];	/* 0: not set in the YAML */
	char		*email;
	char		*phone;
	bool		 manrs;
	struct connection *conns;
	size_t		 n_conns;
	struct policy	 policy;	/* global policy with this member's overrides */
	struct rangelist blacklist;	/* member's own blacklist (reject code 11) */
	struct whitelist whitelist;
	struct srcfile	 bird_include;	/* inside its sessions; path NULL: none */
	struct ipaddr	*next_hops;	/* LAN addresses also allowed as next hop
					 * (policy.next_hop_addresses) */
	size_t		 n_next_hops;
	struct srcpos	*next_hops_pos;	/* where each is written */
	struct srcpos	 pos;
};

/*
 * A session that is not a member's (collectors[]): a route collector, a
 * monitoring or looking-glass feed. It receives every route the route
 * server accepted and sends nothing.
 */
struct collector {
	char		*name;		/* [A-Za-z0-9_], in the BIRD protocol name */
	uint32_t	 asn;
	struct ipaddr	 addr[2];	/* af == 0: no session of that family */
	char		*md5;
	bool		 add_path;	/* every path of a prefix, not the best only */
	struct srcpos	 pos;
};

/* What the IX-F member list says of the IXP itself (ixp.ixf). */
struct ixf_info {
	uint32_t	 id;		/* the IX-F database ID; 0: not set */
	uint32_t	 peeringdb_id;	/* PeeringDB's ix id; 0: not set */
	uint32_t	 vlan_id;	/* of the peering LAN */
	char		*country;	/* ISO 3166 alpha-2 */
	char		*url;
	char		*support_email;
	char		*looking_glass;	/* URL of the looking glass */
	bool		 export_macs;	/* the members' MAC addresses in the export */
};

/* A community the IXP documents for its members (ixp.communities): named
 * in the looking glass and the route-server policy. */
struct ixp_community {
	char		*community;	/* a pattern, common/community.h */
	char		*meaning;
	bool		 large;		/* A:B:C */
	struct srcpos	 pos;
};

struct config {
	char		*file;		/* the YAML path */
	char		*ixp_name;
	struct ixf_info	 ixf;
	struct ixp_community *communities;
	size_t		 n_communities;
	bool		 maintenance;	/* ixp.maintenance: GRACEFUL_SHUTDOWN on every export */
	uint32_t	 rs_asn;
	struct pfxlist	 peering_lans;
	struct route_server *rs;
	size_t		 n_rs;
	unsigned	 bird_major, bird_minor;	/* ixp.bird.version */
	struct bird_dialect bird;	/* what that BIRD accepts and expects */
	char		*lg_socket;	/* NULL: not configured */
	struct srcfile	 bird_include[INC_NUM];	/* path NULL: none */
	bool		 irr_table;	/* IRR filters as shared ROA-style tables (default),
					 * else one prefix set per member */
	bool		 irr_rtr;	/* irr_filter: rtr: those tables filled by RTR
					 * caches from the data files compile writes */
	struct {
		char	*host;		/* NULL: 127.0.0.1 */
		uint16_t exact_port, or_longer_port;
		struct srcpos pos;
	} irr_rtr_cache;		/* ixp.bird.irr_rtr */
	struct {
		char	*host;		/* NULL: 127.0.0.1 */
		uint16_t port;		/* 0: not set */
		struct srcpos pos;
	} vrps_rtr;			/* ixp.bird.vrps_rtr: the VRP file over RTR */
	bool		 path_hiding;	/* ixp.bird.path_hiding: sorted tables and
					 * `secondary`, the next best path when the
					 * best may not be sent */

	struct sources	 src;

	struct policy	 policy;
	struct pfxlist	 bogon_prefixes[2];
	struct asn_range *bogon_asns;
	size_t		 n_bogon_asns;
	struct asnlist	 transit_free;
	struct asnlist	 never_via_rs;
	struct rangelist blacklist;	/* IXP-wide blacklist (reject code 3) */
	enum reject_comms reject_communities;	/* policy.reject_communities */
	enum reject_policy reject_policy;	/* policy.reject_policy */
	uint32_t	 gshut_local_pref;	/* of a GRACEFUL_SHUTDOWN route */

	struct traffic	 traffic;

	struct member	*members;	/* sorted by ASN */
	size_t		 n_members;
	struct collector *collectors;	/* in YAML order */
	size_t		 n_collectors;
};

bool	config_asn_is_bogon(const struct config *c, uint32_t asn);
/* The peering LAN an address is in, or NULL. */
const struct prefix *config_lan_of(const struct config *c, const struct ipaddr *ip);
void	config_free(struct config *c);

/* Every default, in one place: what a YAML that sets nothing means. The
 * loader's tables state the same values for the documentation, and a test
 * checks that they agree. */
void	config_defaults(struct config *c);
void	config_default_policy(struct policy *p);
void	config_default_bogon_prefixes(struct pfxlist out[2]);
void	config_default_bogon_asns(struct asn_range **out, size_t *n);
void	config_default_transit_free(struct asnlist *out);

#endif
