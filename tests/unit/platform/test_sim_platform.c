// SPDX-License-Identifier: BSD-3-Clause
/*
 * The default platform DTB loads, and every accessor and server op returns
 * what platforms/default.dts says.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libfdt.h>

#include "scmi/proto/pta.h"
#include "platform/sim/sim_platform.h"
#include "dtb_util.h"

static int setup(void **state)
{
	struct sim_platform *p;
	char err[256];
	int ret = sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &p, err, sizeof(err));

	if (ret) {
		print_error("load: %d %s\n", ret, err);
		return -1;
	}
	*state = p;
	return 0;
}

static int teardown(void **state)
{
	sim_platform_free(*state);
	return 0;
}

static void assert_name16(const char name[16], const char *expect)
{
	char zero[16] = {0};
	size_t n = strlen(expect);

	assert_true(n < 16);
	assert_memory_equal(name, expect, n);
	/* NUL padded to the end: these bytes go on the wire. */
	assert_memory_equal(name + n, zero, 16 - n);
}

static void test_channels(void **state)
{
	const struct sim_platform *p = *state;
	const struct sim_channel *ch;

	assert_int_equal(sim_platform_num_channels(p), 3);
	ch = sim_platform_channel_at(p, 0);
	assert_non_null(ch);
	assert_int_equal(ch->id, 0);
	assert_int_equal(ch->agent_id, 1);
	assert_true(ch->has_shmem);
	assert_int_equal(ch->shmem_addr, 0x3f000000);
	assert_int_equal(ch->shmem_size, 0x80);
	ch = sim_platform_channel_at(p, 1);
	assert_int_equal(ch->id, 1);
	assert_int_equal(ch->agent_id, 1);
	assert_false(ch->has_shmem);
	ch = sim_platform_channel_at(p, 2);
	assert_int_equal(ch->id, 2);
	assert_int_equal(ch->agent_id, 2);
	assert_true(ch->has_shmem);
	assert_int_equal(ch->shmem_addr, 0x3f000080);
	assert_int_equal(ch->shmem_size, 0x80);
	assert_null(sim_platform_channel_at(p, 3));

	assert_ptr_equal(sim_platform_channel(p, 2), sim_platform_channel_at(p, 2));
	assert_ptr_equal(sim_platform_channel(p, 0), sim_platform_channel_at(p, 0));
	assert_null(sim_platform_channel(p, 3));
	assert_null(sim_platform_channel(p, 0xffffffffu));
	assert_null(sim_platform_channel(NULL, 0));
}

/*
 * Every id finds its own channel or none, on bench.dtb, whose ids 0-2 follow each other and
 * 0x10-0x4f come after a gap: the ids in the gap fall inside the table's index range.
 */
static void test_channel_lookup_sparse_ids(void **state)
{
	struct sim_platform *p;
	char path[512], err[256];
	size_t i, n, found = 0;
	uint32_t id;

	(void)state;
	snprintf(path, sizeof(path), "%s/bench.dtb", SCMI_PLATFORM_DTB_DIR);
	assert_int_equal(sim_platform_load_file(path, &p, err, sizeof(err)), 0);
	n = sim_platform_num_channels(p);
	assert_true(n > 0x40);
	for (id = 0; id < 0x60; id++) {
		const struct sim_channel *want = NULL;

		for (i = 0; i < n; i++)
			if (sim_platform_channel_at(p, i)->id == id)
				want = sim_platform_channel_at(p, i);
		assert_ptr_equal(sim_platform_channel(p, id), want);
		found += want != NULL;
	}
	assert_int_equal(found, n);
	assert_null(sim_platform_channel(p, 3));
	assert_non_null(sim_platform_channel(p, 0x10));
	sim_platform_free(p);
}

static void test_window_caps(void **state)
{
	const struct sim_platform *p = *state;
	uint64_t base = 0, size = 0;

	assert_true(sim_platform_shmem_window(p, &base, &size));
	assert_int_equal(base, 0x3f000000);
	assert_int_equal(size, 0x1000);
	assert_int_equal(sim_platform_pta_caps(p),
			 PTA_SCMI_CAPS_SMT_HEADER | PTA_SCMI_CAPS_MSG_HEADER);
}

static void test_ops_identity(void **state)
{
	const struct scmi_server_platform_ops *ops = sim_platform_ops();
	void *p = *state;
	char name[16];

	memset(name, 'x', sizeof(name));
	ops->vendor(p, name);
	assert_name16(name, "scmi-optee");
	memset(name, 'x', sizeof(name));
	ops->sub_vendor(p, name);
	assert_name16(name, "sim-soc");
	assert_int_equal(ops->impl_version(p), 0x00010000);
	assert_int_equal(ops->num_agents(p), 2);

	memset(name, 'x', sizeof(name));
	assert_true(ops->agent_name(p, 0, name));
	assert_name16(name, "platform");
	assert_true(ops->agent_name(p, 1, name));
	assert_name16(name, "linux");
	memset(name, 'x', sizeof(name));
	assert_true(ops->agent_name(p, 2, name));
	assert_name16(name, "vm1");
	assert_false(ops->agent_name(p, 3, name));
	assert_false(ops->agent_name(p, 0xffffffffu, name));
}

static void test_ops_channels(void **state)
{
	const struct scmi_server_platform_ops *ops = sim_platform_ops();
	void *p = *state;
	uint32_t agent = 99;

	assert_true(ops->channel_agent(p, 0, &agent));
	assert_int_equal(agent, 1);
	assert_true(ops->channel_agent(p, 1, &agent));
	assert_int_equal(agent, 1);
	assert_true(ops->channel_agent(p, 2, &agent));
	assert_int_equal(agent, 2);
	agent = 99;
	assert_false(ops->channel_agent(p, 3, &agent));
	assert_int_equal(agent, 99);
}

static void test_ops_protocols(void **state)
{
	const struct scmi_server_platform_ops *ops = sim_platform_ops();
	void *p = *state;
	unsigned int id;

	for (id = 0; id < 256; id++) {
		bool listed = id >= 0x10 && id <= 0x19;

		assert_int_equal(ops->protocol_available(p, 1, (uint8_t)id), listed);
		assert_int_equal(ops->protocol_available(p, 2, (uint8_t)id), listed);
		assert_false(ops->protocol_available(p, 0, (uint8_t)id));
		assert_false(ops->protocol_available(p, 3, (uint8_t)id));
		if (id != 0x10)
			assert_int_equal(ops->protocol_version(p, (uint8_t)id), 0);
	}
	assert_int_equal(ops->protocol_version(p, 0x10), 0x20001);
}

static void test_optional_properties(void **state)
{
	const struct scmi_server_platform_ops *ops = sim_platform_ops();
	void *fdt = dtb_editable();
	struct sim_platform *p;
	char err[256], name[16];
	const char *plat = "/scmi-platform";

	(void)state;
	dtb_set_str(fdt, plat, "platform-name", "sim-scp");
	dtb_del_prop(fdt, plat, "sub-vendor");
	dtb_del_prop(fdt, plat, "implementation-version");
	dtb_set_str(fdt, plat, "pta-capabilities", "smt");
	dtb_set_u32(fdt, "/scmi-platform/protocols/protocol@14", "version", 0x30000);
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err)), 0);
	assert_true(ops->agent_name(p, 0, name));
	assert_name16(name, "sim-scp");
	ops->sub_vendor(p, name);
	assert_name16(name, "");
	assert_int_equal(ops->impl_version(p), 0);
	assert_int_equal(sim_platform_pta_caps(p), PTA_SCMI_CAPS_SMT_HEADER);
	assert_int_equal(ops->protocol_version(p, 0x14), 0x30000);
	assert_int_equal(ops->protocol_version(p, 0x15), 0);
	sim_platform_free(p);

	/* No protocols node: Base only. No pta-capabilities: both. */
	dtb_del_node(fdt, "/scmi-platform/protocols");
	dtb_del_node(fdt, "/scmi-platform/devices");
	dtb_del_prop(fdt, plat, "pta-capabilities");
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err)), 0);
	assert_true(ops->protocol_available(p, 1, 0x10));
	assert_false(ops->protocol_available(p, 1, 0x14));
	assert_int_equal(sim_platform_pta_caps(p),
			 PTA_SCMI_CAPS_SMT_HEADER | PTA_SCMI_CAPS_MSG_HEADER);
	sim_platform_free(p);
	free(fdt);
}

/* reg honours the bus's #address-cells/#size-cells, and a region may sit directly under /. */
static void test_one_cell_bus(void **state)
{
	void *fdt = dtb_editable();
	struct sim_platform *p;
	char err[256];
	uint64_t base, size;
	const fdt32_t reg[2] = {cpu_to_fdt32(0x3f000080), cpu_to_fdt32(0x100)};
	const fdt32_t reg0[3] = {cpu_to_fdt32(0), cpu_to_fdt32(0x3f002000), cpu_to_fdt32(0x200)};
	const char *rm = "/reserved-memory";

	(void)state;
	dtb_set_u32(fdt, rm, "#address-cells", 1);
	dtb_set_u32(fdt, rm, "#size-cells", 1);
	dtb_set_raw(fdt, "/reserved-memory/scmi-shmem@3f000080", "reg", reg, sizeof(reg));
	/* Move channel 0's region to a node under / (2 address cells, 2 size cells -> 2+1). */
	dtb_set_u32(fdt, "/", "#size-cells", 1);
	dtb_add_node(fdt, "/", "sram@3f002000");
	dtb_set_str(fdt, "/sram@3f002000", "compatible", "arm,scmi-shmem");
	dtb_set_raw(fdt, "/sram@3f002000", "reg", reg0, sizeof(reg0));
	dtb_set_u32(fdt, "/scmi-platform/agents/agent@1/channel@0", "shmem",
		    dtb_phandle(fdt, "/sram@3f002000", 0x100));
	dtb_del_node(fdt, "/reserved-memory/scmi-shmem@3f000000");
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err)), 0);
	assert_int_equal(sim_platform_channel(p, 2)->shmem_addr, 0x3f000080);
	assert_int_equal(sim_platform_channel(p, 2)->shmem_size, 0x100);
	assert_int_equal(sim_platform_channel(p, 0)->shmem_addr, 0x3f002000);
	assert_int_equal(sim_platform_channel(p, 0)->shmem_size, 0x200);
	assert_true(sim_platform_shmem_window(p, &base, &size));
	assert_int_equal(base, 0x3f000000);
	assert_int_equal(size, 0x3000);
	sim_platform_free(p);
	free(fdt);
}

static void test_no_static_shmem(void **state)
{
	void *fdt = dtb_editable();
	struct sim_platform *p;
	char err[256];
	uint64_t base = 1, size = 1;

	(void)state;
	dtb_del_prop(fdt, "/scmi-platform/agents/agent@1/channel@0", "shmem");
	dtb_del_prop(fdt, "/scmi-platform/agents/agent@2/channel@2", "shmem");
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err)), 0);
	assert_false(sim_platform_shmem_window(p, &base, &size));
	assert_false(sim_platform_channel(p, 0)->has_shmem);
	sim_platform_free(p);
	free(fdt);
}

/* The caller's buffer need not be aligned: the loader works on its own copy. */
static void test_unaligned_buffer(void **state)
{
	size_t size;
	uint8_t *dtb = dtb_read_default(&size);
	uint8_t *buf = malloc(size + 1);
	struct sim_platform *p;
	char err[256];

	(void)state;
	assert_non_null(buf);
	memcpy(buf + 1, dtb, size);
	assert_int_equal(sim_platform_load(buf + 1, size, &p, err, sizeof(err)), 0);
	assert_int_equal(sim_platform_num_channels(p), 3);
	sim_platform_free(p);
	free(buf);
	free(dtb);
}

static void *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = malloc(1 << 16);

	assert_non_null(f);
	assert_non_null(buf);
	*size = fread(buf, 1, 1 << 16, f);
	assert_true(*size > 0 && *size < (1 << 16));
	assert_int_equal(fclose(f), 0);
	return buf;
}

/* Each agent DT names a channel of the default platform, with the same shmem region. */
static void check_agent_dt(const struct sim_platform *p, const char *file, uint32_t channel,
			   bool has_shmem)
{
	char path[512];
	size_t size;
	void *fdt;
	const struct sim_channel *ch;
	const fdt32_t *v;
	int node, shm, len;

	snprintf(path, sizeof(path), "%s/%s", SCMI_PLATFORM_DTB_DIR, file);
	fdt = read_file(path, &size);
	assert_int_equal(fdt_check_full(fdt, size), 0);
	node = fdt_node_offset_by_compatible(fdt, -1, "linaro,scmi-optee");
	assert_true(node >= 0);
	assert_int_equal(fdt_path_offset(fdt, "/firmware/scmi"), node);
	v = fdt_getprop(fdt, node, "linaro,optee-channel-id", &len);
	assert_non_null(v);
	assert_int_equal(len, 4);
	assert_int_equal(fdt32_ld(v), channel);
	ch = sim_platform_channel(p, channel);
	assert_non_null(ch);
	assert_int_equal(ch->has_shmem, has_shmem);
	v = fdt_getprop(fdt, node, "shmem", &len);
	if (!has_shmem) {
		assert_null(v);
	} else {
		assert_non_null(v);
		assert_int_equal(len, 4);
		shm = fdt_node_offset_by_phandle(fdt, fdt32_ld(v));
		assert_true(shm >= 0);
		assert_int_equal(fdt_node_check_compatible(fdt, shm, "arm,scmi-shmem"), 0);
		v = fdt_getprop(fdt, shm, "reg", &len);
		assert_non_null(v);
		assert_int_equal(len, 16); /* reserved-memory: 2 + 2 cells */
		assert_int_equal(((uint64_t)fdt32_ld(v) << 32) | fdt32_ld(v + 1), ch->shmem_addr);
		assert_int_equal(((uint64_t)fdt32_ld(v + 2) << 32) | fdt32_ld(v + 3),
				 ch->shmem_size);
	}
	/* Both agents speak Base and Clock. */
	assert_true(fdt_subnode_offset(fdt, node, "protocol@10") >= 0);
	assert_true(fdt_subnode_offset(fdt, node, "protocol@14") >= 0);
	free(fdt);
}

static void test_agent_dts_agree(void **state)
{
	const struct sim_platform *p = *state;

	check_agent_dt(p, "agent-smt.dtb", 0, true);
	check_agent_dt(p, "agent-msg.dtb", 1, false);
	check_agent_dt(p, "agent-vm1.dtb", 2, true);
}

static void test_load_file_errors(void **state)
{
	struct sim_platform *p = (void *)1;
	char err[256] = "";
	char path[] = "/tmp/sim-platform-test-XXXXXX";
	FILE *f;
	int fd;

	(void)state;
	assert_int_equal(sim_platform_load_file("/nonexistent/x.dtb", &p, err, sizeof(err)),
			 -ENOENT);
	assert_null(p);
	assert_non_null(strstr(err, "/nonexistent/x.dtb"));

	/* Bigger than the 1 MiB limit: refused before parsing. */
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fseek(f, (1L << 20), SEEK_SET), 0);
	assert_int_equal(fputc(0, f), 0);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(sim_platform_load_file(path, &p, err, sizeof(err)), -EFBIG);
	assert_non_null(strstr(err, "larger than"));
	/* An empty file is no DTB. */
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(sim_platform_load_file(path, &p, err, sizeof(err)), -EINVAL);
	unlink(path);

	/* A NULL or zero-sized err buffer is allowed. */
	assert_int_equal(sim_platform_load(NULL, 0, &p, NULL, 0), -EINVAL);
	sim_platform_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_channels),
	    cmocka_unit_test(test_window_caps),
	    cmocka_unit_test(test_channel_lookup_sparse_ids),
	    cmocka_unit_test(test_ops_identity),
	    cmocka_unit_test(test_ops_channels),
	    cmocka_unit_test(test_ops_protocols),
	    cmocka_unit_test(test_optional_properties),
	    cmocka_unit_test(test_one_cell_bus),
	    cmocka_unit_test(test_no_static_shmem),
	    cmocka_unit_test(test_unaligned_buffer),
	    cmocka_unit_test(test_load_file_errors),
	    cmocka_unit_test(test_agent_dts_agree),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
