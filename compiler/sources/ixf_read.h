/*
 * An IX-F member list (Euro-IX JSON 1.0) read for `ixp-rsc import ixf`:
 * the first IXP of ixp_list, its peering LANs, the route servers (the
 * addresses that offer the ixrouteserver service), and its members with
 * the connections to that IXP. Untrusted input: every value is checked
 * (addresses parsed, AS-SET names and e-mail addresses validated, names
 * cut to what the YAML takes); what does not pass is left out and counted.
 */
#ifndef IXP_IXF_READ_H
#define IXP_IXF_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"

#define IXF_NAME_MAX 100	/* what the member YAML takes */
#define IXF_MAX_LANS 64		/* peering LANs read; the rest are left out */

struct ixf_in_conn {
	char		*port;		/* "SWITCH:ASN-K", made up: IX-F has no port names */
	struct ipaddr	 addr[2];	/* af == 0: none */
	uint8_t		(*macs)[6];
	size_t		 n_macs;
};

struct ixf_in_member {
	uint32_t	 asn;
	char		*name;
	char		*email, *phone;	/* NULL: none (or not valid) */
	char		*as_macro;	/* a valid AS-SET or ASN name; NULL: none */
	uint32_t	 max_prefix[2];
	struct ixf_in_conn *conns;
	size_t		 n_conns;
};

struct ixf_in_rs {
	struct ipaddr	 addr[2];
};

struct ixf_list {
	char		*shortname, *country, *url, *support_email, *looking_glass;
	char		*timestamp;
	uint32_t	 ixf_id, pdb_id, vlan_id;
	struct prefix	*lans;
	size_t		 n_lans;
	uint32_t	 rs_asn;	/* 0: no route server in the list */
	struct ixf_in_rs *rs;
	size_t		 n_rs;
	struct ixf_in_member *members;	/* sorted by ASN, one per ASN */
	size_t		 n_members;
	size_t		 n_skipped;	/* values left out as invalid */
};

/* For readers of other formats (PeeringDB): after the members are in, sort
 * and merge them, give each address to one router, drop the empty. */
void	ixf_list_finish(struct ixf_list *l);
typedef struct json_t json_t;
char	*ixf_clean_name(struct ixf_list *l, json_t *o, const char *key);
/* s as an address of family af, a host on one of l's LANs; else counted
 * as left out. */
bool	ixf_lan_address(struct ixf_list *l, const char *s, int af, struct ipaddr *out);

/* 0, or -1 with why in err (not JSON, not an IX-F member list, no IXP). */
int	ixf_read(struct ixf_list *l, const char *json, size_t len, char *err, size_t errlen);
void	ixf_list_free(struct ixf_list *l);

#endif
