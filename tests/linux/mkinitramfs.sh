#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# mkinitramfs.sh OUT.cpio.gz: busybox-static (arm64), guest-init.sh as /init, and in /mods the
# modules build-modules.sh made plus virtio_mmio from the kernel package (uncompressed: busybox
# insmod takes plain .ko). With SCMI_ARM64_CLI set, that static arm64 scmi as /bin/scmi
# (make test-linux-raw). Run setup.sh and build-modules.sh first.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
[ $# = 1 ] || die "usage: mkinitramfs.sh OUT.cpio.gz"
. "$SCMI_LINUX_ENV"
out=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

root=$tmp/root
mkdir -p "$root/bin" "$root/mods" "$root/proc" "$root/sys" "$root/dev" "$root/tmp"
cp "$BUSYBOX" "$root/bin/busybox"
cp "$here/guest-init.sh" "$root/init"
chmod 755 "$root/init" "$root/bin/busybox"
if [ -n "${SCMI_ARM64_CLI:-}" ]; then
	[ -f "$SCMI_ARM64_CLI" ] || die "no arm64 scmi at $SCMI_ARM64_CLI (make scmi-arm64)"
	cp "$SCMI_ARM64_CLI" "$root/bin/scmi"
	chmod 755 "$root/bin/scmi"
fi
cp "$SCMI_LINUX_CACHE/modules-$KVER/"*.ko "$root/mods/" 2>/dev/null || true
vm=$(find "$KROOT/lib/modules/$KVER-arm64" -name 'virtio_mmio.ko*' | head -n 1)
if [ -n "$vm" ]; then
	case $vm in
	*.xz) xz -dc "$vm" >"$root/mods/virtio_mmio.ko" ;;
	*) cp "$vm" "$root/mods/virtio_mmio.ko" ;;
	esac
fi
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) | gzip -1 >"$out"
