/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The vhost-user wire protocol (QEMU docs/interop/vhost-user.rst): a 12-byte
 * header (request, flags, payload size) and a payload, over a Unix stream
 * socket, with file descriptors passed as SCM_RIGHTS on the header.
 *
 * Only what a virtio-scmi backend needs is described here. Everything is
 * host-endian (the frontend is a process on this host). Used by the backend
 * (src/secure/vhost_user_scmi.c) and by tests playing the frontend.
 */
#ifndef SCMI_SECURE_VHOST_USER_PROTO_H
#define SCMI_SECURE_VHOST_USER_PROTO_H

#include <stddef.h>
#include <stdint.h>

/* Requests from the frontend (QEMU) to the backend (us). */
enum vhu_request {
	VHU_GET_FEATURES = 1,
	VHU_SET_FEATURES = 2,
	VHU_SET_OWNER = 3,
	VHU_RESET_OWNER = 4,
	VHU_SET_MEM_TABLE = 5,
	VHU_SET_LOG_BASE = 6,
	VHU_SET_LOG_FD = 7,
	VHU_SET_VRING_NUM = 8,
	VHU_SET_VRING_ADDR = 9,
	VHU_SET_VRING_BASE = 10,
	VHU_GET_VRING_BASE = 11,
	VHU_SET_VRING_KICK = 12,
	VHU_SET_VRING_CALL = 13,
	VHU_SET_VRING_ERR = 14,
	VHU_GET_PROTOCOL_FEATURES = 15,
	VHU_SET_PROTOCOL_FEATURES = 16,
	VHU_GET_QUEUE_NUM = 17,
	VHU_SET_VRING_ENABLE = 18,
};

/* Header flags: version 1 in the low two bits, reply, need-reply (REPLY_ACK). */
#define VHU_VERSION_MASK    0x3u
#define VHU_VERSION	    0x1u
#define VHU_FLAG_REPLY	    (1u << 2)
#define VHU_FLAG_NEED_REPLY (1u << 3)

/* Virtio and vhost-user feature bits. */
#define VHU_F_PROTOCOL_FEATURES	 30 /* VHOST_USER_F_PROTOCOL_FEATURES */
#define VHU_VIRTIO_F_VERSION_1	 32
#define VHU_PROTOCOL_F_MQ	 0
#define VHU_PROTOCOL_F_REPLY_ACK 3

/* SET_VRING_KICK/CALL/ERR payload: queue index in bits 0-7, bit 8 = no fd (poll). */
#define VHU_VRING_IDX_MASK 0xffu
#define VHU_VRING_NOFD	   (1ull << 8)

/* Most memory regions one SET_MEM_TABLE carries (and fds one message may carry). */
#define VHU_MAX_REGIONS 8u
#define VHU_MAX_FDS	VHU_MAX_REGIONS

#define VHU_HDR_SIZE	12u

/** struct vhu_vring_state - SET_VRING_NUM/BASE/ENABLE, GET_VRING_BASE reply. */
struct vhu_vring_state {
	uint32_t index;
	uint32_t num;
};

/** struct vhu_vring_addr - SET_VRING_ADDR: ring areas as frontend virtual addresses. */
struct vhu_vring_addr {
	uint32_t index;
	uint32_t flags;
	uint64_t desc;
	uint64_t used;
	uint64_t avail;
	uint64_t log;
};

/**
 * struct vhu_mem_region - one SET_MEM_TABLE region.
 * @gpa:         guest-physical address
 * @size:        bytes
 * @uaddr:       where the frontend has it mapped (its virtual address)
 * @mmap_offset: offset of the region in the fd passed with it
 */
struct vhu_mem_region {
	uint64_t gpa;
	uint64_t size;
	uint64_t uaddr;
	uint64_t mmap_offset;
};

/** struct vhu_mem_table - SET_MEM_TABLE payload (8 + 32 * nregions bytes on the wire). */
struct vhu_mem_table {
	uint32_t nregions;
	uint32_t padding;
	struct vhu_mem_region regions[VHU_MAX_REGIONS];
};

/**
 * struct vhu_msg - one message, header and payload.
 * @request: enum vhu_request
 * @flags:   VHU_VERSION | VHU_FLAG_*
 * @size:    payload bytes that follow the header
 */
struct vhu_msg {
	uint32_t request;
	uint32_t flags;
	uint32_t size;
	union {
		uint64_t u64;
		struct vhu_vring_state state;
		struct vhu_vring_addr addr;
		struct vhu_mem_table mem;
		uint8_t raw[sizeof(struct vhu_mem_table)];
	} payload;
};

/**
 * vhu_recv() - read one message from stream socket @fd.
 * Up to VHU_MAX_FDS descriptors passed with it land in @fds (*@nfds set; the caller owns
 * and must close them). Returns 0; -ECONNRESET on a clean end of stream before a header;
 * -EPROTO for a malformed message (bad version, payload too large, truncated, too many
 * fds), with no fds left open; -errno on a socket error or a receive timeout.
 */
int vhu_recv(int fd, struct vhu_msg *m, int fds[VHU_MAX_FDS], size_t *nfds);

/**
 * vhu_send() - write @m (header + m->size payload bytes) to @fd, with @nfds descriptors.
 * Returns 0 or -errno.
 */
int vhu_send(int fd, const struct vhu_msg *m, const int *fds, size_t nfds);

/**
 * vhu_payload_ok() - whether @m's payload size is what its request carries. Unknown
 * requests are accepted (any size up to the maximum): the caller decides about them.
 */
int vhu_payload_ok(const struct vhu_msg *m);

/** vhu_request_name() - a name for logs ("SET_MEM_TABLE"), "unknown" if none. */
const char *vhu_request_name(uint32_t request);

#endif /* SCMI_SECURE_VHOST_USER_PROTO_H */
