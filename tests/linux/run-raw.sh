#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# run-raw.sh [BUILD_DIR]: make test-linux-raw. The same run as run.sh, with the small kernel of
# build-raw-kernel.sh (raw mode + COEX, every SCMI driver built in, powercap included): the
# normal checks plus raw messages, well-formed and malformed, through the real virtio transport.
here=$(cd "$(dirname "$0")" && pwd)
SCMI_LINUX_KERNEL=raw exec "$here/run.sh" "$@"
