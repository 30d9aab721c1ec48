/* The benchmarks' pseudo-random numbers: xorshift64*, deterministic for a
 * seed, the same in every tool (bench/gen, bench/churn). */
#ifndef IXP_BENCH_RNG_H
#define IXP_BENCH_RNG_H
#include <stdint.h>

static inline uint64_t
xorshift64s(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ull;
}
#endif
