// SPDX-License-Identifier: BSD-3-Clause
/*
 * Every rule of docs/platform-binding.md has a case here: the default tree
 * with one edit, which must fail with -EINVAL and a message naming the node
 * or property at fault.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include "platform/sim/sim_platform.h"
#include "dtb_util.h"

#define PLAT   "/scmi-platform"
#define AGENTS PLAT "/agents"
#define A1     AGENTS "/agent@1"
#define A2     AGENTS "/agent@2"
#define CH0    A1 "/channel@0"
#define CH1    A1 "/channel@1"
#define CH2    A2 "/channel@2"
#define PROTOS PLAT "/protocols"
#define RM     "/reserved-memory"
#define SHM0   RM "/scmi-shmem@3f000000"
#define SHM1   RM "/scmi-shmem@3f000080"

static void expect_fail(void *fdt, const char *fragment)
{
	struct sim_platform *p = (void *)1;
	char err[256];
	int ret;

	memset(err, 0, sizeof(err));
	ret = sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err));
	if (ret != -EINVAL || !strstr(err, fragment))
		fail_msg("expected -EINVAL with \"%s\", got %d \"%s\"", fragment, ret, err);
	assert_null(p);
	/* One line. */
	assert_null(strchr(err, '\n'));
	free(fdt);
}

static void test_control(void **state)
{
	void *fdt = dtb_editable();
	struct sim_platform *p;
	char err[256];

	(void)state;
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err)), 0);
	sim_platform_free(p);
	free(fdt);
}

static void test_blob(void **state)
{
	struct sim_platform *p;
	char err[256];
	char garbage[256];
	void *fdt = dtb_editable();

	(void)state;
	memset(garbage, 0x5a, sizeof(garbage));
	assert_int_equal(sim_platform_load(garbage, sizeof(garbage), &p, err, sizeof(err)),
			 -EINVAL);
	assert_non_null(strstr(err, "bad DTB header"));
	assert_int_equal(sim_platform_load(garbage, 10, &p, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "too small"));
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt) - 1, &p, err, sizeof(err)),
			 -EINVAL);
	assert_non_null(strstr(err, "exceeds"));
	free(fdt);
}

static void test_platform_node(void **state)
{
	void *fdt;

	(void)state;
	fdt = dtb_editable();
	dtb_set_str(fdt, PLAT, "compatible", "scmi-optee,platfrm");
	expect_fail(fdt, "no node compatible \"scmi-optee,platform\"");

	fdt = dtb_editable();
	dtb_add_node(fdt, "/", "second");
	dtb_set_str(fdt, "/second", "compatible", "scmi-optee,platform");
	expect_fail(fdt, "more than one node compatible \"scmi-optee,platform\"");
}

static void test_vendor(void **state)
{
	void *fdt;

	(void)state;
	fdt = dtb_editable();
	dtb_del_prop(fdt, PLAT, "vendor");
	expect_fail(fdt, "scmi-platform: missing vendor");

	fdt = dtb_editable();
	dtb_set_str(fdt, PLAT, "vendor", "0123456789abcdef");
	expect_fail(fdt, "scmi-platform: vendor: longer than 15");

	fdt = dtb_editable();
	dtb_set_str(fdt, PLAT, "vendor", "");
	expect_fail(fdt, "vendor: empty");

	fdt = dtb_editable();
	dtb_set_u32(fdt, PLAT, "vendor", 0x41414141);
	expect_fail(fdt, "vendor: not a single string");

	fdt = dtb_editable();
	dtb_set_raw(fdt, PLAT, "vendor", "ab\0cd", 6);
	expect_fail(fdt, "vendor: not a single string");

	fdt = dtb_editable();
	dtb_set_str(fdt, PLAT, "vendor", "tab\there");
	expect_fail(fdt, "vendor: not printable");

	fdt = dtb_editable();
	dtb_set_str(fdt, PLAT, "sub-vendor", "0123456789abcdef");
	expect_fail(fdt, "sub-vendor: longer than 15");

	fdt = dtb_editable();
	dtb_set_str(fdt, PLAT, "platform-name", "");
	expect_fail(fdt, "platform-name: empty");

	fdt = dtb_editable();
	dtb_set_raw(fdt, PLAT, "implementation-version", "\0\0\0\0\0\0\0\1", 8);
	expect_fail(fdt, "implementation-version: must be one cell");
}

static void test_pta_caps(void **state)
{
	void *fdt;

	(void)state;
	fdt = dtb_editable();
	dtb_set_str(fdt, PLAT, "pta-capabilities", "smt-header");
	expect_fail(fdt, "pta-capabilities: unknown capability \"smt-header\"");

	fdt = dtb_editable();
	dtb_set_raw(fdt, PLAT, "pta-capabilities", "smt", 3);
	expect_fail(fdt, "pta-capabilities: not a string list");

	fdt = dtb_editable();
	dtb_set_raw(fdt, PLAT, "pta-capabilities", "", 0);
	expect_fail(fdt, "pta-capabilities: empty");

	/* A static SMT region is useless when the PTA does not offer SMT. */
	fdt = dtb_editable();
	dtb_set_str(fdt, PLAT, "pta-capabilities", "msg");
	expect_fail(fdt, "agents/agent@1/channel@0: shmem: pta-capabilities lacks \"smt\"");
}

static void test_protocols(void **state)
{
	void *fdt;
	int off;

	(void)state;
	fdt = dtb_editable();
	dtb_add_node(fdt, PROTOS, "protocol@10");
	dtb_set_u32(fdt, PROTOS "/protocol@10", "reg", 0x10);
	expect_fail(fdt, "protocols/protocol@10: protocol 0x10 (Base) is implicit");

	fdt = dtb_editable();
	dtb_add_node(fdt, PROTOS, "protocol@5");
	dtb_set_u32(fdt, PROTOS "/protocol@5", "reg", 0x5);
	expect_fail(fdt, "protocols/protocol@5: protocol id 0x5 out of 0x11..0xff");

	fdt = dtb_editable();
	dtb_add_node(fdt, PROTOS, "protocol@100");
	dtb_set_u32(fdt, PROTOS "/protocol@100", "reg", 0x100);
	expect_fail(fdt, "protocol id 0x100 out of");

	fdt = dtb_editable();
	off = dtb_node(fdt, PROTOS "/protocol@19");
	assert_int_equal(fdt_setprop_u32(fdt, off, "reg", 0x14), 0);
	assert_int_equal(fdt_set_name(fdt, off, "protocol@14"), 0);
	expect_fail(fdt, "duplicate protocol id 0x14");

	fdt = dtb_editable();
	dtb_set_u32(fdt, PROTOS "/protocol@19", "reg", 0x18);
	expect_fail(fdt, "protocols/protocol@19: unit address does not match reg");

	fdt = dtb_editable();
	dtb_del_prop(fdt, PROTOS "/protocol@19", "reg");
	expect_fail(fdt, "protocols/protocol@19: missing reg");

	fdt = dtb_editable();
	dtb_add_node(fdt, PROTOS, "clocks");
	expect_fail(fdt, "protocols/clocks: unexpected node");

	fdt = dtb_editable();
	dtb_set_u32(fdt, PROTOS "/protocol@14", "version", 0);
	expect_fail(fdt, "protocols/protocol@14: version: must not be 0");

	fdt = dtb_editable();
	dtb_set_u32(fdt, PROTOS, "#size-cells", 1);
	expect_fail(fdt, "protocols: #size-cells: must be <0>");
}

static void test_agents(void **state)
{
	void *fdt;
	int off;

	(void)state;
	fdt = dtb_editable();
	dtb_del_prop(fdt, A2, "agent-name");
	expect_fail(fdt, "agents/agent@2: missing agent-name");

	fdt = dtb_editable();
	dtb_set_str(fdt, A2, "agent-name", "a-very-long-name");
	expect_fail(fdt, "agents/agent@2: agent-name: longer than 15");

	fdt = dtb_editable();
	dtb_rename(fdt, A2, "agent@3");
	dtb_set_u32(fdt, AGENTS "/agent@3", "reg", 3);
	expect_fail(fdt, "agents: agent ids must be 1..2 without gaps, found 3");

	fdt = dtb_editable();
	off = dtb_node(fdt, A2);
	assert_int_equal(fdt_setprop_u32(fdt, off, "reg", 1), 0);
	assert_int_equal(fdt_set_name(fdt, off, "agent@1"), 0);
	expect_fail(fdt, "agents/agent@1: duplicate agent id 1");

	fdt = dtb_editable();
	dtb_rename(fdt, A2, "agent@0");
	dtb_set_u32(fdt, AGENTS "/agent@0", "reg", 0);
	expect_fail(fdt, "agents/agent@0: agent id 0 is the platform itself");

	fdt = dtb_editable();
	dtb_rename(fdt, A2, "agent@41");
	dtb_set_u32(fdt, AGENTS "/agent@41", "reg", 0x41);
	expect_fail(fdt, "agent id 65 above the limit of 64");

	fdt = dtb_editable();
	dtb_del_node(fdt, AGENTS);
	expect_fail(fdt, "scmi-platform: missing agents node");

	fdt = dtb_editable();
	dtb_del_node(fdt, A1);
	dtb_del_node(fdt, A2);
	expect_fail(fdt, "agents: no agent");

	fdt = dtb_editable();
	dtb_del_node(fdt, CH2);
	expect_fail(fdt, "agents/agent@2: no channel");

	fdt = dtb_editable();
	dtb_add_node(fdt, AGENTS, "agent@3");
	expect_fail(fdt, "agents/agent@3: missing reg");

	fdt = dtb_editable();
	dtb_add_node(fdt, AGENTS, "vm@3");
	expect_fail(fdt, "agents/vm@3: unexpected node (expected agent@<id>)");

	fdt = dtb_editable();
	dtb_del_prop(fdt, A1, "#address-cells");
	expect_fail(fdt, "agents/agent@1: #address-cells: must be <1>");
}

static void test_agent_limit(void **state)
{
	void *fdt = dtb_editable();
	char name[32];
	int i;

	(void)state;
	for (i = 3; i <= 65; i++) {
		char path[64], chan[80];

		snprintf(name, sizeof(name), "agent@%x", i);
		snprintf(path, sizeof(path), AGENTS "/%s", name);
		snprintf(chan, sizeof(chan), "%s/channel@%x", path, 0x100 + i);
		dtb_add_node(fdt, AGENTS, name);
		dtb_set_u32(fdt, path, "reg", (uint32_t)i);
		dtb_set_str(fdt, path, "agent-name", "a");
		dtb_set_u32(fdt, path, "#address-cells", 1);
		dtb_set_u32(fdt, path, "#size-cells", 0);
		dtb_add_node(fdt, path, strrchr(chan, '/') + 1);
		dtb_set_u32(fdt, chan, "reg", 0x100u + (uint32_t)i);
	}
	/* 65 agents: unique ids 1..65, so the id limit is what trips. */
	expect_fail(fdt, "agents/agent@41: agent id 65 above the limit of 64");
}

static void test_channel_limit(void **state)
{
	void *fdt = dtb_editable();
	char name[32];
	int i;

	(void)state;
	for (i = 3; i <= 256; i++) {
		char path[64];

		snprintf(name, sizeof(name), "channel@%x", i);
		snprintf(path, sizeof(path), A2 "/%s", name);
		dtb_add_node(fdt, A2, name);
		dtb_set_u32(fdt, path, "reg", (uint32_t)i);
	}
	expect_fail(fdt, "too many channels (at most 256)");
}

static void test_channels(void **state)
{
	void *fdt;

	(void)state;
	fdt = dtb_editable();
	dtb_rename(fdt, CH2, "channel@1");
	dtb_set_u32(fdt, A2 "/channel@1", "reg", 1);
	expect_fail(fdt, "agents/agent@2/channel@1: channel id 1 already used by agent 1");

	fdt = dtb_editable();
	dtb_set_u32(fdt, CH1, "reg", 7);
	expect_fail(fdt, "agents/agent@1/channel@1: unit address does not match reg");

	fdt = dtb_editable();
	dtb_set_raw(fdt, CH1, "reg", "\0\0", 2);
	expect_fail(fdt, "agents/agent@1/channel@1: reg: must be one cell, is 2 bytes");

	fdt = dtb_editable();
	dtb_add_node(fdt, A1, "permissions");
	expect_fail(fdt, "agents/agent@1/permissions: unexpected node (expected channel@<id>)");
}

static void test_shmem_phandle(void **state)
{
	void *fdt;
	uint32_t ph;

	(void)state;
	fdt = dtb_editable();
	dtb_set_u32(fdt, CH0, "shmem", 0x1234);
	expect_fail(fdt, "agents/agent@1/channel@0: shmem: phandle 0x1234 does not resolve");

	fdt = dtb_editable();
	dtb_set_u32(fdt, CH0, "shmem", 0);
	expect_fail(fdt, "channel@0: shmem: invalid phandle 0x0");

	fdt = dtb_editable();
	dtb_set_raw(fdt, CH0, "shmem", "\0\0\0\1\0\0\0\2", 8);
	expect_fail(fdt, "channel@0: shmem: must be exactly one phandle, is 8 bytes");

	fdt = dtb_editable();
	dtb_set_raw(fdt, CH0, "shmem", "", 0);
	expect_fail(fdt, "channel@0: shmem: must be exactly one phandle, is 0 bytes");

	/* A phandle to something that is not a shmem node. */
	fdt = dtb_editable();
	ph = dtb_phandle(fdt, PROTOS, 0x77);
	dtb_set_u32(fdt, CH0, "shmem", ph);
	expect_fail(fdt, "protocols: not compatible \"arm,scmi-shmem\" (shmem of channel 0)");

	/* One region, two channels. */
	fdt = dtb_editable();
	dtb_set_u32(fdt, CH2, "shmem", dtb_phandle(fdt, SHM0, 0x77));
	expect_fail(fdt, "agents/agent@2/channel@2: shmem: region already serves channel 0");
}

static void test_shmem_reg(void **state)
{
	const fdt32_t small[4] = {0, cpu_to_fdt32(0x3f000080), 0, cpu_to_fdt32(0x7f)};
	const fdt32_t overlap[4] = {0, cpu_to_fdt32(0x3f000040), 0, cpu_to_fdt32(0x80)};
	const fdt32_t far[4] = {0, cpu_to_fdt32(0x7f000000), 0, cpu_to_fdt32(0x80)};
	const fdt32_t wrap[4] = {cpu_to_fdt32(0xffffffff), cpu_to_fdt32(0xffffff80), 0,
				 cpu_to_fdt32(0x80)};
	const fdt32_t huge[4] = {0, cpu_to_fdt32(0x3f000080), cpu_to_fdt32(1), 0};
	void *fdt;

	(void)state;
	fdt = dtb_editable();
	dtb_del_prop(fdt, SHM1, "reg");
	expect_fail(fdt, "/reserved-memory/scmi-shmem@3f000080: missing reg");

	fdt = dtb_editable();
	dtb_set_raw(fdt, SHM1, "reg", small, 12);
	expect_fail(fdt, "scmi-shmem@3f000080: reg: must be one (address, size) pair of 2+2 cells");

	fdt = dtb_editable();
	dtb_set_raw(fdt, SHM1, "reg", small, sizeof(small));
	expect_fail(fdt, "scmi-shmem@3f000080: reg: size 127 below the SMT minimum of 128");

	fdt = dtb_editable();
	dtb_set_raw(fdt, SHM1, "reg", huge, sizeof(huge));
	expect_fail(fdt, "scmi-shmem@3f000080: reg: size 4294967296 above the limit");

	fdt = dtb_editable();
	dtb_set_raw(fdt, SHM1, "reg", overlap, sizeof(overlap));
	expect_fail(fdt, "scmi-shmem@3f000080: overlaps the shmem region of channel 0");

	fdt = dtb_editable();
	dtb_set_raw(fdt, SHM1, "reg", wrap, sizeof(wrap));
	expect_fail(fdt, "reg: region wraps the address space");

	fdt = dtb_editable();
	dtb_set_raw(fdt, SHM1, "reg", far, sizeof(far));
	expect_fail(fdt, "scmi-platform: shmem regions span 0x3f000000..0x7f001000");

	fdt = dtb_editable();
	dtb_set_u32(fdt, RM, "#address-cells", 3);
	expect_fail(fdt, "/reserved-memory: #address-cells: must be 1 or 2, is 3");

	fdt = dtb_editable();
	dtb_set_u32(fdt, RM, "#size-cells", 0);
	expect_fail(fdt, "/reserved-memory: #size-cells: must be 1 or 2, is 0");

	fdt = dtb_editable();
	dtb_set_raw(fdt, RM, "#size-cells", "\0\0\2", 3);
	expect_fail(fdt, "/reserved-memory: #size-cells: must be one cell, is 3 bytes");

	/* Translation through a non-empty ranges is not supported: refuse, don't guess. */
	fdt = dtb_editable();
	dtb_set_raw(fdt, RM, "ranges", "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", 24);
	expect_fail(fdt, "/reserved-memory: ranges: only an empty (1:1) ranges is supported");

	fdt = dtb_editable();
	dtb_del_prop(fdt, RM, "ranges");
	expect_fail(fdt, "/reserved-memory: missing ranges");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_control),	  cmocka_unit_test(test_blob),
	    cmocka_unit_test(test_platform_node), cmocka_unit_test(test_vendor),
	    cmocka_unit_test(test_pta_caps),	  cmocka_unit_test(test_protocols),
	    cmocka_unit_test(test_agents),	  cmocka_unit_test(test_agent_limit),
	    cmocka_unit_test(test_channel_limit), cmocka_unit_test(test_channels),
	    cmocka_unit_test(test_shmem_phandle), cmocka_unit_test(test_shmem_reg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
