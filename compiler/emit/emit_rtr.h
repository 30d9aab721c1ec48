/*
 * The IRR data sets of irr_filter: rtr, as the JSON an RTR cache reads
 * (StayRTR's -cache file: rpki-client's format): irr-rtr-exact.json and
 * irr-rtr-or-longer.json. Pure emitters; the serial is the caller's.
 */
#ifndef IXP_EMIT_RTR_H
#define IXP_EMIT_RTR_H

#include <stddef.h>

#include "buf.h"
#include "model.h"

/* Output file name of data set `ol` (0 exact, 1 or-longer). */
const char *irr_rtr_file(int ol);
/*
 * The "roas" array of shared table `ol`: every entry model_irr_entry
 * gives, in the IRR index's prefix order, then the sentinel of each
 * family. Returns the number of entries.
 */
size_t	emit_irr_rtr_roas(struct buf *out, const struct model *mo, int ol);
/* The whole file: metadata (timestamp NULL: no buildtime), then `roas`. */
void	emit_irr_rtr_file(struct buf *out, int ol, const struct buf *roas, size_t n,
	    unsigned serial, const char *version, const char *timestamp);

#endif
