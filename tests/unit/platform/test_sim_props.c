// SPDX-License-Identifier: BSD-3-Clause
/*
 * Property test of the simulated platform (issue 16 item 5): random command
 * sequences from both agents of the default platform, across protocols,
 * through the server, and the platform's invariants checked after each step:
 *
 * - every perf-driven clock runs at a rate its domain's OPP covers, and the
 *   rail is on and at least that OPP's voltage (the OPP table is the binding's
 *   voltage-for-rate table);
 * - every perf level is within its limits (the lower one may yield to a power
 *   cap), every powercap cap within its zone's range;
 * - a powered power domain's parent is powered; every clock someone votes for
 *   runs (no agent's disable takes another's vote away);
 * - power follows state: every power sensor reads what the states draw, a perf
 *   domain's its OPP's power, the SoC's the sum of every OPP's, of every power
 *   domain's by its state (on, retention, off) and of the rest of the SoC;
 * - agents see only their own view: vm1's ids beyond its view are NOT_FOUND.
 *
 * Direct VOLTAGE_LEVEL_SET and CONFIG_SET go to every rail, those perf domains
 * run on too: the platform refuses a level below the OPP's voltage and off there
 * (docs/decisions.md), so the rail invariant holds whatever an agent asks.
 *
 * The seed is printed and reproducible: SIM_PROPS_SEED=N replays one run,
 * SIM_PROPS_STEPS=N runs longer (ctest runs a bounded number of steps).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_perf_priv.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_power_priv.h"
#include "platform/sim/sim_powercap_priv.h"
#include "platform/sim/sim_sensor.h"
#include "platform/sim/sim_voltage.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/status.h"
#include "scmi/proto/voltage.h"
#include "scmi/server/server.h"

#define DEFAULT_STEPS 3000u

static uint64_t rng_state;

/* splitmix64: small, seedable, the same sequence on every host. */
static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint32_t pick(uint32_t n)
{
	return n ? (uint32_t)(rnd() % n) : 0;
}

struct fx {
	struct sim_platform *p;
	struct scmi_server srv;
	uint64_t step;
	char last[96];
	unsigned int power_checks; /* fresh power sensor samples checked */
};

static int32_t call(struct fx *f, uint32_t ch, uint8_t proto, uint8_t msg, const uint32_t *args,
		    size_t nargs)
{
	uint8_t in[64] = {0}, rsp[SCMI_SERVER_MAX_PAYLOAD];
	size_t n, i;

	for (i = 0; i < nargs; i++)
		scmi_put_le32(in + 4 * i, args[i]);
	n = scmi_server_process_raw(&f->srv, ch, scmi_hdr_make(proto, msg, 0, 1), in, 4 * nargs,
				    rsp, sizeof(rsp));
	assert_true(n >= 4);
	snprintf(f->last, sizeof(f->last), "ch %u proto 0x%x msg 0x%x arg0 %u arg1 %u", ch, proto,
		 msg, nargs ? args[0] : 0, nargs > 1 ? args[1] : 0);
	return (int32_t)scmi_get_le32(rsp);
}

#define CALL(f, ch, proto, msg, ...)                                                               \
	({                                                                                         \
		const uint32_t _a[] = {__VA_ARGS__};                                               \
		call(f, ch, proto, msg, _a, sizeof(_a) / 4);                                       \
	})

/* A random rate around a perf-driven clock's range, or anywhere. */
static uint64_t some_rate(struct fx *f, uint32_t clock)
{
	const struct sim_perf *perf = f->p->perf;

	for (uint32_t i = 0; i < perf->num; i++) {
		const struct sim_perf_domain *d = &perf->d[i];

		if (d->has_clock && d->clock_id == clock) {
			uint64_t top = (uint64_t)d->opps[d->num_opps - 1].freq_khz * 1000u;

			return (uint64_t)pick(1 + (uint32_t)(top / 1000000u) + 200u) * 1000000u;
		}
	}
	return (uint64_t)pick(2500) * 1000000u;
}

/* One random command from linux (channel 0) or vm1 (channel 2). */
static void one_step(struct fx *f)
{
	uint32_t ch = pick(4) ? 0 : 2, d, lvl, lo, hi;
	const struct sim_perf *perf = f->p->perf;
	const struct sim_perf_domain *pd;
	uint64_t hz;

	switch (pick(14)) {
	case 0: /* PERF_LEVEL_SET: a table level (an index for gpu), sometimes not */
		d = pick(perf->num);
		pd = &perf->d[d];
		lvl = pd->level_indexing ? pick(pd->num_opps + 1)
					 : pd->opps[pick(pd->num_opps)].level;
		(void)CALL(f, ch, 0x13, 0x7, d, pick(8) ? lvl : lvl + 1);
		break;
	case 1: /* PERF_LIMITS_SET */
		d = pick(perf->num);
		pd = &perf->d[d];
		lo = pick(pd->num_opps);
		hi = lo + pick(pd->num_opps - lo);
		if (!pd->level_indexing) {
			lo = pd->opps[lo].level;
			hi = pd->opps[hi].level;
		}
		(void)CALL(f, ch, 0x13, 0x5, d, hi, lo);
		break;
	case 2:
	case 3: /* CLOCK_RATE_SET, synchronous, any rounding */
		d = pick(f->p->clock->count);
		hz = some_rate(f, d);
		(void)CALL(f, ch, 0x14, 0x5, pick(3) << 2, d, (uint32_t)hz, (uint32_t)(hz >> 32));
		break;
	case 4: /* CLOCK_CONFIG_SET: enable or disable */
		(void)CALL(f, ch, 0x14, 0x7, pick(f->p->clock->count), pick(2), 0);
		break;
	case 5: /* CLOCK_PARENT_SET */
		(void)CALL(f, ch, 0x14, 0xd, pick(f->p->clock->count), pick(f->p->clock->count));
		break;
	case 6: /* VOLTAGE_LEVEL_SET anywhere on the segment, or CONFIG_SET off or on */
		d = pick(sim_voltage_count(f->p));
		if (pick(4))
			(void)CALL(f, ch, 0x17, 0x7, d, 0, 500000 + pick(300) * 10000);
		else
			(void)CALL(f, ch, 0x17, 0x5, d, pick(2) ? SCMI_VOLTAGE_CONFIG_ON : 0);
		break;
	case 7: /* POWER_STATE_SET: on or off */
		(void)CALL(f, ch, 0x11, 0x4, 0, pick(f->p->power->count),
			   pick(2) ? 0 : SCMI_POWER_STATE_TYPE_LOST);
		break;
	case 8: /* POWERCAP_CAP_SET, sometimes 0 (off), sometimes outside the range */
		d = pick(f->p->powercap ? f->p->powercap->num : 1);
		(void)CALL(f, ch, 0x18, 0x5, d, 0, pick(4) ? pick(12000) : 0);
		break;
	case 9: /* RESET: assert, deassert or autonomous */
		(void)CALL(f, ch, 0x16, 0x4, pick(8), pick(3), 0);
		break;
	case 10: /* PINCTRL_REQUEST / RELEASE a pin */
		(void)CALL(f, ch, 0x19, pick(2) ? 0x8 : 0x9, pick(16), 0);
		break;
	case 11: /* BASE_RESET_AGENT_CONFIGURATION of oneself or the other (linux is trusted) */
		if (!pick(8))
			(void)CALL(f, ch, 0x10, 0xb, pick(2) + 1, pick(2));
		break;
	case 12: /* SYSTEM_POWER_STATE_SET: a warm or cold reset, rarely */
		if (!pick(40))
			(void)CALL(f, ch, 0x12, 0x3, 0, 1 + pick(2));
		break;
	default: /* PERF_LEVEL_SET of the level it runs at: a vote without a move */
		d = pick(perf->num);
		pd = &perf->d[d];
		(void)CALL(f, ch, 0x13, 0x7, d,
			   pd->level_indexing ? pd->cur : pd->opps[pd->cur].level);
		break;
	}
}

#define CHECK(f, cond, ...)                                                                        \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			print_error("step %llu after %s: ", (unsigned long long)(f)->step,         \
				    (f)->last);                                                    \
			fail_msg(__VA_ARGS__);                                                     \
		}                                                                                  \
	} while (0)

/* The power a power sensor should read, mW, computed from the states alone. */
static uint64_t power_drawn_mw(struct sim_platform *p, const struct sim_sensor_one *s)
{
	uint64_t mw = p->sensor->soc_base_mw;
	uint32_t i;

	if (s->perf_domain >= 0) {
		const struct sim_perf_domain *d = &p->perf->d[s->perf_domain];

		return d->opps[d->cur].power_mw;
	}
	for (i = 0; i < p->perf->num; i++)
		mw += p->perf->d[i].opps[p->perf->d[i].cur].power_mw;
	for (i = 0; i < p->power->count; i++) {
		const struct sim_power_domain *d = &p->power->domains[i];

		if (d->state == SCMI_POWER_STATE_ON)
			mw += d->power_mw;
		else if (sim_power_state_powered(d->state))
			mw += d->retention_mw;
	}
	return mw;
}

/*
 * A sensor samples at its update interval and reads that sample until the next: a sample
 * taken now must read what the states draw now.
 */
static void check_power_follows_state(struct fx *f)
{
	struct sim_platform *p = f->p;
	uint32_t i;

	for (i = 0; i < p->sensor->count; i++) {
		const struct sim_sensor_one *s = &p->sensor->s[i];
		bool fresh = !s->sampled;
		uint64_t before = s->last_us;
		int64_t v;

		if (s->kind != SIM_SENSOR_POWER || sim_sensor_model_read(p, i, &v))
			continue;
		/* The read samples anew (through p) when an interval began since the last. */
		// cppcheck-suppress knownConditionTrueFalse
		if (!fresh && s->last_us == before)
			continue;
		CHECK(f, (uint64_t)v == power_drawn_mw(p, s),
		      "sensor %u (%s) reads %lld mW, the states draw %llu", i, s->name,
		      (long long)v, (unsigned long long)power_drawn_mw(p, s));
		f->power_checks++;
	}
}

static void check_invariants(struct fx *f)
{
	struct sim_platform *p = f->p;
	uint32_t i;

	sim_lock(p);
	for (i = 0; i < p->perf->num; i++) {
		const struct sim_perf_domain *d = &p->perf->d[i];
		const struct sim_perf_opp *o = &d->opps[d->cur];
		uint64_t hz = 0;
		int32_t uv = 0;

		CHECK(f, o->level <= d->lim_max, "perf %u: level %u above its limit %u", i,
		      o->level, d->lim_max);
		CHECK(f, o->level >= d->lim_min || d->cap_mw,
		      "perf %u: level %u below its limit %u", i, o->level, d->lim_min);
		if (d->has_clock && !sim_clock_model_get_rate(p, d->clock_id, &hz))
			CHECK(f, hz <= (uint64_t)o->freq_khz * 1000u,
			      "perf %u: clock at %llu Hz above its OPP's %u kHz", i,
			      (unsigned long long)hz, o->freq_khz);
		if (d->has_voltage && !sim_voltage_model_get_level(p, d->voltage_id, &uv))
			CHECK(f, uv >= (int32_t)o->uv, "perf %u: rail at %d uV below its OPP's %u",
			      i, uv, o->uv);
		if (d->has_voltage)
			CHECK(f, sim_voltage_model_is_on(p, d->voltage_id), "perf %u: rail %u off",
			      i, d->voltage_id);
	}
	for (i = 0; p->powercap && i < p->powercap->num; i++) {
		const struct sim_pcap_zone *z = &p->powercap->zones[i];

		if (z->enabled)
			CHECK(f, z->cap >= z->info.min_cap && z->cap <= z->info.max_cap,
			      "powercap %u: cap %u outside %u..%u", i, z->cap, z->info.min_cap,
			      z->info.max_cap);
	}
	for (i = 0; i < p->power->count; i++) {
		const struct sim_power_domain *d = &p->power->domains[i];

		if (d->parent != SIM_POWER_NO_PARENT && sim_power_state_powered(d->state))
			CHECK(f, sim_power_state_powered(p->power->domains[d->parent].state),
			      "power %u is on under its parent %u off", i, d->parent);
	}
	for (i = 0; i < p->clock->count; i++)
		if (p->clock->clk[i].votes)
			CHECK(f, sim_clock_model_is_on(p, i), "clock %u has votes but is off", i);
	check_power_follows_state(f);
	sim_unlock(p);

	/* vm1 sees no id beyond its view. */
	CHECK(f, CALL(f, 2, 0x13, 0x8, 1000) == SCMI_NOT_FOUND, "vm1 sees perf 1000");
	CHECK(f, CALL(f, 2, 0x14, 0x6, 1000) == SCMI_NOT_FOUND, "vm1 sees clock 1000");
}

static unsigned long long env_ull(const char *name, unsigned long long dflt)
{
	const char *s = getenv(name);

	return s && *s ? strtoull(s, NULL, 0) : dflt;
}

static void test_random_sequences(void **state)
{
	static struct fx f;
	unsigned long long seed = env_ull("SIM_PROPS_SEED", (unsigned long long)time(NULL));
	unsigned long long steps = env_ull("SIM_PROPS_STEPS", DEFAULT_STEPS);
	char err[256];

	(void)state;
	memset(&f, 0, sizeof(f));
	/* Printed first, so that a failing run can be replayed. */
	print_message("sim_props: SIM_PROPS_SEED=%llu SIM_PROPS_STEPS=%llu\n", seed, steps);
	rng_state = seed;
	assert_int_equal(sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &f.p, err, sizeof(err)),
			 0);
	sim_platform_set_virtual_time(f.p, true);
	scmi_server_init(&f.srv, sim_platform_ops(), f.p);
	check_invariants(&f);
	for (f.step = 1; f.step <= steps; f.step++) {
		one_step(&f);
		if (!pick(16))
			assert_int_equal(sim_platform_advance_time(f.p, (uint64_t)1000u * pick(50)),
					 0);
		check_invariants(&f);
	}
	/* The SoC's and cpu_big's power sensors, at the start and as time went on. */
	print_message("sim_props: %u fresh power samples checked\n", f.power_checks);
	assert_true(f.power_checks >= 2 + (steps >= DEFAULT_STEPS ? 8 : 0));
	sim_platform_free(f.p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_random_sequences),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
