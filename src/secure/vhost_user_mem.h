/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guest memory as the vhost-user frontend describes it in SET_MEM_TABLE: a
 * few regions, each an fd we map, known by a guest-physical address (what
 * descriptors carry) and a frontend-virtual address (what SET_VRING_ADDR
 * carries). Every translation checks that the whole range lies inside one
 * region: a guest can put any number in a descriptor.
 */
#ifndef SCMI_SECURE_VHOST_USER_MEM_H
#define SCMI_SECURE_VHOST_USER_MEM_H

#include <stddef.h>
#include <stdint.h>

#include "secure/vhost_user_proto.h"

/**
 * struct vhu_mem - the mapped regions.
 * @n:       regions in use
 * @r:       what the frontend said about each
 * @map:     our mapping of each fd (from offset 0, @map_len bytes)
 * @map_len: bytes mapped (mmap_offset + size)
 */
struct vhu_mem {
	size_t n;
	struct vhu_mem_region r[VHU_MAX_REGIONS];
	uint8_t *map[VHU_MAX_REGIONS];
	size_t map_len[VHU_MAX_REGIONS];
};

/**
 * vhu_mem_set() - replace @mem by the table @t whose region i is in @fds[i] (@nfds of
 * them, which must equal t->nregions). The fds are always closed (a mapping outlives
 * its fd). On error (-EINVAL for a bad region: empty, overflowing, overlapping in
 * guest-physical space, its object not sealed against shrinking or shorter than the
 * region; -errno from mmap) @mem is left as it was.
 */
int vhu_mem_set(struct vhu_mem *mem, const struct vhu_mem_table *t, int *fds, size_t nfds);

/** vhu_mem_clear() - unmap every region. */
void vhu_mem_clear(struct vhu_mem *mem);

/** vhu_mem_gpa() - host pointer for guest-physical [@gpa, @gpa + @len), or NULL. */
void *vhu_mem_gpa(const struct vhu_mem *mem, uint64_t gpa, uint64_t len);

/** vhu_mem_uva() - host pointer for frontend-virtual [@uva, @uva + @len), or NULL. */
void *vhu_mem_uva(const struct vhu_mem *mem, uint64_t uva, uint64_t len);

#endif /* SCMI_SECURE_VHOST_USER_MEM_H */
