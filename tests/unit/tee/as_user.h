/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tests that need a second user: run a function in a child process under
 * another uid/gid. Only root may switch; tests skip the multi-user part
 * otherwise (CI runs them as root).
 */
#ifndef TEST_AS_USER_H
#define TEST_AS_USER_H

#include <stdbool.h>
#include <sys/types.h>

/** Uids the tests use: nobody, and a made-up one no account owns. */
#define AS_USER_NOBODY 65534u
#define AS_USER_OTHER  4242u

/**
 * struct as_user - a child running as another user.
 * @pid:  the child
 * @gate: write end of the pipe it waits on before it runs its function
 */
struct as_user {
	pid_t pid;
	int gate;
};

/** as_user_possible() - whether this process may take other uids (it is root). */
bool as_user_possible(void);

/**
 * as_user_spawn() - fork a child that drops to @uid/@gid (no supplementary groups), waits
 * for as_user_go() and exits with @fn(@arg) (0: it saw what it expected). Fork before
 * starting threads: the child must not inherit a lock another thread holds. Aborts the
 * test on failure.
 */
void as_user_spawn(struct as_user *u, uid_t uid, gid_t gid, int (*fn)(void *), void *arg);

/** as_user_go() - let the child run. */
void as_user_go(struct as_user *u);

/** as_user_wait() - the child's exit status, or 128 + the signal that killed it. */
int as_user_wait(struct as_user *u);

#endif /* TEST_AS_USER_H */
