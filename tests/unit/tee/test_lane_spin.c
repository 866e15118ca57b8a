// SPDX-License-Identifier: BSD-3-Clause
/*
 * The fast lane's spin budget (src/ipc/lane.h): no spinning on one CPU; the budget doubles
 * after a wait the spin covered and halves after one that slept, down to LANE_SPIN_MIN; and,
 * however far it fell, a wait every LANE_SPIN_PROBE spins the whole LANE_SPIN_LIMIT, so that
 * a peer that has moved to a CPU of its own is found again (without it the budget stays at
 * the floor, where no round trip fits, for good).
 */
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>

#include "ipc/lane.h"

static struct lane_spin at(uint32_t polls)
{
	struct lane_spin s;

	lane_spin_init(&s);
	s.polls = polls;
	return s;
}

static void test_one_cpu_never_spins(void **state)
{
	cpu_set_t old, one;
	struct lane_spin s;
	int i;

	(void)state;
	assert_int_equal(sched_getaffinity(0, sizeof(old), &old), 0);
	CPU_ZERO(&one);
	CPU_SET(sched_getcpu(), &one);
	assert_int_equal(sched_setaffinity(0, sizeof(one), &one), 0);
	lane_spin_init(&s);
	assert_int_equal(sched_setaffinity(0, sizeof(old), &old), 0);
	for (i = 0; i < 4 * LANE_SPIN_PROBE; i++) {
		assert_int_equal(lane_spin_polls(&s), 0);
		lane_spin_learn(&s, false, 0);
		lane_spin_learn(&s, true, 5);
	}
	/* Allowed two CPUs or more, it starts at the limit and spends it on every wait. */
	if (CPU_COUNT(&old) >= 2) {
		lane_spin_init(&s);
		for (i = 0; i < 2 * LANE_SPIN_PROBE; i++)
			assert_int_equal(lane_spin_polls(&s), LANE_SPIN_LIMIT);
	}
}

static void test_halves_to_the_floor(void **state)
{
	struct lane_spin s = at(LANE_SPIN_LIMIT);
	uint32_t want = LANE_SPIN_LIMIT;
	int i;

	(void)state;
	for (i = 0; i < 12; i++) {
		want = want / 2 < LANE_SPIN_MIN ? LANE_SPIN_MIN : want / 2;
		lane_spin_learn(&s, false, 0);
		assert_int_equal(s.polls, want);
	}
	assert_int_equal(s.polls, LANE_SPIN_MIN);
	/* Halved, not floored, while the half is still above the floor. */
	s.polls = 18;
	lane_spin_learn(&s, false, 0);
	assert_int_equal(s.polls, 9);
}

static void test_covered_waits_grow_the_budget(void **state)
{
	struct lane_spin s = at(LANE_SPIN_MIN);

	(void)state;
	/* At least doubled; at least twice what the covered wait took; at most the limit. */
	lane_spin_learn(&s, true, 0);
	assert_int_equal(s.polls, 2 * LANE_SPIN_MIN);
	lane_spin_learn(&s, true, 40);
	assert_int_equal(s.polls, 82);
	/* Either bound may be the larger, by as little as 2 polls. */
	s.polls = LANE_SPIN_MIN;
	lane_spin_learn(&s, true, 10);
	assert_int_equal(s.polls, 22);
	s.polls = LANE_SPIN_MIN;
	lane_spin_learn(&s, true, LANE_SPIN_MIN - 2);
	assert_int_equal(s.polls, 2 * LANE_SPIN_MIN);
	s.polls = 82;
	lane_spin_learn(&s, true, 0);
	assert_int_equal(s.polls, 164);
	lane_spin_learn(&s, true, 0);
	assert_int_equal(s.polls, LANE_SPIN_LIMIT);
	lane_spin_learn(&s, true, LANE_SPIN_LIMIT - 1);
	assert_int_equal(s.polls, LANE_SPIN_LIMIT);
}

/* At the floor, every LANE_SPIN_PROBE-th wait spins the limit, the others the floor. */
static void test_probe_from_the_floor(void **state)
{
	struct lane_spin s = at(LANE_SPIN_MIN);
	int i, probes = 0;

	(void)state;
	for (i = 1; i <= 4 * LANE_SPIN_PROBE; i++) {
		uint32_t n = lane_spin_polls(&s);

		/* The LANE_SPIN_PROBE-th wait since the budget fell, and every one that far on. */
		if (n == LANE_SPIN_LIMIT) {
			assert_int_equal(i % LANE_SPIN_PROBE, 0);
			probes++;
		} else {
			assert_int_equal(n, LANE_SPIN_MIN);
		}
		lane_spin_learn(&s, false, 0);
	}
	assert_int_equal(probes, 4);
	/* A probe the peer answered within restores a budget the round trip fits in. */
	for (i = 1; lane_spin_polls(&s) != LANE_SPIN_LIMIT; i++) {
		assert_true(i <= LANE_SPIN_PROBE);
		lane_spin_learn(&s, false, 0);
	}
	lane_spin_learn(&s, true, 50);
	assert_int_equal(s.polls, 102);
	assert_int_equal(lane_spin_polls(&s), 102);
}

static int never(void *arg)
{
	(void)arg;
	return 0;
}

static int counted(void *arg)
{
	++*(int *)arg;
	return 0;
}

struct late_post {
	uint32_t *word;
	uint32_t *waits;
};

static void *post_later(void *arg)
{
	struct late_post *lp = arg;

	usleep(100 * 1000);
	lane_post(lp->word, lp->waits, 2);
	return NULL;
}

/*
 * Waits from @budget for a post 100 ms away: the spin cannot cover it, so the wait sleeps, and
 * a sleep lasts its whole slice (here a second, longer than the wait) unless the post wakes
 * it: the check, asked only when a sleep ends without the state, is not asked at all. Returns
 * the budget after.
 */
static uint32_t await_late_post(uint32_t budget)
{
	uint32_t word = 1, waits = 0;
	struct lane_spin s = at(budget);
	struct late_post lp = {&word, &waits};
	pthread_t th;
	int checks = 0;

	assert_int_equal(pthread_create(&th, NULL, post_later, &lp), 0);
	assert_int_equal(lane_await(&word, &waits, 2, &s, 1000, counted, &checks), 0);
	assert_int_equal(pthread_join(th, NULL), 0);
	assert_in_range(checks, 0, 1);
	assert_int_equal(waits, 0);
	return s.polls;
}

/* A wait that had to sleep halves the budget; with none (one CPU) there is none to halve. */
static void test_await_sleeps(void **state)
{
	(void)state;
	assert_int_equal(await_late_post(LANE_SPIN_LIMIT), LANE_SPIN_LIMIT / 2);
	assert_int_equal(await_late_post(0), 0);
}

/* lane_await() learns from each wait: one the spin covered grows the budget. */
static void test_await_learns(void **state)
{
	uint32_t word = 2, waits = 0;
	struct lane_spin s = at(LANE_SPIN_MIN);

	(void)state;
	assert_int_equal(lane_await(&word, &waits, 2, &s, 10, never, NULL), 0);
	assert_int_equal(s.polls, 2 * LANE_SPIN_MIN);
	assert_int_equal(waits, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_one_cpu_never_spins),
	    cmocka_unit_test(test_halves_to_the_floor),
	    cmocka_unit_test(test_covered_waits_grow_the_budget),
	    cmocka_unit_test(test_probe_from_the_floor),
	    cmocka_unit_test(test_await_sleeps),
	    cmocka_unit_test(test_await_learns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
