/*
 * Progress of long work (reading a large dump, a live IRR fetch). Low-level
 * modules describe where they are; whether and how that is shown (a
 * terminal line, nothing in a pipeline) is the phase driver's decision.
 */
#ifndef IXP_PROGRESS_H
#define IXP_PROGRESS_H

#include <stdbool.h>

/* `text`: one line, no newline. `final`: the work is done (text may be
 * NULL: nothing to keep on the screen). */
typedef void (*progress_fn)(void *ctx, const char *text, bool final);

struct progress {
	progress_fn	 fn;
	void		*ctx;
};

#endif
