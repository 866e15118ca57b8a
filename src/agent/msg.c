// SPDX-License-Identifier: BSD-3-Clause
/*
 * MSG-layout helpers. The buffer is shared with the platform: the reply
 * length comes from the transport and is bounded by the buffer size here.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/msg.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/msg.h"

static size_t msg_command_size(const struct scmi_xfer *xfer)
{
	return SCMI_MSG_HDR_SIZE + xfer->tx_len;
}

static size_t msg_response_size(size_t max_payload)
{
	return SCMI_MSG_RESP_OVERHEAD + max_payload;
}

static int msg_tx_prepare(void *buf, size_t size, struct scmi_xfer *xfer)
{
	uint8_t *p = buf;

	if (size < SCMI_MSG_HDR_SIZE || xfer->tx_len > size - SCMI_MSG_HDR_SIZE) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "request of %zu bytes does not fit a %zu-byte MSG buffer",
			     xfer->tx_len, size);
		return -ERANGE;
	}
	scmi_put_le32(p, xfer->hdr_word);
	if (xfer->tx_len)
		memcpy(p + SCMI_MSG_OFF_PAYLOAD, xfer->tx, xfer->tx_len);
	return 0;
}

static int msg_fetch_response(const void *buf, size_t size, size_t len, struct scmi_xfer *xfer)
{
	const uint8_t *p = buf;

	if (len < SCMI_MSG_RESP_OVERHEAD) {
		scmi_set_err(xfer->err, sizeof(xfer->err), "short reply: %zu bytes, no status word",
			     len);
		return -EPROTO;
	}
	if (len > size) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "reply length %zu overruns the %zu-byte MSG buffer", len, size);
		return -EPROTO;
	}
	xfer->resp_hdr = scmi_get_le32(p);
	xfer->status = (int32_t)scmi_get_le32(p + SCMI_MSG_OFF_STATUS);
	xfer->rx_full = len - SCMI_MSG_RESP_OVERHEAD;
	xfer->rx_len = xfer->rx_full < xfer->rx_max ? xfer->rx_full : xfer->rx_max;
	if (xfer->rx_len)
		memcpy(xfer->rx, p + SCMI_MSG_OFF_RETURN, xfer->rx_len);
	return 0;
}

static const struct scmi_msg_ops scmi_msg_ops = {
    .command_size = msg_command_size,
    .response_size = msg_response_size,
    .tx_prepare = msg_tx_prepare,
    .fetch_response = msg_fetch_response,
};

const struct scmi_msg_ops *scmi_msg_get_ops(void)
{
	return &scmi_msg_ops;
}
