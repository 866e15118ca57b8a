/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the wall-clock benchmarks share (bench_roundtrip.c, bench_latency.c): the clock, a
 * comparison for qsort, and the SOCK_SEQPACKET echo peer the socket path is measured against.
 */
#ifndef SCMI_BENCH_UTIL_H
#define SCMI_BENCH_UTIL_H

#include <sys/types.h>

/** bench_now_ns() - CLOCK_MONOTONIC in ns. */
double bench_now_ns(void);

/** bench_cmp_double() - qsort comparison of two doubles, ascending. */
int bench_cmp_double(const void *a, const void *b);

/**
 * bench_seq_echo() - fork a peer that answers every packet of a TEE request's size on a
 * SOCK_SEQPACKET pair with one of a TEE reply's size (struct optee_sim_req, _rsp), until the
 * other end closes. Returns its pid and our end in *@fd, or -1.
 */
pid_t bench_seq_echo(int *fd);

/**
 * struct bench_args - what every daemon benchmark is given: optee-simd, the platform DTB,
 * the agent DTs of the SMT and MSG layouts, and the iteration count (argv[5], optional).
 */
struct bench_args {
	const char *simd, *platform, *agent_smt, *agent_msg;
	long iters;
};

/**
 * bench_parse_args() - fill @a from argv (its iters keeps its default when argv[5] is
 * absent). 0, or 2 after printing the usage or why a count below @min_iters is refused.
 */
int bench_parse_args(int argc, char *argv[], long min_iters, struct bench_args *a);

/**
 * bench_start_daemon() - start a->simd on @sock with a->platform and the extra options
 * @opts (NULL-terminated, may be NULL), its stderr silenced; wait up to 5 s for the socket.
 * Its pid, or -1.
 */
pid_t bench_start_daemon(const struct bench_args *a, const char *sock, const char *const *opts);

/** bench_stop() - SIGTERM @pid and reap it. */
void bench_stop(pid_t pid);

#endif /* SCMI_BENCH_UTIL_H */
