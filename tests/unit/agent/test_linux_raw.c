// SPDX-License-Identifier: BSD-3-Clause
/*
 * The linux-raw transport against a fake kernel: the debugfs raw mode files as
 * Linux 6.12's raw_mode.c serves them, behind the transport's file operations.
 *
 * The fake keeps one reply queue per directory (raw/ and raw/channels/0xNN/), a
 * notification queue and an errors queue, shared by every open file as in the
 * kernel. A write is one whole message (EINVAL under 4 bytes, ERANGE above
 * max_msg_size); each open file reads one queued message at a time and then 0
 * at its end; poll waits for its queue. A "platform" thread delivers what the
 * test's script answers, after the delay the script asks for; a reply later
 * than the kernel's own timeout goes to errors, as the kernel does with it.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "agent/common.h"
#include "agent/linux_raw.h"
#include "dtb_builder.h"
#include "fake_transport.h"
#include "scmi/proto/endian.h"

#define K_ROOT	   "/fake/scmi/0/raw"
#define K_MSG	   256u /* room for one message in the fake */
#define K_QLEN	   32u
#define K_CHANS	   3
#define K_FILES	   32
#define K_EVENTS   64
#define K_FD_BASE  1000
#define K_LOG	   256
#define K_Q_ROOT   0 /* queue indexes: raw/, then channels, then these two */
#define K_Q_NOTIF  (K_CHANS + 1)
#define K_Q_ERRORS (K_CHANS + 2)
#define K_NQ	   (K_CHANS + 3)

struct kmsg {
	uint8_t b[K_MSG];
	size_t len;
};

struct kqueue {
	struct kmsg m[K_QLEN];
	size_t head, n;
	int holder; /* fd holding the flock, 0: none */
};

enum kkind { KF_MESSAGE, KF_ASYNC, KF_NOTIF, KF_ERRORS, KF_TEXT };

/*
 * One open file, as the kernel's struct scmi_dbg_raw_data plus the file position: reads and
 * writes share @pos, as they share f_pos in the kernel.
 */
struct kfile {
	bool used;
	enum kkind kind;
	int q;
	struct kmsg rx;
	bool has_rx;
	size_t pos;
	uint8_t tx[K_MSG];
	size_t txlen, tx_size, tx_req;
};

struct kevent {
	bool used;
	uint64_t due;
	int q;
	struct kmsg msg;
};

/* The fake kernel and its platform script. */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t thread;
	bool stop;
	int open_err;		/* every open fails with it (e.g. -EACCES) */
	bool no_transport_dir;	/* no transport/ directory */
	uint32_t max_msg_size;	/* transport/max_msg_size */
	uint32_t timeout_ms;	/* transport/max_rx_timeout_ms: later replies go to errors */
	uint8_t chans[K_CHANS]; /* channels/0xNN directories */
	int nchans;
	struct kqueue q[K_NQ];
	struct kfile files[K_FILES];
	struct kevent ev[K_EVENTS];
	/* the platform: answers one written message of queue @q */
	void (*serve)(const uint8_t *msg, size_t len, int q, bool async);
	uint32_t reply_delay_ms;
	int write_err;
	size_t chunk;	   /* largest read the fake returns (0: as asked) */
	bool bare_numbers; /* transport/ numbers without their newline */
	int mid_read_err; /* the next read that continues a message fails with it, once (0: none) */
	uint32_t log_hdr[K_LOG];
	int log_q[K_LOG];
	bool log_async[K_LOG];
	size_t log_len[K_LOG];
	int nlog;
} k;

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void abs_time(struct timespec *ts, uint64_t ms)
{
	ts->tv_sec = (time_t)(ms / 1000u);
	ts->tv_nsec = (long)(ms % 1000u) * 1000000L;
}

/* Queue @m on @qi (lock held). Replies never overwrite; the other two drop the oldest. */
static void k_push_locked(int qi, const struct kmsg *m)
{
	struct kqueue *q = &k.q[qi];

	if (q->n == K_QLEN) {
		if (qi != K_Q_NOTIF && qi != K_Q_ERRORS)
			return;
		q->head = (q->head + 1) % K_QLEN;
		q->n--;
	}
	q->m[(q->head + q->n) % K_QLEN] = *m;
	q->n++;
	pthread_cond_broadcast(&k.cond);
}

static void k_schedule(int qi, const void *msg, size_t len, uint32_t delay_ms)
{
	struct kevent *e = NULL;

	assert_true(len <= K_MSG);
	pthread_mutex_lock(&k.lock);
	for (int i = 0; i < K_EVENTS; i++) {
		if (!k.ev[i].used) {
			e = &k.ev[i];
			break;
		}
	}
	assert_non_null(e);
	e->used = true;
	e->due = now_ms() + delay_ms;
	/* The kernel gave up on it: a late reply is an error report, not a reply. */
	e->q = (qi <= K_CHANS && delay_ms > k.timeout_ms) ? K_Q_ERRORS : qi;
	memcpy(e->msg.b, msg, len);
	e->msg.len = len;
	pthread_cond_broadcast(&k.cond);
	pthread_mutex_unlock(&k.lock);
}

/* The platform's answer: header, status, values, on queue @qi after @delay_ms. */
static void k_reply(int qi, uint32_t hdr, int32_t status, const void *vals, size_t n,
		    uint32_t delay_ms)
{
	uint8_t m[K_MSG];

	scmi_put_le32(m, hdr);
	scmi_put_le32(m + 4, (uint32_t)status);
	if (n)
		memcpy(m + 8, vals, n);
	k_schedule(qi, m, 8 + n, delay_ms);
}

static void k_notify(uint32_t hdr, const void *payload, size_t n, uint32_t delay_ms)
{
	uint8_t m[K_MSG];

	scmi_put_le32(m, hdr);
	if (n)
		memcpy(m + 4, payload, n);
	k_schedule(K_Q_NOTIF, m, 4 + n, delay_ms);
}

static void *k_platform(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&k.lock);
	while (!k.stop) {
		struct kevent *next = NULL;
		struct timespec ts;

		for (int i = 0; i < K_EVENTS; i++) {
			if (k.ev[i].used && (!next || k.ev[i].due < next->due))
				next = &k.ev[i];
		}
		if (!next) {
			pthread_cond_wait(&k.cond, &k.lock);
			continue;
		}
		if (next->due > now_ms()) {
			abs_time(&ts, next->due);
			pthread_cond_timedwait(&k.cond, &k.lock, &ts);
			continue;
		}
		k_push_locked(next->q, &next->msg);
		next->used = false;
	}
	pthread_mutex_unlock(&k.lock);
	return NULL;
}

/* A Base-like platform: PROTOCOL_VERSION 2.0, clock 0 at 24 MHz, the rest NOT_SUPPORTED. */
static void serve_default(const uint8_t *msg, size_t len, int qi, bool async)
{
	uint32_t hdr = scmi_get_le32(msg);
	struct scmi_hdr h;
	uint8_t v[8];

	(void)len;
	(void)async;
	scmi_hdr_unpack(hdr, &h);
	if (h.msg_id == 0) {
		scmi_put_le32(v, 0x20000);
		k_reply(qi, hdr, SCMI_SUCCESS, v, 4, k.reply_delay_ms);
	} else if (h.protocol_id == SCMI_PROTOCOL_CLOCK && h.msg_id == 6) {
		scmi_put_le64(v, 24000000);
		k_reply(qi, hdr, SCMI_SUCCESS, v, 8, k.reply_delay_ms);
	} else {
		k_reply(qi, hdr, SCMI_NOT_SUPPORTED, NULL, 0, k.reply_delay_ms);
	}
}

/* The file operations. */

static struct kfile *k_file(int fd)
{
	unsigned int i = (unsigned int)(fd - K_FD_BASE);

	assert_true(i < K_FILES && k.files[i].used);
	return &k.files[i];
}

static int k_alloc(enum kkind kind, int qi, const char *text)
{
	for (int i = 0; i < K_FILES; i++) {
		struct kfile *f = &k.files[i];

		if (f->used)
			continue;
		memset(f, 0, sizeof(*f));
		f->used = true;
		f->kind = kind;
		f->q = qi;
		f->txlen = k.max_msg_size + 4 <= K_MSG ? k.max_msg_size + 4 : K_MSG;
		if (text) {
			f->rx.len = strlen(text);
			memcpy(f->rx.b, text, f->rx.len);
			f->has_rx = true;
		}
		return K_FD_BASE + i;
	}
	return -EMFILE;
}

/* @in with "." and ".." resolved, as the kernel's path walk would. */
static void k_norm(const char *in, char *out, size_t len)
{
	char tmp[256], *parts[32], *save = NULL, *w;
	int n = 0;
	size_t o = 0;

	snprintf(tmp, sizeof(tmp), "%s", in);
	for (w = strtok_r(tmp, "/", &save); w; w = strtok_r(NULL, "/", &save)) {
		if (!strcmp(w, "."))
			continue;
		if (!strcmp(w, "..")) {
			if (n)
				n--;
			continue;
		}
		assert_true(n < 32);
		parts[n++] = w;
	}
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		o += (size_t)snprintf(out + o, len - o, "/%s", parts[i]);
}

static int k_open(void *ctx, const char *in, int flags)
{
	static const char tdir[] = "/fake/scmi/0/transport/";
	char num[16], path[256];
	int ret = -ENOENT;

	(void)ctx;
	(void)flags;
	if (k.open_err)
		return k.open_err;
	k_norm(in, path, sizeof(path));
	pthread_mutex_lock(&k.lock);
	if (!strcmp(path, K_ROOT "/message")) {
		ret = k_alloc(KF_MESSAGE, K_Q_ROOT, NULL);
	} else if (!strcmp(path, K_ROOT "/message_async")) {
		ret = k_alloc(KF_ASYNC, K_Q_ROOT, NULL);
	} else if (!strcmp(path, K_ROOT "/notification")) {
		ret = k_alloc(KF_NOTIF, K_Q_NOTIF, NULL);
	} else if (!strcmp(path, K_ROOT "/errors")) {
		ret = k_alloc(KF_ERRORS, K_Q_ERRORS, NULL);
	} else if (!strncmp(path, tdir, sizeof(tdir) - 1) && !k.no_transport_dir) {
		const char *name = path + sizeof(tdir) - 1;

		if (!strcmp(name, "max_msg_size"))
			snprintf(num, sizeof(num), "%u\n", k.max_msg_size);
		else if (!strcmp(name, "max_rx_timeout_ms"))
			snprintf(num, sizeof(num), "%u\n", k.timeout_ms);
		else
			num[0] = '\0';
		if (k.bare_numbers && num[0])
			num[strlen(num) - 1] = '\0';
		if (num[0])
			ret = k_alloc(KF_TEXT, 0, num);
	} else {
		for (int i = 0; i < k.nchans; i++) {
			char p[128];

			snprintf(p, sizeof(p), K_ROOT "/channels/0x%02X/message", k.chans[i]);
			if (!strcmp(path, p))
				ret = k_alloc(KF_MESSAGE, i + 1, NULL);
			snprintf(p, sizeof(p), K_ROOT "/channels/0x%02X/message_async", k.chans[i]);
			if (!strcmp(path, p))
				ret = k_alloc(KF_ASYNC, i + 1, NULL);
		}
	}
	pthread_mutex_unlock(&k.lock);
	return ret;
}

/* Messages waiting in queue @qi, read under the lock the fake kernel's threads write it under. */
static size_t k_queued(int qi)
{
	size_t n;

	pthread_mutex_lock(&k.lock);
	n = k.q[qi].n;
	pthread_mutex_unlock(&k.lock);
	return n;
}

static void k_close(void *ctx, int fd)
{
	struct kfile *f;

	(void)ctx;
	pthread_mutex_lock(&k.lock);
	f = k_file(fd);
	if (f->kind != KF_TEXT && k.q[f->q].holder == fd)
		k.q[f->q].holder = 0;
	f->used = false;
	pthread_mutex_unlock(&k.lock);
}

static ssize_t k_read(void *ctx, int fd, void *buf, size_t len)
{
	struct kfile *f;
	size_t n;

	(void)ctx;
	pthread_mutex_lock(&k.lock);
	f = k_file(fd);
	if (!f->has_rx) {
		struct kqueue *q = &k.q[f->q];

		if (f->kind == KF_TEXT || !q->n) {
			pthread_mutex_unlock(&k.lock);
			return f->kind == KF_TEXT ? 0 : -EAGAIN;
		}
		f->rx = q->m[q->head];
		q->head = (q->head + 1) % K_QLEN;
		q->n--;
		f->has_rx = true;
		f->pos = 0;
	} else if (k.mid_read_err) {
		int err = k.mid_read_err;

		k.mid_read_err = 0;
		pthread_mutex_unlock(&k.lock);
		return err;
	} else if (f->pos == f->rx.len) {
		/* The end of the message, once; the position stays where the read left it. */
		f->has_rx = false;
		pthread_mutex_unlock(&k.lock);
		return 0;
	}
	n = f->rx.len - f->pos;
	if (n > len)
		n = len;
	if (k.chunk && n > k.chunk)
		n = k.chunk;
	memcpy(buf, f->rx.b + f->pos, n);
	f->pos += n;
	pthread_mutex_unlock(&k.lock);
	return (ssize_t)n;
}

/*
 * As the kernel: the bytes go to the file's TX buffer at the file position (which a read may
 * have moved), and what is sent is the buffer from its start, then the position is reset.
 */
static ssize_t k_write(void *ctx, int fd, const void *buf, size_t len)
{
	uint8_t msg[K_MSG];
	size_t cnt, size;
	struct kfile *f;
	int qi, ret = 0;
	bool async;

	(void)ctx;
	pthread_mutex_lock(&k.lock);
	f = k_file(fd);
	assert_true(f->kind == KF_MESSAGE || f->kind == KF_ASYNC);
	if (len > f->txlen - f->tx_size) {
		pthread_mutex_unlock(&k.lock);
		return -ENOSPC;
	}
	if (!f->tx_size)
		f->tx_req = len;
	if (f->tx_size < f->tx_req) {
		cnt = f->pos < f->txlen ? f->txlen - f->pos : 0;
		if (cnt > len)
			cnt = len;
		memcpy(f->tx + f->pos, buf, cnt);
		f->pos += cnt;
		f->tx_size += cnt;
		if (cnt < len) {
			pthread_mutex_unlock(&k.lock);
			return (ssize_t)cnt;
		}
	}
	size = f->tx_size;
	memcpy(msg, f->tx, size);
	f->tx_size = 0;
	f->pos = 0;
	qi = f->q;
	async = f->kind == KF_ASYNC;
	if (k.nlog < K_LOG) {
		k.log_hdr[k.nlog] = size >= 4 ? scmi_get_le32(msg) : 0;
		k.log_q[k.nlog] = qi;
		k.log_async[k.nlog] = async;
		k.log_len[k.nlog] = size;
		k.nlog++;
	}
	pthread_mutex_unlock(&k.lock);
	if (size < 4)
		ret = -EINVAL;
	else if (size - 4 > k.max_msg_size)
		ret = -ERANGE;
	else if (k.write_err)
		ret = k.write_err;
	if (ret)
		return ret;
	k.serve(msg, size, qi, async);
	return (ssize_t)len;
}

static int k_poll(void *ctx, int fd, int timeout_ms)
{
	uint64_t deadline = now_ms() + (uint64_t)timeout_ms;
	struct timespec ts;
	struct kfile *f;
	int ret;

	(void)ctx;
	abs_time(&ts, deadline);
	pthread_mutex_lock(&k.lock);
	f = k_file(fd);
	while (!f->has_rx && !k.q[f->q].n && now_ms() < deadline)
		pthread_cond_timedwait(&k.cond, &k.lock, &ts);
	ret = f->has_rx || k.q[f->q].n;
	pthread_mutex_unlock(&k.lock);
	return ret;
}

static int k_lock(void *ctx, int fd, bool exclusive)
{
	struct kqueue *q;
	int ret = 0;

	(void)ctx;
	pthread_mutex_lock(&k.lock);
	q = &k.q[k_file(fd)->q];
	if (exclusive) {
		if (q->holder && q->holder != fd)
			ret = -EWOULDBLOCK;
		else
			q->holder = fd;
	} else if (q->holder == fd) {
		q->holder = 0;
	}
	pthread_mutex_unlock(&k.lock);
	return ret;
}

static const struct scmi_linux_raw_io k_io = {
    .open = k_open,
    .close = k_close,
    .read = k_read,
    .write = k_write,
    .poll = k_poll,
    .lock = k_lock,
};

static int k_setup(void **state)
{
	pthread_condattr_t ca;

	(void)state;
	memset(&k, 0, sizeof(k));
	pthread_mutex_init(&k.lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&k.cond, &ca);
	pthread_condattr_destroy(&ca);
	k.max_msg_size = 128;
	k.timeout_ms = 500;
	k.serve = serve_default;
	assert_int_equal(pthread_create(&k.thread, NULL, k_platform, NULL), 0);
	return 0;
}

static int k_teardown(void **state)
{
	(void)state;
	pthread_mutex_lock(&k.lock);
	k.stop = true;
	pthread_cond_broadcast(&k.cond);
	pthread_mutex_unlock(&k.lock);
	pthread_join(k.thread, NULL);
	for (int i = 0; i < K_FILES; i++)
		assert_false(k.files[i].used); /* every file closed again */
	pthread_cond_destroy(&k.cond);
	pthread_mutex_destroy(&k.lock);
	return 0;
}

static int k_open_agent(const char *dir, const void *dtb, size_t dtb_size, uint32_t timeout_ms,
			struct scmi_agent **a, char *err, size_t err_len)
{
	struct scmi_agent_config cfg = {
	    .dtb = dtb,
	    .dtb_size = dtb_size,
	    .timeout_ms = timeout_ms,
	    .errbuf = err,
	    .errbuf_len = err_len,
	    .transport = SCMI_TRANSPORT_LINUX_RAW,
	    .raw_dir = dir,
	    .raw_io = &k_io,
	};

	err[0] = '\0';
	return scmi_agent_open(&cfg, a);
}

static struct scmi_agent *agent_at(const char *dir, uint32_t timeout_ms)
{
	struct scmi_agent *a = NULL;
	char err[256] = "";

	assert_int_equal(k_open_agent(dir, NULL, 0, timeout_ms, &a, err, sizeof(err)), 0);
	assert_non_null(a);
	return a;
}

static uint32_t version_of(struct scmi_agent *a, int expect)
{
	uint32_t v = 0;

	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), expect);
	return v;
}

static uint64_t bad_replies(struct scmi_agent *a)
{
	struct scmi_agent_stats st;

	scmi_agent_get_stats(a, &st);
	return st.bad_replies;
}

static void assert_last_error(struct scmi_agent *a, const char *part)
{
	char why[SCMI_ERR_LEN];

	scmi_agent_last_error(a, why, sizeof(why));
	if (!strstr(why, part))
		fail_msg("last error '%s' lacks '%s'", why, part);
}

/* Probe: the kernel's limits become the agent's; the transport is linux-raw. */
static void test_probe(void **state)
{
	struct scmi_agent *a;
	uint32_t chan = 99;

	(void)state;
	k.max_msg_size = 120;
	k.timeout_ms = 250;
	a = agent_at(K_ROOT, 0);
	assert_int_equal(scmi_agent_transport(a), SCMI_TRANSPORT_LINUX_RAW);
	assert_string_equal(scmi_transport_name(scmi_agent_transport(a)), "linux-raw");
	assert_int_equal(scmi_agent_max_msg_size(a), 120);
	assert_int_equal(a->timeout_ms, 250);
	scmi_agent_channel_of(a, SCMI_PROTOCOL_CLOCK, &chan, NULL);
	assert_int_equal(chan, 0);
	assert_int_equal(version_of(a, 0), 0x20000);
	scmi_agent_close(a);

	/* Without transport/: our defaults; an explicit timeout always wins. */
	k.no_transport_dir = true;
	a = agent_at(K_ROOT "/", 0);
	assert_int_equal(scmi_agent_max_msg_size(a), SCMI_DEFAULT_MAX_MSG_SIZE);
	assert_int_equal(a->timeout_ms, SCMI_DEFAULT_TIMEOUT_MS);
	scmi_agent_close(a);
	k.no_transport_dir = false;
	a = agent_at(K_ROOT, 77);
	assert_int_equal(a->timeout_ms, 77);
	scmi_agent_close(a);
	/* A number of one digit with no newline is a whole file (one byte) all the same. */
	k.bare_numbers = true;
	k.timeout_ms = 9;
	a = agent_at(K_ROOT, 0);
	assert_int_equal(a->timeout_ms, 9);
	assert_int_equal(scmi_agent_max_msg_size(a), 120);
	scmi_agent_close(a);
}

static void test_probe_errors(void **state)
{
	struct scmi_agent *a = (void *)1;
	char err[256];

	(void)state;
	assert_int_equal(k_open_agent("/nowhere/raw", NULL, 0, 0, &a, err, sizeof(err)), -EAGAIN);
	assert_null(a);
	assert_non_null(strstr(err, "no SCMI raw mode at /nowhere/raw"));
	assert_non_null(strstr(err, "CONFIG_ARM_SCMI_RAW_MODE_SUPPORT"));
	/* Channel directories: 0x01..0xff that exist, nothing else. */
	assert_int_equal(k_open_agent(K_ROOT "/channels/0x00", NULL, 0, 0, &a, err, sizeof(err)),
			 -EAGAIN);
	assert_int_equal(k_open_agent(K_ROOT "/channels/0x100", NULL, 0, 0, &a, err, sizeof(err)),
			 -EAGAIN);
	assert_int_equal(k_open_agent(K_ROOT "/channels/0x7e", NULL, 0, 0, &a, err, sizeof(err)),
			 -EAGAIN);
	assert_int_equal(k_open_agent(K_ROOT "/channels/0x1z", NULL, 0, 0, &a, err, sizeof(err)),
			 -EAGAIN);
	k.open_err = -EACCES;
	assert_int_equal(k_open_agent(K_ROOT, NULL, 0, 0, &a, err, sizeof(err)), -EACCES);
	assert_non_null(strstr(err, "run as root"));
	k.open_err = 0;
}

/* The kernel's limits are taken only inside ours, and never over the configuration's. */
static void test_probe_limits(void **state)
{
	static const struct {
		uint32_t kmax;
		size_t want;
	} sizes[] = {
	    {SCMI_DT_MIN_MSG_SIZE, SCMI_DT_MIN_MSG_SIZE},
	    {SCMI_DT_MIN_MSG_SIZE - 1, SCMI_DEFAULT_MAX_MSG_SIZE},
	    {SCMI_DT_MAX_MSG_SIZE, SCMI_DT_MAX_MSG_SIZE},
	    {SCMI_DT_MAX_MSG_SIZE + 1, SCMI_DEFAULT_MAX_MSG_SIZE},
	    {0, SCMI_DEFAULT_MAX_MSG_SIZE},
	};
	struct scmi_agent *a;
	static uint8_t dtb[4096];
	char err[256];
	struct tdt t;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		k.max_msg_size = sizes[i].kmax;
		a = agent_at(K_ROOT, 0);
		assert_int_equal(scmi_agent_max_msg_size(a), sizes[i].want);
		scmi_agent_close(a);
	}
	k.max_msg_size = 128;
	/* No kernel timeout: ours. A DT timeout or size wins over the kernel's. */
	k.timeout_ms = 0;
	a = agent_at(K_ROOT, 0);
	assert_int_equal(a->timeout_ms, SCMI_DEFAULT_TIMEOUT_MS);
	scmi_agent_close(a);
	k.timeout_ms = 250;
	tdt_defaults(&t);
	t.timeout = 77;
	t.msg_size = 64;
	n = tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(k_open_agent(K_ROOT, dtb, n, 0, &a, err, sizeof(err)), 0);
	assert_int_equal(a->timeout_ms, 77);
	assert_int_equal(scmi_agent_max_msg_size(a), 64);
	scmi_agent_close(a);
	/* Trailing slashes are dropped. */
	a = agent_at(K_ROOT "///", 0);
	assert_int_equal(a->timeout_ms, 250);
	assert_int_equal(version_of(a, 0), 0x20000);
	scmi_agent_close(a);
}

/* A file system without locks: the transfers go on, under the process-local lock alone. */
static int k_lock_unsupported(void *ctx, int fd, bool exclusive)
{
	(void)ctx;
	(void)fd;
	(void)exclusive;
	return -ENOLCK;
}

static void test_no_locks(void **state)
{
	struct scmi_linux_raw_io io = k_io;
	struct scmi_agent_config cfg = {
	    .transport = SCMI_TRANSPORT_LINUX_RAW,
	    .raw_dir = K_ROOT,
	    .raw_io = &io,
	    .timeout_ms = 1000,
	};
	struct scmi_agent *a = NULL;

	(void)state;
	io.lock = k_lock_unsupported;
	assert_int_equal(scmi_agent_open(&cfg, &a), 0);
	assert_int_equal(version_of(a, 0), 0x20000);
	assert_int_equal(version_of(a, 0), 0x20000);
	assert_int_equal(bad_replies(a), 0);
	scmi_agent_close(a);
}

/* Tokens: the core's, one per transfer, consecutive; the header goes out little-endian. */
static void test_tokens(void **state)
{
	struct scmi_agent *a;
	uint16_t t0;

	(void)state;
	a = agent_at(K_ROOT, 1000);
	for (int i = 0; i < 5; i++)
		assert_int_equal(version_of(a, 0), 0x20000);
	assert_int_equal(k.nlog, 5);
	t0 = scmi_hdr_token(k.log_hdr[0]);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(k.log_hdr[i],
				 scmi_hdr_make(SCMI_PROTOCOL_BASE, 0, SCMI_MSG_TYPE_COMMAND,
					       (uint16_t)((t0 + i) % SCMI_TOKEN_COUNT)));
		assert_int_equal(k.log_len[i], 4);
		assert_int_equal(k.log_q[i], K_Q_ROOT);
		assert_false(k.log_async[i]);
	}
	assert_int_equal(bad_replies(a), 0);
	scmi_agent_close(a);
}

/* A reply read back a few bytes at a time is still one reply. */
static void test_reply_in_pieces(void **state)
{
	struct scmi_agent *a;
	uint8_t tx[4] = {0}, rx[8];
	size_t rx_len = 0;

	(void)state;
	a = agent_at(K_ROOT, 1000);
	k.chunk = 3;
	assert_int_equal(
	    scmi_xfer(a, SCMI_PROTOCOL_CLOCK, 6, tx, sizeof(tx), rx, sizeof(rx), &rx_len, NULL), 0);
	assert_int_equal(rx_len, 8);
	assert_int_equal(scmi_get_le64(rx), 24000000);
	/* Room for fewer values than came: cut, not overrun. */
	assert_int_equal(scmi_xfer(a, SCMI_PROTOCOL_CLOCK, 6, tx, sizeof(tx), rx, 4, &rx_len, NULL),
			 0);
	assert_int_equal(rx_len, 4);
	assert_int_equal(scmi_get_le32(rx), 24000000);
	scmi_agent_close(a);
}

/*
 * A read that fails partway through a reply is the transfer's error at once, not a message
 * missed and waited for until the timeout.
 */
static void test_read_error_mid_reply(void **state)
{
	struct scmi_agent *a;
	uint64_t t;

	(void)state;
	a = agent_at(K_ROOT, 2000);
	k.chunk = 3;
	k.mid_read_err = -EIO;
	t = now_ms();
	version_of(a, -EIO);
	assert_true(now_ms() - t < 1000);
	assert_int_equal(k.mid_read_err, 0);
	scmi_agent_close(a);
}

/* No reply within our timeout: -ETIMEDOUT; the late reply is dropped, the next one is ours. */
static void test_timeout_then_late_reply(void **state)
{
	struct scmi_agent *a;
	uint64_t t;

	(void)state;
	a = agent_at(K_ROOT, 40);
	k.reply_delay_ms = 400; /* late for us, in time for the kernel (500 ms) */
	t = now_ms();
	version_of(a, -ETIMEDOUT);
	t = now_ms() - t;
	assert_true(t >= 40 && t < 400);
	assert_last_error(a, "timed out after 40 ms");
	k.reply_delay_ms = 0;
	usleep(500 * 1000); /* the late reply is queued by now */
	assert_int_equal(version_of(a, 0), 0x20000);
	assert_int_equal(bad_replies(a), 1);
	scmi_agent_close(a);
}

/* A reply later than the kernel's own timeout goes to errors: nothing stale is left. */
static void test_kernel_timeout(void **state)
{
	struct scmi_agent *a;

	(void)state;
	k.timeout_ms = 60;
	a = agent_at(K_ROOT, 30);
	k.reply_delay_ms = 100;
	version_of(a, -ETIMEDOUT);
	k.reply_delay_ms = 0;
	usleep(150 * 1000);
	assert_int_equal(k_queued(K_Q_ERRORS), 1);
	assert_int_equal(version_of(a, 0), 0x20000);
	assert_int_equal(bad_replies(a), 0);
	scmi_agent_close(a);
}

static uint32_t stray_hdr;

/* Another program's reply comes first, then ours. */
static void serve_stray_first(const uint8_t *msg, size_t len, int qi, bool async)
{
	uint32_t hdr = scmi_get_le32(msg);
	uint8_t v[4];

	(void)len;
	(void)async;
	stray_hdr = scmi_hdr_make(SCMI_PROTOCOL_BASE, 0, SCMI_MSG_TYPE_COMMAND,
				  (uint16_t)((scmi_hdr_token(hdr) + 512) % SCMI_TOKEN_COUNT));
	scmi_put_le32(v, 0x10000);
	k_reply(qi, stray_hdr, SCMI_SUCCESS, v, 4, 0);
	scmi_put_le32(v, 0x20000);
	k_reply(qi, hdr, SCMI_SUCCESS, v, 4, 5);
}

/* A stray whose header is the word 1 (protocol 0, message 1, token 0): as stale as any. */
static void serve_stray_one_first(const uint8_t *msg, size_t len, int qi, bool async)
{
	uint8_t v[4];

	(void)len;
	(void)async;
	scmi_put_le32(v, 0x10000);
	k_reply(qi, 1, SCMI_SUCCESS, v, 4, 0);
	scmi_put_le32(v, 0x20000);
	k_reply(qi, scmi_get_le32(msg), SCMI_SUCCESS, v, 4, 5);
}

static void test_stale_replies(void **state)
{
	struct scmi_agent *a;
	uint8_t old[8] = {0};

	(void)state;
	a = agent_at(K_ROOT, 1000);
	/* Left on the queue before we write: drained. */
	scmi_put_le32(old, scmi_hdr_make(SCMI_PROTOCOL_BASE, 0, 0, 7));
	k_schedule(K_Q_ROOT, old, sizeof(old), 0);
	usleep(20 * 1000);
	assert_int_equal(version_of(a, 0), 0x20000);
	assert_int_equal(bad_replies(a), 1);
	/* Arriving while we wait, with another token: skipped, never taken for ours. */
	k.serve = serve_stray_first;
	assert_int_equal(version_of(a, 0), 0x20000);
	assert_int_equal(bad_replies(a), 2);
	/* A command (not async) keeps nothing aside, whatever the stray's header. */
	k.serve = serve_stray_one_first;
	assert_int_equal(version_of(a, 0), 0x20000);
	assert_int_equal(bad_replies(a), 3);
	scmi_agent_close(a);
}

static size_t short_len;

static void serve_short(const uint8_t *msg, size_t len, int qi, bool async)
{
	(void)len;
	(void)async;
	k_schedule(qi, msg, short_len, 0);
}

/* Replies without a status, and SCMI errors, are told apart. */
static void test_short_and_error_replies(void **state)
{
	struct scmi_agent *a;
	uint8_t tx[4] = {0}, rx[8];
	int32_t status = 0;

	(void)state;
	a = agent_at(K_ROOT, 1000);
	k.serve = serve_short;
	short_len = 4;
	version_of(a, -EPROTO);
	assert_last_error(a, "reply of 4 bytes has no status");
	k.serve = serve_default;
	assert_int_equal(
	    scmi_xfer(a, SCMI_PROTOCOL_CLOCK, 0x7f, tx, sizeof(tx), rx, sizeof(rx), NULL, &status),
	    -EOPNOTSUPP);
	assert_int_equal(status, SCMI_NOT_SUPPORTED);
	scmi_agent_close(a);
}

/* What the kernel refuses a write with comes back as the transfer's error. */
static void test_write_errors(void **state)
{
	struct scmi_agent *a = NULL;
	uint8_t big[128] = {0}, dtb[2048];
	char err[256] = "";
	struct tdt t;
	size_t n;

	(void)state;
	a = agent_at(K_ROOT, 1000);
	k.write_err = -EBUSY;
	version_of(a, -EBUSY);
	assert_last_error(a, "the kernel refused the message");
	k.write_err = 0;
	assert_int_equal(version_of(a, 0), 0x20000);
	scmi_agent_close(a);

	/* The DT allows more than the kernel: its buffer is too small, ENOSPC from the write. */
	k.max_msg_size = 64;
	tdt_defaults(&t);
	t.msg_size = 128;
	n = tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(k_open_agent(K_ROOT, dtb, n, 1000, &a, err, sizeof(err)), 0);
	assert_int_equal(scmi_agent_max_msg_size(a), 128);
	assert_int_equal(scmi_xfer(a, SCMI_PROTOCOL_BASE, 0, big, 100, NULL, 0, NULL, NULL),
			 -ENOSPC);
	assert_last_error(a, "No space left on device");
	assert_int_equal(version_of(a, 0), 0x20000);
	scmi_agent_close(a);
}

static uint32_t delayed_ms;
static bool delayed_first;
static int32_t immediate_status;

/* Clock RATE_SET-like: an immediate SUCCESS, then a delayed response with the rate. */
static void serve_async(const uint8_t *msg, size_t len, int qi, bool async)
{
	uint32_t hdr = scmi_get_le32(msg);
	struct scmi_hdr h;
	uint8_t v[12];

	(void)len;
	scmi_hdr_unpack(hdr, &h);
	if (!async) {
		serve_default(msg, len, qi, async);
		return;
	}
	k_reply(qi, hdr, immediate_status, NULL, 0, delayed_first ? 10 : 0);
	if (immediate_status != SCMI_SUCCESS || delayed_ms == UINT32_MAX)
		return;
	h.type = SCMI_MSG_TYPE_DELAYED_RESP;
	scmi_put_le32(v, 3);
	scmi_put_le64(v + 4, 48000000);
	k_reply(qi, scmi_hdr_pack(&h), SCMI_SUCCESS, v, sizeof(v), delayed_first ? 0 : delayed_ms);
}

static void test_async_delayed(void **state)
{
	struct scmi_agent *a;
	uint8_t tx[16] = {1}, drx[12];
	struct scmi_async_reply r = {.drx = drx, .drx_max = sizeof(drx)};
	uint64_t t;

	(void)state;
	k.timeout_ms = 5000;
	a = agent_at(K_ROOT, 100);
	k.serve = serve_async;
	delayed_ms = 20;
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, tx, sizeof(tx), &r), 0);
	assert_true(k.log_async[k.nlog - 1]);
	assert_true(r.delayed);
	assert_int_equal(r.status, SCMI_SUCCESS);
	assert_int_equal(r.dstatus, SCMI_SUCCESS);
	assert_int_equal(r.drx_len, 12);
	assert_int_equal(scmi_get_le32(drx), 3);
	assert_int_equal(scmi_get_le64(drx + 4), 48000000);

	/* The delayed response overtakes the immediate reply: kept, not dropped. */
	delayed_first = true;
	memset(drx, 0, sizeof(drx));
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, tx, sizeof(tx), &r), 0);
	assert_true(r.delayed);
	assert_int_equal(scmi_get_le64(drx + 4), 48000000);
	delayed_first = false;
	assert_int_equal(bad_replies(a), 0);

	/* Refused at once: no delayed response is waited for. */
	immediate_status = SCMI_INVALID_PARAMETERS;
	t = now_ms();
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, tx, sizeof(tx), &r), -EINVAL);
	assert_true(now_ms() - t < 1000);
	assert_false(r.delayed);
	assert_int_equal(r.status, SCMI_INVALID_PARAMETERS);
	immediate_status = SCMI_SUCCESS;

	/* Never comes: -ETIMEDOUT after SCMI_DELAYED_TIMEOUT_MS, and the queue is free again. */
	delayed_ms = UINT32_MAX;
	t = now_ms();
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, tx, sizeof(tx), &r),
			 -ETIMEDOUT);
	t = now_ms() - t;
	assert_true(t >= SCMI_DELAYED_TIMEOUT_MS && t < SCMI_DELAYED_TIMEOUT_MS + 1500);
	assert_last_error(a, "no delayed response within 2000 ms");
	assert_int_equal(version_of(a, 0), 0x20000);
	scmi_agent_close(a);
}

static void test_notifications(void **state)
{
	struct scmi_agent *a;
	uint8_t p[16], got[8];
	struct scmi_notification n = {.payload = got, .max = sizeof(got)};
	uint64_t t;

	(void)state;
	a = agent_at(K_ROOT, 1000);
	/* None: -ETIMEDOUT after the wait. */
	t = now_ms();
	assert_int_equal(scmi_notification_wait(a, 30, &n), -ETIMEDOUT);
	assert_true(now_ms() - t >= 30);
	/* PERFORMANCE_LEVEL_CHANGED: agent 0, domain 2, level 1000 (+ 4 bytes cut). */
	scmi_put_le32(p, 0);
	scmi_put_le32(p + 4, 2);
	scmi_put_le32(p + 8, 1000);
	scmi_put_le32(p + 12, 0xdead);
	k_notify(scmi_hdr_make(SCMI_PROTOCOL_PERF, 1, SCMI_MSG_TYPE_NOTIFICATION, 0), p, 16, 20);
	assert_int_equal(scmi_notification_wait(a, 1000, &n), 0);
	assert_int_equal(n.protocol_id, SCMI_PROTOCOL_PERF);
	assert_int_equal(n.msg_id, 1);
	assert_int_equal(n.len, 8);
	assert_int_equal(n.full_len, 16);
	assert_int_equal(scmi_get_le32(got + 4), 2);
	/* One already queued is returned without waiting. */
	k_notify(scmi_hdr_make(SCMI_PROTOCOL_CLOCK, 0, SCMI_MSG_TYPE_NOTIFICATION, 0), p, 4, 0);
	usleep(20 * 1000);
	assert_int_equal(scmi_notification_wait(a, 0, &n), 0);
	assert_int_equal(n.protocol_id, SCMI_PROTOCOL_CLOCK);
	assert_int_equal(n.len, 4);
	/* Commands still work beside it. */
	assert_int_equal(version_of(a, 0), 0x20000);
	scmi_agent_close(a);
}

/* Over a transport without a platform-to-agent path both calls say so. */
static void test_no_p2a_path(void **state)
{
	struct scmi_agent_config cfg = {0};
	struct scmi_async_reply r = {0};
	struct scmi_notification n = {0};
	struct scmi_agent *a = NULL;

	(void)state;
	fake_reset();
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, NULL, 0, &r), -EOPNOTSUPP);
	assert_int_equal(scmi_notification_wait(a, 0, &n), -EOPNOTSUPP);
	assert_int_equal(scmi_agent_transport(a), SCMI_TRANSPORT_AUTO);
	scmi_agent_close(a);
}

/* A protocol with its own channel in the DT uses the kernel's channels/0xNN when it exists. */
static void test_channels(void **state)
{
	uint8_t dtb[2048];
	struct scmi_agent *a = NULL;
	uint32_t chan = 99, v = 0;
	char err[256] = "";
	struct tdt t;
	size_t n;

	(void)state;
	k.chans[0] = SCMI_PROTOCOL_PERF;
	k.nchans = 1;
	tdt_defaults(&t);
	t.protos[0] = (struct tdt_proto){.reg = SCMI_PROTOCOL_PERF, .has_chan = true, .chan = 1};
	t.protos[1] = (struct tdt_proto){.reg = SCMI_PROTOCOL_CLOCK, .has_chan = true, .chan = 2};
	t.nprotos = 2;
	n = tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(k_open_agent(K_ROOT, dtb, n, 1000, &a, err, sizeof(err)), 0);
	scmi_agent_channel_of(a, SCMI_PROTOCOL_PERF, &chan, NULL);
	assert_int_equal(chan, SCMI_PROTOCOL_PERF);
	/* No channels/0x14 in the kernel: clock goes through raw/message, routed by protocol. */
	scmi_agent_channel_of(a, SCMI_PROTOCOL_CLOCK, &chan, NULL);
	assert_int_equal(chan, 0);
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_PERF, &v), 0);
	assert_int_equal(k.log_q[k.nlog - 1], 1);
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_CLOCK, &v), 0);
	assert_int_equal(k.log_q[k.nlog - 1], K_Q_ROOT);
	assert_int_equal(version_of(a, 0), 0x20000);
	assert_int_equal(k.log_q[k.nlog - 1], K_Q_ROOT);
	scmi_agent_close(a);

	/* A channel directory named as the raw directory: every message goes there. */
	k.max_msg_size = 100;
	a = agent_at(K_ROOT "/channels/0x13", 1000);
	assert_int_equal(scmi_agent_max_msg_size(a), 100); /* transport/ found from there */
	scmi_agent_channel_of(a, SCMI_PROTOCOL_BASE, &chan, NULL);
	assert_int_equal(chan, SCMI_PROTOCOL_PERF);
	assert_int_equal(version_of(a, 0), 0x20000);
	assert_int_equal(k.log_q[k.nlog - 1], 1);
	scmi_agent_close(a);
}

static void *release_later(void *arg)
{
	usleep(50 * 1000);
	k_lock(NULL, *(int *)arg, false);
	return NULL;
}

/* Another program's transfer on the same queue (its flock) is waited for. */
static void test_other_program(void **state)
{
	struct scmi_agent *a;
	pthread_t th;
	int other;
	uint64_t t;

	(void)state;
	a = agent_at(K_ROOT, 1000);
	other = k_open(NULL, K_ROOT "/message", O_RDWR);
	assert_true(other >= K_FD_BASE);
	assert_int_equal(k_lock(NULL, other, true), 0);
	assert_int_equal(pthread_create(&th, NULL, release_later, &other), 0);
	t = now_ms();
	assert_int_equal(version_of(a, 0), 0x20000);
	assert_true(now_ms() - t >= 40);
	pthread_join(th, NULL);
	/* Held for good: -EBUSY once our timeout (at least a second) passed. */
	assert_int_equal(k_lock(NULL, other, true), 0);
	version_of(a, -EBUSY);
	assert_last_error(a, "another program keeps the queue busy");
	k_close(NULL, other);
	assert_int_equal(version_of(a, 0), 0x20000);
	scmi_agent_close(a);
}

/* Another program's hold is waited for at least LRAW_HOLD_MIN_MS (1 s), or our timeout if longer.
 */
static void test_hold_wait(void **state)
{
	struct scmi_agent *a;
	int other;
	uint64_t t;

	(void)state;
	other = k_open(NULL, K_ROOT "/message", O_RDWR);
	assert_true(other >= K_FD_BASE);
	assert_int_equal(k_lock(NULL, other, true), 0);
	a = agent_at(K_ROOT, 100);
	t = now_ms();
	version_of(a, -EBUSY);
	t = now_ms() - t;
	assert_true(t >= 1000 && t < 1900);
	scmi_agent_close(a);
	a = agent_at(K_ROOT, 1500);
	t = now_ms();
	version_of(a, -EBUSY);
	t = now_ms() - t;
	assert_true(t >= 1500 && t < 2400);
	scmi_agent_close(a);
	k_close(NULL, other);
}

static void *hammer(void *arg)
{
	struct scmi_agent *a = arg;
	uint8_t tx[4] = {0}, rx[8];
	size_t rx_len;

	for (int i = 0; i < 50; i++) {
		if (scmi_xfer(a, SCMI_PROTOCOL_CLOCK, 6, tx, sizeof(tx), rx, sizeof(rx), &rx_len,
			      NULL) ||
		    scmi_get_le64(rx) != 24000000)
			return (void *)1;
	}
	return NULL;
}

/* Threads of one agent share the queue: every reply reaches its own transfer. */
static void test_threads(void **state)
{
	struct scmi_agent *a;
	pthread_t th[3];
	void *ret;

	(void)state;
	a = agent_at(K_ROOT, 2000);
	k.reply_delay_ms = 1;
	for (int i = 0; i < 3; i++)
		assert_int_equal(pthread_create(&th[i], NULL, hammer, a), 0);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(pthread_join(th[i], &ret), 0);
		assert_null(ret);
	}
	assert_int_equal(bad_replies(a), 0);
	scmi_agent_close(a);
}

/* AUTO: linux-raw when the raw directory is there and no socket is given. */
static void test_auto_selection(void **state)
{
	char dir[] = "/tmp/scmi-raw-test.XXXXXX", path[64], err[256] = "";
	struct scmi_agent_config cfg = {
	    .errbuf = err,
	    .errbuf_len = sizeof(err),
	    .raw_io = &k_io,
	    .timeout_ms = 1000,
	};
	struct scmi_agent *a = NULL;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_false(scmi_linux_raw_present(dir));
	snprintf(path, sizeof(path), "%s/message", dir);
	fd = open(path, O_CREAT | O_WRONLY, 0600);
	assert_true(fd >= 0);
	close(fd);
	assert_true(scmi_linux_raw_present(dir));

	/* The real files say "present"; the fake kernel serves K_ROOT. */
	cfg.raw_dir = dir;
	assert_int_equal(scmi_agent_open(&cfg, &a), -EAGAIN);
	assert_non_null(strstr(err, "no SCMI raw mode at"));
	assert_false(scmi_linux_raw_present(K_ROOT));
	/* A socket named explicitly: OP-TEE, even with raw mode present. */
	cfg.raw_dir = dir;
	cfg.socket_path = "/nonexistent/optee-simd.sock";
	assert_int_equal(scmi_agent_open(&cfg, &a), -EAGAIN);
	assert_null(strstr(err, "raw mode"));
	cfg.socket_path = NULL;
	cfg.transport = (enum scmi_transport_kind)9;
	assert_int_equal(scmi_agent_open(&cfg, &a), -EINVAL);
	assert_string_equal(err, "unknown transport 9");
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_probe, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_probe_errors, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_probe_limits, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_no_locks, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_hold_wait, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_tokens, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_reply_in_pieces, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_timeout_then_late_reply, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_kernel_timeout, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_stale_replies, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_short_and_error_replies, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_write_errors, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_read_error_mid_reply, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_async_delayed, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_notifications, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_no_p2a_path, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_channels, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_other_program, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_threads, k_setup, k_teardown),
	    cmocka_unit_test_setup_teardown(test_auto_selection, k_setup, k_teardown),
	};

	return cmocka_run_group_tests_name("agent/linux-raw", tests, NULL, NULL);
}
