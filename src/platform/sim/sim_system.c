// SPDX-License-Identifier: BSD-3-Clause
/*
 * System power (0x12) model.
 *
 * The system starts powered up. A shutdown leaves it in the shutdown state
 * until power-up; a cold or warm reset is carried out at once, so the system
 * is up again when the reply goes out (the reset is counted); suspend is
 * refused (DENIED) while the system is shut down, as there is nothing
 * running to suspend. Only the agents listed in allowed-agents may change
 * the state (every agent when the property is absent); any agent may read it
 * and subscribe to the notifier.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_events.h"
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_system.h"

#define ALL_STATES ((1u << SCMI_SYSTEM_STATE_COUNT) - 1u)

/**
 * struct sim_system - the model.
 * @supported:   bitmap of the supported states
 * @allowed:     bit n = agent n + 1 may set the state
 * @timeout_ms:  graceful shutdown timeout the notifier reports
 * @status:      current state and the record of the last change
 * @subscribers: bit n = agent n + 1 subscribed to the notifier
 */
struct sim_system {
	uint32_t supported;
	uint64_t allowed;
	uint32_t timeout_ms;
	struct sim_system_status status;
	uint64_t subscribers;
};

/* DT names of the states, by system_state value. */
static const char *const state_names[SCMI_SYSTEM_STATE_COUNT] = {
    [SCMI_SYSTEM_STATE_SHUTDOWN] = "shutdown",	   [SCMI_SYSTEM_STATE_COLD_RESET] = "cold-reset",
    [SCMI_SYSTEM_STATE_WARM_RESET] = "warm-reset", [SCMI_SYSTEM_STATE_POWER_UP] = "power-up",
    [SCMI_SYSTEM_STATE_SUSPEND] = "suspend",
};

static int load_states(struct sim_loader *ld, int node, struct sim_system *s)
{
	const char *list, *end, *str;
	uint32_t i;
	int len;

	list = sim_getprop(ld, node, "supported-states", &len);
	if (!list) {
		if (len != -FDT_ERR_NOTFOUND)
			return sim_fail(ld, node, "supported-states: unreadable (%s)",
					fdt_strerror(len));
		s->supported = ALL_STATES;
		return 0;
	}
	if (len < 1 || list[len - 1] != '\0')
		return sim_fail(ld, node, "supported-states: not a list of strings");
	end = list + len;
	for (str = list; str < end; str += strlen(str) + 1) {
		for (i = 0; i < SCMI_SYSTEM_STATE_COUNT; i++)
			if (!strcmp(str, state_names[i]))
				break;
		if (i == SCMI_SYSTEM_STATE_COUNT)
			return sim_fail(ld, node,
					"supported-states: unknown state \"%.32s\" (shutdown, "
					"cold-reset, warm-reset, power-up, suspend)",
					str);
		if (s->supported & (1u << i))
			return sim_fail(ld, node, "supported-states: \"%s\" twice", state_names[i]);
		s->supported |= 1u << i;
	}
	/* Shutdown and cold reset are what every platform must do. */
	if (!(s->supported & (1u << SCMI_SYSTEM_STATE_SHUTDOWN)) ||
	    !(s->supported & (1u << SCMI_SYSTEM_STATE_COLD_RESET)))
		return sim_fail(ld, node,
				"supported-states: shutdown and cold-reset are mandatory");
	return 0;
}

static int load_allowed(struct sim_loader *ld, int node, struct sim_system *s)
{
	const fdt32_t *cells;
	uint32_t id;
	int len, i;

	cells = sim_getprop(ld, node, "allowed-agents", &len);
	if (!cells) {
		if (len != -FDT_ERR_NOTFOUND)
			return sim_fail(ld, node, "allowed-agents: unreadable (%s)",
					fdt_strerror(len));
		s->allowed = ~(uint64_t)0;
		return 0;
	}
	if (len % 4 || len / 4 > (int)SIM_MAX_AGENTS)
		return sim_fail(ld, node, "allowed-agents: must be at most %u agent ids",
				SIM_MAX_AGENTS);
	for (i = 0; i < len / 4; i++) {
		id = fdt32_ld(&cells[i]);
		if (id < 1 || id > ld->p->num_agents)
			return sim_fail(ld, node, "allowed-agents: no agent %u", id);
		s->allowed |= (uint64_t)1 << (id - 1);
	}
	return 0;
}

int sim_system_load(struct sim_loader *ld, int node)
{
	struct sim_system *s;
	int ret;

	ld->p->system = NULL;
	if (node < 0)
		return 0;
	s = sim_calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	ret = load_states(ld, node, s);
	if (!ret)
		ret = load_allowed(ld, node, s);
	if (!ret) {
		ret = sim_prop_u32(ld, node, "shutdown-timeout-ms", &s->timeout_ms);
		if (ret == -ENOENT)
			ret = 0;
	}
	if (ret) {
		sim_free(s);
		return ret;
	}
	s->status.state = SCMI_SYSTEM_STATE_POWER_UP;
	ld->p->system = s;
	return 0;
}

void sim_system_free(struct sim_platform *p)
{
	sim_free(p->system);
	p->system = NULL;
}

static uint32_t op_supported(void *plat)
{
	struct sim_platform *p = plat;

	return p->system ? p->system->supported : 0;
}

/*
 * The notifier to every subscriber but @skip, in the 2.x layout (the server trims it to
 * 12 bytes for an agent speaking 1.x). The timeout only means something for a graceful
 * shutdown (lock held).
 */
static void emit_notifier(struct sim_platform *p, uint32_t skip, uint32_t cause, uint32_t flags,
			  uint32_t state)
{
	struct sim_system *s = p->system;
	uint32_t timeout = 0;
	uint8_t buf[sizeof(struct scmi_system_power_state_notifier_evt)];

	if ((flags & SCMI_SYSTEM_FLAG_GRACEFUL) && state == SCMI_SYSTEM_STATE_SHUTDOWN)
		timeout = s->timeout_ms;
	SCMI_PUT_U32(buf, struct scmi_system_power_state_notifier_evt, agent_id, cause);
	SCMI_PUT_U32(buf, struct scmi_system_power_state_notifier_evt, flags, flags);
	SCMI_PUT_U32(buf, struct scmi_system_power_state_notifier_evt, system_state, state);
	SCMI_PUT_U32(buf, struct scmi_system_power_state_notifier_evt, timeout, timeout);
	for (uint32_t a = 1; a <= SIM_MAX_AGENTS; a++) {
		if (a != skip && ((s->subscribers >> (a - 1)) & 1u))
			sim_emit(p, a, SCMI_PROTOCOL_SYSTEM, SCMI_EVT_SYSTEM_POWER_STATE_NOTIFIER,
				 buf, sizeof(buf));
	}
}

/*
 * Record a change of state and carry it out (lock held). A reset brings every device back
 * to the DT's state and every agent back to its boot (no votes, requests, holdings or
 * subscriptions); a warm one keeps the Base permissions the platform granted since, its
 * firmware running on. The record of the change survives both.
 */
static void enter_state(struct sim_platform *p, uint32_t agent_id, uint32_t flags, uint32_t state)
{
	struct sim_system *s = p->system;
	int ret;

	s->status.last_agent = agent_id;
	s->status.last_flags = flags;
	s->status.last_state = state;
	if (state == SCMI_SYSTEM_STATE_COLD_RESET || state == SCMI_SYSTEM_STATE_WARM_RESET) {
		s->status.resets++;
		s->status.state = SCMI_SYSTEM_STATE_POWER_UP;
		s->subscribers = 0;
		ret = sim_platform_restore(p, state == SCMI_SYSTEM_STATE_WARM_RESET);
		if (ret)
			sim_log("sim: system: reset: devices not restored (%d)", ret);
	} else {
		s->status.state = state;
	}
}

int sim_system_request(struct sim_platform *p, uint32_t state, bool graceful)
{
	struct sim_system *s = p->system;
	uint32_t flags = graceful ? SCMI_SYSTEM_FLAG_GRACEFUL : 0;

	if (!s)
		return -ENOENT;
	if (state >= SCMI_SYSTEM_STATE_COUNT || !(s->supported & (1u << state)))
		return -EINVAL;
	sim_lock(p);
	emit_notifier(p, 0, 0, flags, state);
	/* Graceful: the agents are asked and do it; forceful: the platform does it now. */
	if (!graceful)
		enter_state(p, 0, flags, state);
	sim_unlock(p);
	sim_events_flush();
	sim_log("sim: system: platform requests %s %s", graceful ? "graceful" : "forceful",
		state_names[state]);
	return 0;
}

static int32_t op_state_set(void *plat, uint32_t agent_id, uint32_t flags, uint32_t state)
{
	struct sim_platform *p = plat;
	struct sim_system *s = p->system;
	int32_t status = SCMI_SUCCESS;

	if (!s || state >= SCMI_SYSTEM_STATE_COUNT || !(s->supported & (1u << state)))
		return SCMI_NOT_SUPPORTED;
	if (!sim_agent_id_valid(agent_id) || !((s->allowed >> (agent_id - 1)) & 1u))
		return SCMI_DENIED;
	sim_lock(p);
	/* The whole system is the protocol's one resource (global id 0). */
	/* Revoked, or a suspend that would cut a shutdown short: both refused alike. */
	if (!sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_SYSTEM, 0) ||
	    (state == SCMI_SYSTEM_STATE_SUSPEND && s->status.state == SCMI_SYSTEM_STATE_SHUTDOWN)) {
		status = SCMI_DENIED;
	} else {
		/* The other agents hear of it: the system they run on changes. */
		emit_notifier(p, agent_id, agent_id, flags, state);
		enter_state(p, agent_id, flags, state);
	}
	sim_unlock(p);
	sim_events_flush();
	if (status == SCMI_SUCCESS)
		sim_log("sim: system: agent %u: %s %s", agent_id,
			flags & SCMI_SYSTEM_FLAG_GRACEFUL ? "graceful" : "forceful",
			state_names[state]);
	return status;
}

static uint32_t op_state_get(void *plat)
{
	struct sim_platform *p = plat;
	uint32_t state = SCMI_SYSTEM_STATE_POWER_UP;
	uint32_t slot;

	slot = sim_rlock(p);
	if (p->system)
		state = p->system->status.state;
	sim_runlock(p, slot);
	return state;
}

static int32_t op_notify(void *plat, uint32_t agent_id, bool enable)
{
	struct sim_platform *p = plat;
	uint64_t bit;

	if (!p->system)
		return SCMI_NOT_SUPPORTED;
	if (!sim_agent_id_valid(agent_id))
		return SCMI_DENIED;
	bit = (uint64_t)1 << (agent_id - 1);
	sim_lock(p);
	if (enable)
		p->system->subscribers |= bit;
	else
		p->system->subscribers &= ~bit;
	sim_unlock(p);
	return SCMI_SUCCESS;
}

void sim_system_reset_agent(struct sim_platform *p, uint32_t agent_id)
{
	if (!p->system || !sim_agent_id_valid(agent_id))
		return;
	/* Only the subscription is the agent's: the system state is everyone's. */
	p->system->subscribers &= ~((uint64_t)1 << (agent_id - 1));
}

const struct scmi_server_system_ops sim_system_ops = {
    .supported = op_supported,
    .state_set = op_state_set,
    .state_get = op_state_get,
    .notify = op_notify,
};

bool sim_system_status(struct sim_platform *p, struct sim_system_status *out)
{
	if (!p->system)
		return false;
	sim_lock(p);
	*out = p->system->status;
	sim_unlock(p);
	return true;
}

bool sim_system_subscribed(struct sim_platform *p, uint32_t agent_id)
{
	bool on;

	if (!p->system || !sim_agent_id_valid(agent_id))
		return false;
	sim_lock(p);
	on = (p->system->subscribers >> (agent_id - 1)) & 1u;
	sim_unlock(p);
	return on;
}
