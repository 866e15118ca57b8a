// SPDX-License-Identifier: BSD-3-Clause
/*
 * Guest memory regions of a vhost-user frontend and bounds-checked address
 * translation. A len of 0 is refused too: callers ask for what they touch.
 *
 * A region's memory object must be sealed against shrinking (F_SEAL_SHRINK,
 * as QEMU's memory-backend-memfd seals it by default). The frontend keeps its
 * own fd: were the object not sealed, it could truncate it after
 * SET_MEM_TABLE and our next touch of a ring (any thread: the device's, the
 * event path's) would take SIGBUS and kill the whole daemon, OP-TEE socket
 * and other frontends included. Seals cannot be removed, so a sealed object
 * that is long enough now stays long enough.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "secure/vhost_user_mem.h"

/* Whether [a, a + len) lies in [base, base + size) without any sum overflowing. */
static int in_range(uint64_t a, uint64_t len, uint64_t base, uint64_t size)
{
	return len && a >= base && a - base <= size && len <= size - (a - base);
}

static int region_ok(const struct vhu_mem_table *t, uint32_t i)
{
	const struct vhu_mem_region *r = &t->regions[i];

	if (!r->size || r->gpa + r->size < r->gpa || r->uaddr + r->size < r->uaddr ||
	    r->mmap_offset + r->size < r->mmap_offset || r->mmap_offset + r->size > SIZE_MAX)
		return 0;
	for (uint32_t j = 0; j < i; j++) {
		const struct vhu_mem_region *o = &t->regions[j];

		if (r->gpa < o->gpa + o->size && o->gpa < r->gpa + r->size)
			return 0;
	}
	return 1;
}

int vhu_mem_set(struct vhu_mem *mem, const struct vhu_mem_table *t, int *fds, size_t nfds)
{
	struct vhu_mem nm = {0};
	int rc = -EINVAL;
	uint32_t i;

	if (t->nregions > VHU_MAX_REGIONS || nfds != t->nregions)
		goto out_fds;
	for (i = 0; i < t->nregions; i++) {
		const struct vhu_mem_region *r = &t->regions[i];
		struct stat st;
		int seals;
		void *p;

		if (!region_ok(t, i)) {
			rc = -EINVAL;
			goto err_unmap;
		}
		nm.map_len[i] = (size_t)(r->mmap_offset + r->size);
		/* Only what can never shrink (fails with EINVAL where sealing is unknown). */
		seals = fcntl(fds[i], F_GET_SEALS);
		if (seals < 0 || !(seals & F_SEAL_SHRINK)) {
			rc = -EINVAL;
			goto err_unmap;
		}
		/* Touching a mapping past the end of its file is SIGBUS: refuse it now. */
		if (fstat(fds[i], &st)) {
			rc = -errno;
			goto err_unmap;
		}
		if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size < r->mmap_offset + r->size) {
			rc = -EINVAL;
			goto err_unmap;
		}
		p = mmap(NULL, nm.map_len[i], PROT_READ | PROT_WRITE, MAP_SHARED, fds[i], 0);
		if (p == MAP_FAILED) {
			rc = -errno;
			goto err_unmap;
		}
		nm.map[i] = p;
		nm.r[i] = *r;
		nm.n = i + 1;
	}
	vhu_mem_clear(mem);
	*mem = nm;
	rc = 0;
	goto out_fds;

err_unmap:
	vhu_mem_clear(&nm);
out_fds:
	for (i = 0; i < nfds; i++)
		close(fds[i]);
	return rc;
}

void vhu_mem_clear(struct vhu_mem *mem)
{
	for (size_t i = 0; i < mem->n; i++)
		munmap(mem->map[i], mem->map_len[i]);
	memset(mem, 0, sizeof(*mem));
}

void *vhu_mem_gpa(const struct vhu_mem *mem, uint64_t gpa, uint64_t len)
{
	for (size_t i = 0; i < mem->n; i++) {
		const struct vhu_mem_region *r = &mem->r[i];

		if (in_range(gpa, len, r->gpa, r->size))
			return mem->map[i] + r->mmap_offset + (gpa - r->gpa);
	}
	return NULL;
}

void *vhu_mem_uva(const struct vhu_mem *mem, uint64_t uva, uint64_t len)
{
	for (size_t i = 0; i < mem->n; i++) {
		const struct vhu_mem_region *r = &mem->r[i];

		if (in_range(uva, len, r->uaddr, r->size))
			return mem->map[i] + r->mmap_offset + (uva - r->uaddr);
	}
	return NULL;
}
