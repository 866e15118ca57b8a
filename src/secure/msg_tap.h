/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The daemon's tap on every SCMI message, at every door (OP-TEE SMT and MSG channels,
 * vhost-user virtio): `optee-simd --trace` prints each as a scmi_msg_dump line
 * (scmi/proto/msg_dump.h) to the log, `optee-simd --pcap FILE` writes each to a pcap file
 * (docs/capture.md: link type LINKTYPE_USER0, 147, and a 12-byte pseudo-header).
 * Off, a tap costs one load and branch a message.
 */
#ifndef SECURE_MSG_TAP_H
#define SECURE_MSG_TAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/server/server.h"

/* pcap link type of a capture: LINKTYPE_USER0. */
#define MSG_TAP_LINKTYPE 147u
/* The pseudo-header before each message, and its version byte. */
#define MSG_TAP_PSEUDO_SIZE 12u
#define MSG_TAP_VERSION	    1u

/** enum msg_tap_door - the transport a message came through (pseudo-header byte 2). */
enum msg_tap_door {
	MSG_TAP_OPTEE_SMT = 0,
	MSG_TAP_OPTEE_MSG = 1,
	MSG_TAP_VIRTIO = 2,
};

/** enum msg_tap_dir - which way it went (pseudo-header byte 1). */
enum msg_tap_dir {
	MSG_TAP_A2P = 0,
	MSG_TAP_P2A = 1,
};

/**
 * msg_tap_start() - tap from now on: @trace prints every message to stderr, @pcap_path
 * (NULL: none) is created and receives every message. Returns 0 or -errno, a reason in @err.
 */
int msg_tap_start(bool trace, const char *pcap_path, char *err, size_t errlen);

/** msg_tap_stop() - stop tapping and close the capture. */
void msg_tap_stop(void);

/**
 * msg_tap() - one message of @len bytes (header, the status for a response, payload)
 * through @door on @channel of @srv, in direction @dir.
 */
void msg_tap(const struct scmi_server *srv, enum msg_tap_door door, uint32_t channel,
	     enum msg_tap_dir dir, const void *msg, size_t len);

/** msg_tap_exchange() - msg_tap() a request @req and then its response @rsp. */
void msg_tap_exchange(const struct scmi_server *srv, enum msg_tap_door door, uint32_t channel,
		      const void *req, size_t req_len, const void *rsp, size_t rsp_len);

/**
 * msg_tap_smt() - the message an SMT area of @size bytes holds now (a request before it is
 * processed, a response after), if its length is sound.
 */
void msg_tap_smt(const struct scmi_server *srv, uint32_t channel, enum msg_tap_dir dir,
		 const volatile void *shm, size_t size);

/** msg_tap_msg() - one MSG-layout message of @len bytes, read from shared memory. */
void msg_tap_msg(const struct scmi_server *srv, uint32_t channel, enum msg_tap_dir dir,
		 const volatile void *msg, size_t len);

/** msg_tap_process_smt() - scmi_server_process_smt(), tapping the request and response. */
enum scmi_server_result msg_tap_process_smt(struct scmi_server *srv, uint32_t channel,
					    volatile void *shm, size_t size);

/** msg_tap_process_msg() - scmi_server_process_msg(), tapping the request and response. */
enum scmi_server_result msg_tap_process_msg(struct scmi_server *srv, uint32_t channel,
					    const volatile void *in, size_t in_size,
					    volatile void *out, size_t *out_size);

#endif /* SECURE_MSG_TAP_H */
