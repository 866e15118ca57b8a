/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OP-TEE's SMC and message ABI, as Linux's optee driver speaks it
 * (drivers/tee/optee/optee_smc.h and optee_msg.h; facts in
 * shared/reference/optee-smc-abi.md). Values only: the message layer never
 * overlays these structures on shared memory, it reads each field once with
 * the accessors below.
 */
#ifndef FW_OPTEE_ABI_H
#define FW_OPTEE_ABI_H

#include <stdint.h>

/* Function ids of the OP-TEE SMC interface (SMCCC owner 50, Trusted OS; 63 for the UID calls). */
#define OPTEE_SMC_CALLS_COUNT		0xBF00FF00u
#define OPTEE_SMC_CALLS_UID		0xBF00FF01u
#define OPTEE_SMC_CALLS_REVISION	0xBF00FF03u
#define OPTEE_SMC_GET_OS_UUID		0xB2000000u
#define OPTEE_SMC_GET_OS_REVISION	0xB2000001u
#define OPTEE_SMC_GET_SHM_CONFIG	0xB2000007u
#define OPTEE_SMC_EXCHANGE_CAPABILITIES 0xB2000009u
#define OPTEE_SMC_DISABLE_SHM_CACHE	0xB200000Au
#define OPTEE_SMC_ENABLE_SHM_CACHE	0xB200000Bu
#define OPTEE_SMC_GET_THREAD_COUNT	0xB200000Fu
#define OPTEE_SMC_CALL_WITH_ARG		0x32000004u
#define OPTEE_SMC_RETURN_FROM_RPC	0x32000003u
#define OPTEE_SMC_CALL_WITH_RPC_ARG	0x32000012u
#define OPTEE_SMC_CALL_WITH_REGD_ARG	0x32000013u

/* The OP-TEE API UID (CALLS_UID) and OS UUID (GET_OS_UUID), as the four result words. */
#define OPTEE_MSG_UID_0		 0x384fb3e0u
#define OPTEE_MSG_UID_1		 0xe7f811e3u
#define OPTEE_MSG_UID_2		 0xaf630002u
#define OPTEE_MSG_UID_3		 0xa5d5c51bu
#define OPTEE_OS_UUID_0		 0x486178e0u
#define OPTEE_OS_UUID_1		 0xe7f811e3u
#define OPTEE_OS_UUID_2		 0xbc5e0002u
#define OPTEE_OS_UUID_3		 0xa5d5c51bu
#define OPTEE_MSG_REVISION_MAJOR 2u
#define OPTEE_MSG_REVISION_MINOR 0u

/* a0 of the calls. */
#define OPTEE_SMC_RETURN_OK		  0x0u
#define OPTEE_SMC_RETURN_ETHREAD_LIMIT	  0x1u /* never returned: it makes Linux wait */
#define OPTEE_SMC_RETURN_EBUSY		  0x2u
#define OPTEE_SMC_RETURN_ERESUME	  0x3u
#define OPTEE_SMC_RETURN_EBADADDR	  0x4u
#define OPTEE_SMC_RETURN_EBADCMD	  0x5u
#define OPTEE_SMC_RETURN_ENOMEM		  0x6u
#define OPTEE_SMC_RETURN_ENOTAVAIL	  0x7u
#define OPTEE_SMC_RETURN_UNKNOWN_FUNCTION 0xFFFFFFFFu

/* Secure-world capabilities (EXCHANGE_CAPABILITIES a1). */
#define OPTEE_SMC_SEC_CAP_HAVE_RESERVED_SHM (1u << 0)
#define OPTEE_SMC_SEC_CAP_DYNAMIC_SHM	    (1u << 2)
/* Normal-world capabilities (EXCHANGE_CAPABILITIES a1 in). */
#define OPTEE_SMC_NSEC_CAP_UNIPROCESSOR (1u << 0)
/* GET_SHM_CONFIG a3: the only setting Linux accepts. */
#define OPTEE_SMC_SHM_CACHED 1u

/* struct optee_msg_arg: a 32-byte header then num_params 32-byte parameters. */
#define OPTEE_MSG_ARG_OFF_CMD	     0u
#define OPTEE_MSG_ARG_OFF_FUNC	     4u
#define OPTEE_MSG_ARG_OFF_SESSION    8u
#define OPTEE_MSG_ARG_OFF_CANCEL_ID  12u
#define OPTEE_MSG_ARG_OFF_RET	     20u
#define OPTEE_MSG_ARG_OFF_RET_ORIGIN 24u
#define OPTEE_MSG_ARG_OFF_NUM_PARAMS 28u
#define OPTEE_MSG_ARG_HDR_SIZE	     32u
/* struct optee_msg_param: u64 attr, then three u64 (tmem buf_ptr/size/shm_ref, rmem
 * offs/size/shm_ref, value a/b/c). */
#define OPTEE_MSG_PARAM_SIZE	 32u
#define OPTEE_MSG_PARAM_OFF_ATTR 0u
#define OPTEE_MSG_PARAM_OFF_U0	 8u
#define OPTEE_MSG_PARAM_OFF_U1	 16u
#define OPTEE_MSG_PARAM_OFF_U2	 24u
/* Linux never sends more (MAX_ARG_PARAM_COUNT); the message layer refuses more. */
#define OPTEE_MSG_MAX_PARAMS 6u

/* Commands (optee_msg_arg.cmd). */
#define OPTEE_MSG_CMD_OPEN_SESSION   0u
#define OPTEE_MSG_CMD_INVOKE_COMMAND 1u
#define OPTEE_MSG_CMD_CLOSE_SESSION  2u
#define OPTEE_MSG_CMD_CANCEL	     3u
#define OPTEE_MSG_CMD_REGISTER_SHM   4u
#define OPTEE_MSG_CMD_UNREGISTER_SHM 5u

/* Parameter attributes. */
#define OPTEE_MSG_ATTR_TYPE_NONE	 0x0u
#define OPTEE_MSG_ATTR_TYPE_VALUE_INPUT	 0x1u
#define OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT 0x2u
#define OPTEE_MSG_ATTR_TYPE_VALUE_INOUT	 0x3u
#define OPTEE_MSG_ATTR_TYPE_RMEM_INPUT	 0x5u
#define OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT	 0x6u
#define OPTEE_MSG_ATTR_TYPE_RMEM_INOUT	 0x7u
#define OPTEE_MSG_ATTR_TYPE_TMEM_INPUT	 0x9u
#define OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT	 0xau
#define OPTEE_MSG_ATTR_TYPE_TMEM_INOUT	 0xbu
#define OPTEE_MSG_ATTR_TYPE_MASK	 0xffu
#define OPTEE_MSG_ATTR_META		 (1u << 8)
#define OPTEE_MSG_ATTR_NONCONTIG	 (1u << 9)

/* Non-contiguous buffers: 4 KiB list pages of 512 u64, the last entry links the next page. */
#define OPTEE_MSG_NONCONTIG_PAGE_SIZE 4096u
#define OPTEE_MSG_PAGE_LIST_ENTRIES   511u

#endif /* FW_OPTEE_ABI_H */
