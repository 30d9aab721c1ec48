/*
 * Small string helpers shared by the compiler and the looking glass.
 */
#ifndef IXP_STRUTIL_H
#define IXP_STRUTIL_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* Levenshtein distance, capped at `cap` (returns cap when larger). */
size_t	 str_distance(const char *a, const char *b, size_t cap);
/* The candidate closest to `word` if it is a plausible typo, else NULL. */
const char *str_suggest(const char *word, const char *const *cands, size_t n);

/*
 * Quote user text for a diagnostic: control and non-ASCII bytes become
 * \xNN, and anything past `max` bytes is cut with "...". Never lets a
 * newline or terminal escape from input reach the terminal.
 */
void	 str_quote_diag(struct buf *b, const char *s, size_t len, size_t max);

bool	 str_is_printable_utf8(const char *s, size_t len);
/* Text for HTML element content and attribute values: & < > " ' escaped. */
void	 html_escape(struct buf *b, const char *s);
void	 str_upper(char *s);
bool	 str_ieq(const char *a, const char *b);
/* The value of a hex digit, or -1. */
int	 str_hexval(char c);
bool	 str_has_prefix_ci(const char *s, const char *prefix);

#endif
