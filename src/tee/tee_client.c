// SPDX-License-Identifier: BSD-3-Clause
/*
 * TEE client API: the part common to every backend.
 *
 * Theory of operation: a request takes the context lock, refuses at once
 * (-ENOTCONN) if the context is broken, converts struct tee_param into the
 * ioctl shape (memref -> shm id + window, checked against the shm and its
 * owner), hands it to the backend, and converts outputs back. Shared memory
 * is always a memory object (memfd) mapped MAP_SHARED here, so that a
 * backend in another process can map the very same pages.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ipc/socket_path.h"
#include "tee/tee_priv.h"

/*
 * A context on cache lines of its own: its lock is written on every request, and two agents'
 * contexts driven from two threads must not bounce a line between them (make bench,
 * channels/2: 1.1x one thread with contexts packed by malloc, 1.8x apart).
 */
static struct tee_context *context_alloc(void)
{
	size_t size = (sizeof(struct tee_context) + 63u) & ~(size_t)63u;
	struct tee_context *ctx = aligned_alloc(64, size);

	if (ctx)
		memset(ctx, 0, size);
	return ctx;
}

int tee_context_new(const struct tee_backend_ops *ops, void *priv, struct tee_context **out)
{
	struct tee_context *ctx = context_alloc();

	if (!ctx)
		return -ENOMEM;
	if (pthread_mutex_init(&ctx->lock, NULL)) {
		free(ctx);
		return -ENOMEM;
	}
	ctx->ops = ops;
	ctx->priv = priv;
	ctx->timeout_ms = TEE_DEFAULT_TIMEOUT_MS;
	*out = ctx;
	return 0;
}

void tee_context_mark_broken(struct tee_context *ctx)
{
	__atomic_store_n(&ctx->broken, 1, __ATOMIC_RELEASE);
}

uint32_t tee_context_timeout(const struct tee_context *ctx)
{
	return __atomic_load_n(&ctx->timeout_ms, __ATOMIC_RELAXED);
}

int tee_client_default_socket(char *buf, size_t len)
{
	return ipc_default_socket(buf, len, NULL);
}

void tee_client_set_timeout(struct tee_context *ctx, uint32_t ms)
{
	if (ctx)
		__atomic_store_n(&ctx->timeout_ms, ms, __ATOMIC_RELAXED);
}

int tee_client_is_broken(const struct tee_context *ctx)
{
	return ctx && __atomic_load_n(&ctx->broken, __ATOMIC_ACQUIRE);
}

static void shm_unlink_locked(struct tee_shm *shm)
{
	struct tee_context *ctx = shm->ctx;

	if (shm->prev)
		shm->prev->next = shm->next;
	else
		ctx->shms = shm->next;
	if (shm->next)
		shm->next->prev = shm->prev;
}

/* Unregister (if the TEE can still hear us), unmap and free; lock held. */
static void shm_destroy_locked(struct tee_shm *shm)
{
	struct tee_context *ctx = shm->ctx;

	if (shm->id >= 0 && !tee_client_is_broken(ctx))
		ctx->ops->shm_release(ctx, shm->id);
	shm_unlink_locked(shm);
	munmap(shm->addr, shm->size);
	close(shm->fd);
	free(shm);
}

void tee_client_close_context(struct tee_context *ctx)
{
	struct tee_shm *shm, *next;

	if (!ctx)
		return;
	pthread_mutex_lock(&ctx->lock);
	for (shm = ctx->shms; shm; shm = next) {
		next = shm->next;
		shm_destroy_locked(shm);
	}
	while (ctx->statics) {
		struct tee_static_map *m = ctx->statics;

		ctx->statics = m->next;
		if (m->mapped)
			munmap(m->shm.addr, m->shm.size);
		close(m->shm.lock_fd);
		free(m);
	}
	pthread_mutex_unlock(&ctx->lock);
	ctx->ops->close(ctx);
	pthread_mutex_destroy(&ctx->lock);
	free(ctx);
}

/* Take the lock for a request; fails without it held when the context is broken. */
static int request_begin(struct tee_context *ctx)
{
	pthread_mutex_lock(&ctx->lock);
	if (tee_client_is_broken(ctx)) {
		pthread_mutex_unlock(&ctx->lock);
		return -ENOTCONN;
	}
	return 0;
}

static bool shm_is_ours(struct tee_context *ctx, const struct tee_shm *shm)
{
	const struct tee_shm *s;

	/* Walk the list rather than trust shm->ctx: a stale pointer must not pass. */
	for (s = ctx->shms; s; s = s->next)
		if (s == shm)
			return true;
	return false;
}

static bool attr_is_memref(uint32_t attr)
{
	return attr == TEE_PARAM_TYPE_MEMREF_INPUT || attr == TEE_PARAM_TYPE_MEMREF_OUTPUT ||
	       attr == TEE_PARAM_TYPE_MEMREF_INOUT;
}

static bool attr_is_value(uint32_t attr)
{
	return attr == TEE_PARAM_TYPE_VALUE_INPUT || attr == TEE_PARAM_TYPE_VALUE_OUTPUT ||
	       attr == TEE_PARAM_TYPE_VALUE_INOUT;
}

/* struct tee_param -> wire form; lock held (the shm list is read). */
static int params_to_wire(struct tee_context *ctx, const struct tee_param *params, size_t num,
			  struct tee_ioctl_param *wire)
{
	size_t i;

	if (num > OPTEE_SIM_WIRE_MAX_PARAMS || (num && !params))
		return -EINVAL;
	memset(wire, 0, sizeof(*wire) * OPTEE_SIM_WIRE_MAX_PARAMS);
	for (i = 0; i < num; i++) {
		const struct tee_param *p = &params[i];
		uint32_t attr = p->attr;

		wire[i].attr = attr;
		if (attr == TEE_PARAM_TYPE_NONE)
			continue;
		if (attr_is_value(attr)) {
			wire[i].a = p->u.value.a;
			wire[i].b = p->u.value.b;
			wire[i].c = p->u.value.c;
			continue;
		}
		if (!attr_is_memref(attr))
			return -EINVAL;
		if (!p->u.memref.shm || !shm_is_ours(ctx, p->u.memref.shm))
			return -EINVAL;
		if (p->u.memref.offset > p->u.memref.shm->size ||
		    p->u.memref.size > p->u.memref.shm->size - p->u.memref.offset)
			return -EINVAL;
		wire[i].a = p->u.memref.offset;
		wire[i].b = p->u.memref.size;
		wire[i].c = (uint64_t)p->u.memref.shm->id;
	}
	return 0;
}

/* Outputs back into the caller's params: values, and the size a TA reported for a memref. */
static void params_from_wire(struct tee_param *params, size_t num,
			     const struct tee_ioctl_param *wire)
{
	size_t i;

	for (i = 0; i < num; i++) {
		struct tee_param *p = &params[i];

		if (p->attr == TEE_PARAM_TYPE_VALUE_OUTPUT ||
		    p->attr == TEE_PARAM_TYPE_VALUE_INOUT) {
			p->u.value.a = wire[i].a;
			p->u.value.b = wire[i].b;
			p->u.value.c = wire[i].c;
		} else if (p->attr == TEE_PARAM_TYPE_MEMREF_OUTPUT ||
			   p->attr == TEE_PARAM_TYPE_MEMREF_INOUT) {
			/* May exceed the window: TEE_ERROR_SHORT_BUFFER reports the size needed. */
			p->u.memref.size = (size_t)wire[i].b;
		}
	}
}

/*
 * The param-carrying requests: exactly one of @open and @invoke is set and
 * says which backend op carries the request.
 */
static int request_with_params(struct tee_context *ctx, struct tee_open_session_arg *open,
			       struct tee_invoke_arg *invoke, struct tee_param *params,
			       size_t num_params)
{
	struct tee_ioctl_param wire[OPTEE_SIM_WIRE_MAX_PARAMS];
	int rc;

	rc = request_begin(ctx);
	if (rc)
		return rc;
	rc = params_to_wire(ctx, params, num_params, wire);
	if (!rc)
		rc = open ? ctx->ops->open_session(ctx, open, wire, num_params)
			  : ctx->ops->invoke(ctx, invoke, wire, num_params);
	if (!rc)
		params_from_wire(params, num_params, wire);
	pthread_mutex_unlock(&ctx->lock);
	return rc;
}

int tee_client_open_session(struct tee_context *ctx, struct tee_open_session_arg *arg,
			    struct tee_param *params, size_t num_params)
{
	if (!ctx || !arg)
		return -EINVAL;
	return request_with_params(ctx, arg, NULL, params, num_params);
}

int tee_client_invoke_func(struct tee_context *ctx, struct tee_invoke_arg *arg,
			   struct tee_param *params, size_t num_params)
{
	if (!ctx || !arg)
		return -EINVAL;
	return request_with_params(ctx, NULL, arg, params, num_params);
}

int tee_client_close_session(struct tee_context *ctx, uint32_t session)
{
	int rc;

	if (!ctx)
		return -EINVAL;
	rc = request_begin(ctx);
	if (rc)
		return rc;
	rc = ctx->ops->close_session(ctx, session);
	pthread_mutex_unlock(&ctx->lock);
	return rc;
}

/* Map @fd (ours now), register it and link the shm in; closes @fd on failure. */
static int shm_create(struct tee_context *ctx, int fd, size_t size, struct tee_shm **out)
{
	struct tee_shm *shm;
	int rc;

	shm = calloc(1, sizeof(*shm));
	if (!shm) {
		rc = -ENOMEM;
		goto err_close;
	}
	shm->ctx = ctx;
	shm->fd = fd;
	shm->size = size;
	shm->id = -1;
	shm->addr = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (shm->addr == MAP_FAILED) {
		rc = -errno;
		goto err_free;
	}
	rc = request_begin(ctx);
	if (rc)
		goto err_unmap;
	rc = ctx->ops->shm_register(ctx, fd, shm->addr, size);
	if (rc < 0) {
		pthread_mutex_unlock(&ctx->lock);
		goto err_unmap;
	}
	shm->id = rc;
	shm->next = ctx->shms;
	if (ctx->shms)
		ctx->shms->prev = shm;
	ctx->shms = shm;
	pthread_mutex_unlock(&ctx->lock);
	*out = shm;
	return 0;

err_unmap:
	munmap(shm->addr, size);
err_free:
	free(shm);
err_close:
	close(fd);
	return rc;
}

int tee_shm_alloc(struct tee_context *ctx, size_t size, struct tee_shm **shm)
{
	int fd;

	if (!ctx || !shm || !size || size > (size_t)INT64_MAX)
		return -EINVAL;
	fd = memfd_create("tee_shm", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return -errno;
	if (ftruncate(fd, (off_t)size)) {
		int rc = -errno;

		close(fd);
		return rc;
	}
	/* A fixed size lets the TEE map it without fearing SIGBUS from a later truncate. */
	if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL)) {
		int rc = -errno;

		close(fd);
		return rc;
	}
	return shm_create(ctx, fd, size, shm);
}

int tee_shm_register_fd(struct tee_context *ctx, int fd, size_t size, struct tee_shm **shm)
{
	struct stat st;
	int own;

	if (!ctx || !shm || fd < 0 || !size || size > (size_t)INT64_MAX)
		return -EINVAL;
	if (fstat(fd, &st))
		return -errno;
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size < size)
		return -EINVAL;
	own = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (own < 0)
		return -errno;
	/*
	 * The TEE side insists on F_SEAL_SHRINK; try to add it. It fails on objects
	 * that cannot be sealed, and the TEE then refuses the registration.
	 */
	(void)fcntl(own, F_ADD_SEALS, F_SEAL_SHRINK);
	return shm_create(ctx, own, size, shm);
}

void tee_shm_free(struct tee_shm *shm)
{
	struct tee_context *ctx;

	if (!shm)
		return;
	ctx = shm->ctx;
	pthread_mutex_lock(&ctx->lock);
	shm_destroy_locked(shm);
	pthread_mutex_unlock(&ctx->lock);
}

void *tee_shm_get_va(const struct tee_shm *shm)
{
	return shm ? shm->addr : NULL;
}

size_t tee_shm_get_size(const struct tee_shm *shm)
{
	return shm ? shm->size : 0;
}

int tee_shm_get_id(const struct tee_shm *shm)
{
	return shm ? shm->id : -EINVAL;
}

static bool region_holds(const struct tee_static_shm *r, uint64_t addr, uint64_t size)
{
	return addr >= r->base && addr - r->base < r->size && size <= r->size - (addr - r->base);
}

/*
 * A new open file description of the object behind @fd. The fd the TEE handed over shares
 * its description with every other holder (SCM_RIGHTS passes descriptions, not files), and
 * OFD locks only exclude other descriptions: the lock needs one of our own.
 */
static int reopen_own(int fd)
{
	char path[40];
	int own;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	own = open(path, O_RDWR | O_CLOEXEC);
	/* cppcheck-suppress resourceLeak ; the descriptor is returned, the caller closes it */
	return own >= 0 ? own : errno ? -errno : -EBADF;
}

/* Map a region the backend handed over (fd consumed) and remember it; lock held. NULL and a
 * negative errno in *@rc on failure. */
static struct tee_static_map *static_map_add(struct tee_context *ctx, struct tee_static_region *r,
					     int *rc)
{
	struct tee_static_map *m = calloc(1, sizeof(*m));

	if (!m) {
		*rc = -ENOMEM;
		goto err_close;
	}
	m->shm.base = r->base;
	m->shm.size = r->size;
	m->shm.addr = r->addr;
	m->shm.lock_fd = reopen_own(r->fd);
	if (m->shm.lock_fd < 0) {
		*rc = m->shm.lock_fd;
		goto err_free;
	}
	if (!m->shm.addr) {
		m->shm.addr = mmap(NULL, r->size, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, 0);
		if (m->shm.addr == MAP_FAILED) {
			*rc = errno ? -errno : -ENOMEM;
			goto err_lock;
		}
		m->mapped = true;
	}
	close(r->fd);
	m->next = ctx->statics;
	ctx->statics = m;
	return m;

err_lock:
	close(m->shm.lock_fd);
err_free:
	free(m);
err_close:
	close(r->fd);
	return NULL;
}

int tee_client_static_shm(struct tee_context *ctx, uint32_t session, uint64_t addr, uint64_t size,
			  struct tee_static_shm *out)
{
	struct tee_static_region r = {.fd = -1};
	struct tee_static_map *m;
	int rc;

	if (!ctx || !out || !size || addr + size < addr)
		return -EINVAL;
	rc = request_begin(ctx);
	if (rc)
		return rc;
	for (m = ctx->statics; m; m = m->next)
		if (region_holds(&m->shm, addr, size))
			goto found;
	rc = ctx->ops->static_shm(ctx, session, addr, size, &r);
	if (rc)
		goto out;
	/* The TEE must hand over the region asked for, not a neighbour. */
	if (!region_holds(&(struct tee_static_shm){.base = r.base, .size = r.size}, addr, size)) {
		close(r.fd);
		tee_context_mark_broken(ctx);
		rc = -EPROTO;
		goto out;
	}
	m = static_map_add(ctx, &r, &rc);
	if (!m)
		goto out;
found:
	*out = m->shm;
out:
	pthread_mutex_unlock(&ctx->lock);
	return rc;
}

/*
 * The region lock: two OFD write locks on bytes of the region's object (beyond its end
 * does not matter to locks). CHAN is the channel; GATE is held by whoever waits for CHAN,
 * so a holder that releases CHAN and comes straight back queues at GATE behind the
 * waiter, instead of winning every race. OFD locks die with their description: with
 * the holder's process, or its context.
 */
#define LOCK_BYTE_GATE 0
#define LOCK_BYTE_CHAN 1
/* Longest nap between two tries: short against the ~50 us an SCMI round trip takes. */
#define LOCK_NAP_MAX_US 500u

static uint64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static int lock_byte(int fd, short type, off_t byte)
{
	struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = byte, .l_len = 1};

	if (!fcntl(fd, F_OFD_SETLK, &fl))
		return 0;
	return errno == EAGAIN || errno == EACCES ? -EAGAIN : -errno;
}

/*
 * Poll rather than F_OFD_SETLKW: a blocking wait cannot be bounded without a signal, and
 * a stopped holder must not hang us for good.
 */
static int lock_byte_wait(int fd, off_t byte, uint64_t deadline)
{
	unsigned int nap = 10;

	for (;;) {
		int rc = lock_byte(fd, F_WRLCK, byte);
		struct timespec ts;

		if (rc != -EAGAIN)
			return rc;
		if (deadline && now_us() >= deadline)
			return -EBUSY;
		ts.tv_sec = 0;
		ts.tv_nsec = (long)nap * 1000;
		nanosleep(&ts, NULL);
		if (nap < LOCK_NAP_MAX_US)
			nap *= 2;
	}
}

int tee_static_shm_lock(const struct tee_static_shm *shm, uint32_t timeout_ms)
{
	uint64_t deadline = timeout_ms ? now_us() + (uint64_t)timeout_ms * 1000u : 0;
	int rc;

	if (!shm || shm->lock_fd < 0)
		return -EINVAL;
	rc = lock_byte_wait(shm->lock_fd, LOCK_BYTE_GATE, deadline);
	if (rc)
		return rc;
	rc = lock_byte_wait(shm->lock_fd, LOCK_BYTE_CHAN, deadline);
	lock_byte(shm->lock_fd, F_UNLCK, LOCK_BYTE_GATE);
	return rc;
}

void tee_static_shm_unlock(const struct tee_static_shm *shm)
{
	if (shm && shm->lock_fd >= 0)
		lock_byte(shm->lock_fd, F_UNLCK, LOCK_BYTE_CHAN);
}
