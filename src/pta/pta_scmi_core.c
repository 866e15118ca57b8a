// SPDX-License-Identifier: BSD-3-Clause
/* The SCMI PTA's command handling (pta_scmi_core.h). Freestanding. */
#include <string.h>

#include "pta/pta_scmi_core.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "scmi/proto/tee.h"

void pta_scmi_core_init(struct pta_scmi_core *pta, struct scmi_server *srv, uint32_t caps,
			struct pta_scmi_chan *chans, size_t n, const struct pta_scmi_host_ops *ops,
			void *ctx)
{
	static const struct pta_scmi_host_ops none;

	memset(pta, 0, sizeof(*pta));
	pta->srv = srv;
	pta->caps = caps & PTA_SCMI_CAPS_MASK;
	pta->max_payload = PTA_SCMI_DEFAULT_MAX_PAYLOAD;
	pta->chans = chans;
	pta->num_chans = n;
	pta->ops = ops ? ops : &none;
	pta->ctx = ctx;
	/* By id, for the lookups; an insertion sort: a platform has a handful of channels. */
	for (size_t i = 1; i < n; i++) {
		struct pta_scmi_chan c = chans[i];
		size_t j = i;

		for (; j > 0 && chans[j - 1].id > c.id; j--)
			chans[j] = chans[j - 1];
		chans[j] = c;
	}
	/* The server's channels are its platform's, fixed before any PTA is built on it. */
	for (size_t i = 0; i < n; i++)
		chans[i].known = scmi_server_channel_exists(srv, chans[i].id);
	/* Ids that follow each other (the usual numbering) are found by index, not searched. */
	pta->dense = n > 0;
	for (size_t i = 1; i < n && pta->dense; i++)
		pta->dense = chans[i].id - chans[0].id == i;
}

struct pta_scmi_chan *pta_scmi_core_chan(const struct pta_scmi_core *pta, uint32_t id)
{
	size_t lo = 0, hi = pta->num_chans;

	if (pta->dense) {
		/* Unsigned: an id below the first wraps past the end. */
		size_t at = (size_t)(uint32_t)(id - pta->chans[0].id);

		return at < hi && pta->chans[at].known ? &pta->chans[at] : NULL;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pta->chans[mid].id == id)
			return pta->chans[mid].known ? &pta->chans[mid] : NULL;
		if (pta->chans[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

uint32_t pta_scmi_core_open(uint32_t login)
{
	return login == TEE_LOGIN_REE_KERNEL ? TEE_SUCCESS : TEE_ERROR_ACCESS_DENIED;
}

uint32_t pta_scmi_core_served(const struct pta_scmi_core *pta)
{
	uint32_t n = 0;

	for (size_t i = 0; i < pta->num_chans; i++)
		n += pta_scmi_chan_served(&pta->chans[i]);
	return n;
}

/*
 * Atomic: any number of sessions may drive one channel, and the count is taken after the
 * host's channel lock is given back (the lock is the host's, and optional).
 */
static void chan_count_served(struct pta_scmi_chan *ch)
{
	__atomic_fetch_add(&ch->served, 1, __ATOMIC_RELAXED);
}

static bool peer_allowed(const struct pta_scmi_core *pta, const void *sess,
			 const struct pta_scmi_chan *ch)
{
	return !pta->ops->peer_allowed || pta->ops->peer_allowed(pta->ctx, sess, ch);
}

static enum scmi_server_result process_smt(struct pta_scmi_core *pta, struct pta_scmi_chan *ch,
					   volatile void *shm, size_t size)
{
	enum scmi_server_result r;

	if (pta->ops->process_smt)
		r = pta->ops->process_smt(pta->ctx, ch, shm, size);
	else
		r = scmi_server_process_smt(pta->srv, ch->id, shm, size);
	if (r == SCMI_SERVER_OK)
		chan_count_served(ch);
	return r;
}

/*
 * An SMT message handed over with more payload than the limit: refused as OP-TEE's
 * transport refuses it, ERROR|FREE and nothing processed. True when refused. Areas the
 * server cannot even flag, and messages not handed over, are the server's to judge.
 */
static bool smt_payload_refused(struct pta_scmi_core *pta, struct pta_scmi_chan *ch,
				volatile void *smt, size_t size)
{
	uint32_t status, length;
	bool refused = false;

	if (!smt || ((uintptr_t)smt & 3u) || size < SCMI_SMT_HDR_SIZE)
		return false;
	if (pta->ops->lock)
		pta->ops->lock(pta->ctx, ch);
	status = scmi_smt_read32(smt, SCMI_SMT_OFF_STATUS);
	length = scmi_smt_read32(smt, SCMI_SMT_OFF_LENGTH);
	if (!(status & (SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR)) &&
	    length >= sizeof(uint32_t) && length - sizeof(uint32_t) > pta->max_payload) {
		scmi_smt_write32(smt, SCMI_SMT_OFF_STATUS,
				 SCMI_SMT_STATUS_ERROR | SCMI_SMT_STATUS_FREE);
		refused = true;
	}
	if (pta->ops->unlock)
		pta->ops->unlock(pta->ctx, ch);
	return refused;
}

static uint32_t cmd_capabilities(struct pta_scmi_core *pta, uint32_t types,
				 struct pta_scmi_param *p)
{
	if (types != PTA_SCMI_PT_CAPABILITIES)
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].value.a = pta->caps;
	p[0].value.b = 0; /* extended capabilities: none */
	return TEE_SUCCESS;
}

static uint32_t cmd_get_channel_handle(struct pta_scmi_core *pta, const void *sess, uint32_t types,
				       struct pta_scmi_param *p)
{
	struct pta_scmi_chan *ch;
	uint32_t want;

	if (types != PTA_SCMI_PT_GET_CHANNEL_HANDLE)
		return TEE_ERROR_BAD_PARAMETERS;
	/* OP-TEE's order: unknown bits, then no common cap, then the channel. */
	want = p[0].value.b;
	if (want & ~PTA_SCMI_CAPS_MASK)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(want & pta->caps))
		return TEE_ERROR_NOT_SUPPORTED;
	ch = pta_scmi_core_chan(pta, p[0].value.a);
	if (!ch)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!peer_allowed(pta, sess, ch))
		return TEE_ERROR_ACCESS_DENIED;
	/* The handle is the channel id: p0.a stays as it came. */
	return TEE_SUCCESS;
}

static uint32_t cmd_process_smt(struct pta_scmi_core *pta, const void *sess, uint32_t types,
				struct pta_scmi_param *p)
{
	struct pta_scmi_chan *ch;

	if (types != PTA_SCMI_PT_PROCESS_SMT_CHANNEL)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(pta->caps & PTA_SCMI_CAPS_SMT_HEADER))
		return TEE_ERROR_NOT_SUPPORTED;
	ch = pta_scmi_core_chan(pta, p[0].value.a);
	if (!ch || !ch->smt)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!peer_allowed(pta, sess, ch))
		return TEE_ERROR_ACCESS_DENIED;
	if (smt_payload_refused(pta, ch, ch->smt, ch->smt_size))
		return TEE_SUCCESS;
	(void)process_smt(pta, ch, ch->smt, ch->smt_size);
	/* A refused area has ERROR|FREE set in shared memory: that is the agent's answer. */
	return TEE_SUCCESS;
}

static uint32_t cmd_process_smt_message(struct pta_scmi_core *pta, const void *sess, uint32_t types,
					struct pta_scmi_param *p)
{
	struct pta_scmi_chan *ch;
	enum scmi_server_result r;

	if (types != PTA_SCMI_PT_PROCESS_SMT_CHANNEL_MESSAGE)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(pta->caps & PTA_SCMI_CAPS_SMT_HEADER))
		return TEE_ERROR_NOT_SUPPORTED;
	if (!p[1].memref.buffer || p[1].memref.size < SCMI_SMT_MIN_SIZE)
		return TEE_ERROR_BAD_PARAMETERS;
	ch = pta_scmi_core_chan(pta, p[0].value.a);
	if (!ch)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!peer_allowed(pta, sess, ch))
		return TEE_ERROR_ACCESS_DENIED;
	if (smt_payload_refused(pta, ch, p[1].memref.buffer, p[1].memref.size))
		return TEE_SUCCESS;
	/* Bounded by the memref, not by a configured size (OP-TEE's bug, §1.6). */
	r = process_smt(pta, ch, p[1].memref.buffer, p[1].memref.size);
	return r == SCMI_SERVER_ERR_CHANNEL ? TEE_ERROR_BAD_PARAMETERS : TEE_SUCCESS;
}

static uint32_t cmd_process_msg(struct pta_scmi_core *pta, const void *sess, uint32_t types,
				struct pta_scmi_param *p)
{
	struct pta_scmi_chan *ch;
	enum scmi_server_result r;
	size_t out_size;

	if (types != PTA_SCMI_PT_PROCESS_MSG_CHANNEL)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(pta->caps & PTA_SCMI_CAPS_MSG_HEADER))
		return TEE_ERROR_NOT_SUPPORTED;
	ch = pta_scmi_core_chan(pta, p[0].value.a);
	if (!ch)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!peer_allowed(pta, sess, ch))
		return TEE_ERROR_ACCESS_DENIED;
	/* Size 0 maps to NULL: no message, or no room for a response. */
	if (!p[1].memref.buffer || !p[2].memref.buffer)
		return TEE_ERROR_BAD_PARAMETERS;
	/* OP-TEE's transport limit: refused before anything is processed. */
	if (p[1].memref.size >= sizeof(uint32_t) &&
	    p[1].memref.size - sizeof(uint32_t) > pta->max_payload)
		return TEE_ERROR_BAD_PARAMETERS;
	out_size = p[2].memref.size;
	if (pta->ops->process_msg)
		r = pta->ops->process_msg(pta->ctx, ch, p[1].memref.buffer, p[1].memref.size,
					  p[2].memref.buffer, &out_size);
	else
		r = scmi_server_process_msg(pta->srv, ch->id, p[1].memref.buffer, p[1].memref.size,
					    p[2].memref.buffer, &out_size);
	if (r != SCMI_SERVER_OK)
		return TEE_ERROR_BAD_PARAMETERS;
	chan_count_served(ch);
	p[2].memref.size = out_size;
	return TEE_SUCCESS;
}

uint32_t pta_scmi_core_invoke(struct pta_scmi_core *pta, const void *sess, uint32_t cmd,
			      uint32_t types, struct pta_scmi_param p[PTA_SCMI_CORE_NUM_PARAMS])
{
	switch (cmd) {
	case PTA_SCMI_CMD_CAPABILITIES:
		return cmd_capabilities(pta, types, p);
	case PTA_SCMI_CMD_PROCESS_SMT_CHANNEL:
		return cmd_process_smt(pta, sess, types, p);
	case PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE:
		return cmd_process_smt_message(pta, sess, types, p);
	case PTA_SCMI_CMD_GET_CHANNEL_HANDLE:
		return cmd_get_channel_handle(pta, sess, types, p);
	case PTA_SCMI_CMD_PROCESS_MSG_CHANNEL:
		return cmd_process_msg(pta, sess, types, p);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
