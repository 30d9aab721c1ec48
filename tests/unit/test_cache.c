/*
 * compiler/sources/cache: the copy of a live source kept for the next run
 * that cannot reach it: stored atomically, read back with its age, keyed by
 * a file name that is safe whatever the server or URL is.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <sys/stat.h>
#include <sys/time.h>

#include "cache.h"
#include "testutil.h"
#include "xalloc.h"

static void
test_put_get_age(void **state)
{
	const char *dir = *state;
	char sub[512], path[600], err[256];
	struct timeval old[2];
	size_t len;
	long age;
	char *got;

	/* The cache directory is created on the first store. */
	snprintf(sub, sizeof(sub), "%s/cache", dir);
	assert_int_equal(cache_put(sub, "irr-a.db", "route: x\n", 9, err, sizeof(err)), 0);
	got = cache_get(sub, "irr-a.db", 1 << 20, &len, &age);
	assert_non_null(got);
	assert_int_equal(len, 9);
	assert_string_equal(got, "route: x\n");
	assert_true(age >= 0);
	free(got);
	/* A second store replaces the copy. */
	assert_int_equal(cache_put(sub, "irr-a.db", "new\n", 4, err, sizeof(err)), 0);
	got = cache_get(sub, "irr-a.db", 1 << 20, &len, &age);
	assert_string_equal(got, "new\n");
	free(got);
	/* Its age is its modification time's: two hours old. */
	snprintf(path, sizeof(path), "%s/irr-a.db", sub);
	old[0].tv_sec = old[1].tv_sec = time(NULL) - 7200;
	old[0].tv_usec = old[1].tv_usec = 0;
	assert_int_equal(utimes(path, old), 0);
	age = cache_age(sub, "irr-a.db");
	assert_true(age >= 7200 && age < 7200 + 600);
	/* A copy larger than the caller's cap is not read. */
	assert_null(cache_get(sub, "irr-a.db", 3, &len, &age));
	assert_int_equal(errno, EFBIG);
	/* None at all. */
	assert_null(cache_get(sub, "irr-b.db", 1 << 20, &len, &age));
	assert_int_equal(cache_age(sub, "irr-b.db"), -1);
}

static void
test_put_fails(void **state)
{
	const char *dir = *state;
	char file[512], err[256] = "";
	FILE *f;

	snprintf(file, sizeof(file), "%s/file", dir);
	f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	/* A cache "directory" that is a file: an error naming it. */
	assert_int_equal(cache_put(file, "k", "x", 1, err, sizeof(err)), -1);
	assert_contains(err, file);
}

static void
test_keys(void **state)
{
	char a[128], b[128];

	(void)state;
	cache_key(a, sizeof(a), "irr", "rr.example.net:43", "db");
	assert_int_equal(strncmp(a, "irr-", 4), 0);
	assert_null(strchr(a, '/'));
	assert_null(strchr(a, ':'));
	assert_true(strlen(a) > 7 && !strcmp(a + strlen(a) - 3, ".db"));
	/* A hostile URL gives a plain file name in the directory. */
	cache_key(b, sizeof(b), "vrp", "https://x/../../etc/passwd?a b;c", "json");
	assert_null(strchr(b, '/'));
	assert_null(strchr(b, ' '));
	assert_null(strchr(b, ';'));
	/* URLs that sanitise alike still get their own files. */
	cache_key(a, sizeof(a), "vrp", "https://x/a?b", "json");
	cache_key(b, sizeof(b), "vrp", "https://x/a_b", "json");
	assert_string_not_equal(a, b);
	/* The same source, the same file. */
	cache_key(b, sizeof(b), "vrp", "https://x/a?b", "json");
	assert_string_equal(a, b);
	/* A long URL fits the buffer, with its hash and extension kept. */
	{
		char big[4096], k[64];
		memset(big, 'u', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		cache_key(k, sizeof(k), "pdb", big, "json");
		assert_true(strlen(k) < sizeof(k));
		assert_string_equal(k + strlen(k) - 5, ".json");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_put_get_age, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_put_fails, scratch_setup, scratch_teardown),
		cmocka_unit_test(test_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
