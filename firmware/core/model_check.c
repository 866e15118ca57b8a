// SPDX-License-Identifier: BSD-3-Clause
/*
 * The platform's arithmetic on fixed inputs (model_check.h). Virtual time
 * continues from the real time since the load, which differs from run to
 * run: the check first lets it run to a fixed instant (START_US), before
 * anything samples. The schedule then moves every perf domain through its
 * OPPs (so the power, and the temperatures that follow it, change), advances
 * virtual time in steps from a millisecond to a minute (short steps stay on
 * the series, long ones go through its halvings), and reads every sensor
 * after each step.
 */
#include <string.h>

#include "fw/model_check.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_sensor.h"
#include "scmi/server/perf.h"
#include "scmi/server/sensor.h"

#define AGENT	 1u
#define START_US 10000000ull

/**
 * struct step - one step of the schedule.
 * @advance_us: virtual time to let pass
 * @opp:        OPP index each perf domain moves to first (modulo its table)
 */
struct step {
	uint64_t advance_us;
	uint32_t opp;
};

static const struct step schedule[] = {
    {0, 0},	  {1000, 1},	 {50000, 2},	{250000, 0}, {1000000, 3},
    {3000000, 1}, {10000000, 5}, {60000000, 2}, {123457, 4}, {7777777, 0},
};

/* Arguments of the exponential series on its own: its bits are part of the digest. */
static const uint32_t exp_args_milli[] = {1, 100, 500, 1000, 2500, 10000, 100000, 699000};

static void mix(uint64_t *h, uint64_t v)
{
	for (int i = 0; i < 8; i++) {
		*h ^= (v >> (8 * i)) & 0xffu;
		*h *= 0x100000001b3ull;
	}
}

static void put_u64(char **p, uint64_t v, unsigned int base)
{
	char tmp[20];
	int n = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n)
		*(*p)++ = tmp[--n];
}

/* "model: step N t=T us readings=R fnv=H": no printf on either host. */
static void report(const struct fw_model_digest *d, uint64_t t_us,
		   void (*line)(void *ctx, const char *text), void *ctx)
{
	char buf[96], *p = buf;

	if (!line)
		return;
	memcpy(p, "model: step ", 12);
	p += 12;
	put_u64(&p, d->steps, 10);
	memcpy(p, " t=", 3);
	p += 3;
	put_u64(&p, t_us, 10);
	memcpy(p, " us readings=", 13);
	p += 13;
	put_u64(&p, d->readings, 10);
	memcpy(p, " fnv=", 5);
	p += 5;
	put_u64(&p, d->fnv, 16);
	*p = '\0';
	line(ctx, buf);
}

int fw_model_check(struct sim_platform *p, struct fw_model_digest *d,
		   void (*line)(void *ctx, const char *text), void *ctx)
{
	const struct scmi_server_platform_ops *ops = sim_platform_ops();
	uint32_t ndom, nsens;
	uint64_t t_us = 0;

	memset(d, 0, sizeof(*d));
	d->fnv = 0xcbf29ce484222325ull;
	if (!ops->perf || !ops->sensor)
		return -1;
	ndom = ops->perf->count(p, AGENT);
	nsens = ops->sensor->count(p, AGENT);
	if (!ndom || !nsens)
		return -1;
	for (size_t i = 0; i < sizeof(exp_args_milli) / sizeof(exp_args_milli[0]); i++) {
		double e = sim_sensor_exp_neg((double)exp_args_milli[i] / 1000.0);
		uint64_t bits;

		memcpy(&bits, &e, sizeof(bits));
		mix(&d->fnv, bits);
	}
	sim_platform_set_virtual_time(p, true);
	if (sim_platform_time_us(p) > START_US)
		return -1;
	sim_platform_advance_time(p, START_US - sim_platform_time_us(p));
	t_us = START_US;
	/* An interval the sensor cannot do exactly: the rounding runs in double. */
	for (uint32_t s = 0; s < nsens; s++) {
		struct scmi_server_sensor_config cfg = {
		    .enabled = true, .set_interval = true, .interval = {7, -3}, .round = 2};

		if (ops->sensor->config_set(p, AGENT, s, &cfg) == SCMI_SUCCESS &&
		    ops->sensor->config_get(p, AGENT, s, &cfg) == SCMI_SUCCESS)
			mix(&d->fnv,
			    ((uint64_t)cfg.interval.secs << 8) | (uint8_t)cfg.interval.exp);
	}
	for (size_t k = 0; k < sizeof(schedule) / sizeof(schedule[0]); k++) {
		for (uint32_t dom = 0; dom < ndom; dom++) {
			struct scmi_server_perf_opp opp;
			uint32_t n = 0;

			while (n < 64 && ops->perf->opp(p, AGENT, dom, n, &opp) == SCMI_SUCCESS)
				n++;
			if (n && ops->perf->opp(p, AGENT, dom, schedule[k].opp % n, &opp) ==
				     SCMI_SUCCESS)
				(void)ops->perf->level_set(p, AGENT, dom, opp.level);
		}
		if (schedule[k].advance_us)
			sim_platform_advance_time(p, schedule[k].advance_us);
		t_us += schedule[k].advance_us;
		for (uint32_t s = 0; s < nsens; s++) {
			struct scmi_server_sensor_reading r[SIM_SENSOR_MAX_AXES];
			uint32_t n = 0;

			if (ops->sensor->read(p, AGENT, s, r, SIM_SENSOR_MAX_AXES, &n) !=
			    SCMI_SUCCESS)
				continue;
			for (uint32_t a = 0; a < n; a++) {
				mix(&d->fnv, (uint64_t)r[a].value);
				d->readings++;
			}
		}
		d->steps++;
		report(d, t_us, line, ctx);
	}
	return 0;
}
