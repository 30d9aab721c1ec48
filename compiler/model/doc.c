#include "doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

static char *
vfmt(const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;

	buf_vprintf(&b, fmt, ap);
	return buf_steal(&b);
}

static struct block *
add(struct doc *d, enum block_kind k)
{
	struct block *b;

	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof(*d->v));
	b = &d->v[d->n++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	return b;
}

static void
cell(struct doc *d, char *s)
{
	struct block *b = &d->v[d->n - 1];

	b->cells = xrealloc(b->cells, (b->n_cells + 1) * sizeof(*b->cells));
	b->cells[b->n_cells++] = s;
}

void
doc_init(struct doc *d, const char *title)
{
	memset(d, 0, sizeof(*d));
	d->title = xstrdup(title);
}

void
doc_heading(struct doc *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, BLK_HEADING)->text = vfmt(fmt, ap);
	va_end(ap);
}

void
doc_para(struct doc *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(d, BLK_PARA)->text = vfmt(fmt, ap);
	va_end(ap);
}

void
doc_list(struct doc *d)
{
	add(d, BLK_LIST);
}

void
doc_item(struct doc *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cell(d, vfmt(fmt, ap));
	va_end(ap);
}

void
doc_table(struct doc *d, const char *const *head)
{
	struct block *b = add(d, BLK_TABLE);

	while (head[b->cols] != NULL)
		b->cols++;
	for (size_t i = 0; i < b->cols; i++)
		cell(d, xstrdup(head[i]));
}

void
doc_cell(struct doc *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cell(d, vfmt(fmt, ap));
	va_end(ap);
}

void
doc_free(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].text);
		for (size_t k = 0; k < d->v[i].n_cells; k++)
			free(d->v[i].cells[k]);
		free(d->v[i].cells);
	}
	free(d->v);
	free(d->title);
}
