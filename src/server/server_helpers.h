/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reply shapes several protocols share: a paged list (num_returned, num_remaining and the
 * entries that fit the caller's buffer), a NAME_GET reply and a notify_enable word. One
 * copy of each keeps the decisions of docs/decisions.md ("Protocols") in one place.
 * Freestanding, like the rest of the server core.
 */
#ifndef SCMI_SERVER_HELPERS_H
#define SCMI_SERVER_HELPERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "server/server_protocol.h"

/**
 * struct scmi_server_page - one page of a list.
 * @count:     entries in the page
 * @remaining: entries after the page (never counted from the requested index)
 */
struct scmi_server_page {
	uint32_t count;
	uint32_t remaining;
};

#if SCMI_SERVER_FAST
#include "server/server_page.h"
#else
/**
 * scmi_server_page_room() - how many entries of @entry bytes the reply can still take after
 * @header bytes, at most @max, in *@fit. PROTOCOL_ERROR when not even the header fits.
 */
int32_t scmi_server_page_room(const struct scmi_server_msg *msg, size_t header, size_t entry,
			      uint32_t max, uint32_t *fit);

/**
 * scmi_server_page_cut() - the page of a list of @total entries that starts at @start when
 * @fit entries fit. @start == @total is a valid, empty last page; beyond it is
 * INVALID_PARAMETERS; entries left but none fitting is PROTOCOL_ERROR (an empty page would
 * read as the end of the list).
 */
int32_t scmi_server_page_cut(uint32_t start, uint32_t total, uint32_t fit,
			     struct scmi_server_page *page);

/**
 * scmi_server_page_get() - the page from @start of @total entries of @entry bytes (at most
 * @max) after a one-word header: the start index is checked first, then the room, as
 * scmi_server_page_cut() and scmi_server_page_room() say.
 */
int32_t scmi_server_page_get(const struct scmi_server_msg *msg, uint32_t start, uint32_t total,
			     size_t entry, uint32_t max, struct scmi_server_page *page);
#endif

/**
 * scmi_server_msg_put_name() - append a name field of @field bytes: @name up to its first NUL
 * but at most @max_len bytes (and never more than @field - 1), zero-padded.
 */
void scmi_server_msg_put_name(struct scmi_server_msg *msg, const char *name, size_t max_len,
			      size_t field);

/**
 * scmi_server_count() - what the platform's @count op says the agent of @msg has, at most @max
 * (the field that carries it is narrower); 0 without the op.
 */
uint32_t scmi_server_count(const struct scmi_server_msg *msg,
			   uint32_t (*count)(void *plat, uint32_t agent_id), uint32_t max);

/**
 * scmi_server_name_get_reply() - the reply of an extended NAME_GET: flags (0), then @name as
 * a 64-byte field (see scmi_server_msg_put_name()). Returns SUCCESS.
 */
int32_t scmi_server_name_get_reply(struct scmi_server_msg *msg, const char *name, size_t max_len);

struct scmi_server_fastchannel;

/**
 * scmi_server_fastchannel_reply() - the reply of a perf or powercap DESCRIBE_FASTCHANNEL
 * (struct scmi_perf_describe_fastchannel_p2a) from what the platform gave in @fc: the doorbell
 * fields zero without a doorbell. GENERIC_ERROR for a doorbell wider than 64 bits (the
 * platform is broken, not the agent), else SUCCESS.
 */
int32_t scmi_server_fastchannel_reply(struct scmi_server_msg *msg,
				      const struct scmi_server_fastchannel *fc);

/**
 * scmi_server_notify_enable() - the notify_enable word at byte @off of the request: only bit 0
 * is defined, so any other bit is INVALID_PARAMETERS; *@enable is bit 0.
 */
int32_t scmi_server_notify_enable(const struct scmi_server_msg *msg, size_t off, bool *enable);

#endif /* SCMI_SERVER_HELPERS_H */
