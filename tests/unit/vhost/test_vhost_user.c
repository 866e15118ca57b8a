// SPDX-License-Identifier: BSD-3-Clause
/*
 * The vhost-user-scmi backend driven by a test frontend that plays QEMU
 * (fe.c): the handshake, SCMI commands on the command queue answered by the
 * server over the default platform as agent "vm1" (channel 2), events on the
 * event queue, and every kind of malformed input a frontend or a guest can
 * produce, after which the device must still serve.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "fe.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/base.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/status.h"
#include "secure/vhost_user_scmi.h"
#include "scmi/server/reset.h"
#include "scmi/server/server.h"

#define CHANNEL 2u

#define FEATURES                                                                                   \
	((1ull << VHU_VIRTIO_F_VERSION_1) | (1ull << VHU_F_PROTOCOL_FEATURES) |                    \
	 (1ull << VIRTIO_SCMI_F_P2A_CHANNELS))
/* VIRTIO_RING_F_EVENT_IDX: offered too; most tests do not ack it. */
#define EVENT_IDX (1ull << 29)
#define OFFERED	  (FEATURES | EVENT_IDX)

struct fix {
	struct sim_platform *plat;
	struct scmi_server srv;
	struct vhost_scmi_dev *dev;
	char dir[64];
	char path[96];
	struct fe fe;
};

static int setup(void **state)
{
	struct vhost_scmi_config cfg = {.channel_id = CHANNEL};
	struct fix *x = calloc(1, sizeof(*x));
	char err[256];

	assert_non_null(x);
	assert_int_equal(
	    sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &x->plat, err, sizeof(err)), 0);
	scmi_server_init(&x->srv, sim_platform_ops(), x->plat);
	strcpy(x->dir, "/tmp/vhost-test-XXXXXX");
	assert_non_null(mkdtemp(x->dir));
	snprintf(x->path, sizeof(x->path), "%s/scmi.sock", x->dir);
	cfg.socket_path = x->path;
	assert_int_equal(vhost_scmi_start(&x->srv, &cfg, &x->dev, err, sizeof(err)), 0);
	x->fe.sock = -1;
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fix *x = *state;

	if (x->fe.sock >= 0)
		fe_close(&x->fe);
	vhost_scmi_stop(x->dev);
	/* stop removes the socket file: the directory must be empty now. */
	assert_int_equal(rmdir(x->dir), 0);
	sim_platform_free(x->plat);
	free(x);
	return 0;
}

static struct fe *connect_ready(struct fix *x)
{
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	assert_int_equal(fe_handshake(&x->fe, FEATURES), 0);
	return &x->fe;
}

/* One command; returns the used length, response in @rsp. */
static int cmd(struct fe *f, uint8_t proto, uint8_t msg, uint16_t token, const void *params,
	       size_t plen, uint8_t *rsp, uint32_t room)
{
	uint8_t req[64];

	assert_true(plen + 4 <= sizeof(req));
	scmi_put_le32(req, scmi_hdr_make(proto, msg, 0, token));
	if (plen)
		memcpy(req + 4, params, plen);
	return fe_scmi(f, req, (uint32_t)(4 + plen), rsp, room);
}

static void test_features(void **state)
{
	struct fix *x = *state;
	uint64_t v;

	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	assert_int_equal(fe_get_u64(&x->fe, VHU_GET_FEATURES, &v), 0);
	assert_int_equal(v, OFFERED);
	assert_int_equal(fe_get_u64(&x->fe, VHU_GET_PROTOCOL_FEATURES, &v), 0);
	assert_int_equal(v, (1ull << VHU_PROTOCOL_F_MQ) | (1ull << VHU_PROTOCOL_F_REPLY_ACK));
	assert_int_equal(fe_get_u64(&x->fe, VHU_GET_QUEUE_NUM, &v), 0);
	assert_int_equal(v, 2);
	assert_int_equal(vhost_scmi_channel(x->dev), CHANNEL);
}

static void test_base_commands(void **state)
{
	struct fix *x = *state;
	struct fe *f = connect_ready(x);
	uint32_t self = SCMI_BASE_AGENT_ID_SELF;
	uint8_t rsp[128];
	int n;

	n = cmd(f, SCMI_PROTOCOL_BASE, SCMI_MSG_PROTOCOL_VERSION, 7, NULL, 0, rsp, sizeof(rsp));
	assert_int_equal(n, 12);
	assert_int_equal(scmi_get_le32(rsp), scmi_hdr_make(SCMI_PROTOCOL_BASE, 0, 0, 7));
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(rsp + 8), SCMI_BASE_VERSION_2_1);

	n = cmd(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_DISCOVER_VENDOR, 8, NULL, 0, rsp, sizeof(rsp));
	assert_int_equal(n, 4 + 4 + SCMI_SHORT_NAME_SIZE);
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_SUCCESS);
	assert_string_equal((char *)rsp + 8, "scmi-optee");

	/* The channel is agent 2, "vm1", of the platform DT. */
	n = cmd(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_DISCOVER_AGENT, 9, &self, 4, rsp, sizeof(rsp));
	assert_int_equal(n, 4 + 4 + 4 + SCMI_SHORT_NAME_SIZE);
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(rsp + 8), 2);
	assert_string_equal((char *)rsp + 12, "vm1");

	/* Unknown message: NOT_FOUND, header echoed. */
	n = cmd(f, SCMI_PROTOCOL_BASE, 0x7f, 10, NULL, 0, rsp, sizeof(rsp));
	assert_int_equal(n, 8);
	assert_int_equal(scmi_get_le32(rsp), scmi_hdr_make(SCMI_PROTOCOL_BASE, 0x7f, 0, 10));
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_NOT_FOUND);
}

static void test_clock_commands(void **state)
{
	struct fix *x = *state;
	struct fe *f = connect_ready(x);
	uint8_t rsp[128];
	int n;

	n = cmd(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_PROTOCOL_VERSION, 1, NULL, 0, rsp, sizeof(rsp));
	assert_int_equal(n, 12);
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_SUCCESS);
	assert_true(scmi_get_le32(rsp + 8) >= SCMI_VERSION(1, 0));

	n = cmd(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_PROTOCOL_ATTRIBUTES, 2, NULL, 0, rsp, sizeof(rsp));
	assert_int_equal(n, 12);
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_SUCCESS);
	assert_true((scmi_get_le32(rsp + 8) & 0xffff) > 0); /* the platform has clocks */

	/* Room for header + status only: the server bounds what it writes and says so. */
	n = cmd(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_PROTOCOL_VERSION, 3, NULL, 0, rsp, 8);
	assert_int_equal(n, 8);
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_PROTOCOL_ERROR);
}

static void test_many_commands_wrap(void **state)
{
	struct fix *x = *state;
	struct fe *f = connect_ready(x);
	uint8_t rsp[64];

	/* More than the queue size, so that the ring indexes wrap. */
	for (uint32_t t = 0; t < 3 * FE_QSIZE + 1; t++) {
		assert_int_equal(
		    cmd(f, SCMI_PROTOCOL_BASE, 0, (uint16_t)t, NULL, 0, rsp, sizeof(rsp)), 12);
		assert_int_equal(scmi_hdr_token(scmi_get_le32(rsp)), t);
	}
}

/* Post the chain starting at descriptor 0 of the cmdq and expect it completed empty. */
static void expect_empty(struct fe *f)
{
	uint32_t id, len;

	fe_post(f, 0, 0);
	fe_kick(f, 0);
	assert_int_equal(fe_wait_used(f, 0, &id, &len), 0);
	assert_int_equal(id, 0);
	assert_int_equal(len, 0);
}

/* The device still answers after the bad input. */
static void expect_alive(struct fe *f)
{
	uint8_t rsp[64];

	assert_int_equal(cmd(f, SCMI_PROTOCOL_BASE, 0, 0x3ff, NULL, 0, rsp, sizeof(rsp)), 12);
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_SUCCESS);
}

static void put_req(struct fe *f, uint32_t slot)
{
	scmi_put_le32(fe_ptr(f, FE_BUF_BASE + slot * FE_BUF_SIZE), scmi_hdr_make(0x10, 0, 0, 1));
}

static void test_bad_chains(void **state)
{
	struct fix *x = *state;
	struct fe *f = connect_ready(x);
	uint64_t buf0 = fe_gpa(FE_BUF_BASE), buf1 = fe_gpa(FE_BUF_BASE + FE_BUF_SIZE);
	uint8_t rsp[FE_BUF_SIZE];
	int n;

	put_req(f, 0);
	/* Readable buffer running past the end of guest memory. */
	fe_desc(f, 0, 0, FE_GPA + FE_MEM_SIZE - 2, 16, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, buf1, 64, VHU_DESC_WRITE, 0);
	expect_empty(f);
	/* Writable buffer below guest memory. */
	fe_desc(f, 0, 0, buf0, 4, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, FE_GPA - 8, 64, VHU_DESC_WRITE, 0);
	expect_empty(f);
	/* Address + length overflowing 64 bits. */
	fe_desc(f, 0, 0, UINT64_MAX - 3, 16, VHU_DESC_NEXT, 1);
	expect_empty(f);
	/* A loop: 0 -> 1 -> 0. */
	fe_desc(f, 0, 0, buf0, 4, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, buf0, 4, VHU_DESC_NEXT, 0);
	expect_empty(f);
	/* A self loop of writable descriptors. */
	fe_desc(f, 0, 0, buf0, 4, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, buf1, 64, VHU_DESC_WRITE | VHU_DESC_NEXT, 1);
	expect_empty(f);
	/* next outside the table. */
	fe_desc(f, 0, 0, buf0, 4, VHU_DESC_NEXT, 200);
	expect_empty(f);
	/* Too short for a header. */
	fe_desc(f, 0, 0, buf0, 2, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, buf1, 64, VHU_DESC_WRITE, 0);
	expect_empty(f);
	/* No writable part. */
	fe_desc(f, 0, 0, buf0, 4, 0, 0);
	expect_empty(f);
	/* Writable part too small for header + status. */
	fe_desc(f, 0, 0, buf0, 4, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, buf1, 7, VHU_DESC_WRITE, 0);
	expect_empty(f);
	/* Indirect descriptors were not offered. */
	fe_desc(f, 0, 0, buf0, 16, 4 /* INDIRECT */, 0);
	expect_empty(f);
	/* Readable after writable. */
	fe_desc(f, 0, 0, buf1, 64, VHU_DESC_WRITE | VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, buf0, 4, 0, 0);
	expect_empty(f);
	expect_alive(f);

	/* Larger than any message: answered PROTOCOL_ERROR, header echoed. */
	memset(fe_ptr(f, FE_BUF_BASE), 0, FE_BUF_SIZE);
	put_req(f, 0);
	n = fe_scmi(f, fe_ptr(f, FE_BUF_BASE), 4 + SCMI_SERVER_MAX_PAYLOAD + 1, rsp, 64);
	assert_int_equal(n, 8);
	assert_int_equal(scmi_get_le32(rsp), scmi_hdr_make(0x10, 0, 0, 1));
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_PROTOCOL_ERROR);

	/* Split request and response over several descriptors: allowed. */
	scmi_put_le32(fe_ptr(f, FE_BUF_BASE),
		      scmi_hdr_make(0x10, SCMI_MSG_BASE_DISCOVER_VENDOR, 0, 5));
	fe_desc(f, 0, 0, buf0, 2, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, buf0 + 2, 2, VHU_DESC_NEXT, 2);
	fe_desc(f, 0, 2, buf1, 6, VHU_DESC_WRITE | VHU_DESC_NEXT, 3);
	fe_desc(f, 0, 3, buf1 + 6, 100, VHU_DESC_WRITE, 0);
	fe_post(f, 0, 0);
	fe_kick(f, 0);
	{
		uint32_t id, len;

		assert_int_equal(fe_wait_used(f, 0, &id, &len), 0);
		assert_int_equal(len, 24);
		assert_string_equal((char *)fe_ptr(f, FE_BUF_BASE + FE_BUF_SIZE + 8), "scmi-optee");
	}
	expect_alive(f);
}

static void test_corrupt_avail(void **state)
{
	struct fix *x = *state;
	struct fe *f = connect_ready(x);
	uint64_t v;

	/* A head outside the queue: the queue stops, nothing is completed, no crash. */
	fe_post(f, 0, 200);
	fe_kick(f, 0);
	usleep(50000);
	assert_int_equal(fe_used_idx(f, 0), 0);
	/* The connection and the other queue live on. */
	assert_int_equal(fe_get_u64(f, VHU_GET_FEATURES, &v), 0);
	assert_int_equal(vhost_scmi_send_p2a(x->dev, "\x01\x02\x03\x04", 4), -ENOBUFS);
}

static void test_misaligned_ring(void **state)
{
	struct fix *x = *state;
	struct fe *f = connect_ready(x);
	struct vhu_vring_addr a = {
	    .index = 0,
	    .desc = (uint64_t)(uintptr_t)fe_ptr(f, 0),
	    .avail = (uint64_t)(uintptr_t)fe_ptr(f, 0x1001),
	    .used = (uint64_t)(uintptr_t)fe_ptr(f, 0x2000),
	};

	/* Accepted as a message, but the ring is not usable: nothing is served from it. */
	assert_int_equal(fe_ack(f, VHU_SET_VRING_ADDR, &a, sizeof(a), NULL, 0), 0);
	put_req(f, 0);
	fe_desc(f, 0, 0, fe_gpa(FE_BUF_BASE), 4, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, fe_gpa(FE_BUF_BASE + FE_BUF_SIZE), 64, VHU_DESC_WRITE, 0);
	fe_post(f, 0, 0);
	fe_kick(f, 0);
	usleep(50000);
	assert_int_equal(fe_used_idx(f, 0), 0);
	/* Ring addresses outside guest memory: the same. */
	a.avail = 8;
	assert_int_equal(fe_ack(f, VHU_SET_VRING_ADDR, &a, sizeof(a), NULL, 0), 0);
	fe_kick(f, 0);
	usleep(50000);
	assert_int_equal(fe_used_idx(f, 0), 0);
}

static void test_poll_mode(void **state)
{
	struct fix *x = *state;
	struct fe *f = connect_ready(x);
	uint64_t v = VHU_VRING_NOFD; /* of vring 0 (the low byte) */

	/* No kick fd: the device polls the queue. */
	assert_int_equal(fe_ack(f, VHU_SET_VRING_KICK, &v, 8, NULL, 0), 0);
	put_req(f, 0);
	fe_desc(f, 0, 0, fe_gpa(FE_BUF_BASE), 4, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, fe_gpa(FE_BUF_BASE + FE_BUF_SIZE), 64, VHU_DESC_WRITE, 0);
	fe_post(f, 0, 0);
	{
		uint32_t id, len;

		assert_int_equal(fe_wait_used(f, 0, &id, &len), 0);
		assert_int_equal(len, 12);
	}
}

static void test_get_vring_base(void **state)
{
	struct fix *x = *state;
	struct fe *f = connect_ready(x);
	struct vhu_vring_state s = {.index = 0};
	struct vhu_msg m;
	int fds[VHU_MAX_FDS];
	size_t nfds;

	expect_alive(f);
	expect_alive(f);
	assert_int_equal(fe_send(f, VHU_GET_VRING_BASE, 0, &s, sizeof(s), NULL, 0), 0);
	assert_int_equal(vhu_recv(f->sock, &m, fds, &nfds), 0);
	assert_int_equal(nfds, 0);
	assert_int_equal(m.request, VHU_GET_VRING_BASE);
	assert_int_equal(m.size, sizeof(s));
	assert_int_equal(m.payload.state.index, 0);
	assert_int_equal(m.payload.state.num, 2);
	/* Stopped: a new command waits. */
	put_req(f, 0);
	fe_desc(f, 0, 0, fe_gpa(FE_BUF_BASE), 4, VHU_DESC_NEXT, 1);
	fe_desc(f, 0, 1, fe_gpa(FE_BUF_BASE + FE_BUF_SIZE), 64, VHU_DESC_WRITE, 0);
	fe_post(f, 0, 0);
	fe_kick(f, 0);
	usleep(50000);
	assert_int_equal(fe_used_idx(f, 0), 2);
}

/* After a malformed message the device drops us and serves the next frontend. */
static void expect_dropped_then_serves(struct fix *x)
{
	assert_true(fe_wait_closed(&x->fe));
	fe_close(&x->fe);
	expect_alive(connect_ready(x));
	assert_int_equal(vhost_scmi_send_p2a(x->dev, "\0\0\0\0", 4), -ENOBUFS);
	fe_close(&x->fe);
}

static void send_raw(struct fe *f, const void *buf, size_t len)
{
	assert_int_equal(send(f->sock, buf, len, MSG_NOSIGNAL), (ssize_t)len);
}

static void test_truncated_message(void **state)
{
	struct fix *x = *state;
	uint32_t hdr[4] = {VHU_SET_FEATURES, VHU_VERSION, 8, 0};

	/* Header announces 8 bytes, 4 arrive, then the frontend stops sending. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	send_raw(&x->fe, hdr, 16);
	shutdown(x->fe.sock, SHUT_WR);
	expect_dropped_then_serves(x);

	/* Half a header, then silence: the receive timeout ends it. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	send_raw(&x->fe, hdr, 6);
	expect_dropped_then_serves(x);
}

static void test_bad_headers(void **state)
{
	struct fix *x = *state;
	uint64_t v = 0;

	/* Wrong version. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	{
		uint32_t hdr[3] = {VHU_GET_FEATURES, 2, 0};

		send_raw(&x->fe, hdr, sizeof(hdr));
	}
	expect_dropped_then_serves(x);
	/* Payload larger than any request. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	{
		uint32_t hdr[3] = {VHU_SET_MEM_TABLE, VHU_VERSION, 100000};

		send_raw(&x->fe, hdr, sizeof(hdr));
	}
	expect_dropped_then_serves(x);
	/* Known request, wrong payload size. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	assert_int_equal(fe_send(&x->fe, VHU_SET_FEATURES, 0, &v, 4, NULL, 0), 0);
	expect_dropped_then_serves(x);
	/* Too many fds on one message. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	{
		struct vhu_msg m = {.request = VHU_GET_FEATURES, .flags = VHU_VERSION};
		int fds[VHU_MAX_FDS + 1];
		union {
			char buf[CMSG_SPACE(sizeof(fds))];
			struct cmsghdr align;
		} ctl;
		uint32_t hdr[3] = {m.request, m.flags, 0};
		struct iovec iov = {.iov_base = hdr, .iov_len = sizeof(hdr)};
		struct msghdr mh = {.msg_iov = &iov,
				    .msg_iovlen = 1,
				    .msg_control = ctl.buf,
				    .msg_controllen = sizeof(ctl.buf)};
		struct cmsghdr *c = CMSG_FIRSTHDR(&mh);

		for (size_t i = 0; i < VHU_MAX_FDS + 1; i++)
			fds[i] = x->fe.memfd;
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(fds));
		memcpy(CMSG_DATA(c), fds, sizeof(fds));
		assert_int_equal(sendmsg(x->fe.sock, &mh, MSG_NOSIGNAL), (ssize_t)sizeof(hdr));
	}
	expect_dropped_then_serves(x);
}

static void test_bad_requests(void **state)
{
	struct fix *x = *state;
	struct vhu_mem_table t = {.nregions = 1};
	struct vhu_vring_state s = {.index = 0, .num = 6};
	uint64_t v;

	/* Unknown request: refused by ack, the connection lives on. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	v = 1ull << VHU_PROTOCOL_F_REPLY_ACK;
	assert_int_equal(fe_send(&x->fe, VHU_SET_PROTOCOL_FEATURES, 0, &v, 8, NULL, 0), 0);
	assert_int_equal(fe_ack(&x->fe, 99, &v, 8, NULL, 0), 1);
	assert_int_equal(fe_ack(&x->fe, VHU_SET_LOG_BASE, &v, 8, &x->fe.memfd, 1), 1);
	assert_int_equal(fe_get_u64(&x->fe, VHU_GET_FEATURES, &v), 0);
	assert_int_equal(v, OFFERED);
	fe_close(&x->fe);

	/* Feature bit we never offered. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	v = FEATURES | (1ull << 28);
	assert_int_equal(fe_send(&x->fe, VHU_SET_FEATURES, 0, &v, 8, NULL, 0), 0);
	expect_dropped_then_serves(x);
	/* Memory region larger than its fd. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	t.regions[0].gpa = FE_GPA;
	t.regions[0].size = (uint64_t)2 * FE_MEM_SIZE;
	t.regions[0].uaddr = 0x1000;
	assert_int_equal(fe_send(&x->fe, VHU_SET_MEM_TABLE, 0, &t, 40, &x->fe.memfd, 1), 0);
	expect_dropped_then_serves(x);
	/* A region without its fd. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	t.regions[0].size = FE_MEM_SIZE;
	assert_int_equal(fe_send(&x->fe, VHU_SET_MEM_TABLE, 0, &t, 40, NULL, 0), 0);
	expect_dropped_then_serves(x);
	/* Overlapping regions. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	t.nregions = 2;
	t.regions[1] = t.regions[0];
	t.regions[1].gpa += 0x1000;
	{
		int fds[2] = {x->fe.memfd, x->fe.memfd};

		t.regions[0].size = t.regions[1].size = 0x2000;
		assert_int_equal(fe_send(&x->fe, VHU_SET_MEM_TABLE, 0, &t, 72, fds, 2), 0);
	}
	expect_dropped_then_serves(x);
	/* Queue size not a power of two; queue index out of range. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	assert_int_equal(fe_send(&x->fe, VHU_SET_VRING_NUM, 0, &s, 8, NULL, 0), 0);
	expect_dropped_then_serves(x);
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	s.index = 2;
	s.num = 8;
	assert_int_equal(fe_send(&x->fe, VHU_SET_VRING_NUM, 0, &s, 8, NULL, 0), 0);
	expect_dropped_then_serves(x);
	/* "No fd" flag with an fd attached. */
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	v = VHU_VRING_NOFD;
	assert_int_equal(fe_send(&x->fe, VHU_SET_VRING_CALL, 0, &v, 8, &x->fe.call[0], 1), 0);
	expect_dropped_then_serves(x);
}

static void test_second_frontend_refused(void **state)
{
	struct fix *x = *state;
	struct fe *f = connect_ready(x);
	struct fe other;

	assert_int_equal(fe_connect(&other, x->path), 0);
	assert_true(fe_wait_closed(&other));
	fe_close(&other);
	expect_alive(f);
}

static void test_eventq(void **state)
{
	struct fix *x = *state;
	const uint8_t msg[12] = {0x00, 0x0c, 0x04, 0x00, 1, 2, 3, 4, 5, 6, 7, 8};
	struct fe *f;
	uint32_t id, len;

	assert_int_equal(vhost_scmi_send_p2a(x->dev, msg, sizeof(msg)), -ENOTCONN);
	assert_int_equal(vhost_scmi_send_p2a(x->dev, msg, 3), -EINVAL);
	assert_int_equal(vhost_scmi_send_p2a(NULL, msg, sizeof(msg)), -EINVAL);
	f = connect_ready(x);
	assert_int_equal(vhost_scmi_send_p2a(x->dev, msg, sizeof(msg)), -ENOBUFS);

	/* The driver posts: a 4-byte buffer (too small), two of 64, one readable one. */
	fe_desc(f, 1, 0, fe_gpa(FE_BUF_BASE + 4 * FE_BUF_SIZE), 4, VHU_DESC_WRITE, 0);
	fe_desc(f, 1, 1, fe_gpa(FE_BUF_BASE + 5 * FE_BUF_SIZE), 64, VHU_DESC_WRITE, 0);
	fe_desc(f, 1, 2, fe_gpa(FE_BUF_BASE + 6 * FE_BUF_SIZE), 64, VHU_DESC_WRITE, 0);
	fe_desc(f, 1, 3, fe_gpa(FE_BUF_BASE + 7 * FE_BUF_SIZE), 64, 0, 0);
	for (uint16_t i = 0; i < 4; i++)
		fe_post(f, 1, i);
	fe_kick(f, 1);
	usleep(20000);
	/* Kicks on the eventq do not consume the buffers. */
	assert_int_equal(fe_used_idx(f, 1), 0);

	assert_int_equal(vhost_scmi_send_p2a(x->dev, msg, sizeof(msg)), 0);
	assert_int_equal(fe_wait_used(f, 1, &id, &len), 0);
	assert_int_equal(id, 0);
	assert_int_equal(len, 0);
	assert_int_equal(fe_wait_used(f, 1, &id, &len), 0);
	assert_int_equal(id, 1);
	assert_int_equal(len, sizeof(msg));
	assert_memory_equal(fe_ptr(f, FE_BUF_BASE + 5 * FE_BUF_SIZE), msg, sizeof(msg));

	assert_int_equal(vhost_scmi_send_p2a(x->dev, msg, 4), 0);
	assert_int_equal(fe_wait_used(f, 1, &id, &len), 0);
	assert_int_equal(id, 2);
	assert_int_equal(len, 4);
	/* The readable one is refused; then nothing is left. */
	assert_int_equal(vhost_scmi_send_p2a(x->dev, msg, sizeof(msg)), -ENOBUFS);
	assert_int_equal(fe_wait_used(f, 1, &id, &len), 0);
	assert_int_equal(id, 3);
	assert_int_equal(len, 0);
	expect_alive(f);
}

static void test_eventq_needs_feature(void **state)
{
	struct fix *x = *state;

	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	assert_int_equal(fe_handshake(&x->fe, FEATURES & ~(1ull << VIRTIO_SCMI_F_P2A_CHANNELS)), 0);
	fe_desc(&x->fe, 1, 0, fe_gpa(FE_BUF_BASE), 64, VHU_DESC_WRITE, 0);
	fe_post(&x->fe, 1, 0);
	assert_int_equal(vhost_scmi_send_p2a(x->dev, "\0\0\0\0", 4), -EOPNOTSUPP);
	expect_alive(&x->fe);
}

/*
 * Delayed responses: the driver must see a command's reply before its delayed response
 * (Linux rejects a reply that comes after the delayed one), and the platform takes time.
 */

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Post @n writable 128-byte buffers (descriptors 0..n-1, slots 4..) on the eventq. */
static void post_events(struct fe *f, uint16_t n)
{
	for (uint16_t i = 0; i < n; i++) {
		fe_desc(f, 1, i, fe_gpa(FE_BUF_BASE + (4u + i) * FE_BUF_SIZE), 128, VHU_DESC_WRITE,
			0);
		fe_post(f, 1, i);
	}
	fe_kick(f, 1);
}

/*
 * Wait (up to 5 s) for the next eventq element, watching the used index closely (not the
 * call fd) so that the time it appeared is known to 0.2 ms. Returns that time; the
 * element's buffer is copied into @msg (128 bytes).
 */
static uint64_t wait_event(struct fe *f, uint8_t *msg, uint32_t *len)
{
	uint64_t end = mono_ns() + 5000000000ull, seen;
	uint32_t id;

	while (fe_used_idx(f, 1) == f->used_seen[1]) {
		assert_true(mono_ns() < end);
		usleep(200);
	}
	seen = mono_ns();
	assert_int_equal(fe_wait_used(f, 1, &id, len), 0);
	assert_true(id < FE_QSIZE);
	memcpy(msg, fe_ptr(f, FE_BUF_BASE + (4u + id) * FE_BUF_SIZE), 128);
	return seen;
}

/* An async SENSOR_READING_GET of sensor 0: synchronous SUCCESS with nothing else. */
static void sensor_read_async(struct fe *f, uint16_t token)
{
	const uint32_t args[2] = {0, 1};
	uint8_t rsp[64];

	assert_int_equal(
	    cmd(f, SCMI_PROTOCOL_SENSOR, 0x6, token, args, sizeof(args), rsp, sizeof(rsp)), 8);
	assert_int_equal(scmi_get_le32(rsp), scmi_hdr_make(SCMI_PROTOCOL_SENSOR, 0x6, 0, token));
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_SUCCESS);
}

static void expect_sensor_delayed(const uint8_t *msg, uint32_t len, uint16_t token)
{
	/* header, status, sensor_id, one 16-byte reading (sensor protocol >= 2.0) */
	assert_int_equal(len, 4 + 4 + 4 + 16);
	assert_int_equal(scmi_get_le32(msg), scmi_hdr_make(SCMI_PROTOCOL_SENSOR, 0x6,
							   SCMI_MSG_TYPE_DELAYED_RESP, token));
	assert_int_equal((int32_t)scmi_get_le32(msg + 4), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(msg + 8), 0);
}

/* Without EVENT_IDX nothing shows the driver took the reply: 20 ms after it stand in. */
static void test_delayed_after_reply(void **state)
{
	struct fix *x = *state;
	struct fe *f;
	uint8_t msg[128], rsp[64];
	uint64_t t0, seen;
	uint32_t len;

	scmi_server_set_p2a(&x->srv, vhost_scmi_p2a_ops(), &x->srv);
	f = connect_ready(x);
	post_events(f, 2);
	t0 = mono_ns();
	sensor_read_async(f, 0x21);
	/* The reply is there; the delayed response is not. */
	assert_int_equal(fe_used_idx(f, 1), 0);
	/* Other commands are served meanwhile. */
	assert_int_equal(cmd(f, SCMI_PROTOCOL_BASE, 0, 0x22, NULL, 0, rsp, sizeof(rsp)), 12);
	assert_int_equal(scmi_hdr_token(scmi_get_le32(rsp)), 0x22);
	seen = wait_event(f, msg, &len);
	expect_sensor_delayed(msg, len, 0x21);
	assert_true(seen - t0 >= 20000000ull);
	assert_true(seen - t0 < 2000000000ull);
}

/* With EVENT_IDX the delayed response waits until used_event shows the reply was taken. */
static void test_delayed_waits_for_driver(void **state)
{
	struct fix *x = *state;
	const uint32_t reset[3] = {0, SCMI_RESET_FLAG_ASYNC | SCMI_RESET_FLAG_AUTONOMOUS, 0};
	uint8_t msg[128], rsp[64];
	struct fe *f;
	uint64_t t0, t1, seen;
	uint32_t len;

	scmi_server_set_p2a(&x->srv, vhost_scmi_p2a_ops(), &x->srv);
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	assert_int_equal(fe_handshake(&x->fe, FEATURES | EVENT_IDX), 0);
	f = &x->fe;
	post_events(f, 2);
	t0 = mono_ns();
	assert_int_equal(cmd(f, SCMI_PROTOCOL_RESET, SCMI_MSG_RESET, 0x31, reset, sizeof(reset),
			     rsp, sizeof(rsp)),
			 8);
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_SUCCESS);
	/* The device published where it is in the available ring, so the driver kicks. */
	assert_int_equal(fe_avail_event(f, 0), f->avail_idx[0]);
	/* The driver does not say it took the reply: commands go on, no delayed response. */
	for (uint16_t t = 0; t < 3; t++) {
		assert_int_equal(cmd(f, SCMI_PROTOCOL_BASE, 0, t, NULL, 0, rsp, sizeof(rsp)), 12);
		assert_int_equal(fe_avail_event(f, 0), f->avail_idx[0]);
	}
	while (mono_ns() < t0 + 100000000ull)
		usleep(1000);
	assert_int_equal(fe_used_idx(f, 1), 0);
	/* Now it does (the reply was used entry 0: taken up to 1). */
	t1 = mono_ns();
	fe_set_used_event(f, 0, 1);
	seen = wait_event(f, msg, &len);
	assert_int_equal(len, 4 + 4 + 4);
	assert_int_equal(scmi_get_le32(msg), scmi_hdr_make(SCMI_PROTOCOL_RESET, SCMI_MSG_RESET,
							   SCMI_MSG_TYPE_DELAYED_RESP, 0x31));
	assert_int_equal((int32_t)scmi_get_le32(msg + 4), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(msg + 8), 0);
	assert_true(seen > t1);
	assert_true(seen - t1 < 900000000ull); /* not the 1 s fallback */
}

/* A driver that never publishes used_event still gets its delayed response, after 1 s. */
static void test_delayed_silent_driver(void **state)
{
	struct fix *x = *state;
	uint8_t msg[128];
	struct fe *f;
	uint64_t t0, seen;
	uint32_t len;

	scmi_server_set_p2a(&x->srv, vhost_scmi_p2a_ops(), &x->srv);
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	assert_int_equal(fe_handshake(&x->fe, FEATURES | EVENT_IDX), 0);
	f = &x->fe;
	post_events(f, 2);
	t0 = mono_ns();
	sensor_read_async(f, 0x41);
	seen = wait_event(f, msg, &len);
	expect_sensor_delayed(msg, len, 0x41);
	assert_true(seen - t0 >= 1000000000ull);
	assert_true(seen - t0 < 1900000000ull);
}

/* No event buffer posted yet: the delayed responses wait for one, in order; then a drop. */
static void test_delayed_waits_for_buffer(void **state)
{
	struct fix *x = *state;
	uint8_t msg[128];
	struct fe *f;
	uint32_t len;

	scmi_server_set_p2a(&x->srv, vhost_scmi_p2a_ops(), &x->srv);
	f = connect_ready(x);
	sensor_read_async(f, 0x51);
	sensor_read_async(f, 0x52);
	usleep(200000);
	assert_int_equal(fe_used_idx(f, 1), 0);
	post_events(f, 3);
	wait_event(f, msg, &len);
	expect_sensor_delayed(msg, len, 0x51);
	wait_event(f, msg, &len);
	expect_sensor_delayed(msg, len, 0x52);
	/* One more pending when the frontend goes: dropped with it, no leak, no crash. */
	sensor_read_async(f, 0x53);
	fe_close(f);
	x->fe.sock = -1;
	usleep(50000);
}

static void test_start_errors(void **state)
{
	struct fix *x = *state;
	struct vhost_scmi_config cfg = {.socket_path = x->path, .channel_id = 77};
	struct vhost_scmi_dev *d = NULL;
	char err[256];

	assert_int_equal(vhost_scmi_start(&x->srv, &cfg, &d, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "no channel 77"));
	cfg.channel_id = CHANNEL;
	assert_int_equal(vhost_scmi_start(&x->srv, &cfg, &d, err, sizeof(err)), -EADDRINUSE);
	cfg.socket_path = "";
	assert_int_equal(vhost_scmi_start(&x->srv, &cfg, &d, err, sizeof(err)), -ENAMETOOLONG);
	assert_null(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_features, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_base_commands, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_clock_commands, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_many_commands_wrap, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_chains, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_corrupt_avail, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_misaligned_ring, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_poll_mode, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_get_vring_base, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_truncated_message, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_headers, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_requests, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_second_frontend_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_eventq, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_eventq_needs_feature, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_delayed_after_reply, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_delayed_waits_for_driver, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_delayed_silent_driver, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_delayed_waits_for_buffer, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_start_errors, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
