/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A virtio-scmi device (virtio spec 1.2, 5.17) served as a vhost-user
 * backend: we listen on a Unix socket, QEMU's vhost-user-scmi connects as
 * the frontend. The device is one SCMI channel of the platform (and so one
 * agent): each request on the command queue (queue 0) goes to the same
 * server core the OP-TEE PTA uses; the event queue (queue 1) carries
 * platform-to-agent messages (notifications, delayed responses).
 *
 * Wire format of both queues: no SMT, no shared-memory flags. A command is
 * one descriptor chain: readable part le32 header + parameters, writable part
 * le32 header + le32 status + return values. An event is le32 header +
 * payload in a writable buffer the driver posted on the event queue.
 *
 * One thread per device serves one frontend connection at a time; a
 * malformed vhost-user message drops that connection and the device waits
 * for the next one.
 */
#ifndef SCMI_SECURE_VHOST_USER_SCMI_H
#define SCMI_SECURE_VHOST_USER_SCMI_H

#include <stddef.h>
#include <stdint.h>

#include "scmi/server/server.h"

struct sim_platform;

/* virtio-scmi feature bits. */
#define VIRTIO_SCMI_F_P2A_CHANNELS  0
#define VIRTIO_SCMI_F_SHARED_MEMORY 1

/* Queue indexes. */
#define VIRTIO_SCMI_VQ_TX    0 /* cmdq: agent-to-platform requests */
#define VIRTIO_SCMI_VQ_RX    1 /* eventq: platform-to-agent messages */
#define VIRTIO_SCMI_VQ_COUNT 2

struct vhost_scmi_dev;

/**
 * struct vhost_scmi_config - one device.
 * @socket_path: Unix socket to listen on (a stale socket file there is replaced; a live
 *               one or any other file is refused)
 * @channel_id:  platform channel the device is (its agent answers the guest's requests)
 * @fc_plat:     the simulated platform behind the server, for fast channels: while a
 *               frontend is connected and the channel's agent has a fast-channel region in
 *               guest memory, the device thread runs the platform's pass over it at the
 *               region's rate limit (sim_fastchannel.h). NULL: no fast channels
 */
struct vhost_scmi_config {
	const char *socket_path;
	uint32_t channel_id;
	struct sim_platform *fc_plat;
};

/**
 * vhost_scmi_start() - listen on cfg->socket_path and serve @srv's channel cfg->channel_id
 * to frontends, from a thread of its own. Returns 0, or -errno with a one-line reason in
 * @err (-ENOENT for a channel the platform does not have).
 */
int vhost_scmi_start(struct scmi_server *srv, const struct vhost_scmi_config *cfg,
		     struct vhost_scmi_dev **out, char *err, size_t err_len);

/** vhost_scmi_stop() - drop the frontend, stop the thread, remove the socket. NULL: no-op. */
void vhost_scmi_stop(struct vhost_scmi_dev *d);

/**
 * vhost_scmi_send_p2a() - deliver a platform-to-agent message (@msg: le32 header + payload,
 * @len >= 4 bytes) in the next buffer the driver posted on the event queue, complete it
 * and signal the driver. Any thread may call it. Posted buffers that are malformed or too
 * small are completed empty and skipped.
 * Returns 0; -EINVAL for a bad argument; -ENOTCONN with no frontend or no running event
 * queue; -EOPNOTSUPP if the driver did not ack VIRTIO_SCMI_F_P2A_CHANNELS; -ENOBUFS when
 * no buffer is posted (the message is not queued: the caller may retry after a kick);
 * -EIO when the driver corrupted the event queue.
 */
int vhost_scmi_send_p2a(struct vhost_scmi_dev *d, const void *msg, size_t len);

/**
 * vhost_scmi_p2a_ops() - the P2A sink over every running device: register it with
 * scmi_server_set_p2a(srv, vhost_scmi_p2a_ops(), srv) (the context is the server the
 * devices were started with). A channel has a P2A path while a frontend is connected
 * whose driver acked VIRTIO_SCMI_F_P2A_CHANNELS; a message for a channel goes to the
 * event queue of each device serving it. Without it the devices still send the delayed
 * responses of their own commands (they never get any: without a sink the server treats
 * every channel as having no P2A path).
 */
const struct scmi_server_p2a_ops *vhost_scmi_p2a_ops(void);

/** vhost_scmi_channel() - the channel id @d serves. */
uint32_t vhost_scmi_channel(const struct vhost_scmi_dev *d);

#endif /* SCMI_SECURE_VHOST_USER_SCMI_H */
