/*
 * The data files compile writes for RTR caches, as the JSON they read
 * (StayRTR's -cache file: rpki-client's format): the IRR data sets of
 * irr_filter: rtr (irr-rtr-exact.json, irr-rtr-or-longer.json) and the VRPs
 * of ixp.bird.vrps_rtr (rpki-rtr.json). Pure emitters; the serial is the
 * caller's.
 */
#ifndef IXP_EMIT_RTR_H
#define IXP_EMIT_RTR_H

#include <stddef.h>

#include "buf.h"
#include "model.h"

/* Output file name of a data set. */
const char *rtr_file(enum rtr_set s);
/*
 * The "roas" array of a data set. IRR: every entry model_irr_entry gives
 * for its table, in the IRR index's prefix order, then the sentinels. VRPs:
 * those compile used (trust anchors and SLURM applied). Returns the number
 * of entries.
 */
size_t	emit_rtr_roas(struct buf *out, const struct model *mo, enum rtr_set s);
/* What comes before the "roas" array: the metadata (timestamp NULL: no
 * buildtime). The file is this header, then emit_rtr_roas's text. */
void	emit_rtr_header(struct buf *out, enum rtr_set s, size_t n, unsigned serial,
	    const char *version, const char *timestamp);
/* Upper bound of the "roas" text's length, to allocate it once. */
size_t	emit_rtr_size(const struct model *mo, enum rtr_set s);

#endif
