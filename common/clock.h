/*
 * The one clock for deadlines and durations: monotonic, so a stepped wall
 * clock (NTP, an operator's `date`) never stretches or cuts a timeout.
 */
#ifndef IXP_CLOCK_H
#define IXP_CLOCK_H

#include <stdint.h>

/* Milliseconds since an arbitrary start. */
int64_t	clock_ms(void);
/* Seconds since an arbitrary start, for durations in reports. */
double	clock_s(void);

#endif
