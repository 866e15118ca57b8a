// SPDX-License-Identifier: BSD-3-Clause
/* What the protocol clients share (proto_common.h). */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/proto/endian.h"

int scmi_proto_xfer(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id, const void *tx,
		    size_t tx_len, void *rx, size_t rx_need)
{
	size_t rx_len = 0;
	int ret;

	if (!agent)
		return -EINVAL;
	ret = scmi_xfer(agent, protocol_id, msg_id, tx, tx_len, rx, rx_need, &rx_len, NULL);
	if (ret)
		return ret;
	if (rx_len < rx_need) {
		scmi_agent_set_error(
		    agent, "protocol 0x%02x message 0x%02x: short reply (%zu of %zu bytes)",
		    protocol_id, msg_id, rx_len, rx_need);
		return -EPROTO;
	}
	return 0;
}

int scmi_proto_xfer_u32(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id,
			const uint32_t *args, size_t n_args, uint32_t *out, size_t n_out)
{
	uint8_t tx[4 * SCMI_PROTO_U32_MAX], rx[4 * SCMI_PROTO_U32_MAX];
	size_t i;
	int ret;

	if (n_args > SCMI_PROTO_U32_MAX || n_out > SCMI_PROTO_U32_MAX || (n_out && !out))
		return -EINVAL;
	for (i = 0; i < n_args; i++)
		scmi_put_le32(tx + 4 * i, args[i]);
	ret = scmi_proto_xfer(agent, protocol_id, msg_id, n_args ? tx : NULL, 4 * n_args,
			      n_out ? rx : NULL, 4 * n_out);
	if (ret)
		return ret;
	for (i = 0; i < n_out; i++)
		out[i] = scmi_get_le32(rx + 4 * i);
	return 0;
}

int scmi_proto_negotiate(struct scmi_agent *agent, uint8_t protocol_id, uint32_t version)
{
	uint32_t attr;
	int ret;

	ret = scmi_protocol_message_attributes(agent, protocol_id,
					       SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, &attr);
	if (ret)
		return ret;
	return scmi_protocol_negotiate_version(agent, protocol_id, version);
}

int scmi_proto_version(struct scmi_agent *agent, uint8_t protocol_id, uint32_t ours,
		       uint32_t *platform, uint32_t *version)
{
	uint32_t v;
	int ret;

	ret = scmi_protocol_version(agent, protocol_id, &v);
	if (ret)
		return ret;
	if (platform)
		*platform = v;
	if (v > ours) {
		/* Refused or not, the client speaks what it knows. */
		(void)scmi_proto_negotiate(agent, protocol_id, ours);
		v = ours;
	}
	*version = v;
	return 0;
}

int scmi_proto_init(struct scmi_agent *agent, uint8_t protocol_id, uint32_t ours,
		    uint32_t *platform, uint32_t *version, uint32_t *attributes)
{
	int ret = scmi_proto_version(agent, protocol_id, ours, platform, version);

	return ret ? ret : scmi_protocol_attributes(agent, protocol_id, attributes);
}

void scmi_proto_copy_name(char *dst, size_t dst_size, const uint8_t *src, size_t src_size)
{
	size_t n = strnlen((const char *)src, src_size);

	if (n >= dst_size)
		n = dst_size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

int scmi_proto_name_get(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id,
			const void *tx, size_t tx_len, char *name, size_t name_size)
{
	uint8_t rx[4 + SCMI_EXT_NAME_SIZE];
	int ret;

	if (!name || !name_size)
		return -EINVAL;
	ret = scmi_proto_xfer(agent, protocol_id, msg_id, tx, tx_len, rx, sizeof(rx));
	if (ret)
		return ret;
	scmi_proto_copy_name(name, name_size, rx + 4, SCMI_EXT_NAME_SIZE);
	return 0;
}

int scmi_proto_walk_step(struct scmi_agent *agent, struct scmi_proto_walk *w, uint32_t returned,
			 uint32_t remaining)
{
	/* The first page announces the total; each later one must agree with it. */
	if (w->page && (uint64_t)returned + remaining != w->expect) {
		scmi_agent_set_error(agent, "%s: remaining %u after %u does not follow (%u left)",
				     w->what, remaining, returned, w->expect);
		return -EPROTO;
	}
	w->expect = remaining;
	w->page++;
	if (!remaining)
		return 1;
	if (!returned) {
		scmi_agent_set_error(agent, "%s: empty page with %u remaining", w->what, remaining);
		return -EPROTO;
	}
	if (w->page >= w->max_pages) {
		scmi_agent_set_error(agent, "%s: no end after %u pages", w->what, w->page);
		return -EPROTO;
	}
	return 0;
}
