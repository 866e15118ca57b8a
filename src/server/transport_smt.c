// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMT entry: the agent owns the area until it hands it over (status with
 * neither FREE nor ERROR), and may keep writing to it while we work, so each
 * field is read exactly once, the payload is copied to the stack before it
 * is parsed, and every length is bounded by the area's real size.
 */
#include "scmi/proto/smt.h"
#include "server/server_protocol.h"

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

static enum scmi_server_result smt_refuse(volatile void *shm)
{
	scmi_smt_write32(shm, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_ERROR | SCMI_SMT_STATUS_FREE);
	return SCMI_SERVER_ERR_SMT;
}

enum scmi_server_result scmi_server_process_smt(const struct scmi_server *srv, uint32_t channel_id,
						volatile void *shm, size_t shm_size)
{
	uint8_t in[SCMI_SERVER_MAX_PAYLOAD];
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];
	const volatile uint8_t *src;
	volatile uint8_t *dst;
	uint32_t status, length, hdr;
	size_t in_size, room, out_len, i;

	if (!scmi_server_channel_exists(srv, channel_id))
		return SCMI_SERVER_ERR_CHANNEL;
	/* Too small or misaligned to even hold a status word we could flag. */
	if (!shm || ((uintptr_t)shm & 3u) || shm_size < SCMI_SMT_OFF_STATUS + sizeof(uint32_t))
		return SCMI_SERVER_ERR_SMT;
	if (shm_size < SCMI_SMT_HDR_SIZE + sizeof(uint32_t))
		return smt_refuse(shm);

	status = scmi_smt_read32(shm, SCMI_SMT_OFF_STATUS);
	if (status & (SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR))
		return smt_refuse(shm);

	room = min_size(SCMI_SERVER_MAX_PAYLOAD, scmi_smt_payload_room(shm_size));
	length = scmi_smt_read32(shm, SCMI_SMT_OFF_LENGTH);
	if (length < sizeof(uint32_t) || length - sizeof(uint32_t) > room)
		return smt_refuse(shm);
	in_size = length - sizeof(uint32_t);

	hdr = scmi_smt_read32(shm, SCMI_SMT_OFF_HEADER);
	src = (const volatile uint8_t *)shm + SCMI_SMT_OFF_PAYLOAD;
	for (i = 0; i < in_size; i++)
		in[i] = src[i];

	out_len = scmi_server_process_raw(srv, channel_id, hdr, in, in_size, out, room);

	dst = (volatile uint8_t *)shm + SCMI_SMT_OFF_PAYLOAD;
	for (i = 0; i < out_len; i++)
		dst[i] = out[i];
	scmi_smt_write32(shm, SCMI_SMT_OFF_LENGTH, (uint32_t)(sizeof(uint32_t) + out_len));
	/* The agent may poll FREE: the reply must be visible before it is. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	scmi_smt_write32(shm, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	return SCMI_SERVER_OK;
}
