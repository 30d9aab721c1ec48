# The Debian packages: built from a copy of the tree with
# dpkg-buildpackage, lintian clean (overrides carry their reasons),
# installed with dpkg -i, the installed programs run (ixp-rsc compile from
# /etc/ixp-rs, ixp-lg answering from a test BIRD), the units verified, and
# the same files as make install. The packages are purged afterwards.
. tests/lib.sh
scratch

if [ "$(id -u)" -ne 0 ]; then
	skip "packages: dpkg -i needs root"
	summary t_package
	exit 0
fi
for t in dpkg-buildpackage dh lintian; do
	if ! command -v $t >/dev/null 2>&1; then
		skip "packages: $t is not installed (tools/deps.sh test installs it)"
		summary t_package
		exit 0
	fi
done
if dpkg-query -W -f='${Status}' ixp-rs 2>/dev/null | grep -q "ok installed" &&
    [ ! -e /var/lib/ixp-rs-test-installed ]; then
	skip "packages: ixp-rs is installed on this machine already; not replacing it"
	summary t_package
	exit 0
fi
purge() {
	dpkg --purge ixp-rs ixp-lg > /dev/null 2>&1
	rm -f /var/lib/ixp-rs-test-installed
	scratch_cleanup
}
trap purge EXIT

src=$T_TMP/src/ixp-rs-0.1.0
mkdir -p "$src"
tar --exclude=./build --exclude=./.git -cf - . | (cd "$src" && tar xf -)
(cd "$src" && dpkg-buildpackage -us -uc -b) > "$T_TMP/build.log" 2>&1
check "dpkg-buildpackage -us -uc -b builds ixp-rs and ixp-lg" \
	[ -s "$T_TMP/src/ixp-rs_0.1.0_amd64.deb" ] && [ -s "$T_TMP/src/ixp-lg_0.1.0_amd64.deb" ]
[ -s "$T_TMP/src/ixp-rs_0.1.0_amd64.deb" ] || tail -30 "$T_TMP/build.log"
lintian --pedantic -I "$T_TMP/src/ixp-rs_0.1.0_amd64.changes" > "$T_TMP/lintian" 2>&1
check "lintian --pedantic: no tag left ($(grep -c '^[EWIPX]:' "$T_TMP/lintian"))" \
	sh -c "! grep -q '^[EWIPX]:' $T_TMP/lintian"
sed 's/^/        /' "$T_TMP/lintian"
check "ixp-lg needs no compiler parts: no libyaml, libcurl or zlib" \
	sh -c "! dpkg-deb -f $T_TMP/src/ixp-lg_0.1.0_amd64.deb Depends | grep -Eq 'libyaml|libcurl|zlib'"

touch /var/lib/ixp-rs-test-installed
dpkg -i "$T_TMP/src/ixp-rs_0.1.0_amd64.deb" "$T_TMP/src/ixp-lg_0.1.0_amd64.deb" > "$T_TMP/dpkg.log" 2>&1
check "dpkg -i installs both" sh -c "dpkg-query -W -f='\${Status}\n' ixp-rs ixp-lg | grep -c 'ok installed' | grep -qx 2"
check "conffiles: /etc/ixp-rs/ixp.yaml, /etc/default/ixp-rs, /etc/default/ixp-lg" sh -c \
	"dpkg-query -W -f='\${Conffiles}\n' ixp-rs ixp-lg | grep -c '^ /etc/' | grep -qx 3"
/usr/bin/ixp-rsc compile /etc/ixp-rs/ixp.yaml -o "$T_TMP/out" --offline --check -q
check "the installed ixp-rsc compiles /etc/ixp-rs/ixp.yaml, BIRD accepts it (exit $?)" [ -s "$T_TMP/out/rs1.conf" ]
check "the installed man pages: man -w ixp-rsc, ixp-lg" sh -c "man -w ixp-rsc && man -w 8 ixp-lg" > /dev/null
for u in ixp-lg.service ixp-rsc-compile.service ixp-rsc-compile.timer; do
	systemd-analyze verify "/lib/systemd/system/$u" > "$T_TMP/verify" 2>&1
	check "systemd-analyze verify $u: no complaint" [ ! -s "$T_TMP/verify" ]
	sed 's/^/        /' "$T_TMP/verify"
done
for u in ixp-lg.service ixp-rsc-compile.service; do
	score=$(systemd-analyze security --offline=true "/lib/systemd/system/$u" 2>/dev/null |
		sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
	check "systemd-analyze security $u: exposure $score (at most 2.0, OK)" \
		awk "BEGIN { exit !(\"$score\" != \"\" && $score <= 2.0) }"
done
check "units are not enabled before they are configured" \
	sh -c "[ ! -e /etc/systemd/system/multi-user.target.wants/ixp-lg.service ] && [ ! -e /etc/systemd/system/timers.target.wants/ixp-rsc-compile.timer ]"

# The installed ixp-lg in front of a BIRD.
printf 'router id 192.0.2.1;\nprotocol device { }\n' > "$T_TMP/bird.conf"
bird -c "$T_TMP/bird.conf" -s "$T_TMP/bird.ctl" -P "$T_TMP/bird.pid"
wait_bird=0
while [ ! -S "$T_TMP/bird.ctl" ] && [ $wait_bird -lt 50 ]; do sleep 0.1; wait_bird=$((wait_bird + 1)); done
cat "$T_TMP/bird.pid" >> "$T_TMP/pids"
port=$((21000 + $$ % 20000))
/usr/bin/ixp-lg serve --bird rs1="$T_TMP/bird.ctl" --listen 127.0.0.1:$port > "$T_TMP/lg.log" 2>&1 &
echo $! >> "$T_TMP/pids"
i=0
while ! curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "the installed ixp-lg answers from a test BIRD: rs1 up" sh -c \
	"curl -s http://127.0.0.1:$port/api/v1/status | jq -e '.route_servers[0].up == true' >/dev/null"

# make install puts the same files where the packages do.
make -s install DESTDIR="$T_TMP/root" PREFIX=/usr UNITDIR=/lib/systemd/system > "$T_TMP/install.log" 2>&1
(cd "$T_TMP/root" && find . -type f | sed 's/^\.//; s/\.gz$//' | sort) > "$T_TMP/make.files"
for p in ixp-rs ixp-lg; do dpkg-deb -c "$T_TMP/src/${p}_0.1.0_amd64.deb"; done |
	awk '$1 !~ /^d/ { print $6 }' | sed 's/^\.//; s/\.gz$//' |
	grep -Ev '^/usr/share/doc/ixp-(rs|lg)/(changelog|copyright)$|^/usr/share/lintian/' | sort > "$T_TMP/deb.files"
check "make install DESTDIR=... PREFIX=/usr installs the packages' $(wc -l < "$T_TMP/deb.files") files" \
	cmp -s "$T_TMP/make.files" "$T_TMP/deb.files"
diff "$T_TMP/make.files" "$T_TMP/deb.files" | sed -n 's/^[<>]/        &/p' | head -10
summary t_package
