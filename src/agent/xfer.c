// SPDX-License-Identifier: BSD-3-Clause
/*
 * The transfer core: tokens, per-channel serialisation, reply checks.
 *
 * Theory of operation: a transfer takes a token (10 bits; a monotonically
 * increasing counter modulo 1024, skipping tokens still in flight, as Linux
 * does, so that a token which just timed out is not reused at once), takes
 * the channel lock, lets the transport send, waits (transports that complete
 * on return need no wait, others are polled up to the channel timeout),
 * fetches the reply and checks that its header echoes ours. A reply for
 * another token, protocol or message is never taken as the answer: it is
 * counted, recorded as the last error and reported as -EPROTO. Only then is
 * a non-zero SCMI status mapped to errno (scmi_status_to_errno, errors.c).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "agent/common.h"
#include "agent/trace.h"

int scmi_token_alloc(struct scmi_agent *agent)
{
	unsigned int start, i, t;

	pthread_mutex_lock(&agent->token_lock);
	start = (unsigned int)(agent->transfer_id % SCMI_TOKEN_COUNT);
	for (i = 0; i < SCMI_TOKEN_COUNT; i++) {
		t = (start + i) % SCMI_TOKEN_COUNT;
		if (!(agent->inflight[t / 64] & (1ull << (t % 64)))) {
			agent->inflight[t / 64] |= 1ull << (t % 64);
			agent->transfer_id += i + 1;
			pthread_mutex_unlock(&agent->token_lock);
			return (int)t;
		}
	}
	pthread_mutex_unlock(&agent->token_lock);
	return -EBUSY;
}

void scmi_token_free(struct scmi_agent *agent, unsigned int token)
{
	token %= SCMI_TOKEN_COUNT;
	pthread_mutex_lock(&agent->token_lock);
	agent->inflight[token / 64] &= ~(1ull << (token % 64));
	pthread_mutex_unlock(&agent->token_lock);
}

void scmi_agent_set_error(struct scmi_agent *agent, const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&agent->err_lock);
	va_start(ap, fmt);
	vsnprintf(agent->last_err, sizeof(agent->last_err), fmt, ap);
	va_end(ap);
	pthread_mutex_unlock(&agent->err_lock);
}

size_t scmi_agent_last_error(struct scmi_agent *agent, char *buf, size_t len)
{
	size_t n;

	if (!agent || !buf || !len)
		return 0;
	pthread_mutex_lock(&agent->err_lock);
	n = strlen(agent->last_err);
	snprintf(buf, len, "%s", agent->last_err);
	pthread_mutex_unlock(&agent->err_lock);
	return n;
}

void scmi_agent_get_stats(struct scmi_agent *agent, struct scmi_agent_stats *stats)
{
	if (!agent || !stats)
		return;
	pthread_mutex_lock(&agent->err_lock);
	stats->xfers_ok = agent->xfers_ok;
	stats->xfers_failed = agent->xfers_failed;
	stats->bad_replies = agent->bad_replies;
	pthread_mutex_unlock(&agent->err_lock);
}

struct scmi_chan_info *scmi_chan_for_protocol(struct scmi_agent *agent, uint8_t protocol_id)
{
	size_t idx = agent->dt.proto_chan[protocol_id];

	return &agent->chans[idx < agent->num_chans ? idx : 0];
}

static uint64_t scmi_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* Wait for a transport that does not complete on return. */
int scmi_wait_reply(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer)
{
	const struct scmi_transport_ops *ops = cinfo->agent->desc->ops;
	uint64_t deadline = scmi_now_ms() + cinfo->timeout_ms;
	struct timespec nap = {.tv_sec = 0, .tv_nsec = 50000};

	if (!ops->poll_done) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "transport can neither poll nor complete");
		return -EINVAL;
	}
	while (!ops->poll_done(cinfo, xfer)) {
		if (scmi_now_ms() >= deadline) {
			scmi_set_err(xfer->err, sizeof(xfer->err),
				     "timed out after %u ms in response", cinfo->timeout_ms);
			return -ETIMEDOUT;
		}
		nanosleep(&nap, NULL);
	}
	return 0;
}

/* The reply must echo our header: same token, protocol and message, a response type. */
int scmi_check_reply_hdr(struct scmi_agent *agent, struct scmi_xfer *xfer)
{
	struct scmi_hdr r;

	if (xfer->resp_hdr == xfer->hdr_word)
		return 0;
	scmi_hdr_unpack(xfer->resp_hdr, &r);
	if (r.token != xfer->hdr.token)
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "stale or mismatched token 0x%03x (expected 0x%03x)", r.token,
			     xfer->hdr.token);
	else
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "mismatched reply header 0x%08x (expected 0x%08x)", xfer->resp_hdr,
			     xfer->hdr_word);
	pthread_mutex_lock(&agent->err_lock);
	agent->bad_replies++;
	pthread_mutex_unlock(&agent->err_lock);
	return -EPROTO;
}

int scmi_xfer_command(struct scmi_agent *agent, struct scmi_xfer *xfer, uint8_t protocol_id,
		      uint8_t msg_id, const void *tx, size_t tx_len, void *rx, size_t rx_max)
{
	int token = scmi_token_alloc(agent);

	if (token < 0)
		return token;
	memset(xfer, 0, sizeof(*xfer));
	xfer->hdr.msg_id = msg_id;
	xfer->hdr.protocol_id = protocol_id;
	xfer->hdr.type = SCMI_MSG_TYPE_COMMAND;
	xfer->hdr.token = (uint16_t)token;
	xfer->hdr_word = scmi_hdr_pack(&xfer->hdr);
	xfer->tx = tx;
	xfer->tx_len = tx_len;
	xfer->rx = rx;
	xfer->rx_max = rx_max;
	return token;
}

int scmi_xfer_exchange(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer)
{
	struct scmi_agent *agent = cinfo->agent;
	const struct scmi_transport_ops *ops = agent->desc->ops;
	int ret;

	ret = ops->send_message(cinfo, xfer);
	if (!ret)
		scmi_trace_xfer(cinfo, xfer, SCMI_DUMP_CMND);
	if (!ret && !agent->desc->sync_cmds_completed_on_ret)
		ret = scmi_wait_reply(cinfo, xfer);
	if (!ret)
		ret = ops->fetch_response(cinfo, xfer);
	if (!ret)
		ret = scmi_check_reply_hdr(agent, xfer);
	if (!ret)
		scmi_trace_xfer(cinfo, xfer, SCMI_DUMP_RESP);
	return ret;
}

int scmi_xfer(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id, const void *tx,
	      size_t tx_len, void *rx, size_t rx_max, size_t *rx_len, int32_t *status)
{
	const struct scmi_transport_ops *ops;
	struct scmi_chan_info *cinfo;
	struct scmi_xfer xfer;
	int token, ret;

	if (!agent || (tx_len && !tx) || (rx_max && !rx))
		return -EINVAL;
	if (tx_len > agent->max_msg_size || rx_max > agent->max_msg_size)
		return -ERANGE;
	if (rx_len)
		*rx_len = 0;

	token = scmi_xfer_command(agent, &xfer, protocol_id, msg_id, tx, tx_len, rx, rx_max);
	if (token < 0)
		return token;

	ops = agent->desc->ops;
	cinfo = scmi_chan_for_protocol(agent, protocol_id);
	pthread_mutex_lock(&cinfo->lock);
	ret = scmi_xfer_exchange(cinfo, &xfer);
	if (ops->mark_txdone)
		ops->mark_txdone(cinfo, ret, &xfer);
	pthread_mutex_unlock(&cinfo->lock);
	scmi_token_free(agent, (unsigned int)token);

	if (ret) {
		scmi_agent_set_error(agent, "protocol 0x%02x message 0x%02x: %s (%s)", protocol_id,
				     msg_id, xfer.err[0] ? xfer.err : scmi_strerror(ret),
				     strerrorname_np(-ret) ? strerrorname_np(-ret) : "?");
		pthread_mutex_lock(&agent->err_lock);
		agent->xfers_failed++;
		pthread_mutex_unlock(&agent->err_lock);
		return ret;
	}
	pthread_mutex_lock(&agent->err_lock);
	agent->xfers_ok++;
	pthread_mutex_unlock(&agent->err_lock);

	if (rx_len)
		*rx_len = xfer.rx_len;
	if (status)
		*status = xfer.status;
	return scmi_status_to_errno(xfer.status);
}
