/*
 * The report of `ixp-rsc impact`: text for people (the changed routes, per
 * route server and member) and JSON for pipelines. Pure emitters.
 */
#ifndef IXP_EMIT_IMPACT_H
#define IXP_EMIT_IMPACT_H

#include "buf.h"
#include "impact.h"

#define IMPACT_TEXT_ROUTES 20	/* changed routes shown per member in text */

void	emit_impact_text(struct buf *out, const struct impact *im);
void	emit_impact_json(struct buf *out, const struct impact *im);

#endif
