// SPDX-License-Identifier: BSD-3-Clause
/*
 * vhost-user message framing: header + payload over a stream socket, fds as
 * SCM_RIGHTS. The frontend may be hostile or broken: every size is checked
 * before a byte is read into the payload, and fds received with a message
 * that turns out malformed are closed here.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "secure/vhost_user_proto.h"

static void close_fds(int *fds, size_t *nfds)
{
	for (size_t i = 0; i < *nfds; i++)
		close(fds[i]);
	*nfds = 0;
}

/* Read exactly @len bytes (no fds expected). 0, -EPROTO on end of stream, or -errno. */
static int read_full(int fd, void *buf, size_t len)
{
	uint8_t *p = buf;

	while (len) {
		ssize_t n = recv(fd, p, len, MSG_CMSG_CLOEXEC);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno == EAGAIN || errno == EWOULDBLOCK ? -ETIMEDOUT : -errno;
		if (n == 0)
			return -EPROTO;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Collect SCM_RIGHTS fds of @mh into @fds; -EPROTO (all closed) if more than VHU_MAX_FDS. */
static int take_fds(struct msghdr *mh, int fds[VHU_MAX_FDS], size_t *nfds)
{
	bool overflow = (mh->msg_flags & MSG_CTRUNC) != 0;
	struct cmsghdr *c;

	for (c = CMSG_FIRSTHDR(mh); c; c = CMSG_NXTHDR(mh, c)) {
		size_t n, i;

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (i = 0; i < n; i++) {
			int fd;

			memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(fd));
			if (*nfds < VHU_MAX_FDS) {
				fds[(*nfds)++] = fd;
			} else {
				close(fd);
				overflow = true;
			}
		}
	}
	if (overflow) {
		close_fds(fds, nfds);
		return -EPROTO;
	}
	return 0;
}

int vhu_recv(int fd, struct vhu_msg *m, int fds[VHU_MAX_FDS], size_t *nfds)
{
	union {
		char buf[CMSG_SPACE(VHU_MAX_FDS * sizeof(int))];
		struct cmsghdr align;
	} ctl;
	uint8_t hdr[VHU_HDR_SIZE];
	struct iovec iov = {.iov_base = hdr, .iov_len = sizeof(hdr)};
	struct msghdr mh = {
	    .msg_iov = &iov,
	    .msg_iovlen = 1,
	    .msg_control = ctl.buf,
	    .msg_controllen = sizeof(ctl.buf),
	};
	ssize_t n;
	int rc;

	*nfds = 0;
	do {
		n = recvmsg(fd, &mh, MSG_CMSG_CLOEXEC);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return errno == EAGAIN || errno == EWOULDBLOCK ? -ETIMEDOUT : -errno;
	if (n == 0)
		return -ECONNRESET;
	rc = take_fds(&mh, fds, nfds);
	if (rc)
		return rc;
	/* A stream may split the header; the fds came with its first byte. */
	rc = read_full(fd, hdr + n, sizeof(hdr) - (size_t)n);
	if (rc)
		goto err_fds;
	memcpy(&m->request, hdr, 4);
	memcpy(&m->flags, hdr + 4, 4);
	memcpy(&m->size, hdr + 8, 4);
	rc = -EPROTO;
	if ((m->flags & VHU_VERSION_MASK) != VHU_VERSION || m->size > sizeof(m->payload))
		goto err_fds;
	memset(&m->payload, 0, sizeof(m->payload));
	rc = read_full(fd, m->payload.raw, m->size);
	if (rc)
		goto err_fds;
	return 0;

err_fds:
	close_fds(fds, nfds);
	return rc;
}

int vhu_send(int fd, const struct vhu_msg *m, const int *fds, size_t nfds)
{
	union {
		char buf[CMSG_SPACE(VHU_MAX_FDS * sizeof(int))];
		struct cmsghdr align;
	} ctl;
	uint8_t hdr[VHU_HDR_SIZE];
	struct iovec iov[2] = {
	    {.iov_base = hdr, .iov_len = sizeof(hdr)},
	    {.iov_base = (void *)m->payload.raw, .iov_len = m->size},
	};
	struct msghdr mh = {.msg_iov = iov, .msg_iovlen = 2};
	size_t total, sent = 0;

	if (m->size > sizeof(m->payload) || nfds > VHU_MAX_FDS)
		return -EINVAL;
	memcpy(hdr, &m->request, 4);
	memcpy(hdr + 4, &m->flags, 4);
	memcpy(hdr + 8, &m->size, 4);
	total = sizeof(hdr) + m->size;
	if (nfds) {
		struct cmsghdr *c;

		memset(ctl.buf, 0, sizeof(ctl.buf));
		mh.msg_control = ctl.buf;
		mh.msg_controllen = CMSG_SPACE(nfds * sizeof(int));
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(nfds * sizeof(int));
		memcpy(CMSG_DATA(c), fds, nfds * sizeof(int));
	}
	while (sent < total) {
		ssize_t n = sendmsg(fd, &mh, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		sent += (size_t)n;
		/* The fds went with the first bytes; advance the iovecs past what was sent. */
		mh.msg_control = NULL;
		mh.msg_controllen = 0;
		while (n > 0 && mh.msg_iovlen) {
			if ((size_t)n >= mh.msg_iov->iov_len) {
				n -= (ssize_t)mh.msg_iov->iov_len;
				mh.msg_iov++;
				mh.msg_iovlen--;
			} else {
				mh.msg_iov->iov_base = (uint8_t *)mh.msg_iov->iov_base + n;
				mh.msg_iov->iov_len -= (size_t)n;
				n = 0;
			}
		}
	}
	return 0;
}

int vhu_payload_ok(const struct vhu_msg *m)
{
	switch (m->request) {
	case VHU_GET_FEATURES:
	case VHU_GET_PROTOCOL_FEATURES:
	case VHU_GET_QUEUE_NUM:
	case VHU_SET_OWNER:
	case VHU_RESET_OWNER:
		/* Requests without a payload; QEMU sends none, tolerate a u64 too. */
		return m->size == 0 || m->size == sizeof(uint64_t);
	case VHU_SET_FEATURES:
	case VHU_SET_PROTOCOL_FEATURES:
	case VHU_SET_VRING_KICK:
	case VHU_SET_VRING_CALL:
	case VHU_SET_VRING_ERR:
		return m->size == sizeof(uint64_t);
	case VHU_SET_VRING_NUM:
	case VHU_SET_VRING_BASE:
	case VHU_GET_VRING_BASE:
	case VHU_SET_VRING_ENABLE:
		return m->size == sizeof(struct vhu_vring_state);
	case VHU_SET_VRING_ADDR:
		return m->size == sizeof(struct vhu_vring_addr);
	case VHU_SET_MEM_TABLE:
		return m->size >= 8 && m->payload.mem.nregions <= VHU_MAX_REGIONS &&
		       m->size == 8 + m->payload.mem.nregions * sizeof(struct vhu_mem_region);
	default:
		return 1;
	}
}

const char *vhu_request_name(uint32_t request)
{
	static const char *const names[] = {
	    [VHU_GET_FEATURES] = "GET_FEATURES",
	    [VHU_SET_FEATURES] = "SET_FEATURES",
	    [VHU_SET_OWNER] = "SET_OWNER",
	    [VHU_RESET_OWNER] = "RESET_OWNER",
	    [VHU_SET_MEM_TABLE] = "SET_MEM_TABLE",
	    [VHU_SET_LOG_BASE] = "SET_LOG_BASE",
	    [VHU_SET_LOG_FD] = "SET_LOG_FD",
	    [VHU_SET_VRING_NUM] = "SET_VRING_NUM",
	    [VHU_SET_VRING_ADDR] = "SET_VRING_ADDR",
	    [VHU_SET_VRING_BASE] = "SET_VRING_BASE",
	    [VHU_GET_VRING_BASE] = "GET_VRING_BASE",
	    [VHU_SET_VRING_KICK] = "SET_VRING_KICK",
	    [VHU_SET_VRING_CALL] = "SET_VRING_CALL",
	    [VHU_SET_VRING_ERR] = "SET_VRING_ERR",
	    [VHU_GET_PROTOCOL_FEATURES] = "GET_PROTOCOL_FEATURES",
	    [VHU_SET_PROTOCOL_FEATURES] = "SET_PROTOCOL_FEATURES",
	    [VHU_GET_QUEUE_NUM] = "GET_QUEUE_NUM",
	    [VHU_SET_VRING_ENABLE] = "SET_VRING_ENABLE",
	};

	if (request < sizeof(names) / sizeof(names[0]) && names[request])
		return names[request];
	return "unknown";
}
