/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The OP-TEE message layer of the firmware: what OP-TEE's core does with a
 * CALL_WITH_ARG, for pseudo-TAs only, without threads or RPC.
 *
 * Theory of operation. The normal world names a struct optee_msg_arg by
 * physical address. The layer checks that the header and every parameter
 * lie in non-secure RAM (nsmem.h), copies them into private memory once
 * (the normal world may rewrite them meanwhile, on another CPU), and works
 * on the copy only. Sessions and registered shared memory live in fixed
 * tables. A memref parameter becomes a pointer only after its whole window
 * has been checked: a temporary memref (TMEM) by its physical address, a
 * registered one (RMEM) against the registration, whose page list was
 * walked and checked at REGISTER_SHM. What goes back into the normal
 * world's arg is the result words and the output parameters, nothing else.
 *
 * A malformed arg gets a TEE error in arg.ret (origin TEE). Only an arg the
 * firmware cannot reach at all gets an SMC-level error (EBADADDR).
 *
 * PTAs are a table (struct fw_pta): UUID to open, invoke and close. A PTA
 * sees GlobalPlatform parameters (struct fw_pta_param), TMEM and RMEM both
 * as memrefs.
 *
 * Concurrency: none inside; the caller serialises calls (the firmware holds
 * one lock around each CALL_WITH_ARG).
 */
#ifndef FW_TEE_H
#define FW_TEE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nsmem.h"

#define FW_TEE_NUM_PARAMS 4u
#define FW_UUID_SIZE	  16u

/* Table sizes. Linux holds a handful of sessions and a few registrations at a time. */
#define FW_TEE_MAX_SESSIONS 16u
#define FW_TEE_MAX_SHM	    32u
/* Physically contiguous runs all registrations together may have. */
#define FW_TEE_MAX_RUNS 256u
/* Largest registered buffer: bounds the page-list walk. */
#define FW_TEE_MAX_SHM_SIZE (16u << 20)

/**
 * struct fw_pta_param - a parameter as a PTA sees it (GP TEE_Param).
 * @value:  a and b for value types
 * @memref: @buffer points into checked normal-world memory (NULL for a null memref or
 *          size 0); the PTA writes the output size into @size
 */
struct fw_pta_param {
	union {
		struct {
			uint32_t a, b;
		} value;
		struct {
			void *buffer;
			size_t size;
		} memref;
	};
};

/**
 * struct fw_pta - a pseudo-TA.
 * @uuid:          its UUID, RFC 4122 byte order
 * @name:          for the console
 * @enumerate:     listed by the device-enumeration PTA (a TEE-bus device for Linux)
 * @ctx:           passed to every callback
 * @open_session:  @login and @client_uuid from the meta parameters; returns a TEE_Result
 *                 and may set *@sess (passed back to @invoke and @close_session)
 * @close_session: called once for every session that opened (may be NULL)
 * @invoke:        command @cmd with GP param-types word @types; returns a TEE_Result
 */
struct fw_pta {
	uint8_t uuid[FW_UUID_SIZE];
	const char *name;
	bool enumerate;
	void *ctx;
	uint32_t (*open_session)(void *ctx, uint32_t login, const uint8_t client_uuid[FW_UUID_SIZE],
				 void **sess);
	void (*close_session)(void *ctx, void *sess);
	uint32_t (*invoke)(void *ctx, void *sess, uint32_t cmd, uint32_t types,
			   struct fw_pta_param params[FW_TEE_NUM_PARAMS]);
};

/**
 * struct fw_tee_sess - one open session.
 * @id:  the id the normal world holds (0: the slot is free)
 * @pta: the PTA it was opened to
 * @ctx: what the PTA's open_session set
 */
struct fw_tee_sess {
	uint32_t id;
	const struct fw_pta *pta;
	void *ctx;
};

/**
 * struct fw_tee_run - physically contiguous part of a registered buffer.
 * @pa:   first byte
 * @size: bytes
 */
struct fw_tee_run {
	uint64_t pa;
	uint64_t size;
};

/**
 * struct fw_tee_shm - one registered buffer (REGISTER_SHM).
 * @used:   the slot is taken
 * @cookie: the normal world's shm_ref
 * @size:   bytes, from the first page's offset on
 * @run:    first of its runs in fw_tee.runs
 * @nruns:  how many
 */
struct fw_tee_shm {
	bool used;
	uint64_t cookie;
	uint64_t size;
	uint32_t run;
	uint32_t nruns;
};

/**
 * struct fw_tee_stats - counters, for the console.
 * @calls:   CALL_WITH_ARG calls
 * @errors:  calls the layer itself refused (an SMC error, or a TEE error of origin TEE)
 */
struct fw_tee_stats {
	uint32_t calls;
	uint32_t errors;
};

/**
 * struct fw_tee - the message layer's state. Fill with fw_tee_init().
 * @ns:        the normal world's memory
 * @ptas:      the PTA table
 * @num_ptas:  its length
 * @pool:      the static shared-memory pool (size 0: none); TMEM must then lie in it
 * @sessions:  open sessions
 * @next_id:   the next session id to try
 * @shm:       registered buffers
 * @runs:      their runs, packed in registration order
 * @runs_used: entries of @runs in use
 * @stats:     counters
 */
struct fw_tee {
	const struct fw_nsmem *ns;
	const struct fw_pta *const *ptas;
	size_t num_ptas;
	struct fw_range pool;
	struct fw_tee_sess sessions[FW_TEE_MAX_SESSIONS];
	uint32_t next_id;
	struct fw_tee_shm shm[FW_TEE_MAX_SHM];
	struct fw_tee_run runs[FW_TEE_MAX_RUNS];
	uint32_t runs_used;
	struct fw_tee_stats stats;
};

/**
 * fw_tee_init() - an empty layer over @ns, serving the @num_ptas PTAs of @ptas (kept, not
 * copied). @pool_base/@pool_size: the static shared-memory pool, 0/0 for none.
 */
void fw_tee_init(struct fw_tee *tee, const struct fw_nsmem *ns, const struct fw_pta *const *ptas,
		 size_t num_ptas, uint64_t pool_base, uint64_t pool_size);

/**
 * fw_tee_call_with_arg() - OPTEE_SMC_CALL_WITH_ARG for the arg at physical @arg_pa.
 * Returns the SMC a0: OPTEE_SMC_RETURN_OK (the verdict is in the arg's ret and
 * ret_origin) or OPTEE_SMC_RETURN_EBADADDR when the arg is not 8-byte aligned or not in
 * non-secure RAM.
 */
uint32_t fw_tee_call_with_arg(struct fw_tee *tee, uint64_t arg_pa);

/** fw_tee_uuid_from_values() - the UUID bytes a meta parameter carries in value.a and b. */
void fw_tee_uuid_from_values(uint8_t uuid[FW_UUID_SIZE], uint64_t a, uint64_t b);

#endif /* FW_TEE_H */
