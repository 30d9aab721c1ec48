#include "impact.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "hmap.h"
#include "reasons.h"
#include "xalloc.h"

/* A session BIRD has: the member it belongs to, and the model's session of
 * that name (NULL: the new config drops it). */
struct sess_ent {
	char			 name[24];
	size_t			 member;	/* index into impact_rs.members */
	const struct msession	*ms;
	struct sess_ent		*next;		/* all of them, for freeing */
};

struct impact_index {
	struct hmap	 by_name;
	struct sess_ent	*all;
};

void
impact_init(struct impact *im, const struct model *mo)
{
	memset(im, 0, sizeof(*im));
	im->mo = mo;
}

static const struct msession *
model_session(const struct model *mo, const char *name)
{
	for (size_t i = 0; i < mo->n_sessions; i++)
		if (!strcmp(mo->sessions[i].name, name))
			return &mo->sessions[i];
	return NULL;
}

static bool
has_name(char **v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i], name))
			return true;
	return false;
}

static void
push_name(char ***v, size_t *n, const char *name)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = xstrdup(name);
}

struct impact_rs *
impact_rs_add(struct impact *im, const char *name, const char *version, char **sessions,
    size_t n_sessions)
{
	const struct model *mo = im->mo;
	struct impact_rs *irs;
	const struct route_server *rs = NULL;

	im->rs = xrealloc(im->rs, (im->n_rs + 1) * sizeof(*im->rs));
	irs = &im->rs[im->n_rs++];
	memset(irs, 0, sizeof(*irs));
	irs->name = name;
	snprintf(irs->version, sizeof(irs->version), "%s", version);
	irs->index = xcalloc(1, sizeof(*irs->index));
	for (size_t i = 0; i < mo->c->n_rs; i++)
		if (!strcmp(mo->c->rs[i].name, name))
			rs = &mo->c->rs[i];
	/* Sessions of the new config this route server would get (those of a
	 * family it has an address of), against those BIRD runs now. */
	for (size_t i = 0; rs != NULL && i < mo->n_sessions; i++)
		if (!mo->sessions[i].over6 && rs->addr[mo->sessions[i].fam].af != 0 &&
		    !has_name(sessions, n_sessions, mo->sessions[i].name))
			push_name(&irs->added, &irs->n_added, mo->sessions[i].name);
	for (size_t i = 0; i < n_sessions; i++) {
		const struct msession *ms = model_session(mo, sessions[i]);
		if (ms == NULL && model_collector(mo, sessions[i]) != NULL)
			continue;	/* not a member's: its routes are not judged */
		if (ms == NULL || rs == NULL || rs->addr[ms->fam].af == 0)
			push_name(&irs->removed, &irs->n_removed, sessions[i]);
	}
	return irs;
}


static struct sess_ent *
session_of(struct impact *im, struct impact_rs *irs, const char *name)
{
	struct impact_index *ix = irs->index;
	struct sess_ent *e = hmap_get(&ix->by_name, name);
	uint32_t asn;
	size_t m;

	if (e != NULL || (asn = model_session_asn(name)) == 0 || strlen(name) >= sizeof(e->name))
		return e;
	for (m = 0; m < irs->n_members && irs->members[m].asn != asn; m++)
		;
	if (m == irs->n_members) {
		const struct mmember *mm = model_member(im->mo, asn);
		irs->members = xrealloc(irs->members, (m + 1) * sizeof(*irs->members));
		memset(&irs->members[m], 0, sizeof(irs->members[m]));
		irs->members[m].asn = asn;
		irs->members[m].name = mm != NULL ? mm->m->name : NULL;
		irs->n_members++;
	}
	e = xcalloc(1, sizeof(*e));
	memcpy(e->name, name, strlen(name) + 1);
	e->member = m;
	e->ms = model_session(im->mo, name);
	if (e->ms != NULL && has_name(irs->removed, irs->n_removed, name))
		e->ms = NULL;	/* this route server no longer has that family */
	e->next = ix->all;
	ix->all = e;
	hmap_put(&ix->by_name, e->name, e);
	return e;
}

/* (RS, 65520, code) of a filtered route; (RS, 1000, tag) of any. */
static int
route_tag(const struct bird_route *r, uint32_t rs_asn, uint32_t kind)
{
	return (int)bp_route_lc(r, rs_asn, kind);
}

/* The question `explain` answers, about a route BIRD holds. */
static bool
route_query_of(const struct model *mo, const struct bird_route *r, const struct impact_rs *irs,
    const struct sess_ent *e, bool filtered, struct route_query *q)
{
	char nh[ADDR_STRLEN + 1];
	size_t n;

	memset(q, 0, sizeof(*q));
	q->member = e->ms->mm->m->asn;
	q->rs = irs->name;
	q->session = e->name;
	q->msession = e->ms;
	if (prefix_parse(r->network, strlen(r->network), &q->prefix) != ADDR_OK)
		return false;
	/* An IPv4 route of an IPv6 session (RFC 8950): its IPv4 channel. */
	if (fam_of_af(q->prefix.af) != e->ms->fam &&
	    (q->msession = model_session_of(mo, e->name, fam_of_af(q->prefix.af))) == NULL)
		return false;
	q->path_len = r->n_as_path < EXPLAIN_MAX_PATH ? r->n_as_path : EXPLAIN_MAX_PATH;
	memcpy(q->path, r->as_path, q->path_len * sizeof(*q->path));
	/* BGP.next_hop of an IPv6 route may add the link-local address. */
	n = strcspn(r->next_hop, " ");
	if (n > 0 && n < sizeof(nh)) {
		memcpy(nh, r->next_hop, n);
		nh[n] = '\0';
		if (ip_parse(nh, n, &q->next_hop) != ADDR_OK)
			memset(&q->next_hop, 0, sizeof(q->next_hop));
	}
	for (size_t i = 0; i < r->n_communities && q->n_comms < EXPLAIN_MAX_COMMS; i++) {
		q->comms[q->n_comms][0] = r->communities[i][0];
		q->comms[q->n_comms][1] = r->communities[i][1];
		q->n_comms++;
	}
	q->rpki_live = route_tag(r, mo->c->rs_asn, LC_RPKI_STATE);
	if (filtered && route_tag(r, mo->c->rs_asn, LC_REJECT) == REJ_RPKI_INVALID)
		q->rpki_live = RPKI_TAG_INVALID;
	return true;
}

void
impact_route(struct impact *im, struct impact_rs *irs, const struct bird_route *r,
    bool filtered)
{
	uint32_t rs_asn = im->mo->c->rs_asn;
	struct sess_ent *e = session_of(im, irs, r->from_protocol);
	struct impact_member *m;
	struct route_query q;
	struct explain_result res;
	int before, after;

	if (e == NULL)
		return;		/* not a member session: a static protocol, say */
	/* reject_policy: tag keeps a failed route among the accepted ones,
	 * with its reason; members cannot send the tag (rs_scrub_in). */
	if (!filtered && route_tag(r, rs_asn, LC_REJECT) != 0)
		filtered = true;
	m = &irs->members[e->member];
	irs->routes++;
	if (filtered) {
		m->filtered++;
		before = route_tag(r, rs_asn, LC_REJECT);
		if (before == 0)
			before = IMPACT_NO_REASON;
	} else {
		m->accepted++;
		before = 0;
	}
	if (e->ms == NULL)
		after = IMPACT_GONE;
	else if (!route_query_of(im->mo, r, irs, e, filtered, &q) ||
	    explain_route(NULL, im->mo, &q, &res) != 0)
		return;		/* not a route of ours to judge (BIRD's own text changed?) */
	else
		after = res.accepted ? 0 : res.code;
	if (before == after)
		return;
	if (after == IMPACT_GONE) {
		if (before == 0)
			irs->lost++;
		return;		/* counted per session, not per route */
	}
	if (before == 0)
		m->to_filtered++;
	else if (after == 0)
		m->to_accepted++;
	else
		m->reason_changed++;
	if (m->n_changes < IMPACT_MAX_LISTED) {
		m->changes = xrealloc(m->changes, (m->n_changes + 1) * sizeof(*m->changes));
		struct impact_change *c = &m->changes[m->n_changes++];
		snprintf(c->network, sizeof(c->network), "%s", r->network);
		snprintf(c->session, sizeof(c->session), "%s", e->name);
		c->before = before;
		c->after = after;
	}
}

static int
cmp_member(const void *a, const void *b)
{
	const struct impact_member *x = a, *y = b;

	return x->asn < y->asn ? -1 : x->asn > y->asn;
}

static int
cmp_change(const void *a, const void *b)
{
	const struct impact_change *x = a, *y = b;
	int r = strcmp(x->session, y->session);

	return r ? r : strcmp(x->network, y->network);
}

void
impact_finish(struct impact *im, const struct impact_limits *lim)
{
	im->to_filtered = im->to_accepted = im->reason_changed = 0;
	im->over = false;
	for (size_t i = 0; i < im->n_rs; i++) {
		struct impact_rs *irs = &im->rs[i];
		/* The session index points into members: sort only now, when
		 * every route is in. */
		if (irs->n_members > 1)
			qsort(irs->members, irs->n_members, sizeof(*irs->members), cmp_member);
		im->to_filtered += irs->lost;
		for (size_t k = 0; k < irs->n_members; k++) {
			struct impact_member *m = &irs->members[k];
			if (m->n_changes > 1)
				qsort(m->changes, m->n_changes, sizeof(*m->changes), cmp_change);
			im->to_filtered += m->to_filtered;
			im->to_accepted += m->to_accepted;
			im->reason_changed += m->reason_changed;
			if (!im->over && m->accepted >= lim->member_min &&
			    m->to_filtered * 100 > (size_t)lim->member_pct * m->accepted) {
				im->over = true;
				snprintf(im->why, sizeof(im->why), "%s: AS%u would lose %zu of its %zu "
				    "accepted routes (more than %u%%)", irs->name, m->asn,
				    m->to_filtered, m->accepted, lim->member_pct);
			}
		}
	}
	if (!im->over && im->to_filtered > lim->total) {
		im->over = true;
		snprintf(im->why, sizeof(im->why), "%zu routes would be newly filtered or dropped "
		    "(more than %zu)", im->to_filtered, lim->total);
	}
}

void
impact_free(struct impact *im)
{
	for (size_t i = 0; i < im->n_rs; i++) {
		struct impact_rs *irs = &im->rs[i];
		for (size_t k = 0; k < irs->n_members; k++)
			free(irs->members[k].changes);
		free(irs->members);
		for (size_t k = 0; k < irs->n_added; k++)
			free(irs->added[k]);
		for (size_t k = 0; k < irs->n_removed; k++)
			free(irs->removed[k]);
		free(irs->added);
		free(irs->removed);
		for (struct sess_ent *e = irs->index->all, *n; e != NULL; e = n) {
			n = e->next;
			free(e);
		}
		hmap_free(&irs->index->by_name);
		free(irs->index);
	}
	free(im->rs);
	memset(im, 0, sizeof(*im));
}
