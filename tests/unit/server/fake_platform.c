// SPDX-License-Identifier: BSD-3-Clause
#include <string.h>

#include "fake_platform.h"

static const uint8_t agent1_protocols[] = {0x10, 0x11, 0x13, 0x14, 0x15, 0x16, 0x17,
					   0x18, 0x19, 0x80, 0x81, 0x90, 0xfe, 0xff};
static const uint8_t agent2_protocols[] = {0x10, 0x14, 0x16};

void fake_platform_init(struct fake_platform *fp)
{
	size_t i;

	memset(fp, 0, sizeof(*fp));
	for (i = 0; i < sizeof(agent1_protocols); i++)
		fp->available[1][agent1_protocols[i]] = true;
	for (i = 0; i < sizeof(agent2_protocols); i++)
		fp->available[2][agent2_protocols[i]] = true;
}

/* Every op starts here: count the call, and play the hostile agent on the chosen one. */
static void called(void *plat)
{
	struct fake_platform *fp = plat;

	fp->calls++;
	if (fp->tamper_call && fp->calls == fp->tamper_call)
		*fp->tamper_at = fp->tamper_value;
}

static bool fake_channel_agent(void *plat, uint32_t channel_id, uint32_t *agent_id)
{
	struct fake_platform *fp = plat;

	called(plat);
	fp->channel_calls++;
	if (channel_id == FAKE_CH_AGENT1 || channel_id == FAKE_CH_AGENT2) {
		*agent_id = channel_id + 1;
		return true;
	}
	return false;
}

static uint32_t fake_num_agents(void *plat)
{
	called(plat);
	return 2;
}

static void put_name(const struct fake_platform *fp, char name[SCMI_SHORT_NAME_SIZE], const char *s)
{
	if (fp->name_overrun)
		memset(name, 'X', SCMI_SHORT_NAME_SIZE);
	else {
		/* NUL-padded like a platform fills a 16-byte SCMI name field. */
		size_t n = strnlen(s, SCMI_SHORT_NAME_SIZE);

		memset(name, 0, SCMI_SHORT_NAME_SIZE);
		memcpy(name, s, n);
	}
}

static bool fake_agent_name(void *plat, uint32_t agent_id, char name[SCMI_SHORT_NAME_SIZE])
{
	static const char *const names[] = {"platform", "agent-one", "agent-two"};

	called(plat);
	/* Also answers for agent 3, which num_agents does not count: the server must not ask. */
	if (agent_id == 3) {
		put_name(plat, name, "ghost");
		return true;
	}
	if (agent_id >= 3)
		return false;
	put_name(plat, name, names[agent_id]);
	return true;
}

static void fake_vendor(void *plat, char name[SCMI_SHORT_NAME_SIZE])
{
	called(plat);
	put_name(plat, name, "Linaro");
}

static void fake_sub_vendor(void *plat, char name[SCMI_SHORT_NAME_SIZE])
{
	called(plat);
	put_name(plat, name, "scmi-optee-sim");
}

static uint32_t fake_impl_version(void *plat)
{
	called(plat);
	return FAKE_IMPL_VERSION;
}

static bool fake_protocol_available(void *plat, uint32_t agent_id, uint8_t protocol_id)
{
	const struct fake_platform *fp = plat;

	called(plat);
	return agent_id < 3 && fp->available[agent_id][protocol_id];
}

static uint32_t fake_protocol_version(void *plat, uint8_t protocol_id)
{
	called(plat);
	(void)protocol_id;
	return 0x10000;
}

static const struct scmi_server_platform_ops fake_ops = {
    .channel_agent = fake_channel_agent,
    .num_agents = fake_num_agents,
    .agent_name = fake_agent_name,
    .vendor = fake_vendor,
    .sub_vendor = fake_sub_vendor,
    .impl_version = fake_impl_version,
    .protocol_available = fake_protocol_available,
    .protocol_version = fake_protocol_version,
};

const struct scmi_server_platform_ops *fake_platform_ops(void)
{
	return &fake_ops;
}
