#include "irrname.h"

#include <stdio.h>
#include <string.h>

#include "asn.h"

static bool
is_namechar(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool
irrname_valid_source(const char *s, size_t n)
{
	if (n == 0 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

/* One ':'-separated component: "AS-..." set name or "AS<n>". */
static int
component_kind(const char *s, size_t n)
{
	uint32_t asn;

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_namechar(s[i]))
			return 0;
	if (n > 3 && (s[0] == 'A' || s[0] == 'a') &&
	    (s[1] == 'S' || s[1] == 's') && s[2] == '-')
		return 2;
	if (asn_parse(s, n, ASN_PREFIXED, &asn))
		return 1;
	return 0;
}

bool
irrname_parse(const char *s, size_t n, struct irrname *out, const char **why)
{
	const char *p, *end = s + n, *sep;
	bool has_set = false;
	size_t i;

	memset(out, 0, sizeof(*out));
	*why = NULL;
	if (n == 0) {
		*why = "empty name";
		return false;
	}
	for (i = 0; i + 1 < n; i++) {
		if (s[i] == ':' && s[i + 1] == ':') {
			if (!irrname_valid_source(s, i)) {
				*why = "invalid source before '::'";
				return false;
			}
			memcpy(out->source, s, i);
			out->source[i] = '\0';
			for (char *q = out->source; *q; q++)
				if (*q >= 'a' && *q <= 'z')
					*q = (char)(*q - 32);
			s += i + 2;
			n -= i + 2;
			end = s + n;
			break;
		}
	}
	if (n == 0 || n > IRRNAME_MAX) {
		*why = n == 0 ? "empty name after '::'" : "name too long";
		return false;
	}
	if (memchr(s, ':', n) == NULL && asn_parse(s, n, ASN_PREFIXED, &out->asn)) {
		out->kind = IRRNAME_ASN;
		snprintf(out->name, sizeof(out->name), "AS%u", out->asn);
		return true;
	}
	for (p = s;; p = sep + 1) {
		int k;
		sep = memchr(p, ':', (size_t)(end - p));
		if (sep == NULL)
			sep = end;
		k = component_kind(p, (size_t)(sep - p));
		if (k == 0) {
			*why = "expected AS-SET components like AS-EXAMPLE or "
			    "AS64500:AS-CUSTOMERS (letters, digits, '-', '_')";
			return false;
		}
		if (k == 2)
			has_set = true;
		if (sep == end)
			break;
	}
	if (!has_set) {
		*why = "not an AS-SET name (must contain a component starting with AS-)";
		return false;
	}
	memcpy(out->name, s, n);
	out->name[n] = '\0';
	for (char *q = out->name; *q; q++)
		if (*q >= 'a' && *q <= 'z')
			*q = (char)(*q - 32);
	out->kind = IRRNAME_ASSET;
	return true;
}

void
irrname_format(const struct irrname *in, char *dst, size_t dstlen)
{
	if (in->source[0])
		snprintf(dst, dstlen, "%s::%s", in->source, in->name);
	else
		snprintf(dst, dstlen, "%s", in->name);
}
