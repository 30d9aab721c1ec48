#!/bin/sh
# Integration tests: every tests/integration/t_*.sh, with the ixp-rsc binary
# in $IXP_RSC (the ASan/UBSan build when run by `make check`). Each script
# cleans up after itself, also when it fails.
set -u
cd "$(dirname "$0")/.."
: "${IXP_RSC:=$(pwd)/build/ixp-rsc}"
export IXP_RSC
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
failed=0
for t in tests/integration/t_*.sh; do
	echo "== $t"
	if ! sh "$t"; then
		failed=$((failed + 1))
	fi
done
# The route server on the BIRDs operators run today: the end-to-end and
# looking-glass tests again on the newest BIRD 2 and BIRD 3 there is
# (/opt/ixp-bird/VERSION, built by .ci/run from ../shared/bird, or the
# paths in IXP_TEST_BIRDS), configs compiled for that release.
for series in 2 3; do
	b=$(for c in /opt/ixp-bird/*/sbin/bird ${IXP_TEST_BIRDS:-}; do
		[ -x "$c" ] || continue
		v=$("$c" --version 2>&1 | sed -n 's/.*version \([0-9][0-9.]*\).*/\1/p')
		case $v in "$series".*) echo "$v $c" ;; esac
	done | sort -V | tail -1)
	if [ -z "$b" ]; then
		echo "== route server on BIRD $series.x"
		echo "  SKIP  no BIRD $series.x at /opt/ixp-bird (../shared/bird/build.sh builds one) or in IXP_TEST_BIRDS"
		continue
	fi
	v=${b%% *}
	# The session options are not version-gated within 2.x (t_bird_versions
	# parses them with every BIRD): their end-to-end test runs with Debian's
	# 2.0.12 above and the newest 3.x here; so does IRR over RTR (BIRD 3
	# re-evaluates only the prefixes a ROA change touches, BIRD 2 all).
	for t in tests/integration/t_e2e_bgp.sh tests/integration/t_lg.sh \
	    $( [ "$series" = 3 ] && echo tests/integration/t_e2e_sessions.sh tests/integration/t_e2e_irr_rtr.sh ); do
		echo "== $t (route server BIRD $v)"
		if ! RS_BIRD=${b#* } RS_BIRD_VERSION=$(echo "$v" | cut -d. -f1,2) sh "$t"; then
			failed=$((failed + 1))
		fi
	done
done
if [ "$failed" -ne 0 ]; then
	echo "integration tests: $failed script(s) failed"
	exit 1
fi
echo "integration tests: all passed"
