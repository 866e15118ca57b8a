// SPDX-License-Identifier: BSD-3-Clause
/*
 * Platform-to-agent messages in the core: delayed responses to asynchronous
 * commands, and notifications. Only transports with a P2A path (linux-raw)
 * provide the ops; over the others both calls are -EOPNOTSUPP.
 *
 * An asynchronous command is one transfer that holds its token and its
 * channel until the delayed response came or timed out, so that the token is
 * not reused while the platform may still answer on it, and so that the
 * delayed response (same token, type 2) is checked like any reply.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/trace.h"

static uint32_t scmi_delayed_timeout(const struct scmi_chan_info *cinfo)
{
	return cinfo->timeout_ms > SCMI_DELAYED_TIMEOUT_MS ? cinfo->timeout_ms
							   : SCMI_DELAYED_TIMEOUT_MS;
}

/* The delayed response: wait for it, then check it echoes our header as type 2. */
static int scmi_get_delayed(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer,
			    struct scmi_async_reply *reply)
{
	struct scmi_agent *agent = cinfo->agent;
	int ret;

	xfer->rx = reply->drx;
	xfer->rx_max = reply->drx_max;
	xfer->rx_len = 0;
	xfer->rx_full = 0;
	xfer->status = SCMI_SUCCESS;
	xfer->hdr.type = SCMI_MSG_TYPE_DELAYED_RESP;
	xfer->hdr_word = scmi_hdr_pack(&xfer->hdr);
	ret = agent->desc->ops->fetch_delayed(cinfo, xfer, scmi_delayed_timeout(cinfo));
	if (!ret)
		ret = scmi_check_reply_hdr(agent, xfer);
	if (ret)
		return ret;
	scmi_trace_xfer(cinfo, xfer, SCMI_DUMP_DLYD);
	reply->delayed = true;
	reply->drx_len = xfer->rx_len;
	reply->dstatus = xfer->status;
	return 0;
}

static void scmi_count(struct scmi_agent *agent, int ret, const struct scmi_xfer *xfer,
		       uint8_t protocol_id, uint8_t msg_id)
{
	if (ret) {
		scmi_agent_set_error(agent, "protocol 0x%02x message 0x%02x (async): %s (%s)",
				     protocol_id, msg_id,
				     xfer->err[0] ? xfer->err : scmi_strerror(ret),
				     strerrorname_np(-ret) ? strerrorname_np(-ret) : "?");
	}
	pthread_mutex_lock(&agent->err_lock);
	if (ret)
		agent->xfers_failed++;
	else
		agent->xfers_ok++;
	pthread_mutex_unlock(&agent->err_lock);
}

int scmi_xfer_async(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id, const void *tx,
		    size_t tx_len, struct scmi_async_reply *reply)
{
	const struct scmi_transport_ops *ops;
	struct scmi_chan_info *cinfo;
	struct scmi_xfer xfer;
	int token, ret;

	if (!agent || !reply || (tx_len && !tx) || (reply->rx_max && !reply->rx) ||
	    (reply->drx_max && !reply->drx))
		return -EINVAL;
	if (tx_len > agent->max_msg_size || reply->rx_max > agent->max_msg_size ||
	    reply->drx_max > agent->max_msg_size)
		return -ERANGE;
	reply->rx_len = 0;
	reply->drx_len = 0;
	reply->status = SCMI_SUCCESS;
	reply->dstatus = SCMI_SUCCESS;
	reply->delayed = false;
	ops = agent->desc->ops;
	if (!ops->fetch_delayed)
		return -EOPNOTSUPP;

	token = scmi_xfer_command(agent, &xfer, protocol_id, msg_id, tx, tx_len, reply->rx,
				  reply->rx_max);
	if (token < 0)
		return token;
	xfer.async = true;

	cinfo = scmi_chan_for_protocol(agent, protocol_id);
	pthread_mutex_lock(&cinfo->lock);
	ret = scmi_xfer_exchange(cinfo, &xfer);
	if (!ret) {
		reply->rx_len = xfer.rx_len;
		reply->status = xfer.status;
	}
	/* A refused request has no delayed response to wait for. */
	if (!ret && xfer.status == SCMI_SUCCESS)
		ret = scmi_get_delayed(cinfo, &xfer, reply);
	if (ops->mark_txdone)
		ops->mark_txdone(cinfo, ret, &xfer);
	pthread_mutex_unlock(&cinfo->lock);
	scmi_token_free(agent, (unsigned int)token);

	scmi_count(agent, ret, &xfer, protocol_id, msg_id);
	if (ret)
		return ret;
	if (reply->status != SCMI_SUCCESS)
		return scmi_status_to_errno(reply->status);
	if (reply->rx_len > reply->rx_max)
		reply->rx_len = reply->rx_max;
	return scmi_status_to_errno(reply->dstatus);
}

int scmi_notification_wait(struct scmi_agent *agent, uint32_t timeout_ms,
			   struct scmi_notification *n)
{
	char err[SCMI_ERR_LEN] = "";
	struct scmi_hdr h;
	int ret;

	if (!agent || !n || (n->max && !n->payload))
		return -EINVAL;
	n->hdr = 0;
	n->len = 0;
	n->full_len = 0;
	if (!agent->desc->ops->fetch_notification)
		return -EOPNOTSUPP;
	ret = agent->desc->ops->fetch_notification(agent, timeout_ms, n, err, sizeof(err));
	if (ret) {
		if (ret != -ETIMEDOUT)
			scmi_agent_set_error(agent, "notification: %s",
					     err[0] ? err : scmi_strerror(ret));
		return ret;
	}
	scmi_hdr_unpack(n->hdr, &h);
	if (h.type != SCMI_MSG_TYPE_NOTIFICATION) {
		scmi_agent_set_error(agent, "notification: header 0x%08x is not of type 3", n->hdr);
		return -EPROTO;
	}
	n->protocol_id = h.protocol_id;
	n->msg_id = h.msg_id;
	if (n->len > n->max)
		n->len = n->max;
	scmi_trace_notification(agent, n);
	return 0;
}
