/*
 * The forbidden-traffic rule set (SPEC section 6): one list of rules, read
 * from policies/forbidden-traffic.json (embedded) or an operator's copy,
 * that drives both the published policy text and the nftables filter, so
 * what members read is what the filter enforces.
 */
#ifndef IXP_TRAFFIC_H
#define IXP_TRAFFIC_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "diag.h"

/* What a rule matches: the closed vocabulary the nftables emitter knows. */
enum tr_match {
	TM_SRC_MAC,
	TM_ETHERNET_II,
	TM_ETHERTYPE,
	TM_BROADCAST,
	TM_MULTICAST,
	TM_ICMPV6_ROUTER,
	TM_IPV4_MULTICAST,
	TM_DHCP,
	TM_IGP,
	TM_ICMP_REDIRECT,
	TM_ARP_SENDER,
	TM_ND_TARGET,
	TM_ARP_ND_RATE,
	TM_NUM,
};

struct traffic_rule {
	char		*id;		/* "src-mac": [a-z0-9-] */
	char		 cid[32];	/* "src_mac": for nftables object names */
	enum tr_match	 match;
	bool		 rate_limit;	/* action "rate-limit", else "drop" */
	char		*title;
	char		*what;		/* may hold {placeholders} */
	char		*reason;
};

struct ruleset {
	char			*title;
	char			*intro;
	char			*violation;
	struct traffic_rule	*v;
	size_t			 n;
};

/* A member port the Linux-bridge filter can enforce (it has an interface). */
struct tport {
	const struct member	*m;
	const struct connection	*c;
	unsigned		 n;		/* chain p<n>, counters p<n>_<rule> */
};

/*
 * What the traffic emitters print, decided once: the ports the filter can
 * enforce, every rule's text with its placeholders filled in, and the LAN
 * facts the published policy mentions. The emitters only print it.
 */
struct traffic_model {
	const struct config	*c;		/* IXP name, LANs, traffic settings */
	const struct ruleset	*rs;
	struct tport		*ports;		/* with an interface, ASN then YAML order */
	size_t			 n_ports;
	char			**what;		/* per rule, placeholders filled in */
	bool			 any_lacp;	/* some port aggregates links */
	bool			 any_extra_ethertypes;
};

void	traffic_model_build(struct traffic_model *tm, const struct config *c,
	    const struct ruleset *rs);
void	traffic_model_free(struct traffic_model *tm);

/* Parse and validate a rule set; errors name `name`. 0 or -1. */
int	ruleset_load(struct ruleset *rs, const char *json, size_t len,
	    const char *name, struct diag *d);
/* The embedded default (policies/forbidden-traffic.json). */
int	ruleset_load_default(struct ruleset *rs, struct diag *d);
void	ruleset_free(struct ruleset *rs);
const char *tr_match_name(enum tr_match m);

/* "IPv4 (0x0800), ARP (0x0806) and IPv6 (0x86dd)" */
void	traffic_ethertypes_text(struct buf *out, const uint16_t *v, size_t n);

#endif
