// SPDX-License-Identifier: BSD-3-Clause
/*
 * Clock (0x14) model: loading the clock tree from the protocol node
 * (docs/binding/clock.md). Every malformed value is refused with a one-line
 * error naming the node; every count is bounded.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_platform_priv.h"

#define COMPAT_FIXED   "scmi-optee,fixed-clock"
#define COMPAT_PLL     "scmi-optee,pll-clock"
#define COMPAT_DIVIDER "scmi-optee,divider-clock"

static bool has_prop(struct sim_loader *ld, int node, const char *name)
{
	return sim_getprop(ld, node, name, NULL) != NULL;
}

/* A list of u32 cells: 0 with *n cells (<= max) in out, -ENOENT if absent, -EINVAL. */
static int prop_cells(struct sim_loader *ld, int node, const char *name, uint32_t *out,
		      uint32_t max, uint32_t *n)
{
	const fdt32_t *v;
	uint32_t cells, i;
	int len;

	v = sim_getprop(ld, node, name, &len);
	if (!v) {
		if (len == -FDT_ERR_NOTFOUND)
			return -ENOENT;
		return sim_fail(ld, node, "%s: unreadable (%s)", name, fdt_strerror(len));
	}
	if (len <= 0 || len % 4)
		return sim_fail(ld, node, "%s: must be a non-empty list of cells", name);
	/* One count bounds the copy and is what the caller gets: every out[0..*n) is written. */
	cells = (uint32_t)len / 4u;
	if (cells > max)
		return sim_fail(ld, node, "%s: more than %" PRIu32 " entries", name, max);
	for (i = 0; i < cells; i++)
		out[i] = fdt32_ld(&v[i]);
	*n = cells;
	return 0;
}

/* clock-output-names: one string of 1..63 printable ASCII characters. */
static int load_name(struct sim_loader *ld, int node, struct sim_clk *k)
{
	const char *s;
	int len, i;

	s = sim_getprop(ld, node, "clock-output-names", &len);
	if (!s)
		return sim_fail(ld, node, "missing clock-output-names");
	if (len < 2 || s[len - 1] != '\0' || memchr(s, '\0', (size_t)len) != s + len - 1)
		return sim_fail(ld, node, "clock-output-names: not one non-empty string");
	if (len - 1 > SCMI_EXT_NAME_SIZE - 1)
		return sim_fail(ld, node, "clock-output-names: longer than %d characters",
				SCMI_EXT_NAME_SIZE - 1);
	for (i = 0; i < len - 1; i++) {
		if (s[i] < 0x20 || s[i] > 0x7e)
			return sim_fail(ld, node, "clock-output-names: not printable ASCII");
	}
	memcpy(k->name, s, (size_t)len);
	return 0;
}

/* An optional u32 with a default; -EINVAL (reported) for a malformed one. */
static int opt_u32(struct sim_loader *ld, int node, const char *name, uint32_t def, uint32_t *v)
{
	int ret = sim_prop_u32(ld, node, name, v);

	if (ret == -ENOENT) {
		*v = def;
		return 0;
	}
	return ret;
}

static int load_pll(struct sim_loader *ld, int node, struct sim_clk *k)
{
	uint32_t cells[SIM_CLOCK_MAX_RATES], n = 0, i;
	bool has_range = has_prop(ld, node, "rate-range");
	bool has_list = has_prop(ld, node, "rates");
	int ret;

	if (has_range == has_list)
		return sim_fail(ld, node, "needs exactly one of rate-range and rates");
	if (has_range) {
		ret = prop_cells(ld, node, "rate-range", cells, 3, &n);
		if (ret)
			return ret;
		if (n != 3)
			return sim_fail(ld, node, "rate-range: must be <min max step>");
		if (!cells[0] || cells[0] >= cells[1] || !cells[2] ||
		    (cells[1] - cells[0]) % cells[2])
			return sim_fail(ld, node,
					"rate-range: needs 0 < min < max and a step dividing "
					"max - min");
		k->range = true;
		k->min = cells[0];
		k->max = cells[1];
		k->step = cells[2];
	} else {
		ret = prop_cells(ld, node, "rates", cells, SIM_CLOCK_MAX_RATES, &n);
		if (ret)
			return ret;
		for (i = 0; i < n; i++) {
			if (!cells[i] || (i && cells[i] <= cells[i - 1]))
				return sim_fail(ld, node, "rates: must be non-zero and ascending");
			k->rates[i] = cells[i];
		}
		k->nrates = n;
	}
	return 0;
}

/* The rate the DT asks for at boot must be one the clock supports. */
static int check_rate(struct sim_loader *ld, int node, struct sim_clock *c, uint32_t id,
		      uint32_t hz)
{
	struct sim_clk_rateset rs;
	uint64_t got;

	sim_clock_rateset(c, id, &rs);
	if (sim_clock_round(c, &rs, hz, SCMI_SERVER_CLOCK_ROUND_DOWN, &got) || got != hz)
		return sim_fail(ld, node, "clock-frequency: %" PRIu32 " Hz is not a supported rate",
				hz);
	return 0;
}

/* The first pass read every reg: map a phandle to a clock id below @id. */
static int parent_id(struct sim_loader *ld, int node, struct sim_clock *c, uint32_t id,
		     uint32_t phandle, uint32_t *out)
{
	int pnode = sim_node_by_phandle(ld, phandle);
	uint32_t i;

	for (i = 0; pnode >= 0 && i < c->count; i++) {
		if (c->clk[i].node != pnode)
			continue;
		if (i >= id)
			return sim_fail(ld, node, "clocks: parent %s must have a smaller reg",
					fdt_get_name(ld->fdt, pnode, NULL));
		*out = i;
		return 0;
	}
	return sim_fail(ld, node, "clocks: phandle 0x%" PRIx32 " is not a clock of this protocol",
			phandle);
}

static int load_parents(struct sim_loader *ld, int node, struct sim_clock *c, uint32_t id)
{
	struct sim_clk *k = &c->clk[id];
	uint32_t ph[SIM_CLOCK_MAX_PARENTS], n = 0, i, j;
	int ret;

	ret = prop_cells(ld, node, "clocks", ph, SIM_CLOCK_MAX_PARENTS, &n);
	if (ret == -ENOENT)
		n = 0;
	else if (ret)
		return ret;
	for (i = 0; i < n; i++) {
		ret = parent_id(ld, node, c, id, ph[i], &k->parents[i]);
		if (ret)
			return ret;
		for (j = 0; j < i; j++) {
			if (k->parents[j] == k->parents[i])
				return sim_fail(ld, node, "clocks: a parent is listed twice");
		}
	}
	k->nparents = n;
	if (k->type == SIM_CLK_FIXED && n)
		return sim_fail(ld, node, "clocks: a fixed clock has no parent");
	if (k->type == SIM_CLK_PLL && n > 1)
		return sim_fail(ld, node, "clocks: a PLL has at most one reference clock");
	if (k->type == SIM_CLK_DIVIDER && !n)
		return sim_fail(ld, node, "clocks: a divider needs at least one parent");
	return 0;
}

static int load_divider(struct sim_loader *ld, int node, struct sim_clk *k)
{
	uint32_t sel;
	int ret;

	ret = opt_u32(ld, node, "max-divider", 1, &k->max_div);
	if (!ret && (k->max_div < 1 || k->max_div > SIM_CLOCK_MAX_DIV))
		return sim_fail(ld, node, "max-divider: must be 1..%u", SIM_CLOCK_MAX_DIV);
	if (!ret)
		ret = opt_u32(ld, node, "divider", 1, &k->div);
	if (!ret && (k->div < 1 || k->div > k->max_div))
		return sim_fail(ld, node, "divider: must be 1..max-divider");
	if (!ret)
		ret = opt_u32(ld, node, "clock-parent", 0, &sel);
	if (!ret && sel >= k->nparents)
		return sim_fail(ld, node, "clock-parent: must index clocks");
	if (ret)
		return ret;
	k->parent = sel;
	k->set_rate_parent = has_prop(ld, node, "set-rate-parent");
	if (k->set_rate_parent && k->max_div != 1)
		return sim_fail(ld, node, "set-rate-parent: needs max-divider = <1>");
	return 0;
}

/* Everything but the parents, which need every clock's node first. */
static int load_type(struct sim_loader *ld, int node, struct sim_clk *k)
{
	if (!sim_node_check_compatible(ld, node, COMPAT_FIXED))
		k->type = SIM_CLK_FIXED;
	else if (!sim_node_check_compatible(ld, node, COMPAT_PLL))
		k->type = SIM_CLK_PLL;
	else if (!sim_node_check_compatible(ld, node, COMPAT_DIVIDER))
		k->type = SIM_CLK_DIVIDER;
	else
		return sim_fail(ld, node,
				"compatible: must be " COMPAT_FIXED ", " COMPAT_PLL
				" or " COMPAT_DIVIDER);
	return 0;
}

static int load_clock(struct sim_loader *ld, int node, struct sim_clock *c, uint32_t id)
{
	struct sim_clk *k = &c->clk[id];
	uint32_t hz = 0;
	int ret;

	ret = load_name(ld, node, k);
	if (!ret)
		ret = opt_u32(ld, node, "#clock-cells", 0, &hz);
	if (!ret && hz)
		return sim_fail(ld, node, "#clock-cells: must be <0>");
	if (!ret)
		ret = load_parents(ld, node, c, id);
	if (!ret && k->type == SIM_CLK_PLL)
		ret = load_pll(ld, node, k);
	if (!ret && k->type == SIM_CLK_DIVIDER)
		ret = load_divider(ld, node, k);
	if (!ret)
		ret = opt_u32(ld, node, "enable-latency-us", 0, &k->latency_us);
	if (ret)
		return ret;
	k->always_on = has_prop(ld, node, "always-on");
	k->perms = SCMI_CLOCK_PERM_ALL;
	if (has_prop(ld, node, "no-state-control"))
		k->perms &= ~SCMI_CLOCK_PERM_STATE;
	if (has_prop(ld, node, "no-parent-control"))
		k->perms &= ~SCMI_CLOCK_PERM_PARENT;
	if (has_prop(ld, node, "no-rate-control"))
		k->perms &= ~SCMI_CLOCK_PERM_RATE;

	ret = sim_prop_u32(ld, node, "clock-frequency", &hz);
	if (ret && ret != -ENOENT)
		return ret;
	if (k->type == SIM_CLK_DIVIDER) {
		if (!ret)
			return sim_fail(ld, node, "clock-frequency: a divider takes divider");
		return 0;
	}
	if (ret)
		return sim_fail(ld, node, "missing clock-frequency");
	if (!hz)
		return sim_fail(ld, node, "clock-frequency: must not be 0");
	k->rate = hz;
	return k->type == SIM_CLK_PLL ? check_rate(ld, node, c, id, hz) : 0;
}

/* First pass: count the clock@ children and place each at its reg. */
static int collect(struct sim_loader *ld, int node, struct sim_clock *c)
{
	uint32_t reg;
	int child, ret;

	fdt_for_each_subnode(child, ld->fdt, node)
	{
		ret = sim_unit_node(ld, child, "clock", &reg);
		if (ret)
			return ret;
		if (reg >= c->count)
			return sim_fail(ld, child,
					"reg: clock ids must be 0..%" PRIu32 ", contiguous",
					c->count - 1);
		if (c->clk[reg].node >= 0)
			return sim_fail(ld, child, "reg: duplicate clock id");
		c->clk[reg].node = child;
		ret = load_type(ld, child, &c->clk[reg]);
		if (ret)
			return ret;
	}
	/* Every reg below the count and none twice: the ids are 0..count-1, each once. */
	return sim_walk_end(ld, node, child);
}

int sim_clock_load(struct sim_loader *ld, int node)
{
	struct sim_clock *c;
	uint32_t n = 0, i;
	int child, ret;

	if (node < 0)
		return 0;
	fdt_for_each_subnode(child, ld->fdt, node)
	{
		if (++n > SIM_CLOCK_MAX)
			return sim_fail(ld, node, "more than %u clocks", SIM_CLOCK_MAX);
	}
	ret = sim_walk_end(ld, node, child);
	if (ret)
		return ret;
	if (n) {
		ret = sim_check_cells(ld, node, 1, 0);
		if (ret)
			return ret;
	}
	c = sim_calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->clk = sim_calloc(n ? n : 1, sizeof(*c->clk));
	if (!c->clk) {
		sim_free(c);
		return -ENOMEM;
	}
	c->count = n;
	for (i = 0; i < n; i++)
		c->clk[i].node = -1;
	ret = collect(ld, node, c);
	for (i = 0; !ret && i < n; i++)
		ret = load_clock(ld, c->clk[i].node, c, i);
	if (ret)
		goto err_free;
	ld->p->clock = c;
	return 0;

err_free:
	sim_free(c->clk);
	sim_free(c);
	return ret;
}

void sim_clock_free(struct sim_platform *p)
{
	if (!p->clock)
		return;
	sim_free(p->clock->clk);
	sim_free(p->clock);
	p->clock = NULL;
}
