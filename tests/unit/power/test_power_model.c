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

#include "dtb_expect.h"
#include "dtb_util.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_power.h"
#include "platform/sim/sim_system.h"

#define PD  "/scmi-platform/protocols/protocol@11"
#define SYS "/scmi-platform/protocols/protocol@12"

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
	/* No node (a failed lookup's negative offset) is no domain either, and leaves @id. */
	id = 77;
	assert_int_equal(sim_power_model_id_by_node(p, -1, &id), -ENOENT);
	assert_int_equal(sim_power_model_id_by_node(p, -FDT_ERR_NOTFOUND, &id), -ENOENT);
	assert_int_equal(id, 77);
	assert_true(sim_system_status(p, &st));
	assert_int_equal(st.state, 3);
	sim_platform_free(p);
	free(fdt);
}

static void test_power_bad_version(void **state)
{
	(void)state;
	dtb_refuse_u32(PD, "version", 0x20002, "version");
}

static void test_power_names(void **state)
{
	(void)state;
	dtb_refuse_del_prop(PD "/domain@0", "domain-name", "domain-name: missing");
	dtb_refuse_str(PD "/domain@0", "domain-name",
		       "a_name_of_sixty_four_characters_is_one_too_many_for_the_64_byte_",
		       "longer than 63");
	dtb_refuse_str(PD "/domain@0", "domain-name", "", "domain-name");
	dtb_refuse_str(PD "/domain@0", "domain-name", "tab\there", "printable");
}

static void test_power_ids(void **state)
{
	void *fdt = dtb_editable();

	(void)state;
	dtb_rename(fdt, PD "/domain@8", "domain@9");
	dtb_set_u32(fdt, PD "/domain@9", "reg", 9);
	dtb_expect_refused(fdt, "contiguous");
	dtb_refuse_u32(PD "/domain@8", "reg", 7, "unit address");
	dtb_refuse_del_prop(PD, "#address-cells", "#address-cells");
}

static void test_power_parents(void **state)
{
	(void)state;
	dtb_refuse_phandle(PD "/domain@2", "parent", "/scmi-platform/agents", "not a power domain");
	dtb_refuse_u32(PD "/domain@2", "parent", 0xabcdef, "no node with phandle");
	dtb_refuse_phandle(PD "/domain@2", "parent", PD "/domain@2", "own parent");
	dtb_refuse_phandle(PD "/domain@8", "parent", PD "/domain@2", "cycle");
	dtb_refuse_del_prop(PD "/domain@8", "boot-on", "parent domain is not boot-on");
}

static void test_power_values(void **state)
{
	static const uint8_t two_cells[8] = {0, 0, 0, 1, 0, 0, 0, 2};
	uint8_t list[4 * 9] = {0};
	void *fdt;
	int i;

	(void)state;
	dtb_refuse_u32(PD "/domain@2", "retention-states", 0x40000001, "retention-states");
	dtb_refuse_u32(PD "/domain@2", "retention-states", 0, "retention-states");
	fdt = dtb_editable();
	for (i = 0; i < 9; i++)
		list[4 * i + 3] = (uint8_t)(i + 1);
	dtb_set_raw(fdt, PD "/domain@2", "retention-states", list, sizeof(list));
	dtb_expect_refused(fdt, "more than 8");
	dtb_refuse_raw(PD "/domain@2", "retention-states", list, 6, "list of cells");
	fdt = dtb_editable();
	list[3] = 1;
	list[7] = 1;
	dtb_set_raw(fdt, PD "/domain@2", "retention-states", list, 8);
	dtb_expect_refused(fdt, "twice");
	dtb_refuse_raw(PD "/domain@2", "power-mw", two_cells, sizeof(two_cells), "power-mw");
	dtb_refuse_u32(PD "/domain@2", "boot-on", 1, "takes no value");
}

static void test_power_too_many(void **state)
{
	char name[32];
	void *fdt = dtb_editable();
	int i;

	(void)state;
	/* Domains 9..64: one more than the 64 the model holds. */
	for (i = 9; i <= 64; i++) {
		snprintf(name, sizeof(name), "domain@%x", i);
		fdt_setprop_u32(fdt, dtb_add_node(fdt, PD, name), "reg", (uint32_t)i);
	}
	dtb_expect_refused(fdt, "domain id 64: at most 64 domains");
}

static void test_system_values(void **state)
{
	static const char dup[] = "shutdown\0cold-reset\0shutdown";
	static const char nocold[] = "shutdown\0suspend";
	static const char unknown[] = "shutdown\0cold-reset\0reboot";

	(void)state;
	dtb_refuse_u32(SYS, "version", 0x30000, "version");
	dtb_refuse_raw(SYS, "supported-states", dup, sizeof(dup), "twice");
	dtb_refuse_raw(SYS, "supported-states", nocold, sizeof(nocold), "mandatory");
	dtb_refuse_raw(SYS, "supported-states", unknown, sizeof(unknown), "unknown state");
	dtb_refuse_raw(SYS, "supported-states", "shutdown", 8, "not a list of strings");
	dtb_refuse_u32(SYS, "allowed-agents", 9, "no agent 9");
	dtb_refuse_raw(SYS, "allowed-agents", "abc", 3, "allowed-agents");
	dtb_refuse_raw(SYS, "shutdown-timeout-ms", "abc", 3, "shutdown-timeout-ms");
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
