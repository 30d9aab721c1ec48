# ixp-rsc compile --metrics-file: the node exporter's textfile, parsed by a
# real Prometheus parser; rewritten after every run, failed ones too, with
# the last success carried over; "config changed" per route server; never
# failing a compile when it cannot be written.
. tests/lib.sh
scratch
ex=examples/example-ix
out=$T_TMP/out
prom=$T_TMP/textfile/ixp-rsc.prom
mkdir -p "$T_TMP/textfile"
cp -r "$ex" "$T_TMP/ix"

# value NAME [LABEL=VALUE]: one sample of the textfile, by the parser.
value() {
	/usr/bin/python3 - "$prom" "$@" <<'EOF'
import sys
from prometheus_client.parser import text_string_to_metric_families
path, name, *labels = sys.argv[1:]
want = dict(l.split("=", 1) for l in labels)
for fam in text_string_to_metric_families(open(path).read()):
    for s in fam.samples:
        if s.name == name and all(s.labels.get(k) == v for k, v in want.items()):
            print(int(s.value) if s.value == int(s.value) else s.value)
            sys.exit(0)
print("missing")
EOF
}
if ! /usr/bin/python3 -c 'import prometheus_client' 2>/dev/null; then
	skip "--metrics-file: python3-prometheus-client is not installed (tools/deps.sh test)"
	summary t_metrics_file
	exit 0
fi

"$IXP_RSC" compile "$T_TMP/ix/ixp.yaml" -o "$out" --offline -q --metrics-file "$prom"
check "first run: success 1, exit code 0" [ "$(value ixp_rsc_compile_success) $(value ixp_rsc_compile_exit_code)" = "1 0" ]
check "members and sessions as report.json counts them ($(value ixp_rsc_members), $(value ixp_rsc_sessions))" \
	[ "$(value ixp_rsc_members) $(value ixp_rsc_sessions)" = "$(jq -r '"\(.totals.members) \(.totals.sessions)"' "$out/report.json")" ]
check "first run: both configs are new (changed 1)" \
	[ "$(value ixp_rsc_config_changed rs=rs1) $(value ixp_rsc_config_changed rs=rs2)" = "1 1" ]
phases=$(for ph in sources model emit write; do value ixp_rsc_compile_phase_seconds phase=$ph; done | tr '\n' ' ')
check "the four phases reported ($phases), together no longer than the run ($(value ixp_rsc_compile_duration_seconds) s)" \
	sh -c "echo $phases $(value ixp_rsc_compile_duration_seconds) | awk '{ exit !(NF == 5 && \$1 + \$2 + \$3 + \$4 <= \$5 + 0.002) }'"
check "last success is this run" [ "$(value ixp_rsc_last_success_timestamp_seconds)" = "$(value ixp_rsc_last_run_timestamp_seconds)" ]
touch -d '2 hours ago' "$T_TMP/ix/irr/ripe.db"
age=$(value ixp_rsc_source_age_seconds kind=irr where="$T_TMP/ix/irr/ripe.db" from=dump)
check "the age of a dump is its file's ($age s, made 2 hours old after the run: still the run's)" [ "$age" -lt 600 ]
sleep 1
"$IXP_RSC" compile "$T_TMP/ix/ixp.yaml" -o "$out" --offline -q --metrics-file "$prom"
age=$(value ixp_rsc_source_age_seconds kind=irr where="$T_TMP/ix/irr/ripe.db" from=dump)
check "second run: the 2-hour-old dump is reported as such ($age s)" [ "$age" -ge 7200 ] && [ "$age" -lt 7300 ]
check "second run, same input: no config changed (the generation time aside)" \
	[ "$(value ixp_rsc_config_changed rs=rs1) $(value ixp_rsc_config_changed rs=rs2)" = "0 0" ]
ok_time=$(value ixp_rsc_last_success_timestamp_seconds)
sed -i '0,/max_prefix: {ipv4: \([0-9]*\)/s//max_prefix: {ipv4: 4321/' "$T_TMP/ix/ixp.yaml"
"$IXP_RSC" compile "$T_TMP/ix/ixp.yaml" -o "$out" --offline -q --metrics-file "$prom"
check "a member's limit changed: configs changed 1" [ "$(value ixp_rsc_config_changed rs=rs1)" = 1 ]
before=$(dir_state "$out")
sleep 1
printf 'ixp: [\n' > "$T_TMP/bad.yaml"
"$IXP_RSC" compile "$T_TMP/bad.yaml" -o "$out" -q --metrics-file "$prom" 2> /dev/null
rc=$?
check "a failed run (exit $rc): success 0, exit code 1, 1 error" \
	[ "$(value ixp_rsc_compile_success) $(value ixp_rsc_compile_exit_code) $(value ixp_rsc_errors)" = "0 1 1" ]
ok_time=$(value ixp_rsc_last_success_timestamp_seconds)
check "a failed run keeps the last success time" [ "$ok_time" -lt "$(value ixp_rsc_last_run_timestamp_seconds)" ]
check "a failed run reports the phases it did not reach as 0" \
	[ "$(for ph in sources model emit write; do value ixp_rsc_compile_phase_seconds phase=$ph; done | tr '\n' ' ')" = "0 0 0 0 " ]
check "a failed run reports no member counts it does not have" [ "$(value ixp_rsc_members)" = missing ]
check "OUTDIR untouched by the failed run" [ "$(dir_state "$out")" = "$before" ]
check "no temporary file left beside the textfile" [ "$(ls -A "$T_TMP/textfile")" = ixp-rsc.prom ]
"$IXP_RSC" compile "$T_TMP/ix/ixp.yaml" -o "$out" --offline -q --metrics-file /nonexistent/dir/x.prom 2> "$T_TMP/err"
rc=$?
check "an unwritable textfile is a warning, the compile still succeeds (exit $rc)" \
	sh -c "[ $rc = 0 ] && grep -q 'metrics-file /nonexistent/dir/x.prom not written' $T_TMP/err"
summary t_metrics_file
