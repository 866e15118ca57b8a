// SPDX-License-Identifier: BSD-3-Clause
#include "daemon.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef OPTEE_SIMD_PATH
#error "OPTEE_SIMD_PATH must name the daemon binary"
#endif

static bool socket_answers(const char *path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	bool ok;

	if (fd < 0)
		return false;
	if (strlen(path) >= sizeof(sa.sun_path)) {
		close(fd);
		return false;
	}
	memcpy(sa.sun_path, path, strlen(path) + 1);
	ok = connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0;
	close(fd);
	return ok;
}

bool test_daemon_start(struct test_daemon *d, const char *platform_dtb)
{
	struct timespec nap = {0, 10L * 1000 * 1000};
	int i;

	if (!d->dir[0]) {
		snprintf(d->dir, sizeof(d->dir), "/tmp/scmi-it-XXXXXX");
		if (!mkdtemp(d->dir))
			return false;
		snprintf(d->socket, sizeof(d->socket), "%s/optee-simd.sock", d->dir);
		snprintf(d->log, sizeof(d->log), "%s/optee-simd.log", d->dir);
	}
	d->platform = platform_dtb;
	d->pid = fork();
	if (d->pid < 0)
		return false;
	if (d->pid == 0) {
		int log = open(d->log, O_WRONLY | O_CREAT | O_APPEND, 0600);

		if (log >= 0)
			dup2(log, STDERR_FILENO);
		execl(OPTEE_SIMD_PATH, "optee-simd", "--socket", d->socket, "--platform",
		      platform_dtb, (char *)NULL);
		_exit(127);
	}
	/* Bounded wait for the daemon to listen: 10 s, far beyond a normal start. */
	for (i = 0; i < 1000; i++) {
		int status;

		if (socket_answers(d->socket))
			return true;
		if (waitpid(d->pid, &status, WNOHANG) == d->pid) {
			d->pid = 0;
			return false;
		}
		nanosleep(&nap, NULL);
	}
	return false;
}

int test_daemon_signal(struct test_daemon *d, int sig)
{
	int status = -1;

	if (!d->pid)
		return -1;
	kill(d->pid, sig);
	if (sig == SIGSTOP) {
		/* kill() returns before the target stops: wait until it has. */
		while (waitpid(d->pid, &status, WUNTRACED) < 0 && errno == EINTR)
			;
	} else if (sig == SIGKILL || sig == SIGTERM) {
		while (waitpid(d->pid, &status, 0) < 0 && errno == EINTR)
			;
		d->pid = 0;
	}
	return status;
}

/* Copy the daemon's log to stderr: ctest prints it with a failing test's output. */
static void show_log(const char *path)
{
	char buf[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(STDERR_FILENO, buf, (size_t)n) != n)
			break;
	close(fd);
}

void test_daemon_cleanup(struct test_daemon *d)
{
	if (d->pid) {
		kill(d->pid, SIGCONT);
		test_daemon_signal(d, SIGKILL);
	}
	if (d->dir[0]) {
		show_log(d->log);
		/* The daemon makes nothing else in its directory; rmdir says if it did. */
		unlink(d->log);
		unlink(d->socket);
		if (rmdir(d->dir) != 0)
			fprintf(stderr, "cleanup of %s failed: %s\n", d->dir, strerror(errno));
		d->dir[0] = 0;
	}
}
