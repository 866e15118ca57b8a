// SPDX-License-Identifier: BSD-3-Clause
/*
 * Pin control protocol (0x19), version 1.0.
 *
 * Theory of operation: pins, groups and functions are three id spaces chosen by
 * a selector (0 pin, 1 group, 2 function). This file validates every request
 * word (selector, id, reserved bits, config types, paging indexes, the length of
 * the variable-size SETTINGS_CONFIGURE) and pages replies to the room the
 * transport gives (msg->out_room), with `remaining` counting what is left after
 * this page. The platform keeps the mux, config values and ownership.
 *
 * No agent is trusted yet, so SET_PERMISSIONS validates its parameters and
 * answers DENIED.
 */
#include <string.h>

#include "scmi/server/pinctrl.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#define PINCTRL_ATTRIBUTES	   0x3
#define PINCTRL_LIST_ASSOCIATIONS  0x4
#define PINCTRL_SETTINGS_GET	   0x5
#define PINCTRL_SETTINGS_CONFIGURE 0x6
#define PINCTRL_REQUEST		   0x7
#define PINCTRL_RELEASE		   0x8
#define PINCTRL_NAME_GET	   0x9
#define PINCTRL_SET_PERMISSIONS	   0xa

#define PINCTRL_SEL_MASK	   0x3u
#define PINCTRL_ATTR_EXT_NAME	   (1u << 31)

/* SETTINGS_GET attributes: [19:18] config flag, [17:16] selector, [15:8] skip, [7:0] type. */
#define PINCTRL_GET_FLAG_SHIFT 18
#define PINCTRL_GET_FLAG_ONE   0u
#define PINCTRL_GET_FLAG_ALL   1u
#define PINCTRL_GET_FLAG_FUNC  2u
#define PINCTRL_GET_SEL_SHIFT  16
#define PINCTRL_GET_SKIP_SHIFT 8
#define PINCTRL_GET_RESERVED   0xfff00000u

/* SETTINGS_CONFIGURE attributes: bit10 function valid, [9:2] configs, [1:0] selector. */
#define PINCTRL_CONF_FUNC_VALID (1u << 10)
#define PINCTRL_CONF_NUM_SHIFT	2
#define PINCTRL_CONF_RESERVED	0xfffff800u
#define PINCTRL_CONF_HDR	12u

/* SET_PERMISSIONS flags: [1:0] selector, bit2 allow. */
#define PINCTRL_PERM_RESERVED 0xfffffff8u

/* Config type word: type in [7:0]; types 21..191 are reserved, 192..255 OEM. */
#define PINCTRL_TYPE_LAST_STD  20u
#define PINCTRL_TYPE_FIRST_OEM 192u

static const struct scmi_server_pinctrl_ops *pc_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->pinctrl;
}

static uint32_t pc_count(const struct scmi_server_msg *msg, uint32_t sel)
{
	uint32_t n[3] = {0, 0, 0};

	if (pc_ops(msg)->counts)
		pc_ops(msg)->counts(msg->srv->plat, msg->agent_id, &n[0], &n[1], &n[2]);
	return sel <= SCMI_SERVER_PINCTRL_FUNCTION ? n[sel] : 0;
}

/*
 * Check selector @sel (one of @allowed, a bitmap of selectors) and @id: INVALID_PARAMETERS
 * for a selector that does not exist or does not fit the message, NOT_FOUND for an id.
 */
static int32_t pc_check(const struct scmi_server_msg *msg, uint32_t sel, uint32_t id,
			uint32_t allowed)
{
	if (sel > SCMI_SERVER_PINCTRL_FUNCTION || !((allowed >> sel) & 1u))
		return SCMI_INVALID_PARAMETERS;
	if (id >= pc_count(msg, sel))
		return SCMI_NOT_FOUND;
	return SCMI_SUCCESS;
}

#define PC_ANY	      0x7u
#define PC_PIN_GROUP  0x3u
#define PC_GROUP_FUNC 0x6u

static int32_t pc_info(const struct scmi_server_msg *msg, uint32_t sel, uint32_t id,
		       char name[SCMI_EXT_NAME_SIZE], uint32_t *num)
{
	int32_t st;

	memset(name, 0, SCMI_EXT_NAME_SIZE);
	*num = 0;
	if (!pc_ops(msg)->info)
		return SCMI_NOT_SUPPORTED;
	st = pc_ops(msg)->info(msg->srv->plat, msg->agent_id, sel, id, name, num);
	name[SCMI_EXT_NAME_SIZE - 1] = '\0';
	return st;
}

static int32_t pc_attributes(struct scmi_server_msg *msg)
{
	uint32_t pins = pc_count(msg, SCMI_SERVER_PINCTRL_PIN);
	uint32_t groups = pc_count(msg, SCMI_SERVER_PINCTRL_GROUP);
	uint32_t funcs = pc_count(msg, SCMI_SERVER_PINCTRL_FUNCTION);

	scmi_server_msg_put_u32(msg, (pins & 0xffffu) | ((groups & 0xffffu) << 16));
	scmi_server_msg_put_u32(msg, funcs & 0xffffu);
	return SCMI_SUCCESS;
}

static int32_t pc_element_attributes(struct scmi_server_msg *msg)
{
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t flags = scmi_server_msg_get_u32(msg, 4);
	char ext[SCMI_EXT_NAME_SIZE];
	uint32_t num, attr;
	int32_t st;

	if (flags & ~PINCTRL_SEL_MASK)
		return SCMI_INVALID_PARAMETERS;
	st = pc_check(msg, flags, id, PC_ANY);
	if (!st)
		st = pc_info(msg, flags, id, ext, &num);
	if (st)
		return st;
	attr = num & 0xffffu;
	if (strnlen(ext, sizeof(ext)) >= SCMI_SHORT_NAME_SIZE)
		attr |= PINCTRL_ATTR_EXT_NAME;
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_name(msg, ext, SCMI_SHORT_NAME_SIZE - 1, SCMI_SHORT_NAME_SIZE);
	return SCMI_SUCCESS;
}

/*
 * One page of the pins of a group or the groups of a function: as many 16-bit ids as
 * whole words of room hold. index == total is a valid empty page; past it is an error,
 * and a page that cannot hold a single remaining id is a PROTOCOL_ERROR rather than an
 * empty success an agent would take for the end.
 */
static int32_t pc_list_associations(struct scmi_server_msg *msg)
{
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t flags = scmi_server_msg_get_u32(msg, 4);
	uint32_t index = scmi_server_msg_get_u32(msg, 8);
	char name[SCMI_EXT_NAME_SIZE];
	struct scmi_server_page page;
	uint32_t total, words, n, i;
	int32_t st;

	if (flags & ~PINCTRL_SEL_MASK)
		return SCMI_INVALID_PARAMETERS;
	st = pc_check(msg, flags, id, PC_GROUP_FUNC);
	if (!st)
		st = pc_info(msg, flags, id, name, &total);
	if (st)
		return st;
	if (!pc_ops(msg)->association)
		return SCMI_NOT_SUPPORTED;
	if (index > total)
		return SCMI_INVALID_PARAMETERS;
	/* Ids travel two to a word (only whole words of room count), at most 12 bits of them. */
	st = scmi_server_page_room(msg, sizeof(uint32_t), sizeof(uint32_t), UINT32_MAX, &words);
	if (!st)
		st =
		    scmi_server_page_cut(index, total, words > 0x7ffu ? 0xfffu : words * 2u, &page);
	if (st)
		return st;
	if (page.remaining > 0xffffu)
		return SCMI_PROTOCOL_ERROR;

	n = page.count;
	scmi_server_msg_put_u32(msg, n | (page.remaining << 16));
	for (i = 0; i < n; i += 2) {
		uint32_t a = 0, b = 0;

		st = pc_ops(msg)->association(msg->srv->plat, msg->agent_id, flags, id, index + i,
					      &a);
		if (!st && i + 1 < n)
			st = pc_ops(msg)->association(msg->srv->plat, msg->agent_id, flags, id,
						      index + i + 1, &b);
		if (st)
			return st;
		scmi_server_msg_put_u32(msg, (a & 0xffffu) | ((b & 0xffffu) << 16));
	}
	return SCMI_SUCCESS;
}

/* A config type word: INVALID_PARAMETERS for reserved bits or a reserved type. */
static int32_t pc_check_type(uint32_t type)
{
	if (type > 0xffu || (type > PINCTRL_TYPE_LAST_STD && type < PINCTRL_TYPE_FIRST_OEM))
		return SCMI_INVALID_PARAMETERS;
	return SCMI_SUCCESS;
}

static int32_t pc_settings_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_pinctrl_ops *ops = pc_ops(msg);
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t attr = scmi_server_msg_get_u32(msg, 4);
	uint32_t flag = (attr >> PINCTRL_GET_FLAG_SHIFT) & 3u;
	uint32_t sel = (attr >> PINCTRL_GET_SEL_SHIFT) & 3u;
	uint32_t function = SCMI_SERVER_PINCTRL_NO_FUNCTION;
	uint32_t total = 0, skip, fit, i, type, value;
	struct scmi_server_page page;
	int32_t st;

	if (attr & PINCTRL_GET_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	st = pc_check(msg, sel, id, PC_PIN_GROUP);
	if (st)
		return st;
	if (!ops->function_get || !ops->config_count || !ops->config_at || !ops->config_get)
		return SCMI_NOT_SUPPORTED;
	st = ops->function_get(msg->srv->plat, msg->agent_id, sel, id, &function);
	if (st)
		return st;

	switch (flag) {
	case PINCTRL_GET_FLAG_ONE:
		if (attr & (0xffu << PINCTRL_GET_SKIP_SHIFT))
			return SCMI_INVALID_PARAMETERS;
		type = attr & 0xffu;
		st = pc_check_type(type);
		if (!st)
			st = ops->config_get(msg->srv->plat, msg->agent_id, sel, id, type, &value);
		if (st)
			return st;
		scmi_server_msg_put_u32(msg, function);
		scmi_server_msg_put_u32(msg, 1u);
		scmi_server_msg_put_u32(msg, type);
		scmi_server_msg_put_u32(msg, value);
		return SCMI_SUCCESS;
	case PINCTRL_GET_FLAG_ALL:
		if (attr & 0xffu)
			return SCMI_INVALID_PARAMETERS;
		skip = (attr >> PINCTRL_GET_SKIP_SHIFT) & 0xffu;
		st = ops->config_count(msg->srv->plat, msg->agent_id, sel, id, &total);
		if (st)
			return st;
		if (total > 0xffu)
			total = 0xffu;
		if (skip > total)
			return SCMI_INVALID_PARAMETERS;
		/* function_selected and num_configs, then (type, value) pairs. */
		st = scmi_server_page_room(msg, 2 * sizeof(uint32_t), 8u, UINT32_MAX, &fit);
		if (!st)
			st = scmi_server_page_cut(skip, total, fit, &page);
		if (st)
			return st;
		scmi_server_msg_put_u32(msg, function);
		scmi_server_msg_put_u32(msg, page.count | (page.remaining << 24));
		for (i = 0; i < page.count; i++) {
			st = ops->config_at(msg->srv->plat, msg->agent_id, sel, id, skip + i, &type,
					    &value);
			if (st)
				return st;
			scmi_server_msg_put_u32(msg, type);
			scmi_server_msg_put_u32(msg, value);
		}
		return SCMI_SUCCESS;
	case PINCTRL_GET_FLAG_FUNC:
		if (attr & 0xffffu)
			return SCMI_INVALID_PARAMETERS;
		scmi_server_msg_put_u32(msg, function);
		scmi_server_msg_put_u32(msg, 0);
		return SCMI_SUCCESS;
	default:
		return SCMI_INVALID_PARAMETERS;
	}
}

static int32_t pc_settings_configure(struct scmi_server_msg *msg)
{
	uint32_t types[SCMI_SERVER_PINCTRL_MAX_CONFIGS];
	uint32_t values[SCMI_SERVER_PINCTRL_MAX_CONFIGS];
	uint32_t id, function, attr, sel, n, i;
	int32_t st;

	/* Variable size: the fixed words, then exactly as many configs as attributes say. */
	if (msg->in_size < PINCTRL_CONF_HDR)
		return SCMI_PROTOCOL_ERROR;
	id = scmi_server_msg_get_u32(msg, 0);
	function = scmi_server_msg_get_u32(msg, 4);
	attr = scmi_server_msg_get_u32(msg, 8);
	sel = attr & PINCTRL_SEL_MASK;
	n = (attr >> PINCTRL_CONF_NUM_SHIFT) & 0xffu;
	if (msg->in_size != PINCTRL_CONF_HDR + (size_t)n * 8u)
		return SCMI_PROTOCOL_ERROR;
	if (attr & PINCTRL_CONF_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	st = pc_check(msg, sel, id, PC_PIN_GROUP);
	if (st)
		return st;
	if (attr & PINCTRL_CONF_FUNC_VALID) {
		if (function >= pc_count(msg, SCMI_SERVER_PINCTRL_FUNCTION))
			return SCMI_NOT_FOUND;
	} else {
		function = SCMI_SERVER_PINCTRL_NO_FUNCTION;
	}
	for (i = 0; i < n; i++) {
		types[i] = scmi_server_msg_get_u32(msg, PINCTRL_CONF_HDR + 8u * i);
		values[i] = scmi_server_msg_get_u32(msg, PINCTRL_CONF_HDR + 8u * i + 4u);
		st = pc_check_type(types[i]);
		if (st)
			return st;
	}
	if (!pc_ops(msg)->configure)
		return SCMI_NOT_SUPPORTED;
	return pc_ops(msg)->configure(msg->srv->plat, msg->agent_id, sel, id, function, types,
				      values, n);
}

static int32_t pc_request_release(struct scmi_server_msg *msg, bool request)
{
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t flags = scmi_server_msg_get_u32(msg, 4);
	int32_t st;

	if (flags & ~PINCTRL_SEL_MASK)
		return SCMI_INVALID_PARAMETERS;
	st = pc_check(msg, flags, id, PC_PIN_GROUP);
	if (st)
		return st;
	if (request)
		return pc_ops(msg)->request
			   ? pc_ops(msg)->request(msg->srv->plat, msg->agent_id, flags, id)
			   : SCMI_NOT_SUPPORTED;
	return pc_ops(msg)->release ? pc_ops(msg)->release(msg->srv->plat, msg->agent_id, flags, id)
				    : SCMI_NOT_SUPPORTED;
}

static int32_t pc_request(struct scmi_server_msg *msg)
{
	return pc_request_release(msg, true);
}

static int32_t pc_release(struct scmi_server_msg *msg)
{
	return pc_request_release(msg, false);
}

static int32_t pc_name_get(struct scmi_server_msg *msg)
{
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t flags = scmi_server_msg_get_u32(msg, 4);
	char name[SCMI_EXT_NAME_SIZE];
	uint32_t num;
	int32_t st;

	if (flags & ~PINCTRL_SEL_MASK)
		return SCMI_INVALID_PARAMETERS;
	st = pc_check(msg, flags, id, PC_ANY);
	if (!st)
		st = pc_info(msg, flags, id, name, &num);
	if (st)
		return st;
	return scmi_server_name_get_reply(msg, name, sizeof(name) - 1);
}

static int32_t pc_set_permissions(struct scmi_server_msg *msg)
{
	uint32_t agent = scmi_server_msg_get_u32(msg, 0);
	uint32_t id = scmi_server_msg_get_u32(msg, 4);
	uint32_t flags = scmi_server_msg_get_u32(msg, 8);
	int32_t st;

	if (flags & PINCTRL_PERM_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	if (!agent || agent > scmi_server_plat_num_agents(msg->srv))
		return SCMI_NOT_FOUND;
	st = pc_check(msg, flags & PINCTRL_SEL_MASK, id, PC_PIN_GROUP);
	if (st)
		return st;
	/* Only a trusted agent may change permissions, and none is trusted yet. */
	return SCMI_DENIED;
}

static const scmi_server_handler_t pinctrl_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = pc_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [PINCTRL_ATTRIBUTES] = pc_element_attributes,
    [PINCTRL_LIST_ASSOCIATIONS] = pc_list_associations,
    [PINCTRL_SETTINGS_GET] = pc_settings_get,
    [PINCTRL_SETTINGS_CONFIGURE] = pc_settings_configure,
    [PINCTRL_REQUEST] = pc_request,
    [PINCTRL_RELEASE] = pc_release,
    [PINCTRL_NAME_GET] = pc_name_get,
    [PINCTRL_SET_PERMISSIONS] = pc_set_permissions,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t pinctrl_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [PINCTRL_ATTRIBUTES] = 8,
    [PINCTRL_LIST_ASSOCIATIONS] = 12,
    [PINCTRL_SETTINGS_GET] = 8,
    [PINCTRL_SETTINGS_CONFIGURE] = SCMI_SERVER_SIZE_VARIABLE,
    [PINCTRL_REQUEST] = 8,
    [PINCTRL_RELEASE] = 8,
    [PINCTRL_NAME_GET] = 8,
    [PINCTRL_SET_PERMISSIONS] = 12,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

static const uint32_t pinctrl_min_versions[] = {
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_pinctrl_protocol, SCMI_PROTOCOL_PINCTRL,
				      SCMI_VERSION(1, 0), SCMI_VERSION(1, 0), pinctrl_handlers,
				      pinctrl_sizes, pinctrl_min_versions);
