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

/* --- Power domains ------------------------------------------------------------------------ */

static const struct scmi_server_power_ops *real_power;
/* What the wrapped domain op clears of the simulated platform's description. */
static bool clear_notify, clear_req_notify;

/* The platform with @pw for power's ops, @pw first a copy of the simulated platform's. */
static void with_power(struct edges_fx *f, struct scmi_server_platform_ops *ops,
		       struct scmi_server_power_ops *pw)
{
	*ops = *sim_platform_ops();
	real_power = ops->power;
	*pw = *real_power;
	ops->power = pw;
	scmi_server_init(&f->srv, ops, f->p);
}

/* A platform that names its domains and says nothing of notifications. */
static int32_t name_only_domain(void *plat, uint32_t agent_id, uint32_t id,
				struct scmi_server_power_domain *out)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	memcpy(out->name, "pd", 3);
	return SCMI_SUCCESS;
}

/* The simulated platform's domain, its notification attributes cleared as the test says. */
static int32_t cleared_domain(void *plat, uint32_t agent_id, uint32_t id,
			      struct scmi_server_power_domain *out)
{
	int32_t st = real_power->domain(plat, agent_id, id, out);

	if (clear_notify)
		out->notify = false;
	if (clear_req_notify)
		out->req_notify = false;
	return st;
}

/* A state_get op that succeeds without writing the state. */
// NOLINTNEXTLINE(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t silent_state_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *state)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)state;
	return SCMI_SUCCESS;
}

/* A notify op that records the subscription and takes it. */
static int32_t counting_power_notify(void *plat, uint32_t agent_id, uint32_t id, uint32_t event,
				     bool enable)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)event;
	(void)enable;
	op_calls++;
	return SCMI_SUCCESS;
}

/*
 * A domain the platform describes by its name alone: DOMAIN_ATTRIBUTES claims neither
 * notification (what the platform did not say is not supported), and carries the name
 * zero-padded.
 */
static void test_power_domain_fields_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_power_ops pw;
	const uint32_t dom0 = 0;
	uint8_t name[SCMI_SHORT_NAME_SIZE] = "pd";

	with_power(f, &ops, &pw);
	pw.domain = name_only_domain;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, &dom0, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + 4 + SCMI_SHORT_NAME_SIZE);
	assert_int_equal(
	    scmi_get_le32(f->rsp + 4) & (SCMI_POWER_ATTR_NOTIFY | SCMI_POWER_ATTR_REQ_NOTIFY), 0);
	assert_true(scmi_get_le32(f->rsp + 4) & SCMI_POWER_ATTR_SYNC);
	assert_memory_equal(f->rsp + 8, name, sizeof(name));
}

/*
 * A state_get op that succeeds without a state: POWER_STATE_GET answers 0 (ON, the
 * zero-initialised value), never a state the platform did not give.
 */
static void test_power_state_get_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_power_ops pw;
	const uint32_t dom0 = 0;

	with_power(f, &ops, &pw);
	pw.state_get = silent_state_get;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_GET, &dom0, 1),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 8);
	assert_int_equal(scmi_get_le32(f->rsp + 4), SCMI_POWER_STATE_ON);
}

/*
 * A platform without a notify op: POWER_STATE_NOTIFY on a domain that exists is
 * NOT_SUPPORTED, never a subscription accepted that nothing records.
 */
static void test_power_notify_without_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_power_ops pw;
	const uint32_t on[2] = {0, 1};

	with_power(f, &ops, &pw);
	pw.notify = NULL;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_NOTIFY, on, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/*
 * Each notification is gated by its own attribute bit: a domain without state-change
 * notifications refuses POWER_STATE_NOTIFY (NOT_SUPPORTED, the platform not asked) whatever
 * it says of change requests; a domain with them but without change-requested ones takes
 * POWER_STATE_NOTIFY and refuses POWER_STATE_CHANGE_REQUESTED_NOTIFY.
 */
static void test_power_notify_gated_per_event(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_power_ops pw;
	const uint32_t on[2] = {0, 1};
	const uint32_t dom0 = 0;

	with_power(f, &ops, &pw);
	pw.domain = cleared_domain;
	pw.notify = counting_power_notify;
	op_calls = 0;

	/* Only state-change notifications cleared. */
	clear_notify = true;
	clear_req_notify = false;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, &dom0, 1),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4) & SCMI_POWER_ATTR_NOTIFY, 0);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_NOTIFY, on, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(op_calls, 0);

	/* Only change-requested notifications cleared. */
	clear_notify = false;
	clear_req_notify = true;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, &dom0, 1),
	    SCMI_SUCCESS);
	assert_true(scmi_get_le32(f->rsp + 4) & SCMI_POWER_ATTR_NOTIFY);
	assert_int_equal(scmi_get_le32(f->rsp + 4) & SCMI_POWER_ATTR_REQ_NOTIFY, 0);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_NOTIFY, on, 2),
			 SCMI_SUCCESS);
	assert_int_equal(op_calls, 1);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY, on, 2),
	    SCMI_NOT_SUPPORTED);
	assert_int_equal(op_calls, 1);
	clear_req_notify = false;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    EDGES_TEST(test_pinctrl_configure_function_past_end),
	    EDGES_TEST(test_pinctrl_set_permissions_reserved_flags),
	    EDGES_TEST(test_power_domain_fields_unwritten),
	    EDGES_TEST(test_power_state_get_unwritten),
	    EDGES_TEST(test_power_notify_without_op),
	    EDGES_TEST(test_power_notify_gated_per_event),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
