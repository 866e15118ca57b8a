/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The OP-TEE SCMI pseudo-TA ABI (optee_os lib/libutee/include/pta_scmi_client.h,
 * Linux drivers/firmware/arm_scmi/transports/optee.c).
 */
#ifndef SCMI_PROTO_PTA_H
#define SCMI_PROTO_PTA_H

#include "tee.h"

#ifdef __cplusplus
extern "C" {
#endif

/* a8cfe406-d4f5-4a2e-9f8d-a25dc754c099, in the byte order Linux's uuid_t uses. */
#define PTA_SCMI_UUID_BYTES                                                                        \
	{                                                                                          \
		0xa8, 0xcf, 0xe4, 0x06, 0xd4, 0xf5, 0x4a, 0x2e, 0x9f, 0x8d, 0xa2, 0x5d, 0xc7,      \
		    0x54, 0xc0, 0x99                                                               \
	}
#define PTA_SCMI_UUID_STRING "a8cfe406-d4f5-4a2e-9f8d-a25dc754c099"
#define PTA_SCMI_NAME	     "PTA-SCMI"

/* Commands. */
#define PTA_SCMI_CMD_CAPABILITIES		 0u
#define PTA_SCMI_CMD_PROCESS_SMT_CHANNEL	 1u
#define PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE 2u
#define PTA_SCMI_CMD_GET_CHANNEL_HANDLE		 3u
#define PTA_SCMI_CMD_PROCESS_MSG_CHANNEL	 4u

/* The exact parameter-type words each command requires. */
#define PTA_SCMI_PT_CAPABILITIES                                                                   \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,     \
			TEE_PARAM_TYPE_NONE) /* 0x0002 */
#define PTA_SCMI_PT_PROCESS_SMT_CHANNEL                                                            \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,      \
			TEE_PARAM_TYPE_NONE) /* 0x0001 */
#define PTA_SCMI_PT_PROCESS_SMT_CHANNEL_MESSAGE                                                    \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_MEMREF_INOUT,                   \
			TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE) /* 0x0071 */
#define PTA_SCMI_PT_GET_CHANNEL_HANDLE                                                             \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INOUT, TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,      \
			TEE_PARAM_TYPE_NONE) /* 0x0003 */
#define PTA_SCMI_PT_PROCESS_MSG_CHANNEL                                                            \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_MEMREF_INPUT,                   \
			TEE_PARAM_TYPE_MEMREF_OUTPUT, TEE_PARAM_TYPE_NONE) /* 0x0651 */

/* Capabilities (CAPABILITIES p0.a, GET_CHANNEL_HANDLE p0.b). */
#define PTA_SCMI_CAPS_NONE	 0u
#define PTA_SCMI_CAPS_SMT_HEADER (1u << 0)
#define PTA_SCMI_CAPS_MSG_HEADER (1u << 1)
#define PTA_SCMI_CAPS_MASK	 (PTA_SCMI_CAPS_SMT_HEADER | PTA_SCMI_CAPS_MSG_HEADER)

/* MSG buffer size Linux passes as the PROCESS_MSG_CHANNEL output (SCMI_SHMEM_MAX_PAYLOAD_SIZE). */
#define PTA_SCMI_LINUX_MSG_BUF_SIZE 104u

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_PTA_H */
