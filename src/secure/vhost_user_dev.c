// SPDX-License-Identifier: BSD-3-Clause
/*
 * vhost-user requests applied to the device state. Ring life cycle (QEMU's
 * vhost-user.rst): a ring starts when its kick fd arrives (SET_VRING_KICK),
 * stops at GET_VRING_BASE; with VHOST_USER_F_PROTOCOL_FEATURES acked it
 * starts disabled and follows SET_VRING_ENABLE, otherwise it is enabled as
 * soon as it starts. Sizes and indexes are checked here, the message frame
 * in vhost_user_proto.c.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "secure/vhost_user_dev.h"

void vhu_dev_init(struct vhu_dev *d, uint64_t features, uint64_t protocol, uint32_t num_queues)
{
	memset(d, 0, sizeof(*d));
	d->offered = features;
	d->protocol_offered = protocol;
	d->num_queues = num_queues > VHU_DEV_MAX_QUEUES ? VHU_DEV_MAX_QUEUES : num_queues;
	for (size_t i = 0; i < VHU_DEV_MAX_QUEUES; i++)
		vhu_vring_init(&d->vq[i]);
}

void vhu_dev_reset(struct vhu_dev *d)
{
	uint64_t features = d->offered, protocol = d->protocol_offered;
	uint32_t nq = d->num_queues;

	for (size_t i = 0; i < VHU_DEV_MAX_QUEUES; i++)
		vhu_vring_reset(&d->vq[i]);
	vhu_mem_clear(&d->mem);
	vhu_dev_init(d, features, protocol, nq);
}

bool vhu_dev_has_feature(const struct vhu_dev *d, unsigned int bit)
{
	return bit < 64 && (d->features >> bit) & 1;
}

static void close_fds(int *fds, size_t nfds)
{
	for (size_t i = 0; i < nfds; i++)
		close(fds[i]);
}

/* Map queue @q after an address, size or memory change; read the used index once. */
static void remap(struct vhu_dev *d, uint32_t q)
{
	struct vhu_vring *vq = &d->vq[q];

	if (vhu_vring_map(vq, &d->mem))
		return;
	if (!d->used_synced[q]) {
		/* Resume where the driver saw us last (a reconnect, a migration). */
		vq->used_idx =
		    __atomic_load_n((uint16_t *)(void *)(vq->used + 2), __ATOMIC_ACQUIRE);
		d->used_synced[q] = true;
	}
}

static int set_vring_fd(struct vhu_dev *d, const struct vhu_msg *m, int *fds, size_t nfds)
{
	uint64_t v = m->payload.u64;
	uint32_t q = (uint32_t)(v & VHU_VRING_IDX_MASK);
	bool nofd = (v & VHU_VRING_NOFD) != 0;
	struct vhu_vring *vq;
	int fd, *slot;

	if (q >= d->num_queues || (v & ~(VHU_VRING_IDX_MASK | VHU_VRING_NOFD)) ||
	    nfds != (nofd ? 0u : 1u)) {
		close_fds(fds, nfds);
		return -EPROTO;
	}
	vq = &d->vq[q];
	fd = nofd ? -1 : fds[0];
	if (m->request == VHU_SET_VRING_KICK)
		slot = &vq->kick_fd;
	else if (m->request == VHU_SET_VRING_CALL)
		slot = &vq->call_fd;
	else
		slot = &vq->err_fd;
	if (*slot >= 0)
		close(*slot);
	*slot = fd;
	if (m->request == VHU_SET_VRING_KICK) {
		vq->kick_set = true;
		vq->broken = false;
		if (!vhu_dev_has_feature(d, VHU_F_PROTOCOL_FEATURES))
			vq->enabled = true;
	}
	return 0;
}

static int set_vring_state(struct vhu_dev *d, const struct vhu_msg *m)
{
	const struct vhu_vring_state *s = &m->payload.state;
	struct vhu_vring *vq;

	if (s->index >= d->num_queues)
		return -EPROTO;
	vq = &d->vq[s->index];
	switch (m->request) {
	case VHU_SET_VRING_NUM:
		/* Split rings wrap 16-bit indexes modulo the size: a power of two. */
		if (!s->num || s->num > VHU_VRING_MAX_NUM || (s->num & (s->num - 1)))
			return -EPROTO;
		vq->num = s->num;
		remap(d, s->index);
		return 0;
	case VHU_SET_VRING_BASE:
		if (s->num > 0xffff)
			return -EPROTO;
		vq->last_avail = (uint16_t)s->num;
		vq->used_idx = (uint16_t)s->num;
		d->used_synced[s->index] = false;
		remap(d, s->index);
		return 0;
	case VHU_SET_VRING_ENABLE:
		if (s->num > 1)
			return -EPROTO;
		vq->enabled = s->num == 1;
		return 0;
	default:
		return -EPROTO;
	}
}

static int set_vring_addr(struct vhu_dev *d, const struct vhu_msg *m)
{
	const struct vhu_vring_addr *a = &m->payload.addr;
	struct vhu_vring *vq;

	if (a->index >= d->num_queues)
		return -EPROTO;
	vq = &d->vq[a->index];
	vq->desc_uva = a->desc;
	vq->avail_uva = a->avail;
	vq->used_uva = a->used;
	vq->addr_set = true;
	d->used_synced[a->index] = false;
	remap(d, a->index);
	return 0;
}

/* GET_VRING_BASE: stop the ring and say where we are. */
static int get_vring_base(struct vhu_dev *d, const struct vhu_msg *m, struct vhu_msg *reply)
{
	uint32_t q = m->payload.state.index;
	struct vhu_vring *vq;

	if (q >= d->num_queues)
		return -EPROTO;
	vq = &d->vq[q];
	reply->payload.state.index = q;
	reply->payload.state.num = vq->last_avail;
	reply->size = sizeof(reply->payload.state);
	if (vq->kick_fd >= 0)
		close(vq->kick_fd);
	vq->kick_fd = -1;
	vq->kick_set = false;
	return 0;
}

static int set_mem_table(struct vhu_dev *d, const struct vhu_msg *m, int *fds, size_t nfds)
{
	int rc;

	if (nfds != m->payload.mem.nregions) {
		close_fds(fds, nfds);
		return -EPROTO;
	}
	rc = vhu_mem_set(&d->mem, &m->payload.mem, fds, nfds);
	if (rc == -EINVAL)
		return -EPROTO;
	if (rc)
		return rc;
	for (uint32_t q = 0; q < d->num_queues; q++)
		remap(d, q);
	return 0;
}

static void reply_u64(struct vhu_msg *reply, uint64_t v)
{
	reply->payload.u64 = v;
	reply->size = sizeof(uint64_t);
}

/* Requests that carry fds; any other request's fds are closed unused. */
static bool takes_fds(uint32_t request)
{
	return request == VHU_SET_MEM_TABLE || request == VHU_SET_VRING_KICK ||
	       request == VHU_SET_VRING_CALL || request == VHU_SET_VRING_ERR;
}

static int apply(struct vhu_dev *d, const struct vhu_msg *m, int *fds, size_t nfds,
		 struct vhu_msg *reply, bool *has_reply)
{
	switch (m->request) {
	case VHU_GET_FEATURES:
		reply_u64(reply, d->offered);
		*has_reply = true;
		return 0;
	case VHU_SET_FEATURES:
		if (m->payload.u64 & ~d->offered)
			return -EPROTO;
		d->features = m->payload.u64;
		return 0;
	case VHU_GET_PROTOCOL_FEATURES:
		reply_u64(reply, d->protocol_offered);
		*has_reply = true;
		return 0;
	case VHU_SET_PROTOCOL_FEATURES:
		if (m->payload.u64 & ~d->protocol_offered)
			return -EPROTO;
		d->protocol = m->payload.u64;
		return 0;
	case VHU_GET_QUEUE_NUM:
		reply_u64(reply, d->num_queues);
		*has_reply = true;
		return 0;
	case VHU_SET_OWNER:
		d->owner = true;
		return 0;
	case VHU_RESET_OWNER:
		vhu_dev_reset(d);
		return 0;
	case VHU_SET_MEM_TABLE:
		return set_mem_table(d, m, fds, nfds);
	case VHU_SET_VRING_NUM:
	case VHU_SET_VRING_BASE:
	case VHU_SET_VRING_ENABLE:
		return set_vring_state(d, m);
	case VHU_SET_VRING_ADDR:
		return set_vring_addr(d, m);
	case VHU_GET_VRING_BASE:
		*has_reply = true;
		return get_vring_base(d, m, reply);
	case VHU_SET_VRING_KICK:
	case VHU_SET_VRING_CALL:
	case VHU_SET_VRING_ERR:
		return set_vring_fd(d, m, fds, nfds);
	default:
		return -EOPNOTSUPP;
	}
}

int vhu_dev_handle(struct vhu_dev *d, const struct vhu_msg *m, int *fds, size_t nfds,
		   struct vhu_msg *reply, bool *has_reply)
{
	bool ack =
	    (m->flags & VHU_FLAG_NEED_REPLY) && (d->protocol & (1ull << VHU_PROTOCOL_F_REPLY_ACK));
	int rc;

	*has_reply = false;
	memset(reply, 0, sizeof(*reply));
	reply->request = m->request;
	reply->flags = VHU_VERSION | VHU_FLAG_REPLY;
	if (!vhu_payload_ok(m)) {
		close_fds(fds, nfds);
		return -EPROTO;
	}
	if (!takes_fds(m->request)) {
		close_fds(fds, nfds);
		nfds = 0;
	}
	rc = apply(d, m, fds, nfds, reply, has_reply);
	if (rc == -EPROTO) {
		*has_reply = false;
		return rc;
	}
	if (ack && !*has_reply) {
		/* REPLY_ACK: 0 for success, anything else for failure. */
		reply_u64(reply, rc ? 1 : 0);
		*has_reply = true;
	}
	return rc;
}
