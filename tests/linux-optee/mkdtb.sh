#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# mkdtb.sh FW.bin MODE SMP OUT.dtb [INITRD] [BOOTARGS]: the guest's DT for the firmware = QEMU's
# own virt,secure=on DT (dumped with the same -bios) plus what firmware would add: PSCI (and
# enable-method on each CPU), /firmware/optee (linaro,optee-tz, SMC), /firmware/scmi
# (linaro,scmi-optee) with a power-domain protocol, the reserved regions the mode needs, and
# /chosen (bootargs, initrd: -append and -initrd need -kernel, which firmware boot has not).
# MODE: msg (Base and power on MSG channel 0), smt (both on channel 0's static SMT area),
# mixed (Base on MSG channel 0, power on SMT channel 1), pool (msg, with the static
# shared-memory pool instead of dynamic shared memory).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
[ $# -ge 4 ] || die "usage: mkdtb.sh FW.bin MODE SMP OUT.dtb [INITRD] [BOOTARGS]"
fw=$1 mode=$2 smp=$3 out=$4
initrd=${5:-}
bootargs=${6:-console=ttyAMA0 quiet rdinit=/init}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck disable=SC2046
qemu-system-aarch64 $(optee_machine_args "$fw" "$smp") -M virt,secure=on,dumpdtb="$tmp/virt.dtb" \
	>"$tmp/qemu.log" 2>&1 || { cat "$tmp/qemu.log" >&2; die "qemu dumpdtb failed"; }
dtc -q -I dtb -O dts -o "$tmp/virt.dts" "$tmp/virt.dtb"

hex() { printf '0x%x' "$1"; }
case $mode in
msg | pool) scmi_shmem= proto_chan= ;;
smt) scmi_shmem='shmem = <&scmi_smt0>;' proto_chan= ;;
mixed) scmi_shmem= proto_chan='linaro,optee-channel-id = <1>; shmem = <&scmi_smt1>;' ;;
*) die "MODE must be msg, smt, mixed or pool" ;;
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
	smt) printf '\t\tscmi_smt0: scmi-shmem@%x {\n\t\t\tcompatible = "arm,scmi-shmem";\n\t\t\treg = <0x0 %s 0x0 %s>;\n\t\t\tno-map;\n\t\t};\n' \
		"$OPTEE_SMT0" "$OPTEE_SMT0" "$OPTEE_SMT_SIZE" ;;
	mixed) printf '\t\tscmi_smt1: scmi-shmem@%x {\n\t\t\tcompatible = "arm,scmi-shmem";\n\t\t\treg = <0x0 %s 0x0 %s>;\n\t\t\tno-map;\n\t\t};\n' \
		"$OPTEE_SMT1" "$OPTEE_SMT1" "$OPTEE_SMT_SIZE" ;;
	pool) printf '\t\toptee_shm: optee-shm@%x {\n\t\t\treg = <0x0 %s 0x0 %s>;\n\t\t\tno-map;\n\t\t};\n' \
		"$OPTEE_POOL" "$OPTEE_POOL" "$OPTEE_POOL_SIZE" ;;
	esac
	cat <<DTS
	};

	firmware {
		optee {
			compatible = "linaro,optee-tz";
			method = "smc";
		};

		scmi {
			compatible = "linaro,scmi-optee";
			linaro,optee-channel-id = <0>;
			$scmi_shmem
			#address-cells = <1>;
			#size-cells = <0>;

			scmi_pd: protocol@11 {
				reg = <0x11>;
				#power-domain-cells = <1>;
				$proto_chan
			};
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
	while [ "$i" -lt "$smp" ]; do
		printf '\n&{/cpus/cpu@%s} {\n\tenable-method = "psci";\n};\n' "$i"
		i=$((i + 1))
	done
} >"$tmp/guest.dts"
cp "$tmp/guest.dts" "$out.dts"
dtc -q -I dts -O dtb -o "$out" "$tmp/guest.dts" || die "dtc failed on $out.dts"
