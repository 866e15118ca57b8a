// SPDX-License-Identifier: BSD-3-Clause
/*
 * Server instance, the raw entry used by the transports, the bounded reply
 * helpers and the platform-op wrappers.
 */
#include <string.h>

#include "scmi/proto/header.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

void scmi_server_init(struct scmi_server *srv, const struct scmi_server_platform_ops *ops,
		      void *plat)
{
	srv->ops = ops;
	srv->plat = plat;
	memset(srv->agent_storage, 0, sizeof(srv->agent_storage));
	srv->agents = srv->agent_storage;
	srv->p2a = NULL;
	srv->p2a_ctx = NULL;
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

static bool channel_agent(const struct scmi_server *srv, uint32_t channel_id, uint32_t *agent_id)
{
	if (!srv || !srv->ops || !srv->ops->channel_agent)
		return false;
	return srv->ops->channel_agent(srv->plat, channel_id, agent_id);
}

bool scmi_server_channel_exists(const struct scmi_server *srv, uint32_t channel_id)
{
	uint32_t agent_id;

	return channel_agent(srv, channel_id, &agent_id);
}

size_t scmi_server_process_raw(const struct scmi_server *srv, uint32_t channel_id, uint32_t hdr,
			       const uint8_t *in, size_t in_size, uint8_t *out, size_t out_room)
{
	return scmi_server_process_p2a(srv, channel_id, hdr, in, in_size, out, out_room, NULL);
}

size_t scmi_server_process_p2a(const struct scmi_server *srv, uint32_t channel_id, uint32_t hdr,
			       const uint8_t *in, size_t in_size, uint8_t *out, size_t out_room,
			       struct scmi_server_delayed *delayed)
{
	struct scmi_server_msg msg = {
	    .srv = srv,
	    .channel_id = channel_id,
	    .protocol_id = (uint8_t)((hdr >> SCMI_HDR_PROTO_SHIFT) & SCMI_HDR_PROTO_MASK),
	    .msg_id = (uint8_t)(hdr & SCMI_HDR_MSG_ID_MASK),
	    .in = in,
	    .in_size = in_size,
	    .out = out,
	    .out_room = out_room,
	};

	if (delayed)
		delayed->pending = false;
	if (!out || out_room < sizeof(uint32_t))
		return 0;
	if (!channel_agent(srv, channel_id, &msg.agent_id)) {
		/* No agent, no rights: only reachable by calling this entry directly. */
		scmi_put_le32(out, (uint32_t)SCMI_DENIED);
		return sizeof(uint32_t);
	}
	if (!in && in_size) {
		scmi_put_le32(out, (uint32_t)SCMI_PROTOCOL_ERROR);
		return sizeof(uint32_t);
	}
	/* Only a caller that can send delayed responses gets the P2A view of the channel. */
	if (delayed) {
		msg.p2a = scmi_server_channel_has_p2a(srv, channel_id);
		msg.delayed = delayed;
	}
	scmi_server_dispatch(&msg, hdr);
	return msg.out_size;
}

bool scmi_server_msg_put_bytes(struct scmi_server_msg *msg, const void *p, size_t n)
{
	if (n > scmi_server_msg_room(msg)) {
		msg->overflow = true;
		return false;
	}
	if (n)
		memcpy(msg->out + msg->out_size, p, n);
	msg->out_size += n;
	return true;
}

bool scmi_server_msg_put_u32(struct scmi_server_msg *msg, uint32_t v)
{
	uint8_t b[4];

	scmi_put_le32(b, v);
	return scmi_server_msg_put_bytes(msg, b, sizeof(b));
}

bool scmi_server_msg_put_u64(struct scmi_server_msg *msg, uint64_t v)
{
	uint8_t b[8];

	scmi_put_le64(b, v);
	return scmi_server_msg_put_bytes(msg, b, sizeof(b));
}

int32_t scmi_server_page_room(const struct scmi_server_msg *msg, size_t header, size_t entry,
			      uint32_t max, uint32_t *fit)
{
	size_t room = scmi_server_msg_room(msg);

	if (room < header)
		return SCMI_PROTOCOL_ERROR;
	room = (room - header) / entry;
	*fit = room > max ? max : (uint32_t)room;
	return SCMI_SUCCESS;
}

int32_t scmi_server_page_cut(uint32_t start, uint32_t total, uint32_t fit,
			     struct scmi_server_page *page)
{
	uint32_t left;

	if (start > total)
		return SCMI_INVALID_PARAMETERS;
	left = total - start;
	page->count = left < fit ? left : fit;
	if (left && !page->count)
		return SCMI_PROTOCOL_ERROR;
	page->remaining = left - page->count;
	return SCMI_SUCCESS;
}

int32_t scmi_server_page_get(const struct scmi_server_msg *msg, uint32_t start, uint32_t total,
			     size_t entry, uint32_t max, struct scmi_server_page *page)
{
	uint32_t fit;
	int32_t st;

	if (start > total)
		return SCMI_INVALID_PARAMETERS;
	st = scmi_server_page_room(msg, sizeof(uint32_t), entry, max, &fit);
	if (st != SCMI_SUCCESS)
		return st;
	return scmi_server_page_cut(start, total, fit, page);
}

uint32_t scmi_server_msg_get_u32(const struct scmi_server_msg *msg, size_t off)
{
	if (off > msg->in_size || msg->in_size - off < sizeof(uint32_t))
		return 0;
	return scmi_get_le32(msg->in + off);
}

uint64_t scmi_server_msg_get_u64(const struct scmi_server_msg *msg, size_t off)
{
	if (off > msg->in_size || msg->in_size - off < sizeof(uint64_t))
		return 0;
	return scmi_get_le64(msg->in + off);
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

void scmi_server_plat_vendor(const struct scmi_server *srv, char name[SCMI_SHORT_NAME_SIZE])
{
	memset(name, 0, SCMI_SHORT_NAME_SIZE);
	if (srv->ops && srv->ops->vendor)
		srv->ops->vendor(srv->plat, name);
	sanitize_name(name);
}

void scmi_server_plat_sub_vendor(const struct scmi_server *srv, char name[SCMI_SHORT_NAME_SIZE])
{
	memset(name, 0, SCMI_SHORT_NAME_SIZE);
	if (srv->ops && srv->ops->sub_vendor)
		srv->ops->sub_vendor(srv->plat, name);
	sanitize_name(name);
}

uint32_t scmi_server_plat_impl_version(const struct scmi_server *srv)
{
	if (!srv->ops || !srv->ops->impl_version)
		return 0;
	return srv->ops->impl_version(srv->plat);
}
