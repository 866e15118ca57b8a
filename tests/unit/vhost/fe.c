// SPDX-License-Identifier: BSD-3-Clause
/*
 * The test frontend (see fe.h). Written from the vhost-user and virtio
 * specifications, independently of the backend's ring code.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "fe.h"

static uint32_t q_desc(unsigned int q)
{
	return q * FE_QSTRIDE;
}

static uint32_t q_avail(unsigned int q)
{
	return q * FE_QSTRIDE + 0x1000;
}

static uint32_t q_used(unsigned int q)
{
	return q * FE_QSTRIDE + 0x2000;
}

uint64_t fe_gpa(uint32_t off)
{
	return FE_GPA + off;
}

uint8_t *fe_ptr(struct fe *f, uint32_t off)
{
	return f->mem + off;
}

static int fe_connect_mem(struct fe *f, const char *path, bool sealed)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};

	memset(f, 0, sizeof(*f));
	f->kick[0] = f->kick[1] = f->call[0] = f->call[1] = -1;
	f->memfd = -1;
	f->sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (f->sock < 0)
		return -errno;
	strncpy(sa.sun_path, path, sizeof(sa.sun_path) - 1);
	for (int tries = 0; connect(f->sock, (struct sockaddr *)&sa, sizeof(sa)); tries++) {
		if (tries == 100)
			goto err;
		usleep(10000);
	}
	f->memfd = memfd_create("fe-guest", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (f->memfd < 0 || ftruncate(f->memfd, FE_MEM_SIZE))
		goto err;
	if (sealed && fcntl(f->memfd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW))
		goto err;
	f->mem = mmap(NULL, FE_MEM_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, f->memfd, 0);
	if (f->mem == MAP_FAILED) {
		f->mem = NULL;
		goto err;
	}
	for (int q = 0; q < 2; q++) {
		f->kick[q] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
		f->call[q] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
		if (f->kick[q] < 0 || f->call[q] < 0)
			goto err;
	}
	return 0;

err:
	fe_close(f);
	return -EIO;
}

int fe_connect(struct fe *f, const char *path)
{
	return fe_connect_mem(f, path, true);
}

int fe_connect_unsealed(struct fe *f, const char *path)
{
	return fe_connect_mem(f, path, false);
}

void fe_close(struct fe *f)
{
	if (f->sock >= 0)
		close(f->sock);
	if (f->mem)
		munmap(f->mem, FE_MEM_SIZE);
	if (f->memfd >= 0)
		close(f->memfd);
	for (int q = 0; q < 2; q++) {
		if (f->kick[q] >= 0)
			close(f->kick[q]);
		if (f->call[q] >= 0)
			close(f->call[q]);
	}
	memset(f, 0, sizeof(*f));
	f->sock = f->memfd = -1;
	f->kick[0] = f->kick[1] = f->call[0] = f->call[1] = -1;
}

int fe_send(struct fe *f, uint32_t req, uint32_t flags, const void *payload, uint32_t size,
	    const int *fds, size_t nfds)
{
	struct vhu_msg m = {.request = req, .flags = VHU_VERSION | flags, .size = size};

	if (size > sizeof(m.payload))
		return -EINVAL;
	if (size)
		memcpy(m.payload.raw, payload, size);
	return vhu_send(f->sock, &m, fds, nfds);
}

/* Wait for a reply to @req. */
static int recv_reply(struct fe *f, uint32_t req, struct vhu_msg *m)
{
	struct pollfd p = {.fd = f->sock, .events = POLLIN};
	int fds[VHU_MAX_FDS];
	size_t nfds;
	int rc;

	if (poll(&p, 1, 5000) != 1)
		return -ETIMEDOUT;
	rc = vhu_recv(f->sock, m, fds, &nfds);
	for (size_t i = 0; i < nfds; i++)
		close(fds[i]);
	if (rc)
		return rc;
	if (m->request != req || !(m->flags & VHU_FLAG_REPLY))
		return -EBADMSG;
	return 0;
}

int64_t fe_ack(struct fe *f, uint32_t req, const void *payload, uint32_t size, const int *fds,
	       size_t nfds)
{
	struct vhu_msg m;
	int rc = fe_send(f, req, VHU_FLAG_NEED_REPLY, payload, size, fds, nfds);

	if (!rc)
		rc = recv_reply(f, req, &m);
	if (rc)
		return rc;
	if (m.size != 8)
		return -EBADMSG;
	return (int64_t)(m.payload.u64 & 0x7fffffff);
}

int fe_get_u64(struct fe *f, uint32_t req, uint64_t *v)
{
	struct vhu_msg m;
	int rc = fe_send(f, req, 0, NULL, 0, NULL, 0);

	if (!rc)
		rc = recv_reply(f, req, &m);
	if (rc)
		return rc;
	if (m.size != 8)
		return -EBADMSG;
	*v = m.payload.u64;
	return 0;
}

static int set_fd(struct fe *f, uint32_t req, unsigned int q, int fd)
{
	uint64_t v = q;

	return fe_ack(f, req, &v, sizeof(v), &fd, 1) == 0 ? 0 : -1;
}

static int set_state(struct fe *f, uint32_t req, uint32_t q, uint32_t num)
{
	struct vhu_vring_state s = {.index = q, .num = num};

	return fe_ack(f, req, &s, sizeof(s), NULL, 0) == 0 ? 0 : -1;
}

int fe_handshake(struct fe *f, uint64_t features)
{
	uint64_t v;
	struct vhu_mem_table t = {.nregions = 1};

	if (fe_get_u64(f, VHU_GET_FEATURES, &v) || fe_get_u64(f, VHU_GET_PROTOCOL_FEATURES, &v))
		return -1;
	v = (1ull << VHU_PROTOCOL_F_MQ) | (1ull << VHU_PROTOCOL_F_REPLY_ACK);
	if (fe_send(f, VHU_SET_PROTOCOL_FEATURES, 0, &v, 8, NULL, 0))
		return -1;
	if (fe_get_u64(f, VHU_GET_QUEUE_NUM, &v) || v != 2)
		return -1;
	if (fe_ack(f, VHU_SET_OWNER, NULL, 0, NULL, 0))
		return -1;
	for (unsigned int q = 0; q < 2; q++) {
		if (set_fd(f, VHU_SET_VRING_CALL, q, f->call[q]))
			return -1;
	}
	if (fe_ack(f, VHU_SET_FEATURES, &features, 8, NULL, 0))
		return -1;
	t.regions[0].gpa = FE_GPA;
	t.regions[0].size = FE_MEM_SIZE;
	t.regions[0].uaddr = (uint64_t)(uintptr_t)f->mem;
	if (fe_ack(f, VHU_SET_MEM_TABLE, &t, 8 + sizeof(t.regions[0]), &f->memfd, 1))
		return -1;
	for (unsigned int q = 0; q < 2; q++) {
		struct vhu_vring_addr a = {
		    .index = q,
		    .desc = (uint64_t)(uintptr_t)fe_ptr(f, q_desc(q)),
		    .avail = (uint64_t)(uintptr_t)fe_ptr(f, q_avail(q)),
		    .used = (uint64_t)(uintptr_t)fe_ptr(f, q_used(q)),
		};

		if (set_state(f, VHU_SET_VRING_NUM, q, FE_QSIZE) ||
		    set_state(f, VHU_SET_VRING_BASE, q, 0) ||
		    fe_ack(f, VHU_SET_VRING_ADDR, &a, sizeof(a), NULL, 0) ||
		    set_fd(f, VHU_SET_VRING_KICK, q, f->kick[q]) ||
		    set_state(f, VHU_SET_VRING_ENABLE, q, 1))
			return -1;
	}
	return 0;
}

void fe_desc(struct fe *f, unsigned int q, uint16_t i, uint64_t addr, uint32_t len, uint16_t flags,
	     uint16_t next)
{
	uint8_t *d = fe_ptr(f, q_desc(q) + 16u * i);

	memcpy(d, &addr, 8);
	memcpy(d + 8, &len, 4);
	memcpy(d + 12, &flags, 2);
	memcpy(d + 14, &next, 2);
}

void fe_post(struct fe *f, unsigned int q, uint16_t head)
{
	uint8_t *avail = fe_ptr(f, q_avail(q));
	uint16_t idx = f->avail_idx[q];
	size_t slot = idx % FE_QSIZE;

	memcpy(avail + 4 + 2 * slot, &head, 2);
	f->avail_idx[q] = ++idx;
	__atomic_store_n((uint16_t *)(void *)(avail + 2), idx, __ATOMIC_RELEASE);
}

void fe_kick(struct fe *f, unsigned int q)
{
	uint64_t one = 1;

	if (write(f->kick[q], &one, 8) != 8)
		return;
}

uint16_t fe_used_idx(struct fe *f, unsigned int q)
{
	return __atomic_load_n((uint16_t *)(void *)fe_ptr(f, q_used(q) + 2), __ATOMIC_ACQUIRE);
}

int fe_wait_used(struct fe *f, unsigned int q, uint32_t *id, uint32_t *len)
{
	uint8_t *e;

	for (int waited = 0; fe_used_idx(f, q) == f->used_seen[q]; waited += 10) {
		struct pollfd p = {.fd = f->call[q], .events = POLLIN};
		uint64_t v;

		if (waited >= 5000)
			return -ETIMEDOUT;
		if (poll(&p, 1, 10) == 1 && read(f->call[q], &v, 8) != 8)
			return -EIO;
	}
	e = fe_ptr(f, q_used(q) + 4 + 8 * (f->used_seen[q] % FE_QSIZE));
	memcpy(id, e, 4);
	memcpy(len, e + 4, 4);
	f->used_seen[q]++;
	return 0;
}

bool fe_wait_closed(struct fe *f)
{
	struct pollfd p = {.fd = f->sock, .events = POLLIN};
	char buf[64];

	for (;;) {
		if (poll(&p, 1, 5000) != 1)
			return false;
		ssize_t n = recv(f->sock, buf, sizeof(buf), 0);

		if (n == 0 || (n < 0 && errno == ECONNRESET))
			return true;
		if (n < 0)
			return false;
	}
}

int fe_scmi(struct fe *f, const void *req, uint32_t req_len, void *rsp, uint32_t rsp_room)
{
	uint32_t id, len;
	int rc;

	if (req_len > FE_BUF_SIZE || rsp_room > FE_BUF_SIZE)
		return -EINVAL;
	memcpy(fe_ptr(f, FE_BUF_BASE), req, req_len);
	memset(fe_ptr(f, FE_BUF_BASE + FE_BUF_SIZE), 0xee, FE_BUF_SIZE);
	fe_desc(f, 0, 0, fe_gpa(FE_BUF_BASE), req_len, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, fe_gpa(FE_BUF_BASE + FE_BUF_SIZE), rsp_room, VHU_DESC_WRITE, 0);
	fe_post(f, 0, 0);
	fe_kick(f, 0);
	rc = fe_wait_used(f, 0, &id, &len);
	if (rc)
		return rc;
	if (id != 0)
		return -EBADMSG;
	memcpy(rsp, fe_ptr(f, FE_BUF_BASE + FE_BUF_SIZE), len < rsp_room ? len : rsp_room);
	return (int)len;
}

void fe_set_used_event(struct fe *f, unsigned int q, uint16_t v)
{
	__atomic_store_n((uint16_t *)(void *)fe_ptr(f, q_avail(q) + 4 + 2 * FE_QSIZE), v,
			 __ATOMIC_SEQ_CST);
}

uint16_t fe_avail_event(struct fe *f, unsigned int q)
{
	return __atomic_load_n((uint16_t *)(void *)fe_ptr(f, q_used(q) + 4 + 8 * FE_QSIZE),
			       __ATOMIC_ACQUIRE);
}
