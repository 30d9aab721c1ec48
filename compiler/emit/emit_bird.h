/*
 * BIRD 2 route-server configuration emitter. Pure: model in, text out.
 */
#ifndef IXP_EMIT_BIRD_H
#define IXP_EMIT_BIRD_H

#include "buf.h"
#include "emit.h"
#include "model.h"

/*
 * The complete config for one route server. `data`: emit_bird_data's text
 * for this model, made beforehand (NULL: made here).
 */
void	emit_bird(struct buf *out, const struct model *mo,
	    const struct route_server *rs, const struct emit_opts *o, const struct buf *data);
/*
 * The data section of the config: the RPKI and IRR tables (their entries
 * when static, else the RTR protocols that fill them). The same in every
 * route server's config, and most of its text: made once, on a thread.
 */
void	emit_bird_data(struct buf *out, const struct model *mo);

/* Text safe inside a BIRD string literal or comment (BIRD 2.0 strings have
 * no escapes): printable ASCII except '"' and '\\'; anything else becomes
 * '_'. At most `max` bytes. */
void	bird_text(struct buf *b, const char *s, size_t max);

#endif
