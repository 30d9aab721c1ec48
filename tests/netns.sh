# Network-namespace test IXP: a Linux bridge as the peering LAN in its own
# namespace, one namespace per router. Sourced after tests/lib.sh.
#
# Every name carries a per-run id, so concurrent or crashed runs never
# collide; ns_cleanup (installed as the exit trap by ns_init) kills every
# process the test started and deletes every namespace, which takes the
# veth interfaces with it.

# ns_need_root TEST [TOOL...]: SKIP without root; FAIL if a tool is missing.
ns_need_root() {
	_test=$1
	shift
	if [ "$(id -u)" -ne 0 ]; then
		skip "$_test: needs root for network namespaces (CI runs as root)"
		summary "$_test"
		exit 0
	fi
	for _tool in ip bird birdc "$@"; do
		if ! command -v "$_tool" >/dev/null 2>&1; then
			fail "$_test: $_tool is not installed (make check installs it)"
			summary "$_test"
			exit 1
		fi
	done
}

ns_init() {
	NS_ID=$(( $$ % 100000 ))
	NS_P=ixt$NS_ID
	T_TMP=$(mktemp -d /tmp/ixp-e2e.XXXXXX)
	: > "$T_TMP/pids"
	: > "$T_TMP/namespaces"
	trap 'ns_cleanup' EXIT
	trap 'exit 130' INT TERM
	ip netns add "$NS_P-lan"
	echo "$NS_P-lan" >> "$T_TMP/namespaces"
	ip -n "$NS_P-lan" link add br0 type bridge
	ip -n "$NS_P-lan" link set br0 up
}

ns_cleanup() {
	_rc=$?
	# Finish the cleanup even if interrupted again.
	trap '' INT TERM
	if [ -n "${NS_KEEP:-}" ] && [ "$_rc" -ne 0 ]; then
		echo "NS_KEEP set: leaving $T_TMP and namespaces $NS_P-* for inspection"
		return
	fi
	if [ -f "$T_TMP/pids" ]; then
		while read -r _pid; do
			kill "$_pid" 2>/dev/null
		done < "$T_TMP/pids"
		# BIRD needs a moment to exit; then make sure.
		_n=0
		while [ $_n -lt 50 ]; do
			_alive=0
			while read -r _pid; do
				kill -0 "$_pid" 2>/dev/null && _alive=1
			done < "$T_TMP/pids"
			[ $_alive -eq 0 ] && break
			sleep 0.1
			_n=$((_n + 1))
		done
		while read -r _pid; do
			kill -9 "$_pid" 2>/dev/null
		done < "$T_TMP/pids"
	fi
	if [ -f "$T_TMP/namespaces" ]; then
		while read -r _ns; do
			# Anything still running inside goes too (started by a
			# helper whose pid we did not record, say).
			ip netns pids "$_ns" 2>/dev/null | xargs -r kill -9 2>/dev/null
			ip netns del "$_ns" 2>/dev/null
		done < "$T_TMP/namespaces"
	fi
	rm -rf "$T_TMP"
}

# ns_host NAME [IPV4/LEN] [IPV6/LEN] [BRIDGE_PORT] [MAC]: a router namespace
# on the LAN, its interface eth0; the bridge side of its link is named
# BRIDGE_PORT (default b<id><NAME>), as a member port would be.
ns_host() {
	_ns=$NS_P-$1
	_port=${4:-b$NS_ID$1}
	ip netns add "$_ns"
	echo "$_ns" >> "$T_TMP/namespaces"
	ip -n "$_ns" link set lo up
	ip link add "v$NS_ID$1" type veth peer name "b$NS_ID$1"
	ip link set "v$NS_ID$1" netns "$_ns"
	ip link set "b$NS_ID$1" netns "$NS_P-lan"
	[ "$_port" != "b$NS_ID$1" ] && ip -n "$NS_P-lan" link set "b$NS_ID$1" name "$_port"
	ip -n "$NS_P-lan" link set "$_port" master br0 up
	ip -n "$_ns" link set "v$NS_ID$1" name eth0
	[ -n "${5:-}" ] && ip -n "$_ns" link set eth0 address "$5"
	[ -n "${2:-}" ] && ip -n "$_ns" addr add "$2" dev eth0
	[ -n "${3:-}" ] && ip -n "$_ns" addr add "$3" dev eth0 nodad
	ip -n "$_ns" link set eth0 up
}

# ns_run NAME CMD...: run a command inside a router namespace.
ns_run() {
	_ns=$NS_P-$1
	shift
	ip netns exec "$_ns" "$@"
}

# The route server's BIRD: RS_BIRD (a path; birdc beside it) with the
# bird.version its configs are compiled for, RS_BIRD_VERSION; Debian's bird
# and "2.0" when unset. Members always run Debian's bird.
RS_BIRD=${RS_BIRD:-bird}
RS_BIRD_VERSION=${RS_BIRD_VERSION:-2.0}
case $RS_BIRD in
*/*) RS_BIRDC=$(dirname "$RS_BIRD")/birdc ;;
*) RS_BIRDC=birdc ;;
esac
export RS_BIRD RS_BIRDC RS_BIRD_VERSION

# rs_yaml FILE: set the test IXP's bird.version to RS_BIRD_VERSION (the
# YAML has no `bird:` of its own), plus any `bird:` keys given.
rs_yaml() {
	sed -i "s|^  route_servers:|  bird: {version: \"$RS_BIRD_VERSION\"${2:+, $2}}\n  route_servers:|" "$1"
}

# bird_start NAME CONFIG: a BIRD daemon in namespace NAME, control socket
# $T_TMP/NAME.ctl; the route server (NAME rs) runs RS_BIRD.
bird_start() {
	_bin=bird
	[ "$1" = rs ] && _bin=$RS_BIRD
	ns_run "$1" "$_bin" -c "$2" -s "$T_TMP/$1.ctl" -P "$T_TMP/$1.pid" || return 1
	cat "$T_TMP/$1.pid" >> "$T_TMP/pids"
}

# bcs SOCKET COMMAND...: birdc against a control socket, the route server's
# birdc for its sockets.
bcs() {
	_s=$1
	shift
	case $_s in
	"$T_TMP"/rs*.ctl) "$RS_BIRDC" -s "$_s" "$@" ;;
	*) birdc -s "$_s" "$@" ;;
	esac
}

# bc NAME COMMAND...: birdc against router NAME (output without the banner).
bc() {
	_n=$1
	shift
	bcs "$T_TMP/$_n.ctl" "$@" | sed '1{/^BIRD .* ready\.$/d}'
}

# wait_until SECONDS DESCRIPTION CMD...: poll CMD every 0.2 s until it
# succeeds; fail the test (and return 1) on timeout. No fixed sleeps.
wait_until() {
	_secs=$1 _desc=$2
	shift 2
	_end=$(( $(date +%s) + _secs ))
	while ! "$@" >/dev/null 2>&1; do
		if [ "$(date +%s)" -ge "$_end" ]; then
			fail "timeout after ${_secs}s: $_desc"
			return 1
		fi
		sleep 0.2
	done
	return 0
}
