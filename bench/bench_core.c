// SPDX-License-Identifier: BSD-3-Clause
/*
 * The server-core workload behind the instruction counts of `make bench`: bench/run.sh runs
 * it under `valgrind --tool=callgrind`, counting from the transport entry down, once with N
 * and once with 2N messages, and takes the difference, so that start-up and first-call costs
 * cancel out.
 *
 *   bench_core LAYOUT MSG N
 *
 * sends N messages through scmi_server_process_smt() (LAYOUT smt) or
 * scmi_server_process_msg() (msg) to a platform whose ops return constants, so that what is
 * counted is the server core alone. MSG: version (BASE PROTOCOL_VERSION), rate_get
 * (CLOCK_RATE_GET), level_get (PERF_LEVEL_GET), describe_rates (CLOCK_DESCRIBE_RATES, one
 * page of 8 rates). Every reply is checked, so that a failing path cannot pass for fast.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/msg.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/smt.h"
#include "scmi/server/clock.h"
#include "scmi/server/perf.h"
#include "scmi/server/server.h"

#define BENCH_CHANNEL 0u
#define BENCH_AGENT   1u
#define BENCH_RATES   8u
#define BENCH_SHM     128u

/* The constant platform: one agent on channel 0, every protocol visible, constant answers. */

static bool k_channel_agent(void *plat, uint32_t channel_id, uint32_t *agent_id)
{
	(void)plat;
	if (channel_id != BENCH_CHANNEL)
		return false;
	*agent_id = BENCH_AGENT;
	return true;
}

static bool k_protocol_available(void *plat, uint32_t agent_id, uint8_t protocol_id)
{
	(void)plat;
	(void)protocol_id;
	return agent_id == BENCH_AGENT;
}

static uint32_t k_protocol_version(void *plat, uint8_t protocol_id)
{
	(void)plat;
	(void)protocol_id;
	return 0;
}

static uint32_t k_count(void *plat, uint32_t agent_id)
{
	(void)plat;
	(void)agent_id;
	return BENCH_RATES;
}

static int32_t k_clock_describe(void *plat, uint32_t agent_id, uint32_t id, uint32_t first,
				uint64_t *rates, uint32_t max, struct scmi_server_clock_rates *r)
{
	uint32_t i;

	(void)plat;
	(void)agent_id;
	if (id >= BENCH_RATES)
		return SCMI_NOT_FOUND;
	r->range = false;
	r->count = BENCH_RATES;
	for (i = 0; first + i < BENCH_RATES && i < max; i++)
		rates[i] = 100000000ull * (first + i + 1);
	return SCMI_SUCCESS;
}

static int32_t k_clock_rate_get(void *plat, uint32_t agent_id, uint32_t id, uint64_t *hz)
{
	(void)plat;
	(void)agent_id;
	if (id >= BENCH_RATES)
		return SCMI_NOT_FOUND;
	*hz = 800000000ull;
	return SCMI_SUCCESS;
}

static int32_t k_perf_domain(void *plat, uint32_t agent_id, uint32_t id,
			     struct scmi_server_perf_domain *out)
{
	(void)plat;
	(void)agent_id;
	if (id >= BENCH_RATES)
		return SCMI_NOT_FOUND;
	out->num_levels = 4;
	out->set_level = true;
	return SCMI_SUCCESS;
}

static int32_t k_perf_level_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *level)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	*level = 1000;
	return SCMI_SUCCESS;
}

static const struct scmi_server_clock_ops k_clock = {
    .count = k_count,
    .describe = k_clock_describe,
    .rate_get = k_clock_rate_get,
};

static const struct scmi_server_perf_ops k_perf = {
    .count = k_count,
    .domain = k_perf_domain,
    .level_get = k_perf_level_get,
};

static const struct scmi_server_platform_ops k_ops = {
    .channel_agent = k_channel_agent,
    .protocol_available = k_protocol_available,
    .protocol_version = k_protocol_version,
    .clock = &k_clock,
    .perf = &k_perf,
};

/**
 * struct bench_msg - one benchmarked request and the reply it must get.
 * @name:     command-line name
 * @proto:    protocol id
 * @msg:      message id
 * @arg:      request payload (@nargs words)
 * @nargs:    words of payload
 * @resp_len: reply bytes (status included)
 */
struct bench_msg {
	const char *name;
	uint8_t proto;
	uint8_t msg;
	uint32_t arg[2];
	size_t nargs;
	size_t resp_len;
};

static const struct bench_msg msgs[] = {
    {"version", SCMI_PROTOCOL_BASE, SCMI_MSG_PROTOCOL_VERSION, {0}, 0, 8},
    {"rate_get", SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_RATE_GET, {3}, 1, 12},
    {"level_get", SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, {3}, 1, 8},
    {"describe_rates",
     SCMI_PROTOCOL_CLOCK,
     SCMI_MSG_CLOCK_DESCRIBE_RATES,
     {3, 0},
     2,
     8 + 8 * BENCH_RATES},
};

/* The SMT area and the MSG buffers, aligned as shared memory is. */
static union {
	uint32_t w[BENCH_SHM / 4];
	uint8_t b[BENCH_SHM];
} shm, msg_in, msg_out;

static int run_smt(struct scmi_server *srv, const struct bench_msg *m, long n)
{
	uint32_t hdr = scmi_hdr_make(m->proto, m->msg, SCMI_MSG_TYPE_COMMAND, 0);
	long i;
	size_t a;

	for (i = 0; i < n; i++) {
		/* What an agent writes: the message, then hand the area over. */
		scmi_smt_write32(shm.b, SCMI_SMT_OFF_HEADER, hdr);
		for (a = 0; a < m->nargs; a++)
			scmi_smt_write32(shm.b, SCMI_SMT_OFF_PAYLOAD + 4 * a, m->arg[a]);
		scmi_smt_write32(shm.b, SCMI_SMT_OFF_LENGTH, (uint32_t)(4 + 4 * m->nargs));
		scmi_smt_write32(shm.b, SCMI_SMT_OFF_STATUS, 0);
		if (scmi_server_process_smt(srv, BENCH_CHANNEL, shm.b, sizeof(shm)) !=
			SCMI_SERVER_OK ||
		    scmi_smt_read32(shm.b, SCMI_SMT_OFF_PAYLOAD) != SCMI_SUCCESS ||
		    scmi_smt_read32(shm.b, SCMI_SMT_OFF_LENGTH) != 4 + m->resp_len)
			return -1;
	}
	return 0;
}

static int run_msg(struct scmi_server *srv, const struct bench_msg *m, long n)
{
	uint32_t hdr = scmi_hdr_make(m->proto, m->msg, SCMI_MSG_TYPE_COMMAND, 0);
	size_t out_size;
	long i;
	size_t a;

	for (i = 0; i < n; i++) {
		msg_in.w[0] = hdr;
		for (a = 0; a < m->nargs; a++)
			msg_in.w[1 + a] = m->arg[a];
		out_size = sizeof(msg_out);
		if (scmi_server_process_msg(srv, BENCH_CHANNEL, msg_in.b, 4 + 4 * m->nargs,
					    msg_out.b, &out_size) != SCMI_SERVER_OK ||
		    out_size != SCMI_MSG_HDR_SIZE + m->resp_len ||
		    scmi_get_le32(msg_out.b + SCMI_MSG_OFF_STATUS) != SCMI_SUCCESS)
			return -1;
	}
	return 0;
}

static int run_core(const char *layout, const char *name, long n)
{
	static struct scmi_server srv;
	const struct bench_msg *m = NULL;
	size_t i;

	for (i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
		if (!strcmp(msgs[i].name, name))
			m = &msgs[i];
	}
	if (!m) {
		fprintf(stderr, "bench_core: unknown message '%s'\n", name);
		return 2;
	}
	scmi_server_init(&srv, &k_ops, NULL);
	if (!strcmp(layout, "smt"))
		return run_smt(&srv, m, n) ? 1 : 0;
	if (!strcmp(layout, "msg"))
		return run_msg(&srv, m, n) ? 1 : 0;
	fprintf(stderr, "bench_core: unknown layout '%s'\n", layout);
	return 2;
}

int main(int argc, char *argv[])
{
	long n;

	if (argc == 4 && (n = strtol(argv[3], NULL, 0)) > 0)
		return run_core(argv[1], argv[2], n);
	fprintf(stderr, "usage: %s smt|msg version|rate_get|level_get|describe_rates N\n", argv[0]);
	return 2;
}
