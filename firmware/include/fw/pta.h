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
#include "tee.h"
#include "scmi/server/server.h"

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
 * struct fw_scmi_chan - one SCMI channel as the PTA serves it.
 * @id:       channel id (also the handle Linux gets)
 * @smt_pa:   its static SMT area (size 0: none)
 * @smt_size: the area's bytes
 * @smt:      where the firmware sees the area (NULL: no SMT on this channel)
 * @served:   messages the server processed on it
 */
struct fw_scmi_chan {
	uint32_t id;
	uint64_t smt_pa;
	uint64_t smt_size;
	volatile void *smt;
	uint32_t served;
};

/**
 * struct fw_pta_scmi - the SCMI PTA's state.
 * @srv:       the server
 * @caps:      PTA_SCMI_CAPS_* it offers
 * @chans:     its channels
 * @num_chans: how many
 */
struct fw_pta_scmi {
	struct scmi_server *srv;
	uint32_t caps;
	struct fw_scmi_chan chans[FW_SCMI_MAX_CHANNELS];
	size_t num_chans;
};

/**
 * fw_pta_scmi_init() - the SCMI PTA into @pta, its state into @scmi: @n channels of
 * @chans (id, smt_pa, smt_size used), served by @srv. A channel's SMT area is used only
 * if it lies in @ns; each such area is marked FREE, as the agent waits for that before
 * its first message. Channels beyond FW_SCMI_MAX_CHANNELS are dropped.
 */
void fw_pta_scmi_init(struct fw_pta *pta, struct fw_pta_scmi *scmi, struct scmi_server *srv,
		      const struct fw_nsmem *ns, const struct fw_scmi_chan *chans, size_t n);

/** fw_pta_scmi_served() - SCMI messages served on all channels. */
uint32_t fw_pta_scmi_served(const struct fw_pta_scmi *scmi);

#endif /* FW_PTA_H */
