// SPDX-License-Identifier: BSD-3-Clause
/*
 * The perf model's loader: protocol@13's domain@N nodes (docs/binding/perf.md).
 * Every value is checked; a malformed one fails the whole load with one line.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_perf_priv.h"
#include "platform/sim/sim_voltage.h"

/* Cells per OPP in the opps property: level, kHz, mW, latency us, uV. */
#define OPP_CELLS 5u
/* Rate limits are 20 bits on the wire. */
#define RATE_LIMIT_MAX SCMI_PERF_RATE_LIMIT_MASK

/* A printable-ASCII string of 1..63 characters. */
static int prop_long_name(struct sim_loader *ld, int node, const char *prop,
			  char out[SCMI_EXT_NAME_SIZE])
{
	const char *s;
	int len, i;

	s = sim_getprop(ld, node, prop, &len);
	if (!s)
		return len == -FDT_ERR_NOTFOUND ? -ENOENT
						: sim_fail(ld, node, "%s: unreadable", prop);
	if (len < 2 || s[len - 1] != '\0' || memchr(s, '\0', (size_t)len) != s + len - 1)
		return sim_fail(ld, node, "%s: not a single non-empty string", prop);
	if (len - 1 > SCMI_EXT_NAME_SIZE - 1)
		return sim_fail(ld, node, "%s: longer than %d characters", prop,
				SCMI_EXT_NAME_SIZE - 1);
	for (i = 0; i < len - 1; i++)
		if (s[i] < 0x20 || s[i] > 0x7e)
			return sim_fail(ld, node, "%s: not printable ASCII", prop);
	memset(out, 0, SCMI_EXT_NAME_SIZE);
	memcpy(out, s, (size_t)len - 1);
	return 0;
}

static int load_opps(struct sim_loader *ld, int node, struct sim_perf_domain *d)
{
	const fdt32_t *v;
	uint32_t i, n;
	int len;

	v = sim_getprop(ld, node, "opps", &len);
	if (!v)
		return sim_fail(ld, node, "missing opps");
	if (len <= 0 || len % (int)(OPP_CELLS * sizeof(*v)))
		return sim_fail(ld, node, "opps: must be <level kHz mW latency-us uV> entries");
	n = (uint32_t)len / (OPP_CELLS * sizeof(*v));
	if (n > SIM_PERF_MAX_OPPS)
		return sim_fail(ld, node, "opps: more than %u entries", SIM_PERF_MAX_OPPS);
	for (i = 0; i < n; i++) {
		struct sim_perf_opp *o = &d->opps[i];
		const fdt32_t *cell = &v[(size_t)i * OPP_CELLS];

		o->level = fdt32_ld(&cell[0]);
		o->freq_khz = fdt32_ld(&cell[1]);
		o->power_mw = fdt32_ld(&cell[2]);
		o->latency_us = fdt32_ld(&cell[3]);
		o->uv = fdt32_ld(&cell[4]);
		if (!o->level || !o->freq_khz)
			return sim_fail(ld, node, "opps[%" PRIu32 "]: level and kHz must not be 0",
					i);
		if (o->latency_us > SCMI_PERF_LEVEL_LATENCY_MASK)
			return sim_fail(ld, node, "opps[%" PRIu32 "]: latency above 65535 us", i);
		if (o->uv > INT32_MAX)
			return sim_fail(ld, node, "opps[%" PRIu32 "]: voltage too large", i);
		/* One order for everything: levels, frequencies and power all rise together. */
		if (i &&
		    (o->level <= d->opps[i - 1].level || o->freq_khz <= d->opps[i - 1].freq_khz ||
		     o->power_mw < d->opps[i - 1].power_mw || o->uv < d->opps[i - 1].uv))
			return sim_fail(ld, node,
					"opps[%" PRIu32 "]: entries must rise in level and kHz, "
					"and not fall in mW or uV",
					i);
	}
	d->num_opps = n;
	return 0;
}

static int opp_index(const struct sim_perf_domain *d, uint32_t level, uint32_t *idx)
{
	uint32_t i;

	for (i = 0; i < d->num_opps; i++) {
		if (d->opps[i].level == level) {
			*idx = i;
			return 0;
		}
	}
	return -ENOENT;
}

/* A phandle property naming a node of another model; -ENOENT when absent. */
static int load_link(struct sim_loader *ld, int node, const char *prop,
		     int (*by_node)(struct sim_platform *, int, uint32_t *), uint32_t *id)
{
	uint32_t ph;
	int target, ret;

	ret = sim_prop_u32(ld, node, prop, &ph);
	if (ret)
		return ret;
	target = sim_node_by_phandle(ld, ph);
	if (target < 0)
		return sim_fail(ld, node, "%s: no node with phandle 0x%" PRIx32, prop, ph);
	if (by_node(ld->p, target, id))
		return sim_fail(ld, node, "%s: not a node of that protocol's model", prop);
	return 0;
}

static int load_domain(struct sim_loader *ld, int node, struct sim_perf_domain *d)
{
	uint32_t v;
	int ret;

	d->node = node;
	ret = prop_long_name(ld, node, "domain-name", d->name);
	if (ret == -ENOENT)
		return sim_fail(ld, node, "missing domain-name");
	if (ret)
		return ret;
	ret = load_opps(ld, node, d);
	if (ret)
		return ret;

	ret = sim_prop_u32(ld, node, "rate-limit-us", &d->rate_limit_us);
	if (ret == -ENOENT)
		d->rate_limit_us = 0;
	else if (ret)
		return ret;
	else if (d->rate_limit_us > RATE_LIMIT_MAX)
		return sim_fail(ld, node, "rate-limit-us: above %u", RATE_LIMIT_MAX);

	ret = sim_prop_u32(ld, node, "sustained-level", &v);
	if (ret == -ENOENT)
		d->sustained = d->num_opps - 1;
	else if (ret)
		return ret;
	else if (opp_index(d, v, &d->sustained))
		return sim_fail(ld, node, "sustained-level: %" PRIu32 " is not in opps", v);

	ret = sim_prop_u32(ld, node, "initial-level", &v);
	if (ret == -ENOENT)
		d->initial = d->sustained;
	else if (ret)
		return ret;
	else if (opp_index(d, v, &d->initial))
		return sim_fail(ld, node, "initial-level: %" PRIu32 " is not in opps", v);

	if (sim_getprop(ld, node, "fastchannels", &ret)) {
		if (ret != 0)
			return sim_fail(ld, node, "fastchannels: must be empty");
		d->fastchannels = true;
	}

	if (sim_getprop(ld, node, "level-indexing", &ret)) {
		if (ret != 0)
			return sim_fail(ld, node, "level-indexing: must be empty");
		d->level_indexing = true;
	}

	ret = load_link(ld, node, "clocks", sim_clock_model_id_by_node, &d->clock_id);
	if (ret && ret != -ENOENT)
		return ret;
	d->has_clock = !ret;
	ret = load_link(ld, node, "voltage-domain", sim_voltage_model_id_by_node, &d->voltage_id);
	if (ret && ret != -ENOENT)
		return ret;
	d->has_voltage = !ret;

	d->lim_min = d->opps[0].level;
	d->lim_max = d->opps[d->num_opps - 1].level;
	return 0;
}

/* Domain @id of the table @model (a struct sim_perf). */
static int load_table_domain(struct sim_loader *ld, int node, uint32_t id, void *model)
{
	return load_domain(ld, node, &((struct sim_perf *)model)->d[id]);
}

int sim_perf_load(struct sim_loader *ld, int node)
{
	struct sim_platform *p = ld->p;
	static const struct sim_domain_model model = {
	    .size = sizeof(struct sim_perf),
	    .max = SIM_PERF_MAX_DOMAINS,
	    .count_off = offsetof(struct sim_perf, num),
	    .load = load_table_domain,
	};
	struct sim_perf *perf;
	void *loaded;
	uint32_t i;
	int ret;

	ret = sim_load_domain_model(ld, node, &model, &loaded);
	p->perf = perf = loaded;
	if (ret)
		return ret;
	if (!perf) {
		if (fdt_subnode_offset(ld->fdt, ld->plat_node, "fastchannels") >= 0)
			return sim_fail(ld, ld->plat_node,
					"fastchannels: the platform has no perf protocol");
		return 0;
	}
	ret = sim_fc_load(ld, perf->fc);
	if (ret)
		return ret;
	/* Bring every domain to its initial level, as boot firmware would. */
	for (i = 0; i < perf->num; i++) {
		perf->d[i].cur = perf->d[i].initial;
		ret = sim_perf_boot(p, i);
		if (ret)
			return sim_fail(ld, perf->d[i].node,
					"initial level: clock or voltage refused it (%d)", ret);
	}
	return 0;
}

void sim_perf_free(struct sim_platform *p)
{
	if (!p)
		return;
	sim_free(p->perf);
	p->perf = NULL;
}

int sim_perf_model_id_by_node(struct sim_platform *p, int node, uint32_t *id)
{
	uint32_t i;

	if (!p || !p->perf)
		return -ENOENT;
	for (i = 0; i < p->perf->num; i++) {
		if (p->perf->d[i].node == node) {
			if (id)
				*id = i;
			return 0;
		}
	}
	return -ENOENT;
}
