// SPDX-License-Identifier: BSD-3-Clause
/* The hosted environment of the simulated platform (sim_env.h): libc and POSIX. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ipc/futex_lock.h"
#include "platform/sim/sim_env.h"

/* glibc registers each thread's rseq area, whose cpu_id the kernel keeps current. */
#if defined(__GLIBC__) && defined(__has_include) && defined(__has_builtin)
#if __has_include(<sys/rseq.h>) && __has_builtin(__builtin_thread_pointer)
#include <sys/rseq.h>
#define HAVE_RSEQ_CPU_ID 1
#endif
#endif

void *sim_calloc(size_t n, size_t size)
{
	return calloc(n, size);
}

void *sim_realloc(void *p, size_t size)
{
	return realloc(p, size);
}

void sim_free(void *p)
{
	free(p);
}

uint64_t sim_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int sim_vsnprintf(char *buf, size_t len, const char *fmt, va_list ap)
{
	return vsnprintf(buf, len, fmt, ap);
}

int sim_snprintf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n;
}

void sim_log(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* One write per line: lines of concurrent threads do not interleave. */
	fprintf(stderr, "%s\n", line);
}

int sim_rwlock_init(sim_rwlock_t *l)
{
	long cpus = sysconf(_SC_NPROCESSORS_CONF);

	l->n = cpus < 1 ? 1u : cpus > SIM_RWLOCK_MAX_SLOTS ? SIM_RWLOCK_MAX_SLOTS : (uint32_t)cpus;
	/* Each slot on its own line: two CPUs' readers must not bounce one between them. */
	l->slots =
	    aligned_alloc(sizeof(struct sim_rwlock_slot), l->n * sizeof(struct sim_rwlock_slot));
	if (!l->slots)
		return -ENOMEM;
	memset(l->slots, 0, l->n * sizeof(struct sim_rwlock_slot));
	return 0;
}

void sim_rwlock_destroy(sim_rwlock_t *l)
{
	free(l->slots);
	l->slots = NULL;
}

/*
 * A thread whose CPU the kernel does not tell (no rseq area: valgrind refuses it, or glibc's
 * rseq tunable is off) reads in a slot of its own, chosen once, the next in turn: threads
 * still spread over the slots, without a system call per read.
 */
static uint32_t thread_slot(void)
{
	static uint32_t next;
	static _Thread_local uint32_t mine; /* the slot + 1; 0 until chosen */

	if (!mine)
		mine = __atomic_fetch_add(&next, 1u, __ATOMIC_RELAXED) % SIM_RWLOCK_MAX_SLOTS + 1u;
	return mine - 1u;
}

uint32_t sim_rwlock_cpu(void)
{
#ifdef HAVE_RSEQ_CPU_ID
	/* One load from the thread's rseq area (what sched_getcpu() reads, without its call). */
	if (__rseq_size) {
		const struct rseq *r =
		    (const struct rseq *)((char *)__builtin_thread_pointer() + __rseq_offset);
		int32_t cpu = (int32_t)__atomic_load_n(&r->cpu_id, __ATOMIC_RELAXED);

		if (cpu >= 0)
			return (uint32_t)cpu;
	}
#endif
	return thread_slot();
}

uint32_t sim_rwlock_read(sim_rwlock_t *l)
{
	uint32_t slot = sim_rwlock_cpu() % l->n;

	futex_lock(&l->slots[slot].word);
	return slot;
}

void sim_rwlock_read_end(sim_rwlock_t *l, uint32_t slot)
{
	futex_unlock(&l->slots[slot].word);
}

void sim_rwlock_write(sim_rwlock_t *l)
{
	uint32_t i;

	/* Always lowest first, so that two writers cannot each hold what the other waits for. */
	for (i = 0; i < l->n; i++)
		futex_lock(&l->slots[i].word);
}

void sim_rwlock_write_end(sim_rwlock_t *l)
{
	uint32_t i = l->n;

	while (i--)
		futex_unlock(&l->slots[i].word);
}

bool sim_rwlock_try_slot(sim_rwlock_t *l, uint32_t slot)
{
	return futex_trylock(&l->slots[slot % l->n].word);
}
