// SPDX-License-Identifier: BSD-3-Clause
/*
 * Powercap protocol (0x18) client. Every reply is checked against the length
 * its fields need: a shorter one is -EPROTO, never read past.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/powercap.h"
#include "scmi/proto/powercap.h"

static int pcap_xfer(const struct scmi_powercap *pc, uint8_t msg_id, const void *tx, size_t tx_len,
		     void *rx, size_t rx_need)
{
	if (!pc)
		return -EINVAL;
	return scmi_proto_xfer(pc->agent, SCMI_PROTOCOL_POWERCAP, msg_id, tx, tx_len, rx, rx_need);
}

int scmi_powercap_init(struct scmi_powercap *pc, struct scmi_agent *agent)
{
	uint32_t attr;
	int ret;

	if (!pc || !agent)
		return -EINVAL;
	memset(pc, 0, sizeof(*pc));
	pc->agent = agent;
	ret = scmi_proto_init(agent, SCMI_PROTOCOL_POWERCAP, SCMI_POWERCAP_CLIENT_VERSION, NULL,
			      &pc->version, &attr);
	if (ret)
		return ret;
	pc->num_zones = SCMI_POWERCAP_PA_NUM_DOMAINS(attr);
	return 0;
}

/*
 * A command naming zone @id (struct scmi_id_a2p) whose reply is one word (struct
 * scmi_powercap_cap_get_p2a, scmi_powercap_pai_get_p2a).
 */
static int pcap_id_u32(const struct scmi_powercap *pc, uint8_t msg_id, uint32_t id, uint32_t *out)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)], rx[sizeof(uint32_t)];
	int ret;

	if (!out)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	ret = pcap_xfer(pc, msg_id, tx, sizeof(tx), rx, sizeof(rx));
	if (!ret)
		*out = scmi_get_le32(rx);
	return ret;
}

int scmi_powercap_zone_name(const struct scmi_powercap *pc, uint32_t id,
			    char name[SCMI_EXT_NAME_SIZE + 1])
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];

	if (!pc)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	return scmi_proto_name_get(pc->agent, SCMI_PROTOCOL_POWERCAP,
				   SCMI_MSG_POWERCAP_DOMAIN_NAME_GET, tx, sizeof(tx), name,
				   SCMI_EXT_NAME_SIZE + 1);
}

/* Linux's checks of a zone description: a failure means the platform is broken. */
static bool pcap_info_sane(const struct scmi_powercap *pc, uint32_t id,
			   const struct scmi_powercap_zone_info *in)
{
	if (!in->min_cap || !in->max_cap || in->min_cap > in->max_cap)
		return false;
	if (!in->min_pai_us || !in->max_pai_us || in->min_pai_us > in->max_pai_us)
		return false;
	if (in->cap_config != (in->min_cap != in->max_cap))
		return false;
	if (in->min_cap != in->max_cap && !in->cap_step)
		return false;
	if (in->min_pai_us != in->max_pai_us && !in->pai_step_us)
		return false;
	if (in->parent_id != SCMI_POWERCAP_ROOT &&
	    (in->parent_id >= pc->num_zones || in->parent_id == id))
		return false;
	return true;
}

/* A field of the POWERCAP_DOMAIN_ATTRIBUTES reply in rx. */
#define GET(field) SCMI_GET_U32(rx, struct scmi_powercap_domain_attributes_p2a, field)

int scmi_powercap_zone_info(const struct scmi_powercap *pc, uint32_t id,
			    struct scmi_powercap_zone_info *info)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];
	uint8_t rx[sizeof(struct scmi_powercap_domain_attributes_p2a)];
	uint32_t attr;
	int ret;

	if (!info)
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	ret = pcap_xfer(pc, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	memset(info, 0, sizeof(*info));
	attr = GET(attributes);
	info->cap_notify = attr & SCMI_POWERCAP_ATTR_CAP_NOTIFY;
	info->meas_notify = attr & SCMI_POWERCAP_ATTR_MEAS_NOTIFY;
	info->async = attr & SCMI_POWERCAP_ATTR_ASYNC;
	info->ext_name = attr & SCMI_POWERCAP_ATTR_EXT_NAME;
	info->cap_config = attr & SCMI_POWERCAP_ATTR_CAP_CONFIG;
	info->monitoring = attr & SCMI_POWERCAP_ATTR_MONITORING;
	info->pai_config = attr & SCMI_POWERCAP_ATTR_PAI_CONFIG;
	info->fastchannel = attr & SCMI_POWERCAP_ATTR_FASTCHANNEL;
	info->unit = (enum scmi_powercap_unit)SCMI_POWERCAP_ATTR_UNIT(attr);
	scmi_proto_copy_name(info->name, sizeof(info->name),
			     SCMI_FIELD_PTR(rx, struct scmi_powercap_domain_attributes_p2a, name),
			     SCMI_FIELD_SIZE(struct scmi_powercap_domain_attributes_p2a, name));
	info->min_pai_us = GET(min_pai);
	info->max_pai_us = GET(max_pai);
	info->pai_step_us = GET(pai_step);
	info->min_cap = GET(min_power_cap);
	info->max_cap = GET(max_power_cap);
	info->cap_step = GET(power_cap_step);
	info->sustainable = GET(sustainable_power);
	info->accuracy = GET(accuracy);
	info->parent_id = GET(parent_id);
	if (!pcap_info_sane(pc, id, info)) {
		scmi_agent_set_error(pc->agent, "powercap zone %u: inconsistent attributes", id);
		return -EPROTO;
	}
	/* As Linux: on failure keep the short name. */
	if (info->ext_name)
		(void)scmi_powercap_zone_name(pc, id, info->name);
	return 0;
}

#undef GET

int scmi_powercap_cap_get(const struct scmi_powercap *pc, uint32_t id, uint32_t *cap)
{
	return pcap_id_u32(pc, SCMI_MSG_POWERCAP_CAP_GET, id, cap);
}

int scmi_powercap_cap_set(const struct scmi_powercap *pc, uint32_t id, uint32_t cap)
{
	uint8_t tx[sizeof(struct scmi_powercap_cap_set_a2p)];

	if (!pc)
		return -EINVAL;
	if (cap == SCMI_POWERCAP_CAP_DISABLED && pc->version < SCMI_POWERCAP_VERSION_2_0)
		return -EOPNOTSUPP;
	SCMI_PUT_U32(tx, struct scmi_powercap_cap_set_a2p, domain_id, id);
	/* Synchronous, and no delayed response wanted. */
	SCMI_PUT_U32(tx, struct scmi_powercap_cap_set_a2p, flags, 0);
	SCMI_PUT_U32(tx, struct scmi_powercap_cap_set_a2p, power_cap, cap);
	return pcap_xfer(pc, SCMI_MSG_POWERCAP_CAP_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_powercap_cap_enable(const struct scmi_powercap *pc, uint32_t id, bool enable, uint32_t cap)
{
	if (!pc)
		return -EINVAL;
	if (pc->version < SCMI_POWERCAP_VERSION_2_0)
		return -EOPNOTSUPP;
	if (enable && cap == SCMI_POWERCAP_CAP_DISABLED)
		return -EINVAL;
	return scmi_powercap_cap_set(pc, id, enable ? cap : SCMI_POWERCAP_CAP_DISABLED);
}

int scmi_powercap_pai_get(const struct scmi_powercap *pc, uint32_t id, uint32_t *pai_us)
{
	return pcap_id_u32(pc, SCMI_MSG_POWERCAP_PAI_GET, id, pai_us);
}

int scmi_powercap_pai_set(const struct scmi_powercap *pc, uint32_t id, uint32_t pai_us)
{
	uint8_t tx[sizeof(struct scmi_powercap_pai_set_a2p)];

	SCMI_PUT_U32(tx, struct scmi_powercap_pai_set_a2p, domain_id, id);
	SCMI_PUT_U32(tx, struct scmi_powercap_pai_set_a2p, flags, 0);
	SCMI_PUT_U32(tx, struct scmi_powercap_pai_set_a2p, pai, pai_us);
	return pcap_xfer(pc, SCMI_MSG_POWERCAP_PAI_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_powercap_measure(const struct scmi_powercap *pc, uint32_t id, uint32_t *power,
			  uint32_t *pai_us)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];
	uint8_t rx[sizeof(struct scmi_powercap_measurements_get_p2a)];
	int ret;

	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	ret = pcap_xfer(pc, SCMI_MSG_POWERCAP_MEASUREMENTS_GET, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	if (power)
		*power = SCMI_GET_U32(rx, struct scmi_powercap_measurements_get_p2a, power);
	if (pai_us)
		*pai_us = SCMI_GET_U32(rx, struct scmi_powercap_measurements_get_p2a, pai);
	return 0;
}

int scmi_powercap_cap_notify(const struct scmi_powercap *pc, uint32_t id, bool enable)
{
	uint8_t tx[sizeof(struct scmi_notify_a2p)];

	SCMI_PUT_U32(tx, struct scmi_notify_a2p, id, id);
	SCMI_PUT_U32(tx, struct scmi_notify_a2p, notify_enable, enable ? SCMI_NOTIFY_ENABLE : 0u);
	return pcap_xfer(pc, SCMI_MSG_POWERCAP_CAP_NOTIFY, tx, sizeof(tx), NULL, 0);
}

int scmi_powercap_measurements_notify(const struct scmi_powercap *pc, uint32_t id, bool enable,
				      uint32_t low, uint32_t high)
{
	uint8_t tx[sizeof(struct scmi_powercap_measurements_notify_a2p)];

	SCMI_PUT_U32(tx, struct scmi_powercap_measurements_notify_a2p, domain_id, id);
	SCMI_PUT_U32(tx, struct scmi_powercap_measurements_notify_a2p, notify_enable,
		     enable ? SCMI_NOTIFY_ENABLE : 0u);
	SCMI_PUT_U32(tx, struct scmi_powercap_measurements_notify_a2p, power_thresh_low, low);
	SCMI_PUT_U32(tx, struct scmi_powercap_measurements_notify_a2p, power_thresh_high, high);
	return pcap_xfer(pc, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, tx, sizeof(tx), NULL, 0);
}

int scmi_powercap_describe_fastchannel(const struct scmi_powercap *pc, uint32_t id, uint32_t msg_id,
				       uint8_t *rx, size_t max, size_t *len)
{
	uint8_t tx[sizeof(struct scmi_powercap_describe_fastchannel_a2p)];
	size_t n = 0;
	int ret;

	if (!pc || !pc->agent || (max && !rx))
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_powercap_describe_fastchannel_a2p, domain_id, id);
	SCMI_PUT_U32(tx, struct scmi_powercap_describe_fastchannel_a2p, message_id, msg_id);
	ret = scmi_xfer(pc->agent, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL,
			tx, sizeof(tx), rx, max, &n, NULL);
	if (len)
		*len = ret ? 0 : n;
	return ret;
}
