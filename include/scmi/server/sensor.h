/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sensor protocol (0x15): what the server asks of the platform.
 *
 * The platform describes sensors and axes in plain numbers (signed
 * exponents, 64-bit values, intervals as seconds x 10^exponent); the server
 * packs them into the wire layout of the version in force. Every op returns
 * an SCMI status (enum scmi_status), so that the platform decides between
 * NOT_FOUND, INVALID_PARAMETERS, OUT_OF_RANGE, ... where it knows best.
 */
#ifndef SCMI_SERVER_SENSOR_H
#define SCMI_SERVER_SENSOR_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/proto/sensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct scmi_server_sensor_interval - an update interval: @secs x 10^@exp seconds.
 * @secs: 16-bit mantissa (v1.0 descriptors carry only 5 bits of it)
 * @exp:  signed decimal exponent, -16..15
 */
struct scmi_server_sensor_interval {
	uint16_t secs;
	int8_t exp;
};

/**
 * struct scmi_server_sensor_info - one sensor as the platform describes it.
 * @name:           short name, NUL-padded
 * @type:           DMTF DSP0249 unit code (2 degrees C, 5 V, 6 A, 7 W, ...)
 * @unit_exp:       signed power of ten of the unit (-3: milli)
 * @num_trip_points: trip points (0..255)
 * @num_axes:       0 for a scalar sensor, else 1..SCMI_SENSOR_MAX_AXES
 * @timestamped:    readings carry a timestamp
 * @ts_exp:         power of ten of the timestamp unit in seconds (-6: microseconds)
 * @continuous_update: SENSOR_CONTINUOUS_UPDATE_NOTIFY is meaningful for it
 * @ext_attrs:      @power_uw, @resolution, @res_exp and the range are known
 * @power_uw:       power the sensor itself draws, microwatts
 * @resolution:     resolution mantissa (27 bits), in units of 10^@res_exp
 * @res_exp:        its exponent
 * @min_range:      smallest value it can report
 * @max_range:      largest value it can report
 * @has_ext_name:   it has a name longer than 15 characters (SENSOR_NAME_GET)
 * @segmented:      its update intervals are one low/high/step triplet
 * @num_intervals:  discrete update intervals (or 3 when @segmented)
 * @interval:       the update interval in force
 */
struct scmi_server_sensor_info {
	char name[SCMI_SHORT_NAME_SIZE];
	uint8_t type;
	int8_t unit_exp;
	uint8_t num_trip_points;
	uint8_t num_axes;
	bool timestamped;
	int8_t ts_exp;
	bool continuous_update;
	bool ext_attrs;
	uint32_t power_uw;
	uint32_t resolution;
	int8_t res_exp;
	int64_t min_range;
	int64_t max_range;
	bool has_ext_name;
	bool segmented;
	uint32_t num_intervals;
	struct scmi_server_sensor_interval interval;
};

/**
 * struct scmi_server_sensor_axis_info - one axis of a multi-axis sensor.
 * @name:         short name, NUL-padded
 * @type:         DMTF unit code
 * @unit_exp:     power of ten of the unit
 * @ext_attrs:    resolution and range are known
 * @resolution:   resolution mantissa (27 bits)
 * @res_exp:      its exponent
 * @min_range:    smallest value
 * @max_range:    largest value
 * @has_ext_name: a name longer than 15 characters exists (SENSOR_AXIS_NAME_GET)
 */
struct scmi_server_sensor_axis_info {
	char name[SCMI_SHORT_NAME_SIZE];
	uint8_t type;
	int8_t unit_exp;
	bool ext_attrs;
	uint32_t resolution;
	int8_t res_exp;
	int64_t min_range;
	int64_t max_range;
	bool has_ext_name;
};

/**
 * struct scmi_server_sensor_reading - one value (of one axis).
 * @value:     in units of 10^unit_exp
 * @timestamp: when it was sampled, in units of 10^ts_exp s (0 if not timestamped)
 */
struct scmi_server_sensor_reading {
	int64_t value;
	uint64_t timestamp;
};

/**
 * struct scmi_server_sensor_config - the configuration of a sensor.
 * @enabled:      sampling on
 * @ts_enabled:   timestamps on
 * @set_interval: (set only) change the update interval to @interval
 * @interval:     the update interval (get: in force; set: asked for)
 * @round:        (set only) 0 round down, 1 up, 2 nearest, when @interval is not supported
 */
struct scmi_server_sensor_config {
	bool enabled;
	bool ts_enabled;
	bool set_interval;
	struct scmi_server_sensor_interval interval;
	uint8_t round;
};

/**
 * struct scmi_server_sensor_ops - Sensor resources of the platform. Sensor ids run
 * 0..count-1; each op returns an SCMI status (NOT_FOUND for an unknown sensor). The server
 * asks @info first for every message on a sensor and takes its NOT_FOUND; @count only for
 * the protocol's attributes and the description pages.
 * @count:         sensors visible to @agent_id
 * @info:          describe sensor @id
 * @axis_info:     describe axis @axis of sensor @id (NOT_FOUND beyond its axes)
 * @ext_name:      extended name of sensor @id (NUL-terminated, 64 bytes)
 * @axis_ext_name: extended name of axis @axis of sensor @id
 * @interval:      update interval @idx of sensor @id (triplet: 0 low, 1 high, 2 step)
 * @read:          sample sensor @id now: @max readings (one per axis, or one for a scalar),
 *                 count in *@n; a disabled sensor is the platform's choice of status
 * @config_get:    its configuration
 * @config_set:    change its configuration (interval rounding as @cfg->round says)
 * @trip_config:   set trip point @trip of sensor @id: @ev_ctrl 0 off, 1 rising,
 *                 2 falling, 3 both, at @value
 * @trip_notify:   record whether @agent_id wants trip point events of sensor @id
 * @update_notify: record whether @agent_id wants continuous update events of sensor @id
 */
struct scmi_server_sensor_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
	int32_t (*info)(void *plat, uint32_t agent_id, uint32_t id,
			struct scmi_server_sensor_info *info);
	int32_t (*axis_info)(void *plat, uint32_t agent_id, uint32_t id, uint32_t axis,
			     struct scmi_server_sensor_axis_info *info);
	int32_t (*ext_name)(void *plat, uint32_t agent_id, uint32_t id,
			    char name[SCMI_EXT_NAME_SIZE]);
	int32_t (*axis_ext_name)(void *plat, uint32_t agent_id, uint32_t id, uint32_t axis,
				 char name[SCMI_EXT_NAME_SIZE]);
	int32_t (*interval)(void *plat, uint32_t agent_id, uint32_t id, uint32_t idx,
			    struct scmi_server_sensor_interval *iv);
	int32_t (*read)(void *plat, uint32_t agent_id, uint32_t id,
			struct scmi_server_sensor_reading *r, uint32_t max, uint32_t *n);
	int32_t (*config_get)(void *plat, uint32_t agent_id, uint32_t id,
			      struct scmi_server_sensor_config *cfg);
	int32_t (*config_set)(void *plat, uint32_t agent_id, uint32_t id,
			      const struct scmi_server_sensor_config *cfg);
	int32_t (*trip_config)(void *plat, uint32_t agent_id, uint32_t id, uint32_t trip,
			       uint32_t ev_ctrl, int64_t value);
	int32_t (*trip_notify)(void *plat, uint32_t agent_id, uint32_t id, bool enable);
	int32_t (*update_notify)(void *plat, uint32_t agent_id, uint32_t id, bool enable);
};

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_SENSOR_H */
