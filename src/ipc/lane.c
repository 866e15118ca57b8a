// SPDX-License-Identifier: BSD-3-Clause
/*
 * The fast lane's hand-over (lane.h). A lost wake-up is what must never happen: the poster
 * stores the state and then reads the waits flag, the waiter stores its flag and then reads
 * the state, both sequentially consistent, so at least one of them sees the other's store;
 * and FUTEX_WAIT itself sleeps only if the state still holds the value the waiter last saw.
 * Shared (not private) futexes: the two sides are different processes.
 */
#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "ipc/lane.h"

/*
 * Under ThreadSanitizer: the two sides of a lane reach its words through two mappings of one
 * memory object, at two addresses, so the sanitizer cannot pair a post with the wait it ends
 * when both sides run in one process (as tests run them). One edge for every lane stands in
 * for that: a post releases it, a wait that saw its state acquires it. The price: under the
 * sanitizer any lane's post also orders before any other lane's later wait, so a race between
 * two lanes' threads that such a pair happens to separate goes unseen.
 */
#if defined(__SANITIZE_THREAD__)
#define LANE_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define LANE_TSAN 1
#endif
#endif
#ifdef LANE_TSAN
#include <sanitizer/tsan_interface.h>
static char lane_tsan_edge;
#define lane_tsan_release() __tsan_release(&lane_tsan_edge)
#define lane_tsan_acquire() __tsan_acquire(&lane_tsan_edge)
#else
#define lane_tsan_release() ((void)0)
#define lane_tsan_acquire() ((void)0)
#endif

static void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ volatile("yield");
#endif
}

void lane_post(uint32_t *state, const uint32_t *peer_waits, uint32_t value)
{
	lane_tsan_release();
	__atomic_store_n(state, value, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(peer_waits, __ATOMIC_SEQ_CST))
		syscall(SYS_futex, state, FUTEX_WAKE, 1, NULL, NULL, 0);
}

void lane_wake(uint32_t *state)
{
	syscall(SYS_futex, state, FUTEX_WAKE, 1 << 30, NULL, NULL, 0);
}

void lane_spin_init(struct lane_spin *s)
{
	cpu_set_t set;

	s->polls = LANE_SPIN_LIMIT;
	s->waits = 0;
	if (sched_getaffinity(0, sizeof(set), &set) || CPU_COUNT(&set) < 2)
		s->polls = 0;
}

uint32_t lane_spin_polls(struct lane_spin *s)
{
	if (!s->polls || s->polls >= LANE_SPIN_LIMIT)
		return s->polls;
	return ++s->waits % LANE_SPIN_PROBE ? s->polls : LANE_SPIN_LIMIT;
}

void lane_spin_learn(struct lane_spin *s, bool covered, uint32_t used)
{
	uint32_t n;

	if (!s->polls)
		return;
	if (covered) {
		n = s->polls * 2 > (used + 1) * 2 ? s->polls * 2 : (used + 1) * 2;
		s->polls = n > LANE_SPIN_LIMIT ? LANE_SPIN_LIMIT : n;
	} else {
		s->polls = s->polls / 2 < LANE_SPIN_MIN ? LANE_SPIN_MIN : s->polls / 2;
	}
}

/* my_waits is written, through __atomic_store_n, which clang-tidy does not count. */
// NOLINTNEXTLINE(readability-non-const-parameter)
int lane_await(uint32_t *state, uint32_t *my_waits, uint32_t want, struct lane_spin *spin,
	       int slice_ms, int (*check)(void *arg), void *arg)
{
	struct timespec slice = {.tv_sec = slice_ms / 1000,
				 .tv_nsec = (slice_ms % 1000) * 1000000L};
	uint32_t v, i, polls = lane_spin_polls(spin);
	int rc = 0;

	for (i = 0; i < polls; i++) {
		if (__atomic_load_n(state, __ATOMIC_ACQUIRE) == want) {
			lane_spin_learn(spin, true, i);
			lane_tsan_acquire();
			return 0;
		}
		cpu_relax();
	}
	lane_spin_learn(spin, false, 0);
	__atomic_store_n(my_waits, 1, __ATOMIC_SEQ_CST);
	while ((v = __atomic_load_n(state, __ATOMIC_SEQ_CST)) != want) {
		/* Any return, not only a timeout: a peer flipping the word must not starve check.
		 */
		syscall(SYS_futex, state, FUTEX_WAIT, v, &slice, NULL, 0);
		if (__atomic_load_n(state, __ATOMIC_SEQ_CST) != want && (rc = check(arg)) != 0)
			break;
	}
	__atomic_store_n(my_waits, 0, __ATOMIC_RELAXED);
	if (!rc)
		lane_tsan_acquire();
	return rc;
}
