/*
 * Bump allocator for data that lives exactly as long as its owner (the IRR
 * database, one compile run, one HTTP request): many small allocations,
 * one free.
 */
#ifndef IXP_ARENA_H
#define IXP_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t		    used;	/* bytes used in head */
	size_t		    total;	/* bytes handed out, for statistics */
};

#define ARENA_INIT { NULL, 0, 0 }

void	*arena_alloc(struct arena *a, size_t n);	/* aligned for any type */
char	*arena_strndup(struct arena *a, const char *s, size_t n);
void	 arena_free(struct arena *a);

#endif
