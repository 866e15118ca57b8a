// SPDX-License-Identifier: BSD-3-Clause
/*
 * Edges of the power domain, powercap and two pin control handlers a mutation run found
 * unguarded: through the server over the simulated default platform, with one protocol's ops
 * wrapped or swapped where the platform must lack an op, fail, leave fields unwritten or
 * describe what the default tree has not, and with counting ops where what shows is whether
 * the platform was asked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/pinctrl.h"
#include "scmi/proto/power.h"
#include "scmi/proto/powercap.h"
#include "scmi/proto/status.h"
#include "scmi/server/pinctrl.h"
#include "scmi/server/power.h"
#include "scmi/server/powercap.h"
#include "scmi/server/server.h"
#include "edges_fixture.h"

/* How many times the counting ops below were called. */
static unsigned int op_calls;

/* --- Pinctrl ------------------------------------------------------------------------------ */

static const struct scmi_server_pinctrl_ops *real_pc;

/* The platform with @pc for pinctrl's ops, @pc first a copy of the simulated platform's. */
static void with_pinctrl(struct scmi_server_platform_ops *ops, struct scmi_server_pinctrl_ops *pc)
{
	*ops = *sim_platform_ops();
	real_pc = ops->pinctrl;
	*pc = *real_pc;
	ops->pinctrl = pc;
}

/* A configure op that takes anything: only whether the server let the request through shows. */
static int32_t counting_configure(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				  uint32_t function, const uint32_t *types, const uint32_t *values,
				  uint32_t n)
{
	(void)plat;
	(void)agent_id;
	(void)sel;
	(void)id;
	(void)function;
	(void)types;
	(void)values;
	(void)n;
	op_calls++;
	return SCMI_SUCCESS;
}

/*
 * SETTINGS_CONFIGURE selecting a function the agent has not (the first id past the count) is
 * NOT_FOUND from the server, before the platform is asked to configure anything; the last
 * function the agent has reaches the platform.
 */
static void test_pinctrl_configure_function_past_end(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	uint32_t nfunc;

	with_pinctrl(&ops, &pc);
	pc.configure = counting_configure;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0),
	    SCMI_SUCCESS);
	nfunc = scmi_get_le32(f->rsp + 8) & SCMI_PINCTRL_PA_COUNT_MAX;
	assert_true(nfunc > 0);
	op_calls = 0;
	const uint32_t past[3] = {0, nfunc,
				  SCMI_PINCTRL_CONFIGURE_FUNC_VALID | SCMI_PINCTRL_SEL_PIN};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE, past, 3),
	    SCMI_NOT_FOUND);
	assert_int_equal(f->len, 4);
	assert_int_equal(op_calls, 0);
	const uint32_t last[3] = {0, nfunc - 1,
				  SCMI_PINCTRL_CONFIGURE_FUNC_VALID | SCMI_PINCTRL_SEL_PIN};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE, last, 3),
	    SCMI_SUCCESS);
	assert_int_equal(op_calls, 1);
}

/*
 * SET_PERMISSIONS with a reserved flag bit (bits 31:3) is INVALID_PARAMETERS, exactly, as
 * every reserved bit of a request is; without it the well-formed request is DENIED (no agent
 * is trusted).
 */
static void test_pinctrl_set_permissions_reserved_flags(void **state)
{
	struct edges_fx *f = *state;
	const uint32_t reserved[3] = {1, 0, SCMI_PINCTRL_SEL_PIN | (1u << 3)};
	const uint32_t allow[3] = {1, 0, SCMI_PINCTRL_SEL_PIN | SCMI_PINCTRL_PERM_ALLOW};

	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SET_PERMISSIONS, reserved, 3),
	    SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->len, 4);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SET_PERMISSIONS, allow, 3),
	    SCMI_DENIED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    EDGES_TEST(test_pinctrl_configure_function_past_end),
	    EDGES_TEST(test_pinctrl_set_permissions_reserved_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
