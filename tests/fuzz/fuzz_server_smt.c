// SPDX-License-Identifier: BSD-3-Clause
/*
 * scmi_server_process_smt() on hostile SMT areas. Each input is a few
 * messages, processed in turn on the shared platform (fuzz_server_get():
 * agents reset between inputs, rebuilt every so often; a SET can change
 * what a later GET sees). Per message: area size (28..539 bytes), channel,
 * whether to hand the area over (status word cleared) and the area's bytes.
 * The area is an exact-size heap buffer: ASan flags any access past it.
 *
 * Invariants (scmi_server.h): unknown channel -> nothing written; processed ->
 * FREE set, ERROR clear, header untouched, 4 <= length and the response fits the
 * area; refused -> ERROR|FREE set, length and payload untouched.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#include "scmi/proto/smt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_MSGS 4

static void one_message(struct fuzz_server *fs, struct fuzz_in *in)
{
	size_t area_size = SCMI_SMT_HDR_SIZE + fuzz_u8(in) * 2u;
	uint8_t chan_sel = fuzz_u8(in);
	uint8_t flags = fuzz_u8(in);
	/* Mostly the platform's channels 0..2, sometimes unknown ones. */
	uint32_t chan = chan_sel < 0xf0 ? chan_sel % 3u : chan_sel;
	enum scmi_server_result r;
	const uint8_t *src;
	uint8_t *area, *before;
	size_t n;

	area = calloc(1, area_size);
	before = malloc(area_size);
	FUZZ_CHECK(area && before);
	src = fuzz_take(in, area_size, &n);
	memcpy(area, src, n);
	if (!(flags & 1)) {
		/* A well-behaved handover: status 0, length that fits, most of the time. */
		scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, 0);
		if (!(flags & 2)) {
			uint32_t len = scmi_smt_read32(area, SCMI_SMT_OFF_LENGTH);
			size_t room = area_size - SCMI_SMT_OFF_HEADER;

			scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH,
					 4u + len % (uint32_t)(room - 3));
		}
	}
	fuzz_defuse_known(area, area_size);
	memcpy(before, area, area_size);

	r = scmi_server_process_smt(&fs->srv, chan, area, area_size);

	switch (r) {
	case SCMI_SERVER_OK: {
		uint32_t status = scmi_smt_read32(area, SCMI_SMT_OFF_STATUS);
		uint32_t len = scmi_smt_read32(area, SCMI_SMT_OFF_LENGTH);

		FUZZ_CHECK(status & SCMI_SMT_STATUS_FREE);
		FUZZ_CHECK(!(status & SCMI_SMT_STATUS_ERROR));
		FUZZ_CHECK(len >= 8); /* header + status word */
		FUZZ_CHECK(len <= area_size - SCMI_SMT_OFF_HEADER);
		FUZZ_CHECK(!memcmp(area + SCMI_SMT_OFF_HEADER, before + SCMI_SMT_OFF_HEADER, 4));
		break;
	}
	case SCMI_SERVER_ERR_SMT:
		FUZZ_CHECK((scmi_smt_read32(area, SCMI_SMT_OFF_STATUS) &
			    (SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR)) ==
			   (SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR));
		FUZZ_CHECK(!memcmp(area + SCMI_SMT_OFF_LENGTH, before + SCMI_SMT_OFF_LENGTH,
				   area_size - SCMI_SMT_OFF_LENGTH));
		break;
	case SCMI_SERVER_ERR_CHANNEL:
		FUZZ_CHECK(chan > 2);
		FUZZ_CHECK(!memcmp(area, before, area_size));
		break;
	default:
		FUZZ_CHECK(!"unexpected result");
	}
	free(before);
	free(area);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {.p = data, .left = size};
	struct fuzz_server *fs = fuzz_server_get();
	unsigned int i;

	for (i = 0; i < MAX_MSGS && in.left; i++)
		one_message(fs, &in);
	return 0;
}
