/*
 * IRRd whois answer framing (research/irr_rpki_traffic.md section 1.3):
 *   A<len>\n<len bytes: payload and its final \n>C\n   data
 *   C\n                                                  success, no data
 *   D\n                                                  key not found / empty
 *   E\n                                                  multiple copies (legacy)
 *   F <message>\n                                        error
 * An incremental parser: bytes in any chunking, answers out. Pure; no I/O.
 */
#ifndef IXP_IRRD_PROTO_H
#define IXP_IRRD_PROTO_H

#include <stddef.h>

#include "buf.h"

#define IRRD_MAX_LINE 1024

enum irrd_status {
	IRRD_A,		/* data in payload */
	IRRD_C,
	IRRD_D,
	IRRD_E,
	IRRD_F,		/* message in payload */
};

struct irrd_answer {
	enum irrd_status st;
	const char	*data;	/* A: payload without its final '\n'; F: message */
	size_t		 len;
};

/* Called per answer; return 0 to go on, -1 to stop parsing. */
typedef int (*irrd_answer_cb)(const struct irrd_answer *a, void *ctx);

struct irrd_parser {
	int		 state;		/* what the next bytes are */
	struct buf	 line;		/* status or trailer line so far */
	struct buf	 payload;
	size_t		 want;		/* A: bytes of payload still expected */
	size_t		 max_answer;	/* refuse A<len> above this */
	char		 err[160];
};

void	irrd_parser_init(struct irrd_parser *p, size_t max_answer);
/*
 * Feed bytes. Returns 0, or -1 on a protocol error (p->err says which:
 * garbage status line, oversized answer, missing C after the payload) or
 * when the callback stopped.
 */
int	irrd_parser_feed(struct irrd_parser *p, const char *data, size_t len,
	    irrd_answer_cb cb, void *ctx);
/* Whether the parser is between answers (nothing half-read). */
int	irrd_parser_idle(const struct irrd_parser *p);
void	irrd_parser_free(struct irrd_parser *p);
const char *irrd_status_name(enum irrd_status st);

#endif
