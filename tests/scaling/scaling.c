/*
 * scaling: every parser of untrusted input, fed an input and one ten times
 * larger; the cost may grow at most SCALING_MAX_RATIO-fold (linear is 10,
 * n log n about 11-12, quadratic 100). Costs are the CPU time of this
 * thread, the least of several interleaved runs, so another busy process
 * on the machine does not decide the outcome: a ratio measured in one run,
 * not a time limit.
 *
 *   scaling [CASE...]      (default: every case) prints one line per case
 *                          and exits 1 when a ratio is over the limit
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "birdc.h"
#include "bparse.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "expand.h"
#include "irrd_proto.h"
#include "irrdb.h"
#include "lgcore.h"
#include "peeringdb.h"
#include "vrp.h"
#include "yaml_load.h"

#define SCALING_MAX_RATIO	25.0	/* linear work measures 10-15 (cache effects); quadratic is ~100 */
#define REPS			7
#define MIN_BASE_S		0.05	/* the 1x input costs at least this */

static FILE *devnull;

static double
cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the inputs ---------------------------------------------------------- */

static void
gen_yaml(size_t n, struct buf *b)
{
	buf_puts(b, "version: 1\nixp:\n  name: Scale-IX\n  rs_asn: 64500\n"
	    "  peering_lans: [100.64.0.0/10]\n  route_servers:\n"
	    "    - {name: rs1, router_id: 100.64.0.1, ipv4: 100.64.0.1}\n"
	    "policy: {bogon_asns: [0], bogon_prefixes: [10.0.0.0/8]}\nmembers:\n");
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "  - asn: %zu\n    name: \"Member %zu\"\n    as_set: [AS-M%zu]\n"
		    "    contact: {email: noc%zu@example.net}\n    connections:\n"
		    "      - {port: \"sw1:p%zu\", ipv4: 100.%zu.%zu.%zu}\n",
		    1000000 + i, i, i, i, i, 64 + (i + 2) / 65536 % 64, (i + 2) / 256 % 256,
		    (i + 2) % 256);
}

static void
gen_nested_yaml(size_t n, struct buf *b)
{
	buf_puts(b, "version: 1\nixp: ");
	for (size_t i = 0; i < n; i++)
		buf_putc(b, '[');
	for (size_t i = 0; i < n; i++)
		buf_putc(b, ']');
	buf_putc(b, '\n');
}

static void
gen_rpsl(size_t n, struct buf *b)
{
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "route:  10.%zu.%zu.0/24\ndescr:  object %zu\norigin: AS%zu\n"
		    "mnt-by: MAINT-X\nsource: TEST\n\n", i / 256 % 256, i % 256, i, 64496 + i % 1000);
}

/* A chain of AS-SETs, each naming the next and two ASNs. */
static void
gen_asset(size_t n, struct buf *b)
{
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "as-set: AS-S%zu\nmembers: AS-S%zu, AS%zu, AS%zu\nsource: TEST\n\n",
		    i, i + 1, 1000000 + 2 * i, 1000001 + 2 * i);
}

static void
gen_irrd(size_t n, struct buf *b)
{
	for (size_t i = 0; i < n; i++) {
		char data[64];
		int len = snprintf(data, sizeof(data), "192.0.%zu.0/24 198.51.%zu.0/24",
		    i % 256, (i + 1) % 256);
		buf_printf(b, "A%d\n%s\nC\n%s", len + 1, data, i % 5 == 0 ? "D\n" : "");
	}
}

static void
gen_vrps(size_t n, struct buf *b)
{
	buf_puts(b, "{\"metadata\": {\"generated\": 1700000000}, \"roas\": [");
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s{\"asn\": \"AS%zu\", \"prefix\": \"%zu.%zu.%zu.0/24\", "
		    "\"maxLength\": 24, \"ta\": \"ripe\"}", i ? ",\n" : "", 64496 + i % 5000,
		    1 + i / 65536 % 200, i / 256 % 256, i % 256);
	buf_puts(b, "]}");
}

static void
gen_slurm(size_t n, struct buf *b)
{
	buf_puts(b, "{\"slurmVersion\": 1, \"validationOutputFilters\": {\"prefixFilters\": [");
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s{\"prefix\": \"%zu.%zu.%zu.0/24\", \"asn\": %zu}", i ? ", " : "",
		    1 + i / 65536 % 200, i / 256 % 256, i % 256, 64496 + (i * 7) % 5000);
	buf_puts(b, "], \"bgpsecFilters\": []}, \"locallyAddedAssertions\": {\"prefixAssertions\": [");
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s{\"prefix\": \"203.%zu.%zu.0/24\", \"asn\": %zu}", i ? ", " : "",
		    i / 256 % 256, i % 256, 64496 + i % 16);
	buf_puts(b, "], \"bgpsecAssertions\": []}}");
}

static void
gen_pdb(size_t n, struct buf *b)
{
	buf_puts(b, "{\"meta\": {}, \"data\": [");
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s{\"asn\": %zu, \"irr_as_set\": \"RIPE::AS-N%zu\", \"info_prefixes4\": "
		    "%zu, \"info_prefixes6\": 10, \"info_never_via_route_servers\": %s}",
		    i ? ", " : "", 1000000 + i, i, i % 1000, i % 50 ? "false" : "true");
	buf_puts(b, "]}");
}

/* What BIRD answers to `show route all`, framed as on its socket. */
static void
gen_bird(size_t n, struct buf *b)
{
	buf_puts(b, "1007-Table master4:\n");
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "1007-%zu.%zu.%zu.0/24      unicast [AS64501_1 2026-11-23 13:14:40] * "
		    "(100) [AS64501i]\n \tvia 192.0.2.11 on eth0\n1008-\tType: BGP univ\n"
		    "1012-\tBGP.origin: IGP\n \tBGP.as_path: 64501 %zu\n \tBGP.next_hop: 192.0.2.11\n"
		    " \tBGP.local_pref: 100\n \tBGP.large_community: (64501, 1, 2) (64500, 1000, 1)\n",
		    1 + i / 65536 % 200, i / 256 % 256, i % 256, 64496 + i % 1000);
	buf_puts(b, "0000 \n");
}

/* ---- the parsers --------------------------------------------------------- */

static void
run_yaml(const struct buf *in)
{
	struct diag d;
	struct config c;

	diag_init(&d, devnull);
	memset(&c, 0, sizeof(c));
	if (yaml_load_config_mem(in->p, in->len, "scale.yaml", ".", &c, &d) == 0)
		config_free(&c);
}

static void
run_rpsl(const struct buf *in)
{
	struct irrdb db;

	irrdb_init(&db, NULL, 0);
	irrdb_load_mem(&db, in->p, in->len);
	irrdb_finalize(&db);
	irrdb_free(&db);
}

static void
run_asset(const struct buf *in)
{
	struct irrdb db;
	struct expand_opts o = { 1u << 30, 1u << 30, 1u << 30, NULL, 0, true };
	struct expansion e;
	const char *root = "AS-S0";

	irrdb_init(&db, NULL, 0);
	irrdb_load_mem(&db, in->p, in->len);
	irrdb_finalize(&db);
	expand_names(&db, &root, 1, 64500, &o, &e);
	expansion_free(&e);
	irrdb_free(&db);
}

static int
count_answer(const struct irrd_answer *a, void *ctx)
{
	*(size_t *)ctx += a->len;
	return 0;
}

static void
run_irrd(const struct buf *in)
{
	struct irrd_parser p;
	size_t n = 0;

	irrd_parser_init(&p, 1u << 20);
	for (size_t off = 0; off < in->len; off += 4096)
		if (irrd_parser_feed(&p, in->p + off, in->len - off < 4096 ? in->len - off : 4096,
		    count_answer, &n) != 0)
			break;
	irrd_parser_free(&p);
}

static void
run_vrps(const struct buf *in)
{
	struct diag d;
	struct vrpset s;

	diag_init(&d, devnull);
	memset(&s, 0, sizeof(s));
	if (vrp_load_mem(&s, in->p, in->len, "vrps.json", 1700000000, 0, &d) == 0)
		vrp_finalize(&s);
	vrp_free(&s);
}

/* SLURM applied to as many VRPs as it has filters: both grow. */
static void
run_slurm(const struct buf *in)
{
	struct diag d;
	struct vrpset s;
	struct buf v = BUF_INIT;
	size_t n = in->len / 120;

	diag_init(&d, devnull);
	memset(&s, 0, sizeof(s));
	gen_vrps(n, &v);
	vrp_load_mem(&s, v.p, v.len, "vrps.json", 1700000000, 0, &d);
	vrp_apply_slurm_mem(&s, in->p, in->len, "slurm.json", &d);
	vrp_finalize(&s);
	vrp_free(&s);
	buf_free(&v);
}

static void
run_pdb(const struct buf *in)
{
	struct diag d;
	struct pdb p;

	diag_init(&d, devnull);
	memset(&p, 0, sizeof(p));
	if (pdb_parse(&p, in->p, in->len, "pdb.json", &d) == 0)
		pdb_finalize(&p);
	pdb_free(&p);
}

static int
count_route(void *ctx, const struct bird_route *r)
{
	(void)r;
	(*(size_t *)ctx)++;
	return 0;
}

static int
route_line(void *ctx, int code, const char *text, size_t len)
{
	return bp_routes_line(ctx, code, text, len);
}

static void
run_bird(const struct buf *in)
{
	struct bird_reply r;
	struct bp_routes rt;
	size_t n = 0, off = 0;

	bird_reply_init(&r);
	bp_routes_init(&rt, count_route, &n);
	while (off < in->len) {
		size_t used, len = in->len - off < 4096 ? in->len - off : 4096;
		enum bird_feed f = bird_reply_feed(&r, in->p + off, len, &used, route_line, &rt);
		off += used;
		if (f != BF_MORE)
			break;
	}
	bp_routes_finish(&rt);
	bp_routes_free(&rt);

}

/* ---- the measurement ------------------------------------------------------- */

struct scase {
	const char	*name;
	void		(*gen)(size_t n, struct buf *b);
	void		(*run)(const struct buf *in);
	size_t		 n0;		/* starting size, doubled until it costs enough */
	size_t		 max_n;		/* largest 1x size tried */
};

static const struct scase cases[] = {
	{ "yaml-members", gen_yaml, run_yaml, 200, 8000 },
	{ "yaml-nesting", gen_nested_yaml, run_yaml, 10000, 10000 },
	{ "rpsl-routes", gen_rpsl, run_rpsl, 2000, 100000 },
	{ "rpsl-asset-chain", gen_asset, run_asset, 1000, 20000 },
	{ "irrd-answers", gen_irrd, run_irrd, 5000, 500000 },
	{ "vrp-json", gen_vrps, run_vrps, 2000, 100000 },
	{ "slurm", gen_slurm, run_slurm, 500, 20000 },
	{ "peeringdb-json", gen_pdb, run_pdb, 2000, 100000 },
	{ "bird-routes", gen_bird, run_bird, 1000, 50000 },
};

static double
cost(const struct scase *c, const struct buf *in)
{
	double t0 = cpu_s();

	c->run(in);
	return cpu_s() - t0;
}

static bool
measure(const struct scase *c)
{
	struct buf small = BUF_INIT, big = BUF_INIT;
	size_t n = c->n0;
	double ts = 1e9, tb = 1e9, ratio;

	/* A base large enough that timer resolution does not matter. */
	for (;;) {
		buf_reset(&small);
		c->gen(n, &small);
		if (cost(c, &small) >= MIN_BASE_S || n >= c->max_n)
			break;
		n *= 2;
	}
	c->gen(n * 10, &big);
	for (int i = 0; i < REPS; i++) {
		double a = cost(c, &small), b = cost(c, &big);
		if (a < ts)
			ts = a;
		if (b < tb)
			tb = b;
	}
	ratio = tb / (ts > 1e-6 ? ts : 1e-6);
	printf("%-18s %8zu -> %8zu units  %7.1f KB -> %8.1f KB  %8.4f s -> %8.4f s  ratio %5.1f"
	    "  (limit %.0f)\n", c->name, n, n * 10, small.len / 1024.0, big.len / 1024.0, ts, tb,
	    ratio, SCALING_MAX_RATIO);
	buf_free(&small);
	buf_free(&big);
	return ratio <= SCALING_MAX_RATIO;
}

int
main(int argc, char **argv)
{
	int failed = 0;

	devnull = fopen("/dev/null", "w");
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		bool want = argc < 2;
		for (int k = 1; k < argc; k++)
			want |= strcmp(argv[k], cases[i].name) == 0;
		if (want && !measure(&cases[i])) {
			printf("FAIL: %s grows faster than %.0fx for 10x the input\n", cases[i].name,
			    SCALING_MAX_RATIO);
			failed = 1;
		}
	}
	return failed;
}
