/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The TEE boundary on the wire: what the sim backend and optee-simd say to
 * each other over a SOCK_SEQPACKET socket, and the ioctl-shaped parameter
 * block the secure core takes. Every frame is one packet of a fixed size.
 *
 * Parameters mirror struct tee_ioctl_param of <linux/tee.h>:
 *   value:  a, b, c
 *   memref: a = offset into the shared memory, b = size, c = shm id
 *
 * Shared memory crosses as a file descriptor in SCM_RIGHTS on
 * OPTEE_SIM_OP_SHM_REGISTER (request) and OPTEE_SIM_OP_STATIC_SHM (reply).
 * Static shared memory goes out one region at a time (an arm,scmi-shmem
 * region, its own sealed memory object), and only through a session opened
 * with the REE-kernel login: as on a real board, where only the kernel maps
 * the carveout, and only the region of a channel the peer may drive.
 *
 * The fast lane: a client may hand the daemon one more memory object
 * (OPTEE_SIM_OP_LANE), a struct optee_sim_lane, and then send its invokes
 * through it instead of the socket: the request goes into the block, the
 * state word says REQ, and the daemon, which spins on the word briefly and
 * then sleeps on it (a futex), writes the reply and says RSP. Whoever sleeps
 * sets its waits flag first, so the other side makes the wake-up system call
 * only when someone sleeps. The socket stays for everything else, and its
 * hang-up is how each side learns the other is gone.
 */
#ifndef SCMI_PROTO_TEE_WIRE_H
#define SCMI_PROTO_TEE_WIRE_H

#include <stdint.h>

#include "scmi/proto/tee.h"

#ifdef __cplusplus
extern "C" {
#endif

#define OPTEE_SIM_WIRE_MAGIC   0x4d495345u /* "ESIM" */
#define OPTEE_SIM_WIRE_VERSION 5u

/*
 * Parameters a frame carries: more than the TEE_NUM_PARAMS a TA takes, so that the TEE core
 * itself refuses extra ones with OP-TEE's verdict (BAD_PARAMETERS, origin TEE) rather than
 * the transport with an error of its own.
 */
#define OPTEE_SIM_WIRE_MAX_PARAMS 8u

/** struct tee_ioctl_param - one parameter, as in <linux/tee.h>. */
struct tee_ioctl_param {
	uint64_t attr;
	uint64_t a;
	uint64_t b;
	uint64_t c;
};

/**
 * struct tee_open_session_arg - open-session request (struct tee_ioctl_open_session_arg).
 * @uuid:       the TA's UUID, 16 bytes in RFC 4122 order
 * @clnt_login: TEE_LOGIN_*
 * @session:    out: session id
 * @ret:        out: TEE_Result
 * @ret_origin: out: TEE_ORIGIN_*
 */
struct tee_open_session_arg {
	uint8_t uuid[TEE_UUID_SIZE];
	uint32_t clnt_login;
	uint32_t session;
	uint32_t ret;
	uint32_t ret_origin;
};

/**
 * struct tee_invoke_arg - invoke request (struct tee_ioctl_invoke_arg).
 * @func:       command id of the TA
 * @session:    session id from open_session
 * @ret:        out: TEE_Result
 * @ret_origin: out: TEE_ORIGIN_*
 */
struct tee_invoke_arg {
	uint32_t func;
	uint32_t session;
	uint32_t ret;
	uint32_t ret_origin;
};

/** enum optee_sim_op - request kinds. */
enum optee_sim_op {
	OPTEE_SIM_OP_OPEN_SESSION = 1,
	OPTEE_SIM_OP_INVOKE = 2,
	OPTEE_SIM_OP_CLOSE_SESSION = 3,
	OPTEE_SIM_OP_SHM_REGISTER = 4,
	OPTEE_SIM_OP_SHM_RELEASE = 5,
	OPTEE_SIM_OP_STATIC_SHM = 6,
	OPTEE_SIM_OP_LANE = 7,
	/*
	 * Daemon to client, unasked: the daemon will not serve this connection (err:
	 * -EUSERS over its connection limits, -ETIMEDOUT idle without a session) and
	 * closes it. It may stand where a reply was expected.
	 */
	OPTEE_SIM_OP_REFUSED = 0x100,
};

/**
 * struct optee_sim_req - a client request.
 * @magic:      OPTEE_SIM_WIRE_MAGIC
 * @version:    OPTEE_SIM_WIRE_VERSION
 * @op:         enum optee_sim_op
 * @seq:        echoed in the reply; lets the client drop a late reply after a timeout
 * @uuid:       OPEN_SESSION: the TA
 * @login:      OPEN_SESSION: TEE_LOGIN_*
 * @func:       INVOKE: command id
 * @session:    INVOKE / CLOSE_SESSION / STATIC_SHM: session id (STATIC_SHM: a REE-kernel
 *              login session)
 * @shm_id:     SHM_RELEASE: the id to release
 * @shm_size:   SHM_REGISTER: size of the memory object passed in SCM_RIGHTS;
 *              STATIC_SHM: size of the physical range asked for;
 *              LANE: size of the memory object (a struct optee_sim_lane) in SCM_RIGHTS
 * @shm_addr:   STATIC_SHM: physical address of the range asked for
 * @num_params: OPEN_SESSION / INVOKE: parameters used, at most OPTEE_SIM_WIRE_MAX_PARAMS
 * @params:     the parameters
 */
struct optee_sim_req {
	uint32_t magic;
	uint32_t version;
	uint32_t op;
	uint32_t seq;
	uint8_t uuid[TEE_UUID_SIZE];
	uint32_t login;
	uint32_t func;
	uint32_t session;
	int32_t shm_id;
	uint64_t shm_size;
	uint64_t shm_addr;
	uint32_t num_params;
	uint32_t reserved;
	struct tee_ioctl_param params[OPTEE_SIM_WIRE_MAX_PARAMS];
};

/**
 * struct optee_sim_rsp - the daemon's reply.
 * @magic, @version, @op, @seq: echo of the request
 * @err:         0, or a negative errno the client returns as is (as an ioctl would)
 * @ret:         TEE_Result of the TEE / TA
 * @ret_origin:  TEE_ORIGIN_*
 * @session:     OPEN_SESSION: the new session id
 * @shm_id:      SHM_REGISTER: the id of the registered memory
 * @static_base: STATIC_SHM: physical base of the region holding the range asked for (its
 *               memory object, sealed against shrinking, in SCM_RIGHTS)
 * @static_size: STATIC_SHM: the region's size
 * @num_params:  parameters echoed back (outputs updated)
 * @params:      the parameters
 */
struct optee_sim_rsp {
	uint32_t magic;
	uint32_t version;
	uint32_t op;
	uint32_t seq;
	int32_t err;
	uint32_t ret;
	uint32_t ret_origin;
	uint32_t session;
	int32_t shm_id;
	uint32_t num_params;
	uint64_t static_base;
	uint64_t static_size;
	struct tee_ioctl_param params[OPTEE_SIM_WIRE_MAX_PARAMS];
};

/** enum optee_sim_lane_state - the values of struct optee_sim_lane's @state. */
enum optee_sim_lane_state {
	OPTEE_SIM_LANE_IDLE = 0, /* nothing asked, or the last reply taken */
	OPTEE_SIM_LANE_REQ = 1,	 /* the client wrote @req: the daemon's turn */
	OPTEE_SIM_LANE_RSP = 2,	 /* the daemon wrote @rsp: the client's turn */
};

/**
 * struct optee_sim_lane - the fast lane's block, in memory both sides map.
 * @state:        enum optee_sim_lane_state; the futex word both sides sleep on
 * @daemon_waits: the daemon sleeps on @state (the client must wake it after REQ)
 * @client_waits: the client sleeps on @state (the daemon must wake it after RSP)
 * @reserved:     0
 * @req:          an OPTEE_SIM_OP_INVOKE request, as on the socket (other ops are refused)
 * @rsp:          its reply, as on the socket
 *
 * The daemon copies @req out before it looks at it and trusts nothing in the block: the
 * client may change any byte at any time.
 */
struct optee_sim_lane {
	uint32_t state;
	uint32_t daemon_waits;
	uint32_t client_waits;
	uint32_t reserved;
	struct optee_sim_req req;
	struct optee_sim_rsp rsp;
};

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_TEE_WIRE_H */
