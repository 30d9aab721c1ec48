# The looking glass's memory with the largest lists it serves: a member
# sends 20,000 routes with 60 communities each (the route server filters
# them: bogons), and 8 clients at 8 addresses ask for the birdwatcher list
# of them at once (Alice-LG's refresh, --max-routes 20,000), once with the
# reply cache and once without (each request its own BIRD reply). ixp-lg's
# peak RSS stays under the bound docs/lookingglass.md gives (300 MB). The
# release build is measured: ASan's quarantine alone is 256 MB.
. tests/lib.sh
. tests/netns.sh
ns_need_root t_lg_memory curl jq
ns_init
LG_ROUTES=20000 LG_COMMUNITIES=60
export LG_ROUTES LG_COMMUNITIES
. tests/lg/env.sh

LG_PLAIN=${IXP_LG_PLAIN:-$TOP/build/ixp-lg}
BOUND_KB=$((300 * 1024))
if ! lg_env_up; then
	fail "the test IXP starts"
	summary t_lg_memory
	exit 1
fi
loaded() {
	[ "$(bc rs show route filtered count | sed -n 's/^\([0-9]*\) of .*/\1/p' | head -1)" -ge 20000 ]
}
wait_until 120 "route server holds the 20,000 routes" loaded && pass "route server holds 20,000 filtered routes with 60 communities each"

port=$(( 20000 + NS_ID % 20000 ))
# measure NAME OPTIONS...: 8 parallel lists; sets kb (ixp-lg's VmHWM).
measure() {
	name=$1
	shift
	"$LG_PLAIN" serve --bird rs1="$RS_CTL" --listen 127.0.0.1:$port --rate 1000 --burst 1000 \
		"$@" > "$T_TMP/lg-$name.log" 2>&1 &
	lgpid=$!
	echo "$lgpid" >> "$T_TMP/pids"
	wait_until 20 "ixp-lg ($name) listening" curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"
	curls=""
	for i in 1 2 3 4 5 6 7 8; do
		curl -s -m 120 --interface 127.0.0.$i -o "$T_TMP/bw-$name-$i.json" -w '%{http_code}\n' \
			"http://127.0.0.1:$port/birdwatcher/rs1/routes/filtered/AS64501_1" > "$T_TMP/code-$name-$i" &
		curls="$curls $!"
	done
	wait $curls
	kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$lgpid/status")
	kill "$lgpid"
	wait "$lgpid" 2>/dev/null
	port=$((port + 1))
	ok=$(cat "$T_TMP"/code-"$name"-* | grep -c '^200$')
	check "$name: the 8 lists answered 200 ($ok)" [ "$ok" = 8 ]
	mb=$(( $(stat -c %s "$T_TMP/bw-$name-1.json") / 1048576 ))
	check "$name: each holds 20,000 routes with 60 communities ($mb MB of JSON)" sh -c \
		"for f in $T_TMP/bw-$name-*.json; do jq -e '(.routes | length) == 20000 and ([.routes[].bgp.communities | length] | min) >= 60' \$f >/dev/null || exit 1; done"
	check "$name: ixp-lg peak RSS $((kb / 1024)) MB, bound $((BOUND_KB / 1024)) MB" [ "${kb:-999999999}" -le $BOUND_KB ]
}
reply_mb=$(( $(bc rs show route all filtered protocol AS64501_1 | wc -c) / 1048576 ))
echo "        (BIRD's reply for the list: $reply_mb MB)"
measure cached
measure uncached --cache 0
summary t_lg_memory
