// SPDX-License-Identifier: BSD-3-Clause
/*
 * The Base protocol (0x10), versions 1.0, 2.0 and 2.1: discovery of the
 * platform, its agents and the protocols an agent may use, and the
 * permission messages.
 *
 * Versions: 1.0 has messages 0x0..0x8 and a DISCOVER_AGENT reply of the
 * name alone (SCP-firmware's 1.0 layout); 2.0 adds the permission messages
 * 0x9..0xB and the agent id in DISCOVER_AGENT; 2.1 adds
 * NEGOTIATE_PROTOCOL_VERSION. The platform picks one (server/base.h), an
 * agent may negotiate down.
 *
 * The permission messages are the platform's business (server/base.h): the
 * server validates their parameters, then refuses them (DENIED) unless the
 * calling agent is trusted. The OP-TEE transport has no platform-to-agent
 * channel, so NOTIFY_ERRORS is refused there; a channel with one (virtio) accepts it.
 */
#include <string.h>

#include "scmi/server/base.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

/* Bit 0 is the only defined bit of NOTIFY_ERRORS and of every permission flags word. */
#define BASE_FLAGS_RESERVED 0xfffffffeu
/* SET_PROTOCOL_PERMISSIONS command_id: protocol id in [7:0], the rest reserved. */
#define BASE_COMMAND_ID_PROTO_MASK 0xffu
/* Highest protocol id an agent may see listed (ids are 8 bits). */
#define BASE_PROTOCOL_ID_MAX 0xffu

#define BASE_VERSION_1_0     SCMI_VERSION(1, 0)
#define BASE_VERSION_2_0     SCMI_VERSION(2, 0)

static const struct scmi_server_base_ops *base_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops ? msg->srv->ops->base : NULL;
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

/*
 * NEGOTIATE_PROTOCOL_VERSION exists when the platform runs 2.1, whatever the agent
 * negotiated since: an agent that went down to 2.0 may come back up. The gate is the
 * platform's version, not the one in force (hence 0 in the min-version table).
 */
static bool negotiate_exists(const struct scmi_server_msg *msg)
{
	return scmi_server_platform_version(msg->srv, msg->proto) >= SCMI_BASE_VERSION_2_1;
}

static int32_t base_message_attributes(struct scmi_server_msg *msg)
{
	if (scmi_server_msg_get_u32(msg, 0) == SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION &&
	    !negotiate_exists(msg))
		return SCMI_NOT_FOUND;
	return scmi_server_common_msg_attributes(msg);
}

static int32_t base_negotiate(struct scmi_server_msg *msg)
{
	if (!negotiate_exists(msg))
		return SCMI_NOT_SUPPORTED;
	return scmi_server_common_negotiate(msg);
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
	struct scmi_server_page page;
	uint32_t total, words;
	int32_t st;

	total = visible_protocols(msg, 0, NULL, 0);
	if (skip > total)
		return SCMI_INVALID_PARAMETERS;
	/* Ids travel four to a word, and only whole words of room count. */
	st = scmi_server_page_room(msg, sizeof(uint32_t), sizeof(uint32_t), sizeof(ids) / 4u,
				   &words);
	if (st == SCMI_SUCCESS)
		st = scmi_server_page_cut(skip, total, words * 4u, &page);
	if (st != SCMI_SUCCESS)
		return st;

	visible_protocols(msg, skip, ids, page.count);
	scmi_server_msg_put_u32(msg, page.count);
	/* ids[] is zeroed beyond the page, which pads the last word. */
	scmi_server_msg_put_bytes(msg, ids, ((size_t)page.count + 3u) / 4u * 4u);
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

	/* 1.0 knows no "myself" id: it is just an unknown agent there. */
	if (agent_id == SCMI_BASE_AGENT_ID_SELF && msg->version >= BASE_VERSION_2_0)
		agent_id = msg->agent_id;
	if (!known_agent(msg, agent_id, name))
		return SCMI_NOT_FOUND;
	if (msg->version >= BASE_VERSION_2_0)
		scmi_server_msg_put_u32(msg, agent_id);
	scmi_server_msg_put_bytes(msg, name, sizeof(name));
	return SCMI_SUCCESS;
}

static int32_t base_notify_errors(struct scmi_server_msg *msg)
{
	if (scmi_server_msg_get_u32(msg, 0) & BASE_FLAGS_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	/*
	 * Without a platform-to-agent channel there is nowhere to deliver BASE_ERROR_EVENT.
	 * With one the wish is accepted; the platform has no error reports to raise (yet).
	 */
	return msg->p2a ? SCMI_SUCCESS : SCMI_NOT_SUPPORTED;
}

/* Target of a permission message: a real agent, never the platform itself. */
static int32_t check_target_agent(const struct scmi_server_msg *msg, uint32_t agent_id)
{
	char name[SCMI_SHORT_NAME_SIZE];

	if (agent_id == 0 || !known_agent(msg, agent_id, name))
		return SCMI_NOT_FOUND;
	return SCMI_SUCCESS;
}

/*
 * A device the platform has. Without a platform binding nothing is known about
 * devices: the message goes on to be refused as from an untrusted agent.
 */
static int32_t check_device(const struct scmi_server_msg *msg, uint32_t device_id)
{
	const struct scmi_server_base_ops *ops = base_ops(msg);

	if (ops && ops->device_exists && !ops->device_exists(msg->srv->plat, device_id))
		return SCMI_NOT_FOUND;
	return SCMI_SUCCESS;
}

/* The caller may change permissions: the platform says it is trusted. */
static bool caller_trusted(const struct scmi_server_msg *msg)
{
	const struct scmi_server_base_ops *ops = base_ops(msg);

	return ops && ops->agent_trusted && ops->agent_trusted(msg->srv->plat, msg->agent_id);
}

static int32_t base_set_device_permissions(struct scmi_server_msg *msg)
{
	const struct scmi_server_base_ops *ops = base_ops(msg);
	uint32_t agent_id = scmi_server_msg_get_u32(msg, 0);
	uint32_t device_id = scmi_server_msg_get_u32(msg, 4);
	uint32_t flags = scmi_server_msg_get_u32(msg, 8);
	int32_t status;

	if (flags & BASE_FLAGS_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	status = check_target_agent(msg, agent_id);
	if (!status)
		status = check_device(msg, device_id);
	if (status)
		return status;
	if (!caller_trusted(msg) || !ops->set_device_permissions)
		return SCMI_DENIED;
	return ops->set_device_permissions(msg->srv->plat, agent_id, device_id, flags & 1u);
}

static int32_t base_set_protocol_permissions(struct scmi_server_msg *msg)
{
	const struct scmi_server_base_ops *ops = base_ops(msg);
	uint32_t agent_id = scmi_server_msg_get_u32(msg, 0);
	uint32_t device_id = scmi_server_msg_get_u32(msg, 4);
	uint32_t command_id = scmi_server_msg_get_u32(msg, 8);
	uint32_t flags = scmi_server_msg_get_u32(msg, 12);
	uint8_t protocol_id = (uint8_t)(command_id & BASE_COMMAND_ID_PROTO_MASK);
	int32_t status;

	if ((flags & BASE_FLAGS_RESERVED) || (command_id & ~BASE_COMMAND_ID_PROTO_MASK))
		return SCMI_INVALID_PARAMETERS;
	status = check_target_agent(msg, agent_id);
	if (!status)
		status = check_device(msg, device_id);
	if (status)
		return status;
	/* Access to Base cannot be revoked. */
	if (protocol_id == SCMI_PROTOCOL_BASE)
		return SCMI_INVALID_PARAMETERS;
	if (!caller_trusted(msg) || !ops->set_protocol_permissions)
		return SCMI_DENIED;
	return ops->set_protocol_permissions(msg->srv->plat, agent_id, device_id, protocol_id,
					     flags & 1u);
}

static int32_t base_reset_agent_configuration(struct scmi_server_msg *msg)
{
	const struct scmi_server_base_ops *ops = base_ops(msg);
	uint32_t agent_id = scmi_server_msg_get_u32(msg, 0);
	uint32_t flags = scmi_server_msg_get_u32(msg, 4);
	int32_t status;

	if (flags & BASE_FLAGS_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	status = check_target_agent(msg, agent_id);
	if (status)
		return status;
	if (!caller_trusted(msg) || !ops->reset_agent)
		return SCMI_DENIED;
	status = ops->reset_agent(msg->srv->plat, agent_id, flags & 1u);
	if (status)
		return status;
	/* What the agent negotiated is per-agent state too. */
	scmi_server_reset_agent(msg->srv, agent_id);
	return SCMI_SUCCESS;
}

static const scmi_server_handler_t base_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
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
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = base_negotiate,
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

/* First version that has each message. */
static const uint32_t base_min_versions[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = BASE_VERSION_1_0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = BASE_VERSION_1_0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = BASE_VERSION_1_0,
    [SCMI_BASE_DISCOVER_VENDOR] = BASE_VERSION_1_0,
    [SCMI_BASE_DISCOVER_SUB_VENDOR] = BASE_VERSION_1_0,
    [SCMI_BASE_DISCOVER_IMPLEMENTATION_VERSION] = BASE_VERSION_1_0,
    [SCMI_BASE_DISCOVER_LIST_PROTOCOLS] = BASE_VERSION_1_0,
    [SCMI_BASE_DISCOVER_AGENT] = BASE_VERSION_1_0,
    [SCMI_BASE_NOTIFY_ERRORS] = BASE_VERSION_1_0,
    [SCMI_BASE_SET_DEVICE_PERMISSIONS] = BASE_VERSION_2_0,
    [SCMI_BASE_SET_PROTOCOL_PERMISSIONS] = BASE_VERSION_2_0,
    [SCMI_BASE_RESET_AGENT_CONFIGURATION] = BASE_VERSION_2_0,
    [0xc] = 0,
    [0xd] = 0,
    [0xe] = 0,
    [0xf] = 0,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0, /* see negotiate_exists() */
};

/*
 * Agents may negotiate 2.0 or 2.1; 1.0 is only ever the platform's own version
 * (base-version): a 1.0 agent knows no NEGOTIATE message, and a later agent has no use
 * for the name-only DISCOVER_AGENT of 1.0.
 */
SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_base_protocol, SCMI_PROTOCOL_BASE,
				      SCMI_BASE_VERSION_2_1, BASE_VERSION_2_0, base_handlers,
				      base_sizes, base_min_versions);
