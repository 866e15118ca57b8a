/* SPDX-License-Identifier: BSD-3-Clause */
/* Claiming the path of a listening Unix socket (optee-simd's socket, vhost-user sockets). */
#ifndef SCMI_SECURE_UNIX_PATH_H
#define SCMI_SECURE_UNIX_PATH_H

#include <stddef.h>

/**
 * unix_claim_path() - make @path free for a new listener of socket @type: refuse a path that
 * is not a socket (-EEXIST) or where a live @who ("daemon", "backend") answers (-EADDRINUSE);
 * remove a stale socket. 0, or -errno with a one-line reason in @err.
 */
int unix_claim_path(const char *path, int type, const char *who, char *err, size_t err_len);

#endif /* SCMI_SECURE_UNIX_PATH_H */
