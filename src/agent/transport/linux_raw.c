// SPDX-License-Identifier: BSD-3-Clause
/*
 * The linux-raw transport: libscmi on a real board, through the kernel's SCMI
 * raw mode in debugfs (CONFIG_ARM_SCMI_RAW_MODE_SUPPORT, Linux 6.3 and later;
 * with _COEX the kernel's own SCMI drivers keep running beside it).
 *
 * Theory of operation. What Linux 6.12 (drivers/firmware/arm_scmi/raw_mode.c)
 * does, and so what is left to us:
 * - raw/message takes one whole message per write (le32 header, then the
 *   payload): fewer than 4 bytes is EINVAL, a payload above the transport's
 *   max_msg_size is ERANGE, a token still in flight in the kernel is retried
 *   for a while and then refused. The kernel sends it on the channel of its
 *   protocol; raw/channels/0xNN/message sends on channel NN. The write returns
 *   once the message is sent.
 * - A write lands in the open file's buffer at the file position, and a read
 *   moves that same position without a write resetting it first: on a file
 *   that has been read, the next write would send a stale buffer. So we write
 *   through one descriptor and read through another.
 * - The kernel keeps the token user space wrote and does not pair replies with
 *   writers: each reply to a raw command goes to one queue per directory, which
 *   whoever reads message (or message_async) first gets, one message per read
 *   (header, status, return values) and then a read of 0 bytes at its end. A
 *   reply later than the transport's max_rx_timeout_ms goes to raw/errors.
 * - message_async is the same for a command that asks for a delayed response;
 *   the delayed response (type 2, same token) follows on the same queue.
 * - raw/notification queues every notification the kernel receives (header and
 *   payload, no status), overwriting the oldest when full.
 * So tokens, timeouts and the pairing are ours. The core picks tokens as for
 * any transport, here from a random start so that a second program does not
 * begin on tokens a first one left in flight. A transfer holds its queue (a
 * mutex within the process, an flock on the message file across processes)
 * from its write until its reply, and delayed response, is read; a message on
 * the queue that is not the one awaited is stale (a reply we gave up on, or
 * another program's): it is dropped and counted as a bad reply. The core times
 * out as for any transport, polling poll_done, which waits for the file to turn
 * readable in short slices.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "agent/common.h"
#include "agent/linux_raw.h"
#include "scmi/proto/endian.h"

/* Longest wait in one poll_done: how far past its timeout the core may notice. */
#define LRAW_SLICE_MS 5
/* Header; header and status. */
#define LRAW_HDR	4u
#define LRAW_HDR_STATUS 8u
/* How long a transfer waits for another program's transfer on the same queue, at least. */
#define LRAW_HOLD_MIN_MS 1000u

/**
 * struct lraw_queue - one reply queue of the kernel: a directory's message files.
 * @dir:       the directory (raw/, or raw/channels/0xNN/)
 * @chan:      its kernel channel (a protocol id), 0 for raw/ (by protocol)
 * @fd:        message, read only: the replies (and the flock)
 * @wfd:       message, written only: synchronous commands
 * @afd:       message_async, written only, opened at the first asynchronous command (-1 until
 *             then)
 * @lock:      held by the transfer in progress, from send_message to mark_txdone
 * @held:      the transfer holds the flock on @fd too
 * @tx:        the message being written: header and payload
 * @buf:       the message awaited, once read: header, status, values
 * @early:     a delayed response that came before its immediate reply
 * @cap:       size of @tx, @buf and @early
 * @len:       bytes in @buf (0: not read yet)
 * @full:      bytes the message in @buf had (> @len when cut)
 * @early_len: bytes in @early; @early_full: bytes it had
 * @rerr:      a read error met while waiting (reported by fetch_response)
 */
struct lraw_queue {
	char dir[PATH_MAX];
	uint8_t chan;
	int fd;
	int wfd;
	int afd;
	pthread_mutex_t lock;
	bool held;
	uint8_t *tx;
	uint8_t *buf;
	uint8_t *early;
	size_t cap;
	size_t len;
	size_t full;
	size_t early_len;
	size_t early_full;
	int rerr;
};

/**
 * struct lraw - the transport's per-agent state (agent->tpriv).
 * @io:       the file operations
 * @root:     the raw directory (with notification)
 * @dir:      the directory the configuration named (@root, or one of its channels)
 * @forced:   the channel of @dir when it is a channel directory, else -1
 * @q:        reply queues in use; @nq: how many
 * @nfd:      notification, opened at the first wait (-1 until then)
 * @nlock:    one notification reader at a time
 * @nbuf:     one notification; @ncap its size
 */
struct lraw {
	const struct scmi_linux_raw_io *io;
	char root[PATH_MAX];
	char dir[PATH_MAX];
	int forced;
	struct lraw_queue *q[SCMI_DT_MAX_CHANNELS];
	size_t nq;
	int nfd;
	pthread_mutex_t nlock;
	uint8_t *nbuf;
	size_t ncap;
};

/* The real files. */

static int sys_open(void *ctx, const char *path, int flags)
{
	int fd;

	(void)ctx;
	fd = open(path, flags);
	/* cppcheck-suppress resourceLeak ; the descriptor is returned, the caller closes it */
	return fd < 0 ? -errno : fd;
}

static void sys_close(void *ctx, int fd)
{
	(void)ctx;
	close(fd);
}

static ssize_t sys_read(void *ctx, int fd, void *buf, size_t len)
{
	ssize_t n;

	(void)ctx;
	do
		n = read(fd, buf, len);
	while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : n;
}

static ssize_t sys_write(void *ctx, int fd, const void *buf, size_t len)
{
	ssize_t n;

	(void)ctx;
	do
		n = write(fd, buf, len);
	while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : n;
}

static int sys_poll(void *ctx, int fd, int timeout_ms)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	int n;

	(void)ctx;
	n = poll(&p, 1, timeout_ms);
	/* A signal (Ctrl-C in a watch loop) ends the wait early; the caller polls again. */
	if (n < 0)
		return errno == EINTR ? 0 : -errno;
	return n > 0 && (p.revents & (POLLIN | POLLERR | POLLHUP)) ? 1 : 0;
}

static int sys_lock(void *ctx, int fd, bool exclusive)
{
	(void)ctx;
	return flock(fd, exclusive ? LOCK_EX | LOCK_NB : LOCK_UN) ? -errno : 0;
}

const struct scmi_linux_raw_io scmi_linux_raw_sys_io = {
    .open = sys_open,
    .close = sys_close,
    .read = sys_read,
    .write = sys_write,
    .poll = sys_poll,
    .lock = sys_lock,
};

/* Helpers. */

static uint64_t lraw_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static int lraw_path(char *buf, size_t len, const char *dir, const char *name)
{
	int n = snprintf(buf, len, "%s/%s", dir, name);

	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

static int lraw_open(const struct lraw *lr, const char *dir, const char *name, int flags)
{
	char path[PATH_MAX];
	int ret = lraw_path(path, sizeof(path), dir, name);

	return ret ? ret : lr->io->open(lr->io->ctx, path, flags | O_CLOEXEC);
}

/* 0 if @dir/@name can be opened for reading, else -errno. */
static int lraw_exists(const struct lraw *lr, const char *dir, const char *name)
{
	int fd = lraw_open(lr, dir, name, O_RDONLY | O_NONBLOCK);

	if (fd < 0)
		return fd;
	lr->io->close(lr->io->ctx, fd);
	return 0;
}

/* A decimal number from a small file (the kernel's transport/ entries); 0 if unreadable. */
static uint32_t lraw_read_u32(const struct lraw *lr, const char *dir, const char *name)
{
	char text[32];
	unsigned long v;
	ssize_t n;
	char *end;
	int fd;

	fd = lraw_open(lr, dir, name, O_RDONLY);
	if (fd < 0)
		return 0;
	n = lr->io->read(lr->io->ctx, fd, text, sizeof(text) - 1);
	lr->io->close(lr->io->ctx, fd);
	if (n <= 0)
		return 0;
	text[n] = '\0';
	errno = 0;
	v = strtoul(text, &end, 10);
	if (errno || end == text || v > UINT32_MAX)
		return 0;
	return (uint32_t)v;
}

/*
 * One whole message from @fd into @buf (@cap bytes): the bytes kept, 0 when none is
 * queued, or -errno. *@full gets the bytes the message had; the rest is read and
 * dropped, down to the 0-byte read that ends it, so the next read starts a new one.
 */
static ssize_t lraw_read_msg(const struct lraw *lr, int fd, uint8_t *buf, size_t cap, size_t *full)
{
	const struct scmi_linux_raw_io *io = lr->io;
	uint8_t spill[64] = {0};
	size_t got = 0, total = 0;
	ssize_t n;
	int tries;

	/* A stray end-of-message mark (a message left half read) comes first: skip it. */
	for (tries = 0; tries < 2; tries++) {
		n = io->read(io->ctx, fd, buf, cap);
		if (n != 0)
			break;
	}
	if (n == -EAGAIN || n == 0)
		return 0;
	if (n < 0)
		return n;
	got = total = (size_t)n;
	for (;;) {
		uint8_t *dst = got < cap ? buf + got : spill;
		size_t room = got < cap ? cap - got : sizeof(spill);

		n = io->read(io->ctx, fd, dst, room);
		if (n == 0 || n == -EAGAIN)
			break;
		if (n < 0)
			return n;
		total += (size_t)n;
		if (got < cap)
			got += (size_t)n;
	}
	*full = total;
	return (ssize_t)got;
}

static void lraw_count_stale(struct scmi_agent *agent)
{
	pthread_mutex_lock(&agent->err_lock);
	agent->bad_replies++;
	pthread_mutex_unlock(&agent->err_lock);
}

/*
 * Read @q until the message with header @want is in q->buf: 1 when it is, 0 when
 * @timeout_ms passed first, -errno on a read error. A delayed response @keep (0: none)
 * that comes first is kept aside in q->early; anything else is stale and dropped.
 */
static int lraw_await(struct scmi_agent *agent, struct lraw_queue *q, uint32_t want, uint32_t keep,
		      uint32_t timeout_ms)
{
	const struct lraw *lr = agent->tpriv;
	uint64_t deadline = lraw_now_ms() + timeout_ms;
	size_t full = 0;

	for (;;) {
		ssize_t n = lraw_read_msg(lr, q->fd, q->buf, q->cap, &full);
		uint64_t now;
		uint32_t hdr;
		int p;

		if (n < 0)
			return (int)n;
		if (n > 0) {
			hdr = (size_t)n >= LRAW_HDR ? scmi_get_le32(q->buf) : 0;
			if ((size_t)n >= LRAW_HDR && hdr == want) {
				q->len = (size_t)n;
				q->full = full;
				return 1;
			}
			if ((size_t)n >= LRAW_HDR && keep && hdr == keep && !q->early_len) {
				memcpy(q->early, q->buf, (size_t)n);
				q->early_len = (size_t)n;
				q->early_full = full;
				continue;
			}
			lraw_count_stale(agent);
			continue;
		}
		now = lraw_now_ms();
		if (now >= deadline)
			return 0;
		p = lr->io->poll(lr->io->ctx, q->fd, (int)(deadline - now));
		if (p < 0)
			return p;
	}
}

/* Drop what is already queued: replies nobody waits for any more. */
static void lraw_drain(struct scmi_agent *agent, struct lraw_queue *q)
{
	const struct lraw *lr = agent->tpriv;
	size_t full;
	int i;

	/* Bounded: the kernel queues at most tx_max_msg replies per queue. */
	for (i = 0; i < 256; i++) {
		if (lraw_read_msg(lr, q->fd, q->buf, q->cap, &full) <= 0)
			return;
		lraw_count_stale(agent);
	}
}

/* Take the queue's flock, waiting for another program's transfer to end. */
static int lraw_hold(const struct lraw *lr, struct lraw_queue *q, uint32_t timeout_ms)
{
	uint32_t wait_ms = timeout_ms > LRAW_HOLD_MIN_MS ? timeout_ms : LRAW_HOLD_MIN_MS;
	uint64_t deadline = lraw_now_ms() + wait_ms;
	struct timespec nap = {.tv_sec = 0, .tv_nsec = 1000000};
	int ret;

	for (;;) {
		ret = lr->io->lock(lr->io->ctx, q->fd, true);
		if (!ret) {
			q->held = true;
			return 0;
		}
		/* A file system without locks: rely on the process-local mutex alone. */
		if (ret != -EWOULDBLOCK)
			return 0;
		if (lraw_now_ms() >= deadline)
			return -EBUSY;
		nanosleep(&nap, NULL);
	}
}

/* Header, status and values of a reply in @msg (@len bytes, @full before cutting). */
static int lraw_parse_reply(const uint8_t *msg, size_t len, size_t full, struct scmi_xfer *xfer,
			    const char *what)
{
	size_t vals;

	if (len < LRAW_HDR_STATUS) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "%s of %zu bytes has no status (header and status take 8)", what, len);
		return -EPROTO;
	}
	xfer->resp_hdr = scmi_get_le32(msg);
	xfer->status = (int32_t)scmi_get_le32(msg + LRAW_HDR);
	vals = len - LRAW_HDR_STATUS;
	xfer->rx_full = full - LRAW_HDR_STATUS;
	xfer->rx_len = vals < xfer->rx_max ? vals : xfer->rx_max;
	if (xfer->rx_len)
		memcpy(xfer->rx, msg + LRAW_HDR_STATUS, xfer->rx_len);
	return 0;
}

/* Transport ops. */

static void lraw_queue_free(const struct lraw *lr, struct lraw_queue *q)
{
	if (q->fd >= 0)
		lr->io->close(lr->io->ctx, q->fd);
	if (q->wfd >= 0)
		lr->io->close(lr->io->ctx, q->wfd);
	if (q->afd >= 0)
		lr->io->close(lr->io->ctx, q->afd);
	pthread_mutex_destroy(&q->lock);
	free(q->tx);
	free(q->buf);
	free(q->early);
	free(q);
}

static void lraw_remove(struct scmi_agent *agent)
{
	struct lraw *lr = agent->tpriv;
	size_t i;

	if (!lr)
		return;
	for (i = 0; i < lr->nq; i++)
		lraw_queue_free(lr, lr->q[i]);
	if (lr->nfd >= 0)
		lr->io->close(lr->io->ctx, lr->nfd);
	pthread_mutex_destroy(&lr->nlock);
	free(lr->nbuf);
	free(lr);
	agent->tpriv = NULL;
}

/* Where @dir puts us: the raw directory itself, or one of its channel directories. */
static int lraw_locate(struct lraw *lr, const char *dir, char *err, size_t err_len)
{
	const char *base;
	unsigned long chan;
	char *end;
	int ret;

	snprintf(lr->dir, sizeof(lr->dir), "%s", dir);
	ret = lraw_exists(lr, dir, "notification");
	if (!ret) {
		snprintf(lr->root, sizeof(lr->root), "%s", dir);
		lr->forced = -1;
		return 0;
	}
	if (ret != -ENOENT && ret != -ENOTDIR)
		goto fail;
	/* raw/channels/0xNN: no notification of its own, its raw directory two up. */
	base = strrchr(dir, '/');
	base = base ? base + 1 : dir;
	errno = 0;
	chan = strtoul(base, &end, 16);
	if (!errno && end != base && !*end && chan > 0 && chan <= 0xff &&
	    !lraw_exists(lr, dir, "message")) {
		int n = snprintf(lr->root, sizeof(lr->root), "%s/../..", dir);

		if (n > 0 && (size_t)n < sizeof(lr->root) &&
		    !lraw_exists(lr, lr->root, "notification")) {
			lr->forced = (int)chan;
			return 0;
		}
	}
fail:
	if (ret == -EACCES || ret == -EPERM) {
		scmi_set_err(err, err_len, "%s: permission denied (debugfs is root's: run as root)",
			     dir);
		return -EACCES;
	}
	scmi_set_err(err, err_len,
		     "no SCMI raw mode at %s (%s): the kernel needs "
		     "CONFIG_ARM_SCMI_RAW_MODE_SUPPORT, and debugfs mounted "
		     "(mount -t debugfs none /sys/kernel/debug)",
		     dir, strerror(-ret));
	return -EAGAIN;
}

static int lraw_probe(struct scmi_agent *agent, const struct scmi_agent_config *cfg, char *err,
		      size_t err_len)
{
	char tdir[PATH_MAX];
	uint32_t kmax, ktmo;
	uint16_t start;
	struct lraw *lr;
	size_t len;
	int ret;

	lr = calloc(1, sizeof(*lr));
	if (!lr)
		return -ENOMEM;
	lr->io = cfg->raw_io ? cfg->raw_io : &scmi_linux_raw_sys_io;
	lr->nfd = -1;
	pthread_mutex_init(&lr->nlock, NULL);
	agent->tpriv = lr;

	snprintf(tdir, sizeof(tdir), "%s", cfg->raw_dir ? cfg->raw_dir : SCMI_LINUX_RAW_DIR);
	len = strlen(tdir);
	while (len > 1 && tdir[len - 1] == '/')
		tdir[--len] = '\0';
	ret = lraw_locate(lr, tdir, err, err_len);
	if (ret)
		goto err_free;

	/* The kernel's own limits, unless the configuration set ours. */
	if (lraw_path(tdir, sizeof(tdir), lr->root, "../transport")) {
		kmax = 0;
		ktmo = 0;
	} else {
		kmax = lraw_read_u32(lr, tdir, "max_msg_size");
		ktmo = lraw_read_u32(lr, tdir, "max_rx_timeout_ms");
	}
	if (!agent->dt.max_msg_size && kmax >= SCMI_DT_MIN_MSG_SIZE && kmax <= SCMI_DT_MAX_MSG_SIZE)
		agent->max_msg_size = kmax;
	if (!cfg->timeout_ms && !agent->dt.max_rx_timeout_ms && ktmo)
		agent->timeout_ms = ktmo;

	lr->ncap = agent->max_msg_size + LRAW_HDR_STATUS;
	lr->nbuf = malloc(lr->ncap);
	if (!lr->nbuf) {
		ret = -ENOMEM;
		goto err_free;
	}
	/* A random first token: another program may have left its last ones in flight. */
	if (getrandom(&start, sizeof(start), GRND_NONBLOCK) != (ssize_t)sizeof(start))
		start = (uint16_t)(lraw_now_ms() ^ (uint64_t)getpid());
	agent->transfer_id = start % SCMI_TOKEN_COUNT;
	return 0;

err_free:
	lraw_remove(agent);
	return ret;
}

/* The dedicated channel of protocol channel @idx, if the kernel has a directory for it. */
static uint8_t lraw_kernel_chan(const struct scmi_agent *agent, const struct lraw *lr, size_t idx)
{
	char dir[PATH_MAX];
	unsigned int p;

	if (lr->forced >= 0)
		return (uint8_t)lr->forced;
	if (idx == 0)
		return 0;
	for (p = 0; p < 256; p++) {
		if (agent->dt.proto_listed[p] && agent->dt.proto_chan[p] == idx)
			break;
	}
	if (p == 256 ||
	    snprintf(dir, sizeof(dir), "%s/channels/0x%02X", lr->root, p) >= (int)sizeof(dir) ||
	    lraw_exists(lr, dir, "message"))
		return 0;
	return (uint8_t)p;
}

static struct lraw_queue *lraw_queue_get(struct scmi_agent *agent, struct lraw *lr, uint8_t chan,
					 char *err, size_t err_len, int *ret)
{
	struct lraw_queue *q;
	size_t i;

	for (i = 0; i < lr->nq; i++) {
		if (lr->q[i]->chan == chan)
			return lr->q[i];
	}
	if (lr->nq >= SCMI_DT_MAX_CHANNELS) {
		*ret = -ENOSPC;
		return NULL;
	}
	q = calloc(1, sizeof(*q));
	if (!q) {
		*ret = -ENOMEM;
		return NULL;
	}
	q->chan = chan;
	q->fd = -1;
	q->wfd = -1;
	q->afd = -1;
	pthread_mutex_init(&q->lock, NULL);
	if (lr->forced >= 0 || chan == 0)
		snprintf(q->dir, sizeof(q->dir), "%s", lr->forced >= 0 ? lr->dir : lr->root);
	else if (snprintf(q->dir, sizeof(q->dir), "%s/channels/0x%02X", lr->root, chan) >=
		 (int)sizeof(q->dir)) {
		*ret = -ENAMETOOLONG;
		goto err;
	}
	q->cap = agent->max_msg_size + LRAW_HDR_STATUS;
	q->tx = malloc(q->cap);
	q->buf = malloc(q->cap);
	q->early = malloc(q->cap);
	if (!q->tx || !q->buf || !q->early) {
		*ret = -ENOMEM;
		goto err;
	}
	q->fd = lraw_open(lr, q->dir, "message", O_RDONLY | O_NONBLOCK);
	if (q->fd >= 0)
		q->wfd = lraw_open(lr, q->dir, "message", O_WRONLY);
	if (q->fd < 0 || q->wfd < 0) {
		*ret = q->fd < 0 ? q->fd : q->wfd;
		scmi_set_err(err, err_len, "%s/message: %s", q->dir, strerror(-*ret));
		goto err;
	}
	lr->q[lr->nq++] = q;
	return q;
err:
	lraw_queue_free(lr, q);
	return NULL;
}

static int lraw_chan_setup(struct scmi_chan_info *cinfo, char *err, size_t err_len)
{
	struct scmi_agent *agent = cinfo->agent;
	struct lraw *lr = agent->tpriv;
	struct lraw_queue *q;
	uint8_t chan;
	int ret = 0;

	chan = lraw_kernel_chan(agent, lr, cinfo->index);
	q = lraw_queue_get(agent, lr, chan, err, err_len, &ret);
	if (!q)
		return ret;
	cinfo->transport_info = q;
	/* In raw mode a channel is named by the protocol that owns it; 0: by protocol. */
	cinfo->dt.channel_id = chan;
	return 0;
}

static void lraw_chan_free(struct scmi_chan_info *cinfo)
{
	/* The queues may be shared by channels: lraw_remove frees them. */
	cinfo->transport_info = NULL;
}

static int lraw_send_message(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer)
{
	struct scmi_agent *agent = cinfo->agent;
	struct lraw_queue *q = cinfo->transport_info;
	const struct lraw *lr = agent->tpriv;
	size_t len = LRAW_HDR + xfer->tx_len;
	const char *file = "message";
	ssize_t n;
	int fd, ret;

	/* Released by mark_txdone, which the core calls after every send_message. */
	pthread_mutex_lock(&q->lock);
	q->len = 0;
	q->early_len = 0;
	q->rerr = 0;
	ret = lraw_hold(lr, q, cinfo->timeout_ms);
	if (ret) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "%s/message: another program keeps the queue busy", q->dir);
		return ret;
	}
	lraw_drain(agent, q);
	if (len > q->cap)
		return -ERANGE;
	fd = q->wfd;
	if (xfer->async) {
		file = "message_async";
		if (q->afd < 0) {
			q->afd = lraw_open(lr, q->dir, file, O_WRONLY);
			if (q->afd < 0) {
				ret = q->afd;
				q->afd = -1;
				scmi_set_err(xfer->err, sizeof(xfer->err), "%s/%s: %s", q->dir,
					     file, strerror(-ret));
				return ret;
			}
		}
		fd = q->afd;
	}
	scmi_put_le32(q->tx, xfer->hdr_word);
	if (xfer->tx_len)
		memcpy(q->tx + LRAW_HDR, xfer->tx, xfer->tx_len);
	n = lr->io->write(lr->io->ctx, fd, q->tx, len);
	if (n < 0) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "the kernel refused the message (%s/%s: %s)", q->dir, file,
			     strerror((int)-n));
		return (int)n;
	}
	if ((size_t)n != len) {
		scmi_set_err(xfer->err, sizeof(xfer->err), "%s/%s took %zd of %zu bytes", q->dir,
			     file, n, len);
		return -EIO;
	}
	return 0;
}

static bool lraw_poll_done(struct scmi_chan_info *cinfo, const struct scmi_xfer *xfer)
{
	struct lraw_queue *q = cinfo->transport_info;
	uint32_t keep = 0;
	int r;

	if (q->len || q->rerr)
		return true;
	if (xfer->async)
		keep = scmi_hdr_make(xfer->hdr.protocol_id, xfer->hdr.msg_id,
				     SCMI_MSG_TYPE_DELAYED_RESP, xfer->hdr.token);
	r = lraw_await(cinfo->agent, q, xfer->hdr_word, keep, LRAW_SLICE_MS);
	if (r < 0)
		q->rerr = r;
	return r != 0;
}

static int lraw_fetch_response(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer)
{
	struct lraw_queue *q = cinfo->transport_info;

	if (q->rerr) {
		scmi_set_err(xfer->err, sizeof(xfer->err), "reading %s/message: %s", q->dir,
			     strerror(-q->rerr));
		return q->rerr;
	}
	return lraw_parse_reply(q->buf, q->len, q->full, xfer, "reply");
}

static int lraw_fetch_delayed(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer,
			      uint32_t timeout_ms)
{
	struct lraw_queue *q = cinfo->transport_info;
	int r;

	if (q->early_len)
		return lraw_parse_reply(q->early, q->early_len, q->early_full, xfer,
					"delayed response");
	q->len = 0;
	r = lraw_await(cinfo->agent, q, xfer->hdr_word, 0, timeout_ms);
	if (r < 0) {
		scmi_set_err(xfer->err, sizeof(xfer->err), "reading %s/message: %s", q->dir,
			     strerror(-r));
		return r;
	}
	if (!r) {
		scmi_set_err(xfer->err, sizeof(xfer->err), "no delayed response within %u ms",
			     timeout_ms);
		return -ETIMEDOUT;
	}
	return lraw_parse_reply(q->buf, q->len, q->full, xfer, "delayed response");
}

static void lraw_mark_txdone(struct scmi_chan_info *cinfo, int ret, struct scmi_xfer *xfer)
{
	struct lraw_queue *q = cinfo->transport_info;
	const struct lraw *lr = cinfo->agent->tpriv;

	(void)ret;
	(void)xfer;
	q->len = 0;
	q->early_len = 0;
	q->rerr = 0;
	if (q->held)
		lr->io->lock(lr->io->ctx, q->fd, false);
	q->held = false;
	pthread_mutex_unlock(&q->lock);
}

static int lraw_notif_locked(struct scmi_agent *agent, struct lraw *lr, uint32_t timeout_ms,
			     struct scmi_notification *n, char *err, size_t err_len)
{
	uint64_t deadline = lraw_now_ms() + timeout_ms;
	size_t full = 0;

	if (lr->nfd < 0) {
		int fd = lraw_open(lr, lr->root, "notification", O_RDONLY | O_NONBLOCK);

		if (fd < 0) {
			scmi_set_err(err, err_len, "%s/notification: %s", lr->root, strerror(-fd));
			return fd;
		}
		lr->nfd = fd;
	}
	for (;;) {
		ssize_t r = lraw_read_msg(lr, lr->nfd, lr->nbuf, lr->ncap, &full);
		uint64_t now;
		int p;

		if (r < 0) {
			scmi_set_err(err, err_len, "reading %s/notification: %s", lr->root,
				     strerror((int)-r));
			return (int)r;
		}
		if ((size_t)r >= LRAW_HDR) {
			size_t len = (size_t)r - LRAW_HDR;

			n->hdr = scmi_get_le32(lr->nbuf);
			n->full_len = full - LRAW_HDR;
			n->len = len < n->max ? len : n->max;
			if (n->len)
				memcpy(n->payload, lr->nbuf + LRAW_HDR, n->len);
			return 0;
		}
		if (r > 0) {
			lraw_count_stale(agent);
			continue;
		}
		now = lraw_now_ms();
		if (now >= deadline)
			return -ETIMEDOUT;
		p = lr->io->poll(lr->io->ctx, lr->nfd, (int)(deadline - now));
		if (p < 0) {
			scmi_set_err(err, err_len, "waiting on %s/notification: %s", lr->root,
				     strerror(-p));
			return p;
		}
	}
}

static int lraw_fetch_notification(struct scmi_agent *agent, uint32_t timeout_ms,
				   struct scmi_notification *n, char *err, size_t err_len)
{
	struct lraw *lr = agent->tpriv;
	int ret;

	pthread_mutex_lock(&lr->nlock);
	ret = lraw_notif_locked(agent, lr, timeout_ms, n, err, err_len);
	pthread_mutex_unlock(&lr->nlock);
	return ret;
}

static const struct scmi_transport_ops lraw_ops = {
    .probe = lraw_probe,
    .remove = lraw_remove,
    .chan_setup = lraw_chan_setup,
    .chan_free = lraw_chan_free,
    .send_message = lraw_send_message,
    .fetch_response = lraw_fetch_response,
    .poll_done = lraw_poll_done,
    .mark_txdone = lraw_mark_txdone,
    .fetch_delayed = lraw_fetch_delayed,
    .fetch_notification = lraw_fetch_notification,
};

/* Defaults when the kernel's transport/ directory cannot be read: Linux's OP-TEE/SMC ones. */
const struct scmi_transport_desc scmi_linux_raw_desc = {
    .name = "linux-raw",
    .ops = &lraw_ops,
    .max_rx_timeout_ms = SCMI_DEFAULT_TIMEOUT_MS,
    .max_msg = 1,
    .max_msg_size = SCMI_DEFAULT_MAX_MSG_SIZE,
    .sync_cmds_completed_on_ret = false,
};
