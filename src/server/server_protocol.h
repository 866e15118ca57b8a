/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What a protocol implementation of the server core sees: the message
 * context, the bounded reply helpers and the protocol descriptor.
 *
 * Adding a protocol: write one file that fills a handler table and a
 * request-size table side by side and defines its descriptor with
 * SCMI_SERVER_PROTOCOL_DEFINE(), then add one line to the list in
 * server_protocols.c. Dispatch (server_dispatch.c) already checks the
 * message type, the protocol's visibility to the agent, the message id and
 * the exact request size before a handler runs, so a handler reads its
 * fixed-size parameters without checking lengths again.
 *
 * Replies: a handler returns an SCMI status. The status word is reserved by
 * the dispatcher (out[0..3]); the handler appends return values with the
 * scmi_server_msg_put_*() helpers, which refuse to write beyond the room and
 * remember the refusal. Then the dispatcher writes the status; an error
 * status, or a refused put, makes the reply the 4-byte status alone
 * (PROTOCOL_ERROR for a refused put, as OP-TEE does for a reply that does
 * not fit the output buffer).
 */
#ifndef SCMI_SERVER_PROTOCOL_H
#define SCMI_SERVER_PROTOCOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/layout.h"
#include "scmi/proto/status.h"
#include "scmi/server/server.h"

#define SCMI_SERVER_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Size table entry for a message whose handler checks its own request size. */
#define SCMI_SERVER_SIZE_VARIABLE 0xffu

/*
 * SCMI_SERVER_SIZE() - size table entry for a request of @n bytes, refused at compile time
 * unless it fits the byte an entry has (and is not the variable-size marker).
 */
#define SCMI_SERVER_SIZE(n)                                                                        \
	((uint8_t)((n) + 0 * sizeof(struct {                                                       \
				 _Static_assert((n) < SCMI_SERVER_SIZE_VARIABLE,                   \
						"a request size the size table cannot hold");      \
				 char c;                                                           \
			 })))

struct scmi_server_protocol;

/**
 * struct scmi_server_msg - one message as a handler sees it.
 * @srv:         the server (platform ops and context, per-agent state); its ops are never
 *               NULL here: the channel's agent came from them
 * @channel_id:  channel the message arrived on
 * @agent_id:    agent owning that channel (>= 1 on a sane platform)
 * @protocol_id: protocol id of the header
 * @msg_id:      message id of the header
 * @flags:       SCMI_SERVER_MSG_OVERFLOW: a put was refused for lack of room;
 *               SCMI_SERVER_MSG_DEFERRED: the handler accepted an asynchronous request
 *               (scmi_server_msg_defer()). One byte, so that the way out tests both at once
 * @p2a:         whether the channel has a P2A path (scmi_server_msg_p2a()), once asked:
 *               SCMI_SERVER_P2A_UNKNOWN until then
 * @version:     protocol version in force for this agent (negotiated, else the
 *               platform's, else the server's own)
 * @in:          request payload (private copy, never shared memory)
 * @in_size:     request payload bytes
 * @out:         reply buffer, out[0..3] the status word: written only, never read back,
 *               so that it may be the shared memory the reply goes to
 * @out_room:    bytes the reply may use, status included (>= 4)
 * @out_size:    bytes written so far, status included
 * @delayed:     where a delayed response may be left (NULL: none possible)
 * @latency_us:  the deferred operation's latency, as the platform gave it (set with
 *               @deferred)
 */
struct scmi_server_msg {
	struct scmi_server *srv;
	uint32_t channel_id;
	uint32_t agent_id;
	uint8_t protocol_id;
	uint8_t msg_id;
	uint8_t flags;
	uint8_t p2a;
	uint32_t version;
	const uint8_t *in;
	size_t in_size;
	uint8_t *out;
	size_t out_room;
	size_t out_size;
	struct scmi_server_delayed *delayed;
	uint32_t latency_us;
};

/* struct scmi_server_msg's @flags. */
#define SCMI_SERVER_MSG_OVERFLOW 1u
#define SCMI_SERVER_MSG_DEFERRED 2u

/** typedef scmi_server_handler_t - a message handler; returns an enum scmi_status. */
typedef int32_t (*scmi_server_handler_t)(struct scmi_server_msg *msg);

/**
 * struct scmi_server_protocol - one protocol the server implements.
 * @id:       protocol id
 * @handlers: handler per message id; NULL slots are not implemented
 * @sizes:    exact request payload size per message id (or SCMI_SERVER_SIZE_VARIABLE)
 * @count:    entries in both tables; they end at the protocol's last message below
 *            NEGOTIATE_PROTOCOL_VERSION, which is dispatched outside them
 * @min_version: oldest version an agent may negotiate
 * @negotiate_since: first version that has NEGOTIATE_PROTOCOL_VERSION (the platform's
 *            version decides, see scmi_server_msg_exists()); 0: the protocol has none
 * @versions: every version the server speaks, oldest first: what a platform may configure
 *            (scmi_server_protocol_speaks()) and an agent may negotiate; at most
 *            SCMI_SERVER_PROTO_LISTED
 * @num_versions: entries in @versions
 * @later_from: the first message id of the tables that came after the protocol's oldest
 *            version: those from it on (to @count - 1) have their first versions in @since,
 *            the others exist in every version (@count: none came later)
 * @oldest_first: the messages before @later_from exist from @versions[0] on rather than in
 *            every version, which matters only for a platform's own version below it (Base
 *            and Clock say so of their 1.0 messages, the others do not)
 * @since:    the first version of each message from @later_from on, indexed by message id -
 *            @later_from (scmi_server_run_later()); the central check answers NOT_FOUND
 *            below it
 */
struct scmi_server_protocol {
	uint8_t id;
	bool oldest_first;
	uint16_t later_from;
	const scmi_server_handler_t *handlers;
	const uint8_t *sizes;
	size_t count;
	uint32_t min_version;
	uint32_t negotiate_since;
	const uint32_t *since;
	const uint32_t *versions;
	size_t num_versions;
};

/*
 * SCMI_SERVER_PROTOCOL_DEFINE() - define descriptor @name for protocol @id from the
 * handler table @handlers and size table @sizes, refusing at compile time tables
 * of different lengths. For a protocol with no versions of its own (a vendor protocol, a test
 * double): its handlers answer VERSION themselves, nothing is negotiated, every message
 * exists.
 */
#define SCMI_SERVER_PROTOCOL_DEFINE(name, proto_id, handler_tbl, size_tbl)                         \
	_Static_assert(SCMI_SERVER_ARRAY_SIZE(handler_tbl) == SCMI_SERVER_ARRAY_SIZE(size_tbl),    \
		       #handler_tbl " and " #size_tbl " differ in length");                        \
	const struct scmi_server_protocol name = {                                                 \
	    .id = (proto_id),                                                                      \
	    .later_from = SCMI_SERVER_ARRAY_SIZE(handler_tbl),                                     \
	    .handlers = (handler_tbl),                                                             \
	    .sizes = (size_tbl),                                                                   \
	    .count = SCMI_SERVER_ARRAY_SIZE(handler_tbl),                                          \
	}

/*
 * SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED() - define descriptor @name for protocol @proto_id,
 * which the server speaks at the versions of @ver_tbl (oldest first; the newest is what it
 * reports by default, scmi_server_protocol_newest()) and to which an agent may negotiate down to
 * @min_ver, with NEGOTIATE_PROTOCOL_VERSION from version @neg_since on; @handler_tbl and
 * @size_tbl are indexed by message id, have one length and end before
 * NEGOTIATE_PROTOCOL_VERSION, which is not in them (scmi_server_run_negotiate()), all checked
 * at compile time. Every message exists in every version.
 */
#define SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(name, proto_id, ver_tbl, min_ver, neg_since,         \
					      handler_tbl, size_tbl)                               \
	SCMI_SERVER_PROTOCOL_VERSIONED_(name, proto_id, ver_tbl, min_ver, neg_since, handler_tbl,  \
					size_tbl, SCMI_SERVER_ARRAY_SIZE(handler_tbl), false,      \
					NULL)

/*
 * SCMI_SERVER_PROTOCOL_DEFINE_LATER() - SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED() for a protocol
 * whose messages from @later_from on came after its oldest version: @since_tbl gives the first
 * version of each of them, indexed by message id - @later_from, and must end where the other
 * tables do (checked at compile time). With @oldest_first, the messages before @later_from
 * exist from the oldest version of @ver_tbl on, else in every version
 * (struct scmi_server_protocol).
 */
#define SCMI_SERVER_PROTOCOL_DEFINE_LATER(name, proto_id, ver_tbl, min_ver, neg_since,             \
					  handler_tbl, size_tbl, later_from, oldest_first,         \
					  since_tbl)                                               \
	_Static_assert((later_from) + SCMI_SERVER_ARRAY_SIZE(since_tbl) ==                         \
			   SCMI_SERVER_ARRAY_SIZE(handler_tbl),                                    \
		       #since_tbl " does not run from " #later_from " to the end of the tables");  \
	SCMI_SERVER_PROTOCOL_VERSIONED_(name, proto_id, ver_tbl, min_ver, neg_since, handler_tbl,  \
					size_tbl, later_from, oldest_first, since_tbl)

/* The body of the two above. */
#define SCMI_SERVER_PROTOCOL_VERSIONED_(name, proto_id, ver_tbl, min_ver, neg_since, handler_tbl,  \
					size_tbl, later_from_, oldest_first_, since_tbl)           \
	_Static_assert(SCMI_SERVER_ARRAY_SIZE(handler_tbl) <= SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, \
		       #handler_tbl " reaches NEGOTIATE_PROTOCOL_VERSION");                        \
	_Static_assert((neg_since) != 0, "NEGOTIATE_PROTOCOL_VERSION needs a first version");      \
	_Static_assert(SCMI_SERVER_ARRAY_SIZE(handler_tbl) == SCMI_SERVER_ARRAY_SIZE(size_tbl),    \
		       #handler_tbl " and " #size_tbl " differ in length");                        \
	_Static_assert(SCMI_SERVER_ARRAY_SIZE(ver_tbl) <= SCMI_SERVER_PROTO_LISTED,                \
		       #ver_tbl " lists more versions than an agent's state can name");            \
	const struct scmi_server_protocol name = {                                                 \
	    .id = (proto_id),                                                                      \
	    .later_from = (later_from_),                                                           \
	    .oldest_first = (oldest_first_),                                                       \
	    .handlers = (handler_tbl),                                                             \
	    .sizes = (size_tbl),                                                                   \
	    .count = SCMI_SERVER_ARRAY_SIZE(handler_tbl),                                          \
	    .min_version = (min_ver),                                                              \
	    .negotiate_since = (neg_since),                                                        \
	    .since = (since_tbl),                                                                  \
	    .versions = (ver_tbl),                                                                 \
	    .num_versions = SCMI_SERVER_ARRAY_SIZE(ver_tbl),                                       \
	}

/**
 * scmi_server_protocol_newest() - the newest version the server speaks of @proto, what it
 * reports unless the platform configures another; 0 for a protocol without versions.
 */
static inline uint32_t scmi_server_protocol_newest(const struct scmi_server_protocol *proto)
{
	return proto->num_versions ? proto->versions[proto->num_versions - 1] : 0;
}

/*
 * The registry (server_protocols.c; the unit tests link their own): the standard protocols
 * the server implements, indexed by id - SCMI_PROTOCOL_BASE (NULL: not implemented).
 */
extern const struct scmi_server_protocol
    *const scmi_server_std_protocols[SCMI_SERVER_STD_PROTOCOLS];

/** scmi_server_vendor_protocol_find() - the registry's protocol @id outside 0x10..0x1f, or NULL. */
const struct scmi_server_protocol *scmi_server_vendor_protocol_find(uint8_t id);

/** scmi_server_std_index() - @id - 0x10: below SCMI_SERVER_STD_PROTOCOLS for a standard id. */
static inline uint32_t scmi_server_std_index(uint8_t id)
{
	return (uint32_t)id - SCMI_PROTOCOL_BASE;
}

/** scmi_server_protocol_find() - the protocol the server implements with @id, or NULL. */
static inline const struct scmi_server_protocol *scmi_server_protocol_find(uint8_t id)
{
	uint32_t idx = scmi_server_std_index(id);

	if (idx < SCMI_SERVER_STD_PROTOCOLS)
		return scmi_server_std_protocols[scmi_server_confine_index(
		    idx, SCMI_SERVER_STD_PROTOCOLS)];
	return scmi_server_vendor_protocol_find(id);
}

/**
 * scmi_server_run_negotiate() - the central checks of a message past @msg's protocol's
 * tables (@proto), whose version in force is already in @msg: NEGOTIATE_PROTOCOL_VERSION
 * where the protocol has it (*@handler set), else NOT_FOUND. Statuses and their order are
 * those of a message in the tables.
 */
int32_t scmi_server_run_negotiate(struct scmi_server_msg *msg,
				  const struct scmi_server_protocol *proto,
				  scmi_server_handler_t *handler);

/*
 * scmi_server_run_size() - the last of the central checks, of message @at of @proto's tables
 * (a confined index): the exact request size, unless the size table says the handler checks
 * it (PROTOCOL_ERROR).
 */
static inline int32_t scmi_server_run_size(const struct scmi_server_msg *msg,
					   const struct scmi_server_protocol *proto, size_t at)
{
	uint8_t size = proto->sizes[at];

	if (msg->in_size != size && size != SCMI_SERVER_SIZE_VARIABLE)
		return SCMI_PROTOCOL_ERROR;
	return SCMI_SUCCESS;
}

/**
 * scmi_server_run_later() - the central checks of message @at of @proto's tables (a confined
 * index) past its handler, for a message whose first version is looked up: whether the version
 * in force has it (NOT_FOUND), then scmi_server_run_size(). Out of line: a message that came
 * after the protocol's oldest version, or a platform's own version, is the uncommon case.
 */
int32_t scmi_server_run_later(const struct scmi_server_msg *msg,
			      const struct scmi_server_protocol *proto, size_t at);

/**
 * scmi_server_run_unlisted() - the central checks of @msg past its protocol @proto, for an
 * agent whose field for it names no version the server speaks: not asked yet (UNKNOWN),
 * HIDDEN (NOT_SUPPORTED), or the platform's own version, which may be older than any message
 * of the tables (every message's first version is looked up).
 */
int32_t scmi_server_run_unlisted(struct scmi_server_msg *msg,
				 const struct scmi_server_protocol *proto,
				 scmi_server_handler_t *handler);

/** scmi_server_protocol_has_msg() - whether @proto has a handler for @msg_id. */
bool scmi_server_protocol_has_msg(const struct scmi_server_protocol *proto, uint32_t msg_id);

/**
 * scmi_server_msg_exists() - whether message @msg_id of the protocol of @msg exists at
 * the version in force (@msg->version): what PROTOCOL_MESSAGE_ATTRIBUTES reports.
 */
bool scmi_server_msg_exists(const struct scmi_server_msg *msg, uint32_t msg_id);

/**
 * scmi_server_proto_at() - where the field of standard protocol @id is in @agent_id's state
 * (struct scmi_server_agent_state): word *@word, bit *@shift. False for an agent or a
 * protocol the state has no field for.
 */
static inline bool scmi_server_proto_at(uint32_t agent_id, uint8_t id, uint32_t *word,
					uint32_t *shift)
{
	uint32_t idx = scmi_server_std_index(id);

	if (agent_id > SCMI_SERVER_MAX_AGENTS || idx >= SCMI_SERVER_STD_PROTOCOLS)
		return false;
	*word = idx / SCMI_SERVER_PROTO_PER_WORD;
	*shift = (idx % SCMI_SERVER_PROTO_PER_WORD) * SCMI_SERVER_PROTO_BITS;
	return true;
}

/**
 * scmi_server_proto_resolve() - what @proto is to @agent_id (SCMI_SERVER_PROTO_*, never
 * UNKNOWN): asks the platform whether it is available and at which version, and remembers
 * the answer in @srv where the state has a field for it (the platform's answers are fixed
 * once it is loaded); a field already there is returned as it is.
 */
uint32_t scmi_server_proto_resolve(struct scmi_server *srv, uint32_t agent_id,
				   const struct scmi_server_protocol *proto);

/**
 * scmi_server_field_version() - the version a field that is neither UNKNOWN nor HIDDEN
 * stands for: versions[@field - 1], or the platform's (UNLISTED).
 */
uint32_t scmi_server_field_version(const struct scmi_server *srv,
				   const struct scmi_server_protocol *proto, uint32_t field);

/**
 * scmi_server_agent_version() - version of @proto in force for @agent_id: what it
 * negotiated, else scmi_server_platform_version(). Reads what @srv remembers, asks the
 * platform for what it does not, and remembers nothing.
 */
uint32_t scmi_server_agent_version(const struct scmi_server *srv, uint32_t agent_id,
				   const struct scmi_server_protocol *proto);

/**
 * scmi_server_platform_version() - version of protocol @id for the platform, before any
 * negotiation: the platform's (DT) version, else the server's own. What @srv remembers, else
 * asked (without remembering it).
 */
uint32_t scmi_server_platform_version(const struct scmi_server *srv,
				      const struct scmi_server_protocol *proto);

/* Handlers that every versioned protocol may put in its table as they are. */

/** scmi_server_common_version() - PROTOCOL_VERSION: the version in force. */
int32_t scmi_server_common_version(struct scmi_server_msg *msg);

/**
 * scmi_server_common_msg_attributes() - PROTOCOL_MESSAGE_ATTRIBUTES with no attribute
 * bits: 0 for a message that exists at the version in force, NOT_FOUND otherwise.
 */
int32_t scmi_server_common_msg_attributes(struct scmi_server_msg *msg);

/**
 * scmi_server_common_negotiate() - NEGOTIATE_PROTOCOL_VERSION: a version between the
 * protocol's min_version and the platform's version is recorded for the calling agent
 * (later messages are gated and laid out for it); others are NOT_SUPPORTED.
 */
int32_t scmi_server_common_negotiate(struct scmi_server_msg *msg);

/**
 * scmi_server_protocol_visible() - whether protocol @id is implemented by the server
 * and available to @agent_id (Base always is). What the platform says of a standard
 * protocol is asked on the agent's first message and remembered.
 */
bool scmi_server_protocol_visible(struct scmi_server *srv, uint32_t agent_id, uint8_t id);

/**
 * scmi_server_channel_agent() - the agent of @channel_id, from the platform; false if the
 * channel is unknown (or @srv has no platform).
 */
static inline bool scmi_server_channel_agent(const struct scmi_server *srv, uint32_t channel_id,
					     uint32_t *agent_id)
{
	if (!srv || !srv->channel_agent)
		return false;
	return srv->channel_agent(srv->plat, channel_id, agent_id);
}

/* struct scmi_server_msg's @p2a. */
#define SCMI_SERVER_P2A_UNKNOWN 0u
#define SCMI_SERVER_P2A_NONE	1u
#define SCMI_SERVER_P2A_YES	2u

/**
 * scmi_server_msg_start() - fill the rest of @msg, whose @srv, @channel_id and @agent_id the
 * caller set (a transport entry sets them before it asks the platform for the agent, so that
 * none is kept across that call), for request @hdr: @in/@in_size the request payload, copied
 * out of shared memory; @out/@out_room (>= 4) where the response goes; @delayed as
 * scmi_server_process_p2a() says.
 */
static inline void scmi_server_msg_start(struct scmi_server_msg *msg, uint32_t hdr,
					 const uint8_t *in, size_t in_size, uint8_t *out,
					 size_t out_room, struct scmi_server_delayed *delayed)
{
	msg->protocol_id = (uint8_t)((hdr >> SCMI_HDR_PROTO_SHIFT) & SCMI_HDR_PROTO_MASK);
	msg->msg_id = (uint8_t)(hdr & SCMI_HDR_MSG_ID_MASK);
	msg->flags = 0;
	msg->p2a = SCMI_SERVER_P2A_UNKNOWN;
	msg->in = in;
	msg->in_size = in_size;
	msg->out = out;
	msg->out_room = out_room;
	msg->delayed = delayed;
}

/**
 * scmi_server_msg_run() - the one place that validates a message started with
 * scmi_server_msg_start() (type, protocol visibility, message id at the version in force,
 * exact request size), calls its handler and writes the status. Returns the response length.
 */
size_t scmi_server_msg_run(struct scmi_server_msg *msg, uint32_t hdr);

/**
 * scmi_server_defer_reply() - what the handler of @msg (header @hdr) answered becomes its
 * delayed response, and the agent gets a bare SUCCESS now (SCMI_SERVER_MSG_DEFERRED and
 * @msg->delayed set).
 */
void scmi_server_defer_reply(struct scmi_server_msg *msg, uint32_t hdr);

/* A protocol's field in struct scmi_server_agent_state (SCMI_SERVER_PROTO_*). */
#define SCMI_SERVER_PROTO_MASK ((1u << SCMI_SERVER_PROTO_BITS) - 1u)

/**
 * scmi_server_msg_p2a() - whether the channel of @msg has a P2A path for this message:
 * only a caller that takes delayed responses gets the P2A view, and only the handlers that
 * need the answer ask the sink for it (once per message).
 */
bool scmi_server_msg_p2a(struct scmi_server_msg *msg);

/**
 * scmi_server_msg_can_defer() - whether an asynchronous request on this message can get a
 * delayed response (a P2A channel and a caller that takes delayed responses).
 */
static inline bool scmi_server_msg_can_defer(struct scmi_server_msg *msg)
{
	return scmi_server_msg_p2a(msg);
}

/**
 * scmi_server_msg_defer() - the handler accepted an asynchronous request (call it only when
 * scmi_server_msg_can_defer()): the status it returns and the values it puts from now on
 * form the delayed response; the synchronous response is SUCCESS with no values.
 * @latency_us is how long the platform says the operation takes (0: unknown); it travels
 * with the delayed response (struct scmi_server_delayed), so that a transport can model
 * time without knowing any protocol.
 */
static inline void scmi_server_msg_defer(struct scmi_server_msg *msg, uint32_t latency_us)
{
	msg->flags |= SCMI_SERVER_MSG_DEFERRED;
	msg->latency_us = latency_us;
}

/** scmi_server_channel_has_p2a() - whether the sink says @channel_id has a P2A path. */
bool scmi_server_channel_has_p2a(const struct scmi_server *srv, uint32_t channel_id);

/** scmi_server_msg_room() - reply bytes still free. */
static inline size_t scmi_server_msg_room(const struct scmi_server_msg *msg)
{
	return msg->out_room - msg->out_size;
}

/** scmi_server_msg_put_bytes() - append @n bytes; false, and nothing written, if they do not fit.
 */
bool scmi_server_msg_put_bytes(struct scmi_server_msg *msg, const void *p, size_t n);

/*
 * SCMI_SERVER_FAST - the build optimises for speed: the message path is inlined into each
 * transport entry and the word helpers into each handler, where a call would cost as much as
 * their work. Built for size (-Os, as firmware is), one shared copy of each instead.
 */
#if defined(__OPTIMIZE_SIZE__) || !defined(__GNUC__)
#define SCMI_SERVER_FAST 0
#else
#define SCMI_SERVER_FAST 1
#endif

/*
 * SCMI_SERVER_COLD - a rarely taken path, kept out of line in a build for speed so that the
 * common one keeps its registers; a build for size leaves the choice to the compiler.
 */
#if SCMI_SERVER_FAST
#define SCMI_SERVER_COLD __attribute__((noinline, cold))
#else
#define SCMI_SERVER_COLD
#endif

#if SCMI_SERVER_FAST
#define SCMI_SERVER_MSG_IO static inline
#include "server/server_msg_io.h"
#else
/** scmi_server_msg_put_u32() - append @v (LE); false, and nothing written, if it does not fit. */
bool scmi_server_msg_put_u32(struct scmi_server_msg *msg, uint32_t v);

/** scmi_server_msg_put_u64() - append @v as two LE words, low first (struct scmi_u64). */
bool scmi_server_msg_put_u64(struct scmi_server_msg *msg, uint64_t v);

/**
 * scmi_server_msg_get_u32() - the LE u32 at byte @off of the request (0 past its end;
 * the size table makes that unreachable for fixed-size messages).
 */
uint32_t scmi_server_msg_get_u32(const struct scmi_server_msg *msg, size_t off);

/** scmi_server_msg_get_u64() - the struct scmi_u64 at byte @off of the request (0 past its end). */
uint64_t scmi_server_msg_get_u64(const struct scmi_server_msg *msg, size_t off);
#endif

/*
 * SCMI_SERVER_IN_U32() / SCMI_SERVER_IN_U64() - request field @field of layout @type
 * (include/scmi/proto/<protocol>.h), read as scmi_server_msg_get_u32/_u64() do. Handlers
 * name fields this way, never by byte offset.
 */
#define SCMI_SERVER_IN_U32(msg, type, field)                                                       \
	scmi_server_msg_get_u32((msg), SCMI_U32_OFFSET(type, field))
#define SCMI_SERVER_IN_U64(msg, type, field)                                                       \
	scmi_server_msg_get_u64((msg), SCMI_U64_OFFSET(type, field))

/* Platform ops, called through wrappers that tolerate a missing callback. */

/** scmi_server_plat_num_agents() - platform num_agents, 0 if the op is missing. */
uint32_t scmi_server_plat_num_agents(const struct scmi_server *srv);

/**
 * scmi_server_plat_agent_name() - name of @agent_id, NUL-terminated and zero-padded to
 * 16 bytes whatever the platform wrote; false if unknown.
 */
bool scmi_server_plat_agent_name(const struct scmi_server *srv, uint32_t agent_id,
				 char name[SCMI_SHORT_NAME_SIZE]);

/**
 * scmi_server_plat_vendor() - vendor name, or with @sub the sub-vendor name, sanitised as above
 * (empty if the op is missing).
 */
void scmi_server_plat_vendor(const struct scmi_server *srv, bool sub,
			     char name[SCMI_SHORT_NAME_SIZE]);

/** scmi_server_plat_impl_version() - implementation version, 0 if the op is missing. */
uint32_t scmi_server_plat_impl_version(const struct scmi_server *srv);

#endif /* SCMI_SERVER_PROTOCOL_H */
