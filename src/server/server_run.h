/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The message path every request takes once its transport entry has copied it in: the
 * central checks, in the order docs/decisions.md gives, and the call of the handler. A build
 * for speed (SCMI_SERVER_FAST) inlines it into each transport entry, so that a message costs
 * one call frame; a build for size keeps the one copy scmi_server_msg_run() has.
 */
#ifndef SCMI_SERVER_RUN_H
#define SCMI_SERVER_RUN_H

#include "server/server_protocol.h"

#if defined(__GNUC__)
#define SCMI_SERVER_LIKELY(x) __builtin_expect(!!(x), 1)
#else
#define SCMI_SERVER_LIKELY(x) (x)
#endif

#if SCMI_SERVER_FAST
#define SCMI_SERVER_RUN static inline __attribute__((always_inline))
#else
#define SCMI_SERVER_RUN static inline
#endif

/*
 * What @agent_id's state remembers of the standard protocol at @idx (below
 * SCMI_SERVER_STD_PROTOCOLS), or UNKNOWN: one load.
 */
static inline uint32_t scmi_server_run_field(const struct scmi_server *srv, uint32_t agent_id,
					     uint32_t idx)
{
	if (agent_id > SCMI_SERVER_MAX_AGENTS || idx >= SCMI_SERVER_STD_PROTOCOLS)
		return SCMI_SERVER_PROTO_UNKNOWN;
	return (uint32_t)(__atomic_load_n(
			      &srv->agents[agent_id].proto[idx / SCMI_SERVER_PROTO_PER_WORD],
			      __ATOMIC_RELAXED) >>
			  (idx % SCMI_SERVER_PROTO_PER_WORD * SCMI_SERVER_PROTO_BITS)) &
	       SCMI_SERVER_PROTO_MASK;
}

/*
 * The checks of a message of @proto, whose version in force is already in @msg: that it exists
 * at that version (NOT_FOUND), then its exact size (PROTOCOL_ERROR). The first versions of the
 * messages from @later_from on are looked up (0: every message's).
 */
static inline int32_t scmi_server_run_msg(struct scmi_server_msg *msg,
					  const struct scmi_server_protocol *proto,
					  scmi_server_handler_t *handler, size_t later_from)
{
	uint32_t msg_id = msg->msg_id;
	size_t at;

	/*
	 * A message the protocol lacks, or lacks at the version in force, is NOT_FOUND (DEN0056
	 * §4.1.4, as Arm's reference server and compliance tests answer), and that is decided
	 * before its size, which only a message that exists has. NEGOTIATE, past every table,
	 * is judged out of line.
	 */
	if (msg_id >= proto->count)
		return scmi_server_run_negotiate(msg, proto, handler);
	at = scmi_server_confine_index(msg_id, proto->count);
	*handler = proto->handlers[at];
	if (!*handler)
		return SCMI_NOT_FOUND;
	if (at >= later_from)
		return scmi_server_run_later(msg, proto, at);
	return scmi_server_run_size(msg, proto, at);
}

/*
 * Every check before the handler, in the order docs/decisions.md gives: a command, of a
 * protocol visible to the agent (NOT_SUPPORTED), that exists at the version in force
 * (NOT_FOUND), of its exact size (PROTOCOL_ERROR). Fills @msg's @version.
 */
static inline int32_t scmi_server_run_checks(struct scmi_server_msg *msg, uint32_t hdr,
					     scmi_server_handler_t *handler)
{
	const struct scmi_server_protocol *proto;
	uint32_t idx = scmi_server_std_index(msg->protocol_id), field;

	if (((hdr >> SCMI_HDR_TYPE_SHIFT) & SCMI_HDR_TYPE_MASK) != SCMI_MSG_TYPE_COMMAND)
		return SCMI_PROTOCOL_ERROR;

	if (idx < SCMI_SERVER_STD_PROTOCOLS)
		proto = scmi_server_std_protocols[scmi_server_confine_index(
		    idx, SCMI_SERVER_STD_PROTOCOLS)];
	else
		proto = scmi_server_vendor_protocol_find(msg->protocol_id);
	if (!proto)
		return SCMI_NOT_SUPPORTED;
	/*
	 * A listed version is the common case, and neither UNKNOWN (0) nor HIDDEN (15) passes
	 * for one. The field is the server's own: no agent chooses the index. No listed version
	 * is older than a message before later_from.
	 */
	field = scmi_server_run_field(msg->srv, msg->agent_id, idx);
	if (SCMI_SERVER_LIKELY(field - 1u < proto->num_versions)) {
		msg->version = proto->versions[field - 1u];
		return scmi_server_run_msg(msg, proto, handler, proto->later_from);
	}
	return scmi_server_run_unlisted(msg, proto, handler);
}

/* scmi_server_msg_run(), for the callers that inline it (see the top of this file). */
SCMI_SERVER_RUN size_t scmi_server_msg_run_inline(struct scmi_server_msg *msg, uint32_t hdr)
{
	scmi_server_handler_t handler;
	int32_t status;

	/* The status word is always there: out_room >= 4 is the caller's promise. */
	msg->out_size = sizeof(uint32_t);
	status = scmi_server_run_checks(msg, hdr, &handler);
	if (status == SCMI_SUCCESS)
		status = handler(msg);
#if SCMI_SERVER_FAST
	/* A success with no flag set, in one test of both. */
	if (SCMI_SERVER_LIKELY(((uint32_t)status | msg->flags) == 0)) {
		scmi_put_le32(msg->out, (uint32_t)SCMI_SUCCESS);
		return msg->out_size;
	}
#endif
	if (msg->flags & SCMI_SERVER_MSG_OVERFLOW)
		status = SCMI_PROTOCOL_ERROR;
	if (status != SCMI_SUCCESS)
		msg->out_size = sizeof(uint32_t);
	scmi_put_le32(msg->out, (uint32_t)status);
	/* Only a message with somewhere to leave a delayed response is ever deferred. */
	if (msg->flags & SCMI_SERVER_MSG_DEFERRED)
		scmi_server_defer_reply(msg, hdr);
	return msg->out_size;
}

#endif /* SCMI_SERVER_RUN_H */
