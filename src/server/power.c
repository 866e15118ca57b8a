// SPDX-License-Identifier: BSD-3-Clause
/*
 * Power domain protocol (0x11), version 3.1, able to speak down to 1.0.
 *
 * The platform owns the domains and their rules (hierarchy, which states a
 * domain has, who may subscribe); this file shapes the messages and gates
 * them to the version in force:
 *  - POWER_DOMAIN_NAME_GET, the extended-name and the state-change-requested
 *    attribute bits exist from 3.0;
 *  - POWER_STATE_CHANGE_REQUESTED_NOTIFY (0x7) exists from 2.0 (proto/power.h).
 * POWER_STATE_SET with the async flag is carried out before the reply, which
 * fulfils an asynchronous request's contract; the attributes report async as
 * unsupported, since OP-TEE has no platform-to-agent channel to signal
 * completion on. On a channel with a P2A path (virtio) async is advertised:
 * the protocol has no delayed response for it, the state changes before the
 * reply and POWER_STATE_CHANGED tells subscribers.
 */
#include <string.h>

#include "scmi/proto/power.h"
#include "scmi/server/power.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

static const struct scmi_server_power_ops *power_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->power;
}

static uint32_t power_count(const struct scmi_server_msg *msg)
{
	const struct scmi_server_power_ops *ops = power_ops(msg);

	return scmi_server_count(msg, ops ? ops->count : NULL, UINT32_MAX);
}

/*
 * The status of a request on domain @id refused with @st before the platform saw it:
 * NOT_FOUND first if the agent has no domain @id. The count is asked only here, on the way
 * out: the ops answer NOT_FOUND themselves on the way in.
 */
static int32_t power_refuse(const struct scmi_server_msg *msg, uint32_t id, int32_t st)
{
	return id < power_count(msg) ? st : SCMI_NOT_FOUND;
}

/*
 * The domain the request names, as the platform describes it: NOT_FOUND when it has no such
 * domain. Every request that calls it starts with the domain id (struct scmi_id_a2p,
 * scmi_notify_a2p).
 */
static int32_t power_domain(const struct scmi_server_msg *msg, uint32_t *id,
			    struct scmi_server_power_domain *d)
{
	const struct scmi_server_power_ops *ops = power_ops(msg);
	int32_t status;

	*id = SCMI_SERVER_IN_U32(msg, struct scmi_id_a2p, id);
	if (!ops->domain)
		return SCMI_NOT_FOUND;
	memset(d, 0, sizeof(*d));
	status = ops->domain(msg->srv->plat, msg->agent_id, *id, d);
	/* Whatever the platform wrote, the name ends inside its buffer. */
	d->name[SCMI_SERVER_POWER_NAME_SIZE - 1] = '\0';
	return status;
}

static int32_t power_attributes(struct scmi_server_msg *msg)
{
	uint32_t n = power_count(msg);

	if (n > SCMI_POWER_PA_NUM_DOMAINS_MAX)
		n = SCMI_POWER_PA_NUM_DOMAINS_MAX;
	/* struct scmi_power_protocol_attributes_p2a, without statistics shared memory. */
	scmi_server_msg_put_u32(msg, n);
	scmi_server_msg_put_u64(msg, 0);
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

/*
 * DOMAIN_ATTRIBUTES and DOMAIN_NAME_GET: the domain the request names, described; the message
 * id says which reply.
 */
static int32_t power_domain_attributes(struct scmi_server_msg *msg)
{
	struct scmi_server_power_domain d;
	uint32_t id, attr = SCMI_POWER_ATTR_SYNC;
	int32_t status;

	status = power_domain(msg, &id, &d);
	if (status)
		return status;
	if (msg->msg_id == SCMI_MSG_POWER_DOMAIN_NAME_GET)
		return scmi_server_name_get_reply(msg, d.name, sizeof(d.name) - 1);
	if (d.notify)
		attr |= SCMI_POWER_ATTR_NOTIFY;
	if (d.req_notify && msg->version >= SCMI_POWER_ATTR_REQ_NOTIFY_SINCE)
		attr |= SCMI_POWER_ATTR_REQ_NOTIFY;
	/* With a P2A path, completion can be signalled (POWER_STATE_CHANGED). */
	if (scmi_server_msg_p2a(msg))
		attr |= SCMI_POWER_ATTR_ASYNC;
	if (msg->version >= SCMI_POWER_ATTR_EXT_NAME_SINCE)
		attr |= SCMI_POWER_ATTR_EXT_NAME;
	scmi_server_msg_put_u32(msg, attr);
	/* The name cut to the short field: 15 characters and a NUL, zero-padded. */
	scmi_server_msg_put_name(msg, d.name, SCMI_SHORT_NAME_SIZE - 1,
				 SCMI_FIELD_SIZE(struct scmi_power_domain_attributes_p2a, name));
	return SCMI_SUCCESS;
}

static int32_t power_state_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_power_ops *ops = power_ops(msg);
	uint32_t flags = SCMI_SERVER_IN_U32(msg, struct scmi_power_state_set_a2p, flags);
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_power_state_set_a2p, domain_id);
	uint32_t state = SCMI_SERVER_IN_U32(msg, struct scmi_power_state_set_a2p, power_state);
	int32_t st = SCMI_SUCCESS;

	if (flags & SCMI_POWER_SET_RESERVED)
		st = SCMI_INVALID_PARAMETERS;
	else if (!ops->state_set)
		st = SCMI_NOT_SUPPORTED;
	if (st)
		return power_refuse(msg, id, st);
	/* Async or not, the change is complete when the reply goes out. */
	return ops->state_set(msg->srv->plat, msg->agent_id, id, state);
}

static int32_t power_state_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_power_ops *ops = power_ops(msg);
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_id_a2p, id);
	uint32_t state = 0;
	int32_t status;

	if (!ops->state_get)
		return power_refuse(msg, id, SCMI_NOT_SUPPORTED);
	status = ops->state_get(msg->srv->plat, msg->agent_id, id, &state);
	if (status)
		return status;
	scmi_server_msg_put_u32(msg, state);
	return SCMI_SUCCESS;
}

static int32_t power_notify(struct scmi_server_msg *msg, uint32_t event)
{
	const struct scmi_server_power_ops *ops = power_ops(msg);
	struct scmi_server_power_domain d;
	bool enable;
	uint32_t id;
	int32_t status;

	status = power_domain(msg, &id, &d);
	if (!status)
		status = scmi_server_notify_enable(
		    msg, SCMI_U32_OFFSET(struct scmi_notify_a2p, notify_enable), &enable);
	if (status)
		return status;
	if (!ops->notify)
		return SCMI_NOT_SUPPORTED;
	/* A domain without the notification attribute refuses the subscription. */
	if ((event == SCMI_EVT_POWER_STATE_CHANGED && !d.notify) ||
	    (event == SCMI_EVT_POWER_STATE_CHANGE_REQUESTED && !d.req_notify))
		return SCMI_NOT_SUPPORTED;
	return ops->notify(msg->srv->plat, msg->agent_id, id, event, enable);
}

static int32_t power_state_notify(struct scmi_server_msg *msg)
{
	return power_notify(msg, SCMI_EVT_POWER_STATE_CHANGED);
}

static int32_t power_state_change_req_notify(struct scmi_server_msg *msg)
{
	return power_notify(msg, SCMI_EVT_POWER_STATE_CHANGE_REQUESTED);
}

static const scmi_server_handler_t power_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = power_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_POWER_DOMAIN_ATTRIBUTES] = power_domain_attributes,
    [SCMI_MSG_POWER_STATE_SET] = power_state_set,
    [SCMI_MSG_POWER_STATE_GET] = power_state_get,
    [SCMI_MSG_POWER_STATE_NOTIFY] = power_state_notify,
    [SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY] = power_state_change_req_notify,
    [SCMI_MSG_POWER_DOMAIN_NAME_GET] = power_domain_attributes,
};

static const uint8_t power_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [SCMI_MSG_POWER_DOMAIN_ATTRIBUTES] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_POWER_STATE_SET] = SCMI_SERVER_SIZE(sizeof(struct scmi_power_state_set_a2p)),
    [SCMI_MSG_POWER_STATE_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_POWER_STATE_NOTIFY] = SCMI_SERVER_SIZE(sizeof(struct scmi_notify_a2p)),
    [SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_notify_a2p)),
    [SCMI_MSG_POWER_DOMAIN_NAME_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
};

/*
 * The messages after Power 1.0 (the last of the tables): the first version of each.
 */
#define POWER_LATER SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY
static const uint32_t power_since[] = {
    [SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY - POWER_LATER] =
	SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY_SINCE,
    [SCMI_MSG_POWER_DOMAIN_NAME_GET - POWER_LATER] = SCMI_MSG_POWER_DOMAIN_NAME_GET_SINCE,
};

/* The versions this server speaks, oldest first: what a platform may configure. */
static const uint32_t power_versions[] = {SCMI_POWER_VERSION_1_0, SCMI_POWER_VERSION_2_0,
					  SCMI_POWER_VERSION_2_1, SCMI_POWER_VERSION_3_0,
					  SCMI_POWER_VERSION_3_1};

SCMI_SERVER_PROTOCOL_DEFINE_LATER(scmi_server_power_protocol, SCMI_PROTOCOL_POWER, power_versions,
				  SCMI_POWER_VERSION_1_0,
				  SCMI_MSG_POWER_NEGOTIATE_PROTOCOL_VERSION_SINCE, power_handlers,
				  power_sizes, POWER_LATER, false, power_since);
