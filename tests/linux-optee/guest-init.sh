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
at() { # marker words...: "@@MARKER words... uptime=U"
	read -r _u _ </proc/uptime
	say "$* uptime=$_u"
}
# Files into $v with the shell's own read, lists joined by the shell: under TCG every process
# the guest starts (a cat, a tr, even a $(...) subshell) costs tens of milliseconds.
rd() { # file [default]
	v=${2--}
	[ -r "$1" ] && read -r v <"$1"
}
join() { # separator words...: into $v
	_sep=$1
	shift
	v=
	for _w in "$@"; do v=${v:+$v$_sep}$_w; done
}
sec() {
	name=$1
	shift
	at AT "$name"
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

at GUEST-INIT
for m in tee optee scmi_transport_optee; do load $m; done
# The transport probes once the TEE bus lists the SCMI PTA; the protocol devices follow Base.
i=0
while [ $i -lt 200 ]; do
	set -- /sys/bus/scmi_protocol/devices/*
	[ -e "$1" ] && break
	sleep 0.05
	i=$((i + 1))
done
ok=0
dmesg | grep -q 'SCMI Protocol v' && ok=1
at SCMI-PROBED "ok=$ok"
for m in scmi-hwmon scmi-regulator pinctrl-scmi scmi_power_control; do load $m; done

scmi_bus() {
	for d in /sys/bus/scmi_protocol/devices/*; do
		[ -e "$d" ] || continue
		drv=-
		# driver -> /sys/bus/scmi_protocol/drivers/NAME: the directory's own name.
		if [ -L "$d/driver" ] && cd -P "$d/driver" 2>/dev/null; then
			drv=${PWD##*/}
			cd /
		fi
		m=
		while read -r l; do case $l in MODALIAS=*) m=$l ;; esac; done <"$d/uevent"
		echo "${d##*/} $m driver=$drv"
	done
}
tee_bus() {
	for d in /sys/bus/tee/devices/*; do
		[ -e "$d" ] && echo "${d##*/}"
	done
}
hwmon() {
	for h in /sys/class/hwmon/hwmon*; do
		[ -e "$h" ] || continue
		rd "$h/name"
		echo "hwmon ${h##*/} name=$v"
		for f in "$h"/*_input; do
			[ -e "$f" ] || continue
			b=${f%_input}
			rd "${b}_label" ""
			join _ $v
			l=$v
			rd "$f"
			echo "sensor ${b##*/} label=$l value=$v"
		done
	done
}
regulators() {
	for r in /sys/class/regulator/regulator.*; do
		[ -e "$r" ] || continue
		rd "$r/name"
		n=$v
		rd "$r/microvolts"
		mv=$v
		rd "$r/state"
		echo "regulator ${r##*/} name=$n microvolts=$mv state=$v"
	done
}
pins() {
	for p in /sys/kernel/debug/pinctrl/*; do
		[ -f "$p/pins" ] || continue
		echo "pinctrl ${p##*/}"
		sed -n 's/^pin \([0-9]*\) (\([^)]*\)).*/pin \1 \2/p' "$p/pins"
		sed -n 's/^group: \(.*\)/group \1/p' "$p/pingroups"
		sed -n 's/^function [0-9]*: \([^,]*\),.*/function \1/p' "$p/pinmux-functions"
	done
}
cpufreq() {
	for p in /sys/devices/system/cpu/cpufreq/policy*; do
		[ -e "$p" ] || continue
		line=${p##*/}
		rd "$p/related_cpus"
		join , $v
		line="$line cpus=$v"
		for k in driver:scaling_driver gov:scaling_governor cur:scaling_cur_freq \
			 min:cpuinfo_min_freq max:cpuinfo_max_freq; do
			rd "$p/${k#*:}"
			line="$line ${k%%:*}=$v"
		done
		rd "$p/scaling_available_frequencies" ""
		join , $v
		line="$line avail=$v"
		rd "$p/scaling_boost_frequencies" ""
		join , $v
		echo "$line boost=$v"
	done
}
# Pin each policy on the frequency the harness chose (min = max: any governor holds it).
pin_cpufreq() {
	n=0
	IFS=,
	set -- ${scmi_freqs:-}
	IFS=' 	
'
	for f in "$@"; do
		p=/sys/devices/system/cpu/cpufreq/policy$n
		if [ -d "$p" ]; then
			echo performance >"$p/scaling_governor" 2>/dev/null
			echo "$f" >"$p/scaling_max_freq"
			echo "$f" >"$p/scaling_min_freq"
			rd "$p/scaling_cur_freq"
			say "CPUFREQ-SET policy$n $f -> $v"
		else
			say "CPUFREQ-SET policy$n $f -> missing"
		fi
		n=$((n + 1))
	done
}
hotplug() {
	c=/sys/devices/system/cpu/cpu1/online
	echo 0 >$c && rd /sys/devices/system/cpu/online && echo "offline $v"
	echo 1 >$c && rd /sys/devices/system/cpu/online && echo "online $v"
}

sec tee-bus tee_bus
sec scmi-bus scmi_bus
cpus() {
	rd /sys/devices/system/cpu/online
	echo "$v"
}
sec cpus cpus
[ -e /sys/devices/system/cpu/cpu1/online ] && sec hotplug hotplug
sec clk-summary cat /sys/kernel/debug/clk/clk_summary
sec hwmon hwmon
sec regulators regulators
sec genpd cat /sys/kernel/debug/pm_genpd/pm_genpd_summary
sec pinctrl pins

# Every fast-channel access of the SCMI core is a scmi_fc_call trace event: count them.
mount -t tracefs none /sys/kernel/tracing 2>/dev/null
echo 1 >/sys/kernel/tracing/events/scmi/scmi_fc_call/enable 2>/dev/null
load scmi-cpufreq
sec cpufreq-boot cpufreq
pin_cpufreq
sec cpufreq-set cpufreq
fc_calls() {
	if [ -r /sys/kernel/tracing/events/scmi/scmi_fc_call/enable ]; then
		grep scmi_fc_call /sys/kernel/tracing/trace
	else
		echo "no-trace-event"
	fi
}
sec fc-calls fc_calls
sec scmi-bus-late scmi_bus
# Sensors again, right before the firmware prints its state at power-off.
sec hwmon-check hwmon
sec dmesg dmesg
at GUEST-DONE
if [ "${optee_down:-}" = reboot ]; then reboot -f; else poweroff -f; fi
