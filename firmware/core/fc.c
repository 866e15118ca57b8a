// SPDX-License-Identifier: BSD-3-Clause
/* The firmware's door to the platform's fast channels (fc.h). Host-buildable. */
#include <string.h>

#include "fw/fc.h"
#include "platform/sim/sim_fastchannel.h"

int fw_fc_add(struct fw_fc *fc, const struct fw_nsmem *ns, uint32_t agent_id)
{
	struct sim_fc_region r;
	struct fw_fc_region *fr;
	uint8_t *mem;

	if (!fc->plat || !sim_fc_region_of(fc->plat, agent_id, &r))
		return 0;
	for (size_t i = 0; i < fc->num; i++)
		if (fc->regions[i].agent_id == agent_id)
			return 0;
	/* The agent's own memory, never the secure world's: the agent names it, we write it. */
	mem = fw_ns_map(ns, r.addr, r.size);
	if (!mem || fc->num >= FW_FC_MAX_AGENTS) {
		fc->refused++;
		return -1;
	}
	fr = &fc->regions[fc->num++];
	memset(fr, 0, sizeof(*fr));
	fr->agent_id = agent_id;
	fr->pa = r.addr;
	fr->mem = mem;
	fr->size = (size_t)r.size;
	fr->period_ns = (uint64_t)r.rate_limit_us * 1000u;
	return 1;
}

void fw_fc_run(struct fw_fc *fc, enum fw_fc_why why, uint64_t now_ns)
{
	for (size_t i = 0; i < fc->num; i++) {
		struct fw_fc_region *r = &fc->regions[i];
		struct sim_fc_stats before, after;

		if (why == FW_FC_TIMER && now_ns < r->next_ns)
			continue;
		sim_fc_stats(fc->plat, r->agent_id, &before);
		if (sim_fc_service(fc->plat, r->agent_id, r->mem, r->size))
			continue;
		sim_fc_stats(fc->plat, r->agent_id, &after);
		r->passes[why == FW_FC_TIMER]++;
		r->applied[why == FW_FC_TIMER] += (uint32_t)(after.applied - before.applied);
		r->next_ns = now_ns + r->period_ns;
	}
}

uint64_t fw_fc_next_ns(const struct fw_fc *fc)
{
	uint64_t next = UINT64_MAX;

	for (size_t i = 0; i < fc->num; i++)
		if (fc->regions[i].next_ns < next)
			next = fc->regions[i].next_ns;
	return next;
}

uint64_t fw_fc_min_period_ns(const struct fw_fc *fc)
{
	uint64_t min = 0;

	for (size_t i = 0; i < fc->num; i++)
		if (!min || fc->regions[i].period_ns < min)
			min = fc->regions[i].period_ns;
	return min;
}
