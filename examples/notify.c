// SPDX-License-Identifier: BSD-3-Clause
/*
 * notify: the server core in-process, and an agent that subscribes to a notification.
 *
 *   ./notify
 *
 * Notifications need a platform-to-agent path. The OP-TEE transport has none (an agent
 * of optee-simd polls instead); virtio-scmi has one, and so does a program that embeds
 * the server core (libscmi-server, include/scmi/server/) with a P2A "sink" of its own,
 * as this one does. The platform here is the smallest there is: one agent on channel 0
 * and the System power protocol.
 *
 * The agent subscribes with SYSTEM_POWER_STATE_NOTIFY; then the power button is pressed
 * and the platform asks every subscriber for a graceful shutdown; the sink receives the
 * SYSTEM_POWER_STATE_NOTIFIER message as an agent would read it off its channel. After
 * unsubscribing, a second press reaches nobody.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <scmi/proto/header.h>
#include <scmi/proto/layout.h>
#include <scmi/proto/system.h>
#include <scmi/server/server.h>
#include <scmi/server/system.h>

#define CHANNEL 0u
#define AGENT	1u

/* The platform's state: the System power protocol's, and one agent's subscription. */
struct board {
	uint32_t state;
	bool subscribed;
};

/* --- the platform, as the server core asks for it (struct scmi_server_platform_ops) --- */

static bool channel_agent(void *plat, uint32_t channel_id, uint32_t *agent_id)
{
	(void)plat;
	*agent_id = AGENT;
	return channel_id == CHANNEL;
}

static uint32_t num_agents(void *plat)
{
	(void)plat;
	return 1;
}

static bool agent_name(void *plat, uint32_t agent_id, char name[SCMI_SHORT_NAME_SIZE])
{
	(void)plat;
	/* Names are NUL-padded to the field's size, as strncpy leaves them. */
	strncpy(name, agent_id ? "os" : "board", SCMI_SHORT_NAME_SIZE);
	return agent_id <= AGENT;
}

static void vendor(void *plat, char name[SCMI_SHORT_NAME_SIZE])
{
	(void)plat;
	strncpy(name, "example", SCMI_SHORT_NAME_SIZE);
}

static uint32_t impl_version(void *plat)
{
	(void)plat;
	return 1;
}

static bool protocol_available(void *plat, uint32_t agent_id, uint8_t protocol_id)
{
	(void)plat;
	(void)agent_id;
	return protocol_id == SCMI_PROTOCOL_SYSTEM;
}

static uint32_t protocol_version(void *plat, uint8_t protocol_id)
{
	(void)plat;
	(void)protocol_id;
	return 0; /* whatever the server implements */
}

static uint32_t system_supported(void *plat)
{
	(void)plat;
	return 1u << SCMI_SYSTEM_STATE_SHUTDOWN | 1u << SCMI_SYSTEM_STATE_COLD_RESET |
	       1u << SCMI_SYSTEM_STATE_POWER_UP;
}

static int32_t system_state_set(void *plat, uint32_t agent_id, uint32_t flags, uint32_t state)
{
	struct board *b = plat;

	(void)agent_id;
	(void)flags;
	b->state = state;
	return SCMI_SUCCESS;
}

static uint32_t system_state_get(void *plat)
{
	return ((struct board *)plat)->state;
}

/* The server validated the message; the platform keeps the subscription. */
static int32_t system_notify(void *plat, uint32_t agent_id, bool enable)
{
	(void)agent_id;
	((struct board *)plat)->subscribed = enable;
	return SCMI_SUCCESS;
}

static const struct scmi_server_system_ops system_ops = {
    .supported = system_supported,
    .state_set = system_state_set,
    .state_get = system_state_get,
    .notify = system_notify,
};

static const struct scmi_server_platform_ops platform_ops = {
    .channel_agent = channel_agent,
    .num_agents = num_agents,
    .agent_name = agent_name,
    .vendor = vendor,
    .sub_vendor = vendor,
    .impl_version = impl_version,
    .protocol_available = protocol_available,
    .protocol_version = protocol_version,
    .system = &system_ops,
};

/* --- the P2A path: where a transport would write to the agent's notification channel --- */

static int sink_send(void *ctx, uint32_t channel_id, const void *msg, size_t len)
{
	const uint8_t *payload = (const uint8_t *)msg + 4;
	struct scmi_hdr h;

	(void)ctx;
	scmi_hdr_unpack(scmi_get_le32(msg), &h);
	printf("channel %u: notification protocol 0x%x id %u, %zu bytes\n", channel_id,
	       h.protocol_id, h.msg_id, len - 4);
	if (h.type == SCMI_MSG_TYPE_NOTIFICATION && h.protocol_id == SCMI_PROTOCOL_SYSTEM &&
	    h.msg_id == SCMI_EVT_SYSTEM_POWER_STATE_NOTIFIER && len - 4 >= 16)
		printf("  from agent %u: %s system state %u, within %u ms\n",
		       SCMI_GET_U32(payload, struct scmi_system_power_state_notifier_evt, agent_id),
		       SCMI_GET_U32(payload, struct scmi_system_power_state_notifier_evt, flags) &
			       SCMI_SYSTEM_FLAG_GRACEFUL
			   ? "graceful"
			   : "forceful",
		       SCMI_GET_U32(payload, struct scmi_system_power_state_notifier_evt,
				    system_state),
		       SCMI_GET_U32(payload, struct scmi_system_power_state_notifier_evt, timeout));
	return 0;
}

static bool sink_has_p2a(void *ctx, uint32_t channel_id)
{
	(void)ctx;
	return channel_id == CHANNEL;
}

static size_t sink_agent_channels(void *ctx, uint32_t agent_id, uint32_t *ids, size_t max)
{
	(void)ctx;
	if (agent_id != AGENT || max < 1)
		return 0;
	ids[0] = CHANNEL;
	return 1;
}

static const struct scmi_server_p2a_ops sink = {
    .send = sink_send,
    .has_p2a = sink_has_p2a,
    .agent_channels = sink_agent_channels,
};

/* --- the agent's side of the channel: one command, its status --- */

static int32_t agent_subscribe(struct scmi_server *srv, bool enable)
{
	uint8_t in[sizeof(struct scmi_system_power_state_notify_a2p)];
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];
	uint32_t hdr = scmi_hdr_make(SCMI_PROTOCOL_SYSTEM, SCMI_MSG_SYSTEM_POWER_STATE_NOTIFY,
				     SCMI_MSG_TYPE_COMMAND, 1);
	size_t n;

	SCMI_PUT_U32(in, struct scmi_system_power_state_notify_a2p, notify_enable, enable);
	n = scmi_server_process_p2a(srv, CHANNEL, hdr, in, sizeof(in), out, sizeof(out), NULL);
	return n >= 4 ? (int32_t)scmi_get_le32(out) : SCMI_GENERIC_ERROR;
}

/* --- the platform's event: ask every subscriber for a graceful shutdown --- */

static void power_button(const struct scmi_server *srv, const struct board *b)
{
	uint8_t payload[sizeof(struct scmi_system_power_state_notifier_evt)];
	size_t len;
	int reached;

	printf("power button pressed\n");
	if (!b->subscribed) {
		printf("  no subscriber\n");
		return;
	}
	/* Agent 0 is the platform itself; 5000 ms to shut down before it forces it. */
	len =
	    scmi_server_system_notifier(SCMI_SYSTEM_VERSION_2_1, 0, SCMI_SYSTEM_FLAG_GRACEFUL,
					SCMI_SYSTEM_STATE_SHUTDOWN, 5000, payload, sizeof(payload));
	reached = scmi_server_notify(srv, AGENT, SCMI_PROTOCOL_SYSTEM,
				     SCMI_EVT_SYSTEM_POWER_STATE_NOTIFIER, payload, len);
	printf("  reached %d channel(s)\n", reached);
}

int main(void)
{
	/* The server holds per-agent state: static storage rather than a large stack frame. */
	static struct scmi_server srv;
	struct board b = {.state = SCMI_SYSTEM_STATE_POWER_UP};
	int32_t st;

	scmi_server_init(&srv, &platform_ops, &b);
	scmi_server_set_p2a(&srv, &sink, NULL);

	st = agent_subscribe(&srv, true);
	printf("subscribe: %s\n", scmi_status_name(st));
	power_button(&srv, &b);
	st = agent_subscribe(&srv, false);
	printf("unsubscribe: %s\n", scmi_status_name(st));
	power_button(&srv, &b);
	return 0;
}
