/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The SCMI pseudo-TA, with OP-TEE's exact ABI (include/scmi/proto/pta.h): optee-simd's host
 * of the PTA core (src/pta/pta_scmi_core.h), which also defines the payload limits
 * PTA_SCMI_OPTEE_MAX_PAYLOAD and PTA_SCMI_DEFAULT_MAX_PAYLOAD.
 */
#ifndef SCMI_SECURE_PTA_SCMI_H
#define SCMI_SECURE_PTA_SCMI_H

#include <stddef.h>
#include <stdint.h>

#include "pta/pta_scmi_core.h"
#include "scmi/server/server.h"
#include "secure/tee_core.h"

struct sim_platform;
struct pta_scmi;

/**
 * typedef pta_scmi_static_fn - where static SMT area [@addr, @addr + @size) is mapped in this
 * process, or NULL when no static region holds it.
 */
typedef volatile void *(*pta_scmi_static_fn)(void *ctx, uint64_t addr, uint64_t size);

/**
 * pta_scmi_new() - the PTA over @server (whose platform is @plat), with @caps
 * (PTA_SCMI_CAPS_*). A channel's static SMT area is where @static_area (NULL: no static
 * memory) says, asked once here with @static_ctx. Each channel gets a mutex: a second
 * caller on a busy channel waits; different channels run in parallel.
 */
struct pta_scmi *pta_scmi_new(struct scmi_server *server, const struct sim_platform *plat,
			      uint32_t caps, pta_scmi_static_fn static_area, void *static_ctx);

/**
 * pta_scmi_set_max_payload() - refuse at the transport, as OP-TEE does, a request whose
 * payload (past its header) is over @bytes: nothing is processed; an SMT area (commands 1
 * and 2) gets ERROR|FREE with TEE_SUCCESS, a MSG request (command 4) gets BAD_PARAMETERS.
 * PTA_SCMI_OPTEE_MAX_PAYLOAD is OP-TEE's limit; PTA_SCMI_DEFAULT_MAX_PAYLOAD until set. The
 * server's own bound (and the area's room) still applies above it. Set before the first
 * client.
 */
void pta_scmi_set_max_payload(struct pta_scmi *pta, uint32_t bytes);

/** pta_scmi_free() - free @pta. */
void pta_scmi_free(struct pta_scmi *pta);

/** pta_scmi_ops() - the PTA's ops; register with optee_sim_core_add_pta(core, ops, pta). */
const struct pta_ops *pta_scmi_ops(void);

#endif /* SCMI_SECURE_PTA_SCMI_H */
