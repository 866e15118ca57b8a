#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# The small raw-mode kernel of make test-linux-raw, from the same Debian linux-source setup.sh
# selected: allnoconfig + raw-kernel.config, Image only. About 10 minutes on 2 cores the first
# time; cached as $SCMI_LINUX_CACHE/raw-$KVER/Image (rebuilt when the fragment or the recipe
# below changes, not when comments or logging of this script do). SCMI_LINUX_JOBS: make -j
# (default: the number of cores + 1).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
[ -f "$SCMI_LINUX_ENV" ] || die "run setup.sh first"
. "$SCMI_LINUX_ENV"

out=$SCMI_LINUX_CACHE/raw-$KVER
recipe="allnoconfig merge_config olddefconfig Image"
stamp=$({ cat "$here/raw-kernel.config"; echo "$recipe"; } | cksum | cut -d' ' -f1)
if [ -f "$out/Image" ] && [ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ]; then
	log "raw-mode kernel cached: $out/Image"
	exit 0
fi
missing=
for p in bc bison flex libssl-dev libelf-dev; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	log "installing:$missing"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing >/dev/null
fi
src=$out/linux-source-$KMM
if [ ! -f "$src/Makefile" ]; then
	log "extracting $(basename "$KSRC_TAR")"
	mkdir -p "$out"
	tar -xJf "$KSRC_TAR" -C "$out"
fi
mk() { make -C "$src" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- "$@"; }
log "configuring (allnoconfig + raw-kernel.config)"
mk -s allnoconfig >/dev/null
(cd "$src" && ARCH=arm64 scripts/kconfig/merge_config.sh -m .config "$here/raw-kernel.config" >/dev/null)
mk -s olddefconfig >/dev/null
for s in $(grep -o '^CONFIG_[A-Z0-9_]*=y' "$here/raw-kernel.config"); do
	grep -qx "$s" "$src/.config" || die "the raw kernel config lost $s"
done
jobs=${SCMI_LINUX_JOBS:-$(($(nproc) + 1))}
log "building Image with $jobs jobs (log: $out/build.log)"
mk -j"$jobs" Image >"$out/build.log" 2>&1 ||
	{ tail -n 30 "$out/build.log" >&2; die "raw kernel build failed"; }
cp "$src/arch/arm64/boot/Image" "$out/Image"
echo "$stamp" >"$out/.stamp"
log "raw-mode kernel: $out/Image"
