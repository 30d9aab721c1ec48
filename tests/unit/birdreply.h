/*
 * BIRD replies for the looking-glass tests: transcripts recorded from BIRD
 * 2.0.12 (tests/lg/transcripts, captured from the t_lg.sh test IXP) and a
 * feeder that hands a reply to the framing in pieces of any size.
 * Included after testutil.h.
 */
#ifndef IXP_TEST_BIRDREPLY_H
#define IXP_TEST_BIRDREPLY_H

#include "birdc.h"

/* A transcript file: "C: command" then BIRD's bytes. */
static inline char *
transcript(const char *name, size_t *len)
{
	char path[256];
	FILE *f;
	char *data;
	long n;
	char *nl;

	snprintf(path, sizeof(path), "../lg/transcripts/%s.txt", name);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n + 1);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	nl = strchr(data, '\n');
	assert_non_null(nl);
	memmove(data, nl + 1, (size_t)n - (size_t)(nl + 1 - data) + 1);
	*len = strlen(data);
	return data;
}

/* Feed a reply in pieces of `step` bytes; returns the final code. */
static inline int
feed(const char *data, size_t len, size_t step, bird_line_fn fn, void *ctx)
{
	struct bird_reply r;
	size_t off = 0;

	bird_reply_init(&r);
	while (off < len) {
		size_t n = len - off < step ? len - off : step, used;
		enum bird_feed f = bird_reply_feed(&r, data + off, n, &used, fn, ctx);
		off += used;
		if (f == BF_DONE)
			return r.final_code;
		assert_true(f == BF_MORE);
	}
	fail_msg("reply did not end");
	return -1;
}

#endif
