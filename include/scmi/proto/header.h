/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The 32-bit SCMI message header (DEN0056 §4.1.2, Linux arm_scmi/common.h).
 *
 *   [7:0]   message id
 *   [9:8]   message type (0 command/response, 2 delayed response, 3 notification)
 *   [17:10] protocol id
 *   [27:18] token
 *   [31:28] reserved, zero
 */
#ifndef SCMI_PROTO_HEADER_H
#define SCMI_PROTO_HEADER_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_HDR_MSG_ID_MASK   0xffu
#define SCMI_HDR_TYPE_SHIFT    8
#define SCMI_HDR_TYPE_MASK     0x3u
#define SCMI_HDR_PROTO_SHIFT   10
#define SCMI_HDR_PROTO_MASK    0xffu
#define SCMI_HDR_TOKEN_SHIFT   18
#define SCMI_HDR_TOKEN_MASK    0x3ffu
#define SCMI_HDR_RESERVED_MASK 0xf0000000u

/** Number of distinct tokens: the token field is 10 bits wide. */
#define SCMI_TOKEN_COUNT 1024u

/** enum scmi_msg_type - the header's type field. Type 1 is not defined. */
enum scmi_msg_type {
	SCMI_MSG_TYPE_COMMAND = 0,
	SCMI_MSG_TYPE_DELAYED_RESP = 2,
	SCMI_MSG_TYPE_NOTIFICATION = 3,
};

/**
 * struct scmi_hdr - an unpacked message header.
 * @msg_id:      message (or notification) id
 * @type:        enum scmi_msg_type
 * @protocol_id: protocol id
 * @token:       sequence number, 10 bits
 */
struct scmi_hdr {
	uint8_t msg_id;
	uint8_t type;
	uint8_t protocol_id;
	uint16_t token;
};

/** scmi_hdr_pack() - pack @h into a header word; out-of-range bits are masked. */
static inline uint32_t scmi_hdr_pack(const struct scmi_hdr *h)
{
	return ((uint32_t)h->msg_id & SCMI_HDR_MSG_ID_MASK) |
	       (((uint32_t)h->type & SCMI_HDR_TYPE_MASK) << SCMI_HDR_TYPE_SHIFT) |
	       (((uint32_t)h->protocol_id & SCMI_HDR_PROTO_MASK) << SCMI_HDR_PROTO_SHIFT) |
	       (((uint32_t)h->token & SCMI_HDR_TOKEN_MASK) << SCMI_HDR_TOKEN_SHIFT);
}

/** scmi_hdr_unpack() - split header word @w into @h. Reserved bits are ignored. */
static inline void scmi_hdr_unpack(uint32_t w, struct scmi_hdr *h)
{
	h->msg_id = (uint8_t)(w & SCMI_HDR_MSG_ID_MASK);
	h->type = (uint8_t)((w >> SCMI_HDR_TYPE_SHIFT) & SCMI_HDR_TYPE_MASK);
	h->protocol_id = (uint8_t)((w >> SCMI_HDR_PROTO_SHIFT) & SCMI_HDR_PROTO_MASK);
	h->token = (uint16_t)((w >> SCMI_HDR_TOKEN_SHIFT) & SCMI_HDR_TOKEN_MASK);
}

/** scmi_hdr_make() - build a header word from its fields. */
static inline uint32_t scmi_hdr_make(uint8_t protocol_id, uint8_t msg_id, uint8_t type,
				     uint16_t token)
{
	struct scmi_hdr h;

	/* Field by field: C++ before C++20 has no designated initializers. */
	h.msg_id = msg_id;
	h.type = type;
	h.protocol_id = protocol_id;
	h.token = token;
	return scmi_hdr_pack(&h);
}

/** scmi_hdr_token() - the token of header word @w. */
static inline uint16_t scmi_hdr_token(uint32_t w)
{
	return (uint16_t)((w >> SCMI_HDR_TOKEN_SHIFT) & SCMI_HDR_TOKEN_MASK);
}

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_HEADER_H */
