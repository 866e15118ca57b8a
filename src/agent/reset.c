// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reset domain protocol (0x16) client. Every reply is checked against the
 * length its fields need: a shorter one is -EPROTO, never read past.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/proto/reset.h"
#include "scmi/reset.h"

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
	r->num_domains = SCMI_RESET_PA_NUM_DOMAINS(attr);
	return 0;
}

int scmi_reset_domain_name(const struct scmi_reset *r, uint32_t id,
			   char name[SCMI_EXT_NAME_SIZE + 1])
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];

	if (!r || !name)
		return -EINVAL;
	if (r->version < SCMI_MSG_RESET_DOMAIN_NAME_GET_SINCE)
		return -EOPNOTSUPP;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	return scmi_proto_name_get(r->agent, SCMI_PROTOCOL_RESET, SCMI_MSG_RESET_DOMAIN_NAME_GET,
				   tx, sizeof(tx), name, SCMI_EXT_NAME_SIZE + 1);
}

int scmi_reset_domain_attributes(const struct scmi_reset *r, uint32_t id,
				 struct scmi_reset_domain_info *info)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];
	uint8_t rx[sizeof(struct scmi_reset_domain_attributes_p2a)];
	uint32_t attr;
	int ret;

	if (!info)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	ret = reset_xfer(r, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	memset(info, 0, sizeof(*info));
	attr = SCMI_GET_U32(rx, struct scmi_reset_domain_attributes_p2a, attributes);
	info->async = attr & SCMI_RESET_ATTR_ASYNC;
	info->notify = attr & SCMI_RESET_ATTR_NOTIFY;
	info->latency_us = SCMI_GET_U32(rx, struct scmi_reset_domain_attributes_p2a, latency);
	info->latency_known = info->latency_us != SCMI_RESET_LATENCY_UNKNOWN;
	if (!info->latency_known)
		info->latency_us = 0;
	scmi_proto_copy_name(info->name, sizeof(info->name),
			     SCMI_FIELD_PTR(rx, struct scmi_reset_domain_attributes_p2a, name),
			     SCMI_FIELD_SIZE(struct scmi_reset_domain_attributes_p2a, name));
	/* The bit means nothing before 3.0; a failed NAME_GET keeps the short name. */
	if (r->version >= SCMI_MSG_RESET_DOMAIN_NAME_GET_SINCE && (attr & SCMI_RESET_ATTR_EXT_NAME))
		info->ext_name = !scmi_reset_domain_name(r, id, info->name);
	return 0;
}

int scmi_reset_reset(const struct scmi_reset *r, uint32_t id, uint32_t flags, uint32_t reset_state)
{
	uint8_t tx[sizeof(struct scmi_reset_a2p)];

	SCMI_PUT_U32(tx, struct scmi_reset_a2p, domain_id, id);
	SCMI_PUT_U32(tx, struct scmi_reset_a2p, flags, flags);
	SCMI_PUT_U32(tx, struct scmi_reset_a2p, reset_state, reset_state);
	return reset_xfer(r, SCMI_MSG_RESET, tx, sizeof(tx), NULL, 0);
}

int scmi_reset_autonomous(const struct scmi_reset *r, uint32_t id, uint32_t reset_state)
{
	return scmi_reset_reset(r, id, SCMI_RESET_FLAG_AUTONOMOUS, reset_state);
}

int scmi_reset_assert(const struct scmi_reset *r, uint32_t id)
{
	return scmi_reset_reset(r, id, SCMI_RESET_FLAG_ASSERT, SCMI_RESET_STATE_COLD_RESET);
}

int scmi_reset_deassert(const struct scmi_reset *r, uint32_t id)
{
	return scmi_reset_reset(r, id, 0, SCMI_RESET_STATE_COLD_RESET);
}

int scmi_reset_notify(const struct scmi_reset *r, uint32_t id, bool enable)
{
	uint8_t tx[sizeof(struct scmi_notify_a2p)];

	SCMI_PUT_U32(tx, struct scmi_notify_a2p, id, id);
	SCMI_PUT_U32(tx, struct scmi_notify_a2p, notify_enable, enable ? SCMI_NOTIFY_ENABLE : 0u);
	return reset_xfer(r, SCMI_MSG_RESET_NOTIFY, tx, sizeof(tx), NULL, 0);
}
