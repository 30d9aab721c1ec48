#!/usr/bin/python3
"""Check ixp-lg's /metrics against its own neighbour list for the same BIRD
state, with a real Prometheus parser (Debian's python3-prometheus-client).

    promcheck.py METRICS.txt NEIGHBORS.json RS

Prints each comparison; exits 1 if a value differs or the text does not
parse.
"""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families


def main():
    text = open(sys.argv[1]).read()
    neighbors = json.load(open(sys.argv[2]))["neighbors"]
    rs = sys.argv[3]
    samples = {}
    for fam in text_string_to_metric_families(text):
        for s in fam.samples:
            samples.setdefault(s.name, []).append((s.labels, s.value))

    def value(name, **labels):
        found = [v for lab, v in samples.get(name, []) if all(lab.get(k) == x for k, x in labels.items())]
        return sum(found) if found else None

    checks = []
    checks.append(("bird up", value("ixp_lg_bird_up", rs=rs), 1))
    est = sum(1 for n in neighbors if n["established"])
    checks.append(("sessions established", value("ixp_lg_bgp_sessions", rs=rs, state="established"), est))
    checks.append(("sessions down", value("ixp_lg_bgp_sessions", rs=rs, state="down"), len(neighbors) - est))
    for fam in ("ipv4", "ipv6"):
        for kind in ("received", "accepted", "filtered", "exported"):
            want = sum(n["families"].get(fam, {}).get(kind, 0) for n in neighbors)
            checks.append((f"{fam} {kind}", value("ixp_lg_routes", rs=rs, family=fam, kind=kind), want))
    filtered = sum(n["families"].get(f, {}).get("filtered", 0) for n in neighbors for f in ("ipv4", "ipv6"))
    checks.append(("filtered by reason, all reasons", value("ixp_lg_filtered_routes", rs=rs), filtered))
    checks.append(("reason 12 present", (value("ixp_lg_filtered_routes", rs=rs, code="12") or 0) > 0, True))
    checks.append(("requests counted", (value("ixp_lg_requests_total") or 0) > 0, True))
    bad = 0
    for what, got, want in checks:
        ok = got == want
        bad += not ok
        print(f"{'ok' if ok else 'DIFFERS'}: {what}: metrics {got}, pages {want}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
