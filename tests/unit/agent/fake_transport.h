/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A fake transport for agent unit tests: a scripted in-process server.
 * The test sets fake.serve (or uses the default Base-like server) and
 * quirks; each command is answered in the MSG layout and decoded by the
 * real MSG helpers.
 */
#ifndef SCMI_TEST_FAKE_TRANSPORT_H
#define SCMI_TEST_FAKE_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

#include "agent/common.h"

#define FAKE_MAX_LOG 2048

/**
 * struct fake - the fake server's script and its log.
 * @serve:       builds the full MSG reply (header, status, values) for a request
 * @send_ret:    if non-zero, send_message fails with it
 * @probe_ret:   if non-zero, probe fails with it
 * @setup_ret:   if non-zero, chan_setup fails with it
 * @never_done:  poll_done never reports completion (non-sync descriptor)
 * @log_hdr:     request headers seen
 * @log_chan:    channel id each request went to
 * @log_tx:      first payload word of each request (0 if none)
 * @nlog:        entries logged
 * @setups:      chan_setup calls; @frees: chan_free calls
 * @reply:       scratch reply buffer; @reply_len its length
 * @ids/@nids:   protocol ids the default server lists; @page: ids per page
 * @never_ends:  LIST_PROTOCOLS always answers one id
 */
struct fake {
	void (*serve)(struct fake *f, const struct scmi_xfer *x);
	int send_ret;
	int probe_ret;
	int setup_ret;
	int never_done;
	uint32_t log_hdr[FAKE_MAX_LOG];
	uint32_t log_chan[FAKE_MAX_LOG];
	uint32_t log_tx[FAKE_MAX_LOG];
	size_t nlog;
	int setups, frees;
	uint8_t reply[4200];
	size_t reply_len;
	uint8_t ids[64];
	size_t nids;
	size_t page;
	int never_ends;
};

extern struct fake fake;
extern const struct scmi_transport_desc fake_desc;
extern const struct scmi_transport_desc fake_poll_desc;

/** fake_reset() - a fresh script: the default server, no quirks. */
void fake_reset(void);

/** fake_reply() - set the reply: @hdr, @status and @len bytes of values. */
void fake_reply(uint32_t hdr, int32_t status, const void *vals, size_t len);

/** fake_serve_default() - the default Base-like server. */
void fake_serve_default(struct fake *f, const struct scmi_xfer *x);

#endif /* SCMI_TEST_FAKE_TRANSPORT_H */
