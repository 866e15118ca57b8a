// SPDX-License-Identifier: BSD-3-Clause
/*
 * Static shared memory goes only to whom it belongs (issue 10, item 1): a
 * channel's arm,scmi-shmem region is its own sealed memory object, handed out
 * only through a REE-kernel-login session and only to a peer the channel's
 * agent allows (peer-regions.dts: channel 0's region to uid 0, channel 2's to
 * uid 4242). Nobody can truncate it, so nobody can make the daemon or another
 * agent take SIGBUS.
 *
 * Before the fix, OPTEE_SIM_OP_STATIC_SHM needed no session at all and handed
 * anyone one unsealed memfd holding every channel's region: an untrusted uid
 * truncated it and a root agent on static SMT died with SIGBUS.
 *
 * The core-level tests run everywhere; the socket test needs root, to connect
 * as other uids (AS_USER_OTHER trusted for the kernel login, AS_USER_NOBODY not).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmocka.h>

#include "as_user.h"
#include "scmi/base.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "scmi/scmi.h"
#include "scmi/tee_client.h"
#include "secure/secure_world.h"
#include "secure/socket_server.h"

#define REGION0	 0x3f000000ull /* channel 0, agent 1, uid 0 */
#define REGION2	 0x3f000080ull /* channel 2, agent 2, uid 4242 */
#define AREA	 0x80u
#define ROOT_UID 0u
#define PEER_UID AS_USER_OTHER

static const uint8_t scmi_uuid[TEE_UUID_SIZE] = PTA_SCMI_UUID_BYTES;

static struct secure_world *world_new(void)
{
	struct secure_world *w;
	char err[256] = "";

	if (secure_world_create(PEER_REGIONS_DTB, NULL, &w, err, sizeof(err)))
		fail_msg("secure_world_create: %s", err);
	return w;
}

/* A client of @uid with a session to the SCMI PTA; *@session 0 if it could not open one. */
static struct optee_sim_client *client_new(struct secure_world *w, uid_t uid, bool trusted,
					   uint32_t *session)
{
	struct optee_sim_cred cred = {.uid = uid, .gid = uid, .kernel_login_allowed = trusted};
	struct tee_open_session_arg arg = {.clnt_login = TEE_LOGIN_REE_KERNEL};
	struct optee_sim_client *c = optee_sim_client_new(secure_world_core(w), &cred);

	assert_non_null(c);
	memcpy(arg.uuid, scmi_uuid, TEE_UUID_SIZE);
	*session = 0;
	if (!optee_sim_open_session(c, &arg, NULL, 0) && arg.ret == TEE_SUCCESS)
		*session = arg.session;
	return c;
}

static void test_region_per_peer(void **state)
{
	struct secure_world *w = world_new();
	struct optee_sim_static_region r = {.fd = -1};
	struct optee_sim_client *root, *peer, *stranger;
	uint32_t s_root, s_peer, s_stranger;
	int seals;

	(void)state;
	root = client_new(w, ROOT_UID, true, &s_root);
	peer = client_new(w, PEER_UID, true, &s_peer);
	stranger = client_new(w, AS_USER_NOBODY, false, &s_stranger);
	assert_true(s_root && s_peer);
	/* An untrusted peer cannot even open a session: no static memory for it. */
	assert_int_equal(s_stranger, 0);
	assert_int_equal(optee_sim_static_shm(stranger, 1, REGION0, AREA, &r), -EINVAL);
	assert_int_equal(optee_sim_static_shm(stranger, 1, REGION2, AREA, &r), -EINVAL);

	/* Each peer gets its own channel's region, and not the other's. */
	assert_int_equal(optee_sim_static_shm(peer, s_peer, REGION0, AREA, &r), -EACCES);
	assert_int_equal(optee_sim_static_shm(root, s_root, REGION2, AREA, &r), -EACCES);
	/* A range across both regions is no region at all. */
	assert_int_equal(optee_sim_static_shm(root, s_root, REGION0 + 0x70, 0x20, &r), -ENOENT);
	assert_int_equal(r.fd, -1);
	assert_int_equal(optee_sim_static_shm(peer, s_peer, REGION2, AREA, &r), 0);
	assert_int_equal(r.base, REGION2);
	assert_int_equal(r.size, AREA);
	assert_ptr_equal(r.map, secure_world_static_region(w, REGION2, NULL));

	/* Sealed: the holder can neither shrink nor grow it. */
	seals = fcntl(r.fd, F_GET_SEALS);
	assert_true(seals >= 0);
	assert_int_equal(seals & (F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL),
			 F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL);
	assert_int_equal(ftruncate(r.fd, 0), -1);
	assert_int_equal(errno, EPERM);
	assert_int_equal(ftruncate(r.fd, (off_t)AREA * 2), -1);
	/* Only the one region: the object is the region's size, not the window's. */
	{
		struct stat st;

		assert_int_equal(fstat(r.fd, &st), 0);
		assert_int_equal(st.st_size, AREA);
	}
	assert_int_equal(optee_sim_static_shm(root, s_root, REGION0 + 8, 16, &r), 0);
	assert_int_equal(r.base, REGION0);
	optee_sim_client_free(stranger);
	optee_sim_client_free(peer);
	optee_sim_client_free(root);
	secure_world_destroy(w);
}

/* --- over the socket, as real second users --------------------------------------------- */

static char sock_path[128];

static int raw_connect(void)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int s = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);

	if (s < 0)
		return -1;
	memcpy(sa.sun_path, sock_path, strlen(sock_path) + 1);
	if (connect(s, (struct sockaddr *)&sa, sizeof(sa))) {
		close(s);
		return -1;
	}
	return s;
}

/* One request, one reply; *@fd gets the fd the reply carried (-1: none). 0 or -1. */
static int raw_call(int s, struct optee_sim_req *req, struct optee_sim_rsp *rsp, int *fd)
{
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} cbuf;
	struct iovec iov = {.iov_base = rsp, .iov_len = sizeof(*rsp)};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
	struct pollfd pfd = {.fd = s, .events = POLLIN};
	struct cmsghdr *cm;

	req->magic = OPTEE_SIM_WIRE_MAGIC;
	req->version = OPTEE_SIM_WIRE_VERSION;
	req->seq++;
	if (send(s, req, sizeof(*req), MSG_NOSIGNAL) != (ssize_t)sizeof(*req))
		return -1;
	msg.msg_control = cbuf.buf;
	msg.msg_controllen = sizeof(cbuf.buf);
	if (poll(&pfd, 1, 5000) != 1 || recvmsg(s, &msg, MSG_CMSG_CLOEXEC) != (ssize_t)sizeof(*rsp))
		return -1;
	*fd = -1;
	cm = CMSG_FIRSTHDR(&msg);
	if (cm && cm->cmsg_type == SCM_RIGHTS)
		memcpy(fd, CMSG_DATA(cm), sizeof(int));
	return rsp->seq == req->seq ? 0 : -1;
}

/* What a second user tries; each step that goes other than expected exits with its number. */
/* cppcheck-suppress constParameter ; the type clone() calls */
static int as_peer(void *arg)
{
	struct optee_sim_req req = {.op = OPTEE_SIM_OP_OPEN_SESSION};
	struct optee_sim_rsp rsp;
	int s = raw_connect(), fd;
	bool trusted = arg != NULL;

	if (s < 0)
		return 1;
	/* Static memory without any session: refused, and no fd comes back. */
	req.op = OPTEE_SIM_OP_STATIC_SHM;
	req.shm_addr = REGION0;
	req.shm_size = AREA;
	if (raw_call(s, &req, &rsp, &fd) || rsp.err != -EINVAL || fd >= 0)
		return 2;
	/* The kernel login: only for the trusted peer. */
	req.op = OPTEE_SIM_OP_OPEN_SESSION;
	memcpy(req.uuid, scmi_uuid, TEE_UUID_SIZE);
	req.login = TEE_LOGIN_REE_KERNEL;
	if (raw_call(s, &req, &rsp, &fd))
		return 3;
	if (!trusted)
		return rsp.err == -EPERM ? 0 : 4;
	if (rsp.err || rsp.ret != TEE_SUCCESS)
		return 5;
	req.session = rsp.session;
	/* Another agent's region: refused. */
	req.op = OPTEE_SIM_OP_STATIC_SHM;
	if (raw_call(s, &req, &rsp, &fd) || rsp.err != -EACCES || fd >= 0)
		return 6;
	/* Its own: sealed, so truncating it (what crashed the daemon) fails. */
	req.shm_addr = REGION2;
	if (raw_call(s, &req, &rsp, &fd) || rsp.err || fd < 0 || rsp.static_size != AREA)
		return 7;
	if (ftruncate(fd, 0) == 0 || errno != EPERM)
		return 8;
	close(fd);
	/* The daemon still serves us: cmd 1 on our channel. */
	{
		struct optee_sim_req inv = {.op = OPTEE_SIM_OP_INVOKE, .session = req.session};

		inv.func = PTA_SCMI_CMD_PROCESS_SMT_CHANNEL;
		inv.num_params = 1;
		inv.params[0].attr = TEE_PARAM_TYPE_VALUE_INPUT;
		inv.params[0].a = 2;
		inv.seq = req.seq;
		if (raw_call(s, &inv, &rsp, &fd) || rsp.err || rsp.ret != TEE_SUCCESS)
			return 9;
	}
	close(s);
	/* Through the library: the region and its lock (a root-made object, reopened by us). */
	{
		struct tee_open_session_arg oarg = {.clnt_login = TEE_LOGIN_REE_KERNEL};
		struct tee_static_shm st;
		struct tee_context *ctx;
		int rc;

		memcpy(oarg.uuid, scmi_uuid, TEE_UUID_SIZE);
		if (tee_client_open_sim(sock_path, &ctx))
			return 10;
		rc = tee_client_open_session(ctx, &oarg, NULL, 0) || oarg.ret ||
		     tee_client_static_shm(ctx, oarg.session, REGION2, AREA, &st) ||
		     tee_static_shm_lock(&st, 1000);
		if (!rc)
			tee_static_shm_unlock(&st);
		tee_client_close_context(ctx);
		if (rc)
			return 11;
	}
	return 0;
}

static void test_second_users_over_socket(void **state)
{
	static const uid_t trusted[] = {PEER_UID};
	struct optee_sim_server_config cfg = {
	    .kernel_uids = trusted, .num_kernel_uids = 1, .quiet = true};
	struct scmi_agent_config acfg = {0};
	struct as_user peer, nobody;
	struct optee_sim_server *srv;
	struct scmi_agent *agent = NULL;
	struct secure_world *w;
	char dir[64], err[256] = "";
	uint32_t v;

	(void)state;
	if (!as_user_possible())
		skip();
	snprintf(dir, sizeof(dir), "/tmp/static-regions-XXXXXX");
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chmod(dir, 0755), 0);
	snprintf(sock_path, sizeof(sock_path), "%s/s.sock", dir);
	/* Children first, while this process has no threads. */
	as_user_spawn(&peer, PEER_UID, PEER_UID, as_peer, &peer);
	as_user_spawn(&nobody, AS_USER_NOBODY, AS_USER_NOBODY, as_peer, NULL);

	w = world_new();
	cfg.socket_path = sock_path;
	srv = optee_sim_server_start(secure_world_core(w), &cfg, err, sizeof(err));
	if (!srv)
		fail_msg("server: %s", err);
	assert_int_equal(chmod(sock_path, 0777), 0);
	/* Root's agent on channel 0, static SMT, before and after the others tried. */
	acfg.dt_path = AGENT_SMT_DTB;
	acfg.socket_path = sock_path;
	acfg.timeout_ms = 2000;
	acfg.errbuf = err;
	acfg.errbuf_len = sizeof(err);
	if (scmi_agent_open(&acfg, &agent))
		fail_msg("agent: %s", err);
	assert_int_equal(scmi_agent_mode(agent), SCMI_MODE_SMT);
	assert_int_equal(scmi_protocol_version(agent, SCMI_PROTOCOL_BASE, &v), 0);

	as_user_go(&nobody);
	assert_int_equal(as_user_wait(&nobody), 0);
	as_user_go(&peer);
	assert_int_equal(as_user_wait(&peer), 0);
	for (int i = 0; i < 100; i++)
		assert_int_equal(scmi_protocol_version(agent, SCMI_PROTOCOL_BASE, &v), 0);

	scmi_agent_close(agent);
	optee_sim_server_stop(srv);
	secure_world_destroy(w);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_region_per_peer),
	    cmocka_unit_test(test_second_users_over_socket),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
