/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Fast channels of the simulated platform (binding: docs/fastchannels.md).
 *
 * Each agent that has fast channels has one region of its own memory for them
 * (for a virtio guest, guest-physical memory its DT reserves), named by the
 * platform DT's fastchannels/agent@N node. The platform lays the channels out
 * in that region at fixed offsets, by agent-local domain id, so an agent can
 * only ever reach its own: another agent's channels are in another agent's
 * memory, and a domain the agent does not see has no channel (NOT_FOUND).
 *
 * The platform never maps that memory itself: the door that owns the agent's
 * memory (the daemon's vhost-user device) maps the region and calls
 * sim_fc_service() at the region's rate limit; one pass reads what the agent
 * wrote into the SET channels, applies it with the rules of the messages, and
 * writes the current values into the GET channels.
 */
#ifndef SCMI_SIM_FASTCHANNEL_H
#define SCMI_SIM_FASTCHANNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sim_platform;
struct sim_loader;

/*
 * Layout of an agent's region. A doorbell (when the DT asks for one) is the 32-bit word at
 * offset 0: the agent writes 1 after a SET, the platform reads and clears it. Perf domain i
 * (agent-local id) has 32 bytes at SIM_FC_PERF_OFF + i * SIM_FC_PERF_STRIDE: LEVEL_SET,
 * LEVEL_GET, LIMITS_SET (max, min), LIMITS_GET (max, min), 8 bytes unused. Powercap zone j
 * has 16 bytes at SIM_FC_PCAP_OFF + j * SIM_FC_PCAP_STRIDE: CAP_SET, CAP_GET, PAI_SET, PAI_GET.
 */
#define SIM_FC_DOORBELL_OFF    0x0u
#define SIM_FC_PERF_OFF	       0x40u
#define SIM_FC_PERF_STRIDE     0x20u
#define SIM_FC_PERF_LEVEL_SET  0x0u
#define SIM_FC_PERF_LEVEL_GET  0x4u
#define SIM_FC_PERF_LIMITS_SET 0x8u
#define SIM_FC_PERF_LIMITS_GET 0x10u
#define SIM_FC_PCAP_OFF	       0x240u /* SIM_FC_PERF_OFF + 16 perf domains */
#define SIM_FC_PCAP_STRIDE     0x10u
#define SIM_FC_PCAP_CAP_SET    0x0u
#define SIM_FC_PCAP_CAP_GET    0x4u
#define SIM_FC_PCAP_PAI_SET    0x8u
#define SIM_FC_PCAP_PAI_GET    0xcu
/* Regions are this aligned (each channel then is naturally aligned) and at least this big. */
#define SIM_FC_REGION_ALIGN 0x40u
#define SIM_FC_REGION_MIN   0x340u /* SIM_FC_PCAP_OFF + 16 powercap zones */
/* Default rate limit of a region (how often the platform looks), microseconds. */
#define SIM_FC_RATE_LIMIT_DEFAULT_US 1000u
/* The platform looks no more often than this, microseconds. */
#define SIM_FC_RATE_LIMIT_MIN_US 100u

/**
 * struct sim_fc_region - one agent's fast-channel memory.
 * @present:       the agent has one
 * @addr:          its address in the agent's address space
 * @size:          its bytes
 * @rate_limit_us: how often the platform looks at it (and reports as the channels' rate limit)
 * @doorbell:      SET channels come with the doorbell at SIM_FC_DOORBELL_OFF
 */
struct sim_fc_region {
	bool present;
	uint64_t addr;
	uint64_t size;
	uint32_t rate_limit_us;
	bool doorbell;
};

/**
 * enum sim_fc_phase - the two halves of a pass, each run over every protocol in turn.
 * @SIM_FC_APPLY:   carry out the SET channels
 * @SIM_FC_PUBLISH: write the GET channels, once every SET is carried out
 */
enum sim_fc_phase {
	SIM_FC_APPLY,
	SIM_FC_PUBLISH,
};

/**
 * struct sim_fc_stats - what the platform made of an agent's fast channels.
 * @passes:  sim_fc_service() calls
 * @rings:   passes that found the doorbell rung
 * @applied: SET values carried out
 * @refused: SET values refused (not a level, outside the limits, denied, ...)
 */
struct sim_fc_stats {
	uint64_t passes;
	uint64_t rings;
	uint64_t applied;
	uint64_t refused;
};

/**
 * sim_fc_load() - parse the platform node's fastchannels node, if any, into @regions (one per
 * agent, index agent id - 1). 0 or -EINVAL with the reason in the loader's error.
 */
int sim_fc_load(struct sim_loader *ld, struct sim_fc_region *regions);

/** sim_fc_region_locked() - agent @agent_id's region, or NULL (lock held). */
const struct sim_fc_region *sim_fc_region_locked(const struct sim_platform *p, uint32_t agent_id);

/** sim_fc_count_locked() - count a SET value of agent @agent_id carried out or refused. */
void sim_fc_count_locked(struct sim_platform *p, uint32_t agent_id, bool applied);

/** sim_fc_region_of() - agent @agent_id's region; false when it has none. */
bool sim_fc_region_of(struct sim_platform *p, uint32_t agent_id, struct sim_fc_region *out);

/**
 * sim_fc_service() - one pass over agent @agent_id's channels in @mem (@len bytes: the host's
 * mapping of its whole region, shared with the agent, which may write it meanwhile). Takes
 * the platform lock. Returns 0, or -EINVAL when @len is not the region's size or the agent has
 * no region.
 */
int sim_fc_service(struct sim_platform *p, uint32_t agent_id, uint8_t *mem, size_t len);

struct scmi_server_fastchannel;

/**
 * sim_fc_describe() - fill @out for the channel at @offset (from the region's start) of
 * @size bytes in region @r: its address, size and rate limit, and, for a SET channel (@set)
 * of a region with one, the doorbell (32 bits, rung by writing 1, nothing to preserve).
 */
void sim_fc_describe(const struct sim_fc_region *r, uint64_t offset, uint32_t size, bool set,
		     struct scmi_server_fastchannel *out);

/** sim_fc_stats() - agent @agent_id's counters (zero for an agent without a region). */
void sim_fc_stats(struct sim_platform *p, uint32_t agent_id, struct sim_fc_stats *out);

/* Word access to memory the agent shares: each word read or written once, whole. */
static inline uint32_t sim_fc_read32(const uint8_t *mem, size_t off)
{
	uint32_t v = __atomic_load_n((const uint32_t *)(const void *)(mem + off), __ATOMIC_ACQUIRE);

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	return v;
}

/* NOLINTNEXTLINE(readability-non-const-parameter): written through the cast below */
static inline void sim_fc_write32(uint8_t *mem, size_t off, uint32_t v)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	__atomic_store_n((uint32_t *)(void *)(mem + off), v, __ATOMIC_RELEASE);
}

/* NOLINTNEXTLINE(readability-non-const-parameter): written through the cast below */
static inline uint32_t sim_fc_take32(uint8_t *mem, size_t off)
{
	uint32_t v = __atomic_exchange_n((uint32_t *)(void *)(mem + off), 0u, __ATOMIC_ACQ_REL);

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	return v;
}

#endif /* SCMI_SIM_FASTCHANNEL_H */
