// SPDX-License-Identifier: BSD-3-Clause
/*
 * Voltage domain protocol (0x17), version 2.1, able to speak down to 1.0.
 *
 * Versions: VOLTAGE_DOMAIN_NAME_GET and the extended-name attribute bit exist
 * from 2.0 on; every other layout is the same in 1.0..2.1.
 *
 * DESCRIBE_LEVELS pages a discrete list by the room of the reply, and its
 * "remaining" counts the levels after the last one returned (not after the
 * requested start index, OP-TEE's mistake). A segment is returned whole, as
 * three entries with nothing remaining, and only from index 0.
 *
 * VOLTAGE_LEVEL_SET is answered synchronously whatever its async flag says,
 * and the attributes report no async support (no platform-to-agent channel),
 * except on a channel with a P2A path: async bit advertised, delayed response.
 * A level below the lowest or above the highest is OUT_OF_RANGE; one inside
 * the span that is not a level of the domain (not listed, or off the step
 * grid) is INVALID_PARAMETERS.
 */
#include <string.h>

#include "scmi/proto/voltage.h"
#include "scmi/server/voltage.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#define LEVEL_SIZE SCMI_FIELD_SIZE(struct scmi_voltage_describe_levels_p2a, levels[0])

static const struct scmi_server_voltage_ops *voltage_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->voltage;
}

static uint32_t voltage_count(const struct scmi_server_msg *msg)
{
	const struct scmi_server_voltage_ops *ops = voltage_ops(msg);

	/* num_domains is 16 bits on the wire: ids beyond cannot be announced. */
	return scmi_server_count(msg, ops ? ops->count : NULL, SCMI_VOLTAGE_PA_NUM_DOMAINS_MAX);
}

/*
 * The domain's description, NOT_FOUND for an id the agent cannot see: the platform's info op
 * says so, every message of the protocol starts with it.
 */
static int32_t voltage_info(const struct scmi_server_msg *msg, uint32_t id,
			    struct scmi_server_voltage_info *info)
{
	const struct scmi_server_voltage_ops *ops = voltage_ops(msg);
	int32_t status;

	if (id >= SCMI_VOLTAGE_PA_NUM_DOMAINS_MAX || !ops->info)
		return SCMI_NOT_FOUND;
	memset(info, 0, sizeof(*info));
	status = ops->info(msg->srv->plat, msg->agent_id, id, info);
	if (status)
		return status;
	info->name[SCMI_SHORT_NAME_SIZE - 1] = '\0';
	info->ext_name[SCMI_EXT_NAME_SIZE - 1] = '\0';
	/*
	 * A segment is exactly (min, max, step). A list is taken whole: a page after which more
	 * remain than the 16-bit field counts is refused (voltage_describe_levels()), never cut.
	 */
	if (info->segmented)
		info->num_levels = SCMI_VOLTAGE_LEVELS_SEGMENT_COUNT;
	return SCMI_SUCCESS;
}

static int32_t level_at(const struct scmi_server_msg *msg, uint32_t id, uint32_t index, int32_t *uv)
{
	const struct scmi_server_voltage_ops *ops = voltage_ops(msg);

	if (!ops->level_at)
		return SCMI_GENERIC_ERROR;
	return ops->level_at(msg->srv->plat, msg->agent_id, id, index, uv);
}

static int32_t voltage_attributes(struct scmi_server_msg *msg)
{
	scmi_server_msg_put_u32(msg, voltage_count(msg));
	return SCMI_SUCCESS;
}

/*
 * DOMAIN_ATTRIBUTES and DOMAIN_NAME_GET: the domain the request names, described; the message
 * id says which reply.
 */
static int32_t voltage_domain_attributes(struct scmi_server_msg *msg)
{
	struct scmi_server_voltage_info info;
	uint32_t attr = 0;
	int32_t status;

	status = voltage_info(msg, SCMI_SERVER_IN_U32(msg, struct scmi_id_a2p, id), &info);
	if (status)
		return status;
	/* Without a longer name, the short one (terminated: at most 15 characters go). */
	if (msg->msg_id == SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET)
		return scmi_server_name_get_reply(msg, info.ext_name[0] ? info.ext_name : info.name,
						  SCMI_EXT_NAME_SIZE - 1);
	if (msg->version >= SCMI_VOLTAGE_ATTR_EXT_NAME_SINCE)
		attr |= SCMI_VOLTAGE_ATTR_EXT_NAME;
	/* Voltage 1.0 has no asynchronous level set: the bit is reserved there. */
	if (msg->version >= SCMI_VOLTAGE_ATTR_ASYNC_SINCE && scmi_server_msg_can_defer(msg))
		attr |= SCMI_VOLTAGE_ATTR_ASYNC;
	/* struct scmi_voltage_domain_attributes_p2a */
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_name(msg, info.name, SCMI_SHORT_NAME_SIZE - 1, sizeof(info.name));
	return SCMI_SUCCESS;
}

static int32_t voltage_describe_levels(struct scmi_server_msg *msg)
{
	struct scmi_server_voltage_info info;
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_voltage_describe_levels_a2p, domain_id);
	uint32_t index =
	    SCMI_SERVER_IN_U32(msg, struct scmi_voltage_describe_levels_a2p, level_index);
	struct scmi_server_page page;
	uint32_t fit, i, flags;
	int32_t status, uv;

	status = voltage_info(msg, id, &info);
	if (status)
		return status;
	if (index >= info.num_levels || (info.segmented && index))
		return SCMI_OUT_OF_RANGE;

	status = scmi_server_page_room(msg, sizeof(struct scmi_voltage_describe_levels_p2a),
				       LEVEL_SIZE, SCMI_VOLTAGE_LEVELS_RETURNED_MAX, &fit);
	/* A segment cannot be split. */
	if (!status && info.segmented && fit < info.num_levels)
		status = SCMI_PROTOCOL_ERROR;
	if (!status)
		status = scmi_server_page_cut(index, info.num_levels, fit, &page);
	if (status)
		return status;
	/* The platform's list is at fault, not the request (as clock and perf answer). */
	if (page.remaining > SCMI_VOLTAGE_LEVELS_REMAINING_MAX)
		return SCMI_GENERIC_ERROR;

	flags = page.count | (page.remaining << SCMI_VOLTAGE_LEVELS_REMAINING_SHIFT);
	if (info.segmented)
		flags |= SCMI_VOLTAGE_LEVELS_SEGMENTED;
	scmi_server_msg_put_u32(msg, flags);
	for (i = 0; i < page.count; i++) {
		status = level_at(msg, id, index + i, &uv);
		if (status)
			return status;
		scmi_server_msg_put_u32(msg, (uint32_t)uv);
	}
	return SCMI_SUCCESS;
}

static int32_t voltage_config_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_voltage_ops *ops = voltage_ops(msg);
	struct scmi_server_voltage_info info;
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_voltage_config_set_a2p, domain_id);
	uint32_t config = SCMI_SERVER_IN_U32(msg, struct scmi_voltage_config_set_a2p, config);
	int32_t status;

	status = voltage_info(msg, id, &info);
	if (status)
		return status;
	if (config & ~SCMI_VOLTAGE_CONFIG_MASK)
		return SCMI_INVALID_PARAMETERS;
	/* Architectural modes are off and on only; 1..6 are reserved. */
	if (!(config & SCMI_VOLTAGE_CONFIG_IMPL) && config != SCMI_VOLTAGE_CONFIG_OFF &&
	    config != SCMI_VOLTAGE_CONFIG_ON)
		return SCMI_INVALID_PARAMETERS;
	if (!ops->config_set)
		return SCMI_NOT_SUPPORTED;
	return ops->config_set(msg->srv->plat, msg->agent_id, id, config);
}

/* Whether @uv is a level of domain @id: SUCCESS, OUT_OF_RANGE or INVALID_PARAMETERS. */
static int32_t check_level(const struct scmi_server_msg *msg, uint32_t id,
			   const struct scmi_server_voltage_info *info, int32_t uv)
{
	int32_t lo, hi, step, v;
	int32_t status;
	uint32_t i;

	if (!info->num_levels)
		return SCMI_OUT_OF_RANGE;
	status = level_at(msg, id, 0, &lo);
	if (!status)
		status = level_at(msg, id, info->segmented ? 1 : info->num_levels - 1, &hi);
	if (status)
		return status;
	if (uv < lo || uv > hi)
		return SCMI_OUT_OF_RANGE;
	if (info->segmented) {
		status = level_at(msg, id, 2, &step);
		if (status)
			return status;
		if (step <= 0)
			return uv == lo ? SCMI_SUCCESS : SCMI_INVALID_PARAMETERS;
		/* lo <= uv: their distance fits 32 bits unsigned, no 64-bit division needed. */
		if (((uint32_t)uv - (uint32_t)lo) % (uint32_t)step)
			return SCMI_INVALID_PARAMETERS;
		return SCMI_SUCCESS;
	}
	for (i = 0; i < info->num_levels; i++) {
		status = level_at(msg, id, i, &v);
		if (status)
			return status;
		if (v == uv)
			return SCMI_SUCCESS;
	}
	return SCMI_INVALID_PARAMETERS;
}

static int32_t voltage_level_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_voltage_ops *ops = voltage_ops(msg);
	struct scmi_server_voltage_info info;
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_voltage_level_set_a2p, domain_id);
	uint32_t flags = SCMI_SERVER_IN_U32(msg, struct scmi_voltage_level_set_a2p, flags);
	int32_t uv =
	    (int32_t)SCMI_SERVER_IN_U32(msg, struct scmi_voltage_level_set_a2p, voltage_level);
	int32_t status;
	bool async;

	status = voltage_info(msg, id, &info);
	if (status)
		return status;
	if (flags & SCMI_VOLTAGE_LEVEL_SET_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	status = check_level(msg, id, &info, uv);
	if (status)
		return status;
	if (!ops->level_set)
		return SCMI_NOT_SUPPORTED;
	/* Async, the delayed response: struct scmi_voltage_level_set_dresp after the status. */
	async = (flags & SCMI_VOLTAGE_LEVEL_SET_ASYNC) && scmi_server_msg_can_defer(msg);
	if (async)
		scmi_server_msg_defer(msg, 0);
	status = ops->level_set(msg->srv->plat, msg->agent_id, id, uv);
	if (status || !async)
		return status;
	if (ops->level_get && ops->level_get(msg->srv->plat, msg->agent_id, id, &uv))
		return SCMI_GENERIC_ERROR;
	scmi_server_msg_put_u32(msg, id);
	scmi_server_msg_put_u32(msg, (uint32_t)uv);
	return SCMI_SUCCESS;
}

/*
 * CONFIG_GET and LEVEL_GET: one word of the domain, as the platform gives it; the message id
 * says which.
 */
static int32_t voltage_word_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_voltage_ops *ops = voltage_ops(msg);
	bool level = msg->msg_id == SCMI_MSG_VOLTAGE_LEVEL_GET;
	struct scmi_server_voltage_info info;
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_id_a2p, id);
	uint32_t config = 0;
	int32_t status, uv = 0;

	status = voltage_info(msg, id, &info);
	if (status)
		return status;
	if (level ? !ops->level_get : !ops->config_get)
		return SCMI_NOT_SUPPORTED;
	status = level ? ops->level_get(msg->srv->plat, msg->agent_id, id, &uv)
		       : ops->config_get(msg->srv->plat, msg->agent_id, id, &config);
	if (status)
		return status;
	scmi_server_msg_put_u32(msg, level ? (uint32_t)uv : config & SCMI_VOLTAGE_CONFIG_MASK);
	return SCMI_SUCCESS;
}

static const scmi_server_handler_t voltage_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = voltage_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES] = voltage_domain_attributes,
    [SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS] = voltage_describe_levels,
    [SCMI_MSG_VOLTAGE_CONFIG_SET] = voltage_config_set,
    [SCMI_MSG_VOLTAGE_CONFIG_GET] = voltage_word_get,
    [SCMI_MSG_VOLTAGE_LEVEL_SET] = voltage_level_set,
    [SCMI_MSG_VOLTAGE_LEVEL_GET] = voltage_word_get,
    [SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET] = voltage_domain_attributes,
};

static const uint8_t voltage_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_voltage_describe_levels_a2p)),
    [SCMI_MSG_VOLTAGE_CONFIG_SET] = SCMI_SERVER_SIZE(sizeof(struct scmi_voltage_config_set_a2p)),
    [SCMI_MSG_VOLTAGE_CONFIG_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_VOLTAGE_LEVEL_SET] = SCMI_SERVER_SIZE(sizeof(struct scmi_voltage_level_set_a2p)),
    [SCMI_MSG_VOLTAGE_LEVEL_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
};

/*
 * The message after Voltage 1.0 (the last of the tables): its first version.
 */
#define VOLTAGE_LATER SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET
static const uint32_t voltage_since[] = {
    [SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET - VOLTAGE_LATER] = SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET_SINCE,
};

/* The versions this server speaks, oldest first: what a platform may configure. */
static const uint32_t voltage_versions[] = {SCMI_VOLTAGE_VERSION_1_0, SCMI_VOLTAGE_VERSION_2_0,
					    SCMI_VOLTAGE_VERSION_2_1};

SCMI_SERVER_PROTOCOL_DEFINE_LATER(scmi_server_voltage_protocol, SCMI_PROTOCOL_VOLTAGE,
				  voltage_versions, SCMI_VOLTAGE_VERSION_1_0,
				  SCMI_MSG_VOLTAGE_NEGOTIATE_PROTOCOL_VERSION_SINCE,
				  voltage_handlers, voltage_sizes, VOLTAGE_LATER, false,
				  voltage_since);
