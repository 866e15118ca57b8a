// SPDX-License-Identifier: BSD-3-Clause
/*
 * Clock protocol (0x14) client. Every reply is checked against the length its
 * fields need; paginated replies are walked to the end with a bound on pages,
 * and a page whose counts disagree with its length, or with the pages before
 * it, is -EPROTO.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/clock.h"
#include "scmi/proto/clock.h"

/* Bound on pages of one walk, whatever the platform claims. */
#define CLOCK_MAX_PAGES 1024u

#define V2		SCMI_CLOCK_VERSION_2_0
#define V3		SCMI_CLOCK_VERSION_3_0

static int clk_xfer(struct scmi_clock *clk, uint8_t msg_id, const void *tx, size_t tx_len, void *rx,
		    size_t rx_need)
{
	return scmi_proto_xfer(clk->agent, SCMI_PROTOCOL_CLOCK, msg_id, tx, tx_len, rx, rx_need);
}

/* The version in force must have the message: nothing is sent otherwise. */
static int clk_need(const struct scmi_clock *clk, uint32_t version)
{
	if (!clk || !clk->agent)
		return -EINVAL;
	return clk->version >= version ? 0 : -EOPNOTSUPP;
}

static int clk_id_xfer(struct scmi_clock *clk, uint8_t msg_id, uint32_t id, void *rx,
		       size_t rx_need)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];

	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	return clk_xfer(clk, msg_id, tx, sizeof(tx), rx, rx_need);
}

int scmi_clock_init(struct scmi_agent *agent, struct scmi_clock *clk)
{
	uint32_t attr;
	int ret;

	if (!agent || !clk)
		return -EINVAL;
	memset(clk, 0, sizeof(*clk));
	clk->agent = agent;
	ret = scmi_proto_init(agent, SCMI_PROTOCOL_CLOCK, SCMI_CLOCK_VERSION,
			      &clk->platform_version, &clk->version, &attr);
	if (ret)
		return ret;
	clk->num_clocks = SCMI_CLOCK_PA_NUM_CLOCKS(attr);
	clk->max_async = SCMI_CLOCK_PA_MAX_ASYNC(attr);
	return 0;
}

int scmi_clock_name_get(struct scmi_clock *clk, uint32_t id, char name[SCMI_CLOCK_NAME_BUF])
{
	uint8_t rx[sizeof(struct scmi_name_get_p2a)];
	int ret = clk_need(clk, SCMI_MSG_CLOCK_NAME_GET_SINCE);

	if (!ret && !name)
		ret = -EINVAL;
	if (!ret)
		ret = clk_id_xfer(clk, SCMI_MSG_CLOCK_NAME_GET, id, rx, sizeof(rx));
	if (ret)
		return ret;
	scmi_proto_copy_name(name, SCMI_CLOCK_NAME_BUF,
			     SCMI_FIELD_PTR(rx, struct scmi_name_get_p2a, name),
			     SCMI_FIELD_SIZE(struct scmi_name_get_p2a, name));
	return 0;
}

int scmi_clock_attributes(struct scmi_clock *clk, uint32_t id, struct scmi_clock_info *info)
{
	/* The 1.0 reply ends before the enable latency. */
	uint8_t rx[sizeof(struct scmi_clock_attributes_p2a)];
	size_t need = clk && clk->version >= V2 ? sizeof(rx) : SCMI_CLOCK_ATTRIBUTES_V1_SIZE;
	int ret = clk_need(clk, 0);

	if (!ret && !info)
		ret = -EINVAL;
	if (!ret)
		ret = clk_id_xfer(clk, SCMI_MSG_CLOCK_ATTRIBUTES, id, rx, need);
	if (ret)
		return ret;
	memset(info, 0, sizeof(*info));
	info->attributes = SCMI_GET_U32(rx, struct scmi_clock_attributes_p2a, attributes);
	info->enabled = info->attributes & SCMI_CLOCK_ATTR_ENABLED;
	scmi_proto_copy_name(info->name, sizeof(info->name),
			     SCMI_FIELD_PTR(rx, struct scmi_clock_attributes_p2a, name),
			     SCMI_FIELD_SIZE(struct scmi_clock_attributes_p2a, name));
	if (clk->version >= V2) {
		info->enable_latency_us =
		    SCMI_GET_U32(rx, struct scmi_clock_attributes_p2a, enable_latency);
		/* As Linux: a failing NAME_GET keeps the short name. */
		if (info->attributes & SCMI_CLOCK_ATTR_EXT_NAME) {
			char ext[SCMI_CLOCK_NAME_BUF];

			if (!scmi_clock_name_get(clk, id, ext) && ext[0])
				memcpy(info->name, ext, sizeof(ext));
		}
	}
	return 0;
}

/* One page of rates or parents: at most the agent's payload, and never more than rx holds. */
static size_t page_room(const struct scmi_clock *clk, size_t cap)
{
	size_t max = scmi_agent_max_msg_size(clk->agent);

	return max < cap ? max : cap;
}

int scmi_clock_describe_rates(struct scmi_clock *clk, uint32_t id, struct scmi_clock_rates *r,
			      uint64_t *rates, size_t max)
{
	const size_t head = sizeof(struct scmi_clock_describe_rates_p2a);
	const size_t entry = SCMI_FIELD_SIZE(struct scmi_clock_describe_rates_p2a, rates[0]);
	uint8_t rx[SCMI_DT_MAX_MSG_SIZE], tx[sizeof(struct scmi_clock_describe_rates_a2p)];
	uint32_t index = 0, flags, n, remaining, prev_total = 0, pages = 0, i;
	size_t rx_len, room;
	int ret = clk_need(clk, 0);

	if (!ret && (!r || (max && !rates)))
		ret = -EINVAL;
	if (ret)
		return ret;
	memset(r, 0, sizeof(*r));
	room = page_room(clk, sizeof(rx));
	for (;;) {
		if (++pages > CLOCK_MAX_PAGES) {
			scmi_agent_set_error(clk->agent, "DESCRIBE_RATES: no end after %u pages",
					     CLOCK_MAX_PAGES);
			return -EPROTO;
		}
		SCMI_PUT_U32(tx, struct scmi_clock_describe_rates_a2p, clock_id, id);
		SCMI_PUT_U32(tx, struct scmi_clock_describe_rates_a2p, rate_index, index);
		ret = scmi_xfer(clk->agent, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_DESCRIBE_RATES, tx,
				sizeof(tx), rx, room, &rx_len, NULL);
		if (ret)
			return ret;
		if (rx_len < head)
			goto err_short;
		flags = SCMI_GET_U32(rx, struct scmi_clock_describe_rates_p2a, num_rates_flags);
		n = SCMI_CLOCK_RATES_RETURNED(flags);
		remaining = SCMI_CLOCK_RATES_REMAINING(flags);
		if (rx_len < head + (size_t)n * entry)
			goto err_short;
		if (flags & SCMI_CLOCK_RATES_TRIPLET) {
			/* A range is one page of exactly three entries, the first page. */
			if (index || n != SCMI_CLOCK_RATES_TRIPLET_COUNT || remaining) {
				scmi_agent_set_error(clk->agent,
						     "DESCRIBE_RATES: bad triplet (%u returned, %u "
						     "remaining, index %u)",
						     n, remaining, index);
				return -EPROTO;
			}
			r->range = true;
			r->min = scmi_get_le64(rx + head);
			r->max = scmi_get_le64(rx + head + entry);
			r->step = scmi_get_le64(rx + head + 2 * entry);
			if (r->min > r->max || (!r->step && r->min != r->max)) {
				scmi_agent_set_error(clk->agent, "DESCRIBE_RATES: bad range");
				return -EPROTO;
			}
			return 0;
		}
		/* The total (this page + remaining) must not grow from one page to the next. */
		if (pages > 1 && index + n + remaining != prev_total) {
			scmi_agent_set_error(clk->agent,
					     "DESCRIBE_RATES: total changed from %u to %u",
					     prev_total, index + n + remaining);
			return -EPROTO;
		}
		prev_total = index + n + remaining;
		for (i = 0; i < n; i++) {
			if (index + i < max)
				rates[index + i] = scmi_get_le64(rx + head + (size_t)i * entry);
		}
		index += n;
		if (!remaining)
			break;
		if (!n) {
			scmi_agent_set_error(
			    clk->agent, "DESCRIBE_RATES: empty page with %u remaining", remaining);
			return -EPROTO;
		}
	}
	r->count = index;
	return 0;

err_short:
	scmi_agent_set_error(clk->agent, "DESCRIBE_RATES: page too short (%zu bytes)", rx_len);
	return -EPROTO;
}

int scmi_clock_rate_get(struct scmi_clock *clk, uint32_t id, uint64_t *hz)
{
	uint8_t rx[sizeof(struct scmi_clock_rate_get_p2a)];
	int ret = clk_need(clk, 0);

	if (!ret && !hz)
		ret = -EINVAL;
	if (!ret)
		ret = clk_id_xfer(clk, SCMI_MSG_CLOCK_RATE_GET, id, rx, sizeof(rx));
	if (!ret)
		*hz = SCMI_GET_U64(rx, struct scmi_clock_rate_get_p2a, rate);
	return ret;
}

int scmi_clock_rate_set(struct scmi_clock *clk, uint32_t id, uint64_t hz,
			enum scmi_clock_round round)
{
	uint8_t tx[sizeof(struct scmi_clock_rate_set_a2p)];
	uint32_t flags = 0;
	int ret = clk_need(clk, 0);

	if (ret)
		return ret;
	if (round == SCMI_CLOCK_ROUND_UP)
		flags = SCMI_CLOCK_RATE_ROUND_UP;
	else if (round == SCMI_CLOCK_ROUND_CLOSEST)
		flags = SCMI_CLOCK_RATE_ROUND_AUTO;
	else if (round != SCMI_CLOCK_ROUND_DOWN)
		return -EINVAL;
	/* Synchronous: no delayed responses over this transport (max_async is 0). */
	SCMI_PUT_U32(tx, struct scmi_clock_rate_set_a2p, flags, flags);
	SCMI_PUT_U32(tx, struct scmi_clock_rate_set_a2p, clock_id, id);
	SCMI_PUT_U64(tx, struct scmi_clock_rate_set_a2p, rate, hz);
	return clk_xfer(clk, SCMI_MSG_CLOCK_RATE_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_clock_enable(struct scmi_clock *clk, uint32_t id, bool enable)
{
	uint8_t tx[sizeof(struct scmi_clock_config_set_a2p)];
	int ret = clk_need(clk, 0);

	if (ret)
		return ret;
	/* The v1 enable bit is the v3 state ON; both forms agree on the first two words. */
	SCMI_PUT_U32(tx, struct scmi_clock_config_set_a2p, clock_id, id);
	SCMI_PUT_U32(tx, struct scmi_clock_config_set_a2p, attributes,
		     enable ? SCMI_CLOCK_CONFIG_STATE_ON : SCMI_CLOCK_CONFIG_STATE_OFF);
	SCMI_PUT_U32(tx, struct scmi_clock_config_set_a2p, oem_config_val, 0);
	return clk_xfer(clk, SCMI_MSG_CLOCK_CONFIG_SET, tx,
			clk->version >= V3 ? sizeof(tx) : SCMI_CLOCK_CONFIG_SET_V1_SIZE, NULL, 0);
}

int scmi_clock_config_get(struct scmi_clock *clk, uint32_t id, uint32_t *config)
{
	uint8_t tx[sizeof(struct scmi_clock_config_get_a2p)];
	uint8_t rx[sizeof(struct scmi_clock_config_get_p2a)];
	int ret = clk_need(clk, SCMI_MSG_CLOCK_CONFIG_GET_SINCE);

	if (!ret && !config)
		ret = -EINVAL;
	if (ret)
		return ret;
	SCMI_PUT_U32(tx, struct scmi_clock_config_get_a2p, clock_id, id);
	SCMI_PUT_U32(tx, struct scmi_clock_config_get_a2p, flags, 0);
	ret = clk_xfer(clk, SCMI_MSG_CLOCK_CONFIG_GET, tx, sizeof(tx), rx, sizeof(rx));
	if (!ret)
		*config = SCMI_GET_U32(rx, struct scmi_clock_config_get_p2a, config);
	return ret;
}

int scmi_clock_state_get(struct scmi_clock *clk, uint32_t id, bool *enabled)
{
	struct scmi_clock_info info;
	uint32_t config;
	int ret = clk_need(clk, 0);

	if (!ret && !enabled)
		ret = -EINVAL;
	if (ret)
		return ret;
	if (clk->version >= V3) {
		ret = scmi_clock_config_get(clk, id, &config);
		if (!ret)
			*enabled = config & SCMI_CLOCK_CONFIG_ENABLED;
		return ret;
	}
	ret = scmi_clock_attributes(clk, id, &info);
	if (!ret)
		*enabled = info.enabled;
	return ret;
}

static int clk_notify(struct scmi_clock *clk, uint8_t msg_id, uint32_t id, bool enable)
{
	uint8_t tx[sizeof(struct scmi_notify_a2p)];
	int ret = clk_need(clk, SCMI_MSG_CLOCK_RATE_NOTIFY_SINCE);

	if (ret)
		return ret;
	SCMI_PUT_U32(tx, struct scmi_notify_a2p, id, id);
	SCMI_PUT_U32(tx, struct scmi_notify_a2p, notify_enable, enable ? SCMI_NOTIFY_ENABLE : 0u);
	return clk_xfer(clk, msg_id, tx, sizeof(tx), NULL, 0);
}

int scmi_clock_rate_notify(struct scmi_clock *clk, uint32_t id, bool enable)
{
	return clk_notify(clk, SCMI_MSG_CLOCK_RATE_NOTIFY, id, enable);
}

int scmi_clock_rate_req_notify(struct scmi_clock *clk, uint32_t id, bool enable)
{
	return clk_notify(clk, SCMI_MSG_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY, id, enable);
}

int scmi_clock_possible_parents(struct scmi_clock *clk, uint32_t id, uint32_t *ids, size_t max,
				size_t *count)
{
	const size_t head = sizeof(struct scmi_clock_possible_parents_p2a);
	const size_t entry = SCMI_FIELD_SIZE(struct scmi_clock_possible_parents_p2a, parents[0]);
	uint8_t rx[SCMI_DT_MAX_MSG_SIZE], tx[sizeof(struct scmi_clock_possible_parents_a2p)];
	uint32_t skip = 0, flags, n, remaining, prev_total = 0, pages = 0, i;
	size_t rx_len, room;
	int ret = clk_need(clk, SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET_SINCE);

	if (!ret && (!count || (max && !ids)))
		ret = -EINVAL;
	if (ret)
		return ret;
	room = page_room(clk, sizeof(rx));
	for (;;) {
		if (++pages > CLOCK_MAX_PAGES) {
			scmi_agent_set_error(clk->agent,
					     "POSSIBLE_PARENTS_GET: no end after %u pages",
					     CLOCK_MAX_PAGES);
			return -EPROTO;
		}
		SCMI_PUT_U32(tx, struct scmi_clock_possible_parents_a2p, clock_id, id);
		SCMI_PUT_U32(tx, struct scmi_clock_possible_parents_a2p, skip_parents, skip);
		ret =
		    scmi_xfer(clk->agent, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET,
			      tx, sizeof(tx), rx, room, &rx_len, NULL);
		if (ret)
			return ret;
		if (rx_len < head)
			goto err_short;
		flags = SCMI_GET_U32(rx, struct scmi_clock_possible_parents_p2a, num_parent_flags);
		n = SCMI_CLOCK_PARENTS_RETURNED(flags);
		remaining = SCMI_CLOCK_PARENTS_REMAINING(flags);
		if (rx_len < head + (size_t)n * entry)
			goto err_short;
		if (pages > 1 && skip + n + remaining != prev_total) {
			scmi_agent_set_error(clk->agent,
					     "POSSIBLE_PARENTS_GET: total changed from %u to %u",
					     prev_total, skip + n + remaining);
			return -EPROTO;
		}
		prev_total = skip + n + remaining;
		for (i = 0; i < n; i++) {
			if (skip + i < max)
				ids[skip + i] = scmi_get_le32(rx + head + (size_t)i * entry);
		}
		skip += n;
		if (!remaining)
			break;
		if (!n) {
			scmi_agent_set_error(clk->agent,
					     "POSSIBLE_PARENTS_GET: empty page with %u remaining",
					     remaining);
			return -EPROTO;
		}
	}
	*count = skip;
	return 0;

err_short:
	scmi_agent_set_error(clk->agent, "POSSIBLE_PARENTS_GET: page too short (%zu bytes)",
			     rx_len);
	return -EPROTO;
}

int scmi_clock_parent_set(struct scmi_clock *clk, uint32_t id, uint32_t parent)
{
	uint8_t tx[sizeof(struct scmi_clock_parent_set_a2p)];
	int ret = clk_need(clk, SCMI_MSG_CLOCK_PARENT_SET_SINCE);

	if (ret)
		return ret;
	SCMI_PUT_U32(tx, struct scmi_clock_parent_set_a2p, clock_id, id);
	SCMI_PUT_U32(tx, struct scmi_clock_parent_set_a2p, parent_id, parent);
	return clk_xfer(clk, SCMI_MSG_CLOCK_PARENT_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_clock_parent_get(struct scmi_clock *clk, uint32_t id, uint32_t *parent)
{
	uint8_t rx[sizeof(struct scmi_clock_parent_get_p2a)];
	int ret = clk_need(clk, SCMI_MSG_CLOCK_PARENT_GET_SINCE);

	if (!ret && !parent)
		ret = -EINVAL;
	if (!ret)
		ret = clk_id_xfer(clk, SCMI_MSG_CLOCK_PARENT_GET, id, rx, sizeof(rx));
	if (!ret)
		*parent = SCMI_GET_U32(rx, struct scmi_clock_parent_get_p2a, parent_id);
	return ret;
}

int scmi_clock_get_permissions(struct scmi_clock *clk, uint32_t id, uint32_t *perms)
{
	uint8_t rx[sizeof(struct scmi_clock_get_permissions_p2a)];
	int ret = clk_need(clk, SCMI_MSG_CLOCK_GET_PERMISSIONS_SINCE);

	if (!ret && !perms)
		ret = -EINVAL;
	if (!ret)
		ret = clk_id_xfer(clk, SCMI_MSG_CLOCK_GET_PERMISSIONS, id, rx, sizeof(rx));
	if (!ret)
		*perms = SCMI_GET_U32(rx, struct scmi_clock_get_permissions_p2a, permissions);
	return ret;
}
