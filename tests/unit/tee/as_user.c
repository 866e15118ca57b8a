// SPDX-License-Identifier: BSD-3-Clause
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "as_user.h"

bool as_user_possible(void)
{
	return geteuid() == 0;
}

void as_user_spawn(struct as_user *u, uid_t uid, gid_t gid, int (*fn)(void *), void *arg)
{
	int gate[2];
	char c;

	assert_int_equal(pipe2(gate, O_CLOEXEC), 0);
	u->pid = fork();
	assert_true(u->pid >= 0);
	if (u->pid == 0) {
		close(gate[1]);
		/* Group first: once the uid is gone, so is the right to change it. */
		if (setgroups(0, NULL) || setresgid(gid, gid, gid) || setresuid(uid, uid, uid))
			_exit(120);
		if (read(gate[0], &c, 1) != 1)
			_exit(121);
		/* _exit: the parent's objects are not the child's leaks. */
		_exit(fn(arg));
	}
	close(gate[0]);
	u->gate = gate[1];
}

void as_user_go(struct as_user *u)
{
	char c = 1;

	assert_int_equal(write(u->gate, &c, 1), 1);
	close(u->gate);
	u->gate = -1;
}

int as_user_wait(struct as_user *u)
{
	int status;

	while (waitpid(u->pid, &status, 0) < 0)
		assert_int_equal(errno, EINTR);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
