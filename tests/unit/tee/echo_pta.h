/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A tiny test PTA for the TEE boundary tests: echoes values, writes memrefs,
 * reports sizes and sleeps on demand, and counts its sessions, so that the
 * client API, the backends and the socket server are tested without the SCMI
 * server.
 */
#ifndef TEST_ECHO_PTA_H
#define TEST_ECHO_PTA_H

#include <stdint.h>

#include "secure/tee_core.h"

/* Commands. */
#define ECHO_CMD_VALUES 0 /* VALUE_INOUT: a+1, b+2; VALUE_OUTPUT: a = 0xA0 + n, b = types */
#define ECHO_CMD_FILL	1 /* p0 VALUE_IN (a byte, b size to report), p1 MEMREF_OUT/INOUT */
#define ECHO_CMD_COPY	2 /* p0 MEMREF_IN -> p1 MEMREF_OUT, p1 size = p0 size */
#define ECHO_CMD_SUM	3 /* p0 MEMREF_IN, p1 VALUE_OUTPUT a = byte sum, b = size */
#define ECHO_CMD_SLEEP	4 /* p0 VALUE_IN a = milliseconds */
#define ECHO_CMD_LOGIN	5 /* p0 VALUE_OUTPUT a = the session's login */

/**
 * struct echo_pta - counters the tests read.
 * @opens:  sessions opened
 * @closes: sessions closed
 * @last_buf: the last memref buffer SUM or FILL saw (the TEE's view of the memory)
 */
struct echo_pta {
	int opens;
	int closes;
	void *last_buf;
};

extern const struct pta_ops echo_pta_ops;
extern const uint8_t echo_pta_uuid[TEE_UUID_SIZE];

/** echo_pta_count() - read a counter atomically. */
int echo_pta_count(const int *counter);

#endif /* TEST_ECHO_PTA_H */
