/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GlobalPlatform TEE constants used on both sides of the TEE boundary:
 * result codes, origins, parameter types and login methods. The numeric
 * values are those of OP-TEE's tee_api_defines.h and Linux's <linux/tee.h>.
 */
#ifndef SCMI_PROTO_TEE_H
#define SCMI_PROTO_TEE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* TEE_Result values. */
#define TEE_SUCCESS		  0x00000000u
#define TEE_ERROR_GENERIC	  0xFFFF0000u
#define TEE_ERROR_ACCESS_DENIED	  0xFFFF0001u
#define TEE_ERROR_CANCEL	  0xFFFF0002u
#define TEE_ERROR_EXCESS_DATA	  0xFFFF0004u
#define TEE_ERROR_BAD_FORMAT	  0xFFFF0005u
#define TEE_ERROR_BAD_PARAMETERS  0xFFFF0006u
#define TEE_ERROR_BAD_STATE	  0xFFFF0007u
#define TEE_ERROR_ITEM_NOT_FOUND  0xFFFF0008u
#define TEE_ERROR_NOT_IMPLEMENTED 0xFFFF0009u
#define TEE_ERROR_NOT_SUPPORTED	  0xFFFF000Au
#define TEE_ERROR_NO_DATA	  0xFFFF000Bu
#define TEE_ERROR_OUT_OF_MEMORY	  0xFFFF000Cu
#define TEE_ERROR_BUSY		  0xFFFF000Du
#define TEE_ERROR_COMMUNICATION	  0xFFFF000Eu
#define TEE_ERROR_SECURITY	  0xFFFF000Fu
#define TEE_ERROR_SHORT_BUFFER	  0xFFFF0010u
#define TEE_ERROR_TARGET_DEAD	  0xFFFF3024u

/* Where a TEE_Result came from (ret_origin). */
#define TEE_ORIGIN_API	       1u
#define TEE_ORIGIN_COMMS       2u
#define TEE_ORIGIN_TEE	       3u
#define TEE_ORIGIN_TRUSTED_APP 4u

/* Parameter types: GP nibble values, equal to Linux TEE_IOCTL_PARAM_ATTR_TYPE_*. */
#define TEE_PARAM_TYPE_NONE	     0u
#define TEE_PARAM_TYPE_VALUE_INPUT   1u
#define TEE_PARAM_TYPE_VALUE_OUTPUT  2u
#define TEE_PARAM_TYPE_VALUE_INOUT   3u
#define TEE_PARAM_TYPE_MEMREF_INPUT  5u
#define TEE_PARAM_TYPE_MEMREF_OUTPUT 6u
#define TEE_PARAM_TYPE_MEMREF_INOUT  7u

#define TEE_NUM_PARAMS		     4u

/* Parameter n's type sits at bits [4n+3:4n] of a param-types word. */
#define TEE_PARAM_TYPES(t0, t1, t2, t3)                                                            \
	((uint32_t)(t0) | ((uint32_t)(t1) << 4) | ((uint32_t)(t2) << 8) | ((uint32_t)(t3) << 12))
#define TEE_PARAM_TYPE_GET(types, n) (((uint32_t)(types) >> ((n)*4)) & 0xFu)

/* Login methods (GP TEE_LOGIN_*, Linux TEE_IOCTL_LOGIN_*). */
#define TEE_LOGIN_PUBLIC	    0x00000000u
#define TEE_LOGIN_USER		    0x00000001u
#define TEE_LOGIN_GROUP		    0x00000002u
#define TEE_LOGIN_APPLICATION	    0x00000004u
#define TEE_LOGIN_APPLICATION_USER  0x00000005u
#define TEE_LOGIN_APPLICATION_GROUP 0x00000006u
/* Reserved for kernel clients: Linux refuses this range from user space. */
#define TEE_LOGIN_REE_KERNEL_MIN 0x80000000u
#define TEE_LOGIN_REE_KERNEL_MAX 0xBFFFFFFFu
#define TEE_LOGIN_REE_KERNEL	 0x80000000u

#define TEE_UUID_SIZE		 16u

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_TEE_H */
