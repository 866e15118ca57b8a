/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Where the optee-simd socket is and who may stand behind it: both ends (the
 * daemon and the client's sim backend) compute the default path here, check
 * its private directory here, and the client checks the server's credentials
 * here before it sends anything.
 *
 * The default path is $XDG_RUNTIME_DIR/optee-simd.sock (a directory the
 * session manager makes private to the user), else
 * ${TMPDIR:-/tmp}/optee-simd-UID/optee-simd.sock: a directory of our own,
 * mode 0700, in a directory anyone may write. Anyone may create that name
 * first, so its owner and mode are checked, never assumed: a squatter makes
 * the daemon refuse to start, never makes a client talk to the squatter.
 */
#ifndef SCMI_IPC_SOCKET_PATH_H
#define SCMI_IPC_SOCKET_PATH_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/** The default socket's name inside its directory. */
#define IPC_SOCKET_NAME "optee-simd.sock"

/**
 * ipc_default_socket() - the default socket path into @buf (@len bytes), and in @dir
 * (may be NULL; @len bytes too) the private directory to check, or "" when the path is
 * in $XDG_RUNTIME_DIR. Returns 0 or -ENAMETOOLONG.
 */
int ipc_default_socket(char *buf, size_t len, char *dir);

/**
 * ipc_private_dir() - check that @dir is a directory (not a symbolic link) owned by @uid
 * with no permission for group or others; with @create, make it (mode 0700) first if it
 * does not exist. Returns 0; -ENOENT when it does not exist (and !@create); -EACCES when
 * it is not private (another owner, a link, a file, group or other bits), with a one-line
 * reason in @err; another -errno.
 */
int ipc_private_dir(const char *dir, uid_t uid, bool create, char *err, size_t err_len);

/** ipc_peer_uid() - the uid of the process at the other end of connected socket @fd. */
int ipc_peer_uid(int fd, uid_t *uid);

/**
 * ipc_server_trusted() - whether a client may talk to a server running as @server: one of
 * our own uids, root, or @also (a uid the caller trusts besides; (uid_t)-1 for none).
 */
bool ipc_server_trusted(uid_t server, uid_t also);

#endif /* SCMI_IPC_SOCKET_PATH_H */
