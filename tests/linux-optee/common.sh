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
# The static regions the firmware offers when the DT reserves them (config.h): the platform
# DT's SMT window moved to end at OPTEE_STATIC_TOP, and the shared-memory pool below it.
OPTEE_STATIC_TOP=0x80000000
OPTEE_POOL=0x7fc00000
OPTEE_POOL_SIZE=0x200000

# optee_machine_args FW SMP: the QEMU options every boot and the DT dump share.
optee_machine_args() {
	echo "-M virt,secure=on -cpu $OPTEE_CPU -m $OPTEE_MEM -smp $2 -bios $1" \
		"-display none -monitor none -nic none -no-reboot"
}

# The platform DT's layout, read with fdtget (what the firmware's sim platform loads):
#   plat_channels PLATFORM.dtb: "CHANNEL AGENT SHMEM_ADDR SHMEM_SIZE" per channel (addresses in
#   hex, "-" without shmem), the first agent's first.
plat_channels() {
	_p=$1
	for _a in $(fdtget -l "$_p" /scmi-platform/agents); do
		_agent=$(fdtget "$_p" "/scmi-platform/agents/$_a" reg)
		for _c in $(fdtget -l "$_p" "/scmi-platform/agents/$_a"); do
			_id=$(fdtget "$_p" "/scmi-platform/agents/$_a/$_c" reg)
			_ph=$(fdtget "$_p" "/scmi-platform/agents/$_a/$_c" shmem 2>/dev/null || true)
			_addr=- _size=-
			if [ -n "$_ph" ]; then
				for _r in $(fdtget -l "$_p" /reserved-memory 2>/dev/null); do
					[ "$(fdtget "$_p" "/reserved-memory/$_r" phandle 2>/dev/null)" = "$_ph" ] || continue
					# reg = <addr-hi addr-lo size-hi size-lo> (two cells each)
					set -- $(fdtget -t x "$_p" "/reserved-memory/$_r" reg)
					_addr=$(printf '0x%x' $(((0x$1 << 32) | 0x$2)))
					_size=$(printf '0x%x' $(((0x$3 << 32) | 0x$4)))
				done
			fi
			echo "$_id $_agent $_addr $_size"
		done
	done
}

# ns_shmem PLATFORM.dtb ADDR: where the firmware puts the platform's static region at ADDR: the
# page-aligned window of every region, moved to end at OPTEE_STATIC_TOP (config.h).
ns_shmem() {
	_lo= _hi=
	while read -r _id _agent _addr _size; do
		[ "$_addr" = - ] && continue
		[ -z "$_lo" ] || [ $((_addr)) -lt $((_lo)) ] && _lo=$_addr
		_end=$((_addr + _size))
		[ -z "$_hi" ] || [ "$_end" -gt $((_hi)) ] && _hi=$_end
	done <<EOT
$(plat_channels "$1")
EOT
	[ -n "$_lo" ] || return 1
	_lo=$((_lo & ~0xfff))
	_hi=$(((_hi + 0xfff) & ~0xfff))
	printf '0x%x\n' $((OPTEE_STATIC_TOP - (_hi - _lo) + $2 - _lo))
}
