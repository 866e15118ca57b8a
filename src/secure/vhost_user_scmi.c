// SPDX-License-Identifier: BSD-3-Clause
/*
 * The virtio-scmi device over vhost-user.
 *
 * Theory of operation. A thread per device waits (epoll) on a stop eventfd,
 * the listening socket, the frontend connection and the kick eventfds of the
 * two queues. A frontend message is decoded (vhost_user_proto.c) and applied
 * to the device state (vhost_user_dev.c); a kick on the command queue takes
 * every available chain, copies the request out of guest memory (the guest
 * may rewrite it meanwhile; at most header + SCMI_SERVER_MAX_PAYLOAD bytes),
 * runs it through scmi_server_process_raw() and writes header + response
 * into the chain's writable part. Kicks on the event queue only mean that
 * buffers were posted: they stay available for vhost_scmi_send_p2a().
 *
 * Delayed responses. The driver handles the command queue's and the event
 * queue's interrupts independently (Linux: two vectors, maybe two CPUs), so a
 * delayed response signalled right after its command's reply may be seen
 * first, and Linux then rejects the late reply. A delayed response therefore
 * waits in @dr until (a) the platform's own latency for the operation has
 * passed (at least DR_FLOOR_US: a real platform is never instantaneous) and
 * (b) the driver has consumed the reply: with VIRTIO_RING_F_EVENT_IDX the
 * driver publishes in used_event how far it has taken used entries, so we
 * see it (plus DR_GRACE_US, as Linux may publish it just before it parses
 * the reply), or DR_WAIT_MS passed; without EVENT_IDX nothing shows it, and
 * DR_BLIND_MS after the reply stands in. The device thread checks every
 * DR_TICK_MS while some are queued; the command queue is served meanwhile.
 *
 * Locking. @lock guards the device state (memory table, rings, connection)
 * against vhost_scmi_send_p2a() from other threads. It is not held while the
 * server runs, so that server code may send an event to this or another
 * device. Only this thread changes the memory table, so a chain's mapped
 * segments stay valid across the unlocked call. The commands of one device
 * are serialised by its single thread (the PTA's per-channel lock is private
 * to it; a channel given to both a PTA agent and a virtio device may see two
 * messages in parallel, which the server core tolerates as it keeps no
 * per-channel state).
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "platform/sim/sim_fastchannel.h"
#include "secure/vhost_user_dev.h"
#include "secure/msg_tap.h"
#include "secure/unix_path.h"
#include "secure/vhost_user_scmi.h"

/* epoll tags. */
#define TAG_STOP   1u
#define TAG_LISTEN 2u
#define TAG_CONN   3u
#define TAG_KICK0  16u

/* virtio ring feature: used_event / avail_event (virtio 1.2, 2.7.10). */
#define VHU_RING_F_EVENT_IDX 29

/* Delayed responses (see the theory of operation). */
#define DR_MAX		  32	 /* queued per device; more are sent at once */
#define DR_FLOOR_US	  1000	 /* least time an asynchronous operation takes */
#define DR_LATENCY_MAX_US 500000 /* a platform latency above this is taken as this */
#define DR_GRACE_US	  2000	 /* after the driver showed it consumed the reply */
#define DR_BLIND_MS	  20	 /* without EVENT_IDX: after the reply */
#define DR_WAIT_MS	  1000	 /* with EVENT_IDX: longest wait for the driver */
#define DR_GIVE_UP_MS	  1500	 /* no event buffer posted by then: the response is lost */
#define DR_TICK_MS	  1

/* A frontend that starts a message must finish it within this time (ms). */
#define RECV_TIMEOUT_MS 2000
/* Poll period of a queue the frontend gave no kick fd (ms). */
#define POLL_MS 5

/**
 * struct dr_entry - a delayed response waiting for its turn.
 * @due_ns:     not before this (CLOCK_MONOTONIC): the operation's latency
 * @blind_ns:   without EVENT_IDX, not before this either
 * @wait_ns:    with EVENT_IDX, sent at this time even if the driver showed nothing
 * @give_up_ns: dropped if no event buffer is posted by then
 * @seen_ns:    when the driver was seen to have consumed the reply (0: not yet)
 * @used_after: the command queue's used index just after the reply was added
 * @dl:         the response
 */
struct dr_entry {
	uint64_t due_ns, blind_ns, wait_ns, give_up_ns, seen_ns;
	uint16_t used_after;
	struct scmi_server_delayed dl;
};

/**
 * struct vhost_scmi_dev - one device.
 * @srv:       the server core
 * @channel:   the platform channel the device is
 * @path:      socket path; @sock_ino: its inode, so stop unlinks only our own file
 * @listen_fd, @conn_fd, @stop_fd, @epfd: sockets and fds of the thread
 * @kick_reg:  kick fd registered in epoll per queue (-1: none)
 * @thread:    the device thread
 * @lock:      guards @vd and @conn_fd (see the theory of operation)
 * @vd:        vhost-user state
 * @delayed:   the delayed response of the command being served (device thread only)
 * @dr, @n_dr: delayed responses waiting to be sent, oldest first (under @lock)
 * @next:      the list of live devices (the P2A sink's registry)
 * @fc_plat:   the platform whose fast channels the thread serves (NULL: none)
 * @fc_next_ns: when the next fast-channel pass is due (device thread only)
 * @fc_unmapped: the region was found outside guest memory (logged once per connection)
 */
struct vhost_scmi_dev {
	struct scmi_server *srv;
	uint32_t channel;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	ino_t sock_ino;
	int listen_fd, conn_fd, stop_fd, epfd;
	int kick_reg[VIRTIO_SCMI_VQ_COUNT];
	pthread_t thread;
	pthread_mutex_t lock;
	struct vhu_dev vd;
	struct scmi_server_delayed delayed;
	struct dr_entry dr[DR_MAX];
	size_t n_dr;
	struct vhost_scmi_dev *next;
	struct sim_platform *fc_plat;
	uint64_t fc_next_ns;
	bool fc_unmapped;
};

/*
 * The live devices, for the P2A sink: a notification names a channel (or an agent) and
 * must find the device(s) serving it. @devs_lock is taken before a device's @lock, and
 * a device leaves the list before it is freed, so a device found under @devs_lock is
 * alive while it is held.
 */
static pthread_mutex_t devs_lock = PTHREAD_MUTEX_INITIALIZER;
static struct vhost_scmi_dev *devs;

#define LOG(d, fmt, ...) fprintf(stderr, "vhost-user-scmi %s: " fmt "\n", (d)->path, ##__VA_ARGS__)

static uint64_t offered_features(void)
{
	return (1ull << VHU_VIRTIO_F_VERSION_1) | (1ull << VHU_F_PROTOCOL_FEATURES) |
	       (1ull << VHU_RING_F_EVENT_IDX) | (1ull << VIRTIO_SCMI_F_P2A_CHANNELS);
}

static uint64_t offered_protocol(void)
{
	return (1ull << VHU_PROTOCOL_F_MQ) | (1ull << VHU_PROTOCOL_F_REPLY_ACK);
}

uint32_t vhost_scmi_channel(const struct vhost_scmi_dev *d)
{
	return d->channel;
}

/* Keep epoll's kick registrations equal to the queues' kick fds. Called with @lock held. */
static void sync_kicks(struct vhost_scmi_dev *d)
{
	for (uint32_t q = 0; q < VIRTIO_SCMI_VQ_COUNT; q++) {
		int fd = d->vd.vq[q].kick_fd;
		struct epoll_event ev = {.events = EPOLLIN, .data.u64 = TAG_KICK0 + q};

		if (d->kick_reg[q] >= 0)
			epoll_ctl(d->epfd, EPOLL_CTL_DEL, d->kick_reg[q], NULL); /* may be closed */
		d->kick_reg[q] = -1;
		if (fd >= 0 && !epoll_ctl(d->epfd, EPOLL_CTL_ADD, fd, &ev))
			d->kick_reg[q] = fd;
	}
}

/* Whether a started, enabled queue has no kick fd, so that we must poll it. */
static bool must_poll(struct vhost_scmi_dev *d)
{
	for (uint32_t q = 0; q < VIRTIO_SCMI_VQ_COUNT; q++) {
		const struct vhu_vring *vq = &d->vd.vq[q];

		if (vhu_vring_ready(vq) && vq->kick_fd < 0)
			return true;
	}
	return false;
}

static const char *chain_error(const struct vhu_chain *c)
{
	switch (c->err) {
	case 0:
		return c->rd_len < 4 ? "request shorter than a header"
				     : "response room shorter than header and status";
	case -EFAULT:
		return "address outside guest memory";
	case -ELOOP:
		return "longer than the queue: a loop";
	case -E2BIG:
		return "too many segments";
	default:
		return "bad flags or order";
	}
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/*
 * Serve one chain of the command queue; @lock is held on entry and on return. A delayed
 * response the command leaves is put in @dl, with the operation's latency in *@lat_us.
 */
static void serve_chain(struct vhost_scmi_dev *d, struct vhu_chain *c,
			struct scmi_server_delayed *dl, uint32_t *lat_us)
{
	struct vhu_vring *vq = &d->vd.vq[VIRTIO_SCMI_VQ_TX];
	uint8_t req[4 + SCMI_SERVER_MAX_PAYLOAD];
	uint8_t rsp[4 + SCMI_SERVER_MAX_PAYLOAD];
	size_t n, room, out;
	uint32_t hdr;

	dl->pending = false;
	*lat_us = 0;
	if (c->err || c->rd_len < 4 || c->wr_len < 8) {
		LOG(d, "cmdq: bad descriptor chain at %u (%s), completed empty", c->head,
		    chain_error(c));
		vhu_vring_push(vq, c->head, 0);
		return;
	}
	n = vhu_chain_read(c, req, sizeof(req));
	hdr = scmi_get_le32(req);
	room = c->wr_len - 4 < SCMI_SERVER_MAX_PAYLOAD ? (size_t)c->wr_len - 4
						       : SCMI_SERVER_MAX_PAYLOAD;
	pthread_mutex_unlock(&d->lock);
	if (c->rd_len > sizeof(req)) {
		/* Longer than any message of ours: the server would refuse its size. */
		scmi_put_le32(rsp + 4, (uint32_t)SCMI_PROTOCOL_ERROR);
		out = 4;
	} else {
		out = scmi_server_process_p2a(d->srv, d->channel, hdr, req + 4, n - 4, rsp + 4,
					      room, dl);
		/* The server says how long the operation takes; we only keep time. */
		if (dl->pending)
			*lat_us =
			    dl->latency_us < DR_LATENCY_MAX_US ? dl->latency_us : DR_LATENCY_MAX_US;
	}
	pthread_mutex_lock(&d->lock);
	scmi_put_le32(rsp, hdr);
	vhu_chain_write(c, rsp, 4 + out);
	msg_tap_exchange(d->srv, MSG_TAP_VIRTIO, d->channel, req, n, rsp, 4 + out);
	vhu_vring_push(vq, c->head, (uint32_t)(4 + out));
}

static int send_p2a_locked(struct vhost_scmi_dev *d, const void *msg, size_t len);

/* Send @dl on the event queue now; @lock held. Returns what vhost_scmi_send_p2a() would. */
static int send_delayed(struct vhost_scmi_dev *d, const struct scmi_server_delayed *dl)
{
	uint8_t buf[4 + SCMI_SERVER_MAX_PAYLOAD];
	size_t len = dl->len <= SCMI_SERVER_MAX_PAYLOAD ? dl->len : 0;

	scmi_put_le32(buf, dl->hdr);
	memcpy(buf + 4, dl->payload, len);
	return send_p2a_locked(d, buf, 4 + len);
}

/* Queue the delayed response of the reply just added to the cmdq (@lock held). */
static void queue_delayed(struct vhost_scmi_dev *d, const struct scmi_server_delayed *dl,
			  uint32_t lat_us)
{
	uint64_t now = now_ns(), floor_us = lat_us > DR_FLOOR_US ? lat_us : DR_FLOOR_US;
	struct dr_entry *e;
	int rc;

	if (d->n_dr == DR_MAX) {
		/* More than any agent keeps pending (we advertise 16): better early than lost. */
		rc = send_delayed(d, dl);
		LOG(d, "eventq: %u delayed responses queued; 0x%08x sent at once%s%s", DR_MAX,
		    dl->hdr, rc ? ", lost: " : "", rc ? strerror(-rc) : "");
		return;
	}
	e = &d->dr[d->n_dr++];
	e->due_ns = now + floor_us * 1000u;
	e->blind_ns = now + DR_BLIND_MS * 1000000ull;
	e->wait_ns = now + DR_WAIT_MS * 1000000ull;
	e->give_up_ns = now + DR_GIVE_UP_MS * 1000000ull;
	if (e->give_up_ns < e->due_ns + 500000000ull)
		e->give_up_ns = e->due_ns + 500000000ull;
	e->seen_ns = 0;
	e->used_after = d->vd.vq[VIRTIO_SCMI_VQ_TX].used_idx;
	e->dl = *dl;
}

/*
 * Whether the driver has taken the cmdq's used entries up to @after (exclusive): its
 * used_event lies in [@after, used_idx]. Linux writes 0 there while its callback runs
 * with interrupts suppressed; that value only counts when 0 is in the window (then the
 * time limits decide, as without EVENT_IDX).
 */
static bool reply_consumed(const struct vhu_vring *vq, uint16_t after)
{
	uint16_t ev;

	if (!vq->avail)
		return false;
	ev = __atomic_load_n((const uint16_t *)(const void *)(vq->avail + 4 + 2 * (size_t)vq->num),
			     __ATOMIC_ACQUIRE);
	return (uint16_t)(ev - after) <= (uint16_t)(vq->used_idx - after);
}

/* Send the queued delayed responses whose time has come; @lock held. */
static void flush_delayed(struct vhost_scmi_dev *d)
{
	const struct vhu_vring *cq = &d->vd.vq[VIRTIO_SCMI_VQ_TX];
	bool evidx = vhu_dev_has_feature(&d->vd, VHU_RING_F_EVENT_IDX);
	uint64_t now = now_ns();
	size_t i, kept = 0;

	for (i = 0; i < d->n_dr; i++) {
		struct dr_entry *e = &d->dr[i];
		bool ready;
		int rc;

		if (evidx && !e->seen_ns && reply_consumed(cq, e->used_after))
			e->seen_ns = now;
		if (evidx)
			ready = (e->seen_ns && now >= e->seen_ns + DR_GRACE_US * 1000ull) ||
				now >= e->wait_ns;
		else
			ready = now >= e->blind_ns;
		ready = ready && now >= e->due_ns;
		if (ready) {
			rc = send_delayed(d, &e->dl);
			if (!rc) {
				if (evidx && !e->seen_ns)
					LOG(d,
					    "eventq: delayed response 0x%08x sent before the "
					    "driver showed it took the reply",
					    e->dl.hdr);
				continue;
			}
			if (rc != -ENOBUFS || now >= e->give_up_ns) {
				LOG(d, "eventq: delayed response 0x%08x lost: %s", e->dl.hdr,
				    strerror(-rc));
				continue;
			}
		}
		if (kept != i)
			d->dr[kept] = *e;
		kept++;
	}
	d->n_dr = kept;
}

/*
 * With EVENT_IDX the driver kicks only when its available index passes the avail_event
 * we publish: publish where we are, then look again (the driver may have added a chain
 * before it saw the new value). true when more chains are available. @lock held.
 */
static bool publish_avail_event(struct vhost_scmi_dev *d, struct vhu_vring *vq)
{
	uint16_t *ev;

	if (!vhu_dev_has_feature(&d->vd, VHU_RING_F_EVENT_IDX) || !vhu_vring_ready(vq))
		return false;
	ev = (uint16_t *)(void *)(vq->used + 4 + 8 * (size_t)vq->num);
	__atomic_store_n(ev, vq->last_avail, __ATOMIC_RELEASE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return __atomic_load_n((const uint16_t *)(const void *)(vq->avail + 2), __ATOMIC_ACQUIRE) !=
	       vq->last_avail;
}

/* Take every available command. Called with @lock held. */
static void serve_cmdq(struct vhost_scmi_dev *d)
{
	struct vhu_vring *vq = &d->vd.vq[VIRTIO_SCMI_VQ_TX];
	struct vhu_chain c;
	bool done = false;
	int rc;

	do {
		while ((rc = vhu_vring_pop(vq, &d->vd.mem, &c)) == 1) {
			struct scmi_server_delayed *dl = &d->delayed;
			uint32_t lat_us;

			serve_chain(d, &c, dl, &lat_us);
			done = true;
			if (dl->pending)
				queue_delayed(d, dl, lat_us);
		}
	} while (rc == 0 && publish_avail_event(d, vq));
	if (rc < 0)
		LOG(d, "cmdq: available ring corrupted by the driver; queue stopped");
	if (done)
		vhu_vring_notify(vq);
}

/* vhost_scmi_send_p2a() with @lock held. */
static int send_p2a_locked(struct vhost_scmi_dev *d, const void *msg, size_t len)
{
	struct vhu_vring *vq = &d->vd.vq[VIRTIO_SCMI_VQ_RX];
	struct vhu_chain c;
	int rc;

	if (d->conn_fd < 0 || !vhu_vring_ready(vq))
		return -ENOTCONN;
	if (!vhu_dev_has_feature(&d->vd, VIRTIO_SCMI_F_P2A_CHANNELS))
		return -EOPNOTSUPP;
	msg_tap(d->srv, MSG_TAP_VIRTIO, d->channel, MSG_TAP_P2A, msg, len);
	for (;;) {
		rc = vhu_vring_pop(vq, &d->vd.mem, &c);
		if (rc == 0 && publish_avail_event(d, vq))
			continue;
		if (rc == 0)
			return -ENOBUFS;
		if (rc < 0) {
			LOG(d, "eventq: available ring corrupted by the driver; queue stopped");
			return rc;
		}
		if (c.err || c.n_rd || c.wr_len < len) {
			LOG(d, "eventq: unusable buffer at %u (%s), completed empty", c.head,
			    c.err ? chain_error(&c) : "readable or too small");
			vhu_vring_push(vq, c.head, 0);
			vhu_vring_notify(vq);
			continue;
		}
		vhu_chain_write(&c, msg, len);
		vhu_vring_push(vq, c.head, (uint32_t)len);
		vhu_vring_notify(vq);
		return 0;
	}
}

int vhost_scmi_send_p2a(struct vhost_scmi_dev *d, const void *msg, size_t len)
{
	int rc;

	if (!d || !msg || len < 4 || len > UINT32_MAX)
		return -EINVAL;
	pthread_mutex_lock(&d->lock);
	rc = send_p2a_locked(d, msg, len);
	pthread_mutex_unlock(&d->lock);
	return rc;
}

static void drop_conn(struct vhost_scmi_dev *d)
{
	pthread_mutex_lock(&d->lock);
	if (d->conn_fd >= 0) {
		epoll_ctl(d->epfd, EPOLL_CTL_DEL, d->conn_fd, NULL);
		close(d->conn_fd);
		d->conn_fd = -1;
	}
	if (d->n_dr)
		LOG(d, "eventq: %zu delayed responses lost with the frontend", d->n_dr);
	d->n_dr = 0;
	vhu_dev_reset(&d->vd);
	sync_kicks(d);
	pthread_mutex_unlock(&d->lock);
}

static void accept_conn(struct vhost_scmi_dev *d)
{
	struct timeval tv = {.tv_sec = RECV_TIMEOUT_MS / 1000,
			     .tv_usec = (suseconds_t)(RECV_TIMEOUT_MS % 1000) * 1000};
	struct epoll_event ev = {.events = EPOLLIN, .data.u64 = TAG_CONN};
	int fd = accept4(d->listen_fd, NULL, NULL, SOCK_CLOEXEC);

	if (fd < 0)
		return;
	if (d->conn_fd >= 0) {
		LOG(d, "a frontend is already connected; refusing another");
		close(fd);
		return;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) ||
	    epoll_ctl(d->epfd, EPOLL_CTL_ADD, fd, &ev)) {
		LOG(d, "cannot serve a frontend: %s", strerror(errno));
		close(fd);
		return;
	}
	pthread_mutex_lock(&d->lock);
	d->conn_fd = fd;
	d->fc_unmapped = false;
	pthread_mutex_unlock(&d->lock);
}

/* One frontend message. false when the connection must go. */
static bool serve_msg(struct vhost_scmi_dev *d)
{
	struct vhu_msg m, reply;
	int fds[VHU_MAX_FDS];
	bool has_reply;
	size_t nfds;
	int rc;

	rc = vhu_recv(d->conn_fd, &m, fds, &nfds);
	if (rc == -ECONNRESET)
		return false;
	if (rc) {
		LOG(d, "frontend message unreadable (%s); closing the connection", strerror(-rc));
		return false;
	}
	pthread_mutex_lock(&d->lock);
	rc = vhu_dev_handle(&d->vd, &m, fds, nfds, &reply, &has_reply);
	sync_kicks(d);
	if (rc != -EPROTO)
		serve_cmdq(d);
	pthread_mutex_unlock(&d->lock);
	if (rc == -EPROTO) {
		LOG(d, "malformed %s (request %u, %u bytes); closing the connection",
		    vhu_request_name(m.request), m.request, m.size);
		return false;
	}
	if (rc == -EOPNOTSUPP)
		LOG(d, "unsupported request %u (%s) ignored", m.request,
		    vhu_request_name(m.request));
	else if (rc)
		LOG(d, "%s failed: %s", vhu_request_name(m.request), strerror(-rc));
	if (has_reply && vhu_send(d->conn_fd, &reply, NULL, 0))
		return false;
	return true;
}

/* Reset a kick eventfd's counter. It may be blocking (it is the frontend's): poll first. */
static void drain(int fd)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	uint64_t v;

	if (poll(&p, 1, 0) == 1 && (p.revents & POLLIN) && read(fd, &v, sizeof(v)) < 0) {
		/* Someone else reset it meanwhile: nothing to do. */
	}
}

/*
 * The channel's agent's fast-channel region, while a frontend is connected (lock held). The
 * region is guest memory: it may come and go with the memory table.
 */
static bool fc_region(struct vhost_scmi_dev *d, uint32_t *agent, struct sim_fc_region *r)
{
	const struct scmi_server *srv = d->srv;

	return d->fc_plat && d->conn_fd >= 0 && d->vd.mem.n && srv->ops &&
	       srv->ops->channel_agent && srv->ops->channel_agent(srv->plat, d->channel, agent) &&
	       sim_fc_region_of(d->fc_plat, *agent, r);
}

/*
 * A fast-channel pass when one is due; the ms until the next (-1: none). The pass runs
 * without @lock: it may raise notifications, which the P2A sink sends under it. Only this
 * thread changes the memory table, so the mapping stays while the pass reads it.
 */
static int fc_tick(struct vhost_scmi_dev *d)
{
	struct sim_fc_region r;
	uint64_t now = now_ns();
	uint8_t *mem = NULL;
	uint32_t agent;
	bool ok;

	pthread_mutex_lock(&d->lock);
	ok = fc_region(d, &agent, &r);
	if (ok && now >= d->fc_next_ns) {
		mem = vhu_mem_gpa(&d->vd.mem, r.addr, r.size);
		if (!mem && !d->fc_unmapped) {
			LOG(d, "fast channels of agent %u at 0x%llx are not in guest memory", agent,
			    (unsigned long long)r.addr);
			d->fc_unmapped = true;
		}
		d->fc_next_ns = now + (uint64_t)r.rate_limit_us * 1000u;
	}
	pthread_mutex_unlock(&d->lock);
	if (!ok)
		return -1;
	if (mem)
		(void)sim_fc_service(d->fc_plat, agent, mem, (size_t)r.size);
	return (int)((d->fc_next_ns - now + 999999u) / 1000000u);
}

static void *dev_thread(void *arg)
{
	struct vhost_scmi_dev *d = arg;

	for (;;) {
		struct epoll_event evs[8];
		int timeout, n, fc;

		pthread_mutex_lock(&d->lock);
		timeout = must_poll(d) ? POLL_MS : -1;
		if (d->n_dr)
			timeout = DR_TICK_MS;
		pthread_mutex_unlock(&d->lock);
		fc = fc_tick(d);
		if (fc >= 0 && (timeout < 0 || fc < timeout))
			timeout = fc;
		n = epoll_wait(d->epfd, evs, 8, timeout);
		if (n < 0 && errno != EINTR)
			break;
		for (int i = 0; i < n; i++) {
			uint64_t tag = evs[i].data.u64;

			if (tag == TAG_STOP)
				return NULL;
			if (tag == TAG_LISTEN) {
				accept_conn(d);
			} else if (tag == TAG_CONN) {
				if (d->conn_fd >= 0 && !serve_msg(d))
					drop_conn(d);
			} else if (tag >= TAG_KICK0 && tag < TAG_KICK0 + VIRTIO_SCMI_VQ_COUNT) {
				pthread_mutex_lock(&d->lock);
				if (d->kick_reg[tag - TAG_KICK0] >= 0)
					drain(d->kick_reg[tag - TAG_KICK0]);
				pthread_mutex_unlock(&d->lock);
			}
		}
		/* Kicked or polled: the command queue is cheap to look at. */
		pthread_mutex_lock(&d->lock);
		serve_cmdq(d);
		flush_delayed(d);
		pthread_mutex_unlock(&d->lock);
	}
	return NULL;
}

static int open_listener(struct vhost_scmi_dev *d, char *err, size_t err_len)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	struct stat st;
	int rc;

	rc = unix_claim_path(d->path, SOCK_STREAM, "backend", err, err_len);
	if (rc)
		return rc;
	memcpy(sa.sun_path, d->path, strlen(d->path) + 1);
	d->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (d->listen_fd < 0) {
		snprintf(err, err_len, "socket: %s", strerror(errno));
		return -errno;
	}
	if (bind(d->listen_fd, (struct sockaddr *)&sa, sizeof(sa))) {
		rc = -errno;
		snprintf(err, err_len, "bind %s: %s", d->path, strerror(errno));
		return rc;
	}
	if (listen(d->listen_fd, 4) || lstat(d->path, &st)) {
		rc = -errno;
		snprintf(err, err_len, "listen %s: %s", d->path, strerror(errno));
		unlink(d->path);
		return rc;
	}
	d->sock_ino = st.st_ino;
	return 0;
}

static int add_fd(struct vhost_scmi_dev *d, int fd, uint64_t tag)
{
	struct epoll_event ev = {.events = EPOLLIN, .data.u64 = tag};

	return epoll_ctl(d->epfd, EPOLL_CTL_ADD, fd, &ev) ? -errno : 0;
}

static void free_dev(struct vhost_scmi_dev *d)
{
	struct stat st;

	vhu_dev_reset(&d->vd);
	if (d->conn_fd >= 0)
		close(d->conn_fd);
	if (d->listen_fd >= 0) {
		close(d->listen_fd);
		if (!lstat(d->path, &st) && st.st_ino == d->sock_ino)
			unlink(d->path);
	}
	if (d->stop_fd >= 0)
		close(d->stop_fd);
	if (d->epfd >= 0)
		close(d->epfd);
	pthread_mutex_destroy(&d->lock);
	free(d);
}

int vhost_scmi_start(struct scmi_server *srv, const struct vhost_scmi_config *cfg,
		     struct vhost_scmi_dev **out, char *err, size_t err_len)
{
	struct vhost_scmi_dev *d;
	int rc;

	if (!srv || !cfg || !cfg->socket_path || !out) {
		snprintf(err, err_len, "vhost-user: missing argument");
		return -EINVAL;
	}
	if (!cfg->socket_path[0] || strlen(cfg->socket_path) >= sizeof(d->path)) {
		snprintf(err, err_len, "vhost-user: socket path empty or too long: '%s'",
			 cfg->socket_path);
		return -ENAMETOOLONG;
	}
	if (!scmi_server_channel_exists(srv, cfg->channel_id)) {
		snprintf(err, err_len, "vhost-user %s: the platform has no channel %u",
			 cfg->socket_path, cfg->channel_id);
		return -ENOENT;
	}
	d = calloc(1, sizeof(*d));
	if (!d) {
		snprintf(err, err_len, "vhost-user: out of memory");
		return -ENOMEM;
	}
	d->srv = srv;
	d->channel = cfg->channel_id;
	d->fc_plat = cfg->fc_plat;
	memcpy(d->path, cfg->socket_path, strlen(cfg->socket_path) + 1);
	d->listen_fd = d->conn_fd = -1;
	d->kick_reg[0] = d->kick_reg[1] = -1;
	vhu_dev_init(&d->vd, offered_features(), offered_protocol(), VIRTIO_SCMI_VQ_COUNT);
	if (pthread_mutex_init(&d->lock, NULL)) {
		free(d);
		snprintf(err, err_len, "vhost-user: cannot create a mutex");
		return -ENOMEM;
	}
	d->stop_fd = eventfd(0, EFD_CLOEXEC);
	d->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (d->stop_fd < 0 || d->epfd < 0) {
		rc = -errno;
		snprintf(err, err_len, "vhost-user: %s", strerror(errno));
		goto err_free;
	}
	rc = open_listener(d, err, err_len);
	if (rc)
		goto err_free;
	rc = add_fd(d, d->stop_fd, TAG_STOP);
	if (!rc)
		rc = add_fd(d, d->listen_fd, TAG_LISTEN);
	if (!rc)
		rc = -pthread_create(&d->thread, NULL, dev_thread, d);
	if (rc) {
		snprintf(err, err_len, "vhost-user %s: %s", d->path, strerror(-rc));
		goto err_free;
	}
	pthread_mutex_lock(&devs_lock);
	d->next = devs;
	devs = d;
	pthread_mutex_unlock(&devs_lock);
	*out = d;
	return 0;

err_free:
	free_dev(d);
	return rc;
}

void vhost_scmi_stop(struct vhost_scmi_dev *d)
{
	uint64_t one = 1;

	if (!d)
		return;
	pthread_mutex_lock(&devs_lock);
	for (struct vhost_scmi_dev **pp = &devs; *pp; pp = &(*pp)->next) {
		if (*pp == d) {
			*pp = d->next;
			break;
		}
	}
	pthread_mutex_unlock(&devs_lock);
	if (write(d->stop_fd, &one, sizeof(one)) != (ssize_t)sizeof(one))
		LOG(d, "cannot signal the device thread: %s", strerror(errno));
	pthread_join(d->thread, NULL);
	free_dev(d);
}

/* Whether a guest is connected and took the event queue (P2A) feature. @lock not held. */
static bool dev_has_p2a(struct vhost_scmi_dev *d)
{
	bool on;

	pthread_mutex_lock(&d->lock);
	on = d->conn_fd >= 0 && vhu_dev_has_feature(&d->vd, VIRTIO_SCMI_F_P2A_CHANNELS);
	pthread_mutex_unlock(&d->lock);
	return on;
}

/* cppcheck-suppress constParameter ; the type of scmi_server_p2a_ops.has_p2a */
static bool sink_has_p2a(void *ctx, uint32_t channel_id)
{
	const struct vhost_scmi_dev *d;
	bool on = false;

	pthread_mutex_lock(&devs_lock);
	for (d = devs; d && !on; d = d->next) {
		if (d->srv == ctx && d->channel == channel_id)
			on = dev_has_p2a((struct vhost_scmi_dev *)d);
	}
	pthread_mutex_unlock(&devs_lock);
	return on;
}

/* cppcheck-suppress constParameter ; the type of scmi_server_p2a_ops.send */
static int sink_send(void *ctx, uint32_t channel_id, const void *msg, size_t len)
{
	struct vhost_scmi_dev *d;
	int rc = -ENOTCONN;

	pthread_mutex_lock(&devs_lock);
	for (d = devs; d; d = d->next) {
		if (d->srv == ctx && d->channel == channel_id) {
			rc = vhost_scmi_send_p2a(d, msg, len);
			if (rc)
				LOG(d, "eventq: notification 0x%08x lost: %s",
				    len >= 4 ? scmi_get_le32(msg) : 0u, strerror(-rc));
		}
	}
	pthread_mutex_unlock(&devs_lock);
	return rc;
}

static size_t sink_agent_channels(void *ctx, uint32_t agent_id, uint32_t *ids, size_t max)
{
	const struct scmi_server *srv = ctx;
	struct vhost_scmi_dev *d;
	uint32_t agent;
	size_t n = 0, i;

	pthread_mutex_lock(&devs_lock);
	for (d = devs; d && n < max; d = d->next) {
		if (d->srv != srv || !srv->ops || !srv->ops->channel_agent ||
		    !srv->ops->channel_agent(srv->plat, d->channel, &agent) || agent != agent_id ||
		    !dev_has_p2a(d))
			continue;
		for (i = 0; i < n && ids[i] != d->channel; i++)
			;
		if (i == n)
			ids[n++] = d->channel;
	}
	pthread_mutex_unlock(&devs_lock);
	return n;
}

static const struct scmi_server_p2a_ops sink_ops = {
    .send = sink_send,
    .has_p2a = sink_has_p2a,
    .agent_channels = sink_agent_channels,
};

const struct scmi_server_p2a_ops *vhost_scmi_p2a_ops(void)
{
	return &sink_ops;
}
