/*
 * The cache of live data sources: one file per source in the cache
 * directory, written atomically, its age taken from its modification time.
 */
#ifndef IXP_CACHE_H
#define IXP_CACHE_H

#include <stddef.h>
#include <time.h>

/* Store; 0, or -1 with `err`. The directory is created if missing. */
int	cache_put(const char *dir, const char *key, const char *data, size_t len,
	    char *err, size_t errlen);
/*
 * The cached copy (at most `max` bytes) and its age in seconds; NULL when
 * there is none. The caller frees the data.
 */
char	*cache_get(const char *dir, const char *key, size_t max, size_t *len, long *age);
/* The age in seconds of a cached copy; -1 when there is none. */
long	cache_age(const char *dir, const char *key);
/* "irr-rr.example.net-43.db": a file name safe for any server or URL. */
void	cache_key(char *dst, size_t dstlen, const char *kind, const char *what,
	    const char *ext);

#endif
