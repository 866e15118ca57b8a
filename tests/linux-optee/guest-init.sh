#!/bin/busybox sh
# SPDX-License-Identifier: BSD-3-Clause
#
# The guest's /init for make test-linux-optee (busybox). Loads Debian's stock tee, optee and
# scmi_transport_optee modules, waits for the SCMI core's probe line, loads the consumer
# modules make test-linux builds (hwmon, regulator, pinctrl, then cpufreq), prints what Linux
# made of the platform between "@@BEGIN name" and "@@END" lines (check.sh parses them, as
# tests/linux/check.sh does), pins each cpufreq policy on the frequency the harness chose,
# reads the sensors again, and powers off through PSCI SYSTEM_OFF: the firmware then prints
# its counters and the platform's state (what the guest changed), and QEMU exits. With a
# second CPU it first takes CPU1 offline and back (PSCI CPU_OFF, AFFINITY_INFO, CPU_ON).
# There is no harness on the other side to wait for: the firmware holds the platform.
# Kernel command-line variables:
#   scmi_freqs=F0,F1,...  kHz to pin on cpufreq policy 0, 1, ... (policy order = CPU order)
#   optee_down=reboot     restart instead (PSCI SYSTEM_RESET; QEMU runs with -no-reboot)
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
load() { # module from /optee-mods (stock) or /mods (built by tests/linux/build-modules.sh)
	m=/optee-mods/$1.ko
	[ -f "$m" ] || m=/mods/$1.ko
	[ -f "$m" ] || return 0
	insmod "$m" || say "INSMOD-FAILED $1"
}

say "GUEST-INIT uptime=$(up)"
for m in tee optee scmi_transport_optee; do load $m; done
i=0
while ! dmesg | grep -q 'SCMI Protocol v' && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
say "SCMI-PROBED uptime=$(up) ok=$(dmesg | grep -q 'SCMI Protocol v' && echo 1 || echo 0)"
for m in scmi-hwmon scmi-regulator pinctrl-scmi scmi_power_control; do load $m; done

scmi_bus() {
	for d in /sys/bus/scmi_protocol/devices/*; do
		[ -e "$d" ] || continue
		drv=-
		[ -L "$d/driver" ] && drv=$(basename "$(readlink "$d/driver")")
		echo "$(basename "$d") $(grep MODALIAS "$d/uevent") driver=$drv"
	done
}
tee_bus() {
	for d in /sys/bus/tee/devices/*; do
		[ -e "$d" ] && basename "$d"
	done
}
hwmon() {
	for h in /sys/class/hwmon/hwmon*; do
		[ -e "$h" ] || continue
		echo "hwmon $(basename "$h") name=$(cat "$h/name")"
		for f in "$h"/*_input; do
			[ -e "$f" ] || continue
			b=${f%_input}
			echo "sensor $(basename "$b") label=$(cat "${b}_label" 2>/dev/null | tr ' ' '_')" \
				"value=$(cat "$f")"
		done
	done
}
regulators() {
	for r in /sys/class/regulator/regulator.*; do
		[ -e "$r" ] || continue
		echo "regulator $(basename "$r") name=$(cat "$r/name")" \
			"microvolts=$(cat "$r/microvolts" 2>/dev/null || echo -)" \
			"state=$(cat "$r/state" 2>/dev/null || echo -)"
	done
}
pins() {
	for p in /sys/kernel/debug/pinctrl/*; do
		[ -f "$p/pins" ] || continue
		echo "pinctrl $(basename "$p")"
		sed -n 's/^pin \([0-9]*\) (\([^)]*\)).*/pin \1 \2/p' "$p/pins"
		sed -n 's/^group: \(.*\)/group \1/p' "$p/pingroups"
		sed -n 's/^function [0-9]*: \([^,]*\),.*/function \1/p' "$p/pinmux-functions"
	done
}
cpufreq() {
	for p in /sys/devices/system/cpu/cpufreq/policy*; do
		[ -e "$p" ] || continue
		echo "$(basename "$p") cpus=$(cat "$p/related_cpus" | tr ' ' ',')" \
			"driver=$(cat "$p/scaling_driver") gov=$(cat "$p/scaling_governor")" \
			"cur=$(cat "$p/scaling_cur_freq") min=$(cat "$p/cpuinfo_min_freq")" \
			"max=$(cat "$p/cpuinfo_max_freq")" \
			"avail=$(tr -s ' ' ',' <"$p/scaling_available_frequencies" | sed 's/,$//')" \
			"boost=$(tr -s ' ' ',' <"$p/scaling_boost_frequencies" 2>/dev/null | sed 's/,$//')"
	done
}
# Pin each policy on the frequency the harness chose (min = max: any governor holds it).
pin_cpufreq() {
	n=0
	for f in $(echo "${scmi_freqs:-}" | tr ',' ' '); do
		p=/sys/devices/system/cpu/cpufreq/policy$n
		if [ -d "$p" ]; then
			echo performance >"$p/scaling_governor" 2>/dev/null
			echo "$f" >"$p/scaling_max_freq"
			echo "$f" >"$p/scaling_min_freq"
			say "CPUFREQ-SET policy$n $f -> $(cat "$p/scaling_cur_freq")"
		else
			say "CPUFREQ-SET policy$n $f -> missing"
		fi
		n=$((n + 1))
	done
}
hotplug() {
	c=/sys/devices/system/cpu/cpu1/online
	echo 0 >$c && echo "offline $(cat /sys/devices/system/cpu/online)"
	echo 1 >$c && echo "online $(cat /sys/devices/system/cpu/online)"
}

sec tee-bus tee_bus
sec scmi-bus scmi_bus
sec cpus cat /sys/devices/system/cpu/online
[ -e /sys/devices/system/cpu/cpu1/online ] && sec hotplug hotplug
sec clk-summary cat /sys/kernel/debug/clk/clk_summary
sec hwmon hwmon
sec regulators regulators
sec genpd cat /sys/kernel/debug/pm_genpd/pm_genpd_summary
sec pinctrl pins

load scmi-cpufreq
sec cpufreq-boot cpufreq
pin_cpufreq
sec cpufreq-set cpufreq
sec scmi-bus-late scmi_bus
# Sensors again, right before the firmware prints its state at power-off.
sec hwmon-check hwmon
sec dmesg dmesg
say "GUEST-DONE uptime=$(up)"
if [ "${optee_down:-}" = reboot ]; then reboot -f; else poweroff -f; fi
