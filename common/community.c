#include "community.h"

#include <string.h>

/* One field: a number up to `max`, or "{name}" of [a-z_]; returns the end. */
static const char *
field(const char *s, uint32_t max, uint32_t *v, bool *any, bool *is_peer)
{
	uint64_t x = 0;
	size_t n = 0;

	*any = false;
	*is_peer = false;
	if (*s == '{') {
		const char *e = s + 1;
		while ((*e >= 'a' && *e <= 'z') || *e == '_')
			e++;
		if (*e != '}' || e == s + 1 || (size_t)(e - s - 1) >= COMM_NAME_MAX)
			return NULL;
		*any = true;
		*is_peer = e - s - 1 == 4 && strncmp(s + 1, "peer", 4) == 0;
		*v = 0;
		return e + 1;
	}
	while (s[n] >= '0' && s[n] <= '9') {
		x = x * 10 + (uint64_t)(s[n] - '0');
		if (++n > 10 || x > max)
			return NULL;
	}
	if (n == 0 || (n > 1 && s[0] == '0'))
		return NULL;
	*v = (uint32_t)x;
	return s + n;
}

bool
community_pat_parse(const char *s, struct community_pat *out)
{
	uint32_t v[3] = { 0, 0, 0 };
	int nf = 0;
	uint8_t any = 0;
	int peer = -1;
	const char *p = s;

	memset(out, 0, sizeof(*out));
	for (;;) {
		bool a, pe;
		/* A large community's fields are 32 bits; a standard one's 16:
		 * known once the count is, so check 32 here and 16 below. */
		if (nf == 3 || (p = field(p, UINT32_MAX, &v[nf], &a, &pe)) == NULL)
			return false;
		if (a)
			any |= (uint8_t)(1u << nf);
		if (pe) {
			if (peer >= 0)
				return false;
			peer = nf;
		}
		nf++;
		if (*p == '\0')
			break;
		if (*p++ != ':')
			return false;
	}
	if (nf < 2)
		return false;
	if (nf == 2 && (v[0] > 65535 || v[1] > 65535))
		return false;
	out->large = nf == 3;
	memcpy(out->v, v, sizeof(v));
	out->any = any;
	out->peer = peer;
	return true;
}

bool
community_pat_match(const struct community_pat *p, bool large, const uint32_t *v)
{
	if (p->large != large)
		return false;
	for (int i = 0; i < (large ? 3 : 2); i++)
		if (!(p->any & (1u << i)) && p->v[i] != v[i])
			return false;
	return true;
}

const char *
community_well_known(uint32_t a, uint32_t b)
{
	static const struct {
		uint32_t	 b;
		const char	*name;
	} wk[] = {
		{ 0, "GRACEFUL_SHUTDOWN (RFC 8326)" },
		{ 666, "BLACKHOLE (RFC 7999)" },
		{ 65281, "NO_EXPORT (RFC 1997)" },
		{ 65282, "NO_ADVERTISE (RFC 1997)" },
		{ 65283, "NO_EXPORT_SUBCONFED (RFC 1997)" },
		{ 65284, "NOPEER (RFC 3765)" },
	};

	if (a != 65535)
		return NULL;
	for (size_t i = 0; i < sizeof(wk) / sizeof(wk[0]); i++)
		if (wk[i].b == b)
			return wk[i].name;
	return NULL;
}
