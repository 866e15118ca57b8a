// SPDX-License-Identifier: BSD-3-Clause
/* The normal world's memory (nsmem.h). Host-buildable. */
#include "fw/nsmem.h"

static bool add(struct fw_range *tab, size_t n, uint64_t base, uint64_t size, void *va)
{
	if (!size || base + size < base)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (tab[i].size)
			continue;
		tab[i].base = base;
		tab[i].size = size;
		tab[i].va = va;
		return true;
	}
	return false;
}

bool fw_ns_add_ram(struct fw_nsmem *ns, uint64_t base, uint64_t size, void *va)
{
	return add(ns->ram, FW_NS_MAX_RAM, base, size, va);
}

bool fw_ns_add_secure(struct fw_nsmem *ns, uint64_t base, uint64_t size)
{
	return add(ns->secure, FW_NS_MAX_SECURE, base, size, NULL);
}

/* Whether [pa, pa + size) lies inside @r; @size > 0 and the range does not wrap. */
static bool inside(const struct fw_range *r, uint64_t pa, uint64_t size)
{
	return r->size && pa >= r->base && pa - r->base <= r->size &&
	       size <= r->size - (pa - r->base);
}

static bool overlaps(const struct fw_range *r, uint64_t pa, uint64_t size)
{
	return r->size && pa < r->base + r->size && r->base < pa + size;
}

static const struct fw_range *find(const struct fw_nsmem *ns, uint64_t pa, uint64_t size)
{
	const struct fw_range *hit = NULL;

	if (!ns || !size || pa + size < pa)
		return NULL;
	for (size_t i = 0; i < FW_NS_MAX_RAM && !hit; i++)
		if (inside(&ns->ram[i], pa, size))
			hit = &ns->ram[i];
	if (!hit)
		return NULL;
	for (size_t i = 0; i < FW_NS_MAX_SECURE; i++)
		if (overlaps(&ns->secure[i], pa, size))
			return NULL;
	return hit;
}

bool fw_ns_range_ok(const struct fw_nsmem *ns, uint64_t pa, uint64_t size)
{
	return find(ns, pa, size) != NULL;
}

void *fw_ns_map(const struct fw_nsmem *ns, uint64_t pa, uint64_t size)
{
	const struct fw_range *r = find(ns, pa, size);

	return r ? r->va + (pa - r->base) : NULL;
}
