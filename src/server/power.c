// SPDX-License-Identifier: BSD-3-Clause
/*
 * Power domain protocol (0x11), version 3.1, able to speak down to 1.0.
 *
 * The platform owns the domains and their rules (hierarchy, which states a
 * domain has, who may subscribe); this file shapes the messages and gates
 * them to the version in force:
 *  - POWER_DOMAIN_NAME_GET and the extended-name attribute bit exist from 3.0;
 *  - POWER_STATE_CHANGE_REQUESTED_NOTIFY (0x7) is kept in every version, as
 *    U-Boot's and SCP's 3.x headers still list it beside the 3.0 extended-name
 *    bit (Linux simply never sends it).
 * POWER_STATE_SET with the async flag is carried out before the reply, which
 * fulfils an asynchronous request's contract; the attributes report async as
 * unsupported, since OP-TEE has no platform-to-agent channel to signal
 * completion on. On a channel with a P2A path (virtio) async is advertised:
 * the protocol has no delayed response for it, the state changes before the
 * reply and POWER_STATE_CHANGED tells subscribers.
 */
#include <string.h>

#include "scmi/server/power.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#define POWER_MSG_DOMAIN_ATTRIBUTES	  0x3u
#define POWER_MSG_STATE_SET		  0x4u
#define POWER_MSG_STATE_GET		  0x5u
#define POWER_MSG_STATE_NOTIFY		  0x6u
#define POWER_MSG_STATE_CHANGE_REQ_NOTIFY 0x7u
#define POWER_MSG_DOMAIN_NAME_GET	  0x8u

/* POWER_STATE_SET flags: only bit 0 (async) is defined. */
#define POWER_SET_FLAGS_RESERVED 0xfffffffeu

static const struct scmi_server_power_ops *power_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops ? msg->srv->ops->power : NULL;
}

static uint32_t power_count(const struct scmi_server_msg *msg)
{
	const struct scmi_server_power_ops *ops = power_ops(msg);

	return ops && ops->count ? ops->count(msg->srv->plat, msg->agent_id) : 0;
}

/* The domain the request names at @off, after checking it exists: NOT_FOUND otherwise. */
static int32_t power_domain(const struct scmi_server_msg *msg, size_t off, uint32_t *id,
			    struct scmi_server_power_domain *d)
{
	const struct scmi_server_power_ops *ops = power_ops(msg);
	int32_t status;

	*id = scmi_server_msg_get_u32(msg, off);
	if (*id >= power_count(msg) || !ops->domain)
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

	if (n > 0xffffu)
		n = 0xffffu;
	scmi_server_msg_put_u32(msg, n);
	/* No statistics shared memory. */
	scmi_server_msg_put_u32(msg, 0);
	scmi_server_msg_put_u32(msg, 0);
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

static int32_t power_domain_attributes(struct scmi_server_msg *msg)
{
	struct scmi_server_power_domain d;
	char short_name[SCMI_SHORT_NAME_SIZE] = {0};
	uint32_t id, attr = SCMI_POWER_ATTR_SYNC;
	int32_t status;
	size_t len;

	status = power_domain(msg, 0, &id, &d);
	if (status)
		return status;
	if (d.notify)
		attr |= SCMI_POWER_ATTR_NOTIFY;
	if (d.req_notify)
		attr |= SCMI_POWER_ATTR_REQ_NOTIFY;
	/* With a P2A path, completion can be signalled (POWER_STATE_CHANGED). */
	if (msg->p2a)
		attr |= SCMI_POWER_ATTR_ASYNC;
	if (msg->version >= SCMI_VERSION(3, 0))
		attr |= SCMI_POWER_ATTR_EXT_NAME;
	len = strlen(d.name);
	if (len > SCMI_SHORT_NAME_SIZE - 1)
		len = SCMI_SHORT_NAME_SIZE - 1;
	memcpy(short_name, d.name, len);
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_bytes(msg, short_name, sizeof(short_name));
	return SCMI_SUCCESS;
}

static int32_t power_state_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_power_ops *ops = power_ops(msg);
	uint32_t flags = scmi_server_msg_get_u32(msg, 0);
	uint32_t id = scmi_server_msg_get_u32(msg, 4);
	uint32_t state = scmi_server_msg_get_u32(msg, 8);

	if (id >= power_count(msg))
		return SCMI_NOT_FOUND;
	if (flags & POWER_SET_FLAGS_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	if (!ops->state_set)
		return SCMI_NOT_SUPPORTED;
	/* Async or not, the change is complete when the reply goes out. */
	return ops->state_set(msg->srv->plat, msg->agent_id, id, state);
}

static int32_t power_state_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_power_ops *ops = power_ops(msg);
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t state = 0;
	int32_t status;

	if (id >= power_count(msg))
		return SCMI_NOT_FOUND;
	if (!ops->state_get)
		return SCMI_NOT_SUPPORTED;
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

	status = power_domain(msg, 0, &id, &d);
	if (!status)
		status = scmi_server_notify_enable(msg, 4, &enable);
	if (status)
		return status;
	if (!ops->notify)
		return SCMI_NOT_SUPPORTED;
	/* A domain without the notification attribute refuses the subscription. */
	if ((event == SCMI_POWER_EVENT_STATE_CHANGED && !d.notify) ||
	    (event == SCMI_POWER_EVENT_STATE_CHANGE_REQUESTED && !d.req_notify))
		return SCMI_NOT_SUPPORTED;
	return ops->notify(msg->srv->plat, msg->agent_id, id, event, enable);
}

static int32_t power_state_notify(struct scmi_server_msg *msg)
{
	return power_notify(msg, SCMI_POWER_EVENT_STATE_CHANGED);
}

static int32_t power_state_change_req_notify(struct scmi_server_msg *msg)
{
	return power_notify(msg, SCMI_POWER_EVENT_STATE_CHANGE_REQUESTED);
}

static int32_t power_domain_name_get(struct scmi_server_msg *msg)
{
	struct scmi_server_power_domain d;
	uint32_t id;
	int32_t status;

	status = power_domain(msg, 0, &id, &d);
	if (status)
		return status;
	return scmi_server_name_get_reply(msg, d.name, sizeof(d.name) - 1);
}

static const scmi_server_handler_t power_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = power_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [POWER_MSG_DOMAIN_ATTRIBUTES] = power_domain_attributes,
    [POWER_MSG_STATE_SET] = power_state_set,
    [POWER_MSG_STATE_GET] = power_state_get,
    [POWER_MSG_STATE_NOTIFY] = power_state_notify,
    [POWER_MSG_STATE_CHANGE_REQ_NOTIFY] = power_state_change_req_notify,
    [POWER_MSG_DOMAIN_NAME_GET] = power_domain_name_get,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t power_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [POWER_MSG_DOMAIN_ATTRIBUTES] = 4,
    [POWER_MSG_STATE_SET] = 12,
    [POWER_MSG_STATE_GET] = 4,
    [POWER_MSG_STATE_NOTIFY] = 8,
    [POWER_MSG_STATE_CHANGE_REQ_NOTIFY] = 8,
    [POWER_MSG_DOMAIN_NAME_GET] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

/* First version with each message; 0 = every version. */
static const uint32_t power_min_versions[] = {
    [POWER_MSG_DOMAIN_NAME_GET] = SCMI_VERSION(3, 0),
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_power_protocol, SCMI_PROTOCOL_POWER,
				      SCMI_VERSION(3, 1), SCMI_VERSION(1, 0), power_handlers,
				      power_sizes, power_min_versions);
