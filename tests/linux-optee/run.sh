#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# run.sh FW.bin BUILD_DIR: make test-linux-optee. Debian's unmodified arm64 kernel, with its
# stock tee, optee and scmi_transport_optee modules and the consumer modules make test-linux
# builds (tests/linux/build-modules.sh), boots under QEMU virt,secure=on against our EL3
# firmware (firmware/), which serves the simulated platform of FW.bin's platform DTB
# (platform.dtb beside it), in each configuration: MSG mode, static SMT mode, mixed (Base on
# the MSG channel, perf on the SMT channel), the static shared-memory pool, -smp 2 (with
# CPU1 taken offline and back, and a restart instead of a power-off at the end), and fc: MSG
# mode on platforms/optee-fastchannel.dts (FW.bin with that DTB in place of its own), whose
# fast channels for the guest's agent the firmware watches (docs/fastchannels.md).
#
# The expected values come from the platform DT: before the boots, optee-simd (BUILD_DIR)
# loads the same DTB and `scmi` reads it over OP-TEE (host/before, as make test-linux does),
# and sim_model_check runs the firmware's model check on the host. check.sh judges each boot
# from the guest's console and the firmware's (its counters, its model-check digest and the
# platform's state at power-off). Per configuration it prints the probe line, the SCMI
# messages the firmware served and the boot-to-verdict time.
# Environment: SCMI_LINUX_CACHE (tests/linux/setup.sh's cache), SCMI_LINUX_OPTEE_CONFIGS (a
# subset, e.g. "msg smp2 fc"), SCMI_LINUX_TIMEOUT (per boot, s, default 120), SCMI_LINUX_KEEP=1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

[ $# = 2 ] || die "usage: run.sh FW.bin BUILD_DIR"
fw=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
build=$(cd "$2" && pwd) || die "no build directory $2"
plat=$(dirname "$fw")/platform.dtb
daemon=$build/tools/optee-simd/optee-simd
cli=$build/tools/scmi/scmi
model=$build/tests/unit/firmware/sim_model_check
for f in "$fw" "$plat" "$daemon" "$cli" "$model"; do [ -e "$f" ] || die "missing $f"; done
timeout_s=${SCMI_LINUX_TIMEOUT:-120}
configs=${SCMI_LINUX_OPTEE_CONFIGS:-msg smt mixed pool smp2 fc}
fc_dts=$here/../../platforms/optee-fastchannel.dts

t_start=$(date +%s.%N)
"$here/../linux/setup.sh"
"$here/../linux/build-modules.sh"
. "$SCMI_LINUX_ENV"
work=$(mktemp -d /tmp/scmi-linux-optee.XXXXXX)
qemu_pid=
daemon_pid=
cleanup() {
	[ -n "$qemu_pid" ] && kill "$qemu_pid" 2>/dev/null || true
	[ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null || true
	if [ "${SCMI_LINUX_KEEP:-0}" = 1 ]; then log "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
"$here/mkinitramfs.sh" "$work/initrd.cpio.gz"

# The platform as its DT makes it, read by our own agent from optee-simd (the hosted build of
# the same platform code the firmware runs): read_host PLATFORM.dtb DIR fills DIR/before and
# DIR/model.txt.
scmi() { "$cli" --socket "$work/optee.sock" --timeout 2000 --json "$@"; }
jfield() { grep -o "\"$2\":\(\"[^\"]*\"\|[-0-9.a-z]*\)" "$1" | sed 's/^"[^"]*"://; s/^"//; s/"$//'; }
read_host() {
	local p=$1 hb=$2/before c d k f
	log "reading the platform DT's values over OP-TEE (optee-simd, scmi): $(basename "$p")"
	rm -f "$work/optee.sock"
	"$daemon" --socket "$work/optee.sock" --platform "$p" >"$work/daemon.log" 2>&1 &
	daemon_pid=$!
	for _ in $(seq 50); do
		[ -S "$work/optee.sock" ] && break
		kill -0 "$daemon_pid" 2>/dev/null || { cat "$work/daemon.log" >&2; die "optee-simd exited"; }
		sleep 0.1
	done
	mkdir -p "$hb"
	scmi info >"$hb/info.json"
	scmi clock list >"$hb/clocks.json"
	for c in $(jfield "$hb/clocks.json" id); do
		scmi clock rates "$c" | grep -o '"count":[0-9]*' | cut -d: -f2 >"$hb/clock-rates-$c.txt" || true
	done
	scmi perf list >"$hb/perf.json"
	for d in $(jfield "$hb/perf.json" id); do scmi perf levels "$d" >"$hb/perf-levels-$d.json"; done
	scmi voltage list >"$hb/voltage.json"
	scmi power list >"$hb/power.json"
	scmi reset list >"$hb/reset.json"
	scmi sensor list >"$hb/sensors.json"
	for k in pins groups functions; do scmi pinctrl list "$k" >"$hb/pinctrl-$k.json"; done
	scmi powercap list >"$hb/powercap.json"
	for f in "$hb"/*.json; do [ -s "$f" ] || die "scmi gave nothing for $(basename "$f") (see $work/daemon.log)"; done
	kill "$daemon_pid" 2>/dev/null || true
	wait "$daemon_pid" 2>/dev/null || true
	daemon_pid=
	"$model" "$p" >"$2/model.txt" || die "sim_model_check failed on $p"
}
read_host "$plat" "$work/host"
hb=$work/host/before
# fc: the firmware image with the fast-channel platform's DTB in place of its own (fw.bin is
# the code padded to 4 KiB, then the DTB: firmware/Makefile), and that platform's values.
case " $configs " in *" fc "*)
	mkdir -p "$work/fcfw"
	dtc -q -I dts -O dtb -o "$work/fcfw/platform.dtb" "$fc_dts" || die "dtc failed on $fc_dts"
	head -c $(($(stat -c %s "$fw") - $(stat -c %s "$plat"))) "$fw" >"$work/fcfw/fw.bin"
	cat "$work/fcfw/platform.dtb" >>"$work/fcfw/fw.bin"
	read_host "$work/fcfw/platform.dtb" "$work/host-fc"
	;;
esac

# What the guest will change: each CPU perf domain to a low OPP that differs between domains
# (the lowest if that is where it runs), and uart0 to half its rate (assigned-clock-rates).
freqs=
cpu_domains=
n=0
while read -r id name; do
	case $name in cpu*) ;; *) continue ;; esac
	lv=$hb/perf-levels-$id.json
	cur=$(awk -v d="$id" -F'\t' '$1 == d { print $2 }' <(paste <(jfield "$hb/perf.json" id) \
		<(jfield "$hb/perf.json" freq_hz)))
	f=$(jfield "$lv" freq_hz | sort -n | sed -n "$((n + 2))p")
	[ -n "$f" ] || f=$(jfield "$lv" freq_hz | sort -n | sed -n 1p)
	[ "$f" = "$cur" ] && f=$(jfield "$lv" freq_hz | sort -n | sed -n 1p)
	freqs=${freqs:+$freqs,}$((f / 1000))
	cpu_domains="$cpu_domains $id"
	n=$((n + 1))
done < <(paste <(jfield "$hb/perf.json" id) <(jfield "$hb/perf.json" name))
aclk=
uart_line=$(paste <(jfield "$hb/clocks.json" id) <(jfield "$hb/clocks.json" name) \
	<(jfield "$hb/clocks.json" rate_hz) | awk '$2 == "uart0"')
[ -n "$uart_line" ] && aclk="$(echo "$uart_line" | awk '{ print $1 "=" $3 / 2 }')"
t_setup=$(date +%s.%N)

# fc_nodes PLATFORM.dtb PROTO KIND: the ids of protocol@PROTO's KIND@N nodes with fastchannels.
fc_nodes() {
	local n ids=
	for n in $(fdtget -l "$1" "/scmi-platform/protocols/protocol@$2" 2>/dev/null); do
		case $n in "$3"@*) ;; *) continue ;; esac
		fdtget "$1" "/scmi-platform/protocols/protocol@$2/$n" fastchannels >/dev/null 2>&1 &&
			ids="$ids $(fdtget "$1" "/scmi-platform/protocols/protocol@$2/$n" reg)"
	done
	echo "${ids# }"
}

failed=
summary=
for cfg in $configs; do
	cfw=$fw cplat=$plat chost=host extra=
	case $cfg in
	msg | smt | mixed | pool) mode=$cfg smp=1 down=poweroff ;;
	smp2) mode=msg smp=2 down=reboot ;;
	fc)
		mode=msg smp=1 down=poweroff
		cfw=$work/fcfw/fw.bin cplat=$work/fcfw/platform.dtb chost=host-fc
		# The SCMI core's debug messages name each fast channel Linux maps (as make
		# test-linux's guest; the quotes are the DT string's).
		extra=' dyndbg=\"file drivers/firmware/arm_scmi/driver.c +p\"'
		;;
	*) die "unknown configuration $cfg (msg smt mixed pool smp2 fc)" ;;
	esac
	d=$work/$cfg
	mkdir -p "$d"
	# One CPU perf domain per vCPU.
	cfreqs=$(echo "$freqs" | cut -d, -f1-"$smp")
	cdoms=$(echo "$cpu_domains" | awk -v n="$smp" '{ for (i = 1; i <= n && i <= NF; i++) printf "%s%s", (i > 1 ? " " : ""), $i }')
	{
		echo "mode=$mode"
		echo "smp=$smp"
		echo "down=$down"
		echo "freqs='$cfreqs'"
		echo "cpu_domains='$cdoms'"
		echo "assigned_clock='$aclk'"
		echo "kernel='$KVER'"
		echo "plat='$cplat'"
		# The perf domains and powercap zones with fast channels (fastchannels; in the DT).
		echo "fc_domains='$(fc_nodes "$cplat" 13 domain)'"
		echo "fc_zones='$(fc_nodes "$cplat" 18 zone)'"
	} >"$d/plan.env"
	ln -s "../$chost" "$d/host"
	# cryptomgr.notests: the crypto self-tests cost about 1 s of the boot under TCG and
	# test nothing of ours.
	ASSIGNED_CLOCK=$aclk "$here/mkdtb.sh" "$cfw" "$cplat" "$mode" "$smp" "$d/guest.dtb" \
		"$work/initrd.cpio.gz" \
		"console=ttyAMA0 quiet cryptomgr.notests rdinit=/init optee_down=$down scmi_freqs=$cfreqs$extra"
	log "$cfg: booting $KVER (mode $mode, -smp $smp)"
	t0=$(date +%s.%N)
	rc=0
	# shellcheck disable=SC2046
	timeout "$timeout_s" qemu-system-aarch64 $(optee_machine_args "$cfw" "$smp") \
		-dtb "$d/guest.dtb" \
		-device loader,file="$KIMAGE",addr=$OPTEE_KERNEL_ADDR,force-raw=on \
		-device loader,file="$work/initrd.cpio.gz",addr=$OPTEE_INITRD_ADDR,force-raw=on \
		-serial file:"$d/console.log" -serial file:"$d/secure.log" </dev/null &
	qemu_pid=$!
	wait "$qemu_pid" || rc=$?
	qemu_pid=
	[ "$rc" = 124 ] && log "$cfg: QEMU timed out after ${timeout_s}s"
	[ "$rc" != 0 ] && [ "$rc" != 124 ] && log "$cfg: QEMU exited with $rc"
	v=0
	"$here/check.sh" "$d" >"$d/verdict.txt" || v=$?
	t1=$(date +%s.%N)
	probe=$(grep -o "SCMI Protocol v.*" "$d/console.log" | tr -d '\r' | head -n 1)
	served=$(grep -o 'SCMI messages served: .*' "$d/secure.log" | tr -d '\r' | tail -n 1)
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
	if [ "$v" = 0 ] && [ "$rc" = 0 ]; then res=PASS; else res=FAIL; failed="$failed $cfg"; fi
	echo "=== $cfg: $res (boot-to-verdict $secs s)"
	cat "$d/verdict.txt"
	echo "  probe:  ${probe:-none}"
	echo "  served: ${served:-nothing}"
	summary="$summary$(printf '%-6s %s  %5s s  %s' "$cfg" "$res" "$secs" "${served:-}")\n"
	if [ "$res" = FAIL ]; then
		echo "--- last console lines ($d/console.log) ---"
		tail -n 20 "$d/console.log"
		echo "--- secure console ($d/secure.log) ---"
		tail -n 20 "$d/secure.log"
		SCMI_LINUX_KEEP=1
	fi
done
t_end=$(date +%s.%N)
echo "=== summary"
printf "%b" "$summary"
awk -v a="$t_start" -v s="$t_setup" -v e="$t_end" 'BEGIN {
	printf "time: setup, initramfs and the platform DT'"'"'s values %.1f s, boots %.1f s, total %.1f s\n", s - a, e - s, e - a }'
[ -z "$failed" ] || { echo "failed:$failed"; exit 1; }
