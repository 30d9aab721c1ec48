# Free text that is valid but hostile (quotes, braces, semicolons, comment
# markers, backslashes, non-ASCII) compiles into a config BIRD accepts, in
# which the text cannot end a string or start a statement.
. tests/lib.sh
scratch
d=$T_TMP/ixp
mkdir -p "$d"
write_irr "$d"
cat > "$d/ixp.yaml" <<'YAML'
version: 1
ixp:
  name: "Evil\" } IX; /* x */ # y"
  rs_asn: 64500
  peering_lans: [192.0.2.0/24]
  route_servers: [{name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1}]
sources:
  irr: {dumps: [irr.db]}
policy:
  bogon_prefixes: [10.0.0.0/8]
  bogon_asns: [0]
members:
  - asn: 64501
    name: "Quote\" }; protocol static evil { route 0.0.0.0/0 blackhole; }; #"
    as_set: AS-ONE
    contact: {email: "noc+ixp@example.net", phone: "+1 (555) 0100"}
    connections:
      - {port: "sw1:xe-0/0/1 \"uplink\" {a}", ipv4: 192.0.2.11, md5: "p#ss w0rd {}; /*"}
  - asn: 64502
    name: "Back\\slash \u00c9lan \u6771\u4eac \U0001F600 */ /*"
    connections:
      - {port: p2, ipv4: 192.0.2.12}
YAML
out=$T_TMP/out
check "hostile but valid text compiles and bird -p accepts it" \
	"$IXP_RSC" compile "$d/ixp.yaml" -o "$out" --check -q
check "no protocol was injected" sh -c "! grep -q 'protocol static evil' $out/rs1.conf || \
	grep 'protocol static evil' $out/rs1.conf | grep -qv '^protocol'"
protocols=$(sed -n 's/^protocol \([a-z]*\) *\([A-Za-z0-9_]*\).*/\1:\2/p' "$out/rs1.conf" | sort | tr '\n' ' ')
check "BIRD sees exactly the expected protocols (got: $protocols)" \
	[ "$protocols" = "bgp:AS64501_1 bgp:AS64502_1 device: static:irr4 static:irr4_ol static:irr6 static:irr6_ol " ]
check "quotes in names are replaced in the config" \
	grep -q 'description "AS64501 Quote_ }; protocol static evil { route 0.0.0.0/0 blackhole; }; #";' "$out/rs1.conf"
check "non-ASCII is replaced, not passed to BIRD" \
	grep -q 'description "AS64502 Back_slash ' "$out/rs1.conf"
check "report.json keeps the real name (JSON-escaped)" \
	grep -qF '"name": "Quote\" }; protocol static evil' "$out/report.json"
check "the MD5 password is written as given" grep -qF 'password "p#ss w0rd {}; /*";' "$out/rs1.conf"
check "no control characters anywhere in the output" \
	sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' $out/report.json $out/reasons.json || \
	! LC_ALL=C tr -d '\t\n' < $out/rs1.conf | grep -q '[[:cntrl:]]'"
summary t_safe_text
