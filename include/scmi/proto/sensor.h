/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sensor management protocol (0x15) on the wire: message ids, the version each
 * appeared in, bits, and request/response layouts (DEN0056 §4.7; Linux
 * arm_scmi/sensors.c). Conventions: layout.h.
 *
 * Versions: 1.0 has DESCRIPTION_GET (28-byte descriptors whose attributes_high
 * carries the update interval), TRIP_POINT_NOTIFY, TRIP_POINT_CONFIG and
 * READING_GET (one 64-bit value); 2.0 (SCMI 3.0) adds AXIS_DESCRIPTION_GET,
 * LIST_UPDATE_INTERVALS, CONFIG_GET/SET, CONTINUOUS_UPDATE_NOTIFY, the extended
 * attributes, axes and timestamps of a descriptor, and readings of one
 * {value, timestamp} per axis; 3.0 adds NAME_GET and the descriptor's
 * extended-name bit; 3.1 adds AXIS_NAME_GET and the axis' extended-name bit.
 *
 * NAME_GET and CONFIG_GET take a struct scmi_id_a2p; NAME_GET answers a
 * struct scmi_name_get_p2a; TRIP_POINT_NOTIFY (event_control) and
 * CONTINUOUS_UPDATE_NOTIFY take a struct scmi_notify_a2p (ids.h).
 */
#ifndef SCMI_PROTO_SENSOR_H
#define SCMI_PROTO_SENSOR_H

#include <stddef.h>
#include <stdint.h>

#include "ids.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_SENSOR_VERSION_1_0 SCMI_VERSION(1, 0)
#define SCMI_SENSOR_VERSION_2_0 SCMI_VERSION(2, 0)
#define SCMI_SENSOR_VERSION_3_0 SCMI_VERSION(3, 0)
#define SCMI_SENSOR_VERSION_3_1 SCMI_VERSION(3, 1)

/* Messages, and the version each first appears in. */
#define SCMI_MSG_SENSOR_DESCRIPTION_GET		       0x3
#define SCMI_MSG_SENSOR_TRIP_POINT_NOTIFY	       0x4
#define SCMI_MSG_SENSOR_TRIP_POINT_CONFIG	       0x5
#define SCMI_MSG_SENSOR_READING_GET		       0x6
#define SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET	       0x7
#define SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS	       0x8
#define SCMI_MSG_SENSOR_CONFIG_GET		       0x9
#define SCMI_MSG_SENSOR_CONFIG_SET		       0xa
#define SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY       0xb
#define SCMI_MSG_SENSOR_NAME_GET		       0xc
#define SCMI_MSG_SENSOR_AXIS_NAME_GET		       0xd
#define SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET_SINCE     SCMI_SENSOR_VERSION_2_0
#define SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS_SINCE    SCMI_SENSOR_VERSION_2_0
#define SCMI_MSG_SENSOR_CONFIG_GET_SINCE	       SCMI_SENSOR_VERSION_2_0
#define SCMI_MSG_SENSOR_CONFIG_SET_SINCE	       SCMI_SENSOR_VERSION_2_0
#define SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY_SINCE SCMI_SENSOR_VERSION_2_0
#define SCMI_MSG_SENSOR_NAME_GET_SINCE		       SCMI_SENSOR_VERSION_3_0
#define SCMI_MSG_SENSOR_AXIS_NAME_GET_SINCE	       SCMI_SENSOR_VERSION_3_1

/*
 * NEGOTIATE_PROTOCOL_VERSION (ids.h) came with SCMI 3.2, which brought this version of the
 * protocol; it exists when the platform runs it, whatever the agent negotiated since.
 */
#define SCMI_MSG_SENSOR_NEGOTIATE_PROTOCOL_VERSION_SINCE SCMI_SENSOR_VERSION_3_1

/* Notifications (SENSOR_UPDATE from 2.0). */
#define SCMI_EVT_SENSOR_TRIP_POINT_EVENT 0x0
#define SCMI_EVT_SENSOR_UPDATE		 0x1

/* PROTOCOL_ATTRIBUTES attributes: num_sensors [15:0], max pending async reads [23:16]. */
#define SCMI_SENSOR_PA_NUM_SENSORS(a)  ((a)&0xffffu)
#define SCMI_SENSOR_PA_NUM_SENSORS_MAX 0xffffu
#define SCMI_SENSOR_PA_MAX_ASYNC(a)    (((a) >> 16) & 0xffu)
#define SCMI_SENSOR_PA_MAX_ASYNC_SHIFT 16

/*
 * A signed power of ten (unit, timestamp, resolution and interval exponents) is a 5-bit
 * two's complement field.
 */
#define SCMI_SENSOR_EXP_MASK 0x1fu

/*
 * Descriptor attributes_low. Asynchronous reads and the trip points from 1.0; continuous
 * update, timestamp and extended attributes from 2.0; extended name from 3.0.
 */
#define SCMI_SENSOR_ATTR_LOW_ASYNC	    (1u << 31)
#define SCMI_SENSOR_ATTR_LOW_CONT_UPDATE    (1u << 30)
#define SCMI_SENSOR_ATTR_LOW_EXT_NAME	    (1u << 29)
#define SCMI_SENSOR_ATTR_LOW_EXT_NAME_SINCE SCMI_SENSOR_VERSION_3_0
#define SCMI_SENSOR_ATTR_LOW_TS_EXP_SHIFT   10
#define SCMI_SENSOR_ATTR_LOW_TIMESTAMP	    (1u << 9)
#define SCMI_SENSOR_ATTR_LOW_EXT_ATTRS	    (1u << 8)
#define SCMI_SENSOR_ATTR_LOW_NUM_TRIPS(lo)  ((lo)&0xffu)

/*
 * Descriptor attributes_high: the update interval (1.0 only: seconds [31:27], exponent
 * [26:22]); number of axes [21:16] and the multi-axis bit 8 from 2.0; unit exponent
 * [15:11]; sensor type [7:0] (DMTF DSP0249 unit code).
 */
#define SCMI_SENSOR_ATTR_HIGH_V1_SECS_SHIFT  27
#define SCMI_SENSOR_ATTR_HIGH_V1_SECS_MAX    0x1fu
#define SCMI_SENSOR_ATTR_HIGH_V1_EXP_SHIFT   22
#define SCMI_SENSOR_ATTR_HIGH_NUM_AXES(hi)   (((hi) >> 16) & 0x3fu)
#define SCMI_SENSOR_ATTR_HIGH_AXES_SHIFT     16
#define SCMI_SENSOR_ATTR_HIGH_AXES_MASK      (0x3fu << SCMI_SENSOR_ATTR_HIGH_AXES_SHIFT)
#define SCMI_SENSOR_ATTR_HIGH_UNIT_EXP_SHIFT 11
#define SCMI_SENSOR_ATTR_HIGH_MULTI_AXIS     (1u << 8)
#define SCMI_SENSOR_ATTR_HIGH_TYPE(hi)	     ((hi)&0xffu)
/* Most axes a sensor may have (the 6-bit field). */
#define SCMI_SENSOR_MAX_AXES 63u

/* Sensor types (DMTF DSP0249 unit codes) this project names. */
#define SCMI_SENSOR_UNIT_CELSIUS 2u
#define SCMI_SENSOR_UNIT_VOLTS	 5u
#define SCMI_SENSOR_UNIT_AMPS	 6u
#define SCMI_SENSOR_UNIT_WATTS	 7u

/*
 * Axis descriptor attributes_low: extended name (3.1), extended attributes. Its
 * attributes_high has a sensor's unit exponent and type fields.
 */
#define SCMI_SENSOR_AXIS_ATTR_LOW_EXT_NAME (1u << 9)
/* With SENSOR_AXIS_NAME_GET. */
#define SCMI_SENSOR_AXIS_ATTR_LOW_EXT_NAME_SINCE SCMI_SENSOR_VERSION_3_1
#define SCMI_SENSOR_AXIS_ATTR_LOW_EXT_ATTRS	 (1u << 8)

/* The resolution word: mantissa [26:0], exponent [31:27]. */
#define SCMI_SENSOR_RES_MASK	  0x7ffffffu
#define SCMI_SENSOR_RES_EXP_SHIFT 27

/* SENSOR_DESCRIPTION_GET num_sensor_flags: returned [11:0], remaining [31:16]. */
#define SCMI_SENSOR_DESCS_RETURNED(f)	  ((f)&0xfffu)
#define SCMI_SENSOR_DESCS_REMAINING(f)	  ((f) >> 16)
#define SCMI_SENSOR_DESCS_REMAINING_SHIFT 16

/* SENSOR_AXIS_DESCRIPTION_GET and SENSOR_AXIS_NAME_GET flags: returned [5:0], remaining [31:26]. */
#define SCMI_SENSOR_AXES_RETURNED(f)	 ((f)&0x3fu)
#define SCMI_SENSOR_AXES_REMAINING(f)	 ((f) >> 26)
#define SCMI_SENSOR_AXES_REMAINING_SHIFT 26

/*
 * SENSOR_LIST_UPDATE_INTERVALS num_intervals_flags: returned [11:0], segmented bit 12 (the
 * list is one low/high/step triplet), remaining [31:16].
 */
#define SCMI_SENSOR_INTERVALS_RETURNED(f)     ((f)&0xfffu)
#define SCMI_SENSOR_INTERVALS_RETURNED_MAX    0xfffu
#define SCMI_SENSOR_INTERVALS_SEGMENTED	      (1u << 12)
#define SCMI_SENSOR_INTERVALS_REMAINING(f)    ((f) >> 16)
#define SCMI_SENSOR_INTERVALS_REMAINING_SHIFT 16
#define SCMI_SENSOR_INTERVALS_TRIPLET_COUNT   3u

/* An update interval word: seconds [20:5] x 10^exponent [4:0]. */
#define SCMI_SENSOR_INTERVAL_SECS(w)	(((w) >> 5) & 0xffffu)
#define SCMI_SENSOR_INTERVAL_SECS_SHIFT 5
#define SCMI_SENSOR_INTERVAL_SECS_MAX	0xffffu

/* SENSOR_TRIP_POINT_CONFIG trip_point_ev_ctrl: event [1:0], trip point id [11:4]. */
#define SCMI_SENSOR_TRIP_DISABLED 0u
#define SCMI_SENSOR_TRIP_POSITIVE 1u
#define SCMI_SENSOR_TRIP_NEGATIVE 2u
#define SCMI_SENSOR_TRIP_BOTH	  3u
#define SCMI_SENSOR_TRIP_EV_MASK  0x3u
#define SCMI_SENSOR_TRIP_ID_SHIFT 4
#define SCMI_SENSOR_TRIP_ID_MASK  0xffu
#define SCMI_SENSOR_TRIP_RESERVED 0xfffff00cu

/*
 * SENSOR_TRIP_POINT_EVENT trip_point_desc: trip point id [7:0], bit 16 an upward crossing
 * (docs/decisions.md: the reference does not give this layout).
 */
#define SCMI_SENSOR_TRIP_DESC_ID_MASK 0xffu
#define SCMI_SENSOR_TRIP_DESC_UP      (1u << 16)

/* SENSOR_READING_GET flags: bit 0 asynchronous; the other bits are reserved. */
#define SCMI_SENSOR_READ_ASYNC	  (1u << 0)
#define SCMI_SENSOR_READ_RESERVED 0xfffffffeu

/*
 * SENSOR_CONFIG_GET/SET sensor_config: update interval seconds [31:16] and exponent
 * [15:11], rounding [10:9] (SET only), timestamps bit 1, enabled bit 0; [8:2] reserved.
 */
#define SCMI_SENSOR_CONFIG_ENABLE      0x1u
#define SCMI_SENSOR_CONFIG_TIMESTAMP   0x2u
#define SCMI_SENSOR_CONFIG_RESERVED    0x1fcu
#define SCMI_SENSOR_CONFIG_ROUND_SHIFT 9
#define SCMI_SENSOR_CONFIG_ROUND_MASK  0x3u
#define SCMI_SENSOR_CONFIG_EXP_SHIFT   11
#define SCMI_SENSOR_CONFIG_SECS_SHIFT  16
#define SCMI_SENSOR_ROUND_DOWN	       0u
#define SCMI_SENSOR_ROUND_UP	       1u
#define SCMI_SENSOR_ROUND_AUTO	       2u

struct scmi_sensor_protocol_attributes_p2a {
	uint32_t attributes;
	struct scmi_u64 reg_addr;
	uint32_t reg_len;
};

struct scmi_sensor_description_get_a2p {
	uint32_t desc_index;
};

/*
 * One sensor descriptor. Its size varies: the power word only with extended attributes
 * (2.0), and the resolution and range after it only for a sensor without axes.
 */
struct scmi_sensor_desc_entry {
	uint32_t id;
	uint32_t attributes_low;
	uint32_t attributes_high;
	char name[SCMI_SHORT_NAME_SIZE];
	uint32_t power;
	uint32_t resolution;
	struct scmi_u64 min_range;
	struct scmi_u64 max_range;
};
/* Without extended attributes; with them, for a sensor with axes; the range part. */
#define SCMI_SENSOR_DESC_BASE_SIZE  offsetof(struct scmi_sensor_desc_entry, power)
#define SCMI_SENSOR_DESC_POWER_SIZE offsetof(struct scmi_sensor_desc_entry, resolution)
#define SCMI_SENSOR_DESC_RANGE_SIZE                                                                \
	(sizeof(struct scmi_sensor_desc_entry) -                                                   \
	 offsetof(struct scmi_sensor_desc_entry, resolution))

/* One page of descriptors, each of its own size (struct scmi_sensor_desc_entry). */
struct scmi_sensor_description_get_p2a {
	uint32_t num_sensor_flags;
};

/* SENSOR_TRIP_POINT_CONFIG. */
struct scmi_sensor_trip_point_config_a2p {
	uint32_t sensor_id;
	uint32_t trip_point_ev_ctrl;
	struct scmi_u64 trip_point_value;
};

struct scmi_sensor_reading_get_a2p {
	uint32_t sensor_id;
	uint32_t flags;
};

/*
 * One reading. SENSOR_READING_GET answers one per axis (one for a sensor without axes);
 * before 2.0 its reply is one reading cut to its value (SCMI_SENSOR_READING_V1_SIZE).
 */
struct scmi_sensor_reading_entry {
	struct scmi_u64 value;
	struct scmi_u64 timestamp;
};
#define SCMI_SENSOR_READING_V1_SIZE offsetof(struct scmi_sensor_reading_entry, timestamp)

/* The delayed response of an asynchronous READING_GET (after its status). */
struct scmi_sensor_reading_dresp {
	uint32_t sensor_id;
	struct scmi_sensor_reading_entry readings[];
};

/* SENSOR_AXIS_DESCRIPTION_GET and SENSOR_AXIS_NAME_GET. */
struct scmi_sensor_axis_a2p {
	uint32_t sensor_id;
	uint32_t axis_desc_index;
};

/* One axis descriptor: the resolution and range only with extended attributes. */
struct scmi_sensor_axis_desc_entry {
	uint32_t axis_id;
	uint32_t attributes_low;
	uint32_t attributes_high;
	char name[SCMI_SHORT_NAME_SIZE];
	uint32_t resolution;
	struct scmi_u64 min_range;
	struct scmi_u64 max_range;
};
#define SCMI_SENSOR_AXIS_DESC_BASE_SIZE offsetof(struct scmi_sensor_axis_desc_entry, resolution)

/* One page of axis descriptors, each of its own size (struct scmi_sensor_axis_desc_entry). */
struct scmi_sensor_axis_description_get_p2a {
	uint32_t num_axis_flags;
};

struct scmi_sensor_axis_name_entry {
	uint32_t axis_id;
	char name[SCMI_EXT_NAME_SIZE];
};

struct scmi_sensor_axis_name_get_p2a {
	uint32_t num_axis_flags;
	struct scmi_sensor_axis_name_entry names[];
};

struct scmi_sensor_list_update_intervals_a2p {
	uint32_t sensor_id;
	uint32_t index;
};

struct scmi_sensor_list_update_intervals_p2a {
	uint32_t num_intervals_flags;
	uint32_t intervals[];
};

struct scmi_sensor_config_get_p2a {
	uint32_t sensor_config;
};

struct scmi_sensor_config_set_a2p {
	uint32_t sensor_id;
	uint32_t sensor_config;
};

/* SENSOR_TRIP_POINT_EVENT. */
struct scmi_sensor_trip_point_evt {
	uint32_t agent_id;
	uint32_t sensor_id;
	uint32_t trip_point_desc;
};

/* SENSOR_UPDATE: one reading per axis (one for a sensor without axes). */
struct scmi_sensor_update_evt {
	uint32_t agent_id;
	uint32_t sensor_id;
	struct scmi_sensor_reading_entry readings[];
};

SCMI_LAYOUT_SIZE(struct scmi_sensor_protocol_attributes_p2a, 16);
SCMI_LAYOUT_SIZE(struct scmi_sensor_description_get_a2p, 4);
SCMI_LAYOUT_SIZE(struct scmi_sensor_desc_entry, 52);
SCMI_LAYOUT_SIZE(struct scmi_sensor_description_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_sensor_trip_point_config_a2p, 16);
SCMI_LAYOUT_SIZE(struct scmi_sensor_reading_get_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_sensor_reading_entry, 16);
SCMI_LAYOUT_SIZE(struct scmi_sensor_reading_dresp, 4);
SCMI_LAYOUT_SIZE(struct scmi_sensor_axis_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_sensor_axis_desc_entry, 48);
SCMI_LAYOUT_SIZE(struct scmi_sensor_axis_description_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_sensor_axis_name_entry, 68);
SCMI_LAYOUT_SIZE(struct scmi_sensor_axis_name_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_sensor_list_update_intervals_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_sensor_list_update_intervals_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_sensor_config_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_sensor_config_set_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_sensor_trip_point_evt, 12);
SCMI_LAYOUT_SIZE(struct scmi_sensor_update_evt, 8);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_SENSOR_H */
