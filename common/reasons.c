#include "reasons.h"

#include <stddef.h>

/* Codes 1-15 follow arouteserver's numbering so existing Alice-LG setups
 * decode them unchanged; the Euro-IX codes (RS, 1101, x) are arouteserver's
 * mapping, for IXP Manager's looking glass (0: Euro-IX has none). */
const struct reason reasons[REJ_MAX + 1] = {
	[0] = { 0, 0, NULL, NULL, NULL },
	[REJ_PATH_TOO_LONG] = { 1, 5, "as_path_too_long",
	    "AS_PATH too long",
	    "Remove excessive prepending; the route server's maximum path length is published in its policy." },
	[REJ_BOGON_PREFIX] = { 2, 3, "bogon_prefix",
	    "Bogon prefix",
	    "Private, reserved and documentation address space must not be announced." },
	[REJ_BLACKLIST] = { 3, 0, "blacklisted_prefix",
	    "Peering LAN, default route or blacklisted prefix",
	    "Do not announce the IXP peering LAN or a default route." },
	[REJ_AFI] = { 4, 0, "invalid_afi",
	    "Invalid AFI for this session",
	    "Announce IPv4 routes on the IPv4 session and IPv6 routes on the IPv6 session." },
	[REJ_NEXT_HOP] = { 5, 8, "invalid_next_hop",
	    "Invalid NEXT_HOP (not the member's own address)",
	    "Set the next hop to your own router's address on the peering LAN." },
	[REJ_FIRST_AS] = { 6, 7, "invalid_first_as",
	    "Left-most ASN is not the member's ASN",
	    "The first AS in the AS_PATH must be your own ASN." },
	[REJ_BOGON_ASN] = { 7, 4, "bogon_asn_in_path",
	    "Bogon or private ASN in AS_PATH",
	    "Strip private ASNs before announcing (remove-private-as)." },
	[REJ_TRANSIT_FREE] = { 8, 14, "transit_free_asn_in_path",
	    "Transit-free ASN in AS_PATH",
	    "This looks like a route leak: routes learned from a transit-free network must not be sent to the route server." },
	[REJ_IRR_ORIGIN] = { 9, 10, "origin_not_in_as_set",
	    "Origin ASN not in the member's IRR AS-SET",
	    "Add the origin AS to your AS-SET in the IRR, or fix the AS-SET registered with the IXP." },
	[REJ_V6_NOT_GLOBAL] = { 10, 3, "ipv6_not_global_unicast",
	    "IPv6 prefix not in global unicast space",
	    "Only global unicast IPv6 space may be announced." },
	[REJ_MEMBER_BLACKLIST] = { 11, 0, "member_blacklist",
	    "Prefix in the member's own blacklist",
	    "The IXP blocks this prefix for your sessions on request; contact the IXP to change it." },
	[REJ_IRR_PREFIX] = { 12, 9, "prefix_not_in_irr",
	    "Prefix not in the member's IRR route objects",
	    "Create a route/route6 object for this prefix with the right origin in the IRR." },
	[REJ_PREFIX_LEN] = { 13, 0, "invalid_prefix_length",
	    "Invalid prefix length",
	    "Announce prefixes within the route server's length limits (see its policy)." },
	[REJ_RPKI_INVALID] = { 14, 13, "rpki_invalid",
	    "RPKI invalid",
	    "Fix your ROAs (origin ASN and maxLength) or stop announcing this prefix." },
	[REJ_NEVER_VIA_RS] = { 15, 0, "never_via_route_servers",
	    "Never-via-route-servers ASN in AS_PATH",
	    "A network in the path set info_never_via_route_servers in PeeringDB; do not send its routes to the route server." },
	[REJ_ASPA_INVALID] = { 16, 0, "aspa_invalid",
	    "ASPA invalid (route leak)",
	    "The AS_PATH contradicts the ASPA records of the networks in it; check for a route leak." },
};

const struct reason *
reason_get(int code)
{
	if (code < 1 || code > REJ_MAX)
		return NULL;
	return &reasons[code];
}

const char *
rpki_tag_name(int tag)
{
	switch (tag) {
	case RPKI_TAG_VALID:
		return "valid";
	case RPKI_TAG_UNKNOWN:
		return "unknown";
	case RPKI_TAG_NOT_CHECKED:
		return "not checked";
	case RPKI_TAG_INVALID:
		return "invalid";
	}
	return "?";
}
