// SPDX-License-Identifier: BSD-3-Clause
/*
 * The fault injector and the PTA's way through it.
 *
 * Theory of operation. Rules live in a fixed table (no reallocation, so rules
 * may be added while messages flow) guarded by one mutex that also guards
 * every rule's counters and PRNG: a decision is a few compares under it, so
 * concurrent channels see a consistent count and a deterministic sequence.
 * A message is matched against the rules in order (channel, then protocol and
 * message read from the header the agent wrote); each matching rule counts
 * it, and the first one that fires decides. Its delay is slept before the
 * channel lock is taken, so the channel's next message never waits behind a
 * late one. Then:
 *  - delay only:  processed as usual;
 *  - drop:        not processed, nothing written; the invoke returns after the
 *                 delay (FAULT_INJECT_DROP_HOLD_MS if none), which for an agent
 *                 with a shorter timeout is never; an SMT area still holding the
 *                 message is then handed back with ERROR|FREE (MSG: no bytes);
 *  - status:      not processed (a busy platform did nothing), the reply is the
 *                 header and that status alone;
 *  - corrupt:     processed, then the reply is damaged before the invoke returns.
 * No rule, or no injector: exactly the plain server call under the lock. The
 * PTA does not even come here until the injector is armed (the first rule
 * added): with no rules a message reads no header and takes no decision.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scmi/proto/header.h"
#include "scmi/proto/msg.h"
#include "scmi/proto/smt.h"
#include "secure/fault_inject.h"
#include "secure/msg_tap.h"

/**
 * struct fault_slot - a rule and its state.
 * @rule: the rule
 * @seen: messages it matched
 * @hits: times it fired
 * @prng: splitmix64 state (prob rules)
 */
struct fault_slot {
	struct fault_rule rule;
	uint64_t seen;
	uint64_t hits;
	uint64_t prng;
};

/**
 * struct fault_inject - the injector.
 * @lock:    guards everything below but @armed and @entered
 * @num:     rules set (also read without @lock, atomically, for the no-rule fast path)
 * @armed:   a rule is set: the PTA routes messages here (atomic, fault_inject_armed())
 * @entered: messages that came through fault_inject_process_*() (atomic)
 * @slots:   the rules, in order
 */
struct fault_inject {
	pthread_mutex_t lock;
	size_t num;
	bool armed;
	uint64_t entered;
	struct fault_slot slots[FAULT_INJECT_MAX_RULES];
};

struct fault_inject *fault_inject_new(void)
{
	struct fault_inject *fi = calloc(1, sizeof(*fi));

	if (!fi)
		return NULL;
	if (pthread_mutex_init(&fi->lock, NULL)) {
		free(fi);
		return NULL;
	}
	return fi;
}

void fault_inject_free(struct fault_inject *fi)
{
	if (!fi)
		return;
	pthread_mutex_destroy(&fi->lock);
	free(fi);
}

int fault_inject_add_rule(struct fault_inject *fi, const struct fault_rule *r)
{
	struct fault_slot *s;
	int rc = 0;

	if (!fi || !r || fault_rule_check(r, NULL, 0))
		return -EINVAL;
	pthread_mutex_lock(&fi->lock);
	if (fi->num == FAULT_INJECT_MAX_RULES) {
		rc = -ENOSPC;
		goto out;
	}
	s = &fi->slots[fi->num];
	memset(s, 0, sizeof(*s));
	s->rule = *r;
	s->prng = r->seed;
	__atomic_store_n(&fi->num, fi->num + 1, __ATOMIC_RELEASE);
	__atomic_store_n(&fi->armed, true, __ATOMIC_RELEASE);
out:
	pthread_mutex_unlock(&fi->lock);
	return rc;
}

int fault_inject_add(struct fault_inject *fi, const char *spec, char *err, size_t err_len)
{
	struct fault_rule r;
	int rc;

	rc = fault_rule_parse(spec, &r, err, err_len);
	if (rc)
		return rc;
	rc = fault_inject_add_rule(fi, &r);
	if (rc == -ENOSPC && err && err_len)
		snprintf(err, err_len, "fault: more than %u rules", FAULT_INJECT_MAX_RULES);
	return rc;
}

void fault_inject_clear(struct fault_inject *fi)
{
	if (!fi)
		return;
	pthread_mutex_lock(&fi->lock);
	__atomic_store_n(&fi->num, 0, __ATOMIC_RELEASE);
	__atomic_store_n(&fi->armed, false, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&fi->lock);
}

bool fault_inject_armed(struct fault_inject *fi)
{
	return fi && __atomic_load_n(&fi->armed, __ATOMIC_ACQUIRE);
}

const bool *fault_inject_armed_flag(struct fault_inject *fi)
{
	static const bool never;

	return fi ? &fi->armed : &never;
}

uint64_t fault_inject_entered(struct fault_inject *fi)
{
	return fi ? __atomic_load_n(&fi->entered, __ATOMIC_RELAXED) : 0;
}

/* Counts a message into the machinery (fault_inject_entered(), for the tests). */
static void note_entry(struct fault_inject *fi)
{
	if (fi)
		__atomic_fetch_add(&fi->entered, 1, __ATOMIC_RELAXED);
}

size_t fault_inject_num_rules(struct fault_inject *fi)
{
	return fi ? __atomic_load_n(&fi->num, __ATOMIC_ACQUIRE) : 0;
}

int fault_inject_stats(struct fault_inject *fi, size_t idx, uint64_t *seen, uint64_t *hits)
{
	int rc = 0;

	if (!fi)
		return -ENOENT;
	pthread_mutex_lock(&fi->lock);
	if (idx >= fi->num) {
		rc = -ENOENT;
	} else {
		if (seen)
			*seen = fi->slots[idx].seen;
		if (hits)
			*hits = fi->slots[idx].hits;
	}
	pthread_mutex_unlock(&fi->lock);
	return rc;
}

/* splitmix64: tiny, seedable with any value, good enough to pick faults. */
static uint64_t prng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static bool rule_matches(const struct fault_rule *r, uint32_t channel, bool has_hdr, uint32_t hdr)
{
	if (r->channel != FAULT_ANY && (uint32_t)r->channel != channel)
		return false;
	if (r->protocol != FAULT_ANY &&
	    (!has_hdr ||
	     (uint32_t)r->protocol != ((hdr >> SCMI_HDR_PROTO_SHIFT) & SCMI_HDR_PROTO_MASK)))
		return false;
	if (r->message != FAULT_ANY &&
	    (!has_hdr || (uint32_t)r->message != (hdr & SCMI_HDR_MSG_ID_MASK)))
		return false;
	return true;
}

/* The rule that fires for this message, copied into @out; false if none. */
static bool decide(struct fault_inject *fi, uint32_t channel, bool has_hdr, uint32_t hdr,
		   struct fault_rule *out)
{
	bool fire = false;

	pthread_mutex_lock(&fi->lock);
	for (size_t i = 0; i < fi->num && !fire; i++) {
		struct fault_slot *s = &fi->slots[i];

		if (!rule_matches(&s->rule, channel, has_hdr, hdr))
			continue;
		s->seen++;
		if (s->rule.every)
			fire = s->seen % s->rule.every == 0;
		else
			fire = ((prng_next(&s->prng) >> 32) * 1000000ull >> 32) < s->rule.prob_ppm;
		if (fire) {
			s->hits++;
			*out = s->rule;
		}
	}
	pthread_mutex_unlock(&fi->lock);
	return fire;
}

static void sleep_ms(uint32_t ms)
{
	struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* Sleep what the rule asks before the message is looked at; false: drop it. */
static bool wait_and_keep(const struct fault_rule *r)
{
	if (r->action == FAULT_ACT_DROP) {
		sleep_ms(r->delay_ms ? r->delay_ms : FAULT_INJECT_DROP_HOLD_MS);
		return false;
	}
	if (r->delay_ms)
		sleep_ms(r->delay_ms);
	return true;
}

static uint32_t token_flip(const struct fault_rule *r)
{
	uint32_t mask = r->xor &SCMI_HDR_TOKEN_MASK;

	return (mask ? mask : 1u) << SCMI_HDR_TOKEN_SHIFT;
}

/* Flip the bytes of r->xor (LE, default 0xff) into return values @ret of @len bytes. */
static void payload_flip(const struct fault_rule *r, volatile uint8_t *ret, size_t len)
{
	uint32_t mask = r->xor ? r->xor : 0xffu;

	for (size_t i = 0; i < 4; i++) {
		uint8_t b = (uint8_t)(mask >> (8 * i));

		if (b && r->offset + i < len)
			ret[r->offset + i] ^= b;
	}
}

/* Whether the agent handed the area over with a message the server would accept. */
static bool smt_handed_over(volatile void *shm, size_t size)
{
	uint32_t len;

	if (!shm || ((uintptr_t)shm & 3) || size < SCMI_SMT_HDR_SIZE + 4)
		return false;
	if (scmi_smt_read32(shm, SCMI_SMT_OFF_STATUS) &
	    (SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR))
		return false;
	len = scmi_smt_read32(shm, SCMI_SMT_OFF_LENGTH);
	return len >= 4 && len - 4 <= size - SCMI_SMT_HDR_SIZE;
}

static void smt_answer_status(volatile void *shm, int32_t status)
{
	scmi_smt_write32(shm, SCMI_SMT_OFF_PAYLOAD, (uint32_t)status);
	scmi_smt_write32(shm, SCMI_SMT_OFF_LENGTH, 8);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	scmi_smt_write32(shm, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
}

static void smt_corrupt(const struct fault_rule *r, volatile void *shm, size_t size)
{
	uint32_t st, len;

	if (!shm || size < SCMI_SMT_HDR_SIZE + 4)
		return;
	st = scmi_smt_read32(shm, SCMI_SMT_OFF_STATUS);
	if (!(st & SCMI_SMT_STATUS_FREE) || (st & SCMI_SMT_STATUS_ERROR))
		return; /* refused by the server: there is no reply to damage */
	len = scmi_smt_read32(shm, SCMI_SMT_OFF_LENGTH);
	switch (r->corrupt) {
	case FAULT_CORRUPT_TOKEN:
		scmi_smt_write32(shm, SCMI_SMT_OFF_HEADER,
				 scmi_smt_read32(shm, SCMI_SMT_OFF_HEADER) ^ token_flip(r));
		break;
	case FAULT_CORRUPT_LENGTH:
		/* The largest honest length is size - OFF_HEADER: claim 4 bytes more. */
		scmi_smt_write32(shm, SCMI_SMT_OFF_LENGTH,
				 (uint32_t)(size - SCMI_SMT_OFF_HEADER + 4));
		break;
	case FAULT_CORRUPT_SHORT:
		scmi_smt_write32(shm, SCMI_SMT_OFF_LENGTH, 4);
		break;
	case FAULT_CORRUPT_PAYLOAD:
		if (len >= 8 && len - 4 <= size - SCMI_SMT_HDR_SIZE)
			payload_flip(r, (volatile uint8_t *)shm + SCMI_SMT_OFF_PAYLOAD + 4,
				     len - 8);
		break;
	}
}

enum scmi_server_result fault_inject_process_smt_with(struct fault_inject *fi,
						      struct scmi_server *srv, uint32_t channel,
						      volatile void *shm, size_t shm_size,
						      const struct fault_chan_lock *lk)
{
	enum scmi_server_result res;
	struct fault_rule r;
	bool has_hdr = shm && !((uintptr_t)shm & 3) && shm_size >= SCMI_SMT_HDR_SIZE;
	uint32_t hdr = has_hdr ? scmi_smt_read32(shm, SCMI_SMT_OFF_HEADER) : 0;
	bool fired = false;

	note_entry(fi);
	/* Traced and captured as they cross the door: the answer the agent gets, if any. */
	msg_tap_smt(srv, channel, MSG_TAP_A2P, shm, shm_size);
	if (fault_inject_num_rules(fi))
		fired = decide(fi, channel, has_hdr, hdr, &r);
	if (fired && !wait_and_keep(&r)) {
		/*
		 * Dropped: for the hold the area stayed the platform's, unanswered. Now give
		 * it back as the server gives back a message it refuses (ERROR|FREE), so that
		 * the channel is not lost for good; only if it still holds that message, as
		 * the agent may have reclaimed it and sent another meanwhile.
		 */
		lk->lock(lk->arg);
		if (smt_handed_over(shm, shm_size) &&
		    scmi_smt_read32(shm, SCMI_SMT_OFF_HEADER) == hdr)
			scmi_smt_write32(shm, SCMI_SMT_OFF_STATUS,
					 SCMI_SMT_STATUS_ERROR | SCMI_SMT_STATUS_FREE);
		lk->unlock(lk->arg);
		return SCMI_SERVER_OK;
	}

	lk->lock(lk->arg);
	if (fired && r.action == FAULT_ACT_STATUS && smt_handed_over(shm, shm_size)) {
		smt_answer_status(shm, r.status);
		res = SCMI_SERVER_OK;
	} else {
		res = scmi_server_process_smt(srv, channel, shm, shm_size);
		if (fired && r.action == FAULT_ACT_CORRUPT && res == SCMI_SERVER_OK)
			smt_corrupt(&r, shm, shm_size);
	}
	if (res == SCMI_SERVER_OK)
		msg_tap_smt(srv, channel, MSG_TAP_P2A, shm, shm_size);
	lk->unlock(lk->arg);
	return res;
}

static uint32_t vget_le32(const volatile uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void vput_le32(volatile uint8_t *p, uint32_t v)
{
	for (size_t i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void msg_corrupt(const struct fault_rule *r, volatile uint8_t *out, size_t room,
			size_t *out_size)
{
	if (*out_size < SCMI_MSG_RESP_OVERHEAD)
		return;
	switch (r->corrupt) {
	case FAULT_CORRUPT_TOKEN:
		vput_le32(out, vget_le32(out) ^ token_flip(r));
		break;
	case FAULT_CORRUPT_LENGTH:
		*out_size = room + 4;
		break;
	case FAULT_CORRUPT_SHORT:
		*out_size = SCMI_MSG_HDR_SIZE;
		break;
	case FAULT_CORRUPT_PAYLOAD:
		payload_flip(r, out + SCMI_MSG_OFF_RETURN, *out_size - SCMI_MSG_RESP_OVERHEAD);
		break;
	}
}

enum scmi_server_result fault_inject_process_msg_with(struct fault_inject *fi,
						      struct scmi_server *srv, uint32_t channel,
						      const volatile void *in, size_t in_size,
						      volatile void *out, size_t *out_size,
						      const struct fault_chan_lock *lk)
{
	const volatile uint8_t *req = in;
	volatile uint8_t *resp = out;
	enum scmi_server_result res;
	size_t room;
	struct fault_rule r;
	bool has_hdr = in && in_size >= SCMI_MSG_HDR_SIZE;
	bool fired = false;

	note_entry(fi);
	if (!out || !out_size) {
		/* No reply buffer: nothing to fault, and the plain call refuses it. */
		lk->lock(lk->arg);
		res = msg_tap_process_msg(srv, channel, in, in_size, out, out_size);
		lk->unlock(lk->arg);
		return res;
	}
	room = *out_size;
	/* Traced and captured as they cross the door: the answer the agent gets, if any. */
	if (in)
		msg_tap_msg(srv, channel, MSG_TAP_A2P, in, in_size);
	if (fault_inject_num_rules(fi))
		fired = decide(fi, channel, has_hdr, has_hdr ? vget_le32(req) : 0, &r);
	if (fired && !wait_and_keep(&r)) {
		*out_size = 0; /* dropped: no reply at all */
		return SCMI_SERVER_OK;
	}

	lk->lock(lk->arg);
	if (fired && r.action == FAULT_ACT_STATUS && has_hdr && room >= SCMI_MSG_RESP_OVERHEAD) {
		/* Read the header first: @in and @out may be one buffer. */
		uint32_t hdr = vget_le32(req);

		vput_le32(resp, hdr);
		vput_le32(resp + SCMI_MSG_OFF_STATUS, (uint32_t)r.status);
		*out_size = SCMI_MSG_RESP_OVERHEAD;
		res = SCMI_SERVER_OK;
	} else {
		res = scmi_server_process_msg(srv, channel, in, in_size, out, out_size);
		if (fired && r.action == FAULT_ACT_CORRUPT && res == SCMI_SERVER_OK)
			msg_corrupt(&r, resp, room, out_size);
	}
	/* A corrupt length claims more than the buffer: tap what the buffer holds. */
	if (res == SCMI_SERVER_OK)
		msg_tap_msg(srv, channel, MSG_TAP_P2A, resp, *out_size < room ? *out_size : room);
	lk->unlock(lk->arg);
	return res;
}

static void mutex_lock(void *m)
{
	pthread_mutex_lock(m);
}

static void mutex_unlock(void *m)
{
	pthread_mutex_unlock(m);
}

enum scmi_server_result fault_inject_process_smt(struct fault_inject *fi, struct scmi_server *srv,
						 uint32_t channel, volatile void *shm,
						 size_t shm_size, pthread_mutex_t *lock)
{
	const struct fault_chan_lock lk = {.lock = mutex_lock, .unlock = mutex_unlock, .arg = lock};

	return fault_inject_process_smt_with(fi, srv, channel, shm, shm_size, &lk);
}

enum scmi_server_result fault_inject_process_msg(struct fault_inject *fi, struct scmi_server *srv,
						 uint32_t channel, const volatile void *in,
						 size_t in_size, volatile void *out,
						 size_t *out_size, pthread_mutex_t *lock)
{
	const struct fault_chan_lock lk = {.lock = mutex_lock, .unlock = mutex_unlock, .arg = lock};

	return fault_inject_process_msg_with(fi, srv, channel, in, in_size, out, out_size, &lk);
}
