// SPDX-License-Identifier: BSD-3-Clause
/* What the wall-clock benchmarks share (bench_util.h). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_util.h"
#include "scmi/proto/tee_wire.h"

double bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

pid_t bench_seq_echo(int *fd)
{
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv))
		return -1;
	pid = fork();
	if (pid == 0) {
		static struct optee_sim_req req;
		static struct optee_sim_rsp rsp;

		close(sv[0]);
		while (recv(sv[1], &req, sizeof(req), 0) == (ssize_t)sizeof(req))
			if (send(sv[1], &rsp, sizeof(rsp), 0) != (ssize_t)sizeof(rsp))
				break;
		_exit(0);
	}
	close(sv[1]);
	if (pid < 0) {
		close(sv[0]);
		return -1;
	}
	*fd = sv[0];
	return pid;
}

int bench_parse_args(int argc, char *argv[], long min_iters, struct bench_args *a)
{
	char *end;
	long n;

	if (argc < 5) {
		fprintf(stderr,
			"usage: %s OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB [N]\n",
			argv[0]);
		return 2;
	}
	a->simd = argv[1];
	a->platform = argv[2];
	a->agent_smt = argv[3];
	a->agent_msg = argv[4];
	if (argc < 6)
		return 0;
	n = strtol(argv[5], &end, 0);
	if (*end || n < min_iters) {
		fprintf(stderr, "%s: N must be a number >= %ld, not '%s'\n", argv[0], min_iters,
			argv[5]);
		return 2;
	}
	a->iters = n;
	return 0;
}

pid_t bench_start_daemon(const struct bench_args *a, const char *sock, const char *const *opts)
{
	const char *argv[16] = {"optee-simd", "--socket", sock, "--platform", a->platform};
	size_t n = 5;
	pid_t pid;
	int i;

	while (opts && *opts && n < sizeof(argv) / sizeof(argv[0]) - 1)
		argv[n++] = *opts++;
	pid = fork();
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(127);
		/* execv's argv is not const for historical reasons; it does not write to it. */
		execv(a->simd, (char *const *)argv);
		_exit(127);
	}
	for (i = 0; pid > 0 && i < 500 && access(sock, F_OK); i++)
		usleep(10000);
	return pid;
}

void bench_stop(pid_t pid)
{
	int st;

	if (pid <= 0)
		return;
	kill(pid, SIGTERM);
	waitpid(pid, &st, 0);
}
