#!/usr/bin/env bash
# The CLI keeps its documented contract at the edges (issue 10 item 7): every numeric argument
# is range-checked (exit 2, the valid range named); --json turns every answer and every error
# into a JSON document; a refusal before any SCMI message (socket permissions, the REE-kernel
# login, the PTA refusing the channel) is exit 3; names from a platform are escaped; a platform
# error names the real parent; `scmi --help` gives the socket path the code uses.
# Usage: cli_contract.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"
PLATSRC=$(cd "$(dirname "$0")/../../platforms" && pwd)
DTC=$(command -v dtc || true)

# Ranges, checked before any platform is reached (no daemon runs yet).
check "ambient past int32" 2 "TEMP '4294967295' is out of range \(-2147483.648 °C\.\.2147483.647 °C\)" \
	-- "${S[@]}" sim ambient 4294967295
check "ambient below absolute zero" 2 "below absolute zero" -- "${S[@]}" sim ambient -300C
check "ambient not a temperature" 2 "TEMP 'warm' is not valid \(e.g. 80C" -- "${S[@]}" sim ambient warm
check "id past u32" 2 "DOMAIN '4294967296' is out of range \(0\.\.4294967295\)" \
	-- "${S[@]}" power get 4294967296
check "level past u32" 2 "LEVEL '4294967296' is out of range \(0\.\.4294967295\)" \
	-- "${S[@]}" perf set 0 4294967296
check "limit past u32" 2 "MAX '0x100000000' is out of range" -- "${S[@]}" perf limits 0 1 0x100000000
check "pai past u32 us" 2 "PAI '5000s' is out of range \(0\.\.4294967295 us\)" \
	-- "${S[@]}" powercap pai 0 5000s
check "sensor interval unsendable" 2 "--interval '65537s' cannot be sent: SCMI holds 1\.\.65535" \
	-- "${S[@]}" sensor config 0 --interval 65537s
check "sensor interval 0" 2 "--interval '0' cannot be sent" -- "${S[@]}" sensor config 0 --interval 0
check "trip value past int64" 2 "VALUE '99999999999999999999' is out of range" \
	-- "${S[@]}" sensor trip 0 1 rising 99999999999999999999
check "trip id" 2 "TRIP: 0\.\.255" -- "${S[@]}" sensor trip 0 256 rising 1
check "voltage past int32" 2 "LEVEL '3000V' is out of range \(-2147.483648 V\.\.2147.483647 V\)" \
	-- "${S[@]}" voltage set 0 3000V
check "rate past u64" 2 "RATE '99999999999GHz' is too large" -- "${S[@]}" clock set-rate 0 99999999999GHz
check "raw message past a byte" 2 "message '0x100' is not a number in 0\.\.0xff" -- "${S[@]}" raw base 0x100
check "raw protocol past a byte" 2 "protocol '0x100' is out of range \(0\.\.0xff\)" -- "${S[@]}" raw 0x100 0
check "--count past u32" 2 "--count '4294967296' is out of range" \
	-- "${S[@]}" sensor watch 0 --count 4294967296
check "--timeout past its bound" 2 "timeout" -- "${S[@]}" --timeout 3600001 info
check "pin config value past u32" 2 "VALUE must be a number" \
	-- "${S[@]}" pinctrl set pin 0 config=bias-pull-up:4294967296

# The help names the socket the code uses.
check "help: the socket path" 0 'XDG_RUNTIME_DIR/optee-simd.sock' \
	'TMPDIR:-/tmp\}/optee-simd-UID/optee-simd.sock' -- "$SCMI" --help
if "$SCMI" --help | grep -q '/tmp/optee-simd-UID.sock'; then
	fail=$((fail + 1)); echo "FAIL help still names /tmp/optee-simd-UID.sock"
else
	pass=$((pass + 1)); echo "ok   help names no old socket path"
fi

start_daemon || exit 1
check "ambient 40C" 0 "ambient temperature: 40 °C" -- "${S[@]}" sim ambient 40C
check "ambient millidegrees" 0 "ambient temperature: 40.5 °C" -- "${S[@]}" sim ambient 40500
check "ambient --json" 0 '^\{"ambient_mc":-5500\}$' -- "${S[@]}" --json sim ambient -5.5C
check "event --json" 0 '^\{"event":"reboot","state":1,"graceful":true\}$' \
	-- "${S[@]}" --json sim event reboot
check "time --json" 0 '^\{"time_us":[0-9]+,"virtual":false\}$' -- "${S[@]}" --json sim time

# SCMI_SOCKET selects the socket; --socket still wins over it.
check "SCMI_SOCKET" 0 "ambient temperature: 30 °C" -- env SCMI_SOCKET="$sock" "$SCMI" --timeout 5000 sim ambient 30C
check "SCMI_SOCKET: an agent" 0 "vendor" -- env SCMI_SOCKET="$sock" "$SCMI" --timeout 5000 info
check "--socket over SCMI_SOCKET" 3 "no optee-simd at $tmp/none.sock" -- \
	env SCMI_SOCKET="$sock" "$SCMI" --socket "$tmp/none.sock" info
check "SCMI_SOCKET, wrong" 3 "no optee-simd at $tmp/none.sock" -- env SCMI_SOCKET="$tmp/none.sock" "$SCMI" info
check "help names SCMI_SOCKET" 0 'default: \$SCMI_SOCKET' -- "$SCMI" --help

# Under --json an error is a JSON document on stdout, whatever its exit code.
check "json: usage error" 2 '^\{"error":\{"exit_code":2,"status":null,"message":"TEMP' \
	-- "${S[@]}" --json sim ambient 4294967295
check "json: refused" 1 '^\{"error":\{"exit_code":1,"status":"DENIED"' \
	-- "${S[@]}" --json clock set-rate 8 300MHz
check "json: no daemon" 3 '^\{"error":\{"exit_code":3,"status":null,"message":"TEE not reachable' \
	-- "$SCMI" --socket "$tmp/none.sock" --json info
check "json: sim, no daemon" 3 '^\{"error":\{"exit_code":3' \
	-- "$SCMI" --socket "$tmp/none.sock" --json sim ambient 40C
check "json: bad option" 2 '^\{"error":\{"exit_code":2' -- "${S[@]}" --json --frob info
check "json: no command" 2 '^\{"error":\{"exit_code":2' -- "${S[@]}" --json

# The PTA refuses a channel the platform does not have: the transport, exit 3.
if [ -n "$DTC" ]; then
	cat >"$tmp/ch77.dts" <<-'EOF'
	/dts-v1/;
	/ { firmware { scmi { compatible = "linaro,scmi-optee"; linaro,optee-channel-id = <77>;
		#address-cells = <1>; #size-cells = <0>; protocol@14 { reg = <0x14>; }; }; }; };
	EOF
	"$DTC" -q -I dts -O dtb -o "$tmp/ch77.dtb" "$tmp/ch77.dts"
	check "PTA refused channel: exit 3" 3 "the SCMI PTA refused channel 77" \
		-- "${S[@]}" --dt "$tmp/ch77.dtb" info
	check "PTA refused channel: json" 3 '"exit_code":3' -- "${S[@]}" --json --dt "$tmp/ch77.dtb" info
else
	echo "skip PTA channel refusal: no dtc"
fi

# Another uid: its socket permissions and the REE-kernel login (root's daemon trusts only root).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	AS_NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	chmod 0711 "$tmp"
	chmod 0777 "$sock"
	check "login refused: exit 3" 3 "REE-kernel login to the SCMI PTA refused" \
		-- "${AS_NOBODY[@]}" "${S[@]}" info
	check "login refused: json" 3 '"exit_code":3' -- "${AS_NOBODY[@]}" "${S[@]}" --json clock list
	check "sim login refused: exit 3" 3 "sim-control: REE-kernel login refused" \
		-- "${AS_NOBODY[@]}" "${S[@]}" sim time
	chmod 0700 "$tmp"
	check "socket permission denied: exit 3" 3 "cannot use .*: permission denied" \
		-- "${AS_NOBODY[@]}" "${S[@]}" info
	check "sim socket permission denied: exit 3" 3 "cannot use .*: permission denied" \
		-- "${AS_NOBODY[@]}" "${S[@]}" sim time
else
	echo "skip the second uid: not root, or no setpriv"
fi
stop_daemon

# A DT's node names reach the terminal escaped (a name with ESC in it, patched into the DTB
# since dtc refuses one), whole under --json; a platform error names the real parent.
if [ -n "$DTC" ]; then
	cat >"$tmp/esc.dts" <<-'EOF'
	/dts-v1/;
	/ { firmware { scmi { compatible = "linaro,scmi-optee"; linaro,optee-channel-id = <1>;
		#address-cells = <1>; #size-cells = <0>; protocol@14 { reg = <0x100>; }; }; }; };
	EOF
	"$DTC" -q -I dts -O dtb -o "$tmp/esc.dtb" "$tmp/esc.dts"
	python3 - "$tmp/esc.dtb" <<-'EOF'
	import sys
	p = sys.argv[1]
	b = open(p, "rb").read()
	assert b.count(b"protocol@14") == 1
	open(p, "wb").write(b.replace(b"protocol@14", b"pr\x1b[31ml@14"))
	EOF
	check "escaped DT name" 1 'pr\\x1b\[31ml@14: reg 0x100 is not a protocol id' \
		-- "${S[@]}" --dt "$tmp/esc.dtb" info
	if grep -q $'\x1b' "$tmp/out" "$tmp/err"; then
		fail=$((fail + 1)); echo "FAIL an escape byte reached the terminal"
	else
		pass=$((pass + 1)); echo "ok   no escape byte reaches the terminal"
	fi
	check "escaped DT name: json" 1 '"message":"pr\\u001b\[31ml@14: reg 0x100' \
		-- "${S[@]}" --json --dt "$tmp/esc.dtb" info

	cat >"$tmp/order.dts" <<-'EOF'
	/include/ "default.dts"
	&clk_pll_cpu_little { clocks = <&clk_pll_gpu>; };
	EOF
	"$DTC" -q -i "$PLATSRC" -I dts -O dtb -o "$tmp/order.dtb" "$tmp/order.dts"
	check "the real parent named" 1 "parent clock@3 must have a smaller reg" \
		-- "$SIMD" --check "$tmp/order.dtb"
else
	echo "skip platform names: no dtc"
fi
finish
