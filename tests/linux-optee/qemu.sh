#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# qemu.sh FW.bin KERNEL [DTB] [INITRD]: make qemu-optee. Boots any arm64 kernel Image against
# the firmware under QEMU virt,secure=on, interactively (the guest's console on stdio, the
# firmware's in $SECURE_LOG). Without DTB, mkdtb.sh makes one for the platform the firmware
# serves (platform.dtb beside FW.bin; MODE, default msg; APPEND for extra bootargs). A given
# DTB is used as is, except that /chosen gets the initrd's range when INITRD is given. See
# firmware/README.md.
# Environment: SMP (default 1), MODE (msg|smt|mixed|pool), APPEND, SECURE_LOG (default
# secure.log beside FW.bin), QEMU_EXTRA (more QEMU options).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

[ $# -ge 2 ] || die "usage: qemu.sh FW.bin KERNEL [DTB] [INITRD]"
fw=$1 kernel=$2 dtb=${3:-} initrd=${4:-}
smp=${SMP:-1}
mode=${MODE:-msg}
secure_log=${SECURE_LOG:-$(dirname "$fw")/secure.log}
[ -n "$kernel" ] || die "KERNEL=<arm64 Image> is required"
for f in "$fw" "$kernel" ${dtb:+"$dtb"} ${initrd:+"$initrd"}; do [ -f "$f" ] || die "no file $f"; done
command -v qemu-system-aarch64 >/dev/null || die "qemu-system-aarch64 missing (tests/linux/setup.sh installs it)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The firmware enters a raw Image (arm64 magic "ARMd" at 0x38); unpack a gzip'd one.
if [ "$(od -An -c -j 56 -N 4 "$kernel" | tr -d ' ')" != ARMd ]; then
	gzip -dc "$kernel" >"$tmp/Image" 2>/dev/null || die "$kernel is neither a raw arm64 Image nor gzip'd"
	kernel=$tmp/Image
fi
if [ -z "$dtb" ]; then
	"$here/mkdtb.sh" "$fw" "$(dirname "$fw")/platform.dtb" "$mode" "$smp" "$tmp/guest.dtb" "$initrd" \
		"console=ttyAMA0 ${initrd:+rdinit=/init }${APPEND:-}"
	dtb=$tmp/guest.dtb
elif [ -n "$initrd" ]; then
	cp "$dtb" "$tmp/guest.dtb"
	dtb=$tmp/guest.dtb
	end=$((OPTEE_INITRD_ADDR + $(stat -c %s "$initrd")))
	fdtput -t x "$dtb" /chosen linux,initrd-start 0 "$OPTEE_INITRD_ADDR"
	fdtput -t x "$dtb" /chosen linux,initrd-end 0 "$(printf '%x' "$end")"
fi
log "firmware console: $secure_log"
# shellcheck disable=SC2046,SC2086
exec qemu-system-aarch64 $(optee_machine_args "$fw" "$smp") -dtb "$dtb" \
	-device loader,file="$kernel",addr=$OPTEE_KERNEL_ADDR,force-raw=on \
	${initrd:+-device loader,file="$initrd",addr=$OPTEE_INITRD_ADDR,force-raw=on} \
	-serial mon:stdio -serial file:"$secure_log" ${QEMU_EXTRA:-}
