#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# check.sh DIR MODE SMP [DOWN]: judge one boot of make test-linux-optee from DIR/console.log (the
# guest) and DIR/secure.log (the firmware's console). Expected values come from the firmware's
# own platform (firmware/include/fw/plat_min.h). Prints one line per check; exit 1 if any failed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$1 mode=$2 smp=$3
down=${4:-poweroff}
con=$dir/console.log
sec=$dir/secure.log
hdr=$here/../../firmware/include/fw/plat_min.h
def() { sed -n "s/^#define $1[[:space:]]*\"\(.*\)\".*/\1/p" "$hdr"; }
vendor=$(def FW_PLAT_VENDOR)
sub=$(def FW_PLAT_SUB_VENDOR)
fails=0
verdict() { # ok|fail what
	if [ "$1" = ok ]; then echo "  ok   $2"; else echo "  FAIL $2"; fails=$((fails + 1)); fi
}
check() { # what command...
	what=$1
	shift
	if "$@" >/dev/null 2>&1; then verdict ok "$what"; else verdict fail "$what"; fi
}
section() { sed -n "/^@@BEGIN $1/,/^@@END $1/p" "$con" | tr -d '\r'; }
served() { sed -n 's/.*SCMI messages served: \([0-9]*\).*/\1/p' "$sec" | tail -n 1; }
chan_served() { sed -n "s/.*channel $1: \([0-9]*\).*/\1/p" "$sec" | tail -n 1; }

check "probe line: SCMI Protocol v2.1 '$vendor:$sub'" grep -q "SCMI Protocol v2.1 '$vendor:$sub'" "$con"
check "transport: scmi_optee" grep -q 'Using scmi_optee_transport' "$con"
check "optee driver initialised" grep -q 'optee: initialized driver' "$con"
# (The transport's "SCMI max-rx-timeout: 30ms" is a setting, not an error.)
check "no SCMI or OP-TEE error in the kernel log" sh -c "! grep -v 'max-rx-timeout' '$con' | grep -iE \
	'(scmi|optee|tee:).*(error|fail|mismatch|timeout|timed out)|Timeout waiting|WARNING:|Oops|BUG:'"
check "SCMI PTA on the TEE bus" sh -c "sed -n '/^@@BEGIN tee-bus/,/^@@END/p' '$con' | \
	grep -q optee-ta-a8cfe406-d4f5-4a2e-9f8d-a25dc754c099"
check "power domains: scmi-power-domain bound" sh -c "sed -n '/^@@BEGIN scmi-bus/,/^@@END/p' '$con' | \
	grep -q 'driver=scmi-power-domain'"
pds=$(section genpd | grep -c '^fw-pd[01] *on' || true)
check "power domains fw-pd0, fw-pd1 on (the platform's two)" test "$pds" = 2
case $mode in
pool)
	check "static shared-memory pool (no dynamic shm)" sh -c "! grep -q 'dynamic shared memory is enabled' '$con'"
	check "firmware offered its static pool" grep -q 'shared memory: static pool' "$sec"
	;;
*)
	check "dynamic shared memory" grep -q 'dynamic shared memory is enabled' "$con"
	;;
esac
n=$(served)
check "firmware served SCMI messages ($n)" test "${n:-0}" -gt 0
case $mode in
smt)
	check "firmware set up channel 0's SMT area" grep -q 'channel 0: static SMT area' "$sec"
	check "all on channel 0" test "$(chan_served 0)" = "$n"
	;;
mixed)
	check "firmware set up channel 1's SMT area" grep -q 'channel 1: static SMT area' "$sec"
	check "Base on channel 0 ($(chan_served 0))" test "$(chan_served 0)" -gt 0
	check "power on channel 1 ($(chan_served 1))" test "$(chan_served 1)" -gt 0
	;;
esac
if [ "$smp" -gt 1 ]; then
	check "CPU1 booted through PSCI CPU_ON" grep -q 'CPU1: Booted secondary processor' "$con"
	check "CPUs online: 0-$((smp - 1))" sh -c "sed -n '/^@@BEGIN cpus/,/^@@END/p' '$con' | tr -d '\r' | \
		grep -qx '0-$((smp - 1))'"
	hp=$(section hotplug | tr '\n' ' ')
	check "CPU1 offline and back (PSCI CPU_OFF, AFFINITY_INFO, CPU_ON)" \
		test "$hp" = "@@BEGIN hotplug offline 0 online 0-$((smp - 1)) @@END hotplug "
fi
check "guest finished" grep -q '^@@GUEST-DONE' "$con"
if [ "$down" = reboot ]; then
	check "firmware restarted through PSCI SYSTEM_RESET" grep -q 'fw: restart' "$sec"
else
	check "firmware powered off through PSCI SYSTEM_OFF" grep -q 'fw: power off' "$sec"
fi
refused=$(sed -n 's/.*OP-TEE calls: [0-9]*, refused: \([0-9]*\).*/\1/p' "$sec" | tail -n 1)
check "firmware refused no call of Linux's (${refused:-?})" test "${refused:-1}" = 0
check "no firmware panic" sh -c "! grep -q PANIC '$sec'"
[ "$fails" = 0 ]
