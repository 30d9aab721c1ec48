# The looking-glass test IXP (tests/lg/ixp.yaml): a route server running the
# config ixp-rsc generates and two member routers sending accepted and
# filtered routes (several reasons, IPv4 and IPv6, a blackhole). Sourced
# after tests/lib.sh and tests/netns.sh, inside ns_init.
#
# lg_env_up: sets RS_CTL (the control socket ixp-lg uses: the restricted
# one where BIRD has it); returns 1 if something did not start.

LG_DIR=$TOP/tests/lg
A=198.51.100

lg_member_conf() {	# NAME ASN V4 V6 STATIC4 STATIC6 FILTER4
	cat <<EOF2
router id $3;
log "$T_TMP/$1.log" all;
protocol device { }
protocol static s4 { ipv4; $5
}
protocol static s6 { ipv6; $6
}
filter to_rs4 { $7
}
filter to_rs6 { bgp_path.prepend($2); accept; }
template bgp to_rs {
	rs client;
	connect delay time 1;
	connect retry time 1;
	error wait time 1, 5;
}
protocol bgp rs4 from to_rs {
	local $3 as $2;
	neighbor 192.0.2.1 as 64500;
	ipv4 { import all; export filter to_rs4; };
}
protocol bgp rs6 from to_rs {
	local $4 as $2;
	neighbor 2001:db8:100::1 as 64500;
	ipv6 { import all; export filter to_rs6; };
}
EOF2
}

# 112 host routes, filtered (12: more-specifics only up to /28): a list
# of two pages. LG_ROUTES=N (the benchmarks): N bogon /28s instead.
lg_many_routes() {
	if [ -n "${LG_ROUTES:-}" ]; then
		# Distinct /28s in 10/8: up to 2^20 of them.
		awk -v n="$LG_ROUTES" 'BEGIN { for (i = 0; i < n && i < 1048576; i++)
			printf "route 10.%d.%d.%d/28 blackhole;\n", int(i / 4096) % 256,
			    int(i / 16) % 256, (i % 16) * 16 }'
		return
	fi
	for i in $(seq 128 191) $(seq 208 255); do
		printf 'route %s.%s/32 blackhole; ' "$A" "$i"
	done
}

# LG_COMMUNITIES=K (the memory test): K communities on every IPv4 route of
# AS64501, (64501, 1) to (64501, K).
lg_many_communities() {
	[ -n "${LG_COMMUNITIES:-}" ] || return 0
	awk -v n="$LG_COMMUNITIES" 'BEGIN { for (i = 1; i <= n; i++)
		printf "bgp_community.add((64501, %d));\n", i }'
}

lg_env_up() {
	cp "$LG_DIR/ixp.yaml" "$LG_DIR/irr.db" "$LG_DIR/vrps.json" "$T_TMP/"
	# A BIRD with restricted control sockets (2.16 and later, 3.x) gives
	# ixp-lg its own, restricted from the start (ixp.bird.lg_socket).
	RS_CTL=$T_TMP/rs.ctl
	case $RS_BIRD_VERSION in
	2.1[6-9]* | 2.[2-9][0-9]* | 3.*)
		RS_CTL=$T_TMP/rs-lg.ctl
		rs_yaml "$T_TMP/ixp.yaml" "lg_socket: $RS_CTL" ;;
	*) rs_yaml "$T_TMP/ixp.yaml" ;;
	esac
	[ -n "${LG_ROUTES:-}" ] && sed -i 's/max_prefix: {ipv4: 500}/max_prefix: {ipv4: 1000000}/' "$T_TMP/ixp.yaml"
	"$IXP_RSC" compile "$T_TMP/ixp.yaml" -o "$T_TMP/rs" -q || return 1
	# Every command a client sends is logged: the injection tests read them.
	{ echo 'debug commands 2;'; cat "$T_TMP/rs/rs1.conf"; } > "$T_TMP/rs1.conf"
	sed -i "s|^log syslog all;|log \"$T_TMP/rs.log\" all;|" "$T_TMP/rs1.conf"
	ns_host rs 192.0.2.1/24 2001:db8:100::1/64
	ns_host m1 192.0.2.11/24 2001:db8:100::11/64
	ns_host m2 192.0.2.12/24 2001:db8:100::12/64
	bird_start rs "$T_TMP/rs1.conf" || return 1
	lg_member_conf m1 64501 192.0.2.11 2001:db8:100::11 "
		route $A.0/28 blackhole;	# accepted, RPKI valid
		route $A.16/28 blackhole;	# accepted, RPKI valid
		route $A.1/32 blackhole;	# BLACKHOLE, accepted
		route $A.64/28 blackhole;	# 14: ROA for AS64599
		route $A.192/28 blackhole;	# 12: no route object of AS64510
		route $A.32/29 blackhole;	# 13: registered, longer than /28
		route $A.48/28 blackhole;	# 9: origin AS65550
		route 10.1.0.0/16 blackhole;	# 2: bogon
		$(lg_many_routes)" "
		route 2001:db8:1000::/48 blackhole;	# accepted, RPKI unknown
		route 2001:db8:1000:1::/64 blackhole;	# 12: longer than /48" "
		if net = $A.192/28 then { bgp_path.prepend(64510); }
		if net = $A.48/28 then { bgp_path.prepend(65550); }
		if net = $A.1/32 then bgp_community.add((65535, 666));
		if net = $A.1/32 then bgp_community.add((0, 64502));	# not to AS64502 either
		if net = $A.16/28 then bgp_large_community.add((64500, 0, 64502));	# not to AS64502
		bgp_path.prepend(64501);
		bgp_large_community.add((64501, 1, 2));
		$(lg_many_communities)
		accept;" > "$T_TMP/m1.conf"
	lg_member_conf m2 64502 192.0.2.12 2001:db8:100::12 "
		route 203.0.113.0/24 blackhole;" "
		route 2001:db8:2000::/36 blackhole;" "
		bgp_path.prepend(64502);
		bgp_community.add((64502, 100));
		accept;" > "$T_TMP/m2.conf"
	bird_start m1 "$T_TMP/m1.conf" || return 1
	bird_start m2 "$T_TMP/m2.conf" || return 1
}

# Converged: the route server holds the 122 routes of AS64501 (3 + 1
# accepted, 117 + 1 filtered) and the 2 of AS64502.
lg_env_converged() {
	bc rs show route protocol AS64501_1 count | grep -q '^3 of' &&
	bc rs show route protocol AS64501_1 filtered count | grep -q '^117 of' &&
	bc rs show route protocol AS64501_2 filtered count | grep -q '^1 of' &&
	bc rs show route protocol AS64502_1 count | grep -q '^1 of' &&
	bc rs show route protocol AS64502_2 count | grep -q '^1 of'
}
