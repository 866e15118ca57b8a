/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The "sim-control" pseudo-TA of the emulated TEE: its ABI (UUID, commands, parameter
 * types) is a wire fact both sides share, in include/scmi/proto/pta_simctl.h.
 */
#ifndef SCMI_SECURE_PTA_SIMCTL_H
#define SCMI_SECURE_PTA_SIMCTL_H

#include "scmi/proto/pta_simctl.h"

struct pta_ops;

/**
 * pta_simctl_ops() - the PTA's ops; register with
 * optee_sim_core_add_pta(core, ops, platform) where platform is the struct sim_platform.
 */
const struct pta_ops *pta_simctl_ops(void);

#endif /* SCMI_SECURE_PTA_SIMCTL_H */
