#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# check.sh WORKDIR: judge what the Linux guest made of our server, from its console
# (WORKDIR/console.log, "@@BEGIN name" ... "@@END name" sections written by guest-init.sh)
# against the platform as the other agent read it over OP-TEE (WORKDIR/host/before: before the
# guest booted; WORKDIR/host/after: while the guest waited at "@@HOST-CHECK").
# One verdict line per assertion, then "N passed, N failed, N pending"; exit 1 on any failure.
set -uo pipefail
w=${1:?usage: check.sh WORKDIR}
con=$w/console.txt
tr -d '\r' <"$w/console.log" >"$con"
hb=$w/host/before
ha=$w/host/after
# Mutable state (rates, levels, on/off) as the platform had it while the guest waited right
# after probing: Linux itself changes some at boot (built-in cpufreq, unused genpds off).
hs=$w/host/boot
[ -d "$hs" ] || hs=$hb
# shellcheck disable=SC1091
. "$w/plan.env"

# shellcheck disable=SC1091
. "$(dirname "$0")/verdict.sh"
section() { awk -v n="$1" '$0 == "@@BEGIN " n { on = 1; next } $0 == "@@END " n { on = 0 } on' "$con"; }
# "name" as Linux shows it: the extended name where the platform has one (docs/json.md).
linuxname() { sed 's/"name":"[^"]*","extended_name":"\([^"]*\)"/"name":"\1"/g' "$1"; }
jfield() { linuxname "$1" | grep -o "\"$2\":\(\"[^\"]*\"\|[-0-9.a-z]*\)" | sed 's/^"[^"]*"://; s/^"//; s/"$//'; }
# Flat objects of a JSON array, one per line, the given fields tab-separated.
jrows() {
	f=$1
	shift
	linuxname "$f" | sed 's/},{/}\n{/g' | while IFS= read -r obj; do
		row=
		for k in "$@"; do
			v=$(printf '%s' "$obj" | grep -o "\"$k\":\(\"[^\"]*\"\|[-0-9.a-z]*\)" | head -n 1 |
				sed 's/^"[^"]*"://; s/^"//; s/"$//')
			row=${row:+$row	}$v
		done
		printf '%s\n' "$row"
	done
}

if ! grep -q '^@@GUEST-INIT' "$con"; then
	fail "guest reached /init" "no @@GUEST-INIT on the console"
fi

# --- Base: the probe line with our vendor, sub-vendor and version ---------------------------
dm=$w/dmesg.txt
section dmesg >"$dm"
vendor=$(jfield "$hb/info.json" vendor)
sub=$(jfield "$hb/info.json" sub_vendor)
impl=$(printf '0x%x' "$(jfield "$hb/info.json" impl_version)")
probe=$(grep -o "SCMI Protocol v[0-9.]* '[^']*' Firmware version 0x[0-9a-f]*" "$dm" | head -n 1)
note "probe: ${probe:-none}"
case $probe in
*"'$vendor:$sub' Firmware version $impl") pass "probe line names '$vendor:$sub' $impl" ;;
*) fail "probe line" "expected '$vendor:$sub' Firmware version $impl, got '${probe:-nothing}'" ;;
esac
grep -q 'Using scmi_virtio_transport' "$dm" && pass "transport is virtio (vhost-user-scmi, $device)" ||
	fail "transport" "no 'Using scmi_virtio_transport' in dmesg"

# --- No SCMI error in the kernel log ----------------------------------------------------------
# Linux 6.12 caps a clock's discrete rates at SCMI_MAX_NUM_RATES (16): describing a clock with
# more logs "No. of resources can't exceed 16" and Linux keeps the clock without its rate list.
# That is Linux's limit, not our error: count it against the platform's clocks with > 16 rates.
errs=$(cat "$dm" <(section dmesg-shutdown) | grep -iE 'scmi|arm-scmi' | grep -iE 'error|fail|timed? ?out|unable|cannot|can.t|invalid|bad|-E[A-Z]+|out-of-spec|OoO|not expected|unexpected' |
	grep -vE 'module verification failed|taints kernel|max-rx-timeout|No\. of resources can.t exceed 16')
verdict "no SCMI error in the kernel log" "${errs:+$(echo "$errs" | head -n 5 | tr '\n' '|')}"
cap16=$(grep -c "No. of resources can't exceed 16" "$dm")
over16=0
for n in $(jfield "$hb/clocks.json" id); do
	c=$(cat "$hb/clock-rates-$n.txt" 2>/dev/null)
	# Ranges have no count (a triplet); only lists can exceed the cap.
	[ -n "$c" ] && [ "$c" -gt 16 ] && over16=$((over16 + 1))
done
if [ "$cap16" = "$over16" ]; then
	pass "Linux's 16-rate cap hit exactly by the platform's $over16 clocks with > 16 discrete rates"
else
	fail "16-rate cap" "Linux logged it $cap16 times, the platform has $over16 such clocks"
fi

# --- Protocol devices: every protocol of the DT has its Linux driver bound --------------------
bus=$w/bus.txt
{ section scmi-bus-late; section scmi-bus; } | sort -u >"$bus"
for pd in 11:scmi-power-domain 12:scmi-system-power 13:scmi-perf-domain 13:scmi-cpufreq \
	  14:scmi-clocks 15:scmi-hwmon 16:scmi-reset 17:scmi-regulator 19:scmi-pinctrl; do
	p=${pd%%:*}
	drv=${pd#*:}
	grep -q "^0x$p " <(jfield "$hb/info.json" id | awk '{ printf "0x%x \n", $1 }') || continue
	if grep -q "driver=$drv\$" "$bus"; then pass "protocol 0x$p: $drv bound"; else
		fail "protocol 0x$p" "no device bound to $drv"; fi
done
if jfield "$hb/info.json" id | grep -qx $((0x18)); then
	pz=$w/powercap.txt
	section powercap >"$pz"
	if [ "$kind" = raw ]; then
		bad=
		nz=0
		while IFS= read -r name; do
			nz=$((nz + 1))
			grep -q " name=$name\$" "$pz" || bad="$bad $name"
		done < <(jfield "$hb/powercap.json" name)
		verdict "protocol 0x18: the platform's $nz powercap zones are powercap zones" "${bad:+missing:$bad}"
	else
		pending "protocol 0x18 (powercap)" "Debian's kernel has CONFIG_POWERCAP unset (make test-linux-raw covers it)"
	fi
fi

# --- Raw mode (make test-linux-raw): messages straight through the real virtio transport ------
if [ "$kind" = raw ]; then
	rw=$w/raw.txt
	section raw >"$rw"
	grep -q 'SCMI RAW Mode COEX enabled' "$dm" && pass "raw mode with COEX enabled" ||
		fail "raw mode" "no 'SCMI RAW Mode COEX enabled' in dmesg"
	le32() { printf '%08x' "$1" | sed 's/\(..\)\(..\)\(..\)\(..\)/\4\3\2\1/'; }
	pv=$(jfield "$hb/info.json" protocol_version)
	ver=$(le32 $(( (${pv%%.*} << 16) | ${pv#*.} )))
	r0=$(jrows "$hb/clocks.json" id rate_hz | awk '$1 == 0 { print $2 }')
	rate0=$(le32 $((r0 & 0xffffffff)))$(le32 $((r0 >> 32)))
	# A message Base lacks: the status the host got for it over OP-TEE (NOT_FOUND per DEN0056
	# 4.1.4; older servers said NOT_SUPPORTED).
	unk=$(grep -o '"status_code":-*[0-9]*' "$hb/raw-base-unknown.json" 2>/dev/null | cut -d: -f2)
	unkname=$(grep -o '"status":"[A-Z_]*"' "$hb/raw-base-unknown.json" 2>/dev/null | cut -d'"' -f4)
	# name | expected status and payload (after the 4-byte header) | what it shows
	while IFS='|' read -r name want what; do
		got=$(awk -v n="$name" '$1 == "raw" && $2 == n { print $3 }' "$rw")
		case $want in
		write-error) ok=$([ "$got" = write-error ] && echo 1) ;;
		*) ok=$([ "${got:8}" = "$want" ] && echo 1) ;;
		esac
		verdict "raw $name: $what" "$([ "$ok" = 1 ] || echo "reply '${got:-none}', want '....$want'")"
	done <<RAW
base_version|00000000$ver|PROTOCOL_VERSION $pv
base_unknown_msg|$(le32 $(( ${unk:-1} & 0xffffffff )))|unknown message: ${unkname:-?}, as the host got it over OP-TEE
clock_rate_get_0|00000000$rate0|CLOCK_RATE_GET 0 = $r0 Hz
clock_rate_get_no_id|f6ffffff|parameters missing: PROTOCOL_ERROR
clock_rate_get_bad_id|fcffffff|clock 9999: NOT_FOUND
unknown_protocol|ffffffff|protocol 0x99: NOT_SUPPORTED
short_header|write-error|a 2-byte message: refused by Linux before the transport
base_version_again|00000000$ver|the channel still works afterwards
RAW
fi

# --- The arm64 scmi in the guest over linux-raw (make test-linux-raw) -------------------------
# The same CLI the host runs over OP-TEE, static for arm64, run by the guest's /init over the
# kernel's raw mode of the real virtio transport; the host read the platform over OP-TEE while
# the guest waited ("cli"), and changed the perf domain while the guest listened ("clinotify").
if [ "$kind" = raw ]; then
	if ! grep -q '^@@BEGIN cli-info$' "$con"; then
		pending "scmi in the guest" "no arm64 scmi in the initramfs (SCMI_ARM64_CLI unset)"
	else
		hc=$w/host/cli
		hn=$w/host/clinotify
		note "the kernel's SCMI transport (debugfs scmi/0/transport): $(section raw-transport | tr '\n' ' ')"
		cout() { section "$1" | grep -v '^rc='; }
		crc() { section "$1" | sed -n 's/^rc=//p' | tail -n 1; }
		gi=$w/cli-info.json
		cout cli-info >"$gi"
		nomode() { sed 's/,"mode":"[^"]*","channel":[0-9]*//' "$1"; }
		verdict "guest: scmi info picked linux-raw by itself (no --transport, no --socket)" \
			"$(grep -q '"mode":"linux-raw"' "$gi" || echo "rc $(crc cli-info): $(head -c 200 "$gi")")"
		verdict "guest scmi info (linux-raw) = host scmi info (OP-TEE): vendor, versions, protocols, agents" \
			"$([ "$(crc cli-info)" = 0 ] && [ "$(nomode "$gi")" = "$(nomode "$hc/info.json")" ] ||
				echo "guest '$(nomode "$gi" | head -c 160)', host '$(nomode "$hc/info.json" | head -c 160)'")"
		note "scmi info, guest over linux-raw | host over OP-TEE:"
		paste -d'|' <(section cli-info-text | grep -v '^rc=') "$hc/info.txt" |
			awk -F'|' '{ printf "           %-44s| %s\n", $1, $2 }'
		t0=$(sed -n 's/^@@CLI-START uptime=//p' "$con")
		t1=$(sed -n 's/^@@CLI-INFO-DONE uptime=//p' "$con")
		[ -n "$t0" ] && [ -n "$t1" ] &&
			note "guest: scmi info took $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s (TCG guest, exec included)"

		gc=$w/cli-clocks.json
		cout cli-clocks >"$gc"
		bad=$(diff <(sed 's/},{/}\n{/g' "$gc") <(sed 's/},{/}\n{/g' "$hc/clocks.json") | grep '^[<>]' | head -n 4 | tr '\n' ' ')
		verdict "guest scmi clock list = host's at the same moment ($(jfield "$hc/clocks.json" id | wc -l) clocks)" \
			"$([ "$(crc cli-clocks)" = 0 ] && [ -s "$gc" ] && [ -z "$bad" ] || echo "rc $(crc cli-clocks): ${bad:-no output}")"

		# The async bits are advertised only where a P2A path exists (docs/p2a.md): virtio has
		# one, OP-TEE none. Everything else must be equal.
		noasync() { sed 's/},{/}\n{/g; s/,"async":[a-z]*//g' "$1"; }
		for l in perf power voltage reset sensor powercap pinctrl-pins pinctrl-groups pinctrl-functions; do
			gl=$w/cli-list-$l.json
			cout "cli-list-$l" >"$gl"
			bad=$(diff <(noasync "$gl") <(noasync "$hc/list-$l.json") |
				grep '^[<>]' | head -n 4 | tr '\n' ' ')
			verdict "guest scmi $(echo "$l" | sed 's/^pinctrl-/pinctrl list /; t; s/$/ list/') = host's at the same moment" \
				"$([ "$(crc "cli-list-$l")" = 0 ] && [ -s "$gl" ] && [ -z "$bad" ] ||
					echo "rc $(crc "cli-list-$l"): ${bad:-no output}")"
		done

		for l in power reset; do
			gasy=$(grep -o '"async":[a-z]*' "$w/cli-list-$l.json" | sort -u | tr '\n' ' ')
			hasy=$(grep -o '"async":[a-z]*' "$hc/list-$l.json" | sort -u | tr '\n' ' ')
			verdict "...$l: async on for the guest (virtio has a P2A path), off for the host (OP-TEE has none)" \
				"$([ "$gasy" = '"async":true ' ] && [ "$hasy" = '"async":false ' ] || echo "guest $gasy, host $hasy")"
		done

		gsv=$(cout cli-sensor | grep -o '"value_mc":-*[0-9]*' | head -n 1 | cut -d: -f2)
		hsv=$(grep -o '"value_mc":-*[0-9]*' "$hc/sensor-0.json" | head -n 1 | cut -d: -f2)
		note "sensor 0: guest $gsv m°C, host $hsv m°C a moment later"
		verdict "guest scmi sensor get 0 matches the host's reading (3 °C)" \
			"$([ -n "$gsv" ] && [ -n "$hsv" ] && [ $((gsv - hsv)) -le 3000 ] && [ $((hsv - gsv)) -le 3000 ] ||
				echo "guest '${gsv:-none}', host '${hsv:-none}'")"

		cr=$w/cli-raw.txt
		section cli-raw >"$cr"
		word() { awk -v n="$1" '$1 == n { $1 = ""; print }' "$cr" | grep -o '"words":\[[^]]*\]' |
			sed 's/"words":\[//; s/\]//; s/"//g' | cut -d, -f"$2"; }
		stat() { awk -v n="$1" '$1 == n { $1 = ""; print }' "$cr" | grep -o '"status":"[A-Z_]*"' | cut -d'"' -f4; }
		pv=$(jfield "$hc/info.json" protocol_version)
		ver=$(( (${pv%%.*} << 16) | ${pv#*.} ))
		r0=$(jrows "$hc/clocks.json" id rate_hz | awk '$1 == 0 { print $2 }')
		# A message Base lacks: the status the host got for it over OP-TEE.
		stn=$(grep -o '"status":"[A-Z_]*"' "$hb/raw-base-unknown.json" 2>/dev/null | cut -d'"' -f4)
		while IFS='|' read -r name want what; do
			got="$(stat "$name") $(word "$name" 1-2)"
			verdict "guest scmi raw $name: $what" \
				"$([ "$(echo "$got" | sed 's/ *$//')" = "$want" ] || echo "got '$got', want '$want'")"
		done <<RAW
base_version|SUCCESS $ver|PROTOCOL_VERSION $pv
base_unknown_msg|${stn:-?}|unknown message: ${stn:-?}, as the host got it over OP-TEE
clock_rate_get_0|SUCCESS $((r0 & 0xffffffff)),$((r0 >> 32))|CLOCK_RATE_GET 0 = $r0 Hz
clock_rate_get_bad_id|NOT_FOUND|clock 9999: NOT_FOUND
unknown_protocol|NOT_SUPPORTED|protocol 0x99 (--transport linux-raw given): NOT_SUPPORTED
RAW

		ca=$w/cli-async.txt
		section cli-async >"$ca"
		a1=$(grep -o '"status":"[A-Z_]*"' "$ca" | sed -n 1p | cut -d'"' -f4)
		a2=$(grep -o '"status":"[A-Z_]*"' "$ca" | sed -n 2p | cut -d'"' -f4)
		aw=$(grep -o '"words":\[[^]]*\]' "$ca" | sed -n 2p | sed 's/"words":\[//; s/\]//')
		av=$(( $(echo "$aw" | cut -d, -f2) ))
		verdict "guest scmi raw --async SENSOR_READING_GET: immediate SUCCESS, then a delayed response (message_async)" \
			"$([ "$a1" = SUCCESS ] && [ "$a2" = SUCCESS ] && [ "$(echo "$aw" | cut -d, -f1)" = 0 ] &&
				[ "$(crc cli-async)" = 0 ] || echo "$(tr '\n' ' ' <"$ca" | head -c 300)")"
		verdict "...whose reading of sensor 0 ($av m°C) is the host's within 10 °C" \
			"$([ -n "$hsv" ] && [ $((av - hsv)) -le 10000 ] && [ $((hsv - av)) -le 10000 ] || echo "host $hsv")"

		nw=$(section cli-watch | grep -c '"sample":[0-9]')
		verdict "guest scmi sensor watch --count 3: 3 samples" \
			"$([ "$nw" = 3 ] && [ "$(crc cli-watch)" = 0 ] || echo "$nw samples, rc $(crc cli-watch)")"

		hf=$(jfield "$hn/perf-get.json" freq_hz 2>/dev/null)
		verdict "guest scmi perf set $cli_perf_domain --freq $cli_guest_freq: the platform runs it (scmi perf get over OP-TEE)" \
			"$([ "$(crc cli-perf-set)" = 0 ] && [ "$hf" = "$cli_guest_freq" ] ||
				echo "rc $(crc cli-perf-set), host sees ${hf:-nothing}")"
		lvl=$(cout cli-perf-after | grep -o '"level":[0-9]*' | cut -d: -f2)
		gaf=$(cout cli-perf-after | grep -o '"freq_hz":[0-9]*' | cut -d: -f2)
		ce=$w/cli-events.txt
		cout cli-events >"$ce"
		while IFS= read -r l; do note "guest event: $l"; done <"$ce"
		evw() { grep "\"protocol\":$1,.*\"message\":$2," "$ce" | head -n 1 | grep -o '"words":\[[^]]*\]' |
			sed 's/"words":\[//; s/\]//'; }
		verdict "guest subscribed with scmi raw (PERF_NOTIFY_LEVEL, CLOCK_RATE_NOTIFY)" \
			"$([ "$(section cli-subscribe | grep -c '"status":"SUCCESS"')" = 2 ] ||
				echo "$(section cli-subscribe | tr '\n' ' ' | head -c 300)")"
		cw=$(evw 20 0)
		crate=
		[ -n "$cw" ] && crate=$(( $(echo "$cw" | cut -d, -f3) + ($(echo "$cw" | cut -d, -f4) << 32) ))
		verdict "host perf set $cli_perf_domain --freq $cli_host_freq over OP-TEE: the guest's scmi events hears CLOCK_RATE_CHANGED of clock $cli_perf_clock at that rate (raw/notification)" \
			"$([ "$(echo "$cw" | cut -d, -f2)" = "$cli_perf_clock" ] && [ "$crate" = "$cli_host_freq" ] ||
				echo "got '${cw:-nothing}' ($(tail -n 1 "$ce"))")"
		pw=$(evw 19 1)
		plv=$(echo "$pw" | cut -d, -f3)
		if [ "$(echo "$pw" | cut -d, -f2)" = "$cli_perf_domain" ] && [ "$plv" = "$lvl" ]; then
			pass "...and PERFORMANCE_LEVEL_CHANGED of perf domain $cli_perf_domain at level $lvl"
		elif [ -n "$pw" ] && grep -q '"level_indexing":true' <(cout cli-perf-after) &&
			[ "$plv" = "$(jrows "$hb/perf-levels-$cli_perf_domain.json" index level |
				awk -v i="$lvl" '$1 == i { print $2 }')" ]; then
			# The model sends the level itself where a level-indexed domain (perf v4) carries
			# its index, which Linux 6.12 reads as one: a platform bug, reported.
			pending "...and PERFORMANCE_LEVEL_CHANGED of perf domain $cli_perf_domain" \
				"it came with level $plv, the domain's level-indexed wire value is $lvl (sim_perf.c emit_level)"
		else
			fail "...and PERFORMANCE_LEVEL_CHANGED of perf domain $cli_perf_domain" "got '${pw:-nothing}', level now ${lvl:-?}"
		fi
		verdict "...and the guest's scmi perf get reads the host's frequency" \
			"$([ "$gaf" = "$cli_host_freq" ] || echo "guest reads ${gaf:-nothing}")"
		grep -q '^@@CLI-DONE' "$con" && pass "guest's scmi checks ran to the end" ||
			fail "guest scmi" "no @@CLI-DONE"
	fi
fi

# --- Clocks: clk_summary lists every platform clock at the platform's rate -------------------
cs=$w/clk.txt
section clk-summary | awk 'NF >= 5 && $5 ~ /^[0-9]+$/ { print $1, $5 }' >"$cs"
bad=
nclk=0
# Linux caches clock rates; DVFS through the perf protocol moves the CPU clocks behind its back.
# With a built-in cpufreq (raw kernel) that happened before clk_summary: skip the CPU domains'
# clocks and their parents there.
skip=" "
if [ "$kind" = raw ]; then
	for d in $cpu_domains; do
		dn=$(jrows "$hb/perf.json" id name | awk -v d="$d" '$1 == d { print $2 }')
		par=$(jrows "$hb/clocks.json" name parent | awk -v n="$dn" '$1 == n { print $2 }')
		pn=$(jrows "$hb/clocks.json" id name | awk -v i="$par" '$1 == i { print $2 }')
		skip="$skip$dn $pn "
	done
	note "clk_summary: not compared (cached by Linux, moved by perf):$skip"
fi
while IFS=$'\t' read -r id name rate; do
	case $skip in *" $name "*) continue ;; esac
	got=$(awk -v n="$name" '$1 == n { print $2 }' "$cs")
	[ "$got" = "$rate" ] || bad="$bad $name(${got:-absent}!=$rate)"
	nclk=$((nclk + 1))
done < <(jrows "$hs/clocks.json" id name rate_hz)
verdict "clk_summary lists the platform's clocks at their rates ($nclk compared)" "$bad"
if [ -n "$assigned_clock" ]; then
	cid=${assigned_clock%%=*}
	want=${assigned_clock#*=}
	r0=$(jrows "$hb/clocks.json" id rate_hz | awk -v i="$cid" '$1 == i { print $2 }')
	r1=$(jfield "$ha/clock-get-$cid.json" rate_hz 2>/dev/null)
	verdict "rate set by the guest (assigned-clock-rates: clock $cid $r0 -> $want Hz) seen by the platform over OP-TEE" \
		"$([ "$r0" != "$want" ] && [ "$r1" = "$want" ] || echo "platform had $r0, now ${r1:-nothing}")"
fi

# --- hwmon: every sensor, with the value the platform reads at the same moment ----------------
hw=$w/hwmon.txt
section hwmon >"$hw"
hwc=$w/hwmon-check.txt
section hwmon-check >"$hwc"
bad=
badv=
ns=0
while IFS=$'\t' read -r sid sname stype; do
	label=$(echo "$sname" | tr ' ' '_')
	line=$(grep " label=$label value=" "$hwc" | head -n 1)
	ns=$((ns + 1))
	if [ -z "$line" ]; then bad="$bad $label"; continue; fi
	gv=${line##*value=}
	# The platform's first reading (Linux shows axis 0 of a multi-axis sensor), in hwmon units.
	hv=$(jfield "$ha/sensor-$sid.json" value | head -n 1)
	he=$(jfield "$ha/sensor-$sid.json" unit_exponent | head -n 1)
	case $stype in temperature|voltage|current) sc=3 ;; power) sc=6 ;; *) sc=0 ;; esac
	want=$(awk -v v="$hv" -v e="$he" -v s="$sc" 'BEGIN { printf "%.0f", v * 10 ^ (e + s) }')
	# Temperatures move with time: 3 degrees C; electrical values: 10 % (or one unit).
	ok=$(awk -v g="$gv" -v w="$want" -v t="$stype" 'BEGIN {
		d = g - w; if (d < 0) d = -d
		tol = (t == "temperature") ? 3000 : (w < 0 ? -w : w) * 0.10
		if (tol < 1) tol = 1
		print (d <= tol) ? 1 : 0 }')
	note "sensor $label ($stype): guest $gv, platform $want"
	[ "$ok" = 1 ] || badv="$badv $label(guest $gv, platform $want)"
done < <(jrows "$hb/sensors.json" id name type)
verdict "hwmon shows the platform's $ns sensors" "${bad:+missing:$bad}"
verdict "hwmon values match the platform's readings" "$badv"

# --- cpufreq: OPPs, and a frequency chosen in the guest moves our perf level ------------------
cf=$w/cpufreq.txt
section cpufreq-boot >"$cf"
i=0
for d in $cpu_domains; do
	line=$(grep "^policy$i " "$cf")
	lv=$hb/perf-levels-$d.json
	sus=$(jrows "$hb/perf.json" id sustained_freq_hz | awk -v d="$d" '$1 == d { print $2 / 1000 }')
	all=$(jfield "$lv" freq_hz | awk '{ print $1 / 1000 }' | sort -n)
	want_avail=$(echo "$all" | awk -v s="$sus" '$1 <= s' | paste -sd,)
	want_boost=$(echo "$all" | awk -v s="$sus" '$1 > s' | paste -sd,)
	avail=$(echo "$line" | sed -n 's/.* avail=\([^ ]*\).*/\1/p' | tr ',' '\n' | sort -n | paste -sd,)
	boost=$(echo "$line" | sed -n 's/.* boost=\([^ ]*\).*/\1/p' | tr ',' '\n' | sed '/^$/d' | sort -n | paste -sd,)
	note "policy$i (perf domain $d): available $avail; boost ${boost:-none}"
	verdict "policy$i offers perf domain $d's OPPs up to the sustained ${sus} kHz" \
		"$([ -n "$line" ] && [ "$avail" = "$want_avail" ] || echo "guest '${avail:-no policy}', platform '$want_avail'")"
	verdict "policy$i's boost OPPs are perf domain $d's above sustained" \
		"$([ "$boost" = "$want_boost" ] || echo "guest '${boost}', platform '$want_boost'")"
	f=$(echo "$freqs" | cut -d, -f$((i + 1)))
	got=$(jfield "$ha/perf-get-$d.json" freq_hz 2>/dev/null)
	verdict "cpufreq policy$i pinned at $f kHz in the guest: perf domain $d runs at it (scmi perf get over OP-TEE)" \
		"$([ "$got" = "$((f * 1000))" ] || echo "platform says ${got:-nothing} Hz")"
	dname=$(jrows "$hb/perf.json" id name | awk -v d="$d" '$1 == d { print $2 }')
	crate=$(jrows "$ha/clocks.json" name rate_hz | awk -v n="$dname" '$1 == n { print $2 }')
	if [ -n "$crate" ]; then
		verdict "...and the platform's clock $dname follows it" \
			"$([ "$crate" = "$((f * 1000))" ] || echo "clock $dname at $crate Hz")"
	fi
	i=$((i + 1))
done
np=$(grep -c '^policy' "$cf")
verdict "one cpufreq policy per CPU perf domain ($i)" "$([ "$np" = "$i" ] || echo "$np policies")"

# --- Perf fast channels: Linux set them up, and cpufreq moved our levels through them ---------
# The guest's kernel logs each fast channel it maps (dyndbg on driver.c: "Using valid FC for
# protocol 13 [MSG_ID:m / RES_ID:d]"); its scmi_fc_call trace events count what went through
# them; the daemon's --trace counts the perf messages of the guest's channel.
if [ -n "${fc_domains:-}" ]; then
	tr_ch=$(printf 'ch=%02X pt=13 t=CMND' "${vu_channel:-2}")
	# Commands of message $1 on the guest's channel; with $2, only those on perf domain $2 (the
	# payload's first word).
	perfmsgs() {
		grep "scmi_msg_dump: id=[0-9]* $tr_ch msg_id=$1 " "$w/daemon.log" |
			grep -c "pyld=${2:+$(printf '%02x000000' "$2")}"
	}
	# Without dynamic debug (the raw kernel) Linux logs nothing of its fast channels.
	fc_map_verdicts "$dm" "$fc_domains" pending \
		"this kernel ($kind) logs no fast-channel setup (no dynamic debug)"
	fcl=$(section fc-calls)
	fc_call_counts "$fcl"
	m_set=0
	for d in $cpu_domains; do m_set=$((m_set + $(perfmsgs 07 "$d"))); done
	note "fast channels: $fc_all calls in the guest from cpufreq's load ($fc_set LEVEL_SET," \
		"$fc_get LEVEL_GET); messages on channel ${vu_channel:-2}: $(perfmsgs 07) PERF_LEVEL_SET," \
		"$(perfmsgs 08) PERF_LEVEL_GET, $(perfmsgs 0B) PERF_DESCRIBE_FASTCHANNEL"
	verdict "cpufreq pinned the CPU domains through the fast channels: no PERF_LEVEL_SET message for them on the guest's channel" \
		"$([ "$m_set" = 0 ] || echo "$m_set PERF_LEVEL_SET messages")"
	if echo "$fcl" | grep -q no-trace-event; then
		pending "...and the guest's kernel wrote levels there" "this kernel ($kind) has no scmi_fc_call trace event"
	else
		verdict "...and the guest's kernel wrote levels there (scmi_fc_call LEVEL_SET events)" \
			"$([ "$fc_set" -ge 1 ] || echo "${fc_set:-no} LEVEL_SET fast-channel calls")"
		note "messages the fast path saved: $fc_all (one request and one response each on the virtio queue)"
	fi
	# Powercap: a kernel with scmi_powercap asks for each zone's four channels at probe.
	if [ -n "${fc_zones:-}" ]; then
		pz=$(printf 'ch=%02X pt=18 t=RESP msg_id=0C ' "${vu_channel:-2}")
		nz=$(echo "$fc_zones" | wc -w)
		asked=$(grep -c "scmi_msg_dump: id=[0-9]* $pz" "$w/daemon.log")
		granted=$(grep -c "scmi_msg_dump: id=[0-9]* ${pz}seq=[0-9A-F]* s=0 " "$w/daemon.log")
		if [ "$asked" = 0 ]; then
			note "powercap fast channels: this kernel ($kind) asked for none (no powercap driver)"
		else
			verdict "Linux set up the fast channels of the platform's $nz powercap zones ($granted of $((4 * nz)) POWERCAP_DESCRIBE_FASTCHANNEL granted)" \
				"$([ "$granted" = $((4 * nz)) ] && [ "$asked" = "$granted" ] || echo "$asked asked, $granted granted")"
		fi
	fi
else
	note "fast channels: none in this platform"
fi

# --- Regulators ---------------------------------------------------------------------------------
rg=$w/regulators.txt
section regulators >"$rg"
bad=
nv=0
while IFS=$'\t' read -r name uv on; do
	nv=$((nv + 1))
	line=$(grep " name=$name " "$rg")
	mv=$(echo "$line" | sed -n 's/.*microvolts=\([^ ]*\).*/\1/p')
	st=$(echo "$line" | sed -n 's/.*state=\([^ ]*\).*/\1/p')
	[ "$on" = true ] && want=enabled || want=disabled
	[ -n "$line" ] && [ "$mv" = "$uv" ] && [ "$st" = "$want" ] || bad="$bad $name(${mv:-absent} $st)"
done < <(jrows "$hs/voltage.json" name level_uv on)
verdict "the platform's $nv voltage domains are regulators at their level and state" "$bad"

# --- Power domains (genpd) --------------------------------------------------------------------
gp=$w/genpd.txt
section genpd >"$gp"
bad=
n=0
while IFS=$'\t' read -r name st; do
	n=$((n + 1))
	g=$(awk -v n="$name" '$1 == n { print $2 }' "$gp")
	case $st in on) [ "$g" = on ] ;; *) case $g in off*) true ;; *) false ;; esac ;; esac ||
		bad="$bad $name(guest ${g:-absent}, platform $st)"
done < <(jrows "$hs/power.json" name state_name)
verdict "the platform's $n power domains are genpds in the platform's state" "$bad"
bad=
n=0
while IFS=$'\t' read -r id name; do
	n=$((n + 1))
	grep -q "^${name}_$id " "$gp" || bad="$bad ${name}_$id"
done < <(jrows "$hb/perf.json" id name)
verdict "the platform's $n perf domains are genpd performance domains" "${bad:+missing:$bad}"

# --- Reset ------------------------------------------------------------------------------------
nr=$(jfield "$hb/reset.json" id | wc -l)
note "reset: Linux registers one controller for the platform's $nr lines (no sysfs per line)"

# --- Pins -------------------------------------------------------------------------------------
pc=$w/pinctrl.txt
section pinctrl >"$pc"
for k in pins:pin groups:group functions:function; do
	kind=${k%%:*}
	tag=${k#*:}
	want=$(jfield "$hb/pinctrl-$kind.json" name | paste -sd' ')
	got=$(awk -v t="$tag" '$1 == t { print $NF }' "$pc" | paste -sd' ')
	# Linux lists pins by number and groups/functions by selector: same order as the platform.
	verdict "pinctrl $kind as the platform lists them ($(echo "$want" | wc -w))" \
		"$([ "$got" = "$want" ] || echo "guest '$(echo "$got" | cut -c1-80)', platform '$(echo "$want" | cut -c1-80)'")"
done

# --- Notifications ----------------------------------------------------------------------------
# At "@@AWAIT-SHUTDOWN" the harness ran `scmi sim event shutdown` on the host: the platform sends
# SYSTEM_POWER_STATE_NOTIFIER (graceful, state 0 = shutdown) to the agents that subscribed, here
# the guest's scmi_power_control. It starts orderly_poweroff(): /sbin/poweroff (busybox) signals
# init (USR2), and the guest's /init powers off.
sd=$w/dmesg-shutdown.txt
section dmesg-shutdown >"$sd"
ev=$(cat "$w/host/sim-event.txt" 2>/dev/null)
verdict "the platform raised a graceful shutdown request (scmi sim event shutdown over OP-TEE)" \
	"$(echo "$ev" | grep -q 'graceful shutdown' || echo "CLI said '${ev:-nothing}'")"
served=$(grep -o 'scmi-system-power [^ ]*: Serving shutdown/reboot request: [0-9]*' "$sd" | head -n 1)
note "guest: ${served:-no scmi-system-power line}"
verdict "the notification reached Linux: scmi_power_control serves a shutdown (state 0) request" \
	"$(echo "$served" | grep -q 'request: 0$' || echo "dmesg after the request: '$(head -c 200 "$sd" | tr '\n' '|')'")"
req=$(sed -n 's/^@@SHUTDOWN-REQUEST \([a-z]*\).*/\1/p' "$con")
verdict "...and had its effect: orderly_poweroff ran /sbin/poweroff, which asked init to power off" \
	"$([ "$req" = poweroff ] || echo "init got '${req:-nothing}'")"
forced=$(grep -iE 'orderly|forcing|forceful' "$sd")
verdict "...gracefully (no forced shutdown)" "${forced:+$(echo "$forced" | tr '\n' '|')}"
grep -q 'reboot: Power down' <(sed -n '/^@@SHUTDOWN-REQUEST/,$p' "$con") &&
	pass "the guest powered off after the request" ||
	fail "guest power-off" "no 'reboot: Power down' after the request"

g=$(grep -o '^@@GUEST-DONE uptime=[0-9.]*' "$con" | cut -d= -f2)
[ -n "$g" ] && pass "guest finished its script (uptime ${g} s) and powered off" ||
	fail "guest finished" "no @@GUEST-DONE on the console"
echo "$npass passed, $nfail failed, $npend pending"
[ "$nfail" = 0 ]
