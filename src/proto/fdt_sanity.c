// SPDX-License-Identifier: BSD-3-Clause
/* Structural pre-check of a flattened device tree (see fdt_sanity.h). Freestanding. */
#include <stdint.h>

#include "scmi/proto/fdt_sanity.h"

#define FDT_MAGIC      0xd00dfeedu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE   2u
#define FDT_PROP       3u
#define FDT_NOP	       4u
#define FDT_END	       9u
#define FDT_HDR_SIZE   40u
#define FDT_MAX_DEPTH  64

/* Device trees are big-endian. */
static uint32_t be32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static int fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -1;
}

size_t scmi_fdt_struct_size(const void *fdt)
{
	const uint8_t *b = fdt;
	uint32_t total = be32(b + 4), off_struct = be32(b + 8);

	if (be32(b + 20) >= 17)
		return be32(b + 36);
	return total - (off_struct < total ? off_struct : total);
}

int scmi_fdt_sanity(const void *fdt, size_t size, const char **why)
{
	const uint8_t *b = fdt;
	uint32_t total, off_struct, version, size_struct;
	size_t pos, end;
	int depth = 0;

	if (!b || size < FDT_HDR_SIZE)
		return fail(why, "too small for a header");
	if (be32(b) != FDT_MAGIC)
		return fail(why, "bad magic");
	total = be32(b + 4);
	off_struct = be32(b + 8);
	version = be32(b + 20);
	if (version < 16 || version > 17)
		return fail(why, "unsupported format version");
	if (total < FDT_HDR_SIZE || total > size)
		return fail(why, "totalsize beyond the blob");
	size_struct = (uint32_t)scmi_fdt_struct_size(fdt);
	if (off_struct < FDT_HDR_SIZE || off_struct > total || size_struct > total - off_struct ||
	    (off_struct & 3u))
		return fail(why, "structure block outside the blob");
	pos = off_struct;
	end = (size_t)off_struct + size_struct;
	while (pos + 4 <= end) {
		uint32_t tag = be32(b + pos);

		pos += 4;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (++depth > FDT_MAX_DEPTH)
				return fail(why, "nodes nested too deep");
			while (pos < end && b[pos])
				pos++;
			if (pos >= end)
				return fail(why, "node name not terminated");
			pos = (pos + 1 + 3) & ~(size_t)3;
			break;
		case FDT_END_NODE:
			if (--depth < 0)
				return fail(why, "unbalanced end of node");
			break;
		case FDT_PROP: {
			uint32_t len;

			if (pos + 8 > end)
				return fail(why, "truncated property");
			len = be32(b + pos);
			pos += 8;
			if (len > end - pos)
				return fail(why, "property longer than the structure block");
			pos = (pos + len + 3) & ~(size_t)3;
			break;
		}
		case FDT_NOP:
			break;
		case FDT_END:
			return depth == 0 ? 0 : fail(why, "end inside a node");
		default:
			return fail(why, "unknown structure token");
		}
	}
	return fail(why, "no end token");
}
