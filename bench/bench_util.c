// SPDX-License-Identifier: BSD-3-Clause
/* What the wall-clock benchmarks share (bench_util.h). */
#include <sys/socket.h>
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
