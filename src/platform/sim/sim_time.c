// SPDX-License-Identifier: BSD-3-Clause
/*
 * Platform time. Real time by default; with virtual time it stands still
 * until a test (or `scmi sim`) advances it, so that sensor dynamics and
 * latencies are deterministic.
 */
#include "platform/sim/sim_platform_priv.h"

void sim_time_init(struct sim_platform *p)
{
	p->time_origin_ns = sim_now_ns();
	p->time_us = 0;
	p->virtual_time = false;
	p->time_seen = false;
	p->booting = true;
}

void sim_time_boot(struct sim_platform *p)
{
	p->time_origin_ns = sim_now_ns();
	__atomic_store_n(&p->booting, false, __ATOMIC_RELEASE);
}

uint64_t sim_time_now_us(struct sim_platform *p)
{
	if (__atomic_load_n(&p->virtual_time, __ATOMIC_ACQUIRE))
		return __atomic_load_n(&p->time_us, __ATOMIC_ACQUIRE);
	/* While it loads, the platform has not booted: its models start at time 0. */
	if (__atomic_load_n(&p->booting, __ATOMIC_ACQUIRE))
		return 0;
	if (!__atomic_load_n(&p->time_seen, __ATOMIC_RELAXED))
		__atomic_store_n(&p->time_seen, true, __ATOMIC_RELAXED);
	return (sim_now_ns() - p->time_origin_ns) / 1000u;
}

uint64_t sim_platform_time_us(struct sim_platform *p)
{
	return sim_time_now_us(p);
}

void sim_platform_set_virtual_time(struct sim_platform *p, bool on)
{
	sim_lock(p);
	/*
	 * Continue from where real time was, so that time never runs backwards for anyone who
	 * saw it; a platform nobody has looked at yet starts its virtual time at boot, 0, however
	 * long the host took to get here (a loaded machine must not warm the sensors).
	 */
	if (on && !p->virtual_time)
		p->time_us = __atomic_load_n(&p->time_seen, __ATOMIC_RELAXED)
				 ? (sim_now_ns() - p->time_origin_ns) / 1000u
				 : 0;
	__atomic_store_n(&p->virtual_time, on, __ATOMIC_RELEASE);
	sim_unlock(p);
}

bool sim_platform_virtual_time(struct sim_platform *p)
{
	return __atomic_load_n(&p->virtual_time, __ATOMIC_ACQUIRE);
}

int sim_platform_advance_time(struct sim_platform *p, uint64_t us)
{
	int ret = 0;

	sim_lock(p);
	if (!p->virtual_time)
		ret = -EPERM;
	else if (p->time_us + us < p->time_us)
		ret = -EOVERFLOW;
	else
		__atomic_store_n(&p->time_us, p->time_us + us, __ATOMIC_RELEASE);
	sim_unlock(p);
	return ret;
}
