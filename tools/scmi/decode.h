/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Messages as named fields with units (cmd_decode.c): `scmi decode` and `scmi raw --decode`,
 * both driven by the table of scmi/proto/msg_desc.h.
 */
#ifndef SCMI_TOOLS_DECODE_H
#define SCMI_TOOLS_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/** enum cli_decode_dir - which payload of a message the bytes are. */
enum cli_decode_dir {
	CLI_DECODE_COMMAND = 0,	 /* the request (a2p) */
	CLI_DECODE_RESPONSE = 1, /* the response, after its status word */
	CLI_DECODE_DELAYED = 2,	 /* the delayed response, after its status word */
	CLI_DECODE_NOTIFICATION = 3,
};

/**
 * cli_decode_payload() - print the @len bytes of @payload as the fields of message
 * @message of @protocol in direction @dir, one "  name  value unit" line each; bytes no
 * layout describes are printed in hex. Returns 0, or -ENOENT when the message is not
 * described (the bytes are printed in hex all the same).
 */
int cli_decode_payload(FILE *f, uint8_t protocol, uint8_t message, enum cli_decode_dir dir,
		       const uint8_t *payload, size_t len);

#endif /* SCMI_TOOLS_DECODE_H */
