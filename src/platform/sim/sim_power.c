// SPDX-License-Identifier: BSD-3-Clause
/*
 * Power domain (0x11) model: the domains' states and the rules silicon
 * imposes on them.
 *
 * A domain is "powered" in any state whose context-lost bit (30) is clear:
 * ON (0) and its retention states. A child may only become powered while
 * its parent is powered, and a parent may only lose power once all its
 * children have: either breach is DENIED (the request is well formed, the
 * platform refuses it in the present state; INVALID_PARAMETERS would say the
 * agent asked for a state that does not exist). A state the domain does not
 * have is INVALID_PARAMETERS. Requests are last writer wins: the state is the
 * platform's, not a vote between agents.
 */
#include <string.h>

#include "platform/sim/sim_events.h"
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_power_priv.h"

void sim_power_free(struct sim_platform *p)
{
	sim_free(p->power);
	p->power = NULL;
}

static struct sim_power_domain *domain_of(struct sim_platform *p, uint32_t id)
{
	if (!p->power || id >= p->power->count)
		return NULL;
	return &p->power->domains[id];
}

static bool domain_has_state(const struct sim_power_domain *d, uint32_t state)
{
	uint32_t i;

	if (state == SCMI_POWER_STATE_ON || state == SCMI_POWER_STATE_OFF)
		return true;
	for (i = 0; i < d->num_retention; i++)
		if (d->retention[i] == state)
			return true;
	return false;
}

static bool any_child_powered(const struct sim_power *pw, uint32_t id)
{
	uint32_t i;

	for (i = 0; i < pw->count; i++)
		if (pw->domains[i].parent == id && sim_power_state_powered(pw->domains[i].state))
			return true;
	return false;
}

/*
 * The domain agent @agent_id calls @id (its local id), or NULL when it sees no such domain;
 * its global id in @gid. Lock held.
 */
static struct sim_power_domain *op_domain_of(struct sim_platform *p, uint32_t agent_id, uint32_t id,
					     uint32_t *gid)
{
	if (!p->power || !sim_agent_id_valid(agent_id) ||
	    !sim_view_global(p, agent_id, SCMI_PROTOCOL_POWER, p->power->count, id, gid))
		return NULL;
	return domain_of(p, *gid);
}

static uint32_t op_count(void *plat, uint32_t agent_id)
{
	struct sim_platform *p = plat;
	uint32_t n;
	uint32_t slot;

	if (!p->power)
		return 0;
	slot = sim_rlock(p);
	n = sim_view_count(p, agent_id, SCMI_PROTOCOL_POWER, p->power->count);
	sim_runlock(p, slot);
	return n;
}

static int32_t op_domain(void *plat, uint32_t agent_id, uint32_t id,
			 struct scmi_server_power_domain *out)
{
	struct sim_platform *p = plat;
	struct sim_power_domain *d;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	d = op_domain_of(p, agent_id, id, &gid);
	if (d) {
		memcpy(out->name, d->name, sizeof(out->name));
		out->notify = true;
		out->req_notify = true;
	}
	sim_runlock(p, slot);
	return d ? SCMI_SUCCESS : SCMI_NOT_FOUND;
}

/* Whether @agent_id may put domain @d (global id @gid) in @state, as an SCMI status. */
static int32_t check_state_set(struct sim_platform *p, uint32_t agent_id,
			       const struct sim_power_domain *d, uint32_t gid, uint32_t state)
{
	if (!sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_POWER, gid))
		return SCMI_DENIED;
	if (!domain_has_state(d, state))
		return SCMI_INVALID_PARAMETERS;
	if (sim_power_state_powered(state)) {
		/* Not on under a parent that is off. */
		if (d->parent != SIM_POWER_NO_PARENT &&
		    !sim_power_state_powered(p->power->domains[d->parent].state))
			return SCMI_DENIED;
		return SCMI_SUCCESS;
	}
	/* Not off under a child that is on. */
	return any_child_powered(p->power, gid) ? SCMI_DENIED : SCMI_SUCCESS;
}

static int32_t op_state_set(void *plat, uint32_t agent_id, uint32_t id, uint32_t state)
{
	struct sim_platform *p = plat;
	struct sim_power_domain *d;
	int32_t status;
	uint32_t gid;

	sim_lock(p);
	d = op_domain_of(p, agent_id, id, &gid);
	status = d ? check_state_set(p, agent_id, d, gid, state) : SCMI_NOT_FOUND;
	if (status == SCMI_SUCCESS && d->state != state) {
		/*
		 * The request is seen, then carried out (both are instant here); each
		 * payload is a struct scmi_power_state_evt.
		 */
		sim_emit_resource(p, d->subscribers[SCMI_EVT_POWER_STATE_CHANGE_REQUESTED],
				  SCMI_PROTOCOL_POWER, SCMI_EVT_POWER_STATE_CHANGE_REQUESTED,
				  p->power->count, gid, agent_id, &state, 1);
		d->state = state;
		d->last_agent = agent_id;
		sim_emit_resource(p, d->subscribers[SCMI_EVT_POWER_STATE_CHANGED],
				  SCMI_PROTOCOL_POWER, SCMI_EVT_POWER_STATE_CHANGED,
				  p->power->count, gid, agent_id, &state, 1);
	}
	sim_unlock(p);
	sim_events_flush();
	return status;
}

static int32_t op_state_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *state)
{
	struct sim_platform *p = plat;
	struct sim_power_domain *d;
	int32_t status = SCMI_NOT_FOUND;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	d = op_domain_of(p, agent_id, id, &gid);
	if (d) {
		*state = d->state;
		status = SCMI_SUCCESS;
	}
	sim_runlock(p, slot);
	return status;
}

static int32_t op_notify(void *plat, uint32_t agent_id, uint32_t id, uint32_t event, bool enable)
{
	struct sim_platform *p = plat;
	struct sim_power_domain *d;
	int32_t status = SCMI_SUCCESS;
	uint64_t bit;
	uint32_t gid;

	if (event > SCMI_EVT_POWER_STATE_CHANGE_REQUESTED)
		return SCMI_INVALID_PARAMETERS;
	/* Subscriptions are kept for the agents a platform may have. */
	if (!sim_agent_id_valid(agent_id))
		return SCMI_DENIED;
	bit = (uint64_t)1 << (agent_id - 1);
	sim_lock(p);
	d = op_domain_of(p, agent_id, id, &gid);
	if (!d)
		status = SCMI_NOT_FOUND;
	else if (enable)
		d->subscribers[event] |= bit;
	else
		d->subscribers[event] &= ~bit;
	sim_unlock(p);
	return status;
}

void sim_power_reset_agent(struct sim_platform *p, uint32_t agent_id)
{
	uint64_t bit;
	uint32_t i;

	if (!p->power || !sim_agent_id_valid(agent_id))
		return;
	bit = (uint64_t)1 << (agent_id - 1);
	for (i = 0; i < p->power->count; i++) {
		struct sim_power_domain *d = &p->power->domains[i];

		d->subscribers[SCMI_EVT_POWER_STATE_CHANGED] &= ~bit;
		d->subscribers[SCMI_EVT_POWER_STATE_CHANGE_REQUESTED] &= ~bit;
		/* The state stays: it is the hardware's, last writer wins, and other agents may
		 * rely on it; only the record of who asked for it goes. */
		if (d->last_agent == agent_id)
			d->last_agent = 0;
	}
}

const struct scmi_server_power_ops sim_power_ops = {
    .count = op_count,
    .domain = op_domain,
    .state_set = op_state_set,
    .state_get = op_state_get,
    .notify = op_notify,
};

int sim_power_model_id_by_node(struct sim_platform *p, int node, uint32_t *id)
{
	uint32_t i;

	if (!p->power || node < 0)
		return -ENOENT;
	for (i = 0; i < p->power->count; i++) {
		if (p->power->domains[i].node == node) {
			*id = i;
			return 0;
		}
	}
	return -ENOENT;
}

bool sim_power_model_is_on(struct sim_platform *p, uint32_t id)
{
	struct sim_power_domain *d = domain_of(p, id);

	return d && sim_power_state_powered(d->state);
}

uint32_t sim_power_model_power_mw(struct sim_platform *p)
{
	uint64_t sum = 0;
	uint32_t i;

	if (!p->power)
		return 0;
	for (i = 0; i < p->power->count; i++) {
		const struct sim_power_domain *d = &p->power->domains[i];

		if (d->state == SCMI_POWER_STATE_ON)
			sum += d->power_mw;
		else if (sim_power_state_powered(d->state))
			sum += d->retention_mw;
	}
	return sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
}

bool sim_power_subscribed(struct sim_platform *p, uint32_t agent_id, uint32_t id, uint32_t event)
{
	struct sim_power_domain *d;
	bool on = false;

	if (!sim_agent_id_valid(agent_id) || event > SCMI_EVT_POWER_STATE_CHANGE_REQUESTED)
		return false;
	sim_lock(p);
	d = domain_of(p, id);
	if (d)
		on = (d->subscribers[event] >> (agent_id - 1)) & 1u;
	sim_unlock(p);
	return on;
}

uint32_t sim_power_last_agent(struct sim_platform *p, uint32_t id)
{
	struct sim_power_domain *d;
	uint32_t agent = 0;

	sim_lock(p);
	d = domain_of(p, id);
	if (d)
		agent = d->last_agent;
	sim_unlock(p);
	return agent;
}
