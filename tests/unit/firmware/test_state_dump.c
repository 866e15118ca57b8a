// SPDX-License-Identifier: BSD-3-Clause
/*
 * The firmware's state dump (firmware/core/state_dump.c) on the default platform: one line
 * per resource, in the format tests/linux-optee/check.sh reads, with the values the
 * platform DT sets and, after a change through the ops, the new ones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "fw/state_dump.h"
#include "platform/sim/sim_platform.h"
#include "scmi/server/clock.h"
#include "scmi/server/perf.h"
#include "scmi/server/power.h"
#include "scmi/server/sensor.h"
#include "scmi/server/voltage.h"

#define MAX_LINES 128

static char lines[MAX_LINES][160];
static unsigned int nlines;

static void collect(void *ctx, const char *text)
{
	(void)ctx;
	assert_true(nlines < MAX_LINES);
	snprintf(lines[nlines++], sizeof(lines[0]), "%s", text);
}

static const char *find(const char *prefix)
{
	for (unsigned int i = 0; i < nlines; i++)
		if (!strncmp(lines[i], prefix, strlen(prefix)))
			return lines[i];
	return NULL;
}

static void test_dump(void **state)
{
	const struct scmi_server_platform_ops *ops = sim_platform_ops();
	struct sim_platform *p;
	char err[256];
	uint32_t n;

	(void)state;
	assert_int_equal(sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &p, err, sizeof(err)),
			 0);
	nlines = 0;
	n = fw_state_dump(ops, p, 1, collect, NULL);
	assert_int_equal(n, nlines);
	/* Every resource agent 1 sees, each kind once per id. */
	assert_int_equal(n, ops->clock->count(p, 1) + ops->perf->count(p, 1) +
				ops->power->count(p, 1) + ops->voltage->count(p, 1) +
				ops->sensor->count(p, 1));
	assert_non_null(find("state clock 0 rate=24000000 on=1 name=osc24m"));
	assert_non_null(find("state perf 0 level=1008 khz=1008000 name=cpu_little"));
	assert_non_null(find("state power 0 state=on name=cpu_little"));
	assert_non_null(
	    find("state voltage 5 uv=1200000 on=1 name=vdd_ddr_dram_core_and_io_supply"));
	assert_non_null(find("state sensor 4 value=900000 exp=-6 name="));
	/* What an agent changes shows in the next dump: a level and the clock it drives. */
	assert_int_equal(ops->perf->level_set(p, 1, 0, 600), SCMI_SUCCESS);
	nlines = 0;
	fw_state_dump(ops, p, 1, collect, NULL);
	assert_non_null(find("state perf 0 level=600 khz=600000 name=cpu_little"));
	assert_non_null(find("state voltage 0 uv=700000 "));
	sim_platform_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dump),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
