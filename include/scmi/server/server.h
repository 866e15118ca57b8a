/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The SCMI server core: portable, freestanding C (no malloc, no stdio; only
 * <stdint.h> <stddef.h> <stdbool.h> <string.h>), to drop into firmware.
 *
 * Theory of operation. A transport entry (SMT area or MSG buffers) maps the
 * channel to its agent (once per message), copies the request out of shared
 * memory once, in words (a hostile agent may rewrite it meanwhile), bounds
 * every length, and builds a struct scmi_server_msg. Dispatch finds the
 * protocol's handler table by id, checks the message id and the exact request
 * size in one central place (scmi_server_dispatch), then calls the handler,
 * which appends return values to the response through helpers bounded by the
 * room the real shared memory has. The SMT and MSG entries let the handler
 * write the response in place: the server never reads it back.
 *
 * Everything the server knows about the platform comes through struct
 * scmi_server_platform_ops, so a simulated and a real platform can both
 * back it, in one binary if need be. What the platform says of protocols
 * (their versions, which agent sees which) is fixed once it is loaded, so the
 * server asks once and remembers it in struct scmi_server.
 *
 * Concurrency: the core keeps no mutable global state, only the per-server
 * state of struct scmi_server, accessed atomically; two different channels
 * may be processed in parallel. The caller serialises calls on one channel.
 */
#ifndef SCMI_SERVER_SERVER_H
#define SCMI_SERVER_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/proto/ids.h"
#include "scmi/proto/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest request payload copied in, and largest response payload built (status included). */
#define SCMI_SERVER_MAX_PAYLOAD 256u

/* Agents the server keeps per-agent state for (ids 1..SCMI_SERVER_MAX_AGENTS). */
#define SCMI_SERVER_MAX_AGENTS 64u
/* Standard protocols 0x10..0x1f: found by id, with per-agent negotiated versions. */
#define SCMI_SERVER_STD_PROTOCOLS 16u

/* Per-protocol platform ops; each is defined in include/scmi/server/<protocol>.h. */
struct scmi_server_base_ops;
struct scmi_server_power_ops;
struct scmi_server_system_ops;
struct scmi_server_perf_ops;
struct scmi_server_clock_ops;
struct scmi_server_sensor_ops;
struct scmi_server_reset_ops;
struct scmi_server_voltage_ops;
struct scmi_server_powercap_ops;
struct scmi_server_pinctrl_ops;

/**
 * struct scmi_server_platform_ops - what the server asks of the platform.
 * Every callback gets the @plat pointer given to scmi_server_init(). Names are
 * written NUL-padded into 16-byte buffers (SCMI_SHORT_NAME_SIZE).
 *
 * @channel_agent:      the agent a channel belongs to; false if the channel is unknown
 *                      (asked once per message)
 * @num_agents:         agents the platform has, excluding the platform itself (agent 0)
 * @agent_name:         name of agent @agent_id (0 = the platform); false if unknown
 * @vendor:             vendor identifier
 * @sub_vendor:         sub-vendor identifier
 * @impl_version:       vendor-defined implementation version
 * @protocol_available: whether protocol @protocol_id (not Base) is implemented and
 *                      visible to @agent_id; fixed once the server runs: asked once per
 *                      agent and standard protocol, and remembered
 * @protocol_version:   version the platform reports for @protocol_id; 0 = the server's own;
 *                      fixed once the server runs: asked once and remembered
 * @base:               Base's own platform side: version, trust, permissions (NULL: Base
 *                      2.1, no agent trusted)
 * @power ... @pinctrl:  ops of each protocol's resources (include/scmi/server/<protocol>.h); a NULL
 *                      table makes the protocol unavailable
 *
 * Resource ops answer for any id an agent sends: the server does not ask for the count
 * before an operation, so an op given an id the agent cannot see returns NOT_FOUND (the
 * protocol headers say which ops and how). The server asks for a count only to report it,
 * and on the way out of a request it refuses, to tell NOT_FOUND from the other status.
 */
struct scmi_server_platform_ops {
	bool (*channel_agent)(void *plat, uint32_t channel_id, uint32_t *agent_id);
	uint32_t (*num_agents)(void *plat);
	bool (*agent_name)(void *plat, uint32_t agent_id, char name[SCMI_SHORT_NAME_SIZE]);
	void (*vendor)(void *plat, char name[SCMI_SHORT_NAME_SIZE]);
	void (*sub_vendor)(void *plat, char name[SCMI_SHORT_NAME_SIZE]);
	uint32_t (*impl_version)(void *plat);
	bool (*protocol_available)(void *plat, uint32_t agent_id, uint8_t protocol_id);
	uint32_t (*protocol_version)(void *plat, uint8_t protocol_id);
	const struct scmi_server_base_ops *base;
	const struct scmi_server_power_ops *power;
	const struct scmi_server_system_ops *system;
	const struct scmi_server_perf_ops *perf;
	const struct scmi_server_clock_ops *clock;
	const struct scmi_server_sensor_ops *sensor;
	const struct scmi_server_reset_ops *reset;
	const struct scmi_server_voltage_ops *voltage;
	const struct scmi_server_powercap_ops *powercap;
	const struct scmi_server_pinctrl_ops *pinctrl;
};

/*
 * What struct scmi_server_agent_state says of a standard protocol, in
 * SCMI_SERVER_PROTO_BITS bits: 1..SCMI_SERVER_PROTO_LISTED the protocol is available to the
 * agent at version versions[field - 1] of those the server speaks
 * (scmi_server_protocol_versions()), negotiated or the platform's; or one of these.
 */
#define SCMI_SERVER_PROTO_BITS	   4u
#define SCMI_SERVER_PROTO_UNKNOWN  0x0u /* the platform was not asked yet */
#define SCMI_SERVER_PROTO_LISTED   0xdu /* highest field that indexes versions[] */
#define SCMI_SERVER_PROTO_UNLISTED 0xeu /* available, at a platform version not listed */
#define SCMI_SERVER_PROTO_HIDDEN   0xfu /* not available to the agent */
/*
 * A word of struct scmi_server_agent_state's @proto: the machine's own, so that a 64-bit host
 * reads every field of an agent in one load (the shifts of a second word cost each message
 * more than the load), a 32-bit one in two words of its natural atomic size.
 */
#if UINTPTR_MAX > 0xffffffffu
typedef uint64_t scmi_server_proto_word_t;
#else
typedef uint32_t scmi_server_proto_word_t;
#endif
/* Standard protocols per word of struct scmi_server_agent_state's @proto. */
#define SCMI_SERVER_PROTO_PER_WORD                                                                 \
	((uint32_t)(sizeof(scmi_server_proto_word_t) * 8u / SCMI_SERVER_PROTO_BITS))

/**
 * struct scmi_server_agent_state - what the server remembers per agent (8 bytes).
 * @proto: per standard protocol (id - 0x10, SCMI_SERVER_PROTO_PER_WORD a word), whether
 *         the agent may use it and at which version (SCMI_SERVER_PROTO_*): filled from
 *         the platform's answers on the agent's first message to the protocol,
 *         changed by NEGOTIATE_PROTOCOL_VERSION, cleared by an agent reset; accessed
 *         atomically
 */
struct scmi_server_agent_state {
	scmi_server_proto_word_t proto[SCMI_SERVER_STD_PROTOCOLS / SCMI_SERVER_PROTO_PER_WORD];
};

/**
 * struct scmi_server_p2a_ops - the platform-to-agent (P2A) paths of the transports, the
 * "sink" the server sends notifications and delayed responses to. Every callback gets
 * the @ctx given to scmi_server_set_p2a(); each may be called from any thread, never
 * with a platform lock held by the server.
 *
 * @send:           deliver @msg (le32 header + payload, @len bytes) on the P2A path of
 *                  @channel_id; 0 or -errno (the message is then lost: P2A is best effort)
 * @has_p2a:        whether @channel_id has a P2A path now (decides what the attributes
 *                  advertise and whether an async request gets a delayed response)
 * @agent_channels: up to @max channels of @agent_id that have a P2A path, into @ids;
 *                  returns how many were written
 */
struct scmi_server_p2a_ops {
	int (*send)(void *ctx, uint32_t channel_id, const void *msg, size_t len);
	bool (*has_p2a)(void *ctx, uint32_t channel_id);
	size_t (*agent_channels)(void *ctx, uint32_t agent_id, uint32_t *ids, size_t max);
};

/* The errno values P2A calls return (negated); the freestanding core has no <errno.h>. */
#define SCMI_SERVER_EINVAL   22
#define SCMI_SERVER_ENOTCONN 107

/* Most P2A channels one agent gets a notification on. */
#define SCMI_SERVER_MAX_P2A_CHANNELS 8u

/**
 * struct scmi_server_delayed - a delayed response a handler left to be sent once the
 * synchronous response reached the agent (scmi_server_process_p2a()).
 * @pending: there is one
 * @hdr:     its header: the command's, type 2 (delayed response), same token
 * @len:     payload bytes in @payload (status first)
 * @latency_us: how long the platform says the operation takes (0: it says nothing); a
 *          transport that models time sends the delayed response no earlier than this
 *          after the command
 * @payload: status + return values
 */
struct scmi_server_delayed {
	bool pending;
	uint32_t hdr;
	size_t len;
	uint32_t latency_us;
	uint8_t payload[SCMI_SERVER_MAX_PAYLOAD];
};

/**
 * struct scmi_server - one server instance. The caller provides the storage (no malloc).
 * Entry points that process a message change it (what agents negotiate, what the
 * platform said) and take it non-const.
 * @ops:      platform callbacks
 * @plat:     platform context passed to every callback
 * @channel_agent: @ops' channel_agent, or NULL (no channel), taken once by
 *            scmi_server_init(): every message asks it first, and a pointer fewer to
 *            follow there is worth a word of RAM
 * @p2a:      the P2A sink (NULL: no channel has a P2A path), see scmi_server_set_p2a()
 * @p2a_ctx:  its context
 * @platform_version: per standard protocol (id - 0x10), the version the platform runs
 *            (scmi_server_platform_version()), 0 until first needed; accessed atomically
 * @agents:   per-agent state, indexed by agent id
 */
struct scmi_server {
	const struct scmi_server_platform_ops *ops;
	void *plat;
	bool (*channel_agent)(void *plat, uint32_t channel_id, uint32_t *agent_id);
	const struct scmi_server_p2a_ops *p2a;
	void *p2a_ctx;
	uint32_t platform_version[SCMI_SERVER_STD_PROTOCOLS];
	struct scmi_server_agent_state agents[SCMI_SERVER_MAX_AGENTS + 1];
};

/**
 * scmi_server_confine_index() - @idx if it is below @count, else an index below @count (0,
 * or for a constant power-of-two @count, @idx's low bits), computed without a branch so that
 * a mispredicted bounds check cannot steer a speculative table read out of the table. Call
 * it after the architectural check, on the value actually used to index.
 */
static inline size_t scmi_server_confine_index(size_t idx, size_t count)
{
	size_t mask;

#if defined(__GNUC__) || defined(__clang__)
	/*
	 * The compiler knows from the check before that idx < count, and would make the mask a
	 * constant all-ones (or drop the AND below): hide the index from it so that the value
	 * used is confined here, whatever the check decided.
	 */
	__asm__("" : "+r"(idx));
	/* A table of a power-of-two size: its low bits stay inside it, in one AND. */
	if (__builtin_constant_p(count) && count && !(count & (count - 1)))
		return idx & (count - 1);
#endif
	mask = (size_t)0 - (size_t)(idx < count);
#if defined(__GNUC__) || defined(__clang__)
	/* Keep the compiler from turning the mask back into a branch. */
	__asm__("" : "+r"(mask));
#endif
	return idx & mask;
}

/**
 * scmi_server_protocol_speaks() - whether the server implements protocol @protocol_id at
 * @version exactly (each handler lays its replies out for it): what a platform may configure
 * as a protocol's version, and what an agent may negotiate.
 */
bool scmi_server_protocol_speaks(uint8_t protocol_id, uint32_t version);

/**
 * scmi_server_protocol_versions() - the versions of protocol @protocol_id the server speaks,
 * oldest first, their number in *@count; NULL (and 0) for a protocol it does not implement.
 */
const uint32_t *scmi_server_protocol_versions(uint8_t protocol_id, size_t *count);

/** scmi_server_reset_agent() - forget what agent @agent_id negotiated (agent reset). */
void scmi_server_reset_agent(struct scmi_server *srv, uint32_t agent_id);

/** enum scmi_server_result - transport-level outcome of a process call. */
enum scmi_server_result {
	SCMI_SERVER_OK = 0, /* processed: the response (maybe an error status) is written */
	SCMI_SERVER_ERR_CHANNEL = 1, /* unknown channel: nothing written */
	SCMI_SERVER_ERR_PARAMS = 2,  /* MSG buffers of bad size or alignment: nothing written */
	SCMI_SERVER_ERR_SMT = 3,     /* SMT not handed over or bad length: ERROR|FREE set */
};

/** scmi_server_init() - bind @srv to a platform. */
void scmi_server_init(struct scmi_server *srv, const struct scmi_server_platform_ops *ops,
		      void *plat);

/** scmi_server_channel_exists() - whether @channel_id belongs to an agent. */
bool scmi_server_channel_exists(const struct scmi_server *srv, uint32_t channel_id);

/**
 * scmi_server_process_smt() - process the message in SMT area @shm of @shm_size bytes
 * on @channel_id (OP-TEE PROCESS_SMT_CHANNEL / _MESSAGE).
 *
 * Refuses (ERROR|FREE set, length and payload untouched) when the area is too small,
 * the agent did not hand it over (FREE or ERROR already set), or length is below 4 or
 * above the payload room. Otherwise the header is left as the agent wrote it (so the
 * token echoes back), the response is written at the payload, length = 4 + response
 * bytes, then FREE is set.
 *
 * An unknown channel is checked first (SCMI_SERVER_ERR_CHANNEL, nothing written). An
 * area that is NULL, not 4-byte aligned or too small for the status word gets
 * SCMI_SERVER_ERR_SMT with nothing written, as there is no status word to flag.
 */
enum scmi_server_result scmi_server_process_smt(struct scmi_server *srv, uint32_t channel_id,
						volatile void *shm, size_t shm_size);

/**
 * scmi_server_process_msg() - process a MSG-layout request (OP-TEE PROCESS_MSG_CHANNEL).
 * @in/@in_size: header + payload; @out/@out_size: buffer and its size, updated to the
 * response length (header + status + values). @in and @out may be the same buffer.
 * Requires in_size >= 4, in_size - 4 <= SCMI_SERVER_MAX_PAYLOAD, *out_size >= 8 and both
 * buffers 4-byte aligned; otherwise SCMI_SERVER_ERR_PARAMS and nothing is written.
 * An unknown channel is checked first: SCMI_SERVER_ERR_CHANNEL, nothing written.
 */
enum scmi_server_result scmi_server_process_msg(struct scmi_server *srv, uint32_t channel_id,
						const volatile void *in, size_t in_size,
						volatile void *out, size_t *out_size);

/**
 * scmi_server_process_raw() - process one request already copied into private memory.
 * @hdr: message header; @in/@in_size: payload; @out/@out_room: response buffer
 * (status + values). Returns the response length written (>= 4, never above @out_room),
 * or 0 with nothing written if @out is NULL or @out_room < 4. A channel with no agent
 * gets a DENIED status. Used by the transport entries and by tests.
 */
size_t scmi_server_process_raw(struct scmi_server *srv, uint32_t channel_id, uint32_t hdr,
			       const uint8_t *in, size_t in_size, uint8_t *out, size_t out_room);

/**
 * scmi_server_set_p2a() - register the P2A sink (@ops NULL: none). Call before messages
 * flow (it is not synchronised with them).
 */
void scmi_server_set_p2a(struct scmi_server *srv, const struct scmi_server_p2a_ops *ops, void *ctx);

/**
 * scmi_server_process_p2a() - scmi_server_process_raw() for a transport that has a P2A
 * path: if @channel_id has one (the sink's has_p2a), the attributes advertise
 * notifications and asynchronous commands, and an asynchronous command (CLOCK_RATE_SET,
 * RESET, SENSOR_READING_GET, VOLTAGE_LEVEL_SET, POWERCAP_CAP_SET with their async flag)
 * gets a synchronous SUCCESS here and leaves its delayed response in @delayed
 * (@delayed->pending). The caller sends the synchronous response first, then the
 * delayed one (scmi_server_send_delayed()). @delayed NULL: as scmi_server_process_raw().
 */
size_t scmi_server_process_p2a(struct scmi_server *srv, uint32_t channel_id, uint32_t hdr,
			       const uint8_t *in, size_t in_size, uint8_t *out, size_t out_room,
			       struct scmi_server_delayed *delayed);

/**
 * scmi_server_send_delayed() - send @delayed (if pending) on @channel_id's P2A path and
 * clear it. Returns 0 (also when nothing was pending) or the sink's -errno.
 */
int scmi_server_send_delayed(const struct scmi_server *srv, uint32_t channel_id,
			     struct scmi_server_delayed *delayed);

/**
 * scmi_server_notify() - send notification @msg_id of @protocol_id (type 3; @payload of
 * @len bytes, no status) to every P2A channel of @agent_id. The payload is as the
 * platform built it, in the agent's own resource ids; for layouts that depend on the
 * version (SYSTEM_POWER_STATE_NOTIFIER) the server trims it to the version in force for
 * that agent. Returns the number of channels it reached, or -SCMI_SERVER_EINVAL for bad
 * arguments, -SCMI_SERVER_ENOTCONN when the agent has no P2A channel (nothing sent).
 */
int scmi_server_notify(const struct scmi_server *srv, uint32_t agent_id, uint8_t protocol_id,
		       uint8_t msg_id, const void *payload, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_SERVER_H */
