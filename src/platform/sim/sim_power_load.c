// SPDX-License-Identifier: BSD-3-Clause
/*
 * Loader of the power domain model (binding: docs/binding/power.md).
 * Every value is checked and every count bounded; a malformed one is a
 * one-line error naming the node.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_power_priv.h"

/* A name of 1..63 printable ASCII characters (extended names are 64 bytes with the NUL). */
static int read_long_name(struct sim_loader *ld, int node, char out[SCMI_SERVER_POWER_NAME_SIZE])
{
	const char *s;
	int len, i;

	s = sim_getprop(ld, node, "domain-name", &len);
	if (!s)
		return sim_fail(ld, node, "domain-name: missing");
	if (len < 2 || s[len - 1] != '\0' || memchr(s, '\0', (size_t)len) != s + len - 1)
		return sim_fail(ld, node, "domain-name: not a single non-empty string");
	if (len > (int)SCMI_SERVER_POWER_NAME_SIZE)
		return sim_fail(ld, node, "domain-name: longer than %u characters",
				SCMI_SERVER_POWER_NAME_SIZE - 1);
	for (i = 0; i < len - 1; i++)
		if (s[i] < 0x20 || s[i] > 0x7e)
			return sim_fail(ld, node, "domain-name: not printable ASCII");
	memset(out, 0, SCMI_SERVER_POWER_NAME_SIZE);
	memcpy(out, s, (size_t)len - 1);
	return 0;
}

static int read_u32_default(struct sim_loader *ld, int node, const char *name, uint32_t *v,
			    uint32_t dflt)
{
	int ret = sim_prop_u32(ld, node, name, v);

	if (ret == -ENOENT) {
		*v = dflt;
		return 0;
	}
	return ret;
}

static int read_retention(struct sim_loader *ld, int node, struct sim_power_domain *d)
{
	const fdt32_t *cells;
	uint32_t i, j, n;
	int len;

	cells = sim_getprop(ld, node, "retention-states", &len);
	if (!cells) {
		if (len == -FDT_ERR_NOTFOUND)
			return 0;
		return sim_fail(ld, node, "retention-states: unreadable (%s)", fdt_strerror(len));
	}
	if (len == 0 || len % 4)
		return sim_fail(ld, node, "retention-states: must be a list of cells");
	n = (uint32_t)len / 4u;
	if (n > SIM_POWER_MAX_RETENTION)
		return sim_fail(ld, node, "retention-states: more than %u states",
				SIM_POWER_MAX_RETENTION);
	for (i = 0; i < n; i++) {
		uint32_t s = fdt32_ld(&cells[i]);

		/* Context kept (bit 30 clear), a non-zero id, no reserved bits. */
		if (s == 0 || (s & ~SCMI_POWER_STATE_ID_MASK))
			return sim_fail(ld, node,
					"retention-states: 0x%x is not a retention state "
					"(1..0x0fffffff)",
					s);
		for (j = 0; j < i; j++)
			if (d->retention[j] == s)
				return sim_fail(ld, node, "retention-states: 0x%x twice", s);
		d->retention[i] = s;
	}
	d->num_retention = n;
	return 0;
}

/* Domain @id of the table @model (a struct sim_power): its defaults, then its node. */
static int load_domain(struct sim_loader *ld, int node, uint32_t id, void *model)
{
	struct sim_power_domain *d = &((struct sim_power *)model)->domains[id];
	int len, ret;

	d->parent = SIM_POWER_NO_PARENT;
	d->state = SCMI_POWER_STATE_OFF;
	d->node = node;
	ret = read_long_name(ld, node, d->name);
	if (ret)
		return ret;
	ret = read_u32_default(ld, node, "power-mw", &d->power_mw, 0);
	if (!ret)
		ret = read_u32_default(ld, node, "retention-power-mw", &d->retention_mw, 0);
	if (!ret)
		ret = read_retention(ld, node, d);
	if (ret)
		return ret;
	if (sim_getprop(ld, node, "boot-on", &len)) {
		if (len != 0)
			return sim_fail(ld, node, "boot-on: takes no value");
		d->state = SCMI_POWER_STATE_ON;
	}
	return 0;
}

/* Second pass: parents (by phandle, to another domain), no cycles, boot states coherent. */
static int link_parents(struct sim_loader *ld, void *model)
{
	struct sim_power *pw = model;
	uint32_t i, ph, hops, pid;
	int ret, pnode;

	for (i = 0; i < pw->count; i++) {
		struct sim_power_domain *d = &pw->domains[i];

		ret = sim_prop_u32(ld, d->node, "parent", &ph);
		if (ret == -ENOENT)
			continue;
		if (ret)
			return ret;
		pnode = sim_node_by_phandle(ld, ph);
		if (pnode < 0)
			return sim_fail(ld, d->node, "parent: no node with phandle 0x%x", ph);
		for (pid = 0; pid < pw->count; pid++)
			if (pw->domains[pid].node == pnode)
				break;
		if (pid == pw->count)
			return sim_fail(ld, d->node, "parent: not a power domain of this protocol");
		if (pid == i)
			return sim_fail(ld, d->node, "parent: a domain cannot be its own parent");
		d->parent = pid;
	}
	for (i = 0; i < pw->count; i++) {
		const struct sim_power_domain *d = &pw->domains[i];

		for (pid = d->parent, hops = 0; pid != SIM_POWER_NO_PARENT;
		     pid = pw->domains[pid].parent)
			if (++hops > pw->count)
				return sim_fail(ld, d->node, "parent: the hierarchy has a cycle");
		if (d->parent != SIM_POWER_NO_PARENT && sim_power_state_powered(d->state) &&
		    !sim_power_state_powered(pw->domains[d->parent].state))
			return sim_fail(ld, d->node, "boot-on: the parent domain is not boot-on");
	}
	return 0;
}

int sim_power_load(struct sim_loader *ld, int node)
{
	static const struct sim_domain_model model = {
	    .size = sizeof(struct sim_power),
	    .max = SIM_POWER_MAX_DOMAINS,
	    .count_off = offsetof(struct sim_power, count),
	    .load = load_domain,
	    .finish = link_parents,
	};
	void *loaded;
	int ret = sim_load_domain_model(ld, node, &model, &loaded);

	ld->p->power = loaded;
	return ret;
}
