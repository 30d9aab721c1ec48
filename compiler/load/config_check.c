#include "config_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void
check_lan_addr(const struct config *c, struct diag *d, const struct srcpos *pos, const char *who,
    const struct ipaddr *ip)
{
	const struct prefix *lan;
	char tmp[ADDR_STRLEN], tmp2[ADDR_STRLEN];

	if (ip->af == 0)
		return;
	lan = config_lan_of(c, ip);
	if (lan == NULL) {
		diag_error(d, pos, "peering addresses must lie inside ixp.peering_lans",
		    "%s: %s is not inside any peering LAN", who, ip_format(ip, tmp));
		return;
	}
	if (!prefix_host_ok(lan, ip))
		diag_error(d, pos, NULL, "%s: %s is the network or broadcast address of %s",
		    who, ip_format(ip, tmp), prefix_format(lan, tmp2));
}

struct addr_owner {
	struct ipaddr	 ip;
	char		 who[48];
	struct srcpos	 pos;
};

static int
cmp_owner(const void *a, const void *b)
{
	const struct addr_owner *x = a, *y = b;
	int r = ip_cmp(&x->ip, &y->ip);

	if (r)
		return r;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	return 0;
}

struct mac_owner {
	const uint8_t		*mac;
	const struct srcpos	*pos;
};

static int
cmp_mac_owner(const void *a, const void *b)
{
	const struct mac_owner *x = a, *y = b;
	int r = memcmp(x->mac, y->mac, 6);

	if (r)
		return r;
	return x->pos->line < y->pos->line ? -1 : x->pos->line > y->pos->line;
}

/* A MAC registered on two ports would defeat the MAC lock. */
static void
check_unique_macs(const struct config *c, struct diag *d)
{
	struct mac_owner *v = NULL;
	size_t n = 0, cap = 0, i, j, k;

	for (i = 0; i < c->n_members; i++)
		for (j = 0; j < c->members[i].n_conns; j++) {
			const struct connection *cn = &c->members[i].conns[j];
			for (k = 0; k < cn->n_macs; k++) {
				v = xgrow(v, &cap, n + 1, sizeof(*v));
				v[n++] = (struct mac_owner){ cn->macs[k], &cn->pos };
			}
		}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_mac_owner);
	for (i = 1; i < n; i++)
		if (!memcmp(v[i].mac, v[i - 1].mac, 6))
			diag_error(d, v[i].pos, "every router port has its own MAC",
			    "MAC %02x:%02x:%02x:%02x:%02x:%02x is registered twice "
			    "(also at line %u)", v[i].mac[0], v[i].mac[1], v[i].mac[2],
			    v[i].mac[3], v[i].mac[4], v[i].mac[5], v[i - 1].pos->line);
	free(v);
}

/*
 * policy.next_hop_addresses: LAN addresses a member may use as next hop
 * besides what policy.next_hop allows (its other routers, a cache behind
 * it). Never another member's or a route server's: that would let the
 * member send traffic to someone else's router.
 */
static void
check_next_hops(const struct config *c, struct diag *d, const struct member *m,
    const struct addr_owner *own, size_t nown)
{
	char me[16], tmp[ADDR_STRLEN];

	snprintf(me, sizeof(me), "AS%u", m->asn);
	for (size_t i = 0; i < m->n_next_hops; i++) {
		const struct ipaddr *ip = &m->next_hops[i];
		size_t lo = 0, hi = nown;
		if (config_lan_of(c, ip) == NULL) {
			check_lan_addr(c, d, &m->next_hops_pos[i], me, ip);
			continue;
		}
		while (lo < hi) {	/* the first owner of ip: `own` is sorted */
			size_t mid = lo + (hi - lo) / 2;
			if (ip_cmp(&own[mid].ip, ip) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < nown && ip_eq(&own[lo].ip, ip) && strcmp(own[lo].who, me) != 0)
			diag_error(d, &m->next_hops_pos[i], "list only addresses of the member's "
			    "own routers", "%s: next hop %s is %s's address (line %u)", me,
			    ip_format(ip, tmp), own[lo].who, own[lo].pos.line);
	}
}

/*
 * An ASPA check needs ASPA records: from the VRP file (rpki-client writes
 * them), or from an RTR cache that serves them. Without either BIRD would
 * find every path unknown: a check that checks nothing.
 */
static void
check_aspa_source(const struct config *c, struct diag *d)
{
	struct srcpos ixp = { c->file, 0, 0 };
	const struct srcpos *asked = c->policy.aspa_reject_invalid ? &ixp : NULL;
	char who[32] = "policy";

	for (size_t i = 0; asked == NULL && i < c->n_members; i++)
		if (c->members[i].policy.aspa_reject_invalid) {
			asked = &c->members[i].pos;
			snprintf(who, sizeof(who), "AS%u: policy", c->members[i].asn);
		}
	if (asked == NULL || c->src.n_vrps > 0)
		return;
	for (size_t i = 0; i < c->src.n_rtr; i++)
		if (c->src.rtr[i].aspa)
			return;
	diag_error(d, asked, "add sources.rpki.vrps (an rpki-client JSON export has the ASPA "
	    "records), or set aspa: true on an RTR cache that serves ASPA (RTR version 2)",
	    "%s.aspa.reject_invalid: no source of ASPA records is configured, so every path "
	    "would be ASPA unknown", who);
}

void
config_check(const struct config *c, struct diag *d)
{
	struct addr_owner *own;
	size_t nown = 0, cap = 2 * c->n_rs + 1, i, j;
	char tmp[ADDR_STRLEN];
	bool fam_rs[2] = { false, false };
	struct srcpos first_use[2] = { { NULL, 0, 0 }, { NULL, 0, 0 } };
	bool need_irr = false;

	if (c->irr_rtr && c->irr_rtr_cache.exact_port == c->irr_rtr_cache.or_longer_port)
		diag_error(d, &c->irr_rtr_cache.pos, "each data set has its own cache (StayRTR instance)",
		    "ixp.bird.irr_rtr: exact_port and or_longer_port are both %u",
		    c->irr_rtr_cache.exact_port);
	if (c->vrps_rtr.port != 0 && (c->src.n_vrps == 0 || c->src.n_rtr > 0))
		diag_error(d, &c->vrps_rtr.pos, c->src.n_rtr > 0 ? "BIRD reads a validator over RTR "
		    "already: remove one" : "add sources.rpki.vrps: the VRPs that cache serves",
		    "ixp.bird.vrps_rtr: %s", c->src.n_rtr > 0 ? "not with sources.rpki.rtr" :
		    "no VRP file to serve");
	for (i = 0; i < c->n_members; i++)
		cap += 4 * c->members[i].n_conns;
	cap += 2 * c->n_collectors;
	own = xcalloc(cap, sizeof(*own));

	for (i = 0; i < c->n_rs; i++) {
		for (int fam = 0; fam < 2; fam++) {
			if (c->rs[i].addr[fam].af == 0)
				continue;
			fam_rs[fam] = true;
			check_lan_addr(c, d, &c->rs[i].pos, c->rs[i].name, &c->rs[i].addr[fam]);
			own[nown] = (struct addr_owner){ c->rs[i].addr[fam], "", c->rs[i].pos };
			snprintf(own[nown++].who, sizeof(own[0].who), "route server %s", c->rs[i].name);
		}
	}
	for (i = 0; i < c->n_members; i++) {
		const struct member *m = &c->members[i];
		char who[64];
		snprintf(who, sizeof(who), "AS%u", m->asn);
		if (config_asn_is_bogon(c, m->asn))
			diag_error(d, &m->pos, "test setups with documentation ASNs set "
			    "policy.bogon_asns to their own list",
			    "member AS%u is a bogon ASN (private, reserved or documentation range)",
			    m->asn);
		if (m->asn == c->rs_asn)
			diag_error(d, &m->pos, NULL, "member AS%u is the route server's own ASN", m->asn);
		if (m->policy.irr_enforce_origin || m->policy.irr_enforce_prefix)
			need_irr = true;
		for (j = 0; j < m->n_conns; j++) {
			const struct connection *cn = &m->conns[j];
			for (int fam = 0; fam < 2; fam++) {
				if (cn->addr[fam].af == 0)
					continue;
				check_lan_addr(c, d, &cn->pos, who, &cn->addr[fam]);
				own[nown] = (struct addr_owner){ cn->addr[fam], "", cn->pos };
				snprintf(own[nown++].who, sizeof(own[0].who), "AS%u", m->asn);
				if (!first_use[fam].file)
					first_use[fam] = cn->pos;
				if (cn->session[fam].af == 0)
					continue;
				if (config_lan_of(c, &cn->session[fam]) != NULL)
					diag_error(d, &cn->pos, "a router on the LAN peers from its "
					    "LAN address (ipv4/ipv6) without multihop",
					    "%s: session address %s is inside a peering LAN", who,
					    ip_format(&cn->session[fam], tmp));
				own[nown] = (struct addr_owner){ cn->session[fam], "", cn->pos };
				snprintf(own[nown++].who, sizeof(own[0].who), "AS%u", m->asn);
			}
			if (cn->n_macs > c->traffic.macs_per_port)
				diag_error(d, &cn->pos, "register fewer MACs or raise "
				    "forbidden_traffic.macs_per_port",
				    "AS%u: %zu MACs on port %s, at most %u allowed", m->asn,
				    cn->n_macs, cn->port ? cn->port : "?", c->traffic.macs_per_port);
		}
	}
	for (i = 0; i < c->n_collectors; i++) {
		const struct collector *co = &c->collectors[i];
		char who[48];
		snprintf(who, sizeof(who), "collector %s", co->name);
		for (int fam = 0; fam < 2; fam++) {
			if (co->addr[fam].af == 0)
				continue;
			check_lan_addr(c, d, &co->pos, who, &co->addr[fam]);
			own[nown] = (struct addr_owner){ co->addr[fam], "", co->pos };
			snprintf(own[nown++].who, sizeof(own[0].who), "%s", who);
			if (!fam_rs[fam])
				diag_error(d, &co->pos, "add an address of that family to a route server",
				    "%s has an IPv%d address but no route server has one", who,
				    fam == FAM4 ? 4 : 6);
		}
	}
	qsort(own, nown, sizeof(*own), cmp_owner);
	for (i = 1; i < nown; i++)
		if (ip_eq(&own[i].ip, &own[i - 1].ip))
			diag_error(d, &own[i].pos, "every router needs its own address",
			    "address %s is also used by %s at line %u", ip_format(&own[i].ip, tmp),
			    own[i - 1].who, own[i - 1].pos.line);
	for (i = 0; i < c->n_members; i++)
		check_next_hops(c, d, &c->members[i], own, nown);
	free(own);

	for (int fam = 0; fam < 2; fam++)
		if (first_use[fam].file && !fam_rs[fam]) {
			diag_error(d, &first_use[fam], "add an address of that family to a route server",
			    "members have IPv%d connections but no route server has an IPv%d address",
			    fam == FAM4 ? 4 : 6, fam == FAM4 ? 4 : 6);
		}

	for (i = 1; i < c->n_members; i++)
		if (c->members[i].asn == c->members[i - 1].asn)
			diag_error(d, &c->members[i].pos, "merge the connections into one "
			    "member entry", "member AS%u is defined twice (also at line %u)",
			    c->members[i].asn, c->members[i - 1].pos.line);

	check_unique_macs(c, d);
	check_aspa_source(c, d);

	if (need_irr && c->src.n_irr_dumps == 0 && c->src.n_irr_servers == 0 && c->n_members) {
		struct srcpos p = { c->file, 0, 0 };
		diag_error(d, &p, "add sources.irr.dumps or sources.irr.servers, or set "
		    "policy.irr.enforce_origin and enforce_prefix to false",
		    "IRR filtering is enabled but no IRR source is configured");
	}
}
