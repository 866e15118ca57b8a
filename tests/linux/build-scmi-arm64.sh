#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# build-scmi-arm64.sh [BUILD_DIR]: a static `scmi` for arm64 boards (make scmi-arm64), with
# Debian's cross compiler (gcc-aarch64-linux-gnu). libfdt for arm64 comes from Debian's
# libfdt-dev:arm64 package, downloaded and unpacked into $SCMI_LINUX_CACHE, never installed:
# installing it would replace the host's libfdt-dev (docs/linux-raw.md).
# Output: BUILD_DIR/tools/scmi/scmi (default BUILD_DIR: build-arm64 in the tree).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/common.sh"
build=${1:-$top/build-arm64}
case $build in /*) ;; *) build=$PWD/$build ;; esac

have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=
for p in gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu cmake ninja-build pkg-config \
	 device-tree-compiler; do
	have "$p" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	log "installing:$missing"
	$SUDO apt-get update -q >/dev/null
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing >/dev/null
fi

# libfdt-dev:arm64, unpacked (the index needs arm64 as a foreign architecture).
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	log "adding the arm64 architecture"
	$SUDO dpkg --add-architecture arm64
	$SUDO apt-get update -q >/dev/null
fi
ver=$(apt-cache policy libfdt-dev:arm64 | awk '/Candidate:/ { print $2 }')
[ -n "$ver" ] && [ "$ver" != "(none)" ] || die "no libfdt-dev:arm64 candidate (apt-get update?)"
fdt=$SCMI_LINUX_CACHE/libfdt-arm64-$(echo "$ver" | tr : _)
if [ ! -f "$fdt/usr/lib/aarch64-linux-gnu/libfdt.a" ]; then
	if ! mkdir -p "$fdt.tmp" 2>/dev/null; then
		$SUDO mkdir -p "$SCMI_LINUX_CACHE"
		$SUDO chown "$(id -u):$(id -g)" "$SCMI_LINUX_CACHE"
		mkdir -p "$fdt.tmp"
	fi
	log "downloading libfdt-dev:arm64=$ver"
	(cd "$fdt.tmp" && apt-get download -q "libfdt-dev:arm64=$ver" >/dev/null 2>.err) ||
		{ cat "$fdt.tmp/.err" >&2; die "cannot download libfdt-dev:arm64=$ver"; }
	rm -rf "$fdt"
	dpkg-deb -x "$fdt.tmp"/libfdt-dev_*_arm64.deb "$fdt"
	rm -rf "$fdt.tmp"
fi

# Only the CLI: the tests, the daemon and the benchmarks are host tools.
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSCMI_BUILD_TESTS=OFF \
	-DCMAKE_SYSTEM_NAME=Linux -DCMAKE_SYSTEM_PROCESSOR=aarch64 \
	-DCMAKE_C_COMPILER=aarch64-linux-gnu-gcc \
	-DFDT_INCLUDE_DIR="$fdt/usr/include" \
	-DFDT_LIBRARY="$fdt/usr/lib/aarch64-linux-gnu/libfdt.a" \
	-DCMAKE_EXE_LINKER_FLAGS="-static" >"$build.cmake.log" 2>&1 ||
	{ cat "$build.cmake.log" >&2; die "cmake (arm64) failed"; }
rm -f "$build.cmake.log"
cmake --build "$build" --target scmi-cli -- -j"${SCMI_JOBS:-2}"
out=$build/tools/scmi/scmi
aarch64-linux-gnu-strip "$out"
# Static and for arm64, or a board cannot run it.
aarch64-linux-gnu-readelf -h "$out" | grep -q 'Machine:.*AArch64' || die "$out is not AArch64"
if aarch64-linux-gnu-readelf -l "$out" | grep -q 'INTERP'; then
	die "$out is not static"
fi
log "static arm64 scmi: $out ($(wc -c <"$out") bytes)"
