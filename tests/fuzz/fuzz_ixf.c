/*
 * libFuzzer target: IX-F member lists and PeeringDB IX LAN answers read by
 * `ixp-rsc import`, and the YAML skeleton printed from them. Invariant: whatever the list holds
 * (quotes, newlines, YAML syntax in names, absurd numbers, bad addresses),
 * a skeleton with route servers loads with no error at all; hostile text
 * never becomes YAML structure.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit_yaml.h"
#include "ixf_read.h"
#include "pdb_ixlan.h"
#include "yaml_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	static const char *dumps[] = { "irr.db" };
	struct import_opts o = { "fuzz\n: [x", dumps, 1, NULL, 0 };
	struct ixf_list l;
	char err[300];

	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	static const char *const rs[] = { "192.0.2.1,2001:db8:100::1" };
	/* One reader or the other, by the input's first byte. */
	int r = size > 0 && (data[0] & 1) ? pdb_ixlan_read(&l, (const char *)data, size, 64500,
	    rs, 1, err, sizeof(err)) : ixf_read(&l, (const char *)data, size, err, sizeof(err));

	if (r == 0) {
		struct buf b = BUF_INIT;
		emit_yaml_skeleton(&b, &l, &o);
		/* Fuzzed lists use any ASN and LAN: bogons are not what is tested. */
		buf_puts(&b, "\npolicy:\n  bogon_asns: [0]\n  bogon_prefixes: [\"0.0.0.0/8\"]\n");
		if (l.n_rs > 0 && l.rs_asn != 0) {
			struct config c;
			struct diag d;
			diag_init(&d, devnull);
			if (yaml_load_config_mem(b.p, b.len, "skeleton", "/nonexistent", &c, &d) != 0 ||
			    d.errors != 0) {
				fwrite(b.p, 1, b.len, stderr);
				abort();
			}
			config_free(&c);
		}
		buf_free(&b);
		ixf_list_free(&l);
	}
	return 0;
}
