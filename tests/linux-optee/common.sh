# SPDX-License-Identifier: BSD-3-Clause
# Shared settings of the tests/linux-optee scripts (sourced, not run), on top of tests/linux's.
. "$(cd "$(dirname "$0")/../linux" && pwd)/common.sh"

log() { printf '[linux-optee] %s\n' "$*" >&2; }
die() { printf '[linux-optee] error: %s\n' "$*" >&2; exit 1; }

# The machine: the firmware's memory map (firmware/include/fw/config.h) assumes it.
OPTEE_MEM=${OPTEE_MEM:-1G}
OPTEE_CPU=${OPTEE_CPU:-cortex-a57}
OPTEE_KERNEL_ADDR=0x40200000
OPTEE_INITRD_ADDR=0x48000000
# The static regions the firmware offers when the DT reserves them (config.h).
OPTEE_SMT0=0x7ffff000
OPTEE_SMT1=0x7fffe000
OPTEE_SMT_SIZE=0x1000
OPTEE_POOL=0x7fc00000
OPTEE_POOL_SIZE=0x200000

# optee_machine_args FW SMP: the QEMU options every boot and the DT dump share.
optee_machine_args() {
	echo "-M virt,secure=on -cpu $OPTEE_CPU -m $OPTEE_MEM -smp $2 -bios $1" \
		"-display none -monitor none -nic none -no-reboot"
}
