// SPDX-License-Identifier: BSD-3-Clause
/*
 * Clock protocol (0x14), version 3.0, down to 1.0.
 *
 * Versions: 1.0 has ATTRIBUTES, DESCRIBE_RATES, RATE_SET/GET and the two-word
 * CONFIG_SET; 2.0 adds NAME_GET, the two notify messages, the enable latency
 * in ATTRIBUTES and its notify/extended-name bits; 3.0 adds CONFIG_GET, the
 * parent messages, GET_PERMISSIONS, the three-word CONFIG_SET and the parent
 * and permission bits. Each handler lays its reply out for msg->version.
 *
 * There is no platform-to-agent channel over OP-TEE: an asynchronous RATE_SET
 * is answered synchronously, and PROTOCOL_ATTRIBUTES says so (max pending 0).
 * On a channel with a P2A path (virtio) it gets a delayed response and
 * PROTOCOL_ATTRIBUTES announces pending asynchronous requests (docs/p2a.md).
 * Notification subscriptions are validated and recorded by the platform,
 * which emits the notifications.
 */
#include <string.h>

#include "server/clock.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#define CLOCK_ATTRIBUTES		   0x3
#define CLOCK_DESCRIBE_RATES		   0x4
#define CLOCK_RATE_SET			   0x5
#define CLOCK_RATE_GET			   0x6
#define CLOCK_CONFIG_SET		   0x7
#define CLOCK_NAME_GET			   0x8
#define CLOCK_RATE_NOTIFY		   0x9
#define CLOCK_RATE_CHANGE_REQUESTED_NOTIFY 0xa
#define CLOCK_CONFIG_GET		   0xb
#define CLOCK_POSSIBLE_PARENTS_GET	   0xc
#define CLOCK_PARENT_SET		   0xd
#define CLOCK_PARENT_GET		   0xe
#define CLOCK_GET_PERMISSIONS		   0xf

#define V1				   SCMI_VERSION(1, 0)
#define V2				   SCMI_VERSION(2, 0)
#define V3				   SCMI_VERSION(3, 0)

/* CLOCK_ATTRIBUTES bits. */
#define ATTR_RATE_CHANGED_NOTIFY (1u << 31)
#define ATTR_RATE_REQ_NOTIFY	 (1u << 30)
#define ATTR_EXT_NAME		 (1u << 29)
#define ATTR_PARENTS		 (1u << 28)
#define ATTR_GET_PERMISSIONS	 (1u << 1)
#define ATTR_ENABLED		 (1u << 0)

/* CLOCK_RATE_SET flags: bit0 async, bit1 ignore delayed response, bit2 round up, bit3 auto. */
#define RATE_SET_ASYNC	    (1u << 0)
#define RATE_SET_NO_DELAYED (1u << 1)
/*
 * Asynchronous RATE_SETs an agent may have pending (PROTOCOL_ATTRIBUTES on a P2A
 * channel): each completes before its synchronous reply, so any number would do.
 */
#define CLOCK_MAX_ASYNC	    16u
#define RATE_SET_ROUND_UP   (1u << 2)
#define RATE_SET_ROUND_AUTO (1u << 3)
#define RATE_SET_RESERVED   0xfffffff0u

/* CLOCK_CONFIG_SET attributes: v1/v2 bit0 enable; v3 bits[1:0] state, bits[23:16] OEM type. */
#define CONFIG_V2_RESERVED  0xfffffffeu
#define CONFIG_V3_STATE	    0x3u
#define CONFIG_V3_OEM_SHIFT 16
#define CONFIG_V3_OEM_MASK  0xffu
#define CONFIG_V3_RESERVED  0xff00fffcu
#define CONFIG_STATE_OFF    0u
#define CONFIG_STATE_ON	    1u
#define CONFIG_STATE_KEEP   3u
/* CLOCK_CONFIG_GET flags: bits[7:0] OEM config type. */
#define CONFIG_GET_RESERVED 0xffffff00u

/* DESCRIBE_RATES num_rates_flags. */
#define RATES_TRIPLET	   (1u << 12)
#define RATES_REMAIN_SHIFT 16
/* POSSIBLE_PARENTS_GET num_parent_flags: returned in [7:0], remaining in [31:24]. */
#define PARENTS_RETURNED_MAX 0xffu
#define PARENTS_REMAIN_MAX   0xffu
#define PARENTS_REMAIN_SHIFT 24

/* Entries of one page built on the stack: bounded by the largest reply anyway. */
#define PAGE_MAX_RATES	 (SCMI_SERVER_MAX_PAYLOAD / 8u)
#define PAGE_MAX_PARENTS (SCMI_SERVER_MAX_PAYLOAD / 4u)
#define PAGE_FIT_PARENTS                                                                           \
	(PAGE_MAX_PARENTS < PARENTS_RETURNED_MAX ? PAGE_MAX_PARENTS : PARENTS_RETURNED_MAX)

static const struct scmi_server_clock_ops *clk_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops ? msg->srv->ops->clock : NULL;
}

static uint32_t clk_count(const struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint32_t n;

	if (!ops || !ops->count)
		return 0;
	n = ops->count(msg->srv->plat, msg->agent_id);
	/* num_clocks is 16 bits on the wire: ids beyond cannot be announced. */
	return n > 0xffffu ? 0xffffu : n;
}

/* The clock id of the request's first word, if it names a clock. */
static bool clk_id(const struct scmi_server_msg *msg, uint32_t *id)
{
	*id = scmi_server_msg_get_u32(msg, 0);
	return *id < clk_count(msg);
}

static void put_u64(struct scmi_server_msg *msg, uint64_t v)
{
	scmi_server_msg_put_u32(msg, (uint32_t)v);
	scmi_server_msg_put_u32(msg, (uint32_t)(v >> 32));
}

static int32_t clk_info(const struct scmi_server_msg *msg, uint32_t id,
			struct scmi_server_clock_info *info)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	int32_t st;

	memset(info, 0, sizeof(*info));
	if (!ops->info)
		return SCMI_NOT_SUPPORTED;
	st = ops->info(msg->srv->plat, msg->agent_id, id, info);
	/* Whatever the platform wrote, the name ends inside its field. */
	info->name[SCMI_EXT_NAME_SIZE - 1] = '\0';
	return st;
}

/* The clock named by the first request word, if the platform has @op for it; a status. */
static int32_t clk_op_id(const struct scmi_server_msg *msg, bool op, uint32_t *id)
{
	if (!clk_id(msg, id))
		return SCMI_NOT_FOUND;
	return op ? SCMI_SUCCESS : SCMI_NOT_SUPPORTED;
}

/* The clock named by the first request word, described into @info; a status. */
static int32_t clk_described(const struct scmi_server_msg *msg, uint32_t *id,
			     struct scmi_server_clock_info *info)
{
	if (!clk_id(msg, id))
		return SCMI_NOT_FOUND;
	return clk_info(msg, *id, info);
}

static int32_t clock_protocol_attributes(struct scmi_server_msg *msg)
{
	uint32_t attr = clk_count(msg);

	/* Max pending asynchronous RATE_SET: none without a P2A path to answer on. */
	if (scmi_server_msg_can_defer(msg))
		attr |= CLOCK_MAX_ASYNC << 16;
	scmi_server_msg_put_u32(msg, attr);
	return SCMI_SUCCESS;
}

static int32_t clock_attributes(struct scmi_server_msg *msg)
{
	struct scmi_server_clock_info info;
	char short_name[SCMI_SHORT_NAME_SIZE] = {0};
	uint32_t id, attr = 0;
	size_t len;
	int32_t st;

	st = clk_described(msg, &id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	len = strlen(info.name);
	memcpy(short_name, info.name, len < sizeof(short_name) ? len : sizeof(short_name) - 1);
	if (info.enabled)
		attr |= ATTR_ENABLED;
	if (msg->version >= V2)
		attr |= ATTR_RATE_CHANGED_NOTIFY | ATTR_RATE_REQ_NOTIFY | ATTR_EXT_NAME;
	if (msg->version >= V3) {
		attr |= ATTR_GET_PERMISSIONS;
		if (info.num_parents)
			attr |= ATTR_PARENTS;
	}
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_bytes(msg, short_name, sizeof(short_name));
	if (msg->version >= V2)
		scmi_server_msg_put_u32(msg, info.enable_latency_us);
	return SCMI_SUCCESS;
}

/*
 * One page of rates. A range is one triplet (index 0 only). A discrete list is
 * paged by the room: remaining counts what is left after this page, and a page
 * with rates left but no room for one is a PROTOCOL_ERROR, never an empty success.
 */
static int32_t clock_describe_rates(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint32_t index = scmi_server_msg_get_u32(msg, 4);
	uint64_t rates[PAGE_MAX_RATES];
	struct scmi_server_clock_rates r = {0};
	struct scmi_server_page page;
	uint32_t id, fit, i;
	int32_t st;

	st = clk_op_id(msg, ops->describe != NULL, &id);
	if (st != SCMI_SUCCESS)
		return st;
	st = scmi_server_page_room(msg, 4, 8, PAGE_MAX_RATES, &fit);
	if (st != SCMI_SUCCESS)
		return st;
	st = ops->describe(msg->srv->plat, msg->agent_id, id, index, rates, fit, &r);
	if (st != SCMI_SUCCESS)
		return st;
	if (r.range) {
		if (index != 0)
			return SCMI_INVALID_PARAMETERS;
		if (fit < 3)
			return SCMI_PROTOCOL_ERROR;
		scmi_server_msg_put_u32(msg, 3u | RATES_TRIPLET);
		put_u64(msg, r.min);
		put_u64(msg, r.max);
		put_u64(msg, r.step);
		return SCMI_SUCCESS;
	}
	st = scmi_server_page_cut(index, r.count, fit, &page);
	if (st != SCMI_SUCCESS)
		return st;
	/* Both counts are bounded by their fields: 12 bits returned, 16 bits remaining. */
	if (page.remaining > 0xffffu)
		return SCMI_GENERIC_ERROR;
	scmi_server_msg_put_u32(msg, page.count | (page.remaining << RATES_REMAIN_SHIFT));
	for (i = 0; i < page.count; i++)
		put_u64(msg, rates[i]);
	return SCMI_SUCCESS;
}

/* The delayed response: clock_id, rate_low, rate_high after status. */
static int32_t clock_rate_set_async(struct scmi_server_msg *msg,
				    const struct scmi_server_clock_ops *ops, uint32_t id,
				    uint64_t hz, enum scmi_server_clock_round round)
{
	uint64_t now = 0;
	int32_t st;

	scmi_server_msg_defer(msg);
	st = ops->rate_set(msg->srv->plat, msg->agent_id, id, hz, round);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->rate_get)
		return SCMI_GENERIC_ERROR;
	st = ops->rate_get(msg->srv->plat, msg->agent_id, id, &now);
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, id);
	put_u64(msg, now);
	return SCMI_SUCCESS;
}

static int32_t clock_rate_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint32_t flags = scmi_server_msg_get_u32(msg, 0);
	uint32_t id = scmi_server_msg_get_u32(msg, 4);
	uint64_t hz = (uint64_t)scmi_server_msg_get_u32(msg, 8) |
		      ((uint64_t)scmi_server_msg_get_u32(msg, 12) << 32);
	enum scmi_server_clock_round round = SCMI_SERVER_CLOCK_ROUND_DOWN;

	if (id >= clk_count(msg))
		return SCMI_NOT_FOUND;
	if (flags & RATE_SET_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	/* Auto wins over up when both are set: the closest rate is also a valid "up". */
	if (flags & RATE_SET_ROUND_AUTO)
		round = SCMI_SERVER_CLOCK_ROUND_CLOSEST;
	else if (flags & RATE_SET_ROUND_UP)
		round = SCMI_SERVER_CLOCK_ROUND_UP;
	if (!ops->rate_set)
		return SCMI_NOT_SUPPORTED;
	/*
	 * The rate is set before any reply. Without a P2A path the async bit is honoured by
	 * completing now; with one, the outcome (and the rate in force) is the delayed
	 * CLOCK_RATE_SET_COMPLETE, unless the agent asked to be spared it.
	 */
	if ((flags & RATE_SET_ASYNC) && !(flags & RATE_SET_NO_DELAYED) &&
	    scmi_server_msg_can_defer(msg))
		return clock_rate_set_async(msg, ops, id, hz, round);
	return ops->rate_set(msg->srv->plat, msg->agent_id, id, hz, round);
}

static int32_t clock_rate_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint64_t hz = 0;
	uint32_t id;
	int32_t st;

	st = clk_op_id(msg, ops->rate_get != NULL, &id);
	if (st != SCMI_SUCCESS)
		return st;
	st = ops->rate_get(msg->srv->plat, msg->agent_id, id, &hz);
	if (st != SCMI_SUCCESS)
		return st;
	put_u64(msg, hz);
	return SCMI_SUCCESS;
}

static int32_t clock_config_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	size_t want = msg->version >= V3 ? 12 : 8;
	uint32_t attr = scmi_server_msg_get_u32(msg, 4);
	uint32_t id, state;

	if (msg->in_size != want)
		return SCMI_PROTOCOL_ERROR;
	if (!clk_id(msg, &id))
		return SCMI_NOT_FOUND;
	if (msg->version < V3) {
		if (attr & CONFIG_V2_RESERVED)
			return SCMI_INVALID_PARAMETERS;
		state = attr & 1u;
	} else {
		if (attr & CONFIG_V3_RESERVED)
			return SCMI_INVALID_PARAMETERS;
		/* No OEM configuration is supported (attribute bit 27 is never set). */
		if ((attr >> CONFIG_V3_OEM_SHIFT) & CONFIG_V3_OEM_MASK)
			return SCMI_NOT_SUPPORTED;
		state = attr & CONFIG_V3_STATE;
		if (state == CONFIG_STATE_KEEP)
			return SCMI_SUCCESS;
		if (state != CONFIG_STATE_OFF && state != CONFIG_STATE_ON)
			return SCMI_INVALID_PARAMETERS;
	}
	if (!ops->state_set)
		return SCMI_NOT_SUPPORTED;
	return ops->state_set(msg->srv->plat, msg->agent_id, id, state == CONFIG_STATE_ON);
}

static int32_t clock_name_get(struct scmi_server_msg *msg)
{
	struct scmi_server_clock_info info;
	uint32_t id;
	int32_t st;

	st = clk_described(msg, &id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	return scmi_server_name_get_reply(msg, info.name, sizeof(info.name) - 1);
}

static int32_t clock_notify(struct scmi_server_msg *msg, enum scmi_server_clock_notify kind)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint32_t id;
	bool enable;
	int32_t st;

	if (!clk_id(msg, &id))
		return SCMI_NOT_FOUND;
	st = scmi_server_notify_enable(msg, 4, &enable);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->notify)
		return SCMI_NOT_SUPPORTED;
	return ops->notify(msg->srv->plat, msg->agent_id, id, kind, enable);
}

static int32_t clock_rate_notify(struct scmi_server_msg *msg)
{
	return clock_notify(msg, SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGED);
}

static int32_t clock_rate_req_notify(struct scmi_server_msg *msg)
{
	return clock_notify(msg, SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGE_REQUESTED);
}

static int32_t clock_config_get(struct scmi_server_msg *msg)
{
	struct scmi_server_clock_info info;
	uint32_t flags = scmi_server_msg_get_u32(msg, 4);
	uint32_t id;
	int32_t st;

	if (!clk_id(msg, &id))
		return SCMI_NOT_FOUND;
	if (flags & CONFIG_GET_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	if (flags)
		return SCMI_NOT_SUPPORTED;
	st = clk_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, 0);
	scmi_server_msg_put_u32(msg, info.enabled ? 1u : 0u);
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

static int32_t clock_possible_parents(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint32_t skip = scmi_server_msg_get_u32(msg, 4);
	uint32_t ids[PAGE_MAX_PARENTS];
	struct scmi_server_page page;
	uint32_t id, fit, total = 0, i;
	int32_t st;

	st = clk_op_id(msg, ops->parents != NULL, &id);
	if (st != SCMI_SUCCESS)
		return st;
	st = scmi_server_page_room(msg, 4, 4, PAGE_FIT_PARENTS, &fit);
	if (st != SCMI_SUCCESS)
		return st;
	st = ops->parents(msg->srv->plat, msg->agent_id, id, skip, ids, fit, &total);
	if (st == SCMI_SUCCESS)
		st = scmi_server_page_cut(skip, total, fit, &page);
	if (st != SCMI_SUCCESS)
		return st;
	if (page.remaining > PARENTS_REMAIN_MAX)
		return SCMI_GENERIC_ERROR;
	scmi_server_msg_put_u32(msg, page.count | (page.remaining << PARENTS_REMAIN_SHIFT));
	for (i = 0; i < page.count; i++)
		scmi_server_msg_put_u32(msg, ids[i]);
	return SCMI_SUCCESS;
}

static int32_t clock_parent_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint32_t parent = scmi_server_msg_get_u32(msg, 4);
	uint32_t id;

	if (!clk_id(msg, &id) || parent >= clk_count(msg))
		return SCMI_NOT_FOUND;
	if (!ops->parent_set)
		return SCMI_NOT_SUPPORTED;
	return ops->parent_set(msg->srv->plat, msg->agent_id, id, parent);
}

static int32_t clock_parent_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint32_t id, parent = 0;
	int32_t st;

	st = clk_op_id(msg, ops->parent_get != NULL, &id);
	if (st != SCMI_SUCCESS)
		return st;
	st = ops->parent_get(msg->srv->plat, msg->agent_id, id, &parent);
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, parent);
	return SCMI_SUCCESS;
}

static int32_t clock_get_permissions(struct scmi_server_msg *msg)
{
	struct scmi_server_clock_info info;
	uint32_t id;
	int32_t st;

	st = clk_described(msg, &id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, info.permissions & (SCMI_SERVER_CLOCK_PERM_STATE |
							 SCMI_SERVER_CLOCK_PERM_PARENT |
							 SCMI_SERVER_CLOCK_PERM_RATE));
	return SCMI_SUCCESS;
}

static const scmi_server_handler_t clock_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = clock_protocol_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [CLOCK_ATTRIBUTES] = clock_attributes,
    [CLOCK_DESCRIBE_RATES] = clock_describe_rates,
    [CLOCK_RATE_SET] = clock_rate_set,
    [CLOCK_RATE_GET] = clock_rate_get,
    [CLOCK_CONFIG_SET] = clock_config_set,
    [CLOCK_NAME_GET] = clock_name_get,
    [CLOCK_RATE_NOTIFY] = clock_rate_notify,
    [CLOCK_RATE_CHANGE_REQUESTED_NOTIFY] = clock_rate_req_notify,
    [CLOCK_CONFIG_GET] = clock_config_get,
    [CLOCK_POSSIBLE_PARENTS_GET] = clock_possible_parents,
    [CLOCK_PARENT_SET] = clock_parent_set,
    [CLOCK_PARENT_GET] = clock_parent_get,
    [CLOCK_GET_PERMISSIONS] = clock_get_permissions,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t clock_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [CLOCK_ATTRIBUTES] = 4,
    [CLOCK_DESCRIBE_RATES] = 8,
    [CLOCK_RATE_SET] = 16,
    [CLOCK_RATE_GET] = 4,
    /* Two words before 3.0, three from 3.0: checked by the handler. */
    [CLOCK_CONFIG_SET] = SCMI_SERVER_SIZE_VARIABLE,
    [CLOCK_NAME_GET] = 4,
    [CLOCK_RATE_NOTIFY] = 8,
    [CLOCK_RATE_CHANGE_REQUESTED_NOTIFY] = 8,
    [CLOCK_CONFIG_GET] = 8,
    [CLOCK_POSSIBLE_PARENTS_GET] = 8,
    [CLOCK_PARENT_SET] = 8,
    [CLOCK_PARENT_GET] = 4,
    [CLOCK_GET_PERMISSIONS] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

static const uint32_t clock_min_versions[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = V1,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = V1,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = V1,
    [CLOCK_ATTRIBUTES] = V1,
    [CLOCK_DESCRIBE_RATES] = V1,
    [CLOCK_RATE_SET] = V1,
    [CLOCK_RATE_GET] = V1,
    [CLOCK_CONFIG_SET] = V1,
    [CLOCK_NAME_GET] = V2,
    [CLOCK_RATE_NOTIFY] = V2,
    [CLOCK_RATE_CHANGE_REQUESTED_NOTIFY] = V2,
    [CLOCK_CONFIG_GET] = V3,
    [CLOCK_POSSIBLE_PARENTS_GET] = V3,
    [CLOCK_PARENT_SET] = V3,
    [CLOCK_PARENT_GET] = V3,
    [CLOCK_GET_PERMISSIONS] = V3,
    /* NEGOTIATE exists whatever the version, so an agent can always come back up. */
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_clock_protocol, SCMI_PROTOCOL_CLOCK, V3, V1,
				      clock_handlers, clock_sizes, clock_min_versions);
