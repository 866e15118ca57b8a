// SPDX-License-Identifier: BSD-3-Clause
/* Helpers shared by the fuzz targets: see fuzz_common.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#include "platform/sim/sim_platform.h"
#include "scmi/server/base.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/sensor.h"
#include "scmi/server/server.h"

uint8_t fuzz_u8(struct fuzz_in *in)
{
	if (!in->left)
		return 0;
	in->left--;
	return *in->p++;
}

uint16_t fuzz_u16(struct fuzz_in *in)
{
	uint16_t lo = fuzz_u8(in);

	return (uint16_t)(lo | (uint16_t)fuzz_u8(in) << 8);
}

uint32_t fuzz_u32(struct fuzz_in *in)
{
	uint32_t lo = fuzz_u16(in);

	return lo | (uint32_t)fuzz_u16(in) << 16;
}

const uint8_t *fuzz_take(struct fuzz_in *in, size_t max, size_t *n)
{
	const uint8_t *p = in->p;

	*n = max < in->left ? max : in->left;
	in->p += *n;
	in->left -= *n;
	return p;
}

_Noreturn void fuzz_fail(const char *what, const char *file, int line)
{
	fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, what);
	abort();
}

static void *default_dtb;
static size_t default_dtb_size;

void fuzz_server_open(struct fuzz_server *fs)
{
	char err[256];

	if (!default_dtb) {
		default_dtb = fuzz_read_file(SCMI_DEFAULT_PLATFORM_DTB, &default_dtb_size);
		if (!default_dtb) {
			fprintf(stderr, "fuzz: cannot read %s\n", SCMI_DEFAULT_PLATFORM_DTB);
			abort();
		}
	}
	if (sim_platform_load(default_dtb, default_dtb_size, &fs->plat, err, sizeof(err))) {
		fprintf(stderr, "fuzz: %s: %s\n", SCMI_DEFAULT_PLATFORM_DTB, err);
		abort();
	}
	sim_platform_set_virtual_time(fs->plat, true);
	scmi_server_init(&fs->srv, sim_platform_ops(), fs->plat);
}

void fuzz_server_close(struct fuzz_server *fs)
{
	sim_platform_free(fs->plat);
	fs->plat = NULL;
}

unsigned int fuzz_rebuild_every(void)
{
	static unsigned int every;
	const char *env;

	if (!every) {
		env = getenv("SCMI_FUZZ_REBUILD_EVERY");
		every = env ? (unsigned int)strtoul(env, NULL, 0) : 0;
		if (!every)
			every = FUZZ_REBUILD_EVERY;
	}
	return every;
}

void fuzz_reset_agents(struct sim_platform *plat, struct scmi_server *srv)
{
	const struct scmi_server_base_ops *bops = srv->ops->base;
	uint32_t id, n = srv->ops->num_agents(plat);

	for (id = 1; id <= n; id++) {
		if (bops && bops->reset_agent)
			(void)bops->reset_agent(plat, id, true);
		scmi_server_reset_agent(srv, id);
	}
}

struct fuzz_server *fuzz_server_get(void)
{
	static struct fuzz_server fs;
	static unsigned int served;

	if (fs.plat && served++ % fuzz_rebuild_every() == 0)
		fuzz_server_close(&fs);
	if (!fs.plat) {
		fuzz_server_open(&fs);
		served = 1;
	} else {
		fuzz_reset_agents(fs.plat, &fs.srv);
	}
	return &fs;
}

static bool defuse_on(void)
{
	static int on = -1;

	if (on < 0)
		on = getenv("SCMI_FUZZ_DEFUSE") != NULL;
	return on;
}

/* SENSOR_CONFIG_SET (protocol 0x15, message 0xa): config word bits [15:11] are a signed
 * exponent; 8..15 (bit 14 set, bit 15 clear) overflow pick_interval()'s conversion. */
static void defuse_one(uint32_t hdr, uint8_t *payload, size_t len)
{
	uint32_t cfg;

	if ((hdr & 0xff) != SCMI_MSG_SENSOR_CONFIG_SET ||
	    ((hdr >> 10) & 0xff) != SCMI_PROTOCOL_SENSOR || len < 8)
		return;
	memcpy(&cfg, payload + 4, 4);
	if ((cfg & 0xc000u) == 0x4000u) {
		cfg &= ~0x4000u;
		memcpy(payload + 4, &cfg, 4);
	}
}

void fuzz_defuse_known_raw(uint32_t hdr, uint8_t *payload, size_t len)
{
	if (defuse_on() && payload)
		defuse_one(hdr, payload, len);
}

void fuzz_defuse_known(uint8_t *buf, size_t len)
{
	uint32_t hdr;
	size_t i;

	if (!defuse_on() || !buf)
		return;
	for (i = 0; i + 12 <= len; i++) {
		memcpy(&hdr, buf + i, 4);
		defuse_one(hdr, buf + i + 4, len - i - 4);
	}
}

void *fuzz_read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	void *buf = NULL;
	long len;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET))
		goto out;
	buf = malloc((size_t)len);
	if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
		free(buf);
		buf = NULL;
	}
	*size = (size_t)len;
out:
	fclose(f);
	return buf;
}
