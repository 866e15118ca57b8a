/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A lock in one 32-bit word: 0 free, 1 held, 2 held with waiters (Drepper, "Futexes are
 * tricky", mutex 3). What a pthread mutex does for a caller that must wait, for a
 * compare-and-swap each way when nobody does: for locks on every message's path (the PTA's
 * channels, the simulated platform's reader slots). Private futexes: the word must not be in
 * memory shared between processes.
 */
#ifndef SCMI_IPC_FUTEX_LOCK_H
#define SCMI_IPC_FUTEX_LOCK_H

#include <linux/futex.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The contended path, out of the callers' way. */
static inline __attribute__((cold)) void futex_lock_wait(uint32_t *w, uint32_t c)
{
	if (c != 2)
		c = __atomic_exchange_n(w, 2u, __ATOMIC_ACQUIRE);
	while (c != 0) {
		syscall(SYS_futex, w, FUTEX_WAIT_PRIVATE, 2u, NULL, NULL, 0);
		c = __atomic_exchange_n(w, 2u, __ATOMIC_ACQUIRE);
	}
}

/** futex_lock() - take @w, sleeping while another holds it. */
static inline void futex_lock(uint32_t *w)
{
	uint32_t c = 0;

	if (!__atomic_compare_exchange_n(w, &c, 1u, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		futex_lock_wait(w, c);
}

/** futex_trylock() - take @w if it is free: true if taken. */
/* NOLINTNEXTLINE(readability-non-const-parameter): the compare-and-swap writes it */
static inline bool futex_trylock(uint32_t *w)
{
	uint32_t c = 0;

	return __atomic_compare_exchange_n(w, &c, 1u, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/** futex_unlock() - release @w, waking one waiter if any sleeps. */
static inline void futex_unlock(uint32_t *w)
{
	if (__atomic_exchange_n(w, 0u, __ATOMIC_RELEASE) != 1)
		syscall(SYS_futex, w, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

#endif
