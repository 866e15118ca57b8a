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

#include "scmi/proto/pinctrl.h"
#include "scmi/server/pinctrl.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#define CONFIG_SIZE SCMI_FIELD_SIZE(struct scmi_pinctrl_settings_configure_a2p, configs[0])
#define CONF_HDR    sizeof(struct scmi_pinctrl_settings_configure_a2p)
/* LIST_ASSOCIATIONS ids: 16 bits each, two to a word. */
#define ID_BITS	     16
#define IDS_PER_WORD 2u

static const struct scmi_server_pinctrl_ops *pc_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->pinctrl;
}

/* The agent's pins, groups and functions, indexed by selector (zeros without the op). */
static void pc_counts(const struct scmi_server_msg *msg, uint32_t n[3])
{
	n[0] = n[1] = n[2] = 0;
	if (pc_ops(msg)->counts)
		pc_ops(msg)->counts(msg->srv->plat, msg->agent_id, &n[0], &n[1], &n[2]);
}

/* Counts are 16 bits on the wire: ids beyond cannot be announced, so none counts past them. */
static uint32_t pc_wire_count(uint32_t n)
{
	return n > SCMI_PINCTRL_PA_COUNT_MAX ? SCMI_PINCTRL_PA_COUNT_MAX : n;
}

static uint32_t pc_count(const struct scmi_server_msg *msg, uint32_t sel)
{
	uint32_t n[3];

	pc_counts(msg, n);
	return sel <= SCMI_PINCTRL_SEL_FUNCTION ? pc_wire_count(n[sel]) : 0;
}

/*
 * Check selector @sel: INVALID_PARAMETERS for a selector that does not exist (reserved bits
 * set included) or is not one of @allowed (a bitmap of selectors) for the message. Then the
 * platform's ops say whether the element exists (NOT_FOUND).
 */
static int32_t pc_check_sel(uint32_t sel, uint32_t allowed)
{
	if (sel > SCMI_PINCTRL_SEL_FUNCTION || !((allowed >> sel) & 1u))
		return SCMI_INVALID_PARAMETERS;
	return SCMI_SUCCESS;
}

/*
 * The element a request names, as struct scmi_pinctrl_id_a2p has it (LIST_ASSOCIATIONS
 * begins the same): its id, and its selector in flags, checked as pc_check_sel() does.
 */
static int32_t pc_element(const struct scmi_server_msg *msg, uint32_t allowed, uint32_t *id,
			  uint32_t *sel)
{
	*id = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_id_a2p, identifier);
	*sel = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_id_a2p, flags);
	return pc_check_sel(*sel, allowed);
}

/*
 * The status of a request on element @id of selector @sel (checked) refused with @st before
 * the platform saw it: NOT_FOUND first if the agent has no such element. The counts are
 * asked only here, on the way out.
 */
static int32_t pc_refuse(const struct scmi_server_msg *msg, uint32_t sel, uint32_t id, int32_t st)
{
	return id < pc_count(msg, sel) ? st : SCMI_NOT_FOUND;
}

/* Check selector @sel as pc_check_sel() does, then @id against the counts (NOT_FOUND). */
static int32_t pc_check(const struct scmi_server_msg *msg, uint32_t sel, uint32_t id,
			uint32_t allowed)
{
	int32_t st = pc_check_sel(sel, allowed);

	return st ? st : pc_refuse(msg, sel, id, SCMI_SUCCESS);
}

/* Bitmaps of selectors, for pc_check(). */
#define PC_PIN	      (1u << SCMI_PINCTRL_SEL_PIN)
#define PC_GROUP      (1u << SCMI_PINCTRL_SEL_GROUP)
#define PC_FUNC	      (1u << SCMI_PINCTRL_SEL_FUNCTION)
#define PC_ANY	      (PC_PIN | PC_GROUP | PC_FUNC)
#define PC_PIN_GROUP  (PC_PIN | PC_GROUP)
#define PC_GROUP_FUNC (PC_GROUP | PC_FUNC)

static int32_t pc_info(const struct scmi_server_msg *msg, uint32_t sel, uint32_t id,
		       char name[SCMI_EXT_NAME_SIZE], uint32_t *num)
{
	int32_t st;

	memset(name, 0, SCMI_EXT_NAME_SIZE);
	*num = 0;
	if (!pc_ops(msg)->info)
		return pc_refuse(msg, sel, id, SCMI_NOT_SUPPORTED);
	st = pc_ops(msg)->info(msg->srv->plat, msg->agent_id, sel, id, name, num);
	name[SCMI_EXT_NAME_SIZE - 1] = '\0';
	return st;
}

static int32_t pc_attributes(struct scmi_server_msg *msg)
{
	uint32_t n[3];

	pc_counts(msg, n);
	/* struct scmi_pinctrl_protocol_attributes_p2a. */
	scmi_server_msg_put_u32(
	    msg, pc_wire_count(n[SCMI_PINCTRL_SEL_PIN]) |
		     (pc_wire_count(n[SCMI_PINCTRL_SEL_GROUP]) << SCMI_PINCTRL_PA_GROUPS_SHIFT));
	scmi_server_msg_put_u32(msg, pc_wire_count(n[SCMI_PINCTRL_SEL_FUNCTION]));
	return SCMI_SUCCESS;
}

/* The element an ATTRIBUTES or NAME_GET request names, described: its name and size. */
static int32_t pc_named(const struct scmi_server_msg *msg, char name[SCMI_EXT_NAME_SIZE],
			uint32_t *num)
{
	uint32_t id, sel;
	int32_t st = pc_element(msg, PC_ANY, &id, &sel);

	return st ? st : pc_info(msg, sel, id, name, num);
}

/*
 * ATTRIBUTES and NAME_GET: the element the request names, described; the message id says which
 * reply. NAME_GET has the whole name, ATTRIBUTES its size and the name cut to 15 characters.
 */
static int32_t pc_element_attributes(struct scmi_server_msg *msg)
{
	char ext[SCMI_EXT_NAME_SIZE];
	uint32_t num, attr;
	int32_t st = pc_named(msg, ext, &num);

	if (st)
		return st;
	if (msg->msg_id == SCMI_MSG_PINCTRL_NAME_GET)
		return scmi_server_name_get_reply(msg, ext, sizeof(ext) - 1);
	/* More members than the field counts: refused, not cut to its low bits. */
	if (num > SCMI_PINCTRL_ATTR_NUM_ELEMS_MAX)
		return SCMI_GENERIC_ERROR;
	attr = num;
	if (strnlen(ext, sizeof(ext)) >= SCMI_SHORT_NAME_SIZE)
		attr |= SCMI_PINCTRL_ATTR_EXT_NAME;
	/* struct scmi_pinctrl_attributes_p2a. */
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_name(msg, ext, SCMI_SHORT_NAME_SIZE - 1,
				 SCMI_FIELD_SIZE(struct scmi_pinctrl_attributes_p2a, name));
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
	uint32_t index = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_list_associations_a2p, index);
	char name[SCMI_EXT_NAME_SIZE];
	struct scmi_server_page page;
	uint32_t id, flags, total, words, n, i, word = 0;
	int32_t st;

	st = pc_element(msg, PC_GROUP_FUNC, &id, &flags);
	if (!st)
		st = pc_info(msg, flags, id, name, &total);
	if (st)
		return st;
	if (!pc_ops(msg)->association)
		return SCMI_NOT_SUPPORTED;
	if (index > total)
		return SCMI_INVALID_PARAMETERS;
	/* Ids travel two to a word (only whole words of room count), at most 12 bits of them. */
	st = scmi_server_page_room(msg, sizeof(struct scmi_pinctrl_list_associations_p2a),
				   sizeof(uint32_t), UINT32_MAX, &words);
	if (!st)
		st = scmi_server_page_cut(index, total,
					  words > SCMI_PINCTRL_LIST_RETURNED_MAX / IDS_PER_WORD
					      ? SCMI_PINCTRL_LIST_RETURNED_MAX
					      : words * IDS_PER_WORD,
					  &page);
	if (st)
		return st;
	/* The platform's list is longer than the field counts, as clock's and perf's can be. */
	if (page.remaining > SCMI_PINCTRL_LIST_REMAINING_MAX)
		return SCMI_GENERIC_ERROR;

	n = page.count;
	scmi_server_msg_put_u32(msg, n | (page.remaining << SCMI_PINCTRL_LIST_REMAINING_SHIFT));
	/* Two to a word, the first in the low half; an odd last one with 0 beside it. */
	for (i = 0; i < n; i++) {
		uint32_t a = 0;

		st = pc_ops(msg)->association(msg->srv->plat, msg->agent_id, flags, id, index + i,
					      &a);
		if (st)
			return st;
		word |= (a & SCMI_PINCTRL_LIST_ID_MASK) << (ID_BITS * (i % IDS_PER_WORD));
		if (i % IDS_PER_WORD || i + 1 == n) {
			scmi_server_msg_put_u32(msg, word);
			word = 0;
		}
	}
	return SCMI_SUCCESS;
}

/* A config type word: INVALID_PARAMETERS for reserved bits or a reserved type. */
static int32_t pc_check_type(uint32_t type)
{
	if (type > SCMI_PINCTRL_CONF_TYPE_MASK ||
	    (type > SCMI_PINCTRL_CONF_LAST_STD && type < SCMI_PINCTRL_CONF_FIRST_OEM))
		return SCMI_INVALID_PARAMETERS;
	return SCMI_SUCCESS;
}

static int32_t pc_settings_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_pinctrl_ops *ops = pc_ops(msg);
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_settings_get_a2p, identifier);
	uint32_t attr = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_settings_get_a2p, attributes);
	uint32_t flag = SCMI_PINCTRL_GET_FLAG(attr);
	uint32_t sel = (attr >> SCMI_PINCTRL_GET_SEL_SHIFT) & SCMI_PINCTRL_SEL_MASK;
	uint32_t function = SCMI_PINCTRL_NO_FUNCTION;
	uint32_t total = 0, skip = 0, fit, i, type = 0, value = 0;
	struct scmi_server_page page = {0, 0};
	int32_t st;

	if (attr & SCMI_PINCTRL_GET_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	st = pc_check_sel(sel, PC_PIN_GROUP);
	if (st)
		return st;
	if (!ops->function_get || !ops->config_count || !ops->config_at || !ops->config_get)
		return pc_refuse(msg, sel, id, SCMI_NOT_SUPPORTED);
	st = ops->function_get(msg->srv->plat, msg->agent_id, sel, id, &function);
	if (st)
		return st;

	switch (flag) {
	case SCMI_PINCTRL_GET_ONE:
		if (attr & (SCMI_PINCTRL_GET_SKIP_MASK << SCMI_PINCTRL_GET_SKIP_SHIFT))
			return SCMI_INVALID_PARAMETERS;
		type = attr & SCMI_PINCTRL_GET_TYPE_MASK;
		st = pc_check_type(type);
		if (!st)
			st = ops->config_get(msg->srv->plat, msg->agent_id, sel, id, type, &value);
		if (st)
			return st;
		page.count = 1;
		break;
	case SCMI_PINCTRL_GET_ALL:
		if (attr & SCMI_PINCTRL_GET_TYPE_MASK)
			return SCMI_INVALID_PARAMETERS;
		skip = (attr >> SCMI_PINCTRL_GET_SKIP_SHIFT) & SCMI_PINCTRL_GET_SKIP_MASK;
		st = ops->config_count(msg->srv->plat, msg->agent_id, sel, id, &total);
		if (st)
			return st;
		if (total > SCMI_PINCTRL_MAX_CONFIGS)
			total = SCMI_PINCTRL_MAX_CONFIGS;
		if (skip > total)
			return SCMI_INVALID_PARAMETERS;
		st = scmi_server_page_room(msg, sizeof(struct scmi_pinctrl_settings_get_p2a),
					   sizeof(struct scmi_pinctrl_config_entry), UINT32_MAX,
					   &fit);
		if (!st)
			st = scmi_server_page_cut(skip, total, fit, &page);
		if (st)
			return st;
		break;
	case SCMI_PINCTRL_GET_FUNCTION:
		/* Neither a skip nor a type. */
		if (attr & ((SCMI_PINCTRL_GET_SKIP_MASK << SCMI_PINCTRL_GET_SKIP_SHIFT) |
			    SCMI_PINCTRL_GET_TYPE_MASK))
			return SCMI_INVALID_PARAMETERS;
		break;
	default:
		return SCMI_INVALID_PARAMETERS;
	}
	/* struct scmi_pinctrl_settings_get_p2a: one config, a page of them, or none. */
	scmi_server_msg_put_u32(msg, function);
	scmi_server_msg_put_u32(msg, page.count |
					 (page.remaining << SCMI_PINCTRL_CONFIGS_REMAINING_SHIFT));
	for (i = 0; i < page.count; i++) {
		if (flag == SCMI_PINCTRL_GET_ALL) {
			st = ops->config_at(msg->srv->plat, msg->agent_id, sel, id, skip + i, &type,
					    &value);
			if (st)
				return st;
		}
		scmi_server_msg_put_u32(msg, type);
		scmi_server_msg_put_u32(msg, value);
	}
	return SCMI_SUCCESS;
}

/*
 * The configs arrive as (type, value) pairs; the platform takes them as two arrays, built
 * here. No more can arrive than the largest request holds (SCMI_SERVER_PINCTRL_MAX_CONFIGS,
 * 30), so that is all the stack they take, whatever the 8-bit count could say.
 */
static int32_t pc_settings_configure(struct scmi_server_msg *msg)
{
	uint32_t types[SCMI_SERVER_PINCTRL_MAX_CONFIGS];
	uint32_t values[SCMI_SERVER_PINCTRL_MAX_CONFIGS];
	uint32_t id, function, attr, sel, n, i;
	int32_t st;

	/* Variable size: the fixed words, then exactly as many configs as attributes say. */
	if (msg->in_size < CONF_HDR)
		return SCMI_PROTOCOL_ERROR;
	id = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_settings_configure_a2p, identifier);
	function = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_settings_configure_a2p, function_id);
	attr = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_settings_configure_a2p, attributes);
	sel = attr & SCMI_PINCTRL_SEL_MASK;
	n = SCMI_PINCTRL_CONFIGURE_NUM(attr);
	if (msg->in_size != CONF_HDR + (size_t)n * CONFIG_SIZE)
		return SCMI_PROTOCOL_ERROR;
	/* Only a caller handing in more than any transport copies in can get here with more. */
	if (n > SCMI_SERVER_PINCTRL_MAX_CONFIGS)
		return SCMI_PROTOCOL_ERROR;
	if (attr & SCMI_PINCTRL_CONFIGURE_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	/*
	 * A function to select is checked here with the element, before the platform may
	 * refuse the element for its permissions; without one, the platform says NOT_FOUND.
	 */
	if (attr & SCMI_PINCTRL_CONFIGURE_FUNC_VALID) {
		st = pc_check(msg, sel, id, PC_PIN_GROUP);
		if (!st && function >= pc_count(msg, SCMI_PINCTRL_SEL_FUNCTION))
			st = SCMI_NOT_FOUND;
	} else {
		st = pc_check_sel(sel, PC_PIN_GROUP);
		function = SCMI_PINCTRL_NO_FUNCTION;
	}
	if (st)
		return st;
	for (i = 0; i < n; i++) {
		size_t at = CONF_HDR + (size_t)i * CONFIG_SIZE;

		types[i] = scmi_server_msg_get_u32(
		    msg, at + SCMI_U32_OFFSET(struct scmi_pinctrl_config_entry, type));
		values[i] = scmi_server_msg_get_u32(
		    msg, at + SCMI_U32_OFFSET(struct scmi_pinctrl_config_entry, value));
		st = pc_check_type(types[i]);
		if (st)
			return pc_refuse(msg, sel, id, st);
	}
	if (!pc_ops(msg)->configure)
		return pc_refuse(msg, sel, id, SCMI_NOT_SUPPORTED);
	return pc_ops(msg)->configure(msg->srv->plat, msg->agent_id, sel, id, function, types,
				      values, n);
}

static int32_t pc_request_release(struct scmi_server_msg *msg, bool request)
{
	uint32_t id, flags;
	int32_t st = pc_element(msg, PC_PIN_GROUP, &id, &flags);

	if (st)
		return st;
	if (request && pc_ops(msg)->request)
		return pc_ops(msg)->request(msg->srv->plat, msg->agent_id, flags, id);
	if (!request && pc_ops(msg)->release)
		return pc_ops(msg)->release(msg->srv->plat, msg->agent_id, flags, id);
	return pc_refuse(msg, flags, id, SCMI_NOT_SUPPORTED);
}

static int32_t pc_request(struct scmi_server_msg *msg)
{
	return pc_request_release(msg, true);
}

static int32_t pc_release(struct scmi_server_msg *msg)
{
	return pc_request_release(msg, false);
}

static int32_t pc_set_permissions(struct scmi_server_msg *msg)
{
	uint32_t agent = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_set_permissions_a2p, agent_id);
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_set_permissions_a2p, identifier);
	uint32_t flags = SCMI_SERVER_IN_U32(msg, struct scmi_pinctrl_set_permissions_a2p, flags);
	int32_t st;

	if (flags & SCMI_PINCTRL_PERM_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	if (!agent || agent > scmi_server_plat_num_agents(msg->srv))
		return SCMI_NOT_FOUND;
	st = pc_check(msg, flags & SCMI_PINCTRL_SEL_MASK, id, PC_PIN_GROUP);
	if (st)
		return st;
	/* Only a trusted agent may change permissions, and none is trusted yet. */
	return SCMI_DENIED;
}

static const scmi_server_handler_t pinctrl_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = pc_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_PINCTRL_ATTRIBUTES] = pc_element_attributes,
    [SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS] = pc_list_associations,
    [SCMI_MSG_PINCTRL_SETTINGS_GET] = pc_settings_get,
    [SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE] = pc_settings_configure,
    [SCMI_MSG_PINCTRL_REQUEST] = pc_request,
    [SCMI_MSG_PINCTRL_RELEASE] = pc_release,
    [SCMI_MSG_PINCTRL_NAME_GET] = pc_element_attributes,
    [SCMI_MSG_PINCTRL_SET_PERMISSIONS] = pc_set_permissions,
};

static const uint8_t pinctrl_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [SCMI_MSG_PINCTRL_ATTRIBUTES] = SCMI_SERVER_SIZE(sizeof(struct scmi_pinctrl_id_a2p)),
    [SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_pinctrl_list_associations_a2p)),
    [SCMI_MSG_PINCTRL_SETTINGS_GET] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_pinctrl_settings_get_a2p)),
    /* struct scmi_pinctrl_settings_configure_a2p and its configs: checked by the handler. */
    [SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE] = SCMI_SERVER_SIZE_VARIABLE,
    [SCMI_MSG_PINCTRL_REQUEST] = SCMI_SERVER_SIZE(sizeof(struct scmi_pinctrl_id_a2p)),
    [SCMI_MSG_PINCTRL_RELEASE] = SCMI_SERVER_SIZE(sizeof(struct scmi_pinctrl_id_a2p)),
    [SCMI_MSG_PINCTRL_NAME_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_pinctrl_id_a2p)),
    [SCMI_MSG_PINCTRL_SET_PERMISSIONS] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_pinctrl_set_permissions_a2p)),
};

/* The versions this server speaks, oldest first: what a platform may configure. */
static const uint32_t pinctrl_versions[] = {SCMI_PINCTRL_VERSION_1_0};

/* Every message is in 1.0, the only version. */
SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_pinctrl_protocol, SCMI_PROTOCOL_PINCTRL,
				      pinctrl_versions, SCMI_PINCTRL_VERSION_1_0,
				      SCMI_MSG_PINCTRL_NEGOTIATE_PROTOCOL_VERSION_SINCE,
				      pinctrl_handlers, pinctrl_sizes);
