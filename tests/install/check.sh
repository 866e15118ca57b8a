#!/usr/bin/env bash
# Checks of an installed tree, as a user meets it (docs/user-guide.md): run by ctest
# (tests/install/CMakeLists.txt) and by `make install-check`.
#
#   check.sh CHECK...     CHECK: install layout exports headers c cxx subdir examples
#                         examples-tree man completion platform-check, or all (every one
#                         but install and subdir and examples-tree)
#
# Environment:
#   PREFIX      the installed tree (install: where to install BUILD)
#   BUILD       the build tree (install, examples-tree)
#   SOURCE_DIR  the source tree (subdir)
#   WORK        scratch directory (default: a temporary one)
#   CC, CXX     compilers of the programs built here (default cc, c++)
#   SAN_FLAGS   compile and link flags they need to load a sanitized libscmi (default none)
#   SANITIZE    ON/OFF for the add_subdirectory build (default OFF)
set -uo pipefail
# Under pipefail a `| grep -q` fails when grep's early exit kills the writer with SIGPIPE:
# pipelines here end in `grep ... >/dev/null`, which reads all its input.

here=$(cd "$(dirname "$0")" && pwd)
: "${CC:=cc}" "${CXX:=c++}" "${SAN_FLAGS:=}" "${SANITIZE:=OFF}"
own_work=
if [ -z "${WORK:-}" ]; then
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/scmi-install-XXXXXX")
	own_work=1
fi
mkdir -p "$WORK"
daemon=
sock=
sockdir=
fail=0

cleanup() {
	stop_daemon
	[ -n "$sockdir" ] && rm -rf "$sockdir"
	[ -n "$own_work" ] && rm -rf "$WORK"
}
trap cleanup EXIT

ok() { echo "ok   $*"; }
bad() {
	echo "FAIL $*"
	fail=1
}
# run CMD...: print it as typed, then run it; its output follows.
run() {
	echo "\$ $*"
	"$@"
}

# The installed daemon on a private socket, with no --platform: it must find the installed
# default platform by itself.
start_daemon() {
	[ -n "$daemon" ] && return 0
	# A Unix socket path holds at most 107 bytes; the build tree may be deep (CI's is), so
	# the socket lives in a short private directory of its own.
	sockdir=$(mktemp -d "${TMPDIR:-/tmp}/scmi-sock-XXXXXX")
	sock=$sockdir/optee-simd.sock
	"$PREFIX/bin/optee-simd" --socket "$sock" 2>"$WORK/daemon.log" &
	daemon=$!
	for _ in $(seq 1000); do
		[ -S "$sock" ] && return 0
		kill -0 "$daemon" 2>/dev/null || break
		sleep 0.01
	done
	bad "optee-simd did not start"
	cat "$WORK/daemon.log"
	daemon=
	return 1
}

stop_daemon() {
	[ -n "$daemon" ] || return 0
	kill -TERM "$daemon" 2>/dev/null
	wait "$daemon" 2>/dev/null
	daemon=
	rm -rf "$sockdir"
	sockdir=
}

# expect NAME PATTERN FILE: FILE has a line matching the extended regex.
expect() {
	if grep -Eq -- "$2" "$3"; then
		ok "$1"
	else
		bad "$1: no '$2' in:"
		sed 's/^/  /' "$3"
	fi
}

libdir() {
	local d
	for d in "$PREFIX"/lib "$PREFIX"/lib/*-linux-gnu* "$PREFIX"/lib64; do
		[ -e "$d/pkgconfig/scmi.pc" ] && { echo "$d"; return; }
	done
	echo "$PREFIX/lib"
}

check_install() {
	# Start from nothing, but never empty a directory this script did not fill.
	if [ -n "$(ls -A "$PREFIX" 2>/dev/null)" ] && [ ! -e "$PREFIX/.scmi-install-check" ]; then
		bad "$PREFIX is not empty: give a fresh PREFIX"
		return
	fi
	rm -rf "$PREFIX"
	mkdir -p "$PREFIX" && touch "$PREFIX/.scmi-install-check"
	if cmake --install "$BUILD" --prefix "$PREFIX" >"$WORK/install.log" 2>&1; then
		ok "cmake --install $BUILD --prefix $PREFIX ($(grep -c Installing "$WORK/install.log") files)"
	else
		bad "cmake --install"
		cat "$WORK/install.log"
	fi
}

check_layout() {
	local lib f
	lib=$(libdir)
	for f in bin/scmi bin/optee-simd include/scmi/scmi.h include/scmi/tee_client.h \
		include/scmi/proto/status.h include/scmi/server/server.h \
		share/scmi-optee/platforms/default.dtb share/scmi-optee/platforms/default.dts \
		share/man/man1/scmi.1 share/man/man8/optee-simd.8 \
		share/man/man5/scmi-optee-platform.5 share/man/man3/libscmi.3 \
		share/bash-completion/completions/scmi share/bash-completion/completions/optee-simd \
		share/doc/scmi-optee/user-guide.md share/doc/scmi-optee/examples/Makefile; do
		[ -e "$PREFIX/$f" ] || bad "missing $f"
	done
	for f in libscmi.so libscmi.a libscmi-server.a pkgconfig/scmi.pc pkgconfig/scmi-server.pc \
		cmake/scmi/scmiConfig.cmake cmake/scmi/scmiTargets.cmake; do
		[ -e "$lib/$f" ] || bad "missing ${lib#"$PREFIX"/}/$f"
	done
	# In-tree only: its backend needs the whole secure side, which libscmi does not carry.
	[ -e "$PREFIX/include/scmi/tee_inproc.h" ] && bad "tee_inproc.h installed"
	local soname
	soname=$(readelf -d "$lib/libscmi.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
	[[ $soname =~ ^libscmi\.so\.[0-9]+$ ]] && [ -e "$lib/$soname" ] && ok "soname $soname" ||
		bad "soname '$soname'"
	# libscmi carries its layers: it needs nothing of ours, only libfdt and libc.
	if readelf -d "$lib/libscmi.so" | grep NEEDED | grep scmi_ >/dev/null; then
		bad "libscmi.so needs an internal library"
	else
		ok "libscmi.so needs $(readelf -d "$lib/libscmi.so" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
	fi
	# No file a consumer reads names the build or source tree (the prefix may lie inside one).
	local tree
	for tree in ${BUILD:-} ${SOURCE_DIR:-}; do
		if find "$lib/pkgconfig" "$lib/cmake" "$PREFIX/include" -type f -exec cat {} + |
			sed "s|$PREFIX||g" | grep -F "$tree" >/dev/null; then
			bad "installed files name $tree"
		fi
	done
	"$PREFIX/bin/scmi" --version >"$WORK/v" && expect "scmi --version" '^scmi [0-9]+\.[0-9]+' "$WORK/v"
	"$PREFIX/bin/optee-simd" --version >"$WORK/v" &&
		expect "optee-simd --version" '^optee-simd [0-9]+\.[0-9]+' "$WORK/v"
	"$PREFIX/bin/optee-simd" --help >"$WORK/v"
	expect "installed optee-simd defaults to the installed platform" \
		"default: $(readlink -f "$PREFIX")/share/scmi-optee/platforms/default.dtb" "$WORK/v"
	"$PREFIX/bin/scmi" >"$WORK/v" 2>&1
	expect "scmi with no arguments prints its usage" '^Commands:' "$WORK/v"
}

# The functions of the installed public headers, as the compiler reads them (-aux-info).
public_functions() {
	local h
	for h in "$PREFIX"/include/scmi/*.h "$PREFIX"/include/scmi/proto/*.h; do
		echo "#include \"$h\""
	done >"$WORK/all.c"
	gcc -aux-info "$WORK/aux" -fsyntax-only -I"$PREFIX/include" "$WORK/all.c" || return 1
	grep -F "$PREFIX/include/" "$WORK/aux" | grep -v '\*/ static ' |
		sed -E 's/^\/\*[^*]*\*\/ //; s/ \(.*//; s/.*[ *]//' | sort -u
}

check_exports() {
	local lib
	lib=$(libdir)
	public_functions >"$WORK/public" || { bad "public headers do not compile"; return; }
	nm -D --defined-only "$lib/libscmi.so" | awk '$2 ~ /^[TW]$/ {print $3}' | sed 's/@.*//' |
		sort -u >"$WORK/exported"
	if cmp -s "$WORK/public" "$WORK/exported"; then
		ok "libscmi.so exports the $(wc -l <"$WORK/public") functions of the public headers, nothing else"
	else
		bad "exports differ from the public headers (< declared only, > exported only; cmake/libscmi.map):"
		diff "$WORK/public" "$WORK/exported" | grep '^[<>]'
	fi
	if nm -D --defined-only "$lib/libscmi.so" | awk '$2 == "T"' | grep -vq '@@SCMI_'; then
		bad "unversioned exports"
	fi
}

# Every installed header compiles on its own, as C and as C++.
check_headers() {
	local h rel n=0
	for h in "$PREFIX"/include/scmi/*.h "$PREFIX"/include/scmi/*/*.h; do
		rel=${h#"$PREFIX"/include/}
		printf '#include <%s>\n' "$rel" >"$WORK/h.c"
		cp "$WORK/h.c" "$WORK/h.cpp"
		"$CC" -std=c11 -Wall -Wextra -Werror -I"$PREFIX/include" -c "$WORK/h.c" -o /dev/null ||
			bad "$rel in C"
		"$CXX" -std=c++11 -Wall -Wextra -Werror -I"$PREFIX/include" -c "$WORK/h.cpp" \
			-o /dev/null || bad "$rel in C++"
		# Compiling is not linking: a C++ caller needs C linkage for the declarations.
		grep -q 'extern "C"' "$h" || bad "$rel has no extern \"C\" guard"
		n=$((n + 1))
	done
	ok "$n headers compile alone as C11 and C++11, with C linkage in C++"
}

check_c() {
	local lib
	lib=$(libdir)
	export PKG_CONFIG_PATH=$lib/pkgconfig
	start_daemon || return
	echo "\$ pkg-config --cflags --libs scmi"
	pkg-config --cflags --libs scmi | sed "s|$PREFIX|PREFIX|g"
	# shellcheck disable=SC2046,SC2086
	run "$CC" $SAN_FLAGS -o "$WORK/clock" "$here/clock.c" $(pkg-config --cflags --libs scmi) ||
		{ bad "C program does not build with pkg-config"; return; }
	LD_LIBRARY_PATH=$lib run "$WORK/clock" "$sock" | tee "$WORK/out"
	expect "C program, pkg-config, libscmi.so: reads a clock" '^osc24m 24000000 Hz$' "$WORK/out"
	LD_LIBRARY_PATH=$lib ldd "$WORK/clock" | grep "$lib/libscmi.so" >/dev/null ||
		bad "not linked to the installed libscmi.so"
	# libscmi.a, and the other libraries pkg-config --static names (libfdt, threads).
	local others
	others=$(pkg-config --static --libs scmi | sed 's/ *-lscmi\b//')
	# shellcheck disable=SC2046,SC2086
	"$CC" $SAN_FLAGS -o "$WORK/clock-static" "$here/clock.c" $(pkg-config --cflags scmi) \
		"$lib/libscmi.a" $others || { bad "C program does not link libscmi.a"; return; }
	ldd "$WORK/clock-static" | grep libscmi >/dev/null && bad "clock-static needs libscmi.so"
	"$WORK/clock-static" "$sock" >"$WORK/out"
	expect "C program, pkg-config --static, libscmi.a: reads a clock" '^osc24m 24000000 Hz$' \
		"$WORK/out"
}

check_cxx() {
	local b=$WORK/cxx lib
	lib=$(libdir)
	start_daemon || return
	rm -rf "$b"
	run cmake -S "$here/cxx" -B "$b" -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_CXX_COMPILER="$CXX" \
		-DCMAKE_CXX_FLAGS="$SAN_FLAGS" -DCMAKE_EXE_LINKER_FLAGS="$SAN_FLAGS" >"$WORK/cxx.log" 2>&1 &&
		cmake --build "$b" >>"$WORK/cxx.log" 2>&1 ||
		{ bad "C++ program does not build with find_package(scmi)"; cat "$WORK/cxx.log"; return; }
	run "$b/clock++" "$sock" | tee "$WORK/out"
	expect "C++ program, find_package(scmi), scmi::scmi: reads a clock" '^osc24m 24000000 Hz$' \
		"$WORK/out"
	"$b/clock++-static" "$sock" >"$WORK/out"
	expect "C++ program, scmi::scmi_static: reads a clock" '^osc24m 24000000 Hz$' "$WORK/out"
}

check_subdir() {
	local b=$WORK/subdir
	start_daemon || return
	rm -rf "$b"
	# Only the consumer is built: libscmi's objects and nothing else of the tree.
	if cmake -S "$here/subdir" -B "$b" -G Ninja -DSCMI_SOURCE_DIR="$SOURCE_DIR" \
		-DCMAKE_C_COMPILER="$CC" -DSCMI_SANITIZE="$SANITIZE" -DCMAKE_C_FLAGS="$SAN_FLAGS" \
		-DCMAKE_EXE_LINKER_FLAGS="$SAN_FLAGS" >"$WORK/subdir.log" 2>&1 &&
		cmake --build "$b" --target clock -j2 >>"$WORK/subdir.log" 2>&1; then
		ok "add_subdirectory: configured and built"
	else
		bad "add_subdirectory"
		tail -30 "$WORK/subdir.log"
		return
	fi
	"$b/clock" "$sock" >"$WORK/out"
	expect "add_subdirectory, scmi::scmi_static: reads a clock" '^osc24m 24000000 Hz$' "$WORK/out"
}

# run_examples DIR: the three examples of DIR against the daemon.
run_examples() {
	local d=$1
	run "$d/sensors" "$sock" | tee "$WORK/out"
	expect "example sensors: every sensor, in its unit" '^soc_temp .*: [0-9.]+ degC$' "$WORK/out"
	expect "example sensors: the 3-axis sensor" '^board_temp: -?[0-9.]+ -?[0-9.]+ -?[0-9.]+ degC$' \
		"$WORK/out"
	expect "example sensors: extended names" '^vdd_cpu_big_volt: [0-9.]+ V$' "$WORK/out"
	run "$d/perf_freq" cpu_big 1600 "$sock" | tee "$WORK/out"
	expect "example perf_freq: cpu_big at 1.6 GHz" 'asked level 1608 \(1608 MHz\), runs at level 1608' \
		"$WORK/out"
	run "$d/notify" | tee "$WORK/out"
	expect "example notify: the subscriber gets the notifier" \
		'from agent 0: graceful system state 0, within 5000 ms' "$WORK/out"
	expect "example notify: none after unsubscribing" 'no subscriber' "$WORK/out"
}

check_examples() {
	local lib d=$WORK/examples
	lib=$(libdir)
	start_daemon || return
	rm -rf "$d"
	cp -r "$PREFIX/share/doc/scmi-optee/examples" "$d"
	PKG_CONFIG_PATH=$lib/pkgconfig run make -C "$d" CC="$CC" \
		CFLAGS="-O2 -Wall -Wextra -Werror $SAN_FLAGS" LDFLAGS="$SAN_FLAGS" >"$WORK/make.log" 2>&1 ||
		{ bad "the installed examples do not build"; cat "$WORK/make.log"; return; }
	LD_LIBRARY_PATH=$lib run_examples "$d"
}

check_examples_tree() {
	start_daemon || return
	run_examples "$BUILD/examples"
}

check_man() {
	local p n=0
	for p in "$PREFIX"/share/man/man*/*.[0-9]; do
		# groff's warnings on stderr fail the page; the text must have its sections.
		MANWIDTH=80 man --warnings -l "$p" >"$WORK/page" 2>"$WORK/warn"
		if [ -s "$WORK/warn" ] || ! grep -q '^NAME' "$WORK/page" ||
			! grep -q '^SYNOPSIS' "$WORK/page"; then
			bad "man -l $p"
			cat "$WORK/warn"
		fi
		n=$((n + 1))
	done
	[ "$n" -ge 4 ] && ok "$n man pages render without a warning (man -l)" || bad "$n man pages"
	MANWIDTH=80 man -l "$PREFIX/share/man/man1/scmi.1" | head -12
}

check_completion() {
	local c=$PREFIX/share/bash-completion/completions/scmi
	start_daemon || return
	echo "\$ scmi --socket SOCK cl<TAB>"
	"$here/complete.sh" "$c" _scmi "$PREFIX/bin/scmi" --socket "$sock" cl | tee "$WORK/out"
	expect "completion: a command" '^clock$' "$WORK/out"
	echo "\$ scmi --socket SOCK clock get <TAB>"
	"$here/complete.sh" "$c" _scmi "$PREFIX/bin/scmi" --socket "$sock" clock get "" |
		tee "$WORK/out" | tr '\n' ' '
	echo
	expect "completion: clock names asked of the platform" '^pll_cpu_big$' "$WORK/out"
	"$here/complete.sh" "$c" _scmi "$PREFIX/bin/scmi" --socket "$sock" perf "" >"$WORK/out"
	expect "completion: verbs" '^levels$' "$WORK/out"
	"$here/complete.sh" "$PREFIX/share/bash-completion/completions/optee-simd" _optee_simd \
		"$PREFIX/bin/optee-simd" --pla >"$WORK/out"
	expect "completion: optee-simd options" '^--platform$' "$WORK/out"
}

# A user's platform, as the user guide has it written: from the installed sources, compiled
# with dtc, validated by optee-simd --check; a misspelt property is refused with its node.
check_platform_check() {
	local src=$PREFIX/share/scmi-optee/platforms d=$WORK/platform-check f n=0
	rm -rf "$d"
	mkdir -p "$d"
	for f in $(grep -l '"scmi-optee,platform"' "$src"/*.dts); do
		"$PREFIX/bin/optee-simd" --check "${f%.dts}.dtb" >"$WORK/out" 2>&1 ||
			{ bad "optee-simd --check $(basename "${f%.dts}.dtb")"; cat "$WORK/out"; }
		n=$((n + 1))
	done
	ok "optee-simd --check: the $n installed platforms are valid"
	cp "$src"/default.dts "$src"/default-*.dtsi "$d"
	sed -i '0,/always-on;/s//always_on;/' "$d/default-clock.dtsi"
	run dtc -q -I dts -O dtb -o "$d/my-soc.dtb" "$d/default.dts" ||
		{ bad "dtc"; return; }
	run "$PREFIX/bin/optee-simd" --check "$d/my-soc.dtb" >"$WORK/out" 2>&1
	local rc=$?
	cat "$WORK/out"
	[ "$rc" = 1 ] || bad "optee-simd --check exit $rc, expected 1"
	expect "optee-simd --check: a misspelt property, with its node" \
		"protocols/protocol@14/clock@0: unknown property 'always_on'" "$WORK/out"
}

[ $# -gt 0 ] || set -- all
checks=()
for c in "$@"; do
	if [ "$c" = all ]; then
		checks+=(layout exports headers c cxx examples man completion platform-check)
	else
		checks+=("$c")
	fi
done
set -- "${checks[@]}"
for c in "$@"; do
	echo "== $c"
	case $c in
	install) check_install ;;
	layout) check_layout ;;
	exports) check_exports ;;
	headers) check_headers ;;
	c) check_c ;;
	cxx) check_cxx ;;
	subdir) check_subdir ;;
	examples) check_examples ;;
	examples-tree) check_examples_tree ;;
	man) check_man ;;
	completion) check_completion ;;
	platform-check) check_platform_check ;;
	*)
		echo "check.sh: unknown check $c" >&2
		exit 2
		;;
	esac
done
[ "$fail" = 0 ] && echo "all passed" || echo "FAILED"
exit "$fail"
