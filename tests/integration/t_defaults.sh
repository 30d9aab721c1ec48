# The default bogon lists stay in force when a YAML does not replace them:
# documentation resources are bogons to a real route server.
. tests/lib.sh
scratch
d=$T_TMP/ixp
mkdir -p "$d"
write_irr "$d"
base='version: 1
ixp:
  name: Default-IX
  rs_asn: 64500
  peering_lans: [192.0.2.0/24]
  route_servers: [{name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1}]
sources:
  irr: {dumps: [irr.db]}
members:
  - {asn: 64501, name: One, as_set: AS-ONE, connections: [{port: p1, ipv4: 192.0.2.11}]}
'
printf '%s' "$base" > "$d/ixp.yaml"
"$IXP_RSC" check "$d/ixp.yaml" 2> "$T_TMP/err"
check "default bogon ASNs: a documentation-range member is refused (exit 1)" [ $? -eq 1 ]
check "... with the reason and a hint" \
	grep -q 'ixp.yaml:10:5: error: member AS64501 is a bogon ASN' "$T_TMP/err"

# Default bogon prefixes, own ASN list: documentation space is rejected.
printf '%s' "$base" | sed 's/^members:/policy: {bogon_asns: [0]}\nmembers:/' > "$d/ixp.yaml"
check "default bogon prefixes compile, BIRD accepts" \
	"$IXP_RSC" compile "$d/ixp.yaml" -o "$T_TMP/out" --check -q
check "the default list is in the config" grep -q '198.51.100.0/24+' "$T_TMP/out/rs1.conf"
got=$("$IXP_RSC" explain "$d/ixp.yaml" --member 64501 --prefix 198.51.100.0/25)
check "a documentation prefix is a bogon (reason 2)" \
	sh -c "printf '%s' \"\$1\" | grep -q 'REJECTED, reason 2 '" _ "$got"
got=$("$IXP_RSC" explain "$d/ixp.yaml" --member 64501 --prefix 100.64.1.0/24)
check "a CGN prefix is a bogon (reason 2)" \
	sh -c "printf '%s' \"\$1\" | grep -q 'REJECTED, reason 2 '" _ "$got"
summary t_defaults
