#!/bin/busybox sh
# SPDX-License-Identifier: BSD-3-Clause
#
# The guest's /init for make test-linux-optee (busybox). Loads Debian's stock tee, optee and
# scmi_transport_optee modules, waits for the SCMI core's probe line, prints what Linux made of
# it between "@@BEGIN name" and "@@END" lines (check.sh parses them), then powers off through
# PSCI SYSTEM_OFF, which makes the firmware print its counters and QEMU exit. With a second CPU
# it also takes CPU1 offline and back (PSCI CPU_OFF, AFFINITY_INFO, CPU_ON). Kernel command-line
# variable: optee_down=reboot restarts instead (PSCI SYSTEM_RESET; QEMU runs with -no-reboot).
/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t debugfs none /sys/kernel/debug 2>/dev/null

say() { echo "@@$*"; }
up() { cut -d' ' -f1 /proc/uptime; }
sec() {
	name=$1
	shift
	echo "@@BEGIN $name"
	"$@" 2>&1
	echo "@@END $name"
}

say "GUEST-INIT uptime=$(up)"
for m in tee optee scmi_transport_optee; do
	insmod "/optee-mods/$m.ko" || say "INSMOD-FAILED $m"
done
i=0
while ! dmesg | grep -q 'SCMI Protocol v' && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
say "SCMI-PROBED uptime=$(up) ok=$(dmesg | grep -q 'SCMI Protocol v' && echo 1 || echo 0)"
# The power-domain driver binds right after the probe: give it a moment.
i=0
while ! grep -q fw-pd1 /sys/kernel/debug/pm_genpd/pm_genpd_summary 2>/dev/null && [ $i -lt 40 ]; do
	sleep 0.05
	i=$((i + 1))
done

scmi_bus() {
	for d in /sys/bus/scmi_protocol/devices/*; do
		[ -e "$d" ] || continue
		drv=-
		[ -L "$d/driver" ] && drv=$(basename "$(readlink "$d/driver")")
		echo "$(basename "$d") driver=$drv"
	done
}
tee_bus() {
	for d in /sys/bus/tee/devices/*; do
		[ -e "$d" ] && basename "$d"
	done
}
sec dmesg dmesg
sec tee-bus tee_bus
sec scmi-bus scmi_bus
sec genpd grep -E '^fw-pd' /sys/kernel/debug/pm_genpd/pm_genpd_summary
sec cpus cat /sys/devices/system/cpu/online
hotplug() {
	c=/sys/devices/system/cpu/cpu1/online
	echo 0 >$c && echo "offline $(cat /sys/devices/system/cpu/online)"
	echo 1 >$c && echo "online $(cat /sys/devices/system/cpu/online)"
}
[ -e /sys/devices/system/cpu/cpu1/online ] && sec hotplug hotplug
say "GUEST-DONE uptime=$(up)"
if [ "${optee_down:-}" = reboot ]; then reboot -f; else poweroff -f; fi
