/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Passing file descriptors over the optee-simd socket: both ends (the sim
 * backend and the daemon's socket server) send one packet with at most one
 * fd, and collect the fds of a received message the same way.
 */
#ifndef SCMI_IPC_SCM_RIGHTS_H
#define SCMI_IPC_SCM_RIGHTS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

/**
 * scm_send_packet() - send @len bytes at @buf as one packet on @sock, with
 * @fd in SCM_RIGHTS when @fd >= 0. Retries on EINTR; never raises SIGPIPE.
 *
 * Return: 0 when the whole packet went, -errno from sendmsg(), -EPROTO for a
 * short send.
 */
int scm_send_packet(int sock, const void *buf, size_t len, int fd);

/**
 * scm_take_fds() - collect the fds a received @msg carries: the first @max go
 * into @fds in order, every further one is closed so that none leaks.
 * @foreign (may be NULL) is set when a control message other than
 * SCM_RIGHTS is present (it is left alone otherwise).
 *
 * Return: how many fds the message carried in all (may exceed @max).
 */
int scm_take_fds(struct msghdr *msg, int *fds, int max, bool *foreign);

#endif /* SCMI_IPC_SCM_RIGHTS_H */
