#include "announce.h"

#include <stdio.h>
#include <string.h>

#include <stdbool.h>

#include "reasons.h"

static bool
has(const struct announce_route *r, uint32_t a, uint32_t b)
{
	for (size_t i = 0; i < r->n_comm; i++)
		if (r->comm[i][0] == a && r->comm[i][1] == b)
			return true;
	return false;
}

static bool
has_large(const struct announce_route *r, uint32_t a, uint32_t b, uint32_t c)
{
	for (size_t i = 0; i < r->n_lcomm; i++)
		if (r->lcomm[i][0] == a && r->lcomm[i][1] == b && r->lcomm[i][2] == c)
			return true;
	return false;
}

/* (rt, a, b) among the extended communities. */
static bool
has_rt(const struct announce_route *r, uint32_t a, uint32_t b)
{
	char sa[16], sb[16];

	snprintf(sa, sizeof(sa), "%u", a);
	snprintf(sb, sizeof(sb), "%u", b);
	for (size_t i = 0; i < r->n_ecomm; i++)
		if (!strcmp(r->ecomm[i][0], "rt") && !strcmp(r->ecomm[i][1], sa) &&
		    !strcmp(r->ecomm[i][2], sb))
			return true;
	return false;
}

enum announce_why
announce_to(const struct announce_route *r, uint32_t rs, uint32_t peer)
{
	bool denied, nobody, allowed;

	if (has_large(r, rs, LC_RPKI_STATE, RPKI_TAG_INVALID))
		return ANN_RPKI_INVALID;
	/* NO_EXPORT and NO_ADVERTISE are the receiving member's business: the
	 * sessions have `interpret communities off`, so BIRD passes them on. */
	denied = has_large(r, rs, LC_NO_ANNOUNCE, peer) || has_rt(r, 0, peer);
	nobody = has_large(r, rs, LC_NO_ANNOUNCE, 0);
	allowed = has_large(r, rs, LC_ANNOUNCE, peer);
	if (rs <= 65535) {
		nobody = nobody || has(r, 0, rs) || has_rt(r, 0, rs);
		allowed = allowed || has_rt(r, rs, peer);
		if (peer <= 65535) {
			denied = denied || has(r, 0, peer);
			allowed = allowed || has(r, rs, peer);
		}
	}
	if (denied)
		return ANN_DENIED;
	if (nobody && !allowed)
		return ANN_NOT_LISTED;
	return ANN_SENT;
}

static const struct {
	const char	*key, *text;
} why[ANN_NUM] = {
	[ANN_SENT] = { "sent", "sent (when it is the best route for its prefix)" },
	[ANN_OWN] = { "own", "it came from this session: a route is never sent back" },
	[ANN_RPKI_INVALID] = { "rpki_invalid", "RPKI invalid: kept for the looking glass, "
	    "sent to no member" },
	[ANN_DENIED] = { "denied", "the announcer asked not to send it to this member "
	    "(0:peer or RS:0:peer)" },
	[ANN_NOT_LISTED] = { "not_listed", "the announcer sends it only to the members it "
	    "lists (RS:0:0 with RS:1:peer), and not to this one" },
};

const char *
announce_why_text(enum announce_why w)
{
	return why[w < ANN_NUM ? w : ANN_SENT].text;
}

const char *
announce_why_key(enum announce_why w)
{
	return why[w < ANN_NUM ? w : ANN_SENT].key;
}
