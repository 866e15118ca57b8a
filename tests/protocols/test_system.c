// SPDX-License-Identifier: BSD-3-Clause
/*
 * System power protocol (0x12) through libscmi against the simulated
 * platform, in every transport mode: state changes and who may make them,
 * bad values, per-agent subscriptions, and a 1.0 platform with its notifier
 * layout.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_system.h"
#include "scmi/proto/endian.h"
#include "scmi/system.h"
#include "secure/secure_world.h"
#include "scmi/server/system.h"

static void open_system(struct scmi_agent *agent, struct scmi_system *sys)
{
	assert_int_equal(scmi_system_open(agent, sys), 0);
}

/* A raw request; returns scmi_xfer()'s result (an errno), the reply bytes in *rx_len. */
static int raw(struct scmi_agent *agent, uint8_t msg, const uint32_t *words, size_t n, uint8_t *rx,
	       size_t rx_max, size_t *rx_len)
{
	return proto_raw(agent, SCMI_PROTOCOL_SYSTEM, msg, words, n, rx, rx_max, rx_len, NULL);
}

static uint32_t get_state(struct scmi_system *sys)
{
	uint32_t st = 0xdead;

	assert_int_equal(scmi_system_state_get(sys, &st), 0);
	return st;
}

static void test_version_and_attributes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_system sys;
	bool warm = false, suspend = false;
	uint8_t rx[4] = {0xff, 0xff, 0xff, 0xff};
	size_t len = 0;
	uint32_t attr;

	open_system(f->agent, &sys);
	assert_int_equal(sys.version, 0x20001);
	assert_int_equal(raw(f->agent, 0x1, NULL, 0, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 4);
	assert_int_equal(scmi_get_le32(rx), 0);
	assert_int_equal(scmi_system_capabilities(&sys, &warm, &suspend), 0);
	assert_true(warm);
	assert_true(suspend);
	assert_int_equal(
	    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_SYSTEM, 0x3, &attr), 0);
	assert_int_equal(attr, 0xc0000000u);
	assert_int_equal(
	    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_SYSTEM, 0x4, &attr), 0);
	assert_int_equal(attr, 0);
	assert_int_equal(
	    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_SYSTEM, 0x5, &attr), 0);
	assert_int_equal(
	    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_SYSTEM, 0x6, &attr), -ENOENT);
}

static void test_state_changes(void **state)
{
	struct proto_fixture *f = *state;
	struct sim_system_status st;
	struct scmi_system sys;

	open_system(f->agent, &sys);
	assert_int_equal(get_state(&sys), SCMI_SYSTEM_STATE_POWER_UP);
	assert_true(sim_system_status(f->plat, &st));
	assert_int_equal(st.last_agent, 0);

	assert_int_equal(scmi_system_state_set(&sys, SCMI_SYSTEM_STATE_SHUTDOWN, true), 0);
	assert_int_equal(get_state(&sys), SCMI_SYSTEM_STATE_SHUTDOWN);
	assert_true(sim_system_status(f->plat, &st));
	assert_int_equal(st.last_agent, 1);
	assert_int_equal(st.last_flags, 1);
	assert_int_equal(st.last_state, SCMI_SYSTEM_STATE_SHUTDOWN);
	/* Nothing runs to be suspended while shut down. */
	assert_int_equal(scmi_system_state_set(&sys, SCMI_SYSTEM_STATE_SUSPEND, true), -EACCES);
	assert_int_equal(scmi_system_state_set(&sys, SCMI_SYSTEM_STATE_POWER_UP, false), 0);
	assert_int_equal(get_state(&sys), SCMI_SYSTEM_STATE_POWER_UP);
	assert_int_equal(scmi_system_state_set(&sys, SCMI_SYSTEM_STATE_SUSPEND, true), 0);
	assert_int_equal(get_state(&sys), SCMI_SYSTEM_STATE_SUSPEND);
	/* Resets are carried out at once: the system is up again, and they are counted. */
	assert_int_equal(scmi_system_state_set(&sys, SCMI_SYSTEM_STATE_COLD_RESET, true), 0);
	assert_int_equal(get_state(&sys), SCMI_SYSTEM_STATE_POWER_UP);
	assert_int_equal(scmi_system_state_set(&sys, SCMI_SYSTEM_STATE_WARM_RESET, false), 0);
	assert_int_equal(get_state(&sys), SCMI_SYSTEM_STATE_POWER_UP);
	assert_true(sim_system_status(f->plat, &st));
	assert_int_equal(st.resets, 2);
	assert_int_equal(st.last_flags, 0);
	assert_int_equal(st.last_state, SCMI_SYSTEM_STATE_WARM_RESET);
}

static void test_denied_for_other_agent(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	struct sim_system_status st;
	struct scmi_system sys;
	uint32_t s;

	open_system(vm1, &sys);
	for (s = SCMI_SYSTEM_STATE_SHUTDOWN; s <= SCMI_SYSTEM_STATE_SUSPEND; s++) {
		assert_int_equal(scmi_system_state_set(&sys, s, true), -EACCES);
		assert_int_equal(scmi_system_state_set(&sys, s, false), -EACCES);
	}
	assert_int_equal(get_state(&sys), SCMI_SYSTEM_STATE_POWER_UP);
	assert_true(sim_system_status(f->plat, &st));
	assert_int_equal(st.last_agent, 0);
	/* Bad values are still bad values for it. */
	assert_int_equal(scmi_system_state_set(&sys, 5, true), -EINVAL);
	scmi_agent_close(vm1);
}

static void test_bad_values(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_system sys;
	uint32_t req[2];

	open_system(f->agent, &sys);
	/* Reserved states, vendor states. */
	assert_int_equal(scmi_system_state_set(&sys, 5, true), -EINVAL);
	assert_int_equal(scmi_system_state_set(&sys, 0x7fffffffu, true), -EINVAL);
	assert_int_equal(scmi_system_state_set(&sys, 0x80000000u, true), -EOPNOTSUPP);
	assert_int_equal(scmi_system_state_set(&sys, 0xffffffffu, false), -EOPNOTSUPP);
	/* Reserved flag bits. */
	req[0] = 0x2;
	req[1] = SCMI_SYSTEM_STATE_SHUTDOWN;
	assert_int_equal(raw(f->agent, 0x3, req, 2, NULL, 0, NULL), -EINVAL);
	req[0] = 0x80000001u;
	assert_int_equal(raw(f->agent, 0x3, req, 2, NULL, 0, NULL), -EINVAL);
	/* Wrong sizes never reach the handlers. */
	assert_int_equal(raw(f->agent, 0x3, req, 1, NULL, 0, NULL), -EPROTO);
	assert_int_equal(raw(f->agent, 0x4, req, 1, NULL, 0, NULL), -EPROTO);
	assert_int_equal(get_state(&sys), SCMI_SYSTEM_STATE_POWER_UP);
}

static void test_notify_per_agent(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	struct scmi_system sys, sys1;
	uint32_t bad = 0x3;

	open_system(f->agent, &sys);
	open_system(vm1, &sys1);
	assert_false(sim_system_subscribed(f->plat, 1));
	assert_int_equal(scmi_system_state_notify(&sys1, true), 0);
	assert_true(sim_system_subscribed(f->plat, 2));
	assert_false(sim_system_subscribed(f->plat, 1));
	assert_int_equal(scmi_system_state_notify(&sys, true), 0);
	assert_true(sim_system_subscribed(f->plat, 1));
	assert_int_equal(scmi_system_state_notify(&sys1, false), 0);
	assert_false(sim_system_subscribed(f->plat, 2));
	assert_true(sim_system_subscribed(f->plat, 1));
	assert_int_equal(raw(f->agent, 0x5, &bad, 1, NULL, 0, NULL), -EINVAL);
	assert_true(sim_system_subscribed(f->plat, 1));
	scmi_agent_close(vm1);
}

static void test_notifier_layouts(void **state)
{
	struct scmi_system_notifier n;
	uint8_t buf[32];
	size_t len;

	(void)state;
	/* 2.x: agent_id, flags, state, timeout. */
	len = scmi_server_system_notifier(0x20001, 1, 1, SCMI_SYSTEM_STATE_SHUTDOWN, 2000, buf,
					  sizeof(buf));
	assert_int_equal(len, 16);
	assert_int_equal(scmi_system_parse_notifier(0x20001, buf, len, &n), 0);
	assert_int_equal(n.agent_id, 1);
	assert_true(n.graceful);
	assert_int_equal(n.state, SCMI_SYSTEM_STATE_SHUTDOWN);
	assert_true(n.has_timeout);
	assert_int_equal(n.timeout, 2000);
	/* 1.0: no timeout field; the sizes must match the version exactly. */
	len = scmi_server_system_notifier(0x10000, 2, 0, SCMI_SYSTEM_STATE_WARM_RESET, 2000, buf,
					  sizeof(buf));
	assert_int_equal(len, 12);
	assert_int_equal(scmi_system_parse_notifier(0x10000, buf, len, &n), 0);
	assert_int_equal(n.agent_id, 2);
	assert_false(n.graceful);
	assert_int_equal(n.state, SCMI_SYSTEM_STATE_WARM_RESET);
	assert_false(n.has_timeout);
	assert_int_equal(scmi_system_parse_notifier(0x20000, buf, 12, &n), -EPROTO);
	assert_int_equal(scmi_system_parse_notifier(0x10000, buf, 16, &n), -EPROTO);
	assert_int_equal(scmi_system_parse_notifier(0x10000, buf, 8, &n), -EPROTO);
	/* No room, no payload. */
	assert_int_equal(scmi_server_system_notifier(0x20000, 1, 1, 0, 0, buf, 15), 0);
	assert_int_equal(scmi_server_system_notifier(0x10000, 1, 1, 0, 0, buf, 11), 0);
}

static void test_state_names(void **state)
{
	uint32_t s;

	(void)state;
	for (s = 0; s <= SCMI_SYSTEM_STATE_SUSPEND; s++) {
		uint32_t back = 99;

		assert_int_equal(scmi_system_state_parse(scmi_system_state_name(s), &back), 0);
		assert_int_equal(back, s);
	}
	assert_string_equal(scmi_system_state_name(5), "unknown");
	assert_int_equal(scmi_system_state_parse("reboot", &s), -EINVAL);
}

static void test_platform_v1(void **state)
{
	struct proto_fixture *f = *state, g;
	struct scmi_system sys, sys1;
	struct scmi_agent *vm1;
	bool warm = true, suspend = true;

	proto_open_platform(&g, "system-v1.dtb", f->mode);
	open_system(g.agent, &sys);
	assert_int_equal(sys.version, 0x10000);
	/* Only the mandatory states. */
	assert_int_equal(scmi_system_capabilities(&sys, &warm, &suspend), 0);
	assert_false(warm);
	assert_false(suspend);
	assert_int_equal(scmi_system_state_set(&sys, SCMI_SYSTEM_STATE_WARM_RESET, true),
			 -EOPNOTSUPP);
	assert_int_equal(scmi_system_state_set(&sys, SCMI_SYSTEM_STATE_SUSPEND, true), -EOPNOTSUPP);
	assert_int_equal(scmi_system_state_set(&sys, SCMI_SYSTEM_STATE_POWER_UP, true),
			 -EOPNOTSUPP);
	/* No allowed-agents list: vm1 may shut the system down too. */
	vm1 = proto_open_agent(&g, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	open_system(vm1, &sys1);
	assert_int_equal(scmi_system_state_set(&sys1, SCMI_SYSTEM_STATE_COLD_RESET, false), 0);
	assert_int_equal(scmi_system_state_set(&sys1, SCMI_SYSTEM_STATE_SHUTDOWN, false), 0);
	assert_int_equal(get_state(&sys), SCMI_SYSTEM_STATE_SHUTDOWN);
	assert_int_equal(scmi_system_state_notify(&sys, true), 0);
	assert_true(sim_system_subscribed(g.plat, 1));
	scmi_agent_close(vm1);
	/* Cannot be negotiated above what it reports. */
	assert_int_equal(scmi_protocol_negotiate_version(g.agent, SCMI_PROTOCOL_SYSTEM, 0x20000),
			 -ENOENT);
	proto_fixture_close(&g);
}

/* Agents are linux (1) and vm1 (2) on the default platform. */
static void test_agents_views_and_reset(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	const struct scmi_server_system_ops *ops = &sim_system_ops;

	assert_int_equal(ops->notify(f->plat, 1, true), SCMI_SUCCESS);
	assert_int_equal(ops->notify(f->plat, 2, true), SCMI_SUCCESS);
	assert_true(sim_system_subscribed(f->plat, 2));
	proto_lock(f);
	sim_system_reset_agent(f->plat, 2);
	sim_system_reset_agent(f->plat, 0);
	proto_unlock(f);
	assert_false(sim_system_subscribed(f->plat, 2));
	assert_true(sim_system_subscribed(f->plat, 1));
	assert_int_equal(ops->state_get(f->plat), SCMI_SYSTEM_STATE_POWER_UP);
	scmi_agent_close(vm1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_agents_views_and_reset),
	    PROTO_TEST(test_version_and_attributes),
	    PROTO_TEST(test_state_changes),
	    PROTO_TEST(test_denied_for_other_agent),
	    PROTO_TEST(test_bad_values),
	    PROTO_TEST(test_notify_per_agent),
	    PROTO_TEST(test_notifier_layouts),
	    PROTO_TEST(test_state_names),
	    PROTO_TEST(test_platform_v1),
	};

	return proto_run("system", tests, PROTO_ARRAY_SIZE(tests));
}
