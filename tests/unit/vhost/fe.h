/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A test-only vhost-user frontend: it plays QEMU's vhost-user-scmi. Guest
 * memory is a memfd mapped here (its frontend-virtual address is our own
 * mapping) at guest-physical FE_GPA; each queue has its rings at a fixed
 * offset and FE_QSIZE descriptors; request buffers live after the rings.
 */
#ifndef TEST_VHOST_FE_H
#define TEST_VHOST_FE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "secure/vhost_user_proto.h"

#define FE_MEM_SIZE (1u << 20)
#define FE_GPA	    0x40000000ull
#define FE_QSIZE    8u
/* Per queue q: descriptors at q * FE_QSTRIDE, avail + 0x1000, used + 0x2000. */
#define FE_QSTRIDE 0x10000u
/* Buffers: FE_BUF_BASE + slot * FE_BUF_SIZE. */
#define FE_BUF_BASE 0x40000u
#define FE_BUF_SIZE 0x400u
/* Descriptor flags, as the virtio spec defines them (not the backend's header). */
#define VHU_DESC_NEXT  1u
#define VHU_DESC_WRITE 2u

/**
 * struct fe - the frontend.
 * @sock:     connection to the backend
 * @memfd:    guest memory fd; @mem its mapping
 * @kick, @call: eventfds per queue
 * @avail_idx: next avail index per queue
 * @used_seen: used index we consumed up to, per queue
 */
struct fe {
	int sock;
	int memfd;
	uint8_t *mem;
	int kick[2], call[2];
	uint16_t avail_idx[2];
	uint16_t used_seen[2];
};

/**
 * fe_connect() - connect to @path and allocate guest memory, sealed against shrinking and
 * growing as QEMU's memory-backend-memfd seals it. 0 or -errno.
 */
int fe_connect(struct fe *f, const char *path);

/** fe_connect_unsealed() - the same with guest memory anyone holding it may truncate. */
int fe_connect_unsealed(struct fe *f, const char *path);

/** fe_close() - close everything. */
void fe_close(struct fe *f);

/** fe_send() - send a request with payload (@size bytes) and fds, flags VERSION|@flags. */
int fe_send(struct fe *f, uint32_t req, uint32_t flags, const void *payload, uint32_t size,
	    const int *fds, size_t nfds);

/** fe_ack() - send with NEED_REPLY and return the ack value (0 ok), or -errno. */
int64_t fe_ack(struct fe *f, uint32_t req, const void *payload, uint32_t size, const int *fds,
	       size_t nfds);

/** fe_get_u64() - a GET request answered with a u64; -errno on failure. */
int fe_get_u64(struct fe *f, uint32_t req, uint64_t *v);

/** fe_handshake() - QEMU 10's sequence, both queues enabled; @features to ack. 0 or -1. */
int fe_handshake(struct fe *f, uint64_t features);

/** fe_gpa() / fe_ptr() - guest address and our pointer of offset @off in guest memory. */
uint64_t fe_gpa(uint32_t off);
uint8_t *fe_ptr(struct fe *f, uint32_t off);

/** fe_desc() - write descriptor @i of queue @q. */
void fe_desc(struct fe *f, unsigned int q, uint16_t i, uint64_t addr, uint32_t len, uint16_t flags,
	     uint16_t next);

/** fe_post() - make chain @head available on queue @q (not kicked). */
void fe_post(struct fe *f, unsigned int q, uint16_t head);

/** fe_kick() - kick queue @q. */
void fe_kick(struct fe *f, unsigned int q);

/**
 * fe_wait_used() - wait (up to 5 s) until queue @q's used index passes the one seen, then
 * return the next element's id and len and consume it. 0, or -ETIMEDOUT.
 */
int fe_wait_used(struct fe *f, unsigned int q, uint32_t *id, uint32_t *len);

/** fe_used_idx() - the used index the backend published on queue @q. */
uint16_t fe_used_idx(struct fe *f, unsigned int q);

/**
 * fe_set_used_event() - with EVENT_IDX: publish in queue @q's used_event that the driver
 * took used entries up to @v (exclusive), as a driver does once it has handled them.
 */
void fe_set_used_event(struct fe *f, unsigned int q, uint16_t v);

/** fe_avail_event() - with EVENT_IDX: the avail_event the backend published on queue @q. */
uint16_t fe_avail_event(struct fe *f, unsigned int q);

/** fe_wait_closed() - whether the backend closes the connection within 5 s. */
bool fe_wait_closed(struct fe *f);

/**
 * fe_scmi() - one command on the cmdq: @req (header + params, @req_len bytes) in buffer
 * slot 0, a writable buffer of @rsp_room in slot 1; copies the response into @rsp.
 * Returns the used length, or -errno.
 */
int fe_scmi(struct fe *f, const void *req, uint32_t req_len, void *rsp, uint32_t rsp_room);

#endif /* TEST_VHOST_FE_H */
