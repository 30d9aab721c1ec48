# Forbidden traffic, proven with real frames: a Linux bridge peering LAN in
# a network namespace with the generated nftables ruleset loaded, member
# routers in their own namespaces. Every forbidden frame kind must not reach
# the receiving member and must be counted by its rule on the sender's port;
# allowed traffic, including a BGP session, must still work. Then each rule is
# removed from the rule set in turn: its frames must get through (or be
# caught by the rule that overlaps it, as documented below).
. tests/lib.sh
. tests/netns.sh
ns_need_root t_traffic_frames nft jq
ns_init
FT=${TOOLS:-$TOP/build/tests}/frametool
[ -x "$FT" ] || { fail "frametool is built (make check builds it)"; summary t_traffic_frames; exit 1; }

cp tests/traffic/ixp.yaml "$T_TMP/ixp.yaml"
if ! "$IXP_RSC" compile "$T_TMP/ixp.yaml" -o "$T_TMP/out" --check -q; then
	fail "ixp-rsc compiles the test LAN and nft -c accepts the ruleset"
	summary t_traffic_frames
	exit 1
fi
pass "the generated ruleset passes nft -c"

# A bridge that, like a careless switch, would forward all of this: no STP,
# no multicast snooping, LLDP forwarded.
ip -n "$NS_P-lan" link set br0 type bridge mcast_snooping 0 group_fwd_mask 0x4000
ns_host m1 192.0.2.11/24 2001:db8:100::11/64 ixp-m1 02:00:00:00:00:01
ns_host m2 192.0.2.12/24 2001:db8:100::12/64 ixp-m2 02:00:00:00:00:02
NFT() { ip netns exec "$NS_P-lan" nft "$@"; }

counter() {
	_v=$(NFT list counter bridge ixp_forbidden "p1_$1" 2>/dev/null |
	    sed -n 's/.*packets \([0-9]*\) bytes.*/\1/p')
	echo "${_v:-0}"
}

OPTS="--dmac 02:00:00:00:00:02 --sip 192.0.2.11 --dip 192.0.2.12 --sip6 2001:db8:100::11 --dip6 2001:db8:100::12"
RUN=0

# send_frames MODE [measure]: send every kind once (the flood: 100 ARP
# requests) with tags MODE-kind, then a sentinel; return when the sentinel
# has arrived, so everything sent before it has passed the bridge (same
# path, in order). With "measure", the counter of each kind's rule is read
# before and after its frame and the difference kept in $T_TMP/delta-KIND.
send_frames() {
	RUN=$((RUN + 1))
	: > "$T_TMP/recv$RUN"
	ip netns exec "$NS_P-m2" "$FT" recv eth0 "$T_TMP/recv$RUN" &
	_rp=$!
	echo $_rp >> "$T_TMP/pids"
	wait_until 10 "receiver ready" grep -q READY "$T_TMP/recv$RUN" || return 1
	for _kr in $KINDS arp:- ns:- udp4:- udp6:-; do
		_k=${_kr%%:*}
		_cid=$(echo "${_kr#*:}" | tr - _)
		[ "${2:-}" = measure ] && _c0=$(counter "$_cid")
		# shellcheck disable=SC2086
		ns_run m1 "$FT" send eth0 $_k "$1-$_k" $OPTS || fail "frametool send $_k"
		[ "${2:-}" = measure ] && echo $(( $(counter "$_cid") - ${_c0:-0} )) > "$T_TMP/delta-$_k"
	done
	# shellcheck disable=SC2086
	ns_run m1 "$FT" send eth0 arp "$1-flood" $OPTS --count 100
	# shellcheck disable=SC2086
	ns_run m1 "$FT" send eth0 udp4 "$1-sentinel" $OPTS
	wait_until 10 "sentinel frame arrives" grep -q "^$1-sentinel\$" "$T_TMP/recv$RUN"
	_r=$?
	kill $_rp 2>/dev/null
	wait $_rp 2>/dev/null
	return $_r
}
got() { grep -c "^$1-$2\$" "$T_TMP/recv$RUN"; }

# kind -> the rule that must catch it
KINDS="foreign_mac:src-mac stp:ethernet-ii cdp:ethernet-ii lldp:ethertype ethertype:ethertype
vlan:ethertype bcast_ipv4:broadcast bcast_ipv6:broadcast mcast_ipv6:multicast ra:icmpv6-router
mcast_ipv4:ipv4-multicast dhcp:dhcp ospf:igp icmp_redirect:icmp-redirect arp_spoof:arp-sender
na_spoof:nd-target"

# ---- the full rule set --------------------------------------------------

NFT -f "$T_TMP/out/forbidden-traffic.nft" || fail "the ruleset loads (nft -f)"
send_frames full measure || fail "frames sent"
for kr in $KINDS; do
	k=${kr%%:*}
	r=${kr#*:}
	n=$(got full "$k")
	d=$(cat "$T_TMP/delta-$k")
	# The sender's own MLD reports also go to multicast MACs: at least 1.
	if [ "$n" -eq 0 ] && { [ "$d" -eq 1 ] || { [ "$r" = multicast ] && [ "$d" -ge 1 ]; }; }; then
		pass "$k: not delivered, counted once by $r"
	else
		fail "$k: delivered $n time(s), counter p1_$(echo "$r" | tr - _) grew by $d"
	fi
done
flood=$(got full flood)
rate=$(counter arp_nd_rate)
if [ "$flood" -ge 1 ] && [ "$flood" -le 40 ] && [ "${rate:-0}" -ge 60 ]; then
	pass "ARP flood: $flood of 100 delivered, $rate counted by arp-nd-rate"
else
	fail "ARP flood: $flood of 100 delivered, arp-nd-rate counted ${rate:-none}"
fi
for k in arp ns udp4 udp6; do
	check "$k: allowed and delivered" [ "$(got full $k)" -eq 1 ]
done
check "ARP from the sender's own address is not counted by arp-sender beyond the spoof" \
	[ "$(counter arp_sender)" -eq 1 ]

# ---- allowed traffic: a BGP session across the filtered LAN ----------------

for m in 1 2; do
	cat > "$T_TMP/b$m.conf" <<EOF
router id 192.0.2.1$m;
protocol device { }
protocol static { ipv4; route 198.51.10$m.0/24 blackhole; }
protocol bgp peer {
	local 192.0.2.1$m as 6450$m;
	neighbor 192.0.2.1$((3 - m)) as 6450$((3 - m));
	connect delay time 1;
	connect retry time 1;
	ipv4 { import all; export all; };
}
EOF
	bird_start "m$m" "$T_TMP/b$m.conf" || fail "BIRD starts in m$m"
done
wait_until 30 "BGP session m1-m2 established through the filter" \
	sh -c "birdc -s $T_TMP/m1.ctl show protocols peer | grep -q Established" &&
	pass "BGP: session between two members established through the filter"
wait_until 15 "BGP: routes exchanged" \
	sh -c "birdc -s $T_TMP/m2.ctl show route 198.51.101.0/24 | grep -q '^198.51.101.0/24'" &&
	pass "BGP: routes exchanged"
ns_run m1 birdc -s "$T_TMP/m1.ctl" down >/dev/null
ns_run m2 birdc -s "$T_TMP/m2.ctl" down >/dev/null

# ---- each rule removed ------------------------------------------------------

# Frames that a removed rule leaves to a later rule (defence in depth):
# 802.3 frames fail the ethertype allowlist; LLDP goes to a multicast MAC;
# IPv4 to 255.255.255.255 is IPv4 broadcast.
overlap() {
	case "$1:$2" in
	ethernet-ii:stp|ethernet-ii:cdp) echo ethertype ;;
	ethertype:lldp) echo multicast ;;
	broadcast:bcast_ipv4) echo ipv4-multicast ;;
	*) echo "" ;;
	esac
}
for r in $(jq -r '.rules[].id' policies/forbidden-traffic.json); do
	cid=$(echo "$r" | tr - _)
	jq --arg id "$r" 'del(.rules[] | select(.id == $id))' policies/forbidden-traffic.json \
		> "$T_TMP/rules-$r.json"
	sed "s|^policy:|forbidden_traffic: {rules: rules-$r.json}\npolicy:|" tests/traffic/ixp.yaml \
		> "$T_TMP/ixp.yaml"
	if ! "$IXP_RSC" compile "$T_TMP/ixp.yaml" -o "$T_TMP/out-$r" -q ||
	    ! NFT -f "$T_TMP/out-$r/forbidden-traffic.nft"; then
		fail "without $r: compiles and loads"
		continue
	fi
	send_frames "no-$cid" || { fail "without $r: frames sent"; continue; }
	ok=1
	if [ "$r" = arp-nd-rate ]; then
		[ "$(got "no-$cid" flood)" -eq 100 ] || ok=0
	fi
	for kr in $KINDS; do
		k=${kr%%:*}
		[ "${kr#*:}" = "$r" ] || continue
		other=$(overlap "$r" "$k")
		if [ -n "$other" ]; then
			[ "$(got "no-$cid" "$k")" -eq 0 ] && [ "$(counter "$(echo "$other" | tr - _)")" -ge 1 ] || ok=0
		else
			[ "$(got "no-$cid" "$k")" -eq 1 ] || ok=0
		fi
	done
	check "without $r: its frames get through (or to the overlapping rule), its frame test fails" \
		[ $ok -eq 1 ]
done

summary t_traffic_frames
