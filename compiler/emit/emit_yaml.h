/*
 * A member YAML skeleton from an IX-F member list (`ixp-rsc import ixf`):
 * everything the list says, in the schema's order, with a "DECIDE:"
 * comment wherever a human must check or choose (AS-SETs, limits, the IRR
 * sources, RPKI, the ports). What it prints passes `ixp-rsc check`
 * unchanged. A pure emitter of struct ixf_list.
 */
#ifndef IXP_EMIT_YAML_H
#define IXP_EMIT_YAML_H

#include "buf.h"
#include "ixf_read.h"

struct import_opts {
	const char	*file;			/* what was read, for the header */
	const char *const *irr_dumps;		/* sources.irr.dumps; else servers */
	size_t		 n_irr_dumps;
	const char	*irr_server;		/* default whois.radb.net */
	size_t		 n_bogon_members;	/* ASNs the default bogon list refuses */
};

void	emit_yaml_skeleton(struct buf *out, const struct ixf_list *l, const struct import_opts *o);

#endif
