#include "emit_bird.h"

#include <stdlib.h>
#include <string.h>

#include "policies.h"
#include "reasons.h"
#include "hmap.h"
#include "xalloc.h"

/* Names of the BIRD sets of each member; a set identical to an earlier
 * member's is emitted once and shared. */
struct setnames {
	char	 asns[24];
	char	 pfx[2][24];
	char	 bh[2][24];
	bool	 own_asns, own_pfx[2], own_bh[2];
};

struct emitter {
	struct buf		*b;
	const struct model	*mo;
	const struct config	*c;
	const struct route_server *rs;
	const struct emit_opts	*o;
	struct setnames		*names;		/* per member */
	struct hmap		 fns;		/* import policy body -> policy_fn */
	struct policy_fn	**fn_list;	/* in order of first use */
	size_t			 n_fn_list;
	struct policy_fn	**sess_fn;	/* per session; NULL: not on this RS */
};

void
bird_text(struct buf *b, const char *s, size_t max)
{
	size_t n = 0;

	for (; *s && n < max; s++, n++) {
		unsigned char ch = (unsigned char)*s;
		buf_putc(b, (ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\') ? (char)ch : '_');
	}
}

static const char *
ip_str(const struct ipaddr *ip, char *tmp)
{
	return ip_format(ip, tmp);
}

/* ---- sets ------------------------------------------------------------- */

static void
print_prefix_list_set(struct emitter *e, const char *name, const struct pfxlist *l,
    bool orlonger)
{
	char tmp[ADDR_STRLEN];

	buf_printf(e->b, "define %s = [\n", name);
	for (size_t i = 0; i < l->n; i++)
		buf_printf(e->b, "\t%s%s%s\n", prefix_format(&l->v[i], tmp),
		    orlonger ? "+" : "", i + 1 < l->n ? "," : "");
	buf_puts(e->b, "];\n");
}

/* A blacklist: each entry with the lengths it matches. `first`, when set,
 * comes before them (the default route of RS_BLACKLIST). */
static void
print_range_set(struct emitter *e, const char *name, const char *first,
    const struct rangelist *l)
{
	char tmp[PFXRANGE_STRLEN];

	buf_printf(e->b, "define %s = [\n", name);
	if (first != NULL)
		buf_printf(e->b, "\t%s%s\n", first, l->n ? "," : "");
	for (size_t i = 0; i < l->n; i++)
		buf_printf(e->b, "\t%s%s\n", pfxrange_format(&l->v[i], tmp), i + 1 < l->n ? "," : "");
	buf_puts(e->b, "];\n");
}

static void
print_pfxset(struct emitter *e, const char *name, const struct pfxset *s)
{
	char tmp[ADDR_STRLEN + 16];

	buf_printf(e->b, "define %s = [\n", name);
	for (size_t i = 0; i < s->n; i++)
		buf_printf(e->b, "\t%s%s\n", pfx_range_format(&s->v[i], tmp, sizeof(tmp)),
		    i + 1 < s->n ? "," : "");
	buf_puts(e->b, "];\n");
}

/* Sorted ASNs, consecutive runs written as ranges. */
static void
print_asn_set(struct emitter *e, const char *name, const uint32_t *v, size_t n)
{
	size_t i = 0;

	buf_printf(e->b, "define %s = [\n", name);
	while (i < n) {
		size_t j = i;
		while (j + 1 < n && v[j + 1] == v[j] + 1)
			j++;
		if (j > i)
			buf_printf(e->b, "\t%u..%u", v[i], v[j]);
		else
			buf_printf(e->b, "\t%u", v[i]);
		buf_puts(e->b, j + 1 < n ? ",\n" : "\n");
		i = j + 1;
	}
	buf_puts(e->b, "];\n");
}

static void
print_global_sets(struct emitter *e)
{
	const struct config *c = e->c;
	const struct model *mo = e->mo;

	buf_puts(e->b, "\n# ---- IXP-wide sets ----\n\n");
	for (int fam = 0; fam < 2; fam++) {
		if (c->bogon_prefixes[fam].n > 0) {
			buf_printf(e->b, "# Bogon prefixes and their more-specifics (reason %d).\n",
			    REJ_BOGON_PREFIX);
			print_prefix_list_set(e, fam == FAM4 ? "RS_BOGONS4" : "RS_BOGONS6",
			    &c->bogon_prefixes[fam], true);
		}
		buf_printf(e->b, "# The default route, the peering LANs with their more-specifics "
		    "and the IXP blacklist (reason %d).\n", REJ_BLACKLIST);
		print_range_set(e, fam == FAM4 ? "RS_BLACKLIST4" : "RS_BLACKLIST6",
		    fam == FAM4 ? "0.0.0.0/0" : "::/0", &mo->global_blacklist[fam]);
	}
	if (c->n_bogon_asns > 0) {
		buf_printf(e->b, "# Private, reserved and documentation ASNs (reason %d).\n"
		    "define RS_BOGON_ASNS = [\n", REJ_BOGON_ASN);
		for (size_t i = 0; i < c->n_bogon_asns; i++) {
			const struct asn_range *r = &c->bogon_asns[i];
			if (r->lo == r->hi)
				buf_printf(e->b, "\t%u", r->lo);
			else
				buf_printf(e->b, "\t%u..%u", r->lo, r->hi);
			buf_puts(e->b, i + 1 < c->n_bogon_asns ? ",\n" : "\n");
		}
		buf_puts(e->b, "];\n");
	}
	if (c->transit_free.n > 0) {
		buf_printf(e->b, "# Transit-free networks (reason %d).\n", REJ_TRANSIT_FREE);
		print_asn_set(e, "RS_TRANSIT_FREE", c->transit_free.v, c->transit_free.n);
	}
	if (mo->never_via_rs.n > 0) {
		buf_printf(e->b, "# Networks that ask never to be reached via route servers "
		    "(reason %d).\n", REJ_NEVER_VIA_RS);
		print_asn_set(e, "RS_NEVER_VIA_RS", mo->never_via_rs.v, mo->never_via_rs.n);
	}
}

static bool
same_asns(const struct expansion *x, const struct expansion *y)
{
	return x->n_asns == y->n_asns &&
	    memcmp(x->asns, y->asns, x->n_asns * sizeof(*x->asns)) == 0;
}

struct set_owner {
	const struct pfxset	*set;
	const char		*name;
	char			 key[40];
};

/*
 * Name every member's sets, sharing identical ones. Members are in ASN
 * order, so the first (lowest ASN) owner names a shared set. Prefix sets are
 * found by content hash and always confirmed by comparison.
 */
static void
assign_set_names(struct emitter *e)
{
	const struct model *mo = e->mo;
	struct hmap seen = { NULL, 0, 0 };
	struct set_owner *owners = xcalloc(mo->n_members * 4 + 1, sizeof(*owners));
	size_t n_owners = 0;

	e->names = xcalloc(mo->n_members + 1, sizeof(*e->names));
	for (size_t i = 0; i < mo->n_members; i++) {
		const struct mmember *mm = &mo->members[i];
		struct setnames *sn = &e->names[i];
		uint32_t asn = mm->m->asn;

		snprintf(sn->asns, sizeof(sn->asns), "AS%u_ASNS", asn);
		sn->own_asns = true;
		for (size_t j = 0; j < i; j++)
			if (e->names[j].own_asns && same_asns(&mo->members[j].exp, &mm->exp)) {
				memcpy(sn->asns, e->names[j].asns, sizeof(sn->asns));
				sn->own_asns = false;
				break;
			}
		for (int fam = 0; fam < 2; fam++) {
			for (int kind = 0; kind < 2; kind++) {
				const struct pfxset *set = kind == 0 ? &mm->irr[fam] : &mm->bh[fam];
				char *name = kind == 0 ? sn->pfx[fam] : sn->bh[fam];
				bool *own = kind == 0 ? &sn->own_pfx[fam] : &sn->own_bh[fam];
				struct set_owner *o = &owners[n_owners], *prev;

				snprintf(name, sizeof(sn->pfx[fam]), "AS%u_%s%d", asn,
				    kind == 0 ? "PFX" : "BH", fam == FAM4 ? 4 : 6);
				*own = false;
				if (set->n == 0 || !mm->has_family[fam] ||
				    (kind == 1 && !mm->m->policy.blackhole_enabled))
					continue;
				snprintf(o->key, sizeof(o->key), "%d:%016llx", fam,
				    (unsigned long long)pfxset_hash(set));
				prev = hmap_get(&seen, o->key);
				if (prev != NULL && pfxset_equal(prev->set, set)) {
					memcpy(name, prev->name, sizeof(sn->pfx[fam]));
					continue;
				}
				*own = true;
				if (prev == NULL) {
					o->set = set;
					o->name = name;
					hmap_put(&seen, o->key, o);
					n_owners++;
				}
			}
		}
	}
	hmap_free(&seen);
	free(owners);
}

static void
print_member_sets(struct emitter *e, size_t idx)
{
	const struct mmember *mm = &e->mo->members[idx];
	const struct setnames *sn = &e->names[idx];

	if (sn->own_asns)
		print_asn_set(e, sn->asns, mm->exp.asns, mm->exp.n_asns);
	else
		buf_printf(e->b, "# origin ASNs: same as %s\n", sn->asns);
	if (mm->m->whitelist.asns.n > 0) {
		char name[32];
		snprintf(name, sizeof(name), "AS%u_WL_ASNS", mm->m->asn);
		buf_puts(e->b, "# Whitelisted origins (members[].whitelist): pass check 9.\n");
		print_asn_set(e, name, mm->m->whitelist.asns.v, mm->m->whitelist.asns.n);
	}
	for (int fam = 0; fam < 2; fam++) {
		if (!mm->has_family[fam])
			continue;
		if (sn->own_pfx[fam])
			print_pfxset(e, sn->pfx[fam], &mm->irr[fam]);
		else if (mm->irr[fam].n > 0)
			buf_printf(e->b, "# %s route objects: same as %s\n", fam_name(fam), sn->pfx[fam]);
		if (sn->own_bh[fam])
			print_pfxset(e, sn->bh[fam], &mm->bh[fam]);
		if (mm->n_next_hops[fam] > 0) {
			char tmp[ADDR_STRLEN];
			buf_printf(e->b, "define AS%u_NH%d = [", mm->m->asn, fam == FAM4 ? 4 : 6);
			for (size_t i = 0; i < mm->n_next_hops[fam]; i++)
				buf_printf(e->b, "%s%s", i ? ", " : "",
				    ip_str(&mm->next_hops[fam][i], tmp));
			buf_puts(e->b, "];\n");
		}
		if (mm->blacklist[fam].n > 0) {
			char name[32];
			snprintf(name, sizeof(name), "AS%u_BLACKLIST%d", mm->m->asn, fam == FAM4 ? 4 : 6);
			print_range_set(e, name, NULL, &mm->blacklist[fam]);
		}
		if (mm->wl_prefixes[fam].n > 0) {
			char name[32];
			snprintf(name, sizeof(name), "AS%u_WL_PFX%d", mm->m->asn, fam == FAM4 ? 4 : 6);
			buf_puts(e->b, "# Whitelisted by the IXP (members[].whitelist): pass check 12.\n");
			print_range_set(e, name, NULL, &mm->wl_prefixes[fam]);
		}
	}
}

/* ---- filters ------------------------------------------------------------ */

/*
 * The import checks of a session are rendered as the body of a function
 * with the member's own values as parameters; sessions whose bodies come
 * out the same share one function, and each session's filter is a call.
 * BIRD 2.0 keeps a symbol for every word of every filter scope and looks
 * them up linearly by name, so a thousand members' worth of filter text
 * costs time quadratic in the number of filters: one function per policy
 * keeps that cost at one word per filter.
 */
enum {
	PA_ASN = 1 << 0, PA_PEER = 1 << 1, PA_NHS = 1 << 2, PA_CONE = 1 << 3,
	PA_PFX = 1 << 4, PA_BH = 1 << 5, PA_BL = 1 << 6, PA_WLO = 1 << 7, PA_WLP = 1 << 8,
};
static const char *const param_decl[] = { "int m_asn", "ip m_peer", "ip set m_nhs",
    "int set m_cone", "prefix set m_pfx", "prefix set m_bh", "prefix set m_bl", "bool m_wlo",
    "bool m_wlp" };
#define N_PARAMS (sizeof(param_decl) / sizeof(param_decl[0]))

struct policy_fn {
	char		*body;		/* also the key of emitter.fns */
	unsigned	 params;	/* PA_* */
	unsigned	 id;
	int		 fam;
	size_t		 n_sessions;
};

/* policy.irr.rpki_as_route_object: an RPKI-valid route stands for its own
 * route object (check 9 has tied its origin to the member already). */
static const char *
rov_clause(const struct policy *p, int v)
{
	if (!p->irr_rpki_as_route_object)
		return "";
	return v == 4 ? " && roa_check(rpki4, net, bgp_path.last) != ROA_VALID" :
	    " && roa_check(rpki6, net, bgp_path.last) != ROA_VALID";
}

/* members[].whitelist: m_wlp is true for a whitelisted prefix (or route),
 * which passes check 12 as if it had a route object. */
static const char *
wl_clause(const struct msession *s, unsigned *pa)
{
	if (!s->mm->wl_prefix[s->fam])
		return "";
	*pa |= PA_WLP;
	return " && !m_wlp";
}

/*
 * Check 12 against the shared tables: the route object must exist with the
 * route's own origin. With enforce_origin off, check 9 has not tied that
 * origin to the member, so the cone is tested here (the tables hold every
 * member's route objects).
 */
static void
render_irr_table_check(struct buf *b, const struct model *mo, const struct msession *s,
    const struct check *k, unsigned *pa)
{
	const int code = k->code;
	const struct policy *p = &s->mm->m->policy;
	const bool bh = p->blackhole_enabled;
	const int v = s->fam == FAM4 ? 4 : 6;
	const char *cone = "", *wl = wl_clause(s, pa);
	char ld[32] = "";

	if (!p->irr_enforce_origin) {
		cone = " || !(bgp_path.last ~ m_cone)";
		*pa |= PA_CONE;
	}
	/* Over RTR: until the caches have answered, warn (see print_irr_rtr). */
	if (mo->irr_rtr) {
		buf_printf(b, "\tif !rs_irr_loaded%d() then rs_warn(%d);\n", v, code);
		snprintf(ld, sizeof(ld), "rs_irr_loaded%d() && ", v);
	}
	if (bh)
		buf_printf(b, "\tif %srs_is_blackhole() && (roa_check(rs_irr%d_ol, net, bgp_path.last) "
		    "!= ROA_VALID%s)%s then rs_reject(%d);\n", ld, v, cone, wl, code);
	if (k->blackholes_only)
		return;
	/* More-specifics up to the IXP's longest length, as the prefix sets
	 * P{len, max(len, longest)} have them: a route object longer than
	 * that still matches itself. */
	if (p->irr_allow_more_specifics)
		buf_printf(b, "\tif %s%s((roa_check(rs_irr%d, net, bgp_path.last) != ROA_VALID && "
		    "(net.len > %u || roa_check(rs_irr%d_ol, net, bgp_path.last) != ROA_VALID))%s)%s%s "
		    "then rs_reject(%d);\n", ld, bh ? "!rs_is_blackhole() && " : "", v,
		    p->len_max[s->fam], v, cone, rov_clause(p, v), wl, code);
	else
		buf_printf(b, "\tif %s%s(roa_check(rs_irr%d, net, bgp_path.last) != ROA_VALID%s)%s%s "
		    "then rs_reject(%d);\n", ld, bh ? "!rs_is_blackhole() && " : "", v, cone,
		    rov_clause(p, v), wl, code);
}

/* Check 12 against the member's own prefix sets. */
static void
render_irr_set_check(struct buf *b, const struct msession *s, const struct check *k,
    unsigned *pa)
{
	const int code = k->code;
	const struct mmember *mm = s->mm;
	const bool bh = mm->m->policy.blackhole_enabled;
	const char *wl = wl_clause(s, pa);

	/* An empty set would be a missing define: reject explicitly. */
	if (bh) {
		if (mm->bh[s->fam].n > 0) {
			buf_printf(b, "\tif rs_is_blackhole() && !(net ~ m_bh)%s then rs_reject(%d);\n",
			    wl, code);
			*pa |= PA_BH;
		} else {
			buf_printf(b, "\tif rs_is_blackhole()%s then rs_reject(%d);\t# no route objects\n",
			    wl, code);
		}
	}
	if (k->blackholes_only)
		return;
	if (mm->irr[s->fam].n > 0) {
		buf_printf(b, "\tif %s!(net ~ m_pfx)%s%s then rs_reject(%d);\n",
		    bh ? "!rs_is_blackhole() && " : "",
		    rov_clause(&mm->m->policy, s->fam == FAM4 ? 4 : 6), wl, code);
		*pa |= PA_PFX;
	} else if (mm->m->policy.irr_rpki_as_route_object) {
		buf_printf(b, "\tif %sroa_check(rpki%d, net, bgp_path.last) != ROA_VALID%s then "
		    "rs_reject(%d);\t# no route objects\n", bh ? "!rs_is_blackhole() && " : "",
		    s->fam == FAM4 ? 4 : 6, wl, code);
	} else if (*wl) {
		buf_printf(b, "\tif %s!m_wlp then rs_reject(%d);\t# no route objects\n",
		    bh ? "!rs_is_blackhole() && " : "", code);
	} else {
		buf_printf(b, "\t%srs_reject(%d);\t# no route objects\n",
		    bh ? "if !rs_is_blackhole() then " : "", code);
	}
}

static void
render_check(struct buf *b, const struct model *mo, const struct msession *s,
    const struct check *k, unsigned *pa)
{
	const struct policy *p = &s->mm->m->policy;
	const struct reason *r = reason_get(k->code);
	const bool bh = p->blackhole_enabled;
	const int v = s->fam == FAM4 ? 4 : 6;
	/* A check in warn mode tags the route and lets it through. */
	const char *act = k->warn_only ? "rs_warn" : "rs_reject";

	buf_printf(b, "\t# %d: %s%s\n", k->code, r->text, k->warn_only ? " (warn only)" : "");
	switch (k->kind) {
	case CHK_PATH_LEN:
		buf_printf(b, "\tif bgp_path.len > %u then rs_reject(%d);\n", p->max_path_len, k->code);
		break;
	case CHK_BOGON_PREFIX:
		buf_printf(b, "\tif net ~ RS_BOGONS%d then rs_reject(%d);\n", v, k->code);
		break;
	case CHK_BLACKLIST:
		buf_printf(b, "\tif net ~ RS_BLACKLIST%d then rs_reject(%d);\n", v, k->code);
		break;
	case CHK_AFI:
		buf_printf(b, "\tif net.type != NET_IP%d then rs_reject(%d);\n", v, k->code);
		break;
	case CHK_NEXT_HOP:
		/* same_as: the set holds the session's own address too. */
		if (s->mm->n_next_hops[s->fam] == 0) {
			buf_printf(b, "\tif bgp_next_hop != m_peer then rs_reject(%d);\n", k->code);
			*pa |= PA_PEER;
		} else if (p->next_hop == NH_SAME_AS) {
			buf_printf(b, "\tif !(bgp_next_hop ~ m_nhs) then rs_reject(%d);\n", k->code);
			*pa |= PA_NHS;
		} else {
			buf_printf(b, "\tif bgp_next_hop != m_peer && !(bgp_next_hop ~ m_nhs) then "
			    "rs_reject(%d);\n", k->code);
			*pa |= PA_PEER | PA_NHS;
		}
		break;
	case CHK_FIRST_AS:
		buf_printf(b, "\tif bgp_path.first != m_asn then rs_reject(%d);\n", k->code);
		*pa |= PA_ASN;
		break;
	case CHK_BOGON_ASN:
		buf_printf(b, "\tif rs_path_has(RS_BOGON_ASNS) then %s(%d);\n", act, k->code);
		break;
	case CHK_TRANSIT_FREE:
		buf_printf(b, "\tif rs_path_has_other(RS_TRANSIT_FREE, m_asn) then %s(%d);\n", act,
		    k->code);
		*pa |= PA_ASN;
		break;
	case CHK_IRR_ORIGIN:
		/* m_wlo: a whitelisted origin (members[].whitelist). */
		buf_printf(b, "\tif !(bgp_path.last ~ m_cone)%s then rs_reject(%d);\n",
		    s->mm->wl_origin[s->fam] ? " && !m_wlo" : "", k->code);
		*pa |= PA_CONE | (s->mm->wl_origin[s->fam] ? PA_WLO : 0);
		break;
	case CHK_V6_GLOBAL:
		buf_printf(b, "\tif !(net ~ [2000::/3+]) then rs_reject(%d);\n", k->code);
		break;
	case CHK_MEMBER_BLACKLIST:
		buf_printf(b, "\tif net ~ m_bl then rs_reject(%d);\n", k->code);
		*pa |= PA_BL;
		break;
	case CHK_IRR_PREFIX:
		if (mo->irr_table)
			render_irr_table_check(b, mo, s, k, pa);
		else
			render_irr_set_check(b, s, k, pa);
		break;
	case CHK_PREFIX_LEN:
		if (bh)
			buf_printf(b, "\tif net.len < %u || (net.len > %u && !rs_is_blackhole()) then "
			    "rs_reject(%d);\n", p->len_min[s->fam], p->len_max[s->fam], k->code);
		else
			buf_printf(b, "\tif net.len < %u || net.len > %u then rs_reject(%d);\n",
			    p->len_min[s->fam], p->len_max[s->fam], k->code);
		break;
	case CHK_RPKI:
		buf_printf(b, "\t%srs_rpki%d(%s);\n", bh ? "if !rs_is_blackhole() then " : "", v,
		    p->rpki_reject_invalid ? "true" : "false");
		break;
	case CHK_NEVER_VIA_RS:
		buf_printf(b, "\tif rs_path_has(RS_NEVER_VIA_RS) then rs_reject(%d);\n", k->code);
		break;
	case CHK_ASPA:
		buf_printf(b, "\tif aspa_check_upstream(rs_aspa) = ASPA_INVALID then rs_reject(%d);\n",
		    k->code);
		break;
	case CHK_NUM:
		break;
	}
}

/*
 * policy.irr.tag: what the IRR has of an accepted route, as the checks 9
 * and 12 would see it (a blackhole: a covering route object), whether or
 * not they are enforced.
 */
static void
render_irr_tags(struct buf *b, const struct model *mo, const struct msession *s, unsigned *pa)
{
	const struct mmember *mm = s->mm;
	const struct policy *p = &mm->m->policy;
	const int v = s->fam == FAM4 ? 4 : 6;
	struct buf reg = BUF_INIT, bh = BUF_INIT;

	buf_printf(b, "\t# irr.tag\n\tif bgp_path.last ~ m_cone then bgp_large_community.add((RS_ASN, "
	    "%d, 1)); else bgp_large_community.add((RS_ASN, %d, 2));\n", LC_IRR_ORIGIN,
	    LC_IRR_ORIGIN);
	*pa |= PA_CONE;
	if (mo->irr_table) {
		buf_printf(&reg, "roa_check(rs_irr%d, net, bgp_path.last) = ROA_VALID", v);
		if (p->irr_allow_more_specifics)
			buf_printf(&reg, " || (net.len <= %u && roa_check(rs_irr%d_ol, net, "
			    "bgp_path.last) = ROA_VALID)", p->len_max[s->fam], v);
		buf_printf(&bh, "roa_check(rs_irr%d_ol, net, bgp_path.last) = ROA_VALID", v);
	} else {
		buf_puts(&reg, mm->irr[s->fam].n > 0 ? "net ~ m_pfx" : "false");
		buf_puts(&bh, mm->bh[s->fam].n > 0 ? "net ~ m_bh" : "false");
		*pa |= (mm->irr[s->fam].n > 0 ? PA_PFX : 0) |
		    (p->blackhole_enabled && mm->bh[s->fam].n > 0 ? PA_BH : 0);
	}
	if (p->blackhole_enabled)
		buf_printf(b, "\tif (rs_is_blackhole() && (%s)) || (!rs_is_blackhole() && (%s)) then ",
		    buf_str(&bh), buf_str(&reg));
	else
		buf_printf(b, "\tif %s then ", buf_str(&reg));
	buf_printf(b, "bgp_large_community.add((RS_ASN, %d, 1)); else "
	    "bgp_large_community.add((RS_ASN, %d, 2));\n", LC_IRR_PREFIX, LC_IRR_PREFIX);
	buf_free(&reg);
	buf_free(&bh);
}

/* The import policy of a session, with the member's values as parameters. */
static void
render_import(struct buf *b, const struct model *mo, const struct msession *s, unsigned *pa)
{
	const struct policy *p = &s->mm->m->policy;
	struct check checks[CHK_NUM];
	size_t n = model_checks(mo, s, checks);
	const bool rpki = mo->rpki != RPKI_NONE;

	*pa = 0;
	buf_puts(b, "\trs_scrub_in();\n");
	if (!p->announcement_control)
		buf_puts(b, "\trs_scrub_control();\t# announcement control off\n");
	if (!p->blackhole_enabled)
		buf_puts(b, "\tbgp_community.delete([(65535, 666)]);\t# blackholing off\n");
	for (size_t i = 0; i < n; i++)
		render_check(b, mo, s, &checks[i], pa);
	if (p->irr_tag)
		render_irr_tags(b, mo, s, pa);
	if (p->blackhole_enabled)
		buf_printf(b, "\tif rs_is_blackhole() then bgp_large_community.add((RS_ASN, %d, %d));"
		    "\t# RPKI not checked\n", LC_RPKI_STATE, RPKI_TAG_NOT_CHECKED);
	if (!rpki)
		buf_printf(b, "\tbgp_large_community.add((RS_ASN, %d, %d));\t# no RPKI source: "
		    "not checked\n", LC_RPKI_STATE, RPKI_TAG_NOT_CHECKED);
	if (p->graceful_shutdown)
		buf_puts(b, "\trs_gshut();\n");
}

/* One function per distinct import policy; e->sess_fn maps sessions to them. */
static void
assign_policy_fns(struct emitter *e)
{
	const struct model *mo = e->mo;

	e->sess_fn = xcalloc(mo->n_sessions + 1, sizeof(*e->sess_fn));
	for (size_t i = 0; i < mo->n_sessions; i++) {
		const struct msession *s = &mo->sessions[i];
		struct buf b = BUF_INIT;
		struct policy_fn *fn;
		unsigned pa;

		if (e->rs->addr[s->over6 ? FAM6 : s->fam].af == 0)
			continue;
		render_import(&b, mo, s, &pa);
		if ((fn = hmap_get(&e->fns, buf_str(&b))) != NULL) {
			buf_free(&b);
		} else {
			fn = xcalloc(1, sizeof(*fn));
			fn->body = buf_steal(&b);
			fn->params = pa;
			fn->fam = s->fam;
			fn->id = (unsigned)e->n_fn_list + 1;
			e->fn_list = xrealloc(e->fn_list, (e->n_fn_list + 1) * sizeof(*e->fn_list));
			e->fn_list[e->n_fn_list++] = fn;
			hmap_put(&e->fns, fn->body, fn);
		}
		fn->n_sessions++;
		e->sess_fn[i] = fn;
	}
}

static void
print_policy_fns(struct emitter *e)
{
	const struct ipaddr *nh;
	char tmp[ADDR_STRLEN];

	buf_printf(e->b, "\n# ---- import policies: %zu, shared by the sessions below ----\n",
	    e->n_fn_list);
	for (size_t i = 0; i < e->n_fn_list; i++) {
		const struct policy_fn *fn = e->fn_list[i];
		const char *sep = "";
		buf_printf(e->b, "\n# Import policy %u (%s), %zu session%s.\nfunction rs_in%d_p%u(",
		    fn->id, fam_name(fn->fam), fn->n_sessions, fn->n_sessions == 1 ? "" : "s",
		    fn->fam == FAM4 ? 4 : 6, fn->id);
		for (size_t k = 0; k < N_PARAMS; k++)
			if (fn->params & (1u << k)) {
				buf_printf(e->b, "%s%s", sep, param_decl[k]);
				sep = "; ";
			}
		buf_printf(e->b, ")\n{\n%s}\n", fn->body);
	}
	/* Export: the same for every member but the member's ASN. NO_EXPORT
	 * is added on export: added on import, BIRD itself would refuse to
	 * send the route to any member. */
	for (int fam = 0; fam < 2; fam++) {
		if (e->rs->addr[fam].af == 0)
			continue;
		nh = &e->c->policy.blackhole_next_hop[fam];
		buf_printf(e->b, "\n# Export towards member m_asn (%s).\nfunction rs_out%d(int m_asn)\n{\n"
		    "\tif !rs_export_ok() then reject;\n\tif !rs_may_announce(m_asn) then reject;\n"
		    "\trs_prepend(m_asn);\n\trs_add_wellknown(m_asn);\n\tif rs_is_blackhole() then {\n"
		    "\t\tbgp_community.add((65535, 65281));\n", fam_name(fam), fam == FAM4 ? 4 : 6);
		if (nh->af)
			buf_printf(e->b, "\t\tbgp_next_hop = %s;\n", ip_str(nh, tmp));
		buf_puts(e->b, "\t}\n\trs_scrub_out();\n");
		if (e->mo->maintenance)
			buf_puts(e->b, "\t# Maintenance (ixp.maintenance, --maintenance): members "
			    "move traffic away.\n\tbgp_community.add((65535, 0));\n");
		buf_puts(e->b, "}\n");
	}
}

static void
free_policy_fns(struct emitter *e)
{
	for (size_t i = 0; i < e->n_fn_list; i++) {
		free(e->fn_list[i]->body);
		free(e->fn_list[i]);
	}
	free(e->fn_list);
	free(e->sess_fn);
	hmap_free(&e->fns);
}

/*
 * The whitelist as the value of m_wlo (origin) or m_wlp (prefix), an
 * expression BIRD evaluates for the route at the call: the member's
 * whitelisted ASNs or prefixes, or one of its whitelisted routes.
 */
static void
print_wl_arg(struct emitter *e, const struct mmember *mm, int fam, bool origin)
{
	const int v = fam == FAM4 ? 4 : 6;
	const char *sep = "";
	char tmp[PFXRANGE_STRLEN];

	if (origin && mm->m->whitelist.asns.n > 0) {
		buf_printf(e->b, "bgp_path.last ~ AS%u_WL_ASNS", mm->m->asn);
		sep = " || ";
	}
	if (!origin && mm->wl_prefixes[fam].n > 0) {
		buf_printf(e->b, "net ~ AS%u_WL_PFX%d", mm->m->asn, v);
		sep = " || ";
	}
	for (size_t i = 0; i < mm->n_wl_routes[fam]; i++) {
		buf_printf(e->b, "%s(net ~ [%s] && bgp_path.last = %u)", sep,
		    pfxrange_format(&mm->wl_routes[fam][i].r, tmp), mm->wl_routes[fam][i].origin);
		sep = " || ";
	}
}

/* The session's filters: calls of the shared policies with its values. */
static void
print_filters(struct emitter *e, const struct msession *s, const struct policy_fn *fn,
    const struct setnames *sn)
{
	const struct mmember *mm = s->mm;
	const int v = s->fam == FAM4 ? 4 : 6;
	const char *sep = "";
	char tmp[ADDR_STRLEN];

	buf_printf(e->b, "filter rs_import_%s\n{\n\trs_in%d_p%u(", s->fname, v, fn->id);
	for (unsigned k = 0; k < N_PARAMS; k++) {
		if (!(fn->params & (1u << k)))
			continue;
		buf_puts(e->b, sep);
		sep = ", ";
		switch (1u << k) {
		case PA_ASN:
			buf_printf(e->b, "%u", mm->m->asn);
			break;
		case PA_PEER:
			buf_puts(e->b, ip_str(&s->nh, tmp));
			break;
		case PA_NHS:
			buf_printf(e->b, "AS%u_NH%d", mm->m->asn, v);
			break;
		case PA_CONE:
			buf_puts(e->b, sn->asns);
			break;
		case PA_PFX:
			buf_puts(e->b, sn->pfx[s->fam]);
			break;
		case PA_BH:
			buf_puts(e->b, sn->bh[s->fam]);
			break;
		case PA_BL:
			buf_printf(e->b, "AS%u_BLACKLIST%d", mm->m->asn, v);
			break;
		case PA_WLO:
		case PA_WLP:
			print_wl_arg(e, mm, s->fam, (1u << k) == PA_WLO);
			break;
		}
	}
	buf_printf(e->b, ");\n\taccept;\n}\n\nfilter rs_export_%s\n{\n", s->fname);
	/* IPv4 routes with an IPv6 next hop (RFC 8950) only where the session
	 * carries them. */
	if (e->mo->enh && s->fam == FAM4 && !s->over6)
		buf_puts(e->b, "\tif !bgp_next_hop.is_v4 then reject;\n");
	/* A member that wants no blackhole routes (policy.blackhole.receive). */
	if (!mm->m->policy.blackhole_receive)
		buf_puts(e->b, "\tif rs_is_blackhole() then reject;\n");
	buf_printf(e->b, "\trs_out%d(%u);\n", v, mm->m->asn);
	if (mm->m->policy.session.prepend_rs_as)
		buf_puts(e->b, "\tbgp_path.prepend(RS_ASN);\n");
	buf_puts(e->b, "\taccept;\n}\n\n");
}

static const char *
mp_action_bird(enum mp_action a)
{
	switch (a) {
	case MPA_WARN:
		return "warn";
	case MPA_BLOCK:
		return "block";
	case MPA_RESTART:
		return "restart";
	case MPA_DISABLE:
		return "disable";
	}
	return "restart";
}

/* A local file of the operator's (ixp.bird.include, members[].bird_include):
 * the loader checked that the path is absolute and needs no quoting. */
static void
print_include(struct emitter *e, const struct srcfile *f, const char *what, const char *indent)
{
	if (f->path != NULL)
		buf_printf(e->b, "%s# %s\n%sinclude \"%s\";\n", indent, what, indent, f->path);
}

/* A session's TCP-MD5 password, if it has one. */
static void
print_password(struct emitter *e, const char *md5)
{
	if (md5 == NULL)
		return;
	buf_puts(e->b, "\tpassword \"");
	bird_text(e->b, md5, 80);
	buf_puts(e->b, "\";\n");
	if (e->c->bird.tcp_auth)
		buf_puts(e->b, "\tauthentication md5;\n");
}

/* policy.session, the protocol-level part. */
static void
print_session_opts(struct emitter *e, const struct session_opts *o)
{
	if (o->passive)
		buf_puts(e->b, "\tpassive on;\n");
	if (o->multihop)
		buf_printf(e->b, "\tmultihop %u;\n", o->multihop);
	if (o->gtsm)
		buf_puts(e->b, "\tttl security on;\n");
	if (o->roles)
		buf_printf(e->b, "\tlocal role rs_server;\n%s",
		    o->roles_strict ? "\trequire roles on;\n" : "");
}

/* A session's channel of one family: its own, or (RFC 8950) the IPv4
 * channel of an IPv6 session, which does not have the template's. */
static void
print_channel(struct emitter *e, const struct msession *s)
{
	const struct mmember *mm = s->mm;
	const int v = s->fam == FAM4 ? 4 : 6;

	buf_printf(e->b, "\tipv%d {\n", v);
	if (s->over6)
		buf_printf(e->b, "\t\ttable master4;\n\t\timport table on;\n\t\timport keep "
		    "filtered on;\n%s\t\textended next hop on;\n",
		    e->mo->path_hiding ? "\t\tsecondary;\n" : "");
	/* receive: the routes the member sends; import: those accepted. */
	buf_printf(e->b, "\t\t%s limit %u action %s;\t# %s\n",
	    mm->m->policy.mp_count_rejected ? "receive" : "import",
	    mm->max_prefix[s->fam], mp_action_bird(mm->m->policy.mp_action),
	    mp_source_name(mm->mp_source[s->fam]));
	if (mm->m->policy.session.add_path)
		buf_puts(e->b, "\t\tadd paths tx;\n");
	if (mm->m->policy.session.multihop)
		buf_printf(e->b, "\t\tigp table rs_lan%d;\n", v);
	buf_printf(e->b, "\t\timport filter rs_import_%s;\n\t\texport filter rs_export_%s;\n\t};\n",
	    s->fname, s->fname);
}

/* The protocol of session `s`; `v4` its RFC 8950 IPv4 channel, or NULL. */
static void
print_session(struct emitter *e, const struct msession *s, const struct msession *v4)
{
	const struct mmember *mm = s->mm;
	const int v = s->fam == FAM4 ? 4 : 6;
	char tmp[ADDR_STRLEN];

	buf_printf(e->b, "protocol bgp %s from rs_client%d {\n\tdescription \"", s->name, v);
	buf_printf(e->b, "AS%u ", mm->m->asn);
	bird_text(e->b, mm->m->name, 80);
	buf_printf(e->b, "\";\n\tneighbor %s as %u;\n", ip_str(&s->peer, tmp), mm->m->asn);
	print_password(e, s->conn->md5);
	print_session_opts(e, &mm->m->policy.session);
	print_include(e, &e->c->bird_include[INC_SESSION], "ixp.bird.include.session", "\t");
	print_include(e, &mm->m->bird_include, "the member's bird_include", "\t");
	if (v4 != NULL)
		print_channel(e, v4);
	print_channel(e, s);
	buf_puts(e->b, "}\n\n");
}

static void
print_member(struct emitter *e, size_t idx)
{
	const struct model *mo = e->mo;
	const struct mmember *mm = &mo->members[idx];
	char tmp[ADDR_STRLEN];

	buf_printf(e->b, "\n# ---- AS%u ", mm->m->asn);
	bird_text(e->b, mm->m->name, 80);
	buf_puts(e->b, " ----\n# AS-SET: ");
	if (mm->as_set_source == ASS_ASN)
		buf_printf(e->b, "none (AS%u only)", mm->m->asn);
	else if (mm->as_set_source == ASS_PEERINGDB)
		buf_puts(e->b, "(from PeeringDB) ");
	for (size_t i = 0; i < mm->n_as_sets; i++)
		buf_printf(e->b, "%s%s", i ? ", " : "", mm->as_sets[i]);
	/* Over RTR the route objects are data, not config (report.json counts them). */
	if (mo->irr_rtr)
		buf_printf(e->b, "; %zu ASNs\n\n", mm->exp.n_asns);
	else
		buf_printf(e->b, "; %zu ASNs, %zu IPv4 and %zu IPv6 prefixes\n\n", mm->exp.n_asns,
		    mm->n_prefixes[FAM4], mm->n_prefixes[FAM6]);
	print_member_sets(e, idx);
	buf_putc(e->b, '\n');
	for (size_t i = 0; i < mo->n_sessions; i++) {
		const struct msession *s = &mo->sessions[i], *v4 = NULL;
		if (s->mm != mm || s->over6)
			continue;	/* an IPv4 channel: printed with its IPv6 session */
		if (e->sess_fn[i] == NULL) {
			buf_printf(e->b, "# %s (%s, %s) is not set up: route server %s has no "
			    "IPv%d address\n\n", s->name, fam_name(s->fam), ip_str(&s->peer, tmp),
			    e->rs->name, s->fam == FAM4 ? 4 : 6);
			continue;
		}
		print_filters(e, s, e->sess_fn[i], &e->names[idx]);
		if (i + 1 < mo->n_sessions && mo->sessions[i + 1].over6) {
			v4 = &mo->sessions[i + 1];
			print_filters(e, v4, e->sess_fn[i + 1], &e->names[idx]);
		}
		print_session(e, s, v4);
	}
}

/* ---- header, globals, tables ------------------------------------------- */

static void
print_header(struct emitter *e)
{
	const struct model *mo = e->mo;
	const struct config *c = e->c;

	buf_printf(e->b, "#\n# BIRD route-server configuration for %s of ", e->rs->name);
	bird_text(e->b, c->ixp_name, 100);
	buf_printf(e->b, "\n# Generated by ixp-rsc %s. Do not edit: change the member YAML "
	    "and regenerate.\n", e->o->version);
	if (e->o->timestamp)
		buf_printf(e->b, "# Generated at %s\n", e->o->timestamp);
	buf_printf(e->b, "# Members: %zu, sessions: %zu. Oldest BIRD: %u.%u.\n", mo->n_members,
	    mo->n_sessions, c->bird_major, c->bird_minor);
	if (mo->irr != NULL) {
		buf_puts(e->b, "# IRR sources in priority order:");
		for (size_t i = 0; i < mo->irr->n_sources; i++)
			buf_printf(e->b, " %s", mo->irr->sources[i]);
		buf_puts(e->b, "\n");
	}
	buf_printf(e->b, "# RPKI: %s.\n#\n\n", mo->rpki == RPKI_RTR ? "live over RTR" :
	    mo->rpki == RPKI_STATIC ? "static ROA tables from the VRP file" :
	    "none (routes tagged not checked)");
}

static void
print_globals(struct emitter *e)
{
	const struct config *c = e->c;
	char tmp[ADDR_STRLEN];

	buf_printf(e->b, "log syslog all;\nrouter id %s;\n\n", ip_str(&e->rs->router_id, tmp));
	/* Full dates in every reply: the looking glass and Alice-LG need them. */
	buf_puts(e->b, "timeformat base iso long;\ntimeformat log iso long;\n"
	    "timeformat protocol iso long;\ntimeformat route iso long;\n\n");
	buf_printf(e->b, "define RS_ASN = %u;\ndefine RS_ASN16 = %u;\ndefine RS_GSHUT_PREF = %u;\n\n",
	    c->rs_asn, c->rs_asn <= 65535 ? c->rs_asn : 0, c->gshut_local_pref);
	if (e->mo->lg_socket == LG_SOCKET_RESTRICTED) {
		buf_puts(e->b, "# Restricted control socket for ixp-lg.\ncli \"");
		bird_text(e->b, c->lg_socket, 200);
		buf_printf(e->b, "\" { restrict%s };\n\n", c->bird.cli_semicolon ? ";" : "");
	} else if (e->mo->lg_socket == LG_SOCKET_TOO_OLD) {
		buf_puts(e->b, "# ixp.bird.lg_socket needs BIRD 2.16; ixp-lg restricts "
		    "its sessions itself.\n\n");
	}
}

/* The peering LANs as directly connected routes, in tables of their own
 * (never in master4/6, which are exported to members), where multihop
 * sessions resolve their routes' next hops. */
static void
print_lan_tables(struct emitter *e)
{
	const struct config *c = e->c;
	char tmp[ADDR_STRLEN];

	if (!e->mo->lan_table[FAM4] && !e->mo->lan_table[FAM6])
		return;
	for (int fam = 0; fam < 2; fam++)
		if (e->mo->lan_table[fam])
			buf_printf(e->b, "ipv%d table rs_lan%d;\n", fam == FAM4 ? 4 : 6,
			    fam == FAM4 ? 4 : 6);
	buf_puts(e->b, "\n# Next hops of multihop sessions are resolved in the peering LANs.\n"
	    "protocol direct rs_lan {\n");
	for (int fam = 0; fam < 2; fam++) {
		const char *sep = "";
		if (!e->mo->lan_table[fam])
			continue;
		buf_printf(e->b, "\tipv%d {\n\t\ttable rs_lan%d;\n\t\timport where net ~ [ ",
		    fam == FAM4 ? 4 : 6, fam == FAM4 ? 4 : 6);
		for (size_t i = 0; i < c->peering_lans.n; i++)
			if (c->peering_lans.v[i].af == af_of_fam(fam)) {
				buf_printf(e->b, "%s%s+", sep, prefix_format(&c->peering_lans.v[i], tmp));
				sep = ", ";
			}
		buf_puts(e->b, " ];\n\t};\n");
	}
	buf_puts(e->b, "}\n");
}

static void
print_tables(struct emitter *e)
{
	/* Sorted tables let `secondary` export the next-best route when the
	 * best one is blocked for a member (no path hiding). */
	if (e->mo->path_hiding)
		buf_puts(e->b, "ipv4 table master4 sorted;\nipv6 table master6 sorted;\n");
	else
		buf_puts(e->b, "# ixp.bird.path_hiding is off: a member gets a prefix's best path "
		    "or none.\nipv4 table master4;\nipv6 table master6;\n");
	buf_puts(e->b, "roa4 table rpki4;\nroa6 table rpki6;\n");
	for (int ol = 0; ol < 2; ol++)
		if (e->mo->irr_tables[ol])
			buf_printf(e->b, "roa4 table rs_irr4%s;\nroa6 table rs_irr6%s;\n",
			    ol ? "_ol" : "", ol ? "_ol" : "");
	if (e->mo->aspa != ASPA_NONE)
		buf_puts(e->b, "aspa table rs_aspa;\n");
	buf_puts(e->b, "\nprotocol device {\n}\n");
	print_lan_tables(e);
}

/* A `protocol rpki`'s cache and timers, and its closing brace. */
static void
print_remote(struct emitter *e, const struct rtr_endpoint *r)
{
	char tmp[ADDR_STRLEN];

	if (r->ip.af != 0) {
		buf_printf(e->b, "\tremote %s port %u;\n", ip_str(&r->ip, tmp), r->port);
	} else {
		buf_puts(e->b, "\tremote \"");
		bird_text(e->b, r->host, 253);
		buf_printf(e->b, "\" port %u;\n", r->port);
	}
	/* A cache that is down is asked again every 30 s; its data stays for
	 * 48 hours, so a cache restart changes no verdict. */
	buf_puts(e->b, "\tretry keep 30;\n\trefresh keep 900;\n\texpire keep 172800;\n}\n");
}

/* A static ROA-table entry; without printf (the tables have millions). */
static void
print_roa_route(struct buf *b, const struct prefix *p, unsigned maxlen, uint32_t asn)
{
	char tmp[ADDR_STRLEN];

	buf_puts(b, "\troute ");
	buf_puts(b, prefix_format(p, tmp));
	buf_puts(b, " max ");
	buf_put_uint(b, maxlen);
	buf_puts(b, " as ");
	buf_put_uint(b, asn);
	buf_puts(b, ";\n");
}

static void
print_rpki(struct emitter *e)
{
	const struct model *mo = e->mo;

	if (mo->rpki == RPKI_RTR) {
		buf_puts(e->b, "\n# ---- RPKI over RTR: ROAs change live; `rpki reload` (on by "
		    "default, needs `import table`) re-evaluates routes ----\n");
		for (size_t i = 0; i < mo->n_rtr; i++) {
			const struct rtr_endpoint *r = &mo->rtr[i];
			buf_printf(e->b, "\nprotocol rpki rtr%zu {\n\troa4 { table rpki4; };\n"
			    "\troa6 { table rpki6; };\n", i + 1);
			if (mo->aspa == ASPA_FROM_RTR && r->aspa)
				buf_puts(e->b, "\taspa { table rs_aspa; };\n");
			print_remote(e, r);
		}
	} else if (mo->rpki == RPKI_STATIC) {
		const struct vrpset *v = mo->vrps;
		buf_printf(e->b, "\n# ---- RPKI: %zu VRPs from the validator export ----\n", v->n);
		for (int fam = 0; fam < 2; fam++) {
			int n = fam == FAM4 ? 4 : 6;
			buf_printf(e->b, "\nprotocol static rpki_static%d {\n\troa%d { table rpki%d; };\n",
			    n, n, n);
			for (size_t i = 0; i < v->n; i++) {
				struct prefix p = { v->v[i].a, v->v[i].len, v->v[i].af };
				if (v->v[i].af != af_of_fam(fam))
					continue;
				print_roa_route(e->b, &p, v->v[i].maxlen, v->v[i].asn);
			}
			buf_puts(e->b, "}\n");
		}
	}
	if (mo->aspa == ASPA_FROM_VRPS) {
		const struct vrpset *v = mo->vrps;
		buf_puts(e->b, "\nprotocol static rpki_aspa {\n\taspa { table rs_aspa; };\n");
		for (size_t i = 0; v != NULL && i < v->n_aspa; i++) {
			const struct vap *a = &v->aspa[i];
			if (a->n_providers == 0 || (a->n_providers == 1 && a->providers[0] == 0)) {
				buf_printf(e->b, "\troute aspa %u transit;\n", a->customer);
				continue;
			}
			buf_printf(e->b, "\troute aspa %u providers ", a->customer);
			for (size_t j = 0; j < a->n_providers; j++)
				buf_printf(e->b, "%s%u", j ? ", " : "", a->providers[j]);
			buf_puts(e->b, ";\n");
		}
		buf_puts(e->b, "}\n");
	}
}

/*
 * irr_filter: rtr. The tables are declared and filled by a cache per data
 * set (StayRTR on the irr-rtr-*.json files compile writes), so no route
 * object is in the config: a data change reaches BIRD without a
 * reconfigure. Each data set carries sentinel entries (emit_rtr): until
 * BIRD holds them (the caches have not answered since it started), check
 * 12 only warns, rather than filtering every route; check 9 still holds.
 */
static void
print_irr_rtr(struct emitter *e)
{
	static const char *const name[2] = { "exact", "or_longer" };
	const char *ret = e->c->bird.typed_returns ? " -> bool" : "";

	buf_printf(e->b, "\n# ---- IRR route objects of the members' cones (check %d), over RTR "
	    "----\n# from irr-rtr-exact.json and irr-rtr-or-longer.json, each served by its "
	    "own cache\n\ndefine RS_IRR_SENTINEL4 = %s;\ndefine RS_IRR_SENTINEL6 = %s;\n",
	    REJ_IRR_PREFIX, IRR_SENTINEL4, IRR_SENTINEL6);
	for (int ol = 0; ol < 2; ol++) {
		if (!e->mo->irr_tables[ol])
			continue;
		buf_printf(e->b, "\nprotocol rpki irr_%s {\n\troa4 { table rs_irr4%s; };\n"
		    "\troa6 { table rs_irr6%s; };\n", name[ol], ol ? "_ol" : "", ol ? "_ol" : "");
		print_remote(e, &e->mo->irr_caches[ol]);
	}
	for (int v = 4; v <= 6; v += 2) {
		buf_printf(e->b, "\n# Have the IRR caches answered since BIRD started?\n"
		    "function rs_irr_loaded%d()%s\n{\n\treturn ", v, ret);
		for (int ol = 0, n = 0; ol < 2; ol++)
			if (e->mo->irr_tables[ol])
				buf_printf(e->b, "%sroa_check(rs_irr%d%s, RS_IRR_SENTINEL%d, %u) = ROA_VALID",
				    n++ ? " &&\n\t    " : "", v, ol ? "_ol" : "", v, IRR_SENTINEL_ASN);
		buf_puts(e->b, ";\n}\n");
	}
}

/*
 * The IRR as ROA-style tables, shared by all members: (prefix, origin) of
 * every route object whose origin is in some member's cone. Exact entries
 * (max = length) for check 12; or-longer entries (max /32, /128) for
 * blackholes and allow_more_specifics. Written in prefix order, the order
 * BIRD sorts static routes into.
 */
static void
print_irr_tables(struct emitter *e)
{
	const struct irrdb *db = e->mo->irr;

	if (!e->mo->irr_tables[0] && !e->mo->irr_tables[1])
		return;
	if (e->mo->irr_rtr) {
		print_irr_rtr(e);
		return;
	}
	buf_printf(e->b, "\n# ---- IRR route objects of the members' cones (check %d) ----\n",
	    REJ_IRR_PREFIX);
	for (int ol = 0; ol < 2; ol++) {
		for (int fam = 0; e->mo->irr_tables[ol] && fam < 2; fam++) {
			const int v = fam == FAM4 ? 4 : 6, af = af_of_fam(fam);
			const char *sfx = ol ? "_ol" : "";

			buf_printf(e->b, "\nprotocol static irr%d%s {\n\troa%d { table rs_irr%d%s; };\n",
			    v, sfx, v, v, sfx);
			for (size_t k = 0; db != NULL && k < db->n_routes; k++) {
				uint32_t i = db->by_pfx[k];
				const struct irr_route *r = &db->routes[i];
				struct prefix p = { r->a, r->len, r->af };
				unsigned maxlen;
				if (r->af == af && model_irr_entry(e->mo, i, ol, &maxlen))
					print_roa_route(e->b, &p, maxlen, r->origin);
			}
			buf_puts(e->b, "}\n");
		}
	}
}

static void
print_templates(struct emitter *e)
{
	char tmp[ADDR_STRLEN];

	for (int fam = 0; fam < 2; fam++) {
		int v = fam == FAM4 ? 4 : 6;
		if (e->rs->addr[fam].af == 0)
			continue;
		buf_printf(e->b, "\ntemplate bgp rs_client%d {\n\tlocal %s as RS_ASN;\n", v,
		    ip_str(&e->rs->addr[fam], tmp));
		/* Transparent, and members' RFC 1997 communities pass through:
		 * NO_EXPORT is for the receiving member, not for us. */
		buf_puts(e->b, "\trs client;\n\tinterpret communities off;\n");
		buf_printf(e->b, "\tipv%d {\n\t\ttable master%d;\n\t\timport table on;\n"
		    "\t\timport keep filtered on;\n%s\t};\n}\n", v, v,
		    e->mo->path_hiding ? "\t\tsecondary;\n" : "");
		print_include(e, &e->c->bird_include[fam == FAM4 ? INC_IPV4 : INC_IPV6],
		    fam == FAM4 ? "ixp.bird.include.ipv4" : "ixp.bird.include.ipv6", "");
	}
}

/*
 * collectors[]: not members. Every route the route server accepted goes
 * out as it holds it (rs client: path and next hop unchanged), nothing
 * comes in; their own template keeps them apart from the members'.
 */
static void
print_collectors(struct emitter *e)
{
	const struct model *mo = e->mo;
	char tmp[ADDR_STRLEN];

	if (mo->n_collectors == 0)
		return;
	buf_puts(e->b, "\n# ---- collectors and feeds (not members) ----\n\n"
	    "filter rs_to_collector\n{\n\tif source != RTS_BGP then reject;\n\taccept;\n}\n");
	for (int fam = 0; fam < 2; fam++) {
		int v = fam == FAM4 ? 4 : 6;
		if (!mo->collector_fam[fam] || e->rs->addr[fam].af == 0)
			continue;
		buf_printf(e->b, "\ntemplate bgp rs_collector%d {\n\tlocal %s as RS_ASN;\n"
		    "\trs client;\n\tinterpret communities off;\n\tipv%d {\n\t\ttable master%d;\n"
		    "\t\timport none;\n\t\texport filter rs_to_collector;\n\t};\n}\n", v,
		    ip_str(&e->rs->addr[fam], tmp), v, v);
	}
	for (size_t i = 0; i < mo->n_collectors; i++) {
		const struct mcollector *mc = &mo->collectors[i];
		int v = mc->fam == FAM4 ? 4 : 6;
		if (e->rs->addr[mc->fam].af == 0)
			continue;
		buf_printf(e->b, "\nprotocol bgp %s from rs_collector%d {\n\tdescription \"collector "
		    "%s\";\n\tneighbor %s as %u;\n", mc->name, v, mc->co->name,
		    ip_str(&mc->co->addr[mc->fam], tmp), mc->co->asn);
		print_password(e, mc->co->md5);
		if (mc->co->add_path)
			buf_printf(e->b, "\tipv%d {\n\t\tadd paths tx;\n\t};\n", v);
		buf_puts(e->b, "}\n");
	}
}

/*
 * policies/rs_functions.bird as this BIRD takes it: the file declares its
 * return types (`function f() -> bool`), which BIRD before 2.14 refuses.
 */
static void
print_functions(struct emitter *e)
{
	const char *p = policies_rs_functions_bird;

	/* rs_reject's Euro-IX twin (policy.reject_communities), from the reasons table. */
	if (e->mo->euroix_reject) {
		buf_puts(e->b, "\n# Euro-IX reject codes (RS_ASN, 1101, x) beside ixp-rs's own, for "
		    "IXP Manager's\n# looking glass (reasons.json has the mapping).\n"
		    "function rs_euroix(int reason)\n{\n\tcase reason {\n");
		for (int c = 1; c <= REJ_MAX; c++)
			if (reason_get(c)->euroix)
				buf_printf(e->b, "\t%d: bgp_large_community.add((RS_ASN, %d, %d));\n",
				    c, LC_EUROIX_REJECT, reason_get(c)->euroix);
		buf_puts(e->b, "\t}\n}\n");
	} else {
		buf_puts(e->b, "\n# Filtered routes carry ixp-rs's reject codes only "
		    "(policy.reject_communities: ixp-rs).\nfunction rs_euroix(int reason)\n{\n}\n");
	}
	/* What rs_reject ends with (policy.reject_policy). */
	if (e->mo->tag_rejected)
		buf_puts(e->b, "\n# policy.reject_policy: tag. A route that fails a check is kept with "
		    "its reason,\n# least preferred, and never exported to a member (rs_export_ok); "
		    "collectors\n# receive it.\nfunction rs_drop()\n{\n\tbgp_local_pref = 0;\n"
		    "\taccept;\n}\n");
	else
		buf_puts(e->b, "\n# policy.reject_policy: reject (kept as BIRD's filtered routes).\n"
		    "function rs_drop()\n{\n\treject;\n}\n");
	buf_puts(e->b, "\n# ---- route-server functions (policies/rs_functions.bird) ----\n");
	while (*p) {
		size_t n = strcspn(p, "\n");
		const char *ret = strstr(p, ") -> ");
		if (!e->c->bird.typed_returns && !strncmp(p, "function ", 9) && ret != NULL &&
		    ret < p + n)
			buf_add(e->b, p, (size_t)(ret - p) + 1);
		else
			buf_add(e->b, p, n);
		buf_putc(e->b, '\n');
		p += n + (p[n] == '\n');
	}
}

void
emit_bird_data(struct buf *out, const struct model *mo)
{
	struct emitter e = { out, mo, mo->c, NULL, NULL, NULL, { NULL, 0, 0 }, NULL, 0, NULL };

	print_rpki(&e);
	print_irr_tables(&e);
}

void
emit_bird(struct buf *out, const struct model *mo, const struct route_server *rs,
    const struct emit_opts *o, const struct buf *data)
{
	struct emitter e = { out, mo, mo->c, rs, o, NULL, { NULL, 0, 0 }, NULL, 0, NULL };

	assign_set_names(&e);
	assign_policy_fns(&e);
	print_header(&e);
	print_globals(&e);
	print_include(&e, &mo->c->bird_include[INC_HEADER], "ixp.bird.include.header", "");
	print_tables(&e);
	if (data != NULL) {
		if (data->len > 0)
			buf_add(out, data->p, data->len);
	} else
		emit_bird_data(out, mo);
	print_functions(&e);
	print_global_sets(&e);
	print_templates(&e);
	print_policy_fns(&e);
	for (size_t i = 0; i < mo->n_members; i++)
		print_member(&e, i);
	print_collectors(&e);
	print_include(&e, &mo->c->bird_include[INC_FOOTER], "ixp.bird.include.footer", "");
	free_policy_fns(&e);
	free(e.names);
}
