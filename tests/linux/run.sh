#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# run.sh [BUILD_DIR]: the real Linux arm_scmi driver against our server (make test-linux).
# Installs and builds what it needs (setup.sh, build-modules.sh), starts optee-simd with the
# default platform on an OP-TEE socket AND a vhost-user-scmi socket, boots Debian's arm64 kernel
# under QEMU with that device, answers the guest's "@@HOST-CHECK" by reading the platform back
# with `scmi` over OP-TEE (the other agent), and at "@@AWAIT-SHUTDOWN" makes the platform
# request a graceful shutdown (`scmi sim event shutdown`, an SCMI notification to the guest);
# then check.sh judges the console.
# Environment: SCMI_LINUX_CACHE (downloads and builds, default /var/cache/scmi-optee-linux),
# SCMI_LINUX_DEVICE=pci|mmio (default pci), SCMI_LINUX_TIMEOUT (whole guest run, s, default 300),
# SCMI_LINUX_KEEP=1 (keep the work directory with the logs), SCMI_LINUX_KERNEL=debian|raw
# (raw: the small raw-mode kernel of build-raw-kernel.sh; make test-linux-raw), SCMI_ARM64_CLI
# (raw: a static arm64 scmi the guest runs over linux-raw; its host checks are "cli" and
# "clinotify").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

build=${1:-build}
build=$(cd "$build" && pwd) || die "no build directory $1"
daemon=$build/tools/optee-simd/optee-simd
cli=$build/tools/scmi/scmi
# The default platform plus perf fast channels for the guest's agent (platforms/fastchannel.dts).
plat=${SCMI_LINUX_PLATFORM:-$build/platforms/fastchannel.dtb}
device=${SCMI_LINUX_DEVICE:-pci}
timeout_s=${SCMI_LINUX_TIMEOUT:-300}
for f in "$daemon" "$cli" "$plat"; do [ -e "$f" ] || die "missing $f (make build)"; done
"$daemon" --help 2>&1 | grep -q -- --vhost-user ||
	die "$daemon has no --vhost-user option: the vhost-user-scmi frontend is not built in"

t_start=$(date +%s.%N)
"$here/setup.sh"
"$here/build-modules.sh"
. "$SCMI_LINUX_ENV"
kind=${SCMI_LINUX_KERNEL:-debian}
case $kind in
debian) rawarg= ;;
raw)
	"$here/build-raw-kernel.sh"
	KIMAGE=$SCMI_LINUX_CACHE/raw-$KVER/Image
	rawarg=" scmi_raw=1"
	;;
*) die "SCMI_LINUX_KERNEL must be debian or raw" ;;
esac

work=$(mktemp -d /tmp/scmi-linux.XXXXXX)
daemon_pid=
qemu_pid=
cleanup() {
	[ -n "$qemu_pid" ] && kill "$qemu_pid" 2>/dev/null || true
	[ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	if [ "${SCMI_LINUX_KEEP:-0}" = 1 ]; then log "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
mkdir -p "$work/host"

"$here/mkinitramfs.sh" "$work/initrd.cpio.gz"

log "starting optee-simd (OP-TEE socket + vhost-user-scmi socket)"
# --trace: check.sh counts the perf messages of the guest's channel (fast channels carry none).
"$daemon" --socket "$work/optee.sock" --platform "$plat" --vhost-user "$work/vu.sock" --trace \
	>"$work/daemon.log" 2>&1 &
daemon_pid=$!
for _ in $(seq 50); do
	[ -S "$work/optee.sock" ] && [ -S "$work/vu.sock" ] && break
	kill -0 "$daemon_pid" 2>/dev/null || { cat "$work/daemon.log" >&2; die "optee-simd exited"; }
	sleep 0.1
done
[ -S "$work/vu.sock" ] || die "optee-simd did not create its sockets"

# A generous response timeout: the guest's TCG threads share the host's cores with us.
scmi() { "$cli" --socket "$work/optee.sock" --timeout 2000 --json "$@"; }
jfield() { grep -o "\"$2\":\(\"[^\"]*\"\|[-0-9.a-z]*\)" "$1" | sed 's/^"[^"]*"://; s/^"//; s/"$//'; }
# Flat objects of a JSON array, one per line, the given fields tab-separated (as check.sh).
jrows() {
	f=$1
	shift
	sed 's/},{/}\n{/g' "$f" | while IFS= read -r obj; do
		row=
		for k in "$@"; do
			v=$(printf '%s' "$obj" | grep -o "\"$k\":\(\"[^\"]*\"\|[-0-9.a-z]*\)" | head -n 1 |
				sed 's/^"[^"]*"://; s/^"//; s/"$//')
			row=${row:+$row	}$v
		done
		printf '%s\n' "$row"
	done
}

# The platform before the guest touches it (the OP-TEE agent's view).
snapshot() { # dir
	mkdir -p "$1"
	scmi info >"$1/info.json"
	scmi clock list >"$1/clocks.json"
	for c in $(jfield "$1/clocks.json" id); do
		scmi clock rates "$c" | grep -o '"count":[0-9]*' | cut -d: -f2 >"$1/clock-rates-$c.txt" || true
	done
	scmi perf list >"$1/perf.json"
	for d in $(jfield "$1/perf.json" id); do scmi perf levels "$d" >"$1/perf-levels-$d.json"; done
	scmi voltage list >"$1/voltage.json"
	scmi power list >"$1/power.json"
	scmi reset list >"$1/reset.json"
	scmi sensor list >"$1/sensors.json"
	for s in $(jfield "$1/sensors.json" id); do scmi sensor get "$s" >"$1/sensor-$s.json"; done
	for k in pins groups functions; do scmi pinctrl list "$k" >"$1/pinctrl-$k.json"; done
	scmi powercap list >"$1/powercap.json"
	# What this server answers to a message Base lacks (the guest's raw writes must get it too).
	scmi raw base 0x7f >"$1/raw-base-unknown.json" || true
	for f in "$1"/*.json; do
		[ -s "$f" ] || { log "scmi gave nothing for $(basename "$f")"; return 1; }
	done
}
snapshot "$work/host/before" || die "the OP-TEE agent cannot read the platform (see $work/daemon.log)"

# What the guest will change: each CPU perf domain to a low OPP (the lowest, if it already runs
# there), and uart0 to half its rate through assigned-clock-rates.
freqs=
cpu_domains=
n=0
while read -r id name; do
	case $name in cpu*) ;; *) continue ;; esac
	[ "$n" -lt "$GUEST_SMP" ] || break
	lv=$work/host/before/perf-levels-$id.json
	cur=$(scmi perf get "$id" | grep -o '"freq_hz":[0-9]*' | cut -d: -f2)
	# A different OPP per domain (n+2-th lowest), so that swapped CPUs would show.
	f=$(jfield "$lv" freq_hz | sort -n | sed -n "$((n + 2))p")
	[ -n "$f" ] || f=$(jfield "$lv" freq_hz | sort -n | sed -n 1p)
	[ "$f" = "$cur" ] && f=$(jfield "$lv" freq_hz | sort -n | sed -n 1p)
	freqs=${freqs:+$freqs,}$((f / 1000))
	cpu_domains="$cpu_domains $id"
	n=$((n + 1))
done < <(paste <(jfield "$work/host/before/perf.json" id) <(jfield "$work/host/before/perf.json" name))
aclk=
uart_line=$(paste <(jfield "$work/host/before/clocks.json" id) <(jfield "$work/host/before/clocks.json" name) \
	<(jfield "$work/host/before/clocks.json" rate_hz) | awk '$2 == "uart0"')
[ -n "$uart_line" ] && aclk="$(echo "$uart_line" | awk '{ print $1 "=" $3 / 2 }')"
{
	echo "freqs='$freqs'"
	echo "cpu_domains='${cpu_domains# }'"
	echo "assigned_clock='$aclk'"
	echo "device=$device"
	echo "kernel='$KVER ($kind)'"
	echo "kind=$kind"
	# Perf domains with fast channels (fastchannels; in the platform DT) and the guest's channel.
	fcd=
	for dn in $(fdtget -l "$plat" /scmi-platform/protocols/protocol@13 2>/dev/null); do
		fdtget "$plat" "/scmi-platform/protocols/protocol@13/$dn" fastchannels >/dev/null 2>&1 &&
			fcd="$fcd $(fdtget "$plat" "/scmi-platform/protocols/protocol@13/$dn" reg)"
	done
	echo "fc_domains='${fcd# }'"
	fcz=
	for zn in $(fdtget -l "$plat" /scmi-platform/protocols/protocol@18 2>/dev/null); do
		fdtget "$plat" "/scmi-platform/protocols/protocol@18/$zn" fastchannels >/dev/null 2>&1 &&
			fcz="$fcz $(fdtget "$plat" "/scmi-platform/protocols/protocol@18/$zn" reg)"
	done
	echo "fc_zones='${fcz# }'"
	echo "vu_channel=2"
} >"$work/plan.env"

# The arm64 scmi in the guest (raw kernel): it sets the first non-CPU perf domain to its lowest
# frequency other than the current one (perf set); then, while it listens for notifications,
# the host sets the highest other frequency up to the sustained one: the guest must hear of it.
cliarg=
if [ "$kind" = raw ] && [ -n "${SCMI_ARM64_CLI:-}" ]; then
	pd=$(paste <(jfield "$work/host/before/perf.json" id) <(jfield "$work/host/before/perf.json" name) |
		awk '$2 !~ /^cpu/ { print $1; exit }')
	[ -n "$pd" ] || die "the platform has no non-CPU perf domain for the scmi perf check"
	lv=$work/host/before/perf-levels-$pd.json
	cur=$(jrows "$work/host/before/perf.json" id freq_hz | awk -v d="$pd" '$1 == d { print $2 }')
	sus=$(jrows "$work/host/before/perf.json" id sustained_freq_hz | awk -v d="$pd" '$1 == d { print $2 }')
	gf=$(jfield "$lv" freq_hz | sort -n | awk -v c="$cur" '$1 != c { print; exit }')
	hf=$(jfield "$lv" freq_hz | sort -n | awk -v s="$sus" -v g="$gf" '$1 <= s && $1 != g' | tail -n 1)
	[ -n "$gf" ] && [ -n "$hf" ] || die "perf domain $pd has too few levels for the scmi perf check"
	# The clock the domain drives (named like it): its CLOCK_RATE_CHANGED is heard too.
	pname=$(jrows "$work/host/before/perf.json" id name | awk -v d="$pd" '$1 == d { print $2 }')
	pclk=$(jrows "$work/host/before/clocks.json" id name | awk -v n="$pname" '$2 == n { print $1 }')
	[ -n "$pclk" ] || die "no clock named $pname for the scmi notification check"
	cli_perf_domain=$pd
	cli_host_freq=$hf
	{
		echo "cli_perf_domain=$pd"
		echo "cli_guest_freq=$gf"
		echo "cli_host_freq=$hf"
		echo "cli_perf_clock=$pclk"
	} >>"$work/plan.env"
	cliarg=" scmi_cli=1 scmi_cli_perf=$pd:$gf:$pclk"
fi
ASSIGNED_CLOCK=$aclk "$here/mkdtb.sh" "$plat" "$work/guest.dtb"

case $device in
pci) dev="-device vhost-user-scmi-pci,chardev=vscmi"; extra= ;;
mmio) dev="-device vhost-user-scmi,chardev=vscmi"; extra=" scmi_mods=virtio_mmio" ;;
*) die "SCMI_LINUX_DEVICE must be pci or mmio" ;;
esac

mkfifo "$work/console.in"
exec 3<>"$work/console.in"
log "booting $KVER, $kind kernel ($device), timeout ${timeout_s}s"
t_boot=$(date +%s.%N)
# shellcheck disable=SC2046,SC2086
timeout "$timeout_s" qemu-system-aarch64 $(qemu_machine_args) \
	-kernel "$KIMAGE" -initrd "$work/initrd.cpio.gz" -dtb "$work/guest.dtb" \
	-append "console=ttyAMA0 quiet rdinit=/init dyndbg=\"file drivers/firmware/arm_scmi/driver.c +p\" scmi_freqs=$freqs$extra$rawarg$cliarg" \
	-chardev socket,id=vscmi,path="$work/vu.sock" $dev \
	<"$work/console.in" >"$work/console.log" 2>&1 &
qemu_pid=$!

# Each "@@HOST-CHECK NAME" of the guest: snapshot the platform into host/NAME ("final" goes to
# host/after) while the guest waits, then answer "@@GO NAME" on its console.
done_checks=" "
shutdown_sent=
while kill -0 "$qemu_pid" 2>/dev/null; do
	for name in $(sed -n 's/^@@HOST-CHECK \([a-z]*\) .*/\1/p' "$work/console.log"); do
		case $done_checks in *" $name "*) continue ;; esac
		done_checks="$done_checks$name "
		dir=$work/host/$name
		[ "$name" = final ] && dir=$work/host/after
		log "guest waits at host check '$name': reading the platform over OP-TEE"
		case $name in
		cli)
			# What the guest's scmi just read, as the OP-TEE agent reads it now.
			mkdir -p "$dir"
			scmi info >"$dir/info.json"
			"$cli" --socket "$work/optee.sock" --timeout 2000 info >"$dir/info.txt"
			scmi clock list >"$dir/clocks.json"
			scmi sensor get 0 >"$dir/sensor-0.json"
			for l in perf power voltage reset sensor powercap; do
				scmi "$l" list >"$dir/list-$l.json"
			done
			for l in pins groups functions; do
				scmi pinctrl list "$l" >"$dir/list-pinctrl-$l.json"
			done
			;;
		clinotify)
			# The guest's perf set as the platform has it; then a change the guest hears of.
			mkdir -p "$dir"
			scmi perf get "$cli_perf_domain" >"$dir/perf-get.json" || true
			scmi perf set "$cli_perf_domain" --freq "$cli_host_freq" >"$dir/perf-set.json" 2>&1 ||
				log "host perf set failed"
			scmi perf get "$cli_perf_domain" >"$dir/perf-get-after.json" || true
			;;
		*)
			snapshot "$dir" || log "host snapshot '$name' failed"
			;;
		esac
		if [ "$name" = final ]; then
			for d in $cpu_domains; do scmi perf get "$d" >"$dir/perf-get-$d.json" || true; done
			[ -n "$aclk" ] && { scmi clock get "${aclk%%=*}" >"$dir/clock-get-${aclk%%=*}.json" || true; }
		fi
		echo "@@GO $name" >&3
	done
	# The guest waits for a notification: the platform requests a graceful shutdown.
	if [ -z "$shutdown_sent" ] && grep -q '^@@AWAIT-SHUTDOWN' "$work/console.log"; then
		shutdown_sent=1
		log "guest awaits a shutdown request: raising one on the platform over OP-TEE"
		date +%s.%N >"$work/host/sim-event.time"
		"$cli" --socket "$work/optee.sock" --timeout 2000 sim event shutdown \
			>"$work/host/sim-event.txt" 2>&1 || log "scmi sim event shutdown failed"
	fi
	sleep 0.2
done
rc=0
wait "$qemu_pid" || rc=$?
qemu_pid=
t_guest=$(date +%s.%N)
[ "$rc" = 124 ] && log "QEMU timed out after ${timeout_s}s"
[ "$rc" != 0 ] && [ "$rc" != 124 ] && log "QEMU exited with $rc"
kill "$daemon_pid" 2>/dev/null || true
wait "$daemon_pid" 2>/dev/null || true
daemon_pid=

verdict=0
"$here/check.sh" "$work" || verdict=$?
t_end=$(date +%s.%N)
awk -v a="$t_start" -v b="$t_boot" -v g="$t_guest" -v e="$t_end" 'BEGIN {
	printf "time: setup+modules %.1f s, boot-to-verdict %.1f s (guest %.1f s), total %.1f s\n",
		b - a, e - b, g - b, e - a }'
if [ "$verdict" != 0 ]; then
	echo "--- last console lines ($work/console.log) ---"
	tail -n 30 "$work/console.log"
	echo "--- daemon log ---"
	tail -n 20 "$work/daemon.log"
	SCMI_LINUX_KEEP=1
fi
exit "$verdict"
