// SPDX-License-Identifier: BSD-3-Clause
/*
 * Voltage domain protocol (0x17) client. Every reply is checked against the
 * length its fields need, and the DESCRIBE_LEVELS walk against its own
 * counts: a malformed reply is -EPROTO, never read past or looped on.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/proto/voltage.h"
#include "scmi/voltage.h"

static int voltage_xfer(const struct scmi_voltage *v, uint8_t msg_id, const void *tx, size_t tx_len,
			void *rx, size_t rx_need)
{
	if (!v)
		return -EINVAL;
	return scmi_proto_xfer(v->agent, SCMI_PROTOCOL_VOLTAGE, msg_id, tx, tx_len, rx, rx_need);
}

int scmi_voltage_init(struct scmi_voltage *v, struct scmi_agent *agent)
{
	uint32_t attr;
	int ret;

	if (!v || !agent)
		return -EINVAL;
	memset(v, 0, sizeof(*v));
	v->agent = agent;
	ret = scmi_proto_init(agent, SCMI_PROTOCOL_VOLTAGE, SCMI_VOLTAGE_CLIENT_VERSION, NULL,
			      &v->version, &attr);
	if (ret)
		return ret;
	v->num_domains = SCMI_VOLTAGE_PA_NUM_DOMAINS(attr);
	return 0;
}

int scmi_voltage_domain_name(const struct scmi_voltage *v, uint32_t id,
			     char name[SCMI_EXT_NAME_SIZE + 1])
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];

	if (!v || !name)
		return -EINVAL;
	if (v->version < SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET_SINCE)
		return -EOPNOTSUPP;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	return scmi_proto_name_get(v->agent, SCMI_PROTOCOL_VOLTAGE,
				   SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, tx, sizeof(tx), name,
				   SCMI_EXT_NAME_SIZE + 1);
}

int scmi_voltage_domain_attributes(const struct scmi_voltage *v, uint32_t id,
				   struct scmi_voltage_domain_info *info)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];
	uint8_t rx[sizeof(struct scmi_voltage_domain_attributes_p2a)];
	uint32_t attr;
	int ret;

	if (!info)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	ret = voltage_xfer(v, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	memset(info, 0, sizeof(*info));
	attr = SCMI_GET_U32(rx, struct scmi_voltage_domain_attributes_p2a, attributes);
	info->async = attr & SCMI_VOLTAGE_ATTR_ASYNC;
	scmi_proto_copy_name(info->name, sizeof(info->name),
			     SCMI_FIELD_PTR(rx, struct scmi_voltage_domain_attributes_p2a, name),
			     SCMI_FIELD_SIZE(struct scmi_voltage_domain_attributes_p2a, name));
	/* The bit means nothing before 2.0; a failed NAME_GET keeps the short name. */
	if (v->version >= SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET_SINCE &&
	    (attr & SCMI_VOLTAGE_ATTR_EXT_NAME))
		info->ext_name = !scmi_voltage_domain_name(v, id, info->name);
	return 0;
}

int scmi_voltage_describe_levels_page(const struct scmi_voltage *v, uint32_t id, uint32_t index,
				      struct scmi_voltage_levels_page *page)
{
	const size_t head = sizeof(struct scmi_voltage_describe_levels_p2a);
	const size_t entry = SCMI_FIELD_SIZE(struct scmi_voltage_describe_levels_p2a, levels[0]);
	uint8_t tx[sizeof(struct scmi_voltage_describe_levels_a2p)], rx[SCMI_DT_MAX_MSG_SIZE];
	size_t rx_max, rx_len = 0;
	uint32_t flags, i;
	int ret;

	if (!v || !v->agent || !page)
		return -EINVAL;
	rx_max = scmi_agent_max_msg_size(v->agent);
	if (rx_max > sizeof(rx))
		rx_max = sizeof(rx);
	SCMI_PUT_U32(tx, struct scmi_voltage_describe_levels_a2p, domain_id, id);
	SCMI_PUT_U32(tx, struct scmi_voltage_describe_levels_a2p, level_index, index);
	ret = scmi_xfer(v->agent, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, tx,
			sizeof(tx), rx, rx_max, &rx_len, NULL);
	if (ret)
		return ret;
	if (rx_len < head)
		goto err_proto;
	flags = SCMI_GET_U32(rx, struct scmi_voltage_describe_levels_p2a, flags);
	page->segmented = flags & SCMI_VOLTAGE_LEVELS_SEGMENTED;
	page->returned = SCMI_VOLTAGE_LEVELS_RETURNED(flags);
	page->remaining = SCMI_VOLTAGE_LEVELS_REMAINING(flags);
	if (page->returned > (rx_len - head) / entry ||
	    page->returned > sizeof(page->levels) / sizeof(page->levels[0]))
		goto err_proto;
	/* Linux's rule: a segment is exactly three levels, nothing remaining. */
	if (page->segmented &&
	    (page->returned != SCMI_VOLTAGE_LEVELS_SEGMENT_COUNT || page->remaining))
		goto err_proto;
	for (i = 0; i < page->returned; i++)
		page->levels[i] = (int32_t)scmi_get_le32(rx + head + entry * (size_t)i);
	return 0;

err_proto:
	scmi_agent_set_error(v->agent, "VOLTAGE_DESCRIBE_LEVELS: malformed reply (%zu bytes)",
			     rx_len);
	return -EPROTO;
}

int scmi_voltage_describe_levels(const struct scmi_voltage *v, uint32_t id,
				 struct scmi_voltage_levels *levels)
{
	struct scmi_voltage_levels_page page;
	uint32_t expect = 0;
	bool first = true;
	int ret;

	if (!levels)
		return -EINVAL;
	memset(levels, 0, sizeof(*levels));
	for (;;) {
		ret = scmi_voltage_describe_levels_page(v, id, (uint32_t)levels->count, &page);
		if (ret)
			return ret;
		if (page.segmented) {
			if (!first)
				goto err_proto;
			levels->segmented = true;
			memcpy(levels->levels, page.levels,
			       SCMI_VOLTAGE_LEVELS_SEGMENT_COUNT * sizeof(page.levels[0]));
			levels->count = SCMI_VOLTAGE_LEVELS_SEGMENT_COUNT;
			return 0;
		}
		/*
		 * Each page must return something while levels remain, and its remaining
		 * count must be the previous one less what it returned: that bounds the walk.
		 */
		if ((!page.returned && page.remaining) ||
		    (!first && page.returned + page.remaining != expect) ||
		    levels->count + page.returned > SCMI_VOLTAGE_MAX_LEVELS)
			goto err_proto;
		memcpy(levels->levels + levels->count, page.levels,
		       page.returned * sizeof(page.levels[0]));
		levels->count += page.returned;
		if (!page.remaining)
			return 0;
		expect = page.remaining;
		first = false;
	}

err_proto:
	scmi_agent_set_error(v->agent, "VOLTAGE_DESCRIBE_LEVELS: inconsistent counts at level %zu",
			     levels->count);
	return -EPROTO;
}

int scmi_voltage_config_set(const struct scmi_voltage *v, uint32_t id, uint32_t mode)
{
	uint8_t tx[sizeof(struct scmi_voltage_config_set_a2p)];

	SCMI_PUT_U32(tx, struct scmi_voltage_config_set_a2p, domain_id, id);
	SCMI_PUT_U32(tx, struct scmi_voltage_config_set_a2p, config, mode);
	return voltage_xfer(v, SCMI_MSG_VOLTAGE_CONFIG_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_voltage_config_get(const struct scmi_voltage *v, uint32_t id, uint32_t *mode)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)], rx[sizeof(struct scmi_voltage_config_get_p2a)];
	int ret;

	if (!mode)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	ret = voltage_xfer(v, SCMI_MSG_VOLTAGE_CONFIG_GET, tx, sizeof(tx), rx, sizeof(rx));
	if (!ret)
		*mode = SCMI_GET_U32(rx, struct scmi_voltage_config_get_p2a, config) &
			SCMI_VOLTAGE_CONFIG_MASK;
	return ret;
}

int scmi_voltage_level_set(const struct scmi_voltage *v, uint32_t id, int32_t uv)
{
	uint8_t tx[sizeof(struct scmi_voltage_level_set_a2p)];

	/* Synchronous: no flags. */
	SCMI_PUT_U32(tx, struct scmi_voltage_level_set_a2p, domain_id, id);
	SCMI_PUT_U32(tx, struct scmi_voltage_level_set_a2p, flags, 0);
	SCMI_PUT_U32(tx, struct scmi_voltage_level_set_a2p, voltage_level, (uint32_t)uv);
	return voltage_xfer(v, SCMI_MSG_VOLTAGE_LEVEL_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_voltage_level_get(const struct scmi_voltage *v, uint32_t id, int32_t *uv)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)], rx[sizeof(struct scmi_voltage_level_get_p2a)];
	int ret;

	if (!uv)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	ret = voltage_xfer(v, SCMI_MSG_VOLTAGE_LEVEL_GET, tx, sizeof(tx), rx, sizeof(rx));
	if (!ret)
		*uv = (int32_t)SCMI_GET_U32(rx, struct scmi_voltage_level_get_p2a, voltage_level);
	return ret;
}
