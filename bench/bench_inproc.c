// SPDX-License-Identifier: BSD-3-Clause
/*
 * The in-process workload behind an instruction count of `make bench`: N CLOCK_RATE_GET
 * (clock 0, MSG layout) through libscmi, the in-process TEE, the PTA, the server and the
 * simulated platform of PLATFORM_DTB. bench/run.sh counts from the PTA's invoke down (the
 * agent library is not part of the secure side) under `valgrind --tool=callgrind`, with N
 * and 2N messages, and takes the difference.
 *
 *   bench_inproc PLATFORM_DTB AGENT_MSG_DTB N
 */
#include <stdio.h>
#include <stdlib.h>

#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "scmi/scmi.h"
#include "scmi/tee_inproc.h"
#include "secure/secure_world.h"

static int open_inproc(void *arg, struct tee_context **ctx)
{
	return tee_client_open_inproc(secure_world_core(arg), true, ctx);
}

int main(int argc, char *argv[])
{
	struct secure_world *w = NULL;
	struct scmi_agent *agent = NULL;
	struct scmi_agent_config cfg = {.tee_open = open_inproc, .mode = SCMI_MODE_MSG};
	char err[256];
	uint8_t id[4], rx[8];
	size_t rx_len;
	long i, n;
	int ret = 0;

	if (argc != 4 || (n = strtol(argv[3], NULL, 0)) <= 0) {
		fprintf(stderr, "usage: %s PLATFORM_DTB AGENT_MSG_DTB N\n", argv[0]);
		return 2;
	}
	if (secure_world_create(argv[1], NULL, &w, err, sizeof(err))) {
		fprintf(stderr, "bench_inproc: %s\n", err);
		return 1;
	}
	cfg.dt_path = argv[2];
	cfg.tee_open_arg = w;
	if (scmi_agent_open(&cfg, &agent)) {
		fprintf(stderr, "bench_inproc: cannot open the agent\n");
		secure_world_destroy(w);
		return 1;
	}
	scmi_put_le32(id, 0);
	for (i = 0; i < n && !ret; i++) {
		ret = scmi_xfer(agent, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_RATE_GET, id, sizeof(id),
				rx, sizeof(rx), &rx_len, NULL) ||
		      rx_len != sizeof(rx);
	}
	scmi_agent_close(agent);
	secure_world_destroy(w);
	return ret;
}
