/*
 * String-keyed hash map (open addressing, linear probing). Keys are not
 * copied: the caller keeps them alive for the lifetime of the map.
 */
#ifndef IXP_HMAP_H
#define IXP_HMAP_H

#include <stddef.h>
#include <stdint.h>

struct hmap_slot {
	const char	*key;
	void		*val;
	uint32_t	 hash;
};

struct hmap {
	struct hmap_slot *slots;
	size_t		  cap;	/* power of two */
	size_t		  n;
};

uint32_t hmap_hash(const char *s);
/* Returns the stored value, or NULL. */
void	*hmap_get(const struct hmap *m, const char *key);
/* Inserts or replaces; returns the previous value or NULL. */
void	*hmap_put(struct hmap *m, const char *key, void *val);
void	 hmap_free(struct hmap *m);

#endif
