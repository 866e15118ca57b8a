// SPDX-License-Identifier: BSD-3-Clause
/*
 * A platform configures each protocol at a version the server speaks, and only then: the
 * server's protocol descriptors are the one list (scmi_server_protocol_versions()), which the
 * loader asks instead of keeping lists of its own. Every spoken version of every protocol
 * loads and is what the platform reports; the versions next to them do not load, and the
 * refusal names the spoken ones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "dtb_expect.h"
#include "dtb_util.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/ids.h"
#include "scmi/server/server.h"

/* A version next to @v that no protocol has: a minor the server never lists. */
static uint32_t neighbour(uint32_t v)
{
	return SCMI_VERSION(SCMI_VERSION_MAJOR(v), SCMI_VERSION_MINOR(v) + 7);
}

static void test_spoken_versions_load(void **state)
{
	unsigned int id, checked = 0;

	(void)state;
	for (id = SCMI_PROTOCOL_POWER; id <= SCMI_PROTOCOL_PINCTRL; id++) {
		const struct scmi_server_platform_ops *ops = sim_platform_ops();
		char path[64];
		size_t n, i;
		const uint32_t *v = scmi_server_protocol_versions((uint8_t)id, &n);

		assert_non_null(v);
		assert_true(n >= 1);
		snprintf(path, sizeof(path), "/scmi-platform/protocols/protocol@%x", id);
		for (i = 0; i < n; i++) {
			void *fdt = dtb_editable();
			struct sim_platform *p;

			/* Oldest first, no version twice. */
			if (i)
				assert_true(v[i] > v[i - 1]);
			dtb_set_u32(fdt, path, "version", v[i]);
			p = dtb_load_free(fdt);
			assert_int_equal(ops->protocol_version(p, (uint8_t)id), v[i]);
			assert_true(scmi_server_protocol_speaks((uint8_t)id, v[i]));
			sim_platform_free(p);
			checked++;
		}
	}
	/* Ten protocols, at least one version each, more for most. */
	assert_true(checked >= 25);
}

static void test_unspoken_versions_refused(void **state)
{
	unsigned int id;

	(void)state;
	for (id = SCMI_PROTOCOL_POWER; id <= SCMI_PROTOCOL_PINCTRL; id++) {
		char path[64];
		size_t n, i;
		const uint32_t *v = scmi_server_protocol_versions((uint8_t)id, &n);

		snprintf(path, sizeof(path), "/scmi-platform/protocols/protocol@%x", id);
		for (i = 0; i < n; i++) {
			assert_false(scmi_server_protocol_speaks((uint8_t)id, neighbour(v[i])));
			dtb_refuse_u32(path, "version", neighbour(v[i]),
				       "the versions the server speaks");
		}
		/* Newer than the newest, and the major before 1.0. */
		dtb_refuse_u32(path, "version", SCMI_VERSION(9, 0), "is not 1.0");
		dtb_refuse_u32(path, "version", SCMI_VERSION(0, 1), "is not 1.0");
	}
	/* Base's own property, and a list written out in full. */
	dtb_refuse_u32("/scmi-platform", "base-version", SCMI_VERSION(2, 2),
		       "base-version: 0x20002 is not 1.0, 2.0 or 2.1, the versions the server "
		       "speaks");
	dtb_refuse_u32("/scmi-platform/protocols/protocol@14", "version", SCMI_VERSION(2, 1),
		       "version: 0x20001 is not 1.0, 2.0 or 3.0");
	/* Reset once took any version from 1.0 to 3.1: 1.5 is no reset version. */
	dtb_refuse_u32("/scmi-platform/protocols/protocol@16", "version", SCMI_VERSION(1, 5),
		       "is not 1.0, 2.0, 3.0 or 3.1");
	/* base-version of two cells is no version at all. */
	{
		const fdt32_t two[] = {cpu_to_fdt32(SCMI_VERSION(2, 0)), cpu_to_fdt32(0)};
		void *fdt = dtb_editable();

		dtb_set_raw(fdt, "/scmi-platform", "base-version", two, (int)sizeof(two));
		dtb_expect_refused(fdt, "base-version: must be one cell, is 8 bytes"); /* frees */
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_spoken_versions_load),
	    cmocka_unit_test(test_unspoken_versions_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
