#include "traffic.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "policies.h"
#include "xalloc.h"

static const char *const match_names[TM_NUM] = {
	[TM_SRC_MAC] = "src_mac",
	[TM_ETHERNET_II] = "ethernet_ii",
	[TM_ETHERTYPE] = "ethertype",
	[TM_BROADCAST] = "broadcast",
	[TM_MULTICAST] = "multicast",
	[TM_ICMPV6_ROUTER] = "icmpv6_router",
	[TM_IPV4_MULTICAST] = "ipv4_multicast",
	[TM_DHCP] = "dhcp",
	[TM_IGP] = "igp",
	[TM_ICMP_REDIRECT] = "icmp_redirect",
	[TM_ARP_SENDER] = "arp_sender",
	[TM_ND_TARGET] = "nd_target",
	[TM_ARP_ND_RATE] = "arp_nd_rate",
};

static const char *const placeholders[] = {
	"{allowed_ethertypes}", "{arp_nd_rate_pps}", "{macs_per_port}", NULL
};

const char *
tr_match_name(enum tr_match m)
{
	return m < TM_NUM ? match_names[m] : "?";
}

static char *
text_field(json_t *o, const char *key, const char *where, size_t i, struct diag *d,
    const char *name)
{
	json_t *v = json_object_get(o, key);
	struct srcpos pos = { name, 0, 0 };
	const char *s;

	if (!json_is_string(v) || json_string_length(v) == 0) {
		diag_error(d, &pos, NULL, "%s%s%zu: \"%s\" must be a non-empty string",
		    where, *where ? "[" : "", i, key);
		return NULL;
	}
	s = json_string_value(v);
	/* Every {placeholder} must be one the emitters fill in. */
	for (const char *p = strchr(s, '{'); p != NULL; p = strchr(p + 1, '{')) {
		size_t k;
		for (k = 0; placeholders[k] != NULL; k++)
			if (strncmp(p, placeholders[k], strlen(placeholders[k])) == 0)
				break;
		if (placeholders[k] == NULL) {
			diag_error(d, &pos, "use {allowed_ethertypes}, {arp_nd_rate_pps} or "
			    "{macs_per_port}", "%s: unknown placeholder in \"%s\"", where, key);
			return NULL;
		}
	}
	return xstrdup(s);
}

int
ruleset_load(struct ruleset *rs, const char *json, size_t len, const char *name,
    struct diag *d)
{
	struct srcpos pos = { name, 0, 0 };
	json_error_t e;
	json_t *root, *rules, *r;
	unsigned errors0 = d->errors;
	size_t i;

	memset(rs, 0, sizeof(*rs));
	root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &e);
	if (root == NULL) {
		pos.line = e.line > 0 ? (unsigned)e.line : 0;
		pos.col = e.column > 0 ? (unsigned)e.column : 0;
		diag_error(d, &pos, NULL, "invalid JSON: %s", e.text);
		return -1;
	}
	rules = json_object_get(root, "rules");
	if (!json_is_object(root) || json_integer_value(json_object_get(root, "schema")) != 1 ||
	    !json_is_array(rules) || json_array_size(rules) == 0) {
		diag_error(d, &pos, "start from policies/forbidden-traffic.json",
		    "not a forbidden-traffic rule set (schema 1 with a \"rules\" list)");
		json_decref(root);
		return -1;
	}
	rs->title = text_field(root, "title", "", 0, d, name);
	rs->intro = text_field(root, "intro", "", 0, d, name);
	rs->violation = text_field(root, "violation", "", 0, d, name);
	rs->v = xcalloc(json_array_size(rules), sizeof(*rs->v));
	json_array_foreach(rules, i, r) {
		struct traffic_rule *t = &rs->v[rs->n];
		const char *id = json_string_value(json_object_get(r, "id"));
		const char *match = json_string_value(json_object_get(r, "match"));
		const char *action = json_string_value(json_object_get(r, "action"));
		size_t k;

		if (id == NULL || strlen(id) == 0 || strlen(id) >= sizeof(t->cid) ||
		    strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(id)) {
			diag_error(d, &pos, "ids are lower-case letters, digits and '-'",
			    "rules[%zu]: invalid or missing \"id\"", i);
			continue;
		}
		for (k = 0; k < rs->n; k++)
			if (!strcmp(rs->v[k].id, id))
				diag_error(d, &pos, NULL, "rules[%zu]: id \"%s\" is used twice", i, id);
		for (k = 0; k < TM_NUM; k++)
			if (match != NULL && !strcmp(match, match_names[k]))
				break;
		if (k == TM_NUM) {
			diag_error(d, &pos, "see the match kinds in docs/forbidden-traffic.md",
			    "rules[%zu] (%s): unknown \"match\"", i, id);
			continue;
		}
		t->match = (enum tr_match)k;
		if (action == NULL || (strcmp(action, "drop") && strcmp(action, "rate-limit")) ||
		    (!strcmp(action, "rate-limit")) != (t->match == TM_ARP_ND_RATE)) {
			diag_error(d, &pos, NULL, "rules[%zu] (%s): action must be \"%s\"", i, id,
			    t->match == TM_ARP_ND_RATE ? "rate-limit" : "drop");
			continue;
		}
		t->rate_limit = t->match == TM_ARP_ND_RATE;
		t->id = xstrdup(id);
		for (k = 0; id[k]; k++)
			t->cid[k] = id[k] == '-' ? '_' : id[k];
		t->title = text_field(r, "title", "rules", i, d, name);
		t->what = text_field(r, "what", "rules", i, d, name);
		t->reason = text_field(r, "reason", "rules", i, d, name);
		rs->n++;
	}
	json_decref(root);
	if (d->errors != errors0) {
		ruleset_free(rs);
		return -1;
	}
	return 0;
}

int
ruleset_load_default(struct ruleset *rs, struct diag *d)
{
	return ruleset_load(rs, policies_forbidden_traffic_json,
	    strlen(policies_forbidden_traffic_json), "policies/forbidden-traffic.json", d);
}

void
ruleset_free(struct ruleset *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->v[i].id);
		free(rs->v[i].title);
		free(rs->v[i].what);
		free(rs->v[i].reason);
	}
	free(rs->v);
	free(rs->title);
	free(rs->intro);
	free(rs->violation);
	memset(rs, 0, sizeof(*rs));
}

/* Ports with an interface, in member (ASN) and YAML order. Caller frees. */
static struct tport *
traffic_ports(const struct config *c, size_t *n)
{
	struct tport *v = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t i = 0; i < c->n_members; i++)
		for (size_t j = 0; j < c->members[i].n_conns; j++) {
			const struct connection *cn = &c->members[i].conns[j];
			if (cn->iface == NULL)
				continue;
			v = xgrow(v, &cap, *n + 1, sizeof(*v));
			v[*n] = (struct tport){ &c->members[i], cn, (unsigned)*n + 1 };
			(*n)++;
		}
	return v;
}

void
traffic_ethertypes_text(struct buf *out, const uint16_t *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *name = v[i] == 0x0800 ? "IPv4" : v[i] == 0x0806 ? "ARP" :
		    v[i] == 0x86dd ? "IPv6" : v[i] == 0x8809 ? "LACP" : NULL;
		if (i > 0)
			buf_puts(out, i + 1 == n ? " and " : ", ");
		if (name)
			buf_printf(out, "%s (0x%04x)", name, v[i]);
		else
			buf_printf(out, "0x%04x", v[i]);
	}
}

/* Text with {allowed_ethertypes}, {arp_nd_rate_pps}, {macs_per_port}
 * filled in from the configuration. */
static void
traffic_expand(struct buf *out, const char *text, const struct config *c)
{
	const char *p = text;

	while (*p) {
		if (!strncmp(p, "{allowed_ethertypes}", 20)) {
			traffic_ethertypes_text(out, c->traffic.ethertypes, c->traffic.n_ethertypes);
			p += 20;
		} else if (!strncmp(p, "{arp_nd_rate_pps}", 17)) {
			buf_printf(out, "%u", c->traffic.arp_nd_rate_pps);
			p += 17;
		} else if (!strncmp(p, "{macs_per_port}", 15)) {
			buf_printf(out, "%u", c->traffic.macs_per_port);
			p += 15;
		} else {
			buf_putc(out, *p++);
		}
	}
}

void
traffic_model_build(struct traffic_model *tm, const struct config *c, const struct ruleset *rs)
{
	memset(tm, 0, sizeof(*tm));
	tm->c = c;
	tm->rs = rs;
	tm->ports = traffic_ports(c, &tm->n_ports);
	tm->what = xcalloc(rs->n + 1, sizeof(*tm->what));
	for (size_t i = 0; i < rs->n; i++) {
		struct buf b = BUF_INIT;
		traffic_expand(&b, rs->v[i].what, c);
		tm->what[i] = buf_steal(&b);
	}
	for (size_t i = 0; i < c->n_members; i++)
		for (size_t j = 0; j < c->members[i].n_conns; j++) {
			tm->any_lacp |= c->members[i].conns[j].lacp;
			tm->any_extra_ethertypes |= c->members[i].conns[j].n_extra_ethertypes > 0;
		}
}

void
traffic_model_free(struct traffic_model *tm)
{
	for (size_t i = 0; tm->rs != NULL && i < tm->rs->n; i++)
		free(tm->what[i]);
	free(tm->what);
	free(tm->ports);
	memset(tm, 0, sizeof(*tm));
}
