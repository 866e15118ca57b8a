// SPDX-License-Identifier: BSD-3-Clause
/*
 * PSCI 1.0, the part Linux uses on QEMU virt: VERSION, FEATURES,
 * MIGRATE_INFO_TYPE, CPU_ON, CPU_OFF, AFFINITY_INFO, SYSTEM_OFF, SYSTEM_RESET.
 *
 * Secondary CPUs. All CPUs start at once; the others wait (MMU off) until
 * the boot CPU has built the tables and says so, then enable the same map,
 * set up their GIC interface, report present and park until CPU_ON gives
 * them an entry point. The boot CPU writes that handshake with its caches
 * on, so it cleans each word to memory for the CPUs whose MMU is still off.
 */
#include "fw/board.h"
#include "fw/config.h"
#include "fw/console.h"
#include "fw/fw.h"
#include "fw/mmu.h"

#define PSCI_VERSION		 0x84000000u
#define PSCI_CPU_SUSPEND	 0x84000001u
#define PSCI_CPU_OFF		 0x84000002u
#define PSCI_CPU_ON_32		 0x84000003u
#define PSCI_AFFINITY_INFO_32	 0x84000004u
#define PSCI_MIGRATE_INFO_TYPE	 0x84000006u
#define PSCI_SYSTEM_OFF		 0x84000008u
#define PSCI_SYSTEM_RESET	 0x84000009u
#define PSCI_FEATURES		 0x8400000Au
#define PSCI_CPU_ON_64		 0xC4000003u
#define PSCI_AFFINITY_INFO_64	 0xC4000004u

#define PSCI_RET_SUCCESS	 0
#define PSCI_RET_NOT_SUPPORTED	 -1
#define PSCI_RET_INVALID_PARAMS	 -2
#define PSCI_RET_ALREADY_ON	 -4
#define PSCI_RET_ON_PENDING	 -5
#define PSCI_RET_INVALID_ADDRESS -9
#define PSCI_VERSION_1_0	 0x00010000u
#define PSCI_TOS_NOT_PRESENT_MP	 2 /* no Trusted OS to migrate */
#define PSCI_AFF_ON		 0
#define PSCI_AFF_OFF		 1
#define PSCI_AFF_ON_PENDING	 2

#define BOOT_READY		 0x600db007u

enum cpu_state { CPU_ABSENT, CPU_OFF, CPU_ON_PENDING, CPU_ON };

/**
 * struct fw_cpu - one CPU's mailbox.
 * @state:   enum cpu_state
 * @entry:   where CPU_ON sends it
 * @context: its x0 there
 */
struct fw_cpu {
	volatile uint32_t state;
	volatile uint64_t entry;
	volatile uint64_t context;
};

static struct fw_cpu cpus[FW_MAX_CPUS];
static volatile uint32_t boot_ready;

void fw_psci_boot_cpu(void)
{
	cpus[0].state = CPU_ON;
	boot_ready = BOOT_READY;
	fw_clean_dcache(&boot_ready);
	fw_sev();
}

struct fw_ns_entry fw_wait_cpu_on(unsigned int cpu);
struct fw_ns_entry fw_wait_cpu_on(unsigned int cpu)
{
	struct fw_ns_entry e;

	while (__atomic_load_n(&cpus[cpu].state, __ATOMIC_ACQUIRE) != CPU_ON_PENDING)
		fw_wfe();
	e.entry = cpus[cpu].entry;
	e.arg = cpus[cpu].context;
	__atomic_store_n(&cpus[cpu].state, CPU_ON, __ATOMIC_RELEASE);
	return e;
}

struct fw_ns_entry fw_secondary_main(unsigned int cpu);
struct fw_ns_entry fw_secondary_main(unsigned int cpu)
{
	/* MMU off: a plain load from memory, no exclusives. */
	while (boot_ready != BOOT_READY)
		fw_wfe();
	fw_mmu_enable();
	fw_gic_cpu_init();
	fw_lock(&fw_svc.lock);
	cpus[cpu].state = CPU_OFF;
	fw_unlock(&fw_svc.lock);
	return fw_wait_cpu_on(cpu);
}

/* The CPU index of MPIDR @mpidr, or -1 if no such CPU is parked here. */
static int cpu_index(uint64_t mpidr)
{
	uint64_t aff0 = mpidr & 0xff;

	if (mpidr & 0xff00ffff00ull || aff0 >= FW_MAX_CPUS)
		return -1;
	return cpus[aff0].state == CPU_ABSENT ? -1 : (int)aff0;
}

static int64_t cpu_on(uint64_t mpidr, uint64_t entry, uint64_t context)
{
	int cpu = cpu_index(mpidr);
	int64_t ret = PSCI_RET_SUCCESS;

	if (cpu < 0)
		return PSCI_RET_INVALID_PARAMS;
	if (!fw_ns_range_ok(&fw_svc.ns, entry, 4) || (entry & 3))
		return PSCI_RET_INVALID_ADDRESS;
	fw_lock(&fw_svc.lock);
	switch (cpus[cpu].state) {
	case CPU_ON:
		ret = PSCI_RET_ALREADY_ON;
		break;
	case CPU_ON_PENDING:
		ret = PSCI_RET_ON_PENDING;
		break;
	default:
		cpus[cpu].entry = entry;
		cpus[cpu].context = context;
		__atomic_store_n(&cpus[cpu].state, CPU_ON_PENDING, __ATOMIC_RELEASE);
		fw_dsb();
		fw_sev();
		break;
	}
	fw_unlock(&fw_svc.lock);
	return ret;
}

static int64_t affinity_info(uint64_t mpidr, uint64_t level)
{
	int cpu = cpu_index(mpidr);

	if (cpu < 0 || level)
		return PSCI_RET_INVALID_PARAMS;
	switch (cpus[cpu].state) {
	case CPU_ON:
		return PSCI_AFF_ON;
	case CPU_ON_PENDING:
		return PSCI_AFF_ON_PENDING;
	default:
		return PSCI_AFF_OFF;
	}
}

static int64_t features(uint32_t fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
		return PSCI_RET_SUCCESS;
	default:
		/* Also SMCCC_VERSION: Linux then assumes SMCCC 1.0 and probes nothing more. */
		return PSCI_RET_NOT_SUPPORTED;
	}
}

static void __attribute__((noreturn)) system_down(bool reset)
{
	fw_report();
	fw_printf("fw: %s\n", reset ? "restart" : "power off");
	/* A restarted machine keeps its RAM: the other CPUs must wait for the next boot. */
	boot_ready = 0;
	fw_clean_dcache(&boot_ready);
	if (reset)
		fw_power_reset();
	fw_power_off();
}

bool fw_psci(struct fw_smc_regs *r, uint32_t fid)
{
	bool smc64 = fid & (1u << 30);
	uint64_t a1 = smc64 ? r->x[1] : (uint32_t)r->x[1];
	uint64_t a2 = smc64 ? r->x[2] : (uint32_t)r->x[2];
	uint64_t a3 = smc64 ? r->x[3] : (uint32_t)r->x[3];
	int64_t ret;

	switch (fid) {
	case PSCI_VERSION:
		ret = PSCI_VERSION_1_0;
		break;
	case PSCI_FEATURES:
		ret = features((uint32_t)a1);
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = PSCI_TOS_NOT_PRESENT_MP;
		break;
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		ret = cpu_on(a1, a2, a3);
		break;
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		ret = affinity_info(a1, a2);
		break;
	case PSCI_CPU_OFF: {
		unsigned int cpu = fw_cpu_id();

		fw_lock(&fw_svc.lock);
		cpus[cpu].state = CPU_OFF;
		fw_unlock(&fw_svc.lock);
		fw_cpu_park(cpu);
	}
	case PSCI_SYSTEM_OFF:
		system_down(false);
	case PSCI_SYSTEM_RESET:
		system_down(true);
	default:
		return false;
	}
	r->x[0] = smc64 ? (uint64_t)ret : (uint32_t)ret;
	return true;
}
