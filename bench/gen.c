/*
 * bench/gen: a synthetic IXP at the scale of the largest ones, for `make
 * bench`. Deterministic for a given seed.
 *
 *   gen MEMBERS SEED OUTDIR     -> OUTDIR/irr.db, vrps.json, ixp.yaml, sets.txt
 *
 * MEMBERS 1000 gives about 80,000 ASNs, 1.5 million route/route6 objects and
 * 500,000 VRPs; smaller presets scale down. The data lives in private and
 * documentation space (ASNs from 4200000000, IPv4 in 10.0.0.0/8, IPv6 in
 * 2001:db8::/32): it is parsed, compiled and loaded, never routed.
 *
 * AS-SET cones: most members are tiny (their ASN and a few customers), some
 * are medium (hundreds to a couple of thousand ASNs), and a few transit
 * providers have 10,000 to 60,000 ASNs in nested sets whose windows of the
 * ASN pool overlap, with loops between sets.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rng.h"

#define ASN_BASE 4200000000u

static uint64_t rng_state;
static int first_vrp = 1;

static uint64_t
rng(void)
{
	return xorshift64s(&rng_state);
}

static double
unif(void)
{
	return (double)(rng() >> 11) / (double)(1ull << 53);
}

static unsigned
range(unsigned lo, unsigned hi)
{
	return lo + (unsigned)(rng() % (uint64_t)(hi - lo + 1));
}

static FILE *
open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		exit(1);
	}
	return f;
}


/* Origins skewed: a few ASNs hold many prefixes. */
static uint32_t
pick_origin(unsigned n_asns)
{
	double u = unif();
	unsigned a = (unsigned)((double)n_asns * u * u * u);
	return ASN_BASE + (a < n_asns ? a : n_asns - 1);
}

/*
 * One route object, realistic length `len` at unit `base` (see main), and
 * for most of them a VRP: the matching ROA, or, for one in thirty, one for
 * another origin (RPKI invalid). Returns 1.
 */
static unsigned
put_route(FILE *irr, FILE *vrp, int v6, uint64_t base, unsigned len, uint32_t origin,
    unsigned *vrps_left, unsigned i)
{
	char pfx[64];
	uint32_t o = i % 30 == 0 ? origin + 1 : origin;

	if (v6)
		snprintf(pfx, sizeof(pfx), "2001:db8:%x:%x00::/%u", (unsigned)(base >> 8),
		    (unsigned)(base & 255), len + 8);
	else
		snprintf(pfx, sizeof(pfx), "10.%u.%u.%u/%u", (unsigned)(base >> 16) & 255,
		    (unsigned)(base >> 8) & 255, (unsigned)base & 255, len + 8);
	fprintf(irr, "%s: %s\norigin: AS%u\nsource: BENCH\n\n", v6 ? "route6" : "route", pfx,
	    origin);
	if (*vrps_left > 0 && rng() % 3 == 0) {
		fprintf(vrp, "%s{\"asn\":%u,\"prefix\":\"%s\",\"maxLength\":%u,\"ta\":\"b\"}",
		    first_vrp ? "" : ",\n", o, pfx, len + 8);
		first_vrp = 0;
		(*vrps_left)--;
	}
	return 1;
}

int
main(int argc, char **argv)
{
	unsigned members, n_asns, n_routes4, n_routes6, n_vrp_left;
	unsigned *member_asn;
	FILE *irr, *vrp, *yaml, *sets;

	if (argc != 4) {
		fprintf(stderr, "usage: gen MEMBERS SEED OUTDIR\n");
		return 2;
	}
	members = (unsigned)atoi(argv[1]);
	rng_state = (uint64_t)strtoull(argv[2], NULL, 10) * 0x9e3779b97f4a7c15ull + 1;
	mkdir(argv[3], 0755);
	n_asns = members * 80;
	n_routes4 = members * 1200;
	n_routes6 = members * 300;
	n_vrp_left = members * 500;
	irr = open_out(argv[3], "irr.db");
	vrp = open_out(argv[3], "vrps.json");
	yaml = open_out(argv[3], "ixp.yaml");
	sets = open_out(argv[3], "sets.txt");
	setvbuf(irr, NULL, _IOFBF, 1 << 20);

	/*
	 * Route objects: address blocks of holders (origins skewed: a few ASNs
	 * hold many), each registered, about half of them also with more-
	 * specifics inside, mostly of the same origin (deaggregates), some of
	 * customers. Realistic lengths are shifted by 8 bits (a /24 becomes a
	 * /32, a /48 a /56) so that 1.5 million objects fit into 10.0.0.0/8
	 * and 2001:db8::/32; parsing and table costs do not depend on length.
	 */
	fprintf(irr, "# synthetic IRR dump, %u members (bench/gen.c)\n\n", members);
	fprintf(vrp, "{\"roas\":[\n");
	for (int v6 = 0; v6 < 2; v6++) {
		unsigned want = v6 ? n_routes6 : n_routes4, n = 0;
		uint64_t next = 0;	/* next free unit: /32 (IPv4) or /56 (IPv6) */
		while (n < want) {
			unsigned r = (unsigned)(rng() % 100);
			unsigned len = v6 ? (r < 75 ? 48 : r < 95 ? 44 : 40) :
			    (r < 60 ? 24 : r < 75 ? 22 : r < 85 ? 21 : r < 92 ? 20 : r < 97 ? 19 : 16);
			unsigned top = v6 ? 48 : 24, shift = top - len;
			uint64_t units = 1ull << shift, base = (next + units - 1) / units * units;
			uint32_t holder = pick_origin(n_asns);

			next = base + units;
			n += put_route(irr, vrp, v6, base, len, holder, &n_vrp_left, n);
			if (len < top && rng() % 100 < 55) {
				unsigned k = range(1, shift >= 3 ? 8 : 1u << shift);
				for (unsigned j = 0; j < k && n < want; j++) {
					unsigned sl = range(len + 1, top);
					uint64_t sunits = 1ull << (top - sl);
					uint64_t sbase = base + (rng() % (units / sunits)) * sunits;
					uint32_t o = rng() % 100 < 70 ? holder : pick_origin(n_asns);
					n += put_route(irr, vrp, v6, sbase, sl, o, &n_vrp_left, n);
				}
			}
		}
		if (next > (1ull << 24)) {
			fprintf(stderr, "gen: blocks overflow %s\n", v6 ? "2001:db8::/32" : "10.0.0.0/8");
			return 1;
		}
	}
	fprintf(vrp, "\n]}\n");

	/* Members and their AS-SETs. */
	member_asn = malloc(members * sizeof(*member_asn));
	for (unsigned m = 0; m < members; m++)
		member_asn[m] = ASN_BASE + m * (n_asns / members);	/* spread over the pool */
	for (unsigned m = 0; m < members; m++) {
		double u = unif();
		unsigned size, sub, nsub;
		char name[64];

		snprintf(name, sizeof(name), "AS-M%u", m);
		fprintf(sets, "%s\n", name);
		if (u < 0.02 || m == 0) {
			/* A transit provider: 10k-60k ASNs in nested windows. */
			size = range(10000, members >= 1000 ? 60000 : n_asns / 2);
			if (size > n_asns)
				size = n_asns;
			sub = 500;
			nsub = (size + sub - 1) / sub;
			unsigned start = range(0, n_asns - size);
			fprintf(irr, "as-set: %s\nmembers: AS%u", name, member_asn[m]);
			for (unsigned s = 0; s < nsub; s++)
				fprintf(irr, ", %s-C%u", name, s);
			fprintf(irr, "\nsource: BENCH\n\n");
			for (unsigned s = 0; s < nsub; s++) {
				fprintf(irr, "as-set: %s-C%u\nmembers:", name, s);
				for (unsigned k = 0; k < sub && s * sub + k < size; k++)
					fprintf(irr, "%s AS%u", k ? "," : "", ASN_BASE + start + s * sub + k);
				/* Loops: some subsets include their parent. */
				if (s % 7 == 3)
					fprintf(irr, ", %s", name);
				fprintf(irr, "\nsource: BENCH\n\n");
			}
		} else if (u < 0.10) {
			/* Medium: a few hundred to two thousand ASNs, and sometimes
			 * the set of another member (overlapping cones). */
			size = range(100, 2000 < n_asns ? 2000 : n_asns);
			unsigned start = range(0, n_asns - size);
			fprintf(irr, "as-set: %s\nmembers: AS%u", name, member_asn[m]);
			for (unsigned k = 0; k < size; k++)
				fprintf(irr, ", AS%u", ASN_BASE + start + k);
			if (m > 1 && u < 0.04)
				fprintf(irr, ", AS-M%u", range(0, m - 1));
			fprintf(irr, "\nsource: BENCH\n\n");
		} else {
			/* Tiny: the member and a handful of customers. */
			size = range(0, 20);
			fprintf(irr, "as-set: %s\nmembers: AS%u", name, member_asn[m]);
			for (unsigned k = 0; k < size; k++)
				fprintf(irr, ", AS%u", ASN_BASE + range(0, n_asns - 1));
			fprintf(irr, "\nsource: BENCH\n\n");
		}
	}

	fprintf(yaml, "# Synthetic IXP with %u members (bench/gen.c); private and documentation\n"
	    "# resources, so the bogon lists are replaced.\nversion: 1\nixp:\n"
	    "  name: Bench-IX-%u\n  rs_asn: 64500\n"
	    "  peering_lans: [100.64.0.0/16, \"2001:db8:ffff::/64\"]\n"
	    "  route_servers:\n    - {name: rs1, router_id: 100.64.0.1, ipv4: 100.64.0.1, "
	    "ipv6: \"2001:db8:ffff::1\"}\n"
	    "sources:\n  irr: {sources: [BENCH], dumps: [irr.db]}\n"
	    "  rpki: {vrps: vrps.json, max_age: 0}\n"
	    "policy:\n  bogon_prefixes: [\"::/8\"]\n  bogon_asns: [0]\n"
	    "  prefix_length: {ipv4: [8, 32], ipv6: [16, 56]}\n"
	    "members:\n", members, members);
	for (unsigned m = 0; m < members; m++)
		fprintf(yaml, "  - {asn: %u, name: Member %u, as_set: AS-M%u, connections: [{port: "
		    "p%u, ipv4: 100.64.%u.%u, ipv6: \"2001:db8:ffff::%x\"}]}\n", member_asn[m], m, m,
		    m, (m + 2) / 250, (m + 2) % 250 + 2, m + 2);
	fclose(irr);
	fclose(vrp);
	fclose(yaml);
	fclose(sets);
	free(member_asn);
	return 0;
}
