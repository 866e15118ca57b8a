// SPDX-License-Identifier: BSD-3-Clause
#include "secure/unix_path.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

int unix_claim_path(const char *path, int type, const char *who, char *err, size_t err_len)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	struct stat st;
	int fd, rc;

	if (lstat(path, &st)) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, err_len, "%s: %s", path, strerror(errno));
		return -errno;
	}
	if (!S_ISSOCK(st.st_mode)) {
		snprintf(err, err_len, "%s exists and is not a socket", path);
		return -EEXIST;
	}
	if (strlen(path) >= sizeof(sa.sun_path)) {
		snprintf(err, err_len, "socket path too long: %s", path);
		return -ENAMETOOLONG;
	}
	memcpy(sa.sun_path, path, strlen(path) + 1);
	fd = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		snprintf(err, err_len, "socket: %s", strerror(errno));
		return -errno;
	}
	/* Someone answers: a live listener, not ours to take. */
	rc = connect(fd, (struct sockaddr *)&sa, sizeof(sa));
	close(fd);
	if (!rc) {
		snprintf(err, err_len, "%s: another %s is listening", path, who);
		return -EADDRINUSE;
	}
	if (unlink(path) && errno != ENOENT) {
		snprintf(err, err_len, "cannot remove stale %s: %s", path, strerror(errno));
		return -errno;
	}
	return 0;
}
