/*
 * The published forbidden-traffic policy (MANRS Action 3), member-facing,
 * in Markdown and as a standalone HTML page. Generated from the same rule
 * set as the nftables filter. Pure emitters.
 */
#ifndef IXP_EMIT_POLICY_H
#define IXP_EMIT_POLICY_H

#include "buf.h"
#include "emit.h"
#include "traffic.h"

void	emit_policy_md(struct buf *out, const struct traffic_model *tm,
	    const struct emit_opts *o);
void	emit_policy_html(struct buf *out, const struct traffic_model *tm,
	    const struct emit_opts *o);

struct doc;
/* Any document (doc.h): Markdown, or a standalone HTML page in the same style. */
void	emit_doc_md(struct buf *out, const struct doc *d);
void	emit_doc_html(struct buf *out, const struct doc *d);

#endif
