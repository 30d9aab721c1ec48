import os, re
BASE = '''version: 1
ixp:
  name: Test-IX
  rs_asn: 64500
  peering_lans: [192.0.2.0/24, "2001:db8:100::/64"]
  route_servers:
    - name: rs1
      router_id: 192.0.2.1
      ipv4: 192.0.2.1
      ipv6: "2001:db8:100::1"
sources:
  irr:
    dumps: [irr.db]
policy:
  bogon_asns: [0]
members:
  - asn: 64501
    name: Member One
    connections:
      - port: p1
        ipv4: 192.0.2.11
        ipv6: "2001:db8:100::11"
        macs: ["02:00:00:00:00:01"]
  - asn: 64502
    name: Member Two
    connections:
      - port: p2
        ipv4: 192.0.2.12
        macs: ["02:00:00:00:00:02"]
'''
# (file, [(old, new)], [(marker, message)])  -- marker: the text at the error position (after replacement);
# "@" prefix on marker means "line start of the line containing it" is not used; we compute col of marker.
cases = [
 ("unknown_top_key", [("policy:\n", "polcy:\n")], [("polcy", 'top level: unknown key "polcy"'), (None, "did you mean 'policy'?")]),
 ("rs_asn_text", [("rs_asn: 64500", "rs_asn: abc")], [("abc", 'ixp.rs_asn: "abc" is not a valid AS number')]),
 ("rs_asn_too_big", [("rs_asn: 64500", "rs_asn: 4294967296")], [("4294967296", 'is not a valid AS number')]),
 ("member_asn_zero", [("asn: 64501", "asn: 0")], [("asn: 0", 'member AS0 is a bogon ASN')]),
 ("lan_host_bits", [("[192.0.2.0/24,", "[192.0.2.1/24,")], [("192.0.2.1/24", 'host bits set beyond the prefix length'), (None, "did you mean 192.0.2.0/24?")]),
 ("prefix_len_33", [("[192.0.2.0/24,", "[192.0.2.0/33,")], [("192.0.2.0/33", 'prefix length out of range')]),
 ("duplicate_key", [("    name: Member One\n", "    name: Member One\n    name: Member Again\n")], [("name: Member Again", "duplicate key 'name'")]),
 ("version_2", [("version: 1", "version: 2")], [("2\n", "unsupported schema version 2")]),
 ("missing_version", [("version: 1\n", "")], [("ixp:", "missing required key 'version'")]),
 ("rs_name_quote", [("name: rs1", 'name: "r\\"s1"')], [('"r\\"s1"', 'contains invalid characters')]),
 ("rs_name_braces", [("name: rs1", 'name: "rs1} protocol x {"')], [('"rs1}', 'contains invalid characters')]),
 ("rs_name_non_ascii", [("name: rs1", 'name: "rs\u00e91"')], [('"rs', 'contains invalid characters')]),
 ("member_name_newline", [("name: Member One", 'name: "Evil\\n}\\nprotocol bgp x {"')], [('"Evil', 'member name: "Evil\\x0a}\\x0aprotocol bgp x {" contains control characters')]),
 ("md5_quote", [("        ipv4: 192.0.2.11\n", '        ipv4: 192.0.2.11\n        md5: "abc\\"; }"\n')], [('"abc', 'the password contains a character BIRD cannot read')]),
 ("as_set_semicolon", [("    name: Member One\n", '    name: Member One\n    as_set: "AS-FOO; protocol"\n')], [('"AS-FOO;', 'is not a valid AS-SET or ASN')]),
 ("ip_outside_lan", [("ipv4: 192.0.2.11", "ipv4: 198.51.100.11")], [("port: p1", '198.51.100.11 is not inside any peering LAN')]),
 ("ip_duplicate", [("ipv4: 192.0.2.12", "ipv4: 192.0.2.11")], [("port: p2", 'address 192.0.2.11 is also used by AS64501 at line 21')]),
 ("ip_is_rs", [("ipv4: 192.0.2.12", "ipv4: 192.0.2.1")], [("port: p2", 'address 192.0.2.1 is also used by route server rs1 at line 8')]),
 ("asn_duplicate", [("asn: 64502", "asn: 64501")], [("asn: 64501\n    name: Member Two", 'member AS64501 is defined twice')]),
 ("mac_duplicate", [('"02:00:00:00:00:02"', '"02:00:00:00:00:01"')], [("port: p2", 'MAC 02:00:00:00:00:01 is registered twice')]),
 ("mac_invalid", [('"02:00:00:00:00:02"', '"02:00:00:00:00"')], [('"02:00:00:00:00"', 'is not a MAC address')]),
 ("mac_multicast", [('"02:00:00:00:00:02"', '"01:00:5e:00:00:02"')], [('"01:00:5e', 'is a multicast MAC')]),
 ("syntax_indent", [("    name: Member Two\n", "    name: Member Two\n   bad: indent\n")], [(None, "YAML syntax error")]),
 ("syntax_tab", [("    name: Member Two\n", "    name: Member Two\n\tbad: tab\n")], [(None, "YAML syntax error")]),
 ("bool_yes", [("    name: Member One\n", "    name: Member One\n    manrs: yes\n")], [("yes", 'member manrs: expected true or false, found "yes"')]),
 ("max_prefix_absurd", [("    name: Member One\n", "    name: Member One\n    max_prefix: {ipv4: 99999999999}\n")], [("99999999999", 'member max_prefix: "99999999999" is out of range (1..10000000)')]),
 ("max_prefix_negative", [("    name: Member One\n", "    name: Member One\n    max_prefix: {ipv4: -5}\n")], [("-5", 'expected a whole number')]),
 ("next_hop_typo", [("  bogon_asns: [0]\n", "  bogon_asns: [0]\n  next_hop: strikt\n")], [("strikt", 'policy.next_hop: unknown value "strikt"')]),
 ("mp_action_typo", [("  bogon_asns: [0]\n", "  bogon_asns: [0]\n  max_prefix: {action: restrat}\n")], [("restrat", "unknown action \"restrat\""), (None, "did you mean 'restart'?")]),
 ("member_policy_bogons", [("    name: Member One\n", "    name: Member One\n    policy:\n      bogon_asns: [1]\n")], [("bogon_asns: [1]", "member policy: 'bogon_asns' can only be set IXP-wide")]),
 ("aspa_old_bird", [("  bogon_asns: [0]\n", "  bogon_asns: [0]\n  aspa: {reject_invalid: true}\n")], [("{reject_invalid", 'ASPA needs BIRD 2.16 or later')]),
 ("lg_socket_injection", [("      ipv6: \"2001:db8:100::1\"\n", "      ipv6: \"2001:db8:100::1\"\n  bird:\n    lg_socket: '/run/x\" { restrict; }; protocol static evil { }; cli \"/tmp/y'\n")], [("'/run/x", 'is not a safe socket path')]),
 ("list_expected", [('peering_lans: [192.0.2.0/24, "2001:db8:100::/64"]', 'peering_lans: 192.0.2.0/24')], [("192.0.2.0/24\n", "ixp.peering_lans: expected a list, found a scalar")]),
 ("mapping_expected", [("  irr:\n    dumps: [irr.db]\n", "  irr: [irr.db]\n")], [("[irr.db]", "sources.irr: expected a mapping (key: value), found a list")]),
 ("no_irr_source", [("sources:\n  irr:\n    dumps: [irr.db]\n", "")], [(None, "IRR filtering is enabled but no IRR source is configured")]),
 ("no_rs_ipv6", [('      ipv6: "2001:db8:100::1"\n', "")], [("port: p1", "members have IPv6 connections but no route server has an IPv6 address")]),
 ("network_address", [("ipv4: 192.0.2.12", "ipv4: 192.0.2.0")], [("port: p2", '192.0.2.0 is the network or broadcast address of 192.0.2.0/24')]),
 ("broadcast_address", [("ipv4: 192.0.2.12", "ipv4: 192.0.2.255")], [("port: p2", '192.0.2.255 is the network or broadcast address')]),
 ("member_key_typo", [("    name: Member One\n", "    name: Member One\n    as-set: AS-FOO\n")], [("as-set", 'members[]: unknown key "as-set"'), (None, "did you mean 'as_set'?")]),
 ("empty_file", [(BASE, "")], [(None, "the file is empty")]),
 ("comments_only", [(BASE, "# nothing here\n")], [(None, "the file is empty")]),
 ("two_documents", [("members:\n", "members:\n")], []),
 ("router_id_v6", [("router_id: 192.0.2.1", 'router_id: "2001:db8::1"')], [('"2001:db8::1"', 'route server router_id: "2001:db8::1" is not an IPv4 address')]),
 ("lans_empty", [('peering_lans: [192.0.2.0/24, "2001:db8:100::/64"]', 'peering_lans: []')], [("[]", "at least one peering LAN")]),
 ("rs_duplicate", [('      ipv6: "2001:db8:100::1"\n', '      ipv6: "2001:db8:100::1"\n    - name: rs1\n      router_id: 192.0.2.2\n      ipv4: 192.0.2.2\n')], [("name: rs1\n      router_id: 192.0.2.2", 'route server "rs1" is defined twice')]),
 ("ipv6_unquoted_bad", [('ipv6: "2001:db8:100::11"', 'ipv6: "2001:db8:100::gg"')], [('"2001:db8:100::gg"', 'is not a valid IP address')]),
 ("connection_no_address", [("      - port: p2\n        ipv4: 192.0.2.12\n", "      - port: p2\n")], [("port: p2", "a connection needs an ipv4 or ipv6 address")]),
 ("member_missing_name", [("    name: Member Two\n", "")], [("asn: 64502", "members[]: missing required key 'name'")]),
 ("null_value", [("rs_asn: 64500", "rs_asn:")], [("\n  peering_lans", "ixp.rs_asn: expected a value, found an empty value")]),
 ("ethertype_bad", [("policy:\n", "forbidden_traffic:\n  allowed_ethertypes: [ipv4, 0x0100, appletalk]\npolicy:\n")], [("0x0100", 'is not an ethertype'), ("appletalk", '"appletalk" is not an ethertype')]),
 ("too_many_macs", [('macs: ["02:00:00:00:00:02"]', 'macs: ["02:00:00:00:00:02", "02:00:00:00:00:03"]')], [("port: p2", "2 MACs on port p2, at most 1 allowed")]),
 ("three_errors", [("rs_asn: 64500", "rs_asn: x"), ("asn: 64502", "asn: 64502x"), ("port: p1", "port: p1\n        prot: 1")], [("x\n", 'ixp.rs_asn: "x" is not a valid AS number'), ("64502x", 'member asn: "64502x" is not a valid AS number'), ("prot: 1", 'unknown key "prot"'), (None, "did you mean 'port'?")]),
 ("blackhole_nh_outside", [("  bogon_asns: [0]\n", "  bogon_asns: [0]\n  blackhole: {next_hop_ipv4: 198.51.100.66}\n")], [("198.51.100.66", "policy.blackhole: next hop 198.51.100.66 is not inside a peering LAN")]),
 ("prefix_length_order", [("  bogon_asns: [0]\n", "  bogon_asns: [0]\n  prefix_length: {ipv4: [24, 8]}\n")], [("[24, 8]", "minimum 24 is larger than maximum 8")]),
 ("irr_servers_and_dumps", [("    dumps: [irr.db]\n", "    dumps: [irr.db]\n    servers: [\"rr.example.net:43\"]\n")], [("dumps: [irr.db]", "sources.irr: give servers or dumps, not both")]),
 ("email_bad", [("    name: Member One\n", "    name: Member One\n    contact: {email: \"noc@example.net\\nBcc: x@y.z\"}\n")], [("\"noc@", "contains control characters")]),
]
os.makedirs('bad', exist_ok=True)
for name, muts, exps in cases:
    text = BASE
    for old, new in muts:
        assert old in text, (name, old)
        text = text.replace(old, new, 1)
    if name == "two_documents":
        text = text + "---\nversion: 1\n"
        exps = [("---\n", "only one YAML document is allowed")]
    header = ""
    lines = []
    for marker, msg in exps:
        if marker is None:
            lines.append(msg)
            continue
        idx = text.index(marker)
        # compute line/col in the FINAL file (after header) later
        lines.append((idx, msg))
    # header lines count
    hdr_lines = [l for l in lines]
    nhdr = len(hdr_lines)
    out_hdr = []
    for item in hdr_lines:
        if isinstance(item, tuple):
            idx, msg = item
            line = text.count("\n", 0, idx) + 1 + nhdr
            col = idx - (text.rfind("\n", 0, idx) + 1) + 1
            out_hdr.append("# expect: :%d:%d: error: %s" % (line, col, msg) if not msg.startswith("did you") else "# expect: " + msg)
        else:
            out_hdr.append("# expect: " + item)
    with open("bad/%s.yaml" % name, "w") as f:
        f.write("\n".join(out_hdr) + ("\n" if out_hdr else "") + text)
print(len(cases))
