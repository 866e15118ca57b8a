// SPDX-License-Identifier: BSD-3-Clause
/*
 * Boot of the EL3 firmware on the boot CPU: console, what the device tree
 * says about the normal world's memory, the identity map, the GIC, the
 * services (SCMI server, PTAs, message layer), then the normal world's
 * kernel at FW_NS_ENTRY with the DTB address in x0.
 */
#include <string.h>

#include "fw/board.h"
#include "fw/config.h"
#include "fw/console.h"
#include "fw/dt.h"
#include "fw/fw.h"
#include "fw/mmu.h"

struct fw_services fw_svc;
uint8_t fw_stacks[FW_MAX_CPUS * FW_STACK_SIZE] __attribute__((section(".stacks"), aligned(16)));

extern char __data_start[], __bss_end[];

static uint64_t align_up(uint64_t v)
{
	return (v + 0xfffull) & ~0xfffull;
}

/* Normal-world RAM from the DTB, checked against the secure memory and mapped. */
static void setup_ns_ram(const struct fw_dt_info *dt)
{
	size_t added = 0;

	/* Everything below RAM is flash, devices and secure RAM: never the normal world's. */
	fw_ns_add_secure(&fw_svc.ns, 0, FW_NS_RAM_BASE);
	for (size_t i = 0; i < dt->num_mem; i++) {
		uint64_t base = align_up(dt->mem[i].base);
		uint64_t end = (dt->mem[i].base + dt->mem[i].size) & ~0xfffull;

		if (base < FW_NS_RAM_BASE)
			base = FW_NS_RAM_BASE;
		if (end > FW_NS_RAM_MAX)
			end = FW_NS_RAM_MAX;
		if (end <= base || !fw_ns_add_ram(&fw_svc.ns, base, end - base, (void *)base))
			continue;
		if (!fw_mmu_map(base, end - base, FW_MMU_NS_RAM))
			fw_panic("cannot map RAM 0x%lx-0x%lx\n", base, end);
		fw_printf("fw: normal-world RAM 0x%lx-0x%lx\n", base, end);
		added++;
	}
	if (!added) {
		fw_printf("fw: no RAM in the DTB: assuming 0x%lx bytes\n", FW_NS_RAM_DEFAULT);
		fw_ns_add_ram(&fw_svc.ns, FW_NS_RAM_BASE, FW_NS_RAM_DEFAULT,
			      (void *)FW_NS_RAM_BASE);
		fw_mmu_map(FW_NS_RAM_BASE, FW_NS_RAM_DEFAULT, FW_MMU_NS_RAM);
	}
}

static void setup_secure_map(void)
{
	extern char __data_lma[];
	uint64_t code_end = align_up((uint64_t)(uintptr_t)__data_lma);

	if (!fw_mmu_map(FW_FLASH_BASE, code_end, FW_MMU_CODE) ||
	    !fw_mmu_map(FW_DEVICE_BASE, FW_DEVICE_SIZE, FW_MMU_DEVICE) ||
	    !fw_mmu_map(FW_SECRAM_BASE, FW_SECRAM_SIZE, FW_MMU_DATA))
		fw_panic("cannot map the firmware\n");
}

static struct fw_scmi_chan chans[FW_SCMI_CHANNELS];
static uint64_t pool_base, pool_size;

/* The static regions the DTB reserves: each channel's SMT area, the shared-memory pool. */
static void setup_static_regions(const struct fw_dt_info *dt)
{
	for (unsigned int i = 0; i < FW_SCMI_CHANNELS; i++) {
		chans[i].id = i;
		if (!fw_dt_reserved(dt, FW_SMT_BASE(i), FW_SMT_SIZE) ||
		    !fw_ns_range_ok(&fw_svc.ns, FW_SMT_BASE(i), FW_SMT_SIZE))
			continue;
		/* Linux maps an arm,scmi-shmem region as Device memory: match it. */
		if (!fw_mmu_map(FW_SMT_BASE(i), FW_SMT_SIZE, FW_MMU_NS_DEVICE))
			continue;
		chans[i].smt_pa = FW_SMT_BASE(i);
		chans[i].smt_size = FW_SMT_SIZE;
		fw_printf("fw: scmi channel %u: static SMT area 0x%lx\n", i, FW_SMT_BASE(i));
	}
	fw_svc.dyn_shm = true;
	if (fw_dt_reserved(dt, FW_SHM_POOL_BASE, FW_SHM_POOL_SIZE) &&
	    fw_ns_range_ok(&fw_svc.ns, FW_SHM_POOL_BASE, FW_SHM_POOL_SIZE)) {
		fw_svc.dyn_shm = false;
		pool_base = FW_SHM_POOL_BASE;
		pool_size = FW_SHM_POOL_SIZE;
		fw_printf("fw: shared memory: static pool 0x%lx-0x%lx\n", pool_base,
			  pool_base + pool_size);
	} else {
		fw_printf("fw: shared memory: dynamic\n");
	}
}

/* The SCMI server and platform, the PTAs, the message layer. The MMU is on. */
static void setup_services(void)
{
	fw_plat_min_init(&fw_svc.plat, FW_SCMI_CHANNELS);
	scmi_server_init(&fw_svc.server, fw_plat_min_ops(), &fw_svc.plat);
	fw_pta_devenum_init(&fw_svc.devenum, &fw_svc.tee);
	fw_pta_scmi_init(&fw_svc.scmi_pta, &fw_svc.scmi, &fw_svc.server, &fw_svc.ns, chans,
			 FW_SCMI_CHANNELS);
	fw_svc.ptas[0] = &fw_svc.devenum;
	fw_svc.ptas[1] = &fw_svc.scmi_pta;
	fw_tee_init(&fw_svc.tee, &fw_svc.ns, fw_svc.ptas, 2, pool_base, pool_size);
}

struct fw_ns_entry fw_main(void);
struct fw_ns_entry fw_main(void)
{
	const uint8_t *fdt = (const uint8_t *)(uintptr_t)FW_NS_DTB;
	struct fw_ns_entry ns = {.entry = FW_NS_ENTRY, .arg = FW_NS_DTB};
	static struct fw_dt_info dt;
	const char *why = NULL;

	fw_uart_init();
	fw_printf("\nfw: scmi-optee EL3 firmware %u.%u (build %08x), %lu bytes of RAM\n",
		  FW_REV_MAJOR, FW_REV_MINOR, (unsigned int)FW_BUILD_ID,
		  (uint64_t)(__bss_end - __data_start));
	if (fw_dt_scan(fdt, FW_NS_DTB_MAX, &dt, &why))
		fw_printf("fw: DTB at 0x%lx unusable (%s)\n", FW_NS_DTB, why);
	setup_secure_map();
	setup_ns_ram(&dt);
	setup_static_regions(&dt);
	fw_mmu_enable();
	fw_console_locking = true;
	setup_services();
	fw_gic_dist_init();
	fw_gic_cpu_init();
	fw_psci_boot_cpu();
	fw_printf("fw: entering the normal world at 0x%lx, DTB 0x%lx\n", ns.entry, ns.arg);
	return ns;
}

void fw_exception_panic(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far);
void fw_exception_panic(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far)
{
	fw_panic("exception %lu on CPU %u: ESR 0x%lx ELR 0x%lx FAR 0x%lx\n", kind, fw_cpu_id(), esr,
		 elr, far);
}
