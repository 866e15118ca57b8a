/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libscmi: an SCMI agent.
 *
 * An agent is configured like Linux's arm_scmi from a device tree
 * (firmware { scmi { compatible = "linaro,scmi-optee"; linaro,optee-channel-id;
 * optional shmem = <&phandle> to an arm,scmi-shmem node; protocol@NN ... } }),
 * reaches the platform through a transport (OP-TEE, or on a real board the kernel's
 * SCMI raw mode: linux-raw) and gives protocol clients "do one transfer" with tokens,
 * per-channel locking, timeouts and SCMI status mapped to negative errno in one place.
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

#ifdef __cplusplus
extern "C" {
#endif

struct scmi_agent;
struct tee_context;
struct scmi_linux_raw_io;

/**
 * enum scmi_transport_kind - which transport an agent uses.
 * @SCMI_TRANSPORT_AUTO:      linux-raw when no socket nor tee_open is given and the raw
 *                            directory exists (scmi_linux_raw_present()), else OP-TEE
 * @SCMI_TRANSPORT_OPTEE:     the OP-TEE transport (optee-simd, or tee_open)
 * @SCMI_TRANSPORT_LINUX_RAW: Linux's SCMI raw mode in debugfs (a real board's kernel
 *                            owns the channel; CONFIG_ARM_SCMI_RAW_MODE_SUPPORT)
 */
enum scmi_transport_kind {
	SCMI_TRANSPORT_AUTO = 0,
	SCMI_TRANSPORT_OPTEE,
	SCMI_TRANSPORT_LINUX_RAW,
};

/** The raw mode directory of the first SCMI instance, as Linux 6.3+ creates it. */
#define SCMI_LINUX_RAW_DIR "/sys/kernel/debug/scmi/0/raw"

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
 * @transport:      which transport; AUTO picks as enum scmi_transport_kind says
 * @raw_dir:        linux-raw: the raw directory (NULL: SCMI_LINUX_RAW_DIR), or one of its
 *                  channels/0xNN directories to send every message on that channel
 * @raw_io:         linux-raw: the file operations to use (NULL: the real files; tests
 *                  pass a fake kernel here)
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
	enum scmi_transport_kind transport;
	const char *raw_dir;
	const struct scmi_linux_raw_io *raw_io;
};

/**
 * scmi_agent_open() - read the configuration, reach the TEE (or the raw mode files),
 * open the channels. Returns 0, or -EAGAIN when the TEE is not reachable (retry later:
 * the analogue of probe deferral; errbuf says "TEE not reachable ...") or the raw
 * directory is missing, -EACCES when the raw files may not be opened (debugfs: root),
 * -EINVAL for a bad DT or config, -EOPNOTSUPP when the PTA refuses the channel or mode,
 * other -errno.
 */
int scmi_agent_open(const struct scmi_agent_config *cfg, struct scmi_agent **out);

/** scmi_agent_close() - close channels and free. NULL is a no-op. */
void scmi_agent_close(struct scmi_agent *agent);

/** scmi_agent_mode() - the OP-TEE mode in use (never AUTO over OP-TEE; AUTO over linux-raw). */
enum scmi_mode scmi_agent_mode(const struct scmi_agent *agent);

/** scmi_mode_name() - "smt", "smt-memref", "msg" or "auto". */
const char *scmi_mode_name(enum scmi_mode mode);

/** scmi_mode_parse() - parse a mode name; -EINVAL if unknown. */
int scmi_mode_parse(const char *name, enum scmi_mode *mode);

/** scmi_agent_transport() - the transport the agent uses (AUTO only for a test's own). */
enum scmi_transport_kind scmi_agent_transport(const struct scmi_agent *agent);

/** scmi_transport_name() - "optee", "linux-raw" or "auto". */
const char *scmi_transport_name(enum scmi_transport_kind kind);

/**
 * scmi_linux_raw_present() - whether @dir (NULL: SCMI_LINUX_RAW_DIR) exists and holds a
 * raw mode message file, as this process can see it (debugfs is usually root's only).
 */
bool scmi_linux_raw_present(const char *dir);

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
 * struct scmi_async_reply - both answers to an asynchronous command (scmi_xfer_async()).
 * @rx:       in: room for the immediate reply's return values (after its status)
 * @rx_max:   in: its size
 * @rx_len:   out: return-value bytes of the immediate reply
 * @status:   out: the immediate reply's SCMI status
 * @drx:      in: room for the delayed response's values (after its status)
 * @drx_max:  in: its size
 * @drx_len:  out: value bytes of the delayed response
 * @dstatus:  out: the delayed response's SCMI status
 * @delayed:  out: a delayed response came (the immediate reply was SUCCESS)
 */
struct scmi_async_reply {
	void *rx;
	size_t rx_max;
	size_t rx_len;
	int32_t status;
	void *drx;
	size_t drx_max;
	size_t drx_len;
	int32_t dstatus;
	bool delayed;
};

/** How long scmi_xfer_async() waits for a delayed response at least (Linux: 2 s). */
#define SCMI_DELAYED_TIMEOUT_MS 2000u

/**
 * scmi_xfer_async() - send a command that asks for a delayed response (its async flag
 * set in @tx by the caller) and wait for both answers: the immediate reply, then, if it
 * is SUCCESS, the delayed response (same token, type 2) for the larger of the response
 * timeout and SCMI_DELAYED_TIMEOUT_MS. Returns 0 when both succeeded, the errno of the
 * first non-zero status, -ETIMEDOUT when the delayed response did not come, another
 * transport errno, or -EOPNOTSUPP when the transport has no platform-to-agent path
 * (OP-TEE: send such commands synchronously).
 */
int scmi_xfer_async(struct scmi_agent *agent, uint8_t protocol_id, uint8_t msg_id, const void *tx,
		    size_t tx_len, struct scmi_async_reply *reply);

/**
 * struct scmi_notification - one notification from the platform.
 * @payload:     in: room for the payload (after the header)
 * @max:         in: its size
 * @hdr:         out: the header word (type 3)
 * @protocol_id: out: from @hdr
 * @msg_id:      out: from @hdr, the notification's id
 * @len:         out: payload bytes copied into @payload
 * @full_len:    out: payload bytes the notification carried (> @len when cut)
 */
struct scmi_notification {
	void *payload;
	size_t max;
	uint32_t hdr;
	uint8_t protocol_id;
	uint8_t msg_id;
	size_t len;
	size_t full_len;
};

/**
 * scmi_notification_wait() - the next notification the platform sent this agent, waiting
 * up to @timeout_ms (0: only one already there). The agent subscribes with the
 * protocol's NOTIFY commands; over linux-raw the kernel forwards every notification it
 * receives, including those its own drivers subscribed to (COEX). Returns 0, -ETIMEDOUT
 * when none came, -EOPNOTSUPP when the transport has no platform-to-agent path (OP-TEE),
 * or another -errno.
 */
int scmi_notification_wait(struct scmi_agent *agent, uint32_t timeout_ms,
			   struct scmi_notification *n);

/**
 * scmi_status_to_errno() - the one place SCMI status becomes errno (Linux's table):
 * SUCCESS 0, NOT_SUPPORTED -EOPNOTSUPP, INVALID_PARAMETERS -EINVAL, DENIED -EACCES,
 * NOT_FOUND -ENOENT, OUT_OF_RANGE -ERANGE, BUSY -EBUSY, COMMS_ERROR -ECOMM,
 * GENERIC_ERROR -EIO, HARDWARE_ERROR -EREMOTEIO, PROTOCOL_ERROR -EPROTO,
 * IN_USE -EPERM (as the SCMIv4 Linux series; mainline would fall back to -EIO),
 * PARTIAL -EINVAL (as the same series),
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

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SCMI_H */
