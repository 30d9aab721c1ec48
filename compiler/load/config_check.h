/*
 * Checks across the whole member YAML, once every section is loaded: LAN
 * addresses (inside a peering LAN, not a network or broadcast address,
 * each used once), MACs unique and within macs_per_port, members unique
 * (the loader sorts them by ASN first) and not bogons, an IRR source when
 * IRR filtering is on, a route server for every family members use.
 * Errors go through `d` with the position of what they are about.
 */
#ifndef IXP_CONFIG_CHECK_H
#define IXP_CONFIG_CHECK_H

#include "config.h"
#include "diag.h"

void	config_check(const struct config *c, struct diag *d);

#endif
