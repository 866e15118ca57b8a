// SPDX-License-Identifier: BSD-3-Clause
/* System power protocol (0x12) client. */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/proto/endian.h"
#include "scmi/system.h"

#define SYSTEM_MSG_STATE_SET	0x3u
#define SYSTEM_MSG_STATE_GET	0x4u
#define SYSTEM_MSG_STATE_NOTIFY 0x5u

#define SYSTEM_ATTR_WARM_RESET	(1u << 31)
#define SYSTEM_ATTR_SUSPEND	(1u << 30)

static const char *const state_names[] = {
    "shutdown", "cold-reset", "warm-reset", "power-up", "suspend",
};

int scmi_system_open(struct scmi_agent *agent, struct scmi_system *sys)
{
	if (!agent || !sys)
		return -EINVAL;
	memset(sys, 0, sizeof(*sys));
	sys->agent = agent;
	return scmi_proto_version(agent, SCMI_PROTOCOL_SYSTEM, SCMI_SYSTEM_VERSION_SUPPORTED,
				  &sys->platform_version, &sys->version);
}

int scmi_system_capabilities(struct scmi_system *sys, bool *warm_reset, bool *suspend)
{
	uint32_t attr;
	int ret;

	if (!sys || !sys->agent)
		return -EINVAL;
	ret = scmi_protocol_message_attributes(sys->agent, SCMI_PROTOCOL_SYSTEM,
					       SYSTEM_MSG_STATE_SET, &attr);
	if (ret)
		return ret;
	if (warm_reset)
		*warm_reset = attr & SYSTEM_ATTR_WARM_RESET;
	if (suspend)
		*suspend = attr & SYSTEM_ATTR_SUSPEND;
	return 0;
}

int scmi_system_state_set(struct scmi_system *sys, uint32_t state, bool graceful)
{
	uint8_t tx[8];

	if (!sys || !sys->agent)
		return -EINVAL;
	scmi_put_le32(tx, graceful ? 1u : 0u);
	scmi_put_le32(tx + 4, state);
	return scmi_xfer(sys->agent, SCMI_PROTOCOL_SYSTEM, SYSTEM_MSG_STATE_SET, tx, sizeof(tx),
			 NULL, 0, NULL, NULL);
}

int scmi_system_state_get(struct scmi_system *sys, uint32_t *state)
{
	uint8_t rx[4];
	size_t rx_len = 0;
	int ret;

	if (!sys || !sys->agent || !state)
		return -EINVAL;
	ret = scmi_xfer(sys->agent, SCMI_PROTOCOL_SYSTEM, SYSTEM_MSG_STATE_GET, NULL, 0, rx,
			sizeof(rx), &rx_len, NULL);
	if (ret)
		return ret;
	if (rx_len < sizeof(rx)) {
		scmi_agent_set_error(sys->agent, "SYSTEM_POWER_STATE_GET: short reply (%zu bytes)",
				     rx_len);
		return -EPROTO;
	}
	*state = scmi_get_le32(rx);
	return 0;
}

int scmi_system_state_notify(struct scmi_system *sys, bool enable)
{
	uint8_t tx[4];

	if (!sys || !sys->agent)
		return -EINVAL;
	scmi_put_le32(tx, enable ? 1u : 0u);
	return scmi_xfer(sys->agent, SCMI_PROTOCOL_SYSTEM, SYSTEM_MSG_STATE_NOTIFY, tx, sizeof(tx),
			 NULL, 0, NULL, NULL);
}

int scmi_system_parse_notifier(uint32_t version, const void *payload, size_t len,
			       struct scmi_system_notifier *out)
{
	const uint8_t *p = payload;
	bool v2 = version >= 0x20000u;

	if (!payload || !out)
		return -EINVAL;
	if (len != (v2 ? 16u : 12u))
		return -EPROTO;
	memset(out, 0, sizeof(*out));
	out->agent_id = scmi_get_le32(p);
	out->graceful = scmi_get_le32(p + 4) & 1u;
	out->state = scmi_get_le32(p + 8);
	if (v2) {
		out->has_timeout = true;
		out->timeout = scmi_get_le32(p + 12);
	}
	return 0;
}

const char *scmi_system_state_name(uint32_t state)
{
	if (state < sizeof(state_names) / sizeof(state_names[0]))
		return state_names[state];
	return "unknown";
}

int scmi_system_state_parse(const char *name, uint32_t *state)
{
	uint32_t i;

	if (!name || !state)
		return -EINVAL;
	for (i = 0; i < sizeof(state_names) / sizeof(state_names[0]); i++) {
		if (!strcmp(name, state_names[i])) {
			*state = i;
			return 0;
		}
	}
	return -EINVAL;
}
