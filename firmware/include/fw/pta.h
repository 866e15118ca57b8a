/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The firmware's pseudo-TAs: device enumeration (what makes Linux create its
 * TEE-bus devices) and SCMI (the server core behind OP-TEE's SCMI PTA ABI,
 * include/scmi/proto/pta.h).
 */
#ifndef FW_PTA_H
#define FW_PTA_H

#include <stddef.h>
#include <stdint.h>

#include "nsmem.h"
#include "pta/pta_scmi_core.h"
#include "scmi/server/server.h"
#include "tee.h"

/* 7011a688-ddde-4053-a5a9-7b3c4ddf13b8 (Linux drivers/tee/optee/device.c). */
#define FW_PTA_DEVENUM_UUID                                                                        \
	{                                                                                          \
		0x70, 0x11, 0xa6, 0x88, 0xdd, 0xde, 0x40, 0x53, 0xa5, 0xa9, 0x7b, 0x3c, 0x4d,      \
		    0xdf, 0x13, 0xb8                                                               \
	}
#define FW_PTA_DEVENUM_CMD_GET_DEVICES	    0u
#define FW_PTA_DEVENUM_CMD_GET_DEVICES_SUPP 1u
#define FW_PTA_DEVENUM_CMD_GET_DEVICES_RPMB 2u

/**
 * fw_pta_devenum_init() - the device-enumeration PTA into @pta: GET_DEVICES lists the
 * UUID of every PTA of @tee marked enumerate (read at each call, so @tee may be filled
 * afterwards).
 */
void fw_pta_devenum_init(struct fw_pta *pta, const struct fw_tee *tee);

#define FW_SCMI_MAX_CHANNELS 8u

/**
 * struct fw_scmi_chan - one SCMI channel as the board offers it.
 * @id:       channel id (also the handle Linux gets)
 * @smt_pa:   its static SMT area (size 0: none)
 * @smt_size: the area's bytes
 */
struct fw_scmi_chan {
	uint32_t id;
	uint64_t smt_pa;
	uint64_t smt_size;
};

/* Commands counted by protocol (0x10..0x1f) and message id (0..31); others are not. */
#define FW_SCMI_COUNT_PROTOCOL_BASE 0x10u
#define FW_SCMI_COUNT_PROTOCOLS	    16u
#define FW_SCMI_COUNT_MESSAGES	    32u

/**
 * struct fw_pta_scmi - the SCMI PTA: the shared PTA core (src/pta/pta_scmi_core.h) with
 * the firmware's defaults: no peers (the only client is the normal-world kernel, whose
 * REE_KERNEL login is checked at open), no lock of its own (the firmware serialises every
 * CALL_WITH_ARG), the server called directly.
 * @core:      the command handling
 * @chans:     its channels, sorted by id (@smt: where the firmware sees the area, NULL
 *             without one; @served: messages the server processed on it)
 * @num_chans: how many
 * @commands:  commands the server processed, by protocol and message id, from the header
 *             the agent wrote (what a fast channel saves shows here: PERF_LEVEL_SET is
 *             [0x13 - FW_SCMI_COUNT_PROTOCOL_BASE][7])
 */
struct fw_pta_scmi {
	struct pta_scmi_core core;
	struct pta_scmi_chan chans[FW_SCMI_MAX_CHANNELS];
	size_t num_chans;
	uint32_t commands[FW_SCMI_COUNT_PROTOCOLS][FW_SCMI_COUNT_MESSAGES];
};

/**
 * fw_pta_scmi_init() - the SCMI PTA into @pta, its state into @scmi: @n channels of
 * @chans, served by @srv. A channel's SMT area is used only if it lies in @ns; each such
 * area is marked FREE, as the agent waits for that before its first message. Channels
 * beyond FW_SCMI_MAX_CHANNELS are dropped.
 */
void fw_pta_scmi_init(struct fw_pta *pta, struct fw_pta_scmi *scmi, struct scmi_server *srv,
		      const struct fw_nsmem *ns, const struct fw_scmi_chan *chans, size_t n);

/** fw_pta_scmi_served() - SCMI messages served on all channels. */
uint32_t fw_pta_scmi_served(const struct fw_pta_scmi *scmi);

#endif /* FW_PTA_H */
