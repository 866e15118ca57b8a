#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# run.sh FW.bin: make test-linux-optee. Debian's unmodified arm64 kernel, with its stock tee,
# optee and scmi_transport_optee modules, boots under QEMU virt,secure=on against our EL3
# firmware (firmware/), in each configuration: MSG mode, static SMT mode, mixed (Base on MSG
# channel 0, power domains on SMT channel 1), the static shared-memory pool, and -smp 2 (with CPU1
# taken offline and back, and a restart instead of a power-off at the end). Each
# boot is judged by check.sh; per configuration it prints the probe line, the SCMI messages the
# firmware served and the boot-to-verdict time.
# Environment: SCMI_LINUX_CACHE (tests/linux/setup.sh's cache), SCMI_LINUX_OPTEE_CONFIGS (a
# subset, e.g. "msg smp2"), SCMI_LINUX_TIMEOUT (per boot, s, default 120), SCMI_LINUX_KEEP=1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

[ $# = 1 ] || die "usage: run.sh FW.bin"
fw=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -f "$fw" ] || die "no firmware image $1"
timeout_s=${SCMI_LINUX_TIMEOUT:-120}
configs=${SCMI_LINUX_OPTEE_CONFIGS:-msg smt mixed pool smp2}

t_start=$(date +%s.%N)
"$here/../linux/setup.sh"
. "$SCMI_LINUX_ENV"
work=$(mktemp -d /tmp/scmi-linux-optee.XXXXXX)
qemu_pid=
cleanup() {
	[ -n "$qemu_pid" ] && kill "$qemu_pid" 2>/dev/null || true
	if [ "${SCMI_LINUX_KEEP:-0}" = 1 ]; then log "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
"$here/mkinitramfs.sh" "$work/initrd.cpio.gz"
t_setup=$(date +%s.%N)

failed=
summary=
for cfg in $configs; do
	case $cfg in
	msg | smt | mixed | pool) mode=$cfg smp=1 down=poweroff ;;
	smp2) mode=msg smp=2 down=reboot ;;
	*) die "unknown configuration $cfg (msg smt mixed pool smp2)" ;;
	esac
	d=$work/$cfg
	mkdir -p "$d"
	# cryptomgr.notests: the crypto self-tests cost about 1 s of the boot under TCG and
	# test nothing of ours.
	"$here/mkdtb.sh" "$fw" "$mode" "$smp" "$d/guest.dtb" "$work/initrd.cpio.gz" \
		"console=ttyAMA0 quiet cryptomgr.notests rdinit=/init optee_down=$down"
	log "$cfg: booting $KVER (mode $mode, -smp $smp)"
	t0=$(date +%s.%N)
	rc=0
	# shellcheck disable=SC2046
	timeout "$timeout_s" qemu-system-aarch64 $(optee_machine_args "$fw" "$smp") \
		-dtb "$d/guest.dtb" \
		-device loader,file="$KIMAGE",addr=$OPTEE_KERNEL_ADDR,force-raw=on \
		-device loader,file="$work/initrd.cpio.gz",addr=$OPTEE_INITRD_ADDR,force-raw=on \
		-serial file:"$d/console.log" -serial file:"$d/secure.log" </dev/null || rc=$?
	[ "$rc" = 124 ] && log "$cfg: QEMU timed out after ${timeout_s}s"
	[ "$rc" != 0 ] && [ "$rc" != 124 ] && log "$cfg: QEMU exited with $rc"
	v=0
	"$here/check.sh" "$d" "$mode" "$smp" "$down" >"$d/verdict.txt" || v=$?
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
	printf "time: setup+initramfs %.1f s, boots %.1f s, total %.1f s\n", s - a, e - s, e - a }'
[ -z "$failed" ] || { echo "failed:$failed"; exit 1; }
