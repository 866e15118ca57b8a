#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# mkdtb.sh FW.bin PLATFORM.dtb MODE SMP OUT.dtb [INITRD] [BOOTARGS]: the guest's DT for the
# firmware = QEMU's own virt,secure=on DT (dumped with the same -bios) plus what firmware would
# add: PSCI (enable-method on each CPU), /firmware/optee (linaro,optee-tz, SMC),
# /firmware/scmi (linaro,scmi-optee) with one protocol@NN child per protocol the platform DT
# lists (as tests/linux/mkdtb.sh does for virtio: power domains, perf with the CPUs bound to
# the CPU perf domains, clocks, sensors, reset, regulators, pins), the reserved regions the
# mode needs, the platform DT's fast-channel regions (no-map), and /chosen (bootargs, initrd:
# -append and -initrd need -kernel, which firmware boot has not). The channels are the platform's first agent's: its channel without static
# memory for MSG, its channel with an arm,scmi-shmem region for SMT (the region where the
# firmware puts it, common.sh's ns_shmem).
# MODE: msg (every protocol on the MSG channel), smt (every protocol on the SMT channel),
# mixed (Base and the rest on the MSG channel, perf on the SMT channel), pool (msg, with the
# static shared-memory pool instead of dynamic shared memory).
# ASSIGNED_CLOCK=ID=HZ (environment): a clock rate the guest sets at probe.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
# shellcheck disable=SC1091
. "$here/../linux/protocol-nodes.sh"
[ $# -ge 5 ] || die "usage: mkdtb.sh FW.bin PLATFORM.dtb MODE SMP OUT.dtb [INITRD] [BOOTARGS]"
fw=$1 plat=$2 mode=$3 smp=$4 out=$5
initrd=${6:-}
bootargs=${7:-console=ttyAMA0 quiet rdinit=/init}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck disable=SC2046
qemu-system-aarch64 $(optee_machine_args "$fw" "$smp") -M virt,secure=on,dumpdtb="$tmp/virt.dtb" \
	>"$tmp/qemu.log" 2>&1 || { cat "$tmp/qemu.log" >&2; die "qemu dumpdtb failed"; }
dtc -q -I dtb -O dts -o "$tmp/virt.dts" "$tmp/virt.dtb"

hex() { printf '0x%x' "$1"; }
pp=/scmi-platform/protocols
protos=$(fdtget -l "$plat" "$pp" | sed -n 's/^protocol@//p')
[ -n "$protos" ] || die "$plat lists no protocols under $pp"
plat_channels "$plat" >"$tmp/channels"
agent=$(awk 'NR == 1 { print $2 }' "$tmp/channels")
msg_ch=$(awk -v a="$agent" '$2 == a && $3 == "-" { print $1; exit }' "$tmp/channels")
smt_line=$(awk -v a="$agent" '$2 == a && $3 != "-" { print; exit }' "$tmp/channels")
smt_ch=${smt_line%% *}
case $mode in
msg | pool) [ -n "$msg_ch" ] || die "agent $agent has no channel without static memory" ;;
smt | mixed) [ -n "$smt_line" ] || die "agent $agent has no channel with static memory" ;;
*) die "MODE must be msg, smt, mixed or pool" ;;
esac
if [ -n "$smt_line" ]; then
	set -- $smt_line
	smt_size=$4
	smt_ns=$(ns_shmem "$plat" "$3")
fi

# Perf domains whose name starts with "cpu" drive the vCPUs, in domain order.
cpu_domains=
if echo "$protos" | grep -qx 13; then
	for d in $(fdtget -l "$plat" "$pp/protocol@13"); do
		name=$(fdtget -t s "$plat" "$pp/protocol@13/$d" domain-name 2>/dev/null || true)
		case $name in cpu*) cpu_domains="$cpu_domains $(fdtget "$plat" "$pp/protocol@13/$d" reg)" ;; esac
	done
fi

case $mode in
msg | pool) scmi_chan=$msg_ch scmi_shmem= perf_chan= ;;
smt) scmi_chan=$smt_ch scmi_shmem='shmem = <&scmi_smt>;' perf_chan= ;;
mixed) scmi_chan=$msg_ch scmi_shmem= perf_chan="linaro,optee-channel-id = <$smt_ch>; shmem = <&scmi_smt>;" ;;
esac

{
	cat "$tmp/virt.dts"
	cat <<DTS

/ {
	psci {
		compatible = "arm,psci-1.0", "arm,psci-0.2";
		method = "smc";
	};

	reserved-memory {
		#address-cells = <2>;
		#size-cells = <2>;
		ranges;
DTS
	case $mode in
	smt | mixed)
		printf '\t\tscmi_smt: scmi-shmem@%x {\n\t\t\tcompatible = "arm,scmi-shmem";\n' "$smt_ns"
		printf '\t\t\treg = <0x0 %s 0x0 %s>;\n\t\t\tno-map;\n\t\t};\n' "$smt_ns" "$smt_size"
		;;
	pool)
		printf '\t\toptee_shm: optee-shm@%x {\n\t\t\treg = <0x0 %s 0x0 %s>;\n\t\t\tno-map;\n\t\t};\n' \
			"$OPTEE_POOL" "$OPTEE_POOL" "$OPTEE_POOL_SIZE"
		;;
	esac
	# The platform's fast-channel regions are the guest's memory the firmware watches, which
	# the kernel must leave alone: no-map (Linux ioremaps what DESCRIBE_FASTCHANNEL names).
	for rn in $(fdtget -l "$plat" /reserved-memory 2>/dev/null); do
		fdtget -t s "$plat" "/reserved-memory/$rn" compatible 2>/dev/null |
			grep -qx 'scmi-optee,fastchannels' || continue
		printf '\t\t%s {\n\t\t\treg = <%s>;\n\t\t\tno-map;\n\t\t};\n' \
			"$rn" "$(fdtget -t x "$plat" "/reserved-memory/$rn" reg | sed 's/[0-9a-f][0-9a-f]*/0x&/g')"
	done
	cat <<DTS
	};

	firmware {
		optee {
			compatible = "linaro,optee-tz";
			method = "smc";
		};

		scmi {
			compatible = "linaro,scmi-optee";
			linaro,optee-channel-id = <$scmi_chan>;
			$scmi_shmem
			#address-cells = <1>;
			#size-cells = <0>;
DTS
	protocol_nodes
	cat <<DTS
		};
	};
};

&{/chosen} {
	bootargs = "$bootargs";
DTS
	if [ -n "$initrd" ]; then
		size=$(stat -c %s "$initrd")
		printf '\tlinux,initrd-start = <0x0 %s>;\n\tlinux,initrd-end = <0x0 %s>;\n' \
			"$OPTEE_INITRD_ADDR" "$(hex $((OPTEE_INITRD_ADDR + size)))"
	fi
	printf '};\n'
	i=0
	set -- $cpu_domains
	while [ "$i" -lt "$smp" ]; do
		printf '\n&{/cpus/cpu@%s} {\n\tenable-method = "psci";\n' "$i"
		if [ $# -gt 0 ]; then
			printf '\tclocks = <&scmi_perf %s>;\n' "$1"
			shift
		fi
		printf '};\n'
		i=$((i + 1))
	done
} >"$tmp/guest.dts"
cp "$tmp/guest.dts" "$out.dts"
dtc -q -I dts -O dtb -o "$out" "$tmp/guest.dts" || die "dtc failed on $out.dts"
