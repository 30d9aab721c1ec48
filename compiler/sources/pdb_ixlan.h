/*
 * PeeringDB's view of an IX LAN (the answer of /api/ixlan/ID?depth=2: its
 * prefixes and the networks on it) read into the same list an IX-F member
 * list gives, for `ixp-rsc import peeringdb`. PeeringDB does not list the
 * route servers: their addresses come from the command line. Only the
 * networks that say they peer with the route servers (is_rs_peer) become
 * members. Untrusted input, checked as ixf_read checks its own.
 */
#ifndef IXP_PDB_IXLAN_H
#define IXP_PDB_IXLAN_H

#include "ixf_read.h"

/* rs: "IPV4", "IPV6" or "IPV4,IPV6" per route server. 0, or -1 with err. */
int	pdb_ixlan_read(struct ixf_list *l, const char *json, size_t len, uint32_t rs_asn,
	    const char *const *rs, size_t n_rs, char *err, size_t errlen);

#endif
