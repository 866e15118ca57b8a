/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The simulated platform's lock on a host (sim_env.h includes it): one lock in reader slots.
 * A read is on every platform op's path, so taking and giving back a slot is inline here: the
 * CPU from the thread's rseq area, then one compare-and-swap, and one exchange to unlock.
 */
#ifndef SCMI_SIM_ENV_HOSTED_RWLOCK_H
#define SCMI_SIM_ENV_HOSTED_RWLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "ipc/futex_lock.h"

/* glibc registers each thread's rseq area, whose cpu_id the kernel keeps current. */
#if defined(__GLIBC__) && defined(__has_include) && defined(__has_builtin)
#if __has_include(<sys/rseq.h>) && __has_builtin(__builtin_thread_pointer)
#include <sys/rseq.h>
#define SIM_HAVE_RSEQ_CPU_ID 1
#endif
#endif

/* Reader slots at most: CPUs beyond share them, modulo. */
#define SIM_RWLOCK_MAX_SLOTS 64u

/** struct sim_rwlock_slot - one reader slot, a futex lock word alone on its cache line. */
struct sim_rwlock_slot {
	union {
		uint32_t word;
		unsigned char line[64];
	};
};

/**
 * sim_rwlock_t - the models' lock on a host: a reader locks one slot, the one of the CPU it
 * runs on, so that readers on different CPUs write no shared cache line and never wait for
 * each other; a writer locks every slot, in order, so it excludes every reader and writer.
 * @slots: @n slots, each on its own cache line
 * @n:     the CPUs the system may have, at least 1 and at most SIM_RWLOCK_MAX_SLOTS
 */
typedef struct {
	struct sim_rwlock_slot *slots;
	uint32_t n;
} sim_rwlock_t;

/**
 * sim_rwlock_thread_slot() - the number of a thread whose CPU the kernel does not tell (no
 * rseq area: valgrind refuses it, or glibc's rseq tunable is off): fixed for the thread, each
 * new thread the next in turn, modulo SIM_RWLOCK_MAX_SLOTS.
 */
uint32_t sim_rwlock_thread_slot(void);

/**
 * sim_rwlock_cpu() - the CPU this thread runs on, as the kernel's rseq area gives it (what
 * sched_getcpu() reads, without its call); where there is none, sim_rwlock_thread_slot().
 * A reader locks slot sim_rwlock_cpu() modulo the slots.
 */
static inline uint32_t sim_rwlock_cpu(void)
{
#ifdef SIM_HAVE_RSEQ_CPU_ID
	if (__rseq_size) {
		const struct rseq *r =
		    (const struct rseq *)((char *)__builtin_thread_pointer() + __rseq_offset);
		int32_t cpu = (int32_t)__atomic_load_n(&r->cpu_id, __ATOMIC_RELAXED);

		if (cpu >= 0)
			return (uint32_t)cpu;
	}
#endif
	return sim_rwlock_thread_slot();
}

/** sim_rwlock_init() - 0, or -ENOMEM. */
int sim_rwlock_init(sim_rwlock_t *l);

/** sim_rwlock_destroy() - release what sim_rwlock_init() took (no slot may be held). */
void sim_rwlock_destroy(sim_rwlock_t *l);

/**
 * sim_rwlock_read() - lock for reading: returns the slot taken, for sim_rwlock_read_end() (the
 * thread may have moved to another CPU by then).
 */
static inline uint32_t sim_rwlock_read(sim_rwlock_t *l)
{
	uint32_t slot = sim_rwlock_cpu() % l->n;

	futex_lock(&l->slots[slot].word);
	return slot;
}

/** sim_rwlock_read_end() - unlock the @slot that sim_rwlock_read() returned. */
static inline void sim_rwlock_read_end(sim_rwlock_t *l, uint32_t slot)
{
	futex_unlock(&l->slots[slot].word);
}

/** sim_rwlock_write() - lock for writing: every slot, lowest first. */
void sim_rwlock_write(sim_rwlock_t *l);

/** sim_rwlock_write_end() - unlock every slot. */
void sim_rwlock_write_end(sim_rwlock_t *l);

/**
 * sim_rwlock_try_slot() - try to lock @slot alone (modulo the slots): true if taken, for tests
 * that show which slots a reader or writer holds. Unlock with sim_rwlock_read_end().
 */
bool sim_rwlock_try_slot(sim_rwlock_t *l, uint32_t slot);

#endif /* SCMI_SIM_ENV_HOSTED_RWLOCK_H */
