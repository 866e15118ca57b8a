// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SCMI PTA of the firmware: OP-TEE's SCMI PTA ABI in front of the
 * server core, with the parameter checks of the daemon's PTA
 * (src/secure/pta_scmi.c) in the same order. There are no peers to check:
 * the only client is the normal-world kernel, whose login (REE_KERNEL) is
 * checked at open. Phase 2 replaces this file by the daemon's PTA built
 * freestanding. Host-buildable.
 */
#include <string.h>

#include "fw/pta.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"

static struct fw_scmi_chan *find_chan(struct fw_pta_scmi *scmi, uint32_t id)
{
	if (!scmi_server_channel_exists(scmi->srv, id))
		return NULL;
	for (size_t i = 0; i < scmi->num_chans; i++)
		if (scmi->chans[i].id == id)
			return &scmi->chans[i];
	return NULL;
}

static uint32_t scmi_open(void *ctx, uint32_t login, const uint8_t client[FW_UUID_SIZE],
			  void **sess)
{
	(void)ctx;
	(void)client;
	*sess = NULL;
	return login == TEE_LOGIN_REE_KERNEL ? TEE_SUCCESS : TEE_ERROR_ACCESS_DENIED;
}

static uint32_t cmd_capabilities(struct fw_pta_scmi *scmi, uint32_t types, struct fw_pta_param *p)
{
	if (types != PTA_SCMI_PT_CAPABILITIES)
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].value.a = scmi->caps;
	p[0].value.b = 0;
	return TEE_SUCCESS;
}

static uint32_t cmd_get_channel_handle(struct fw_pta_scmi *scmi, uint32_t types,
				       struct fw_pta_param *p)
{
	uint32_t want;

	if (types != PTA_SCMI_PT_GET_CHANNEL_HANDLE)
		return TEE_ERROR_BAD_PARAMETERS;
	/* OP-TEE's order: unknown bits, then no common cap, then the channel. */
	want = p[0].value.b;
	if (want & ~PTA_SCMI_CAPS_MASK)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(want & scmi->caps))
		return TEE_ERROR_NOT_SUPPORTED;
	if (!find_chan(scmi, p[0].value.a))
		return TEE_ERROR_BAD_PARAMETERS;
	/* The handle is the channel id: p0.a stays as it came. */
	return TEE_SUCCESS;
}

static uint32_t cmd_process_smt(struct fw_pta_scmi *scmi, uint32_t types, struct fw_pta_param *p)
{
	struct fw_scmi_chan *ch;

	if (types != PTA_SCMI_PT_PROCESS_SMT_CHANNEL)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(scmi->caps & PTA_SCMI_CAPS_SMT_HEADER))
		return TEE_ERROR_NOT_SUPPORTED;
	ch = find_chan(scmi, p[0].value.a);
	if (!ch || !ch->smt)
		return TEE_ERROR_BAD_PARAMETERS;
	if (scmi_server_process_smt(scmi->srv, ch->id, ch->smt, (size_t)ch->smt_size) ==
	    SCMI_SERVER_OK)
		ch->served++;
	/* A refused area has ERROR|FREE set in shared memory: that is the agent's answer. */
	return TEE_SUCCESS;
}

static uint32_t cmd_process_smt_message(struct fw_pta_scmi *scmi, uint32_t types,
					struct fw_pta_param *p)
{
	enum scmi_server_result r;
	struct fw_scmi_chan *ch;

	if (types != PTA_SCMI_PT_PROCESS_SMT_CHANNEL_MESSAGE)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(scmi->caps & PTA_SCMI_CAPS_SMT_HEADER))
		return TEE_ERROR_NOT_SUPPORTED;
	if (!p[1].memref.buffer || p[1].memref.size < SCMI_SMT_MIN_SIZE)
		return TEE_ERROR_BAD_PARAMETERS;
	ch = find_chan(scmi, p[0].value.a);
	if (!ch)
		return TEE_ERROR_BAD_PARAMETERS;
	r = scmi_server_process_smt(scmi->srv, ch->id, p[1].memref.buffer, p[1].memref.size);
	if (r == SCMI_SERVER_OK)
		ch->served++;
	return r == SCMI_SERVER_ERR_CHANNEL ? TEE_ERROR_BAD_PARAMETERS : TEE_SUCCESS;
}

static uint32_t cmd_process_msg(struct fw_pta_scmi *scmi, uint32_t types, struct fw_pta_param *p)
{
	struct fw_scmi_chan *ch;
	size_t out_size;

	if (types != PTA_SCMI_PT_PROCESS_MSG_CHANNEL)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(scmi->caps & PTA_SCMI_CAPS_MSG_HEADER))
		return TEE_ERROR_NOT_SUPPORTED;
	ch = find_chan(scmi, p[0].value.a);
	if (!ch)
		return TEE_ERROR_BAD_PARAMETERS;
	/* Size 0 maps to NULL: no message, or no room for a response. */
	if (!p[1].memref.buffer || !p[2].memref.buffer)
		return TEE_ERROR_BAD_PARAMETERS;
	out_size = p[2].memref.size;
	if (scmi_server_process_msg(scmi->srv, ch->id, p[1].memref.buffer, p[1].memref.size,
				    p[2].memref.buffer, &out_size) != SCMI_SERVER_OK)
		return TEE_ERROR_BAD_PARAMETERS;
	ch->served++;
	p[2].memref.size = out_size;
	return TEE_SUCCESS;
}

static uint32_t scmi_invoke(void *ctx, void *sess, uint32_t cmd, uint32_t types,
			    struct fw_pta_param p[FW_TEE_NUM_PARAMS])
{
	struct fw_pta_scmi *scmi = ctx;

	(void)sess;
	switch (cmd) {
	case PTA_SCMI_CMD_CAPABILITIES:
		return cmd_capabilities(scmi, types, p);
	case PTA_SCMI_CMD_PROCESS_SMT_CHANNEL:
		return cmd_process_smt(scmi, types, p);
	case PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE:
		return cmd_process_smt_message(scmi, types, p);
	case PTA_SCMI_CMD_GET_CHANNEL_HANDLE:
		return cmd_get_channel_handle(scmi, types, p);
	case PTA_SCMI_CMD_PROCESS_MSG_CHANNEL:
		return cmd_process_msg(scmi, types, p);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}

void fw_pta_scmi_init(struct fw_pta *pta, struct fw_pta_scmi *scmi, struct scmi_server *srv,
		      const struct fw_nsmem *ns, const struct fw_scmi_chan *chans, size_t n)
{
	static const uint8_t uuid[FW_UUID_SIZE] = PTA_SCMI_UUID_BYTES;

	memset(scmi, 0, sizeof(*scmi));
	scmi->srv = srv;
	scmi->caps = PTA_SCMI_CAPS_SMT_HEADER | PTA_SCMI_CAPS_MSG_HEADER;
	for (size_t i = 0; i < n && scmi->num_chans < FW_SCMI_MAX_CHANNELS; i++) {
		struct fw_scmi_chan *ch = &scmi->chans[scmi->num_chans++];

		ch->id = chans[i].id;
		if (chans[i].smt_size < SCMI_SMT_HDR_SIZE)
			continue;
		ch->smt = fw_ns_map(ns, chans[i].smt_pa, chans[i].smt_size);
		if (!ch->smt)
			continue;
		ch->smt_pa = chans[i].smt_pa;
		ch->smt_size = chans[i].smt_size;
		scmi_smt_write32(ch->smt, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	}

	memset(pta, 0, sizeof(*pta));
	memcpy(pta->uuid, uuid, sizeof(uuid));
	pta->name = PTA_SCMI_NAME;
	pta->enumerate = true;
	pta->ctx = scmi;
	pta->open_session = scmi_open;
	pta->invoke = scmi_invoke;
}

uint32_t fw_pta_scmi_served(const struct fw_pta_scmi *scmi)
{
	uint32_t n = 0;

	for (size_t i = 0; i < scmi->num_chans; i++)
		n += scmi->chans[i].served;
	return n;
}
