// SPDX-License-Identifier: BSD-3-Clause
/*
 * Perf fast channels, server and simulated platform together, on
 * platforms/fastchannel.dts (agent 2 "vm1", channel 2, has a region at
 * 0x7fe00000; the CPU domains and the gpu have fast channels; agent 1,
 * channels 0 and 1, has none): what PROTOCOL_MESSAGE_ATTRIBUTES, the domain
 * attributes and DESCRIBE_FASTCHANNEL say to each agent; a pass over the
 * region carries out what the agent wrote with the rules of the messages and
 * publishes the current values; garbage is refused and changes nothing; a
 * doorbell, where the DT asks for one, gates the SET channels. Powercap zones
 * (soc 0, cpus 1, gpu 2 with a fixed PAI) likewise, with the checks the server
 * makes of CAP_SET and PAI_SET.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include "dtb_expect.h"
#include "dtb_util.h"
#include "platform/sim/sim_fastchannel.h"
#include "platform/sim/sim_perf.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_platform_priv.h"
#include "scmi/proto/base.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/powercap.h"
#include "scmi/server/server.h"

#define FC_DTB	 SCMI_PLATFORM_DTB_DIR "/fastchannel.dtb"
#define FC_BASE	 0x7fe00000ull
#define FC_SIZE	 0x1000u
#define CH_VM1	 2u /* agent 2 */
#define CH_LINUX 0u /* agent 1 */
#define D_LITTLE 0u
#define D_BIG	 1u
#define D_GPU	 2u
#define FC_NODE	 "/scmi-platform/fastchannels/agent@2"

struct fx {
	struct sim_platform *p;
	struct scmi_server srv;
	uint8_t *mem;
};

static void *read_fc_dtb(void)
{
	FILE *f = fopen(FC_DTB, "rb");
	void *buf = calloc(1, 1u << 20);
	size_t n;

	assert_non_null(f);
	assert_non_null(buf);
	n = fread(buf, 1, 1u << 20, f);
	assert_int_equal(fclose(f), 0);
	assert_true(n > 0);
	assert_int_equal(fdt_open_into(buf, buf, 1u << 20), 0);
	return buf;
}

static int setup_with(void **state, void *fdt)
{
	struct fx *x = calloc(1, sizeof(*x));

	assert_non_null(x);
	x->p = dtb_load(fdt);
	free(fdt);
	assert_non_null(x->p);
	scmi_server_init(&x->srv, sim_platform_ops(), x->p);
	x->mem = aligned_alloc(SIM_FC_REGION_ALIGN, FC_SIZE);
	assert_non_null(x->mem);
	memset(x->mem, 0, FC_SIZE);
	*state = x;
	return 0;
}

static int setup(void **state)
{
	return setup_with(state, read_fc_dtb());
}

static int setup_doorbell(void **state)
{
	void *fdt = read_fc_dtb();

	dtb_set_raw(fdt, FC_NODE, "doorbell", NULL, 0);
	return setup_with(state, fdt);
}

static int teardown(void **state)
{
	struct fx *x = *state;

	sim_platform_free(x->p);
	free(x->mem);
	free(x);
	return 0;
}

/* One message; its status, the reply's words after it in @out (up to @max). */
static int32_t msg(struct fx *x, uint32_t ch, uint8_t proto, uint8_t id, const uint32_t *in,
		   size_t n_in, uint32_t *out, size_t max)
{
	uint8_t ib[64], ob[256];
	size_t len, i;

	for (i = 0; i < n_in; i++)
		scmi_put_le32(ib + 4 * i, in[i]);
	len = scmi_server_process_raw(&x->srv, ch, scmi_hdr_make(proto, id, 0, 1), ib, 4 * n_in, ob,
				      sizeof(ob));
	assert_true(len >= 4);
	/* Words the reply does not have read as 0. */
	for (i = 0; i < max; i++)
		out[i] = 4 + 4 * i + 4 <= len ? scmi_get_le32(ob + 4 + 4 * i) : 0;
	return (int32_t)scmi_get_le32(ob);
}

static uint32_t level_of(struct fx *x, uint32_t d)
{
	uint32_t level = 0;

	sim_lock(x->p);
	assert_int_equal(sim_perf_model_level(x->p, d, &level, NULL), 0);
	sim_unlock(x->p);
	return level;
}

static uint8_t *chan(struct fx *x, uint32_t d)
{
	return x->mem + SIM_FC_PERF_OFF + (size_t)d * SIM_FC_PERF_STRIDE;
}

static void pass(struct fx *x)
{
	assert_int_equal(sim_fc_service(x->p, 2, x->mem, FC_SIZE), 0);
}

/* A platform with perf fast channels and no powercap protocol: the pass serves perf alone. */
static int setup_without_powercap(void **state)
{
	void *fdt = read_fc_dtb();

	dtb_del_node(fdt, "/scmi-platform/protocols/protocol@18");
	/* ...and the devices, whose resources name powercap zones. */
	dtb_del_node(fdt, "/scmi-platform/devices");
	return setup_with(state, fdt);
}

static void test_pass_without_powercap(void **state)
{
	struct fx *x = *state;

	sim_fc_write32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_SET, 600);
	pass(x);
	assert_int_equal(level_of(x, D_LITTLE), 600);
	assert_int_equal(sim_fc_read32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_GET), 600);
}

/* The region the DT gives agent 2 is agent 2's alone: its address, size and rate limit. */
static void test_region_of_each_agent(void **state)
{
	struct fx *x = *state;
	struct sim_fc_region r;

	memset(&r, 0, sizeof(r));
	assert_true(sim_fc_region_of(x->p, 2, &r));
	assert_int_equal(r.addr, FC_BASE);
	assert_int_equal(r.size, FC_SIZE);
	assert_int_equal(r.rate_limit_us, 500);
	assert_false(sim_fc_region_of(x->p, 1, &r));
	assert_false(sim_fc_region_of(x->p, 3, &r));
	assert_false(sim_fc_region_of(x->p, 0, &r));
}

static void test_descriptors(void **state)
{
	struct fx *x = *state;
	uint32_t r[11], m;

	/* Bit 0 on the four level and limit messages, for vm1 only. */
	for (m = SCMI_MSG_PERF_DOMAIN_ATTRIBUTES; m <= SCMI_MSG_PERF_DOMAIN_NAME_GET; m++) {
		bool fc = m >= SCMI_MSG_PERF_LIMITS_SET && m <= SCMI_MSG_PERF_LEVEL_GET;

		assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF,
				     SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, &m, 1, r, 1),
				 SCMI_SUCCESS);
		assert_int_equal(r[0], fc ? SCMI_PERF_MSG_ATTR_FASTCHANNEL : 0u);
		assert_int_equal(msg(x, CH_LINUX, SCMI_PROTOCOL_PERF,
				     SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, &m, 1, r, 1),
				 SCMI_SUCCESS);
		assert_int_equal(r[0], 0);
	}
	/* Bit 27 per domain and agent. */
	for (m = D_LITTLE; m <= D_GPU; m++) {
		assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES,
				     &m, 1, r, 1),
				 SCMI_SUCCESS);
		assert_true(r[0] & SCMI_PERF_ATTR_FASTCHANNELS);
		assert_int_equal(msg(x, CH_LINUX, SCMI_PROTOCOL_PERF,
				     SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, &m, 1, r, 1),
				 SCMI_SUCCESS);
		assert_false(r[0] & SCMI_PERF_ATTR_FASTCHANNELS);
	}

	/* Level set of cpu_big: its 4 bytes, the region's rate, no doorbell. */
	memset(r, 0xa5, sizeof(r));
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL,
			     (uint32_t[]){D_BIG, SCMI_MSG_PERF_LEVEL_SET}, 2, r, 11),
			 SCMI_SUCCESS);
	assert_int_equal(r[0], 0);
	assert_int_equal(r[1], 500);
	assert_int_equal(r[2], (uint32_t)(FC_BASE + SIM_FC_PERF_OFF + SIM_FC_PERF_STRIDE +
					  SIM_FC_PERF_LEVEL_SET));
	assert_int_equal(r[3], 0);
	assert_int_equal(r[4], SCMI_PERF_FC_LEVEL_SIZE);
	for (m = 5; m < 11; m++)
		assert_int_equal(r[m], 0);
	/* Limits get of the gpu: 8 bytes. */
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL,
			     (uint32_t[]){D_GPU, SCMI_MSG_PERF_LIMITS_GET}, 2, r, 11),
			 SCMI_SUCCESS);
	assert_int_equal(r[2], (uint32_t)(FC_BASE + SIM_FC_PERF_OFF + 2ull * SIM_FC_PERF_STRIDE +
					  SIM_FC_PERF_LIMITS_GET));
	assert_int_equal(r[4], SCMI_PERF_FC_LIMITS_SIZE);

	/* Not a fast-channel message; a domain nobody has; an agent without a region. */
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL,
			     (uint32_t[]){D_BIG, SCMI_MSG_PERF_DESCRIBE_LEVELS}, 2, r, 11),
			 SCMI_INVALID_PARAMETERS);
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL,
			     (uint32_t[]){99, SCMI_MSG_PERF_LEVEL_SET}, 2, r, 11),
			 SCMI_NOT_FOUND);
	assert_int_equal(msg(x, CH_LINUX, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL,
			     (uint32_t[]){D_BIG, SCMI_MSG_PERF_LEVEL_SET}, 2, r, 11),
			 SCMI_NOT_SUPPORTED);
}

static void test_pass_applies_and_publishes(void **state)
{
	struct fx *x = *state;
	struct sim_fc_stats st;
	uint32_t r[2];

	/* Level set on cpu_little, no message: the model moves, LEVEL_GET follows. */
	sim_fc_write32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_SET, 600);
	pass(x);
	assert_int_equal(level_of(x, D_LITTLE), 600);
	assert_int_equal(sim_fc_read32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_GET), 600);
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET,
			     (uint32_t[]){D_LITTLE}, 1, r, 1),
			 SCMI_SUCCESS);
	assert_int_equal(r[0], 600);
	/* The other domains publish too (cpu_big boots at 1200; its limits are the table). */
	assert_int_equal(sim_fc_read32(chan(x, D_BIG), SIM_FC_PERF_LEVEL_GET), 1200);
	assert_int_equal(sim_fc_read32(chan(x, D_BIG), SIM_FC_PERF_LIMITS_GET), 2016);
	assert_int_equal(sim_fc_read32(chan(x, D_BIG), SIM_FC_PERF_LIMITS_GET + 4), 408);

	/* Limits on cpu_big below its level: the level drops to the new maximum. */
	sim_fc_write32(chan(x, D_BIG), SIM_FC_PERF_LIMITS_SET, 816);
	sim_fc_write32(chan(x, D_BIG), SIM_FC_PERF_LIMITS_SET + 4, 600);
	pass(x);
	assert_int_equal(level_of(x, D_BIG), 816);
	assert_int_equal(sim_fc_read32(chan(x, D_BIG), SIM_FC_PERF_LIMITS_GET), 816);
	assert_int_equal(sim_fc_read32(chan(x, D_BIG), SIM_FC_PERF_LIMITS_GET + 4), 600);
	/* A request above the limits is refused, as LEVEL_SET would be. */
	sim_fc_write32(chan(x, D_BIG), SIM_FC_PERF_LEVEL_SET, 1416);
	pass(x);
	assert_int_equal(level_of(x, D_BIG), 816);

	/* gpu in level-indexing mode: the agent writes an index, reads an index. */
	sim_fc_write32(chan(x, D_GPU), SIM_FC_PERF_LEVEL_SET, 1);
	pass(x);
	assert_int_equal(sim_fc_read32(chan(x, D_GPU), SIM_FC_PERF_LEVEL_GET), 1);

	/* An unchanged value is not carried out again: a message's request stands. */
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_SET,
			     (uint32_t[]){D_LITTLE, 816}, 2, r, 0),
			 SCMI_SUCCESS);
	pass(x);
	assert_int_equal(level_of(x, D_LITTLE), 816);
	assert_int_equal(sim_fc_read32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_GET), 816);

	sim_fc_stats(x->p, 2, &st);
	assert_int_equal(st.passes, 5);
	assert_int_equal(st.applied, 3);
	assert_int_equal(st.refused, 1);
	assert_int_equal(st.rings, 0);
}

static uint8_t *pchan(struct fx *x, uint32_t z)
{
	return x->mem + SIM_FC_PCAP_OFF + (size_t)z * SIM_FC_PCAP_STRIDE;
}

/* Zone @z's cap and PAI as agent 2 reads them with messages. */
static void pcap_now(struct fx *x, uint32_t z, uint32_t *cap, uint32_t *pai)
{
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_CAP_GET,
			     (uint32_t[]){z}, 1, cap, 1),
			 SCMI_SUCCESS);
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_PAI_GET,
			     (uint32_t[]){z}, 1, pai, 1),
			 SCMI_SUCCESS);
}

static void test_hostile_agent(void **state)
{
	struct fx *x = *state;
	struct sim_fc_stats st;
	uint32_t little = level_of(x, D_LITTLE), big = level_of(x, D_BIG), i;
	uint32_t gpu = level_of(x, D_GPU), cap[3], pai[3], c, q, z;

	for (z = 0; z < 3; z++)
		pcap_now(x, z, &cap[z], &pai[z]);
	/* Not a level, all ones, an index beyond the gpu's table. */
	sim_fc_write32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_SET, 601);
	sim_fc_write32(chan(x, D_BIG), SIM_FC_PERF_LEVEL_SET, 0xffffffffu);
	sim_fc_write32(chan(x, D_GPU), SIM_FC_PERF_LEVEL_SET, 99);
	/* Limits upside down, limits that hold no OPP. */
	sim_fc_write32(chan(x, D_LITTLE), SIM_FC_PERF_LIMITS_SET, 408);
	sim_fc_write32(chan(x, D_LITTLE), SIM_FC_PERF_LIMITS_SET + 4, 1416);
	sim_fc_write32(chan(x, D_BIG), SIM_FC_PERF_LIMITS_SET, 407);
	sim_fc_write32(chan(x, D_BIG), SIM_FC_PERF_LIMITS_SET + 4, 1);
	sim_fc_write32(chan(x, D_GPU), SIM_FC_PERF_LIMITS_SET, 0xffffffffu);
	sim_fc_write32(chan(x, D_GPU), SIM_FC_PERF_LIMITS_SET + 4, 0);
	/* The GET channels and the rest of the region scribbled over. */
	for (i = SIM_FC_PERF_OFF + 3 * SIM_FC_PERF_STRIDE; i < FC_SIZE; i += 4)
		sim_fc_write32(x->mem, i, 0xdeadbeefu ^ i);
	sim_fc_write32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_GET, 12345);
	pass(x);
	pass(x);
	assert_int_equal(level_of(x, D_LITTLE), little);
	assert_int_equal(level_of(x, D_BIG), big);
	assert_int_equal(level_of(x, D_GPU), gpu);
	for (z = 0; z < 3; z++) {
		pcap_now(x, z, &c, &q);
		assert_int_equal(c, cap[z]);
		assert_int_equal(q, pai[z]);
	}
	/* The platform's word wins in the GET channels. */
	assert_int_equal(sim_fc_read32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_GET), little);
	sim_fc_stats(x->p, 2, &st);
	assert_int_equal(st.applied, 0);
	/* Each once (unchanged values are not retried): the six perf words above, and the
	 * scribbled CAP_SET and PAI_SET of the three powercap zones. */
	assert_int_equal(st.refused, 12);

	/* A pass with the wrong length, or for an agent without a region, touches nothing. */
	assert_int_equal(sim_fc_service(x->p, 2, x->mem, FC_SIZE - 4), -EINVAL);
	assert_int_equal(sim_fc_service(x->p, 1, x->mem, FC_SIZE), -EINVAL);
	assert_int_equal(sim_fc_service(x->p, 0, x->mem, FC_SIZE), -EINVAL);
	assert_int_equal(sim_fc_service(x->p, 65, x->mem, FC_SIZE), -EINVAL);
}

static void test_permission_revoked(void **state)
{
	struct fx *x = *state;
	uint32_t r[1], before = level_of(x, D_LITTLE);

	/* The trusted agent takes device 0 (cpu) away from vm1: its fast channel is refused. */
	assert_int_equal(msg(x, CH_LINUX, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS,
			     (uint32_t[]){2, 0, 0}, 3, r, 0),
			 SCMI_SUCCESS);
	sim_fc_write32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_SET, 408);
	pass(x);
	assert_int_equal(level_of(x, D_LITTLE), before);
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_SET,
			     (uint32_t[]){D_LITTLE, 408}, 2, r, 0),
			 SCMI_DENIED);
}

static void test_doorbell(void **state)
{
	struct fx *x = *state;
	struct sim_fc_stats st;
	uint32_t r[11];

	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL,
			     (uint32_t[]){D_LITTLE, SCMI_MSG_PERF_LEVEL_SET}, 2, r, 11),
			 SCMI_SUCCESS);
	assert_int_equal(r[0], SCMI_PERF_FC_DOORBELL | (2u << SCMI_PERF_FC_DOORBELL_WIDTH_SHIFT));
	assert_int_equal(r[5], (uint32_t)(FC_BASE + SIM_FC_DOORBELL_OFF));
	assert_int_equal(r[6], 0);
	assert_int_equal(r[7], 1); /* set mask */
	assert_int_equal(r[8], 0);
	assert_int_equal(r[9], 0); /* preserve mask */
	assert_int_equal(r[10], 0);
	/* GET channels have none. */
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL,
			     (uint32_t[]){D_LITTLE, SCMI_MSG_PERF_LEVEL_GET}, 2, r, 11),
			 SCMI_SUCCESS);
	assert_int_equal(r[0], 0);
	assert_int_equal(r[5], 0);

	/* Written but not rung: nothing; rung: carried out, the doorbell taken. */
	sim_fc_write32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_SET, 408);
	pass(x);
	assert_int_equal(level_of(x, D_LITTLE), 1008);
	sim_fc_write32(x->mem, SIM_FC_DOORBELL_OFF, 1);
	pass(x);
	assert_int_equal(level_of(x, D_LITTLE), 408);
	assert_int_equal(sim_fc_read32(x->mem, SIM_FC_DOORBELL_OFF), 0);
	/* Rung again with the same value after a message moved the domain: carried out again. */
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_SET,
			     (uint32_t[]){D_LITTLE, 816}, 2, r, 0),
			 SCMI_SUCCESS);
	sim_fc_write32(x->mem, SIM_FC_DOORBELL_OFF, 1);
	pass(x);
	assert_int_equal(level_of(x, D_LITTLE), 408);
	sim_fc_stats(x->p, 2, &st);
	assert_int_equal(st.rings, 2);
	assert_int_equal(st.applied, 2);
	/* Those rings left the powercap zones alone: their CAP_SET words are 0, never written. */
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_CAP_GET,
			     (uint32_t[]){1}, 1, r, 1),
			 SCMI_SUCCESS);
	assert_true(r[0] != 0);
}

static void test_powercap(void **state)
{
	struct fx *x = *state;
	uint32_t r[11], m, cap, pai, cap0, pai0;
	struct sim_fc_stats st;

	for (m = SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES; m <= SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL;
	     m++) {
		bool fc = m >= SCMI_MSG_POWERCAP_CAP_GET && m <= SCMI_MSG_POWERCAP_PAI_SET;

		assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_POWERCAP,
				     SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, &m, 1, r, 1),
				 SCMI_SUCCESS);
		assert_int_equal(r[0], fc ? SCMI_POWERCAP_MSG_ATTR_FASTCHANNEL : 0u);
		assert_int_equal(msg(x, CH_LINUX, SCMI_PROTOCOL_POWERCAP,
				     SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, &m, 1, r, 1),
				 SCMI_SUCCESS);
		assert_int_equal(r[0], 0);
	}
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES,
			     (uint32_t[]){1}, 1, r, 1),
			 SCMI_SUCCESS);
	assert_true(r[0] & SCMI_POWERCAP_ATTR_FASTCHANNEL);
	assert_int_equal(msg(x, CH_LINUX, SCMI_PROTOCOL_POWERCAP,
			     SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, (uint32_t[]){1}, 1, r, 1),
			 SCMI_SUCCESS);
	assert_false(r[0] & SCMI_POWERCAP_ATTR_FASTCHANNEL);
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_POWERCAP,
			     SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL,
			     (uint32_t[]){1, SCMI_MSG_POWERCAP_PAI_GET}, 2, r, 11),
			 SCMI_SUCCESS);
	assert_int_equal(r[0], 0);
	assert_int_equal(r[1], 500);
	assert_int_equal(
	    r[2], (uint32_t)(FC_BASE + SIM_FC_PCAP_OFF + SIM_FC_PCAP_STRIDE + SIM_FC_PCAP_PAI_GET));
	assert_int_equal(r[4], SCMI_POWERCAP_FC_SIZE);
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_POWERCAP,
			     SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL,
			     (uint32_t[]){1, SCMI_MSG_POWERCAP_MEASUREMENTS_GET}, 2, r, 11),
			 SCMI_INVALID_PARAMETERS);
	assert_int_equal(msg(x, CH_LINUX, SCMI_PROTOCOL_POWERCAP,
			     SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL,
			     (uint32_t[]){1, SCMI_MSG_POWERCAP_CAP_SET}, 2, r, 11),
			 SCMI_NOT_SUPPORTED);

	/* A valid cap and PAI on zone 1: carried out, published, seen by the messages. */
	sim_fc_write32(pchan(x, 1), SIM_FC_PCAP_CAP_SET, 1500);
	sim_fc_write32(pchan(x, 1), SIM_FC_PCAP_PAI_SET, 20000);
	pass(x);
	pcap_now(x, 1, &cap, &pai);
	assert_int_equal(cap, 1500);
	assert_int_equal(pai, 20000);
	assert_int_equal(sim_fc_read32(pchan(x, 1), SIM_FC_PCAP_CAP_GET), 1500);
	assert_int_equal(sim_fc_read32(pchan(x, 1), SIM_FC_PCAP_PAI_GET), 20000);

	/* Garbage: off the step, out of range, a PAI the gpu zone cannot change. */
	pcap_now(x, 2, &cap0, &pai0);
	sim_fc_write32(pchan(x, 1), SIM_FC_PCAP_CAP_SET, 1505);
	sim_fc_write32(pchan(x, 1), SIM_FC_PCAP_PAI_SET, 0xffffffffu);
	sim_fc_write32(pchan(x, 0), SIM_FC_PCAP_CAP_SET, 999);
	sim_fc_write32(pchan(x, 2), SIM_FC_PCAP_PAI_SET, 200000);
	pass(x);
	pcap_now(x, 1, &cap, &pai);
	assert_int_equal(cap, 1500);
	assert_int_equal(pai, 20000);
	pcap_now(x, 2, &cap, &pai);
	assert_int_equal(cap, cap0);
	assert_int_equal(pai, pai0);

	/* 0 turns capping off (powercap 2.0), as CAP_SET 0 does. */
	sim_fc_write32(pchan(x, 1), SIM_FC_PCAP_CAP_SET, 0);
	pass(x);
	pcap_now(x, 1, &cap, &pai);
	assert_int_equal(cap, 0);
	assert_int_equal(sim_fc_read32(pchan(x, 1), SIM_FC_PCAP_CAP_GET), 0);

	sim_fc_stats(x->p, 2, &st);
	assert_int_equal(st.applied, 3);
	assert_int_equal(st.refused, 4);
}

/*
 * One pass carrying a level and a cap that throttles it: the cap lowers the level after the
 * perf channels were read, so the GET channels must be written after every SET was carried
 * out, or LEVEL_GET says a level the domain no longer runs at (found by fuzz_fastchannel).
 */
static void test_cap_in_same_pass_moves_level_get(void **state)
{
	struct fx *x = *state;
	uint32_t r[11], d, before, min_cap;

	sim_fc_write32(chan(x, D_BIG), SIM_FC_PERF_LEVEL_SET, 2016);
	pass(x);
	before = level_of(x, D_BIG);
	assert_int_equal(before, 2016);
	assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES,
			     (uint32_t[]){1}, 1, r, 11),
			 SCMI_SUCCESS);
	min_cap = r[8];
	sim_fc_write32(chan(x, D_LITTLE), SIM_FC_PERF_LEVEL_SET, 816);
	sim_fc_write32(pchan(x, 1), SIM_FC_PCAP_CAP_SET, min_cap);
	pass(x);
	assert_true(level_of(x, D_BIG) < before);
	for (d = D_LITTLE; d <= D_GPU; d++) {
		assert_int_equal(msg(x, CH_VM1, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET,
				     (uint32_t[]){d}, 1, r, 1),
				 SCMI_SUCCESS);
		assert_int_equal(sim_fc_read32(chan(x, d), SIM_FC_PERF_LEVEL_GET), r[0]);
	}
}

static void test_bad_regions(void **state)
{
	void *fdt;

	(void)state;
	fdt = read_fc_dtb();
	dtb_set_u32(fdt, FC_NODE, "rate-limit-us", 10);
	dtb_expect_refused(fdt, "rate-limit-us: 100..1048575");
	/* A rate limit that is not one cell: refused, not left unset. */
	fdt = read_fc_dtb();
	dtb_set_cells(fdt, FC_NODE, "rate-limit-us", (uint32_t[]){0, 1000}, 2);
	dtb_expect_refused(fdt, "rate-limit-us: must be one cell, is 8 bytes");
	fdt = read_fc_dtb();
	dtb_set_u32(fdt, FC_NODE, "doorbell", 1);
	dtb_expect_refused(fdt, "doorbell: must be empty");
	fdt = read_fc_dtb();
	dtb_set_cells(fdt, "/reserved-memory/scmi-fastchannels@7fe00000", "reg",
		      (uint32_t[]){0, 0x7fe00004, 0, 0x1000}, 4);
	dtb_expect_refused(fdt, "memory-region: must be 64-byte aligned");
	fdt = read_fc_dtb();
	dtb_set_cells(fdt, "/reserved-memory/scmi-fastchannels@7fe00000", "reg",
		      (uint32_t[]){0, 0x7fe00000, 0, 0x100}, 4);
	dtb_expect_refused(fdt, "at least 832 bytes");
	fdt = read_fc_dtb();
	dtb_del_prop(fdt, FC_NODE, "memory-region");
	dtb_expect_refused(fdt, "missing memory-region");
	fdt = read_fc_dtb();
	dtb_renumber(fdt, FC_NODE, 9);
	dtb_expect_refused(fdt, "reg: no agent 9");
	fdt = read_fc_dtb();
	dtb_set_u32(fdt, "/scmi-platform/protocols/protocol@13/domain@0", "fastchannels", 1);
	dtb_expect_refused(fdt, "fastchannels: must be empty");
}

/* Up to 64 OPPs per domain (Linux takes 64); 65 are refused. */
static void test_64_levels(void **state)
{
	const char *dom = "/scmi-platform/protocols/protocol@13/domain@2";
	fdt32_t cells[65 * 5];
	struct sim_platform *p;
	void *fdt;
	uint32_t i;

	(void)state;
	for (i = 0; i < 65; i++) {
		cells[i * 5 + 0] = cpu_to_fdt32(100 + i);
		cells[i * 5 + 1] = cpu_to_fdt32(100000 + i * 1000);
		cells[i * 5 + 2] = cpu_to_fdt32(10 + i);
		cells[i * 5 + 3] = cpu_to_fdt32(50);
		cells[i * 5 + 4] = cpu_to_fdt32(800000);
	}
	fdt = read_fc_dtb();
	dtb_set_raw(fdt, dom, "opps", cells, (int)((size_t)64 * 5 * sizeof(cells[0])));
	dtb_set_u32(fdt, dom, "sustained-level", 163);
	dtb_set_u32(fdt, dom, "initial-level", 100);
	dtb_del_prop(fdt, dom, "voltage-domain");
	dtb_del_prop(fdt, dom, "clocks");
	p = dtb_load_free(fdt);
	assert_non_null(p);
	sim_platform_free(p);
	fdt = read_fc_dtb();
	dtb_set_raw(fdt, dom, "opps", cells, (int)sizeof(cells));
	dtb_expect_refused(fdt, "opps: more than 64 entries");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_region_of_each_agent, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pass_without_powercap, setup_without_powercap,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_descriptors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pass_applies_and_publishes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_hostile_agent, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_permission_revoked, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_doorbell, setup_doorbell, teardown),
	    cmocka_unit_test_setup_teardown(test_powercap, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_cap_in_same_pass_moves_level_get, setup, teardown),
	    cmocka_unit_test(test_bad_regions),
	    cmocka_unit_test(test_64_levels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
