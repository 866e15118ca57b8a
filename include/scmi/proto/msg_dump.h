/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One message as a line of Linux's scmi_msg_dump trace event (include/trace/events/scmi.h
 * in Linux 6.12), so that a trace of libscmi or optee-simd can be diffed against a Linux
 * trace of the same exchange:
 *
 *   id=0 ch=10 pt=14 t=CMND msg_id=06 seq=0005 s=0 pyld=01000000
 *
 * id is the SCMI instance, ch the channel (Linux names a channel by the protocol that owns
 * it: 10 for the Base channel every protocol without its own shares), pt the protocol,
 * t the tag (CMND a command sent, RESP its response, DLYD a delayed response, NOTI a
 * notification), seq the token, s the SCMI status (0 for a command or notification) and
 * pyld the payload in hex, two digits a byte in wire order, the status word excluded.
 * Freestanding: formats into the caller's buffer.
 */
#ifndef SCMI_PROTO_MSG_DUMP_H
#define SCMI_PROTO_MSG_DUMP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The tags of scmi_msg_dump. */
#define SCMI_DUMP_CMND "CMND"
#define SCMI_DUMP_RESP "RESP"
#define SCMI_DUMP_DLYD "DLYD"
#define SCMI_DUMP_NOTI "NOTI"

/**
 * struct scmi_msg_dump - the fields of one scmi_msg_dump line.
 * @id:          SCMI instance
 * @channel_id:  the channel, by the protocol that owns it
 * @protocol_id: protocol
 * @msg_id:      message (or notification) id
 * @tag:         SCMI_DUMP_*
 * @seq:         token
 * @status:      SCMI status
 * @payload:     payload bytes (the status word excluded)
 * @len:         how many
 */
struct scmi_msg_dump {
	int id;
	uint8_t channel_id;
	uint8_t protocol_id;
	uint8_t msg_id;
	const char *tag;
	uint16_t seq;
	int32_t status;
	const uint8_t *payload;
	size_t len;
};

/**
 * scmi_msg_dump_format() - write @d as one line, without newline, NUL-terminated, into @buf
 * of @size bytes (cut short when it does not fit). Returns the length of the whole line
 * (as snprintf does: @size or more means it was cut).
 */
size_t scmi_msg_dump_format(char *buf, size_t size, const struct scmi_msg_dump *d);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_MSG_DUMP_H */
