// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SCMI pseudo-TA.
 *
 * Theory of operation. The PTA is a thin shell around the SCMI server: it
 * checks each command's parameter-type word and its arguments in OP-TEE's
 * order, resolves the channel, and hands the shared memory to the server.
 * A session remembers only who opened it (the client's uid/gid): a channel
 * may be driven only by a peer its agent allows (the platform DT's
 * peer-uids / peer-gids), checked at GET_CHANNEL_HANDLE and again on every
 * process command, as the handle is the channel id itself and a client may
 * skip GET_CHANNEL_HANDLE.
 *
 * Protocol-level problems never show in the TEE result: they travel in the
 * SMT status word or as an SCMI status in the response. The TEE result only
 * says whether the invocation itself made sense.
 *
 * Request size: OP-TEE's server takes at most 92 bytes of request payload and
 * refuses more at the transport, before anything is processed (ERROR|FREE in
 * an SMT area, BAD_PARAMETERS for MSG). The PTA can do the same with any limit
 * (pta_scmi_set_max_payload(); optee-simd --max-payload 92 is OP-TEE). By
 * default it only applies the server's own bound: agents built like Linux
 * split requests by their own message size (ours 104 bytes, Linux's OP-TEE
 * transport 128), and docs/decisions.md says why that wins. The check reads
 * the SMT length under the channel lock; an agent that rewrites it between
 * that read and the server's own only changes what its own message is, and
 * the server bounds that by the area anyway.
 *
 * Concurrency. One mutex per channel. A second caller on a busy channel
 * waits for the first to finish, as SCP-firmware's optee_mbx does, rather
 * than failing with BUSY / ERROR|FREE as OP-TEE's scmi-msg does: an agent
 * that serialises its own channel never notices, and one that does not gets
 * a response instead of a spurious transport error. Different channels run
 * in parallel; the server keeps no mutable global state. Channel ids are
 * sparse, so the mutexes live in a table sorted by id, built once at
 * creation from the platform's channel list.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "platform/sim/sim_access.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "secure/fault_inject.h"
#include "secure/pta_scmi.h"

/**
 * struct pta_chan - one channel as the PTA sees it.
 * @id:       channel id (the handle)
 * @lock:     held while the server processes a message of this channel
 * @smt:      the static SMT area, mapped; NULL when the channel has none
 * @smt_size: its size
 */
struct pta_chan {
	uint32_t id;
	pthread_mutex_t lock;
	volatile void *smt;
	size_t smt_size;
};

/**
 * struct pta_sess - one session.
 * @uid, @gid: the client's credentials at open time
 */
struct pta_sess {
	uint32_t uid;
	uint32_t gid;
};

struct pta_scmi {
	struct scmi_server *server;
	const struct sim_platform *plat;
	uint32_t caps;
	struct pta_chan *chans;
	size_t num_chans;
	/* Request payload refused at the transport above this many bytes. */
	uint32_t max_payload;
	struct fault_inject *faults; /* faults on demand (fault_inject.h); NULL: none */
};

void pta_scmi_set_faults(struct pta_scmi *pta, struct fault_inject *fi)
{
	pta->faults = fi;
}

static int chan_cmp(const void *a, const void *b)
{
	const struct pta_chan *ca = a, *cb = b;

	return (ca->id > cb->id) - (ca->id < cb->id);
}

struct pta_scmi *pta_scmi_new(struct scmi_server *server, const struct sim_platform *plat,
			      uint32_t caps, pta_scmi_static_fn static_area, void *static_ctx)
{
	struct pta_scmi *pta;
	size_t n;

	if (!server || !plat)
		return NULL;
	pta = calloc(1, sizeof(*pta));
	if (!pta)
		return NULL;
	pta->server = server;
	pta->plat = plat;
	pta->caps = caps & PTA_SCMI_CAPS_MASK;
	pta->max_payload = PTA_SCMI_DEFAULT_MAX_PAYLOAD;
	n = sim_platform_num_channels(plat);
	if (n) {
		pta->chans = calloc(n, sizeof(*pta->chans));
		if (!pta->chans)
			goto err_free;
	}
	for (size_t i = 0; i < n; i++) {
		const struct sim_channel *ch = sim_platform_channel_at(plat, i);
		struct pta_chan *pc = &pta->chans[pta->num_chans];

		if (!ch)
			continue;
		pc->id = ch->id;
		/* A region without static memory behind it is unusable: cmd 1 refuses it. */
		if (ch->has_shmem && ch->shmem_size && static_area) {
			pc->smt = static_area(static_ctx, ch->shmem_addr, ch->shmem_size);
			if (pc->smt)
				pc->smt_size = (size_t)ch->shmem_size;
		}
		if (pthread_mutex_init(&pc->lock, NULL))
			goto err_locks;
		pta->num_chans++;
	}
	/* A loaded platform has a channel; without one there is no table to sort. */
	if (pta->num_chans)
		qsort(pta->chans, pta->num_chans, sizeof(*pta->chans), chan_cmp);
	return pta;

err_locks:
	for (size_t i = 0; i < pta->num_chans; i++)
		pthread_mutex_destroy(&pta->chans[i].lock);
	free(pta->chans);
err_free:
	free(pta);
	return NULL;
}

void pta_scmi_set_max_payload(struct pta_scmi *pta, uint32_t bytes)
{
	pta->max_payload = bytes;
}

void pta_scmi_free(struct pta_scmi *pta)
{
	if (!pta)
		return;
	for (size_t i = 0; i < pta->num_chans; i++)
		pthread_mutex_destroy(&pta->chans[i].lock);
	free(pta->chans);
	free(pta);
}

/* The channel @id if the server knows it, else NULL. */
static struct pta_chan *pta_chan(struct pta_scmi *pta, uint32_t id)
{
	struct pta_chan key = {.id = id};

	if (!scmi_server_channel_exists(pta->server, id))
		return NULL;
	if (!pta->num_chans)
		return NULL;
	return bsearch(&key, pta->chans, pta->num_chans, sizeof(*pta->chans), chan_cmp);
}

static uint32_t pta_open_session(void *pta_ctx, uint32_t login, const struct optee_sim_cred *cred,
				 void **sess_ctx)
{
	struct pta_sess *s;

	(void)pta_ctx;
	*sess_ctx = NULL;
	if (login != TEE_LOGIN_REE_KERNEL)
		return TEE_ERROR_ACCESS_DENIED;
	s = calloc(1, sizeof(*s));
	if (!s)
		return TEE_ERROR_OUT_OF_MEMORY;
	s->uid = (uint32_t)cred->uid;
	s->gid = (uint32_t)cred->gid;
	*sess_ctx = s;
	return TEE_SUCCESS;
}

static void pta_close_session(void *pta_ctx, void *sess_ctx)
{
	(void)pta_ctx;
	free(sess_ctx);
}

/* Whether the session's client may drive channel @ch (its agent allows the peer). */
static bool peer_allowed(const struct pta_scmi *pta, const struct pta_sess *s, uint32_t ch)
{
	const struct sim_channel *c = sim_platform_channel(pta->plat, ch);

	return s && c && sim_platform_peer_allowed(pta->plat, c->agent_id, s->uid, s->gid);
}

/*
 * An SMT message handed over with more payload than the limit: refused as OP-TEE's
 * transport refuses it, ERROR|FREE and nothing processed. True when refused. Areas the
 * server cannot even flag, and messages not handed over, are the server's to judge.
 */
static bool smt_payload_refused(struct pta_scmi *pta, struct pta_chan *ch, volatile void *smt,
				size_t size)
{
	uint32_t status, length;
	bool refused = false;

	if (!smt || ((uintptr_t)smt & 3u) || size < SCMI_SMT_HDR_SIZE)
		return false;
	pthread_mutex_lock(&ch->lock);
	status = scmi_smt_read32(smt, SCMI_SMT_OFF_STATUS);
	length = scmi_smt_read32(smt, SCMI_SMT_OFF_LENGTH);
	if (!(status & (SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR)) &&
	    length >= sizeof(uint32_t) && length - sizeof(uint32_t) > pta->max_payload) {
		scmi_smt_write32(smt, SCMI_SMT_OFF_STATUS,
				 SCMI_SMT_STATUS_ERROR | SCMI_SMT_STATUS_FREE);
		refused = true;
	}
	pthread_mutex_unlock(&ch->lock);
	return refused;
}

static uint32_t cmd_capabilities(struct pta_scmi *pta, uint32_t types, struct pta_param *p)
{
	if (types != PTA_SCMI_PT_CAPABILITIES)
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].value.a = pta->caps;
	p[0].value.b = 0; /* extended capabilities: none */
	return TEE_SUCCESS;
}

static uint32_t cmd_get_channel_handle(struct pta_scmi *pta, const struct pta_sess *s,
				       uint32_t types, struct pta_param *p)
{
	uint32_t want;

	if (types != PTA_SCMI_PT_GET_CHANNEL_HANDLE)
		return TEE_ERROR_BAD_PARAMETERS;
	/* OP-TEE's order: unknown bits, then no common cap, then the channel. */
	want = p[0].value.b;
	if (want & ~PTA_SCMI_CAPS_MASK)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(want & pta->caps))
		return TEE_ERROR_NOT_SUPPORTED;
	if (!pta_chan(pta, p[0].value.a))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!peer_allowed(pta, s, p[0].value.a))
		return TEE_ERROR_ACCESS_DENIED;
	/* The handle is the channel id: p0.a stays as it came. */
	return TEE_SUCCESS;
}

static uint32_t cmd_process_smt(struct pta_scmi *pta, const struct pta_sess *s, uint32_t types,
				struct pta_param *p)
{
	struct pta_chan *ch;

	if (types != PTA_SCMI_PT_PROCESS_SMT_CHANNEL)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(pta->caps & PTA_SCMI_CAPS_SMT_HEADER))
		return TEE_ERROR_NOT_SUPPORTED;
	ch = pta_chan(pta, p[0].value.a);
	if (!ch || !ch->smt)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!peer_allowed(pta, s, ch->id))
		return TEE_ERROR_ACCESS_DENIED;
	if (smt_payload_refused(pta, ch, ch->smt, ch->smt_size))
		return TEE_SUCCESS;
	(void)fault_inject_process_smt(pta->faults, pta->server, ch->id, ch->smt, ch->smt_size,
				       &ch->lock);
	/* A refused area has ERROR|FREE set in shared memory: that is the agent's answer. */
	return TEE_SUCCESS;
}

static uint32_t cmd_process_smt_message(struct pta_scmi *pta, const struct pta_sess *s,
					uint32_t types, struct pta_param *p)
{
	enum scmi_server_result r;
	struct pta_chan *ch;

	if (types != PTA_SCMI_PT_PROCESS_SMT_CHANNEL_MESSAGE)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(pta->caps & PTA_SCMI_CAPS_SMT_HEADER))
		return TEE_ERROR_NOT_SUPPORTED;
	if (!p[1].memref.buffer || p[1].memref.size < SCMI_SMT_MIN_SIZE)
		return TEE_ERROR_BAD_PARAMETERS;
	ch = pta_chan(pta, p[0].value.a);
	if (!ch)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!peer_allowed(pta, s, ch->id))
		return TEE_ERROR_ACCESS_DENIED;
	if (smt_payload_refused(pta, ch, p[1].memref.buffer, p[1].memref.size))
		return TEE_SUCCESS;
	/* Bounded by the memref, not by a configured size (OP-TEE's bug, §1.6). */
	r = fault_inject_process_smt(pta->faults, pta->server, ch->id, p[1].memref.buffer,
				     p[1].memref.size, &ch->lock);
	return r == SCMI_SERVER_ERR_CHANNEL ? TEE_ERROR_BAD_PARAMETERS : TEE_SUCCESS;
}

static uint32_t cmd_process_msg(struct pta_scmi *pta, const struct pta_sess *s, uint32_t types,
				struct pta_param *p)
{
	enum scmi_server_result r;
	struct pta_chan *ch;
	size_t out_size;

	if (types != PTA_SCMI_PT_PROCESS_MSG_CHANNEL)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!(pta->caps & PTA_SCMI_CAPS_MSG_HEADER))
		return TEE_ERROR_NOT_SUPPORTED;
	ch = pta_chan(pta, p[0].value.a);
	if (!ch)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!peer_allowed(pta, s, ch->id))
		return TEE_ERROR_ACCESS_DENIED;
	/* Size 0 maps to NULL: no message, or no room for a response. */
	if (!p[1].memref.buffer || !p[2].memref.buffer)
		return TEE_ERROR_BAD_PARAMETERS;
	/* OP-TEE's transport limit: refused before anything is processed. */
	if (p[1].memref.size >= sizeof(uint32_t) &&
	    p[1].memref.size - sizeof(uint32_t) > pta->max_payload)
		return TEE_ERROR_BAD_PARAMETERS;
	out_size = p[2].memref.size;
	r = fault_inject_process_msg(pta->faults, pta->server, ch->id, p[1].memref.buffer,
				     p[1].memref.size, p[2].memref.buffer, &out_size, &ch->lock);
	if (r != SCMI_SERVER_OK)
		return TEE_ERROR_BAD_PARAMETERS;
	p[2].memref.size = out_size;
	return TEE_SUCCESS;
}

static uint32_t pta_invoke(void *pta_ctx, void *sess_ctx, uint32_t cmd, uint32_t types,
			   struct pta_param params[TEE_NUM_PARAMS])
{
	struct pta_scmi *pta = pta_ctx;
	const struct pta_sess *s = sess_ctx;

	switch (cmd) {
	case PTA_SCMI_CMD_CAPABILITIES:
		return cmd_capabilities(pta, types, params);
	case PTA_SCMI_CMD_PROCESS_SMT_CHANNEL:
		return cmd_process_smt(pta, s, types, params);
	case PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE:
		return cmd_process_smt_message(pta, s, types, params);
	case PTA_SCMI_CMD_GET_CHANNEL_HANDLE:
		return cmd_get_channel_handle(pta, s, types, params);
	case PTA_SCMI_CMD_PROCESS_MSG_CHANNEL:
		return cmd_process_msg(pta, s, types, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}

static const struct pta_ops pta_scmi_ops_table = {
    .uuid = PTA_SCMI_UUID_BYTES,
    .name = PTA_SCMI_NAME,
    .open_session_cred = pta_open_session,
    .close_session = pta_close_session,
    .invoke = pta_invoke,
};

const struct pta_ops *pta_scmi_ops(void)
{
	return &pta_scmi_ops_table;
}
