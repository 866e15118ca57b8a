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
#include "scmi/proto/endian.h"

#define POWER_MSG_DOMAIN_ATTRIBUTES	  0x3u
#define POWER_MSG_STATE_SET		  0x4u
#define POWER_MSG_STATE_GET		  0x5u
#define POWER_MSG_STATE_NOTIFY		  0x6u
#define POWER_MSG_STATE_CHANGE_REQ_NOTIFY 0x7u
#define POWER_MSG_DOMAIN_NAME_GET	  0x8u

#define POWER_ATTR_NOTIFY		  (1u << 31)
#define POWER_ATTR_ASYNC		  (1u << 30)
#define POWER_ATTR_SYNC			  (1u << 29)
#define POWER_ATTR_REQ_NOTIFY		  (1u << 28)
#define POWER_ATTR_EXT_NAME		  (1u << 27)

static int power_xfer(struct scmi_power *pw, uint8_t msg_id, const void *tx, size_t tx_len,
		      void *rx, size_t rx_need)
{
	if (!pw)
		return -EINVAL;
	return scmi_proto_xfer(pw->agent, SCMI_PROTOCOL_POWER, msg_id, tx, tx_len, rx, rx_need);
}

static int power_xfer_u32(struct scmi_power *pw, uint8_t msg_id, const uint32_t *args,
			  size_t n_args, uint32_t *out, size_t n_out)
{
	if (!pw)
		return -EINVAL;
	return scmi_proto_xfer_u32(pw->agent, SCMI_PROTOCOL_POWER, msg_id, args, n_args, out,
				   n_out);
}

int scmi_power_open(struct scmi_agent *agent, struct scmi_power *pw)
{
	uint8_t rx[16];
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
	pw->num_domains = scmi_get_le32(rx) & 0xffffu;
	pw->stats_addr = scmi_get_le32(rx + 4) | ((uint64_t)scmi_get_le32(rx + 8) << 32);
	pw->stats_size = scmi_get_le32(rx + 12);
	return 0;
}

int scmi_power_domain_name_get(struct scmi_power *pw, uint32_t id, char name[SCMI_POWER_NAME_SIZE])
{
	uint8_t tx[4];

	if (!pw || !name)
		return -EINVAL;
	if (pw->version < 0x30000u)
		return -EOPNOTSUPP;
	scmi_put_le32(tx, id);
	return scmi_proto_name_get(pw->agent, SCMI_PROTOCOL_POWER, POWER_MSG_DOMAIN_NAME_GET, tx,
				   sizeof(tx), name, SCMI_POWER_NAME_SIZE);
}

int scmi_power_domain_attributes(struct scmi_power *pw, uint32_t id, struct scmi_power_domain *out)
{
	uint8_t tx[4], rx[4 + SCMI_SHORT_NAME_SIZE];
	uint32_t attr;
	int ret;

	if (!pw || !out)
		return -EINVAL;
	scmi_put_le32(tx, id);
	ret = power_xfer(pw, POWER_MSG_DOMAIN_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	memset(out, 0, sizeof(*out));
	attr = scmi_get_le32(rx);
	out->id = id;
	out->attributes = attr;
	out->notify = attr & POWER_ATTR_NOTIFY;
	out->async = attr & POWER_ATTR_ASYNC;
	out->sync = attr & POWER_ATTR_SYNC;
	out->req_notify = attr & POWER_ATTR_REQ_NOTIFY;
	/* The extended-name bit means nothing before 3.0, whatever a platform sets. */
	out->ext_name = (attr & POWER_ATTR_EXT_NAME) && pw->version >= 0x30000u;
	scmi_proto_copy_name(out->name, SCMI_SHORT_NAME_SIZE, rx + 4, SCMI_SHORT_NAME_SIZE);
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
	const uint32_t tx[] = {async ? 1u : 0u, id, state};

	return power_xfer_u32(pw, POWER_MSG_STATE_SET, tx, 3, NULL, 0);
}

int scmi_power_state_get(struct scmi_power *pw, uint32_t id, uint32_t *state)
{
	if (!state)
		return -EINVAL;
	return power_xfer_u32(pw, POWER_MSG_STATE_GET, &id, 1, state, 1);
}

static int power_notify(struct scmi_power *pw, uint8_t msg_id, uint32_t id, bool enable)
{
	const uint32_t tx[] = {id, enable ? 1u : 0u};

	return power_xfer_u32(pw, msg_id, tx, 2, NULL, 0);
}

int scmi_power_state_notify(struct scmi_power *pw, uint32_t id, bool enable)
{
	return power_notify(pw, POWER_MSG_STATE_NOTIFY, id, enable);
}

int scmi_power_state_change_requested_notify(struct scmi_power *pw, uint32_t id, bool enable)
{
	return power_notify(pw, POWER_MSG_STATE_CHANGE_REQ_NOTIFY, id, enable);
}

char *scmi_power_state_name(uint32_t state, char *buf, size_t len)
{
	if (!buf || !len)
		return buf;
	if (state == SCMI_POWER_ON)
		snprintf(buf, len, "on");
	else if (state == SCMI_POWER_OFF)
		snprintf(buf, len, "off");
	else if (state & SCMI_POWER_CTX_LOST)
		snprintf(buf, len, "off:0x%" PRIx32, state & ~SCMI_POWER_CTX_LOST);
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
		*state = SCMI_POWER_ON;
		return 0;
	}
	if (!strcmp(s, "off")) {
		*state = SCMI_POWER_OFF;
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
