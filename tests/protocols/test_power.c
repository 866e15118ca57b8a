// SPDX-License-Identifier: BSD-3-Clause
/*
 * Power domain protocol (0x11) through libscmi against the simulated
 * platform, in every transport mode: discovery, names, states and the
 * hierarchy rules, per-agent subscriptions, and older-version platforms.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_power.h"
#include "scmi/power.h"
#include "scmi/proto/endian.h"
#include "secure/secure_world.h"

/* Domain ids of platforms/default-power.dtsi. */
enum { D_CPU_LITTLE, D_CPU_BIG, D_GPU, D_DISPLAY, D_VIDEO, D_USB, D_ETH, D_AUDIO, D_SOC, D_COUNT };

static const char *const names[D_COUNT] = {
    "cpu_little", "cpu_big", "gpu", "display", "video", "usb", "eth", "audio", "soc",
};

/* Static power of the boot-on domains: cpu_little, cpu_big, gpu, display, usb, soc. */
#define BOOT_POWER_MW (120u + 350u + 400u + 90u + 45u + 80u)

static void open_power(struct scmi_agent *agent, struct scmi_power *pw)
{
	assert_int_equal(scmi_power_open(agent, pw), 0);
}

/* A raw request; returns scmi_xfer()'s result (an errno), the reply bytes in *rx_len. */
static int raw(struct scmi_agent *agent, uint8_t msg, const uint32_t *words, size_t n, uint8_t *rx,
	       size_t rx_max, size_t *rx_len)
{
	return proto_raw(agent, SCMI_PROTOCOL_POWER, msg, words, n, rx, rx_max, rx_len, NULL);
}

static void test_version_and_attributes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_power pw;
	uint8_t rx[16];
	size_t len = 0;

	open_power(f->agent, &pw);
	assert_int_equal(pw.version, 0x30001);
	assert_int_equal(pw.platform_version, 0x30001);
	assert_int_equal(pw.num_domains, D_COUNT);
	assert_int_equal(pw.stats_addr, 0);
	assert_int_equal(pw.stats_size, 0);
	/* The raw reply: num_domains in 16 bits, reserved 16 bits zero, three zero words. */
	assert_int_equal(raw(f->agent, 0x1, NULL, 0, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 16);
	assert_int_equal(scmi_get_le32(rx), D_COUNT);
}

static void test_domain_attributes_and_names(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_power_domain doms[16];
	struct scmi_power pw;
	size_t count = 0, i;

	open_power(f->agent, &pw);
	assert_int_equal(scmi_power_list(&pw, doms, 16, &count), 0);
	assert_int_equal(count, D_COUNT);
	for (i = 0; i < count; i++) {
		assert_int_equal(doms[i].id, i);
		assert_string_equal(doms[i].name, names[i]);
		/* Synchronous only (no P2A channel), notifications recorded, extended names. */
		assert_true(doms[i].sync);
		assert_false(doms[i].async);
		assert_true(doms[i].notify);
		assert_true(doms[i].req_notify);
		assert_true(doms[i].ext_name);
		assert_int_equal(doms[i].attributes, 0xb8000000u);
	}
	/* A bounded list stops at max. */
	assert_int_equal(scmi_power_list(&pw, doms, 3, &count), 0);
	assert_int_equal(count, 3);
}

static void test_name_get(void **state)
{
	struct proto_fixture *f = *state;
	char name[SCMI_POWER_NAME_SIZE];
	struct scmi_power pw;
	uint8_t rx[68];
	size_t len = 0;
	uint32_t id = D_SOC;

	open_power(f->agent, &pw);
	assert_int_equal(scmi_power_domain_name_get(&pw, D_GPU, name), 0);
	assert_string_equal(name, "gpu");
	/* flags (reserved 0) and a 64-byte zero-padded name. */
	assert_int_equal(raw(f->agent, 0x8, &id, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 68);
	assert_int_equal(scmi_get_le32(rx), 0);
	assert_memory_equal(rx + 4, "soc\0\0\0", 6);
	assert_int_equal(rx[67], 0);
	assert_int_equal(scmi_power_domain_name_get(&pw, D_COUNT, name), -ENOENT);
}

static void test_invalid_ids(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_power_domain d;
	struct scmi_power pw;
	uint32_t st;
	uint32_t bad[] = {D_COUNT, 0x100, 0xffffffffu};
	size_t i;

	open_power(f->agent, &pw);
	for (i = 0; i < PROTO_ARRAY_SIZE(bad); i++) {
		assert_int_equal(scmi_power_domain_attributes(&pw, bad[i], &d), -ENOENT);
		assert_int_equal(scmi_power_state_get(&pw, bad[i], &st), -ENOENT);
		assert_int_equal(scmi_power_state_set(&pw, bad[i], SCMI_POWER_STATE_ON, false),
				 -ENOENT);
		assert_int_equal(scmi_power_state_notify(&pw, bad[i], true), -ENOENT);
		assert_int_equal(scmi_power_state_change_requested_notify(&pw, bad[i], true),
				 -ENOENT);
	}
}

static void test_state_get_set(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_power pw;
	uint32_t st = 0xdead;

	open_power(f->agent, &pw);
	assert_int_equal(scmi_power_state_get(&pw, D_GPU, &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_ON);
	assert_int_equal(scmi_power_state_get(&pw, D_VIDEO, &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_OFF);

	assert_int_equal(scmi_power_state_set(&pw, D_GPU, SCMI_POWER_STATE_OFF, false), 0);
	assert_int_equal(scmi_power_state_get(&pw, D_GPU, &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_OFF);
	assert_false(sim_power_model_is_on(f->plat, D_GPU));
	/* The gpu's retention state (DT), context kept: it counts as powered. */
	assert_int_equal(scmi_power_state_set(&pw, D_GPU, 0x1, false), 0);
	assert_int_equal(scmi_power_state_get(&pw, D_GPU, &st), 0);
	assert_int_equal(st, 0x1);
	assert_true(sim_power_model_is_on(f->plat, D_GPU));
	/* Async is carried out before the reply. */
	assert_int_equal(scmi_power_state_set(&pw, D_GPU, SCMI_POWER_STATE_ON, true), 0);
	assert_int_equal(scmi_power_state_get(&pw, D_GPU, &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_ON);
	/* States the domain does not have. */
	assert_int_equal(scmi_power_state_set(&pw, D_GPU, 0x2, false), -EINVAL);
	assert_int_equal(scmi_power_state_set(&pw, D_GPU, 0x40000001, false), -EINVAL);
	assert_int_equal(scmi_power_state_set(&pw, D_DISPLAY, 0x1, false), -EINVAL);
	assert_int_equal(scmi_power_state_set(&pw, D_GPU, 0x80000000u, false), -EINVAL);
	assert_int_equal(scmi_power_state_get(&pw, D_GPU, &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_ON);
}

static void test_state_set_reserved_flags(void **state)
{
	struct proto_fixture *f = *state;
	uint32_t req[3] = {0x2, D_GPU, SCMI_POWER_STATE_OFF};
	uint32_t st;
	struct scmi_power pw;

	assert_int_equal(raw(f->agent, 0x4, req, 3, NULL, 0, NULL), -EINVAL);
	open_power(f->agent, &pw);
	assert_int_equal(scmi_power_state_get(&pw, D_GPU, &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_ON);
	/* A request of the wrong size never reaches the handler. */
	assert_int_equal(raw(f->agent, 0x4, req, 2, NULL, 0, NULL), -EPROTO);
}

static void test_hierarchy(void **state)
{
	struct proto_fixture *f = *state;
	static const uint32_t children_on[] = {D_GPU, D_DISPLAY, D_USB};
	struct scmi_power pw;
	uint32_t st;
	size_t i;

	open_power(f->agent, &pw);
	assert_int_equal(sim_power_model_power_mw(f->plat), BOOT_POWER_MW);
	/* soc cannot go off while a child is powered. */
	assert_int_equal(scmi_power_state_set(&pw, D_SOC, SCMI_POWER_STATE_OFF, false), -EACCES);
	for (i = 0; i < PROTO_ARRAY_SIZE(children_on); i++) {
		assert_int_equal(scmi_power_state_set(&pw, D_SOC, SCMI_POWER_STATE_OFF, false),
				 -EACCES);
		assert_int_equal(
		    scmi_power_state_set(&pw, children_on[i], SCMI_POWER_STATE_OFF, false), 0);
	}
	assert_int_equal(scmi_power_state_set(&pw, D_SOC, SCMI_POWER_STATE_OFF, false), 0);
	assert_int_equal(sim_power_model_power_mw(f->plat), 120u + 350u);
	/* A child refuses to power up, even to retention, under an unpowered parent. */
	assert_int_equal(scmi_power_state_set(&pw, D_GPU, SCMI_POWER_STATE_ON, false), -EACCES);
	assert_int_equal(scmi_power_state_set(&pw, D_GPU, 0x1, false), -EACCES);
	assert_int_equal(scmi_power_state_set(&pw, D_VIDEO, SCMI_POWER_STATE_ON, false), -EACCES);
	assert_int_equal(scmi_power_state_get(&pw, D_GPU, &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_OFF);
	/* Domains outside the soc do not care. */
	assert_int_equal(scmi_power_state_set(&pw, D_CPU_BIG, SCMI_POWER_STATE_OFF, false), 0);
	assert_int_equal(scmi_power_state_set(&pw, D_CPU_BIG, SCMI_POWER_STATE_ON, false), 0);
	/* Parent first, then the child. */
	assert_int_equal(scmi_power_state_set(&pw, D_SOC, SCMI_POWER_STATE_ON, false), 0);
	assert_int_equal(scmi_power_state_set(&pw, D_GPU, SCMI_POWER_STATE_ON, false), 0);
	assert_true(sim_power_model_is_on(f->plat, D_GPU));
	assert_int_equal(sim_power_model_power_mw(f->plat), 120u + 350u + 80u + 400u);
	/* Setting the state a domain has is fine, even where a change would be refused. */
	assert_int_equal(scmi_power_state_set(&pw, D_SOC, SCMI_POWER_STATE_ON, false), 0);
}

static void test_notify_per_agent(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	uint32_t req[2] = {D_GPU, 0x3};
	struct scmi_power pw, pw1;

	open_power(f->agent, &pw);
	open_power(vm1, &pw1);
	assert_int_equal(scmi_power_state_notify(&pw, D_GPU, true), 0);
	assert_int_equal(scmi_power_state_notify(&pw1, D_DISPLAY, true), 0);
	assert_int_equal(scmi_power_state_change_requested_notify(&pw1, D_GPU, true), 0);
	assert_true(sim_power_subscribed(f->plat, 1, D_GPU, 0));
	assert_false(sim_power_subscribed(f->plat, 2, D_GPU, 0));
	assert_true(sim_power_subscribed(f->plat, 2, D_DISPLAY, 0));
	assert_false(sim_power_subscribed(f->plat, 1, D_DISPLAY, 0));
	assert_true(sim_power_subscribed(f->plat, 2, D_GPU, 1));
	assert_false(sim_power_subscribed(f->plat, 1, D_GPU, 1));
	/* Disabling drops only that agent's subscription. */
	assert_int_equal(scmi_power_state_notify(&pw, D_DISPLAY, true), 0);
	assert_int_equal(scmi_power_state_notify(&pw1, D_DISPLAY, false), 0);
	assert_false(sim_power_subscribed(f->plat, 2, D_DISPLAY, 0));
	assert_true(sim_power_subscribed(f->plat, 1, D_DISPLAY, 0));
	/* Reserved bits of notify_enable. */
	assert_int_equal(raw(f->agent, 0x6, req, 2, NULL, 0, NULL), -EINVAL);
	assert_int_equal(raw(f->agent, 0x7, req, 2, NULL, 0, NULL), -EINVAL);
	scmi_agent_close(vm1);
}

static void test_last_writer_wins(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	struct scmi_power pw, pw1;
	uint32_t st;

	open_power(f->agent, &pw);
	open_power(vm1, &pw1);
	assert_int_equal(sim_power_last_agent(f->plat, D_VIDEO), 0);
	assert_int_equal(scmi_power_state_set(&pw, D_VIDEO, SCMI_POWER_STATE_ON, false), 0);
	assert_int_equal(sim_power_last_agent(f->plat, D_VIDEO), 1);
	assert_int_equal(scmi_power_state_set(&pw1, D_VIDEO, SCMI_POWER_STATE_OFF, false), 0);
	assert_int_equal(sim_power_last_agent(f->plat, D_VIDEO), 2);
	assert_int_equal(scmi_power_state_get(&pw, D_VIDEO, &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_OFF);
	scmi_agent_close(vm1);
}

static void test_message_attributes(void **state)
{
	struct proto_fixture *f = *state;
	uint32_t attr, id;

	for (id = 0x0; id <= 0x8; id++)
		assert_int_equal(
		    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_POWER, id, &attr), 0);
	assert_int_equal(
	    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_POWER, 0x9, &attr), -ENOENT);
	assert_int_equal(
	    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_POWER, 0x10, &attr), 0);
}

/* An agent that negotiated 2.0 gets the 2.0 protocol: no NAME_GET, no extended-name bit. */
static void test_negotiated_2_0(void **state)
{
	struct proto_fixture *f = *state;
	char name[SCMI_POWER_NAME_SIZE];
	struct scmi_power_domain d;
	struct scmi_power pw;
	uint32_t id = D_GPU, attr;

	assert_int_equal(scmi_protocol_negotiate_version(f->agent, SCMI_PROTOCOL_POWER, 0x20000),
			 0);
	open_power(f->agent, &pw);
	assert_int_equal(pw.version, 0x20000);
	assert_int_equal(scmi_power_domain_attributes(&pw, D_GPU, &d), 0);
	assert_false(d.ext_name);
	assert_int_equal(d.attributes & (1u << 27), 0);
	assert_string_equal(d.name, "gpu");
	assert_int_equal(scmi_power_domain_name_get(&pw, D_GPU, name), -EOPNOTSUPP);
	assert_int_equal(raw(f->agent, 0x8, &id, 1, NULL, 0, NULL), -ENOENT);
	assert_int_equal(
	    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_POWER, 0x8, &attr), -ENOENT);
}

/*
 * Another platform DTB from the build's platforms directory, in mode @mode, with
 * virtual time and agent "linux" (channel 0 for SMT, channel 1 otherwise).
 */

static void test_platform_v1(void **state)
{
	struct proto_fixture *f = *state, g;
	char name[SCMI_POWER_NAME_SIZE];
	struct scmi_power_domain d;
	struct scmi_power pw;
	uint32_t id = 0, attr, st;

	proto_open_platform(&g, "power-v1.dtb", f->mode);
	open_power(g.agent, &pw);
	assert_int_equal(pw.version, 0x10000);
	assert_int_equal(pw.num_domains, 2);
	assert_int_equal(scmi_power_domain_attributes(&pw, 0, &d), 0);
	/* Only the first 15 characters travel in 1.0. */
	assert_string_equal(d.name, "always_on_top_l");
	assert_false(d.ext_name);
	/* Notify and sync; bit 28 (change requests) is reserved before 3.0. */
	assert_int_equal(d.attributes, 0xa0000000u);
	assert_int_equal(scmi_power_domain_name_get(&pw, 0, name), -EOPNOTSUPP);
	assert_int_equal(raw(g.agent, 0x8, &id, 1, NULL, 0, NULL), -ENOENT);
	assert_int_equal(scmi_protocol_message_attributes(g.agent, SCMI_PROTOCOL_POWER, 0x8, &attr),
			 -ENOENT);
	/* The rest of the protocol works as in 3.1, hierarchy included. */
	assert_int_equal(scmi_power_state_set(&pw, 1, SCMI_POWER_STATE_ON, false), 0);
	assert_int_equal(scmi_power_state_set(&pw, 0, SCMI_POWER_STATE_OFF, false), -EACCES);
	assert_int_equal(scmi_power_state_get(&pw, 1, &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_ON);
	assert_int_equal(sim_power_model_power_mw(g.plat), 15);
	/* A 1.0 platform cannot be negotiated up. */
	assert_int_equal(scmi_protocol_negotiate_version(g.agent, SCMI_PROTOCOL_POWER, 0x30001),
			 -ENOENT);
	proto_fixture_close(&g);
}

static void test_long_names(void **state)
{
	struct proto_fixture *f = *state, g;
	struct scmi_power_domain d;
	struct scmi_power pw;
	uint8_t rx[4 + 16];
	uint32_t id = 0;
	size_t len = 0;

	proto_open_platform(&g, "power-names.dtb", f->mode);
	open_power(g.agent, &pw);
	assert_int_equal(scmi_power_domain_attributes(&pw, 0, &d), 0);
	assert_true(d.ext_name);
	assert_string_equal(d.name,
			    "a_power_domain_with_a_name_of_exactly_sixty_three_characters_xx");
	/* The short name is the first 15 characters, NUL-terminated. */
	assert_int_equal(raw(g.agent, 0x3, &id, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 20);
	assert_memory_equal(rx + 4, "a_power_domain_\0", 16);
	assert_int_equal(scmi_power_domain_attributes(&pw, 1, &d), 0);
	assert_string_equal(d.name, "exactly15chars_");
	/* Both domains boot off and have no power figure. */
	assert_int_equal(sim_power_model_power_mw(g.plat), 0);
	proto_fixture_close(&g);
}

/* Agents are linux (1) and vm1 (2) on the default platform. */
static void test_agents_views_and_reset(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	const struct scmi_server_power_ops *ops = &sim_power_ops;
	struct scmi_server_power_domain d1, d2;
	uint32_t i, s1, s2;

	assert_true(ops->count(f->plat, 1) > 0);
	assert_int_equal(ops->count(f->plat, 2), ops->count(f->plat, 1));
	for (i = 0; i < ops->count(f->plat, 1); i++) {
		assert_int_equal(ops->domain(f->plat, 1, i, &d1), SCMI_SUCCESS);
		assert_int_equal(ops->domain(f->plat, 2, i, &d2), SCMI_SUCCESS);
		assert_string_equal(d1.name, d2.name);
		assert_int_equal(ops->state_get(f->plat, 1, i, &s1), SCMI_SUCCESS);
		assert_int_equal(ops->state_get(f->plat, 2, i, &s2), SCMI_SUCCESS);
		assert_int_equal(s1, s2);
	}
	assert_int_equal(ops->state_get(f->plat, 2, ops->count(f->plat, 2), &s2), SCMI_NOT_FOUND);
	assert_int_equal(ops->notify(f->plat, 2, 0, 0, true), SCMI_SUCCESS);
	assert_int_equal(ops->notify(f->plat, 1, 0, 0, true), SCMI_SUCCESS);
	assert_int_equal(ops->state_get(f->plat, 1, 0, &s1), SCMI_SUCCESS);
	proto_lock(f);
	sim_power_reset_agent(f->plat, 2);
	proto_unlock(f);
	/* Only vm1's subscription goes; the state is the hardware's and stays. */
	assert_false(sim_power_subscribed(f->plat, 2, 0, 0));
	assert_true(sim_power_subscribed(f->plat, 1, 0, 0));
	assert_int_equal(ops->state_get(f->plat, 2, 0, &s2), SCMI_SUCCESS);
	assert_int_equal(s1, s2);
	scmi_agent_close(vm1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_agents_views_and_reset),
	    PROTO_TEST(test_version_and_attributes),
	    PROTO_TEST(test_domain_attributes_and_names),
	    PROTO_TEST(test_name_get),
	    PROTO_TEST(test_invalid_ids),
	    PROTO_TEST(test_state_get_set),
	    PROTO_TEST(test_state_set_reserved_flags),
	    PROTO_TEST(test_hierarchy),
	    PROTO_TEST(test_notify_per_agent),
	    PROTO_TEST(test_last_writer_wins),
	    PROTO_TEST(test_message_attributes),
	    PROTO_TEST(test_negotiated_2_0),
	    PROTO_TEST(test_platform_v1),
	    PROTO_TEST(test_long_names),
	};

	return proto_run("power", tests, PROTO_ARRAY_SIZE(tests));
}
