# The manual pages ixp-rsc(1) and ixp-lg(8): made from --help at build
# time, so they hold the same options; mdoc that mandoc's linter accepts;
# installed by make install under PREFIX/share/man; readable with man(1).
. tests/lib.sh
BIN=$(dirname "$IXP_RSC")
scratch

if ! command -v mandoc >/dev/null 2>&1; then
	skip "manual pages: mandoc is not installed (tools/deps.sh test installs it)"
	summary t_manpages
	exit 0
fi
# Every option word: --long and -x, from a text.
opts() { grep -oE '(^|[^A-Za-z0-9-])--?[A-Za-z0-9][A-Za-z0-9-]*' | sed 's/^[^-]*//' | sort -u; }
for page in ixp-rsc.1 ixp-lg.8; do
	prog=${page%.*}
	man=$BIN/man/$page
	check "$page: built" [ -s "$man" ]
	mandoc -T lint -W warning "$man" > "$T_TMP/lint" 2>&1
	check "$page: mandoc -T lint finds nothing ($(wc -l < "$T_TMP/lint") messages)" [ ! -s "$T_TMP/lint" ]
	sed 's/^/        /' "$T_TMP/lint"
	"$BIN/$prog" --help | opts > "$T_TMP/help.opts"
	mandoc -T ascii -O width=250 "$man" | col -b | opts > "$T_TMP/man.opts"
	check "$page: the same $(wc -l < "$T_TMP/help.opts") options as $prog --help" \
		cmp -s "$T_TMP/help.opts" "$T_TMP/man.opts"
	diff "$T_TMP/help.opts" "$T_TMP/man.opts" | sed -n 's/^[<>]/        &/p'
	"$BIN/$prog" --help | sed -n 's/^\([A-Z][A-Z ]*\)$/\1/p' > "$T_TMP/help.sections"
	mandoc -T ascii "$man" | col -b | sed -n 's/^\([A-Z][A-Z ]*\)$/\1/p' > "$T_TMP/man.sections"
	check "$page: the sections of the help, in its order ($(tr '\n' ' ' < "$T_TMP/help.sections"))" \
		cmp -s "$T_TMP/help.sections" "$T_TMP/man.sections"
done
# A page that is stale is found: one more option in the help than in the page.
{ "$BIN/ixp-lg" --help; echo "    --not-in-the-page N  x"; } | opts > "$T_TMP/help.opts"
mandoc -T ascii -O width=250 "$BIN/man/ixp-lg.8" | col -b | opts > "$T_TMP/man.opts"
check "an option the page lacks is noticed" sh -c "! cmp -s $T_TMP/help.opts $T_TMP/man.opts"

make -s -C "$TOP" install DESTDIR="$T_TMP/root" PREFIX=/usr > "$T_TMP/install.log" 2>&1
check "make install DESTDIR=... PREFIX=/usr: ixp-rsc.1 in man1, ixp-lg.8 in man8" \
	[ -s "$T_TMP/root/usr/share/man/man1/ixp-rsc.1" ] && [ -s "$T_TMP/root/usr/share/man/man8/ixp-lg.8" ]
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$T_TMP/root/usr/share/man/man8/ixp-lg.8" 2> "$T_TMP/man.err" | col -b > "$T_TMP/man.txt"
	check "man -l renders ixp-lg(8) with groff: NAME, --max-per-network, EXIT STATUS" sh -c \
		"grep -q 'ixp-lg .* looking glass' $T_TMP/man.txt && grep -q -- '--max-per-network' $T_TMP/man.txt && grep -q 'EXIT STATUS' $T_TMP/man.txt && [ ! -s $T_TMP/man.err ]"
else
	skip "man -l: man-db is not installed"
fi
summary t_manpages
