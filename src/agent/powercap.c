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
#include "scmi/proto/endian.h"

#define PCAP_DOMAIN_ATTRIBUTES	  0x3
#define PCAP_CAP_GET		  0x4
#define PCAP_CAP_SET		  0x5
#define PCAP_PAI_GET		  0x6
#define PCAP_PAI_SET		  0x7
#define PCAP_DOMAIN_NAME_GET	  0x8
#define PCAP_MEASUREMENTS_GET	  0x9
#define PCAP_CAP_NOTIFY		  0xa
#define PCAP_MEASUREMENTS_NOTIFY  0xb
#define PCAP_DESCRIBE_FASTCHANNEL 0xc

#define PCAP_ATTR_CAP_NOTIFY	  (1u << 31)
#define PCAP_ATTR_MEAS_NOTIFY	  (1u << 30)
#define PCAP_ATTR_ASYNC		  (1u << 29)
#define PCAP_ATTR_EXT_NAME	  (1u << 28)
#define PCAP_ATTR_CAP_CONFIG	  (1u << 27)
#define PCAP_ATTR_MONITORING	  (1u << 26)
#define PCAP_ATTR_PAI_CONFIG	  (1u << 25)
#define PCAP_ATTR_FASTCHANNEL	  (1u << 22)

/* DOMAIN_ATTRIBUTES reply: attributes, name[16], nine words. */
#define PCAP_ATTR_REPLY (4u + SCMI_SHORT_NAME_SIZE + 9u * 4u)

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
	pc->num_zones = attr & 0xffffu;
	return 0;
}

static int pcap_id_u32(const struct scmi_powercap *pc, uint8_t msg_id, uint32_t id, uint32_t *out)
{
	uint8_t tx[4], rx[4];
	int ret;

	if (!out)
		return -EINVAL;
	scmi_put_le32(tx, id);
	ret = pcap_xfer(pc, msg_id, tx, sizeof(tx), rx, sizeof(rx));
	if (!ret)
		*out = scmi_get_le32(rx);
	return ret;
}

int scmi_powercap_zone_name(const struct scmi_powercap *pc, uint32_t id,
			    char name[SCMI_EXT_NAME_SIZE + 1])
{
	uint8_t tx[4];

	if (!pc)
		return -EINVAL;
	scmi_put_le32(tx, id);
	return scmi_proto_name_get(pc->agent, SCMI_PROTOCOL_POWERCAP, PCAP_DOMAIN_NAME_GET, tx,
				   sizeof(tx), name, SCMI_EXT_NAME_SIZE + 1);
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

int scmi_powercap_zone_info(const struct scmi_powercap *pc, uint32_t id,
			    struct scmi_powercap_zone_info *info)
{
	uint8_t tx[4], rx[PCAP_ATTR_REPLY];
	const uint8_t *w = rx + 4 + SCMI_SHORT_NAME_SIZE;
	uint32_t attr;
	int ret;

	if (!info)
		return -EINVAL;
	scmi_put_le32(tx, id);
	ret = pcap_xfer(pc, PCAP_DOMAIN_ATTRIBUTES, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	memset(info, 0, sizeof(*info));
	attr = scmi_get_le32(rx);
	info->cap_notify = attr & PCAP_ATTR_CAP_NOTIFY;
	info->meas_notify = attr & PCAP_ATTR_MEAS_NOTIFY;
	info->async = attr & PCAP_ATTR_ASYNC;
	info->ext_name = attr & PCAP_ATTR_EXT_NAME;
	info->cap_config = attr & PCAP_ATTR_CAP_CONFIG;
	info->monitoring = attr & PCAP_ATTR_MONITORING;
	info->pai_config = attr & PCAP_ATTR_PAI_CONFIG;
	info->fastchannel = attr & PCAP_ATTR_FASTCHANNEL;
	info->unit = (enum scmi_powercap_unit)((attr >> 23) & 3u);
	scmi_proto_copy_name(info->name, sizeof(info->name), rx + 4, SCMI_SHORT_NAME_SIZE);
	info->min_pai_us = scmi_get_le32(w);
	info->max_pai_us = scmi_get_le32(w + 4);
	info->pai_step_us = scmi_get_le32(w + 8);
	info->min_cap = scmi_get_le32(w + 12);
	info->max_cap = scmi_get_le32(w + 16);
	info->cap_step = scmi_get_le32(w + 20);
	info->sustainable = scmi_get_le32(w + 24);
	info->accuracy = scmi_get_le32(w + 28);
	info->parent_id = scmi_get_le32(w + 32);
	if (!pcap_info_sane(pc, id, info)) {
		scmi_agent_set_error(pc->agent, "powercap zone %u: inconsistent attributes", id);
		return -EPROTO;
	}
	/* As Linux: on failure keep the short name. */
	if (info->ext_name)
		(void)scmi_powercap_zone_name(pc, id, info->name);
	return 0;
}

int scmi_powercap_cap_get(const struct scmi_powercap *pc, uint32_t id, uint32_t *cap)
{
	return pcap_id_u32(pc, PCAP_CAP_GET, id, cap);
}

int scmi_powercap_cap_set(const struct scmi_powercap *pc, uint32_t id, uint32_t cap)
{
	uint8_t tx[12];

	if (!pc)
		return -EINVAL;
	if (!cap && pc->version < SCMI_VERSION(2, 0))
		return -EOPNOTSUPP;
	scmi_put_le32(tx, id);
	/* Synchronous, and no delayed response wanted. */
	scmi_put_le32(tx + 4, 0);
	scmi_put_le32(tx + 8, cap);
	return pcap_xfer(pc, PCAP_CAP_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_powercap_cap_enable(const struct scmi_powercap *pc, uint32_t id, bool enable, uint32_t cap)
{
	if (!pc)
		return -EINVAL;
	if (pc->version < SCMI_VERSION(2, 0))
		return -EOPNOTSUPP;
	if (enable && !cap)
		return -EINVAL;
	return scmi_powercap_cap_set(pc, id, enable ? cap : 0);
}

int scmi_powercap_pai_get(const struct scmi_powercap *pc, uint32_t id, uint32_t *pai_us)
{
	return pcap_id_u32(pc, PCAP_PAI_GET, id, pai_us);
}

int scmi_powercap_pai_set(const struct scmi_powercap *pc, uint32_t id, uint32_t pai_us)
{
	uint8_t tx[12];

	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, 0);
	scmi_put_le32(tx + 8, pai_us);
	return pcap_xfer(pc, PCAP_PAI_SET, tx, sizeof(tx), NULL, 0);
}

int scmi_powercap_measure(const struct scmi_powercap *pc, uint32_t id, uint32_t *power,
			  uint32_t *pai_us)
{
	uint8_t tx[4], rx[8];
	int ret;

	scmi_put_le32(tx, id);
	ret = pcap_xfer(pc, PCAP_MEASUREMENTS_GET, tx, sizeof(tx), rx, sizeof(rx));
	if (ret)
		return ret;
	if (power)
		*power = scmi_get_le32(rx);
	if (pai_us)
		*pai_us = scmi_get_le32(rx + 4);
	return 0;
}

int scmi_powercap_cap_notify(const struct scmi_powercap *pc, uint32_t id, bool enable)
{
	uint8_t tx[8];

	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, enable ? 1u : 0u);
	return pcap_xfer(pc, PCAP_CAP_NOTIFY, tx, sizeof(tx), NULL, 0);
}

int scmi_powercap_measurements_notify(const struct scmi_powercap *pc, uint32_t id, bool enable,
				      uint32_t low, uint32_t high)
{
	uint8_t tx[16];

	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, enable ? 1u : 0u);
	scmi_put_le32(tx + 8, low);
	scmi_put_le32(tx + 12, high);
	return pcap_xfer(pc, PCAP_MEASUREMENTS_NOTIFY, tx, sizeof(tx), NULL, 0);
}

int scmi_powercap_describe_fastchannel(const struct scmi_powercap *pc, uint32_t id, uint32_t msg_id,
				       uint8_t *rx, size_t max, size_t *len)
{
	uint8_t tx[8];
	size_t n = 0;
	int ret;

	if (!pc || !pc->agent || (max && !rx))
		return -EINVAL;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, msg_id);
	ret = scmi_xfer(pc->agent, SCMI_PROTOCOL_POWERCAP, PCAP_DESCRIBE_FASTCHANNEL, tx,
			sizeof(tx), rx, max, &n, NULL);
	if (len)
		*len = ret ? 0 : n;
	return ret;
}
