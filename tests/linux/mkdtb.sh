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
	for p in $protos; do
		case $p in
		11) printf '\t\t\tscmi_power: protocol@11 {\n\t\t\t\treg = <0x11>;\n\t\t\t\t#power-domain-cells = <1>;\n' ;;
		13) printf '\t\t\tscmi_perf: protocol@13 {\n\t\t\t\treg = <0x13>;\n\t\t\t\t#clock-cells = <1>;\n\t\t\t\t#power-domain-cells = <1>;\n' ;;
		14)
			printf '\t\t\tscmi_clk: protocol@14 {\n\t\t\t\treg = <0x14>;\n\t\t\t\t#clock-cells = <1>;\n'
			# A rate the guest sets at probe (of_clk_set_defaults on the provider): the
			# harness reads it back from the host.
			if [ -n "${ASSIGNED_CLOCK:-}" ]; then
				printf '\t\t\t\tassigned-clocks = <&scmi_clk %s>;\n' "${ASSIGNED_CLOCK%%=*}"
				printf '\t\t\t\tassigned-clock-rates = <%s>;\n' "${ASSIGNED_CLOCK#*=}"
			fi
			;;
		15) printf '\t\t\tscmi_sensor: protocol@15 {\n\t\t\t\treg = <0x15>;\n\t\t\t\t#thermal-sensor-cells = <1>;\n' ;;
		16) printf '\t\t\tscmi_reset: protocol@16 {\n\t\t\t\treg = <0x16>;\n\t\t\t\t#reset-cells = <1>;\n' ;;
		17)
			printf '\t\t\tscmi_voltage: protocol@17 {\n\t\t\t\treg = <0x17>;\n'
			printf '\t\t\t\tregulators {\n\t\t\t\t\t#address-cells = <1>;\n\t\t\t\t\t#size-cells = <0>;\n'
			for d in $(fdtget -l "$plat" "$pp/protocol@17"); do
				r=$(fdtget "$plat" "$pp/protocol@17/$d" reg)
				# No regulator-name: Linux then shows the platform's own name. Always-on,
				# because the platform's perf domains run from these rails: Linux must not
				# switch them off as "unused" 30 s after boot.
				printf '\t\t\t\t\tregulator@%x {\n\t\t\t\t\t\treg = <%s>;\n' "$r" "$r"
				printf '\t\t\t\t\t\tregulator-always-on;\n\t\t\t\t\t};\n'
			done
			printf '\t\t\t\t};\n'
			;;
		19) printf '\t\t\tscmi_pinctrl: protocol@19 {\n\t\t\t\treg = <0x19>;\n' ;;
		*) printf '\t\t\tprotocol@%s {\n\t\t\t\treg = <0x%s>;\n' "$p" "$p" ;;
		esac
		printf '\t\t\t};\n'
	done
	printf '\t\t};\n\t};\n};\n'
	i=0
	for d in $cpu_domains; do
		[ "$i" -lt "$GUEST_SMP" ] || break
		printf '\n&{/cpus/cpu@%s} {\n\tclocks = <&scmi_perf %s>;\n};\n' "$i" "$d"
		i=$((i + 1))
	done
} >"$tmp/guest.dts"
cp "$tmp/guest.dts" "$out.dts"
dtc -q -I dts -O dtb -o "$out" "$tmp/guest.dts" || die "dtc failed on $out.dts"
