/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The linux-raw transport's view of the files it uses (transport/linux_raw.c).
 *
 * The transport reaches the kernel's SCMI raw mode only through these operations,
 * so that unit tests can put a fake kernel behind them (the debugfs files cannot be
 * faked with ordinary files or pipes: a read returns one whole message and then EOF,
 * and a write fails with the kernel's errno). The default, scmi_linux_raw_sys_io,
 * is plain open/read/write/poll/flock on the real files.
 */
#ifndef SCMI_AGENT_LINUX_RAW_H
#define SCMI_AGENT_LINUX_RAW_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/**
 * struct scmi_linux_raw_io - file operations of the linux-raw transport.
 * @ctx:   passed to every operation
 * @open:  open @path with open(2) @flags; a descriptor, or -errno
 * @close: close @fd
 * @read:  read(2): bytes read (0 at a message's end), or -errno (-EAGAIN: nothing queued)
 * @write: write(2): bytes written, or -errno (what the kernel refused the message with)
 * @poll:  wait up to @timeout_ms for @fd to be readable: 1 readable, 0 not, or -errno
 * @lock:  take (@exclusive) or drop an advisory lock on @fd without blocking: 0, or
 *         -EWOULDBLOCK while another process holds it
 */
struct scmi_linux_raw_io {
	void *ctx;
	int (*open)(void *ctx, const char *path, int flags);
	void (*close)(void *ctx, int fd);
	ssize_t (*read)(void *ctx, int fd, void *buf, size_t len);
	ssize_t (*write)(void *ctx, int fd, const void *buf, size_t len);
	int (*poll)(void *ctx, int fd, int timeout_ms);
	int (*lock)(void *ctx, int fd, bool exclusive);
};

/** The real files. */
extern const struct scmi_linux_raw_io scmi_linux_raw_sys_io;

#endif /* SCMI_AGENT_LINUX_RAW_H */
