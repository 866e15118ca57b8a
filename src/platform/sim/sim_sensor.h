/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sensor (0x15) model of the simulated platform (binding: docs/binding/sensor.md).
 *
 * Theory of operation. Each sensor samples its physical quantity every update
 * interval: a reading is the value at the last sample instant
 * floor(now / interval) * interval, stamped with that instant (platform time,
 * microseconds). Quantities:
 *   thermal  a die temperature that follows the power it dissipates as a
 *            first-order system: T -> ambient + k * P with time constant tau.
 *            The state is advanced lazily at each sample, exactly
 *            (T = Tss + (T0 - Tss) * exp(-dt / tau)), with P taken as the
 *            power at the sample (power changes between two samples are seen
 *            at the next one). Axes of a multi-axis thermal sensor sit at a
 *            fraction of the rise above ambient (a sensor spread on a board).
 *   power    the SoC's (perf + power domains + a base) or one perf domain's, mW
 *   voltage  a voltage domain's level, uV
 *   current  power / voltage of a domain, mA
 *   constant a fixed value from the DT
 * The other models may still be placeholders (0 mW, -ENOENT): the readings are
 * then 0 or the base values, never an error.
 *
 * Trip points are platform-wide (set by any agent); each sample checks the
 * transition from the previous one against every armed trip point and counts
 * the crossings in the configured direction. Notification wishes are kept
 * per agent. A crossing is notified (SENSOR_TRIP_POINT_EVENT) to the agents
 * that asked, and each new sample to continuous-update subscribers, through
 * sim_events.h (P2A channels only; over OP-TEE nothing can be delivered).
 */
#ifndef SCMI_SIM_SENSOR_H
#define SCMI_SIM_SENSOR_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_reset_agent.h" /* sim_sensor_reset_agent() */
#include "scmi/server/sensor.h"

struct sim_platform;
struct sim_loader;

#define SIM_SENSOR_MAX		 64u
#define SIM_SENSOR_MAX_AXES	 6u
#define SIM_SENSOR_MAX_TRIPS	 8u
#define SIM_SENSOR_MAX_INTERVALS 32u

/** enum sim_sensor_kind - what a sensor measures (see the theory above). */
enum sim_sensor_kind {
	SIM_SENSOR_THERMAL,
	SIM_SENSOR_POWER,
	SIM_SENSOR_VOLTAGE,
	SIM_SENSOR_CURRENT,
	SIM_SENSOR_CONSTANT,
};

/**
 * struct sim_sensor_trip - one trip point.
 * @ev_ctrl: 0 disabled, 1 rising crossings, 2 falling, 3 both
 * @value:   threshold, in the sensor's units
 * @above:   the last sample was at or above @value
 * @events:  crossings in the configured direction since it was configured
 */
struct sim_sensor_trip {
	uint32_t ev_ctrl;
	int64_t value;
	bool above;
	uint32_t events;
};

/**
 * struct sim_sensor_axis - one axis of a multi-axis sensor.
 * @name:     short name
 * @ext_name: longer name, "" if none
 * @permille: share of the sensor's rise above ambient this axis sees (thermal)
 */
struct sim_sensor_axis {
	char name[SCMI_SHORT_NAME_SIZE];
	char ext_name[SCMI_EXT_NAME_SIZE];
	uint32_t permille;
};

/**
 * struct sim_sensor_one - one sensor: description, configuration, physical state.
 * @name, @ext_name:  short and long ("" if none) names
 * @kind:             what it measures
 * @type, @unit_exp:  DMTF unit and power of ten of its values
 * @perf_domain:      power source: a perf domain id, or -1 for the whole SoC
 * @voltage_domain:   voltage domain id (voltage, current), or -1
 * @nominal_uv:       voltage to divide by while the voltage domain reads 0 (current)
 * @k_mc_per_w:       thermal resistance, millidegrees per watt
 * @tau_us:           thermal time constant
 * @constant:         value of a constant sensor
 * @has_range:        min/max range known (extended attributes)
 * @range_min/@range_max: that range
 * @power_uw:         what the sensor itself draws
 * @num_axes, @axes:  axes (0: scalar)
 * @num_trips, @trips: trip points
 * @segmented:        @intervals_us is a low/high/step triplet
 * @num_intervals:    entries of @intervals_us
 * @intervals_us:     supported update intervals, ascending
 * @interval_us:      the one in force
 * @timestamped:      readings carry timestamps (ts_enabled may turn them off)
 * @continuous_update: CONTINUOUS_UPDATE_NOTIFY is supported
 * @enabled, @ts_enabled: configuration
 * @temp_mc:          thermal state, millidegrees, at @state_us
 * @state_us:         time of the thermal state
 * @sampled:          @last_* hold a sample
 * @last_us:          instant of the last sample
 * @last:             its values, per axis (one for a scalar)
 * @notify_trip:      agents (bit id - 1) that want trip point events
 * @notify_update:    agents that want continuous updates
 */
struct sim_sensor_one {
	char name[SCMI_SHORT_NAME_SIZE];
	char ext_name[SCMI_EXT_NAME_SIZE];
	enum sim_sensor_kind kind;
	uint8_t type;
	int8_t unit_exp;
	int32_t perf_domain;
	int32_t voltage_domain;
	uint32_t nominal_uv;
	uint32_t k_mc_per_w;
	uint32_t tau_us;
	int64_t constant;
	bool has_range;
	int64_t range_min;
	int64_t range_max;
	uint32_t power_uw;
	uint32_t num_axes;
	struct sim_sensor_axis axes[SIM_SENSOR_MAX_AXES];
	uint32_t num_trips;
	struct sim_sensor_trip trips[SIM_SENSOR_MAX_TRIPS];
	bool segmented;
	uint32_t num_intervals;
	uint32_t intervals_us[SIM_SENSOR_MAX_INTERVALS];
	uint32_t interval_us;
	bool timestamped;
	bool continuous_update;
	bool enabled;
	bool ts_enabled;
	double temp_mc;
	uint64_t state_us;
	bool sampled;
	uint64_t last_us;
	int64_t last[SIM_SENSOR_MAX_AXES];
	uint64_t notify_trip;
	uint64_t notify_update;
};

/**
 * struct sim_sensor - the sensor model (p->sensor).
 * @ambient_mc:  ambient temperature
 * @soc_base_mw: SoC power outside the perf and power domains
 * @count:       sensors
 * @s:           sensors, by id
 */
struct sim_sensor {
	int32_t ambient_mc;
	uint32_t soc_base_mw;
	uint32_t count;
	struct sim_sensor_one s[SIM_SENSOR_MAX];
};

/** sim_sensor_load() - parse protocol node @node (its protocol@15) into @ld->p. */
int sim_sensor_load(struct sim_loader *ld, int node);

/** sim_sensor_free() - free the model's state. */
void sim_sensor_free(struct sim_platform *p);

/** sim_sensor_ops - the server's sensor ops over this model. */
extern const struct scmi_server_sensor_ops sim_sensor_ops;

/**
 * sim_sensor_model_read() - sample sensor @id now (lock held): its first value in
 * its units. -ENOENT for an unknown sensor, -EACCES when it is disabled.
 */
int sim_sensor_model_read(struct sim_platform *p, uint32_t id, int64_t *value);

/**
 * sim_sensor_trip_state() - sample sensor @id and copy its trip point @trip (takes the
 * lock: for tests and the future P2A path). -ENOENT for an unknown sensor or trip.
 */
int sim_sensor_trip_state(struct sim_platform *p, uint32_t id, uint32_t trip,
			  struct sim_sensor_trip *out);

/**
 * sim_sensor_notify_state() - whether agent @agent_id asked for trip point events
 * (@trip) and continuous updates (@update) of sensor @id (takes the lock). -ENOENT.
 */
int sim_sensor_notify_state(struct sim_platform *p, uint32_t id, uint32_t agent_id, bool *trip,
			    bool *update);

/**
 * sim_sensor_model_check() - take the sample due now of every sensor someone subscribed
 * to (lock held), so that trip point crossings and updates are notified as time goes by;
 * the caller flushes events after unlocking.
 */
void sim_sensor_model_check(struct sim_platform *p);

/**
 * sim_sensor_set_ambient() - change the ambient temperature thermal sensors settle towards
 * (takes the lock); 0 or -ENOENT without the model.
 */
int sim_sensor_set_ambient(struct sim_platform *p, int32_t ambient_mc);

/* Internals shared by sim_sensor*.c. */

/** sim_sensor_sample() - bring sensor @s (index @id) to the sample due now (lock held). */
void sim_sensor_sample(struct sim_platform *p, struct sim_sensor_one *s);

/** sim_sensor_exp_neg() - e^-@x for @x >= 0, deterministic (no libm). */
double sim_sensor_exp_neg(double x);

/** sim_sensor_us_to_interval() - @us as secs x 10^exp; false if it does not fit 16 bits. */
bool sim_sensor_us_to_interval(uint32_t us, struct scmi_server_sensor_interval *iv);

#endif /* SCMI_SIM_SENSOR_H */
