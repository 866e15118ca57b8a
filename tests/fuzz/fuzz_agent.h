/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the two halves of fuzz_agent_response share: the input cursor the fake
 * transport and the calls both draw from, the invariant checks, and the
 * protocol-client calls (fuzz_agent_protocols.c).
 */
#ifndef SCMI_FUZZ_AGENT_H
#define SCMI_FUZZ_AGENT_H

#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

#include "scmi/clock.h"
#include "scmi/perf.h"
#include "scmi/pinctrl.h"
#include "scmi/power.h"
#include "scmi/powercap.h"
#include "scmi/reset.h"
#include "scmi/scmi.h"
#include "scmi/sensor.h"
#include "scmi/system.h"
#include "scmi/voltage.h"

/* Protocol clients fuzz_agent_call_protocol() drives (all but Base). */
#define FA_NUM_PROTOCOLS 9u

/** fa_in - what is left of the input: requests' arguments and the replies alike. */
extern struct fuzz_in fa_in;

/** fa_check_rc() - a client call returned 0 or a negative errno. */
void fa_check_rc(int rc);

/** fa_check_name() - a name the agent returned is NUL-terminated within @room. */
void fa_check_name(const char *s, size_t room);

/**
 * struct fa_handles - one input's protocol handles, opened on first use.
 * @opened: bit n set once protocol n (order of fuzz_agent_call_protocol()) has a handle
 */
struct fa_handles {
	uint32_t opened;
	struct scmi_clock clock;
	uint32_t perf_version;
	struct scmi_power power;
	struct scmi_powercap powercap;
	struct scmi_pinctrl pinctrl;
	struct scmi_reset reset;
	struct scmi_sensor_handle sensor;
	struct scmi_system system;
	struct scmi_voltage voltage;
};

/**
 * fuzz_agent_call_protocol() - one call of protocol client @proto (0..FA_NUM_PROTOCOLS-1:
 * clock, perf, power, powercap, pinctrl, reset, sensor, system, voltage), message chosen
 * by @which, arguments from fa_in. The first call of a protocol opens its handle with
 * the client's init; when the hostile server makes that fail, the handle is filled as an
 * init could have left it (any version up to the client's, any counts), so the other
 * calls are reached either way.
 */
void fuzz_agent_call_protocol(struct scmi_agent *a, struct fa_handles *h, unsigned int proto,
			      uint8_t which);

#endif /* SCMI_FUZZ_AGENT_H */
