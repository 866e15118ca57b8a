#!/bin/busybox sh
# SPDX-License-Identifier: BSD-3-Clause
#
# The guest's /init (busybox). Loads the SCMI modules, prints what Linux made of the platform
# between "@@BEGIN name" and "@@END" lines (check.sh parses them), applies the guest-side
# changes (cpufreq). Twice (after the probe: "boot"; after the changes: "final") it prints
# "@@HOST-CHECK NAME" and waits until the harness has read the platform over OP-TEE and answered
# "@@GO NAME" on the console. Last it prints "@@AWAIT-SHUTDOWN" and waits for the harness's
# graceful shutdown request (an SCMI notification) to reach it through scmi_power_control and
# /sbin/poweroff, then powers off. Kernel command-line variables:
#   scmi_freqs=F0,F1,...  kHz to pin on cpufreq policy 0, 1, ... (policy order = CPU order)
#   scmi_mods=a,b         extra modules to load first (virtio_mmio for the MMIO device)
#   scmi_wait=S           seconds to wait for the harness (default 120)
#   scmi_raw=1            raw-mode kernel (make test-linux-raw): drivers are built in; also send
#                         raw messages, well-formed and malformed, through debugfs scmi/0/raw
#   scmi_cli=1            /bin/scmi (static arm64) runs over linux-raw: info, clock list, sensor
#                         get and watch, raw (sync and --async), perf set, events; with host
#                         checks "cli" (the host reads the same over OP-TEE) and "clinotify"
#                         (the host changes perf domain D while the guest listens)
#   scmi_cli_perf=D:HZ:C  the perf domain and frequency of the guest's perf set, and the clock
#                         that domain drives
/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t debugfs none /sys/kernel/debug

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
load() {
	[ "${scmi_raw:-0}" = 1 ] && return 0
	m=/mods/$1.ko
	[ -f "$m" ] || return 0
	insmod "$m" || say "INSMOD-FAILED $1"
}
for m in $(echo "${scmi_mods:-}" | tr ',' ' '); do load "$m"; done
load scmi_transport_virtio

# The transport probes when the virtio device shows up: wait for the SCMI core's probe line.
i=0
while ! dmesg | grep -q 'SCMI Protocol v' && [ $i -lt 300 ]; do
	sleep 0.1
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

# Let the harness read the platform while nothing moves: the state Linux left at probe time.
host_sync() {
	say "HOST-CHECK $1 uptime=$(up)"
	line=
	while read -t "${scmi_wait:-120}" line; do
		case $line in *"@@GO $1"*) break ;; esac
	done
	say "HOST-DONE $1 reply=${line:-timeout}"
}
# Pin each policy on the frequency the harness chose (min = max: any governor holds it).
pin_cpufreq() {
	n=0
	for f in $(echo "${scmi_freqs:-}" | tr ',' ' '); do
		# policy numbers are the first CPU of each policy: with one CPU each, 0, 1, ...
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
# A built-in cpufreq (raw kernel) already moves the CPU domains: hold them still from here.
[ "${scmi_raw:-0}" = 1 ] && pin_cpufreq
host_sync boot
sec scmi-bus scmi_bus

# Raw mode: "name hex-reply" per message (reply = header, status, payload), or "name write-error".
rawmsg() {
	f=/sys/kernel/debug/scmi/0/raw/message
	if printf "$(echo "$2" | sed 's/ //g; s/\([0-9a-f][0-9a-f]\)/\\x\1/g')" >"$f" 2>/dev/null; then
		echo "raw $1 $(dd if="$f" bs=512 count=1 2>/dev/null | hexdump -v -e '1/1 "%02x"')"
	else
		echo "raw $1 write-error"
	fi
}
raw_tests() {
	rawmsg base_version "00400000"
	rawmsg base_unknown_msg "7f400000"
	rawmsg clock_rate_get_0 "06500000 00000000"
	rawmsg clock_rate_get_no_id "06500000"
	rawmsg clock_rate_get_bad_id "06500000 0f270000"
	rawmsg unknown_protocol "00640200"
	rawmsg short_header "0040"
	rawmsg base_version_again "00400000"
}
[ "${scmi_raw:-0}" = 1 ] && sec raw raw_tests

# The arm64 scmi over the kernel's raw mode (linux-raw): each command's output, then "rc=N".
cli() {
	scmi "$@"
	echo "rc=$?"
}
le32() { printf '%08x' "$1" | sed 's/\(..\)\(..\)\(..\)\(..\)/\4\3\2\1/'; }
cli_raw() {
	echo "base_version $(scmi --json raw base 0x0)"
	echo "base_unknown_msg $(scmi --json raw base 0x7f)"
	echo "clock_rate_get_0 $(scmi --json raw clock 0x6 00000000)"
	echo "clock_rate_get_bad_id $(scmi --json raw clock 0x6 0f270000)"
	echo "unknown_protocol $(scmi --json --transport linux-raw raw 0x99 0x0)"
}
cli_subscribe() { # perf-domain clock enable-word
	echo "perf_notify_level $(scmi --json raw perf 0xa "$(le32 "$1")" "$3")"
	echo "clock_rate_notify $(scmi --json raw clock 0x9 "$(le32 "$2")" "$3")"
}
scmi_cli() {
	d=$(echo "$scmi_cli_perf" | cut -d: -f1)
	f=$(echo "$scmi_cli_perf" | cut -d: -f2)
	c=$(echo "$scmi_cli_perf" | cut -d: -f3)
	for t in /sys/kernel/debug/scmi/0/transport/*; do
		echo "$(basename "$t")=$(cat "$t")"
	done >/tmp/transport.txt
	sec raw-transport cat /tmp/transport.txt
	say "CLI-START uptime=$(up)"
	sec cli-info cli --json info
	say "CLI-INFO-DONE uptime=$(up)"
	sec cli-info-text cli info
	sec cli-clocks cli --json clock list
	sec cli-sensor cli --json sensor get 0
	# Every other protocol's list, as the host lists it at the same moment.
	for l in perf power voltage reset sensor powercap; do
		sec "cli-list-$l" cli --json "$l" list
	done
	for l in pins groups functions; do
		sec "cli-list-pinctrl-$l" cli --json pinctrl list "$l"
	done
	host_sync cli
	sec cli-raw cli_raw
	sec cli-async cli --json raw --async sensor 0x6 00000000 01000000
	sec cli-watch cli --json sensor watch 0 --interval 100ms --count 3
	sec cli-perf-set cli --json perf set "$d" --freq "$f"
	sec cli-perf-get cli --json perf get "$d"
	# PERF_NOTIFY_LEVEL and CLOCK_RATE_NOTIFY on: the host's change of the domain, and so of its
	# clock, come back as notifications.
	sec cli-subscribe cli_subscribe "$d" "$c" 01000000
	scmi --json events --count 2 --wait 60s >/tmp/events.out 2>&1 &
	evpid=$!
	host_sync clinotify
	wait $evpid
	echo "rc=$?" >>/tmp/events.out
	sec cli-events cat /tmp/events.out
	sec cli-perf-after cli --json perf get "$d"
	cli_subscribe "$d" "$c" 00000000 >/dev/null 2>&1
	say "CLI-DONE uptime=$(up)"
}
powercap() {
	for z in /sys/class/powercap/*; do
		[ -e "$z/name" ] && echo "zone $(basename "$z") name=$(cat "$z/name")"
	done
}
sec powercap powercap
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
# Sensors again, right before the harness reads them from the host side.
sec hwmon-check hwmon

# The harness now reads the platform back over OP-TEE while we are still alive.
host_sync final
# After the final host check, so that its perf change moves nothing the checks above compare;
# before dmesg, so that any kernel complaint about its messages is judged.
[ "${scmi_cli:-0}" = 1 ] && [ -x /bin/scmi ] && scmi_cli
sec dmesg dmesg

# A notification: the harness makes the platform request a graceful shutdown (SCMI
# SYSTEM_POWER_STATE_NOTIFIER). scmi_power_control calls orderly_poweroff(), which runs
# /sbin/poweroff (busybox), which signals init, that is us: USR2 = poweroff, TERM = reboot,
# USR1 = halt. Nothing else in this script powers the guest off before that signal.
req=
trap 'req=poweroff' USR2
trap 'req=reboot' TERM
trap 'req=halt' USR1
n0=$(dmesg | wc -l)
say "AWAIT-SHUTDOWN uptime=$(up)"
i=0
while [ -z "$req" ] && [ $i -lt $((${scmi_wait:-120} * 5)) ]; do
	sleep 0.2
	i=$((i + 1))
done
say "SHUTDOWN-REQUEST ${req:-none} uptime=$(up)"
# What the kernel logged since the request was awaited (the SCMI power control lines).
dmesg_since() { dmesg | tail -n +$(($1 + 1)); }
sec dmesg-shutdown dmesg_since "$n0"
say "GUEST-DONE uptime=$(up) shutdown=${req:-timeout}"
poweroff -f
