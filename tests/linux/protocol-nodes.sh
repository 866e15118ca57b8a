# SPDX-License-Identifier: BSD-3-Clause
# Sourced by both guests' DT builders (tests/linux/mkdtb.sh, tests/linux-optee/mkdtb.sh): the
# SCMI protocol nodes of the guest DT, one per protocol of the platform DT, with the provider
# cells Linux's consumers need.
# shellcheck shell=bash

# protocol_nodes: print the protocol@ nodes for the protocols in $protos of platform DTB
# $plat (its protocols under $pp); a perf node gets $perf_chan's lines (a channel of its own)
# when set, the clock node $ASSIGNED_CLOCK's rate (CLOCK=HZ) when set.
protocol_nodes() {
	for p in $protos; do
		case $p in
		11) printf '\t\t\tscmi_power: protocol@11 {\n\t\t\t\treg = <0x11>;\n\t\t\t\t#power-domain-cells = <1>;\n' ;;
		13)
			printf '\t\t\tscmi_perf: protocol@13 {\n\t\t\t\treg = <0x13>;\n\t\t\t\t#clock-cells = <1>;\n\t\t\t\t#power-domain-cells = <1>;\n'
			[ -n "${perf_chan:-}" ] && printf '\t\t\t\t%s\n' "$perf_chan"
			;;
		14)
			printf '\t\t\tscmi_clk: protocol@14 {\n\t\t\t\treg = <0x14>;\n\t\t\t\t#clock-cells = <1>;\n'
			# A rate the guest sets at probe (of_clk_set_defaults on the provider): the
			# harness reads it back (host, or the firmware's state at power-off).
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
				# Always-on: the platform's perf domains run from these rails, and Linux
				# must not switch them off as unused.
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
}
