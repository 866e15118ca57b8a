// SPDX-License-Identifier: BSD-3-Clause
/*
 * The whole path as a user runs it: libscmi -> OP-TEE transport -> sim TEE
 * backend -> Unix socket + memfd -> optee-simd (a real process) -> SCMI PTA
 * -> server core -> simulated platform, in each transport mode; then the
 * daemon frozen, killed and restarted under a live agent.
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "daemon.h"
#include "scmi/base.h"
#include "scmi/scmi.h"

static struct test_daemon daemon_;

static int setup(void **state)
{
	(void)state;
	if (signal(SIGPIPE, SIG_IGN) == SIG_ERR)
		return -1;
	return test_daemon_start(&daemon_, PLATFORM_DTB) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	test_daemon_cleanup(&daemon_);
	return 0;
}

/*
 * A timeout for the tests that are not about timeouts: Linux's 30 ms default (what 0 gives)
 * is a real platform's; a sanitized daemon on a loaded two-core machine, with ctest running
 * other tests beside it, may take longer for a message, and that is no failure of ours.
 */
#define E2E_TIMEOUT_MS 5000u

static struct scmi_agent *open_agent(const char *dtb, enum scmi_mode mode, uint32_t timeout_ms)
{
	char err[256] = "";
	struct scmi_agent_config cfg = {
	    .dt_path = dtb,
	    .socket_path = daemon_.socket,
	    .mode = mode,
	    .timeout_ms = timeout_ms,
	    .errbuf = err,
	    .errbuf_len = sizeof(err),
	};
	struct scmi_agent *agent = NULL;
	int ret = scmi_agent_open(&cfg, &agent);

	if (ret)
		print_error("scmi_agent_open(%s, %s): %d %s\n", dtb ? dtb : "-",
			    scmi_mode_name(mode), ret, err);
	assert_int_equal(ret, 0);
	return agent;
}

/* What the default platform (platforms/default.dts) says, seen through Base. */
static void check_default_platform(struct scmi_agent *agent, const char *self_name)
{
	struct scmi_base_info info;
	char name[SCMI_NAME_BUF];
	uint32_t id;

	assert_int_equal(scmi_base_get_info(agent, &info), 0);
	assert_int_equal(info.version, 0x20001);
	assert_string_equal(info.vendor, "scmi-optee");
	assert_string_equal(info.sub_vendor, "sim-soc");
	assert_int_equal(info.impl_version, 0x00010000);
	assert_int_equal(info.num_agents, 2);
	assert_int_equal(info.num_listed, info.num_protocols);

	assert_int_equal(scmi_base_discover_agent(agent, SCMI_BASE_AGENT_ID_SELF, &id, name), 0);
	assert_string_equal(name, self_name);
	assert_int_equal(scmi_base_discover_agent(agent, 0, &id, name), 0);
	assert_int_equal(id, 0);
	assert_int_equal(scmi_base_discover_agent(agent, 2, &id, name), 0);
	assert_string_equal(name, "vm1");
	assert_int_equal(scmi_base_discover_agent(agent, 3, &id, name), -ENOENT);
}

static void test_mode_smt_static(void **state)
{
	(void)state;
	struct scmi_agent *agent = open_agent(AGENT_SMT_DTB, SCMI_MODE_AUTO, E2E_TIMEOUT_MS);

	/* A DT with shmem and a PTA offering SMT: Linux picks SMT in the static region. */
	assert_int_equal(scmi_agent_mode(agent), SCMI_MODE_SMT);
	check_default_platform(agent, "linux");
	scmi_agent_close(agent);
}

static void test_mode_smt_memref(void **state)
{
	(void)state;
	struct scmi_agent *agent = open_agent(AGENT_MSG_DTB, SCMI_MODE_SMT_MEMREF, E2E_TIMEOUT_MS);

	assert_int_equal(scmi_agent_mode(agent), SCMI_MODE_SMT_MEMREF);
	check_default_platform(agent, "linux");
	scmi_agent_close(agent);
}

static void test_mode_msg(void **state)
{
	(void)state;
	struct scmi_agent *agent = open_agent(AGENT_MSG_DTB, SCMI_MODE_AUTO, E2E_TIMEOUT_MS);

	/* No shmem in the DT: MSG, as Linux does. */
	assert_int_equal(scmi_agent_mode(agent), SCMI_MODE_MSG);
	check_default_platform(agent, "linux");
	scmi_agent_close(agent);
}

static void test_second_agent(void **state)
{
	(void)state;
	struct scmi_agent *agent = open_agent(AGENT_VM1_DTB, SCMI_MODE_AUTO, E2E_TIMEOUT_MS);

	assert_int_equal(scmi_agent_mode(agent), SCMI_MODE_SMT);
	check_default_platform(agent, "vm1");
	scmi_agent_close(agent);
}

static void test_errors_cross_the_boundary(void **state)
{
	(void)state;
	struct scmi_agent *agent = open_agent(AGENT_MSG_DTB, SCMI_MODE_MSG, E2E_TIMEOUT_MS);
	uint8_t rx[64];
	size_t rx_len = 0;
	int32_t status = 0;
	uint32_t skip = 0;

	/* A protocol the platform does not have. */
	assert_int_equal(scmi_xfer(agent, 0x7f, 0, NULL, 0, rx, sizeof(rx), &rx_len, &status),
			 -EOPNOTSUPP);
	assert_int_equal(status, SCMI_NOT_SUPPORTED);
	/* A request of the wrong length: PROTOCOL_ERROR, mapped once to -EPROTO. */
	assert_int_equal(scmi_xfer(agent, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_DISCOVER_VENDOR, &skip,
				   sizeof(skip), rx, sizeof(rx), &rx_len, &status),
			 -EPROTO);
	assert_int_equal(status, SCMI_PROTOCOL_ERROR);
	/* And the channel still works. */
	assert_int_equal(scmi_xfer(agent, SCMI_PROTOCOL_BASE, SCMI_MSG_PROTOCOL_VERSION, NULL, 0,
				   rx, sizeof(rx), &rx_len, &status),
			 0);
	assert_int_equal(rx_len, 4);
	scmi_agent_close(agent);
}

struct hammer {
	const char *dtb;
	int failures;
};

static void *hammer_thread(void *arg)
{
	struct hammer *h = arg;
	char err[128];
	struct scmi_agent_config cfg = {.dt_path = h->dtb,
					.socket_path = daemon_.socket,
					.timeout_ms = E2E_TIMEOUT_MS,
					.errbuf = err,
					.errbuf_len = sizeof(err)};
	struct scmi_agent *agent;
	char vendor[SCMI_NAME_BUF];
	int i;

	if (scmi_agent_open(&cfg, &agent)) {
		h->failures = -1;
		return NULL;
	}
	for (i = 0; i < 300; i++) {
		if (scmi_base_discover_vendor(agent, vendor) || strcmp(vendor, "scmi-optee") != 0)
			h->failures++;
	}
	scmi_agent_close(agent);
	return NULL;
}

static void test_two_agents_in_parallel(void **state)
{
	(void)state;
	struct hammer h[3] = {{AGENT_SMT_DTB, 0}, {AGENT_VM1_DTB, 0}, {AGENT_MSG_DTB, 0}};
	pthread_t t[3];
	int i;

	for (i = 0; i < 3; i++)
		assert_int_equal(pthread_create(&t[i], NULL, hammer_thread, &h[i]), 0);
	for (i = 0; i < 3; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(h[i].failures, 0);
	}
}

static void test_daemon_dies_mid_session(void **state)
{
	(void)state;
	struct scmi_agent *agent = open_agent(AGENT_MSG_DTB, SCMI_MODE_MSG, 100);
	char vendor[SCMI_NAME_BUF];
	int ret;

	assert_int_equal(scmi_base_discover_vendor(agent, vendor), 0);

	/* Frozen daemon: the agent gives up at its timeout instead of hanging. */
	test_daemon_signal(&daemon_, SIGSTOP);
	assert_int_equal(scmi_base_discover_vendor(agent, vendor), -ETIMEDOUT);

	/* Dead daemon: an error, at once, every time. */
	test_daemon_signal(&daemon_, SIGKILL);
	ret = scmi_base_discover_vendor(agent, vendor);
	assert_true(ret < 0);
	ret = scmi_base_discover_vendor(agent, vendor);
	assert_int_equal(ret, -EAGAIN);

	/* Restarted daemon (stale socket file left by the kill): the same agent works again. */
	assert_true(test_daemon_start(&daemon_, PLATFORM_DTB));
	assert_int_equal(scmi_base_discover_vendor(agent, vendor), 0);
	assert_string_equal(vendor, "scmi-optee");
	scmi_agent_close(agent);
}

static void test_daemon_not_running(void **state)
{
	(void)state;
	char err[256] = "";
	struct scmi_agent_config cfg = {.socket_path = "/nonexistent/optee-simd.sock",
					.errbuf = err,
					.errbuf_len = sizeof(err)};
	struct scmi_agent *agent = NULL;

	/* The analogue of probe deferral: a retryable error that says what is missing. */
	assert_int_equal(scmi_agent_open(&cfg, &agent), -EAGAIN);
	assert_null(agent);
	assert_non_null(strstr(err, "TEE not reachable"));
}

static void test_untrusted_peer_refused(void **state)
{
	(void)state;
	pid_t pid;
	int status;

	/* Needs a second uid: only root can become one. */
	if (geteuid() != 0)
		skip();
	chmod(daemon_.dir, 0755);
	chmod(daemon_.socket, 0777);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char err[256] = "";
		struct scmi_agent_config cfg = {
		    .socket_path = daemon_.socket, .errbuf = err, .errbuf_len = sizeof(err)};
		struct scmi_agent *agent = NULL;
		int ret;

		if (setgid(65534) || setuid(65534))
			_exit(10);
		ret = scmi_agent_open(&cfg, &agent);
		/* The daemon refuses the REE-kernel login to a peer it does not trust. */
		_exit(ret == -EACCES && agent == NULL && strstr(err, "login") ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_mode_smt_static),
	    cmocka_unit_test(test_mode_smt_memref),
	    cmocka_unit_test(test_mode_msg),
	    cmocka_unit_test(test_second_agent),
	    cmocka_unit_test(test_errors_cross_the_boundary),
	    cmocka_unit_test(test_two_agents_in_parallel),
	    cmocka_unit_test(test_untrusted_peer_refused),
	    cmocka_unit_test(test_daemon_not_running),
	    cmocka_unit_test(test_daemon_dies_mid_session),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
