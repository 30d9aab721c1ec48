/*
 * A published document as data: headings, paragraphs, lists and tables of
 * plain text. A page's model builds one (what it says is decided there);
 * emit_doc_md and emit_doc_html print any document (they only escape).
 */
#ifndef IXP_DOC_H
#define IXP_DOC_H

#include <stddef.h>

enum block_kind { BLK_HEADING, BLK_PARA, BLK_LIST, BLK_TABLE };

struct block {
	enum block_kind	 kind;
	char		*text;		/* heading, paragraph */
	char		**cells;	/* list items; table cells, row-major, header first */
	size_t		 n_cells;
	size_t		 cols;		/* table */
};

struct doc {
	char		*title;
	struct block	*v;
	size_t		 n, cap;
};

void	doc_init(struct doc *d, const char *title);
void	doc_heading(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void	doc_para(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A list, then its items. */
void	doc_list(struct doc *d);
void	doc_item(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A table with these column headings (NULL-terminated), then its cells. */
void	doc_table(struct doc *d, const char *const *head);
void	doc_cell(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void	doc_free(struct doc *d);

#endif
