#include "addr.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

static u128
load_be(const uint8_t *b, size_t n)
{
	u128 v = 0;

	for (size_t i = 0; i < n; i++)
		v = (v << 8) | b[i];
	return v << (8 * (16 - n));
}

static void
store_be(u128 v, uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)(v >> (8 * (15 - i)));
}

enum addr_err
ip_parse(const char *s, size_t n, struct ipaddr *out)
{
	char tmp[INET6_ADDRSTRLEN + 1];
	uint8_t b[16];

	memset(out, 0, sizeof(*out));
	if (n == 0 || n >= sizeof(tmp))
		return ADDR_SYNTAX;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (memchr(tmp, '\0', n) != NULL)
		return ADDR_SYNTAX;
	if (strchr(tmp, ':') != NULL) {
		if (inet_pton(AF_INET6, tmp, b) != 1)
			return ADDR_SYNTAX;
		out->a = load_be(b, 16);
		out->af = AF6;
	} else {
		/* glibc's inet_pton accepts only four decimal octets, no
		 * abbreviations and no leading zeros: exactly what we want. */
		if (inet_pton(AF_INET, tmp, b) != 1)
			return ADDR_SYNTAX;
		out->a = load_be(b, 4);
		out->af = AF4;
	}
	return ADDR_OK;
}

enum addr_err
prefix_parse(const char *s, size_t n, struct prefix *out)
{
	const char *slash = memchr(s, '/', n);
	struct ipaddr ip;
	unsigned len = 0;
	size_t i, ndig;

	memset(out, 0, sizeof(*out));
	if (slash == NULL)
		return ADDR_SYNTAX;
	if (ip_parse(s, (size_t)(slash - s), &ip) != ADDR_OK)
		return ADDR_SYNTAX;
	ndig = n - (size_t)(slash - s) - 1;
	if (ndig == 0)
		return ADDR_SYNTAX;
	for (i = 0; i < ndig; i++)
		if (slash[1 + i] < '0' || slash[1 + i] > '9')
			return ADDR_SYNTAX;
	if (ndig > 3)
		return ADDR_LENGTH;
	for (i = 0; i < ndig; i++)
		len = len * 10 + (unsigned)(slash[1 + i] - '0');
	out->af = ip.af;
	if (len > af_maxlen(ip.af))
		return ADDR_LENGTH;
	out->len = (uint8_t)len;
	out->a = ip.a & mask128(len);
	return out->a == ip.a ? ADDR_OK : ADDR_HOSTBITS;
}

const char *
addr_strerror(enum addr_err e)
{
	switch (e) {
	case ADDR_OK:
		return "ok";
	case ADDR_SYNTAX:
		return "not a valid IP prefix";
	case ADDR_LENGTH:
		return "prefix length out of range";
	case ADDR_HOSTBITS:
		return "host bits set beyond the prefix length";
	}
	return "unknown error";
}

/* Decimal digits of v at d; returns the end. (The emitters print millions
 * of table entries: this and the IPv4 case below are most of their time
 * when done with snprintf and inet_ntop.) */
static char *
put_dec(char *d, unsigned v)
{
	char t[10];
	int n = 0;

	do
		t[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n > 0)
		*d++ = t[--n];
	return d;
}

char *
ip_format(const struct ipaddr *ip, char *dst)
{
	uint8_t b[16];

	if (ip->af == AF4) {
		uint32_t x = (uint32_t)(ip->a >> 96);
		char *d = dst;

		for (int i = 3; i >= 0; i--) {
			d = put_dec(d, (x >> (8 * i)) & 255);
			*d++ = i ? '.' : '\0';
		}
	} else if (ip->af == AF6) {
		store_be(ip->a, b, 16);
		inet_ntop(AF_INET6, b, dst, ADDR_STRLEN);
	} else {
		strcpy(dst, "(none)");
	}
	return dst;
}

char *
prefix_format(const struct prefix *p, char *dst)
{
	struct ipaddr ip = { p->a, p->af };
	char *d;

	ip_format(&ip, dst);
	d = dst + strlen(dst);
	*d++ = '/';
	*put_dec(d, p->len) = '\0';
	return dst;
}

bool
prefix_contains(const struct prefix *outer, const struct prefix *inner)
{
	if (outer->af != inner->af || outer->len > inner->len)
		return false;
	return (inner->a & mask128(outer->len)) == outer->a;
}

bool
prefix_contains_ip(const struct prefix *p, const struct ipaddr *ip)
{
	return p->af == ip->af && (ip->a & mask128(p->len)) == p->a;
}

int
prefix_cmp(const struct prefix *x, const struct prefix *y)
{
	return prefix_cmp_fields(x->af, x->a, x->len, y->af, y->a, y->len);
}

struct pfxrange
pfxrange_orlonger(const struct prefix *p)
{
	struct pfxrange r = { *p, p->len, prefix_max_len(p) };

	return r;
}

bool
pfxrange_match(const struct pfxrange *r, const struct prefix *p)
{
	return prefix_contains(&r->p, p) && p->len >= r->ge && p->len <= r->le;
}

char *
pfxrange_format(const struct pfxrange *r, char *dst)
{
	size_t n;

	prefix_format(&r->p, dst);
	n = strlen(dst);
	if (r->ge == r->p.len && r->le == prefix_max_len(&r->p))
		snprintf(dst + n, PFXRANGE_STRLEN - n, "+");
	else if (r->ge != r->p.len || r->le != r->p.len)
		snprintf(dst + n, PFXRANGE_STRLEN - n, "{%u,%u}", r->ge, r->le);
	return dst;
}

int
ip_cmp(const struct ipaddr *x, const struct ipaddr *y)
{
	if (x->af != y->af)
		return x->af < y->af ? -1 : 1;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return 0;
}

bool
ip_eq(const struct ipaddr *x, const struct ipaddr *y)
{
	return ip_cmp(x, y) == 0;
}

bool
prefix_host_ok(const struct prefix *p, const struct ipaddr *ip)
{
	/* IPv4 addresses sit in the top 32 bits; see addr.h. */
	return !((p->len < af_maxlen(ip->af) - 1 && ip->a == p->a) ||
	    (ip->af == AF4 && p->len < 31 && ip->a == (p->a | (mask128(32) & ~mask128(p->len)))));
}
