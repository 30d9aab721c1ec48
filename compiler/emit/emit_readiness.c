#include "emit_readiness.h"

#include <stdio.h>

static void
pct(struct buf *b, size_t n, size_t of)
{
	if (of == 0)
		buf_puts(b, "-");
	else
		buf_printf(b, "%zu%%", (n * 100 + of / 2) / of);
}

static void
member(struct buf *b, const struct readiness *rd, const struct ready_member *m)
{
	const struct mmember *mm = m->mm;

	buf_printf(b, "\nAS%u %s%s\n", mm->m->asn, mm->m->name, mm->m->manrs ? " (MANRS)" : "");
	buf_printf(b, "  IRR: %zu IPv4 and %zu IPv6 route objects for ", mm->n_prefixes[0],
	    mm->n_prefixes[1]);
	if (mm->n_as_sets)
		buf_printf(b, "%s%s", mm->as_sets[0], mm->n_as_sets > 1 ? " and more" : "");
	else
		buf_printf(b, "AS%u", mm->m->asn);
	buf_printf(b, "; %s\n", m->irr_complete ? "complete" : "incomplete");
	buf_printf(b, "  RPKI: %zu of %zu route objects covered by a ROA, %zu invalid; %s\n",
	    m->f.with_roa[0] + m->f.with_roa[1], m->f.route_objects[0] + m->f.route_objects[1],
	    m->f.stale, m->roa_complete ? "complete" : "incomplete");
	if (rd->rs != NULL) {
		buf_printf(b, "  On %s: %zu routes announced, %zu accepted, %zu filtered; RPKI "
		    "valid %zu, unknown %zu, invalid %zu\n", rd->rs, m->live.announced,
		    m->live.accepted, m->live.filtered, m->live.rpki[RPKI_TAG_VALID],
		    m->live.rpki[RPKI_TAG_UNKNOWN], m->live.rpki[RPKI_TAG_INVALID]);
		for (int c = 0; c <= REJ_MAX; c++)
			if (m->live.by_reason[c])
				buf_printf(b, "    filtered, %d %s: %zu (e.g. %s)\n", c,
				    c ? reason_get(c)->text : "no reason tag",
				    m->live.by_reason[c], m->live.example[c]);
	}
	if (m->n_fixes == 0)
		buf_puts(b, "  Nothing to fix.\n");
	for (size_t k = 0; k < m->n_fixes; k++)
		buf_printf(b, "  %zu. %s\n", k + 1, m->fixes[k]);
}

void
emit_readiness_text(struct buf *b, const struct readiness *rd, uint32_t only)
{
	const struct config *c = rd->mo->c;

	if (only == 0) {
		buf_printf(b, "Routing readiness of the members of %s%s%s\n", c->ixp_name,
		    rd->rs ? ", with the routes of " : " (compile data only)", rd->rs ? rd->rs : "");
		buf_printf(b, "  %zu members, %zu in MANRS; complete IRR data: %zu (", rd->n_members,
		    rd->n_manrs, rd->n_irr_complete);
		pct(b, rd->n_irr_complete, rd->n_members);
		buf_printf(b, "); every route object with a ROA: %zu (", rd->n_roa_complete);
		pct(b, rd->n_roa_complete, rd->n_members);
		buf_puts(b, ")\n");
		if (rd->rs != NULL) {
			buf_printf(b, "  %zu routes: %zu accepted, %zu filtered (", rd->live.announced,
			    rd->live.accepted, rd->live.filtered);
			pct(b, rd->live.filtered, rd->live.announced);
			buf_printf(b, "); RPKI valid %zu (", rd->live.rpki[RPKI_TAG_VALID]);
			pct(b, rd->live.rpki[RPKI_TAG_VALID], rd->live.announced);
			buf_printf(b, "), invalid %zu\n", rd->live.rpki[RPKI_TAG_INVALID]);
			for (int k = 0; k <= REJ_MAX; k++)
				if (rd->live.by_reason[k])
					buf_printf(b, "    filtered, %d %s: %zu\n", k, k ?
					    reason_get(k)->text : "no reason tag",
					    rd->live.by_reason[k]);
		}
	}
	for (size_t i = 0; i < rd->n_members; i++)
		if (only == 0 || rd->members[i].mm->m->asn == only)
			member(b, rd, &rd->members[i]);
}
