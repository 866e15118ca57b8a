// SPDX-License-Identifier: BSD-3-Clause
/*
 * Platform-to-agent messages: the sink the transports register, notifications
 * to an agent's P2A channels and delayed responses.
 *
 * The server never queues: a notification is handed to the sink at once, on
 * the caller's thread (the platform's event hook, called with no platform
 * lock held), and a delayed response is handed back to the transport entry,
 * which sends it after the synchronous response (the agent must see them in
 * that order). The buffers are on the stack, bounded by SCMI_SERVER_MAX_PAYLOAD.
 */
#include <string.h>

#include "scmi/proto/header.h"
#include "server/server_protocol.h"
#include "scmi/server/system.h"

static int send_msg(const struct scmi_server *srv, uint32_t channel_id, uint32_t hdr,
		    const void *payload, size_t len)
{
	uint8_t buf[sizeof(uint32_t) + SCMI_SERVER_MAX_PAYLOAD];

	if (len > SCMI_SERVER_MAX_PAYLOAD || (len && !payload))
		return -SCMI_SERVER_EINVAL;
	scmi_put_le32(buf, hdr);
	if (len)
		memcpy(buf + sizeof(uint32_t), payload, len);
	return srv->p2a->send(srv->p2a_ctx, channel_id, buf, sizeof(uint32_t) + len);
}

int scmi_server_send_delayed(const struct scmi_server *srv, uint32_t channel_id,
			     struct scmi_server_delayed *delayed)
{
	int rc;

	if (!delayed || !delayed->pending)
		return 0;
	delayed->pending = false;
	if (!srv || !srv->p2a || !srv->p2a->send)
		return -SCMI_SERVER_ENOTCONN;
	rc = send_msg(srv, channel_id, delayed->hdr, delayed->payload, delayed->len);
	return rc > 0 ? 0 : rc;
}

/*
 * The notifier's layout is the one place where the version the agent uses changes a
 * notification: before 2.0 it has no timeout word (Linux checks the exact size).
 */
static size_t fit_version(const struct scmi_server *srv, uint32_t agent_id, uint8_t protocol_id,
			  uint8_t msg_id, size_t len)
{
	const struct scmi_server_protocol *proto;

	if (protocol_id != SCMI_PROTOCOL_SYSTEM || msg_id != SCMI_EVT_SYSTEM_POWER_STATE_NOTIFIER)
		return len;
	proto = scmi_server_protocol_find(protocol_id);
	if (proto && scmi_server_agent_version(srv, agent_id, proto) < SCMI_SYSTEM_VERSION_2_0 &&
	    len > SCMI_SYSTEM_POWER_STATE_NOTIFIER_V1_SIZE)
		return SCMI_SYSTEM_POWER_STATE_NOTIFIER_V1_SIZE;
	return len;
}

int scmi_server_notify(const struct scmi_server *srv, uint32_t agent_id, uint8_t protocol_id,
		       uint8_t msg_id, const void *payload, size_t len)
{
	uint32_t ids[SCMI_SERVER_MAX_P2A_CHANNELS];
	size_t n, i;
	uint32_t hdr;
	int sent = 0;

	if (!srv || agent_id == 0 || agent_id > SCMI_SERVER_MAX_AGENTS ||
	    len > SCMI_SERVER_MAX_PAYLOAD || (len && !payload))
		return -SCMI_SERVER_EINVAL;
	if (!srv->p2a || !srv->p2a->send || !srv->p2a->agent_channels)
		return -SCMI_SERVER_ENOTCONN;
	n = srv->p2a->agent_channels(srv->p2a_ctx, agent_id, ids, SCMI_SERVER_MAX_P2A_CHANNELS);
	if (n > SCMI_SERVER_MAX_P2A_CHANNELS)
		n = SCMI_SERVER_MAX_P2A_CHANNELS;
	len = fit_version(srv, agent_id, protocol_id, msg_id, len);
	hdr = scmi_hdr_make(protocol_id, msg_id, SCMI_MSG_TYPE_NOTIFICATION, 0);
	for (i = 0; i < n; i++) {
		if (send_msg(srv, ids[i], hdr, payload, len) == 0)
			sent++;
	}
	return n ? sent : -SCMI_SERVER_ENOTCONN;
}
