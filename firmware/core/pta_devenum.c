// SPDX-License-Identifier: BSD-3-Clause
/*
 * The device-enumeration PTA: Linux's optee driver opens it at probe and
 * asks for the UUIDs of the TEE-bus devices to create; the SCMI transport
 * binds to the one of the SCMI PTA. Host-buildable.
 */
#include <string.h>

#include "fw/pta.h"
#include "scmi/proto/tee.h"

static uint32_t devenum_open(void *ctx, uint32_t login, const uint8_t client[FW_UUID_SIZE],
			     void **sess)
{
	(void)ctx;
	(void)login;
	(void)client;
	*sess = NULL;
	return TEE_SUCCESS;
}

static uint32_t get_devices(const struct fw_tee *tee, struct fw_pta_param *p)
{
	size_t need = 0, at = 0;

	for (size_t i = 0; i < tee->num_ptas; i++)
		if (tee->ptas[i] && tee->ptas[i]->enumerate)
			need += FW_UUID_SIZE;
	/* A null memref is the size query; Linux reads the size back on SHORT_BUFFER. */
	if (!p->memref.buffer || p->memref.size < need) {
		p->memref.size = need;
		return need ? TEE_ERROR_SHORT_BUFFER : TEE_SUCCESS;
	}
	for (size_t i = 0; i < tee->num_ptas; i++) {
		if (!tee->ptas[i] || !tee->ptas[i]->enumerate)
			continue;
		memcpy((uint8_t *)p->memref.buffer + at, tee->ptas[i]->uuid, FW_UUID_SIZE);
		at += FW_UUID_SIZE;
	}
	p->memref.size = need;
	return TEE_SUCCESS;
}

static uint32_t devenum_invoke(void *ctx, void *sess, uint32_t cmd, uint32_t types,
			       struct fw_pta_param p[FW_TEE_NUM_PARAMS])
{
	const uint32_t want = TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_OUTPUT, TEE_PARAM_TYPE_NONE,
					      TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE);

	(void)sess;
	if (types != want)
		return TEE_ERROR_BAD_PARAMETERS;
	switch (cmd) {
	case FW_PTA_DEVENUM_CMD_GET_DEVICES:
		return get_devices(ctx, &p[0]);
	case FW_PTA_DEVENUM_CMD_GET_DEVICES_SUPP:
	case FW_PTA_DEVENUM_CMD_GET_DEVICES_RPMB:
		/* No device needs tee-supplicant or RPMB. */
		p[0].memref.size = 0;
		return TEE_SUCCESS;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}

void fw_pta_devenum_init(struct fw_pta *pta, const struct fw_tee *tee)
{
	static const uint8_t uuid[FW_UUID_SIZE] = FW_PTA_DEVENUM_UUID;

	memset(pta, 0, sizeof(*pta));
	memcpy(pta->uuid, uuid, sizeof(uuid));
	pta->name = "device-enum";
	pta->ctx = (void *)tee;
	pta->open_session = devenum_open;
	pta->invoke = devenum_invoke;
}
