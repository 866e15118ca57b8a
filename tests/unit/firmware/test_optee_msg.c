// SPDX-License-Identifier: BSD-3-Clause
/*
 * The firmware's OP-TEE message layer and PTAs on the host (firmware/core),
 * driven as Linux's optee driver and scmi_optee transport drive them, then
 * with hostile input: args, memrefs and page lists that point into secure
 * memory, out of RAM, across its end or around 2^64; malformed attributes
 * and parameter counts; exhausted tables. Every one must end in a TEE error
 * (or EBADADDR for an arg the firmware cannot reach), never in a fault, and
 * leave no state behind.
 *
 * The normal world's RAM is a host buffer standing for PA 0x40000000; a
 * 64 KiB carve-out inside it is declared secure, as is everything below it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fw/optee_abi.h"
#include "fw/plat_min.h"
#include "fw/pta.h"
#include "fw/tee.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "scmi/proto/tee.h"

#define RAM_PA	   0x40000000ull
#define RAM_SIZE   (4ull << 20)
#define CARVE_PA   (RAM_PA + 0x300000ull) /* secure, inside RAM */
#define CARVE_SIZE 0x10000ull
#define SMT_PA	   (RAM_PA + 0x200000ull)
#define POOL_PA	   (RAM_PA + 0x100000ull)
#define POOL_SIZE  0x100000ull
#define ARG_PA	   (RAM_PA + 0x1000ull)
#define PAGE	   4096ull
/* Where a page list links its next page. */
#define LINK_OFF ((uint64_t)OPTEE_MSG_PAGE_LIST_ENTRIES * 8)

/* PTA params, as Linux encodes them. */
#define META_IN (OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META)

static uint8_t *ram;

/**
 * struct fw - one firmware core: memory, platform, server, PTAs, message layer.
 */
struct fw {
	struct fw_nsmem ns;
	struct fw_plat_min plat;
	struct scmi_server srv;
	struct fw_pta devenum, scmi_pta;
	struct fw_pta_scmi scmi;
	const struct fw_pta *ptas[2];
	struct fw_tee tee;
};

static uint8_t *va(uint64_t pa)
{
	assert_true(pa >= RAM_PA && pa < RAM_PA + RAM_SIZE);
	return ram + (pa - RAM_PA);
}

static void put32(uint64_t pa, uint32_t v)
{
	scmi_put_le32(va(pa), v);
}

static void put64(uint64_t pa, uint64_t v)
{
	scmi_put_le64(va(pa), v);
}

static uint32_t get32(uint64_t pa)
{
	return scmi_get_le32(va(pa));
}

static uint64_t get64(uint64_t pa)
{
	return scmi_get_le64(va(pa));
}

static struct fw *fw_new(bool pool)
{
	struct fw *f = calloc(1, sizeof(*f));
	struct fw_scmi_chan chans[2] = {{.id = 0, .smt_pa = SMT_PA, .smt_size = PAGE}, {.id = 1}};

	assert_non_null(f);
	memset(ram, 0, RAM_SIZE);
	assert_true(fw_ns_add_secure(&f->ns, 0, RAM_PA));
	assert_true(fw_ns_add_secure(&f->ns, CARVE_PA, CARVE_SIZE));
	assert_true(fw_ns_add_ram(&f->ns, RAM_PA, RAM_SIZE, ram));
	fw_plat_min_init(&f->plat, 2);
	scmi_server_init(&f->srv, fw_plat_min_ops(), &f->plat);
	fw_pta_devenum_init(&f->devenum, &f->tee);
	fw_pta_scmi_init(&f->scmi_pta, &f->scmi, &f->srv, &f->ns, chans, 2);
	f->ptas[0] = &f->devenum;
	f->ptas[1] = &f->scmi_pta;
	fw_tee_init(&f->tee, &f->ns, f->ptas, 2, pool ? POOL_PA : 0, pool ? POOL_SIZE : 0);
	return f;
}

/* Header of an arg at @pa: command, function, session, number of params. */
static void arg_hdr(uint64_t pa, uint32_t cmd, uint32_t func, uint32_t session, uint32_t n)
{
	memset(va(pa), 0, OPTEE_MSG_ARG_HDR_SIZE + OPTEE_MSG_MAX_PARAMS * OPTEE_MSG_PARAM_SIZE);
	put32(pa + OPTEE_MSG_ARG_OFF_CMD, cmd);
	put32(pa + OPTEE_MSG_ARG_OFF_FUNC, func);
	put32(pa + OPTEE_MSG_ARG_OFF_SESSION, session);
	put32(pa + OPTEE_MSG_ARG_OFF_NUM_PARAMS, n);
	/* Poison the results: the layer must write them. */
	put32(pa + OPTEE_MSG_ARG_OFF_RET, 0xdeadbeef);
	put32(pa + OPTEE_MSG_ARG_OFF_RET_ORIGIN, 0xdeadbeef);
}

static uint64_t param_pa(uint64_t pa, unsigned int i)
{
	return pa + OPTEE_MSG_ARG_HDR_SIZE + (uint64_t)i * OPTEE_MSG_PARAM_SIZE;
}

static void param(uint64_t pa, unsigned int i, uint64_t attr, uint64_t u0, uint64_t u1, uint64_t u2)
{
	uint64_t p = param_pa(pa, i);

	put64(p, attr);
	put64(p + 8, u0);
	put64(p + 16, u1);
	put64(p + 24, u2);
}

static uint32_t ret_of(uint64_t pa)
{
	return get32(pa + OPTEE_MSG_ARG_OFF_RET);
}

/* One call at ARG_PA that must be accepted at the SMC level; the TEE result. */
static uint32_t call(struct fw *f)
{
	assert_int_equal(fw_tee_call_with_arg(&f->tee, ARG_PA), OPTEE_SMC_RETURN_OK);
	return ret_of(ARG_PA);
}

static void uuid_values(const uint8_t uuid[16], uint64_t *a, uint64_t *b)
{
	*a = scmi_get_le64(uuid);
	*b = scmi_get_le64(uuid + 8);
}

static uint32_t open_session(struct fw *f, const uint8_t uuid[16], uint32_t login, uint32_t *sess)
{
	uint64_t a, b;
	uint32_t r;

	uuid_values(uuid, &a, &b);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, 2);
	param(ARG_PA, 0, META_IN, a, b, 0);
	param(ARG_PA, 1, META_IN, 0, 0, login);
	r = call(f);
	if (sess)
		*sess = get32(ARG_PA + OPTEE_MSG_ARG_OFF_SESSION);
	return r;
}

static const uint8_t devenum_uuid[16] = FW_PTA_DEVENUM_UUID;
static const uint8_t scmi_uuid[16] = PTA_SCMI_UUID_BYTES;

/* A page list at @list for @npages contiguous pages from @data; returns buf_ptr | @offset. */
static uint64_t page_list(uint64_t list, uint64_t data, uint64_t npages, uint64_t offset)
{
	for (uint64_t i = 0; i < npages; i++) {
		uint64_t slot = i % OPTEE_MSG_PAGE_LIST_ENTRIES;

		if (!slot && i) {
			put64(list + LINK_OFF, list + PAGE);
			list += PAGE;
		}
		put64(list + slot * 8, data + i * PAGE);
	}
	return (list - ((npages ? npages - 1 : 0) / OPTEE_MSG_PAGE_LIST_ENTRIES) * PAGE) | offset;
}

static uint32_t register_shm(struct fw *f, uint64_t buf_ptr, uint64_t size, uint64_t cookie)
{
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_REGISTER_SHM, 0, 0, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG, buf_ptr, size,
	      cookie);
	return call(f);
}

static uint32_t unregister_shm(struct fw *f, uint64_t cookie)
{
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_UNREGISTER_SHM, 0, 0, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, 0, 0, cookie);
	return call(f);
}

static int setup(void **state)
{
	ram = aligned_alloc(PAGE, RAM_SIZE);
	assert_non_null(ram);
	*state = NULL;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	free(ram);
	return 0;
}

/* The whole sequence Linux runs at probe, in dynamic-shm mode, then one MSG round trip. */
static void test_linux_probe_dynamic(void **state)
{
	const uint64_t list = RAM_PA + 0x10000, buf = RAM_PA + 0x20000, cookie = 0xffff000012345678;
	struct fw *f = fw_new(false);
	uint32_t s, s2, hdr;
	uint64_t a, b;

	*state = f;
	/* Enumeration: open, size query, register, fetch, unregister, close. */
	assert_int_equal(open_session(f, devenum_uuid, TEE_LOGIN_PUBLIC, &s), TEE_SUCCESS);
	assert_int_equal(get32(ARG_PA + OPTEE_MSG_ARG_OFF_RET_ORIGIN), TEE_ORIGIN_TRUSTED_APP);
	assert_int_not_equal(s, 0);
	uuid_values(devenum_uuid, &a, &b);
	assert_int_equal(a, 0x5340dedd88a61170ull); /* what Linux sends, measured */
	assert_int_equal(b, 0xb813df4d3c7ba9a5ull);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, FW_PTA_DEVENUM_CMD_GET_DEVICES, s, 4);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, 0, 0, 0);
	assert_int_equal(call(f), TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(get64(param_pa(ARG_PA, 0) + 16), 16);
	assert_int_equal(register_shm(f, page_list(list, buf, 1, 0), PAGE, cookie), TEE_SUCCESS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, FW_PTA_DEVENUM_CMD_GET_DEVICES, s, 4);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT, 0, 16, cookie);
	assert_int_equal(call(f), TEE_SUCCESS);
	assert_memory_equal(va(buf), scmi_uuid, 16);
	assert_int_equal(unregister_shm(f, cookie), TEE_SUCCESS);
	assert_int_equal(f->tee.runs_used, 0);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_CLOSE_SESSION, 0, s, 0);
	assert_int_equal(call(f), TEE_SUCCESS);

	/* scmi_optee: capabilities, then a channel. */
	assert_int_equal(open_session(f, scmi_uuid, TEE_LOGIN_REE_KERNEL, &s), TEE_SUCCESS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, PTA_SCMI_CMD_CAPABILITIES, s, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT, 7, 7, 7);
	assert_int_equal(call(f), TEE_SUCCESS);
	assert_int_equal(get64(param_pa(ARG_PA, 0) + 8),
			 PTA_SCMI_CAPS_SMT_HEADER | PTA_SCMI_CAPS_MSG_HEADER);
	assert_int_equal(get64(param_pa(ARG_PA, 0) + 24), 0);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_CLOSE_SESSION, 0, s, 0);
	assert_int_equal(call(f), TEE_SUCCESS);

	assert_int_equal(open_session(f, scmi_uuid, TEE_LOGIN_REE_KERNEL, &s2), TEE_SUCCESS);
	assert_int_not_equal(s2, s);
	assert_int_equal(register_shm(f, page_list(list, buf, 1, 0), PAGE, cookie), TEE_SUCCESS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, PTA_SCMI_CMD_GET_CHANNEL_HANDLE, s2, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INOUT, 0, PTA_SCMI_CAPS_MSG_HEADER, 0);
	assert_int_equal(call(f), TEE_SUCCESS);
	assert_int_equal(get64(param_pa(ARG_PA, 0) + 8), 0);

	/* Base PROTOCOL_VERSION in MSG layout: p1 and p2 alias the same buffer. */
	hdr = scmi_hdr_pack(&(struct scmi_hdr){.protocol_id = 0x10, .msg_id = 0, .token = 5});
	put32(buf, hdr);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, PTA_SCMI_CMD_PROCESS_MSG_CHANNEL, s2, 3);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, 0, 0, 0);
	param(ARG_PA, 1, OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, 0, 4, cookie);
	param(ARG_PA, 2, OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT, 0, 128, cookie);
	assert_int_equal(call(f), TEE_SUCCESS);
	assert_int_equal(get64(param_pa(ARG_PA, 2) + 16), 12);
	assert_int_equal(get32(buf), hdr);
	assert_int_equal(get32(buf + 4), 0);
	assert_int_equal(get32(buf + 8), 0x00020001);
	/* Input parameters are not written back. */
	assert_int_equal(get64(param_pa(ARG_PA, 1) + 16), 4);
	assert_int_equal(f->scmi.chans[0].served, 1);
}

/* PROCESS_SMT_CHANNEL on the static area: FREE from boot, then a round trip. */
static void test_smt_channel(void **state)
{
	struct fw *f = fw_new(false);
	uint32_t s, hdr;

	*state = f;
	assert_int_equal(get32(SMT_PA + SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
	assert_int_equal(open_session(f, scmi_uuid, TEE_LOGIN_REE_KERNEL, &s), TEE_SUCCESS);
	hdr = scmi_hdr_pack(&(struct scmi_hdr){.protocol_id = 0x10, .msg_id = 0, .token = 9});
	put32(SMT_PA + SCMI_SMT_OFF_STATUS, 0);
	put32(SMT_PA + SCMI_SMT_OFF_LENGTH, 4);
	put32(SMT_PA + SCMI_SMT_OFF_HEADER, hdr);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, s, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, 0, 0, 0);
	assert_int_equal(call(f), TEE_SUCCESS);
	assert_int_equal(get32(SMT_PA + SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
	assert_int_equal(get32(SMT_PA + SCMI_SMT_OFF_LENGTH), 12);
	assert_int_equal(get32(SMT_PA + SCMI_SMT_OFF_PAYLOAD + 4), 0x00020001);
	/* Channel 1 has no static area. */
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, 1, 0, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	/* An unknown channel. */
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, 2, 0, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
}

/* A static SMT area in secure memory is never used. */
static void test_smt_area_in_secure_memory(void **state)
{
	struct fw *f = fw_new(false);
	struct fw_scmi_chan bad = {.id = 0, .smt_pa = CARVE_PA, .smt_size = PAGE};

	*state = f;
	fw_pta_scmi_init(&f->scmi_pta, &f->scmi, &f->srv, &f->ns, &bad, 1);
	assert_null(f->scmi.chans[0].smt);
	bad.smt_pa = 0x0e000000;
	fw_pta_scmi_init(&f->scmi_pta, &f->scmi, &f->srv, &f->ns, &bad, 1);
	assert_null(f->scmi.chans[0].smt);
}

/* The static pool: TMEM inside it works, outside it (even in RAM) does not. */
static void test_static_pool(void **state)
{
	struct fw *f = fw_new(true);
	uint32_t s;

	*state = f;
	assert_int_equal(f->tee.pool.size, POOL_SIZE);
	assert_int_equal(open_session(f, devenum_uuid, TEE_LOGIN_PUBLIC, &s), TEE_SUCCESS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, 0, s, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, POOL_PA + 224, 16, 0x1234);
	assert_int_equal(call(f), TEE_SUCCESS);
	assert_memory_equal(va(POOL_PA + 224), scmi_uuid, 16);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, POOL_PA + POOL_SIZE - 8, 16, 0x1234);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, RAM_PA + 0x20000, 16, 0x1234);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
}

/* Args the firmware cannot reach: an SMC-level error, nothing written anywhere. */
static void test_arg_unreachable(void **state)
{
	struct fw *f = fw_new(false);
	const uint64_t bad[] = {
	    ARG_PA + 4,		    /* misaligned */
	    0x0e000000,		    /* secure RAM */
	    0,			    /* flash */
	    CARVE_PA,		    /* secure carve-out in RAM */
	    CARVE_PA - 16,	    /* header runs into it */
	    RAM_PA + RAM_SIZE - 16, /* header runs off RAM */
	    RAM_PA + RAM_SIZE,	    /* just past RAM */
	    0xfffffffffffffff8ull,  /* wraps */
	};

	*state = f;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(fw_tee_call_with_arg(&f->tee, bad[i]), OPTEE_SMC_RETURN_EBADADDR);
}

/* A reachable header with unreachable or too many params: a TEE error in the arg. */
static void test_arg_malformed(void **state)
{
	struct fw *f = fw_new(false);
	const uint64_t edge = RAM_PA + RAM_SIZE - OPTEE_MSG_ARG_HDR_SIZE;
	const uint32_t counts[] = {7, 64, 0x80000000u, 0xffffffffu};

	*state = f;
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		arg_hdr(ARG_PA, OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, counts[i]);
		assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
		assert_int_equal(get32(ARG_PA + OPTEE_MSG_ARG_OFF_RET_ORIGIN), TEE_ORIGIN_TEE);
	}
	/* The header fits at the very end of RAM, its one parameter does not. */
	memset(va(edge), 0, OPTEE_MSG_ARG_HDR_SIZE);
	put32(edge + OPTEE_MSG_ARG_OFF_NUM_PARAMS, 1);
	assert_int_equal(fw_tee_call_with_arg(&f->tee, edge), OPTEE_SMC_RETURN_OK);
	assert_int_equal(get32(edge + OPTEE_MSG_ARG_OFF_RET), TEE_ERROR_BAD_PARAMETERS);
	/* Params running into the secure carve-out. */
	memset(va(CARVE_PA - 64), 0, 64);
	put32(CARVE_PA - 64 + OPTEE_MSG_ARG_OFF_NUM_PARAMS, 2);
	assert_int_equal(fw_tee_call_with_arg(&f->tee, CARVE_PA - 64), OPTEE_SMC_RETURN_OK);
	assert_int_equal(get32(CARVE_PA - 64 + OPTEE_MSG_ARG_OFF_RET), TEE_ERROR_BAD_PARAMETERS);
	/* Unknown commands, and the ones no pseudo-TA needs. */
	arg_hdr(ARG_PA, 6, 0, 0, 0);
	assert_int_equal(call(f), TEE_ERROR_NOT_IMPLEMENTED);
	arg_hdr(ARG_PA, 0xffffffffu, 0, 0, 0);
	assert_int_equal(call(f), TEE_ERROR_NOT_IMPLEMENTED);
}

static void test_open_session_checks(void **state)
{
	static const uint8_t unknown[16] = {1, 2, 3};
	struct fw *f = fw_new(false);
	uint64_t a, b;

	*state = f;
	uuid_values(scmi_uuid, &a, &b);
	/* One meta param only; meta attribute missing; value output instead of input. */
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, 1);
	param(ARG_PA, 0, META_IN, a, b, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, 2);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, a, b, 0);
	param(ARG_PA, 1, META_IN, 0, 0, TEE_LOGIN_REE_KERNEL);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	param(ARG_PA, 0, META_IN, a, b, 0);
	param(ARG_PA, 1, OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT | OPTEE_MSG_ATTR_META, 0, 0, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	/* A TA parameter that points into secure memory, even on open. */
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, 3);
	param(ARG_PA, 0, META_IN, a, b, 0);
	param(ARG_PA, 1, META_IN, 0, 0, TEE_LOGIN_REE_KERNEL);
	param(ARG_PA, 2, OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, 0x0e000000, 16, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	/* Unknown TA; SCMI refuses any login but the kernel's. */
	assert_int_equal(open_session(f, unknown, TEE_LOGIN_PUBLIC, NULL),
			 TEE_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(open_session(f, scmi_uuid, TEE_LOGIN_PUBLIC, NULL),
			 TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(open_session(f, scmi_uuid, TEE_LOGIN_USER, NULL), TEE_ERROR_ACCESS_DENIED);
	for (size_t i = 0; i < FW_TEE_MAX_SESSIONS; i++)
		assert_int_equal(f->tee.sessions[i].id, 0);
	/* The table fills up: OUT_OF_MEMORY, never a busy code that makes Linux wait. */
	for (size_t i = 0; i < FW_TEE_MAX_SESSIONS; i++)
		assert_int_equal(open_session(f, scmi_uuid, TEE_LOGIN_REE_KERNEL, NULL),
				 TEE_SUCCESS);
	assert_int_equal(open_session(f, scmi_uuid, TEE_LOGIN_REE_KERNEL, NULL),
			 TEE_ERROR_OUT_OF_MEMORY);
}

static void test_invoke_checks(void **state)
{
	struct fw *f = fw_new(false);
	uint32_t s;
	const uint64_t bad_attrs[] = {
	    OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT | OPTEE_MSG_ATTR_META,
	    OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG,
	    OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT | (1ull << 16), /* a cache attribute */
	    4,
	    8,
	    0xc,
	    0xff,
	    1ull << 63,
	};

	*state = f;
	/* Unknown, zero and closed sessions. */
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, 0, 0, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, 0, 12345, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_CLOSE_SESSION, 0, 12345, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_CANCEL, 0, 12345, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);

	assert_int_equal(open_session(f, scmi_uuid, TEE_LOGIN_REE_KERNEL, &s), TEE_SUCCESS);
	for (size_t i = 0; i < sizeof(bad_attrs) / sizeof(bad_attrs[0]); i++) {
		arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, PTA_SCMI_CMD_CAPABILITIES, s, 1);
		param(ARG_PA, 0, bad_attrs[i], 0, 0, 0);
		assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
		assert_int_equal(get32(ARG_PA + OPTEE_MSG_ARG_OFF_RET_ORIGIN), TEE_ORIGIN_TEE);
	}
	/* More than four TA parameters. */
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, PTA_SCMI_CMD_CAPABILITIES, s, 5);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT, 0, 0, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	/* The PTA's own checks: wrong types for the command, unknown command. */
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, PTA_SCMI_CMD_CAPABILITIES, s, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, 0, 0, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(get32(ARG_PA + OPTEE_MSG_ARG_OFF_RET_ORIGIN), TEE_ORIGIN_TRUSTED_APP);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, 99, s, 0);
	assert_int_equal(call(f), TEE_ERROR_NOT_SUPPORTED);
	/* GET_CHANNEL_HANDLE in OP-TEE's order. */
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, PTA_SCMI_CMD_GET_CHANNEL_HANDLE, s, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INOUT, 0, 4, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INOUT, 0, 0, 0);
	assert_int_equal(call(f), TEE_ERROR_NOT_SUPPORTED);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INOUT, 7, 1, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_CANCEL, 0, s, 0);
	assert_int_equal(call(f), TEE_SUCCESS);
}

/* Temporary memrefs that lie: into secure memory, off RAM, around 2^64. */
static void test_tmem_hostile(void **state)
{
	struct fw *f = fw_new(false);
	uint32_t s;
	const struct {
		uint64_t pa, size;
	} bad[] = {
	    {0x0e000000, 16},
	    {0x1000, 16},
	    {CARVE_PA + 8, 16},
	    {CARVE_PA - 8, 16},
	    {RAM_PA + RAM_SIZE - 8, 16},
	    {RAM_PA + RAM_SIZE, 16},
	    {RAM_PA, ~0ull},
	    {RAM_PA + 16, 0xfffffffffffffff0ull},
	    {0xfffffffffffff000ull, 0x2000},
	};

	*state = f;
	assert_int_equal(open_session(f, devenum_uuid, TEE_LOGIN_PUBLIC, &s), TEE_SUCCESS);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, 0, s, 1);
		param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, bad[i].pa, bad[i].size, 0);
		assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
		/* Nothing written back: the size stays the lie it was. */
		assert_int_equal(get64(param_pa(ARG_PA, 0) + 16), bad[i].size);
	}
	/* A null memref with an absurd size is refused too. */
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, 0, ~0ull, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
}

static void test_register_shm_hostile(void **state)
{
	const uint64_t list = RAM_PA + 0x10000, data = RAM_PA + 0x40000;
	struct fw *f = fw_new(false);
	uint64_t bp;

	*state = f;
	/* Wrong attribute, and wrong parameter count. */
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_REGISTER_SHM, 0, 0, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, page_list(list, data, 1, 0), PAGE, 1);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_REGISTER_SHM, 0, 0, 2);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG,
	      page_list(list, data, 1, 0), PAGE, 1);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	/* Sizes: zero, beyond the bound, wrapping. */
	assert_int_equal(register_shm(f, page_list(list, data, 1, 0), 0, 1),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(register_shm(f, list, FW_TEE_MAX_SHM_SIZE + 1, 1),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(register_shm(f, list | 0xfff, ~0ull, 1), TEE_ERROR_BAD_PARAMETERS);
	/* The page list itself in secure memory, or off RAM. */
	assert_int_equal(register_shm(f, 0x0e000000, PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(register_shm(f, CARVE_PA, PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(register_shm(f, RAM_PA + RAM_SIZE, PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	/* A data page in secure memory, unaligned, or off RAM. */
	put64(list, CARVE_PA);
	assert_int_equal(register_shm(f, list, PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	put64(list, 0x0e000000);
	assert_int_equal(register_shm(f, list, PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	put64(list, data + 8);
	assert_int_equal(register_shm(f, list, PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	put64(list, RAM_PA + RAM_SIZE - 0x800);
	assert_int_equal(register_shm(f, list, PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	/* The second page goes bad; an offset makes two pages of one. */
	page_list(list, data, 2, 0);
	put64(list + 8, CARVE_PA);
	assert_int_equal(register_shm(f, list | 0x800, PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	/* A chained list whose link page lies. */
	bp = page_list(list, data, 600, 0);
	put64(list + LINK_OFF, 0x0e000000);
	assert_int_equal(register_shm(f, bp, 600 * PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	put64(list + LINK_OFF, list + PAGE + 8);
	assert_int_equal(register_shm(f, bp, 600 * PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	/* Nothing of the failures stayed. */
	assert_int_equal(f->tee.runs_used, 0);
	for (size_t i = 0; i < FW_TEE_MAX_SHM; i++)
		assert_false(f->tee.shm[i].used);
	/* A good chained list; its cookie cannot be registered twice. */
	bp = page_list(list, data, 600, 0x10);
	assert_int_equal(register_shm(f, bp, 600 * PAGE - 0x10, 1), TEE_SUCCESS);
	assert_int_equal(f->tee.runs_used, 1);
	assert_int_equal(register_shm(f, bp, PAGE, 1), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(unregister_shm(f, 2), TEE_ERROR_ITEM_NOT_FOUND);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_UNREGISTER_SHM, 0, 0, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT, 0, 0, 1);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(unregister_shm(f, 1), TEE_SUCCESS);
	assert_int_equal(unregister_shm(f, 1), TEE_ERROR_ITEM_NOT_FOUND);
}

/* RMEM windows: inside a registration and a run only. */
static void test_rmem_hostile(void **state)
{
	const uint64_t list = RAM_PA + 0x10000, data = RAM_PA + 0x40000;
	struct fw *f = fw_new(false);
	uint32_t s;
	const struct {
		uint64_t offs, size;
	} bad[] = {
	    {0, 2 * PAGE + 1}, {2 * PAGE, 1}, {~0ull, 2}, {8, ~0ull}, {PAGE - 8, 16},
	};

	*state = f;
	/* Two data pages that are not contiguous: two runs. */
	put64(list, data + 2 * PAGE);
	put64(list + 8, data);
	assert_int_equal(register_shm(f, list, 2 * PAGE, 7), TEE_SUCCESS);
	assert_int_equal(f->tee.runs_used, 2);
	assert_int_equal(open_session(f, devenum_uuid, TEE_LOGIN_PUBLIC, &s), TEE_SUCCESS);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, 0, s, 1);
		param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT, bad[i].offs, bad[i].size, 7);
		assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	}
	/* An unknown cookie. */
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT, 0, 16, 8);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	/* Inside the second run: lands on the first data page. */
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT, PAGE + 32, 16, 7);
	assert_int_equal(call(f), TEE_SUCCESS);
	assert_memory_equal(va(data + 32), scmi_uuid, 16);
}

/* Registrations fill their table; unregistering keeps the packed runs right. */
static void test_shm_tables(void **state)
{
	const uint64_t list = RAM_PA + 0x10000, data = RAM_PA + 0x40000;
	struct fw *f = fw_new(false);
	uint32_t s;

	*state = f;
	for (uint64_t i = 0; i < FW_TEE_MAX_SHM; i++)
		assert_int_equal(register_shm(f, page_list(list, data + i * PAGE, 1, 0), PAGE, i),
				 TEE_SUCCESS);
	assert_int_equal(register_shm(f, page_list(list, data, 1, 0), PAGE, 1000),
			 TEE_ERROR_OUT_OF_MEMORY);
	assert_int_equal(unregister_shm(f, 3), TEE_SUCCESS);
	assert_int_equal(f->tee.runs_used, FW_TEE_MAX_SHM - 1);
	/* The registration after the gap still maps to its own page. */
	assert_int_equal(open_session(f, devenum_uuid, TEE_LOGIN_PUBLIC, &s), TEE_SUCCESS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, 0, s, 1);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT, 0, 16, 20);
	assert_int_equal(call(f), TEE_SUCCESS);
	assert_memory_equal(va(data + 20 * PAGE), scmi_uuid, 16);
	/* Runs run out before slots do: no registration is left half made. */
	for (uint64_t i = 0; i < FW_TEE_MAX_SHM; i++)
		unregister_shm(f, i);
	assert_int_equal(f->tee.runs_used, 0);
	for (uint64_t i = 0; i <= FW_TEE_MAX_RUNS; i++)
		put64(list + i * 8, data + 2 * i * PAGE);
	assert_int_equal(register_shm(f, list, (FW_TEE_MAX_RUNS + 1) * PAGE, 1),
			 TEE_ERROR_OUT_OF_MEMORY);
	assert_int_equal(f->tee.runs_used, 0);
}

/* The MSG and SMT-message commands with memrefs that are null or too small. */
static void test_scmi_memrefs(void **state)
{
	struct fw *f = fw_new(true);
	uint32_t s;

	*state = f;
	assert_int_equal(open_session(f, scmi_uuid, TEE_LOGIN_REE_KERNEL, &s), TEE_SUCCESS);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, PTA_SCMI_CMD_PROCESS_MSG_CHANNEL, s, 3);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, 0, 0, 0);
	param(ARG_PA, 1, OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, 0, 0, 0);
	param(ARG_PA, 2, OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT, POOL_PA, 128, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	param(ARG_PA, 1, OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, POOL_PA, 2, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	param(ARG_PA, 1, OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, POOL_PA + 1, 4, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(f->scmi.chans[0].served, 0);
	arg_hdr(ARG_PA, OPTEE_MSG_CMD_INVOKE_COMMAND, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, s,
		2);
	param(ARG_PA, 0, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, 0, 0, 0);
	param(ARG_PA, 1, OPTEE_MSG_ATTR_TYPE_TMEM_INOUT, POOL_PA, 64, 0);
	assert_int_equal(call(f), TEE_ERROR_BAD_PARAMETERS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_linux_probe_dynamic, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_smt_channel, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_smt_area_in_secure_memory, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_static_pool, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_arg_unreachable, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_arg_malformed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_open_session_checks, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_invoke_checks, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tmem_hostile, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_register_shm_hostile, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rmem_hostile, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_shm_tables, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_scmi_memrefs, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
