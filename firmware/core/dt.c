// SPDX-License-Identifier: BSD-3-Clause
/* The firmware's device-tree scan (dt.h). Host-buildable. */
#include <string.h>

#include "fw/dt.h"
#include "scmi/proto/fdt_sanity.h"

#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE   2u
#define FDT_PROP       3u
#define FDT_END	       9u

static uint32_t be32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* @cells big-endian cells at @p (1 or 2 supported). */
static uint64_t cells(const uint8_t *p, uint32_t n)
{
	return n == 2 ? ((uint64_t)be32(p) << 32) | be32(p + 4) : be32(p);
}

/**
 * struct scan - the walk's position.
 * @ac/@sc:           root #address-cells / #size-cells
 * @rac/@rsc:         /reserved-memory's
 * @in_mem, @in_resv: the current depth-2 node is a memory node / reserved-memory
 * @reg, @reg_len:    reg of the current reserved-memory child
 * @no_map:           it has no-map
 */
struct scan {
	uint32_t ac, sc, rac, rsc;
	bool in_mem, in_resv;
	const uint8_t *reg;
	uint32_t reg_len;
	bool no_map;
};

static void add(struct fw_dt_region *tab, size_t *n, size_t max, uint64_t base, uint64_t size)
{
	if (*n < max && size && base + size > base) {
		tab[*n].base = base;
		tab[*n].size = size;
		(*n)++;
	}
}

/* Every (address, size) pair of a reg property. */
static void add_reg(struct fw_dt_region *tab, size_t *n, size_t max, const uint8_t *v, uint32_t len,
		    uint32_t ac, uint32_t sc)
{
	uint32_t step = 4 * (ac + sc);

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return;
	for (uint32_t off = 0; off < len && len - off >= step; off += step)
		add(tab, n, max, cells(v + off, ac), cells(v + off + (size_t)4 * ac, sc));
}

static bool is_memory(const char *name)
{
	return !strcmp(name, "memory") || !strncmp(name, "memory@", 7);
}

static bool is_resv(const char *name)
{
	return !strcmp(name, "reserved-memory");
}

static void prop(struct scan *s, struct fw_dt_info *info, int depth, const char *name,
		 const uint8_t *v, uint32_t len)
{
	if (depth == 1 && len == 4) {
		if (!strcmp(name, "#address-cells"))
			s->ac = be32(v);
		else if (!strcmp(name, "#size-cells"))
			s->sc = be32(v);
	} else if (depth == 2 && s->in_mem && !strcmp(name, "reg")) {
		add_reg(info->mem, &info->num_mem, FW_DT_MAX_MEM, v, len, s->ac, s->sc);
	} else if (depth == 2 && s->in_resv && len == 4) {
		if (!strcmp(name, "#address-cells"))
			s->rac = be32(v);
		else if (!strcmp(name, "#size-cells"))
			s->rsc = be32(v);
	} else if (depth == 3 && s->in_resv) {
		if (!strcmp(name, "reg")) {
			s->reg = v;
			s->reg_len = len;
		} else if (!strcmp(name, "no-map")) {
			s->no_map = true;
		}
	}
}

int fw_dt_scan(const void *fdt, size_t max_size, struct fw_dt_info *info, const char **why)
{
	const uint8_t *b = fdt;
	struct scan s = {.ac = 2, .sc = 1, .rac = 2, .rsc = 1};
	uint32_t off_struct, off_strings, size_strings, pos;
	int depth = 0;

	memset(info, 0, sizeof(*info));
	if (scmi_fdt_sanity(fdt, max_size, why))
		return -1;
	off_struct = be32(b + 8);
	off_strings = be32(b + 12);
	size_strings = be32(b + 32);
	if (off_strings > be32(b + 4) || size_strings > be32(b + 4) - off_strings) {
		if (why)
			*why = "strings block outside the blob";
		return -1;
	}
	/* The sanity walk bounded every token: this walk follows the same steps. */
	for (pos = off_struct;;) {
		uint32_t tag = be32(b + pos);

		pos += 4;
		if (tag == FDT_END)
			return 0;
		if (tag == FDT_BEGIN_NODE) {
			const char *name = (const char *)b + pos;

			depth++;
			if (depth == 2) {
				s.in_mem = is_memory(name);
				s.in_resv = is_resv(name);
			} else if (depth == 3) {
				s.reg = NULL;
				s.no_map = false;
			}
			pos = (pos + (uint32_t)strlen(name) + 1 + 3) & ~3u;
		} else if (tag == FDT_END_NODE) {
			if (depth == 3 && s.in_resv && s.no_map && s.reg)
				add_reg(info->resv, &info->num_resv, FW_DT_MAX_RESV, s.reg,
					s.reg_len, s.rac, s.rsc);
			depth--;
		} else if (tag == FDT_PROP) {
			uint32_t len = be32(b + pos), nameoff = be32(b + pos + 4);
			const char *name;

			pos += 8;
			/* A name must end inside the strings block. */
			if (nameoff < size_strings &&
			    memchr(b + off_strings + nameoff, 0, size_strings - nameoff)) {
				name = (const char *)b + off_strings + nameoff;
				prop(&s, info, depth, name, b + pos, len);
			}
			pos = (pos + len + 3) & ~3u;
		}
	}
}

bool fw_dt_reserved(const struct fw_dt_info *info, uint64_t base, uint64_t size)
{
	for (size_t i = 0; i < info->num_resv; i++) {
		const struct fw_dt_region *r = &info->resv[i];

		if (base >= r->base && base - r->base <= r->size &&
		    size <= r->size - (base - r->base))
			return true;
	}
	return false;
}
