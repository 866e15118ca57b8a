// SPDX-License-Identifier: BSD-3-Clause
/* The optee-simd socket's default path, its private directory and the server's credentials. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ipc/socket_path.h"

int ipc_default_socket(char *buf, size_t len, char *dir)
{
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	const char *tmp = getenv("TMPDIR");
	char d[256];
	int n;

	if (!buf || !len)
		return -EINVAL;
	if (xdg && xdg[0] == '/') {
		n = snprintf(buf, len, "%s/" IPC_SOCKET_NAME, xdg);
		if (dir)
			dir[0] = '\0';
		return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
	}
	/* A relative TMPDIR would name a different place for each working directory. */
	if (!tmp || tmp[0] != '/')
		tmp = "/tmp";
	n = snprintf(d, sizeof(d), "%s/optee-simd-%u", tmp, (unsigned int)getuid());
	if (n < 0 || (size_t)n >= sizeof(d) || (size_t)n >= len)
		return -ENAMETOOLONG;
	n = snprintf(buf, len, "%s/" IPC_SOCKET_NAME, d);
	if (n < 0 || (size_t)n >= len)
		return -ENAMETOOLONG;
	if (dir)
		memcpy(dir, d, strlen(d) + 1);
	return 0;
}

int ipc_private_dir(const char *dir, uid_t uid, bool create, char *err, size_t err_len)
{
	struct stat st;

	if (create && mkdir(dir, 0700) && errno != EEXIST) {
		int rc = -errno;

		snprintf(err, err_len, "cannot create %s: %s", dir, strerror(errno));
		return rc;
	}
	/* lstat: a link planted there must not lead us to someone else's directory. */
	if (lstat(dir, &st)) {
		int rc = -errno;

		snprintf(err, err_len, "%s: %s", dir, strerror(errno));
		return rc;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, err_len, "%s is not a directory: refusing it", dir);
		return -EACCES;
	}
	if (st.st_uid != uid) {
		snprintf(err, err_len, "%s belongs to uid %u, not to us (uid %u): refusing it", dir,
			 (unsigned int)st.st_uid, (unsigned int)uid);
		return -EACCES;
	}
	if (st.st_mode & 077) {
		snprintf(err, err_len, "%s has mode %03o, not private (0700): refusing it", dir,
			 (unsigned int)(st.st_mode & 0777));
		return -EACCES;
	}
	return 0;
}

int ipc_peer_uid(int fd, uid_t *uid)
{
	struct ucred uc;
	socklen_t len = sizeof(uc);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &uc, &len))
		return -errno;
	*uid = uc.uid;
	return 0;
}

bool ipc_server_trusted(uid_t server, uid_t also)
{
	return server == 0 || server == getuid() || server == geteuid() ||
	       (also != (uid_t)-1 && server == also);
}
