// SPDX-License-Identifier: BSD-3-Clause
/*
 * Round-trip cost of one SCMI command, layer by layer, against the IPC
 * mechanism under it, all measured in the same run:
 *
 *   baseline   a SOCK_SEQPACKET ping-pong with another process, packets of the
 *              same sizes as a TEE request and reply (what the sim backend rides on)
 *   tee        one TEE invoke (PTA CAPABILITIES) through the sim backend to optee-simd
 *   scmi/MODE  one SCMI command (Base PROTOCOL_VERSION) through libscmi, the OP-TEE
 *              transport in MODE, the sim backend, optee-simd, the PTA and the server
 *   inproc     the same SCMI command with the secure side in this process
 *
 * Each line prints ns per round trip (median of 5 runs) and its ratio to the baseline.
 * Every process runs on one CPU: on a VM, waking a peer on another, idle, vCPU costs
 * tens of microseconds and depends on where the scheduler happened to put it, which
 * would measure the hypervisor, not our code. With one CPU each hand-off is a plain
 * context switch, the same for the baseline and for every layer.
 * Usage: bench_roundtrip OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB [ITERATIONS]
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_util.h"
#include "scmi/proto/pta.h"
#include "scmi/scmi.h"
#include "scmi/tee_client.h"
#include "scmi/tee_inproc.h"
#include "secure/secure_world.h"
#include "scmi/proto/tee_wire.h"

#define RUNS 5

static struct bench_args args = {.iters = 20000};

/* Median over RUNS of fn(arg) iterations, in ns per iteration; < 0 on failure. */
static double measure(int (*fn)(void *arg, long n), void *arg)
{
	double t[RUNS];
	int r;

	if (fn(arg, args.iters / 10)) /* warm up */
		return -1;
	for (r = 0; r < RUNS; r++) {
		double t0 = bench_now_ns();

		if (fn(arg, args.iters))
			return -1;
		t[r] = (bench_now_ns() - t0) / (double)args.iters;
	}
	qsort(t, RUNS, sizeof(t[0]), bench_cmp_double);
	return t[RUNS / 2];
}

/* Baseline: a peer process echoing a reply-sized packet for each request-sized one. */
static int baseline_fd = -1;

static int baseline_loop(void *arg, long n)
{
	static struct optee_sim_req req;
	static struct optee_sim_rsp rsp;
	long i;

	(void)arg;
	for (i = 0; i < n; i++) {
		if (send(baseline_fd, &req, sizeof(req), 0) != (ssize_t)sizeof(req) ||
		    recv(baseline_fd, &rsp, sizeof(rsp), 0) != (ssize_t)sizeof(rsp))
			return -1;
	}
	return 0;
}

static int tee_loop(void *arg, long n)
{
	struct tee_context *ctx = arg;
	static const uint8_t uuid[] = PTA_SCMI_UUID_BYTES;
	struct tee_open_session_arg os = {.clnt_login = TEE_LOGIN_REE_KERNEL};
	long i;
	int ret = 0;

	memcpy(os.uuid, uuid, sizeof(uuid));
	if (tee_client_open_session(ctx, &os, NULL, 0) || os.ret)
		return -1;
	for (i = 0; i < n && !ret; i++) {
		struct tee_param p = {.attr = TEE_PARAM_TYPE_VALUE_OUTPUT};
		struct tee_invoke_arg inv = {.func = PTA_SCMI_CMD_CAPABILITIES,
					     .session = os.session};

		ret = tee_client_invoke_func(ctx, &inv, &p, 1) || inv.ret;
	}
	tee_client_close_session(ctx, os.session);
	return ret ? -1 : 0;
}

static int scmi_loop(void *arg, long n)
{
	struct scmi_agent *agent = arg;
	uint32_t v;
	long i;

	for (i = 0; i < n; i++)
		if (scmi_protocol_version(agent, SCMI_PROTOCOL_BASE, &v))
			return -1;
	return 0;
}

static int open_inproc(void *arg, struct tee_context **ctx)
{
	return tee_client_open_inproc(secure_world_core(arg), true, ctx);
}

static void report(const char *name, double ns, double base)
{
	if (ns < 0) {
		printf("%-16s FAILED\n", name);
		return;
	}
	printf("%-16s %9.0f ns   %5.2fx baseline\n", name, ns, ns / base);
}

int main(int argc, char *argv[])
{
	char dir[] = "/tmp/scmi-bench-XXXXXX", sock[128];
	static const struct {
		const char *name;
		enum scmi_mode mode;
		int smt_dt;
	} modes[] = {{"scmi/smt", SCMI_MODE_SMT, 1},
		     {"scmi/smt-memref", SCMI_MODE_SMT_MEMREF, 0},
		     {"scmi/msg", SCMI_MODE_MSG, 0}};
	struct tee_context *ctx = NULL;
	struct secure_world *w = NULL;
	char err[256];
	double base;
	pid_t echo, daemon;
	size_t i;
	int st, failed = 0;

	if (bench_parse_args(argc, argv, 1, &args))
		return 2;
	if (signal(SIGPIPE, SIG_IGN) == SIG_ERR) {
		perror("signal");
		return 1;
	}
	{
		cpu_set_t one;

		CPU_ZERO(&one);
		CPU_SET(0, &one);
		if (sched_setaffinity(0, sizeof(one), &one))
			perror("sched_setaffinity");
	}

	echo = bench_seq_echo(&baseline_fd);
	base = measure(baseline_loop, NULL);
	close(baseline_fd);
	waitpid(echo, &st, 0);
	printf("round trips: %ld per run, median of %d runs\n", args.iters, RUNS);
	report("baseline", base, base);

	if (!mkdtemp(dir))
		return 1;
	snprintf(sock, sizeof(sock), "%s/optee-simd.sock", dir);
	daemon = bench_start_daemon(&args, sock, NULL);

	if (tee_client_open_sim(sock, &ctx) == 0) {
		double t = measure(tee_loop, ctx);

		report("tee-invoke", t, base);
		failed |= t < 0;
		tee_client_close_context(ctx);
	} else {
		report("tee-invoke", -1, base);
		failed = 1;
	}
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		struct scmi_agent_config cfg = {.dt_path = modes[i].smt_dt ? args.agent_smt
									   : args.agent_msg,
						.socket_path = sock,
						.mode = modes[i].mode};
		struct scmi_agent *agent;
		double t = -1;

		if (!scmi_agent_open(&cfg, &agent)) {
			t = measure(scmi_loop, agent);
			scmi_agent_close(agent);
		}
		report(modes[i].name, t, base);
		failed |= t < 0;
	}
	bench_stop(daemon);
	rmdir(dir);

	if (secure_world_create(args.platform, NULL, &w, err, sizeof(err)) == 0) {
		struct scmi_agent_config cfg = {.dt_path = args.agent_msg,
						.tee_open = open_inproc,
						.tee_open_arg = w,
						.mode = SCMI_MODE_MSG};
		struct scmi_agent *agent;
		double t = -1;

		if (!scmi_agent_open(&cfg, &agent)) {
			t = measure(scmi_loop, agent);
			scmi_agent_close(agent);
		}
		report("inproc/msg", t, base);
		failed |= t < 0;
		secure_world_destroy(w);
	}
	return failed;
}
