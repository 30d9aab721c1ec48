/*
 * Shared helpers for the cmocka unit tests. Included by each test file
 * after <cmocka.h>.
 */
#ifndef IXP_TESTUTIL_H
#define IXP_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#endif
