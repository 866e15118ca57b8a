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

#include "scmi/proto/clock.h"
#include "scmi/server/clock.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#define V1 SCMI_CLOCK_VERSION_1_0
#define V2 SCMI_CLOCK_VERSION_2_0
#define V3 SCMI_CLOCK_VERSION_3_0

/*
 * Asynchronous RATE_SETs an agent may have pending (PROTOCOL_ATTRIBUTES on a P2A
 * channel): each completes before its synchronous reply, so any number would do.
 */
#define CLOCK_MAX_ASYNC 16u

/* Entries of one page built on the stack: bounded by the largest reply anyway. */
#define RATE_SIZE	 SCMI_FIELD_SIZE(struct scmi_clock_describe_rates_p2a, rates[0])
#define PARENT_SIZE	 SCMI_FIELD_SIZE(struct scmi_clock_possible_parents_p2a, parents[0])
#define PAGE_MAX_RATES	 (SCMI_SERVER_MAX_PAYLOAD / RATE_SIZE)
#define PAGE_MAX_PARENTS (SCMI_SERVER_MAX_PAYLOAD / PARENT_SIZE)
#define PAGE_FIT_PARENTS                                                                           \
	(PAGE_MAX_PARENTS < SCMI_CLOCK_PARENTS_RETURNED_MAX ? PAGE_MAX_PARENTS                     \
							    : SCMI_CLOCK_PARENTS_RETURNED_MAX)

static const struct scmi_server_clock_ops *clk_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->clock;
}

/* num_clocks is 16 bits on the wire: ids beyond cannot be announced. */
static uint32_t clk_count(const struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);

	return scmi_server_count(msg, ops ? ops->count : NULL, SCMI_CLOCK_PA_NUM_CLOCKS_MAX);
}

/*
 * The status of a request on clock @id refused with @st before the platform saw it:
 * NOT_FOUND first if the agent has no clock @id. The count is asked only here, on the way
 * out: the ops answer NOT_FOUND themselves on the way in.
 */
static int32_t clk_refuse(const struct scmi_server_msg *msg, uint32_t id, int32_t st)
{
	return id < clk_count(msg) ? st : SCMI_NOT_FOUND;
}

/*
 * The clock id of the request, if it may name a clock: the ops say whether it does. Every
 * clock request starts with clock_id, except RATE_SET, which reads its own.
 */
static bool clk_id(const struct scmi_server_msg *msg, uint32_t *id)
{
	*id = SCMI_SERVER_IN_U32(msg, struct scmi_id_a2p, id);
	return *id < SCMI_CLOCK_PA_NUM_CLOCKS_MAX;
}

static int32_t clk_info(const struct scmi_server_msg *msg, uint32_t id,
			struct scmi_server_clock_info *info)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	int32_t st;

	if (!ops->info)
		return clk_refuse(msg, id, SCMI_NOT_SUPPORTED);
	memset(info, 0, sizeof(*info));
	st = ops->info(msg->srv->plat, msg->agent_id, id, info);
	/* Whatever the platform wrote, the name ends inside its field. */
	info->name[SCMI_EXT_NAME_SIZE - 1] = '\0';
	return st;
}

/*
 * The clock named by the first request word, if it may name one and the platform has @op:
 * a status (NOT_FOUND before NOT_SUPPORTED).
 */
static int32_t clk_op_id(const struct scmi_server_msg *msg, bool op, uint32_t *id)
{
	if (!clk_id(msg, id))
		return SCMI_NOT_FOUND;
	return op ? SCMI_SUCCESS : clk_refuse(msg, *id, SCMI_NOT_SUPPORTED);
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
		attr |= CLOCK_MAX_ASYNC << SCMI_CLOCK_PA_MAX_ASYNC_SHIFT;
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
		attr |= SCMI_CLOCK_ATTR_ENABLED;
	if (msg->version >= SCMI_CLOCK_ATTR_RATE_CHANGED_NOTIFY_SINCE)
		attr |= SCMI_CLOCK_ATTR_RATE_CHANGED_NOTIFY;
	if (msg->version >= SCMI_CLOCK_ATTR_RATE_REQ_NOTIFY_SINCE)
		attr |= SCMI_CLOCK_ATTR_RATE_REQ_NOTIFY;
	if (msg->version >= SCMI_CLOCK_ATTR_EXT_NAME_SINCE)
		attr |= SCMI_CLOCK_ATTR_EXT_NAME;
	if (msg->version >= SCMI_CLOCK_ATTR_GET_PERMISSIONS_SINCE)
		attr |= SCMI_CLOCK_ATTR_GET_PERMISSIONS;
	if (info.num_parents && msg->version >= SCMI_CLOCK_ATTR_PARENTS_SINCE)
		attr |= SCMI_CLOCK_ATTR_PARENTS;
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
	uint32_t index = SCMI_SERVER_IN_U32(msg, struct scmi_clock_describe_rates_a2p, rate_index);
	uint64_t rates[PAGE_MAX_RATES];
	struct scmi_server_clock_rates r = {0};
	struct scmi_server_page page;
	uint32_t id, fit, i;
	int32_t st;

	st = clk_op_id(msg, ops->describe != NULL, &id);
	if (st != SCMI_SUCCESS)
		return st;
	st = scmi_server_page_room(msg, sizeof(struct scmi_clock_describe_rates_p2a), RATE_SIZE,
				   PAGE_MAX_RATES, &fit);
	if (st != SCMI_SUCCESS)
		return clk_refuse(msg, id, st);
	st = ops->describe(msg->srv->plat, msg->agent_id, id, index, rates, fit, &r);
	if (st != SCMI_SUCCESS)
		return st;
	if (r.range) {
		if (index != 0)
			return SCMI_INVALID_PARAMETERS;
		if (fit < SCMI_CLOCK_RATES_TRIPLET_COUNT)
			return SCMI_PROTOCOL_ERROR;
		scmi_server_msg_put_u32(msg,
					SCMI_CLOCK_RATES_TRIPLET_COUNT | SCMI_CLOCK_RATES_TRIPLET);
		scmi_server_msg_put_u64(msg, r.min);
		scmi_server_msg_put_u64(msg, r.max);
		scmi_server_msg_put_u64(msg, r.step);
		return SCMI_SUCCESS;
	}
	st = scmi_server_page_cut(index, r.count, fit, &page);
	if (st != SCMI_SUCCESS)
		return st;
	/* Both counts are bounded by their fields: 12 bits returned, 16 bits remaining. */
	if (page.remaining > SCMI_CLOCK_RATES_REMAINING_MAX)
		return SCMI_GENERIC_ERROR;
	scmi_server_msg_put_u32(msg,
				page.count | (page.remaining << SCMI_CLOCK_RATES_REMAINING_SHIFT));
	for (i = 0; i < page.count; i++)
		scmi_server_msg_put_u64(msg, rates[i]);
	return SCMI_SUCCESS;
}

/* The delayed response, struct scmi_clock_rate_set_dresp after the status. */
static int32_t clock_rate_set_async(struct scmi_server_msg *msg,
				    const struct scmi_server_clock_ops *ops, uint32_t id,
				    uint64_t hz, enum scmi_server_clock_round round)
{
	struct scmi_server_clock_info info;
	uint64_t now = 0;
	int32_t st;

	/* An unknown clock is refused synchronously, before the request is accepted. */
	if (id >= clk_count(msg))
		return SCMI_NOT_FOUND;
	/* The clock's enable latency stands for the time it takes to relock at the new rate. */
	scmi_server_msg_defer(msg, clk_info(msg, id, &info) == SCMI_SUCCESS ? info.enable_latency_us
									    : 0);
	st = ops->rate_set(msg->srv->plat, msg->agent_id, id, hz, round);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->rate_get)
		return SCMI_GENERIC_ERROR;
	st = ops->rate_get(msg->srv->plat, msg->agent_id, id, &now);
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, id);
	scmi_server_msg_put_u64(msg, now);
	return SCMI_SUCCESS;
}

static int32_t clock_rate_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint32_t flags = SCMI_SERVER_IN_U32(msg, struct scmi_clock_rate_set_a2p, flags);
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_clock_rate_set_a2p, clock_id);
	uint64_t hz = SCMI_SERVER_IN_U64(msg, struct scmi_clock_rate_set_a2p, rate);
	enum scmi_server_clock_round round = SCMI_SERVER_CLOCK_ROUND_DOWN;

	if (id >= SCMI_CLOCK_PA_NUM_CLOCKS_MAX)
		return SCMI_NOT_FOUND;
	if (flags & SCMI_CLOCK_RATE_RESERVED)
		return clk_refuse(msg, id, SCMI_INVALID_PARAMETERS);
	/* Auto wins over up when both are set: the closest rate is also a valid "up". */
	if (flags & SCMI_CLOCK_RATE_ROUND_AUTO)
		round = SCMI_SERVER_CLOCK_ROUND_CLOSEST;
	else if (flags & SCMI_CLOCK_RATE_ROUND_UP)
		round = SCMI_SERVER_CLOCK_ROUND_UP;
	if (!ops->rate_set)
		return clk_refuse(msg, id, SCMI_NOT_SUPPORTED);
	/*
	 * The rate is set before any reply. Without a P2A path the async bit is honoured by
	 * completing now; with one, the outcome (and the rate in force) is the delayed
	 * CLOCK_RATE_SET_COMPLETE, unless the agent asked to be spared it.
	 */
	if ((flags & SCMI_CLOCK_RATE_ASYNC) && !(flags & SCMI_CLOCK_RATE_IGNORE_DRESP) &&
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
	scmi_server_msg_put_u64(msg, hz);
	return SCMI_SUCCESS;
}

static int32_t clock_config_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	size_t want = msg->version >= V3 ? sizeof(struct scmi_clock_config_set_a2p)
					 : SCMI_CLOCK_CONFIG_SET_V1_SIZE;
	uint32_t attr = SCMI_SERVER_IN_U32(msg, struct scmi_clock_config_set_a2p, attributes);
	uint32_t id, state;
	int32_t st = SCMI_SUCCESS;

	if (msg->in_size != want)
		return SCMI_PROTOCOL_ERROR;
	if (!clk_id(msg, &id))
		return SCMI_NOT_FOUND;
	if (msg->version < V3) {
		if (attr & SCMI_CLOCK_CONFIG_V1_RESERVED)
			st = SCMI_INVALID_PARAMETERS;
		state = (attr & SCMI_CLOCK_CONFIG_V1_ENABLE) ? SCMI_CLOCK_CONFIG_STATE_ON
							     : SCMI_CLOCK_CONFIG_STATE_OFF;
	} else {
		bool bad_state;

		state = attr & SCMI_CLOCK_CONFIG_STATE_MASK;
		bad_state = state != SCMI_CLOCK_CONFIG_STATE_OFF &&
			    state != SCMI_CLOCK_CONFIG_STATE_ON &&
			    state != SCMI_CLOCK_CONFIG_STATE_UNCHANGED;
		/* Reserved bits first; no OEM configuration is supported (attribute bit 27 is
		 * never set), which outranks a bad state. */
		if ((attr & SCMI_CLOCK_CONFIG_RESERVED) ||
		    (bad_state && !SCMI_CLOCK_CONFIG_OEM_TYPE(attr)))
			st = SCMI_INVALID_PARAMETERS;
		else if (SCMI_CLOCK_CONFIG_OEM_TYPE(attr))
			st = SCMI_NOT_SUPPORTED;
	}
	/* Nothing to do (UNCHANGED) asks the platform nothing, not even whether the clock exists.
	 */
	if (st != SCMI_SUCCESS || state == SCMI_CLOCK_CONFIG_STATE_UNCHANGED)
		return clk_refuse(msg, id, st);
	if (!ops->state_set)
		return clk_refuse(msg, id, SCMI_NOT_SUPPORTED);
	return ops->state_set(msg->srv->plat, msg->agent_id, id,
			      state == SCMI_CLOCK_CONFIG_STATE_ON);
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
	st = scmi_server_notify_enable(msg, SCMI_U32_OFFSET(struct scmi_notify_a2p, notify_enable),
				       &enable);
	if (st == SCMI_SUCCESS && !ops->notify)
		st = SCMI_NOT_SUPPORTED;
	if (st != SCMI_SUCCESS)
		return clk_refuse(msg, id, st);
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
	uint32_t flags = SCMI_SERVER_IN_U32(msg, struct scmi_clock_config_get_a2p, flags);
	uint32_t id;
	int32_t st;

	if (!clk_id(msg, &id))
		return SCMI_NOT_FOUND;
	if (flags)
		return clk_refuse(msg, id,
				  (flags & SCMI_CLOCK_CONFIG_GET_RESERVED) ? SCMI_INVALID_PARAMETERS
									   : SCMI_NOT_SUPPORTED);
	st = clk_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	/* struct scmi_clock_config_get_p2a: attributes, config, oem_config_val. */
	scmi_server_msg_put_u32(msg, 0);
	scmi_server_msg_put_u32(msg, info.enabled ? SCMI_CLOCK_CONFIG_ENABLED : 0u);
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

static int32_t clock_possible_parents(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint32_t skip =
	    SCMI_SERVER_IN_U32(msg, struct scmi_clock_possible_parents_a2p, skip_parents);
	uint32_t ids[PAGE_MAX_PARENTS];
	struct scmi_server_page page;
	uint32_t id, fit, total = 0, i;
	int32_t st;

	st = clk_op_id(msg, ops->parents != NULL, &id);
	if (st != SCMI_SUCCESS)
		return st;
	st = scmi_server_page_room(msg, sizeof(struct scmi_clock_possible_parents_p2a), PARENT_SIZE,
				   PAGE_FIT_PARENTS, &fit);
	if (st != SCMI_SUCCESS)
		return clk_refuse(msg, id, st);
	st = ops->parents(msg->srv->plat, msg->agent_id, id, skip, ids, fit, &total);
	if (st == SCMI_SUCCESS)
		st = scmi_server_page_cut(skip, total, fit, &page);
	if (st != SCMI_SUCCESS)
		return st;
	if (page.remaining > SCMI_CLOCK_PARENTS_REMAINING_MAX)
		return SCMI_GENERIC_ERROR;
	scmi_server_msg_put_u32(msg, page.count |
					 (page.remaining << SCMI_CLOCK_PARENTS_REMAINING_SHIFT));
	for (i = 0; i < page.count; i++)
		scmi_server_msg_put_u32(msg, ids[i]);
	return SCMI_SUCCESS;
}

static int32_t clock_parent_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_clock_ops *ops = clk_ops(msg);
	uint32_t parent = SCMI_SERVER_IN_U32(msg, struct scmi_clock_parent_set_a2p, parent_id);
	uint32_t id, n;

	/* The parent is checked here too: the platform may refuse permission before it. */
	n = clk_id(msg, &id) ? clk_count(msg) : 0;
	if (id >= n || parent >= n)
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
	scmi_server_msg_put_u32(msg, info.permissions & SCMI_CLOCK_PERM_ALL);
	return SCMI_SUCCESS;
}

static const scmi_server_handler_t clock_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = clock_protocol_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_CLOCK_ATTRIBUTES] = clock_attributes,
    [SCMI_MSG_CLOCK_DESCRIBE_RATES] = clock_describe_rates,
    [SCMI_MSG_CLOCK_RATE_SET] = clock_rate_set,
    [SCMI_MSG_CLOCK_RATE_GET] = clock_rate_get,
    [SCMI_MSG_CLOCK_CONFIG_SET] = clock_config_set,
    [SCMI_MSG_CLOCK_NAME_GET] = clock_name_get,
    [SCMI_MSG_CLOCK_RATE_NOTIFY] = clock_rate_notify,
    [SCMI_MSG_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY] = clock_rate_req_notify,
    [SCMI_MSG_CLOCK_CONFIG_GET] = clock_config_get,
    [SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET] = clock_possible_parents,
    [SCMI_MSG_CLOCK_PARENT_SET] = clock_parent_set,
    [SCMI_MSG_CLOCK_PARENT_GET] = clock_parent_get,
    [SCMI_MSG_CLOCK_GET_PERMISSIONS] = clock_get_permissions,
};

static const uint8_t clock_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [SCMI_MSG_CLOCK_ATTRIBUTES] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_CLOCK_DESCRIBE_RATES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_clock_describe_rates_a2p)),
    [SCMI_MSG_CLOCK_RATE_SET] = SCMI_SERVER_SIZE(sizeof(struct scmi_clock_rate_set_a2p)),
    [SCMI_MSG_CLOCK_RATE_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    /* Two words before 3.0, three from 3.0: checked by the handler. */
    [SCMI_MSG_CLOCK_CONFIG_SET] = SCMI_SERVER_SIZE_VARIABLE,
    [SCMI_MSG_CLOCK_NAME_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_CLOCK_RATE_NOTIFY] = SCMI_SERVER_SIZE(sizeof(struct scmi_notify_a2p)),
    [SCMI_MSG_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_notify_a2p)),
    [SCMI_MSG_CLOCK_CONFIG_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_clock_config_get_a2p)),
    [SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_clock_possible_parents_a2p)),
    [SCMI_MSG_CLOCK_PARENT_SET] = SCMI_SERVER_SIZE(sizeof(struct scmi_clock_parent_set_a2p)),
    [SCMI_MSG_CLOCK_PARENT_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_CLOCK_GET_PERMISSIONS] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
};

/*
 * The messages after Clock 1.0 (the last of the tables): the first version of each. Those of
 * 1.0 exist from 1.0 on (true below), not below it.
 */
#define CLOCK_LATER SCMI_MSG_CLOCK_NAME_GET
static const uint32_t clock_since[] = {
    [SCMI_MSG_CLOCK_NAME_GET - CLOCK_LATER] = SCMI_MSG_CLOCK_NAME_GET_SINCE,
    [SCMI_MSG_CLOCK_RATE_NOTIFY - CLOCK_LATER] = SCMI_MSG_CLOCK_RATE_NOTIFY_SINCE,
    [SCMI_MSG_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY - CLOCK_LATER] =
	SCMI_MSG_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY_SINCE,
    [SCMI_MSG_CLOCK_CONFIG_GET - CLOCK_LATER] = SCMI_MSG_CLOCK_CONFIG_GET_SINCE,
    [SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET - CLOCK_LATER] = SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET_SINCE,
    [SCMI_MSG_CLOCK_PARENT_SET - CLOCK_LATER] = SCMI_MSG_CLOCK_PARENT_SET_SINCE,
    [SCMI_MSG_CLOCK_PARENT_GET - CLOCK_LATER] = SCMI_MSG_CLOCK_PARENT_GET_SINCE,
    [SCMI_MSG_CLOCK_GET_PERMISSIONS - CLOCK_LATER] = SCMI_MSG_CLOCK_GET_PERMISSIONS_SINCE,
};

/* The versions this server speaks, oldest first: what a platform may configure. */
static const uint32_t clock_versions[] = {SCMI_CLOCK_VERSION_1_0, SCMI_CLOCK_VERSION_2_0,
					  SCMI_CLOCK_VERSION_3_0};

SCMI_SERVER_PROTOCOL_DEFINE_LATER(scmi_server_clock_protocol, SCMI_PROTOCOL_CLOCK, clock_versions,
				  SCMI_CLOCK_VERSION_1_0,
				  SCMI_MSG_CLOCK_NEGOTIATE_PROTOCOL_VERSION_SINCE, clock_handlers,
				  clock_sizes, CLOCK_LATER, true, clock_since);
