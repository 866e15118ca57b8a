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

#endif /* SCMI_BENCH_UTIL_H */
