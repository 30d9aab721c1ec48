#include "emit_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ixf.h"
#include "readiness.h"
#include "reasons.h"

/* jansson needs valid UTF-8; every string we pass was validated (YAML) or is
 * ASCII we generated, so a NULL here is a bug worth seeing, not hiding. */
static json_t *
str(const char *s)
{
	json_t *j = json_string(s ? s : "");

	return j ? j : json_string("(invalid text)");
}

static void
set(json_t *o, const char *key, json_t *v)
{
	json_object_set_new(o, key, v);
}

static void
dump(struct buf *out, json_t *root)
{
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	buf_puts(out, s);
	buf_putc(out, '\n');
	free(s);
	json_decref(root);
}

static json_t *
community(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static json_t *
community(const char *fmt, ...)
{
	char tmp[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	return str(tmp);
}

static void
control(json_t *arr, const char *type, json_t *comm, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
control(json_t *arr, const char *type, json_t *comm, const char *fmt, ...)
{
	json_t *o = json_object();
	char meaning[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(meaning, sizeof(meaning), fmt, ap);
	va_end(ap);
	set(o, "type", str(type));
	set(o, "community", comm);
	set(o, "meaning", str(meaning));
	json_array_append_new(arr, o);
}

void
emit_reasons_json(struct buf *out, const struct model *mo)
{
	const uint32_t rs = mo->c->rs_asn;
	json_t *root = json_object(), *rj = json_object(), *alice = json_object();
	json_t *fr = json_object(), *states = json_object(), *ctl = json_array();
	char key[48];

	set(root, "schema", json_integer(1));
	set(root, "rs_asn", json_integer(rs));
	set(root, "reject_community", community("%u:%d:{code}", rs, LC_REJECT));
	for (int c = 1; c <= REJ_MAX; c++) {
		const struct reason *r = reason_get(c);
		json_t *o = json_object();
		set(o, "key", str(r->key));
		set(o, "text", str(r->text));
		set(o, "hint", str(r->hint));
		set(o, "euroix", r->euroix ? json_integer(r->euroix) : json_null());
		snprintf(key, sizeof(key), "%d", c);
		set(rj, key, o);
		snprintf(key, sizeof(key), "%u:%d:%d", rs, LC_REJECT, c);
		set(fr, key, str(r->text));
	}
	set(root, "reasons", rj);
	/* The looking glass reads it: with tag, filtered routes are among the
	 * accepted ones, told apart by their reason tag. */
	set(root, "reject_policy", str(mo->tag_rejected ? "tag" : "reject"));
	set(root, "euroix_reject_community", mo->euroix_reject ?
	    community("%u:%d:{code}", rs, LC_EUROIX_REJECT) : json_null());
	set(root, "rpki_community", community("%u:%d:{state}", rs, LC_RPKI_STATE));
	for (int t = RPKI_TAG_VALID; t <= RPKI_TAG_INVALID; t++) {
		snprintf(key, sizeof(key), "%d", t);
		set(states, key, str(rpki_tag_name(t)));
	}
	set(root, "rpki_states", states);

	{
		struct control_comm cc[MAX_CONTROL_COMMS];
		size_t n = model_control_communities(mo, cc);
		for (size_t i = 0; i < n; i++)
			control(ctl, cc[i].type, str(cc[i].value), "%s", cc[i].meaning);
	}
	set(root, "control_communities", ctl);
	{
		/* The IXP's own (ixp.communities) and the route servers' tags, for the
		 * looking glass to name. */
		json_t *info = json_array();
		struct control_comm tags[MAX_RS_TAGS];
		size_t n_tags = model_rs_tags(mo, tags);
		for (size_t i = 0; i < n_tags; i++)
			control(info, tags[i].type, str(tags[i].value), "%s", tags[i].meaning);
		for (size_t i = 0; i < mo->c->n_communities; i++) {
			const struct ixp_community *ic = &mo->c->communities[i];
			control(info, ic->large ? "large" : "standard", str(ic->community), "%s",
			    ic->meaning);
		}
		set(root, "informational_communities", info);
	}

	/* Ready to paste into Alice-LG's [rs_filter_reasons] / [rpki] config. */
	set(alice, "filter_reasons", fr);
	{
		json_t *rp = json_object();
		const char *names[] = { "valid", "unknown", "not_checked", "invalid" };
		for (int t = 0; t < 4; t++)
			set(rp, names[t], community("%u:%d:%d", rs, LC_RPKI_STATE, t + 1));
		set(alice, "rpki", rp);
	}
	set(root, "alice_lg", alice);
	dump(out, root);
}

static json_t *
fam_pair(size_t v4, size_t v6)
{
	json_t *o = json_object();

	set(o, "ipv4", json_integer((json_int_t)v4));
	set(o, "ipv6", json_integer((json_int_t)v6));
	return o;
}

static json_t *
strv(char *const *v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, str(v[i]));
	return a;
}

/* The IXP's override of the member's IRR data, as written: null when none. */
static json_t *
whitelist_json(const struct whitelist *wl)
{
	json_t *o, *pfx, *asns, *routes;
	char tmp[PFXRANGE_STRLEN];

	if (wl->prefixes.n == 0 && wl->asns.n == 0 && wl->n_routes == 0)
		return json_null();
	o = json_object();
	pfx = json_array();
	asns = json_array();
	routes = json_array();
	for (size_t i = 0; i < wl->prefixes.n; i++)
		json_array_append_new(pfx, str(pfxrange_format(&wl->prefixes.v[i], tmp)));
	for (size_t i = 0; i < wl->asns.n; i++)
		json_array_append_new(asns, json_integer(wl->asns.v[i]));
	for (size_t i = 0; i < wl->n_routes; i++) {
		json_t *r = json_object();
		set(r, "prefix", str(pfxrange_format(&wl->routes[i].r, tmp)));
		set(r, "origin", json_integer(wl->routes[i].origin));
		json_array_append_new(routes, r);
	}
	set(o, "prefixes", pfx);
	set(o, "asns", asns);
	set(o, "routes", routes);
	return o;
}

static json_t *
report_member(const struct model *mo, const struct mmember *mm)
{
	const struct member *m = mm->m;
	json_t *o = json_object(), *irr = json_object(), *rpki = json_object();
	json_t *mp = json_object(), *sess = json_array(), *sets = json_array();
	char tmp[ADDR_STRLEN];

	set(o, "asn", json_integer(m->asn));
	set(o, "name", str(m->name));
	for (size_t i = 0; i < mm->n_as_sets; i++)
		json_array_append_new(sets, str(mm->as_sets[i]));
	set(o, "as_sets", sets);
	set(o, "as_set_source", str(as_set_source_name(mm->as_set_source)));
	set(o, "manrs", json_boolean(m->manrs));

	set(irr, "asns", json_integer((json_int_t)mm->exp.n_asns));
	set(irr, "prefixes", fam_pair(mm->n_prefixes[FAM4], mm->n_prefixes[FAM6]));
	if (!mo->irr_table)
		set(irr, "filter_entries", fam_pair(mm->irr[FAM4].n, mm->irr[FAM6].n));
	set(irr, "missing_as_sets", strv(mm->exp.notes.missing, mm->exp.notes.n_missing));
	if (mm->shrunk[FAM4] || mm->shrunk[FAM6]) {
		json_t *sh = json_object();
		for (int fam = 0; fam < 2; fam++)
			if (mm->shrunk[fam]) {
				json_t *f = json_object();
				set(f, "previous", json_integer((json_int_t)mm->prev_prefixes[fam]));
				set(f, "now", json_integer((json_int_t)mm->n_prefixes[fam]));
				set(sh, fam_name(fam), f);
			}
		set(irr, "shrunk", sh);
	}
	set(irr, "loops", strv(mm->exp.notes.loops, mm->exp.notes.n_loops));
	set(o, "irr", irr);

	if (mo->vrps != NULL) {
		set(rpki, "covered_prefixes", fam_pair(mm->rpki_covered[FAM4], mm->rpki_covered[FAM6]));
		set(rpki, "invalid_route_objects", json_integer((json_int_t)mm->rpki_invalid));
		set(rpki, "invalid_examples", strv(mm->rpki_invalid_examples,
		    mm->n_rpki_invalid_examples));
		set(o, "rpki", rpki);
	} else {
		json_decref(rpki);
		set(o, "rpki", json_null());
	}

	for (int fam = 0; fam < 2; fam++) {
		json_t *f = json_object();
		set(f, "limit", json_integer(mm->max_prefix[fam]));
		set(f, "source", str(mp_source_name(mm->mp_source[fam])));
		set(mp, fam_name(fam), f);
	}
	set(o, "max_prefix", mp);
	set(o, "whitelist", whitelist_json(&mm->m->whitelist));

	for (size_t i = 0; i < mo->n_sessions; i++) {
		const struct msession *s = &mo->sessions[i];
		json_t *so, *rss;
		if (s->mm != mm)
			continue;
		so = json_object();
		rss = json_array();
		set(so, "name", str(s->name));
		set(so, "family", str(fam_name(s->fam)));
		set(so, "neighbor", str(ip_format(&s->peer, tmp)));
		if (!ip_eq(&s->peer, &s->nh))
			set(so, "lan_address", str(ip_format(&s->nh, tmp)));
		if (s->over6)	/* RFC 8950: a channel of the IPv6 session */
			set(so, "over_ipv6", json_true());
		set(so, "port", str(s->conn->port));
		set(so, "md5", json_boolean(s->conn->md5 != NULL));
		for (size_t r = 0; r < mo->c->n_rs; r++)
			if (mo->c->rs[r].addr[s->fam].af)
				json_array_append_new(rss, str(mo->c->rs[r].name));
		set(so, "route_servers", rss);
		json_array_append_new(sess, so);
	}
	set(o, "sessions", sess);
	set(o, "warnings", strv(mm->warnings, mm->n_warnings));
	return o;
}

/* collectors[]: their sessions, apart from the members'. */
static json_t *
report_collectors(const struct model *mo)
{
	json_t *arr = json_array();
	char tmp[ADDR_STRLEN];

	for (size_t i = 0; i < mo->c->n_collectors; i++) {
		const struct collector *co = &mo->c->collectors[i];
		json_t *o = json_object(), *sess = json_array();
		set(o, "name", str(co->name));
		set(o, "asn", json_integer(co->asn));
		for (size_t k = 0; k < mo->n_collectors; k++) {
			json_t *so;
			if (mo->collectors[k].co != co)
				continue;
			so = json_object();
			set(so, "name", str(mo->collectors[k].name));
			set(so, "family", str(fam_name(mo->collectors[k].fam)));
			set(so, "neighbor", str(ip_format(&co->addr[mo->collectors[k].fam], tmp)));
			json_array_append_new(sess, so);
		}
		set(o, "sessions", sess);
		set(o, "add_path", json_boolean(co->add_path));
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *
report_sources(const struct model *mo, bool timed)
{
	json_t *o = json_object(), *irr = json_object(), *dumps = json_array();
	json_t *rpki = json_object(), *srcs = json_array();

	if (mo->irr != NULL) {
		for (size_t i = 0; i < mo->irr->n_sources; i++)
			json_array_append_new(srcs, str(mo->irr->sources[i]));
		for (size_t i = 0; i < mo->irr->n_dumps; i++) {
			const struct irr_dump_stats *d = &mo->irr->dumps[i];
			json_t *dj = json_object();
			set(dj, "path", str(d->path));
			set(dj, "bytes", json_integer((json_int_t)d->rpsl.bytes));
			set(dj, "objects", json_integer((json_int_t)d->rpsl.objects));
			set(dj, "route", json_integer((json_int_t)d->routes[0]));
			set(dj, "route6", json_integer((json_int_t)d->routes[1]));
			set(dj, "as_set", json_integer((json_int_t)d->sets));
			set(dj, "aut_num", json_integer((json_int_t)d->autnums));
			set(dj, "other_sources", json_integer((json_int_t)d->other_source));
			set(dj, "skipped", json_integer((json_int_t)(d->bad_value +
			    d->rpsl.skipped[RPSL_SKIP_SYNTAX] + d->rpsl.skipped[RPSL_SKIP_TOO_BIG])));
			json_array_append_new(dumps, dj);
		}
		set(irr, "route_objects", json_integer((json_int_t)mo->irr->n_routes));
	}
	set(irr, "sources", srcs);
	set(irr, "dumps", dumps);
	set(o, "irr", irr);

	set(rpki, "mode", str(mo->rpki == RPKI_RTR ? "rtr" : mo->rpki == RPKI_STATIC ? "static" :
	    "none"));
	{
		/* Where each source's data came from, and how long it took. */
		json_t *used = json_array();
		for (size_t i = 0; i < mo->n_srcinfo; i++) {
			const struct source_info *si = &mo->srcinfo[i];
			json_t *u = json_object();
			set(u, "kind", str(si->kind));
			set(u, "where", str(si->where));
			set(u, "from", str(si->from[0] ? si->from : "none"));
			/* Times vary run to run: only with a timestamp (see
			 * --no-timestamp), so reports can be byte-identical. */
			if (timed) {
				set(u, "cache_age_seconds", si->age_s >= 0 &&
				    !strcmp(si->from, "cache") ? json_integer(si->age_s) : json_null());
				set(u, "seconds", json_real((double)(long)(si->seconds * 1000) / 1000));
			}
			set(u, "bytes", json_integer((json_int_t)si->bytes));
			set(u, "items", json_integer((json_int_t)si->items));
			json_array_append_new(used, u);
		}
		set(o, "used", used);
	}
	if (mo->vrps != NULL) {
		const struct vrpset *v = mo->vrps;
		set(rpki, "vrps", json_integer((json_int_t)v->n));
		set(rpki, "export_vrps", json_integer((json_int_t)v->n_export));
		set(rpki, "aspas", json_integer((json_int_t)v->n_aspa));
		set(rpki, "skipped_invalid", json_integer((json_int_t)v->n_bad));
		set(rpki, "skipped_expired", json_integer((json_int_t)v->n_expired));
		set(rpki, "skipped_unusable", json_integer((json_int_t)v->n_unusable));
		set(rpki, "skipped_other_trust_anchors", json_integer((json_int_t)v->n_other_ta));
		set(rpki, "duplicates", json_integer((json_int_t)v->n_dup));
		set(rpki, "slurm_filtered", json_integer((json_int_t)v->n_slurm_filtered));
		set(rpki, "slurm_added", json_integer((json_int_t)v->n_slurm_added));
		set(rpki, "buildtime", v->buildtime ? json_integer(v->buildtime) : json_null());
	}
	set(o, "rpki", rpki);
	return o;
}

void
emit_members_json(struct buf *out, const struct model *mo)
{
	const struct config *c = mo->c;
	json_t *root = json_object(), *ixp = json_object(), *arr = json_array();
	char tmp[ADDR_STRLEN];

	set(root, "schema", json_integer(1));
	set(ixp, "name", str(c->ixp_name));
	set(ixp, "rs_asn", json_integer(c->rs_asn));
	set(root, "ixp", ixp);
	for (size_t i = 0; i < mo->n_members; i++) {
		const struct member *m = mo->members[i].m;
		json_t *o = json_object(), *conns = json_array(), *sess = json_array();
		set(o, "asn", json_integer(m->asn));
		set(o, "name", str(m->name));
		set(o, "email", m->email ? str(m->email) : json_null());
		set(o, "phone", m->phone ? str(m->phone) : json_null());
		set(o, "manrs", json_boolean(m->manrs));
		for (size_t k = 0; k < m->n_conns; k++) {
			json_t *cj = json_object();
			for (int fam = 0; fam < 2; fam++)
				set(cj, fam == FAM4 ? "ipv4" : "ipv6", m->conns[k].addr[fam].af ?
				    str(ip_format(&m->conns[k].addr[fam], tmp)) : json_null());
			json_array_append_new(conns, cj);
		}
		set(o, "connections", conns);
		for (size_t k = 0; k < mo->n_sessions; k++)
			if (mo->sessions[k].mm == &mo->members[i])
				json_array_append_new(sess, str(mo->sessions[k].name));
		set(o, "sessions", sess);
		json_array_append_new(arr, o);
	}
	set(root, "members", arr);
	dump(out, root);
}

void
emit_report_json(struct buf *out, const struct model *mo, const struct emit_opts *o)
{
	const struct config *c = mo->c;
	json_t *root = json_object(), *ixp = json_object(), *rss = json_array();
	json_t *members = json_array(), *tot = json_object();
	size_t warn = 0, nopfx = 0;

	set(root, "generator", community("ixp-rsc %s", o->version));
	if (o->timestamp)
		set(root, "generated_at", str(o->timestamp));
	set(ixp, "name", str(c->ixp_name));
	set(ixp, "rs_asn", json_integer(c->rs_asn));
	for (size_t i = 0; i < c->n_rs; i++)
		json_array_append_new(rss, str(c->rs[i].name));
	set(ixp, "route_servers", rss);
	set(ixp, "irr_filter", str(mo->irr_table ? "table" : "prefix_sets"));
	set(root, "ixp", ixp);
	set(root, "sources", report_sources(mo, o->timestamp != NULL));

	for (size_t i = 0; i < mo->n_members; i++) {
		const struct mmember *mm = &mo->members[i];
		json_array_append_new(members, report_member(mo, mm));
		warn += mm->n_warnings;
		if (mm->n_prefixes[FAM4] + mm->n_prefixes[FAM6] == 0)
			nopfx++;
	}
	set(tot, "members", json_integer((json_int_t)mo->n_members));
	set(tot, "sessions", json_integer((json_int_t)mo->n_sessions));
	set(tot, "warnings", json_integer((json_int_t)warn));
	set(tot, "members_without_route_objects", json_integer((json_int_t)nopfx));
	set(root, "totals", tot);
	set(root, "members", members);
	set(root, "collectors", report_collectors(mo));
	dump(out, root);
}

/* ---- the IX-F member list ------------------------------------------------- */

static void
set_opt(json_t *o, const char *key, const char *v)
{
	if (v != NULL && *v)
		set(o, key, str(v));
}

static json_t *
ixf_vlan(const struct ixf_model *m, const struct ixf_vlan *v)
{
	json_t *o = json_object();

	set(o, "id", json_integer(v->id));
	set(o, "name", str("peering LAN"));
	for (int f = 0; f < 2; f++) {
		char a[ADDR_STRLEN];
		json_t *fam;
		if (!v->lan[f].af)
			continue;
		fam = json_object();
		prefix_format(&v->lan[f], a);
		*strchr(a, '/') = '\0';
		set(fam, "prefix", str(a));
		set(fam, "mask_length", json_integer(v->lan[f].len));
		if (m->looking_glass != NULL)
			set(fam, "looking_glass_urls", json_pack("[s]", m->looking_glass));
		set(o, f ? "ipv6" : "ipv4", fam);
	}
	return o;
}

static json_t *
ixf_conn(const struct ixf_model *m, const struct ixf_member *x, const struct ixf_conn *c)
{
	json_t *o = json_object(), *vl = json_object();

	set(o, "ixp_id", json_integer(1));
	set(o, "state", str("active"));
	if (c->switch_id)
		set(o, "if_list", json_pack("[{s:i}]", "switch_id", (json_int_t)c->switch_id));
	set(vl, "vlan_id", json_integer(m->vlans[c->vlan].id));
	for (int f = 0; f < 2; f++) {
		char a[ADDR_STRLEN];
		json_t *fam;
		if (!c->addr[f].af)
			continue;
		fam = json_object();
		set(fam, "address", str(ip_format(&c->addr[f], a)));
		if (x->as_macro != NULL)
			set(fam, "as_macro", str(x->as_macro));
		if (x->max_prefix[f])
			set(fam, "max_prefix", json_integer(x->max_prefix[f]));
		set(fam, "routeserver", json_boolean(x->rs_client));
		if (c->n_macs > 0) {
			json_t *macs = json_array();
			for (size_t i = 0; i < c->n_macs; i++) {
				char mac[18];
				const uint8_t *b = c->macs[i];
				snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1],
				    b[2], b[3], b[4], b[5]);
				json_array_append_new(macs, str(mac));
			}
			set(fam, "mac_addresses", macs);
		}
		if (c->route_server)
			set(fam, "services", json_pack("[{s:s,s:s,s:s}]", "type", "ixrouteserver",
			    "daemon", "BIRD", "daemon_version", m->daemon_version));
		set(vl, f ? "ipv6" : "ipv4", fam);
	}
	set(o, "vlan_list", json_pack("[o]", vl));
	return o;
}

void
emit_ixf_json(struct buf *out, const struct ixf_model *m, const char *timestamp)
{
	json_t *root = json_object(), *ixp = json_object(), *list = json_array();
	json_t *vlans = json_array(), *switches = json_array();

	set(root, "version", str("1.0"));
	set(root, "timestamp", str(timestamp ? timestamp : "1970-01-01T00:00:00Z"));
	set(ixp, "ixp_id", json_integer(1));
	set(ixp, "ixf_id", json_integer(m->ixf_id));
	set(ixp, "shortname", str(m->shortname));
	set(ixp, "name", str(m->shortname));
	if (m->pdb_id)
		set(ixp, "peeringdb_id", json_integer(m->pdb_id));
	set_opt(ixp, "country", m->country);
	set_opt(ixp, "url", m->url);
	set_opt(ixp, "support_email", m->support_email);
	for (size_t i = 0; i < m->n_switches; i++)
		json_array_append_new(switches, json_pack("{s:i,s:s}", "id", (json_int_t)i + 1,
		    "name", m->switches[i]));
	set(ixp, "switch", switches);
	for (size_t i = 0; i < m->n_vlans; i++)
		json_array_append_new(vlans, ixf_vlan(m, &m->vlans[i]));
	set(ixp, "vlan", vlans);
	set(root, "ixp_list", json_pack("[o]", ixp));
	for (size_t i = 0; i < m->n_members; i++) {
		const struct ixf_member *x = &m->members[i];
		json_t *o = json_object(), *conns = json_array();
		set(o, "asnum", json_integer(x->asn));
		set(o, "member_type", str(x->type));
		set(o, "name", str(x->name));
		if (x->email != NULL)
			set(o, "contact_email", json_pack("[s]", x->email));
		if (x->phone != NULL)
			set(o, "contact_phone", json_pack("[s]", x->phone));
		for (size_t k = 0; k < x->n_conns; k++)
			json_array_append_new(conns, ixf_conn(m, x, &x->conns[k]));
		set(o, "connection_list", conns);
		json_array_append_new(list, o);
	}
	set(root, "member_list", list);
	dump(out, root);
}

/* ---- readiness ------------------------------------------------------------- */

static json_t *
by_reason(const size_t *v)
{
	json_t *o = json_object();
	char key[16];

	for (int c = 0; c <= REJ_MAX; c++)
		if (v[c]) {
			snprintf(key, sizeof(key), "%d", c);
			set(o, key, json_integer((json_int_t)v[c]));
		}
	return o;
}

static json_t *
rpki_states(const size_t *v)
{
	json_t *o = json_object();

	for (int t = RPKI_TAG_VALID; t <= RPKI_TAG_INVALID; t++)
		set(o, rpki_tag_name(t), json_integer((json_int_t)v[t]));
	set(o, "untagged", json_integer((json_int_t)v[0]));
	return o;
}

void
emit_readiness_json(struct buf *out, const struct readiness *rd, uint32_t only)
{
	json_t *root = json_object(), *members = json_array(), *sum = json_object();

	set(root, "ixp", str(rd->mo->c->ixp_name));
	set(root, "route_server", rd->rs ? str(rd->rs) : json_null());
	set(sum, "members", json_integer((json_int_t)rd->n_members));
	set(sum, "manrs", json_integer((json_int_t)rd->n_manrs));
	set(sum, "irr_complete", json_integer((json_int_t)rd->n_irr_complete));
	set(sum, "roa_complete", json_integer((json_int_t)rd->n_roa_complete));
	if (rd->rs != NULL) {
		set(sum, "routes", json_integer((json_int_t)rd->live.announced));
		set(sum, "accepted", json_integer((json_int_t)rd->live.accepted));
		set(sum, "filtered", json_integer((json_int_t)rd->live.filtered));
		set(sum, "filtered_by_reason", by_reason(rd->live.by_reason));
		set(sum, "rpki", rpki_states(rd->live.rpki));
	}
	if (only == 0)
		set(root, "summary", sum);
	else
		json_decref(sum);
	for (size_t i = 0; i < rd->n_members; i++) {
		const struct ready_member *m = &rd->members[i];
		const struct mmember *mm = m->mm;
		json_t *o = json_object(), *fx = json_array();
		if (only != 0 && mm->m->asn != only)
			continue;
		set(o, "asn", json_integer(mm->m->asn));
		set(o, "name", str(mm->m->name));
		set(o, "manrs", json_boolean(mm->m->manrs));
		set(o, "as_set", mm->n_as_sets ? str(mm->as_sets[0]) : json_null());
		set(o, "connected", json_boolean(m->f.connected));
		set(o, "route_objects", fam_pair(m->f.route_objects[0], m->f.route_objects[1]));
		set(o, "route_objects_with_roa", fam_pair(m->f.with_roa[0], m->f.with_roa[1]));
		set(o, "route_objects_rpki_invalid", json_integer((json_int_t)m->f.stale));
		set(o, "rpki_invalid_example", m->f.stale_example ? str(m->f.stale_example) :
		    json_null());
		set(o, "advice", strv(mm->advice, mm->n_advice));
		set(o, "irr_complete", json_boolean(m->irr_complete));
		set(o, "roa_complete", json_boolean(m->roa_complete));
		if (rd->rs != NULL) {
			set(o, "announced", json_integer((json_int_t)m->live.announced));
			set(o, "accepted", json_integer((json_int_t)m->live.accepted));
			set(o, "filtered", json_integer((json_int_t)m->live.filtered));
			set(o, "filtered_by_reason", by_reason(m->live.by_reason));
			set(o, "rpki", rpki_states(m->live.rpki));
		}
		for (size_t k = 0; k < m->n_fixes; k++)
			json_array_append_new(fx, str(m->fixes[k]));
		set(o, "fixes", fx);
		json_array_append_new(members, o);
	}
	set(root, "members", members);
	dump(out, root);
}
