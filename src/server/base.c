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

#include "scmi/proto/base.h"
#include "scmi/proto/header.h"
#include "scmi/server/base.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

/* Highest protocol id an agent may see listed (the header's protocol id field). */
#define BASE_PROTOCOL_ID_MAX SCMI_HDR_PROTO_MASK
/* Entries of LIST_PROTOCOLS: one byte each. */
#define BASE_PROTOCOL_SIZE                                                                         \
	SCMI_FIELD_SIZE(struct scmi_base_discover_list_protocols_p2a, protocols[0])
/* Ids travel in whole words. */
#define BASE_PROTOCOLS_WORD (BASE_PROTOCOL_SIZE * SCMI_BASE_PROTOCOLS_PER_WORD)

static const struct scmi_server_base_ops *base_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->base;
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
	if (protocols > SCMI_BASE_PA_COUNT_MAX)
		protocols = SCMI_BASE_PA_COUNT_MAX;
	if (agents > SCMI_BASE_PA_COUNT_MAX)
		agents = SCMI_BASE_PA_COUNT_MAX;
	scmi_server_msg_put_u32(msg, protocols | (agents << SCMI_BASE_PA_NUM_AGENTS_SHIFT));
	return SCMI_SUCCESS;
}

/* DISCOVER_VENDOR and DISCOVER_SUB_VENDOR: one reply shape, the message id says which name. */
static int32_t base_vendor(struct scmi_server_msg *msg)
{
	char name[SCMI_FIELD_SIZE(struct scmi_base_discover_vendor_p2a, vendor_identifier)];

	scmi_server_plat_vendor(msg->srv, msg->msg_id == SCMI_MSG_BASE_DISCOVER_SUB_VENDOR, name);
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
	uint32_t skip = SCMI_SERVER_IN_U32(msg, struct scmi_base_discover_list_protocols_a2p, skip);
	struct scmi_server_page page;
	uint32_t total, words;
	int32_t st;

	total = visible_protocols(msg, 0, NULL, 0);
	if (skip > total)
		return SCMI_INVALID_PARAMETERS;
	/* Only whole words of room count. */
	st = scmi_server_page_room(msg, sizeof(struct scmi_base_discover_list_protocols_p2a),
				   BASE_PROTOCOLS_WORD, sizeof(ids) / BASE_PROTOCOLS_WORD, &words);
	if (st == SCMI_SUCCESS)
		st = scmi_server_page_cut(skip, total, words * SCMI_BASE_PROTOCOLS_PER_WORD, &page);
	if (st != SCMI_SUCCESS)
		return st;

	visible_protocols(msg, skip, ids, page.count);
	scmi_server_msg_put_u32(msg, page.count);
	/* ids[] is zeroed beyond the page, which pads the last word. */
	scmi_server_msg_put_bytes(msg, ids,
				  ((size_t)page.count + SCMI_BASE_PROTOCOLS_PER_WORD - 1u) /
				      SCMI_BASE_PROTOCOLS_PER_WORD * BASE_PROTOCOLS_WORD);
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
	char name[SCMI_FIELD_SIZE(struct scmi_base_discover_agent_p2a, name)];
	uint32_t agent_id = SCMI_SERVER_IN_U32(msg, struct scmi_base_discover_agent_a2p, agent_id);

	/* 1.0 knows no "myself" id: it is just an unknown agent there. */
	if (agent_id == SCMI_BASE_AGENT_ID_SELF && msg->version >= SCMI_BASE_VERSION_2_0)
		agent_id = msg->agent_id;
	if (!known_agent(msg, agent_id, name))
		return SCMI_NOT_FOUND;
	/* struct scmi_base_discover_agent_p2a; 1.0 answers the name alone (_v1_p2a). */
	if (msg->version >= SCMI_BASE_VERSION_2_0)
		scmi_server_msg_put_u32(msg, agent_id);
	scmi_server_msg_put_bytes(msg, name, sizeof(name));
	return SCMI_SUCCESS;
}

static int32_t base_notify_errors(struct scmi_server_msg *msg)
{
	uint32_t enable =
	    SCMI_SERVER_IN_U32(msg, struct scmi_base_notify_errors_a2p, notify_enable);

	if (enable & SCMI_NOTIFY_ENABLE_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	/*
	 * Without a platform-to-agent channel there is nowhere to deliver BASE_ERROR_EVENT.
	 * With one the wish is accepted; the platform has no error reports to raise (yet).
	 */
	return scmi_server_msg_p2a(msg) ? SCMI_SUCCESS : SCMI_NOT_SUPPORTED;
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

/* The target of a permission message: a known agent, then a known device; a status. */
static int32_t check_permission_target(const struct scmi_server_msg *msg, uint32_t agent_id,
				       uint32_t device_id)
{
	int32_t status = check_target_agent(msg, agent_id);

	return status ? status : check_device(msg, device_id);
}

/* The caller may change permissions: the platform says it is trusted. */
static bool caller_trusted(const struct scmi_server_msg *msg)
{
	const struct scmi_server_base_ops *ops = base_ops(msg);

	return ops && ops->agent_trusted && ops->agent_trusted(msg->srv->plat, msg->agent_id);
}

/* The two permission requests begin alike: the agent, then the device. */
#define PERM_AGENT  SCMI_U32_OFFSET(struct scmi_base_set_protocol_permissions_a2p, agent_id)
#define PERM_DEVICE SCMI_U32_OFFSET(struct scmi_base_set_protocol_permissions_a2p, device_id)
_Static_assert(PERM_AGENT ==
		       SCMI_U32_OFFSET(struct scmi_base_set_device_permissions_a2p, agent_id) &&
		   PERM_DEVICE ==
		       SCMI_U32_OFFSET(struct scmi_base_set_device_permissions_a2p, device_id),
	       "the permission requests differ before their flags");

/*
 * SET_DEVICE_PERMISSIONS and SET_PROTOCOL_PERMISSIONS: one shape, the message id says which.
 * The protocol's request has a command_id before its flags, which names the protocol.
 */
static int32_t base_set_permissions(struct scmi_server_msg *msg)
{
	const struct scmi_server_base_ops *ops = base_ops(msg);
	bool protocol = msg->msg_id == SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS;
	uint32_t agent_id = scmi_server_msg_get_u32(msg, PERM_AGENT);
	uint32_t device_id = scmi_server_msg_get_u32(msg, PERM_DEVICE);
	uint32_t command_id = 0, flags;
	int32_t status;

	if (protocol) {
		command_id = SCMI_SERVER_IN_U32(msg, struct scmi_base_set_protocol_permissions_a2p,
						command_id);
		flags =
		    SCMI_SERVER_IN_U32(msg, struct scmi_base_set_protocol_permissions_a2p, flags);
	} else {
		flags = SCMI_SERVER_IN_U32(msg, struct scmi_base_set_device_permissions_a2p, flags);
	}
	if ((flags & SCMI_BASE_PERM_RESERVED) || (command_id & SCMI_BASE_COMMAND_ID_RESERVED))
		return SCMI_INVALID_PARAMETERS;
	status = check_permission_target(msg, agent_id, device_id);
	if (status)
		return status;
	/* Access to Base cannot be revoked. */
	if (protocol && SCMI_BASE_COMMAND_ID_PROTOCOL(command_id) == SCMI_PROTOCOL_BASE)
		return SCMI_INVALID_PARAMETERS;
	if (!caller_trusted(msg))
		return SCMI_DENIED;
	if (protocol && ops->set_protocol_permissions)
		return ops->set_protocol_permissions(
		    msg->srv->plat, agent_id, device_id,
		    (uint8_t)SCMI_BASE_COMMAND_ID_PROTOCOL(command_id),
		    flags & SCMI_BASE_PERM_ALLOW);
	if (!protocol && ops->set_device_permissions)
		return ops->set_device_permissions(msg->srv->plat, agent_id, device_id,
						   flags & SCMI_BASE_PERM_ALLOW);
	return SCMI_DENIED;
}

static int32_t base_reset_agent_configuration(struct scmi_server_msg *msg)
{
	const struct scmi_server_base_ops *ops = base_ops(msg);
	uint32_t agent_id =
	    SCMI_SERVER_IN_U32(msg, struct scmi_base_reset_agent_configuration_a2p, agent_id);
	uint32_t flags =
	    SCMI_SERVER_IN_U32(msg, struct scmi_base_reset_agent_configuration_a2p, flags);
	int32_t status;

	if (flags & SCMI_BASE_RESET_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	status = check_target_agent(msg, agent_id);
	if (status)
		return status;
	if (!caller_trusted(msg) || !ops->reset_agent)
		return SCMI_DENIED;
	status = ops->reset_agent(msg->srv->plat, agent_id, flags & SCMI_BASE_RESET_PERMISSIONS);
	if (status)
		return status;
	/* What the agent negotiated is per-agent state too. */
	scmi_server_reset_agent(msg->srv, agent_id);
	return SCMI_SUCCESS;
}

static const scmi_server_handler_t base_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = base_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_BASE_DISCOVER_VENDOR] = base_vendor,
    [SCMI_MSG_BASE_DISCOVER_SUB_VENDOR] = base_vendor,
    [SCMI_MSG_BASE_DISCOVER_IMPLEMENTATION_VERSION] = base_impl_version,
    [SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS] = base_list_protocols,
    [SCMI_MSG_BASE_DISCOVER_AGENT] = base_discover_agent,
    [SCMI_MSG_BASE_NOTIFY_ERRORS] = base_notify_errors,
    [SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS] = base_set_permissions,
    [SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS] = base_set_permissions,
    [SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION] = base_reset_agent_configuration,
};

/* Exact request payload bytes per message. */
static const uint8_t base_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [SCMI_MSG_BASE_DISCOVER_VENDOR] = 0,
    [SCMI_MSG_BASE_DISCOVER_SUB_VENDOR] = 0,
    [SCMI_MSG_BASE_DISCOVER_IMPLEMENTATION_VERSION] = 0,
    [SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_base_discover_list_protocols_a2p)),
    [SCMI_MSG_BASE_DISCOVER_AGENT] = SCMI_SERVER_SIZE(sizeof(struct scmi_base_discover_agent_a2p)),
    [SCMI_MSG_BASE_NOTIFY_ERRORS] = SCMI_SERVER_SIZE(sizeof(struct scmi_base_notify_errors_a2p)),
    [SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_base_set_device_permissions_a2p)),
    [SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_base_set_protocol_permissions_a2p)),
    [SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_base_reset_agent_configuration_a2p)),
};

/*
 * The messages after Base 1.0 (the last of the tables): the first version of each. Those of
 * 1.0 exist from 1.0 on (true below), not below it.
 */
#define BASE_LATER SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS
static const uint32_t base_since[] = {
    [SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS - BASE_LATER] =
	SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS_SINCE,
    [SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS - BASE_LATER] =
	SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS_SINCE,
    [SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION - BASE_LATER] =
	SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION_SINCE,
};

/*
 * Agents may negotiate 2.0 or 2.1; 1.0 is only ever the platform's own version
 * (base-version): a 1.0 agent knows no NEGOTIATE message, and a later agent has no use
 * for the name-only DISCOVER_AGENT of 1.0.
 */
/* The versions this server speaks, oldest first: what a platform may configure. */
static const uint32_t base_versions[] = {SCMI_BASE_VERSION_1_0, SCMI_BASE_VERSION_2_0,
					 SCMI_BASE_VERSION_2_1};

SCMI_SERVER_PROTOCOL_DEFINE_LATER(scmi_server_base_protocol, SCMI_PROTOCOL_BASE, base_versions,
				  SCMI_BASE_VERSION_2_0,
				  SCMI_MSG_BASE_NEGOTIATE_PROTOCOL_VERSION_SINCE, base_handlers,
				  base_sizes, BASE_LATER, true, base_since);
