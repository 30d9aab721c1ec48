/*
 * JSON outputs: reasons.json (read by ixp-lg and Alice-LG setups),
 * members.json (the public member directory ixp-lg serves) and report.json
 * (per-member figures for staff and pipelines). Pure emitters.
 */
#ifndef IXP_EMIT_JSON_H
#define IXP_EMIT_JSON_H

#include "buf.h"
#include "emit.h"
#include "model.h"

void	emit_reasons_json(struct buf *out, const struct model *mo);
/*
 * The public directory: per member its ASN, name, NOC contacts, MANRS flag,
 * LAN addresses and session names. Nothing else of the YAML (no passwords,
 * MAC addresses, ports or policy): this is what the looking glass publishes.
 */
void	emit_members_json(struct buf *out, const struct model *mo);
void	emit_report_json(struct buf *out, const struct model *mo,
	    const struct emit_opts *o);

struct ixf_model;
/* The IX-F member list 1.0; timestamp: RFC 3339 (NULL: the epoch, for
 * reproducible output). */
void	emit_ixf_json(struct buf *out, const struct ixf_model *m, const char *timestamp);

struct readiness;
/* The readiness report; only: a member's ASN (0: the summary and all). */
void	emit_readiness_json(struct buf *out, const struct readiness *rd, uint32_t only);

#endif
