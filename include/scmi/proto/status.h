/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SCMI status codes: the signed 32-bit word that opens every response.
 */
#ifndef SCMI_PROTO_STATUS_H
#define SCMI_PROTO_STATUS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** enum scmi_status - status codes (DEN0056 §4.1.4; IN_USE and PARTIAL from SCMI v4.0). */
enum scmi_status {
	SCMI_SUCCESS = 0,
	SCMI_NOT_SUPPORTED = -1,
	SCMI_INVALID_PARAMETERS = -2,
	SCMI_DENIED = -3,
	SCMI_NOT_FOUND = -4,
	SCMI_OUT_OF_RANGE = -5,
	SCMI_BUSY = -6,
	SCMI_COMMS_ERROR = -7,
	SCMI_GENERIC_ERROR = -8,
	SCMI_HARDWARE_ERROR = -9,
	SCMI_PROTOCOL_ERROR = -10,
	SCMI_IN_USE = -11,
	SCMI_PARTIAL = -12,
	/* The last status the spec names: codes from here to NOT_SUPPORTED have names. */
	SCMI_STATUS_LAST = SCMI_PARTIAL,
};

/**
 * scmi_status_name() - the spec name of @status ("SUCCESS", "NOT_FOUND", ...),
 * or "UNKNOWN" for a value outside the table. Never NULL.
 */
const char *scmi_status_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_STATUS_H */
