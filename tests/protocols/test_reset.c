// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reset domain protocol (0x16) through libscmi against the simulated
 * platform, in every transport mode: discovery, every message, bad input,
 * the reset lines as the model sees them, and a 1.0 platform.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_platform.h"
#include "secure/secure_world.h"
#include "platform/sim/sim_reset.h"
#include "scmi/proto/endian.h"
#include "scmi/reset.h"

#define ID_UART0    0u
#define ID_MMC0	    4u
#define ID_USB	    5u
#define ID_ETH	    6u
#define ID_GPU	    7u
#define NUM_DOMAINS 8u

static const struct {
	const char *name;
	uint32_t latency; /* 0: unknown */
} domains[NUM_DOMAINS] = {
    {"uart0", 10}, {"uart1", 10}, {"i2c0", 20}, {"spi0", 20},
    {"mmc0", 100}, {"usb", 0},	  {"eth", 250}, {"gpu_core_and_shader_cluster", 1000},
};

/* A raw request of this protocol: proto_raw() without the SCMI status. */
#define raw(agent, msg, words, n, rx, rx_max, rx_len)                                              \
	proto_raw(agent, SCMI_PROTOCOL_RESET, msg, words, n, rx, rx_max, rx_len, NULL)

static void init(struct proto_fixture *f, struct scmi_reset *r)
{
	assert_int_equal(scmi_reset_init(r, f->agent), 0);
}

static struct sim_reset_state state_of(struct proto_fixture *f, uint32_t id)
{
	struct sim_reset_state st;

	assert_int_equal(sim_reset_get_state(f->plat, id, &st), 0);
	return st;
}

static void test_version_and_attributes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_reset r;

	init(f, &r);
	proto_assert_init(f->agent, SCMI_PROTOCOL_RESET, r.version, 0x30001, r.num_domains,
			  NUM_DOMAINS, 6);
}

static void test_domain_attributes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_reset_domain_info info;
	struct scmi_reset r;
	uint8_t rx[64];
	size_t len;
	uint32_t id, attr;

	init(f, &r);
	for (id = 0; id < NUM_DOMAINS; id++) {
		assert_int_equal(scmi_reset_domain_attributes(&r, id, &info), 0);
		assert_string_equal(info.name, domains[id].name);
		assert_false(info.async);
		assert_int_equal(info.notify, id != ID_ETH);
		assert_int_equal(info.latency_known, domains[id].latency != 0);
		assert_int_equal(info.latency_us, domains[id].latency);
		assert_true(info.ext_name);

		/* On the wire: no async bit, extended names from 3.0, 0xffffffff unknown. */
		assert_int_equal(
		    raw(f->agent, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, &id, 1, rx, sizeof(rx), &len),
		    0);
		assert_int_equal(len, 24);
		attr = scmi_get_le32(rx);
		assert_int_equal(attr & 0x80000000u, 0);
		assert_int_equal(attr & 0x20000000u, 0x20000000u);
		assert_int_equal(attr & 0x1fffffffu, 0);
		assert_int_equal(scmi_get_le32(rx + 4),
				 domains[id].latency ? domains[id].latency : 0xffffffffu);
	}
	/* The short name of the GPU domain is its 16-byte name, the long one comes apart. */
	id = ID_GPU;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, &id, 1, rx, sizeof(rx), &len), 0);
	assert_string_equal((const char *)rx + 8, "gpu");
}

static void test_name_get(void **state)
{
	struct proto_fixture *f = *state;
	char name[SCMI_EXT_NAME_SIZE + 1];
	struct scmi_reset r;
	uint8_t rx[80];
	size_t len;
	uint32_t id = ID_UART0;

	init(f, &r);
	assert_int_equal(scmi_reset_domain_name(&r, ID_GPU, name), 0);
	assert_string_equal(name, "gpu_core_and_shader_cluster");
	/* A domain without a longer name answers with its short one. */
	assert_int_equal(scmi_reset_domain_name(&r, ID_UART0, name), 0);
	assert_string_equal(name, "uart0");
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_RESET_DOMAIN_NAME_GET, &id, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 68);
	assert_int_equal(scmi_get_le32(rx), 0);
	assert_int_equal(rx[4 + 63], 0);
}

static void test_unknown_domain(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_reset_domain_info info;
	char name[SCMI_EXT_NAME_SIZE + 1];
	struct scmi_reset r;
	uint32_t bad[] = {NUM_DOMAINS, 0xffff, 0xffffffffu};
	size_t i;

	init(f, &r);
	for (i = 0; i < PROTO_ARRAY_SIZE(bad); i++) {
		assert_int_equal(scmi_reset_domain_attributes(&r, bad[i], &info), -ENOENT);
		assert_int_equal(scmi_reset_domain_name(&r, bad[i], name), -ENOENT);
		assert_int_equal(scmi_reset_assert(&r, bad[i]), -ENOENT);
		assert_int_equal(scmi_reset_autonomous(&r, bad[i], 0), -ENOENT);
		assert_int_equal(scmi_reset_notify(&r, bad[i], true), -ENOENT);
	}
}

static void test_assert_deassert(void **state)
{
	struct proto_fixture *f = *state;
	struct sim_reset_state st;
	struct scmi_reset r;

	init(f, &r);
	st = state_of(f, ID_UART0);
	assert_false(st.asserted);
	assert_false(st.in_reset);
	assert_int_equal(st.resets, 0);

	assert_int_equal(sim_platform_advance_time(f->plat, 1234), 0);
	assert_int_equal(scmi_reset_assert(&r, ID_UART0), 0);
	st = state_of(f, ID_UART0);
	assert_true(st.asserted);
	assert_true(st.in_reset);
	assert_int_equal(st.resets, 1);
	assert_int_equal(st.last_reset_us, sim_platform_time_us(f->plat));

	/* Held in reset however long; asserting again is not another reset. */
	assert_int_equal(sim_platform_advance_time(f->plat, 1000000), 0);
	assert_int_equal(scmi_reset_assert(&r, ID_UART0), 0);
	st = state_of(f, ID_UART0);
	assert_true(st.in_reset);
	assert_int_equal(st.resets, 1);
	/* Other lines are untouched. */
	assert_false(state_of(f, 1).in_reset);

	assert_int_equal(scmi_reset_deassert(&r, ID_UART0), 0);
	st = state_of(f, ID_UART0);
	assert_false(st.asserted);
	assert_false(st.in_reset);
	assert_int_equal(st.resets, 1);
	/* Deasserting a released line is harmless. */
	assert_int_equal(scmi_reset_deassert(&r, ID_UART0), 0);
	assert_false(state_of(f, ID_UART0).in_reset);
}

static void test_autonomous_reset_takes_latency(void **state)
{
	struct proto_fixture *f = *state;
	struct sim_reset_state st;
	struct scmi_reset r;
	uint64_t t0;

	init(f, &r);
	t0 = sim_platform_time_us(f->plat);
	assert_int_equal(scmi_reset_autonomous(&r, ID_MMC0, SCMI_RESET_STATE_COLD_RESET), 0);
	st = state_of(f, ID_MMC0);
	assert_false(st.asserted);
	assert_true(st.in_reset);
	assert_int_equal(st.resets, 1);
	assert_int_equal(st.last_reset_us, t0);
	assert_int_equal(sim_platform_advance_time(f->plat, 99), 0);
	assert_true(state_of(f, ID_MMC0).in_reset);
	assert_int_equal(sim_platform_advance_time(f->plat, 1), 0);
	assert_false(state_of(f, ID_MMC0).in_reset);

	/* A pulse on an asserted line leaves it released; unknown latency: instant. */
	assert_int_equal(scmi_reset_assert(&r, ID_USB), 0);
	assert_int_equal(scmi_reset_autonomous(&r, ID_USB, 0), 0);
	st = state_of(f, ID_USB);
	assert_false(st.asserted);
	assert_false(st.in_reset);
	assert_int_equal(st.resets, 2);
}

static void test_flags_and_states(void **state)
{
	struct proto_fixture *f = *state;
	struct sim_reset_state st;
	struct scmi_reset r;

	init(f, &r);
	/* Reserved flag bits. */
	assert_int_equal(scmi_reset_reset(&r, ID_UART0, 1u << 3, 0), -EINVAL);
	assert_int_equal(scmi_reset_reset(&r, ID_UART0, 0x80000002u, 0), -EINVAL);
	/* Architectural states other than cold reset are reserved. */
	assert_int_equal(scmi_reset_reset(&r, ID_UART0, 1, 1), -EINVAL);
	assert_int_equal(scmi_reset_reset(&r, ID_UART0, 1, 0x7fffffffu), -EINVAL);
	/* IMPLEMENTATION defined: only the states the domain has. */
	assert_int_equal(scmi_reset_autonomous(&r, ID_UART0, SCMI_RESET_STATE_IMPL_DEFINED(1)),
			 -EINVAL);
	assert_int_equal(scmi_reset_autonomous(&r, ID_GPU, SCMI_RESET_STATE_IMPL_DEFINED(2)),
			 -EINVAL);
	assert_int_equal(state_of(f, ID_GPU).resets, 0);
	assert_int_equal(state_of(f, ID_UART0).resets, 0);
	assert_int_equal(scmi_reset_autonomous(&r, ID_GPU, SCMI_RESET_STATE_IMPL_DEFINED(1)), 0);
	st = state_of(f, ID_GPU);
	assert_int_equal(st.resets, 1);
	assert_int_equal(st.last_reset_state, 0x80000001u);

	/* Async asked: done synchronously, at once. */
	assert_int_equal(scmi_reset_reset(&r, ID_UART0, (1u << 2) | (1u << 1), 0), 0);
	assert_true(state_of(f, ID_UART0).asserted);
	assert_int_equal(scmi_reset_reset(&r, ID_UART0, 1u << 2, 0), 0);
	assert_false(state_of(f, ID_UART0).asserted);
	/* Autonomous wins over the assert bit. */
	assert_int_equal(scmi_reset_reset(&r, ID_UART0, 3, 0), 0);
	st = state_of(f, ID_UART0);
	assert_false(st.asserted);
	assert_true(st.in_reset);
}

static void test_notify_per_agent(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	struct scmi_reset r, r1;
	uint8_t rx[8];
	size_t len;
	uint32_t req[2] = {ID_UART0, 2};

	init(f, &r);
	assert_int_equal(scmi_reset_init(&r1, vm1), 0);
	assert_int_equal(state_of(f, ID_UART0).notify_agents, 0);
	assert_int_equal(scmi_reset_notify(&r, ID_UART0, true), 0);
	assert_int_equal(state_of(f, ID_UART0).notify_agents, 1);
	assert_int_equal(scmi_reset_notify(&r1, ID_UART0, true), 0);
	assert_int_equal(state_of(f, ID_UART0).notify_agents, 3);
	assert_int_equal(scmi_reset_notify(&r, ID_UART0, false), 0);
	assert_int_equal(state_of(f, ID_UART0).notify_agents, 2);
	assert_int_equal(state_of(f, 1).notify_agents, 0);
	/* Reserved bits of notify_enable; a domain that cannot notify. */
	assert_int_equal(raw(f->agent, SCMI_MSG_RESET_NOTIFY, req, 2, rx, sizeof(rx), &len),
			 -EINVAL);
	assert_int_equal(state_of(f, ID_UART0).notify_agents, 2);
	assert_int_equal(scmi_reset_notify(&r, ID_ETH, true), -EOPNOTSUPP);
	assert_int_equal(state_of(f, ID_ETH).notify_agents, 0);
	/* One reset line for every agent: vm1 sees what linux asserted. */
	assert_int_equal(scmi_reset_assert(&r, ID_MMC0), 0);
	assert_int_equal(scmi_reset_deassert(&r1, ID_MMC0), 0);
	assert_false(state_of(f, ID_MMC0).asserted);
	scmi_agent_close(vm1);
}

static void test_request_sizes(void **state)
{
	struct proto_fixture *f = *state;
	static const struct proto_bad_len bad[] = {
	    {SCMI_MSG_RESET, 2},
	    {SCMI_MSG_RESET, 4},
	    {SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, 0},
	    {SCMI_MSG_RESET_NOTIFY, 1},
	    {SCMI_MSG_RESET_DOMAIN_NAME_GET, 2},
	    {SCMI_MSG_PROTOCOL_ATTRIBUTES, 1},
	};
	uint32_t w[4] = {0, 0, 0, 0};

	proto_assert_bad_lengths(f->agent, SCMI_PROTOCOL_RESET, w, bad, PROTO_ARRAY_SIZE(bad));
	assert_int_equal(state_of(f, 0).resets, 0);
}

static void test_negotiated_1_0(void **state)
{
	struct proto_fixture *f = *state;
	uint8_t rx[80];
	size_t len;
	uint32_t id = ID_GPU;

	assert_int_equal(scmi_protocol_negotiate_version(f->agent, SCMI_PROTOCOL_RESET, 0x10000),
			 0);
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, &id, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(scmi_get_le32(rx) & 0x20000000u, 0);
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_RESET_DOMAIN_NAME_GET, &id, 1, rx, sizeof(rx), &len), -ENOENT);
}

static void test_platform_v1(void **state)
{
	struct proto_fixture *f = *state;
	struct proto_fixture v1;
	struct scmi_reset_domain_info info;
	char name[SCMI_EXT_NAME_SIZE + 1];
	struct scmi_reset r;
	uint32_t attr;
	uint8_t rx[80];
	size_t len;
	uint32_t id = ID_GPU;

	proto_open_platform(&v1, "reset-v1.dtb", f->mode);
	assert_int_equal(scmi_reset_init(&r, v1.agent), 0);
	assert_int_equal(r.version, 0x10000);
	assert_int_equal(r.num_domains, NUM_DOMAINS);
	/* No NAME_GET: the server refuses it and the client does not even send it. */
	assert_int_equal(scmi_protocol_message_attributes(v1.agent, SCMI_PROTOCOL_RESET,
							  SCMI_MSG_RESET_DOMAIN_NAME_GET, &attr),
			 -ENOENT);
	assert_int_equal(
	    raw(v1.agent, SCMI_MSG_RESET_DOMAIN_NAME_GET, &id, 1, rx, sizeof(rx), &len), -ENOENT);
	assert_int_equal(scmi_reset_domain_name(&r, ID_GPU, name), -EOPNOTSUPP);
	assert_int_equal(
	    raw(v1.agent, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, &id, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(scmi_get_le32(rx) & 0x20000000u, 0);
	assert_int_equal(scmi_reset_domain_attributes(&r, ID_GPU, &info), 0);
	assert_string_equal(info.name, "gpu");
	assert_false(info.ext_name);
	assert_int_equal(info.latency_us, 1000);
	/* The 1.0 messages work as before. */
	assert_int_equal(scmi_reset_assert(&r, ID_GPU), 0);
	{
		struct sim_reset_state st;

		assert_int_equal(sim_reset_get_state(v1.plat, ID_GPU, &st), 0);
		assert_true(st.asserted);
	}
	/* Above the platform's version: refused. */
	assert_int_equal(scmi_protocol_negotiate_version(v1.agent, SCMI_PROTOCOL_RESET, 0x30001),
			 -ENOENT);
	proto_fixture_close(&v1);
}

/* Agents are linux (1) and vm1 (2) on the default platform. */
static void test_agents_views_and_reset(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	const struct scmi_server_reset_ops *ops = &sim_reset_ops;
	struct scmi_server_reset_info a, b;
	struct sim_reset_state st;
	struct scmi_reset lx, vm;
	uint32_t i;

	assert_int_equal(scmi_reset_init(&lx, f->agent), 0);
	assert_int_equal(scmi_reset_init(&vm, vm1), 0);
	assert_int_equal(vm.num_domains, lx.num_domains);
	assert_int_equal(ops->count(f->plat, 2), ops->count(f->plat, 1));
	for (i = 0; i < ops->count(f->plat, 1); i++) {
		assert_int_equal(ops->info(f->plat, 1, i, &a), SCMI_SUCCESS);
		assert_int_equal(ops->info(f->plat, 2, i, &b), SCMI_SUCCESS);
		assert_string_equal(a.name, b.name);
	}
	assert_int_equal(ops->info(f->plat, 2, ops->count(f->plat, 2), &b), SCMI_NOT_FOUND);
	/*
	 * vm1 holds domain 0 in reset and subscribes, so does linux; linux's reset lets go of
	 * neither, and drops linux's subscription only.
	 */
	assert_int_equal(ops->reset(f->plat, 2, 0, SCMI_SERVER_RESET_ASSERT, 0), SCMI_SUCCESS);
	assert_int_equal(ops->notify(f->plat, 2, 0, true), SCMI_SUCCESS);
	assert_int_equal(ops->notify(f->plat, 1, 0, true), SCMI_SUCCESS);
	assert_int_equal(sim_reset_get_state(f->plat, 0, &st), 0);
	assert_int_equal(st.notify_agents, 3u);
	proto_lock(f);
	sim_reset_reset_agent(f->plat, 1);
	proto_unlock(f);
	assert_int_equal(sim_reset_get_state(f->plat, 0, &st), 0);
	assert_true(st.asserted);
	assert_int_equal(st.notify_agents, 2u);
	proto_lock(f);
	sim_reset_reset_agent(f->plat, 2);
	proto_unlock(f);
	assert_int_equal(sim_reset_get_state(f->plat, 0, &st), 0);
	assert_false(st.asserted);
	assert_false(st.in_reset);
	assert_int_equal(st.notify_agents & 2u, 0);
	/* A line linux asserted stays through vm1's reset. */
	assert_int_equal(ops->reset(f->plat, 1, 0, SCMI_SERVER_RESET_ASSERT, 0), SCMI_SUCCESS);
	proto_lock(f);
	sim_reset_reset_agent(f->plat, 2);
	proto_unlock(f);
	assert_int_equal(sim_reset_get_state(f->plat, 0, &st), 0);
	assert_true(st.asserted);
	scmi_agent_close(vm1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_agents_views_and_reset),
	    PROTO_TEST(test_version_and_attributes),
	    PROTO_TEST(test_domain_attributes),
	    PROTO_TEST(test_name_get),
	    PROTO_TEST(test_unknown_domain),
	    PROTO_TEST(test_assert_deassert),
	    PROTO_TEST(test_autonomous_reset_takes_latency),
	    PROTO_TEST(test_flags_and_states),
	    PROTO_TEST(test_notify_per_agent),
	    PROTO_TEST(test_request_sizes),
	    PROTO_TEST(test_negotiated_1_0),
	    PROTO_TEST(test_platform_v1),
	};

	return proto_run("reset", tests, PROTO_ARRAY_SIZE(tests));
}
