#include "explain.h"

#include <stdarg.h>
#include <string.h>

#include "buf.h"
#include "reasons.h"

struct verdict {
	bool	 fail;
	char	 why[200];
};

static bool
has_comm(const struct route_query *q, uint32_t a, uint32_t b)
{
	for (size_t i = 0; i < q->n_comms; i++)
		if (!q->comm_large[i] && q->comms[i][0] == a && q->comms[i][1] == b)
			return true;
	return false;
}

static bool
in_list_orlonger(const struct pfxlist *l, const struct prefix *p, struct prefix *hit)
{
	for (size_t i = 0; i < l->n; i++)
		if (prefix_contains(&l->v[i], p)) {
			*hit = l->v[i];
			return true;
		}
	return false;
}

/* The first blacklist entry that matches p, or NULL. */
static const struct pfxrange *
in_ranges(const struct rangelist *l, const struct prefix *p)
{
	for (size_t i = 0; i < l->n; i++)
		if (pfxrange_match(&l->v[i], p))
			return &l->v[i];
	return NULL;
}

/*
 * members[].whitelist as the filters apply it: for check 9 (`origin`) a
 * whitelisted ASN or route, for check 12 a whitelisted prefix or route.
 * Writes the entry that matched into `what`.
 */
static bool
whitelisted(const struct mmember *mm, int fam, const struct prefix *pf, uint32_t origin,
    bool for_origin, char *what, size_t len)
{
	const struct pfxrange *r;
	char tmp[PFXRANGE_STRLEN];

	if (for_origin && asn_sorted_contains(mm->m->whitelist.asns.v, mm->m->whitelist.asns.n,
	    origin)) {
		snprintf(what, len, "AS%u", origin);
		return true;
	}
	if (!for_origin && (r = in_ranges(&mm->wl_prefixes[fam], pf)) != NULL) {
		snprintf(what, len, "%s", pfxrange_format(r, tmp));
		return true;
	}
	for (size_t i = 0; i < mm->n_wl_routes[fam]; i++)
		if (mm->wl_routes[fam][i].origin == origin &&
		    pfxrange_match(&mm->wl_routes[fam][i].r, pf)) {
			snprintf(what, len, "%s with origin AS%u",
			    pfxrange_format(&mm->wl_routes[fam][i].r, tmp), origin);
			return true;
		}
	return false;
}

static uint32_t
origin_of(const struct route_query *q)
{
	return q->path_len ? q->path[q->path_len - 1] : 0;
}

/* Check 12's match, also for irr.tag: a route object (with that origin, in
 * the table representation) for the prefix, or for a blackhole a covering
 * one. */
static bool
irr_registered(const struct model *mo, const struct msession *s, const struct prefix *pf,
    uint32_t origin, bool blackhole)
{
	const struct mmember *mm = s->mm;
	const struct policy *p = &mm->m->policy;

	if (mo->irr_table)
		return model_irr_table_match(mo, mm, pf, origin, blackhole ? af_maxlen(pf->af) :
		    p->irr_allow_more_specifics ? p->len_max[s->fam] : 0);
	return pfxset_match(blackhole ? &mm->bh[s->fam] : &mm->irr[s->fam], pf);
}

/* policy.irr.tag: the informational tags the filter adds, as
 * render_irr_tags in the BIRD emitter has them. */
static void
irr_tags(const struct model *mo, const struct msession *s, const struct route_query *q,
    bool blackhole, struct buf *out)
{
	const struct mmember *mm = s->mm;
	const uint32_t origin = origin_of(q);
	bool pfx = irr_registered(mo, s, &q->prefix, origin, blackhole);
	bool orig = asn_sorted_contains(mm->exp.asns, mm->exp.n_asns, origin);

	buf_printf(out, "; IRR: prefix %s (%u, %d, %d), origin %s the AS-SET (%u, %d, %d)",
	    pfx ? "registered" : "not registered", mo->c->rs_asn, LC_IRR_PREFIX, pfx ? 1 : 2,
	    orig ? "in" : "not in", mo->c->rs_asn, LC_IRR_ORIGIN, orig ? 1 : 2);
}


/* ASPA upstream verification (draft-ietf-sidrops-aspa-verification). */
static enum rov_state
aspa_upstream(const struct vrpset *v, const struct route_query *q, bool *unknown)
{
	uint32_t hops[EXPLAIN_MAX_PATH];
	size_t n = 0;

	*unknown = false;
	/* Origin first, prepends collapsed. */
	for (size_t i = q->path_len; i-- > 0;)
		if (n == 0 || hops[n - 1] != q->path[i])
			hops[n++] = q->path[i];
	for (size_t i = 0; i + 1 < n; i++) {
		const struct vap *a = NULL;
		for (size_t k = 0; k < v->n_aspa; k++)
			if (v->aspa[k].customer == hops[i])
				a = &v->aspa[k];
		if (a == NULL) {
			*unknown = true;
			continue;
		}
		if (!asn_sorted_contains(a->providers, a->n_providers, hops[i + 1]))
			return ROV_INVALID;
	}
	return ROV_VALID;
}

static void
evaluate(const struct model *mo, const struct msession *s, const struct route_query *q,
    const struct check *k, bool blackhole, struct verdict *v, int *rpki_tag)
{
	const struct config *c = mo->c;
	const struct mmember *mm = s->mm;
	const struct policy *p = &mm->m->policy;
	const struct prefix *pf = &q->prefix;
	char tmp[ADDR_STRLEN], tmp2[ADDR_STRLEN];
	struct prefix hit;
	const struct pfxrange *r;
	char rtmp[PFXRANGE_STRLEN], wl[PFXRANGE_STRLEN + 24];
	uint32_t origin = origin_of(q);
	size_t i;

	v->fail = false;
	v->why[0] = '\0';
	switch (k->kind) {
	case CHK_PATH_LEN:
		v->fail = q->path_len > p->max_path_len;
		snprintf(v->why, sizeof(v->why), "length %zu, limit %u", q->path_len, p->max_path_len);
		break;
	case CHK_BOGON_PREFIX:
		if ((v->fail = in_list_orlonger(&c->bogon_prefixes[s->fam], pf, &hit)))
			snprintf(v->why, sizeof(v->why), "inside bogon %s", prefix_format(&hit, tmp));
		break;
	case CHK_BLACKLIST:
		if (pf->len == 0) {
			v->fail = true;
			snprintf(v->why, sizeof(v->why), "default route");
		} else if ((r = in_ranges(&mo->global_blacklist[s->fam], pf)) != NULL) {
			v->fail = true;
			snprintf(v->why, sizeof(v->why), "matches %s (peering LAN or IXP blacklist)",
			    pfxrange_format(r, rtmp));
		}
		break;
	case CHK_AFI:
		v->fail = pf->af != af_of_fam(s->fam);
		break;
	case CHK_NEXT_HOP: {
		struct ipaddr nh = q->next_hop.af ? q->next_hop : s->nh;
		const char *how = p->next_hop == NH_STRICT ? "strict" : "same_as";
		bool listed = false;
		v->fail = !ip_eq(&nh, &s->nh);
		for (i = 0; v->fail && i < mm->n_next_hops[s->fam]; i++)
			if (ip_eq(&nh, &mm->next_hops[s->fam][i])) {
				v->fail = false;
				listed = true;
			}
		for (i = 0; listed && i < mm->m->n_next_hops; i++)
			if (ip_eq(&nh, &mm->m->next_hops[i]))
				how = "policy.next_hop_addresses";
		snprintf(v->why, sizeof(v->why), "next hop %s, the session's LAN address %s (%s)",
		    ip_format(&nh, tmp), ip_format(&s->nh, tmp2), how);
		break;
	}
	case CHK_FIRST_AS:
		v->fail = q->path_len == 0 || q->path[0] != mm->m->asn;
		snprintf(v->why, sizeof(v->why), "first AS %u", q->path_len ? q->path[0] : 0);
		break;
	case CHK_BOGON_ASN:
		for (i = 0; i < q->path_len && !v->fail; i++)
			if (config_asn_is_bogon(c, q->path[i])) {
				v->fail = true;
				snprintf(v->why, sizeof(v->why), "AS%u", q->path[i]);
			}
		break;
	case CHK_TRANSIT_FREE:
		for (i = 0; i < q->path_len && !v->fail; i++)
			if (q->path[i] != mm->m->asn &&
			    asn_sorted_contains(c->transit_free.v, c->transit_free.n, q->path[i])) {
				v->fail = true;
				snprintf(v->why, sizeof(v->why), "AS%u", q->path[i]);
			}
		break;
	case CHK_IRR_ORIGIN:
		v->fail = !asn_sorted_contains(mm->exp.asns, mm->exp.n_asns, origin);
		snprintf(v->why, sizeof(v->why), "origin AS%u %s the %zu ASNs of the AS-SET", origin,
		    v->fail ? "is not among" : "is among", mm->exp.n_asns);
		if (v->fail && whitelisted(mm, s->fam, pf, origin, true, wl, sizeof(wl))) {
			v->fail = false;
			snprintf(v->why, sizeof(v->why), "origin AS%u not in the AS-SET, but "
			    "whitelisted by the IXP (members[].whitelist: %s)", origin, wl);
		}
		break;
	case CHK_V6_GLOBAL: {
		struct prefix g;
		prefix_parse("2000::/3", 8, &g);
		v->fail = !prefix_contains(&g, pf);
		break;
	}
	case CHK_MEMBER_BLACKLIST:
		if ((r = in_ranges(&mm->blacklist[s->fam], pf)) != NULL) {
			v->fail = true;
			snprintf(v->why, sizeof(v->why), "matches %s", pfxrange_format(r, rtmp));
		}
		break;
	case CHK_IRR_PREFIX: {
		const char *which = blackhole ? " covering it" :
		    p->irr_allow_more_specifics ? " or its more-specifics" : "";
		if (k->blackholes_only && !blackhole) {
			snprintf(v->why, sizeof(v->why), "not enforced (policy.irr.enforce_prefix "
			    "is false); blackholes still need one");
		} else if (mo->irr_table) {
			v->fail = !irr_registered(mo, s, pf, origin, blackhole);
			snprintf(v->why, sizeof(v->why), "%s%s route object%s with origin AS%u%s",
			    blackhole ? "blackhole: " : "", v->fail ? "no" : "a", which, origin,
			    p->irr_enforce_origin ? "" : " in the AS-SET");
		} else {
			const struct pfxset *set = blackhole ? &mm->bh[s->fam] : &mm->irr[s->fam];
			v->fail = !irr_registered(mo, s, pf, origin, blackhole);
			snprintf(v->why, sizeof(v->why), "%s%s route object%s (%zu filter entries)",
			    blackhole ? "blackhole: " : "", v->fail ? "no matching" : "matches a",
			    which, set->n);
		}
		/* policy.irr.rpki_as_route_object: a valid ROA stands for one. */
		if (v->fail && !blackhole && p->irr_rpki_as_route_object &&
		    (mo->vrps != NULL ? vrp_validate(mo->vrps, pf, origin) == ROV_VALID :
		    q->rpki_live == RPKI_TAG_VALID)) {
			v->fail = false;
			snprintf(v->why, sizeof(v->why), "no route object, but RPKI valid "
			    "(policy.irr.rpki_as_route_object)");
		}
		if (v->fail && whitelisted(mm, s->fam, pf, origin, false, wl, sizeof(wl))) {
			v->fail = false;
			snprintf(v->why, sizeof(v->why), "no route object, but whitelisted by the "
			    "IXP (members[].whitelist: %s)", wl);
		}
		break;
	}
	case CHK_PREFIX_LEN: {
		unsigned hi = blackhole ? af_maxlen(pf->af) : p->len_max[s->fam];
		v->fail = pf->len < p->len_min[s->fam] || pf->len > hi;
		snprintf(v->why, sizeof(v->why), "/%u, allowed /%u-/%u%s", pf->len,
		    p->len_min[s->fam], hi, blackhole ? " (blackhole)" : "");
		break;
	}
	case CHK_RPKI:
		if (blackhole) {
			*rpki_tag = RPKI_TAG_NOT_CHECKED;
			snprintf(v->why, sizeof(v->why), "not checked for blackholes");
		} else if (mo->vrps == NULL && q->rpki_live != 0) {
			*rpki_tag = q->rpki_live;
			v->fail = q->rpki_live == RPKI_TAG_INVALID && p->rpki_reject_invalid;
			snprintf(v->why, sizeof(v->why), "%s, as BIRD validated it over RTR",
			    rpki_tag_name(*rpki_tag));
		} else if (mo->vrps == NULL) {
			*rpki_tag = RPKI_TAG_UNKNOWN;
			snprintf(v->why, sizeof(v->why), "validated live by BIRD over RTR; "
			    "add sources.rpki.vrps to check here");
		} else {
			enum rov_state st = vrp_validate(mo->vrps, pf, origin);
			*rpki_tag = st == ROV_VALID ? RPKI_TAG_VALID : st == ROV_INVALID ?
			    RPKI_TAG_INVALID : RPKI_TAG_UNKNOWN;
			v->fail = st == ROV_INVALID && p->rpki_reject_invalid;
			snprintf(v->why, sizeof(v->why), "%s%s", rpki_tag_name(*rpki_tag),
			    st == ROV_INVALID && !p->rpki_reject_invalid ?
			    " (kept, never exported: policy.rpki.reject_invalid is false)" : "");
		}
		break;
	case CHK_NEVER_VIA_RS:
		for (i = 0; i < q->path_len && !v->fail; i++)
			if (asn_sorted_contains(mo->never_via_rs.v, mo->never_via_rs.n, q->path[i])) {
				v->fail = true;
				snprintf(v->why, sizeof(v->why), "AS%u", q->path[i]);
			}
		break;
	case CHK_ASPA: {
		bool unknown;
		if (mo->vrps == NULL) {
			snprintf(v->why, sizeof(v->why), "no local ASPA data");
			break;
		}
		v->fail = aspa_upstream(mo->vrps, q, &unknown) == ROV_INVALID;
		snprintf(v->why, sizeof(v->why), "%s", v->fail ? "invalid" : unknown ? "unknown" : "valid");
		break;
	}
	case CHK_NUM:
		break;
	}
}

/* fprintf, when there is somewhere to print (impact evaluates silently). */
static void say(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
say(FILE *out, const char *fmt, ...)
{
	va_list ap;

	if (out == NULL)
		return;
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
}

/* How the session is set up (policy.session): not checks, but what a
 * member asks about first when its session or routes do not show up. */
static void
say_session(FILE *out, const struct msession *s)
{
	const struct session_opts *o = &s->mm->m->policy.session;
	char tmp[ADDR_STRLEN];

	say(out, "  Session: neighbour %s", ip_format(&s->peer, tmp));
	if (o->multihop)
		say(out, ", multihop %u (LAN address %s)", o->multihop, ip_format(&s->nh, tmp));
	say(out, ", %s", o->passive ? "passive" : "active");
	if (o->gtsm)
		say(out, ", GTSM");
	if (o->add_path)
		say(out, ", ADD-PATH tx");
	if (o->prepend_rs_as)
		say(out, ", RS ASN prepended");
	if (o->roles)
		say(out, ", role rs-server%s", o->roles_strict ? " (peer's role required)" : "");
	say(out, "\n\n");
}

int
explain_route(FILE *out, const struct model *mo, const struct route_query *q,
    struct explain_result *res)
{
	const struct msession *s = q->msession;
	const struct mmember *mm = s != NULL ? s->mm : model_member(mo, q->member);
	const struct route_server *rs = &mo->c->rs[0];
	struct check checks[CHK_NUM];
	struct buf path = BUF_INIT, tags = BUF_INIT;
	char tmp[ADDR_STRLEN];
	int fam = fam_of_af(q->prefix.af);
	bool blackhole;
	size_t n, i;

	memset(res, 0, sizeof(*res));
	if (mm == NULL) {
		say(out, "ixp-rsc: AS%u is not a member in the YAML\n", q->member);
		return -1;
	}
	if (q->rs != NULL) {
		for (i = 0; i < mo->c->n_rs && strcmp(mo->c->rs[i].name, q->rs) != 0; i++)
			;
		if (i == mo->c->n_rs) {
			say(out, "ixp-rsc: no route server named %s\n", q->rs);
			return -1;
		}
		rs = &mo->c->rs[i];
	}
	for (i = 0; i < mo->n_sessions && s == NULL; i++)
		if (mo->sessions[i].mm == mm && mo->sessions[i].fam == fam &&
		    (q->session == NULL || !strcmp(mo->sessions[i].name, q->session)))
			s = &mo->sessions[i];
	if (s == NULL || rs->addr[fam].af == 0) {
		say(out, "ixp-rsc: AS%u has no %s session on %s\n", q->member,
		    fam_name(fam), rs->name);
		return -1;
	}

	blackhole = mm->m->policy.blackhole_enabled && has_comm(q, 65535, 666);
	for (i = 0; i < q->path_len; i++)
		buf_printf(&path, "%s%u", i ? " " : "", q->path[i]);
	say(out, "Route %s from AS%u on %s, session %s\n", prefix_format(&q->prefix, tmp),
	    q->member, rs->name, s->name);
	say(out, "  AS path: %s%s\n", path.len ? buf_str(&path) : "(empty)",
	    blackhole ? "  [BLACKHOLE]" : "");
	buf_free(&path);
	say_session(out, s);

	res->accepted = true;
	res->rpki_tag = RPKI_TAG_NOT_CHECKED;
	n = model_checks(mo, s, checks);
	for (i = 0; i < n; i++) {
		struct verdict v;
		const struct reason *r = reason_get(checks[i].code);
		const char *mark;

		evaluate(mo, s, q, &checks[i], blackhole, &v, &res->rpki_tag);
		if (v.fail && checks[i].warn_only) {
			/* transit_free_action / bogon_asn_action: warn */
			mark = "warn";
			buf_printf(&tags, "; warned (%u, %d, %d)", mo->c->rs_asn, LC_WARN,
			    checks[i].code);
		} else if (v.fail && res->accepted) {
			res->accepted = false;
			res->code = checks[i].code;
			mark = "REJECT";
		} else {
			mark = v.fail ? "fails too" : "pass";
		}
		say(out, "  %2d  %-50.50s %-9s %s\n", checks[i].code, r->text, mark, v.why);
	}
	if (blackhole)
		res->rpki_tag = RPKI_TAG_NOT_CHECKED;
	if (res->accepted && mm->m->policy.irr_tag)
		irr_tags(mo, s, q, blackhole, &tags);
	say(out, "\n");
	if (res->accepted) {
		char gshut[16];
		snprintf(gshut, sizeof(gshut), "%u", mo->c->gshut_local_pref);
		say(out, "Verdict: ACCEPTED, tagged (%u, %d, %d) RPKI %s%s%s%s%s\n", mo->c->rs_asn,
		    LC_RPKI_STATE, res->rpki_tag, rpki_tag_name(res->rpki_tag), buf_str(&tags),
		    blackhole ? "; blackhole: NO_EXPORT added on export" : "",
		    mm->m->policy.graceful_shutdown && has_comm(q, 65535, 0) ?
		    "; GRACEFUL_SHUTDOWN: local preference " : "",
		    mm->m->policy.graceful_shutdown && has_comm(q, 65535, 0) ? gshut : "");
	} else {
		const struct reason *r = reason_get(res->code);
		say(out, "Verdict: REJECTED, reason %d (%s), tagged (%u, %d, %d)\n", res->code,
		    r->text, mo->c->rs_asn, LC_REJECT, res->code);
		if (mo->tag_rejected)
			say(out, "Kept (policy.reject_policy: tag): held by the route server with "
			    "local preference 0, sent to collectors, never to a member\n");
		say(out, "What to do: %s\n", r->hint);
	}
	buf_free(&tags);
	return 0;
}
