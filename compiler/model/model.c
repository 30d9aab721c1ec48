#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asn.h"
#include "buf.h"
#include "previous.h"
#include "strutil.h"
#include "xalloc.h"

#define MAX_EXAMPLES 10

const char *
fam_name(int fam)
{
	return fam == FAM4 ? "ipv4" : "ipv6";
}

const char *
as_set_source_name(enum as_set_source s)
{
	return s == ASS_YAML ? "yaml" : s == ASS_PEERINGDB ? "peeringdb" : "asn";
}

const char *
mp_source_name(enum mp_source s)
{
	switch (s) {
	case MPS_YAML:
		return "yaml";
	case MPS_PEERINGDB:
		return "peeringdb";
	case MPS_DEFAULT:
		return "default";
	}
	return "?";
}

static void
advise(struct mmember *mm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Advice for the member's readiness report: a problem with its own data
 * (AS-SET, PeeringDB) and what it can do about it. */
static void
advise(struct mmember *mm, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	mm->advice = xrealloc(mm->advice, (mm->n_advice + 1) * sizeof(char *));
	mm->advice[mm->n_advice++] = buf_steal(&b);
}

static void
vmwarn(struct mmember *mm, struct diag *d, const struct srcpos *pos, const char *hint,
    const char *member_hint, const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;

	buf_vprintf(&b, fmt, ap);
	diag_warn(d, pos, hint, "AS%u: %s", mm->m->asn, buf_str(&b));
	if (member_hint != NULL)
		advise(mm, "%s; %s", buf_str(&b), member_hint);
	mm->warnings = xrealloc(mm->warnings, (mm->n_warnings + 1) * sizeof(char *));
	mm->warnings[mm->n_warnings++] = buf_steal(&b);
}

static void
mwarn(struct mmember *mm, struct diag *d, const struct srcpos *pos,
    const char *hint, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void
mwarn_member(struct mmember *mm, struct diag *d, const struct srcpos *pos,
    const char *hint, const char *member_hint, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* A member warning: on stderr with its location, and kept for report.json. */
static void
mwarn(struct mmember *mm, struct diag *d, const struct srcpos *pos,
    const char *hint, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmwarn(mm, d, pos, hint, NULL, fmt, ap);
	va_end(ap);
}

/* A warning about the member's own data, which is also advice to it. */
static void
mwarn_member(struct mmember *mm, struct diag *d, const struct srcpos *pos,
    const char *hint, const char *member_hint, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmwarn(mm, d, pos, hint, member_hint, fmt, ap);
	va_end(ap);
}

/* Where in the YAML a named AS-SET was written, for warnings about it. */
static const struct srcpos *
as_set_pos(const struct mmember *mm, const char *name)
{
	const struct member *m = mm->m;

	for (size_t i = 0; i < m->n_as_sets; i++)
		if (strcmp(m->as_sets[i], name) == 0)
			return &m->as_set_pos[i];
	return &m->pos;
}

static void
expansion_warnings(struct mmember *mm, struct diag *d)
{
	const struct expand_notes *nt = &mm->exp.notes;
	const struct policy *p = &mm->m->policy;
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < nt->n_missing; i++)
		mwarn_member(mm, d, as_set_pos(mm, nt->missing[i]),
		    "register the AS-SET in the IRR or correct its name",
		    "register the AS-SET in the IRR, or tell the IXP its right name",
		    "AS-SET %s not found in the IRR data", nt->missing[i]);
	for (i = 0; i < nt->n_loops; i++)
		mwarn_member(mm, d, &mm->m->pos, NULL, "remove the loop from the AS-SET",
		    "AS-SET loop (expanded once): %s", nt->loops[i]);
	for (i = 0; i < nt->n_too_deep; i++)
		mwarn_member(mm, d, &mm->m->pos, "flatten the AS-SET or raise policy.irr.max_depth",
		    "flatten the AS-SET", "AS-SET %s not expanded: nesting deeper than %u levels",
		    nt->too_deep[i], p->irr_max_depth);
	if (nt->n_bogons > 0) {
		for (i = 0; i < nt->n_bogons && i < MAX_EXAMPLES; i++)
			buf_printf(&b, "%sAS%u", i ? ", " : "", nt->bogons[i]);
		if (nt->n_bogons > MAX_EXAMPLES)
			buf_printf(&b, " and %zu more", nt->n_bogons - MAX_EXAMPLES);
		mwarn_member(mm, d, &mm->m->pos, "remove private and reserved ASNs from the AS-SET",
		    "remove private and reserved ASNs from the AS-SET", "%zu bogon ASNs dropped from the AS-SET: %s", nt->n_bogons, buf_str(&b));
	}
	if (nt->n_bad_tokens > 0)
		mwarn_member(mm, d, &mm->m->pos, NULL, "correct or remove them in the AS-SET",
		    "%zu AS-SET members are neither an ASN "
		    "nor an AS-SET name and were ignored", nt->n_bad_tokens);
	if (nt->asns_truncated)
		mwarn_member(mm, d, &mm->m->pos, "check the AS-SET, or raise policy.irr.max_asns",
		    "check the AS-SET for networks that should not be in it", "AS-SET expands to more than %u ASNs; only the first %u are used",
		    p->irr_max_asns, p->irr_max_asns);
	for (int fam = 0; fam < 2; fam++) {
		if (nt->prefixes_truncated[fam])
			mwarn_member(mm, d, &mm->m->pos,
			    "check the AS-SET, or raise policy.irr.max_prefixes",
			    "check the AS-SET for networks that should not be in it", "more than %u %s prefixes registered; only the first %u are used",
			    p->irr_max_prefixes, fam_name(fam), p->irr_max_prefixes);
	}
	buf_free(&b);
}

/*
 * Facts about route objects and prefixes that do not depend on the member,
 * computed once: each distinct prefix's RPKI coverage and each route
 * object's RPKI state (one sweep over the sorted prefixes and VRPs).
 */
struct irrfacts {
	uint8_t		*covered;	/* per prefix id */
	uint8_t		*rov;		/* per route: enum rov_state */
	uint32_t	*stamp;		/* per prefix id: last member counted + 1 */
};

static void
on_cover(size_t pid, const struct vrp *const *cover, size_t n, void *ctx)
{
	const struct model *mo = ((void **)ctx)[0];
	struct irrfacts *f = ((void **)ctx)[1];
	const struct irrdb *db = mo->irr;

	f->covered[pid] = n > 0;
	for (uint32_t k = db->pfx_first[pid]; k < db->pfx_first[pid + 1]; k++) {
		const struct irr_route *r = &db->routes[db->by_pfx[k]];
		struct prefix p = { r->a, r->len, r->af };
		f->rov[db->by_pfx[k]] = (uint8_t)vrp_state(cover, n, &p, r->origin);
	}
}

static void
irrfacts_build(struct irrfacts *f, const struct model *mo)
{
	const struct irrdb *db = mo->irr;
	void *ctx[2] = { (void *)mo, f };

	f->stamp = xcalloc(db->n_pfx + 1, sizeof(*f->stamp));
	f->covered = xcalloc(db->n_pfx + 1, 1);
	f->rov = xcalloc(db->n_routes + 1, 1);
	if (mo->vrps != NULL)
		vrp_sweep(mo->vrps, db->pfx, db->n_pfx, on_cover, ctx);
}

static void
irrfacts_free(struct irrfacts *f)
{
	free(f->covered);
	free(f->rov);
	free(f->stamp);
}

/* A member's figures from its cone: distinct prefixes, RPKI coverage,
 * RPKI-invalid route objects; and which route objects the table holds. */
static void
member_figures(struct model *mo, struct mmember *mm, uint32_t stamp, struct irrfacts *f,
    struct diag *d)
{
	const struct irrdb *db = mo->irr;
	char tmp[ADDR_STRLEN];

	for (size_t i = 0; i < mm->exp.n_asns; i++) {
		size_t nr;
		const struct irr_route *r = irrdb_routes_of(db, mm->exp.asns[i], 0, &nr);
		for (size_t j = 0; j < nr; j++) {
			int fam = fam_of_af(r[j].af);
			size_t idx = (size_t)(&r[j] - db->routes);
			mo->in_table[idx] = 1;
			if (f->stamp[r[j].pid] != stamp) {
				f->stamp[r[j].pid] = stamp;
				mm->n_prefixes[fam]++;
				mm->rpki_covered[fam] += f->covered[r[j].pid];
			}
			if (mo->vrps == NULL || f->rov[idx] != ROV_INVALID)
				continue;
			/* Route objects the member (or a customer) registered that
			 * RPKI says are invalid: data to fix (MANRS Action 2). */
			mm->rpki_invalid++;
			if (mm->n_rpki_invalid_examples < MAX_EXAMPLES) {
				struct prefix p = { r[j].a, r[j].len, r[j].af };
				struct buf b = BUF_INIT;
				buf_printf(&b, "%s AS%u", prefix_format(&p, tmp), r[j].origin);
				mm->rpki_invalid_examples = xrealloc(mm->rpki_invalid_examples,
				    (mm->n_rpki_invalid_examples + 1) * sizeof(char *));
				mm->rpki_invalid_examples[mm->n_rpki_invalid_examples++] = buf_steal(&b);
			}
		}
	}
	for (int fam = 0; fam < 2; fam++) {
		/* Tables are shared, so no per-member cap saves anything; a
		 * cone this large is still worth a look. */
		if (mo->irr_table && mm->n_prefixes[fam] > mm->m->policy.irr_max_prefixes)
			mwarn(mm, d, &mm->m->pos, "check the AS-SET, or raise policy.irr.max_prefixes",
			    "%zu %s prefixes registered, more than policy.irr.max_prefixes (%u)",
			    mm->n_prefixes[fam], fam_name(fam), mm->m->policy.irr_max_prefixes);
		if (mm->has_family[fam] && mm->m->policy.irr_enforce_prefix && mm->n_prefixes[fam] == 0)
			mwarn(mm, d, &mm->m->pos, "create route objects, or the member's "
			    "routes cannot be accepted",
			    "no %s route objects found: every %s route will be rejected (code %d)",
			    fam == FAM4 ? "IPv4 (route:)" : "IPv6 (route6:)", fam_name(fam),
			    REJ_IRR_PREFIX);
	}
	if (mm->rpki_invalid > 0)
		mwarn(mm, d, &mm->m->pos, "fix the ROA or delete the stale route object",
		    "%zu registered route object%s RPKI invalid, e.g. %s", mm->rpki_invalid,
		    mm->rpki_invalid == 1 ? " is" : "s are", mm->rpki_invalid_examples[0]);
}

/* An AS-SET name without its source ("RIPE::AS-FOO" -> "AS-FOO"). */
static const char *
as_set_bare(const char *name)
{
	const char *p = strstr(name, "::");

	return p ? p + 2 : name;
}

/*
 * PeeringDB consistency, for the member's readiness: networks and IXPs read
 * its PeeringDB record, so it should agree with what the route servers use.
 * Advice only (no warning): a stale PeeringDB record weakens no filter.
 */
static void
pdb_consistency(struct mmember *mm, const struct pdb *pdb, const struct pdb_net *net)
{
	const struct member *m = mm->m;
	size_t n = 0, n_bad;
	char **names;
	bool same = false;

	if (pdb == NULL)
		return;
	if (net == NULL) {
		advise(mm, "PeeringDB has no record of AS%u: create one with your AS-SET "
		    "(irr_as_set) and prefix counts, which networks and IXPs read", m->asn);
		return;
	}
	if (net->never_via_rs || asn_sorted_contains(pdb->never_via_rs, pdb->n_never, m->asn))
		advise(mm, "PeeringDB says AS%u is never to be reached via route servers "
		    "(info_never_via_route_servers), yet it peers with them here: clear the flag "
		    "in PeeringDB, or ask the IXP to close the sessions", m->asn);
	names = pdb_as_sets(net->irr_as_set ? net->irr_as_set : "", &n, &n_bad);
	for (size_t i = 0; i < n && m->n_as_sets; i++)
		for (size_t k = 0; k < m->n_as_sets; k++)
			same |= str_ieq(as_set_bare(names[i]), as_set_bare(m->as_sets[k]));
	if (m->n_as_sets && (net->irr_as_set == NULL || net->irr_as_set[0] == '\0'))
		advise(mm, "PeeringDB has no irr_as_set: set it to %s, the AS-SET the route "
		    "servers filter with", m->as_sets[0]);
	else if (m->n_as_sets && !same) {
		/* Free text from PeeringDB: quoted, so no control byte reaches a page. */
		struct buf q = BUF_INIT;
		str_quote_diag(&q, net->irr_as_set, strlen(net->irr_as_set), 100);
		advise(mm, "PeeringDB's irr_as_set %s is not the AS-SET the route servers "
		    "filter with (%s): correct PeeringDB, or ask the IXP to change it",
		    buf_str(&q), m->as_sets[0]);
		buf_free(&q);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	for (int fam = 0; fam < 2; fam++) {
		if (!mm->has_family[fam])
			continue;
		if (net->prefixes[fam] == 0)
			advise(mm, "PeeringDB has no info_prefixes%d: set it to the number of %s "
			    "prefixes you announce (IXPs take max-prefix limits from it)",
			    fam == FAM4 ? 4 : 6, fam_name(fam));
		else if (mm->mp_source[fam] != MPS_PEERINGDB && net->prefixes[fam] >
		    mm->max_prefix[fam])
			advise(mm, "PeeringDB's info_prefixes%d (%u) is above the route servers' "
			    "limit for you (%u %s prefixes): announcing that many shuts the session; "
			    "ask the IXP to raise the limit, or correct PeeringDB",
			    fam == FAM4 ? 4 : 6, net->prefixes[fam], mm->max_prefix[fam],
			    fam_name(fam));
	}
}

static void
add_next_hop(struct mmember *mm, int fam, const struct ipaddr *ip)
{
	for (size_t i = 0; i < mm->n_next_hops[fam]; i++)
		if (ip_eq(&mm->next_hops[fam][i], ip))
			return;
	mm->next_hops[fam] = xrealloc(mm->next_hops[fam],
	    (mm->n_next_hops[fam] + 1) * sizeof(struct ipaddr));
	mm->next_hops[fam][mm->n_next_hops[fam]++] = *ip;
}

static void
build_member(struct model *mo, struct mmember *mm, const struct member *m,
    const struct pdb *pdb, struct diag *d)
{
	const struct config *c = mo->c;
	const struct policy *p = &m->policy;
	struct expand_opts o = { p->irr_max_depth, p->irr_max_asns, p->irr_max_prefixes,
	    c->bogon_asns, c->n_bogon_asns, !mo->irr_table };
	const struct pdb_net *net = pdb ? pdb_find(pdb, m->asn) : NULL;
	size_t n_bad;
	bool from_pdb;

	mm->m = m;
	for (size_t j = 0; j < m->n_conns; j++)
		for (int fam = 0; fam < 2; fam++)
			if (m->conns[j].addr[fam].af) {
				mm->has_family[fam] = true;
				/* RFC 8950: IPv4 routes come over the IPv6 session. */
				if (fam == FAM6 && p->session.extended_next_hop)
					mm->has_family[FAM4] = true;
				if (p->next_hop == NH_SAME_AS)
					add_next_hop(mm, fam, &m->conns[j].addr[fam]);
			}
	for (size_t j = 0; j < m->n_next_hops; j++)
		add_next_hop(mm, fam_of_af(m->next_hops[j].af), &m->next_hops[j]);

	for (int fam = 0; fam < 2; fam++) {
		mm->blacklist[fam].v = xcalloc(m->blacklist.n + 1, sizeof(struct pfxrange));
		for (size_t i = 0; i < m->blacklist.n; i++)
			if (m->blacklist.v[i].p.af == af_of_fam(fam))
				mm->blacklist[fam].v[mm->blacklist[fam].n++] = m->blacklist.v[i];
	}
	for (int fam = 0; fam < 2; fam++) {
		const struct whitelist *wl = &m->whitelist;
		mm->wl_prefixes[fam].v = xcalloc(wl->prefixes.n + 1, sizeof(struct pfxrange));
		for (size_t i = 0; i < wl->prefixes.n; i++)
			if (wl->prefixes.v[i].p.af == af_of_fam(fam))
				mm->wl_prefixes[fam].v[mm->wl_prefixes[fam].n++] = wl->prefixes.v[i];
		mm->wl_routes[fam] = xcalloc(wl->n_routes + 1, sizeof(struct wl_route));
		for (size_t i = 0; i < wl->n_routes; i++)
			if (wl->routes[i].r.p.af == af_of_fam(fam))
				mm->wl_routes[fam][mm->n_wl_routes[fam]++] = wl->routes[i];
		mm->wl_origin[fam] = wl->asns.n > 0 || mm->n_wl_routes[fam] > 0;
		mm->wl_prefix[fam] = mm->wl_prefixes[fam].n > 0 || mm->n_wl_routes[fam] > 0;
	}
	mm->as_sets = pdb_member_as_sets(m, pdb, &mm->n_as_sets, &n_bad, &from_pdb);
	mm->as_set_source = m->n_as_sets ? ASS_YAML : from_pdb ? ASS_PEERINGDB : ASS_ASN;
	if (n_bad > 0) {
		struct buf q = BUF_INIT;
		const char *t = net && net->irr_as_set ? net->irr_as_set : "";
		str_quote_diag(&q, t, strlen(t), 100);
		mwarn_member(mm, d, &m->pos, "correct irr_as_set in PeeringDB, or set as_set in "
		    "the YAML", "correct irr_as_set in PeeringDB",
		    "%zu unusable name(s) in PeeringDB's irr_as_set %s ignored", n_bad, buf_str(&q));
		buf_free(&q);
	}
	if (mo->irr != NULL) {
		expand_names(mo->irr, (const char *const *)mm->as_sets, mm->n_as_sets, m->asn,
		    &o, &mm->exp);
	} else {
		mm->exp.asns = xmalloc(sizeof(uint32_t));
		mm->exp.asns[0] = m->asn;
		mm->exp.n_asns = 1;
	}
	for (int fam = 0; fam < 2; fam++) {
		unsigned upto = p->irr_allow_more_specifics ? p->len_max[fam] : 0;
		if (!mo->irr_table) {
			pfxset_build(mm->exp.prefixes[fam], mm->exp.n_prefixes[fam], upto,
			    &mm->irr[fam]);
			if (p->blackhole_enabled)
				pfxset_build(mm->exp.prefixes[fam], mm->exp.n_prefixes[fam],
				    fam == FAM4 ? 32 : 128, &mm->bh[fam]);
		}
		if (m->max_prefix[fam]) {
			mm->max_prefix[fam] = m->max_prefix[fam];
			mm->mp_source[fam] = MPS_YAML;
		} else if (p->mp_from_peeringdb && net != NULL && net->prefixes[fam] > 0) {
			mm->max_prefix[fam] = pdb_limit(net->prefixes[fam], p->mp_headroom_abs,
			    p->mp_headroom_pct);
			mm->mp_source[fam] = MPS_PEERINGDB;
		} else {
			mm->max_prefix[fam] = p->mp_default[fam];
			mm->mp_source[fam] = MPS_DEFAULT;
		}
	}
	expansion_warnings(mm, d);
	pdb_consistency(mm, pdb, net);
}

static void
build_sessions(struct model *mo)
{
	size_t cap = 0;

	for (size_t i = 0; i < mo->n_members; i++) {
		const struct mmember *mm = &mo->members[i];
		unsigned seq = 0;
		/* Numbered per member in YAML order: connection 1 IPv4, connection
		 * 1 IPv6, connection 2 IPv4, ... (arouteserver's AS<asn>_<n>). */
		for (size_t j = 0; j < mm->m->n_conns; j++)
			for (int fam = 0; fam < 2; fam++) {
				const struct connection *cn = &mm->m->conns[j];
				struct msession *s;
				if (cn->addr[fam].af == 0)
					continue;
				mo->sessions = xgrow(mo->sessions, &cap, mo->n_sessions + 1,
				    sizeof(*mo->sessions));
				s = &mo->sessions[mo->n_sessions++];
				memset(s, 0, sizeof(*s));
				s->mm = mm;
				s->conn = cn;
				s->fam = fam;
				s->nh = cn->addr[fam];
				s->peer = cn->session[fam].af ? cn->session[fam] : cn->addr[fam];
				snprintf(s->name, sizeof(s->name), "AS%u_%u", mm->m->asn, ++seq);
				snprintf(s->fname, sizeof(s->fname), "%s", s->name);
				if (mm->m->policy.session.multihop)
					mo->lan_table[fam] = true;
				if (fam != FAM6 || !mm->m->policy.session.extended_next_hop)
					continue;
				/* RFC 8950: its IPv4 channel, with the IPv4 checks and the
				 * IPv6 next hop. */
				mo->sessions = xgrow(mo->sessions, &cap, mo->n_sessions + 1,
				    sizeof(*mo->sessions));
				s = &mo->sessions[mo->n_sessions];
				*s = mo->sessions[mo->n_sessions - 1];
				mo->n_sessions++;
				s->fam = FAM4;
				s->over6 = true;
				snprintf(s->fname, sizeof(s->fname), "%s_4", s->name);
				mo->enh = true;
			}
	}
	for (size_t i = 0; i < mo->c->n_collectors; i++)
		for (int fam = 0; fam < 2; fam++) {
			const struct collector *co = &mo->c->collectors[i];
			struct mcollector *mc;
			if (co->addr[fam].af == 0)
				continue;
			mo->collectors = xrealloc(mo->collectors,
			    (mo->n_collectors + 1) * sizeof(*mo->collectors));
			mc = &mo->collectors[mo->n_collectors++];
			mc->co = co;
			mc->fam = fam;
			snprintf(mc->name, sizeof(mc->name), "COLLECTOR_%s_%d", co->name,
			    fam == FAM4 ? 4 : 6);
			mo->collector_fam[fam] = true;
		}
}

/* Flag members whose IRR data fell below half of the previous run's. */
static void
flag_shrink(struct model *mo, const struct previous *prev, struct diag *d)
{
	for (size_t i = 0; i < mo->n_members; i++) {
		struct mmember *mm = &mo->members[i];
		const struct prev_member *pm = previous_find(prev, mm->m->asn);
		for (int fam = 0; pm != NULL && fam < 2; fam++) {
			uint64_t was = pm->prefixes[fam], is = mm->n_prefixes[fam];
			mm->prev_prefixes[fam] = was;
			if (was < SHRINK_MIN || is * 2 >= was)
				continue;
			mm->shrunk[fam] = true;
			mo->n_shrunk++;
			mwarn(mm, d, &mm->m->pos, "check the member's AS-SET and the IRR source "
			    "before deploying", "%s prefixes from the IRR fell from %llu to %llu "
			    "since the previous run", fam_name(fam), (unsigned long long)was,
			    (unsigned long long)is);
		}
	}
}

/*
 * Route objects covered by a route object of the same origin that is in
 * the tables too: those add nothing to an or-longer table. One pass in
 * db->routes order (origin, address, length), where a route object's
 * covering ones of the same origin are on the stack.
 */
static uint8_t *
same_origin_covered(const struct model *mo)
{
	const struct irrdb *db = mo->irr;
	uint8_t *cov = xcalloc(db->n_routes + 1, 1);
	struct prefix stack[129];
	size_t depth = 0;

	for (size_t i = 0; i < db->n_routes; i++) {
		const struct irr_route *r = &db->routes[i];
		struct prefix p = { r->a, r->len, r->af };
		if (!mo->in_table[i])
			continue;
		if (i > 0 && (r->origin != db->routes[i - 1].origin || r->af != db->routes[i - 1].af))
			depth = 0;
		while (depth > 0 && !prefix_contains(&stack[depth - 1], &p))
			depth--;
		if (depth > 0)
			cov[i] = 1;
		else
			stack[depth++] = p;
	}
	return cov;
}

bool
model_publishes(const struct model *mo, enum rtr_set s)
{
	return s == RTR_VRPS ? mo->vrps_rtr : mo->irr_rtr && mo->irr_tables[s];
}

bool
model_irr_entry(const struct model *mo, uint32_t i, int ol, unsigned *maxlen)
{
	const struct irr_route *r = &mo->irr->routes[i];

	if (!mo->in_table[i] || (ol && mo->ol_redundant != NULL && mo->ol_redundant[i]) ||
	    r->origin == IRR_SENTINEL_ASN)
		return false;
	*maxlen = ol ? af_maxlen(r->af) : r->len;
	return true;
}

/* The shared IRR tables the members' checks use: exact, or-longer. */
static void
decide_irr_tables(struct model *mo)
{
	for (size_t i = 0; mo->irr_table && i < mo->n_members; i++) {
		const struct policy *p = &mo->members[i].m->policy;
		if (p->irr_enforce_prefix || p->irr_tag)
			mo->irr_tables[0] = true;
		if (((p->irr_enforce_prefix || p->irr_tag) && p->irr_allow_more_specifics) ||
		    p->blackhole_enabled)
			mo->irr_tables[1] = true;
	}
	if (mo->irr_tables[1] && mo->irr != NULL)
		mo->ol_redundant = same_origin_covered(mo);
}

/*
 * The ASPA table exists when some session checks ASPA (a member's own
 * policy may ask for it when the IXP's does not). Its records come from
 * the VRP file when there is one, else from the RTR caches marked as
 * serving ASPA (config_check refuses ASPA with neither).
 */
static void
decide_aspa(struct model *mo, struct diag *d)
{
	struct check checks[CHK_NUM];
	bool asked = false;

	for (size_t i = 0; i < mo->n_sessions && !asked; i++) {
		size_t n = model_checks(mo, &mo->sessions[i], checks);
		for (size_t k = 0; k < n; k++)
			asked = asked || checks[k].kind == CHK_ASPA;
	}
	if (!asked)
		return;
	mo->aspa = mo->vrps != NULL ? ASPA_FROM_VRPS : ASPA_FROM_RTR;
	if (mo->aspa == ASPA_FROM_VRPS && mo->vrps->n_aspa == 0)
		diag_warn(d, NULL, "rpki-client writes ASPA records into its JSON export unless "
		    "run with -A", "policy.aspa.reject_invalid: the VRP file has no ASPA records, "
		    "so every path is ASPA unknown");
}

/* An RTR cache as BIRD names it: an address, or a host name. */
static void
endpoint(struct rtr_endpoint *r, const char *host, uint16_t port)
{
	r->host = host;
	r->port = port;
	if (ip_parse(host, strlen(host), &r->ip) != ADDR_OK)
		r->ip.af = 0;
}

/* The RPKI caches, and those of the IRR data sets (irr_filter: rtr). */
static void
resolve_rtr(struct model *mo)
{
	const struct config *c = mo->c;

	mo->rtr = xcalloc(c->src.n_rtr + 1, sizeof(*mo->rtr));
	for (size_t i = 0; i < c->src.n_rtr; i++) {
		struct rtr_endpoint *r = &mo->rtr[mo->n_rtr++];
		endpoint(r, c->src.rtr[i].host, c->src.rtr[i].port);
		r->aspa = c->src.rtr[i].aspa;
	}
	if (mo->vrps_rtr)
		endpoint(&mo->rtr[mo->n_rtr++], c->vrps_rtr.host ? c->vrps_rtr.host : "127.0.0.1",
		    c->vrps_rtr.port);
	for (int ol = 0; mo->irr_rtr && ol < 2; ol++)
		endpoint(&mo->irr_caches[ol], c->irr_rtr_cache.host ? c->irr_rtr_cache.host :
		    "127.0.0.1", ol ? c->irr_rtr_cache.or_longer_port : c->irr_rtr_cache.exact_port);
}

void
model_build(struct model *mo, const struct config *c, const struct model_inputs *in,
    struct diag *d)
{
	const struct pdb *pdb = in->pdb;

	memset(mo, 0, sizeof(*mo));
	mo->c = c;
	mo->irr = in->irr;
	mo->vrps = in->vrps;
	mo->srcinfo = in->info;
	mo->n_srcinfo = in->n_info;
	mo->irr_table = c->irr_table;
	mo->irr_rtr = c->irr_rtr;
	mo->warn_tags = mo->irr_rtr;	/* check 12 warns until the caches answer */
	mo->path_hiding = c->path_hiding;
	for (size_t i = 0; i < c->n_members; i++) {
		const struct policy *p = &c->members[i].policy;
		if (p->transit_free_action == ACT_WARN || p->bogon_asn_action == ACT_WARN)
			mo->warn_tags = true;
		if (p->irr_tag)
			mo->irr_tags = true;
	}
	/* ixp.bird.vrps_rtr: the VRPs compile read, served to BIRD by a cache. */
	mo->vrps_rtr = c->vrps_rtr.port != 0 && in->vrps != NULL;
	mo->rpki = c->src.n_rtr > 0 || mo->vrps_rtr ? RPKI_RTR : in->vrps != NULL ? RPKI_STATIC :
	    RPKI_NONE;
	resolve_rtr(mo);
	mo->euroix_reject = c->reject_communities == REJECT_COMMS_EUROIX;
	mo->tag_rejected = c->reject_policy == REJECT_POLICY_TAG;
	mo->maintenance = c->maintenance || in->maintenance;
	/* Seen in t_e2e_sessions with BIRD 3.1.8 and 3.3.2 (2.0.12, 2.17.6:
	 * fine): after a reconfigure that changes a session's export filter,
	 * a channel with `secondary` (path hiding) exports one route of a few
	 * until the session restarts. Maintenance changes every export filter. */
	if (c->bird_major >= 3 && c->path_hiding)
		diag_warn(d, NULL, mo->maintenance ? "set ixp.bird.path_hiding: false, or restart "
		    "the sessions after the reconfigure" : "set ixp.bird.path_hiding: false with BIRD "
		    "3, or restart the sessions whose export filter changed",
		    "BIRD 3 with path hiding: a reconfigure that changes export filters%s leaves "
		    "most routes unexported until the sessions restart (BIRD 3.1.8 and 3.3.2)",
		    mo->maintenance ? " (maintenance changes all of them)" : "");
	mo->lg_socket = c->lg_socket == NULL ? LG_SOCKET_NONE :
	    c->bird.restricted_cli ? LG_SOCKET_RESTRICTED : LG_SOCKET_TOO_OLD;

	/* Code 3: the peering LANs (and anything inside them), the default
	 * route, and the IXP-wide blacklist. */
	for (int fam = 0; fam < 2; fam++) {
		struct rangelist *g = &mo->global_blacklist[fam];
		size_t n = c->peering_lans.n + c->blacklist.n;
		g->v = xcalloc(n + 1, sizeof(*g->v));
		for (size_t i = 0; i < c->peering_lans.n; i++)
			if (c->peering_lans.v[i].af == af_of_fam(fam))
				g->v[g->n++] = pfxrange_orlonger(&c->peering_lans.v[i]);
		for (size_t i = 0; i < c->blacklist.n; i++)
			if (c->blacklist.v[i].p.af == af_of_fam(fam))
				g->v[g->n++] = c->blacklist.v[i];
	}

	/* Never-via-RS: the YAML's list and PeeringDB's flags. */
	mo->never_via_rs.v = xcalloc(c->never_via_rs.n + (pdb ? pdb->n_never : 0) + 1,
	    sizeof(uint32_t));
	for (size_t i = 0; i < c->never_via_rs.n; i++)
		mo->never_via_rs.v[mo->never_via_rs.n++] = c->never_via_rs.v[i];
	for (size_t i = 0; pdb != NULL && i < pdb->n_never; i++)
		mo->never_via_rs.v[mo->never_via_rs.n++] = pdb->never_via_rs[i];
	mo->never_via_rs.n = asn_sort_unique(mo->never_via_rs.v, mo->never_via_rs.n);

	mo->n_members = c->n_members;
	mo->members = xcalloc(c->n_members ? c->n_members : 1, sizeof(*mo->members));
	for (size_t i = 0; i < c->n_members; i++)
		build_member(mo, &mo->members[i], &c->members[i], pdb, d);
	if (mo->irr != NULL) {
		struct irrfacts f;
		mo->in_table = xcalloc(mo->irr->n_routes + 1, 1);
		irrfacts_build(&f, mo);
		for (size_t i = 0; i < mo->n_members; i++)
			member_figures(mo, &mo->members[i], (uint32_t)i + 1, &f, d);
		irrfacts_free(&f);
	}
	build_sessions(mo);
	decide_irr_tables(mo);
	decide_aspa(mo, d);
	if (in->prev != NULL)
		flag_shrink(mo, in->prev, d);
}

bool
model_irr_table_match(const struct model *mo, const struct mmember *mm,
    const struct prefix *pf, uint32_t origin, unsigned upto)
{
	const struct irr_route *r;
	size_t n;

	if (mo->irr == NULL || !asn_sorted_contains(mm->exp.asns, mm->exp.n_asns, origin))
		return false;
	r = irrdb_routes_of(mo->irr, origin, pf->af, &n);
	for (size_t i = 0; i < n; i++) {
		struct prefix q = { r[i].a, r[i].len, r[i].af };
		if (prefix_contains(&q, pf) && pf->len <= (upto > q.len ? upto : q.len))
			return true;
	}
	return false;
}

size_t
model_transit_free(const struct model *mo, const struct mmember *mm,
    uint32_t *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < mo->c->transit_free.n && n < max; i++)
		if (mo->c->transit_free.v[i] != mm->m->asn)
			out[n++] = mo->c->transit_free.v[i];
	return n;
}

size_t
model_checks(const struct model *mo, const struct msession *s, struct check out[CHK_NUM])
{
	const struct mmember *mm = s->mm;

	return model_checks_for(mo, &mm->m->policy, s->fam, mm->m->asn,
	    mm->blacklist[s->fam].n > 0, out);
}

size_t
model_checks_for(const struct model *mo, const struct policy *p, int fam, uint32_t asn,
    bool member_blacklist, struct check out[CHK_NUM])
{
	const struct config *c = mo->c;
	size_t n = 0, i;

#define ADD(K, C) do { out[n].kind = (K); out[n].code = (C); out[n].blackholes_only = false; \
	out[n].warn_only = false; n++; } while (0)
	ADD(CHK_PATH_LEN, REJ_PATH_TOO_LONG);
	if (c->bogon_prefixes[fam].n > 0)
		ADD(CHK_BOGON_PREFIX, REJ_BOGON_PREFIX);
	ADD(CHK_BLACKLIST, REJ_BLACKLIST);
	ADD(CHK_AFI, REJ_AFI);
	ADD(CHK_NEXT_HOP, REJ_NEXT_HOP);
	ADD(CHK_FIRST_AS, REJ_FIRST_AS);
	if (c->n_bogon_asns > 0) {
		ADD(CHK_BOGON_ASN, REJ_BOGON_ASN);
		out[n - 1].warn_only = p->bogon_asn_action == ACT_WARN;
	}
	for (i = 0; i < c->transit_free.n; i++)
		if (c->transit_free.v[i] != asn) {
			ADD(CHK_TRANSIT_FREE, REJ_TRANSIT_FREE);
			out[n - 1].warn_only = p->transit_free_action == ACT_WARN;
			break;
		}
	if (p->irr_enforce_origin)
		ADD(CHK_IRR_ORIGIN, REJ_IRR_ORIGIN);
	if (fam == FAM6)
		ADD(CHK_V6_GLOBAL, REJ_V6_NOT_GLOBAL);
	if (member_blacklist)
		ADD(CHK_MEMBER_BLACKLIST, REJ_MEMBER_BLACKLIST);
	/* A blackhole is a route down to /32 that skips RPKI (its length makes
	 * it invalid by design): only a covering route object of its origin
	 * entitles the member to it, whether or not normal routes need one. */
	if (p->irr_enforce_prefix || p->blackhole_enabled) {
		ADD(CHK_IRR_PREFIX, REJ_IRR_PREFIX);
		out[n - 1].blackholes_only = !p->irr_enforce_prefix;
	}
	ADD(CHK_PREFIX_LEN, REJ_PREFIX_LEN);
	if (mo->rpki != RPKI_NONE)
		ADD(CHK_RPKI, REJ_RPKI_INVALID);
	if (mo->never_via_rs.n > 0)
		ADD(CHK_NEVER_VIA_RS, REJ_NEVER_VIA_RS);
	if (p->aspa_reject_invalid && c->bird.aspa)
		ADD(CHK_ASPA, REJ_ASPA_INVALID);
#undef ADD
	return n;
}

const struct mmember *
model_member(const struct model *mo, uint32_t asn)
{
	size_t lo = 0, hi = mo->n_members;

	/* In the order of the YAML's members, which the loader sorts by ASN. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint32_t a = mo->members[mid].m->asn;
		if (a == asn)
			return &mo->members[mid];
		if (a < asn)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void
model_free(struct model *mo)
{
	for (size_t i = 0; i < mo->n_members; i++) {
		struct mmember *mm = &mo->members[i];
		expansion_free(&mm->exp);
		for (int fam = 0; fam < 2; fam++) {
			pfxset_free(&mm->irr[fam]);
			pfxset_free(&mm->bh[fam]);
			free(mm->next_hops[fam]);
			free(mm->blacklist[fam].v);
			free(mm->wl_prefixes[fam].v);
			free(mm->wl_routes[fam]);
		}
		for (size_t j = 0; j < mm->n_rpki_invalid_examples; j++)
			free(mm->rpki_invalid_examples[j]);
		free(mm->rpki_invalid_examples);
		for (size_t j = 0; j < mm->n_warnings; j++)
			free(mm->warnings[j]);
		free(mm->warnings);
		for (size_t j = 0; j < mm->n_advice; j++)
			free(mm->advice[j]);
		free(mm->advice);
		for (size_t j = 0; j < mm->n_as_sets; j++)
			free(mm->as_sets[j]);
		free(mm->as_sets);
	}
	free(mo->never_via_rs.v);
	free(mo->in_table);
	free(mo->ol_redundant);
	free(mo->rtr);
	free(mo->members);
	free(mo->sessions);
	free(mo->collectors);
	free(mo->global_blacklist[0].v);
	free(mo->global_blacklist[1].v);
	memset(mo, 0, sizeof(*mo));
}

size_t
model_control_communities(const struct model *mo, struct control_comm out[MAX_CONTROL_COMMS])
{
	const struct policy *p = &mo->c->policy;
	const uint32_t rs = mo->c->rs_asn;
	size_t n = 0;

#define CC(TYPE, ...) do { out[n].type = (TYPE); \
	snprintf(out[n].value, sizeof(out[n].value), __VA_ARGS__); } while (0)
#define MEANS(...) do { snprintf(out[n].meaning, sizeof(out[n].meaning), __VA_ARGS__); n++; } \
	while (0)
	if (p->announcement_control) {
		CC("large", "%u:0:{peer}", rs);
		MEANS("do not announce to peer");
		CC("large", "%u:1:{peer}", rs);
		MEANS("announce to peer (with %u:0:0)", rs);
		CC("large", "%u:0:0", rs);
		MEANS("announce to nobody except explicit peers");
		for (int i = 1; i <= 3; i++) {
			CC("large", "%u:%d:{peer}", rs, LC_PREPEND1 + i - 1);
			MEANS("prepend the announcing ASN %dx towards peer", i);
			CC("large", "%u:%d:0", rs, LC_PREPEND1 + i - 1);
			MEANS("prepend the announcing ASN %dx towards everyone", i);
		}
		CC("large", "%u:%d:{peer}", rs, LC_ADD_NO_EXPORT);
		MEANS("add NO_EXPORT towards peer");
		CC("large", "%u:%d:0", rs, LC_ADD_NO_EXPORT);
		MEANS("add NO_EXPORT towards everyone");
		CC("large", "%u:%d:{peer}", rs, LC_ADD_NO_ADVERTISE);
		MEANS("add NO_ADVERTISE towards peer");
		CC("large", "%u:%d:0", rs, LC_ADD_NO_ADVERTISE);
		MEANS("add NO_ADVERTISE towards everyone");
		if (rs <= 65535) {
			CC("standard", "0:{peer}");
			MEANS("do not announce to peer");
			CC("standard", "%u:{peer}", rs);
			MEANS("announce to peer (with 0:%u)", rs);
			CC("standard", "0:%u", rs);
			MEANS("announce to nobody except explicit peers");
			CC("extended", "rt:0:{peer}");
			MEANS("do not announce to peer (a 32-bit peer too)");
			CC("extended", "rt:%u:{peer}", rs);
			MEANS("announce to peer (with rt:0:%u)", rs);
			CC("extended", "rt:0:%u", rs);
			MEANS("announce to nobody except explicit peers");
			for (int i = 1; i <= 3; i++) {
				CC("standard", "%d:{peer}", 65500 + i);
				MEANS("prepend the announcing ASN %dx towards peer", i);
				CC("standard", "%d:0", 65500 + i);
				MEANS("prepend the announcing ASN %dx towards everyone", i);
			}
		}
	}
	if (p->blackhole_enabled) {
		CC("standard", "65535:666");
		MEANS("BLACKHOLE (RFC 7999): accepted down to /32 and /128 from the prefix owner, "
		    "NO_EXPORT added");
	}
	if (p->graceful_shutdown) {
		CC("standard", "65535:0");
		MEANS("GRACEFUL_SHUTDOWN (RFC 8326): lowest preference");
	}
#undef CC
#undef MEANS
	return n;
}

size_t
model_rs_tags(const struct model *mo, struct control_comm out[MAX_RS_TAGS])
{
	static const char *const irr[] = { "prefix registered in the IRR (a route object)",
	    "prefix not registered in the IRR", "origin in the member's AS-SET",
	    "origin not in the member's AS-SET" };
	const uint32_t rs = mo->c->rs_asn;
	size_t n = 0;

	for (int i = 0; mo->irr_tags && i < 4; i++) {
		out[n].type = "large";
		snprintf(out[n].value, sizeof(out[n].value), "%u:%d:%d", rs,
		    i < 2 ? LC_IRR_PREFIX : LC_IRR_ORIGIN, 1 + i % 2);
		snprintf(out[n].meaning, sizeof(out[n].meaning), "%s", irr[i]);
		n++;
	}
	if (mo->warn_tags) {
		out[n].type = "large";
		snprintf(out[n].value, sizeof(out[n].value), "%u:%d:{code}", rs, LC_WARN);
		snprintf(out[n].meaning, sizeof(out[n].meaning), "accepted by policy despite the "
		    "reason code");
		n++;
	}
	return n;
}

static const char *
mp_action_name(enum mp_action a)
{
	return a == MPA_WARN ? "warn" : a == MPA_BLOCK ? "block" : a == MPA_RESTART ? "restart" :
	    "disable";
}

size_t
model_policy_overrides(const struct policy *ixp, const struct policy *m,
    struct policy_override out[MAX_OVERRIDES])
{
	size_t n = 0;

#define OV(KEY, ...) do { if (n < MAX_OVERRIDES) { out[n].key = (KEY); \
	snprintf(out[n].value, sizeof(out[n].value), __VA_ARGS__); n++; } } while (0)
	for (int f = 0; f < 2; f++)
		if (ixp->len_min[f] != m->len_min[f] || ixp->len_max[f] != m->len_max[f])
			OV(f ? "prefix_length.ipv6" : "prefix_length.ipv4", "/%u to /%u",
			    m->len_min[f], m->len_max[f]);
	if (ixp->max_path_len != m->max_path_len)
		OV("max_as_path_length", "%u", m->max_path_len);
	if (ixp->next_hop != m->next_hop)
		OV("next_hop", "%s", m->next_hop == NH_STRICT ? "strict" : "same_as");
	if (ixp->irr_enforce_origin != m->irr_enforce_origin)
		OV("irr.enforce_origin", "%s", m->irr_enforce_origin ? "true" : "false");
	if (ixp->irr_enforce_prefix != m->irr_enforce_prefix)
		OV("irr.enforce_prefix", "%s", m->irr_enforce_prefix ? "true" : "false");
	if (ixp->irr_allow_more_specifics != m->irr_allow_more_specifics)
		OV("irr.allow_more_specifics", "%s", m->irr_allow_more_specifics ? "true" : "false");
	if (ixp->irr_tag != m->irr_tag)
		OV("irr.tag", "%s", m->irr_tag ? "true" : "false");
	if (ixp->irr_rpki_as_route_object != m->irr_rpki_as_route_object)
		OV("irr.rpki_as_route_object", "%s", m->irr_rpki_as_route_object ? "true" : "false");
	if (ixp->rpki_reject_invalid != m->rpki_reject_invalid)
		OV("rpki.reject_invalid", "%s", m->rpki_reject_invalid ? "true" : "false");
	if (ixp->aspa_reject_invalid != m->aspa_reject_invalid)
		OV("aspa.reject_invalid", "%s", m->aspa_reject_invalid ? "true" : "false");
	if (ixp->mp_action != m->mp_action)
		OV("max_prefix.action", "%s", mp_action_name(m->mp_action));
	if (ixp->mp_from_peeringdb != m->mp_from_peeringdb)
		OV("max_prefix.from_peeringdb", "%s", m->mp_from_peeringdb ? "true" : "false");
	if (ixp->mp_headroom_abs != m->mp_headroom_abs || ixp->mp_headroom_pct != m->mp_headroom_pct)
		OV("max_prefix.headroom", "+%u, +%u%%", m->mp_headroom_abs, m->mp_headroom_pct);
	if (ixp->mp_count_rejected != m->mp_count_rejected)
		OV("max_prefix.count_rejected", "%s", m->mp_count_rejected ? "true" : "false");
	if (ixp->blackhole_enabled != m->blackhole_enabled)
		OV("blackhole.enabled", "%s", m->blackhole_enabled ? "true" : "false");
	if (ixp->blackhole_receive != m->blackhole_receive)
		OV("blackhole.receive", "%s", m->blackhole_receive ? "true" : "false");
	if (ixp->graceful_shutdown != m->graceful_shutdown)
		OV("graceful_shutdown", "%s", m->graceful_shutdown ? "true" : "false");
	if (ixp->announcement_control != m->announcement_control)
		OV("announcement_control", "%s", m->announcement_control ? "true" : "false");
	if (ixp->transit_free_action != m->transit_free_action)
		OV("transit_free_action", "%s", m->transit_free_action == ACT_WARN ? "warn" : "reject");
	if (ixp->bogon_asn_action != m->bogon_asn_action)
		OV("bogon_asn_action", "%s", m->bogon_asn_action == ACT_WARN ? "warn" : "reject");
	if (ixp->session.passive != m->session.passive)
		OV("session.passive", "%s", m->session.passive ? "true" : "false");
	if (ixp->session.multihop != m->session.multihop)
		OV("session.multihop", "%u", m->session.multihop);
	if (ixp->session.gtsm != m->session.gtsm)
		OV("session.gtsm", "%s", m->session.gtsm ? "true" : "false");
	if (ixp->session.add_path != m->session.add_path)
		OV("session.add_path", "%s", m->session.add_path ? "true" : "false");
	if (ixp->session.extended_next_hop != m->session.extended_next_hop)
		OV("session.extended_next_hop", "%s", m->session.extended_next_hop ? "true" :
		    "false");
	if (ixp->session.prepend_rs_as != m->session.prepend_rs_as)
		OV("session.prepend_rs_as", "%s", m->session.prepend_rs_as ? "true" : "false");
	if (ixp->session.roles != m->session.roles)
		OV("session.roles.enabled", "%s", m->session.roles ? "true" : "false");
	if (ixp->session.roles_strict != m->session.roles_strict)
		OV("session.roles.strict", "%s", m->session.roles_strict ? "true" : "false");
#undef OV
	return n;
}

const struct msession *
model_session_of(const struct model *mo, const char *name, int fam)
{
	for (size_t i = 0; i < mo->n_sessions; i++)
		if (mo->sessions[i].fam == fam && !strcmp(mo->sessions[i].name, name))
			return &mo->sessions[i];
	return NULL;
}

const struct mcollector *
model_collector(const struct model *mo, const char *name)
{
	for (size_t i = 0; i < mo->n_collectors; i++)
		if (!strcmp(mo->collectors[i].name, name))
			return &mo->collectors[i];
	return NULL;
}

uint32_t
model_session_asn(const char *name)
{
	unsigned long asn, n;
	char tail;

	if (sscanf(name, "AS%lu_%lu%c", &asn, &n, &tail) != 2 || asn == 0 || asn > UINT32_MAX)
		return 0;
	return (uint32_t)asn;
}
