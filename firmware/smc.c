// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMC dispatcher: PSCI, and OP-TEE's calls as Linux's optee driver makes
 * them at probe and for every message. The answers that matter (facts in
 * shared/reference/optee-smc-abi.md §a): DISABLE_SHM_CACHE must end with
 * ENOTAVAIL and ENABLE_SHM_CACHE must succeed, or the driver waits forever;
 * the thread count must be at least 2; and no call ever returns
 * ETHREAD_LIMIT or EBUSY, as every call runs to completion here, with
 * interrupts masked, under one lock.
 *
 * Fast channels: every entry first runs a pass over the regions the firmware
 * watches (cheap: a few words), so that a level written before any call is
 * carried out before it; the secure timer (a FIQ on the boot CPU) runs one at
 * the rate limit when no call comes.
 */
#include "fw/board.h"
#include "fw/config.h"
#include "fw/console.h"
#include "fw/fw.h"
#include "fw/mmu.h"
#include "fw/optee_abi.h"
#include "fw/state_dump.h"
#include "platform/sim/sim_fastchannel.h"
#include "platform/sim/sim_platform.h"

#define SMCCC_64	 (1u << 30)
#define SMCCC_UNKNOWN_64 (~0ull)

static void set4(struct fw_smc_regs *r, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	r->x[0] = a0;
	r->x[1] = a1;
	r->x[2] = a2;
	r->x[3] = a3;
}

static bool optee_fast(struct fw_smc_regs *r, uint32_t fid)
{
	switch (fid) {
	case OPTEE_SMC_CALLS_UID:
		set4(r, OPTEE_MSG_UID_0, OPTEE_MSG_UID_1, OPTEE_MSG_UID_2, OPTEE_MSG_UID_3);
		return true;
	case OPTEE_SMC_CALLS_REVISION:
		set4(r, OPTEE_MSG_REVISION_MAJOR, OPTEE_MSG_REVISION_MINOR, 0, 0);
		return true;
	case OPTEE_SMC_GET_OS_UUID:
		set4(r, OPTEE_OS_UUID_0, OPTEE_OS_UUID_1, OPTEE_OS_UUID_2, OPTEE_OS_UUID_3);
		return true;
	case OPTEE_SMC_GET_OS_REVISION:
		set4(r, FW_REV_MAJOR, FW_REV_MINOR, (uint32_t)FW_BUILD_ID, 0);
		return true;
	case OPTEE_SMC_EXCHANGE_CAPABILITIES:
		set4(r, OPTEE_SMC_RETURN_OK,
		     fw_svc.dyn_shm ? OPTEE_SMC_SEC_CAP_DYNAMIC_SHM
				    : OPTEE_SMC_SEC_CAP_HAVE_RESERVED_SHM,
		     0, 0);
		fw_printf("fw: optee: capabilities exchanged (normal world 0x%x)\n",
			  (uint32_t)r->x[1]);
		return true;
	case OPTEE_SMC_GET_SHM_CONFIG:
		if (fw_svc.dyn_shm)
			set4(r, OPTEE_SMC_RETURN_ENOTAVAIL, 0, 0, 0);
		else
			set4(r, OPTEE_SMC_RETURN_OK, fw_svc.tee.pool.base, fw_svc.tee.pool.size,
			     OPTEE_SMC_SHM_CACHED);
		return true;
	case OPTEE_SMC_DISABLE_SHM_CACHE:
		/* Nothing cached: the driver loops until it hears this. */
		set4(r, OPTEE_SMC_RETURN_ENOTAVAIL, 0, 0, 0);
		return true;
	case OPTEE_SMC_ENABLE_SHM_CACHE:
		set4(r, OPTEE_SMC_RETURN_OK, 0, 0, 0);
		return true;
	case OPTEE_SMC_GET_THREAD_COUNT:
		set4(r, OPTEE_SMC_RETURN_OK, FW_THREAD_COUNT, 0, 0);
		return true;
	default:
		return false;
	}
}

static void call_with_arg(struct fw_smc_regs *r)
{
	uint64_t pa = ((uint64_t)(uint32_t)r->x[1] << 32) | (uint32_t)r->x[2];
	uint32_t ret;

	fw_lock(&fw_svc.lock);
	ret = fw_tee_call_with_arg(&fw_svc.tee, pa);
	fw_unlock(&fw_svc.lock);
	r->x[0] = ret;
}

/* The nanoseconds @ns in ticks of the generic timer at @freq Hz. */
static uint64_t ns_to_ticks(uint64_t ns, uint64_t freq)
{
	return ns / 1000000000u * freq + ns % 1000000000u * freq / 1000000000u;
}

/* The secure timer at the fast channels' next deadline (this CPU's; the boot CPU's). */
static void fc_timer_arm(void)
{
	uint64_t next = fw_fc_next_ns(&fw_svc.fc), now = fw_now_ns();
	uint64_t delta = next > now ? next - now : 0;

	fw_write_sysreg(cntps_cval_el1, fw_read_sysreg(cntpct_el0) +
					    ns_to_ticks(delta, fw_read_sysreg(cntfrq_el0)));
	fw_write_sysreg(cntps_ctl_el1, 1u); /* ENABLE, not masked */
	fw_isb();
}

void fw_fc_timer_start(void)
{
	if (!fw_svc.fc.num)
		return;
	fw_gic_secure_ppi(FW_SEC_TIMER_INTID);
	fc_timer_arm();
}

void fw_fiq_handler(void);
void fw_fiq_handler(void)
{
	uint32_t iar = fw_gic_ack();

	if ((iar & 0x3ffu) == FW_SEC_TIMER_INTID) {
		fw_lock(&fw_svc.lock);
		fw_fc_run(&fw_svc.fc, FW_FC_TIMER, fw_now_ns());
		fw_unlock(&fw_svc.lock);
		fc_timer_arm();
	}
	fw_gic_eoi(iar);
}

void fw_smc_handler(struct fw_smc_regs *r);
void fw_smc_handler(struct fw_smc_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];

	if (fw_svc.fc.num) {
		fw_lock(&fw_svc.lock);
		fw_fc_run(&fw_svc.fc, FW_FC_ENTRY, fw_now_ns());
		fw_unlock(&fw_svc.lock);
	}
	if (fw_psci(r, fid) || optee_fast(r, fid))
		goto out;
	switch (fid) {
	case OPTEE_SMC_CALL_WITH_ARG:
		call_with_arg(r);
		break;
	case OPTEE_SMC_CALL_WITH_RPC_ARG:
	case OPTEE_SMC_CALL_WITH_REGD_ARG:
	case OPTEE_SMC_RETURN_FROM_RPC:
		/* Never offered (no RPC_ARG capability), never needed (no RPC is ever made). */
		r->x[0] = OPTEE_SMC_RETURN_EBADCMD;
		break;
	default:
		r->x[0] = (fid & SMCCC_64) ? SMCCC_UNKNOWN_64 : OPTEE_SMC_RETURN_UNKNOWN_FUNCTION;
		break;
	}
out:
	/* An SMC32 call's results are 32-bit. */
	if (!(fid & SMCCC_64))
		for (int i = 0; i < 4; i++)
			r->x[i] = (uint32_t)r->x[i];
}

static void print_state(void *ctx, const char *line)
{
	(void)ctx;
	fw_printf("fw: %s\n", line);
}

/* The agent whose channels served the most messages: the normal world's (1 if none served). */
static uint32_t busiest_agent(void)
{
	uint32_t agent = 1, most = 0;

	for (size_t i = 0; i < fw_svc.scmi.num_chans; i++) {
		const struct sim_channel *ch =
		    sim_platform_channel(fw_svc.plat, fw_svc.scmi.chans[i].id);
		uint32_t served = pta_scmi_chan_served(&fw_svc.scmi.chans[i]);

		if (ch && served > most) {
			most = served;
			agent = ch->agent_id;
		}
	}
	return agent;
}

extern uint8_t fw_stacks[];

/* How deep each CPU's stack went: the painted words (start.S) left untouched at its bottom. */
static void report_stacks(void)
{
	for (unsigned int cpu = 0; cpu < FW_MAX_CPUS; cpu++) {
		const uint64_t *s = (const uint64_t *)(fw_stacks + (size_t)cpu * FW_STACK_SIZE);
		size_t left = 0;

		/* A CPU that never ran has no paint; one whose bottom word is gone overflowed. */
		if (s[0] != FW_STACK_PAINT)
			continue;
		while (left < FW_STACK_SIZE / 8 && s[left] == FW_STACK_PAINT)
			left++;
		fw_printf("fw: cpu %u: stack %lu of %u bytes used\n", cpu,
			  (uint64_t)(FW_STACK_SIZE - left * 8), (unsigned int)FW_STACK_SIZE);
	}
}

/* The commands served, by protocol and message ("0x13:0x7=N": PERF_LEVEL_SET). */
static void report_commands(void)
{
	fw_printf("fw: SCMI commands:");
	for (uint32_t pr = 0; pr < FW_SCMI_COUNT_PROTOCOLS; pr++)
		for (uint32_t m = 0; m < FW_SCMI_COUNT_MESSAGES; m++)
			if (fw_svc.scmi.commands[pr][m])
				fw_printf(" 0x%x:0x%x=%u", FW_SCMI_COUNT_PROTOCOL_BASE + pr, m,
					  fw_svc.scmi.commands[pr][m]);
	fw_printf("\n");
}

/* Each region's passes (at calls, on the timer) and what the platform made of them. */
static void report_fastchannels(void)
{
	for (size_t i = 0; i < fw_svc.fc.num; i++) {
		const struct fw_fc_region *r = &fw_svc.fc.regions[i];
		struct sim_fc_stats st;

		fw_lock(&fw_svc.lock);
		sim_fc_stats(fw_svc.plat, r->agent_id, &st);
		fw_unlock(&fw_svc.lock);
		fw_printf(
		    "fw: fast channels of agent %u: passes %lu (%u at calls, %u on the timer), "
		    "rings %lu, applied %lu (%u at calls, %u on the timer), refused %lu\n",
		    r->agent_id, st.passes, r->passes[FW_FC_ENTRY], r->passes[FW_FC_TIMER],
		    st.rings, st.applied, r->applied[FW_FC_ENTRY], r->applied[FW_FC_TIMER],
		    st.refused);
	}
}

void fw_report(void)
{
	unsigned int open = 0;
	uint32_t agent;

	fw_printf("fw: SCMI messages served: %u", fw_pta_scmi_served(&fw_svc.scmi));
	for (size_t i = 0; i < fw_svc.scmi.num_chans; i++)
		fw_printf("%schannel %u: %u", i ? ", " : " (", fw_svc.scmi.chans[i].id,
			  fw_svc.scmi.chans[i].served);
	for (size_t i = 0; i < FW_TEE_MAX_SESSIONS; i++)
		open += fw_svc.tee.sessions[i].id != 0;
	fw_printf(")\nfw: OP-TEE calls: %u, refused: %u, open sessions: %u\n",
		  fw_svc.tee.stats.calls, fw_svc.tee.stats.errors, open);
	report_commands();
	report_fastchannels();
	report_stacks();
	fw_printf("fw: translation tables: %u of %u\n", fw_mmu_tables_used(), FW_MMU_TABLES);
	/* What the normal world left the platform in (make test-linux-optee's check.sh). */
	fw_lock(&fw_svc.lock);
	agent = busiest_agent();
	fw_printf("fw: platform state as agent %u sees it:\n", agent);
	fw_state_dump(sim_platform_ops(), fw_svc.plat, agent, print_state, NULL);
	fw_unlock(&fw_svc.lock);
}
