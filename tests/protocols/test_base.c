// SPDX-License-Identifier: BSD-3-Clause
/*
 * Base protocol (0x10) through libscmi against the simulated platform, in
 * every transport mode: every message for the trusted agent "linux" and the
 * untrusted "vm1", each seeing its own view (multi-agent.dts narrows vm1's);
 * the permission messages refused to vm1 and effective for linux; agent
 * reset; and platforms running Base 1.0 and 2.0.
 */
#include <errno.h>
#include <string.h>

#include "fixture.h"
#include "scmi/base.h"
#include "scmi/clock.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/status.h"

#define CLK_UART0   0xcu
#define CLK_GPU	    7u
#define DEV_GPU	    1u
#define DEV_DISPLAY 2u
#define DEV_UNKNOWN 7u
#define AGENT_LINUX 1u
#define AGENT_VM1   2u

/* A raw Base-or-other request; returns the SCMI status, reply bytes in *rx_len. */
static int32_t raw(struct scmi_agent *a, uint8_t proto, uint8_t msg, const uint32_t *w, size_t n,
		   uint8_t *rx, size_t rx_max, size_t *rx_len)
{
	int32_t status = SCMI_SUCCESS;

	(void)proto_raw(a, proto, msg, w, n, rx, rx_max, rx_len, &status);
	return status;
}

static int32_t base(struct scmi_agent *a, uint8_t msg, const uint32_t *w, size_t n)
{
	uint8_t rx[64];

	return raw(a, SCMI_PROTOCOL_BASE, msg, w, n, rx, sizeof(rx), NULL);
}

/* CLOCK_RATE_SET of @id to its current rate (as @a reads it). */
static int32_t clock_rate_reset(struct scmi_agent *a, uint32_t id)
{
	uint8_t rx[8];
	size_t len;

	assert_int_equal(raw(a, SCMI_PROTOCOL_CLOCK, 0x6, (uint32_t[]){id}, 1, rx, 8, &len),
			 SCMI_SUCCESS);
	return raw(a, SCMI_PROTOCOL_CLOCK, 0x5,
		   (uint32_t[]){0, id, scmi_get_le32(rx), scmi_get_le32(rx + 4)}, 4, rx, 8, &len);
}

static void expect_list(struct scmi_agent *a, const uint8_t *want, uint32_t n)
{
	uint8_t ids[32];
	uint32_t np = 0, na = 0;
	size_t count = 0;

	assert_int_equal(scmi_base_attributes(a, &np, &na), 0);
	assert_int_equal(np, n);
	assert_int_equal(scmi_base_discover_list_protocols(a, np, ids, sizeof(ids), &count), 0);
	assert_int_equal(count, n);
	assert_memory_equal(ids, want, n);
}

static void test_discovery_linux(void **state)
{
	struct proto_fixture *f = *state;
	static const uint8_t all[] = {0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19};
	char name[SCMI_NAME_BUF];
	uint32_t v, np, na, id;

	assert_int_equal(scmi_protocol_version(f->agent, SCMI_PROTOCOL_BASE, &v), 0);
	assert_int_equal(v, 0x20001);
	assert_int_equal(scmi_base_attributes(f->agent, &np, &na), 0);
	assert_int_equal(na, 2);
	expect_list(f->agent, all, sizeof(all));
	assert_int_equal(scmi_base_discover_vendor(f->agent, name), 0);
	assert_string_equal(name, "scmi-optee");
	assert_int_equal(scmi_base_discover_sub_vendor(f->agent, name), 0);
	assert_string_equal(name, "sim-soc");
	assert_int_equal(scmi_base_discover_impl_version(f->agent, &v), 0);
	assert_int_equal(v, 0x10000);
	assert_int_equal(scmi_base_discover_agent(f->agent, SCMI_BASE_AGENT_ID_SELF, &id, name), 0);
	assert_int_equal(id, AGENT_LINUX);
	assert_string_equal(name, "linux");
	assert_int_equal(scmi_base_discover_agent(f->agent, 0, &id, name), 0);
	assert_int_equal(id, 0);
	assert_string_equal(name, "platform");
	assert_int_equal(scmi_base_discover_agent(f->agent, AGENT_VM1, &id, name), 0);
	assert_string_equal(name, "vm1");
	assert_int_equal(scmi_base_discover_agent(f->agent, 3, &id, name), -ENOENT);
	assert_int_equal(scmi_base_notify_errors(f->agent, true), -EOPNOTSUPP);
	proto_assert_messages(f->agent, SCMI_PROTOCOL_BASE, 0xb);
}

/* vm1 on multi-agent.dts: no system power, no pinctrl; three agents. */
static void test_discovery_vm1_view(void **state)
{
	struct proto_fixture *f = *state, g;
	static const uint8_t vm1_list[] = {0x11, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18};
	struct scmi_agent *vm1;
	char name[SCMI_NAME_BUF];
	uint32_t np, na, id, v;

	proto_open_platform(&g, "multi-agent.dtb", f->mode);
	vm1 = proto_open_agent(&g, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	assert_int_equal(scmi_base_attributes(vm1, &np, &na), 0);
	assert_int_equal(na, 3);
	expect_list(vm1, vm1_list, sizeof(vm1_list));
	assert_int_equal(scmi_base_discover_agent(vm1, SCMI_BASE_AGENT_ID_SELF, &id, name), 0);
	assert_int_equal(id, AGENT_VM1);
	assert_string_equal(name, "vm1");
	assert_int_equal(scmi_base_discover_agent(vm1, 3, &id, name), 0);
	assert_string_equal(name, "vm2");
	/* Hidden protocols are not there at all for vm1, but are for linux. */
	assert_int_equal(scmi_protocol_version(vm1, SCMI_PROTOCOL_SYSTEM, &v), -EOPNOTSUPP);
	assert_int_equal(scmi_protocol_version(vm1, SCMI_PROTOCOL_PINCTRL, &v), -EOPNOTSUPP);
	assert_int_equal(scmi_protocol_version(g.agent, SCMI_PROTOCOL_PINCTRL, &v), 0);
	scmi_agent_close(vm1);
	proto_fixture_close(&g);
}

static void test_permission_messages_denied_to_vm1(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);

	/* Valid requests: refused because vm1 is not trusted. */
	assert_int_equal(base(vm1, 0x9, (uint32_t[]){AGENT_LINUX, DEV_GPU, 0}, 3), SCMI_DENIED);
	assert_int_equal(base(vm1, 0x9, (uint32_t[]){AGENT_VM1, DEV_GPU, 1}, 3), SCMI_DENIED);
	assert_int_equal(base(vm1, 0xa, (uint32_t[]){AGENT_LINUX, DEV_GPU, 0x14, 0}, 4),
			 SCMI_DENIED);
	assert_int_equal(base(vm1, 0xb, (uint32_t[]){AGENT_LINUX, 1}, 2), SCMI_DENIED);
	/* Bad parameters are reported as such first, to anyone. */
	assert_int_equal(base(vm1, 0x9, (uint32_t[]){AGENT_LINUX, DEV_UNKNOWN, 0}, 3),
			 SCMI_NOT_FOUND);
	assert_int_equal(base(vm1, 0x9, (uint32_t[]){9, DEV_GPU, 0}, 3), SCMI_NOT_FOUND);
	assert_int_equal(base(vm1, 0x9, (uint32_t[]){AGENT_LINUX, DEV_GPU, 2}, 3),
			 SCMI_INVALID_PARAMETERS);
	/* linux's clocks are untouched. */
	assert_int_equal(clock_rate_reset(f->agent, CLK_GPU), SCMI_SUCCESS);
	scmi_agent_close(vm1);
}

static void test_permission_messages_linux(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	struct scmi_clock clk_vm1, clk_linux;
	bool on;

	assert_int_equal(scmi_clock_init(vm1, &clk_vm1), 0);
	assert_int_equal(scmi_clock_init(f->agent, &clk_linux), 0);
	assert_int_equal(clock_rate_reset(vm1, CLK_GPU), SCMI_SUCCESS);

	/* Revoke vm1's gpu: its gpu clock is still listed, but refused. */
	assert_int_equal(scmi_base_set_device_permissions(f->agent, AGENT_VM1, DEV_GPU, false), 0);
	assert_int_equal(clock_rate_reset(vm1, CLK_GPU), SCMI_DENIED);
	assert_int_equal(clock_rate_reset(f->agent, CLK_GPU), SCMI_SUCCESS);
	assert_int_equal(scmi_base_set_device_permissions(f->agent, AGENT_VM1, DEV_GPU, true), 0);
	assert_int_equal(clock_rate_reset(vm1, CLK_GPU), SCMI_SUCCESS);

	/* Revoke only the clock protocol on the gpu. */
	assert_int_equal(scmi_base_set_protocol_permissions(f->agent, AGENT_VM1, DEV_GPU,
							    SCMI_PROTOCOL_CLOCK, false),
			 0);
	assert_int_equal(clock_rate_reset(vm1, CLK_GPU), SCMI_DENIED);
	/* Base itself cannot be revoked; an unknown device or protocol is not found. */
	assert_int_equal(scmi_base_set_protocol_permissions(f->agent, AGENT_VM1, DEV_GPU,
							    SCMI_PROTOCOL_BASE, false),
			 -EINVAL);
	assert_int_equal(scmi_base_set_protocol_permissions(f->agent, AGENT_VM1, DEV_UNKNOWN,
							    SCMI_PROTOCOL_CLOCK, false),
			 -ENOENT);
	assert_int_equal(
	    scmi_base_set_protocol_permissions(f->agent, AGENT_VM1, DEV_GPU, 0x42, false), -ENOENT);
	assert_int_equal(scmi_base_set_device_permissions(f->agent, 0, DEV_GPU, false), -ENOENT);

	/* vm1 turns uart0 on; a reset with permissions restores the gpu and drops the vote. */
	assert_int_equal(scmi_clock_enable(&clk_vm1, CLK_UART0, true), 0);
	assert_int_equal(scmi_clock_state_get(&clk_linux, CLK_UART0, &on), 0);
	assert_true(on);
	assert_int_equal(scmi_base_reset_agent_configuration(f->agent, AGENT_VM1, true), 0);
	assert_int_equal(clock_rate_reset(vm1, CLK_GPU), SCMI_SUCCESS);
	assert_int_equal(scmi_clock_state_get(&clk_linux, CLK_UART0, &on), 0);
	assert_false(on);

	/* Without bit 0 the permissions stay as they are. */
	assert_int_equal(scmi_base_set_device_permissions(f->agent, AGENT_VM1, DEV_GPU, false), 0);
	assert_int_equal(scmi_base_reset_agent_configuration(f->agent, AGENT_VM1, false), 0);
	assert_int_equal(clock_rate_reset(vm1, CLK_GPU), SCMI_DENIED);
	scmi_agent_close(vm1);
}

/* The reset also forgets negotiated versions. */
static void test_reset_forgets_negotiation(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	uint32_t v;

	assert_int_equal(scmi_protocol_negotiate_version(vm1, SCMI_PROTOCOL_BASE, 0x20000), 0);
	assert_int_equal(scmi_protocol_version(vm1, SCMI_PROTOCOL_BASE, &v), 0);
	assert_int_equal(v, 0x20000);
	assert_int_equal(scmi_base_reset_agent_configuration(f->agent, AGENT_VM1, false), 0);
	assert_int_equal(scmi_protocol_version(vm1, SCMI_PROTOCOL_BASE, &v), 0);
	assert_int_equal(v, 0x20001);
	/* 1.0 is never negotiated. */
	assert_int_equal(scmi_protocol_negotiate_version(vm1, SCMI_PROTOCOL_BASE, 0x10000),
			 -EOPNOTSUPP);
	scmi_agent_close(vm1);
}

static void test_base_v1(void **state)
{
	struct proto_fixture *f = *state, g;
	char name[SCMI_NAME_BUF];
	uint8_t rx[64];
	size_t len;
	uint32_t v, id;

	proto_open_platform(&g, "base-v1.dtb", f->mode);
	assert_int_equal(scmi_protocol_version(g.agent, SCMI_PROTOCOL_BASE, &v), 0);
	assert_int_equal(v, 0x10000);
	/* The name alone: 16 bytes. */
	assert_int_equal(
	    raw(g.agent, SCMI_PROTOCOL_BASE, 0x7, (uint32_t[]){2}, 1, rx, sizeof(rx), &len),
	    SCMI_SUCCESS);
	assert_int_equal(len, 16);
	assert_string_equal((char *)rx, "vm1");
	assert_int_equal(scmi_base_discover_agent(g.agent, 0, &id, name), 0);
	assert_int_equal(id, 0);
	assert_string_equal(name, "platform");
	assert_int_equal(scmi_base_discover_agent(g.agent, 1, &id, name), 0);
	assert_int_equal(id, 1);
	assert_string_equal(name, "linux");
	/* No "myself" id in 1.0. */
	assert_int_equal(scmi_base_discover_agent(g.agent, SCMI_BASE_AGENT_ID_SELF, &id, name),
			 -ENOENT);
	for (id = 0x9; id <= 0x10; id++) {
		assert_int_equal(
		    scmi_protocol_message_attributes(g.agent, SCMI_PROTOCOL_BASE, id, &v), -ENOENT);
		if (id <= 0xb || id == 0x10)
			assert_int_equal(base(g.agent, (uint8_t)id, (uint32_t[]){1, 1, 0, 0},
					      id == 0x9	  ? 3
					      : id == 0xa ? 4
					      : id == 0xb ? 2
							  : 1),
					 SCMI_NOT_FOUND);
	}
	proto_fixture_close(&g);
}

static void test_base_v2(void **state)
{
	struct proto_fixture *f = *state, g;
	char name[SCMI_NAME_BUF];
	uint32_t v, id;

	proto_open_platform(&g, "base-v2.dtb", f->mode);
	assert_int_equal(scmi_protocol_version(g.agent, SCMI_PROTOCOL_BASE, &v), 0);
	assert_int_equal(v, 0x20000);
	assert_int_equal(scmi_base_discover_agent(g.agent, SCMI_BASE_AGENT_ID_SELF, &id, name), 0);
	assert_int_equal(id, 1);
	assert_int_equal(scmi_protocol_message_attributes(g.agent, SCMI_PROTOCOL_BASE, 0xb, &v), 0);
	assert_int_equal(scmi_protocol_message_attributes(g.agent, SCMI_PROTOCOL_BASE, 0x10, &v),
			 -ENOENT);
	assert_int_equal(scmi_protocol_negotiate_version(g.agent, SCMI_PROTOCOL_BASE, 0x20000),
			 -ENOENT);
	/* The permission messages work in 2.0. */
	assert_int_equal(scmi_base_set_device_permissions(g.agent, AGENT_VM1, DEV_DISPLAY, false),
			 0);
	proto_fixture_close(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_discovery_linux),
	    PROTO_TEST(test_discovery_vm1_view),
	    PROTO_TEST(test_permission_messages_denied_to_vm1),
	    PROTO_TEST(test_permission_messages_linux),
	    PROTO_TEST(test_reset_forgets_negotiation),
	    PROTO_TEST(test_base_v1),
	    PROTO_TEST(test_base_v2),
	};

	return proto_run("base", tests, PROTO_ARRAY_SIZE(tests));
}
