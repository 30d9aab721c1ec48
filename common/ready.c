#include "ready.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"

void
ready_live_add(struct ready_live *l, bool filtered, unsigned reject, unsigned rpki,
    const char *network)
{
	unsigned code = reject <= REJ_MAX ? reject : 0;

	l->announced++;
	l->rpki[rpki <= RPKI_TAG_INVALID ? rpki : 0]++;
	if (!filtered) {
		l->accepted++;
		return;
	}
	l->filtered++;
	l->by_reason[code]++;
	if (l->example[code][0] == '\0')
		snprintf(l->example[code], sizeof(l->example[code]), "%s", network);
}

void
ready_live_sum(struct ready_live *to, const struct ready_live *from)
{
	to->announced += from->announced;
	to->accepted += from->accepted;
	to->filtered += from->filtered;
	for (int c = 0; c <= REJ_MAX; c++) {
		to->by_reason[c] += from->by_reason[c];
		if (to->example[c][0] == '\0')
			memcpy(to->example[c], from->example[c], sizeof(to->example[c]));
	}
	for (int t = 0; t <= RPKI_TAG_INVALID; t++)
		to->rpki[t] += from->rpki[t];
}

struct fixes {
	char	**v;
	size_t	  n;
};

static void
fix(struct fixes *fx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
fix(struct fixes *fx, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	if (fx->n == READY_MAX_FIXES)
		return;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	fx->v[fx->n++] = buf_steal(&b);
}

/* "1 route is" / "3 routes are" */
static const char *
verb(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

size_t
ready_fixes(const struct ready_facts *f, const struct ready_live *live, ready_reason_fn reason,
    const void *ctx, char **out)
{
	struct fixes fx = { out, 0 };
	size_t objs = f->route_objects[0] + f->route_objects[1];
	size_t covered = f->with_roa[0] + f->with_roa[1];
	const size_t *by = live ? live->by_reason : NULL;

	if (by && by[REJ_RPKI_INVALID])
		fix(&fx, "%zu announced route%s RPKI invalid (e.g. %s): fix the ROA (origin and "
		    "maxLength) or stop announcing it", by[REJ_RPKI_INVALID],
		    verb(by[REJ_RPKI_INVALID], " is", "s are"), live->example[REJ_RPKI_INVALID]);
	if (by && by[REJ_IRR_PREFIX])
		fix(&fx, "%zu announced route%s no route object (e.g. %s): create route/route6 "
		    "objects with the right origin", by[REJ_IRR_PREFIX],
		    verb(by[REJ_IRR_PREFIX], " has", "s have"), live->example[REJ_IRR_PREFIX]);
	if (by && by[REJ_IRR_ORIGIN])
		fix(&fx, "%zu announced route%s an origin outside your AS-SET (e.g. %s): add the "
		    "origin to the AS-SET", by[REJ_IRR_ORIGIN],
		    verb(by[REJ_IRR_ORIGIN], " has", "s have"), live->example[REJ_IRR_ORIGIN]);
	for (int c = 1; by && c <= REJ_MAX; c++) {
		const char *text, *hint = "";
		if (by[c] == 0 || c == REJ_RPKI_INVALID || c == REJ_IRR_PREFIX ||
		    c == REJ_IRR_ORIGIN)
			continue;
		text = reason(ctx, c, &hint);
		fix(&fx, "%zu route%s filtered: %s (e.g. %s). %s", by[c], verb(by[c], "", "s"),
		    text, live->example[c], hint ? hint : "");
	}
	if (objs == 0 && f->connected)
		fix(&fx, "no route objects found for your AS-SET: register route/route6 objects, or "
		    "every route will be filtered");
	if (f->stale)
		fix(&fx, "%zu registered route object%s RPKI invalid (e.g. %s): delete the stale "
		    "object or fix the ROA", f->stale, verb(f->stale, " is", "s are"),
		    f->stale_example ? f->stale_example : "");
	for (size_t i = 0; i < f->n_advice; i++)
		fix(&fx, "%s", f->advice[i]);
	if (objs > covered)
		fix(&fx, "%zu of %zu route objects have no covering ROA: create ROAs for them",
		    objs - covered, objs);
	return fx.n;
}

bool
ready_irr_complete(const struct ready_facts *f, const struct ready_live *live)
{
	return f->route_objects[0] + f->route_objects[1] > 0 && (live == NULL ||
	    (live->by_reason[REJ_IRR_PREFIX] == 0 && live->by_reason[REJ_IRR_ORIGIN] == 0));
}

bool
ready_roa_complete(const struct ready_facts *f)
{
	size_t objs = f->route_objects[0] + f->route_objects[1];

	return objs > 0 && f->with_roa[0] + f->with_roa[1] == objs && f->stale == 0;
}
