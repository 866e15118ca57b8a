// SPDX-License-Identifier: BSD-3-Clause
/*
 * GICv2 secure set-up. Out of reset every interrupt is group 0 (secure) and
 * only the secure side may change that: unless EL3 hands them all to group 1,
 * the normal world's timer interrupt never arrives (a guest then hangs at its
 * first sleep). The priority mask is likewise secure-only below 0x80.
 */
#include "fw/arch.h"
#include "fw/board.h"
#include "fw/config.h"

#define GICD_CTLR		   0x000u
#define GICD_TYPER		   0x004u
#define GICD_IGROUPR(n)		   (0x080u + 4u * (n))
#define GICC_CTLR		   0x000u
#define GICC_PMR		   0x004u

#define GICD_CTLR_ENABLE_GRP0_GRP1 3u
#define GICC_CTLR_ENABLE_GRP0_GRP1 3u
#define GICC_PMR_ALL		   0xffu

void fw_gic_dist_init(void)
{
	uint32_t lines = (fw_mmio_read32(FW_GICD_BASE + GICD_TYPER) & 0x1fu) + 1;

	/* IGROUPR0 is banked per CPU: fw_gic_cpu_init() sets it. */
	for (uint32_t n = 1; n < lines; n++)
		fw_mmio_write32(FW_GICD_BASE + GICD_IGROUPR(n), 0xffffffffu);
	fw_mmio_write32(FW_GICD_BASE + GICD_CTLR, GICD_CTLR_ENABLE_GRP0_GRP1);
}

void fw_gic_cpu_init(void)
{
	fw_mmio_write32(FW_GICD_BASE + GICD_IGROUPR(0), 0xffffffffu);
	fw_mmio_write32(FW_GICC_BASE + GICC_PMR, GICC_PMR_ALL);
	fw_mmio_write32(FW_GICC_BASE + GICC_CTLR, GICC_CTLR_ENABLE_GRP0_GRP1);
}

#define GICD_ISENABLER(n)  (0x100u + 4u * (n))
#define GICD_IPRIORITYR(n) (0x400u + (n))
#define GICC_IAR	   0x00cu
#define GICC_EOIR	   0x010u
#define GICC_CTLR_FIQ_EN   (1u << 3)
#define GIC_SPURIOUS	   1020u

void fw_gic_secure_ppi(uint32_t intid)
{
	uint32_t grp = fw_mmio_read32(FW_GICD_BASE + GICD_IGROUPR(0));

	/* Group 0 with FIQEn: a FIQ, which SCR_EL3.FIQ takes to EL3 whatever EL1 masks. */
	fw_mmio_write32(FW_GICD_BASE + GICD_IGROUPR(0), grp & ~(1u << intid));
	*(volatile uint8_t *)(uintptr_t)(FW_GICD_BASE + GICD_IPRIORITYR(intid)) = 0x10u;
	fw_mmio_write32(FW_GICD_BASE + GICD_ISENABLER(0), 1u << intid);
	fw_mmio_write32(FW_GICC_BASE + GICC_CTLR,
			fw_mmio_read32(FW_GICC_BASE + GICC_CTLR) | GICC_CTLR_FIQ_EN);
}

uint32_t fw_gic_ack(void)
{
	return fw_mmio_read32(FW_GICC_BASE + GICC_IAR);
}

void fw_gic_eoi(uint32_t iar)
{
	if ((iar & 0x3ffu) < GIC_SPURIOUS)
		fw_mmio_write32(FW_GICC_BASE + GICC_EOIR, iar);
}
