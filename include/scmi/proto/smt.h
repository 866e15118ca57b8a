/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The SMT (shared memory transport) layout: a 28-byte area header followed
 * by the message payload, identical for mailbox, SMC and OP-TEE transports.
 *
 *   0x00 u32 reserved
 *   0x04 u32 channel status: bit0 FREE, bit1 ERROR
 *   0x08 u64 reserved
 *   0x10 u32 flags: bit0 interrupt on completion (Linux, SCP-firmware)
 *   0x14 u32 length = 4 (message header) + payload bytes
 *   0x18 u32 message header
 *   0x1c     payload (request parameters; or status + return values)
 *
 * Both sides may touch this memory at any time, so every access goes
 * through the volatile 32-bit accessors below: each field is read exactly
 * once where it is used and never cached in a way the compiler could
 * re-read. Offsets are 4-aligned, so the accesses are single loads/stores.
 */
#ifndef SCMI_PROTO_SMT_H
#define SCMI_PROTO_SMT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_SMT_OFF_STATUS  0x04u
#define SCMI_SMT_OFF_FLAGS   0x10u
#define SCMI_SMT_OFF_LENGTH  0x14u
#define SCMI_SMT_OFF_HEADER  0x18u
#define SCMI_SMT_OFF_PAYLOAD 0x1cu

/* Bytes before the payload. */
#define SCMI_SMT_HDR_SIZE     SCMI_SMT_OFF_PAYLOAD

#define SCMI_SMT_STATUS_FREE  (1u << 0)
#define SCMI_SMT_STATUS_ERROR (1u << 1)
#define SCMI_SMT_FLAGS_INTR   (1u << 0)

/* Smallest SMT buffer the PTA accepts for PROCESS_SMT_CHANNEL_MESSAGE (SMT_BUF_SLOT_SIZE). */
#define SCMI_SMT_MIN_SIZE 128u

/** scmi_smt_read32() - one 32-bit load of the field at @off. */
static inline uint32_t scmi_smt_read32(const volatile void *shm, size_t off)
{
	return *(const volatile uint32_t *)((const volatile uint8_t *)shm + off);
}

/** scmi_smt_write32() - one 32-bit store of @v to the field at @off. */
static inline void scmi_smt_write32(volatile void *shm, size_t off, uint32_t v)
{
	*(volatile uint32_t *)((volatile uint8_t *)shm + off) = v;
}

/** scmi_smt_payload_room() - payload bytes an area of @shm_size can hold (0 if too small). */
static inline size_t scmi_smt_payload_room(size_t shm_size)
{
	return shm_size > SCMI_SMT_HDR_SIZE ? shm_size - SCMI_SMT_HDR_SIZE : 0;
}

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_SMT_H */
