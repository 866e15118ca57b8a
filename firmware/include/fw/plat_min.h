/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The smallest platform behind the server, for the host tests and the
 * fuzzer of the message layer (tests/unit/firmware, tests/fuzz): Base (the
 * server's own 2.1) and two power domains (protocol 0x11) that only remember
 * their state, so that a second protocol can run on a channel of its own.
 * One agent owns every channel. The firmware itself serves the simulated
 * platform (src/platform/sim, built freestanding) from its appended DTB.
 */
#ifndef FW_PLAT_MIN_H
#define FW_PLAT_MIN_H

#include <stdint.h>

#include "scmi/server/server.h"

#define FW_PLAT_VENDOR	   "scmi-optee"
#define FW_PLAT_SUB_VENDOR "el3-fw"
#define FW_PLAT_IMPL	   0x00010000u
#define FW_PLAT_DOMAINS	   2u

/**
 * struct fw_plat_min - the platform's state.
 * @num_channels: channels 0..num_channels-1 exist, all of agent 1
 * @pd_state:     each power domain's state word
 */
struct fw_plat_min {
	uint32_t num_channels;
	uint32_t pd_state[FW_PLAT_DOMAINS];
};

/** fw_plat_min_init() - @plat with channels 0..@num_channels-1, domains on. */
void fw_plat_min_init(struct fw_plat_min *plat, uint32_t num_channels);

/** fw_plat_min_ops() - the platform ops; the plat pointer is a struct fw_plat_min. */
const struct scmi_server_platform_ops *fw_plat_min_ops(void);

#endif /* FW_PLAT_MIN_H */
