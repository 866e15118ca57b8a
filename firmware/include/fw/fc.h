/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The firmware's door to the platform's fast channels (docs/fastchannels.md).
 *
 * An agent of the normal world that the platform DT gives a fastchannels region
 * has it in normal-world physical memory, which the firmware can read only while
 * it runs: at every entry from the normal world (an SMC), and on the secure
 * physical timer, armed at the region's rate limit, so that a level written with
 * no call after it is still carried out. Each pass is sim_fc_service() over the
 * firmware's mapping of the region. Host-buildable (smc.c arms the timer).
 */
#ifndef FW_FC_H
#define FW_FC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nsmem.h"

struct sim_platform;

/* Agents whose regions the firmware serves at most. */
#define FW_FC_MAX_AGENTS 4u

/**
 * enum fw_fc_why - what made a pass run.
 * @FW_FC_ENTRY: an entry from the normal world
 * @FW_FC_TIMER: the secure timer
 */
enum fw_fc_why {
	FW_FC_ENTRY,
	FW_FC_TIMER,
};

/**
 * struct fw_fc_region - one agent's region as the firmware serves it.
 * @agent_id:  the agent
 * @pa:        its normal-world physical address
 * @mem:       the firmware's mapping of it
 * @size:      its bytes
 * @period_ns: its rate limit
 * @next_ns:   when the timer must run a pass next
 * @passes:    passes run, by enum fw_fc_why
 * @applied:   SET values those passes carried out, by enum fw_fc_why
 */
struct fw_fc_region {
	uint32_t agent_id;
	uint64_t pa;
	uint8_t *mem;
	size_t size;
	uint64_t period_ns;
	uint64_t next_ns;
	uint32_t passes[2];
	uint32_t applied[2];
};

/**
 * struct fw_fc - every region the firmware serves.
 * @plat:    the platform
 * @regions: the regions
 * @num:     how many
 * @refused: agents whose region was refused (not normal-world RAM, or too many)
 */
struct fw_fc {
	struct sim_platform *plat;
	struct fw_fc_region regions[FW_FC_MAX_AGENTS];
	size_t num;
	uint32_t refused;
};

/**
 * fw_fc_add() - serve agent @agent_id's region, if the platform gives it one, in @fc (whose
 * @plat is set): the region must lie whole in normal-world RAM of @ns (a secure range or
 * memory the normal world does not own is refused). An agent already served is ignored.
 * Returns 1 when added, 0 when the agent has no region (or has it already), -1 when refused.
 */
int fw_fc_add(struct fw_fc *fc, const struct fw_nsmem *ns, uint32_t agent_id);

/**
 * fw_fc_run() - the passes due at @now_ns: for @why FW_FC_ENTRY one over every region, for
 * FW_FC_TIMER one over each region whose rate limit has elapsed since its last pass. Each
 * pass sets the region's next timer deadline a rate limit after @now_ns. The caller holds
 * the lock that serialises the platform.
 */
void fw_fc_run(struct fw_fc *fc, enum fw_fc_why why, uint64_t now_ns);

/** fw_fc_next_ns() - the earliest timer deadline of @fc, or UINT64_MAX without a region. */
uint64_t fw_fc_next_ns(const struct fw_fc *fc);

/** fw_fc_min_period_ns() - the shortest rate limit of @fc, or 0 without a region. */
uint64_t fw_fc_min_period_ns(const struct fw_fc *fc);

#endif /* FW_FC_H */
