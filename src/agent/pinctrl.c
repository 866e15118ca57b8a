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
#include "scmi/proto/pinctrl.h"

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
	uint8_t rx[sizeof(struct scmi_pinctrl_protocol_attributes_p2a)];
	uint32_t attr;
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
	attr = SCMI_GET_U32(rx, struct scmi_pinctrl_protocol_attributes_p2a, attributes_low);
	pc->num_pins = SCMI_PINCTRL_PA_NUM_PINS(attr);
	pc->num_groups = SCMI_PINCTRL_PA_NUM_GROUPS(attr);
	pc->num_functions = SCMI_PINCTRL_PA_NUM_FUNCTIONS(
	    SCMI_GET_U32(rx, struct scmi_pinctrl_protocol_attributes_p2a, attributes_high));
	return 0;
}

int scmi_pinctrl_name(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id,
		      char name[SCMI_EXT_NAME_SIZE + 1])
{
	uint8_t tx[sizeof(struct scmi_pinctrl_id_a2p)], rx[sizeof(struct scmi_name_get_p2a)];
	int ret;

	if (!name || !pc_type_ok(type))
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_pinctrl_id_a2p, identifier, id);
	SCMI_PUT_U32(tx, struct scmi_pinctrl_id_a2p, flags, (uint32_t)type);
	ret = pc_xfer(pc, SCMI_MSG_PINCTRL_NAME_GET, tx, sizeof(tx), rx, sizeof(rx), sizeof(rx),
		      NULL);
	if (ret)
		return ret;
	scmi_proto_copy_name(name, SCMI_EXT_NAME_SIZE + 1,
			     SCMI_FIELD_PTR(rx, struct scmi_name_get_p2a, name),
			     SCMI_FIELD_SIZE(struct scmi_name_get_p2a, name));
	return 0;
}

int scmi_pinctrl_info(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id,
		      struct scmi_pinctrl_info *info)
{
	uint8_t tx[sizeof(struct scmi_pinctrl_id_a2p)],
	    rx[sizeof(struct scmi_pinctrl_attributes_p2a)];
	uint32_t attr;
	int ret;

	if (!info || !pc_type_ok(type))
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_pinctrl_id_a2p, identifier, id);
	SCMI_PUT_U32(tx, struct scmi_pinctrl_id_a2p, flags, (uint32_t)type);
	ret = pc_xfer(pc, SCMI_MSG_PINCTRL_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx), sizeof(rx),
		      NULL);
	if (ret)
		return ret;
	memset(info, 0, sizeof(*info));
	attr = SCMI_GET_U32(rx, struct scmi_pinctrl_attributes_p2a, attributes);
	info->ext_name = attr & SCMI_PINCTRL_ATTR_EXT_NAME;
	info->num_elems = SCMI_PINCTRL_ATTR_NUM_ELEMS(attr);
	scmi_proto_copy_name(info->name, sizeof(info->name),
			     SCMI_FIELD_PTR(rx, struct scmi_pinctrl_attributes_p2a, name),
			     SCMI_FIELD_SIZE(struct scmi_pinctrl_attributes_p2a, name));
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
	const size_t head = sizeof(struct scmi_pinctrl_list_associations_p2a);
	const size_t entry = SCMI_FIELD_SIZE(struct scmi_pinctrl_list_associations_p2a, array[0]);
	uint8_t tx[sizeof(struct scmi_pinctrl_list_associations_a2p)], rx[PINCTRL_RX_MAX];
	uint32_t flags, n, i;
	size_t len;
	int ret;

	if ((max && !ids) || !returned || !remaining ||
	    (type != SCMI_PINCTRL_GROUP && type != SCMI_PINCTRL_FUNCTION))
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_pinctrl_list_associations_a2p, identifier, id);
	SCMI_PUT_U32(tx, struct scmi_pinctrl_list_associations_a2p, flags, (uint32_t)type);
	SCMI_PUT_U32(tx, struct scmi_pinctrl_list_associations_a2p, index, index);
	ret = pc_xfer(pc, SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS, tx, sizeof(tx), rx, sizeof(rx), head,
		      &len);
	if (ret)
		return ret;
	flags = SCMI_GET_U32(rx, struct scmi_pinctrl_list_associations_p2a, flags);
	n = SCMI_PINCTRL_LIST_RETURNED(flags);
	if (head + (size_t)n * entry > len || n > max) {
		scmi_agent_set_error(pc->agent, "pinctrl: association page of %u ids in %zu bytes",
				     n, len);
		return -EPROTO;
	}
	for (i = 0; i < n; i++)
		ids[i] = scmi_get_le16(rx + head + entry * (size_t)i);
	*returned = n;
	*remaining = SCMI_PINCTRL_LIST_REMAINING(flags);
	return 0;
}

int scmi_pinctrl_list_associations(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				   uint32_t id, uint16_t *ids, size_t max, uint32_t *count)
{
	uint16_t page[PINCTRL_RX_MAX / sizeof(uint16_t)];
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
	const size_t head = sizeof(struct scmi_pinctrl_settings_get_p2a);
	const size_t entry = sizeof(struct scmi_pinctrl_config_entry);
	uint8_t tx[sizeof(struct scmi_pinctrl_settings_get_a2p)], rx[PINCTRL_RX_MAX];
	uint32_t num, n, i;
	size_t len;
	int ret;

	if (type != SCMI_PINCTRL_PIN && type != SCMI_PINCTRL_GROUP)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_pinctrl_settings_get_a2p, identifier, id);
	SCMI_PUT_U32(tx, struct scmi_pinctrl_settings_get_a2p, attributes,
		     attr | ((uint32_t)type << SCMI_PINCTRL_GET_SEL_SHIFT));
	ret =
	    pc_xfer(pc, SCMI_MSG_PINCTRL_SETTINGS_GET, tx, sizeof(tx), rx, sizeof(rx), head, &len);
	if (ret)
		return ret;
	num = SCMI_GET_U32(rx, struct scmi_pinctrl_settings_get_p2a, num_configs);
	n = SCMI_PINCTRL_CONFIGS_RETURNED(num);
	if (head + (size_t)n * entry > len || n > max) {
		scmi_agent_set_error(pc->agent, "pinctrl: settings page of %u configs in %zu bytes",
				     n, len);
		return -EPROTO;
	}
	if (function)
		*function =
		    SCMI_GET_U32(rx, struct scmi_pinctrl_settings_get_p2a, function_selected);
	for (i = 0; i < n; i++) {
		const uint8_t *e = rx + head + entry * (size_t)i;

		configs[i].type = SCMI_GET_U32(e, struct scmi_pinctrl_config_entry, type) &
				  SCMI_PINCTRL_CONF_TYPE_MASK;
		configs[i].value = SCMI_GET_U32(e, struct scmi_pinctrl_config_entry, value);
	}
	*returned = n;
	*remaining = SCMI_PINCTRL_CONFIGS_REMAINING(num);
	return 0;
}

int scmi_pinctrl_settings_get_one(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				  uint32_t id, uint32_t conf, uint32_t *function, uint32_t *value)
{
	struct scmi_pinctrl_config c;
	uint32_t attr, n, rem;
	int ret;

	if (conf > SCMI_PINCTRL_GET_TYPE_MASK)
		return -EINVAL;
	/* cppcheck-suppress badBitmaskCheck ; GET_ONE is 0, spelled out as the wire's field */
	attr = (SCMI_PINCTRL_GET_ONE << SCMI_PINCTRL_GET_FLAG_SHIFT) | conf;
	ret = pc_settings(pc, type, id, attr, function, &c, 1, &n, &rem);
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
	return pc_settings(pc, type, id, SCMI_PINCTRL_GET_FUNCTION << SCMI_PINCTRL_GET_FLAG_SHIFT,
			   function, NULL, 0, &n, &rem);
}

int scmi_pinctrl_settings_get_page(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				   uint32_t id, uint32_t skip, uint32_t *function,
				   struct scmi_pinctrl_config *configs, size_t max,
				   uint32_t *returned, uint32_t *remaining)
{
	if (skip > SCMI_PINCTRL_GET_SKIP_MASK || (max && !configs) || !returned || !remaining)
		return -EINVAL;
	return pc_settings(pc, type, id,
			   (SCMI_PINCTRL_GET_ALL << SCMI_PINCTRL_GET_FLAG_SHIFT) |
			       (skip << SCMI_PINCTRL_GET_SKIP_SHIFT),
			   function, configs, max, returned, remaining);
}

int scmi_pinctrl_settings_get_all(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type,
				  uint32_t id, uint32_t *function,
				  struct scmi_pinctrl_config *configs, size_t max, uint32_t *count)
{
	struct scmi_pinctrl_config page[PINCTRL_RX_MAX / sizeof(struct scmi_pinctrl_config_entry)];
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
	const size_t head = sizeof(struct scmi_pinctrl_settings_configure_a2p);
	const size_t entry =
	    SCMI_FIELD_SIZE(struct scmi_pinctrl_settings_configure_a2p, configs[0]);
	uint8_t tx[sizeof(struct scmi_pinctrl_settings_configure_a2p) +
		   SCMI_PINCTRL_CONFIGURE_NUM_MAX *
		       SCMI_FIELD_SIZE(struct scmi_pinctrl_settings_configure_a2p, configs[0])];
	size_t per, done = 0, chunk, i, max_msg;
	uint32_t attr;
	int ret;

	if (!pc || !pc->agent || (n && !configs) ||
	    (type != SCMI_PINCTRL_PIN && type != SCMI_PINCTRL_GROUP))
		return -EINVAL;
	max_msg = scmi_agent_max_msg_size(pc->agent);
	if (max_msg < head + entry)
		return -EINVAL;
	per = (max_msg - head) / entry;
	if (per > SCMI_PINCTRL_CONFIGURE_NUM_MAX)
		per = SCMI_PINCTRL_CONFIGURE_NUM_MAX;
	do {
		chunk = n - done < per ? n - done : per;
		attr = (uint32_t)type | ((uint32_t)chunk << SCMI_PINCTRL_CONFIGURE_NUM_SHIFT);
		/* The function goes with the first message only. */
		if (!done && function != SCMI_PINCTRL_NO_FUNCTION)
			attr |= SCMI_PINCTRL_CONFIGURE_FUNC_VALID;
		SCMI_PUT_U32(tx, struct scmi_pinctrl_settings_configure_a2p, identifier, id);
		SCMI_PUT_U32(tx, struct scmi_pinctrl_settings_configure_a2p, function_id,
			     (attr & SCMI_PINCTRL_CONFIGURE_FUNC_VALID) ? function
									: SCMI_PINCTRL_NO_FUNCTION);
		SCMI_PUT_U32(tx, struct scmi_pinctrl_settings_configure_a2p, attributes, attr);
		for (i = 0; i < chunk; i++) {
			uint8_t *e = tx + head + entry * i;

			SCMI_PUT_U32(e, struct scmi_pinctrl_config_entry, type,
				     configs[done + i].type);
			SCMI_PUT_U32(e, struct scmi_pinctrl_config_entry, value,
				     configs[done + i].value);
		}
		ret = pc_xfer(pc, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE, tx, head + entry * chunk,
			      NULL, 0, 0, NULL);
		if (ret)
			return ret;
		done += chunk;
	} while (done < n);
	return 0;
}

static int pc_req_rel(const struct scmi_pinctrl *pc, uint8_t msg, enum scmi_pinctrl_type type,
		      uint32_t id)
{
	uint8_t tx[sizeof(struct scmi_pinctrl_id_a2p)];

	if (type != SCMI_PINCTRL_PIN && type != SCMI_PINCTRL_GROUP)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_pinctrl_id_a2p, identifier, id);
	SCMI_PUT_U32(tx, struct scmi_pinctrl_id_a2p, flags, (uint32_t)type);
	return pc_xfer(pc, msg, tx, sizeof(tx), NULL, 0, 0, NULL);
}

int scmi_pinctrl_request(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id)
{
	return pc_req_rel(pc, SCMI_MSG_PINCTRL_REQUEST, type, id);
}

int scmi_pinctrl_release(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id)
{
	return pc_req_rel(pc, SCMI_MSG_PINCTRL_RELEASE, type, id);
}

int scmi_pinctrl_set_permissions(const struct scmi_pinctrl *pc, uint32_t agent_id,
				 enum scmi_pinctrl_type type, uint32_t id, bool allow)
{
	uint8_t tx[sizeof(struct scmi_pinctrl_set_permissions_a2p)];

	if (!pc_type_ok(type))
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_pinctrl_set_permissions_a2p, agent_id, agent_id);
	SCMI_PUT_U32(tx, struct scmi_pinctrl_set_permissions_a2p, identifier, id);
	SCMI_PUT_U32(tx, struct scmi_pinctrl_set_permissions_a2p, flags,
		     (uint32_t)type | (allow ? SCMI_PINCTRL_PERM_ALLOW : 0u));
	return pc_xfer(pc, SCMI_MSG_PINCTRL_SET_PERMISSIONS, tx, sizeof(tx), NULL, 0, 0, NULL);
}
