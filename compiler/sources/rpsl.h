/*
 * RPSL object reader for IRR database dumps (RFC 2622 lexical rules as IRRd
 * applies them). Streams plain or gzip files and hands each object to a
 * callback; knows nothing about object classes.
 */
#ifndef IXP_RPSL_H
#define IXP_RPSL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Limits on a dump (docs/limits.md). Objects bigger than RPSL_MAX_OBJECT
 * are skipped (huge AS-SETs are ~1 MB), and so is an object with a line
 * longer than RPSL_MAX_LINE, which is never held in memory whole. A whole
 * file is refused when it holds more than RPSL_MAX_BYTES, when gzip
 * expands it more than RPSL_MAX_RATIO-fold (RPSL compresses 5-10 fold; a
 * gzip bomb 1000-fold), or when its first RPSL_MAX_EMPTY bytes hold no
 * object at all.
 */
#define RPSL_MAX_OBJECT (64u * 1024 * 1024)
#define RPSL_MAX_ATTRS  1000000u
#define RPSL_MAX_LINE	(4u * 1024 * 1024)

struct rpsl_limits {
	uint64_t	 max_bytes;	/* RPSL after decompression */
	unsigned	 max_ratio;	/* decompressed : compressed */
	uint64_t	 ratio_after;	/* bytes read before the ratio is judged */
	uint64_t	 max_empty;	/* bytes without any object */
};

/* 64 GB; 100-fold past the first 64 MB; 64 MB without an object. */
extern const struct rpsl_limits rpsl_limits_default;

struct rpsl_attr {
	const char	*name;		/* lower case, NUL-terminated */
	const char	*value;		/* comments stripped; continuation lines
					 * joined with '\n'; NUL-terminated */
	size_t		 value_len;
	unsigned	 line;
};

struct rpsl_obj {
	const struct rpsl_attr *attrs;	/* attrs[0] names the class */
	size_t		 n;
	unsigned	 line;		/* first line of the object */
};

enum rpsl_skip {
	RPSL_SKIP_SYNTAX,	/* a line that is not "name: value" */
	RPSL_SKIP_TOO_BIG,
	RPSL_SKIP_NUM,
};

struct rpsl_stats {
	uint64_t	 bytes;
	uint64_t	 lines;
	uint64_t	 objects;		/* handed to the callback */
	uint64_t	 skipped[RPSL_SKIP_NUM];
	unsigned	 first_bad_line;	/* for the warning text */
};

/* Return 0 to continue, -1 to stop reading. */
typedef int (*rpsl_cb)(const struct rpsl_obj *obj, void *ctx);
/* Called now and then with bytes consumed so far (progress display). */
typedef void (*rpsl_progress_cb)(uint64_t bytes, void *ctx);

struct rpsl_reader;

struct rpsl_reader *rpsl_new(rpsl_cb cb, void *ctx);
/* Feed input; any chunking. Returns -1 if the callback stopped. */
int	rpsl_feed(struct rpsl_reader *r, const char *data, size_t len);
/* Flush the last object. */
int	rpsl_finish(struct rpsl_reader *r);
const struct rpsl_stats *rpsl_stats(const struct rpsl_reader *r);
void	rpsl_free(struct rpsl_reader *r);

/*
 * Read a whole file (plain or gzip) within `lim` (NULL: the defaults).
 * Returns 0, or -1 with `err` filled when the file cannot be read
 * (open/gzip errors), breaks a limit, or the callback stopped.
 */
int	rpsl_read_file(const char *path, const struct rpsl_limits *lim, rpsl_cb cb, void *ctx,
	    rpsl_progress_cb progress, struct rpsl_stats *stats,
	    char *err, size_t errlen);

/* Split a list value on commas and whitespace; calls `tok` per token. */
void	rpsl_tokens(const char *value, size_t len,
	    void (*tok)(const char *s, size_t n, void *ctx), void *ctx);
/* First token of a value (e.g. "RIPE" of "RIPE # Filtered" after lexing). */
size_t	rpsl_first_token(const char *value, size_t len, const char **start);

#endif
