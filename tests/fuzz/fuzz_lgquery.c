/*
 * libFuzzer target: the looking glass's request parser (path and query
 * string), and the command templates fed with whatever it accepts. The
 * property: every command that would reach BIRD passes bird_cmd_ok.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "birdc.h"
#include "lgcore.h"
#include "lgquery.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *q;
	struct lg_request rq;
	struct lg_reqerr err;

	memcpy(s, data, size);
	s[size] = '\0';
	q = strchr(s, '?');
	if (q != NULL)
		*q++ = '\0';
	if (lg_parse_request("GET", s, q ? q : "", &rq, &err)) {
		struct lg_args a = { 0 };
		char cmd[BIRD_CMD_MAX + 1];
		a.proto = rq.proto[0] ? rq.proto : "AS1_1";
		a.is_ip = rq.q_is_ip;
		a.ip = rq.q_ip;
		a.prefix = rq.q_prefix;
		a.asn = rq.asn;
		/* Both reject policies: reject, and tag (the tagged clauses). */
		for (int c = CMD_STATUS; c < CMD_NUM; c++)
			for (uint32_t tag = 0; tag <= 1; tag++)
				if (lg_build_cmd((enum lg_cmd)c, &a, tag ? 4200000000u : 0, cmd,
				    sizeof(cmd)) && !bird_cmd_ok(cmd))
					abort();
	} else if (err.status < 400 || err.status > 499) {
		abort();
	}
	free(s);
	return 0;
}
