// SPDX-License-Identifier: BSD-3-Clause
/*
 * The protocols the server implements. Adding one is one line in the table
 * below (and its own file defining the descriptor with
 * SCMI_SERVER_PROTOCOL_DEFINE()): a standard protocol goes at its id, where
 * dispatch finds it without a search; a vendor protocol (0x80..0xff) would go
 * in scmi_server_vendor_protocol_find().
 */
#include "server/server_protocol.h"

extern const struct scmi_server_protocol scmi_server_base_protocol;
extern const struct scmi_server_protocol scmi_server_power_protocol;
extern const struct scmi_server_protocol scmi_server_system_protocol;
extern const struct scmi_server_protocol scmi_server_perf_protocol;
extern const struct scmi_server_protocol scmi_server_clock_protocol;
extern const struct scmi_server_protocol scmi_server_sensor_protocol;
extern const struct scmi_server_protocol scmi_server_reset_protocol;
extern const struct scmi_server_protocol scmi_server_voltage_protocol;
extern const struct scmi_server_protocol scmi_server_powercap_protocol;
extern const struct scmi_server_protocol scmi_server_pinctrl_protocol;

const struct scmi_server_protocol *const scmi_server_std_protocols[SCMI_SERVER_STD_PROTOCOLS] = {
    [SCMI_PROTOCOL_BASE - SCMI_PROTOCOL_BASE] = &scmi_server_base_protocol,
    [SCMI_PROTOCOL_POWER - SCMI_PROTOCOL_BASE] = &scmi_server_power_protocol,
    [SCMI_PROTOCOL_SYSTEM - SCMI_PROTOCOL_BASE] = &scmi_server_system_protocol,
    [SCMI_PROTOCOL_PERF - SCMI_PROTOCOL_BASE] = &scmi_server_perf_protocol,
    [SCMI_PROTOCOL_CLOCK - SCMI_PROTOCOL_BASE] = &scmi_server_clock_protocol,
    [SCMI_PROTOCOL_SENSOR - SCMI_PROTOCOL_BASE] = &scmi_server_sensor_protocol,
    [SCMI_PROTOCOL_RESET - SCMI_PROTOCOL_BASE] = &scmi_server_reset_protocol,
    [SCMI_PROTOCOL_VOLTAGE - SCMI_PROTOCOL_BASE] = &scmi_server_voltage_protocol,
    [SCMI_PROTOCOL_POWERCAP - SCMI_PROTOCOL_BASE] = &scmi_server_powercap_protocol,
    [SCMI_PROTOCOL_PINCTRL - SCMI_PROTOCOL_BASE] = &scmi_server_pinctrl_protocol,
};

const struct scmi_server_protocol *scmi_server_vendor_protocol_find(uint8_t id)
{
	(void)id;
	return NULL;
}
