# End to end: the route server (BIRD 2 running the config ixp-rsc generated
# from tests/e2e/ixp.yaml) and six member routers (BIRD) on a Linux bridge,
# IPv4 and IPv6 sessions over the LAN. Every rule of SPEC section 5 is shown
# on both sides: the reason code the route server tagged a filtered route
# with (read from its control socket), and what the other members actually
# received (read from their BIRDs). Then RPKI changes: live over RTR from
# StayRTR, and static ROA tables through a reconfiguration.
. tests/lib.sh
. tests/netns.sh
ns_need_root t_e2e_bgp stayrtr curl jq
ns_init
E2E=tests/e2e

A=198.51.100	# route prefixes below are $A.x/28 and $B.x/28
B=203.0.113

# ---- the route server ---------------------------------------------------

ns_host rs 192.0.2.1/24 2001:db8:100::1/64
cp $E2E/irr.db $E2E/vrps.json "$T_TMP/"
cp $E2E/ixp.yaml "$T_TMP/ixp.yaml"
rs_yaml "$T_TMP/ixp.yaml"
# --check with the BIRD that will run the config.
IXP_RSC_BIRD=$RS_BIRD
export IXP_RSC_BIRD
echo "  (route server: BIRD $("$RS_BIRD" --version 2>&1 | sed -n 's/.*version //p'), bird.version $RS_BIRD_VERSION)"
if ! "$IXP_RSC" compile "$T_TMP/ixp.yaml" -o "$T_TMP/rs" --check -q; then
	fail "ixp-rsc compiles the test IXP"
	summary t_e2e_bgp
	exit 1
fi
if ! bird_start rs "$T_TMP/rs/rs1.conf"; then
	fail "route server BIRD starts"
	summary t_e2e_bgp
	exit 1
fi

# ---- member routers -----------------------------------------------------

# member_head NAME IPV4: the start of a member's config.
member_head() {
	printf 'router id %s;\nlog "%s" all;\nprotocol device { }\n' "$2" "$T_TMP/$1.log"
}

# member_sessions ASN IPV4 IPV6 PASSWORD: the sessions to the route server,
# after the filters they use. Members use `rs client` towards the route
# server so the test controls the whole AS_PATH in its export filters.
member_sessions() {
	_asn=$1 _v4=$2 _v6=$3 _pw=$4
	cat <<EOF
template bgp to_rs {
	rs client;
	connect delay time 1;
	connect retry time 1;
	error wait time 1, 5;
	$( [ -n "$_pw" ] && echo "password \"$_pw\";" )
}
protocol bgp rs4 from to_rs {
	local $_v4 as $_asn;
	neighbor 192.0.2.1 as 64500;
	ipv4 { import all; export filter to_rs4; };
}
EOF
	if [ -n "$_v6" ]; then
		cat <<EOF
protocol bgp rs6 from to_rs {
	local $_v6 as $_asn;
	neighbor 2001:db8:100::1 as 64500;
	ipv6 { import all; export filter to_rs6; };
}
EOF
	fi
}

# path P1 P2 ...: filter statements that make the AS_PATH "P1 P2 ...".
path() {
	_rev=""
	for _a in "$@"; do _rev="$_a $_rev"; done
	for _a in $_rev; do printf 'bgp_path.prepend(%s); ' "$_a"; done
}

long_path=$(for i in $(seq 1 66); do printf '64501 '; done)

# M1 (AS64501) sends one route per rule.
{
	member_head m1 192.0.2.11
	cat <<EOF
protocol static s4 {
	ipv4;
	route $A.0/28 blackhole;	# valid, RPKI valid
	route $A.16/28 blackhole;	# valid, RPKI unknown; NO_EXPORT towards AS64502
	route $A.32/28 blackhole;	# 1: path too long
	route $A.48/28 blackhole;	# 5: next hop of another member
	route $A.64/28 blackhole;	# 6: first AS not the member's
	route $A.80/28 blackhole;	# 7: private ASN in the path
	route $A.96/28 blackhole;	# 8: transit-free ASN in the path
	route $A.112/28 blackhole;	# 9: origin not in AS-SET
	route $A.128/28 blackhole;	# customer route (origin AS64510 via AS-M1)
	route $A.144/29 blackhole;	# 13: registered but too long
	route $A.160/28 blackhole;	# 14: RPKI invalid
	route $A.176/28 blackhole;	# 15: never-via-RS ASN in path
	route $A.192/28 blackhole;	# GRACEFUL_SHUTDOWN (AS64503 announces it too)
	route $A.208/28 blackhole;	# not to AS64502 (standard)
	route $A.224/28 blackhole;	# not to AS64502 (large)
	route $A.1/32 blackhole;	# BLACKHOLE from the owner
	route $B.0/28 blackhole;	# only to AS64503 (standard)
	route $B.16/28 blackhole;	# only to AS64503 (large)
	route $B.32/28 blackhole;	# to nobody
	route $B.48/28 blackhole;	# prepend 1x to AS64502 (standard)
	route $B.64/28 blackhole;	# prepend 2x to AS64502 (large)
	route $B.80/28 blackhole;	# prepend 3x to AS64502 (standard)
	route $B.96/28 blackhole;	# 11: the member's own blacklist
	route $B.192/28 blackhole;	# 12: no route object
	route $A.240/28 blackhole;	# table 12, sets accept: origin AS64510 has no route object for it
	route $A.242/32 blackhole;	# table 12, sets accept: the same as a BLACKHOLE
	route $A.8/29 blackhole;	# 12: unregistered more-specific longer than /28
	route 10.1.0.0/16 blackhole;	# 2: bogon
	route 192.0.2.128/25 blackhole;	# 3: inside the peering LAN
	route 0.0.0.0/0 blackhole;	# 3: default route
}
protocol static s6 {
	ipv6;
	route 2001:db8:1000::/48 blackhole;	# valid IPv6
	route 4000::/16 blackhole;		# 10: not global unicast
}
filter to_rs4 {
	if net = $A.16/28 then { bgp_large_community.add((64500, 65281, 64502)); $(path 64501) accept; }
	if net = $A.32/28 then { $(path $long_path) accept; }
	if net = $A.48/28 then { bgp_next_hop = 192.0.2.12; $(path 64501) accept; }
	if net = $A.64/28 then { $(path 64502 64501) accept; }
	if net = $A.80/28 then { $(path 64501 64512 64501) accept; }
	if net = $A.96/28 then { $(path 64501 174 64501) accept; }
	if net = $A.112/28 then { $(path 64501 65550) accept; }
	if net = $A.128/28 then { $(path 64501 64510) accept; }
	if net = $A.240/28 then { $(path 64501 64510) accept; }
	if net = $A.242/32 then { bgp_community.add((65535, 666)); $(path 64501 64510) accept; }
	if net = $A.176/28 then { $(path 64501 64511 64510) accept; }
	if net = $A.192/28 then { bgp_community.add((65535, 0)); $(path 64501) accept; }
	if net = $A.208/28 then { bgp_community.add((0, 64502)); $(path 64501) accept; }
	if net = $A.224/28 then { bgp_large_community.add((64500, 0, 64502)); $(path 64501) accept; }
	if net = $A.1/32 then { bgp_community.add((65535, 666)); $(path 64501) accept; }
	if net = $B.0/28 then { bgp_community.add((0, 64500)); bgp_community.add((64500, 64503)); $(path 64501) accept; }
	if net = $B.16/28 then { bgp_large_community.add((64500, 0, 0)); bgp_large_community.add((64500, 1, 64503)); $(path 64501) accept; }
	if net = $B.32/28 then { bgp_community.add((0, 64500)); $(path 64501) accept; }
	if net = $B.48/28 then { bgp_community.add((65501, 64502)); $(path 64501) accept; }
	if net = $B.64/28 then { bgp_large_community.add((64500, 102, 64502)); $(path 64501) accept; }
	if net = $B.80/28 then { bgp_community.add((65503, 64502)); $(path 64501) accept; }
	$(path 64501)
	accept;
}
filter to_rs6 { $(path 64501) accept; }
EOF
	member_sessions 64501 192.0.2.11 2001:db8:100::11 ""
} > "$T_TMP/m1.conf"

{
	member_head m2 192.0.2.12
	cat <<EOF
protocol static s4 {
	ipv4;
	route $A.2/32 blackhole;	# BLACKHOLE for a prefix AS64502 does not own
}
filter to_rs4 { if net = $A.2/32 then bgp_community.add((65535, 666)); $(path 64502) accept; }
filter to_rs6 { reject; }
EOF
	member_sessions 64502 192.0.2.12 2001:db8:100::12 ""
} > "$T_TMP/m2.conf"

{
	member_head m3 192.0.2.13
	cat <<EOF
protocol static s4 { ipv4; route $A.192/28 blackhole; }
filter to_rs4 { $(path 64503) accept; }
EOF
	member_sessions 64503 192.0.2.13 "" ""
} > "$T_TMP/m3.conf"

{
	member_head m4 192.0.2.14
	echo "protocol static s4 { ipv4; route $B.160/28 blackhole; }"
	# Prepend twice towards everyone (RS:102:0).
	echo "filter to_rs4 { bgp_large_community.add((64500, 102, 0)); $(path 64504) accept; }"
	member_sessions 64504 192.0.2.14 "" "s3cret-4"
} > "$T_TMP/m4.conf"

{
	member_head m5 192.0.2.15
	echo "protocol static s4 { ipv4; route $B.144/28 blackhole; }"
	echo "filter to_rs4 { $(path 64505) accept; }"
	member_sessions 64505 192.0.2.15 "" "not-the-password"
} > "$T_TMP/m5.conf"

{
	member_head m6 192.0.2.16
	echo "protocol static s4 { ipv4; route $B.176/28 blackhole; route $B.184/29 blackhole; route $B.188/30 blackhole; }"
	echo "filter to_rs4 { $(path 64506) accept; }"
	member_sessions 64506 192.0.2.16 "" ""
} > "$T_TMP/m6.conf"

ns_host m1 192.0.2.11/24 2001:db8:100::11/64
ns_host m2 192.0.2.12/24 2001:db8:100::12/64
ns_host m3 192.0.2.13/24
ns_host m4 192.0.2.14/24
ns_host m5 192.0.2.15/24
ns_host m6 192.0.2.16/24
for m in m1 m2 m3 m4 m5 m6; do
	if ! bird_start $m "$T_TMP/$m.conf"; then
		fail "member $m BIRD starts"
		summary t_e2e_bgp
		exit 1
	fi
done

# ---- helpers reading the routers ----------------------------------------

established() { bc rs show protocols "$1" | grep -q Established; }
# The reason code the route server tagged a filtered route with.
rs_reason() { bc rs show route "$1" filtered all | sed -n 's/.*(64500, 65520, \([0-9]*\)).*/\1/p' | head -1; }
has_reason() { [ "$(rs_reason "$1")" = "$2" ]; }
has_route() { bc "$1" show route "$2" protocol "$3" | grep -q "^$2 "; }
route_all() { bc "$1" show route "$2" protocol "$3" all; }
bgp_count() { bc "$1" show route protocol "$2" count | sed -n 's/^\([0-9]*\) of .*/\1/p' | head -1; }

# apply_variant NAME: $T_TMP/ixp-NAME.yaml compiled (with --check) into
# $T_TMP/rs-NAME and the route server reconfigured to it; restore_rs: back
# to the test IXP's own config.
apply_variant() {
	"$IXP_RSC" compile "$T_TMP/ixp-$1.yaml" -o "$T_TMP/rs-$1" --check -q &&
		bc rs configure \""$T_TMP/rs-$1/rs1.conf"\" | grep -q 'Reconfigur'
}
restore_rs() { bc rs configure \""$T_TMP/rs/rs1.conf"\" > /dev/null; }

# ---- sessions -----------------------------------------------------------

for s in AS64501_1 AS64501_2 AS64502_1 AS64502_2 AS64503_1 AS64504_1; do
	wait_until 60 "session $s established" established $s && pass "session $s established"
done

# Converged when the receivers hold exactly what the rules let through.
# AS64502: A.0 A.16 A.128 A.192 A.1/32 B.48 B.64 B.80 B.160;
# AS64503: those without the prepends' own copies plus A.208 A.224 B.0 B.16.
wait_until 60 "AS64502 receives 9 IPv4 routes" sh -c "[ \"\$(birdc -s $T_TMP/m2.ctl show route protocol rs4 count | sed -n 's/^\([0-9]*\) of .*/\1/p')\" = 9 ]" &&
	pass "AS64502 receives exactly the 9 IPv4 routes it should"
wait_until 60 "AS64503 receives 13 IPv4 routes" sh -c "[ \"\$(birdc -s $T_TMP/m3.ctl show route protocol rs4 count | sed -n 's/^\([0-9]*\) of .*/\1/p')\" = 13 ]" &&
	pass "AS64503 receives exactly the 13 IPv4 routes it should"
wait_until 30 "AS64502 receives the IPv6 route" has_route m2 2001:db8:1000::/48 rs6 &&
	pass "AS64502 receives the valid IPv6 route"

# ---- reject codes -------------------------------------------------------

# prefix code description
while read -r pfx code desc; do
	[ -z "$pfx" ] && continue
	if wait_until 20 "$pfx filtered with reason $code" has_reason "$pfx" "$code"; then
		if has_route m2 "$pfx" rs4 || has_route m3 "$pfx" rs4; then
			fail "reason $code ($desc): $pfx filtered but a member received it"
		else
			pass "reason $code ($desc): $pfx filtered, tagged, not received"
		fi
	else
		echo "        route server has: $(bc rs show route "$pfx" all | tr '\n' ' ' | cut -c1-200)"
	fi
done <<EOF
$A.32/28 1 AS_PATH longer than 64
10.1.0.0/16 2 bogon prefix
192.0.2.128/25 3 peering LAN prefix
0.0.0.0/0 3 default route
$A.48/28 5 next hop of another member
$A.64/28 6 left-most AS not the member
$A.80/28 7 private ASN in path
$A.96/28 8 transit-free ASN in path
$A.112/28 9 origin not in AS-SET
$B.96/28 11 member's own blacklist
$B.192/28 12 no route object
$A.144/29 13 prefix too long
$A.160/28 14 RPKI invalid
$A.176/28 15 never-via-RS ASN in path
$A.2/32 12 BLACKHOLE from a non-owner
$A.240/28 12 table: no route object with the route's origin
$A.242/32 12 table: BLACKHOLE, no route object with the route's origin
$A.8/29 12 more-specific longer than the IXP allows
EOF
# policy.reject_communities is ixp-rs here (the default): no Euro-IX code
# on a filtered route (t_lg runs euro-ix and checks that it is there).
out=$(bc rs show route $A.112/28 filtered all)
check "filtered routes carry (64500, 65520, code) alone, no Euro-IX (64500, 1101, x)" sh -c \
	'echo "$1" | grep -q "(64500, 65520, 9)" && ! echo "$1" | grep -q "(64500, 1101,"' _ "$out"
if wait_until 20 "4000::/16 filtered with reason 10" has_reason 4000::/16 10; then
	has_route m2 4000::/16 rs6 && fail "reason 10: received" || pass "reason 10 (IPv6 outside 2000::/3): filtered, tagged, not received"
fi
# (Reason 4, wrong AFI, cannot be sent: each session negotiates one family.)

# ---- accepted routes ----------------------------------------------------

out=$(route_all m2 $A.0/28 rs4)
check "valid route: received with RPKI valid (64500, 1000, 1)" sh -c "printf '%s' \"\$1\" | grep -q '(64500, 1000, 1)'" _ "$out"
check "valid route: path is the member's, the RS is transparent" sh -c "printf '%s' \"\$1\" | grep -q 'BGP.as_path: 64501\$'" _ "$out"
check "valid route: next hop is the member's own address" sh -c "printf '%s' \"\$1\" | grep -q 'BGP.next_hop: 192.0.2.11'" _ "$out"
check "valid route: received by AS64503 and AS64504 too" sh -c "birdc -s $T_TMP/m3.ctl show route $A.0/28 protocol rs4 | grep -q '^$A.0/28' && birdc -s $T_TMP/m4.ctl show route $A.0/28 protocol rs4 | grep -q '^$A.0/28'"
check "valid route: not sent back to its own member" sh -c "! birdc -s $T_TMP/m1.ctl show route $A.0/28 protocol rs4 | grep -q '^$A.0/28'"
out=$(route_all m2 $A.16/28 rs4)
check "route without ROA: RPKI unknown (64500, 1000, 2)" sh -c "printf '%s' \"\$1\" | grep -q '(64500, 1000, 2)'" _ "$out"
out=$(route_all m2 $A.128/28 rs4)
check "customer route via AS-SET: received with path 64501 64510" sh -c "printf '%s' \"\$1\" | grep -q 'BGP.as_path: 64501 64510'" _ "$out"
check "route from the MD5 session (AS64504) received" has_route m2 $B.160/28 rs4
out=$(route_all m2 $B.160/28 rs4)
check "prepend to everyone (RS:102:0): AS64502 receives $B.160/28 with path 64504 64504 64504" sh -c "printf '%s' \"\$1\" | grep -q 'BGP.as_path: 64504 64504 64504\$'" _ "$out"
check "prepend to everyone: AS64503 too, and the request itself is not passed on" sh -c \
	"birdc -s $T_TMP/m3.ctl show route $B.160/28 protocol rs4 all | grep -q 'BGP.as_path: 64504 64504 64504\$' && ! birdc -s $T_TMP/m3.ctl show route $B.160/28 protocol rs4 all | grep -q '64500, 102'"
out=$(route_all m2 $A.16/28 rs4)
check "NO_EXPORT on request (RS:65281:64502): AS64502 receives $A.16/28 with NO_EXPORT" sh -c "printf '%s' \"\$1\" | grep -q '(65535,65281)'" _ "$out"
check "NO_EXPORT on request: AS64503 receives $A.16/28 without it" sh -c \
	"birdc -s $T_TMP/m3.ctl show route $A.16/28 protocol rs4 all | grep -q '^$A.16/28' && ! birdc -s $T_TMP/m3.ctl show route $A.16/28 protocol rs4 all | grep -q '65535,65281'"
out=$(route_all m2 2001:db8:1000::/48 rs6)
check "IPv6 route over the IPv6 session: received, RPKI unknown (64500, 1000, 2)" sh -c "printf '%s' \"\$1\" | grep -q '(64500, 1000, 2)'" _ "$out"

# ---- BLACKHOLE ------------------------------------------------------------

out=$(route_all m2 $A.1/32 rs4)
check "blackhole /32 from the owner: received" sh -c "printf '%s' \"\$1\" | grep -q '^$A.1/32'" _ "$out"
check "blackhole: NO_EXPORT added" sh -c "printf '%s' \"\$1\" | grep -q '(65535,65281)'" _ "$out"
check "blackhole: BLACKHOLE community kept" sh -c "printf '%s' \"\$1\" | grep -q '(65535,666)'" _ "$out"
check "blackhole: next hop rewritten to 192.0.2.66" sh -c "printf '%s' \"\$1\" | grep -q 'BGP.next_hop: 192.0.2.66'" _ "$out"
check "blackhole: tagged RPKI not checked (64500, 1000, 3)" sh -c "printf '%s' \"\$1\" | grep -q '(64500, 1000, 3)'" _ "$out"

# ---- GRACEFUL_SHUTDOWN ---------------------------------------------------

# (BIRD 3 names the attributes bgp_path and bgp_local_pref.)
out=$(bc rs show route $A.192/28 all)
check "gshut: the RS holds the route from both members" sh -c "[ \$(printf '%s' \"\$1\" | grep -c 'BGP.as_path\|bgp_path') = 2 ]" _ "$out"
check "gshut: local preference 0 on the route with 65535:0" sh -c "printf '%s' \"\$1\" | grep -q 'BGP.local_pref: 0\|bgp_local_pref: 0'" _ "$out"
out=$(route_all m2 $A.192/28 rs4)
check "gshut: AS64502 gets the path via AS64503, not the shut one" sh -c "printf '%s' \"\$1\" | grep -q 'BGP.as_path: 64503\$'" _ "$out"

# ---- announcement control ------------------------------------------------

for spec in "$A.208/28|do not announce to AS64502 (0:64502)" "$A.224/28|do not announce to AS64502 (64500:0:64502)" \
    "$B.0/28|announce only to AS64503 (0:64500 + 64500:64503)" "$B.16/28|announce only to AS64503 (64500:0:0 + 64500:1:64503)"; do
	pfx=${spec%%|*}
	desc=${spec#*|}
	if has_route m3 "$pfx" rs4 && ! has_route m2 "$pfx" rs4; then
		pass "$desc: AS64503 has it, AS64502 does not"
	else
		fail "$desc: AS64503 $(has_route m3 "$pfx" rs4 && echo has || echo lacks) it, AS64502 $(has_route m2 "$pfx" rs4 && echo has || echo lacks) it"
	fi
done
if ! has_route m2 $B.32/28 rs4 && ! has_route m3 $B.32/28 rs4 && bc rs show route $B.32/28 | grep -q "^$B.32/28"; then
	pass "announce to nobody (0:64500): on the RS, at no member"
else
	fail "announce to nobody (0:64500)"
fi
for spec in "$B.48/28|1|65501:64502" "$B.64/28|2|64500:102:64502" "$B.80/28|3|65503:64502"; do
	pfx=${spec%%|*}
	rest=${spec#*|}
	n=${rest%%|*}
	comm=${rest#*|}
	want="64501"
	for i in $(seq 1 "$n"); do want="$want 64501"; done
	m2path=$(route_all m2 "$pfx" rs4 | sed -n 's/.*BGP.as_path: //p')
	m3path=$(route_all m3 "$pfx" rs4 | sed -n 's/.*BGP.as_path: //p')
	if [ "$m2path" = "$want" ] && [ "$m3path" = "64501" ]; then
		pass "prepend ${n}x to AS64502 ($comm): AS64502 sees '$m2path', AS64503 sees '$m3path'"
	else
		fail "prepend ${n}x to AS64502 ($comm): AS64502 sees '$m2path', AS64503 sees '$m3path'"
	fi
done
out=$(route_all m3 $B.48/28 rs4; route_all m3 $A.208/28 rs4; route_all m3 $B.16/28 rs4)
check "control communities are stripped before export" sh -c "! printf '%s' \"\$1\" | grep -q '(65501,64502)\|(0,64502)\|(64500, 1, 64503)\|(64500, 0, 0)'" _ "$out"

# ---- max-prefix and MD5 --------------------------------------------------

if wait_until 30 "AS64506_1 disabled by its receive limit" sh -c "$RS_BIRDC -s $T_TMP/rs.ctl show protocols AS64506_1 | grep -q ' down '"; then
	out=$(bc rs show protocols all AS64506_1)
	check "max-prefix: 3 routes against a limit of 2 disable the session" sh -c "printf '%s' \"\$1\" | grep -qi 'limit'" _ "$out"
	check "max-prefix: no route of AS64506 reached a member" sh -c "! birdc -s $T_TMP/m2.ctl show route $B.176/28 | grep -q '^$B'"
fi
# max_prefix.count_rejected false (BIRD's import limit): only the accepted
# route counts (B.184/29 and B.188/30 are filtered), 1 of 2: up again.
sed 's/^      max_prefix: {action: disable}$/      max_prefix: {action: disable, count_rejected: false}/' \
	"$T_TMP/ixp.yaml" > "$T_TMP/ixp-mpc.yaml"
if apply_variant mpc && grep -q 'import limit 2 action disable' "$T_TMP/rs-mpc/rs1.conf" &&
    bc rs enable AS64506_1 > /dev/null; then
	wait_until 30 "count_rejected false: AS64502 receives $B.176/28" has_route m2 $B.176/28 rs4 &&
		pass "max-prefix count_rejected false: the session stays up, its accepted $B.176/28 reaches AS64502"
	check "max-prefix count_rejected false: the other two are still filtered, not counted" \
		sh -c "[ -n \"\$($RS_BIRDC -s $T_TMP/rs.ctl show route $B.184/29 filtered all | grep 65520)\" ] && [ -n \"\$($RS_BIRDC -s $T_TMP/rs.ctl show route $B.188/30 filtered all | grep 65520)\" ]"
else
	fail "max-prefix count_rejected: compile, reconfigure, enable"
fi
restore_rs
wait_until 30 "count_rejected back to true: AS64506_1 disabled again" sh -c "$RS_BIRDC -s $T_TMP/rs.ctl show protocols AS64506_1 | grep -q ' down '" &&
	pass "max-prefix count_rejected true again: the session is disabled by its receive limit"
# Blacklist entries with lengths (IXP-wide, reason 3): every /29-/32 inside
# $A.0/24, and $A.16/28 exactly; the /28s around them are not touched.
sed 's|^policy:$|policy:\n  blacklist: [{prefix: 198.51.100.0/24, ge: 29, le: 32}, {prefix: 198.51.100.16/28, exact: true}]|' \
	"$T_TMP/ixp.yaml" > "$T_TMP/ixp-blr.yaml"
if apply_variant blr && grep -q '198.51.100.0/24{29,32}' "$T_TMP/rs-blr/rs1.conf"; then
	wait_until 30 "blacklist ge/le: $A.1/32 filtered with 3" has_reason $A.1/32 3 &&
		pass "blacklist {ge: 29, le: 32}: the /32 BLACKHOLE $A.1/32 filtered with 3"
	wait_until 30 "blacklist exact: $A.16/28 filtered with 3" has_reason $A.16/28 3 &&
		pass "blacklist {exact: true}: $A.16/28 filtered with 3"
	check "blacklist ranges: $A.0/28 and $A.128/28 (outside the lengths) still received" sh -c \
		"birdc -s $T_TMP/m2.ctl show route $A.0/28 | grep -q '^$A.0/28' && birdc -s $T_TMP/m2.ctl show route $A.128/28 | grep -q '^$A.128/28'"
	"$IXP_RSC" explain "$T_TMP/ixp-blr.yaml" --member 64501 --prefix $A.1/32 --community 65535:666 -q > "$T_TMP/blr.txt" 2>&1
	check "blacklist ranges: explain names the entry" grep -q 'matches 198.51.100.0/24{29,32}' "$T_TMP/blr.txt"
else
	fail "blacklist ranges: compile and reconfigure"
fi
restore_rs
wait_until 30 "blacklist ranges gone: $A.1/32 back" has_route m2 $A.1/32 rs4
check "MD5: the session with the right password is up" established AS64504_1
# Negative: watch the wrong-password session for 8 s; it must never come up.
md5_up=0
end=$(( $(date +%s) + 8 ))
while [ "$(date +%s)" -lt "$end" ]; do
	established AS64505_1 && md5_up=1
	sleep 0.5
done
check "MD5: the session with the wrong password never comes up" [ $md5_up -eq 0 ]

# ---- impact: the new policy judged on the live routes --------------------

jqt() { jq -e "$1" "$2" > /dev/null; }	# jqt FILTER FILE: true on FILE
# The running config's own YAML: ixp-rsc's verdict on every route the route
# server holds, accepted and filtered (every reason above), is BIRD's.
"$IXP_RSC" impact "$T_TMP/ixp.yaml" --bird rs1="$T_TMP/rs.ctl" --json -q > "$T_TMP/impact0.json" 2> "$T_TMP/impact.err"
rc=$?
check "impact, unchanged policy: exit 0 (got $rc)" [ "$rc" -eq 0 ]
check "impact, unchanged policy: every one of the $(jq '.route_servers[0].routes' "$T_TMP/impact0.json") routes keeps BIRD's verdict" \
	jqt '.totals == {"to_filtered": 0, "to_accepted": 0, "reason_changed": 0} and .route_servers[0].routes > 30' "$T_TMP/impact0.json"
[ "$T_FAIL" -eq 0 ] || jq -c '.route_servers[0].members[] | select(.changes != []) | .changes[]' "$T_TMP/impact0.json" | head -20
# A typo in AS64501's AS-SET (one the IRR does not have): its customer's
# route would be filtered with reason 9. One of its accepted routes, over a
# 5% limit: exit 5.
sed 's|^    as_set: AS-M1$|    as_set: AS-M1-TYPO|' "$T_TMP/ixp.yaml" > "$T_TMP/ixp-typo.yaml"
"$IXP_RSC" impact "$T_TMP/ixp-typo.yaml" --bird rs1="$T_TMP/rs.ctl" --max-member-loss 5 -q \
	> "$T_TMP/impact1.txt" 2>&1
rc=$?
check "impact, AS-SET typo: exit 5, over the limit (got $rc)" [ "$rc" -eq 5 ]
check "impact, AS-SET typo: $A.128/28 of AS64501_1 would go accepted -> 9" \
	grep -q "$A.128/28 *AS64501_1 *accepted -> 9 (Origin ASN not in" "$T_TMP/impact1.txt"
check "impact, AS-SET typo: the report says which limit" grep -q "OVER THE LIMIT: rs1: AS64501 would lose" "$T_TMP/impact1.txt"
"$IXP_RSC" impact "$T_TMP/ixp-typo.yaml" --bird rs1="$T_TMP/rs.ctl" -q > /dev/null 2>&1
rc=$?
check "impact, AS-SET typo under the default limits (10% of a member, 1000 routes): exit 0 (got $rc)" [ "$rc" -eq 0 ]
"$IXP_RSC" impact "$T_TMP/ixp-typo.yaml" --bird rs1="$T_TMP/rs.ctl" --max-loss 0 -q > "$T_TMP/impact3.txt" 2>&1
rc=$?
check "impact, AS-SET typo with --max-loss 0: exit 5 (got $rc)" [ "$rc" -eq 5 ]
check "impact, AS-SET typo with --max-loss 0: the total is named" \
	grep -q 'OVER THE LIMIT: 1 routes would be newly filtered' "$T_TMP/impact3.txt"
# Applied anyway: BIRD then does what impact predicted, route by route.
"$IXP_RSC" compile "$T_TMP/ixp-typo.yaml" -o "$T_TMP/rs-typo" -q && bc rs configure \""$T_TMP/rs-typo/rs1.conf"\" > /dev/null
wait_until 30 "typo applied: $A.128/28 filtered with 9" has_reason $A.128/28 9
"$IXP_RSC" impact "$T_TMP/ixp-typo.yaml" --bird rs1="$T_TMP/rs.ctl" --json -q > "$T_TMP/impact2.json" 2>&1
check "impact after the apply: BIRD's verdicts are the predicted ones, every route" \
	jqt '.totals == {"to_filtered": 0, "to_accepted": 0, "reason_changed": 0}' "$T_TMP/impact2.json"
restore_rs
wait_until 30 "typo undone: $A.128/28 back" has_route m2 $A.128/28 rs4 && pass "impact: the good config restored"
# A member that wants no blackhole routes (policy.blackhole.receive: false):
# AS64503 stops receiving the owner's /32, AS64502 keeps it.
sed '/^  - asn: 64503$/,/^  - asn/ s/^    as_set: AS-M3$/    as_set: AS-M3\n    policy: {blackhole: {receive: false}}/' \
	"$T_TMP/ixp.yaml" > "$T_TMP/ixp-nobh.yaml"
if "$IXP_RSC" compile "$T_TMP/ixp-nobh.yaml" -o "$T_TMP/rs-nobh" -q &&
    bc rs configure \""$T_TMP/rs-nobh/rs1.conf"\" | grep -q 'Reconfigur'; then
	wait_until 30 "receive: false: AS64503 loses $A.1/32" sh -c "! birdc -s $T_TMP/m3.ctl show route $A.1/32 | grep -q '^$A.1/32'" &&
		pass "blackhole.receive false: AS64503 no longer receives the blackhole $A.1/32"
	check "blackhole.receive false: AS64502 still receives it" has_route m2 $A.1/32 rs4
	check "blackhole.receive false: listed as AS64503's own setting in the policy page" \
		grep -q 'blackhole.receive' "$T_TMP/rs-nobh/route-server-policy.md"
else
	fail "blackhole.receive: compile and reconfigure"
fi
restore_rs
wait_until 30 "AS64503 gets $A.1/32 back" has_route m3 $A.1/32 rs4 &&
	pass "blackhole.receive back to true: AS64503 receives $A.1/32 again"

# policy.graceful_shutdown_local_pref: the shut path of $A.192/28 at 50
# instead of 0, still below AS64503's (100), which AS64502 keeps getting.
sed 's|^policy:$|policy:\n  graceful_shutdown_local_pref: 50|' "$T_TMP/ixp.yaml" > "$T_TMP/ixp-gpref.yaml"
if apply_variant gpref; then
	wait_until 30 "gshut local pref 50 on the RS" sh -c "$RS_BIRDC -s $T_TMP/rs.ctl show route $A.192/28 all | grep -q 'BGP.local_pref: 50\|bgp_local_pref: 50'" &&
		pass "graceful_shutdown_local_pref 50: the route with 65535:0 has local preference 50 on the route server"
	check "graceful_shutdown_local_pref 50: AS64502 still gets the path via AS64503" sh -c \
		"birdc -s $T_TMP/m2.ctl show route $A.192/28 protocol rs4 all | grep -q 'BGP.as_path: 64503\$'"
else
	fail "graceful_shutdown_local_pref: compile and reconfigure"
fi
restore_rs
wait_until 30 "gshut local pref back to 0" sh -c "$RS_BIRDC -s $T_TMP/rs.ctl show route $A.192/28 all | grep -q 'BGP.local_pref: 0\|bgp_local_pref: 0'"

# Route-server maintenance: compile --maintenance, and every route a member
# receives carries GRACEFUL_SHUTDOWN; the normal config takes it off again.
gshut() { bc m2 show route $A.0/28 protocol rs4 all | grep -q '(65535,0)'; }
m2_count() { [ "$(bgp_count m2 rs4)" = "$1" ]; }
# BIRD 3 (3.1.8, 3.3.2) with path hiding exports one route of a few after a
# reconfigure that changes export filters, which maintenance does to all of
# them; compile warns, and path_hiding: false avoids it.
maint_yaml=$T_TMP/ixp.yaml
case $RS_BIRD_VERSION in
3.*)
	"$IXP_RSC" compile "$T_TMP/ixp.yaml" -o "$T_TMP/rs-maint" --maintenance > /dev/null 2> "$T_TMP/maint.err"
	check "maintenance with BIRD 3 and path hiding: compile warns" grep -q 'BIRD 3 with path hiding' "$T_TMP/maint.err"
	sed 's|^  bird: {version: \("[^"]*"\)}|  bird: {version: \1, path_hiding: false}|' "$T_TMP/ixp.yaml" > "$T_TMP/ixp-maint.yaml"
	maint_yaml=$T_TMP/ixp-maint.yaml ;;
esac
if "$IXP_RSC" compile "$maint_yaml" -o "$T_TMP/rs-maint" --maintenance -q &&
    bc rs configure \""$T_TMP/rs-maint/rs1.conf"\" | grep -q 'Reconfigur'; then
	wait_until 30 "maintenance: AS64502 receives $A.0/28 with 65535:0" gshut &&
		pass "maintenance: exported routes carry GRACEFUL_SHUTDOWN (AS64502's copy of $A.0/28 has 65535:0)"
	wait_until 30 "maintenance: AS64502 keeps its 9 routes" m2_count 9 &&
		pass "maintenance: AS64502 still receives all its 9 routes, with 65535:0 ($(bc m2 show route protocol rs4 all | grep -c '(65535,0)') carry it)"
	check "maintenance: the published policy says so" grep -q '65535:0.*maintenance now' "$T_TMP/rs-maint/route-server-policy.md"
else
	fail "maintenance: compile and reconfigure"
fi
restore_rs
# Back to path hiding on BIRD 3: the changed export filters need the
# sessions restarted (the warning's other remedy).
case $RS_BIRD_VERSION in 3.*) bc rs restart '"AS*"' > /dev/null ;; esac
wait_until 30 "maintenance over: 65535:0 gone" sh -c "! birdc -s $T_TMP/m2.ctl show route $A.0/28 protocol rs4 all | grep -q '(65535,0)'" &&
	pass "maintenance over: the normal config sends $A.0/28 without 65535:0"
wait_until 60 "maintenance over: AS64502 has its 9 routes" m2_count 9 &&
	pass "maintenance over: AS64502 receives its 9 routes again"
"$IXP_RSC" impact "$T_TMP/ixp.yaml" --bird rs1="$T_TMP/nonexistent.ctl" -q > /dev/null 2> "$T_TMP/impact.err"
rc=$?
check "impact, route server not answering: exit 2 (got $rc)" [ "$rc" -eq 2 ]
check "impact, route server not answering: says which and why" grep -q "impact: rs1: .*nonexistent.ctl" "$T_TMP/impact.err"

# ---- deploy: impact, then BIRD's configure with undo -----------------------

# OUTDIR is the directory the route server's config lives in ($T_TMP/rs).
conf_sum() { grep -v '^# Generated at' "$T_TMP/rs/rs1.conf" | sha256sum | cut -d' ' -f1; }
before=$(conf_sum)
# A legitimate change: AS64501 blacklists one more of its prefixes.
sed 's|blacklist: \[203.0.113.96/28\]|blacklist: [203.0.113.96/28, 198.51.100.16/28]|' \
	"$T_TMP/ixp.yaml" > "$T_TMP/ixp-bl.yaml"
"$IXP_RSC" deploy "$T_TMP/ixp-bl.yaml" -o "$T_TMP/rs" --bird rs1="$T_TMP/rs.ctl" --settle 20 -q \
	> "$T_TMP/deploy1.txt" 2>&1
rc=$?
check "deploy, a legitimate change: exit 0 (got $rc)" [ "$rc" -eq 0 ]
check "deploy: impact's report came first, naming the route" \
	grep -q "$A.16/28 *AS64501_1 *accepted -> 11" "$T_TMP/deploy1.txt"
check "deploy: BIRD runs it, $A.16/28 filtered with reason 11" has_reason $A.16/28 11
check "deploy: OUTDIR holds the applied config" grep -q '198.51.100.16/28' "$T_TMP/rs/rs1.conf"
check "deploy: no staged file left in OUTDIR" sh -c "[ \$(find $T_TMP/rs -name '.*' -type f | wc -l) -eq 0 ]"
applied=$(conf_sum)
# Over the limits: nothing applied, nothing written.
"$IXP_RSC" deploy "$T_TMP/ixp-typo.yaml" -o "$T_TMP/rs" --bird rs1="$T_TMP/rs.ctl" --max-member-loss 5 \
	-q > "$T_TMP/deploy2.txt" 2>&1
rc=$?
check "deploy, the AS-SET typo over the limit: exit 5 (got $rc)" [ "$rc" -eq 5 ]
check "deploy refused: says why" grep -q "not applied: rs1: AS64501 would lose" "$T_TMP/deploy2.txt"
check "deploy refused: OUTDIR unchanged" [ "$(conf_sum)" = "$applied" ]
check "deploy refused: $A.128/28 still accepted" has_route m2 $A.128/28 rs4
# A config that breaks the sessions (the route server's own address wrong):
# BIRD takes it, the sessions do not come back, ixp-rsc undoes it.
sed 's|ipv4: 192.0.2.1, ipv6|ipv4: 192.0.2.9, ipv6|' "$T_TMP/ixp-bl.yaml" > "$T_TMP/ixp-bad.yaml"
grep -q '192.0.2.9' "$T_TMP/ixp-bad.yaml" || fail "test setup: the route server address is in the YAML"
"$IXP_RSC" deploy "$T_TMP/ixp-bad.yaml" -o "$T_TMP/rs" --bird rs1="$T_TMP/rs.ctl" --settle 8 \
	-q > "$T_TMP/deploy3.txt" 2>&1
rc=$?
check "deploy, sessions broken: exit 6, rolled back (got $rc)" [ "$rc" -eq 6 ]
check "deploy, sessions broken: says which session" grep -q "rolled back: not verified within 8 s (session AS64501_1" "$T_TMP/deploy3.txt"
check "deploy, sessions broken: OUTDIR unchanged" [ "$(conf_sum)" = "$applied" ]
wait_until 30 "after the undo: AS64502 receives $A.0/28 again" has_route m2 $A.0/28 rs4 &&
	pass "deploy, sessions broken: after the undo the routes are back"
# ixp-rsc dies while it waits: BIRD's own timer undoes the change.
"$IXP_RSC" deploy "$T_TMP/ixp-bad.yaml" -o "$T_TMP/rs" --bird rs1="$T_TMP/rs.ctl" --settle 120 \
	--confirm-timeout 10 > "$T_TMP/deploy4.txt" 2>&1 &
dpid=$!
echo "$dpid" >> "$T_TMP/pids"
wait_until 30 "deploy applying" grep -q "applying rs1.conf" "$T_TMP/deploy4.txt"
wait_until 30 "the broken config running" sh -c "! $RS_BIRDC -s $T_TMP/rs.ctl show protocols AS64501_1 | grep -q Established"
kill -TERM "$dpid"
wait "$dpid"
check "deploy killed: no staged file left in OUTDIR" sh -c "[ \$(find $T_TMP/rs -name '.*' -type f | wc -l) -eq 0 ]"
wait_until 60 "BIRD's timer undid it: AS64502 receives $A.0/28 again" has_route m2 $A.0/28 rs4 &&
	pass "deploy killed: BIRD's timer (10 s) rolled the change back, routes back"
check "deploy killed: OUTDIR unchanged" [ "$(conf_sum)" = "$applied" ]
# Two route servers, one after the other, stopping at the first that fails:
# rs2 is a Debian BIRD 2.0.12 that cannot parse a config for a newer BIRD,
# so its configure fails; rs1, first, keeps the new config.
if [ "$RS_BIRD" = bird ]; then
	skip "deploy, several route servers: needs a route server newer than Debian's BIRD (the second, Debian's, refuses its config)"
else
	ns_host rs2 192.0.2.2/24
	printf 'router id 192.0.2.2;\nprotocol device { }\n' > "$T_TMP/rs2-old.conf"
	ns_run rs2 bird -c "$T_TMP/rs2-old.conf" -s "$T_TMP/rs2-old.ctl" -P "$T_TMP/rs2.pid" &&
		cat "$T_TMP/rs2.pid" >> "$T_TMP/pids"
	sed 's|^    - {name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1, ipv6: "2001:db8:100::1"}$|&\n    - {name: rs2, router_id: 192.0.2.2, ipv4: 192.0.2.2}|' \
		"$T_TMP/ixp-bl.yaml" > "$T_TMP/ixp-2rs.yaml"
	grep -q 'name: rs2' "$T_TMP/ixp-2rs.yaml" || fail "test setup: rs2 in the YAML"
	report=$(sha256sum < "$T_TMP/rs/report.json")
	"$IXP_RSC" deploy "$T_TMP/ixp-2rs.yaml" -o "$T_TMP/rs" --bird rs1="$T_TMP/rs.ctl" \
		--bird rs2="$T_TMP/rs2-old.ctl" --settle 20 -q > "$T_TMP/deploy5.txt" 2>&1
	rc=$?
	check "deploy, rs1 then rs2 (which refuses): exit 6 (got $rc)" [ "$rc" -eq 6 ]
	check "deploy, rs2 refused: BIRD's reason is named" grep -q "rs2: not applied: BIRD did not take" "$T_TMP/deploy5.txt"
	check "deploy, rs2 refused: it says rs1 runs the new config" grep -q "1 route server runs the new config" "$T_TMP/deploy5.txt"
	check "deploy, rs2 refused: no rs2.conf written" [ ! -e "$T_TMP/rs/rs2.conf" ]
	check "deploy, rs2 refused: the other outputs unchanged (report.json)" \
		[ "$(sha256sum < "$T_TMP/rs/report.json")" = "$report" ]
	check "deploy, rs2 refused: rs2 still runs its old config" \
		sh -c "birdc -s $T_TMP/rs2-old.ctl show protocols | grep -q device1"
fi

# Back to the test IXP's own policy for what follows.
"$IXP_RSC" deploy "$T_TMP/ixp.yaml" -o "$T_TMP/rs" --bird rs1="$T_TMP/rs.ctl" --settle 20 -q > /dev/null 2>&1
check "deploy back to the original policy: OUTDIR as before" [ "$(conf_sum)" = "$before" ]
wait_until 30 "$A.16/28 accepted again" has_route m2 $A.16/28 rs4 && pass "deploy: the original policy is back"

# ---- RPKI over RTR: live changes ----------------------------------------

vrps_valid='{"roas":[{"asn":64501,"prefix":"198.51.100.0/28","maxLength":28,"ta":"t"},{"asn":64599,"prefix":"198.51.100.160/28","maxLength":28,"ta":"t"}]}'
vrps_bad='{"roas":[{"asn":64599,"prefix":"198.51.100.0/28","maxLength":28,"ta":"t"},{"asn":64599,"prefix":"198.51.100.160/28","maxLength":28,"ta":"t"}]}'
# Replace files atomically so StayRTR never reads half of one.
put_vrps() { printf '%s\n' "$2" > "$1.tmp" && mv "$1.tmp" "$1"; }
put_vrps "$T_TMP/rtr.json" "$vrps_valid"
start_stayrtr() {
	ip netns exec "$NS_P-rs" stayrtr -bind 127.0.0.1:8282 -cache "$T_TMP/rtr.json" -refresh 1 \
		-checktime=false -metrics.addr "" >> "$T_TMP/stayrtr.log" 2>&1 &
	STAYRTR=$!
	echo $STAYRTR >> "$T_TMP/pids"
}
start_stayrtr
sed 's|rpki: {vrps: vrps.json, max_age: 0}|rpki: {rtr: [{host: 127.0.0.1, port: 8282}]}|' "$T_TMP/ixp.yaml" > "$T_TMP/ixp-rtr.yaml"
if apply_variant rtr; then
	pass "RTR: route server reconfigured to RPKI over RTR"
else
	fail "RTR: reconfigure"
fi
wait_until 30 "RTR session with StayRTR up" sh -c "$RS_BIRDC -s $T_TMP/rs.ctl show protocols rtr1 | grep -q Established" &&
	pass "RTR: session with StayRTR established"
wait_until 30 "RTR: $A.0/28 valid from RTR" sh -c "birdc -s $T_TMP/m2.ctl show route $A.0/28 all | grep -q '(64500, 1000, 1)'" &&
	pass "RTR: AS64502 receives $A.0/28 tagged valid from the RTR data"
put_vrps "$T_TMP/rtr.json" "$vrps_bad"
wait_until 30 "RTR: $A.0/28 withdrawn after its ROA changed" sh -c "! birdc -s $T_TMP/m2.ctl show route $A.0/28 | grep -q '^$A.0/28'" &&
	pass "RTR: ROA changed to another origin: withdrawn from AS64502 without a restart"
wait_until 10 "RTR: $A.0/28 filtered with reason 14" has_reason $A.0/28 14 &&
	pass "RTR: the route server keeps it filtered with reason 14"
put_vrps "$T_TMP/rtr.json" "$vrps_valid"
wait_until 30 "RTR: $A.0/28 back" has_route m2 $A.0/28 rs4 && pass "RTR: ROA restored: AS64502 receives it again"
check "RTR: sessions were not restarted" sh -c "$RS_BIRDC -s $T_TMP/rs.ctl show protocols all AS64502_1 | grep -q 'Established'"

# The cache goes down: BIRD keeps its ROAs (expire 48 h), no verdict moves.
kill "$STAYRTR"
wait "$STAYRTR" 2>/dev/null
wait_until 30 "RTR: BIRD sees the cache gone" sh -c "! $RS_BIRDC -s $T_TMP/rs.ctl show protocols rtr1 | grep -q Established" &&
	pass "RTR: cache stopped, BIRD's RTR session is down"
check "RTR: with the cache down the ROAs are kept: $A.0/28 still valid at AS64502" \
	sh -c "birdc -s $T_TMP/m2.ctl show route $A.0/28 all | grep -q '(64500, 1000, 1)'"
# The route server restarts while the cache is down: no ROAs at all, so
# routes are RPKI unknown (accepted, tagged 2) rather than all dropped;
# when the cache is back (BIRD retries every 30 s) the invalid one goes.
put_vrps "$T_TMP/rtr.json" "$vrps_bad"
rspid=$(cat "$T_TMP/rs.pid")
bc rs down > /dev/null
wait_until 10 "RTR: route server stopped" sh -c "! kill -0 $rspid 2>/dev/null"
bird_start rs "$T_TMP/rs-rtr/rs1.conf" || fail "RTR: the route server restarts"
wait_until 60 "RTR: cache down at start: $A.0/28 accepted as RPKI unknown" sh -c \
	"birdc -s $T_TMP/m2.ctl show route $A.0/28 all | grep -q '(64500, 1000, 2)'" &&
	pass "RTR: cache down at BIRD start: $A.0/28 accepted, tagged RPKI unknown (not all routes dropped)"
start_stayrtr
wait_until 60 "RTR: session up again after the cache restarted" sh -c "$RS_BIRDC -s $T_TMP/rs.ctl show protocols rtr1 | grep -q Established" &&
	pass "RTR: cache restarted: BIRD reconnects within its 30 s retry"
wait_until 30 "RTR: $A.0/28 filtered once the cache answers" has_reason $A.0/28 14 &&
	pass "RTR: the ROA from the restarted cache filters $A.0/28 (reason 14)"
put_vrps "$T_TMP/rtr.json" "$vrps_valid"

# ---- RPKI from static ROA tables: the reload path ------------------------

put_vrps "$T_TMP/vrps.json" "$vrps_bad"
"$IXP_RSC" compile "$T_TMP/ixp.yaml" -o "$T_TMP/rs" --check -q && bc rs configure \""$T_TMP/rs/rs1.conf"\" >/dev/null
wait_until 30 "static: $A.0/28 withdrawn after the VRP file changed" sh -c "! birdc -s $T_TMP/m2.ctl show route $A.0/28 | grep -q '^$A.0/28'" &&
	pass "static ROAs: recompiled with the changed VRP file, birdc configure: withdrawn"
put_vrps "$T_TMP/vrps.json" "$vrps_valid"
"$IXP_RSC" compile "$T_TMP/ixp.yaml" -o "$T_TMP/rs" --check -q && bc rs configure \""$T_TMP/rs/rs1.conf"\" >/dev/null
wait_until 30 "static: $A.0/28 back" has_route m2 $A.0/28 rs4 && pass "static ROAs: restored and reconfigured: received again"

# ---- policy.irr.rpki_as_route_object --------------------------------------

# $B.192/28 (AS64501, no route object: 12) gets a valid ROA: still 12 with
# the default; accepted once AS64501's policy lets a valid ROA stand for a
# route object, and explain says why.
vrps_rov='{"roas":[{"asn":64501,"prefix":"198.51.100.0/28","maxLength":28,"ta":"t"},{"asn":64599,"prefix":"198.51.100.160/28","maxLength":28,"ta":"t"},{"asn":64501,"prefix":"'$B'.192/28","maxLength":28,"ta":"t"}]}'
put_vrps "$T_TMP/vrps.json" "$vrps_rov"
"$IXP_RSC" compile "$T_TMP/ixp.yaml" -o "$T_TMP/rs" --check -q && bc rs configure \""$T_TMP/rs/rs1.conf"\" >/dev/null
sleep 1
check "rpki_as_route_object off: $B.192/28 with a valid ROA still filtered with 12" has_reason $B.192/28 12
sed 's/^      irr: {allow_more_specifics: true}$/      irr: {allow_more_specifics: true, rpki_as_route_object: true}/' \
	"$T_TMP/ixp.yaml" > "$T_TMP/ixp-rov.yaml"
if apply_variant rov; then
	wait_until 30 "rpki_as_route_object: $B.192/28 accepted" has_route m2 $B.192/28 rs4 &&
		pass "rpki_as_route_object on: $B.192/28 (RPKI valid, no route object) received by AS64502"
	"$IXP_RSC" explain "$T_TMP/ixp-rov.yaml" --member 64501 --prefix $B.192/28 -q > "$T_TMP/rov.txt" 2>&1
	check "rpki_as_route_object: explain accepts it, check 12 passed by the ROA" sh -c \
		"grep -q 'RPKI valid (policy.irr.rpki_as_route_object)' $T_TMP/rov.txt && grep -q 'Verdict: ACCEPTED' $T_TMP/rov.txt"
	check "rpki_as_route_object: other routes without a route object keep 12 ($A.240/28)" has_reason $A.240/28 12
else
	fail "rpki_as_route_object: compile and reconfigure"
fi
put_vrps "$T_TMP/vrps.json" "$vrps_valid"
"$IXP_RSC" compile "$T_TMP/ixp.yaml" -o "$T_TMP/rs" --check -q && bc rs configure \""$T_TMP/rs/rs1.conf"\" >/dev/null
wait_until 30 "$B.192/28 filtered again" has_reason $B.192/28 12

# ---- transit_free_action / bogon_asn_action: warn --------------------------

# AS64501's policy only warns: $A.96/28 (transit-free AS174 in the path, 8)
# and $A.80/28 (private AS64512, 7) are accepted, tagged (64500, 65521, code)
# on the route server, and reach AS64502 without the tag.
sed 's/^      irr: {allow_more_specifics: true}$/      irr: {allow_more_specifics: true}\n      transit_free_action: warn\n      bogon_asn_action: warn/' \
	"$T_TMP/ixp.yaml" > "$T_TMP/ixp-warn.yaml"
if apply_variant warn; then
	wait_until 30 "warn: AS64502 receives $A.96/28" has_route m2 $A.96/28 rs4 &&
		pass "transit_free_action warn: $A.96/28 (AS174 in the path) received by AS64502"
	wait_until 30 "warn: AS64502 receives $A.80/28" has_route m2 $A.80/28 rs4 &&
		pass "bogon_asn_action warn: $A.80/28 (AS64512 in the path) received by AS64502"
	check "warn: the route server's copy is tagged (64500, 65521, 8)" sh -c \
		"$RS_BIRDC -s $T_TMP/rs.ctl show route $A.96/28 all | grep -q '(64500, 65521, 8)'"
	check "warn: the tag does not leave the route server" sh -c \
		"! birdc -s $T_TMP/m2.ctl show route $A.96/28 all | grep -q '65521'"
	"$IXP_RSC" explain "$T_TMP/ixp-warn.yaml" --member 64501 --prefix $A.96/28 --path "64501 174 64501" -q > "$T_TMP/warn.txt" 2>&1
	check "warn: explain marks check 8 warn and accepts" sh -c \
		"grep -q '^   8 .* warn ' $T_TMP/warn.txt && grep -q 'Verdict: ACCEPTED.*warned (64500, 65521, 8)' $T_TMP/warn.txt"
else
	fail "warn actions: compile and reconfigure"
fi
restore_rs
wait_until 30 "warn off: $A.96/28 filtered with 8 again" has_reason $A.96/28 8 &&
	pass "transit_free_action back to reject: $A.96/28 filtered with 8"

# ---- policy.irr.tag --------------------------------------------------------

# AS64501 with IRR tags and enforce_prefix off: $B.192/28 (no route object)
# is accepted and says so, (64500, 1001, 2); $A.0/28 says (64500, 1001, 1);
# both origins are in AS-M1 (64500, 1002, 1). The tags reach AS64502.
sed 's/^      irr: {allow_more_specifics: true}$/      irr: {allow_more_specifics: true, tag: true, enforce_prefix: false}/' \
	"$T_TMP/ixp.yaml" > "$T_TMP/ixp-tag.yaml"
if apply_variant tag; then
	wait_until 30 "irr.tag: $B.192/28 accepted" has_route m2 $B.192/28 rs4 &&
		check "irr.tag: AS64502 receives $B.192/28 tagged not registered, origin in the AS-SET" sh -c \
			"birdc -s $T_TMP/m2.ctl show route $B.192/28 all | grep -q '(64500, 1001, 2)' && birdc -s $T_TMP/m2.ctl show route $B.192/28 all | grep -q '(64500, 1002, 1)'"
	wait_until 30 "irr.tag: $A.0/28 tagged registered" sh -c "birdc -s $T_TMP/m2.ctl show route $A.0/28 all | grep -q '(64500, 1001, 1)'" &&
		pass "irr.tag: $A.0/28 (a route object) tagged registered (64500, 1001, 1)"
	check "irr.tag: reasons.json names the tags for the looking glass" \
		jqt '[.informational_communities[].community] | index("64500:1001:2") != null' "$T_TMP/rs-tag/reasons.json"
else
	fail "irr.tag: compile and reconfigure"
fi
restore_rs
wait_until 30 "irr.tag off: $B.192/28 filtered with 12 again" has_reason $B.192/28 12

# ---- members[].whitelist ---------------------------------------------------

# The IXP vouches for AS64501's unregistered $B.192/28 (reason 12) and for
# its customer route $A.112/28 from AS65550 (not in AS-M1: reason 9);
# $A.8/29 stays 12. Both sides: the route server's verdict, AS64502's table.
sed 's|^    as_set: AS-M1$|    as_set: AS-M1\n    whitelist: {prefixes: [203.0.113.192/28], routes: [{prefix: 198.51.100.112/28, origin: 65550}]}|' \
	"$T_TMP/ixp.yaml" > "$T_TMP/ixp-wl.yaml"
for t in table sets; do
	y=$T_TMP/ixp-wl.yaml
	[ $t = sets ] && { sed 's|^  bird: {version: \("[^"]*"\)}|  bird: {version: \1, irr_filter: prefix_sets}|' "$y" > "$T_TMP/ixp-wls.yaml"; y=$T_TMP/ixp-wls.yaml; }
	if "$IXP_RSC" compile "$y" -o "$T_TMP/rs-wl" --check -q &&
	    bc rs configure \""$T_TMP/rs-wl/rs1.conf"\" | grep -q 'Reconfigur'; then
		wait_until 30 "whitelist ($t): $B.192/28 received" has_route m2 $B.192/28 rs4 &&
			pass "whitelist prefixes ($t): $B.192/28 without a route object received by AS64502"
		wait_until 30 "whitelist ($t): $A.112/28 received" has_route m2 $A.112/28 rs4 &&
			pass "whitelist routes ($t): $A.112/28 from AS65550 (outside the AS-SET) received by AS64502"
		check "whitelist ($t): $A.8/29, not whitelisted, keeps 12" has_reason $A.8/29 12
	else
		fail "whitelist ($t): compile and reconfigure"
	fi
done
"$IXP_RSC" explain "$T_TMP/ixp-wl.yaml" --member 64501 --prefix $A.112/28 --path "64501 65550" -q > "$T_TMP/wl.txt" 2>&1
check "whitelist: explain accepts $A.112/28 and says the IXP whitelisted it" sh -c \
	"grep -q 'whitelisted by the IXP (members\[\].whitelist: 198.51.100.112/28 with origin AS65550)' $T_TMP/wl.txt && grep -q 'Verdict: ACCEPTED' $T_TMP/wl.txt"
check "whitelist: the report lists it" jqt '.members[] | select(.asn == 64501) | .whitelist.routes[0] == {"prefix": "198.51.100.112/28", "origin": 65550}' "$T_TMP/rs-wl/report.json"
restore_rs
wait_until 30 "whitelist gone: $A.112/28 filtered with 9 again" has_reason $A.112/28 9 &&
	pass "whitelist gone: $A.112/28 filtered with 9 again"

# ---- sources.rpki.trust_anchors ----------------------------------------------

# $A.160/28 is RPKI invalid (14) by a ROA of trust anchor "t"; with only
# "other" allowed that ROA is left out, the route is unknown and accepted
# (max_drop raised: leaving out VRPs is a drop the guard would hold back).
sed 's|^  rpki: {vrps: vrps.json, max_age: 0}$|  rpki: {vrps: vrps.json, max_age: 0, trust_anchors: [other], max_drop: 100}|' \
	"$T_TMP/ixp.yaml" > "$T_TMP/ixp-ta.yaml"
if apply_variant ta; then
	wait_until 30 "trust_anchors: $A.160/28 accepted" has_route m2 $A.160/28 rs4 &&
		pass "trust_anchors [other]: the ROA of trust anchor t is left out, $A.160/28 (was 14) received, RPKI unknown"
	check "trust_anchors: AS64502's copy says RPKI unknown (64500, 1000, 2)" sh -c \
		"birdc -s $T_TMP/m2.ctl show route $A.160/28 all | grep -q '(64500, 1000, 2)'"
else
	fail "trust_anchors: compile and reconfigure"
fi
restore_rs
wait_until 30 "trust_anchors gone: $A.160/28 filtered with 14 again" has_reason $A.160/28 14 &&
	pass "every trust anchor again: $A.160/28 filtered with 14"

# ---- the other IRR representation: per-member prefix sets ---------------

# The same IXP with ixp.bird.irr_filter: prefix_sets. Where the two differ
# (README, "IRR filters: tables or prefix sets"), the routes above change
# verdict; everything else keeps it.
sed 's|^  bird: {version: \("[^"]*"\)}|  bird: {version: \1, irr_filter: prefix_sets}|' "$T_TMP/ixp.yaml" > "$T_TMP/ixp-sets.yaml"
if "$IXP_RSC" compile "$T_TMP/ixp-sets.yaml" -o "$T_TMP/rs-sets" --check -q &&
    grep -q 'define AS64501_PFX4' "$T_TMP/rs-sets/rs1.conf" &&
    bc rs configure \""$T_TMP/rs-sets/rs1.conf"\" | grep -q 'Reconfigur'; then
	pass "sets: route server reconfigured to per-member prefix sets"
else
	fail "sets: reconfigure"
fi
wait_until 30 "sets: $A.240/28 accepted (origin in the cone, prefix in the cone)" has_route m2 $A.240/28 rs4 &&
	pass "sets: $A.240/28 (origin AS64510, AS64501's route object) accepted"
wait_until 30 "sets: $A.242/32 BLACKHOLE accepted" has_route m2 $A.242/32 rs4 &&
	pass "sets: $A.242/32 BLACKHOLE covered by a prefix of the cone accepted"
for spec in "$A.8/29 12" "$B.192/28 12" "$A.144/29 13" "$A.112/28 9" "$A.2/32 12"; do
	check "sets: ${spec% *} keeps reason ${spec#* }" has_reason ${spec% *} ${spec#* }
done
check "sets: $A.128/28 (customer route) still received" has_route m2 $A.128/28 rs4
check "sets: $A.0/28 still received" has_route m2 $A.0/28 rs4

# ---- ASPA (a route server BIRD with ASPA: 2.16 or later, 3.x) -------------

# Three IPv6 routes of AS64501's customers, origins in AS-M1 with route
# objects, RPKI unknown; ASPA records in the VRP file; only AS64501's own
# policy asks for ASPA (the IXP's does not):
#   2001:db8:3001::/48  64501 65537         65537 -> {64501}: valid
#   2001:db8:3002::/48  64501 65538         65538 has no ASPA: unknown
#   2001:db8:3003::/48  64501 65540 65539   65539 -> {65540}, 65540 -> {65541}:
#                                           65540 passed a provider's route
#                                           to a non-provider: a leak, invalid
case $RS_BIRD_VERSION in
2.1[6-9]* | 2.[2-9][0-9]* | 3.*) aspa=1 ;;
*) aspa=0 ;;
esac
if [ "$aspa" -eq 0 ]; then
	skip "ASPA: bird.version $RS_BIRD_VERSION has no ASPA (run with a BIRD 2.16+ or 3.x route server)"
else
	sed -i 's/^members:  AS64501, AS64510$/members:  AS64501, AS64510, AS65537, AS65538, AS65539/' \
		"$T_TMP/irr.db"
	for o in 1:65537 2:65538 3:65539; do
		printf '\nroute6:   2001:db8:300%s::/48\norigin:   AS%s\nsource:   TEST\n' "${o%:*}" \
			"${o#*:}" >> "$T_TMP/irr.db"
	done
	jq '. + {aspas: [{customer_asid: 65537, providers: [64501]},
	    {customer_asid: 65539, providers: [65540]}, {customer_asid: 65540, providers: [65541]}]}' \
		"$T_TMP/vrps.json" > "$T_TMP/vrps-aspa.json" && mv "$T_TMP/vrps-aspa.json" "$T_TMP/vrps.json"
	sed 's|^    as_set: AS-M1$|    as_set: AS-M1\n    policy: {aspa: {reject_invalid: true}, irr: {allow_more_specifics: true}, blacklist: [203.0.113.96/28]}|' \
		"$T_TMP/ixp.yaml" | awk '/^    policy: \{aspa/ { print; skip = 3; next } skip > 0 { skip--; next } { print }' \
		> "$T_TMP/ixp-aspa.yaml"
	if "$IXP_RSC" compile "$T_TMP/ixp-aspa.yaml" -o "$T_TMP/rs-aspa" --check -q &&
	    grep -q 'aspa table rs_aspa' "$T_TMP/rs-aspa/rs1.conf" &&
	    bc rs configure \""$T_TMP/rs-aspa/rs1.conf"\" | grep -q 'Reconfigur'; then
		pass "ASPA: one member's ASPA policy: table declared and filled, BIRD reconfigured"
	else
		fail "ASPA: compile and reconfigure"
	fi
	sed -i "s|^filter to_rs6 { .*|filter to_rs6 {\n\
	if net = 2001:db8:3001::/48 then { $(path 64501 65537) accept; }\n\
	if net = 2001:db8:3002::/48 then { $(path 64501 65538) accept; }\n\
	if net = 2001:db8:3003::/48 then { $(path 64501 65540 65539) accept; }\n\
	$(path 64501) accept;\n}\n\
protocol static s6aspa { ipv6; route 2001:db8:3001::/48 blackhole; \
route 2001:db8:3002::/48 blackhole; route 2001:db8:3003::/48 blackhole; }|" "$T_TMP/m1.conf"
	bc m1 configure > /dev/null
	check "ASPA: the route server holds 3 ASPA records" \
		sh -c "[ \"\$($RS_BIRDC -s $T_TMP/rs.ctl show route table rs_aspa count | sed -n 's/^\([0-9]*\) of .*/\1/p')\" = 3 ]"
	wait_until 30 "ASPA: valid path received by AS64502" has_route m2 2001:db8:3001::/48 rs6 &&
		pass "ASPA: a valid path (65537 -> 64501 attested) is accepted"
	wait_until 30 "ASPA: unknown path received by AS64502" has_route m2 2001:db8:3002::/48 rs6 &&
		pass "ASPA: an unknown path (no ASPA for 65538) is accepted"
	wait_until 30 "ASPA: the leak tagged 16" has_reason 2001:db8:3003::/48 16 &&
		pass "ASPA: the leak (64501 is no provider of 65540) is rejected with reason 16"
	if has_route m2 2001:db8:3003::/48 rs6; then
		fail "ASPA: the leak reached AS64502"
	else
		pass "ASPA: the leak reached no member"
	fi
	# The looking glass shows the member why.
	lgport=$(( 30000 + NS_ID % 20000 ))
	"$(dirname "$IXP_RSC")/ixp-lg" serve --bird rs1="$T_TMP/rs.ctl" --listen 127.0.0.1:$lgport \
		--reasons "$T_TMP/rs-aspa/reasons.json" > "$T_TMP/lg.log" 2>&1 &
	echo $! >> "$T_TMP/pids"
	wait_until 20 "ixp-lg listening" curl -sf "http://127.0.0.1:$lgport/healthz"
	check "ASPA: the looking glass shows the leak filtered, reason 16 (ASPA)" sh -c \
		"curl -s 'http://127.0.0.1:$lgport/api/v1/lookup?q=2001:db8:3003::/48' | jq -e '.results[0].routes[] | select(.filtered) | .reject.code == 16 and (.reject.text | test(\"ASPA\"))' > /dev/null"
fi

if [ "$T_FAIL" -ne 0 ]; then
	echo "---- route server protocols"
	bc rs show protocols | head -30
	echo "---- m1 log"
	tail -20 "$T_TMP/m1.log" 2>/dev/null
fi
summary t_e2e_bgp
