// SPDX-License-Identifier: BSD-3-Clause
/*
 * Central validation and dispatch (SCP-firmware style): every check that does
 * not depend on the meaning of a message happens here, once, before a
 * handler runs; handlers only check the values of their parameters.
 */
#include <string.h>

#include "scmi/proto/header.h"
#include "server/server_protocol.h"

bool scmi_server_protocol_has_msg(const struct scmi_server_protocol *proto, uint32_t msg_id)
{
	if (!proto || msg_id >= proto->count)
		return false;
	return proto->handlers[scmi_server_confine_index(msg_id, proto->count)] != NULL;
}

bool scmi_server_protocol_visible(const struct scmi_server *srv, uint32_t agent_id, uint8_t id)
{
	if (!scmi_server_protocol_find(id))
		return false;
	if (id == SCMI_PROTOCOL_BASE)
		return true;
	if (!srv->ops || !srv->ops->protocol_available)
		return false;
	return srv->ops->protocol_available(srv->plat, agent_id, id);
}

static int32_t validate(struct scmi_server_msg *msg, uint32_t hdr, scmi_server_handler_t *handler)
{
	const struct scmi_server_protocol *proto;
	size_t idx;
	uint16_t size;

	if (((hdr >> SCMI_HDR_TYPE_SHIFT) & SCMI_HDR_TYPE_MASK) != SCMI_MSG_TYPE_COMMAND)
		return SCMI_PROTOCOL_ERROR;

	if (!scmi_server_protocol_visible(msg->srv, msg->agent_id, msg->protocol_id))
		return SCMI_NOT_SUPPORTED;
	proto = scmi_server_protocol_find(msg->protocol_id);
	msg->proto = proto;

	/*
	 * A message the protocol lacks, or lacks at the version in force, is NOT_FOUND (DEN0056
	 * §4.1.4, as Arm's reference server and compliance tests answer), and that is decided
	 * before its size, which only a message that exists has.
	 */
	msg->version = scmi_server_agent_version(msg->srv, msg->agent_id, proto);
	if (!scmi_server_msg_exists(msg, msg->msg_id))
		return SCMI_NOT_FOUND;
	idx = scmi_server_confine_index(msg->msg_id, proto->count);

	size = proto->sizes[idx];
	if (size != SCMI_SERVER_SIZE_VARIABLE && msg->in_size != size)
		return SCMI_PROTOCOL_ERROR;

	*handler = proto->handlers[idx];
	return SCMI_SUCCESS;
}

/*
 * An accepted asynchronous request: what the handler answered becomes the delayed
 * response (same token and ids, type 2) and the agent gets a bare SUCCESS now.
 */
static void defer_reply(struct scmi_server_msg *msg, uint32_t hdr)
{
	struct scmi_server_delayed *dl = msg->delayed;
	size_t n = msg->out_size;

	if (n > sizeof(dl->payload))
		n = sizeof(uint32_t);
	memcpy(dl->payload, msg->out, n);
	dl->len = n;
	dl->latency_us = msg->latency_us;
	dl->hdr = scmi_hdr_make(msg->protocol_id, msg->msg_id, SCMI_MSG_TYPE_DELAYED_RESP,
				scmi_hdr_token(hdr));
	dl->pending = true;
	msg->out_size = sizeof(uint32_t);
	scmi_put_le32(msg->out, (uint32_t)SCMI_SUCCESS);
}

void scmi_server_dispatch(struct scmi_server_msg *msg, uint32_t hdr)
{
	scmi_server_handler_t handler = NULL;
	int32_t status;

	msg->proto = NULL;
	msg->overflow = false;
	msg->version = 0;
	msg->deferred = false;
	msg->latency_us = 0;
	msg->hdr = hdr;
	/* The status word is always there: out_room >= 4 is the caller's promise. */
	msg->out_size = sizeof(uint32_t);

	status = validate(msg, hdr, &handler);
	if (status == SCMI_SUCCESS)
		status = handler(msg);
	if (msg->overflow)
		status = SCMI_PROTOCOL_ERROR;
	if (status != SCMI_SUCCESS)
		msg->out_size = sizeof(uint32_t);
	scmi_put_le32(msg->out, (uint32_t)status);
	if (msg->deferred && msg->delayed)
		defer_reply(msg, hdr);
}
