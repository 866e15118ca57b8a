// SPDX-License-Identifier: BSD-3-Clause
/*
 * The agent's DT parser at its edges (issue 17; test_agent_dt has the common
 * cases): each bound exactly at and past its limit (message size, protocol id,
 * channels, address and size cells, reg length, a region ending at 2^64),
 * shmem properties of odd lengths, channels shared with or without a region,
 * and the DTB file loader's refusals.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <libfdt.h>

#include "agent/common.h"
#include "agent/dt.h"

/**
 * struct dspec - the tree to build.
 * @ac, @sc:      /sram's #address-cells and #size-cells (0: omitted, libfdt's default)
 * @reg/@reg_len: shmem node 1's reg cells, @reg_len of them
 * @shmem/@shmem_len: the scmi node's shmem property, @shmem_len bytes (0: none)
 * @msg_size:     arm,max-msg-size when non-zero
 * @protos:       protocol children: reg, own channel (@chan if @has_chan), shmem phandle
 */
struct dspec {
	int ac, sc;
	uint32_t reg[4];
	int reg_len;
	uint32_t shmem[2];
	int shmem_len;
	uint32_t msg_size;
	int nprotos;
	struct {
		uint32_t reg;
		bool has_chan;
		uint32_t chan;
		uint32_t shmem;
	} protos[40];
};

static uint8_t dtb[16384];
static char err[160];

static void defaults(struct dspec *d)
{
	memset(d, 0, sizeof(*d));
	d->reg[0] = 0x1000;
	d->reg[1] = 0x100;
	d->reg_len = 2;
}

static void prop_cells(const char *name, const uint32_t *v, int n)
{
	fdt32_t c[4];
	int i;

	for (i = 0; i < n; i++)
		c[i] = cpu_to_fdt32(v[i]);
	assert_int_equal(fdt_property(dtb, name, c, (int)(n * sizeof(c[0]))), 0);
}

static int parse(const struct dspec *d, struct scmi_dt_config *cfg)
{
	char name[32];
	int i;

	assert_int_equal(fdt_create(dtb, sizeof(dtb)), 0);
	assert_int_equal(fdt_finish_reservemap(dtb), 0);
	assert_int_equal(fdt_begin_node(dtb, ""), 0);
	assert_int_equal(fdt_begin_node(dtb, "sram"), 0);
	if (d->ac)
		assert_int_equal(fdt_property_u32(dtb, "#address-cells", (uint32_t)d->ac), 0);
	if (d->sc)
		assert_int_equal(fdt_property_u32(dtb, "#size-cells", (uint32_t)d->sc), 0);
	assert_int_equal(fdt_begin_node(dtb, "shmem@1"), 0);
	assert_int_equal(fdt_property_string(dtb, "compatible", "arm,scmi-shmem"), 0);
	prop_cells("reg", d->reg, d->reg_len);
	assert_int_equal(fdt_property_u32(dtb, "phandle", 1), 0);
	assert_int_equal(fdt_end_node(dtb), 0);
	assert_int_equal(fdt_begin_node(dtb, "shmem@2"), 0);
	assert_int_equal(fdt_property_string(dtb, "compatible", "arm,scmi-shmem"), 0);
	prop_cells("reg", (const uint32_t[]){0x2000, 0x100, 0, 0}, d->reg_len);
	assert_int_equal(fdt_property_u32(dtb, "phandle", 2), 0);
	assert_int_equal(fdt_end_node(dtb), 0);
	assert_int_equal(fdt_end_node(dtb), 0);
	assert_int_equal(fdt_begin_node(dtb, "firmware"), 0);
	assert_int_equal(fdt_begin_node(dtb, "scmi"), 0);
	assert_int_equal(fdt_property_string(dtb, "compatible", "linaro,scmi-optee"), 0);
	assert_int_equal(fdt_property_u32(dtb, "linaro,optee-channel-id", 0), 0);
	if (d->shmem_len) {
		fdt32_t c[2] = {cpu_to_fdt32(d->shmem[0]), cpu_to_fdt32(d->shmem[1])};

		assert_int_equal(fdt_property(dtb, "shmem", c, d->shmem_len), 0);
	}
	if (d->msg_size)
		assert_int_equal(fdt_property_u32(dtb, "arm,max-msg-size", d->msg_size), 0);
	for (i = 0; i < d->nprotos; i++) {
		snprintf(name, sizeof(name), "protocol@%x", d->protos[i].reg);
		assert_int_equal(fdt_begin_node(dtb, name), 0);
		assert_int_equal(fdt_property_u32(dtb, "reg", d->protos[i].reg), 0);
		if (d->protos[i].has_chan)
			assert_int_equal(
			    fdt_property_u32(dtb, "linaro,optee-channel-id", d->protos[i].chan), 0);
		if (d->protos[i].shmem)
			assert_int_equal(fdt_property_u32(dtb, "shmem", d->protos[i].shmem), 0);
		assert_int_equal(fdt_end_node(dtb), 0);
	}
	/* A child that is not a protocol: no reg, not ours. */
	assert_int_equal(fdt_begin_node(dtb, "regulators"), 0);
	assert_int_equal(fdt_end_node(dtb), 0);
	assert_int_equal(fdt_end_node(dtb), 0);
	assert_int_equal(fdt_end_node(dtb), 0);
	assert_int_equal(fdt_end_node(dtb), 0);
	assert_int_equal(fdt_finish(dtb), 0);
	err[0] = '\0';
	return scmi_dt_parse(dtb, fdt_totalsize(dtb), cfg, err, sizeof(err));
}

static void test_bounds(void **state)
{
	struct scmi_dt_config cfg;
	struct dspec d;
	int i;

	(void)state;
	defaults(&d);
	d.msg_size = SCMI_DT_MIN_MSG_SIZE;
	assert_int_equal(parse(&d, &cfg), 0);
	assert_int_equal(cfg.max_msg_size, SCMI_DT_MIN_MSG_SIZE);
	d.msg_size = SCMI_DT_MIN_MSG_SIZE - 1;
	assert_int_equal(parse(&d, &cfg), -EINVAL);
	d.msg_size = SCMI_DT_MAX_MSG_SIZE;
	assert_int_equal(parse(&d, &cfg), 0);
	d.msg_size = SCMI_DT_MAX_MSG_SIZE + 1;
	assert_int_equal(parse(&d, &cfg), -EINVAL);

	/* Protocol ids up to 0xff. */
	defaults(&d);
	d.nprotos = 1;
	d.protos[0].reg = 0xff;
	assert_int_equal(parse(&d, &cfg), 0);
	assert_true(cfg.proto_listed[0xff]);
	assert_false(cfg.proto_listed[0xfe]);
	assert_int_equal(cfg.num_chans, 1);

	/* The Base channel plus 31 of their own: 32; one more is refused. */
	defaults(&d);
	d.nprotos = (int)SCMI_DT_MAX_CHANNELS - 1;
	for (i = 0; i < d.nprotos; i++) {
		d.protos[i].reg = 0x20 + (uint32_t)i;
		d.protos[i].has_chan = true;
		d.protos[i].chan = 1 + (uint32_t)i;
	}
	assert_int_equal(parse(&d, &cfg), 0);
	assert_int_equal(cfg.num_chans, SCMI_DT_MAX_CHANNELS);
	assert_int_equal(cfg.proto_chan[0x20 + SCMI_DT_MAX_CHANNELS - 2], SCMI_DT_MAX_CHANNELS - 1);
	assert_int_equal(cfg.chans[SCMI_DT_MAX_CHANNELS - 1].channel_id, SCMI_DT_MAX_CHANNELS - 1);
	d.protos[d.nprotos].reg = 0x20 + (uint32_t)d.nprotos;
	d.protos[d.nprotos].has_chan = true;
	d.protos[d.nprotos].chan = 100;
	d.nprotos++;
	assert_int_equal(parse(&d, &cfg), -EINVAL);
	assert_non_null(strstr(err, "more than 32 channels"));
	/* ... unless it shares one. */
	d.protos[d.nprotos - 1].chan = 5;
	assert_int_equal(parse(&d, &cfg), 0);
	assert_int_equal(cfg.proto_chan[0x20 + SCMI_DT_MAX_CHANNELS - 1], 5);
}

static void test_cells_and_regions(void **state)
{
	struct scmi_dt_config cfg;
	struct dspec d;

	(void)state;
	defaults(&d);
	d.shmem[0] = 1;
	d.shmem_len = 4;
	/* One cell each (the default when the parent says nothing is 2 and 1: say it). */
	d.ac = 1;
	d.sc = 1;
	assert_int_equal(parse(&d, &cfg), 0);
	assert_true(cfg.chans[0].has_shmem);
	assert_int_equal(cfg.chans[0].shmem_addr, 0x1000);
	assert_int_equal(cfg.chans[0].shmem_size, 0x100);
	/* reg one cell short. */
	d.reg_len = 1;
	assert_int_equal(parse(&d, &cfg), -EINVAL);
	assert_non_null(strstr(err, "missing or short reg"));
	/* Two address cells, one size cell; one address cell, two size cells. */
	d.ac = 2;
	d.sc = 1;
	d.reg[0] = 0x1;
	d.reg[1] = 0x2000;
	d.reg[2] = 0x80;
	d.reg_len = 3;
	assert_int_equal(parse(&d, &cfg), 0);
	assert_int_equal(cfg.chans[0].shmem_addr, 0x100002000ull);
	assert_int_equal(cfg.chans[0].shmem_size, 0x80);
	d.ac = 1;
	d.sc = 2;
	d.reg[0] = 0x3000;
	d.reg[1] = 0x1;
	d.reg[2] = 0x0;
	assert_int_equal(parse(&d, &cfg), 0);
	assert_int_equal(cfg.chans[0].shmem_addr, 0x3000);
	assert_int_equal(cfg.chans[0].shmem_size, 0x100000000ull);
	/* Cells out of 1..2. */
	d.sc = 3;
	d.reg_len = 4;
	assert_int_equal(parse(&d, &cfg), -EINVAL);
	assert_non_null(strstr(err, "#size-cells 3"));
	d.ac = 2;
	d.sc = 2;
	/* A region that ends exactly at 2^64 wraps; one byte less does not. */
	d.reg[0] = 0xffffffff;
	d.reg[1] = 0xffffff00;
	d.reg[2] = 0;
	d.reg[3] = 0x100;
	assert_int_equal(parse(&d, &cfg), -EINVAL);
	assert_non_null(strstr(err, "empty or wraps"));
	d.reg[3] = 0xff;
	assert_int_equal(parse(&d, &cfg), 0);
	assert_int_equal(cfg.chans[0].shmem_addr, 0xffffffffffffff00ull);
	assert_int_equal(cfg.chans[0].shmem_size, 0xff);
}

static void test_shmem_props(void **state)
{
	struct scmi_dt_config cfg;
	struct dspec d;

	(void)state;
	defaults(&d);
	d.ac = 1;
	d.sc = 1;
	/* Two phandles: the first is the TX area. */
	d.shmem[0] = 2;
	d.shmem[1] = 1;
	d.shmem_len = 8;
	assert_int_equal(parse(&d, &cfg), 0);
	assert_int_equal(cfg.chans[0].shmem_addr, 0x2000);
	/* Not a whole cell; less than one. */
	d.shmem_len = 6;
	assert_int_equal(parse(&d, &cfg), -EINVAL);
	assert_non_null(strstr(err, "shmem: bad length 6"));
	d.shmem_len = 2;
	assert_int_equal(parse(&d, &cfg), -EINVAL);
	assert_non_null(strstr(err, "shmem: bad length 2"));

	/* A channel id shared without regions, or with the same one: one channel. */
	defaults(&d);
	d.ac = 1;
	d.sc = 1;
	d.nprotos = 2;
	d.protos[0].reg = 0x14;
	d.protos[0].has_chan = true;
	d.protos[0].chan = 4;
	d.protos[1] = d.protos[0];
	d.protos[1].reg = 0x15;
	assert_int_equal(parse(&d, &cfg), 0);
	assert_int_equal(cfg.num_chans, 2);
	assert_int_equal(cfg.proto_chan[0x15], 1);
	d.protos[0].shmem = 2;
	d.protos[1].shmem = 2;
	assert_int_equal(parse(&d, &cfg), 0);
	assert_int_equal(cfg.num_chans, 2);
	assert_true(cfg.chans[1].has_shmem);
	/* One with a region and one without, or two regions: refused. */
	d.protos[1].shmem = 0;
	assert_int_equal(parse(&d, &cfg), -EINVAL);
	assert_non_null(strstr(err, "channel 4 already used with another shmem"));
	d.protos[1].shmem = 1;
	assert_int_equal(parse(&d, &cfg), -EINVAL);
	d.protos[0].shmem = 0;
	d.protos[1].shmem = 2;
	assert_int_equal(parse(&d, &cfg), -EINVAL);
}

static void test_load_file_edges(void **state)
{
	char dir[] = "/tmp/scmi-dt-load.XXXXXX", path[64];
	void *buf = NULL;
	size_t size = 0;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	/* A directory, an empty file: not a DTB file. */
	assert_int_equal(scmi_dt_load_file(dir, &buf, &size, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "not a regular file of 1.."));
	snprintf(path, sizeof(path), "%s/empty.dtb", dir);
	fd = open(path, O_CREAT | O_WRONLY, 0600);
	assert_true(fd >= 0);
	assert_int_equal(scmi_dt_load_file(path, &buf, &size, err, sizeof(err)), -EINVAL);
	/* One byte: read whole. */
	assert_int_equal(write(fd, "x", 1), 1);
	assert_int_equal(scmi_dt_load_file(path, &buf, &size, err, sizeof(err)), 0);
	assert_int_equal(size, 1);
	assert_memory_equal(buf, "x", 1);
	free(buf);
	/* Exactly the largest size, then one byte more. */
	assert_int_equal(ftruncate(fd, SCMI_DT_MAX_FILE_SIZE), 0);
	assert_int_equal(scmi_dt_load_file(path, &buf, &size, err, sizeof(err)), 0);
	assert_int_equal(size, SCMI_DT_MAX_FILE_SIZE);
	assert_int_equal(((uint8_t *)buf)[0], 'x');
	assert_int_equal(((uint8_t *)buf)[SCMI_DT_MAX_FILE_SIZE - 1], 0);
	free(buf);
	assert_int_equal(ftruncate(fd, SCMI_DT_MAX_FILE_SIZE + 1), 0);
	assert_int_equal(scmi_dt_load_file(path, &buf, &size, err, sizeof(err)), -EINVAL);
	close(fd);
	/* Not readable: the open's errno. */
	assert_int_equal(chmod(path, 0), 0);
	if (geteuid() != 0)
		assert_int_equal(scmi_dt_load_file(path, &buf, &size, err, sizeof(err)), -EACCES);
	unlink(path);
	assert_int_equal(scmi_dt_load_file(path, &buf, &size, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "No such file or directory"));
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bounds),
	    cmocka_unit_test(test_cells_and_regions),
	    cmocka_unit_test(test_shmem_props),
	    cmocka_unit_test(test_load_file_edges),
	};

	return cmocka_run_group_tests_name("agent/dt-edges", tests, NULL, NULL);
}
