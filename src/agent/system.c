// SPDX-License-Identifier: BSD-3-Clause
/* System power protocol (0x12) client. */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/proto/system.h"
#include "scmi/system.h"

static const char *const state_names[SCMI_SYSTEM_STATE_COUNT] = {
    [SCMI_SYSTEM_STATE_SHUTDOWN] = "shutdown",	   [SCMI_SYSTEM_STATE_COLD_RESET] = "cold-reset",
    [SCMI_SYSTEM_STATE_WARM_RESET] = "warm-reset", [SCMI_SYSTEM_STATE_POWER_UP] = "power-up",
    [SCMI_SYSTEM_STATE_SUSPEND] = "suspend",
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
					       SCMI_MSG_SYSTEM_POWER_STATE_SET, &attr);
	if (ret)
		return ret;
	if (warm_reset)
		*warm_reset = attr & SCMI_SYSTEM_ATTR_WARM_RESET;
	if (suspend)
		*suspend = attr & SCMI_SYSTEM_ATTR_SUSPEND;
	return 0;
}

int scmi_system_state_set(struct scmi_system *sys, uint32_t state, bool graceful)
{
	uint8_t tx[sizeof(struct scmi_system_power_state_set_a2p)];

	if (!sys || !sys->agent)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_system_power_state_set_a2p, flags,
		     graceful ? SCMI_SYSTEM_FLAG_GRACEFUL : 0u);
	SCMI_PUT_U32(tx, struct scmi_system_power_state_set_a2p, system_state, state);
	return scmi_xfer(sys->agent, SCMI_PROTOCOL_SYSTEM, SCMI_MSG_SYSTEM_POWER_STATE_SET, tx,
			 sizeof(tx), NULL, 0, NULL, NULL);
}

int scmi_system_state_get(struct scmi_system *sys, uint32_t *state)
{
	uint8_t rx[sizeof(struct scmi_system_power_state_get_p2a)];
	size_t rx_len = 0;
	int ret;

	if (!sys || !sys->agent || !state)
		return -EINVAL;
	ret = scmi_xfer(sys->agent, SCMI_PROTOCOL_SYSTEM, SCMI_MSG_SYSTEM_POWER_STATE_GET, NULL, 0,
			rx, sizeof(rx), &rx_len, NULL);
	if (ret)
		return ret;
	if (rx_len < sizeof(rx)) {
		scmi_agent_set_error(sys->agent, "SYSTEM_POWER_STATE_GET: short reply (%zu bytes)",
				     rx_len);
		return -EPROTO;
	}
	*state = SCMI_GET_U32(rx, struct scmi_system_power_state_get_p2a, system_state);
	return 0;
}

int scmi_system_state_notify(struct scmi_system *sys, bool enable)
{
	uint8_t tx[sizeof(struct scmi_system_power_state_notify_a2p)];

	if (!sys || !sys->agent)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_system_power_state_notify_a2p, notify_enable,
		     enable ? SCMI_NOTIFY_ENABLE : 0u);
	return scmi_xfer(sys->agent, SCMI_PROTOCOL_SYSTEM, SCMI_MSG_SYSTEM_POWER_STATE_NOTIFY, tx,
			 sizeof(tx), NULL, 0, NULL, NULL);
}

int scmi_system_parse_notifier(uint32_t version, const void *payload, size_t len,
			       struct scmi_system_notifier *out)
{
	const uint8_t *p = payload;
	bool v2 = version >= SCMI_SYSTEM_VERSION_2_0;

	if (!payload || !out)
		return -EINVAL;
	if (len != (v2 ? sizeof(struct scmi_system_power_state_notifier_evt)
		       : SCMI_SYSTEM_POWER_STATE_NOTIFIER_V1_SIZE))
		return -EPROTO;
	memset(out, 0, sizeof(*out));
	out->agent_id = SCMI_GET_U32(p, struct scmi_system_power_state_notifier_evt, agent_id);
	out->graceful = SCMI_GET_U32(p, struct scmi_system_power_state_notifier_evt, flags) &
			SCMI_SYSTEM_FLAG_GRACEFUL;
	out->state = SCMI_GET_U32(p, struct scmi_system_power_state_notifier_evt, system_state);
	if (v2) {
		out->has_timeout = true;
		out->timeout =
		    SCMI_GET_U32(p, struct scmi_system_power_state_notifier_evt, timeout);
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
