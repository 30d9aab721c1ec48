/*
 * Diagnostics: errors and warnings with their location, counted so that a
 * whole input file is checked in one pass and the run fails once, at the
 * end (the OpenBGPD parse.y habit).
 */
#ifndef IXP_DIAG_H
#define IXP_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

struct srcpos {
	const char	*file;	/* not owned */
	unsigned	 line;	/* 1-based; 0 = unknown */
	unsigned	 col;	/* 1-based; 0 = unknown */
};

struct diag {
	FILE		*out;		/* stderr unless a test redirects it */
	unsigned	 errors;
	unsigned	 warnings;
	unsigned	 max_errors;	/* stop printing (not counting) after this */
	bool		 quiet;		/* suppress warnings (errors are always shown) */
};

void	diag_init(struct diag *d, FILE *out);
void	diag_error(struct diag *d, const struct srcpos *pos, const char *hint,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The same with a va_list, for wrappers that compute the position. */
void	diag_verror(struct diag *d, const struct srcpos *pos, const char *hint,
	    const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));
void	diag_warn(struct diag *d, const struct srcpos *pos, const char *hint,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Informational line without location ("note: ..."), shown unless quiet. */
void	diag_note(struct diag *d, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
