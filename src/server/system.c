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

#include "scmi/proto/endian.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"
#include "scmi/server/system.h"

#define SYSTEM_MSG_STATE_SET	0x3u
#define SYSTEM_MSG_STATE_GET	0x4u
#define SYSTEM_MSG_STATE_NOTIFY 0x5u

#define SYSTEM_FLAGS_RESERVED	0xfffffffeu

static const struct scmi_server_system_ops *system_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops ? msg->srv->ops->system : NULL;
}

static uint32_t system_supported(const struct scmi_server_msg *msg)
{
	const struct scmi_server_system_ops *ops = system_ops(msg);

	if (!ops || !ops->supported)
		return 0;
	return ops->supported(msg->srv->plat) & ((1u << SCMI_SYSTEM_NUM_STATES) - 1u);
}

static int32_t system_attributes(struct scmi_server_msg *msg)
{
	/* Reserved, zero. */
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

static int32_t system_message_attributes(struct scmi_server_msg *msg)
{
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t attr = 0, supported;

	if (!scmi_server_msg_exists(msg, id))
		return SCMI_NOT_FOUND;
	if (id == SYSTEM_MSG_STATE_SET) {
		supported = system_supported(msg);
		if (supported & (1u << SCMI_SYSTEM_WARM_RESET))
			attr |= SCMI_SYSTEM_ATTR_WARM_RESET;
		if (supported & (1u << SCMI_SYSTEM_SUSPEND))
			attr |= SCMI_SYSTEM_ATTR_SUSPEND;
	}
	scmi_server_msg_put_u32(msg, attr);
	return SCMI_SUCCESS;
}

static int32_t system_state_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_system_ops *ops = system_ops(msg);
	uint32_t flags = scmi_server_msg_get_u32(msg, 0);
	uint32_t state = scmi_server_msg_get_u32(msg, 4);

	if (flags & SYSTEM_FLAGS_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	if (state >= SCMI_SYSTEM_VENDOR_FIRST)
		return SCMI_NOT_SUPPORTED;
	if (state >= SCMI_SYSTEM_NUM_STATES)
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

	st = scmi_server_notify_enable(msg, 0, &enable);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops || !ops->notify)
		return SCMI_NOT_SUPPORTED;
	return ops->notify(msg->srv->plat, msg->agent_id, enable);
}

size_t scmi_server_system_notifier(uint32_t version, uint32_t agent_id, uint32_t flags,
				   uint32_t state, uint32_t timeout, uint8_t *buf, size_t room)
{
	size_t size = version >= SCMI_VERSION(2, 0) ? SCMI_SYSTEM_NOTIFIER_SIZE_V2
						    : SCMI_SYSTEM_NOTIFIER_SIZE_V1;

	if (!buf || room < size)
		return 0;
	scmi_put_le32(buf, agent_id);
	scmi_put_le32(buf + 4, flags & SCMI_SYSTEM_FLAG_GRACEFUL);
	scmi_put_le32(buf + 8, state);
	if (size == SCMI_SYSTEM_NOTIFIER_SIZE_V2)
		scmi_put_le32(buf + 12, timeout);
	return size;
}

static const scmi_server_handler_t system_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = system_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = system_message_attributes,
    [SYSTEM_MSG_STATE_SET] = system_state_set,
    [SYSTEM_MSG_STATE_GET] = system_state_get,
    [SYSTEM_MSG_STATE_NOTIFY] = system_state_notify,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t system_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [SYSTEM_MSG_STATE_SET] = 8,
    [SYSTEM_MSG_STATE_GET] = 0,
    [SYSTEM_MSG_STATE_NOTIFY] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

/* Every message exists from 1.0. */
static const uint32_t system_min_versions[] = {
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_system_protocol, SCMI_PROTOCOL_SYSTEM,
				      SCMI_VERSION(2, 1), SCMI_VERSION(1, 0), system_handlers,
				      system_sizes, system_min_versions);
