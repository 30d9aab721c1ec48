#include "asn.h"

#include <stdlib.h>
#include <string.h>

static bool
parse_u32(const char *s, size_t n, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;

	if (n == 0 || n > 10)
		return false;
	if (n > 1 && s[0] == '0')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

bool
asn_parse(const char *s, size_t n, int flags, uint32_t *out)
{
	const char *dot;
	uint64_t hi, lo;

	if (n >= 2 && (s[0] == 'A' || s[0] == 'a') && (s[1] == 'S' || s[1] == 's')) {
		if (!(flags & ASN_PREFIXED))
			return false;
		s += 2;
		n -= 2;
	} else if (!(flags & ASN_PLAIN)) {
		return false;
	}
	dot = memchr(s, '.', n);
	if (dot != NULL) {
		if (!(flags & ASN_ASDOT))
			return false;
		if (!parse_u32(s, (size_t)(dot - s), 65535, &hi) ||
		    !parse_u32(dot + 1, n - (size_t)(dot - s) - 1, 65535, &lo))
			return false;
		*out = (uint32_t)(hi * 65536 + lo);
		return true;
	}
	if (!parse_u32(s, n, ASN_MAX, &lo))
		return false;
	*out = (uint32_t)lo;
	return true;
}

bool
asn_range_parse(const char *s, size_t n, struct asn_range *out)
{
	const char *dash = memchr(s, '-', n);
	const int fl = ASN_PLAIN | ASN_PREFIXED;
	struct asn_range r;

	if (dash == NULL) {
		if (!asn_parse(s, n, fl, &r.lo))
			return false;
		r.hi = r.lo;
	} else if (!asn_parse(s, (size_t)(dash - s), fl, &r.lo) ||
	    !asn_parse(dash + 1, n - (size_t)(dash - s) - 1, fl, &r.hi) || r.lo > r.hi) {
		return false;
	}
	*out = r;
	return true;
}

bool
asn_in_ranges(uint32_t asn, const struct asn_range *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (asn >= r[i].lo && asn <= r[i].hi)
			return true;
	return false;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

size_t
asn_sort_unique(uint32_t *v, size_t n)
{
	size_t i, j;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_u32);
	for (i = 1, j = 1; i < n; i++)
		if (v[i] != v[j - 1])
			v[j++] = v[i];
	return j;
}

bool
asn_sorted_contains(const uint32_t *v, size_t n, uint32_t asn)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] == asn)
			return true;
		if (v[mid] < asn)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}
