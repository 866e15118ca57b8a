// SPDX-License-Identifier: BSD-3-Clause
/*
 * sensors: read every sensor of the platform once and print it in its unit.
 *
 *   optee-simd &              the emulated OP-TEE with its default platform
 *   ./sensors [SOCKET]        SOCKET: the daemon's, when not the default one
 *
 * The shape of every libscmi program: open an agent, open a protocol, walk its
 * resources, close. Every call returns 0 or a negative errno (an SCMI status is mapped
 * to one); scmi_strerror() names it.
 */
#include <stdio.h>

#include <scmi/scmi.h>
#include <scmi/sensor.h>

/* The sensors a platform lists (the simulated one has nine). */
#define MAX_SENSORS 64

/* DMTF DSP0249 unit codes; a platform may use others. */
static const char *unit_name(uint8_t type)
{
	switch (type) {
	case SCMI_SENSOR_UNIT_CELSIUS:
		return "degC";
	case SCMI_SENSOR_UNIT_VOLTS:
		return "V";
	case SCMI_SENSOR_UNIT_AMPS:
		return "A";
	case SCMI_SENSOR_UNIT_WATTS:
		return "W";
	default:
		return "(unit code)";
	}
}

/* value x 10^exp as a double, for printing only: the wire value stays exact. */
static double scaled(int64_t value, int exp)
{
	double v = (double)value;

	for (; exp > 0; exp--)
		v *= 10;
	for (; exp < 0; exp++)
		v /= 10;
	return v;
}

int main(int argc, char **argv)
{
	/* Over OP-TEE to optee-simd; timeout_ms: room for a loaded or sanitized daemon. */
	struct scmi_agent_config cfg = {
	    .socket_path = argc > 1 ? argv[1] : NULL,
	    .timeout_ms = 1000,
	};
	static struct scmi_sensor_desc desc[MAX_SENSORS];
	struct scmi_sensor_handle sensors;
	struct scmi_agent *agent;
	char err[256] = "";
	size_t count;
	int ret;

	cfg.errbuf = err;
	cfg.errbuf_len = sizeof(err);
	ret = scmi_agent_open(&cfg, &agent);
	if (ret) {
		fprintf(stderr, "sensors: %s\n", err[0] ? err : scmi_strerror(ret));
		return 1;
	}
	/* The handle negotiates the protocol version; every later call follows it. */
	ret = scmi_sensor_open(agent, &sensors);
	if (!ret)
		ret = scmi_sensor_describe(&sensors, desc, MAX_SENSORS, &count);
	if (ret) {
		fprintf(stderr, "sensors: %s\n", scmi_strerror(ret));
		scmi_agent_close(agent);
		return 1;
	}
	for (size_t i = 0; i < count; i++) {
		/* One reading per axis: a scalar sensor has one, a 3-axis sensor three. */
		struct scmi_sensor_reading r[8];
		char name[SCMI_SENSOR_NAME_BUF];
		size_t n;

		/* The descriptor holds 15 characters; a longer name is asked for (v3.0+). */
		if (!desc[i].ext_name || scmi_sensor_name_get(&sensors, desc[i].id, name))
			snprintf(name, sizeof(name), "%s", desc[i].name);
		ret = scmi_sensor_reading_get(&sensors, desc[i].id, r, 8, &n);
		if (ret) {
			printf("%s: %s\n", name, scmi_strerror(ret));
			continue;
		}
		printf("%s:", name);
		for (size_t a = 0; a < n; a++)
			printf(" %.3f", scaled(r[a].value, desc[i].unit_exp));
		printf(" %s\n", unit_name(desc[i].type));
	}
	scmi_agent_close(agent);
	return 0;
}
