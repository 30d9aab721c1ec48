/*
 * nftables (bridge family) ruleset enforcing the forbidden-traffic rule
 * set on a Linux-bridge peering LAN. Pure emitter.
 */
#ifndef IXP_EMIT_NFT_H
#define IXP_EMIT_NFT_H

#include "buf.h"
#include "emit.h"
#include "traffic.h"

#define NFT_TABLE "ixp_forbidden"

void	emit_nft(struct buf *out, const struct traffic_model *tm,
	    const struct emit_opts *o);

#endif
