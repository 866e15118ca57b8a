// SPDX-License-Identifier: BSD-3-Clause
/*
 * Fast-channel regions: the loader of the platform DT's fastchannels node and
 * the pass a door runs over an agent's region (sim_fastchannel.h).
 *
 * A pass reads the doorbell once (taking it), then lets each model carry out
 * what the agent wrote and publish the current values. Without a doorbell a
 * SET value is carried out when it differs from the one the platform last
 * read there (the agent's memory starts zeroed and no model takes a 0); with
 * one, every SET channel is carried out when the doorbell rang, and only then.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_fastchannel.h"
#include "platform/sim/sim_events.h"
#include "platform/sim/sim_perf_priv.h"
#include "platform/sim/sim_powercap_priv.h"

/* The reg of reserved-memory node @node: its parent's cells, one entry. */
static int region_reg(struct sim_loader *ld, int at, int node, uint64_t *addr, uint64_t *size)
{
	int parent = fdt_parent_offset(ld->fdt, node);
	int ac, sc, len, i;
	const fdt32_t *v;
	uint64_t a = 0, s = 0;

	if (parent < 0)
		return sim_fail(ld, at, "memory-region: its node has no parent");
	ac = fdt_address_cells(ld->fdt, parent);
	sc = fdt_size_cells(ld->fdt, parent);
	if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return sim_fail(ld, at, "memory-region: 1 or 2 address and size cells");
	v = fdt_getprop(ld->fdt, node, "reg", &len);
	if (!v || len != (ac + sc) * (int)sizeof(*v))
		return sim_fail(ld, at, "memory-region: its reg must be one <address size>");
	for (i = 0; i < ac; i++)
		a = (a << 32) | fdt32_ld(&v[i]);
	for (i = 0; i < sc; i++)
		s = (s << 32) | fdt32_ld(&v[ac + i]);
	*addr = a;
	*size = s;
	return 0;
}

static int load_region(struct sim_loader *ld, int node, struct sim_fc_region *regions)
{
	struct sim_fc_region *r;
	uint32_t id, ph;
	int target, ret;

	ret = sim_unit_node(ld, node, "agent", &id);
	if (ret)
		return ret;
	if (!sim_agent_id_valid(id) || ld->p->agents[id - 1].id != id)
		return sim_fail(ld, node, "reg: no agent %" PRIu32, id);
	r = &regions[id - 1];
	if (r->present)
		return sim_fail(ld, node, "a second region for agent %" PRIu32, id);
	ret = sim_prop_u32(ld, node, "memory-region", &ph);
	if (ret == -ENOENT)
		return sim_fail(ld, node, "missing memory-region");
	if (ret)
		return ret;
	target = sim_node_by_phandle(ld, ph);
	if (target < 0)
		return sim_fail(ld, node, "memory-region: no node with phandle 0x%" PRIx32, ph);
	ret = region_reg(ld, node, target, &r->addr, &r->size);
	if (ret)
		return ret;
	if (r->addr % SIM_FC_REGION_ALIGN || r->size < SIM_FC_REGION_MIN ||
	    r->addr + r->size < r->addr)
		return sim_fail(ld, node,
				"memory-region: must be %u-byte aligned, at least %u bytes, "
				"and not wrap",
				SIM_FC_REGION_ALIGN, SIM_FC_REGION_MIN);
	ret = sim_prop_u32(ld, node, "rate-limit-us", &r->rate_limit_us);
	if (ret == -ENOENT)
		r->rate_limit_us = SIM_FC_RATE_LIMIT_DEFAULT_US;
	else if (ret)
		return ret;
	else if (r->rate_limit_us < SIM_FC_RATE_LIMIT_MIN_US ||
		 r->rate_limit_us > SCMI_PERF_RATE_LIMIT_MASK)
		return sim_fail(ld, node, "rate-limit-us: %u..%u", SIM_FC_RATE_LIMIT_MIN_US,
				SCMI_PERF_RATE_LIMIT_MASK);
	if (sim_getprop(ld, node, "doorbell", &ret)) {
		if (ret != 0)
			return sim_fail(ld, node, "doorbell: must be empty");
		r->doorbell = true;
	}
	r->present = true;
	return 0;
}

_Static_assert(SIM_FC_PERF_OFF + SIM_PERF_MAX_DOMAINS * SIM_FC_PERF_STRIDE <= SIM_FC_PCAP_OFF,
	       "perf channels end before the powercap ones");
_Static_assert(SIM_FC_PCAP_OFF + SIM_POWERCAP_MAX_ZONES * SIM_FC_PCAP_STRIDE <= SIM_FC_REGION_MIN,
	       "a region holds every channel");

int sim_fc_load(struct sim_loader *ld, struct sim_fc_region *regions)
{
	int parent, child, ret;

	memset(regions, 0, sizeof(*regions) * SIM_MAX_AGENTS);
	parent = fdt_subnode_offset(ld->fdt, ld->plat_node, "fastchannels");
	if (parent == -FDT_ERR_NOTFOUND)
		return 0;
	if (parent < 0)
		return sim_fail(ld, ld->plat_node, "fastchannels: unreadable");
	ret = sim_check_cells(ld, parent, 1, 0);
	if (ret)
		return ret;
	fdt_for_each_subnode(child, ld->fdt, parent)
	{
		ret = load_region(ld, child, regions);
		if (ret)
			return ret;
	}
	return sim_walk_end(ld, parent, child);
}

const struct sim_fc_region *sim_fc_region_locked(const struct sim_platform *p, uint32_t agent_id)
{
	if (!p->perf || !sim_agent_id_valid(agent_id) || !p->perf->fc[agent_id - 1].present)
		return NULL;
	return &p->perf->fc[agent_id - 1];
}

void sim_fc_count_locked(struct sim_platform *p, uint32_t agent_id, bool applied)
{
	if (!p->perf || !sim_agent_id_valid(agent_id))
		return;
	if (applied)
		p->perf->fc_stats[agent_id - 1].applied++;
	else
		p->perf->fc_stats[agent_id - 1].refused++;
}

bool sim_fc_region_of(struct sim_platform *p, uint32_t agent_id, struct sim_fc_region *out)
{
	const struct sim_fc_region *r;

	sim_lock(p);
	r = sim_fc_region_locked(p, agent_id);
	if (r)
		*out = *r;
	sim_unlock(p);
	return r != NULL;
}

int sim_fc_service(struct sim_platform *p, uint32_t agent_id, uint8_t *mem, size_t len)
{
	const struct sim_fc_region *r;
	bool rung = false;

	sim_lock(p);
	if (!p->perf || !sim_agent_id_valid(agent_id) || !p->perf->fc[agent_id - 1].present ||
	    p->perf->fc[agent_id - 1].size != len || !mem) {
		sim_unlock(p);
		return -EINVAL;
	}
	r = &p->perf->fc[agent_id - 1];
	p->perf->fc_stats[agent_id - 1].passes++;
	if (r->doorbell) {
		rung = sim_fc_take32(mem, SIM_FC_DOORBELL_OFF) != 0;
		if (rung)
			p->perf->fc_stats[agent_id - 1].rings++;
	}
	/* Every SET first: a cap throttles levels, so a GET written before it could be stale. */
	sim_perf_fc_pass(p, agent_id, mem, SIM_FC_APPLY, r->doorbell, rung);
	sim_powercap_fc_pass(p, agent_id, mem, SIM_FC_APPLY, r->doorbell, rung);
	sim_perf_fc_pass(p, agent_id, mem, SIM_FC_PUBLISH, r->doorbell, rung);
	sim_powercap_fc_pass(p, agent_id, mem, SIM_FC_PUBLISH, r->doorbell, rung);
	sim_unlock(p);
	sim_events_flush();
	return 0;
}

void sim_fc_stats(struct sim_platform *p, uint32_t agent_id, struct sim_fc_stats *out)
{
	memset(out, 0, sizeof(*out));
	sim_lock(p);
	if (p->perf && sim_agent_id_valid(agent_id))
		*out = p->perf->fc_stats[agent_id - 1];
	sim_unlock(p);
}

void sim_fc_describe(const struct sim_fc_region *r, uint64_t offset, uint32_t size, bool set,
		     struct scmi_server_fastchannel *out)
{
	out->addr = r->addr + offset;
	out->size = size;
	out->rate_limit_us = r->rate_limit_us;
	if (set && r->doorbell) {
		out->doorbell = true;
		out->db_width = 2; /* the width code of 32 bits */
		out->db_addr = r->addr + SIM_FC_DOORBELL_OFF;
		out->db_set = 1;
		out->db_preserve = 0;
	}
}
