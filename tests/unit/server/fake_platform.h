/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A fake platform for the server unit tests: two agents on channels 0 (agent 1)
 * and 1 (agent 2), fixed vendor strings, and per-agent protocol availability.
 */
#ifndef TEST_FAKE_PLATFORM_H
#define TEST_FAKE_PLATFORM_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/server/server.h"

#define FAKE_CH_AGENT1	  0u
#define FAKE_CH_AGENT2	  1u
#define FAKE_CH_UNKNOWN	  7u
#define FAKE_IMPL_VERSION 0x00010203u

/**
 * struct fake_platform - state behind the fake ops.
 * @available:     available[agent][protocol id] as the platform reports it
 * @name_overrun:  agent_name/vendor fill all 16 bytes with no NUL (a sloppy platform)
 * @channel_calls: how many times channel_agent was called
 * @calls:         how many times any op was called
 * @tamper_call:   on this op call (1-based, counted as @calls; 0 = never), store
 *                 @tamper_value at @tamper_at: an agent rewriting shared memory while the
 *                 server works
 * @tamper_at:     where to store
 * @tamper_value:  what to store
 */
struct fake_platform {
	bool available[3][256];
	bool name_overrun;
	unsigned int channel_calls;
	unsigned int calls;
	unsigned int tamper_call;
	volatile uint32_t *tamper_at;
	uint32_t tamper_value;
};

/** fake_platform_init() - agent 1 sees 0x11 0x13 0x14 0x15 0x16 0x17 0x18 0x19 0x80 0x81
 * 0x90 0xfe 0xff, agent 2 sees 0x14 and 0x16; both also "see" 0x10 (ignored, Base). */
void fake_platform_init(struct fake_platform *fp);

/** fake_platform_ops() - the ops, to use with a struct fake_platform as plat. */
const struct scmi_server_platform_ops *fake_platform_ops(void);

#endif /* TEST_FAKE_PLATFORM_H */
