// SPDX-License-Identifier: BSD-3-Clause
/*
 * Fast channels (docs/fastchannels.md) under a hostile agent: platforms/fastchannel.dtb,
 * whose agent 2 has a fast-channel region. Each input is a few steps on a fresh platform:
 * write a word anywhere in the region (the agent's memory), ring the doorbell word, run the
 * platform's pass over it, or send DESCRIBE_FASTCHANNEL / PROTOCOL_MESSAGE_ATTRIBUTES / a level
 * or cap message (perf or powercap, fuzzed domain and message ids) on the agent's channel.
 *
 * Invariants: a pass over the region always succeeds; a described channel lies inside the
 * agent's region, with the size Linux insists on; after a pass each perf GET channel says what
 * PERF_LEVEL_GET says, and each powercap CAP_GET channel what POWERCAP_CAP_GET says.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#include "platform/sim/sim_fastchannel.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/powercap.h"
#include "scmi/proto/status.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The build names it (CMakeLists.txt); a bare compile (the linters) gets a placeholder. */
#ifndef SCMI_FASTCHANNEL_DTB
#define SCMI_FASTCHANNEL_DTB "fastchannel.dtb"
#endif

#define AGENT	  2u
#define CHANNEL	  2u
#define MAX_STEPS 24

static struct sim_platform *plat;
static struct scmi_server srv;
static struct sim_fc_region region;
static uint8_t *mem;

static void open_platform(void)
{
	static void *dtb;
	static size_t dtb_size;
	char err[256];

	if (!dtb) {
		dtb = fuzz_read_file(SCMI_FASTCHANNEL_DTB, &dtb_size);
		FUZZ_CHECK(dtb != NULL);
	}
	if (sim_platform_load(dtb, dtb_size, &plat, err, sizeof(err)))
		fuzz_fail(err, __FILE__, __LINE__);
	sim_platform_set_virtual_time(plat, true);
	scmi_server_init(&srv, sim_platform_ops(), plat);
	FUZZ_CHECK(sim_fc_region_of(plat, AGENT, &region));
	mem = aligned_alloc(SIM_FC_REGION_ALIGN, (size_t)region.size);
	FUZZ_CHECK(mem != NULL);
	memset(mem, 0, (size_t)region.size);
}

/* One request on the agent's channel: the status, the reply's words in @out. */
static int32_t request(uint8_t proto, uint8_t msg_id, const uint32_t *in, size_t n_in,
		       uint32_t *out, size_t max)
{
	uint8_t ib[16], ob[64];
	size_t len, i;

	for (i = 0; i < n_in; i++)
		scmi_put_le32(ib + 4 * i, in[i]);
	len = scmi_server_process_raw(&srv, CHANNEL, scmi_hdr_make(proto, msg_id, 0, 1), ib,
				      4 * n_in, ob, sizeof(ob));
	FUZZ_CHECK(len >= 4);
	for (i = 0; i < max; i++)
		out[i] = 4 + 4 * i + 4 <= len ? scmi_get_le32(ob + 4 + 4 * i) : 0;
	return (int32_t)scmi_get_le32(ob);
}

static void check_describe(uint8_t proto, uint32_t id, uint32_t msg_id)
{
	uint32_t r[11];
	uint64_t addr;
	int32_t st;

	st = request(proto,
		     proto == SCMI_PROTOCOL_PERF ? SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL
						 : SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL,
		     (uint32_t[]){id, msg_id}, 2, r, 11);
	FUZZ_CHECK(st == SCMI_SUCCESS || st == SCMI_NOT_FOUND || st == SCMI_NOT_SUPPORTED ||
		   st == SCMI_INVALID_PARAMETERS);
	if (st != SCMI_SUCCESS)
		return;
	addr = (uint64_t)r[3] << 32 | r[2];
	FUZZ_CHECK(r[4] == 4 || r[4] == 8);
	FUZZ_CHECK(addr >= region.addr && addr + r[4] <= region.addr + region.size);
	FUZZ_CHECK(addr % 4 == 0);
}

/* After a pass: the GET channels agree with the messages. */
static void check_gets(void)
{
	uint32_t r[1], id;

	for (id = 0; id < 3; id++) {
		FUZZ_CHECK(request(SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, &id, 1, r, 1) ==
			   SCMI_SUCCESS);
		FUZZ_CHECK(sim_fc_read32(mem, SIM_FC_PERF_OFF + id * SIM_FC_PERF_STRIDE +
						  SIM_FC_PERF_LEVEL_GET) == r[0]);
		FUZZ_CHECK(request(SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_CAP_GET, &id, 1, r,
				   1) == SCMI_SUCCESS);
		FUZZ_CHECK(sim_fc_read32(mem, SIM_FC_PCAP_OFF + id * SIM_FC_PCAP_STRIDE +
						  SIM_FC_PCAP_CAP_GET) == r[0]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};
	uint32_t r[2];
	int step;

	open_platform();
	for (step = 0; step < MAX_STEPS && in.left; step++) {
		uint8_t op = fuzz_u8(&in);
		uint32_t a = fuzz_u32(&in), b = fuzz_u32(&in);
		uint8_t proto = op & 0x10 ? SCMI_PROTOCOL_POWERCAP : SCMI_PROTOCOL_PERF;

		switch (op % 6u) {
		case 0: /* the agent writes a word of its region */
		case 1:
			sim_fc_write32(mem, (a % (uint32_t)region.size) & ~3u, b);
			break;
		case 2: /* it rings the doorbell word (the DT has none: must change nothing) */
			sim_fc_write32(mem, SIM_FC_DOORBELL_OFF, b);
			break;
		case 3:
			FUZZ_CHECK(sim_fc_service(plat, AGENT, mem, (size_t)region.size) == 0);
			check_gets();
			break;
		case 4:
			check_describe(proto, a % 5u, b % 16u);
			(void)request(proto, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, &b, 1, r, 1);
			break;
		default: /* a level or cap message on the same domains, between passes */
			(void)request(proto,
				      proto == SCMI_PROTOCOL_PERF ? SCMI_MSG_PERF_LEVEL_SET
								  : SCMI_MSG_POWERCAP_CAP_SET,
				      proto == SCMI_PROTOCOL_PERF ? (uint32_t[]){a % 4u, b}
								  : (uint32_t[]){a % 4u, 0, b},
				      proto == SCMI_PROTOCOL_PERF ? 2 : 3, r, 0);
			break;
		}
	}
	free(mem);
	sim_platform_free(plat);
	return 0;
}
