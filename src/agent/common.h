/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Agent internals shared by the core, the transports and the protocol clients.
 * Not installed: protocol clients use scmi_xfer() only, transports use
 * struct scmi_chan_info and the helpers below.
 */
#ifndef SCMI_AGENT_COMMON_H
#define SCMI_AGENT_COMMON_H

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "agent/dt.h"
#include "agent/transport.h"
#include "scmi/scmi.h"

/** Room for the agent's last-error line. */
#define SCMI_ERR_LEN 160u

/**
 * struct scmi_chan_info - one channel (Linux struct scmi_chan_info).
 * @agent:          the agent it belongs to
 * @index:          its index in agent->chans
 * @dt:             what the DT says about it (id, shmem)
 * @mode:           the transport mode chosen for it (never AUTO once probed)
 * @lock:           held from send_message to mark_txdone: one command at a time
 * @timeout_ms:     response timeout
 * @transport_info: the transport's per-channel state
 * @ready:          chan_setup succeeded (chan_free is then due)
 */
struct scmi_chan_info {
	struct scmi_agent *agent;
	size_t index;
	struct scmi_dt_chan dt;
	enum scmi_mode mode;
	pthread_mutex_t lock;
	uint32_t timeout_ms;
	void *transport_info;
	bool ready;
};

/**
 * struct scmi_agent - an SCMI agent instance.
 * @desc:          the transport
 * @tpriv:         the transport's per-agent state (from probe)
 * @dt:            the configuration read from the DT
 * @chans:         channels, [0] = Base channel
 * @num_chans:     entries in @chans
 * @mode:          the mode asked for in the config (may be AUTO)
 * @max_msg_size:  largest payload
 * @timeout_ms:    response timeout
 * @token_lock:    protects @transfer_id and @inflight
 * @transfer_id:   monotonically increasing transfer counter
 * @inflight:      bitmap of tokens in flight
 * @err_lock:      protects @last_err and the counters
 * @last_err:      the last transfer error, one line
 * @bad_replies:   replies rejected for a mismatched header
 * @xfers_ok:      transfers that completed (any SCMI status)
 * @xfers_failed:  transfers that failed at transport level
 */
struct scmi_agent {
	const struct scmi_transport_desc *desc;
	void *tpriv;
	struct scmi_dt_config dt;
	struct scmi_chan_info *chans;
	size_t num_chans;
	enum scmi_mode mode;
	size_t max_msg_size;
	uint32_t timeout_ms;
	pthread_mutex_t token_lock;
	uint64_t transfer_id;
	uint64_t inflight[SCMI_TOKEN_COUNT / 64];
	pthread_mutex_t err_lock;
	char last_err[SCMI_ERR_LEN];
	uint64_t bad_replies;
	uint64_t xfers_ok;
	uint64_t xfers_failed;
};

/**
 * scmi_agent_open_with_transport() - scmi_agent_open() over the transport @desc
 * (tests pass a fake one here).
 */
int scmi_agent_open_with_transport(const struct scmi_agent_config *cfg,
				   const struct scmi_transport_desc *desc, struct scmi_agent **out);

/** scmi_set_err() - printf a one-line reason into @buf (may be NULL). */
void scmi_set_err(char *buf, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/** scmi_agent_set_error() - record the agent's last error (thread-safe). */
void scmi_agent_set_error(struct scmi_agent *agent, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** scmi_token_alloc() - next free token (monotonic, skipping tokens in flight); -EBUSY if none. */
int scmi_token_alloc(struct scmi_agent *agent);

/** scmi_token_free() - give @token back. */
void scmi_token_free(struct scmi_agent *agent, unsigned int token);

/**
 * scmi_xfer_command() - a command @msg_id of @protocol_id in @xfer, zeroed first, with a
 * fresh token, the packed header, @tx and the reply buffer @rx. Returns the token (give it
 * back with scmi_token_free()) or -EBUSY when every token is in flight.
 */
int scmi_xfer_command(struct scmi_agent *agent, struct scmi_xfer *xfer, uint8_t protocol_id,
		      uint8_t msg_id, const void *tx, size_t tx_len, void *rx, size_t rx_max);

/**
 * scmi_xfer_exchange() - send @xfer on @cinfo (its lock held), wait for the reply where the
 * transport does not complete on return, fetch it and check its header: 0 or a negative
 * errno with @xfer->err set. The caller marks the transfer done.
 */
int scmi_xfer_exchange(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer);

/** scmi_chan_for_protocol() - the channel @protocol_id uses. */
struct scmi_chan_info *scmi_chan_for_protocol(struct scmi_agent *agent, uint8_t protocol_id);

/**
 * scmi_wait_reply() - poll a transport that does not complete on return until the reply
 * to @xfer is in (0) or the channel timeout (-ETIMEDOUT, @xfer->err set).
 */
int scmi_wait_reply(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer);

/**
 * scmi_check_reply_hdr() - 0 if @xfer->resp_hdr echoes @xfer->hdr_word, else -EPROTO with
 * @xfer->err set and the agent's bad_replies counted.
 */
int scmi_check_reply_hdr(struct scmi_agent *agent, struct scmi_xfer *xfer);

#endif /* SCMI_AGENT_COMMON_H */
