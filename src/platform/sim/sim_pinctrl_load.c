// SPDX-License-Identifier: BSD-3-Clause
/*
 * Pin control model: loading the controller from protocol@19 (binding:
 * docs/binding/pinctrl.md). Every count is bounded, every reference checked.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_pinctrl.h"
#include "platform/sim/sim_pinctrl_priv.h"
#include "platform/sim/sim_platform_priv.h"

/* A printable ASCII string of 1..63 characters, copied NUL-padded into @out. */
static int pc_name(struct sim_loader *ld, int node, const char *prop, const char *s, size_t len,
		   char out[SCMI_EXT_NAME_SIZE])
{
	size_t i;

	if (!len || len > SCMI_EXT_NAME_SIZE - 1)
		return sim_fail(ld, node, "%s: names must have 1..%d characters", prop,
				SCMI_EXT_NAME_SIZE - 1);
	for (i = 0; i < len; i++) {
		if (s[i] < 0x20 || s[i] > 0x7e)
			return sim_fail(ld, node, "%s: not printable ASCII", prop);
	}
	memset(out, 0, SCMI_EXT_NAME_SIZE);
	memcpy(out, s, len);
	return 0;
}

static int pc_prop_name(struct sim_loader *ld, int node, const char *prop,
			char out[SCMI_EXT_NAME_SIZE])
{
	const char *s;
	int len;

	s = sim_getprop(ld, node, prop, &len);
	if (!s)
		return sim_fail(ld, node, "missing %s", prop);
	if (len < 1 || s[len - 1] != '\0' || memchr(s, '\0', (size_t)len) != s + len - 1)
		return sim_fail(ld, node, "%s: not a single string", prop);
	return pc_name(ld, node, prop, s, (size_t)len - 1, out);
}

static int pc_load_pins(struct sim_loader *ld, int node, struct sim_pinctrl *pc)
{
	const char *s, *end;
	int len, ret;

	s = sim_getprop(ld, node, "pin-names", &len);
	if (!s)
		return sim_fail(ld, node, "missing pin-names");
	if (len < 1 || s[len - 1] != '\0')
		return sim_fail(ld, node, "pin-names: not a string list");
	end = s + len;
	while (s < end) {
		size_t l = strlen(s);
		uint32_t i;

		if (pc->npins >= SIM_PINCTRL_MAX_PINS)
			return sim_fail(ld, node, "pin-names: more than %u pins",
					SIM_PINCTRL_MAX_PINS);
		ret = pc_name(ld, node, "pin-names", s, l, pc->pins[pc->npins].name);
		if (ret)
			return ret;
		for (i = 0; i < pc->npins; i++) {
			if (!strcmp(pc->pins[i].name, s))
				return sim_fail(ld, node, "pin-names: \"%s\" twice", s);
		}
		pc->npins++;
		s += l + 1;
	}
	return 0;
}

/* Read the u32 list @prop of @node into @ids, each below @limit. */
static int pc_id_list(struct sim_loader *ld, int node, const char *prop, uint16_t *ids,
		      uint32_t max, uint32_t limit, uint32_t *n)
{
	const fdt32_t *v;
	int len, i, j;

	v = sim_getprop(ld, node, prop, &len);
	if (!v)
		return len == -FDT_ERR_NOTFOUND ? -ENOENT
						: sim_fail(ld, node, "%s: unreadable", prop);
	if (len <= 0 || len % 4)
		return sim_fail(ld, node, "%s: must be a non-empty list of cells", prop);
	if ((uint32_t)len / 4u > max)
		return sim_fail(ld, node, "%s: more than %" PRIu32 " entries", prop, max);
	for (i = 0; i < len / 4; i++) {
		uint32_t id = fdt32_ld(&v[i]);

		if (id >= limit)
			return sim_fail(ld, node, "%s: %" PRIu32 " does not exist", prop, id);
		for (j = 0; j < i; j++) {
			if (ids[j] == id)
				return sim_fail(ld, node, "%s: %" PRIu32 " twice", prop, id);
		}
		ids[i] = (uint16_t)id;
	}
	*n = (uint32_t)len / 4u;
	return 0;
}

static int pc_load_group(struct sim_loader *ld, int node, struct sim_pinctrl *pc)
{
	struct sim_pin_group *g = &pc->groups[pc->ngroups];
	int ret;

	ret = pc_prop_name(ld, node, "group-name", g->name);
	if (ret)
		return ret;
	ret =
	    pc_id_list(ld, node, "pins", g->pins, SIM_PINCTRL_MAX_GROUP_PINS, pc->npins, &g->npins);
	if (ret == -ENOENT)
		return sim_fail(ld, node, "missing pins");
	return ret;
}

static int pc_load_function(struct sim_loader *ld, int node, struct sim_pinctrl *pc,
			    uint32_t dt_groups, bool pin_groups)
{
	struct sim_pin_function *f = &pc->functions[pc->nfunctions];
	uint32_t i;
	int ret;

	ret = pc_prop_name(ld, node, "function-name", f->name);
	if (ret)
		return ret;
	ret = pc_id_list(ld, node, "groups", f->groups, SIM_PINCTRL_MAX_DT_GROUPS, dt_groups,
			 &f->ngroups);
	if (ret && ret != -ENOENT)
		return ret;
	if (sim_getprop(ld, node, "pin-groups", NULL)) {
		if (!pin_groups)
			return sim_fail(ld, node, "pin-groups: the controller has no pin-groups");
		for (i = 0; i < pc->npins; i++)
			f->groups[f->ngroups++] = (uint16_t)(dt_groups + i);
	}
	if (!f->ngroups)
		return sim_fail(ld, node, "a function needs groups or pin-groups");
	return 0;
}

static void pc_reset_pin(struct sim_pin *pin)
{
	pin->function = SIM_PINCTRL_NONE;
	pin->owner = 0;
	pin->bias = SIM_BIAS_DOWN;
	pin->drive = SIM_DRIVE_PUSH_PULL;
	pin->strength_ma = 4;
	pin->debounce_us = 0;
	pin->input = 1;
	pin->schmitt = 0;
	pin->low_power = 0;
	pin->output = 0;
	pin->out_value = 0;
	pin->slew = 0;
}

/* One group per pin (if @on), after the DT's, named after its pin. */
static void pc_pin_groups(struct sim_pinctrl *pc, bool on)
{
	uint32_t i;

	for (i = 0; on && i < pc->npins; i++) {
		struct sim_pin_group *g = &pc->groups[pc->ngroups++];

		memcpy(g->name, pc->pins[i].name, sizeof(g->name));
		g->npins = 1;
		g->pins[0] = (uint16_t)i;
	}
}

/* group@0.. under groups { }, ids dense and in order. */
static int pc_load_groups(struct sim_loader *ld, int node, struct sim_pinctrl *pc)
{
	uint32_t reg;
	int child, ret;

	ret = sim_check_cells(ld, node, 1, 0);
	if (ret)
		return ret;
	fdt_for_each_subnode(child, ld->fdt, node)
	{
		ret = sim_unit_node(ld, child, "group", &reg);
		if (ret)
			return ret;
		if (reg != pc->ngroups)
			return sim_fail(ld, child, "expected group@%" PRIx32 " (ids are dense)",
					pc->ngroups);
		if (pc->ngroups >= SIM_PINCTRL_MAX_DT_GROUPS)
			return sim_fail(ld, child, "more than %u groups",
					SIM_PINCTRL_MAX_DT_GROUPS);
		ret = pc_load_group(ld, child, pc);
		if (ret)
			return ret;
		pc->ngroups++;
	}
	return sim_walk_end(ld, node, child);
}

/* function@0.. under functions { }, ids dense and in order. */
static int pc_load_functions(struct sim_loader *ld, int node, struct sim_pinctrl *pc,
			     uint32_t dt_groups, bool pin_groups)
{
	uint32_t reg;
	int child, ret;

	ret = sim_check_cells(ld, node, 1, 0);
	if (ret)
		return ret;
	fdt_for_each_subnode(child, ld->fdt, node)
	{
		ret = sim_unit_node(ld, child, "function", &reg);
		if (ret)
			return ret;
		if (reg != pc->nfunctions)
			return sim_fail(ld, child, "expected function@%" PRIx32 " (ids are dense)",
					pc->nfunctions);
		if (pc->nfunctions >= SIM_PINCTRL_MAX_FUNCTIONS)
			return sim_fail(ld, child, "more than %u functions",
					SIM_PINCTRL_MAX_FUNCTIONS);
		ret = pc_load_function(ld, child, pc, dt_groups, pin_groups);
		if (ret)
			return ret;
		pc->nfunctions++;
	}
	return sim_walk_end(ld, node, child);
}

/* The children: groups { } and functions { }, nothing else. */
static int pc_load_children(struct sim_loader *ld, int node, struct sim_pinctrl *pc,
			    bool pin_groups)
{
	int child, groups = -1, functions = -1, ret;
	uint32_t dt_groups;
	const char *name;

	fdt_for_each_subnode(child, ld->fdt, node)
	{
		name = fdt_get_name(ld->fdt, child, NULL);
		if (name && !strcmp(name, "groups"))
			groups = child;
		else if (name && !strcmp(name, "functions"))
			functions = child;
		else
			return sim_fail(ld, child,
					"unexpected node (expected groups or functions)");
	}
	ret = sim_walk_end(ld, node, child);
	if (!ret && groups >= 0)
		ret = pc_load_groups(ld, groups, pc);
	if (ret)
		return ret;
	dt_groups = pc->ngroups;
	pc_pin_groups(pc, pin_groups);
	if (functions >= 0)
		return pc_load_functions(ld, functions, pc, dt_groups, pin_groups);
	return 0;
}

int sim_pinctrl_load(struct sim_loader *ld, int node)
{
	struct sim_platform *p = ld->p;
	struct sim_pinctrl *pc;
	uint32_t i;
	int ret;

	if (node < 0)
		return 0;
	/* A bare protocol node is a controller without pins. */
	if (!sim_getprop(ld, node, "pin-names", NULL) && fdt_first_subnode(ld->fdt, node) < 0)
		return 0;
	pc = sim_calloc(1, sizeof(*pc));
	if (!pc)
		return sim_fail(ld, node, "out of memory");
	ret = pc_load_pins(ld, node, pc);
	if (!ret)
		ret = pc_load_children(ld, node, pc,
				       sim_getprop(ld, node, "pin-groups", NULL) != NULL);
	if (ret) {
		sim_free(pc);
		return ret;
	}
	for (i = 0; i < pc->npins; i++)
		pc_reset_pin(&pc->pins[i]);
	p->pinctrl = pc;
	return 0;
}

void sim_pinctrl_free(struct sim_platform *p)
{
	sim_free(p->pinctrl);
	p->pinctrl = NULL;
}
