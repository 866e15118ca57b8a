// SPDX-License-Identifier: BSD-3-Clause
/* The messages every protocol has (PROTOCOL_VERSION, _ATTRIBUTES, ...). */
#include <errno.h>

#include "agent/common.h"
#include "scmi/proto/endian.h"

/* A command with no parameters answered by one u32. */
static int scmi_get_u32(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id,
			const void *tx, size_t tx_len, uint32_t *out)
{
	uint8_t rx[4];
	size_t rx_len;
	int ret;

	if (!out)
		return -EINVAL;
	ret = scmi_xfer(agent, protocol_id, msg_id, tx, tx_len, rx, sizeof(rx), &rx_len, NULL);
	if (ret)
		return ret;
	if (rx_len < sizeof(rx))
		return -EPROTO;
	*out = scmi_get_le32(rx);
	return 0;
}

int scmi_protocol_version(struct scmi_agent *agent, uint8_t protocol_id, uint32_t *version)
{
	return scmi_get_u32(agent, protocol_id, SCMI_MSG_PROTOCOL_VERSION, NULL, 0, version);
}

int scmi_protocol_attributes(struct scmi_agent *agent, uint8_t protocol_id, uint32_t *attributes)
{
	return scmi_get_u32(agent, protocol_id, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0, attributes);
}

int scmi_protocol_message_attributes(struct scmi_agent *agent, uint8_t protocol_id, uint32_t msg_id,
				     uint32_t *attributes)
{
	uint8_t tx[4];

	scmi_put_le32(tx, msg_id);
	return scmi_get_u32(agent, protocol_id, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, tx,
			    sizeof(tx), attributes);
}

int scmi_protocol_negotiate_version(struct scmi_agent *agent, uint8_t protocol_id, uint32_t version)
{
	uint8_t tx[4];

	scmi_put_le32(tx, version);
	return scmi_xfer(agent, protocol_id, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, tx, sizeof(tx),
			 NULL, 0, NULL, NULL);
}
