/*
 * compiler/out/outdir and staged: every file of a run lands, or none does;
 * nothing temporary is left behind; a link planted in the output directory
 * is replaced, never written through.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>

#include "fileio.h"
#include "outdir.h"
#include "testutil.h"
#include "xalloc.h"

/* The names in `d`, sorted, joined by spaces. */
static void
listing(const char *d, char *out, size_t cap)
{
	struct dirent **v;
	int n = scandir(d, &v, NULL, alphasort);
	size_t o = 0;

	assert_true(n >= 0);
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (v[i]->d_name[0] != '.')
			o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? " " : "", v[i]->d_name);
		free(v[i]);
	}
	free(v);
}

static void
add(struct outset *o, const char *name, const char *text)
{
	outset_add(o, name, xstrdup(text), strlen(text));
}

static void
assert_file(const char *d, const char *name, const char *want)
{
	char p[512];
	size_t len;
	long age;
	char *got;

	snprintf(p, sizeof(p), "%s/%s", d, name);
	got = file_read(p, 1 << 20, true, &len, &age);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_commit_and_abort(void **state)
{
	const char *d = *state;
	char err[256], names[512], path[512];
	struct outset o;
	struct stat st;

	outset_init(&o, d);
	add(&o, "rs1.conf", "one\n");
	add(&o, "report.json", "{}\n");
	assert_int_equal(outset_stage(&o, err, sizeof(err)), 0);
	/* Staged, not yet in place: only temporary names. */
	listing(d, names, sizeof(names));
	assert_null(strstr(names, "rs1.conf "));
	assert_int_equal(outset_commit(&o, err, sizeof(err)), 0);
	outset_free(&o);
	listing(d, names, sizeof(names));
	assert_string_equal(names, "report.json rs1.conf");
	assert_file(d, "rs1.conf", "one\n");
	/* Configs hold BGP passwords: not world-readable. */
	snprintf(path, sizeof(path), "%s/rs1.conf", d);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);

	/* A second run staged and then abandoned: the first run's files stay. */
	outset_init(&o, d);
	add(&o, "rs1.conf", "two\n");
	add(&o, "new.txt", "x\n");
	assert_int_equal(outset_stage(&o, err, sizeof(err)), 0);
	outset_abort(&o);
	outset_free(&o);
	listing(d, names, sizeof(names));
	assert_string_equal(names, "report.json rs1.conf");
	assert_file(d, "rs1.conf", "one\n");
}

/* A config that changed only in its Generated-at line is kept; any other
 * change, an extra or a missing line, or no old file at all is a change. */
static void
test_differs(void **state)
{
	static const struct {
		const char	*now;
		bool		 want;
	} cases[] = {
		{ "a\n# Generated at 2 by x\nb\nc\n", false },
		{ "a\nb\nc\n", false },				/* no such line now */
		{ "# Generated at 3\na\nb\n# Generated at 4\nc\n", false },
		{ "a\n# Generated at 2 by x\nb\nd\n", true },
		{ "a\nb\nc\nd\n", true },
		{ "a\nb\n", true },
		{ "a\nb\nc", true },				/* the last newline */
		{ "a\nbb\nc\n", true },
		{ "", true },
	};
	const char *d = *state;
	char err[256];
	struct outset o;

	outset_init(&o, d);
	add(&o, "rs1.conf", "a\n# Generated at 1 by x\nb\nc\n");
	assert_int_equal(outset_stage(&o, err, sizeof(err)), 0);
	assert_int_equal(outset_commit(&o, err, sizeof(err)), 0);
	outset_free(&o);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		outset_init(&o, d);
		add(&o, "rs1.conf", cases[i].now);
		add(&o, "new.conf", cases[i].now);
		if (outset_differs(&o, 0, "# Generated at ") != cases[i].want)
			fail_msg("case %zu: %s", i, cases[i].now);
		assert_true(outset_differs(&o, 1, "# Generated at "));	/* no old file */
		outset_free(&o);
	}
}

static void
test_planted_link(void **state)
{
	const char *d = *state;
	char err[256], link[512], target[512];
	struct outset o;
	struct stat st;
	FILE *f;

	/* Someone with write access to the directory points the config at a
	 * file of theirs: the run replaces the link and leaves the file alone. */
	snprintf(target, sizeof(target), "%s/victim", d);
	f = fopen(target, "w");
	assert_non_null(f);
	fputs("precious\n", f);
	fclose(f);
	snprintf(link, sizeof(link), "%s/rs1.conf", d);
	assert_int_equal(symlink(target, link), 0);
	outset_init(&o, d);
	add(&o, "rs1.conf", "config\n");
	assert_int_equal(outset_stage(&o, err, sizeof(err)), 0);
	assert_int_equal(outset_commit(&o, err, sizeof(err)), 0);
	outset_free(&o);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_file(d, "rs1.conf", "config\n");
	assert_file(d, "victim", "precious\n");
}

static void
test_stage_fails_cleanly(void **state)
{
	const char *d = *state;
	char err[256], names[512], sub[512];
	struct outset o;
	FILE *f;

	/* The output "directory" is a file: staging fails with the path in the
	 * message, and nothing is created anywhere. */
	snprintf(sub, sizeof(sub), "%s/notadir", d);
	f = fopen(sub, "w");
	assert_non_null(f);
	fclose(f);
	outset_init(&o, sub);
	add(&o, "rs1.conf", "x\n");
	assert_int_equal(outset_stage(&o, err, sizeof(err)), -1);
	assert_contains(err, "notadir");
	outset_abort(&o);
	outset_free(&o);
	listing(d, names, sizeof(names));
	assert_string_equal(names, "notadir");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_commit_and_abort, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_differs, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_planted_link, scratch_setup, scratch_teardown),
		cmocka_unit_test_setup_teardown(test_stage_fails_cleanly, scratch_setup, scratch_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
