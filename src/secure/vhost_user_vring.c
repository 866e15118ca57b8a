// SPDX-License-Identifier: BSD-3-Clause
/*
 * Split-ring walk. Layouts (all little-endian; we run on little-endian
 * hosts only, as QEMU's vhost-user does with VERSION_1):
 *   descriptor: le64 addr, le32 len, le16 flags, le16 next (16 bytes, align 16)
 *   avail:      le16 flags, le16 idx, le16 ring[num], le16 used_event (align 2)
 *   used:       le16 flags, le16 idx, {le32 id, le32 len}[num], le16 avail_event (align 4)
 * The indexes are shared with the driver: loads acquire, the used index
 * store releases, so the driver sees the element before the index.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "scmi/proto/endian.h"
#include "secure/vhost_user_vring.h"

#define DESC_SIZE 16u

void vhu_vring_init(struct vhu_vring *vq)
{
	memset(vq, 0, sizeof(*vq));
	vq->kick_fd = -1;
	vq->call_fd = -1;
	vq->err_fd = -1;
}

void vhu_vring_reset(struct vhu_vring *vq)
{
	if (vq->kick_fd >= 0)
		close(vq->kick_fd);
	if (vq->call_fd >= 0)
		close(vq->call_fd);
	if (vq->err_fd >= 0)
		close(vq->err_fd);
	vhu_vring_init(vq);
}

int vhu_vring_map(struct vhu_vring *vq, const struct vhu_mem *mem)
{
	uint64_t n = vq->num;

	vq->desc = vq->avail = vq->used = NULL;
	if (!n || !vq->addr_set)
		return -EINVAL;
	vq->desc = vhu_mem_uva(mem, vq->desc_uva, DESC_SIZE * n);
	vq->avail = vhu_mem_uva(mem, vq->avail_uva, 6 + 2 * n);
	vq->used = vhu_mem_uva(mem, vq->used_uva, 6 + 8 * n);
	/*
	 * The spec's alignments, checked on our pointers: the indexes are accessed atomically,
	 * and a frontend choosing odd region offsets must not make that misaligned.
	 */
	if (!vq->desc || !vq->avail || !vq->used || (uintptr_t)vq->desc % 16 ||
	    (uintptr_t)vq->avail % 2 || (uintptr_t)vq->used % 4) {
		vq->desc = vq->avail = vq->used = NULL;
		return -EINVAL;
	}
	return 0;
}

bool vhu_vring_ready(const struct vhu_vring *vq)
{
	return vq->desc && vq->kick_set && vq->enabled && !vq->broken;
}

static uint16_t load_idx(const uint8_t *p)
{
	return __atomic_load_n((const uint16_t *)(const void *)p, __ATOMIC_ACQUIRE);
}

/* Add descriptor (addr, len, flags) to @c; the error, if any, is kept in c->err. */
static void add_seg(struct vhu_chain *c, const struct vhu_mem *mem, uint64_t addr, uint32_t len,
		    uint16_t flags)
{
	struct vhu_seg *s;
	uint8_t *p;

	if (flags & VHU_DESC_F_INDIRECT) {
		c->err = -EINVAL;
		return;
	}
	if (!(flags & VHU_DESC_F_WRITE) && c->n_wr) {
		/* Readable after writable: the spec forbids it. */
		c->err = -EINVAL;
		return;
	}
	if (!len)
		return;
	p = vhu_mem_gpa(mem, addr, len);
	if (!p) {
		c->err = -EFAULT;
		return;
	}
	if (flags & VHU_DESC_F_WRITE) {
		if (c->n_wr == VHU_CHAIN_MAX_SEGS) {
			c->err = -E2BIG;
			return;
		}
		s = &c->wr[c->n_wr++];
		c->wr_len += len;
	} else {
		if (c->n_rd == VHU_CHAIN_MAX_SEGS) {
			c->err = -E2BIG;
			return;
		}
		s = &c->rd[c->n_rd++];
		c->rd_len += len;
	}
	s->p = p;
	s->len = len;
}

int vhu_vring_pop(struct vhu_vring *vq, const struct vhu_mem *mem, struct vhu_chain *c)
{
	uint16_t avail_idx, head, idx;
	uint32_t steps;
	size_t slot;

	if (!vhu_vring_ready(vq))
		return 0;
	avail_idx = load_idx(vq->avail + 2);
	if (avail_idx == vq->last_avail)
		return 0;
	if ((uint16_t)(avail_idx - vq->last_avail) > vq->num)
		goto broken;
	slot = vq->last_avail % vq->num;
	head = scmi_get_le16(vq->avail + 4 + 2 * slot);
	if (head >= vq->num)
		goto broken;
	vq->last_avail++;

	memset(c, 0, sizeof(*c));
	c->head = head;
	idx = head;
	for (steps = 0;; steps++) {
		uint8_t d[DESC_SIZE];
		uint16_t flags, next;

		if (steps == vq->num) {
			/* A chain longer than the queue revisits a descriptor: a loop. */
			c->err = -ELOOP;
			break;
		}
		memcpy(d, vq->desc + (size_t)idx * DESC_SIZE, DESC_SIZE);
		flags = scmi_get_le16(d + 12);
		next = scmi_get_le16(d + 14);
		add_seg(c, mem, scmi_get_le64(d), scmi_get_le32(d + 8), flags);
		if (c->err || !(flags & VHU_DESC_F_NEXT))
			break;
		if (next >= vq->num) {
			c->err = -EFAULT;
			break;
		}
		idx = next;
	}
	if (c->err) {
		c->n_rd = c->n_wr = 0;
		c->rd_len = c->wr_len = 0;
	}
	return 1;

broken:
	vq->broken = true;
	return -EIO;
}

void vhu_vring_push(struct vhu_vring *vq, uint16_t head, uint32_t len)
{
	uint8_t *e = vq->used + 4 + 8 * (size_t)(vq->used_idx % vq->num);

	scmi_put_le32(e, head);
	scmi_put_le32(e + 4, len);
	vq->used_idx++;
	__atomic_store_n((uint16_t *)(void *)(vq->used + 2), vq->used_idx, __ATOMIC_RELEASE);
}

void vhu_vring_notify(struct vhu_vring *vq)
{
	uint64_t one = 1;

	if (vq->call_fd >= 0 && write(vq->call_fd, &one, sizeof(one)) < 0) {
		/* A full eventfd counter still wakes the driver: nothing to do. */
	}
}

size_t vhu_chain_read(const struct vhu_chain *c, void *dst, size_t max)
{
	uint8_t *out = dst;
	size_t done = 0;

	for (size_t i = 0; i < c->n_rd && done < max; i++) {
		size_t n = c->rd[i].len < max - done ? c->rd[i].len : max - done;

		memcpy(out + done, c->rd[i].p, n);
		done += n;
	}
	return done;
}

size_t vhu_chain_write(const struct vhu_chain *c, const void *src, size_t len)
{
	const uint8_t *in = src;
	size_t done = 0;

	for (size_t i = 0; i < c->n_wr && done < len; i++) {
		size_t n = c->wr[i].len < len - done ? c->wr[i].len : len - done;

		memcpy(c->wr[i].p, in + done, n);
		done += n;
	}
	return done;
}
