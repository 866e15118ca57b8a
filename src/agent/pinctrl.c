// SPDX-License-Identifier: BSD-3-Clause
/*
 * Pin control protocol (0x19) client. Every reply is checked against the
 * length its fields need, and paged replies against their own counts: a reply
 * that does not add up is -EPROTO, never read past.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/pinctrl.h"
#include "scmi/proto/endian.h"

#define PINCTRL_ATTRIBUTES	   0x3
#define PINCTRL_LIST_ASSOCIATIONS  0x4
#define PINCTRL_SETTINGS_GET	   0x5
#define PINCTRL_SETTINGS_CONFIGURE 0x6
#define PINCTRL_REQUEST		   0x7
#define PINCTRL_RELEASE		   0x8
#define PINCTRL_NAME_GET	   0x9
#define PINCTRL_SET_PERMISSIONS	   0xa

#define PINCTRL_ATTR_EXT_NAME	   (1u << 31)

#define PINCTRL_GET_ONE		   0u
#define PINCTRL_GET_ALL		   1u
#define PINCTRL_GET_FUNC	   2u

#define PINCTRL_CONF_FUNC_VALID	   (1u << 10)

/* Bound on pages of one walk, whatever the platform claims. */
#define PINCTRL_MAX_PAGES 1024u
/* Largest reply this client reads. */
#define PINCTRL_RX_MAX 512u

static int pc_xfer(const struct scmi_pinctrl *pc, uint8_t msg_id, const void *tx, size_t tx_len,
		   void *rx, size_t rx_max, size_t rx_need, size_t *rx_len)
{
	size_t len = 0;
	int ret;

	if (!pc || !pc->agent)
		return -EINVAL;
	/* Paged replies are read into room for the largest; the agent takes no more than it has. */
	if (rx_max > scmi_agent_max_msg_size(pc->agent))
		rx_max = scmi_agent_max_msg_size(pc->agent);
	ret =
	    scmi_xfer(pc->agent, SCMI_PROTOCOL_PINCTRL, msg_id, tx, tx_len, rx, rx_max, &len, NULL);
	if (ret)
		return ret;
	if (len < rx_need) {
		scmi_agent_set_error(pc->agent,
				     "protocol 0x19 message 0x%02x: short reply (%zu of %zu bytes)",
				     msg_id, len, rx_need);
		return -EPROTO;
	}
	if (rx_len)
		*rx_len = len;
	return 0;
}

static bool pc_type_ok(enum scmi_pinctrl_type type)
{
	return type == SCMI_PINCTRL_PIN || type == SCMI_PINCTRL_GROUP ||
	       type == SCMI_PINCTRL_FUNCTION;
}

int scmi_pinctrl_init(struct scmi_pinctrl *pc, struct scmi_agent *agent)
{
	uint32_t attr;
	uint8_t rx[8];
	int ret;

	if (!pc || !agent)
		return -EINVAL;
	memset(pc, 0, sizeof(*pc));
	pc->agent = agent;
	ret = scmi_proto_version(agent, SCMI_PROTOCOL_PINCTRL, SCMI_PINCTRL_CLIENT_VERSION, NULL,
				 &pc->version);
	if (ret)
		return ret;
	ret = pc_xfer(pc, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0, rx, sizeof(rx), sizeof(rx), NULL);
	if (ret)
		return ret;
	attr = scmi_get_le32(rx);
	pc->num_pins = attr & 0xffffu;
	pc->num_groups = attr >> 16;
	pc->num_functions = scmi_get_le32(rx + 4) & 0xffffu;
	return 0;
}

int scmi_pinctrl_name(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id,
		      char name[SCMI_EXT_NAME_SIZE + 1])
{
	uint8_t tx[8], rx[4 + SCMI_EXT_NAME_SIZE];
	int ret;

	if (!name || !pc_type_ok(type))
		return -EINVAL;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, (uint32_t)type);
	ret = pc_xfer(pc, PINCTRL_NAME_GET, tx, sizeof(tx), rx, sizeof(rx), sizeof(rx), NULL);
	if (ret)
		return ret;
	scmi_proto_copy_name(name, SCMI_EXT_NAME_SIZE + 1, rx + 4, SCMI_EXT_NAME_SIZE);
	return 0;
}

int scmi_pinctrl_info(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id,
		      struct scmi_pinctrl_info *info)
{
	uint8_t tx[8], rx[4 + SCMI_SHORT_NAME_SIZE];
	uint32_t attr;
	int ret;

	if (!info || !pc_type_ok(type))
		return -EINVAL;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, (uint32_t)type);
	ret = pc_xfer(pc, PINCTRL_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx), sizeof(rx), NULL);
	if (ret)
		return ret;
	memset(info, 0, sizeof(*info));
	attr = scmi_get_le32(rx);
	info->ext_name = attr & PINCTRL_ATTR_EXT_NAME;
	info->num_elems = attr & 0xffffu;
	scmi_proto_copy_name(info->name, sizeof(info->name), rx + 4, SCMI_SHORT_NAME_SIZE);
	if (info->ext_name) {
		char ext[SCMI_EXT_NAME_SIZE + 1];

		if (!scmi_pinctrl_name(pc, type, id, ext))
			memcpy(info->name, ext, sizeof(ext));
	}
	return 0;
}

int scmi_pinctrl_list_page(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id,
			   uint32_t index, uint16_t *ids, size_t max, uint32_t *returned,
			   uint32_t *remaining)
{
	uint8_t tx[12], rx[PINCTRL_RX_MAX];
	uint32_t flags, n, i;
	size_t len;
	int ret;

	if ((max && !ids) || !returned || !remaining ||
	    (type != SCMI_PINCTRL_GROUP && type != SCMI_PINCTRL_FUNCTION))
		return -EINVAL;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, (uint32_t)type);
	scmi_put_le32(tx + 8, index);
	ret = pc_xfer(pc, PINCTRL_LIST_ASSOCIATIONS, tx, sizeof(tx), rx, sizeof(rx), 4, &len);
	if (ret)
		return ret;
	flags = scmi_get_le32(rx);
	n = flags & 0xfffu;
	if (4u + (size_t)n * 2u > len || n > max) {
		scmi_agent_set_error(pc->agent, "pinctrl: association page of %u ids in %zu bytes",
				     n, len);
		return -EPROTO;
	}
	for (i = 0; i < n; i++)
		ids[i] = scmi_get_le16(rx + 4 + 2 * (size_t)i);
	*returned = n;
	*remaining = flags >> 16;
	return 0;
}

int scmi_pinctrl_list_associations(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				   uint32_t id, uint16_t *ids, size_t max, uint32_t *count)
{
	uint16_t page[PINCTRL_RX_MAX / 2];
	uint32_t index = 0, total = 0, n, rem, pages, i;
	int ret;

	if ((max && !ids) || !count)
		return -EINVAL;
	for (pages = 0; pages < PINCTRL_MAX_PAGES; pages++) {
		ret = scmi_pinctrl_list_page(pc, type, id, index, page,
					     sizeof(page) / sizeof(page[0]), &n, &rem);
		if (ret)
			return ret;
		/* Every page must agree on the total, and progress until nothing remains. */
		if (!pages)
			total = n + rem;
		else if (index + n + rem != total)
			return -EPROTO;
		if (!n && rem)
			return -EPROTO;
		for (i = 0; i < n; i++) {
			if (index + i < max)
				ids[index + i] = page[i];
		}
		index += n;
		if (!rem) {
			*count = index;
			return index > max ? -ENOSPC : 0;
		}
	}
	scmi_agent_set_error(pc->agent, "pinctrl: associations of %u: too many pages", id);
	return -EPROTO;
}

/* One SETTINGS_GET: the function, then up to @max configs. */
static int pc_settings(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id,
		       uint32_t attr, uint32_t *function, struct scmi_pinctrl_config *configs,
		       size_t max, uint32_t *returned, uint32_t *remaining)
{
	uint8_t tx[8], rx[PINCTRL_RX_MAX];
	uint32_t num, n, i;
	size_t len;
	int ret;

	if (type != SCMI_PINCTRL_PIN && type != SCMI_PINCTRL_GROUP)
		return -EINVAL;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, attr | ((uint32_t)type << 16));
	ret = pc_xfer(pc, PINCTRL_SETTINGS_GET, tx, sizeof(tx), rx, sizeof(rx), 8, &len);
	if (ret)
		return ret;
	num = scmi_get_le32(rx + 4);
	n = num & 0xffu;
	if (8u + (size_t)n * 8u > len || n > max) {
		scmi_agent_set_error(pc->agent, "pinctrl: settings page of %u configs in %zu bytes",
				     n, len);
		return -EPROTO;
	}
	if (function)
		*function = scmi_get_le32(rx);
	for (i = 0; i < n; i++) {
		configs[i].type = scmi_get_le32(rx + 8 + 8 * (size_t)i) & 0xffu;
		configs[i].value = scmi_get_le32(rx + 12 + 8 * (size_t)i);
	}
	*returned = n;
	*remaining = num >> 24;
	return 0;
}

int scmi_pinctrl_settings_get_one(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				  uint32_t id, uint32_t conf, uint32_t *function, uint32_t *value)
{
	struct scmi_pinctrl_config c;
	uint32_t n, rem;
	int ret;

	if (conf > 0xffu)
		return -EINVAL;
	/* cppcheck-suppress badBitmaskCheck ; GET_ONE is 0, spelled out as the wire's field */
	ret = pc_settings(pc, type, id, (PINCTRL_GET_ONE << 18) | conf, function, &c, 1, &n, &rem);
	if (ret)
		return ret;
	if (n != 1 || c.type != conf)
		return -EPROTO;
	if (value)
		*value = c.value;
	return 0;
}

int scmi_pinctrl_function_get(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
			      uint32_t id, uint32_t *function)
{
	uint32_t n, rem;

	if (!function)
		return -EINVAL;
	return pc_settings(pc, type, id, PINCTRL_GET_FUNC << 18, function, NULL, 0, &n, &rem);
}

int scmi_pinctrl_settings_get_page(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				   uint32_t id, uint32_t skip, uint32_t *function,
				   struct scmi_pinctrl_config *configs, size_t max,
				   uint32_t *returned, uint32_t *remaining)
{
	if (skip > 0xffu || (max && !configs) || !returned || !remaining)
		return -EINVAL;
	return pc_settings(pc, type, id, (PINCTRL_GET_ALL << 18) | (skip << 8), function, configs,
			   max, returned, remaining);
}

int scmi_pinctrl_settings_get_all(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				  uint32_t id, uint32_t *function,
				  struct scmi_pinctrl_config *configs, size_t max, uint32_t *count)
{
	struct scmi_pinctrl_config page[PINCTRL_RX_MAX / 8];
	uint32_t skip = 0, total = 0, n, rem, pages, i;
	int ret;

	if ((max && !configs) || !count)
		return -EINVAL;
	for (pages = 0; pages < PINCTRL_MAX_PAGES; pages++) {
		ret = scmi_pinctrl_settings_get_page(pc, type, id, skip, function, page,
						     sizeof(page) / sizeof(page[0]), &n, &rem);
		if (ret)
			return ret;
		if (!pages)
			total = n + rem;
		else if (skip + n + rem != total)
			return -EPROTO;
		if ((!n && rem) || skip + n > SCMI_PINCTRL_MAX_CONFIGS)
			return -EPROTO;
		for (i = 0; i < n; i++) {
			if (skip + i < max)
				configs[skip + i] = page[i];
		}
		skip += n;
		if (!rem) {
			*count = skip;
			return skip > max ? -ENOSPC : 0;
		}
	}
	return -EPROTO;
}

int scmi_pinctrl_settings_configure(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				    uint32_t id, uint32_t function,
				    const struct scmi_pinctrl_config *configs, size_t n)
{
	uint8_t tx[12 + 255 * 8];
	size_t per, done = 0, chunk, i, max_msg;
	uint32_t attr;
	int ret;

	if (!pc || !pc->agent || (n && !configs) ||
	    (type != SCMI_PINCTRL_PIN && type != SCMI_PINCTRL_GROUP))
		return -EINVAL;
	max_msg = scmi_agent_max_msg_size(pc->agent);
	if (max_msg < 12 + 8)
		return -EINVAL;
	per = (max_msg - 12) / 8;
	if (per > 255)
		per = 255;
	do {
		chunk = n - done < per ? n - done : per;
		attr = (uint32_t)type | ((uint32_t)chunk << 2);
		/* The function goes with the first message only. */
		if (!done && function != SCMI_PINCTRL_NO_FUNCTION)
			attr |= PINCTRL_CONF_FUNC_VALID;
		scmi_put_le32(tx, id);
		scmi_put_le32(tx + 4, (attr & PINCTRL_CONF_FUNC_VALID) ? function
								       : SCMI_PINCTRL_NO_FUNCTION);
		scmi_put_le32(tx + 8, attr);
		for (i = 0; i < chunk; i++) {
			scmi_put_le32(tx + 12 + 8 * i, configs[done + i].type);
			scmi_put_le32(tx + 16 + 8 * i, configs[done + i].value);
		}
		ret = pc_xfer(pc, PINCTRL_SETTINGS_CONFIGURE, tx, 12 + 8 * chunk, NULL, 0, 0, NULL);
		if (ret)
			return ret;
		done += chunk;
	} while (done < n);
	return 0;
}

static int pc_req_rel(const struct scmi_pinctrl *pc, uint8_t msg, enum scmi_pinctrl_type type,
		      uint32_t id)
{
	uint8_t tx[8];

	if (type != SCMI_PINCTRL_PIN && type != SCMI_PINCTRL_GROUP)
		return -EINVAL;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, (uint32_t)type);
	return pc_xfer(pc, msg, tx, sizeof(tx), NULL, 0, 0, NULL);
}

int scmi_pinctrl_request(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id)
{
	return pc_req_rel(pc, PINCTRL_REQUEST, type, id);
}

int scmi_pinctrl_release(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id)
{
	return pc_req_rel(pc, PINCTRL_RELEASE, type, id);
}

int scmi_pinctrl_set_permissions(const struct scmi_pinctrl *pc, uint32_t agent_id,
				 enum scmi_pinctrl_type type, uint32_t id, bool allow)
{
	uint8_t tx[12];

	if (!pc_type_ok(type))
		return -EINVAL;
	scmi_put_le32(tx, agent_id);
	scmi_put_le32(tx + 4, id);
	scmi_put_le32(tx + 8, (uint32_t)type | (allow ? 4u : 0u));
	return pc_xfer(pc, PINCTRL_SET_PERMISSIONS, tx, sizeof(tx), NULL, 0, 0, NULL);
}
