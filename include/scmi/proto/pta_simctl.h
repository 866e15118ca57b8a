/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * "sim-control": a second pseudo-TA of the emulated TEE that drives the
 * simulated platform's clock. Not part of OP-TEE; it exists so that tests and
 * `scmi sim` can step a daemon running in virtual time.
 *
 * ABI (REE-kernel login only, as the SCMI PTA):
 *  PTA_SIMCTL_CMD_GET_TIME     p0 VALUE_OUTPUT a = low, b = high 32 bits of the
 *                              platform time in µs; p1 VALUE_OUTPUT a = 1 when
 *                              time is virtual, 0 when real
 *  PTA_SIMCTL_CMD_ADVANCE_TIME p0 VALUE_INPUT a = low, b = high 32 bits of µs;
 *                              TEE_ERROR_BAD_STATE in real time,
 *                              TEE_ERROR_BAD_PARAMETERS if time would wrap
 *                              (samples then due are taken: trip points crossed
 *                              meanwhile are notified)
 *  PTA_SIMCTL_CMD_REQUEST_SYSTEM_STATE p0 VALUE_INPUT a = system_state (0 shutdown,
 *                              1 cold reset, 2 warm reset, 4 suspend), b bit0 = graceful:
 *                              the platform raises SYSTEM_POWER_STATE_NOTIFIER to the
 *                              subscribed agents (docs/p2a.md); TEE_ERROR_NOT_SUPPORTED
 *                              without a system model, TEE_ERROR_BAD_PARAMETERS for a
 *                              state the platform lacks
 *  PTA_SIMCTL_CMD_SET_AMBIENT  p0 VALUE_INPUT a = ambient temperature in millidegrees
 *                              Celsius (two's complement); TEE_ERROR_NOT_SUPPORTED
 *                              without sensors
 * Wrong parameter types are TEE_ERROR_BAD_PARAMETERS, other commands
 * TEE_ERROR_NOT_SUPPORTED.
 */
#ifndef SCMI_PROTO_PTA_SIMCTL_H
#define SCMI_PROTO_PTA_SIMCTL_H

#include "tee.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 5c3d9a7e-2b1f-4e8a-9c6d-0f4b7a21e3c5, in the byte order Linux's uuid_t uses. */
#define PTA_SIMCTL_UUID_BYTES                                                                      \
	{                                                                                          \
		0x5c, 0x3d, 0x9a, 0x7e, 0x2b, 0x1f, 0x4e, 0x8a, 0x9c, 0x6d, 0x0f, 0x4b, 0x7a,      \
		    0x21, 0xe3, 0xc5                                                               \
	}
#define PTA_SIMCTL_UUID_STRING		    "5c3d9a7e-2b1f-4e8a-9c6d-0f4b7a21e3c5"
#define PTA_SIMCTL_NAME			    "sim-control"

#define PTA_SIMCTL_CMD_GET_TIME		    0u
#define PTA_SIMCTL_CMD_ADVANCE_TIME	    1u
#define PTA_SIMCTL_CMD_REQUEST_SYSTEM_STATE 2u
#define PTA_SIMCTL_CMD_SET_AMBIENT	    3u
#define PTA_SIMCTL_SYSTEM_GRACEFUL	    1u

#define PTA_SIMCTL_PT_GET_TIME                                                                     \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_VALUE_OUTPUT,                  \
			TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE)
#define PTA_SIMCTL_PT_ADVANCE_TIME                                                                 \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,      \
			TEE_PARAM_TYPE_NONE)

#define PTA_SIMCTL_PT_VALUE_IN PTA_SIMCTL_PT_ADVANCE_TIME

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_PTA_SIMCTL_H */
