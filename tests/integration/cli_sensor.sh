#!/usr/bin/env bash
# `scmi sensor` against a real optee-simd with virtual time: list, get (units,
# timestamps, axes), watch --count, trip points, configuration, errors and JSON.
source "$(dirname "$0")/cli_lib.sh" "$@"

start_daemon --virtual-time || exit 1

check "list, with values" 0 "ID +NAME +TYPE +UNIT +AXES +ENABLED +VALUE$" \
	"0 +soc_temp \(SoC die, junction\) +temperature +°C +- +yes +25(\.[0-9]+)? °C$" \
	"4 +vdd_cpu_big_volt +voltage +V +- +yes +[0-9.]+ m?V$" "6 +soc_power +power +W +- +yes +[0-9.]+ m?W$" \
	"8 +board_temp +temperature +°C +3 +yes +[0-9.]+ °C/[0-9.]+ °C/[0-9.]+ °C$" \
	-- "${S[@]}" sensor list
check "list --json" 0 '"name":"soc_power","extended_name":null,"type":"power","unit_code":7,"unit_exponent":-3' \
	'"name":"soc_temp","extended_name":"soc_temp \(SoC die, junction\)",.*"axes":0,"multi_axis":false' '"name":"board_temp",.*"axes":3,"multi_axis":true' \
	-- "${S[@]}" --json sensor list
check "get at power-on: ambient" 0 "sensor 0 soc_temp \(SoC die, junction\): 25(\.[0-9]+)? °C" \
	-- "${S[@]}" sensor get 0
check "get power in W" 0 "sensor 6 soc_power: [0-9.]+ W" -- "${S[@]}" sensor get 6
check "get a multi-axis sensor" 0 "board_temp.near_soc: 25(\.[0-9]+)? °C" "board_temp.near_pmic: 25(\.[0-9]+)? °C" \
	-- "${S[@]}" sensor get 8
check "advance virtual time" 0 "" -- "${S[@]}" sim advance 2s
check "get: warmer, stamped with the sample time" 0 "sensor 0 soc_temp .*: (2[6-9]|[3-9][0-9])(\.[0-9]+)? °C \(at 2(\.[0-9]+)? s\)" \
	-- "${S[@]}" sensor get 0
check "get --json" 0 '"value_mc":[0-9]+' '"timestamp_us":20[0-9]{5}' -- "${S[@]}" --json sensor get 0
check "watch --count 2" 0 "^ +TIME +soc_temp \(SoC die, junction\) +cpu_big_power$" \
	"^ +0 µs +[0-9.]+ °C +[0-9.]+ m?W$" "^ +10 ms +[0-9.]+ °C +[0-9.]+ m?W$" \
	-- "${S[@]}" sensor watch 0 7 --count 2 --interval 10ms
check "watch --json" 0 '"sample":1,"sensors":\[\{"id":2' -- "${S[@]}" --json sensor watch 2 --count 1
check "trip (in the sensor's unit)" 0 "^sensor 0: trip point 1 rising at 30 °C \(VALUE 30000 x 10\^-3 °C\)$" -- \
	"${S[@]}" sensor trip 0 1 rising 30000
check "trip in °C" 0 "^sensor 0: trip point 1 rising at 80 °C \(VALUE 80000 x 10\^-3 °C\)$" -- \
	"${S[@]}" sensor trip soc_temp 1 rising 80C
check "trip in °C, not a temperature sensor" 2 "VALUE '80C': sensor 6 measures power, not °C" -- \
	"${S[@]}" sensor trip soc_power 1 rising 80C
check "trip, not a value" 2 "VALUE: an integer in the sensor's units .*, or a temperature such as 80C" -- \
	"${S[@]}" sensor trip soc_temp 1 rising hot
check "trip --json" 0 '"event":"rising","value":30000,"unit_exponent":-3,"value_mc":30000' -- \
	"${S[@]}" --json sensor trip soc_temp 1 rising 30000
check "trip: id beyond the sensor's" 1 "INVALID_PARAMETERS" -- "${S[@]}" sensor trip 0 2 both 1
check "trip: bad event" 2 "EVENT" -- "${S[@]}" sensor trip 0 0 sideways 1
check "config" 0 "sensor 0: enabled, update interval 10 ms, timestamps on" -- "${S[@]}" sensor config 0
check "config --interval" 0 "update interval 100 ms" -- "${S[@]}" sensor config 0 --interval 100ms
check "config disable" 0 "sensor 0: disabled" -- "${S[@]}" sensor config 0 disable
check "get a disabled sensor" 1 "DENIED" -- "${S[@]}" sensor get 0
check "config enable" 0 "sensor 0: enabled, update interval 100 ms" -- "${S[@]}" sensor config 0 enable
check "config: unsupported interval, rounded to the nearest" 0 "update interval 1 s" -- "${S[@]}" sensor config 0 --interval 100s
check "get: unknown sensor" 1 "NOT_FOUND" -- "${S[@]}" sensor get 99
check "get: bad id" 2 "SENSOR 'x': no sensor has that name" "board_temp \(8\)" -- "${S[@]}" sensor get x
# Names: a SENSOR is an id, its name, or its name's first word ("soc_temp (SoC die, junction)").
check "get by first word" 0 "^sensor 0 soc_temp \(SoC die, junction\): " -- "${S[@]}" sensor get soc_temp
check "get by name, any case" 0 "^sensor 8 board_temp.near_soc: " -- "${S[@]}" sensor get BOARD_TEMP
check "watch by names" 0 "^ +TIME +cpu_big_power +gpu_temp$" "^ +0 µs +[0-9.]+ m?W +[0-9.]+ °C$" -- \
	"${S[@]}" sensor watch cpu_big_power gpu_temp --count 1
check "watch: one unknown name" 2 "SENSOR 'npu'" -- "${S[@]}" sensor watch 0 npu --count 1
# The short name as the DT writes it (sensor-name), and a unique prefix.
check "get by short name" 0 "^sensor 4 vdd_cpu_big_volt: " -- "${S[@]}" sensor get vdd_cpu_big_vol
check "get by prefix" 0 "^sensor 5 soc_current: " -- "${S[@]}" sensor get soc_cur
check "an ambiguous prefix" 2 "SENSOR 'cpu' is ambiguous: 3 sensors match" "cpu_big_power \(7\)" -- \
	"${S[@]}" sensor get cpu
check "config by name" 0 "^sensor 0: enabled" -- "${S[@]}" sensor config soc_temp
check "help" 0 "get SENSOR" "readings change only when platform time is" "scmi sim advance" \
	"scmi sensor get soc_temp" -- "${S[@]}" sensor --help
check "config: bad word" 2 "enable or disable" -- "${S[@]}" sensor config 0 maybe

stop_daemon
finish
