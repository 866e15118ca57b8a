// SPDX-License-Identifier: BSD-3-Clause
/*
 * The firmware's host of the SCMI PTA core (src/pta/pta_scmi_core.h), the
 * command handling and OP-TEE's checks that optee-simd runs too: only the
 * glue, the channels' static SMT areas and the registration with the message
 * layer. Host-buildable.
 */
#include <string.h>

#include "fw/pta.h"
#include "scmi/proto/header.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"

static uint32_t scmi_open(void *ctx, uint32_t login, const uint8_t client[FW_UUID_SIZE],
			  void **sess)
{
	(void)ctx;
	(void)client;
	*sess = NULL;
	return pta_scmi_core_open(login);
}

static uint32_t scmi_invoke(void *ctx, void *sess, uint32_t cmd, uint32_t types,
			    struct fw_pta_param p[FW_TEE_NUM_PARAMS])
{
	struct fw_pta_scmi *scmi = ctx;
	struct pta_scmi_param cp[PTA_SCMI_CORE_NUM_PARAMS];
	uint32_t res;

	_Static_assert(FW_TEE_NUM_PARAMS == PTA_SCMI_CORE_NUM_PARAMS, "GP has four parameters");
	/* Member by member: the two structs are alike but not one type. */
	for (unsigned int i = 0; i < PTA_SCMI_CORE_NUM_PARAMS; i++) {
		if (pta_scmi_param_is_memref(types, i)) {
			cp[i].memref.buffer = p[i].memref.buffer;
			cp[i].memref.size = p[i].memref.size;
		} else {
			cp[i].value.a = p[i].value.a;
			cp[i].value.b = p[i].value.b;
		}
	}
	res = pta_scmi_core_invoke(&scmi->core, sess, cmd, types, cp);
	for (unsigned int i = 0; i < PTA_SCMI_CORE_NUM_PARAMS; i++) {
		if (pta_scmi_param_is_memref(types, i)) {
			p[i].memref.size = cp[i].memref.size;
		} else {
			p[i].value.a = cp[i].value.a;
			p[i].value.b = cp[i].value.b;
		}
	}
	return res;
}

/* Count the command of header @hdr, read once before the server copied the message in. */
static void count(struct fw_pta_scmi *scmi, uint32_t hdr)
{
	uint32_t proto = (hdr >> SCMI_HDR_PROTO_SHIFT) & SCMI_HDR_PROTO_MASK;
	uint32_t msg = hdr & SCMI_HDR_MSG_ID_MASK;

	if (proto < FW_SCMI_COUNT_PROTOCOL_BASE ||
	    proto - FW_SCMI_COUNT_PROTOCOL_BASE >= FW_SCMI_COUNT_PROTOCOLS ||
	    msg >= FW_SCMI_COUNT_MESSAGES)
		return;
	scmi->commands[proto - FW_SCMI_COUNT_PROTOCOL_BASE][msg]++;
}

static enum scmi_server_result scmi_process_smt(void *ctx, struct pta_scmi_chan *ch,
						volatile void *shm, size_t size)
{
	struct fw_pta_scmi *scmi = ctx;
	enum scmi_server_result r;
	uint32_t hdr = 0;

	if (shm && !((uintptr_t)shm & 3u) && size >= SCMI_SMT_HDR_SIZE)
		hdr = scmi_smt_read32(shm, SCMI_SMT_OFF_HEADER);
	r = scmi_server_process_smt(scmi->core.srv, ch->id, shm, size);
	if (r == SCMI_SERVER_OK)
		count(scmi, hdr);
	return r;
}

static enum scmi_server_result scmi_process_msg(void *ctx, struct pta_scmi_chan *ch,
						const volatile void *in, size_t in_size,
						volatile void *out, size_t *out_size)
{
	struct fw_pta_scmi *scmi = ctx;
	const volatile uint8_t *b = in;
	enum scmi_server_result r;
	uint32_t hdr = 0;

	/* The MSG header is the buffer's first little-endian word; read byte by byte. */
	if (b && in_size >= sizeof(uint32_t))
		hdr = (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) |
		      ((uint32_t)b[3] << 24);
	r = scmi_server_process_msg(scmi->core.srv, ch->id, in, in_size, out, out_size);
	if (r == SCMI_SERVER_OK)
		count(scmi, hdr);
	return r;
}

static const struct pta_scmi_host_ops scmi_host_ops = {
    .process_smt = scmi_process_smt,
    .process_msg = scmi_process_msg,
};

void fw_pta_scmi_init(struct fw_pta *pta, struct fw_pta_scmi *scmi, struct scmi_server *srv,
		      const struct fw_nsmem *ns, const struct fw_scmi_chan *chans, size_t n)
{
	static const uint8_t uuid[FW_UUID_SIZE] = PTA_SCMI_UUID_BYTES;

	memset(scmi, 0, sizeof(*scmi));
	for (size_t i = 0; i < n && scmi->num_chans < FW_SCMI_MAX_CHANNELS; i++) {
		struct pta_scmi_chan *ch = &scmi->chans[scmi->num_chans++];

		ch->id = chans[i].id;
		if (chans[i].smt_size < SCMI_SMT_HDR_SIZE)
			continue;
		ch->smt = fw_ns_map(ns, chans[i].smt_pa, chans[i].smt_size);
		if (!ch->smt)
			continue;
		ch->smt_size = (size_t)chans[i].smt_size;
		scmi_smt_write32(ch->smt, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	}
	/*
	 * Every session may drive every channel, one lock around each call; the host ops only
	 * count the commands.
	 */
	pta_scmi_core_init(&scmi->core, srv, PTA_SCMI_CAPS_SMT_HEADER | PTA_SCMI_CAPS_MSG_HEADER,
			   scmi->chans, scmi->num_chans, &scmi_host_ops, scmi);

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
	return pta_scmi_core_served(&scmi->core);
}
