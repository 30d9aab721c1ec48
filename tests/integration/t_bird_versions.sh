# Every config ixp-rsc emits, for each ixp.bird.version, loads without a
# single warning in every BIRD that version is for (docs/configuration.md,
# "BIRD versions"): Debian's bird, each BIRD built from ../shared/bird into
# /opt/ixp-bird/VERSION (.ci/run builds them), and any in IXP_TEST_BIRDS
# (paths, space-separated). A BIRD that is absent is a SKIP.
. tests/lib.sh
scratch

# "VERSION PATH" of every BIRD there is to test with.
bird_list() {
	for _b in $(command -v bird) /opt/ixp-bird/*/sbin/bird ${IXP_TEST_BIRDS:-}; do
		[ -x "$_b" ] || continue
		_v=$("$_b" --version 2>&1 | sed -n 's/.*version \([0-9][0-9.]*\).*/\1/p')
		[ -n "$_v" ] && echo "$_v $_b"
	done | sort -u -k1,1
}

# The dialect of a BIRD version, as the documented table has it: typed
# function returns (2.14, 3.0), ASPA and the restricted cli (2.16, 3.0),
# `authentication md5` (2.17, 3.1), and the 3.x grammar.
dialect() {
	_maj=${1%%.*} _min=${1#*.}
	_min=${_min%%.*}
	if [ "$_maj" -ge 3 ]; then
		echo "1 1 $([ "$_min" -ge 1 ] && echo 1 || echo 0) 3"
	else
		echo "$([ "$_min" -ge 14 ] && echo 1 || echo 0) $([ "$_min" -ge 16 ] && echo 1 || echo 0)" \
			"$([ "$_min" -ge 17 ] && echo 1 || echo 0) 2"
	fi
}

# admits CONFIG_VERSION RELEASE: a release at least the version, same dialect.
admits() {
	[ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$1" ] &&
		[ "$(dialect "$1")" = "$(dialect "$2")" ]
}

birds=$(bird_list)
if [ -z "$birds" ]; then
	fail "no BIRD found (make check installs Debian's bird)"
	summary t_bird_versions
	exit 1
fi
for want in 2.17.6 3.1.8 3.3.2; do
	echo "$birds" | grep -q "^$want " ||
		skip "BIRD $want: not at /opt/ixp-bird/$want (build it with ../shared/bird/build.sh $want)"
done

d=$T_TMP/ixp
mkdir -p "$d"
write_irr "$d"
cat > "$d/vrps.json" <<'EOF'
{"roas": [{"asn": 64501, "prefix": "198.51.100.0/25", "maxLength": 25}],
 "aspas": [{"customer_asid": 64501, "providers": [64510, 64511]},
           {"customer_asid": 64510, "providers": [0]}]}
EOF

# Local include files of the sessions variant (ixp.bird.include).
echo 'define RS_LOCAL_TEST = 1;' > "$d/inc-h.conf"
echo '# IPv4 template done' > "$d/inc-4.conf"
printf '\thold time 30;\n' > "$d/inc-s.conf"
echo 'protocol static rs_local { ipv4; route 203.0.113.250/32 blackhole; }' > "$d/inc-f.conf"

# variant NAME VERSION: the YAML of a variant for a bird.version, on stdout.
variant() {
	_rs=64500 _bird="" _rpki="{vrps: vrps.json, max_age: 0}" _pol="" _mpol="{}" _conn=""
	case $1 in
	plain) ;;
	rtr) _rpki="{rtr: [{host: 127.0.0.1, port: 8282}, {host: rtr.example.net, port: 3323}]}" ;;
	sets) _bird=", irr_filter: prefix_sets"
		_pol="blackhole: {next_hop_ipv4: 192.0.2.66, next_hop_ipv6: \"2001:db8:100::66\"}" ;;
	# A 32-bit route server ASN, and failed routes kept, tagged (rs_drop).
	wide_rs) _rs=4200000000 _pol="reject_policy: tag" ;;
	aspa_file) _mpol="{aspa: {reject_invalid: true}}" ;;
	aspa_rtr) _rpki="{rtr: [{host: 127.0.0.1, port: 8282, aspa: true}]}"
		_pol="aspa: {reject_invalid: true}" ;;
	lg_socket) _bird=", lg_socket: /run/bird/lg.ctl" ;;
	# IRR route objects and the VRP file over RTR, blackholes on: three
	# caches, both IRR tables.
	irr_rtr) _bird=", irr_filter: rtr, irr_rtr: {host: rtr.example.net}, vrps_rtr: {port: 8332}"
		_pol="blackhole: {next_hop_ipv4: 192.0.2.66}" ;;
	# Every policy.session option (multihop needs path hiding off), a
	# member's extra next hops, and the local include files.
	sessions) _bird=", path_hiding: false, include: {header: inc-h.conf, ipv4: inc-4.conf, session: inc-s.conf, footer: inc-f.conf}"
		_pol="session: {passive: false, gtsm: true, add_path: true, prepend_rs_as: true, roles: {enabled: true, strict: true}}"
		_mpol="{session: {multihop: 3}, next_hop_addresses: [192.0.2.99, \"2001:db8:100::99\"]}"
		_conn=", session_ipv4: 198.51.100.250" ;;
	esac
	cat <<EOF
version: 1
ixp:
  name: Versions-IX
  rs_asn: $_rs
  peering_lans: [192.0.2.0/24, "2001:db8:100::/64"]
  route_servers:
    - {name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1, ipv6: "2001:db8:100::1"}
  bird: {version: "$2"$_bird}
sources:
  irr: {dumps: [irr.db]}
  rpki: $_rpki
policy:
  bogon_prefixes: [10.0.0.0/8]
  bogon_asns: [0]
  $_pol
members:
  - asn: 64501
    name: Member One
    as_set: AS-ONE
    policy: $_mpol
    connections:
      - {port: p1, ipv4: 192.0.2.11, ipv6: "2001:db8:100::11", md5: "s3cret"$_conn}
  - asn: 4200000001
    name: Wide AS
    connections:
      - {port: p2, ipv4: 192.0.2.12}
EOF
}

# compile_parse YAML VERSION LABEL: compile, then every route-server config
# through every BIRD the version is for; one line per parse in results.
compile_parse() {
	_out=$T_TMP/out-$2-$3
	if ! "$IXP_RSC" compile "$1" -o "$_out" -q 2> "$T_TMP/err"; then
		fail "bird.version $2, $3: compiles ($(head -1 "$T_TMP/err"))"
		return
	fi
	echo "$birds" | while read -r rel path; do
		admits "$2" "$rel" || continue
		for conf in "$_out"/rs*.conf; do
			"$path" -p -c "$conf" > "$T_TMP/bird.out" 2>&1
			echo "$? $(wc -c < "$T_TMP/bird.out") $rel $2 $3/$(basename "$conf")" >> "$T_TMP/results"
			sed "s/^/    BIRD $rel: /" "$T_TMP/bird.out" | head -5
		done
	done
}

cp -r examples/example-ix "$T_TMP/example"
for v in 2.0 2.14 2.16 2.17 3.0 3.1; do
	for var in plain rtr sets wide_rs aspa_file aspa_rtr lg_socket sessions irr_rtr; do
		# ASPA needs a BIRD with ASPA (the YAML says so otherwise).
		case $var in aspa_*) [ "$(dialect "$v" | cut -d' ' -f2)" = 1 ] || continue ;; esac
		variant "$var" "$v" > "$d/ixp.yaml"
		compile_parse "$d/ixp.yaml" "$v" "$var"
	done
	# The bundled example: what a new user compiles first.
	sed "s/^    version: \"2.0\" .*/    version: \"$v\"/" examples/example-ix/ixp.yaml \
		> "$T_TMP/example/ixp.yaml"
	compile_parse "$T_TMP/example/ixp.yaml" "$v" example
done
# Loaded (exit 0) and said nothing: no warning at all.
while read -r rc said rel v var; do
	check "BIRD $rel loads the $var config for bird.version $v, no warning" \
		[ "$rc" -eq 0 ] && [ "$said" -eq 0 ]
done < "$T_TMP/results"
for rel in $(echo "$birds" | cut -d' ' -f1); do
	check "BIRD $rel checked at least one config" grep -q " $rel " "$T_TMP/results"
done
summary t_bird_versions
