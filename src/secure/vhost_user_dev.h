/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The device side of the vhost-user control protocol, independent of the
 * device type: negotiated features, the memory table and the vrings, changed
 * by the frontend's requests. The device type (vhost_user_scmi.c) decides
 * the features and queue count, owns the socket and does the queue work.
 */
#ifndef SCMI_SECURE_VHOST_USER_DEV_H
#define SCMI_SECURE_VHOST_USER_DEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "secure/vhost_user_mem.h"
#include "secure/vhost_user_proto.h"
#include "secure/vhost_user_vring.h"

/* Queues a device may have. */
#define VHU_DEV_MAX_QUEUES 2u

/**
 * struct vhu_dev - one device's vhost-user state.
 * @offered:          virtio + vhost-user feature bits we offer (GET_FEATURES)
 * @protocol_offered: protocol feature bits we offer (GET_PROTOCOL_FEATURES)
 * @num_queues:       queues of the device (GET_QUEUE_NUM), at most VHU_DEV_MAX_QUEUES
 * @features:         what the frontend acked (SET_FEATURES)
 * @protocol:         what the frontend acked (SET_PROTOCOL_FEATURES)
 * @owner:            SET_OWNER received
 * @mem:              guest memory
 * @vq:               the queues
 * @used_synced:      per queue, @used_idx has been read from the mapped used ring
 */
struct vhu_dev {
	uint64_t offered;
	uint64_t protocol_offered;
	uint32_t num_queues;
	uint64_t features;
	uint64_t protocol;
	bool owner;
	struct vhu_mem mem;
	struct vhu_vring vq[VHU_DEV_MAX_QUEUES];
	bool used_synced[VHU_DEV_MAX_QUEUES];
};

/** vhu_dev_init() - a device offering @features and @protocol with @num_queues queues. */
void vhu_dev_init(struct vhu_dev *d, uint64_t features, uint64_t protocol, uint32_t num_queues);

/** vhu_dev_reset() - back to the state vhu_dev_init() left (frontend gone): unmap, close fds. */
void vhu_dev_reset(struct vhu_dev *d);

/**
 * vhu_dev_handle() - apply request @m, which came with @nfds fds in @fds (always consumed:
 * kept by the device or closed). If the frontend expects an answer (a GET request, or a
 * need-reply flag with REPLY_ACK negotiated), @reply is filled and *@has_reply set.
 * Returns 0 when done; -EOPNOTSUPP for a request we do not implement, or another -errno
 * for one we could not carry out (mmap failed): a failure ack is prepared if one was
 * asked for, and the connection goes on; -EPROTO when the message is malformed or
 * violates the protocol: the caller must drop the connection.
 */
int vhu_dev_handle(struct vhu_dev *d, const struct vhu_msg *m, int *fds, size_t nfds,
		   struct vhu_msg *reply, bool *has_reply);

/** vhu_dev_has_feature() - whether feature bit @bit was acked. */
bool vhu_dev_has_feature(const struct vhu_dev *d, unsigned int bit);

#endif /* SCMI_SECURE_VHOST_USER_DEV_H */
