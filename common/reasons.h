/*
 * The route-server reject reasons and community conventions (SPEC section 5).
 * One table, read by the compiler (reasons.json, explain, comments in the
 * BIRD config) and by the looking glass.
 */
#ifndef IXP_REASONS_H
#define IXP_REASONS_H

/* Large-community second field values. */
#define LC_RPKI_STATE	1000	/* (RS, 1000, state) */
#define LC_REJECT	65520	/* (RS, 65520, code) */
#define LC_WARN		65521	/* (RS, 65521, code): let through by policy */
#define LC_IRR_PREFIX	1001	/* (RS, 1001, 1|2): prefix registered or not (irr.tag) */
#define LC_IRR_ORIGIN	1002	/* (RS, 1002, 1|2): origin in the AS-SET or not */
#define LC_EUROIX_REJECT 1101	/* (RS, 1101, x): the Euro-IX reason, where one exists */
#define LC_NO_ANNOUNCE	0	/* (RS, 0, peer)  / (RS, 0, 0) */
#define LC_ANNOUNCE	1	/* (RS, 1, peer) */
#define LC_PREPEND1	101	/* (RS, 101..103, peer) */
#define LC_ADD_NO_EXPORT 65281	/* (RS, 65281, peer): add NO_EXPORT towards peer */
#define LC_ADD_NO_ADVERTISE 65282	/* (RS, 65282, peer): add NO_ADVERTISE */

enum rpki_tag {
	RPKI_TAG_VALID = 1,
	RPKI_TAG_UNKNOWN = 2,
	RPKI_TAG_NOT_CHECKED = 3,
	RPKI_TAG_INVALID = 4,
};

enum reject_code {
	REJ_PATH_TOO_LONG = 1,
	REJ_BOGON_PREFIX = 2,
	REJ_BLACKLIST = 3,
	REJ_AFI = 4,
	REJ_NEXT_HOP = 5,
	REJ_FIRST_AS = 6,
	REJ_BOGON_ASN = 7,
	REJ_TRANSIT_FREE = 8,
	REJ_IRR_ORIGIN = 9,
	REJ_V6_NOT_GLOBAL = 10,
	REJ_MEMBER_BLACKLIST = 11,
	REJ_IRR_PREFIX = 12,
	REJ_PREFIX_LEN = 13,
	REJ_RPKI_INVALID = 14,
	REJ_NEVER_VIA_RS = 15,
	REJ_ASPA_INVALID = 16,
	REJ_MAX = 16,
};

struct reason {
	int		 code;
	int		 euroix;	/* Euro-IX (RS, 1101, x); 0: none */
	const char	*key;	/* stable machine name */
	const char	*text;	/* what a member reads */
	const char	*hint;	/* what a member can do about it */
};

/* Indexed by code; [0] is unused. */
extern const struct reason reasons[REJ_MAX + 1];

const struct reason *reason_get(int code);
const char *rpki_tag_name(int tag);

#endif
