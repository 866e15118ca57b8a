/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The daemon's log: every line written to stderr, by any part of the daemon, leaves with a
 * UTC timestamp in front ("2026-12-06T19:31:17.123456Z optee-simd: listening on ..."), to
 * stderr or to the file of --log.
 */
#ifndef SECURE_DAEMON_LOG_H
#define SECURE_DAEMON_LOG_H

#include <stddef.h>

/**
 * daemon_log_start() - from now on, stderr goes through the timestamper to @path (appended
 * to; NULL: the stderr we started with). Returns 0, or -errno with a reason in @err.
 */
int daemon_log_start(const char *path, char *err, size_t errlen);

/** daemon_log_stop() - write out what stderr still holds; stderr is the destination again. */
void daemon_log_stop(void);

#endif /* SECURE_DAEMON_LOG_H */
