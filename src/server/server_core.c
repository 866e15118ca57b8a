// SPDX-License-Identifier: BSD-3-Clause
/*
 * Server instance, the raw entry used by the transports, the bounded reply
 * helpers and the platform-op wrappers.
 */
#include <string.h>

#include "scmi/proto/header.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#if !SCMI_SERVER_FAST
#define SCMI_SERVER_MSG_IO
#include "server/server_msg_io.h"
#include "server/server_page.h"
#endif

void scmi_server_init(struct scmi_server *srv, const struct scmi_server_platform_ops *ops,
		      void *plat)
{
	memset(srv, 0, sizeof(*srv));
	srv->ops = ops;
	srv->plat = plat;
	srv->channel_agent = ops ? ops->channel_agent : NULL;
}

void scmi_server_set_p2a(struct scmi_server *srv, const struct scmi_server_p2a_ops *ops, void *ctx)
{
	srv->p2a = ops;
	srv->p2a_ctx = ctx;
}

bool scmi_server_channel_has_p2a(const struct scmi_server *srv, uint32_t channel_id)
{
	if (!srv || !srv->p2a || !srv->p2a->has_p2a || !srv->p2a->send)
		return false;
	return srv->p2a->has_p2a(srv->p2a_ctx, channel_id);
}

bool scmi_server_msg_p2a(struct scmi_server_msg *msg)
{
	if (msg->p2a == SCMI_SERVER_P2A_UNKNOWN)
		msg->p2a = msg->delayed && scmi_server_channel_has_p2a(msg->srv, msg->channel_id)
			       ? SCMI_SERVER_P2A_YES
			       : SCMI_SERVER_P2A_NONE;
	return msg->p2a == SCMI_SERVER_P2A_YES;
}

bool scmi_server_channel_exists(const struct scmi_server *srv, uint32_t channel_id)
{
	uint32_t agent_id;

	return scmi_server_channel_agent(srv, channel_id, &agent_id);
}

size_t scmi_server_process_raw(struct scmi_server *srv, uint32_t channel_id, uint32_t hdr,
			       const uint8_t *in, size_t in_size, uint8_t *out, size_t out_room)
{
	return scmi_server_process_p2a(srv, channel_id, hdr, in, in_size, out, out_room, NULL);
}

size_t scmi_server_process_p2a(struct scmi_server *srv, uint32_t channel_id, uint32_t hdr,
			       const uint8_t *in, size_t in_size, uint8_t *out, size_t out_room,
			       struct scmi_server_delayed *delayed)
{
	struct scmi_server_msg msg;

	if (delayed)
		delayed->pending = false;
	if (!out || out_room < sizeof(uint32_t))
		return 0;
	msg.srv = srv;
	msg.channel_id = channel_id;
	if (!scmi_server_channel_agent(srv, channel_id, &msg.agent_id)) {
		/* No agent, no rights: only reachable by calling this entry directly. */
		scmi_put_le32(out, (uint32_t)SCMI_DENIED);
		return sizeof(uint32_t);
	}
	if (!in && in_size) {
		scmi_put_le32(out, (uint32_t)SCMI_PROTOCOL_ERROR);
		return sizeof(uint32_t);
	}
	scmi_server_msg_start(&msg, hdr, in, in_size, out, out_room, delayed);
	return scmi_server_msg_run(&msg, hdr);
}

bool scmi_server_msg_put_bytes(struct scmi_server_msg *msg, const void *p, size_t n)
{
	if (n > scmi_server_msg_room(msg)) {
		msg->flags |= SCMI_SERVER_MSG_OVERFLOW;
		return false;
	}
	if (n)
		memcpy(msg->out + msg->out_size, p, n);
	msg->out_size += n;
	return true;
}

uint32_t scmi_server_plat_num_agents(const struct scmi_server *srv)
{
	if (!srv->ops || !srv->ops->num_agents)
		return 0;
	return srv->ops->num_agents(srv->plat);
}

/* Whatever the platform wrote: end at a NUL within 16 bytes and zero the rest. */
static void sanitize_name(char name[SCMI_SHORT_NAME_SIZE])
{
	size_t len = strnlen(name, SCMI_SHORT_NAME_SIZE - 1);

	memset(name + len, 0, SCMI_SHORT_NAME_SIZE - len);
}

bool scmi_server_plat_agent_name(const struct scmi_server *srv, uint32_t agent_id,
				 char name[SCMI_SHORT_NAME_SIZE])
{
	memset(name, 0, SCMI_SHORT_NAME_SIZE);
	if (!srv->ops || !srv->ops->agent_name || !srv->ops->agent_name(srv->plat, agent_id, name))
		return false;
	sanitize_name(name);
	return true;
}

void scmi_server_plat_vendor(const struct scmi_server *srv, bool sub,
			     char name[SCMI_SHORT_NAME_SIZE])
{
	void (*op)(void *plat, char name[SCMI_SHORT_NAME_SIZE]) = NULL;

	if (srv->ops)
		op = sub ? srv->ops->sub_vendor : srv->ops->vendor;
	memset(name, 0, SCMI_SHORT_NAME_SIZE);
	if (op)
		op(srv->plat, name);
	sanitize_name(name);
}

uint32_t scmi_server_plat_impl_version(const struct scmi_server *srv)
{
	if (!srv->ops || !srv->ops->impl_version)
		return 0;
	return srv->ops->impl_version(srv->plat);
}
