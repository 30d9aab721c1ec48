/*
 * What the looking glass knows besides BIRD: the reject reasons (the
 * compiler's reasons.json, or the built-in table) and the member directory
 * (the IXP's member YAML, read by the compiler's own loader).
 */
#ifndef IXP_LG_DATA_H
#define IXP_LG_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bparse.h"

struct config;

struct lg_reason_text {
	int	 code;
	char	*text;
	char	*hint;
};

struct lg_reasons {
	uint32_t rs_asn;		/* 0: not known from a file (taken from BIRD) */
	uint32_t reject_lc;		/* second field of (RS, x, code); 65520 */
	uint32_t rpki_lc;		/* second field of (RS, x, state); 1000 */
	struct lg_reason_text *v;
	size_t	 n;
};

void	lg_reasons_builtin(struct lg_reasons *r);
bool	lg_reasons_load(struct lg_reasons *r, const char *path, char *err, size_t errlen);
void	lg_reasons_free(struct lg_reasons *r);
/* Text and hint of a code; "unknown reason" for codes the table lacks. */
const char *lg_reason_text(const struct lg_reasons *r, int code, const char **hint);

/* What the route server's communities say about a route. */
struct lg_route_flags {
	int	 reject;		/* reject code, 0: not tagged */
	int	 rpki;			/* RPKI tag 1..4, 0: not tagged */
	bool	 blackhole;		/* 65535:666 */
};

void	lg_route_flags(const struct lg_reasons *r, uint32_t rs_asn,
	    const struct bird_route *rt, struct lg_route_flags *f);

/* The member directory; NULL config when no YAML was given. */
bool	lg_members_load(struct config **out, const char *path, char *err, size_t errlen);
void	lg_members_free(struct config *c);
/* The member a session belongs to: sessions are named AS<asn>_<n>. */
uint32_t lg_session_asn(const char *proto);

#endif
