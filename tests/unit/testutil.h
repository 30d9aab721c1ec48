/*
 * Shared helpers for the cmocka unit tests. Included by each test file
 * after <cmocka.h>.
 */
#ifndef IXP_TESTUTIL_H
#define IXP_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ftw.h>
#include <unistd.h>

#include "diag.h"

/* A diag whose output lands in memory, so tests can assert on messages. */
struct capture {
	struct diag	 d;
	char		*text;
	size_t		 len;
	FILE		*f;
};

static inline void
capture_begin(struct capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	diag_init(&c->d, c->f);
}

/* Returns the captured text (valid until capture_end). */
static inline const char *
capture_text(struct capture *c)
{
	fflush(c->f);
	return c->text ? c->text : "";
}

static inline void
capture_end(struct capture *c)
{
	fclose(c->f);
	free(c->text);
}

#define assert_contains(hay, needle) do {					\
	const char *h_ = (hay), *n_ = (needle);					\
	if (strstr(h_, n_) == NULL) {						\
		print_error("expected to find \"%s\" in:\n%s\n", n_, h_);	\
		fail();								\
	}									\
} while (0)

#define assert_not_contains(hay, needle) do {					\
	const char *h_ = (hay), *n_ = (needle);					\
	if (strstr(h_, n_) != NULL) {						\
		print_error("did not expect \"%s\" in:\n%s\n", n_, h_);		\
		fail();								\
	}									\
} while (0)

/*
 * A scratch directory for each test: cmocka_unit_test_setup_teardown(t,
 * scratch_setup, scratch_teardown) passes its path as *state and removes
 * it with all it holds, also when the test fails.
 */
static inline int
scratch_rm(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

static inline int
scratch_setup(void **state)
{
	char *d = strdup("/tmp/ixp-test-unit-XXXXXX");

	if (d == NULL || mkdtemp(d) == NULL) {
		free(d);
		return -1;
	}
	*state = d;
	return 0;
}

static inline int
scratch_teardown(void **state)
{
	int r = nftw(*state, scratch_rm, 16, FTW_DEPTH | FTW_PHYS);

	free(*state);
	return r;
}

#endif
