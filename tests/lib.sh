# Shared helpers for the integration tests (sourced by tests/run.sh and the
# scripts in tests/integration/). POSIX sh.

: "${IXP_RSC:=$(pwd)/build/ixp-rsc}"
: "${TOP:=$(pwd)}"
export IXP_RSC TOP

T_PASS=0
T_FAIL=0
T_SKIP=0

pass() { T_PASS=$((T_PASS + 1)); printf '  ok    %s\n' "$*"; }
fail() { T_FAIL=$((T_FAIL + 1)); printf '  FAIL  %s\n' "$*"; }
skip() { T_SKIP=$((T_SKIP + 1)); printf '  SKIP  %s\n' "$*"; }

# check DESCRIPTION COMMAND...: pass if the command succeeds.
# (sh has no local variables: helpers use _-prefixed names.)
check() {
	_desc=$1
	shift
	if "$@"; then pass "$_desc"; else fail "$_desc"; fi
}

# A private scratch directory, removed on exit whatever happens, with
# every process listed in $T_TMP/pids killed first.
scratch() {
	T_TMP=$(mktemp -d /tmp/ixp-test.XXXXXX)
	: > "$T_TMP/pids"
	trap scratch_cleanup EXIT
	trap 'exit 130' INT TERM
}
scratch_cleanup() {
	while read -r _p; do kill "$_p" 2>/dev/null; done < "$T_TMP/pids"
	rm -rf "$T_TMP"
}

# Fingerprint of a directory: names, modes and contents (hidden files too,
# so a left-over temporary file counts as a change).
dir_state() {
	(cd "$1" && find . -type f -exec sha256sum {} + | sort; ls -la | awk '{print $1, $NF}')
}

# The test IXP: documentation resources with their own bogon lists.
# write_ixp DIR [EXTRA_POLICY] [MEMBERS]
write_irr() {
	cat > "$1/irr.db" <<'EOF'
as-set:   AS-ONE
members:  AS64501, AS64510
source:   TEST

route:    198.51.100.0/25
origin:   AS64501
source:   TEST

route:    198.51.100.128/25
origin:   AS64510
source:   TEST

route6:   2001:db8:1000::/36
origin:   AS64501
source:   TEST

route:    203.0.113.0/24
origin:   AS64502
source:   TEST
EOF
}

# good_start NAME [compile args]: the good test IXP (tests/integration/
# good.yaml, its IRR dump and one VRP) in $d, compiled into $out; the
# script ends here if that fails.
good_start() {
	_gs=$1
	shift
	d=$T_TMP/ixp
	out=$T_TMP/out
	mkdir -p "$d"
	write_irr "$d"
	echo '{"roas":[{"asn":64501,"prefix":"198.51.100.0/25","maxLength":25}]}' > "$d/vrps.json"
	cp tests/integration/good.yaml "$d/ixp.yaml"
	if ! "$IXP_RSC" compile "$d/ixp.yaml" -o "$out" -q "$@"; then
		fail "the starting configuration compiles"
		summary "$_gs"
		exit 1
	fi
}

summary() {
	printf '%s: %d passed, %d failed, %d skipped\n' "$1" "$T_PASS" "$T_FAIL" "$T_SKIP"
	[ "$T_FAIL" -eq 0 ]
}
