/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The fast lane's hand-over (struct optee_sim_lane, scmi/proto/tee_wire.h), shared by the
 * sim backend and the daemon: one side posts a new state and wakes the other only if it
 * sleeps; the other spins on the state a few microseconds, then sleeps on it as a futex.
 * The memory is shared with a process we do not trust: every access is atomic, and a peer
 * that writes garbage into the words can make a wait end early or late, never crash it.
 */
#ifndef SCMI_IPC_LANE_H
#define SCMI_IPC_LANE_H

#include <stdint.h>

/*
 * The most polls of the state before a wait sleeps, each with a pause (about 20 ns on the
 * x86-64 VM this was measured on): some 5 us, about what a wake-up costs there.
 */
#define LANE_SPIN_LIMIT 256
/* The fewest: spinning is re-learnt from here when the peer starts answering quickly. */
#define LANE_SPIN_MIN 8

/**
 * struct lane_spin - one waiter's spin budget (its own memory, never shared). Spinning only
 * pays when the peer runs on another CPU at that moment: on one CPU, or on a loaded machine,
 * every poll is time taken from the peer. So the budget doubles after a wait the spin
 * covered and halves after one that had to sleep; with one CPU it stays 0.
 * @polls: the current budget
 */
struct lane_spin {
	uint32_t polls;
};

/** lane_spin_init() - the starting budget: LANE_SPIN_LIMIT, or 0 if we may run on one CPU. */
void lane_spin_init(struct lane_spin *s);

/**
 * lane_post() - store @value into *@state and wake a sleeper on it if *@peer_waits says
 * one may sleep.
 */
void lane_post(uint32_t *state, const uint32_t *peer_waits, uint32_t value);

/**
 * lane_await() - wait until *@state is @want: spin (@spin's budget, then adjusted), then
 * sleep on it with *@my_waits set,
 * in slices of @slice_ms; whenever a sleep ends without it (the slice ran out, or the word
 * changed to something else), @check(@arg) may end the wait with its non-zero result.
 *
 * Return: 0 when *@state is @want, or what @check returned.
 */
int lane_await(uint32_t *state, uint32_t *my_waits, uint32_t want, struct lane_spin *spin,
	       int slice_ms, int (*check)(void *arg), void *arg);

/** lane_wake() - wake every sleeper on @state, whatever the waits flags say. */
void lane_wake(uint32_t *state);

#endif /* SCMI_IPC_LANE_H */
