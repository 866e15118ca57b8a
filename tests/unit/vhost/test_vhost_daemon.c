// SPDX-License-Identifier: BSD-3-Clause
/*
 * optee-simd --vhost-user, end to end: two devices of one daemon are two
 * agents of one platform; a frontend that sends garbage is dropped while the
 * other device keeps serving; SIGTERM removes the sockets; a channel the
 * platform lacks is a start-up error.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "fe.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/base.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/status.h"
#include "secure/vhost_user_scmi.h"

#define FEATURES                                                                                   \
	((1ull << VHU_VIRTIO_F_VERSION_1) | (1ull << VHU_F_PROTOCOL_FEATURES) |                    \
	 (1ull << VIRTIO_SCMI_F_P2A_CHANNELS))

static pid_t spawn(char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	return pid;
}

static int wait_exit(pid_t pid)
{
	int st;

	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

/* DISCOVER_AGENT(self) through @f: the agent id, its name in @name. */
static uint32_t whoami(struct fe *f, char name[SCMI_SHORT_NAME_SIZE + 1])
{
	uint8_t req[8], rsp[64];

	scmi_put_le32(req, scmi_hdr_make(SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_DISCOVER_AGENT, 0, 1));
	scmi_put_le32(req + 4, SCMI_BASE_AGENT_ID_SELF);
	assert_int_equal(fe_scmi(f, req, 8, rsp, sizeof(rsp)), 12 + SCMI_SHORT_NAME_SIZE);
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_SUCCESS);
	memcpy(name, rsp + 12, SCMI_SHORT_NAME_SIZE);
	name[SCMI_SHORT_NAME_SIZE] = 0;
	return scmi_get_le32(rsp + 8);
}

static void test_two_agents(void **state)
{
	char dir[] = "/tmp/vhost-daemon-XXXXXX", tee[96], a[96], b[96], b_arg[100];
	char name[SCMI_SHORT_NAME_SIZE + 1];
	struct fe fa, fb;
	struct stat st;
	pid_t pid;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(tee, sizeof(tee), "%s/tee.sock", dir);
	snprintf(a, sizeof(a), "%s/a.sock", dir);
	snprintf(b, sizeof(b), "%s/b.sock", dir);
	snprintf(b_arg, sizeof(b_arg), "%s:0", b);
	{
		char *argv[] = {OPTEE_SIMD,
				"--platform",
				SCMI_DEFAULT_PLATFORM_DTB,
				"--socket",
				tee,
				"--vhost-user",
				a,
				"--vhost-user",
				b_arg,
				NULL};

		pid = spawn(argv);
	}
	assert_true(pid > 0);
	/* fe_connect retries for a second while the daemon starts. */
	assert_int_equal(fe_connect(&fa, a), 0);
	assert_int_equal(fe_handshake(&fa, FEATURES), 0);
	assert_int_equal(fe_connect(&fb, b), 0);
	assert_int_equal(fe_handshake(&fb, FEATURES), 0);
	assert_int_equal(whoami(&fa, name), 2);
	assert_string_equal(name, "vm1");
	assert_int_equal(whoami(&fb, name), 1);
	assert_string_equal(name, "linux");

	/* Garbage on a: a is dropped, b goes on. */
	assert_int_equal(send(fa.sock, "garbage, not a header", 21, MSG_NOSIGNAL), 21);
	assert_true(fe_wait_closed(&fa));
	fe_close(&fa);
	assert_int_equal(whoami(&fb, name), 1);
	/* And a serves the next frontend. */
	assert_int_equal(fe_connect(&fa, a), 0);
	assert_int_equal(fe_handshake(&fa, FEATURES), 0);
	assert_int_equal(whoami(&fa, name), 2);

	assert_int_equal(kill(pid, SIGTERM), 0);
	assert_int_equal(wait_exit(pid), 0);
	fe_close(&fa);
	fe_close(&fb);
	assert_int_equal(stat(a, &st), -1);
	assert_int_equal(stat(b, &st), -1);
	assert_int_equal(rmdir(dir), 0);
}

static void test_bad_channel(void **state)
{
	char dir[] = "/tmp/vhost-daemon-XXXXXX", tee[96], a[100];
	pid_t pid;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(tee, sizeof(tee), "%s/tee.sock", dir);
	snprintf(a, sizeof(a), "%s/a.sock:99", dir);
	{
		char *argv[] = {OPTEE_SIMD, "--platform", SCMI_DEFAULT_PLATFORM_DTB,
				"--socket", tee,	  "--vhost-user",
				a,	    NULL};

		pid = spawn(argv);
	}
	assert_int_equal(wait_exit(pid), 1);
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_two_agents),
	    cmocka_unit_test(test_bad_channel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
