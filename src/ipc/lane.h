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

#include <stdbool.h>
#include <stdint.h>

/*
 * The most polls of the state before a wait sleeps, each with a pause (about 20 ns on the
 * x86-64 VM this was measured on): some 5 us, about what a wake-up costs there.
 */
#define LANE_SPIN_LIMIT 256
/* The fewest: spinning is re-learnt from here when the peer starts answering quickly. */
#define LANE_SPIN_MIN 8
/*
 * Every this many waits, one spins LANE_SPIN_LIMIT whatever the budget: at the floor no round
 * trip fits in the budget, so without a probe a waiter whose peer has since moved to another
 * CPU would sleep for good. On one CPU a probe costs some 5 us in this many hand-offs.
 */
#define LANE_SPIN_PROBE 32

/**
 * struct lane_spin - one waiter's spin budget (its own memory, never shared). Spinning only
 * pays when the peer runs on another CPU at that moment: on one CPU, or on a loaded machine,
 * every poll is time taken from the peer. So the budget grows after a wait the spin covered
 * and halves after one that had to sleep; with one CPU it stays 0.
 * @polls: the current budget
 * @waits: waits counted since the budget fell below LANE_SPIN_LIMIT, for the probes
 */
struct lane_spin {
	uint32_t polls;
	uint32_t waits;
};

/** lane_spin_init() - the starting budget: LANE_SPIN_LIMIT, or 0 if we may run on one CPU. */
void lane_spin_init(struct lane_spin *s);

/**
 * lane_spin_polls() - the polls the next wait may spend: the budget, or LANE_SPIN_LIMIT every
 * LANE_SPIN_PROBE-th wait while the budget is below it; 0 always on one CPU.
 */
uint32_t lane_spin_polls(struct lane_spin *s);

/**
 * lane_spin_learn() - after a wait: one the spin @covered (after @used polls) sets the budget
 * to twice the old one or twice what it took, whichever is more, at most LANE_SPIN_LIMIT; one
 * that slept halves it, down to LANE_SPIN_MIN. A budget of 0 stays 0.
 */
void lane_spin_learn(struct lane_spin *s, bool covered, uint32_t used);

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
