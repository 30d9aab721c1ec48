#include "emit_yaml.h"

#include <stdio.h>
#include <string.h>

/* A YAML double-quoted scalar: every value from the list is written so. */
static void
q(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static void
addr_line(struct buf *b, const char *indent, const char *key, const struct ipaddr *a)
{
	char s[ADDR_STRLEN];

	if (a->af)
		buf_printf(b, "%s%s: \"%s\"\n", indent, key, ip_format(a, s));
}

static void
header(struct buf *b, const struct ixf_list *l, const struct import_opts *o)
{
	buf_puts(b, "# Made by `ixp-rsc import` from ");
	for (const char *p = o->file; *p; p++)	/* a comment stays one line */
		buf_putc(b, (unsigned char)*p < ' ' || *p == 0x7f ? '?' : *p);
	if (l->timestamp != NULL)
		buf_printf(b, " (exported %s)", l->timestamp);
	buf_printf(b, ":\n# %zu members, %zu route server%s.", l->n_members, l->n_rs,
	    l->n_rs == 1 ? "" : "s");
	if (l->n_skipped)
		buf_printf(b, " %zu values of the list were not valid and are left out.",
		    l->n_skipped);
	if (o->n_bogon_members)
		buf_printf(b, "\n# DECIDE: %zu members have private or documentation ASNs, which the "
		    "default\n# policy.bogon_asns refuses (test data?): set your own list, or remove "
		    "them.", o->n_bogon_members);
	buf_puts(b, "\n# Lines marked DECIDE need a human. The schema: ixp-rsc(1) and\n"
	    "# docs/configuration.md. `ixp-rsc check` accepts this file as it is.\n"
	    "version: 1\n\n");
}

static void
ixp(struct buf *b, const struct ixf_list *l)
{
	char s[ADDR_STRLEN];

	buf_puts(b, "ixp:\n  name: ");
	q(b, l->shortname);
	buf_printf(b, "\n  rs_asn: %u\n  peering_lans: [", l->rs_asn);
	for (size_t i = 0; i < l->n_lans; i++)
		buf_printf(b, "%s\"%s\"", i ? ", " : "", prefix_format(&l->lans[i], s));
	buf_puts(b, "]\n  route_servers:\n");
	for (size_t i = 0; i < l->n_rs; i++) {
		const struct ipaddr *v4 = &l->rs[i].addr[0];
		buf_printf(b, "    - name: rs%zu\n", i + 1);
		if (v4->af)
			buf_printf(b, "      router_id: %s\n", ip_format(v4, s));
		else
			buf_puts(b, "      router_id: 0.0.0.1    # DECIDE: an IPv4 router ID (this "
			    "route server has no IPv4 address)\n");
		addr_line(b, "      ", "ipv4", &l->rs[i].addr[0]);
		addr_line(b, "      ", "ipv6", &l->rs[i].addr[1]);
	}
	buf_puts(b, "  bird:\n    version: \"2.0\"    # DECIDE: the BIRD release the route servers "
	    "run (major.minor)\n  ixf:\n");
	if (l->ixf_id)
		buf_printf(b, "    id: %u\n", l->ixf_id);
	if (l->pdb_id)
		buf_printf(b, "    peeringdb_id: %u\n", l->pdb_id);
	buf_printf(b, "    vlan_id: %u\n", l->vlan_id);
	if (l->country != NULL)
		buf_printf(b, "    country: %s\n", l->country);
	if (l->url != NULL) {
		buf_puts(b, "    url: ");
		q(b, l->url);
		buf_putc(b, '\n');
	}
	if (l->support_email != NULL) {
		buf_puts(b, "    support_email: ");
		q(b, l->support_email);
		buf_putc(b, '\n');
	}
	if (l->looking_glass != NULL) {
		buf_puts(b, "    looking_glass: ");
		q(b, l->looking_glass);
		buf_putc(b, '\n');
	}
}

static void
sources(struct buf *b, const struct import_opts *o)
{
	buf_puts(b, "\nsources:\n  irr:\n    sources: [RIPE, ARIN, APNIC, AFRINIC, LACNIC, RADB]    "
	    "# DECIDE: the IRR databases, in priority order\n");
	if (o->n_irr_dumps > 0) {
		buf_puts(b, "    dumps: [");
		for (size_t i = 0; i < o->n_irr_dumps; i++) {
			buf_puts(b, i ? ", " : "");
			q(b, o->irr_dumps[i]);
		}
		buf_puts(b, "]\n");
	} else {
		buf_puts(b, "    servers: [{host: ");
		q(b, o->irr_server ? o->irr_server : "whois.radb.net");
		buf_puts(b, "}]\n");
	}
	buf_puts(b, "  # DECIDE: RPKI: rpki.rtr (your validator's RTR service) or rpki.vrps "
	    "(a VRP JSON file)\n");
}

static void
members(struct buf *b, const struct ixf_list *l)
{
	buf_puts(b, "\nmembers:\n");
	for (size_t i = 0; i < l->n_members; i++) {
		const struct ixf_in_member *m = &l->members[i];
		char name[32];
		buf_printf(b, "  - asn: %u\n    name: ", m->asn);
		snprintf(name, sizeof(name), "AS%u", m->asn);
		q(b, m->name ? m->name : name);
		buf_putc(b, '\n');
		if (m->as_macro != NULL) {
			buf_puts(b, "    as_set: ");
			q(b, m->as_macro);
			buf_puts(b, "    # DECIDE: from the list; check that it is the member's\n");
		} else {
			buf_puts(b, "    # DECIDE: as_set (none in the list: only the member's own ASN "
			    "is accepted, or PeeringDB's irr_as_set with sources.peeringdb)\n");
		}
		if (m->max_prefix[0] || m->max_prefix[1]) {
			const char *sep = "";
			buf_puts(b, "    max_prefix: {");
			for (int f = 0; f < 2; f++)
				if (m->max_prefix[f]) {
					buf_printf(b, "%sipv%d: %u", sep, f ? 6 : 4, m->max_prefix[f]);
					sep = ", ";
				}
			buf_puts(b, "}    # DECIDE: from the list\n");
		}
		if (m->email != NULL || m->phone != NULL) {
			buf_puts(b, "    contact: {");
			if (m->email != NULL) {
				buf_puts(b, "email: ");
				q(b, m->email);
			}
			if (m->phone != NULL) {
				buf_puts(b, m->email ? ", phone: " : "phone: ");
				q(b, m->phone);
			}
			buf_puts(b, "}\n");
		}
		buf_puts(b, "    connections:\n");
		for (size_t k = 0; k < m->n_conns; k++) {
			const struct ixf_in_conn *c = &m->conns[k];
			buf_puts(b, "      - port: ");
			q(b, c->port);
			buf_puts(b, "    # DECIDE: the switch port (the list names none)\n");
			addr_line(b, "        ", "ipv4", &c->addr[0]);
			addr_line(b, "        ", "ipv6", &c->addr[1]);
			if (c->n_macs > 0) {
				buf_puts(b, "        macs: [");
				for (size_t j = 0; j < c->n_macs; j++)
					buf_printf(b, "%s\"%02x:%02x:%02x:%02x:%02x:%02x\"", j ? ", " : "",
					    c->macs[j][0], c->macs[j][1], c->macs[j][2], c->macs[j][3],
					    c->macs[j][4], c->macs[j][5]);
				buf_puts(b, "]\n");
			}
		}
	}
}

void
emit_yaml_skeleton(struct buf *b, const struct ixf_list *l, const struct import_opts *o)
{
	header(b, l, o);
	ixp(b, l);
	sources(b, o);
	members(b, l);
}
