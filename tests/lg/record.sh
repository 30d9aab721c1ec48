#!/bin/sh
# Record the parser transcripts from a real route server: the test IXP of
# t_lg.sh (tests/lg/env.sh) with RS_BIRD as its BIRD, every command of
# tests/lg/transcripts/*.txt sent to it raw (build/tests/birdrec), the
# replies written to tests/lg/transcripts/VERSION/. Run as root from the
# top directory after `make check` built the tools:
#
#   RS_BIRD=/opt/ixp-bird/3.3.2/sbin/bird RS_BIRD_VERSION=3.1 sh tests/lg/record.sh
#
# The greeting and the answer to `restrict` are recorded too.
set -u
. tests/lib.sh
. tests/netns.sh
ns_need_root record
ns_init
. tests/lg/env.sh
REC=${TOOLS:-$TOP/build/tests}/birdrec
[ -x "$REC" ] || { echo "record.sh: build $REC first (make check)" >&2; exit 1; }
lg_env_up || { echo "record.sh: the test IXP did not start" >&2; exit 1; }
wait_until 60 "route server converged" lg_env_converged || exit 1
ver=$("$RS_BIRD" --version 2>&1 | sed -n 's/.*version //p')
dir=$TOP/tests/lg/transcripts/$ver
mkdir -p "$dir"
ctl=$T_TMP/rs.ctl
for f in "$TOP"/tests/lg/transcripts/*.txt; do
	cmd=$(sed -n '1s/^C: //p' "$f")
	[ -n "$cmd" ] || continue
	"$REC" "$ctl" "$cmd" > "$dir/$(basename "$f")" || exit 1
done
# The greeting, and the answer to `restrict`, as ixp-lg sees them.
"$REC" "$ctl" restrict | sed '1d' > "$dir/restrict.txt"
"$REC" "$ctl" "" > "$dir/greeting.txt"
echo "recorded $(ls "$dir" | wc -l) transcripts of BIRD $ver into $dir"
