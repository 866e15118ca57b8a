/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sensor (0x15) model of the simulated platform.
 * PLACEHOLDER until the sensor model's owner writes it. The functions below are
 * the model's contract with the rest of the platform: keep them.
 */
#ifndef SCMI_SIM_SENSOR_H
#define SCMI_SIM_SENSOR_H

#include <stdbool.h>
#include <stdint.h>

#include "server/sensor.h"

struct sim_platform;
struct sim_loader;

/** sim_sensor_load() - parse protocol node @node (its protocol@15) into @ld->p. */
int sim_sensor_load(struct sim_loader *ld, int node);

/** sim_sensor_free() - free the model's state. */
void sim_sensor_free(struct sim_platform *p);

/** sim_sensor_ops - the server's sensor ops over this model. */
extern const struct scmi_server_sensor_ops sim_sensor_ops;

#endif /* SCMI_SIM_SENSOR_H */
