/*
 * BIRD's control socket, spoken directly (no birdc, no shell).
 *
 * Reply framing (nest/cli.c): "DDDD-text" more follows, "DDDD text" last
 * line (whatever the code), " text" continuation with the code of the
 * line before, "+text" asynchronous (ignored). The only end-of-reply
 * marker is four digits and a space.
 */
#ifndef IXP_LG_BIRDC_H
#define IXP_LG_BIRDC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BIRD_LINE_MAX	1024	/* BIRD writes at most 512 */
#define BIRD_CMD_MAX	900	/* BIRD 2 resets the connection near 1 KiB */

/* The reply codes we read (BIRD's doc/reply_codes). */
enum bird_code {
	BIRD_C_UP = 13,			/* show status: "Daemon is up and running" */
	BIRD_C_RESTRICTED = 16,		/* "Access restricted" */
	BIRD_C_VERSION = 1000,		/* "BIRD 2.0.12" */
	BIRD_C_PROTOCOL = 1002,		/* a line of show protocols */
	BIRD_C_PROTOCOL_DETAIL = 1006,	/* show protocols all: the lines below it */
	BIRD_C_ROUTE = 1007,		/* a route (or "Table x:") */
	BIRD_C_ROUTE_ATTR = 1008,	/* its attributes */
	BIRD_C_STATUS = 1011,		/* show status: router ID, times */
	BIRD_C_ROUTE_EXT_ATTR = 1012,	/* its extended attributes (the BGP ones) */
};

/* One line of a reply: its code, its text (prefix removed, no newline). */
typedef int (*bird_line_fn)(void *ctx, int code, const char *text, size_t len);

struct bird_reply {
	char	 line[BIRD_LINE_MAX];
	size_t	 len;
	int	 code;		/* of the current line; continuations keep it */
	bool	 done;		/* the final line was seen */
	int	 final_code;
	char	 final_text[256];
	size_t	 lines;
};

enum bird_feed {
	BF_MORE = 0,		/* all input used, reply not complete */
	BF_DONE = 1,		/* final line seen; *used says how much was read */
	BF_PROTO = -1,		/* not BIRD's protocol (line too long, bad prefix) */
	BF_ABORT = -2,		/* the callback asked to stop */
};

void	bird_reply_init(struct bird_reply *r);
/* Feed bytes; lines go to fn (the final one too). */
enum bird_feed bird_reply_feed(struct bird_reply *r, const char *buf, size_t n, size_t *used,
	    bird_line_fn fn, void *ctx);

/* A session on the control socket. */
struct bird_sess {
	int	 fd;		/* -1: closed */
	char	 version[32];	/* "2.0.12" */
	unsigned major, minor;
	char	 rbuf[8192];
	size_t	 rlen, roff;
};

enum bird_status {
	BS_OK = 0,
	BS_UNAVAILABLE,		/* cannot connect, greeting missing: BIRD down */
	BS_TIMEOUT,		/* deadline passed (session closed) */
	BS_CAPPED,		/* line cap or callback stop (session closed) */
	BS_IO,			/* connection lost, protocol error (session closed) */
	BS_BADCMD,		/* refused locally: too long or bad characters */
};

struct bird_result {
	enum bird_status status;
	int	 code;		/* final reply code (BS_OK) */
	char	 text[256];	/* final reply text */
	size_t	 lines;
};

/* Connect, read the greeting, `restrict` (expect 0016). ms: deadline. */
enum bird_status bird_open(struct bird_sess *s, const char *path, int64_t deadline_ms,
	    char *err, size_t errlen);
/* One command; its reply lines go to fn. On anything but BS_OK the session
 * is closed (BIRD cleans up a half-read reply itself). */
void	bird_cmd(struct bird_sess *s, const char *cmd, int64_t deadline_ms, size_t max_lines,
	    bird_line_fn fn, void *ctx, struct bird_result *res);
void	bird_close(struct bird_sess *s);

/*
 * For `ixp-rsc deploy` only, never the looking glass: a session that is not
 * restricted, and `configure "PATH" timeout N` on it (PATH absolute, of
 * [A-Za-z0-9/._-]; anything else is BS_BADCMD, nothing sent). BIRD answers
 * 0003 Reconfigured, 0004 in progress, 0019 nothing to do, 8xxx errors.
 */
enum bird_status bird_open_admin(struct bird_sess *s, const char *path, int64_t deadline_ms,
	    char *err, size_t errlen);
void	bird_configure(struct bird_sess *s, const char *path, unsigned timeout_s,
	    int64_t deadline_ms, struct bird_result *res);

/* Is the command something we send: letters, digits, space and _ . : / = ~ &
 * < ( ) , only (no quotes, braces, semicolons, newlines); shorter than
 * BIRD_CMD_MAX? */
bool	bird_cmd_ok(const char *cmd);


#endif
