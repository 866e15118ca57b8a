// SPDX-License-Identifier: BSD-3-Clause
/* The platform's state, one line per resource (state_dump.h). Host-buildable. */
#include <string.h>

#include "fw/state_dump.h"
#include "platform/sim/sim_env.h"
#include "scmi/proto/power.h"
#include "scmi/proto/voltage.h"
#include "scmi/server/clock.h"
#include "scmi/server/perf.h"
#include "scmi/server/power.h"
#include "scmi/server/sensor.h"
#include "scmi/server/voltage.h"

/**
 * struct dump - one run.
 * @ops, @plat, @agent: what is asked, of whom, for whom
 * @line, @ctx:         where the lines go
 * @n:                  lines so far
 */
struct dump {
	const struct scmi_server_platform_ops *ops;
	void *plat;
	uint32_t agent;
	void (*line)(void *ctx, const char *text);
	void *ctx;
	uint32_t n;
};

static void emit(struct dump *d, const char *text)
{
	d->line(d->ctx, text);
	d->n++;
}

static void clocks(struct dump *d)
{
	const struct scmi_server_clock_ops *c = d->ops->clock;
	uint32_t n = c ? c->count(d->plat, d->agent) : 0;

	for (uint32_t id = 0; id < n; id++) {
		struct scmi_server_clock_info info;
		char buf[160];
		uint64_t hz = 0;

		if (c->info(d->plat, d->agent, id, &info) != SCMI_SUCCESS)
			continue;
		if (c->rate_get(d->plat, d->agent, id, &hz) != SCMI_SUCCESS)
			hz = 0;
		info.name[sizeof(info.name) - 1] = '\0';
		sim_snprintf(buf, sizeof(buf), "state clock %u rate=%llu on=%d name=%s", id,
			     (unsigned long long)hz, info.enabled, info.name);
		emit(d, buf);
	}
}

static void perf(struct dump *d)
{
	const struct scmi_server_perf_ops *p = d->ops->perf;
	uint32_t n = p ? p->count(d->plat, d->agent) : 0;

	for (uint32_t id = 0; id < n; id++) {
		struct scmi_server_perf_domain dom;
		struct scmi_server_perf_opp opp;
		uint32_t level = 0, khz = 0;
		char buf[160];

		if (p->domain(d->plat, d->agent, id, &dom) != SCMI_SUCCESS)
			continue;
		if (p->level_get(d->plat, d->agent, id, &level) != SCMI_SUCCESS)
			level = 0;
		for (uint32_t i = 0; i < dom.num_levels; i++) {
			if (p->opp(d->plat, d->agent, id, i, &opp) == SCMI_SUCCESS &&
			    opp.level == level)
				khz = opp.freq_khz;
		}
		dom.name[sizeof(dom.name) - 1] = '\0';
		sim_snprintf(buf, sizeof(buf), "state perf %u level=%u khz=%u name=%s", id, level,
			     khz, dom.name);
		emit(d, buf);
	}
}

static void power(struct dump *d)
{
	const struct scmi_server_power_ops *p = d->ops->power;
	uint32_t n = p ? p->count(d->plat, d->agent) : 0;

	for (uint32_t id = 0; id < n; id++) {
		struct scmi_server_power_domain dom;
		uint32_t st = 0;
		char buf[160];

		if (p->domain(d->plat, d->agent, id, &dom) != SCMI_SUCCESS ||
		    p->state_get(d->plat, d->agent, id, &st) != SCMI_SUCCESS)
			continue;
		dom.name[sizeof(dom.name) - 1] = '\0';
		sim_snprintf(buf, sizeof(buf), "state power %u state=%s name=%s", id,
			     st == SCMI_POWER_STATE_ON	  ? "on"
			     : st == SCMI_POWER_STATE_OFF ? "off"
							  : "other",
			     dom.name);
		emit(d, buf);
	}
}

static void voltage(struct dump *d)
{
	const struct scmi_server_voltage_ops *v = d->ops->voltage;
	uint32_t n = v ? v->count(d->plat, d->agent) : 0;

	for (uint32_t id = 0; id < n; id++) {
		struct scmi_server_voltage_info info;
		uint32_t cfg = 0;
		int32_t uv = 0;
		char buf[160];

		if (v->info(d->plat, d->agent, id, &info) != SCMI_SUCCESS ||
		    v->level_get(d->plat, d->agent, id, &uv) != SCMI_SUCCESS ||
		    v->config_get(d->plat, d->agent, id, &cfg) != SCMI_SUCCESS)
			continue;
		info.name[sizeof(info.name) - 1] = '\0';
		info.ext_name[sizeof(info.ext_name) - 1] = '\0';
		sim_snprintf(buf, sizeof(buf), "state voltage %u uv=%d on=%d name=%s", id, uv,
			     (cfg & SCMI_VOLTAGE_CONFIG_MASK) == SCMI_VOLTAGE_CONFIG_ON,
			     info.ext_name[0] ? info.ext_name : info.name);
		emit(d, buf);
	}
}

static void sensors(struct dump *d)
{
	const struct scmi_server_sensor_ops *s = d->ops->sensor;
	uint32_t n = s ? s->count(d->plat, d->agent) : 0;

	for (uint32_t id = 0; id < n; id++) {
		struct scmi_server_sensor_reading r[8];
		struct scmi_server_sensor_info info;
		uint32_t got = 0;
		char buf[160];

		if (s->info(d->plat, d->agent, id, &info) != SCMI_SUCCESS ||
		    s->read(d->plat, d->agent, id, r, 8, &got) != SCMI_SUCCESS || !got)
			continue;
		info.name[sizeof(info.name) - 1] = '\0';
		sim_snprintf(buf, sizeof(buf), "state sensor %u value=%lld exp=%d name=%s", id,
			     (long long)r[0].value, info.unit_exp, info.name);
		emit(d, buf);
	}
}

uint32_t fw_state_dump(const struct scmi_server_platform_ops *ops, void *plat, uint32_t agent_id,
		       void (*line)(void *ctx, const char *text), void *ctx)
{
	struct dump d = {.ops = ops, .plat = plat, .agent = agent_id, .line = line, .ctx = ctx};

	clocks(&d);
	perf(&d);
	power(&d);
	voltage(&d);
	sensors(&d);
	return d.n;
}
