// SPDX-License-Identifier: BSD-3-Clause
/*
 * scmi_server_process_msg() on hostile MSG buffers. Each input is a few
 * requests on the shared platform (fuzz_server_get(): agents reset between
 * inputs, rebuilt every so often). Per request: in and out sizes (0..300), channel, whether in and
 * out alias, whether the buffers are misaligned, and the request bytes. Buffers are exact-size heap
 * blocks (ASan sees overruns).
 *
 * Invariants (scmi_server.h): bad sizes or alignment -> ERR_PARAMS, unknown
 * channel -> ERR_CHANNEL, both with nothing written and *out_size unchanged;
 * processed -> 8 <= *out_size <= the room given, header echoed.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#include "scmi/proto/msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_MSGS 4
#define MAX_BUF	 300u

static void one_message(struct fuzz_server *fs, struct fuzz_in *in)
{
	size_t in_size = fuzz_u16(in) % (MAX_BUF + 1);
	size_t out_room = fuzz_u16(in) % (MAX_BUF + 1);
	uint8_t chan_sel = fuzz_u8(in);
	uint8_t flags = fuzz_u8(in);
	uint32_t chan = chan_sel < 0xf0 ? chan_sel % 3u : chan_sel;
	bool alias = flags & 1;
	size_t skew = (flags & 6) == 6 ? (flags >> 3) % 3u + 1 : 0; /* 1 in 4: misaligned */
	size_t in_alloc = (alias && out_room > in_size ? out_room : in_size) + skew;
	size_t out_alloc = out_room + skew;
	uint8_t *in_blk, *out_blk, *inb, *outb, *before;
	enum scmi_server_result r;
	size_t out_size = out_room;
	const uint8_t *src;
	uint32_t hdr = 0;
	size_t n;

	/* +1: malloc(0) may return NULL; the extra byte is never part of a buffer. */
	in_blk = calloc(1, in_alloc + 1);
	out_blk = alias ? in_blk : calloc(1, out_alloc + 1);
	before = malloc(in_alloc + out_alloc + 1);
	FUZZ_CHECK(in_blk && out_blk && before);
	inb = in_blk + skew;
	outb = out_blk + skew;
	src = fuzz_take(in, in_size, &n);
	memcpy(inb, src, n);
	fuzz_defuse_known(inb, in_size); /* the zeros past n count too */
	if (in_size >= 4)
		memcpy(&hdr, inb, 4);
	memcpy(before, out_blk, out_alloc);

	r = scmi_server_process_msg(&fs->srv, chan, inb, in_size, outb, &out_size);

	switch (r) {
	case SCMI_SERVER_OK:
		FUZZ_CHECK(!skew);
		FUZZ_CHECK(in_size >= SCMI_MSG_HDR_SIZE);
		FUZZ_CHECK(out_size >= SCMI_MSG_RESP_OVERHEAD && out_size <= out_room);
		FUZZ_CHECK(!memcmp(outb, &hdr, 4));
		break;
	case SCMI_SERVER_ERR_PARAMS:
	case SCMI_SERVER_ERR_CHANNEL:
		FUZZ_CHECK(r == SCMI_SERVER_ERR_PARAMS || chan > 2);
		FUZZ_CHECK(out_size == out_room);
		FUZZ_CHECK(!memcmp(before, out_blk, out_alloc));
		break;
	default:
		FUZZ_CHECK(!"unexpected result");
	}
	if (!alias)
		free(out_blk);
	free(in_blk);
	free(before);
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
