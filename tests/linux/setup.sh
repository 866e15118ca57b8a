#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Everything `make test-linux` needs from Debian, on a Debian 12 machine (root or sudo):
#   - bookworm-backports enabled on the mirror the machine already uses, arm64 as a foreign arch;
#   - QEMU >= 8.1 (vhost-user-scmi) from backports, the aarch64 cross compiler, dtc, cpio;
#   - the arm64 kernel: the newest linux-image-*-arm64-unsigned in backports whose headers,
#     kbuild (host arch) and linux-source of the SAME version exist, so the test follows Debian's
#     updates; with busybox-static:arm64. The .debs are cached and extracted under
#     $SCMI_LINUX_CACHE, and the choice is written to $SCMI_LINUX_CACHE/selected.env.
# Set SCMI_LINUX_APT_UPDATE=1 to force `apt-get update`; it also runs when the lists are
# missing or older than a day.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ -n "$codename" ] || die "cannot tell the Debian codename from /etc/os-release"
bpo=$codename-backports
hostarch=$(dpkg --print-architecture)
need_update=${SCMI_LINUX_APT_UPDATE:-0}

if ! mkdir -p "$SCMI_LINUX_CACHE/debs" 2>/dev/null; then
	$SUDO mkdir -p "$SCMI_LINUX_CACHE/debs"
	$SUDO chown -R "$(id -u):$(id -g)" "$SCMI_LINUX_CACHE"
fi

# The first Debian mirror URI that serves "$codename" itself, from deb822 or one-line sources.
find_mirror() {
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk -v s="$codename" 'BEGIN { RS = "" } {
			uri = ""; ok = 0
			n = split($0, l, "\n")
			for (i = 1; i <= n; i++) {
				if (l[i] ~ /^URIs:/) { split(l[i], w, " "); uri = w[2] }
				if (l[i] ~ /^Suites:/) {
					m = split(l[i], w, " ")
					for (j = 2; j <= m; j++) if (w[j] == s) ok = 1
				}
			}
			if (ok && uri != "") { print uri; exit }
		}' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -e 's/\[[^]]*\]//' "$f" | awk -v s="$codename" '$1 == "deb" && $3 == s { print $2; exit }'
	done
}

sources_have_bpo() {
	grep -Eqs "^[^#]*([[:space:]]|^Suites:.*)$bpo([[:space:]]|$)" \
		/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources
}

if ! sources_have_bpo; then
	mirror=$(find_mirror | head -n 1)
	[ -n "$mirror" ] || die "no apt source serves '$codename'; cannot add $bpo"
	log "enabling $bpo from $mirror"
	$SUDO tee /etc/apt/sources.list.d/scmi-optee-backports.sources >/dev/null <<SRC
# Added by scmi-optee tests/linux/setup.sh (make test-linux): QEMU with vhost-user-scmi and
# the arm64 kernel the test boots.
Types: deb
URIs: $mirror
Suites: $bpo
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
	need_update=1
fi

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	log "adding the arm64 architecture"
	$SUDO dpkg --add-architecture arm64
	need_update=1
fi

lists=/var/lib/apt/lists
arm64_list=$(ls "$lists"/*"_dists_${bpo}_main_binary-arm64_Packages"* 2>/dev/null | head -n 1 || true)
if [ -z "$arm64_list" ] || [ -n "$(find "$arm64_list" -mmin +1440 2>/dev/null)" ]; then
	need_update=1
fi
if [ "$need_update" = 1 ]; then
	log "apt-get update"
	$SUDO apt-get update -q >/dev/null || die "apt-get update failed"
fi

# Host tools. QEMU must have vhost-user-scmi (8.1+): bookworm's 7.2 lacks it.
host_pkgs="gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu make cpio device-tree-compiler xz-utils"
missing=
for p in $host_pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	log "installing:$missing"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing >/dev/null
fi
if ! { command -v qemu-system-aarch64 >/dev/null &&
       qemu-system-aarch64 -device help 2>/dev/null | grep -q '"vhost-user-scmi-pci"'; }; then
	log "installing qemu-system-arm from $bpo"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q -t "$bpo" qemu-system-arm >/dev/null
	qemu-system-aarch64 -device help 2>/dev/null | grep -q '"vhost-user-scmi-pci"' ||
		die "qemu-system-aarch64 has no vhost-user-scmi-pci device"
fi

# "package version" for every stanza of a Packages index (compressed or not).
index() {
	/usr/lib/apt/apt-helper cat-file "$1" | awk '
		/^Package:/ { p = $2 } /^Version:/ { v = $2 }
		/^$/ { if (p != "") print p, v; p = "" }
		END { if (p != "") print p, v }'
}
idx_arm64=$SCMI_LINUX_CACHE/index-arm64.txt
idx_host=$SCMI_LINUX_CACHE/index-$hostarch.txt
: >"$idx_arm64"
: >"$idx_host"
for f in "$lists"/*"_dists_${bpo}_main_binary-arm64_Packages"*; do
	[ -f "$f" ] && index "$f" >>"$idx_arm64"
done
for f in "$lists"/*"_dists_${bpo}_main_binary-${hostarch}_Packages"*; do
	[ -f "$f" ] && index "$f" >>"$idx_host"
done
[ -s "$idx_arm64" ] || die "no arm64 package index for $bpo (apt-get update?)"

has() { grep -qx "$2 $3" "$1"; }

# Newest image first; skip flavours (rt, cloud, 16k) by the shape of the ABI name.
best=
for line in $(sed -n 's/^\(linux-image-\([0-9][0-9.]*\(-[0-9][0-9]*\)\{0,1\}+deb[0-9a-z]*\)-arm64-unsigned\) \(.*\)$/\2|\4/p' \
		"$idx_arm64" | sort -t'|' -k2 -u); do
	abi=${line%%|*}
	ver=${line#*|}
	mm=$(echo "$abi" | sed 's/^\([0-9]*\.[0-9]*\).*/\1/')
	if has "$idx_arm64" "linux-headers-$abi-arm64" "$ver" &&
	   { has "$idx_arm64" "linux-headers-$abi-common" "$ver" ||
	     has "$idx_host" "linux-headers-$abi-common" "$ver"; } &&
	   has "$idx_host" "linux-kbuild-$abi" "$ver" &&
	   { has "$idx_host" "linux-source-$mm" "$ver" || has "$idx_arm64" "linux-source-$mm" "$ver"; }; then
		if [ -z "$best" ] || dpkg --compare-versions "$ver" gt "${best#*|}"; then
			best="$abi|$ver"
		fi
	else
		log "skipping $abi ($ver): headers, kbuild or source of that version missing in $bpo"
	fi
done
[ -n "$best" ] || die "no linux-image-*-arm64-unsigned in $bpo with headers, kbuild and source"
KVER=${best%%|*}
PKGVER=${best#*|}
KMM=$(echo "$KVER" | sed 's/^\([0-9]*\.[0-9]*\).*/\1/')
log "kernel: $KVER ($PKGVER)"

# Download (cached) and extract (once) one package.
debs=$SCMI_LINUX_CACHE/debs
fetch() { # name arch version
	f="$debs/${1}_$(echo "$3" | sed 's/:/%3a/g')_$2.deb"
	if [ ! -s "$f" ]; then
		log "downloading $1:$2=$3"
		(cd "$debs" && apt-get download -q "$1:$2=$3" >/dev/null 2>"$debs/.err") ||
			{ cat "$debs/.err" >&2; die "cannot download $1:$2=$3"; }
	fi
	echo "$f"
}

kdir=$SCMI_LINUX_CACHE/kernel-$KVER
if [ ! -f "$kdir/.extracted" ]; then
	rm -rf "$kdir"
	mkdir -p "$kdir/root"
	for spec in "linux-image-$KVER-arm64-unsigned arm64" "linux-headers-$KVER-arm64 arm64" \
		    "linux-headers-$KVER-common all" "linux-kbuild-$KVER $hostarch" \
		    "linux-source-$KMM all"; do
		set -- $spec
		dpkg-deb -x "$(fetch "$1" "$2" "$PKGVER")" "$kdir/root"
	done
	touch "$kdir/.extracted"
fi

bbver=$(apt-cache policy busybox-static:arm64 | awk '/Candidate:/ { print $2 }')
[ -n "$bbver" ] && [ "$bbver" != "(none)" ] || die "no busybox-static:arm64 candidate"
bbdir=$SCMI_LINUX_CACHE/busybox-$(echo "$bbver" | tr : _)
if [ ! -x "$bbdir/bin/busybox" ]; then
	rm -rf "$bbdir"
	mkdir -p "$bbdir"
	dpkg-deb -x "$(fetch busybox-static arm64 "$bbver")" "$bbdir"
fi

cat >"$SCMI_LINUX_ENV" <<ENV
KVER=$KVER
PKGVER=$PKGVER
KMM=$KMM
KROOT=$kdir/root
KIMAGE=$kdir/root/boot/vmlinuz-$KVER-arm64
KCONFIG=$kdir/root/boot/config-$KVER-arm64
KHEADERS=$kdir/root/usr/src/linux-headers-$KVER-arm64
KSRC_TAR=$kdir/root/usr/src/linux-source-$KMM.tar.xz
BUSYBOX=$bbdir/bin/busybox
ENV
log "selection written to $SCMI_LINUX_ENV"
