/*
 * Names of IRR objects that members reference: AS-SETs (plain or
 * hierarchical, optionally with a SOURCE:: prefix) and aut-nums.
 */
#ifndef IXP_IRRNAME_H
#define IXP_IRRNAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define IRRNAME_MAX 128

enum irrname_kind {
	IRRNAME_INVALID = 0,
	IRRNAME_ASN,		/* AS64500 */
	IRRNAME_ASSET,		/* AS-FOO, AS64500:AS-FOO, AS-FOO:AS64500 */
};

struct irrname {
	enum irrname_kind kind;
	uint32_t	 asn;			/* IRRNAME_ASN */
	char		 source[33];		/* "" when not given; upper case */
	char		 name[IRRNAME_MAX + 1];	/* upper case, without source */
};

/*
 * Parse `s` (length n). On failure returns false and sets *why to a short
 * explanation suitable for an error message.
 */
bool	irrname_parse(const char *s, size_t n, struct irrname *out,
	    const char **why);
/* "SRC::NAME" or "NAME" into dst (IRRNAME_MAX + 40 bytes). */
void	irrname_format(const struct irrname *in, char *dst, size_t dstlen);
/* Whether a source name is syntactically valid (letters, digits, '-'). */
bool	irrname_valid_source(const char *s, size_t n);

#endif
