/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Voltage domain protocol (0x17) on the wire: message ids, the version each
 * appeared in, bits, and request/response layouts (DEN0056 §4.9; Linux
 * arm_scmi/voltage.c). Conventions: layout.h.
 *
 * Versions: 1.0 has DOMAIN_ATTRIBUTES, DESCRIBE_LEVELS, CONFIG_SET/GET and
 * LEVEL_SET/GET (with LEVEL_SET's delayed response); 2.0 adds DOMAIN_NAME_GET and
 * the extended-name attribute bit; 2.1 changes no layout. There are no
 * notifications.
 *
 * DOMAIN_ATTRIBUTES, CONFIG_GET, LEVEL_GET and DOMAIN_NAME_GET take a struct
 * scmi_id_a2p; DOMAIN_NAME_GET answers a struct scmi_name_get_p2a (ids.h).
 * Voltage levels are signed microvolts carried in a word (two's complement).
 */
#ifndef SCMI_PROTO_VOLTAGE_H
#define SCMI_PROTO_VOLTAGE_H

#include <stdint.h>

#include "ids.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_VOLTAGE_VERSION_1_0 SCMI_VERSION(1, 0)
#define SCMI_VOLTAGE_VERSION_2_0 SCMI_VERSION(2, 0)
#define SCMI_VOLTAGE_VERSION_2_1 SCMI_VERSION(2, 1)

/* Messages, and the version each first appears in. */
#define SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES     0x3
#define SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS       0x4
#define SCMI_MSG_VOLTAGE_CONFIG_SET	       0x5
#define SCMI_MSG_VOLTAGE_CONFIG_GET	       0x6
#define SCMI_MSG_VOLTAGE_LEVEL_SET	       0x7
#define SCMI_MSG_VOLTAGE_LEVEL_GET	       0x8
#define SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET       0x9
#define SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET_SINCE SCMI_VOLTAGE_VERSION_2_0

/*
 * NEGOTIATE_PROTOCOL_VERSION (ids.h) came with SCMI 3.2, which brought this version of the
 * protocol; it exists when the platform runs it, whatever the agent negotiated since.
 */
#define SCMI_MSG_VOLTAGE_NEGOTIATE_PROTOCOL_VERSION_SINCE SCMI_VOLTAGE_VERSION_2_1

/* PROTOCOL_ATTRIBUTES attributes: num_domains [15:0], the rest reserved. */
#define SCMI_VOLTAGE_PA_NUM_DOMAINS(a)	((a)&0xffffu)
#define SCMI_VOLTAGE_PA_NUM_DOMAINS_MAX 0xffffu

/* VOLTAGE_DOMAIN_ATTRIBUTES attributes. The extended-name bit from 2.0. */
#define SCMI_VOLTAGE_ATTR_ASYNC	   (1u << 31)
#define SCMI_VOLTAGE_ATTR_EXT_NAME (1u << 30)
/* Both bits first exist in Voltage 2.0 (Linux 6.12 voltage.c reads them from 2.0 only). */
#define SCMI_VOLTAGE_ATTR_ASYNC_SINCE	 SCMI_VOLTAGE_VERSION_2_0
#define SCMI_VOLTAGE_ATTR_EXT_NAME_SINCE SCMI_VOLTAGE_VERSION_2_0

/* DESCRIBE_LEVELS flags: returned [11:0], segmented bit 12, remaining [31:16]. */
#define SCMI_VOLTAGE_LEVELS_RETURNED(f)	    ((f)&0xfffu)
#define SCMI_VOLTAGE_LEVELS_RETURNED_MAX    0xfffu
#define SCMI_VOLTAGE_LEVELS_SEGMENTED	    (1u << 12)
#define SCMI_VOLTAGE_LEVELS_REMAINING(f)    ((f) >> 16)
#define SCMI_VOLTAGE_LEVELS_REMAINING_SHIFT 16
#define SCMI_VOLTAGE_LEVELS_REMAINING_MAX   0xffffu
/* A segment is one page of exactly three levels (min, max, step), nothing remaining. */
#define SCMI_VOLTAGE_LEVELS_SEGMENT_COUNT 3u

/*
 * CONFIG_SET / CONFIG_GET config [3:0]: bit 3 selects an IMPLEMENTATION defined mode,
 * whose id is [2:0]; the architectural modes are off (0) and on (7), 1..6 are reserved.
 */
#define SCMI_VOLTAGE_CONFIG_MASK	 0xfu
#define SCMI_VOLTAGE_CONFIG_IMPL	 (1u << 3)
#define SCMI_VOLTAGE_CONFIG_IMPL_ID_MASK 0x7u
#define SCMI_VOLTAGE_CONFIG_OFF		 0x0u
#define SCMI_VOLTAGE_CONFIG_ON		 0x7u
/** config of IMPLEMENTATION defined mode @n. */
#define SCMI_VOLTAGE_CONFIG_IMPL_DEFINED(n)                                                        \
	(SCMI_VOLTAGE_CONFIG_IMPL | ((uint32_t)(n)&SCMI_VOLTAGE_CONFIG_IMPL_ID_MASK))

/* LEVEL_SET flags: bit 0 asynchronous, the rest reserved. */
#define SCMI_VOLTAGE_LEVEL_SET_ASYNC	(1u << 0)
#define SCMI_VOLTAGE_LEVEL_SET_RESERVED 0xfffffffeu

struct scmi_voltage_domain_attributes_p2a {
	uint32_t attributes;
	char name[SCMI_SHORT_NAME_SIZE];
};

struct scmi_voltage_describe_levels_a2p {
	uint32_t domain_id;
	uint32_t level_index;
};

/* One page: a discrete list of levels, or the segment (min, max, step). */
struct scmi_voltage_describe_levels_p2a {
	uint32_t flags;
	uint32_t levels[];
};

struct scmi_voltage_config_set_a2p {
	uint32_t domain_id;
	uint32_t config;
};

struct scmi_voltage_config_get_p2a {
	uint32_t config;
};

struct scmi_voltage_level_set_a2p {
	uint32_t domain_id;
	uint32_t flags;
	uint32_t voltage_level;
};

/* The delayed response of an asynchronous LEVEL_SET (after its status). */
struct scmi_voltage_level_set_dresp {
	uint32_t domain_id;
	uint32_t voltage_level;
};

struct scmi_voltage_level_get_p2a {
	uint32_t voltage_level;
};

SCMI_LAYOUT_SIZE(struct scmi_voltage_domain_attributes_p2a, 20);
SCMI_LAYOUT_SIZE(struct scmi_voltage_describe_levels_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_voltage_describe_levels_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_voltage_config_set_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_voltage_config_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_voltage_level_set_a2p, 12);
SCMI_LAYOUT_SIZE(struct scmi_voltage_level_set_dresp, 8);
SCMI_LAYOUT_SIZE(struct scmi_voltage_level_get_p2a, 4);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_VOLTAGE_H */
