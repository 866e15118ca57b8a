// SPDX-License-Identifier: BSD-3-Clause
/*
 * Powercap (0x18) model: zones that cap the perf domains.
 *
 * A zone caps the perf domains named in its DT node. Its cap, less its static
 * power, is shared among them by weight; a domain in several zones (a "cpu"
 * zone inside the "soc" zone) gets the tightest share, and the perf model runs
 * it at the highest level within that power (sim_perf_model_set_cap_mw). So
 * the zone's power never exceeds its cap once the perf model has settled.
 *
 * Measurement: the zone's power (static power plus its domains' power, from
 * the perf model) is sampled whenever the model is entered and held constant
 * in between; MEASUREMENTS_GET reports its average over the last complete
 * averaging interval in platform time (the partial one until one completes).
 */
#include <string.h>

#include "platform/sim/sim_perf.h"
#include "platform/sim/sim_events.h"
#include "platform/sim/sim_fastchannel.h"
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_powercap.h"
#include "platform/sim/sim_powercap_priv.h"
#include "scmi/proto/status.h"

/* A zone's unit converted to mW for the perf model (abstract units count as mW). */
static uint32_t pcap_to_mw(const struct sim_pcap_zone *z, uint32_t v)
{
	return z->info.unit == SCMI_POWERCAP_UNIT_UW ? v / 1000u : v;
}

static uint32_t pcap_from_mw(const struct sim_pcap_zone *z, uint32_t mw)
{
	uint64_t v = mw;

	if (z->info.unit == SCMI_POWERCAP_UNIT_UW)
		v *= 1000u;
	return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* Power the zone draws now, in its unit. */
static uint32_t pcap_power_now(struct sim_platform *p, const struct sim_pcap_zone *z)
{
	uint64_t mw = 0, v;
	uint32_t i;

	for (i = 0; i < z->ndomains; i++)
		mw += sim_perf_model_power_mw(p, z->domains[i]);
	v = (uint64_t)pcap_from_mw(z, mw > UINT32_MAX ? UINT32_MAX : (uint32_t)mw) +
	    z->static_power;
	return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* Account for the power held since the last sample, then take a new one. */
static void pcap_sample(struct sim_platform *p, struct sim_pcap_zone *z)
{
	uint64_t now = sim_time_now_us(p);

	while (z->last_us < now) {
		uint64_t win_end = z->win_start_us + z->pai_us;
		uint64_t until = now < win_end ? now : win_end;

		z->win_energy += (uint64_t)z->last_power * (until - z->last_us);
		z->last_us = until;
		if (until < win_end)
			break;
		z->avg = (uint32_t)(z->win_energy / z->pai_us);
		z->have_avg = true;
		z->win_start_us = win_end;
		z->win_energy = 0;
		if (now - z->win_start_us >= z->pai_us) {
			/* Whole windows at the held power: skip them at once. */
			uint64_t k = (now - z->win_start_us) / z->pai_us;

			z->avg = z->last_power;
			z->win_start_us += k * z->pai_us;
			z->last_us = z->win_start_us;
		}
	}
	z->last_power = pcap_power_now(p, z);
}

void sim_pcap_restart(struct sim_platform *p, struct sim_pcap_zone *z)
{
	z->last_us = sim_time_now_us(p);
	z->win_start_us = z->last_us;
	z->win_energy = 0;
	z->have_avg = false;
	z->last_power = pcap_power_now(p, z);
}

/* The tightest share any enabled zone gives perf domain @dom, in mW; 0 = uncapped. */
static uint32_t pcap_domain_cap(const struct sim_powercap *pc, uint32_t dom)
{
	uint32_t best = 0, i, j, k;

	for (i = 0; i < pc->num; i++) {
		const struct sim_pcap_zone *z = &pc->zones[i];
		uint64_t wsum = 0, share;

		if (!z->enabled)
			continue;
		for (k = 0; k < z->ndomains; k++)
			wsum += z->weights[k];
		for (j = 0; j < z->ndomains; j++) {
			if (z->domains[j] != dom)
				continue;
			share = (uint64_t)pcap_to_mw(z, z->cap - z->static_power) * z->weights[j] /
				wsum;
			/* 0 would mean "no cap" to the perf model: the least it can be is 1 mW. */
			if (!share)
				share = 1;
			if (!best || share < best)
				best = (uint32_t)share;
		}
	}
	return best;
}

int sim_pcap_apply(struct sim_platform *p)
{
	struct sim_powercap *pc = p->powercap;
	uint32_t i, j;
	int ret;

	for (i = 0; pc && i < pc->num; i++) {
		for (j = 0; j < pc->zones[i].ndomains; j++) {
			uint32_t dom = pc->zones[i].domains[j];

			ret = sim_perf_model_set_cap_mw(p, dom, pcap_domain_cap(pc, dom));
			if (ret)
				return ret;
		}
	}
	return 0;
}

static struct sim_pcap_zone *pcap_zone(void *plat, uint32_t id)
{
	struct sim_powercap *pc = ((struct sim_platform *)plat)->powercap;

	return pc && id < pc->num ? &pc->zones[id] : NULL;
}

/*
 * The zone agent @agent_id calls @id (its local id), or NULL when it sees no such zone; its
 * global id in @gid. Lock held.
 */
static struct sim_pcap_zone *op_zone(struct sim_platform *p, uint32_t agent_id, uint32_t id,
				     uint32_t *gid)
{
	if (!p->powercap || !sim_agent_id_valid(agent_id) ||
	    !sim_view_global(p, agent_id, SCMI_PROTOCOL_POWERCAP, p->powercap->num, id, gid))
		return NULL;
	return pcap_zone(p, *gid);
}

static void pcap_sample_all(struct sim_platform *p)
{
	uint32_t i;

	for (i = 0; p->powercap && i < p->powercap->num; i++)
		pcap_sample(p, &p->powercap->zones[i]);
}

static uint32_t pcap_count(void *plat, uint32_t agent_id)
{
	struct sim_platform *p = plat;
	uint32_t n;
	uint32_t slot;

	if (!p->powercap)
		return 0;
	slot = sim_rlock(p);
	n = sim_view_count(p, agent_id, SCMI_PROTOCOL_POWERCAP, p->powercap->num);
	sim_runlock(p, slot);
	return n;
}

static int32_t pcap_info(void *plat, uint32_t agent_id, uint32_t id,
			 struct scmi_server_powercap_info *info)
{
	struct sim_platform *p = plat;
	struct sim_pcap_zone *z;
	uint32_t gid, parent;
	uint32_t slot;

	slot = sim_rlock(p);
	z = op_zone(p, agent_id, id, &gid);
	if (!z) {
		sim_runlock(p, slot);
		return SCMI_NOT_FOUND;
	}
	*info = z->info;
	info->fastchannels = z->fastchannels && sim_fc_region_locked(p, agent_id);
	/* The parent in the agent's numbering; a parent it cannot see makes the zone a root
	 * for it, as if the hidden zone were not there. */
	if (info->parent_id != SCMI_POWERCAP_ROOT) {
		if (sim_view_local(p, agent_id, SCMI_PROTOCOL_POWERCAP, p->powercap->num,
				   info->parent_id, &parent))
			info->parent_id = parent;
		else
			info->parent_id = SCMI_POWERCAP_ROOT;
	}
	sim_runlock(p, slot);
	return SCMI_SUCCESS;
}

static int32_t pcap_cap_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *cap)
{
	struct sim_platform *p = plat;
	struct sim_pcap_zone *z;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	z = op_zone(p, agent_id, id, &gid);
	if (z)
		*cap = z->enabled ? z->cap : 0;
	sim_runlock(p, slot);
	return z ? SCMI_SUCCESS : SCMI_NOT_FOUND;
}

/* CAP_SET of agent @agent_id on its zone @id, @cap validated (lock held). */
static int32_t cap_set_locked(struct sim_platform *p, uint32_t agent_id, uint32_t id, uint32_t cap)
{
	struct sim_pcap_zone *z;
	uint32_t old_cap, gid;
	bool old_enabled;
	int32_t st = SCMI_SUCCESS;

	z = op_zone(p, agent_id, id, &gid);
	if (!z || !sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_POWERCAP, gid))
		return z ? SCMI_DENIED : SCMI_NOT_FOUND;
	/* The power drawn so far counts at the old cap. */
	pcap_sample_all(p);
	old_cap = z->cap;
	old_enabled = z->enabled;
	if (cap) {
		z->cap = cap;
		z->enabled = true;
	} else {
		/* Disabling keeps the cap, as the hardware keeps its register. */
		z->enabled = false;
	}
	if (sim_pcap_apply(p)) {
		z->cap = old_cap;
		z->enabled = old_enabled;
		sim_pcap_apply(p);
		st = SCMI_HARDWARE_ERROR;
	}
	/* Sample the power at the new levels from now on. */
	pcap_sample_all(p);
	if (st == SCMI_SUCCESS && (z->cap != old_cap || z->enabled != old_enabled)) {
		/* struct scmi_powercap_cap_changed_evt after agent and zone. */
		uint32_t words[2] = {z->enabled ? z->cap : SCMI_POWERCAP_CAP_DISABLED, z->pai_us};
		uint64_t subs = 0;

		for (uint32_t a = 1; a <= SIM_MAX_AGENTS; a++)
			if (z->cap_notify[a])
				subs |= 1ull << (a - 1);
		sim_emit_resource(p, subs, SCMI_PROTOCOL_POWERCAP, SCMI_EVT_POWERCAP_CAP_CHANGED,
				  p->powercap->num, gid, agent_id, words, 2);
	}
	return st;
}

static int32_t pcap_cap_set(void *plat, uint32_t agent_id, uint32_t id, uint32_t cap)
{
	struct sim_platform *p = plat;
	int32_t st;

	sim_lock(p);
	st = cap_set_locked(p, agent_id, id, cap);
	sim_unlock(p);
	sim_events_flush();
	return st;
}

static int32_t pcap_pai_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *pai)
{
	struct sim_platform *p = plat;
	struct sim_pcap_zone *z;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	z = op_zone(p, agent_id, id, &gid);
	if (z)
		*pai = z->pai_us;
	sim_runlock(p, slot);
	return z ? SCMI_SUCCESS : SCMI_NOT_FOUND;
}

/* PAI_SET of agent @agent_id on its zone @id, @pai validated (lock held). */
static int32_t pai_set_locked(struct sim_platform *p, uint32_t agent_id, uint32_t id, uint32_t pai)
{
	struct sim_pcap_zone *z;
	uint32_t gid;

	z = op_zone(p, agent_id, id, &gid);
	if (!z)
		return SCMI_NOT_FOUND;
	if (!sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_POWERCAP, gid))
		return SCMI_DENIED;
	z->pai_us = pai;
	sim_pcap_restart(p, z);
	return SCMI_SUCCESS;
}

static int32_t pcap_pai_set(void *plat, uint32_t agent_id, uint32_t id, uint32_t pai)
{
	struct sim_platform *p = plat;
	int32_t st;

	sim_lock(p);
	st = pai_set_locked(p, agent_id, id, pai);
	sim_unlock(p);
	return st;
}

/* The power an agent reads now: the last window's average, else the one in progress. */
static uint32_t zone_power(struct sim_platform *p, struct sim_pcap_zone *z)
{
	uint64_t elapsed;

	pcap_sample(p, z);
	elapsed = z->last_us - z->win_start_us;
	if (z->have_avg)
		return z->avg;
	if (elapsed)
		return (uint32_t)(z->win_energy / elapsed);
	return z->last_power;
}

/*
 * POWERCAP_MEASUREMENTS_CHANGED to each subscriber of zone @gid for whom the power is
 * outside its thresholds, once per distinct value (lock held).
 */
static void check_measurement(struct sim_platform *p, uint32_t gid)
{
	struct sim_pcap_zone *z = &p->powercap->zones[gid];
	uint32_t a, power = 0;
	bool sampled = false;

	for (a = 1; a <= SIM_MAX_AGENTS; a++) {
		if (!z->meas_notify[a])
			continue;
		if (!sampled) {
			power = zone_power(p, z);
			sampled = true;
		}
		if (power >= z->meas_low[a] && power <= z->meas_high[a]) {
			z->meas_reported[a] = false;
			continue;
		}
		if (z->meas_reported[a] && z->meas_last[a] == power)
			continue;
		z->meas_reported[a] = true;
		z->meas_last[a] = power;
		sim_emit_resource(p, 1ull << (a - 1), SCMI_PROTOCOL_POWERCAP,
				  SCMI_EVT_POWERCAP_MEASUREMENTS_CHANGED, p->powercap->num, gid, 0,
				  &power, 1);
	}
}

void sim_powercap_model_check(struct sim_platform *p)
{
	for (uint32_t i = 0; p->powercap && i < p->powercap->num; i++)
		check_measurement(p, i);
}

static int32_t pcap_measure(void *plat, uint32_t agent_id, uint32_t id, uint32_t *power,
			    uint32_t *pai)
{
	struct sim_platform *p = plat;
	struct sim_pcap_zone *z;
	uint32_t gid;

	sim_lock(p);
	z = op_zone(p, agent_id, id, &gid);
	if (!z) {
		sim_unlock(p);
		return SCMI_NOT_FOUND;
	}
	*power = zone_power(p, z);
	*pai = z->pai_us;
	check_measurement(p, gid);
	sim_unlock(p);
	sim_events_flush();
	return SCMI_SUCCESS;
}

static int32_t pcap_notify(void *plat, uint32_t agent_id, uint32_t id, uint32_t event, bool enable,
			   uint32_t low, uint32_t high)
{
	struct sim_platform *p = plat;
	struct sim_pcap_zone *z;
	uint32_t gid;

	sim_lock(p);
	z = op_zone(p, agent_id, id, &gid);
	if (!z) {
		sim_unlock(p);
		return SCMI_NOT_FOUND;
	}
	if (event == SCMI_EVT_POWERCAP_CAP_CHANGED) {
		z->cap_notify[agent_id] = enable;
	} else {
		z->meas_notify[agent_id] = enable;
		z->meas_low[agent_id] = enable ? low : 0;
		z->meas_high[agent_id] = enable ? high : 0;
		z->meas_reported[agent_id] = false;
	}
	sim_unlock(p);
	return SCMI_SUCCESS;
}

void sim_powercap_reset_agent(struct sim_platform *p, uint32_t agent_id)
{
	uint32_t i;

	if (!p->powercap || agent_id > SIM_MAX_AGENTS)
		return;
	/* Caps and averaging intervals stay: a cap protects the hardware, and lifting it
	 * because one agent went away would raise the power nobody asked to raise. */
	for (i = 0; i < p->powercap->num; i++) {
		struct sim_pcap_zone *z = &p->powercap->zones[i];

		z->cap_notify[agent_id] = false;
		z->meas_notify[agent_id] = false;
		z->meas_low[agent_id] = 0;
		z->meas_high[agent_id] = 0;
	}
}

int sim_powercap_subscription(struct sim_platform *p, uint32_t id, uint32_t agent_id,
			      uint32_t event, bool *enabled, uint32_t *low, uint32_t *high)
{
	struct sim_pcap_zone *z = pcap_zone(p, id);

	if (!z || agent_id > SIM_MAX_AGENTS)
		return -ENOENT;
	sim_lock(p);
	if (event == SCMI_EVT_POWERCAP_CAP_CHANGED) {
		*enabled = z->cap_notify[agent_id];
		*low = *high = 0;
	} else {
		*enabled = z->meas_notify[agent_id];
		*low = z->meas_low[agent_id];
		*high = z->meas_high[agent_id];
	}
	sim_unlock(p);
	return 0;
}

/* Fast channels (sim_fastchannel.h). */

static int32_t pcap_fastchannel(void *plat, uint32_t agent_id, uint32_t id, uint32_t msg_id,
				struct scmi_server_fastchannel *out)
{
	struct sim_platform *p = plat;
	const struct sim_fc_region *r;
	struct sim_pcap_zone *z;
	int32_t st = SCMI_NOT_FOUND;
	uint32_t gid, off;
	bool set = msg_id == SCMI_MSG_POWERCAP_CAP_SET || msg_id == SCMI_MSG_POWERCAP_PAI_SET;

	sim_lock(p);
	z = op_zone(p, agent_id, id, &gid);
	if (!z)
		goto out;
	st = SCMI_NOT_SUPPORTED;
	r = sim_fc_region_locked(p, agent_id);
	if (!z->fastchannels || !r)
		goto out;
	switch (msg_id) {
	case SCMI_MSG_POWERCAP_CAP_SET:
		off = SIM_FC_PCAP_CAP_SET;
		break;
	case SCMI_MSG_POWERCAP_CAP_GET:
		off = SIM_FC_PCAP_CAP_GET;
		break;
	case SCMI_MSG_POWERCAP_PAI_SET:
		off = SIM_FC_PCAP_PAI_SET;
		break;
	case SCMI_MSG_POWERCAP_PAI_GET:
		off = SIM_FC_PCAP_PAI_GET;
		break;
	default:
		goto out;
	}
	sim_fc_describe(r, SIM_FC_PCAP_OFF + (uint64_t)id * SIM_FC_PCAP_STRIDE + off,
			SCMI_POWERCAP_FC_SIZE, set, out);
	st = SCMI_SUCCESS;
out:
	sim_unlock(p);
	return st;
}

/* @v within [@min, @max] on a @step grid from @min (as the server checks the messages). */
static bool fc_value_ok(uint32_t v, uint32_t min, uint32_t max, uint32_t step)
{
	return v >= min && v <= max && (!step || (v - min) % step == 0);
}

static int32_t fc_cap_set(struct sim_platform *p, uint32_t agent_id, uint32_t id,
			  const struct sim_pcap_zone *z, uint32_t cap, bool v2)
{
	if (!z->info.cap_config)
		return SCMI_NOT_SUPPORTED;
	/* 0 disables capping from 2.0 on, as in CAP_SET. */
	if (!(cap == SCMI_POWERCAP_CAP_DISABLED && v2) &&
	    !fc_value_ok(cap, z->info.min_cap, z->info.max_cap, z->info.cap_step))
		return SCMI_OUT_OF_RANGE;
	return cap_set_locked(p, agent_id, id, cap);
}

static int32_t fc_pai_set(struct sim_platform *p, uint32_t agent_id, uint32_t id,
			  const struct sim_pcap_zone *z, uint32_t pai)
{
	if (!z->info.pai_config)
		return SCMI_NOT_SUPPORTED;
	if (!fc_value_ok(pai, z->info.min_pai, z->info.max_pai, z->info.pai_step))
		return SCMI_OUT_OF_RANGE;
	return pai_set_locked(p, agent_id, id, pai);
}

void sim_powercap_fc_pass(struct sim_platform *p, uint32_t agent_id, uint8_t *mem,
			  enum sim_fc_phase phase, bool doorbell, bool rung)
{
	bool v2 = sim_protocol_version(p, SCMI_PROTOCOL_POWERCAP) >= SCMI_POWERCAP_VERSION_2_0;
	struct sim_pcap_zone *z;
	uint32_t n, i, gid, v, cap;
	uint8_t *ch;
	int32_t st;

	if (!p->powercap || !sim_fc_region_locked(p, agent_id))
		return;
	n = sim_view_count(p, agent_id, SCMI_PROTOCOL_POWERCAP, p->powercap->num);
	if (n > SIM_POWERCAP_MAX_ZONES)
		n = SIM_POWERCAP_MAX_ZONES;
	for (i = 0; i < n; i++) {
		z = op_zone(p, agent_id, i, &gid);
		if (!z || !z->fastchannels)
			continue;
		ch = mem + SIM_FC_PCAP_OFF + (size_t)i * SIM_FC_PCAP_STRIDE;
		if (phase == SIM_FC_PUBLISH) {
			/* What CAP_GET and PAI_GET would answer (at the platform's version). */
			cap = z->enabled ? z->cap : SCMI_POWERCAP_CAP_DISABLED;
			if (cap == SCMI_POWERCAP_CAP_DISABLED && !v2)
				cap = z->info.max_cap;
			sim_fc_write32(ch, SIM_FC_PCAP_CAP_GET, cap);
			sim_fc_write32(ch, SIM_FC_PCAP_PAI_GET, z->pai_us);
			continue;
		}
		/* Memory starts zeroed, and 0 is a cap (capping off): a zero is carried out only
		 * when it replaces another value, even when the (shared) doorbell rang. */
		v = sim_fc_read32(ch, SIM_FC_PCAP_CAP_SET);
		if (doorbell ? rung && (v || v != z->fc_cap[agent_id - 1])
			     : v != z->fc_cap[agent_id - 1]) {
			z->fc_cap[agent_id - 1] = v;
			st = fc_cap_set(p, agent_id, i, z, v, v2);
			sim_fc_count_locked(p, agent_id, st == SCMI_SUCCESS);
		}
		v = sim_fc_read32(ch, SIM_FC_PCAP_PAI_SET);
		if (doorbell ? rung && v : v != z->fc_pai[agent_id - 1]) {
			z->fc_pai[agent_id - 1] = v;
			st = fc_pai_set(p, agent_id, i, z, v);
			sim_fc_count_locked(p, agent_id, st == SCMI_SUCCESS);
		}
	}
}

const struct scmi_server_powercap_ops sim_powercap_ops = {
    .count = pcap_count,
    .info = pcap_info,
    .cap_get = pcap_cap_get,
    .cap_set = pcap_cap_set,
    .pai_get = pcap_pai_get,
    .pai_set = pcap_pai_set,
    .measure = pcap_measure,
    .notify = pcap_notify,
    .fastchannel = pcap_fastchannel,
};
