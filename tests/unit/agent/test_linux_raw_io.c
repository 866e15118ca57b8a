// SPDX-License-Identifier: BSD-3-Clause
/*
 * The linux-raw transport's real file operations (scmi_linux_raw_sys_io), which
 * the fake kernel of test_linux_raw replaces: errors as -errno, poll's three
 * answers, the advisory lock taken without waiting and given back.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "agent/common.h"
#include "agent/linux_raw.h"

static const struct scmi_linux_raw_io *io = &scmi_linux_raw_sys_io;

static void test_files(void **state)
{
	char dir[] = "/tmp/scmi-raw-io.XXXXXX", path[64];
	uint8_t buf[8];
	int fd, fd2;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/message", dir);
	assert_int_equal(io->open(io->ctx, path, O_RDWR), -ENOENT);
	fd = io->open(io->ctx, path, O_RDWR | O_CREAT | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(io->write(io->ctx, fd, "abcd", 4), 4);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(io->read(io->ctx, fd, buf, sizeof(buf)), 4);
	assert_memory_equal(buf, "abcd", 4);
	assert_int_equal(io->read(io->ctx, fd, buf, sizeof(buf)), 0);
	/* A regular file always has something to say. */
	assert_int_equal(io->poll(io->ctx, fd, 0), 1);

	/* The lock: a second open file cannot take it while the first holds it. */
	fd2 = io->open(io->ctx, path, O_RDONLY);
	assert_true(fd2 >= 0);
	assert_int_equal(io->lock(io->ctx, fd, true), 0);
	assert_int_equal(io->lock(io->ctx, fd2, true), -EWOULDBLOCK);
	assert_int_equal(io->lock(io->ctx, fd, false), 0);
	assert_int_equal(io->lock(io->ctx, fd2, true), 0);
	assert_int_equal(io->lock(io->ctx, fd2, false), 0);
	/* Writing a read-only file, reading a write-only one. */
	assert_int_equal(io->write(io->ctx, fd2, "x", 1), -EBADF);
	io->close(io->ctx, fd2);
	fd2 = io->open(io->ctx, path, O_WRONLY);
	assert_true(fd2 >= 0);
	assert_int_equal(io->read(io->ctx, fd2, buf, 1), -EBADF);
	io->close(io->ctx, fd2);
	io->close(io->ctx, fd);
	/* Closed: gone. */
	assert_int_equal(io->read(io->ctx, fd, buf, 1), -EBADF);
	assert_int_equal(io->lock(io->ctx, fd, true), -EBADF);
	unlink(path);
	rmdir(dir);
}

static void test_poll(void **state)
{
	uint8_t b;
	int p[2];

	(void)state;
	assert_int_equal(pipe(p), 0);
	/* Nothing yet: 0 after the wait. */
	assert_int_equal(io->poll(io->ctx, p[0], 5), 0);
	assert_int_equal(io->poll(io->ctx, p[0], 0), 0);
	assert_int_equal(io->write(io->ctx, p[1], "m", 1), 1);
	assert_int_equal(io->poll(io->ctx, p[0], 0), 1);
	assert_int_equal(io->read(io->ctx, p[0], &b, 1), 1);
	assert_int_equal(io->poll(io->ctx, p[0], 0), 0);
	/* The other end gone: readable (hang-up), read says 0. */
	close(p[1]);
	assert_int_equal(io->poll(io->ctx, p[0], 0), 1);
	assert_int_equal(io->read(io->ctx, p[0], &b, 1), 0);
	close(p[0]);
	/* A descriptor that is not open is not "ready". */
	assert_int_equal(io->poll(io->ctx, p[0], 0), 0);
}

/*
 * An agent on a raw directory of real files whose queue gets descriptor 0 (stdin closed):
 * closing the agent closes it too.
 */
static void test_agent_on_fd0(void **state)
{
	char dir[] = "/tmp/scmi-raw-fd0.XXXXXX", path[80];
	struct scmi_agent_config cfg = {.transport = SCMI_TRANSPORT_LINUX_RAW};
	struct scmi_agent *a = NULL;
	static const char *const names[] = {"notification", "message"};
	int fd, i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
		assert_true(fd >= 0);
		close(fd);
	}
	cfg.raw_dir = dir;
	close(0);
	assert_int_equal(scmi_agent_open(&cfg, &a), 0);
	assert_int_equal(scmi_agent_transport(a), SCMI_TRANSPORT_LINUX_RAW);
	assert_int_not_equal(fcntl(0, F_GETFD), -1);
	scmi_agent_close(a);
	errno = 0;
	assert_int_equal(fcntl(0, F_GETFD), -1);
	assert_int_equal(errno, EBADF);
	fd = open("/dev/null", O_RDONLY);
	assert_int_equal(fd, 0);
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_files),
	    cmocka_unit_test(test_poll),
	    cmocka_unit_test(test_agent_on_fd0),
	};

	return cmocka_run_group_tests_name("agent/linux-raw-io", tests, NULL, NULL);
}
