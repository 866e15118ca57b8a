// SPDX-License-Identifier: BSD-3-Clause
/*
 * An index of the platform DT, built in two passes over the structure block before the
 * loaders run: every node's parent, every phandle's node and every node's properties.
 * libfdt answers the first two by walking the tree from its start (fdt_node_offset_by_phandle,
 * fdt_parent_offset) and a property by walking the node's properties and comparing names
 * through the strings block; the loaders ask for every clock parent, supply and device
 * resource and read each property twice (once to mark it read): loading the default platform
 * spent more than two thirds of its 35 million instructions in those walks, then 40 % of
 * the 12 million left in property lookups.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_platform_priv.h"

/* Nodes deeper than this are refused: no binding nests so far, and the pass keeps a stack. */
#define SIM_FDT_MAX_DEPTH 32

static void sift_down(struct sim_phandle *a, size_t root, size_t n)
{
	for (;;) {
		size_t child = 2 * root + 1;
		struct sim_phandle t;

		if (child >= n)
			return;
		if (child + 1 < n && a[child + 1].phandle > a[child].phandle)
			child++;
		if (a[root].phandle >= a[child].phandle)
			return;
		t = a[root];
		a[root] = a[child];
		a[child] = t;
		root = child;
	}
}

/* Heapsort by phandle: no qsort in the freestanding environment, and n log n on any DT. */
static void sort_phandles(struct sim_phandle *a, size_t n)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		sift_down(a, i, n);
	while (n > 1) {
		struct sim_phandle t = a[0];

		a[0] = a[n - 1];
		a[n - 1] = t;
		sift_down(a, 0, --n);
	}
}

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s) {
		h ^= (uint8_t)*s++;
		h *= 16777619u;
	}
	return h;
}

static size_t slot_of(int offset)
{
	return (size_t)offset / FDT_TAGSIZE;
}

/*
 * A node's phandle, as fdt_get_phandle() reads it: "phandle", else "linux,phandle", one
 * cell. @n counts the phandles found so far; a node's second phandle property replaces
 * its first only when it is "phandle" (dtc writes both for old trees, with one value).
 */
static void note_phandle(struct sim_loader *ld, bool fill, int node, const char *name,
			 const struct fdt_property *pr, int len, size_t *n, int *last_node)
{
	bool modern = strcmp(name, "phandle") == 0;
	uint32_t ph;

	if ((!modern && strcmp(name, "linux,phandle") != 0) || len != (int)sizeof(fdt32_t))
		return;
	ph = fdt32_ld((const fdt32_t *)pr->data);
	if (*last_node == node) {
		if (modern && fill)
			ld->phandles[*n - 1].phandle = ph;
		return;
	}
	if (!ph)
		return;
	if (fill)
		ld->phandles[*n] = (struct sim_phandle){ph, node};
	(*n)++;
	*last_node = node;
}

/*
 * One pass over the structure block, tag by tag: count the properties and phandles, or,
 * with @fill, record every node's parent and properties and every phandle.
 */
static int index_pass(struct sim_loader *ld, bool fill, size_t *num_props, size_t *num_ph)
{
	int stack[SIM_FDT_MAX_DEPTH];
	int depth = -1, node = -1, last_ph = -1, off = 0, next, len;
	size_t np = 0, nph = 0;
	const struct fdt_property *pr;
	const char *name;

	for (;;) {
		uint32_t tag = fdt_next_tag(ld->fdt, off, &next);

		if (tag != FDT_END && (next < 0 || slot_of(off) >= ld->seen_bits))
			return sim_fail(ld, node, "structure block cut short");
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (++depth >= SIM_FDT_MAX_DEPTH)
				return sim_fail(ld, off, "nested deeper than %d nodes",
						SIM_FDT_MAX_DEPTH);
			stack[depth] = node = off;
			if (fill) {
				ld->parent[slot_of(off)] = depth ? stack[depth - 1] : -1;
				ld->node_props[slot_of(off)].first = (uint32_t)np + 1u;
			}
			break;
		case FDT_PROP:
			pr = fdt_get_property_by_offset(ld->fdt, off, &len);
			name =
			    pr ? fdt_get_string(ld->fdt, (int)fdt32_ld(&pr->nameoff), NULL) : NULL;
			if (!name || node < 0)
				return sim_fail(ld, node, "unreadable property");
			if (fill) {
				ld->props[np] = (struct sim_prop){
				    name, pr->data, len, name_hash(name), (uint32_t)slot_of(off)};
				ld->node_props[slot_of(node)].count++;
			}
			np++;
			note_phandle(ld, fill, node, name, pr, len, &nph, &last_ph);
			break;
		case FDT_END_NODE:
			if (depth < 0)
				return sim_fail(ld, -1, "a node ends that never began");
			node = --depth >= 0 ? stack[depth] : -1;
			break;
		case FDT_NOP:
			break;
		case FDT_END:
			*num_props = np;
			*num_ph = nph;
			return 0;
		default:
			return sim_fail(ld, node, "unknown tag 0x%x in the structure block", tag);
		}
		off = next;
	}
}

int sim_fdt_index_build(struct sim_loader *ld)
{
	size_t slots = ld->seen_bits, np, nph, i;
	int ret;

	ret = index_pass(ld, false, &np, &nph);
	if (ret)
		return ret;
	ld->parent = sim_calloc(slots, sizeof(*ld->parent));
	ld->node_props = sim_calloc(slots, sizeof(*ld->node_props));
	ld->props = sim_calloc(np ? np : 1, sizeof(*ld->props));
	ld->phandles = sim_calloc(nph ? nph : 1, sizeof(*ld->phandles));
	if (!ld->parent || !ld->node_props || !ld->props || !ld->phandles)
		return -ENOMEM;
	ret = index_pass(ld, true, &ld->num_props, &ld->num_phandles);
	if (ret)
		return ret;
	sort_phandles(ld->phandles, ld->num_phandles);
	for (i = 1; i < ld->num_phandles; i++)
		if (ld->phandles[i].phandle == ld->phandles[i - 1].phandle)
			return sim_fail(ld, ld->phandles[i].node,
					"phandle 0x%x is also the phandle of another node",
					ld->phandles[i].phandle);
	return 0;
}

void sim_fdt_index_free(struct sim_loader *ld)
{
	sim_free(ld->parent);
	sim_free(ld->phandles);
	sim_free(ld->props);
	sim_free(ld->node_props);
	ld->parent = NULL;
	ld->phandles = NULL;
	ld->props = NULL;
	ld->node_props = NULL;
	ld->num_phandles = 0;
	ld->num_props = 0;
}

static const struct sim_node_props *node_entry(const struct sim_loader *ld, int node)
{
	const struct sim_node_props *np;

	if (!ld->node_props || node < 0 || slot_of(node) >= ld->seen_bits)
		return NULL;
	np = &ld->node_props[slot_of(node)];
	return np->first ? np : NULL;
}

const struct sim_prop *sim_prop_find(const struct sim_loader *ld, int node, const char *name,
				     bool *indexed)
{
	const struct sim_node_props *np = node_entry(ld, node);
	uint32_t h, i;

	if (indexed)
		*indexed = np != NULL;
	if (!np)
		return NULL;
	h = name_hash(name);
	for (i = 0; i < np->count; i++) {
		const struct sim_prop *pr = &ld->props[np->first - 1u + i];

		if (pr->hash == h && !strcmp(pr->name, name))
			return pr;
	}
	return NULL;
}

const struct sim_prop *sim_node_prop_at(const struct sim_loader *ld, int node, uint32_t i)
{
	const struct sim_node_props *np = node_entry(ld, node);

	return np && i < np->count ? &ld->props[np->first - 1u + i] : NULL;
}

int sim_node_by_phandle(const struct sim_loader *ld, uint32_t phandle)
{
	size_t lo = 0, hi = ld->num_phandles;

	if (!phandle || phandle == (uint32_t)-1)
		return -FDT_ERR_BADPHANDLE;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ld->phandles[mid].phandle == phandle)
			return ld->phandles[mid].node;
		if (ld->phandles[mid].phandle < phandle)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -FDT_ERR_NOTFOUND;
}

int sim_node_parent(const struct sim_loader *ld, int node)
{
	if (node < 0 || (size_t)node / FDT_TAGSIZE >= ld->seen_bits)
		return -FDT_ERR_BADOFFSET;
	return ld->parent[(size_t)node / FDT_TAGSIZE] < 0 ? -FDT_ERR_NOTFOUND
							  : ld->parent[(size_t)node / FDT_TAGSIZE];
}
