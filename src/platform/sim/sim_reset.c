// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reset domain (0x16) model: domains parsed from the protocol@16 node, their
 * reset lines, and who asked to hear about resets.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_events.h"
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_reset.h"

#define SIM_RESET_MAX_DOMAINS	  256u
#define SIM_RESET_MAX_IMPL_STATES 16u

/**
 * struct sim_reset_domain - one reset domain.
 * @name:        short name
 * @ext_name:    extended name ("" if none)
 * @latency_us:  time a reset takes to take effect (SCMI_RESET_LATENCY_UNKNOWN if not given)
 * @impl_states: IMPLEMENTATION defined reset state ids the domain accepts
 * @num_impl:    entries in @impl_states
 * @notify:      the domain reports RESET_ISSUED
 * @st:          the mutable state (lock held)
 * @pulse_end_us: platform time at which an autonomous reset completes
 * @asserted_by: agent whose explicit assert holds the line (0: none, or the platform)
 */
struct sim_reset_domain {
	char name[SCMI_SHORT_NAME_SIZE];
	char ext_name[SCMI_EXT_NAME_SIZE];
	uint32_t latency_us;
	uint32_t impl_states[SIM_RESET_MAX_IMPL_STATES];
	uint32_t num_impl;
	bool notify;
	struct sim_reset_state st;
	uint64_t pulse_end_us;
	uint32_t asserted_by;
};

/**
 * struct sim_reset - the model.
 * @count:   domains
 * @domains: domains[id]
 */
struct sim_reset {
	uint32_t count;
	struct sim_reset_domain domains[SIM_RESET_MAX_DOMAINS];
};

/* extended-name: one string of 1..63 printable ASCII characters. */
static int read_ext_name(struct sim_loader *ld, int node, char out[SCMI_EXT_NAME_SIZE])
{
	const char *s;
	int len, i;

	s = sim_getprop(ld, node, "extended-name", &len);
	if (!s)
		return len == -FDT_ERR_NOTFOUND ? 0
						: sim_fail(ld, node, "extended-name: unreadable");
	if (len < 2 || len > SCMI_EXT_NAME_SIZE || s[len - 1] != '\0')
		return sim_fail(ld, node, "extended-name: must be one string of 1..%d characters",
				SCMI_EXT_NAME_SIZE - 1);
	for (i = 0; i < len - 1; i++) {
		if (s[i] < 0x20 || s[i] > 0x7e)
			return sim_fail(ld, node, "extended-name: not printable ASCII");
	}
	memcpy(out, s, (size_t)len);
	return 0;
}

static int load_impl_states(struct sim_loader *ld, int node, struct sim_reset_domain *d)
{
	const fdt32_t *v;
	int len, i, n;

	v = sim_getprop(ld, node, "implementation-reset-states", &len);
	if (!v)
		return len == -FDT_ERR_NOTFOUND
			   ? 0
			   : sim_fail(ld, node, "implementation-reset-states: unreadable");
	n = len / (int)sizeof(*v);
	if (len % (int)sizeof(*v) || n < 1 || n > (int)SIM_RESET_MAX_IMPL_STATES)
		return sim_fail(ld, node, "implementation-reset-states: 1..%u cells",
				SIM_RESET_MAX_IMPL_STATES);
	for (i = 0; i < n; i++) {
		d->impl_states[i] = fdt32_ld(&v[i]);
		if (d->impl_states[i] & ~SCMI_RESET_STATE_ID_MASK)
			return sim_fail(ld, node,
					"implementation-reset-states: ids are 31 bits (no bit 31)");
	}
	d->num_impl = (uint32_t)n;
	return 0;
}

static int load_domain(struct sim_loader *ld, int node, uint32_t id, void *ctx)
{
	struct sim_reset *r = ctx;
	struct sim_reset_domain *d = &r->domains[id];
	int ret;

	ret = sim_prop_name(ld, node, "domain-name", false, d->name);
	if (ret == -ENOENT)
		return sim_fail(ld, node, "missing domain-name");
	if (ret)
		return ret;
	ret = read_ext_name(ld, node, d->ext_name);
	if (ret)
		return ret;
	ret = sim_prop_u32(ld, node, "latency-us", &d->latency_us);
	if (ret == -ENOENT)
		d->latency_us = SCMI_RESET_LATENCY_UNKNOWN;
	else if (ret)
		return ret;
	else if (d->latency_us == SCMI_RESET_LATENCY_UNKNOWN)
		return sim_fail(ld, node, "latency-us: 0xffffffff means unknown: omit it instead");
	ret = load_impl_states(ld, node, d);
	if (ret)
		return ret;
	d->notify = !sim_getprop(ld, node, "no-notify", NULL);
	d->st.asserted = sim_getprop(ld, node, "initially-asserted", NULL) != NULL;
	d->st.in_reset = d->st.asserted;
	return 0;
}

int sim_reset_load(struct sim_loader *ld, int node)
{
	static const struct sim_domain_model model = {
	    .size = sizeof(struct sim_reset),
	    .max = SIM_RESET_MAX_DOMAINS,
	    .count_off = offsetof(struct sim_reset, count),
	    .load = load_domain,
	};

	void *loaded;
	int ret = sim_load_domain_model(ld, node, &model, &loaded);

	ld->p->reset = loaded;
	return ret;
}

void sim_reset_free(struct sim_platform *p)
{
	sim_free(p->reset);
	p->reset = NULL;
}

uint32_t sim_reset_count(struct sim_platform *p)
{
	return p->reset ? p->reset->count : 0;
}

static struct sim_reset_domain *domain(struct sim_platform *p, uint32_t id)
{
	if (!p->reset || id >= p->reset->count)
		return NULL;
	return &p->reset->domains[id];
}

/* Refresh @d's derived state at platform time @now (lock held). */
static void settle(struct sim_reset_domain *d, uint64_t now)
{
	d->st.in_reset = d->st.asserted || now < d->pulse_end_us;
}

int sim_reset_get_state(struct sim_platform *p, uint32_t id, struct sim_reset_state *st)
{
	struct sim_reset_domain *d = domain(p, id);

	if (!d || !st)
		return -ENOENT;
	sim_lock(p);
	settle(d, sim_time_now_us(p));
	*st = d->st;
	sim_unlock(p);
	return 0;
}

/*
 * The domain agent @agent_id calls @id (its local id), or NULL when it sees no such domain;
 * its global id in @gid. Lock held.
 */
static struct sim_reset_domain *op_domain(struct sim_platform *p, uint32_t agent_id, uint32_t id,
					  uint32_t *gid)
{
	if (!sim_agent_id_valid(agent_id) ||
	    !sim_view_global(p, agent_id, SCMI_PROTOCOL_RESET, sim_reset_count(p), id, gid))
		return NULL;
	return domain(p, *gid);
}

/*
 * The start every op on domain @id shares: takes the lock and finds the domain (@d, global id
 * in @gid); with @change the agent must also be allowed to use it. On success the lock stays
 * held; on failure (NOT_FOUND, DENIED) it is released.
 */
static int32_t op_enter(struct sim_platform *p, uint32_t agent_id, uint32_t id, bool change,
			struct sim_reset_domain **d, uint32_t *gid)
{
	int32_t st = SCMI_SUCCESS;

	sim_lock(p);
	*d = op_domain(p, agent_id, id, gid);
	if (!*d)
		st = SCMI_NOT_FOUND;
	else if (change && !sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_RESET, *gid))
		st = SCMI_DENIED;
	if (st)
		sim_unlock(p);
	return st;
}

static uint32_t op_count(void *plat, uint32_t agent_id)
{
	struct sim_platform *p = plat;
	uint32_t n;
	uint32_t slot;

	slot = sim_rlock(p);
	n = sim_view_count(p, agent_id, SCMI_PROTOCOL_RESET, sim_reset_count(p));
	sim_runlock(p, slot);
	return n;
}

static int32_t op_info(void *plat, uint32_t agent_id, uint32_t id,
		       struct scmi_server_reset_info *info)
{
	struct sim_platform *p = plat;
	struct sim_reset_domain *d;
	uint32_t gid;
	int32_t st;

	st = op_enter(p, agent_id, id, false, &d, &gid);
	if (st)
		return st;
	sim_unlock(p);
	/* Immutable after load: no lock. */
	memcpy(info->name, d->name, sizeof(info->name));
	memcpy(info->ext_name, d->ext_name, sizeof(info->ext_name));
	info->latency_us = d->latency_us;
	info->notify = d->notify;
	return SCMI_SUCCESS;
}

static bool impl_state_known(const struct sim_reset_domain *d, uint32_t state)
{
	uint32_t i;

	for (i = 0; i < d->num_impl; i++) {
		if (d->impl_states[i] == (state & SCMI_RESET_STATE_ID_MASK))
			return true;
	}
	return false;
}

static int32_t op_reset(void *plat, uint32_t agent_id, uint32_t id,
			enum scmi_server_reset_action action, uint32_t reset_state)
{
	struct sim_platform *p = plat;
	struct sim_reset_domain *d;
	uint64_t now, resets_before;
	uint32_t gid;
	int32_t st;

	st = op_enter(p, agent_id, id, true, &d, &gid);
	if (st)
		return st;
	if ((reset_state & SCMI_RESET_STATE_IMPL) && !impl_state_known(d, reset_state)) {
		sim_unlock(p);
		return SCMI_INVALID_PARAMETERS;
	}
	now = sim_time_now_us(p);
	resets_before = d->st.resets;
	switch (action) {
	case SCMI_SERVER_RESET_AUTONOMOUS:
		/* A full pulse: whatever held the line before, it ends released. */
		d->st.asserted = false;
		d->asserted_by = 0;
		d->pulse_end_us =
		    d->latency_us == SCMI_RESET_LATENCY_UNKNOWN ? now : now + d->latency_us;
		d->st.resets++;
		d->st.last_reset_us = now;
		d->st.last_reset_state = reset_state;
		break;
	case SCMI_SERVER_RESET_ASSERT:
		if (!d->st.asserted) {
			d->st.resets++;
			d->st.last_reset_us = now;
			d->st.last_reset_state = reset_state;
		}
		d->st.asserted = true;
		d->asserted_by = agent_id;
		break;
	case SCMI_SERVER_RESET_DEASSERT:
		d->st.asserted = false;
		d->asserted_by = 0;
		break;
	}
	settle(d, now);
	/*
	 * RESET_ISSUED (struct scmi_reset_issued_evt) when the domain enters reset (a pulse,
	 * or an assert that was not held).
	 */
	if (d->st.resets != resets_before)
		sim_emit_resource(p, d->st.notify_agents, SCMI_PROTOCOL_RESET,
				  SCMI_EVT_RESET_ISSUED, p->reset->count, gid, agent_id,
				  &reset_state, 1);
	sim_unlock(p);
	sim_events_flush();
	return SCMI_SUCCESS;
}

static int32_t op_notify(void *plat, uint32_t agent_id, uint32_t id, bool enable)
{
	struct sim_platform *p = plat;
	struct sim_reset_domain *d;
	uint64_t bit;
	uint32_t gid;
	int32_t st;

	st = op_enter(p, agent_id, id, false, &d, &gid);
	if (st)
		return st;
	bit = (uint64_t)1 << (agent_id - 1);
	if (enable)
		d->st.notify_agents |= bit;
	else
		d->st.notify_agents &= ~bit;
	sim_unlock(p);
	return SCMI_SUCCESS;
}

void sim_reset_reset_agent(struct sim_platform *p, uint32_t agent_id)
{
	uint64_t bit;
	uint32_t i;

	if (!sim_agent_id_valid(agent_id))
		return;
	bit = (uint64_t)1 << (agent_id - 1);
	for (i = 0; i < sim_reset_count(p); i++) {
		struct sim_reset_domain *d = &p->reset->domains[i];

		d->st.notify_agents &= ~bit;
		/* A line it still held asserted is released: nobody else would ever let the
		 * device out of reset. A pulse in progress runs to its end. */
		if (d->st.asserted && d->asserted_by == agent_id) {
			d->st.asserted = false;
			d->asserted_by = 0;
			settle(d, sim_time_now_us(p));
		}
	}
}

const struct scmi_server_reset_ops sim_reset_ops = {
    .count = op_count,
    .info = op_info,
    .reset = op_reset,
    .notify = op_notify,
};
