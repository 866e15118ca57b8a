// SPDX-License-Identifier: BSD-3-Clause
/*
 * The agent's DT parsing: good trees in every shape we accept, and every kind
 * of malformed tree refused with -EINVAL and a reason, never a crash.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <libfdt.h>

#include "agent/dt.h"
#include "dtb_builder.h"

static uint8_t dtb[8192];
static char err[160];

static int parse(const struct tdt *t, struct scmi_dt_config *cfg)
{
	size_t n = tdt_build(t, dtb, sizeof(dtb));

	err[0] = '\0';
	return scmi_dt_parse(dtb, n, cfg, err, sizeof(err));
}

static void expect_einval(const struct tdt *t, const char *reason)
{
	struct scmi_dt_config cfg;

	assert_int_equal(parse(t, &cfg), -EINVAL);
	if (!strstr(err, reason))
		fail_msg("reason \"%s\" lacks \"%s\"", err, reason);
}

static void test_default(void **state)
{
	struct scmi_dt_config cfg;

	(void)state;
	scmi_dt_default(&cfg);
	assert_int_equal(cfg.num_chans, 1);
	assert_int_equal(cfg.chans[0].channel_id, 0);
	assert_false(cfg.chans[0].has_shmem);
	assert_int_equal(cfg.proto_chan[0x14], 0);
}

static void test_minimal(void **state)
{
	struct scmi_dt_config cfg;
	struct tdt t;

	(void)state;
	tdt_defaults(&t);
	t.chan = 7;
	assert_int_equal(parse(&t, &cfg), 0);
	assert_int_equal(cfg.num_chans, 1);
	assert_int_equal(cfg.chans[0].channel_id, 7);
	assert_false(cfg.chans[0].has_shmem);
	assert_int_equal(cfg.max_rx_timeout_ms, 0);
	assert_int_equal(cfg.max_msg_size, 0);
}

static void test_shmem_and_limits(void **state)
{
	struct scmi_dt_config cfg;
	struct tdt t;

	(void)state;
	tdt_defaults(&t);
	t.shmem = 1;
	t.timeout = 100;
	t.msg_size = 128;
	assert_int_equal(parse(&t, &cfg), 0);
	assert_true(cfg.chans[0].has_shmem);
	assert_int_equal(cfg.chans[0].shmem_addr, 0x1000);
	assert_int_equal(cfg.chans[0].shmem_size, 0x80);
	assert_int_equal(cfg.max_rx_timeout_ms, 100);
	assert_int_equal(cfg.max_msg_size, 128);

	/* Two cells each, as under reserved-memory. */
	t.sram_ac = 2;
	t.sram_sc = 2;
	t.shm_addr[0] = 0x10000000fULL << 4;
	t.shm_size[0] = 0x100;
	assert_int_equal(parse(&t, &cfg), 0);
	assert_int_equal(cfg.chans[0].shmem_addr, 0x10000000f0ULL);
	assert_int_equal(cfg.chans[0].shmem_size, 0x100);
}

/* Build @t, set u32 property @prop on the node at @path, parse: the status. */
static int parse_with(const struct tdt *t, const char *path, const char *prop, uint32_t v,
		      struct scmi_dt_config *cfg)
{
	int node;

	tdt_build(t, dtb, sizeof(dtb));
	assert_int_equal(fdt_open_into(dtb, dtb, sizeof(dtb)), 0);
	node = fdt_path_offset(dtb, path);
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop_u32(dtb, node, prop, v), 0);
	assert_int_equal(fdt_pack(dtb), 0);
	err[0] = '\0';
	return scmi_dt_parse(dtb, fdt_totalsize(dtb), cfg, err, sizeof(err));
}

/* arm,max-msg on the scmi node and reg-io-width on a shmem node, as Linux reads them. */
static void test_max_msg_and_io_width(void **state)
{
	const char *shm = "/sram@0/scmi-shmem@1000";
	struct scmi_dt_config cfg;
	struct tdt t;
	int node;

	(void)state;
	tdt_defaults(&t);
	assert_int_equal(parse(&t, &cfg), 0);
	assert_int_equal(cfg.max_msg, 0);
	assert_int_equal(parse_with(&t, "/firmware/scmi", "arm,max-msg", 20, &cfg), 0);
	assert_int_equal(cfg.max_msg, 20);
	assert_int_equal(parse_with(&t, "/firmware/scmi", "arm,max-msg", 0, &cfg), -EINVAL);
	assert_non_null(strstr(err, "arm,max-msg 0 outside [1, 1024]"));
	assert_int_equal(parse_with(&t, "/firmware/scmi", "arm,max-msg", 1025, &cfg), -EINVAL);

	t.shmem = 1;
	assert_int_equal(parse(&t, &cfg), 0);
	assert_int_equal(cfg.chans[0].shmem_io_width, 0);
	assert_int_equal(parse_with(&t, shm, "reg-io-width", 4, &cfg), 0);
	assert_int_equal(cfg.chans[0].shmem_io_width, 4);
	assert_int_equal(parse_with(&t, shm, "reg-io-width", 1, &cfg), 0);
	assert_int_equal(cfg.chans[0].shmem_io_width, 1);
	assert_int_equal(parse_with(&t, shm, "reg-io-width", 3, &cfg), -EINVAL);
	assert_non_null(strstr(err, "reg-io-width 3 is not 1, 2, 4 or 8"));
	/* Word access needs a word-aligned region. */
	t.shm_addr[0] = 0x1002;
	tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(fdt_open_into(dtb, dtb, sizeof(dtb)), 0);
	node = fdt_path_offset(dtb, "/sram@0/scmi-shmem@1002");
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop_u32(dtb, node, "reg-io-width", 4), 0);
	assert_int_equal(scmi_dt_parse(dtb, fdt_totalsize(dtb), &cfg, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "reg-io-width 4 needs a 4-aligned region"));
}

static void test_protocol_channels(void **state)
{
	struct scmi_dt_config cfg;
	struct tdt t;

	(void)state;
	tdt_defaults(&t);
	t.chan = 0;
	t.shmem = 1;
	t.nprotos = 4;
	t.protos[0] = (struct tdt_proto){.reg = 0x10};
	t.protos[1] = (struct tdt_proto){.reg = 0x14, .has_chan = true, .chan = 2, .shmem = 2};
	t.protos[2] = (struct tdt_proto){.reg = 0x15, .has_chan = true, .chan = 2, .shmem = 2};
	t.protos[3] = (struct tdt_proto){.reg = 0x13};
	assert_int_equal(parse(&t, &cfg), 0);
	assert_int_equal(cfg.num_chans, 2);
	assert_int_equal(cfg.proto_chan[0x10], 0);
	assert_int_equal(cfg.proto_chan[0x13], 0);
	assert_int_equal(cfg.proto_chan[0x14], 1);
	assert_int_equal(cfg.proto_chan[0x15], 1);
	assert_int_equal(cfg.chans[1].channel_id, 2);
	assert_true(cfg.chans[1].has_shmem);
	assert_int_equal(cfg.chans[1].shmem_addr, 0x1080);
	assert_true(cfg.proto_listed[0x13]);
	assert_false(cfg.proto_listed[0x16]);

	/* A protocol naming the Base channel id shares it. */
	t.nprotos = 1;
	t.protos[0] = (struct tdt_proto){.reg = 0x14, .has_chan = true, .chan = 0, .shmem = 1};
	assert_int_equal(parse(&t, &cfg), 0);
	assert_int_equal(cfg.num_chans, 1);
	assert_int_equal(cfg.proto_chan[0x14], 0);
}

static void test_bad_trees(void **state)
{
	struct tdt t;

	(void)state;
	tdt_defaults(&t);
	t.compat = "arm,scmi";
	expect_einval(&t, "linaro,scmi-optee");

	tdt_defaults(&t);
	t.no_chan = true;
	expect_einval(&t, "scmi node: missing linaro,optee-channel-id");

	tdt_defaults(&t);
	t.chan_len = 2;
	expect_einval(&t, "linaro,optee-channel-id: bad length");

	tdt_defaults(&t);
	t.shmem = 9;
	expect_einval(&t, "points nowhere");

	tdt_defaults(&t);
	t.shmem = 3;
	expect_einval(&t, "not compatible arm,scmi-shmem");

	tdt_defaults(&t);
	t.shmem = 1;
	t.shm_reg_len = 4;
	expect_einval(&t, "short reg");

	tdt_defaults(&t);
	t.shmem = 1;
	t.shm_size[0] = 0;
	expect_einval(&t, "empty or wraps");

	tdt_defaults(&t);
	t.shmem = 1;
	t.sram_ac = 3;
	expect_einval(&t, "#address-cells 3");

	tdt_defaults(&t);
	t.zero_timeout = true;
	expect_einval(&t, "arm,max-rx-timeout-ms");

	tdt_defaults(&t);
	t.msg_size = 4;
	expect_einval(&t, "arm,max-msg-size 4");
	t.msg_size = 5000;
	expect_einval(&t, "arm,max-msg-size 5000");

	tdt_defaults(&t);
	t.nprotos = 1;
	t.protos[0] = (struct tdt_proto){.reg = 0x100};
	expect_einval(&t, "not a protocol id");

	t.protos[0] = (struct tdt_proto){.reg = 0x14, .no_reg = true};
	expect_einval(&t, "protocol@14: missing reg");

	t.nprotos = 2;
	t.protos[0] = (struct tdt_proto){.reg = 0x14};
	t.protos[1] = (struct tdt_proto){.reg = 0x14};
	/* Same node name twice is legal FDT; the duplicate reg is ours to refuse. */
	expect_einval(&t, "described twice");

	t.nprotos = 1;
	t.protos[0] = (struct tdt_proto){.reg = 0x10, .has_chan = true, .chan = 3};
	expect_einval(&t, "Base always uses");

	t.shmem = 1;
	t.protos[0] = (struct tdt_proto){.reg = 0x14, .has_chan = true, .chan = 0, .shmem = 2};
	expect_einval(&t, "already used with another shmem");

	t.shmem = 0;
	t.protos[0] = (struct tdt_proto){.reg = 0x14, .has_chan = true, .chan = 1, .shmem = 3};
	expect_einval(&t, "not compatible");
}

static void test_not_a_dtb(void **state)
{
	struct scmi_dt_config cfg;
	uint8_t junk[256];
	struct tdt t;
	size_t n;

	(void)state;
	memset(junk, 0xa5, sizeof(junk));
	assert_int_equal(scmi_dt_parse(junk, sizeof(junk), &cfg, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "bad DTB header"));
	assert_int_equal(scmi_dt_parse(junk, 10, &cfg, err, sizeof(err)), -EINVAL);
	assert_int_equal(scmi_dt_parse(NULL, 0, &cfg, NULL, 0), -EINVAL);

	tdt_defaults(&t);
	n = tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(scmi_dt_parse(dtb, n - 1, &cfg, err, sizeof(err)), -EINVAL);
	if (!strstr(err, "were given"))
		fail_msg("%s", err);
}

/* Every single-byte corruption of a good tree: parsed or refused, never a crash. */
static void test_corruptions(void **state)
{
	struct scmi_dt_config cfg;
	uint8_t *copy;
	struct tdt t;
	size_t n, i;
	int ret, ok = 0, bad = 0;

	(void)state;
	tdt_defaults(&t);
	t.shmem = 1;
	t.nprotos = 2;
	t.protos[0] = (struct tdt_proto){.reg = 0x14, .has_chan = true, .chan = 2, .shmem = 2};
	t.protos[1] = (struct tdt_proto){.reg = 0x15};
	n = tdt_build(&t, dtb, sizeof(dtb));
	copy = malloc(n);
	assert_non_null(copy);
	for (i = 0; i < n; i++) {
		static const uint8_t vals[] = {0x00, 0xff, 0x7f};
		size_t k;

		for (k = 0; k < sizeof(vals); k++) {
			memcpy(copy, dtb, n);
			copy[i] = vals[k];
			ret = scmi_dt_parse(copy, n, &cfg, err, sizeof(err));
			assert_true(ret == 0 || ret == -EINVAL);
			if (ret) {
				assert_true(err[0] != '\0');
				bad++;
			} else {
				assert_true(cfg.num_chans >= 1 &&
					    cfg.num_chans <= SCMI_DT_MAX_CHANNELS);
				ok++;
			}
		}
	}
	free(copy);
	assert_true(ok > 0 && bad > 0);
}

static void test_load_file(void **state)
{
	void *buf = NULL;
	size_t size = 0;

	(void)state;
	assert_int_equal(scmi_dt_load_file("/nonexistent.dtb", &buf, &size, err, sizeof(err)),
			 -ENOENT);
	assert_int_equal(scmi_dt_load_file("/", &buf, &size, err, sizeof(err)), -EINVAL);
	assert_int_equal(scmi_dt_load_file("/dev/null", &buf, &size, err, sizeof(err)), -EINVAL);
	assert_null(buf);
}

#ifdef SCMI_DEFAULT_AGENT_DTB
static void test_shipped_agent_dtbs(void **state)
{
	static const char *const paths[] = {SCMI_DEFAULT_AGENT_DTB, SCMI_AGENT_MSG_DTB};
	struct scmi_dt_config cfg;
	void *buf;
	size_t size, i;

	(void)state;
	for (i = 0; i < 2; i++) {
		if (scmi_dt_load_file(paths[i], &buf, &size, err, sizeof(err))) {
			print_message("skipping %s: %s\n", paths[i], err);
			continue;
		}
		assert_int_equal(scmi_dt_parse(buf, size, &cfg, err, sizeof(err)), 0);
		free(buf);
		assert_int_equal(cfg.num_chans, 1);
		assert_int_equal(cfg.chans[0].channel_id, i == 0 ? 0 : 1);
		assert_int_equal(cfg.chans[0].has_shmem, i == 0);
		if (i == 0) {
			assert_int_equal(cfg.chans[0].shmem_addr, 0x3f000000);
			assert_int_equal(cfg.chans[0].shmem_size, 0x80);
		}
		assert_true(cfg.proto_listed[0x14]);
	}
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_default),
	    cmocka_unit_test(test_minimal),
	    cmocka_unit_test(test_shmem_and_limits),
	    cmocka_unit_test(test_max_msg_and_io_width),
	    cmocka_unit_test(test_protocol_channels),
	    cmocka_unit_test(test_bad_trees),
	    cmocka_unit_test(test_not_a_dtb),
	    cmocka_unit_test(test_corruptions),
	    cmocka_unit_test(test_load_file),
#ifdef SCMI_DEFAULT_AGENT_DTB
	    cmocka_unit_test(test_shipped_agent_dtbs),
#endif
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
