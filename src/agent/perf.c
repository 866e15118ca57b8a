// SPDX-License-Identifier: BSD-3-Clause
/*
 * Performance domain protocol (0x13) client. Every reply is checked against
 * the length its fields need (shorter: -EPROTO, never read past); the level
 * walk is bounded and refuses counts that do not add up.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/perf.h"
#include "scmi/proto/perf.h"

#define V3 SCMI_PERF_VERSION_3_0
#define V4 SCMI_PERF_VERSION_4_0

static int perf_xfer(struct scmi_agent *agent, uint8_t msg_id, const void *tx, size_t tx_len,
		     void *rx, size_t rx_need)
{
	return scmi_proto_xfer(agent, SCMI_PROTOCOL_PERF, msg_id, tx, tx_len, rx, rx_need);
}

/* The version whose layouts to use: the platform's, at most the client's own. */
static int perf_version(struct scmi_agent *agent, uint32_t *version)
{
	int ret = scmi_protocol_version(agent, SCMI_PROTOCOL_PERF, version);

	if (!ret && *version > SCMI_PERF_VERSION)
		*version = SCMI_PERF_VERSION;
	return ret;
}

int scmi_perf_init(struct scmi_agent *agent, uint32_t *version)
{
	uint32_t v;
	int ret;

	ret = scmi_proto_version(agent, SCMI_PROTOCOL_PERF, SCMI_PERF_VERSION, NULL, &v);
	if (!ret && version)
		*version = v;
	return ret;
}

int scmi_perf_protocol_info(struct scmi_agent *agent, struct scmi_perf_info *info)
{
	uint8_t rx[sizeof(struct scmi_perf_protocol_attributes_p2a)];
	uint32_t attr;
	int ret;

	if (!info)
		return -EINVAL;
	memset(info, 0, sizeof(*info));
	ret = perf_version(agent, &info->version);
	if (ret)
		return ret;
	ret = perf_xfer(agent, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0, rx, sizeof(rx));
	if (ret)
		return ret;
	attr = SCMI_GET_U32(rx, struct scmi_perf_protocol_attributes_p2a, attributes);
	info->num_domains = SCMI_PERF_PA_NUM_DOMAINS(attr);
	info->power_mw = attr & SCMI_PERF_PA_POWER_MW;
	info->power_uw = info->version >= V3 && (attr & SCMI_PERF_PA_POWER_UW);
	info->stats_addr = SCMI_GET_U64(rx, struct scmi_perf_protocol_attributes_p2a, stats_addr);
	info->stats_size = SCMI_GET_U32(rx, struct scmi_perf_protocol_attributes_p2a, stats_size);
	return 0;
}

static int perf_name_get(struct scmi_agent *agent, uint32_t domain, char name[SCMI_PERF_NAME_BUF])
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];

	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, domain);
	return scmi_proto_name_get(agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET, tx,
				   sizeof(tx), name, SCMI_PERF_NAME_BUF);
}

int scmi_perf_domain_attributes(struct scmi_agent *agent, uint32_t domain,
				struct scmi_perf_domain_info *info)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];
	uint8_t rx[sizeof(struct scmi_perf_domain_attributes_p2a)];
	uint32_t attr, version;
	int ret;

	if (!info)
		return -EINVAL;
	memset(info, 0, sizeof(*info));
	ret = perf_version(agent, &version);
	if (ret)
		return ret;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, domain);
	ret = perf_xfer(agent, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	attr = SCMI_GET_U32(rx, struct scmi_perf_domain_attributes_p2a, attributes);
	info->set_limits = attr & SCMI_PERF_ATTR_SET_LIMITS;
	info->set_level = attr & SCMI_PERF_ATTR_SET_LEVEL;
	info->notify_limits = attr & SCMI_PERF_ATTR_LIMITS_NOTIFY;
	info->notify_level = attr & SCMI_PERF_ATTR_LEVEL_NOTIFY;
	info->fastchannels =
	    version >= SCMI_PERF_VERSION_2_0 && (attr & SCMI_PERF_ATTR_FASTCHANNELS);
	info->level_indexing = version >= V4 && (attr & SCMI_PERF_ATTR_LEVEL_INDEXING);
	info->rate_limit_us = SCMI_GET_U32(rx, struct scmi_perf_domain_attributes_p2a, rate_limit) &
			      SCMI_PERF_RATE_LIMIT_MASK;
	info->sustained_freq_khz =
	    SCMI_GET_U32(rx, struct scmi_perf_domain_attributes_p2a, sustained_freq_khz);
	info->sustained_level =
	    SCMI_GET_U32(rx, struct scmi_perf_domain_attributes_p2a, sustained_perf_level);
	scmi_proto_copy_name(info->name, SCMI_SHORT_NAME_SIZE,
			     SCMI_FIELD_PTR(rx, struct scmi_perf_domain_attributes_p2a, name),
			     SCMI_FIELD_SIZE(struct scmi_perf_domain_attributes_p2a, name));
	/* As Linux: the extended name is a bonus; failing to get it keeps the short one. */
	if (version >= V3 && (attr & SCMI_PERF_ATTR_EXT_NAME))
		info->extended_name = !perf_name_get(agent, domain, info->name);
	return 0;
}

static int levels_page(struct scmi_agent *agent, uint32_t version, uint32_t domain, uint32_t first,
		       struct scmi_perf_level *levels, size_t max, uint32_t *returned,
		       uint32_t *remaining)
{
	const size_t head = sizeof(struct scmi_perf_describe_levels_p2a);
	uint8_t tx[sizeof(struct scmi_perf_describe_levels_a2p)], rx[SCMI_DT_MAX_MSG_SIZE];
	size_t rx_max, rx_len, entry, i;
	uint32_t word;
	int ret;

	entry = version >= V4 ? SCMI_FIELD_SIZE(struct scmi_perf_describe_levels_p2a, levels[0])
			      : SCMI_PERF_LEVEL_ENTRY_V1_SIZE;
	rx_max = scmi_agent_max_msg_size(agent);
	if (rx_max > sizeof(rx))
		rx_max = sizeof(rx);
	SCMI_PUT_U32(tx, struct scmi_perf_describe_levels_a2p, domain_id, domain);
	SCMI_PUT_U32(tx, struct scmi_perf_describe_levels_a2p, level_index, first);
	ret = scmi_xfer(agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, tx, sizeof(tx),
			rx, rx_max, &rx_len, NULL);
	if (ret)
		return ret;
	if (rx_len < head) {
		scmi_agent_set_error(agent, "DESCRIBE_LEVELS: short reply (%zu bytes)", rx_len);
		return -EPROTO;
	}
	word = SCMI_GET_U32(rx, struct scmi_perf_describe_levels_p2a, num_levels);
	*returned = SCMI_PERF_LEVELS_RETURNED(word);
	*remaining = SCMI_PERF_LEVELS_REMAINING(word);
	if (head + (size_t)*returned * entry > rx_len) {
		scmi_agent_set_error(agent, "DESCRIBE_LEVELS: %u levels claimed in %zu bytes",
				     *returned, rx_len);
		return -EPROTO;
	}
	for (i = 0; i < *returned && i < max; i++) {
		const uint8_t *e = rx + head + i * entry;

		levels[i].perf = SCMI_GET_U32(e, struct scmi_perf_level_entry, perf_level);
		levels[i].power = SCMI_GET_U32(e, struct scmi_perf_level_entry, power_cost);
		levels[i].latency_us =
		    SCMI_GET_U32(e, struct scmi_perf_level_entry, transition_latency) &
		    SCMI_PERF_LEVEL_LATENCY_MASK;
		if (version >= V4) {
			levels[i].freq_khz =
			    SCMI_GET_U32(e, struct scmi_perf_level_entry, indicative_freq_khz);
			levels[i].index =
			    SCMI_GET_U32(e, struct scmi_perf_level_entry, level_index);
		} else {
			levels[i].freq_khz = 0;
			levels[i].index = first + (uint32_t)i;
		}
	}
	return 0;
}

int scmi_perf_describe_levels_page(struct scmi_agent *agent, uint32_t domain, uint32_t first,
				   struct scmi_perf_level *levels, size_t max, uint32_t *returned,
				   uint32_t *remaining)
{
	uint32_t version;
	int ret;

	if (!returned || !remaining || (max && !levels))
		return -EINVAL;
	ret = perf_version(agent, &version);
	if (ret)
		return ret;
	return levels_page(agent, version, domain, first, levels, max, returned, remaining);
}

int scmi_perf_describe_levels(struct scmi_agent *agent, uint32_t domain,
			      struct scmi_perf_level *levels, size_t max, size_t *count)
{
	struct scmi_perf_level page[SCMI_DT_MAX_MSG_SIZE / SCMI_PERF_LEVEL_ENTRY_V1_SIZE];
	uint32_t version, got = 0, returned, remaining, expect = 0;
	bool first_page = true;
	size_t i;
	int ret;

	if (!count || (max && !levels))
		return -EINVAL;
	*count = 0;
	ret = perf_version(agent, &version);
	if (ret)
		return ret;
	for (;;) {
		ret = levels_page(agent, version, domain, got, page,
				  (sizeof(page) / sizeof(page[0])), &returned, &remaining);
		if (ret)
			return ret;
		if (!first_page && (uint64_t)returned + remaining != expect) {
			scmi_agent_set_error(agent,
					     "DESCRIBE_LEVELS: %u returned + %u remaining after "
					     "%u expected",
					     returned, remaining, expect);
			return -EPROTO;
		}
		if (returned > (sizeof(page) / sizeof(page[0])) ||
		    (uint64_t)got + returned + remaining > SCMI_PERF_MAX_LEVELS) {
			scmi_agent_set_error(agent, "DESCRIBE_LEVELS: more than %u levels",
					     SCMI_PERF_MAX_LEVELS);
			return -EPROTO;
		}
		for (i = 0; i < returned; i++) {
			if (got + i >= max)
				return -ENOSPC;
			levels[got + i] = page[i];
		}
		got += returned;
		first_page = false;
		expect = remaining;
		/* As Linux: an empty page or nothing remaining ends the walk. */
		if (!returned || !remaining)
			break;
	}
	if (remaining) {
		scmi_agent_set_error(agent, "DESCRIBE_LEVELS: empty page with %u remaining",
				     remaining);
		return -EPROTO;
	}
	*count = got;
	return 0;
}

/*
 * The commands below carry words only: each word list is its layout's fields in order
 * (named at each call), so scmi_proto_xfer_u32() packs and unpacks them.
 */

int scmi_perf_limits_set(struct scmi_agent *agent, uint32_t domain, uint32_t max, uint32_t min)
{
	/* struct scmi_perf_limits_set_a2p. */
	const uint32_t tx[] = {domain, max, min};

	return scmi_proto_xfer_u32(agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LIMITS_SET, tx, 3, NULL,
				   0);
}

int scmi_perf_limits_get(struct scmi_agent *agent, uint32_t domain, uint32_t *max, uint32_t *min)
{
	/* struct scmi_id_a2p in, struct scmi_perf_limits_get_p2a out. */
	uint32_t rx[2];
	int ret;

	ret = scmi_proto_xfer_u32(agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LIMITS_GET, &domain, 1,
				  rx, 2);
	if (ret)
		return ret;
	if (max)
		*max = rx[0];
	if (min)
		*min = rx[1];
	return 0;
}

int scmi_perf_level_set(struct scmi_agent *agent, uint32_t domain, uint32_t level)
{
	/* struct scmi_perf_level_set_a2p. */
	const uint32_t tx[] = {domain, level};

	return scmi_proto_xfer_u32(agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_SET, tx, 2, NULL,
				   0);
}

int scmi_perf_level_get(struct scmi_agent *agent, uint32_t domain, uint32_t *level)
{
	if (!level)
		return -EINVAL;
	/* struct scmi_id_a2p in, struct scmi_perf_level_get_p2a out. */
	return scmi_proto_xfer_u32(agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, &domain, 1,
				   level, 1);
}

static int perf_notify(struct scmi_agent *agent, uint8_t msg_id, uint32_t domain, bool enable)
{
	/* struct scmi_notify_a2p. */
	const uint32_t tx[] = {domain, enable ? SCMI_NOTIFY_ENABLE : 0u};

	return scmi_proto_xfer_u32(agent, SCMI_PROTOCOL_PERF, msg_id, tx, 2, NULL, 0);
}

int scmi_perf_notify_limits(struct scmi_agent *agent, uint32_t domain, bool enable)
{
	return perf_notify(agent, SCMI_MSG_PERF_NOTIFY_LIMITS, domain, enable);
}

int scmi_perf_notify_level(struct scmi_agent *agent, uint32_t domain, bool enable)
{
	return perf_notify(agent, SCMI_MSG_PERF_NOTIFY_LEVEL, domain, enable);
}

int scmi_perf_describe_fastchannel(struct scmi_agent *agent, uint32_t domain, uint32_t msg_id,
				   struct scmi_perf_fastchannel *fc)
{
	uint8_t tx[sizeof(struct scmi_perf_describe_fastchannel_a2p)];
	uint8_t rx[sizeof(struct scmi_perf_describe_fastchannel_p2a)];
	uint32_t version;
	int ret;

	if (!fc)
		return -EINVAL;
	ret = perf_version(agent, &version);
	if (ret)
		return ret;
	if (version < SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL_SINCE)
		return -EOPNOTSUPP;
	SCMI_PUT_U32(tx, struct scmi_perf_describe_fastchannel_a2p, domain_id, domain);
	SCMI_PUT_U32(tx, struct scmi_perf_describe_fastchannel_a2p, message_id, msg_id);
	ret = perf_xfer(agent, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	fc->attributes = SCMI_GET_U32(rx, struct scmi_perf_describe_fastchannel_p2a, attributes);
	fc->rate_limit_us =
	    SCMI_GET_U32(rx, struct scmi_perf_describe_fastchannel_p2a, rate_limit) &
	    SCMI_PERF_RATE_LIMIT_MASK;
	fc->chan_addr = SCMI_GET_U64(rx, struct scmi_perf_describe_fastchannel_p2a, chan_addr);
	fc->chan_size = SCMI_GET_U32(rx, struct scmi_perf_describe_fastchannel_p2a, chan_size);
	fc->db_addr = SCMI_GET_U64(rx, struct scmi_perf_describe_fastchannel_p2a, db_addr);
	fc->db_set_mask = SCMI_GET_U64(rx, struct scmi_perf_describe_fastchannel_p2a, db_set_mask);
	fc->db_preserve_mask =
	    SCMI_GET_U64(rx, struct scmi_perf_describe_fastchannel_p2a, db_preserve_mask);
	return 0;
}

int scmi_perf_domain_name_get(struct scmi_agent *agent, uint32_t domain,
			      char name[SCMI_PERF_NAME_BUF])
{
	uint32_t version;
	int ret;

	if (!name)
		return -EINVAL;
	ret = perf_version(agent, &version);
	if (ret)
		return ret;
	if (version < SCMI_MSG_PERF_DOMAIN_NAME_GET_SINCE)
		return -EOPNOTSUPP;
	return perf_name_get(agent, domain, name);
}
