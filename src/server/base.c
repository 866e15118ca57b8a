// SPDX-License-Identifier: BSD-3-Clause
/*
 * The Base protocol (0x10), version 2.1: discovery of the platform, its
 * agents and the protocols an agent may use, and the permission messages.
 *
 * The OP-TEE transport has no platform-to-agent channel, so NOTIFY_ERRORS is
 * refused; and until the platform says which agent is trusted, the
 * permission messages validate their parameters and answer DENIED.
 */
#include <string.h>

#include "server/server_protocol.h"

/* Bit 0 is the only defined bit of NOTIFY_ERRORS and of every permission flags word. */
#define BASE_FLAGS_RESERVED 0xfffffffeu
/* SET_PROTOCOL_PERMISSIONS command_id: protocol id in [7:0], the rest reserved. */
#define BASE_COMMAND_ID_PROTO_MASK 0xffu
/* Highest protocol id an agent may see listed (ids are 8 bits). */
#define BASE_PROTOCOL_ID_MAX 0xffu

static int32_t base_version(struct scmi_server_msg *msg)
{
	scmi_server_msg_put_u32(msg, SCMI_BASE_VERSION_2_1);
	return SCMI_SUCCESS;
}

/*
 * visible_protocols() - protocols other than Base visible to the agent of @msg, in
 * ascending id order. Writes ids [skip, skip + max) of that list to @ids (if non-NULL)
 * and returns the total count.
 */
static uint32_t visible_protocols(const struct scmi_server_msg *msg, uint32_t skip, uint8_t *ids,
				  uint32_t max)
{
	uint32_t total = 0;
	uint32_t id;

	for (id = SCMI_PROTOCOL_BASE + 1; id <= BASE_PROTOCOL_ID_MAX; id++) {
		if (!scmi_server_protocol_visible(msg->srv, msg->agent_id, (uint8_t)id))
			continue;
		if (ids && total >= skip && total - skip < max)
			ids[total - skip] = (uint8_t)id;
		total++;
	}
	return total;
}

static int32_t base_attributes(struct scmi_server_msg *msg)
{
	uint32_t protocols = visible_protocols(msg, 0, NULL, 0);
	uint32_t agents = scmi_server_plat_num_agents(msg->srv);

	/* Both fields are 8 bits: saturate rather than wrap. */
	if (protocols > 0xff)
		protocols = 0xff;
	if (agents > 0xff)
		agents = 0xff;
	scmi_server_msg_put_u32(msg, protocols | (agents << 8));
	return SCMI_SUCCESS;
}

static int32_t base_message_attributes(struct scmi_server_msg *msg)
{
	if (!scmi_server_protocol_has_msg(msg->proto, scmi_server_msg_get_u32(msg, 0)))
		return SCMI_NOT_FOUND;
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

static int32_t base_vendor(struct scmi_server_msg *msg)
{
	char name[SCMI_SHORT_NAME_SIZE];

	scmi_server_plat_vendor(msg->srv, name);
	scmi_server_msg_put_bytes(msg, name, sizeof(name));
	return SCMI_SUCCESS;
}

static int32_t base_sub_vendor(struct scmi_server_msg *msg)
{
	char name[SCMI_SHORT_NAME_SIZE];

	scmi_server_plat_sub_vendor(msg->srv, name);
	scmi_server_msg_put_bytes(msg, name, sizeof(name));
	return SCMI_SUCCESS;
}

static int32_t base_impl_version(struct scmi_server_msg *msg)
{
	scmi_server_msg_put_u32(msg, scmi_server_plat_impl_version(msg->srv));
	return SCMI_SUCCESS;
}

/*
 * One page of the protocol list: as many ids as fit the room, never more than
 * remain after @skip. skip == total is a valid, empty last page; only skip > total
 * is an error. A page with ids remaining but no room for a single one is a
 * PROTOCOL_ERROR rather than an empty success, which an agent would read as the end.
 */
static int32_t base_list_protocols(struct scmi_server_msg *msg)
{
	uint8_t ids[BASE_PROTOCOL_ID_MAX + 1] = {0};
	uint32_t skip = scmi_server_msg_get_u32(msg, 0);
	uint32_t total, remain, fit, n;
	size_t room;

	total = visible_protocols(msg, 0, NULL, 0);
	if (skip > total)
		return SCMI_INVALID_PARAMETERS;
	remain = total - skip;

	room = scmi_server_msg_room(msg);
	if (room < sizeof(uint32_t))
		return SCMI_PROTOCOL_ERROR;
	room -= sizeof(uint32_t);
	/* Ids travel four to a word, and only whole words of room count. */
	room &= ~(size_t)3;
	fit = room < sizeof(ids) ? (uint32_t)room : (uint32_t)sizeof(ids);
	n = remain < fit ? remain : fit;
	if (remain && !n)
		return SCMI_PROTOCOL_ERROR;

	visible_protocols(msg, skip, ids, n);
	scmi_server_msg_put_u32(msg, n);
	/* ids[] is zeroed beyond n, which pads the last word. */
	scmi_server_msg_put_bytes(msg, ids, (n + 3u) / 4u * 4u);
	return SCMI_SUCCESS;
}

/* An agent other than the platform that the platform knows, with its name. */
static bool known_agent(const struct scmi_server_msg *msg, uint32_t agent_id,
			char name[SCMI_SHORT_NAME_SIZE])
{
	if (agent_id > scmi_server_plat_num_agents(msg->srv))
		return false;
	return scmi_server_plat_agent_name(msg->srv, agent_id, name);
}

static int32_t base_discover_agent(struct scmi_server_msg *msg)
{
	char name[SCMI_SHORT_NAME_SIZE];
	uint32_t agent_id = scmi_server_msg_get_u32(msg, 0);

	if (agent_id == SCMI_BASE_AGENT_ID_SELF)
		agent_id = msg->agent_id;
	if (!known_agent(msg, agent_id, name))
		return SCMI_NOT_FOUND;
	scmi_server_msg_put_u32(msg, agent_id);
	scmi_server_msg_put_bytes(msg, name, sizeof(name));
	return SCMI_SUCCESS;
}

static int32_t base_notify_errors(struct scmi_server_msg *msg)
{
	if (scmi_server_msg_get_u32(msg, 0) & BASE_FLAGS_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	/* No platform-to-agent channel to deliver BASE_ERROR_EVENT on. */
	return SCMI_NOT_SUPPORTED;
}

/* Target of a permission message: a real agent, never the platform itself. */
static int32_t check_target_agent(const struct scmi_server_msg *msg, uint32_t agent_id)
{
	char name[SCMI_SHORT_NAME_SIZE];

	if (agent_id == 0 || !known_agent(msg, agent_id, name))
		return SCMI_NOT_FOUND;
	return SCMI_SUCCESS;
}

static int32_t base_set_device_permissions(struct scmi_server_msg *msg)
{
	uint32_t agent_id = scmi_server_msg_get_u32(msg, 0);
	uint32_t flags = scmi_server_msg_get_u32(msg, 8);
	int32_t status;

	if (flags & BASE_FLAGS_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	status = check_target_agent(msg, agent_id);
	if (status)
		return status;
	/* No agent is trusted to change permissions yet. */
	return SCMI_DENIED;
}

static int32_t base_set_protocol_permissions(struct scmi_server_msg *msg)
{
	uint32_t agent_id = scmi_server_msg_get_u32(msg, 0);
	uint32_t command_id = scmi_server_msg_get_u32(msg, 8);
	uint32_t flags = scmi_server_msg_get_u32(msg, 12);
	int32_t status;

	if ((flags & BASE_FLAGS_RESERVED) || (command_id & ~BASE_COMMAND_ID_PROTO_MASK))
		return SCMI_INVALID_PARAMETERS;
	status = check_target_agent(msg, agent_id);
	if (status)
		return status;
	/* Access to Base cannot be revoked. */
	if ((command_id & BASE_COMMAND_ID_PROTO_MASK) == SCMI_PROTOCOL_BASE)
		return SCMI_INVALID_PARAMETERS;
	return SCMI_DENIED;
}

static int32_t base_reset_agent_configuration(struct scmi_server_msg *msg)
{
	uint32_t agent_id = scmi_server_msg_get_u32(msg, 0);
	uint32_t flags = scmi_server_msg_get_u32(msg, 4);
	int32_t status;

	if (flags & BASE_FLAGS_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	status = check_target_agent(msg, agent_id);
	if (status)
		return status;
	return SCMI_DENIED;
}

/* Every Base layout we emit is the same in 2.0 and 2.1: either may be negotiated. */
static int32_t base_negotiate_version(struct scmi_server_msg *msg)
{
	uint32_t version = scmi_server_msg_get_u32(msg, 0);

	if (version == SCMI_VERSION(2, 0) || version == SCMI_BASE_VERSION_2_1)
		return SCMI_SUCCESS;
	return SCMI_NOT_SUPPORTED;
}

static const scmi_server_handler_t base_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = base_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = base_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = base_message_attributes,
    [SCMI_BASE_DISCOVER_VENDOR] = base_vendor,
    [SCMI_BASE_DISCOVER_SUB_VENDOR] = base_sub_vendor,
    [SCMI_BASE_DISCOVER_IMPLEMENTATION_VERSION] = base_impl_version,
    [SCMI_BASE_DISCOVER_LIST_PROTOCOLS] = base_list_protocols,
    [SCMI_BASE_DISCOVER_AGENT] = base_discover_agent,
    [SCMI_BASE_NOTIFY_ERRORS] = base_notify_errors,
    [SCMI_BASE_SET_DEVICE_PERMISSIONS] = base_set_device_permissions,
    [SCMI_BASE_SET_PROTOCOL_PERMISSIONS] = base_set_protocol_permissions,
    [SCMI_BASE_RESET_AGENT_CONFIGURATION] = base_reset_agent_configuration,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = base_negotiate_version,
};

/* Exact request payload bytes per message. */
static const uint16_t base_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [SCMI_BASE_DISCOVER_VENDOR] = 0,
    [SCMI_BASE_DISCOVER_SUB_VENDOR] = 0,
    [SCMI_BASE_DISCOVER_IMPLEMENTATION_VERSION] = 0,
    [SCMI_BASE_DISCOVER_LIST_PROTOCOLS] = 4,
    [SCMI_BASE_DISCOVER_AGENT] = 4,
    [SCMI_BASE_NOTIFY_ERRORS] = 4,
    [SCMI_BASE_SET_DEVICE_PERMISSIONS] = 12,
    [SCMI_BASE_SET_PROTOCOL_PERMISSIONS] = 16,
    [SCMI_BASE_RESET_AGENT_CONFIGURATION] = 8,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

SCMI_SERVER_PROTOCOL_DEFINE(scmi_server_base_protocol, SCMI_PROTOCOL_BASE, base_handlers,
			    base_sizes);
