/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The SCMI pseudo-TA's command handling, with OP-TEE's exact ABI and
 * parameter checks (include/scmi/proto/pta.h), freestanding: the one copy
 * that both hosts of the PTA run, optee-simd (src/secure/pta_scmi.c: mutexes,
 * peers, fault injection) and the secure firmware (firmware/core: one lock,
 * the normal-world kernel as the only client).
 *
 * Theory of operation. The core is a thin shell around the SCMI server: it
 * checks each command's parameter-type word and its arguments in OP-TEE's
 * order, resolves the channel, asks the host whether the session may drive
 * it, refuses a request larger than OP-TEE's transport takes, and hands the
 * shared memory to the server (through the host, which may wrap the call).
 * Protocol-level problems never show in the TEE result: they travel in the
 * SMT status word or as an SCMI status in the response. The TEE result only
 * says whether the invocation itself made sense.
 *
 * The handle GET_CHANNEL_HANDLE returns is the channel id itself, so a client
 * may skip that command: the peer check runs again on every process command.
 *
 * Storage is the host's (no allocation); the core keeps no mutable state but
 * each channel's counter, updated under the host's serialisation of that
 * channel.
 */
#ifndef SCMI_PTA_SCMI_CORE_H
#define SCMI_PTA_SCMI_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/server/server.h"

#define PTA_SCMI_CORE_NUM_PARAMS 4u

/**
 * The largest request payload, in bytes past the message header, that OP-TEE's SCMI server
 * takes: scmi-msg's SCMI_PLAYLOAD_MAX, derived from a legacy 128-byte SMT slot.
 */
#define PTA_SCMI_OPTEE_MAX_PAYLOAD 92u

/** The core's limit until the host sets one: the server's own bound, no stricter. */
#define PTA_SCMI_DEFAULT_MAX_PAYLOAD SCMI_SERVER_MAX_PAYLOAD

/**
 * struct pta_scmi_param - a parameter as the PTA sees it (GP TEE_Param).
 * @value:  a and b for value types
 * @memref: @buffer points into checked shared memory (NULL for a null memref or size 0);
 *          the PTA writes the output size into @size
 */
struct pta_scmi_param {
	union {
		struct {
			uint32_t a, b;
		} value;
		struct {
			void *buffer;
			size_t size;
		} memref;
	};
};

/**
 * pta_scmi_param_is_memref() - whether parameter @i of GP param-types word @types is a
 * memref (else a value or none): which member of struct pta_scmi_param a host copies.
 */
static inline bool pta_scmi_param_is_memref(uint32_t types, unsigned int i)
{
	uint32_t t = (types >> (4u * i)) & 0xfu;

	return t >= 5u && t <= 7u; /* TEE_PARAM_TYPE_MEMREF_INPUT .. _INOUT */
}

/**
 * struct pta_scmi_chan - one channel the PTA serves (the host's storage).
 * @id:       channel id, also the handle
 * @smt:      its static SMT area as the host maps it; NULL when it has none
 * @smt_size: the area's bytes
 * @served:   messages the server processed on it (SCMI_SERVER_OK); written atomically, as
 *            sessions on one channel may run at once: read it with pta_scmi_chan_served()
 * @host:     the host's own per-channel state (its lock)
 * @known:    the server knows channel @id (set by pta_scmi_core_init(), once: a server's
 *            channels are its platform's, fixed before the PTA is built)
 *
 * Each channel is on cache lines of its own (PTA_SCMI_CHAN_ALIGN; a host that allocates
 * them must align them so), and @served, written on every message, on a line apart from the
 * rest: two channels driven from two CPUs must not bounce a line between them, and the
 * lookup by id reads other channels' first lines.
 */
#define PTA_SCMI_CHAN_ALIGN 64
struct pta_scmi_chan {
	_Alignas(PTA_SCMI_CHAN_ALIGN) uint32_t id;
	volatile void *smt;
	size_t smt_size;
	void *host;
	bool known;
	_Alignas(PTA_SCMI_CHAN_ALIGN) uint32_t served;
};

/**
 * struct pta_scmi_host_ops - what the core asks of its host; every callback gets the
 * host's @ctx. Any may be NULL, with the default given.
 * @peer_allowed: whether session @sess (the host's, from open) may drive channel @ch
 *                (default: every session may)
 * @lock:         serialise channel @ch against other calls on it, around the core's own
 *                reads of its SMT area (default: the host serialises every call)
 * @unlock:       the converse
 * @process_smt:  scmi_server_process_smt() on @ch, serialised with other calls on it
 *                (the daemon adds fault injection; default: the server directly)
 * @process_msg:  likewise for scmi_server_process_msg()
 */
struct pta_scmi_host_ops {
	bool (*peer_allowed)(void *ctx, const void *sess, const struct pta_scmi_chan *ch);
	void (*lock)(void *ctx, struct pta_scmi_chan *ch);
	void (*unlock)(void *ctx, struct pta_scmi_chan *ch);
	enum scmi_server_result (*process_smt)(void *ctx, struct pta_scmi_chan *ch,
					       volatile void *shm, size_t size);
	enum scmi_server_result (*process_msg)(void *ctx, struct pta_scmi_chan *ch,
					       const volatile void *in, size_t in_size,
					       volatile void *out, size_t *out_size);
};

/**
 * struct pta_scmi_core - the PTA. Fill with pta_scmi_core_init().
 * @srv:         the server
 * @caps:        PTA_SCMI_CAPS_* offered
 * @max_payload: request payload refused at the transport above this many bytes, as OP-TEE
 *               refuses more than PTA_SCMI_OPTEE_MAX_PAYLOAD: nothing is processed; an SMT
 *               area gets ERROR|FREE (TEE success), a MSG request BAD_PARAMETERS. The
 *               server's own bound (and the buffer's room) still applies above it
 * @chans:       the channels, sorted by id (the host's storage)
 * @num_chans:   how many
 * @ops:         the host
 * @ctx:         its context
 * @dense:       @chans holds consecutive ids (found by index)
 */
struct pta_scmi_core {
	struct scmi_server *srv;
	uint32_t caps;
	uint32_t max_payload;
	struct pta_scmi_chan *chans;
	size_t num_chans;
	const struct pta_scmi_host_ops *ops;
	void *ctx;
	bool dense;
};

/**
 * pta_scmi_core_init() - the PTA over @srv with @caps (PTA_SCMI_CAPS_*, others dropped), the
 * @n channels of @chans (kept, sorted here by id; ids unique), the host @ops (NULL: every
 * default) with @ctx. max_payload is PTA_SCMI_DEFAULT_MAX_PAYLOAD. Static SMT areas are the
 * host's to initialise (an agent waits for FREE before its first message). @srv must know
 * its channels already: which of @chans it knows is asked here, once.
 */
void pta_scmi_core_init(struct pta_scmi_core *pta, struct scmi_server *srv, uint32_t caps,
			struct pta_scmi_chan *chans, size_t n, const struct pta_scmi_host_ops *ops,
			void *ctx);

/** pta_scmi_core_chan() - channel @id if the server knows it and the PTA has it, else NULL. */
struct pta_scmi_chan *pta_scmi_core_chan(const struct pta_scmi_core *pta, uint32_t id);

/**
 * pta_scmi_core_open() - OPEN_SESSION's verdict for @login: only the REE kernel
 * (TEE_LOGIN_REE_KERNEL) may open the SCMI PTA (TEE_ERROR_ACCESS_DENIED otherwise).
 */
uint32_t pta_scmi_core_open(uint32_t login);

/**
 * pta_scmi_core_invoke() - command @cmd with GP param-types word @types and @p on behalf of
 * session @sess (passed to the host's peer check). Returns a TEE_Result; output values and
 * sizes are written into @p.
 */
uint32_t pta_scmi_core_invoke(struct pta_scmi_core *pta, const void *sess, uint32_t cmd,
			      uint32_t types, struct pta_scmi_param p[PTA_SCMI_CORE_NUM_PARAMS]);

/** pta_scmi_chan_served() - messages served on @ch so far (one atomic read). */
static inline uint32_t pta_scmi_chan_served(const struct pta_scmi_chan *ch)
{
	return __atomic_load_n(&ch->served, __ATOMIC_RELAXED);
}

/** pta_scmi_core_served() - messages served on all channels. */
uint32_t pta_scmi_core_served(const struct pta_scmi_core *pta);

#endif /* SCMI_PTA_SCMI_CORE_H */
