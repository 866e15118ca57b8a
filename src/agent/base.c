// SPDX-License-Identifier: BSD-3-Clause
/*
 * Base protocol (0x10) client. Every reply is checked against the exact
 * length its fields need: a shorter one is -EPROTO, never read past.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/base.h"
#include "scmi/proto/endian.h"

/* Bound on LIST_PROTOCOLS pages, whatever the platform claims. */
#define SCMI_BASE_MAX_LIST_PAGES 256u

static int base_xfer(struct scmi_agent *agent, uint8_t msg_id, const void *tx, size_t tx_len,
		     void *rx, size_t rx_need)
{
	return scmi_proto_xfer(agent, SCMI_PROTOCOL_BASE, msg_id, tx, tx_len, rx, rx_need);
}

static void base_copy_name(char dst[SCMI_NAME_BUF], const uint8_t *src)
{
	scmi_proto_copy_name(dst, SCMI_NAME_BUF, src, SCMI_SHORT_NAME_SIZE);
}

int scmi_base_attributes(struct scmi_agent *agent, uint32_t *num_protocols, uint32_t *num_agents)
{
	uint32_t attr;
	int ret;

	ret = scmi_protocol_attributes(agent, SCMI_PROTOCOL_BASE, &attr);
	if (ret)
		return ret;
	if (num_protocols)
		*num_protocols = attr & 0xffu;
	if (num_agents)
		*num_agents = (attr >> 8) & 0xffu;
	return 0;
}

static int base_name(struct scmi_agent *agent, uint8_t msg_id, char name[SCMI_NAME_BUF])
{
	uint8_t rx[SCMI_SHORT_NAME_SIZE];
	int ret;

	if (!name)
		return -EINVAL;
	ret = base_xfer(agent, msg_id, NULL, 0, rx, sizeof(rx));
	if (ret)
		return ret;
	base_copy_name(name, rx);
	return 0;
}

int scmi_base_discover_vendor(struct scmi_agent *agent, char vendor[SCMI_NAME_BUF])
{
	return base_name(agent, SCMI_BASE_DISCOVER_VENDOR, vendor);
}

int scmi_base_discover_sub_vendor(struct scmi_agent *agent, char sub_vendor[SCMI_NAME_BUF])
{
	return base_name(agent, SCMI_BASE_DISCOVER_SUB_VENDOR, sub_vendor);
}

int scmi_base_discover_impl_version(struct scmi_agent *agent, uint32_t *impl_version)
{
	uint8_t rx[4];
	int ret;

	if (!impl_version)
		return -EINVAL;
	ret = base_xfer(agent, SCMI_BASE_DISCOVER_IMPLEMENTATION_VERSION, NULL, 0, rx, sizeof(rx));
	if (!ret)
		*impl_version = scmi_get_le32(rx);
	return ret;
}

int scmi_base_discover_list_protocols(struct scmi_agent *agent, uint32_t expected, uint8_t *ids,
				      size_t max, size_t *count)
{
	uint8_t rx[SCMI_DT_MAX_MSG_SIZE], tx[4];
	size_t rx_max, rx_len, need, stored = 0, i;
	uint32_t listed = 0, num, pages = 0;
	int ret;

	if (!agent || !count || (max && !ids))
		return -EINVAL;
	*count = 0;
	rx_max = scmi_agent_max_msg_size(agent);
	if (rx_max > sizeof(rx))
		rx_max = sizeof(rx);

	while (listed < expected) {
		if (++pages > SCMI_BASE_MAX_LIST_PAGES) {
			scmi_agent_set_error(agent, "LIST_PROTOCOLS: no end after %u pages",
					     SCMI_BASE_MAX_LIST_PAGES);
			return -EPROTO;
		}
		scmi_put_le32(tx, listed);
		ret = scmi_xfer(agent, SCMI_PROTOCOL_BASE, SCMI_BASE_DISCOVER_LIST_PROTOCOLS, tx,
				sizeof(tx), rx, rx_max, &rx_len, NULL);
		if (ret)
			return ret;
		if (rx_len < 4) {
			scmi_agent_set_error(agent, "LIST_PROTOCOLS: short reply (%zu bytes)",
					     rx_len);
			return -EPROTO;
		}
		num = scmi_get_le32(rx);
		if (!num)
			break; /* an empty page ends the walk, as in Linux */
		if (num > expected - listed) {
			scmi_agent_set_error(agent,
					     "LIST_PROTOCOLS: page of %u ids but only %u remain",
					     num, expected - listed);
			return -EPROTO;
		}
		need = 4 + 4 * (((size_t)num + 3) / 4);
		if (rx_len < need) {
			scmi_agent_set_error(
			    agent, "LIST_PROTOCOLS: page claims %u ids in %zu bytes", num, rx_len);
			return -EPROTO;
		}
		for (i = 0; i < num; i++)
			if (stored < max)
				ids[stored++] = rx[4 + i];
		listed += num;
	}
	*count = stored;
	return 0;
}

/*
 * Base 1.0 replies with the name alone (16 bytes), 2.0 on with the agent id first
 * (20 bytes): the length tells them apart. A 1.0 reply names the agent asked for.
 */
int scmi_base_discover_agent(struct scmi_agent *agent, uint32_t agent_id, uint32_t *id_out,
			     char name[SCMI_NAME_BUF])
{
	uint8_t tx[4], rx[4 + SCMI_SHORT_NAME_SIZE];
	size_t rx_len;
	int ret;

	scmi_put_le32(tx, agent_id);
	ret = scmi_xfer(agent, SCMI_PROTOCOL_BASE, SCMI_BASE_DISCOVER_AGENT, tx, sizeof(tx), rx,
			sizeof(rx), &rx_len, NULL);
	if (ret)
		return ret;
	if (rx_len == SCMI_SHORT_NAME_SIZE) {
		if (id_out)
			*id_out = agent_id;
		if (name)
			base_copy_name(name, rx);
		return 0;
	}
	if (rx_len < sizeof(rx)) {
		scmi_agent_set_error(agent,
				     "protocol 0x10 message 0x%02x: short reply (%zu of %zu "
				     "bytes)",
				     SCMI_BASE_DISCOVER_AGENT, rx_len, sizeof(rx));
		return -EPROTO;
	}
	if (id_out)
		*id_out = scmi_get_le32(rx);
	if (name)
		base_copy_name(name, rx + 4);
	return 0;
}

int scmi_base_notify_errors(struct scmi_agent *agent, bool enable)
{
	uint8_t tx[4];

	scmi_put_le32(tx, enable ? 1u : 0u);
	return base_xfer(agent, SCMI_BASE_NOTIFY_ERRORS, tx, sizeof(tx), NULL, 0);
}

int scmi_base_set_device_permissions(struct scmi_agent *agent, uint32_t agent_id,
				     uint32_t device_id, bool allow)
{
	uint8_t tx[12];

	scmi_put_le32(tx, agent_id);
	scmi_put_le32(tx + 4, device_id);
	scmi_put_le32(tx + 8, allow ? 1u : 0u);
	return base_xfer(agent, SCMI_BASE_SET_DEVICE_PERMISSIONS, tx, sizeof(tx), NULL, 0);
}

int scmi_base_set_protocol_permissions(struct scmi_agent *agent, uint32_t agent_id,
				       uint32_t device_id, uint8_t protocol_id, bool allow)
{
	uint8_t tx[16];

	scmi_put_le32(tx, agent_id);
	scmi_put_le32(tx + 4, device_id);
	scmi_put_le32(tx + 8, protocol_id);
	scmi_put_le32(tx + 12, allow ? 1u : 0u);
	return base_xfer(agent, SCMI_BASE_SET_PROTOCOL_PERMISSIONS, tx, sizeof(tx), NULL, 0);
}

int scmi_base_reset_agent_configuration(struct scmi_agent *agent, uint32_t agent_id,
					bool reset_permissions)
{
	uint8_t tx[8];

	scmi_put_le32(tx, agent_id);
	scmi_put_le32(tx + 4, reset_permissions ? 1u : 0u);
	return base_xfer(agent, SCMI_BASE_RESET_AGENT_CONFIGURATION, tx, sizeof(tx), NULL, 0);
}

int scmi_base_get_info(struct scmi_agent *agent, struct scmi_base_info *info)
{
	int ret;

	if (!agent || !info)
		return -EINVAL;
	memset(info, 0, sizeof(*info));
	ret = scmi_protocol_version(agent, SCMI_PROTOCOL_BASE, &info->version);
	if (ret)
		return ret;
	ret = scmi_base_attributes(agent, &info->num_protocols, &info->num_agents);
	if (ret)
		return ret;
	ret = scmi_base_discover_vendor(agent, info->vendor);
	if (ret)
		return ret;
	/* Sub-vendor is optional in the spec: NOT_SUPPORTED means "none". */
	ret = scmi_base_discover_sub_vendor(agent, info->sub_vendor);
	if (ret == -EOPNOTSUPP)
		info->sub_vendor[0] = '\0';
	else if (ret)
		return ret;
	ret = scmi_base_discover_impl_version(agent, &info->impl_version);
	if (ret)
		return ret;
	return scmi_base_discover_list_protocols(agent, info->num_protocols, info->protocols,
						 sizeof(info->protocols), &info->num_listed);
}
