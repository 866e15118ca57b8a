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
 * Without rseq, threads still spread over the slots, without a system call per read (out of
 * line: it runs once per thread, or under valgrind).
 */
uint32_t sim_rwlock_thread_slot(void)
{
	static uint32_t next;
	static _Thread_local uint32_t mine; /* the slot + 1; 0 until chosen */

	if (!mine)
		mine = __atomic_fetch_add(&next, 1u, __ATOMIC_RELAXED) % SIM_RWLOCK_MAX_SLOTS + 1u;
	return mine - 1u;
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
