// SPDX-License-Identifier: BSD-3-Clause
/*
 * Both device-tree parsers on arbitrary bytes: the platform loader
 * (sim_platform_load) and the agent's DT reader (scmi_dt_parse). Seeds are
 * the compiled platform and agent DTBs. A platform that loads is then
 * exercised: every channel, every standard protocol, message ids 0..15 with
 * a small payload, so a hostile-but-valid tree (zero resources, huge counts,
 * odd names) reaches the handlers too.
 *
 * Known libfdt 1.6.1 (Debian 12) bug, not ours: a property whose length field
 * is 0xfffffff4 makes fdt_next_tag() return the offset it started from, and
 * fdt_check_full() loops forever (upstream dtc fixed fdt_next_tag's length
 * check later). Both parsers call fdt_check_full(), so inputs with such a
 * length are skipped here (tests/fuzz/crashes/fuzz_dt_loader-fdt-check-full-hang
 * reproduces it without the skip). It also reads address 0 on some trees of
 * version < 16 (crashes/fuzz_dt_loader-fdt-check-full-null-old-version): skipped
 * too; see README.md.
 *
 * Invariants: parsers return 0 or a negative errno; a parsed agent config is
 * consistent (1..SCMI_DT_MAX_CHANNELS channels, every protocol maps to one);
 * handler responses stay in bounds (as fuzz_server_raw checks).
 */
#include <string.h>

#include "fuzz_common.h"

#include "agent/dt.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t be32_at(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/*
 * Whether the structure block has a property whose length field is larger than the blob
 * (what trips the libfdt 1.6.1 loop). Walks tokens the way fdt_next_tag() does, always
 * forward, so it ends.
 */
static bool has_wrapping_prop(const uint8_t *d, size_t size)
{
	size_t off, end;

	if (size < 40 || be32_at(d) != 0xd00dfeedu)
		return false;
	/* libfdt 1.6.1's fdt_check_full() also dereferences NULL on some pre-v16 trees. */
	if (be32_at(d + 20) < 16)
		return true;
	off = be32_at(d + 8);
	end = off + (size_t)be32_at(d + 36);
	if (end > size)
		end = size;
	while (off + 4 <= end) {
		uint32_t tag = be32_at(d + off);
		uint32_t len;

		off += 4;
		switch (tag) {
		case 1: /* FDT_BEGIN_NODE */
			while (off < end && d[off])
				off++;
			off = (off + 4) & ~(size_t)3;
			break;
		case 2: /* FDT_END_NODE */
		case 4: /* FDT_NOP */
			break;
		case 3: /* FDT_PROP */
			if (off + 8 > end)
				return false;
			len = be32_at(d + off);
			if (len >= size)
				return true;
			off = (off + 8 + len + 3) & ~(size_t)3;
			break;
		default:
			return false;
		}
	}
	return false;
}

static void check_agent_dt(const uint8_t *data, size_t size)
{
	struct scmi_dt_config cfg;
	char err[160];
	size_t i;
	int rc;

	memset(&cfg, 0xa5, sizeof(cfg));
	err[0] = '\0';
	rc = scmi_dt_parse(data, size, &cfg, err, sizeof(err));
	FUZZ_CHECK(rc <= 0);
	FUZZ_CHECK(memchr(err, '\0', sizeof(err)) != NULL);
	if (rc)
		return;
	FUZZ_CHECK(cfg.num_chans >= 1 && cfg.num_chans <= SCMI_DT_MAX_CHANNELS);
	for (i = 0; i < 256; i++)
		FUZZ_CHECK(cfg.proto_chan[i] < cfg.num_chans);
}

static void exercise(struct sim_platform *plat)
{
	struct scmi_server srv;
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];
	/* A small payload most messages accept: id 0, flags 0, a value. */
	static const uint8_t pay[12] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0};
	size_t c, p, m, len, nch = sim_platform_num_channels(plat);

	scmi_server_init(&srv, sim_platform_ops(), plat);
	for (c = 0; c < nch && c < 8; c++) {
		const struct sim_channel *ch = sim_platform_channel_at(plat, c);

		FUZZ_CHECK(ch != NULL);
		for (p = SCMI_PROTOCOL_BASE; p <= SCMI_PROTOCOL_PINCTRL; p++) {
			for (m = 0; m < 16; m++) {
				uint32_t hdr = scmi_hdr_make((uint8_t)p, (uint8_t)m, 0, 1);
				size_t plen;

				for (plen = 0; plen <= sizeof(pay); plen += 4) {
					len = scmi_server_process_raw(&srv, ch->id, hdr, pay, plen,
								      out, sizeof(out));
					FUZZ_CHECK(len >= 4 && len <= sizeof(out));
				}
			}
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sim_platform *plat = NULL;
	char err[256];
	int rc;

	if (has_wrapping_prop(data, size))
		return 0;
	check_agent_dt(data, size);

	err[0] = '\0';
	rc = sim_platform_load(data, size, &plat, err, sizeof(err));
	FUZZ_CHECK(rc <= 0);
	FUZZ_CHECK(memchr(err, '\0', sizeof(err)) != NULL);
	if (rc)
		return 0;
	sim_platform_set_virtual_time(plat, true);
	exercise(plat);
	sim_platform_free(plat);
	return 0;
}
