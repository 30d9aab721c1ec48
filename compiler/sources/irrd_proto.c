#include "irrd_proto.h"

#include <stdio.h>
#include <string.h>

enum { ST_STATUS, ST_PAYLOAD, ST_TRAILER };

void
irrd_parser_init(struct irrd_parser *p, size_t max_answer)
{
	memset(p, 0, sizeof(*p));
	p->state = ST_STATUS;
	p->max_answer = max_answer;
}

void
irrd_parser_free(struct irrd_parser *p)
{
	buf_free(&p->line);
	buf_free(&p->payload);
}

int
irrd_parser_idle(const struct irrd_parser *p)
{
	return p->state == ST_STATUS && p->line.len == 0;
}

const char *
irrd_status_name(enum irrd_status st)
{
	static const char *const names[] = { "A", "C", "D", "E", "F" };

	return (unsigned)st < 5 ? names[st] : "?";
}

static int
error(struct irrd_parser *p, const char *msg)
{
	snprintf(p->err, sizeof(p->err), "%s", msg);
	return -1;
}

/* A complete status line (without '\n'). */
static int
status_line(struct irrd_parser *p, irrd_answer_cb cb, void *ctx)
{
	const char *s = buf_str(&p->line);
	size_t n = p->line.len;
	struct irrd_answer a = { IRRD_C, "", 0 };
	char shown[40];

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n >= 2 && s[0] == 'A') {
		size_t len = 0;
		for (size_t i = 1; i < n; i++) {
			if (s[i] < '0' || s[i] > '9' || i > 12)
				goto garbage;
			len = len * 10 + (size_t)(s[i] - '0');
		}
		if (len == 0)
			goto garbage;
		if (len > p->max_answer) {
			snprintf(p->err, sizeof(p->err), "answer of %zu bytes is larger than the "
			    "limit of %zu", len, p->max_answer);
			return -1;
		}
		p->want = len;
		buf_reset(&p->payload);
		/* Exactly what was announced (bounded above), not doubling
		 * towards it: one large answer costs its size once. */
		buf_reserve(&p->payload, len);
		p->state = ST_PAYLOAD;
		return 0;
	}
	if (n == 1 && (s[0] == 'C' || s[0] == 'D' || s[0] == 'E')) {
		a.st = s[0] == 'C' ? IRRD_C : s[0] == 'D' ? IRRD_D : IRRD_E;
		return cb(&a, ctx);
	}
	if (n >= 1 && s[0] == 'F') {
		a.st = IRRD_F;
		a.data = n > 2 ? s + 2 : "";
		a.len = n > 2 ? n - 2 : 0;
		return cb(&a, ctx);
	}
garbage:
	snprintf(shown, sizeof(shown), "%.*s", (int)(n < 32 ? n : 32), s);
	for (char *q = shown; *q; q++)
		if ((unsigned char)*q < 0x20 || (unsigned char)*q >= 0x7f)
			*q = '?';
	snprintf(p->err, sizeof(p->err), "unexpected answer line \"%s\"", shown);
	return -1;
}

int
irrd_parser_feed(struct irrd_parser *p, const char *data, size_t len,
    irrd_answer_cb cb, void *ctx)
{
	size_t i = 0;

	while (i < len) {
		if (p->state == ST_PAYLOAD) {
			size_t take = len - i < p->want ? len - i : p->want;
			buf_add(&p->payload, data + i, take);
			i += take;
			p->want -= take;
			if (p->want == 0)
				p->state = ST_TRAILER;
			continue;
		}
		/* Status or trailer line: up to '\n'. */
		const char *nl = memchr(data + i, '\n', len - i);
		size_t take = nl ? (size_t)(nl - (data + i)) : len - i;
		if (p->line.len + take > IRRD_MAX_LINE)
			return error(p, "answer line too long (not an IRRd server?)");
		buf_add(&p->line, data + i, take);
		i += take;
		if (nl == NULL)
			break;
		i++;	/* the '\n' */
		if (p->state == ST_STATUS) {
			int r = status_line(p, cb, ctx);
			buf_reset(&p->line);
			if (r != 0)
				return -1;
		} else {
			struct irrd_answer a;
			const char *s = buf_str(&p->line);
			size_t n = p->line.len;
			if (n > 0 && s[n - 1] == '\r')
				n--;
			if (n != 1 || s[0] != 'C')
				return error(p, "data answer not followed by C (length "
				    "does not match the data)");
			buf_reset(&p->line);
			p->state = ST_STATUS;
			/* The counted length includes the payload's final '\n'. */
			a.st = IRRD_A;
			a.data = buf_str(&p->payload);
			a.len = p->payload.len;
			if (a.len > 0 && a.data[a.len - 1] == '\n')
				a.len--;
			if (cb(&a, ctx) != 0)
				return -1;
		}
	}
	return 0;
}
