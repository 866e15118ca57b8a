// SPDX-License-Identifier: BSD-3-Clause
/* The "sim-control" pseudo-TA: platform time and events (see pta_simctl.h for the ABI). */
#include <errno.h>

#include "platform/sim/sim_events.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_sensor.h"
#include "platform/sim/sim_system.h"
#include "secure/pta_simctl.h"
#include "secure/tee_core.h"

static uint32_t simctl_open_session(void *pta_ctx, uint32_t login, void **sess_ctx)
{
	(void)pta_ctx;
	*sess_ctx = NULL;
	/* Moving the platform's clock is for trusted peers only. */
	if (login != TEE_LOGIN_REE_KERNEL)
		return TEE_ERROR_ACCESS_DENIED;
	return TEE_SUCCESS;
}

static void simctl_close_session(void *pta_ctx, void *sess_ctx)
{
	(void)pta_ctx;
	(void)sess_ctx;
}

static uint32_t simctl_invoke(void *pta_ctx, void *sess_ctx, uint32_t cmd, uint32_t types,
			      struct pta_param params[TEE_NUM_PARAMS])
{
	struct sim_platform *plat = pta_ctx;
	uint64_t us;
	int rc;

	(void)sess_ctx;
	switch (cmd) {
	case PTA_SIMCTL_CMD_GET_TIME:
		if (types != PTA_SIMCTL_PT_GET_TIME)
			return TEE_ERROR_BAD_PARAMETERS;
		us = sim_platform_time_us(plat);
		params[0].value.a = (uint32_t)us;
		params[0].value.b = (uint32_t)(us >> 32);
		params[1].value.a = sim_platform_virtual_time(plat) ? 1u : 0u;
		params[1].value.b = 0;
		return TEE_SUCCESS;
	case PTA_SIMCTL_CMD_ADVANCE_TIME:
		if (types != PTA_SIMCTL_PT_ADVANCE_TIME)
			return TEE_ERROR_BAD_PARAMETERS;
		us = (uint64_t)params[0].value.a | ((uint64_t)params[0].value.b << 32);
		rc = sim_platform_advance_time(plat, us);
		if (rc == -EPERM)
			return TEE_ERROR_BAD_STATE;
		if (rc)
			return TEE_ERROR_BAD_PARAMETERS;
		sim_events_time_check(plat);
		return TEE_SUCCESS;
	case PTA_SIMCTL_CMD_REQUEST_SYSTEM_STATE:
		if (types != PTA_SIMCTL_PT_VALUE_IN)
			return TEE_ERROR_BAD_PARAMETERS;
		if (params[0].value.b & ~PTA_SIMCTL_SYSTEM_GRACEFUL)
			return TEE_ERROR_BAD_PARAMETERS;
		rc = sim_system_request(plat, params[0].value.a,
					params[0].value.b & PTA_SIMCTL_SYSTEM_GRACEFUL);
		if (rc == -ENOENT)
			return TEE_ERROR_NOT_SUPPORTED;
		return rc ? TEE_ERROR_BAD_PARAMETERS : TEE_SUCCESS;
	case PTA_SIMCTL_CMD_SET_AMBIENT:
		if (types != PTA_SIMCTL_PT_VALUE_IN)
			return TEE_ERROR_BAD_PARAMETERS;
		rc = sim_sensor_set_ambient(plat, (int32_t)params[0].value.a);
		return rc ? TEE_ERROR_NOT_SUPPORTED : TEE_SUCCESS;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}

static const struct pta_ops simctl_ops = {
    .uuid = PTA_SIMCTL_UUID_BYTES,
    .name = PTA_SIMCTL_NAME,
    .open_session = simctl_open_session,
    .close_session = simctl_close_session,
    .invoke = simctl_invoke,
};

const struct pta_ops *pta_simctl_ops(void)
{
	return &simctl_ops;
}
