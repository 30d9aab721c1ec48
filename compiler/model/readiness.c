#include "readiness.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* What the compile found of a member; points into the model. */
static void
facts(struct ready_facts *f, const struct mmember *mm)
{
	for (int fam = 0; fam < 2; fam++) {
		f->route_objects[fam] = mm->n_prefixes[fam];
		f->with_roa[fam] = mm->rpki_covered[fam];
	}
	f->stale = mm->rpki_invalid;
	f->stale_example = mm->n_rpki_invalid_examples ? mm->rpki_invalid_examples[0] : NULL;
	f->connected = mm->has_family[0] || mm->has_family[1];
	f->advice = (const char *const *)mm->advice;
	f->n_advice = mm->n_advice;
}

void
readiness_init(struct readiness *rd, const struct model *mo)
{
	memset(rd, 0, sizeof(*rd));
	rd->mo = mo;
	rd->n_members = mo->n_members;
	rd->members = xcalloc(mo->n_members ? mo->n_members : 1, sizeof(*rd->members));
	for (size_t i = 0; i < mo->n_members; i++) {
		rd->members[i].mm = &mo->members[i];
		facts(&rd->members[i].f, &mo->members[i]);
	}
}

void
readiness_route(struct readiness *rd, const struct bird_route *r, bool filtered)
{
	const struct mmember *mm = model_member(rd->mo, model_session_asn(r->from_protocol));
	uint32_t rs = rd->mo->c->rs_asn;
	unsigned code, tag;

	if (mm == NULL)
		return;		/* not a member session (a static route, a collector) */
	tag = bp_route_lc(r, rs, LC_RPKI_STATE);
	code = filtered ? bp_route_lc(r, rs, LC_REJECT) : 0;
	ready_live_add(&rd->members[mm - rd->mo->members].live, filtered, code, tag, r->network);
	ready_live_add(&rd->live, filtered, code, tag, r->network);
}

static const char *
reason_text(const void *ctx, int code, const char **hint)
{
	(void)ctx;
	*hint = reason_get(code)->hint;
	return reason_get(code)->text;
}

void
readiness_finish(struct readiness *rd)
{
	for (size_t i = 0; i < rd->n_members; i++) {
		struct ready_member *m = &rd->members[i];
		const struct ready_live *live = rd->rs ? &m->live : NULL;

		m->irr_complete = ready_irr_complete(&m->f, live);
		m->roa_complete = ready_roa_complete(&m->f);
		rd->n_irr_complete += m->irr_complete;
		rd->n_roa_complete += m->roa_complete;
		rd->n_manrs += m->mm->m->manrs;
		m->n_fixes = ready_fixes(&m->f, live, reason_text, NULL, m->fixes);
	}
}

void
readiness_free(struct readiness *rd)
{
	for (size_t i = 0; i < rd->n_members; i++)
		for (size_t k = 0; k < rd->members[i].n_fixes; k++)
			free(rd->members[i].fixes[k]);
	free(rd->members);
}
