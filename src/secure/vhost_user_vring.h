/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Split virtqueues (virtio 1.x, 2.7) in guest memory, seen from the device.
 * No packed rings, no indirect descriptors, no event index: the backend does
 * not offer them.
 *
 * The driver (the guest) writes the descriptor table and the available ring
 * while we read them, so each descriptor is copied once before it is used,
 * every address is translated with bounds, and a chain is at most the queue
 * size long (a loop ends there as an error).
 */
#ifndef SCMI_SECURE_VHOST_USER_VRING_H
#define SCMI_SECURE_VHOST_USER_VRING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "secure/vhost_user_mem.h"

/* Largest queue size (virtio's limit for split rings). */
#define VHU_VRING_MAX_NUM 32768u
/* Segments of each direction one chain may have; more is refused (Linux uses one each). */
#define VHU_CHAIN_MAX_SEGS 16u

/* Descriptor flags. */
#define VHU_DESC_F_NEXT	    1u
#define VHU_DESC_F_WRITE    2u
#define VHU_DESC_F_INDIRECT 4u

/**
 * struct vhu_vring - one virtqueue's state as the frontend set it up.
 * @num:        queue size (SET_VRING_NUM); 0 = not set
 * @desc_uva, @avail_uva, @used_uva: ring areas, frontend-virtual (SET_VRING_ADDR)
 * @addr_set:   SET_VRING_ADDR was received
 * @desc, @avail, @used: our pointers to the areas; NULL until vhu_vring_map() succeeds
 * @last_avail: next available-ring index to consume (SET_VRING_BASE sets it)
 * @used_idx:   next used-ring index to write
 * @kick_fd, @call_fd, @err_fd: eventfds, -1 when none
 * @kick_set:   SET_VRING_KICK was received (with an fd, or "poll" if @kick_fd is -1)
 * @enabled:    SET_VRING_ENABLE state
 * @broken:     the driver corrupted the available ring; the queue is ignored until reset
 */
struct vhu_vring {
	uint32_t num;
	uint64_t desc_uva, avail_uva, used_uva;
	bool addr_set;
	uint8_t *desc;
	uint8_t *avail;
	uint8_t *used;
	uint16_t last_avail;
	uint16_t used_idx;
	int kick_fd, call_fd, err_fd;
	bool kick_set;
	bool enabled;
	bool broken;
};

/** struct vhu_seg - one guest buffer, mapped. */
struct vhu_seg {
	uint8_t *p;
	uint32_t len;
};

/**
 * struct vhu_chain - a descriptor chain taken from the available ring.
 * @head:   index of its first descriptor (what the used element names)
 * @err:    0, or why the chain is unusable (-EFAULT address outside guest memory,
 *          -ELOOP longer than the queue, -EINVAL bad flags or order, -E2BIG too many
 *          segments); the caller completes it with used length 0
 * @rd/@n_rd/@rd_len: driver-to-device buffers, count, total bytes
 * @wr/@n_wr/@wr_len: device-to-driver buffers, count, total bytes
 */
struct vhu_chain {
	uint16_t head;
	int err;
	struct vhu_seg rd[VHU_CHAIN_MAX_SEGS];
	size_t n_rd;
	uint64_t rd_len;
	struct vhu_seg wr[VHU_CHAIN_MAX_SEGS];
	size_t n_wr;
	uint64_t wr_len;
};

/** vhu_vring_init() - a fresh queue: nothing set, no fds. */
void vhu_vring_init(struct vhu_vring *vq);

/** vhu_vring_reset() - close the queue's fds and make it fresh again. */
void vhu_vring_reset(struct vhu_vring *vq);

/**
 * vhu_vring_map() - (re)compute the ring pointers from the addresses, the size and @mem.
 * Returns 0, or -EINVAL (not all set up yet, misaligned, or outside guest memory) with
 * the pointers NULL.
 */
int vhu_vring_map(struct vhu_vring *vq, const struct vhu_mem *mem);

/** vhu_vring_ready() - mapped, kicked, enabled and not broken: work may be taken. */
bool vhu_vring_ready(const struct vhu_vring *vq);

/**
 * vhu_vring_pop() - take the next available chain into @c.
 * Returns 1 with @c filled (check c->err), 0 when the ring is empty, -EIO when the
 * driver corrupted the ring (head out of range, index ahead by more than the queue
 * size): the queue is marked broken.
 */
int vhu_vring_pop(struct vhu_vring *vq, const struct vhu_mem *mem, struct vhu_chain *c);

/** vhu_vring_push() - put (@head, @len) on the used ring and publish it. */
void vhu_vring_push(struct vhu_vring *vq, uint16_t head, uint32_t len);

/** vhu_vring_notify() - signal the call eventfd, if there is one. */
void vhu_vring_notify(struct vhu_vring *vq);

/** vhu_chain_read() - copy up to @max readable bytes of @c into @dst; returns bytes copied. */
size_t vhu_chain_read(const struct vhu_chain *c, void *dst, size_t max);

/** vhu_chain_write() - copy @len bytes into the writable part of @c; returns bytes copied. */
size_t vhu_chain_write(const struct vhu_chain *c, const void *src, size_t len);

#endif /* SCMI_SECURE_VHOST_USER_VRING_H */
