// SPDX-License-Identifier: BSD-3-Clause
/* The phase-1 platform (plat_min.h). Host-buildable. */
#include <string.h>

#include "fw/plat_min.h"
#include "scmi/server/power.h"

static void set_name(char name[SCMI_SHORT_NAME_SIZE], const char *s)
{
	memset(name, 0, SCMI_SHORT_NAME_SIZE);
	strncpy(name, s, SCMI_SHORT_NAME_SIZE - 1);
}

static bool channel_agent(void *plat, uint32_t channel_id, uint32_t *agent_id)
{
	const struct fw_plat_min *p = plat;

	if (channel_id >= p->num_channels)
		return false;
	*agent_id = 1;
	return true;
}

static uint32_t num_agents(void *plat)
{
	(void)plat;
	return 1;
}

static bool agent_name(void *plat, uint32_t agent_id, char name[SCMI_SHORT_NAME_SIZE])
{
	(void)plat;
	if (agent_id > 1)
		return false;
	set_name(name, agent_id ? "normal-world" : "platform");
	return true;
}

static void vendor(void *plat, char name[SCMI_SHORT_NAME_SIZE])
{
	(void)plat;
	set_name(name, FW_PLAT_VENDOR);
}

static void sub_vendor(void *plat, char name[SCMI_SHORT_NAME_SIZE])
{
	(void)plat;
	set_name(name, FW_PLAT_SUB_VENDOR);
}

static uint32_t impl_version(void *plat)
{
	(void)plat;
	return FW_PLAT_IMPL;
}

static bool protocol_available(void *plat, uint32_t agent_id, uint8_t protocol_id)
{
	(void)plat;
	(void)agent_id;
	return protocol_id == SCMI_PROTOCOL_POWER;
}

static uint32_t protocol_version(void *plat, uint8_t protocol_id)
{
	(void)plat;
	(void)protocol_id;
	return 0;
}

static uint32_t pd_count(void *plat, uint32_t agent_id)
{
	(void)plat;
	(void)agent_id;
	return FW_PLAT_DOMAINS;
}

static int32_t pd_domain(void *plat, uint32_t agent_id, uint32_t id,
			 struct scmi_server_power_domain *out)
{
	(void)plat;
	(void)agent_id;
	if (id >= FW_PLAT_DOMAINS)
		return SCMI_NOT_FOUND;
	memset(out, 0, sizeof(*out));
	strncpy(out->name, id ? "fw-pd1" : "fw-pd0", sizeof(out->name) - 1);
	return SCMI_SUCCESS;
}

static int32_t pd_state_set(void *plat, uint32_t agent_id, uint32_t id, uint32_t state)
{
	struct fw_plat_min *p = plat;

	(void)agent_id;
	if (id >= FW_PLAT_DOMAINS)
		return SCMI_NOT_FOUND;
	if (state != SCMI_POWER_STATE_ON && state != SCMI_POWER_STATE_OFF)
		return SCMI_INVALID_PARAMETERS;
	p->pd_state[id] = state;
	return SCMI_SUCCESS;
}

static int32_t pd_state_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *state)
{
	const struct fw_plat_min *p = plat;

	(void)agent_id;
	if (id >= FW_PLAT_DOMAINS)
		return SCMI_NOT_FOUND;
	*state = p->pd_state[id];
	return SCMI_SUCCESS;
}

static const struct scmi_server_power_ops power_ops = {
    .count = pd_count,
    .domain = pd_domain,
    .state_set = pd_state_set,
    .state_get = pd_state_get,
};

static const struct scmi_server_platform_ops plat_ops = {
    .channel_agent = channel_agent,
    .num_agents = num_agents,
    .agent_name = agent_name,
    .vendor = vendor,
    .sub_vendor = sub_vendor,
    .impl_version = impl_version,
    .protocol_available = protocol_available,
    .protocol_version = protocol_version,
    .power = &power_ops,
};

void fw_plat_min_init(struct fw_plat_min *plat, uint32_t num_channels)
{
	memset(plat, 0, sizeof(*plat));
	plat->num_channels = num_channels;
	for (uint32_t i = 0; i < FW_PLAT_DOMAINS; i++)
		plat->pd_state[i] = SCMI_POWER_STATE_ON;
}

const struct scmi_server_platform_ops *fw_plat_min_ops(void)
{
	return &plat_ops;
}
