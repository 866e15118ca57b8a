// SPDX-License-Identifier: BSD-3-Clause
/*
 * Checked property readers for the platform loader. Every reader bounds its
 * access by the length libfdt reports and turns a wrong type or length into
 * a one-line error naming the node and the property.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_platform_priv.h"

#define SIM_PATH_MAX 256

static void node_path(struct sim_loader *ld, int node, char *buf, size_t len)
{
	char plat[SIM_PATH_MAX];
	size_t n;

	if (node < 0) {
		sim_snprintf(buf, len, "/");
		return;
	}
	if (fdt_get_path(ld->fdt, node, buf, (int)len) < 0) {
		sim_snprintf(buf, len, "<node at %d>", node);
		return;
	}
	if (ld->plat_node < 0 || node == ld->plat_node) {
		if (node == ld->plat_node) {
			const char *name = fdt_get_name(ld->fdt, node, NULL);

			sim_snprintf(buf, len, "%s", name ? name : "?");
		}
		return;
	}
	if (fdt_get_path(ld->fdt, ld->plat_node, plat, sizeof(plat)) < 0)
		return;
	n = strlen(plat);
	/* Inside the platform node: drop the prefix, so messages read "agents/agent@2". */
	if (n > 1 && strncmp(buf, plat, n) == 0 && buf[n] == '/')
		memmove(buf, buf + n + 1, strlen(buf + n + 1) + 1);
}

/*
 * Copy @src into @dst (@len bytes, NUL-terminated) with every byte outside printable ASCII as
 * \xHH: node and property names come from the DT, and a hostile one must not reach the
 * terminal that prints the error as control sequences.
 */
static void escape_into(char *dst, size_t len, const char *src)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	for (; *src && o + 1 < len; src++) {
		unsigned char c = (unsigned char)*src;

		if (c >= 0x20 && c < 0x7f) {
			dst[o++] = (char)c;
			continue;
		}
		if (o + 5 > len)
			break;
		dst[o++] = '\\';
		dst[o++] = 'x';
		dst[o++] = hex[c >> 4];
		dst[o++] = hex[c & 0xfu];
	}
	dst[o] = '\0';
}

void sim_report(struct sim_loader *ld, int node, const char *fmt, ...)
{
	char path[SIM_PATH_MAX];
	char msg[SIM_PATH_MAX];
	char raw[2 * SIM_PATH_MAX + 2];
	va_list ap;

	if (!ld->err || !ld->err_len)
		return;
	va_start(ap, fmt);
	sim_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	node_path(ld, node, path, sizeof(path));
	sim_snprintf(raw, sizeof(raw), "%s: %s", path, msg);
	escape_into(ld->err, ld->err_len, raw);
}

/* Mark @prop read: its bit is its offset in the structure block, in tags. */
static void mark_seen(struct sim_loader *ld, const struct fdt_property *prop)
{
	size_t off =
	    (size_t)((const char *)prop - (const char *)ld->fdt) - fdt_off_dt_struct(ld->fdt);
	size_t bit = off / FDT_TAGSIZE;

	if (ld->seen && bit < ld->seen_bits)
		ld->seen[bit / 32u] |= 1u << (bit % 32u);
}

static void seen_by_name(struct sim_loader *ld, int node, const char *name)
{
	const struct fdt_property *prop = fdt_get_property(ld->fdt, node, name, NULL);

	if (prop)
		mark_seen(ld, prop);
}

/*
 * Property @name of @node, marked read: from the index, or from libfdt for an offset the
 * index does not know as a node (libfdt's error then). NULL with *@lenp the error.
 */
const void *sim_getprop(struct sim_loader *ld, int node, const char *name, int *lenp)
{
	const struct sim_prop *pr;
	bool indexed;

	pr = sim_prop_find(ld, node, name, &indexed);
	if (!indexed) {
		seen_by_name(ld, node, name);
		return fdt_getprop(ld->fdt, node, name, lenp);
	}
	if (!pr) {
		if (lenp)
			*lenp = -FDT_ERR_NOTFOUND;
		return NULL;
	}
	if (ld->seen && pr->bit < ld->seen_bits)
		sim_bit_set(ld->seen, pr->bit);
	if (lenp)
		*lenp = pr->len;
	return pr->data;
}

int sim_node_check_compatible(struct sim_loader *ld, int node, const char *compatible)
{
	const void *list;
	int len;

	list = sim_getprop(ld, node, "compatible", &len);
	if (!list)
		return len;
	return !fdt_stringlist_contains(list, len, compatible);
}

int sim_stringlist_count(struct sim_loader *ld, int node, const char *name)
{
	const char *list, *end;
	int len, count = 0;

	list = sim_getprop(ld, node, name, &len);
	if (!list)
		return len;
	for (end = list + len; list < end; count++) {
		size_t n = strnlen(list, (size_t)(end - list)) + 1u;

		if (n > (size_t)(end - list))
			return -FDT_ERR_BADVALUE;
		list += n;
	}
	return count;
}

/* Known to every node: the cells of its children's addresses, and what dtc adds for labels. */
static bool structural_prop(const char *name)
{
	return !strcmp(name, "#address-cells") || !strcmp(name, "#size-cells") ||
	       !strcmp(name, "phandle") || !strcmp(name, "linux,phandle");
}

/* The first property of @node no loader read, other than a structural one: -EINVAL. */
static int check_node_props(struct sim_loader *ld, int node)
{
	const struct sim_prop *pr;
	uint32_t i;

	for (i = 0; (pr = sim_node_prop_at(ld, node, i)) != NULL; i++) {
		if (pr->bit < ld->seen_bits && sim_bit_test(ld->seen, pr->bit))
			continue;
		if (!structural_prop(pr->name))
			return sim_fail(ld, node,
					"unknown property '%s' (not in the binding for this node)",
					pr->name);
	}
	return 0;
}

int sim_check_known_props(struct sim_loader *ld)
{
	int node = ld->plat_node, depth = 0, skip_below = -1, ret;
	const char *name;

	/* The platform node (depth 0), then its subtree (depth > 0), in tree order. */
	for (; node >= 0 && (node == ld->plat_node || depth > 0);
	     node = fdt_next_node(ld->fdt, node, &depth)) {
		if (skip_below >= 0 && depth <= skip_below)
			skip_below = -1;
		if (skip_below >= 0)
			continue;
		/* The rules under faults are fault injection's to check (src/secure/fault_dt.c). */
		name = fdt_get_name(ld->fdt, node, NULL);
		if (depth == 1 && name && !strcmp(name, "faults"))
			skip_below = depth;
		ret = check_node_props(ld, node);
		if (ret)
			return ret;
	}
	return 0;
}

int sim_prop_u32(struct sim_loader *ld, int node, const char *name, uint32_t *val)
{
	const fdt32_t *v;
	int len;

	v = sim_getprop(ld, node, name, &len);
	if (!v) {
		if (len == -FDT_ERR_NOTFOUND)
			return -ENOENT;
		return sim_fail(ld, node, "%s: unreadable (%s)", name, fdt_strerror(len));
	}
	if (len != (int)sizeof(*v))
		return sim_fail(ld, node, "%s: must be one cell, is %d bytes", name, len);
	*val = fdt32_ld(v);
	return 0;
}

int sim_prop_name(struct sim_loader *ld, int node, const char *name, bool allow_empty,
		  char out[SCMI_SHORT_NAME_SIZE])
{
	const char *s;
	int len, i;

	s = sim_getprop(ld, node, name, &len);
	if (!s) {
		if (len == -FDT_ERR_NOTFOUND)
			return -ENOENT;
		return sim_fail(ld, node, "%s: unreadable (%s)", name, fdt_strerror(len));
	}
	if (len < 1 || s[len - 1] != '\0' || memchr(s, '\0', (size_t)len) != s + len - 1)
		return sim_fail(ld, node, "%s: not a single string", name);
	if (len - 1 > SCMI_SHORT_NAME_SIZE - 1)
		return sim_fail(ld, node, "%s: longer than %d characters", name,
				SCMI_SHORT_NAME_SIZE - 1);
	if (len == 1 && !allow_empty)
		return sim_fail(ld, node, "%s: empty", name);
	for (i = 0; i < len - 1; i++) {
		if (s[i] < 0x20 || s[i] > 0x7e)
			return sim_fail(ld, node, "%s: not printable ASCII", name);
	}
	memset(out, 0, SCMI_SHORT_NAME_SIZE);
	memcpy(out, s, (size_t)len - 1);
	return 0;
}

int sim_check_cells(struct sim_loader *ld, int node, uint32_t ac, uint32_t sc)
{
	uint32_t v = 0;
	int ret;

	ret = sim_prop_u32(ld, node, "#address-cells", &v);
	if (ret == -ENOENT || (!ret && v != ac))
		return sim_fail(ld, node, "#address-cells: must be <%" PRIu32 ">", ac);
	if (ret)
		return ret;
	ret = sim_prop_u32(ld, node, "#size-cells", &v);
	if (ret == -ENOENT || (!ret && v != sc))
		return sim_fail(ld, node, "#size-cells: must be <%" PRIu32 ">", sc);
	return ret;
}

int sim_unit_node(struct sim_loader *ld, int node, const char *base, uint32_t *reg)
{
	char expect[64];
	const char *name;
	size_t blen = strlen(base);
	int len, ret;

	name = fdt_get_name(ld->fdt, node, &len);
	if (!name)
		return sim_fail(ld, node, "unreadable node name (%s)", fdt_strerror(len));
	if (strncmp(name, base, blen) != 0 || (name[blen] != '@' && name[blen] != '\0'))
		return sim_fail(ld, node, "unexpected node (expected %s@<id>)", base);
	ret = sim_prop_u32(ld, node, "reg", reg);
	if (ret == -ENOENT)
		return sim_fail(ld, node, "missing reg");
	if (ret)
		return ret;
	sim_snprintf(expect, sizeof(expect), "%s@%" PRIx32, base, *reg);
	if (strcmp(name, expect) != 0)
		return sim_fail(ld, node, "unit address does not match reg (expected %s)", expect);
	return 0;
}

int sim_walk_end(struct sim_loader *ld, int parent, int last)
{
	if (last == -FDT_ERR_NOTFOUND)
		return 0;
	return sim_fail(ld, parent, "corrupt subnodes (%s)", fdt_strerror(last));
}

int sim_load_domain_model(struct sim_loader *ld, int node, const struct sim_domain_model *m,
			  void **out)
{
	void *model;
	int ret;

	*out = NULL;
	if (node < 0)
		return 0;
	model = sim_calloc(1, m->size);
	if (!model)
		return sim_fail(ld, node, "out of memory");
	ret = sim_load_domains(ld, node, m->max, (uint32_t *)((char *)model + m->count_off),
			       m->load, model);
	if (!ret && m->finish)
		ret = m->finish(ld, model);
	if (ret) {
		sim_free(model);
		return ret;
	}
	*out = model;
	return 0;
}

int sim_load_domains(struct sim_loader *ld, int node, uint32_t max, uint32_t *count,
		     int (*load)(struct sim_loader *ld, int child, uint32_t id, void *ctx),
		     void *ctx)
{
	uint32_t seen[SIM_LOAD_MAX_DOMAINS / 32u] = {0};
	uint32_t id, n = 0;
	int child, ret;

	if (max > SIM_LOAD_MAX_DOMAINS)
		return -EINVAL;
	child = fdt_first_subnode(ld->fdt, node);
	if (child >= 0) {
		ret = sim_check_cells(ld, node, 1, 0);
		if (ret)
			return ret;
	}
	for (; child >= 0; child = fdt_next_subnode(ld->fdt, child)) {
		ret = sim_unit_node(ld, child, "domain", &id);
		if (ret)
			return ret;
		if (id >= max)
			return sim_fail(ld, child, "domain id %u: at most %u domains", id, max);
		if (sim_bit_test(seen, id))
			return sim_fail(ld, child, "duplicate domain id %u", id);
		sim_bit_set(seen, id);
		if (id + 1 > n)
			n = id + 1;
		ret = load(ld, child, id, ctx);
		if (ret)
			return ret;
	}
	ret = sim_walk_end(ld, node, child);
	if (ret)
		return ret;
	for (id = 0; id < n; id++) {
		if (!sim_bit_test(seen, id))
			return sim_fail(ld, node,
					"domain ids must be contiguous from 0: %u missing", id);
	}
	*count = n;
	return 0;
}
