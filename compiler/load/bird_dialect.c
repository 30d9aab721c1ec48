#include "bird_dialect.h"

#include <string.h>

#define NEVER 1000	/* no 2.x release has it */

/* The first 2.x and 3.x release of each feature (from BIRD's NEWS, and
 * bird -p of 2.17.6, 3.1.8 and 3.3.2). */
static const struct gate {
	size_t		 off;
	unsigned	 min2;		/* 2.min2 */
	unsigned	 min3;		/* 3.min3 */
	const char	*since;
} gates[] = {
	{ BIRD_FEATURE(typed_returns), 14, 0, "2.14 or later" },
	{ BIRD_FEATURE(aspa), 16, 0, "2.16 or later" },
	{ BIRD_FEATURE(restricted_cli), 16, 0, "2.16 or later" },
	{ BIRD_FEATURE(cli_semicolon), NEVER, 0, "3.0 or later" },
	{ BIRD_FEATURE(tcp_auth), 17, 1, "2.17 or later" },	/* TCP-AO came with it */
};

void
bird_dialect_of(unsigned major, unsigned minor, struct bird_dialect *d)
{
	memset(d, 0, sizeof(*d));
	for (size_t i = 0; i < sizeof(gates) / sizeof(gates[0]); i++)
		*(bool *)((char *)d + gates[i].off) = major > 3 ||
		    (major == 3 && minor >= gates[i].min3) || (major == 2 && minor >= gates[i].min2);
}

bool
bird_dialect_equal(const struct bird_dialect *a, const struct bird_dialect *b)
{
	for (size_t i = 0; i < sizeof(gates) / sizeof(gates[0]); i++)
		if (*(const bool *)((const char *)a + gates[i].off) !=
		    *(const bool *)((const char *)b + gates[i].off))
			return false;
	return true;
}

bool
bird_dialect_admits(unsigned major, unsigned minor, unsigned rmaj, unsigned rmin)
{
	struct bird_dialect v, r;

	if (rmaj < major || (rmaj == major && rmin < minor))
		return false;
	bird_dialect_of(major, minor, &v);
	bird_dialect_of(rmaj, rmin, &r);
	return bird_dialect_equal(&v, &r);
}

const char *
bird_dialect_since(size_t feature_offset)
{
	for (size_t i = 0; i < sizeof(gates) / sizeof(gates[0]); i++)
		if (gates[i].off == feature_offset)
			return gates[i].since;
	return "?";
}
