#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# fetch-libfdt.sh: print the directory of Debian's libfdt-dev for arm64 (usr/include,
# usr/lib/aarch64-linux-gnu/libfdt.a), downloaded and unpacked into $SCMI_LINUX_CACHE if
# it is not there yet. Never installed: libfdt-dev:arm64 is not co-installable with the
# host's libfdt-dev and would replace it (shared/reference/optee-smc-abi.md §9). The
# firmware links the static library as it is: freestanding, it needs only mem*/str*,
# strtoul and the stack protector's two symbols (lib/).
set -eu
cache=${SCMI_LINUX_CACHE:-/var/cache/scmi-optee-linux}
log() { printf '[firmware] %s\n' "$*" >&2; }
die() { printf '[firmware] error: %s\n' "$*" >&2; exit 1; }
if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi

# Already unpacked (any version): use it without asking apt.
for d in "$cache"/libfdt-arm64-*; do
	if [ -f "$d/usr/lib/aarch64-linux-gnu/libfdt.a" ] && [ -f "$d/usr/include/libfdt.h" ]; then
		echo "$d"
		exit 0
	fi
done
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	log "adding the arm64 architecture"
	$SUDO dpkg --add-architecture arm64
	$SUDO apt-get update -q >/dev/null
fi
ver=$(apt-cache policy libfdt-dev:arm64 | awk '/Candidate:/ { print $2 }')
if [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
	$SUDO apt-get update -q >/dev/null
	ver=$(apt-cache policy libfdt-dev:arm64 | awk '/Candidate:/ { print $2 }')
fi
[ -n "$ver" ] && [ "$ver" != "(none)" ] || die "no libfdt-dev:arm64 candidate"
dir=$cache/libfdt-arm64-$(echo "$ver" | tr : _)
if ! mkdir -p "$dir.tmp" 2>/dev/null; then
	$SUDO mkdir -p "$cache"
	$SUDO chown "$(id -u):$(id -g)" "$cache"
	mkdir -p "$dir.tmp"
fi
log "downloading libfdt-dev:arm64=$ver"
(cd "$dir.tmp" && apt-get download -q "libfdt-dev:arm64=$ver" >/dev/null 2>.err) ||
	{ cat "$dir.tmp/.err" >&2; die "cannot download libfdt-dev:arm64=$ver"; }
rm -rf "$dir"
dpkg-deb -x "$dir.tmp"/libfdt-dev_*_arm64.deb "$dir"
rm -rf "$dir.tmp"
echo "$dir"
