// SPDX-License-Identifier: BSD-3-Clause
/*
 * Edges of the protocols' handlers a mutation run over base.c, pinctrl.c, power.c, powercap.c,
 * reset.c, sensor.c, system.c and voltage.c found unguarded: through the server over the
 * simulated default platform, with one protocol's platform ops swapped where the platform
 * must misbehave or lack something for the edge to show.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/base.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/status.h"
#include "scmi/server/base.h"
#include "scmi/server/server.h"
#include "edges_fixture.h"

/* --- Base: the permission and reset messages' platform ops --------------------------------- */

static unsigned int device_calls;
static int32_t reset_status;

static bool trusted(void *plat, uint32_t agent_id)
{
	(void)plat;
	(void)agent_id;
	return true;
}

static int32_t device_perm(void *plat, uint32_t agent_id, uint32_t device_id, bool allow)
{
	(void)plat;
	(void)agent_id;
	(void)device_id;
	(void)allow;
	device_calls++;
	return SCMI_SUCCESS;
}

static int32_t reset_agent(void *plat, uint32_t agent_id, bool reset_permissions)
{
	(void)plat;
	(void)agent_id;
	(void)reset_permissions;
	return reset_status;
}

/* The platform with @base for Base's ops; the agent on channel 0 (the caller) in *@agent_id. */
static void with_base(struct edges_fx *f, struct scmi_server_platform_ops *ops,
		      const struct scmi_server_base_ops *base, uint32_t *agent_id)
{
	*ops = *sim_platform_ops();
	ops->base = base;
	scmi_server_init(&f->srv, ops, f->p);
	assert_true(ops->channel_agent(f->p, 0, agent_id));
}

/*
 * A platform that can set a device's permissions but not a protocol's refuses
 * SET_PROTOCOL_PERMISSIONS (DENIED, exactly), and never takes it for a device's.
 */
static void test_base_protocol_permissions_without_op(void **state)
{
	static const struct scmi_server_base_ops base = {.agent_trusted = trusted,
							 .set_device_permissions = device_perm};
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	uint32_t me;

	with_base(f, &ops, &base, &me);
	device_calls = 0;
	const uint32_t proto[] = {me, 0, SCMI_PROTOCOL_CLOCK, SCMI_BASE_PERM_ALLOW};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS, proto, 4),
	    SCMI_DENIED);
	assert_int_equal(f->len, 4);
	assert_int_equal(device_calls, 0);
	/* The device's own message reaches the op. */
	const uint32_t device[] = {me, 0, SCMI_BASE_PERM_ALLOW};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS, device, 3),
	    SCMI_SUCCESS);
	assert_int_equal(device_calls, 1);
}

/* A trusted caller on a platform with neither permission op: both messages DENIED. */
static void test_base_permissions_without_ops(void **state)
{
	static const struct scmi_server_base_ops base = {.agent_trusted = trusted};
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	uint32_t me;

	with_base(f, &ops, &base, &me);
	const uint32_t device[] = {me, 0, SCMI_BASE_PERM_ALLOW};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS, device, 3),
	    SCMI_DENIED);
	const uint32_t proto[] = {me, 0, SCMI_PROTOCOL_CLOCK, 0};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS, proto, 4),
	    SCMI_DENIED);
}

/*
 * RESET_AGENT_CONFIGURATION the platform fails: its status, and the agent's negotiated
 * versions stay (they are reset only with the rest of its configuration).
 */
static void test_base_reset_agent_fails(void **state)
{
	static const struct scmi_server_base_ops base = {.agent_trusted = trusted,
							 .reset_agent = reset_agent};
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	const uint32_t v1 = SCMI_CLOCK_VERSION_1_0;
	uint32_t me;

	with_base(f, &ops, &base, &me);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, &v1, 1),
	    SCMI_SUCCESS);
	const uint32_t reset[] = {me, 0};
	reset_status = SCMI_HARDWARE_ERROR;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION, reset, 2),
	    SCMI_HARDWARE_ERROR);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_PROTOCOL_VERSION, NULL, 0),
			 SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), SCMI_CLOCK_VERSION_1_0);
	/* Once the platform resets it, the negotiated version goes with the rest. */
	reset_status = SCMI_SUCCESS;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION, reset, 2),
	    SCMI_SUCCESS);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_PROTOCOL_VERSION, NULL, 0),
			 SCMI_SUCCESS);
	assert_int_not_equal(scmi_get_le32(f->rsp + 4), SCMI_CLOCK_VERSION_1_0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    EDGES_TEST(test_base_protocol_permissions_without_op),
	    EDGES_TEST(test_base_permissions_without_ops),
	    EDGES_TEST(test_base_reset_agent_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
