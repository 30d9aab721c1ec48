#include "pdb_ixlan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "xalloc.h"

static void
lans(struct ixf_list *l, json_t *ixlan)
{
	json_t *set = json_object_get(ixlan, "ixpfx_set"), *p;
	size_t i;

	l->lans = xcalloc(json_array_size(set) + 1, sizeof(*l->lans));
	json_array_foreach(set, i, p) {
		json_t *v = json_object_get(p, "prefix");
		const char *s = json_string_value(v);
		struct prefix px;
		if (s == NULL || prefix_parse(s, strlen(s), &px) != ADDR_OK ||
		    l->n_lans == IXF_MAX_LANS) {
			l->n_skipped++;
			continue;
		}
		l->lans[l->n_lans++] = px;
	}
}

/* "V4[,V6]", "V6": the route server's addresses on the LANs. */
static int
route_server(struct ixf_list *l, const char *spec, char *err, size_t errlen)
{
	char *copy = xstrdup(spec), *save = NULL, *tok;
	struct ixf_in_rs rs;
	int r = 0;

	memset(&rs, 0, sizeof(rs));
	for (tok = strtok_r(copy, ",", &save); tok && r == 0; tok = strtok_r(NULL, ",", &save)) {
		struct ipaddr a;
		size_t skipped = l->n_skipped;
		if (ip_parse(tok, strlen(tok), &a) != ADDR_OK ||
		    !ixf_lan_address(l, tok, a.af, &rs.addr[a.af == AF6])) {
			snprintf(err, errlen, "--rs %s: %s is not a host address on the IX LAN's "
			    "prefixes", spec, tok);
			r = -1;
		}
		l->n_skipped = skipped;
	}
	free(copy);
	if (r == 0) {
		l->rs = xrealloc(l->rs, (l->n_rs + 1) * sizeof(*l->rs));
		l->rs[l->n_rs++] = rs;
	}
	return r;
}

int
pdb_ixlan_read(struct ixf_list *l, const char *json, size_t len, uint32_t rs_asn,
    const char *const *rs, size_t n_rs, char *err, size_t errlen)
{
	json_error_t je;
	json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je), *ixlan, *nets, *n;
	size_t i, cap = 0;
	json_int_t v;

	memset(l, 0, sizeof(*l));
	if (root == NULL) {
		snprintf(err, errlen, "not JSON: line %d: %s", je.line, je.text);
		return -1;
	}
	ixlan = json_array_get(json_object_get(root, "data"), 0);
	nets = json_object_get(ixlan, "net_set");
	if (nets == NULL)
		nets = json_object_get(ixlan, "netixlan_set");
	if (!json_is_object(ixlan) || !json_is_array(nets)) {
		snprintf(err, errlen, "not a PeeringDB ixlan answer with depth=2 (no data[0]."
		    "net_set): fetch /api/ixlan/ID?depth=2");
		json_decref(root);
		return -1;
	}
	l->shortname = ixf_clean_name(l, ixlan, "name");
	if (l->shortname == NULL) {
		char tmp[48];
		snprintf(tmp, sizeof(tmp), "IX LAN %lld",
		    (long long)json_integer_value(json_object_get(ixlan, "id")));
		l->shortname = xstrdup(tmp);
	}
	v = json_integer_value(json_object_get(ixlan, "ix_id"));
	l->pdb_id = v > 0 && v <= 100000000 ? (uint32_t)v : 0;
	v = json_integer_value(json_object_get(ixlan, "rs_asn"));
	l->rs_asn = rs_asn ? rs_asn : v > 0 && v <= 4294967295LL ? (uint32_t)v : 0;
	lans(l, ixlan);
	for (i = 0; i < n_rs; i++)
		if (route_server(l, rs[i], err, errlen) != 0) {
			json_decref(root);
			ixf_list_free(l);
			return -1;
		}
	json_array_foreach(nets, i, n) {
		json_t *asn = json_object_get(n, "asn");
		struct ixf_in_member *m;
		struct ixf_in_conn c;
		json_int_t a = json_integer_value(asn);
		memset(&c, 0, sizeof(c));
		if (!json_is_integer(asn) || a <= 0 || a > 4294967295LL) {
			l->n_skipped++;
			continue;
		}
		if (!json_is_true(json_object_get(n, "is_rs_peer")))
			continue;	/* peers bilaterally only */
		for (int f = 0; f < 2; f++) {
			const char *s = json_string_value(json_object_get(n, f ? "ipaddr6" : "ipaddr4"));
			if (s != NULL && *s)
				ixf_lan_address(l, s, f ? AF6 : AF4, &c.addr[f]);
		}
		if (!c.addr[0].af && !c.addr[1].af)
			continue;
		l->members = xgrow(l->members, &cap, l->n_members + 1, sizeof(*l->members));
		m = &l->members[l->n_members++];
		memset(m, 0, sizeof(*m));
		m->asn = (uint32_t)a;
		m->name = ixf_clean_name(l, n, "name");
		c.port = xstrdup("pdb");
		m->conns = xcalloc(1, sizeof(*m->conns));
		m->conns[m->n_conns++] = c;
	}
	ixf_list_finish(l);
	json_decref(root);
	if (l->n_lans == 0) {
		snprintf(err, errlen, "the IX LAN has no prefixes (ixpfx_set)");
		ixf_list_free(l);
		return -1;
	}
	return 0;
}
