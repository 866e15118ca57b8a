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
#include "scmi/proto/endian.h"

/* Bound on pages of one walk, whatever the platform claims. */
#define CLOCK_MAX_PAGES 1024u

#define V2		SCMI_VERSION(2, 0)
#define V3		SCMI_VERSION(3, 0)

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
	uint8_t tx[4];

	scmi_put_le32(tx, id);
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
	clk->num_clocks = attr & 0xffffu;
	clk->max_async = (attr >> 16) & 0xffu;
	return 0;
}

int scmi_clock_name_get(struct scmi_clock *clk, uint32_t id, char name[SCMI_CLOCK_NAME_BUF])
{
	uint8_t rx[4 + SCMI_EXT_NAME_SIZE];
	int ret = clk_need(clk, V2);

	if (!ret && !name)
		ret = -EINVAL;
	if (!ret)
		ret = clk_id_xfer(clk, SCMI_CLOCK_NAME_GET, id, rx, sizeof(rx));
	if (ret)
		return ret;
	scmi_proto_copy_name(name, SCMI_CLOCK_NAME_BUF, rx + 4, SCMI_EXT_NAME_SIZE);
	return 0;
}

int scmi_clock_attributes(struct scmi_clock *clk, uint32_t id, struct scmi_clock_info *info)
{
	/* attributes, name[16], and from 2.0 the enable latency. */
	uint8_t rx[4 + SCMI_SHORT_NAME_SIZE + 4];
	size_t need = clk && clk->version >= V2 ? sizeof(rx) : sizeof(rx) - 4;
	int ret = clk_need(clk, 0);

	if (!ret && !info)
		ret = -EINVAL;
	if (!ret)
		ret = clk_id_xfer(clk, SCMI_CLOCK_ATTRIBUTES, id, rx, need);
	if (ret)
		return ret;
	memset(info, 0, sizeof(*info));
	info->attributes = scmi_get_le32(rx);
	info->enabled = info->attributes & SCMI_CLOCK_ATTR_ENABLED;
	scmi_proto_copy_name(info->name, sizeof(info->name), rx + 4, SCMI_SHORT_NAME_SIZE);
	if (clk->version >= V2) {
		info->enable_latency_us = scmi_get_le32(rx + 4 + SCMI_SHORT_NAME_SIZE);
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
	uint8_t rx[SCMI_DT_MAX_MSG_SIZE], tx[8];
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
		scmi_put_le32(tx, id);
		scmi_put_le32(tx + 4, index);
		ret = scmi_xfer(clk->agent, SCMI_PROTOCOL_CLOCK, SCMI_CLOCK_DESCRIBE_RATES, tx,
				sizeof(tx), rx, room, &rx_len, NULL);
		if (ret)
			return ret;
		if (rx_len < 4)
			goto err_short;
		flags = scmi_get_le32(rx);
		n = SCMI_CLOCK_RATES_RETURNED(flags);
		remaining = SCMI_CLOCK_RATES_REMAINING(flags);
		if (rx_len < 4 + (size_t)n * 8)
			goto err_short;
		if (flags & SCMI_CLOCK_RATES_TRIPLET) {
			/* A range is one page of exactly three entries, the first page. */
			if (index || n != 3 || remaining) {
				scmi_agent_set_error(clk->agent,
						     "DESCRIBE_RATES: bad triplet (%u returned, %u "
						     "remaining, index %u)",
						     n, remaining, index);
				return -EPROTO;
			}
			r->range = true;
			r->min = scmi_get_le64(rx + 4);
			r->max = scmi_get_le64(rx + 12);
			r->step = scmi_get_le64(rx + 20);
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
				rates[index + i] = scmi_get_le64(rx + 4 + (size_t)i * 8);
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
	uint8_t rx[8];
	int ret = clk_need(clk, 0);

	if (!ret && !hz)
		ret = -EINVAL;
	if (!ret)
		ret = clk_id_xfer(clk, SCMI_CLOCK_RATE_GET, id, rx, sizeof(rx));
	if (!ret)
		*hz = scmi_get_le64(rx);
	return ret;
}

int scmi_clock_rate_set(struct scmi_clock *clk, uint32_t id, uint64_t hz,
			enum scmi_clock_round round)
{
	uint8_t tx[16];
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
	scmi_put_le32(tx, flags);
	scmi_put_le32(tx + 4, id);
	scmi_put_le64(tx + 8, hz);
	return clk_xfer(clk, SCMI_CLOCK_RATE_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_clock_enable(struct scmi_clock *clk, uint32_t id, bool enable)
{
	uint8_t tx[12];
	int ret = clk_need(clk, 0);

	if (ret)
		return ret;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, enable ? 1u : 0u);
	scmi_put_le32(tx + 8, 0);
	return clk_xfer(clk, SCMI_CLOCK_CONFIG_SET, tx, clk->version >= V3 ? 12 : 8, NULL, 0);
}

int scmi_clock_config_get(struct scmi_clock *clk, uint32_t id, uint32_t *config)
{
	uint8_t tx[8], rx[12];
	int ret = clk_need(clk, V3);

	if (!ret && !config)
		ret = -EINVAL;
	if (ret)
		return ret;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, 0);
	ret = clk_xfer(clk, SCMI_CLOCK_CONFIG_GET, tx, sizeof(tx), rx, sizeof(rx));
	if (!ret)
		*config = scmi_get_le32(rx + 4);
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
			*enabled = config & 1u;
		return ret;
	}
	ret = scmi_clock_attributes(clk, id, &info);
	if (!ret)
		*enabled = info.enabled;
	return ret;
}

static int clk_notify(struct scmi_clock *clk, uint8_t msg_id, uint32_t id, bool enable)
{
	uint8_t tx[8];
	int ret = clk_need(clk, V2);

	if (ret)
		return ret;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, enable ? 1u : 0u);
	return clk_xfer(clk, msg_id, tx, sizeof(tx), NULL, 0);
}

int scmi_clock_rate_notify(struct scmi_clock *clk, uint32_t id, bool enable)
{
	return clk_notify(clk, SCMI_CLOCK_RATE_NOTIFY, id, enable);
}

int scmi_clock_rate_req_notify(struct scmi_clock *clk, uint32_t id, bool enable)
{
	return clk_notify(clk, SCMI_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY, id, enable);
}

int scmi_clock_possible_parents(struct scmi_clock *clk, uint32_t id, uint32_t *ids, size_t max,
				size_t *count)
{
	uint8_t rx[SCMI_DT_MAX_MSG_SIZE], tx[8];
	uint32_t skip = 0, flags, n, remaining, prev_total = 0, pages = 0, i;
	size_t rx_len, room;
	int ret = clk_need(clk, V3);

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
		scmi_put_le32(tx, id);
		scmi_put_le32(tx + 4, skip);
		ret = scmi_xfer(clk->agent, SCMI_PROTOCOL_CLOCK, SCMI_CLOCK_POSSIBLE_PARENTS_GET,
				tx, sizeof(tx), rx, room, &rx_len, NULL);
		if (ret)
			return ret;
		if (rx_len < 4)
			goto err_short;
		flags = scmi_get_le32(rx);
		n = SCMI_CLOCK_PARENTS_RETURNED(flags);
		remaining = SCMI_CLOCK_PARENTS_REMAINING(flags);
		if (rx_len < 4 + (size_t)n * 4)
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
				ids[skip + i] = scmi_get_le32(rx + 4 + (size_t)i * 4);
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
	uint8_t tx[8];
	int ret = clk_need(clk, V3);

	if (ret)
		return ret;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, parent);
	return clk_xfer(clk, SCMI_CLOCK_PARENT_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_clock_parent_get(struct scmi_clock *clk, uint32_t id, uint32_t *parent)
{
	uint8_t rx[4];
	int ret = clk_need(clk, V3);

	if (!ret && !parent)
		ret = -EINVAL;
	if (!ret)
		ret = clk_id_xfer(clk, SCMI_CLOCK_PARENT_GET, id, rx, sizeof(rx));
	if (!ret)
		*parent = scmi_get_le32(rx);
	return ret;
}

int scmi_clock_get_permissions(struct scmi_clock *clk, uint32_t id, uint32_t *perms)
{
	uint8_t rx[4];
	int ret = clk_need(clk, V3);

	if (!ret && !perms)
		ret = -EINVAL;
	if (!ret)
		ret = clk_id_xfer(clk, SCMI_CLOCK_GET_PERMISSIONS, id, rx, sizeof(rx));
	if (!ret)
		*perms = scmi_get_le32(rx);
	return ret;
}
