/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Named wire layouts, read and written byte by byte.
 *
 * Every protocol header under include/scmi/proto/ describes each message's
 * request (struct scmi_<protocol>_<message>_a2p) and response
 * (struct scmi_<protocol>_<message>_p2a, the status word excluded) as a C
 * struct of uint32_t words, struct scmi_u64 pairs and char name fields. The
 * structs are never overlaid on a buffer (shared memory may be unaligned,
 * rewritten under us, or big-endian hosts may read it): they only give
 * names, offsets and sizes. Both sides read and write a field with the
 * macros below, which take the struct type and the field name, so that an
 * offset or a size is written down once, in the protocol's header.
 *
 * Conventions of every protocol header:
 *   SCMI_MSG_<spec message name>   message id, e.g. SCMI_MSG_CLOCK_RATE_SET
 *   SCMI_EVT_<spec event name>     notification id, e.g. SCMI_EVT_CLOCK_RATE_CHANGED
 *   SCMI_<PROTO>_<field>_<bit>     bits and fields of a word, e.g. SCMI_CLOCK_ATTR_ENABLED
 *   SCMI_<PROTO>_VERSION_<M>_<m>   a protocol version whose messages or bits differ
 *   struct scmi_<proto>_<msg>_a2p  request payload; _p2a response payload after the status;
 *                                  _evt notification payload; _dresp delayed response
 */
#ifndef SCMI_PROTO_LAYOUT_H
#define SCMI_PROTO_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "endian.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct scmi_u64 - a 64-bit value on the wire: two little-endian words, low first.
 * @low:  bits 31:0
 * @high: bits 63:32
 */
struct scmi_u64 {
	uint32_t low;
	uint32_t high;
};

/* A compile-time 0 that fails to build unless @cond holds (usable inside expressions). */
#define SCMI_LAYOUT_CHECK(cond) (0 * sizeof(char[(cond) ? 1 : -1]))

/** SCMI_U32_OFFSET() - byte offset of u32 @field of layout @type (checked to be 4 bytes). */
#define SCMI_U32_OFFSET(type, field)                                                               \
	(offsetof(type, field) + SCMI_LAYOUT_CHECK(sizeof(((type *)0)->field) == 4))

/** SCMI_U64_OFFSET() - byte offset of struct scmi_u64 @field of layout @type. */
#define SCMI_U64_OFFSET(type, field)                                                               \
	(offsetof(type, field) + SCMI_LAYOUT_CHECK(sizeof(((type *)0)->field) == 8))

/** SCMI_FIELD_SIZE() - bytes of @field of layout @type (a name, an array). */
#define SCMI_FIELD_SIZE(type, field) sizeof(((type *)0)->field)

/** SCMI_GET_U32() - u32 @field of layout @type in buffer @buf. */
#define SCMI_GET_U32(buf, type, field)                                                             \
	scmi_get_le32((const uint8_t *)(buf) + SCMI_U32_OFFSET(type, field))

/** SCMI_PUT_U32() - write @v as u32 @field of layout @type in buffer @buf. */
#define SCMI_PUT_U32(buf, type, field, v)                                                          \
	scmi_put_le32((uint8_t *)(buf) + SCMI_U32_OFFSET(type, field), (uint32_t)(v))

/** SCMI_GET_U64() - struct scmi_u64 @field of layout @type in buffer @buf. */
#define SCMI_GET_U64(buf, type, field)                                                             \
	scmi_get_le64((const uint8_t *)(buf) + SCMI_U64_OFFSET(type, field))

/** SCMI_PUT_U64() - write @v as struct scmi_u64 @field of layout @type in buffer @buf. */
#define SCMI_PUT_U64(buf, type, field, v)                                                          \
	scmi_put_le64((uint8_t *)(buf) + SCMI_U64_OFFSET(type, field), (uint64_t)(v))

/** SCMI_FIELD_PTR() - where @field of layout @type starts in buffer @buf (names, arrays). */
#define SCMI_FIELD_PTR(buf, type, field) ((const uint8_t *)(buf) + offsetof(type, field))

/*
 * SCMI_LAYOUT_SIZE() - declare at file scope that layout @type is @size bytes, so that a
 * field added or widened by mistake fails the build (no padding can hide in a layout).
 */
#ifdef __cplusplus
#define SCMI_LAYOUT_SIZE(type, size) static_assert(sizeof(type) == (size), #type " size")
#else
#define SCMI_LAYOUT_SIZE(type, size) _Static_assert(sizeof(type) == (size), #type " size")
#endif

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_LAYOUT_H */
