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
#include "scmi/proto/endian.h"

#define PERF_ENTRY_V1 12u
#define PERF_ENTRY_V4 20u

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
	uint8_t rx[16];
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
	attr = scmi_get_le32(rx);
	info->num_domains = attr & 0xffffu;
	info->power_mw = (attr >> 16) & 1u;
	info->power_uw = SCMI_VERSION_MAJOR(info->version) >= 3 && ((attr >> 17) & 1u);
	info->stats_addr = (uint64_t)scmi_get_le32(rx + 4) | (uint64_t)scmi_get_le32(rx + 8) << 32;
	info->stats_size = scmi_get_le32(rx + 12);
	return 0;
}

static int perf_name_get(struct scmi_agent *agent, uint32_t domain, char name[SCMI_PERF_NAME_BUF])
{
	uint8_t tx[4];

	scmi_put_le32(tx, domain);
	return scmi_proto_name_get(agent, SCMI_PROTOCOL_PERF, SCMI_PERF_DOMAIN_NAME_GET, tx,
				   sizeof(tx), name, SCMI_PERF_NAME_BUF);
}

int scmi_perf_domain_attributes(struct scmi_agent *agent, uint32_t domain,
				struct scmi_perf_domain_info *info)
{
	uint8_t tx[4], rx[16 + SCMI_SHORT_NAME_SIZE];
	uint32_t attr, version;
	int ret;

	if (!info)
		return -EINVAL;
	memset(info, 0, sizeof(*info));
	ret = perf_version(agent, &version);
	if (ret)
		return ret;
	scmi_put_le32(tx, domain);
	ret = perf_xfer(agent, SCMI_PERF_DOMAIN_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	attr = scmi_get_le32(rx);
	info->set_limits = (attr >> 31) & 1u;
	info->set_level = (attr >> 30) & 1u;
	info->notify_limits = (attr >> 29) & 1u;
	info->notify_level = (attr >> 28) & 1u;
	info->fastchannels = SCMI_VERSION_MAJOR(version) >= 2 && ((attr >> 27) & 1u);
	info->level_indexing = SCMI_VERSION_MAJOR(version) >= 4 && ((attr >> 25) & 1u);
	info->rate_limit_us = scmi_get_le32(rx + 4) & 0xfffffu;
	info->sustained_freq_khz = scmi_get_le32(rx + 8);
	info->sustained_level = scmi_get_le32(rx + 12);
	scmi_proto_copy_name(info->name, SCMI_SHORT_NAME_SIZE, rx + 16, SCMI_SHORT_NAME_SIZE);
	/* As Linux: the extended name is a bonus; failing to get it keeps the short one. */
	if (SCMI_VERSION_MAJOR(version) >= 3 && ((attr >> 26) & 1u))
		info->extended_name = !perf_name_get(agent, domain, info->name);
	return 0;
}

static int levels_page(struct scmi_agent *agent, uint32_t version, uint32_t domain, uint32_t first,
		       struct scmi_perf_level *levels, size_t max, uint32_t *returned,
		       uint32_t *remaining)
{
	uint8_t tx[8], rx[SCMI_DT_MAX_MSG_SIZE];
	size_t rx_max, rx_len, entry, i;
	uint32_t word;
	int ret;

	entry = SCMI_VERSION_MAJOR(version) >= 4 ? PERF_ENTRY_V4 : PERF_ENTRY_V1;
	rx_max = scmi_agent_max_msg_size(agent);
	if (rx_max > sizeof(rx))
		rx_max = sizeof(rx);
	scmi_put_le32(tx, domain);
	scmi_put_le32(tx + 4, first);
	ret = scmi_xfer(agent, SCMI_PROTOCOL_PERF, SCMI_PERF_DESCRIBE_LEVELS, tx, sizeof(tx), rx,
			rx_max, &rx_len, NULL);
	if (ret)
		return ret;
	if (rx_len < 4) {
		scmi_agent_set_error(agent, "DESCRIBE_LEVELS: short reply (%zu bytes)", rx_len);
		return -EPROTO;
	}
	word = scmi_get_le32(rx);
	*returned = word & 0xfffu;
	*remaining = word >> 16;
	if (4 + (size_t)*returned * entry > rx_len) {
		scmi_agent_set_error(agent, "DESCRIBE_LEVELS: %u levels claimed in %zu bytes",
				     *returned, rx_len);
		return -EPROTO;
	}
	for (i = 0; i < *returned && i < max; i++) {
		const uint8_t *e = rx + 4 + i * entry;

		levels[i].perf = scmi_get_le32(e);
		levels[i].power = scmi_get_le32(e + 4);
		levels[i].latency_us = scmi_get_le32(e + 8) & 0xffffu;
		if (entry == PERF_ENTRY_V4) {
			levels[i].freq_khz = scmi_get_le32(e + 12);
			levels[i].index = scmi_get_le32(e + 16);
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
	struct scmi_perf_level page[SCMI_DT_MAX_MSG_SIZE / PERF_ENTRY_V1];
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

int scmi_perf_limits_set(struct scmi_agent *agent, uint32_t domain, uint32_t max, uint32_t min)
{
	const uint32_t tx[] = {domain, max, min};

	return scmi_proto_xfer_u32(agent, SCMI_PROTOCOL_PERF, SCMI_PERF_LIMITS_SET, tx, 3, NULL, 0);
}

int scmi_perf_limits_get(struct scmi_agent *agent, uint32_t domain, uint32_t *max, uint32_t *min)
{
	uint32_t rx[2];
	int ret;

	ret =
	    scmi_proto_xfer_u32(agent, SCMI_PROTOCOL_PERF, SCMI_PERF_LIMITS_GET, &domain, 1, rx, 2);
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
	const uint32_t tx[] = {domain, level};

	return scmi_proto_xfer_u32(agent, SCMI_PROTOCOL_PERF, SCMI_PERF_LEVEL_SET, tx, 2, NULL, 0);
}

int scmi_perf_level_get(struct scmi_agent *agent, uint32_t domain, uint32_t *level)
{
	if (!level)
		return -EINVAL;
	return scmi_proto_xfer_u32(agent, SCMI_PROTOCOL_PERF, SCMI_PERF_LEVEL_GET, &domain, 1,
				   level, 1);
}

static int perf_notify(struct scmi_agent *agent, uint8_t msg_id, uint32_t domain, bool enable)
{
	const uint32_t tx[] = {domain, enable ? 1u : 0u};

	return scmi_proto_xfer_u32(agent, SCMI_PROTOCOL_PERF, msg_id, tx, 2, NULL, 0);
}

int scmi_perf_notify_limits(struct scmi_agent *agent, uint32_t domain, bool enable)
{
	return perf_notify(agent, SCMI_PERF_NOTIFY_LIMITS, domain, enable);
}

int scmi_perf_notify_level(struct scmi_agent *agent, uint32_t domain, bool enable)
{
	return perf_notify(agent, SCMI_PERF_NOTIFY_LEVEL, domain, enable);
}

int scmi_perf_describe_fastchannel(struct scmi_agent *agent, uint32_t domain, uint32_t msg_id,
				   struct scmi_perf_fastchannel *fc)
{
	uint8_t tx[8], rx[44];
	uint32_t version;
	int ret;

	if (!fc)
		return -EINVAL;
	ret = perf_version(agent, &version);
	if (ret)
		return ret;
	if (SCMI_VERSION_MAJOR(version) < 2)
		return -EOPNOTSUPP;
	scmi_put_le32(tx, domain);
	scmi_put_le32(tx + 4, msg_id);
	ret = perf_xfer(agent, SCMI_PERF_DESCRIBE_FASTCHANNEL, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	fc->attributes = scmi_get_le32(rx);
	fc->rate_limit_us = scmi_get_le32(rx + 4) & 0xfffffu;
	fc->chan_addr = (uint64_t)scmi_get_le32(rx + 8) | (uint64_t)scmi_get_le32(rx + 12) << 32;
	fc->chan_size = scmi_get_le32(rx + 16);
	fc->db_addr = (uint64_t)scmi_get_le32(rx + 20) | (uint64_t)scmi_get_le32(rx + 24) << 32;
	fc->db_set_mask = (uint64_t)scmi_get_le32(rx + 28) | (uint64_t)scmi_get_le32(rx + 32) << 32;
	fc->db_preserve_mask = (uint64_t)scmi_get_le32(rx + 36) | (uint64_t)scmi_get_le32(rx + 40)
								      << 32;
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
	if (SCMI_VERSION_MAJOR(version) < 3)
		return -EOPNOTSUPP;
	return perf_name_get(agent, domain, name);
}
