#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* NLNOG bgpfilterguide / MANRS martians; each also covers its more-specifics. */
static const char *const default_bogons4[] = {
	"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
	"169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
	"192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
	"198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
};

static const char *const default_bogons6[] = {
	"::/8", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001:2::/48",
	"2001:10::/28", "2001:20::/28", "2001:db8::/32", "2002::/16",
	"3ffe::/16", "5f00::/8", "fc00::/7", "fe80::/10", "fec0::/10",
	"ff00::/8",
};

/* RFC 7607, 6793, 5398, 6996, 7300 and the IANA reserved block. */
static const struct asn_range default_bogon_asns[] = {
	{ 0, 0 }, { 23456, 23456 }, { 64496, 131071 },
	{ 4200000000u, 4294967295u },
};

/* SPEC section 4 default. */
static const uint32_t default_transit_free[] = {
	174, 701, 1299, 2914, 3257, 3320, 3356, 3491, 5511, 6453, 6461, 6762,
	6830, 7018, 12956,
};

void
config_default_policy(struct policy *p)
{
	memset(p, 0, sizeof(*p));
	p->len_min[FAM4] = 8;
	p->len_max[FAM4] = 24;
	p->len_min[FAM6] = 16;
	p->len_max[FAM6] = 48;
	p->max_path_len = 64;
	p->next_hop = NH_STRICT;
	p->irr_enforce_origin = true;
	p->irr_enforce_prefix = true;
	p->irr_allow_more_specifics = false;
	p->irr_rpki_as_route_object = false;
	p->irr_max_depth = 20;
	p->irr_max_asns = 100000;
	p->irr_max_prefixes = 1000000;
	p->rpki_reject_invalid = true;
	p->aspa_reject_invalid = false;
	p->mp_action = MPA_RESTART;
	p->mp_default[FAM4] = 100;
	p->mp_default[FAM6] = 50;
	p->mp_from_peeringdb = true;
	p->mp_headroom_abs = 100;
	p->mp_headroom_pct = 15;
	p->mp_count_rejected = true;
	p->blackhole_enabled = true;
	p->blackhole_receive = true;
	p->graceful_shutdown = true;
	p->announcement_control = true;
	p->session.passive = true;
}

static void
parse_list(const char *const *src, size_t n, struct pfxlist *out)
{
	out->v = xcalloc(n, sizeof(*out->v));
	out->n = n;
	for (size_t i = 0; i < n; i++)
		if (prefix_parse(src[i], strlen(src[i]), &out->v[i]) != ADDR_OK)
			abort();	/* a typo in the table above */
}

void
config_default_bogon_prefixes(struct pfxlist out[2])
{
	parse_list(default_bogons4, sizeof(default_bogons4) / sizeof(*default_bogons4), &out[FAM4]);
	parse_list(default_bogons6, sizeof(default_bogons6) / sizeof(*default_bogons6), &out[FAM6]);
}

void
config_default_bogon_asns(struct asn_range **out, size_t *n)
{
	*n = sizeof(default_bogon_asns) / sizeof(*default_bogon_asns);
	*out = xmalloc(sizeof(default_bogon_asns));
	memcpy(*out, default_bogon_asns, sizeof(default_bogon_asns));
}

void
config_default_transit_free(struct asnlist *out)
{
	out->n = sizeof(default_transit_free) / sizeof(*default_transit_free);
	out->v = xmalloc(sizeof(default_transit_free));
	memcpy(out->v, default_transit_free, sizeof(default_transit_free));
}

bool
config_asn_is_bogon(const struct config *c, uint32_t asn)
{
	return asn_in_ranges(asn, c->bogon_asns, c->n_bogon_asns);
}

static void
free_srcfiles(struct srcfile *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(f[i].path);
	free(f);
}

void
config_free(struct config *c)
{
	size_t i, j;

	free(c->file);
	free(c->ixp_name);
	free(c->peering_lans.v);
	for (i = 0; i < c->n_rs; i++)
		free(c->rs[i].name);
	free(c->rs);
	free(c->lg_socket);
	free(c->irr_rtr_cache.host);
	free(c->vrps_rtr.host);
	for (i = 0; i < INC_NUM; i++)
		free(c->bird_include[i].path);
	free(c->ixf.country);
	free(c->ixf.url);
	free(c->ixf.support_email);
	free(c->ixf.looking_glass);

	for (i = 0; i < c->src.n_irr_sources; i++)
		free(c->src.irr_sources[i]);
	free(c->src.irr_sources);
	free_srcfiles(c->src.irr_servers, c->src.n_irr_servers);
	free_srcfiles(c->src.irr_dumps, c->src.n_irr_dumps);
	free(c->src.cache_dir);
	for (i = 0; i < c->src.n_rtr; i++)
		free(c->src.rtr[i].host);
	free(c->src.rtr);
	for (i = 0; i < c->n_communities; i++) {
		free(c->communities[i].community);
		free(c->communities[i].meaning);
	}
	free(c->communities);
	free_srcfiles(c->src.vrps, c->src.n_vrps);
	for (i = 0; i < c->src.n_trust_anchors; i++)
		free(c->src.trust_anchors[i]);
	free(c->src.trust_anchors);
	free(c->src.slurm.path);
	free(c->src.peeringdb.path);

	free(c->bogon_prefixes[0].v);
	free(c->bogon_prefixes[1].v);
	free(c->bogon_asns);
	free(c->transit_free.v);
	free(c->never_via_rs.v);
	free(c->blacklist.v);
	free(c->traffic.ethertypes);
	free(c->traffic.rules.path);

	for (i = 0; i < c->n_members; i++) {
		struct member *m = &c->members[i];
		free(m->name);
		for (j = 0; j < m->n_as_sets; j++)
			free(m->as_sets[j]);
		free(m->as_sets);
		free(m->as_set_pos);
		free(m->email);
		free(m->phone);
		for (j = 0; j < m->n_conns; j++) {
			free(m->conns[j].port);
			free(m->conns[j].iface);
			free(m->conns[j].macs);
			free(m->conns[j].md5);
			free(m->conns[j].extra_ethertypes);
		}
		free(m->conns);
		free(m->blacklist.v);
		free(m->whitelist.prefixes.v);
		free(m->whitelist.asns.v);
		free(m->whitelist.routes);
		free(m->bird_include.path);
		free(m->next_hops);
		free(m->next_hops_pos);
	}
	free(c->members);
	for (i = 0; i < c->n_collectors; i++) {
		free(c->collectors[i].name);
		free(c->collectors[i].md5);
	}
	free(c->collectors);
	memset(c, 0, sizeof(*c));
}

const struct prefix *
config_lan_of(const struct config *c, const struct ipaddr *ip)
{
	for (size_t i = 0; i < c->peering_lans.n; i++)
		if (prefix_contains_ip(&c->peering_lans.v[i], ip))
			return &c->peering_lans.v[i];
	return NULL;
}

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->bird_major = 2;
	c->bird_minor = 0;
	bird_dialect_of(2, 0, &c->bird);
	c->irr_table = true;
	c->irr_rtr_cache.exact_port = 8330;
	c->irr_rtr_cache.or_longer_port = 8331;
	c->path_hiding = true;
	config_default_policy(&c->policy);
	config_default_bogon_prefixes(c->bogon_prefixes);
	config_default_bogon_asns(&c->bogon_asns, &c->n_bogon_asns);
	config_default_transit_free(&c->transit_free);
	c->src.vrps_max_age = 86400;
	c->src.vrps_max_drop = 50;
	c->src.irr_timeout = 60;
	c->src.irr_deadline = 1800;
	c->src.cache_max_age = 86400;
	c->src.http_deadline = 300;
	c->traffic.n_ethertypes = 3;
	c->traffic.ethertypes = xcalloc(3, sizeof(uint16_t));
	c->traffic.ethertypes[0] = 0x0800;
	c->traffic.ethertypes[1] = 0x0806;
	c->traffic.ethertypes[2] = 0x86dd;
	c->traffic.macs_per_port = 1;
	c->traffic.arp_nd_rate_pps = 20;
}
