/*
 * libFuzzer target: the member YAML loader, and, for input it accepts, the
 * model and every emitter. Invariant checked: no emitted file contains a
 * control character other than tab and newline.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "emit_bird.h"
#include "emit_json.h"
#include "emit_nft.h"
#include "emit_policy.h"
#include "model.h"
#include "traffic.h"
#include "yaml_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
no_controls(const struct buf *b)
{
	for (size_t i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->p[i];
		if (c < 0x20 && c != '\t' && c != '\n')
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	struct diag d;
	struct config c;
	struct model mo;
	struct emit_opts eo = { "fuzz", NULL };

	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	diag_init(&d, devnull);
	if (yaml_load_config_mem((const char *)data, size, "fuzz.yaml", "/nonexistent",
	    &c, &d) != 0)
		return 0;
	{
		struct model_inputs in = { NULL, NULL, NULL, NULL, NULL, 0 };
		model_build(&mo, &c, &in, &d);
	}
	for (size_t i = 0; i < c.n_rs; i++) {
		struct buf b = BUF_INIT;
		emit_bird(&b, &mo, &c.rs[i], &eo, NULL);
		no_controls(&b);
		buf_free(&b);
	}
	{
		struct buf b = BUF_INIT;
		struct ruleset rs;
		struct traffic_model tm;
		emit_report_json(&b, &mo, &eo);
		no_controls(&b);
		emit_reasons_json(&b, &mo);
		if (ruleset_load_default(&rs, &d) != 0)
			abort();
		traffic_model_build(&tm, &c, &rs);
		buf_reset(&b);
		emit_nft(&b, &tm, &eo);
		no_controls(&b);
		buf_reset(&b);
		emit_policy_md(&b, &tm, &eo);
		no_controls(&b);
		buf_reset(&b);
		emit_policy_html(&b, &tm, &eo);
		no_controls(&b);
		traffic_model_free(&tm);
		ruleset_free(&rs);
		buf_free(&b);
	}
	model_free(&mo);
	config_free(&c);
	return 0;
}
