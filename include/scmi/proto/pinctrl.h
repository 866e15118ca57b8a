/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pin control protocol (0x19) on the wire: message ids, bits, config types and
 * request/response layouts (DEN0056 §4.11; Linux arm_scmi/pinctrl.c).
 * Conventions: layout.h.
 *
 * Versions: 1.0 is the only one; every message below is in it. There are no
 * notifications.
 *
 * Pins, groups and functions are three id spaces chosen by a selector
 * (SCMI_PINCTRL_SEL_*). PINCTRL_ATTRIBUTES, REQUEST, RELEASE and NAME_GET take
 * a struct scmi_pinctrl_id_a2p; NAME_GET answers a struct scmi_name_get_p2a
 * (ids.h).
 */
#ifndef SCMI_PROTO_PINCTRL_H
#define SCMI_PROTO_PINCTRL_H

#include <stddef.h>
#include <stdint.h>

#include "ids.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_PINCTRL_VERSION_1_0 SCMI_VERSION(1, 0)

/* Messages. */
#define SCMI_MSG_PINCTRL_ATTRIBUTES	    0x3
#define SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS  0x4
#define SCMI_MSG_PINCTRL_SETTINGS_GET	    0x5
#define SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE 0x6
#define SCMI_MSG_PINCTRL_REQUEST	    0x7
#define SCMI_MSG_PINCTRL_RELEASE	    0x8
#define SCMI_MSG_PINCTRL_NAME_GET	    0x9
#define SCMI_MSG_PINCTRL_SET_PERMISSIONS    0xa

/*
 * NEGOTIATE_PROTOCOL_VERSION (ids.h) came with SCMI 3.2, which brought this version of the
 * protocol; it exists when the platform runs it, whatever the agent negotiated since.
 */
#define SCMI_MSG_PINCTRL_NEGOTIATE_PROTOCOL_VERSION_SINCE SCMI_PINCTRL_VERSION_1_0

/* PROTOCOL_ATTRIBUTES: attributes_low pins [15:0], groups [31:16]; attributes_high functions
 * [15:0]. */
#define SCMI_PINCTRL_PA_NUM_PINS(lo)	  ((lo)&0xffffu)
#define SCMI_PINCTRL_PA_NUM_GROUPS(lo)	  ((lo) >> 16)
#define SCMI_PINCTRL_PA_GROUPS_SHIFT	  16
#define SCMI_PINCTRL_PA_NUM_FUNCTIONS(hi) ((hi)&0xffffu)
#define SCMI_PINCTRL_PA_COUNT_MAX	  0xffffu

/* The selector of a request's flags [1:0] (SETTINGS_GET: attributes [17:16]). */
#define SCMI_PINCTRL_SEL_MASK	  0x3u
#define SCMI_PINCTRL_SEL_PIN	  0u
#define SCMI_PINCTRL_SEL_GROUP	  1u
#define SCMI_PINCTRL_SEL_FUNCTION 2u

/* A function id meaning none: SETTINGS_GET of an unmuxed pin, SETTINGS_CONFIGURE without one. */
#define SCMI_PINCTRL_NO_FUNCTION 0xffffffffu

/* PINCTRL_ATTRIBUTES attributes: extended name bit 31; [15:0] pins of a group, groups of a
 * function. */
#define SCMI_PINCTRL_ATTR_EXT_NAME	(1u << 31)
#define SCMI_PINCTRL_ATTR_NUM_ELEMS(a)	((a)&0xffffu)
#define SCMI_PINCTRL_ATTR_NUM_ELEMS_MAX 0xffffu

/* PINCTRL_LIST_ASSOCIATIONS flags: returned [11:0], remaining [31:16]; 16-bit ids, two a word. */
#define SCMI_PINCTRL_LIST_RETURNED(f)	  ((f)&0xfffu)
#define SCMI_PINCTRL_LIST_RETURNED_MAX	  0xfffu
#define SCMI_PINCTRL_LIST_REMAINING(f)	  ((f) >> 16)
#define SCMI_PINCTRL_LIST_REMAINING_SHIFT 16
#define SCMI_PINCTRL_LIST_REMAINING_MAX	  0xffffu
#define SCMI_PINCTRL_LIST_ID_MASK	  0xffffu

/*
 * PINCTRL_SETTINGS_GET attributes: config flag [19:18] (one type, all, the function only),
 * selector [17:16], skip [15:8] (all), config type [7:0] (one); [31:20] reserved.
 */
#define SCMI_PINCTRL_GET_FLAG_SHIFT 18
#define SCMI_PINCTRL_GET_FLAG(a)    (((a) >> 18) & 0x3u)
#define SCMI_PINCTRL_GET_ONE	    0u
#define SCMI_PINCTRL_GET_ALL	    1u
#define SCMI_PINCTRL_GET_FUNCTION   2u
#define SCMI_PINCTRL_GET_SEL_SHIFT  16
#define SCMI_PINCTRL_GET_SKIP_SHIFT 8
#define SCMI_PINCTRL_GET_SKIP_MASK  0xffu
#define SCMI_PINCTRL_GET_TYPE_MASK  0xffu
#define SCMI_PINCTRL_GET_RESERVED   0xfff00000u

/* PINCTRL_SETTINGS_GET num_configs: returned [7:0], remaining [31:24]. */
#define SCMI_PINCTRL_CONFIGS_RETURNED(n)     ((n)&0xffu)
#define SCMI_PINCTRL_CONFIGS_REMAINING(n)    ((n) >> 24)
#define SCMI_PINCTRL_CONFIGS_REMAINING_SHIFT 24
/* Most configs one pin or group can report ("all" counts and skips in 8 bits). */
#define SCMI_PINCTRL_MAX_CONFIGS 255u

/*
 * PINCTRL_SETTINGS_CONFIGURE attributes: function valid bit 10, number of configs [9:2],
 * selector [1:0]; [31:11] reserved.
 */
#define SCMI_PINCTRL_CONFIGURE_FUNC_VALID (1u << 10)
#define SCMI_PINCTRL_CONFIGURE_NUM_SHIFT  2
#define SCMI_PINCTRL_CONFIGURE_NUM(a)	  (((a) >> 2) & 0xffu)
#define SCMI_PINCTRL_CONFIGURE_NUM_MAX	  0xffu
#define SCMI_PINCTRL_CONFIGURE_RESERVED	  0xfffff800u

/* PINCTRL_SET_PERMISSIONS flags: selector [1:0], allow bit 2; [31:3] reserved. */
#define SCMI_PINCTRL_PERM_ALLOW	   (1u << 2)
#define SCMI_PINCTRL_PERM_RESERVED 0xfffffff8u

/*
 * Config types, the type word's [7:0] (Linux enum scmi_pinctrl_conf_type): 0..20 standard,
 * 21..191 reserved, 192..255 OEM.
 */
enum scmi_pinctrl_conf_type {
	SCMI_PINCTRL_CONF_DEFAULT = 0,
	SCMI_PINCTRL_CONF_BIAS_BUS_HOLD = 1,
	SCMI_PINCTRL_CONF_BIAS_DISABLE = 2,
	SCMI_PINCTRL_CONF_BIAS_HIGH_IMPEDANCE = 3,
	SCMI_PINCTRL_CONF_BIAS_PULL_UP = 4,
	SCMI_PINCTRL_CONF_BIAS_PULL_DEFAULT = 5,
	SCMI_PINCTRL_CONF_BIAS_PULL_DOWN = 6,
	SCMI_PINCTRL_CONF_DRIVE_OPEN_DRAIN = 7,
	SCMI_PINCTRL_CONF_DRIVE_OPEN_SOURCE = 8,
	SCMI_PINCTRL_CONF_DRIVE_PUSH_PULL = 9,
	SCMI_PINCTRL_CONF_DRIVE_STRENGTH = 10,
	SCMI_PINCTRL_CONF_INPUT_DEBOUNCE = 11,
	SCMI_PINCTRL_CONF_INPUT_MODE = 12,
	SCMI_PINCTRL_CONF_PULL_MODE = 13,
	SCMI_PINCTRL_CONF_INPUT_VALUE = 14,
	SCMI_PINCTRL_CONF_INPUT_SCHMITT = 15,
	SCMI_PINCTRL_CONF_LOW_POWER_MODE = 16,
	SCMI_PINCTRL_CONF_OUTPUT_MODE = 17,
	SCMI_PINCTRL_CONF_OUTPUT_VALUE = 18,
	SCMI_PINCTRL_CONF_POWER_SOURCE = 19,
	SCMI_PINCTRL_CONF_SLEW_RATE = 20,
};
#define SCMI_PINCTRL_CONF_LAST_STD  SCMI_PINCTRL_CONF_SLEW_RATE
#define SCMI_PINCTRL_CONF_FIRST_OEM 192u
#define SCMI_PINCTRL_CONF_TYPE_MASK 0xffu

struct scmi_pinctrl_protocol_attributes_p2a {
	uint32_t attributes_low;
	uint32_t attributes_high;
};

/* A pin, group or function: PINCTRL_ATTRIBUTES, REQUEST, RELEASE, NAME_GET. */
struct scmi_pinctrl_id_a2p {
	uint32_t identifier;
	uint32_t flags;
};

struct scmi_pinctrl_attributes_p2a {
	uint32_t attributes;
	char name[SCMI_SHORT_NAME_SIZE];
};

struct scmi_pinctrl_list_associations_a2p {
	uint32_t identifier;
	uint32_t flags;
	uint32_t index;
};

/* One page of 16-bit ids, two a word, the last word zero-padded. */
struct scmi_pinctrl_list_associations_p2a {
	uint32_t flags;
	uint16_t array[];
};

struct scmi_pinctrl_settings_get_a2p {
	uint32_t identifier;
	uint32_t attributes;
};

/* One config: its type word (the type in [7:0]) and value. */
struct scmi_pinctrl_config_entry {
	uint32_t type;
	uint32_t value;
};

struct scmi_pinctrl_settings_get_p2a {
	uint32_t function_selected;
	uint32_t num_configs;
	struct scmi_pinctrl_config_entry configs[];
};

/* Variable size: exactly as many configs as the attributes say. */
struct scmi_pinctrl_settings_configure_a2p {
	uint32_t identifier;
	uint32_t function_id;
	uint32_t attributes;
	struct scmi_pinctrl_config_entry configs[];
};

struct scmi_pinctrl_set_permissions_a2p {
	uint32_t agent_id;
	uint32_t identifier;
	uint32_t flags;
};

SCMI_LAYOUT_SIZE(struct scmi_pinctrl_protocol_attributes_p2a, 8);
SCMI_LAYOUT_SIZE(struct scmi_pinctrl_id_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_pinctrl_attributes_p2a, 20);
SCMI_LAYOUT_SIZE(struct scmi_pinctrl_list_associations_a2p, 12);
SCMI_LAYOUT_SIZE(struct scmi_pinctrl_list_associations_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_pinctrl_settings_get_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_pinctrl_config_entry, 8);
SCMI_LAYOUT_SIZE(struct scmi_pinctrl_settings_get_p2a, 8);
SCMI_LAYOUT_SIZE(struct scmi_pinctrl_settings_configure_a2p, 12);
SCMI_LAYOUT_SIZE(struct scmi_pinctrl_set_permissions_a2p, 12);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_PINCTRL_H */
