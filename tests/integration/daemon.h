/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Test helper: run optee-simd as a real process on a socket in a private
 * temporary directory, and stop, freeze, kill or restart it.
 */
#ifndef SCMI_TEST_DAEMON_H
#define SCMI_TEST_DAEMON_H

#include <stdbool.h>
#include <sys/types.h>

/**
 * struct test_daemon - one optee-simd process.
 * @pid:      its pid, 0 when not running
 * @dir:      the private temporary directory
 * @socket:   the socket path inside @dir
 * @log:      its stderr, a file inside @dir
 * @platform: the platform DTB it serves
 */
struct test_daemon {
	pid_t pid;
	char dir[256];
	char socket[300];
	char log[300];
	const char *platform;
};

/** test_daemon_start() - create the directory (first call) and start the daemon; false on failure. */
bool test_daemon_start(struct test_daemon *d, const char *platform_dtb);

/** test_daemon_signal() - send @sig; for SIGKILL/SIGTERM also reap it. Returns its wait status. */
int test_daemon_signal(struct test_daemon *d, int sig);

/** test_daemon_cleanup() - stop it if running and remove the directory. */
void test_daemon_cleanup(struct test_daemon *d);

#endif
