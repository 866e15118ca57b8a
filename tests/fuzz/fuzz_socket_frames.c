// SPDX-License-Identifier: BSD-3-Clause
/*
 * The daemon's socket door, driven for real: one secure world and one
 * optee_sim_server on a socket in a temp dir (started once), and per input a
 * connection that sends up to MAX_PKTS SOCK_SEQPACKET packets, reads every
 * reply until the server closes, and hangs up. Per packet a control byte
 * picks: a request-sized frame from the input (sometimes with a correct magic
 * and version, so the ops themselves are reached; sometimes with a memfd,
 * sealed or not, in SCM_RIGHTS), a packet of any length, or an empty one.
 *
 * Invariants: replies are whole optee_sim_rsp frames with our magic; the
 * server stays up: every CHECK_EVERY inputs (and after the first) a fresh
 * connection gets a well-formed STATIC_SHM answered.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "fuzz_common.h"

#include "secure/secure_world.h"
#include "secure/socket_server.h"
#include "ipc/scm_rights.h"
#include "scmi/proto/tee_wire.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_PKTS    16
#define MAX_RAW	    600u
#define CHECK_EVERY 64u
#define REPLY_MS    5000

static struct secure_world *world;
static struct optee_sim_server *server;
static char dir[64];
static char path[128];
static unsigned long inputs;

static void cleanup(void)
{
	optee_sim_server_stop(server);
	secure_world_destroy(world);
	rmdir(dir);
}

// NOLINTNEXTLINE(readability-non-const-parameter): signature fixed by libFuzzer
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct optee_sim_server_config cfg = {.quiet = true};
	char err[256];

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof(dir), "/tmp/scmi-fuzz-XXXXXX");
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof(path), "%s/optee-simd.sock", dir);
	if (secure_world_create(SCMI_DEFAULT_PLATFORM_DTB, NULL, &world, err, sizeof(err))) {
		fprintf(stderr, "fuzz: %s\n", err);
		abort();
	}
	cfg.socket_path = path;
	server = optee_sim_server_start(secure_world_core(world), &cfg, err, sizeof(err));
	if (!server) {
		fprintf(stderr, "fuzz: %s\n", err);
		abort();
	}
	if (atexit(cleanup)) {
		cleanup();
		fprintf(stderr, "fuzz: atexit failed\n");
		abort();
	}
	return 0;
}

static int connect_server(void)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);

	FUZZ_CHECK(fd >= 0);
	memcpy(sa.sun_path, path, strlen(path) + 1);
	FUZZ_CHECK(connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0);
	return fd;
}

/* Read one reply (closing any fd it carries). 1: a reply, 0: EOF, -1: timeout or error. */
static int read_reply(int fd, struct optee_sim_rsp *rsp)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * 4)];
		struct cmsghdr align;
	} cbuf;
	unsigned char buf[sizeof(*rsp) + 1];
	struct iovec iov = {.iov_base = buf, .iov_len = sizeof(buf)};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	ssize_t n;
	int r;

	/* Callers read *rsp only after a 1, but it is never left indeterminate. */
	memset(rsp, 0, sizeof(*rsp));
	msg.msg_control = cbuf.buf;
	msg.msg_controllen = sizeof(cbuf.buf);
	/* libFuzzer's timeout alarm interrupts waits: EINTR is no failure. */
	do {
		r = poll(&pfd, 1, REPLY_MS);
	} while (r < 0 && errno == EINTR);
	if (r != 1)
		return -1;
	memset(&cbuf, 0, sizeof(cbuf));
	do {
		n = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return errno == ECONNRESET ? 0 : -1;
	{
		int fds[4];
		int i, nfd = scm_take_fds(&msg, fds, 4, NULL);

		for (i = 0; i < nfd && i < 4; i++)
			close(fds[i]);
	}
	if (n == 0)
		return 0;
	FUZZ_CHECK(n == (ssize_t)sizeof(*rsp));
	memcpy(rsp, buf, sizeof(*rsp));
	return 1;
}

static int make_memfd(struct fuzz_in *in, uint8_t ctl)
{
	int fd = memfd_create("fuzz-shm", MFD_CLOEXEC | MFD_ALLOW_SEALING);

	FUZZ_CHECK(fd >= 0);
	FUZZ_CHECK(ftruncate(fd, fuzz_u16(in) % 8192u) == 0);
	if (ctl & 0x20)
		fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
	return fd;
}

static void liveness_check(void)
{
	struct optee_sim_req req;
	struct optee_sim_rsp rsp;
	int fd = connect_server();

	memset(&req, 0, sizeof(req));
	req.magic = OPTEE_SIM_WIRE_MAGIC;
	req.version = OPTEE_SIM_WIRE_VERSION;
	req.op = OPTEE_SIM_OP_STATIC_SHM;
	req.seq = 0x5eed;
	FUZZ_CHECK(scm_send_packet(fd, &req, sizeof(req), -1) == 0);
	FUZZ_CHECK(read_reply(fd, &rsp) == 1);
	/* Static memory goes only through a kernel-login session: without one, refused. */
	FUZZ_CHECK(rsp.magic == OPTEE_SIM_WIRE_MAGIC && rsp.seq == 0x5eed && rsp.err == -EINVAL);
	/* Wait for the server to hang up: its connection thread has then freed its client, so
	 * nothing of this connection is in flight during the next input (libFuzzer's per-input
	 * leak check saw that client once, unreachable mid-teardown). */
	shutdown(fd, SHUT_WR);
	while (read_reply(fd, &rsp) > 0)
		;
	close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {.p = data, .left = size};
	struct optee_sim_rsp rsp;
	unsigned int i;
	int fd, r;

	if (inputs++ % CHECK_EVERY == 1)
		liveness_check();
	fd = connect_server();
	for (i = 0; i < MAX_PKTS && in.left; i++) {
		uint8_t ctl = fuzz_u8(&in);
		const uint8_t *src;
		int pass_fd = -1;
		size_t n;

		if ((ctl & 3) == 3) {
			/* An empty packet: the server takes it for the end of the connection. */
			if (scm_send_packet(fd, "", 0, -1))
				break;
			continue;
		}
		if ((ctl & 3) == 2) {
			uint8_t raw[MAX_RAW];
			size_t len = fuzz_u16(&in) % (MAX_RAW + 1);

			src = fuzz_take(&in, len, &n);
			memset(raw, 0, sizeof(raw));
			memcpy(raw, src, n);
			if (scm_send_packet(fd, raw, len, -1))
				break;
			continue;
		}
		{
			struct optee_sim_req req;

			memset(&req, 0, sizeof(req));
			src = fuzz_take(&in, sizeof(req), &n);
			memcpy(&req, src, n);
			if (ctl & 4) {
				req.magic = OPTEE_SIM_WIRE_MAGIC;
				req.version = OPTEE_SIM_WIRE_VERSION;
				req.op = req.op % 7u;
				req.num_params %= 5u;
			}
			if (ctl & 0x10)
				pass_fd = make_memfd(&in, ctl);
			r = scm_send_packet(fd, &req, sizeof(req), pass_fd);
			if (pass_fd >= 0)
				close(pass_fd);
			if (r)
				break;
		}
	}
	shutdown(fd, SHUT_WR);
	for (;;) {
		r = read_reply(fd, &rsp);
		FUZZ_CHECK(r >= 0);
		if (!r)
			break;
		FUZZ_CHECK(rsp.magic == OPTEE_SIM_WIRE_MAGIC);
		FUZZ_CHECK(rsp.version == OPTEE_SIM_WIRE_VERSION);
	}
	close(fd);
	return 0;
}
