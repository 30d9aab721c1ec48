/*
 * libFuzzer target: the IRRd answer framing parser. The first byte picks
 * the chunk size, so answers split at every possible point are fuzzed too.
 */
#include <stdint.h>
#include <string.h>

#include "irrd_proto.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
count(const struct irrd_answer *a, void *ctx)
{
	size_t *n = ctx;

	/* Touch every byte the parser claims to have. */
	for (size_t i = 0; i < a->len; i++)
		*n += (unsigned char)a->data[i];
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct irrd_parser p;
	size_t chunk, n = 0;

	if (size == 0)
		return 0;
	chunk = (size_t)data[0] % 64 + 1;
	data++;
	size--;
	irrd_parser_init(&p, 4096);
	for (size_t off = 0; off < size; off += chunk)
		if (irrd_parser_feed(&p, (const char *)data + off,
		    size - off < chunk ? size - off : chunk, count, &n) != 0)
			break;
	irrd_parser_free(&p);
	return 0;
}
