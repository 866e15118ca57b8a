/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MSG-layout helpers shared by transports that carry bare messages
 * (Linux msg.c): header + payload out, header + status + values back.
 */
#ifndef SCMI_AGENT_MSG_H
#define SCMI_AGENT_MSG_H

#include <stddef.h>
#include <stdint.h>

#include "agent/transport.h"

/**
 * struct scmi_msg_ops - operations on one MSG buffer @buf of @size bytes.
 * @command_size:   bytes of the request for @xfer (4 + tx_len)
 * @response_size:  bytes a reply of up to @max_payload return values needs (8 + max)
 * @tx_prepare:     write header and payload; -ERANGE if they do not fit
 * @fetch_response: read a reply of @len bytes into @xfer; -EPROTO when @len is below
 *                  8 (no status) or beyond @size
 */
struct scmi_msg_ops {
	size_t (*command_size)(const struct scmi_xfer *xfer);
	size_t (*response_size)(size_t max_payload);
	int (*tx_prepare)(void *buf, size_t size, struct scmi_xfer *xfer);
	int (*fetch_response)(const void *buf, size_t size, size_t len, struct scmi_xfer *xfer);
};

/** scmi_msg_get_ops() - the MSG helpers. */
const struct scmi_msg_ops *scmi_msg_get_ops(void);

#endif /* SCMI_AGENT_MSG_H */
