/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Clock protocol (0x14) on the wire: message ids, the version each appeared in,
 * bits, and request/response layouts (DEN0056 §4.6; Linux arm_scmi/clock.c).
 * Conventions: layout.h.
 *
 * Versions: 1.0 has ATTRIBUTES, DESCRIBE_RATES, RATE_SET/GET and the two-word
 * CONFIG_SET; 2.0 adds NAME_GET, the two notify messages, the enable latency in
 * ATTRIBUTES and its notify/extended-name bits; 3.0 adds CONFIG_GET, the parent
 * messages, GET_PERMISSIONS, the three-word CONFIG_SET and the parent and
 * permission bits.
 *
 * ATTRIBUTES, RATE_GET, NAME_GET, PARENT_GET and GET_PERMISSIONS take a
 * struct scmi_id_a2p; NAME_GET answers a struct scmi_name_get_p2a; the two
 * notify messages take a struct scmi_notify_a2p (ids.h).
 */
#ifndef SCMI_PROTO_CLOCK_H
#define SCMI_PROTO_CLOCK_H

#include <stdint.h>

#include "ids.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_CLOCK_VERSION_1_0 SCMI_VERSION(1, 0)
#define SCMI_CLOCK_VERSION_2_0 SCMI_VERSION(2, 0)
#define SCMI_CLOCK_VERSION_3_0 SCMI_VERSION(3, 0)

/* Messages, and the version each first appears in. */
#define SCMI_MSG_CLOCK_ATTRIBUTES			  0x3
#define SCMI_MSG_CLOCK_DESCRIBE_RATES			  0x4
#define SCMI_MSG_CLOCK_RATE_SET				  0x5
#define SCMI_MSG_CLOCK_RATE_GET				  0x6
#define SCMI_MSG_CLOCK_CONFIG_SET			  0x7
#define SCMI_MSG_CLOCK_NAME_GET				  0x8
#define SCMI_MSG_CLOCK_RATE_NOTIFY			  0x9
#define SCMI_MSG_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY	  0xa
#define SCMI_MSG_CLOCK_CONFIG_GET			  0xb
#define SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET		  0xc
#define SCMI_MSG_CLOCK_PARENT_SET			  0xd
#define SCMI_MSG_CLOCK_PARENT_GET			  0xe
#define SCMI_MSG_CLOCK_GET_PERMISSIONS			  0xf
#define SCMI_MSG_CLOCK_NAME_GET_SINCE			  SCMI_CLOCK_VERSION_2_0
#define SCMI_MSG_CLOCK_RATE_NOTIFY_SINCE		  SCMI_CLOCK_VERSION_2_0
#define SCMI_MSG_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY_SINCE SCMI_CLOCK_VERSION_2_0
#define SCMI_MSG_CLOCK_CONFIG_GET_SINCE			  SCMI_CLOCK_VERSION_3_0
#define SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET_SINCE	  SCMI_CLOCK_VERSION_3_0
#define SCMI_MSG_CLOCK_PARENT_SET_SINCE			  SCMI_CLOCK_VERSION_3_0
#define SCMI_MSG_CLOCK_PARENT_GET_SINCE			  SCMI_CLOCK_VERSION_3_0
#define SCMI_MSG_CLOCK_GET_PERMISSIONS_SINCE		  SCMI_CLOCK_VERSION_3_0

/*
 * NEGOTIATE_PROTOCOL_VERSION (ids.h) came with SCMI 3.2, which brought this version of the
 * protocol; it exists when the platform runs it, whatever the agent negotiated since.
 */
#define SCMI_MSG_CLOCK_NEGOTIATE_PROTOCOL_VERSION_SINCE SCMI_CLOCK_VERSION_3_0

/* Notifications (2.0). */
#define SCMI_EVT_CLOCK_RATE_CHANGED	     0x0
#define SCMI_EVT_CLOCK_RATE_CHANGE_REQUESTED 0x1

/* PROTOCOL_ATTRIBUTES: num_clocks [15:0], max pending async RATE_SETs [23:16]. */
#define SCMI_CLOCK_PA_NUM_CLOCKS(a)   ((a)&0xffffu)
#define SCMI_CLOCK_PA_MAX_ASYNC(a)    (((a) >> 16) & 0xffu)
#define SCMI_CLOCK_PA_MAX_ASYNC_SHIFT 16
#define SCMI_CLOCK_PA_NUM_CLOCKS_MAX  0xffffu

/* CLOCK_ATTRIBUTES attributes. Notify and extended-name bits from 2.0; 28, 27, 1 from 3.0. */
#define SCMI_CLOCK_ATTR_RATE_CHANGED_NOTIFY (1u << 31)
#define SCMI_CLOCK_ATTR_RATE_REQ_NOTIFY	    (1u << 30)
#define SCMI_CLOCK_ATTR_EXT_NAME	    (1u << 29)
#define SCMI_CLOCK_ATTR_PARENTS		    (1u << 28)
#define SCMI_CLOCK_ATTR_EXT_CONFIG	    (1u << 27)
#define SCMI_CLOCK_ATTR_GET_PERMISSIONS	    (1u << 1)
#define SCMI_CLOCK_ATTR_ENABLED		    (1u << 0)
/* The version each bit first exists in (Linux 6.12 clock.c reads them from the same). */
#define SCMI_CLOCK_ATTR_RATE_CHANGED_NOTIFY_SINCE SCMI_CLOCK_VERSION_2_0
#define SCMI_CLOCK_ATTR_RATE_REQ_NOTIFY_SINCE	  SCMI_CLOCK_VERSION_2_0
#define SCMI_CLOCK_ATTR_EXT_NAME_SINCE		  SCMI_CLOCK_VERSION_2_0
#define SCMI_CLOCK_ATTR_PARENTS_SINCE		  SCMI_CLOCK_VERSION_3_0
#define SCMI_CLOCK_ATTR_EXT_CONFIG_SINCE	  SCMI_CLOCK_VERSION_3_0
#define SCMI_CLOCK_ATTR_GET_PERMISSIONS_SINCE	  SCMI_CLOCK_VERSION_3_0

/* CLOCK_GET_PERMISSIONS permissions. */
#define SCMI_CLOCK_PERM_STATE  (1u << 31)
#define SCMI_CLOCK_PERM_PARENT (1u << 30)
#define SCMI_CLOCK_PERM_RATE   (1u << 29)
#define SCMI_CLOCK_PERM_ALL    (SCMI_CLOCK_PERM_STATE | SCMI_CLOCK_PERM_PARENT | SCMI_CLOCK_PERM_RATE)

/* CLOCK_RATE_SET flags: async, no delayed response, round up, round to closest. */
#define SCMI_CLOCK_RATE_ASYNC	     (1u << 0)
#define SCMI_CLOCK_RATE_IGNORE_DRESP (1u << 1)
#define SCMI_CLOCK_RATE_ROUND_UP     (1u << 2)
#define SCMI_CLOCK_RATE_ROUND_AUTO   (1u << 3)
#define SCMI_CLOCK_RATE_RESERVED     0xfffffff0u

/* CLOCK_DESCRIBE_RATES num_rates_flags: returned [11:0], triplet bit 12, remaining [31:16]. */
#define SCMI_CLOCK_RATES_RETURNED(f)	 ((f)&0xfffu)
#define SCMI_CLOCK_RATES_TRIPLET	 (1u << 12)
#define SCMI_CLOCK_RATES_REMAINING(f)	 ((f) >> 16)
#define SCMI_CLOCK_RATES_REMAINING_SHIFT 16
#define SCMI_CLOCK_RATES_REMAINING_MAX	 0xffffu
/* A range is one triplet: min, max, step. */
#define SCMI_CLOCK_RATES_TRIPLET_COUNT 3u

/* CLOCK_CONFIG_SET attributes: before 3.0 bit 0 enables; from 3.0 [1:0] state, [23:16] OEM. */
#define SCMI_CLOCK_CONFIG_V1_ENABLE	  (1u << 0)
#define SCMI_CLOCK_CONFIG_V1_RESERVED	  0xfffffffeu
#define SCMI_CLOCK_CONFIG_STATE_MASK	  0x3u
#define SCMI_CLOCK_CONFIG_STATE_OFF	  0u
#define SCMI_CLOCK_CONFIG_STATE_ON	  1u
#define SCMI_CLOCK_CONFIG_STATE_UNCHANGED 3u
#define SCMI_CLOCK_CONFIG_OEM_TYPE(a)	  (((a) >> 16) & 0xffu)
#define SCMI_CLOCK_CONFIG_OEM_SHIFT	  16
#define SCMI_CLOCK_CONFIG_RESERVED	  0xff00fffcu

/* CLOCK_CONFIG_GET: flags [7:0] OEM config type; config bit 0 enabled. */
#define SCMI_CLOCK_CONFIG_GET_RESERVED 0xffffff00u
#define SCMI_CLOCK_CONFIG_ENABLED      (1u << 0)

/* CLOCK_POSSIBLE_PARENTS_GET num_parent_flags: returned [7:0], remaining [31:24]. */
#define SCMI_CLOCK_PARENTS_RETURNED(f)	   ((f)&0xffu)
#define SCMI_CLOCK_PARENTS_REMAINING(f)	   ((f) >> 24)
#define SCMI_CLOCK_PARENTS_RETURNED_MAX	   0xffu
#define SCMI_CLOCK_PARENTS_REMAINING_MAX   0xffu
#define SCMI_CLOCK_PARENTS_REMAINING_SHIFT 24

/* CLOCK_ATTRIBUTES: enable_latency from 2.0 (the 1.0 reply ends before it). */
struct scmi_clock_attributes_p2a {
	uint32_t attributes;
	char name[SCMI_SHORT_NAME_SIZE];
	uint32_t enable_latency;
};
#define SCMI_CLOCK_ATTRIBUTES_V1_SIZE offsetof(struct scmi_clock_attributes_p2a, enable_latency)

struct scmi_clock_describe_rates_a2p {
	uint32_t clock_id;
	uint32_t rate_index;
};

/* One page: a discrete list of rates, or one {min, max, step} triplet. */
struct scmi_clock_describe_rates_p2a {
	uint32_t num_rates_flags;
	struct scmi_u64 rates[];
};

struct scmi_clock_rate_set_a2p {
	uint32_t flags;
	uint32_t clock_id;
	struct scmi_u64 rate;
};

/* The delayed response of an asynchronous RATE_SET (after its status). */
struct scmi_clock_rate_set_dresp {
	uint32_t clock_id;
	struct scmi_u64 rate;
};

struct scmi_clock_rate_get_p2a {
	struct scmi_u64 rate;
};

/* CLOCK_CONFIG_SET: oem_config_val from 3.0 (the older request ends before it). */
struct scmi_clock_config_set_a2p {
	uint32_t clock_id;
	uint32_t attributes;
	uint32_t oem_config_val;
};
#define SCMI_CLOCK_CONFIG_SET_V1_SIZE offsetof(struct scmi_clock_config_set_a2p, oem_config_val)

struct scmi_clock_config_get_a2p {
	uint32_t clock_id;
	uint32_t flags;
};

struct scmi_clock_config_get_p2a {
	uint32_t attributes;
	uint32_t config;
	uint32_t oem_config_val;
};

struct scmi_clock_possible_parents_a2p {
	uint32_t clock_id;
	uint32_t skip_parents;
};

struct scmi_clock_possible_parents_p2a {
	uint32_t num_parent_flags;
	uint32_t parents[];
};

struct scmi_clock_parent_set_a2p {
	uint32_t clock_id;
	uint32_t parent_id;
};

struct scmi_clock_parent_get_p2a {
	uint32_t parent_id;
};

struct scmi_clock_get_permissions_p2a {
	uint32_t permissions;
};

/* CLOCK_RATE_CHANGED and CLOCK_RATE_CHANGE_REQUESTED. */
struct scmi_clock_rate_evt {
	uint32_t agent_id;
	uint32_t clock_id;
	struct scmi_u64 rate;
};

SCMI_LAYOUT_SIZE(struct scmi_clock_attributes_p2a, 24);
SCMI_LAYOUT_SIZE(struct scmi_clock_describe_rates_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_clock_describe_rates_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_clock_rate_set_a2p, 16);
SCMI_LAYOUT_SIZE(struct scmi_clock_rate_set_dresp, 12);
SCMI_LAYOUT_SIZE(struct scmi_clock_rate_get_p2a, 8);
SCMI_LAYOUT_SIZE(struct scmi_clock_config_set_a2p, 12);
SCMI_LAYOUT_SIZE(struct scmi_clock_config_get_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_clock_config_get_p2a, 12);
SCMI_LAYOUT_SIZE(struct scmi_clock_possible_parents_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_clock_possible_parents_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_clock_parent_set_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_clock_parent_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_clock_get_permissions_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_clock_rate_evt, 16);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_CLOCK_H */
