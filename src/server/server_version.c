// SPDX-License-Identifier: BSD-3-Clause
/*
 * Protocol versions: what the platform reports, what an agent negotiated,
 * and the common handlers built on that (which messages exist at a version
 * is the central check's, server_dispatch.c).
 *
 * An agent older than the platform negotiates down (NEGOTIATE_PROTOCOL_VERSION);
 * from then on every message it sends is gated and laid out for that version,
 * and PROTOCOL_VERSION reports it. A platform configured for an old version
 * (DT) behaves as firmware of that version would.
 *
 * What the platform says of a protocol (available to an agent or not, at which
 * version) is fixed once it is loaded, so it is asked once: its version per
 * protocol in struct scmi_server, and per agent and standard protocol a 4-bit
 * field (struct scmi_server_agent_state) that says hidden, or the version in
 * force as an index into the versions the server speaks. NEGOTIATE rewrites
 * the field, an agent reset clears it (the platform is asked again). Fields
 * share words, so writers swap them in with a compare-and-swap.
 */
#include "scmi/server/base.h"
#include "server/server_protocol.h"
#include "server/server_run.h"

/* The platform's answer for @proto, without remembering it. */
static uint32_t ask_platform_version(const struct scmi_server *srv,
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

uint32_t scmi_server_platform_version(const struct scmi_server *srv,
				      const struct scmi_server_protocol *proto)
{
	uint32_t idx = scmi_server_std_index(proto->id);
	uint32_t v = 0;

	if (idx < SCMI_SERVER_STD_PROTOCOLS)
		v = __atomic_load_n(&srv->platform_version[idx], __ATOMIC_RELAXED);
	return v ? v : ask_platform_version(srv, proto);
}

/* scmi_server_platform_version(), remembered for a standard protocol. */
static uint32_t remember_platform_version(struct scmi_server *srv,
					  const struct scmi_server_protocol *proto)
{
	uint32_t idx = scmi_server_std_index(proto->id);
	uint32_t v = scmi_server_platform_version(srv, proto);

	/* Fixed once loaded: two channels racing here store the same answer. */
	if (idx < SCMI_SERVER_STD_PROTOCOLS)
		__atomic_store_n(&srv->platform_version[idx], v, __ATOMIC_RELAXED);
	return v;
}

/* The field that stands for @version of @proto: 1 + its index, 0 if not listed. */
static uint32_t version_field(const struct scmi_server_protocol *proto, uint32_t version)
{
	uint32_t i;

	for (i = 0; i < proto->num_versions && i < SCMI_SERVER_PROTO_LISTED; i++) {
		if (proto->versions[i] == version)
			return i + 1u;
	}
	return 0;
}

/* @agent_id's field for @proto as remembered, UNKNOWN if there is none. */
static uint32_t field_of(const struct scmi_server *srv, uint32_t agent_id,
			 const struct scmi_server_protocol *proto)
{
	return scmi_server_run_field(srv, agent_id, scmi_server_std_index(proto->id));
}

/*
 * Store @field as @agent_id's field for protocol @id; with @only_unknown, only over UNKNOWN.
 * Returns the field in force afterwards.
 */
static uint32_t store_field(struct scmi_server *srv, uint32_t agent_id, uint8_t id, uint32_t field,
			    bool only_unknown)
{
	scmi_server_proto_word_t old, mask = SCMI_SERVER_PROTO_MASK;
	scmi_server_proto_word_t *slot;
	uint32_t word, shift, now;

	if (!scmi_server_proto_at(agent_id, id, &word, &shift))
		return field;
	slot = &srv->agents[agent_id].proto[word];
	old = __atomic_load_n(slot, __ATOMIC_RELAXED);
	do {
		now = (uint32_t)(old >> shift) & SCMI_SERVER_PROTO_MASK;
		if (only_unknown && now != SCMI_SERVER_PROTO_UNKNOWN)
			return now;
	} while (!__atomic_compare_exchange_n(
	    slot, &old, (old & ~(mask << shift)) | ((scmi_server_proto_word_t)field << shift), true,
	    __ATOMIC_RELAXED, __ATOMIC_RELAXED));
	return field;
}

uint32_t scmi_server_proto_resolve(struct scmi_server *srv, uint32_t agent_id,
				   const struct scmi_server_protocol *proto)
{
	uint32_t field = field_of(srv, agent_id, proto);

	if (field != SCMI_SERVER_PROTO_UNKNOWN)
		return field;
	if (proto->id != SCMI_PROTOCOL_BASE &&
	    (!srv->ops || !srv->ops->protocol_available ||
	     !srv->ops->protocol_available(srv->plat, agent_id, proto->id))) {
		field = SCMI_SERVER_PROTO_HIDDEN;
	} else {
		field = version_field(proto, remember_platform_version(srv, proto));
		if (!field)
			field = SCMI_SERVER_PROTO_UNLISTED;
	}
	/* A NEGOTIATE on another channel of the agent may have been first: it stands. */
	return store_field(srv, agent_id, proto->id, field, true);
}

uint32_t scmi_server_field_version(const struct scmi_server *srv,
				   const struct scmi_server_protocol *proto, uint32_t field)
{
	if (field - 1u < proto->num_versions && field <= SCMI_SERVER_PROTO_LISTED)
		return proto->versions[scmi_server_confine_index(field - 1u, proto->num_versions)];
	return scmi_server_platform_version(srv, proto);
}

uint32_t scmi_server_agent_version(const struct scmi_server *srv, uint32_t agent_id,
				   const struct scmi_server_protocol *proto)
{
	return scmi_server_field_version(srv, proto, field_of(srv, agent_id, proto));
}

void scmi_server_reset_agent(struct scmi_server *srv, uint32_t agent_id)
{
	uint32_t i;

	if (agent_id > SCMI_SERVER_MAX_AGENTS)
		return;
	/* Back to the platform's versions, asked again on the next message. */
	for (i = 0; i < SCMI_SERVER_ARRAY_SIZE(srv->agents[agent_id].proto); i++)
		__atomic_store_n(&srv->agents[agent_id].proto[i], 0, __ATOMIC_RELAXED);
}

int32_t scmi_server_common_version(struct scmi_server_msg *msg)
{
	scmi_server_msg_put_u32(msg, msg->version);
	return SCMI_SUCCESS;
}

int32_t scmi_server_common_msg_attributes(struct scmi_server_msg *msg)
{
	if (!scmi_server_msg_exists(
		msg, SCMI_SERVER_IN_U32(msg, struct scmi_msg_attributes_a2p, message_id)))
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
	const struct scmi_server_protocol *proto = scmi_server_protocol_find(protocol_id);

	return proto && version_field(proto, version);
}

int32_t scmi_server_common_negotiate(struct scmi_server_msg *msg)
{
	/* Found again by id: the message path keeps no pointer to it for this rare message. */
	const struct scmi_server_protocol *proto = scmi_server_protocol_find(msg->protocol_id);
	uint32_t want = SCMI_SERVER_IN_U32(msg, struct scmi_version_msg, version);
	uint32_t word, shift, field;

	if (!proto || !scmi_server_proto_at(msg->agent_id, proto->id, &word, &shift))
		return SCMI_NOT_SUPPORTED;
	/* Only versions the server speaks, agents may choose, and the platform is not older than.
	 */
	field = version_field(proto, want);
	if (!field || want < proto->min_version ||
	    want > scmi_server_platform_version(msg->srv, proto))
		return SCMI_NOT_SUPPORTED;
	store_field(msg->srv, msg->agent_id, proto->id, field, false);
	return SCMI_SUCCESS;
}
