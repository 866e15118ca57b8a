// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reset domain protocol (0x16), version 3.1, able to speak down to 1.0.
 *
 * Versions: RESET_DOMAIN_NAME_GET and the extended-name attribute bit exist
 * from 3.0 on; every other layout is the same in 1.0..3.1.
 *
 * RESET is answered synchronously whatever its async flag says, and the
 * attributes report no async support: there is no platform-to-agent channel
 * over OP-TEE for RESET_COMPLETE. On a channel with a P2A path (virtio) the
 * async bit is advertised and an async RESET gets RESET_COMPLETE (domain_id). An autonomous reset
 * takes precedence over the explicit-assert bit, which the protocol only defines for explicit
 * resets.
 */
#include <string.h>

#include "scmi/proto/reset.h"
#include "scmi/server/reset.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

static const struct scmi_server_reset_ops *reset_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->reset;
}

static uint32_t reset_count(const struct scmi_server_msg *msg)
{
	const struct scmi_server_reset_ops *ops = reset_ops(msg);

	/* num_domains is 16 bits on the wire: ids beyond cannot be announced. */
	return scmi_server_count(msg, ops ? ops->count : NULL, SCMI_RESET_PA_NUM_DOMAINS_MAX);
}

/*
 * The status of a request on domain @id refused with @st before the platform saw it:
 * NOT_FOUND first if the agent has no domain @id. The count is asked only here, on the way
 * out: the ops answer NOT_FOUND themselves on the way in.
 */
static int32_t reset_refuse(const struct scmi_server_msg *msg, uint32_t id, int32_t st)
{
	return id < reset_count(msg) ? st : SCMI_NOT_FOUND;
}

/* The domain's description, NOT_FOUND for an id the agent cannot see (the platform says). */
static int32_t reset_info(const struct scmi_server_msg *msg, uint32_t id,
			  struct scmi_server_reset_info *info)
{
	const struct scmi_server_reset_ops *ops = reset_ops(msg);
	int32_t status;

	if (id >= SCMI_RESET_PA_NUM_DOMAINS_MAX || !ops->info)
		return SCMI_NOT_FOUND;
	memset(info, 0, sizeof(*info));
	status = ops->info(msg->srv->plat, msg->agent_id, id, info);
	/* Whatever the platform wrote, the names go out terminated. */
	info->name[SCMI_SHORT_NAME_SIZE - 1] = '\0';
	info->ext_name[SCMI_EXT_NAME_SIZE - 1] = '\0';
	return status;
}

/* How long a reset of domain @id takes, as the platform says (0: it does not say). */
static uint32_t reset_latency(const struct scmi_server_msg *msg, uint32_t id)
{
	struct scmi_server_reset_info info;

	if (reset_info(msg, id, &info) != SCMI_SUCCESS ||
	    info.latency_us == SCMI_RESET_LATENCY_UNKNOWN)
		return 0;
	return info.latency_us;
}

static int32_t reset_attributes(struct scmi_server_msg *msg)
{
	scmi_server_msg_put_u32(msg, reset_count(msg));
	return SCMI_SUCCESS;
}

/*
 * DOMAIN_ATTRIBUTES and DOMAIN_NAME_GET: the domain the request names, described; the message
 * id says which reply.
 */
static int32_t reset_domain_attributes(struct scmi_server_msg *msg)
{
	struct scmi_server_reset_info info;
	uint32_t attr = 0;
	int32_t status;

	status = reset_info(msg, SCMI_SERVER_IN_U32(msg, struct scmi_id_a2p, id), &info);
	if (status)
		return status;
	/* Without a longer name, the short one (terminated: at most 15 characters go). */
	if (msg->msg_id == SCMI_MSG_RESET_DOMAIN_NAME_GET)
		return scmi_server_name_get_reply(msg, info.ext_name[0] ? info.ext_name : info.name,
						  SCMI_EXT_NAME_SIZE - 1);
	if (info.notify)
		attr |= SCMI_RESET_ATTR_NOTIFY;
	if (scmi_server_msg_can_defer(msg))
		attr |= SCMI_RESET_ATTR_ASYNC;
	if (msg->version >= SCMI_RESET_ATTR_EXT_NAME_SINCE)
		attr |= SCMI_RESET_ATTR_EXT_NAME;
	/* struct scmi_reset_domain_attributes_p2a */
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_u32(msg, info.latency_us);
	scmi_server_msg_put_name(msg, info.name, SCMI_SHORT_NAME_SIZE - 1, sizeof(info.name));
	return SCMI_SUCCESS;
}

static int32_t reset_reset(struct scmi_server_msg *msg)
{
	const struct scmi_server_reset_ops *ops = reset_ops(msg);
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_reset_a2p, domain_id);
	uint32_t flags = SCMI_SERVER_IN_U32(msg, struct scmi_reset_a2p, flags);
	uint32_t state = SCMI_SERVER_IN_U32(msg, struct scmi_reset_a2p, reset_state);
	enum scmi_server_reset_action action;
	int32_t status;
	bool async;

	if (id >= SCMI_RESET_PA_NUM_DOMAINS_MAX || !ops->reset)
		return SCMI_NOT_FOUND;
	/* Cold reset is the only architectural state; the rest of that space is reserved. */
	if ((flags & SCMI_RESET_FLAG_RESERVED) ||
	    (!(state & SCMI_RESET_STATE_IMPL) && state != SCMI_RESET_STATE_COLD_RESET))
		return reset_refuse(msg, id, SCMI_INVALID_PARAMETERS);
	if (flags & SCMI_RESET_FLAG_AUTONOMOUS)
		action = SCMI_SERVER_RESET_AUTONOMOUS;
	else if (flags & SCMI_RESET_FLAG_ASSERT)
		action = SCMI_SERVER_RESET_ASSERT;
	else
		action = SCMI_SERVER_RESET_DEASSERT;
	async = (flags & SCMI_RESET_FLAG_ASYNC) && scmi_server_msg_can_defer(msg);
	if (async) {
		/* An unknown domain is refused synchronously, before the request is accepted. */
		if (id >= reset_count(msg))
			return SCMI_NOT_FOUND;
		/* RESET_COMPLETE (struct scmi_reset_dresp), once the domain's latency has passed.
		 */
		scmi_server_msg_defer(msg, reset_latency(msg, id));
	}
	status = ops->reset(msg->srv->plat, msg->agent_id, id, action, state);
	if (status == SCMI_SUCCESS && async)
		scmi_server_msg_put_u32(msg, id);
	return status;
}

static int32_t reset_notify(struct scmi_server_msg *msg)
{
	const struct scmi_server_reset_ops *ops = reset_ops(msg);
	struct scmi_server_reset_info info;
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_notify_a2p, id);
	bool enable;
	int32_t status;

	status = reset_info(msg, id, &info);
	if (!status)
		status = scmi_server_notify_enable(
		    msg, SCMI_U32_OFFSET(struct scmi_notify_a2p, notify_enable), &enable);
	if (status)
		return status;
	if (!info.notify || !ops->notify)
		return SCMI_NOT_SUPPORTED;
	return ops->notify(msg->srv->plat, msg->agent_id, id, enable);
}

static const scmi_server_handler_t reset_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = reset_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_RESET_DOMAIN_ATTRIBUTES] = reset_domain_attributes,
    [SCMI_MSG_RESET] = reset_reset,
    [SCMI_MSG_RESET_NOTIFY] = reset_notify,
    [SCMI_MSG_RESET_DOMAIN_NAME_GET] = reset_domain_attributes,
};

static const uint8_t reset_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [SCMI_MSG_RESET_DOMAIN_ATTRIBUTES] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_RESET] = SCMI_SERVER_SIZE(sizeof(struct scmi_reset_a2p)),
    [SCMI_MSG_RESET_NOTIFY] = SCMI_SERVER_SIZE(sizeof(struct scmi_notify_a2p)),
    [SCMI_MSG_RESET_DOMAIN_NAME_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
};

/*
 * The message after Reset 1.0 (the last of the tables): its first version.
 */
#define RESET_LATER SCMI_MSG_RESET_DOMAIN_NAME_GET
static const uint32_t reset_since[] = {
    [SCMI_MSG_RESET_DOMAIN_NAME_GET - RESET_LATER] = SCMI_MSG_RESET_DOMAIN_NAME_GET_SINCE,
};

/* The versions this server speaks, oldest first: what a platform may configure. */
static const uint32_t reset_versions[] = {SCMI_RESET_VERSION_1_0, SCMI_RESET_VERSION_2_0,
					  SCMI_RESET_VERSION_3_0, SCMI_RESET_VERSION_3_1};

SCMI_SERVER_PROTOCOL_DEFINE_LATER(scmi_server_reset_protocol, SCMI_PROTOCOL_RESET, reset_versions,
				  SCMI_RESET_VERSION_1_0,
				  SCMI_MSG_RESET_NEGOTIATE_PROTOCOL_VERSION_SINCE, reset_handlers,
				  reset_sizes, RESET_LATER, false, reset_since);
