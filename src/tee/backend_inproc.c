// SPDX-License-Identifier: BSD-3-Clause
/*
 * The inproc backend: the emulated TEE core linked into this process. A
 * context is one optee_sim_client; requests call the core directly and
 * shared memory is registered by its address here, so the TEE and the
 * client see the same pages without a second mapping.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "scmi/tee_inproc.h"
#include "secure/tee_core.h"
#include "tee/tee_priv.h"

/**
 * struct inproc_state - inproc backend state.
 * @core:   the TEE core
 * @client: our client of it
 */
struct inproc_state {
	struct optee_sim_core *core;
	struct optee_sim_client *client;
};

static int inproc_open_session(struct tee_context *ctx, struct tee_open_session_arg *arg,
			       struct tee_ioctl_param *params, size_t num_params)
{
	struct inproc_state *st = ctx->priv;

	return optee_sim_open_session(st->client, arg, params, num_params);
}

static int inproc_invoke(struct tee_context *ctx, struct tee_invoke_arg *arg,
			 struct tee_ioctl_param *params, size_t num_params)
{
	struct inproc_state *st = ctx->priv;

	return optee_sim_invoke(st->client, arg, params, num_params);
}

static int inproc_close_session(struct tee_context *ctx, uint32_t session)
{
	struct inproc_state *st = ctx->priv;

	return optee_sim_close_session(st->client, session);
}

/* The mapping belongs to the common code, which unmaps it after release. */
static void inproc_shm_dropped(void *arg, void *addr, size_t size)
{
	(void)arg;
	(void)addr;
	(void)size;
}

static int inproc_shm_register(struct tee_context *ctx, int fd, void *addr, size_t size)
{
	struct inproc_state *st = ctx->priv;

	(void)fd;
	return optee_sim_shm_register(st->client, addr, size, inproc_shm_dropped, NULL);
}

static int inproc_shm_release(struct tee_context *ctx, int id)
{
	struct inproc_state *st = ctx->priv;

	return optee_sim_shm_release(st->client, id);
}

static int inproc_static_shm(struct tee_context *ctx, uint32_t session, uint64_t addr,
			     uint64_t size, struct tee_static_region *out)
{
	struct inproc_state *st = ctx->priv;
	struct optee_sim_static_region r;
	int rc;

	rc = optee_sim_static_shm(st->client, session, addr, size, &r);
	if (rc)
		return rc;
	/* The TEE's own mapping serves; the fd is the core's, so hand over a copy. */
	out->fd = fcntl(r.fd, F_DUPFD_CLOEXEC, 0);
	if (out->fd < 0)
		return -errno;
	out->addr = r.map;
	out->base = r.base;
	out->size = r.size;
	return 0;
}

static void inproc_close(struct tee_context *ctx)
{
	struct inproc_state *st = ctx->priv;

	optee_sim_client_free(st->client);
	free(st);
}

static const struct tee_backend_ops inproc_ops = {
    .open_session = inproc_open_session,
    .invoke = inproc_invoke,
    .close_session = inproc_close_session,
    .shm_register = inproc_shm_register,
    .shm_release = inproc_shm_release,
    .static_shm = inproc_static_shm,
    .close = inproc_close,
};

int tee_client_open_inproc(struct optee_sim_core *core, bool kernel_login_allowed,
			   struct tee_context **ctx)
{
	struct optee_sim_cred cred = {
	    .uid = getuid(),
	    .gid = getgid(),
	    .kernel_login_allowed = kernel_login_allowed,
	};
	struct inproc_state *st;
	int rc;

	if (!core || !ctx)
		return -EINVAL;
	st = calloc(1, sizeof(*st));
	if (!st)
		return -ENOMEM;
	st->core = core;
	st->client = optee_sim_client_new(core, &cred);
	if (!st->client) {
		rc = -ENOMEM;
		goto err_free;
	}
	rc = tee_context_new(&inproc_ops, st, ctx);
	if (rc)
		goto err_client;
	return 0;

err_client:
	optee_sim_client_free(st->client);
err_free:
	free(st);
	return rc;
}
