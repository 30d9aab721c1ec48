/*
 * Growable byte buffer used by every emitter. The buffer owns its memory;
 * buf_free() releases it, buf_steal() hands it to the caller.
 */
#ifndef IXP_BUF_H
#define IXP_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*p;	/* always NUL-terminated once anything was added */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_reserve(struct buf *b, size_t extra);
void	 buf_add(struct buf *b, const void *data, size_t n);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_putc(struct buf *b, char c);
void	 buf_put_uint(struct buf *b, unsigned long v);	/* decimal */
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));
void	 buf_reset(struct buf *b);
void	 buf_free(struct buf *b);
/* Returns the NUL-terminated contents (never NULL); the caller frees it. */
char	*buf_steal(struct buf *b);
/* Contents as a C string; "" when empty. Valid until the next change. */
const char *buf_str(const struct buf *b);

#endif
