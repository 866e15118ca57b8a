// SPDX-License-Identifier: BSD-3-Clause
/*
 * The protocols the server implements. Adding one is one line in the list
 * below (and its own file defining the descriptor with SCMI_SERVER_PROTOCOL_DEFINE).
 */
#include "server/server_protocol.h"

#define SCMI_SERVER_PROTOCOL_LIST(X)                                                               \
	X(scmi_server_base_protocol)                                                               \
	X(scmi_server_power_protocol)                                                              \
	X(scmi_server_system_protocol)                                                             \
	X(scmi_server_perf_protocol)                                                               \
	X(scmi_server_clock_protocol)                                                              \
	X(scmi_server_sensor_protocol)                                                             \
	X(scmi_server_reset_protocol)                                                              \
	X(scmi_server_voltage_protocol)                                                            \
	X(scmi_server_powercap_protocol)                                                           \
	X(scmi_server_pinctrl_protocol)

#define SCMI_SERVER_DECLARE(name) extern const struct scmi_server_protocol name;
SCMI_SERVER_PROTOCOL_LIST(SCMI_SERVER_DECLARE)
#undef SCMI_SERVER_DECLARE

#define SCMI_SERVER_ENTRY(name) &(name),
static const struct scmi_server_protocol *const protocols[] = {
    SCMI_SERVER_PROTOCOL_LIST(SCMI_SERVER_ENTRY)};
#undef SCMI_SERVER_ENTRY

const struct scmi_server_protocol *scmi_server_protocol_find(uint8_t id)
{
	size_t i;

	for (i = 0; i < SCMI_SERVER_ARRAY_SIZE(protocols); i++) {
		if (protocols[i]->id == id)
			return protocols[i];
	}
	return NULL;
}
