/*
 * libFuzzer target: BIRD's reply framing and every reply parser of the
 * looking glass (status, protocols, routes). The first byte picks
 * the chunk size, so replies split at every possible point are fuzzed too.
 * Lines are kept as the cache keeps them and replayed into the parsers, as
 * the looking glass does: spans, not NUL-terminated strings.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "birdc.h"
#include "bparse.h"
#include "buf.h"
#include "lgcore.h"
#include "lgdata.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct lg_reasons lgr;

static int
on_route(void *ctx, const struct bird_route *r)
{
	struct lg_route_flags f;
	size_t *n = ctx;

	lg_route_flags(&lgr, 64500, r, &f);
	/* Touch everything the parser hands out. */
	*n += strlen(r->network) + strlen(r->other) + r->n_as_path + (size_t)f.reject;
	for (size_t i = 0; i < r->n_as_path; i++)
		*n += r->as_path[i];
	for (size_t i = 0; i < r->n_ext_communities; i++)
		*n += strlen(r->ext_communities[i][2]);
	return *n % 97 == 0 ? -1 : 0;		/* sometimes stop early */
}

struct all {
	struct bird_status_info	 st;
	struct bp_protocols	 pr;
	struct bp_routes	 rt;
};

static int
keep(void *ctx, int code, const char *text, size_t len)
{
	struct buf *b = ctx;

	buf_printf(b, "%04d", code % 10000);
	buf_add(b, text, len);
	buf_putc(b, '\n');
	return 0;
}

static int
every_parser(void *ctx, int code, const char *text, size_t len)
{
	struct all *a = ctx;

	bp_status_line(&a->st, code, text, len);
	bp_protocols_line(&a->pr, code, text, len);
	bp_routes_line(&a->rt, code, text, len);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct all a;
	struct bird_reply r;
	struct lg_reply lr;
	struct buf b = BUF_INIT;
	size_t chunk, n = 0, off = 1;

	if (size == 0)
		return 0;
	if (lgr.n == 0)
		lg_reasons_builtin(&lgr);
	chunk = (size_t)data[0] % 64 + 1;
	memset(&a, 0, sizeof(a));
	bp_routes_init(&a.rt, on_route, &n);
	bird_reply_init(&r);
	while (off < size) {
		size_t len = size - off < chunk ? size - off : chunk, used;
		enum bird_feed f = bird_reply_feed(&r, (const char *)data + off, len, &used,
		    keep, &b);
		off += used;
		if (f != BF_MORE)
			break;
	}
	/* The copy in a buffer of exactly its size: reading past a line's end
	 * is caught by ASan on the last one. */
	memset(&lr, 0, sizeof(lr));
	lr.len = b.len;
	lr.data = malloc(b.len ? b.len : 1);
	memcpy(lr.data, b.p ? b.p : "", b.len);
	lg_replay(&lr, every_parser, &a);
	free(lr.data);
	buf_free(&b);
	bp_routes_finish(&a.rt);
	for (size_t i = 0; i < a.pr.n; i++)
		n += strlen(a.pr.v[i].name) + (size_t)a.pr.v[i].n_ch;
	bp_routes_free(&a.rt);
	bp_protocols_free(&a.pr);
	return n == 1;
}
