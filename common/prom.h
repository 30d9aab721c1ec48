/*
 * The Prometheus text exposition format (0.0.4), the parts both the
 * looking glass's /metrics and the compiler's textfile write.
 */
#ifndef IXP_PROM_H
#define IXP_PROM_H

#include "buf.h"

/* "# HELP name help" and "# TYPE name type". */
void	prom_head(struct buf *b, const char *name, const char *type, const char *help);
/* A label value, quoted: \, " and newlines escaped. */
void	prom_label(struct buf *b, const char *s);

#endif
