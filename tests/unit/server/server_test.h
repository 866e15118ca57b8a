/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the server unit tests (cmocka must be included first). */
#ifndef TEST_SERVER_TEST_H
#define TEST_SERVER_TEST_H

#include <stdint.h>
#include <string.h>

#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/server/server.h"

#define CANARY	    0xa5u
#define CANARY_SIZE 32u

/**
 * struct reply - a reply buffer with canaries after the room.
 * @buf: room bytes, then CANARY_SIZE canary bytes
 * @len: bytes process_raw said it wrote
 */
struct reply {
	uint8_t buf[SCMI_SERVER_MAX_PAYLOAD + 64 + CANARY_SIZE];
	size_t len;
};

/* Call process_raw with a room of @room bytes; check it wrote nothing past the room. */
static inline int32_t raw_call_room(struct scmi_server *srv, uint32_t ch, uint32_t hdr,
				    const void *in, size_t in_size, size_t room, struct reply *r)
{
	size_t i;

	memset(r->buf, CANARY, sizeof(r->buf));
	assert_true(room + CANARY_SIZE <= sizeof(r->buf));
	r->len = scmi_server_process_raw(srv, ch, hdr, in, in_size, r->buf, room);
	for (i = room; i < room + CANARY_SIZE; i++)
		assert_int_equal(r->buf[i], CANARY);
	assert_true(r->len >= 4 && r->len <= room);
	return (int32_t)scmi_get_le32(r->buf);
}

static inline uint32_t base_hdr(uint8_t msg_id)
{
	return scmi_hdr_make(0x10, msg_id, SCMI_MSG_TYPE_COMMAND, 0x123);
}

/* A Base command on @ch with a generous room. */
static inline int32_t base_call(struct scmi_server *srv, uint32_t ch, uint8_t msg_id,
				const void *in, size_t in_size, struct reply *r)
{
	return raw_call_room(srv, ch, base_hdr(msg_id), in, in_size, SCMI_SERVER_MAX_PAYLOAD, r);
}

/* A Base command taking u32 parameters @a[0..n). */
static inline int32_t base_call_u32(struct scmi_server *srv, uint32_t ch, uint8_t msg_id,
				    const uint32_t *a, size_t n, struct reply *r)
{
	uint8_t in[16];
	size_t i;

	assert_true(n <= 4);
	for (i = 0; i < n; i++)
		scmi_put_le32(in + 4 * i, a[i]);
	return base_call(srv, ch, msg_id, in, 4 * n, r);
}

static inline uint32_t reply_u32(const struct reply *r, size_t off)
{
	return scmi_get_le32(r->buf + off);
}

#endif /* TEST_SERVER_TEST_H */
