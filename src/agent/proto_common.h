/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the protocol clients share: a length-checked command, opening a
 * protocol at the version both sides speak, names, and the checks of a
 * paginated walk. Each client keeps its own layouts and rules at the call.
 */
#ifndef SCMI_AGENT_PROTO_COMMON_H
#define SCMI_AGENT_PROTO_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/scmi.h"

/**
 * scmi_proto_xfer() - scmi_xfer() whose reply must hold at least @rx_need
 * bytes: a shorter one is -EPROTO, recorded as the agent's last error.
 * Returns -EINVAL if @agent is NULL.
 */
int scmi_proto_xfer(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id, const void *tx,
		    size_t tx_len, void *rx, size_t rx_need);

/* Words scmi_proto_xfer_u32() carries each way at most. */
#define SCMI_PROTO_U32_MAX 4u

/**
 * scmi_proto_xfer_u32() - scmi_proto_xfer() of @n_args little-endian words
 * (the resource id first, then its arguments) whose reply must hold @n_out
 * words, read into @out (may be NULL when @n_out is 0). Returns -EINVAL if
 * either count passes SCMI_PROTO_U32_MAX.
 */
int scmi_proto_xfer_u32(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id,
			const uint32_t *args, size_t n_args, uint32_t *out, size_t n_out);

/**
 * scmi_proto_negotiate() - as Linux, ask a platform newer than the client to
 * speak @version: NEGOTIATE_PROTOCOL_VERSION, if PROTOCOL_MESSAGE_ATTRIBUTES
 * says the platform has it. Returns 0 if the platform agreed.
 */
int scmi_proto_negotiate(struct scmi_agent *agent, uint8_t protocol_id, uint32_t version);

/**
 * scmi_proto_version() - PROTOCOL_VERSION in *@platform (may be NULL) and the
 * version in force in *@version: the platform's, or @ours when the platform is
 * newer (negotiated as Linux does; refused, the client speaks @ours anyway).
 */
int scmi_proto_version(struct scmi_agent *agent, uint8_t protocol_id, uint32_t ours,
		       uint32_t *platform, uint32_t *version);

/**
 * scmi_proto_init() - scmi_proto_version(), then PROTOCOL_ATTRIBUTES' word in
 * *@attributes: what every client's init does before reading its counts.
 */
int scmi_proto_init(struct scmi_agent *agent, uint8_t protocol_id, uint32_t ours,
		    uint32_t *platform, uint32_t *version, uint32_t *attributes);

/**
 * scmi_proto_copy_name() - the name of at most @src_size bytes at @src (NUL-padded
 * or not) into @dst, cut to @dst_size - 1 characters and terminated.
 */
void scmi_proto_copy_name(char *dst, size_t dst_size, const uint8_t *src, size_t src_size);

/**
 * scmi_proto_name_get() - a NAME_GET-style command (@tx names the resource; the
 * reply is flags then a 64-byte name) into @name (@name_size bytes). @name is
 * written only on success, so a caller may pass the short name it holds: a
 * failure keeps it, as Linux does.
 */
int scmi_proto_name_get(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id,
			const void *tx, size_t tx_len, char *name, size_t name_size);

/**
 * struct scmi_proto_walk - the state of a paginated walk (DESCRIBE_LEVELS,
 * sensor descriptions, ...).
 * @what:      the walk's name, for errors
 * @page:      pages taken so far
 * @max_pages: pages it may take at most, whatever the platform claims
 * @expect:    what the last page said remained
 */
struct scmi_proto_walk {
	const char *what;
	uint32_t page;
	uint32_t max_pages;
	uint32_t expect;
};

/**
 * scmi_proto_walk_step() - account one page of @returned entries with
 * @remaining after it: a page must leave what the one before announced, less
 * what it returned, and must return something while entries remain.
 * Returns 1 when the walk is done, 0 to go on, -EPROTO (recorded) when the
 * counts do not follow or @max_pages ran out.
 */
int scmi_proto_walk_step(struct scmi_agent *agent, struct scmi_proto_walk *w, uint32_t returned,
			 uint32_t remaining);

#endif /* SCMI_AGENT_PROTO_COMMON_H */
