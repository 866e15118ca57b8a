# SPDX-License-Identifier: BSD-3-Clause
# Shared settings of the tests/linux scripts (sourced, not run).

SCMI_LINUX_CACHE=${SCMI_LINUX_CACHE:-/var/cache/scmi-optee-linux}
# What setup.sh chose: KVER (the kernel ABI, e.g. 6.12.95+deb12), PKGVER (its Debian version),
# SRCPKG (linux-source-X.Y), and where the extracted trees are.
SCMI_LINUX_ENV=$SCMI_LINUX_CACHE/selected.env

log() { printf '[linux] %s\n' "$*" >&2; }
die() { printf '[linux] error: %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi

# The guest machine. mkdtb.sh dumps QEMU's own DT with exactly these options, so keep them the
# only source of truth for both.
GUEST_MEM=${GUEST_MEM:-1G}
GUEST_SMP=${GUEST_SMP:-2}
GUEST_CPU=${GUEST_CPU:-cortex-a57}
qemu_machine_args() {
	echo "-M virt,memory-backend=mem -object memory-backend-memfd,id=mem,size=$GUEST_MEM,share=on" \
		"-cpu $GUEST_CPU -m $GUEST_MEM -smp $GUEST_SMP -nographic -nic none -no-reboot"
}
