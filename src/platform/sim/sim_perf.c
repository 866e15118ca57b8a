// SPDX-License-Identifier: BSD-3-Clause
/*
 * The perf model at run time: votes, limits, power cap and DVFS.
 *
 * A domain runs at the highest level any agent asked for (its initial level
 * while nobody asked), brought within the limits, then lowered to the power
 * cap if one is set. Limits are one pair per domain, whoever set them last
 * (the platform has one pair of limit registers per domain); requests stay
 * recorded across limit changes, so widening the limits or removing a cap
 * brings back what the agents asked for.
 *
 * DVFS like silicon: going up, the supply rises before the clock; going down,
 * the clock falls before the supply; a refused second step puts the first one
 * back. A clock or voltage model that answers -ENOENT is taken as absent (a
 * platform without that model), not as a failure.
 */
#include <string.h>

#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_events.h"
#include "platform/sim/sim_perf_priv.h"
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_voltage.h"

static struct sim_perf_domain *domain_of(struct sim_platform *p, uint32_t id)
{
	if (!p || !p->perf || id >= p->perf->num)
		return NULL;
	return &p->perf->d[id];
}

/* Index of the highest OPP at or below @level, or -1 when all are above. */
static int opp_floor(const struct sim_perf_domain *d, uint32_t level)
{
	int i;

	for (i = (int)d->num_opps - 1; i >= 0; i--)
		if (d->opps[i].level <= level)
			return i;
	return -1;
}

static int opp_exact(const struct sim_perf_domain *d, uint32_t level)
{
	int i = opp_floor(d, level);

	return i >= 0 && d->opps[i].level == level ? i : -1;
}

/* Index of the OPP the domain should run at. */
static uint32_t target(const struct sim_perf_domain *d)
{
	uint32_t want = d->opps[d->initial].level, a;
	int idx, i;

	if (d->voted) {
		want = 0;
		for (a = 0; a < SIM_MAX_AGENTS; a++)
			if ((d->voted >> a) & 1u && d->req[a] > want)
				want = d->req[a];
	}
	if (want > d->lim_max)
		want = d->lim_max;
	idx = opp_floor(d, want);
	if (idx < 0 || d->opps[idx].level < d->lim_min) {
		/* Below the lower limit: the lowest OPP within the limits. */
		for (i = 0; i < (int)d->num_opps; i++)
			if (d->opps[i].level >= d->lim_min)
				break;
		idx = i < (int)d->num_opps ? i : (int)d->num_opps - 1;
	}
	if (d->cap_mw) {
		/* The cap wins over the lower limit: it protects the hardware. */
		for (i = idx; i > 0 && d->opps[i].power_mw > d->cap_mw; i--)
			;
		idx = i;
	}
	return (uint32_t)idx;
}

static void trace(struct sim_perf *perf, uint32_t id, enum sim_perf_step_kind kind, uint64_t value,
		  int ret)
{
	struct sim_perf_step *s = &perf->trace[perf->trace_next];

	s->domain = id;
	s->kind = kind;
	s->value = value;
	s->ret = ret;
	perf->trace_next = (perf->trace_next + 1) % SIM_PERF_TRACE_LEN;
	if (perf->trace_len < SIM_PERF_TRACE_LEN)
		perf->trace_len++;
}

/* One step to OPP @o: its voltage or its clock; 0 when the step's model is absent. */
static int step(struct sim_platform *p, uint32_t id, enum sim_perf_step_kind kind,
		const struct sim_perf_opp *o)
{
	struct sim_perf_domain *d = &p->perf->d[id];
	uint64_t value;
	int ret;

	if (kind == SIM_PERF_STEP_VOLTAGE) {
		if (!d->has_voltage)
			return 0;
		value = o->uv;
		ret = sim_voltage_model_set_level(p, d->voltage_id, (int32_t)o->uv);
	} else {
		if (!d->has_clock)
			return 0;
		value = (uint64_t)o->freq_khz * 1000u;
		ret = sim_clock_model_set_rate(p, d->clock_id, value);
	}
	trace(p->perf, id, kind, value, ret);
	return ret == -ENOENT ? 0 : ret;
}

/*
 * Performance level @level as a notification carries it: in level-indexing mode (v4) the
 * notifications name OPPs by index, as LEVEL_GET and LIMITS_GET do (Linux translates their
 * values through its index table then). A level between two OPPs (a limit) is the highest
 * OPP below it, as the server maps LIMITS_GET. The platform is not told what an agent
 * negotiated, so the version is the platform's own (what an agent that does not negotiate
 * down runs, Linux among them).
 */
static uint32_t wire_level(const struct sim_platform *p, const struct sim_perf_domain *d,
			   uint32_t level)
{
	int i;

	if (!d->level_indexing ||
	    sim_protocol_version(p, SCMI_PROTOCOL_PERF) < SCMI_PERF_VERSION_4_0)
		return level;
	i = opp_floor(d, level);
	return i < 0 ? 0 : (uint32_t)i;
}

/* PERFORMANCE_LEVEL_CHANGED to the subscribers of domain @id (lock held). */
static void emit_level(struct sim_platform *p, uint32_t id)
{
	struct sim_perf_domain *d = &p->perf->d[id];
	uint32_t level;

	if (!d->notify_level)
		return;
	level = wire_level(p, d, d->opps[d->cur].level);
	sim_emit_resource(p, d->notify_level, SCMI_PROTOCOL_PERF,
			  SCMI_EVT_PERFORMANCE_LEVEL_CHANGED, p->perf->num, id,
			  p->perf->cause_agent, &level, 1);
}

/* Move domain @id from its current OPP to OPP @to, in the order the hardware needs. */
static int move(struct sim_platform *p, uint32_t id, uint32_t to, bool boot)
{
	struct sim_perf_domain *d = &p->perf->d[id];
	const struct sim_perf_opp *from = &d->opps[d->cur], *dst = &d->opps[to];
	enum sim_perf_step_kind first, second;
	int ret;

	if (!boot && to == d->cur)
		return 0;
	if (boot || to > d->cur) {
		first = SIM_PERF_STEP_VOLTAGE;
		second = SIM_PERF_STEP_CLOCK;
	} else {
		first = SIM_PERF_STEP_CLOCK;
		second = SIM_PERF_STEP_VOLTAGE;
	}
	ret = step(p, id, first, dst);
	if (ret)
		return ret;
	ret = step(p, id, second, dst);
	if (ret) {
		if (!boot)
			step(p, id, first, from);
		return ret;
	}
	d->cur = to;
	if (!boot)
		emit_level(p, id);
	return 0;
}

/*
 * Bring domain @id to OPP @to with its clock at @keep_hz (0: the OPP's own frequency), from
 * wherever an agent's direct clock change left the clock: the supply first when it rises,
 * last when it falls. On a refused step the clock goes back to @before_hz and the supply to
 * the current OPP's.
 */
static int settle(struct sim_platform *p, uint32_t id, uint32_t to, uint64_t keep_hz,
		  uint64_t before_hz)
{
	struct sim_perf_domain *d = &p->perf->d[id];
	const struct sim_perf_opp *dst = &d->opps[to];
	int32_t uv = 0;
	bool up;
	int ret;

	up = !d->has_voltage || sim_voltage_model_get_level(p, d->voltage_id, &uv) ||
	     (int64_t)dst->uv >= (int64_t)uv;
	ret = up ? step(p, id, SIM_PERF_STEP_VOLTAGE, dst) : 0;
	if (!ret && !keep_hz)
		ret = step(p, id, SIM_PERF_STEP_CLOCK, dst);
	if (!ret && !up)
		ret = step(p, id, SIM_PERF_STEP_VOLTAGE, dst);
	if (ret) {
		(void)sim_clock_model_set_rate(p, d->clock_id, before_hz);
		(void)step(p, id, SIM_PERF_STEP_VOLTAGE, &d->opps[d->cur]);
		return ret;
	}
	if (to != d->cur) {
		d->cur = to;
		emit_level(p, id);
	}
	return 0;
}

int sim_perf_model_clock_moved(struct sim_platform *p, uint32_t clock_id, uint32_t agent_id,
			       uint64_t before_hz)
{
	struct sim_perf_domain *d = NULL;
	uint32_t id, old_req, want, t;
	uint64_t hz, bit, old_voted;
	int ret;

	for (id = 0; id < sim_perf_model_num_domains(p); id++) {
		if (p->perf->d[id].has_clock && p->perf->d[id].clock_id == clock_id) {
			d = &p->perf->d[id];
			break;
		}
	}
	if (!d || !sim_agent_id_valid(agent_id) || sim_clock_model_get_rate(p, clock_id, &hz))
		return 0;
	/* The lowest OPP whose frequency covers the new rate: its voltage is what the rate
	 * needs. Above the table, the top OPP (the clock then comes down to it). */
	for (want = 0; want + 1 < d->num_opps && (uint64_t)d->opps[want].freq_khz * 1000u < hz;
	     want++)
		;
	bit = (uint64_t)1 << (agent_id - 1);
	old_voted = d->voted;
	old_req = d->req[agent_id - 1];
	d->voted |= bit;
	d->req[agent_id - 1] = d->opps[want].level;
	t = target(d);
	/* The clock keeps the agent's rate only where the arbitration lands on the OPP asked
	 * for and that OPP covers the rate; otherwise it runs at the OPP's frequency. */
	ret = settle(p, id, t, t == want && hz <= (uint64_t)d->opps[t].freq_khz * 1000u ? hz : 0,
		     before_hz);
	if (ret) {
		d->voted = old_voted;
		d->req[agent_id - 1] = old_req;
	}
	return ret;
}

int sim_perf_apply(struct sim_platform *p, uint32_t id)
{
	struct sim_perf_domain *d = domain_of(p, id);

	if (!d)
		return -ENOENT;
	return move(p, id, target(d), false);
}

int sim_perf_boot(struct sim_platform *p, uint32_t id)
{
	struct sim_perf_domain *d = domain_of(p, id);

	if (!d)
		return -ENOENT;
	return move(p, id, d->cur, true);
}

/* Cross-model functions (lock held). */

uint32_t sim_perf_model_num_domains(struct sim_platform *p)
{
	return p && p->perf ? p->perf->num : 0;
}

int sim_perf_model_level(struct sim_platform *p, uint32_t id, uint32_t *level, uint32_t *freq_khz)
{
	struct sim_perf_domain *d = domain_of(p, id);

	if (!d)
		return -ENOENT;
	if (level)
		*level = d->opps[d->cur].level;
	if (freq_khz)
		*freq_khz = d->opps[d->cur].freq_khz;
	return 0;
}

uint32_t sim_perf_model_power_mw(struct sim_platform *p, uint32_t id)
{
	struct sim_perf_domain *d = domain_of(p, id);

	return d ? d->opps[d->cur].power_mw : 0;
}

uint32_t sim_perf_model_total_power_mw(struct sim_platform *p)
{
	uint32_t i, sum = 0;

	for (i = 0; i < sim_perf_model_num_domains(p); i++)
		sum += p->perf->d[i].opps[p->perf->d[i].cur].power_mw;
	return sum;
}

int sim_perf_model_set_cap_mw(struct sim_platform *p, uint32_t id, uint32_t mw)
{
	struct sim_perf_domain *d = domain_of(p, id);
	uint32_t old;
	int ret;

	if (!d)
		return -ENOENT;
	old = d->cap_mw;
	d->cap_mw = mw;
	ret = sim_perf_apply(p, id);
	if (ret)
		d->cap_mw = old;
	return ret;
}

size_t sim_perf_model_trace(struct sim_platform *p, struct sim_perf_step *steps, size_t max,
			    bool clear)
{
	struct sim_perf *perf = p ? p->perf : NULL;
	size_t n = 0, i;

	if (!perf)
		return 0;
	for (i = 0; i < perf->trace_len && n < max; i++) {
		size_t slot = (perf->trace_next + SIM_PERF_TRACE_LEN - perf->trace_len + i) %
			      SIM_PERF_TRACE_LEN;

		steps[n++] = perf->trace[slot];
	}
	if (clear) {
		perf->trace_len = 0;
		perf->trace_next = 0;
	}
	return n;
}

/* The server ops: each takes the platform lock. */

/*
 * The domain agent @agent_id calls @id (its local id), or NULL when it sees no such domain;
 * its global id in @gid.
 */
static struct sim_perf_domain *op_domain_of(struct sim_platform *p, uint32_t agent_id, uint32_t id,
					    uint32_t *gid)
{
	if (!sim_agent_id_valid(agent_id) ||
	    !sim_view_global(p, agent_id, SCMI_PROTOCOL_PERF, sim_perf_model_num_domains(p), id,
			     gid))
		return NULL;
	return domain_of(p, *gid);
}

static bool op_allowed(struct sim_platform *p, uint32_t agent_id, uint32_t gid)
{
	return sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_PERF, gid);
}

static uint32_t op_count(void *plat, uint32_t agent_id)
{
	struct sim_platform *p = plat;
	uint32_t n;
	uint32_t slot;

	slot = sim_rlock(p);
	n = sim_view_count(p, agent_id, SCMI_PROTOCOL_PERF, sim_perf_model_num_domains(p));
	sim_runlock(p, slot);
	return n;
}

static bool op_power_uw(void *plat)
{
	(void)plat;
	return false;
}

static int32_t op_domain(void *plat, uint32_t agent_id, uint32_t id,
			 struct scmi_server_perf_domain *out)
{
	struct sim_platform *p = plat;
	struct sim_perf_domain *d;
	int32_t st = SCMI_NOT_FOUND;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	d = op_domain_of(p, agent_id, id, &gid);
	if (d) {
		memcpy(out->name, d->name, sizeof(out->name));
		out->extended_name = true; /* every domain answers NAME_GET (v3+) */
		out->set_limits = true;
		out->set_level = true;
		out->notify_limits = true;
		out->notify_level = true;
		out->level_indexing = d->level_indexing;
		out->rate_limit_us = d->rate_limit_us;
		out->sustained_freq_khz = d->opps[d->sustained].freq_khz;
		out->sustained_level = d->opps[d->sustained].level;
		out->num_levels = d->num_opps;
		out->fastchannels = d->fastchannels && p->perf->fc[agent_id - 1].present;
		st = SCMI_SUCCESS;
	}
	sim_runlock(p, slot);
	return st;
}

static int32_t op_opp(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
		      struct scmi_server_perf_opp *out)
{
	struct sim_platform *p = plat;
	struct sim_perf_domain *d;
	int32_t st = SCMI_NOT_FOUND;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	d = op_domain_of(p, agent_id, id, &gid);
	if (d && index >= d->num_opps) {
		st = SCMI_INVALID_PARAMETERS;
	} else if (d) {
		out->level = d->opps[index].level;
		out->power = d->opps[index].power_mw;
		out->latency_us = d->opps[index].latency_us;
		out->freq_khz = d->opps[index].freq_khz;
		st = SCMI_SUCCESS;
	}
	sim_runlock(p, slot);
	return st;
}

static int32_t op_limits_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *max,
			     uint32_t *min)
{
	struct sim_platform *p = plat;
	struct sim_perf_domain *d;
	int32_t st = SCMI_NOT_FOUND;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	d = op_domain_of(p, agent_id, id, &gid);
	if (d) {
		*max = d->lim_max;
		*min = d->lim_min;
		st = SCMI_SUCCESS;
	}
	sim_runlock(p, slot);
	return st;
}

static int32_t limits_set_locked(struct sim_platform *p, uint32_t agent_id, uint32_t local,
				 uint32_t max, uint32_t min)
{
	uint32_t old_max, old_min, old_agent, id;
	struct sim_perf_domain *d = op_domain_of(p, agent_id, local, &id);
	int lo;

	if (!d)
		return SCMI_NOT_FOUND;
	if (!op_allowed(p, agent_id, id))
		return SCMI_DENIED;
	if (min > max)
		return SCMI_INVALID_PARAMETERS;
	if (min < d->opps[0].level || max > d->opps[d->num_opps - 1].level)
		return SCMI_OUT_OF_RANGE;
	/* The range must hold at least one OPP to run at. */
	lo = opp_floor(d, max);
	if (lo < 0 || d->opps[lo].level < min)
		return SCMI_OUT_OF_RANGE;
	old_max = d->lim_max;
	old_min = d->lim_min;
	old_agent = d->lim_agent;
	d->lim_max = max;
	d->lim_min = min;
	d->lim_agent = agent_id;
	if (sim_perf_apply(p, id)) {
		d->lim_max = old_max;
		d->lim_min = old_min;
		d->lim_agent = old_agent;
		return SCMI_HARDWARE_ERROR;
	}
	if (old_max != max || old_min != min) {
		/* struct scmi_perf_limits_changed_evt after agent and domain. */
		uint32_t words[2] = {wire_level(p, d, max), wire_level(p, d, min)};

		sim_emit_resource(p, d->notify_limits, SCMI_PROTOCOL_PERF,
				  SCMI_EVT_PERFORMANCE_LIMITS_CHANGED, p->perf->num, id, agent_id,
				  words, 2);
	}
	return SCMI_SUCCESS;
}

static int32_t op_limits_set(void *plat, uint32_t agent_id, uint32_t id, uint32_t max, uint32_t min)
{
	struct sim_platform *p = plat;
	int32_t st;

	sim_lock(p);
	p->perf->cause_agent = agent_id;
	st = limits_set_locked(p, agent_id, id, max, min);
	p->perf->cause_agent = 0;
	sim_unlock(p);
	sim_events_flush();
	return st;
}

static int32_t op_level_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *level)
{
	struct sim_platform *p = plat;
	int32_t st = SCMI_NOT_FOUND;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	if (op_domain_of(p, agent_id, id, &gid) && !sim_perf_model_level(p, gid, level, NULL))
		st = SCMI_SUCCESS;
	sim_runlock(p, slot);
	return st;
}

static int32_t level_set_locked(struct sim_platform *p, uint32_t agent_id, uint32_t local,
				uint32_t level)
{
	uint32_t old_req, id;
	struct sim_perf_domain *d = op_domain_of(p, agent_id, local, &id);
	uint64_t bit, old_voted;

	if (!d)
		return SCMI_NOT_FOUND;
	if (!op_allowed(p, agent_id, id))
		return SCMI_DENIED;
	if (opp_exact(d, level) < 0 || level < d->lim_min || level > d->lim_max)
		return SCMI_OUT_OF_RANGE;
	bit = (uint64_t)1 << (agent_id - 1);
	old_voted = d->voted;
	old_req = d->req[agent_id - 1];
	d->voted |= bit;
	d->req[agent_id - 1] = level;
	if (sim_perf_apply(p, id)) {
		d->voted = old_voted;
		d->req[agent_id - 1] = old_req;
		return SCMI_HARDWARE_ERROR;
	}
	return SCMI_SUCCESS;
}

static int32_t op_level_set(void *plat, uint32_t agent_id, uint32_t id, uint32_t level)
{
	struct sim_platform *p = plat;
	int32_t st;

	sim_lock(p);
	p->perf->cause_agent = agent_id;
	st = level_set_locked(p, agent_id, id, level);
	p->perf->cause_agent = 0;
	sim_unlock(p);
	sim_events_flush();
	return st;
}

static int32_t op_notify(void *plat, uint32_t agent_id, uint32_t id, bool limits, bool enable)
{
	struct sim_platform *p = plat;
	struct sim_perf_domain *d;
	int32_t st = SCMI_NOT_FOUND;
	uint32_t gid;

	sim_lock(p);
	d = op_domain_of(p, agent_id, id, &gid);
	if (d) {
		uint64_t *map = limits ? &d->notify_limits : &d->notify_level;
		uint64_t bit = (uint64_t)1 << (agent_id - 1);

		*map = enable ? *map | bit : *map & ~bit;
		st = SCMI_SUCCESS;
	}
	sim_unlock(p);
	return st;
}

/* Fast channels (sim_fastchannel.h). */

static int32_t op_fastchannel(void *plat, uint32_t agent_id, uint32_t id, uint32_t msg_id,
			      struct scmi_server_fastchannel *out)
{
	struct sim_platform *p = plat;
	const struct sim_fc_region *r;
	struct sim_perf_domain *d;
	int32_t st = SCMI_NOT_FOUND;
	uint32_t gid, off;
	bool set;

	sim_lock(p);
	d = op_domain_of(p, agent_id, id, &gid);
	if (!d)
		goto out;
	st = SCMI_NOT_SUPPORTED;
	r = &p->perf->fc[agent_id - 1];
	if (!d->fastchannels || !r->present)
		goto out;
	switch (msg_id) {
	case SCMI_MSG_PERF_LEVEL_SET:
		off = SIM_FC_PERF_LEVEL_SET;
		break;
	case SCMI_MSG_PERF_LEVEL_GET:
		off = SIM_FC_PERF_LEVEL_GET;
		break;
	case SCMI_MSG_PERF_LIMITS_SET:
		off = SIM_FC_PERF_LIMITS_SET;
		break;
	case SCMI_MSG_PERF_LIMITS_GET:
		off = SIM_FC_PERF_LIMITS_GET;
		break;
	default:
		goto out;
	}
	set = msg_id == SCMI_MSG_PERF_LEVEL_SET || msg_id == SCMI_MSG_PERF_LIMITS_SET;
	sim_fc_describe(r, SIM_FC_PERF_OFF + (uint64_t)id * SIM_FC_PERF_STRIDE + off,
			msg_id == SCMI_MSG_PERF_LEVEL_SET || msg_id == SCMI_MSG_PERF_LEVEL_GET
			    ? SCMI_PERF_FC_LEVEL_SIZE
			    : SCMI_PERF_FC_LIMITS_SIZE,
			set, out);
	st = SCMI_SUCCESS;
out:
	sim_unlock(p);
	return st;
}

/*
 * A value of a SET channel as a performance level: in level-indexing mode (a v4 platform) the
 * agent writes OPP indexes, as in the messages. False for an index beyond the table.
 */
static bool fc_level_of(const struct sim_platform *p, const struct sim_perf_domain *d, uint32_t v,
			uint32_t *level)
{
	if (!d->level_indexing ||
	    sim_protocol_version(p, SCMI_PROTOCOL_PERF) < SCMI_PERF_VERSION_4_0) {
		*level = v;
		return true;
	}
	if (v >= d->num_opps)
		return false;
	*level = d->opps[v].level;
	return true;
}

static void fc_count(struct sim_platform *p, uint32_t agent_id, int32_t st)
{
	sim_fc_count_locked(p, agent_id, st == SCMI_SUCCESS);
}

void sim_perf_fc_pass(struct sim_platform *p, uint32_t agent_id, uint8_t *mem,
		      enum sim_fc_phase phase, bool doorbell, bool rung)
{
	uint32_t n = sim_view_count(p, agent_id, SCMI_PROTOCOL_PERF, sim_perf_model_num_domains(p));
	uint32_t i, gid, v, max, min, lmax, lmin;
	struct sim_perf_domain *d;
	uint8_t *ch;
	int32_t st;

	if (n > SIM_PERF_MAX_DOMAINS)
		n = SIM_PERF_MAX_DOMAINS;
	p->perf->cause_agent = agent_id;
	for (i = 0; i < n; i++) {
		d = op_domain_of(p, agent_id, i, &gid);
		if (!d || !d->fastchannels)
			continue;
		ch = mem + SIM_FC_PERF_OFF + (size_t)i * SIM_FC_PERF_STRIDE;
		if (phase == SIM_FC_PUBLISH) {
			/* What LEVEL_GET and LIMITS_GET would answer now. */
			sim_fc_write32(ch, SIM_FC_PERF_LEVEL_GET,
				       wire_level(p, d, d->opps[d->cur].level));
			sim_fc_write32(ch, SIM_FC_PERF_LIMITS_GET, wire_level(p, d, d->lim_max));
			sim_fc_write32(ch, SIM_FC_PERF_LIMITS_GET + 4u,
				       wire_level(p, d, d->lim_min));
			continue;
		}
		v = sim_fc_read32(ch, SIM_FC_PERF_LEVEL_SET);
		if (doorbell ? rung && v : v != d->fc_level[agent_id - 1]) {
			d->fc_level[agent_id - 1] = v;
			st = fc_level_of(p, d, v, &v) ? level_set_locked(p, agent_id, i, v)
						      : SCMI_OUT_OF_RANGE;
			fc_count(p, agent_id, st);
		}
		max = sim_fc_read32(ch, SIM_FC_PERF_LIMITS_SET);
		min = sim_fc_read32(ch, SIM_FC_PERF_LIMITS_SET + 4u);
		if (doorbell ? rung && (max || min)
			     : max != d->fc_limits[agent_id - 1][0] ||
				   min != d->fc_limits[agent_id - 1][1]) {
			d->fc_limits[agent_id - 1][0] = max;
			d->fc_limits[agent_id - 1][1] = min;
			if (min > max)
				st = SCMI_INVALID_PARAMETERS;
			else if (!fc_level_of(p, d, max, &lmax) || !fc_level_of(p, d, min, &lmin))
				st = SCMI_OUT_OF_RANGE;
			else
				st = limits_set_locked(p, agent_id, i, lmax, lmin);
			fc_count(p, agent_id, st);
		}
	}
	p->perf->cause_agent = 0;
}

void sim_perf_reset_agent(struct sim_platform *p, uint32_t agent_id)
{
	struct sim_perf_domain *d;
	uint64_t bit;
	uint32_t i;

	if (!sim_agent_id_valid(agent_id))
		return;
	bit = (uint64_t)1 << (agent_id - 1);
	for (i = 0; i < sim_perf_model_num_domains(p); i++) {
		d = &p->perf->d[i];
		d->notify_limits &= ~bit;
		d->notify_level &= ~bit;
		if (!(d->voted & bit) && d->lim_agent != agent_id)
			continue;
		d->voted &= ~bit;
		d->req[agent_id - 1] = 0;
		if (d->lim_agent == agent_id) {
			/* Its limits go: back to the boot limits, the whole table. */
			d->lim_min = d->opps[0].level;
			d->lim_max = d->opps[d->num_opps - 1].level;
			d->lim_agent = 0;
		}
		/* To the level the remaining votes ask; a refused DVFS step leaves the domain
		 * where it was, as for any request the hardware refuses. */
		(void)sim_perf_apply(p, i);
	}
}

const struct scmi_server_perf_ops sim_perf_ops = {
    .count = op_count,
    .power_uw = op_power_uw,
    .domain = op_domain,
    .opp = op_opp,
    .limits_get = op_limits_get,
    .limits_set = op_limits_set,
    .level_get = op_level_get,
    .level_set = op_level_set,
    .notify = op_notify,
    .fastchannel = op_fastchannel,
};
