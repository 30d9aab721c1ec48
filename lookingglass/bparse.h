/*
 * Streaming parsers of BIRD 2 replies (2.0.x and 2.16+; BIRD 3's lower-case
 * attribute names too), fed one line at a time by birdc's framing:
 * `show status`, `show protocols [all]` and `show route ... all`. Nothing
 * is kept per route beyond the one being parsed. What the pages decide on
 * is typed here (a BGP protocol, an established session, a channel's
 * family), so they compare no BIRD text.
 */
#ifndef IXP_LG_BPARSE_H
#define IXP_LG_BPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- show status ----------------------------------------------------------- */

struct bird_status_info {
	char	 version[32];
	char	 router_id[48];
	char	 server_time[32];
	char	 last_reboot[32];
	char	 last_reconfig[32];
	char	 message[80];	/* final line: "Daemon is up and running" */
};

int	bp_status_line(void *ctx, int code, const char *text, size_t len);

/* ---- show protocols [all] ----------------------------------------------------- */

struct bird_changes {	/* a row of "Route change stats"; -1: "---" */
	int64_t	 received, rejected, filtered, ignored, accepted;
};

enum bird_afi { BIRD_AFI_OTHER = 0, BIRD_AFI_IPV4, BIRD_AFI_IPV6 };

struct bird_channel {
	char	 name[16];		/* ipv4, ipv6 */
	enum bird_afi afi;
	char	 state[16];
	char	 table[32];
	char	 input_filter[80], output_filter[80];
	uint32_t limit;			/* receive/import limit; 0 none */
	bool	 limit_hit;
	char	 limit_action[16];
	bool	 have_routes;
	uint64_t imported, filtered, exported, preferred;
	struct bird_changes import_updates, import_withdraws, export_updates, export_withdraws;
};

#define BIRD_MAX_CHANNELS 4

struct bird_proto {
	char	 name[64];
	char	 proto[16];		/* BGP, Static, Device ... */
	bool	 bgp;			/* proto is BGP */
	bool	 established;		/* the BGP session is up */
	char	 table[32];
	char	 state[16];		/* up, down, start ... */
	char	 since[32];
	char	 info[96];		/* Established, Active ... */
	char	 description[128];
	char	 message[128];
	char	 bgp_state[32];
	char	 neighbor_address[48];
	char	 neighbor_id[48];
	char	 source_address[48];
	char	 session[64];
	char	 hold_timer[32], keepalive_timer[32];
	char	 last_error[128];
	uint32_t neighbor_as, local_as;
	struct bird_channel ch[BIRD_MAX_CHANNELS];
	int	 n_ch;
};

struct bp_protocols {
	struct bird_proto *v;
	size_t	 n, cap;
	int	 cur_ch;		/* channel being read in the current protocol; -1 none */
	int	 in_changes;		/* inside "Route change stats" */
};

int	bp_protocols_line(void *ctx, int code, const char *text, size_t len);
void	bp_protocols_free(struct bp_protocols *p);
const struct bird_proto *bp_protocols_find(const struct bp_protocols *p, const char *name);
/* The BGP protocol `name`; NULL when there is none. */
const struct bird_proto *bp_protocols_find_bgp(const struct bp_protocols *p, const char *name);

/* ---- show route ... all -------------------------------------------------------- */

struct bird_route {
	char	 network[64];
	char	 table[32];
	char	 dest[16];		/* unicast, unreachable, blackhole ... */
	char	 from_protocol[64];
	char	 since[32];
	char	 learnt_from[48];
	bool	 primary;
	unsigned preference;
	char	 gateway[48];
	char	 iface[32];
	char	 type[32];		/* "BGP univ" */
	/* BGP attributes */
	char	 origin[16];		/* IGP, EGP, Incomplete */
	uint32_t *as_path;
	size_t	 n_as_path;
	bool	 as_path_truncated;	/* BIRD cut a long path ("...") */
	char	 next_hop[100];
	bool	 has_med, has_local_pref, has_otc;
	uint32_t med, local_pref, otc;
	uint32_t (*communities)[2];
	size_t	 n_communities;
	uint32_t (*large_communities)[3];
	size_t	 n_large_communities;
	char	 (*ext_communities)[3][24];
	size_t	 n_ext_communities;
	char	 other[512];		/* further attributes, "name: value\n" */
};

/* The third field of the route's large community (a, b, x); 0 if none. */
uint32_t bp_route_lc(const struct bird_route *r, uint32_t a, uint32_t b);
/* Does the route carry a large community (a, b, *)? */
bool	bp_route_has_lc(const struct bird_route *r, uint32_t a, uint32_t b);

typedef int (*bp_route_fn)(void *ctx, const struct bird_route *r);

struct bp_routes {
	bp_route_fn	 fn;
	void		*ctx;
	struct bird_route r;	/* being parsed */
	bool		 open;	/* r holds a route not yet handed out */
	char		 last_attr[40];	/* for "\t\t" continuation lines */
	char		 table[32];
	char		 last_net[64];	/* for lines of further paths (empty net column) */
	size_t		 cap_path, cap_comm, cap_lcomm, cap_ext;
	size_t		 n_routes;
	bool		 aborted;
};

void	bp_routes_init(struct bp_routes *p, bp_route_fn fn, void *ctx);
int	bp_routes_line(void *ctx, int code, const char *text, size_t len);
/* Hand out the last route (call once the reply ended). */
int	bp_routes_finish(struct bp_routes *p);
void	bp_routes_free(struct bp_routes *p);

#endif
