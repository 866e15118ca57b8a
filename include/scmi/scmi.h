/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libscmi: an SCMI agent.
 *
 * An agent is configured like Linux's arm_scmi from a device tree
 * (firmware { scmi { compatible = "linaro,scmi-optee"; linaro,optee-channel-id;
 * optional shmem = <&phandle> to an arm,scmi-shmem node; protocol@NN ... } }),
 * reaches the platform through a transport (OP-TEE first) and gives
 * protocol clients "do one transfer" with tokens, per-channel locking,
 * timeouts and SCMI status mapped to negative errno in one place.
 *
 * Errors are negative errno values. A non-zero SCMI status maps as Linux
 * maps it (scmi_status_to_errno); transport failures stay errno (-ETIMEDOUT,
 * -ECONNRESET, -EPROTO for a malformed reply, ...).
 */
#ifndef SCMI_SCMI_H
#define SCMI_SCMI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/ids.h"
#include "proto/status.h"

struct scmi_agent;
struct tee_context;

/** enum scmi_mode - how messages travel over the OP-TEE transport. */
enum scmi_mode {
	SCMI_MODE_AUTO = 0,   /* from the DT and PTA caps: shmem => SMT, else MSG */
	SCMI_MODE_SMT,	      /* SMT in the static arm,scmi-shmem region, PROCESS_SMT_CHANNEL */
	SCMI_MODE_SMT_MEMREF, /* SMT in a TEE buffer passed as memref, PROCESS_SMT_CHANNEL_MESSAGE
			       */
	SCMI_MODE_MSG,	      /* MSG layout in TEE buffers, PROCESS_MSG_CHANNEL */
};

/** Default response timeout, as Linux's OP-TEE transport (max_rx_timeout_ms). */
#define SCMI_DEFAULT_TIMEOUT_MS 30u
/** Default largest payload, as Linux (SCMI_SHMEM_MAX_PAYLOAD_SIZE). */
#define SCMI_DEFAULT_MAX_MSG_SIZE 104u

/**
 * struct scmi_agent_config - how to build an agent.
 * @dtb, @dtb_size: the agent's DTB in memory; or
 * @dt_path:        a DTB file; NULL (and no @dtb) => channel 0, no shmem
 * @socket_path:    optee-simd socket (NULL: the default path)
 * @tee_open:       open a TEE context (overrides the socket; e.g. inproc); called again
 *                  to reconnect after the TEE went away
 * @tee_open_arg:   its argument
 * @mode:           transport mode; AUTO chooses as Linux does
 * @timeout_ms:     response timeout; 0 => DT arm,max-rx-timeout-ms or 30
 * @errbuf:         if not NULL, a one-line reason on failure
 * @errbuf_len:     its size
 */
struct scmi_agent_config {
	const void *dtb;
	size_t dtb_size;
	const char *dt_path;
	const char *socket_path;
	int (*tee_open)(void *arg, struct tee_context **ctx);
	void *tee_open_arg;
	enum scmi_mode mode;
	uint32_t timeout_ms;
	char *errbuf;
	size_t errbuf_len;
};

/**
 * scmi_agent_open() - read the configuration, reach the TEE, open the channels.
 * Returns 0, or -EAGAIN when the TEE is not reachable (retry later: the analogue of
 * probe deferral; errbuf says "TEE not reachable ..."), -EINVAL for a bad DT or config,
 * -EOPNOTSUPP when the PTA refuses the channel or mode, other -errno.
 */
int scmi_agent_open(const struct scmi_agent_config *cfg, struct scmi_agent **out);

/** scmi_agent_close() - close channels and free. NULL is a no-op. */
void scmi_agent_close(struct scmi_agent *agent);

/** scmi_agent_mode() - the mode in use (never AUTO). */
enum scmi_mode scmi_agent_mode(const struct scmi_agent *agent);

/** scmi_mode_name() - "smt", "smt-memref", "msg" or "auto". */
const char *scmi_mode_name(enum scmi_mode mode);

/** scmi_mode_parse() - parse a mode name; -EINVAL if unknown. */
int scmi_mode_parse(const char *name, enum scmi_mode *mode);

/** scmi_agent_max_msg_size() - the largest payload a reply may carry. */
size_t scmi_agent_max_msg_size(const struct scmi_agent *agent);

/**
 * struct scmi_agent_stats - counters of an agent.
 * @xfers_ok:     transfers that got a well-formed reply (whatever its SCMI status)
 * @xfers_failed: transfers that failed at transport level or with a malformed reply
 * @bad_replies:  replies rejected because their header (token, protocol, message id)
 *                did not match the request
 */
struct scmi_agent_stats {
	uint64_t xfers_ok;
	uint64_t xfers_failed;
	uint64_t bad_replies;
};

/** scmi_agent_get_stats() - copy the agent's counters into @stats. */
void scmi_agent_get_stats(struct scmi_agent *agent, struct scmi_agent_stats *stats);

/**
 * scmi_agent_last_error() - the last transfer error as one line ("" if none) into @buf
 * (e.g. "stale or mismatched token 0x005 (expected 0x006)"). Returns its length.
 */
size_t scmi_agent_last_error(struct scmi_agent *agent, char *buf, size_t len);

/**
 * scmi_agent_channel_of() - the OP-TEE channel id and mode @protocol_id uses (its own
 * protocol@NN channel, or the Base channel). Either out pointer may be NULL.
 */
void scmi_agent_channel_of(const struct scmi_agent *agent, uint8_t protocol_id,
			   uint32_t *channel_id, enum scmi_mode *mode);

/**
 * scmi_xfer() - send one command and wait for its response.
 * @tx/@tx_len: request payload; @rx/@rx_max: room for the return values (after status);
 * @rx_len: out: return-value bytes received; @status: out (may be NULL): the SCMI status.
 * Returns 0 when status is SUCCESS, scmi_status_to_errno(status) for another status
 * (with *@status set), or a transport errno (*@status then left SCMI_SUCCESS... unchanged).
 * A reply whose token does not match is reported (-EPROTO) and never taken for another.
 */
int scmi_xfer(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id, const void *tx,
	      size_t tx_len, void *rx, size_t rx_max, size_t *rx_len, int32_t *status);

/**
 * scmi_status_to_errno() - the one place SCMI status becomes errno (Linux's table):
 * SUCCESS 0, NOT_SUPPORTED -EOPNOTSUPP, INVALID_PARAMETERS -EINVAL, DENIED -EACCES,
 * NOT_FOUND -ENOENT, OUT_OF_RANGE -ERANGE, BUSY -EBUSY, COMMS_ERROR -ECOMM,
 * GENERIC_ERROR -EIO, HARDWARE_ERROR -EREMOTEIO, PROTOCOL_ERROR -EPROTO,
 * IN_USE -EPERM (as the SCMIv4 Linux series; mainline would fall back to -EIO),
 * anything else -EIO.
 */
int scmi_status_to_errno(int32_t status);

/** scmi_strerror() - text for a negative errno returned by libscmi. */
const char *scmi_strerror(int err);

/* Messages every protocol has. */

/** scmi_protocol_version() - PROTOCOL_VERSION of @protocol_id. */
int scmi_protocol_version(struct scmi_agent *agent, uint8_t protocol_id, uint32_t *version);

/** scmi_protocol_attributes() - PROTOCOL_ATTRIBUTES raw word. */
int scmi_protocol_attributes(struct scmi_agent *agent, uint8_t protocol_id, uint32_t *attributes);

/** scmi_protocol_message_attributes() - PROTOCOL_MESSAGE_ATTRIBUTES of @msg_id. */
int scmi_protocol_message_attributes(struct scmi_agent *agent, uint8_t protocol_id, uint32_t msg_id,
				     uint32_t *attributes);

/** scmi_protocol_negotiate_version() - NEGOTIATE_PROTOCOL_VERSION to @version. */
int scmi_protocol_negotiate_version(struct scmi_agent *agent, uint8_t protocol_id,
				    uint32_t version);

#endif /* SCMI_SCMI_H */
