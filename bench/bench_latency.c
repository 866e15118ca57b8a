// SPDX-License-Identifier: BSD-3-Clause
/*
 * Latency and throughput of SCMI commands, each round trip timed alone, against the raw
 * mechanisms under them, measured in the same run (make bench, docs/performance.md):
 *
 *   raw/seqpacket  a SOCK_SEQPACKET ping-pong with another process, packets of the sizes of
 *                  a TEE request and reply (the socket path rides on it)
 *   raw/spin-futex a ping-pong through one shared cache line with another process: spin a
 *                  bounded while, then sleep on a futex (what the fast lane rides on)
 *   raw/call128    a plain call through a pointer copying 128 bytes in and 128 out
 *   PATH/MODE/MSG  one SCMI command through libscmi: PATH lane (optee-simd's fast lane, the
 *                  OP-TEE transport in MODE), socket (the same over the socket alone) or
 *                  inproc (the secure side in this process); MSG
 *                  version (Base PROTOCOL_VERSION), rate_get (CLOCK_RATE_GET), level_set
 *                  (PERF_LEVEL_SET of the level in force), sensor_get (SENSOR_READING_GET),
 *                  describe_walk (every page of CLOCK_DESCRIBE_RATES of mmc0, 64 rates)
 *   scale/N        N agent processes, each its own session and channel (0x10 + i of
 *                  platforms/bench.dts), all doing CLOCK_RATE_GET over the lane for a fixed
 *                  time: the aggregate rate
 *   raw/scale/N    N pairs of processes, each handing a word back and forth with the lane's
 *                  own hand-off (src/ipc/lane.c) and no work, for the same time: how the
 *                  mechanism under the scale rows scales on this machine
 *   channels/N     N threads of this process (1, 2), each an agent on its own channel
 *                  through the in-process secure side, all doing CLOCK_RATE_GET for a fixed
 *                  time: the aggregate rate (unpinned only: on one CPU threads cannot scale)
 *   raw/threads/N  the same with raw/call128 for the work: how much N threads can do on this
 *                  machine at this moment, the ceiling of channels/N
 *
 * Each line: NAME CPUS p50_ns p99_ns per_second, where CPUS is "pinned" (every process on
 * CPU 0: each hand-off a plain context switch) or "unpinned" (the scheduler's choice: on a
 * VM, waking a peer on another vCPU costs what the hypervisor makes it cost). Wall-clock
 * time moves with the machine's load; instruction counts (bench.sh) do not.
 * Usage: bench_latency OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB [ITERATIONS]
 * PLATFORM_DTB must have MSG channels 0x10 to 0x4f for the agent of AGENT_MSG_DTB
 * (platforms/bench.dts).
 */
#include <errno.h>
#include <libfdt.h>
#include <pthread.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_util.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "ipc/lane.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/tee_wire.h"
#include "scmi/scmi.h"
#include "scmi/tee_inproc.h"
#include "secure/secure_world.h"

#define SPIN_LIMIT    2000 /* polls before a futex sleep: a few microseconds */
#define SCALE_SECONDS 0.5
#define DESCRIBE_CLK  16u   /* mmc0: 64 rates, several pages */
#define CHANNEL0      0x10u /* the first of platforms/bench.dts's 64 extra channels */
#define MAX_AGENTS    64

static struct bench_args args = {.iters = 20000};
/* A scale row's child: its agent, or the echo of its pair (each child has its own). */
static struct scmi_agent *scale_agent;
static pid_t scale_echo;
static double *samples;
static bool pinned;

static void set_cpus(bool one)
{
	cpu_set_t set;
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	CPU_ZERO(&set);
	for (long i = 0; i < (one ? 1 : n); i++)
		CPU_SET(i, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		perror("sched_setaffinity");
}

/* One round trip of fn(arg); 0 or -1. */
typedef int (*trip_fn)(void *arg);

/* Time args.iters round trips one by one (after a tenth as warm-up) and print the line. */
static int measure(const char *name, trip_fn fn, void *arg)
{
	double total = 0;
	long i;

	for (i = 0; i < args.iters / 10; i++)
		if (fn(arg))
			goto fail;
	for (i = 0; i < args.iters; i++) {
		double t0 = bench_now_ns();

		if (fn(arg))
			goto fail;
		samples[i] = bench_now_ns() - t0;
		total += samples[i];
	}
	qsort(samples, (size_t)args.iters, sizeof(*samples), bench_cmp_double);
	printf("%-28s %-8s %9.0f %9.0f %11.0f\n", name, pinned ? "pinned" : "unpinned",
	       samples[args.iters / 2], samples[args.iters * 99 / 100],
	       1e9 * (double)args.iters / total);
	return 0;
fail:
	printf("%-28s %-8s FAILED\n", name, pinned ? "pinned" : "unpinned");
	return -1;
}

/* raw/seqpacket: a peer echoing a reply-sized packet for each request-sized one. */
static int seq_fd = -1;

static int seq_trip(void *arg)
{
	static struct optee_sim_req req;
	static struct optee_sim_rsp rsp;

	(void)arg;
	return send(seq_fd, &req, sizeof(req), 0) == (ssize_t)sizeof(req) &&
		       recv(seq_fd, &rsp, sizeof(rsp), 0) == (ssize_t)sizeof(rsp)
		   ? 0
		   : -1;
}

/*
 * raw/spin-futex: the request and the reply are sequence numbers in one shared line; each
 * side waits for the other's by spinning SPIN_LIMIT polls, then sleeping on the futex.
 */
struct pingpong {
	_Atomic uint32_t req;
	_Atomic uint32_t rsp;
	_Atomic uint32_t stop;
};

static struct pingpong *pp;

static void futex_wait(_Atomic uint32_t *w, uint32_t old)
{
	syscall(SYS_futex, w, FUTEX_WAIT, old, NULL, NULL, 0);
}

static void futex_wake(_Atomic uint32_t *w)
{
	syscall(SYS_futex, w, FUTEX_WAKE, 1, NULL, NULL, 0);
}

/* Wait until *@w differs from @old. */
static uint32_t wait_change(_Atomic uint32_t *w, uint32_t old)
{
	uint32_t v;
	int i;

	for (i = 0; i < SPIN_LIMIT; i++)
		if ((v = atomic_load_explicit(w, memory_order_acquire)) != old)
			return v;
	while ((v = atomic_load_explicit(w, memory_order_acquire)) == old)
		futex_wait(w, old);
	return v;
}

static int spin_trip(void *arg)
{
	uint32_t seq = atomic_load_explicit(&pp->req, memory_order_relaxed) + 1;

	(void)arg;
	atomic_store_explicit(&pp->req, seq, memory_order_release);
	futex_wake(&pp->req);
	return wait_change(&pp->rsp, seq - 1) == seq ? 0 : -1;
}

static pid_t start_spin_echo(void)
{
	pid_t pid;

	/* An anonymous mapping takes fd -1 (mmap(2)); cppcheck's POSIX model wants fd >= 0. */
	// cppcheck-suppress invalidFunctionArg
	pp = mmap(NULL, sizeof(*pp), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (pp == MAP_FAILED)
		return -1;
	memset(pp, 0, sizeof(*pp));
	pid = fork();
	if (pid == 0) {
		uint32_t seen = 0;

		for (;;) {
			seen = wait_change(&pp->req, seen);
			if (atomic_load(&pp->stop))
				_exit(0);
			atomic_store_explicit(&pp->rsp, seen, memory_order_release);
			futex_wake(&pp->rsp);
		}
	}
	return pid;
}

static void stop_spin_echo(pid_t pid)
{
	int st;

	atomic_store(&pp->stop, 1);
	atomic_fetch_add(&pp->req, 1);
	futex_wake(&pp->req);
	waitpid(pid, &st, 0);
	munmap(pp, sizeof(*pp));
}

/* raw/call128: a call the compiler cannot see through, 128 bytes copied each way. */
static void copy_call(uint8_t *out, const uint8_t *in)
{
	memcpy(out, in, 128);
}

static void (*volatile call_ptr)(uint8_t *out, const uint8_t *in) = copy_call;

static int call_trip(void *arg)
{
	static _Thread_local uint8_t a[128], b[128]; /* raw/threads: no line shared */

	(void)arg;
	call_ptr(b, a);
	call_ptr(a, b);
	return 0;
}

/* The SCMI commands. */
static int version_trip(void *arg)
{
	uint32_t v;

	return scmi_protocol_version(arg, SCMI_PROTOCOL_BASE, &v) ? -1 : 0;
}

static int xfer_trip(struct scmi_agent *a, uint8_t proto, uint8_t msg, const uint32_t *in, size_t n,
		     uint8_t *rx, size_t *rx_len)
{
	uint8_t tx[16];
	size_t i, room = *rx_len;
	int32_t status;

	for (i = 0; i < n; i++)
		scmi_put_le32(tx + 4 * i, in[i]);
	return scmi_xfer(a, proto, msg, tx, 4 * n, rx, room, rx_len, &status) || status ? -1 : 0;
}

static int rate_get_trip(void *arg)
{
	const uint32_t in[] = {0};
	uint8_t rx[16];
	size_t len = sizeof(rx);

	return xfer_trip(arg, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_RATE_GET, in, 1, rx, &len);
}

static uint32_t perf_level;

static int level_set_trip(void *arg)
{
	const uint32_t in[] = {0, perf_level};
	uint8_t rx[8];
	size_t len = sizeof(rx);

	return xfer_trip(arg, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_SET, in, 2, rx, &len);
}

static int sensor_get_trip(void *arg)
{
	const uint32_t in[] = {0, 0};
	uint8_t rx[64];
	size_t len = sizeof(rx);

	return xfer_trip(arg, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_READING_GET, in, 2, rx, &len);
}

static int describe_walk_trip(void *arg)
{
	uint8_t rx[256];
	uint32_t index = 0, flags;
	int pages = 0;

	do {
		const uint32_t in[] = {DESCRIBE_CLK, index};
		size_t max = scmi_agent_max_msg_size(arg);
		size_t len = max < sizeof(rx) ? max : sizeof(rx);

		if (xfer_trip(arg, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_DESCRIBE_RATES, in, 2, rx,
			      &len) ||
		    len < 4 || ++pages > 64)
			return -1;
		flags = scmi_get_le32(rx);
		index += SCMI_CLOCK_RATES_RETURNED(flags);
	} while (SCMI_CLOCK_RATES_REMAINING(flags) && SCMI_CLOCK_RATES_RETURNED(flags));
	return 0;
}

static int messages(const char *path, struct scmi_agent *a)
{
	static const struct {
		const char *name;
		trip_fn fn;
	} msgs[] = {{"version", version_trip},
		    {"rate_get", rate_get_trip},
		    {"level_set", level_set_trip},
		    {"sensor_get", sensor_get_trip},
		    {"describe_walk", describe_walk_trip}};
	const uint32_t dom[] = {0};
	uint8_t rx[8];
	size_t len = sizeof(rx), i;
	char name[64];
	int failed = 0;

	/* PERF_LEVEL_SET of the level in force: a vote that moves nothing, every time. */
	if (xfer_trip(a, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, dom, 1, rx, &len) || len < 4)
		return -1;
	perf_level = scmi_get_le32(rx);
	for (i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
		snprintf(name, sizeof(name), "%s/%s", path, msgs[i].name);
		failed |= measure(name, msgs[i].fn, a);
	}
	return failed;
}

/*
 * AGENT_MSG_DTB with its linaro,optee-channel-id set to @channel, in @buf; 0 or -1. Each
 * concurrent agent gets its own channel, as a guest's CPUs would use their own.
 */
static int agent_dtb_on(uint32_t channel, void *buf, size_t size)
{
	FILE *f = fopen(args.agent_msg, "rb");
	static char file[16384];
	size_t n;
	int off;

	if (!f)
		return -1;
	n = fread(file, 1, sizeof(file), f);
	if (fclose(f) || n == 0 || n == sizeof(file) || fdt_open_into(file, buf, (int)size))
		return -1;
	off = fdt_node_offset_by_compatible(buf, -1, "linaro,scmi-optee");
	return off < 0 || fdt_setprop_u32(buf, off, "linaro,optee-channel-id", channel) ? -1 : 0;
}

/*
 * What one process of a scale row drives: @open sets it up in the child (0, or -errno), @trip
 * makes one round trip (0 or -1), @close ends it; @what names a failure.
 */
struct scale_kind {
	const char *what;
	int (*open)(void *ctx, int i);
	int (*trip)(void *ctx);
	void (*close)(void *ctx);
};

/* An agent on channel CHANNEL0 + @i, over the lane (SCMI_TEE_LANE unset: the default). */
static int agent_scale_open(void *ctx, int i)
{
	static char dtb[32768];
	struct scmi_agent_config cfg = {
	    .dtb = dtb,
	    .dtb_size = sizeof(dtb),
	    .socket_path = ctx,
	    .mode = SCMI_MODE_MSG,
	    .timeout_ms = 5000 /* throughput under load, not the 30 ms of one late reply */};

	if (agent_dtb_on(CHANNEL0 + (uint32_t)i, dtb, sizeof(dtb)))
		return -EINVAL;
	return scmi_agent_open(&cfg, &scale_agent);
}

static int agent_scale_trip(void *ctx)
{
	(void)ctx;
	return rate_get_trip(scale_agent);
}

static void agent_scale_close(void *ctx)
{
	(void)ctx;
	scmi_agent_close(scale_agent);
}

/*
 * raw/scale: a pair of processes handing a word back and forth with the lane's own hand-off
 * (src/ipc/lane.h: post, wake only a sleeper; spin as the lane does, then sleep), and no SCMI
 * or TEE work: what the scale rows would be with a server that costs nothing.
 */
struct lane_pair {
	uint32_t state;
	uint32_t echo_waits;
	uint32_t client_waits;
};

static struct lane_pair *scale_pair;
static struct lane_spin scale_spin;

static int never_stop(void *arg)
{
	(void)arg;
	return 0;
}

static int pair_scale_open(void *ctx, int i)
{
	struct lane_pair *lp;

	(void)ctx;
	(void)i;
	// cppcheck-suppress invalidFunctionArg
	lp = mmap(NULL, sizeof(*lp), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (lp == MAP_FAILED)
		return -ENOMEM;
	memset(lp, 0, sizeof(*lp));
	scale_pair = lp;
	lane_spin_init(&scale_spin);
	scale_echo = fork();
	if (scale_echo < 0) {
		int err = -errno;

		munmap(lp, sizeof(*lp));
		return err;
	}
	if (scale_echo == 0) {
		for (;;) {
			lane_await(&lp->state, &lp->echo_waits, OPTEE_SIM_LANE_REQ, &scale_spin,
				   100, never_stop, NULL);
			lane_post(&lp->state, &lp->client_waits, OPTEE_SIM_LANE_RSP);
		}
	}
	return 0;
}

static int pair_scale_trip(void *ctx)
{
	(void)ctx;
	lane_post(&scale_pair->state, &scale_pair->echo_waits, OPTEE_SIM_LANE_REQ);
	return lane_await(&scale_pair->state, &scale_pair->client_waits, OPTEE_SIM_LANE_RSP,
			  &scale_spin, 100, never_stop, NULL);
}

static void pair_scale_close(void *ctx)
{
	int st;

	(void)ctx;
	kill(scale_echo, SIGKILL);
	waitpid(scale_echo, &st, 0);
	munmap(scale_pair, sizeof(*scale_pair));
}

static const struct scale_kind agent_scale = {"CLOCK_RATE_GET", agent_scale_open, agent_scale_trip,
					      agent_scale_close};
static const struct scale_kind pair_scale = {"lane hand-off", pair_scale_open, pair_scale_trip,
					     pair_scale_close};

/*
 * NAME/N: N processes, each driving its own @kind (its own session and channel, or its own
 * pair), all started together and each counting round trips for SCALE_SECONDS; the
 * aggregate rate.
 */
static int scale(const char *name, const struct scale_kind *kind, void *ctx, int n)
{
	int fds[2], ready[2], go[2], i, st, failed = 0;
	pid_t kids[MAX_AGENTS];
	double total = 0;
	char c;

	if (n > MAX_AGENTS || pipe(fds) || pipe(ready) || pipe(go))
		return -1;
	for (i = 0; i < n; i++) {
		kids[i] = fork();
		if (kids[i] == 0) {
			double count = 0, t0, t;
			int ret;

			close(fds[0]);
			close(ready[0]);
			close(go[1]);
			ret = kind->open(ctx, i);
			if (ret) {
				fprintf(stderr, "bench_latency: %s/%d: open: %s\n", name, n,
					strerror(-ret));
				/* Counted as ready, so that the others do not wait for it. */
				if (write(ready[1], "f", 1) != 1)
					_exit(2);
				_exit(1);
			}
			/* Every one open before any measures: opens are not the load. */
			if (write(ready[1], "r", 1) != 1 || read(go[0], &c, 1) != 0)
				_exit(1);
			t0 = bench_now_ns();
			do {
				if (kind->trip(ctx)) {
					fprintf(stderr, "bench_latency: %s/%d: %s failed\n", name,
						n, kind->what);
					_exit(1);
				}
				count++;
				t = bench_now_ns();
			} while (t - t0 < SCALE_SECONDS * 1e9);
			count = count * 1e9 / (t - t0);
			if (write(fds[1], &count, sizeof(count)) != (ssize_t)sizeof(count))
				_exit(1);
			kind->close(ctx);
			_exit(0);
		}
	}
	close(fds[1]);
	close(ready[1]);
	close(go[0]);
	for (i = 0; i < n; i++)
		if (read(ready[0], &c, 1) != 1)
			failed = 1;
	close(go[1]); /* go */
	close(ready[0]);
	for (i = 0; i < n; i++) {
		double r;

		if (read(fds[0], &r, sizeof(r)) == (ssize_t)sizeof(r))
			total += r;
		else
			failed = 1;
	}
	close(fds[0]);
	for (i = 0; i < n; i++)
		failed |= kids[i] < 0 || waitpid(kids[i], &st, 0) != kids[i] || !WIFEXITED(st) ||
			  WEXITSTATUS(st);
	printf("%s/%-*d %-8s %9s %9s %11.0f\n", name, (int)(28 - strlen(name) - 1), n,
	       pinned ? "pinned" : "unpinned", "-", "-", failed ? 0.0 : total);
	return failed ? -1 : 0;
}

static int open_inproc(void *arg, struct tee_context **ctx)
{
	return tee_client_open_inproc(secure_world_core(arg), true, ctx);
}

/* A thread of threads(): what it runs, and what it counted. */
struct worker {
	/* Alone on its cache line: each thread writes its own on every operation. */
	_Alignas(64) pthread_barrier_t *go;
	trip_fn fn;
	void *arg;
	double rate;
	double cpu_ns;
	double count;
	int failed;
};

/* The CPU time this thread has used, in ns. */
static double thread_cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void *worker_run(void *arg)
{
	struct worker *k = arg;
	double t0, t, c0;

	pthread_barrier_wait(k->go);
	c0 = thread_cpu_ns();
	t = t0 = bench_now_ns();
	while (t - t0 < SCALE_SECONDS * 1e9 && !k->failed) {
		k->failed = k->fn(k->arg);
		k->count++;
		t = bench_now_ns();
	}
	k->cpu_ns = thread_cpu_ns() - c0;
	k->rate = k->count * 1e9 / (t - t0);
	return NULL;
}

/* What threads() measured: the aggregate rate, and the CPU time an operation took. */
struct threads_result {
	double rate;
	double cpu_ns;
};

/*
 * N threads, thread i doing fn(args[i]) for SCALE_SECONDS, into @r (the better of @r and this
 * run: the rate moves with what the host gives this VM at the moment); 0 or -1.
 */
static int threads(int n, trip_fn fn, void *const *fn_args, struct threads_result *r)
{
	struct worker k[2];
	pthread_barrier_t go;
	pthread_t t[2];
	double total = 0, cpu = 0, ops = 0;
	int i, failed = 0;

	if (n > 2 || pthread_barrier_init(&go, NULL, (unsigned)n))
		return -1;
	for (i = 0; i < n; i++) {
		k[i] = (struct worker){.go = &go, .fn = fn, .arg = fn_args[i]};
		if (pthread_create(&t[i], NULL, worker_run, &k[i]))
			return -1; /* a thread left at the barrier ends with the process */
	}
	for (i = 0; i < n; i++) {
		pthread_join(t[i], NULL);
		failed |= k[i].failed;
		total += k[i].rate;
		cpu += k[i].cpu_ns;
		ops += k[i].count;
	}
	pthread_barrier_destroy(&go);
	if (!failed && total > r->rate)
		*r = (struct threads_result){total, ops > 0 ? cpu / ops : 0.0};
	return failed ? -1 : 0;
}

/* A thread row: NAME CPUS - - rate cpu_ns_per_op (the sixth column). */
static void threads_print(const char *name, int n, const struct threads_result *r)
{
	char row[64];

	snprintf(row, sizeof(row), "%s/%d", name, n);
	printf("%-28s %-8s %9s %9s %11.0f %9.1f\n", row, "unpinned", "-", "-", r->rate, r->cpu_ns);
}

#define THREAD_ROUNDS 3

/*
 * channels/N: N agents, each on its own channel through the in-process secure side of @w,
 * each driven by its own thread; and raw/threads/N, N threads of plain calls, the most
 * this machine gives N threads. The four rows are measured in turn THREAD_ROUNDS times and
 * each keeps its best run, so that a moment when the host takes a vCPU away does not fall
 * on one row only.
 */
static int channel_rows(struct secure_world *w)
{
	static char dtb[2][32768];
	struct scmi_agent *a[2] = {NULL, NULL};
	struct threads_result raw[2] = {{0, 0}, {0, 0}}, ch[2] = {{0, 0}, {0, 0}};
	void *calls[2] = {NULL, NULL};
	int i, r, failed = 0;

	for (i = 0; i < 2; i++) {
		struct scmi_agent_config cfg = {.dtb = dtb[i],
						.dtb_size = sizeof(dtb[i]),
						.tee_open = open_inproc,
						.tee_open_arg = w,
						.mode = SCMI_MODE_MSG};

		if (agent_dtb_on(CHANNEL0 + (uint32_t)i, dtb[i], sizeof(dtb[i])) ||
		    scmi_agent_open(&cfg, &a[i]))
			failed = 1;
	}
	for (r = 0; r < THREAD_ROUNDS && !failed; r++) {
		for (i = 0; i < 2; i++) {
			failed |= threads(i + 1, call_trip, calls, &raw[i]);
			failed |= threads(i + 1, rate_get_trip, (void **)a, &ch[i]);
		}
	}
	for (i = 0; i < 2; i++) {
		scmi_agent_close(a[i]);
		threads_print("raw/threads", i + 1, &raw[i]);
		if (failed)
			printf("channels/%-19d %-8s FAILED\n", i + 1, "unpinned");
		else
			threads_print("channels", i + 1, &ch[i]);
	}
	return failed;
}

static int one_pass(const char *sock)
{
	/* SCMI_TEE_LANE picks the path of the agent's invokes (src/tee/backend_sim.c). */
	static const struct {
		const char *name;
		enum scmi_mode mode;
		int smt_dt;
		const char *lane;
	} modes[] = {{"lane/smt", SCMI_MODE_SMT, 1, "1"},
		     {"lane/smt-memref", SCMI_MODE_SMT_MEMREF, 0, "1"},
		     {"lane/msg", SCMI_MODE_MSG, 0, "1"},
		     {"socket/smt", SCMI_MODE_SMT, 1, "0"},
		     {"socket/smt-memref", SCMI_MODE_SMT_MEMREF, 0, "0"},
		     {"socket/msg", SCMI_MODE_MSG, 0, "0"}};
	static const int procs[] = {1, 4, 16, 64};
	struct secure_world *w = NULL;
	char err[256];
	pid_t peer, daemon;
	int failed = 0;
	size_t i;

	set_cpus(pinned);
	peer = bench_seq_echo(&seq_fd);
	failed |= peer < 0 || measure("raw/seqpacket", seq_trip, NULL);
	close(seq_fd);
	if (peer > 0)
		waitpid(peer, NULL, 0);
	peer = start_spin_echo();
	failed |= peer < 0 || measure("raw/spin-futex", spin_trip, NULL);
	if (peer > 0)
		stop_spin_echo(peer);
	failed |= measure("raw/call128", call_trip, NULL);
	for (i = 0; i < sizeof(procs) / sizeof(procs[0]); i++)
		failed |= scale("raw/scale", &pair_scale, NULL, procs[i]);

	daemon = bench_start_daemon(
	    &args, sock,
	    (const char *const[]){"--max-clients", "128", "--max-clients-per-uid", "128", NULL});
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		struct scmi_agent_config cfg = {.dt_path = modes[i].smt_dt ? args.agent_smt
									   : args.agent_msg,
						.socket_path = sock,
						.mode = modes[i].mode};
		struct scmi_agent *a;

		setenv("SCMI_TEE_LANE", modes[i].lane, 1);
		if (scmi_agent_open(&cfg, &a)) {
			printf("%-28s FAILED to open\n", modes[i].name);
			failed = 1;
			continue;
		}
		failed |= messages(modes[i].name, a);
		scmi_agent_close(a);
	}
	unsetenv("SCMI_TEE_LANE"); /* the default path: the lane */
	for (i = 0; i < sizeof(procs) / sizeof(procs[0]); i++)
		failed |= scale("scale", &agent_scale, (void *)sock, procs[i]);
	bench_stop(daemon);
	unlink(sock);

	if (secure_world_create(args.platform, NULL, &w, err, sizeof(err)) == 0) {
		struct scmi_agent_config cfg = {.dt_path = args.agent_msg,
						.tee_open = open_inproc,
						.tee_open_arg = w,
						.mode = SCMI_MODE_MSG};
		struct scmi_agent *a;

		if (!scmi_agent_open(&cfg, &a)) {
			failed |= messages("inproc/msg", a);
			scmi_agent_close(a);
		} else {
			failed = 1;
		}
		if (!pinned)
			failed |= channel_rows(w);
		secure_world_destroy(w);
	} else {
		fprintf(stderr, "bench_latency: %s\n", err);
		failed = 1;
	}
	return failed;
}

int main(int argc, char *argv[])
{
	char dir[] = "/tmp/scmi-lat-XXXXXX", sock[128];
	int failed = 0;

	if (bench_parse_args(argc, argv, 100, &args))
		return 2;
	samples = calloc((size_t)args.iters, sizeof(*samples));
	/* Line by line: a row printed before a later one hangs or fails is not lost. */
	if (!samples || setvbuf(stdout, NULL, _IOLBF, 0) || signal(SIGPIPE, SIG_IGN) == SIG_ERR ||
	    !mkdtemp(dir))
		return 1;
	snprintf(sock, sizeof(sock), "%s/optee-simd.sock", dir);
	printf("latency: %ld round trips each, p50 and p99 in ns, rate per second\n", args.iters);
	for (int pass = 0; pass < 2; pass++) {
		pinned = pass == 0;
		failed |= one_pass(sock);
	}
	rmdir(dir);
	free(samples);
	return failed;
}
