/*
 * Allocation wrappers. Running out of memory while compiling a config is
 * not an input error we can report usefully, so these exit with status 4
 * and a message instead of making every caller handle NULL.
 */
#ifndef IXP_XALLOC_H
#define IXP_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array to hold at least `need` elements of `size` bytes; updates *cap. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
