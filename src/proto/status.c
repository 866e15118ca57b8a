// SPDX-License-Identifier: BSD-3-Clause
/* Names of SCMI status codes. Freestanding. */
#include <stddef.h>

#include "scmi/proto/status.h"

static const char *const status_names[] = {
    "SUCCESS",	      "NOT_SUPPORTED",	"INVALID_PARAMETERS",
    "DENIED",	      "NOT_FOUND",	"OUT_OF_RANGE",
    "BUSY",	      "COMMS_ERROR",	"GENERIC_ERROR",
    "HARDWARE_ERROR", "PROTOCOL_ERROR", "IN_USE",
    "PARTIAL",
};
_Static_assert(sizeof(status_names) / sizeof(status_names[0]) == 1 - SCMI_STATUS_LAST,
	       "a name for every status down to SCMI_STATUS_LAST");

const char *scmi_status_name(int32_t status)
{
	/* Negate in 64 bits: -INT32_MIN does not fit an int32_t. */
	int64_t idx = -(int64_t)status;

	if (idx < 0 || idx >= (int64_t)(sizeof(status_names) / sizeof(status_names[0])))
		return "UNKNOWN";
	return status_names[idx];
}
