// SPDX-License-Identifier: BSD-3-Clause
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "echo_pta.h"

const uint8_t echo_pta_uuid[TEE_UUID_SIZE] = {0xec, 0x40, 0x00, 0x01, 0x7e, 0x57, 0x4e, 0x11,
					      0x9a, 0x00, 0x00, 0x00, 0x00, 0x00, 0xec, 0x40};

int echo_pta_count(const int *counter)
{
	return __atomic_load_n(counter, __ATOMIC_ACQUIRE);
}

static uint32_t echo_open(void *pta_ctx, uint32_t login, void **sess_ctx)
{
	struct echo_pta *e = pta_ctx;
	uint32_t *l = malloc(sizeof(*l));

	if (!l)
		return TEE_ERROR_OUT_OF_MEMORY;
	*l = login;
	*sess_ctx = l;
	__atomic_add_fetch(&e->opens, 1, __ATOMIC_ACQ_REL);
	return TEE_SUCCESS;
}

static void echo_close(void *pta_ctx, void *sess_ctx)
{
	struct echo_pta *e = pta_ctx;

	free(sess_ctx);
	__atomic_add_fetch(&e->closes, 1, __ATOMIC_ACQ_REL);
}

static bool is_memref(uint32_t t)
{
	return t == TEE_PARAM_TYPE_MEMREF_INPUT || t == TEE_PARAM_TYPE_MEMREF_OUTPUT ||
	       t == TEE_PARAM_TYPE_MEMREF_INOUT;
}

static uint32_t echo_invoke(void *pta_ctx, void *sess_ctx, uint32_t cmd, uint32_t types,
			    struct pta_param p[TEE_NUM_PARAMS])
{
	struct echo_pta *e = pta_ctx;
	unsigned int i;

	switch (cmd) {
	case ECHO_CMD_VALUES:
		for (i = 0; i < TEE_NUM_PARAMS; i++) {
			uint32_t t = TEE_PARAM_TYPE_GET(types, i);

			if (t == TEE_PARAM_TYPE_VALUE_INOUT) {
				p[i].value.a += 1;
				p[i].value.b += 2;
			} else if (t == TEE_PARAM_TYPE_VALUE_OUTPUT) {
				p[i].value.a = 0xA0 + i;
				p[i].value.b = types;
			}
		}
		return TEE_SUCCESS;
	case ECHO_CMD_FILL: {
		size_t want, n;

		if (TEE_PARAM_TYPE_GET(types, 0) != TEE_PARAM_TYPE_VALUE_INPUT ||
		    (TEE_PARAM_TYPE_GET(types, 1) != TEE_PARAM_TYPE_MEMREF_OUTPUT &&
		     TEE_PARAM_TYPE_GET(types, 1) != TEE_PARAM_TYPE_MEMREF_INOUT))
			return TEE_ERROR_BAD_PARAMETERS;
		want = p[0].value.b;
		n = want;
		if (n > p[1].memref.size)
			n = p[1].memref.size;
		if (n)
			memset(p[1].memref.buffer, (int)p[0].value.a, n);
		e->last_buf = p[1].memref.buffer;
		p[1].memref.size = want;
		return want > n ? TEE_ERROR_SHORT_BUFFER : TEE_SUCCESS;
	}
	case ECHO_CMD_COPY:
		if (TEE_PARAM_TYPE_GET(types, 0) != TEE_PARAM_TYPE_MEMREF_INPUT ||
		    !is_memref(TEE_PARAM_TYPE_GET(types, 1)))
			return TEE_ERROR_BAD_PARAMETERS;
		if (p[0].memref.size > p[1].memref.size) {
			p[1].memref.size = p[0].memref.size;
			return TEE_ERROR_SHORT_BUFFER;
		}
		if (p[0].memref.size)
			memmove(p[1].memref.buffer, p[0].memref.buffer, p[0].memref.size);
		p[1].memref.size = p[0].memref.size;
		return TEE_SUCCESS;
	case ECHO_CMD_SUM: {
		const uint8_t *b = p[0].memref.buffer;
		uint32_t sum = 0;

		if (TEE_PARAM_TYPE_GET(types, 0) != TEE_PARAM_TYPE_MEMREF_INPUT ||
		    TEE_PARAM_TYPE_GET(types, 1) != TEE_PARAM_TYPE_VALUE_OUTPUT)
			return TEE_ERROR_BAD_PARAMETERS;
		for (i = 0; i < p[0].memref.size; i++)
			sum += b[i];
		e->last_buf = p[0].memref.buffer;
		p[1].value.a = sum;
		p[1].value.b = (uint32_t)p[0].memref.size;
		return TEE_SUCCESS;
	}
	case ECHO_CMD_SLEEP: {
		struct timespec ts;

		if (TEE_PARAM_TYPE_GET(types, 0) != TEE_PARAM_TYPE_VALUE_INPUT)
			return TEE_ERROR_BAD_PARAMETERS;
		ts.tv_sec = p[0].value.a / 1000;
		ts.tv_nsec = (long)(p[0].value.a % 1000) * 1000000;
		while (nanosleep(&ts, &ts))
			;
		return TEE_SUCCESS;
	}
	case ECHO_CMD_LOGIN:
		if (TEE_PARAM_TYPE_GET(types, 0) != TEE_PARAM_TYPE_VALUE_OUTPUT)
			return TEE_ERROR_BAD_PARAMETERS;
		p[0].value.a = *(uint32_t *)sess_ctx;
		return TEE_SUCCESS;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}

const struct pta_ops echo_pta_ops = {
    .uuid = {0xec, 0x40, 0x00, 0x01, 0x7e, 0x57, 0x4e, 0x11, 0x9a, 0x00, 0x00, 0x00, 0x00, 0x00,
	     0xec, 0x40},
    .name = "echo",
    .open_session = echo_open,
    .close_session = echo_close,
    .invoke = echo_invoke,
};
