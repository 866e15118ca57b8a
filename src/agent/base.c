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
#include "scmi/proto/base.h"

/* Bound on LIST_PROTOCOLS pages, whatever the platform claims. */
#define SCMI_BASE_MAX_LIST_PAGES 256u

static int base_xfer(struct scmi_agent *agent, uint8_t msg_id, const void *tx, size_t tx_len,
		     void *rx, size_t rx_need)
{
	return scmi_proto_xfer(agent, SCMI_PROTOCOL_BASE, msg_id, tx, tx_len, rx, rx_need);
}

/* Every Base name field is a 16-byte short name. */
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
		*num_protocols = SCMI_BASE_PA_NUM_PROTOCOLS(attr);
	if (num_agents)
		*num_agents = SCMI_BASE_PA_NUM_AGENTS(attr);
	return 0;
}

/* DISCOVER_VENDOR and DISCOVER_SUB_VENDOR: one reply shape. */
static int base_name(struct scmi_agent *agent, uint8_t msg_id, char name[SCMI_NAME_BUF])
{
	uint8_t rx[sizeof(struct scmi_base_discover_vendor_p2a)];
	int ret;

	if (!name)
		return -EINVAL;
	ret = base_xfer(agent, msg_id, NULL, 0, rx, sizeof(rx));
	if (ret)
		return ret;
	base_copy_name(name,
		       SCMI_FIELD_PTR(rx, struct scmi_base_discover_vendor_p2a, vendor_identifier));
	return 0;
}

int scmi_base_discover_vendor(struct scmi_agent *agent, char vendor[SCMI_NAME_BUF])
{
	return base_name(agent, SCMI_MSG_BASE_DISCOVER_VENDOR, vendor);
}

int scmi_base_discover_sub_vendor(struct scmi_agent *agent, char sub_vendor[SCMI_NAME_BUF])
{
	return base_name(agent, SCMI_MSG_BASE_DISCOVER_SUB_VENDOR, sub_vendor);
}

int scmi_base_discover_impl_version(struct scmi_agent *agent, uint32_t *impl_version)
{
	uint8_t rx[sizeof(struct scmi_base_discover_impl_version_p2a)];
	int ret;

	if (!impl_version)
		return -EINVAL;
	ret = base_xfer(agent, SCMI_MSG_BASE_DISCOVER_IMPLEMENTATION_VERSION, NULL, 0, rx,
			sizeof(rx));
	if (!ret)
		*impl_version =
		    SCMI_GET_U32(rx, struct scmi_base_discover_impl_version_p2a, impl_version);
	return ret;
}

int scmi_base_discover_list_protocols(struct scmi_agent *agent, uint32_t expected, uint8_t *ids,
				      size_t max, size_t *count)
{
	const size_t head = sizeof(struct scmi_base_discover_list_protocols_p2a);
	const size_t entry =
	    SCMI_FIELD_SIZE(struct scmi_base_discover_list_protocols_p2a, protocols[0]);
	uint8_t rx[SCMI_DT_MAX_MSG_SIZE], tx[sizeof(struct scmi_base_discover_list_protocols_a2p)];
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
		SCMI_PUT_U32(tx, struct scmi_base_discover_list_protocols_a2p, skip, listed);
		ret = scmi_xfer(agent, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS,
				tx, sizeof(tx), rx, rx_max, &rx_len, NULL);
		if (ret)
			return ret;
		if (rx_len < head) {
			scmi_agent_set_error(agent, "LIST_PROTOCOLS: short reply (%zu bytes)",
					     rx_len);
			return -EPROTO;
		}
		num = SCMI_GET_U32(rx, struct scmi_base_discover_list_protocols_p2a, num_protocols);
		if (!num)
			break; /* an empty page ends the walk, as in Linux */
		if (num > expected - listed) {
			scmi_agent_set_error(agent,
					     "LIST_PROTOCOLS: page of %u ids but only %u remain",
					     num, expected - listed);
			return -EPROTO;
		}
		/* The ids fill whole words. */
		need = head + entry * SCMI_BASE_PROTOCOLS_PER_WORD *
				  (((size_t)num + SCMI_BASE_PROTOCOLS_PER_WORD - 1) /
				   SCMI_BASE_PROTOCOLS_PER_WORD);
		if (rx_len < need) {
			scmi_agent_set_error(
			    agent, "LIST_PROTOCOLS: page claims %u ids in %zu bytes", num, rx_len);
			return -EPROTO;
		}
		for (i = 0; i < num; i++)
			if (stored < max)
				ids[stored++] = rx[head + i * entry];
		listed += num;
	}
	*count = stored;
	return 0;
}

/*
 * Base 1.0 replies with the name alone, 2.0 on with the agent id first: the length
 * tells them apart. A 1.0 reply names the agent asked for.
 */
int scmi_base_discover_agent(struct scmi_agent *agent, uint32_t agent_id, uint32_t *id_out,
			     char name[SCMI_NAME_BUF])
{
	uint8_t tx[sizeof(struct scmi_base_discover_agent_a2p)];
	uint8_t rx[sizeof(struct scmi_base_discover_agent_p2a)];
	size_t rx_len;
	int ret;

	SCMI_PUT_U32(tx, struct scmi_base_discover_agent_a2p, agent_id, agent_id);
	ret = scmi_xfer(agent, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_DISCOVER_AGENT, tx, sizeof(tx), rx,
			sizeof(rx), &rx_len, NULL);
	if (ret)
		return ret;
	if (rx_len == sizeof(struct scmi_base_discover_agent_v1_p2a)) {
		if (id_out)
			*id_out = agent_id;
		if (name)
			base_copy_name(
			    name, SCMI_FIELD_PTR(rx, struct scmi_base_discover_agent_v1_p2a, name));
		return 0;
	}
	if (rx_len < sizeof(rx)) {
		scmi_agent_set_error(agent,
				     "protocol 0x10 message 0x%02x: short reply (%zu of %zu "
				     "bytes)",
				     SCMI_MSG_BASE_DISCOVER_AGENT, rx_len, sizeof(rx));
		return -EPROTO;
	}
	if (id_out)
		*id_out = SCMI_GET_U32(rx, struct scmi_base_discover_agent_p2a, agent_id);
	if (name)
		base_copy_name(name, SCMI_FIELD_PTR(rx, struct scmi_base_discover_agent_p2a, name));
	return 0;
}

int scmi_base_notify_errors(struct scmi_agent *agent, bool enable)
{
	uint8_t tx[sizeof(struct scmi_base_notify_errors_a2p)];

	SCMI_PUT_U32(tx, struct scmi_base_notify_errors_a2p, notify_enable,
		     enable ? SCMI_NOTIFY_ENABLE : 0u);
	return base_xfer(agent, SCMI_MSG_BASE_NOTIFY_ERRORS, tx, sizeof(tx), NULL, 0);
}

int scmi_base_set_device_permissions(struct scmi_agent *agent, uint32_t agent_id,
				     uint32_t device_id, bool allow)
{
	uint8_t tx[sizeof(struct scmi_base_set_device_permissions_a2p)];

	SCMI_PUT_U32(tx, struct scmi_base_set_device_permissions_a2p, agent_id, agent_id);
	SCMI_PUT_U32(tx, struct scmi_base_set_device_permissions_a2p, device_id, device_id);
	SCMI_PUT_U32(tx, struct scmi_base_set_device_permissions_a2p, flags,
		     allow ? SCMI_BASE_PERM_ALLOW : 0u);
	return base_xfer(agent, SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS, tx, sizeof(tx), NULL, 0);
}

int scmi_base_set_protocol_permissions(struct scmi_agent *agent, uint32_t agent_id,
				       uint32_t device_id, uint8_t protocol_id, bool allow)
{
	uint8_t tx[sizeof(struct scmi_base_set_protocol_permissions_a2p)];

	SCMI_PUT_U32(tx, struct scmi_base_set_protocol_permissions_a2p, agent_id, agent_id);
	SCMI_PUT_U32(tx, struct scmi_base_set_protocol_permissions_a2p, device_id, device_id);
	SCMI_PUT_U32(tx, struct scmi_base_set_protocol_permissions_a2p, command_id, protocol_id);
	SCMI_PUT_U32(tx, struct scmi_base_set_protocol_permissions_a2p, flags,
		     allow ? SCMI_BASE_PERM_ALLOW : 0u);
	return base_xfer(agent, SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS, tx, sizeof(tx), NULL, 0);
}

int scmi_base_reset_agent_configuration(struct scmi_agent *agent, uint32_t agent_id,
					bool reset_permissions)
{
	uint8_t tx[sizeof(struct scmi_base_reset_agent_configuration_a2p)];

	SCMI_PUT_U32(tx, struct scmi_base_reset_agent_configuration_a2p, agent_id, agent_id);
	SCMI_PUT_U32(tx, struct scmi_base_reset_agent_configuration_a2p, flags,
		     reset_permissions ? SCMI_BASE_RESET_PERMISSIONS : 0u);
	return base_xfer(agent, SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION, tx, sizeof(tx), NULL, 0);
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
