// SPDX-License-Identifier: BSD-3-Clause
/*
 * The MSG entry (OP-TEE PROCESS_MSG_CHANNEL): header + payload in, header +
 * status + values out. The buffers are shared with the agent and may be one
 * and the same, so the whole request is copied in before anything is written.
 */
#include "scmi/proto/msg.h"
#include "server/server_protocol.h"

static bool aligned4(const volatile void *p)
{
	return ((uintptr_t)p & 3u) == 0;
}

enum scmi_server_result scmi_server_process_msg(const struct scmi_server *srv, uint32_t channel_id,
						const volatile void *in, size_t in_size,
						volatile void *out, size_t *out_size)
{
	uint8_t req[SCMI_SERVER_MAX_PAYLOAD];
	uint8_t resp[SCMI_SERVER_MAX_PAYLOAD];
	const volatile uint8_t *src;
	volatile uint8_t *dst;
	size_t req_size, room, resp_size, i;
	uint32_t hdr;

	if (!scmi_server_channel_exists(srv, channel_id))
		return SCMI_SERVER_ERR_CHANNEL;
	if (!in || !out || !out_size || !aligned4(in) || !aligned4(out))
		return SCMI_SERVER_ERR_PARAMS;
	if (in_size < SCMI_MSG_HDR_SIZE || in_size - SCMI_MSG_HDR_SIZE > SCMI_SERVER_MAX_PAYLOAD)
		return SCMI_SERVER_ERR_PARAMS;
	if (*out_size < SCMI_MSG_RESP_OVERHEAD)
		return SCMI_SERVER_ERR_PARAMS;

	hdr = *(const volatile uint32_t *)in;
	req_size = in_size - SCMI_MSG_HDR_SIZE;
	src = (const volatile uint8_t *)in + SCMI_MSG_OFF_PAYLOAD;
	for (i = 0; i < req_size; i++)
		req[i] = src[i];

	room = *out_size - SCMI_MSG_HDR_SIZE;
	if (room > SCMI_SERVER_MAX_PAYLOAD)
		room = SCMI_SERVER_MAX_PAYLOAD;
	resp_size = scmi_server_process_raw(srv, channel_id, hdr, req, req_size, resp, room);

	*(volatile uint32_t *)out = hdr;
	dst = (volatile uint8_t *)out + SCMI_MSG_OFF_STATUS;
	for (i = 0; i < resp_size; i++)
		dst[i] = resp[i];
	*out_size = SCMI_MSG_HDR_SIZE + resp_size;
	return SCMI_SERVER_OK;
}
