/* SPDX-License-Identifier: BSD-3-Clause */
/* QEMU virt's devices the firmware drives: GICv2 (secure set-up), power-off and restart. */
#ifndef FW_BOARD_H
#define FW_BOARD_H

#include <stdint.h>

/** fw_gic_dist_init() - every interrupt to group 1 (non-secure), distributor on. Boot CPU. */
void fw_gic_dist_init(void);

/** fw_gic_cpu_init() - this CPU's banked interrupts to group 1, its interface open to all. */
void fw_gic_cpu_init(void);

/**
 * fw_gic_secure_ppi() - this CPU's private interrupt @intid (< 32) to group 0, enabled, and
 * group 0 signalled as FIQ: the firmware's own (the secure timer), taken at EL3.
 */
void fw_gic_secure_ppi(uint32_t intid);

/** fw_gic_ack() - acknowledge the highest pending group 0 interrupt: the IAR value. */
uint32_t fw_gic_ack(void);

/** fw_gic_eoi() - end interrupt @iar (fw_gic_ack()'s value; a spurious one is ignored). */
void fw_gic_eoi(uint32_t iar);

/** fw_power_off() - switch the machine off (QEMU exits). */
void fw_power_off(void) __attribute__((noreturn));

/** fw_power_reset() - restart the machine. */
void fw_power_reset(void) __attribute__((noreturn));

#endif /* FW_BOARD_H */
