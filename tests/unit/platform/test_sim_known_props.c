// SPDX-License-Identifier: BSD-3-Clause
/*
 * A property the binding does not know is refused, with the node's path: the typos that
 * used to load without a word (always_on, enable-latncy-us, perf-domian), a property of
 * another kind of node, and one on each level of the tree. The structural properties, and
 * the faults node (fault injection's own), stay out of it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "dtb_expect.h"
#include "dtb_util.h"
#include "platform/sim/sim_platform.h"

#define PLAT   "/scmi-platform"
#define PROTOS PLAT "/protocols"
#define CLOCK0 PROTOS "/protocol@14/clock@0"
#define SENSOR PROTOS "/protocol@15/sensor@1"
#define PERF0  PROTOS "/protocol@13/domain@0"

/* The three typos of the issue, each beside the property it misspells or instead of it. */
static void test_typos(void **state)
{
	void *fdt;

	(void)state;
	dtb_refuse_raw(CLOCK0, "always_on", NULL, 0,
		       "protocols/protocol@14/clock@0: unknown property 'always_on'");
	dtb_refuse_u32(CLOCK0, "enable-latncy-us", 5,
		       "protocols/protocol@14/clock@0: unknown property 'enable-latncy-us'");
	dtb_refuse_u32(SENSOR, "perf-domian", 1,
		       "protocols/protocol@15/sensor@1: unknown property 'perf-domian'");

	/* Instead of the right one: the sensor would have read the SoC's power silently. */
	fdt = dtb_editable();
	dtb_del_prop(fdt, SENSOR, "perf-domain");
	dtb_set_u32(fdt, SENSOR, "perf-domian", 0);
	dtb_expect_refused(fdt, "protocols/protocol@15/sensor@1: unknown property 'perf-domian'");
}

/* Names from the DT reach the error escaped: no control byte gets to the terminal. */
static void test_names_escaped(void **state)
{
	void *fdt;

	(void)state;
	fdt = dtb_editable();
	dtb_set_raw(fdt, CLOCK0, "bad\x1b[31m\x7f", NULL, 0);
	dtb_expect_refused(fdt, "clock@0: unknown property 'bad\\x1b[31m\\x7f'");
}

/* A property of the binding, on a node of another kind, is unknown there. */
static void test_wrong_node(void **state)
{
	(void)state;
	dtb_refuse_u32(PERF0, "clock-frequency", 24000000,
		       "protocols/protocol@13/domain@0: unknown property 'clock-frequency'");
	dtb_refuse_str(PLAT "/agents/agent@1", "domain-name", "x",
		       "agents/agent@1: unknown property 'domain-name'");
}

/* Every level of the tree is checked, the platform node itself included. */
static void test_levels(void **state)
{
	(void)state;
	dtb_refuse_str(PLAT, "vendr", "acme", "scmi-platform: unknown property 'vendr'");
	dtb_refuse_u32(PROTOS, "verison", 1, "protocols: unknown property 'verison'");
	dtb_refuse_u32(PROTOS "/protocol@14", "verison", 0x30000,
		       "protocols/protocol@14: unknown property 'verison'");
	dtb_refuse_raw(PLAT "/agents/agent@1", "trustd", NULL, 0,
		       "agents/agent@1: unknown property 'trustd'");
	dtb_refuse_raw(PLAT "/agents/agent@1/channel@0", "shmen", NULL, 0,
		       "agents/agent@1/channel@0: unknown property 'shmen'");
}

/* The faults node's rules are fault injection's; the node itself is the platform's. */
static void test_faults_node(void **state)
{
	void *fdt = dtb_editable();

	(void)state;
	dtb_add_node(fdt, PLAT, "faults");
	dtb_set_raw(fdt, PLAT "/faults", "bogus", NULL, 0);
	dtb_expect_refused(fdt, "faults: unknown property 'bogus'");
}

/*
 * Cells are structure, not binding (phandles too: the default tree's referenced nodes have
 * them); the faults node is checked where it is read.
 */
static void test_still_loads(void **state)
{
	void *fdt = dtb_editable();

	(void)state;
	/* #address-cells / #size-cells on a node with no children. */
	dtb_set_u32(fdt, PROTOS "/protocol@12", "#address-cells", 1);
	dtb_set_u32(fdt, PROTOS "/protocol@12", "#size-cells", 0);
	dtb_add_node(fdt, PLAT, "faults");
	dtb_add_node(fdt, PLAT "/faults", "rule0");
	dtb_set_u32(fdt, PLAT "/faults/rule0", "channel", 0);
	sim_platform_free(dtb_load_free(fdt));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_typos),	cmocka_unit_test(test_wrong_node),
	    cmocka_unit_test(test_levels),	cmocka_unit_test(test_faults_node),
	    cmocka_unit_test(test_still_loads), cmocka_unit_test(test_names_escaped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
