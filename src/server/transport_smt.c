// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMT entry: the agent owns the area until it hands it over (status with
 * neither FREE nor ERROR), and may keep writing to it while we work, so each
 * field is read exactly once, the payload is copied to the stack before it
 * is parsed, and every length is bounded by the area's real size. The area is
 * 4-byte aligned (checked), so the copy goes a word at a time.
 *
 * The response is written in place, after the copy: the handlers only append
 * to it and nothing reads it back, so what the agent scribbles there meanwhile
 * only spoils its own answer.
 */
#include "scmi/proto/smt.h"
#include "server/server_protocol.h"
#include "server/server_run.h"

/* A build for speed runs the message here, in this frame (server_run.h). */
#if SCMI_SERVER_FAST
#define RUN scmi_server_msg_run_inline
#else
#define RUN scmi_server_msg_run
#endif

/*
 * Bytes [@n & ~3, @n) of @src to @dst: the tail a word copy leaves (rare: out of line). Each
 * entry has its own: one extern copy for both costs more bytes, and the hot path 2-4
 * instructions a message, than the five lines it saves (measured).
 */
SCMI_SERVER_COLD static void copy_tail(uint8_t *dst, const volatile uint8_t *src, size_t n)
{
	size_t i;

	for (i = n & ~(size_t)3u; i < n; i++)
		dst[i] = src[i];
}

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

static enum scmi_server_result smt_refuse(volatile void *shm)
{
	scmi_smt_write32(shm, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_ERROR | SCMI_SMT_STATUS_FREE);
	return SCMI_SERVER_ERR_SMT;
}

enum scmi_server_result scmi_server_process_smt(struct scmi_server *srv, uint32_t channel_id,
						volatile void *shm, size_t shm_size)
{
	uint32_t in[SCMI_SERVER_MAX_PAYLOAD / sizeof(uint32_t)];
	struct scmi_server_msg msg;
	uint8_t *rsp;
	volatile uint8_t *area;
	const volatile uint32_t *src;
	uint32_t status, length, hdr;
	size_t in_size, room, out_len, i;

	/* Straight into the message: nothing kept across the call to pass on. */
	msg.srv = srv;
	msg.channel_id = channel_id;
	if (!scmi_server_channel_agent(srv, channel_id, &msg.agent_id))
		return SCMI_SERVER_ERR_CHANNEL;
	/*
	 * Too small or misaligned to even hold a status word we could flag: nothing written. The
	 * size is tested first, once, on the way of an area that is large enough.
	 */
	if (shm_size < SCMI_SMT_HDR_SIZE + sizeof(uint32_t)) {
		if (!shm || ((uintptr_t)shm & 3u) ||
		    shm_size < SCMI_SMT_OFF_STATUS + sizeof(uint32_t))
			return SCMI_SERVER_ERR_SMT;
		return smt_refuse(shm);
	}
	if (!shm || ((uintptr_t)shm & 3u))
		return SCMI_SERVER_ERR_SMT;

	status = scmi_smt_read32(shm, SCMI_SMT_OFF_STATUS);
	if (status & (SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR))
		return smt_refuse(shm);

	room = min_size(SCMI_SERVER_MAX_PAYLOAD, scmi_smt_payload_room(shm_size));
	length = scmi_smt_read32(shm, SCMI_SMT_OFF_LENGTH);
	/* A length below the header's wraps past any room: one test refuses both. */
	if ((size_t)length - sizeof(uint32_t) > room)
		return smt_refuse(shm);
	in_size = length - sizeof(uint32_t);

	hdr = scmi_smt_read32(shm, SCMI_SMT_OFF_HEADER);
	src = (const volatile uint32_t *)((const volatile uint8_t *)shm + SCMI_SMT_OFF_PAYLOAD);
	/*
	 * The area holds a payload word whatever the length says (tested above), and most requests
	 * have one: the first comes without the loop's set-up. Past the length it is never read.
	 */
	in[0] = src[0];
	for (i = 1; i < in_size / sizeof(uint32_t); i++)
		in[i] = src[i];
	/* A ragged tail byte by byte: the word around it may end past the buffer. */
	if (in_size % sizeof(uint32_t))
		copy_tail((uint8_t *)in, (const volatile uint8_t *)src, in_size);

	/* The response is written in place and never read back (server.h): volatile dropped. */
	rsp = (uint8_t *)(uintptr_t)((volatile uint8_t *)shm + SCMI_SMT_OFF_PAYLOAD); /* NOLINT */
	scmi_server_msg_start(&msg, hdr, (const uint8_t *)in, in_size, rsp, room, NULL);
	out_len = RUN(&msg, hdr);

	/* The area again from the message, where the reply went: no register kept for it. */
	area = (volatile uint8_t *)msg.out - SCMI_SMT_OFF_PAYLOAD;
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, (uint32_t)(sizeof(uint32_t) + out_len));
	/* The agent may poll FREE: the reply must be visible before it is. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	return SCMI_SERVER_OK;
}
