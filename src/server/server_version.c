// SPDX-License-Identifier: BSD-3-Clause
/*
 * Protocol versions: what the platform reports, what an agent negotiated,
 * which messages exist at a version, and the common handlers built on that.
 *
 * An agent older than the platform negotiates down (NEGOTIATE_PROTOCOL_VERSION);
 * from then on every message it sends is gated and laid out for that version,
 * and PROTOCOL_VERSION reports it. A platform configured for an old version
 * (DT) behaves as firmware of that version would.
 */
#include "scmi/server/base.h"
#include "server/server_protocol.h"

static uint32_t *negotiated_slot(const struct scmi_server *srv, uint32_t agent_id, uint8_t id)
{
	uint32_t idx = (uint32_t)id - SCMI_PROTOCOL_BASE;

	if (!srv->agents || agent_id > SCMI_SERVER_MAX_AGENTS || id < SCMI_PROTOCOL_BASE ||
	    idx >= SCMI_SERVER_STD_PROTOCOLS)
		return NULL;
	return &srv->agents[agent_id].negotiated[idx];
}

uint32_t scmi_server_platform_version(const struct scmi_server *srv,
				      const struct scmi_server_protocol *proto)
{
	const struct scmi_server_base_ops *bops;
	uint32_t v = 0;

	/*
	 * Base's version is the platform's Base ops' (server/base.h), not
	 * protocol_version(): platforms written before Base had versions report
	 * their other protocols' version there for any id.
	 */
	if (proto->id == SCMI_PROTOCOL_BASE) {
		bops = srv->ops ? srv->ops->base : NULL;
		if (bops && bops->version)
			v = bops->version(srv->plat);
	} else if (srv->ops && srv->ops->protocol_version) {
		v = srv->ops->protocol_version(srv->plat, proto->id);
	}
	return v ? v : scmi_server_protocol_newest(proto);
}

uint32_t scmi_server_agent_version(const struct scmi_server *srv, uint32_t agent_id,
				   const struct scmi_server_protocol *proto)
{
	uint32_t *slot = negotiated_slot(srv, agent_id, proto->id);
	uint32_t v = slot ? __atomic_load_n(slot, __ATOMIC_RELAXED) : 0;

	return v ? v : scmi_server_platform_version(srv, proto);
}

void scmi_server_reset_agent(const struct scmi_server *srv, uint32_t agent_id)
{
	uint32_t i;

	if (!srv->agents || agent_id > SCMI_SERVER_MAX_AGENTS)
		return;
	for (i = 0; i < SCMI_SERVER_STD_PROTOCOLS; i++)
		__atomic_store_n(&srv->agents[agent_id].negotiated[i], 0, __ATOMIC_RELAXED);
}

bool scmi_server_msg_exists(const struct scmi_server_msg *msg, uint32_t msg_id)
{
	const struct scmi_server_protocol *proto = msg->proto;
	size_t idx;

	uint32_t version = msg->version;

	if (!scmi_server_protocol_has_msg(proto, msg_id))
		return false;
	idx = scmi_server_confine_index(msg_id, proto->count);
	if (!proto->min_versions)
		return true;
	/*
	 * NEGOTIATE exists when the platform runs a version that has it, whatever the agent
	 * negotiated since: an agent that went down may always come back up.
	 */
	if (msg_id == SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION)
		version = scmi_server_platform_version(msg->srv, proto);
	return version >= proto->min_versions[idx];
}

int32_t scmi_server_common_version(struct scmi_server_msg *msg)
{
	scmi_server_msg_put_u32(msg, msg->version);
	return SCMI_SUCCESS;
}

int32_t scmi_server_common_msg_attributes(struct scmi_server_msg *msg)
{
	if (!scmi_server_msg_exists(msg, scmi_server_msg_get_u32(msg, 0)))
		return SCMI_NOT_FOUND;
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

const uint32_t *scmi_server_protocol_versions(uint8_t protocol_id, size_t *count)
{
	const struct scmi_server_protocol *proto = scmi_server_protocol_find(protocol_id);

	*count = proto ? proto->num_versions : 0;
	return proto ? proto->versions : NULL;
}

bool scmi_server_protocol_speaks(uint8_t protocol_id, uint32_t version)
{
	size_t n, i;
	const uint32_t *v = scmi_server_protocol_versions(protocol_id, &n);

	for (i = 0; i < n; i++) {
		if (v[i] == version)
			return true;
	}
	return false;
}

int32_t scmi_server_common_negotiate(struct scmi_server_msg *msg)
{
	uint32_t want = scmi_server_msg_get_u32(msg, 0);
	uint32_t *slot = negotiated_slot(msg->srv, msg->agent_id, msg->protocol_id);

	/* Only versions the server speaks, agents may choose, and the platform is not older than.
	 */
	if (!slot || want < msg->proto->min_version ||
	    want > scmi_server_platform_version(msg->srv, msg->proto) ||
	    !scmi_server_protocol_speaks(msg->protocol_id, want))
		return SCMI_NOT_SUPPORTED;
	__atomic_store_n(slot, want, __ATOMIC_RELAXED);
	return SCMI_SUCCESS;
}
