// SPDX-License-Identifier: BSD-3-Clause
/* The SCM_RIGHTS helpers both ends of the optee-simd socket use, over a socketpair. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "ipc/scm_rights.h"
#include "tee_test_common.h"

static void pair(int sv[2])
{
	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
}

/* Receive one packet into @buf; returns its size, the fds collected as scm_take_fds() does. */
static ssize_t recv_packet(int s, void *buf, size_t len, int *fds, int max, int *count,
			   bool *foreign)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * 8) + CMSG_SPACE(sizeof(struct ucred))];
		struct cmsghdr align;
	} cbuf;
	struct iovec iov = {.iov_base = buf, .iov_len = len};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
	ssize_t n;

	msg.msg_control = cbuf.buf;
	msg.msg_controllen = sizeof(cbuf.buf);
	n = recvmsg(s, &msg, MSG_CMSG_CLOEXEC);
	assert_true(n >= 0);
	*count = scm_take_fds(&msg, fds, max, foreign);
	return n;
}

static bool fd_open(int fd)
{
	return fcntl(fd, F_GETFD) >= 0;
}

static void test_send_with_and_without_fd(void **state)
{
	char out[16] = "packet", in[32];
	int sv[2], fds[2] = {-1, -1}, count;
	bool foreign = false;
	int p[2];

	(void)state;
	pair(sv);
	assert_int_equal(pipe(p), 0);
	assert_int_equal(scm_send_packet(sv[0], out, sizeof(out), -1), 0);
	assert_int_equal(recv_packet(sv[1], in, sizeof(in), fds, 2, &count, &foreign), sizeof(out));
	assert_int_equal(count, 0);
	assert_int_equal(fds[0], -1);
	assert_memory_equal(in, out, sizeof(out));

	assert_int_equal(scm_send_packet(sv[0], out, sizeof(out), p[1]), 0);
	assert_int_equal(recv_packet(sv[1], in, sizeof(in), fds, 2, &count, &foreign), sizeof(out));
	assert_int_equal(count, 1);
	assert_false(foreign);
	/* The fd that came is the pipe's write end: what goes in comes out of p[0]. */
	assert_int_equal(write(fds[0], "x", 1), 1);
	assert_int_equal(read(p[0], in, 1), 1);
	assert_int_equal(in[0], 'x');
	close(fds[0]);
	close(p[0]);
	close(p[1]);
	close(sv[0]);
	close(sv[1]);
}

static void test_excess_fds_closed(void **state)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * 3)];
		struct cmsghdr align;
	} cbuf;
	char out = 'a', in;
	struct iovec iov = {.iov_base = &out, .iov_len = 1};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
	struct cmsghdr *cm;
	int sv[2], p[2], send_fds[3], kept = -1, count, before;

	(void)state;
	pair(sv);
	assert_int_equal(pipe(p), 0);
	send_fds[0] = p[0];
	send_fds[1] = p[1];
	send_fds[2] = sv[0];
	memset(&cbuf, 0, sizeof(cbuf));
	msg.msg_control = cbuf.buf;
	msg.msg_controllen = sizeof(cbuf.buf);
	cm = CMSG_FIRSTHDR(&msg);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(send_fds));
	memcpy(CMSG_DATA(cm), send_fds, sizeof(send_fds));
	assert_int_equal(sendmsg(sv[0], &msg, 0), 1);

	before = count_fds();
	assert_int_equal(recv_packet(sv[1], &in, 1, &kept, 1, &count, NULL), 1);
	assert_int_equal(count, 3);
	assert_true(fd_open(kept));
	/* Only the kept one stays open: the other two were closed. */
	assert_int_equal(count_fds(), before + 1);
	close(kept);
	close(p[0]);
	close(p[1]);
	close(sv[0]);
	close(sv[1]);
}

static void test_foreign_control_message(void **state)
{
	int on = 1, sv[2], fds[1] = {-1}, count;
	bool foreign = false;
	char in[8];

	(void)state;
	pair(sv);
	/* With SO_PASSCRED every packet arrives with SCM_CREDENTIALS: not an fd, but reported. */
	assert_int_equal(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof(on)), 0);
	assert_int_equal(scm_send_packet(sv[0], "hi", 2, -1), 0);
	assert_int_equal(recv_packet(sv[1], in, sizeof(in), fds, 1, &count, &foreign), 2);
	assert_int_equal(count, 0);
	assert_true(foreign);
	/* A NULL @foreign is allowed. */
	assert_int_equal(scm_send_packet(sv[0], "hi", 2, -1), 0);
	assert_int_equal(recv_packet(sv[1], in, sizeof(in), fds, 1, &count, NULL), 2);
	close(sv[0]);
	close(sv[1]);
}

static void test_send_errors(void **state)
{
	int sv[2];

	(void)state;
	pair(sv);
	close(sv[1]);
	/* A gone peer is an error, never SIGPIPE. */
	assert_int_equal(scm_send_packet(sv[0], "x", 1, -1), -EPIPE);
	close(sv[0]);
	assert_int_equal(scm_send_packet(sv[0], "x", 1, -1), -EBADF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_send_with_and_without_fd),
	    cmocka_unit_test(test_excess_fds_closed),
	    cmocka_unit_test(test_foreign_control_message),
	    cmocka_unit_test(test_send_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
