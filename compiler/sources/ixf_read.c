#include "ixf_read.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "irrname.h"
#include "validate.h"
#include "xalloc.h"

/* What YAML may hold in a scalar (YAML 1.1 "printable"): no C0 or C1
 * control character, DEL, U+FFFE or U+FFFF. s is valid UTF-8 (jansson). */
static bool
yaml_printable(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		if (i + len > n)
			return false;
		cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
		for (size_t k = 1; k < len; k++)
			cp = cp << 6 | ((unsigned char)s[i + k] & 0x3f);
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff)
			return false;
		i += len;
	}
	return true;
}

/* A string member of o, cut to max bytes on a UTF-8 boundary; NULL if none. */
static char *
text(struct ixf_list *l, json_t *o, const char *key, size_t max)
{
	json_t *v = json_object_get(o, key);
	const char *s;
	size_t n;

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v) || (s = json_string_value(v))[0] == '\0') {
		l->n_skipped++;
		return NULL;
	}
	n = strlen(s);
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	if (!yaml_printable(s, n)) {
		l->n_skipped++;
		return NULL;
	}
	return xstrndup(s, n);
}

/* A name: control characters become spaces (a name is worth keeping). */
static char *
name(struct ixf_list *l, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	struct buf b = BUF_INIT;
	const char *s;
	size_t n;

	if (!json_is_string(v) || (s = json_string_value(v))[0] == '\0')
		return NULL;
	for (size_t i = 0; s[i] && b.len < IXF_NAME_MAX;) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		if (b.len + len > IXF_NAME_MAX)
			break;
		if (yaml_printable(s + i, len))
			buf_add(&b, s + i, len);
		else
			buf_putc(&b, ' ');
		i += len;
	}
	n = b.len;
	while (n > 0 && b.p[n - 1] == ' ')
		n--;
	if (n == 0) {
		buf_free(&b);
		l->n_skipped++;
		return NULL;
	}
	b.p[n] = '\0';
	return buf_steal(&b);
}

static uint32_t
number(struct ixf_list *l, json_t *o, const char *key, json_int_t max)
{
	json_t *v = json_object_get(o, key);
	json_int_t i;

	if (v == NULL)
		return 0;
	if (!json_is_integer(v) || (i = json_integer_value(v)) < 0 || i > max) {
		l->n_skipped++;
		return 0;
	}
	return (uint32_t)i;
}

/* A text that must pass `ok`, else left out. */
static char *
checked(struct ixf_list *l, char *s, bool (*ok)(const char *))
{
	if (s != NULL && !ok(s)) {
		free(s);
		l->n_skipped++;
		return NULL;
	}
	return s;
}

static bool
asset_ok(const char *s)
{
	struct irrname n;
	const char *why;

	return irrname_parse(s, strlen(s), &n, &why);
}

bool
ixf_lan_address(struct ixf_list *l, const char *s, int af, struct ipaddr *out)
{
	memset(out, 0, sizeof(*out));
	if (ip_parse(s, strlen(s), out) != ADDR_OK || out->af != af) {
		memset(out, 0, sizeof(*out));
		l->n_skipped++;
		return false;
	}
	/* On the LAN the loader will find for it (the first that holds it). */
	for (size_t i = 0; i < l->n_lans; i++)
		if (l->lans[i].af == af && prefix_contains_ip(&l->lans[i], out)) {
			if (prefix_host_ok(&l->lans[i], out))
				return true;
			break;
		}
	memset(out, 0, sizeof(*out));	/* not on the peering LAN */
	l->n_skipped++;
	return false;
}

static bool
address(struct ixf_list *l, json_t *fam, int af, struct ipaddr *out)
{
	json_t *a = json_object_get(fam, "address");

	memset(out, 0, sizeof(*out));
	return json_is_string(a) && ixf_lan_address(l, json_string_value(a), af, out);
}

static void
lans(struct ixf_list *l, json_t *ixp)
{
	json_t *vlans = json_object_get(ixp, "vlan"), *v;
	size_t i;

	if (!json_is_array(vlans))
		return;
	l->lans = xcalloc(2 * json_array_size(vlans) + 1, sizeof(*l->lans));
	json_array_foreach(vlans, i, v) {
		for (int f = 0; f < 2; f++) {
			json_t *fam = json_object_get(v, f ? "ipv6" : "ipv4");
			json_t *p = json_object_get(fam, "prefix"), *m = json_object_get(fam, "mask_length");
			char buf[64];
			struct prefix px;
			if (!json_is_string(p) || !json_is_integer(m))
				continue;
			snprintf(buf, sizeof(buf), "%s/%lld", json_string_value(p),
			    (long long)json_integer_value(m));
			if (prefix_parse(buf, strlen(buf), &px) != ADDR_OK || px.af != (f ? AF6 : AF4) ||
			    l->n_lans == IXF_MAX_LANS) {
				l->n_skipped++;
				continue;
			}
			l->lans[l->n_lans++] = px;
			if (l->looking_glass == NULL) {
				json_t *lg = json_array_get(json_object_get(fam, "looking_glass_urls"), 0);
				if (json_is_string(lg) && valid_url(json_string_value(lg)))
					l->looking_glass = xstrdup(json_string_value(lg));
			}
		}
		if (i == 0)
			l->vlan_id = number(l, v, "id", 4095);
	}
}

static const char *
switch_name(json_t *ixp, json_int_t id)
{
	json_t *sw = json_object_get(ixp, "switch"), *s;
	size_t i;

	json_array_foreach(sw, i, s) {
		json_t *n = json_object_get(s, "name");
		if (json_integer_value(json_object_get(s, "id")) == id && json_is_string(n) &&
		    valid_chars(json_string_value(n), strlen(json_string_value(n)), "-_.") &&
		    strlen(json_string_value(n)) <= 32)
			return json_string_value(n);
	}
	return "ixf";
}

static bool
is_route_server(json_t *fam)
{
	json_t *svc = json_object_get(fam, "services"), *s;
	size_t i;

	json_array_foreach(svc, i, s) {
		json_t *t = json_object_get(s, "type");
		if (json_is_string(t) && !strcmp(json_string_value(t), "ixrouteserver"))
			return true;
	}
	return false;
}

static void
macs(struct ixf_list *l, json_t *fam, struct ixf_in_conn *c)
{
	json_t *ms = json_object_get(fam, "mac_addresses"), *m;
	size_t i;

	json_array_foreach(ms, i, m) {
		uint8_t mac[6];
		const char *s = json_string_value(m);
		if (s == NULL || !valid_mac(s, strlen(s), mac)) {
			l->n_skipped++;
			continue;
		}
		if (c->n_macs >= 16)
			break;
		c->macs = xrealloc(c->macs, (c->n_macs + 1) * sizeof(*c->macs));
		memcpy(c->macs[c->n_macs++], mac, 6);
	}
}

/* A new member entry; one ASN listed twice is merged after the reading. */
static struct ixf_in_member *
member_new(struct ixf_list *l, uint32_t asn, size_t *cap)
{
	l->members = xgrow(l->members, cap, l->n_members + 1, sizeof(*l->members));
	memset(&l->members[l->n_members], 0, sizeof(*l->members));
	l->members[l->n_members].asn = asn;
	return &l->members[l->n_members++];
}

static void
member_drop(struct ixf_in_member *m)
{
	for (size_t k = 0; k < m->n_conns; k++) {
		free(m->conns[k].port);
		free(m->conns[k].macs);
	}
	free(m->conns);
	free(m->name);
	free(m->email);
	free(m->phone);
	free(m->as_macro);
}

/* After sorting by ASN: entries of one ASN become the first one's. */
static void
merge(struct ixf_list *l)
{
	size_t out = 0;

	for (size_t i = 0; i < l->n_members; i++) {
		struct ixf_in_member *m = &l->members[i];
		if (out > 0 && l->members[out - 1].asn == m->asn) {
			struct ixf_in_member *first = &l->members[out - 1];
			first->conns = xrealloc(first->conns, (first->n_conns + m->n_conns + 1) *
			    sizeof(*first->conns));
			if (m->n_conns > 0)
				memcpy(first->conns + first->n_conns, m->conns,
				    m->n_conns * sizeof(*m->conns));
			first->n_conns += m->n_conns;
			m->n_conns = 0;
			member_drop(m);
			continue;
		}
		l->members[out++] = *m;
	}
	l->n_members = out;
}

static void
connection(struct ixf_list *l, json_t *ixp, json_t *conn, json_int_t ixp_id,
    struct ixf_in_member *m, bool ixp_entry, uint32_t asn)
{
	json_t *vl = json_object_get(conn, "vlan_list"), *v;
	json_t *ifl = json_array_get(json_object_get(conn, "if_list"), 0);
	size_t i;

	if (json_integer_value(json_object_get(conn, "ixp_id")) != ixp_id)
		return;
	json_array_foreach(vl, i, v) {
		struct ixf_in_conn c;
		bool rs = false;
		memset(&c, 0, sizeof(c));
		for (int f = 0; f < 2; f++) {
			json_t *fam = json_object_get(v, f ? "ipv6" : "ipv4");
			if (!json_is_object(fam) || !address(l, fam, f ? AF6 : AF4, &c.addr[f]))
				continue;
			rs |= is_route_server(fam);
			if (!ixp_entry) {
				json_t *am = json_object_get(fam, "as_macro");
				if (m->as_macro == NULL && json_is_string(am))
					m->as_macro = checked(l, text(l, fam, "as_macro", IRRNAME_MAX + 40),
					    asset_ok);
				if (m->max_prefix[f] == 0)
					m->max_prefix[f] = number(l, fam, "max_prefix", 10000000);
				macs(l, fam, &c);
			}
		}
		if (!c.addr[0].af && !c.addr[1].af) {
			free(c.macs);
			continue;
		}
		if (ixp_entry && rs) {
			l->rs = xrealloc(l->rs, (l->n_rs + 1) * sizeof(*l->rs));
			memcpy(l->rs[l->n_rs].addr, c.addr, sizeof(c.addr));
			l->n_rs++;
			l->rs_asn = asn;
			free(c.macs);
			continue;
		}
		if (ixp_entry) {
			free(c.macs);
			continue;
		}
		/* The switch for now; name_ports makes the port names. */
		c.port = xstrdup(switch_name(ixp, json_integer_value(json_object_get(ifl,
		    "switch_id"))));
		m->conns = xrealloc(m->conns, (m->n_conns + 1) * sizeof(*m->conns));
		m->conns[m->n_conns++] = c;
	}
}

struct use {
	struct ipaddr	*slot;
	size_t		 order;
};

static int
cmp_use(const void *a, const void *b)
{
	const struct use *x = a, *y = b;
	int c = memcmp(x->slot, y->slot, sizeof(*x->slot));

	return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

/* An address belongs to one router: the route servers first, then the
 * members in ASN order. Later uses are left out, and a connection left
 * with no address goes. Sorting keeps this O(n log n) for any list. */
static void
dedupe(struct ixf_list *l)
{
	struct use *u;
	size_t n = 0, cap = 2 * l->n_rs;

	for (size_t m = 0; m < l->n_members; m++)
		cap += 2 * l->members[m].n_conns;
	u = xcalloc(cap ? cap : 1, sizeof(*u));
	for (size_t i = 0; i < l->n_rs; i++)
		for (int f = 0; f < 2; f++)
			if (l->rs[i].addr[f].af) {
				u[n] = (struct use){ &l->rs[i].addr[f], n };
				n++;
			}
	for (size_t m = 0; m < l->n_members; m++)
		for (size_t k = 0; k < l->members[m].n_conns; k++)
			for (int f = 0; f < 2; f++)
				if (l->members[m].conns[k].addr[f].af) {
					u[n] = (struct use){ &l->members[m].conns[k].addr[f], n };
					n++;
				}
	qsort(u, n, sizeof(*u), cmp_use);
	for (size_t i = 1; i < n; i++)
		if (!memcmp(u[i].slot, u[i - 1].slot, sizeof(*u[i].slot)))
			u[i].order = SIZE_MAX;	/* a later use */
	for (size_t i = 0; i < n; i++)
		if (u[i].order == SIZE_MAX) {
			memset(u[i].slot, 0, sizeof(*u[i].slot));
			l->n_skipped++;
		}
	free(u);
	/* A family no route server speaks has no sessions: its member
	 * addresses are left out. */
	for (int f = 0; f < 2; f++) {
		bool rs = false;
		for (size_t i = 0; i < l->n_rs; i++)
			rs |= l->rs[i].addr[f].af != 0;
		for (size_t m = 0; !rs && m < l->n_members; m++)
			for (size_t k = 0; k < l->members[m].n_conns; k++)
				if (l->members[m].conns[k].addr[f].af) {
					memset(&l->members[m].conns[k].addr[f], 0, sizeof(struct ipaddr));
					l->n_skipped++;
				}
	}
	for (size_t i = 0; i < l->n_rs;)
		if (!l->rs[i].addr[0].af && !l->rs[i].addr[1].af)
			l->rs[i] = l->rs[--l->n_rs];
		else
			i++;
	for (size_t m = 0; m < l->n_members; m++) {
		struct ixf_in_member *mb = &l->members[m];
		for (size_t k = 0; k < mb->n_conns;) {
			struct ixf_in_conn *c = &mb->conns[k];
			if (!c->addr[0].af && !c->addr[1].af) {
				free(c->port);
				free(c->macs);
				mb->conns[k] = mb->conns[--mb->n_conns];
				continue;
			}
			k++;
		}
	}
}

/* "SWITCH:ASN-K": unique, since one ASN is one member. */
static void
name_ports(struct ixf_list *l)
{
	for (size_t m = 0; m < l->n_members; m++)
		for (size_t k = 0; k < l->members[m].n_conns; k++) {
			struct ixf_in_conn *c = &l->members[m].conns[k];
			char port[64];
			snprintf(port, sizeof(port), "%s:%u-%zu", c->port, l->members[m].asn, k + 1);
			free(c->port);
			c->port = xstrdup(port);
		}
}

static int
cmp_member(const void *a, const void *b)
{
	const struct ixf_in_member *x = a, *y = b;

	return x->asn < y->asn ? -1 : x->asn > y->asn;
}

void
ixf_list_finish(struct ixf_list *l)
{
	size_t out = 0;

	/* A LAN listed twice is one LAN (the loader refuses the repetition). */
	for (size_t i = 0; i < l->n_lans; i++) {
		bool seen = false;
		for (size_t k = 0; k < out && !seen; k++)
			seen = !prefix_cmp(&l->lans[k], &l->lans[i]);
		if (seen)
			l->n_skipped++;
		else
			l->lans[out++] = l->lans[i];
	}
	l->n_lans = out;
	out = 0;

	if (l->n_members > 1)
		qsort(l->members, l->n_members, sizeof(*l->members), cmp_member);
	merge(l);
	dedupe(l);
	/* Members without a connection to this IXP are not members here; nor
	 * is the route servers' own ASN. */
	for (size_t i = 0; i < l->n_members; i++)
		if (l->members[i].n_conns == 0 || l->members[i].asn == l->rs_asn)
			member_drop(&l->members[i]);
		else
			l->members[out++] = l->members[i];
	l->n_members = out;
	name_ports(l);
}

/* A member's name: the list's, control characters as spaces. */
char *
ixf_clean_name(struct ixf_list *l, json_t *o, const char *key)
{
	return name(l, o, key);
}

int
ixf_read(struct ixf_list *l, const char *json, size_t len, char *err, size_t errlen)
{
	json_error_t je;
	json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je), *ixp, *ml, *mj;
	json_int_t ixp_id;
	size_t i, cap = 0;

	memset(l, 0, sizeof(*l));
	if (root == NULL) {
		snprintf(err, errlen, "not JSON: line %d: %s", je.line, je.text);
		return -1;
	}
	ixp = json_array_get(json_object_get(root, "ixp_list"), 0);
	ml = json_object_get(root, "member_list");
	if (!json_is_object(ixp) || !json_is_array(ml)) {
		snprintf(err, errlen, "not an IX-F member list (no ixp_list or member_list)");
		json_decref(root);
		return -1;
	}
	ixp_id = json_integer_value(json_object_get(ixp, "ixp_id"));
	l->shortname = name(l, ixp, "shortname");
	l->country = checked(l, text(l, ixp, "country", 2), valid_country);
	l->url = checked(l, text(l, ixp, "url", 200), valid_url);
	l->support_email = checked(l, text(l, ixp, "support_email", 254), valid_email);
	l->timestamp = text(l, root, "timestamp", 40);
	l->ixf_id = number(l, ixp, "ixf_id", 1000000);
	l->pdb_id = number(l, ixp, "peeringdb_id", 100000000);
	lans(l, ixp);
	if (l->shortname == NULL || l->n_lans == 0) {
		snprintf(err, errlen, "the IXP has no %s", l->shortname ? "peering LAN (vlan)" :
		    "shortname");
		json_decref(root);
		ixf_list_free(l);
		return -1;
	}
	json_array_foreach(ml, i, mj) {
		json_t *cl = json_object_get(mj, "connection_list"), *conn, *t;
		uint32_t asn = number(l, mj, "asnum", 4294967295LL);
		bool ixp_entry;
		struct ixf_in_member *m;
		size_t k;
		if (asn == 0 || !json_is_array(cl))
			continue;
		t = json_object_get(mj, "member_type");
		ixp_entry = json_is_string(t) && !strcmp(json_string_value(t), "ixp");
		m = ixp_entry ? NULL : member_new(l, asn, &cap);
		if (m != NULL && m->name == NULL) {
			json_t *e = json_array_get(json_object_get(mj, "contact_email"), 0);
			json_t *p = json_array_get(json_object_get(mj, "contact_phone"), 0);
			m->name = name(l, mj, "name");
			if (json_is_string(e) && valid_email(json_string_value(e)) &&
			    strlen(json_string_value(e)) <= 254)
				m->email = xstrdup(json_string_value(e));
			if (json_is_string(p) && valid_phone(json_string_value(p)) &&
			    strlen(json_string_value(p)) <= 40)
				m->phone = xstrdup(json_string_value(p));
		}
		json_array_foreach(cl, k, conn) {
			struct ixf_in_member dummy;
			memset(&dummy, 0, sizeof(dummy));
			connection(l, ixp, conn, ixp_id, m ? m : &dummy, ixp_entry, asn);
		}
	}
	ixf_list_finish(l);
	json_decref(root);
	return 0;
}

void
ixf_list_free(struct ixf_list *l)
{
	for (size_t i = 0; i < l->n_members; i++)
		member_drop(&l->members[i]);
	free(l->members);
	free(l->rs);
	free(l->lans);
	free(l->shortname);
	free(l->country);
	free(l->url);
	free(l->support_email);
	free(l->looking_glass);
	free(l->timestamp);
}
