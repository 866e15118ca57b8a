// SPDX-License-Identifier: BSD-3-Clause
/*
 * System power protocol (0x12), version 2.1, able to speak down to 1.0.
 *
 * Checks, in order, for SYSTEM_POWER_STATE_SET: reserved flag bits and
 * reserved states (5..0x7fffffff) are INVALID_PARAMETERS; vendor states and
 * standard states the platform lacks are NOT_SUPPORTED (which ones it has is
 * public anyway through PROTOCOL_MESSAGE_ATTRIBUTES); the platform then says
 * DENIED to an agent not allowed to change the system state.
 *
 * The notifier layout differs by version: 1.x carries agent_id, flags,
 * system_state (12 bytes, as Linux checks; SCP's 8-byte 1.0 struct without
 * flags is the odd one out), 2.0 adds the graceful-shutdown timeout.
 */
#include <string.h>

#include "scmi/proto/system.h"
#include "scmi/server/system.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

static const struct scmi_server_system_ops *system_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->system;
}

static uint32_t system_supported(const struct scmi_server_msg *msg)
{
	const struct scmi_server_system_ops *ops = system_ops(msg);

	if (!ops || !ops->supported)
		return 0;
	return ops->supported(msg->srv->plat) & ((1u << SCMI_SYSTEM_STATE_COUNT) - 1u);
}

static int32_t system_attributes(struct scmi_server_msg *msg)
{
	/* struct scmi_protocol_attributes_p2a: reserved, zero. */
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

static int32_t system_message_attributes(struct scmi_server_msg *msg)
{
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_msg_attributes_a2p, message_id);
	uint32_t attr = 0, supported;

	if (!scmi_server_msg_exists(msg, id))
		return SCMI_NOT_FOUND;
	if (id == SCMI_MSG_SYSTEM_POWER_STATE_SET) {
		supported = system_supported(msg);
		if (supported & (1u << SCMI_SYSTEM_STATE_WARM_RESET))
			attr |= SCMI_SYSTEM_ATTR_WARM_RESET;
		if (supported & (1u << SCMI_SYSTEM_STATE_SUSPEND))
			attr |= SCMI_SYSTEM_ATTR_SUSPEND;
	}
	scmi_server_msg_put_u32(msg, attr);
	return SCMI_SUCCESS;
}

static int32_t system_state_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_system_ops *ops = system_ops(msg);
	uint32_t flags = SCMI_SERVER_IN_U32(msg, struct scmi_system_power_state_set_a2p, flags);
	uint32_t state =
	    SCMI_SERVER_IN_U32(msg, struct scmi_system_power_state_set_a2p, system_state);

	if (flags & SCMI_SYSTEM_FLAG_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	if (state >= SCMI_SYSTEM_STATE_VENDOR_FIRST)
		return SCMI_NOT_SUPPORTED;
	if (state >= SCMI_SYSTEM_STATE_COUNT)
		return SCMI_INVALID_PARAMETERS;
	if (!(system_supported(msg) & (1u << state)) || !ops->state_set)
		return SCMI_NOT_SUPPORTED;
	return ops->state_set(msg->srv->plat, msg->agent_id, flags, state);
}

static int32_t system_state_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_system_ops *ops = system_ops(msg);

	if (!ops || !ops->state_get)
		return SCMI_NOT_SUPPORTED;
	scmi_server_msg_put_u32(msg, ops->state_get(msg->srv->plat));
	return SCMI_SUCCESS;
}

static int32_t system_state_notify(struct scmi_server_msg *msg)
{
	const struct scmi_server_system_ops *ops = system_ops(msg);
	bool enable;
	int32_t st;

	st = scmi_server_notify_enable(
	    msg, SCMI_U32_OFFSET(struct scmi_system_power_state_notify_a2p, notify_enable),
	    &enable);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops || !ops->notify)
		return SCMI_NOT_SUPPORTED;
	return ops->notify(msg->srv->plat, msg->agent_id, enable);
}

size_t scmi_server_system_notifier(uint32_t version, uint32_t agent_id, uint32_t flags,
				   uint32_t state, uint32_t timeout, uint8_t *buf, size_t room)
{
	size_t size = version >= SCMI_SYSTEM_VERSION_2_0
			  ? sizeof(struct scmi_system_power_state_notifier_evt)
			  : SCMI_SYSTEM_POWER_STATE_NOTIFIER_V1_SIZE;

	if (!buf || room < size)
		return 0;
	SCMI_PUT_U32(buf, struct scmi_system_power_state_notifier_evt, agent_id, agent_id);
	SCMI_PUT_U32(buf, struct scmi_system_power_state_notifier_evt, flags,
		     flags & SCMI_SYSTEM_FLAG_GRACEFUL);
	SCMI_PUT_U32(buf, struct scmi_system_power_state_notifier_evt, system_state, state);
	if (size == sizeof(struct scmi_system_power_state_notifier_evt))
		SCMI_PUT_U32(buf, struct scmi_system_power_state_notifier_evt, timeout, timeout);
	return size;
}

static const scmi_server_handler_t system_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = system_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = system_message_attributes,
    [SCMI_MSG_SYSTEM_POWER_STATE_SET] = system_state_set,
    [SCMI_MSG_SYSTEM_POWER_STATE_GET] = system_state_get,
    [SCMI_MSG_SYSTEM_POWER_STATE_NOTIFY] = system_state_notify,
};

static const uint8_t system_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [SCMI_MSG_SYSTEM_POWER_STATE_SET] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_system_power_state_set_a2p)),
    [SCMI_MSG_SYSTEM_POWER_STATE_GET] = 0,
    [SCMI_MSG_SYSTEM_POWER_STATE_NOTIFY] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_system_power_state_notify_a2p)),
};

/* The versions this server speaks, oldest first: what a platform may configure. */
static const uint32_t system_versions[] = {SCMI_SYSTEM_VERSION_1_0, SCMI_SYSTEM_VERSION_1_1,
					   SCMI_SYSTEM_VERSION_2_0, SCMI_SYSTEM_VERSION_2_1};

/* Every message exists from 1.0. */
SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_system_protocol, SCMI_PROTOCOL_SYSTEM,
				      system_versions, SCMI_SYSTEM_VERSION_1_0,
				      SCMI_MSG_SYSTEM_NEGOTIATE_PROTOCOL_VERSION_SINCE,
				      system_handlers, system_sizes);
