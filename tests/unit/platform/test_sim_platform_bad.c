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
#include "dtb_expect.h"
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

/*
 * A version-16 tree has no size_dt_struct: whatever its header holds there is not a size
 * (libfdt does not check it). A loader that sized its tables by it would ask for gigabytes
 * (found by fuzz_dt_loader as an out-of-memory); the arena of the freestanding build of this
 * test has a few megabytes, so the tree must load within them.
 */
static void test_version16_struct_size(void **state)
{
	void *fdt = dtb_editable();
	struct sim_platform *p;
	char err[256];

	(void)state;
	assert_int_equal(fdt_pack(fdt), 0);
	fdt_set_version(fdt, 16);
	fdt_set_last_comp_version(fdt, 16);
	fdt_set_size_dt_struct(fdt, 0xfffffff0u);
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err)), 0);
	assert_true(sim_platform_num_channels(p) > 0);
	sim_platform_free(p);
	free(fdt);
}

/* An error buffer exactly the message's size gets all of it: the last byte too. */
static void test_error_fits_exactly(void **state)
{
	struct sim_platform *p;
	char full[256], exact[256];
	char garbage[64];
	size_t n;

	(void)state;
	memset(garbage, 0x5a, sizeof(garbage));
	assert_int_equal(sim_platform_load(garbage, sizeof(garbage), &p, full, sizeof(full)),
			 -EINVAL);
	n = strlen(full);
	assert_true(n > 4 && n + 1 < sizeof(full));
	memset(exact, 'x', sizeof(exact));
	assert_int_equal(sim_platform_load(garbage, sizeof(garbage), &p, exact, n + 1), -EINVAL);
	assert_string_equal(exact, full);
	/* One byte less: the message cut by one, still terminated. */
	assert_int_equal(sim_platform_load(garbage, sizeof(garbage), &p, exact, n), -EINVAL);
	assert_int_equal(strlen(exact), n - 1);
	assert_memory_equal(exact, full, n - 1);
}

/*
 * A platform without the perf protocol whose powercap zones and devices still name perf
 * domains: refused with the reason, the perf model asked for a domain it does not have.
 */
static void test_perf_named_without_perf(void **state)
{
	void *fdt = dtb_editable();
	struct sim_platform *p;
	char err[256];

	(void)state;
	dtb_del_node(fdt, PROTOS "/protocol@13");
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "perf-domains: entry 0 is not a perf domain"));
	/* The same with a node that exists: the perf model, absent, is asked about it. */
	dtb_set_u32(fdt, PROTOS "/protocol@18/zone@0", "perf-domains",
		    dtb_phandle(fdt, A1, 0x7777));
	dtb_set_u32(fdt, PROTOS "/protocol@18/zone@0", "perf-weights", 1);
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "zone@0: perf-domains: entry 0 is not a perf domain"));
	free(fdt);
}

static void test_platform_node(void **state)
{
	void *fdt;

	(void)state;
	dtb_refuse_str(PLAT, "compatible", "scmi-optee,platfrm",
		       "no node compatible \"scmi-optee,platform\"");

	fdt = dtb_editable();
	dtb_add_node(fdt, "/", "second");
	dtb_set_str(fdt, "/second", "compatible", "scmi-optee,platform");
	dtb_expect_refused(fdt, "more than one node compatible \"scmi-optee,platform\"");
}

static void test_vendor(void **state)
{
	(void)state;
	dtb_refuse_del_prop(PLAT, "vendor", "scmi-platform: missing vendor");
	dtb_refuse_str(PLAT, "vendor", "0123456789abcdef", "scmi-platform: vendor: longer than 15");
	dtb_refuse_str(PLAT, "vendor", "", "vendor: empty");
	dtb_refuse_u32(PLAT, "vendor", 0x41414141, "vendor: not a single string");
	dtb_refuse_raw(PLAT, "vendor", "ab\0cd", 6, "vendor: not a single string");
	dtb_refuse_str(PLAT, "vendor", "tab\there", "vendor: not printable");
	dtb_refuse_str(PLAT, "sub-vendor", "0123456789abcdef", "sub-vendor: longer than 15");
	dtb_refuse_str(PLAT, "platform-name", "", "platform-name: empty");
	dtb_refuse_raw(PLAT, "implementation-version", "\0\0\0\0\0\0\0\1", 8,
		       "implementation-version: must be one cell");
}

static void test_pta_caps(void **state)
{
	(void)state;
	dtb_refuse_str(PLAT, "pta-capabilities", "smt-header",
		       "pta-capabilities: unknown capability \"smt-header\"");
	dtb_refuse_raw(PLAT, "pta-capabilities", "smt", 3, "pta-capabilities: not a string list");
	dtb_refuse_raw(PLAT, "pta-capabilities", "", 0, "pta-capabilities: empty");

	/* A static SMT region is useless when the PTA does not offer SMT. */
	dtb_refuse_str(PLAT, "pta-capabilities", "msg",
		       "agents/agent@1/channel@0: shmem: pta-capabilities lacks \"smt\"");
}

/* A protocol@<id> node added with reg <id> must be refused with @fragment. */
static void refuse_protocol(uint32_t id, const char *fragment)
{
	void *fdt = dtb_editable();
	char name[32], path[64];

	snprintf(name, sizeof(name), "protocol@%x", id);
	snprintf(path, sizeof(path), PROTOS "/%s", name);
	dtb_add_node(fdt, PROTOS, name);
	dtb_set_u32(fdt, path, "reg", id);
	dtb_expect_refused(fdt, fragment);
}

static void test_protocols(void **state)
{
	(void)state;
	refuse_protocol(0x10, "protocols/protocol@10: protocol 0x10 (Base) is implicit");
	refuse_protocol(0x5, "protocols/protocol@5: protocol id 0x5 out of 0x11..0xff");
	refuse_protocol(0x100, "protocol id 0x100 out of");
	dtb_refuse_renumber(PROTOS "/protocol@19", 0x14, "duplicate protocol id 0x14");
	dtb_refuse_u32(PROTOS "/protocol@19", "reg", 0x18,
		       "protocols/protocol@19: unit address does not match reg");
	dtb_refuse_del_prop(PROTOS "/protocol@19", "reg", "protocols/protocol@19: missing reg");
	dtb_refuse_add_node(PROTOS, "clocks", "protocols/clocks: unexpected node");
	dtb_refuse_u32(PROTOS "/protocol@14", "version", 0,
		       "protocols/protocol@14: version: must not be 0");
	dtb_refuse_u32(PROTOS, "#size-cells", 1, "protocols: #size-cells: must be <0>");
}

static void test_agents(void **state)
{
	void *fdt;

	(void)state;
	dtb_refuse_del_prop(A2, "agent-name", "agents/agent@2: missing agent-name");
	dtb_refuse_str(A2, "agent-name", "a-very-long-name",
		       "agents/agent@2: agent-name: longer than 15");
	dtb_refuse_renumber(A2, 3, "agents: agent ids must be 1..2 without gaps, found 3");
	dtb_refuse_renumber(A2, 1, "agents/agent@1: duplicate agent id 1");
	dtb_refuse_renumber(A2, 0, "agents/agent@0: agent id 0 is the platform itself");
	dtb_refuse_renumber(A2, 0x41, "agent id 65 above the limit of 64");
	dtb_refuse_del_node(AGENTS, "scmi-platform: missing agents node");

	fdt = dtb_editable();
	dtb_del_node(fdt, A1);
	dtb_del_node(fdt, A2);
	dtb_expect_refused(fdt, "agents: no agent");

	dtb_refuse_del_node(CH2, "agents/agent@2: no channel");
	dtb_refuse_add_node(AGENTS, "agent@3", "agents/agent@3: missing reg");
	dtb_refuse_add_node(AGENTS, "vm@3", "agents/vm@3: unexpected node (expected agent@<id>)");
	dtb_refuse_del_prop(A1, "#address-cells", "agents/agent@1: #address-cells: must be <1>");
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
	dtb_expect_refused(fdt, "agents/agent@41: agent id 65 above the limit of 64");
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
	dtb_expect_refused(fdt, "too many channels (at most 256)");
}

static void test_channels(void **state)
{
	(void)state;
	dtb_refuse_renumber(CH2, 1,
			    "agents/agent@2/channel@1: channel id 1 already used by agent 1");
	dtb_refuse_u32(CH1, "reg", 7, "agents/agent@1/channel@1: unit address does not match reg");
	dtb_refuse_raw(CH1, "reg", "\0\0", 2,
		       "agents/agent@1/channel@1: reg: must be one cell, is 2 bytes");
	dtb_refuse_add_node(A1, "permissions",
			    "agents/agent@1/permissions: unexpected node (expected channel@<id>)");
}

static void test_shmem_phandle(void **state)
{
	void *fdt;
	uint32_t ph;

	(void)state;
	dtb_refuse_u32(CH0, "shmem", 0x1234,
		       "agents/agent@1/channel@0: shmem: phandle 0x1234 does not resolve");
	dtb_refuse_u32(CH0, "shmem", 0, "channel@0: shmem: invalid phandle 0x0");
	dtb_refuse_raw(CH0, "shmem", "\0\0\0\1\0\0\0\2", 8,
		       "channel@0: shmem: must be exactly one phandle, is 8 bytes");
	dtb_refuse_raw(CH0, "shmem", "", 0,
		       "channel@0: shmem: must be exactly one phandle, is 0 bytes");

	/* A phandle to something that is not a shmem node. */
	fdt = dtb_editable();
	ph = dtb_phandle(fdt, PROTOS, 0x77);
	dtb_set_u32(fdt, CH0, "shmem", ph);
	dtb_expect_refused(fdt,
			   "protocols: not compatible \"arm,scmi-shmem\" (shmem of channel 0)");

	/* One region, two channels. */
	fdt = dtb_editable();
	dtb_set_u32(fdt, CH2, "shmem", dtb_phandle(fdt, SHM0, 0x77));
	dtb_expect_refused(fdt, "agents/agent@2/channel@2: shmem: region already serves channel 0");
}

static void test_shmem_reg(void **state)
{
	const fdt32_t small[4] = {0, cpu_to_fdt32(0x3f000080), 0, cpu_to_fdt32(0x7f)};
	const fdt32_t overlap[4] = {0, cpu_to_fdt32(0x3f000040), 0, cpu_to_fdt32(0x80)};
	const fdt32_t far[4] = {0, cpu_to_fdt32(0x7f000000), 0, cpu_to_fdt32(0x80)};
	const fdt32_t wrap[4] = {cpu_to_fdt32(0xffffffff), cpu_to_fdt32(0xffffff80), 0,
				 cpu_to_fdt32(0x80)};
	const fdt32_t huge[4] = {0, cpu_to_fdt32(0x3f000080), cpu_to_fdt32(1), 0};

	(void)state;
	dtb_refuse_del_prop(SHM1, "reg", "/reserved-memory/scmi-shmem@3f000080: missing reg");
	dtb_refuse_raw(SHM1, "reg", small, 12,
		       "scmi-shmem@3f000080: reg: must be one (address, size) pair of 2+2 cells");
	dtb_refuse_raw(SHM1, "reg", small, sizeof(small),
		       "scmi-shmem@3f000080: reg: size 127 below the SMT minimum of 128");
	dtb_refuse_raw(SHM1, "reg", huge, sizeof(huge),
		       "scmi-shmem@3f000080: reg: size 4294967296 above the limit");
	dtb_refuse_raw(SHM1, "reg", overlap, sizeof(overlap),
		       "scmi-shmem@3f000080: overlaps the shmem region of channel 0");
	dtb_refuse_raw(SHM1, "reg", wrap, sizeof(wrap), "reg: region wraps the address space");
	dtb_refuse_raw(SHM1, "reg", far, sizeof(far),
		       "scmi-platform: shmem regions span 0x3f000000..0x7f001000");
	dtb_refuse_u32(RM, "#address-cells", 3,
		       "/reserved-memory: #address-cells: must be 1 or 2, is 3");
	dtb_refuse_u32(RM, "#size-cells", 0, "/reserved-memory: #size-cells: must be 1 or 2, is 0");
	dtb_refuse_raw(RM, "#size-cells", "\0\0\2", 3,
		       "/reserved-memory: #size-cells: must be one cell, is 3 bytes");

	/* Translation through a non-empty ranges is not supported: refuse, don't guess. */
	dtb_refuse_raw(RM, "ranges", "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1", 24,
		       "/reserved-memory: ranges: only an empty (1:1) ranges is supported");
	dtb_refuse_del_prop(RM, "ranges", "/reserved-memory: missing ranges");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_control),
	    cmocka_unit_test(test_blob),
	    cmocka_unit_test(test_version16_struct_size),
	    cmocka_unit_test(test_error_fits_exactly),
	    cmocka_unit_test(test_perf_named_without_perf),
	    cmocka_unit_test(test_platform_node),
	    cmocka_unit_test(test_vendor),
	    cmocka_unit_test(test_pta_caps),
	    cmocka_unit_test(test_protocols),
	    cmocka_unit_test(test_agents),
	    cmocka_unit_test(test_agent_limit),
	    cmocka_unit_test(test_channel_limit),
	    cmocka_unit_test(test_channels),
	    cmocka_unit_test(test_shmem_phandle),
	    cmocka_unit_test(test_shmem_reg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
