/*
 * IPv4/IPv6 addresses and prefixes.
 *
 * Addresses are stored left-aligned in a 128-bit integer (an IPv4 address
 * occupies the top 32 bits), so masking, containment and sorting are the
 * same code for both families; only the maximum length differs.
 */
#ifndef IXP_ADDR_H
#define IXP_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef unsigned __int128 u128;

#define AF4 4
#define AF6 6

struct ipaddr {
	u128	 a;
	uint8_t	 af;		/* AF4 or AF6; 0 = unset */
};

struct prefix {
	u128	 a;
	uint8_t	 len;
	uint8_t	 af;		/* AF4 or AF6; 0 = unset */
};

enum addr_err {
	ADDR_OK = 0,
	ADDR_SYNTAX,		/* not an address / prefix at all */
	ADDR_LENGTH,		/* prefix length out of range */
	ADDR_HOSTBITS,		/* bits set beyond the prefix length */
};

#define ADDR_STRLEN 64		/* enough for any prefix text plus NUL */

static inline unsigned
af_maxlen(int af)
{
	return af == AF4 ? 32 : 128;
}

static inline u128
mask128(unsigned len)
{
	return len == 0 ? 0 : (~(u128)0) << (128 - len);
}

/* Parse from a (not necessarily NUL-terminated) span. */
enum addr_err	 ip_parse(const char *s, size_t n, struct ipaddr *out);
/* `out->a` is set even on ADDR_HOSTBITS (with the host bits cleared). */
enum addr_err	 prefix_parse(const char *s, size_t n, struct prefix *out);
const char	*addr_strerror(enum addr_err e);

char	*ip_format(const struct ipaddr *ip, char *dst);		/* ADDR_STRLEN */
char	*prefix_format(const struct prefix *p, char *dst);	/* ADDR_STRLEN */

/* True when `outer` contains `inner` (same family, outer.len <= inner.len). */
bool	 prefix_contains(const struct prefix *outer, const struct prefix *inner);
bool	 prefix_contains_ip(const struct prefix *p, const struct ipaddr *ip);
/* ip (inside p) can be a host's: not p's network address, nor its IPv4
 * broadcast address (/31, /32 and /127, /128 have none). */
bool	 prefix_host_ok(const struct prefix *p, const struct ipaddr *ip);
/* Order: family, address, length. */
int	 prefix_cmp(const struct prefix *x, const struct prefix *y);

/* A prefix and the lengths of it that match, ge..le: BIRD's P{ge,le}
 * (P+ is len..max, P alone len..len). */
struct pfxrange {
	struct prefix	 p;
	uint8_t		 ge, le;
};
static inline uint8_t prefix_max_len(const struct prefix *p) { return p->af == AF4 ? 32 : 128; }
/* p itself and its more-specifics. */
struct pfxrange pfxrange_orlonger(const struct prefix *p);
bool	 pfxrange_match(const struct pfxrange *r, const struct prefix *p);
/* "P", "P+" or "P{ge,le}" (ADDR_STRLEN + 10). */
#define PFXRANGE_STRLEN (ADDR_STRLEN + 10)
char	*pfxrange_format(const struct pfxrange *r, char *dst);
/* The same order for prefixes kept as separate fields (compact records). */
static inline int
prefix_cmp_fields(int afx, u128 ax, unsigned lx, int afy, u128 ay, unsigned ly)
{
	if (afx != afy)
		return afx < afy ? -1 : 1;
	if (ax != ay)
		return ax < ay ? -1 : 1;
	return lx < ly ? -1 : lx > ly;
}
int	 ip_cmp(const struct ipaddr *x, const struct ipaddr *y);
bool	 ip_eq(const struct ipaddr *x, const struct ipaddr *y);

#endif
