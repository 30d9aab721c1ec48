#!/bin/sh
# Install the Debian 12 packages ixp-rs needs, or say exactly how.
#   tools/deps.sh build   compile ixp-rsc and ixp-lg
#   tools/deps.sh demo    build + BIRD (make demo checks the generated config)
#   tools/deps.sh test    everything `make check` uses
# As root, missing packages are installed with apt-get; otherwise the exact
# command is printed and the script fails.
set -eu

build="gcc make pkg-config libyaml-dev libjansson-dev zlib1g-dev libcurl4-openssl-dev libmicrohttpd-dev"
demo="$build bird2"
test="$demo libcmocka-dev curl mandoc python3-prometheus-client python3-jsonschema debhelper dpkg-dev fakeroot lintian systemd clang libclang-rt-14-dev iproute2 nftables stayrtr bgpq4 procps jq chromium poppler-utils"

case "${1:-build}" in
build) want=$build ;;
demo) want=$demo ;;
test) want=$test ;;
*) echo "usage: $0 build|demo|test" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
	echo "ixp-rs: missing Debian packages:$missing" >&2
	echo "ixp-rs: run as root:  $cmd" >&2
	exit 1
fi
echo "ixp-rs: installing missing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have empty package lists.
if ! apt-get install -y --no-install-recommends $missing >/dev/null 2>&1; then
	apt-get update -q >&2
	apt-get install -y --no-install-recommends $missing >&2
fi
