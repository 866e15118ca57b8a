/* SPDX-License-Identifier: BSD-3-Clause */
/* What the firmware's boot, SMC and PSCI code share. */
#ifndef FW_FW_H
#define FW_FW_H

#include <stdbool.h>
#include <stdint.h>

#include "arch.h"
#include "fc.h"
#include "nsmem.h"
#include "pta.h"
#include "tee.h"

struct sim_platform;

/** struct fw_ns_entry - where a CPU enters the normal world, and its x0 there. */
struct fw_ns_entry {
	uint64_t entry;
	uint64_t arg;
};

/** struct fw_smc_regs - the caller's registers as start.S saved them. */
struct fw_smc_regs {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
};

/**
 * struct fw_services - everything an SMC may reach.
 * @lock:     held around every call that touches shared state (message layer, PSCI)
 * @ns:       the normal world's memory
 * @dyn_shm:  dynamic shared memory is offered (else the static pool)
 * @tee:      the OP-TEE message layer
 * @ptas:     its PTA table
 * @devenum:  the device-enumeration PTA
 * @scmi_pta: the SCMI PTA
 * @scmi:     its state
 * @server:   the SCMI server
 * @plat:     the simulated platform behind it, loaded from the appended platform DTB
 * @fc:       the agents' fast-channel regions it watches
 */
struct fw_services {
	struct fw_lock lock;
	struct fw_nsmem ns;
	bool dyn_shm;
	struct fw_tee tee;
	const struct fw_pta *ptas[2];
	struct fw_pta devenum;
	struct fw_pta scmi_pta;
	struct fw_pta_scmi scmi;
	struct scmi_server server;
	struct sim_platform *plat;
	struct fw_fc fc;
};

extern struct fw_services fw_svc;
extern bool fw_console_locking;

/** fw_psci_boot_cpu() - PSCI state of the boot CPU, and release of the others to their park. */
void fw_psci_boot_cpu(void);

/** fw_psci() - handle PSCI call @fid; false if @fid is not PSCI. */
bool fw_psci(struct fw_smc_regs *r, uint32_t fid);

/** fw_report() - print what the firmware served (before power-off). */
void fw_report(void);

/** fw_now_ns() - the generic timer in nanoseconds. */
uint64_t fw_now_ns(void);

/**
 * fw_fc_timer_start() - on this CPU, the secure timer as a FIQ to EL3, armed for the first
 * fast-channel pass (nothing without a region). Boot CPU, before the normal world.
 */
void fw_fc_timer_start(void);

/* start.S */
void fw_enter_ns(uint64_t entry, uint64_t arg) __attribute__((noreturn));
void fw_cpu_park(unsigned int cpu) __attribute__((noreturn));

#endif /* FW_FW_H */
