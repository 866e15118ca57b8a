// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reset domain protocol (0x16) client. Every reply is checked against the
 * length its fields need: a shorter one is -EPROTO, never read past.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
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
	size_t rx_len = 0;
	int ret;

	if (!r || !r->agent)
		return -EINVAL;
	ret = scmi_xfer(r->agent, SCMI_PROTOCOL_RESET, msg_id, tx, tx_len, rx, rx_need, &rx_len,
			NULL);
	if (ret)
		return ret;
	if (rx_len < rx_need) {
		scmi_agent_set_error(r->agent,
				     "protocol 0x16 message 0x%02x: short reply (%zu of %zu bytes)",
				     msg_id, rx_len, rx_need);
		return -EPROTO;
	}
	return 0;
}

int scmi_reset_init(struct scmi_reset *r, struct scmi_agent *agent)
{
	uint32_t version, attr;
	int ret;

	if (!r || !agent)
		return -EINVAL;
	memset(r, 0, sizeof(*r));
	r->agent = agent;
	ret = scmi_protocol_version(agent, SCMI_PROTOCOL_RESET, &version);
	if (ret)
		return ret;
	if (version > SCMI_RESET_CLIENT_VERSION) {
		/* As Linux: ask to speak our version; if refused, speak it anyway. */
		if (!scmi_protocol_message_attributes(agent, SCMI_PROTOCOL_RESET,
						      SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, &attr))
			scmi_protocol_negotiate_version(agent, SCMI_PROTOCOL_RESET,
							SCMI_RESET_CLIENT_VERSION);
		version = SCMI_RESET_CLIENT_VERSION;
	}
	r->version = version;
	ret = scmi_protocol_attributes(agent, SCMI_PROTOCOL_RESET, &attr);
	if (ret)
		return ret;
	r->num_domains = attr & 0xffffu;
	return 0;
}

static void copy_name(char *dst, size_t dst_size, const uint8_t *src, size_t src_size)
{
	size_t n = strnlen((const char *)src, src_size);

	if (n >= dst_size)
		n = dst_size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

int scmi_reset_domain_name(const struct scmi_reset *r, uint32_t id,
			   char name[SCMI_EXT_NAME_SIZE + 1])
{
	uint8_t tx[4], rx[4 + SCMI_EXT_NAME_SIZE];
	int ret;

	if (!r || !name)
		return -EINVAL;
	if (r->version < SCMI_VERSION(3, 0))
		return -EOPNOTSUPP;
	scmi_put_le32(tx, id);
	ret = reset_xfer(r, RESET_DOMAIN_NAME_GET, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	copy_name(name, SCMI_EXT_NAME_SIZE + 1, rx + 4, SCMI_EXT_NAME_SIZE);
	return 0;
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
	copy_name(info->name, sizeof(info->name), rx + 8, SCMI_SHORT_NAME_SIZE);
	/* The bit means nothing before 3.0; as Linux, a failed NAME_GET keeps the short name. */
	if (r->version >= SCMI_VERSION(3, 0) && (attr & RESET_ATTR_EXT_NAME)) {
		char name[SCMI_EXT_NAME_SIZE + 1];

		if (!scmi_reset_domain_name(r, id, name)) {
			memcpy(info->name, name, sizeof(name));
			info->ext_name = true;
		}
	}
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
