#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# mkdtb.sh PLATFORM.dtb OUT.dtb: the guest's DT = QEMU's own virt DT (dumped with the machine
# options of common.sh) plus /firmware/scmi (arm,scmi-virtio) with one protocol@NN child per
# protocol the platform DT lists, regulators for its voltage domains, and the CPUs bound to its
# CPU perf domains (clocks = <&scmi_perf N>: what Linux 6.12's scmi-cpufreq looks for).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
# shellcheck disable=SC1091
. "$here/protocol-nodes.sh"
[ $# = 2 ] || die "usage: mkdtb.sh PLATFORM.dtb OUT.dtb"
plat=$1
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck disable=SC2046
qemu-system-aarch64 $(qemu_machine_args) -M virt,dumpdtb="$tmp/virt.dtb" >"$tmp/qemu.log" 2>&1 ||
	{ cat "$tmp/qemu.log" >&2; die "qemu dumpdtb failed"; }
dtc -q -I dtb -O dts -o "$tmp/virt.dts" "$tmp/virt.dtb"

pp=/scmi-platform/protocols
protos=$(fdtget -l "$plat" "$pp" | sed -n 's/^protocol@//p')
[ -n "$protos" ] || die "$plat lists no protocols under $pp"

# Perf domains whose name starts with "cpu" drive the vCPUs, in domain order.
cpu_domains=
if echo "$protos" | grep -qx 13; then
	for d in $(fdtget -l "$plat" "$pp/protocol@13"); do
		name=$(fdtget -t s "$plat" "$pp/protocol@13/$d" domain-name 2>/dev/null || true)
		case $name in cpu*) cpu_domains="$cpu_domains $(fdtget "$plat" "$pp/protocol@13/$d" reg)" ;; esac
	done
fi

{
	cat "$tmp/virt.dts"
	cat <<'DTS'

/ {
	firmware {
		scmi {
			compatible = "arm,scmi-virtio";
			#address-cells = <1>;
			#size-cells = <0>;
DTS
	protocol_nodes
	printf '\t\t};\n\t};\n};\n'
	# The platform's fast-channel regions are guest memory the kernel must leave alone: no-map
	# (Linux ioremaps what DESCRIBE_FASTCHANNEL names; docs/fastchannels.md).
	for rn in $(fdtget -l "$plat" /reserved-memory 2>/dev/null); do
		fdtget -t s "$plat" "/reserved-memory/$rn" compatible 2>/dev/null |
			grep -qx 'scmi-optee,fastchannels' || continue
		printf '\n/ {\n\treserved-memory {\n\t\t#address-cells = <2>;\n\t\t#size-cells = <2>;\n'
		printf '\t\tranges;\n\t\t%s {\n\t\t\treg = <%s>;\n\t\t\tno-map;\n\t\t};\n\t};\n};\n' \
			"$rn" "$(fdtget -t x "$plat" "/reserved-memory/$rn" reg | sed 's/[0-9a-f][0-9a-f]*/0x&/g')"
	done
	i=0
	for d in $cpu_domains; do
		[ "$i" -lt "$GUEST_SMP" ] || break
		printf '\n&{/cpus/cpu@%s} {\n\tclocks = <&scmi_perf %s>;\n};\n' "$i" "$d"
		i=$((i + 1))
	done
} >"$tmp/guest.dts"
cp "$tmp/guest.dts" "$out.dts"
dtc -q -I dts -O dtb -o "$out" "$tmp/guest.dts" || die "dtc failed on $out.dts"
