// SPDX-License-Identifier: BSD-3-Clause
/*
 * Per-agent views and permissions (the contract is in sim_perm.h; the binding
 * in docs/platform-binding.md, "Devices and permissions").
 *
 * Theory of operation. Views are static: an agent sees a resource when it
 * belongs to no device, or to a device the agent's `devices` lists. Its local
 * ids number the resources it sees in global order, so they never change
 * while the platform runs (an agent's counts and lists stay stable, as Linux
 * expects). Permissions are dynamic: per agent, a device bitmap (initially
 * the devices it sees) that BASE_SET_DEVICE_PERMISSIONS changes, and per
 * (agent, device) a bitmap of revoked protocols that
 * BASE_SET_PROTOCOL_PERMISSIONS changes. A resource of no device is always
 * allowed: no permission message can name it.
 *
 * Views cost O(resources of the protocol) per lookup: models have tens of
 * resources, and a table per agent would have to be rebuilt by every model.
 */
#include <string.h>

#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_platform_priv.h"
#include "scmi/server/base.h"

/**
 * struct sim_perm - the mutable permissions, guarded by the platform lock.
 * @dev_allowed:  per agent (index id - 1), bitmap of device indexes it may use
 * @proto_denied: per agent and device, bitmap of the protocols revoked on it
 *                ([(agent - 1) * num_devices + dev][SIM_PROTO_WORDS])
 */
struct sim_perm {
	uint64_t dev_allowed[SIM_MAX_AGENTS];
	uint32_t (*proto_denied)[SIM_PROTO_WORDS];
};

static const struct sim_agent *agent_of(const struct sim_platform *p, uint32_t agent_id)
{
	if (!p || agent_id == 0 || agent_id > p->num_agents)
		return NULL;
	return &p->agents[agent_id - 1];
}

static uint32_t device_of(const struct sim_platform *p, uint8_t proto, uint32_t global_id)
{
	if (global_id >= p->res_dev_len[proto])
		return SIM_DEV_NONE;
	return p->res_dev[proto][global_id];
}

static bool visible(const struct sim_platform *p, const struct sim_agent *a, uint8_t proto,
		    uint32_t global_id)
{
	uint32_t dev = device_of(p, proto, global_id);

	return dev == SIM_DEV_NONE || ((a->devices >> dev) & 1u);
}

/*
 * Which protocols @a sees whole: then a local id is the global id, and the lookups on every
 * message need not walk the resources (resources past res_dev_len belong to no device).
 */
static void views_init(struct sim_platform *p, struct sim_agent *a)
{
	uint32_t proto, g;

	memset(a->sees_all, 0, sizeof(a->sees_all));
	for (proto = 0; proto < 256; proto++) {
		for (g = 0; g < p->res_dev_len[proto] && visible(p, a, (uint8_t)proto, g); g++)
			;
		if (g == p->res_dev_len[proto])
			sim_bit_set(a->sees_all, proto);
	}
}

uint32_t sim_view_count(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
			uint32_t total)
{
	const struct sim_agent *a = agent_of(p, agent_id);
	uint32_t g, n = 0;

	if (!a)
		return 0;
	if (sim_bit_test(a->sees_all, proto))
		return total;
	for (g = 0; g < total; g++)
		n += visible(p, a, proto, g);
	return n;
}

bool sim_view_global_walk(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
			  uint32_t total, uint32_t local_id, uint32_t *global_id)
{
	const struct sim_agent *a = agent_of(p, agent_id);
	uint32_t g, n = 0;

	if (!a)
		return false;
	for (g = 0; g < total; g++) {
		if (!visible(p, a, proto, g))
			continue;
		if (n++ == local_id) {
			*global_id = g;
			return true;
		}
	}
	return false;
}

bool sim_view_local(const struct sim_platform *p, uint32_t agent_id, uint8_t proto, uint32_t total,
		    uint32_t global_id, uint32_t *local_id)
{
	const struct sim_agent *a = agent_of(p, agent_id);
	uint32_t g, n = 0;

	if (!a || global_id >= total || !visible(p, a, proto, global_id))
		return false;
	if (sim_bit_test(a->sees_all, proto)) {
		*local_id = global_id;
		return true;
	}
	for (g = 0; g < global_id; g++)
		n += visible(p, a, proto, g);
	*local_id = n;
	return true;
}

static uint32_t *denied_row(const struct sim_platform *p, uint32_t agent_id, uint32_t dev)
{
	return p->perm->proto_denied[(size_t)(agent_id - 1) * p->num_devices + dev];
}

bool sim_perm_allowed(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
		      uint32_t global_id)
{
	const struct sim_agent *a = agent_of(p, agent_id);
	uint32_t dev;

	if (!a || !sim_bit_test(a->protocols, proto))
		return false;
	dev = device_of(p, proto, global_id);
	if (dev == SIM_DEV_NONE)
		return true;
	if (!p->perm || !((p->perm->dev_allowed[agent_id - 1] >> dev) & 1u))
		return false;
	return !sim_bit_test(denied_row(p, agent_id, dev), proto);
}

/* Back to the configuration's permissions for @agent_id. Lock held (or loading). */
static void reset_permissions(struct sim_platform *p, uint32_t agent_id)
{
	uint32_t dev;

	p->perm->dev_allowed[agent_id - 1] = p->agents[agent_id - 1].devices;
	for (dev = 0; dev < p->num_devices; dev++)
		memset(denied_row(p, agent_id, dev), 0, sizeof(uint32_t) * SIM_PROTO_WORDS);
}

int sim_perm_init(struct sim_platform *p)
{
	struct sim_perm *perm;
	uint32_t id;

	perm = sim_calloc(1, sizeof(*perm));
	if (!perm)
		return -ENOMEM;
	if (p->num_devices && p->num_agents) {
		perm->proto_denied =
		    sim_calloc((size_t)p->num_agents * p->num_devices, sizeof(*perm->proto_denied));
		if (!perm->proto_denied) {
			sim_free(perm);
			return -ENOMEM;
		}
	}
	p->perm = perm;
	for (id = 1; id <= p->num_agents; id++) {
		reset_permissions(p, id);
		views_init(p, &p->agents[id - 1]);
	}
	return 0;
}

void sim_perm_free(struct sim_platform *p)
{
	if (!p || !p->perm)
		return;
	sim_free(p->perm->proto_denied);
	sim_free(p->perm);
	p->perm = NULL;
}

/* The platform side of Base (server/base.h). */

static uint32_t base_version(void *plat)
{
	const struct sim_platform *p = plat;

	return p->base_version;
}

static bool base_agent_trusted(void *plat, uint32_t agent_id)
{
	const struct sim_agent *a = agent_of(plat, agent_id);

	return a && a->trusted;
}

static bool base_device_exists(void *plat, uint32_t device_id)
{
	return sim_device_index(plat, device_id) >= 0;
}

/*
 * A device outside the agent's configured view cannot be granted (DENIED): its
 * resources have no local ids for that agent. Revoking it changes nothing.
 */
static int32_t base_set_device_permissions(void *plat, uint32_t agent_id, uint32_t device_id,
					   bool allow)
{
	struct sim_platform *p = plat;
	const struct sim_agent *a = agent_of(p, agent_id);
	int dev = sim_device_index(p, device_id);
	uint64_t bit;

	if (!a || dev < 0)
		return SCMI_NOT_FOUND;
	bit = UINT64_C(1) << dev;
	if (!(a->devices & bit))
		return allow ? SCMI_DENIED : SCMI_SUCCESS;
	sim_lock(p);
	if (allow)
		p->perm->dev_allowed[agent_id - 1] |= bit;
	else
		p->perm->dev_allowed[agent_id - 1] &= ~bit;
	sim_unlock(p);
	return SCMI_SUCCESS;
}

/* As above; and a protocol the platform lacks is NOT_FOUND, one the agent does not see
 * cannot be granted. */
static int32_t base_set_protocol_permissions(void *plat, uint32_t agent_id, uint32_t device_id,
					     uint8_t protocol_id, bool allow)
{
	struct sim_platform *p = plat;
	const struct sim_agent *a = agent_of(p, agent_id);
	int dev = sim_device_index(p, device_id);
	uint32_t *row;

	if (!a || dev < 0 || !sim_bit_test(p->protocols, protocol_id))
		return SCMI_NOT_FOUND;
	if (!((a->devices >> dev) & 1u) || !sim_bit_test(a->protocols, protocol_id))
		return allow ? SCMI_DENIED : SCMI_SUCCESS;
	sim_lock(p);
	row = denied_row(p, agent_id, (uint32_t)dev);
	if (allow)
		row[protocol_id / 32u] &= ~(1u << (protocol_id % 32u));
	else
		sim_bit_set(row, protocol_id);
	sim_unlock(p);
	return SCMI_SUCCESS;
}

static int32_t base_reset_agent(void *plat, uint32_t agent_id, bool reset_permissions_too)
{
	struct sim_platform *p = plat;

	if (!agent_of(p, agent_id))
		return SCMI_NOT_FOUND;
	sim_lock(p);
	if (reset_permissions_too)
		reset_permissions(p, agent_id);
	sim_models_reset_agent(p, agent_id);
	sim_unlock(p);
	return SCMI_SUCCESS;
}

const struct scmi_server_base_ops sim_base_ops_table = {
    .version = base_version,
    .agent_trusted = base_agent_trusted,
    .device_exists = base_device_exists,
    .set_device_permissions = base_set_device_permissions,
    .set_protocol_permissions = base_set_protocol_permissions,
    .reset_agent = base_reset_agent,
};

const struct scmi_server_base_ops *sim_base_ops(void)
{
	return &sim_base_ops_table;
}
