// SPDX-License-Identifier: BSD-3-Clause
/*
 * Timestamps for every line of the daemon's log (daemon_log.h). Rather than teach each part of
 * the daemon (TEE core, socket server, platform) a logging call, stderr itself becomes the
 * write end of a pipe, and one thread stamps each line it reads there before it writes it
 * to the destination; so a line logged by any layer, in as many writes as it takes, comes
 * out whole and timestamped once.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "secure/daemon_log.h"

static int log_dest = -1;
static pthread_t log_thread;
static int log_pipe = -1;

static void write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

static void stamp(int fd)
{
	struct timespec ts;
	struct tm tm;
	char buf[40];
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
	n += (size_t)snprintf(buf + n, sizeof(buf) - n, ".%06ldZ ", ts.tv_nsec / 1000l);
	write_all(fd, buf, n);
}

static void *log_main(void *arg)
{
	bool line_start = true;
	char buf[4096];
	ssize_t n;

	(void)arg;
	while ((n = read(log_pipe, buf, sizeof(buf))) != 0) {
		char *p = buf, *end;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		end = buf + n;
		while (p < end) {
			char *nl = memchr(p, '\n', (size_t)(end - p));
			char *stop = nl ? nl + 1 : end;

			if (line_start)
				stamp(log_dest);
			write_all(log_dest, p, (size_t)(stop - p));
			line_start = nl != NULL;
			p = stop;
		}
	}
	if (!line_start)
		write_all(log_dest, "\n", 1);
	return NULL;
}

int daemon_log_start(const char *path, char *err, size_t errlen)
{
	sigset_t all, old;
	int p[2];
	int ret;

	log_dest = path ? open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)
			: fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	if (log_dest < 0) {
		ret = -errno;
		snprintf(err, errlen, "--log %s: %s", path ? path : "stderr", strerror(errno));
		return ret;
	}
	if (pipe2(p, O_CLOEXEC)) {
		ret = -errno;
		snprintf(err, errlen, "log pipe: %s", strerror(errno));
		goto err_dest;
	}
	if (dup2(p[1], STDERR_FILENO) < 0) {
		ret = -errno;
		snprintf(err, errlen, "log pipe: %s", strerror(errno));
		goto err_pipe;
	}
	close(p[1]);
	log_pipe = p[0];
	/* The daemon takes its signals on a signalfd: this thread must not be where they land. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	ret = -pthread_create(&log_thread, NULL, log_main, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (ret) {
		/* stderr back to where it went, so that the reason is seen. */
		dup2(log_dest, STDERR_FILENO);
		close(log_pipe);
		log_pipe = -1;
		snprintf(err, errlen, "log thread: %s", strerror(-ret));
		close(log_dest);
		log_dest = -1;
		return ret;
	}
	return 0;

err_pipe:
	close(p[0]);
	close(p[1]);
err_dest:
	close(log_dest);
	log_dest = -1;
	return ret;
}

void daemon_log_stop(void)
{
	if (log_pipe < 0)
		return;
	(void)fflush(stderr);
	/* The pipe's last write end closes: the thread reads to its end, then stops. */
	dup2(log_dest, STDERR_FILENO);
	pthread_join(log_thread, NULL);
	close(log_pipe);
	log_pipe = -1;
	close(log_dest);
	log_dest = -1;
}
