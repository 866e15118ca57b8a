// SPDX-License-Identifier: BSD-3-Clause
/*
 * Powercap protocol (0x18), version 2.0, able to speak 1.0.
 *
 * Theory of operation: every zone request is checked here against the zone's
 * description (struct scmi_server_powercap_info) before the platform sees it:
 * the id (NOT_FOUND), reserved flag bits (INVALID_PARAMETERS), whether the value
 * may be configured at all (NOT_SUPPORTED), its range (OUT_OF_RANGE) and its step
 * (INVALID_PARAMETERS). Version 2.0 adds cap 0 = "capping disabled" (CAP_SET and
 * CAP_GET); at 1.0 a cap of 0 is simply out of range.
 *
 * Without a platform-to-agent channel (OP-TEE) CAP_SET is answered synchronously
 * whatever its async flag says (and DOMAIN_ATTRIBUTES reports no asynchronous
 * support). Fast channels for CAP_SET/GET and PAI_SET/GET are the platform's to
 * offer per agent and zone (attribute bit 22, @fastchannel); the platform applies
 * what agents write there with the checks this file makes of the messages
 * (docs/fastchannels.md).
 */
#include <string.h>

#include "scmi/proto/powercap.h"
#include "scmi/server/powercap.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

static const struct scmi_server_powercap_ops *pcap_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->powercap;
}

/* The zone every request of the protocol names first (as struct scmi_id_a2p does). */
static uint32_t pcap_id(const struct scmi_server_msg *msg)
{
	return SCMI_SERVER_IN_U32(msg, struct scmi_id_a2p, id);
}

/*
 * The zone the request names, described into @info; a status (the platform's info op says
 * NOT_FOUND for a zone the agent does not have).
 */
static int32_t pcap_zone(const struct scmi_server_msg *msg, uint32_t *id,
			 struct scmi_server_powercap_info *info)
{
	const struct scmi_server_powercap_ops *ops = pcap_ops(msg);

	*id = pcap_id(msg);
	if (!ops->count || !ops->info)
		return SCMI_NOT_FOUND;
	memset(info, 0, sizeof(*info));
	return ops->info(msg->srv->plat, msg->agent_id, *id, info);
}

static bool pcap_v2(const struct scmi_server_msg *msg)
{
	return msg->version >= SCMI_POWERCAP_VERSION_2_0;
}

static int32_t pcap_attributes(struct scmi_server_msg *msg)
{
	scmi_server_msg_put_u32(
	    msg, scmi_server_count(msg, pcap_ops(msg)->count, SCMI_POWERCAP_PA_NUM_DOMAINS_MAX));
	return SCMI_SUCCESS;
}

/*
 * The words of struct scmi_powercap_domain_attributes_p2a after the name, min_pai to parent_id:
 * the info struct has the same words in the same order, one after the other, so that the reply
 * puts them in one loop.
 */
#define PCAP_ATTR_WORDS                                                                            \
	((sizeof(struct scmi_powercap_domain_attributes_p2a) -                                     \
	  offsetof(struct scmi_powercap_domain_attributes_p2a, min_pai)) /                         \
	 sizeof(uint32_t))
_Static_assert(offsetof(struct scmi_server_powercap_info, parent_id) -
		       offsetof(struct scmi_server_powercap_info, min_pai) ==
		   (PCAP_ATTR_WORDS - 1) * sizeof(uint32_t),
	       "the info struct's min_pai to parent_id are not the reply's words");

/*
 * DOMAIN_ATTRIBUTES and DOMAIN_NAME_GET: the zone the request names, described; the message id
 * says which reply.
 */
static int32_t pcap_domain_attributes(struct scmi_server_msg *msg)
{
	struct scmi_server_powercap_info in;
	const uint8_t *words =
	    (const uint8_t *)&in + offsetof(struct scmi_server_powercap_info, min_pai);
	uint32_t id, i, word, attr = 0;
	int32_t st;

	st = pcap_zone(msg, &id, &in);
	if (st)
		return st;
	in.name[SCMI_EXT_NAME_SIZE - 1] = '\0';
	if (msg->msg_id == SCMI_MSG_POWERCAP_DOMAIN_NAME_GET)
		return scmi_server_name_get_reply(msg, in.name, sizeof(in.name) - 1);
	if (in.cap_notify)
		attr |= SCMI_POWERCAP_ATTR_CAP_NOTIFY;
	if (in.meas_notify)
		attr |= SCMI_POWERCAP_ATTR_MEAS_NOTIFY;
	if (strnlen(in.name, SCMI_EXT_NAME_SIZE) >= SCMI_SHORT_NAME_SIZE)
		attr |= SCMI_POWERCAP_ATTR_EXT_NAME;
	if (in.cap_config)
		attr |= SCMI_POWERCAP_ATTR_CAP_CONFIG;
	if (in.measurement)
		attr |= SCMI_POWERCAP_ATTR_MONITORING;
	if (in.pai_config)
		attr |= SCMI_POWERCAP_ATTR_PAI_CONFIG;
	attr |= (in.unit & SCMI_POWERCAP_ATTR_UNIT_MASK) << SCMI_POWERCAP_ATTR_UNIT_SHIFT;
	/* Async CAP_SET needs a P2A path for its delayed response. */
	if (scmi_server_msg_can_defer(msg))
		attr |= SCMI_POWERCAP_ATTR_ASYNC;
	if (in.fastchannels && pcap_ops(msg)->fastchannel)
		attr |= SCMI_POWERCAP_ATTR_FASTCHANNEL;
	/* struct scmi_powercap_domain_attributes_p2a. */
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_name(msg, in.name, SCMI_SHORT_NAME_SIZE - 1,
				 SCMI_FIELD_SIZE(struct scmi_powercap_domain_attributes_p2a, name));
	/* Read through bytes: they are members, not an array. */
	for (i = 0; i < PCAP_ATTR_WORDS; i++) {
		memcpy(&word, words + i * sizeof(word), sizeof(word));
		scmi_server_msg_put_u32(msg, word);
	}
	return SCMI_SUCCESS;
}

/*
 * CAP_GET and PAI_GET: one value of the zone, as the platform gives it; the message id says
 * which.
 */
static int32_t pcap_value_get(struct scmi_server_msg *msg)
{
	bool cap = msg->msg_id == SCMI_MSG_POWERCAP_CAP_GET;
	int32_t (*get)(void *plat, uint32_t agent_id, uint32_t id, uint32_t *v) =
	    cap ? pcap_ops(msg)->cap_get : pcap_ops(msg)->pai_get;
	struct scmi_server_powercap_info in;
	uint32_t id, v = 0;
	int32_t st;

	st = pcap_zone(msg, &id, &in);
	if (st)
		return st;
	if (!get)
		return SCMI_NOT_SUPPORTED;
	st = get(msg->srv->plat, msg->agent_id, id, &v);
	if (st)
		return st;
	/* A 1.0 agent knows nothing of disabled capping: it sees the ceiling, no cap at all. */
	if (cap && v == SCMI_POWERCAP_CAP_DISABLED && !pcap_v2(msg))
		v = in.max_cap;
	scmi_server_msg_put_u32(msg, v);
	return SCMI_SUCCESS;
}

/* @v within [@min, @max] on a @step grid from @min: a status. */
static int32_t pcap_check_value(uint32_t v, uint32_t min, uint32_t max, uint32_t step)
{
	if (v < min || v > max)
		return SCMI_OUT_OF_RANGE;
	if (step && (v - min) % step)
		return SCMI_INVALID_PARAMETERS;
	return SCMI_SUCCESS;
}

/* Both requests are a zone, flags and a value, in the same words. */
_Static_assert(SCMI_U32_OFFSET(struct scmi_powercap_cap_set_a2p, flags) ==
		       SCMI_U32_OFFSET(struct scmi_powercap_pai_set_a2p, flags) &&
		   SCMI_U32_OFFSET(struct scmi_powercap_cap_set_a2p, power_cap) ==
		       SCMI_U32_OFFSET(struct scmi_powercap_pai_set_a2p, pai),
	       "CAP_SET and PAI_SET requests differ");

/*
 * CAP_SET and PAI_SET: the value checked against the zone's range and step, then set; the
 * message id says which. Only CAP_SET has flags (PAI_SET's must be 0) and, from 2.0, a value
 * outside the range: 0 disables capping (before, it is below any minimum).
 */
static int32_t pcap_value_set(struct scmi_server_msg *msg)
{
	bool cap = msg->msg_id == SCMI_MSG_POWERCAP_CAP_SET;
	int32_t (*set)(void *plat, uint32_t agent_id, uint32_t id, uint32_t v) =
	    cap ? pcap_ops(msg)->cap_set : pcap_ops(msg)->pai_set;
	uint32_t flags = SCMI_SERVER_IN_U32(msg, struct scmi_powercap_cap_set_a2p, flags);
	uint32_t v = SCMI_SERVER_IN_U32(msg, struct scmi_powercap_cap_set_a2p, power_cap);
	struct scmi_server_powercap_info in;
	uint32_t id;
	bool async;
	int32_t st;

	st = pcap_zone(msg, &id, &in);
	if (st)
		return st;
	if (flags & (cap ? SCMI_POWERCAP_CAP_SET_RESERVED : UINT32_MAX))
		return SCMI_INVALID_PARAMETERS;
	if (!(cap ? in.cap_config : in.pai_config) || !set)
		return SCMI_NOT_SUPPORTED;
	if (!cap)
		st = pcap_check_value(v, in.min_pai, in.max_pai, in.pai_step);
	else if (!(v == SCMI_POWERCAP_CAP_DISABLED && pcap_v2(msg)))
		st = pcap_check_value(v, in.min_cap, in.max_cap, in.cap_step);
	if (st)
		return st;
	/*
	 * Without a P2A path the async flag is honoured by completing now; with one, the
	 * delayed response (struct scmi_powercap_cap_set_dresp) follows unless the agent
	 * declined it.
	 */
	async = (flags & SCMI_POWERCAP_CAP_SET_ASYNC) &&
		!(flags & SCMI_POWERCAP_CAP_SET_IGNORE_DRESP) && scmi_server_msg_can_defer(msg);
	if (async)
		scmi_server_msg_defer(msg, 0);
	st = set(msg->srv->plat, msg->agent_id, id, v);
	if (st || !async)
		return st;
	scmi_server_msg_put_u32(msg, id);
	scmi_server_msg_put_u32(msg, v);
	return SCMI_SUCCESS;
}

static int32_t pcap_measurements_get(struct scmi_server_msg *msg)
{
	struct scmi_server_powercap_info in;
	uint32_t id, power = 0, pai = 0;
	int32_t st;

	st = pcap_zone(msg, &id, &in);
	if (st)
		return st;
	if (!in.measurement || !pcap_ops(msg)->measure)
		return SCMI_NOT_SUPPORTED;
	st = pcap_ops(msg)->measure(msg->srv->plat, msg->agent_id, id, &power, &pai);
	if (st)
		return st;
	/* struct scmi_powercap_measurements_get_p2a. */
	scmi_server_msg_put_u32(msg, power);
	scmi_server_msg_put_u32(msg, pai);
	return SCMI_SUCCESS;
}

/*
 * CAP_NOTIFY and MEASUREMENTS_NOTIFY (@event), both beginning as struct scmi_notify_a2p; the
 * thresholds @low and @high (0 for caps) only matter when enabling, and then make a band.
 */
static int32_t pcap_notify(struct scmi_server_msg *msg, uint32_t event, uint32_t low, uint32_t high)
{
	struct scmi_server_powercap_info in;
	bool enable, supported;
	uint32_t id;
	int32_t st;

	st = pcap_zone(msg, &id, &in);
	if (!st)
		st = scmi_server_notify_enable(
		    msg, SCMI_U32_OFFSET(struct scmi_notify_a2p, notify_enable), &enable);
	if (st)
		return st;
	if (enable && low > high)
		return SCMI_INVALID_PARAMETERS;
	supported = event == SCMI_EVT_POWERCAP_CAP_CHANGED ? in.cap_notify
							   : in.meas_notify && in.measurement;
	if (!supported || !pcap_ops(msg)->notify)
		return SCMI_NOT_SUPPORTED;
	return pcap_ops(msg)->notify(msg->srv->plat, msg->agent_id, id, event, enable, low, high);
}

static int32_t pcap_cap_notify(struct scmi_server_msg *msg)
{
	return pcap_notify(msg, SCMI_EVT_POWERCAP_CAP_CHANGED, 0, 0);
}

static int32_t pcap_measurements_notify(struct scmi_server_msg *msg)
{
	return pcap_notify(
	    msg, SCMI_EVT_POWERCAP_MEASUREMENTS_CHANGED,
	    SCMI_SERVER_IN_U32(msg, struct scmi_powercap_measurements_notify_a2p, power_thresh_low),
	    SCMI_SERVER_IN_U32(msg, struct scmi_powercap_measurements_notify_a2p,
			       power_thresh_high));
}

/* The messages a fast channel may carry. */
static bool pcap_fc_message(uint32_t msg_id)
{
	return msg_id >= SCMI_MSG_POWERCAP_CAP_GET && msg_id <= SCMI_MSG_POWERCAP_PAI_SET;
}

static int32_t pcap_describe_fastchannel(struct scmi_server_msg *msg)
{
	uint32_t msg_id =
	    SCMI_SERVER_IN_U32(msg, struct scmi_powercap_describe_fastchannel_a2p, message_id);
	struct scmi_server_powercap_info in;
	struct scmi_server_fastchannel fc;
	uint32_t id;
	int32_t st;

	st = pcap_zone(msg, &id, &in);
	if (st)
		return st;
	if (!pcap_fc_message(msg_id))
		return SCMI_INVALID_PARAMETERS;
	if (!in.fastchannels || !pcap_ops(msg)->fastchannel)
		return SCMI_NOT_SUPPORTED;
	memset(&fc, 0, sizeof(fc));
	st = pcap_ops(msg)->fastchannel(msg->srv->plat, msg->agent_id, id, msg_id, &fc);
	if (st)
		return st;
	return scmi_server_fastchannel_reply(msg, &fc);
}

/* PROTOCOL_MESSAGE_ATTRIBUTES: bit 0 on a cap or PAI message when a zone the agent sees has
 * fast channels. */
static int32_t pcap_msg_attributes(struct scmi_server_msg *msg)
{
	uint32_t msg_id = SCMI_SERVER_IN_U32(msg, struct scmi_msg_attributes_a2p, message_id);
	const struct scmi_server_powercap_ops *ops = pcap_ops(msg);
	struct scmi_server_powercap_info in;
	uint32_t i, n, attr = 0;

	if (!scmi_server_msg_exists(msg, msg_id))
		return SCMI_NOT_FOUND;
	if (pcap_fc_message(msg_id) && ops->fastchannel && ops->count && ops->info) {
		n = ops->count(msg->srv->plat, msg->agent_id);
		for (i = 0; i < n && !attr; i++) {
			memset(&in, 0, sizeof(in));
			if (ops->info(msg->srv->plat, msg->agent_id, i, &in) == SCMI_SUCCESS &&
			    in.fastchannels)
				attr = SCMI_POWERCAP_MSG_ATTR_FASTCHANNEL;
		}
	}
	scmi_server_msg_put_u32(msg, attr);
	return SCMI_SUCCESS;
}

static const scmi_server_handler_t powercap_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = pcap_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = pcap_msg_attributes,
    [SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES] = pcap_domain_attributes,
    [SCMI_MSG_POWERCAP_CAP_GET] = pcap_value_get,
    [SCMI_MSG_POWERCAP_CAP_SET] = pcap_value_set,
    [SCMI_MSG_POWERCAP_PAI_GET] = pcap_value_get,
    [SCMI_MSG_POWERCAP_PAI_SET] = pcap_value_set,
    [SCMI_MSG_POWERCAP_DOMAIN_NAME_GET] = pcap_domain_attributes,
    [SCMI_MSG_POWERCAP_MEASUREMENTS_GET] = pcap_measurements_get,
    [SCMI_MSG_POWERCAP_CAP_NOTIFY] = pcap_cap_notify,
    [SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY] = pcap_measurements_notify,
    [SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL] = pcap_describe_fastchannel,
};

static const uint8_t powercap_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_POWERCAP_CAP_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_POWERCAP_CAP_SET] = SCMI_SERVER_SIZE(sizeof(struct scmi_powercap_cap_set_a2p)),
    [SCMI_MSG_POWERCAP_PAI_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_POWERCAP_PAI_SET] = SCMI_SERVER_SIZE(sizeof(struct scmi_powercap_pai_set_a2p)),
    [SCMI_MSG_POWERCAP_DOMAIN_NAME_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_POWERCAP_MEASUREMENTS_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_POWERCAP_CAP_NOTIFY] = SCMI_SERVER_SIZE(sizeof(struct scmi_notify_a2p)),
    [SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_powercap_measurements_notify_a2p)),
    [SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_powercap_describe_fastchannel_a2p)),
};

/* The versions this server speaks, oldest first: what a platform may configure. */
static const uint32_t powercap_versions[] = {SCMI_POWERCAP_VERSION_1_0, SCMI_POWERCAP_VERSION_2_0};

/* Powercap 1.0 (SCMI 3.1) already had every message; 2.0 changed the meaning of cap 0. */
SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_powercap_protocol, SCMI_PROTOCOL_POWERCAP,
				      powercap_versions, SCMI_POWERCAP_VERSION_1_0,
				      SCMI_MSG_POWERCAP_NEGOTIATE_PROTOCOL_VERSION_SINCE,
				      powercap_handlers, powercap_sizes);
