/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The simulated platform's environment: everything the platform needs from
 * the program it runs in, in one header. The platform's sources include it
 * instead of <stdlib.h>, <stdio.h>, <pthread.h>, <errno.h>, <inttypes.h> or
 * <time.h>, so that the same sources build for two hosts:
 *
 * - hosted (the daemon, the tools, most tests; env/hosted.c): malloc,
 *   pthread mutexes, CLOCK_MONOTONIC and stderr;
 * - freestanding (SIM_ENV_FREESTANDING; the secure firmware, and the same
 *   platform tests built a second time on the host; env/freestanding.c):
 *   memory from one fixed arena, spinlocks, and a clock and a log sink the
 *   host hands over with sim_env_fs_setup(). It needs only the compiler's
 *   freestanding headers, <string.h> and libfdt.
 *
 * What the freestanding environment asks of its host: call sim_env_fs_setup()
 * once before the first sim_platform_load(), and serialise every call into
 * the platform that may emit an event (sim_events.h queues events per thread
 * when hosted, in one queue when freestanding). The firmware runs every SMC
 * under one lock, which does both.
 */
#ifndef SCMI_SIM_ENV_H
#define SCMI_SIM_ENV_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if __STDC_HOSTED__
#include <errno.h>
#include <inttypes.h>
#else
/* The errno values the platform returns: Linux's, as the hosted build and its tests see them. */
#ifndef EPERM
#define EPERM 1
#endif
#ifndef ENOENT
#define ENOENT 2
#endif
#ifndef EIO
#define EIO 5
#endif
#ifndef ENOMEM
#define ENOMEM 12
#endif
#ifndef EACCES
#define EACCES 13
#endif
#ifndef EINVAL
#define EINVAL 22
#endif
#ifndef EFBIG
#define EFBIG 27
#endif
#ifndef ERANGE
#define ERANGE 34
#endif
#ifndef EOVERFLOW
#define EOVERFLOW 75
#endif
#define PRIu32 "u"
#define PRIx32 "x"
#if __SIZEOF_LONG__ == 8
#define PRIu64 "lu"
#define PRIx64 "lx"
#else
#define PRIu64 "llu"
#define PRIx64 "llx"
#endif
#endif

#ifdef SIM_ENV_FREESTANDING
/** sim_mutex_t - a spinlock: the firmware's calls are short and never sleep. */
typedef struct {
	volatile uint32_t held;
} sim_mutex_t;

/* One event queue: the host serialises the calls that fill it (see above). */
#define SIM_THREAD_LOCAL

static inline int sim_mutex_init(sim_mutex_t *m)
{
	m->held = 0;
	return 0;
}

static inline void sim_mutex_destroy(sim_mutex_t *m)
{
	(void)m;
}

static inline void sim_mutex_lock(sim_mutex_t *m)
{
	while (__atomic_exchange_n(&m->held, 1u, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&m->held, __ATOMIC_RELAXED))
			;
}

static inline void sim_mutex_unlock(sim_mutex_t *m)
{
	__atomic_store_n(&m->held, 0u, __ATOMIC_RELEASE);
}

/*
 * The models' lock in the firmware: one spinlock, readers and writers alike. Its calls are a
 * few hundred instructions long and come from at most a few CPUs, so spreading readers over
 * slots would buy nothing there.
 */
typedef struct {
	sim_mutex_t m;
} sim_rwlock_t;

static inline int sim_rwlock_init(sim_rwlock_t *l)
{
	return sim_mutex_init(&l->m);
}

static inline void sim_rwlock_destroy(sim_rwlock_t *l)
{
	sim_mutex_destroy(&l->m);
}

static inline uint32_t sim_rwlock_read(sim_rwlock_t *l)
{
	sim_mutex_lock(&l->m);
	return 0;
}

static inline void sim_rwlock_read_end(sim_rwlock_t *l, uint32_t slot)
{
	(void)slot;
	sim_mutex_unlock(&l->m);
}

static inline void sim_rwlock_write(sim_rwlock_t *l)
{
	sim_mutex_lock(&l->m);
}

static inline void sim_rwlock_write_end(sim_rwlock_t *l)
{
	sim_mutex_unlock(&l->m);
}

/**
 * struct sim_env_fs - what the host of the freestanding platform provides.
 * @arena:      where every allocation comes from (kept; 16-byte aligned or it is aligned)
 * @arena_size: its bytes
 * @now_ns:     a monotonic clock in nanoseconds (NULL: time stands still at 0)
 * @log:        where an operator message goes, one line without its newline (NULL: dropped)
 */
struct sim_env_fs {
	void *arena;
	size_t arena_size;
	uint64_t (*now_ns)(void);
	void (*log)(const char *line);
};

/** sim_env_fs_setup() - take @env (copied); every earlier allocation is forgotten. */
void sim_env_fs_setup(const struct sim_env_fs *env);

/**
 * struct sim_env_fs_stats - the arena's use, for a RAM budget.
 * @arena_size: bytes the arena has
 * @in_use:     bytes allocated now, block headers included
 * @peak:       most bytes ever allocated at once
 * @blocks:     allocations not yet freed
 */
struct sim_env_fs_stats {
	size_t arena_size;
	size_t in_use;
	size_t peak;
	size_t blocks;
};

/** sim_env_fs_stats() - the arena's use so far. */
void sim_env_fs_stats(struct sim_env_fs_stats *st);
#else
#include <pthread.h>

typedef pthread_mutex_t sim_mutex_t;

/* Events are queued per thread and delivered by the thread that raised them. */
#define SIM_THREAD_LOCAL _Thread_local

static inline int sim_mutex_init(sim_mutex_t *m)
{
	return pthread_mutex_init(m, NULL);
}

static inline void sim_mutex_destroy(sim_mutex_t *m)
{
	pthread_mutex_destroy(m);
}

static inline void sim_mutex_lock(sim_mutex_t *m)
{
	pthread_mutex_lock(m);
}

static inline void sim_mutex_unlock(sim_mutex_t *m)
{
	pthread_mutex_unlock(m);
}

/* The models' lock on a host, in reader slots: its own header, for its inline fast path. */
#include "platform/sim/env/hosted_rwlock.h"
#endif

/** sim_calloc() - @n zeroed objects of @size bytes, aligned for any type; NULL if none. */
void *sim_calloc(size_t n, size_t size);

/** sim_realloc() - @p (NULL: none) grown or shrunk to @size bytes, as realloc(). */
void *sim_realloc(void *p, size_t size);

/** sim_free() - release what sim_calloc() or sim_realloc() gave. NULL is a no-op. */
void sim_free(void *p);

/** sim_now_ns() - the host's monotonic clock, in nanoseconds. */
uint64_t sim_now_ns(void);

/**
 * sim_snprintf() / sim_vsnprintf() - C99's snprintf: at most @len bytes, NUL included;
 * returns the length the whole output would have. Conversions d i u x X c s p %, flags
 * - 0 + space #, width and precision (also *), lengths hh h l ll z j t.
 */
int sim_snprintf(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int sim_vsnprintf(char *buf, size_t len, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/** sim_log() - one line for the operator (stderr, or the firmware's console); no newline. */
void sim_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* SCMI_SIM_ENV_H */
