#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

#include "buf.h"

void
diag_init(struct diag *d, FILE *out)
{
	d->out = out;
	d->errors = 0;
	d->warnings = 0;
	d->max_errors = 200;
	d->quiet = false;
}

/*
 * One message line. Messages quote text from IRR servers, PeeringDB and
 * HTTP answers: control characters (ESC sequences, CR, BEL, C1 controls)
 * are written as \xNN so that no terminal or log viewer acts on them.
 */
static void
print_line(FILE *out, const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;

	buf_vprintf(&b, fmt, ap);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.p[i];
		if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\x%02x", c);
		else if (c == 0xc2 && i + 1 < b.len && (unsigned char)b.p[i + 1] >= 0x80 &&
		    (unsigned char)b.p[i + 1] <= 0x9f)
			fprintf(out, "\\x%02x", (unsigned char)b.p[++i]);
		else
			fputc(c, out);
	}
	fputc('\n', out);
	buf_free(&b);
}

static void
emit(struct diag *d, const char *kind, const struct srcpos *pos,
    const char *hint, const char *fmt, va_list ap)
{
	if (pos != NULL && pos->file != NULL) {
		fprintf(d->out, "%s", pos->file);
		if (pos->line) {
			fprintf(d->out, ":%u", pos->line);
			if (pos->col)
				fprintf(d->out, ":%u", pos->col);
		}
		fprintf(d->out, ": ");
	} else {
		fprintf(d->out, "ixp-rsc: ");
	}
	fprintf(d->out, "%s: ", kind);
	print_line(d->out, fmt, ap);
	if (hint != NULL)
		fprintf(d->out, "  hint: %s\n", hint);
}

void
diag_verror(struct diag *d, const struct srcpos *pos, const char *hint,
    const char *fmt, va_list ap)
{
	d->errors++;
	if (d->errors > d->max_errors) {
		if (d->errors == d->max_errors + 1)
			fprintf(d->out, "ixp-rsc: too many errors, "
			    "not showing the rest\n");
		return;
	}
	emit(d, "error", pos, hint, fmt, ap);
}

void
diag_error(struct diag *d, const struct srcpos *pos, const char *hint,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_verror(d, pos, hint, fmt, ap);
	va_end(ap);
}

void
diag_warn(struct diag *d, const struct srcpos *pos, const char *hint,
    const char *fmt, ...)
{
	va_list ap;

	d->warnings++;
	if (d->quiet)
		return;
	va_start(ap, fmt);
	emit(d, "warning", pos, hint, fmt, ap);
	va_end(ap);
}

void
diag_note(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	if (d->quiet)
		return;
	va_start(ap, fmt);
	fprintf(d->out, "ixp-rsc: ");
	print_line(d->out, fmt, ap);
	va_end(ap);
}
