/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The transport interface of the agent core, shaped like Linux's
 * struct scmi_transport_ops / struct scmi_desc.
 *
 * Theory of operation: the core (xfer.c) owns tokens, the per-channel lock
 * and the reply checks. For one transfer it takes the channel lock, calls
 * send_message, then (when the transport completes commands on return)
 * fetch_response, checks the reply header against the request, and finally
 * calls mark_txdone and drops the lock. A transport never maps SCMI status
 * to errno and never looks at protocol payloads; protocols never see a
 * transport. Transports that do not complete on return provide poll_done,
 * which the core polls until the channel timeout.
 */
#ifndef SCMI_AGENT_TRANSPORT_H
#define SCMI_AGENT_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/proto/header.h"
#include "scmi/scmi.h"

struct scmi_chan_info;

/**
 * struct scmi_xfer - one command in flight.
 * @hdr:      the request header (token allocated by the core)
 * @hdr_word: @hdr packed, as written to the channel
 * @tx:       request payload
 * @tx_len:   its length (<= max_msg_size)
 * @rx:       room for the return values (after the status word)
 * @rx_max:   its size (<= max_msg_size)
 * @rx_len:   out: return-value bytes copied into @rx
 * @rx_full:  out: return-value bytes the reply claimed (before clamping to @rx_max)
 * @status:   out: the SCMI status word of the reply
 * @resp_hdr: out: the header word of the reply (the core checks it)
 * @err:      out: a transport's one-line detail when it fails the transfer
 * @async:    the command asks for a delayed response (scmi_xfer_async()); a transport
 *            with fetch_delayed sends it so that the delayed response can reach it
 */
struct scmi_xfer {
	struct scmi_hdr hdr;
	uint32_t hdr_word;
	const void *tx;
	size_t tx_len;
	void *rx;
	size_t rx_max;
	size_t rx_len;
	size_t rx_full;
	int32_t status;
	uint32_t resp_hdr;
	char err[128];
	bool async;
};

/**
 * struct scmi_transport_ops - what a transport does (Linux scmi_transport_ops).
 * @probe:          optional; once per agent before any channel: reach the remote side,
 *                  check what it offers; may keep private state in agent->tpriv.
 *                  Writes a one-line reason to @err on failure.
 * @remove:         optional; undo @probe
 * @chan_setup:     set up channel @cinfo (cinfo->transport_info is the transport's)
 * @chan_free:      undo chan_setup; must tolerate a channel whose setup failed
 * @send_message:   write @xfer's request and kick the platform; called with the channel
 *                  lock held
 * @fetch_response: copy status, header and return values of the reply into @xfer
 * @poll_done:      optional; true once the reply to @xfer is in the channel (needed unless
 *                  the descriptor says commands complete on return)
 * @mark_txdone:    optional; end of the transaction (@ret: its result)
 * @fetch_delayed:  optional; wait up to @timeout_ms for the delayed response to @xfer
 *                  (sent with @xfer->async) and copy it into @xfer like fetch_response;
 *                  called with the channel lock held, before mark_txdone
 * @fetch_notification: optional; wait up to @timeout_ms for the next notification and
 *                  copy it into @n (header, payload); -ETIMEDOUT when none came
 */
struct scmi_transport_ops {
	int (*probe)(struct scmi_agent *agent, const struct scmi_agent_config *cfg, char *err,
		     size_t err_len);
	void (*remove)(struct scmi_agent *agent);
	int (*chan_setup)(struct scmi_chan_info *cinfo, char *err, size_t err_len);
	void (*chan_free)(struct scmi_chan_info *cinfo);
	int (*send_message)(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer);
	int (*fetch_response)(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer);
	bool (*poll_done)(struct scmi_chan_info *cinfo, const struct scmi_xfer *xfer);
	void (*mark_txdone)(struct scmi_chan_info *cinfo, int ret, struct scmi_xfer *xfer);
	int (*fetch_delayed)(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer,
			     uint32_t timeout_ms);
	int (*fetch_notification)(struct scmi_agent *agent, uint32_t timeout_ms,
				  struct scmi_notification *n, char *err, size_t err_len);
};

/**
 * struct scmi_transport_desc - a transport and its defaults (Linux struct scmi_desc).
 * @name:                       short name ("optee")
 * @ops:                        the ops table
 * @max_rx_timeout_ms:          default response timeout
 * @max_msg:                    messages in flight per channel the transport allows
 * @max_msg_size:               default largest payload
 * @sync_cmds_completed_on_ret: the reply is in place when send_message returns
 */
struct scmi_transport_desc {
	const char *name;
	const struct scmi_transport_ops *ops;
	uint32_t max_rx_timeout_ms;
	uint32_t max_msg;
	uint32_t max_msg_size;
	bool sync_cmds_completed_on_ret;
};

/** The OP-TEE transport (transport/optee.c). */
extern const struct scmi_transport_desc scmi_optee_desc;

/** The Linux SCMI raw mode transport (transport/linux_raw.c). */
extern const struct scmi_transport_desc scmi_linux_raw_desc;

#endif /* SCMI_AGENT_TRANSPORT_H */
