// SPDX-License-Identifier: BSD-3-Clause
/*
 * Boot of the EL3 firmware on the boot CPU: console, what the device tree
 * says about the normal world's memory, the identity map, the simulated
 * platform (from the platform DTB appended to the image), the GIC, the
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
#include "fw/model_check.h"
#include "platform/sim/sim_env.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/pta.h"

struct fw_services fw_svc;
uint8_t fw_stacks[FW_MAX_CPUS * FW_STACK_SIZE] __attribute__((section(".stacks"), aligned(16)));
static uint8_t fw_arena[FW_PLAT_ARENA_SIZE] __attribute__((section(".arena"), aligned(4096)));

extern char __data_start[], __bss_end[], __plat_dtb[];

static uint64_t align_up(uint64_t v)
{
	return (v + 0xfffull) & ~0xfffull;
}

static uint32_t be32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
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
	uint64_t code_end = align_up((uint64_t)(uintptr_t)__plat_dtb);

	/* The code, then the rest of the flash (the platform DTB) readable only. */
	if (!fw_mmu_map(FW_FLASH_BASE, code_end, FW_MMU_CODE) ||
	    !fw_mmu_map(code_end, FW_FLASH_BASE + FW_FLASH_SIZE - code_end, FW_MMU_RODATA) ||
	    !fw_mmu_map(FW_DEVICE_BASE, FW_DEVICE_SIZE, FW_MMU_DEVICE) ||
	    !fw_mmu_map(FW_SECRAM_BASE, FW_SECRAM_SIZE, FW_MMU_DATA))
		fw_panic("cannot map the firmware\n");
}

/* The generic timer in nanoseconds, without overflow for centuries of uptime. */
uint64_t fw_now_ns(void)
{
	uint64_t f = fw_read_sysreg(cntfrq_el0), c = fw_read_sysreg(cntpct_el0);

	if (!f)
		return 0;
	return c / f * 1000000000ull + c % f * 1000000000ull / f;
}

static void platform_log(const char *line)
{
	fw_printf("%s\n", line);
}

static void print_line(void *ctx, const char *line)
{
	(void)ctx;
	fw_printf("fw: %s\n", line);
}

/* The platform DTB the Makefile appended to the image, or NULL. */
static const void *platform_dtb(size_t *size)
{
	const uint8_t *b = (const uint8_t *)__plat_dtb;
	uint64_t room = FW_FLASH_BASE + FW_FLASH_SIZE - (uint64_t)(uintptr_t)b;
	uint32_t total = be32(b + 4);

	if (be32(b) != 0xd00dfeedu || total < 40 || total > room)
		return NULL;
	*size = total;
	return b;
}

/*
 * The simulated platform from its DTB. First an instance of its own runs the model check
 * (fixed inputs, virtual time: the digest make test-linux-optee compares with the host's),
 * and is freed again; then the instance that serves. The MMU is on: the arena is Normal
 * memory, libfdt may read unaligned.
 */
static void setup_platform(void)
{
	const struct sim_env_fs env = {
	    .arena = fw_arena,
	    .arena_size = sizeof(fw_arena),
	    .now_ns = fw_now_ns,
	    .log = platform_log,
	};
	struct sim_env_fs_stats st;
	struct fw_model_digest d;
	struct sim_platform *p;
	const void *dtb;
	char err[256];
	size_t size;

	sim_env_fs_setup(&env);
	dtb = platform_dtb(&size);
	if (!dtb)
		fw_panic("no platform DTB appended to the image\n");
	if (sim_platform_load(dtb, size, &p, err, sizeof(err)))
		fw_panic("platform DTB: %s\n", err);
	if (fw_model_check(p, &d, print_line, NULL))
		fw_printf("fw: model check: the platform has no sensors or perf domains\n");
	else
		fw_printf("fw: model check: %u steps, %u readings, fnv %lx\n", d.steps, d.readings,
			  d.fnv);
	sim_platform_free(p);
	if (sim_platform_load(dtb, size, &fw_svc.plat, err, sizeof(err)))
		fw_panic("platform DTB: %s\n", err);
	sim_env_fs_stats(&st);
	fw_printf("fw: platform: %lu-byte DTB, %lu channels; arena %lu of %lu bytes (peak %lu)\n",
		  (uint64_t)size, (uint64_t)sim_platform_num_channels(fw_svc.plat),
		  (uint64_t)st.in_use, (uint64_t)st.arena_size, (uint64_t)st.peak);
}

static struct fw_scmi_chan chans[FW_SCMI_MAX_CHANNELS];
static size_t num_chans;
static uint64_t pool_base, pool_size;

/*
 * The platform's channels, and the static regions the DTB reserves: the platform's SMT
 * areas (its window moved to end at FW_STATIC_TOP, config.h), the shared-memory pool.
 */
static void setup_static_regions(const struct fw_dt_info *dt)
{
	uint64_t wbase = 0, wsize = 0, ns_base = 0;
	bool window = sim_platform_shmem_window(fw_svc.plat, &wbase, &wsize);

	if (window && wsize > FW_STATIC_MAX) {
		fw_printf("fw: static SMT window of 0x%lx bytes above the limit: none offered\n",
			  wsize);
		window = false;
	}
	ns_base = FW_STATIC_TOP - wsize;
	for (size_t i = 0; i < sim_platform_num_channels(fw_svc.plat); i++) {
		const struct sim_channel *ch = sim_platform_channel_at(fw_svc.plat, i);
		uint64_t pa, page;

		if (!ch || num_chans >= FW_SCMI_MAX_CHANNELS)
			break;
		chans[num_chans].id = ch->id;
		num_chans++;
		if (!window || !ch->has_shmem)
			continue;
		pa = ns_base + (ch->shmem_addr - wbase);
		page = pa & ~0xfffull;
		if (!fw_dt_reserved(dt, pa, ch->shmem_size) ||
		    !fw_ns_range_ok(&fw_svc.ns, pa, ch->shmem_size))
			continue;
		/* Linux maps an arm,scmi-shmem region as Device memory: match it. */
		if (!fw_mmu_map(page, align_up(pa + ch->shmem_size) - page, FW_MMU_NS_DEVICE))
			continue;
		chans[num_chans - 1].smt_pa = pa;
		chans[num_chans - 1].smt_size = ch->shmem_size;
		fw_printf(
		    "fw: scmi channel %u: static SMT area 0x%lx (%lu bytes; platform 0x%lx)\n",
		    ch->id, pa, ch->shmem_size, ch->shmem_addr);
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
	fw_mmu_sync();
}

/*
 * The fast-channel regions of the agents whose channels the firmware serves: normal-world
 * memory (the region's address is the agent's, and the normal world's physical addresses are
 * the agent's), mapped as Linux maps what DESCRIBE_FASTCHANNEL names (ioremap: Device).
 */
static void setup_fastchannels(void)
{
	fw_svc.fc.plat = fw_svc.plat;
	for (size_t i = 0; i < num_chans; i++) {
		const struct sim_channel *ch = sim_platform_channel(fw_svc.plat, chans[i].id);
		const struct fw_fc_region *r;
		uint64_t page;
		int added;

		if (!ch)
			continue;
		added = fw_fc_add(&fw_svc.fc, &fw_svc.ns, ch->agent_id);
		if (added < 0)
			fw_printf(
			    "fw: agent %u: fast-channel region refused (not normal-world RAM)\n",
			    ch->agent_id);
		if (added <= 0)
			continue;
		r = &fw_svc.fc.regions[fw_svc.fc.num - 1];
		page = r->pa & ~0xfffull;
		if (!fw_mmu_map(page, align_up(r->pa + r->size) - page, FW_MMU_NS_DEVICE)) {
			fw_printf("fw: agent %u: cannot map its fast-channel region\n",
				  ch->agent_id);
			fw_svc.fc.num--;
			continue;
		}
		fw_printf(
		    "fw: agent %u: fast channels at 0x%lx (%lu bytes), a pass every %lu us and "
		    "at every call\n",
		    r->agent_id, r->pa, (uint64_t)r->size, r->period_ns / 1000u);
	}
	fw_mmu_sync();
}

/* The SCMI server over the platform, the PTAs, the message layer. The MMU is on. */
static void setup_services(void)
{
	scmi_server_init(&fw_svc.server, sim_platform_ops(), fw_svc.plat);
	fw_pta_devenum_init(&fw_svc.devenum, &fw_svc.tee);
	fw_pta_scmi_init(&fw_svc.scmi_pta, &fw_svc.scmi, &fw_svc.server, &fw_svc.ns, chans,
			 num_chans);
	/* What the platform DT's pta-capabilities offer, as the daemon's PTA does. */
	fw_svc.scmi.core.caps = sim_platform_pta_caps(fw_svc.plat) & PTA_SCMI_CAPS_MASK;
	setup_fastchannels();
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
	fw_mmu_enable();
	fw_console_locking = true;
	setup_platform();
	setup_static_regions(&dt);
	setup_services();
	fw_gic_dist_init();
	fw_gic_cpu_init();
	fw_fc_timer_start();
	fw_psci_boot_cpu();
	fw_printf("fw: entering the normal world at 0x%lx, DTB 0x%lx, %lu ms after reset\n",
		  ns.entry, ns.arg, fw_now_ns() / 1000000u);
	return ns;
}

void fw_exception_panic(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far);
void fw_exception_panic(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far)
{
	fw_panic("exception %lu on CPU %u: ESR 0x%lx ELR 0x%lx FAR 0x%lx\n", kind, fw_cpu_id(), esr,
		 elr, far);
}
