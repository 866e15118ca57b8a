// SPDX-License-Identifier: BSD-3-Clause
/*
 * Powercap model: loading the zones from protocol@18 (binding:
 * docs/binding/powercap.md). The checks are those Linux applies to
 * DOMAIN_ATTRIBUTES (non-zero limits, configurable exactly when min != max, a
 * step when configurable, a parent that exists and is not the zone itself), so
 * that no platform we load is one Linux would refuse, plus the initial values.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_perf.h"
#include "platform/sim/sim_powercap.h"
#include "platform/sim/sim_powercap_priv.h"

static int pcap_prop_name(struct sim_loader *ld, int node, char out[SCMI_EXT_NAME_SIZE])
{
	const char *s;
	int len, i;

	s = sim_getprop(ld, node, "zone-name", &len);
	if (!s)
		return sim_fail(ld, node, "missing zone-name");
	if (len < 2 || s[len - 1] != '\0' || memchr(s, '\0', (size_t)len) != s + len - 1)
		return sim_fail(ld, node, "zone-name: not a single non-empty string");
	if (len - 1 > SCMI_EXT_NAME_SIZE - 1)
		return sim_fail(ld, node, "zone-name: longer than %d characters",
				SCMI_EXT_NAME_SIZE - 1);
	for (i = 0; i < len - 1; i++) {
		if (s[i] < 0x20 || s[i] > 0x7e)
			return sim_fail(ld, node, "zone-name: not printable ASCII");
	}
	memset(out, 0, SCMI_EXT_NAME_SIZE);
	memcpy(out, s, (size_t)len - 1);
	return 0;
}

/* A required one-cell property. */
static int pcap_req(struct sim_loader *ld, int node, const char *name, uint32_t *v)
{
	int ret = sim_prop_u32(ld, node, name, v);

	if (ret == -ENOENT)
		return sim_fail(ld, node, "missing %s", name);
	return ret;
}

/* An optional one-cell property, @def when absent. */
static int pcap_opt(struct sim_loader *ld, int node, const char *name, uint32_t def, uint32_t *v)
{
	int ret = sim_prop_u32(ld, node, name, v);

	if (ret == -ENOENT) {
		*v = def;
		return 0;
	}
	return ret;
}

/* min/max/step/initial of the cap or of the PAI; @what names them in errors. */
static int pcap_range(struct sim_loader *ld, int node, const char *what, uint32_t min, uint32_t max,
		      uint32_t step, uint32_t init, bool *config)
{
	if (!min || !max)
		return sim_fail(ld, node, "%s: min and max must not be 0", what);
	if (min > max)
		return sim_fail(ld, node, "%s: min above max", what);
	*config = min != max;
	if (*config && !step)
		return sim_fail(ld, node, "%s: a step is needed when min != max", what);
	if (*config && (max - min) % step)
		return sim_fail(ld, node, "%s: max - min is not a multiple of the step", what);
	if (init < min || init > max || (*config && (init - min) % step))
		return sim_fail(ld, node, "%s: initial value not in range or not on a step", what);
	return 0;
}

static int pcap_unit(struct sim_loader *ld, int node, uint32_t *unit)
{
	const char *s;
	int len;

	s = sim_getprop(ld, node, "power-unit", &len);
	if (!s) {
		*unit = SCMI_POWERCAP_UNIT_MW;
		return 0;
	}
	if (len == 3 && !memcmp(s, "mW", 3))
		*unit = SCMI_POWERCAP_UNIT_MW;
	else if (len == 3 && !memcmp(s, "uW", 3))
		*unit = SCMI_POWERCAP_UNIT_UW;
	else if (len == 9 && !memcmp(s, "abstract", 9))
		*unit = SCMI_POWERCAP_UNIT_ABSTRACT;
	else
		return sim_fail(ld, node, "power-unit: must be \"mW\", \"uW\" or \"abstract\"");
	return 0;
}

static int pcap_domains(struct sim_loader *ld, int node, struct sim_pcap_zone *z)
{
	const fdt32_t *v, *w;
	int len, wlen, i, pnode;
	uint32_t j;

	v = sim_getprop(ld, node, "perf-domains", &len);
	if (!v)
		return 0;
	if (len <= 0 || len % 4 || (uint32_t)len / 4u > SIM_POWERCAP_MAX_DOMAINS)
		return sim_fail(ld, node, "perf-domains: 1..%u phandles", SIM_POWERCAP_MAX_DOMAINS);
	w = sim_getprop(ld, node, "perf-weights", &wlen);
	if (w && wlen != len)
		return sim_fail(ld, node, "perf-weights: one per perf domain");
	for (i = 0; i < len / 4; i++) {
		pnode = sim_node_by_phandle(ld, fdt32_ld(&v[i]));
		if (pnode < 0 || sim_perf_model_id_by_node(ld->p, pnode, &z->domains[i]))
			return sim_fail(ld, node, "perf-domains: entry %d is not a perf domain", i);
		for (j = 0; j < (uint32_t)i; j++) {
			if (z->domains[j] == z->domains[i])
				return sim_fail(ld, node, "perf-domains: entry %d twice", i);
		}
		z->weights[i] = w ? fdt32_ld(&w[i]) : 1u;
		if (!z->weights[i] || z->weights[i] > 1000u)
			return sim_fail(ld, node, "perf-weights: 1..1000");
	}
	z->ndomains = (uint32_t)len / 4u;
	return 0;
}

static int pcap_load_zone(struct sim_loader *ld, int node, struct sim_powercap *pc, uint32_t id)
{
	struct sim_pcap_zone *z = &pc->zones[id];
	struct scmi_server_powercap_info *in = &z->info;
	int ret;

	ret = pcap_prop_name(ld, node, in->name);
	if (!ret)
		ret = pcap_unit(ld, node, &in->unit);
	if (!ret)
		ret = pcap_req(ld, node, "min-cap", &in->min_cap);
	if (!ret)
		ret = pcap_req(ld, node, "max-cap", &in->max_cap);
	if (!ret)
		ret = pcap_opt(ld, node, "cap-step", 0, &in->cap_step);
	if (!ret)
		ret = pcap_opt(ld, node, "cap", in->max_cap, &z->cap);
	if (!ret)
		ret = pcap_req(ld, node, "min-pai-us", &in->min_pai);
	if (!ret)
		ret = pcap_req(ld, node, "max-pai-us", &in->max_pai);
	if (!ret)
		ret = pcap_opt(ld, node, "pai-step-us", 0, &in->pai_step);
	if (!ret)
		ret = pcap_opt(ld, node, "pai-us", in->min_pai, &z->pai_us);
	if (!ret)
		ret = pcap_opt(ld, node, "sustainable-power", in->max_cap, &in->sustainable);
	if (!ret)
		ret = pcap_opt(ld, node, "accuracy", 0, &in->accuracy);
	if (!ret)
		ret = pcap_opt(ld, node, "static-power", 0, &z->static_power);
	if (!ret)
		ret = pcap_opt(ld, node, "parent-zone", SCMI_POWERCAP_ROOT, &in->parent_id);
	if (ret)
		return ret;
	ret = pcap_range(ld, node, "cap", in->min_cap, in->max_cap, in->cap_step, z->cap,
			 &in->cap_config);
	if (!ret)
		ret = pcap_range(ld, node, "pai", in->min_pai, in->max_pai, in->pai_step, z->pai_us,
				 &in->pai_config);
	if (ret)
		return ret;
	if (!in->cap_config)
		in->cap_step = 1;
	if (!in->pai_config)
		in->pai_step = 1;
	if (in->accuracy > 100000u)
		return sim_fail(ld, node, "accuracy: at most 100000 (100 %%)");
	/* Parents come first: ids below the zone's own, so the tree has no cycle. */
	if (in->parent_id != SCMI_POWERCAP_ROOT && in->parent_id >= id)
		return sim_fail(ld, node, "parent-zone: must be a zone listed before this one");
	if (z->static_power >= in->min_cap)
		return sim_fail(ld, node, "static-power: must be below min-cap");
	in->measurement = sim_getprop(ld, node, "measurement", NULL) != NULL;
	in->cap_notify = sim_getprop(ld, node, "cap-notify", NULL) != NULL;
	in->meas_notify = sim_getprop(ld, node, "measurement-notify", NULL) != NULL;
	/* Whether an agent has them is its region's business (pcap_info). */
	z->fastchannels = sim_getprop(ld, node, "fastchannels", NULL) != NULL;
	if (in->meas_notify && !in->measurement)
		return sim_fail(ld, node, "measurement-notify: needs measurement");
	z->enabled = !sim_getprop(ld, node, "capping-disabled", NULL);
	return pcap_domains(ld, node, z);
}

int sim_powercap_load(struct sim_loader *ld, int node)
{
	struct sim_platform *p = ld->p;
	struct sim_powercap *pc;
	uint32_t reg, i;
	int child, ret;

	if (node < 0)
		return 0;
	if (fdt_first_subnode(ld->fdt, node) < 0)
		return 0;
	ret = sim_check_cells(ld, node, 1, 0);
	if (ret)
		return ret;
	pc = sim_calloc(1, sizeof(*pc));
	if (!pc)
		return sim_fail(ld, node, "out of memory");
	fdt_for_each_subnode(child, ld->fdt, node)
	{
		ret = sim_unit_node(ld, child, "zone", &reg);
		if (ret)
			goto err_free;
		if (reg != pc->num) {
			ret = sim_fail(ld, child, "expected zone@%" PRIx32 " (ids are dense)",
				       pc->num);
			goto err_free;
		}
		if (pc->num >= SIM_POWERCAP_MAX_ZONES) {
			ret = sim_fail(ld, child, "more than %u zones", SIM_POWERCAP_MAX_ZONES);
			goto err_free;
		}
		ret = pcap_load_zone(ld, child, pc, pc->num);
		if (ret)
			goto err_free;
		pc->num++;
	}
	ret = sim_walk_end(ld, node, child);
	if (ret)
		goto err_free;
	p->powercap = pc;
	ret = sim_pcap_apply(p);
	if (ret) {
		ret = sim_fail(ld, node, "the perf domains refused the caps (%d)", ret);
		goto err_unset;
	}
	for (i = 0; i < pc->num; i++)
		sim_pcap_restart(p, &pc->zones[i]);
	return 0;

err_unset:
	p->powercap = NULL;
err_free:
	sim_free(pc);
	return ret;
}

void sim_powercap_free(struct sim_platform *p)
{
	sim_free(p->powercap);
	p->powercap = NULL;
}
