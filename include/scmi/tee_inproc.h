/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The inproc TEE backend: the secure side linked into this process, for
 * tests and benchmarks. Same API and semantics as the sim backend
 * (tee_client.h), without a socket.
 */
#ifndef SCMI_TEE_INPROC_H
#define SCMI_TEE_INPROC_H

#include <stdbool.h>

#include "tee_client.h"

#ifdef __cplusplus
extern "C" {
#endif

struct optee_sim_core;

/**
 * tee_client_open_inproc() - open a context on @core. @kernel_login_allowed says whether
 * this client may claim TEE_LOGIN_REE_KERNEL (a trusted peer).
 */
int tee_client_open_inproc(struct optee_sim_core *core, bool kernel_login_allowed,
			   struct tee_context **ctx);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_TEE_INPROC_H */
