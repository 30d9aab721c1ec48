/*
 * The data files for the RTR caches (irr_filter: rtr, vrps_rtr), made on a
 * thread of their own while the rest of the outputs are made: each data
 * set's entries (emit_rtr), compared with the file OUTDIR holds. The
 * serial is the previous file's, one up when the entries changed, so what
 * a cache serves is named by the compile that wrote it; a file whose
 * entries and metadata (the build time aside) stay the same is left as it
 * is, not written again.
 */
#ifndef IXP_PUBLISH_RTR_H
#define IXP_PUBLISH_RTR_H

#include <stdbool.h>

#include "buf.h"
#include "emit.h"
#include "job.h"
#include "model.h"
#include "outdir.h"

#define RTR_HEADER_MAX 4096	/* a data file's metadata, at most */

struct rtr_publish {
	bool		 on[RTR_NUM];		/* data set written */
	unsigned	 serial[RTR_NUM];
	bool		 changed[RTR_NUM];	/* its entries differ from the previous file's */
	bool		 kept[RTR_NUM];		/* the previous file says it all: left as it is */
	size_t		 n[RTR_NUM];

	/* Between start and finish: the thread's. */
	const struct model *mo;
	const char	*outdir;
	struct buf	 text[RTR_NUM];		/* RTR_HEADER_MAX of room, then the entries */
	bool		 have_prev[RTR_NUM];	/* the previous file has a serial */
	unsigned	 prev_serial[RTR_NUM];
	char		 prev_header[RTR_NUM][RTR_HEADER_MAX];
	struct job	 job;
};

/* Begin the data sets `mo` publishes (none: nothing to do). `mo` and
 * `outdir` must stay until rtr_publish_finish. */
void	rtr_publish_start(struct rtr_publish *p, const struct model *mo, const char *outdir);
/* Wait for them and add each file to `out` (a kept one as kept), its
 * metadata naming o's version and time. */
void	rtr_publish_finish(struct rtr_publish *p, const struct emit_opts *o, struct outset *out);

#endif
