/* VRP exports, SLURM and route origin validation (compiler/vrp). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "vrp.h"
#include "testutil.h"

#define NOW 1800000000	/* 2027-01-15 */

static int
load(struct vrpset *s, const char *json, unsigned max_age, struct capture *c)
{
	memset(s, 0, sizeof(*s));
	return vrp_load_mem(s, json, strlen(json), "vrps.json", NOW, max_age, &c->d);
}

static struct prefix
P(const char *s)
{
	struct prefix p;

	assert_int_equal(prefix_parse(s, strlen(s), &p), ADDR_OK);
	return p;
}

static void
test_rpki_client(void **state)
{
	static const char json[] =
	    "{\"metadata\":{\"buildtime\":\"2027-01-15T05:00:00Z\",\"vrps\":4},"
	    "\"roas\":["
	    "{\"asn\":64496,\"prefix\":\"192.0.2.0/24\",\"maxLength\":24,\"ta\":\"ripe\",\"expires\":1900000000},"
	    "{\"asn\":64497,\"prefix\":\"2001:db8::/32\",\"maxLength\":48,\"ta\":\"arin\",\"expires\":1900000000},"
	    "{\"asn\":64498,\"prefix\":\"198.51.100.0/24\",\"maxLength\":24,\"expires\":1000},"
	    "{\"asn\":64496,\"prefix\":\"192.0.2.0/24\",\"maxLength\":24}"
	    "],\"aspas\":[{\"customer_asid\":64496,\"expires\":1900000000,\"providers\":[64500,64499]}]}";
	struct vrpset s;
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_int_equal(load(&s, json, 86400, &c), 0);
	vrp_finalize(&s);
	assert_int_equal(s.n, 2);		/* expired dropped, duplicate merged */
	assert_int_equal(s.n_expired, 1);
	assert_int_equal(s.n_dup, 1);
	assert_int_equal(s.buildtime, 1800000000 - 3 * 3600);
	assert_int_equal(s.n_aspa, 1);
	assert_int_equal(s.aspa[0].n_providers, 2);
	assert_int_equal(s.aspa[0].providers[0], 64499);
	assert_int_equal(c.d.errors, 0);
	vrp_free(&s);
	capture_end(&c);
}

static void
test_routinator_and_rpki_json(void **state)
{
	static const char routinator[] =
	    "{\"metadata\":{\"generated\":1799990000,\"generatedTime\":\"2027-01-15T05:13:20Z\"},"
	    "\"roas\":[{\"asn\":\"AS64496\",\"prefix\":\"192.0.2.0/24\",\"maxLength\":26,\"ta\":\"ripe\"},"
	    "{\"asn\":\"as64497\",\"prefix\":\"2001:DB8::/32\",\"maxLength\":32,\"ta\":\"ripe\"}],"
	    "\"aspas\":[{\"customer\":\"AS64496\",\"afi\":\"ipv6\",\"providers\":[\"AS64500\"],\"ta\":\"ripe\"}]}";
	static const char rpkijson[] =
	    "{\"roas\":[{\"prefix\":\"203.0.113.0/24\",\"maxLength\":24,\"asn\":\"64499\",\"ta\":\"x\"}]}";
	struct vrpset s;
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_int_equal(load(&s, routinator, 86400, &c), 0);
	vrp_finalize(&s);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.buildtime, 1799990000);
	assert_int_equal(s.aspa[0].customer, 64496);
	vrp_free(&s);
	/* No build time: loaded, with a warning that its age is unknown. */
	assert_int_equal(load(&s, rpkijson, 86400, &c), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.v[0].asn, 64499);
	assert_contains(capture_text(&c), "no build time");
	vrp_free(&s);
	capture_end(&c);
}

static void
test_bad_entries(void **state)
{
	static const char json[] = "{\"roas\":["
	    "{\"asn\":64496,\"prefix\":\"192.0.2.0/24\",\"maxLength\":23},"	/* maxLength < len */
	    "{\"asn\":64496,\"prefix\":\"192.0.2.0/24\",\"maxLength\":33},"	/* > 32 */
	    "{\"asn\":64496,\"prefix\":\"192.0.2.1/24\",\"maxLength\":24},"	/* host bits */
	    "{\"asn\":4294967296,\"prefix\":\"192.0.2.0/24\",\"maxLength\":24},"
	    "{\"asn\":\"ASX\",\"prefix\":\"192.0.2.0/24\",\"maxLength\":24},"
	    "{\"asn\":64496,\"prefix\":42,\"maxLength\":24},"
	    "{\"asn\":64496,\"prefix\":\"192.0.2.0/24\",\"maxLength\":\"24\"},"
	    "\"not an object\","
	    "{\"asn\":64496,\"prefix\":\"192.0.2.0/24\"}"			/* maxLength defaults */
	    "]}";
	struct vrpset s;
	struct capture c;

	static const char mostly_good[] = "{\"roas\":["
	    "{\"asn\":64496,\"prefix\":\"192.0.2.0/24\",\"maxLength\":24},"
	    "{\"asn\":64497,\"prefix\":\"198.51.100.0/24\",\"maxLength\":24},"
	    "{\"asn\":64498,\"prefix\":\"203.0.113.0/24\"},"
	    "{\"asn\":64496,\"prefix\":\"192.0.2.1/24\",\"maxLength\":24}]}";

	(void)state;
	capture_begin(&c);
	/* Each kind of bad entry is refused; so many of them: not an export. */
	assert_int_equal(load(&s, json, 0, &c), -1);
	assert_int_equal(s.n, 0);		/* nothing of a rejected file is kept */
	assert_int_equal(s.n_read, 9);
	assert_int_equal(s.n_bad, 8);
	assert_contains(capture_text(&c), "not a usable VRP export: 8 of 9 entries are malformed");
	vrp_free(&s);
	/* A few bad entries: skipped with a warning. */
	assert_int_equal(load(&s, mostly_good, 0, &c), 0);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.v[2].maxlen, 24);	/* maxLength defaults to the length */
	assert_contains(capture_text(&c), "1 malformed VRP or ASPA entries skipped");
	vrp_free(&s);
	capture_end(&c);
}

/* The export is read member by member; JSON around the arrays still counts. */
static void
test_streamed_reading(void **state)
{
	static const char ok[] = " \r\n\t{ \"x\" : 5 , \"y\":[1, {\"a\": null}],\"metadata\":"
	    "{\"generated\":1800000000}, \"aspas\" : [ ] ,\n\"roas\" : [\n"
	    "  {\"asn\":\"AS64496\",\"prefix\":\"192.0.2.0/24\",\"maxLength\":25} ,\n"
	    "  {\"asn\":64497,\"prefix\":\"2001:db8::/32\",\"maxLength\":48}\n ] , \"z\": \"}\" } \n";
	static const char *const bad[] = {
		"{\"roas\":[], \"roas\":[]}",		/* duplicate member */
		"{\"roas\":[]} x",			/* trailing garbage */
		"{\"roas\":[{\"asn\":1,\"prefix\":\"192.0.2.0/24\"}",	/* truncated */
		"{\"roas\":[{\"asn\":1,\"prefix\":\"192.0.2.0/24\"},]}",	/* trailing comma */
		"{\"roas\" [] }",				/* no colon */
		"{5: []}",				/* key not a string */
		"[]",					/* not an object */
		"",
	};
	struct vrpset s;
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_int_equal(load(&s, ok, 0, &c), 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.buildtime, 1800000000);
	vrp_free(&s);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(load(&s, bad[i], 0, &c), -1);
		assert_int_equal(s.n, 0);
		vrp_free(&s);
	}
	assert_contains(capture_text(&c), "duplicate object key");
	assert_contains(capture_text(&c), "end of text expected");
	capture_end(&c);
}

static void
test_unusable_files(void **state)
{
	struct vrpset s;
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_int_equal(load(&s, "{\"roas\":[{\"asn\":1,", 0, &c), -1);
	assert_contains(capture_text(&c), "vrps.json:1:");
	assert_contains(capture_text(&c), "invalid JSON");
	vrp_free(&s);
	assert_int_equal(load(&s, "{\"vrps\":[]}", 0, &c), -1);
	assert_contains(capture_text(&c), "no \"roas\" array");
	vrp_free(&s);
	assert_int_equal(load(&s, "[]", 0, &c), -1);
	vrp_free(&s);
	/* 30 hours old against a 24 hour limit. */
	assert_int_equal(load(&s, "{\"metadata\":{\"generated\":1799892000},\"roas\":[]}", 86400, &c), -1);
	assert_contains(capture_text(&c), "30 hours old");
	vrp_free(&s);
	assert_int_equal(load(&s, "{\"metadata\":{\"generated\":1799892000},\"roas\":[]}", 0, &c), 0);
	vrp_free(&s);
	capture_end(&c);
}

static const char base[] = "{\"roas\":["
	"{\"asn\":64496,\"prefix\":\"192.0.2.0/24\",\"maxLength\":24},"
	"{\"asn\":64497,\"prefix\":\"192.0.2.0/25\",\"maxLength\":25},"
	"{\"asn\":64497,\"prefix\":\"198.51.100.0/24\",\"maxLength\":24},"
	"{\"asn\":64498,\"prefix\":\"203.0.113.0/24\",\"maxLength\":24},"
	"{\"asn\":64499,\"prefix\":\"2001:db8::/32\",\"maxLength\":48}]}";

static int
slurm(struct vrpset *s, const char *json, struct capture *c)
{
	return vrp_apply_slurm_mem(s, json, strlen(json), "slurm.json", &c->d);
}

static void
test_slurm(void **state)
{
	static const char ok[] = "{\"slurmVersion\":1,"
	    "\"validationOutputFilters\":{\"prefixFilters\":["
	    "{\"prefix\":\"192.0.2.0/24\",\"comment\":\"covers both 192.0.2 VRPs\"},"
	    "{\"asn\":64498},"
	    "{\"prefix\":\"198.51.100.0/24\",\"asn\":64999}],"
	    "\"bgpsecFilters\":[]},"
	    "\"locallyAddedAssertions\":{\"prefixAssertions\":["
	    "{\"asn\":64510,\"prefix\":\"198.51.100.128/25\",\"comment\":\"x\"},"
	    "{\"asn\":64511,\"prefix\":\"2001:db8:1::/48\",\"maxPrefixLength\":64}],"
	    "\"bgpsecAssertions\":[]}}";
	struct vrpset s;
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_int_equal(load(&s, base, 0, &c), 0);
	assert_int_equal(slurm(&s, ok, &c), 0);
	vrp_finalize(&s);
	/* Left: 198.51.100.0/24 (ASN filter did not match 64497) and
	 * 2001:db8::/32, plus the two assertions. */
	assert_int_equal(s.n, 4);
	assert_int_equal(s.n_slurm_filtered, 3);
	assert_int_equal(s.n_slurm_added, 2);
	vrp_free(&s);
	capture_end(&c);
}

static void
test_slurm_errors(void **state)
{
	static const char *const bad[] = {
		"{\"slurmVersion\":3,\"validationOutputFilters\":{},\"locallyAddedAssertions\":{}}",
		"{\"slurmVersion\":1,\"validationOutputFilters\":{}}",
		"{\"slurmVersion\":1,\"validationOutputFilters\":{},\"locallyAddedAssertions\":{},\"extra\":1}",
		"{\"slurmVersion\":1,\"validationOutputFilters\":{\"prefixFilters\":[{\"prefix\":\"192.0.2.1/24\"}]},\"locallyAddedAssertions\":{}}",
		"{\"slurmVersion\":1,\"validationOutputFilters\":{\"prefixFilters\":[{\"comment\":\"nothing\"}]},\"locallyAddedAssertions\":{}}",
		"{\"slurmVersion\":1,\"validationOutputFilters\":{\"prefixFilters\":[{\"asn\":\"AS1\"}]},\"locallyAddedAssertions\":{}}",
		"{\"slurmVersion\":1,\"validationOutputFilters\":{},\"locallyAddedAssertions\":{\"prefixAssertions\":[{\"asn\":1,\"prefix\":\"192.0.2.0/24\",\"maxPrefixLength\":20}]}}",
		"{\"slurmVersion\":1,\"validationOutputFilters\":{},\"locallyAddedAssertions\":{\"prefixAssertions\":[{\"asn\":1,\"prefix\":\"192.0.2.0/24\",\"typo\":1}]}}",
		"not json",
		/* Version 2 is the ASPA draft; a duplicate key is ambiguous. */
		"{\"slurmVersion\":2,\"validationOutputFilters\":{},\"locallyAddedAssertions\":{}}",
		"{\"slurmVersion\":1,\"validationOutputFilters\":{\"prefixFilters\":[{\"prefix\":\"192.0.2.0/24\",\"prefix\":\"0.0.0.0/0\"}]},\"locallyAddedAssertions\":{}}",
		"{\"slurmVersion\":1,\"slurmVersion\":1,\"validationOutputFilters\":{},\"locallyAddedAssertions\":{}}",
		"{\"slurmVersion\":1,\"validationOutputFilters\":{\"aspaFilters\":[]},\"locallyAddedAssertions\":{}}",
	};
	struct capture c;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct vrpset s;
		capture_begin(&c);
		assert_int_equal(load(&s, base, 0, &c), 0);
		if (slurm(&s, bad[i], &c) != -1)
			fail_msg("SLURM case %zu was accepted", i);
		assert_contains(capture_text(&c), "slurm.json");
		vrp_free(&s);
		capture_end(&c);
	}
}

/* Data that would silently weaken or poison RPKI is refused, not used. */
static void
test_poison(void **state)
{
	static const char *const refused[] = {
		/* Duplicate keys: last-wins would make this 0.0.0.0/0 AS64666. */
		"{\"roas\":[{\"asn\":64501,\"asn\":64666,\"prefix\":\"198.51.100.0/24\","
		    "\"prefix\":\"0.0.0.0/0\",\"maxLength\":24}]}",
		"{\"roas\":[],\"roas\":[]}",
		"{\"metadata\":{\"buildtime\":\"2099-01-01T00:00:00Z\"},\"roas\":[]}",
		"{\"metadata\":{\"generated\":9223372036854775807},\"roas\":[]}",
		"{\"metadata\":{\"generated\":-5},\"roas\":[]}",
		"{\"metadata\":{\"buildtime\":\"1960-01-01T00:00:00Z\"},\"roas\":[]}",
	};
	static const char unusable[] = "{\"roas\":["
	    "{\"asn\":64666,\"prefix\":\"0.0.0.0/0\",\"maxLength\":24},"
	    "{\"asn\":64666,\"prefix\":\"::/0\",\"maxLength\":48},"
	    "{\"asn\":64666,\"prefix\":\"fe80::/10\",\"maxLength\":64},"
	    "{\"asn\":64666,\"prefix\":\"224.0.0.0/4\",\"maxLength\":24},"
	    "{\"asn\":64666,\"prefix\":\"127.0.0.0/8\",\"maxLength\":24},"
	    "{\"asn\":64501,\"prefix\":\"198.51.100.0/24\",\"maxLength\":24},"
	    "{\"asn\":64501,\"prefix\":\"2001:db8::/32\",\"maxLength\":48}]}";
	struct vrpset s;
	struct capture c;
	struct prefix p;

	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++) {
		capture_begin(&c);
		if (load(&s, refused[i], 0, &c) != -1)
			fail_msg("poisoned export %zu was accepted", i);
		assert_int_equal(s.n, 0);
		vrp_free(&s);
		capture_end(&c);
	}
	capture_begin(&c);
	/* One hour of clock skew is tolerated. */
	assert_int_equal(load(&s, "{\"metadata\":{\"generated\":1800003000},\"roas\":[]}", 0, &c), 0);
	vrp_free(&s);
	assert_int_equal(load(&s, unusable, 0, &c), 0);
	assert_contains(capture_text(&c), "5 VRPs for a /0 or for non-unicast space skipped");
	vrp_finalize(&s);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.n_unusable, 5);
	p = P("203.0.113.0/24");
	assert_int_equal(vrp_validate(&s, &p, 64501), ROV_NOTFOUND);
	vrp_free(&s);
	capture_end(&c);
}

static void
test_slurm_filters_everything(void **state)
{
	static const char all[] = "{\"slurmVersion\":1,\"validationOutputFilters\":{"
	    "\"prefixFilters\":[{\"prefix\":\"0.0.0.0/0\"},{\"prefix\":\"::/0\"}]},"
	    "\"locallyAddedAssertions\":{}}";
	struct vrpset s;
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_int_equal(load(&s, base, 0, &c), 0);
	assert_int_equal(slurm(&s, all, &c), 0);
	assert_int_equal(s.n, 0);
	assert_contains(capture_text(&c), "SLURM filters removed every one of the 5 VRPs");
	vrp_free(&s);
	capture_end(&c);
}

static void
test_rov(void **state)
{
	static const char json[] = "{\"roas\":["
	    "{\"asn\":64496,\"prefix\":\"192.0.2.0/24\",\"maxLength\":25},"
	    "{\"asn\":0,\"prefix\":\"198.51.100.0/24\",\"maxLength\":32},"
	    "{\"asn\":64497,\"prefix\":\"2001:db8::/32\",\"maxLength\":48}]}";
	struct vrpset s;
	struct capture c;
	struct prefix p;

	(void)state;
	capture_begin(&c);
	assert_int_equal(load(&s, json, 0, &c), 0);
	vrp_finalize(&s);
	p = P("192.0.2.0/24");
	assert_int_equal(vrp_validate(&s, &p, 64496), ROV_VALID);
	assert_int_equal(vrp_validate(&s, &p, 64499), ROV_INVALID);	/* wrong origin */
	assert_int_equal(vrp_validate(&s, &p, 0), ROV_INVALID);
	p = P("192.0.2.128/25");
	assert_int_equal(vrp_validate(&s, &p, 64496), ROV_VALID);
	p = P("192.0.2.128/26");
	assert_int_equal(vrp_validate(&s, &p, 64496), ROV_INVALID);	/* too long */
	p = P("192.0.0.0/16");
	assert_int_equal(vrp_validate(&s, &p, 64496), ROV_NOTFOUND);	/* less specific */
	assert_false(vrp_covered(&s, &p));
	p = P("198.51.100.0/24");
	assert_int_equal(vrp_validate(&s, &p, 0), ROV_INVALID);		/* AS0 never matches */
	assert_true(vrp_covered(&s, &p));
	p = P("2001:db8:1::/48");
	assert_int_equal(vrp_validate(&s, &p, 64497), ROV_VALID);
	p = P("2001:db9::/32");
	assert_int_equal(vrp_validate(&s, &p, 64497), ROV_NOTFOUND);
	vrp_free(&s);
	capture_end(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rpki_client),
		cmocka_unit_test(test_routinator_and_rpki_json),
		cmocka_unit_test(test_bad_entries),
		cmocka_unit_test(test_streamed_reading),
		cmocka_unit_test(test_unusable_files),
		cmocka_unit_test(test_slurm),
		cmocka_unit_test(test_slurm_errors),
		cmocka_unit_test(test_poison),
		cmocka_unit_test(test_slurm_filters_everything),
		cmocka_unit_test(test_rov),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
