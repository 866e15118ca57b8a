// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reset domain protocol (0x16) client. Every reply is checked against the
 * length its fields need: a shorter one is -EPROTO, never read past.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/proto/endian.h"
#include "scmi/reset.h"

#define RESET_DOMAIN_ATTRIBUTES 0x3
#define RESET_RESET		0x4
#define RESET_NOTIFY		0x5
#define RESET_DOMAIN_NAME_GET	0x6

#define RESET_FLAG_AUTONOMOUS	(1u << 0)
#define RESET_FLAG_ASSERT	(1u << 1)

#define RESET_ATTR_ASYNC	(1u << 31)
#define RESET_ATTR_NOTIFY	(1u << 30)
#define RESET_ATTR_EXT_NAME	(1u << 29)

#define RESET_LATENCY_UNKNOWN	0xffffffffu

static int reset_xfer(const struct scmi_reset *r, uint8_t msg_id, const void *tx, size_t tx_len,
		      void *rx, size_t rx_need)
{
	if (!r)
		return -EINVAL;
	return scmi_proto_xfer(r->agent, SCMI_PROTOCOL_RESET, msg_id, tx, tx_len, rx, rx_need);
}

int scmi_reset_init(struct scmi_reset *r, struct scmi_agent *agent)
{
	uint32_t attr;
	int ret;

	if (!r || !agent)
		return -EINVAL;
	memset(r, 0, sizeof(*r));
	r->agent = agent;
	ret = scmi_proto_init(agent, SCMI_PROTOCOL_RESET, SCMI_RESET_CLIENT_VERSION, NULL,
			      &r->version, &attr);
	if (ret)
		return ret;
	r->num_domains = attr & 0xffffu;
	return 0;
}

int scmi_reset_domain_name(const struct scmi_reset *r, uint32_t id,
			   char name[SCMI_EXT_NAME_SIZE + 1])
{
	uint8_t tx[4];

	if (!r || !name)
		return -EINVAL;
	if (r->version < SCMI_VERSION(3, 0))
		return -EOPNOTSUPP;
	scmi_put_le32(tx, id);
	return scmi_proto_name_get(r->agent, SCMI_PROTOCOL_RESET, RESET_DOMAIN_NAME_GET, tx,
				   sizeof(tx), name, SCMI_EXT_NAME_SIZE + 1);
}

int scmi_reset_domain_attributes(const struct scmi_reset *r, uint32_t id,
				 struct scmi_reset_domain_info *info)
{
	uint8_t tx[4], rx[8 + SCMI_SHORT_NAME_SIZE];
	uint32_t attr;
	int ret;

	if (!info)
		return -EINVAL;
	scmi_put_le32(tx, id);
	ret = reset_xfer(r, RESET_DOMAIN_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	memset(info, 0, sizeof(*info));
	attr = scmi_get_le32(rx);
	info->async = attr & RESET_ATTR_ASYNC;
	info->notify = attr & RESET_ATTR_NOTIFY;
	info->latency_us = scmi_get_le32(rx + 4);
	info->latency_known = info->latency_us != RESET_LATENCY_UNKNOWN;
	if (!info->latency_known)
		info->latency_us = 0;
	scmi_proto_copy_name(info->name, sizeof(info->name), rx + 8, SCMI_SHORT_NAME_SIZE);
	/* The bit means nothing before 3.0; a failed NAME_GET keeps the short name. */
	if (r->version >= SCMI_VERSION(3, 0) && (attr & RESET_ATTR_EXT_NAME))
		info->ext_name = !scmi_reset_domain_name(r, id, info->name);
	return 0;
}

int scmi_reset_reset(const struct scmi_reset *r, uint32_t id, uint32_t flags, uint32_t reset_state)
{
	uint8_t tx[12];

	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, flags);
	scmi_put_le32(tx + 8, reset_state);
	return reset_xfer(r, RESET_RESET, tx, sizeof(tx), NULL, 0);
}

int scmi_reset_autonomous(const struct scmi_reset *r, uint32_t id, uint32_t reset_state)
{
	return scmi_reset_reset(r, id, RESET_FLAG_AUTONOMOUS, reset_state);
}

int scmi_reset_assert(const struct scmi_reset *r, uint32_t id)
{
	return scmi_reset_reset(r, id, RESET_FLAG_ASSERT, SCMI_RESET_STATE_COLD_RESET);
}

int scmi_reset_deassert(const struct scmi_reset *r, uint32_t id)
{
	return scmi_reset_reset(r, id, 0, SCMI_RESET_STATE_COLD_RESET);
}

int scmi_reset_notify(const struct scmi_reset *r, uint32_t id, bool enable)
{
	uint8_t tx[8];

	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, enable ? 1u : 0u);
	return reset_xfer(r, RESET_NOTIFY, tx, sizeof(tx), NULL, 0);
}
