#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# run-raw.sh [BUILD_DIR]: make test-linux-raw. The same run as run.sh, with the small kernel of
# build-raw-kernel.sh (raw mode + COEX, every SCMI driver built in, powercap included): the
# normal checks plus raw messages, well-formed and malformed, through the real virtio transport;
# and the static arm64 scmi in the guest over linux-raw (SCMI_ARM64_CLI, else built here with
# build-scmi-arm64.sh), compared with what the host sees over OP-TEE (docs/linux-raw.md).
set -e
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${SCMI_ARM64_CLI:-}" ]; then
	top=$(cd "$here/../.." && pwd)
	"$here/build-scmi-arm64.sh" "$top/build-arm64"
	SCMI_ARM64_CLI=$top/build-arm64/tools/scmi/scmi
fi
case $SCMI_ARM64_CLI in /*) ;; *) SCMI_ARM64_CLI=$PWD/$SCMI_ARM64_CLI ;; esac
export SCMI_ARM64_CLI
SCMI_LINUX_KERNEL=raw exec "$here/run.sh" "$@"
