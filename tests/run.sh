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
if [ "$failed" -ne 0 ]; then
	echo "integration tests: $failed script(s) failed"
	exit 1
fi
echo "integration tests: all passed"
