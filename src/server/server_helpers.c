// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reply shapes several protocols share (see server_helpers.h): names and notify_enable.
 * The paging helpers live with the bounded reply helpers in server_core.c, which the
 * unit tests link on its own with base.c.
 */
#include <string.h>

#include "server/server_helpers.h"

#include "scmi/proto/perf.h"
#include "scmi/server/perf.h"

void scmi_server_msg_put_name(struct scmi_server_msg *msg, const char *name, size_t max_len,
			      size_t field)
{
	char buf[SCMI_EXT_NAME_SIZE] = {0};

	/* Every name field of the protocols is 16 or 64 bytes. */
	if (field > sizeof(buf))
		field = sizeof(buf);
	if (!field)
		return;
	if (max_len > field - 1)
		max_len = field - 1;
	memcpy(buf, name, strnlen(name, max_len));
	scmi_server_msg_put_bytes(msg, buf, field);
}

uint32_t scmi_server_count(const struct scmi_server_msg *msg,
			   uint32_t (*count)(void *plat, uint32_t agent_id), uint32_t max)
{
	uint32_t n;

	if (!count)
		return 0;
	n = count(msg->srv->plat, msg->agent_id);
	return n > max ? max : n;
}

int32_t scmi_server_name_get_reply(struct scmi_server_msg *msg, const char *name, size_t max_len)
{
	/* struct scmi_name_get_p2a: flags, then the name. */
	scmi_server_msg_put_u32(msg, 0);
	scmi_server_msg_put_name(msg, name, max_len,
				 SCMI_FIELD_SIZE(struct scmi_name_get_p2a, name));
	return SCMI_SUCCESS;
}

int32_t scmi_server_notify_enable(const struct scmi_server_msg *msg, size_t off, bool *enable)
{
	uint32_t word = scmi_server_msg_get_u32(msg, off);

	if (word & SCMI_NOTIFY_ENABLE_RESERVED)
		return SCMI_INVALID_PARAMETERS;
	*enable = word & SCMI_NOTIFY_ENABLE;
	return SCMI_SUCCESS;
}

int32_t scmi_server_fastchannel_reply(struct scmi_server_msg *msg,
				      const struct scmi_server_fastchannel *fc)
{
	uint32_t attr = 0;

	if (fc->doorbell && fc->db_width > SCMI_PERF_FC_DOORBELL_WIDTH_MAX)
		return SCMI_GENERIC_ERROR;
	if (fc->doorbell)
		attr = SCMI_PERF_FC_DOORBELL |
		       ((uint32_t)fc->db_width << SCMI_PERF_FC_DOORBELL_WIDTH_SHIFT);
	/* struct scmi_perf_describe_fastchannel_p2a. */
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_u32(msg, fc->rate_limit_us & SCMI_PERF_RATE_LIMIT_MASK);
	scmi_server_msg_put_u64(msg, fc->addr);
	scmi_server_msg_put_u32(msg, fc->size);
	scmi_server_msg_put_u64(msg, fc->doorbell ? fc->db_addr : 0);
	scmi_server_msg_put_u64(msg, fc->doorbell ? fc->db_set : 0);
	scmi_server_msg_put_u64(msg, fc->doorbell ? fc->db_preserve : 0);
	return SCMI_SUCCESS;
}
