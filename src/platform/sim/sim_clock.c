// SPDX-License-Identifier: BSD-3-Clause
/*
 * Clock (0x14) model: rates, rounding, votes and parents of the clock tree
 * (see the theory of operation in sim_clock.h), and the server ops over it.
 */
#include <string.h>

#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_events.h"
#include "platform/sim/sim_perf.h"
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_platform_priv.h"

uint64_t sim_clock_rate_divided(const struct sim_clock *c, uint32_t id)
{
	uint32_t chain[SIM_CLOCK_MAX], depth = 0;
	uint64_t hz;

	/*
	 * Up to the source (a fixed clock or a PLL), then down through the dividers. Parents
	 * have smaller ids (the loader refuses others), so the chain is shorter than the tree.
	 */
	while (c->clk[id].type == SIM_CLK_DIVIDER && depth < SIM_CLOCK_MAX) {
		chain[depth++] = id;
		id = c->clk[id].parents[c->clk[id].parent];
	}
	hz = c->clk[id].rate;
	while (depth > 0)
		hz /= c->clk[chain[--depth]].div;
	return hz;
}

void sim_clock_rateset(const struct sim_clock *c, uint32_t id, struct sim_clk_rateset *rs)
{
	const struct sim_clk *k = &c->clk[id];

	while (k->type == SIM_CLK_DIVIDER && k->set_rate_parent) {
		id = k->parents[k->parent];
		k = &c->clk[id];
	}
	memset(rs, 0, sizeof(*rs));
	rs->src = id;
	switch (k->type) {
	case SIM_CLK_FIXED:
		rs->n = 1;
		break;
	case SIM_CLK_PLL:
		rs->range = k->range;
		rs->min = k->min;
		rs->max = k->max;
		rs->step = k->step;
		rs->n = k->range ? 0 : k->nrates;
		break;
	case SIM_CLK_DIVIDER:
		rs->n = k->max_div;
		break;
	}
}

uint64_t sim_clock_rate_at(const struct sim_clock *c, const struct sim_clk_rateset *rs, uint32_t i)
{
	const struct sim_clk *k = &c->clk[rs->src];

	switch (k->type) {
	case SIM_CLK_FIXED:
		return k->rate;
	case SIM_CLK_PLL:
		return k->rates[i];
	default: /* SIM_CLK_DIVIDER, the only other type: ascending, the largest divider first */
		return sim_clock_rate(c, k->parents[k->parent]) / (k->max_div - i);
	}
}

int sim_clock_round(const struct sim_clock *c, const struct sim_clk_rateset *rs, uint64_t hz,
		    enum scmi_server_clock_round round, uint64_t *out)
{
	uint64_t lo = 0, hi = 0, r;
	bool have_lo = false, have_hi = false;
	uint32_t i;

	if (rs->range) {
		uint64_t k;

		if (hz < rs->min || hz > rs->max)
			return -ERANGE;
		k = (hz - rs->min) / rs->step;
		lo = rs->min + k * rs->step;
		/* (max - min) is a multiple of step, so lo < hz <= max puts hi within the range. */
		hi = lo == hz ? lo : lo + rs->step;
	} else {
		for (i = 0; i < rs->n; i++) {
			r = sim_clock_rate_at(c, rs, i);
			if (r <= hz && (!have_lo || r > lo)) {
				lo = r;
				have_lo = true;
			}
			if (r >= hz && (!have_hi || r < hi)) {
				hi = r;
				have_hi = true;
			}
		}
		if (!have_lo || !have_hi)
			return -ERANGE;
	}
	switch (round) {
	case SCMI_SERVER_CLOCK_ROUND_DOWN:
		*out = lo;
		break;
	case SCMI_SERVER_CLOCK_ROUND_UP:
		*out = hi;
		break;
	default:
		/* A tie goes to the lower rate: the safer one for the hardware. */
		*out = hz - lo <= hi - hz ? lo : hi;
		break;
	}
	return 0;
}

int sim_clock_apply_rate(struct sim_clock *c, uint32_t id, uint64_t hz)
{
	struct sim_clk *k = &c->clk[id];
	uint64_t prate;
	uint32_t d, hops;

	/* A set-rate-parent divider passes the request up: parents have smaller ids. */
	for (hops = 0; k->type == SIM_CLK_DIVIDER && k->set_rate_parent; hops++) {
		if (hops >= SIM_CLOCK_MAX)
			return -ERANGE;
		hz *= k->div;
		k = &c->clk[k->parents[k->parent]];
	}
	switch (k->type) {
	case SIM_CLK_FIXED:
		return hz == k->rate ? 0 : -ERANGE;
	case SIM_CLK_PLL:
		k->rate = hz;
		return 0;
	case SIM_CLK_DIVIDER:
		prate = sim_clock_rate(c, k->parents[k->parent]);
		/* The smallest divider that gives it: the one with the least jitter. */
		for (d = 1; d <= k->max_div; d++) {
			if (prate / d == hz) {
				k->div = d;
				return 0;
			}
		}
		return -ERANGE;
	}
	return -ERANGE;
}

void sim_clock_running(const struct sim_clock *c, bool *on)
{
	uint32_t i;

	for (i = 0; i < c->count; i++)
		on[i] = c->clk[i].always_on || c->clk[i].votes;
	/* Children have larger ids: one pass downwards carries every child to its parent. */
	for (i = c->count; i-- > 0;) {
		const struct sim_clk *k = &c->clk[i];

		if (on[i] && k->nparents)
			on[k->parents[k->parent]] = true;
	}
}

static bool running(const struct sim_clock *c, uint32_t id)
{
	bool on[SIM_CLOCK_MAX];

	sim_clock_running(c, on);
	return on[id];
}

/* Model functions: lock held by the caller. */

int sim_clock_model_id_by_node(struct sim_platform *p, int node, uint32_t *id)
{
	uint32_t i;

	if (!p->clock)
		return -ENOENT;
	for (i = 0; i < p->clock->count; i++) {
		if (p->clock->clk[i].node == node) {
			*id = i;
			return 0;
		}
	}
	return -ENOENT;
}

static int set_rate(struct sim_clock *c, uint32_t id, uint64_t hz,
		    enum scmi_server_clock_round round)
{
	struct sim_clk_rateset rs;
	uint64_t target;
	int ret;

	sim_clock_rateset(c, id, &rs);
	ret = sim_clock_round(c, &rs, hz, round, &target);
	if (ret)
		return ret;
	return sim_clock_apply_rate(c, id, target);
}

/* Rates of every clock, to tell afterwards which ones a change moved; returns how many. */
static uint32_t snapshot(const struct sim_clock *c, uint64_t *rates)
{
	for (uint32_t i = 0; i < c->count; i++)
		rates[i] = sim_clock_rate(c, i);
	return c->count;
}

static void emit_rate(struct sim_platform *p, uint32_t id, enum scmi_server_clock_notify kind,
		      uint64_t hz, uint32_t cause)
{
	const struct sim_clk *k = &p->clock->clk[id];
	uint32_t words[2] = {(uint32_t)hz, (uint32_t)(hz >> 32)};

	if (k->notify[kind])
		sim_emit_resource(p, k->notify[kind], SCMI_PROTOCOL_CLOCK, (uint8_t)kind,
				  p->clock->count, id, cause, words, 2);
}

/* CLOCK_RATE_CHANGED for each of the @n clocks whose rate differs from @before (lock held). */
static void emit_rate_changes(struct sim_platform *p, const uint64_t *before, uint32_t n,
			      uint32_t cause)
{
	for (uint32_t i = 0; i < n; i++) {
		uint64_t now = sim_clock_rate(p->clock, i);

		if (now != before[i])
			emit_rate(p, i, SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGED, now, cause);
	}
}

/*
 * set_rate() with its notifications: the request to the clock asked for, then a change
 * for every clock it moved (children of a PLL follow it).
 */
static int set_rate_notify(struct sim_platform *p, uint32_t id, uint64_t hz,
			   enum scmi_server_clock_round round, uint32_t cause, uint64_t *before)
{
	uint32_t n;
	int ret;

	emit_rate(p, id, SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGE_REQUESTED, hz, cause);
	n = snapshot(p->clock, before);
	ret = set_rate(p->clock, id, hz, round);
	emit_rate_changes(p, before, n, cause);
	return ret;
}

int sim_clock_model_set_rate(struct sim_platform *p, uint32_t id, uint64_t hz)
{
	uint64_t before[SIM_CLOCK_MAX];

	if (!p->clock || id >= p->clock->count)
		return -ENOENT;
	return set_rate_notify(p, id, hz, SCMI_SERVER_CLOCK_ROUND_CLOSEST, 0, before);
}

/*
 * An agent moved clocks directly (their rates were @before): a perf domain driving one of
 * them follows with its OPP and voltage, so that the rate never outruns the supply and perf
 * never reports another level than the clock runs at. 0 or -errno (lock held).
 */
static int perf_follow(struct sim_platform *p, const uint64_t *before, uint32_t agent_id)
{
	int ret = 0;

	for (uint32_t i = 0; i < p->clock->count && !ret; i++)
		if (sim_clock_rate(p->clock, i) != before[i])
			ret = sim_perf_model_clock_moved(p, i, agent_id, before[i]);
	return ret;
}

int sim_clock_model_get_rate(struct sim_platform *p, uint32_t id, uint64_t *hz)
{
	if (!p->clock || id >= p->clock->count)
		return -ENOENT;
	*hz = sim_clock_rate(p->clock, id);
	return 0;
}

bool sim_clock_model_is_on(struct sim_platform *p, uint32_t id)
{
	if (!p->clock || id >= p->clock->count)
		return false;
	return running(p->clock, id);
}

bool sim_clock_model_notify_subscribed(struct sim_platform *p, uint32_t agent_id, uint32_t id,
				       enum scmi_server_clock_notify kind)
{
	if (!p->clock || id >= p->clock->count || agent_id < 1 || agent_id > SIM_MAX_AGENTS ||
	    (unsigned int)kind > 1)
		return false;
	return (p->clock->clk[id].notify[kind] >> (agent_id - 1)) & 1u;
}

/* Server ops: each takes the lock. */

/*
 * The clock agent @agent_id calls @id (its local id), or NULL when it sees no such clock;
 * its global id in @gid.
 */
static struct sim_clk *op_clk(struct sim_platform *p, uint32_t agent_id, uint32_t id, uint32_t *gid)
{
	if (!p->clock || agent_id < 1 || agent_id > SIM_MAX_AGENTS ||
	    !sim_view_global(p, agent_id, SCMI_PROTOCOL_CLOCK, p->clock->count, id, gid) ||
	    *gid >= p->clock->count)
		return NULL;
	return &p->clock->clk[*gid];
}

/* Whether @agent_id may change clock @gid and has @perm on it. */
static bool may(struct sim_platform *p, uint32_t agent_id, uint32_t gid, uint32_t perm)
{
	return (p->clock->clk[gid].perms & perm) &&
	       sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_CLOCK, gid);
}

/* The local id of global clock @gid for @agent_id; false when it cannot see it. */
static bool local_of(struct sim_platform *p, uint32_t agent_id, uint32_t gid, uint32_t *local)
{
	return sim_view_local(p, agent_id, SCMI_PROTOCOL_CLOCK, p->clock->count, gid, local);
}

/* Possible parents of @k that @agent_id sees: they are all it is told about. */
static uint32_t visible_parents(struct sim_platform *p, uint32_t agent_id, const struct sim_clk *k)
{
	uint32_t i, n = 0, local;

	for (i = 0; i < k->nparents; i++)
		n += local_of(p, agent_id, k->parents[i], &local);
	return n;
}

static uint32_t op_count(void *plat, uint32_t agent_id)
{
	struct sim_platform *p = plat;
	uint32_t n;
	uint32_t slot;

	if (!p->clock)
		return 0;
	slot = sim_rlock(p);
	n = sim_view_count(p, agent_id, SCMI_PROTOCOL_CLOCK, p->clock->count);
	sim_runlock(p, slot);
	return n;
}

static int32_t op_info(void *plat, uint32_t agent_id, uint32_t id,
		       struct scmi_server_clock_info *info)
{
	struct sim_platform *p = plat;
	struct sim_clk *k;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	k = op_clk(p, agent_id, id, &gid);
	if (!k) {
		sim_runlock(p, slot);
		return SCMI_NOT_FOUND;
	}
	memcpy(info->name, k->name, sizeof(info->name));
	info->enabled = running(p->clock, gid);
	info->enable_latency_us = k->latency_us;
	info->num_parents = visible_parents(p, agent_id, k);
	/* A revoked device: the agent may look but not touch. */
	info->permissions = sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_CLOCK, gid) ? k->perms : 0;
	sim_runlock(p, slot);
	return SCMI_SUCCESS;
}

static int32_t op_describe(void *plat, uint32_t agent_id, uint32_t id, uint32_t first,
			   uint64_t *rates, uint32_t max, struct scmi_server_clock_rates *r)
{
	struct sim_platform *p = plat;
	struct sim_clk_rateset rs;
	uint32_t i, gid;
	uint32_t slot;

	slot = sim_rlock(p);
	if (!op_clk(p, agent_id, id, &gid)) {
		sim_runlock(p, slot);
		return SCMI_NOT_FOUND;
	}
	sim_clock_rateset(p->clock, gid, &rs);
	r->range = rs.range;
	r->min = rs.min;
	r->max = rs.max;
	r->step = rs.step;
	r->count = rs.n;
	for (i = 0; !rs.range && i < max && first < rs.n && i < rs.n - first; i++)
		rates[i] = sim_clock_rate_at(p->clock, &rs, first + i);
	sim_runlock(p, slot);
	return SCMI_SUCCESS;
}

static int32_t op_rate_get(void *plat, uint32_t agent_id, uint32_t id, uint64_t *hz)
{
	struct sim_platform *p = plat;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	if (!op_clk(p, agent_id, id, &gid)) {
		sim_runlock(p, slot);
		return SCMI_NOT_FOUND;
	}
	*hz = sim_clock_rate(p->clock, gid);
	sim_runlock(p, slot);
	return SCMI_SUCCESS;
}

static int32_t op_rate_set(void *plat, uint32_t agent_id, uint32_t id, uint64_t hz,
			   enum scmi_server_clock_round round)
{
	struct sim_platform *p = plat;
	uint64_t before[SIM_CLOCK_MAX] = {0};
	int32_t st = SCMI_SUCCESS;
	uint32_t gid;

	sim_lock(p);
	if (!op_clk(p, agent_id, id, &gid))
		st = SCMI_NOT_FOUND;
	else if (!may(p, agent_id, gid, SCMI_CLOCK_PERM_RATE))
		st = SCMI_DENIED;
	else if (set_rate_notify(p, gid, hz, round, agent_id, before))
		st = SCMI_OUT_OF_RANGE;
	else if (perf_follow(p, before, agent_id))
		st = SCMI_HARDWARE_ERROR;
	sim_unlock(p);
	sim_events_flush();
	return st;
}

static int32_t op_state_set(void *plat, uint32_t agent_id, uint32_t id, bool enable)
{
	struct sim_platform *p = plat;
	struct sim_clk *k;
	int32_t st = SCMI_SUCCESS;
	uint32_t gid;

	sim_lock(p);
	k = op_clk(p, agent_id, id, &gid);
	if (!k) {
		st = SCMI_NOT_FOUND;
	} else if (!may(p, agent_id, gid, SCMI_CLOCK_PERM_STATE)) {
		st = SCMI_DENIED;
	} else if (enable) {
		k->votes |= 1ull << (agent_id - 1);
	} else {
		/* Only the caller's own vote goes: others keep the clock running. */
		k->votes &= ~(1ull << (agent_id - 1));
	}
	sim_unlock(p);
	return st;
}

static int32_t op_parents(void *plat, uint32_t agent_id, uint32_t id, uint32_t skip, uint32_t *ids,
			  uint32_t max, uint32_t *total)
{
	struct sim_platform *p = plat;
	struct sim_clk *k;
	uint32_t i, n = 0, seen = 0, local, gid;
	uint32_t slot;

	slot = sim_rlock(p);
	k = op_clk(p, agent_id, id, &gid);
	if (!k) {
		sim_runlock(p, slot);
		return SCMI_NOT_FOUND;
	}
	/* Parents the agent cannot see are left out, and the list closes up over them. */
	for (i = 0; i < k->nparents; i++) {
		if (!local_of(p, agent_id, k->parents[i], &local))
			continue;
		if (seen++ >= skip && n < max)
			ids[n++] = local;
	}
	*total = seen;
	sim_runlock(p, slot);
	return SCMI_SUCCESS;
}

static int32_t op_parent_set(void *plat, uint32_t agent_id, uint32_t id, uint32_t parent_id)
{
	struct sim_platform *p = plat;
	struct sim_clk *k;
	int32_t st = SCMI_INVALID_PARAMETERS;
	uint64_t before[SIM_CLOCK_MAX] = {0};
	uint32_t i, n, gid, gparent;

	sim_lock(p);
	k = op_clk(p, agent_id, id, &gid);
	if (!k) {
		st = SCMI_NOT_FOUND;
		goto out;
	}
	if (!may(p, agent_id, gid, SCMI_CLOCK_PERM_PARENT)) {
		st = SCMI_DENIED;
		goto out;
	}
	if (!sim_view_global(p, agent_id, SCMI_PROTOCOL_CLOCK, p->clock->count, parent_id,
			     &gparent)) {
		st = SCMI_NOT_FOUND;
		goto out;
	}
	/* The rate follows (a divider keeps its divider); a running clock's new parent starts
	 * running with it, as the vote pass derives it. */
	n = snapshot(p->clock, before);
	for (i = 0; i < k->nparents; i++) {
		if (k->parents[i] == gparent) {
			k->parent = i;
			st = SCMI_SUCCESS;
			break;
		}
	}
	emit_rate_changes(p, before, n, agent_id);
	if (st == SCMI_SUCCESS && perf_follow(p, before, agent_id))
		st = SCMI_HARDWARE_ERROR;
out:
	sim_unlock(p);
	sim_events_flush();
	return st;
}

static int32_t op_parent_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *parent_id)
{
	struct sim_platform *p = plat;
	struct sim_clk *k;
	int32_t st = SCMI_SUCCESS;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	k = op_clk(p, agent_id, id, &gid);
	if (!k)
		st = SCMI_NOT_FOUND;
	else if (!k->nparents)
		st = SCMI_NOT_SUPPORTED;
	else if (!local_of(p, agent_id, k->parents[k->parent], parent_id))
		/* The current parent is one the agent may not know of. */
		st = SCMI_DENIED;
	sim_runlock(p, slot);
	return st;
}

static int32_t op_notify(void *plat, uint32_t agent_id, uint32_t id,
			 enum scmi_server_clock_notify kind, bool enable)
{
	struct sim_platform *p = plat;
	struct sim_clk *k;
	int32_t st = SCMI_SUCCESS;
	uint32_t gid;

	sim_lock(p);
	k = op_clk(p, agent_id, id, &gid);
	if (!k || (unsigned int)kind > 1) {
		st = SCMI_NOT_FOUND;
	} else if (enable) {
		k->notify[kind] |= 1ull << (agent_id - 1);
	} else {
		k->notify[kind] &= ~(1ull << (agent_id - 1));
	}
	sim_unlock(p);
	return st;
}

void sim_clock_reset_agent(struct sim_platform *p, uint32_t agent_id)
{
	uint64_t bit;
	uint32_t i;

	if (!p->clock || agent_id < 1 || agent_id > SIM_MAX_AGENTS)
		return;
	bit = 1ull << (agent_id - 1);
	/* Running is derived from the votes: a clock only this agent kept on stops, unless
	 * always-on or a running child still needs it. Rates and parents stay. */
	for (i = 0; i < p->clock->count; i++) {
		p->clock->clk[i].votes &= ~bit;
		p->clock->clk[i].notify[0] &= ~bit;
		p->clock->clk[i].notify[1] &= ~bit;
	}
}

const struct scmi_server_clock_ops sim_clock_ops = {
    .count = op_count,
    .info = op_info,
    .describe = op_describe,
    .rate_get = op_rate_get,
    .rate_set = op_rate_set,
    .state_set = op_state_set,
    .parents = op_parents,
    .parent_set = op_parent_set,
    .parent_get = op_parent_get,
    .notify = op_notify,
};
