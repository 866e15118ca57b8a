// SPDX-License-Identifier: BSD-3-Clause
/*
 * scmi_server_process_raw() straight at every protocol's handlers. Each input
 * is a few requests on the shared platform (fuzz_server_get(): agents reset
 * between inputs, rebuilt every so often). Per request: protocol (mostly one
 * of the standard 0x10..0x19, so every handler is reached), message id, token
 * and type bits, channel (which agent asks), out room (sometimes small, to
 * force paging and truncation), payload length and payload.
 *
 * Invariants (scmi_server.h): the result is 0 exactly when the room is below
 * 4, else 4..room; the out buffer is exact-size (ASan sees overruns); the
 * status word is a defined SCMI status.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/status.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_MSGS 6

static void one_message(struct fuzz_server *fs, struct fuzz_in *in)
{
	uint8_t proto_sel = fuzz_u8(in);
	uint8_t msg_id = fuzz_u8(in);
	uint16_t token = fuzz_u16(in);
	uint8_t chan_sel = fuzz_u8(in);
	uint8_t room_sel = fuzz_u8(in);
	size_t in_len = fuzz_u16(in) % (SCMI_SERVER_MAX_PAYLOAD + 9);
	uint8_t proto =
	    proto_sel < 0xe0 ? (uint8_t)(SCMI_PROTOCOL_BASE + proto_sel % 10u) : proto_sel;
	uint32_t chan = chan_sel < 0xf0 ? chan_sel % 3u : chan_sel;
	/* Half the time the full room, else 0..63 bytes: paging and truncation paths. */
	size_t room = room_sel & 0x80 ? SCMI_SERVER_MAX_PAYLOAD : room_sel & 0x3f;
	uint32_t hdr = scmi_hdr_make(proto, msg_id, 0, token);
	const uint8_t *src;
	uint8_t *pay, *out;
	size_t n, len;

	/* Sometimes nonzero type or reserved bits in the header. */
	if ((token >> 10) == 0x3f)
		hdr |= (uint32_t)token << 16 & 0xf0000300u;
	src = fuzz_take(in, in_len, &n);
	pay = malloc(n + 1);
	out = malloc(room + 1);
	FUZZ_CHECK(pay && out);
	memcpy(pay, src, n);
	fuzz_defuse_known_raw(hdr, pay, n);

	len = scmi_server_process_raw(&fs->srv, chan, hdr, n ? pay : NULL, n, out, room);

	if (room < 4) {
		FUZZ_CHECK(len == 0);
	} else {
		int32_t status;

		FUZZ_CHECK(len >= 4 && len <= room);
		memcpy(&status, out, 4);
		FUZZ_CHECK(status <= 0 && status >= SCMI_STATUS_LAST);
		if (chan > 2)
			FUZZ_CHECK(status == SCMI_DENIED);
	}
	free(out);
	free(pay);
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
