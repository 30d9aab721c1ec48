/*
 * The IX-F member list (Euro-IX JSON schema 1.0) of an IXP, decided here
 * from the YAML; emit_ixf_json prints it. The route servers are listed as
 * the IXP's own member entry (member_type "ixp", each address offering
 * the "ixrouteserver" service), as IXP Manager and arouteserver do, so an
 * importer finds the route-server ASN and addresses. The members' MAC
 * addresses are only in it when ixp.ixf.export_macs is set.
 */
#ifndef IXP_MODEL_IXF_H
#define IXP_MODEL_IXF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"
#include "config.h"

struct ixf_vlan {
	uint32_t	 id;
	struct prefix	 lan[2];	/* af == 0: none of that family */
};

struct ixf_conn {
	uint32_t	 switch_id;	/* 0: the port names no switch */
	size_t		 vlan;		/* index into vlans */
	struct ipaddr	 addr[2];	/* af == 0: none */
	const uint8_t	(*macs)[6];	/* NULL unless exported */
	size_t		 n_macs;
	bool		 route_server;	/* the address is a route server's */
};

struct ixf_member {
	uint32_t	 asn;
	const char	*name;
	const char	*type;		/* "peering", "ixp" */
	const char	*email, *phone;	/* NULL: none */
	const char	*as_macro;	/* the first AS-SET; NULL: none */
	uint32_t	 max_prefix[2];	/* 0: none */
	bool		 rs_client;	/* peers with the route servers */
	struct ixf_conn	*conns;		/* owned */
	size_t		 n_conns;
};

struct ixf_model {
	uint32_t	 ixf_id, pdb_id;
	const char	*shortname, *country, *url, *support_email, *looking_glass;
	struct ixf_vlan	*vlans;		/* owned */
	size_t		 n_vlans;
	char		**switches;	/* owned; switch i has id i + 1 */
	size_t		 n_switches;
	struct ixf_member *members;	/* owned; the route servers' entry first */
	size_t		 n_members;
	const char	*daemon_version;	/* "2.0", the BIRD the config is for */
	char		 daemon_buf[16];
};

/* 0, or -1 with why in err (ixp.ixf.id missing: IX-F requires it). */
int	ixf_model_build(struct ixf_model *m, const struct config *c, char *err, size_t errlen);
void	ixf_model_free(struct ixf_model *m);

#endif
