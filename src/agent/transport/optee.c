// SPDX-License-Identifier: BSD-3-Clause
/*
 * The OP-TEE transport: SCMI through the SCMI pseudo-TA (Linux transports/optee.c).
 *
 * Theory of operation: probe opens a short-lived session to ask the PTA for its
 * capabilities and picks each channel's mode (static SMT when the DT binds an
 * arm,scmi-shmem region and the PTA speaks SMT, else MSG, else SMT in a TEE
 * buffer passed as memref). Each channel then gets its own TEE context and
 * session (a context runs one request at a time, so channels run in parallel)
 * and a handle from GET_CHANNEL_HANDLE. A command is written into the channel's
 * SMT area or MSG buffer by the shared helpers (shmem.c, msg.c) and the PTA is
 * invoked; the invoke returns once the platform has answered, so the reply is
 * fetched right away (sync_cmds_completed_on_ret). A request that fails at the
 * TEE transport level (daemon gone, timeout) marks the channel for re-setup: the
 * next command opens a fresh context, so the agent recovers after optee-simd
 * restarts; if that fails the command returns -EAGAIN at once.
 *
 * A static SMT area is one area for every process of the agent that uses the
 * channel (two `scmi` commands at once, a daemon and a CLI): the agent core's
 * channel mutex only serialises the threads of one process. So a message on a
 * static area is sent under the region's lock (tee_static_shm_lock(), an OFD
 * lock that a holder killed mid-message drops), from writing the request to
 * reading the reply.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent/common.h"
#include "agent/msg.h"
#include "agent/shmem.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "scmi/tee_client.h"

/* SMT: Linux requires max_msg_size + 24 bytes of a static area. */
#define OPTEE_SMT_OVERHEAD 24u

/**
 * struct optee_agent - per-agent state.
 * @tee_open:     opens a context (NULL: the sim backend on @socket)
 * @tee_open_arg: its argument
 * @socket:       the optee-simd socket path, for the sim backend and messages
 * @caps:         what the PTA offers (PTA_SCMI_CAPS_*)
 */
struct optee_agent {
	int (*tee_open)(void *arg, struct tee_context **ctx);
	void *tee_open_arg;
	char socket[256];
	uint32_t caps;
};

/**
 * struct optee_chan - per-channel state.
 * @ctx:          this channel's TEE context
 * @session:      its session with the PTA
 * @has_session:  @session is open
 * @handle:       the PTA's handle for the channel
 * @shm:          MSG / SMT-memref: the TEE buffer
 * @buf:          the SMT area or MSG buffer, as mapped here
 * @size:         its size
 * @rx_len:       MSG: reply length the PTA reported
 * @need_resetup: a request failed at transport level: reopen before the next one
 * @stat:         SMT: the static region holding @buf
 * @locked:       SMT: we hold @stat's lock (from send_message to mark_txdone)
 */
struct optee_chan {
	struct tee_context *ctx;
	uint32_t session;
	bool has_session;
	uint32_t handle;
	struct tee_shm *shm;
	void *buf;
	size_t size;
	size_t rx_len;
	bool need_resetup;
	struct tee_static_shm stat;
	bool locked;
};

static bool optee_is_unreachable(int ret)
{
	return ret == -ENOENT || ret == -ECONNREFUSED || ret == -ENOTCONN;
}

/* Transport-level errors after which the context is unusable. */
static bool optee_is_broken(int ret)
{
	return ret == -ETIMEDOUT || ret == -ECONNRESET || ret == -ENOTCONN || ret == -EPIPE ||
	       ret == -ECONNREFUSED || ret == -ENOENT;
}

static int optee_open_context(struct optee_agent *oa, uint32_t timeout_ms, struct tee_context **ctx,
			      char *err, size_t err_len)
{
	int ret;

	if (oa->tee_open)
		ret = oa->tee_open(oa->tee_open_arg, ctx);
	else
		ret = tee_client_open_sim(oa->socket[0] ? oa->socket : NULL, ctx);
	if (ret) {
		*ctx = NULL;
		if (optee_is_unreachable(ret)) {
			scmi_set_err(
			    err, err_len,
			    "TEE not reachable: no optee-simd at %s (start it, then retry)",
			    oa->tee_open ? "the configured TEE" : oa->socket);
			return -EAGAIN;
		}
		if (ret == -EPERM && !oa->tee_open) {
			scmi_set_err(
			    err, err_len,
			    "refusing %s: the process listening there runs as another user "
			    "(neither us nor root)",
			    oa->socket);
			return ret;
		}
		if (ret == -EACCES && !oa->tee_open) {
			scmi_set_err(err, err_len,
				     "cannot use %s: permission denied, or its directory is not "
				     "ours and private (0700)",
				     oa->socket);
			return ret;
		}
		scmi_set_err(err, err_len, "cannot open a TEE context: %s", strerror(-ret));
		return ret;
	}
	tee_client_set_timeout(*ctx, timeout_ms);
	return 0;
}

static int optee_open_session(struct tee_context *ctx, uint32_t *session, char *err, size_t err_len)
{
	static const uint8_t uuid[TEE_UUID_SIZE] = PTA_SCMI_UUID_BYTES;
	struct tee_open_session_arg arg;
	int ret;

	memset(&arg, 0, sizeof(arg));
	memcpy(arg.uuid, uuid, sizeof(uuid));
	arg.clnt_login = TEE_LOGIN_REE_KERNEL;
	ret = tee_client_open_session(ctx, &arg, NULL, 0);
	if (ret == -EPERM || (!ret && arg.ret == TEE_ERROR_ACCESS_DENIED)) {
		scmi_set_err(err, err_len,
			     "REE-kernel login to the SCMI PTA refused: this client is not trusted "
			     "by the TEE (check optee-simd's allowed uid/gid)");
		return -EACCES;
	}
	if (ret == -EUSERS) {
		scmi_set_err(err, err_len,
			     "optee-simd refused the connection: it serves as many as its limits "
			     "allow (--max-clients, --max-clients-per-uid)");
		return ret;
	}
	if (ret) {
		scmi_set_err(err, err_len, "open session to the SCMI PTA: %s", strerror(-ret));
		return ret;
	}
	if (arg.ret != TEE_SUCCESS) {
		scmi_set_err(err, err_len,
			     "SCMI PTA " PTA_SCMI_UUID_STRING " refused a session: TEE 0x%08x "
			     "(origin %u)",
			     arg.ret, arg.ret_origin);
		return -EOPNOTSUPP;
	}
	*session = arg.session;
	return 0;
}

/* Invoke @func; a TEE verdict other than SUCCESS is -EIO with the code in @err. */
static int optee_invoke(struct tee_context *ctx, uint32_t session, uint32_t func,
			struct tee_param *params, size_t num, char *err, size_t err_len)
{
	struct tee_invoke_arg arg;
	int ret;

	memset(&arg, 0, sizeof(arg));
	arg.func = func;
	arg.session = session;
	ret = tee_client_invoke_func(ctx, &arg, params, num);
	if (ret) {
		scmi_set_err(err, err_len, "TEE request failed: %s", strerror(-ret));
		return ret;
	}
	if (arg.ret != TEE_SUCCESS) {
		scmi_set_err(err, err_len, "PTA command %u failed: TEE 0x%08x (origin %u)", func,
			     arg.ret, arg.ret_origin);
		return -EIO;
	}
	return 0;
}

static int optee_pick_mode(struct scmi_chan_info *cinfo, uint32_t caps, char *err, size_t err_len)
{
	bool smt = caps & PTA_SCMI_CAPS_SMT_HEADER, msg = caps & PTA_SCMI_CAPS_MSG_HEADER;
	uint32_t id = cinfo->dt.channel_id;

	switch (cinfo->mode) {
	case SCMI_MODE_AUTO:
		if (cinfo->dt.has_shmem && smt)
			cinfo->mode = SCMI_MODE_SMT;
		else if (msg)
			cinfo->mode = SCMI_MODE_MSG;
		else
			cinfo->mode = SCMI_MODE_SMT_MEMREF;
		return 0;
	case SCMI_MODE_SMT:
		if (!cinfo->dt.has_shmem) {
			scmi_set_err(
			    err, err_len,
			    "mode smt needs a shmem region (channel %u has none in the DT)", id);
			return -EINVAL;
		}
		/* fall through */
	case SCMI_MODE_SMT_MEMREF:
		if (!smt) {
			scmi_set_err(err, err_len,
				     "mode %s: the PTA does not offer SMT (caps 0x%x)",
				     scmi_mode_name(cinfo->mode), caps);
			return -EOPNOTSUPP;
		}
		return 0;
	case SCMI_MODE_MSG:
		if (!msg) {
			scmi_set_err(err, err_len,
				     "mode msg: the PTA does not offer MSG (caps 0x%x)", caps);
			return -EOPNOTSUPP;
		}
		return 0;
	}
	return -EINVAL;
}

static int optee_probe(struct scmi_agent *agent, const struct scmi_agent_config *cfg, char *err,
		       size_t err_len)
{
	struct tee_param p = {.attr = TEE_PARAM_TYPE_VALUE_OUTPUT};
	struct tee_context *ctx;
	struct optee_agent *oa;
	uint32_t session;
	size_t i;
	int ret;

	oa = calloc(1, sizeof(*oa));
	if (!oa)
		return -ENOMEM;
	oa->tee_open = cfg->tee_open;
	oa->tee_open_arg = cfg->tee_open_arg;
	if (cfg->socket_path)
		snprintf(oa->socket, sizeof(oa->socket), "%s", cfg->socket_path);
	else if (!cfg->tee_open && tee_client_default_socket(oa->socket, sizeof(oa->socket)))
		oa->socket[0] = '\0';

	ret = optee_open_context(oa, agent->timeout_ms, &ctx, err, err_len);
	if (ret)
		goto err_free;
	ret = optee_open_session(ctx, &session, err, err_len);
	if (ret)
		goto err_ctx;
	ret = optee_invoke(ctx, session, PTA_SCMI_CMD_CAPABILITIES, &p, 1, err, err_len);
	tee_client_close_session(ctx, session);
	if (ret)
		goto err_ctx;
	oa->caps = (uint32_t)p.u.value.a & PTA_SCMI_CAPS_MASK;
	if (!oa->caps) {
		scmi_set_err(err, err_len, "the SCMI PTA offers neither SMT nor MSG (caps 0x%llx)",
			     (unsigned long long)p.u.value.a);
		ret = -EOPNOTSUPP;
		goto err_ctx;
	}
	tee_client_close_context(ctx);

	for (i = 0; i < agent->num_chans; i++) {
		ret = optee_pick_mode(&agent->chans[i], oa->caps, err, err_len);
		if (ret)
			goto err_free;
	}
	agent->tpriv = oa;
	return 0;

err_ctx:
	tee_client_close_context(ctx);
err_free:
	free(oa);
	return ret;
}

static void optee_remove(struct scmi_agent *agent)
{
	free(agent->tpriv);
	agent->tpriv = NULL;
}

static int optee_setup_static_smt(struct scmi_chan_info *cinfo, struct optee_chan *oc, char *err,
				  size_t err_len)
{
	uint64_t addr = cinfo->dt.shmem_addr, size = cinfo->dt.shmem_size;
	struct tee_static_shm st;
	int ret;

	if (size < cinfo->agent->max_msg_size + OPTEE_SMT_OVERHEAD) {
		scmi_set_err(err, err_len,
			     "channel %u: shmem of %llu bytes is too small for %zu-byte messages",
			     cinfo->dt.channel_id, (unsigned long long)size,
			     cinfo->agent->max_msg_size);
		return -ENOSPC;
	}
	/* The TEE hands over the whole region holding ours, or refuses. */
	ret = tee_client_static_shm(oc->ctx, oc->session, addr, size, &st);
	if (ret == -ENOENT || ret == -ENODEV) {
		scmi_set_err(err, err_len,
			     "channel %u: shmem 0x%llx+0x%llx lies outside the TEE's static memory",
			     cinfo->dt.channel_id, (unsigned long long)addr,
			     (unsigned long long)size);
		return -EINVAL;
	}
	if (ret == -EACCES) {
		scmi_set_err(err, err_len,
			     "channel %u: the TEE refused us the shmem region 0x%llx+0x%llx (not a "
			     "peer of this channel's agent)",
			     cinfo->dt.channel_id, (unsigned long long)addr,
			     (unsigned long long)size);
		return -EACCES;
	}
	if (ret) {
		scmi_set_err(err, err_len, "channel %u: no static shared memory from the TEE: %s",
			     cinfo->dt.channel_id, strerror(-ret));
		return ret;
	}
	oc->stat = st;
	oc->buf = (uint8_t *)st.addr + (addr - st.base);
	oc->size = (size_t)size;
	return 0;
}

static int optee_setup_buffer(struct scmi_chan_info *cinfo, struct optee_chan *oc, size_t size,
			      char *err, size_t err_len)
{
	int ret;

	ret = tee_shm_alloc(oc->ctx, size, &oc->shm);
	if (ret) {
		scmi_set_err(err, err_len,
			     "channel %u: cannot allocate %zu bytes of TEE memory: %s",
			     cinfo->dt.channel_id, size, strerror(-ret));
		oc->shm = NULL;
		return ret;
	}
	oc->buf = tee_shm_get_va(oc->shm);
	oc->size = tee_shm_get_size(oc->shm);
	return 0;
}

static void optee_chan_close(struct optee_chan *oc)
{
	tee_shm_free(oc->shm);
	if (oc->has_session && !tee_client_is_broken(oc->ctx))
		tee_client_close_session(oc->ctx, oc->session);
	tee_client_close_context(oc->ctx);
	memset(oc, 0, sizeof(*oc));
}

static int optee_chan_open(struct scmi_chan_info *cinfo, struct optee_chan *oc, char *err,
			   size_t err_len)
{
	struct optee_agent *oa = cinfo->agent->tpriv;
	size_t max = cinfo->agent->max_msg_size, size;
	struct tee_param p = {.attr = TEE_PARAM_TYPE_VALUE_INOUT};
	int ret;

	ret = optee_open_context(oa, cinfo->timeout_ms, &oc->ctx, err, err_len);
	if (ret)
		return ret;
	ret = optee_open_session(oc->ctx, &oc->session, err, err_len);
	if (ret)
		return ret;
	oc->has_session = true;

	p.u.value.a = cinfo->dt.channel_id;
	p.u.value.b =
	    cinfo->mode == SCMI_MODE_MSG ? PTA_SCMI_CAPS_MSG_HEADER : PTA_SCMI_CAPS_SMT_HEADER;
	ret = optee_invoke(oc->ctx, oc->session, PTA_SCMI_CMD_GET_CHANNEL_HANDLE, &p, 1, err,
			   err_len);
	if (ret == -EIO) {
		scmi_set_err(err, err_len, "the SCMI PTA refused channel %u in mode %s",
			     cinfo->dt.channel_id, scmi_mode_name(cinfo->mode));
		return -EOPNOTSUPP;
	}
	if (ret)
		return ret;
	oc->handle = (uint32_t)p.u.value.a;

	switch (cinfo->mode) {
	case SCMI_MODE_SMT:
		return optee_setup_static_smt(cinfo, oc, err, err_len);
	case SCMI_MODE_SMT_MEMREF:
		/* Room for the SMT header, status word and a full reply; the PTA wants >= 128. */
		size = max + SCMI_SMT_HDR_SIZE + 4;
		ret = optee_setup_buffer(
		    cinfo, oc, size > SCMI_SMT_MIN_SIZE ? size : SCMI_SMT_MIN_SIZE, err, err_len);
		if (!ret)
			scmi_shmem_get_ops()->clear_channel(oc->buf, oc->size);
		return ret;
	case SCMI_MODE_MSG:
		return optee_setup_buffer(cinfo, oc, scmi_msg_get_ops()->response_size(max), err,
					  err_len);
	case SCMI_MODE_AUTO:
		break;
	}
	return -EINVAL;
}

static int optee_chan_setup(struct scmi_chan_info *cinfo, char *err, size_t err_len)
{
	struct optee_chan *oc;
	int ret;

	oc = calloc(1, sizeof(*oc));
	if (!oc)
		return -ENOMEM;
	ret = optee_chan_open(cinfo, oc, err, err_len);
	if (ret) {
		optee_chan_close(oc);
		free(oc);
		return ret;
	}
	cinfo->transport_info = oc;
	return 0;
}

static void optee_chan_free(struct scmi_chan_info *cinfo)
{
	struct optee_chan *oc = cinfo->transport_info;

	if (!oc)
		return;
	optee_chan_close(oc);
	free(oc);
	cinfo->transport_info = NULL;
}

/*
 * Take back an SMT area nobody owns any more. Called only where no message of anyone can
 * be in flight on it: our own memref buffer, or a static area under its lock once our own
 * invoke has returned. A busy area there was abandoned: by the platform, which returned
 * without handing it back; by a request of ours that failed at the transport; by a process
 * killed mid-message. Waiting for it (tx_prepare's 2x timeout) could only end in -EBUSY.
 * A late reply to the abandoned request would fail the token check.
 */
static void optee_reclaim(struct optee_chan *oc)
{
	if (oc->size >= SCMI_SMT_HDR_SIZE &&
	    !(scmi_smt_read32(oc->buf, SCMI_SMT_OFF_STATUS) & SCMI_SMT_STATUS_FREE))
		scmi_shmem_get_ops()->clear_channel(oc->buf, oc->size);
}

static int optee_send_message(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer)
{
	struct optee_chan *oc = cinfo->transport_info;
	struct tee_param p[3];
	size_t num = 1;
	uint32_t func;
	int ret;

	if (oc->need_resetup || !oc->ctx) {
		char why[96] = "";

		optee_chan_close(oc);
		ret = optee_chan_open(cinfo, oc, why, sizeof(why));
		if (ret) {
			optee_chan_close(oc);
			oc->need_resetup = true;
			scmi_set_err(xfer->err, sizeof(xfer->err), "channel %u re-setup failed: %s",
				     cinfo->dt.channel_id, why);
			return -EAGAIN;
		}
		/* A static area the broken request left busy is reclaimed below, under the lock. */
	}

	memset(p, 0, sizeof(p));
	p[0].attr = TEE_PARAM_TYPE_VALUE_INPUT;
	p[0].u.value.a = oc->handle;
	switch (cinfo->mode) {
	case SCMI_MODE_SMT:
		/* As long as tx_prepare would wait for the area itself. */
		ret = tee_static_shm_lock(&oc->stat, 2 * cinfo->timeout_ms);
		if (ret == -EBUSY) {
			scmi_set_err(xfer->err, sizeof(xfer->err),
				     "channel %u held by another process for %u ms",
				     cinfo->dt.channel_id, 2 * cinfo->timeout_ms);
			return ret;
		}
		if (ret) {
			scmi_set_err(xfer->err, sizeof(xfer->err),
				     "channel %u: cannot lock the static area: %s",
				     cinfo->dt.channel_id, strerror(-ret));
			return ret;
		}
		oc->locked = true;
		optee_reclaim(oc);
		ret = scmi_shmem_get_ops()->tx_prepare(oc->buf, oc->size, xfer, cinfo->timeout_ms);
		func = PTA_SCMI_CMD_PROCESS_SMT_CHANNEL;
		break;
	case SCMI_MODE_SMT_MEMREF:
		optee_reclaim(oc);
		ret = scmi_shmem_get_ops()->tx_prepare(oc->buf, oc->size, xfer, cinfo->timeout_ms);
		func = PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE;
		p[1].attr = TEE_PARAM_TYPE_MEMREF_INOUT;
		p[1].u.memref.shm = oc->shm;
		p[1].u.memref.size = oc->size;
		num = 2;
		break;
	case SCMI_MODE_MSG:
		ret = scmi_msg_get_ops()->tx_prepare(oc->buf, oc->size, xfer);
		func = PTA_SCMI_CMD_PROCESS_MSG_CHANNEL;
		/* One buffer as both request and reply, as Linux does. */
		p[1].attr = TEE_PARAM_TYPE_MEMREF_INPUT;
		p[1].u.memref.shm = oc->shm;
		p[1].u.memref.size = scmi_msg_get_ops()->command_size(xfer);
		p[2].attr = TEE_PARAM_TYPE_MEMREF_OUTPUT;
		p[2].u.memref.shm = oc->shm;
		p[2].u.memref.size = oc->size;
		num = 3;
		break;
	default:
		return -EINVAL;
	}
	if (ret)
		return ret;

	ret = optee_invoke(oc->ctx, oc->session, func, p, num, xfer->err, sizeof(xfer->err));
	if (ret && (optee_is_broken(ret) || tee_client_is_broken(oc->ctx)))
		oc->need_resetup = true;
	if (!ret && cinfo->mode == SCMI_MODE_MSG)
		oc->rx_len = p[2].u.memref.size;
	return ret;
}

static int optee_fetch_response(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer)
{
	struct optee_chan *oc = cinfo->transport_info;

	if (cinfo->mode == SCMI_MODE_MSG)
		return scmi_msg_get_ops()->fetch_response(oc->buf, oc->size, oc->rx_len, xfer);
	return scmi_shmem_get_ops()->fetch_response(oc->buf, oc->size, xfer);
}

/*
 * The reply is read, or the transfer failed: an area left busy is reclaimed now rather than
 * at the next message, then the static area is free for the next process.
 */
static void optee_mark_txdone(struct scmi_chan_info *cinfo, int ret, struct scmi_xfer *xfer)
{
	struct optee_chan *oc = cinfo->transport_info;

	(void)ret;
	(void)xfer;
	if (!oc || !oc->buf)
		return;
	if (oc->locked || cinfo->mode == SCMI_MODE_SMT_MEMREF)
		optee_reclaim(oc);
	if (oc->locked) {
		tee_static_shm_unlock(&oc->stat);
		oc->locked = false;
	}
}

static const struct scmi_transport_ops optee_ops = {
    .probe = optee_probe,
    .remove = optee_remove,
    .chan_setup = optee_chan_setup,
    .chan_free = optee_chan_free,
    .send_message = optee_send_message,
    .fetch_response = optee_fetch_response,
    .mark_txdone = optee_mark_txdone,
};

const struct scmi_transport_desc scmi_optee_desc = {
    .name = "optee",
    .ops = &optee_ops,
    .max_rx_timeout_ms = SCMI_DEFAULT_TIMEOUT_MS,
    .max_msg = 20,
    .max_msg_size = SCMI_DEFAULT_MAX_MSG_SIZE,
    .sync_cmds_completed_on_ret = true,
};
