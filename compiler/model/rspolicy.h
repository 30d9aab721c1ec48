/*
 * The published route-server policy (MANRS Action 1): what the route
 * servers check, in their order, with each reject reason and what a member
 * does about it; the limits, data sources, communities; and which members
 * have settings of their own. Decided here from the model, as a document
 * that emit_doc_md and emit_doc_html print (route-server-policy.md, .html).
 */
#ifndef IXP_RSPOLICY_H
#define IXP_RSPOLICY_H

#include "doc.h"
#include "model.h"

void	rspolicy_build(struct doc *d, const struct model *mo, const char *version,
	    const char *timestamp);

#endif
