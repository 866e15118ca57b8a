// SPDX-License-Identifier: BSD-3-Clause
/*
 * Virtual time starts where the platform's time stands for whoever looked at it: at 0 (boot)
 * when nobody has, however long the host took between loading the platform and switching to
 * virtual time (a loaded CI machine once warmed the sensors of `optee-simd --virtual-time` by
 * 100 ms before its first message); from the real time elapsed when someone has, so that time
 * never runs backwards.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <time.h>

#include "dtb_expect.h"
#include "dtb_util.h"
#include "platform/sim/sim_platform.h"

static void sleep_ms(long ms)
{
	struct timespec ts = {.tv_sec = 0, .tv_nsec = ms * 1000000L};

	while (nanosleep(&ts, &ts))
		;
}

static void test_unseen_time_starts_at_boot(void **state)
{
	struct sim_platform *p = dtb_load_free(dtb_editable());

	(void)state;
	sleep_ms(30);
	sim_platform_set_virtual_time(p, true);
	assert_int_equal(sim_platform_time_us(p), 0);
	assert_int_equal(sim_platform_advance_time(p, 1500), 0);
	assert_int_equal(sim_platform_time_us(p), 1500);
	sim_platform_free(p);
}

static void test_seen_time_never_runs_back(void **state)
{
	struct sim_platform *p = dtb_load_free(dtb_editable());
	uint64_t seen;

	(void)state;
	sleep_ms(30);
	seen = sim_platform_time_us(p);
	assert_true(seen >= 30000);
	sim_platform_set_virtual_time(p, true);
	assert_true(sim_platform_time_us(p) >= seen);
	/* Back to real time and virtual again: still never backwards. */
	seen = sim_platform_time_us(p);
	sim_platform_set_virtual_time(p, false);
	sim_platform_set_virtual_time(p, true);
	assert_true(sim_platform_time_us(p) >= seen);
	sim_platform_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_unseen_time_starts_at_boot),
	    cmocka_unit_test(test_seen_time_never_runs_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
