#include "diag.h"

#include <stdarg.h>

void
diag_init(struct diag *d, FILE *out)
{
	d->out = out;
	d->errors = 0;
	d->warnings = 0;
	d->max_errors = 200;
	d->quiet = false;
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
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
	if (hint != NULL)
		fprintf(d->out, "  hint: %s\n", hint);
}

void
diag_error(struct diag *d, const struct srcpos *pos, const char *hint,
    const char *fmt, ...)
{
	va_list ap;

	d->errors++;
	if (d->errors > d->max_errors) {
		if (d->errors == d->max_errors + 1)
			fprintf(d->out, "ixp-rsc: too many errors, "
			    "not showing the rest\n");
		return;
	}
	va_start(ap, fmt);
	emit(d, "error", pos, hint, fmt, ap);
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
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
	va_end(ap);
}
