// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SCMI pseudo-TA of optee-simd: the daemon's host of the PTA core
 * (src/pta/pta_scmi_core.h), which does the command handling and OP-TEE's
 * parameter checks, the same code the secure firmware runs.
 *
 * Theory of operation. What the daemon adds around the core: sessions that
 * remember who opened them (the client's uid/gid), a peer check (a channel
 * may be driven only by a peer its agent allows, the platform DT's peer-uids
 * / peer-gids), one lock per channel, static SMT areas mapped from the
 * daemon's static regions, and fault injection (fault_inject.h).
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
 * Concurrency. One lock per channel. A second caller on a busy channel
 * waits for the first to finish, as SCP-firmware's optee_mbx does, rather
 * than failing with BUSY / ERROR|FREE as OP-TEE's scmi-msg does: an agent
 * that serialises its own channel never notices, and one that does not gets
 * a response instead of a spurious transport error. Different channels run
 * in parallel; the server keeps no mutable global state.
 *
 * Faults: only when armed (fault_inject_armed(), set by the first rule) does
 * a message go through the injector; otherwise the host calls the server
 * directly under the channel lock, and the injector is never entered.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ipc/futex_lock.h"
#include "platform/sim/sim_access.h"
#include "platform/sim/sim_platform.h"
#include "pta/pta_scmi_core.h"
#include "scmi/proto/pta.h"
#include "secure/fault_inject.h"
#include "secure/msg_tap.h"
#include "secure/pta_scmi.h"

/**
 * struct pta_sess - one session.
 * @uid, @gid: the client's credentials at open time
 * @allowed:   per channel of the core (same index), whether this peer may drive it
 */
struct pta_sess {
	uint32_t uid;
	uint32_t gid;
	bool allowed[];
};

/**
 * struct pta_scmi - the daemon's PTA.
 * @core:   the command handling; its channels' host pointers are entries of @locks
 * @armed:  where the injector says whether it is armed (fault_inject_armed_flag())
 * @plat:   the platform (peers)
 * @chans:  the core's channels
 * @locks:  one lock per channel (futex_lock()), held while the server processes its message;
 *          each alone on its cache line, as the channels are
 * @faults: faults on demand (fault_inject.h); NULL: none
 */
/** struct chan_lock - a channel's lock word (ipc/futex_lock.h), alone on its cache line. */
struct chan_lock {
	_Alignas(PTA_SCMI_CHAN_ALIGN) uint32_t word;
};

struct pta_scmi {
	struct pta_scmi_core core;
	const struct sim_platform *plat;
	struct pta_scmi_chan *chans;
	struct chan_lock *locks;
	struct fault_inject *faults;
	const bool *armed;
};

void pta_scmi_set_faults(struct pta_scmi *pta, struct fault_inject *fi)
{
	pta->faults = fi;
	pta->armed = fault_inject_armed_flag(fi);
}

/*
 * A channel's lock is a futex word (ipc/futex_lock.h): it does what a pthread mutex did
 * here, a second caller on the channel sleeping until the first is done, for a
 * compare-and-swap each way when nobody waits.
 */
static void chan_lock_fn(void *w)
{
	futex_lock(w);
}

static void chan_unlock_fn(void *w)
{
	futex_unlock(w);
}

/* Whether a client with @uid/@gid may drive channel @id (its agent allows the peer). */
static bool peer_allowed(const struct pta_scmi *pta, uint32_t id, uint32_t uid, uint32_t gid)
{
	const struct sim_channel *c = sim_platform_channel(pta->plat, id);

	return c && sim_platform_peer_allowed(pta->plat, c->agent_id, uid, gid);
}

/*
 * The verdict the session took at open: a session's credentials, the platform's channels,
 * their agents and the agents' peers are all fixed by then, so it cannot have changed.
 */
static bool host_peer_allowed(void *ctx, const void *sess, const struct pta_scmi_chan *ch)
{
	const struct pta_scmi *pta = ctx;
	const struct pta_sess *s = sess;

	return s && s->allowed[ch - pta->core.chans];
}

static void host_lock(void *ctx, struct pta_scmi_chan *ch)
{
	(void)ctx;
	futex_lock(ch->host);
}

static void host_unlock(void *ctx, struct pta_scmi_chan *ch)
{
	(void)ctx;
	futex_unlock(ch->host);
}

static enum scmi_server_result host_process_smt(void *ctx, struct pta_scmi_chan *ch,
						volatile void *shm, size_t size)
{
	struct pta_scmi *pta = ctx;
	enum scmi_server_result r;

	if (__atomic_load_n(pta->armed, __ATOMIC_ACQUIRE)) {
		const struct fault_chan_lock lk = {chan_lock_fn, chan_unlock_fn, ch->host};

		return fault_inject_process_smt_with(pta->faults, pta->core.srv, ch->id, shm, size,
						     &lk);
	}
	futex_lock(ch->host);
	r = msg_tap_process_smt(pta->core.srv, ch->id, shm, size);
	futex_unlock(ch->host);
	return r;
}

static enum scmi_server_result host_process_msg(void *ctx, struct pta_scmi_chan *ch,
						const volatile void *in, size_t in_size,
						volatile void *out, size_t *out_size)
{
	struct pta_scmi *pta = ctx;
	enum scmi_server_result r;

	if (__atomic_load_n(pta->armed, __ATOMIC_ACQUIRE)) {
		const struct fault_chan_lock lk = {chan_lock_fn, chan_unlock_fn, ch->host};

		return fault_inject_process_msg_with(pta->faults, pta->core.srv, ch->id, in,
						     in_size, out, out_size, &lk);
	}
	futex_lock(ch->host);
	r = msg_tap_process_msg(pta->core.srv, ch->id, in, in_size, out, out_size);
	futex_unlock(ch->host);
	return r;
}

static const struct pta_scmi_host_ops host_ops = {
    .peer_allowed = host_peer_allowed,
    .lock = host_lock,
    .unlock = host_unlock,
    .process_smt = host_process_smt,
    .process_msg = host_process_msg,
};

/* @n zeroed objects of @size bytes, each on its own cache lines (@size a multiple of them). */
static void *calloc_lines(size_t n, size_t size)
{
	void *p;

	if (size % PTA_SCMI_CHAN_ALIGN || n > SIZE_MAX / size)
		return NULL;
	p = aligned_alloc(PTA_SCMI_CHAN_ALIGN, n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

struct pta_scmi *pta_scmi_new(struct scmi_server *server, const struct sim_platform *plat,
			      uint32_t caps, pta_scmi_static_fn static_area, void *static_ctx)
{
	struct pta_scmi *pta;
	size_t n, num = 0;

	if (!server || !plat)
		return NULL;
	pta = calloc(1, sizeof(*pta));
	if (!pta)
		return NULL;
	pta->plat = plat;
	pta->armed = fault_inject_armed_flag(NULL);
	n = sim_platform_num_channels(plat);
	if (n) {
		pta->chans = calloc_lines(n, sizeof(*pta->chans));
		pta->locks = calloc_lines(n, sizeof(*pta->locks));
		if (!pta->chans || !pta->locks)
			goto err_free;
	}
	for (size_t i = 0; i < n; i++) {
		const struct sim_channel *ch = sim_platform_channel_at(plat, i);
		struct pta_scmi_chan *pc = &pta->chans[num];

		if (!ch)
			continue;
		pc->id = ch->id;
		/* A region without static memory behind it is unusable: cmd 1 refuses it. */
		if (ch->has_shmem && ch->shmem_size && static_area) {
			pc->smt = static_area(static_ctx, ch->shmem_addr, ch->shmem_size);
			if (pc->smt)
				pc->smt_size = (size_t)ch->shmem_size;
		}
		/* Zeroed by calloc(): free. */
		pc->host = &pta->locks[num].word;
		num++;
	}
	pta_scmi_core_init(&pta->core, server, caps, pta->chans, num, &host_ops, pta);
	return pta;

err_free:
	free(pta->locks);
	free(pta->chans);
	free(pta);
	return NULL;
}

void pta_scmi_set_max_payload(struct pta_scmi *pta, uint32_t bytes)
{
	pta->core.max_payload = bytes;
}

void pta_scmi_free(struct pta_scmi *pta)
{
	if (!pta)
		return;
	free(pta->locks);
	free(pta->chans);
	free(pta);
}

static uint32_t pta_open_session(void *pta_ctx, uint32_t login, const struct optee_sim_cred *cred,
				 void **sess_ctx)
{
	const struct pta_scmi *pta = pta_ctx;
	struct pta_sess *s;
	uint32_t res;

	*sess_ctx = NULL;
	res = pta_scmi_core_open(login);
	if (res != TEE_SUCCESS)
		return res;
	s = calloc(1, sizeof(*s) + pta->core.num_chans * sizeof(s->allowed[0]));
	if (!s)
		return TEE_ERROR_OUT_OF_MEMORY;
	s->uid = (uint32_t)cred->uid;
	s->gid = (uint32_t)cred->gid;
	/* Every peer check the session will ever need, taken once (host_peer_allowed()). */
	for (size_t i = 0; i < pta->core.num_chans; i++)
		s->allowed[i] = peer_allowed(pta, pta->core.chans[i].id, s->uid, s->gid);
	*sess_ctx = s;
	return TEE_SUCCESS;
}

static void pta_close_session(void *pta_ctx, void *sess_ctx)
{
	(void)pta_ctx;
	free(sess_ctx);
}

/* The TEE core's parameters and the PTA core's are alike to the byte: copied whole. */
_Static_assert(TEE_NUM_PARAMS == PTA_SCMI_CORE_NUM_PARAMS, "GP has four parameters");
_Static_assert(sizeof(struct pta_param) == sizeof(struct pta_scmi_param), "same layout");
_Static_assert(offsetof(struct pta_param, value.a) == offsetof(struct pta_scmi_param, value.a) &&
		   offsetof(struct pta_param, value.b) == offsetof(struct pta_scmi_param, value.b),
	       "same layout");
_Static_assert(offsetof(struct pta_param, memref.buffer) ==
		       offsetof(struct pta_scmi_param, memref.buffer) &&
		   offsetof(struct pta_param, memref.size) ==
		       offsetof(struct pta_scmi_param, memref.size),
	       "same layout");

static uint32_t pta_invoke(void *pta_ctx, void *sess_ctx, uint32_t cmd, uint32_t types,
			   struct pta_param params[TEE_NUM_PARAMS])
{
	struct pta_scmi *pta = pta_ctx;
	struct pta_scmi_param p[PTA_SCMI_CORE_NUM_PARAMS];
	uint32_t res;

	/* Two types, not one: memcpy, not a cast, so that neither aliases the other. */
	memcpy(p, params, sizeof(p));
	res = pta_scmi_core_invoke(&pta->core, sess_ctx, cmd, types, p);
	memcpy(params, p, sizeof(p));
	return res;
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
