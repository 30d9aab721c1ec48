/*
 * IRRd whois client (the IRRd-style `!` queries bgpq4 uses): persistent,
 * pipelined connections, non-blocking I/O under one poll() so writing
 * queries never deadlocks against reading answers, inactivity and total
 * deadlines, reconnect and re-issue on a dropped connection, several
 * connections in flight (jobs). The only module of the compiler that opens
 * a socket to an IRR server.
 */
#ifndef IXP_IRRD_CLIENT_H
#define IXP_IRRD_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "irrd_proto.h"

struct irrd_opts {
	const char	*host;
	const char	*port;
	char *const	*sources;	/* for !s, priority order; n == 0: the server's */
	size_t		 n_sources;
	unsigned	 jobs;		/* connections, 1..64 */
	unsigned	 idle_timeout_s;	/* no byte while answers are due */
	unsigned	 deadline_s;	/* whole run */
	size_t		 max_answer;	/* bytes; larger answers are refused */
	uint64_t	 max_total;	/* bytes from the server in all; 0: no limit */
	unsigned	 max_reconnects;
	const char	*client_name;	/* for !n */
};

struct irrd_stats {
	uint64_t	 queries;
	uint64_t	 bytes_in;
	unsigned	 connections;
	unsigned	 reconnects;
};

/* Called with each answer; may queue further queries (recursion). */
typedef void (*irrd_cb)(const struct irrd_answer *a, void *ctx);

struct irrd_client;

struct irrd_client *irrd_new(const struct irrd_opts *o);
/* Queue "!<q>" (q without the '!'); with `source`, asked of that source only. */
void	irrd_query(struct irrd_client *c, const char *source, const char *q,
	    irrd_cb cb, void *ctx);
/*
 * Run until every queued query is answered. 0, or -1 with `err` (server
 * unreachable, refused the sources, answered garbage or too much, too slow).
 */
int	irrd_run(struct irrd_client *c, char *err, size_t errlen);
/* From an answer callback: stop the run (it returns -1); the caller says why. */
void	irrd_abort(struct irrd_client *c);
const struct irrd_stats *irrd_stats(const struct irrd_client *c);
void	irrd_free(struct irrd_client *c);

#endif
