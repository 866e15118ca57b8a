/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Faults on demand: rules that make the SCMI PTA answer late, not at all,
 * wrongly or with an error status, for testing agents (docs/fault-injection.md).
 *
 * A rule is written as a spec string (optee-simd --inject, tests) or as a node
 * of the platform DT (scmi-platform { faults { fault@N { ... }; }; }); both
 * become a struct fault_rule. Once the injector is armed (its first rule), the
 * PTA runs every message through fault_inject_process_smt_with() /
 * fault_inject_process_msg_with() (under its own channel lock), which apply the
 * first rule that fires around the server's own processing; until then it calls
 * the server directly.
 */
#ifndef SCMI_SECURE_FAULT_INJECT_H
#define SCMI_SECURE_FAULT_INJECT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/server/server.h"

struct fault_inject;
struct pta_scmi;
struct secure_world;

/** Rules one injector holds at most. */
#define FAULT_INJECT_MAX_RULES 32u
/** Longest delay (and drop hold) a rule may ask for, in milliseconds. */
#define FAULT_INJECT_MAX_DELAY_MS 60000u
/** How long a dropped message holds the invoke when the rule gives no delay. */
#define FAULT_INJECT_DROP_HOLD_MS 1000u
/** Match any channel, protocol or message. */
#define FAULT_ANY (-1)

/** enum fault_action - what a rule does to a message once it fires. */
enum fault_action {
	FAULT_ACT_DELAY = 0, /* only the delay: processed normally, answered late */
	FAULT_ACT_DROP,	     /* not processed, no reply written (the invoke is held) */
	FAULT_ACT_CORRUPT,   /* processed, then the reply is damaged */
	FAULT_ACT_STATUS,    /* not processed; the reply carries only the given status */
};

/** enum fault_corrupt - which part of the reply a corrupt rule damages. */
enum fault_corrupt {
	FAULT_CORRUPT_TOKEN = 0, /* header token XOR mask (default 0x1) */
	FAULT_CORRUPT_LENGTH,	 /* length claims 4 bytes more than the buffer holds */
	FAULT_CORRUPT_SHORT,	 /* length cut to the header alone: no status word */
	FAULT_CORRUPT_PAYLOAD,	 /* return-value byte at offset XOR mask (default 0xff) */
};

/**
 * struct fault_rule - one fault.
 * @channel:  channel id, or FAULT_ANY
 * @protocol: protocol id, or FAULT_ANY
 * @message:  message id, or FAULT_ANY
 * @delay_ms: wait this long before processing (drop: how long the invoke is held)
 * @action:   what to do
 * @corrupt:  FAULT_ACT_CORRUPT: what to damage
 * @offset:   FAULT_CORRUPT_PAYLOAD: byte offset into the return values (after the status)
 * @xor:      FAULT_CORRUPT_TOKEN / _PAYLOAD: bits to flip (0: the default)
 * @status:   FAULT_ACT_STATUS: the SCMI status to answer
 * @every:    fire on every Nth matching message (1: each); 0 when @prob_ppm is used
 * @prob_ppm: fire with this probability in parts per million (when @every is 0)
 * @seed:     seed of the rule's PRNG (prob): the same seed gives the same choices
 */
struct fault_rule {
	int32_t channel;
	int32_t protocol;
	int32_t message;
	uint32_t delay_ms;
	enum fault_action action;
	enum fault_corrupt corrupt;
	uint32_t offset;
	uint32_t xor ;
	int32_t status;
	uint32_t every;
	uint32_t prob_ppm;
	uint64_t seed;
};

/**
 * fault_rule_parse() - parse spec @spec into @out, e.g.
 * "channel=0,proto=0x14,msg=0x6,delay=100,every=3". Returns 0, or -EINVAL with a
 * one-line reason in @err. Grammar: docs/fault-injection.md.
 */
int fault_rule_parse(const char *spec, struct fault_rule *out, char *err, size_t err_len);

/** fault_rule_check() - whether a rule built by hand is one a spec could say; -EINVAL. */
int fault_rule_check(const struct fault_rule *r, char *err, size_t err_len);

/** fault_rule_format() - @r as a canonical spec string into @buf; returns @buf. */
char *fault_rule_format(const struct fault_rule *r, char *buf, size_t len);

/** fault_inject_new() - an injector with no rules; NULL when out of memory. */
struct fault_inject *fault_inject_new(void);

/** fault_inject_free() - free @fi; no message may be in flight. NULL is a no-op. */
void fault_inject_free(struct fault_inject *fi);

/**
 * fault_inject_add_rule() - append @r (checked as the parser checks). Safe while messages
 * flow. Returns 0, -EINVAL for a bad rule, -ENOSPC when FAULT_INJECT_MAX_RULES are set.
 */
int fault_inject_add_rule(struct fault_inject *fi, const struct fault_rule *r);

/** fault_inject_add() - parse @spec and add it; -errno with a reason in @err. */
int fault_inject_add(struct fault_inject *fi, const char *spec, char *err, size_t err_len);

/** fault_inject_clear() - remove every rule (counters too). */
void fault_inject_clear(struct fault_inject *fi);

/**
 * fault_inject_armed() - whether @fi has a rule (set by the first rule added, cleared by
 * fault_inject_clear()): the PTA routes messages through fault_inject_process_*() only
 * then. Lock-free; false for a NULL @fi.
 */
bool fault_inject_armed(struct fault_inject *fi);

/**
 * fault_inject_armed_flag() - where fault_inject_armed() of @fi reads (a false that never
 * changes for a NULL @fi), for a caller on a hot path to read it with
 * __atomic_load_n(flag, __ATOMIC_ACQUIRE) and no call. Valid while @fi lives.
 */
const bool *fault_inject_armed_flag(struct fault_inject *fi);

/**
 * fault_inject_entered() - messages that came through fault_inject_process_smt*() or
 * fault_inject_process_msg*() of @fi since it was made (0 for NULL): proves that an
 * unarmed injector costs the message path nothing.
 */
uint64_t fault_inject_entered(struct fault_inject *fi);

/** fault_inject_num_rules() - rules set. */
size_t fault_inject_num_rules(struct fault_inject *fi);

/**
 * fault_inject_stats() - messages rule @idx matched (@seen) and how many it hit (@hits).
 * Either pointer may be NULL. -ENOENT for no such rule.
 */
int fault_inject_stats(struct fault_inject *fi, size_t idx, uint64_t *seen, uint64_t *hits);

/**
 * fault_inject_load_dt() - add the rules of the `faults` node of the scmi-optee,platform
 * node in DTB @fdt of @size bytes. No such node: 0, nothing added. A bad node: -EINVAL
 * with a reason naming the node in @err, nothing added.
 */
int fault_inject_load_dt(struct fault_inject *fi, const void *fdt, size_t size, char *err,
			 size_t err_len);

/** fault_inject_load_dt_file() - read DTB @path and fault_inject_load_dt() it. */
int fault_inject_load_dt_file(struct fault_inject *fi, const char *path, char *err, size_t err_len);

/**
 * struct fault_chan_lock - a channel's lock as the injector takes it, whatever its kind:
 * @lock(@arg) takes it, @unlock(@arg) gives it back.
 */
struct fault_chan_lock {
	void (*lock)(void *arg);
	void (*unlock)(void *arg);
	void *arg;
};

/**
 * fault_inject_process_smt_with() - scmi_server_process_smt() on @channel under @lk, with
 * the faults of @fi applied (a NULL @fi or no rules: exactly the plain call).
 * Delays and drop holds are slept before @lk is taken, so that a late message never
 * stalls the channel's next one.
 */
enum scmi_server_result fault_inject_process_smt_with(struct fault_inject *fi,
						      struct scmi_server *srv, uint32_t channel,
						      volatile void *shm, size_t shm_size,
						      const struct fault_chan_lock *lk);

/**
 * fault_inject_process_msg_with() - scmi_server_process_msg() on @channel under @lk, with
 * the faults of @fi applied. A dropped message returns SCMI_SERVER_OK with *@out_size 0;
 * an oversized reply sets *@out_size beyond the room the buffer had. No reply buffer
 * (@out or @out_size NULL): no rule applies, the plain call's SCMI_SERVER_ERR_PARAMS.
 */
enum scmi_server_result fault_inject_process_msg_with(struct fault_inject *fi,
						      struct scmi_server *srv, uint32_t channel,
						      const volatile void *in, size_t in_size,
						      volatile void *out, size_t *out_size,
						      const struct fault_chan_lock *lk);

/** fault_inject_process_smt() - fault_inject_process_smt_with() under a pthread mutex. */
enum scmi_server_result fault_inject_process_smt(struct fault_inject *fi, struct scmi_server *srv,
						 uint32_t channel, volatile void *shm,
						 size_t shm_size, pthread_mutex_t *lock);

/** fault_inject_process_msg() - fault_inject_process_msg_with() under a pthread mutex. */
enum scmi_server_result fault_inject_process_msg(struct fault_inject *fi, struct scmi_server *srv,
						 uint32_t channel, const volatile void *in,
						 size_t in_size, volatile void *out,
						 size_t *out_size, pthread_mutex_t *lock);

/*
 * Defined beside the objects they reach into (their own headers are not ours to
 * extend): the PTA's injector, and the secure world's.
 */

/** pta_scmi_set_faults() - make @pta apply @fi (NULL: none); @fi must outlive @pta. */
void pta_scmi_set_faults(struct pta_scmi *pta, struct fault_inject *fi);

/** secure_world_faults() - the injector of @w (built from the platform DT's faults node). */
struct fault_inject *secure_world_faults(struct secure_world *w);

#endif /* SCMI_SECURE_FAULT_INJECT_H */
