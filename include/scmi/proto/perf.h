/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Performance domain protocol (0x13) on the wire: message ids, the version each
 * appeared in, bits, and request/response layouts (DEN0056 §4.5; Linux
 * arm_scmi/perf.c). Conventions: layout.h.
 *
 * Versions: 1.0 has DOMAIN_ATTRIBUTES, DESCRIBE_LEVELS (12-byte entries), the
 * limit and level messages and the two notify messages; 2.0 adds
 * DESCRIBE_FASTCHANNEL and the fast-channel attribute bit; 3.0 adds
 * DOMAIN_NAME_GET, the extended-name bit and the microwatt power unit; 4.0
 * adds level-indexing mode (its attribute bit) and the indicative frequency
 * and level index of each level entry (20 bytes).
 *
 * DOMAIN_ATTRIBUTES, LIMITS_GET, LEVEL_GET and DOMAIN_NAME_GET take a
 * struct scmi_id_a2p; DOMAIN_NAME_GET answers a struct scmi_name_get_p2a;
 * the two notify messages take a struct scmi_notify_a2p (ids.h).
 */
#ifndef SCMI_PROTO_PERF_H
#define SCMI_PROTO_PERF_H

#include <stddef.h>
#include <stdint.h>

#include "ids.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_PERF_VERSION_1_0 SCMI_VERSION(1, 0)
#define SCMI_PERF_VERSION_2_0 SCMI_VERSION(2, 0)
#define SCMI_PERF_VERSION_3_0 SCMI_VERSION(3, 0)
#define SCMI_PERF_VERSION_4_0 SCMI_VERSION(4, 0)

/* Messages, and the version each first appears in. */
#define SCMI_MSG_PERF_DOMAIN_ATTRIBUTES		 0x3
#define SCMI_MSG_PERF_DESCRIBE_LEVELS		 0x4
#define SCMI_MSG_PERF_LIMITS_SET		 0x5
#define SCMI_MSG_PERF_LIMITS_GET		 0x6
#define SCMI_MSG_PERF_LEVEL_SET			 0x7
#define SCMI_MSG_PERF_LEVEL_GET			 0x8
#define SCMI_MSG_PERF_NOTIFY_LIMITS		 0x9
#define SCMI_MSG_PERF_NOTIFY_LEVEL		 0xa
#define SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL	 0xb
#define SCMI_MSG_PERF_DOMAIN_NAME_GET		 0xc
#define SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL_SINCE SCMI_PERF_VERSION_2_0
#define SCMI_MSG_PERF_DOMAIN_NAME_GET_SINCE	 SCMI_PERF_VERSION_3_0

/*
 * NEGOTIATE_PROTOCOL_VERSION (ids.h) came with SCMI 3.2, which brought this version of the
 * protocol; it exists when the platform runs it, whatever the agent negotiated since.
 */
#define SCMI_MSG_PERF_NEGOTIATE_PROTOCOL_VERSION_SINCE SCMI_PERF_VERSION_4_0

/* Notifications. */
#define SCMI_EVT_PERFORMANCE_LIMITS_CHANGED 0x0
#define SCMI_EVT_PERFORMANCE_LEVEL_CHANGED  0x1

/*
 * PROTOCOL_ATTRIBUTES attributes: num_domains [15:0]; power unit flags: bit 16 milliwatts,
 * bit 17 microwatts (3.0); neither is an abstract unit.
 */
#define SCMI_PERF_PA_NUM_DOMAINS(a)  ((a)&0xffffu)
#define SCMI_PERF_PA_NUM_DOMAINS_MAX 0xffffu
#define SCMI_PERF_PA_POWER_MW	     (1u << 16)
#define SCMI_PERF_PA_POWER_UW	     (1u << 17)
#define SCMI_PERF_PA_POWER_UW_SINCE  SCMI_PERF_VERSION_3_0

/*
 * PERF_DOMAIN_ATTRIBUTES attributes. Fast channels from 2.0, extended name from 3.0,
 * level indexing from 4.0.
 */
#define SCMI_PERF_ATTR_SET_LIMITS     (1u << 31)
#define SCMI_PERF_ATTR_SET_LEVEL      (1u << 30)
#define SCMI_PERF_ATTR_LIMITS_NOTIFY  (1u << 29)
#define SCMI_PERF_ATTR_LEVEL_NOTIFY   (1u << 28)
#define SCMI_PERF_ATTR_FASTCHANNELS   (1u << 27)
#define SCMI_PERF_ATTR_EXT_NAME	      (1u << 26)
#define SCMI_PERF_ATTR_LEVEL_INDEXING (1u << 25)
/* The version each bit first exists in (Linux 6.12 perf.c reads them from the same). */
#define SCMI_PERF_ATTR_FASTCHANNELS_SINCE   SCMI_PERF_VERSION_2_0
#define SCMI_PERF_ATTR_EXT_NAME_SINCE	    SCMI_PERF_VERSION_3_0
#define SCMI_PERF_ATTR_LEVEL_INDEXING_SINCE SCMI_PERF_VERSION_4_0

/* The rate limit word (PERF_DOMAIN_ATTRIBUTES, DESCRIBE_FASTCHANNEL): microseconds in [19:0]. */
#define SCMI_PERF_RATE_LIMIT_MASK 0xfffffu

/* PERF_DESCRIBE_LEVELS num_levels: returned [11:0], remaining [31:16]. */
#define SCMI_PERF_LEVELS_RETURNED(f)	 ((f)&0xfffu)
#define SCMI_PERF_LEVELS_REMAINING(f)	 ((f) >> 16)
#define SCMI_PERF_LEVELS_RETURNED_MAX	 0xfffu
#define SCMI_PERF_LEVELS_REMAINING_SHIFT 16
#define SCMI_PERF_LEVELS_REMAINING_MAX	 0xffffu

/* A level entry's transition latency: microseconds in [15:0], [31:16] reserved. */
#define SCMI_PERF_LEVEL_LATENCY_MASK 0xffffu

/* PERF_DESCRIBE_FASTCHANNEL attributes: bit 0 doorbell, [2:1] its width (8 << n bits). */
#define SCMI_PERF_FC_DOORBELL		  (1u << 0)
#define SCMI_PERF_FC_DOORBELL_WIDTH(a)	  (((a) >> 1) & 0x3u)
#define SCMI_PERF_FC_DOORBELL_WIDTH_SHIFT 1
#define SCMI_PERF_FC_DOORBELL_WIDTH_MAX	  0x3u

/*
 * PROTOCOL_MESSAGE_ATTRIBUTES of LIMITS_SET/GET and LEVEL_SET/GET: bit 0, a fast channel
 * exists for the message (on some domain: DESCRIBE_FASTCHANNEL tells which).
 */
#define SCMI_PERF_MSG_ATTR_FASTCHANNEL (1u << 0)

/*
 * Fast-channel sizes Linux insists on: a level is one word; limits are two, the maximum at
 * offset 0 and the minimum at offset 4 (as in struct scmi_perf_limits_get_p2a).
 */
#define SCMI_PERF_FC_LEVEL_SIZE	 4u
#define SCMI_PERF_FC_LIMITS_SIZE 8u

struct scmi_perf_protocol_attributes_p2a {
	uint32_t attributes;
	struct scmi_u64 stats_addr;
	uint32_t stats_size;
};

struct scmi_perf_domain_attributes_p2a {
	uint32_t attributes;
	uint32_t rate_limit;
	uint32_t sustained_freq_khz;
	uint32_t sustained_perf_level;
	char name[SCMI_SHORT_NAME_SIZE];
};

struct scmi_perf_describe_levels_a2p {
	uint32_t domain_id;
	uint32_t level_index;
};

/* One level: the indicative frequency and the level index from 4.0 (the older entry ends before).
 */
struct scmi_perf_level_entry {
	uint32_t perf_level;
	uint32_t power_cost;
	uint32_t transition_latency;
	uint32_t indicative_freq_khz;
	uint32_t level_index;
};
#define SCMI_PERF_LEVEL_ENTRY_V1_SIZE offsetof(struct scmi_perf_level_entry, indicative_freq_khz)

struct scmi_perf_describe_levels_p2a {
	uint32_t num_levels;
	struct scmi_perf_level_entry levels[];
};

struct scmi_perf_limits_set_a2p {
	uint32_t domain_id;
	uint32_t range_max;
	uint32_t range_min;
};

struct scmi_perf_limits_get_p2a {
	uint32_t range_max;
	uint32_t range_min;
};

struct scmi_perf_level_set_a2p {
	uint32_t domain_id;
	uint32_t performance_level;
};

struct scmi_perf_level_get_p2a {
	uint32_t performance_level;
};

struct scmi_perf_describe_fastchannel_a2p {
	uint32_t domain_id;
	uint32_t message_id;
};

struct scmi_perf_describe_fastchannel_p2a {
	uint32_t attributes;
	uint32_t rate_limit;
	struct scmi_u64 chan_addr;
	uint32_t chan_size;
	struct scmi_u64 db_addr;
	struct scmi_u64 db_set_mask;
	struct scmi_u64 db_preserve_mask;
};

/* PERFORMANCE_LIMITS_CHANGED. */
struct scmi_perf_limits_changed_evt {
	uint32_t agent_id;
	uint32_t domain_id;
	uint32_t range_max;
	uint32_t range_min;
};

/* PERFORMANCE_LEVEL_CHANGED. */
struct scmi_perf_level_changed_evt {
	uint32_t agent_id;
	uint32_t domain_id;
	uint32_t performance_level;
};

SCMI_LAYOUT_SIZE(struct scmi_perf_protocol_attributes_p2a, 16);
SCMI_LAYOUT_SIZE(struct scmi_perf_domain_attributes_p2a, 32);
SCMI_LAYOUT_SIZE(struct scmi_perf_describe_levels_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_perf_level_entry, 20);
SCMI_LAYOUT_SIZE(struct scmi_perf_describe_levels_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_perf_limits_set_a2p, 12);
SCMI_LAYOUT_SIZE(struct scmi_perf_limits_get_p2a, 8);
SCMI_LAYOUT_SIZE(struct scmi_perf_level_set_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_perf_level_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_perf_describe_fastchannel_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_perf_describe_fastchannel_p2a, 44);
SCMI_LAYOUT_SIZE(struct scmi_perf_limits_changed_evt, 16);
SCMI_LAYOUT_SIZE(struct scmi_perf_level_changed_evt, 12);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_PERF_H */
