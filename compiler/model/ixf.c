#include "ixf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The peering LANs as VLANs: the k-th IPv4 LAN with the k-th IPv6 one. */
static void
vlans(struct ixf_model *m, const struct config *c)
{
	size_t n[2] = { 0, 0 };

	m->vlans = xcalloc(c->peering_lans.n ? c->peering_lans.n : 1, sizeof(*m->vlans));
	for (size_t i = 0; i < c->peering_lans.n; i++) {
		const struct prefix *p = &c->peering_lans.v[i];
		int f = p->af == AF6;
		if (n[f] == m->n_vlans) {
			m->vlans[m->n_vlans].id = c->ixf.vlan_id + (uint32_t)m->n_vlans;
			m->n_vlans++;
		}
		m->vlans[n[f]++].lan[f] = *p;
	}
}

static size_t
vlan_of(const struct ixf_model *m, const struct ipaddr *a)
{
	for (size_t i = 0; i < m->n_vlans; i++)
		for (int f = 0; f < 2; f++)
			if (m->vlans[i].lan[f].af && a->af && prefix_contains_ip(&m->vlans[i].lan[f], a))
				return i;
	return 0;
}

/* A port written "SWITCH:INTERFACE" names its switch. */
static uint32_t
switch_of(struct ixf_model *m, const char *port)
{
	const char *colon = port ? strchr(port, ':') : NULL;
	size_t len;

	if (colon == NULL || colon == port)
		return 0;
	len = (size_t)(colon - port);
	for (size_t i = 0; i < m->n_switches; i++)
		if (strlen(m->switches[i]) == len && !strncmp(m->switches[i], port, len))
			return (uint32_t)i + 1;
	m->switches = xrealloc(m->switches, (m->n_switches + 1) * sizeof(*m->switches));
	m->switches[m->n_switches++] = xstrndup(port, len);
	return (uint32_t)m->n_switches;
}

static void
route_servers(struct ixf_model *m, const struct config *c)
{
	struct ixf_member *rs = &m->members[m->n_members++];

	rs->asn = c->rs_asn;
	rs->name = c->ixp_name;
	rs->type = "ixp";
	rs->conns = xcalloc(c->n_rs ? c->n_rs : 1, sizeof(*rs->conns));
	for (size_t i = 0; i < c->n_rs; i++) {
		struct ixf_conn *cn = &rs->conns[rs->n_conns++];
		cn->addr[0] = c->rs[i].addr[FAM4];
		cn->addr[1] = c->rs[i].addr[FAM6];
		cn->vlan = vlan_of(m, cn->addr[0].af ? &cn->addr[0] : &cn->addr[1]);
		cn->route_server = true;
	}
	snprintf(m->daemon_buf, sizeof(m->daemon_buf), "%u.%u", c->bird_major, c->bird_minor);
	m->daemon_version = m->daemon_buf;
}

int
ixf_model_build(struct ixf_model *m, const struct config *c, char *err, size_t errlen)
{
	memset(m, 0, sizeof(*m));
	if (c->ixf.id == 0) {
		snprintf(err, errlen, "ixp.ixf.id is not set: the IX-F member list needs the "
		    "IXP's ID in the IX-F database (https://db.ix-f.net)");
		return -1;
	}
	m->ixf_id = c->ixf.id;
	m->pdb_id = c->ixf.peeringdb_id;
	m->shortname = c->ixp_name;
	m->country = c->ixf.country;
	m->url = c->ixf.url;
	m->support_email = c->ixf.support_email;
	m->looking_glass = c->ixf.looking_glass;
	vlans(m, c);
	m->members = xcalloc(c->n_members + 1, sizeof(*m->members));
	route_servers(m, c);
	for (size_t i = 0; i < c->n_members; i++) {
		const struct member *mb = &c->members[i];
		struct ixf_member *x = &m->members[m->n_members++];
		x->asn = mb->asn;
		x->name = mb->name;
		x->type = "peering";
		x->email = mb->email;
		x->phone = mb->phone;
		x->as_macro = mb->n_as_sets ? mb->as_sets[0] : NULL;
		for (int f = 0; f < 2; f++)
			x->max_prefix[f] = mb->max_prefix[f] ? mb->max_prefix[f] :
			    mb->policy.mp_default[f];
		x->rs_client = true;
		x->conns = xcalloc(mb->n_conns ? mb->n_conns : 1, sizeof(*x->conns));
		for (size_t k = 0; k < mb->n_conns; k++) {
			const struct connection *cn = &mb->conns[k];
			struct ixf_conn *xc = &x->conns[x->n_conns++];
			xc->addr[0] = cn->addr[FAM4];
			xc->addr[1] = cn->addr[FAM6];
			xc->vlan = vlan_of(m, xc->addr[0].af ? &xc->addr[0] : &xc->addr[1]);
			xc->switch_id = switch_of(m, cn->port);
			if (c->ixf.export_macs) {
				xc->macs = (const uint8_t (*)[6])cn->macs;
				xc->n_macs = cn->n_macs;
			}
		}
	}
	return 0;
}

void
ixf_model_free(struct ixf_model *m)
{
	for (size_t i = 0; i < m->n_members; i++)
		free(m->members[i].conns);
	free(m->members);
	for (size_t i = 0; i < m->n_switches; i++)
		free(m->switches[i]);
	free(m->switches);
	free(m->vlans);
}
