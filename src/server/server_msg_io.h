/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The word helpers of the reply and the request (declared in server_protocol.h): inline
 * in a build for speed (server_protocol.h includes this with SCMI_SERVER_MSG_IO
 * "static inline"), one copy in server_core.c in a build for size. Included only there.
 */
#ifndef SCMI_SERVER_MSG_IO
#error "include server/server_protocol.h instead"
#endif

/** scmi_server_msg_put_u32() - append @v (LE); false, and nothing written, if it does not fit. */
SCMI_SERVER_MSG_IO bool scmi_server_msg_put_u32(struct scmi_server_msg *msg, uint32_t v)
{
	if (scmi_server_msg_room(msg) < sizeof(uint32_t)) {
		msg->flags |= SCMI_SERVER_MSG_OVERFLOW;
		return false;
	}
	scmi_put_le32(msg->out + msg->out_size, v);
	msg->out_size += sizeof(uint32_t);
	return true;
}

/** scmi_server_msg_put_u64() - append @v as two LE words, low first (struct scmi_u64). */
SCMI_SERVER_MSG_IO bool scmi_server_msg_put_u64(struct scmi_server_msg *msg, uint64_t v)
{
	if (scmi_server_msg_room(msg) < sizeof(uint64_t)) {
		msg->flags |= SCMI_SERVER_MSG_OVERFLOW;
		return false;
	}
	scmi_put_le64(msg->out + msg->out_size, v);
	msg->out_size += sizeof(uint64_t);
	return true;
}

/**
 * scmi_server_msg_get_u32() - the LE u32 at byte @off of the request (0 past its end;
 * the size table makes that unreachable for fixed-size messages).
 */
SCMI_SERVER_MSG_IO uint32_t scmi_server_msg_get_u32(const struct scmi_server_msg *msg, size_t off)
{
	if (off > msg->in_size || msg->in_size - off < sizeof(uint32_t))
		return 0;
	return scmi_get_le32(msg->in + off);
}

/** scmi_server_msg_get_u64() - the struct scmi_u64 at byte @off of the request (0 past its end). */
SCMI_SERVER_MSG_IO uint64_t scmi_server_msg_get_u64(const struct scmi_server_msg *msg, size_t off)
{
	if (off > msg->in_size || msg->in_size - off < sizeof(uint64_t))
		return 0;
	return scmi_get_le64(msg->in + off);
}
