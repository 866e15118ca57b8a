#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# mkinitramfs.sh OUT.cpio.gz: tests/linux's initramfs (busybox) with a second archive appended
# that replaces /init by guest-init.sh and adds, in /optee-mods, the stock tee, optee and
# scmi_transport_optee modules of the selected Debian kernel (uncompressed: busybox insmod takes
# plain .ko). Linux unpacks concatenated archives in order, the later file winning.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
[ $# = 1 ] || die "usage: mkinitramfs.sh OUT.cpio.gz"
. "$SCMI_LINUX_ENV"
out=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$here/../linux/mkinitramfs.sh" "$tmp/base.cpio.gz"
root=$tmp/root
mkdir -p "$root/optee-mods"
cp "$here/guest-init.sh" "$root/init"
chmod 755 "$root/init"
mods=$KROOT/lib/modules/$KVER-arm64/kernel/drivers
for m in tee/tee optee/optee firmware/arm_scmi/transports/scmi_transport_optee; do
	f=$mods/$m.ko.xz
	[ -f "$f" ] || f=$mods/tee/$m.ko.xz
	[ -f "$f" ] || die "no $(basename "$m").ko.xz in the kernel package"
	xz -dc "$f" >"$root/optee-mods/$(basename "$m").ko"
done
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) | gzip -1 >"$tmp/optee.cpio.gz"
cat "$tmp/base.cpio.gz" "$tmp/optee.cpio.gz" >"$out"
