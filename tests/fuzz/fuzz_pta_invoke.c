// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SCMI PTA through the emulated TEE core, as a hostile client drives it.
 * One secure world (default platform) serves fuzz_rebuild_every() inputs, then
 * is rebuilt; between inputs every agent is reset (fuzz_reset_agents()) and the
 * static shared memory gets back its bytes from creation time, so an input
 * sees a boot-like world (README: what carries over). Per input: a client
 * (kernel login allowed or not), a session (login from the input), the static
 * SMT areas' bytes, one registered shared-memory buffer (exact size, its bytes
 * from the input), and a few invokes whose command, param-types word, values
 * and memref windows (offset, size, shm id) all come from the input.
 *
 * Invariants: the core returns 0 or -EINVAL; a verdict is TEE_SUCCESS or a
 * TEE_ERROR_* code from the TA; an output size never exceeds the window the
 * client gave; nothing touches memory outside the buffer (ASan).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#include "platform/sim/sim_platform.h"
#include "scmi/proto/pta.h"
#include "secure/secure_world.h"
#include "secure/tee_core.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INVOKES 4
#define MAX_SHM	    600u

static const uint8_t scmi_uuid[TEE_UUID_SIZE] = PTA_SCMI_UUID_BYTES;

static const uint32_t known_types[] = {
    PTA_SCMI_PT_CAPABILITIES,
    PTA_SCMI_PT_PROCESS_SMT_CHANNEL,
    PTA_SCMI_PT_PROCESS_SMT_CHANNEL_MESSAGE,
    PTA_SCMI_PT_GET_CHANNEL_HANDLE,
    PTA_SCMI_PT_PROCESS_MSG_CHANNEL,
};

static bool tee_code(uint32_t ret)
{
	return ret == TEE_SUCCESS || (ret >= TEE_ERROR_GENERIC && ret <= TEE_ERROR_SHORT_BUFFER) ||
	       ret == TEE_ERROR_TARGET_DEAD;
}

/* Channel @i's static SMT area as the secure side maps it, or NULL; *@len its size. */
static uint8_t *static_area(struct secure_world *w, size_t i, size_t *len)
{
	const struct sim_channel *ch = sim_platform_channel_at(secure_world_platform(w), i);
	uint8_t *area;

	if (!ch || !ch->has_shmem)
		return NULL;
	area = secure_world_static_region(w, ch->shmem_addr, len);
	if (area && ch->shmem_size < *len)
		*len = (size_t)ch->shmem_size;
	return area;
}

/* Copy input bytes into every static SMT area (the agent's side of them). */
static void fill_static(struct secure_world *w, struct fuzz_in *in)
{
	size_t i, len, n;

	for (i = 0; i < sim_platform_num_channels(secure_world_platform(w)); i++) {
		uint8_t *area = static_area(w, i, &len);
		const uint8_t *src;

		if (!area)
			continue;
		src = fuzz_take(in, fuzz_u8(in) % 64u, &n);
		memcpy(area, src, n < len ? n : len);
	}
}

/*
 * Known findings out of every static SMT area and the registered buffer, before each
 * invoke: a response the previous invoke wrote could read as a request in a shifted window.
 */
static void defuse(struct secure_world *w, uint8_t *buf, size_t shm_size)
{
	size_t i, len;

	fuzz_defuse_known(buf, shm_size);
	for (i = 0; i < sim_platform_num_channels(secure_world_platform(w)); i++) {
		uint8_t *area = static_area(w, i, &len);

		if (area)
			fuzz_defuse_known(area, len);
	}
}

static void one_invoke(struct optee_sim_client *cl, uint32_t session, int shm, size_t shm_size,
		       struct fuzz_in *in)
{
	struct tee_invoke_arg arg = {.session = session};
	struct tee_ioctl_param p[TEE_NUM_PARAMS];
	uint8_t sel = fuzz_u8(in);
	size_t num = fuzz_u8(in) % 6u; /* 5 is one too many */
	uint32_t types;
	size_t i;
	int rc;

	arg.func = sel < 0xf0 ? sel % 6u : fuzz_u32(in);
	if (sel & 0x80)
		arg.session = fuzz_u32(in);
	types = fuzz_u8(in) < 0xe0 ? known_types[sel % 5u] : fuzz_u16(in);
	memset(p, 0, sizeof(p));
	for (i = 0; i < TEE_NUM_PARAMS; i++) {
		uint8_t how = fuzz_u8(in);

		p[i].attr = TEE_PARAM_TYPE_GET(types, i);
		if (how == 0xff)
			p[i].attr = fuzz_u8(in);
		if (p[i].attr >= TEE_PARAM_TYPE_MEMREF_INPUT &&
		    p[i].attr <= TEE_PARAM_TYPE_MEMREF_INOUT) {
			/* Mostly a window inside the buffer; sometimes anything. */
			if (how & 1) {
				p[i].a = fuzz_u32(in);
				p[i].b = fuzz_u32(in);
				p[i].c = how & 2 ? (uint64_t)shm : fuzz_u32(in);
			} else {
				p[i].a = shm_size ? fuzz_u16(in) % shm_size : 0;
				p[i].b = fuzz_u16(in) % (shm_size - p[i].a + 1);
				p[i].c = (uint64_t)shm;
			}
		} else {
			p[i].a = fuzz_u32(in) % (how & 1 ? 0xffffffffu : 4u);
			p[i].b = fuzz_u32(in);
			p[i].c = fuzz_u32(in);
		}
	}
	rc = optee_sim_invoke(cl, &arg, p, num);
	FUZZ_CHECK(rc == 0 || rc == -EINVAL);
	if (rc)
		return;
	FUZZ_CHECK(tee_code(arg.ret));
	FUZZ_CHECK(arg.ret_origin >= TEE_ORIGIN_API && arg.ret_origin <= TEE_ORIGIN_TRUSTED_APP);
}

static struct secure_world *world;
static uint8_t *static_copy;
static size_t static_copy_size;
static unsigned int served;

/* Every static area's bytes, channel after channel, or back into them (@save false). */
static void static_copy_io(struct secure_world *w, bool save)
{
	size_t i, len, off = 0;

	for (i = 0; i < sim_platform_num_channels(secure_world_platform(w)); i++) {
		uint8_t *area = static_area(w, i, &len);

		if (!area)
			continue;
		FUZZ_CHECK(off + len <= static_copy_size);
		if (save)
			memcpy(static_copy + off, area, len);
		else
			memcpy(area, static_copy + off, len);
		off += len;
	}
}

static void world_build(void)
{
	char err[256];
	size_t i, len;

	if (secure_world_create(SCMI_DEFAULT_PLATFORM_DTB, NULL, &world, err, sizeof(err))) {
		fprintf(stderr, "fuzz: %s: %s\n", SCMI_DEFAULT_PLATFORM_DTB, err);
		abort();
	}
	free(static_copy);
	static_copy_size = 0;
	for (i = 0; i < sim_platform_num_channels(secure_world_platform(world)); i++)
		if (static_area(world, i, &len))
			static_copy_size += len;
	static_copy = malloc(static_copy_size ? static_copy_size : 1);
	FUZZ_CHECK(static_copy != NULL);
	static_copy_io(world, true);
	served = 1;
}

/* The world for this input: a fresh one every fuzz_rebuild_every() inputs, else the last
 * one with its agents reset and its static shared memory as created. */
static struct secure_world *world_get(void)
{
	if (world && served++ % fuzz_rebuild_every() == 0) {
		secure_world_destroy(world);
		world = NULL;
	}
	if (!world) {
		world_build();
		return world;
	}
	fuzz_reset_agents(secure_world_platform(world), secure_world_server(world));
	static_copy_io(world, false);
	return world;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {.p = data, .left = size};
	struct optee_sim_cred cred = {.uid = 1000, .gid = 1000};
	struct tee_open_session_arg oarg = {.clnt_login = TEE_LOGIN_REE_KERNEL};
	struct optee_sim_client *cl;
	struct secure_world *w;
	uint8_t flags, *buf;
	size_t shm_size, n, i;
	const uint8_t *src;
	int shm, rc;

	w = world_get();
	flags = fuzz_u8(&in);
	cred.kernel_login_allowed = !(flags & 1);
	cl = optee_sim_client_new(secure_world_core(w), &cred);
	FUZZ_CHECK(cl != NULL);
	if (flags & 2)
		oarg.clnt_login = fuzz_u32(&in);
	memcpy(oarg.uuid, scmi_uuid, sizeof(oarg.uuid));
	if ((flags & 0x0c) == 0x0c)
		oarg.uuid[fuzz_u8(&in) & 0xf] ^= 1;
	rc = optee_sim_open_session(cl, &oarg, NULL, 0);
	FUZZ_CHECK(rc == 0 || rc == -EPERM);
	if (!rc)
		FUZZ_CHECK(tee_code(oarg.ret));
	fill_static(w, &in);

	shm_size = fuzz_u16(&in) % (MAX_SHM + 1);
	buf = malloc(shm_size + 1);
	FUZZ_CHECK(buf != NULL);
	src = fuzz_take(&in, shm_size, &n);
	memset(buf, 0, shm_size);
	memcpy(buf, src, n);
	shm = optee_sim_shm_register(cl, buf, shm_size, NULL, NULL);

	for (i = 0; i < MAX_INVOKES && in.left; i++) {
		defuse(w, buf, shm_size);
		one_invoke(cl, oarg.session, shm, shm_size, &in);
	}

	optee_sim_client_free(cl);
	free(buf);
	return 0;
}
