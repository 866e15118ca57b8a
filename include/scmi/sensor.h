/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sensor management protocol (0x15) client, versions 1.0 to 3.1.
 *
 * Open a handle first (scmi_sensor_open): it reads the platform's version,
 * negotiates down to 3.1 when the platform is newer (as Linux does) and then
 * lays out every request and reads every reply for the version in force;
 * a message the version lacks is -EOPNOTSUPP without being sent.
 *
 * Values: a reading is value x 10^unit_exp of the sensor's unit (DMTF DSP0249
 * code: 2 degrees C, 5 V, 6 A, 7 W, ...); a timestamp is in 10^ts_exp s. An
 * update interval word is seconds (bits [20:5]) x 10^exponent (bits [4:0]).
 *
 * Paginated messages are walked to the end by the helpers, with a bound on
 * pages; a reply that claims more entries than its payload holds, more than
 * remain, or a `remaining` that does not shrink is -EPROTO.
 */
#ifndef SCMI_SENSOR_H
#define SCMI_SENSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/sensor.h"
#include "scmi.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Highest version this client speaks. */
#define SCMI_SENSOR_CLIENT_VERSION SCMI_SENSOR_VERSION_3_1
/** Room for a 64-byte extended name plus NUL. */
#define SCMI_SENSOR_NAME_BUF (SCMI_EXT_NAME_SIZE + 1)
/** Most update intervals the helper collects. */
#define SCMI_SENSOR_MAX_INTERVALS 256u

/**
 * struct scmi_sensor_handle - the Sensor protocol of one agent.
 * @agent:       the agent
 * @version:     version in force (negotiated, else the platform's)
 * @num_sensors: from PROTOCOL_ATTRIBUTES
 * @max_async:   maximum pending asynchronous reads the platform allows
 */
struct scmi_sensor_handle {
	struct scmi_agent *agent;
	uint32_t version;
	uint32_t num_sensors;
	uint32_t max_async;
};

/**
 * struct scmi_sensor_desc - one sensor descriptor, decoded.
 * @id:                sensor id
 * @attributes_low:    raw attributes_low
 * @attributes_high:   raw attributes_high
 * @name:              short name (NUL-terminated)
 * @type:              DMTF unit code
 * @unit_exp:          power of ten of the values
 * @num_trip_points:   trip points
 * @async:             asynchronous reads supported
 * @continuous_update: continuous update notifications supported (v2.0+)
 * @ext_name:          a longer name exists, read it with scmi_sensor_name_get() (v3.0+)
 * @timestamped:       readings carry timestamps (v2.0+)
 * @ts_exp:            power of ten of the timestamp unit (seconds)
 * @ext_attrs:         @power_uw (and for scalar sensors the resolution and range) are valid
 * @power_uw:          power the sensor draws
 * @resolution:        resolution mantissa (scalar sensors)
 * @res_exp:           its exponent
 * @min_range:         smallest value (scalar sensors)
 * @max_range:         largest value
 * @num_axes:          axes (0: scalar)
 * @v1_interval:       v1.0 only: the update interval of attributes_high as an interval word
 */
struct scmi_sensor_desc {
	uint32_t id;
	uint32_t attributes_low;
	uint32_t attributes_high;
	char name[SCMI_SENSOR_NAME_BUF];
	uint8_t type;
	int8_t unit_exp;
	uint8_t num_trip_points;
	bool async;
	bool continuous_update;
	bool ext_name;
	bool timestamped;
	int8_t ts_exp;
	bool ext_attrs;
	uint32_t power_uw;
	uint32_t resolution;
	int8_t res_exp;
	int64_t min_range;
	int64_t max_range;
	uint32_t num_axes;
	uint32_t v1_interval;
};

/**
 * struct scmi_sensor_axis - one axis descriptor, decoded.
 * @id:         axis id
 * @name:       short name
 * @type:       DMTF unit code
 * @unit_exp:   power of ten
 * @ext_name:   a longer name exists (v3.1+)
 * @ext_attrs:  @resolution, @res_exp and the range are valid
 * @resolution: resolution mantissa
 * @res_exp:    its exponent
 * @min_range:  smallest value
 * @max_range:  largest value
 */
struct scmi_sensor_axis {
	uint32_t id;
	char name[SCMI_SENSOR_NAME_BUF];
	uint8_t type;
	int8_t unit_exp;
	bool ext_name;
	bool ext_attrs;
	uint32_t resolution;
	int8_t res_exp;
	int64_t min_range;
	int64_t max_range;
};

/**
 * struct scmi_sensor_intervals - the update intervals of a sensor.
 * @segmented: @words is one low/high/step triplet
 * @count:     entries in @words
 * @words:     interval words (scmi_sensor_interval_us() converts one)
 */
struct scmi_sensor_intervals {
	bool segmented;
	uint32_t count;
	uint32_t words[SCMI_SENSOR_MAX_INTERVALS];
};

/**
 * struct scmi_sensor_reading - one value.
 * @value:     in 10^unit_exp units
 * @timestamp: in 10^ts_exp s; 0 when not timestamped (and always before v2.0)
 */
struct scmi_sensor_reading {
	int64_t value;
	uint64_t timestamp;
};

/**
 * scmi_sensor_open() - read the version (negotiating down to 3.1 from a newer platform)
 * and the attributes into @h.
 */
int scmi_sensor_open(struct scmi_agent *agent, struct scmi_sensor_handle *h);

/**
 * scmi_sensor_describe_page() - one SENSOR_DESCRIPTION_GET from @first: at most @max
 * descriptors into @out, *@returned and *@remaining as the platform said. -EPROTO if
 * the page holds fewer bytes than its descriptors need, or more than @max.
 */
int scmi_sensor_describe_page(const struct scmi_sensor_handle *h, uint32_t first,
			      struct scmi_sensor_desc *out, size_t max, uint32_t *returned,
			      uint32_t *remaining);

/**
 * scmi_sensor_describe() - every descriptor (at most @max, @h->num_sensors expected),
 * walking the pages; count in *@count.
 */
int scmi_sensor_describe(const struct scmi_sensor_handle *h, struct scmi_sensor_desc *out,
			 size_t max, size_t *count);

/** scmi_sensor_name_get() - SENSOR_NAME_GET (v3.0+): the extended name of sensor @id. */
int scmi_sensor_name_get(const struct scmi_sensor_handle *h, uint32_t id,
			 char name[SCMI_SENSOR_NAME_BUF]);

/**
 * scmi_sensor_axes() - SENSOR_AXIS_DESCRIPTION_GET (v2.0+) walked to the end: at most
 * @max axes of sensor @id into @out, count in *@count.
 */
int scmi_sensor_axes(const struct scmi_sensor_handle *h, uint32_t id, struct scmi_sensor_axis *out,
		     size_t max, size_t *count);

/**
 * scmi_sensor_axis_names() - SENSOR_AXIS_NAME_GET (v3.1+) walked to the end: the extended
 * name of each axis into @names (indexed by axis id, at most @max), count in *@count.
 */
int scmi_sensor_axis_names(const struct scmi_sensor_handle *h, uint32_t id,
			   char (*names)[SCMI_SENSOR_NAME_BUF], size_t max, size_t *count);

/**
 * scmi_sensor_update_intervals() - SENSOR_LIST_UPDATE_INTERVALS (v2.0+) walked to the
 * end. A segmented reply must be exactly one triplet (-EPROTO otherwise).
 */
int scmi_sensor_update_intervals(const struct scmi_sensor_handle *h, uint32_t id,
				 struct scmi_sensor_intervals *iv);

/**
 * scmi_sensor_reading_get() - SENSOR_READING_GET, synchronous: one reading per axis
 * (one for a scalar sensor, and always one before v2.0), at most @max, count in *@n.
 */
int scmi_sensor_reading_get(const struct scmi_sensor_handle *h, uint32_t id,
			    struct scmi_sensor_reading *r, size_t max, size_t *n);

/** scmi_sensor_reading_raw() - SENSOR_READING_GET with @flags as given (tests: async bit). */
int scmi_sensor_reading_raw(const struct scmi_sensor_handle *h, uint32_t id, uint32_t flags,
			    struct scmi_sensor_reading *r, size_t max, size_t *n);

/** scmi_sensor_trip_point_notify() - SENSOR_TRIP_POINT_NOTIFY. */
int scmi_sensor_trip_point_notify(const struct scmi_sensor_handle *h, uint32_t id, bool enable);

/**
 * scmi_sensor_trip_point_config() - SENSOR_TRIP_POINT_CONFIG: trip point @trip of
 * sensor @id fires on @event (SCMI_SENSOR_TRIP_*) crossings of @value.
 */
int scmi_sensor_trip_point_config(const struct scmi_sensor_handle *h, uint32_t id, uint8_t trip,
				  uint32_t event, int64_t value);

/** scmi_sensor_config_get() - SENSOR_CONFIG_GET (v2.0+): the raw configuration word. */
int scmi_sensor_config_get(const struct scmi_sensor_handle *h, uint32_t id, uint32_t *config);

/** scmi_sensor_config_set() - SENSOR_CONFIG_SET (v2.0+) with the raw word @config. */
int scmi_sensor_config_set(const struct scmi_sensor_handle *h, uint32_t id, uint32_t config);

/** scmi_sensor_continuous_update_notify() - SENSOR_CONTINUOUS_UPDATE_NOTIFY (v2.0+). */
int scmi_sensor_continuous_update_notify(const struct scmi_sensor_handle *h, uint32_t id,
					 bool enable);

/**
 * scmi_sensor_config_word() - a CONFIG_SET word: @enable, @timestamp, and the update
 * interval @interval (an interval word; 0 keeps the one in force) rounded by @round.
 */
uint32_t scmi_sensor_config_word(bool enable, bool timestamp, uint32_t interval, uint32_t round);

/** scmi_sensor_config_interval() - the interval word inside a configuration word. */
uint32_t scmi_sensor_config_interval(uint32_t config);

/** scmi_sensor_interval_us() - an interval word in microseconds (rounded down). */
uint64_t scmi_sensor_interval_us(uint32_t word);

/**
 * scmi_sensor_interval_from_us() - the interval word for @us microseconds (exact), or
 * -ERANGE when it cannot be written with 16 bits of seconds.
 */
int scmi_sensor_interval_from_us(uint64_t us, uint32_t *word);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SENSOR_H */
