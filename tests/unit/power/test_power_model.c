// SPDX-License-Identifier: BSD-3-Clause
/*
 * The power domain and system power models load the default platform, and
 * refuse every malformed value of their binding with a one-line reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "dtb_util.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_power.h"
#include "platform/sim/sim_system.h"

#define PD  "/scmi-platform/protocols/protocol@11"
#define SYS "/scmi-platform/protocols/protocol@12"

static void expect_fail(void *fdt, const char *needle)
{
	struct sim_platform *p = NULL;
	char err[256] = "";
	int ret = sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err));

	if (ret == 0 || !strstr(err, needle))
		fail_msg("expected a failure mentioning '%s', got %d '%s'", needle, ret, err);
	assert_null(p);
	free(fdt);
}

static void test_default_loads(void **state)
{
	struct sim_platform *p = NULL;
	struct sim_system_status st;
	char err[256] = "";
	size_t size;
	void *fdt = dtb_read_default(&size);
	uint32_t id = 99;

	(void)state;
	assert_int_equal(sim_platform_load(fdt, size, &p, err, sizeof(err)), 0);
	sim_lock(p);
	assert_int_equal(sim_power_model_power_mw(p), 120 + 350 + 400 + 90 + 45 + 80);
	assert_true(sim_power_model_is_on(p, 8));
	assert_false(sim_power_model_is_on(p, 4));
	assert_false(sim_power_model_is_on(p, 9));
	sim_unlock(p);
	assert_int_equal(sim_power_model_id_by_node(p, fdt_path_offset(fdt, PD "/domain@2"), &id),
			 0);
	assert_int_equal(id, 2);
	assert_int_equal(sim_power_model_id_by_node(p, fdt_path_offset(fdt, PD), &id), -ENOENT);
	assert_true(sim_system_status(p, &st));
	assert_int_equal(st.state, 3);
	sim_platform_free(p);
	free(fdt);
}

static void test_power_bad_version(void **state)
{
	void *fdt = dtb_editable();

	(void)state;
	dtb_set_u32(fdt, PD, "version", 0x20002);
	expect_fail(fdt, "version");
}

static void test_power_names(void **state)
{
	void *fdt = dtb_editable();

	(void)state;
	dtb_del_prop(fdt, PD "/domain@0", "domain-name");
	expect_fail(fdt, "domain-name: missing");
	fdt = dtb_editable();
	dtb_set_str(fdt, PD "/domain@0", "domain-name",
		    "a_name_of_sixty_four_characters_is_one_too_many_for_the_64_byte_");
	expect_fail(fdt, "longer than 63");
	fdt = dtb_editable();
	dtb_set_str(fdt, PD "/domain@0", "domain-name", "");
	expect_fail(fdt, "domain-name");
	fdt = dtb_editable();
	dtb_set_str(fdt, PD "/domain@0", "domain-name", "tab\there");
	expect_fail(fdt, "printable");
}

static void test_power_ids(void **state)
{
	void *fdt = dtb_editable();

	(void)state;
	dtb_rename(fdt, PD "/domain@8", "domain@9");
	dtb_set_u32(fdt, PD "/domain@9", "reg", 9);
	expect_fail(fdt, "out of");
	fdt = dtb_editable();
	dtb_set_u32(fdt, PD "/domain@8", "reg", 7);
	expect_fail(fdt, "unit address");
	fdt = dtb_editable();
	dtb_del_prop(fdt, PD, "#address-cells");
	expect_fail(fdt, "#address-cells");
}

static void test_power_parents(void **state)
{
	void *fdt = dtb_editable();
	uint32_t ph;

	(void)state;
	ph = dtb_phandle(fdt, "/scmi-platform/agents", 0x777);
	dtb_set_u32(fdt, PD "/domain@2", "parent", ph);
	expect_fail(fdt, "not a power domain");
	fdt = dtb_editable();
	dtb_set_u32(fdt, PD "/domain@2", "parent", 0xabcdef);
	expect_fail(fdt, "no node with phandle");
	fdt = dtb_editable();
	ph = dtb_phandle(fdt, PD "/domain@2", 0x778);
	dtb_set_u32(fdt, PD "/domain@2", "parent", ph);
	expect_fail(fdt, "own parent");
	fdt = dtb_editable();
	ph = dtb_phandle(fdt, PD "/domain@2", 0x779);
	dtb_set_u32(fdt, PD "/domain@8", "parent", ph);
	expect_fail(fdt, "cycle");
	fdt = dtb_editable();
	dtb_del_prop(fdt, PD "/domain@8", "boot-on");
	expect_fail(fdt, "parent domain is not boot-on");
}

static void test_power_values(void **state)
{
	static const uint8_t two_cells[8] = {0, 0, 0, 1, 0, 0, 0, 2};
	uint8_t list[4 * 9] = {0};
	void *fdt = dtb_editable();
	int i;

	(void)state;
	dtb_set_u32(fdt, PD "/domain@2", "retention-states", 0x40000001);
	expect_fail(fdt, "retention-states");
	fdt = dtb_editable();
	dtb_set_u32(fdt, PD "/domain@2", "retention-states", 0);
	expect_fail(fdt, "retention-states");
	fdt = dtb_editable();
	for (i = 0; i < 9; i++)
		list[4 * i + 3] = (uint8_t)(i + 1);
	dtb_set_raw(fdt, PD "/domain@2", "retention-states", list, sizeof(list));
	expect_fail(fdt, "more than 8");
	fdt = dtb_editable();
	dtb_set_raw(fdt, PD "/domain@2", "retention-states", list, 6);
	expect_fail(fdt, "list of cells");
	fdt = dtb_editable();
	list[3] = 1;
	list[7] = 1;
	dtb_set_raw(fdt, PD "/domain@2", "retention-states", list, 8);
	expect_fail(fdt, "twice");
	fdt = dtb_editable();
	dtb_set_raw(fdt, PD "/domain@2", "power-mw", two_cells, sizeof(two_cells));
	expect_fail(fdt, "power-mw");
	fdt = dtb_editable();
	dtb_set_u32(fdt, PD "/domain@2", "boot-on", 1);
	expect_fail(fdt, "takes no value");
}

static void test_power_too_many(void **state)
{
	char name[32];
	void *fdt = dtb_editable();
	int i;

	(void)state;
	for (i = 9; i < 70; i++) {
		snprintf(name, sizeof(name), "domain@%x", i);
		dtb_add_node(fdt, PD, name);
	}
	expect_fail(fdt, "more than 64");
}

static void test_system_values(void **state)
{
	static const char dup[] = "shutdown\0cold-reset\0shutdown";
	static const char nocold[] = "shutdown\0suspend";
	static const char unknown[] = "shutdown\0cold-reset\0reboot";
	void *fdt = dtb_editable();

	(void)state;
	dtb_set_u32(fdt, SYS, "version", 0x30000);
	expect_fail(fdt, "version");
	fdt = dtb_editable();
	dtb_set_raw(fdt, SYS, "supported-states", dup, sizeof(dup));
	expect_fail(fdt, "twice");
	fdt = dtb_editable();
	dtb_set_raw(fdt, SYS, "supported-states", nocold, sizeof(nocold));
	expect_fail(fdt, "mandatory");
	fdt = dtb_editable();
	dtb_set_raw(fdt, SYS, "supported-states", unknown, sizeof(unknown));
	expect_fail(fdt, "unknown state");
	fdt = dtb_editable();
	dtb_set_raw(fdt, SYS, "supported-states", "shutdown", 8);
	expect_fail(fdt, "not a list of strings");
	fdt = dtb_editable();
	dtb_set_u32(fdt, SYS, "allowed-agents", 9);
	expect_fail(fdt, "no agent 9");
	fdt = dtb_editable();
	dtb_set_raw(fdt, SYS, "allowed-agents", "abc", 3);
	expect_fail(fdt, "allowed-agents");
	fdt = dtb_editable();
	dtb_set_raw(fdt, SYS, "shutdown-timeout-ms", "abc", 3);
	expect_fail(fdt, "shutdown-timeout-ms");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_default_loads),  cmocka_unit_test(test_power_bad_version),
	    cmocka_unit_test(test_power_names),	   cmocka_unit_test(test_power_ids),
	    cmocka_unit_test(test_power_parents),  cmocka_unit_test(test_power_values),
	    cmocka_unit_test(test_power_too_many), cmocka_unit_test(test_system_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
