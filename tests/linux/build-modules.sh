#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Cross-build, out of tree and from Debian's own linux-source, the SCMI modules the selected
# Debian kernel lacks (its config says "is not set"), against its linux-headers and the host
# linux-kbuild. Output: $SCMI_LINUX_CACHE/modules-$KVER/*.ko (cached; rebuilt when this
# script changes). Run setup.sh first.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
[ -f "$SCMI_LINUX_ENV" ] || die "run setup.sh first"
. "$SCMI_LINUX_ENV"

out=$SCMI_LINUX_CACHE/modules-$KVER
stamp=$(cksum <"$0" | cut -d' ' -f1)
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ]; then
	log "modules cached in $out"
	exit 0
fi

# symbol | module | source files under drivers/ (the first is the module's object)
table="ARM_SCMI_TRANSPORT_VIRTIO|scmi_transport_virtio|firmware/arm_scmi/transports/virtio.c
SENSORS_ARM_SCMI|scmi-hwmon|hwmon/scmi-hwmon.c
ARM_SCMI_CPUFREQ|scmi-cpufreq|cpufreq/scmi-cpufreq.c
REGULATOR_ARM_SCMI|scmi-regulator|regulator/scmi-regulator.c
PINCTRL_SCMI|pinctrl-scmi|pinctrl/pinctrl-scmi.c
ARM_SCMI_POWER_CONTROL|scmi_power_control|firmware/arm_scmi/scmi_power_control.c"

is_unset() { ! grep -Eq "^CONFIG_$1=(y|m)" "$KCONFIG"; }

work=$SCMI_LINUX_CACHE/modbuild-$KVER
rm -rf "$work" "$out"
mkdir -p "$work/src" "$out"
top=linux-source-$KMM
log "extracting the SCMI sources from $(basename "$KSRC_TAR")"
tar -xJf "$KSRC_TAR" -C "$work/src" --wildcards "$top/drivers/firmware/arm_scmi/*" \
	"$top/drivers/cpufreq/scmi-cpufreq.c" "$top/drivers/hwmon/scmi-hwmon.c" \
	"$top/drivers/regulator/scmi-regulator.c" "$top/drivers/pinctrl/*.h" \
	"$top/drivers/pinctrl/pinctrl-scmi.c"

# One flat external module directory beside the SCMI core's private headers, so that the
# transport's "../common.h" and pinctrl's "core.h" both resolve.
ext=$work/src/$top/drivers/firmware/arm_scmi/ext
mkdir -p "$ext"
cp "$work/src/$top/drivers/pinctrl/"*.h "$ext/"
: >"$ext/Kbuild"
mods=
echo "$table" | while IFS='|' read -r sym mod file; do
	if is_unset "$sym"; then
		cp "$work/src/$top/drivers/$file" "$ext/$mod.c"
		echo "obj-m += $mod.o" >>"$ext/Kbuild"
	fi
done
[ -s "$ext/Kbuild" ] || { log "the kernel has every SCMI driver we use"; echo "$stamp" >"$out/.stamp"; exit 0; }
log "building: $(sed 's/obj-m += //' "$ext/Kbuild" | tr '\n' ' ')"
# Debian's arch header Makefile includes the common headers by an absolute /usr/src path: point
# it at our extracted copy (the scripts/ and tools/ symlinks are relative, so they already work).
hdr=$KHEADERS
sed -i "s|^include /usr/src/|include $KROOT/usr/src/|" "$hdr/Makefile"

# No pahole here: skip BTF for the modules (the kernel does not require it).
make -s -C "$hdr" M="$ext" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- \
	CONFIG_DEBUG_INFO_BTF_MODULES= -j"$(nproc)" modules >"$work/build.log" 2>&1 ||
	{ tail -n 40 "$work/build.log" >&2; die "module build failed (log: $work/build.log)"; }
cp "$ext"/*.ko "$out/"
echo "$stamp" >"$out/.stamp"
log "modules in $out: $(cd "$out" && ls *.ko | tr '\n' ' ')"
