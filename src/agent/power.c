// SPDX-License-Identifier: BSD-3-Clause
/* Power domain protocol (0x11) client. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/power.h"
#include "scmi/proto/power.h"

static int power_xfer(struct scmi_power *pw, uint8_t msg_id, const void *tx, size_t tx_len,
		      void *rx, size_t rx_need)
{
	if (!pw)
		return -EINVAL;
	return scmi_proto_xfer(pw->agent, SCMI_PROTOCOL_POWER, msg_id, tx, tx_len, rx, rx_need);
}

int scmi_power_open(struct scmi_agent *agent, struct scmi_power *pw)
{
	uint8_t rx[sizeof(struct scmi_power_protocol_attributes_p2a)];
	int ret;

	if (!agent || !pw)
		return -EINVAL;
	memset(pw, 0, sizeof(*pw));
	pw->agent = agent;
	ret = scmi_proto_version(agent, SCMI_PROTOCOL_POWER, SCMI_POWER_VERSION_SUPPORTED,
				 &pw->platform_version, &pw->version);
	if (ret)
		return ret;
	ret = power_xfer(pw, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0, rx, sizeof(rx));
	if (ret)
		return ret;
	pw->num_domains = SCMI_POWER_PA_NUM_DOMAINS(
	    SCMI_GET_U32(rx, struct scmi_power_protocol_attributes_p2a, attributes));
	pw->stats_addr = SCMI_GET_U64(rx, struct scmi_power_protocol_attributes_p2a, stats_addr);
	pw->stats_size = SCMI_GET_U32(rx, struct scmi_power_protocol_attributes_p2a, stats_size);
	return 0;
}

int scmi_power_domain_name_get(struct scmi_power *pw, uint32_t id, char name[SCMI_POWER_NAME_SIZE])
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];

	if (!pw || !name)
		return -EINVAL;
	if (pw->version < SCMI_MSG_POWER_DOMAIN_NAME_GET_SINCE)
		return -EOPNOTSUPP;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	return scmi_proto_name_get(pw->agent, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_DOMAIN_NAME_GET,
				   tx, sizeof(tx), name, SCMI_POWER_NAME_SIZE);
}

int scmi_power_domain_attributes(struct scmi_power *pw, uint32_t id, struct scmi_power_domain *out)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];
	uint8_t rx[sizeof(struct scmi_power_domain_attributes_p2a)];
	uint32_t attr;
	int ret;

	if (!pw || !out)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	ret = power_xfer(pw, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	memset(out, 0, sizeof(*out));
	attr = SCMI_GET_U32(rx, struct scmi_power_domain_attributes_p2a, attributes);
	out->id = id;
	out->attributes = attr;
	out->notify = attr & SCMI_POWER_ATTR_NOTIFY;
	out->async = attr & SCMI_POWER_ATTR_ASYNC;
	out->sync = attr & SCMI_POWER_ATTR_SYNC;
	out->req_notify = attr & SCMI_POWER_ATTR_REQ_NOTIFY;
	/* The extended-name bit means nothing before 3.0, whatever a platform sets. */
	out->ext_name = (attr & SCMI_POWER_ATTR_EXT_NAME) &&
			pw->version >= SCMI_MSG_POWER_DOMAIN_NAME_GET_SINCE;
	scmi_proto_copy_name(out->name, SCMI_SHORT_NAME_SIZE,
			     SCMI_FIELD_PTR(rx, struct scmi_power_domain_attributes_p2a, name),
			     SCMI_FIELD_SIZE(struct scmi_power_domain_attributes_p2a, name));
	if (out->ext_name)
		(void)scmi_power_domain_name_get(pw, id, out->name);
	return 0;
}

int scmi_power_list(struct scmi_power *pw, struct scmi_power_domain *out, size_t max, size_t *count)
{
	uint32_t id;
	int ret;

	if (!pw || !count || (max && !out))
		return -EINVAL;
	*count = 0;
	/* num_domains is 16 bits: the walk is bounded by construction. */
	for (id = 0; id < pw->num_domains && *count < max; id++) {
		ret = scmi_power_domain_attributes(pw, id, &out[*count]);
		if (ret)
			return ret;
		(*count)++;
	}
	return 0;
}

int scmi_power_state_set(struct scmi_power *pw, uint32_t id, uint32_t state, bool async)
{
	uint8_t tx[sizeof(struct scmi_power_state_set_a2p)];

	SCMI_PUT_U32(tx, struct scmi_power_state_set_a2p, flags, async ? SCMI_POWER_SET_ASYNC : 0u);
	SCMI_PUT_U32(tx, struct scmi_power_state_set_a2p, domain_id, id);
	SCMI_PUT_U32(tx, struct scmi_power_state_set_a2p, power_state, state);
	return power_xfer(pw, SCMI_MSG_POWER_STATE_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_power_state_get(struct scmi_power *pw, uint32_t id, uint32_t *state)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)], rx[sizeof(struct scmi_power_state_get_p2a)];
	int ret;

	if (!state)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	ret = power_xfer(pw, SCMI_MSG_POWER_STATE_GET, tx, sizeof(tx), rx, sizeof(rx));
	if (!ret)
		*state = SCMI_GET_U32(rx, struct scmi_power_state_get_p2a, power_state);
	return ret;
}

static int power_notify(struct scmi_power *pw, uint8_t msg_id, uint32_t id, bool enable)
{
	uint8_t tx[sizeof(struct scmi_notify_a2p)];

	SCMI_PUT_U32(tx, struct scmi_notify_a2p, id, id);
	SCMI_PUT_U32(tx, struct scmi_notify_a2p, notify_enable, enable ? SCMI_NOTIFY_ENABLE : 0u);
	return power_xfer(pw, msg_id, tx, sizeof(tx), NULL, 0);
}

int scmi_power_state_notify(struct scmi_power *pw, uint32_t id, bool enable)
{
	return power_notify(pw, SCMI_MSG_POWER_STATE_NOTIFY, id, enable);
}

int scmi_power_state_change_requested_notify(struct scmi_power *pw, uint32_t id, bool enable)
{
	return power_notify(pw, SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY, id, enable);
}

char *scmi_power_state_name(uint32_t state, char *buf, size_t len)
{
	if (!buf || !len)
		return buf;
	if (state == SCMI_POWER_STATE_ON)
		snprintf(buf, len, "on");
	else if (state == SCMI_POWER_STATE_OFF)
		snprintf(buf, len, "off");
	else if (state & SCMI_POWER_STATE_TYPE_LOST)
		snprintf(buf, len, "off:0x%" PRIx32, state & ~SCMI_POWER_STATE_TYPE_LOST);
	else
		snprintf(buf, len, "ret:0x%" PRIx32, state);
	return buf;
}

int scmi_power_state_parse(const char *s, uint32_t *state)
{
	unsigned long long v;
	char *end;

	if (!s || !state || !s[0])
		return -EINVAL;
	if (!strcmp(s, "on")) {
		*state = SCMI_POWER_STATE_ON;
		return 0;
	}
	if (!strcmp(s, "off")) {
		*state = SCMI_POWER_STATE_OFF;
		return 0;
	}
	if (s[0] < '0' || s[0] > '9')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || v > UINT32_MAX)
		return -EINVAL;
	*state = (uint32_t)v;
	return 0;
}
