// SPDX-License-Identifier: BSD-3-Clause
/*
 * The emulated TEE core.
 *
 * Theory of operation. The core holds the registered pseudo-TAs (by UUID),
 * the per-client limits and the static-memory provider; all of it is set up
 * before the first client exists and is read-only afterwards, so it needs no
 * lock. A client holds two tables: its sessions and its registered shared
 * memory. A client is used by one thread at a time (its connection's, or its
 * fast lane's under the connection's lock), so its tables need no lock
 * either; different clients share nothing mutable,
 * which is what lets many clients run on many threads at once. PTAs that
 * serialise anything do it themselves (the SCMI PTA locks per channel).
 *
 * Ids: a session id is its slot index + 1 (so ids start at 1, as user space
 * never sees session 0), a shared-memory id is its slot index (>= 0). Freed
 * slots are reused lowest first, like Linux's idr.
 *
 * Parameters arrive in the shape of struct tee_ioctl_param and are checked
 * the way Linux's TEE subsystem and OP-TEE's entry code check them before a
 * PTA sees them: every attribute is a known type, every memref names
 * registered memory by id and its [offset, offset + size) window lies within
 * that memory. A memref of size 0 reaches the PTA as a NULL buffer (OP-TEE).
 * More than TEE_NUM_PARAMS parameters is OP-TEE's core's own refusal, before
 * any PTA runs: a verdict (BAD_PARAMETERS, origin TEE), not an ioctl error.
 *
 * Static shared memory is the kernel's: on a board only the kernel maps the
 * arm,scmi-shmem carveouts. So a client gets a region only through a session
 * it opened with a REE-kernel login (which only trusted peers may claim), and
 * only the region the provider (the secure world) says is its peer's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "secure/tee_core.h"

#define CORE_DEFAULT_MAX_SESSIONS 64u
#define CORE_DEFAULT_MAX_SHM	  256u

/**
 * struct core_pta - a registered PTA.
 * @ops: its entry points
 * @ctx: its context, passed to every entry point
 */
struct core_pta {
	const struct pta_ops *ops;
	void *ctx;
};

/**
 * struct optee_sim_core - the core.
 * @limits:     per-client limits
 * @ptas:       registered PTAs
 * @num_ptas:   entries in @ptas
 * @static_ops: the static-memory provider (NULL: none)
 * @static_ctx: its context
 * @one_region: the region of optee_sim_core_set_static_shm()
 */
struct optee_sim_core {
	struct optee_sim_limits limits;
	struct core_pta *ptas;
	size_t num_ptas;
	const struct optee_sim_static_ops *static_ops;
	void *static_ctx;
	struct optee_sim_static_region one_region;
};

/**
 * struct client_session - an open session.
 * @used:     the slot holds a session
 * @pta:      the PTA it is open on
 * @sess_ctx: what the PTA's open_session returned
 * @login:    the login it was opened with
 */
struct client_session {
	bool used;
	const struct core_pta *pta;
	void *sess_ctx;
	uint32_t login;
};

/**
 * struct client_shm - registered shared memory.
 * @used:        the slot holds memory
 * @addr, @size: the memory, as mapped in this process
 * @release:     called when the core drops it (may be NULL)
 * @release_arg: its first argument
 */
struct client_shm {
	bool used;
	void *addr;
	size_t size;
	void (*release)(void *release_arg, void *addr, size_t size);
	void *release_arg;
};

struct optee_sim_client {
	struct optee_sim_core *core;
	struct optee_sim_cred cred;
	struct client_session *sessions;
	size_t sessions_cap;
	size_t num_sessions;
	struct client_shm *shm;
	size_t shm_cap;
	size_t num_shm;
};

struct optee_sim_core *optee_sim_core_new(const struct optee_sim_limits *limits)
{
	struct optee_sim_core *core = calloc(1, sizeof(*core));

	if (!core)
		return NULL;
	core->limits.max_sessions = CORE_DEFAULT_MAX_SESSIONS;
	core->limits.max_shm = CORE_DEFAULT_MAX_SHM;
	if (limits && limits->max_sessions)
		core->limits.max_sessions = limits->max_sessions;
	if (limits && limits->max_shm)
		core->limits.max_shm = limits->max_shm;
	core->one_region.fd = -1;
	return core;
}

void optee_sim_core_free(struct optee_sim_core *core)
{
	if (!core)
		return;
	free(core->ptas);
	free(core);
}

static const struct core_pta *core_find_pta(const struct optee_sim_core *core,
					    const uint8_t uuid[TEE_UUID_SIZE])
{
	for (size_t i = 0; i < core->num_ptas; i++) {
		if (!memcmp(core->ptas[i].ops->uuid, uuid, TEE_UUID_SIZE))
			return &core->ptas[i];
	}
	return NULL;
}

int optee_sim_core_add_pta(struct optee_sim_core *core, const struct pta_ops *pta, void *pta_ctx)
{
	struct core_pta *ptas;

	if (!core || !pta || !pta->invoke)
		return -EINVAL;
	if (core_find_pta(core, pta->uuid))
		return -EEXIST;
	ptas = realloc(core->ptas, (core->num_ptas + 1) * sizeof(*ptas));
	if (!ptas)
		return -ENOMEM;
	ptas[core->num_ptas].ops = pta;
	ptas[core->num_ptas].ctx = pta_ctx;
	core->ptas = ptas;
	core->num_ptas++;
	return 0;
}

void optee_sim_core_set_static(struct optee_sim_core *core, const struct optee_sim_static_ops *ops,
			       void *ctx)
{
	core->static_ops = ops;
	core->static_ctx = ctx;
}

/* The provider of optee_sim_core_set_static_shm(): one region, for every kernel session. */
static int one_region_find(void *ctx, const struct optee_sim_cred *cred, uint64_t addr,
			   uint64_t size, struct optee_sim_static_region *out)
{
	const struct optee_sim_static_region *r = ctx;

	(void)cred;
	if (addr < r->base || addr - r->base >= r->size || size > r->size - (addr - r->base))
		return -ENOENT;
	*out = *r;
	return 0;
}

static const struct optee_sim_static_ops one_region_ops = {.find = one_region_find};

void optee_sim_core_set_static_shm(struct optee_sim_core *core, int fd, void *addr, uint64_t base,
				   size_t size)
{
	core->one_region =
	    (struct optee_sim_static_region){.fd = fd, .map = addr, .base = base, .size = size};
	if (addr && size)
		optee_sim_core_set_static(core, &one_region_ops, &core->one_region);
	else
		optee_sim_core_set_static(core, NULL, NULL);
}

struct optee_sim_client *optee_sim_client_new(struct optee_sim_core *core,
					      const struct optee_sim_cred *cred)
{
	struct optee_sim_client *client;

	if (!core || !cred)
		return NULL;
	client = calloc(1, sizeof(*client));
	if (!client)
		return NULL;
	client->core = core;
	client->cred = *cred;
	return client;
}

static void session_close(struct client_session *s)
{
	if (s->pta->ops->close_session)
		s->pta->ops->close_session(s->pta->ctx, s->sess_ctx);
	memset(s, 0, sizeof(*s));
}

static void shm_drop(struct client_shm *m)
{
	if (m->release)
		m->release(m->release_arg, m->addr, m->size);
	memset(m, 0, sizeof(*m));
}

void optee_sim_client_free(struct optee_sim_client *client)
{
	if (!client)
		return;
	/* Sessions first: a PTA closing a session may still look at the memory. */
	for (size_t i = 0; i < client->sessions_cap; i++) {
		if (client->sessions[i].used)
			session_close(&client->sessions[i]);
	}
	for (size_t i = 0; i < client->shm_cap; i++) {
		if (client->shm[i].used)
			shm_drop(&client->shm[i]);
	}
	free(client->sessions);
	free(client->shm);
	free(client);
}

/*
 * Grow a table of @elem-byte slots so that one slot is free, never past @limit
 * slots. The number of used slots is @used; returns the index of a free slot,
 * or -ENOMEM.
 */
static long table_free_slot(void **table, size_t *cap, size_t used, size_t elem, size_t limit,
			    size_t used_off)
{
	size_t new_cap;
	uint8_t *t;

	if (used < *cap) {
		for (size_t i = 0; i < *cap; i++) {
			if (!*((uint8_t *)*table + i * elem + used_off))
				return (long)i;
		}
	}
	new_cap = *cap ? *cap * 2 : 8;
	if (new_cap > limit)
		new_cap = limit;
	if (new_cap <= *cap)
		return -ENOMEM;
	t = realloc(*table, new_cap * elem);
	if (!t)
		return -ENOMEM;
	memset(t + *cap * elem, 0, (new_cap - *cap) * elem);
	*table = t;
	*cap = new_cap;
	return (long)(used);
}

static struct client_session *client_session(struct optee_sim_client *client, uint32_t id)
{
	if (id == 0 || id > client->sessions_cap || !client->sessions[id - 1].used)
		return NULL;
	return &client->sessions[id - 1];
}

static struct client_shm *client_shm(struct optee_sim_client *client, uint64_t id)
{
	if (id >= client->shm_cap || !client->shm[id].used)
		return NULL;
	return &client->shm[id];
}

/*
 * Check @params and turn them into what a PTA sees. Parameters past
 * @num_params are NONE. Returns 0 and the param-types word in @types, or -EINVAL.
 */
static int params_to_pta(struct optee_sim_client *client, const struct tee_ioctl_param *params,
			 size_t num_params, struct pta_param out[TEE_NUM_PARAMS], uint32_t *types)
{
	uint32_t t = 0;

	if (num_params > TEE_NUM_PARAMS || (num_params && !params))
		return -EINVAL;
	memset(out, 0, TEE_NUM_PARAMS * sizeof(*out));
	for (size_t i = 0; i < num_params; i++) {
		const struct tee_ioctl_param *p = &params[i];
		const struct client_shm *m;

		/* One switch both checks the type and converts the parameter. */
		switch (p->attr) {
		case TEE_PARAM_TYPE_NONE:
			continue;
		case TEE_PARAM_TYPE_VALUE_INPUT:
		case TEE_PARAM_TYPE_VALUE_OUTPUT:
		case TEE_PARAM_TYPE_VALUE_INOUT:
			/* A TA's values are 32-bit: OP-TEE keeps the low halves. */
			out[i].value.a = (uint32_t)p->a;
			out[i].value.b = (uint32_t)p->b;
			break;
		case TEE_PARAM_TYPE_MEMREF_INPUT:
		case TEE_PARAM_TYPE_MEMREF_OUTPUT:
		case TEE_PARAM_TYPE_MEMREF_INOUT:
			m = client_shm(client, p->c);
			if (!m)
				return -EINVAL;
			/* offset + size <= shm size, written so that it cannot overflow. */
			if (p->a > m->size || p->b > m->size - p->a)
				return -EINVAL;
			out[i].memref.size = (size_t)p->b;
			out[i].memref.buffer = p->b ? (uint8_t *)m->addr + p->a : NULL;
			break;
		default:
			return -EINVAL;
		}
		t |= (uint32_t)p->attr << (i * 4);
	}
	*types = t;
	return 0;
}

/*
 * In a parameter type, bit 1 says the TA writes the parameter (OUTPUT, INOUT) and bit 2 that
 * it is a memory reference: how OP-TEE numbers them (tee.h).
 */
#define ATTR_OUT      2u
#define ATTR_MEMREF   4u
#define ATTR_FLAGS(t) ((t) & (ATTR_OUT | ATTR_MEMREF))
_Static_assert(ATTR_FLAGS(TEE_PARAM_TYPE_NONE) == 0 &&
		   ATTR_FLAGS(TEE_PARAM_TYPE_VALUE_INPUT) == 0 &&
		   ATTR_FLAGS(TEE_PARAM_TYPE_VALUE_OUTPUT) == ATTR_OUT &&
		   ATTR_FLAGS(TEE_PARAM_TYPE_VALUE_INOUT) == ATTR_OUT &&
		   ATTR_FLAGS(TEE_PARAM_TYPE_MEMREF_INPUT) == ATTR_MEMREF &&
		   ATTR_FLAGS(TEE_PARAM_TYPE_MEMREF_OUTPUT) == (ATTR_OUT | ATTR_MEMREF) &&
		   ATTR_FLAGS(TEE_PARAM_TYPE_MEMREF_INOUT) == (ATTR_OUT | ATTR_MEMREF),
	       "bit 1 of a parameter type is 'written by the TA', bit 2 'memory reference'");

/*
 * Write the PTA's outputs back into the caller's parameters, whose types params_to_pta()
 * checked and gave in @types: only the parameters the TA writes are visited.
 */
static void params_from_pta(struct tee_ioctl_param *params, uint32_t types,
			    const struct pta_param in[TEE_NUM_PARAMS])
{
	uint32_t outs = types & TEE_PARAM_TYPES(ATTR_OUT, ATTR_OUT, ATTR_OUT, ATTR_OUT);

	for (; outs; outs &= outs - 1u) {
		unsigned int i = (unsigned int)__builtin_ctz(outs) / 4u;
		struct tee_ioctl_param *p = &params[i];

		if (TEE_PARAM_TYPE_GET(types, i) & ATTR_MEMREF) {
			/* Also on SHORT_BUFFER: the size is then the one the TA needs. */
			p->b = in[i].memref.size;
		} else {
			p->a = in[i].value.a;
			p->b = in[i].value.b;
			p->c = 0;
		}
	}
}

static bool login_is_kernel(uint32_t login)
{
	return login >= TEE_LOGIN_REE_KERNEL_MIN && login <= TEE_LOGIN_REE_KERNEL_MAX;
}

/*
 * OP-TEE's entry code refuses more parameters than a TA takes before it looks any further
 * (copy_in_params): a TEE verdict. Returns true when it did (the verdict is in @ret/@origin).
 */
static bool too_many_params(size_t num_params, uint32_t *ret, uint32_t *origin)
{
	if (num_params <= TEE_NUM_PARAMS)
		return false;
	*ret = TEE_ERROR_BAD_PARAMETERS;
	*origin = TEE_ORIGIN_TEE;
	return true;
}

int optee_sim_open_session(struct optee_sim_client *client, struct tee_open_session_arg *arg,
			   struct tee_ioctl_param *params, size_t num_params)
{
	struct pta_param pp[TEE_NUM_PARAMS];
	const struct core_pta *pta;
	struct client_session *s;
	void *sess_ctx = NULL;
	uint32_t types;
	uint32_t verdict;
	long slot;
	int rc;

	if (!client || !arg)
		return -EINVAL;
	/* Linux refuses the kernel's logins to user space; a trusted peer stands for the kernel. */
	if (login_is_kernel(arg->clnt_login) && !client->cred.kernel_login_allowed)
		return -EPERM;
	if (num_params > OPTEE_SIM_WIRE_MAX_PARAMS || (num_params && !params))
		return -EINVAL;
	if (too_many_params(num_params, &arg->ret, &arg->ret_origin))
		return 0;
	/* PTAs take no open-session parameters, but malformed ones are still refused. */
	rc = params_to_pta(client, params, num_params, pp, &types);
	if (rc)
		return rc;
	pta = core_find_pta(client->core, arg->uuid);
	if (!pta) {
		arg->ret = TEE_ERROR_ITEM_NOT_FOUND;
		arg->ret_origin = TEE_ORIGIN_TEE;
		return 0;
	}
	if (client->num_sessions >= client->core->limits.max_sessions)
		return -EMFILE;
	/* Take the slot before the PTA opens, so nothing can fail after it did. */
	slot =
	    table_free_slot((void **)&client->sessions, &client->sessions_cap, client->num_sessions,
			    sizeof(*client->sessions), client->core->limits.max_sessions,
			    offsetof(struct client_session, used));
	if (slot < 0)
		return (int)slot;
	verdict = TEE_SUCCESS;
	if (pta->ops->open_session_cred)
		verdict = pta->ops->open_session_cred(pta->ctx, arg->clnt_login, &client->cred,
						      &sess_ctx);
	else if (pta->ops->open_session)
		verdict = pta->ops->open_session(pta->ctx, arg->clnt_login, &sess_ctx);
	arg->ret = verdict;
	arg->ret_origin = TEE_ORIGIN_TRUSTED_APP;
	if (verdict != TEE_SUCCESS)
		return 0;
	s = &client->sessions[slot];
	s->used = true;
	s->pta = pta;
	s->sess_ctx = sess_ctx;
	s->login = arg->clnt_login;
	client->num_sessions++;
	arg->session = (uint32_t)slot + 1;
	return 0;
}

int optee_sim_invoke(struct optee_sim_client *client, struct tee_invoke_arg *arg,
		     struct tee_ioctl_param *params, size_t num_params)
{
	struct pta_param pp[TEE_NUM_PARAMS];
	struct client_session *s;
	uint32_t types;
	int rc;

	if (!client || !arg || num_params > OPTEE_SIM_WIRE_MAX_PARAMS || (num_params && !params))
		return -EINVAL;
	if (too_many_params(num_params, &arg->ret, &arg->ret_origin))
		return 0;
	s = client_session(client, arg->session);
	if (!s)
		return -EINVAL;
	rc = params_to_pta(client, params, num_params, pp, &types);
	if (rc)
		return rc;
	arg->ret = s->pta->ops->invoke(s->pta->ctx, s->sess_ctx, arg->func, types, pp);
	arg->ret_origin = TEE_ORIGIN_TRUSTED_APP;
	params_from_pta(params, types, pp);
	return 0;
}

unsigned int optee_sim_client_sessions(const struct optee_sim_client *client)
{
	return client ? (unsigned int)client->num_sessions : 0;
}

int optee_sim_close_session(struct optee_sim_client *client, uint32_t session)
{
	struct client_session *s;

	if (!client)
		return -EINVAL;
	s = client_session(client, session);
	if (!s)
		return -EINVAL;
	session_close(s);
	client->num_sessions--;
	return 0;
}

int optee_sim_static_shm(struct optee_sim_client *client, uint32_t session, uint64_t addr,
			 uint64_t size, struct optee_sim_static_region *out)
{
	const struct optee_sim_core *core;
	struct client_session *s;

	if (!client || !out)
		return -EINVAL;
	s = client_session(client, session);
	if (!s || !size)
		return -EINVAL;
	if (!login_is_kernel(s->login))
		return -EACCES;
	core = client->core;
	if (!core->static_ops)
		return -ENODEV;
	return core->static_ops->find(core->static_ctx, &client->cred, addr, size, out);
}

int optee_sim_shm_register(struct optee_sim_client *client, void *addr, size_t size,
			   void (*release)(void *release_arg, void *addr, size_t size),
			   void *release_arg)
{
	struct client_shm *m;
	long slot;

	if (!client || !addr || !size)
		return -EINVAL;
	if (client->num_shm >= client->core->limits.max_shm)
		return -ENOSPC;
	slot = table_free_slot((void **)&client->shm, &client->shm_cap, client->num_shm,
			       sizeof(*client->shm), client->core->limits.max_shm,
			       offsetof(struct client_shm, used));
	if (slot < 0)
		return (int)slot;
	/* Ids are ints on the wire: never hand out one that does not fit. */
	if (slot > INT32_MAX)
		return -ENOSPC;
	m = &client->shm[slot];
	m->used = true;
	m->addr = addr;
	m->size = size;
	m->release = release;
	m->release_arg = release_arg;
	client->num_shm++;
	return (int)slot;
}

int optee_sim_shm_release(struct optee_sim_client *client, int id)
{
	struct client_shm *m;

	if (!client || id < 0)
		return -EINVAL;
	m = client_shm(client, (uint64_t)id);
	if (!m)
		return -EINVAL;
	shm_drop(m);
	client->num_shm--;
	return 0;
}
