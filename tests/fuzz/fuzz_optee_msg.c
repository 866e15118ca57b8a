// SPDX-License-Identifier: BSD-3-Clause
/*
 * The firmware's OP-TEE message layer (firmware/core) as a hostile normal
 * world drives it: fw_tee_call_with_arg() on args, parameters, page lists
 * and buffers the input writes into a small fake RAM, with the firmware's
 * device-enumeration and SCMI PTAs and its phase-1 platform behind it.
 *
 * Each input is a fresh firmware core and a list of operations: write bytes
 * into RAM; write a well-formed arg (open a session, register a page list,
 * invoke a command) whose fields the input then bends; call with an arg at
 * some address, in RAM or not.
 *
 * Invariants: the SMC result is OK or EBADADDR, and EBADADDR exactly when the
 * arg is misaligned or its header is not in non-secure RAM; an accepted call
 * reports a known origin; the secure carve-out inside RAM is never written;
 * every registered buffer's runs lie in non-secure RAM. ASan sees any access
 * outside the RAM buffer (an exact-size heap block).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

/* By path: the fuzz and lint builds put only include/, src/ and tests/fuzz/ on the path. */
#include "../../firmware/include/fw/optee_abi.h"
#include "../../firmware/include/fw/plat_min.h"
#include "../../firmware/include/fw/pta.h"
#include "../../firmware/include/fw/tee.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/tee.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define RAM_PA	   0x40000000ull
#define RAM_SIZE   0x10000u
#define CARVE_OFF  0x8000u /* secure, inside RAM */
#define CARVE_SIZE 0x1000u
#define SMT_OFF	   0xe000u
#define MAX_OPS	   24
#define CANARY	   0xa5

/** struct fw - one firmware core over the fake RAM. */
struct fw {
	struct fw_nsmem ns;
	struct fw_plat_min plat;
	struct scmi_server srv;
	struct fw_pta devenum, scmi_pta;
	struct fw_pta_scmi scmi;
	const struct fw_pta *ptas[2];
	struct fw_tee tee;
};

static struct fw *fw;
static uint8_t *ram;

static void fw_reset(bool pool)
{
	struct fw_scmi_chan chans[2] = {{.id = 0, .smt_pa = RAM_PA + SMT_OFF, .smt_size = 0x1000},
					{.id = 1}};

	memset(fw, 0, sizeof(*fw));
	memset(ram, 0, RAM_SIZE);
	memset(ram + CARVE_OFF, CANARY, CARVE_SIZE);
	fw_ns_add_secure(&fw->ns, 0, RAM_PA);
	fw_ns_add_secure(&fw->ns, RAM_PA + CARVE_OFF, CARVE_SIZE);
	fw_ns_add_ram(&fw->ns, RAM_PA, RAM_SIZE, ram);
	fw_plat_min_init(&fw->plat, 2);
	scmi_server_init(&fw->srv, fw_plat_min_ops(), &fw->plat);
	fw_pta_devenum_init(&fw->devenum, &fw->tee);
	fw_pta_scmi_init(&fw->scmi_pta, &fw->scmi, &fw->srv, &fw->ns, chans, 2);
	fw->ptas[0] = &fw->devenum;
	fw->ptas[1] = &fw->scmi_pta;
	fw_tee_init(&fw->tee, &fw->ns, fw->ptas, 2, pool ? RAM_PA + 0x4000 : 0, pool ? 0x2000 : 0);
}

/* An offset into RAM for an object of @len bytes, 8-aligned unless the input says not. */
static uint32_t ram_off(struct fuzz_in *in, uint32_t len, bool align)
{
	uint32_t off = fuzz_u16(in) % (RAM_SIZE - len + 1);

	return align ? off & ~7u : off;
}

static void put64(uint32_t off, uint64_t v)
{
	if (off <= RAM_SIZE - 8)
		scmi_put_le64(ram + off, v);
}

static void put32(uint32_t off, uint32_t v)
{
	if (off <= RAM_SIZE - 4)
		scmi_put_le32(ram + off, v);
}

/* A plausible arg at @off: the input picks the command and bends the fields. */
static void template_arg(struct fuzz_in *in, uint32_t off)
{
	static const uint8_t uuids[2][16] = {FW_PTA_DEVENUM_UUID, PTA_SCMI_UUID_BYTES};
	uint8_t kind = fuzz_u8(in), n = fuzz_u8(in) % (OPTEE_MSG_MAX_PARAMS + 1);
	const uint8_t *u = uuids[kind & 1];
	uint32_t p = off + OPTEE_MSG_ARG_HDR_SIZE;

	put32(off + OPTEE_MSG_ARG_OFF_CMD, (kind >> 1) % 7);
	put32(off + OPTEE_MSG_ARG_OFF_FUNC, fuzz_u8(in) % 6);
	put32(off + OPTEE_MSG_ARG_OFF_SESSION, fuzz_u8(in) % 4);
	put32(off + OPTEE_MSG_ARG_OFF_NUM_PARAMS, n);
	if ((kind >> 1) % 7 == OPTEE_MSG_CMD_OPEN_SESSION) {
		put64(p, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META);
		put64(p + 8, scmi_get_le64(u));
		put64(p + 16, scmi_get_le64(u + 8));
		put64(p + 32, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META);
		put64(p + 56, (kind & 0x80) ? TEE_LOGIN_REE_KERNEL : TEE_LOGIN_PUBLIC);
		p += 64;
	}
	/* The rest: attribute nibble and three words, with RAM addresses likely. */
	for (unsigned int i = 0; i < 2 && p <= RAM_SIZE - 32; i++, p += 32) {
		uint8_t a = fuzz_u8(in);

		put64(p, (a & 0x80) ? (a & 0x0f) | OPTEE_MSG_ATTR_NONCONTIG : (a & 0x0f));
		put64(p + 8, (a & 0x40) ? RAM_PA + ram_off(in, 1, a & 0x20) : fuzz_u32(in));
		put64(p + 16, fuzz_u16(in));
		put64(p + 24, fuzz_u8(in));
	}
}

static uint64_t arg_address(struct fuzz_in *in)
{
	uint8_t how = fuzz_u8(in);

	switch (how & 3) {
	case 0:
		return ((uint64_t)fuzz_u32(in) << 32) | fuzz_u32(in);
	case 1:
		return RAM_PA + ram_off(in, 0, false);
	default:
		return RAM_PA + ram_off(in, OPTEE_MSG_ARG_HDR_SIZE, true);
	}
}

static void call(uint64_t pa)
{
	bool reachable = !(pa & 7) && fw_ns_range_ok(&fw->ns, pa, OPTEE_MSG_ARG_HDR_SIZE);
	uint32_t r = fw_tee_call_with_arg(&fw->tee, pa);

	if (!reachable) {
		FUZZ_CHECK(r == OPTEE_SMC_RETURN_EBADADDR);
		return;
	}
	FUZZ_CHECK(r == OPTEE_SMC_RETURN_OK);
	r = scmi_get_le32(ram + (pa - RAM_PA) + OPTEE_MSG_ARG_OFF_RET_ORIGIN);
	FUZZ_CHECK(r == TEE_ORIGIN_TEE || r == TEE_ORIGIN_TRUSTED_APP);
}

static void check_state(void)
{
	for (size_t i = 0; i < CARVE_SIZE; i++)
		FUZZ_CHECK(ram[CARVE_OFF + i] == CANARY);
	FUZZ_CHECK(fw->tee.runs_used <= FW_TEE_MAX_RUNS);
	for (size_t i = 0; i < FW_TEE_MAX_SHM; i++) {
		const struct fw_tee_shm *s = &fw->tee.shm[i];
		uint64_t total = 0;

		if (!s->used)
			continue;
		FUZZ_CHECK(s->run + s->nruns <= fw->tee.runs_used);
		for (uint32_t k = 0; k < s->nruns; k++) {
			const struct fw_tee_run *r = &fw->tee.runs[s->run + k];

			FUZZ_CHECK(fw_ns_range_ok(&fw->ns, r->pa, r->size));
			total += r->size;
		}
		FUZZ_CHECK(total == s->size);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};

	if (!fw) {
		fw = calloc(1, sizeof(*fw));
		ram = malloc(RAM_SIZE);
		FUZZ_CHECK(fw && ram);
	}
	fw_reset(fuzz_u8(&in) & 1);
	for (int op = 0; op < MAX_OPS && in.left; op++) {
		uint8_t kind = fuzz_u8(&in);

		switch (kind % 4) {
		case 0: { /* raw bytes */
			uint32_t off = ram_off(&in, 0, false);
			size_t n;
			const uint8_t *src = fuzz_take(&in, fuzz_u8(&in), &n);

			if (n > RAM_SIZE - off)
				n = RAM_SIZE - off;
			/* The normal world cannot write secure memory either. */
			for (size_t i = 0; i < n; i++)
				if (off + i < CARVE_OFF || off + i >= CARVE_OFF + CARVE_SIZE)
					ram[off + i] = src[i];
			break;
		}
		case 1: { /* a page list: entries into RAM, or anywhere */
			uint32_t off = ram_off(&in, 4096, true) & ~0xfffu;
			uint8_t cnt = fuzz_u8(&in);

			for (uint32_t i = 0; i < cnt % 16u; i++) {
				uint8_t a = fuzz_u8(&in);
				uint64_t v = (a & 1)
						 ? fuzz_u32(&in)
						 : RAM_PA + (ram_off(&in, 4096, true) & ~0xfffu);

				if (off + i * 8 < CARVE_OFF || off >= CARVE_OFF + CARVE_SIZE)
					put64(off + i * 8, v);
			}
			break;
		}
		case 2: { /* a plausible arg, then a call */
			uint32_t off = ram_off(&in, OPTEE_MSG_ARG_HDR_SIZE + 6 * 32, true);

			if (off + OPTEE_MSG_ARG_HDR_SIZE + 6 * 32 <= CARVE_OFF ||
			    off >= CARVE_OFF + CARVE_SIZE) {
				template_arg(&in, off);
				call(RAM_PA + off);
			}
			break;
		}
		default:
			call(arg_address(&in));
			break;
		}
		check_state();
	}
	return 0;
}
