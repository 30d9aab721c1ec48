#include "readiness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

void
readiness_init(struct readiness *rd, const struct model *mo)
{
	memset(rd, 0, sizeof(*rd));
	rd->mo = mo;
	rd->n_members = mo->n_members;
	rd->members = xcalloc(mo->n_members ? mo->n_members : 1, sizeof(*rd->members));
	for (size_t i = 0; i < mo->n_members; i++)
		rd->members[i].mm = &mo->members[i];
}

void
readiness_route(struct readiness *rd, const struct bird_route *r, bool filtered)
{
	const struct mmember *mm = model_member(rd->mo, model_session_asn(r->from_protocol));
	uint32_t rs = rd->mo->c->rs_asn;
	struct ready_member *m;
	uint32_t code, tag;

	if (mm == NULL)
		return;		/* not a member session (a static route, a collector) */
	m = &rd->members[mm - rd->mo->members];
	m->announced++;
	rd->routes++;
	tag = bp_route_lc(r, rs, LC_RPKI_STATE);
	tag = tag <= RPKI_TAG_INVALID ? tag : 0;
	m->rpki[tag]++;
	rd->rpki[tag]++;
	if (!filtered) {
		m->accepted++;
		rd->accepted++;
		return;
	}
	code = bp_route_lc(r, rs, LC_REJECT);
	code = code <= REJ_MAX ? code : 0;
	m->filtered++;
	m->by_reason[code]++;
	rd->filtered++;
	rd->by_reason[code]++;
	if (m->example[code][0] == '\0')
		snprintf(m->example[code], sizeof(m->example[code]), "%s", r->network);
}

static void
fix(struct ready_member *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
fix(struct ready_member *m, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	if (m->n_fixes == READY_MAX_FIXES)
		return;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	m->fixes[m->n_fixes++] = buf_steal(&b);
}

/* The fixes, most urgent first: what makes routes invalid or filtered,
 * then what would, then what would make them safer. */
static void
fixes(struct ready_member *m)
{
	const struct mmember *mm = m->mm;
	size_t objs = mm->n_prefixes[0] + mm->n_prefixes[1];
	size_t covered = mm->rpki_covered[0] + mm->rpki_covered[1];

	if (m->by_reason[REJ_RPKI_INVALID])
		fix(m, "%zu announced route%s RPKI invalid (e.g. %s): fix the ROA (origin and "
		    "maxLength) or stop announcing it", m->by_reason[REJ_RPKI_INVALID],
		    m->by_reason[REJ_RPKI_INVALID] == 1 ? " is" : "s are",
		    m->example[REJ_RPKI_INVALID]);
	if (m->by_reason[REJ_IRR_PREFIX])
		fix(m, "%zu announced route%s no route object (e.g. %s): create route/route6 "
		    "objects with the right origin", m->by_reason[REJ_IRR_PREFIX],
		    m->by_reason[REJ_IRR_PREFIX] == 1 ? " has" : "s have", m->example[REJ_IRR_PREFIX]);
	if (m->by_reason[REJ_IRR_ORIGIN])
		fix(m, "%zu announced route%s an origin outside your AS-SET (e.g. %s): add the "
		    "origin to the AS-SET", m->by_reason[REJ_IRR_ORIGIN],
		    m->by_reason[REJ_IRR_ORIGIN] == 1 ? " has" : "s have", m->example[REJ_IRR_ORIGIN]);
	for (int c = 1; c <= REJ_MAX; c++)
		if (m->by_reason[c] && c != REJ_RPKI_INVALID && c != REJ_IRR_PREFIX &&
		    c != REJ_IRR_ORIGIN)
			fix(m, "%zu route%s filtered: %s (e.g. %s). %s", m->by_reason[c],
			    m->by_reason[c] == 1 ? "" : "s", reason_get(c)->text, m->example[c],
			    reason_get(c)->hint);
	if (objs == 0 && (mm->has_family[0] || mm->has_family[1]))
		fix(m, "no route objects found for your AS-SET: register route/route6 objects, or "
		    "every route will be filtered");
	if (mm->rpki_invalid)
		fix(m, "%zu registered route object%s RPKI invalid (e.g. %s): delete the stale "
		    "object or fix the ROA", mm->rpki_invalid, mm->rpki_invalid == 1 ? " is" :
		    "s are", mm->n_rpki_invalid_examples ? mm->rpki_invalid_examples[0] : "");
	for (size_t w = 0; w < mm->n_warnings; w++)
		if (strstr(mm->warnings[w], "AS-SET") != NULL)
			fix(m, "%s", mm->warnings[w]);
	if (objs > covered)
		fix(m, "%zu of %zu route objects have no covering ROA: create ROAs for them",
		    objs - covered, objs);
}

void
readiness_finish(struct readiness *rd)
{
	for (size_t i = 0; i < rd->n_members; i++) {
		struct ready_member *m = &rd->members[i];
		const struct mmember *mm = m->mm;
		size_t objs = mm->n_prefixes[0] + mm->n_prefixes[1];
		m->irr_complete = objs > 0 && m->by_reason[REJ_IRR_PREFIX] == 0 &&
		    m->by_reason[REJ_IRR_ORIGIN] == 0;
		m->roa_complete = objs > 0 && mm->rpki_covered[0] + mm->rpki_covered[1] == objs &&
		    mm->rpki_invalid == 0;
		rd->n_irr_complete += m->irr_complete;
		rd->n_roa_complete += m->roa_complete;
		rd->n_manrs += mm->m->manrs;
		fixes(m);
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
