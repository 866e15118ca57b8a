/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Little-endian accessors for SCMI wire data.
 *
 * SCMI is little-endian on the wire. These helpers work byte by byte so
 * that they are correct on any host and never make unaligned accesses;
 * they are freestanding (no libc) so the server core can use them.
 */
#ifndef SCMI_PROTO_ENDIAN_H
#define SCMI_PROTO_ENDIAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** scmi_get_le32() - read a little-endian u32 at @p. */
static inline uint32_t scmi_get_le32(const void *p)
{
	const uint8_t *b = (const uint8_t *)p;

	return (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) |
	       ((uint32_t)b[3] << 24);
}

/** scmi_get_le16() - read a little-endian u16 at @p. */
static inline uint16_t scmi_get_le16(const void *p)
{
	const uint8_t *b = (const uint8_t *)p;

	return (uint16_t)(b[0] | (b[1] << 8));
}

/** scmi_get_le64() - read a little-endian u64 at @p. */
static inline uint64_t scmi_get_le64(const void *p)
{
	const uint8_t *b = (const uint8_t *)p;

	return (uint64_t)scmi_get_le32(b) | ((uint64_t)scmi_get_le32(b + 4) << 32);
}

/** scmi_put_le32() - write @v as little-endian u32 at @p. */
static inline void scmi_put_le32(void *p, uint32_t v)
{
	uint8_t *b = (uint8_t *)p;

	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
}

/** scmi_put_le16() - write @v as little-endian u16 at @p. */
static inline void scmi_put_le16(void *p, uint16_t v)
{
	uint8_t *b = (uint8_t *)p;

	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
}

/** scmi_put_le64() - write @v as little-endian u64 at @p. */
static inline void scmi_put_le64(void *p, uint64_t v)
{
	scmi_put_le32(p, (uint32_t)v);
	scmi_put_le32((uint8_t *)p + 4, (uint32_t)(v >> 32));
}

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_ENDIAN_H */
