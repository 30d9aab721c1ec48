/*
 * What every emitter takes besides its model: the emitters are pure (model
 * in, text out), and these are the only facts from outside.
 */
#ifndef IXP_EMIT_H
#define IXP_EMIT_H

struct emit_opts {
	const char	*version;	/* ixp-rsc version for the header */
	const char	*timestamp;	/* header line; NULL: none (deterministic) */
};

#endif
