// SPDX-License-Identifier: BSD-3-Clause
/*
 * Central validation and dispatch (SCP-firmware style): every check that does
 * not depend on the meaning of a message happens once, before a handler runs;
 * handlers only check the values of their parameters. The checks are in
 * server_run.h, which a build for speed inlines into each transport entry; this
 * file has the one shared copy (scmi_server_msg_run()), the existence check that
 * PROTOCOL_MESSAGE_ATTRIBUTES shares with it, and delayed responses.
 */
#include <string.h>

#include "scmi/proto/header.h"
#include "server/server_protocol.h"
#include "server/server_run.h"

bool scmi_server_protocol_has_msg(const struct scmi_server_protocol *proto, uint32_t msg_id)
{
	if (!proto)
		return false;
	if (msg_id >= proto->count)
		return msg_id == SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION && proto->negotiate_since;
	return proto->handlers[scmi_server_confine_index(msg_id, proto->count)] != NULL;
}

bool scmi_server_protocol_visible(struct scmi_server *srv, uint32_t agent_id, uint8_t id)
{
	const struct scmi_server_protocol *proto = scmi_server_protocol_find(id);

	/* Not the message path: what the server remembers, through the resolver. */
	return proto && scmi_server_proto_resolve(srv, agent_id, proto) != SCMI_SERVER_PROTO_HIDDEN;
}

/*
 * As the central check decides it (server_run.h): NEGOTIATE exists when the platform runs a
 * version that has it, whatever the agent negotiated since, so that an agent that went down
 * may always come back up.
 */
bool scmi_server_msg_exists(const struct scmi_server_msg *msg, uint32_t msg_id)
{
	/* Found again by id: the message path keeps no pointer to it for these rare askers. */
	const struct scmi_server_protocol *proto = scmi_server_protocol_find(msg->protocol_id);
	size_t idx;

	if (!proto)
		return false;
	if (msg_id >= proto->count) {
		/* NEGOTIATE: the only message past the tables (server_protocol.h). */
		return msg_id == SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION && proto->negotiate_since &&
		       scmi_server_platform_version(msg->srv, proto) >= proto->negotiate_since;
	}
	idx = scmi_server_confine_index(msg_id, proto->count);
	if (!proto->handlers[idx])
		return false;
	/* Whether the version has it: the message path's own check, whose only NOT_FOUND it is. */
	return scmi_server_run_later(msg, proto, idx) != SCMI_NOT_FOUND;
}

/*
 * Whether the version in force for @msg (@msg->version) of its protocol @proto has message
 * @msg_id of the tables, whether or not the server implements it: at or after its first
 * version in @proto->since, or for a message before @proto->later_from, any version (from the
 * oldest with @proto->oldest_first).
 */
static bool version_has(const struct scmi_server_msg *msg, const struct scmi_server_protocol *proto,
			uint32_t msg_id)
{
	size_t later = proto->count - proto->later_from;

	if (msg_id - proto->later_from < later)
		return msg->version >=
		       proto->since[scmi_server_confine_index(msg_id - proto->later_from, later)];
	return !proto->oldest_first || msg->version >= proto->versions[0];
}

int32_t scmi_server_run_later(const struct scmi_server_msg *msg,
			      const struct scmi_server_protocol *proto, size_t at)
{
	if (!version_has(msg, proto, (uint32_t)at))
		return SCMI_NOT_FOUND;
	return scmi_server_run_size(msg, proto, at);
}

int32_t scmi_server_run_unlisted(struct scmi_server_msg *msg,
				 const struct scmi_server_protocol *proto,
				 scmi_server_handler_t *handler)
{
	/* As remembered, or asked now: not passed by the caller, for its registers' sake. */
	uint32_t field = scmi_server_proto_resolve(msg->srv, msg->agent_id, proto);

	if (field == SCMI_SERVER_PROTO_HIDDEN)
		return SCMI_NOT_SUPPORTED;
	msg->version = scmi_server_field_version(msg->srv, proto, field);
	return scmi_server_run_msg(msg, proto, handler, 0);
}

/*
 * NEGOTIATE is judged on the platform's version (see scmi_server_msg_exists()), asked only
 * when the agent's is too old: the agent's never exceeds the platform's. Then its size, as
 * for a message of the tables.
 */
int32_t scmi_server_run_negotiate(struct scmi_server_msg *msg,
				  const struct scmi_server_protocol *proto,
				  scmi_server_handler_t *handler)
{
	uint32_t since = proto->negotiate_since;

	if (msg->msg_id != SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION || !since)
		return SCMI_NOT_FOUND;
	if (msg->version < since && scmi_server_platform_version(msg->srv, proto) < since)
		return SCMI_NOT_FOUND;
	if (msg->in_size != sizeof(struct scmi_version_msg))
		return SCMI_PROTOCOL_ERROR;
	*handler = scmi_server_common_negotiate;
	return SCMI_SUCCESS;
}

/*
 * An accepted asynchronous request: what the handler answered becomes the delayed
 * response (same token and ids, type 2) and the agent gets a bare SUCCESS now.
 */
void scmi_server_defer_reply(struct scmi_server_msg *msg, uint32_t hdr)
{
	struct scmi_server_delayed *dl = msg->delayed;
	size_t n = msg->out_size;

	if (!dl)
		return;
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

size_t scmi_server_msg_run(struct scmi_server_msg *msg, uint32_t hdr)
{
	return scmi_server_msg_run_inline(msg, hdr);
}
