// SPDX-License-Identifier: BSD-3-Clause
/*
 * The virtio door of the fast channels (docs/fastchannels.md): platforms/fastchannel.dtb with
 * agent 2's region moved into the test frontend's guest memory; the device thread must run
 * the platform's pass over that memory while a frontend is connected: a level the guest
 * writes moves the perf domain with no message, and the LEVEL_GET channel follows. A region
 * outside guest memory is skipped (logged once), and the device still serves messages.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <libfdt.h>

#include "fe.h"
#include "platform/sim/sim_fastchannel.h"
#include "platform/sim/sim_perf.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_platform_priv.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/perf.h"
#include "secure/vhost_user_scmi.h"

#define CHANNEL	 2u			       /* agent 2, the one with the region */
#define FEATURES ((1ull << 32) | (1ull << 30)) /* VERSION_1, PROTOCOL_FEATURES */
#define REGION	 "/reserved-memory/scmi-fastchannels@7fe00000"
/* The region inside the frontend's 1 MiB of guest memory, past its rings and buffers. */
#define FC_OFF 0x80000u

struct fix {
	struct sim_platform *plat;
	struct scmi_server srv;
	struct vhost_scmi_dev *dev;
	char dir[64];
	char path[96];
	struct fe fe;
};

/* fastchannel.dtb with agent 2's region at guest-physical @gpa. */
static struct sim_platform *load(uint64_t gpa)
{
	static uint8_t buf[1u << 20];
	struct sim_platform *p = NULL;
	FILE *f = fopen(SCMI_FASTCHANNEL_DTB, "rb");
	char err[256];
	int node;

	assert_non_null(f);
	assert_true(fread(buf, 1, sizeof(buf), f) > 0);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(fdt_open_into(buf, buf, sizeof(buf)), 0);
	node = fdt_path_offset(buf, REGION);
	assert_true(node >= 0);
	{
		fdt32_t reg[4] = {cpu_to_fdt32((uint32_t)(gpa >> 32)), cpu_to_fdt32((uint32_t)gpa),
				  cpu_to_fdt32(0), cpu_to_fdt32(0x1000)};

		assert_int_equal(fdt_setprop(buf, node, "reg", reg, sizeof(reg)), 0);
	}
	assert_int_equal(sim_platform_load(buf, fdt_totalsize(buf), &p, err, sizeof(err)), 0);
	return p;
}

static int setup_at(void **state, uint64_t gpa)
{
	struct vhost_scmi_config cfg = {.channel_id = CHANNEL};
	struct fix *x = calloc(1, sizeof(*x));
	char err[256];

	assert_non_null(x);
	x->plat = load(gpa);
	scmi_server_init(&x->srv, sim_platform_ops(), x->plat);
	strcpy(x->dir, "/tmp/vhost-fc-XXXXXX");
	assert_non_null(mkdtemp(x->dir));
	snprintf(x->path, sizeof(x->path), "%s/scmi.sock", x->dir);
	cfg.socket_path = x->path;
	cfg.fc_plat = x->plat;
	assert_int_equal(vhost_scmi_start(&x->srv, &cfg, &x->dev, err, sizeof(err)), 0);
	assert_int_equal(fe_connect(&x->fe, x->path), 0);
	assert_int_equal(fe_handshake(&x->fe, FEATURES), 0);
	*state = x;
	return 0;
}

static int setup(void **state)
{
	return setup_at(state, FE_GPA + FC_OFF);
}

static int setup_outside(void **state)
{
	return setup_at(state, 0x7fe00000ull);
}

static int teardown(void **state)
{
	struct fix *x = *state;

	fe_close(&x->fe);
	vhost_scmi_stop(x->dev);
	assert_int_equal(rmdir(x->dir), 0);
	sim_platform_free(x->plat);
	free(x);
	return 0;
}

static uint32_t level_of(struct fix *x, uint32_t d)
{
	uint32_t level = 0;

	sim_lock(x->plat);
	assert_int_equal(sim_perf_model_level(x->plat, d, &level, NULL), 0);
	sim_unlock(x->plat);
	return level;
}

/* Wait up to 2 s for domain @d to run at @level. */
static bool wait_level(struct fix *x, uint32_t d, uint32_t level)
{
	const struct timespec nap = {.tv_sec = 0, .tv_nsec = 2000000};
	int i;

	for (i = 0; i < 1000; i++) {
		if (level_of(x, d) == level)
			return true;
		nanosleep(&nap, NULL);
	}
	return false;
}

static void test_guest_writes_level(void **state)
{
	struct fix *x = *state;
	uint8_t *ch = fe_ptr(&x->fe, FC_OFF + SIM_FC_PERF_OFF); /* cpu_little */
	struct sim_fc_stats st;

	assert_int_equal(level_of(x, 0), 1008);
	sim_fc_write32(ch, SIM_FC_PERF_LEVEL_SET, 600);
	assert_true(wait_level(x, 0, 600));
	/* The GET channel follows within a pass or two. */
	for (int i = 0; i < 1000 && sim_fc_read32(ch, SIM_FC_PERF_LEVEL_GET) != 600; i++)
		usleep(2000);
	assert_int_equal(sim_fc_read32(ch, SIM_FC_PERF_LEVEL_GET), 600);
	sim_fc_write32(ch, SIM_FC_PERF_LEVEL_SET, 1416);
	assert_true(wait_level(x, 0, 1416));
	sim_fc_stats(x->plat, 2, &st);
	assert_true(st.passes >= 2);
	assert_int_equal(st.applied, 2);
	assert_int_equal(st.refused, 0);
}

static void test_region_outside_guest_memory(void **state)
{
	struct fix *x = *state;
	struct sim_fc_stats st;
	uint8_t req[8], rsp[32];

	/* Skipped: no pass runs, and the queue still answers. */
	usleep(20000);
	sim_fc_stats(x->plat, 2, &st);
	assert_int_equal(st.passes, 0);
	scmi_put_le32(req, scmi_hdr_make(SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, 0, 1));
	scmi_put_le32(req + 4, 0);
	assert_int_equal(fe_scmi(&x->fe, req, sizeof(req), rsp, sizeof(rsp)), 12);
	assert_int_equal(scmi_get_le32(rsp + 8), 1008);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_guest_writes_level, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_region_outside_guest_memory, setup_outside,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
