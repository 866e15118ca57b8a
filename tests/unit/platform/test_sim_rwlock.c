// SPDX-License-Identifier: BSD-3-Clause
/*
 * The simulated platform's lock (sim_env.h, sim_platform_priv.h): a reader locks the slot of
 * its CPU only, a writer every slot; the models' read-only ops read, so that agents on two
 * CPUs do not wait for each other. A test that fails by deadlock is ended by the alarm.
 * ctest runs it twice: as it comes (glibc gives each thread an rseq area, so the lock knows
 * the CPU) and with glibc's rseq off (each thread then reads in a slot of its own).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/rseq.h>
#include <unistd.h>

#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_platform_priv.h"
#include "scmi/server/clock.h"
#include "scmi/server/perf.h"
#include "scmi/server/pinctrl.h"
#include "scmi/server/power.h"
#include "scmi/server/powercap.h"
#include "scmi/server/reset.h"
#include "scmi/server/sensor.h"
#include "scmi/server/server.h"
#include "scmi/server/system.h"
#include "scmi/server/voltage.h"
#include "scmi/proto/status.h"

/* Pin the calling thread to the CPU it runs on; returns that CPU. */
static int pin_here(void)
{
	cpu_set_t set;
	int cpu = sched_getcpu();

	assert_true(cpu >= 0);
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	assert_int_equal(sched_setaffinity(0, sizeof(set), &set), 0);
	assert_int_equal(sched_getcpu(), cpu);
	return cpu;
}

/* The CPUs this process may run on, up to @max of them in @cpus; how many. */
static int allowed_cpus(int *cpus, int max)
{
	cpu_set_t set;
	int i, n = 0;

	assert_int_equal(sched_getaffinity(0, sizeof(set), &set), 0);
	for (i = 0; i < CPU_SETSIZE && n < max; i++)
		if (CPU_ISSET(i, &set))
			cpus[n++] = i;
	return n;
}

/* The slot a reader of @l on this thread takes while pinned to @cpu. */
static uint32_t slot_for(const sim_rwlock_t *l, int cpu)
{
	return (__rseq_size ? (uint32_t)cpu : sim_rwlock_cpu()) % l->n;
}

static void unpin(const cpu_set_t *all)
{
	assert_int_equal(sched_setaffinity(0, sizeof(*all), all), 0);
}

/* Whether @slot is free: taken and given back at once if so. */
static bool slot_free(sim_rwlock_t *l, uint32_t slot)
{
	if (!sim_rwlock_try_slot(l, slot))
		return false;
	sim_rwlock_read_end(l, slot);
	return true;
}

static void test_writer_holds_every_slot(void **state)
{
	sim_rwlock_t l;
	uint32_t i;

	(void)state;
	assert_int_equal(sim_rwlock_init(&l), 0);
	assert_true(l.n >= 1 && l.n <= SIM_RWLOCK_MAX_SLOTS);
	assert_int_equal(l.n, (uint32_t)(sysconf(_SC_NPROCESSORS_CONF) < SIM_RWLOCK_MAX_SLOTS
					     ? sysconf(_SC_NPROCESSORS_CONF)
					     : SIM_RWLOCK_MAX_SLOTS));
	/* Each slot alone on a cache line. */
	assert_int_equal((uintptr_t)l.slots % 64, 0);
	assert_int_equal(sizeof(l.slots[0]), 64);
	sim_rwlock_write(&l);
	for (i = 0; i < l.n; i++)
		assert_false(slot_free(&l, i));
	sim_rwlock_write_end(&l);
	for (i = 0; i < l.n; i++)
		assert_true(slot_free(&l, i));
	sim_rwlock_destroy(&l);
	assert_null(l.slots);
}

static void test_reader_holds_its_cpus_slot(void **state)
{
	cpu_set_t all;
	sim_rwlock_t l;
	uint32_t i, slot;
	int cpu;

	(void)state;
	assert_int_equal(sched_getaffinity(0, sizeof(all), &all), 0);
	assert_int_equal(sim_rwlock_init(&l), 0);
	cpu = pin_here();
	slot = sim_rwlock_read(&l);
	assert_int_equal(slot, slot_for(&l, cpu));
	for (i = 0; i < l.n; i++)
		assert_int_equal(slot_free(&l, i), i != slot);
	sim_rwlock_read_end(&l, slot);
	for (i = 0; i < l.n; i++)
		assert_true(slot_free(&l, i));
	sim_rwlock_destroy(&l);
	unpin(&all);
}

struct reader {
	sim_rwlock_t *l;
	int cpu;
	uint32_t slot;
	uint32_t expected; /* slot_for() on the reader's thread */
	uint32_t cpu_seen; /* sim_rwlock_cpu() there */
};

static void *read_on(void *arg)
{
	struct reader *r = arg;
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(r->cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		return NULL;
	r->expected = slot_for(r->l, r->cpu);
	r->cpu_seen = sim_rwlock_cpu();
	r->slot = sim_rwlock_read(r->l);
	sim_rwlock_read_end(r->l, r->slot);
	return r;
}

static void test_readers_on_two_cpus_do_not_wait(void **state)
{
	cpu_set_t all;
	sim_rwlock_t l;
	struct reader other;
	pthread_t t;
	uint32_t slot;
	void *ret;
	int cpus[2], cpu;

	(void)state;
	/* Without rseq the slot is the thread's, and two threads may share one modulo the slots. */
	if (allowed_cpus(cpus, 2) < 2 || !__rseq_size)
		skip();
	assert_int_equal(sched_getaffinity(0, sizeof(all), &all), 0);
	assert_int_equal(sim_rwlock_init(&l), 0);
	cpu = pin_here();
	slot = sim_rwlock_read(&l);
	/* The other reader runs to its end while this one holds: no shared slot. */
	other = (struct reader){.l = &l, .cpu = cpus[0] == cpu ? cpus[1] : cpus[0]};
	assert_int_equal(pthread_create(&t, NULL, read_on, &other), 0);
	assert_int_equal(pthread_join(t, &ret), 0);
	assert_ptr_equal(ret, &other);
	assert_int_not_equal(other.slot, slot);
	assert_int_equal(other.slot, other.expected);
	sim_rwlock_read_end(&l, slot);
	sim_rwlock_destroy(&l);
	unpin(&all);
}

/*
 * What sim_rwlock_cpu() says: with an rseq area, the CPU the thread runs on wherever it is
 * pinned; without one, a number the thread keeps wherever it runs, and another thread's differs.
 */
static void test_cpu_of_a_reader(void **state)
{
	cpu_set_t all;
	sim_rwlock_t l;
	struct reader other;
	pthread_t t;
	void *ret;
	int cpus[2], n, i;
	uint32_t first = sim_rwlock_cpu();

	(void)state;
	assert_int_equal(sched_getaffinity(0, sizeof(all), &all), 0);
	assert_int_equal(sim_rwlock_init(&l), 0);
	n = allowed_cpus(cpus, 2);
	for (i = 0; i < n; i++) {
		cpu_set_t one;

		CPU_ZERO(&one);
		CPU_SET(cpus[i], &one);
		assert_int_equal(sched_setaffinity(0, sizeof(one), &one), 0);
		if (__rseq_size)
			assert_int_equal(sim_rwlock_cpu(), (uint32_t)sched_getcpu());
		else
			assert_int_equal(sim_rwlock_cpu(), first);
	}
	unpin(&all);
	other = (struct reader){.l = &l, .cpu = cpus[n - 1]};
	assert_int_equal(pthread_create(&t, NULL, read_on, &other), 0);
	assert_int_equal(pthread_join(t, &ret), 0);
	assert_ptr_equal(ret, &other);
	if (__rseq_size)
		assert_int_equal(other.cpu_seen, (uint32_t)other.cpu);
	else
		assert_int_not_equal(other.cpu_seen, first);
	sim_rwlock_destroy(&l);
}

static void *write_once(void *arg)
{
	sim_rwlock_t *l = arg;

	sim_rwlock_write(l);
	sim_rwlock_write_end(l);
	return l;
}

/* A writer sleeps while a reader holds a slot, and the reader's unlock wakes it. */
static void test_writer_waits_for_reader(void **state)
{
	sim_rwlock_t l;
	pthread_t t;
	uint32_t slot, i;
	void *ret;

	(void)state;
	assert_int_equal(sim_rwlock_init(&l), 0);
	slot = sim_rwlock_read(&l);
	assert_int_equal(pthread_create(&t, NULL, write_once, &l), 0);
	/* 2: held, and someone sleeps on it (ipc/futex_lock.h). */
	while (__atomic_load_n(&l.slots[slot].word, __ATOMIC_ACQUIRE) != 2)
		sched_yield();
	sim_rwlock_read_end(&l, slot);
	assert_int_equal(pthread_join(t, &ret), 0);
	assert_ptr_equal(ret, &l);
	for (i = 0; i < l.n; i++)
		assert_true(slot_free(&l, i));
	sim_rwlock_destroy(&l);
}

/*
 * Every read-only op of every model runs while this thread holds every other slot: it
 * takes its own CPU's slot alone. An op that took the lock to write would wait for ever (and
 * the alarm ends the test).
 */
static void test_model_reads_take_one_slot(void **state)
{
	struct sim_platform *p;
	const struct scmi_server_platform_ops *ops = sim_platform_ops();
	struct scmi_server_clock_info ci;
	struct scmi_server_clock_rates cr;
	struct scmi_server_perf_domain pd;
	struct scmi_server_perf_opp opp;
	struct scmi_server_power_domain pwd;
	struct scmi_server_sensor_info si;
	struct scmi_server_sensor_config sc;
	struct scmi_server_powercap_info zi;
	char err[256], name[SCMI_EXT_NAME_SIZE];
	uint64_t hz, rates[4];
	uint32_t u, v, w, ids[4], i, mine;
	int32_t uv;
	cpu_set_t all;

	(void)state;
	assert_int_equal(sched_getaffinity(0, sizeof(all), &all), 0);
	assert_int_equal(sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &p, err, sizeof(err)),
			 0);
	mine = slot_for(&p->lock, pin_here());
	for (i = 0; i < p->lock.n; i++)
		if (i != mine)
			assert_true(sim_rwlock_try_slot(&p->lock, i));

	assert_true(ops->clock->count(p, 1) > 0);
	assert_int_equal(ops->clock->info(p, 1, 0, &ci), SCMI_SUCCESS);
	assert_int_equal(ops->clock->describe(p, 1, 0, 0, rates, 4, &cr), SCMI_SUCCESS);
	assert_int_equal(ops->clock->rate_get(p, 1, 0, &hz), SCMI_SUCCESS);
	assert_true(hz > 0);
	assert_int_equal(ops->clock->rate_get(p, 1, 0xffff, &hz), SCMI_NOT_FOUND);
	ops->clock->parent_get(p, 1, 0, &u);
	assert_int_equal(ops->clock->parents(p, 1, 0, 0, ids, 4, &u), SCMI_SUCCESS);
	assert_true(ops->perf->count(p, 1) > 0);
	assert_int_equal(ops->perf->domain(p, 1, 0, &pd), SCMI_SUCCESS);
	assert_int_equal(ops->perf->opp(p, 1, 0, 0, &opp), SCMI_SUCCESS);
	assert_int_equal(ops->perf->limits_get(p, 1, 0, &u, &v), SCMI_SUCCESS);
	assert_int_equal(ops->perf->level_get(p, 1, 0, &u), SCMI_SUCCESS);
	assert_true(ops->power->count(p, 1) > 0);
	assert_int_equal(ops->power->domain(p, 1, 0, &pwd), SCMI_SUCCESS);
	assert_int_equal(ops->power->state_get(p, 1, 0, &u), SCMI_SUCCESS);
	assert_true(ops->voltage->count(p, 1) > 0);
	assert_int_equal(ops->voltage->config_get(p, 1, 0, &u), SCMI_SUCCESS);
	assert_int_equal(ops->voltage->level_get(p, 1, 0, &uv), SCMI_SUCCESS);
	assert_true(ops->sensor->count(p, 1) > 0);
	assert_int_equal(ops->sensor->info(p, 1, 0, &si), SCMI_SUCCESS);
	assert_int_equal(ops->sensor->config_get(p, 1, 0, &sc), SCMI_SUCCESS);
	ops->sensor->axis_info(p, 1, 0, 0, &(struct scmi_server_sensor_axis_info){0});
	assert_true(ops->reset->count(p, 1) > 0);
	assert_true(ops->powercap->count(p, 1) > 0);
	assert_int_equal(ops->powercap->info(p, 1, 0, &zi), SCMI_SUCCESS);
	assert_int_equal(ops->powercap->cap_get(p, 1, 0, &u), SCMI_SUCCESS);
	assert_int_equal(ops->powercap->pai_get(p, 1, 0, &u), SCMI_SUCCESS);
	ops->system->state_get(p);
	ops->pinctrl->counts(p, 1, &u, &v, &w);
	assert_true(u > 0 && v > 0);
	assert_int_equal(ops->pinctrl->info(p, 1, SCMI_PINCTRL_SEL_GROUP, 0, name, &u),
			 SCMI_SUCCESS);
	assert_int_equal(ops->pinctrl->association(p, 1, SCMI_PINCTRL_SEL_GROUP, 0, 0, &u),
			 SCMI_SUCCESS);
	/* None left its slot held. */
	assert_true(slot_free(&p->lock, mine));

	for (i = 0; i < p->lock.n; i++)
		if (i != mine)
			sim_rwlock_read_end(&p->lock, i);
	unpin(&all);
	sim_platform_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_writer_holds_every_slot),
	    cmocka_unit_test(test_reader_holds_its_cpus_slot),
	    cmocka_unit_test(test_cpu_of_a_reader),
	    cmocka_unit_test(test_readers_on_two_cpus_do_not_wait),
	    cmocka_unit_test(test_writer_waits_for_reader),
	    cmocka_unit_test(test_model_reads_take_one_slot),
	};

	/* A lock taken the wrong way deadlocks: end the run rather than hang it. */
	alarm(60);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
