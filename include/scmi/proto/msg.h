/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The MSG layout (OP-TEE PROCESS_MSG_CHANNEL, virtio): no channel area,
 * just the message header followed by the payload.
 *
 *   request:  u32 header, parameters
 *   response: u32 header (echo of the request's), i32 status, return values
 *
 * Completion is the return of the invoke: there are no status or flags words.
 */
#ifndef SCMI_PROTO_MSG_H
#define SCMI_PROTO_MSG_H

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_MSG_HDR_SIZE    4u
#define SCMI_MSG_OFF_PAYLOAD 4u
#define SCMI_MSG_OFF_STATUS  4u
#define SCMI_MSG_OFF_RETURN  8u
/* Header and status: the smallest well-formed response. */
#define SCMI_MSG_RESP_OVERHEAD 8u

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_MSG_H */
