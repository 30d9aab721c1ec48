/*
 * The readiness report (readiness.h): text for people, one section per
 * member (`--member ASN`: that member's alone, to mail), and JSON.
 */
#ifndef IXP_EMIT_READINESS_H
#define IXP_EMIT_READINESS_H

#include <stdint.h>

#include "buf.h"
#include "readiness.h"

/* only: a member's ASN, or 0 for the IXP summary and every member. */
void	emit_readiness_text(struct buf *out, const struct readiness *rd, uint32_t only);
void	emit_readiness_json(struct buf *out, const struct readiness *rd, uint32_t only);

#endif
