#include "rspolicy.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"

static void
route_servers(struct doc *d, const struct config *c)
{
	static const char *const head[] = { "Route server", "IPv4", "IPv6", NULL };

	doc_heading(d, "Route servers");
	doc_para(d, "AS%u, BIRD %u.%u. Peer with every route server: each one applies the same "
	    "policy.", c->rs_asn, c->bird_major, c->bird_minor);
	doc_table(d, head);
	for (size_t i = 0; i < c->n_rs; i++) {
		char a[ADDR_STRLEN], b[ADDR_STRLEN];
		doc_cell(d, "%s", c->rs[i].name);
		doc_cell(d, "%s", c->rs[i].addr[FAM4].af ? ip_format(&c->rs[i].addr[FAM4], a) : "-");
		doc_cell(d, "%s", c->rs[i].addr[FAM6].af ? ip_format(&c->rs[i].addr[FAM6], b) : "-");
	}
}

/* What a check applies, from the IXP-wide policy. */
static void
detail(struct buf *b, const struct model *mo, enum check_kind k)
{
	const struct config *c = mo->c;
	const struct policy *p = &c->policy;

	switch (k) {
	case CHK_PATH_LEN:
		buf_printf(b, "at most %u ASNs in the AS path", p->max_path_len);
		break;
	case CHK_BOGON_PREFIX:
		buf_printf(b, "%zu IPv4 and %zu IPv6 bogon prefixes", c->bogon_prefixes[FAM4].n,
		    c->bogon_prefixes[FAM6].n);
		break;
	case CHK_BLACKLIST:
		buf_printf(b, "the peering LANs themselves%s", c->blacklist.n ?
		    ", and the IXP's blacklist" : "");
		break;
	case CHK_NEXT_HOP:
		buf_puts(b, p->next_hop == NH_STRICT ? "the session's own address" :
		    "any peering-LAN address of the same member");
		break;
	case CHK_FIRST_AS:
		buf_puts(b, "the member's own ASN first");
		break;
	case CHK_BOGON_ASN:
		buf_printf(b, "%zu private and reserved ASN ranges", c->n_bogon_asns);
		break;
	case CHK_TRANSIT_FREE:
		buf_printf(b, "%zu transit-free networks", c->transit_free.n);
		break;
	case CHK_IRR_ORIGIN:
	case CHK_IRR_PREFIX:
		buf_puts(b, "IRR sources ");
		for (size_t i = 0; i < c->src.n_irr_sources; i++)
			buf_printf(b, "%s%s", i ? ", " : "", c->src.irr_sources[i]);
		if (c->src.n_irr_sources == 0)
			buf_puts(b, "(all)");
		buf_puts(b, ", in this priority");
		if (k == CHK_IRR_PREFIX && p->irr_allow_more_specifics)
			buf_puts(b, "; more-specifics of a route object accepted");
		if (k == CHK_IRR_PREFIX && p->irr_rpki_as_route_object)
			buf_puts(b, "; an RPKI-valid route needs no route object");
		break;
	case CHK_PREFIX_LEN:
		buf_printf(b, "IPv4 /%u to /%u, IPv6 /%u to /%u (blackholes: down to /32 and /128)",
		    p->len_min[FAM4], p->len_max[FAM4], p->len_min[FAM6], p->len_max[FAM6]);
		break;
	case CHK_RPKI:
		buf_puts(b, mo->rpki == RPKI_RTR ? "ROAs from RTR validators, live" :
		    "ROAs from a validated VRP file");
		buf_puts(b, p->rpki_reject_invalid ? "; invalid routes rejected" :
		    "; invalid routes tagged, not rejected");
		break;
	case CHK_NEVER_VIA_RS:
		buf_printf(b, "%zu networks that ask never to be reached via route servers",
		    mo->never_via_rs.n);
		break;
	case CHK_ASPA:
		buf_puts(b, "ASPA records; upstream paths that leak are rejected");
		break;
	case CHK_AFI:
	case CHK_V6_GLOBAL:
	case CHK_MEMBER_BLACKLIST:
	case CHK_NUM:
		break;
	}
}

static void
checks(struct doc *d, const struct model *mo)
{
	static const char *const head[] = { "#", "Check", "Reject code", "Applies", "What you "
	    "can do", NULL };
	const struct policy *p = &mo->c->policy;
	struct check v4[CHK_NUM], v6[CHK_NUM];
	size_t n4 = model_checks_for(mo, p, FAM4, 0, true, v4);
	size_t n6 = model_checks_for(mo, p, FAM6, 0, true, v6);
	size_t row = 0;

	doc_heading(d, "What the route servers check");
	doc_para(d, "Every route a member announces passes these checks, in this order. A route "
	    "that fails one is not exported to anyone; it stays on the route server, tagged "
	    "with the large community (%u, %d, code), and the looking glass shows it with the "
	    "reason. Checks that do not apply here are listed too, so that every code is "
	    "explained.", mo->c->rs_asn, LC_REJECT);
	if (mo->tag_rejected)
		doc_para(d, "Such a route is kept among the route servers' accepted routes, least "
		    "preferred (local preference 0), so that the IXP's route collectors receive it "
		    "with its reason; no member receives it.");
	doc_table(d, head);
	for (int code = 1; code <= REJ_MAX; code++) {
		const struct reason *r = reason_get(code);
		const struct check *c4 = NULL, *c6 = NULL;
		struct buf what = BUF_INIT;
		for (size_t i = 0; i < n4; i++)
			if (v4[i].code == code)
				c4 = &v4[i];
		for (size_t i = 0; i < n6; i++)
			if (v6[i].code == code)
				c6 = &v6[i];
		if (c4 != NULL || c6 != NULL) {
			detail(&what, mo, (c4 ? c4 : c6)->kind);
			if ((c4 ? c4 : c6)->blackholes_only)
				buf_puts(&what, what.len ? "; blackhole routes only" :
				    "blackhole routes only");
			if (c4 == NULL || c6 == NULL)
				buf_printf(&what, "%sIPv%d only", what.len ? "; " : "", c4 ? 4 : 6);
			if (code == REJ_MEMBER_BLACKLIST)
				buf_puts(&what, "members with a blacklist of their own");
		}
		if (c4 || c6)
			doc_cell(d, "%zu", ++row);
		else
			doc_cell(d, "-");
		doc_cell(d, "%s", r->text);
		doc_cell(d, "%d", code);
		doc_cell(d, "%s", c4 || c6 ? (what.len ? what.p : "yes") : "not here");
		doc_cell(d, "%s", r->hint);
		buf_free(&what);
	}
}

static void
limits(struct doc *d, const struct config *c)
{
	const struct policy *p = &c->policy;
	static const char *const act[] = { "a warning in the log", "routes beyond it are "
	    "dropped", "the session is restarted", "the session is shut down" };
	const char *counted = p->mp_count_rejected || c->reject_policy == REJECT_POLICY_TAG ?
	    "counting every route you send, filtered ones too" : "counting the routes accepted";
	struct buf pdb = BUF_INIT;

	doc_heading(d, "Limits and data");
	doc_list(d);
	if (p->mp_from_peeringdb)
		buf_printf(&pdb, ", or (the figure in your PeeringDB record + %u) + %u%%",
		    p->mp_headroom_abs, p->mp_headroom_pct);
	doc_item(d, "Max-prefix: %u IPv4 and %u IPv6 routes by default%s, %s; over the limit %s.",
	    p->mp_default[FAM4], p->mp_default[FAM6], buf_str(&pdb), counted, act[p->mp_action]);
	buf_free(&pdb);
	doc_item(d, "AS-SETs are expanded %u levels deep at most, to %u ASNs and %u prefixes per "
	    "family.", p->irr_max_depth, p->irr_max_asns, p->irr_max_prefixes);
	doc_item(d, "IRR data is reloaded and the filters regenerated several times a day; "
	    "RPKI %s.", c->src.n_rtr ? "changes reach the route servers within minutes (RTR)" :
	    "data is reloaded with it");
	if (p->blackhole_enabled)
		doc_item(d, "Blackholing: routes with BLACKHOLE (65535:666) down to /32 and /128, "
		    "from the owner of a covering route object, are sent to everyone with "
		    "NO_EXPORT%s.", p->blackhole_next_hop[FAM4].af || p->blackhole_next_hop[FAM6].af ?
		    " and the IXP's blackhole next hop" : "");
	else
		doc_item(d, "Blackholing is not offered.");
}

/* How the BGP sessions are set up, IXP-wide (members' own settings are in
 * the overrides). */
static void
sessions(struct doc *d, const struct config *c)
{
	const struct session_opts *o = &c->policy.session;

	doc_heading(d, "BGP sessions");
	doc_list(d);
	doc_item(d, "%s", o->passive ? "The route servers wait for your router to connect "
	    "(passive): configure the session on your side as active." :
	    "The route servers connect to your router, and accept its connections.");
	doc_item(d, "The route servers are transparent: they %s their ASN to the AS path and "
	    "keep your next hop.", o->prepend_rs_as ? "add" : "do not add");
	if (o->gtsm)
		doc_item(d, "GTSM (RFC 5082): your router must send with TTL 255 "
		    "(`ttl-security` on your side).");
	if (o->multihop)
		doc_item(d, "Multihop sessions, TTL %u.", o->multihop);
	if (o->add_path)
		doc_item(d, "ADD-PATH: every accepted path of a prefix is sent, not only the best "
		    "(enable ADD-PATH receive on your side).");
	if (o->roles)
		doc_item(d, "BGP roles (RFC 9234): the route servers' role is rs-server, yours is "
		    "rs-client; routes you send with an Only-to-Customer (OTC) attribute are leaks "
		    "and are dropped, and the routes you receive carry OTC%s.", o->roles_strict ? "; a router that announces no role "
		    "is refused" : "");
	if (c->path_hiding)
		doc_item(d, "When the best path of a prefix may not be sent to you, you get the "
		    "next best (path-hiding mitigation).");
	for (size_t i = 0; i < c->n_collectors; i++)
		doc_item(d, "Collector %s (AS%u) is not a member: it receives every route the "
		    "route servers accept, as they hold it, and sends none.", c->collectors[i].name,
		    c->collectors[i].asn);
}

static void
communities(struct doc *d, const struct model *mo)
{
	static const char *const head[] = { "Community", "Type", "Meaning", NULL };
	struct control_comm cc[MAX_CONTROL_COMMS];
	size_t n = model_control_communities(mo, cc);
	uint32_t rs = mo->c->rs_asn;

	doc_heading(d, "Communities you can use");
	if (n == 0) {
		doc_para(d, "None: the route servers act on no community of yours.");
	} else {
		doc_para(d, "{peer} is the ASN of the member the action is about.");
		doc_table(d, head);
		for (size_t i = 0; i < n; i++) {
			doc_cell(d, "%s", cc[i].value);
			doc_cell(d, "%s", cc[i].type);
			doc_cell(d, "%s", cc[i].meaning);
		}
	}
	doc_heading(d, "Communities the route servers add");
	doc_table(d, head);
	doc_cell(d, "%u:%d:{code}", rs, LC_REJECT);
	doc_cell(d, "large");
	doc_cell(d, "on a filtered route: why (the reject codes above)");
	{
		struct control_comm tags[MAX_RS_TAGS];
		size_t n_tags = model_rs_tags(mo, tags);
		for (size_t i = 0; i < n_tags; i++) {
			doc_cell(d, "%s", tags[i].value);
			doc_cell(d, "%s", tags[i].type);
			doc_cell(d, "%s", tags[i].meaning);
		}
	}
	if (mo->maintenance) {
		doc_cell(d, "65535:0");
		doc_cell(d, "standard");
		doc_cell(d, "maintenance now: on every route sent (GRACEFUL_SHUTDOWN), so that your "
		    "routers prefer other paths while the route servers are restarted");
	}
	if (mo->euroix_reject) {
		doc_cell(d, "%u:%d:{x}", rs, LC_EUROIX_REJECT);
		doc_cell(d, "large");
		doc_cell(d, "on a filtered route, beside it: the Euro-IX reason where there is "
		    "one (IXP Manager's looking glass reads it)");
	}
	for (int t = RPKI_TAG_VALID; t <= RPKI_TAG_INVALID; t++) {
		doc_cell(d, "%u:%d:%d", rs, LC_RPKI_STATE, t);
		doc_cell(d, "large");
		doc_cell(d, "RPKI state: %s", rpki_tag_name(t));
	}
	if (mo->c->n_communities == 0)
		return;
	doc_heading(d, "Other communities of this IXP");
	doc_para(d, "Informational: the looking glass names them beside their value.");
	doc_table(d, head);
	for (size_t i = 0; i < mo->c->n_communities; i++) {
		doc_cell(d, "%s", mo->c->communities[i].community);
		doc_cell(d, "%s", mo->c->communities[i].large ? "large" : "standard");
		doc_cell(d, "%s", mo->c->communities[i].meaning);
	}
}

static void
overrides(struct doc *d, const struct model *mo)
{
	static const char *const head[] = { "Member", "Setting", "Value", NULL };
	const struct config *c = mo->c;
	bool any = false;

	doc_heading(d, "Members with settings of their own");
	for (size_t i = 0; i < c->n_members; i++) {
		const struct member *m = &c->members[i];
		struct policy_override ov[MAX_OVERRIDES];
		size_t n = model_policy_overrides(&c->policy, &m->policy, ov);
		if (m->blacklist.n > 0 && n < MAX_OVERRIDES) {
			ov[n].key = "blacklist";
			snprintf(ov[n].value, sizeof(ov[n].value), "%zu prefix%s", m->blacklist.n,
			    m->blacklist.n == 1 ? "" : "es");
			n++;
		}
		if (m->whitelist.prefixes.n + m->whitelist.asns.n + m->whitelist.n_routes > 0 &&
		    n < MAX_OVERRIDES) {
			ov[n].key = "whitelist";
			snprintf(ov[n].value, sizeof(ov[n].value), "%zu prefixes, %zu ASNs, %zu routes",
			    m->whitelist.prefixes.n, m->whitelist.asns.n, m->whitelist.n_routes);
			n++;
		}
		if (m->n_next_hops > 0 && n < MAX_OVERRIDES) {
			char a[ADDR_STRLEN];
			ov[n].key = "next_hop_addresses";
			snprintf(ov[n].value, sizeof(ov[n].value), "%s%s",
			    ip_format(&m->next_hops[0], a), m->n_next_hops > 1 ? " and more" : "");
			n++;
		}
		for (size_t k = 0; k < n; k++) {
			if (!any)
				doc_table(d, head);
			any = true;
			doc_cell(d, "AS%u %s", m->asn, m->name);
			doc_cell(d, "%s", ov[k].key);
			doc_cell(d, "%s", ov[k].value);
		}
	}
	if (!any)
		doc_para(d, "None: every member has the policy above.");
}

void
rspolicy_build(struct doc *d, const struct model *mo, const char *version, const char *timestamp)
{
	const struct config *c = mo->c;
	struct buf title = BUF_INIT;

	buf_printf(&title, "Route-server policy: %s", c->ixp_name);
	doc_init(d, title.p);
	buf_free(&title);
	doc_para(d, "What the route servers of %s accept from a member and send to the others, "
	    "generated from the configuration they run.", c->ixp_name);
	route_servers(d, c);
	checks(d, mo);
	limits(d, c);
	sessions(d, c);
	communities(d, mo);
	overrides(d, mo);
	doc_para(d, "Generated by ixp-rsc %s%s%s.", version, timestamp ? " on " : "",
	    timestamp ? timestamp : "");
}
