# The two commands of the README, for a fresh Debian 12 machine:
#   make run   install what is missing, build, start optee-simd, tour the platform with scmi
#   make test  install what is missing, build with ASan+UBSan, run every test under ctest
BUILD      ?= build
BUILD_TEST ?= build-test
# g++, scdoc, man-db and bash-completion: the install tests build a C++ program, the man
# pages, render them (man -l) and complete a command line. python3-jsonschema validates the
# CLI's JSON against docs/json/ (tests/integration/cli_json.sh). tshark decodes a capture
# of the tour with contrib/wireshark/scmi.lua (tests/integration/cli_capture.sh).
DEB_PKGS   := cmake ninja-build gcc clang pkg-config libfdt-dev device-tree-compiler libcmocka-dev \
	      g++ scdoc man-db bash-completion python3-jsonschema tshark
# Fuzzing (tests/fuzz/README.md): clang with libFuzzer, and what the libraries need.
FUZZ_DEB_PKGS := clang libclang-rt-14-dev cmake ninja-build pkg-config libfdt-dev \
		 device-tree-compiler
BUILD_FUZZ   ?= build-fuzz
FUZZ_SECONDS ?= 600
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build run test bench format clean fuzz-deps fuzz-build fuzz fuzz-ci

all: build

# Install only what is missing, so a machine that has everything needs no network.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		echo "wireshark-common wireshark-common/install-setuid boolean false" | \
			$(SUDO) debconf-set-selections; \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD)

run: build
	./tools/tour.sh $(BUILD)

# libscmi (shared and static), headers, pkg-config and CMake files, the tools, the example
# platforms, man pages and completion, under PREFIX (docs/user-guide.md); DESTDIR for staging.
# The build is configured for PREFIX: its library directory is Debian's (lib/<triplet> for /usr).
PREFIX ?= /usr/local
.PHONY: install install-check
install: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX="$(PREFIX)"
	cmake --build $(BUILD)
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD)

# What CI checks of an install: into a temporary prefix, then from outside it a C program
# through pkg-config, a C++ one through find_package, the examples, every man page, and the
# bash completion (tests/install/check.sh prints each command and its output).
install-check: build
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	PREFIX="$$tmp/prefix" BUILD="$(CURDIR)/$(BUILD)" WORK="$$tmp/work" tests/install/check.sh install all

test: deps
	cmake -S . -B $(BUILD_TEST) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSCMI_SANITIZE=ON
	cmake --build $(BUILD_TEST)
	cd $(BUILD_TEST) && ctest --output-on-failure -j2
	@echo "== again with the TEE fast lane off (SCMI_TEE_LANE=0): the socket path"
	cd $(BUILD_TEST) && SCMI_TEE_LANE=0 ctest --output-on-failure -j2 -L 'tee|integration'

# Every build type a user may pick, each with warnings as errors: the README's build
# (RelWithDebInfo), Release (-O3 finds warnings -O0 hides), and clang with sanitizers; the
# last two also run the unit and protocol tests. `make test` is the gcc Debug+ASan+UBSan build.
BUILD_TYPES_DIR ?= build-types
.PHONY: check-builds
check-builds: deps
	cmake -S . -B $(BUILD_TYPES_DIR)/relwithdebinfo -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD_TYPES_DIR)/relwithdebinfo
	cmake -S . -B $(BUILD_TYPES_DIR)/release -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_TYPES_DIR)/release
	cd $(BUILD_TYPES_DIR)/release && ctest -j2 -L 'unit|protocol' --output-on-failure
	cmake -S . -B $(BUILD_TYPES_DIR)/clang -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSCMI_SANITIZE=ON \
		-DCMAKE_C_COMPILER=clang
	cmake --build $(BUILD_TYPES_DIR)/clang
	cd $(BUILD_TYPES_DIR)/clang && ctest -j2 -L 'unit|protocol' --output-on-failure

# Every test but the cross builds under ThreadSanitizer (GCC): the daemon's connection and
# lane threads, the platform's locks, the agent's reader threads. tests/tsan.supp lists the
# races a test makes on purpose; test_cli_watch is left out because TSan holds a signal back
# until the thread leaves the sleep the test expects it to cut short.
BUILD_TSAN ?= build-tsan
TSAN_ENV = TSAN_OPTIONS="suppressions=$(CURDIR)/tests/tsan.supp halt_on_error=1 second_deadlock_stack=1"
# setarch -R: GCC 12's TSan wants the address layout of a kernel with fewer random bits than
# some newer ones give; without randomization any kernel's layout suits it.
TSAN_RUN = $(TSAN_ENV) setarch "$$(uname -m)" -R
.PHONY: check-tsan tsan-build test-linux-tsan
tsan-build: deps
	cmake -S . -B $(BUILD_TSAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSCMI_SANITIZE_THREAD=ON \
		-DSCMI_BUILD_BENCH=OFF -DSCMI_MAN=OFF
	cmake --build $(BUILD_TSAN)
check-tsan: tsan-build
	cd $(BUILD_TSAN) && $(TSAN_RUN) ctest -j2 -LE freestanding -E '^test_cli_watch$$' \
		--output-on-failure
# The real Linux guest of test-linux against the daemon of that build: a race in the
# vhost-user device's threads, with a real driver on the other side, aborts the daemon and
# fails the run.
test-linux-tsan: tsan-build
	$(TSAN_RUN) tests/linux/run.sh $(BUILD_TSAN)

# Release build, no sanitizers: costs of a round trip, as ratios to the IPC under it; the
# server's instructions per message (valgrind), its Thumb-2 size, RAM and stack (Debian's
# gcc-arm-none-eabi). One table, and $(BUILD_BENCH)/bench.json (docs/performance.md).
BUILD_BENCH ?= build-bench
BENCH_DEB_PKGS := valgrind gcc-arm-none-eabi
bench: deps
	@missing=""; for p in $(BENCH_DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi
	cmake -S . -B $(BUILD_BENCH) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSCMI_BUILD_TESTS=OFF
	cmake --build $(BUILD_BENCH) --target bench_roundtrip bench_latency bench_core bench_inproc optee-simd \
		platforms
	bench/bench.sh $(BUILD_BENCH)

fuzz-deps:
	@missing=""; for p in $(FUZZ_DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi

fuzz-build: fuzz-deps
	cmake -S tests/fuzz -B $(BUILD_FUZZ) -G Ninja -DCMAKE_C_COMPILER=clang
	cmake --build $(BUILD_FUZZ)

# Every fuzz target for FUZZ_SECONDS each (one at a time), then its libFuzzer stats.
fuzz: fuzz-build
	tests/fuzz/run.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)

# The bounded run CI does after `make test`.
fuzz-ci: fuzz-build
	tests/fuzz/run.sh $(BUILD_FUZZ) 30

# Mutation testing (docs/mutation.md): MUTATION_SAMPLE mutants, drawn with MUTATION_SEED, of
# the files the tests must guard; each built and run against the tests that cover its file.
BUILD_MUTATION ?= build-mutation
MUTATION_SEED ?= 1
MUTATION_SAMPLE ?= 150
MUTATION_PATHS ?= src/server src/pta src/secure/pta_scmi.c src/agent src/platform/sim
.PHONY: mutation mutation-ci
mutation: deps
	tools/mutation/mutate.py --work $(BUILD_MUTATION) --seed $(MUTATION_SEED) \
		--sample $(MUTATION_SAMPLE) --json $(BUILD_MUTATION)/mutation.json $(MUTATION_PATHS)

# CI's small fixed sample over the server core: fails when fewer than 3 in 4 are killed, so a
# change that weakens the tests shows.
mutation-ci: deps
	tools/mutation/mutate.py --work $(BUILD_MUTATION) --seed 2026 --sample 8 \
		--min-score 0.75 src/server

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(BUILD_TEST) $(BUILD_FUZZ) $(BUILD_BENCH) $(BUILD_TYPES_DIR) $(BUILD_ARM64) \
		$(BUILD_MUTATION) $(BUILD_TSAN)

# The real Linux arm_scmi driver (Debian's arm64 kernel under QEMU, vhost-user-scmi) against
# optee-simd, checked from the guest's console (docs/test-linux.md). Needs root or sudo: it
# installs QEMU and the kernel packages from bookworm-backports; the cache lives in
# $(SCMI_LINUX_CACHE), outside the tree.
SCMI_LINUX_CACHE ?= /var/cache/scmi-optee-linux
export SCMI_LINUX_CACHE
.PHONY: test-linux
test-linux: build
	tests/linux/run.sh $(BUILD)


# A static scmi for arm64 boards (docs/linux-raw.md): Debian's cross compiler; libfdt for arm64
# unpacked from its .deb into $(SCMI_LINUX_CACHE), not installed. Output:
# $(BUILD_ARM64)/tools/scmi/scmi.
BUILD_ARM64 ?= build-arm64
.PHONY: scmi-arm64
scmi-arm64:
	tests/linux/build-scmi-arm64.sh $(BUILD_ARM64)

# Optional: a small kernel with ARM_SCMI_RAW_MODE_SUPPORT(_COEX) built from the same
# linux-source (about 7-10 minutes on 2 cores the first time, cached outside the tree): the same
# checks plus raw messages through the real transport, and powercap; and the arm64 scmi in the
# guest over linux-raw, compared with what the host sees over OP-TEE (docs/linux-raw.md).
.PHONY: test-linux-raw
test-linux-raw: build scmi-arm64
	SCMI_ARM64_CLI=$(BUILD_ARM64)/tools/scmi/scmi tests/linux/run-raw.sh $(BUILD)

# Static checks (docs/lint.md): clang-tidy (.clang-tidy) and cppcheck over every C file of the
# build and the fuzz targets; any finding not in tools/lint/known-findings fails. Installs the two
# tools if missing, like deps.
LINT_DEB_PKGS := clang-tidy cppcheck
BUILD_LINT    ?= build-lint
.PHONY: lint
lint: deps
	@missing=""; for p in $(LINT_DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$missing; \
	fi
	tools/lint/lint.sh $(BUILD_LINT)

# The OP-TEE-ABI secure firmware (firmware/README.md), cross-built with Debian's aarch64 GCC
# into $(BUILD_FW)/firmware, serving the simulated platform of FW_PLATFORM (its DTB appended to
# the image) with libfdt from Debian's libfdt-dev:arm64 (unpacked into $(SCMI_LINUX_CACHE), not
# installed); make test-linux-optee boots Debian's stock kernel and its optee and scmi_optee
# modules against it in each channel configuration and checks what Linux made of the platform
# (docs/secure-firmware.md). make qemu-optee KERNEL=Image [DTB=...] [INITRD=...] boots any
# arm64 kernel against it.
BUILD_FW    ?= build-fw
FW_BIN      := $(BUILD_FW)/firmware/fw.bin
FW_PLATFORM ?= platforms/default.dts
.PHONY: firmware test-linux-optee qemu-optee
firmware:
	@command -v aarch64-linux-gnu-gcc >/dev/null || { $(SUDO) apt-get update && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y gcc-aarch64-linux-gnu; }
	@command -v dtc >/dev/null || { $(SUDO) apt-get update && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y device-tree-compiler; }
	$(MAKE) -C firmware O=$(abspath $(BUILD_FW))/firmware PLATFORM=$(abspath $(FW_PLATFORM)) \
		LIBFDT_DIR=$$(firmware/fetch-libfdt.sh)
test-linux-optee: build firmware
	tests/linux-optee/run.sh $(FW_BIN) $(BUILD)
qemu-optee: firmware
	tests/linux-optee/qemu.sh $(FW_BIN) "$(KERNEL)" "$(DTB)" "$(INITRD)"
