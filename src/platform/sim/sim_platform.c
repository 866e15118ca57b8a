// SPDX-License-Identifier: BSD-3-Clause
/*
 * The simulated platform's read side: the server ops and the accessors the
 * PTA and the daemon use. The data is immutable after load, so these need
 * no locks.
 */
#include <string.h>

#include "platform/sim/sim_access.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_perf.h"
#include "platform/sim/sim_pinctrl.h"
#include "platform/sim/sim_power.h"
#include "platform/sim/sim_powercap.h"
#include "platform/sim/sim_reset.h"
#include "platform/sim/sim_sensor.h"
#include "platform/sim/sim_system.h"
#include "platform/sim/sim_voltage.h"
#include "scmi/server/base.h"

static const struct sim_agent *agent_of(const struct sim_platform *p, uint32_t agent_id)
{
	if (!p || agent_id == 0 || agent_id > p->num_agents)
		return NULL;
	return &p->agents[agent_id - 1];
}

static void copy_name(char dst[SCMI_SHORT_NAME_SIZE], const char *src)
{
	memset(dst, 0, SCMI_SHORT_NAME_SIZE);
	memcpy(dst, src, strnlen(src, SCMI_SHORT_NAME_SIZE - 1));
}

const struct sim_channel *sim_platform_channel(const struct sim_platform *p, uint32_t id)
{
	size_t lo = 0, hi;

	if (!p || !p->num_channels)
		return NULL;
	/* Ids that follow each other, the usual numbering, are found at their index. */
	hi = (size_t)(uint32_t)(id - p->channels[0].id);
	if (hi < p->num_channels && p->channels[hi].id == id)
		return &p->channels[hi];
	hi = p->num_channels;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->channels[mid].id == id)
			return &p->channels[mid];
		if (p->channels[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

size_t sim_platform_num_channels(const struct sim_platform *p)
{
	return p ? p->num_channels : 0;
}

const struct sim_channel *sim_platform_channel_at(const struct sim_platform *p, size_t index)
{
	if (!p || index >= p->num_channels)
		return NULL;
	return &p->channels[index];
}

bool sim_platform_shmem_window(const struct sim_platform *p, uint64_t *base, uint64_t *size)
{
	if (!p || !p->has_window)
		return false;
	*base = p->window_base;
	*size = p->window_size;
	return true;
}

uint32_t sim_platform_pta_caps(const struct sim_platform *p)
{
	return p ? p->pta_caps : 0;
}

static bool in_list(const uint32_t *list, uint32_t n, uint32_t v)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (list[i] == v)
			return true;
	}
	return false;
}

bool sim_platform_peer_allowed(const struct sim_platform *p, uint32_t agent_id, uint32_t uid,
			       uint32_t gid)
{
	const struct sim_agent *a = agent_of(p, agent_id);

	if (!a)
		return false;
	if (!a->num_peer_uids && !a->num_peer_gids)
		return true;
	return in_list(a->peer_uids, a->num_peer_uids, uid) ||
	       in_list(a->peer_gids, a->num_peer_gids, gid);
}

bool sim_platform_agent_trusted(const struct sim_platform *p, uint32_t agent_id)
{
	const struct sim_agent *a = agent_of(p, agent_id);

	return a && a->trusted;
}

void sim_platform_free(struct sim_platform *p)
{
	if (!p)
		return;
	sim_perm_free(p);
	sim_models_free(p);
	sim_devices_free(p);
	sim_rwlock_destroy(&p->lock);
	sim_free(p->dtb);
	sim_free(p);
}

/* The server ops. */

static bool op_channel_agent(void *plat, uint32_t channel_id, uint32_t *agent_id)
{
	const struct sim_channel *ch = sim_platform_channel(plat, channel_id);

	if (!ch)
		return false;
	*agent_id = ch->agent_id;
	return true;
}

static uint32_t op_num_agents(void *plat)
{
	const struct sim_platform *p = plat;

	return p->num_agents;
}

static bool op_agent_name(void *plat, uint32_t agent_id, char name[SCMI_SHORT_NAME_SIZE])
{
	const struct sim_platform *p = plat;
	const struct sim_agent *a;

	if (agent_id == 0) {
		copy_name(name, p->platform_name);
		return true;
	}
	a = agent_of(p, agent_id);
	if (!a)
		return false;
	copy_name(name, a->name);
	return true;
}

static void op_vendor(void *plat, char name[SCMI_SHORT_NAME_SIZE])
{
	const struct sim_platform *p = plat;

	copy_name(name, p->vendor);
}

static void op_sub_vendor(void *plat, char name[SCMI_SHORT_NAME_SIZE])
{
	const struct sim_platform *p = plat;

	copy_name(name, p->sub_vendor);
}

static uint32_t op_impl_version(void *plat)
{
	const struct sim_platform *p = plat;

	return p->impl_version;
}

static bool op_protocol_available(void *plat, uint32_t agent_id, uint8_t protocol_id)
{
	const struct sim_agent *a = agent_of(plat, agent_id);

	if (!a)
		return false;
	if (protocol_id == SCMI_PROTOCOL_BASE)
		return true;
	return sim_bit_test(a->protocols, protocol_id);
}

uint32_t sim_protocol_version(const struct sim_platform *p, uint8_t protocol_id)
{
	const uint32_t *v;
	size_t n;

	if (p->protocol_version[protocol_id])
		return p->protocol_version[protocol_id];
	v = scmi_server_protocol_versions(protocol_id, &n);
	return n ? v[n - 1] : 0;
}

static uint32_t op_protocol_version(void *plat, uint8_t protocol_id)
{
	const struct sim_platform *p = plat;

	if (protocol_id == SCMI_PROTOCOL_BASE)
		return p->base_version;
	return p->protocol_version[protocol_id];
}

static const struct scmi_server_platform_ops sim_ops = {
    .channel_agent = op_channel_agent,
    .num_agents = op_num_agents,
    .agent_name = op_agent_name,
    .vendor = op_vendor,
    .sub_vendor = op_sub_vendor,
    .impl_version = op_impl_version,
    .protocol_available = op_protocol_available,
    .protocol_version = op_protocol_version,
    .base = &sim_base_ops_table,
    .power = &sim_power_ops,
    .system = &sim_system_ops,
    .perf = &sim_perf_ops,
    .clock = &sim_clock_ops,
    .sensor = &sim_sensor_ops,
    .reset = &sim_reset_ops,
    .voltage = &sim_voltage_ops,
    .powercap = &sim_powercap_ops,
    .pinctrl = &sim_pinctrl_ops,
};

const struct scmi_server_platform_ops *sim_platform_ops(void)
{
	return &sim_ops;
}
