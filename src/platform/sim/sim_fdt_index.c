// SPDX-License-Identifier: BSD-3-Clause
/*
 * An index of the platform DT, built in one pass before the loaders run: every node's parent
 * and every phandle's node. libfdt answers both by walking the tree from its start
 * (fdt_node_offset_by_phandle, fdt_parent_offset), and the loaders ask for every clock parent,
 * supply, device resource and shared-memory region: loading the default platform spent more
 * than two thirds of its 35 million instructions in those walks.
 */
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

int sim_fdt_index_build(struct sim_loader *ld)
{
	int stack[SIM_FDT_MAX_DEPTH];
	size_t slots = ld->seen_bits, n = 0, i;
	int depth = -1, node; /* the root is at depth 0 */

	ld->parent = sim_calloc(slots, sizeof(*ld->parent));
	if (!ld->parent)
		return -ENOMEM;
	for (node = fdt_next_node(ld->fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(ld->fdt, node, &depth)) {
		if (depth < 0) /* past the root's end */
			break;
		if (depth >= SIM_FDT_MAX_DEPTH)
			return sim_fail(ld, node, "nested deeper than %d nodes", SIM_FDT_MAX_DEPTH);
		stack[depth] = node;
		ld->parent[(size_t)node / FDT_TAGSIZE] = depth ? stack[depth - 1] : -1;
		if (fdt_get_phandle(ld->fdt, node))
			n++;
	}
	ld->phandles = sim_calloc(n ? n : 1, sizeof(*ld->phandles));
	if (!ld->phandles)
		return -ENOMEM;
	depth = -1;
	for (node = fdt_next_node(ld->fdt, -1, &depth);
	     node >= 0 && depth >= 0 && ld->num_phandles < n;
	     node = fdt_next_node(ld->fdt, node, &depth)) {
		uint32_t ph = fdt_get_phandle(ld->fdt, node);

		if (ph)
			ld->phandles[ld->num_phandles++] = (struct sim_phandle){ph, node};
	}
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
	ld->parent = NULL;
	ld->phandles = NULL;
	ld->num_phandles = 0;
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
