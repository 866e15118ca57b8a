// SPDX-License-Identifier: BSD-3-Clause
/*
 * The MSG entry (OP-TEE PROCESS_MSG_CHANNEL): header + payload in, header +
 * status + values out. The buffers are shared with the agent and may be one
 * and the same, so the whole request is copied in, a word at a time (both are
 * checked 4-byte aligned), before anything is written. The response is then
 * written in place: the handlers only append to it and nothing reads it back.
 */
#include "scmi/proto/msg.h"
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

/* Both 4-byte aligned: one test for the two. */
static bool aligned4(const volatile void *a, const volatile void *b)
{
	return (((uintptr_t)a | (uintptr_t)b) & 3u) == 0;
}

enum scmi_server_result scmi_server_process_msg(struct scmi_server *srv, uint32_t channel_id,
						const volatile void *in, size_t in_size,
						volatile void *out, size_t *out_size)
{
	uint32_t req[SCMI_SERVER_MAX_PAYLOAD / sizeof(uint32_t)];
	struct scmi_server_msg msg;
	uint8_t *rsp;
	const volatile uint32_t *src;
	size_t req_size, room, i;
	uint32_t hdr;

	/* Straight into the message: nothing kept across the call to pass on. */
	msg.srv = srv;
	msg.channel_id = channel_id;
	if (!scmi_server_channel_agent(srv, channel_id, &msg.agent_id))
		return SCMI_SERVER_ERR_CHANNEL;
	/*
	 * Every refusal here is the same one: tests interleaved so that each is one compare and
	 * branch (the compiler would merge adjacent pointer tests into flag arithmetic). A size
	 * below the header's wraps past any payload: one test refuses both.
	 */
	if (!in || in_size - SCMI_MSG_HDR_SIZE > SCMI_SERVER_MAX_PAYLOAD)
		return SCMI_SERVER_ERR_PARAMS;
	if (!out_size || *out_size < SCMI_MSG_RESP_OVERHEAD)
		return SCMI_SERVER_ERR_PARAMS;
	if (!out || !aligned4(in, out))
		return SCMI_SERVER_ERR_PARAMS;

	hdr = *(const volatile uint32_t *)in;
	req_size = in_size - SCMI_MSG_HDR_SIZE;
	src = (const volatile uint32_t *)((const volatile uint8_t *)in + SCMI_MSG_OFF_PAYLOAD);
	/* Most requests have a word: the first comes without the loop's set-up. */
	if (req_size >= sizeof(uint32_t)) {
		req[0] = src[0];
		for (i = 1; i < req_size / sizeof(uint32_t); i++)
			req[i] = src[i];
	}
	/* A ragged tail byte by byte: the word around it may end past the buffer. */
	if (req_size % sizeof(uint32_t))
		copy_tail((uint8_t *)req, (const volatile uint8_t *)src, req_size);

	room = *out_size - SCMI_MSG_HDR_SIZE;
	if (room > SCMI_SERVER_MAX_PAYLOAD)
		room = SCMI_SERVER_MAX_PAYLOAD;
	*(volatile uint32_t *)out = hdr;
	/* The response is written in place and never read back (server.h): volatile dropped. */
	rsp = (uint8_t *)(uintptr_t)((volatile uint8_t *)out + SCMI_MSG_OFF_STATUS); /* NOLINT */
	scmi_server_msg_start(&msg, hdr, (const uint8_t *)req, req_size, rsp, room, NULL);
	*out_size = SCMI_MSG_HDR_SIZE + RUN(&msg, hdr);
	return SCMI_SERVER_OK;
}
